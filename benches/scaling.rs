//! How time grows with the input: the acceptance benchmark of "linear time on any input".
//!
//! `cargo bench --bench scaling` prints, for each case, the median time at each size and its
//! ratio to the smallest size beside the ratio of the sizes. Time grows no faster than the
//! input when the time ratio stays near the size ratio (targets: at most about 1.3 times the
//! size ratio for one long text and for quotation-mark soup; at most 12 for 400 identical
//! articles against 40). Stage times (normalize, quotes and attributions, flags; or the stages
//! of a story) are printed beside each run, so a step that grows faster than the rest shows.
//!
//! Cases, all generated here at run time from fixture sentences with a seeded xorshift
//! generator (the same text on every run; nothing stored):
//! - `score`: one text of 100 KB, 400 KB and 1.6 MB through the whole `slant score` pipeline
//!   (normalize, quotes and attributions, flags);
//! - `compare`: a story of that one text and a short second article (`slant compare`);
//! - `soup`: 30 KB and 300 KB of quotation-mark soup (words and sentence ends among unbalanced
//!   and nested quotation marks of every kind) through the `score` pipeline;
//! - `identical`: a story of 40 and of 400 copies of one fixture article;
//! - `near-identical`: 40 and 400 copies of it with one word changed in each.
//!
//! `SLANT_SCALING=score,soup` runs only the named cases.

// The allocator the `slant` binary uses, so that the figures are the tool's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use slant::extract::quotes;
use slant::score::flags::flag_article_with;
use slant::score::lexicon::Lexicon;
use slant::score::matcher::Matcher;
use slant::{Article, Stage, Story};
use std::path::PathBuf;
use std::time::{Duration, Instant};

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

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Every fixture article, in folder then name order.
fn fixture_articles() -> Vec<Article> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("fixtures")
        .expect("run from the project folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    slant::ingest::load(&dirs, &Default::default()).articles
}

/// Every sentence of every fixture article, as the sentence splitter finds them.
fn fixture_sentences(articles: &[Article]) -> Vec<String> {
    let mut out = Vec::new();
    for article in articles {
        let doc = slant::normalize(article);
        for s in &doc.sentences {
            out.push(article.body[s.span.range()].to_string());
        }
    }
    out
}

/// One text of about `bytes` bytes: fixture sentences in a seeded order, four to seven to a
/// paragraph.
fn long_text(pool: &[String], bytes: usize) -> String {
    let mut rng = XorShift(0x5CA1_AB1E_2026_0013);
    let mut text = String::with_capacity(bytes + 1_000);
    while text.len() < bytes {
        let n = 4 + rng.below(4);
        for i in 0..n {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(&pool[rng.below(pool.len())]);
        }
        text.push_str("\n\n");
    }
    text
}

/// About `bytes` bytes of quotation-mark soup: fixture words with quotation marks of every
/// kind before, after and between them, unbalanced and nested, and sentence ends among them.
fn soup(words: &[&str], bytes: usize) -> String {
    const MARKS: [&str; 10] = ["“", "”", "\"", "'", "«", "»", "‘", "’", "„", "‹"];
    const ENDS: [&str; 5] = [". ", "? ", "! ", ".\" ", ".\n\n"];
    let mut rng = XorShift(0x000D_D0A7_E50F_2026);
    let mut text = String::with_capacity(bytes + 100);
    while text.len() < bytes {
        match rng.below(10) {
            0..=2 => text.push_str(MARKS[rng.below(MARKS.len())]),
            3 => text.push_str(ENDS[rng.below(ENDS.len())]),
            _ => {}
        }
        text.push_str(words[rng.below(words.len())]);
        text.push(if rng.below(6) == 0 { '\'' } else { ' ' });
    }
    text
}

/// `count` copies of `original` under their own ids; with `change_one_word`, copy `n` has its
/// `n`-th word (counted around the text) replaced by a word of its own.
fn copies(original: &Article, count: usize, change_one_word: bool) -> Vec<Article> {
    (0..count)
        .map(|n| {
            let id = format!("outlet-{n:03}");
            let mut body = original.body.clone();
            if change_one_word {
                let words: Vec<(usize, &str)> = word_indices(&body)
                    .into_iter()
                    .filter(|(_, w)| w.len() > 3 && w.chars().all(char::is_alphabetic))
                    .collect();
                let (at, word) = words[(n * 7) % words.len()];
                body.replace_range(at..at + word.len(), &format!("word{n}"));
            }
            Article {
                id: id.clone(),
                outlet: id,
                body,
                ..original.clone()
            }
        })
        .collect()
}

/// Runs of letters and digits with their byte offsets (enough to change one word of a copy).
fn word_indices(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Times of one run: the whole, and its named stages.
type Run = (Duration, Vec<(&'static str, Duration)>);

/// The `slant score` pipeline on one article: normalize, quotes and attributions, flags.
fn score_run(article: &Article, lexicon: &Lexicon, matcher: &Matcher) -> Run {
    let t0 = Instant::now();
    let doc = slant::normalize(article);
    let t1 = Instant::now();
    let (quotes, attributions) = quotes::extract(0, article, &doc, lexicon);
    let t2 = Instant::now();
    let flags = flag_article_with(matcher, 0, article, &doc, &quotes, lexicon);
    let t3 = Instant::now();
    std::hint::black_box((flags, attributions));
    (
        t3 - t0,
        vec![
            ("normalize", t1 - t0),
            ("quotes", t2 - t1),
            ("flags", t3 - t2),
        ],
    )
}

/// A whole story (`slant compare` without writing reports), with the time of each stage.
fn story_run(articles: &[Article], lexicon: &Lexicon) -> Run {
    let mut marks: Vec<(Stage, Instant)> = Vec::new();
    let t0 = Instant::now();
    let story = Story::build_reporting(articles.to_vec(), lexicon, None, &mut |stage| {
        marks.push((stage, Instant::now()))
    });
    let end = Instant::now();
    std::hint::black_box(&story);
    let mut stages = Vec::new();
    for (i, (stage, at)) in marks.iter().enumerate() {
        let next = marks.get(i + 1).map_or(end, |m| m.1);
        stages.push((stage.as_str(), next - *at));
    }
    (end - t0, stages)
}

/// Runs `f` several times (more for quick runs, at least 3, once past 20 s) and keeps the run
/// of median total time.
fn median(mut f: impl FnMut() -> Run) -> Run {
    let mut runs = vec![f()];
    let budget = Duration::from_secs(3);
    let mut spent = runs[0].0;
    while (runs.len() < 3 && spent < Duration::from_secs(20)) || (spent < budget && runs.len() < 15)
    {
        let r = f();
        spent += r.0;
        runs.push(r);
    }
    runs.sort_by_key(|r| r.0);
    runs.swap_remove(runs.len() / 2)
}

/// Prints one case: each size's median time, its ratio to the first and the size ratio, and
/// the stage times.
fn report(case: &str, unit: &str, sizes: &[usize], mut run: impl FnMut(usize) -> Run) {
    let mut first: Option<Duration> = None;
    for &size in sizes {
        let (total, stages) = median(|| run(size));
        let base = *first.get_or_insert(total);
        let stages: Vec<String> = stages
            .iter()
            .map(|(name, d)| format!("{name} {:.1} ms", d.as_secs_f64() * 1e3))
            .collect();
        println!(
            "{case:<15} {size:>9} {unit:<8} {:>10.1} ms   time ×{:<6.2} size ×{:<5.1}  [{}]",
            total.as_secs_f64() * 1e3,
            total.as_secs_f64() / base.as_secs_f64(),
            size as f64 / sizes[0] as f64,
            stages.join(", ")
        );
    }
}

fn main() {
    let only = std::env::var("SLANT_SCALING").unwrap_or_default();
    let wanted = |case: &str| only.is_empty() || only.split(',').any(|c| c == case);
    let lexicon = Lexicon::default_english();
    let matcher = Matcher::new(&lexicon);
    let fixtures = fixture_articles();
    let pool = fixture_sentences(&fixtures);
    let original = fixtures
        .iter()
        .find(|a| a.id == "meridian-wire")
        .expect("the meridian-wire fixture");
    let short = fixtures
        .iter()
        .find(|a| a.id == "gulf-dispatch")
        .expect("the gulf-dispatch fixture");
    const KB: usize = 1_000;
    let long_sizes = [100 * KB, 400 * KB, 1_600 * KB];
    if wanted("score") {
        report("score", "bytes", &long_sizes, |bytes| {
            let article = Article::from_text("long", &long_text(&pool, bytes));
            score_run(&article, &lexicon, &matcher)
        });
    }
    if wanted("compare") {
        report("compare", "bytes", &long_sizes, |bytes| {
            let long = Article::from_text("long", &long_text(&pool, bytes));
            story_run(&[long, short.clone()], &lexicon)
        });
    }
    if wanted("soup") {
        let words: Vec<&str> = pool
            .iter()
            .flat_map(|s| s.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        report("soup", "bytes", &[30 * KB, 300 * KB], |bytes| {
            let article = Article::from_text("soup", &soup(&words, bytes));
            score_run(&article, &lexicon, &matcher)
        });
    }
    if wanted("identical") {
        report("identical", "articles", &[40, 400], |n| {
            story_run(&copies(original, n, false), &lexicon)
        });
    }
    if wanted("near-identical") {
        report("near-identical", "articles", &[40, 400], |n| {
            story_run(&copies(original, n, true), &lexicon)
        });
    }
}
