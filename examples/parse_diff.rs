//! Verification aid, not a test: parses every HTML page under the given folders (`.html`,
//! `.htm`, `.gz`) with newsextract's parser and with `scraper::Html::parse_document`
//! (html5ever's own tokenizer) and reports each page whose trees differ (serialised, plus
//! quirks mode). Scripts are not pruned here, so their tokenizing is compared too.
//!
//!     cargo run --release --example parse_diff ../shared/bench/html/*/html fixtures/html

use newsextract::document::html::{charset, parse};
use newsextract::source::decode::{gunzip, is_gzip};
use scraper::Html;
use std::path::Path;

fn main() {
    let (mut pages, mut differ) = (0, 0);
    for dir in std::env::args().skip(1) {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            let path = entry.path();
            if !is_page(path) {
                continue;
            }
            let Ok(bytes) = std::fs::read(path) else {
                eprintln!("{}: unreadable", path.display());
                continue;
            };
            let bytes = if is_gzip(&bytes) {
                match gunzip(&bytes) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("{}: {e}", path.display());
                        continue;
                    }
                }
            } else {
                bytes
            };
            let page = charset::decode(&bytes, None, None).text;
            pages += 1;
            let ours = parse::parse(&page).dom;
            let theirs = Html::parse_document(&page);
            let (a, b) = (ours.html(), theirs.html());
            if a != b || ours.quirks_mode != theirs.quirks_mode {
                differ += 1;
                let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
                let lo = at.saturating_sub(80);
                println!(
                    "{}: trees differ at byte {at}\n  ours:      {:?}\n  html5ever: {:?}",
                    path.display(),
                    a.get(lo..(at + 80).min(a.len())).unwrap_or(""),
                    b.get(lo..(at + 80).min(b.len())).unwrap_or("")
                );
            }
        }
    }
    println!("{pages} pages, {differ} with different trees");
    if differ > 0 {
        std::process::exit(1);
    }
}

fn is_page(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    [".html", ".htm", ".xhtml", ".gz"]
        .iter()
        .any(|e| name.ends_with(e))
}
