//! Reads the data files' simple formats: `#` comments, one header line for tables, tab-separated
//! columns. No quoting, no escapes: the files are ours.

use super::GazetteerError;

/// Non-comment, non-empty lines, trimmed.
pub fn lines(content: &str) -> impl Iterator<Item = &str> {
    content
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Table rows after the header line, each with at least `min_cols` columns.
pub fn rows(
    file: &str,
    content: &str,
    min_cols: usize,
) -> Result<Vec<Vec<String>>, GazetteerError> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, raw) in content.lines().enumerate() {
        let line = raw.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let cols: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
        if cols.len() < min_cols {
            return Err(GazetteerError::Parse {
                file: file.to_string(),
                line: i + 1,
                message: format!(
                    "expected at least {min_cols} tab-separated columns, found {}",
                    cols.len()
                ),
            });
        }
        out.push(cols);
    }
    Ok(out)
}
