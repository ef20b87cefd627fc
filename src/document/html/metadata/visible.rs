//! Dates and bylines in the visible text, for pages whose markup says nothing: "15. Oktober
//! 2019", "Stand: 12.03.2024, 14:05 Uhr", "vor 3 Stunden" (only with a fetch time), "Von Max
//! Mustermann". It prefers texts in date/byline-classed elements and in the article over the
//! rest, and never reads navigation, footers or comments (the walk leaves those out).

use jiff::Timestamp;
use jiff::civil::Date;

use super::dates::{self, Form, Locale};
use super::tags::Snippet;

/// The publication date shown in the page: the first date of the best-placed texts.
/// An ambiguous slash date is dropped as soon as the page writes any unambiguous date.
pub fn date(snippets: &[Snippet], locale: Locale, fetched_at: Option<Timestamp>) -> Option<Date> {
    // (tier, date, form); lower tier wins, then the earlier text.
    let mut best: Option<(u8, Date, Form)> = None;
    let mut unambiguous_seen = false;
    let mut ambiguous: Option<(u8, Date)> = None;
    for s in snippets {
        let tier = match (s.ctx.date_hint, s.ctx.article) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        };
        if let Some(at) = fetched_at
            && (s.ctx.date_hint || s.text.len() < 40)
            && let Some(d) = dates::parse_relative(&s.text, at)
        {
            if best.is_none_or(|(t, _, _)| tier < t) {
                best = Some((tier, d, Form::Named));
            }
            continue;
        }
        for (d, form, _) in dates::find_all_in(&s.text, locale, s.ctx.date_hint) {
            if form == Form::AmbiguousSlash {
                if ambiguous.is_none_or(|(t, _)| tier < t) {
                    ambiguous = Some((tier, d));
                }
                continue;
            }
            unambiguous_seen = true;
            if best.is_none_or(|(t, _, _)| tier < t) {
                best = Some((tier, d, form));
            }
            break;
        }
    }
    match best {
        Some((_, d, _)) => Some(d),
        None if !unambiguous_seen => ambiguous.map(|(_, d)| d),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::Context;
    use super::*;

    fn snip(text: &str, date_hint: bool, article: bool) -> Snippet {
        Snippet {
            text: text.to_string(),
            ctx: Context {
                date_hint,
                article,
                ..Context::default()
            },
        }
    }

    fn ymd(d: Option<Date>) -> Option<String> {
        d.map(dates::ymd)
    }

    #[test]
    fn a_german_date_beats_an_ambiguous_slash_date() {
        let s = [
            snip("11/01/2023", true, true),
            snip("Stand: 12.03.2024, 14:05 Uhr", false, true),
        ];
        assert_eq!(
            ymd(date(&s, Locale::MonthFirst, None)).as_deref(),
            Some("2024-03-12")
        );
        let s = [snip("11/01/2023", true, true)];
        assert_eq!(
            ymd(date(&s, Locale::DayFirst, None)).as_deref(),
            Some("2023-01-11")
        );
        assert_eq!(ymd(date(&s, Locale::Unknown, None)), None);
    }

    #[test]
    fn date_hinted_texts_win() {
        let s = [
            snip("Am 1. Mai 2019 begann der Umbau.", false, true),
            snip("15. Oktober 2019", true, true),
        ];
        assert_eq!(
            ymd(date(&s, Locale::DayFirst, None)).as_deref(),
            Some("2019-10-15")
        );
    }

    #[test]
    fn relative_dates_only_with_a_fetch_time() {
        let s = [snip("vor 2 Tagen", true, true)];
        assert_eq!(ymd(date(&s, Locale::DayFirst, None)), None);
        let at: Timestamp = "2024-03-12T10:00:00Z"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            ymd(date(&s, Locale::DayFirst, Some(at))).as_deref(),
            Some("2024-03-10")
        );
    }
}
