//! Word-level helpers of the initiatives extractor: a light tokenizer over the normalised
//! text, quote pairing, word shapes (capitalised, adjective, CamelCase, …) and partner lists.

/// A word: byte range into the normalised text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub s: usize,
    pub e: usize,
}

impl Tok {
    pub fn str<'a>(&self, t: &'a str) -> &'a str {
        t.get(self.s..self.e).unwrap_or("")
    }
}

/// Words: letters and digits, with inner hyphens, dots, @ and & ("Kiel-hilft-Kiel",
/// "MZ.digital", "digital@MZ").
pub fn tokenize(t: &str) -> Vec<Tok> {
    let bytes = t.as_bytes();
    let mut out = Vec::with_capacity(t.len() / 6);
    let mut i = 0;
    while i < bytes.len() {
        // between words: a word starts with a letter, a digit or "_"
        let b = bytes[i];
        if b.is_ascii() && !ASCII_ALNUM[usize::from(b)] && b != b'_' {
            i += 1;
            continue;
        }
        let (alnum, len) = alnum_at(t, i);
        if !alnum && b != b'_' {
            i += len;
            continue;
        }
        let start = i;
        let mut prev_alnum = alnum;
        i += len;
        // in a word: a hyphen, dot, @ or & between letters or digits joins
        loop {
            // a run of ASCII letters and digits at once
            let from = i;
            while let Some(&b) = bytes.get(i)
                && ASCII_ALNUM[usize::from(b)]
            {
                i += 1;
            }
            if i > from {
                prev_alnum = true;
            }
            if i >= bytes.len() {
                break;
            }
            let (alnum, len) = alnum_at(t, i);
            let word = alnum
                || bytes[i] == b'_'
                || (matches!(bytes[i], b'-' | b'.' | b'@' | b'&')
                    && prev_alnum
                    && t[i + 1..].chars().next().is_some_and(char::is_alphanumeric));
            if !word {
                break;
            }
            prev_alnum = alnum;
            i += len;
        }
        out.push(Tok { s: start, e: i });
    }
    out
}

/// `ASCII_ALNUM[b]`: whether byte `b` is an ASCII letter or digit (a table is quicker).
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether the char at byte `i` of `t` is a letter or digit, and its length in bytes.
fn alnum_at(t: &str, i: usize) -> (bool, usize) {
    let b = t.as_bytes()[i];
    if b.is_ascii() {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        let c = t[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        (c.is_alphanumeric(), c.len_utf8())
    }
}

/// Byte spans of web addresses ("https://…", "www.…") and e-mail addresses, to the next space.
pub fn url_spans(t: &str) -> Vec<crate::text::Span> {
    let mut out = Vec::new();
    let bytes = t.as_bytes();
    let mut i = 0;
    // only "w", "/" and "@" may start an address
    while let Some(k) = bytes
        .get(i..)
        .and_then(|rest| memchr::memchr3(b'w', b'/', b'@', rest))
    {
        i += k;
        let b = bytes[i];
        let start_pat = match b {
            b'w' => bytes[i..].starts_with(b"www."),
            b'/' => bytes[i..].starts_with(b"//"),
            _ => false,
        };
        let mail = b == b'@'
            && t[i + 1..]
                .split_whitespace()
                .next()
                .is_some_and(|w| w.contains('.'));
        if start_pat || mail {
            let s = t[..i]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(k, c)| k + c.len_utf8());
            let e = t[i..].find(char::is_whitespace).map_or(t.len(), |k| i + k);
            out.push(crate::text::Span::new(s, e));
            i = e.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Whether two words stand side by side, separated by one or two spaces only.
pub fn adjacent(t: &str, a: Tok, b: Tok) -> bool {
    b.s > a.e && b.s - a.e <= 2 && t.get(a.e..b.s).is_some_and(|g| g.chars().all(|c| c == ' '))
}

pub fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "diese", "dieser", "dieses", "diesem", "diesen", "jede", "jeder", "jedes", "seine", "seiner",
    "seinem", "seinen", "ihre", "ihrer", "ihrem", "ihren", "unsere", "unser", "unserer", "keine",
    "alle", "viele", "andere", "welche", "beide", "mehrere", "solche", "im", "am", "beim", "zum",
    "zur", "vom", "über", "unter", "aber", "oder", "wieder", "immer", "hier", "neben", "sowie",
    "bitte", "weitere", "weiterer", "nach", "vor", "hinter", "außer", "wer", "wie", "wo", "was",
    "seit", "jener", "jene", "manche", "einige", "sie", "er", "es", "wir", "ihr", "ich", "man",
];

/// Articles, pronouns and other small words that never start a name.
pub fn is_determiner(w: &str) -> bool {
    if w.is_ascii() {
        // the words are in lower case: the same test on bytes
        return w.len() <= 8 && DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w));
    }
    w.len() <= 8
        && DETERMINERS
            .iter()
            .any(|d| d.chars().eq(w.chars().flat_map(char::to_lowercase)))
}

/// A capitalised word with an adjective ending ("Urbane", "Digitaler", "Kieler").
pub fn is_adjective(w: &str) -> bool {
    is_cap(w)
        && w.chars().count() >= 4
        && !w.chars().all(char::is_uppercase)
        && !w.contains('-')
        && !is_determiner(w)
        && ["e", "er", "es", "en", "em"].iter().any(|e| w.ends_with(e))
}

/// CamelCase inside a word part: two lower-case letters, then an upper-case one ("SmartCity",
/// "KartenPort"), but not a gender form ("BürgerInnen").
pub fn is_camel(w: &str) -> bool {
    // a capital after two lower-case letters stands at the third char or later
    let late_capital = if w.is_ascii() {
        w.bytes().skip(2).any(|b| b.is_ascii_uppercase())
    } else {
        w.chars().skip(2).any(char::is_uppercase)
    };
    if !late_capital || w.contains('.') {
        return false;
    }
    w.split('-').any(|seg| {
        let mut run = 0;
        for (i, c) in seg.char_indices() {
            if c.is_lowercase() {
                run += 1;
            } else if c.is_uppercase() {
                if run >= 2 {
                    let rest = &seg[i..];
                    if rest != "In" && rest != "Innen" {
                        return true;
                    }
                }
                run = 0;
            } else {
                run = 0;
            }
        }
        false
    })
}

/// A quick test that rejects most words that are neither CamelCase, letter-digit nor @ names:
/// each of those has a capital after its second char, a digit or an @.
pub fn may_be_named(w: &str) -> bool {
    let b = w.as_bytes();
    // each of those names has three chars or more
    if b.len() < 3 {
        return false;
    }
    for (i, &x) in b.iter().enumerate() {
        if x.is_ascii_lowercase() {
            continue;
        }
        if x.is_ascii_digit() || x == b'@' {
            return true;
        }
        if i >= 2
            && (x.is_ascii_uppercase()
                // a non-ASCII capital ("…Ökologie")
                || (x >= 0xC0
                    && w.get(i..).and_then(|r| r.chars().next()).is_some_and(char::is_uppercase)))
        {
            return true;
        }
    }
    false
}

/// Letters mixed with digits ("LAB42", "Hardware4Future"), not measures or versions.
pub fn is_letter_digit(w: &str) -> bool {
    if !w.bytes().any(|b| b.is_ascii_digit())
        || w.contains('.')
        || !w.chars().next().is_some_and(char::is_alphabetic)
    {
        return false;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let digits = w.chars().filter(|c| c.is_ascii_digit()).count();
    letters >= 3 && digits >= 1 && !w.contains('-')
}

/// An acronym of two to six capitals ("RSAG", "KVB"), as in "RSAG-App".
pub fn is_acronym(w: &str) -> bool {
    (2..=6).contains(&w.chars().count()) && w.chars().all(|c| c.is_uppercase())
}

/// A name with an @ inside that is not an e-mail address ("digital@MZ").
pub fn is_at_name(w: &str) -> bool {
    if !w.as_bytes().contains(&b'@') {
        return false;
    }
    match w.split_once('@') {
        Some((a, b)) => !a.is_empty() && !b.is_empty() && !b.contains('.') && !b.contains('@'),
        None => false,
    }
}

/// A phrase written as one hyphenated word with a lower-case inner part ("Kiel-hilft-Kiel").
pub fn is_phrase_chain(w: &str) -> bool {
    let segs: Vec<&str> = w.split('-').collect();
    segs.len() >= 3
        && is_cap(segs[0])
        && segs[1..segs.len() - 1]
            .iter()
            .any(|s| s.chars().next().is_some_and(char::is_lowercase))
        && segs.iter().all(|s| !s.is_empty())
}

pub fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y))
}

/// Words stating a founding or a start, in lower case, each with whether more word chars may
/// follow it ("gegründeten"); a space stands for one or more white-space chars. In order of
/// preference, as the alternation `(?i)\b(?:gegründet\w*|…|seit|Start|Gründung)\b` they replace.
const FOUNDING_WORDS: &[(&str, bool)] = &[
    ("gegründet", true),
    ("gründete", true),
    ("gestartet", true),
    ("startete", true),
    ("ins leben gerufen", true),
    ("eingerichtet", true),
    ("richtete", true),
    ("eingeführt", true),
    ("führte", true),
    ("geschaffen", true),
    ("schuf", true),
    ("entstand", true),
    ("aufgebaut", true),
    ("aufgelegt", true),
    ("initiiert", true),
    ("beschlossen", true),
    ("beschloss", true),
    ("verabschiedet", true),
    ("seit", false),
    ("start", false),
    ("gründung", false),
];

/// The first letters of `FOUNDING_WORDS`: a quick test before the words themselves.
const FOUNDING_FIRST_LETTERS: [char; 9] = ['a', 'b', 'e', 'f', 'g', 'i', 'r', 's', 'v'];

/// Byte offsets in `s` where founding words start (leftmost first, not overlapping): exactly
/// the match starts of the regex above, without its slow Unicode word boundaries.
pub fn founding_words(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_word = false;
    let mut next_from = 0;
    for (i, c) in s.char_indices() {
        let word = is_word_char(c);
        if word && !prev_word && i >= next_from {
            let rest = &s[i..];
            // the first letter as the words are written (the only non-ASCII fold is "ſ")
            let first = if c == '\u{17F}' {
                's'
            } else {
                c.to_ascii_lowercase()
            };
            if !FOUNDING_FIRST_LETTERS.contains(&first) {
                prev_word = word;
                continue;
            }
            if let Some(len) = FOUNDING_WORDS
                .iter()
                .filter(|(w, _)| w.starts_with(first))
                .find_map(|&(w, open)| founding_word_len(rest, w, open))
            {
                out.push(i);
                next_from = i + len;
            }
        }
        prev_word = word;
    }
    out
}

/// The byte length of founding word `w` at the start of `rest`, if it stands there.
fn founding_word_len(rest: &str, w: &str, open: bool) -> Option<usize> {
    let mut chars = rest.char_indices().peekable();
    for p in w.chars() {
        if p == ' ' {
            chars.next_if(|&(_, c)| c.is_whitespace())?;
            while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
        } else {
            chars.next_if(|&(_, c)| folds_to(c, p))?;
        }
    }
    if open {
        while chars.next_if(|&(_, c)| is_word_char(c)).is_some() {}
    } else if chars.peek().is_some_and(|&(_, c)| is_word_char(c)) {
        return None;
    }
    Some(chars.peek().map_or(rest.len(), |&(i, _)| i))
}

/// Whether `c` equals the lower-case letter `p` under Unicode simple case folding, as the
/// regex flag `(?i)` compares ("ſ" is an "s").
fn folds_to(c: char, p: char) -> bool {
    if c == p {
        return true;
    }
    if p.is_ascii() {
        // an ASCII letter's upper case is ASCII: the same test without `to_uppercase`
        return (c.is_ascii() && c == p.to_ascii_uppercase()) || (p == 's' && c == '\u{17F}');
    }
    p.to_uppercase().eq([c])
}

/// A word char as the regex `\w` means it (letters, marks, decimal digits, connectors).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

/// Verbs of saying after a quote and comma: the quote is speech.
pub const SPEECH_AFTER: &[&str] = &[
    "sagt",
    "sagte",
    "so ",
    "erklärt",
    "betont",
    "meint",
    "findet",
    "heißt es",
    "teilt",
    "berichtet",
    "ergänzt",
    "fügt",
    "bilanziert",
    "kommentiert",
    "freut",
    "lobt",
    "resümiert",
    "schreibt",
];

/// What may follow a city name glued in lower case without making a brand ("leipzigweit").
pub const CITY_SUFFIX_STOP: &[&str] = &["weit", "er", "isch", "s", "ern"];

/// Quote pairs (byte offsets of the opening and closing quote) for `"` and `'`: an opening
/// quote follows a space, a bracket or the start; a closing one follows a non-space. A new
/// opening quote before a close drops the unclosed one.
pub fn quote_pairs(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // the open quote of each kind: `"` and `'`
    let mut open: [Option<usize>; 2] = [None, None];
    // only quotes and line breaks change the state; all are ASCII, never inside a char
    for i in memchr::memchr3_iter(b'"', b'\'', b'\n', t.as_bytes()) {
        let b = t.as_bytes()[i];
        let k = match b {
            b'"' => 0,
            b'\'' => 1,
            b'\n' => {
                open = [None, None];
                continue;
            }
            _ => unreachable!("memchr3 finds only these bytes"),
        };
        let prev = t[..i].chars().next_back();
        let next = t[i + 1..].chars().next();
        let opener = prev
            .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '/' | '–' | '-'))
            && (b == b'"' || next.is_some_and(char::is_alphanumeric));
        let closer = prev.is_some_and(|p| !p.is_whitespace())
            && (b == b'"' || !next.is_some_and(char::is_alphanumeric));
        match open[k] {
            Some(o) if closer && i - o <= 160 => {
                out.push((o, i));
                open[k] = None;
            }
            _ if opener => open[k] = Some(i),
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

const PARTNER_STOP: &[&str] = &[
    "Bürgern",
    "Bürgerinnen",
    "Bürger",
    "Einwohnern",
    "Einwohnerinnen",
    "Menschen",
    "Partnern",
    "Partnerinnen",
    "Kommunen",
    "Städten",
    "Gemeinden",
    "Unternehmen",
    "Akteuren",
    "Vereinen",
    "Schulen",
    "Hilfe",
    "Kolleginnen",
    "Kollegen",
    "Experten",
    "Expertinnen",
    "Firmen",
    "Betrieben",
    "Nutzern",
    "Anwohnern",
    "Studierenden",
    "Jugendlichen",
    "Kindern",
];

/// Organisation names at the start of `rest` (after "gemeinsam mit"): capitalised word runs,
/// split at "und", "sowie" and commas, after leading articles and adjectives.
pub fn partner_names(rest: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut lead = 0;
    for raw in rest.split_whitespace() {
        let w = raw.trim_end_matches([',', '.', ';', ':', '!', '?', ')', '"']);
        let ends = raw.len() != w.len();
        let stop_punct = raw.ends_with(['.', ';', ':', '!', '?', ')', '"']);
        if w.is_empty() {
            break;
        }
        if is_cap(w) || (w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) && !w.is_empty())
        {
            cur.push(w);
            lead = 0;
        } else if !cur.is_empty() && matches!(w, "für" | "&" | "der" | "des" | "von") {
            cur.push(w);
        } else if matches!(w, "und" | "sowie") {
            flush(&mut cur, &mut out);
            lead = 0;
            continue;
        } else if cur.is_empty() && lead < 3 && w.chars().all(char::is_lowercase) {
            lead += 1;
            continue;
        } else {
            break;
        }
        if ends {
            flush(&mut cur, &mut out);
            if stop_punct {
                break;
            }
        }
        if out.len() >= 4 {
            break;
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn flush(cur: &mut Vec<&str>, out: &mut Vec<String>) {
    while cur
        .last()
        .is_some_and(|w| matches!(*w, "für" | "&" | "der" | "des" | "von"))
    {
        cur.pop();
    }
    if !cur.is_empty()
        && !(cur.len() == 1 && (PARTNER_STOP.contains(&cur[0]) || is_determiner(cur[0])))
    {
        out.push(cur.join(" "));
    }
    cur.clear();
}

/// The grammatical gender of a head noun, from its ending: 'f', 'm' or 'n'.
fn gender(head: &str) -> char {
    const FEM: &[&str] = &[
        "strategie",
        "plattform",
        "initiative",
        "app",
        "agenda",
        "cloud",
        "karte",
        "card",
    ];
    const MASC: &[&str] = &["zwilling", "hub", "pass", "masterplan", "wettbewerb", "rat"];
    if FEM.iter().any(|f| head.ends_with(f)) {
        'f'
    } else if MASC.iter().any(|m| head.ends_with(m)) {
        'm'
    } else {
        'n'
    }
}

/// A name of adjectives and a head in the nominative singular: after an inflecting article
/// ("der Urbanen Datenplattform", "dem Digitalen Zwilling") the adjectives' "-en" becomes
/// "-e", "-er" or "-es" by the head's gender.
pub fn nominative(name: &str, det: &str, head: &str) -> String {
    let det = det.to_lowercase();
    let g = gender(head);
    if (det == "der" && g == 'm') || (det == "das" && g == 'n') {
        // weak after the definite article: "der Digitale Zwilling" -> "Digitaler Zwilling"
        let add = if g == 'm' { "r" } else { "s" };
        let words: Vec<&str> = name.split(' ').collect();
        let n = words.len();
        return words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i + 1 < n && is_adjective(w) && w.ends_with('e') {
                    format!("{w}{add}")
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    if !matches!(
        det.as_str(),
        "der"
            | "den"
            | "dem"
            | "des"
            | "einer"
            | "einem"
            | "eines"
            | "einen"
            | "ihrer"
            | "seiner"
            | "ihrem"
            | "seinem"
            | "ihres"
            | "seines"
            | "unserer"
            | "unserem"
    ) || (det == "der" && gender(head) != 'f')
    {
        return name.to_string();
    }
    let ending = match gender(head) {
        'f' => "e",
        'm' => "er",
        _ => "es",
    };
    let words: Vec<&str> = name.split(' ').collect();
    let n = words.len();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i + 1 < n
                && is_adjective(w)
                && let Some(stem) = w.strip_suffix("en")
            {
                return format!("{stem}{ending}");
            }
            w.to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

const INFLECTION: &[&str] = &["ern", "em", "en", "er", "es", "e", "n", "s"];

/// A name's identity for de-duplication: its words lower-cased, without one inflection ending,
/// sorted ("der Urbanen Datenplattform" = "Urbane Datenplattform").
pub fn scorer_key(name: &str) -> String {
    let lower = name.to_lowercase().replace('-', " ");
    let mut words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().count() > 4 {
                for end in INFLECTION {
                    if let Some(s) = w.strip_suffix(end) {
                        return s.to_string();
                    }
                }
            }
            w.to_string()
        })
        .collect();
    words.sort();
    words.dedup();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_camel("SmartCity"));
        assert!(is_camel("KartenPort"));
        assert!(!is_camel("BürgerInnen"));
        assert!(!is_camel("LoRaWAN"));
        assert!(is_letter_digit("LAB42"));
        assert!(!is_letter_digit("5G"));
        assert!(is_at_name("digital@MZ"));
        assert!(!is_at_name("info@stadt.de"));
        assert!(is_phrase_chain("Stadt-hilft-Stadt"));
        assert_eq!(
            nominative("Urbanen Datenplattform", "der", "datenplattform"),
            "Urbane Datenplattform"
        );
        assert_eq!(
            nominative("Digitalen Zwilling", "dem", "zwilling"),
            "Digitaler Zwilling"
        );
        assert_eq!(
            nominative("Kieler Strategie", "der", "strategie"),
            "Kieler Strategie"
        );
        assert_eq!(
            scorer_key("Urbanen Datenplattform"),
            scorer_key("Urbane Datenplattform")
        );
    }

    #[test]
    fn founding_first_letters() {
        let mut firsts: Vec<char> = FOUNDING_WORDS
            .iter()
            .filter_map(|(w, _)| w.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        assert_eq!(firsts, FOUNDING_FIRST_LETTERS);
    }

    #[test]
    fn founding_words_match_the_regex() {
        let re = regex::Regex::new(
            r"(?i)\b(?:gegründet\w*|gründete\w*|gestartet\w*|startete\w*|ins\s+Leben\s+gerufen\w*|eingerichtet\w*|richtete\w*|eingeführt\w*|führte\w*|geschaffen\w*|schuf\w*|entstand\w*|aufgebaut\w*|aufgelegt\w*|initiiert\w*|beschlossen\w*|beschloss\w*|verabschiedet\w*|seit|Start|Gründung)\b",
        )
        .unwrap();
        let corpus = [
            include_str!("../corpus/initiative.txt"),
            include_str!("../corpus/official.txt"),
            include_str!("../corpus/ranking.txt"),
        ];
        let mut lines: Vec<&str> = corpus.iter().flat_map(|c| c.lines()).collect();
        lines.extend([
            "Seit 2020 seither Seitz gestartete GEGRÜNDET Gründungen Gründung_ ſeit ſtart",
            "ins  Leben\tgerufene INS LEBEN GERUFEN ins Lebengerufen xseit seit² seit\u{308} Start-App",
            "Neugründung wiedergegründet beschlossene beschloss Beschlossenheit m²seit _seit 2seit",
            "richtete eingerichtet führte eingeführt Startete startet Start. ÜBER gründete",
        ]);
        for l in lines {
            let want: Vec<usize> = re.find_iter(l).map(|m| m.start()).collect();
            assert_eq!(founding_words(l), want, "{l}");
        }
    }

    #[test]
    fn quotes_and_partners() {
        let t = "die Initiative \"A B\" und \" C\" sowie 'D-E' geht's";
        let p = quote_pairs(t);
        assert_eq!(p.len(), 3);
        assert_eq!(
            partner_names("der IHK ein neues Zentrum"),
            vec!["IHK".to_string()]
        );
        assert_eq!(
            partner_names("der Hochschule Nordheim und dem Verein Netzwerk Süd. Weiter"),
            vec![
                "Hochschule Nordheim".to_string(),
                "Verein Netzwerk Süd".to_string()
            ]
        );
        assert!(partner_names("weiteren Kommunen hat").is_empty());
        for s in ["\"", "'", "\"\"", "a\"b'c", "ü\"ö\"ä"] {
            let _ = quote_pairs(s);
            let _ = tokenize(s);
        }
    }
}
