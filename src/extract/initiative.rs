//! Initiatives: named projects, platforms, apps, strategies, programmes, concepts, labs and
//! organisational units, with founding year and partners where stated.
//!
//! Candidates come from independent rules, tried in order of reliability; a later rule never
//! takes text an earlier one claimed:
//! - `initiative.quoted_name`: a quoted name after a head word ("die Initiative "X"", "mit dem
//!   Namen "X""), glued to one ("X"-App), starting or ending with one ("Masterplan X"), as the
//!   predicate of one ("ein Projekt ist die "X""), in parentheses, or listed beside such a name;
//! - `initiative.unit`: "Referat Digitale Stadt", "Amt für Digitalisierung" (digital topics only);
//! - `initiative.company`: a company named for the purpose ("die neue X.digital GmbH");
//! - `initiative.lead_noun`: a head followed by a name ("Wettbewerb Smart City", "Masterplan X");
//! - `initiative.camel_case`: CamelCase, letter-digit and @ names, with their brand words;
//! - `initiative.city_brand`: a city name with a brand word ("Leipzig App"), or glued in
//!   lower case to one;
//! - `initiative.head_noun`: name words before a head ("Smart City Projekt", "Urbane
//!   Datenplattform");
//! - `initiative.compound`: one-word compounds ("Digitalstrategie", "Open-Data-Portal").
//!
//! Words are data (`data/initiative_heads.txt`), the patterns are code.

mod lexicon;
mod text;

use crate::extract::Article;
use crate::extract::city::Mention;
use crate::gazetteer::{FormKind, Gazetteers};
use crate::record::Initiative;
use crate::text::Span;
use lexicon::{Head, Lexicon};
use regex::Regex;
use rustc_hash::FxHashSet as HashSet;
use text::{Tok, is_adjective, is_cap, is_determiner, scorer_key, tokenize};

pub struct InitiativeRules {
    lex: Lexicon,
    /// `UNIT`, anchored at the start.
    unit_at: Regex,
    company: Regex,
    copula: Regex,
    naming: Regex,
    partner: Regex,
    next_ref: Regex,
    ranking_names: HashSet<String>,
}

/// A candidate initiative: normalised byte span, name as written, kind and rule.
#[derive(Debug, Clone)]
struct Cand {
    span: Span,
    name: String,
    kind: String,
    rule: &'static str,
}

/// An organisational unit: its head word, then "für" and subjects (group 2) or a name
/// (group 3). It starts at a word boundary, which `units` tests itself: without a `\b` the
/// fast regex engines run on any text (Unicode word boundaries keep them off German text).
const UNIT: &str = r"(Referat(?:es|s)?|Stabs?stelle|Amt(?:es|s)?|Team|Dezernat(?:es|s)?|Abteilung|Fachbereich(?:es|s)?|Geschäftsstelle|Fachstelle|Stabsbereich(?:es|s)?)\s+(?:für\s+((?:[A-ZÄÖÜ]\w*(?:e|er|es|en)\s+)?[A-ZÄÖÜ][\w-]*(?:(?:,\s+(?:[A-ZÄÖÜ]\w*(?:e|er|es|en)\s+)?[A-ZÄÖÜ][\w-]*)*\s+(?:und|sowie)\s+(?:[A-ZÄÖÜ]\w*(?:e|er|es|en)\s+)?[A-ZÄÖÜ][\w-]*)?)|([A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,2}))";

/// The words a `copula` match starts with (after `^` or a space).
const COPULA_STARTS: &[&str] = &[
    "Ein", "ein", "Eine", "eine", "Eines", "eines", "Einer", "einer", "Weitere", "weitere",
    "Weiteres", "weiteres", "Weiterer", "weiterer", "Andere", "andere", "Anderes", "anderes",
];

/// The verbs of a `copula` match (whole words).
const COPULA_VERBS: &[&str] = &["ist", "sei", "war", "wäre", "bleibt"];

/// Names that are never an initiative on their own.
const GENERIC: &[&str] = &[
    "smart city",
    "smart cities",
    "digitalisierung",
    "digitale stadt",
    "app",
    "projekt",
    "strategie",
    "plattform",
    "portal",
    "konzept",
    "programm",
    "initiative",
    "open data",
    "digital",
    "smart",
];

impl InitiativeRules {
    pub fn new(gaz: &Gazetteers) -> InitiativeRules {
        let re = |p: &str| Regex::new(p).expect("initiative regex");
        InitiativeRules {
            lex: Lexicon::parse(&gaz.initiative_heads),
            unit_at: re(&format!("^(?:{UNIT})")),
            company: re(
                r"\b((?:[A-ZÄÖÜ][\w.&@-]*\s+){0,2}[A-ZÄÖÜ][\w.&@-]*)\s+(gGmbH|GmbH|mbH|AG|UG)\b",
            ),
            copula: re(
                r"(?:^|\s)(?:[Ee]in(?:e|es|er)?|[Ww]eitere[sr]?|[Aa]nderes?)\s+(?:[a-zäöü]\w*\s+)?([A-ZÄÖÜ][\w-]*)\s+(?:ist|sei|war|wäre|bleibt)\s+(?:[a-zäöü]\w*\s+){0,2}(?:der|die|das)\s*$",
            ),
            naming: re(
                r"(?:(?:mit|unter)\s+de[mn]\s+Namen|namens|getauft\s+auf\s+den\s+Namen)\s*$",
            ),
            partner: re(
                r"(?:\b[Gg]emeinsam\s+mit|\b[Zz]usammen\s+mit|\bin\s+(?:Kooperation|Zusammenarbeit|Partnerschaft)\s+mit|\bmit\s+Unterstützung\s+(?:von|der|des|durch))\s+",
            ),
            next_ref: re(r"^(?:(?:Dieses|Diese|Dieser|Das|Die|Der)\s+[A-ZÄÖÜ][\w-]*|Es|Sie|Er)\b"),
            ranking_names: gaz
                .rankings
                .iter()
                .flat_map(|r| {
                    let publishers = r
                        .publisher
                        .iter()
                        .flat_map(|p| p.split([',', '/']).map(|x| x.trim().to_lowercase()));
                    [r.surface.to_lowercase(), r.canonical.to_lowercase()]
                        .into_iter()
                        .chain(publishers)
                })
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }

    /// The initiatives of the article; `years` are its year facts (`year::extract`).
    pub fn extract(
        &self,
        a: &Article,
        g: &Gazetteers,
        m: &[Mention],
        years: &[crate::extract::year::YearFact],
        _subject: Option<u32>,
    ) -> Vec<Initiative> {
        let t = a.text;
        let toks = tokenize(t);
        // lower-cased capitalised words (the only ones most rules look at), once per article,
        // in one buffer; other words are empty
        let mut lower_buf = String::with_capacity(t.len());
        let mut lower_ends: Vec<usize> = Vec::with_capacity(toks.len());
        for tk in &toks {
            let w = tk.str(t);
            if is_cap(w) {
                if w.is_ascii() {
                    let from = lower_buf.len();
                    lower_buf.push_str(w);
                    lower_buf[from..].make_ascii_lowercase();
                } else {
                    lower_buf.push_str(&w.to_lowercase());
                }
            }
            lower_ends.push(lower_buf.len());
        }
        let lowers: Vec<&str> = lower_ends
            .iter()
            .scan(0, |from, &end| {
                let w = &lower_buf[*from..end];
                *from = end;
                Some(w)
            })
            .collect();
        // the compound each capitalised word is, if any (its lower case as long as itself)
        let compound_at: Vec<Option<(&Head, usize)>> = toks
            .iter()
            .zip(&lowers)
            .map(|(tk, lower)| {
                if lower.is_empty() || lower.len() != tk.e - tk.s {
                    None
                } else {
                    self.lex.compound_of(lower)
                }
            })
            .collect();
        // web and mail addresses are no names: "www.stadt.de/SmartCityIndex"
        let mut covered: Vec<Span> = text::url_spans(t);
        let mut cands: Vec<Cand> = Vec::new();

        let push = |c: Cand, covered: &mut Vec<Span>, cands: &mut Vec<Cand>| {
            if covered
                .iter()
                .any(|s| s.start < c.span.end && c.span.start < s.end)
            {
                return;
            }
            let lower = c.name.to_lowercase();
            if c.name.trim().is_empty()
                || GENERIC.contains(&lower.as_str())
                || self.ranking_names.contains(&lower)
                || c.name.chars().count() > 90
            {
                return;
            }
            covered.push(c.span);
            cands.push(c);
        };

        for c in self.quoted(a, &mut covered) {
            push(c, &mut covered, &mut cands);
        }
        for c in self.units(t) {
            push(c, &mut covered, &mut cands);
        }
        // the company regex is slow; most articles name no company form at all
        if ["GmbH", "mbH", " AG", " UG"].iter().any(|f| t.contains(f)) {
            for c in self.companies(t) {
                push(c, &mut covered, &mut cands);
            }
        }
        let city_tok = city_tokens(&toks, m);
        for c in self.leads(a, &toks, &lowers, &city_tok) {
            push(c, &mut covered, &mut cands);
        }
        for c in self.camel(t, &toks) {
            push(c, &mut covered, &mut cands);
        }
        for c in self.city_brands(t, &toks, m, g) {
            push(c, &mut covered, &mut cands);
        }
        for c in self.tails(a, &toks, &lowers, &compound_at, &city_tok) {
            push(c, &mut covered, &mut cands);
        }
        for c in self.compounds(t, &toks, &compound_at) {
            push(c, &mut covered, &mut cands);
        }

        if cands.is_empty() {
            return Vec::new();
        }
        cands.sort_by_key(|c| c.span.start);
        let mut out: Vec<Initiative> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut founding: Vec<Option<Vec<usize>>> = vec![None; a.sentences.len()];
        for (i, c) in cands.iter().enumerate() {
            let last_in_sentence = cands
                .get(i + 1)
                .is_none_or(|n| a.sentence_at(n.span.start) != a.sentence_at(c.span.start));
            let year = self.year_of(a, c.span, years, last_in_sentence, &mut founding);
            let partners = self.partners_of(a, c.span);
            let key = scorer_key(&c.name);
            if let Some(j) = keys.iter().position(|k| *k == key) {
                let prev = &mut out[j];
                if prev.year.is_none() {
                    prev.year = year;
                }
                for p in partners {
                    if !prev.partners.contains(&p) {
                        prev.partners.push(p);
                    }
                }
                continue;
            }
            keys.push(key);
            out.push(Initiative {
                name: c.name.clone(),
                kind: c.kind.clone(),
                year,
                partners,
                evidence: a.evidence(c.span, c.rule),
            });
        }
        out
    }

    /// Quoted names (see the module doc).
    fn quoted(&self, a: &Article, covered: &mut Vec<Span>) -> Vec<Cand> {
        let t = a.text;
        let mut out: Vec<Cand> = Vec::new();
        // (content span, accepted kind, blocked, article before)
        let mut seen: Vec<(Span, Option<String>, bool)> = Vec::new();
        for (o, c) in text::quote_pairs(t) {
            let raw = &t[o + 1..c];
            let content = raw.trim();
            let cs = o + 1 + (raw.len() - raw.trim_start().len());
            let cspan = Span::new(cs, cs + content.len());
            let words = content.split_whitespace().count();
            let valid = !content.is_empty()
                && content.chars().count() <= 70
                && words <= 8
                && !content.contains('\n')
                && content.chars().any(char::is_alphabetic)
                && !content.ends_with(['.', ',', ';', ':', '?']);
            let after = &t[c + 1..];
            let sent_start = a
                .sentence_at(o)
                .map(|i| a.sentences[i].start)
                .unwrap_or(0)
                .min(o);
            let left = &t[floor(t, sent_start.max(o.saturating_sub(120)))..o];
            let left_trim = left.trim_end();
            let prev_word = last_word(left_trim);
            let prev_lower = prev_word.to_lowercase();
            if !valid || content.ends_with('!') && !after.starts_with('-') {
                seen.push((cspan, None, true));
                continue;
            }
            let blocked = self.lex.is_blocked(&prev_lower)
                || self.ranking_names.contains(&content.to_lowercase())
                || after.trim_start().starts_with(',')
                    && text::SPEECH_AFTER
                        .iter()
                        .any(|v| after.trim_start()[1..].trim_start().starts_with(v));
            if blocked {
                covered.push(Span::new(o, c + 1));
                seen.push((cspan, None, true));
                continue;
            }
            let mut accepted: Option<(String, String, Span)> = None;
            // 1. glued to a head: "X"-App, "X"-Programm
            if let Some(rest) = after.strip_prefix('-') {
                let w: &str = &rest[..rest
                    .find(|ch: char| !ch.is_alphanumeric())
                    .unwrap_or(rest.len())];
                if let Some(h) = self.lex.quote_head_of(&w.to_lowercase()) {
                    let name = if matches!(h.kind.as_str(), "app" | "lab") {
                        format!("{content}-{w}")
                    } else {
                        content.to_string()
                    };
                    accepted = Some((name, h.kind.clone(), Span::new(cs, c + 1 + w.len() + 1)));
                }
            }
            // 2. after a head word, with the head's kind; units take the head into the name
            if accepted.is_none()
                && is_cap(prev_word.rsplit('-').next().unwrap_or(prev_word))
                && let Some(h) = self.lex.quote_head_of(&prev_lower)
            {
                let span_start = offset(t, prev_word);
                if h.kind == "unit" {
                    let head = base_form(prev_word, &h.word);
                    accepted = Some((
                        format!("{head} {content}"),
                        h.kind.clone(),
                        Span::new(span_start, c + 1),
                    ));
                } else if GENERIC.contains(&content.to_lowercase().as_str()) {
                    accepted = Some((
                        format!("{prev_word} {content}"),
                        h.kind.clone(),
                        Span::new(span_start, c + 1),
                    ));
                } else {
                    accepted = Some((content.to_string(), h.kind.clone(), cspan));
                }
            }
            // 3. "mit dem Namen "X"", "namens "X"": the kind of the nearest head before
            // (`naming` ends with "Namen" or "namens")
            if accepted.is_none()
                && (left_trim.ends_with("Namen") || left_trim.ends_with("namens"))
                && self.naming.is_match(left_trim)
            {
                let kind = left_trim
                    .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
                    .rev()
                    .find_map(|w| {
                        self.lex
                            .quote_head_of(&w.to_lowercase())
                            .filter(|_| is_cap(w))
                    })
                    .map(|h| h.kind.clone())
                    .unwrap_or_else(|| "other".to_string());
                accepted = Some((content.to_string(), kind, cspan));
            }
            // 4. the name starts or ends with a head: "Masterplan X", "Smart City Projekt"
            if accepted.is_none() && words >= 2 && is_cap(content) {
                let first = content
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                let last = content
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
                    .to_lowercase();
                let head = Lexicon::exact(&self.lex.lead, &first)
                    .or_else(|| self.lex.quote_head.iter().find(|h| h.word == first))
                    .or_else(|| self.lex.tail.get(&last));
                if let Some(h) = head {
                    accepted = Some((content.to_string(), h.kind.clone(), cspan));
                }
            }
            // 5. the predicate of a head: "ein Projekt ist die "X""
            if accepted.is_none()
                // (`copula` ends with "der", "die" or "das" and spaces)
                && ["der", "die", "das"].iter().any(|d| left.trim_end().ends_with(d))
                // (and holds a copula verb)
                && ["ist", "sei", "war", "wäre", "bleibt"].iter().any(|v| left.contains(v))
                && let tail = copula_tail(left)
                // (whose words hold an article word and a copula verb: the regex is slow)
                && tail.split_whitespace().any(|w| COPULA_STARTS.contains(&w))
                && tail.split_whitespace().any(|w| COPULA_VERBS.contains(&w))
                && let Some(m) = self.copula.find(tail)
                && let Some(h) = copula_subject(m.as_str())
                    .and_then(|w| self.lex.quote_head_of(&w.to_lowercase()))
            {
                accepted = Some((content.to_string(), h.kind.clone(), cspan));
            }
            // 6. introduced as new: "die neue 'X'"
            if accepted.is_none() {
                let mut ws = left_trim.rsplit(char::is_whitespace);
                let (adj, det) = (ws.next().unwrap_or(""), ws.next().unwrap_or(""));
                let name_like = words >= 2
                    || content.contains('-')
                    || text::is_camel(content)
                    || content.chars().any(|c| c.is_ascii_digit());
                if matches!(adj, "neue" | "neuen" | "neuer" | "neues")
                    && is_determiner(det)
                    && words <= 4
                    && name_like
                {
                    accepted = Some((content.to_string(), "other".to_string(), cspan));
                }
            }
            // 7. in parentheses, capitalised words: "beim Winterdienst ("Smart Winter")"
            if accepted.is_none()
                && left_trim.ends_with('(')
                && after.starts_with(')')
                && (2..=4).contains(&words)
                && content.split_whitespace().all(is_cap)
                && content.chars().any(char::is_lowercase)
                && content
                    .split_whitespace()
                    .any(|w| self.is_brand(w) || text::is_camel(w))
            {
                accepted = Some((content.to_string(), "project".to_string(), cspan));
            }
            match accepted {
                Some((name, kind, span)) => {
                    seen.push((cspan, Some(kind.clone()), false));
                    out.push(Cand {
                        span,
                        name,
                        kind,
                        rule: "initiative.quoted_name",
                    });
                }
                None => seen.push((cspan, None, false)),
            }
        }
        // 8. listed beside an accepted quoted name: "die "X" und das Projekt "Y""
        for i in 0..seen.len() {
            if seen[i].1.is_some() || seen[i].2 {
                continue;
            }
            let s = seen[i].0;
            let before = t[..s.start.saturating_sub(1)].trim_end();
            if !is_determiner(last_word(before)) {
                continue;
            }
            let neighbour = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .find_map(|j| {
                    let (o, k, _) = seen.get(j)?;
                    let k = k.as_ref()?;
                    let (lo, hi) = if j > i {
                        (s.end, o.start)
                    } else {
                        (o.end, s.start)
                    };
                    let between = t.get(lo..hi)?;
                    let b = between.trim_matches(|ch: char| ch == '"' || ch.is_whitespace());
                    let listed = between.len() < 80
                        && !between.contains(['.', '!', '?', ';', ':'])
                        && (b.starts_with("und ")
                            || b.starts_with("sowie ")
                            || b.starts_with(',')
                            || b.starts_with("oder "));
                    listed.then(|| k.clone())
                });
            if let Some(kind) = neighbour {
                let name = s.slice(t).to_string();
                // its own head, if it has one ("die "Müll-App""), else the neighbour's kind
                let last = name.rsplit([' ', '-']).next().unwrap_or("").to_lowercase();
                let own = self.lex.tail.get(&last).map(|h| h.kind.clone());
                let kind = own.unwrap_or(kind);
                out.push(Cand {
                    span: s,
                    name,
                    kind,
                    rule: "initiative.quoted_name",
                });
            }
        }
        out
    }

    /// Organisational units on digital topics.
    fn units(&self, t: &str) -> Vec<Cand> {
        let mut out = Vec::new();
        // the beginnings of the head words (see `UNIT_HEAD_FORMS`)
        let heads = [
            "Referat",
            "Stab",
            "Amt",
            "Team",
            "Dezernat",
            "Abteilung",
            "Fachbereich",
            "Geschäftsstelle",
            "Fachstelle",
        ];
        // a match starts at a head form that follows no word char and precedes a space: the
        // regex is tried anchored at each such place, up to the next ASCII punctuation char
        // other than ",", "-" and "_" (no match reaches past one), which finds the matches
        // that a search through the text would find, far faster
        let at_head = |hit: usize| {
            let before = t.get(..hit).and_then(|b| b.chars().next_back());
            let rest = t.get(hit..).unwrap_or("");
            before.is_none_or(|c| !text::is_word_char(c))
                && UNIT_HEAD_FORMS.iter().any(|f| {
                    rest.strip_prefix(f)
                        .is_some_and(|r| r.chars().next().is_some_and(char::is_whitespace))
                })
        };
        let bytes = t.as_bytes();
        let mut hits: Vec<usize> = heads
            .iter()
            .flat_map(|n| memchr::memmem::find_iter(bytes, n.as_bytes()))
            .filter(|&h| at_head(h))
            .collect();
        hits.sort_unstable();
        hits.dedup();
        let is_sep = |b: &u8| b.is_ascii_punctuation() && !matches!(b, b'_' | b',' | b'-');
        let mut caps = Vec::new();
        let mut last_end = 0;
        for h in hits {
            if h < last_end {
                continue; // inside the previous match
            }
            // separators are ASCII: the bounds are char boundaries
            let end = bytes[h..]
                .iter()
                .position(is_sep)
                .map_or(t.len(), |k| h + k);
            let Some(cap) = t.get(h..end).and_then(|s| self.unit_at.captures(s)) else {
                continue;
            };
            last_end = h + cap.get(0).map_or(0, |m| m.end());
            caps.push((h, cap));
        }
        for (from, cap) in caps {
            let (Some(all), Some(head)) = (cap.get(0), cap.get(1)) else {
                continue;
            };
            let (rest, fuer) = match (cap.get(2), cap.get(3)) {
                (Some(r), _) => (r.as_str(), true),
                (None, Some(r)) => (r.as_str(), false),
                _ => continue,
            };
            // the unit's first subject is a digital topic ("Amt für Digitalisierung und …")
            let first = rest.split([',', ' ']).find(|w| !w.is_empty()).unwrap_or("");
            let first2 = rest
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            if !self.lex.has_topic(&first.to_lowercase())
                && !self.lex.has_topic(&first2.to_lowercase())
            {
                continue;
            }
            let rest = rest.trim_end_matches(['-']);
            let rest = if fuer { rest } else { self.unit_name(rest) };
            let head = head.as_str();
            let base = ["es", "s"]
                .iter()
                .find_map(|e| {
                    head.strip_suffix(e).filter(|b| {
                        ["Referat", "Amt", "Dezernat", "Fachbereich", "Stabsbereich"].contains(b)
                    })
                })
                .unwrap_or(head);
            let name = if fuer {
                format!("{base} für {rest}")
            } else {
                format!("{base} {rest}")
            };
            let end = offset(t, rest) + rest.len();
            out.push(Cand {
                span: Span::new(from + all.start(), end),
                name,
                kind: "unit".into(),
                rule: "initiative.unit",
            });
        }
        out
    }

    /// The name part of an unit without "für": adjectives or brand words, then one noun
    /// ("Digitale Stadt", "Smart City", "Digitalisierung").
    fn unit_name<'s>(&self, rest: &'s str) -> &'s str {
        let mut end = 0;
        for w in rest.split_whitespace() {
            end = offset(rest, w) + w.len();
            if !(is_adjective(w) || self.is_brand(w)) {
                break;
            }
        }
        &rest[..end]
    }

    /// Companies founded for the purpose: a topic word in the name or "neue"/"gegründete" before.
    fn companies(&self, t: &str) -> Vec<Cand> {
        let mut out = Vec::new();
        // the regex is slow on long texts: it runs only on the stretches that name a form
        let stretches = stretches(t, &['.', '&', '@', '-'], &["mbH", "AG", "UG"]);
        for (base, stretch) in stretches {
            for cap in self.company_matches(stretch) {
                let (Some(all), Some(name)) = (cap.get(0), cap.get(1)) else {
                    continue;
                };
                let mut words: Vec<&str> = name.as_str().split_whitespace().collect();
                while words.first().is_some_and(|w| is_determiner(w)) {
                    words.remove(0);
                }
                if words.is_empty() {
                    continue;
                }
                let before = last_word(t[..base + name.start()].trim_end()).to_lowercase();
                let founded = before.starts_with("neue")
                    || before.starts_with("gegründete")
                    || before.starts_with("eigene");
                let joined = words.join(" ");
                if !founded && !self.lex.has_topic(&joined.to_lowercase()) {
                    continue;
                }
                let end = base + all.end();
                let start = end - (all.as_str().len() - all.as_str().find(words[0]).unwrap_or(0));
                let form = cap.get(2).map(|f| f.as_str()).unwrap_or("GmbH");
                out.push(Cand {
                    span: Span::new(start, end),
                    name: format!("{joined} {form}"),
                    kind: "company".into(),
                    rule: "initiative.company",
                });
            }
        }
        out
    }

    /// The matches of `company` in a stretch, as `captures_iter` finds them, but faster: a
    /// match is at most four whitespace-separated words (up to three names and the form,
    /// which holds a needle), so for each needle (in order, after the last match) the regex
    /// runs only from the third word before the needle's word to the third word after it,
    /// and a match counts only if it starts in or before the needle's word: all matches from
    /// those starts lie in that window, so the leftmost-first match is the same. The window
    /// ends at whitespace (or the stretch end), where `\b` reads the same.
    fn company_matches<'s>(&self, stretch: &'s str) -> Vec<regex::Captures<'s>> {
        let bytes = stretch.as_bytes();
        let mut hits: Vec<usize> = ["mbH", "AG", "UG"]
            .iter()
            .flat_map(|n| memchr::memmem::find_iter(bytes, n.as_bytes()))
            .collect();
        hits.sort_unstable();
        hits.dedup();
        let mut out = Vec::new();
        let mut pos = 0;
        for h in hits {
            if h < pos {
                continue;
            }
            let word_end = run_end(stretch, h);
            let from = run_start(stretch, h, 3).max(pos);
            let to = run_end_after(stretch, word_end, 3);
            let Some(cap) = stretch
                .get(..to)
                .and_then(|w| self.company.captures_at(w, from))
            else {
                continue;
            };
            let Some(all) = cap.get(0) else { continue };
            if all.start() >= word_end {
                continue;
            }
            pos = all.end();
            out.push(cap);
        }
        out
    }

    /// A head followed by a name: "Masterplan Innenstadt", "Wettbewerb Smart City".
    fn leads(&self, a: &Article, toks: &[Tok], lowers: &[&str], city_tok: &[bool]) -> Vec<Cand> {
        let t = a.text;
        let mut out = Vec::new();
        for (i, tk) in toks.iter().enumerate() {
            let lower = lowers[i];
            if lower.is_empty() {
                continue;
            }
            let w = tk.str(t);
            let (head, compound) = match Lexicon::exact(&self.lex.lead, lower) {
                Some(h) => (h, false),
                None => match self.lex.lead_suffix(lower) {
                    Some(h) if !h.plain => (h, true),
                    _ => continue,
                },
            };
            let mut j = i + 1;
            let mut end = tk.e;
            let mut n = 0;
            let mut branded = false;
            let mut plain_mode = head.plain;
            while let Some(nx) = toks.get(j) {
                if !text::adjacent(t, toks[j - 1], *nx) {
                    break;
                }
                let nw = nx.str(t);
                let brand = self.is_brand(nw) || text::is_camel(nw) || text::is_phrase_chain(nw);
                let adjective_start = n == 0 && is_adjective(nw) && !self.is_head_word(lowers[j]);
                plain_mode |= adjective_start;
                let ok = if plain_mode {
                    (is_cap(nw)
                        && !is_determiner(nw)
                        && (n == 0 || is_adjective(toks[j - 1].str(t))))
                        || (text::is_year(nw) && n <= 2)
                } else {
                    brand
                        || (n > 0 && city_tok[j])
                        || (n > 0
                            && nw == "in"
                            && toks.get(j + 1).is_some_and(|x| self.is_brand(x.str(t))))
                };
                if !ok {
                    break;
                }
                branded |= brand || adjective_start;
                n += 1;
                end = nx.e;
                j += 1;
                if n >= 5 {
                    break;
                }
            }
            if n == 0 || (!head.plain && !branded) {
                continue;
            }
            // the first word must be brand-like, not a city alone
            let mut start = tk.s;
            if head.plain && i > 0 {
                let p = toks[i - 1];
                let pw = p.str(t);
                if text::adjacent(t, p, *tk)
                    && is_cap(pw)
                    && pw.ends_with("er")
                    && !is_determiner(pw)
                    && city_tok[i - 1]
                {
                    start = p.s;
                }
            }
            let words = &t[toks[i + 1].s..end];
            let dropped = compound || self.lex.lead_dropped.contains(&head.word);
            let name = if dropped {
                words.to_string()
            } else if start < tk.s {
                format!(
                    "{} {} {}",
                    &t[start..toks[i - 1].e],
                    base_form(w, &head.word),
                    words
                )
            } else {
                format!("{} {}", base_form(w, &head.word), words)
            };
            let span_start = start;
            out.push(Cand {
                span: Span::new(span_start, end),
                name,
                kind: head.kind.clone(),
                rule: "initiative.lead_noun",
            });
        }
        out
    }

    /// Whether a lower-cased word is itself a head ("Modellprojekte", "Plattform", "Geoportal").
    fn is_head_word(&self, lower: &str) -> bool {
        !lower.is_empty()
            && (Lexicon::exact(&self.lex.lead, lower).is_some()
                || Lexicon::exact(&self.lex.tail, lower).is_some()
                || self.lex.quote_head_of(lower).is_some()
                || self.lex.compound_of(lower).is_some())
    }

    fn is_brand(&self, w: &str) -> bool {
        w.len() <= 16
            && w.chars().next().is_some_and(char::is_uppercase)
            && self.lex.brand.contains(&w.to_lowercase())
    }

    /// CamelCase, letter-digit and @ names, extended over brand words on both sides.
    fn camel(&self, t: &str, toks: &[Tok]) -> Vec<Cand> {
        let mut out = Vec::new();
        for (i, tk) in toks.iter().enumerate() {
            let w = tk.str(t);
            let named = text::may_be_named(w)
                && (text::is_camel(w) || text::is_letter_digit(w) || text::is_at_name(w));
            if !named {
                continue;
            }
            let lower = w.to_lowercase();
            if self.lex.camel_stop.contains(&lower)
                || lower.split('-').any(|p| self.lex.camel_stop.contains(p))
            {
                continue;
            }
            let before = last_word(t[..tk.s].trim_end_matches([' ', '"'])).to_lowercase();
            if self.lex.is_third_party(&before) || self.lex.is_blocked(&before) {
                continue;
            }
            let mut s = i;
            while s > 0
                && text::adjacent(t, toks[s - 1], toks[s])
                && self.is_brand(toks[s - 1].str(t))
                && s + 3 > i
            {
                s -= 1;
            }
            let mut e = i;
            while let Some(nx) = toks.get(e + 1) {
                let nw = nx.str(t);
                if !text::adjacent(t, toks[e], *nx) || e >= i + 3 {
                    break;
                }
                if self.is_brand(nw)
                    || nw.chars().all(|c| c.is_uppercase())
                        && self.lex.brand.contains(&nw.to_lowercase())
                    || nw == "GmbH"
                {
                    e += 1;
                } else {
                    break;
                }
            }
            let last = toks[e].str(t);
            let last_seg = last.rsplit('-').next().unwrap_or(last).to_lowercase();
            let kind = if last == "GmbH" {
                "company".to_string()
            } else {
                let glued = ["app", "hub", "lab", "portal"]
                    .into_iter()
                    .find(|h| last_seg.ends_with(h));
                self.lex
                    .tail
                    .get(glued.unwrap_or(last_seg.as_str()))
                    .map(|h| h.kind.clone())
                    .unwrap_or_else(|| "project".to_string())
            };
            // a bare CamelCase word is often a firm's or product's name ("FlixBus"): it needs a
            // topic part, brand words around it, or a head word before it
            let plain_camel = !text::is_letter_digit(w) && !text::is_at_name(w);
            let topical = self
                .lex
                .camel_topic
                .iter()
                .any(|c| lower.contains(c.as_str()));
            let headed = self.lex.quote_head_of(&before).is_some();
            if plain_camel && !topical && s == i && e == i && !headed {
                continue;
            }
            let span = Span::new(toks[s].s, toks[e].e);
            out.push(Cand {
                span,
                name: span.slice(t).to_string(),
                kind,
                rule: "initiative.camel_case",
            });
        }
        out
    }

    /// "Leipzig App", "Kassel Lab"; and a city name glued in lower case to a brand ("kielfreifunk").
    fn city_brands(&self, t: &str, toks: &[Tok], m: &[Mention], g: &Gazetteers) -> Vec<Cand> {
        let mut out = Vec::new();
        let mut names: Vec<String> = Vec::new();
        // cities whose lower-cased name is in `names` already
        let mut named: Vec<u32> = Vec::new();
        for mn in m {
            if !matches!(
                mn.kind,
                FormKind::Name | FormKind::Short | FormKind::Official
            ) {
                continue;
            }
            if !named.contains(&mn.city) {
                named.push(mn.city);
                let name = g.cities.city(mn.city).name.to_lowercase();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let i = toks.partition_point(|tk| tk.e <= mn.span.end);
            let Some(nx) = toks.get(i) else { continue };
            if nx.s != mn.span.end + 1 || t.get(mn.span.end..nx.s) != Some(" ") {
                continue;
            }
            let nw = nx.str(t);
            if !is_cap(nw) {
                continue;
            }
            let nw_lower = nw.to_lowercase();
            if !self.lex.city_tail.contains(&nw_lower) {
                continue;
            }
            let kind = self
                .lex
                .tail
                .get(&nw_lower)
                .map(|h| h.kind.clone())
                .unwrap_or_else(|| "project".into());
            let span = Span::new(mn.span.start, nx.e);
            out.push(Cand {
                span,
                name: span.slice(t).to_string(),
                kind,
                rule: "initiative.city_brand",
            });
        }
        // (nothing to find without a city name)
        for tk in toks.iter().filter(|_| !names.is_empty()) {
            let w = tk.str(t);
            if w.len() < 9 || !w.chars().all(|c| c.is_lowercase() && c.is_alphabetic()) {
                continue;
            }
            for n in &names {
                let Some(rest) = w.strip_prefix(n.as_str()) else {
                    continue;
                };
                if rest.chars().count() >= 4
                    && !text::CITY_SUFFIX_STOP.iter().any(|s| rest.starts_with(s))
                {
                    out.push(Cand {
                        span: Span::new(tk.s, tk.e),
                        name: w.to_string(),
                        kind: "project".into(),
                        rule: "initiative.city_brand",
                    });
                    break;
                }
            }
        }
        out
    }

    /// Name words before a head noun: "Smart City Projekt", "Urbane Datenplattform".
    fn tails(
        &self,
        a: &Article,
        toks: &[Tok],
        lowers: &[&str],
        compound_at: &[Option<(&Head, usize)>],
        city_tok: &[bool],
    ) -> Vec<Cand> {
        let t = a.text;
        let mut out = Vec::new();
        for (i, tk) in toks.iter().enumerate() {
            let lower = lowers[i];
            if lower.is_empty() {
                continue;
            }
            let w = tk.str(t);
            // (hyphens are ASCII: byte searches keep char boundaries)
            let inner = w.bytes().rposition(|b| b == b'-').and_then(|k| w.get(..k));
            let last = match lower.bytes().rposition(|b| b == b'-') {
                Some(k) => lower.get(k + 1..).unwrap_or(""),
                None => lower,
            };
            let head = match inner {
                Some(inner) => {
                    let inner_ok = inner
                        .split('-')
                        .all(|s| self.is_brand(s) || text::is_camel(s) || text::is_acronym(s));
                    self.lex.tail.get(last).filter(|_| inner_ok)
                }
                None => Lexicon::exact(&self.lex.tail, lower)
                    .filter(|h| h.word == lower || !matches!(h.kind.as_str(), "app" | "lab"))
                    .or_else(|| compound_at[i].map(|(h, _)| h)),
            };
            let Some(head) = head else { continue };
            if t[tk.e..].trim_start().starts_with('"') {
                continue; // a head of a quoted name
            }
            let mut s = i;
            let mut strong = false;
            while s > 0 && i - s < 4 {
                let p = toks[s - 1];
                let pw = p.str(t);
                if !text::adjacent(t, p, toks[s]) || is_determiner(pw) {
                    break;
                }
                let sentence_start = a
                    .sentence_at(p.s)
                    .is_some_and(|k| a.sentences[k].start == p.s);
                let line_start = t[..p.s]
                    .trim_end_matches([' ', '\t', '•', '*', '-', '–'])
                    .ends_with('\n')
                    || t[..p.s].trim().is_empty();
                let label = line_start && t[tk.e..].starts_with(':');
                let adj = is_adjective(pw) && (!sentence_start || label);
                let named = self.is_brand(pw) || text::is_camel(pw);
                if named || city_tok[s - 1] || adj {
                    strong |= named || (adj && !city_tok[s - 1]);
                    s -= 1;
                } else {
                    break;
                }
            }
            if s == i
                && inner.is_none_or(|inner| {
                    !inner
                        .split('-')
                        .any(|x| self.is_brand(x) || text::is_camel(x) || text::is_acronym(x))
                })
            {
                continue;
            }
            // a city alone before a bare generic head is no name ("ein Münchner Projekt")
            if !strong && inner.is_none() && GENERIC.contains(&lower) {
                continue;
            }
            let hw = head.word.as_str();
            let genitive = ["es", "s"]
                .into_iter()
                .find(|e| lower.strip_suffix(e).is_some_and(|b| b.ends_with(hw)));
            let base_len = if lower.ends_with(hw) {
                w.len()
            } else {
                w.len().saturating_sub(genitive.map_or(0, str::len))
            };
            let span = Span::new(toks[s].s, tk.s + base_len);
            let Some(name) = t.get(span.start..span.end) else {
                continue;
            };
            let det = if s > 0 { toks[s - 1].str(t) } else { "" };
            let name = text::nominative(name, det, &head.word);
            out.push(Cand {
                span,
                name,
                kind: head.kind.clone(),
                rule: "initiative.head_noun",
            });
        }
        out
    }

    /// One-word compounds: "Digitalstrategie", "Radverkehrskonzept", "Smart-City-Projekt".
    fn compounds(
        &self,
        t: &str,
        toks: &[Tok],
        compound_at: &[Option<(&Head, usize)>],
    ) -> Vec<Cand> {
        let mut out = Vec::new();
        for (tk, compound) in toks.iter().zip(compound_at) {
            let Some((h, len)) = *compound else {
                continue;
            };
            let w = tk.str(t);
            if t[tk.e..].trim_start().starts_with('"') {
                continue;
            }
            let Some(name) = w.get(..len) else { continue };
            out.push(Cand {
                span: Span::new(tk.s, tk.s + len),
                name: name.to_string(),
                kind: h.kind.clone(),
                rule: "initiative.compound",
            });
        }
        out
    }

    /// The founding or start year stated in the sentence (or, for the sentence's last
    /// initiative, in the next sentence when it refers back: "Dieses Projekt entstand 2020").
    /// `founding` caches the founding words' offsets per sentence.
    fn year_of(
        &self,
        a: &Article,
        span: Span,
        years: &[crate::extract::year::YearFact],
        last: bool,
        founding: &mut [Option<Vec<usize>>],
    ) -> Option<u32> {
        let si = a.sentence_at(span.start)?;
        let mut in_sentence = |k: usize| {
            let s = a.sentences[k];
            // founding words of each sentence, found once
            let verbs = founding[k].get_or_insert_with(|| {
                text::founding_words(s.slice(a.text))
                    .into_iter()
                    .map(|v| s.start + v)
                    .collect()
            });
            if verbs.is_empty() {
                return None;
            }
            // the year nearest to a founding word, not an end date ("läuft bis 2026")
            years
                .iter()
                .filter(|y| s.start <= y.span.start && y.span.end <= s.end)
                .filter(|y| y.span.end <= span.start || y.span.start >= span.end)
                .filter(|y| {
                    let before = crate::extract::city::window_before(a.text, y.span.start, 16);
                    !before.contains("bis ") && !before.contains("Ende ")
                })
                .min_by_key(|y| {
                    verbs
                        .iter()
                        .map(|v| v.abs_diff(y.span.start))
                        .min()
                        .unwrap_or(usize::MAX)
                })
                .map(|y| y.year)
        };
        if let Some(y) = in_sentence(si) {
            return Some(y);
        }
        if last
            && let Some(next) = a.sentences.get(si + 1)
            // (`next_ref` starts with "D", "E" or "S")
            && next.slice(a.text).trim_start().starts_with(['D', 'E', 'S'])
            && self.next_ref.is_match(next.slice(a.text).trim_start())
        {
            return in_sentence(si + 1);
        }
        None
    }

    /// Partners named with "gemeinsam mit", "in Kooperation mit", … in the same sentence.
    fn partners_of(&self, a: &Article, span: Span) -> Vec<String> {
        let Some(si) = a.sentence_at(span.start) else {
            return Vec::new();
        };
        let s = a.sentences[si];
        let sent = s.slice(a.text);
        let mut out = Vec::new();
        // every match of `partner` holds one of these words
        let partnered = [
            "emeinsam",
            "usammen",
            "Kooperation",
            "Partnerschaft",
            "Unterstützung",
        ]
        .iter()
        .any(|w| sent.contains(w));
        for m in partnered
            .then(|| self.partner.find_iter(sent))
            .into_iter()
            .flatten()
        {
            let rest = &sent[m.end()..];
            for p in text::partner_names(rest) {
                if !p.is_empty() && !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }
}

/// Whether each token is (part of) an accepted city mention.
fn city_tokens(toks: &[Tok], m: &[Mention]) -> Vec<bool> {
    let mut v = vec![false; toks.len()];
    for mn in m {
        let i = toks.partition_point(|tk| tk.e <= mn.span.start);
        for (j, tk) in toks.iter().enumerate().skip(i) {
            if tk.s >= mn.span.end {
                break;
            }
            v[j] = true;
        }
    }
    v
}

/// The forms of the head words of `UNIT` (its first group), each a word of its own there.
const UNIT_HEAD_FORMS: &[&str] = &[
    "Referat",
    "Referates",
    "Referats",
    "Stabsstelle",
    "Stabstelle",
    "Amt",
    "Amtes",
    "Amts",
    "Team",
    "Dezernat",
    "Dezernates",
    "Dezernats",
    "Abteilung",
    "Fachbereich",
    "Fachbereiches",
    "Fachbereichs",
    "Geschäftsstelle",
    "Fachstelle",
    "Stabsbereich",
    "Stabsbereiches",
    "Stabsbereichs",
];

/// The stretches of `t` (with their byte offsets) between ASCII punctuation chars other than
/// `inner` and "_", that contain one of `needles` (which hold no such char), in text order.
/// A regex that matches none of those chars and looks around only with `\b` finds the same
/// matches in these stretches as in all of `t` (its word boundaries read such a char as they
/// read the haystack's edge), but much faster: Unicode word boundaries keep the fast regex
/// engines off most German text. The needles are found first; only their stretches are read.
fn stretches<'t>(t: &'t str, inner: &[char], needles: &[&str]) -> Vec<(usize, &'t str)> {
    let bytes = t.as_bytes();
    let is_sep = |b: u8| b.is_ascii_punctuation() && b != b'_' && !inner.contains(&(b as char));
    let mut found: Vec<(usize, usize)> = Vec::new();
    for n in needles {
        for hit in memchr::memmem::find_iter(bytes, n.as_bytes()) {
            // separators are ASCII: the bounds are char boundaries
            let start = bytes[..hit]
                .iter()
                .rposition(|&b| is_sep(b))
                .map_or(0, |k| k + 1);
            let end = bytes[hit..]
                .iter()
                .position(|&b| is_sep(b))
                .map_or(bytes.len(), |k| hit + k);
            found.push((start, end));
        }
    }
    found.sort_unstable();
    found.dedup();
    found.into_iter().map(|(s, e)| (s, &t[s..e])).collect()
}

/// The end of a text where a `copula` match can lie: its last seven whitespace-separated
/// words, from the whitespace char before them (or the whole text if it has no more words).
/// A match is four to seven whole words (each starts after `^` or `\s` and ends before
/// `\s` or the text's end), so the regex finds the same match there, far faster.
fn copula_tail(s: &str) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices().rev() {
        if c.is_whitespace() {
            if in_word && words == 7 {
                return &s[i..];
            }
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
    }
    s
}

/// The capitalised word of a `copula` match (its group 1), without the slow captures: the
/// match's words are whole whitespace-separated words, the second is the group unless it
/// starts lower-case (then it is the optional word before the group).
fn copula_subject(m: &str) -> Option<&str> {
    let mut words = m.split_whitespace().skip(1);
    let second = words.next()?;
    if second.starts_with(|c: char| c.is_ascii_uppercase() || matches!(c, 'Ä' | 'Ö' | 'Ü')) {
        Some(second)
    } else {
        words.next()
    }
}

/// The end of the whitespace-separated word around byte `at` (a char boundary).
fn run_end(s: &str, at: usize) -> usize {
    s.get(at..)
        .and_then(|r| r.find(char::is_whitespace).map(|k| at + k))
        .unwrap_or(s.len())
}

/// The end of the `n`-th whitespace-separated word after `end` (a word end), or the text end.
fn run_end_after(s: &str, end: usize, n: usize) -> usize {
    let mut e = end;
    for _ in 0..n {
        let Some(r) = s.get(e..) else { return s.len() };
        let Some(k) = r.find(|c: char| !c.is_whitespace()) else {
            return s.len();
        };
        e = run_end(s, e + k);
    }
    e
}

/// The start of the `n`-th whitespace-separated word before the word around byte `at`, or 0.
fn run_start(s: &str, at: usize, n: usize) -> usize {
    let start_of = |e: usize| {
        s.get(..e)
            .and_then(|l| l.rfind(char::is_whitespace))
            .map_or(0, |k| k + l_len(s, k))
    };
    let mut b = start_of(at);
    for _ in 0..n {
        let Some(l) = s.get(..b) else { return 0 };
        let Some(k) = l.rfind(|c: char| !c.is_whitespace()) else {
            return 0;
        };
        b = start_of(k);
    }
    b
}

/// The byte length of the char at `k` (a char boundary) of `s`.
fn l_len(s: &str, k: usize) -> usize {
    s.get(k..)
        .and_then(|r| r.chars().next())
        .map_or(1, char::len_utf8)
}

/// The last word of a text (letters, digits, hyphens).
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &s[start..]
}

/// A head word without its genitive ending ("Referates" -> "Referat").
fn base_form<'w>(word: &'w str, head: &str) -> &'w str {
    let lower = word.to_lowercase();
    if lower.len() == word.len() {
        for end in ["es", "s"] {
            if lower.strip_suffix(end).is_some_and(|b| b.ends_with(head)) {
                return &word[..word.len() - end.len()];
            }
        }
    }
    word
}

/// The byte offset of `sub`, a slice of `t`, in `t`.
fn offset(t: &str, sub: &str) -> usize {
    (sub.as_ptr() as usize)
        .saturating_sub(t.as_ptr() as usize)
        .min(t.len())
}

/// The largest char boundary at or below `i`.
fn floor(t: &str, mut i: usize) -> usize {
    i = i.min(t.len());
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use crate::Document;
    use crate::extract::corpus;

    #[test]
    fn partners_and_evidence() {
        let text = "Gemeinsam mit der Hochschule Nordstadt und dem Verein Code Süd betreibt die Stadt seit 2021 das Projekt \"Klimadaten live\". Auch die Smart-City-Strategie entstand in Kooperation mit der IHK.";
        let rec = corpus::extractor().extract(&Document::from_text(text.to_string()));
        let names: Vec<&str> = rec.initiatives.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Klimadaten live", "Smart-City-Strategie"]);
        let first = &rec.initiatives[0];
        assert_eq!(first.partners, ["Hochschule Nordstadt", "Verein Code Süd"]);
        assert_eq!(first.year, Some(2021));
        assert_eq!(first.evidence.rule, "initiative.quoted_name");
        assert_eq!(first.evidence.text, "Klimadaten live");
        assert_eq!(rec.initiatives[1].partners, ["IHK"]);
        assert_eq!(rec.initiatives[1].evidence.rule, "initiative.head_noun");
    }

    #[test]
    fn copula_tail_and_subject_find_the_same_word() {
        let rules = super::InitiativeRules::new(&corpus::extractor().gaz);
        for left in [
            "Ein Projekt ist die ",
            "Ein Projekt ist die",
            "Und ein weiteres Projekt ist seit langem die  ",
            "Dort sagt man: Eine neue Plattform war nicht mehr nur die\u{a0}",
            "Ein x y z Weiteres Projekt bleibt gar nicht der ",
            " eine Strategie wäre aber die",
            "Anderes Format sei eben das",
        ] {
            let whole = rules
                .copula
                .captures(left)
                .and_then(|c| c.get(1).map(|g| g.as_str()));
            let part = rules
                .copula
                .find(super::copula_tail(left))
                .and_then(|m| super::copula_subject(m.as_str()));
            assert_eq!(whole, part, "{left:?}");
        }
    }

    #[test]
    fn corpus() {
        corpus::check("initiative", include_str!("corpus/initiative.txt"), |r| {
            r.initiatives
                .iter()
                .map(|i| {
                    let year = i.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into());
                    format!("{} | {} | {}", i.name, i.kind, year)
                })
                .collect()
        });
    }
}
