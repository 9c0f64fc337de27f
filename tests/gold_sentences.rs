//! Sentence boundaries against `fixtures/*/gold/sentences.csv`.
//!
//! The threshold (boundary F1 at least 0.97 per annotated article) is the foundation issue's
//! acceptance level. Run with `--nocapture` to see the figures.

mod common;

use common::{Prf, load_story, locate, read_gold, stories};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn sentence_boundaries_match_gold() {
    let mut annotated = 0;
    for dir in stories() {
        let articles = load_story(&dir);
        let mut gold: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for row in read_gold(&dir.join("gold/sentences.csv")) {
            gold.entry(row["article_id"].clone())
                .or_default()
                .push(row["text"].clone());
        }
        for (id, texts) in gold {
            let article = articles
                .get(&id)
                .unwrap_or_else(|| panic!("{dir:?}: gold names unknown article {id}"));
            let mut at = 0;
            let mut gold_spans = BTreeSet::new();
            for text in &texts {
                let span = locate(&article.body, text, at)
                    .unwrap_or_else(|| panic!("{id}: gold sentence not in body: {text:?}"));
                at = span.1;
                gold_spans.insert(span);
            }
            let doc = slant::normalize(article);
            let predicted: BTreeSet<(usize, usize)> = doc
                .sentences
                .iter()
                .map(|s| (s.span.start, s.span.end))
                .collect();
            let ends = |spans: &BTreeSet<(usize, usize)>| {
                spans.iter().map(|s| s.1).collect::<BTreeSet<_>>()
            };
            let (gold_ends, predicted_ends) = (ends(&gold_spans), ends(&predicted));
            let boundary = Prf::from_counts(
                gold_ends.intersection(&predicted_ends).count(),
                predicted_ends.len(),
                gold_ends.len(),
            );
            let exact = Prf::from_counts(
                gold_spans.intersection(&predicted).count(),
                predicted.len(),
                gold_spans.len(),
            );
            println!(
                "{id}: {} gold sentences; boundary {boundary}; exact span {exact}",
                gold_spans.len()
            );
            for missed in gold_spans.difference(&predicted) {
                println!("  missed:    {:?}", &article.body[missed.0..missed.1]);
            }
            for extra in predicted.difference(&gold_spans) {
                println!("  predicted: {:?}", &article.body[extra.0..extra.1]);
            }
            assert!(
                boundary.f1 >= 0.97,
                "{id}: boundary F1 {:.3} below 0.97",
                boundary.f1
            );
            annotated += 1;
        }
    }
    assert!(
        annotated >= 3,
        "at least three annotated articles expected, found {annotated}"
    );
}
