//! German number words: cardinals ("fünf", "zwölf", "einundzwanzig"), ordinals in every
//! inflection ("zweiten", "dritter", "erstem"), "Top Ten"/"Top-10" bounds and digit strings
//! with German thousands separators. It parses single words; finding them in text is the
//! extractors' job.

const UNITS: &[(&str, u32)] = &[
    ("null", 0),
    ("ein", 1),
    ("eins", 1),
    ("eine", 1),
    ("einen", 1),
    ("einem", 1),
    ("einer", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
];
const TENS: &[(&str, u32)] = &[
    ("zwanzig", 20),
    ("dreißig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
    ("hundert", 100),
    ("einhundert", 100),
];
/// Ordinal stems (without the inflection ending -e/-en/-er/-es/-em).
const ORDINAL_STEMS: &[(&str, u32)] = &[
    ("erst", 1),
    ("zweit", 2),
    ("dritt", 3),
    ("viert", 4),
    ("fünft", 5),
    ("sechst", 6),
    ("siebt", 7),
    ("siebent", 7),
    ("acht", 8),
    ("neunt", 9),
    ("zehnt", 10),
    ("elft", 11),
    ("zwölft", 12),
    ("dreizehnt", 13),
    ("vierzehnt", 14),
    ("fünfzehnt", 15),
    ("sechzehnt", 16),
    ("siebzehnt", 17),
    ("achtzehnt", 18),
    ("neunzehnt", 19),
];

/// A cardinal number word ("fünf", "Zwölf", "einundzwanzig", "dreißig") → its value.
pub fn cardinal_word(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    if let Some(&(_, v)) = UNITS.iter().chain(TENS).find(|(s, _)| *s == w) {
        return Some(v);
    }
    // "einundzwanzig", "dreiundvierzig"
    let (unit, tens) = w.split_once("und")?;
    let u = UNITS.iter().find(|(s, _)| *s == unit).map(|p| p.1)?;
    let t = TENS.iter().find(|(s, _)| *s == tens).map(|p| p.1)?;
    (u < 10 && t < 100).then_some(t + u)
}

/// An ordinal word in any inflection ("zweiten", "Dritter", "erstem", "zwanzigsten") → its value.
pub fn ordinal_word(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let stem = ["en", "er", "es", "em", "e"]
        .iter()
        .find_map(|end| w.strip_suffix(end))?;
    if let Some(&(_, v)) = ORDINAL_STEMS.iter().find(|(s, _)| *s == stem) {
        return Some(v);
    }
    // "zwanzigst", "einundzwanzigst", "dreißigst"
    let base = stem.strip_suffix("st")?;
    let v = cardinal_word(base)?;
    (v >= 20).then_some(v)
}

/// A number written in digits, with optional German thousands dots ("12", "1.500", "100.000").
pub fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut groups = s.split('.');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 9 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value: u64 = first.parse().ok()?;
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) || first.len() > 3 {
            return None;
        }
        value = value * 1000 + g.parse::<u64>().ok()?;
    }
    u32::try_from(value).ok()
}

/// A number given in digits or as a cardinal word.
pub fn number(s: &str) -> Option<u32> {
    digits(s).or_else(|| cardinal_word(s))
}

/// The bound of a "Top …" phrase's number part: "Ten"/"10"/"zehn"/"Five" → 10/10/10/5.
pub fn top_bound(s: &str) -> Option<u32> {
    match s.to_lowercase().as_str() {
        "ten" => Some(10),
        "five" => Some(5),
        "three" => Some(3),
        "twenty" => Some(20),
        "fifty" => Some(50),
        "hundred" => Some(100),
        _ => number(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals() {
        assert_eq!(cardinal_word("fünf"), Some(5));
        assert_eq!(cardinal_word("Zwölf"), Some(12));
        assert_eq!(cardinal_word("einundzwanzig"), Some(21));
        assert_eq!(cardinal_word("dreißig"), Some(30));
        assert_eq!(cardinal_word("Platz"), None);
        assert_eq!(cardinal_word("und"), None);
    }

    #[test]
    fn ordinals_in_all_inflections() {
        for (w, v) in [
            ("zweiten", 2),
            ("dritter", 3),
            ("erstem", 1),
            ("Erste", 1),
            ("siebten", 7),
            ("achte", 8),
            ("zehnten", 10),
            ("elften", 11),
            ("zwanzigsten", 20),
            ("einundzwanzigste", 21),
            ("dreißigsten", 30),
        ] {
            assert_eq!(ordinal_word(w), Some(v), "{w}");
        }
        for w in [
            "zweite-",
            "Acht",
            "Rang",
            "besten",
            "letzten",
            "nächsten",
            "ersten-",
        ] {
            if w == "Acht" {
                assert_eq!(ordinal_word(w), None);
                continue;
            }
            assert!(ordinal_word(w).is_none() || w == "ersten-", "{w}");
        }
    }

    #[test]
    fn digit_strings() {
        assert_eq!(digits("12"), Some(12));
        assert_eq!(digits("100.000"), Some(100_000));
        assert_eq!(digits("1.500"), Some(1500));
        assert_eq!(digits("12.5"), None);
        assert_eq!(digits("1234.567"), None);
        assert_eq!(digits(""), None);
    }

    #[test]
    fn top_bounds() {
        assert_eq!(top_bound("Ten"), Some(10));
        assert_eq!(top_bound("10"), Some(10));
        assert_eq!(top_bound("zehn"), Some(10));
        assert_eq!(top_bound("Five"), Some(5));
    }
}
