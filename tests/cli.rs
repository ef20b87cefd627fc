//! End-to-end tests of the `newsextract` binary: inputs (text, JSON, JSONL, stdin, latin-1,
//! binary, unsupported, missing), outputs (JSON Lines, pretty, --errors, summary), exit
//! statuses, determinism across thread counts and `--rules`. No network.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const LEIPZIG: &str = "fixtures/articles/leipzig-smart-city-index.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsextract"));
    c.current_dir(root());
    c
}

/// Runs the binary with `args` and `stdin`; stdout and stderr are captured (so not terminals).
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start newsextract");
    let mut input = child.stdin.take().expect("stdin");
    // The binary may exit before reading stdin (usage errors): ignore a broken pipe here.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("wait for newsextract")
}

fn status(o: &Output) -> i32 {
    o.status
        .code()
        .expect("exit status (not killed by a signal)")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn records(o: &Output) -> Vec<Value> {
    let out = std::str::from_utf8(&o.stdout).expect("stdout is UTF-8");
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn path_of(rec: &Value) -> &Value {
    &rec["source"]["path"]
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("read JSONL")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

#[test]
fn extract_text_file_piped_gives_one_json_line() {
    let o = run(&["extract", LEIPZIG], b"");
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert_eq!(
        out.lines().count(),
        1,
        "one compact line when stdout is not a terminal"
    );
    let rec = &records(&o)[0];
    assert_eq!(path_of(rec), LEIPZIG);
    assert_eq!(rec["city"]["name"], "Leipzig");
    assert_eq!(rec["schema_version"], 1);
}

#[test]
fn pretty_flag_forces_indented_json() {
    let o = run(&["extract", "--pretty", LEIPZIG], b"");
    assert_eq!(status(&o), 0);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.lines().count() > 10);
    let rec: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rec["source"]["path"], LEIPZIG);
    let o = run(&["extract", "--pretty", "--jsonl", LEIPZIG], b"");
    assert_eq!(status(&o), 2, "--pretty and --jsonl conflict");
}

#[test]
fn stdin_text() {
    let o = run(
        &["extract", "-"],
        "Leipzig belegt im Smart City Index Platz 12.\n".as_bytes(),
    );
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(recs.len(), 1);
    assert_eq!(path_of(&recs[0]), &Value::Null);
    assert_eq!(recs[0]["text_chars"], 45);
    assert_eq!(recs[0]["cities"][0]["name"], "Leipzig");
}

#[test]
fn stdin_json_lines_are_records() {
    let input = "{\"text\": \"Leipzig liegt vorn.\", \"id\": \"a\"}\n{\"text\": \"Lübeck auch.\", \"published\": \"2024-05-17T09:30:00+02:00\"}\n";
    let o = run(&["extract", "-"], input.as_bytes());
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1]["published"], "2024-05-17");
    assert!(recs.iter().all(|r| path_of(r).is_null()));
}

#[test]
fn json_and_jsonl_inputs() {
    let o = run(
        &[
            "extract",
            "fixtures/inputs/one.json",
            "fixtures/inputs/records.jsonl",
        ],
        b"",
    );
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let recs = records(&o);
    let jsonl_lines = std::fs::read_to_string(root().join("fixtures/inputs/records.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(recs.len(), 1 + jsonl_lines);
    assert_eq!(path_of(&recs[0]), "fixtures/inputs/one.json");
    assert!(
        recs[1..]
            .iter()
            .all(|r| path_of(r) == "fixtures/inputs/records.jsonl")
    );
    // Metadata from the JSON record is carried over.
    let one: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/inputs/one.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(recs[0]["source"]["url"], one["url"]);
    assert_eq!(recs[0]["title"], one["title"]);
    assert_eq!(recs[0]["published"], one["published"]);
    assert_eq!(recs[0]["source"]["id"], one["id"]);
}

#[test]
fn latin1_is_decoded_with_a_warning() {
    let o = run(&["extract", "fixtures/inputs/latin1.txt"], b"");
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let rec = &records(&o)[0];
    let warnings: Vec<&str> = rec["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        warnings.contains(&"input is not valid UTF-8; decoded as windows-1252"),
        "{warnings:?}"
    );
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(!out.contains('\u{FFFD}'), "no replacement characters");
    assert!(
        rec["title"].as_str().unwrap().contains("Lüneburg"),
        "umlauts decoded: {}",
        rec["title"]
    );
    assert!(
        rec["cities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "Lüneburg")
    );
    assert!(
        stderr(&o).contains("warning: input is not valid UTF-8"),
        "extract also warns on stderr"
    );
}

#[test]
fn binary_input_fails_while_others_go_on() {
    let o = run(&["extract", "fixtures/inputs/broken.txt", LEIPZIG], b"");
    assert_eq!(status(&o), 1);
    let recs = records(&o);
    assert_eq!(recs.len(), 1);
    assert_eq!(path_of(&recs[0]), LEIPZIG);
    let err = stderr(&o);
    assert!(
        err.contains("newsextract: fixtures/inputs/broken.txt: looks like a binary file"),
        "{err}"
    );
}

#[test]
fn explicit_unsupported_extension_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("report.pdf");
    std::fs::write(&doc, "%PDF-1.7").unwrap();
    let o = run(&["extract", &s(&doc), LEIPZIG], b"");
    assert_eq!(status(&o), 1);
    assert_eq!(records(&o).len(), 1);
    let expected = format!(
        "newsextract: {}: unsupported input type '.pdf' (supported: .txt, .json, .jsonl, .html, .htm, .xhtml, and any of these gzip-compressed as .gz)",
        s(&doc)
    );
    assert!(stderr(&o).contains(&expected), "{}", stderr(&o));
}

#[test]
fn missing_file_is_an_error() {
    let o = run(
        &["extract", "fixtures/articles/no-such-article.txt", LEIPZIG],
        b"",
    );
    assert_eq!(status(&o), 1);
    assert_eq!(records(&o).len(), 1);
    assert!(
        stderr(&o).contains(
            "newsextract: fixtures/articles/no-such-article.txt: no such file or directory"
        )
    );
}

#[test]
fn walked_unsupported_file_is_skipped_not_failed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Leipzig belegt Platz 12.").unwrap();
    std::fs::write(dir.path().join("b.pdf"), "%PDF-1.7").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "Dresden").unwrap();
    let out = dir.path().join("out.jsonl");
    let errors = dir.path().join("errors.jsonl");
    let batch = || {
        run(
            &[
                "batch",
                &s(dir.path()),
                "-o",
                &s(&out),
                "--errors",
                &s(&errors),
            ],
            b"",
        )
    };
    let o = batch();
    assert_eq!(
        status(&o),
        0,
        "skipped files do not fail a run: {}",
        stderr(&o)
    );
    assert_eq!(
        stderr(&o).lines().last(),
        Some("newsextract: 1 ok, 0 failed, 1 skipped")
    );
    assert_eq!(read_jsonl(&out).len(), 1);
    let errs = read_jsonl(&errors);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0]["status"], "skipped");
    assert_eq!(errs[0]["path"], s(&dir.path().join("b.pdf")));
    assert!(
        errs[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("unsupported input type '.pdf'")
    );
    // Run again: the output and errors files inside the walked folder are not read as inputs.
    let o = batch();
    assert_eq!(
        stderr(&o).lines().last(),
        Some("newsextract: 1 ok, 0 failed, 1 skipped")
    );
}

#[test]
fn batch_output_is_identical_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let out = dir.path().join(format!("t{threads}.jsonl"));
        let o = run(
            &[
                "batch",
                "fixtures/articles",
                "-o",
                &s(&out),
                "--threads",
                threads,
                "--no-progress",
            ],
            b"",
        );
        assert_eq!(status(&o), 0, "{}", stderr(&o));
        outputs.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(outputs[0], outputs[1], "byte-identical output");
    let mut expected: Vec<String> = std::fs::read_dir(root().join("fixtures/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && !n.starts_with('.'))
        .map(|n| format!("fixtures/articles/{n}"))
        .collect();
    expected.sort();
    let got: Vec<String> = read_jsonl(&dir.path().join("t1.jsonl"))
        .iter()
        .map(|r| path_of(r).as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, expected, "one record per article, in path order");
}

#[test]
fn batch_to_stdout() {
    let o = run(
        &["batch", LEIPZIG, "-", "-o", "-"],
        "Lübeck ist in den Top Ten.".as_bytes(),
    );
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(recs.len(), 2);
    assert_eq!(path_of(&recs[0]), LEIPZIG);
    assert_eq!(
        stderr(&o).lines().last(),
        Some("newsextract: 2 ok, 0 failed, 0 skipped")
    );
}

#[test]
fn errors_file_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a-good.txt"), "Leipzig belegt Platz 12.").unwrap();
    std::fs::write(
        d.join("b-records.jsonl"),
        "{\"text\": \"Dresden.\"}\n{\"title\": \"ohne Text\"}\n{kaputt\n\n{\"text\": \"Jena.\"}\n",
    )
    .unwrap();
    std::fs::write(d.join("c-binary.txt"), b"\x00\x01\x02binary").unwrap();
    std::fs::write(d.join("d-scan.pdf"), b"%PDF-1.4").unwrap();
    let out = d.join("out/records.jsonl"); // parent folder is created
    let errors = d.join("errors.jsonl");
    let o = run(
        &[
            "batch",
            &s(d),
            "-o",
            &s(&out),
            "--errors",
            &s(&errors),
            "--threads",
            "2",
        ],
        b"",
    );
    assert_eq!(status(&o), 1, "{}", stderr(&o));
    assert_eq!(read_jsonl(&out).len(), 3);
    let err = stderr(&o);
    assert_eq!(
        err.lines().last(),
        Some("newsextract: 3 ok, 3 failed, 1 skipped")
    );
    let jsonl = s(&d.join("b-records.jsonl"));
    assert!(
        err.contains(&format!(
            "newsextract: {jsonl}:2: record has no \"text\" field"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("newsextract: {jsonl}:3: invalid JSON")),
        "{err}"
    );
    let errs = read_jsonl(&errors);
    let summary: Vec<(String, Value, String)> = errs
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["line"].clone(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (jsonl.clone(), Value::from(2), "failed".to_string()),
            (jsonl, Value::from(3), "failed".to_string()),
            (
                s(&d.join("c-binary.txt")),
                Value::Null,
                "failed".to_string()
            ),
            (s(&d.join("d-scan.pdf")), Value::Null, "skipped".to_string()),
        ]
    );
    for e in &errs {
        let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 4, "{e}");
        assert!(e["reason"].as_str().is_some_and(|r| !r.is_empty()));
    }
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec![], "no arguments"),
        (vec!["--frobnicate".into()], "unknown flag"),
        (
            vec!["extract".into(), "--frobnicate".into(), LEIPZIG.into()],
            "unknown flag of a subcommand",
        ),
        (vec!["extract".into()], "no paths"),
        (vec!["batch".into(), "fixtures/articles".into()], "no -o"),
        (
            vec![
                "batch".into(),
                LEIPZIG.into(),
                "-o".into(),
                "-".into(),
                "--threads".into(),
                "0".into(),
            ],
            "zero threads",
        ),
        (
            vec!["batch".into(), s(dir.path()), "-o".into(), "-".into()],
            "empty folder: no inputs",
        ),
        (
            vec![
                "batch".into(),
                LEIPZIG.into(),
                "-o".into(),
                format!("{LEIPZIG}/x.jsonl"),
            ],
            "unwritable output",
        ),
        (
            vec!["batch".into(), LEIPZIG.into(), "-o".into(), LEIPZIG.into()],
            "output is an input",
        ),
        (
            vec![
                "--rules".into(),
                s(&dir.path().join("nope")),
                "extract".into(),
                LEIPZIG.into(),
            ],
            "bad --rules",
        ),
        (
            vec![
                "batch".into(),
                LEIPZIG.into(),
                "-o".into(),
                s(&dir.path().join("o.jsonl")),
                "--errors".into(),
                s(&dir.path().join("o.jsonl")),
            ],
            "--errors is the output",
        ),
    ];
    for (args, why) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = run(&args, b"");
        assert_eq!(status(&o), 2, "{why}: {args:?}: {}", stderr(&o));
        assert!(!stderr(&o).is_empty(), "{why}: says why");
        assert!(!stderr(&o).contains("panicked"), "{why}");
    }
    // The fixture named as output was not truncated.
    assert!(std::fs::metadata(root().join(LEIPZIG)).unwrap().len() > 0);
    let o = run(&["batch", &s(dir.path()), "-o", "-"], b"");
    assert!(stderr(&o).contains("no inputs found"), "{}", stderr(&o));
}

#[test]
fn help_mentions_the_subcommands_and_the_rules_files() {
    let o = run(&["--help"], b"");
    assert_eq!(status(&o), 0);
    let help = String::from_utf8(o.stdout).unwrap();
    for word in [
        "extract",
        "batch",
        "--rules",
        "parties.tsv",
        "cities.tsv",
        "Exit status",
    ] {
        assert!(help.contains(word), "--help mentions {word}:\n{help}");
    }
    let o = run(&["batch", "--help"], b"");
    assert_eq!(status(&o), 0);
    let help = String::from_utf8(o.stdout).unwrap();
    for word in [
        "--threads",
        "--errors",
        "--no-progress",
        "--output",
        "Examples",
    ] {
        assert!(help.contains(word), "batch --help mentions {word}:\n{help}");
    }
}

/// A rules folder holding only `name`, with `content`.
fn rules_dir(name: &str, content: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), content).unwrap();
    dir
}

#[test]
fn rules_dir_overrides_cities() {
    let text = "Musterstadt belegt Platz 3. In Musterstadt freut man sich.";
    let o = run(&["extract", "-"], text.as_bytes());
    assert_eq!(
        records(&o)[0]["city"],
        Value::Null,
        "no such city in the built-in data"
    );
    let rules = rules_dir(
        "cities.tsv",
        "ags\tname\tofficial\tstate\tpopulation\tkreisfrei\tstadt\tvariants\n\
         99999999\tMusterstadt\tMusterstadt, Stadt\tTestland\t500000\t1\t1\t\n",
    );
    let o = run(
        &["--rules", &s(rules.path()), "extract", "-"],
        text.as_bytes(),
    );
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert_eq!(records(&o)[0]["city"]["name"], "Musterstadt");
    assert_eq!(records(&o)[0]["city"]["ags"], "99999999");
}

fn party_of(o: &Output, name: &str) -> Option<Value> {
    let rec = &records(o)[0];
    rec["officials"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == name)
        .map(|p| p["party"].clone())
}

#[test]
fn rules_dir_overrides_parties() {
    let text = "Lübeck in den Top Ten\n\nBürgermeister Jan Lindenau (SPD) freut sich: Lübeck ist im Smart City Index auf Platz 9 vorgerückt.";
    let o = run(&["extract", "-"], text.as_bytes());
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    if records(&o)[0]["officials"]
        .as_array()
        .is_none_or(|a| a.is_empty())
    {
        // Only before the officials extractor is merged (it was a stub on this branch).
        eprintln!("skipped: the officials extractor found no official in the probe text");
        return;
    }
    assert_eq!(party_of(&o, "Jan Lindenau"), Some(Value::from("SPD")));
    let rules = rules_dir(
        "parties.tsv",
        "# test override: a header line, then surface <TAB> canonical\nsurface\tcanonical\nSPD\tSozialdemokratische Partei Deutschlands\n",
    );
    let o = run(
        &["--rules", &s(rules.path()), "extract", "-"],
        text.as_bytes(),
    );
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert_eq!(
        party_of(&o, "Jan Lindenau"),
        Some(Value::from("Sozialdemokratische Partei Deutschlands"))
    );
}

#[test]
fn broken_pipe_ends_quietly() {
    // Enough records to overflow the pipe buffer, and a reader that goes away at once.
    let mut args = vec!["extract", "--jsonl"];
    args.extend(std::iter::repeat_n("fixtures/articles", 20));
    let mut child = bin()
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        !err.contains("Broken pipe") && !err.contains("broken pipe"),
        "{err}"
    );
    assert_eq!(status(&o), 0);
}

#[test]
fn the_fixture_inputs_exist() {
    // The tests above read these; fail with a clear message when they are missing.
    for p in [
        LEIPZIG,
        "fixtures/inputs/one.json",
        "fixtures/inputs/records.jsonl",
        "fixtures/inputs/latin1.txt",
        "fixtures/inputs/broken.txt",
    ] {
        let path: PathBuf = root().join(p);
        assert!(path.is_file(), "missing fixture {p}");
    }
}

const PAGE: &str = "fixtures/html/fx-01-smart-city-muenster.html";
const GZ_PAGE: &str = "fixtures/html/fx-08-frankfurt-oder-fahrradklima.html.gz";

#[test]
fn text_prints_the_main_text_and_json_adds_metadata() {
    let o = run(&["text", PAGE], b"");
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    let twin =
        std::fs::read_to_string(root().join("fixtures/articles/fx-01-smart-city-muenster.txt"))
            .expect("twin");
    let second_paragraph = twin.split("\n\n").nth(2).expect("a second paragraph");
    assert!(text.contains(&format!("\n\n{second_paragraph}")), "{text}");
    assert!(
        !text.contains("Cookies"),
        "the consent banner is not main text: {text}"
    );

    let o = run(&["text", "--json", PAGE, GZ_PAGE], b"");
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["path"], PAGE);
    assert_eq!(recs[1]["path"], GZ_PAGE);
    for key in [
        "text", "title", "author", "date", "sitename", "url", "language", "encoding", "warnings",
    ] {
        assert!(recs[1].get(key).is_some(), "{key} missing: {}", recs[1]);
    }
    assert_eq!(
        recs[1]["encoding"], "windows-1252",
        "the gzipped page is also latin-1"
    );

    // Several pages without --json: each under a header naming it.
    let o = run(&["text", PAGE, GZ_PAGE], b"");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.starts_with(&format!("==> {PAGE} <==\n")), "{text}");
    assert!(text.contains(&format!("==> {GZ_PAGE} <==\n")), "{text}");
}

#[test]
fn text_rejects_what_is_not_html() {
    let o = run(&["text", LEIPZIG], b"");
    assert_eq!(status(&o), 1);
    assert!(
        stderr(&o).contains(&format!("newsextract: {LEIPZIG}: not an HTML page")),
        "{}",
        stderr(&o)
    );
    // In a folder, text files are skipped; no page at all is a usage error.
    let o = run(&["text", "fixtures/articles"], b"");
    assert_eq!(status(&o), 2);
    assert!(
        stderr(&o).contains("no HTML pages found in fixtures/articles"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn html_from_stdin_and_from_files_give_the_same_record() {
    let page = std::fs::read(root().join(PAGE)).expect("fixture page");
    let from_stdin = records(&run(&["extract", "-"], &page));
    let from_file = records(&run(&["extract", PAGE], b""));
    assert_eq!(from_stdin.len(), 1);
    assert_eq!(from_stdin[0]["source"]["path"], Value::Null);
    assert_eq!(from_file[0]["source"]["path"], PAGE);
    assert_eq!(from_stdin[0]["rankings"], from_file[0]["rankings"]);
    assert_eq!(from_stdin[0]["source"]["encoding"], "UTF-8");
    assert_eq!(from_file[0]["language"], "de");
}
