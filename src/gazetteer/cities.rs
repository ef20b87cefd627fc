//! The city gazetteer and its matcher: every German municipality (from the Destatis register)
//! plus major foreign cities, with their surface forms (name, short form, official prefix
//! forms, genitive, adjectival/demonym forms), matched Unicode-case-insensitively: each word of
//! the text is looked up (lower-cased) in an index of the forms' first words, and the candidate
//! forms are compared char by char with Unicode lower-casing ("MÜNCHEN", "Lübeck"). It reports candidate hits; whether a
//! hit counts (context, ambiguity) is decided by `extract::city`.

use crate::text::chars::{ASCII_ALNUM, is_alphanumeric, is_lowercase, is_uppercase};
use crate::text::word_filter::WordFilter;
use std::collections::{HashMap, HashSet};

/// One city.
#[derive(Debug, Clone)]
pub struct City {
    /// 8-digit Amtlicher Gemeindeschlüssel; `None` for foreign cities.
    pub ags: Option<String>,
    /// Name as commonly written, without the register's suffix ("Halle (Saale)", "Lübeck").
    pub name: String,
    /// German state, or the country for a foreign city.
    pub state: String,
    pub population: u32,
    pub kreisfrei: bool,
    pub foreign: bool,
}

impl City {
    /// Large enough to be matched without a strong context (kreisfrei or ≥ 20,000).
    pub fn is_large(&self) -> bool {
        self.foreign || self.kreisfrei || self.population >= 20_000
    }
}

/// How a surface form relates to its city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// The name itself, or a full variant ("Frankfurt am Main", "Frankfurt/Main").
    Name,
    /// A short form without the qualifier ("Halle", "Frankfurt").
    Short,
    /// With an official prefix ("Hansestadt Lübeck") — a strong context by itself.
    Official,
    /// Genitive ("Leipzigs").
    Genitive,
    /// Adjective or demonym ("Leipziger", "Münchner", "Hallenser").
    Adjective,
}

/// One form a pattern stands for.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    pub city: u32,
    pub kind: FormKind,
}

/// A pattern found in text: byte span in the text searched, and the forms it may stand for,
/// most populous city first.
#[derive(Debug, Clone)]
pub struct CityHit<'g> {
    pub start: usize,
    pub end: usize,
    pub forms: &'g [Form],
    /// The surface form is listed as ambiguous (an ordinary word as well as a city name).
    pub ambiguous: bool,
}

#[derive(Debug)]
pub struct CityGazetteer {
    pub cities: Vec<City>,
    /// lower-cased first word of a form → its pattern ids, longest form first
    index: rustc_hash::FxHashMap<String, Vec<u32>>,
    /// a quick "no" before `index`
    index_filter: WordFilter,
    /// lower-cased surface of each pattern
    surfaces: Vec<String>,
    /// first words of the forms written in lower case ("deutsche Hauptstadt")
    lower_first: rustc_hash::FxHashSet<String>,
    /// the first bytes of `lower_first`'s words, as a bit set (a cheap test before the hash)
    lower_first_bytes: [u64; 4],
    /// a quick "no" before `lower_first`
    lower_first_filter: WordFilter,
    /// per byte value: whether a form may start at it (see `start_bytes`)
    start_bytes: [bool; 256],
    /// per pattern: forms and whether the form is an ambiguous word
    patterns: Vec<(Vec<Form>, bool)>,
    by_ags: HashMap<String, u32>,
    /// The names of the German states ("Sachsen", "Brandenburg").
    pub states: HashSet<String>,
}

/// The bytes a form may start with: every byte but the ASCII chars that are no letter or digit
/// and the lower-case ASCII letters no form in `lower_first` starts with (continuation bytes
/// of non-ASCII chars are never tested where a char starts, so they may be in).
fn start_bytes(lower_first_bytes: &[u64; 4]) -> [bool; 256] {
    let mut t = [true; 256];
    for (b, slot) in t.iter_mut().enumerate().take(0x80) {
        let byte = b as u8;
        *slot = if byte.is_ascii_lowercase() {
            lower_first_bytes[b >> 6] & (1 << (b & 63)) != 0
        } else {
            byte.is_ascii_alphanumeric()
        };
    }
    t
}

fn genitive(name: &str) -> Option<String> {
    if name.ends_with(['s', 'ß', 'x', 'z']) || name.contains(['(', '/']) {
        None
    } else {
        Some(format!("{name}s"))
    }
}

impl CityGazetteer {
    /// Builds the matcher from `cities.tsv` rows (ags, name, official, state, population,
    /// kreisfrei, stadt, variants), `city_adjectives.tsv` rows, the ambiguous names and
    /// `foreign_cities.tsv` rows (name, country, variants).
    pub fn build(
        rows: &[Vec<String>],
        adjectives: &[Vec<String>],
        ambiguous: &HashSet<String>,
        foreign: &[Vec<String>],
    ) -> Result<CityGazetteer, String> {
        let mut cities = Vec::new();
        let mut forms: HashMap<String, Vec<Form>> = HashMap::new();
        let mut lower_starts: HashSet<String> = HashSet::new();
        let mut add = |forms: &mut HashMap<String, Vec<Form>>, surface: &str, city: u32, kind| {
            let s = surface.trim();
            if s.chars().count() < 2 {
                return;
            }
            if s.starts_with(|c: char| c.is_lowercase()) {
                lower_starts.insert(s.chars().take_while(|c| c.is_alphanumeric()).collect());
            }
            let key = s.to_lowercase();
            let v = forms.entry(key).or_default();
            if !v.iter().any(|f| f.city == city) {
                v.push(Form { city, kind });
            }
        };
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        for r in rows {
            let population: u32 = r[4].replace([' ', '.'], "").parse().unwrap_or(0);
            let city = City {
                ags: Some(r[0].clone()),
                name: r[1].clone(),
                state: r[3].clone(),
                population,
                kreisfrei: r[5] == "1",
                foreign: false,
            };
            let id = cities.len() as u32;
            add(&mut forms, &city.name, id, FormKind::Name);
            if let Some(g) = genitive(&city.name) {
                add(&mut forms, &g, id, FormKind::Genitive);
            }
            for v in r.get(7).map(|s| s.split('|')).into_iter().flatten() {
                let v = v.trim();
                if v.is_empty() {
                    continue;
                }
                let kind = if v.split_whitespace().count() > 1
                    && v.split_whitespace().next().is_some_and(|w| {
                        w.ends_with("stadt") || w == "Freie" || w == "Sankt" || w == "St."
                    })
                    && !v.starts_with("Sankt")
                    && !v.starts_with("St.")
                {
                    FormKind::Official
                } else if city.name.starts_with(v) || v.split_whitespace().count() == 1 {
                    FormKind::Short
                } else {
                    FormKind::Name
                };
                add(&mut forms, v, id, kind);
                if kind == FormKind::Short
                    && let Some(g) = genitive(v)
                {
                    add(&mut forms, &g, id, FormKind::Genitive);
                }
            }
            by_name.entry(city.name.clone()).or_default().push(id);
            cities.push(city);
        }
        // adjectives: the table, else name + "er" for cities of 50,000 and more
        let mut has_adj: HashSet<u32> = HashSet::new();
        for r in adjectives {
            let Some(ids) = by_name.get(&r[0]) else {
                continue;
            };
            let Some(&id) = ids.iter().max_by_key(|&&i| cities[i as usize].population) else {
                continue;
            };
            has_adj.insert(id);
            for a in adjective_inflections(&r[1]) {
                add(&mut forms, &a, id, FormKind::Adjective);
            }
        }
        for (i, c) in cities.iter().enumerate() {
            let id = i as u32;
            if c.population < 50_000 || has_adj.contains(&id) {
                continue;
            }
            let base = c.name.split([' ', '(', '/', ',']).next().unwrap_or(&c.name);
            let adj = if base.ends_with('e') {
                format!("{base}r")
            } else {
                format!("{base}er")
            };
            for a in adjective_inflections(&adj) {
                add(&mut forms, &a, id, FormKind::Adjective);
            }
        }
        for r in foreign {
            let id = cities.len() as u32;
            cities.push(City {
                ags: None,
                name: r[0].clone(),
                state: r[1].clone(),
                population: 0,
                kreisfrei: false,
                foreign: true,
            });
            add(&mut forms, &r[0], id, FormKind::Name);
            for v in r.get(2).map(|s| s.split('|')).into_iter().flatten() {
                add(&mut forms, v, id, FormKind::Name);
            }
        }
        let ambiguous_lower: HashSet<String> = ambiguous.iter().map(|s| s.to_lowercase()).collect();
        let mut keys: Vec<String> = forms.keys().cloned().collect();
        keys.sort();
        let mut patterns = Vec::with_capacity(keys.len());
        for k in &keys {
            let mut v = forms.remove(k).unwrap_or_default();
            // the most populous first (a foreign city counts as large)
            v.sort_by_key(|f| {
                let c = &cities[f.city as usize];
                std::cmp::Reverse(if c.foreign { 1_000_000 } else { c.population })
            });
            // an ambiguous word: the form itself, or the base of its genitive/adjective
            let amb = ambiguous_lower.contains(k)
                || v.iter().any(|f| {
                    f.kind == FormKind::Genitive
                        && ambiguous_lower.contains(k.trim_end_matches('s'))
                });
            patterns.push((v, amb));
        }
        let mut index: rustc_hash::FxHashMap<String, Vec<u32>> = Default::default();
        for (id, k) in keys.iter().enumerate() {
            let first: String = k.chars().take_while(|c| c.is_alphanumeric()).collect();
            if first.is_empty() {
                continue;
            }
            index.entry(first).or_default().push(id as u32);
        }
        for ids in index.values_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(keys[id as usize].len()));
        }
        let surfaces = keys;
        let index_filter = WordFilter::new(index.keys().map(String::as_str));
        let lower_first: rustc_hash::FxHashSet<String> = lower_starts.into_iter().collect();
        let mut lower_first_bytes = [0u64; 4];
        for w in &lower_first {
            if let Some(&b) = w.as_bytes().first() {
                lower_first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        let start_bytes = start_bytes(&lower_first_bytes);
        let lower_first_filter = WordFilter::new(lower_first.iter().map(String::as_str));
        let by_ags = cities
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.ags.clone().map(|a| (a, i as u32)))
            .collect();
        let states = cities
            .iter()
            .filter(|c| !c.foreign)
            .map(|c| c.state.clone())
            .collect();
        Ok(CityGazetteer {
            cities,
            index,
            index_filter,
            surfaces,
            lower_first,
            lower_first_bytes,
            lower_first_filter,
            start_bytes,
            patterns,
            by_ags,
            states,
        })
    }

    pub fn city(&self, id: u32) -> &City {
        &self.cities[id as usize]
    }

    /// The id of a city by its AGS, or by name for a foreign city.
    pub fn id_of(&self, name: &str, ags: Option<&str>) -> Option<u32> {
        match ags {
            Some(a) => self.by_ags.get(a).copied(),
            None => self
                .cities
                .iter()
                .position(|c| c.foreign && c.name == name)
                .map(|i| i as u32),
        }
    }

    pub fn by_ags(&self, ags: &str) -> Option<&City> {
        self.by_ags.get(ags).map(|&i| &self.cities[i as usize])
    }

    /// Every whole-word, capitalised occurrence of a city form in `text`, in text order.
    /// Whether a word written in lower case starts a form ("deutsche").
    fn is_lower_first(&self, word: &str) -> bool {
        let b = word.as_bytes()[0];
        self.lower_first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0
            && self.lower_first_filter.may_contain(word)
            && self.lower_first.contains(word)
    }

    pub fn find<'g>(&'g self, text: &str) -> Vec<CityHit<'g>> {
        let mut out = Vec::new();
        let mut key = String::new();
        let bytes = text.as_bytes();
        let mut pos = 0;
        // the next byte that may start a form: most bytes are lower-case ASCII letters, which
        // start none but the few forms in `lower_first`
        while let Some(skip) = bytes
            .get(pos..)
            .and_then(|rest| rest.iter().position(|&b| self.start_bytes[usize::from(b)]))
        {
            pos += skip;
            // a word starts here unless a word char comes right before
            if pos > 0 && ends_with_word_char(&text[..pos]) {
                // inside a word: no word starts before its end
                pos += word_len(&text[pos..]).max(1);
                while pos < text.len() && !text.is_char_boundary(pos) {
                    pos += 1;
                }
                continue;
            }
            let b = bytes[pos];
            let c = if b < 0x80 {
                b as char
            } else {
                let Some(c) = text[pos..].chars().next() else {
                    break;
                };
                if !is_alphanumeric(c) {
                    pos += c.len_utf8();
                    continue;
                }
                c
            };
            // a run of word chars: a word, unless it goes on a hyphenated one ("Groß-Gerau" is
            // matched from "Groß", not from "Gerau")
            let word_len = word_len(&text[pos..]);
            if pos > 0 && bytes[pos - 1] == b'-' {
                pos += word_len;
                continue;
            }
            let word = &text[pos..pos + word_len];
            // only capitalised words start a name, but for the few forms that start in lower
            // case ("deutsche Hauptstadt")
            if is_lowercase(c) && !self.is_lower_first(word) {
                pos += word_len;
                continue;
            }
            let ascii = word.is_ascii();
            if ascii && !self.index_filter.may_contain_ascii_lowercase(word) {
                pos += word_len;
                continue;
            }
            key.clear();
            if ascii {
                key.push_str(word);
                key.make_ascii_lowercase();
            } else {
                for w in word.chars() {
                    if w.is_ascii() {
                        key.push(w.to_ascii_lowercase());
                    } else {
                        key.extend(w.to_lowercase());
                    }
                }
                if !self.index_filter.may_contain(&key) {
                    pos += word_len;
                    continue;
                }
            }
            let hit = self.index.get(key.as_str()).and_then(|ids| {
                ids.iter().find_map(|&id| {
                    let len = prefix_len_ci(&text[pos..], &self.surfaces[id as usize])?;
                    let end = pos + len;
                    let word_end = text[end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !is_alphanumeric(c));
                    word_end.then_some((id, end))
                })
            });
            if let Some((id, end)) = hit {
                // a proper noun: capitalised ("Essen", not "essen"); a multi-word form by its
                // last word ("deutsche Hauptstadt")
                let surface = &text[pos..end];
                let capital = surface.starts_with(is_uppercase)
                    || surface.contains(' ')
                        && surface
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| w.starts_with(is_uppercase));
                if capital {
                    let (forms, ambiguous) = &self.patterns[id as usize];
                    out.push(CityHit {
                        start: pos,
                        end,
                        forms,
                        ambiguous: *ambiguous,
                    });
                    // the char after a hit is no word char
                    pos = end;
                    continue;
                }
            }
            pos += word_len;
        }
        out
    }
}

/// Whether the last char of `s` is a word char (ASCII bytes tested as bytes).
fn ends_with_word_char(s: &str) -> bool {
    match s.as_bytes().last() {
        None => false,
        Some(&b) if b < 0x80 => ASCII_ALNUM[usize::from(b)],
        Some(_) => s.chars().next_back().is_some_and(is_alphanumeric),
    }
}

/// The byte length of the run of word chars at the start of `s` (ASCII bytes checked first).
fn word_len(s: &str) -> usize {
    let b = s.as_bytes();
    let ascii = b
        .iter()
        .position(|&c| !ASCII_ALNUM[usize::from(c)])
        .unwrap_or(b.len());
    if b.get(ascii).is_none_or(|b| b.is_ascii()) {
        return ascii;
    }
    ascii
        + s[ascii..]
            .chars()
            .take_while(|&c| is_word_char(c))
            .map(char::len_utf8)
            .sum::<usize>()
}

/// A letter or digit.
fn is_word_char(c: char) -> bool {
    is_alphanumeric(c)
}

/// The byte length of the prefix of `hay` that equals `lower` once lower-cased, if any.
fn prefix_len_ci(hay: &str, lower: &str) -> Option<usize> {
    // ASCII chars of `hay` byte by byte (an ASCII char lower-cases to one ASCII char); from its
    // first other char on, char by char
    let (h, l) = (hay.as_bytes(), lower.as_bytes());
    if l.is_empty() {
        return None;
    }
    let mut i = 0;
    while i < l.len() {
        let hb = *h.get(i)?;
        if hb >= 0x80 {
            let rest = prefix_len_ci_chars(hay.get(i..)?, lower.get(i..)?)?;
            return Some(i + rest);
        }
        if hb.to_ascii_lowercase() != l[i] {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// `prefix_len_ci`, char by char.
fn prefix_len_ci_chars(hay: &str, lower: &str) -> Option<usize> {
    let mut want = lower.chars();
    let mut used = 0;
    for h in hay.chars() {
        let mut folded = h.to_lowercase();
        let first = folded.next()?;
        let mut ok = want.next() == Some(first);
        for f in folded {
            ok &= want.next() == Some(f);
        }
        if !ok {
            return None;
        }
        used += h.len_utf8();
        if want.as_str().is_empty() {
            return Some(used);
        }
    }
    None
}

fn adjective_inflections(adj: &str) -> Vec<String> {
    let mut out = vec![adj.to_string()];
    if adj.ends_with("sche") || adj.ends_with("sch") {
        let stem = adj.trim_end_matches('e');
        for end in ["e", "en", "er", "es", "em"] {
            out.push(format!("{stem}{end}"));
        }
    } else if adj.ends_with("er") {
        // demonyms: "Leipzigern", "Leipzigerin", "Leipzigerinnen"
        out.push(format!("{adj}n"));
        out.push(format!("{adj}in"));
        out.push(format!("{adj}innen"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(ags: &str, name: &str, pop: u32, kf: bool, variants: &str) -> Vec<String> {
        vec![
            ags.into(),
            name.into(),
            name.into(),
            "Land".into(),
            pop.to_string(),
            if kf { "1" } else { "0" }.into(),
            "1".into(),
            variants.into(),
        ]
    }

    fn gaz() -> CityGazetteer {
        let rows = vec![
            row("14713000", "Leipzig", 593_145, true, ""),
            row(
                "15002000",
                "Halle (Saale)",
                239_257,
                true,
                "Halle|Halle/Saale",
            ),
            row("05913000", "Essen", 582_760, true, ""),
            row("09162000", "München", 1_484_226, true, ""),
            row("05754008", "Halle (Westf.)", 21_000, false, "Halle"),
        ];
        let adj = vec![vec!["München".to_string(), "Münchner".to_string()]];
        let amb: HashSet<String> = ["Essen".to_string(), "Halle".to_string()].into();
        CityGazetteer::build(
            &rows,
            &adj,
            &amb,
            &[vec!["Wien".into(), "Österreich".into()]],
        )
        .unwrap()
    }

    #[test]
    fn finds_forms_case_insensitively_but_capitalised() {
        let g = gaz();
        let t = "LEIPZIG und Leipzigs Bürger, die Münchner und Wien; essen ist kein Ort.";
        let hits: Vec<&str> = g.find(t).iter().map(|h| &t[h.start..h.end]).collect();
        assert_eq!(hits, vec!["LEIPZIG", "Leipzigs", "Münchner", "Wien"]);
    }

    #[test]
    fn short_forms_prefer_the_larger_city_and_carry_ambiguity() {
        let g = gaz();
        let t = "Die Stadt Halle liegt vorn.";
        let h = &g.find(t)[0];
        assert_eq!(g.city(h.forms[0].city).name, "Halle (Saale)");
        assert!(h.ambiguous);
        let t = "Die Stadt Halle (Saale) liegt vorn.";
        let h = &g.find(t)[0];
        assert_eq!(&t[h.start..h.end], "Halle (Saale)");
        let t = "Halle/Saale";
        assert_eq!(&t[g.find(t)[0].start..g.find(t)[0].end], "Halle/Saale");
    }

    #[test]
    fn whole_words_only() {
        let g = gaz();
        assert!(g.find("Leipzigerstraße und Großleipzig").is_empty());
        assert_eq!(g.find("Leipzig-Connewitz").len(), 1);
    }
}
