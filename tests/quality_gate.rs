//! Quality gates: run the built binary's `batch` over an annotated corpus, score the output
//! with the evaluation scorer and compare every figure against the floors kept in
//! `tests/quality_floor.json` (dotted paths into the scorer's `--json` output, e.g.
//! `"rankings.f1": 0.8`).
//!
//! - dev gate: `../shared/corpus/dev/articles` plus the two seed articles, scored with
//!   `../shared/eval/score.py` against the dev and seed gold files; floors at the top level of
//!   the floors file. Skipped with a message when `../shared` is absent, unless
//!   `NEWSEXTRACT_REQUIRE_SHARED=1`.
//! - fixtures gate: `fixtures/articles` against `fixtures/gold.jsonl`, scored with the copy
//!   `scripts/score.py` (so it needs nothing outside the repository); floors under `"fixtures"`.
//!
//! Both need `python3`. Every figure is printed (`cargo test --test quality_gate -- --nocapture`).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Map, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    root().join("../shared")
}

fn require_shared() -> bool {
    std::env::var("NEWSEXTRACT_REQUIRE_SHARED").is_ok_and(|v| v == "1")
}

/// The floors file, parsed.
fn floors() -> Map<String, Value> {
    let path = root().join("tests/quality_floor.json");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Object(m)) => m,
        other => panic!("{} must hold a JSON object, got {other:?}", path.display()),
    }
}

/// Runs `newsextract batch INPUTS -o OUT` and checks that every input was read.
fn batch(inputs: &[PathBuf], out: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_newsextract"))
        .current_dir(root())
        .arg("batch")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .arg("--no-progress")
        .output()
        .expect("run newsextract batch");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "newsextract batch failed ({}):\n{stderr}",
        o.status
    );
    eprintln!("batch: {}", stderr.lines().last().unwrap_or(""));
}

/// Runs the scorer and returns its `--json` figures.
fn score(scorer: &Path, gold: &Path, pred: &Path) -> Value {
    let result = Command::new("python3")
        .arg(scorer)
        .arg("--gold")
        .arg(gold)
        .arg("--pred")
        .arg(pred)
        .arg("--json")
        .output();
    let o = match result {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!(
                "python3 not found: the quality gates score with {}; install Python 3",
                scorer.display()
            )
        }
        Err(e) => panic!("cannot run python3 {}: {e}", scorer.display()),
    };
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{} failed ({}):\n{stdout}\n{}",
        scorer.display(),
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    let line = stdout
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON from the scorer:\n{stdout}"));
    serde_json::from_str(line).expect("scorer JSON")
}

fn lookup<'a>(figures: &'a Value, dotted: &str) -> Option<&'a Value> {
    dotted.split('.').try_fold(figures, |v, part| v.get(part))
}

/// Every numeric figure as (dotted path, value), in the scorer's order.
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, f64)>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::Number(n) => out.push((prefix.to_string(), n.as_f64().unwrap_or(f64::NAN))),
        _ => {}
    }
}

/// Prints every figure beside its floor and fails when one falls short.
fn gate(name: &str, figures: &Value, floors: &Map<String, Value>) {
    let mut all = Vec::new();
    flatten("", figures, &mut all);
    eprintln!("{name} gate figures (floor in brackets):");
    for (key, value) in &all {
        let floor = floors
            .get(key)
            .and_then(Value::as_f64)
            .map_or(String::new(), |f| format!("  [>= {f}]"));
        eprintln!("  {key:<32} {value}{floor}");
    }
    assert_eq!(
        lookup(figures, "missing_predictions").and_then(Value::as_u64),
        Some(0),
        "{name}: every gold article must get a record"
    );
    let mut short = Vec::new();
    for (key, floor) in floors {
        if key.starts_with('_') {
            continue; // comments
        }
        let floor = floor
            .as_f64()
            .unwrap_or_else(|| panic!("{name}: floor {key} must be a number"));
        let got = lookup(figures, key)
            .and_then(Value::as_f64)
            .unwrap_or_else(|| panic!("{name}: floor {key:?} names no figure of the scorer"));
        if got < floor {
            short.push(format!("{key} = {got} < {floor}"));
        }
    }
    assert!(
        short.is_empty(),
        "{name} gate: figures below their floors:\n  {}",
        short.join("\n  ")
    );
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn concat(files: &[PathBuf], out: &Path) {
    let mut all = String::new();
    for f in files {
        let text =
            std::fs::read_to_string(f).unwrap_or_else(|e| panic!("read {}: {e}", f.display()));
        all.push_str(text.trim_end());
        all.push('\n');
    }
    std::fs::write(out, all).expect("write gold");
}

#[test]
fn dev_corpus_quality_gate() {
    let shared = shared();
    if !shared.is_dir() {
        assert!(
            !require_shared(),
            "../shared not found at {} and NEWSEXTRACT_REQUIRE_SHARED=1",
            shared.display()
        );
        eprintln!(
            "skipped: ../shared not found (set NEWSEXTRACT_REQUIRE_SHARED=1 to make this a failure)"
        );
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let pred = tmp.path().join("pred.jsonl");
    let gold = tmp.path().join("gold.jsonl");
    let seeds = shared.join("seeds");
    let mut inputs = vec![shared.join("corpus/dev/articles")];
    inputs.extend(txt_files(&seeds)); // the seed .txt files only; seeds/gold.jsonl is not an input
    batch(&inputs, &pred);
    concat(
        &[
            shared.join("corpus/dev/gold.jsonl"),
            seeds.join("gold.jsonl"),
        ],
        &gold,
    );
    let figures = score(&shared.join("eval/score.py"), &gold, &pred);
    let floors: Map<String, Value> = floors()
        .into_iter()
        .filter(|(k, _)| k != "fixtures")
        .collect();
    gate("dev", &figures, &floors);
}

#[test]
fn fixtures_quality_gate() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pred = tmp.path().join("pred.jsonl");
    batch(&[root().join("fixtures/articles")], &pred);
    let figures = score(
        &root().join("scripts/score.py"),
        &root().join("fixtures/gold.jsonl"),
        &pred,
    );
    let floors = match floors().remove("fixtures") {
        Some(Value::Object(m)) => m,
        other => {
            panic!("tests/quality_floor.json needs a \"fixtures\" object of floors, got {other:?}")
        }
    };
    gate("fixtures", &figures, &floors);
}

#[test]
fn the_scorer_copy_matches_the_shared_scorer() {
    // scripts/score.py is a copy of ../shared/eval/score.py, so that the fixtures gate needs
    // nothing outside the repository; keep them identical.
    let shared = shared().join("eval/score.py");
    if !shared.is_file() {
        assert!(
            !require_shared(),
            "{} not found and NEWSEXTRACT_REQUIRE_SHARED=1",
            shared.display()
        );
        eprintln!(
            "skipped: ../shared not found (set NEWSEXTRACT_REQUIRE_SHARED=1 to make this a failure)"
        );
        return;
    }
    let ours = std::fs::read(root().join("scripts/score.py")).expect("scripts/score.py");
    let theirs = std::fs::read(&shared).expect("shared score.py");
    assert!(
        ours == theirs,
        "scripts/score.py differs from {}: copy it again",
        shared.display()
    );
}
