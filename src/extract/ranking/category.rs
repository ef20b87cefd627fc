//! Which category a position belongs to: a scope right after it, else the nearest before it
//! (all of a listed group), a superlative's own scope, a region in its clause, or the category
//! a paragraph carries; `None` for the overall ranking.

use super::RankingRules;
use super::context::Scope;
use super::patterns::PosExpr;
use crate::text::Span;

impl RankingRules {
    /// The categories bound to a position: a scope right after it, else the nearest before it
    /// in the sentence (all of a listed group: "in den Bereichen A und B jeweils Platz 1");
    /// regions only when no category applies. `[None]` = overall.
    pub(super) fn categories_of(
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

/// The category of a list item: the nearest category statement before it in the sentence
/// (`Some(None)` for an explicit "overall"), or `None` when the sentence names none.
pub(super) fn scope_for(scopes: &[Scope], span: Span) -> Option<Option<String>> {
    scopes
        .iter()
        .rev()
        .find(|s| s.span.end <= span.start && !s.region)
        .map(|s| s.name.clone())
}
