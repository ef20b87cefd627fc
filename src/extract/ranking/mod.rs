//! Rankings: every statement of a city's position in a ranking — exact rank or bound, previous
//! rank, category or regional scope, ranking name, publisher and edition year — each with its
//! evidence. `patterns` finds position expressions, `context` finds their scopes and ranking
//! names; this module binds them to cities and merges repeats. It does not decide the subject.

mod assign;
mod category;
mod context;
mod lazy;
mod lists;
mod merge;
mod names;
mod patterns;
mod previous;
mod words;
mod years;

use crate::extract::Article;
use crate::extract::city::Mention;
use crate::gazetteer::{FormKind, Gazetteers};
use crate::record::Ranking;
use crate::text::Span;
use assign::{SentenceView, is_compared};
use category::scope_for;
use context::Context;
use lazy::LazyScopes;
use lists::{RANK_WORDS, table_column_rank, table_row, table_row_number};
use names::ArticleNames;
use patterns::{Patterns, Pos, Prev, PrevExpr};
use words::{WordIndex, Words, mask};
use years::explicit_year;

pub struct RankingRules {
    pat: Patterns,
    ctx: Context,
    anaphor: regex::Regex,
    shared: regex::Regex,
    /// The anchor words of each sentence (`POSITION_ANCHORS`, `SCOPE_ANCHORS` and the words
    /// the patterns need): without them a sentence states no position, category or region.
    words: WordIndex,
    /// "88,3 von 100 Punkten", "mit 71,4 Punkten"
    score: regex::Regex,
}

/// Every pattern in `patterns.rs` needs one of these substrings, but for superlatives (see
/// `SUPERLATIVE_NOUNS`).
pub(super) const POSITION_ANCHORS: &[&str] = &[
    "Platz",
    "platz",
    "Plätze",
    "Rang",
    "Ränge",
    "Position",
    "Stelle",
    "Spitze",
    "Top",
    "top",
    "ersten",
    "besten",
    "vorderen",
    "odium",
    "odest",
    "reppchen",
    "orjahr",
    "führt",
    "führen",
    "ngeführt",
    "unter d",
    "platziert",
    "Nr.",
    "Nummer",
    "sieger",
    "Sieger",
    "Zähler",
    "verteidig",
    "nverändert",
    "rneut",
    "leibt",
    "lieb",
    "Folge",
    "Schlusslicht",
    "letzte",
    "(19",
    "(20",
    // nominalised ordinals ("ist jetzt Zwölfter"), see `NOMINAL_ORDINAL_STEMS`
    "Erst",
    "Zweit",
    "Dritt",
    "Viert",
    "Fünft",
    "Sechst",
    "Siebt",
    "Acht",
    "Neunt",
    "Zehnt",
    "Elft",
    "Zwölft",
];

/// The nouns a superlative position needs ("die smarteste Stadt", "beste Großstadt").
const SUPERLATIVE_NOUNS: &[&str] = &["Stadt", "stadt", "Kommune", "City", "Region", "Metropole"];

const SCOPE_ANCHORS: &[&str] = &[
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
];

/// A position bound to a city, before merging.
#[derive(Debug, Clone)]
struct Entry {
    city: u32,
    pos: Pos,
    category: Option<String>,
    /// A year stated with this position ("2019 noch auf Platz 67", "Rang 12 in 2024").
    year: Option<u32>,
    /// The year makes it an earlier edition's position, a separate entry.
    historic: bool,
    prev: Option<u32>,
    /// How `prev` was found: 3 explicit, 2 delta, 1 "same as before".
    prev_strength: u8,
    span: Span,
    rule: &'static str,
    sentence: usize,
}

impl RankingRules {
    /// The score stated with a position: the nearest "N Punkte" in its clause.
    fn score_near(&self, text: &str, s: Span, w: Words, e: Span) -> (Option<f64>, Option<f64>) {
        let sent = s.slice(text);
        if !w.any(const { mask(&["Punkt", "Zähler"]) }) {
            return (None, None);
        }
        let best = self
            .score
            .captures_iter(sent)
            .filter_map(|c| {
                let m = c.get(0)?;
                let (ms, me) = (s.start + m.start(), s.start + m.end());
                let (l, r) = if me <= e.start {
                    (me, e.start)
                } else if ms >= e.end {
                    (e.end, ms)
                } else {
                    (ms, ms)
                };
                let gap = &text[l..r];
                if gap.contains([';', ':']) || gap.matches(", ").count() > 1 || r - l > 80 {
                    return None;
                }
                let value = parse_decimal(c.get(1)?.as_str())?;
                let max = c.get(2).and_then(|x| parse_decimal(x.as_str()));
                Some((r - l, value, max))
            })
            .min_by_key(|t| t.0);
        match best {
            Some((_, v, m)) => (Some(v), m),
            None => (None, None),
        }
    }

    pub fn new(gaz: &Gazetteers) -> RankingRules {
        let re =
            |p: &str| regex::Regex::new(p).unwrap_or_else(|e| panic!("ranking pattern {p}: {e}"));
        RankingRules {
            pat: Patterns::new(),
            ctx: Context::new(gaz),
            anaphor: re(
                r"(?-u:\b)(?:(?:[Dd]ie|[Dd]er|[Uu]nsere?|[Ii]hre?|[Ss]eine?)\s+(?:[\w-]+\s+)?[\w-]*(?:[Ss]tadt|[Mm]etropole|Kommune|Gemeinde)|[Ss]ie|[Ee]s|[Ww]ir|uns|[Ee]r)(?-u:\b)",
            ),
            shared: re(r"(?-u:\b)(?:teilen|teilten|teilt)\s+sich(?-u:\b)"),
            score: re(
                r"(?-u:\b)(\d{1,4}(?:,\d{1,2})?)\s+(?:von\s+(?:maximal\s+|insgesamt\s+)?(?:möglichen\s+)?(\d{1,4})\s+(?:möglichen\s+)?)?(?:Punkte|Punkten|Zähler|Zählern)(?-u:\b)",
            ),
            words: {
                let categories: Vec<&str> =
                    gaz.categories.iter().map(|(s, _)| s.as_str()).collect();
                let regions: Vec<&str> = gaz.regions.iter().map(|(s, _)| s.as_str()).collect();
                WordIndex::with_scopes(&categories, &regions)
            },
        }
    }

    pub fn extract(
        &self,
        a: &Article,
        g: &Gazetteers,
        mentions: &[Mention],
        subject: Option<u32>,
    ) -> Vec<Ranking> {
        let text = a.text;
        // the named rankings matter only once a position is bound: most articles state none
        let mut known: Option<ArticleNames> = None;
        let mut entries: Vec<Entry> = Vec::new();
        let mut pending_prev: Vec<(usize, PrevExpr, Option<u32>, Option<String>)> = Vec::new();
        let sorted_mentions = mentions.is_sorted_by_key(|m| m.span.start)
            && mentions.iter().all(|m| m.span.start <= m.span.end);
        let sentence_words = self.words.per_sentence(text, &a.sentences);
        let mut scopes = LazyScopes::new(&self.ctx, text, &a.sentences, &sentence_words);
        // every sentence's positions first, each kind over all sentences before the next (the
        // patterns' code and automata stay in the caches)
        let with_positions: Vec<usize> = (0..a.sentences.len())
            .filter(|&si| {
                sentence_words
                    .get(si)
                    .is_some_and(|&w| has_position_words(w))
            })
            .collect();
        let mut all_positions =
            self.pat
                .positions_of(text, &a.sentences, &sentence_words, &with_positions);
        // the first sentence of the current paragraph, which carried categories do not leave
        let mut run_start = 0;
        let mut carried_para: Option<usize> = None;
        for (si, &s) in a.sentences.iter().enumerate() {
            let w = sentence_words[si];
            let in_sent = mentions_in(mentions, sorted_mentions, s);
            // a category named in a sentence without positions carries on through its paragraph
            let para = a.paragraph_at(s.start);
            if para != carried_para {
                run_start = si;
                carried_para = para;
            }
            // most sentences state no position: a cheap word check skips them
            let sent_text = s.slice(text);
            let has_positions = has_position_words(w);
            let has_scopes = w.any(const { mask(SCOPE_ANCHORS) });
            let mut positions = std::mem::take(&mut all_positions[si]);
            if has_scopes || !positions.is_empty() {
                scopes.allow(si);
            }
            let mut consumed: Vec<Span> = Vec::new();
            // list items bound to a city by form: "Bochum (Platz 4, Vorjahr: 11)", "1. Hamburg", "Stuttgart auf 16"
            let has_rank_words = !positions.is_empty() || w.any(const { mask(RANK_WORDS) });
            for m in &in_sent {
                if m.kind == FormKind::Adjective || m.rule == "city.district" {
                    continue;
                }
                let after = &text[m.span.end..s.end];
                let before = &text[s.start..m.span.start];
                let item = if let Some((v, len)) =
                    self.pat.paren_item(after).filter(|_| has_rank_words)
                {
                    Some((
                        v,
                        Span::new(m.span.start, m.span.end + len),
                        "rank.list_parenthesis",
                    ))
                } else if let Some(v) = self
                    .pat
                    .enum_item(crate::extract::city::window_before(text, m.span.start, 16))
                    .filter(|_| before.trim().is_empty() || before.ends_with(". "))
                    .or_else(|| table_row_number(text, m.span))
                {
                    let num_start = before
                        .rfind(|c: char| c.is_ascii_digit())
                        .map(|i| {
                            s.start
                                + before[..i]
                                    .trim_end_matches(|c: char| c.is_ascii_digit())
                                    .len()
                        })
                        .unwrap_or(m.span.start);
                    Some((v, Span::new(num_start, m.span.end), "rank.list_enumeration"))
                } else if let Some((v, span)) = table_column_rank(text, m.span) {
                    Some((v, span, "rank.table_column"))
                } else if let Some((v, len)) = self.pat.auf_num(after).filter(|_| has_rank_words) {
                    Some((
                        v,
                        Span::new(m.span.start, m.span.end + len),
                        "rank.list_ellipsis",
                    ))
                } else {
                    None
                };
                let Some((v, span, rule)) = item else {
                    continue;
                };
                if !matches!(rule, "rank.list_enumeration" | "rank.table_column")
                    && is_compared(crate::extract::city::window_before(text, m.span.start, 160))
                {
                    continue;
                }
                // a parenthesis may carry the previous rank too: "(Platz 4, Vorjahr: 11)"
                let paren_end = text
                    .get(span.end..s.end)
                    .and_then(|t| t.find(')'))
                    .map(|i| span.end + i + 1)
                    .unwrap_or(span.end);
                let full = Span::new(span.start, paren_end.max(span.end));
                consumed.push(full);
                positions.retain(|p| !(p.span.start < full.end && full.start < p.span.end));
                entries.push(Entry {
                    city: m.city,
                    pos: Pos::Exact(v),
                    category: scope_for(scopes.get(si), span)
                        .unwrap_or_else(|| scopes.carried(run_start, si).and_then(|c| c.name)),
                    year: None,
                    historic: false,
                    prev: None,
                    prev_strength: 0,
                    span,
                    rule,
                    sentence: si,
                });
            }
            // a table row "Verwaltung: | 81 |" under a heading that names the city
            if let Some((label, v)) = table_row(sent_text) {
                let city = mentions
                    .iter()
                    .rev()
                    .find(|m| {
                        m.span.end <= s.start
                            && m.kind != FormKind::Adjective
                            && m.rule != "city.district"
                    })
                    .map(|m| m.city)
                    .or(subject);
                if let Some(city) = city {
                    let overall = label.starts_with("Gesamt") || label == "Insgesamt";
                    entries.push(Entry {
                        city,
                        pos: Pos::Exact(v),
                        category: (!overall).then(|| label.to_string()),
                        year: None,
                        historic: false,
                        prev: None,
                        prev_strength: 0,
                        span: s,
                        rule: "rank.table_row",
                        sentence: si,
                    });
                    continue;
                }
            }
            // "Platz elf bis 20 … die Städte A, B, …", "Auf Platz zwei und drei kommen A und B"
            // every word of the range pattern contains one of these
            let ranges = if w.any(const { mask(&["Platz", "Plätze", "Rang", "Ränge"]) }) {
                self.pat.ranges(s.slice(text), w)
            } else {
                Vec::new()
            };
            for (rs, re_, first, last, _) in ranges {
                let after_range: Vec<&&Mention> = in_sent
                    .iter()
                    .filter(|m| m.span.start >= s.start + re_ && m.kind != FormKind::Adjective)
                    .collect();
                let n = (last - first + 1) as usize;
                if after_range.len() >= n {
                    for (k, m) in after_range.iter().take(n).enumerate() {
                        entries.push(Entry {
                            city: m.city,
                            pos: Pos::Exact(first + k as u32),
                            category: None,
                            year: None,
                            historic: false,
                            prev: None,
                            prev_strength: 0,
                            span: Span::new(s.start + rs, m.span.end),
                            rule: "rank.range_list",
                            sentence: si,
                        });
                    }
                    let span = Span::new(s.start + rs, s.start + re_);
                    positions.retain(|p| !(p.span.start < span.end && span.start < p.span.end));
                    consumed.push(span);
                }
            }
            let prevs = if has_positions {
                self.pat.previous(text, s, w, &positions)
            } else {
                Vec::new()
            };
            let carried_now = if positions.is_empty() {
                scopes.set_carries(si);
                None
            } else {
                scopes.carried(run_start, si)
            };
            let sibling_spans: Vec<Span> = positions.iter().map(|p| p.span).collect();
            let compared: Vec<bool> = if positions.is_empty() {
                Vec::new()
            } else {
                in_sent
                    .iter()
                    .map(|m| {
                        is_compared(crate::extract::city::window_before(text, m.span.start, 160))
                    })
                    .collect()
            };
            for e in &positions {
                if e.negated {
                    continue;
                }
                let here = SentenceView {
                    compared: &compared,
                    index: si,
                    mentions: &in_sent,
                    positions: &sibling_spans,
                };
                let targets = self.assign(a, e, &here, mentions, subject);
                if targets.is_empty() {
                    continue;
                }
                let others: Vec<Span> = positions
                    .iter()
                    .filter(|o| o.span != e.span)
                    .map(|o| o.span)
                    .collect();
                let cats = self.categories_of(e, scopes.get(si), &others, text, &carried_now);
                let category = cats.first().cloned().flatten();
                let edition = known
                    .get_or_insert_with(|| ArticleNames::find(&self.ctx, text))
                    .edition;
                let (year, historic) = explicit_year(text, s, e.span, edition);
                // "2020 lag Erfurt noch auf Rang 31" in the 2021 edition: the previous rank
                let last_year = historic && year.is_some() && year.map(|y| y + 1) == edition;
                if e.is_previous || last_year {
                    if let (Pos::Exact(v), Some(&city)) = (e.pos, targets.first()) {
                        pending_prev.push((
                            si,
                            PrevExpr {
                                prev: Prev::Rank(v),
                                span: e.span,
                            },
                            Some(city),
                            category.clone(),
                        ));
                    }
                    continue;
                }
                for (&city, category) in targets
                    .iter()
                    .flat_map(|c| cats.iter().map(move |k| (c, k.clone())))
                {
                    let span = mentions
                        .iter()
                        .filter(|m| {
                            m.city == city && s.start <= m.span.start && m.span.end <= s.end
                        })
                        .min_by_key(|m| m.span.start.abs_diff(e.span.start))
                        .map(|m| {
                            Span::new(m.span.start.min(e.span.start), m.span.end.max(e.span.end))
                        })
                        .unwrap_or(e.span);
                    entries.push(Entry {
                        city,
                        pos: e.pos,
                        category: category.clone(),
                        year,
                        historic,
                        prev: e.prev,
                        prev_strength: if e.prev.is_some() { 3 } else { 0 },
                        span,
                        rule: e.rule,
                        sentence: si,
                    });
                }
            }
            for p in prevs {
                if consumed
                    .iter()
                    .any(|c| c.start <= p.span.start && p.span.end <= c.end)
                {
                    // inside a list item: bind to that item
                    if let (Prev::Rank(v), Some(en)) = (
                        p.prev,
                        entries
                            .iter_mut()
                            .filter(|en| {
                                en.sentence == si
                                    && en.rule.starts_with("rank.list")
                                    && en.span.start <= p.span.start
                                    && p.span.start <= en.span.end + 30
                            })
                            .min_by_key(|en| p.span.start - en.span.start),
                    ) {
                        en.prev = Some(v);
                        en.prev_strength = 3;
                    }
                    continue;
                }
                pending_prev.push((si, p, None, None));
            }
        }
        if entries.is_empty() {
            return Vec::new();
        }
        let ArticleNames {
            names,
            generic_spans,
            edition,
        } = known.unwrap_or_else(|| ArticleNames::find(&self.ctx, text));
        self.attach_previous(a, &mut entries, pending_prev, mentions, subject);
        let merged = merge::merge(entries);
        // without an edition year after the ranking's name, the year the article gives for a
        // current position ("Rang 12 in 2024") or states in a sentence about the ranking
        // ("das 2020 neu erhobene Ranking") stands for the edition
        let shown_edition = edition.or_else(|| {
            let stated = merged
                .iter()
                .filter(|e| !e.historic)
                .filter_map(|e| e.year)
                .max();
            stated.or_else(|| {
                let past: Vec<u32> = merged
                    .iter()
                    .filter(|e| e.historic)
                    .filter_map(|e| e.year)
                    .collect();
                years::ranking_sentence_year(text, &a.sentences, &names, &generic_spans, &past)
            })
        });
        merged
            .into_iter()
            .map(|e| {
                let c = g.cities.city(e.city);
                let named = names
                    .iter()
                    .rev()
                    .find(|n| n.span.start <= e.span.start)
                    .or_else(|| names.first());
                let year = e.year.or(if e.historic { None } else { shown_edition });
                let (score, score_max) = match e.pos {
                    Pos::Exact(_) => self.score_near(
                        text,
                        a.sentences[e.sentence],
                        sentence_words[e.sentence],
                        e.span,
                    ),
                    Pos::Bound(_) => (None, None),
                };
                Ranking {
                    city: c.name.clone(),
                    ags: c.ags.clone(),
                    ranking: named.map(|n| n.name.clone()),
                    publisher: named.and_then(|n| n.publisher.clone()),
                    category: e.category.clone(),
                    year,
                    rank: match e.pos {
                        Pos::Exact(v) => Some(v),
                        Pos::Bound(_) => None,
                    },
                    rank_max: match e.pos {
                        Pos::Bound(v) => Some(v),
                        Pos::Exact(_) => None,
                    },
                    previous_rank: e.prev,
                    score,
                    score_max,
                    evidence: a.evidence(e.span, e.rule),
                }
            })
            .collect()
    }
}

/// Whether a sentence with these words may state a position (else `Patterns::positions`
/// finds none).
fn has_position_words(w: Words) -> bool {
    w.any(const { mask(POSITION_ANCHORS) })
        || (w.any(const { mask(&["ste"]) }) && w.any(const { mask(SUPERLATIVE_NOUNS) }))
}

/// The mentions wholly inside `s`, in their order. With `sorted` (mentions sorted by start,
/// none ending before it starts) only those starting in `s` are looked at.
fn mentions_in(mentions: &[Mention], sorted: bool, s: Span) -> Vec<&Mention> {
    let inside = |m: &&Mention| s.start <= m.span.start && m.span.end <= s.end;
    if !sorted {
        return mentions.iter().filter(inside).collect();
    }
    let first = mentions.partition_point(|m| m.span.start < s.start);
    mentions
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|m| m.span.start <= s.end)
        .filter(inside)
        .collect()
}

/// A German decimal ("83,7") as a number.
fn parse_decimal(s: &str) -> Option<f64> {
    s.replace(',', ".").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::assign::is_compared;
    use crate::extract::corpus;

    #[test]
    fn scores_go_with_their_position() {
        let r = corpus::extractor().extract(&crate::Document::from_text(
            "München erreicht mit 88,3 von 100 möglichen Punkten Platz 1. Kassel landet auf Platz 9.",
        ));
        let m = r
            .rankings
            .iter()
            .find(|k| k.city == "München")
            .expect("München ranked");
        assert_eq!((m.score, m.score_max), (Some(88.3), Some(100.0)));
        let k = r
            .rankings
            .iter()
            .find(|k| k.city == "Kassel")
            .expect("Kassel ranked");
        assert_eq!((k.score, k.score_max), (None, None));
    }

    #[test]
    fn table_rows() {
        use super::lists::table_row;
        assert_eq!(table_row("Verwaltung: | 81 |"), Some(("Verwaltung", 81)));
        assert_eq!(table_row("Gesamtwertung | 70"), Some(("Gesamtwertung", 70)));
        assert_eq!(
            table_row("Energie und Umwelt: 12"),
            Some(("Energie und Umwelt", 12))
        );
        assert_eq!(table_row("Am 4. Oktober: 2021"), None);
        assert_eq!(table_row("Die Stadt hat 3 Punkte: 12"), None);
    }

    #[test]
    fn compared_cities() {
        assert!(is_compared("gefolgt von "));
        assert!(is_compared("gefolgt von München, Dresden, "));
        assert!(is_compared("liegt nach Hannover und "));
        assert!(is_compared("liegt vor dem "));
        assert!(is_compared("knapp hinter Frankfurt am Main und "));
        assert!(!is_compared("Die Stadt "));
        assert!(!is_compared("Im Ranking liegt "));
        assert!(!is_compared("Dagegen fallen "));
        assert!(!is_compared("vor allem aber die Stadt "));
    }

    #[test]
    fn corpus() {
        corpus::check("ranking", include_str!("../corpus/ranking.txt"), |r| {
            r.rankings
                .iter()
                .map(|k| {
                    let pos = match (k.rank, k.rank_max) {
                        (Some(v), _) => v.to_string(),
                        (None, Some(m)) => format!("<={m}"),
                        _ => "?".into(),
                    };
                    let mut s = format!("{} {pos}", k.city);
                    if let Some(p) = k.previous_rank {
                        s.push_str(&format!(" prev={p}"));
                    }
                    if let Some(c) = &k.category {
                        s.push_str(&format!(" cat={c}"));
                    }
                    if let Some(y) = k.year {
                        s.push_str(&format!(" year={y}"));
                    }
                    s
                })
                .collect()
        });
    }
}
