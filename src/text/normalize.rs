//! Normalises article text for matching (Unicode NFC, soft hyphens, zero-width and odd spaces,
//! typographic quotes and hyphens, CR/LF) and keeps a map from every byte of the normalised text
//! back to the char offset in the original. It does not segment, tokenise or interpret the text.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

/// Text prepared for the extractors, with a way back to the original's char offsets.
#[derive(Debug, Clone)]
pub struct NormText {
    /// The normalised text the extractors read.
    pub text: String,
    /// `map[b]` = char offset in the original of the char that produced normalised byte `b`;
    /// `map[text.len()]` = the original's length in chars.
    map: Vec<u32>,
    /// The same, as byte offsets into the original.
    byte_map: Vec<u32>,
}

/// What one original char becomes in the normalised text.
fn fold_char(c: char, next: Option<char>) -> Option<char> {
    match c {
        // soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, dropped
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        '\r' => {
            if next == Some('\n') {
                None
            } else {
                Some('\n')
            }
        }
        '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Some(' ')
        }
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Some('\n'),
        '„' | '“' | '”' | '‟' | '«' | '»' | '″' | '＂' => Some('"'),
        '‚' | '‘' | '’' | '‛' | '‹' | '›' | '′' | '`' | '´' => Some('\''),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => Some('-'),
        _ => Some(c),
    }
}

impl NormText {
    /// Normalises `original`. Never fails; every byte of the result maps back to a char offset.
    pub fn new(original: &str) -> NormText {
        Self::without_nfc(original).unwrap_or_else(|| Self::with_nfc(original))
    }

    /// `new` for a text that needs Unicode composition: grapheme cluster by cluster.
    fn with_nfc(original: &str) -> NormText {
        let mut text = String::with_capacity(original.len());
        let mut map: Vec<u32> = Vec::with_capacity(original.len() + 1);
        let mut byte_map: Vec<u32> = Vec::with_capacity(original.len() + 1);
        let mut byte_idx: u32 = 0;
        let mut char_idx: u32 = 0;
        // compose per grapheme cluster, so that a cluster maps back to its first char
        for cluster in original.graphemes(true) {
            let composed: String = cluster.nfc().collect();
            let mut chars = composed.chars().peekable();
            while let Some(c) = chars.next() {
                if let Some(f) = fold_char(c, chars.peek().copied()) {
                    push(&mut text, &mut map, &mut byte_map, f, (char_idx, byte_idx));
                }
            }
            char_idx += cluster.chars().count() as u32;
            byte_idx += cluster.len() as u32;
        }
        map.push(char_idx);
        byte_map.push(byte_idx);
        NormText {
            text,
            map,
            byte_map,
        }
    }

    /// `new` for a text that is NFC already (`is_nfc_quick` says yes), char by char; `None` as
    /// soon as a run of non-ASCII chars fails the quick check. (The check runs on each maximal
    /// run of non-ASCII chars: an ASCII char is always allowed and resets its state, so this is
    /// `is_nfc_quick` of the whole text.)
    fn without_nfc(original: &str) -> Option<NormText> {
        let mut text = String::with_capacity(original.len());
        let mut map: Vec<u32> = Vec::with_capacity(original.len() + 1);
        let mut byte_map: Vec<u32> = Vec::with_capacity(original.len() + 1);
        let mut byte_idx: u32 = 0;
        let mut char_idx: u32 = 0;
        let bytes = original.as_bytes();
        // the end of the last run of non-ASCII bytes checked
        let mut checked_to = 0;
        let mut rest = original;
        while !rest.is_empty() {
            // a run of ASCII chars that stay as they are: one byte, one char each
            let run = rest
                .bytes()
                .position(|b| !KEPT_ASCII[usize::from(b)])
                .unwrap_or(rest.len());
            if run > 0 {
                text.push_str(&rest[..run]);
                extend_counting(&mut map, char_idx, run);
                extend_counting(&mut byte_map, byte_idx, run);
                char_idx += run as u32;
                byte_idx += run as u32;
                rest = &rest[run..];
                continue;
            }
            let at = byte_idx as usize;
            if at >= checked_to && !bytes[at].is_ascii() {
                let len = bytes[at..]
                    .iter()
                    .position(u8::is_ascii)
                    .unwrap_or(bytes.len() - at);
                // a run of non-ASCII bytes is a run of whole chars
                let run = original.get(at..at + len)?;
                if !matches!(
                    is_nfc_quick(run.chars()),
                    unicode_normalization::IsNormalized::Yes
                ) {
                    return None;
                }
                checked_to = at + len;
            }
            let mut chars = rest.chars();
            let Some(c) = chars.next() else { break };
            if let Some(f) = fold_char(c, chars.next()) {
                push(&mut text, &mut map, &mut byte_map, f, (char_idx, byte_idx));
            }
            char_idx += 1;
            byte_idx += c.len_utf8() as u32;
            rest = &rest[c.len_utf8()..];
        }
        map.push(char_idx);
        byte_map.push(byte_idx);
        Some(NormText {
            text,
            map,
            byte_map,
        })
    }

    /// Char offset in the original for a byte offset in the normalised text (clamped).
    pub fn orig_char(&self, byte: usize) -> usize {
        self.map[byte.min(self.map.len() - 1)] as usize
    }

    /// Byte range in the original for a byte range in the normalised text.
    pub fn orig_byte_range(&self, start: usize, end: usize) -> (usize, usize) {
        let last = self.byte_map.len() - 1;
        let s = self.byte_map[start.min(last)] as usize;
        let e = if end >= self.text.len() {
            self.byte_map[last] as usize
        } else {
            self.byte_map[end] as usize
        };
        (s, e.max(s))
    }

    /// Char range in the original for a byte range in the normalised text.
    pub fn orig_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.orig_char(start);
        // the end maps to the char after the last byte's char
        let e = if end == 0 {
            0
        } else if end >= self.text.len() {
            self.map[self.map.len() - 1] as usize
        } else {
            self.orig_char(end)
        };
        (s, e.max(s))
    }
}

/// Per byte value: an ASCII char that normalisation keeps as it is (every byte from 0x80 on,
/// tab, CR and backtick are false).
const KEPT_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        t[c] = !matches!(c as u8, b'\t' | b'\r' | b'`');
        c += 1;
    }
    t
};

/// Appends `from`, `from + 1`, … (`n` numbers) to `map`.
fn extend_counting(map: &mut Vec<u32>, from: u32, n: usize) {
    let base = map.len();
    map.resize(base + n, 0);
    for (k, slot) in (0u32..).zip(&mut map[base..]) {
        *slot = from + k;
    }
}

fn push(text: &mut String, map: &mut Vec<u32>, byte_map: &mut Vec<u32>, c: char, orig: (u32, u32)) {
    text.push(c);
    for _ in 0..c.len_utf8() {
        map.push(orig.0);
        byte_map.push(orig.1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orig_slice(orig: &str, n: &NormText, s: usize, e: usize) -> String {
        let (a, b) = n.orig_range(s, e);
        orig.chars().skip(a).take(b - a).collect()
    }

    #[test]
    fn quotes_spaces_and_soft_hyphens() {
        let o = "Die „Smart\u{00AD}City“\u{00A0}Stra\u{00AD}tegie";
        let n = NormText::new(o);
        assert_eq!(n.text, "Die \"SmartCity\" Strategie");
        let s = n.text.find("Strategie").unwrap();
        assert_eq!(
            orig_slice(o, &n, s, s + "Strategie".len()),
            "Stra\u{00AD}tegie"
        );
    }

    #[test]
    fn nfc_composes_and_maps_back() {
        let o = "Lu\u{0308}beck ist schön";
        let n = NormText::new(o);
        assert_eq!(n.text, "Lübeck ist schön");
        let s = n.text.find("ist").unwrap();
        assert_eq!(orig_slice(o, &n, s, s + 3), "ist");
        assert_eq!(orig_slice(o, &n, 0, "Lübeck".len()), "Lu\u{0308}beck");
    }

    #[test]
    fn crlf_becomes_lf() {
        let n = NormText::new("a\r\n\r\nb\rc");
        assert_eq!(n.text, "a\n\nb\nc");
        assert_eq!(n.orig_range(n.text.len() - 1, n.text.len()), (7, 8));
    }

    #[test]
    fn quick_check_by_runs_agrees() {
        for t in [
            "",
            "abc",
            "Lübeck",
            "Lu\u{0308}beck",
            "a\u{0301}\u{0316}x",
            "\u{0316}\u{0301}",
            "\u{0301}a\u{0316}",
            "Stra\u{00AD}ße „x“",
            "\u{212B}",
        ] {
            let whole = matches!(
                is_nfc_quick(t.chars()),
                unicode_normalization::IsNormalized::Yes
            );
            assert_eq!(NormText::without_nfc(t).is_some(), whole, "{t:?}");
        }
    }

    #[test]
    fn empty_text() {
        let n = NormText::new("");
        assert_eq!(n.text, "");
        assert_eq!(n.orig_range(0, 0), (0, 0));
    }
}
