//! The article's main text in a parsed page: paragraphs and headings of the article body,
//! without navigation, consent banners, teaser boxes, comments and footers. It reads only the
//! DOM; metadata (title, date, author) is `metadata`'s job.
//!
//! Baseline: block text of `<p>`, `<h1>`–`<h6>` and `<li>` outside page chrome.

use scraper::{ElementRef, Html, Node};

/// The main text as paragraphs, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MainText {
    pub paragraphs: Vec<String>,
}

impl MainText {
    /// Paragraphs separated by a blank line: what the extractors read.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

const CHROME: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "template",
];
const BLOCKS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"];

/// Finds the main text. Walks the tree without recursion, so deep nesting cannot overflow.
pub fn extract(dom: &Html) -> MainText {
    let mut paragraphs = Vec::new();
    let mut stack = vec![dom.root_element()];
    while let Some(el) = stack.pop() {
        let name = el.value().name();
        if CHROME.contains(&name) {
            continue;
        }
        if BLOCKS.contains(&name) {
            let text = block_text(el);
            if !text.is_empty() {
                paragraphs.push(text);
            }
            continue;
        }
        let children: Vec<ElementRef> = el.children().filter_map(ElementRef::wrap).collect();
        stack.extend(children.into_iter().rev());
    }
    MainText { paragraphs }
}

/// The whitespace-collapsed text of an element, skipping scripts and styles.
fn block_text(el: ElementRef) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            let inside_chrome = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style"))
            });
            if !inside_chrome {
                out.push_str(t);
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
