//! The whole scorer, as `slant compare` runs it (lexicon terms, scare quotes, agentless
//! passives, peer and corpus evidence), against the hand-made gold (`fixtures/*/gold/flags.csv`).
//!
//! Each gold row is located by its `context` (a snippet that occurs once in the article) and
//! then its `text` inside the context. A predicted flag matches a gold row when both are in the
//! same article and their body spans overlap.
//! - precision = predicted flags matching some gold row / predicted flags;
//! - recall = gold rows matched by some predicted flag / gold rows;
//! - category agreement, over matched gold rows: one of the overlapping flags has the gold
//!   category; in_quote agreement likewise for `in_quote`.
//!
//! Thresholds (the scorer issue's acceptance): precision ≥ 0.90 and recall ≥ 0.90 over all
//! stories. `cargo test --test gold_flags -- --nocapture` prints the figures, the gold
//! words missed (by category) and the flags no gold row asked for. `SLANT_LEXICON=PATH` measures
//! the lexicon of that file or directory instead of the default one, to try entries before
//! they are added.

mod common;

use common::{Prf, load_story, locate, read_gold, stories};
use slant::Span;
use slant::score::Flag;
use slant::score::lexicon::Lexicon;
use std::collections::BTreeMap;

const MIN_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.90;

#[derive(Debug, Clone)]
struct GoldFlag {
    article: String,
    span: Span,
    text: String,
    category: String,
    in_quote: bool,
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    predicted: usize,
    predicted_matched: usize,
    gold: usize,
    gold_matched: usize,
    category_agree: usize,
    in_quote_agree: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.predicted += o.predicted;
        self.predicted_matched += o.predicted_matched;
        self.gold += o.gold;
        self.gold_matched += o.gold_matched;
        self.category_agree += o.category_agree;
        self.in_quote_agree += o.in_quote_agree;
    }

    fn prf(&self) -> (f64, f64, f64) {
        let p = Prf::from_counts(self.predicted_matched, self.predicted, self.gold);
        let r = Prf::from_counts(self.gold_matched, self.predicted, self.gold);
        let f1 = if p.precision + r.recall == 0.0 {
            0.0
        } else {
            2.0 * p.precision * r.recall / (p.precision + r.recall)
        };
        (p.precision, r.recall, f1)
    }

    fn line(&self, name: &str) -> String {
        let (p, r, f1) = self.prf();
        let share = |a: usize| {
            if self.gold_matched == 0 {
                1.0
            } else {
                a as f64 / self.gold_matched as f64
            }
        };
        format!(
            "{name:<22} predicted {:>3} gold {:>3}  P {p:.3} R {r:.3} F1 {f1:.3}  category {:.3} in_quote {:.3}",
            self.predicted,
            self.gold,
            share(self.category_agree),
            share(self.in_quote_agree),
        )
    }
}

/// The default lexicon, or with `SLANT_LEXICON` set, the lexicon of that file or directory
/// alone (to measure a lexicon in the making against the gold).
fn lexicon() -> Lexicon {
    match std::env::var("SLANT_LEXICON") {
        Ok(path) => Lexicon::load(&[std::path::PathBuf::from(path)], true)
            .expect("SLANT_LEXICON is a lexicon file or directory"),
        Err(_) => Lexicon::default_english(),
    }
}

fn gold_rows(story: &std::path::Path, bodies: &BTreeMap<String, String>) -> Vec<GoldFlag> {
    read_gold(&story.join("gold/flags.csv"))
        .into_iter()
        .map(|row| {
            let article = row["article_id"].clone();
            let body = &bodies[&article];
            let (cs, ce) = locate(body, &row["context"], 0)
                .unwrap_or_else(|| panic!("{article}: context {:?} not found", row["context"]));
            let (s, e) = body[cs..ce]
                .find(row["text"].as_str())
                .map(|i| (cs + i, cs + i + row["text"].len()))
                .unwrap_or_else(|| panic!("{article}: {:?} not in its context", row["text"]));
            GoldFlag {
                article,
                span: Span::new(s, e),
                text: row["text"].clone(),
                category: row["category"].clone(),
                in_quote: row["in_quote"] == "true",
            }
        })
        .collect()
}

/// Scores one story; prints what was missed and what was extra when `show` is set.
fn measure(story: &std::path::Path, lexicon: &Lexicon, show: bool) -> (Tally, Vec<GoldFlag>) {
    let articles = load_story(story);
    let bodies: BTreeMap<String, String> = articles
        .iter()
        .map(|(id, a)| (id.clone(), a.body.clone()))
        .collect();
    let gold = gold_rows(story, &bodies);
    let scored = slant::Story::build_with(articles.values().cloned().collect(), lexicon);
    let mut predicted: BTreeMap<String, Vec<Flag>> =
        articles.keys().map(|id| (id.clone(), Vec::new())).collect();
    for flag in scored.flags {
        let id = scored.articles[flag.article].id.clone();
        predicted
            .get_mut(&id)
            .expect("every article has a list")
            .push(flag);
    }
    let mut tally = Tally {
        gold: gold.len(),
        ..Tally::default()
    };
    let mut missed = Vec::new();
    for g in &gold {
        let hits: Vec<&Flag> = predicted[&g.article]
            .iter()
            .filter(|f| f.span.overlaps(g.span))
            .collect();
        if hits.is_empty() {
            missed.push(g.clone());
            continue;
        }
        tally.gold_matched += 1;
        tally.category_agree += usize::from(hits.iter().any(|f| f.category == g.category));
        tally.in_quote_agree += usize::from(hits.iter().any(|f| f.in_quote == g.in_quote));
        if show && !hits.iter().any(|f| f.category == g.category) {
            println!(
                "  category: {} {:?} gold {} got {}",
                g.article, g.text, g.category, hits[0].category
            );
        }
    }
    for (id, flags) in &predicted {
        for f in flags {
            tally.predicted += 1;
            let matched = gold
                .iter()
                .any(|g| &g.article == id && g.span.overlaps(f.span));
            tally.predicted_matched += usize::from(matched);
            if show && !matched {
                println!(
                    "  extra: {id} {:?} {} (in_quote {})",
                    &bodies[id][f.span.range()],
                    f.category,
                    f.in_quote
                );
            }
        }
    }
    (tally, missed)
}

#[test]
fn article_flags_against_gold() {
    let lexicon = lexicon();
    let show = std::env::var_os("SLANT_SHOW_FLAGS").is_some();
    let mut all = Tally::default();
    let mut missed_by_category: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for story in stories() {
        if !story.join("gold/flags.csv").exists() {
            continue;
        }
        let name = story.file_name().unwrap().to_string_lossy().into_owned();
        let (tally, missed) = measure(&story, &lexicon, show);
        println!("{}", tally.line(&name));
        all.add(tally);
        for g in missed {
            let words = missed_by_category.entry(g.category).or_default();
            let word = g.text.to_lowercase();
            if !words.contains(&word) {
                words.push(word);
            }
        }
    }
    println!("{}", all.line("all stories"));
    println!("gold words missed, by category:");
    for (category, words) in &missed_by_category {
        println!("  {category}: {}", words.join(", "));
    }
    let (p, r, _) = all.prf();
    assert!(p >= MIN_PRECISION, "precision {p:.3} < {MIN_PRECISION}");
    assert!(r >= MIN_RECALL, "recall {r:.3} < {MIN_RECALL}");
}
