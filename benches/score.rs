//! Scoring speed: loading the default lexicon (parse and validate, then build the matcher) and
//! flagging the fixture articles, repeated to 5 MB.
//!
//! `cargo bench --bench score`; goals: lexicon load under 10 ms, scoring at least 50 MB/s.

// The allocator the `slant` binary uses, so that the figures are the tool's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use divan::counter::BytesCount;
use slant::score::flags::flag_article_with;
use slant::score::lexicon::Lexicon;
use slant::score::matcher::Matcher;
use slant::{Article, Doc};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn lexicon_load() -> usize {
    let lexicon = Lexicon::default_english();
    divan::black_box(&lexicon);
    lexicon.len()
}

#[divan::bench(sample_count = 20)]
fn matcher_build(bencher: divan::Bencher) {
    let lexicon = Lexicon::default_english();
    bencher.bench(|| divan::black_box(Matcher::new(&lexicon)));
}

#[divan::bench(sample_count = 20)]
fn lexicon_load_and_matcher_build() -> usize {
    let lexicon = Lexicon::default_english();
    let matcher = Matcher::new(&lexicon);
    divan::black_box(&matcher);
    lexicon.len()
}

/// Fixture articles with their docs, repeated until the bodies reach 5 MB.
fn corpus() -> Vec<(Article, Doc)> {
    let mut dirs: Vec<_> = std::fs::read_dir("fixtures")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let originals: Vec<(Article, Doc)> = slant::ingest::load(&dirs, &Default::default())
        .articles
        .into_iter()
        .map(|a| {
            let d = slant::normalize(&a);
            (a, d)
        })
        .collect();
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < 5_000_000 {
        for (a, d) in &originals {
            bytes += a.body.len();
            out.push((a.clone(), d.clone()));
        }
    }
    out
}

/// The article-level flaggers (lexicon terms, scare quotes, agentless passives) on normalized
/// articles; quotes are found beforehand, as `Story` does.
#[divan::bench(sample_count = 10)]
fn flag_articles_5mb(bencher: divan::Bencher) {
    let corpus = corpus();
    let lexicon = Lexicon::default_english();
    let matcher = Matcher::new(&lexicon);
    let quotes: Vec<Vec<slant::extract::Quote>> = corpus
        .iter()
        .enumerate()
        .map(|(i, (a, d))| slant::extract::quotes::extract(i, a, d, &lexicon).0)
        .collect();
    let bytes: usize = corpus.iter().map(|(a, _)| a.body.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        corpus
            .iter()
            .enumerate()
            .map(|(i, (a, d))| flag_article_with(&matcher, i, a, d, &quotes[i], &lexicon).len())
            .sum::<usize>()
    });
}
