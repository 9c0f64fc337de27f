//! Throughput of normalize + segment + tokenize on the fixture articles, repeated to 5 MB.
//!
//! `cargo bench --bench normalize` prints time and MB/s per run; compare medians. The cases:
//! `fold_only_5mb` (folding), `segment_5mb` (folding, boilerplate, page chrome and sentences, no tokens) and
//! `normalize_5mb` (all of `slant::normalize`, tokens and stems included).

// The allocator the `slant` binary uses, so that the figures are the tool's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use divan::counter::BytesCount;
use slant::Article;

fn main() {
    divan::main();
}

/// Every fixture article, repeated (with its own id) until the bodies add up to 5 MB.
fn corpus() -> Vec<Article> {
    let mut dirs: Vec<_> = std::fs::read_dir("fixtures")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let originals = slant::ingest::load(&dirs, &Default::default()).articles;
    assert!(!originals.is_empty(), "run from the package root");
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < 5_000_000 {
        for a in &originals {
            bytes += a.body.len();
            out.push(a.clone());
        }
    }
    out
}

/// Runs `work` over every corpus article per iteration, counting the bytes of the bodies.
fn bench_corpus(bencher: divan::Bencher, work: fn(&Article) -> usize) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| articles.iter().map(work).sum::<usize>());
}

#[divan::bench(sample_count = 10)]
fn normalize_5mb(bencher: divan::Bencher) {
    bench_corpus(bencher, |a| slant::normalize(a).tokens.len());
}

#[divan::bench(sample_count = 10)]
fn fold_only_5mb(bencher: divan::Bencher) {
    bench_corpus(bencher, |a| slant::normalize::fold_text(&a.body).len());
}

/// Normalization up to sentences: folding, boilerplate, page chrome and sentence boundaries,
/// no tokens.
#[divan::bench(sample_count = 10)]
fn segment_5mb(bencher: divan::Bencher) {
    bench_corpus(bencher, |a| {
        let folded = slant::normalize::fold::fold(&a.body);
        let patterns = slant::normalize::boilerplate::find(&folded.text);
        let chrome = slant::normalize::chrome::find(&folded.text, &a.body, &folded.map, &patterns);
        let removed = slant::normalize::boilerplate::merge(patterns, chrome);
        slant::normalize::sentences::split(&folded.text, &removed, a.title.as_deref()).len()
    });
}
