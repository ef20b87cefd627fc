//! A page's metadata: title, authors, publication date (Europe/Berlin calendar day), site
//! name, canonical URL and language, from JSON-LD, OpenGraph and `<meta>` tags, `<time>`,
//! `<h1>`, bylines and visible German dates, each field from its most reliable source. It
//! reads only the DOM and the [`PageOptions`]; it does not decide what the main text is, and it
//! warns about nothing (that is `page_kind`).
//!
//! Submodules: `tags` walks the DOM once and gathers raw values; `jsonld` reads JSON-LD;
//! `dates` parses date strings; `visible` finds dates in the visible text; `authors` cleans
//! author strings. This file ranks the sources.

mod authors;
pub mod dates;
mod jsonld;
mod tags;
mod visible;

use scraper::Html;

use super::PageOptions;
use dates::Locale;

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
    /// The page's summary (JSON-LD `description`, `og:description`, `<meta name=description>`).
    pub description: Option<String>,
    /// Last modification date as `YYYY-MM-DD` (Berlin), when the page gives one.
    pub modified: Option<String>,
    /// Where `date` came from: `json-ld`, `meta`, `time`, `text` or `url`.
    pub date_source: Option<&'static str>,
    /// JSON-LD `@type`s of the page (`NewsArticle`, `ItemList`, `CollectionPage`, …), then
    /// `og:type` (`article`, `website`, …) when given.
    pub types: Vec<String>,
    /// The article's JSON-LD `isAccessibleForFree`: `Some(false)` is a paywall.
    pub accessible_for_free: Option<bool>,
}

/// Collapses whitespace runs to single spaces and trims.
pub(crate) fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article:published",
    "article.published",
    "published_time",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publishdate",
    "publish_date",
    "published-date",
    "pubdate",
    "publication_date",
    "date.published",
    "dc.date.issued",
    "dcterms.issued",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "date_published",
];
const GENERIC_DATE_KEYS: &[&str] = &[
    "date",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "datecreated",
    "created",
    "creation_date",
    "date_created",
    "article.created",
];
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "article.updated",
    "modified",
];
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "cxenseparse:author",
    "citation_author",
];

struct Metas<'a>(&'a [(String, String)]);

impl Metas<'_> {
    /// The first value of the first key (in the given priority order) that has one.
    fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.0
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        })
    }

    fn all<'k>(&'k self, key: &'k str) -> impl Iterator<Item = &'k str> + 'k {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Title separators: "Headline | Site", "Headline - Site", "Headline – Site", …
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " || ",
];

/// Strips a trailing (or leading) site-name part from a `<title>`-like string: always when it
/// equals the known site name, else when the part is short and the rest is longer.
fn strip_site(title: &str, site: Option<&str>) -> String {
    let site_norm = site.map(|s| s.to_lowercase());
    let same_site = |part: &str| {
        let p = part.trim().to_lowercase();
        site_norm.as_deref().is_some_and(|s| {
            !s.is_empty() && (p == s || p.contains(s) || s.contains(&p) && p.len() > 3)
        })
    };
    for sep in TITLE_SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            let tail_short = tail.split_whitespace().count() <= 4 && tail.chars().count() <= 40;
            if !head.trim().is_empty()
                && (same_site(tail) || tail_short && head.chars().count() > tail.chars().count())
            {
                return strip_site(head.trim(), site);
            }
        }
        if let Some(i) = title.find(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if !tail.trim().is_empty() && same_site(head) {
                return tail.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

fn date_from_url(url: &str) -> Option<jiff::civil::Date> {
    // /2019/07/28/, /2019-07-28, /2019_07_28 or a slug that starts with the day,
    // /23-01-2022-titel/, in the path.
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    let b = path.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let number = |s: &[u8]| -> Option<i16> { std::str::from_utf8(s).ok()?.parse().ok() };
    let day = |y: &[u8], m: &[u8], d: &[u8]| -> Option<jiff::civil::Date> {
        let y = number(y)?;
        let m = i8::try_from(number(m)?).ok()?;
        let d = i8::try_from(number(d)?).ok()?;
        jiff::civil::Date::new(y, m, d)
            .ok()
            .filter(|_| (1995..=2100).contains(&y))
    };
    for i in 0..b.len() {
        if b[i] != b'/' {
            continue;
        }
        let rest = &b[i + 1..];
        if rest.len() < 10 || rest.get(10).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let found = if digits(&rest[..4])
            && matches!(rest[4], b'/' | b'-' | b'_')
            && digits(&rest[5..7])
            && rest[7] == rest[4]
            && digits(&rest[8..10])
        {
            day(&rest[..4], &rest[5..7], &rest[8..10])
        } else if digits(&rest[..2])
            && rest[2] == b'-'
            && digits(&rest[3..5])
            && rest[5] == b'-'
            && digits(&rest[6..10])
        {
            day(&rest[6..10], &rest[3..5], &rest[..2])
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Reads the metadata of a parsed page.
pub fn extract(dom: &Html, opts: &PageOptions) -> Metadata {
    let found = tags::walk(dom);
    let ld = jsonld::read(found.jsonld.iter().map(String::as_str));
    let metas = Metas(&found.metas);

    let language = found.lang.clone().or_else(|| {
        metas
            .get(&["content-language", "dc.language", "language"])
            .map(String::from)
    });
    let locale = Locale::from_lang(language.as_deref());

    let sitename = ld
        .publisher
        .clone()
        .or_else(|| metas.get(&["og:site_name"]).map(String::from))
        .or_else(|| ld.website.clone())
        .or_else(|| {
            metas
                .get(&["application-name", "apple-mobile-web-app-title"])
                .map(String::from)
        });
    let site = sitename.as_deref();

    // Title: the article's headline before the document title.
    let h1 = found
        .h1
        .iter()
        .find(|h| h.ctx.article && !h.ctx.chrome)
        .or_else(|| found.h1.iter().find(|h| !h.ctx.chrome))
        .map(|h| h.text.clone());
    let title = ld
        .headline
        .clone()
        .or_else(|| {
            metas
                .get(&["og:title", "twitter:title"])
                .map(|t| strip_site(t, site))
        })
        .or(h1)
        .or_else(|| found.title.as_deref().map(|t| strip_site(t, site)))
        .or_else(|| ld.name.clone())
        .filter(|t| !t.is_empty());

    // Date: structured published dates, then time tags, then weaker fields, the visible text
    // and the URL.
    let parse = |s: &str| dates::parse_machine(s);
    let time_pub = found
        .times
        .iter()
        .filter(|t| !t.ctx.chrome && !t.modified)
        .find(|t| t.published)
        .or_else(|| {
            found
                .times
                .iter()
                .filter(|t| !t.ctx.chrome && !t.modified)
                .find(|t| t.ctx.article || t.ctx.date_hint)
        })
        .or_else(|| found.times.iter().find(|t| !t.ctx.chrome && !t.modified));
    let time_date = time_pub.and_then(|t| {
        t.datetime
            .as_deref()
            .and_then(parse)
            .or_else(|| dates::parse_human(&t.text, locale).map(|(d, _)| d))
    });
    type Source<'a> = (
        &'static str,
        Box<dyn Fn() -> Option<jiff::civil::Date> + 'a>,
    );
    let sources: [Source; 7] = [
        (
            "meta",
            Box::new(|| metas.get(PUBLISHED_KEYS).and_then(parse)),
        ),
        (
            "json-ld",
            Box::new(|| ld.published.as_deref().and_then(parse)),
        ),
        ("time", Box::new(|| time_date)),
        (
            "json-ld",
            Box::new(|| ld.created.as_deref().and_then(parse)),
        ),
        (
            "meta",
            Box::new(|| metas.get(GENERIC_DATE_KEYS).and_then(parse)),
        ),
        (
            "url",
            Box::new(|| {
                found
                    .canonical
                    .as_deref()
                    .or(opts.url.as_deref())
                    .and_then(date_from_url)
            }),
        ),
        (
            "text",
            Box::new(|| visible::date(&found.date_texts, locale, opts.fetched_at)),
        ),
    ];
    let (date_source, date) = sources
        .iter()
        .find_map(|(src, f)| f().map(|d| (Some(*src), Some(dates::ymd(d)))))
        .unwrap_or((None, None));
    let modified = ld
        .modified
        .as_deref()
        .and_then(parse)
        .or_else(|| metas.get(MODIFIED_KEYS).and_then(parse))
        .map(dates::ymd);

    // Authors: JSON-LD, then meta tags, then author links and bylines.
    let mut names: Vec<String> = Vec::new();
    for a in &ld.authors {
        authors::merge(&mut names, authors::clean(a, site));
    }
    if names.is_empty() {
        for key in AUTHOR_KEYS {
            for v in metas.all(key) {
                authors::merge(&mut names, authors::clean(v, site));
            }
            if !names.is_empty() {
                break;
            }
        }
    }
    if names.is_empty() {
        for s in found.author_tags.iter().filter(|s| !s.ctx.chrome) {
            authors::merge(&mut names, authors::clean(&s.text, site));
        }
    }
    if names.is_empty()
        && let Some(s) = found
            .bylines
            .iter()
            .find(|s| !s.ctx.chrome && !authors::clean(&s.text, site).is_empty())
    {
        names = authors::clean(&s.text, site);
    }
    if names.is_empty() {
        for s in found
            .von_texts
            .iter()
            .filter(|s| s.ctx.article || s.ctx.after_h1)
        {
            let n = authors::clean(&s.text, site);
            if !n.is_empty()
                && n.iter().all(|n| {
                    let words: Vec<&str> = n.split_whitespace().collect();
                    (2..=4).contains(&words.len())
                        && words.iter().all(|w| w.starts_with(char::is_uppercase))
                })
            {
                names = n;
                break;
            }
        }
    }

    let url = found
        .canonical
        .clone()
        .or_else(|| {
            metas
                .get(&["og:url"])
                .filter(|u| u.starts_with("http"))
                .map(String::from)
        })
        .or_else(|| ld.url.clone())
        .or_else(|| opts.url.clone());
    let description = ld.description.clone().or_else(|| {
        metas
            .get(&["og:description", "description", "twitter:description"])
            .map(String::from)
    });

    let mut types = ld.types.clone();
    if let Some(og) = metas.get(&["og:type"]) {
        types.push(og.to_string());
    }
    Metadata {
        title,
        authors: names,
        date,
        sitename,
        url,
        language,
        description,
        modified,
        date_source,
        types,
        accessible_for_free: ld.free,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Metadata {
        extract(&Html::parse_document(html), &PageOptions::default())
    }

    #[test]
    fn json_ld_beats_meta_tags_for_title_and_authors() {
        let m = meta(
            r#"<html lang="de"><head><title>Brücke | Stadtanzeiger</title>
            <meta property="og:site_name" content="Stadtanzeiger">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Neue Brücke",
              "author":[{"@type":"Person","name":"Anna Schmidt"},{"@type":"Organization","name":"Stadtanzeiger"}],
              "datePublished":"2022-11-06T23:00:00Z","publisher":{"name":"Stadtanzeiger"}}]}</script>
            </head><body><h1>Neue Brücke</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Neue Brücke"));
        assert_eq!(m.authors, vec!["Anna Schmidt"]);
        assert_eq!(m.date.as_deref(), Some("2022-11-07"));
        assert_eq!(m.date_source, Some("json-ld"));
        assert_eq!(m.sitename.as_deref(), Some("Stadtanzeiger"));
        assert_eq!(m.language.as_deref(), Some("de"));
    }

    #[test]
    fn title_suffix_is_stripped_only_when_it_is_the_site() {
        assert_eq!(
            strip_site("Neue Brücke | Stadtanzeiger", Some("Stadtanzeiger")),
            "Neue Brücke"
        );
        assert_eq!(strip_site("Neue Brücke - SZ.de", None), "Neue Brücke");
        assert_eq!(
            strip_site("Stadtanzeiger: Neue Brücke", None),
            "Stadtanzeiger: Neue Brücke"
        );
        // must not: a dash inside a long headline whose second part is long.
        assert_eq!(
            strip_site(
                "Bahn - warum die Züge im Winter so oft zu spät kommen",
                None
            ),
            "Bahn - warum die Züge im Winter so oft zu spät kommen"
        );
    }

    #[test]
    fn meta_tags_time_and_visible_dates() {
        let m = meta(
            r#"<html><head><meta name="author" content="Von Max Muster und Eva Weber">
            <meta property="article:published_time" content="2023-07-01T22:00:00+00:00"></head><body></body></html>"#,
        );
        assert_eq!(m.authors, vec!["Max Muster", "Eva Weber"]);
        assert_eq!(m.date.as_deref(), Some("2023-07-02"));
        let m = meta(
            r#"<html><body><aside class="comments"><time datetime="2020-01-01">1.1.2020</time></aside>
            <article><h1>Titel</h1><time pubdate datetime="2019-10-15">15. Oktober 2019</time></article></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2019-10-15"));
        assert_eq!(m.date_source, Some("time"));
        let m = meta(
            r#"<html lang="de"><body><article><h1>Titel</h1><p class="byline">Von Karl Kurz</p>
            <div class="date">Stand: 12.03.2024, 14:05 Uhr</div><p>Am 11/01/2023 war es.</p></article></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2024-03-12"));
        assert_eq!(m.authors, vec!["Karl Kurz"]);
    }

    #[test]
    fn a_date_in_the_url_beats_dates_in_the_text() {
        let m = meta(
            r#"<html lang="de"><head><link rel="canonical" href="https://example.de/news/23-01-2022-sieg-zum-abschluss/17.html">
            </head><body><article><h1>Sieg</h1><p>Schon am 19. Januar 2021 gewann sie hier.</p></article></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2022-01-23"));
        assert_eq!(m.date_source, Some("url"));
        let ymd = |u: &str| date_from_url(u).map(super::dates::ymd);
        assert_eq!(
            ymd("https://x.de/2019/07/28/titel").as_deref(),
            Some("2019-07-28")
        );
        assert_eq!(
            ymd("https://x.de/a/2019-07-28").as_deref(),
            Some("2019-07-28")
        );
        // must not: no date, an impossible date, a longer number, a year out of range.
        assert_eq!(ymd("https://x.de/artikel/12345678901"), None);
        assert_eq!(ymd("https://x.de/31-02-2022-titel"), None);
        assert_eq!(ymd("https://x.de/2019-07-281"), None);
        assert_eq!(ymd("https://x.de/1900/07/28/"), None);
    }

    #[test]
    fn author_urls_and_the_site_itself_are_not_authors() {
        let m = meta(
            r#"<html><head><meta property="og:site_name" content="Der Blog">
            <meta property="article:author" content="https://www.facebook.com/derblog">
            <meta name="author" content="Der Blog"></head><body></body></html>"#,
        );
        assert!(m.authors.is_empty());
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "<html><body>{}<p>15. Oktober 2019</p></body></html>",
            "<div class=\"date\">".repeat(20_000)
        );
        let _ = meta(&html);
    }
}
