//! JSON-LD (`<script type="application/ld+json">`): the article object (`NewsArticle`,
//! `Article`, `BlogPosting`, … — `@type` as a string or an array, at the top level, in an
//! array or in `@graph`) and what it says: headline, authors, dates, publisher, URL, access.
//! Broken JSON (trailing commas, HTML comments, raw control characters) is repaired where
//! that is easy and skipped otherwise. It reads script texts only; no DOM, no priorities.

use serde_json::Value;

/// What the JSON-LD blocks of a page say. Strings are raw (trimmed, not yet parsed as dates).
#[derive(Debug, Default, Clone)]
pub struct JsonLd {
    pub headline: Option<String>,
    /// `name` of the article object (weaker than `headline`).
    pub name: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    /// `dateCreated` / `uploadDate`: weaker than `datePublished`.
    pub created: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    /// `WebSite.name`.
    pub website: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
    /// `isAccessibleForFree` of the article: `Some(false)` is a paywall.
    pub free: Option<bool>,
    /// Whether an article object was found (not only a `WebPage`).
    pub is_article: bool,
    /// Every `@type` seen, e.g. to tell listings (`ItemList`, `CollectionPage`).
    pub types: Vec<String>,
    /// Dates of a `WebPage` object: used only when there is no article object.
    page_published: Option<String>,
    page_modified: Option<String>,
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || matches!(t, "Report" | "Review")
}

fn types(obj: &serde_json::Map<String, Value>) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .map(|t| t.rsplit(['/', ':']).next().unwrap_or(t))
    .collect()
}

fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Array(a) => return a.iter().find_map(|x| text(Some(x))),
        Value::Object(o) => return text(o.get("name").or_else(|| o.get("@value"))),
        _ => return None,
    };
    let s = super::clean_text(s);
    (!s.is_empty()).then_some(s)
}

fn url(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if s.starts_with("http") => Some(s.trim().to_string()),
        Value::Object(o) => url(o.get("@id").or_else(|| o.get("url"))),
        Value::Array(a) => a.iter().find_map(|x| url(Some(x))),
        _ => None,
    }
}

fn names(v: Option<&Value>, out: &mut Vec<String>) {
    let Some(v) = v else { return };
    match v {
        Value::String(s) => {
            let s = super::clean_text(s);
            if !s.is_empty() {
                out.push(s);
            }
        }
        Value::Array(a) => {
            for x in a {
                if let Value::Array(_) = x {
                    continue; // no deeper nesting
                }
                names(Some(x), out);
            }
        }
        Value::Object(o) => {
            if let Some(n) = text(o.get("name")) {
                out.push(n);
            } else if let (Some(g), Some(f)) = (text(o.get("givenName")), text(o.get("familyName")))
            {
                out.push(format!("{g} {f}"));
            }
        }
        _ => {}
    }
}

/// Makes common breakage parseable: HTML comments and CDATA markers around the JSON, raw
/// control characters inside strings, trailing commas before `}` or `]`.
fn repair(raw: &str) -> String {
    let s = raw
        .replace("<!--", "")
        .replace("-->", "")
        .replace("<![CDATA[", "")
        .replace("]]>", "");
    let s = s.trim().trim_start_matches("//").trim();
    let mut out = String::with_capacity(s.len());
    let mut in_str = false;
    let mut escaped = false;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_str {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            out.push(if c.is_control() { ' ' } else { c });
            continue;
        }
        match c {
            '"' => in_str = true,
            ',' => {
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                if matches!(next, Some('}' | ']') | None) {
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    // A trailing ";" after the object (as in JavaScript) is not JSON either.
    while out.ends_with([';', ' ', '\n']) {
        out.pop();
    }
    out
}

fn parse(raw: &str) -> Option<Value> {
    serde_json::from_str(raw)
        .ok()
        .or_else(|| serde_json::from_str(&repair(raw)).ok())
}

/// Reads the JSON-LD blocks of a page, in document order. The first article object wins;
/// later blocks only fill what it lacks.
pub fn read<'a>(scripts: impl IntoIterator<Item = &'a str>) -> JsonLd {
    let mut ld = JsonLd::default();
    for raw in scripts {
        let Some(root) = parse(raw) else {
            // Unreadable even after repair: the most useful field by a plain search.
            if ld.published.is_none() {
                ld.published = search_string(raw, "\"datePublished\"");
            }
            continue;
        };
        // Breadth-first over objects (no recursion; serde_json already caps the depth).
        let mut queue: std::collections::VecDeque<&Value> = std::collections::VecDeque::new();
        queue.push_back(&root);
        let mut seen = 0usize;
        while let Some(v) = queue.pop_front() {
            seen += 1;
            if seen > 2000 {
                break;
            }
            match v {
                Value::Array(a) => queue.extend(a.iter()),
                Value::Object(o) => {
                    visit(o, &mut ld);
                    for key in ["@graph", "mainEntity", "itemListElement", "hasPart"] {
                        if let Some(child) = o.get(key) {
                            queue.push_back(child);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    if !ld.is_article {
        ld.published = ld.published.take().or(ld.page_published.take());
        ld.modified = ld.modified.take().or(ld.page_modified.take());
    }
    ld
}

fn visit(o: &serde_json::Map<String, Value>, ld: &mut JsonLd) {
    let ts = types(o);
    for t in &ts {
        if !ld.types.iter().any(|x| x == t) {
            ld.types.push((*t).to_string());
        }
    }
    if ts.iter().any(|t| is_article_type(t)) {
        let first = !ld.is_article;
        ld.is_article = true;
        if first {
            // The first article object decides; fields it lacks stay open for later ones.
            ld.headline = text(o.get("headline")).or(ld.headline.take());
            ld.name = text(o.get("name")).or(ld.name.take());
            let mut authors = Vec::new();
            names(o.get("author"), &mut authors);
            if authors.is_empty() {
                names(o.get("creator"), &mut authors);
            }
            if !authors.is_empty() {
                ld.authors = authors;
            }
            ld.published = text(o.get("datePublished")).or(ld.published.take());
            ld.created = text(o.get("dateCreated"))
                .or_else(|| text(o.get("uploadDate")))
                .or(ld.created.take());
            ld.modified = text(o.get("dateModified")).or(ld.modified.take());
            ld.url = url(o.get("url"))
                .or_else(|| url(o.get("mainEntityOfPage")))
                .or(ld.url.take());
            ld.description = text(o.get("description")).or(ld.description.take());
            if let Some(p) = o.get("publisher") {
                ld.publisher = text(Some(p)).or(ld.publisher.take());
            }
            ld.free = match o.get("isAccessibleForFree") {
                Some(Value::Bool(b)) => Some(*b),
                Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(false),
                Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(true),
                _ => ld.free,
            };
        } else {
            fill(&mut ld.headline, text(o.get("headline")));
            fill(&mut ld.published, text(o.get("datePublished")));
            if ld.authors.is_empty() {
                names(o.get("author"), &mut ld.authors);
            }
        }
        return;
    }
    if ts.contains(&"WebSite") {
        fill(&mut ld.website, text(o.get("name")));
    }
    if ts.iter().any(|t| t.ends_with("Page")) {
        fill(&mut ld.page_published, text(o.get("datePublished")));
        fill(&mut ld.page_modified, text(o.get("dateModified")));
        if ld.authors.is_empty() && !ld.is_article {
            names(o.get("author"), &mut ld.authors);
        }
        if ld.publisher.is_none() {
            ld.publisher = o.get("publisher").and_then(|p| text(Some(p)));
        }
    }
}

fn fill(slot: &mut Option<String>, v: Option<String>) {
    if slot.is_none() {
        *slot = v;
    }
}

/// `"key" : "value"` in text that is not valid JSON.
fn search_string(raw: &str, key: &str) -> Option<String> {
    let at = raw.find(key)? + key.len();
    let rest = raw.get(at..)?.trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    let v = rest.get(..end)?.trim();
    (!v.is_empty() && v.len() < 64).then(|| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> JsonLd {
        read([s])
    }

    #[test]
    fn news_article_with_string_type_and_author_object() {
        let ld = one(
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Neue Brücke",
              "datePublished":"2023-05-04T08:00:00+02:00","author":{"@type":"Person","name":"Anna Schmidt"},
              "publisher":{"@type":"Organization","name":"Stadtanzeiger"},"mainEntityOfPage":{"@id":"https://example.org/a"}}"#,
        );
        assert!(ld.is_article);
        assert_eq!(ld.headline.as_deref(), Some("Neue Brücke"));
        assert_eq!(ld.authors, vec!["Anna Schmidt"]);
        assert_eq!(ld.published.as_deref(), Some("2023-05-04T08:00:00+02:00"));
        assert_eq!(ld.publisher.as_deref(), Some("Stadtanzeiger"));
        assert_eq!(ld.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn type_array_author_array_and_graph() {
        let ld = one(r#"{"@graph":[{"@type":"WebSite","name":"Der Blog"},
               {"@type":["ReportageNewsArticle","Article"],"headline":"Im Hafen",
                "author":["Max Muster",{"name":"Eva Beispiel"}],"dateCreated":"2021-01-02"}]}"#);
        assert!(ld.is_article);
        assert_eq!(ld.headline.as_deref(), Some("Im Hafen"));
        assert_eq!(ld.authors, vec!["Max Muster", "Eva Beispiel"]);
        assert_eq!(ld.published, None);
        assert_eq!(ld.created.as_deref(), Some("2021-01-02"));
        assert_eq!(ld.website.as_deref(), Some("Der Blog"));
    }

    #[test]
    fn top_level_array_and_blog_posting_with_string_author() {
        let ld = one(
            r#"[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"Hallo","author":"Karl Kurz",
               "datePublished":"2020-02-02"}]"#,
        );
        assert_eq!(ld.authors, vec!["Karl Kurz"]);
        assert_eq!(ld.published.as_deref(), Some("2020-02-02"));
    }

    #[test]
    fn broken_json_is_repaired_or_skipped() {
        let ld = one(
            "<!-- {\"@type\":\"NewsArticle\",\"headline\":\"Zeile\neins\",\"datePublished\":\"2019-10-15\",} -->",
        );
        assert_eq!(ld.headline.as_deref(), Some("Zeile eins"));
        assert_eq!(ld.published.as_deref(), Some("2019-10-15"));
        let ld = one(r#"{"@type":"NewsArticle" "datePublished": "2018-01-01", oops"#);
        assert_eq!(ld.published.as_deref(), Some("2018-01-01"));
        let ld = one("{{{{ not json");
        assert!(!ld.is_article);
        assert_eq!(ld.published, None);
    }

    #[test]
    fn paywall_flag_and_listing_types() {
        let ld = one(r#"{"@type":"NewsArticle","isAccessibleForFree":false}"#);
        assert_eq!(ld.free, Some(false));
        let ld = one(r#"{"@type":"NewsArticle","isAccessibleForFree":"True"}"#);
        assert_eq!(ld.free, Some(true));
        let ld = one(r#"{"@type":"CollectionPage","datePublished":"2020-01-01"}"#);
        assert!(!ld.is_article);
        assert!(ld.types.iter().any(|t| t == "CollectionPage"));
        assert_eq!(ld.published.as_deref(), Some("2020-01-01"));
    }

    #[test]
    fn must_not_take_a_person_page_as_article() {
        let ld = one(r#"{"@type":"Person","name":"Max","datePublished":"2020-01-01"}"#);
        assert!(!ld.is_article);
        assert_eq!(ld.headline, None);
        assert_eq!(ld.published, None);
    }
}
