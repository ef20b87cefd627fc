//! One walk over the DOM that gathers every metadata source: `<title>`, `<html lang>`,
//! `<meta>` (name/property/itemprop/http-equiv), `<link rel=canonical>`, JSON-LD script
//! texts, `<time>`, `<h1>`, author links and bylines, and short visible texts that may hold a
//! date. The walk is iterative (deep nesting cannot overflow the stack) and bounded. It
//! interprets nothing: parsing and priorities are in the sibling modules.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Where a text or tag sits in the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// Inside `<article>`, `[itemprop=articleBody]`, `<main>` or an element whose class says
    /// post/entry/article.
    pub article: bool,
    /// Inside nav/footer/aside, comments, related-article or sidebar boxes.
    pub chrome: bool,
    /// The element or an ancestor's class/id/itemprop says date/time/published/meta/byline.
    pub date_hint: bool,
    /// Seen after the first `<h1>` of the page.
    pub after_h1: bool,
}

#[derive(Debug, Clone)]
pub struct TimeTag {
    pub datetime: Option<String>,
    pub text: String,
    /// `pubdate` attribute, `itemprop=datePublished` or a class saying "publish".
    pub published: bool,
    /// A class or itemprop saying "modified"/"updated".
    pub modified: bool,
    pub ctx: Context,
}

#[derive(Debug, Clone)]
pub struct Snippet {
    pub text: String,
    pub ctx: Context,
}

/// Everything the walk found, in document order.
#[derive(Debug, Default)]
pub struct Found {
    pub lang: Option<String>,
    pub title: Option<String>,
    /// `(key, content)`, the key lowercased: `og:title`, `author`, `article:published_time`,
    /// `datepublished` (itemprop), `content-language` (http-equiv), …
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    pub jsonld: Vec<String>,
    pub times: Vec<TimeTag>,
    pub h1: Vec<Snippet>,
    /// Texts of `rel=author` links and `itemprop=author` elements.
    pub author_tags: Vec<Snippet>,
    /// Texts of elements whose class/id says author/byline.
    pub bylines: Vec<Snippet>,
    /// Short text nodes starting with "Von "/"By " (a byline without markup).
    pub von_texts: Vec<Snippet>,
    /// Short visible texts that contain a digit (dates) or may be a relative date, plus the
    /// whole text of date-hinted elements.
    pub date_texts: Vec<Snippet>,
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "select", "option", "textarea", "button",
];
const CHROME_TAGS: &[&str] = &["nav", "footer", "aside", "menu"];
const CAP: usize = 300;
const MAX_SNIPPETS: usize = 400;
const MAX_CAPTURES: usize = 6;

/// Class/id/itemprop fragments (ASCII case-insensitive) and what they say about an element.
const HINTS: &[(&str, Hint)] = &[
    ("comment", Hint::Chrome),
    ("kommentar", Hint::Chrome),
    ("related", Hint::Chrome),
    ("sidebar", Hint::Chrome),
    ("widget", Hint::Chrome),
    ("footer", Hint::Chrome),
    ("breadcrumb", Hint::Chrome),
    ("navigation", Hint::Chrome),
    ("recommend", Hint::Chrome),
    ("date", Hint::Date),
    ("datum", Hint::Date),
    ("time", Hint::Date),
    ("publish", Hint::Date),
    ("posted", Hint::Date),
    ("post-meta", Hint::Date),
    ("entry-meta", Hint::Date),
    ("article-meta", Hint::Date),
    ("postmeta", Hint::Date),
    ("metadata", Hint::Date),
    ("-meta", Hint::Date),
    ("_meta", Hint::Date),
    ("meta-", Hint::Date),
    ("meta_", Hint::Date),
    ("info", Hint::Date),
    ("byline", Hint::Date),
    ("byline", Hint::Author),
    ("author", Hint::Author),
    ("autor", Hint::Author),
    ("verfasser", Hint::Author),
    ("articlebody", Hint::Article),
    ("article-body", Hint::Article),
    ("entry-content", Hint::Article),
    ("post-content", Hint::Article),
    ("hentry", Hint::Article),
    ("post-", Hint::Article),
];

const TAXONOMY: &[&str] = &[
    "tag-",
    "category-",
    "status-",
    "format-",
    "postid-",
    "page-id-",
    "type-",
    // State classes say what an element has or shows, not what it is ("with-navigation",
    // "has-sidebar", "no-comments", "is-hidden").
    "has-",
    "with-",
    "without-",
    "no-",
    "is-",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Hint {
    Chrome,
    Date,
    Author,
    Article,
}

static HINT_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(HINTS.iter().map(|(p, _)| p))
        .expect("hint patterns")
});

/// The attributes every element is checked for, read in one pass (`Element::attr` interns
/// its argument on each call, which is slow on every element of a page).
#[derive(Default, Clone, Copy)]
struct Common<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    itemprop: Option<&'a str>,
    rel: Option<&'a str>,
}

fn common(el: &scraper::node::Element) -> Common<'_> {
    let mut c = Common::default();
    for (k, v) in el.attrs() {
        match k {
            "class" => c.class = Some(v),
            "id" => c.id = Some(v),
            "itemprop" => c.itemprop = Some(v),
            "rel" => c.rel = Some(v),
            _ => {}
        }
    }
    c
}

/// (article, chrome, date, author) hints of an element's class, id and itemprop.
fn hint_words(a: Common) -> (bool, bool, bool, bool) {
    let mut h = (false, false, false, false);
    // One automaton scan per attribute value; the whole-token checks only look at the
    // token a match falls in.
    let mut check = |v: &str| {
        if v.len() > 300 {
            return;
        }
        for m in HINT_MATCHER.find_overlapping_iter(v) {
            let start = v[..m.start()]
                .rfind(|c: char| c.is_ascii_whitespace())
                .map_or(0, |i| i + 1);
            let token = &v[start..];
            // Taxonomy classes (WordPress "tag-…", "category-…", "status-publish") and state
            // classes ("with-navigation") describe the post or a state, not the element's role.
            if TAXONOMY.iter().any(|p| {
                token
                    .get(..p.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(p))
            }) {
                continue;
            }
            match HINTS[m.pattern().as_usize()].1 {
                Hint::Article => h.0 = true,
                Hint::Chrome => h.1 = true,
                Hint::Date => h.2 = true,
                Hint::Author => h.3 = true,
            }
        }
        for token in v.split_ascii_whitespace() {
            if token.len() > 7 {
                continue;
            }
            if token.eq_ignore_ascii_case("meta") {
                h.2 = true;
            }
            if ["post", "entry", "article"]
                .iter()
                .any(|w| token.eq_ignore_ascii_case(w))
            {
                h.0 = true;
            }
        }
    };
    if let Some(class) = a.class {
        check(class);
    }
    if let Some(id) = a.id {
        check(id);
    }
    if let Some(ip) = a.itemprop {
        check(ip);
    }
    h
}

fn collapse(s: &str) -> String {
    super::clean_text(s)
}

enum CaptureKind {
    Title,
    H1,
    AuthorTag,
    Byline,
    Time(TimeTag),
    DateHint,
}

struct Capture {
    kind: CaptureKind,
    depth: usize,
    text: String,
    ctx: Context,
}

/// Walks the DOM once.
pub fn walk(dom: &Html) -> Found {
    let mut f = Found::default();
    // Per open element: (skip, context). The root context is the default.
    let mut stack: Vec<(bool, Context)> = Vec::with_capacity(64);
    let mut captures: Vec<Capture> = Vec::new();
    let mut seen_h1 = false;
    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                let Node::Element(el) = node.value() else {
                    if let Node::Text(t) = node.value() {
                        let (skip, ctx) = stack.last().copied().unwrap_or_default();
                        if skip {
                            continue;
                        }
                        for c in captures.iter_mut() {
                            if c.text.len() < CAP {
                                c.text.push_str(t);
                            }
                        }
                        if f.von_texts.len() < 20 && !ctx.chrome && t.len() < 80 {
                            let s = t.trim_start();
                            if ["Von ", "von ", "By ", "by ", "VON "]
                                .iter()
                                .any(|p| s.starts_with(p))
                            {
                                f.von_texts.push(Snippet {
                                    text: collapse(s),
                                    ctx,
                                });
                            }
                        }
                        if f.date_texts.len() < MAX_SNIPPETS && !ctx.chrome {
                            let s: &str = t;
                            let s = s.trim();
                            if (3..=120).contains(&s.len())
                                && (ctx.date_hint || s.bytes().any(|b| b.is_ascii_digit()))
                            {
                                f.date_texts.push(Snippet {
                                    text: collapse(s),
                                    ctx,
                                });
                            }
                        }
                    }
                    continue;
                };
                let name = el.name();
                for c in captures.iter_mut() {
                    if !c.text.is_empty() && !c.text.ends_with(' ') && c.text.len() < CAP {
                        c.text.push(' ');
                    }
                }
                let (parent_skip, parent) = stack.last().copied().unwrap_or_default();
                let mut ctx = parent;
                ctx.after_h1 = seen_h1;
                let skip = parent_skip || SKIP.contains(&name);
                let attrs = common(el);
                let (article, chrome, date, author) = if matches!(name, "html" | "body") {
                    Default::default()
                } else {
                    hint_words(attrs)
                };
                ctx.article |= article || matches!(name, "article" | "main");
                ctx.chrome |= chrome || CHROME_TAGS.contains(&name);
                ctx.date_hint |= date;
                stack.push((skip, ctx));
                let depth = stack.len();
                match name {
                    "html" if f.lang.is_none() => {
                        f.lang = el
                            .attr("lang")
                            .or(el.attr("xml:lang"))
                            .map(collapse)
                            .filter(|s| !s.is_empty());
                    }
                    "meta" => {
                        let key = el
                            .attr("property")
                            .or(el.attr("name"))
                            .or(el.attr("itemprop"))
                            .or(el.attr("http-equiv"));
                        if let (Some(k), Some(v)) = (key, el.attr("content")) {
                            let v = collapse(v);
                            if !v.is_empty() && f.metas.len() < 500 {
                                f.metas.push((k.trim().to_ascii_lowercase(), v));
                            }
                        }
                    }
                    "link" => {
                        let rel = el.attr("rel").unwrap_or("");
                        if rel.eq_ignore_ascii_case("canonical") && f.canonical.is_none() {
                            f.canonical = el
                                .attr("href")
                                .map(str::trim)
                                .filter(|h| h.starts_with("http"))
                                .map(String::from);
                        }
                    }
                    "script"
                        if f.jsonld.len() < 20
                            && el.attr("type").is_some_and(|t| {
                                t.trim().eq_ignore_ascii_case("application/ld+json")
                            }) =>
                    {
                        let text: String = node
                            .children()
                            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                            .collect();
                        f.jsonld.push(text);
                    }
                    _ => {}
                }
                if skip {
                    continue;
                }
                // Microdata dates and authors on any element.
                if let Some(ip) = attrs.itemprop {
                    let ip = ip.to_ascii_lowercase();
                    if matches!(
                        ip.as_str(),
                        "datepublished" | "datecreated" | "datemodified"
                    ) && name != "meta"
                        && let Some(v) = el.attr("content").or(el.attr("datetime"))
                    {
                        f.metas.push((ip.clone(), collapse(v)));
                    }
                }
                if captures.len() >= MAX_CAPTURES && name != "time" {
                    continue;
                }
                let kind = match name {
                    "title" if f.title.is_none() => Some(CaptureKind::Title),
                    "h1" if f.h1.len() < 5 => {
                        seen_h1 = true;
                        Some(CaptureKind::H1)
                    }
                    "time" if f.times.len() < 50 => Some(CaptureKind::Time(TimeTag {
                        datetime: el.attr("datetime").map(collapse),
                        text: String::new(),
                        published: el.attr("pubdate").is_some()
                            || attrs
                                .itemprop
                                .is_some_and(|i| i.eq_ignore_ascii_case("datepublished"))
                            || attrs.class.unwrap_or("").split_ascii_whitespace().any(|c| {
                                let c = c.to_ascii_lowercase();
                                c.contains("publish")
                                    || c.contains("entry-date")
                                    || c.contains("post-date")
                            }),
                        modified: attrs
                            .class
                            .unwrap_or("")
                            .split_ascii_whitespace()
                            .chain(attrs.itemprop)
                            .any(|c| {
                                let c = c.to_ascii_lowercase();
                                c.contains("modified") || c.contains("updated")
                            }),
                        ctx,
                    })),
                    _ => {
                        let rel_author = attrs.rel.is_some_and(|r| {
                            r.split_whitespace()
                                .any(|r| r.eq_ignore_ascii_case("author"))
                        });
                        let ip_author = attrs.itemprop.is_some_and(|i| {
                            i.eq_ignore_ascii_case("author") || i.eq_ignore_ascii_case("creator")
                        });
                        if (rel_author || ip_author) && f.author_tags.len() < 20 {
                            Some(CaptureKind::AuthorTag)
                        } else if author && f.bylines.len() < 20 && !matches!(name, "body" | "html")
                        {
                            Some(CaptureKind::Byline)
                        } else if date
                            && f.date_texts.len() < MAX_SNIPPETS
                            && !matches!(name, "body" | "html")
                            && !captures
                                .iter()
                                .any(|c| matches!(c.kind, CaptureKind::DateHint))
                        {
                            Some(CaptureKind::DateHint)
                        } else {
                            None
                        }
                    }
                };
                if let Some(kind) = kind {
                    captures.push(Capture {
                        kind,
                        depth,
                        text: String::new(),
                        ctx,
                    });
                }
            }
            Edge::Close(node) => {
                if !node.value().is_element() {
                    continue;
                }
                let depth = stack.len();
                stack.pop();
                while captures.last().is_some_and(|c| c.depth >= depth) {
                    let Some(c) = captures.pop() else { break };
                    let text = collapse(&c.text);
                    let snippet = Snippet { text, ctx: c.ctx };
                    match c.kind {
                        CaptureKind::Title => {
                            if !snippet.text.is_empty() {
                                f.title = Some(snippet.text);
                            }
                        }
                        CaptureKind::H1 => {
                            if !snippet.text.is_empty() {
                                f.h1.push(snippet);
                            }
                        }
                        CaptureKind::AuthorTag => f.author_tags.push(snippet),
                        CaptureKind::Byline => {
                            if snippet.text.len() < CAP {
                                f.bylines.push(snippet)
                            }
                        }
                        CaptureKind::Time(mut t) => {
                            t.text = snippet.text;
                            f.times.push(t);
                        }
                        CaptureKind::DateHint => {
                            if snippet.text.len() < CAP
                                && snippet.text.bytes().any(|b| b.is_ascii_digit())
                            {
                                f.date_texts.push(snippet)
                            }
                        }
                    }
                }
            }
        }
    }
    f
}
