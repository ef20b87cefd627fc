//! Cities: which gazetteer hits are real city mentions (large, unambiguous names anywhere;
//! small or word-like names only in a strong context or once established), the article's
//! subject city (headline, dateline, lead, frequency), and the per-city mention summary.
//! It does not decide which city a ranking belongs to (`ranking` does).

use crate::extract::Article;
use crate::gazetteer::{FormKind, Gazetteers};
use crate::record::CityMention;
use crate::text::Span;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// An accepted city mention.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub city: u32,
    pub span: Span,
    pub kind: FormKind,
    /// The rule that accepted it.
    pub rule: &'static str,
}

/// Words right before a name that make it a place ("Stadt Halle", "Bürgermeister von Lage").
static STRONG_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[\s(„\x22])(?:
            (?:[Kk]reisfreie[n]?\s)?(?:Stadt|Gemeinde|Kommune|Marktgemeinde|Markt|Kreisstadt|Großstadt|Kleinstadt|Mittelstadt)
           |[A-ZÄÖÜ]\w*stadt            # Hansestadt, Landeshauptstadt, Universitätsstadt, Messestadt …
           |(?:Ober)?[Bb]ürgermeister(?:in)?\s(?:von|aus|der\sStadt)
           |Stadtverwaltung|Rathaus\s(?:von|in)|Stadtrat\s(?:von|in)
        )\s$",
    )
    .expect("strong-before regex")
});

/// Prepositions that make a large but word-like name a place ("in Essen", "aus Halle").
static PLACE_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\s)(?:[Ii]n|[Aa]us|[Nn]ach|[Bb]is|[Vv]on|[Ff]ür|[Gg]egen|[Vv]or|[Hh]inter)\s$",
    )
    .expect("prep regex")
});

/// After a name: a ranking list item, an administrative qualifier, a table cell before a
/// number cell ("Gießen | 25 | 66,8").
static STRONG_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s\((?:Platz|Rang|Position|Landkreis|Kreis|Lkr\.)|\s(?:im|in)\sLandkreis\s|\s\(\d{1,3}[).]|\s\d+,\d+\s\d+,\d|\s\|\s*\d{1,3}(?:,\d+)?\s*(?:\||\n|$))")
        .expect("strong-after regex")
});

/// `STRONG_BEFORE.is_match(before)`, after a cheap test of what every match ends with: one of
/// the regex's last words and one white-space char.
fn strong_before(before: &str) -> bool {
    const LAST_WORDS: &[&str] = &[
        "stadt",
        "Stadt",
        "Gemeinde",
        "gemeinde",
        "Kommune",
        "Markt",
        "von",
        "aus",
        "in",
        "verwaltung",
    ];
    let mut cs = before.chars();
    let ends_in_space = cs.next_back().is_some_and(char::is_whitespace);
    ends_in_space
        && LAST_WORDS.iter().any(|w| cs.as_str().ends_with(w))
        && STRONG_BEFORE.is_match(before)
}

/// `STRONG_AFTER.is_match(after)`, after a cheap test of how every match starts: a white-space
/// char, then "(", "i", "|" or a digit (any non-ASCII char is left to the regex).
fn strong_after(after: &str) -> bool {
    let mut cs = after.chars();
    let space_first = cs.next().is_some_and(char::is_whitespace);
    space_first
        && cs
            .next()
            .is_some_and(|c| matches!(c, '(' | 'i' | '|' | '0'..='9') || !c.is_ascii())
        && STRONG_AFTER.is_match(after)
}

/// Up to `max` bytes of `text` before `pos`, cut at a char boundary.
pub fn window_before(text: &str, pos: usize, max: usize) -> &str {
    let mut s = pos.saturating_sub(max);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    &text[s..pos]
}

/// Up to `max` bytes of `text` after `pos`, cut at a char boundary.
pub fn window_after(text: &str, pos: usize, max: usize) -> &str {
    let mut e = (pos + max).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    &text[pos..e]
}

fn is_dateline(a: &Article, span: Span) -> bool {
    let slash_second = a.text[..span.start].ends_with('/')
        && a.paragraphs.iter().take(3).any(|p| {
            let first = &a.text[p.start..span.start];
            !first.contains(' ') && first.len() < 40
        });
    let at_start = slash_second || a.paragraphs.iter().take(3).any(|p| p.start == span.start);
    if !at_start {
        return false;
    }
    let after = &a.text[span.end..];
    after.starts_with(". ")
        || after.starts_with(" (")
        || after.starts_with(" -")
        || after.starts_with(" –")
        || after.starts_with('/')
        || after.starts_with(":")
        || after.starts_with(" taz")
}

/// Whether the sentence around `span` states a position ("Platz 12", "Rang 3"): there, a
/// capitalised large city name is the city, not the word ("Hagen klettert auf Platz 31").
fn in_ranking_sentence(a: &Article, span: Span) -> bool {
    a.sentence_at(span.start).is_some_and(|i| {
        let s = a.sentences[i].slice(a.text);
        [
            "Platz ",
            "Platz.",
            "Rang ",
            "Rang.",
            "Position ",
            "Plätze",
            "Ränge",
        ]
        .iter()
        .any(|w| s.contains(w))
    })
}

/// Every accepted city mention in text order.
pub fn mentions(a: &Article, g: &Gazetteers) -> Vec<Mention> {
    let hits = g.cities.find(a.text);
    let states = &g.cities.states;
    let in_headline = |s: Span| {
        a.headline
            .is_some_and(|h| h.start <= s.start && s.end <= h.end)
    };
    let mut out: Vec<Option<Mention>> = Vec::with_capacity(hits.len());
    let mut pending: Vec<(usize, u32, Span, FormKind)> = Vec::new();
    let mut established: FxHashSet<u32> = FxHashSet::default();
    // hits that are never a city (surnames), whatever the other passes find
    let mut blocked: Vec<usize> = Vec::new();
    for h in &hits {
        let Some(form) = h.forms.first() else {
            continue;
        };
        let city = g.cities.city(form.city);
        let span = Span::new(h.start, h.end);
        let surface = span.slice(a.text);
        let before = window_before(a.text, h.start, 48);
        let after = window_after(a.text, h.end, 24);
        let needs_context = !city.is_large() || h.ambiguous;
        // a state's name ("Sachsen", "Brandenburg") names a town only with a place word before it
        let state_word = city.name != city.state
            && (states.contains(surface) && !city.kreisfrei
                || form.kind == FormKind::Adjective
                    && states.iter().any(|st| surface.starts_with(st)));
        let headline_ok = !needs_context
            || (city.is_large() && in_headline(span))
            || a.headline.is_some_and(|hl| hl.start == span.start);
        // "Landkreis Höxter", "Rhein-Kreis Neuss": a district, not the town
        let district = before.ends_with("Landkreis ")
            || before.ends_with("Kreis ")
            || before.ends_with("Lkr. ")
            || before.ends_with("Landkreise ");
        // "Martin Esslinger", "Anna Kölner": a surname after a first name, not the city
        let surname = matches!(form.kind, FormKind::Adjective | FormKind::Genitive)
            && before
                .strip_suffix(' ')
                .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic() && c != '-').next())
                .is_some_and(|w| g.first_names.contains(w))
            // … unless a noun follows, so the word is an adjective ("Anna lobte Kölner Firmen")
            && !after.strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
        if surname {
            blocked.push(out.len());
            out.push(None);
            continue;
        }
        let rule = if district {
            Some("city.district")
        } else if state_word {
            strong_before(before).then_some("city.place_word")
        } else if form.kind == FormKind::Official {
            Some("city.official_name")
        } else if strong_before(before) {
            Some("city.place_word")
        } else if is_dateline(a, span) {
            Some("city.dateline")
        } else if strong_after(after) {
            Some("city.list_item")
        } else if in_headline(span) && headline_ok {
            Some("city.headline")
        } else if !needs_context {
            Some("city.name")
        } else if city.is_large()
            && !states.contains(surface)
            && (PLACE_PREPOSITION.is_match(before) || in_ranking_sentence(a, span))
        {
            Some("city.preposition")
        } else {
            None
        };
        match rule {
            Some(r) => {
                if needs_context && r != "city.district" {
                    established.insert(form.city);
                }
                out.push(Some(Mention {
                    city: form.city,
                    span,
                    kind: form.kind,
                    rule: r,
                }));
            }
            None => {
                pending.push((out.len(), form.city, span, form.kind));
                out.push(None);
            }
        }
    }
    // a word-like or small name counts everywhere once the article has established it as a place
    for (i, city, span, kind) in pending {
        if established.contains(&city) {
            out[i] = Some(Mention {
                city,
                span,
                kind,
                rule: "city.established",
            });
        }
    }
    // names in a list with accepted cities ("Dortmund, Essen und Duisburg"), until no more join
    loop {
        let list: Vec<Mention> = out.iter().flatten().copied().collect();
        let before_pass = list.len();
        for (i, h) in hits.iter().enumerate() {
            if out.get(i).is_some_and(|m| m.is_none()) && !blocked.contains(&i) {
                let Some(form) = h.forms.first() else {
                    continue;
                };
                if !g.cities.city(form.city).is_large() {
                    continue;
                }
                let near = list.iter().any(|m| {
                    let (l, r) = if m.span.end <= h.start {
                        (m.span.end, h.start)
                    } else {
                        (h.end, m.span.start)
                    };
                    l <= r
                        && matches!(
                            a.text.get(l..r),
                            Some(", " | " und " | " sowie " | " oder " | ", und ")
                        )
                });
                if near {
                    out[i] = Some(Mention {
                        city: form.city,
                        span: Span::new(h.start, h.end),
                        kind: form.kind,
                        rule: "city.list",
                    });
                }
            }
        }
        if out.iter().flatten().count() == before_pass {
            break;
        }
    }
    out.into_iter().flatten().collect()
}

/// Per-city evidence weight for the subject decision.
fn weights(a: &Article, g: &Gazetteers, mentions: &[Mention]) -> FxHashMap<u32, f64> {
    let mut score: FxHashMap<u32, f64> = FxHashMap::default();
    // the headline block: the headline and a short kicker/subtitle line right after it
    let mut head_block: Vec<Span> = a.headline.into_iter().collect();
    if let (Some(h), Some(next)) = (a.headline, a.paragraphs.get(1)) {
        let t = next.slice(a.text);
        if h.start == a.paragraphs[0].start
            && !t.contains('\n')
            && t.chars().count() <= 120
            && !t.ends_with(['.', ',', ';', ':'])
        {
            head_block.push(*next);
        }
    }
    let lead_end = a
        .paragraphs
        .iter()
        .find(|p| !head_block.contains(p))
        .map(|p| p.end)
        .unwrap_or(0);
    let mut counts: FxHashMap<u32, usize> = FxHashMap::default();
    for m in mentions {
        *counts.entry(m.city).or_default() += 1;
    }
    let mut bonus_given: FxHashSet<(u32, &str)> = FxHashSet::default();
    for m in mentions {
        if g.cities.city(m.city).foreign || m.rule == "city.district" {
            continue;
        }
        let w = match m.kind {
            FormKind::Adjective => 0.5,
            _ => 1.0,
        };
        *score.entry(m.city).or_default() += w;
        let mut bonus = |key: &'static str, v: f64| {
            if bonus_given.insert((m.city, key)) {
                *score.entry(m.city).or_default() += v;
            }
        };
        if head_block.iter().any(|h| h.contains(m.span.start)) {
            bonus("headline", 3.0);
        }
        // a dateline names where the report was filed: it counts only for a city the body
        // talks about as well
        if m.rule == "city.dateline" && counts.get(&m.city).is_some_and(|&n| n >= 2) {
            bonus("dateline", 3.0);
        }
        if m.span.start < lead_end && m.kind != FormKind::Adjective {
            bonus("lead", 1.5);
        }
    }
    if let Some(t) = a.extra_title {
        for h in g.cities.find(t) {
            if let Some(f) = h.forms.first()
                && (score.contains_key(&f.city) || g.cities.city(f.city).is_large() && !h.ambiguous)
            {
                *score.entry(f.city).or_default() += 3.0;
            }
        }
    }
    score
}

/// The article's subject city, or `None` when no city stands out (an overview of many).
pub fn subject(a: &Article, g: &Gazetteers, mentions: &[Mention]) -> Option<u32> {
    let score = weights(a, g, mentions);
    let mut ranked: Vec<(u32, f64)> = score.into_iter().collect();
    // higher score, then larger population, then the register's order: never the hash order
    ranked.sort_by(|x, y| {
        y.1.total_cmp(&x.1)
            .then(
                g.cities
                    .city(y.0)
                    .population
                    .cmp(&g.cities.city(x.0).population),
            )
            .then(x.0.cmp(&y.0))
    });
    let (best, s1) = *ranked.first()?;
    let s2 = ranked.get(1).map(|r| r.1).unwrap_or(0.0);
    // many cities and no clear leader: an overview
    let contenders = ranked.iter().filter(|r| r.1 >= s1 * 0.5).count();
    let single = ranked.len() == 1;
    // two cities level with each other ("Essen/Dortmund"), or many without a clear leader
    let tie = s2 >= 0.9 * s1;
    if (s1 < 2.0 && !single) || tie || (contenders >= 3 && s1 < 1.5 * s2) {
        return None;
    }
    Some(best)
}

/// Second look at the subject once the rankings are known: an article that ranks many cities
/// and says at most one thing about its leading city, without that city clearly dominating
/// the text, is an overview (its headline often names the winner).
pub fn confirm_subject(
    a: &Article,
    g: &Gazetteers,
    mentions: &[Mention],
    subject: Option<u32>,
    ranked: &[(u32, bool)],
) -> Option<u32> {
    let best = subject?;
    let distinct: FxHashSet<u32> = ranked.iter().map(|r| r.0).collect();
    let own = ranked.iter().filter(|r| r.0 == best).count();
    if distinct.len() < 5 || own > 1 {
        return Some(best);
    }
    let score = weights(a, g, mentions);
    let s1 = score.get(&best).copied().unwrap_or(0.0);
    let s2 = score
        .iter()
        .filter(|(c, _)| **c != best)
        .map(|(_, v)| *v)
        .fold(0.0, f64::max);
    (s1 >= 2.0 * s2).then_some(best)
}

/// One summary entry per mentioned city, in order of first mention.
pub fn summarize(a: &Article, g: &Gazetteers, mentions: &[Mention]) -> Vec<CityMention> {
    let mut order: Vec<u32> = Vec::new();
    let mut counts: FxHashMap<u32, (usize, Mention)> = FxHashMap::default();
    for m in mentions.iter().filter(|m| m.rule != "city.district") {
        counts
            .entry(m.city)
            .and_modify(|e| e.0 += 1)
            .or_insert_with(|| {
                order.push(m.city);
                (1, *m)
            });
    }
    order
        .into_iter()
        .filter_map(|id| {
            let (n, first) = counts.get(&id)?;
            let c = g.cities.city(id);
            Some(CityMention {
                name: c.name.clone(),
                ags: c.ags.clone(),
                mentions: *n,
                evidence: a.evidence(first.span, first.rule),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::corpus;

    #[test]
    fn corpus() {
        corpus::check("city", include_str!("corpus/city.txt"), |r| {
            let mut out: Vec<String> = r.cities.iter().map(|c| c.name.clone()).collect();
            if let Some(c) = &r.city {
                out.push(format!("subject={}", c.name));
            }
            out
        });
    }
}
