//! Which anchor substrings each sentence contains, found by one overlapping automaton pass over
//! the whole article instead of a `str::contains` per word and sentence. The rules ask
//! `words.any(mask(&[...]))`, which is true exactly when `sentence.contains(w)` is for some `w`
//! of the list. It knows nothing of what the words mean.

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

/// The anchor substrings one sentence contains.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Words(u128);

impl Words {
    /// Whether the sentence contains one of the words of `mask`.
    pub fn any(self, mask: u128) -> bool {
        self.0 & mask != 0
    }
}

/// The automaton over `POSITION_ANCHORS` then `OTHER_WORDS`, stepped byte by byte.
pub struct WordIndex {
    dfa: DFA,
}

impl WordIndex {
    pub fn new() -> WordIndex {
        // no prefilter: the scan below visits every byte and reads the match states itself
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(POSITION_ANCHORS.iter().chain(OTHER_WORDS))
            .unwrap_or_else(|e| panic!("ranking words: {e}"));
        WordIndex { dfa }
    }

    /// Calls `found(start, end, pattern)` for every occurrence of every word in `text` (an
    /// overlapping search), in order of their ends.
    fn each_occurrence(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        let dfa = &self.dfa;
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return;
        };
        for (i, &b) in text.as_bytes().iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if !dfa.is_special(sid) {
                continue;
            }
            if dfa.is_dead(sid) {
                return;
            }
            for k in 0..dfa.match_len(sid) {
                let p = dfa.match_pattern(sid, k);
                let end = i + 1;
                found(end - dfa.pattern_len(p), end, p.as_usize());
            }
        }
    }

    /// The words of each sentence (sorted, disjoint spans of `text`): every occurrence of a word
    /// that lies wholly inside a sentence counts for it, as `sentence.contains(word)` would.
    pub fn per_sentence(&self, text: &str, sentences: &[Span]) -> Vec<Words> {
        let mut out = vec![Words::default(); sentences.len()];
        // the first sentence not ending before the occurrence (occurrences come by their ends)
        let mut k = 0;
        self.each_occurrence(text, |start, end, pattern| {
            while sentences.get(k).is_some_and(|s| s.end < end) {
                k += 1;
            }
            if let (Some(s), Some(w)) = (sentences.get(k), out.get_mut(k))
                && s.start <= start
            {
                w.0 |= 1u128 << pattern;
            }
        });
        out
    }

    /// The words of one piece of text.
    #[cfg(test)]
    pub fn of(&self, s: &str) -> Words {
        let mut w = Words::default();
        self.each_occurrence(s, |_, _, pattern| w.0 |= 1u128 << pattern);
        w
    }
}

impl Default for WordIndex {
    fn default() -> Self {
        WordIndex::new()
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
