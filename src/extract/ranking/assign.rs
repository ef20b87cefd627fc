//! Which city a position belongs to: the nearest city in its clause (a listed group for
//! bounds and shared ranks), never the object of a comparison ("hinter Berlin"); inside a
//! first-person quote the speaker's city; without a city, the one the text refers back to.

use super::RankingRules;
use super::patterns::{Pos, PosExpr};
use crate::extract::Article;
use crate::extract::city::Mention;
use crate::gazetteer::FormKind;
use crate::text::Span;

/// What `assign` needs to know of the sentence a position stands in.
pub(super) struct SentenceView<'x> {
    pub index: usize,
    /// The accepted city mentions inside the sentence.
    pub mentions: &'x [&'x Mention],
    /// The spans of every position expression of the sentence.
    pub positions: &'x [Span],
    /// For each of `mentions`: is it the object of a comparison ("hinter Berlin")?
    pub compared: &'x [bool],
}

impl SentenceView<'_> {
    fn compared_at(&self, m: &Mention) -> bool {
        self.mentions
            .iter()
            .position(|x| x.span == m.span)
            .and_then(|i| self.compared.get(i).copied())
            .unwrap_or(false)
    }
}

impl RankingRules {
    /// The cities a position belongs to: the nearest city in the clause (all of a listed group
    /// for bounds); without one, the city the text is about at that point.
    pub(super) fn assign(
        &self,
        a: &Article,
        e: &PosExpr,
        here: &SentenceView,
        all: &[Mention],
        subject: Option<u32>,
    ) -> Vec<u32> {
        let (in_sent, si, siblings) = (here.mentions, here.index, here.positions);
        let text = a.text;
        // inside quoted speech in the first person ("dass wir Platz 8 erreicht haben"), the
        // speaker's city — the subject — is meant, whatever other cities the quote names
        if let Some(city) = subject.filter(|_| in_first_person_quote(a, e.span)) {
            return vec![city];
        }
        let candidates: Vec<(usize, &Mention)> = in_sent
            .iter()
            .zip(here.compared)
            .filter(|(m, _)| {
                !(e.span.start <= m.span.start && m.span.end <= e.span.end)
                    || e.rule == "rank.superlative"
            })
            .map(|(m, &cmp)| (cost(text, m, cmp, e.span), *m))
            .collect();
        if let Some(&(_, best)) = candidates.iter().min_by_key(|(c, _)| *c) {
            if best.rule == "city.district" {
                return Vec::new();
            }
            if let Pos::Bound(_) = e.pos {
                // a bound covers every city the sentence names ("Die ersten zehn Plätze, auf
                // denen neben A, B und C auch D und E zu finden sind"); cities with an exact
                // rank of their own drop the bound again when entries are merged
                // … but a city nearer to another position of the sentence belongs to that one
                // ("A schafft es unter die zehn besten, B kommt unter die ersten fünf")
                let mut all: Vec<u32> = in_sent
                    .iter()
                    .filter(|m| m.rule != "city.district" && m.kind != FormKind::Adjective)
                    .filter(|m| {
                        let own = cost(text, m, here.compared_at(m), e.span);
                        siblings
                            .iter()
                            .filter(|o| **o != e.span)
                            .all(|o| cost(text, m, here.compared_at(m), *o) >= own)
                    })
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
}

/// How far a city mention is from a position, in bytes, with clause boundaries weighing heavily.
fn cost(text: &str, m: &Mention, compared: bool, e: Span) -> usize {
    let (l, r, after) = if m.span.end <= e.start {
        (m.span.end, e.start, false)
    } else if m.span.start >= e.end {
        (e.end, m.span.start, true)
    } else {
        (e.start, e.start, false)
    };
    let gap = &text.as_bytes()[l..r];
    // clause boundaries: ", ", ";", ": ", " – ", " - "
    let mut boundaries = 0;
    for (i, &b) in gap.iter().enumerate() {
        let next = gap.get(i + 1).copied();
        boundaries += match b {
            b',' | b':' if next == Some(b' ') => 1,
            b';' => 1,
            b'-' if i > 0 && gap[i - 1] == b' ' && next == Some(b' ') => 1,
            0xE2 if gap.get(i + 1..i + 3) == Some(&[0x80, 0x93]) && i > 0 && gap[i - 1] == b' ' => {
                1
            }
            _ => 0,
        };
    }
    let mut c = gap.len() + 200 * boundaries;
    if after {
        c += 25;
    }
    if m.kind == FormKind::Adjective {
        c += 60;
    }
    if compared {
        c += 400;
    }
    if m.rule == "city.district" {
        c = c.saturating_sub(5); // a district named right there takes the position away from cities
    }
    c
}

/// Words that make the city after them the object of a comparison, not the ranked one.
pub(super) const COMPARISON_WORDS: &[&str] = &[
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
pub(super) fn is_compared(before: &str) -> bool {
    // only the last few words matter: a comparison word and a short list after it
    let tail = {
        let mut start = before.len().saturating_sub(120);
        while !before.is_char_boundary(start) {
            start += 1;
        }
        &before[start..]
    };
    // the words from the last one back, split only as far as they are read
    let mut words = BackWords::new(tail);
    loop {
        let Some(w) = words.current() else {
            return false;
        };
        if COMPARISON_WORDS.contains(&w) {
            // "vor dem", "hinter der": the preposition is one word further back
            if matches!(w, "dem" | "der") {
                return words
                    .previous()
                    .is_some_and(|p| matches!(p, "vor" | "hinter" | "nach" | "neben"));
            }
            return true;
        }
        // a list separator, then the previous list member
        let sep = matches!(w, "und" | "sowie" | "oder");
        if sep {
            words.step_back();
        } else if !w.ends_with(',') {
            return false;
        }
        // skip one list member: capitalised words, "am Main", "an der Havel", "(Saale)"
        let mut skipped = false;
        while let Some(word) = words.current() {
            let m = word.trim_end_matches(',');
            let capital = m.starts_with(|c: char| c.is_uppercase() || c == '(');
            let joiner = matches!(m, "am" | "an" | "im" | "in" | "der") && skipped;
            if (capital || joiner) && !(skipped && word.ends_with(',')) {
                words.step_back();
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

/// The whitespace-separated words of a text read from its end: the current word and the one
/// before it.
struct BackWords<'a> {
    rest: std::iter::Rev<std::str::SplitWhitespace<'a>>,
    current: Option<&'a str>,
    previous: Option<&'a str>,
}

impl<'a> BackWords<'a> {
    fn new(text: &'a str) -> BackWords<'a> {
        let mut rest = text.split_whitespace().rev();
        let current = rest.next();
        let previous = rest.next();
        BackWords {
            rest,
            current,
            previous,
        }
    }

    fn current(&self) -> Option<&'a str> {
        self.current
    }

    fn previous(&self) -> Option<&'a str> {
        self.previous
    }

    fn step_back(&mut self) {
        self.current = self.previous;
        self.previous = self.rest.next();
    }
}

/// Whether `span` stands inside a quotation (in its paragraph) that speaks in the first person.
fn in_first_person_quote(a: &Article, span: Span) -> bool {
    let Some(p) = a.paragraph_at(span.start).map(|i| a.paragraphs[i]) else {
        return false;
    };
    let text = a.text;
    let before = &text[p.start..span.start];
    if before.matches('"').count().is_multiple_of(2) {
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

fn is_list_gap(gap: &str) -> bool {
    matches!(gap, ", " | " und " | " sowie " | ", und " | " oder ")
}
