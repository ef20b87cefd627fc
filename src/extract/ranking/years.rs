//! Edition years ("Smart City Index 2024") and years stated with a position ("Rang 12 in
//! 2024", "2019 noch auf dem 67. Platz").

use super::context::RankingMention;
use crate::text::Span;

/// The edition year of the article's ranking: the one year stated after its name(s), if unique.
pub(super) fn document_edition(names: &[RankingMention], generic: &[u32]) -> Option<u32> {
    let mut years: Vec<u32> = names
        .iter()
        .filter_map(|n| n.edition)
        .chain(generic.iter().copied())
        .collect();
    years.sort_unstable();
    years.dedup();
    if years.len() == 1 {
        years.first().copied()
    } else {
        years.last().copied().filter(|_| false)
    }
}

/// A year stated with the position in its clause: "Rang 12 in 2024", "2019 noch auf dem 67. Platz".
pub(super) fn explicit_year(
    text: &str,
    s: Span,
    e: Span,
    edition: Option<u32>,
) -> (Option<u32>, bool) {
    let after = &text[e.end..s.end];
    let after_trim = after.trim_start();
    for p in ["in ", "im Jahr ", "("] {
        if let Some(rest) = after_trim.strip_prefix(p)
            && let Some(y) = leading_year(rest)
            // "(2023: Platz 19)" gives an earlier position, not this one's year
            && !(p == "(" && rest.get(4..).is_some_and(|r| r.trim_start().starts_with(':')))
        {
            return (Some(y), edition.is_some_and(|ed| y < ed));
        }
    }
    // the clause before, within the sentence
    let before =
        crate::extract::city::window_before(s.slice(text), e.start.saturating_sub(s.start), 60);
    let before = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    if let Some(pos) = before.find(|c: char| c.is_ascii_digit()) {
        if before[..pos].trim_end().ends_with("wie im Jahr")
            || before[..pos].trim_end().ends_with("wie")
        {
            return (None, false);
        }
        if let Some(y) = leading_year(&before[pos..]) {
            let between = &before[pos + 4..];
            if between.contains("noch")
                || between.contains("damals")
                || edition.is_some_and(|ed| y < ed)
            {
                return (Some(y), true);
            }
            return (Some(y), false);
        }
    }
    (None, false)
}

fn leading_year(s: &str) -> Option<u32> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    s.get(..4)?
        .parse()
        .ok()
        .filter(|y| (1950..2100).contains(y))
}

/// The latest year stated in a sentence that names the ranking ("Bei dem 2020 neu erhobenen
/// Ranking", "präsentierte am 16. September 2024 sein Ranking"), if any; years introduced as
/// the past ("seit 2019", "noch 2019", "im ersten Ranking 2012") do not count, nor do the
/// `past` years an earlier edition's position was given ("2022 lag die Stadt noch auf Platz
/// 21": "Platz" is a generic ranking word, but 2022 is not this edition).
pub(super) fn ranking_sentence_year(
    text: &str,
    sentences: &[Span],
    names: &[RankingMention],
    generic: &[Span],
    past: &[u32],
) -> Option<u32> {
    let mut best: Option<u32> = None;
    for s in sentences {
        let named = names
            .iter()
            .any(|n| s.start <= n.span.start && n.span.end <= s.end)
            || generic.iter().any(|g| s.start <= g.start && g.end <= s.end);
        if !named {
            continue;
        }
        let sent = s.slice(text);
        if sent.contains("ersten") || sent.contains("damals") {
            continue;
        }
        // ASCII digits are single bytes: their byte offsets are char starts
        let bytes = sent.as_bytes();
        for i in (0..bytes.len()).filter(|&i| bytes[i].is_ascii_digit()) {
            if i > 0 && bytes[i - 1].is_ascii_digit() {
                continue;
            }
            let Some(y) = leading_year(&sent[i..]) else {
                continue;
            };
            if past.contains(&y) || sent[i + 4..].trim_start().starts_with(':') {
                continue; // "(2023: Platz 19)": an earlier position
            }
            let before = sent[..i].trim_end();
            if ["seit", "noch", "bis", "ab", "von", "vor"]
                .iter()
                .any(|w| before.ends_with(w))
            {
                continue;
            }
            best = Some(best.map_or(y, |b| b.max(y)));
        }
    }
    best
}
