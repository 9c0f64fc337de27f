//! Alignment against `fixtures/*/gold/alignment.csv`: pair precision and recall, where the tool's
//! pairs are all pairs of sentences of different articles in the same unit.
//!
//! Thresholds are the alignment issue's acceptance levels: 0.90 on the Baghdad story, 0.85 on
//! the others. `cargo test --test gold_alignment -- --nocapture` prints the figures and the
//! pairs missed or added. The pairs must not depend on the order the articles are given in.

mod common;

use common::{Prf, load_story, locate, read_gold, stories};
use slant::align;
use std::collections::BTreeSet;

type Pair = ((String, usize), (String, usize));

/// Pairs of sentences of different articles in the same unit, by article id.
fn predicted_pairs(articles: &[slant::Article]) -> BTreeSet<Pair> {
    let alignment = slant::Story::build(articles.to_vec()).alignment;
    let mut predicted = BTreeSet::new();
    for unit in &alignment.units {
        for (i, x) in unit.members.iter().enumerate() {
            for y in &unit.members[i + 1..] {
                if x.article != y.article {
                    let a = (articles[x.article].id.clone(), x.sentence);
                    let b = (articles[y.article].id.clone(), y.sentence);
                    predicted.insert(if a <= b { (a, b) } else { (b, a) });
                }
            }
        }
    }
    predicted
}

#[test]
fn alignment_pairs_match_gold() {
    let mut failures = Vec::new();
    for dir in stories() {
        let gold_rows = read_gold(&dir.join("gold/alignment.csv"));
        if gold_rows.is_empty() {
            continue;
        }
        let articles: Vec<slant::Article> = load_story(&dir).into_values().collect();
        let docs: Vec<slant::Doc> = articles.iter().map(slant::normalize).collect();
        let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();

        let sentence_of = |id: &str, text: &str| -> (String, usize) {
            let i = articles
                .iter()
                .position(|a| a.id == id)
                .unwrap_or_else(|| panic!("unknown article {id}"));
            let (start, _) = locate(&articles[i].body, text, 0)
                .unwrap_or_else(|| panic!("{id}: not in body: {text:?}"));
            let s = docs[i]
                .sentences
                .iter()
                .position(|s| s.span.start <= start && start < s.span.end.max(s.span.start + 1));
            (
                id.to_string(),
                s.unwrap_or_else(|| panic!("{id}: gold text is in no sentence: {text:?}")),
            )
        };
        let ordered = |a: (String, usize), b: (String, usize)| if a <= b { (a, b) } else { (b, a) };
        let gold: BTreeSet<Pair> = gold_rows
            .iter()
            .map(|r| {
                ordered(
                    sentence_of(&r["article_a"], &r["text_a"]),
                    sentence_of(&r["article_b"], &r["text_b"]),
                )
            })
            .collect();
        let predicted = predicted_pairs(&articles);
        let mut reversed = articles.clone();
        reversed.reverse();
        assert_eq!(
            predicted_pairs(&reversed),
            predicted,
            "{dir:?}: the pairs depend on the order the articles are given in"
        );
        let prf = Prf::from_counts(
            gold.intersection(&predicted).count(),
            predicted.len(),
            gold.len(),
        );
        let story = dir.file_name().unwrap().to_string_lossy().to_string();
        println!(
            "{story}: {} gold pairs, {} predicted; {prf}",
            gold.len(),
            predicted.len()
        );
        let scored = align::score_pairs(&docs, &bodies);
        let index = |(id, s): &(String, usize)| {
            (
                articles.iter().position(|a| &a.id == id).unwrap() as u32,
                *s as u32,
            )
        };
        let score_of = |p: &Pair| {
            let (x, y) = (index(&p.0), index(&p.1));
            scored
                .scores
                .get(&(x.min(y), x.max(y)))
                .copied()
                .unwrap_or(0.0)
        };
        let show = |p: &Pair| {
            let text = |(id, s): &(String, usize)| {
                let i = articles.iter().position(|a| &a.id == id).unwrap();
                let span = docs[i].sentences[*s].span;
                articles[i].body[span.range()]
                    .chars()
                    .take(70)
                    .collect::<String>()
            };
            format!(
                "{:.2} {}#{} {:?} ~ {}#{} {:?}",
                score_of(p),
                p.0.0,
                p.0.1,
                text(&p.0),
                p.1.0,
                p.1.1,
                text(&p.1)
            )
        };
        if std::env::var_os("SLANT_SHOW_PAIRS").is_some() {
            for p in gold.difference(&predicted) {
                println!("  missed: {}", show(p));
            }
            for p in predicted.difference(&gold) {
                println!("  extra:  {}", show(p));
            }
        }
        if std::env::var_os("SLANT_DIAG").is_some() {
            // How well the pair scores alone separate gold pairs, before any grouping.
            for tenth in 1..9 {
                let cut = tenth as f32 / 10.0;
                let above: BTreeSet<_> = scored
                    .scores
                    .iter()
                    .filter(|(_, s)| **s >= cut)
                    .map(|(k, _)| *k)
                    .collect();
                let hits = gold.iter().filter(|(a, b)| {
                    let (x, y) = (index(a), index(b));
                    above.contains(&(x.min(y), x.max(y)))
                });
                println!(
                    "  pairs scoring >= {cut:.1}: {}",
                    Prf::from_counts(hits.count(), above.len(), gold.len())
                );
            }
        }
        let need = if story == "baghdad-rockets-2020" {
            0.90
        } else {
            0.85
        };
        if prf.precision < need || prf.recall < need {
            failures.push(format!("{story}: {prf} below {need}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
