//! Where articles come from: files and folders named on the command line, and stdin. This stage
//! turns each input into [`Document`]s (or per-item errors that name the input and line); it
//! decodes bytes and reads JSON records, but it extracts nothing, knows no HTML and does no
//! network I/O.

pub mod decode;
pub mod files;
pub mod json;
pub mod page;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::Document;

pub use files::{Kind, Planned, expand};

/// Everything that can go wrong reading one input, worded for the person who must fix it.
/// The input's path (and line) is carried beside it in a [`Failure`].
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("no such file or directory")]
    NotFound,
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error(
        "unsupported input type '{0}' (supported: .txt, .json, .jsonl, .html, .htm, .xhtml, and any of these gzip-compressed as .gz)"
    )]
    Unsupported(String),
    #[error("not an HTML page (expected markup such as <!DOCTYPE html> or <html> at the start)")]
    NotHtml,
    #[error("not valid gzip data: {0}")]
    Gzip(String),
    #[error("{0}")]
    Html(#[from] crate::document::html::HtmlError),
    #[error("not a regular file")]
    NotAFile,
    #[error("input is {}, over the {} MiB limit; split it into smaller files", too_large(.0), decode::MAX_BYTES >> 20)]
    TooLarge(Option<u64>),
    #[error(
        "looks like a binary file ({0}), not text; pass articles as .txt, .json, .jsonl or .html"
    )]
    Binary(&'static str),
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("expected a JSON object with a \"text\" field, found {0}")]
    NotAnObject(&'static str),
    #[error("record has no \"text\" field (a string with the article text is required)")]
    MissingText,
    #[error("field \"text\" must be a string, found {0}")]
    TextNotString(&'static str),
    #[error("array element {index}: {source}")]
    ArrayElement {
        index: usize,
        source: Box<SourceError>,
    },
}

fn too_large(size: &Option<u64>) -> String {
    match size {
        Some(bytes) => format!("{} MiB", bytes.div_ceil(1 << 20)),
        None => "larger".to_string(),
    }
}

/// One input as named on the command line or found while walking a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file; `display` is the path as given (joined under its folder when walked), which
    /// becomes `Document.path` and therefore the record's `source.path`.
    File {
        path: PathBuf,
        display: String,
        kind: Kind,
    },
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The name used in messages: the path as given, or `<stdin>`.
    pub fn name(&self) -> &str {
        match self {
            Input::File { display, .. } => display,
            Input::Stdin => STDIN_NAME,
        }
    }
}

/// How stdin is named in messages and error files.
pub const STDIN_NAME: &str = "<stdin>";

/// A per-item error: the input (and 1-based line, for JSON) it happened at, and why.
#[derive(Debug)]
pub struct Failure {
    pub path: String,
    pub line: Option<usize>,
    pub error: SourceError,
}

impl Failure {
    pub fn new(path: impl Into<String>, line: Option<usize>, error: SourceError) -> Failure {
        Failure {
            path: path.into(),
            line,
            error,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.error),
            None => write!(f, "{}: {}", self.path, self.error),
        }
    }
}

/// One document read from an input, or the error that kept it from being read.
pub type Item = Result<Document, Failure>;

/// Reads one input into its documents: one for a text file or HTML page, one per record for
/// JSON. Never panics on input; every problem becomes a [`Failure`] naming the input.
pub fn read(input: &Input) -> Vec<Item> {
    match input {
        Input::File {
            path,
            display,
            kind,
        } => match file_bytes(path, *kind) {
            Ok((kind, bytes)) => read_bytes_as(kind, &bytes, display),
            Err(e) => vec![Err(Failure::new(display.as_str(), None, e))],
        },
        Input::Stdin => read_stdin(std::io::stdin().lock()),
    }
}

/// Reads a file's bytes, unpacking gzip: the kind of the content (never [`Kind::Gzip`]) and
/// the bytes.
pub(crate) fn file_bytes(path: &Path, kind: Kind) -> Result<(Kind, Vec<u8>), SourceError> {
    let bytes = decode::read_bytes(path)?;
    if kind != Kind::Gzip {
        return Ok((kind, bytes));
    }
    let inner = decode::gunzip(&bytes)?;
    Ok((page::gzip_inner_kind(path, &inner)?, inner))
}

/// Reads all of stdin's bytes (at most [`decode::MAX_BYTES`]), unpacking gzip.
pub(crate) fn stdin_bytes(reader: impl Read) -> Result<Vec<u8>, SourceError> {
    let mut bytes = Vec::new();
    reader.take(decode::MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > decode::MAX_BYTES {
        return Err(SourceError::TooLarge(None));
    }
    if decode::is_gzip(&bytes) {
        bytes = decode::gunzip(&bytes)?;
    }
    Ok(bytes)
}

/// Reads the bytes of one file as the given kind (never [`Kind::Gzip`]: already unpacked).
fn read_bytes_as(kind: Kind, bytes: &[u8], display: &str) -> Vec<Item> {
    let fail = |e| vec![Err(Failure::new(display, None, e))];
    if kind == Kind::Html || (kind == Kind::Text && page::looks_like_html(bytes)) {
        let mut item = page::read_html(bytes, Some(display));
        if kind == Kind::Text
            && let Ok(doc) = &mut item
        {
            doc.warnings.push(page::TEXT_IS_HTML_WARNING.to_string());
        }
        return vec![item.map_err(|e| Failure::new(display, None, e))];
    }
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    match kind {
        Kind::Json => json::parse_json(&decoded.text, display, &decoded.warnings),
        Kind::JsonLines => json::parse_jsonl(&decoded.text, display, &decoded.warnings),
        _ => vec![Ok(text_document(decoded, Some(display.to_string())))],
    }
}

/// Reads all of `reader` as stdin: an HTML page when it starts like one (gzip is unpacked
/// first), JSON records when it parses as a JSON object, an array of objects or JSON Lines of
/// objects; otherwise one text document (with `path` null).
pub fn read_stdin(reader: impl Read) -> Vec<Item> {
    let fail = |e| vec![Err(Failure::new(STDIN_NAME, None, e))];
    let bytes = match stdin_bytes(reader) {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    if page::looks_like_html(&bytes) {
        return vec![page::read_html(&bytes, None).map_err(|e| Failure::new(STDIN_NAME, None, e))];
    }
    let decoded = match decode::decode(&bytes) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    let items = match json::sniff(&decoded.text) {
        Some(Kind::Json) => json::parse_json(&decoded.text, STDIN_NAME, &decoded.warnings),
        Some(Kind::JsonLines) => json::parse_jsonl(&decoded.text, STDIN_NAME, &decoded.warnings),
        _ => return vec![Ok(text_document(decoded, None))],
    };
    // Records from stdin have no file to point to: `source.path` stays null.
    items
        .into_iter()
        .map(|item| item.map(|d| Document { path: None, ..d }))
        .collect()
}

fn text_document(decoded: decode::Decoded, path: Option<String>) -> Document {
    Document {
        text: decoded.text,
        path,
        warnings: decoded.warnings,
        ..Document::default()
    }
}
