//! Extraction speed: quotes, attributions and facts of one article, over every fixture article.
//!
//! `cargo bench --bench extract` reports the time per article (divan's items counter); the
//! goal is well under 1 ms for a typical article of 3–15 KB.

// The allocator the `slant` binary uses, so that the figures are the tool's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use divan::counter::{BytesCount, ItemsCount};
use slant::score::lexicon::Lexicon;
use slant::{Article, Doc};

fn main() {
    divan::main();
}

fn fixtures() -> Vec<(Article, Doc)> {
    let mut dirs: Vec<_> = std::fs::read_dir("fixtures")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let articles = slant::ingest::load(&dirs, &Default::default()).articles;
    assert!(!articles.is_empty(), "run from the package root");
    articles
        .into_iter()
        .map(|a| {
            let d = slant::normalize(&a);
            (a, d)
        })
        .collect()
}

#[divan::bench(sample_count = 20)]
fn quotes_attributions_facts(bencher: divan::Bencher) {
    let story = fixtures();
    let lexicon = Lexicon::default_english();
    let bytes: usize = story.iter().map(|(a, _)| a.body.len()).sum();
    bencher
        .counter(ItemsCount::new(story.len()))
        .counter(BytesCount::new(bytes))
        .bench(|| {
            story
                .iter()
                .enumerate()
                .map(|(i, (a, d))| {
                    let (q, at) = slant::extract::quotes::extract(i, a, d, &lexicon);
                    q.len() + at.len() + slant::extract::facts::extract(i, a, d).len()
                })
                .sum::<usize>()
        });
}
