//! HTML page → [`HtmlPage`]: decodes the bytes, parses the DOM once (`parse`: html5ever's tree
//! builder into a `scraper` DOM),
//! and hands it to the main-text, metadata and page-kind stages. Pure: it reads no file and
//! no network; gzip and charset headers are resolved by the caller and passed in
//! [`PageOptions`]. It extracts no facts; that is `extract`'s job on the returned text.

pub mod charset;
pub mod main_text;
pub mod metadata;
pub mod nesting;
pub mod page_kind;
pub mod parse;
mod prune;
mod scan;

pub use charset::Decoded;
pub use metadata::Metadata;

/// What the caller knows about a page besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct PageOptions {
    /// The charset of the HTTP `Content-Type` header, when the page was fetched.
    pub http_charset: Option<String>,
    /// The URL the page came from (a hint for the charset detector and for relative links).
    pub url: Option<String>,
    /// When the page was fetched; relative dates ("vor 3 Stunden") are resolved against it.
    pub fetched_at: Option<jiff::Timestamp>,
}

/// A page reduced to what the extractors and the user need.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlPage {
    /// The main text, one paragraph per block, blocks separated by a blank line. Soft hyphens
    /// are kept (the text layer removes them for matching, with offsets into this text).
    pub text: String,
    pub meta: Metadata,
    /// The encoding the bytes were decoded with (WHATWG name, e.g. "UTF-8", "windows-1252").
    pub encoding: &'static str,
    /// Things worth knowing: how the charset was found when it was guessed, consent walls,
    /// paywalls, error pages, listings, …
    pub warnings: Vec<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    #[error("no main text found in the page{}", hint(.0))]
    NoMainText(Vec<String>),
}

fn hint(warnings: &[String]) -> String {
    if warnings.is_empty() {
        String::new()
    } else {
        format!(" ({})", warnings.join("; "))
    }
}

/// Decodes, parses and reduces one page. Never panics on input; a page with no main text is
/// an error that carries the page's warnings (a consent wall, say) as the likely reason.
pub fn read_page(bytes: &[u8], opts: &PageOptions) -> Result<HtmlPage, HtmlError> {
    let decoded = charset::decode(bytes, opts.http_charset.as_deref(), opts.url.as_deref());
    page_from_str(
        &decoded.text,
        decoded.encoding.name(),
        decoded.warnings,
        opts,
    )
}

/// Reduces an already decoded page (the encoding name is recorded as given).
pub fn page_from_str(
    html: &str,
    encoding: &'static str,
    mut warnings: Vec<String>,
    opts: &PageOptions,
) -> Result<HtmlPage, HtmlError> {
    let pruned = prune::prune(html);
    let html = pruned.as_deref().unwrap_or(html);
    let parse::Parsed { dom, dropped_tags } = parse::parse(html);
    if dropped_tags > 0 {
        warnings.push(format!(
            "the page nests elements more than {} deep; {dropped_tags} deeper tags were ignored",
            nesting::MAX_DEPTH
        ));
    }
    let main = main_text::extract(&dom);
    let meta = metadata::extract(&dom, opts);
    warnings.extend(page_kind::warnings(&dom, &main, &meta));
    let text = main.text();
    if text.trim().is_empty() {
        return Err(HtmlError::NoMainText(warnings));
    }
    Ok(HtmlPage {
        text,
        meta,
        encoding,
        warnings,
    })
}
