//! The HTML fixtures (fixtures/html/, made by scripts/gen_html_fixtures.py) wrap the fixture
//! articles in news-site pages with navigation, a cookie banner, teaser boxes, comments and a
//! footer, some in windows-1252 and one gzipped. The extractors must find the same facts in
//! each page as in its plain-text twin (without the twin's lines of page furniture: image
//! credits, teasers, ad labels, bylines), and the page's metadata must be read as stated.

use std::path::{Path, PathBuf};

use newsextract::source::{self, Input, files::classify};
use newsextract::{Document, Extractor, Record};
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> Document {
    let kind = classify(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let input = Input::File {
        path: path.to_path_buf(),
        display: path.display().to_string(),
        kind,
    };
    let mut items = source::read(&input);
    assert_eq!(items.len(), 1, "{}", path.display());
    items
        .remove(0)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The facts of a record without their evidence (offsets differ between page and text).
fn facts(r: &Record) -> Value {
    let strip = |v: Value| -> Value {
        match v {
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .map(|mut item| {
                        if let Some(o) = item.as_object_mut() {
                            o.remove("evidence");
                        }
                        item
                    })
                    .collect(),
            ),
            other => other,
        }
    };
    let v = serde_json::to_value(r).expect("record serialises");
    json!({
        "city": v["city"],
        "cities": strip(v["cities"].clone()),
        "rankings": strip(v["rankings"].clone()),
        "years": v["years"],
        "officials": strip(v["officials"].clone()),
        "initiatives": strip(v["initiatives"].clone()),
    })
}

#[test]
fn html_pages_give_the_facts_of_their_text_twins() {
    let extractor = Extractor::with_embedded_rules().expect("built-in rules");
    let dir = root().join("fixtures/html");
    let expected = std::fs::read_to_string(root().join("fixtures/html-expected.jsonl"))
        .expect("fixtures/html-expected.jsonl");
    let mut problems = Vec::new();
    let mut pages = 0;
    for line in expected.lines() {
        let e: Value = serde_json::from_str(line).expect("expected.jsonl line");
        let page = e["page"].as_str().expect("page");
        let twin = e["twin"].as_str().expect("twin");
        pages += 1;
        let doc = read(&dir.join(page));
        let mut text = read(&root().join("fixtures/articles").join(twin));
        // Lines of page furniture in the twin (image credits, "Lesen Sie auch" teasers, ad
        // labels, bylines) are page elements in the HTML, not article text.
        for line in e["furniture"].as_array().expect("furniture") {
            let line = line.as_str().expect("furniture line");
            text.text = text.text.replace(&format!("{line}\n\n"), "");
        }
        let (from_page, from_text) = (extractor.extract(&doc), extractor.extract(&text));
        let (a, b) = (facts(&from_page), facts(&from_text));
        if a != b {
            problems.push(format!(
                "{page}: facts differ from {twin}\n  page: {a}\n  text: {b}\n  page text:\n{}",
                doc.text
            ));
        }
        let mut check = |field: &str, got: Value, want: &Value| {
            if &got != want {
                problems.push(format!("{page}: {field} is {got}, expected {want}"));
            }
        };
        if !e["title"].is_null() {
            check("title", json!(doc.title), &e["title"]);
        }
        check("date", json!(doc.published), &e["date"]);
        check("authors", json!(doc.authors), &e["authors"]);
        check("sitename", json!(doc.sitename), &e["sitename"]);
        check("url", json!(doc.url), &e["url"]);
        check("language", json!(doc.language), &e["language"]);
        check("encoding", json!(doc.encoding), &e["encoding"]);
        if !doc.warnings.is_empty() {
            problems.push(format!("{page}: unexpected warnings {:?}", doc.warnings));
        }
    }
    assert!(pages >= 25, "only {pages} HTML fixtures");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
