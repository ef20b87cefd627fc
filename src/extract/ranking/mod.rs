//! Rankings: every statement of a city's position in a ranking — exact rank or bound, previous
//! rank, category or regional scope, ranking name, publisher and edition year — each with its
//! evidence. `patterns` finds position expressions, `context` finds their scopes and ranking
//! names; this module binds them to cities and merges repeats. It does not decide the subject.

mod context;
mod patterns;

use crate::extract::Article;
use crate::extract::city::Mention;
use crate::gazetteer::{FormKind, Gazetteers};
use crate::record::Ranking;
use crate::text::Span;
use context::{Context, RankingMention, Scope};
use patterns::{Patterns, Pos, PosExpr, Prev, PrevExpr};
use std::collections::HashMap;

pub struct RankingRules {
    pat: Patterns,
    ctx: Context,
    anaphor: regex::Regex,
    shared: regex::Regex,
    /// Words without which a sentence states no position or previous position.
    anchors: aho_corasick::AhoCorasick,
    /// Words without which a sentence names no category or region.
    scope_anchors: aho_corasick::AhoCorasick,
}

/// Every pattern in `patterns.rs` needs one of these substrings (checked by its tests).
const POSITION_ANCHORS: &[&str] = &[
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
    "sten ",
    "ste ",
    "odium",
    "odest",
    "reppchen",
    "orjahr",
    "führ",
    "platziert",
    "Nr.",
    "Nummer",
    "sieger",
    "Sieger",
    "Zähler",
    "verteidig",
    "nverändert",
    "erneut",
    "bleibt",
    "blieb",
    "Folge",
    "ste\"",
    "sten\"",
];

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
            anchors: aho_corasick::AhoCorasick::new(POSITION_ANCHORS)
                .unwrap_or_else(|e| panic!("anchors: {e}")),
            scope_anchors: aho_corasick::AhoCorasick::new(SCOPE_ANCHORS)
                .unwrap_or_else(|e| panic!("anchors: {e}")),
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
        let names = self.ctx.ranking_mentions(text);
        let edition = document_edition(&names, &self.ctx.generic_editions(text));
        let mut entries: Vec<Entry> = Vec::new();
        let mut pending_prev: Vec<(usize, PrevExpr, Option<u32>, Option<String>)> = Vec::new();
        let cities: Vec<&Mention> = mentions.iter().collect();
        let mut carried: Option<Scope> = None;
        let mut carried_para: Option<usize> = None;
        for (si, &s) in a.sentences.iter().enumerate() {
            let in_sent: Vec<&Mention> = cities
                .iter()
                .copied()
                .filter(|m| s.start <= m.span.start && m.span.end <= s.end)
                .collect();
            // a category named in a sentence without positions carries on through its paragraph
            let para = a.paragraph_at(s.start);
            if para != carried_para {
                carried = None;
                carried_para = para;
            }
            // most sentences state no position: a cheap word check skips them
            let sent_text = s.slice(text);
            let has_positions = self.anchors.is_match(sent_text);
            let has_scopes = self.scope_anchors.is_match(sent_text);
            let mut positions = if has_positions {
                self.pat.positions(text, s)
            } else {
                Vec::new()
            };
            let scopes = if has_scopes || !positions.is_empty() {
                self.ctx.scopes(text, s)
            } else {
                Vec::new()
            };
            let mut consumed: Vec<Span> = Vec::new();
            // list items bound to a city by form: "Bochum (Platz 4, Vorjahr: 11)", "1. Hamburg", "Stuttgart auf 16"
            let has_rank_words = !positions.is_empty() || contains_rank_word(s.slice(text));
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
                if rule != "rank.list_enumeration"
                    && is_compared(crate::extract::city::window_before(text, m.span.start, 160))
                {
                    continue;
                }
                // a parenthesis may carry the previous rank too: "(Platz 4, Vorjahr: 11)"
                let paren_end = text[span.end..s.end]
                    .find(')')
                    .map(|i| span.end + i + 1)
                    .unwrap_or(span.end);
                let full = Span::new(span.start, paren_end.max(span.end));
                consumed.push(full);
                positions.retain(|p| !(p.span.start < full.end && full.start < p.span.end));
                entries.push(Entry {
                    city: m.city,
                    pos: Pos::Exact(v),
                    category: scope_for(&scopes, span, &consumed)
                        .unwrap_or_else(|| carried.as_ref().and_then(|c| c.name.clone())),
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
            for (rs, re_, first, last, _) in self.pat.ranges(s.slice(text)) {
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
                self.pat.previous(text, s, &positions)
            } else {
                Vec::new()
            };
            let carried_now = carried.clone();
            if positions.is_empty()
                && let Some(sc) = scopes
                    .iter()
                    .rev()
                    .find(|sc| !sc.region && sc.name.is_some())
            {
                carried = Some(sc.clone());
            }
            for e in &positions {
                if e.negated {
                    continue;
                }
                let targets = self.assign(a, e, &in_sent, mentions, subject, si);
                if targets.is_empty() {
                    continue;
                }
                let others: Vec<Span> = positions
                    .iter()
                    .filter(|o| o.span != e.span)
                    .map(|o| o.span)
                    .collect();
                let cats = self.categories_of(e, &scopes, &others, text, &carried_now);
                let category = cats.first().cloned().flatten();
                let (year, historic) = explicit_year(text, s, e.span, edition);
                // "2022 lag Erfurt noch auf Rang 31" in the 2021 edition: the previous rank
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
        self.attach_previous(a, &mut entries, pending_prev, mentions, subject);
        let merged = merge(entries);
        merged
            .into_iter()
            .map(|e| {
                let c = g.cities.city(e.city);
                let named = names
                    .iter()
                    .rev()
                    .find(|n| n.span.start <= e.span.start)
                    .or_else(|| names.first());
                let year = e.year.or(if e.historic { None } else { edition });
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
                    score: None,
                    score_max: None,
                    evidence: a.evidence(e.span, e.rule),
                }
            })
            .collect()
    }

    /// The cities a position belongs to: the nearest city in the clause (all of a listed group
    /// for bounds); without one, the city the text is about at that point.
    fn assign(
        &self,
        a: &Article,
        e: &PosExpr,
        in_sent: &[&Mention],
        all: &[Mention],
        subject: Option<u32>,
        si: usize,
    ) -> Vec<u32> {
        let text = a.text;
        // inside quoted speech in the first person ("dass wir Platz 8 erreicht haben"), the
        // speaker's city — the subject — is meant, whatever other cities the quote names
        if let Some(city) = subject.filter(|_| in_first_person_quote(a, e.span)) {
            return vec![city];
        }
        let candidates: Vec<(usize, &Mention)> = in_sent
            .iter()
            .filter(|m| {
                !(e.span.start <= m.span.start && m.span.end <= e.span.end)
                    || e.rule == "rank.superlative"
            })
            .map(|m| (cost(text, m, e.span), *m))
            .collect();
        if let Some(&(_, best)) = candidates.iter().min_by_key(|(c, _)| *c) {
            if best.rule == "city.district" {
                return Vec::new();
            }
            if let Pos::Bound(_) = e.pos {
                // a bound covers every city the sentence names ("Die ersten zehn Plätze, auf
                // denen neben A, B und C auch D und E zu finden sind"); cities with an exact
                // rank of their own drop the bound again when entries are merged
                let mut all: Vec<u32> = in_sent
                    .iter()
                    .filter(|m| m.rule != "city.district" && m.kind != FormKind::Adjective)
                    .map(|m| m.city)
                    .collect();
                all.dedup();
                return all;
            }
            if self.shared.is_match(a.sentences[si].slice(text)) {
                // a bound covers a listed group: "Bochum, Freiburg und Lübeck sind unter den zehn besten"
                let mut group = vec![best.city];
                let mut members: Vec<&Mention> = in_sent
                    .iter()
                    .copied()
                    .filter(|m| m.rule != "city.district")
                    .collect();
                members.sort_by_key(|m| m.span.start);
                let idx = members
                    .iter()
                    .position(|m| m.span == best.span)
                    .unwrap_or(0);
                let mut k = idx;
                while k > 0 && is_list_gap(&text[members[k - 1].span.end..members[k].span.start]) {
                    k -= 1;
                    group.push(members[k].city);
                }
                let mut k = idx;
                while k + 1 < members.len()
                    && is_list_gap(&text[members[k].span.end..members[k + 1].span.start])
                {
                    k += 1;
                    group.push(members[k].city);
                }
                group.dedup();
                return group;
            }
            return vec![best.city];
        }
        // no city in the sentence: only a sentence that refers back to one ("die Stadt", "sie",
        // "wir") is about the last city named before it in this paragraph, else the subject
        let s = a.sentences[si];
        let refers_back = self.anaphor.find_iter(s.slice(text)).any(|m| {
            let (ms, me) = (s.start + m.start(), s.start + m.end());
            me <= e.span.start || ms >= e.span.end || e.rule != "rank.superlative"
        });
        if !refers_back {
            // no pronoun, but the subject city was named in one of the two sentences before
            // (often a heading: "Leipzig überzeugt in Kategorie Gesellschaft")
            let recent = all
                .iter()
                .rev()
                .find(|m| m.span.end <= s.start && m.kind != FormKind::Adjective);
            let near = recent.is_some_and(|m| {
                Some(m.city) == subject && a.sentence_at(m.span.start).is_some_and(|k| k + 2 >= si)
            });
            return if near {
                subject.into_iter().collect()
            } else {
                Vec::new()
            };
        }
        let para = a.paragraph_at(e.span.start);
        let last = all.iter().rev().find(|m| {
            m.span.end <= s.start
                && a.paragraph_at(m.span.start) == para
                && m.kind != FormKind::Adjective
        });
        if let Some(m) = last {
            return vec![m.city];
        }
        subject.into_iter().collect()
    }

    /// The categories bound to a position: a scope right after it, else the nearest before it
    /// in the sentence (all of a listed group: "in den Bereichen A und B jeweils Platz 1");
    /// regions only when no category applies. `[None]` = overall.
    fn categories_of(
        &self,
        e: &PosExpr,
        scopes: &[Scope],
        others: &[Span],
        text: &str,
        carried: &Option<Scope>,
    ) -> Vec<Option<String>> {
        if let Some(sc) = e.scope {
            let word = sc.slice(text);
            if let Some(r) = self.ctx.region_name(word) {
                return vec![Some(r)];
            }
            if self.ctx.is_national(word) {
                return vec![None];
            }
            if let Some(size) = SIZE_CLASSES.iter().find(|w| word.starts_with(**w)) {
                let noun = text[e.span.start..e.span.end]
                    .split_whitespace()
                    .last()
                    .unwrap_or("Städte");
                return vec![Some(format!("{size} {}", plural(noun)))];
            }
        }
        let free: Vec<&Scope> = scopes
            .iter()
            .filter(|s| {
                !others
                    .iter()
                    .any(|o| o.start <= s.span.start && s.span.end <= o.end)
            })
            .filter(|s| !(e.span.start <= s.span.start && s.span.end <= e.span.end))
            .collect();
        let group_of = |sc: &Scope| -> Vec<Option<String>> {
            free.iter()
                .filter(|o| o.group == sc.group && !o.region)
                .map(|o| o.name.clone())
                .collect()
        };
        // right after: "den zweiten Rang in der Kategorie Gesellschaft"
        if let Some(sc) = free.iter().find(|s| {
            s.span.start >= e.span.end
                && text[e.span.end..s.span.start].trim().is_empty()
                && !s.region
        }) {
            return group_of(sc);
        }
        if let Some(sc) = free
            .iter()
            .rev()
            .find(|s| s.span.end <= e.span.start && !s.region)
        {
            return group_of(sc);
        }
        // regions: in the same clause, before or right after
        let gap = |s: &Scope| {
            if s.span.end <= e.span.start {
                (s.span.end, e.span.start)
            } else {
                (e.span.end, s.span.start)
            }
        };
        let region = free
            .iter()
            .filter(|s| s.region)
            .filter(|s| {
                let (l, r) = gap(s);
                l <= r && !text[l..r].contains([',', ';', ':', '–']) && r - l < 100
            })
            .min_by_key(|s| {
                let (l, r) = gap(s);
                r.saturating_sub(l)
            });
        if let Some(sc) = region {
            return vec![sc.name.clone()];
        }
        if let Some(c) = carried {
            return vec![c.name.clone()];
        }
        vec![None]
    }

    fn attach_previous(
        &self,
        a: &Article,
        entries: &mut [Entry],
        pending: Vec<(usize, PrevExpr, Option<u32>, Option<String>)>,
        mentions: &[Mention],
        subject: Option<u32>,
    ) {
        for (si, p, city, category) in pending {
            let strength = match p.prev {
                Prev::Rank(_) => 3,
                Prev::Up(_) | Prev::Down(_) => 2,
                Prev::Same => 1,
            };
            // the nearest exact entry of this sentence (a "same" word only close by)
            let mut target = entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.sentence == si && matches!(e.pos, Pos::Exact(_)) && !e.historic)
                .filter(|(_, e)| city.is_none_or(|c| c == e.city))
                .filter(|(_, e)| match p.prev {
                    Prev::Rank(_) => e.span.start <= p.span.start,
                    Prev::Same => {
                        e.span.start.abs_diff(p.span.start) < 80
                            || e.span.end.abs_diff(p.span.end) < 80
                    }
                    _ => true,
                })
                .min_by_key(|(_, e)| {
                    e.span
                        .start
                        .abs_diff(p.span.start)
                        .min(e.span.end.abs_diff(p.span.end))
                })
                .map(|(i, _)| i);
            if target.is_none() && !matches!(p.prev, Prev::Same) {
                // a later sentence about the same city: "Damit hat die Stadt fünf Plätze verloren."
                let who = city.or_else(|| {
                    let s = a.sentences[si];
                    let in_sent: Vec<&Mention> = mentions
                        .iter()
                        .filter(|m| s.start <= m.span.start && m.span.end <= s.end)
                        .collect();
                    if let Some(m) = in_sent
                        .iter()
                        .min_by_key(|m| m.span.start.abs_diff(p.span.start))
                    {
                        return Some(m.city);
                    }
                    mentions
                        .iter()
                        .rev()
                        .find(|m| m.span.end <= s.start)
                        .map(|m| m.city)
                        .or(subject)
                });
                target = entries
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, e)| {
                        e.sentence <= si
                            && Some(e.city) == who
                            && matches!(e.pos, Pos::Exact(_))
                            && !e.historic
                    })
                    .find(|(_, e)| e.category == category)
                    .map(|(i, _)| i);
            }
            let Some(i) = target else { continue };
            let e = &mut entries[i];
            if e.prev_strength >= strength {
                continue;
            }
            let Pos::Exact(rank) = e.pos else { continue };
            let prev = match p.prev {
                Prev::Rank(v) => Some(v),
                Prev::Up(n) => Some(rank + n),
                Prev::Down(n) => rank.checked_sub(n).filter(|&v| v > 0),
                Prev::Same => Some(rank),
            };
            if let Some(v) = prev {
                e.prev = Some(v);
                e.prev_strength = strength;
            }
        }
    }
}

/// Size classes that make a superlative's noun a group category ("beste mittlere Großstadt").
const SIZE_CLASSES: &[&str] = &[
    "mittlere",
    "kleine",
    "kleinere",
    "große",
    "größere",
    "kleinen",
    "mittleren",
    "großen",
];

fn plural(noun: &str) -> String {
    match noun {
        "Stadt" => "Städte".into(),
        "Großstadt" => "Großstädte".into(),
        "Kommune" => "Kommunen".into(),
        "Region" => "Regionen".into(),
        "Metropole" => "Metropolen".into(),
        other => other.to_string(),
    }
}

/// How far a city mention is from a position, in bytes, with clause boundaries weighing heavily.
fn cost(text: &str, m: &Mention, e: Span) -> usize {
    let (l, r, after) = if m.span.end <= e.start {
        (m.span.end, e.start, false)
    } else if m.span.start >= e.end {
        (e.end, m.span.start, true)
    } else {
        (e.start, e.start, false)
    };
    let gap = &text[l..r];
    let boundaries = gap.matches(", ").count()
        + gap.matches(';').count()
        + gap.matches(": ").count()
        + gap.matches(" – ").count()
        + gap.matches(" - ").count();
    let mut c = gap.len() + 200 * boundaries;
    if after {
        c += 25;
    }
    if m.kind == FormKind::Adjective {
        c += 60;
    }
    if is_compared(crate::extract::city::window_before(text, m.span.start, 160)) {
        c += 400;
    }
    if m.rule == "city.district" {
        c = c.saturating_sub(5); // a district named right there takes the position away from cities
    }
    c
}

/// Words that make the city after them the object of a comparison, not the ranked one.
const COMPARISON_WORDS: &[&str] = &[
    "vor",
    "hinter",
    "nach",
    "als",
    "wie",
    "neben",
    "gegenüber",
    "von",
    "verdrängt",
    "überholt",
    "dem",
    "der",
    "an",
];

/// Whether the text right before a city makes it the object of a comparison, or a member of a
/// list introduced by one: "gefolgt von München, Dresden und Bonn", "vor Hannover".
fn is_compared(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let mut i = words.len();
    loop {
        let Some(w) = i.checked_sub(1).map(|k| words[k]) else {
            return false;
        };
        if COMPARISON_WORDS.contains(&w) {
            // "vor dem", "hinter der": the preposition is one word further back
            if matches!(w, "dem" | "der") {
                return i >= 2 && matches!(words[i - 2], "vor" | "hinter" | "nach" | "neben");
            }
            return true;
        }
        // a list separator, then the previous list member
        let sep = matches!(w, "und" | "sowie" | "oder");
        if sep {
            i -= 1;
        } else if !(i >= 1 && w.ends_with(',')) {
            return false;
        }
        // skip one list member: capitalised words, "am Main", "an der Havel", "(Saale)"
        let mut skipped = false;
        while let Some(m) = i.checked_sub(1).map(|k| words[k].trim_end_matches(',')) {
            let capital = m.starts_with(|c: char| c.is_uppercase() || c == '(');
            let joiner = matches!(m, "am" | "an" | "im" | "in" | "der") && skipped;
            if (capital || joiner) && !(skipped && words[i - 1].ends_with(',')) {
                i -= 1;
                skipped = true;
            } else {
                break;
            }
        }
        if !skipped {
            return false;
        }
    }
}

/// Whether `span` stands inside a quotation (in its paragraph) that speaks in the first person.
fn in_first_person_quote(a: &Article, span: Span) -> bool {
    let Some(p) = a.paragraph_at(span.start).map(|i| a.paragraphs[i]) else {
        return false;
    };
    let text = a.text;
    let before = &text[p.start..span.start];
    if before.matches('"').count() % 2 == 0 {
        return false;
    }
    let open = before.rfind('"').map(|i| p.start + i).unwrap_or(p.start);
    let close = text[span.end..p.end]
        .find('"')
        .map(|i| span.end + i)
        .unwrap_or(p.end);
    let quote = &text[open..close];
    quote.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "wir" | "uns" | "unsere" | "unser" | "unseren" | "unserer" | "Wir" | "Unsere" | "Unser"
        )
    })
}

/// A table row of label and rank: "Verwaltung: | 81 |", "Mobilität: 66", "Gesamtwertung | 70".
fn table_row(line: &str) -> Option<(&str, u32)> {
    let t = line.trim().trim_end_matches('|').trim();
    let (label, rest) = t.split_once(':').or_else(|| t.split_once('|'))?;
    let label = label.trim().trim_matches('|').trim();
    let num = rest.trim().trim_matches('|').trim().trim_end_matches('.');
    let words = label.split_whitespace().count();
    let label_ok = (1..=5).contains(&words)
        && label.starts_with(|c: char| c.is_uppercase())
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '/' || c == '&');
    if !label_ok || num.is_empty() || num.len() > 3 || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    num.parse().ok().filter(|&v| v > 0).map(|v| (label, v))
}

/// A table row "… 1. Hamburg 8,78 8,30 …": the rank number right before a city that is followed
/// by decimal figures.
fn table_row_number(text: &str, city: Span) -> Option<u32> {
    let after = text[city.end..].trim_start_matches(' ');
    let figure = after.split(' ').next().unwrap_or("");
    let is_figure = figure.contains(',')
        && figure
            .split(',')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !is_figure {
        return None;
    }
    let before = crate::extract::city::window_before(text, city.start, 8);
    let num = before.strip_suffix(". ")?;
    let digits: String = num
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    digits.parse().ok()
}

fn is_list_gap(gap: &str) -> bool {
    matches!(gap, ", " | " und " | " sowie " | ", und " | " oder ")
}

fn contains_rank_word(s: &str) -> bool {
    [
        "Platz",
        "Rang",
        "Ranking",
        "Position",
        "Plätze",
        "Ränge",
        "Platzierung",
        "belegt",
        "landet",
        "folgen",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// The edition year of the article's ranking: the one year stated after its name(s), if unique.
fn document_edition(names: &[RankingMention], generic: &[u32]) -> Option<u32> {
    let mut years: Vec<u32> = names
        .iter()
        .filter_map(|n| n.edition)
        .chain(generic.iter().copied())
        .collect();
    years.sort_unstable();
    years.dedup();
    if years.len() == 1 {
        years.first().copied()
    } else {
        years.last().copied().filter(|_| false)
    }
}

/// A year stated with the position in its clause: "Rang 12 in 2024", "2019 noch auf dem 67. Platz".
fn explicit_year(text: &str, s: Span, e: Span, edition: Option<u32>) -> (Option<u32>, bool) {
    let after = &text[e.end..s.end];
    let after_trim = after.trim_start();
    for p in ["in ", "im Jahr ", "("] {
        if let Some(rest) = after_trim.strip_prefix(p)
            && let Some(y) = leading_year(rest)
        {
            return (Some(y), edition.is_some_and(|ed| y < ed));
        }
    }
    let before = crate::extract::city::window_before(text, e.start, 60);
    let before = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    if let Some(pos) = before.find(|c: char| c.is_ascii_digit()) {
        if before[..pos].trim_end().ends_with("wie im Jahr")
            || before[..pos].trim_end().ends_with("wie")
        {
            return (None, false);
        }
        if let Some(y) = leading_year(&before[pos..]) {
            let between = &before[pos + 4..];
            if between.contains("noch")
                || between.contains("damals")
                || edition.is_some_and(|ed| y < ed)
            {
                return (Some(y), true);
            }
            return (Some(y), false);
        }
    }
    (None, false)
}

fn leading_year(s: &str) -> Option<u32> {
    let d: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if d.len() != 4 {
        return None;
    }
    d.parse().ok().filter(|y| (1950..2100).contains(y))
}

/// Whether the scope found for a list item applies (a category before it in the sentence).
fn scope_for(scopes: &[Scope], span: Span, _consumed: &[Span]) -> Option<Option<String>> {
    scopes
        .iter()
        .rev()
        .find(|s| s.span.end <= span.start && !s.region)
        .map(|s| s.name.clone())
}

/// One entry per (city, position, category, historic year); bounds give way to exact ranks.
fn merge(entries: Vec<Entry>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut index: HashMap<(u32, Pos, Option<String>, Option<u32>), usize> = HashMap::new();
    for e in entries {
        let key = (
            e.city,
            e.pos,
            e.category.clone(),
            if e.historic { e.year } else { None },
        );
        match index.get(&key) {
            Some(&i) => {
                let o = &mut out[i];
                if e.prev_strength > o.prev_strength {
                    o.prev = e.prev;
                    o.prev_strength = e.prev_strength;
                }
                if o.year.is_none() {
                    o.year = e.year;
                }
            }
            None => {
                index.insert(key, out.len());
                out.push(e);
            }
        }
    }
    let exact: Vec<(u32, Option<String>, bool)> = out
        .iter()
        .filter(|e| matches!(e.pos, Pos::Exact(_)))
        .map(|e| (e.city, e.category.clone(), e.historic))
        .collect();
    out.retain(|e| match e.pos {
        Pos::Bound(_) => !exact
            .iter()
            .any(|(c, cat, h)| *c == e.city && *cat == e.category && *h == e.historic),
        Pos::Exact(_) => true,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::is_compared;
    use crate::extract::corpus;

    #[test]
    fn table_rows() {
        use super::table_row;
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
