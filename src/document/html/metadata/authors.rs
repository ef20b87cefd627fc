//! Author strings → person names: strips "Von"/"By"/"Autor:" prefixes and trailing dates or
//! roles, splits "A und B" / "A, B" / "A & B", drops URLs, handles (@name), e-mail addresses,
//! the site's own name and over-long texts. It cleans strings only; which source wins is
//! decided in `mod.rs`.

const PREFIXES: &[&str] = &[
    "geschrieben von",
    "verfasst von",
    "veröffentlicht von",
    "ein beitrag von",
    "ein artikel von",
    "ein kommentar von",
    "ein gastbeitrag von",
    "gastbeitrag von",
    "beitrag von",
    "artikel von",
    "text und fotos:",
    "text:",
    "autorin:",
    "autor:",
    "autoren:",
    "author:",
    "authors:",
    "posted by",
    "written by",
    "von",
    "by",
];

/// Words after which the rest of a byline is not a name ("Von Max Muster am 3. Mai", "… | 12:00").
const CUTS: &[&str] = &[
    " am ",
    " on ",
    " um ",
    " | ",
    " • ",
    " · ",
    " – ",
    " — ",
    " - ",
    " / ",
    "(",
    "\n",
    " veröffentlicht",
    " aktualisiert",
    " published",
    " updated",
    " posted",
    " mit material",
    " in ",
    " im ",
    " für ",
];

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) && head.to_lowercase() != prefix {
        return None;
    }
    let rest = s.get(prefix.len()..)?;
    // "von" must be a whole word: "Vonhoff" is a name.
    if prefix.ends_with(|c: char| c.is_alphabetic())
        && rest.starts_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    Some(rest.trim_start_matches([' ', ':', '\u{a0}']))
}

/// Whether a piece looks like a name: letters, at most six words, no digits, no URL.
fn name_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=6).contains(&words)
        && s.chars().count() <= 60
        && s.chars().any(char::is_alphabetic)
        && !s.chars().any(|c| {
            c.is_ascii_digit() || matches!(c, '@' | '/' | '=' | '?' | '{' | '}' | '<' | '>')
        })
        && !s.contains("http")
        && !s.contains("www.")
}

/// Cleans one raw author value into names. `site` is the site name: an author equal to it is
/// the organisation, not a person, and dropped.
pub fn clean(raw: &str, site: Option<&str>) -> Vec<String> {
    let mut s = raw.trim();
    if s.starts_with("http") || s.contains("://") || s.split_whitespace().count() > 12 {
        return Vec::new();
    }
    loop {
        let before = s;
        for p in PREFIXES {
            if let Some(rest) = strip_prefix_ci(s, p) {
                s = rest;
                break;
            }
        }
        if before == s {
            break;
        }
    }
    let mut cut = s.len();
    let lower = s.to_lowercase();
    if lower.len() == s.len() {
        for c in CUTS {
            if let Some(i) = lower.find(c)
                && i > 0
            {
                cut = cut.min(i);
            }
        }
    }
    let s = s.get(..cut).unwrap_or(s);
    let mut out: Vec<String> = Vec::new();
    for part in split(s) {
        let p = part
            .trim()
            .trim_matches(|c: char| {
                c.is_whitespace()
                    || matches!(c, ',' | ';' | ':' | '.' | '|' | '"' | '«' | '»' | '„' | '“')
            })
            .to_string();
        if p.is_empty() || !name_like(&p) {
            continue;
        }
        if site.is_some_and(|site| site.eq_ignore_ascii_case(&p)) {
            continue;
        }
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&p)) {
            out.push(p);
        }
    }
    out
}

fn split(s: &str) -> Vec<&str> {
    let mut parts = vec![s];
    for sep in [";", ",", " und ", " and ", " & ", " u. "] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
}

/// Merges names from several values, keeping order and dropping case-insensitive repeats.
pub fn merge(into: &mut Vec<String>, more: Vec<String>) {
    for m in more {
        if !into.iter().any(|o| o.eq_ignore_ascii_case(&m)) {
            into.push(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_become_names() {
        assert_eq!(clean("Von Max Mustermann", None), vec!["Max Mustermann"]);
        assert_eq!(
            clean("von Anna Schmidt und Eva Weber", None),
            vec!["Anna Schmidt", "Eva Weber"]
        );
        assert_eq!(
            clean("By Jane Doe, John Roe", None),
            vec!["Jane Doe", "John Roe"]
        );
        assert_eq!(
            clean("Autor: Karl Kurz | 12.03.2024", None),
            vec!["Karl Kurz"]
        );
        assert_eq!(
            clean("Max Muster am 15. Oktober 2019", None),
            vec!["Max Muster"]
        );
        assert_eq!(clean("Vonhoff", None), vec!["Vonhoff"]);
    }

    #[test]
    fn must_not_keep_urls_sites_or_sentences() {
        assert!(clean("https://www.facebook.com/max.muster", None).is_empty());
        assert!(clean("Stadtanzeiger", Some("stadtanzeiger")).is_empty());
        assert!(
            clean("Dies ist ein sehr langer Satz, der kein Name ist und viele Wörter hat und noch mehr", None)
                .is_empty()
        );
        assert!(clean("12:30", None).is_empty());
    }
}
