//! A page's metadata: title, authors, publication date (Europe/Berlin calendar day), site
//! name, canonical URL and language, from JSON-LD, OpenGraph and `<meta>` tags, `<time>` and
//! visible German dates. It reads only the DOM and the [`PageOptions`]; it does not decide what
//! the main text is.
//!
//! Baseline: `<title>`, `<html lang>`, `<link rel=canonical>`, `og:site_name`.

use scraper::{Html, Selector};

use super::PageOptions;

/// What a page says about itself. Empty strings never appear: a missing value is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Publication date as `YYYY-MM-DD`, the calendar day in Germany.
    pub date: Option<String>,
    pub sitename: Option<String>,
    /// The canonical URL, else the URL the page was fetched from.
    pub url: Option<String>,
    /// The page's language as declared (`de`, `de-DE`, …).
    pub language: Option<String>,
}

fn first_attr(dom: &Html, css: &str, attr: &str) -> Option<String> {
    let selector = Selector::parse(css).ok()?;
    dom.select(&selector)
        .filter_map(|e| e.value().attr(attr))
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|v| !v.is_empty())
}

/// Reads the metadata of a parsed page.
pub fn extract(dom: &Html, opts: &PageOptions) -> Metadata {
    let title = Selector::parse("title").ok().and_then(|s| {
        dom.select(&s)
            .next()
            .map(|t| {
                t.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|t| !t.is_empty())
    });
    Metadata {
        title,
        authors: Vec::new(),
        date: None,
        sitename: first_attr(dom, "meta[property='og:site_name']", "content"),
        url: first_attr(dom, "link[rel=canonical]", "href").or_else(|| opts.url.clone()),
        language: first_attr(dom, "html", "lang"),
    }
}
