//! Previous ranks: binds "(Vorjahr: 11)", deltas ("um fünf Plätze verbessert") and "wie im
//! Vorjahr" to the entry they speak of, in the same sentence or the city's latest entry.

use super::patterns::{Pos, Prev, PrevExpr};
use super::{Entry, RankingRules};
use crate::extract::Article;
use crate::extract::city::Mention;

impl RankingRules {
    pub(super) fn attach_previous(
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
                // an explicit previous rank may also belong to a bound ("in die Top Ten; im
                // Vorjahr noch Platz 18")
                let fits = |e: &Entry| {
                    e.sentence <= si
                        && Some(e.city) == who
                        && !e.historic
                        && (matches!(e.pos, Pos::Exact(_)) || matches!(p.prev, Prev::Rank(_)))
                };
                let exact = |e: &Entry| matches!(e.pos, Pos::Exact(_));
                target = entries
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, e)| fits(e))
                    .find(|(_, e)| e.category == category && exact(e))
                    .or_else(|| {
                        entries
                            .iter()
                            .enumerate()
                            .rev()
                            .find(|(_, e)| fits(e) && e.category == category)
                    })
                    .or_else(|| {
                        // the city's latest position of the last few sentences, in any scope
                        entries
                            .iter()
                            .enumerate()
                            .rev()
                            .find(|(_, e)| fits(e) && e.sentence + 3 >= si)
                    })
                    .map(|(i, _)| i);
            }
            let Some(i) = target else { continue };
            let e = &mut entries[i];
            if e.prev_strength >= strength {
                continue;
            }
            let prev = match (p.prev, e.pos) {
                (Prev::Rank(v), _) => Some(v),
                (_, Pos::Bound(_)) => None,
                (Prev::Up(n), Pos::Exact(rank)) => Some(rank + n),
                (Prev::Down(n), Pos::Exact(rank)) => rank.checked_sub(n).filter(|&v| v > 0),
                (Prev::Same, Pos::Exact(rank)) => Some(rank),
            };
            if let Some(v) = prev {
                e.prev = Some(v);
                e.prev_strength = strength;
            }
        }
    }
}
