//! HTML pages as inputs: tells HTML from other content (by extension, by the inner name of a
//! `.gz`, by sniffing the first bytes) and turns a page's bytes into a [`Document`] through
//! [`crate::document::html::read_page`]. It reads no files itself (the caller passes bytes)
//! and does no network I/O.

use std::path::Path;

use super::{Input, Kind, SourceError, decode, files};
use crate::Document;
use crate::document::html::{self, HtmlPage, PageOptions};

/// The warning added when a `.txt` file turned out to hold an HTML page.
pub const TEXT_IS_HTML_WARNING: &str = "file is named .txt but holds an HTML page; read as HTML";

/// How many leading bytes are looked at to recognise markup.
const SNIFF: usize = 1024;

/// Whether bytes start like an HTML document: after a BOM, whitespace and comments, a
/// `<!DOCTYPE html`, `<html`, `<head` or `<?xml … <html`.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut rest = head;
    loop {
        rest = rest.trim_ascii_start();
        if let Some(after) = rest.strip_prefix(b"<!--") {
            match memchr::memmem::find(after, b"-->") {
                Some(end) => rest = &after[end + 3..],
                None => return false,
            }
        } else if starts_with_ci(rest, b"<?xml") {
            return memchr::memmem::find(&rest.to_ascii_lowercase(), b"<html").is_some();
        } else {
            break;
        }
    }
    [b"<!doctype html".as_slice(), b"<html", b"<head"]
        .iter()
        .any(|tag| starts_with_ci(rest, tag) && boundary(rest.get(tag.len())))
}

fn starts_with_ci(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn boundary(next: Option<&u8>) -> bool {
    next.is_none_or(|b| b.is_ascii_whitespace() || *b == b'>')
}

/// What a decompressed `.gz` file holds: the kind its inner name says (`page.html.gz` →
/// HTML, `a.txt.gz` → text), else HTML when it looks like HTML.
pub fn gzip_inner_kind(path: &Path, inner: &[u8]) -> Result<Kind, SourceError> {
    match files::classify(&path.with_extension("")) {
        Ok(Kind::Gzip) => Err(SourceError::Unsupported(".gz inside .gz".to_string())),
        Ok(kind) => Ok(kind),
        Err(_) if looks_like_html(inner) => Ok(Kind::Html),
        Err(e) => Err(e),
    }
}

/// Whether a file of this kind is taken for an HTML page when met in a folder (a `.txt`
/// holding HTML is read as one only when named).
pub fn may_be_html(kind: Kind) -> bool {
    matches!(kind, Kind::Html | Kind::Gzip)
}

/// Reads one input as an HTML page (unpacking gzip); any other content is an error.
pub fn read_input_page(input: &Input, opts: &PageOptions) -> Result<HtmlPage, SourceError> {
    let (kind, bytes) = match input {
        Input::File { path, kind, .. } => super::file_bytes(path, *kind)?,
        Input::Stdin => (Kind::Html, super::stdin_bytes(std::io::stdin().lock())?),
    };
    if kind != Kind::Html && !looks_like_html(&bytes) {
        return Err(SourceError::NotHtml);
    }
    decode::check_not_binary(&bytes)?;
    Ok(html::read_page(&bytes, opts)?)
}

/// Reads one HTML page into a document: main text, title, date, authors, site, encoding.
/// `path` becomes the document's `path`.
pub fn read_html(bytes: &[u8], path: Option<&str>) -> Result<Document, SourceError> {
    decode::check_not_binary(bytes)?;
    let page = html::read_page(bytes, &PageOptions::default())?;
    let mut doc = Document::from_html(page);
    doc.path = path.map(str::to_string);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_starts() {
        for yes in [
            "<!DOCTYPE html><html>",
            "\u{feff}  <!doctype HTML>",
            "<!-- generated -->\n<html lang=\"de\">",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"x\">\n<html xmlns=\"y\">",
            "<head><title>x</title></head>",
        ] {
            assert!(looks_like_html(yes.as_bytes()), "{yes}");
        }
        for no in [
            "Leipzig ist vorn.\n\n<html> steht hier im Text.",
            "<htmlx>",
            "{\"text\": \"<html>\"}",
            "<!-- never closed",
            "",
        ] {
            assert!(!looks_like_html(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn gzip_inner_kind_by_name_then_content() {
        let page = b"<!doctype html><p>x</p>";
        assert_eq!(
            gzip_inner_kind(Path::new("a/b.html.gz"), b"x").unwrap(),
            Kind::Html
        );
        assert_eq!(
            gzip_inner_kind(Path::new("b.txt.gz"), page).unwrap(),
            Kind::Text
        );
        assert_eq!(
            gzip_inner_kind(Path::new("b.gz"), page).unwrap(),
            Kind::Html
        );
        assert!(gzip_inner_kind(Path::new("b.gz"), b"plain").is_err());
        assert!(gzip_inner_kind(Path::new("b.gz.gz"), page).is_err());
    }

    #[test]
    fn binary_named_html_is_an_error() {
        let e = read_html(b"\x7fELF\x00\x00\x01", Some("x.html")).unwrap_err();
        assert!(e.to_string().contains("binary"), "{e}");
    }
}
