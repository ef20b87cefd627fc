//! Date strings → calendar days (`YYYY-MM-DD`) as a reader in Germany sees them: ISO 8601 /
//! RFC 3339 timestamps (converted to Europe/Berlin when they carry an offset or `Z`), RFC 2822,
//! German ("15. Oktober 2019", "15. Okt. 2019", "12.03.2024") and English ("October 15, 2019")
//! dates, slash dates read by the page's locale, and relative dates ("vor 3 Stunden",
//! "gestern") against a fetch time. It parses strings only; where they come from and which
//! one wins is decided in `mod.rs`.

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};
use regex::Regex;

static WORDS: &str = include_str!("../../../../data/date_words.tsv");

struct Words {
    months: HashMap<String, i8>,
    units: HashMap<String, i64>,
    days: HashMap<String, i64>,
}

static WORD_TABLE: LazyLock<Words> = LazyLock::new(|| {
    let mut w = Words {
        months: HashMap::new(),
        units: HashMap::new(),
        days: HashMap::new(),
    };
    for line in WORDS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
    {
        let mut cols = line.split('\t');
        let (Some(kind), Some(value), Some(forms)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let Ok(value) = value.trim().parse::<i64>() else {
            continue;
        };
        for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
            match kind {
                "month" => {
                    w.months.insert(form.to_string(), value as i8);
                }
                "unit" => {
                    w.units.insert(form.to_string(), value);
                }
                "day" => {
                    w.days.insert(form.to_string(), value);
                }
                _ => {}
            }
        }
    }
    w
});

static BERLIN: LazyLock<TimeZone> =
    LazyLock::new(|| TimeZone::get("Europe/Berlin").unwrap_or(TimeZone::UTC));

/// Calendar day of a timestamp in Germany.
pub fn berlin_day(ts: Timestamp) -> Date {
    ts.to_zoned(BERLIN.clone()).date()
}

/// Formats a date as `YYYY-MM-DD`.
pub fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Years outside this range are not publication dates of web pages.
fn plausible(d: Date) -> bool {
    (1990..=2100).contains(&d.year())
}

fn date(y: i64, m: i64, d: i64) -> Option<Date> {
    let y = if y < 100 { y + 2000 } else { y };
    let d = Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    plausible(d).then_some(d)
}

fn num(s: Option<regex::Match>) -> Option<i64> {
    s?.as_str().parse().ok()
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b(\d{4})-(\d{1,2})-(\d{1,2})
          (?:[T\x20](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*
             (Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    )
    .expect("ISO regex")
});

/// `20191015` (a common `<meta name=date>` form) as the whole value.
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:\d{4,6})?$").expect("date regex"));

static SLASH_YMD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b").expect("date regex"));

/// `12.03.2024`, `1.3.2024`, `12.03.24` (the two-digit year only after a full day and month).
static GERMAN_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?:[^\d.]|\.(?:\D|$)|$)")
        .expect("date regex")
});

/// `11/01/2023`: ambiguous between DD/MM and MM/DD.
static SLASH_DMY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d/])(\d{1,2})/(\d{1,2})/(\d{4})\b").expect("date regex"));

/// `15. Oktober 2019`, `15. Okt. 2019`, `15 October 2019`, `Oktober 2019` is not a day.
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:\.|st|nd|rd|th)?\s*(\p{L}{3,9})\.?,?\s+(\d{4})\b")
        .expect("date regex")
});

/// `October 15, 2019`, `Oct. 15 2019`.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("date regex")
});

/// RFC 2822 time after a day-month-year: `15 Oct 2019 10:00:00 +0200`.
static RFC2822_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{4})").expect("date regex")
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bvor\s+(\d{1,3}|einer?|einem)\s+(\p{L}+)\b").expect("date regex")
});

static RELATIVE_EN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\d{1,3}|an?)\s+(\p{L}+)\s+ago\b").expect("date regex"));

fn offset_seconds(s: &str) -> Option<i32> {
    match s {
        "Z" | "UTC" | "GMT" => return Some(0),
        _ => {}
    }
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits.get(..2)?.parse::<i32>().ok()?,
            digits.get(2..)?.parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// A date with a time and offset → the Berlin day; without an offset → the date as written.
fn with_time(d: Date, hms: Option<(i64, i64, i64)>, offset: Option<&str>) -> Option<Date> {
    let (Some((h, mi, s)), Some(off)) = (hms, offset) else {
        return Some(d);
    };
    let secs = offset_seconds(off)?;
    let dt = DateTime::from_parts(
        d,
        jiff::civil::Time::new(
            i8::try_from(h).ok()?,
            i8::try_from(mi).ok()?,
            i8::try_from(s.min(59)).ok()?,
            0,
        )
        .ok()?,
    );
    let offset = Offset::from_seconds(secs).ok()?;
    let ts = offset.to_timestamp(dt).ok()?;
    let day = berlin_day(ts);
    plausible(day).then_some(day)
}

fn month_number(word: &str) -> Option<i8> {
    let lower = word.to_lowercase();
    WORD_TABLE.months.get(lower.trim_end_matches('.')).copied()
}

/// Parses a machine-readable date value (JSON-LD, `<meta content>`, `<time datetime>`):
/// ISO 8601 first, then the human forms.
pub fn parse_machine(value: &str) -> Option<Date> {
    let v = value.trim();
    if let Some(c) = ISO.captures(v) {
        let d = date(num(c.get(1))?, num(c.get(2))?, num(c.get(3))?)?;
        let hms = match (num(c.get(4)), num(c.get(5))) {
            (Some(h), Some(m)) => Some((h, m, num(c.get(6)).unwrap_or(0))),
            _ => None,
        };
        return with_time(d, hms, c.get(7).map(|m| m.as_str()));
    }
    if let Some(c) = COMPACT.captures(v) {
        return date(num(c.get(1))?, num(c.get(2))?, num(c.get(3))?);
    }
    if let Some(c) = SLASH_YMD.captures(v) {
        return date(num(c.get(1))?, num(c.get(2))?, num(c.get(3))?);
    }
    parse_human(v, Locale::Unknown).map(|(d, _)| d)
}

/// How a page writes slash dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    /// German (and most of Europe): DD/MM/YYYY.
    DayFirst,
    /// English (US): MM/DD/YYYY.
    MonthFirst,
    /// Unknown: an ambiguous slash date is skipped.
    Unknown,
}

impl Locale {
    /// From a declared language (`de`, `en-US`, …).
    pub fn from_lang(lang: Option<&str>) -> Locale {
        let Some(l) = lang else {
            return Locale::Unknown;
        };
        let l = l.trim().to_ascii_lowercase();
        if l.starts_with("en-us") || l == "en" {
            Locale::MonthFirst
        } else if l.is_empty() || l.starts_with("en") {
            Locale::Unknown
        } else {
            Locale::DayFirst
        }
    }
}

/// What kind of date text a match was: the unambiguous German and named-month forms beat an
/// ambiguous slash date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// 11/01/2023 read by locale.
    AmbiguousSlash,
    /// 13/01/2023, 2023/01/11.
    Slash,
    /// 12.03.2024.
    GermanNumeric,
    /// 15. Oktober 2019, October 15, 2019, ISO.
    Named,
}

/// The first date in a human-written string, with its form and byte position.
pub fn parse_human(text: &str, locale: Locale) -> Option<(Date, Form)> {
    find_all(text, locale)
        .into_iter()
        .next()
        .map(|(d, f, _)| (d, f))
}

/// Every date in a human-written string, in text order: `(date, form, byte offset)`.
pub fn find_all(text: &str, locale: Locale) -> Vec<(Date, Form, usize)> {
    find_all_in(text, locale, false)
}

/// Like [`find_all`]; `date_element` says the text is all an element marked as a date
/// (class "date", `<time>`), where a short "2.11.22" is a date and not a version number.
pub fn find_all_in(text: &str, locale: Locale, date_element: bool) -> Vec<(Date, Form, usize)> {
    let mut out = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    for c in ISO.captures_iter(text) {
        if let (Some(y), Some(m), Some(d), Some(all)) =
            (num(c.get(1)), num(c.get(2)), num(c.get(3)), c.get(0))
        {
            let hms = match (num(c.get(4)), num(c.get(5))) {
                (Some(h), Some(mi)) => Some((h, mi, num(c.get(6)).unwrap_or(0))),
                _ => None,
            };
            if let Some(day) =
                date(y, m, d).and_then(|d| with_time(d, hms, c.get(7).map(|m| m.as_str())))
            {
                out.push((day, Form::Named, all.start()));
            }
        }
    }
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        if let (Some(d), Some(mw), Some(y), Some(all)) =
            (num(c.get(1)), c.get(2), num(c.get(3)), c.get(0))
            && let Some(m) = month_number(mw.as_str())
            && let Some(mut day) = date(y, i64::from(m), d)
        {
            // RFC 2822 "Tue, 15 Oct 2019 23:30:00 +0000": convert the time too.
            if let Some(t) = RFC2822_TIME.captures(&text[all.end()..])
                && let (Some(h), Some(mi)) = (num(t.get(1)), num(t.get(2)))
            {
                let hms = (h, mi, num(t.get(3)).unwrap_or(0));
                if let Some(d2) = with_time(day, Some(hms), t.get(4).map(|m| m.as_str())) {
                    day = d2;
                }
            }
            out.push((day, Form::Named, all.start()));
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        if let (Some(mw), Some(d), Some(y), Some(all)) =
            (c.get(1), num(c.get(2)), num(c.get(3)), c.get(0))
            && let Some(m) = month_number(mw.as_str())
            && let Some(day) = date(y, i64::from(m), d)
        {
            out.push((day, Form::Named, all.start()));
        }
    }
    for c in GERMAN_NUMERIC.captures_iter(text) {
        if let (Some(d), Some(m), Some(ys), Some(all)) =
            (num(c.get(1)), num(c.get(2)), c.get(3), c.get(1))
        {
            // A two-digit year only in "DD.MM.YY" with a two-digit day and month, or in a
            // date element.
            if ys.as_str().len() == 2
                && !date_element
                && (c.get(1).map(|x| x.len()) != Some(2) || c.get(2).map(|x| x.len()) != Some(2))
            {
                continue;
            }
            if let Some(y) = ys.as_str().parse::<i64>().ok()
                && let Some(day) = date(y, m, d)
            {
                out.push((day, Form::GermanNumeric, all.start()));
            }
        }
    }
    for c in SLASH_YMD.captures_iter(text) {
        if let (Some(y), Some(m), Some(d), Some(all)) =
            (num(c.get(1)), num(c.get(2)), num(c.get(3)), c.get(0))
            && let Some(day) = date(y, m, d)
        {
            out.push((day, Form::Slash, all.start()));
        }
    }
    for c in SLASH_DMY.captures_iter(text) {
        if let (Some(a), Some(b), Some(y), Some(all)) =
            (num(c.get(1)), num(c.get(2)), num(c.get(3)), c.get(1))
        {
            let read = if a > 12 && b <= 12 {
                date(y, b, a).map(|d| (d, Form::Slash))
            } else if b > 12 && a <= 12 {
                date(y, a, b).map(|d| (d, Form::Slash))
            } else if a == b {
                date(y, a, b).map(|d| (d, Form::Slash))
            } else {
                match locale {
                    Locale::DayFirst => date(y, b, a).map(|d| (d, Form::AmbiguousSlash)),
                    Locale::MonthFirst => date(y, a, b).map(|d| (d, Form::AmbiguousSlash)),
                    Locale::Unknown => None,
                }
            };
            if let Some((d, f)) = read {
                out.push((d, f, all.start()));
            }
        }
    }
    out.sort_by_key(|&(_, _, pos)| pos);
    out.dedup_by_key(|&mut (_, _, pos)| pos);
    out
}

/// A relative date ("vor 3 Stunden", "vor einem Tag", "gestern, 14:05 Uhr", "heute",
/// "2 days ago") in a short text, resolved against the fetch time in Berlin. Only the whole
/// short text counts: "heute" inside a sentence is not a date.
pub fn parse_relative(text: &str, fetched_at: Timestamp) -> Option<Date> {
    let t = text.trim();
    if t.chars().count() > 40 {
        return None;
    }
    let words = &*WORD_TABLE;
    let lower = t.to_lowercase();
    let first = lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?;
    let now = fetched_at.to_zoned(BERLIN.clone());
    if let Some(&back) = words.days.get(first) {
        // "gestern", "heute, 14:05 Uhr", "Gestern 10:00" — nothing else but a time may follow.
        let rest = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
        let rest = rest.get(first.len()..).unwrap_or("");
        if rest
            .chars()
            .all(|c| c.is_ascii_digit() || " ,.:-|".contains(c) || "uhr".contains(c))
        {
            return now.date().checked_sub(back.days()).ok();
        }
        return None;
    }
    let (n, unit) = if let Some(c) = RELATIVE.captures(&lower) {
        (
            c.get(1)?.as_str().to_string(),
            c.get(2)?.as_str().to_string(),
        )
    } else if let Some(c) = RELATIVE_EN.captures(&lower) {
        (
            c.get(1)?.as_str().to_string(),
            c.get(2)?.as_str().to_string(),
        )
    } else {
        return None;
    };
    let n: i64 = n.parse().unwrap_or(1);
    let secs = words.units.get(unit.as_str())?;
    let ts = fetched_at.checked_sub((n * secs).seconds()).ok()?;
    Some(berlin_day(ts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<String> {
        parse_machine(s).map(ymd)
    }

    fn h(s: &str, l: Locale) -> Option<String> {
        parse_human(s, l).map(|(d, _)| ymd(d))
    }

    #[test]
    fn utc_is_converted_to_berlin_around_midnight() {
        assert_eq!(m("2022-11-06T23:00:00Z").as_deref(), Some("2022-11-07"));
        assert_eq!(m("2022-11-06T22:59:59Z").as_deref(), Some("2022-11-06"));
        assert_eq!(
            m("2022-11-06T23:30:00+00:00").as_deref(),
            Some("2022-11-07")
        );
        assert_eq!(
            m("2022-11-07T00:30:00+01:00").as_deref(),
            Some("2022-11-07")
        );
        assert_eq!(m("2022-11-06T18:00:00-0500").as_deref(), Some("2022-11-07"));
    }

    #[test]
    fn dst_moves_the_midnight_boundary() {
        // Summer time (CEST, UTC+2): 22:00 UTC is already the next day.
        assert_eq!(m("2023-07-01T22:00:00Z").as_deref(), Some("2023-07-02"));
        assert_eq!(m("2023-07-01T21:59:00Z").as_deref(), Some("2023-07-01"));
        // Winter time (CET, UTC+1): 22:30 UTC is still the same day.
        assert_eq!(m("2023-01-01T22:30:00Z").as_deref(), Some("2023-01-01"));
        // The night of the switch to summer time (26 March 2023, 01:00 UTC).
        assert_eq!(m("2023-03-25T23:30:00Z").as_deref(), Some("2023-03-26"));
    }

    #[test]
    fn a_date_without_time_or_offset_stays_as_written() {
        assert_eq!(m("2022-11-06").as_deref(), Some("2022-11-06"));
        assert_eq!(m("2022-11-06T23:30:00").as_deref(), Some("2022-11-06"));
        assert_eq!(m("2022-11-06 23:30").as_deref(), Some("2022-11-06"));
        assert_eq!(m("20191015").as_deref(), Some("2019-10-15"));
    }

    #[test]
    fn rfc2822_and_human_forms_in_machine_values() {
        assert_eq!(
            m("Tue, 15 Oct 2019 23:30:00 +0000").as_deref(),
            Some("2019-10-16")
        );
        assert_eq!(m("15. Oktober 2019").as_deref(), Some("2019-10-15"));
        assert_eq!(m("October 15, 2019").as_deref(), Some("2019-10-15"));
    }

    #[test]
    fn must_not_parse_nonsense() {
        assert_eq!(m("2019-13-45"), None);
        assert_eq!(m("not a date"), None);
        assert_eq!(m("1850-01-01"), None);
        assert_eq!(m(""), None);
        assert_eq!(h("Seite 12 von 2019 Treffern", Locale::DayFirst), None);
        assert_eq!(h("15. Apfel 2019", Locale::DayFirst), None);
    }

    #[test]
    fn german_visible_dates() {
        let l = Locale::DayFirst;
        assert_eq!(h("15. Oktober 2019", l).as_deref(), Some("2019-10-15"));
        assert_eq!(
            h("am 15. Okt. 2019 um 10 Uhr", l).as_deref(),
            Some("2019-10-15")
        );
        assert_eq!(h("3. März 2020", l).as_deref(), Some("2020-03-03"));
        assert_eq!(
            h("Stand: 12.03.2024, 14:05 Uhr", l).as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(h("12.03.2024", l).as_deref(), Some("2024-03-12"));
        assert_eq!(
            h("Veröffentlicht am 1.3.2024", l).as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(h("12.03.24", l).as_deref(), Some("2024-03-12"));
        // "2.11.22" is a date only in an element marked as one.
        assert_eq!(h("Version 2.11.22", l), None);
        let first = |t: &str| find_all_in(t, l, true).first().map(|&(d, _, _)| ymd(d));
        assert_eq!(first("Kultur, 2.11.22").as_deref(), Some("2022-11-02"));
    }

    #[test]
    fn slash_dates_follow_the_locale_only_when_ambiguous() {
        assert_eq!(
            h("11/01/2023", Locale::DayFirst).as_deref(),
            Some("2023-01-11")
        );
        assert_eq!(
            h("11/01/2023", Locale::MonthFirst).as_deref(),
            Some("2023-11-01")
        );
        assert_eq!(h("11/01/2023", Locale::Unknown), None);
        assert_eq!(
            h("13/01/2023", Locale::MonthFirst).as_deref(),
            Some("2023-01-13")
        );
        assert_eq!(
            h("01/13/2023", Locale::DayFirst).as_deref(),
            Some("2023-01-13")
        );
        assert_eq!(
            parse_human("11/01/2023", Locale::DayFirst).map(|(_, f)| f),
            Some(Form::AmbiguousSlash)
        );
    }

    #[test]
    fn relative_dates_against_the_fetch_time() {
        // 2024-03-12 00:30 in Berlin (CET) is 2024-03-11 23:30 UTC.
        let at: Timestamp = "2024-03-11T23:30:00Z".parse().expect("date regex");
        let r = |s: &str| parse_relative(s, at).map(ymd);
        assert_eq!(r("vor 3 Stunden").as_deref(), Some("2024-03-11"));
        assert_eq!(r("vor 10 Minuten").as_deref(), Some("2024-03-12"));
        assert_eq!(r("vor 2 Tagen").as_deref(), Some("2024-03-10"));
        assert_eq!(r("vor einer Stunde").as_deref(), Some("2024-03-11"));
        assert_eq!(r("Gestern, 14:05 Uhr").as_deref(), Some("2024-03-11"));
        assert_eq!(r("heute").as_deref(), Some("2024-03-12"));
        assert_eq!(r("2 days ago").as_deref(), Some("2024-03-10"));
        // must not: "heute" in a sentence, unknown units, long texts.
        assert_eq!(r("heute wird gewählt"), None);
        assert_eq!(r("vor 3 Häusern"), None);
        assert_eq!(
            r("Die Sitzung begann vor 3 Stunden und dauert noch immer an, sagte er."),
            None
        );
    }
}
