//! Test support: runs a rule family's example corpus (Duckling-style). A corpus file holds
//! examples separated by blank lines; `> ` lines are the text (joined with newlines), `= ` lines
//! the facts the family must produce, described by the family's own `describe` function. An
//! example without `= ` lines must produce nothing. `# ` lines are comments.

use crate::{Document, Extractor, Record};
use std::sync::OnceLock;

pub struct Example {
    pub line: usize,
    pub text: String,
    pub expected: Vec<String>,
}

pub fn parse(corpus: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut cur: Option<Example> = None;
    for (i, line) in corpus.lines().enumerate() {
        if let Some(t) = line
            .strip_prefix("> ")
            .or_else(|| (line == ">").then_some(""))
        {
            match &mut cur {
                Some(ex) if ex.expected.is_empty() => {
                    ex.text.push('\n');
                    ex.text.push_str(t);
                }
                _ => {
                    if let Some(ex) = cur.take() {
                        out.push(ex);
                    }
                    cur = Some(Example {
                        line: i + 1,
                        text: t.to_string(),
                        expected: Vec::new(),
                    });
                }
            }
        } else if let Some(e) = line.strip_prefix("= ") {
            if let Some(ex) = &mut cur {
                ex.expected.push(e.trim().to_string());
            }
        } else if line.trim().is_empty()
            && let Some(ex) = cur.take()
        {
            out.push(ex);
        }
    }
    if let Some(ex) = cur.take() {
        out.push(ex);
    }
    out
}

pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::with_embedded_rules().expect("embedded rules load"))
}

/// Runs every example of `corpus` and panics with the list of those that failed.
pub fn check(name: &str, corpus: &str, describe: impl Fn(&Record) -> Vec<String>) {
    let examples = parse(corpus);
    assert!(!examples.is_empty(), "{name}: corpus has no examples");
    let mut failures = Vec::new();
    for ex in &examples {
        let rec = extractor().extract(&Document::from_text(ex.text.clone()));
        let mut got = describe(&rec);
        got.sort();
        got.dedup();
        let mut want = ex.expected.clone();
        want.sort();
        if got != want {
            failures.push(format!(
                "{name}:{}: {:?}\n    want {:?}\n    got  {:?}",
                ex.line, ex.text, want, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples failed:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}
