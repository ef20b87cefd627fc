//! Throughput of `Extractor::extract` on one thread over every dev-corpus article
//! (`../shared/corpus/dev/articles/*.txt`), or over `fixtures/articles` when `../shared` is
//! absent. The extractor is built once, outside the timed loop; reading files is not timed.
//!
//!     cargo bench --bench extract -- --warm-up-time 1 --measurement-time 5

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsextract::{Document, Extractor};

fn corpus() -> (String, Vec<Document>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/corpus/dev/articles");
    let (label, dir) = if dev.is_dir() {
        ("dev-corpus", dev)
    } else {
        ("fixtures", root.join("fixtures/articles"))
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let docs = paths
        .iter()
        .map(|p| {
            let mut d = Document::from_text(std::fs::read_to_string(p).expect("UTF-8 article"));
            d.path = Some(p.display().to_string());
            d
        })
        .collect();
    (label.to_string(), docs)
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::with_embedded_rules().expect("built-in rules");
    let (label, docs) = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    eprintln!("{label}: {} articles, {bytes} bytes", docs.len());
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(label, |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(extractor.extract(black_box(doc)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
