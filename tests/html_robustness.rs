//! Hostile and broken HTML: each page below must give a clear error or best-effort text with
//! a warning, never a panic or a stack overflow. The pages are generated here.

use std::io::Write;
use std::process::Command;

use newsextract::document::html::{PageOptions, read_page};

const ARTICLE: &str = "<p>Leipzig belegt im Smart City Index 2024 den zwölften Platz, sagte \
Oberbürgermeister Burkhard Jung (SPD) am Montag in Leipzig.</p>";

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Test</title></head><body>{body}</body></html>"
    )
}

fn opts() -> PageOptions {
    PageOptions::default()
}

#[test]
fn hundred_thousand_nested_divs() {
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 11 + 300);
    html.push_str("<!DOCTYPE html><html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str(ARTICLE);
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    // Best effort: the tags nested too deep are ignored, the text stays, a warning says so.
    let page = read_page(html.as_bytes(), &opts()).expect("text despite the nesting");
    assert!(page.text.contains("Smart City Index"), "{}", page.text);
    assert!(
        page.warnings
            .iter()
            .any(|w| w.contains("nests elements more than 1000 deep")),
        "{:?}",
        page.warnings
    );
}

#[test]
fn thirty_megabyte_page() {
    let paragraph = "<p>Die Stadt investiert in Radwege, Schulen und ein schnelles Netz; der \
        Stadtrat hat dafür im Haushalt zusätzliche Mittel bereitgestellt.</p>\n";
    let mut body = String::from(ARTICLE);
    while body.len() < 30 * 1024 * 1024 {
        body.push_str(paragraph);
    }
    let page = read_page(page(&body).as_bytes(), &opts()).expect("a long article is an article");
    assert!(page.text.contains("Smart City Index"));
}

#[test]
fn truncated_page_gives_its_text() {
    let full = page(&format!(
        "<article>{ARTICLE}<p>Der zweite Absatz endet abrupt</p></article>"
    ));
    let cut = &full[..full.find("abrupt").expect("marker") + 3];
    let page = read_page(cut.as_bytes(), &opts()).expect("best effort on a truncated page");
    assert!(page.text.contains("Smart City Index"), "{}", page.text);
}

#[test]
fn invalid_charset_label_is_a_warning() {
    let html = page(ARTICLE).replace("utf-8", "klingon-8");
    let page = read_page(html.as_bytes(), &opts()).expect("decodes with a guess");
    assert!(page.text.contains("zwölften"), "{}", page.text);
    assert!(
        page.warnings
            .iter()
            .any(|w| w.contains("unknown charset 'klingon-8'")),
        "{:?}",
        page.warnings
    );
}

#[test]
fn empty_body_is_an_error() {
    for html in [
        page(""),
        page("   \n  "),
        String::new(),
        "<html></html>".into(),
    ] {
        let err = read_page(html.as_bytes(), &opts()).expect_err("no text, no article");
        assert!(err.to_string().starts_with("no main text found"), "{err}");
    }
}

#[test]
fn latin1_page_is_not_mojibake() {
    let html = page(ARTICLE).replace("utf-8", "iso-8859-1");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    let page = read_page(&bytes, &opts()).expect("latin-1 page");
    assert!(page.text.contains("zwölften Platz"), "{}", page.text);
    assert!(page.text.contains("Oberbürgermeister"));
    assert_eq!(page.encoding, "windows-1252");
}

fn run_cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newsextract"))
        .args(args)
        .output()
        .expect("run newsextract")
}

#[test]
fn binary_and_broken_pages_are_per_item_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(
        d.join("a-binary.html"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    )
    .unwrap();
    std::fs::write(d.join("b-bad.html.gz"), b"\x1f\x8b\x08\x00not really gzip").unwrap();
    std::fs::write(d.join("c-empty.html"), page("")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(page(ARTICLE).as_bytes()).unwrap();
    std::fs::write(d.join("d-good.html.gz"), gz.finish().unwrap()).unwrap();
    let dir_arg = d.display().to_string();

    let o = run_cli(&["batch", &dir_arg, "-o", "-"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("a-binary.html: looks like a binary file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b-bad.html.gz: not valid gzip data"),
        "{stderr}"
    );
    assert!(
        stderr.contains("c-empty.html: no main text found in the page"),
        "{stderr}"
    );
    assert!(stderr.ends_with("1 ok, 3 failed, 0 skipped\n"), "{stderr}");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let record: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one record");
    assert_eq!(record["city"]["name"], "Leipzig");
    assert_eq!(record["source"]["encoding"], "UTF-8");

    let out = d.join("out");
    let o = run_cli(&["text", "--out-dir", &out.display().to_string(), &dir_arg]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.ends_with("1 ok, 3 failed, 0 skipped\n"), "{stderr}");
    let text = std::fs::read_to_string(out.join("d-good.html.txt")).expect("txt written");
    assert!(text.contains("Smart City Index"));
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("d-good.html.meta.json")).unwrap())
            .unwrap();
    assert_eq!(meta["encoding"], "UTF-8");
    assert_eq!(meta["language"], "de");
}
