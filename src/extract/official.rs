//! Officials: named people acting in a role for a city, authority, association or company —
//! name, academic title, role as written, party, organisation.
//!
//! The text is cut into word tokens once; role words are found by the role gazetteer (exact
//! surfaces, multi-word surfaces, `Org-Role` compounds) and by productive compound heads
//! (`…dezernent`, `…beauftragte`, `…leiter`, …), with qualifiers before them ("kommissarische")
//! and a complement after them ("des Amtes für …"). Around each role the rules look for a name:
//! right after it (`official.role_before_name`, `official.org_role_compound` for
//! "Bitkom-Präsident Name"), after the complement and a comma (`official.role_comma_name`),
//! before it with a comma, "als", "ist" or a parenthesis (`official.name_comma_role`,
//! `official.name_as_role`, `official.name_is_role`, `official.name_paren_role`), or through a
//! pronoun right after a sentence that introduced the person (`official.pronoun_role`). Names
//! with only an organisation come from `official.name_affiliation` (a city, an organisation, a
//! university or institute). A definite "der CDU-Politiker" without a name gives its party to the
//! official named just before. Mentions of one person are merged at the end, a lone surname into
//! the full name.
//!
//! Submodules: `names` (person names, titles), `roles` (role words, organisations, complements),
//! `forms` (names before a role, pronouns, affiliations),
//! `lex` (word lists and word-shape tests).

mod forms;
mod lex;
mod names;
mod roles;

use roles::{city_role, heads_district};

use crate::extract::Article;
use crate::extract::city::Mention;
use crate::gazetteer::Gazetteers;
use crate::record::Official;
use crate::text::Span;
use crate::text::chars::{ASCII_ALNUM, is_alphanumeric, is_uppercase};
use lex::*;
use std::collections::{HashMap, HashSet};

/// Compiled role, party and first-name lexicons.
pub struct OfficialRules {
    /// surface → kind, for every role surface of the gazetteer
    roles: WordMap<Kind>,
    /// first words of multi-word role surfaces
    multi_first: WordSet,
    /// a quick "no" before `roles` and `multi_first`
    role_filter: WordFilter,
    /// party surface → canonical label
    parties: WordMap<String>,
    /// hyphen prefixes known to name organisations ("Bitkom")
    org_prefixes: WordSet,
    /// the gazetteer's first names, with a faster hash
    first_names: WordSet,
    /// a quick "no" before `first_names`
    first_name_filter: WordFilter,
}

/// A word token: a byte range of letters, digits and inner hyphens.
#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    /// whether its first char is upper case (as every name and role word's is)
    upper: bool,
    /// whether it has a hyphen inside
    hyphen: bool,
}

/// A person's name found in the text.
#[derive(Debug, Clone)]
struct NameHit {
    /// start of the academic title, or of the name without one
    start: usize,
    name_start: usize,
    end: usize,
    title: Option<String>,
    /// index of the first and last token of the name
    t0: usize,
    t1: usize,
    surname_only: bool,
}

/// A role word (with its qualifiers and parenthesis) found in the text.
#[derive(Debug, Clone)]
struct RoleHit {
    kind: Kind,
    /// first token of the role phrase (qualifiers included), last token of the role words
    t0: usize,
    t1: usize,
    /// byte where the role text starts (after an organisation prefix split off)
    text_start: usize,
    /// byte where the role words end (parenthesis included)
    end: usize,
    /// byte where the whole phrase starts (genitive city, org prefix included) for evidence
    ev_start: usize,
    org: Option<String>,
    city: Option<u32>,
    party: Option<String>,
    /// the role word itself (head), for organisation decisions
    head: (usize, usize),
}

/// One mention of an official before merging.
#[derive(Debug, Clone)]
struct Cand {
    name: String,
    title: Option<String>,
    role: Option<String>,
    party: Option<String>,
    org: Option<String>,
    org_explicit: bool,
    span: Span,
    rule: &'static str,
    surname_only: bool,
}

impl OfficialRules {
    pub fn new(gaz: &Gazetteers) -> OfficialRules {
        let mut roles = WordMap::default();
        let mut multi_first = WordSet::default();
        for r in &gaz.roles {
            let surface = r.surface.trim();
            if surface.is_empty() {
                continue;
            }
            roles.insert(surface.to_string(), Kind::from_gazetteer(&r.kind));
            if let Some((first, _)) = surface.split_once(' ') {
                multi_first.insert(first.to_string());
            }
        }
        // the productive heads are role words on their own, too
        for (suffix, kind) in SUFFIX_HEADS {
            let mut cap = String::new();
            let mut cs = suffix.chars();
            if let Some(c) = cs.next() {
                cap.extend(c.to_uppercase());
                cap.push_str(cs.as_str());
            }
            roles.entry(cap).or_insert(*kind);
        }
        // canonical forms are surfaces too (and survive a data file without a header line)
        for r in &gaz.roles {
            let k = Kind::from_gazetteer(&r.kind);
            let canonical = r.canonical.trim();
            roles.entry(canonical.to_string()).or_insert(k);
            if let Some((first, _)) = canonical.split_once(' ') {
                multi_first.insert(first.to_string());
            }
        }
        // "Bitkom-Präsident" in the gazetteer: "Bitkom" is an organisation before any role
        let mut org_prefixes = WordSet::default();
        for r in &gaz.roles {
            if let Some((prefix, head)) = r.surface.trim().rsplit_once('-') {
                let is_org = !prefix.contains('-')
                    && prefix.starts_with(|c: char| c.is_uppercase())
                    && !TOPIC_PREFIXES.contains(&prefix)
                    && roles.contains_key(head);
                if is_org {
                    org_prefixes.insert(prefix.to_string());
                }
            }
        }
        let mut parties: WordMap<String> = WordMap::default();
        for (s, c) in &gaz.parties {
            parties.insert(s.clone(), c.clone());
            parties.entry(c.clone()).or_insert_with(|| c.clone());
        }
        for p in parties.keys() {
            org_prefixes.remove(p);
        }
        let role_filter =
            WordFilter::new(roles.keys().chain(multi_first.iter()).map(String::as_str));
        OfficialRules {
            roles,
            multi_first,
            role_filter,
            parties,
            org_prefixes,
            first_names: gaz.first_names.iter().cloned().collect(),
            first_name_filter: WordFilter::new(gaz.first_names.iter().map(String::as_str)),
        }
    }

    pub fn extract(
        &self,
        a: &Article,
        g: &Gazetteers,
        m: &[Mention],
        subject: Option<u32>,
    ) -> Vec<Official> {
        let text = a.text;
        let toks = tokenize(text);
        if toks.is_empty() {
            return Vec::new();
        }
        let cx = Ctx {
            rules: self,
            text,
            toks: &toks,
            g,
            mentions: m,
        };
        let names = cx.names();
        let name_at: HashMap<usize, usize> =
            names.iter().enumerate().map(|(i, n)| (n.t0, i)).collect();
        let name_ending: HashMap<usize, usize> =
            names.iter().enumerate().map(|(i, n)| (n.t1, i)).collect();
        let mut cands: Vec<Cand> = Vec::new();
        let mut used_names: HashSet<usize> = HashSet::new();
        // "der CDU-Politiker" without a name: (position, party, feminine)
        let mut party_refs: Vec<(usize, String, bool)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // (a role word is capitalised)
            if !toks[i].upper {
                i += 1;
                continue;
            }
            let Some(r) = cx.role_at(i) else {
                i += 1;
                continue;
            };
            let next = r.t1 + 1;
            if let Some(found) = cx.role_before_name(&r, &name_at, &names, subject) {
                for (c, j) in found {
                    if let Some(&ni) = name_at.get(&j) {
                        used_names.insert(ni);
                    }
                    cands.push(c);
                }
                i = next;
                continue;
            }
            let comp = cx.complement(r.t1 + 1, r.end, &name_at, &names);
            // the name before: "Name, Rolle …" / "Name (SPD), Rolle …" / "Name als Rolle …"
            if let Some((n, ni, rule)) = cx.name_before(&r, &name_ending, &names) {
                let n = &n;
                if let Some(ni) = ni {
                    used_names.insert(ni);
                }
                cands.push(cx.cand(n, &r, &comp, rule, n.start, comp.end.max(r.end), subject));
                i = next;
                continue;
            }
            // "der Leiter des Amtes für …, Name"
            // with nothing between role and comma, the name must close an apposition:
            // "der Oberbürgermeister, Anna Muster, sagte" (not a list "der Leiter, Anna Muster und …")
            if let Some(ni) = comp.name_after
                && (comp.end > r.end
                    || (cx.has_determiner_before(&r)
                        && text
                            .get(names[ni].end..)
                            .is_some_and(|t| t.starts_with(',') || t.starts_with(" ("))))
            {
                let n = &names[ni];
                used_names.insert(ni);
                cands.push(cx.cand(
                    n,
                    &r,
                    &comp,
                    if comp.name_after_comma {
                        "official.role_comma_name"
                    } else {
                        "official.role_before_name"
                    },
                    r.ev_start,
                    n.end,
                    subject,
                ));
            } else if r.kind == Kind::Politician && cx.has_determiner_before(&r) {
                // "…, sagte der CDU-Politiker.": the party of a person named before
                if let Some(p) = &r.party {
                    let head = text.get(r.head.0..r.head.1).unwrap_or("");
                    party_refs.push((toks[r.t0].s, p.clone(), head.ends_with("in")));
                }
            }
            i = next;
        }
        for (pos, party, female) in party_refs {
            cx.refer_party(&mut cands, &names, pos, party, female);
        }
        // names with only an affiliation: "Name von der Stadt X", "Name aus der Stadtverwaltung"
        for (ni, n) in names.iter().enumerate() {
            if used_names.contains(&ni) || n.surname_only {
                continue;
            }
            if let Some(c) = cx.affiliation(n, subject) {
                cands.push(c);
            }
        }
        // a lone surname after a role takes the full name written elsewhere in the article
        for c in cands.iter_mut().filter(|c| c.surname_only) {
            if let Some(n) = names.iter().find(|n| cx.tok(n.t1) == c.name) {
                c.name = text.get(n.name_start..n.end).unwrap_or("").to_string();
                c.title = c.title.take().or_else(|| n.title.clone());
                c.surname_only = false;
            }
        }
        merge(a, cands)
    }
}

/// What `complement` found after a role word.
struct Complement {
    /// end of the complement (== role end when empty)
    end: usize,
    /// the role text part of the complement: [role end, role_end) (organisation split off)
    role_end: usize,
    org: Option<String>,
    city: Option<u32>,
    /// a name right after ", " ending the complement
    name_after: Option<usize>,
    /// whether a comma stands before that name
    name_after_comma: bool,
    has_unit: bool,
}

struct Ctx<'a> {
    rules: &'a OfficialRules,
    text: &'a str,
    toks: &'a [Tok],
    g: &'a Gazetteers,
    mentions: &'a [Mention],
}

impl<'a> Ctx<'a> {
    fn tok(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    /// The text between token `i - 1` and token `i`.
    fn gap_before(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        self.text
            .get(self.toks[i - 1].e..self.toks[i].s)
            .unwrap_or("")
    }

    /// The first accepted city mention overlapping bytes `s..e` (mentions are in text order).
    fn city_at(&self, s: usize, e: usize) -> Option<&'a Mention> {
        let k = self.mentions.partition_point(|m| m.span.end <= s);
        self.mentions[k..]
            .iter()
            .take_while(|m| m.span.start < e)
            .find(|m| s < m.span.end)
    }

    /// "Rolle Name": a name (or a lone surname) right after the role.
    fn role_before_name(
        &self,
        r: &RoleHit,
        name_at: &HashMap<usize, usize>,
        names: &[NameHit],
        subject: Option<u32>,
    ) -> Option<Vec<(Cand, usize)>> {
        // after a parenthesis, too: "Chief Digital Officer (CDO) Anna Muster"
        let role_end = r.end;
        if !self.text.get(role_end..)?.starts_with(' ') {
            return None;
        }
        if role_end > self.toks[r.t1].e
            && let Some((_, inner)) = self.text.get(..role_end - 1)?.rsplit_once(" (")
            && self.party_in(inner).is_some()
        {
            return None;
        }
        if r.kind == Kind::Politician && r.party.is_none() {
            return None;
        }
        let (j, n) = self.name_from(role_end + 1, name_at, names)?;
        let rule = if r.org.is_some() {
            "official.org_role_compound"
        } else {
            "official.role_before_name"
        };
        let comp = Complement {
            end: r.end,
            role_end: r.end,
            org: None,
            city: None,
            name_after: None,
            name_after_comma: false,
            has_unit: false,
        };
        let first = self.cand(&n, r, &comp, rule, r.ev_start, n.end, subject);
        let head = self.text.get(r.head.0..r.head.1).unwrap_or("");
        // "Mitarbeiter", "Abgeordneter": an official only for an organisation or a party
        if r.kind == Kind::Generic
            && r.org.is_none()
            && (first.party.is_none() || head.contains("andidat"))
        {
            return None;
        }
        let mut out = vec![(first, j)];
        // a plural role before two names: "die Professorinnen Anna Muster und Eva Probe"
        let plural = head.ends_with("innen")
            || ["en", "n"].iter().any(|e| {
                head.strip_suffix(e)
                    .is_some_and(|b| self.rules.roles.contains_key(b))
            });
        if plural
            && self
                .text
                .get(n.end..)
                .is_some_and(|t| t.starts_with(" und "))
            && let Some((j2, n2)) = self.name_from(n.end + 5, name_at, names)
        {
            out.push((
                self.cand(&n2, r, &comp, rule, n2.start, n2.end, subject),
                j2,
            ));
        }
        Some(out)
    }

    /// "Oberbürgermeister Anna Muster sprach … , sagte die SPD-Politikerin": gives the party to
    /// the official mentioned last before `pos`, if no other person is named in between, the
    /// mention is close and its role does not contradict the gender of the party noun.
    fn refer_party(
        &self,
        cands: &mut [Cand],
        names: &[NameHit],
        pos: usize,
        party: String,
        female: bool,
    ) {
        let Some(c) = cands
            .iter_mut()
            .filter(|c| c.span.start < pos)
            .max_by_key(|c| c.span.start)
        else {
            return;
        };
        if c.party.is_some() || pos.saturating_sub(c.span.end) > 400 {
            return;
        }
        let k = names.partition_point(|n| n.end <= pos);
        if let Some(n) = k.checked_sub(1).map(|k| &names[k])
            && n.start >= c.span.end
            && self.text.get(n.name_start..n.end) != Some(c.name.as_str())
        {
            return;
        }
        if let Some(role) = &c.role {
            let head = role
                .split(" (")
                .next()
                .unwrap_or(role)
                .rsplit(' ')
                .next()
                .unwrap_or(role);
            let role_female = head.ends_with("in") || head.ends_with("innen");
            let role_male = !role_female && {
                let f = format!("{head}in");
                self.rules.roles.contains_key(f.as_str()) || compound_head(&f).is_some()
            };
            if (female && role_male) || (!female && role_female) {
                return;
            }
        }
        c.party = Some(party);
    }

    #[allow(clippy::too_many_arguments)]
    fn cand(
        &self,
        n: &NameHit,
        r: &RoleHit,
        comp: &Complement,
        rule: &'static str,
        s: usize,
        e: usize,
        subject: Option<u32>,
    ) -> Cand {
        let role = self
            .text
            .get(r.text_start..comp.role_end.max(r.end))
            .map(|s| s.trim().to_string());
        let head = self.text.get(r.head.0..r.head.1).unwrap_or("");
        let party = r.party.clone().or_else(|| {
            let after = self.text.get(n.end..)?;
            let inner = after.strip_prefix(" (")?.split_once(')')?.0;
            self.party_in(inner)
        });
        // "Bürgermeister Anna Muster aus Lingen"
        let city_after = || {
            let mut at = n.end;
            // skip a parenthesis: "Anna Muster (SPD) aus Lingen"
            if let Some(k) = self
                .text
                .get(at..)?
                .strip_prefix(" (")
                .and_then(|r| r.find(')'))
                .filter(|k| *k < 40)
            {
                at += k + 3;
            }
            let after = self.text.get(at..)?;
            let p = [" aus ", " von "].iter().find(|p| after.starts_with(**p))?;
            at += p.len();
            self.mentions
                .iter()
                .find(|m| m.span.start == at)
                .map(|m| m.city)
        };
        let city = r.city.or(comp.city).or_else(|| {
            if comp.org.is_none() && r.org.is_none() {
                city_after()
            } else {
                None
            }
        });
        let (org, explicit) = if let Some(o) = r.org.clone().or_else(|| comp.org.clone()) {
            (Some(o), true)
        } else if let Some(c) = city {
            (Some(format!("Stadt {}", self.g.cities.city(c).name)), true)
        } else if let Some(district) = heads_district(head)
            .then(|| district_near(self.text, n.start))
            .flatten()
        {
            (Some(district), false)
        } else if city_role(r.kind, head, comp.has_unit) {
            (
                subject.map(|c| format!("Stadt {}", self.g.cities.city(c).name)),
                false,
            )
        } else {
            (None, false)
        };
        Cand {
            name: self.text.get(n.name_start..n.end).unwrap_or("").to_string(),
            title: n.title.clone(),
            role: role.filter(|r| !r.is_empty()),
            party,
            org,
            org_explicit: explicit,
            span: Span::new(s.min(n.start), e),
            rule,
            surname_only: n.surname_only,
        }
    }
}

/// The district a Landrat heads when the text names one near the name (within 400 bytes):
/// "Der Landkreis Regen …" → "Landkreis Regen" (one or two capitalised words).
fn district_near(text: &str, at: usize) -> Option<String> {
    const NEAR: usize = 400;
    let p = memchr::memmem::find_iter(text.as_bytes(), "Landkreis ")
        .filter(|&p| p.abs_diff(at) <= NEAR)
        .min_by_key(|&p| p.abs_diff(at))?;
    let rest = text.get(p + "Landkreis ".len()..)?;
    let mut words: Vec<&str> = Vec::new();
    for raw in rest.split(' ').take(2) {
        let w = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !w.starts_with(char::is_uppercase) || w.chars().count() < 2 {
            break;
        }
        words.push(w);
        if w.len() != raw.len() {
            break; // punctuation ends the name
        }
    }
    (!words.is_empty()).then(|| format!("Landkreis {}", words.join(" ")))
}

/// Word tokens: letters and digits, with a hyphen inside a word kept before a letter or digit.
fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    while i < bytes.len() {
        // between words: a word starts with a letter or digit
        let first = bytes[i];
        if first.is_ascii() && !ASCII_ALNUM[usize::from(first)] {
            i += 1;
            continue;
        }
        let (alnum, len) = alnum_at(text, i);
        i += len;
        if !alnum {
            continue;
        }
        let s = i - len;
        let upper = if first.is_ascii() {
            first.is_ascii_uppercase()
        } else {
            text[s..].chars().next().is_some_and(is_uppercase)
        };
        // in a word: a hyphen before a letter or digit joins
        let mut hyphen = false;
        loop {
            // a run of ASCII letters and digits at once
            i += bytes[i..]
                .iter()
                .position(|&b| !ASCII_ALNUM[usize::from(b)])
                .unwrap_or(bytes.len() - i);
            if i >= bytes.len() {
                break;
            }
            let (alnum, len) = alnum_at(text, i);
            let inner_hyphen =
                bytes[i] == b'-' && text[i + 1..].chars().next().is_some_and(is_alphanumeric);
            if !(alnum || inner_hyphen) {
                break;
            }
            hyphen |= inner_hyphen;
            i += len;
        }
        out.push(Tok {
            s,
            e: i,
            upper,
            hyphen,
        });
    }
    out
}

/// Whether the char at byte `i` of `text` is a letter or digit, and its length in bytes.
fn alnum_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (is_alphanumeric(c), c.len_utf8())
    }
}

/// Merges mentions of one person: by name, a lone surname into the full name that ends with it;
/// keeps the most specific role, any party, the explicit organisation.
fn merge(a: &Article, cands: Vec<Cand>) -> Vec<Official> {
    let mut out: Vec<Cand> = Vec::new();
    let (full, lone): (Vec<Cand>, Vec<Cand>) = cands.into_iter().partition(|c| !c.surname_only);
    for c in full.into_iter().chain(lone) {
        let target = out.iter_mut().find(|o| {
            o.name == c.name
                || (c.surname_only
                    && (o.name.ends_with(&format!(" {}", c.name))
                        || o.name.ends_with(&format!("-{}", c.name))))
        });
        match target {
            Some(o) => {
                if c.role.as_ref().is_some_and(|r| {
                    o.role
                        .as_ref()
                        .is_none_or(|or| r.chars().count() > or.chars().count())
                }) {
                    o.role = c.role;
                }
                o.party = o.party.take().or(c.party);
                o.title = o.title.take().or(c.title);
                if c.org.is_some() && (o.org.is_none() || (c.org_explicit && !o.org_explicit)) {
                    o.org = c.org;
                    o.org_explicit = c.org_explicit;
                }
                if c.span.start < o.span.start && !c.surname_only {
                    o.span = c.span;
                    o.rule = c.rule;
                }
            }
            None => out.push(c),
        }
    }
    out.sort_by_key(|c| c.span.start);
    out.into_iter()
        .map(|c| Official {
            name: c.name,
            title: c.title,
            role: c.role,
            party: c.party,
            organization: c.org,
            evidence: a.evidence(c.span, c.rule),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::corpus;

    #[test]
    fn corpus() {
        corpus::check("official", include_str!("corpus/official.txt"), |r| {
            r.officials
                .iter()
                .map(|o| {
                    format!(
                        "{} | {} | {} | {}",
                        o.name,
                        o.role.as_deref().unwrap_or("-"),
                        o.party.as_deref().unwrap_or("-"),
                        o.organization.as_deref().unwrap_or("-")
                    )
                })
                .collect()
        });
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "-",
            "Dr. ",
            "Oberbürgermeister",
            "Oberbürgermeister (",
            "ÄÖÜ-ß, Leiter (",
            "Anna Muster, Leiterin der",
            "Bürgermeister Dr. Dr. Dr. Dr.",
        ] {
            let _ = corpus::extractor().extract(&crate::Document::from_text(t.to_string()));
        }
    }
}
