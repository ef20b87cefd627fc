//! Position expressions in German: exact ranks ("Platz 12", "auf dem 67. Platz", "den zweiten
//! Rang", "Spitzenreiter", "smarteste Stadt"), bounds ("Top Ten", "unter die zehn besten",
//! "Treppchen"), and previous-rank statements ("Vorjahr: 11", "von Platz 19 auf Platz 8",
//! "um fünf Plätze verbessert", "wie im Vorjahr"). Finds them in the normalised text; it does
//! not decide which city they belong to.

use super::words::{Words, mask};
use crate::text::Span;
use crate::text::numbers::{cardinal_word, digits, ordinal_word, top_bound};
use regex::Regex;

/// A stated position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Exact(u32),
    /// Within the first N ("Top Ten" → 10).
    Bound(u32),
}

/// How a previous position is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prev {
    Rank(u32),
    /// Improved by N places: previous = rank + N.
    Up(u32),
    /// Fell by N places: previous = rank − N.
    Down(u32),
    /// Same as the year before.
    Same,
}

/// A position expression in the text.
#[derive(Debug, Clone)]
pub struct PosExpr {
    pub pos: Pos,
    pub span: Span,
    pub rule: &'static str,
    /// A previous rank stated inside the expression ("von Platz 19 auf Platz 8").
    pub prev: Option<u32>,
    /// The expression states an earlier year's position ("Platz 16 im Vorjahr").
    pub is_previous: bool,
    /// Negated or lost ("nicht mehr unter den zehn besten", "verliert seine Spitzenposition").
    pub negated: bool,
    /// Scope word of a superlative ("Großstadt Bayerns", "ostdeutsche Stadt"), if any.
    pub scope: Option<Span>,
}

/// A previous-rank statement not tied to one expression.
#[derive(Debug, Clone, Copy)]
pub struct PrevExpr {
    pub prev: Prev,
    pub span: Span,
}

const NUM: &str = r"(\d{1,3}|[Ee]ins|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ieben|[Aa]cht|[Nn]eun|[Zz]ehn|[Ee]lf|[Zz]wölf|[Dd]reizehn|[Vv]ierzehn|[Ff]ünfzehn|[Ss]echzehn|[Ss]iebzehn|[Aa]chtzehn|[Nn]eunzehn|[Zz]wanzig|[Dd]reißig|[Vv]ierzig|[Ff]ünfzig)";
const ORD: &str = r"((?:[Ee]rst|[Zz]weit|[Dd]ritt|[Vv]iert|[Ff]ünft|[Ss]echst|[Ss]iebt|[Ss]iebent|[Aa]cht|[Nn]eunt|[Zz]ehnt|[Ee]lft|[Zz]wölft|[Dd]reizehnt|[Vv]ierzehnt|[Ff]ünfzehnt|[Ss]echzehnt|[Ss]iebzehnt|[Aa]chtzehnt|[Nn]eunzehnt|[Zz]wanzigst|[Dd]reißigst)(?:e|en|er|es|em))";
const NOUN: &str = r"(?:Platz|Rang|Position|Gesamtrang|Gesamtplatz|Tabellenplatz|Stelle|Platzierung|Spitzenplatz|Spitzenrang)";

/// Adds a position unless it overlaps one found before.
fn push(out: &mut Vec<PosExpr>, pos: Pos, span: Span, rule: &'static str) {
    if out
        .iter()
        .any(|e| e.span.start < span.end && span.start < e.span.end)
    {
        return;
    }
    out.push(PosExpr {
        pos,
        span,
        rule,
        prev: None,
        is_previous: false,
        negated: false,
        scope: None,
    });
}

pub struct Patterns {
    /// "Platz 12", "Rang sechs", "Position 11", "Platz Nr. 3"
    noun_num: Regex,
    /// "67. Platz", "12. Gesamtrang"
    num_dot_noun: Regex,
    /// "zweiten Rang", "dritten Platz", "erstem Platz"
    ord_noun: Regex,
    /// "Spitzenreiter", "Spitzenplatz", "an der Spitze", "Nr. 1", "zweitplatzierte"
    first: Regex,
    /// "Angeführt wird das Ranking von", "führt den Index an"
    leads: Regex,
    /// "Schlusslicht unter den 71 Städten", "auf dem letzten Platz von 82"
    last_of: Regex,
    /// "smarteste Stadt", "zweitbeste Großstadt"
    superlative: Regex,
    /// "Top Ten", "Top-10", "Top 5"
    top: Regex,
    /// "unter die zehn besten", "unter den ersten 30", "die ersten drei Plätze"
    among: Regex,
    /// "Podium", "Treppchen"
    podium: Regex,
    /// "ist jetzt Zwölfter", "landet als Vierte"
    nominal_ordinal: Regex,
    /// "(Vorjahr: 11)", "(im Vorjahr noch 216)", "Vorjahr Rang 96"
    vorjahr: Regex,
    /// "von Platz 19", "von der zehnten", "von 5" (the start of a from–to)
    from: Regex,
    /// "auf Platz 8", "auf vier", "auf die vierte Position" (the end of a from–to)
    to: Regex,
    /// "um fünf Plätze", "23 Plätze", "um einen Rang"
    delta: Regex,
    /// "wie im Vorjahr", "verteidigt", "erneut", "unverändert"
    same: Regex,
    /// "im Vorjahr", "im vergangenen Jahr", "des Vorjahres" right after an expression
    prev_year_after: Regex,
    /// "im Vorjahr noch auf" right before an expression
    prev_year_before: Regex,
    /// "Als 24. des Vorjahres", "der Vorjahres-Dritte"
    vorjahres_ord: Regex,
    /// "City (399)", "City (9. mit …)", "City (Rang 12)" — a list item's parenthesis
    paren_item: Regex,
    /// "1. Hamburg" at a line start or after a bullet
    enum_item: Regex,
    /// "auf 16" after a city in an elliptic list ("Stuttgart auf 16")
    auf_num: Regex,
    /// "Platz elf bis 20", "Platz zwei und drei"
    range: Regex,
    /// up and down words
    up: Regex,
    down: Regex,
    negation: Regex,
    /// "den Spitzenplatz in NRW an Münster verloren"
    negation_after: Regex,
}

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("ranking pattern {p}: {e}"))
}

/// A cardinal or digit number token.
pub fn num_value(s: &str) -> Option<u32> {
    digits(s).or_else(|| cardinal_word(s)).filter(|&n| n > 0)
}

impl Patterns {
    pub fn new() -> Patterns {
        Patterns {
            noun_num: re(&format!(
                r"(?-u:\b)(?:Platz|Rang|Position|Gesamtrang|Tabellenplatz|Platzierung)\s+(?:Nr\.\s*)?{NUM}(?-u:\b)"
            )),
            num_dot_noun: re(&format!(r"(?-u:\b)(\d{{1,3}})\.\s*{NOUN}(?-u:\b)")),
            ord_noun: re(&format!(
                r"(?-u:\b){ORD}\s+(?:(?:[a-zäöü]+(?:e|en|er|es|em))\s+)?{NOUN}(?-u:\b)"
            )),
            first: re(
                r"(?-u:\b)(?:Spitzenreiter(?:in)?|Spitzenplatz|Spitzenposition|Top-Position|Spitzenrang|Tabellenführer(?:in)?|Gesamtsieger(?:in)?|an der Spitze|Nr\.\s?1(?-u:\b)|Nummer (?:eins|1)(?-u:\b)|(?:zweit|dritt)platziert\w*)",
            ),
            superlative: re(
                r#"(?:^|(?-u:\b)(?:[Dd]ie|[Dd]er|[Dd]as|als|zur|zum|ist|sind|bleibt|wird|war)\s+)"?(?:([A-ZÄÖÜ][\wäöüß-]+s)\s+)?(?:(?:mit\s+)?(?:Abstand|[a-zäöü]+)\s+)?"?((?:zweit|dritt)?[a-zäöü]{2,}ste[n]?|führende[n]?|[Ss]marteste[n]?)"?\s+(?:([a-zäöü]+(?:e|en))\s+)?(?:[a-zäöü]+(?:e|en)\s+)?(Stadt|Großstadt|Kommune|City|Region|Metropole|Landeshauptstadt)(?-u:\b)(?:\s+(in\s+(?:ganz\s+|den\s+)?[A-ZÄÖÜa-zäöü][\wäöüß-]+(?:\s+Bundesländern)?|[A-ZÄÖÜ][\wäöüß-]+s)(?-u:\b))?"#,
            ),
            last_of: re(
                r"(?-u:\b)(?:Schlusslicht\w*|letzte[nr]?\s+(?:Platz|Rang))\s+(?:unter\s+(?:den|allen)\s+|von\s+(?:insgesamt\s+)?|der\s+)(\d{1,3})(?-u:\b)",
            ),
            leads: re(
                r"(?-u:\b)(?:[Aa]ngeführt\s+(?:wird|werden)(?-u:\b)|führ(?:t|en)\s+(?:[^,.;:]{0,60}?\s)?(?:das|den|die)\s+(?:[A-ZÄÖÜ][\wäöüß-]*\s+)*?(?:Ranking|Index|Rangliste|Liste|Tabelle|Wertung|Gesamtranking|Feld)(?-u:\b)[^,.;:]{0,40}?\san(?-u:\b))",
            ),
            top: re(
                r"(?-u:\b)[Tt]op[\s-]?(10|Ten|ten|[Zz]ehn|5|Five|[Ff]ünf|3|[Dd]rei|20|[Zz]wanzig|30|50|100)(?-u:\b)",
            ),
            among: re(&format!(
                r"(?-u:\b)(?:unter\s+(?:die|den)\s+(?:(?:ersten|besten|vorderen|Top)\s+{NUM}(?-u:\b)|{NUM}\s+(?:[Bb]esten|[Ee]rsten|[a-zäöü]+sten)(?-u:\b))|[Dd](?:ie|en)\s+ersten\s+{NUM}\s+(?:Spitzenplätze|Spitzenplätzen|Plätze|Plätzen|Ränge|Rängen|Spitzenränge))"
            )),
            nominal_ordinal: re(
                r"(?-u:\b)(?:(?:ist|sind|wird|wurde|war|bleibt|blieb)|(?:landet|landete|kommt|kam|liegt|lag|folgt|folgte|rangiert|rangierte|belegt|belegte)\s+als)\s+(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?(?:(?:nun|jetzt|damit|erneut|nur|noch|knapp|sogar|diesmal|insgesamt|bundesweit|wieder)\s+){0,2}((?:Erst|Zweit|Dritt|Viert|Fünft|Sechst|Siebt|Acht|Neunt|Zehnt|Elft|Zwölft)(?:er|e))(?-u:\b)",
            ),
            podium: re(
                r"(?-u:\b)(?:Podium|Siegerpodest|Treppchen|Siegertreppchen|Podiumsplätze|Podiums-Plätze|Treppchenplätze)(?-u:\b)",
            ),
            vorjahr: re(
                r"(?-u:\b)[Vv]orjahr(?:es)?\s*:?\s*(?:noch\s+)?(?:auf\s+)?(?:Platz\s+|Rang\s+)?(\d{1,3})(?-u:\b)",
            ),
            from: re(&format!(
                r"(?-u:\b)[Vv]on\s+(?:(?:Platz|Rang|Position)\s+{NUM}(?-u:\b)|(?:der|dem)\s+{ORD}(?-u:\b)|(\d{{1,3}})\s+auf(?-u:\b))"
            )),
            to: re(&format!(
                r"(?-u:\b)auf\s+(?:(?:die|den|dem)\s+)?(?:(?:Platz|Rang|Position)\s+{NUM}(?-u:\b)|(\d{{1,3}})\.\s*{NOUN}|{ORD}(?:\s+{NOUN})?(?-u:\b)|{NUM}(?-u:\b))"
            )),
            delta: re(&format!(
                r"(?-u:\b)(?:(um)\s+)?({NUM}|einen|einem)\s+(?:Plätze|Plätzen|Platz|Ränge|Rängen|Rang|Positionen|Position|Zähler)(?-u:\b)"
            )),
            same: re(
                r"(?-u:\b)(?:[Ww]ie im Vorjahr|[Ww]ie im vergangenen Jahr|[Ww]ie schon im Vorjahr|[Ww]ie im Jahr \d{4}|wie \d{4}|wie schon im Vorjahr|verteidigt\w*|Vorjahreswertung|[Uu]nverändert\w*|[Ee]rneut|[Bb]leibt|[Bb]lieb|behauptet\w*|\w+ Mal in Folge|Titelverteidiger\w*|halten|gehalten)(?-u:\b)",
            ),
            prev_year_after: re(
                r"^\s*(?:\(\d{4}\)\s*)?(?:(?:im|in dem|des)\s+(?:Vorjahr|Vorjahres|vergangenen Jahr|letzten Jahr|Jahr zuvor|Jahr davor)|vor einem Jahr|ein Jahr (?:zuvor|davor|früher))(?-u:\b)",
            ),
            prev_year_before: re(
                r"(?:(?-u:\b)(?:[Ii]m Vorjahr|[Vv]orjahr:?|[Ii]m vergangenen Jahr|[Ii]m letzten Jahr|[Vv]orjahres|[Ii]m Jahr (?:zuvor|davor)|[Vv]or einem Jahr|[Ee]in Jahr (?:zuvor|davor|früher))(?-u:\b)|\(\s*(?:19|20)\d\d\s*:)",
            ),
            vorjahres_ord: re(&format!(
                r"(?-u:\b)(?:[Aa]ls\s+(\d{{1,3}})\.\s+des\s+Vorjahres|Vorjahres-{ORD}|Vorjahres(?:platz|rang):?\s+(\d{{1,3}})|\(\s*(?:19|20)\d\d\s*:\s*(?:Platz\s+|Rang\s+)?(\d{{1,3}})\s*\))"
            )),
            paren_item: re(
                r"^\s*\((?:(?:Platz|Rang|Position)\s+)?(\d{1,3})(?:\.|\)|,|\s*/|\s+mit(?-u:\b))",
            ),
            enum_item: re(r"(?m)(?:^|[•·*\-–]\s*|\d,\d+\s)(\d{1,3})\.\s+$"),
            auf_num: re(r"^\s+auf\s+(?:Platz\s+|Rang\s+)?(\d{1,3})(?-u:\b)"),
            range: re(&format!(
                r"(?-u:\b)(?:Platz|Plätzen|Plätze|Rang|Rängen)\s+{NUM}\s+(bis|und)\s+{NUM}(?-u:\b)"
            )),
            up: re(
                r"(?-u:\b)(?:verbesser\w*|geklettert|klettert\w*|gestiegen|stieg\w*|steigt|aufgestiegen|nach oben|nach vorn\w*|[Ss]prung|vorgerückt|rückt\w*|besser|gewonnen|gewinnt|zugelegt|Aufsteiger\w*|[Aa]ufstieg|hoch|gutgemacht|aufgeholt|vor)(?-u:\b)",
            ),
            down: re(
                r"(?-u:\b)(?:verschlechter\w*|fällt|fiel\w*|gefallen|zurückgefallen|abgerutscht|rutscht\w*|verliert|verloren|runter|nach unten|[Aa]bstieg|abgestiegen|schlechter|eingebüßt|büßt|zurück|ab)(?-u:\b)",
            ),
            negation: re(
                r"(?-u:\b)(?:nicht mehr|nicht|kein\w*|aus den|aus der|verliert|verloren|einstige\w*|frühere\w*|verpasst\w*)(?-u:\b)",
            ),
            negation_after: re(
                r"(?-u:\b)(?:verloren|abgegeben|abgeben|eingebüßt|verpasst)(?-u:\b)",
            ),
        }
    }

    /// Every position expression of the sentence `s` (a span of `text`), in text order.
    #[cfg(test)]
    pub fn positions(&self, text: &str, s: Span, w: Words) -> Vec<PosExpr> {
        self.positions_of(text, &[s], &[w], &[0])
            .pop()
            .unwrap_or_default()
    }

    /// Every position expression of each sentence `sentences[i]` for `i` in `todo` (`words[i]`
    /// are its words), in text order; the other sentences get none. Each kind of expression is
    /// looked for in all these sentences before the next kind, so that its pattern's code and
    /// automaton stay in the caches; per sentence the kinds come in the order of `KINDS`, and
    /// an expression overlapping one found before is dropped; then `MARKERS` mark them.
    pub fn positions_of(
        &self,
        text: &str,
        sentences: &[Span],
        words: &[Words],
        todo: &[usize],
    ) -> Vec<Vec<PosExpr>> {
        type Kind = fn(&Patterns, &str, Span, Words, &mut Vec<PosExpr>);
        const KINDS: [Kind; 12] = [
            Patterns::moves,
            Patterns::noun_numbers,
            Patterns::ordinal_digits,
            Patterns::ordinal_words,
            Patterns::firsts,
            Patterns::superlatives,
            Patterns::last_of_total,
            Patterns::leads,
            Patterns::top_n,
            Patterns::among_first,
            Patterns::podiums,
            Patterns::nominal_ordinals,
        ];
        let mut out: Vec<Vec<PosExpr>> = vec![Vec::new(); sentences.len()];
        for kind in KINDS {
            for &si in todo {
                if let (Some(&s), Some(&w), Some(found)) =
                    (sentences.get(si), words.get(si), out.get_mut(si))
                {
                    kind(self, text, s, w, found);
                }
            }
        }
        // markers on the expressions found
        type Marker = fn(&Patterns, &str, Span, Words, &mut [PosExpr]);
        const MARKERS: [Marker; 2] = [Patterns::mark_previous, Patterns::mark_negated];
        for marker in MARKERS {
            for &si in todo {
                if let (Some(&s), Some(&w), Some(found)) =
                    (sentences.get(si), words.get(si), out.get_mut(si))
                {
                    marker(self, text, s, w, found);
                }
            }
        }
        for &si in todo {
            if let Some(found) = out.get_mut(si) {
                found.sort_by_key(|e| e.span.start);
            }
        }
        out
    }

    /// Positions of one kind: from–to pairs: "von Platz 19 auf Platz 8" (first: they take precedence).
    fn moves(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        // from–to first: "von Platz 19 auf Platz 8"
        for c in w
            .any(const { mask(&["on "]) })
            .then(|| self.from.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let Some(m0) = c.get(0) else { continue };
            let from_val = c
                .get(1)
                .and_then(|m| num_value(m.as_str()))
                .or_else(|| c.get(2).and_then(|m| ordinal_word(m.as_str())))
                .or_else(|| c.get(3).and_then(|m| num_value(m.as_str())));
            let Some(from_val) = from_val else { continue };
            if followed_by_decimal(sent, m0.end()) {
                continue;
            }
            // the "auf …" within the next 100 bytes of the same clause
            let rest_start = if c.get(3).is_some() {
                m0.end() - 3
            } else {
                m0.end()
            };
            let window_end = char_floor(sent, (rest_start + 110).min(sent.len()));
            let window = &sent[rest_start..window_end];
            let Some(t) = self.to.captures(window) else {
                continue;
            };
            let Some(t0) = t.get(0) else { continue };
            if window[..t0.start()].contains([';', '.']) {
                continue;
            }
            let to_val = t
                .get(1)
                .and_then(|m| num_value(m.as_str()))
                .or_else(|| t.get(2).and_then(|m| num_value(m.as_str())))
                .or_else(|| t.get(3).and_then(|m| ordinal_word(m.as_str())))
                .or_else(|| t.get(4).and_then(|m| num_value(m.as_str())));
            let Some(to_val) = to_val else { continue };
            if followed_by_decimal(window, t0.end()) {
                continue;
            }
            let span = Span::new(s.start + m0.start(), s.start + rest_start + t0.end());
            out.retain(|e| !(e.span.start < span.end && span.start < e.span.end));
            out.push(PosExpr {
                pos: Pos::Exact(to_val),
                span,
                rule: "rank.from_to",
                prev: Some(from_val),
                is_previous: false,
                negated: false,
                scope: None,
            });
        }
    }

    /// Positions of one kind: "Platz 12", "Rang sechs".
    fn noun_numbers(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        for c in w
            .any(const { mask(&["Platz", "Rang", "Position", "Platzierung"]) })
            .then(|| self.noun_num.find_iter(sent))
            .into_iter()
            .flatten()
        {
            // the number ends the match, after a space or "Nr.": its trailing alphanumerics
            let (m0, n) = (c, trailing(c.as_str(), char::is_alphanumeric));
            if followed_by_decimal(sent, m0.end())
                || preceded_by(sent, m0.start(), &["zwischen", "Zwischen"])
            {
                continue;
            }
            if let Some(v) = num_value(n) {
                push(out, Pos::Exact(v), at(m0), "rank.noun_number");
            }
        }
    }

    /// Positions of one kind: "67. Platz".
    fn ordinal_digits(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        for c in w
            .any(const { mask(&[". ", ".P", ".R", ".S"]) })
            .then(|| self.num_dot_noun.find_iter(sent))
            .into_iter()
            .flatten()
        {
            // the digits before the match's first dot
            let (m0, n) = (c, c.as_str().split('.').next().unwrap_or(""));
            if let Some(v) = num_value(n) {
                push(out, Pos::Exact(v), at(m0), "rank.ordinal_digits");
            }
        }
    }

    /// Positions of one kind: "zweiten Rang".
    fn ordinal_words(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        for c in (w.any(const { mask(&["Platz", "Rang", "Position", "Stelle", "Platzierung"]) })
            && w.any(const { mask(ORDINAL_PARTS) }))
        .then(|| self.ord_noun.find_iter(sent))
        .into_iter()
        .flatten()
        {
            // the ordinal starts the match and ends at its first space (`\s` = White_Space)
            let (m0, n) = (
                c,
                c.as_str().split(char::is_whitespace).next().unwrap_or(""),
            );
            if let Some(v) = ordinal_word(n) {
                push(out, Pos::Exact(v), at(m0), "rank.ordinal_word");
            }
        }
    }

    /// Positions of one kind: "Spitzenreiter", "an der Spitze", "zweitplatziert".
    fn firsts(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        for m in w
            .any(
                const {
                    mask(&[
                        "Spitze",
                        "Top-Position",
                        "führer",
                        "sieger",
                        "Nr.",
                        "Nummer",
                        "platziert",
                    ])
                },
            )
            .then(|| self.first.find_iter(sent))
            .into_iter()
            .flatten()
        {
            let w = m.as_str();
            let v = if w.starts_with("zweit") {
                2
            } else if w.starts_with("dritt") {
                3
            } else {
                1
            };
            // plurals and compounds ("Spitzenpositionen", "Spitzenreiters") are not a position
            if sent[m.end()..].starts_with(|c: char| c.is_alphanumeric())
                && !w.ends_with("platziert")
                && !w.contains("platziert")
            {
                continue;
            }
            push(out, Pos::Exact(v), at(m), "rank.first");
        }
    }

    /// Positions of one kind: "die smarteste Stadt", "zweitbeste Großstadt Bayerns".
    fn superlatives(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        // a superlative needs its noun and "ste" or "führende" (every adjective it takes has one)
        let superlative = w
            .any(const { mask(&["Stadt", "stadt", "Kommune", "City", "Region", "Metropole"]) })
            && ((w.any(const { mask(&["ste"]) }) && has_superlative_end(sent))
                || sent.contains("führende"));
        for c in superlative
            .then(|| self.superlative.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let (Some(m0), Some(adj)) = (c.get(0), c.get(2)) else {
                continue;
            };
            let a = adj.as_str();
            if is_order_superlative(a) {
                continue;
            }
            let v = if a.starts_with("zweit") {
                2
            } else if a.starts_with("dritt") {
                3
            } else {
                1
            };
            let start = adj.start();
            let scope = c.get(5).or(c.get(1)).or(c.get(3)).map(&at);
            let start = c.get(1).map(|g| g.start()).unwrap_or(start);
            let span = Span::new(s.start + start, s.start + m0.end());
            if !out
                .iter()
                .any(|e| e.span.start < span.end && span.start < e.span.end)
            {
                out.push(PosExpr {
                    pos: Pos::Exact(v),
                    span,
                    rule: "rank.superlative",
                    prev: None,
                    is_previous: false,
                    negated: false,
                    scope,
                });
            }
        }
    }

    /// Positions of one kind: "Schlusslicht unter den 71 Städten".
    fn last_of_total(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        // "Schlusslicht unter den 71 Städten", "den letzten Platz von 82": the last of a stated total
        for c in w
            .any(
                const {
                    mask(&[
                        "Schlusslicht",
                        "letzten Platz",
                        "letzter Platz",
                        "letzten Rang",
                    ])
                },
            )
            .then(|| self.last_of.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let (Some(m0), Some(n)) = (c.get(0), c.get(1)) else {
                continue;
            };
            if let Some(v) = num_value(n.as_str()).filter(|&v| v > 1) {
                push(out, Pos::Exact(v), at(m0), "rank.last_of_total");
            }
        }
    }

    /// Positions of one kind: "führt das Ranking an".
    fn leads(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        for m in w
            .any(const { mask(&["führt", "führen", "ngeführt"]) })
            .then(|| self.leads.find_iter(sent))
            .into_iter()
            .flatten()
        {
            push(out, Pos::Exact(1), at(m), "rank.leads");
        }
    }

    /// Positions of one kind: "Top Ten", "Top-10".
    fn top_n(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        for c in w
            .any(const { mask(&["Top", "top"]) })
            .then(|| self.top.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let (Some(m0), Some(n)) = (c.get(0), c.get(1)) else {
                continue;
            };
            if let Some(v) = top_bound(n.as_str()) {
                push(out, Pos::Bound(v), at(m0), "rank.top_n");
            }
        }
    }

    /// Positions of one kind: "unter die zehn besten".
    fn among_first(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        for c in w
            .any(const { mask(&["ersten", "besten", "vorderen", "unter d"]) })
            .then(|| self.among.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let Some(m0) = c.get(0) else { continue };
            let v = (1..=4)
                .filter_map(|i| c.get(i))
                .find_map(|m| num_value(m.as_str()));
            if let Some(v) = v.filter(|&v| v > 1) {
                push(out, Pos::Bound(v), at(m0), "rank.among_first");
            }
        }
    }

    /// Positions of one kind: "Podium", "Treppchen".
    fn podiums(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        for m in w
            .any(const { mask(&["odest", "odium", "reppchen"]) })
            .then(|| self.podium.find_iter(sent))
            .into_iter()
            .flatten()
        {
            // "Das Podium komplettiert Köln": the one who completes the podium is third
            let clause = clause_around(sent, m.start(), m.end()).1;
            // "knapp hinter dem Podium", "am Podium vorbei": outside it, no bound
            let before = sent[..m.start()].trim_end();
            let outside = ["hinter dem", "hinter das", "neben dem", "neben das"]
                .iter()
                .any(|p| before.ends_with(p))
                || sent[m.end()..].trim_start().starts_with("vorbei");
            if outside {
                continue;
            }
            if clause.contains("komplettier") {
                push(out, Pos::Exact(3), at(m), "rank.podium_completed");
            } else {
                push(out, Pos::Bound(3), at(m), "rank.podium");
            }
        }
    }

    /// Positions of one kind: a nominalised ordinal after a copula or a placing verb ("Freiburg
    /// ist jetzt Zwölfter", "Kiel landet als Vierte"), unless a noun follows ("ist Erster
    /// Bürgermeister").
    fn nominal_ordinals(&self, text: &str, s: Span, w: Words, out: &mut Vec<PosExpr>) {
        let sent = s.slice(text);
        if !w.any(const { mask(NOMINAL_ORDINAL_STEMS) }) {
            return;
        }
        for c in self.nominal_ordinal.captures_iter(sent) {
            let Some(ord) = c.get(1) else {
                continue;
            };
            let next = sent[ord.end()..].trim_start_matches(' ');
            if next.starts_with(|ch: char| ch.is_uppercase() || ch == '-') {
                continue;
            }
            if let Some(v) = ordinal_word(ord.as_str()) {
                // the ordinal alone: a city between verb and ordinal ("wurde Kiel Dritter") is
                // the one placed, not part of the expression
                let span = Span::new(s.start + ord.start(), s.start + ord.end());
                push(out, Pos::Exact(v), span, "rank.nominal_ordinal");
            }
        }
    }

    /// Marks the expressions that state the year before's position ("Platz 16 im Vorjahr",
    /// "Im Vorjahr noch auf Rang 18").
    fn mark_previous(&self, text: &str, s: Span, _w: Words, out: &mut [PosExpr]) {
        let spans: Vec<Span> = out.iter().map(|e| e.span).collect();
        for e in out.iter_mut() {
            let after = &text[e.span.end..s.end];
            if e.prev.is_none()
                && (self.previous_year_after(after)
                    || self.previous_year_before(text, s, e.span.start, &spans))
            {
                e.is_previous = true;
            }
        }
    }

    /// Marks negated or lost positions: negation words in the clause part right before (60
    /// bytes) or after (40 bytes) an expression, with no other expression between.
    fn mark_negated(&self, text: &str, s: Span, w: Words, out: &mut [PosExpr]) {
        // every word of `negation` and `negation_after` contains one of these
        if !w.any(const { mask(NEGATION_PARTS) }) {
            return;
        }
        let spans: Vec<Span> = out.iter().map(|e| e.span).collect();
        // a negation word belongs to the nearest expression: none may stand between them
        // ("verpasst die Top Ten und landet auf Platz 11" negates only the Top Ten)
        let none_between =
            |from: usize, to: usize| !spans.iter().any(|p| from <= p.start && p.start < to);
        for e in out.iter_mut() {
            let after = &text[e.span.end..s.end];
            let before = &text[s.start..e.span.start];
            let near_before = tail_clause(before, 60, b".;:");
            let near_after = head_clause(after, 40, b".;:,");
            let before_start = e.span.start - near_before.len();
            let negated_before = self.negation.find_iter(near_before).any(|m| {
                // "verliert zwei Plätze und landet auf Rang 12": a move, not a lost position
                let rest = &near_before[m.end()..];
                let lost_places = matches!(m.as_str(), "verliert" | "verloren")
                    && self
                        .delta
                        .find(rest)
                        .is_some_and(|d| rest[..d.start()].trim().is_empty());
                !lost_places
                    && !near_before[m.start()..].starts_with("nicht nur")
                    && none_between(before_start + m.end(), e.span.start)
            });
            // after it, a participle ("den Spitzenplatz verloren"), unless an expression follows
            // ("auf Rang 14 und verpasst die Top Ten": that one is its object)
            let negated_after = self.negation_after.find(near_after).is_some_and(|m| {
                none_between(e.span.end, e.span.end + m.start())
                    && none_between(e.span.end + m.end(), e.span.end + near_after.len())
            });
            if negated_before || negated_after {
                e.negated = true;
            }
        }
    }

    /// Whether the text right after a position speaks of the year before ("im Vorjahr", "vor
    /// einem Jahr").
    fn previous_year_after(&self, after: &str) -> bool {
        // the pattern's first word after the spaces: "(", "im", "in dem", "des", "vor" or "ein"
        let a = after.trim_start();
        (a.starts_with(['(', 'i', 'd', 'v', 'e'])) && self.prev_year_after.is_match(after)
    }

    /// Whether the clause before a position at `at` speaks of the year before ("Im Vorjahr hatte
    /// die Stadt noch auf Platz 18 gelegen", "Vorjahr: Rang 96"): a marker with no other position
    /// and no word of the present between it and the position, and not "wie im Vorjahr".
    fn previous_year_before(&self, text: &str, s: Span, at: usize, spans: &[Span]) -> bool {
        let before = &text[s.start..at];
        let tail = tail_clause(before, 90, b".;,");
        let tail_start = at - tail.len();
        // every match holds "ahr" ("Vorjahr", "Jahr") or a parenthesis
        if !tail.contains("ahr") && !tail.contains('(') {
            return false;
        }
        let Some(m) = self.prev_year_before.find_iter(tail).last() else {
            return false;
        };
        let marker_start = tail_start + m.start();
        let lead = text[s.start..marker_start].trim_end();
        if lead.ends_with("wie")
            || lead.ends_with("Wie")
            || lead.ends_with("wie schon")
            || lead.ends_with("als")
        {
            return false;
        }
        let between = &text[tail_start + m.end()..at];
        // another position between, or one the marker belongs to ("Platz 21 im Vorjahr")
        let opens_paren = text[marker_start..].starts_with('(');
        let other_position = spans.iter().any(|p| {
            (p.start > marker_start && p.start < at)
                || (!opens_paren
                    && p.end <= marker_start
                    && text[p.end..marker_start].trim().is_empty())
        });
        let present = PRESENT_WORDS.iter().any(|w| {
            between
                .split(|c: char| !c.is_alphanumeric())
                .any(|x| x == *w)
        });
        !other_position && !present && between.len() <= 60
    }

    /// Previous-rank statements of the sentence: "(Vorjahr: 11)", deltas, "wie im Vorjahr".
    pub fn previous(&self, text: &str, s: Span, w: Words, positions: &[PosExpr]) -> Vec<PrevExpr> {
        let sent = s.slice(text);
        let at = |a: usize, b: usize| Span::new(s.start + a, s.start + b);
        let inside = |sp: Span| {
            positions
                .iter()
                .any(|e| e.span.start <= sp.start && sp.end <= e.span.end)
        };
        let mut out = Vec::new();
        for c in w
            .any(const { mask(&["orjahr"]) })
            .then(|| self.vorjahr.find_iter(sent))
            .into_iter()
            .flatten()
        {
            // the digits end the match, after a letter, space or colon
            let (m0, n) = (c, trailing(c.as_str(), char::is_numeric));
            if followed_by_decimal(sent, m0.end()) {
                continue;
            }
            if let Some(v) = num_value(n) {
                out.push(PrevExpr {
                    prev: Prev::Rank(v),
                    span: at(m0.start(), m0.end()),
                });
            }
        }
        for c in w
            .any(const { mask(&["Vorjahres", "(19", "(20"]) })
            .then(|| self.vorjahres_ord.captures_iter(sent))
            .into_iter()
            .flatten()
        {
            let Some(m0) = c.get(0) else { continue };
            let v = c
                .get(1)
                .and_then(|m| num_value(m.as_str()))
                .or_else(|| c.get(2).and_then(|m| ordinal_word(m.as_str())))
                .or_else(|| c.get(3).and_then(|m| num_value(m.as_str())))
                .or_else(|| c.get(4).and_then(|m| num_value(m.as_str())));
            if let Some(v) = v {
                out.push(PrevExpr {
                    prev: Prev::Rank(v),
                    span: at(m0.start(), m0.end()),
                });
            }
        }
        for c in (w
            .any(const { mask(&["Plätze", "Platz", "Ränge", "Rang", "Position", "Zähler"]) })
            && may_be_delta(sent, w))
        .then(|| self.delta.captures_iter(sent))
        .into_iter()
        .flatten()
        {
            let (Some(m0), Some(n)) = (c.get(0), c.get(2)) else {
                continue;
            };
            let span = at(m0.start(), m0.end());
            if inside(span) {
                continue;
            }
            let v = match n.as_str() {
                "einen" | "einem" => 1,
                other => match num_value(other) {
                    Some(v) => v,
                    None => continue,
                },
            };
            let before = &sent[..m0.start()];
            if before.ends_with("ersten ")
                || before.ends_with("besten ")
                || before.ends_with("die ")
                || before.ends_with("vorderen ")
            {
                continue;
            }
            // direction: the nearest up/down word in the clause around the delta
            let clause = clause_around(sent, m0.start(), m0.end());
            let up = self
                .up
                .find_iter(clause.1)
                .map(|m| distance(clause.0 + m.start(), m0.start(), m0.end()))
                .min();
            let down = self
                .down
                .find_iter(clause.1)
                .map(|m| distance(clause.0 + m.start(), m0.start(), m0.end()))
                .min();
            let has_um = c.get(1).is_some();
            let prev = match (up, down) {
                (Some(u), Some(d)) if u <= d => Prev::Up(v),
                (Some(_), None) => Prev::Up(v),
                (_, Some(_)) => Prev::Down(v),
                (None, None) => continue,
            };
            if !has_um && up.or(down).is_some_and(|d| d > 40) {
                continue;
            }
            out.push(PrevExpr { prev, span });
        }
        for m in w
            .any(
                const {
                    mask(&[
                        "Vorjahr",
                        "vergangenen",
                        "verteidig",
                        "nverändert",
                        "rneut",
                        "leibt",
                        "lieb",
                        "behaupt",
                        "Folge",
                        "Titelverteidig",
                        "halten",
                        "wie ",
                        "Wie ",
                    ])
                },
            )
            .then(|| self.same.find_iter(sent))
            .into_iter()
            .flatten()
        {
            // "bleibt hinter den Erwartungen zurück": falls short, does not stay
            if matches!(m.as_str(), "bleibt" | "Bleibt" | "blieb" | "Blieb")
                && head_clause(&sent[m.end()..], 80, b".;:,").contains(" zurück")
            {
                continue;
            }
            out.push(PrevExpr {
                prev: Prev::Same,
                span: at(m.start(), m.end()),
            });
        }
        out.sort_by_key(|p| p.span.start);
        out
    }

    /// A list item right after a city: "(399)", "(9. mit 76,8 Punkten)", "(Platz 4, Vorjahr: 11)".
    pub fn paren_item(&self, after: &str) -> Option<(u32, usize)> {
        // the pattern starts with spaces and a parenthesis
        if !after.trim_start().starts_with('(') {
            return None;
        }
        let c = self.paren_item.captures(after)?;
        let n = c.get(1)?;
        if followed_by_decimal(after, n.end()) {
            return None;
        }
        Some((num_value(n.as_str())?, c.get(0)?.end()))
    }

    /// An enumeration number right before a city: "1. Hamburg", "• 2. Karlsruhe".
    pub fn enum_item(&self, before: &str) -> Option<u32> {
        // the pattern holds a number, a dot and a space
        let dotted_number = memchr::memchr_iter(b'.', before.as_bytes()).any(|i| {
            before[..i].ends_with(char::is_numeric)
                && before[i + 1..].starts_with(char::is_whitespace)
        });
        if !dotted_number {
            return None;
        }
        let c = self.enum_item.captures(before)?;
        num_value(c.get(1)?.as_str())
    }

    /// "auf 16" right after a city in an elliptic list.
    pub fn auf_num(&self, after: &str) -> Option<(u32, usize)> {
        // the pattern starts with spaces and "auf"
        if !after.starts_with(char::is_whitespace) || !after.trim_start().starts_with("auf") {
            return None;
        }
        let c = self.auf_num.captures(after)?;
        let n = c.get(1)?;
        if followed_by_decimal(after, n.end())
            || after[n.end()..].trim_start().starts_with(['P', 'M', '%'])
        {
            return None;
        }
        Some((num_value(n.as_str())?, c.get(0)?.end()))
    }

    /// "Platz elf bis 20" / "Platz zwei und drei" in the sentence: (span, first, last, is_range).
    pub fn ranges(&self, sent: &str, w: Words) -> Vec<(usize, usize, u32, u32, bool)> {
        if !may_be_range(sent, w) {
            return Vec::new();
        }
        self.range
            .captures_iter(sent)
            .filter_map(|c| {
                let m0 = c.get(0)?;
                let a = num_value(c.get(1)?.as_str())?;
                let b = num_value(c.get(3)?.as_str())?;
                let is_range = c.get(2)?.as_str() == "bis";
                (b > a && b - a < 30).then_some((m0.start(), m0.end(), a, b, is_range))
            })
            .collect()
    }
}

impl Default for Patterns {
    fn default() -> Self {
        Patterns::new()
    }
}

/// The capitalised ordinal stems of `nominal_ordinal` (each in `POSITION_ANCHORS`).
const NOMINAL_ORDINAL_STEMS: &[&str] = &[
    "Erst", "Zweit", "Dritt", "Viert", "Fünft", "Sechst", "Siebt", "Acht", "Neunt", "Zehnt",
    "Elft", "Zwölft",
];

/// Every ordinal of `ORD` holds one of these (its stem and "e", without the first letter).
const ORDINAL_PARTS: &[&str] = &[
    "rste", "weite", "ritte", "ierte", "ünfte", "echste", "iebte", "iebente", "chte", "eunte",
    "ehnte", "lfte", "igste",
];

/// The last letters of every number word of `NUM` (and "einen", "einem").
const NUMBER_WORD_ENDS: &[&str] = &[
    "ins", "wei", "rei", "ier", "ünf", "echs", "ieben", "cht", "eun", "ehn", "lf", "zig", "ßig",
    "einen", "einem",
];

/// Whether a rank noun of `sent` follows spaces after a number (digits or a number word), as
/// in every match of the `delta` pattern ("um fünf Plätze", "23 Plätze").
fn may_be_delta(sent: &str, w: Words) -> bool {
    let nouns = [
        ("Plätze", const { mask(&["Plätze"]) }),
        ("Platz", const { mask(&["Platz"]) }),
        ("Ränge", const { mask(&["Ränge"]) }),
        ("Rang", const { mask(&["Rang"]) }),
        ("Position", const { mask(&["Position"]) }),
        ("Zähler", const { mask(&["Zähler"]) }),
    ];
    w.any_occurrence(sent, &nouns, |p| {
        let before = &sent[..p];
        let number = before.trim_end();
        number.len() < before.len()
            && (number.ends_with(char::is_numeric)
                || NUMBER_WORD_ENDS.iter().any(|e| number.ends_with(e)))
    })
}

/// Whether an adjective in "ste" or "sten" ends before spaces (perhaps after a quote) in
/// `sent`, as every superlative but "führende" does in a match of the `superlative` pattern.
fn has_superlative_end(sent: &str) -> bool {
    memchr::memmem::find_iter(sent.as_bytes(), "ste").any(|i| {
        // "ste" is ASCII: the byte after it starts a char
        let rest = sent.get(i + 3..).unwrap_or("");
        let rest = rest.strip_prefix('n').unwrap_or(rest);
        let rest = rest.strip_prefix('"').unwrap_or(rest);
        rest.starts_with(char::is_whitespace)
    })
}

/// Whether a rank noun of `sent` is followed by spaces, a word, spaces and "bis" or "und",
/// as in every match of the `range` pattern ("Platz elf bis 20").
fn may_be_range(sent: &str, w: Words) -> bool {
    let skip_word = |s: &str| s.trim_start_matches(char::is_alphanumeric).len();
    let nouns = [
        ("Platz", const { mask(&["Platz"]) }),
        ("Plätze", const { mask(&["Plätze"]) }),
        ("Rang", const { mask(&["Rang"]) }),
        ("Ränge", const { mask(&["Ränge"]) }),
    ];
    w.any_occurrence(sent, &nouns, |p| {
        let after_noun = &sent[p..];
        let rest = &after_noun[after_noun.len() - skip_word(after_noun)..];
        let number = rest.trim_start();
        if number.len() == rest.len() {
            return false;
        }
        let rest = &number[number.len() - skip_word(number)..];
        let joiner = rest.trim_start();
        joiner.len() < rest.len() && (joiner.starts_with("bis") || joiner.starts_with("und"))
    })
}

/// Parts of every word of the `negation` and `negation_after` patterns.
const NEGATION_PARTS: &[&str] = &[
    "nicht",
    "kein",
    "aus de",
    "verl",
    "einstige",
    "frühere",
    "verpasst",
    "abgegeben",
    "abgeben",
    "eingebüßt",
];

/// Words of the present that end a previous-year clause ("im Vorjahr …, jetzt auf Rang 9").
const PRESENT_WORDS: &[&str] = &[
    "jetzt",
    "nun",
    "aktuell",
    "diesmal",
    "heute",
    "derzeit",
    "inzwischen",
    "mittlerweile",
];

/// Whether the superlative `adj` describes size or order, not a ranking result. A word of
/// [`NOT_RANKING_SUPERLATIVES`] may end a compound ("flächengrößte"), but "erste" only stands
/// alone or as "allererste": the superlatives of adjectives in -er ("sicherste", "sauberste")
/// end in the same letters.
fn is_order_superlative(adj: &str) -> bool {
    let a = adj.trim_end_matches('n');
    NOT_RANKING_SUPERLATIVES.iter().any(|&w| match w {
        "erste" => a == "erste" || a == "allererste",
        _ => a.ends_with(w),
    })
}

/// Superlatives that describe size or order, not a ranking result.
const NOT_RANKING_SUPERLATIVES: &[&str] = &[
    "erste",
    "letzte",
    "nächste",
    "meiste",
    "größte",
    "kleinste",
    "älteste",
    "jüngste",
    "höchste",
    "niedrigste",
    "geringste",
    "wichtigste",
    "einzige",
    "bekannteste",
    "teuerste",
    "billigste",
    "meisten",
    "günstigste",
    "schnellste",
    "langsamste",
    "dichteste",
    "bevölkerungsreichste",
    "flächengrößte",
    "neueste",
    "längste",
    "kürzeste",
    "oberste",
    "unterste",
    "mittelste",
    "selbstbewussteste",
];

/// The last `max` bytes of `s` after its last separator (cut at a char boundary).
fn tail_clause<'a>(s: &'a str, max: usize, seps: &[u8]) -> &'a str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    let tail = &s[start..];
    // ASCII separators: a byte search finds them only as whole chars
    match tail.bytes().rposition(|b| seps.contains(&b)) {
        Some(i) => &tail[i + 1..],
        None => tail,
    }
}

/// The first `max` bytes of `s` before its first separator (cut at a char boundary).
fn head_clause<'a>(s: &'a str, max: usize, seps: &[u8]) -> &'a str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let head = &s[..end];
    // ASCII separators: a byte search finds them only as whole chars
    match head.bytes().position(|b| seps.contains(&b)) {
        Some(i) => &head[..i],
        None => head,
    }
}

/// The longest suffix of `s` whose chars all pass `keep` (what a capture group ending a
/// match is, when the char before it cannot be part of it).
fn trailing(s: &str, keep: impl Fn(char) -> bool) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| keep(c))
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

fn followed_by_decimal(s: &str, end: usize) -> bool {
    let mut it = s[end..].chars();
    matches!((it.next(), it.next()), (Some(',' | '.'), Some(c)) if c.is_ascii_digit())
}

fn preceded_by(s: &str, start: usize, words: &[&str]) -> bool {
    let before = s[..start].trim_end();
    words.iter().any(|w| before.ends_with(w))
}

fn char_floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The clause (between commas, semicolons, dashes, colons) around `start..end`: (offset, text).
pub fn clause_around(s: &str, start: usize, end: usize) -> (usize, &str) {
    let seps: &[char] = &[',', ';', ':', '–', '(', ')'];
    let a = s[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| seps.contains(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let b = s[end..].find(seps).map(|i| end + i).unwrap_or(s.len());
    (a, &s[a..b])
}

fn distance(pos: usize, start: usize, end: usize) -> usize {
    if pos >= end {
        pos - end
    } else {
        start.saturating_sub(pos)
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::WordIndex;
    use super::*;

    fn pos(t: &str) -> Vec<(Pos, Option<u32>, bool)> {
        let p = Patterns::new();
        p.positions(t, Span::new(0, t.len()), WordIndex::new().of(t))
            .into_iter()
            .map(|e| (e.pos, e.prev, e.is_previous))
            .collect()
    }

    #[test]
    fn exact_forms() {
        assert_eq!(
            pos("Die Stadt liegt auf Platz 12."),
            vec![(Pos::Exact(12), None, false)]
        );
        assert_eq!(
            pos("Sie landet auf dem 67. Platz."),
            vec![(Pos::Exact(67), None, false)]
        );
        assert_eq!(
            pos("Sie erreicht den zweiten Rang."),
            vec![(Pos::Exact(2), None, false)]
        );
        assert_eq!(
            pos("Sie erreicht einen sehr guten 5. Platz."),
            vec![(Pos::Exact(5), None, false)]
        );
        assert_eq!(
            pos("Sie liegt auf Platz drei."),
            vec![(Pos::Exact(3), None, false)]
        );
        assert_eq!(
            pos("Sie ist Spitzenreiter."),
            vec![(Pos::Exact(1), None, false)]
        );
        assert_eq!(
            pos("Kassel ist nun die smarteste Stadt Deutschlands."),
            vec![(Pos::Exact(1), None, false)]
        );
    }

    #[test]
    fn not_positions() {
        assert!(pos("Zwischen Platz 3 und 9 liegen nur zwei Punkte.").is_empty());
        assert!(pos("Sie ist die größte Stadt der Region.").is_empty());
        assert!(pos("Die Stadt hat 100.000 Einwohner.").is_empty());
        assert!(pos("Es gibt Spitzenpositionen in vielen Bereichen.").is_empty());
    }

    #[test]
    fn from_to_and_previous_year() {
        assert_eq!(
            pos("Sie klettert von Platz 19 auf Platz 8."),
            vec![(Pos::Exact(8), Some(19), false)]
        );
        assert_eq!(
            pos("Erfurt rutscht von Rang 3 auf 6."),
            vec![(Pos::Exact(6), Some(3), false)]
        );
        assert_eq!(
            pos("Es ging von der zehnten hoch auf die vierte Position."),
            vec![(Pos::Exact(4), Some(10), false)]
        );
        assert_eq!(
            pos("Nach Platz 21 im vergangenen Jahr steht sie auf Rang 13."),
            vec![(Pos::Exact(21), None, true), (Pos::Exact(13), None, false)]
        );
    }

    #[test]
    fn bounds() {
        assert_eq!(
            pos("Sie ist in die Top Ten aufgestiegen."),
            vec![(Pos::Bound(10), None, false)]
        );
        assert_eq!(
            pos("Sie kommt unter die zehn besten Städte."),
            vec![(Pos::Bound(10), None, false)]
        );
        assert_eq!(
            pos("Sie ist unter den ersten 30."),
            vec![(Pos::Bound(30), None, false)]
        );
        assert_eq!(
            pos("Sie steht auf dem Treppchen."),
            vec![(Pos::Bound(3), None, false)]
        );
        assert!(pos("Sie ist eine von 82 Großstädten unter den 82 Großstädten.").is_empty());
    }

    #[test]
    fn prechecks_pass_every_match() {
        let p = Patterns::new();
        let nums = NUM.trim_start_matches("(\\d{1,3}|").trim_end_matches(')');
        for alt in nums.split('|').chain(["12", "einen", "einem"]) {
            let word = alt
                .replace("[Ee]", "e")
                .replace("[Zz]", "z")
                .replace("[Dd]", "d");
            let word = word
                .replace("[Vv]", "v")
                .replace("[Ff]", "f")
                .replace("[Ss]", "s");
            let word = word.replace("[Aa]", "a").replace("[Nn]", "n");
            for noun in [
                "Plätze", "Plätzen", "Platz", "Ränge", "Rang", "Position", "Zähler",
            ] {
                let t = format!("Sie ist um {word} {noun} gestiegen.");
                assert!(p.delta.is_match(&t), "{t}");
                assert!(may_be_delta(&t, WordIndex::new().of(&t)), "{t}");
            }
        }
        let ords = ORD
            .trim_start_matches("((?:")
            .split(')')
            .next()
            .unwrap_or("");
        for alt in ords.split('|') {
            let stem: String = alt.chars().filter(|c| !"[]".contains(*c)).skip(1).collect();
            for end in ["e", "en", "er", "es", "em"] {
                let t = format!("Sie belegt den {stem}{end} Platz.");
                assert!(p.ord_noun.is_match(&t), "{t}");
                let w = WordIndex::new().of(&t);
                assert!(w.any(mask(ORDINAL_PARTS)), "{t}");
            }
        }
        for t in [
            "Platz elf bis 20 belegen",
            "Auf Plätzen zwei und drei",
            "Rang 3 bis 5",
            "Rängen 4\nund 6",
        ] {
            assert!(
                p.range.is_match(t) && may_be_range(t, WordIndex::new().of(t)),
                "{t}"
            );
        }
        let t = "Platz 3, und";
        assert!(!may_be_range(t, WordIndex::new().of(t)));
        for t in [
            "die smarteste Stadt",
            "zur zweitbesten  Stadt",
            "die \"sicherste\" Stadt",
            "als beste Großstadt",
        ] {
            assert!(p.superlative.is_match(t) && has_superlative_end(t), "{t}");
        }
        assert!(!has_superlative_end("Die Stadt kostet"));
        for a in [
            "erste",
            "ersten",
            "allererste",
            "größte",
            "flächengrößte",
            "letzte",
        ] {
            assert!(is_order_superlative(a), "{a}");
        }
        for a in [
            "sicherste",
            "saubersten",
            "smarteste",
            "beste",
            "lebenswerteste",
        ] {
            assert!(!is_order_superlative(a), "{a}");
        }
        assert_eq!(p.enum_item("x\n12. "), Some(12));
        assert_eq!(p.enum_item("• 3.  "), Some(3));
    }

    #[test]
    fn trailing_chars() {
        assert_eq!(trailing("Platz 12", char::is_alphanumeric), "12");
        assert_eq!(trailing("Platz Nr.3", char::is_alphanumeric), "3");
        assert_eq!(trailing("Vorjahr:7", char::is_numeric), "7");
        assert_eq!(trailing("Rang fünf", char::is_alphanumeric), "fünf");
        assert_eq!(trailing("Rang ", char::is_alphanumeric), "");
    }

    #[test]
    fn previous_statements() {
        let p = Patterns::new();
        let t = "Bochum (Platz 4, Vorjahr: 11) hat sich um fünf Plätze verbessert, wie im Vorjahr.";
        let s = Span::new(0, t.len());
        let w = WordIndex::new().of(t);
        let ps = p.positions(t, s, w);
        let prev: Vec<Prev> = p
            .previous(t, s, w, &ps)
            .into_iter()
            .map(|x| x.prev)
            .collect();
        assert_eq!(prev, vec![Prev::Rank(11), Prev::Up(5), Prev::Same]);
        let t = "Sie ist um drei Plätze zurückgefallen.";
        let prev: Vec<Prev> = p
            .previous(t, Span::new(0, t.len()), WordIndex::new().of(t), &[])
            .into_iter()
            .map(|x| x.prev)
            .collect();
        assert_eq!(prev, vec![Prev::Down(3)]);
    }
}
