//! Profiling aid, not a test: time per extraction stage over a folder of `.txt` articles (the
//! dev corpus by default), one thread. With `ONLY=rankings|officials|initiatives|full` it
//! instead loops over that one stage (plus what it needs), for `perf record` or callgrind.
//!
//!     cargo run --release --example stages [DIR]
//!     ONLY=initiatives PASSES=5 valgrind --tool=callgrind target/release/examples/stages

use newsextract::extract::{self, Article};
use newsextract::text::NormText;
use newsextract::{Document, Extractor, Gazetteers};
use std::hint::black_box;
use std::time::Instant;

const STAGES: [&str; 8] = [
    "normalise",
    "article",
    "city mentions",
    "subject+years",
    "rankings",
    "officials",
    "initiatives",
    "whole extract",
];

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/dev/articles".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
            Document::from_text(text)
        })
        .collect();
    let gaz = Gazetteers::embedded().expect("built-in rules");
    let rr = extract::ranking::RankingRules::new(&gaz);
    let or = extract::official::OfficialRules::new(&gaz);
    let ir = extract::initiative::InitiativeRules::new(&gaz);
    let ex = Extractor::with_embedded_rules().expect("built-in rules");
    let passes: usize = std::env::var("PASSES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(200);
    if let Ok(only) = std::env::var("ONLY") {
        let norms: Vec<_> = docs.iter().map(|d| NormText::new(&d.text)).collect();
        let started = Instant::now();
        for _ in 0..passes {
            for (d, norm) in docs.iter().zip(&norms) {
                if only == "full" {
                    black_box(ex.extract(d));
                    continue;
                }
                let a = Article::new(&d.text, norm, None);
                let m = extract::city::mentions(&a, &gaz);
                let sub = extract::city::subject(&a, &gaz, &m);
                let y = extract::year::extract(&a);
                match only.as_str() {
                    "rankings" => drop(black_box(rr.extract(&a, &gaz, &m, sub))),
                    "officials" => drop(black_box(or.extract(&a, &gaz, &m, sub))),
                    "initiatives" => drop(black_box(ir.extract(&a, &gaz, &m, &y, sub))),
                    _ => {}
                }
            }
        }
        let per_pass = started.elapsed().as_secs_f64() * 1e3 / passes.max(1) as f64;
        eprintln!("{only}: {per_pass:.3} ms/pass");
        return;
    }
    let mut total = [0f64; STAGES.len()];
    for _ in 0..passes {
        for d in &docs {
            let t = Instant::now();
            let mut lap = Vec::with_capacity(STAGES.len());
            let norm = NormText::new(&d.text);
            lap.push(t.elapsed());
            let a = Article::new(&d.text, &norm, None);
            lap.push(t.elapsed());
            let m = extract::city::mentions(&a, &gaz);
            lap.push(t.elapsed());
            let sub = extract::city::subject(&a, &gaz, &m);
            let y = extract::year::extract(&a);
            lap.push(t.elapsed());
            black_box(rr.extract(&a, &gaz, &m, sub));
            lap.push(t.elapsed());
            black_box(or.extract(&a, &gaz, &m, sub));
            lap.push(t.elapsed());
            black_box(ir.extract(&a, &gaz, &m, &y, sub));
            lap.push(t.elapsed());
            let t = Instant::now();
            black_box(ex.extract(d));
            lap.push(t.elapsed());
            let mut prev = 0.0;
            for (k, l) in lap.iter().enumerate() {
                let s = l.as_secs_f64();
                total[k] += if k == STAGES.len() - 1 { s } else { s - prev };
                prev = s;
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!("{} articles, {bytes} bytes, {passes} passes", docs.len());
    for (name, t) in STAGES.iter().zip(total) {
        println!("{name:>14} {:8.3} ms/pass", t / passes as f64 * 1e3);
    }
    let whole = total[STAGES.len() - 1] / passes as f64;
    println!(
        "whole extract: {:.2} MiB/s",
        bytes as f64 / whole / 1048576.0
    );
}
