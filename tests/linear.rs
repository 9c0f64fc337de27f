//! Work that grows with the input, not faster: counted steps and depths, never wall time.
//!
//! - A story of 400 copies of one article compares no more sentence pairs than 12 times one
//!   of 40 copies (copies are aligned as one text, not each with each).
//! - Ten times the text finds about as many quotes, attributions and flags per sentence (a
//!   bound on what is produced, not on the steps taken: a quote or speaker paired with every
//!   later one would show, a slow but correct step would not; the benchmark
//!   `cargo bench --bench scaling` times those).
//! - Web pages nested 5,000 and 20,000 elements deep are scored by `slant score` without
//!   recursion: the process exits normally, writes its flags and notes the depth.
//!
//! Inputs are generated here from fixture articles (never stored), with a seeded xorshift
//! generator, as `tests/bounded.rs` does.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use slant::score::lexicon::Lexicon;
use slant::{Article, Story};
use std::path::PathBuf;

const STORY: &str = "fixtures/baghdad-rockets-2020";

/// A tiny xorshift64 generator: the same numbers on every platform, no dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn fixture_articles() -> Vec<Article> {
    let loaded = slant::ingest::load(&[PathBuf::from(STORY)], &Default::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.articles
}

/// `count` copies of the meridian-wire article under ids of their own.
fn copies(count: usize) -> Vec<Article> {
    let original = fixture_articles()
        .into_iter()
        .find(|a| a.id == "meridian-wire")
        .expect("the meridian-wire fixture");
    (0..count)
        .map(|n| {
            let id = format!("outlet-{n:03}");
            Article {
                id: id.clone(),
                outlet: id,
                ..original.clone()
            }
        })
        .collect()
}

#[test]
fn four_hundred_copies_compare_at_most_twelve_times_the_pairs_of_forty() {
    let pairs = |n: usize| {
        let story = Story::build(copies(n));
        assert_eq!(story.alignment.stats.articles, n);
        // Every copy names the first as its original, or another copy: the story still sees
        // them as copies.
        assert_eq!(story.alignment.copies.len(), n - 1, "{n} copies");
        story.alignment.stats.candidate_pairs
    };
    let (at_40, at_400) = (pairs(40), pairs(400));
    eprintln!("sentence pairs compared: {at_40} at 40 copies, {at_400} at 400");
    assert!(at_40 > 0);
    assert!(
        at_400 <= 12 * at_40,
        "{at_400} pairs at 400 copies, {at_40} at 40"
    );
}

/// One text of about `bytes` bytes: fixture sentences in a seeded order, five to a paragraph.
fn long_text(bytes: usize) -> String {
    let mut pool = Vec::new();
    for article in fixture_articles() {
        let doc = slant::normalize(&article);
        for s in &doc.sentences {
            pool.push(article.body[s.span.range()].to_string());
        }
    }
    let mut rng = XorShift(0x5CA1_AB1E_2026_0013);
    let mut text = String::new();
    while text.len() < bytes {
        let paragraph: Vec<&str> = (0..5)
            .map(|_| pool[rng.below(pool.len())].as_str())
            .collect();
        text.push_str(&paragraph.join(" "));
        text.push_str("\n\n");
    }
    text
}

/// Quotes, attributions and flags per sentence of one text of about `bytes` bytes.
fn found_in(bytes: usize) -> (f64, f64, f64) {
    let lexicon = Lexicon::default_english();
    let article = Article::from_text("long", &long_text(bytes));
    let doc = slant::normalize(&article);
    let (quotes, attributions) = slant::extract::quotes::extract(0, &article, &doc, &lexicon);
    let flags = slant::score::flags::flag_article(0, &article, &doc, &quotes, &lexicon);
    let per = |n: usize| n as f64 / doc.sentences.len() as f64;
    (per(quotes.len()), per(attributions.len()), per(flags.len()))
}

/// A quotation or a speaker found in one sentence must not be paired with, or pointed back
/// at from, every later one: per sentence, ten times the text finds about as many quotes,
/// attributions and flags as the short text.
#[test]
fn ten_times_the_text_finds_as_many_quotes_speakers_and_flags_per_sentence() {
    let small = found_in(30_000);
    let large = found_in(300_000);
    eprintln!("per sentence, 30 KB: {small:?}; 300 KB: {large:?}");
    for (name, s, l) in [
        ("quotes", small.0, large.0),
        ("attributions", small.1, large.1),
        ("flags", small.2, large.2),
    ] {
        assert!(s > 0.0, "no {name} in 30 KB");
        assert!(
            (0.7..=1.4).contains(&(l / s)),
            "{name} per sentence: {s:.3} in 30 KB, {l:.3} in 300 KB"
        );
    }
}

/// A page whose story sits inside `depth` nested elements of several kinds.
fn nested_page(depth: usize) -> String {
    const TAGS: [&str; 5] = ["div", "section", "span", "blockquote", "b"];
    let open: String = (0..depth)
        .map(|i| format!("<{}>", TAGS[i % TAGS.len()]))
        .collect();
    let close: String = (0..depth)
        .rev()
        .map(|i| format!("</{}>", TAGS[i % TAGS.len()]))
        .collect();
    let story = [
        "Rioters stormed the council chamber on Tuesday evening, the so-called \"peaceful\" protesters said.",
        "The harbour council met to decide the ferry timetable for the winter, officials said.",
        "The operator said that a second vessel could be leased for the months when the older ferry is refitted.",
        "The vote was carried by nine votes to four after a debate that lasted well past midnight.",
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>"))
    .collect::<String>();
    format!(
        "<!doctype html><html><head><title>Council vote</title>\
         <meta name=\"note\" content=\"constructed for testing\"></head>\
         <body>{open}{story}{close}</body></html>"
    )
}

fn score_nested(depth: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(&path, nested_page(depth)).unwrap();
    Command::cargo_bin("slant")
        .unwrap()
        .arg("score")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("Rioters").or(contains("rioters")))
        .stderr(contains("deep").and(contains("simpler page reader")));
}

#[test]
fn a_page_nested_20000_elements_deep_is_scored_with_a_note() {
    score_nested(20_000);
}

#[test]
fn a_page_nested_5000_elements_deep_is_scored_with_a_note() {
    score_nested(5_000);
}
