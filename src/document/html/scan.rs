//! Byte-level helpers for the cheap tag scan that runs before parsing (script pruning): the
//! end of a start tag, the end of a tag name, the end tag of a raw-text element.
//! They build no tree and decode no character references.

use memchr::memmem;

/// The index after the `>` closing a start tag whose attributes begin at `from`, skipping
/// quoted attribute values; `None` when the tag never closes.
pub fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i + 1),
            None => {}
        }
    }
    None
}

/// Whether a tag name ends at the start of `rest` (as the HTML tokenizer sees it).
pub fn name_ends(rest: &[u8]) -> bool {
    rest.first()
        .is_none_or(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
}

/// The index of the `</name` (ASCII case-insensitive) that ends a raw-text element (script,
/// style) whose content starts at `from`; `None` when it is never closed.
pub fn end_tag_start(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(found) = memmem::find(bytes.get(at..)?, b"</") {
        let pos = at + found;
        let after = &bytes[pos + 2..];
        if after.len() >= name.len()
            && after[..name.len()].eq_ignore_ascii_case(name)
            && name_ends(&after[name.len()..])
        {
            return Some(pos);
        }
        at = pos + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(tag_end(b"<a title=\"x>y\">z", 2), Some(15));
        assert_eq!(tag_end(b"<a title=\"x>y", 2), None);
        let s = b"<script>a = '</scripts>'; b</SCRIPT >";
        assert_eq!(end_tag_start(s, 8, b"script"), Some(27));
        assert_eq!(end_tag_start(b"<style>x", 7, b"style"), None);
    }
}
