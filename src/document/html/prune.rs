//! Empties the bodies of `<script>` (except JSON-LD) and `<style>` elements before the page
//! is parsed. On news pages they are a third of the bytes; the parser would tokenise them and
//! copy them into the tree, and nothing downstream reads them. It does not touch anything
//! else, and leaves a script alone whose body could confuse a simple scan (one holding `<!--`).

use memchr::{memchr, memmem};

use super::scan::{end_tag_start, name_ends, tag_end};

/// The page with script and style bodies removed, or `None` when there is nothing to remove.
pub fn prune(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` before this index are in `out`
    let mut at = 0;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            at = memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let name_len = if starts_with_tag(rest, b"script") {
            6
        } else if starts_with_tag(rest, b"style") {
            5
        } else {
            at = lt + 1;
            continue;
        };
        let name = &rest[..name_len];
        let Some(body_start) = tag_end(bytes, lt + 1 + name_len) else {
            break;
        };
        let Some(body_end) = end_tag_start(bytes, body_start, name) else {
            break;
        };
        let attrs = &bytes[lt + 1 + name_len..body_start - 1];
        let body = &bytes[body_start..body_end];
        let keep = body.is_empty()
            || (name_len == 6 && is_json_ld(attrs))
            || memmem::find(body, b"<!--").is_some();
        if !keep {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            // Both indices sit next to ASCII '>' and '<', so they are char boundaries.
            o.push_str(html.get(copied..body_start).unwrap_or(""));
            copied = body_end;
        }
        at = body_end;
    }
    let mut o = out?;
    o.push_str(html.get(copied..).unwrap_or(""));
    Some(o)
}

/// Whether `rest` (the bytes after a '<') starts with the tag `name` (ASCII case-insensitive)
/// followed by the end of the name.
fn starts_with_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && name_ends(&rest[name.len()..])
}

/// Whether a script's attributes may declare JSON-LD: any mention of "json", since pages
/// write the type with character references too (`application&#x2F;ld&#x2B;json`).
fn is_json_ld(attrs: &[u8]) -> bool {
    attrs.windows(4).any(|w| w.eq_ignore_ascii_case(b"json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_style_bodies_go_json_ld_stays() {
        let page = "<html><head><STYLE>p{color:red}</STYLE>\
            <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>\
            <script src=x.js></script><Script>var a = \"<p>x</p>\";</sCript >\
            <script data-x=\"a>b\">var b;</script>\
            <script type=\"application&#x2F;ld&#x2B;json\">{}</script>\
            </head><body><p>Text</p></body></html>";
        assert_eq!(
            prune(page).as_deref(),
            Some(
                "<html><head><STYLE></STYLE>\
                 <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>\
                 <script src=x.js></script><Script></sCript >\
                 <script data-x=\"a>b\"></script>\
                 <script type=\"application&#x2F;ld&#x2B;json\">{}</script>\
                 </head><body><p>Text</p></body></html>"
            )
        );
    }

    #[test]
    fn nothing_to_remove_is_none() {
        assert_eq!(prune("<p>Kein Skript, nur Text über <scripts></p>"), None);
        assert_eq!(prune("<script></script><p>Ä</p>"), None);
    }

    #[test]
    fn comments_and_escaped_scripts_are_left_alone() {
        let commented = "<!-- <script>a</script> --><p>Ö</p>";
        assert_eq!(prune(commented), None);
        let escaped = "<script><!-- document.write('<script>x</script>') --></script><p>Ü</p>";
        assert_eq!(prune(escaped), None);
    }

    #[test]
    fn unclosed_or_truncated_tags_do_not_panic() {
        for page in [
            "<script>var a = 1;",
            "<script",
            "<style",
            "<script type=x",
            "ä<script>ö</scrip",
            "<",
        ] {
            let pruned = prune(page);
            assert!(pruned.is_none_or(|p| p.len() <= page.len()), "{page}");
        }
    }
}
