//! Splits normalised German text into paragraphs and sentences (byte spans), on top of
//! unicode-segmentation's UAX #29 sentence bounds, undoing the splits German needs undone:
//! after ordinals ("auf dem 67. Platz", "am 15. Oktober 2019"), abbreviations ("Dr.", "z. B.",
//! "e. V."), initials and enumerations ("1. Hamburg"). It does not tokenise or tag words.

use super::chars::is_alphabetic;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// A byte range into the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn contains(&self, byte: usize) -> bool {
        self.start <= byte && byte < self.end
    }
}

/// Abbreviations that end in a dot without ending the sentence (compared case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Dr", "Prof", "Dipl", "Ing", "med", "rer", "nat", "phil", "jur", "oec", "h.c", "Nr", "St",
    "bzw", "ca", "u", "z", "B", "a", "o", "d", "h", "s", "v", "vgl", "usw", "etc", "ggf", "bspw",
    "inkl", "exkl", "evtl", "Mio", "Mrd", "Tsd", "Tel", "Str", "Abs", "Art", "Bd", "Jh", "Jhd",
    "Hr", "Hrn", "Fr", "sog", "geb", "gest", "ehem", "max", "min", "zzgl", "zit", "Bsp", "e", "V",
    "Co", "Kl", "Std", "Mr", "Mrs", "Ms", "Jr", "Sen", "Abt", "Reg", "Bez", "Kr", "Lkr", "Dez",
    "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "gem", "lt",
    "bzgl", "insb", "allg", "ugs", "ff", "mind", "rd", "stv", "Stv", "u.a", "z.B", "d.h", "e.V",
    "o.ä", "u.U", "v.a", "z.T", "i.d.R", "a.M", "a.D", "i.R",
];

/// Whether `word` is one of the `ABBREVIATIONS` (a hash set: the list is long).
fn is_abbreviation(word: &str) -> bool {
    static SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());
    SET.contains(word)
}

/// Words after which "12." is an ordinal ("auf dem 12. Platz", "zum 14. Mal").
const ORDINAL_LEFT: &[&str] = &[
    "dem",
    "den",
    "der",
    "des",
    "die",
    "das",
    "am",
    "im",
    "vom",
    "zum",
    "zur",
    "beim",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "seinem",
    "seinen",
    "seiner",
    "ihrem",
    "ihren",
    "ihrer",
    "bis",
    "ab",
    "seit",
    "Am",
    "Im",
    "Zum",
    "Vom",
    "Beim",
    "Den",
    "Der",
    "Dem",
    "Die",
    "Das",
    "Als",
    "als",
    "ihr",
    "sein",
    "guten",
    "sehr",
    "starken",
    "soliden",
    "respektablen",
];

/// Words that follow an ordinal "N." rather than start a new sentence.
const ORDINAL_RIGHT: &[&str] = &[
    "Platz",
    "Platzes",
    "Plätze",
    "Rang",
    "Ranges",
    "Ränge",
    "Position",
    "Stelle",
    "Mal",
    "Gesamtrang",
    "Gesamtplatz",
    "Jahrhundert",
    "Jahrhunderts",
    "Spieltag",
    "Quartal",
    "Auflage",
    "Ausgabe",
    "Runde",
    "Staffel",
    "Stock",
    "Jahrestag",
    "Geburtstag",
    "Kalenderwoche",
    "Bezirk",
    "Klasse",
    "Liga",
    "Platzierung",
];

/// Paragraphs: runs of text separated by blank lines, trimmed; empty ones are skipped.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\n', &bytes[i..]) {
        i += k;
        // a blank line: '\n' followed by optional spaces and another '\n'
        let mut j = i + 1;
        while j < bytes.len() && bytes[j] == b' ' {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'\n' {
            push_trimmed(text, start, i, &mut out);
            while j < bytes.len() && (bytes[j] == b'\n' || bytes[j] == b' ') {
                j += 1;
            }
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if let Some(span) = trimmed(text, start, end) {
        out.push(span);
    }
}

/// `start..end` without its leading and trailing white space, if anything is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead < end - trail).then(|| Span::new(start + lead, end - trail))
}

/// Lines of a paragraph, joining hard-wrapped lines (a long line without final punctuation
/// followed by one starting in lower case).
fn lines(text: &str, para: Span) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut start = para.start;
    for (i, _) in text[para.start..para.end].match_indices('\n') {
        let end = para.start + i;
        push_line(text, start, end, &mut out);
        start = end + 1;
    }
    push_line(text, start, para.end, &mut out);
    out
}

fn push_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(line) = trimmed(text, start, end) else {
        return;
    };
    if let Some(prev) = out.last_mut() {
        let p = prev.slice(text);
        let joins = p.chars().count() >= 60
            && !p.ends_with(['.', '!', '?', ':', '"', '\'', ')'])
            && line.slice(text).starts_with(|c: char| c.is_lowercase());
        if joins {
            prev.end = line.end;
            return;
        }
    }
    out.push(line);
}

/// Sentences of the whole text, in order, as trimmed byte spans.
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_in(text, &paragraphs(text))
}

/// Sentences of the text whose [`paragraphs`] are `paras` (saves splitting them again).
pub fn sentences_in(text: &str, paras: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 64 + paras.len());
    for &para in paras {
        for line in lines(text, para) {
            split_line(text, line, &mut out);
        }
    }
    out
}

fn split_line(text: &str, line: Span, out: &mut Vec<Span>) {
    let s = line.slice(text);
    let mut cur_start: Option<usize> = None;
    let mut pieces: Vec<Span> = Vec::new();
    for (off, piece) in sentence_pieces(s) {
        let abs = line.start + off;
        let start = cur_start.unwrap_or(abs);
        let end = abs + piece.len();
        let next = &text[end..line.end];
        // a joined hard wrap is no bound
        if !next.is_empty()
            && (glued(&text[start..end], next)
                || text[start..end].trim_end_matches(' ').ends_with('\n'))
        {
            cur_start = Some(start);
            continue;
        }
        cur_start = None;
        pieces.push(Span::new(start, end));
    }
    if let Some(start) = cur_start {
        pieces.push(Span::new(start, line.end));
    }
    for p in pieces {
        // "erhoben hat.Die Erhebung": a missing space after the full stop
        let mut start = p.start;
        let piece = &text[p.start..p.end];
        let b = piece.as_bytes();
        // (an ASCII byte is always a char boundary, so slicing at i is safe)
        let terminators = memchr::memchr3_iter(b'.', b'!', b'?', b);
        for i in terminators.filter(|&i| i >= 2 && i + 1 < b.len()) {
            // (b[i] is ".", "!" or "?")
            let lower_before = b[i - 1].is_ascii_lowercase() && b[i - 2].is_ascii_lowercase();
            let capital_next = b[i + 1].is_ascii_uppercase();
            let digit_next = b[i] == b'.'
                && b[i + 1] == b' '
                && b.get(i + 2).is_some_and(|c| c.is_ascii_digit());
            if !(digit_next || lower_before && capital_next) {
                continue;
            }
            let word_before = piece[..i].rsplit(' ').next().unwrap_or("");
            let ends_word = lower_before && !word_before.contains('.');
            // "…verbessert. 2019 lag die Stadt…": UAX #29 keeps a number followed by a lower-case
            // word in the sentence; after a full word it starts a new one
            let number_next = digit_next
                && ((word_before.chars().count() >= 4
                    && word_before.chars().all(is_alphabetic)
                    && !is_abbreviation(word_before))
                    || rank_number_before(&piece[..i], word_before));
            if (capital_next && ends_word) || number_next {
                push_trimmed(text, start, p.start + i + 1, out);
                start = p.start + i + 1;
            }
        }
        push_trimmed(text, start, p.end, out);
    }
}

/// The UAX #29 sentence pieces of `s` with their byte offsets, exactly as unicode-segmentation's
/// `split_sentence_bound_indices` gives them. The segmenter is slow, so it runs only on the
/// stretches around chars that may end a sentence (see `may_end_sentence`), cut between two
/// ASCII letters: after two letters its state holds nothing any rule looks at (only a
/// terminator followed by closers and spaces matters), and its look-ahead for a lower-case
/// letter stops at the first letter, so it never passes a cut.
fn sentence_pieces(s: &str) -> Vec<(usize, &str)> {
    if s.is_empty() {
        return Vec::new();
    }
    let b = s.as_bytes();
    let is_cut = |q: usize| {
        q > 0 && q < b.len() && b[q - 1].is_ascii_alphabetic() && b[q].is_ascii_alphabetic()
    };
    let mut starts = Vec::with_capacity(s.len() / 64 + 2);
    starts.push(0);
    let mut from = 0;
    while let Some(r) = next_non_plain(s, from) {
        let start = (from..=r).rev().find(|&q| is_cut(q)).unwrap_or(from);
        let end = (r + 1..b.len()).find(|&q| is_cut(q)).unwrap_or(b.len());
        if let Some(k) = plain_sentence_end(b, r, end) {
            starts.push(k);
        } else {
            starts.extend(
                s[start..end]
                    .split_sentence_bound_indices()
                    .map(|(off, _)| start + off)
                    .filter(|&off| off != start),
            );
        }
        from = end;
    }
    let ends = starts.iter().skip(1).copied().chain([s.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&a, e)| (a, &s[a..e]))
        .collect()
}

/// The segmenter's one bound in the commonest stretch, "…t. D" (`b[r]` a full stop, "!" or "?",
/// spaces after it, an ASCII capital, then the stretch's end): before the capital. (Plain chars
/// before `r` hold no terminator, so no rule looks at them through the spaces; UAX #29 SB11
/// breaks after a terminator and its spaces unless a lower-case letter, a number, a
/// continuation or a capital right after the full stop follows.) `None` for any other stretch.
fn plain_sentence_end(b: &[u8], r: usize, end: usize) -> Option<usize> {
    if !matches!(b.get(r), Some(b'.' | b'!' | b'?')) {
        return None;
    }
    let mut k = r + 1;
    while k < end && b[k] == b' ' {
        k += 1;
    }
    (k > r + 1 && k + 1 == end && b.get(k).is_some_and(u8::is_ascii_uppercase)).then_some(k)
}

/// The byte offset of the first char at or after `from` that is not `is_plain_char`
/// (ASCII bytes tested as bytes, other chars decoded).
fn next_non_plain(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    loop {
        // the next byte that is not a plain ASCII char
        i += b
            .get(i..)?
            .iter()
            .position(|&c| !PLAIN_ASCII[usize::from(c)])?;
        if b[i] < 0x80 {
            return Some(i);
        }
        let ch = s.get(i..)?.chars().next()?;
        if !is_plain_char(ch) {
            return Some(i);
        }
        i += ch.len_utf8();
    }
}

/// Per byte value: an ASCII char that is `is_plain_char` (every byte from 0x80 on is false).
const PLAIN_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        t[c] = !matches!(c as u8, b'.' | b'!' | b'?' | b'\r' | b'\n');
        c += 1;
    }
    t
};

/// A char that never ends a sentence nor changes how the segmenter reads the next ones:
/// ASCII but ".!?" and line breaks, Latin letters, common dashes and bullets.
fn is_plain_char(c: char) -> bool {
    match c {
        '.' | '!' | '?' | '\r' | '\n' => false,
        '\u{0}'..='\u{7F}' | '\u{A0}'..='\u{24F}' => true,
        '–' | '—' | '•' | '€' => true,
        _ => false,
    }
}

/// Nouns a rank number follows ("auf Platz 9"): a full stop after that number ends the
/// sentence, even before a number ("… auf Platz 9. 2021 lag die Stadt …").
const RANK_NOUNS: &[&str] = &["Platz", "Rang", "Position", "Gesamtrang", "Tabellenplatz"];

/// Whether `word` (the last word of `before`) is a number of one to three digits right after
/// a rank noun.
fn rank_number_before(before: &str, word: &str) -> bool {
    (1..=3).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_digit())
        && before[..before.len() - word.len()]
            .trim_end_matches(' ')
            .rsplit(' ')
            .next()
            .is_some_and(|w| RANK_NOUNS.contains(&w))
}

/// Whether the bound between `before` and `after` is a false one (ordinal, abbreviation, …).
fn glued(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    let Some(stem) = b.strip_suffix('.') else {
        return false;
    };
    let word_start = stem
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '/')
        .map(|i| i + 1)
        .unwrap_or(0);
    let word = &stem[word_start..];
    if word.is_empty() {
        return false;
    }
    let next_word: &str = after
        .trim_start()
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == ':')
        .next()
        .unwrap_or("");
    if word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 4 {
        let next_capital = next_word.starts_with(|c: char| c.is_uppercase() || c == '"');
        if !next_capital || ORDINAL_RIGHT.contains(&next_word) || super::MONTHS.contains(&next_word)
        {
            return true;
        }
        if stem[..word_start].ends_with('(') {
            return true; // "Jena (7. mit 70,2 Punkten)"
        }
        let prev_word = stem[..word_start].split_whitespace().next_back();
        return match prev_word {
            None => word.len() <= 3, // an enumeration "1. Hamburg" or a leading ordinal
            // after a bullet or a number in a table row: "• 1. Hamburg", "5,76 2. Stuttgart"
            Some(p) if !p.chars().any(char::is_alphabetic) => word.len() <= 3,
            Some(p) => ORDINAL_LEFT.contains(&p.trim_start_matches('(')),
        };
    }
    if is_abbreviation(word) {
        return true;
    }
    // initials ("A. Meier") and inner-dot abbreviations ("z.B.", "e.V.")
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    word.contains('.') && word.len() <= 6 && word.chars().all(|c| c.is_alphabetic() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn pieces_match_unicode_segmentation() {
        let alphabets: Vec<Vec<char>> = [
            "aBcDxyzAEIOU  ..!?,;:-\"'()[]0123456789äÖüßé\u{301}\u{AD}\u{A0}…–•\u{2024}。！\n\r\u{85}\u{2028}\tπΣ",
            "abcdeABCDEabcdeABCDE  .!?\"()1ä\u{301}\u{AD}",
        ]
        .iter()
        .map(|a| a.chars().collect())
        .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut texts: Vec<String> = include_str!("../extract/corpus/ranking.txt")
            .lines()
            .map(str::to_string)
            .collect();
        for alphabet in &alphabets {
            for _ in 0..30_000 {
                let len = next(24);
                texts.push((0..len).map(|_| alphabet[next(alphabet.len())]).collect());
            }
        }
        for t in &texts {
            let want: Vec<(usize, &str)> = t.split_sentence_bound_indices().collect();
            assert_eq!(sentence_pieces(t), want, "{t:?}");
        }
    }

    #[test]
    fn must_not_split() {
        for t in [
            "Lübeck lag 2019 noch auf dem 67. Platz der Wertung.",
            "Die Ergebnisse kamen am 15. Oktober 2019 heraus.",
            "Das sagte Dr. Ralf Beispiel am Montag.",
            "Es gibt z. B. eine App und u. a. ein Portal.",
            "Der Verein Bitkom e. V. hat das Ranking erstellt.",
            "Sie liegt bzw. lag auf Rang 3, ca. 2 Punkte dahinter.",
            "Die Seite Nr. 5 der Studie nennt St. Ingbert.",
            "Der Antrag von A. Meier wurde angenommen.",
            "Zum 14. Mal in Folge gewinnt die Stadt.",
            "Die Frist endet am 9. 12. 2021 um Mitternacht.",
            "Als 24. des Vorjahres machte sie den größten Sprung.",
            "Prof. Dr. Anna Muster leitet das Amt.",
        ] {
            assert_eq!(split(t), vec![t], "split wrongly: {t}");
        }
    }

    #[test]
    fn must_split() {
        assert_eq!(
            split("Die Stadt verbessert sich auf Platz 12. Die Freude ist groß."),
            vec![
                "Die Stadt verbessert sich auf Platz 12.",
                "Die Freude ist groß."
            ]
        );
        assert_eq!(
            split("Das ist gut. Das ist schlecht!"),
            vec!["Das ist gut.", "Das ist schlecht!"]
        );
        assert_eq!(
            split("Titel\n\nText eins. Text zwei."),
            vec!["Titel", "Text eins.", "Text zwei."]
        );
        assert_eq!(
            split("• 1. Hamburg,\n• 2. Karlsruhe"),
            vec!["• 1. Hamburg,", "• 2. Karlsruhe"]
        );
        assert_eq!(
            split("erhoben hat.Die Erhebung zeigt"),
            vec!["erhoben hat.", "Die Erhebung zeigt"]
        );
        assert_eq!(
            split("Sie landet auf Platz 9. 2021 lag sie noch auf Rang 20."),
            vec!["Sie landet auf Platz 9.", "2021 lag sie noch auf Rang 20."]
        );
    }

    #[test]
    fn enumerations_stay_whole() {
        assert_eq!(
            split("1. Hannover\n\n2. Magdeburg"),
            vec!["1. Hannover", "2. Magdeburg"]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let t = "Eins\n \nZwei\nDrei\n\n\nVier";
        let p: Vec<_> = paragraphs(t).into_iter().map(|s| s.slice(t)).collect();
        assert_eq!(p, vec!["Eins", "Zwei\nDrei", "Vier"]);
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let t = "Die Stadt hat im bundesweiten Vergleich der digitalen Großstädte\nsehr gut abgeschnitten. Das freut alle.";
        assert_eq!(split(t).len(), 2);
    }
}
