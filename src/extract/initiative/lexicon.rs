//! The word lists of the initiatives extractor, read from `data/initiative_heads.txt`
//! (sections of one-word lines, some with a kind column). Parsed once in `InitiativeRules::new`.

use std::collections::{HashMap, HashSet};

pub const EMBEDDED: &str = include_str!("../../../data/initiative_heads.txt");

/// A head word with the kind of initiative it names and whether it may lead plain words.
#[derive(Debug, Clone)]
pub struct Head {
    pub word: String,
    pub kind: String,
    pub plain: bool,
}

/// Head words by their lower-case surface; most words fail the quick test of first byte and
/// length before any hashing.
#[derive(Debug, Default)]
pub struct HeadMap {
    map: HashMap<String, Head>,
    first_bytes: Vec<u8>,
    max_len: usize,
}

impl HeadMap {
    fn insert(&mut self, word: String, head: Head) {
        if let Some(&b) = word.as_bytes().first()
            && !self.first_bytes.contains(&b)
        {
            self.first_bytes.push(b);
        }
        self.max_len = self.max_len.max(word.len());
        self.map.insert(word, head);
    }

    pub fn get(&self, word: &str) -> Option<&Head> {
        let b = *word.as_bytes().first()?;
        if word.len() > self.max_len || !self.first_bytes.contains(&b) {
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
    pub lead_dropped: HashSet<String>,
    pub tail: HeadMap,
    pub compound_any: Vec<Head>,
    pub compound_topic: Vec<Head>,
    /// The last two bytes of every compound head, sorted: a quick test for `compound_of`
    /// (empty, and unused, if a head is shorter).
    compound_tails: Vec<[u8; 2]>,
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
        let compound_heads = || lex.compound_any.iter().chain(&lex.compound_topic);
        if compound_heads().all(|h| h.word.len() >= 2) {
            lex.compound_tails = compound_heads().filter_map(|h| last2(&h.word)).collect();
        }
        lex.compound_tails.sort_unstable();
        lex.compound_tails.dedup();
        lex.lead_long = lex
            .lead
            .values()
            .filter(|h| h.word.chars().count() >= 7)
            .cloned()
            .collect();
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
        self.lead_long.iter().find(|h| {
            lower
                .strip_suffix(h.word.as_str())
                .is_some_and(|p| p.trim_end_matches('-').chars().count() >= 3)
        })
    }

    /// The exact head (a lead or tail word), tolerating genitive endings.
    pub fn exact<'a>(map: &'a HeadMap, lower: &str) -> Option<&'a Head> {
        strip_endings(lower).find_map(|c| map.get(c))
    }

    /// A one-word compound name ("Digitalstrategie", "Smart-City-Projekt"): the head it ends in
    /// and the length in bytes of the word without a genitive ending.
    /// `lower` is the word in lower case, of the same byte length as the word.
    pub fn compound_of(&self, lower: &str) -> Option<(&Head, usize)> {
        for cand in strip_endings(lower) {
            if !self.compound_tails.is_empty()
                && last2(cand).is_none_or(|t| self.compound_tails.binary_search(&t).is_err())
            {
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

/// The last two bytes of a word, if it has two.
fn last2(w: &str) -> Option<[u8; 2]> {
    match w.as_bytes() {
        [.., a, b] => Some([*a, *b]),
        _ => None,
    }
}

/// The word and its forms without a genitive ending ("Projektes", "Konzepts"), most literal first.
fn strip_endings(lower: &str) -> impl Iterator<Item = &str> {
    std::iter::once(lower).chain(
        ["es", "s"]
            .into_iter()
            .filter_map(move |end| lower.strip_suffix(end).filter(|s| s.chars().count() >= 2)),
    )
}
