//! Character references (`&amp;`, `&#228;`, `&#xE4;`, legacy `&uuml` without a semicolon),
//! decoded as the HTML tokenizer does, with html5ever's entity table: the longest name in the
//! table wins, numeric values outside Unicode become U+FFFD, C1 controls map to windows-1252,
//! and inside attribute values a legacy name followed by `=` or a letter or digit stays as it
//! is. It only decodes one reference; finding them is the tokenizer's job.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// Decodes the reference whose `&` stands just before `at` and appends its text (or a plain
/// `&` when it is none) to `out`. Returns the index where tokenizing goes on.
pub fn decode(s: &str, at: usize, in_attribute: bool, out: &mut String) -> usize {
    let b = s.as_bytes();
    match b.get(at) {
        Some(c) if c.is_ascii_alphanumeric() => named(s, at, in_attribute, out),
        Some(b'#') => numeric(s, at + 1, out),
        _ => {
            out.push('&');
            at
        }
    }
}

fn named(s: &str, at: usize, in_attribute: bool, out: &mut String) -> usize {
    // Grow the name char by char while it is a name or the prefix of one in the table,
    // remembering the longest full match (entries with a zero code point are prefixes).
    let mut best: Option<(usize, (u32, u32))> = None;
    let mut end = at;
    for c in s[at..].chars() {
        end += c.len_utf8();
        match NAMED_ENTITIES.get(&s[at..end]) {
            Some(&m) => {
                if m.0 != 0 {
                    best = Some((end, m));
                }
            }
            None => break,
        }
    }
    let Some((matched, (c1, c2))) = best else {
        out.push('&');
        return at;
    };
    let with_semicolon = s.as_bytes()[matched - 1] == b';';
    let next = s.as_bytes().get(matched).copied();
    if !with_semicolon
        && in_attribute
        && next.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric())
    {
        out.push('&');
        return at;
    }
    for cp in [c1, c2] {
        if let Some(c) = char::from_u32(cp).filter(|_| cp != 0) {
            out.push(c);
        }
    }
    matched
}

/// `at` is the index after `#`.
fn numeric(s: &str, at: usize, out: &mut String) -> usize {
    let b = s.as_bytes();
    let hex = matches!(b.get(at), Some(b'x' | b'X'));
    let (base, digits_at) = if hex { (16, at + 1) } else { (10, at) };
    let mut value: u32 = 0;
    let mut too_big = false;
    let mut i = digits_at;
    while let Some(d) = b.get(i).and_then(|&c| char::from(c).to_digit(base)) {
        value = value.wrapping_mul(base);
        too_big |= value > 0x10FFFF;
        value = value.wrapping_add(d);
        i += 1;
    }
    if i == digits_at {
        // "&#" or "&#x" without digits: all of it is text.
        out.push_str(&s[at - 2..digits_at]);
        return digits_at;
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    let c = match value {
        n if n > 0x10FFFF || too_big => '\u{fffd}',
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS[(value - 0x80) as usize]
            .or_else(|| char::from_u32(value))
            .unwrap_or('\u{fffd}'),
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    };
    out.push(c);
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str, in_attribute: bool) -> (String, usize) {
        let mut out = String::new();
        let at = s.find('&').expect("a reference") + 1;
        let next = decode(s, at, in_attribute, &mut out);
        (out, next)
    }

    #[test]
    fn named_references() {
        assert_eq!(dec("&amp;x", false), ("&".into(), 5));
        assert_eq!(dec("&uuml;ber", false), ("ü".into(), 6));
        assert_eq!(dec("&uumlber", false), ("ü".into(), 5));
        // Longest match: "&notin;" beats "&not".
        assert_eq!(dec("&notin;", false), ("∉".into(), 7));
        assert_eq!(dec("&notit;", false), ("¬".into(), 4));
        // Two code points.
        assert_eq!(dec("&NotEqualTilde;", false).0, "\u{2242}\u{338}");
        // Unknown names stay text.
        assert_eq!(dec("&foo;", false), ("&".into(), 1));
        assert_eq!(dec("& x", false), ("&".into(), 1));
    }

    #[test]
    fn legacy_names_in_attributes() {
        assert_eq!(dec("?a=1&copy=2", true), ("&".into(), 5));
        assert_eq!(dec("?a=1&copyx", true), ("&".into(), 5));
        assert_eq!(dec("?a=1&copy;x", true), ("©".into(), 10));
        assert_eq!(dec("?a=1&copy x", true), ("©".into(), 9));
        assert_eq!(dec("?a=1&copy=2", false), ("©".into(), 9));
    }

    #[test]
    fn numeric_references() {
        assert_eq!(dec("&#228;", false), ("ä".into(), 6));
        assert_eq!(dec("&#xE4;", false), ("ä".into(), 6));
        assert_eq!(dec("&#XE4x", false), ("ä".into(), 5));
        assert_eq!(dec("&#150;", false), ("–".into(), 6));
        assert_eq!(dec("&#129;", false), ("\u{81}".into(), 6));
        assert_eq!(dec("&#0;", false), ("\u{fffd}".into(), 4));
        assert_eq!(dec("&#xD800;", false), ("\u{fffd}".into(), 8));
        assert_eq!(dec("&#99999999999;", false), ("\u{fffd}".into(), 14));
        assert_eq!(dec("&#;", false), ("&#".into(), 2));
        assert_eq!(dec("&#xg", false), ("&#x".into(), 3));
    }
}
