//! Expands the paths named on the command line into inputs: files as given, folders walked
//! recursively in a fixed order (sorted by name at each level, hidden entries skipped), each
//! file classified by extension. Lazy, so a huge folder is never listed in memory at once.
//! It reads no file contents; that is `decode`'s and `json`'s job.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{Failure, Input, SourceError};

/// How a file's content is read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.txt`: the whole file is one article.
    Text,
    /// `.json`: one record object or an array of them.
    Json,
    /// `.jsonl`: one record object per line.
    JsonLines,
    /// `.html`, `.htm`, `.xhtml`: a web page; its main text is the article.
    Html,
    /// `.gz`: one of the other kinds compressed; the inner name or content decides which.
    Gzip,
}

/// What one path expands to.
#[derive(Debug)]
pub enum Planned {
    /// An input to read.
    Input(Input),
    /// A file met while walking a folder and left alone (unsupported type); not an error.
    Skipped { path: String, reason: String },
    /// A path that cannot be read at all (missing, unsupported when named explicitly, …).
    Failed(Failure),
}

/// Classifies a file by its extension (case-insensitive).
pub fn classify(path: &Path) -> Result<Kind, SourceError> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    match ext.as_deref() {
        Some("txt") => Ok(Kind::Text),
        Some("json") => Ok(Kind::Json),
        Some("jsonl") => Ok(Kind::JsonLines),
        Some("html" | "htm" | "xhtml") => Ok(Kind::Html),
        Some("gz") => Ok(Kind::Gzip),
        Some(other) => Err(SourceError::Unsupported(format!(".{other}"))),
        None => Err(SourceError::Unsupported("(no extension)".to_string())),
    }
}

/// Expands command-line arguments (`-` is stdin) into inputs, in argument order and, inside
/// each folder, in walk order. Files in `exclude` (canonical paths, e.g. the output file) are
/// never read when met inside a walked folder.
pub fn expand(args: &[String], exclude: Vec<PathBuf>) -> impl Iterator<Item = Planned> + '_ {
    args.iter()
        .flat_map(move |arg| expand_one(arg, exclude.clone()))
}

fn expand_one(arg: &str, exclude: Vec<PathBuf>) -> Box<dyn Iterator<Item = Planned>> {
    if arg == "-" {
        return Box::new(std::iter::once(Planned::Input(Input::Stdin)));
    }
    let path = PathBuf::from(arg);
    let failed = |error| {
        Box::new(std::iter::once(Planned::Failed(Failure::new(
            arg, None, error,
        ))))
    };
    match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => failed(SourceError::NotFound),
        Err(e) => failed(SourceError::Io(e)),
        Ok(meta) if meta.is_dir() => Box::new(walk(path, exclude)),
        Ok(_) => Box::new(std::iter::once(match classify(&path) {
            Ok(kind) => Planned::Input(Input::File {
                path,
                display: arg.to_string(),
                kind,
            }),
            Err(e) => Planned::Failed(Failure::new(arg, None, e)),
        })),
    }
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
}

fn walk(root: PathBuf, exclude: Vec<PathBuf>) -> impl Iterator<Item = Planned> {
    let root_name = root.display().to_string();
    WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e))
        .filter_map(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map_or(root_name.clone(), |p| p.display().to_string());
                    let error = match e.into_io_error() {
                        Some(io) => SourceError::Io(io),
                        None => SourceError::Io(std::io::Error::other("symbolic link loop")),
                    };
                    return Some(Planned::Failed(Failure::new(path, None, error)));
                }
            };
            let ft = entry.file_type();
            if ft.is_dir() {
                return None;
            }
            let display = entry.path().display().to_string();
            if !ft.is_file() {
                return Some(Planned::Skipped {
                    path: display,
                    reason: SourceError::NotAFile.to_string(),
                });
            }
            // Compare names first: canonicalising every file would cost a syscall each.
            if exclude
                .iter()
                .any(|ex| ex.file_name() == Some(entry.file_name()))
                && entry
                    .path()
                    .canonicalize()
                    .is_ok_and(|p| exclude.contains(&p))
            {
                return None;
            }
            Some(match classify(entry.path()) {
                Ok(kind) => Planned::Input(Input::File {
                    path: entry.into_path(),
                    display,
                    kind,
                }),
                Err(e) => Planned::Skipped {
                    path: display,
                    reason: e.to_string(),
                },
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_by_extension() {
        assert_eq!(classify(Path::new("a/b.TXT")).unwrap(), Kind::Text);
        assert_eq!(classify(Path::new("b.jsonl")).unwrap(), Kind::JsonLines);
        assert_eq!(classify(Path::new("x.HTM")).unwrap(), Kind::Html);
        assert_eq!(classify(Path::new("x.html.gz")).unwrap(), Kind::Gzip);
        let e = classify(Path::new("x.pdf")).unwrap_err().to_string();
        assert!(
            e.starts_with("unsupported input type '.pdf' (supported: .txt"),
            "{e}"
        );
    }

    #[test]
    fn walk_is_sorted_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub/.git")).unwrap();
        for f in [
            "b.txt",
            "a.json",
            "sub/c.jsonl",
            "sub/.git/x.txt",
            ".hidden.txt",
            "page.html",
            "notes.pdf",
        ] {
            std::fs::write(d.join(f), "{}").unwrap();
        }
        let arg = d.display().to_string();
        let out: Vec<String> = expand(std::slice::from_ref(&arg), Vec::new())
            .map(|p| match p {
                Planned::Input(i) => format!("in {}", i.name().strip_prefix(&arg).unwrap()),
                Planned::Skipped { path, .. } => {
                    format!("skip {}", path.strip_prefix(&arg).unwrap())
                }
                Planned::Failed(f) => format!("fail {f}"),
            })
            .collect();
        assert_eq!(
            out,
            vec![
                "in /a.json",
                "in /b.txt",
                "skip /notes.pdf",
                "in /page.html",
                "in /sub/c.jsonl"
            ]
        );
    }
}
