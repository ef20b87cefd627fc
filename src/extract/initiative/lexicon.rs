//! The word lists of the initiatives extractor, read from `data/initiative_heads.txt`
//! (sections of one-word lines, some with a kind column). Parsed once in `InitiativeRules::new`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A head word with the kind of initiative it names and whether it may lead plain words.
#[derive(Debug, Clone)]
pub struct Head {
    pub word: String,
    pub kind: String,
    pub plain: bool,
}

/// Head words by their lower-case surface; most words fail the quick test of their shape
/// (first byte, last byte, length) before any hashing.
#[derive(Debug, Default)]
pub struct HeadMap {
    map: HashMap<String, Head>,
    /// The shapes of the words, sorted.
    shapes: Vec<[u8; 3]>,
    /// Bit `b` set for every first byte `b` of a word: a quicker test before the shapes.
    first_bytes: [u64; 4],
    /// For each last byte, bit `n` set for every length `n` (saturated to 63) of a word
    /// ending in it: a quicker test before the shapes.
    last_lens: Vec<u64>,
}

/// First byte, last byte and length (saturated to 255) of a non-empty word.
fn shape(word: &str) -> Option<[u8; 3]> {
    let b = word.as_bytes();
    Some([*b.first()?, *b.last()?, b.len().min(255) as u8])
}

impl HeadMap {
    fn insert(&mut self, word: String, head: Head) {
        if let Some(sh) = shape(&word) {
            self.first_bytes[usize::from(sh[0] >> 6)] |= 1 << (sh[0] & 63);
            if self.last_lens.is_empty() {
                self.last_lens = vec![0; 256];
            }
            self.last_lens[usize::from(sh[1])] |= 1 << sh[2].min(63);
            if let Err(k) = self.shapes.binary_search(&sh) {
                self.shapes.insert(k, sh);
            }
        }
        self.map.insert(word, head);
    }

    pub fn get(&self, word: &str) -> Option<&Head> {
        let sh = shape(word)?;
        if self.first_bytes[usize::from(sh[0] >> 6)] & (1 << (sh[0] & 63)) == 0
            || self
                .last_lens
                .get(usize::from(sh[1]))
                .is_none_or(|lens| lens & (1 << sh[2].min(63)) == 0)
            || self.shapes.binary_search(&sh).is_err()
        {
            return None;
        }
        self.map.get(word)
    }

    pub fn values(&self) -> impl Iterator<Item = &Head> {
        self.map.values()
    }
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// Sorted longest first, so the most specific suffix wins.
    pub quote_head: Vec<Head>,
    pub lead: HeadMap,
    /// The lead words of seven letters or more, longest first, for `lead_suffix`.
    lead_long: Vec<Head>,
    /// The endings of `lead_long`: a quick test for `lead_suffix`.
    lead_long_tails: Endings,
    pub lead_dropped: HashSet<String>,
    pub tail: HeadMap,
    pub compound_any: Vec<Head>,
    pub compound_topic: Vec<Head>,
    /// The endings of the compound heads: a quick test for `compound_of`.
    compound_tails: Endings,
    pub compound_stop: HashSet<String>,
    pub topic: Vec<String>,
    pub brand: HashSet<String>,
    pub city_tail: HashSet<String>,
    pub blocked_head: HashSet<String>,
    pub camel_stop: HashSet<String>,
    pub third_party: HashSet<String>,
    pub camel_topic: Vec<String>,
}

impl Lexicon {
    pub fn parse(src: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut section = String::new();
        for line in src.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = s.trim().to_string();
                continue;
            }
            let mut cols = line.split('\t').map(str::trim);
            let word = cols.next().unwrap_or("").to_lowercase();
            if word.is_empty() {
                continue;
            }
            let kind = cols
                .next()
                .filter(|k| !k.is_empty())
                .unwrap_or("other")
                .to_string();
            let plain = cols.next() == Some("plain");
            let head = Head {
                word: word.clone(),
                kind,
                plain,
            };
            match section.as_str() {
                "quote_head" => lex.quote_head.push(head),
                "lead" => {
                    lex.lead.insert(word, head);
                }
                "lead_dropped" => {
                    lex.lead_dropped.insert(word);
                }
                "tail" => {
                    lex.tail.insert(word, head);
                }
                "compound_any" => lex.compound_any.push(head),
                "compound_topic" => lex.compound_topic.push(head),
                "compound_stop" => {
                    lex.compound_stop.insert(word);
                }
                "topic" => lex.topic.push(word),
                "brand" => {
                    lex.brand.insert(word);
                }
                "city_tail" => {
                    lex.city_tail.insert(word);
                }
                "blocked_head" => {
                    lex.blocked_head.insert(word);
                }
                "third_party" => {
                    lex.third_party.insert(word);
                }
                "camel_topic" => lex.camel_topic.push(word),
                "camel_stop" => {
                    lex.camel_stop.insert(word);
                }
                _ => {}
            }
        }
        lex.compound_tails = Endings::of(lex.compound_any.iter().chain(&lex.compound_topic));
        lex.lead_long = lex
            .lead
            .values()
            .filter(|h| h.word.chars().count() >= 7)
            .cloned()
            .collect();
        lex.lead_long_tails = Endings::of(&lex.lead_long);
        for v in [
            &mut lex.lead_long,
            &mut lex.quote_head,
            &mut lex.compound_any,
            &mut lex.compound_topic,
        ] {
            v.sort_by(|a, b| {
                b.word
                    .len()
                    .cmp(&a.word.len())
                    .then_with(|| a.word.cmp(&b.word))
            });
        }
        lex
    }

    /// Whether a word (lower case, genitive tolerated) before a quote blocks it.
    pub fn is_blocked(&self, lower: &str) -> bool {
        strip_endings(lower).any(|w| self.blocked_head.contains(w))
    }

    /// Whether a word (lower case, genitive tolerated) names a third party's medium or firm.
    pub fn is_third_party(&self, lower: &str) -> bool {
        strip_endings(lower).any(|w| self.third_party.contains(w))
    }

    /// Whether a lower-case word contains a topic word.
    pub fn has_topic(&self, lower: &str) -> bool {
        self.topic.iter().any(|t| lower.contains(t.as_str()))
    }

    /// The head a word (compared in lower case) ends in, for the word right before a quote:
    /// the word itself, a hyphen compound ("Online-Plattform") or, for longer heads, any
    /// compound ("Förderprogramm"). Genitive and plural endings are tolerated.
    pub fn quote_head_of(&self, lower: &str) -> Option<&Head> {
        let plural = ["en", "n", "e"]
            .into_iter()
            .filter_map(|e| lower.strip_suffix(e).filter(|s| s.chars().count() >= 3));
        for cand in strip_endings(lower).chain(plural) {
            for h in &self.quote_head {
                let hw = h.word.as_str();
                if cand == hw {
                    return Some(h);
                }
                if let Some(prefix) = cand.strip_suffix(hw)
                    && (prefix.ends_with('-')
                        || ((hw.chars().count() >= 7
                            || matches!(hw, "portal" | "dienst" | "labor"))
                            && prefix.chars().count() >= 3))
                {
                    return Some(h);
                }
            }
        }
        None
    }

    /// A lead word at the end of a compound ("Nachbarschaftsplattform"): only heads of seven
    /// letters or more, after a first part of three or more; the longest such head wins.
    pub fn lead_suffix(&self, lower: &str) -> Option<&Head> {
        if !self.lead_long_tails.may_end(lower) {
            return None;
        }
        self.lead_long.iter().find(|h| {
            lower
                .strip_suffix(h.word.as_str())
                .is_some_and(|p| p.trim_end_matches('-').chars().count() >= 3)
        })
    }

    /// The exact head (a lead or tail word), tolerating genitive endings.
    pub fn exact<'a>(map: &'a HeadMap, lower: &str) -> Option<&'a Head> {
        // `strip_endings`, unrolled: this runs on every capitalised word
        if let Some(h) = map.get(lower) {
            return Some(h);
        }
        if !lower.ends_with('s') {
            return None;
        }
        ["es", "s"].into_iter().find_map(|end| {
            lower
                .strip_suffix(end)
                .filter(|s| has_two_chars(s))
                .and_then(|s| map.get(s))
        })
    }

    /// A one-word compound name ("Digitalstrategie", "Smart-City-Projekt"): the head it ends in
    /// and the length in bytes of the word without a genitive ending.
    /// `lower` is the word in lower case, of the same byte length as the word.
    pub fn compound_of(&self, lower: &str) -> Option<(&Head, usize)> {
        // most words end in no head, with or without a genitive ending
        let may_end = |w: &str| self.compound_tails.may_end(w);
        if !may_end(lower)
            && lower.strip_suffix('s').is_none_or(|w| !may_end(w))
            && lower.strip_suffix("es").is_none_or(|w| !may_end(w))
        {
            return None;
        }
        for cand in strip_endings(lower) {
            if !self.compound_tails.may_end(cand) {
                continue;
            }
            for (list, need_topic) in [(&self.compound_any, false), (&self.compound_topic, true)] {
                for h in list.iter() {
                    let Some(prefix) = cand.strip_suffix(h.word.as_str()) else {
                        continue;
                    };
                    let p = prefix.trim_end_matches('-');
                    if p.chars().count() < 2 {
                        continue;
                    }
                    let hyphen = prefix.ends_with('-');
                    let p_s = p.strip_suffix('s').unwrap_or(p);
                    if self.compound_stop.contains(p) || self.compound_stop.contains(p_s) {
                        continue;
                    }
                    if need_topic && !self.has_topic(p) {
                        continue;
                    }
                    // a short head glued on without hyphen is too often part of another word
                    if !hyphen && h.word.chars().count() < 3 {
                        continue;
                    }
                    return Some((h, cand.len()));
                }
            }
        }
        None
    }
}

/// The last three bytes of a set of words, sorted: a word that ends in none of them ends in
/// none of the words. Empty, and no test at all, if a word is shorter than three bytes.
/// Bit `(a << 8) | b` is set in `pairs` for the last two bytes `a`, `b` of each word: a
/// quicker test before the endings.
#[derive(Debug, Default)]
struct Endings {
    ends: Vec<[u8; 3]>,
    pairs: Vec<u64>,
}

impl Endings {
    fn of<'h>(heads: impl IntoIterator<Item = &'h Head>) -> Endings {
        let mut ends = Vec::new();
        let mut pairs = vec![0u64; 1024];
        for h in heads {
            match last3(&h.word) {
                Some(e) => {
                    let k = usize::from(e[1]) << 8 | usize::from(e[2]);
                    pairs[k >> 6] |= 1 << (k & 63);
                    ends.push(e);
                }
                None => return Endings::default(),
            }
        }
        ends.sort_unstable();
        ends.dedup();
        Endings { ends, pairs }
    }

    /// Whether `w` may end in one of the words.
    fn may_end(&self, w: &str) -> bool {
        self.ends.is_empty()
            || last3(w).is_some_and(|e| {
                let k = usize::from(e[1]) << 8 | usize::from(e[2]);
                self.pairs
                    .get(k >> 6)
                    .is_some_and(|p| p & (1 << (k & 63)) != 0)
                    && self.ends.binary_search(&e).is_ok()
            })
    }
}

/// The last three bytes of a word, if it has three.
fn last3(w: &str) -> Option<[u8; 3]> {
    match w.as_bytes() {
        [.., a, b, c] => Some([*a, *b, *c]),
        _ => None,
    }
}

/// The word and its forms without a genitive ending ("Projektes", "Konzepts"), most literal first.
fn strip_endings(lower: &str) -> impl Iterator<Item = &str> {
    std::iter::once(lower).chain(
        ["es", "s"]
            .into_iter()
            .filter_map(move |end| lower.strip_suffix(end).filter(|s| has_two_chars(s))),
    )
}

/// Whether a text has two chars or more (`chars().count() >= 2`, without counting them all).
fn has_two_chars(s: &str) -> bool {
    s.chars().nth(1).is_some()
}
