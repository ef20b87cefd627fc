//! JSON input: a `.json` file holds one record object or an array of them, a `.jsonl` file one
//! object per line. A record needs `text` (a string); `title`, `url`, `published` and `id` are
//! optional. A bad record becomes an error naming the file and line, and the others go on.
//! This module reads records only; it does not fetch URLs or interpret the text.

use serde_json::{Map, Value};

use super::{Failure, Item, Kind, SourceError};
use crate::Document;

/// Records from a `.json` file (or stdin): one object, or an array of objects.
/// `warnings` (from decoding) are copied into every document.
pub fn parse_json(text: &str, path: &str, warnings: &[String]) -> Vec<Item> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![Err(json_failure(path, None, &e))],
    };
    match value {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(index, v)| {
                record(v, path, warnings).map_err(|error| {
                    let error = SourceError::ArrayElement {
                        index,
                        source: Box::new(error),
                    };
                    Failure::new(path, None, error)
                })
            })
            .collect(),
        v => vec![record(v, path, warnings).map_err(|e| Failure::new(path, None, e))],
    }
}

/// Records from a `.jsonl` file: one object per non-blank line; errors carry the line number.
pub fn parse_jsonl(text: &str, path: &str, warnings: &[String]) -> Vec<Item> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let line_no = i + 1;
            let value: Value =
                serde_json::from_str(line).map_err(|e| json_failure(path, Some(line_no), &e))?;
            record(value, path, warnings).map_err(|e| Failure::new(path, Some(line_no), e))
        })
        .collect()
}

/// Whether stdin holds JSON records: `Json` when it parses as an object or an array of
/// objects, `JsonLines` when its first non-blank line is an object, `None` for text.
pub fn sniff(text: &str) -> Option<Kind> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with(['{', '[']) {
        return None;
    }
    match serde_json::from_str::<Value>(trimmed) {
        Ok(Value::Object(_)) => return Some(Kind::Json),
        Ok(Value::Array(items)) if !items.is_empty() && items.iter().all(Value::is_object) => {
            return Some(Kind::Json);
        }
        _ => {}
    }
    // JSON Lines when the first line is an object; later bad lines become per-line errors.
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    matches!(serde_json::from_str::<Value>(first), Ok(Value::Object(_))).then_some(Kind::JsonLines)
}

fn json_failure(path: &str, line: Option<usize>, e: &serde_json::Error) -> Failure {
    // In a JSONL file serde's line is always 1: report the file's line and serde's column.
    let (line, message) = match line {
        Some(l) => (
            Some(l),
            format!("{} at column {}", strip_position(e), e.column()),
        ),
        None if e.line() > 0 => (
            Some(e.line()),
            format!("{} at column {}", strip_position(e), e.column()),
        ),
        None => (None, e.to_string()),
    };
    Failure::new(path, line, SourceError::Json(message))
}

/// serde_json's message without its " at line L column C" suffix.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One record object → a document.
fn record(value: Value, path: &str, warnings: &[String]) -> Result<Document, SourceError> {
    let mut obj = match value {
        Value::Object(o) => o,
        other => return Err(SourceError::NotAnObject(type_name(&other))),
    };
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => return Err(SourceError::MissingText),
        Some(other) => return Err(SourceError::TextNotString(type_name(&other))),
    };
    let mut warnings = warnings.to_vec();
    let title = optional_string(&mut obj, "title", &mut warnings);
    let url = optional_string(&mut obj, "url", &mut warnings);
    let id = match obj.remove("id") {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) => Some(s),
        None | Some(Value::Null) => None,
        Some(other) => {
            warnings.push(format!(
                "field \"id\" is {}, not a string or number; ignored",
                type_name(&other)
            ));
            None
        }
    };
    let published = optional_string(&mut obj, "published", &mut warnings).and_then(|p| {
        let date = published_date(&p);
        if date.is_none() {
            warnings.push(format!(
                "field \"published\" {p:?} is not YYYY-MM-DD or an RFC 3339 timestamp; ignored"
            ));
        }
        date
    });
    Ok(Document {
        text,
        title,
        path: Some(path.to_string()),
        url,
        published,
        id,
        warnings,
        ..Document::default()
    })
}

fn optional_string(
    obj: &mut Map<String, Value>,
    key: &str,
    warnings: &mut Vec<String>,
) -> Option<String> {
    match obj.remove(key) {
        Some(Value::String(s)) => Some(s),
        None | Some(Value::Null) => None,
        Some(other) => {
            warnings.push(format!(
                "field \"{key}\" is {}, not a string; ignored",
                type_name(&other)
            ));
            None
        }
    }
}

/// `YYYY-MM-DD`, or the date of an RFC 3339 timestamp (`2024-05-17T09:30:00+02:00`).
pub fn published_date(s: &str) -> Option<String> {
    let s = s.trim();
    let date = s.get(..10)?;
    if !valid_date(date) {
        return None;
    }
    let rest = &s[10..];
    if rest.is_empty() || valid_rfc3339_time(rest) {
        Some(date.to_string())
    } else {
        None
    }
}

/// The value of a short run of ASCII digits. Works on bytes, so that no slice can split a char.
fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 4 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(day)) = (digits(&b[..4]), digits(&b[5..7]), digits(&b[8..])) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `THH:MM:SS[.frac](Z|±HH:MM)` (RFC 3339 also allows `t`, and a space in place of `T`).
fn valid_rfc3339_time(rest: &str) -> bool {
    let Some(t) = rest.strip_prefix(['T', 't', ' ']) else {
        return false;
    };
    let b = t.as_bytes();
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(h), Some(mi), Some(sec)) = (digits(&b[..2]), digits(&b[3..5]), digits(&b[6..8]))
    else {
        return false;
    };
    if h > 23 || mi > 59 || sec > 60 {
        return false;
    }
    let mut zone = &t[8..]; // bytes 6 and 7 are ASCII digits: 8 is a char boundary
    if let Some(frac) = zone.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        zone = &frac[n..];
    }
    if zone == "Z" || zone == "z" {
        return true;
    }
    let Some(off) = zone.strip_prefix(['+', '-']) else {
        return false;
    };
    let ob = off.as_bytes();
    ob.len() == 5
        && ob[2] == b':'
        && digits(&ob[..2]).is_some_and(|h| h <= 23)
        && digits(&ob[3..]).is_some_and(|m| m <= 59)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(published_date("2024-05-17").as_deref(), Some("2024-05-17"));
        assert_eq!(
            published_date("2024-05-17T09:30:00+02:00").as_deref(),
            Some("2024-05-17")
        );
        assert_eq!(
            published_date("2024-02-29T09:30:00.123Z").as_deref(),
            Some("2024-02-29")
        );
        let odd = [
            "2024-05-17T12:30:0é",
            "2024-05-17Tü2:30:00Z",
            "2024-05-1é",
            "é",
            "2024-05-17T12:30:00+0é:00",
        ];
        for bad in odd {
            assert_eq!(published_date(bad), None, "{bad}");
        }
        for bad in [
            "2023-02-29",
            "17.05.2024",
            "2024-05",
            "2024-05-17T9:30",
            "2024-13-01",
            "",
            "2024-05-17 x",
        ] {
            assert_eq!(published_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn records_and_errors() {
        let items = parse_jsonl(
            "{\"text\":\"a\",\"id\":7}\n\n{\"title\":\"x\"}\nnot json\n[1]\n",
            "f.jsonl",
            &[],
        );
        assert_eq!(items.len(), 4);
        let doc = items[0].as_ref().unwrap();
        assert_eq!(
            (doc.text.as_str(), doc.id.as_deref(), doc.path.as_deref()),
            ("a", Some("7"), Some("f.jsonl"))
        );
        let lines: Vec<_> = items[1..]
            .iter()
            .map(|i| i.as_ref().unwrap_err().line)
            .collect();
        assert_eq!(lines, vec![Some(3), Some(4), Some(5)]);
        assert!(matches!(
            items[1].as_ref().unwrap_err().error,
            SourceError::MissingText
        ));
    }

    #[test]
    fn bad_published_is_a_warning() {
        let items = parse_json(r#"{"text":"a","published":"gestern"}"#, "f.json", &[]);
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.published, None);
        assert_eq!(doc.warnings.len(), 1);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff("{\"text\": \"x\"}"), Some(Kind::Json));
        assert_eq!(sniff("[{\"text\": \"x\"}]"), Some(Kind::Json));
        assert_eq!(
            sniff("{\"text\": \"x\"}\n{\"text\": \"y\"}\n"),
            Some(Kind::JsonLines)
        );
        assert_eq!(sniff("[Anzeige] Leipzig"), None);
        assert_eq!(sniff("Leipzig belegt Platz 12."), None);
    }
}
