//! Which anchor substrings each sentence contains, found by one overlapping automaton pass over
//! each sentence instead of a `str::contains` per word and sentence. The rules ask
//! `words.any(mask(&[...]))`, which is true exactly when `sentence.contains(w)` is for some `w`
//! of the list; the same pass tells whether a known category or region surface occurs in the
//! sentence. It knows nothing of what the words mean.

use super::POSITION_ANCHORS;
use crate::text::Span;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// Every substring any ranking rule tests a sentence for, besides `POSITION_ANCHORS` (which
/// come first in the automaton; together at most 128).
const OTHER_WORDS: &[&str] = &[
    // scope anchors
    "Einwohner",
    "ategorie",
    "ereich",
    "Ranking",
    "ergleich",
    "Index",
    "Thema",
    "Themen",
    "Wertung",
    "Punkt",
    "Teil",
    "Feld",
    "Sparte",
    "Rubrik",
    "Disziplin",
    // superlatives
    "ste",
    "Stadt",
    "stadt",
    "Kommune",
    "City",
    "Region",
    "Metropole",
    // rank words of list items
    "Platzierung",
    "belegt",
    "landet",
    "folgen",
    // position patterns
    "on ",
    ". ",
    ".P",
    ".R",
    ".S",
    "Top-Position",
    "führer",
    "letzten Platz",
    "letzter Platz",
    "letzten Rang",
    // previous-rank patterns
    "Vorjahres",
    "Vorjahr",
    "vergangenen",
    "behaupt",
    "Titelverteidig",
    "halten",
    "wie ",
    "Wie ",
    // category intros, compounds
    "eil",
    "feld",
    "parte",
    "isziplin",
    "ubrik",
    "ertung",
    "anking",
    // overall markers
    "esamt",
    "undes",
    "eutschland",
    // negation words
    "nicht",
    "kein",
    "aus de",
    "verl",
    "einstige",
    "frühere",
    "verpasst",
    "abgegeben",
    "abgeben",
    "eingebüßt",
    // ordinals with their 'e' (see `ORDINAL_PARTS` in patterns.rs)
    "rste",
    "weite",
    "ritte",
    "ierte",
    "ünfte",
    "echste",
    "iebte",
    "iebente",
    "chte",
    "eunte",
    "ehnte",
    "lfte",
    "igste",
];

/// The bit set of `words` (each must be in `POSITION_ANCHORS` or `OTHER_WORDS`; checked at
/// compile time).
pub const fn mask(words: &[&str]) -> u128 {
    let mut m = 0u128;
    let mut i = 0;
    while i < words.len() {
        m |= 1u128 << index(words[i]);
        i += 1;
    }
    m
}

/// The pattern id of `w`: its place in `POSITION_ANCHORS`, then in `OTHER_WORDS`.
const fn index(w: &str) -> usize {
    let mut i = 0;
    while i < POSITION_ANCHORS.len() {
        if eq(POSITION_ANCHORS[i], w) {
            return i;
        }
        i += 1;
    }
    let mut i = 0;
    while i < OTHER_WORDS.len() {
        if eq(OTHER_WORDS[i], w) {
            return POSITION_ANCHORS.len() + i;
        }
        i += 1;
    }
    panic!("ranking word missing from POSITION_ANCHORS and OTHER_WORDS")
}

const fn eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const _: () = assert!(POSITION_ANCHORS.len() + OTHER_WORDS.len() <= 128);

/// The number of anchor words (`POSITION_ANCHORS`, then `OTHER_WORDS`).
const WORDS: usize = POSITION_ANCHORS.len() + OTHER_WORDS.len();

/// A known category surface occurs in the sentence.
const CATEGORY: u8 = 1;
/// A known region surface occurs in the sentence.
const REGION: u8 = 2;

/// The anchor substrings one sentence contains, and whether it holds a known category or
/// region surface.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Words {
    bits: u128,
    scopes: u8,
}

impl Words {
    /// Whether the sentence contains one of the words of `mask`.
    pub fn any(self, mask: u128) -> bool {
        self.bits & mask != 0
    }

    /// Whether `test` holds at the byte offset of some occurrence in `sent` of one of
    /// `words`, each searched only when the sentence has it (its mask says so).
    pub fn any_occurrence(
        self,
        sent: &str,
        words: &[(&str, u128)],
        test: impl Fn(usize) -> bool,
    ) -> bool {
        words
            .iter()
            .filter(|(_, m)| self.any(*m))
            .any(|(word, _)| sent.match_indices(word).any(|(p, _)| test(p)))
    }

    /// Whether a category surface may occur in the sentence (without one, a search for them
    /// finds nothing).
    pub fn may_have_category(self) -> bool {
        self.scopes & CATEGORY != 0
    }

    /// Whether a region surface may occur in the sentence.
    pub fn may_have_region(self) -> bool {
        self.scopes & REGION != 0
    }
}

/// The automaton over `POSITION_ANCHORS`, `OTHER_WORDS`, then the category and the region
/// surfaces, stepped byte by byte.
pub struct WordIndex {
    dfa: DFA,
    /// Patterns from here on are region surfaces (between `WORDS` and here, categories).
    regions_from: usize,
    /// Scope flags every sentence gets (when a surface is empty, it occurs everywhere).
    always: u8,
}

impl WordIndex {
    /// The anchor words only: every sentence may hold categories and regions.
    #[cfg(test)]
    pub fn new() -> WordIndex {
        let mut ix = WordIndex::with_scopes(&[], &[]);
        ix.always = CATEGORY | REGION;
        ix
    }

    /// The anchor words and the category and region surfaces.
    pub fn with_scopes(categories: &[&str], regions: &[&str]) -> WordIndex {
        // no prefilter: the scan below visits every byte and reads the match states itself
        let patterns: Vec<&str> = POSITION_ANCHORS
            .iter()
            .chain(OTHER_WORDS)
            .chain(categories)
            .chain(regions)
            .copied()
            .collect();
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&patterns)
            .unwrap_or_else(|e| panic!("ranking words: {e}"));
        let empty = |list: &[&str], flag: u8| {
            if list.iter().any(|p| p.is_empty()) {
                flag
            } else {
                0
            }
        };
        WordIndex {
            dfa,
            regions_from: WORDS + categories.len(),
            always: empty(categories, CATEGORY) | empty(regions, REGION),
        }
    }

    /// Marks pattern `pattern` as found in `w`.
    fn add(&self, w: &mut Words, pattern: usize) {
        if pattern < WORDS {
            w.bits |= 1u128 << pattern;
        } else if pattern < self.regions_from {
            w.scopes |= CATEGORY;
        } else {
            w.scopes |= REGION;
        }
    }

    /// The words of `text`: every pattern that occurs in it (the automaton starts at its first
    /// byte, so it reports only occurrences wholly inside).
    fn words_in(&self, text: &str) -> Words {
        let mut w = Words {
            bits: 0,
            scopes: self.always,
        };
        let dfa = &self.dfa;
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return w;
        };
        for &b in text.as_bytes() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if !dfa.is_special(sid) {
                continue;
            }
            if dfa.is_dead(sid) {
                break;
            }
            for k in 0..dfa.match_len(sid) {
                self.add(&mut w, dfa.match_pattern(sid, k).as_usize());
            }
        }
        w
    }

    /// The words of each sentence: every occurrence of a word that lies wholly inside a
    /// sentence counts for it, as `sentence.contains(word)` would.
    pub fn per_sentence(&self, text: &str, sentences: &[Span]) -> Vec<Words> {
        sentences
            .iter()
            .map(|s| self.words_in(text.get(s.start..s.end).unwrap_or("")))
            .collect()
    }

    /// The words of one piece of text.
    #[cfg(test)]
    pub fn of(&self, s: &str) -> Words {
        self.words_in(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_contains() {
        let ix = WordIndex::new();
        let text = "Platz 3 im Vorjahr. Die Stadt landet (2019) auf Rang 4.\nTop-Position: ste";
        let sentences = [
            Span::new(0, 19),
            Span::new(20, 55),
            Span::new(56, text.len()),
        ];
        let per = ix.per_sentence(text, &sentences);
        for (s, w) in sentences.iter().zip(&per) {
            let sent = s.slice(text);
            assert_eq!(*w, ix.of(sent));
            for &word in POSITION_ANCHORS.iter().chain(OTHER_WORDS) {
                assert_eq!(
                    w.any(mask(&[word])),
                    sent.contains(word),
                    "{word} in {sent}"
                );
            }
        }
    }
}
