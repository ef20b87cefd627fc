//! Names of persons: first-name-led names anywhere, academic titles, and names right after a
//! role word that need no known first name ("Oberbürgermeister Bergmann").

use super::lex::*;
use super::{Ctx, NameHit};
use crate::gazetteer::FormKind;
use std::collections::HashMap;

impl Ctx<'_> {
    pub(super) fn is_first_name(&self, w: &str) -> bool {
        let first_names = &self.rules.first_names;
        (self.rules.first_name_filter.may_contain(w) && first_names.contains(w))
            || (w.bytes().any(|b| b == b'-') && w.split('-').all(|p| first_names.contains(p)))
    }

    /// A token that can be part of a person's name.
    pub(super) fn name_token(&self, i: usize) -> bool {
        let w = self.tok(i);
        name_shaped(w)
            && !is_stop(w)
            && !self.rules.parties.contains_key(w)
            && !self.is_role_word(w)
            && !self.rules.roles.contains_key(after_last_hyphen(w))
    }

    /// Every name led by a known first name ("Anna Muster", "Dr. Karl-Heinz Beispiel-Probe").
    pub(super) fn names(&self) -> Vec<NameHit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            // (a name-shaped word is capitalised)
            if !self.toks[i].upper {
                i += 1;
                continue;
            }
            let w = self.tok(i);
            // the cheap shape test (part of `name_token`) first
            if !name_shaped(w) || !self.is_first_name(w) || !self.name_token(i) {
                i += 1;
                continue;
            }
            // first name(s), then a surname, with "von"/"van"/"de"/"zu" particles allowed
            let mut j = i + 1;
            let mut last = None;
            let mut firsts = 1;
            while j < self.toks.len() && j <= i + 4 {
                let gap = self.gap_before(j);
                let t = self.tok(j);
                if gap != " " {
                    break;
                }
                if PARTICLES.contains(&t) {
                    j += 1;
                    continue;
                }
                if !self.name_token(j) || !self.surname_not_city(j) {
                    break;
                }
                last = Some(j);
                if self.is_first_name(t)
                    && firsts < 2
                    && self.name_token(j + 1)
                    && self.gap_before(j + 1) == " "
                {
                    firsts += 1;
                    j += 1;
                    continue;
                }
                break;
            }
            let Some(t1) = last else {
                i += 1;
                continue;
            };
            // "Marie Curie Straße", "Hans Böckler Preis": a name inside a proper noun
            if self.gap_before(t1 + 1) == " " && names_a_thing(self.tok(t1 + 1)) {
                i = t1 + 1;
                continue;
            }
            let (start, title) = self.title_before(self.toks[i].s);
            out.push(NameHit {
                start,
                name_start: self.toks[i].s,
                end: self.toks[t1].e,
                title,
                t0: i,
                t1,
                surname_only: false,
            });
            i = t1 + 1;
        }
        out
    }

    /// Token `j` after a known first name is no city: a city adjective or demonym that ends the
    /// name ("Martin Esslinger (CDU)", "Anna Berliner sagte") is a surname; one before a noun
    /// ("Anna Kölner Firmen") or any other city form is not.
    fn surname_not_city(&self, j: usize) -> bool {
        let t = self.toks[j];
        let Some(m) = self.city_at(t.s, t.e) else {
            return true;
        };
        m.kind == FormKind::Adjective
            && m.span.start == t.s
            && m.span.end == t.e
            && !(self.gap_before(j + 1) == " "
                && self.tok(j + 1).starts_with(|c: char| c.is_uppercase()))
    }

    /// An academic title right before byte `pos`: its start and text.
    pub(super) fn title_before(&self, pos: usize) -> (usize, Option<String>) {
        let mut start = pos;
        let mut parts: Vec<&str> = Vec::new();
        loop {
            let before = self.text.get(..start).unwrap_or("");
            let Some(t) = TITLES.iter().find(|t| {
                before
                    .strip_suffix(' ')
                    .and_then(|b| b.strip_suffix(**t))
                    .is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n', '(', '"', ',']))
            }) else {
                break;
            };
            start -= t.len() + 1;
            parts.push(t);
            if parts.len() >= 3 {
                break;
            }
        }
        if parts.is_empty() {
            return (pos, None);
        }
        parts.reverse();
        (start, Some(parts.join(" ")))
    }

    /// The name starting at byte `p`, academic titles skipped: its first token and the name.
    pub(super) fn name_from(
        &self,
        p: usize,
        name_at: &HashMap<usize, usize>,
        names: &[NameHit],
    ) -> Option<(usize, NameHit)> {
        let j = self.token_after_titles(p)?;
        let n = if let Some(&ni) = name_at.get(&j) {
            names[ni].clone()
        } else {
            self.ad_hoc_name(j)?
        };
        Some((j, n))
    }

    /// The token that starts at byte `p` once academic titles there are skipped ("Dr. Anna
    /// Muster" → "Anna"), if a token starts there.
    pub(super) fn token_after_titles(&self, p: usize) -> Option<usize> {
        let mut p = p;
        'titles: loop {
            let rest = self.text.get(p..)?;
            for t in TITLES {
                if rest.starts_with(t) && rest[t.len()..].starts_with(' ') {
                    p += t.len() + 1;
                    continue 'titles;
                }
            }
            break;
        }
        let j = self.toks.partition_point(|t| t.s < p);
        (self.toks.get(j)?.s == p).then_some(j)
    }

    /// A name after a role word that is not led by a known first name: two name-shaped tokens,
    /// or a lone surname.
    pub(super) fn ad_hoc_name(&self, j: usize) -> Option<NameHit> {
        if !self.name_token(j) || self.city_at(self.toks[j].s, self.toks[j].e).is_some() {
            return None;
        }
        let two = self.gap_before(j + 1) == " "
            && self.name_token(j + 1)
            && self
                .city_at(self.toks[j + 1].s, self.toks[j + 1].e)
                .is_none();
        let next = self.tok(j + 1);
        if !two && next.starts_with(|c: char| c.is_uppercase()) && self.gap_before(j + 1) == " " {
            return None; // "Bürgermeister Wahl Ergebnis": capitalised noise
        }
        let w = self.tok(j);
        // a lone surname: no common noun, and short or used again in the article
        let repeated = || {
            self.toks
                .iter()
                .enumerate()
                .any(|(k, t)| k != j && self.text.get(t.s..t.e) == Some(w))
        };
        if !two
            && (looks_like_noun(w)
                || self.is_first_name(w)
                || (w.chars().count() > 12 && !repeated()))
        {
            return None;
        }
        if two && looks_like_noun(self.tok(j + 1)) {
            return None;
        }
        let t1 = if two { j + 1 } else { j };
        if self.gap_before(t1 + 1) == " " && names_a_thing(self.tok(t1 + 1)) {
            return None;
        }
        let (start, title) = self.title_before(self.toks[j].s);
        Some(NameHit {
            start,
            name_start: self.toks[j].s,
            end: self.toks[t1].e,
            title,
            t0: j,
            t1,
            surname_only: !two,
        })
    }
}
