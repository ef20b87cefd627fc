//! The document handed to the extractors: the article's text plus what its source knew about
//! it (title, URL, date, path) and warnings met while reading it. Built by `source` (and from
//! HTML pages by [`html`]); read by [`crate::Extractor`]. Nothing here does I/O.

pub mod html;

/// One article, decoded, ready for extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The article text; evidence offsets are char offsets into it.
    pub text: String,
    /// A title known from outside the text (JSON `title`, HTML metadata).
    pub title: Option<String>,
    pub path: Option<String>,
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// An id given by the input (JSON `id`).
    pub id: Option<String>,
    /// Things worth knowing about how the input was read (e.g. "decoded as windows-1252").
    pub warnings: Vec<String>,
    /// Authors named by the page's metadata or byline (HTML).
    pub authors: Vec<String>,
    /// The publication's name (HTML `og:site_name`, JSON-LD publisher).
    pub sitename: Option<String>,
    /// The language the page declares (`de`, `de-DE`).
    pub language: Option<String>,
    /// The charset the input was decoded with, when it was an HTML page.
    pub encoding: Option<String>,
}

impl Document {
    /// A document from an HTML page: its main text and metadata. `path` is left to the caller.
    pub fn from_html(page: html::HtmlPage) -> Document {
        Document {
            text: page.text,
            title: page.meta.title,
            path: None,
            url: page.meta.url,
            published: page.meta.date,
            id: None,
            warnings: page.warnings,
            authors: page.meta.authors,
            sitename: page.meta.sitename,
            language: page.meta.language,
            encoding: Some(page.encoding.to_string()),
        }
    }

    pub fn from_text(text: impl Into<String>) -> Document {
        Document {
            text: text.into(),
            ..Document::default()
        }
    }
}
