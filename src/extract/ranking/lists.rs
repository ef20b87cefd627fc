//! Positions given by layout rather than by words: table rows ("Verwaltung: | 81 |",
//! "1. Hamburg 8,78 …") and the words that mark a ranking sentence.

use crate::text::Span;

/// A table row of label and rank: "Verwaltung: | 81 |", "Mobilität: 66", "Gesamtwertung | 70".
pub(super) fn table_row(line: &str) -> Option<(&str, u32)> {
    // a row splits at a colon or a bar
    memchr::memchr2(b':', b'|', line.as_bytes())?;
    let t = line.trim().trim_end_matches('|').trim();
    let (label, rest) = t.split_once(':').or_else(|| t.split_once('|'))?;
    let label = label.trim().trim_matches('|').trim();
    let num = rest.trim().trim_matches('|').trim().trim_end_matches('.');
    let words = label.split_whitespace().count();
    let label_ok = (1..=5).contains(&words)
        && label.starts_with(|c: char| c.is_uppercase())
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '/' || c == '&');
    if !label_ok || num.is_empty() || num.len() > 3 || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    num.parse().ok().filter(|&v| v > 0).map(|v| (label, v))
}

/// A table row "… 1. Hamburg 8,78 8,30 …" or "2 | Regensburg | 84,7": the rank number right
/// before a city that is followed by decimal figures or a column bar.
pub(super) fn table_row_number(text: &str, city: Span) -> Option<u32> {
    let after = text[city.end..].trim_start_matches(' ');
    let figure = after.split(' ').next().unwrap_or("");
    let is_figure = figure.contains(',')
        && figure
            .split(',')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let bar = after.starts_with('|');
    if !is_figure && !bar {
        return None;
    }
    let before = crate::extract::city::window_before(text, city.start, 8);
    let num = if bar {
        let line_start = text[..city.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let lead = text[line_start..city.start].trim();
        // the rank is the line's first cell: "2 | Regensburg |"
        lead.strip_suffix('|')?
            .trim()
            .trim_start_matches('|')
            .trim()
    } else {
        before.strip_suffix(". ")?
    };
    let digits: String = num
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if digits.is_empty() || digits.len() > 3 || (bar && digits.len() != num.len()) {
        return None;
    }
    digits.parse().ok()
}

/// Words that mark a sentence as speaking of ranks (for list items after a city).
pub(super) const RANK_WORDS: &[&str] = &[
    "Platz",
    "Rang",
    "Ranking",
    "Position",
    "Plätze",
    "Ränge",
    "Platzierung",
    "belegt",
    "landet",
    "folgen",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn row(t: &str, city: &str) -> Option<u32> {
        let s = t.find(city)?;
        table_row_number(t, Span::new(s, s + city.len()))
    }

    #[test]
    fn table_row_numbers() {
        assert_eq!(row("Parks 1. Hamburg 8,78 8,30", "Hamburg"), Some(1));
        assert_eq!(
            row("Platz | Stadt\n2 | Regensburg | 84,7", "Regensburg"),
            Some(2)
        );
        assert_eq!(row("am 3. Mai 2024 in Hamburg", "Hamburg"), None);
        assert_eq!(row("Seite 3 | Hamburg | Bericht", "Hamburg"), None);
    }
}
