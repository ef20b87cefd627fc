//! Years: explicit four-digit years (1800–2099) used as years — not counts ("2000 Teilnehmer"),
//! not numbers with thousands dots ("2.019"), not parts of scores, ids or decimals.

use crate::extract::Article;
use crate::text::Span;
use regex::Regex;
use std::sync::LazyLock;

/// One year found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFact {
    pub year: u32,
    pub span: Span,
    pub rule: &'static str,
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(1[89]\d\d|20\d\d)(?-u:\b)").expect("year regex"));

/// Words after a number that make it a count or a measure rather than a year.
const UNIT_WORDS: &[&str] = &[
    "Einwohner",
    "Einwohnerinnen",
    "Einwohnern",
    "Einwohnende",
    "Euro",
    "EUR",
    "Prozent",
    "Punkte",
    "Punkten",
    "Menschen",
    "Personen",
    "Teilnehmer",
    "Teilnehmende",
    "Teilnehmenden",
    "Mitarbeiter",
    "Mitarbeitende",
    "Mitarbeitenden",
    "Beschäftigte",
    "Beschäftigten",
    "Datenpunkte",
    "Fälle",
    "Fällen",
    "Straftaten",
    "Kilometer",
    "km",
    "Meter",
    "m",
    "Stück",
    "Unternehmen",
    "Besucher",
    "Besucherinnen",
    "Stimmen",
    "Seiten",
    "Anträge",
    "Städte",
    "Kommunen",
    "Gemeinden",
    "Stunden",
    "Minuten",
    "Tage",
    "Wohnungen",
    "Haushalte",
    "Schüler",
    "Schülerinnen",
    "Studierende",
    "Plätze",
    "Ladesäulen",
    "Sensoren",
    "Geräte",
    "Endgeräte",
    "Nutzer",
    "Nutzerinnen",
    "Downloads",
    "Mbit",
    "MB",
    "GB",
    "Quadratkilometer",
    "qm",
    "Hektar",
    "ha",
    "Tonnen",
    "Fahrzeuge",
    "Parameter",
    "Indikatoren",
    "Kreise",
    "Befragte",
    "Stellen",
    "Jobs",
    "Arbeitsplätze",
    "Zähler",
    "Mal",
];

/// Every year mentioned, in text order (repeats included).
pub fn extract(a: &Article) -> Vec<YearFact> {
    let t = a.text;
    let mut out = Vec::new();
    for m in YEAR.find_iter(t) {
        let before = &t[..m.start()];
        let after = &t[m.end()..];
        // part of a longer number: "2.019", "12.2019" is fine (a date), "2019,5" is a decimal
        let prev = before.chars().next_back();
        let prev2 = before.chars().rev().nth(1);
        if matches!(prev, Some(',')) && prev2.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        if prev == Some('.') && prev2.is_some_and(|c| c.is_ascii_digit()) {
            // "15.10.2019" is a date (year), "2.019" is a number: a date has two dots
            let digits_before: String = before
                .chars()
                .rev()
                .skip(1)
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let dots = before.chars().rev().take(8).filter(|&c| c == '.').count();
            if digits_before.len() != 2 || dots < 2 {
                continue;
            }
        }
        let mut ac = after.chars();
        if let (Some(c1), Some(c2)) = (ac.next(), ac.next())
            && (c1 == '.' || c1 == ',')
            && c2.is_ascii_digit()
        {
            continue; // "2019.5", "2000,50"
        }
        if prev == Some('/') && prev2.is_some_and(|c| c.is_ascii_digit()) {
            // "0999/2020" a file number, but "2019/2020" is two years
            let num: String = before
                .chars()
                .rev()
                .skip(1)
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let num: String = num.chars().rev().collect();
            if !num.parse::<u32>().is_ok_and(|n| (1800..2100).contains(&n)) {
                continue;
            }
        }
        let next_word = after
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if after.starts_with(' ') && UNIT_WORDS.contains(&next_word) {
            continue;
        }
        let prev_word = before
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .unwrap_or("");
        if matches!(
            prev_word,
            "Nr." | "Nummer" | "Tel." | "Telefon" | "Fax" | "PLZ" | "Drucksache" | "Postfach"
        ) {
            continue;
        }
        let Ok(year) = m.as_str().parse() else {
            continue;
        };
        out.push(YearFact {
            year,
            span: Span::new(m.start(), m.end()),
            rule: "year.four_digits",
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::corpus;

    #[test]
    fn corpus() {
        corpus::check("year", include_str!("corpus/year.txt"), |r| {
            r.years.iter().map(|y| y.to_string()).collect()
        });
    }
}
