//! One entry per city, position, category and (for earlier editions) year; the strongest
//! previous rank wins and a bound gives way to an exact rank of the same city and scope.

use super::Entry;
use super::patterns::Pos;
use rustc_hash::FxHashMap;

/// One entry per (city, position, category, historic year); bounds give way to exact ranks.
pub(super) fn merge(entries: Vec<Entry>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut index: FxHashMap<(u32, Pos, Option<String>, Option<u32>), usize> = FxHashMap::default();
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
