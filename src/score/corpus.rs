//! The corpus baseline: which words one article uses far more than the rest of the story.
//!
//! **Counting.** An article's words are its word tokens outside direct quotes (the outlet's own
//! words, headline included), without function words (the aligner's list,
//! `src/wordlists/function_words.txt`, which also holds the plain reporting verbs `said` and `told`),
//! numbers, and the words of the article's own outlet name (a dateline's "(Meridian Wire)" is
//! not wording); an article in another language than English counts none (every word of it
//! would stand out against English ones). Words are counted by stem class, so `assassination`
//! and `assassinated` are one term (an outlet's choice of label shows in all its inflections);
//! the `term` shown is the class's most frequent word in that article (then the alphabetically
//! first).
//!
//! **Log-odds ratio with an informative Dirichlet prior** (Monroe, Colaresi and Quinn 2008,
//! "Fightin' Words", §3.5). For article *i* against the rest of the story *j*, with `y` a term's
//! count, `n` the total count and `α` the prior:
//!
//! ```text
//! δ = ln((y_i + α_w) / (n_i + α_0 − y_i − α_w)) − ln((y_j + α_w) / (n_j + α_0 − y_j − α_w))
//! σ² ≈ 1 / (y_i + α_w) + 1 / (y_j + α_w)
//! z = δ / σ
//! ```
//!
//! The prior is `α_w = α_0 · π_w` with `α_0 = N`, the story's total count: it weighs as much as
//! the story itself. `π_w` is the term's share of the pooled story counts (so `α_w` is simply the
//! pooled count, the empirical-Bayes choice of R's `tidylo`), or, with a background table
//! (`--background FILE`, see [`Background`]), its share of the background counts over the
//! story's terms, each background count plus ½ so that a term the table lacks still has a
//! prior. A positive z means the article uses the term more than the rest of the story; a
//! term used once, by one article only, scores about 1 in a story of a few thousand words, so
//! single uses are never "strongly distinctive" on their own.
//!
//! [`corpus_flags`] flags terms above [`CORPUS_MIN_Z`] (1.96, the two-sided 5% level of a
//! normal z) whose stem class holds a one-word form of a loaded lexicon entry, at each of the
//! term's occurrences outside quotes that no other flag covers.

use crate::Span;
use crate::Story;
use crate::normalize::TokenKind;
use crate::score::lexicon::Lexicon;
use crate::score::peer::{LexiconForms, is_loaded, quote_spans, words_of};
use crate::score::{Evidence, Flag};
use crate::span::SpanIndex;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// z above which a distinctive term of a lexicon category is flagged.
pub const CORPUS_MIN_Z: f32 = 1.96;

/// Terms per article a report lists by default.
pub const DEFAULT_TOP: usize = 15;

/// Background counts get this much added, so that a term missing from the table has a prior.
pub const BACKGROUND_SMOOTHING: f64 = 0.5;

/// Whether a folded, lower-case word is a function word (not counted).
pub fn is_stopword(word: &str) -> bool {
    crate::wordlists::is_function_word(word)
}

/// One term that distinguishes an article from the rest of the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distinctive {
    /// Index of the article (input order).
    pub article: usize,
    /// The word as the article most often writes it (lower case); counted by stem class.
    pub term: String,
    /// Occurrences of the stem class in the article's own words.
    pub count: usize,
    /// Log-odds z-score against the rest of the story.
    pub z: f32,
}

/// One article's counted words: stem → (count, surface word → count).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermCounts {
    pub stems: BTreeMap<String, (usize, BTreeMap<String, usize>)>,
    pub total: usize,
}

impl TermCounts {
    /// The class's most frequent word (then the alphabetically first).
    fn shown(&self, stem: &str) -> String {
        self.stems
            .get(stem)
            .and_then(|(_, words)| {
                words
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(w, _)| w.clone())
            })
            .unwrap_or_else(|| stem.to_string())
    }
}

/// The counted words of every article (see the module docs); none for an article in another
/// language than English ([`Story::is_scored`]).
pub fn term_counts(story: &Story) -> Vec<TermCounts> {
    story
        .docs
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let quotes = SpanIndex::new(quote_spans(story, i));
            let outlet = words_of(&story.articles[i].outlet);
            let mut counts = TermCounts::default();
            if !story.is_scored(i) {
                // Another language: its words would all stand out against English ones.
                return counts;
            }
            for t in &doc.tokens {
                if t.kind != TokenKind::Word
                    || is_stopword(&t.text)
                    || outlet.contains(&t.text)
                    || t.text.chars().count() < 2
                    || quotes.contains(t.span)
                {
                    continue;
                }
                let slot = counts.stems.entry(t.stem.clone()).or_default();
                slot.0 += 1;
                *slot.1.entry(t.text.clone()).or_default() += 1;
                counts.total += 1;
            }
            counts
        })
        .collect()
}

/// The log-odds ratio δ and its z-score for one term (see the module docs): `y_i`, `n_i` the
/// term's and all terms' counts in the article, `y_j`, `n_j` in the rest, `alpha_w` the term's
/// prior and `alpha_0` the prior's total.
pub fn log_odds_z(
    y_i: f64,
    n_i: f64,
    y_j: f64,
    n_j: f64,
    alpha_w: f64,
    alpha_0: f64,
) -> (f64, f64) {
    let odds = |y: f64, n: f64| ((y + alpha_w) / (n + alpha_0 - y - alpha_w)).ln();
    let delta = odds(y_i, n_i) - odds(y_j, n_j);
    let variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w);
    (delta, delta / variance.sqrt())
}

/// The `top` most distinctive terms (positive z) of each article, by article, then z
/// descending, then term. `background` replaces the pooled story counts as the prior.
pub fn distinctive(story: &Story, background: Option<&Background>, top: usize) -> Vec<Distinctive> {
    let counts = term_counts(story);
    let mut pooled: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &counts {
        for (stem, (n, _)) in &c.stems {
            *pooled.entry(stem.as_str()).or_default() += n;
        }
    }
    let total: f64 = counts.iter().map(|c| c.total as f64).sum();
    let prior: HashMap<&str, f64> = match background {
        None => pooled.iter().map(|(s, &n)| (*s, n as f64)).collect(),
        Some(bg) => {
            let smoothed = |s: &str| bg.stem_count(s) + BACKGROUND_SMOOTHING;
            let mass: f64 = pooled.keys().map(|s| smoothed(s)).sum();
            pooled
                .keys()
                .map(|s| (*s, total * smoothed(s) / mass))
                .collect()
        }
    };
    let mut out = Vec::new();
    for (article, c) in counts.iter().enumerate() {
        let (n_i, n_j) = (c.total as f64, total - c.total as f64);
        let mut rows: Vec<Distinctive> = c
            .stems
            .iter()
            .map(|(stem, (y, _))| {
                let y_i = *y as f64;
                let y_j = pooled[stem.as_str()] as f64 - y_i;
                let (_, z) = log_odds_z(y_i, n_i, y_j, n_j, prior[stem.as_str()], total);
                Distinctive {
                    article,
                    term: c.shown(stem),
                    count: *y,
                    z: z as f32,
                }
            })
            .filter(|d| d.z > 0.0)
            .collect();
        rows.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.term.cmp(&b.term)));
        rows.truncate(top);
        out.extend(rows);
    }
    out
}

/// `corpus` flags for strongly distinctive terms of lexicon categories (see the module docs).
/// Pass the untruncated list (`distinctive(story, bg, usize::MAX)`) to consider every term.
/// Never on a span an `existing` flag overlaps; `baseline` left empty.
pub fn corpus_flags(
    story: &Story,
    distinctive: &[Distinctive],
    lexicon: &Lexicon,
    existing: &[Flag],
) -> Vec<Flag> {
    let forms = LexiconForms::new(lexicon);
    let mut out: Vec<Flag> = Vec::new();
    // Per article: its quotes, the spans existing flags take, and (apart from each other)
    // those of the flags made here, start → end.
    let articles = story.articles.len();
    let quotes: Vec<SpanIndex> = (0..articles)
        .map(|i| SpanIndex::new(quote_spans(story, i)))
        .collect();
    let mut existing_spans: Vec<Vec<Span>> = vec![Vec::new(); articles];
    for f in existing {
        if let Some(spans) = existing_spans.get_mut(f.article) {
            spans.push(f.span);
        }
    }
    let existing_spans: Vec<SpanIndex> = existing_spans.into_iter().map(SpanIndex::new).collect();
    let mut made: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); articles];
    for d in distinctive.iter().filter(|d| d.z > CORPUS_MIN_Z) {
        let stem = crate::normalize::tokens::stem(&d.term);
        let Some(entry) = forms.by_stem(&stem).find(|e| is_loaded(e)) else {
            continue;
        };
        let (doc, body) = (&story.docs[d.article], &story.articles[d.article].body);
        for t in doc.tokens.iter().filter(|t| t.stem == stem) {
            let span = t.span;
            // The flags made here do not overlap one another: the last one starting before
            // `span` ends is the only one that can overlap it.
            let taken = existing_spans[d.article].overlaps(span)
                || made[d.article]
                    .range(..span.end)
                    .next_back()
                    .is_some_and(|(_, &end)| end > span.start);
            if taken || quotes[d.article].overlaps(span) || entry.guarded(body, span.range()) {
                continue;
            }
            made[d.article].insert(span.start, span.end);
            out.push(Flag {
                article: d.article,
                sentence: t.sentence,
                span,
                term: entry.term.clone(),
                category: entry.category.clone(),
                neutral: entry.neutral.clone(),
                weight: entry.weight,
                evidence: Evidence::Corpus,
                in_quote: false,
                baseline: String::new(),
                explanation: format!(
                    "This article uses \"{}\" far more than the other versions of the story \
                     ({} times; z = {:.1}, and above {CORPUS_MIN_Z} is unlikely to be chance). {}",
                    &body[span.range()],
                    d.count,
                    d.z,
                    entry.explanation
                )
                .trim_end()
                .to_string(),
            });
        }
    }
    out.sort_by_key(|f| (f.article, f.span));
    out
}

/// Word frequencies of a reference corpus (`word,count` lines), counted by stem.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Background {
    by_stem: HashMap<String, f64>,
    total: f64,
}

/// A background file that cannot be read: `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct BackgroundError {
    pub file: String,
    /// 1-based; 0 when the file itself cannot be read.
    pub line: u64,
    pub message: String,
}

impl Background {
    /// Parses a `word,count` CSV (RFC 4180). A first row whose count is not a number is a
    /// header; blank lines are skipped; a word listed twice (or two words of one stem) add up.
    /// Counts must be finite and not negative. `name` is the file name errors show.
    pub fn from_csv(name: &str, text: &str) -> Result<Self, BackgroundError> {
        let error = |line: u64, message: String| BackgroundError {
            file: name.to_string(),
            line,
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut out = Self::default();
        for (i, record) in reader.records().enumerate() {
            let record =
                record.map_err(|e| error(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = record.position().map_or(i as u64 + 1, |p| p.line());
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if record.len() != 2 {
                return Err(error(
                    line,
                    format!("{} fields, expected word,count", record.len()),
                ));
            }
            let (word, count) = (record[0].trim(), record[1].trim());
            let count: f64 = match count.parse() {
                Ok(c) => c,
                Err(_) if i == 0 => continue, // a header row
                Err(_) => return Err(error(line, format!("count `{count}` is not a number"))),
            };
            if !count.is_finite() || count < 0.0 {
                return Err(error(line, format!("count `{count}` is not a count")));
            }
            if word.is_empty() {
                return Err(error(line, "empty word".into()));
            }
            let folded = crate::normalize::fold::fold(word).text.to_lowercase();
            let stem = crate::normalize::tokens::stem(&folded);
            *out.by_stem.entry(stem).or_default() += count;
            out.total += count;
        }
        Ok(out)
    }

    /// The summed counts of the words of this stem class (0 when absent).
    pub fn stem_count(&self, stem: &str) -> f64 {
        self.by_stem.get(stem).copied().unwrap_or(0.0)
    }

    /// The summed counts of `word`'s stem class.
    pub fn count(&self, word: &str) -> f64 {
        self.stem_count(&crate::normalize::tokens::stem(&word.to_lowercase()))
    }

    /// Total count of the table.
    pub fn total(&self) -> f64 {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.by_stem.is_empty()
    }
}

/// Reads a background frequency file (see [`Background::from_csv`]).
pub fn read_background(path: &Path) -> Result<Background, BackgroundError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| BackgroundError {
        file: name.clone(),
        line: 0,
        message: e.to_string(),
    })?;
    Background::from_csv(&name, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn log_odds_matches_a_hand_computed_example() {
        // Article: 2 of 10 words; rest: 0 of 10; pooled prior α_w = 2, α_0 = 20.
        // δ = ln(4 / 26) − ln(2 / 28) = 0.767255…; σ = √(1/4 + 1/2) = 0.866025…
        let (delta, z) = log_odds_z(2.0, 10.0, 0.0, 10.0, 2.0, 20.0);
        assert!(close(delta, (4.0f64 / 26.0).ln() - (2.0f64 / 28.0).ln()));
        assert!(close(delta, 0.767_255_152_713_667_5), "{delta}");
        assert!(close(z, 0.885_949_937_912_726_8), "{z}");
    }

    #[test]
    fn equal_rates_give_zero_and_rarer_use_is_negative() {
        let (delta, z) = log_odds_z(1.0, 4.0, 1.0, 4.0, 2.0, 8.0);
        assert!(close(delta, 0.0) && close(z, 0.0));
        let (_, z) = log_odds_z(0.0, 10.0, 3.0, 10.0, 3.0, 20.0);
        assert!(z < 0.0);
        // More uses, same rate elsewhere: a larger z.
        let (_, z2) = log_odds_z(2.0, 10.0, 0.0, 10.0, 2.0, 20.0);
        let (_, z4) = log_odds_z(4.0, 10.0, 0.0, 10.0, 4.0, 20.0);
        assert!(z4 > z2);
    }

    #[test]
    fn background_reads_word_counts_by_stem() {
        let bg = Background::from_csv(
            "bg.csv",
            "word,count\nkilling,10\nkilled,5\n\n\"martyrdom\",1\n",
        )
        .unwrap();
        assert_eq!(bg.count("kill"), 15.0);
        assert_eq!(bg.count("Killings"), 15.0);
        assert_eq!(bg.count("martyrdom"), 1.0);
        assert_eq!(bg.count("absent"), 0.0);
        assert_eq!(bg.total(), 16.0);
        // No header is fine too.
        assert_eq!(Background::from_csv("b", "a,1\n").unwrap().total(), 1.0);
    }

    #[test]
    fn background_errors_name_file_and_line() {
        let e = Background::from_csv("bg.csv", "word,count\nkill,10\nmurder,many\n").unwrap_err();
        assert_eq!(e.to_string(), "bg.csv:3: count `many` is not a number");
        let e = Background::from_csv("bg.csv", "kill,10\nmurder\n").unwrap_err();
        assert_eq!(e.to_string(), "bg.csv:2: 1 fields, expected word,count");
        let e = Background::from_csv("bg.csv", "kill,-1\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = read_background(Path::new("/nonexistent/bg.csv")).unwrap_err();
        assert_eq!(e.line, 0);
    }

    #[test]
    fn function_words_are_not_counted() {
        assert!(is_stopword("the") && is_stopword("said"));
        assert!(!is_stopword("claimed") && !is_stopword("martyrdom"));
    }
}
