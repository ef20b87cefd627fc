//! The core never panics, whatever the text: thousands of generated inputs mixing rank words,
//! city names, numbers, quotes, dots, multibyte and odd Unicode, every evidence span valid.

use newsextract::{Document, Extractor};

/// A small deterministic generator (no dependency needed for a test's noise).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

const TOKENS: &[&str] = &[
    "Platz",
    "Rang",
    "Position",
    "12",
    "3.",
    "67.",
    "zweiten",
    "Top Ten",
    "Top-10",
    "Vorjahr:",
    "(",
    ")",
    "von",
    "auf",
    "um",
    "fünf",
    "Plätze",
    "verbessert",
    "wie im Vorjahr",
    "Leipzig",
    "Halle (Saale)",
    "Essen",
    "Frankfurt am Main",
    "Stadt",
    "Bürgermeister",
    "Oberbürgermeisterin",
    "Dr.",
    "Prof.",
    "Anna",
    "Muster",
    "(SPD)",
    "Bitkom-Präsident",
    "„",
    "“",
    "\"",
    "'",
    "‚",
    "‘",
    ".",
    ",",
    ";",
    ":",
    "–",
    "-",
    "\n",
    "\n\n",
    "•",
    "Kategorie",
    "„Gesellschaft“",
    "im",
    "Bereich",
    "Verwaltung",
    "2019",
    "2.019",
    "100.000",
    "88,3",
    "Punkten",
    "Digitalstrategie",
    "Projekt",
    "„Hardware4Future“",
    "e. V.",
    "z. B.",
    "ß",
    "Ü",
    "é",
    "\u{00AD}",
    "\u{00A0}",
    "\u{200B}",
    "🙂",
    "a\u{0308}",
    "ﬁ",
    "\u{202E}",
    "ẞ",
    "İ",
    "\r\n",
    "\t",
    "|",
    "81",
    "Gesamtwertung:",
    "beste",
    "Stadt",
    "in",
    "Niedersachsen",
    "unter",
    "die",
    "zehn",
    "besten",
    "Referat",
    "Digitale",
    "Stadt",
    "Amt",
    "für",
];

#[test]
fn generated_texts_never_panic_and_evidence_is_valid() {
    let ex = Extractor::with_embedded_rules().expect("embedded rules");
    let mut rng = Lcg(0x5eed);
    for _ in 0..1500 {
        let n = 1 + (rng.next() % 120) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(TOKENS));
            if !rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let rec = ex.extract(&Document::from_text(text.clone()));
        let chars: Vec<char> = text.chars().collect();
        let mut evidences: Vec<&newsextract::record::Evidence> = Vec::new();
        evidences.extend(rec.rankings.iter().map(|r| &r.evidence));
        evidences.extend(rec.officials.iter().map(|o| &o.evidence));
        evidences.extend(rec.initiatives.iter().map(|i| &i.evidence));
        evidences.extend(rec.cities.iter().map(|c| &c.evidence));
        evidences.extend(rec.year_mentions.iter().map(|y| &y.evidence));
        for ev in evidences {
            assert!(
                ev.start <= ev.end && ev.end <= chars.len(),
                "span out of range in {text:?}"
            );
            let span: String = chars[ev.start..ev.end].iter().collect();
            assert_eq!(span, ev.text, "evidence text differs in {text:?}");
        }
    }
}

#[test]
fn empty_and_degenerate_texts() {
    let ex = Extractor::with_embedded_rules().expect("embedded rules");
    for t in [
        "",
        " ",
        "\n\n\n",
        ".",
        "\"",
        "„",
        "(((((",
        "1.",
        "Platz",
        "Stadt Stadt Stadt",
        "\u{FEFF}",
    ] {
        let rec = ex.extract(&Document::from_text(t));
        assert!(rec.rankings.is_empty(), "{t:?}");
    }
}
