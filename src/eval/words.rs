//! The flagger against sentences with labelled loaded words, such as BABE (Spinde et al.,
//! Findings of EMNLP 2021): one sentence a row, a column listing its loaded words, and
//! optionally a sentence label (biased or not).
//!
//! Each sentence is scored as an article of its own ([`crate::score::flags::flag_article`]: lexicon terms, scare
//! quotes, agentless passives, flags inside quotes included, since annotators label the
//! sentence's words wherever they stand).
//!
//! Measures:
//! - word level, over (sentence, word) pairs: a word of the sentence is gold-loaded when its
//!   lower-cased form is in the row's word list (list entries are split into words the way
//!   slant splits the sentence, so `far-right` gives `far` and `right`); it is predicted when a
//!   flag covers it. Precision, recall and F1 over the distinct pairs.
//! - sentence level: "any flag" against the label, rows whose label is neither biased nor
//!   non-biased (BABE's `No agreement`) dropped; the F1 of each class and their mean
//!   (macro-F1).
//!
//! The word list may be a Python-style list (`['bizarre', 'characteristically']`, BABE's) or
//! words separated by `,`, `;` or `|`.

use crate::extract::quotes::extract;
use crate::normalize::fold_text;
use crate::score::flags::flag_article_with;
use crate::score::lexicon::{CATEGORIES, Lexicon};
use crate::score::matcher::Matcher;
use crate::{Article, normalize};
use serde::Serialize;
use std::collections::BTreeSet;

/// Which columns hold what, and how they are separated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub text: String,
    pub words: String,
    /// The sentence label column; sentence-level figures are left out when it is missing.
    pub label: String,
    /// The field separator; `None` guesses it from the header line (`;`, `,` or tab).
    pub delimiter: Option<u8>,
}

impl Default for Columns {
    /// BABE's columns.
    fn default() -> Self {
        Self {
            text: "text".into(),
            words: "biased_words".into(),
            label: "label_bias".into(),
            delimiter: None,
        }
    }
}

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    pub text: String,
    /// The loaded words, lower case, folded.
    pub words: Vec<String>,
    /// Biased (`true`), not biased (`false`), or no usable label.
    pub biased: Option<bool>,
}

/// A file that cannot be read as labelled sentences.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct WordsError {
    pub file: String,
    pub message: String,
}

/// Counts with precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub true_positive: usize,
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn from_counts(true_positive: usize, predicted: usize, gold: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(true_positive, predicted), ratio(true_positive, gold));
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Self {
            true_positive,
            predicted,
            gold,
            precision,
            recall,
            f1,
        }
    }
}

/// What [`evaluate`] measured.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WordsReport {
    /// Sentences read.
    pub sentences: usize,
    /// Sentences with at least one flag.
    pub flagged_sentences: usize,
    /// Word level, over distinct (sentence, word) pairs.
    pub words: Prf,
    /// Sentences with a usable label (the sentence-level figures' base).
    pub labelled: usize,
    /// Sentence level: "biased" = any flag.
    pub biased: Prf,
    /// Sentence level: "not biased" = no flag.
    pub not_biased: Prf,
    /// Mean of the two classes' F1.
    pub macro_f1: f64,
    /// The words flagged most often where no annotator marked them, with counts (the top 20).
    pub top_false_positives: Vec<(String, usize)>,
    /// The gold words missed most often, with counts (the top 20).
    pub top_missed: Vec<(String, usize)>,
    /// Word-level precision of each flag category (in the order of the lexicon's categories),
    /// so that a weak category can be found.
    pub by_category: Vec<CategoryPrecision>,
}

/// How often one category's flagged words are words the annotators marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryPrecision {
    pub category: String,
    /// Distinct (sentence, word) pairs flagged with this category.
    pub predicted: usize,
    /// Those an annotator marked.
    pub right: usize,
    pub precision: f64,
}

/// Reads labelled sentences from CSV text (a leading byte-order mark is skipped). `name` is
/// the file name errors show.
pub fn read(name: &str, text: &str, columns: &Columns) -> Result<Vec<Labelled>, WordsError> {
    let error = |message: String| WordsError {
        file: name.to_string(),
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = columns.delimiter.unwrap_or_else(|| guess_delimiter(text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| error(e.to_string()))?.clone();
    let find = |col: &str| headers.iter().position(|h| h.trim() == col);
    let missing = |col: &str| {
        error(format!(
            "no `{col}` column (columns: {})",
            headers.iter().collect::<Vec<_>>().join(", ")
        ))
    };
    let text_at = find(&columns.text).ok_or_else(|| missing(&columns.text))?;
    let words_at = find(&columns.words).ok_or_else(|| missing(&columns.words))?;
    let label_at = find(&columns.label);
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| error(e.to_string()))?;
        let cell = |i: usize| record.get(i).unwrap_or("");
        out.push(Labelled {
            text: cell(text_at).to_string(),
            words: parse_word_list(cell(words_at)),
            biased: label_at.and_then(|i| parse_label(cell(i))),
        });
    }
    Ok(out)
}

/// The separator used most in the header line, among `;`, `,` and tab.
fn guess_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|&d| (header.bytes().filter(|&b| b == d).count(), d == b','))
        .unwrap_or(b',')
}

/// `['bizarre', "don't"]` or `bizarre, characteristically` → lower-case folded words.
pub fn parse_word_list(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    let items: Vec<String> = match cell.strip_prefix('[').and_then(|c| c.strip_suffix(']')) {
        Some(inner) => python_strings(inner),
        None => cell
            .split([',', ';', '|'])
            .map(|s| s.trim().to_string())
            .collect(),
    };
    items
        .into_iter()
        .map(|w| fold_text(w.trim()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The quoted strings of a Python list body (`'a', "b's"`), with `\` escapes.
fn python_strings(inner: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\'' && c != '"' {
            continue;
        }
        let mut item = String::new();
        while let Some(d) = chars.next() {
            match d {
                '\\' => item.extend(chars.next()),
                d if d == c => break,
                d => item.push(d),
            }
        }
        out.push(item);
    }
    out
}

/// `Biased` → true; `Non-biased` → false; anything else (`No agreement`) → none.
fn parse_label(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "biased" | "1" | "true" | "yes" => Some(true),
        "non-biased" | "non biased" | "unbiased" | "not biased" | "0" | "false" | "no" => {
            Some(false)
        }
        _ => None,
    }
}

/// Scores every sentence with `lexicon` and measures the flags against the labels.
pub fn evaluate(sentences: &[Labelled], lexicon: &Lexicon) -> WordsReport {
    evaluate_above(sentences, lexicon, 0.0)
}

/// [`evaluate`], counting only flags of at least `min_weight` (a stricter flagger: fewer,
/// more loaded words).
pub fn evaluate_above(sentences: &[Labelled], lexicon: &Lexicon, min_weight: f32) -> WordsReport {
    let matcher = Matcher::new(lexicon);
    let mut report = WordsReport {
        sentences: sentences.len(),
        ..WordsReport::default()
    };
    let (mut word_tp, mut word_predicted, mut word_gold) = (0, 0, 0);
    // Sentence level, counted as (gold biased, predicted biased).
    let mut confusion = [[0usize; 2]; 2];
    let mut false_positives: std::collections::HashMap<String, usize> = Default::default();
    let mut missed: std::collections::HashMap<String, usize> = Default::default();
    // Category → (predicted, right).
    let mut categories: std::collections::HashMap<String, (usize, usize)> = Default::default();
    for (i, sentence) in sentences.iter().enumerate() {
        let article = Article::from_text(&format!("s{i}"), &sentence.text);
        let doc = normalize(&article);
        let (quotes, _) = extract(0, &article, &doc, lexicon);
        let mut flags = flag_article_with(&matcher, 0, &article, &doc, &quotes, lexicon);
        flags.retain(|f| f.weight >= min_weight);
        let gold_words = split_like_tokens(&sentence.words);
        let mut predicted: BTreeSet<&str> = BTreeSet::new();
        let mut gold: BTreeSet<&str> = BTreeSet::new();
        let mut by_category: BTreeSet<(&str, &str)> = BTreeSet::new();
        for token in &doc.tokens {
            let word = token.text.as_str();
            for flag in flags.iter().filter(|f| f.span.overlaps(token.span)) {
                predicted.insert(word);
                by_category.insert((flag.category.as_str(), word));
            }
            if gold_words.contains(word) {
                gold.insert(word);
            }
        }
        for (category, word) in by_category {
            let tally = categories.entry(category.to_string()).or_default();
            tally.0 += 1;
            tally.1 += usize::from(gold.contains(word));
        }
        word_tp += predicted.intersection(&gold).count();
        word_predicted += predicted.len();
        word_gold += gold.len();
        for w in predicted.difference(&gold) {
            *false_positives.entry((*w).to_string()).or_default() += 1;
        }
        for w in gold.difference(&predicted) {
            *missed.entry((*w).to_string()).or_default() += 1;
        }
        report.flagged_sentences += usize::from(!flags.is_empty());
        if let Some(biased) = sentence.biased {
            confusion[usize::from(biased)][usize::from(!flags.is_empty())] += 1;
        }
    }
    report.words = Prf::from_counts(word_tp, word_predicted, word_gold);
    report.labelled = confusion.iter().flatten().sum();
    let class = |c: usize| {
        let tp = confusion[c][c];
        let predicted = confusion[0][c] + confusion[1][c];
        let gold = confusion[c][0] + confusion[c][1];
        Prf::from_counts(tp, predicted, gold)
    };
    report.biased = class(1);
    report.not_biased = class(0);
    report.macro_f1 = (report.biased.f1 + report.not_biased.f1) / 2.0;
    report.top_false_positives = top(false_positives);
    report.top_missed = top(missed);
    report.by_category = in_category_order(categories);
    report
}

/// Per-category tallies as [`CategoryPrecision`]s, in the order of the lexicon's categories
/// (any other category after them, by name).
fn in_category_order(
    tallies: std::collections::HashMap<String, (usize, usize)>,
) -> Vec<CategoryPrecision> {
    let rank = |c: &str| {
        CATEGORIES
            .iter()
            .position(|(name, _)| *name == c)
            .unwrap_or(CATEGORIES.len())
    };
    let mut out: Vec<CategoryPrecision> = tallies
        .into_iter()
        .map(|(category, (predicted, right))| CategoryPrecision {
            precision: if predicted == 0 {
                0.0
            } else {
                right as f64 / predicted as f64
            },
            category,
            predicted,
            right,
        })
        .collect();
    out.sort_by(|a, b| {
        rank(&a.category)
            .cmp(&rank(&b.category))
            .then_with(|| a.category.cmp(&b.category))
    });
    out
}

/// The report as a small table for a terminal.
pub fn write_table(report: &WordsReport, w: &mut impl std::io::Write) -> std::io::Result<()> {
    writeln!(
        w,
        "{} sentences, {} flagged; {} with a usable label",
        report.sentences, report.flagged_sentences, report.labelled
    )?;
    writeln!(
        w,
        "{:<24} {:>6} {:>9} {:>6} {:>9} {:>7} {:>7}",
        "measure", "right", "predicted", "gold", "precision", "recall", "F1"
    )?;
    for (name, prf) in [
        ("words (sentence, word)", report.words),
        ("sentences: biased", report.biased),
        ("sentences: not biased", report.not_biased),
    ] {
        writeln!(
            w,
            "{name:<24} {:>6} {:>9} {:>6} {:>9.3} {:>7.3} {:>7.3}",
            prf.true_positive, prf.predicted, prf.gold, prf.precision, prf.recall, prf.f1
        )?;
    }
    writeln!(w, "sentence macro-F1 {:.3}", report.macro_f1)?;
    writeln!(
        w,
        "{:<24} {:>6} {:>9} {:>9}",
        "precision by category", "right", "predicted", "precision"
    )?;
    for c in &report.by_category {
        writeln!(
            w,
            "  {:<22} {:>6} {:>9} {:>9.3}",
            c.category, c.right, c.predicted, c.precision
        )?;
    }
    let list = |items: &[(String, usize)]| {
        items
            .iter()
            .map(|(word, n)| format!("{word} ({n})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        w,
        "flagged, not labelled: {}",
        list(&report.top_false_positives)
    )?;
    writeln!(w, "labelled, not flagged: {}", list(&report.top_missed))?;
    Ok(())
}

/// The gold words as slant's tokens would be: `far-right` → `far`, `right`.
fn split_like_tokens(words: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for w in words {
        let article = Article::from_text("w", w);
        let doc = normalize(&article);
        out.extend(doc.tokens.into_iter().map(|t| t.text));
        out.insert(w.clone());
    }
    out
}

/// The 20 most frequent, most frequent first, then alphabetical.
fn top(counts: std::collections::HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut all: Vec<(String, usize)> = counts.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.truncate(20);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_in_python_or_plain_form() {
        assert_eq!(
            parse_word_list("['bizarre', 'Characteristically']"),
            ["bizarre", "characteristically"]
        );
        assert_eq!(parse_word_list("[\"don't\", 'a\\'b']"), ["don't", "a'b"]);
        assert_eq!(parse_word_list("[]"), Vec::<String>::new());
        assert_eq!(parse_word_list("slammed; regime"), ["slammed", "regime"]);
        assert_eq!(parse_word_list(""), Vec::<String>::new());
    }

    #[test]
    fn reads_babe_shaped_files_with_a_bom() {
        let text = "\u{feff}text;outlet;label_bias;biased_words\n\
                    \"The regime \"\"claimed\"\" it.\";X;Biased;['regime']\n\
                    Plain words.;Y;No agreement;[]\n";
        let rows = read("b.csv", text, &Columns::default()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].text, "The regime \"claimed\" it.");
        assert_eq!(rows[0].words, ["regime"]);
        assert_eq!((rows[0].biased, rows[1].biased), (Some(true), None));
    }

    #[test]
    fn missing_columns_are_named() {
        let e = read("b.csv", "a,b\n1,2\n", &Columns::default()).unwrap_err();
        assert!(e.to_string().starts_with("b.csv: no `text` column"), "{e}");
    }

    #[test]
    fn measures_words_and_sentences() {
        let lexicon = Lexicon::from_csv(
            "l.csv",
            "term,forms,category\nregime,regime,actor-label\nslam,slammed,attribution-emotive\n",
        )
        .unwrap();
        let rows = vec![
            Labelled {
                text: "The regime slammed the far-right plan.".into(),
                words: vec!["regime".into(), "far-right".into()],
                biased: Some(true),
            },
            Labelled {
                text: "The government said no.".into(),
                words: vec![],
                biased: Some(false),
            },
            Labelled {
                text: "The regime said no.".into(),
                words: vec![],
                biased: None,
            },
        ];
        let r = evaluate(&rows, &lexicon);
        // Predicted: regime, slammed (s0), regime (s2); gold: regime, far, right (s0).
        assert_eq!(
            (r.words.true_positive, r.words.predicted, r.words.gold),
            (1, 3, 3)
        );
        assert_eq!(r.labelled, 2);
        assert_eq!(r.biased.f1, 1.0);
        assert_eq!(r.macro_f1, 1.0);
        assert_eq!(r.top_false_positives[0], ("regime".to_string(), 1));
        // By category, in the lexicon's category order: actor-label 1 of 2 (regime in s0
        // right, in s2 not), attribution-emotive 0 of 1 (slammed was not marked).
        let by: Vec<(&str, usize, usize)> = r
            .by_category
            .iter()
            .map(|c| (c.category.as_str(), c.right, c.predicted))
            .collect();
        assert_eq!(by, [("attribution-emotive", 0, 1), ("actor-label", 1, 2)]);
        assert_eq!(r.by_category[1].precision, 0.5);
        // Above every entry's weight nothing is flagged.
        let none = evaluate_above(&rows, &lexicon, 1.01);
        assert_eq!((none.words.true_positive, none.words.predicted), (0, 0));
    }
}
