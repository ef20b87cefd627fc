//! The sentence forms that put a name before a role ("Name, Rolle", "Name als Rolle",
//! "Name ist Rolle", "Name (Rolle)", a pronoun after an introduced name) and names with only an
//! organisation ("Name von der Stadt X").

use super::lex::*;
use super::{Cand, Ctx, NameHit, RoleHit};
use crate::text::Span;
use std::collections::HashMap;

impl Ctx<'_> {
    /// "Name, Rolle", "Name (SPD), Rolle", "Name als Rolle": the name before the role phrase.
    pub(super) fn name_before(
        &self,
        r: &RoleHit,
        name_ending: &HashMap<usize, usize>,
        names: &[NameHit],
    ) -> Option<(NameHit, Option<usize>, &'static str)> {
        if r.t0 == 0 {
            return None;
        }
        let start = self.toks[r.t0].s;
        let before = self.text.get(..start)?;
        // "Hier kommt Anna Muster ins Spiel. Seit 2018 ist sie Leiterin …": the last name before
        if r.kind != Kind::Generic
            && let Some((p, male)) = pronoun_before(before)
        {
            let head = self.text.get(r.head.0..r.head.1).unwrap_or("");
            if male && head.ends_with("in") && compound_head(head).is_some() {
                return None;
            }
            let ni = names.partition_point(|n| n.end <= p).checked_sub(1)?;
            let n = &names[ni];
            return (p - n.end <= 250).then(|| (n.clone(), Some(ni), "official.pronoun_role"));
        }
        // "Name, Rolle" and "Name, der/die Rolle"
        let comma = before
            .strip_suffix(", ")
            .or_else(|| before.strip_suffix(", der "))
            .or_else(|| before.strip_suffix(", die "));
        let (rest, rule) = if let Some(b) = comma {
            (b, "official.name_comma_role")
        } else if let Some(b) = before.strip_suffix(" als ") {
            (b, "official.name_as_role")
        } else if let Some(b) = before.strip_suffix(" (") {
            (b, "official.name_paren_role")
        } else if let Some(b) = strip_copula(before).filter(|_| r.kind != Kind::Generic) {
            (b, "official.name_is_role")
        } else {
            return None;
        };
        // skip a party parenthesis
        let rest = if rest.ends_with(')') {
            match rest.rfind(" (") {
                Some(p) if self.party_in(&rest[p + 2..rest.len() - 1]).is_some() => &rest[..p],
                _ => rest,
            }
        } else {
            rest
        };
        let k = self
            .toks
            .partition_point(|t| t.e <= rest.len())
            .checked_sub(1)?;
        if let Some(&ni) = name_ending.get(&k)
            && names[ni].end == rest.len()
        {
            return Some((names[ni].clone(), Some(ni), rule));
        }
        // a name without a known first name: two name-shaped words after a speech verb or at
        // the start of a sentence ("…", sagt Belit Onay, Oberbürgermeister von …)
        if rule != "official.name_comma_role" || k < 1 || self.toks[k].e != rest.len() {
            return None;
        }
        let ok_word = |i: usize| {
            let w = self.tok(i);
            self.name_token(i)
                && !looks_like_noun(w)
                && self.city_at(self.toks[i].s, self.toks[i].e).is_none()
        };
        let lead = self.text.get(..self.toks[k - 1].s)?;
        let opened = lead.is_empty()
            || lead.ends_with(['\n', '"'])
            || lead.ends_with(". ")
            || lead.ends_with(": ")
            || lead.ends_with("\" ")
            || SPEECH_VERBS.iter().any(|v| {
                lead.strip_suffix(' ')
                    .is_some_and(|l| l.ends_with(v) && l[..l.len() - v.len()].ends_with([' ', ',']))
            });
        if self.gap_before(k) != " " || !ok_word(k - 1) || !ok_word(k) || !opened {
            return None;
        }
        let (start, title) = self.title_before(self.toks[k - 1].s);
        let n = NameHit {
            start,
            name_start: self.toks[k - 1].s,
            end: self.toks[k].e,
            title,
            t0: k - 1,
            t1: k,
            surname_only: false,
        };
        Some((n, None, rule))
    }

    /// "Name von der Stadt X", "Name aus der Stadtverwaltung", "Name vom Ordnungsamt".
    pub(super) fn affiliation(&self, n: &NameHit, subject: Option<u32>) -> Option<Cand> {
        let after = self.text.get(n.end..)?;
        let (prep, rest) = AFFIL_PREPS
            .iter()
            .find_map(|p| after.strip_prefix(p).map(|r| (*p, r)))?;
        let k = self.toks.partition_point(|t| t.s < n.end + prep.len());
        let w = self.tok(k);
        if self.toks.get(k)?.s != n.end + prep.len() || !rest.starts_with(w) {
            return None;
        }
        let mut end = self.toks[k].e;
        let org;
        let mut role = None;
        if CITY_WORDS.contains(&w) {
            // "Stadt Wolfsburg"
            let c = self
                .city_at(self.toks.get(k + 1)?.s, self.toks[k + 1].e)
                .filter(|_| self.gap_before(k + 1) == " ")?;
            end = c.span.end;
            org = Some(format!("{w} {}", self.g.cities.city(c.city).name));
        } else if ADMIN_UNITS.iter().any(|u| w.ends_with(u)) || w.starts_with("Stadtverwaltung") {
            let unit = self.text.get(n.end + 1..end)?.to_string();
            if prep.trim_start().starts_with("aus") {
                role = Some(unit);
            }
            org = subject.map(|c| format!("Stadt {}", self.g.cities.city(c).name));
            if org.is_none() && role.is_none() {
                return None;
            }
        } else if let Some(last) = self.academic_org(k).filter(|_| !prep.starts_with(" aus")) {
            // "von der Universität Siegen", "vom Fraunhofer-Institut", "von der Technischen
            // Hochschule Köln"
            end = self.toks[last].e;
            org = self.text.get(self.toks[k].s..end).map(str::to_string);
        } else if self.org_word(w) && !prep.starts_with(" aus") {
            // "vom Digitalverband Bitkom", "von der IHK Kassel", "bei den Stadtwerken Ulm"
            let mut last = k;
            while last < k + 3 && self.gap_before(last + 1) == " " && {
                let t = self.tok(last + 1);
                t.starts_with(char::is_uppercase) && !is_stop(t) && !self.is_first_name(t)
            } {
                last += 1;
            }
            end = self.toks[last].e;
            org = self.text.get(self.toks[k].s..end).map(str::to_string);
        } else {
            return None;
        }
        Some(Cand {
            name: self.text.get(n.name_start..n.end)?.to_string(),
            title: n.title.clone(),
            role,
            party: None,
            org,
            org_explicit: true,
            span: Span::new(n.start, end),
            rule: "official.name_affiliation",
            surname_only: false,
        })
    }

    /// A university or research institute named from token `k` on: its last token. An adjective
    /// may come first ("Technischen Universität"); the bare noun needs a name after it
    /// ("Universität Siegen"), a compound has one ("Fraunhofer-Institut", "Musikhochschule").
    fn academic_org(&self, k: usize) -> Option<usize> {
        let is_academic = |w: &str| ACADEMIC_NOUNS.iter().any(|a| w.ends_with(a));
        let w = self.tok(k);
        let mut h = k;
        if !is_academic(w)
            && w.starts_with(char::is_uppercase)
            && (w.ends_with("en") || w.ends_with('e'))
            && self.gap_before(k + 1) == " "
        {
            h = k + 1;
        }
        let hw = self.tok(h);
        if !is_academic(hw) {
            return None;
        }
        let mut last = h;
        while last < h + 3 && self.gap_before(last + 1) == " " && {
            let t = self.tok(last + 1);
            name_shaped(t) && !is_stop(t) && !self.is_first_name(t)
        } {
            last += 1;
        }
        let bare = ACADEMIC_NOUNS.contains(&hw) && h == k;
        (!bare || last > h).then_some(last)
    }

    /// A word that names an organisation: an acronym, a known organisation prefix ("Bitkom"),
    /// or a word built on an organisation noun ("Digitalverband", "Handwerkskammer").
    pub(super) fn org_word(&self, w: &str) -> bool {
        let caps = w.chars().filter(|c| c.is_uppercase()).count();
        (caps >= 3 && w.chars().all(|c| c.is_alphanumeric() || c == '-'))
            || self.rules.org_prefixes.contains(w)
            || ORG_NOUNS.iter().any(|o| w.ends_with(o))
    }
}

/// "… ist er ", "… Sie ist seit 2018 ": where a personal pronoun stands before a role, and
/// whether it is "er".
fn pronoun_before(before: &str) -> Option<(usize, bool)> {
    for (p, male) in [(" er ", true), (" sie ", false)] {
        if let Some(b) = before.strip_suffix(p)
            && (b.ends_with(" ist") || b.ends_with(" war"))
        {
            return Some((b.len() + 1, male));
        }
    }
    let b = strip_copula(before)?;
    for (p, male) in [("er", true), ("sie", false), ("Er", true), ("Sie", false)] {
        if let Some(x) = b.strip_suffix(p)
            && (x.is_empty() || x.ends_with([' ', '\n']))
        {
            return Some((x.len(), male));
        }
    }
    None
}

/// "… ist ", "… ist seit 2019 ", "… war ": the text before a copula and its time phrase.
fn strip_copula(before: &str) -> Option<&str> {
    let mut b = before.strip_suffix(' ')?;
    if let Some(x) = b.strip_suffix(|c: char| c.is_ascii_digit()) {
        let x = x.trim_end_matches(|c: char| c.is_ascii_digit());
        b = x.strip_suffix(" seit ")?;
    } else if let Some(x) = b.strip_suffix(" seit Jahren") {
        b = x;
    }
    b.strip_suffix(" ist").or_else(|| b.strip_suffix(" war"))
}
