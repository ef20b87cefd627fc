//! Warnings for pages that are not (only) an article: consent walls, paywall teasers, error
//! pages and listings. It looks at the DOM (one iterative walk), the main text found and the
//! metadata; the marker words are in `data/page_kind.tsv`. It removes nothing and never turns
//! a warning into an error (an empty main text is `read_page`'s error). Misses are preferred
//! to false alarms: every rule needs a strong sign, and a normal article gets no warning.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::{Metadata, main_text::MainText};

static DATA: &str = include_str!("../../../data/page_kind.tsv");

pub const CONSENT_WALL: &str = "page looks like a consent wall; the article text may be missing";
pub const PAYWALL: &str = "page looks like a paywall teaser; the article text may be incomplete";
pub const ERROR_PAGE: &str = "page looks like an error page (not found); there is no article";
pub const LISTING: &str =
    "page looks like a listing of articles (many teasers, little text), not a single article";

struct Markers {
    consent_text: AhoCorasick,
    paywall_text: AhoCorasick,
    error_text: Vec<String>,
    paywall_marker: Vec<String>,
    /// consent_markup and paywall_markup in one automaton; `consent_markup_count` patterns first.
    markup: AhoCorasick,
    consent_markup_count: usize,
}

fn automaton(phrases: &[String]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(phrases)
        .expect("page_kind phrases")
}

static MARKERS: LazyLock<Markers> = LazyLock::new(|| {
    let mut by_kind: std::collections::HashMap<&str, Vec<String>> = Default::default();
    for line in DATA
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
    {
        if let Some((kind, phrase)) = line.split_once('\t') {
            by_kind
                .entry(kind)
                .or_default()
                .push(phrase.trim().to_string());
        }
    }
    let mut take = |k: &str| by_kind.remove(k).unwrap_or_default();
    let consent_markup = take("consent_markup");
    let consent_markup_count = consent_markup.len();
    let mut markup = consent_markup;
    markup.extend(take("paywall_markup"));
    Markers {
        consent_text: automaton(&take("consent_text")),
        paywall_text: automaton(&take("paywall_text")),
        error_text: take("error_text")
            .into_iter()
            .map(|s| s.to_lowercase())
            .collect(),
        paywall_marker: take("paywall_marker"),
        markup: automaton(&markup),
        consent_markup_count,
    }
});

/// What one walk over the page counts.
#[derive(Debug, Default)]
struct Counts {
    /// Visible text characters (outside scripts and styles).
    text: usize,
    /// Visible text inside consent-management dialogs.
    consent_text: usize,
    /// Elements of paywall boxes that hold text.
    paywall_box_text: usize,
    /// A paywall badge ("F+", "SZ Plus") as a whole text in or before the `<h1>`.
    paywall_badge: bool,
    /// `<h2>`–`<h4>` headings that are links, outside navigation and footers.
    linked_headings: usize,
    /// `<h1>` texts.
    h1: Vec<String>,
}

const SKIP: &[&str] = &["script", "style", "noscript", "template", "svg"];
const CHROME: &[&str] = &["nav", "footer", "aside", "header", "menu"];

fn count(dom: &Html) -> Counts {
    let m = &*MARKERS;
    let mut c = Counts::default();
    // Per open element: (skip, in consent box, in paywall box, in chrome, heading level or 0, in h1).
    #[derive(Clone, Copy, Default)]
    struct Ctx {
        skip: bool,
        consent: bool,
        paywall: bool,
        chrome: bool,
        heading: bool,
        linked: bool,
        h1: bool,
    }
    let mut stack: Vec<Ctx> = Vec::with_capacity(64);
    let mut seen_h1 = false;
    let mut h1_text = String::new();
    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    let mut ctx = stack.last().copied().unwrap_or_default();
                    ctx.skip |= SKIP.contains(&name);
                    ctx.chrome |= CHROME.contains(&name);
                    if !(ctx.skip || (ctx.consent && ctx.paywall)) {
                        for (k, v) in el.attrs() {
                            if matches!(k, "class" | "id") && v.len() < 200 {
                                for hit in m.markup.find_iter(v) {
                                    if hit.pattern().as_usize() < m.consent_markup_count {
                                        ctx.consent = true;
                                    } else {
                                        ctx.paywall = true;
                                    }
                                }
                            }
                        }
                    }
                    match name {
                        "h2" | "h3" | "h4" => ctx.heading = true,
                        "h1" => {
                            ctx.h1 = true;
                            seen_h1 = true;
                        }
                        "a" if ctx.heading && !ctx.linked && !ctx.chrome => {
                            ctx.linked = true;
                            c.linked_headings += 1;
                        }
                        _ => {}
                    }
                    stack.push(ctx);
                }
                Node::Text(t) => {
                    let ctx = stack.last().copied().unwrap_or_default();
                    if ctx.skip {
                        continue;
                    }
                    let s = t.trim();
                    if s.is_empty() {
                        continue;
                    }
                    c.text += s.len();
                    if ctx.consent {
                        c.consent_text += s.len();
                    }
                    if ctx.paywall {
                        c.paywall_box_text += s.len();
                    }
                    if ctx.h1 && h1_text.len() < 300 {
                        h1_text.push_str(s);
                        h1_text.push(' ');
                    }
                    if (ctx.h1 || !seen_h1)
                        && !ctx.chrome
                        && s.len() <= 12
                        && m.paywall_marker.iter().any(|p| p == s)
                    {
                        c.paywall_badge = true;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if el.name() == "h1" && !h1_text.is_empty() && c.h1.len() < 3 {
                        c.h1.push(std::mem::take(&mut h1_text).trim().to_string());
                    }
                    stack.pop();
                }
            }
        }
    }
    c
}

/// Whether a title or heading says "not found": a phrase, or "404" as a whole word.
fn says_not_found(text: &str) -> bool {
    let lower = text.to_lowercase();
    MARKERS.error_text.iter().any(|p| {
        if p.bytes().all(|b| b.is_ascii_digit()) {
            lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == p.as_str())
        } else {
            lower.contains(p.as_str())
        }
    })
}

/// The warnings a page deserves, worded for the user.
pub fn warnings(dom: &Html, main: &MainText, meta: &Metadata) -> Vec<String> {
    let m = &*MARKERS;
    let c = count(dom);
    let text = main.text();
    let main_len = text.trim().len();
    let mut out = Vec::new();

    // Error page: the title or the h1 says so, and there is little text.
    let title_says =
        meta.title.as_deref().is_some_and(says_not_found) || c.h1.iter().any(|h| says_not_found(h));
    if title_says && main_len < 3000 {
        out.push(ERROR_PAGE.to_string());
    }

    // Consent wall: most of the main text (or of the page) is the consent dialog.
    let consent_len: usize = text
        .split("\n\n")
        .filter(|p| m.consent_text.find(p).is_some())
        .map(str::len)
        .sum();
    if main_len < 1500
        && (consent_len * 2 > main_len || c.consent_text * 2 > c.text && c.consent_text > 100)
    {
        out.push(CONSENT_WALL.to_string());
    }

    // Paywall: the article's JSON-LD says so, a badge sits at the headline, or the main text
    // ends in a subscription pitch.
    let tail_start = text.len().saturating_sub(600);
    let tail = text.get(tail_start..).unwrap_or(&text);
    let declared_free = meta.accessible_for_free == Some(true);
    if meta.accessible_for_free == Some(false)
        || !declared_free
            && (c.paywall_badge
                || m.paywall_text.find(tail).is_some()
                || c.paywall_box_text > 40 && main_len < 2000)
    {
        out.push(PAYWALL.to_string());
    }

    // Listing: JSON-LD says so (and names no article), or many linked headings with little
    // text per heading.
    let is_article = meta.types.iter().any(|t| {
        let t = t.to_ascii_lowercase();
        t.ends_with("article") || t.ends_with("posting")
    });
    let ld_listing = meta.types.iter().any(|t| {
        matches!(
            t.as_str(),
            "ItemList" | "CollectionPage" | "SearchResultsPage"
        )
    });
    // Many linked headings alone are common under articles ("more on this"); a listing also
    // has no publication date of its own.
    if !is_article
        && (ld_listing
            || meta.date.is_none() && c.linked_headings >= 8 && main_len < c.linked_headings * 300)
    {
        out.push(LISTING.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::html::{PageOptions, main_text, metadata};

    fn warn(html: &str) -> Vec<String> {
        let dom = Html::parse_document(html);
        let main = main_text::extract(&dom);
        let meta = metadata::extract(&dom, &PageOptions::default());
        warnings(&dom, &main, &meta)
    }

    const ARTICLE: &str = r#"<html lang="de"><head><title>Neue Brücke eröffnet | Stadtanzeiger</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Neue Brücke eröffnet"}</script></head>
        <body><nav><ul><li><a href="/">Start</a></li></ul></nav>
        <div id="cookie-banner"><p>Wir verwenden Cookies. <button>Alle akzeptieren</button></p></div>
        <article><h1>Neue Brücke eröffnet</h1><p class="byline">Von Anna Schmidt, 15. Oktober 2019</p>
        <p>Nach zwei Jahren Bauzeit ist die neue Brücke über den Fluss am Dienstag für den Verkehr
        freigegeben worden. Der Bürgermeister sprach von einem wichtigen Tag für die Stadt.</p>
        <p>Die Baukosten lagen bei 12 Millionen Euro, etwas mehr als geplant. Radfahrer bekommen
        eine eigene Spur, Fußgänger einen breiteren Weg als auf der alten Brücke.</p>
        <p>Im Frühjahr soll die alte Brücke abgerissen werden.</p>
        <aside><h3><a href="/a">Mehr aus der Stadt</a></h3><h3><a href="/b">Sport</a></h3></aside>
        </article><footer><p>Bereits Abonnent? Anmelden</p></footer></body></html>"#;

    #[test]
    fn a_normal_article_gets_no_warning() {
        assert_eq!(warn(ARTICLE), Vec::<String>::new());
    }

    #[test]
    fn consent_wall() {
        let w = warn(
            r#"<html><body><div id="usercentrics-root"><h2>Ihre Privatsphäre ist uns wichtig</h2>
            <p>Wir verwenden Cookies und ähnliche Technologien. Mit Ihrer Zustimmung ... Sie können
            Ihre Einwilligung jederzeit widerrufen.</p><button>Alle akzeptieren</button></div></body></html>"#,
        );
        assert_eq!(w, vec![CONSENT_WALL]);
    }

    #[test]
    fn paywall_by_json_ld_by_badge_and_by_pitch() {
        let w = warn(
            r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script></head>
            <body><article><h1>Titel</h1><p>Ein Anfang des Artikels, der hier endet.</p></article></body></html>"#,
        );
        assert_eq!(w, vec![PAYWALL]);
        let w = warn(
            r#"<html><body><article><h1><span>F+</span> Der Titel</h1><p>Ein Anfang.</p></article></body></html>"#,
        );
        assert_eq!(w, vec![PAYWALL]);
        let w = warn(
            r#"<html><body><article><h1>Titel</h1><p>Der Anfang eines Artikels.</p>
            <p>Jetzt weiterlesen mit SZ Plus</p></article></body></html>"#,
        );
        assert_eq!(w, vec![PAYWALL]);
    }

    #[test]
    fn error_pages() {
        let w = warn(
            "<html><head><title>Seite nicht gefunden</title></head><body><p>Leider nichts.</p></body></html>",
        );
        assert_eq!(w, vec![ERROR_PAGE]);
        let w = warn("<html><body><h1>404 - Page not found</h1><p>Sorry.</p></body></html>");
        assert_eq!(w, vec![ERROR_PAGE]);
        // must not: a number inside a word or a headline about something else.
        let w = warn("<html><body><h1>Die Linie 4040 fährt wieder</h1><p>Text.</p></body></html>");
        assert!(w.is_empty());
    }

    #[test]
    fn listings() {
        let mut html = String::from("<html><body><main>");
        for i in 0..12 {
            html.push_str(&format!(
                "<h2><a href=\"/a{i}\">Überschrift {i}</a></h2><p>Kurz.</p>"
            ));
        }
        html.push_str("</main></body></html>");
        assert_eq!(warn(&html), vec![LISTING]);
        let w = warn(
            r#"<html><head><script type="application/ld+json">{"@type":"CollectionPage"}</script></head>
            <body><p>Alle Artikel</p></body></html>"#,
        );
        assert_eq!(w, vec![LISTING]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "<html><body>{}<p>x</p></body></html>",
            "<div>".repeat(20_000)
        );
        let _ = warn(&html);
    }
}
