//! Guards the HTML tree builder against absurd nesting. html5ever's tree builder walks the
//! stack of open elements for many start tags, so 100,000 nested `<div>`s cost minutes;
//! browsers cap the depth too. [`Depth`] follows the tags as the tokenizer emits them with a
//! cheap estimate of the open elements and tells it to drop the tags nested deeper than
//! [`MAX_DEPTH`] (their text stays). It never drops a tag of a page of ordinary depth, and it
//! builds no tree itself.

use html5ever::{LocalName, local_name};

/// The deepest nesting kept; real pages stay far below (a few dozen levels).
pub const MAX_DEPTH: usize = 1000;

/// How far down the stack an end tag looks for its start tag; misnested or unclosed tags
/// beyond that are left to the tree builder.
const END_TAG_REACH: usize = 16;

/// The estimated stack of open elements, and the start tags dropped and not yet closed.
#[derive(Debug, Default)]
pub struct Depth {
    stack: Vec<LocalName>,
    dropped: Vec<LocalName>,
    /// How many tags (start and end) were dropped.
    pub removed: usize,
}

impl Depth {
    /// Whether to keep a start tag.
    pub fn start(&mut self, name: &LocalName, self_closing: bool) -> bool {
        if self_closing || is_void(name) || is_raw_text(name) {
            return true;
        }
        if closes_sibling(name) && self.stack.last() == Some(name) {
            self.stack.pop();
        }
        // Text blocks may go a little deeper, so that the text deep inside keeps its
        // paragraphs while the containers around it are dropped.
        let limit = if is_text_block(name) {
            MAX_DEPTH + END_TAG_REACH
        } else {
            MAX_DEPTH
        };
        if self.stack.len() >= limit {
            self.dropped.push(name.clone());
            self.removed += 1;
            false
        } else {
            self.stack.push(name.clone());
            true
        }
    }

    /// Whether to keep an end tag.
    pub fn end(&mut self, name: &LocalName) -> bool {
        if self.dropped.last() == Some(name) {
            self.dropped.pop();
            self.removed += 1;
            return false;
        }
        let reach = self.stack.len().saturating_sub(END_TAG_REACH);
        if let Some(i) = self.stack[reach..].iter().rposition(|s| s == name) {
            self.stack.truncate(reach + i);
        }
        true
    }
}

fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("keygen")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("frame")
    )
}

/// Elements whose content the tokenizer reads as text; they nest nothing.
fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
    )
}

/// Elements whose start tag closes an open element of the same name.
fn closes_sibling(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("li")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("option")
            | local_name!("optgroup")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("rb")
            | local_name!("rt")
            | local_name!("rp")
    )
}

/// Elements that hold text as a block; kept a little past the limit.
fn is_text_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("li")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("td")
            | local_name!("th")
            | local_name!("pre")
            | local_name!("blockquote")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(tags: &[(&str, bool)]) -> (Vec<bool>, usize) {
        let mut d = Depth::default();
        let keep = tags
            .iter()
            .map(|&(name, start)| {
                let name = LocalName::from(name);
                if start {
                    d.start(&name, false)
                } else {
                    d.end(&name)
                }
            })
            .collect();
        (keep, d.removed)
    }

    #[test]
    fn ordinary_depth_keeps_every_tag() {
        let mut tags = vec![("div", true); 200];
        tags.extend(vec![("p", true); 5000]); // unclosed siblings close each other
        tags.extend(vec![("div", false); 200]);
        let (keep, removed) = run(&tags);
        assert!(keep.iter().all(|&k| k));
        assert_eq!(removed, 0);
    }

    #[test]
    fn tags_past_the_limit_are_dropped_with_their_end_tags() {
        let n = MAX_DEPTH + 500;
        let mut tags = vec![("div", true); n];
        tags.push(("p", true));
        tags.push(("p", false));
        tags.extend(vec![("div", false); n]);
        let (keep, removed) = run(&tags);
        assert_eq!(removed, 2 * 500);
        // The text block inside is kept, a little past the limit.
        assert!(keep[n] && keep[n + 1]);
        assert_eq!(keep.iter().filter(|&&k| !k).count(), 1000);
    }

    #[test]
    fn void_and_raw_text_elements_nest_nothing() {
        let mut tags = vec![("br", true); 5000];
        tags.extend(vec![("script", true); 5000]);
        let (keep, removed) = run(&tags);
        assert!(keep.iter().all(|&k| k));
        assert_eq!(removed, 0);
    }
}
