//! Guards the HTML parser against absurd nesting. html5ever's tree builder walks the stack of
//! open elements for many start tags, so 100,000 nested `<div>`s cost minutes; browsers cap the
//! depth too. This module estimates the nesting depth with a cheap scan of the tags and, only
//! when it passes [`MAX_DEPTH`], removes the tags nested deeper (their text stays). It does
//! not build a tree and does not change pages of ordinary depth (it returns `None` for them).

use memchr::memchr;

use super::scan::{end_tag_start, tag_end, tag_name};

/// The deepest nesting kept; real pages stay far below (a few dozen levels).
pub const MAX_DEPTH: usize = 1000;

/// How far down the stack an end tag looks for its start tag; misnested or unclosed tags
/// beyond that are left to the parser.
const END_TAG_REACH: usize = 16;

const VOID: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"keygen",
    b"basefont",
    b"bgsound",
    b"frame",
];
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];
/// Elements whose start tag closes an open element of the same name.
const SELF_CLOSING_SIBLINGS: &[&[u8]] = &[
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"rb",
    b"rt",
    b"rp",
];

/// Elements that hold text as a block; kept a little past the limit (see `scan`).
const TEXT_BLOCKS: &[&[u8]] = &[
    b"p",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"li",
    b"dt",
    b"dd",
    b"td",
    b"th",
    b"pre",
    b"blockquote",
];

/// The page with tags nested deeper than [`MAX_DEPTH`] removed, and how many tags were
/// removed; `None` when the page never nests that deep.
pub fn flatten(html: &str) -> Option<(String, usize)> {
    if !scan(html, None) {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    scan(html, Some(&mut out));
    let removed = (html.len() > out.len()).then_some(count_removed(html, &out));
    Some((out, removed.unwrap_or(0)))
}

/// Counts tags removed: the difference in '<' characters between input and output.
fn count_removed(before: &str, after: &str) -> usize {
    let count = |s: &str| s.bytes().filter(|&b| b == b'<').count();
    count(before).saturating_sub(count(after))
}

fn is_one_of(name: &[u8], set: &[&[u8]]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(name))
}

/// Scans the tags; without `out`, returns whether the depth limit is passed; with `out`,
/// copies the page there without the too-deep tags (and returns the same answer).
fn scan(html: &str, mut out: Option<&mut String>) -> bool {
    let bytes = html.as_bytes();
    let mut stack: Vec<&[u8]> = Vec::new();
    let mut dropped: Vec<&[u8]> = Vec::new();
    let mut too_deep = false;
    let mut copied = 0; // bytes of `html` before this index are handled
    let mut at = 0;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        let rest = &bytes[lt + 1..];
        let (end, keep) = match rest.first() {
            Some(b'!') => {
                let end = if rest.starts_with(b"!--") {
                    memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |e| lt + 4 + e + 3)
                } else {
                    memchr(b'>', rest).map_or(bytes.len(), |e| lt + 1 + e + 1)
                };
                (end, true)
            }
            Some(b'/') => {
                let name = tag_name(&rest[1..]);
                let end = memchr(b'>', rest).map_or(bytes.len(), |e| lt + 1 + e + 1);
                if name.is_empty() {
                    (end, true)
                } else if dropped.last().is_some_and(|d| d.eq_ignore_ascii_case(name)) {
                    dropped.pop();
                    (end, false)
                } else {
                    let reach = stack.len().saturating_sub(END_TAG_REACH);
                    if let Some(i) = stack[reach..]
                        .iter()
                        .rposition(|s| s.eq_ignore_ascii_case(name))
                    {
                        stack.truncate(reach + i);
                    }
                    (end, true)
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name = tag_name(rest);
                let end = tag_end(bytes, lt + 1 + name.len()).unwrap_or(bytes.len());
                let self_closed = end >= 2 && bytes[end - 2] == b'/';
                let mut keep = true;
                if is_one_of(name, RAW_TEXT) {
                    // The index after the end tag's '>'.
                    let close = end_tag_start(bytes, end, name).map_or(bytes.len(), |at| {
                        memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e + 1)
                    });
                    copy(&mut out, html, &mut copied, close);
                    at = close;
                    continue;
                } else if !self_closed && !is_one_of(name, VOID) {
                    if is_one_of(name, SELF_CLOSING_SIBLINGS)
                        && stack.last().is_some_and(|s| s.eq_ignore_ascii_case(name))
                    {
                        stack.pop();
                    }
                    // Text blocks may go a little deeper, so that the text deep inside
                    // keeps its paragraphs while the containers around it are dropped.
                    let limit = if is_one_of(name, TEXT_BLOCKS) {
                        MAX_DEPTH + END_TAG_REACH
                    } else {
                        MAX_DEPTH
                    };
                    if stack.len() >= limit {
                        too_deep = true;
                        if out.is_none() {
                            return true;
                        }
                        dropped.push(name);
                        keep = false;
                    } else {
                        stack.push(name);
                    }
                }
                (end, keep)
            }
            _ => (lt + 1, true),
        };
        if !keep {
            copy(&mut out, html, &mut copied, lt);
            copied = end;
        }
        at = end.min(bytes.len());
    }
    copy(&mut out, html, &mut copied, bytes.len());
    too_deep
}

/// Appends `html[copied..to]` to `out` (when rewriting) and moves `copied` on.
fn copy(out: &mut Option<&mut String>, html: &str, copied: &mut usize, to: usize) {
    if let Some(out) = out.as_deref_mut()
        && *copied < to
    {
        // Tag boundaries are ASCII bytes, so these are char boundaries.
        out.push_str(html.get(*copied..to).unwrap_or_default());
    }
    *copied = (*copied).max(to);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!(
            "<html><body>{}<p>Kern</p>{}</body></html>",
            "<div class=\"x\">".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    #[test]
    fn ordinary_pages_are_left_alone() {
        assert_eq!(flatten(&nested(200)), None);
        let page =
            "<p>a<p>b<ul><li>x<li>y</ul><script>if (a<b) { x = '<div>'.repeat(5000) }</script>"
                .repeat(2000);
        assert_eq!(flatten(&page), None);
        let unclosed_siblings = "<p>Absatz ".repeat(5000);
        assert_eq!(flatten(&unclosed_siblings), None);
    }

    #[test]
    fn deep_pages_keep_their_text_and_lose_deep_tags() {
        let (flat, removed) = flatten(&nested(100_000)).expect("too deep");
        // html and body are open, then divs up to the limit; the text block inside is kept.
        assert!(flat.contains("<p>Kern</p>"));
        assert_eq!(removed, 2 * (100_000 + 2 - MAX_DEPTH));
        assert_eq!(flat.matches("<div").count(), MAX_DEPTH - 2);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH - 2);
    }

    #[test]
    fn broken_tags_do_not_panic() {
        for s in [
            "<",
            "</",
            "<!--",
            "<a href=\"x",
            "<script>never closed",
            "</>",
            "<!x",
            "<é>",
        ] {
            let deep = format!("{}{s}", "<b>".repeat(MAX_DEPTH + 1));
            assert!(flatten(&deep).is_some(), "{s}");
            assert_eq!(flatten(s), None, "{s}");
        }
    }
}
