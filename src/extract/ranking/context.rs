//! The context of a position: ranking names and their edition years, categories ("in der
//! Kategorie Mobilität", "im Teilbereich Dynamik", "bei Energie und Umwelt"), regional scopes
//! ("in Niedersachsen", "im Niedersachsen-Vergleich", "ostdeutschen Städten") and explicit
//! overall markers ("Gesamtwertung", "bundesweit"). Finds them; `mod.rs` binds them to positions.

use super::words::{Words, mask};
use crate::gazetteer::Gazetteers;
use crate::text::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use regex::Regex;

/// A category or region statement: `Some(name)`, or `None` for an explicit "overall".
#[derive(Debug, Clone)]
pub struct Scope {
    pub span: Span,
    pub name: Option<String>,
    /// A region (lower priority than a category).
    pub region: bool,
    /// Scopes listed together ("in den Bereichen A, B und C") share a group id.
    pub group: usize,
}

/// Topics too general to be a category after a bare "bei"/"im" ("bei Digitalisierung").
const GENERIC_TOPICS: &[&str] = &[
    "Digitalisierung",
    "Smart City",
    "Wirtschaft",
    "Innovation",
    "Zukunft",
];

/// A ranking named in the text.
#[derive(Debug, Clone)]
pub struct RankingMention {
    pub span: Span,
    pub name: String,
    pub publisher: Option<String>,
    /// "Smart City Index 2024" → 2024
    pub edition: Option<u32>,
}

pub struct Context {
    names: AhoCorasick,
    name_meta: Vec<(String, Option<String>)>,
    generic: AhoCorasick,
    categories: AhoCorasick,
    category_names: Vec<String>,
    regions: AhoCorasick,
    region_names: Vec<String>,
    cat_intro: Regex,
    quoted: Regex,
    capitalised: Regex,
    overall: Regex,
    compound_ranking: Regex,
    /// "in der Gruppe der Städte mit mehr als 500.000 Einwohnern": a size-class sub-ranking
    size_class: Regex,
    edition_year: Regex,
}

fn automaton(patterns: &[String]) -> AhoCorasick {
    // a few hundred patterns: a full DFA is small and the fastest to search
    AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .unwrap_or_else(|e| panic!("ranking context automaton: {e}"))
}

/// The same automaton, also searchable anchored at the start (see [`longest_at_start`]).
fn automaton_anchorable(patterns: &[String]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .build(patterns)
        .unwrap_or_else(|e| panic!("ranking context automaton: {e}"))
}

/// The longest match starting at byte 0 of `s`: what `ac.find(s)` returns when its match
/// starts there (a leftmost-longest search prefers the leftmost start), without scanning on.
fn longest_at_start(ac: &AhoCorasick, s: &str) -> Option<aho_corasick::Match> {
    ac.try_find(Input::new(s).anchored(Anchored::Yes))
        .ok()
        .flatten()
}

/// The year of "Fahrradklima-Test des ADFC von 2022", "Index der Stiftung aus dem Jahr 2021":
/// "des" or "der", capitalised words (up to 60 bytes with their spaces), then "von" or "aus
/// (dem Jahr)" and a year that opens no span ("von 2019 bis 2023").
fn edition_after_publisher(after: &str) -> Option<u32> {
    let rest = after.strip_prefix(' ')?;
    let rest = rest
        .strip_prefix("des ")
        .or_else(|| rest.strip_prefix("der "))?;
    let mut used = 0;
    for w in rest.split(' ') {
        used += w.len() + 1;
        if w == "von" || w == "aus" {
            break;
        }
        if used > 60 || !w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
    }
    let tail = rest.get(used..)?;
    let tail = tail.strip_prefix("dem Jahr ").unwrap_or(tail);
    let year = tail.get(..4)?;
    let after_year = &tail[4..];
    if !year.bytes().all(|b| b.is_ascii_digit())
        || !(year.starts_with("19") || year.starts_with("20"))
        || after_year.starts_with(|c: char| c.is_alphanumeric() || c == '-')
        || after_year.trim_start().starts_with("bis")
    {
        return None;
    }
    year.parse().ok()
}

/// A size class written in the dative ("bei den Städten mit mehr als 200.000 Einwohnern"),
/// named with its first noun in the nominative plural ("Städte mit …"); `None` when it is
/// written in the nominative already.
fn nominative_size_class(class: &str) -> Option<String> {
    [
        ("Städten ", "Städte "),
        ("Großstädten ", "Großstädte "),
        ("Orten ", "Orte "),
    ]
    .into_iter()
    .find_map(|(dative, plural)| Some(format!("{plural}{}", class.strip_prefix(dative)?)))
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

impl Context {
    pub fn new(g: &Gazetteers) -> Context {
        let mut name_surfaces: Vec<String> = Vec::new();
        let mut name_meta = Vec::new();
        for r in &g.rankings {
            name_surfaces.push(r.surface.clone());
            name_meta.push((r.canonical.clone(), r.publisher.clone()));
        }
        let mut cat_surfaces: Vec<String> = Vec::new();
        let mut category_names = Vec::new();
        for (s, c) in &g.categories {
            cat_surfaces.push(s.clone());
            category_names.push(c.clone());
        }
        let mut reg_surfaces: Vec<String> = Vec::new();
        let mut region_names = Vec::new();
        for (s, c) in &g.regions {
            reg_surfaces.push(s.clone());
            region_names.push(c.clone());
        }
        let re = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("context pattern {p}: {e}"));
        Context {
            names: automaton(&name_surfaces),
            name_meta,
            generic: automaton(&g.ranking_generic),
            categories: automaton_anchorable(&cat_surfaces),
            category_names,
            regions: automaton_anchorable(&reg_surfaces),
            region_names,
            cat_intro: re(
                r"(?-u:\b)(?:[Kk]ategorie|[Uu]nterkategorie|[Tt]eilbereich|[Bb]ereich|[Tt]hemenbereich|[Tt]hemenfeld|[Hh]andlungsfeld|[Ss]parte|[Tt]eilranking|[Tt]eilwertung|[Ee]inzelwertung|[Dd]isziplin|[Rr]ubrik|Thema|Themen|Punkt)(en|e|n)?\s+(?:der\s+|des\s+)?",
            ),
            quoted: re(r#"^"\s*([^"]{2,60}?)\s*""#),
            capitalised: re(r"^([A-ZÄÖÜ][\wäöüß/-]+)"),
            overall: re(
                r"(?-u:\b)(?:Gesamtwertung|Gesamtranking|Gesamtergebnis|Gesamtbewertung|Gesamttabelle|Gesamtrang|Gesamtindex|Gesamtplatzierung|insgesamt|bundesweit\w*|deutschlandweit\w*|Deutschlands|in ganz Deutschland|in Deutschland|im Bundesvergleich|Bundesbereich)(?-u:\b)",
            ),
            compound_ranking: re(
                r"(?-u:\b)([A-ZÄÖÜ][\wäöüß]+?)-?(?:Ranking|[Vv]ergleich|Index|Wertung)(?-u:\b)",
            ),
            size_class: re(
                r"(?-u:\b)(?:Städten?|Kommunen|Gemeinden|Orten?|Großstädten?)\s+(?:mit|ab|von|über|unter|bis)\s+(?:mehr als\s+|weniger als\s+|über\s+|unter\s+)?[\d.]+(?:\s+(?:bis|und)\s+[\d.]+)?\s+Einwohner(?:n|innen)?(?-u:\b)",
            ),
            edition_year: re(r"^\s*(?:\(\s*)?((?:19|20)\d\d)(?-u:\b)"),
        }
    }

    /// Every ranking named in the text, with an edition year when one follows the name.
    pub fn ranking_mentions(&self, text: &str) -> Vec<RankingMention> {
        let mut out = Vec::new();
        for m in self.names.find_iter(text) {
            if !whole_word(text, m.start(), m.end()) {
                continue;
            }
            let (name, publisher) = &self.name_meta[m.pattern().as_usize()];
            out.push(RankingMention {
                span: Span::new(m.start(), m.end()),
                name: name.clone(),
                publisher: publisher.clone(),
                edition: self.edition_after(text, m.end()),
            });
        }
        out
    }

    /// Every generic ranking word ("Ranking", "Städtevergleich", "Städte-Ranking 2019") with
    /// the edition year stated right after it, if any.
    pub fn generic_mentions(&self, text: &str) -> Vec<(Span, Option<u32>)> {
        self.generic
            .find_iter(text)
            .filter(|m| whole_word(text, m.start(), m.end()))
            .map(|m| {
                (
                    Span::new(m.start(), m.end()),
                    self.edition_after(text, m.end()),
                )
            })
            .collect()
    }

    fn edition_after(&self, text: &str, end: usize) -> Option<u32> {
        // the pattern: spaces, an optional parenthesis and spaces, then "19" or "20"
        let rest = text[end..].trim_start();
        let rest = rest.strip_prefix('(').map_or(rest, str::trim_start);
        if !rest.starts_with("19") && !rest.starts_with("20") {
            return edition_after_publisher(&text[end..]);
        }
        let c = self.edition_year.captures(&text[end..])?;
        c.get(1)?.as_str().parse().ok()
    }

    /// Category, region and overall statements in the sentence `s`, in text order.
    pub fn scopes(&self, text: &str, s: Span, w: Words) -> Vec<Scope> {
        let sent = s.slice(text);
        let at = |a: usize, b: usize| Span::new(s.start + a, s.start + b);
        let mut out: Vec<Scope> = Vec::new();
        // "in der Kategorie X", "im Bereich „X“", "in den Bereichen A, B und C"
        let mut group = 0;
        // every word of `cat_intro` contains one of these
        let intro = w.any(
            const {
                mask(&[
                    "ategorie", "ereich", "eil", "Thema", "Themen", "feld", "parte", "isziplin",
                    "ubrik", "ertung", "Punkt",
                ])
            },
        );
        for c in intro
            .then(|| self.cat_intro.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let Some(m0) = c.get(0) else { continue };
            let plural = c.get(1).is_some();
            let rest = &sent[m0.end()..];
            let intro_start = clause_word_start(sent, m0.start());
            group += 1;
            let items = self.category_list(rest, !plural);
            for (_, b, name) in items {
                out.push(Scope {
                    span: at(intro_start, m0.end() + b),
                    name: Some(name),
                    region: false,
                    group,
                });
            }
        }
        // known categories after "bei", "im", "beim", "in der"
        for m in w
            .may_have_category()
            .then(|| self.categories.find_iter(sent))
            .into_iter()
            .flatten()
        {
            if !whole_word(sent, m.start(), m.end())
                || sent[m.end()..].starts_with('-')
                || out.iter().any(|o| o.span.contains(s.start + m.start()))
            {
                continue;
            }
            let surface = &sent[m.start()..m.end()];
            if GENERIC_TOPICS.contains(&surface) {
                continue;
            }
            let before = sent[..m.start()].trim_end_matches(['"', ' ']);
            if let Some(p) = [
                "bei der", "bei", "beim", "im", "in der", "in", "Bei der", "Bei", "Beim", "Im",
                "In der", "In",
            ]
            .iter()
            .find(|p| before.ends_with(*p))
            {
                let start = before.len() - p.len();
                if !whole_word(sent, start, before.len()) {
                    continue;
                }
                let end = if sent[m.end()..].starts_with('"') {
                    m.end() + 1
                } else {
                    m.end()
                };
                group += 1;
                let canonical = &self.category_names[m.pattern().as_usize()];
                let name = if surface.contains("anking") || surface.contains("ergleich") {
                    canonical.clone()
                } else {
                    surface.to_string()
                };
                out.push(Scope {
                    span: at(start, end),
                    name: Some(name),
                    region: false,
                    group,
                });
            }
        }
        // "in der Gruppe der Städte mit 50.000 bis 100.000 Einwohnern"
        for m in w
            .any(const { mask(&["Einwohner"]) })
            .then(|| self.size_class.find_iter(sent))
            .into_iter()
            .flatten()
        {
            let before = sent[..m.start()].trim_end();
            let nominative = nominative_size_class(m.as_str());
            // "unter den Großstädten mit mehr als 100.000 Einwohnern" mostly names the whole
            // field of the ranking, not a group in it
            let field = nominative.is_some()
                && (before.ends_with("unter den") || before.ends_with("Unter den"));
            if !field
                && (before.ends_with("der")
                    || before.ends_with("den")
                    || before.ends_with("unter")
                    || before.ends_with("bei"))
            {
                group += 1;
                out.push(Scope {
                    span: at(m.start(), m.end()),
                    name: Some(nominative.unwrap_or_else(|| m.as_str().to_string())),
                    region: false,
                    group,
                });
            }
        }
        // "im Niveau-Ranking", "im Niedersachsen-Vergleich"
        let compound = w.any(const { mask(&["anking", "ergleich", "Index", "Wertung"]) })
            && may_be_compound(sent, w);
        for c in compound
            .then(|| self.compound_ranking.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let (Some(m0), Some(w)) = (c.get(0), c.get(1)) else {
                continue;
            };
            if out.iter().any(|o| o.span.contains(s.start + m0.start())) {
                continue;
            }
            let word = w.as_str();
            group += 1;
            if let Some(r) = self.region_name(word) {
                out.push(Scope {
                    span: at(m0.start(), m0.end()),
                    name: Some(r),
                    region: true,
                    group,
                });
            } else if self.canonical_category(word).is_some()
                || matches!(word, "Niveau" | "Dynamik" | "Nachhaltigkeit")
            {
                out.push(Scope {
                    span: at(m0.start(), m0.end()),
                    name: Some(word.to_string()),
                    region: false,
                    group,
                });
            }
        }
        // regions: "in Niedersachsen", "im Osten", "ostdeutschen Städten", "niedersächsischen Vergleich"
        for m in w
            .may_have_region()
            .then(|| self.regions.find_iter(sent))
            .into_iter()
            .flatten()
        {
            if !whole_word(sent, m.start(), m.end())
                || out.iter().any(|o| o.span.contains(s.start + m.start()))
            {
                continue;
            }
            let surface = &sent[m.start()..m.end()];
            let name = self.region_names[m.pattern().as_usize()].clone();
            let before = sent[..m.start()].trim_end();
            let after = sent[m.end()..].trim_start();
            let adjective = surface.starts_with(|c: char| c.is_lowercase());
            let ok = if adjective {
                after.starts_with("Vergleich")
                    || after.starts_with("Städte")
                    || after.starts_with("Großstädte")
                    || after.starts_with("Stadt ")
                    || after.starts_with("Großstadt")
                    || after.starts_with("Kommune")
                    || after.starts_with("Raum")
                    || after.starts_with("Bundesländer")
            } else {
                before.ends_with(" in")
                    || before.ends_with(" im")
                    || before.ends_with("In")
                    || before.ends_with("Im")
                    || before.ends_with(" ganz")
            };
            if ok {
                group += 1;
                out.push(Scope {
                    span: at(m.start(), m.end()),
                    name: Some(name),
                    region: true,
                    group,
                });
            }
        }
        // every word of `overall` contains one of these
        let overall = w.any(const { mask(&["esamt", "undes", "eutschland"]) });
        for m in overall
            .then(|| self.overall.find_iter(sent))
            .into_iter()
            .flatten()
        {
            if out.iter().any(|o| o.span.contains(s.start + m.start())) {
                continue;
            }
            // "bundesweit", "Deutschlands" end a regional scope; "Gesamtwertung" any scope
            let geographic = !m.as_str().starts_with("Gesamt") && m.as_str() != "insgesamt";
            group += 1;
            out.push(Scope {
                span: at(m.start(), m.end()),
                name: None,
                region: geographic,
                group,
            });
        }
        out.sort_by_key(|o| o.span.start);
        out
    }

    /// A region name for a word or a superlative's scope ("Bayerns", "in Niedersachsen").
    pub fn region_name(&self, word: &str) -> Option<String> {
        let mut w = word.trim();
        for p in ["in ", "ganz ", "den ", "der "] {
            w = w.strip_prefix(p).unwrap_or(w);
        }
        let w = w.strip_suffix(" Bundesländern").unwrap_or(w).trim();
        longest_at_start(&self.regions, w)
            .filter(|m| m.end() == w.len())
            .map(|m| self.region_names[m.pattern().as_usize()].clone())
    }

    /// Whether a superlative's scope word means the whole country ("Deutschlands").
    pub fn is_national(&self, word: &str) -> bool {
        matches!(
            word.trim_start_matches("in ganz ")
                .trim_start_matches("in "),
            "Deutschlands" | "Deutschland" | "Bundesrepublik"
        )
    }

    fn canonical_category(&self, s: &str) -> Option<String> {
        longest_at_start(&self.categories, s)
            .filter(|m| m.end() == s.len())
            .map(|m| self.category_names[m.pattern().as_usize()].clone())
    }

    /// A known category at the start of `rest`: (length, canonical name).
    fn category_at(&self, rest: &str) -> Option<(usize, String)> {
        let m = longest_at_start(&self.categories, rest)?;
        whole_word(rest, 0, m.end())
            .then(|| (m.end(), self.category_names[m.pattern().as_usize()].clone()))
    }

    /// "A, B und C" (quoted, known or capitalised) at the start of `rest`: (start, end, name as
    /// written). With `single`, a lone capitalised word also counts (after a singular intro).
    fn category_list(&self, rest: &str, single: bool) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let mut pos = 0;
        loop {
            let r = &rest[pos..];
            // `quoted` starts with a quote, `capitalised` with a capital
            let quoted = r
                .starts_with('"')
                .then(|| self.quoted.captures(r))
                .flatten();
            let item = if let Some(q) = quoted {
                q.get(1)
                    .zip(q.get(0))
                    .map(|(g, all)| (pos + g.start(), pos + all.end(), g.as_str().to_string()))
            } else if let Some((len, _)) = self.category_at(r) {
                Some((pos, pos + len, r[..len].to_string()))
            } else if single || !out.is_empty() || r.contains(", ") || r.contains(" und ") {
                r.starts_with(|c: char| c.is_ascii_uppercase() || matches!(c, 'Ä' | 'Ö' | 'Ü'))
                    .then(|| self.capitalised.captures(r))
                    .flatten()
                    .and_then(|c| c.get(1))
                    .filter(|w| !NOT_CATEGORY_WORDS.contains(&w.as_str()))
                    .map(|w| (pos, pos + w.end(), w.as_str().to_string()))
            } else {
                None
            };
            let Some((a, b, name)) = item else { break };
            out.push((a, b, name));
            pos = b;
            let next = &rest[pos..];
            if let Some(n) = next
                .strip_prefix(", ")
                .or_else(|| next.strip_prefix(" und "))
                .or_else(|| next.strip_prefix(" sowie "))
            {
                pos += next.len() - n.len();
            } else {
                break;
            }
            if out.len() > 8 {
                break;
            }
        }
        out
    }
}

/// Capitalised words after a category intro that are not category names.
const NOT_CATEGORY_WORDS: &[&str] = &[
    "Smart",
    "Digitalisierung",
    "Städte",
    "Stadt",
    "Platzierungen",
    "Platzierung",
    "Platz",
    "Rang",
    "Ranking",
    "Index",
    "Punkte",
    "Spitzenplatz",
    "Top",
    "Deutschland",
    "Bereich",
    "Bereichen",
];

/// Whether a ranking word of `compound_ranking` is glued to a word before it: its "Ranking",
/// "Vergleich", "Index" or "Wertung" right after a word char or a hyphen, as in every match.
fn may_be_compound(sent: &str, w: Words) -> bool {
    let glued = |p: usize| {
        sent[..p]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    // each word only where the sentence has it (or, for both "Vergleich"s, "ergleich")
    w.any_occurrence(
        sent,
        &[
            ("Ranking", const { mask(&["Ranking"]) }),
            ("Vergleich", const { mask(&["ergleich"]) }),
            ("vergleich", const { mask(&["ergleich"]) }),
            ("Index", const { mask(&["Index"]) }),
            ("Wertung", const { mask(&["Wertung"]) }),
        ],
        glued,
    )
}

/// Back up from a category word to the preposition that introduces it ("in der Kategorie").
fn clause_word_start(sent: &str, start: usize) -> usize {
    let before = &sent[..start];
    // each preposition as written and capitalised, in this order
    for p in [
        "in der ", "In der ", "in dem ", "In dem ", "in den ", "In den ", "bei der ", "Bei der ",
        "bei den ", "Bei den ", "im ", "Im ", "beim ", "Beim ", "der ", "Der ", "die ", "Die ",
        "den ", "Den ",
    ] {
        if before.ends_with(p) {
            return start - p.len();
        }
    }
    start
}
