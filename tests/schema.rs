//! The output contract: every record the library makes — from each fixture article and from
//! odd inputs (empty, blank, 1 MB, combining marks, emoji, right-to-left, CRLF, soft hyphens)
//! — validates against `schema/record.schema.json`, and every evidence points at exactly its
//! text: `text == original chars [start..end]` and the evidence sentence contains it.

use std::path::Path;
use std::sync::OnceLock;

use newsextract::{Document, Extractor};
use serde_json::Value;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::with_embedded_rules().expect("built-in rules load"))
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/record.schema.json");
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("read schema"))
                .expect("schema is JSON");
        jsonschema::validator_for(&schema).expect("schema compiles")
    })
}

/// Extracts `text`, validates the record and its evidence; returns the record as JSON.
fn check(label: &str, text: &str) -> Value {
    let mut doc = Document::from_text(text);
    doc.path = Some(format!("{label}.txt"));
    let record = extractor().extract(&doc);
    let json = serde_json::to_value(&record).expect("record serialises");
    let errors: Vec<String> = validator()
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{label}: record violates the schema:\n{}",
        errors.join("\n")
    );

    let chars: Vec<char> = text.chars().collect();
    assert_eq!(json["text_chars"], chars.len(), "{label}: text_chars");
    let mut evidences = Vec::new();
    for family in [
        "cities",
        "rankings",
        "year_mentions",
        "officials",
        "initiatives",
    ] {
        for (i, item) in json[family].as_array().expect("array").iter().enumerate() {
            evidences.push((format!("{family}[{i}]"), &item["evidence"]));
        }
    }
    for (at, ev) in evidences {
        let start = ev["start"].as_u64().expect("start") as usize;
        let end = ev["end"].as_u64().expect("end") as usize;
        assert!(
            start <= end && end <= chars.len(),
            "{label} {at}: span {start}..{end} outside 0..{}",
            chars.len()
        );
        let span: String = chars[start..end].iter().collect();
        let ev_text = ev["text"].as_str().expect("evidence text");
        assert_eq!(
            span, ev_text,
            "{label} {at}: evidence text is not the original chars {start}..{end}"
        );
        let sentence = ev["sentence"].as_str().expect("evidence sentence");
        assert!(
            sentence.contains(ev_text),
            "{label} {at}: sentence {sentence:?} does not contain {ev_text:?}"
        );
    }
    json
}

fn fixture_articles() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p
                .file_stem()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).expect("fixture is UTF-8"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_fixture_record_is_valid_and_its_evidence_exact() {
    let articles = fixture_articles();
    assert!(
        articles.len() >= 2,
        "fixtures/articles holds the articles (at least the two seeds)"
    );
    let mut facts = 0;
    for (name, text) in &articles {
        let rec = check(name, text);
        facts += ["cities", "rankings", "officials", "initiatives"]
            .iter()
            .map(|f| rec[*f].as_array().map_or(0, Vec::len))
            .sum::<usize>();
    }
    assert!(
        facts > 0,
        "the fixtures yield some facts, so the evidence checks checked something"
    );
}

#[test]
fn the_seeds_find_their_city() {
    for (name, city) in [
        ("leipzig-smart-city-index", "Leipzig"),
        ("luebeck-smart-city-index", "Lübeck"),
    ] {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/articles/{name}.txt"));
        let rec = check(name, &std::fs::read_to_string(path).expect("seed article"));
        assert_eq!(rec["city"]["name"], city, "{name}");
    }
}

#[test]
fn empty_and_blank_texts() {
    for (label, text) in [
        ("empty", ""),
        ("spaces", "   "),
        ("blank-lines", "\n\n\t\r\n \u{00A0}\u{2009}\n"),
    ] {
        let rec = check(label, text);
        assert_eq!(rec["city"], Value::Null, "{label}");
        assert_eq!(rec["cities"], Value::Array(vec![]), "{label}");
    }
}

#[test]
fn odd_unicode() {
    let cases = [
        // decomposed umlauts (NFD): normalisation must map offsets back to the original chars
        (
            "combining",
            "Mu\u{0308}nchen belegt Platz 2. Oberbu\u{0308}rgermeister Dieter Reiter freut sich.\n\nIn Mu\u{0308}nchen 2023.",
        ),
        (
            "emoji",
            "🎉 Leipzig 🏙️ belegt im Smart City Index 2024 Platz 12 👍🏽. Dresden 👨‍👩‍👧 folgt.",
        ),
        (
            "rtl",
            "مدينة Leipzig belegt Platz 12. שלום Dresden folgt auf Platz 13 im Ranking 2022.",
        ),
        (
            "soft-hyphen",
            "Leip\u{00AD}zig belegt Platz 12 im Smart-City-Index 2021. Das freut Leipzig.",
        ),
        (
            "zero-width",
            "Leipzig\u{200B} belegt\u{200D} Platz\u{FEFF} 12. Köln\u{200C}er folgen.",
        ),
        (
            "crlf",
            "Leipzig vorn\r\n\r\nLeipzig belegt im Smart City Index 2023 Platz 12.\r\nDresden folgt.\r\n",
        ),
        (
            "crlf-before-city",
            "Heute\r\nim Ranking\r\n\r\nvorn: Leipzig belegt Platz 12. Dresden folgt.",
        ),
        (
            "controls-and-bom",
            "\u{FEFF}Leipzig\u{0007} belegt Platz 12.\u{000C}Dresden\u{0085}folgt.",
        ),
        (
            "long-word",
            &"Donaudampfschifffahrtsgesellschaft".repeat(500),
        ),
        ("only-punct", "„“‚‘«»–—…!?.,;:"),
        (
            "digits",
            "1234567890 2019 2020 Platz 1 Rang 99999999999999999999 Platz -3 Platz 0",
        ),
    ];
    for (label, text) in cases {
        check(label, text);
    }
}

/// A deterministic stream of German-looking text (an LCG over fixture sentences and words).
fn german_looking(bytes: usize) -> String {
    let corpus: String = fixture_articles()
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n\n");
    let words: Vec<&str> = corpus.split_whitespace().collect();
    assert!(!words.is_empty());
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = String::with_capacity(bytes + 64);
    let mut since_break = 0;
    while out.len() < bytes {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let w = words[(state >> 33) as usize % words.len()];
        out.push_str(w);
        since_break += 1;
        if since_break > 12 && (state >> 7).is_multiple_of(5) {
            out.push_str(if (state >> 11).is_multiple_of(4) {
                "\n\n"
            } else {
                ". "
            });
            since_break = 0;
        } else {
            out.push(' ');
        }
    }
    out
}

#[test]
fn one_megabyte_of_german_looking_text() {
    let text = german_looking(1 << 20);
    check("one-megabyte", &text);
}

#[test]
fn the_schema_rejects_a_broken_record() {
    // Guards against a vacuous check: a record with a bad id and a wrong type must fail.
    let mut rec =
        serde_json::to_value(extractor().extract(&Document::from_text("Leipzig"))).unwrap();
    assert!(validator().is_valid(&rec));
    rec["id"] = Value::from("not-hex");
    rec["years"] = Value::from(vec![1234]);
    assert!(validator().iter_errors(&rec).count() >= 2);
}
