//! The page flattened into an arena in document order, with per-subtree text statistics and
//! the boilerplate decision for every element. Built by one iterative walk over the DOM and
//! two linear passes over the arena (no recursion, so deep nesting cannot overflow the stack).
//! It chooses no container and joins no text; see `container` and `collect`.

use scraper::{Html, Node};

use super::rules::{AttrSignal, RULES};

/// An arena index; `NONE` for "no parent".
pub(super) type Ix = u32;
pub(super) const NONE: Ix = u32::MAX;

/// How an element takes part in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    /// Starts and ends a paragraph (p, div, li, tr, …).
    Block,
    /// A heading h1–h6.
    Heading(u8),
    /// A table cell: a block when it holds blocks (layout tables), else a space-separated cell.
    Cell,
    /// A line break.
    Br,
    /// A link.
    Link,
    /// Anything else: text flows through it.
    Inline,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Item<'a> {
    pub parent: Ix,
    /// One past the last index of this item's subtree.
    pub end: Ix,
    pub kind: Kind<'a>,
    /// Visible bytes (not counting whitespace) in the kept part of the subtree.
    pub text: u32,
    /// Of which inside links.
    pub link: u32,
    pub commas: u32,
    /// Text that belongs to this block's own paragraph (not to nested blocks).
    pub inline_text: u32,
    pub inline_link: u32,
    pub inline_commas: u32,
    /// The subtree contains an h1 or an explicit article-body marker.
    pub has_anchor: bool,
    /// The subtree contains a block element.
    pub has_block: bool,
    /// Dropped: boilerplate by tag, attribute or role.
    pub dropped: bool,
    /// Inside a dropped subtree (or dropped itself).
    pub dead: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Kind<'a> {
    Text(&'a str),
    Element(Elem),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Elem {
    pub tag: Tag,
    /// Boilerplate by class, id, role or tag (dropped unless it holds the article).
    pub soft_drop: bool,
    /// Boilerplate even when page-sized (comments, consent, hidden).
    pub strong_drop: bool,
    /// Boilerplate when link-heavy (teasers, related links).
    pub link_drop: bool,
    /// Content container by class/id, `<article>`, `<main>` or `itemprop=articleBody`.
    pub content: bool,
    /// `itemprop=articleBody` or similar explicit body marker.
    pub body_marker: bool,
    /// A lead paragraph by class/id or `itemprop=description`.
    pub lead: bool,
}

pub(super) struct Arena<'a> {
    pub items: Vec<Item<'a>>,
    /// Index of `<body>` (or the root).
    pub body: Ix,
}

impl Arena<'_> {
    pub fn elem(&self, i: Ix) -> Option<&Elem> {
        match &self.items.get(i as usize)?.kind {
            Kind::Element(e) => Some(e),
            Kind::Text(_) => None,
        }
    }
}

/// What to do with an element by its tag alone.
enum TagRule {
    /// Skip the subtree entirely (scripts, styles, nav, footers, form controls, …).
    Skip,
    Keep(Tag),
}

fn tag_rule(name: &str) -> TagRule {
    use Tag::*;
    match name {
        "script" | "style" | "noscript" | "template" | "iframe" | "svg" | "canvas" | "button"
        | "select" | "option" | "textarea" | "input" | "head" | "title" | "meta" | "link"
        | "object" | "embed" | "video" | "audio" | "map" | "figcaption" | "menu" | "dialog"
        | "label" | "math" => TagRule::Skip,
        "p" => TagRule::Keep(Block),
        "div" | "section" | "article" | "main" | "ul" | "ol" | "li" | "dl" | "dt" | "dd"
        | "table" | "thead" | "tbody" | "tfoot" | "tr" | "blockquote" | "pre" | "address"
        | "center" | "details" | "summary" | "fieldset" | "figure" | "header" | "form" | "hr"
        | "caption" | "body" | "html" | "hgroup" | "nav" | "footer" | "aside" => {
            TagRule::Keep(Block)
        }
        "h1" => TagRule::Keep(Heading(1)),
        "h2" => TagRule::Keep(Heading(2)),
        "h3" => TagRule::Keep(Heading(3)),
        "h4" => TagRule::Keep(Heading(4)),
        "h5" => TagRule::Keep(Heading(5)),
        "h6" => TagRule::Keep(Heading(6)),
        "td" | "th" => TagRule::Keep(Cell),
        "br" => TagRule::Keep(Br),
        "a" => TagRule::Keep(Link),
        _ => TagRule::Keep(Inline),
    }
}

fn role_is_boilerplate(role: &str) -> bool {
    matches!(
        role.trim().to_ascii_lowercase().as_str(),
        "navigation"
            | "banner"
            | "contentinfo"
            | "complementary"
            | "menu"
            | "menubar"
            | "dialog"
            | "alertdialog"
            | "search"
            | "button"
            | "toolbar"
            | "tablist"
    )
}

fn style_hides(style: &str) -> bool {
    let s = style.as_bytes();
    // "display:none" / "display: none" / "visibility:hidden", ASCII case-insensitive.
    contains_squashed(s, b"display:none") || contains_squashed(s, b"visibility:hidden")
}

/// Whether `hay` contains `needle` once ASCII whitespace is ignored (ASCII case-insensitive).
fn contains_squashed(hay: &[u8], needle: &[u8]) -> bool {
    let mut n = 0;
    for &b in hay {
        if b.is_ascii_whitespace() {
            continue;
        }
        if b.to_ascii_lowercase() == needle[n] {
            n += 1;
            if n == needle.len() {
                return true;
            }
        } else {
            n = usize::from(b.to_ascii_lowercase() == needle[0]);
        }
    }
    false
}

fn element_info(name: &str, el: &scraper::node::Element, tag: Tag) -> Elem {
    // Headings carry ids like "nav_…" as jump targets; their class/id says nothing.
    let structural = matches!(
        name,
        "html" | "body" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
    );
    let mut signal = AttrSignal::default();
    let (mut itemprop, mut hidden, mut role_drop) = ("", false, false);
    // One pass over the attributes (`attr(name)` would intern the name on every call).
    for (key, value) in el.attrs() {
        match key {
            "class" | "id" if !structural => RULES.classify(value, &mut signal),
            "itemprop" => itemprop = value,
            "hidden" => hidden = true,
            "aria-hidden" => hidden |= value.trim() == "true",
            "style" => hidden |= style_hides(value),
            "role" => role_drop = role_is_boilerplate(value),
            _ => {}
        }
    }
    let body_marker = itemprop.contains("articleBody")
        || itemprop.contains("reviewBody")
        || itemprop.contains("description");
    let protected = structural || body_marker;
    let strong_drop = !protected && (signal.strong || hidden);
    let soft_drop = !protected
        && (signal.boilerplate || role_drop || matches!(name, "form" | "nav" | "footer" | "aside"));
    let link_drop = !protected && signal.links;
    Elem {
        tag,
        strong_drop,
        link_drop,
        soft_drop,
        content: body_marker || signal.content || matches!(name, "article" | "main"),
        body_marker,
        lead: signal.lead || itemprop.contains("description"),
    }
}

/// Visible (non-whitespace) bytes and commas of a text.
fn text_stats(t: &str) -> (u32, u32) {
    let mut visible = 0u32;
    let mut commas = 0u32;
    for b in t.bytes() {
        if !b.is_ascii_whitespace() {
            visible += 1;
            if b == b',' {
                commas += 1;
            }
        }
    }
    (visible, commas)
}

/// Link share from which a "teaser"/"related"-named subtree is a link list (a lead paragraph
/// of the same name has no or few links).
const LINK_LIST_DENSITY: f32 = 0.15;

/// Visible bytes that make a boilerplate-named element a wrapper: see `aggregate`.
const WRAPPER_MIN: u32 = 500;
const WRAPPER_MAX: u32 = 1500;

/// Flattens the DOM into an arena (pre-order), skipping subtrees dropped by tag.
pub(super) fn build(dom: &Html) -> Arena<'_> {
    let mut items: Vec<Item> = Vec::with_capacity(1024);
    let mut body = NONE;
    let mut total = 0u32;
    // Manual pre-order walk: (node, arena index of its parent).
    let root = dom.tree.root();
    let mut open: Vec<Ix> = Vec::new(); // arena indices of open elements, to set `end`
    let mut next = root.first_child();
    let mut depth_nodes = Vec::new(); // DOM nodes of `open`
    while let Some(node) = next {
        let parent = open.last().copied().unwrap_or(NONE);
        let mut descend = false;
        match node.value() {
            Node::Text(t) => {
                let s: &str = t;
                if parent != NONE && !s.is_empty() {
                    let mut item = Item::new(parent, Kind::Text(s));
                    (item.text, item.commas) = text_stats(s);
                    total += item.text;
                    items.push(item);
                }
            }
            Node::Element(el) => {
                let name = el.name();
                if let TagRule::Keep(tag) = tag_rule(name) {
                    let ix = items.len() as Ix;
                    if name == "body" && body == NONE {
                        body = ix;
                    }
                    let info = element_info(name, el, tag);
                    items.push(Item::new(parent, Kind::Element(info)));
                    descend = true;
                }
            }
            _ => {}
        }
        // Advance: into the children of a kept element, else to the next sibling, closing
        // finished elements on the way up.
        if descend && let Some(child) = node.first_child() {
            open.push(items.len() as Ix - 1);
            depth_nodes.push(node);
            next = Some(child);
            continue;
        }
        if descend {
            let last = items.len() - 1;
            items[last].end = items.len() as Ix;
        }
        let mut cur = node;
        next = loop {
            if let Some(sib) = cur.next_sibling() {
                break Some(sib);
            }
            match depth_nodes.pop() {
                Some(p) => {
                    if let Some(ix) = open.pop() {
                        items[ix as usize].end = items.len() as Ix;
                    }
                    cur = p;
                }
                None => break None,
            }
        };
    }
    for (i, item) in items.iter_mut().enumerate() {
        if item.end == 0 {
            item.end = i as Ix + 1;
        }
    }
    let body = if body == NONE { 0 } else { body };
    let mut arena = Arena { items, body };
    aggregate(&mut arena, total);
    arena
}

impl<'a> Item<'a> {
    fn new(parent: Ix, kind: Kind<'a>) -> Self {
        Item {
            parent,
            end: 0,
            kind,
            text: 0,
            link: 0,
            commas: 0,
            inline_text: 0,
            inline_link: 0,
            inline_commas: 0,
            has_anchor: false,
            has_block: false,
            dropped: false,
            dead: false,
        }
    }
}

/// Bottom-up statistics and drop decisions (reverse pre-order: every descendant is done
/// before its ancestor), then top-down `dead` flags.
fn aggregate(arena: &mut Arena, total: u32) {
    // A boilerplate-looking element that holds a third of the page's text (but at least
    // WRAPPER_MIN, and WRAPPER_MAX is always enough) is a wrapper of the article.
    let wrapper = (total / 3).clamp(WRAPPER_MIN, WRAPPER_MAX);
    let items = &mut arena.items;
    let n = items.len();
    for i in (0..n).rev() {
        let it = items[i];
        let (text, link, commas, inline_text, inline_link, inline_commas, anchor, block);
        match it.kind {
            Kind::Text(_) => {
                let (v, c) = (it.text, it.commas);
                (text, link, commas) = (v, 0, c);
                (inline_text, inline_link, inline_commas) = (v, 0, c);
                (anchor, block) = (false, false);
            }
            Kind::Element(e) => {
                // Drop decision now that the subtree is known.
                let ld = if it.text == 0 {
                    0.0
                } else {
                    it.link as f32 / it.text as f32
                };
                let big = it.text >= wrapper && ld < 0.3;
                let drop = e.strong_drop && !it.has_anchor
                    || e.soft_drop && !it.has_anchor && !big
                    || e.link_drop && !it.has_anchor && ld >= LINK_LIST_DENSITY;
                if drop {
                    items[i].dropped = true;
                    continue;
                }
                let is_link = e.tag == Tag::Link;
                text = it.text;
                link = if is_link { it.text } else { it.link };
                commas = it.commas;
                let own_block = matches!(e.tag, Tag::Block | Tag::Heading(_) | Tag::Cell);
                if own_block {
                    (inline_text, inline_link, inline_commas) = (0, 0, 0);
                } else {
                    inline_text = it.inline_text;
                    inline_link = if is_link {
                        it.inline_text
                    } else {
                        it.inline_link
                    };
                    inline_commas = it.inline_commas;
                }
                if is_link {
                    items[i].link = it.text;
                    items[i].inline_link = it.inline_text;
                }
                anchor = it.has_anchor || e.body_marker || e.tag == Tag::Heading(1);
                block = it.has_block || own_block && e.tag != Tag::Cell;
            }
        }
        let p = it.parent;
        if p == NONE {
            continue;
        }
        let parent = &mut items[p as usize];
        parent.text += text;
        parent.link += link;
        parent.commas += commas;
        parent.inline_text += inline_text;
        parent.inline_link += inline_link;
        parent.inline_commas += inline_commas;
        parent.has_anchor |= anchor;
        parent.has_block |= block;
    }
    for i in 0..n {
        let p = items[i].parent;
        let parent_dead = p != NONE && items[p as usize].dead;
        items[i].dead = parent_dead || items[i].dropped;
    }
}
