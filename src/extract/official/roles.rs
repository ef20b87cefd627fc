//! Role words: gazetteer surfaces, productive compounds, organisation and party prefixes,
//! qualifiers, a genitive city before, and the complement after ("des Amtes für …").

use super::lex::*;
use super::{Complement, Ctx, NameHit, RoleHit};
use crate::gazetteer::FormKind;
use std::collections::HashMap;

impl Ctx<'_> {
    pub(super) fn is_role_word(&self, w: &str) -> bool {
        self.rules.roles.contains_key(w) || compound_head(w).is_some()
    }

    /// A role starting at token `i`.
    pub(super) fn role_at(&self, i: usize) -> Option<RoleHit> {
        let w = self.tok(i);
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let t = self.toks[i];
        // most capitalised words are in neither `multi_first` nor `roles`
        let maybe_listed = self.rules.role_filter.may_contain(w);
        let mut t1 = i;
        let mut kind = None;
        // multi-word surfaces ("Chief Digital Officer", "Erster Bürgermeister")
        if maybe_listed && self.rules.multi_first.contains(w) {
            for n in (2..=4).rev() {
                let j = i + n - 1;
                if j >= self.toks.len() || (i + 1..=j).any(|k| self.gap_before(k) != " ") {
                    continue;
                }
                if let Some(k) = self
                    .text
                    .get(t.s..self.toks[j].e)
                    .and_then(|s| self.rules.roles.get(s))
                {
                    kind = Some(*k);
                    t1 = j;
                    break;
                }
            }
        }
        let mut text_start = t.s;
        let mut org = None;
        let mut party = None;
        let mut head = (t.s, t.e);
        let mut amp_start = None;
        if kind.is_none() {
            if let Some(k) = maybe_listed.then(|| self.rules.roles.get(w)).flatten() {
                kind = Some(*k);
            }
            if let Some((prefix, rest)) = split_last_hyphen(w).filter(|_| t.hyphen) {
                let head_kind = self
                    .rules
                    .roles
                    .get(rest)
                    .copied()
                    .or_else(|| compound_head(rest));
                if let Some(hk) = head_kind.filter(|_| rest.starts_with(|c: char| c.is_uppercase()))
                {
                    kind = kind.or(Some(hk));
                    let rest_start = t.e - rest.len();
                    // "X & Y-Präsident": a name with "&" is an organisation's
                    let ampersand = i > 0
                        && self.gap_before(i) == " & "
                        && name_shaped(self.tok(i - 1))
                        && name_shaped(prefix);
                    if let Some(p) = self.rules.parties.get(prefix) {
                        party = Some(p.clone());
                        text_start = rest_start;
                        head = (rest_start, t.e);
                    } else if self.is_org_prefix(prefix, t.s) || ampersand {
                        org = Some(prefix.to_string());
                        // "Mieter & Co-Präsident"
                        if ampersand {
                            amp_start = Some(self.toks[i - 1].s);
                            org = self
                                .text
                                .get(self.toks[i - 1].s..t.s + prefix.len())
                                .map(str::to_string);
                        }
                        text_start = rest_start;
                        head = (rest_start, t.e);
                    }
                }
            }
            if kind.is_none() {
                kind = compound_head(w);
            }
        }
        let kind = kind?;
        if NOT_ROLES.iter().any(|x| w.ends_with(x)) {
            return None;
        }
        // qualifiers before: "kommissarische", "zuständige", "Erster", "stellvertretende"
        let mut t0 = i;
        while t0 > 0 && i - t0 < 3 && self.gap_before(t0) == " " && is_qualifier(self.tok(t0 - 1)) {
            t0 -= 1;
        }
        if t0 < i {
            text_start = self.toks[t0].s;
        }
        let mut ev_start = text_start.min(t.s);
        if let Some(a) = amp_start {
            ev_start = a;
        }
        // a city before: "Ulms Oberbürgermeister", "der Ulmer Oberbürgermeister"
        let mut city = None;
        if t0 > 0 && self.gap_before(t0) == " " {
            let p = self.toks[t0 - 1];
            if let Some(mn) = self.city_at(p.s, p.e)
                && matches!(mn.kind, FormKind::Genitive | FormKind::Adjective)
                && mn.span.end == p.e
            {
                city = Some(mn.city);
                ev_start = mn.span.start;
            }
        }
        // a parenthesis: "(CDO)", "(Chief Information Officer)"
        let mut end = self.toks[t1].e;
        let after = self.text.get(end..).unwrap_or("");
        if let Some(inner) = after
            .strip_prefix(" (")
            .and_then(|r| r.split_once(')'))
            .map(|(x, _)| x)
        {
            let abbr = inner.len() <= 8
                && inner.chars().any(|c| c.is_uppercase())
                && inner
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
            if abbr || self.rules.roles.contains_key(inner) {
                end += 2 + inner.len() + 1;
            }
        }
        // a former holder of the office: "Bürgermeisterin a. D.", "Oberbürgermeister a.D."
        if let Some(suffix) = [" a. D.", " a.D."]
            .into_iter()
            .find(|x| self.text.get(end..).is_some_and(|r| r.starts_with(x)))
        {
            end += suffix.len();
        }
        // the role's last token is the last one inside what the role took
        while t1 + 1 < self.toks.len() && self.toks[t1 + 1].e <= end {
            t1 += 1;
        }
        Some(RoleHit {
            kind,
            t0,
            t1,
            text_start,
            end,
            ev_start,
            org,
            city,
            party,
            head,
        })
    }

    /// A hyphen prefix that names an organisation ("Bitkom-Präsident"): an acronym of three or
    /// more capitals, or a word that the article also uses on its own.
    pub(super) fn is_org_prefix(&self, prefix: &str, at: usize) -> bool {
        if prefix.contains('-')
            || prefix.len() < 2
            || TOPIC_PREFIXES.contains(&prefix)
            || self.is_role_word(prefix)
        {
            return false;
        }
        if self.rules.org_prefixes.contains(prefix) {
            return true;
        }
        let caps = prefix.chars().filter(|c| c.is_uppercase()).count();
        if caps >= 3 && prefix.chars().all(|c| c.is_alphanumeric()) {
            return true;
        }
        if !prefix.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        self.toks.iter().any(|t| {
            t.s != at
                && self.text.get(t.s..t.e) == Some(prefix)
                && !self.text[t.e..].starts_with('-')
        })
    }

    pub(super) fn has_determiner_before(&self, r: &RoleHit) -> bool {
        let mut k = r.t0;
        // skip the city word before
        if r.city.is_some() {
            k = k.saturating_sub(1);
        }
        k > 0 && DETERMINERS.contains(&self.tok(k - 1)) && self.gap_before(k) == " "
    }

    /// The canonical party of a parenthesis content ("SPD", "Grüne", "CDU, 54").
    pub(super) fn party_in(&self, inner: &str) -> Option<String> {
        if let Some(p) = self.rules.parties.get(inner.trim()) {
            return Some(p.clone());
        }
        let first = inner.split([',', ';']).next()?.trim();
        self.rules.parties.get(first).cloned()
    }

    /// The words after a role that belong to it ("des Amtes für Wirtschaftsförderung"), an
    /// organisation among them ("der Stadt Hamburg", "von N-Net", "bei Bitkom"), and a name
    /// after a comma that ends them.
    pub(super) fn complement(
        &self,
        j0: usize,
        role_end: usize,
        name_at: &HashMap<usize, usize>,
        names: &[NameHit],
    ) -> Complement {
        let mut out = Complement {
            end: role_end,
            role_end,
            org: None,
            city: None,
            name_after: None,
            name_after_comma: false,
            has_unit: false,
        };
        let mut j = j0;
        let mut last_content: Option<usize> = None;
        let mut prev_connector = false;
        let mut org_from: Option<usize> = None; // token index where an organisation starts
        let mut city_phrase = false;
        while j < self.toks.len() && j < j0 + 16 {
            if self.toks[j].s < role_end {
                j += 1;
                continue;
            }
            let gap = self
                .text
                .get(self.toks[j - 1].e.max(role_end)..self.toks[j].s)
                .unwrap_or("");
            let gap = if j == j0 {
                self.text.get(role_end..self.toks[j].s).unwrap_or("")
            } else {
                gap
            };
            let w = self.tok(j);
            let cap = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            if gap == ", " {
                // the name may follow its academic titles: "der Referent der Stadt, Dr. Anna Muster"
                let named = self
                    .token_after_titles(self.toks[j].s)
                    .and_then(|k| name_at.get(&k));
                if let Some(&ni) = named {
                    if last_content.is_some() || j == j0 {
                        out.name_after = Some(ni);
                        out.name_after_comma = true;
                    }
                    break;
                }
                if !cap || last_content.is_none() || org_from.is_some() {
                    break;
                }
            } else if gap != " " && gap != " & " {
                break;
            } else if last_content.is_some() {
                // "Oberbürgermeister der Stadt Kassel Anna Muster": a name ends the complement
                let ni = name_at
                    .get(&j)
                    .copied()
                    .or_else(|| names.iter().position(|n| n.start == self.toks[j].s));
                if let Some(ni) = ni {
                    out.name_after = Some(ni);
                    out.name_after_comma = false;
                    break;
                }
            }
            if CONNECTORS.contains(&w) {
                if matches!(w, "von" | "vom" | "bei" | "beim") {
                    org_from.get_or_insert(j);
                }
                prev_connector = true;
                j += 1;
                continue;
            }
            if cap {
                if !prev_connector && last_content.is_none() && j != j0 {
                    break;
                }
                if self.is_role_word(w) && last_content.is_some() {
                    break;
                }
                if UNITS.iter().any(|u| w.starts_with(u)) {
                    out.has_unit = true;
                }
                if CITY_WORDS.contains(&w)
                    && j > j0
                    && matches!(self.tok(j - 1), "der" | "des" | "von" | "vom")
                {
                    city_phrase = true;
                    if org_from.is_none_or(|o| o > j - 1) {
                        org_from = Some(j - 1);
                    }
                }
                last_content = Some(j);
                prev_connector = false;
                j += 1;
                continue;
            }
            // a lower-case adjective inside: "des städtischen Amtes"
            if prev_connector
                && ADJ_ENDINGS.iter().any(|e| w.ends_with(e))
                && self.tok(j + 1).starts_with(char::is_uppercase)
            {
                j += 1;
                continue;
            }
            break;
        }
        let Some(lc) = last_content else { return out };
        out.end = self.toks[lc].e;
        out.role_end = out.end;
        // "Vorstand der Stadtwerke Bielefeld": an organisation in the genitive, not a unit
        let first_content = self.tok(j0 + 1);
        let genitive_org = org_from.is_none()
            && matches!(self.tok(j0), "der" | "des")
            && first_content.starts_with(char::is_uppercase)
            && !UNITS.iter().any(|u| first_content.starts_with(u))
            && !CITY_WORDS.contains(&first_content)
            && !self.is_role_word(first_content)
            && !(j0..=lc).any(|k| self.tok(k) == "für");
        if genitive_org {
            org_from = Some(j0);
        }
        if let Some(of) = org_from {
            let first = self.tok(of);
            let org_start = if of + 1 < self.toks.len() {
                self.toks[of + 1].s
            } else {
                out.end
            };
            let city = self.city_at(org_start, out.end).map(|m| m.city);
            let whole_org =
                matches!(first, "von" | "vom" | "bei" | "beim") || city_phrase || genitive_org;
            if whole_org && org_start < out.end {
                out.org = self.text.get(org_start..out.end).map(|s| s.to_string());
                out.city = city;
                out.role_end = if of == j0 {
                    role_end
                } else {
                    self.toks[of - 1].e
                };
                // a city named alone is the city's administration
                if let (Some(c), Some(o)) = (city, &out.org)
                    && !o.starts_with(|ch: char| ch.is_lowercase())
                    && self.g.cities.city(c).name == *o
                {
                    out.org = Some(format!("Stadt {o}"));
                }
                // "Sprecher der Stadt": the article's city
                if out.org.as_deref().is_some_and(|o| CITY_WORDS.contains(&o)) {
                    out.org = None;
                    out.has_unit = true;
                }
            }
        }
        // "… in Mainz" at the end: the place, not part of the role
        if out.org.is_none()
            && lc > j0
            && self.tok(lc - 1) == "in"
            && let Some(m) = self.city_at(self.toks[lc].s, self.toks[lc].e)
        {
            out.city = Some(m.city);
            out.role_end = if lc - 1 == j0 {
                role_end
            } else {
                self.toks[lc - 2].e
            };
        }
        if out.city.is_none() {
            out.city = self.city_at(role_end, out.end).map(|m| m.city);
        }
        out
    }
}

/// Whether the role word heads a district ("Landrat", "Landrätin"), not a town.
pub(super) fn heads_district(head: &str) -> bool {
    head.starts_with("Landr")
}

/// Is this a role of a city's administration when nothing else is named?
pub(super) fn city_role(kind: Kind, head: &str, has_unit: bool) -> bool {
    match kind {
        // a Landrat heads a district, not the town the article is about
        Kind::Mayor => !heads_district(head),
        Kind::Executive => !COMPANY_HEADS.iter().any(|h| head.contains(h)),
        Kind::Officer => !head.starts_with("Pressereferent"),
        Kind::Head | Kind::Spokesperson => {
            has_unit
                || head.starts_with("Stadt")
                || head.starts_with("Amts")
                || head.starts_with("Rathaus")
        }
        _ => false,
    }
}
