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

/// The header cells that name a table's rank column.
const RANK_HEADERS: &[&str] = &[
    "Platz",
    "Rang",
    "Position",
    "Platzierung",
    "Gesamtrang",
    "Gesamtplatz",
];

/// A table row "Erfurt | 25 | 66,8" under a header "Stadt | Platz | Punkte": the rank in the
/// column the header names, in the row whose cell is the city, and the span from the city to
/// that cell. The header is the first line of the block of bar-separated lines the row is in.
pub(super) fn table_column_rank(text: &str, city: Span) -> Option<(u32, Span)> {
    // the city is a whole cell: a bar or the line's end on each side, a bar on one
    let before = text[..city.start].trim_end_matches(' ');
    let after = text[city.end..].trim_start_matches(' ');
    let bar_before = before.ends_with('|');
    let bar_after = after.starts_with('|');
    if !(bar_before || bar_after)
        || !(bar_before || before.is_empty() || before.ends_with('\n'))
        || !(bar_after || after.is_empty() || after.starts_with('\n'))
    {
        return None;
    }
    let line_start = line_start_before(text, city.start)?;
    let line_end = text[city.end..]
        .find('\n')
        .map_or(text.len(), |i| city.end + i);
    let line = &text[line_start..line_end];
    // the header: walk up while the lines above are rows of the same table
    let mut header_start = line_start;
    let mut rows = 0;
    while header_start > 0 && rows < MAX_TABLE_ROWS {
        let prev_end = header_start - 1;
        let Some(prev_start) = line_start_before(text, prev_end) else {
            break;
        };
        if !text[prev_start..prev_end].contains('|') {
            break;
        }
        header_start = prev_start;
        rows += 1;
    }
    if header_start == line_start {
        return None;
    }
    let header_end = text[header_start..]
        .find('\n')
        .map_or(text.len(), |i| header_start + i);
    let header: Vec<&str> = cells(&text[header_start..header_end])
        .map(|(_, c)| c)
        .collect();
    let row: Vec<(usize, &str)> = cells(line).collect();
    let rank_col = header.iter().position(|h| RANK_HEADERS.contains(h))?;
    let city_col = row
        .iter()
        .position(|(_, c)| *c == &text[city.start..city.end])?;
    if rank_col == city_col || header.len() != row.len() {
        return None;
    }
    let (at, cell) = row[rank_col];
    let digits = cell.trim_end_matches('.');
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: u32 = digits.parse().ok().filter(|&v| v > 0)?;
    let cell_start = line_start + at;
    let span = Span::new(
        cell_start.min(city.start),
        (cell_start + cell.len()).max(city.end),
    );
    Some((v, span))
}

/// How far up a row looks for its table's header, in lines.
const MAX_TABLE_ROWS: usize = 200;

/// The longest table line looked at, in bytes.
const MAX_TABLE_LINE: usize = 1000;

/// The start of the line holding byte `pos`, if it begins at most `MAX_TABLE_LINE` bytes
/// before (a longer line is no table row).
fn line_start_before(text: &str, pos: usize) -> Option<usize> {
    let mut from = pos.saturating_sub(MAX_TABLE_LINE);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text.get(from..pos)?;
    match window.rfind('\n') {
        Some(i) => Some(from + i + 1),
        None => (from == 0).then_some(0),
    }
}

/// The trimmed cells of a bar-separated table line with their byte offsets in it; bars that
/// open or close the line bound no cell ("| 3 | Kiel |" has two).
fn cells(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let inner = line.trim_end().trim_end_matches('|');
    let lead = inner.len() - inner.trim_start().len();
    let inner = inner.trim_start();
    let (skip, inner) = match inner.strip_prefix('|') {
        Some(rest) => (lead + 1, rest),
        None => (lead, inner),
    };
    let mut at = skip;
    inner.split('|').map(move |part| {
        let start = at + (part.len() - part.trim_start().len());
        at += part.len() + 1;
        (start, part.trim())
    })
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

    fn column(t: &str, city: &str) -> Option<(u32, String)> {
        let s = t.find(city)?;
        let (v, span) = table_column_rank(t, Span::new(s, s + city.len()))?;
        Some((v, span.slice(t).to_string()))
    }

    #[test]
    fn table_columns() {
        let t = "Stadt | Platz | Punkte\nJena | 12 | 74,9\nGera | 40 | 58,5\n\nMehr dazu.";
        assert_eq!(column(t, "Jena"), Some((12, "Jena | 12".into())));
        assert_eq!(column(t, "Gera"), Some((40, "Gera | 40".into())));
        let t = "| Rang | Stadt | Punkte |\n| 3 | Kiel | 70,1 |";
        assert_eq!(column(t, "Kiel"), Some((3, "3 | Kiel".into())));
        // no rank column, no header, or a city that is not a cell of its own
        assert_eq!(column("Stadt | Einwohner\nJena | 110", "Jena"), None);
        assert_eq!(column("Jena | 12 | 74,9", "Jena"), None);
        assert_eq!(column("Stadt | Platz\nJena und Gera | 12", "Jena"), None);
        assert_eq!(column("Stadt | Platz\nJena | 1234", "Jena"), None);
        // a line too long to be a table row
        let long = format!("Stadt | Platz\n{}Jena | 12", "ä | ".repeat(400));
        assert_eq!(column(&long, "Jena"), None);
    }
}
