//! Alignment at 10, 50 and 200 articles, and how the candidate pairs grow with the story.
//!
//! `cargo bench --bench align`. The story is grown from the Baghdad fixture articles: each
//! generated article is a fixture article with some paragraphs swapped, some sentences and
//! paragraphs dropped, and words replaced from a small paraphrase table, under a fresh id. The
//! text is generated here, deterministically (an inline xorshift PRNG, fixed seed), never stored.
//!
//! Cases: `align` (only [`slant::align::align`]; normalization is done once, outside the
//! timing) and `story_build` (all of [`slant::Story::build`]: normalize, align, diff). Before the
//! timing, each size prints one line to stderr: articles, total sentences `S`, the sentence
//! pairs scored, `S²`, their ratio, and (up to 50 articles) how far the units agree with those
//! of scoring every candidate pair. The target: 50 articles under 1 s, and the pairs scored
//! growing clearly slower than `S²`.

// The allocator the `slant` binary uses, so that the figures are the tool's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use slant::{Article, Doc};

fn main() {
    divan::main();
}

const STORY: &str = "fixtures/baghdad-rockets-2020";

/// Story sizes, in articles.
const SIZES: [usize; 3] = [10, 50, 200];

/// Word swaps an outlet might make when rewording wire copy (lower case; capitals are kept).
const PARAPHRASES: &[(&str, &str)] = &[
    ("said", "stated"),
    ("attack", "assault"),
    ("rockets", "missiles"),
    ("rocket", "missile"),
    ("wounded", "injured"),
    ("wounding", "injuring"),
    ("killed", "slain"),
    ("blamed", "faulted"),
    ("accused", "charged"),
    ("fired", "launched"),
    ("damaged", "harmed"),
    ("rejected", "dismissed"),
    ("condemned", "denounced"),
    ("embassy", "mission"),
    ("militia", "armed group"),
    ("president", "leader"),
    ("several", "a number of"),
    ("responsible", "accountable"),
];

/// A tiny xorshift64 generator: deterministic across platforms, no dependency.
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

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// The fixture articles, in name order.
fn fixture_articles() -> Vec<Article> {
    let loaded = slant::ingest::load(&[STORY.into()], &Default::default());
    assert!(
        loaded.errors.is_empty() && !loaded.articles.is_empty(),
        "run from the package root: {:?}",
        loaded.errors
    );
    loaded.articles
}

/// The article's paragraphs as lists of sentence texts (from the body, boilerplate left out).
fn paragraphs(article: &Article) -> Vec<Vec<String>> {
    let doc = slant::normalize(article);
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut last = None;
    for s in &doc.sentences {
        if last != Some(s.paragraph) {
            out.push(Vec::new());
            last = Some(s.paragraph);
        }
        let text = article.body[s.span.range()].to_string();
        out.last_mut().expect("pushed above").push(text);
    }
    out
}

/// Replaces whole words found in `table`, keeping a leading capital.
fn substitute(text: &str, table: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let lower = word.to_lowercase();
        match table.iter().find(|(from, _)| *from == lower) {
            Some((_, to)) if word.starts_with(|c: char| c.is_uppercase()) => {
                let mut chars = to.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.push_str(chars.as_str());
            }
            Some((_, to)) => out.push_str(to),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// One reworded version of `original`: the first paragraph (the headline) stays on top, two
/// random pairs of later paragraphs swap places, about one later paragraph in eight and one
/// sentence in ten is dropped, and each outlet applies about half of the paraphrase table
/// (the same half to its title and its body, as one house style would).
fn perturb(
    original: &Article,
    paragraphs: &[Vec<String>],
    n: usize,
    rng: &mut XorShift,
) -> Article {
    let mut paras: Vec<Vec<String>> = paragraphs.to_vec();
    if paras.len() > 3 {
        for _ in 0..2 {
            let (i, j) = (
                1 + rng.below(paras.len() - 1),
                1 + rng.below(paras.len() - 1),
            );
            paras.swap(i, j);
        }
    }
    let mut kept: Vec<String> = Vec::new();
    for (i, para) in paras.iter().enumerate() {
        if i > 0 && rng.chance(12) {
            continue;
        }
        let sentences: Vec<&str> = para
            .iter()
            .filter(|_| i == 0 || !rng.chance(10))
            .map(String::as_str)
            .collect();
        if !sentences.is_empty() {
            kept.push(sentences.join(" "));
        }
    }
    let table: Vec<(&str, &str)> = PARAPHRASES
        .iter()
        .copied()
        .filter(|_| rng.chance(50))
        .collect();
    Article {
        id: format!("{}-v{n:03}", original.id),
        outlet: format!("{} {n}", original.outlet),
        title: original.title.as_deref().map(|t| substitute(t, &table)),
        body: substitute(&kept.join("\n\n"), &table),
        source: format!("generated from {}", original.source),
        ..original.clone()
    }
}

/// `count` articles: the fixture articles in turn, each one perturbed afresh.
fn story(count: usize) -> Vec<Article> {
    let originals = fixture_articles();
    let paras: Vec<Vec<Vec<String>>> = originals.iter().map(paragraphs).collect();
    let mut rng = XorShift(0x5EED_2020_1224_0001);
    (0..count)
        .map(|n| {
            let k = n % originals.len();
            perturb(&originals[k], &paras[k], n, &mut rng)
        })
        .collect()
}

/// Prints the size line for the README: the sentence pairs scored against `S²`, and how far
/// the units agree with those of scoring every candidate pair (pair precision and recall,
/// taking the all-pairs units as the reference; skipped at 200 articles, where that takes
/// minutes).
fn report_size(articles: &[Article], docs: &[Doc]) {
    let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
    let dates: Vec<Option<&str>> = articles.iter().map(|a| a.date.as_deref()).collect();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let alignment = slant::align::align(docs, &bodies, &dates, Default::default());
    let candidates = alignment.stats.candidate_pairs;
    let square = sentences * sentences;
    let agreement = if articles.len() <= 50 {
        let reference = slant::align::align_all_pairs(docs, &bodies, &dates, Default::default());
        let (got, want) = (unit_pairs(&alignment), unit_pairs(&reference));
        let both = got.intersection(&want).count() as f64;
        format!(
            ", agreement with all pairs: P {:.3} R {:.3}",
            both / got.len().max(1) as f64,
            both / want.len().max(1) as f64
        )
    } else {
        String::new()
    };
    eprintln!(
        "align size: {} articles, S = {sentences} sentences, {candidates} pairs scored, S² = {square}, scored/S² = {:.4}{agreement}",
        articles.len(),
        candidates as f64 / square as f64
    );
}

/// Pairs of sentences of different articles in the same unit.
fn unit_pairs(
    alignment: &slant::align::Alignment,
) -> std::collections::BTreeSet<[(usize, usize); 2]> {
    let mut out = std::collections::BTreeSet::new();
    for unit in &alignment.units {
        for (i, x) in unit.members.iter().enumerate() {
            for y in &unit.members[i + 1..] {
                if x.article != y.article {
                    out.insert([(x.article, x.sentence), (y.article, y.sentence)]);
                }
            }
        }
    }
    out
}

/// Alignment alone, on docs normalized before the timing starts.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn align(bencher: divan::Bencher, articles: usize) {
    let articles = story(articles);
    let docs: Vec<Doc> = articles.iter().map(slant::normalize).collect();
    report_size(&articles, &docs);
    let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
    let dates: Vec<Option<&str>> = articles.iter().map(|a| a.date.as_deref()).collect();
    bencher.bench_local(|| {
        slant::align::align(&docs, &bodies, &dates, Default::default())
            .units
            .len()
    });
}

/// The whole story pipeline: normalize, align and diff (the articles are cloned per sample,
/// outside the timing).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn story_build(bencher: divan::Bencher, articles: usize) {
    let articles = story(articles);
    bencher
        .with_inputs(|| articles.clone())
        .bench_local_values(|articles| slant::Story::build(articles).alignment.units.len());
}
