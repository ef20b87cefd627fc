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
}

impl Document {
    pub fn from_text(text: impl Into<String>) -> Document {
        Document {
            text: text.into(),
            ..Document::default()
        }
    }
}
