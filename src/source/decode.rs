//! Bytes → text: strips a UTF-8 BOM, decodes UTF-16 with a BOM, falls back to windows-1252
//! (with a warning) when the bytes are not UTF-8, and rejects binaries and files over 64 MiB
//! before reading them whole; also bounded gunzip. It does not guess other charsets (HTML
//! pages have their own charset rules in `document::html::charset`) and does not touch the text.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::SourceError;

/// The largest input read, in bytes.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How many leading bytes the binary check looks at.
const SNIFF_BYTES: usize = 8 * 1024;

/// The warning added when the bytes were not UTF-8.
pub const WINDOWS_1252_WARNING: &str = "input is not valid UTF-8; decoded as windows-1252";

/// Decoded text and what is worth knowing about how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Reads and decodes a file, checking its size before reading it.
pub fn read_file(path: &Path) -> Result<Decoded, SourceError> {
    decode(&read_bytes(path)?)
}

/// Reads a file's bytes, refusing files over [`MAX_BYTES`] before reading them.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, SourceError> {
    let file = File::open(path).map_err(open_error)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(SourceError::NotAFile);
    }
    if meta.len() > MAX_BYTES {
        return Err(SourceError::TooLarge(Some(meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` guards against a file that grew after the size check.
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(SourceError::TooLarge(Some(bytes.len() as u64)));
    }
    Ok(bytes)
}

/// Decompresses gzip bytes, stopping at [`MAX_BYTES`] of output so that a small file cannot
/// expand without bound.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, SourceError> {
    // The trailer's last four bytes give the (last member's) size mod 2^32: a hint for the
    // buffer, so that the output is not copied as it grows. It is not trusted: it is capped
    // by the limit and by deflate's largest ratio (about 1032:1).
    let hint = bytes
        .last_chunk::<4>()
        .map_or(0, |t| u64::from(u32::from_le_bytes(*t)));
    let cap = hint
        .min(MAX_BYTES + 1)
        .min((bytes.len() as u64).saturating_mul(1032));
    let mut out = Vec::with_capacity(usize::try_from(cap).unwrap_or(0));
    // `bufread`: the compressed bytes are read in place, not copied through a buffer
    flate2::bufread::MultiGzDecoder::new(bytes)
        .take(MAX_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| SourceError::Gzip(e.to_string()))?;
    if out.len() as u64 > MAX_BYTES {
        return Err(SourceError::TooLarge(None));
    }
    Ok(out)
}

/// Whether bytes start like gzip data.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Rejects bytes that look like a binary file rather than text or markup (NUL bytes, many
/// control characters in the first 8 KiB). UTF-16 with a byte-order mark is text.
pub fn check_not_binary(bytes: &[u8]) -> Result<(), SourceError> {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, _)) if enc != encoding_rs::UTF_8 => Ok(()),
        _ => check_bytes(bytes),
    }
}

fn open_error(e: std::io::Error) -> SourceError {
    match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::NotFound,
        _ => SourceError::Io(e),
    }
}

/// Decodes bytes to text: UTF-8 (BOM stripped), UTF-16 with a BOM, else windows-1252.
pub fn decode(bytes: &[u8]) -> Result<Decoded, SourceError> {
    let mut warnings = Vec::new();
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes)
        && enc != encoding_rs::UTF_8
    {
        // UTF-16: NUL bytes are expected, so check the decoded text instead.
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        check_text(&text)?;
        if had_errors {
            warnings.push(format!(
                "input has invalid {} sequences; replaced with U+FFFD",
                enc.name()
            ));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            warnings,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    check_bytes(bytes)?;
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            warnings.push(WINDOWS_1252_WARNING.to_string());
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            text.into_owned()
        }
    };
    Ok(Decoded { text, warnings })
}

/// A control character that does not occur in text (tab, newlines and form feed do).
fn is_binary_control(c: u32) -> bool {
    (c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0C | 0x0D)) || c == 0x7F
}

fn check_bytes(bytes: &[u8]) -> Result<(), SourceError> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return Err(SourceError::Binary("NUL bytes"));
    }
    let controls = head
        .iter()
        .filter(|&&b| is_binary_control(b as u32))
        .count();
    too_many_controls(controls, head.len())
}

fn check_text(text: &str) -> Result<(), SourceError> {
    let head: Vec<char> = text.chars().take(SNIFF_BYTES).collect();
    if head.contains(&'\0') {
        return Err(SourceError::Binary("NUL characters"));
    }
    let controls = head
        .iter()
        .filter(|&&c| is_binary_control(c as u32))
        .count();
    too_many_controls(controls, head.len())
}

fn too_many_controls(controls: usize, total: usize) -> Result<(), SourceError> {
    if controls * 10 > total {
        Err(SourceError::Binary("over 10% control characters"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom() {
        let d = decode("\u{FEFF}Größe".as_bytes()).unwrap();
        assert_eq!(d.text, "Größe");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn windows_1252_fallback() {
        let d = decode(b"Gr\xF6\xDFe \x80").unwrap();
        assert_eq!(d.text, "Größe €");
        assert_eq!(d.warnings, vec![WINDOWS_1252_WARNING.to_string()]);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Köln".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Köln");
    }

    #[test]
    fn binaries_rejected() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(SourceError::Binary(_))
        ));
        assert!(matches!(
            decode(b"ab\x01\x02\x03cd"),
            Err(SourceError::Binary(_))
        ));
        assert!(decode(b"").unwrap().text.is_empty());
        assert!(decode(b"a\tb\r\nc\x0c").is_ok());
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn gunzip_reads_every_member() {
        let first = "Erster Teil. ".repeat(500);
        let mut bytes = gz(first.as_bytes());
        // the trailer's size hint is the last member's only
        bytes.extend(gz(b"Zweiter Teil."));
        let out = gunzip(&bytes).unwrap();
        assert_eq!(out, format!("{first}Zweiter Teil.").into_bytes());
    }

    #[test]
    fn gunzip_does_not_trust_the_size_in_the_trailer() {
        let mut bytes = gz(b"kurz");
        let n = bytes.len();
        bytes[n - 4..].copy_from_slice(&u32::MAX.to_le_bytes());
        // a wrong size is an error (gzip checks it), not a 4 GB buffer
        assert!(matches!(gunzip(&bytes), Err(SourceError::Gzip(_))));
        let good = gz("Text ".repeat(1000).as_bytes());
        assert!(gunzip(&good[..good.len() / 2]).is_err(), "truncated");
        assert!(gunzip(b"\x1f\x8b").is_err());
    }
}
