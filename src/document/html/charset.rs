//! Bytes of an HTML page → text, finding the charset the way browsers do: a byte-order mark,
//! then the HTTP header's charset, then a `<meta charset>`/`http-equiv` declaration near the
//! top, then a statistical guess (chardetng, told the page's top-level domain), and last
//! windows-1252. A page declared UTF-8 whose bytes are not UTF-8 is re-guessed rather than
//! decoded to replacement characters. It does not parse HTML and does not touch the text.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are searched for a `<meta>` charset declaration. The HTML standard
/// says 1024; real pages put long scripts first, so this looks further.
const PRESCAN_BYTES: usize = 16 * 1024;

/// The decoded page and how its charset was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub warnings: Vec<String>,
}

/// Decodes a page. `http_charset` is the `charset` parameter of a `Content-Type` header, and
/// `url` (when known) lends its top-level domain to the guesser.
pub fn decode(bytes: &[u8], http_charset: Option<&str>, url: Option<&str>) -> Decoded {
    let mut warnings = Vec::new();
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(bytes, bom_len, encoding, warnings);
    }
    let declared = http_charset
        .map(|label| (label.to_string(), "HTTP header"))
        .or_else(|| meta_charset(bytes).map(|label| (label, "<meta> tag")));
    let mut why_guessed = None;
    if let Some((label, place)) = declared {
        match label_encoding(&label) {
            Some(encoding) if encoding != UTF_8 || mostly_utf8(bytes) => {
                return finish(bytes, 0, encoding, warnings);
            }
            Some(_) => {
                why_guessed = Some(format!(
                    "the {place} declares UTF-8 but the bytes are not UTF-8"
                ))
            }
            None => {
                let label: String = label.chars().take(40).collect();
                why_guessed = Some(format!("unknown charset '{label}' in the {place}"));
            }
        }
    }
    let encoding = guess(bytes, url);
    match why_guessed {
        Some(why) => warnings.push(format!("{why}; guessed {}", encoding.name())),
        None if encoding != UTF_8 => {
            warnings.push(format!("no charset declared; guessed {}", encoding.name()))
        }
        None => {}
    }
    finish(bytes, 0, encoding, warnings)
}

fn finish(
    bytes: &[u8],
    skip: usize,
    encoding: &'static Encoding,
    mut warnings: Vec<String>,
) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[skip..]);
    if had_errors {
        warnings.push(format!(
            "some bytes are not valid {}; replaced with U+FFFD",
            encoding.name()
        ));
    }
    Decoded {
        text: text.into_owned(),
        encoding,
        warnings,
    }
}

/// The encoding a charset label names, as the HTML standard maps it for `<meta>`: UTF-16
/// declarations mean UTF-8 (the bytes were already read as ASCII-compatible), and
/// x-user-defined means windows-1252.
fn label_encoding(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            WINDOWS_1252
        } else {
            encoding
        },
    )
}

/// A statistical guess; German pages are usually UTF-8 or windows-1252.
fn guess(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    if mostly_utf8(bytes) {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(url.and_then(tld).as_deref().map(str::as_bytes), true)
}

/// Whether bytes are UTF-8, allowing a few stray invalid bytes in a page that is otherwise
/// UTF-8 (more valid multi-byte characters than invalid sequences): such pages exist, and
/// reading them as windows-1252 would garble every umlaut. A legacy page has almost no valid
/// multi-byte sequences, since a Latin-1 umlaut is followed by ASCII.
fn mostly_utf8(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() {
        return true;
    }
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        let (valid, next) = match std::str::from_utf8(rest) {
            Ok(_) => (rest, None),
            Err(e) => {
                invalid += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                (&rest[..e.valid_up_to()], Some(&rest[skip..]))
            }
        };
        valid_multibyte += valid.iter().filter(|&&b| b >= 0xC0).count();
        match next {
            Some(next) if invalid <= valid_multibyte + 1 => rest = next,
            Some(_) => return false,
            None => return invalid == 0 || valid_multibyte > invalid,
        }
    }
}

/// The top-level domain of a URL ("de" for "https://www.example.de/x"), lower-cased.
fn tld(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let tld = host.rsplit('.').next()?;
    (!tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| tld.to_ascii_lowercase())
}

/// The charset label of the first `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&head[at..], b"<") {
        let start = at + found + 1;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        at = end;
        if tag.len() < 5 || !tag[..4].eq_ignore_ascii_case(b"meta") {
            continue;
        }
        let tag = String::from_utf8_lossy(tag).to_ascii_lowercase();
        if let Some(label) = charset_param(&tag) {
            return Some(label);
        }
    }
    None
}

/// The value after `charset=` in a meta tag's text (lower-cased), without quotes.
fn charset_param(tag: &str) -> Option<String> {
    let at = tag.find("charset")?;
    let rest = tag[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '/' | '>'))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=\"latin1\">Grüße".as_bytes());
        let d = decode(&bytes, Some("windows-1252"), None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.ends_with("Grüße"));
    }

    #[test]
    fn http_header_then_meta() {
        let page = b"<html><head><meta charset=\"utf-8\"></head>Gr\xfc\xdfe";
        let d = decode(page, Some("ISO-8859-1"), None);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.ends_with("Grüße"), "{}", d.text);
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let page = b"<head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\"></head>M\xfcnchen";
        let d = decode(page, None, None);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.ends_with("München"));
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let page = "<meta charset='utf-8'>München".as_bytes();
        assert_eq!(decode(page, None, None).encoding, UTF_8);
    }

    #[test]
    fn false_utf8_declaration_is_not_mojibake() {
        let page =
            b"<meta charset=\"utf-8\"><p>Die Stadt K\xf6ln liegt vorn, D\xfcsseldorf folgt.</p>";
        let d = decode(page, None, Some("https://www.example.de/a"));
        assert!(
            d.text.contains("Köln") && d.text.contains("Düsseldorf"),
            "{}",
            d.text
        );
        assert!(d.warnings[0].contains("declares UTF-8"), "{:?}", d.warnings);
    }

    #[test]
    fn stray_bytes_in_a_utf8_page_keep_it_utf8() {
        let mut page =
            "<meta charset=\"utf-8\"><p>Schöne Grüße aus Köln, München und Düsseldorf.</p>"
                .as_bytes()
                .to_vec();
        page.extend_from_slice(b"<p>Kaputt: \xe9t\xe9</p>");
        let d = decode(&page, None, None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Düsseldorf") && d.text.contains('\u{FFFD}'));
        assert!(
            d.warnings[0].contains("not valid UTF-8"),
            "{:?}",
            d.warnings
        );
        assert_eq!(decode(&page[22..], None, None).encoding, UTF_8);
    }

    #[test]
    fn invalid_label_is_a_warning_and_a_guess() {
        let page = "<meta charset=\"no-such-charset\"><p>Straße</p>".as_bytes();
        let d = decode(page, None, None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.warnings[0].contains("unknown charset 'no-such-charset'"));
    }

    #[test]
    fn undeclared_latin1_is_guessed() {
        let page = b"<p>Gr\xfc\xdfe aus M\xfcnchen und K\xf6ln, sch\xf6ne Stra\xdfen.</p>";
        let d = decode(page, None, Some("http://zeitung.de/x"));
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.contains("München"));
        assert!(
            d.warnings
                .iter()
                .any(|w| w.contains("guessed windows-1252"))
        );
    }

    #[test]
    fn tld_of_urls() {
        assert_eq!(tld("https://www.example.de/x?y").as_deref(), Some("de"));
        assert_eq!(tld("http://host:8080/").as_deref(), Some("host"));
        assert_eq!(tld("http://127.0.0.1/"), None);
    }
}
