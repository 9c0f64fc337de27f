//! Facts against `fixtures/*/gold/facts.csv`, over every annotated story.
//!
//! Matching rule: a predicted fact matches a gold row of the same article when
//! - `number`: kind, key and value are equal (`rocket`, `>=3`);
//! - `date`: kind and value are equal (the gold leaves the key empty);
//! - `entity`: kind and key (the canonical name) are equal.
//!
//! Each gold row and each predicted fact counts once (facts are once per article). Where the
//! fact was found does not matter: gold `text` cells name one occurrence of several.
//!
//! Thresholds (the quotes-and-facts issue's acceptance level): recall at least 0.90 and
//! precision at least 0.85 over all stories. Run with `--nocapture` for the figures per story
//! and per kind, and the misses and extras.

mod common;

use common::{Prf, load_story, read_gold, stories};
use slant::extract::{Fact, facts};
use std::collections::{BTreeMap, BTreeSet};

/// What a fact is matched on (see the module doc).
type MatchKey = (String, String, String, String);

fn match_key(article: &str, kind: &str, key: &str, value: &str) -> MatchKey {
    let (key, value) = match kind {
        "number" => (key, value),
        "date" => ("", value),
        _ => (key, ""),
    };
    (article.into(), kind.into(), key.into(), value.into())
}

#[derive(Default)]
struct Counts {
    hit: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, hit: usize, predicted: usize, gold: usize) {
        self.hit += hit;
        self.predicted += predicted;
        self.gold += gold;
    }

    fn prf(&self) -> Prf {
        Prf::from_counts(self.hit, self.predicted, self.gold)
    }
}

#[test]
fn facts_match_gold() {
    let mut overall = Counts::default();
    let mut by_kind: BTreeMap<String, Counts> = BTreeMap::new();
    for dir in stories() {
        let rows = read_gold(&dir.join("gold/facts.csv"));
        if rows.is_empty() {
            continue;
        }
        let articles = load_story(&dir);
        let gold: BTreeSet<MatchKey> = rows
            .iter()
            .map(|r| match_key(&r["article_id"], &r["kind"], &r["key"], &r["value"]))
            .collect();
        let annotated: BTreeSet<&str> = rows.iter().map(|r| r["article_id"].as_str()).collect();
        let mut predicted = BTreeSet::new();
        for (index, id) in annotated.iter().enumerate() {
            let article = articles
                .get(*id)
                .unwrap_or_else(|| panic!("{dir:?}: gold names unknown article {id}"));
            let doc = slant::normalize(article);
            for fact in facts::extract(index, article, &doc) {
                let Fact {
                    kind, key, value, ..
                } = fact;
                predicted.insert(match_key(id, kind.as_str(), &key, &value));
            }
        }
        let story = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut per_story = Counts::default();
        for kind in ["number", "date", "entity"] {
            let of_kind = |set: &BTreeSet<MatchKey>| -> BTreeSet<MatchKey> {
                set.iter().filter(|k| k.1 == kind).cloned().collect()
            };
            let (g, p) = (of_kind(&gold), of_kind(&predicted));
            let hit = g.intersection(&p).count();
            by_kind
                .entry(kind.into())
                .or_default()
                .add(hit, p.len(), g.len());
            per_story.add(hit, p.len(), g.len());
            println!(
                "{story} {kind}: {}",
                Prf::from_counts(hit, p.len(), g.len())
            );
            for missed in g.difference(&p) {
                println!("  missed:    {missed:?}");
            }
            for extra in p.difference(&g) {
                println!("  predicted: {extra:?}");
            }
        }
        println!("{story}: {}", per_story.prf());
        overall.add(per_story.hit, per_story.predicted, per_story.gold);
    }
    for (kind, counts) in &by_kind {
        println!("all stories {kind}: {}", counts.prf());
    }
    let prf = overall.prf();
    println!("all stories: {prf}");
    assert!(overall.gold > 0, "no gold facts found");
    assert!(
        prf.recall >= 0.90,
        "fact recall {:.3} below 0.90",
        prf.recall
    );
    assert!(
        prf.precision >= 0.85,
        "fact precision {:.3} below 0.85",
        prf.precision
    );
}
