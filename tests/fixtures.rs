//! The fixture stories keep their promises (fixtures/README.md): every constructed file says so
//! in its header, the seed article is the real one, and every gold text cell is in its article.

mod common;

use common::{load_story, read_gold, stories};

const SEED: &str = "presstv-2020-12-24-trump-accuses-iran";

#[test]
fn every_constructed_article_is_marked_and_the_seed_is_unchanged() {
    for dir in stories() {
        for (id, article) in load_story(&dir) {
            if id == SEED {
                let shared = std::path::Path::new("../shared/seed").join(format!("{SEED}.txt"));
                if let Ok(original) = std::fs::read_to_string(shared) {
                    assert_eq!(
                        article.body, original,
                        "the seed article must stay as published"
                    );
                }
                continue;
            }
            assert_eq!(
                article.note.as_deref(),
                Some("constructed for testing"),
                "{id} lacks the note"
            );
        }
    }
}

/// Gold files that annotate text; a story may annotate some and not others (`ferry-fire`
/// annotates only its copies), but every file it has holds rows.
const TEXT_GOLD: [&str; 5] = [
    "sentences.csv",
    "alignment.csv",
    "quotes.csv",
    "facts.csv",
    "flags.csv",
];

#[test]
fn every_gold_text_cell_is_in_its_article() {
    let mut checked = 0;
    for dir in stories() {
        let articles = load_story(&dir);
        for file in TEXT_GOLD {
            let path = dir.join("gold").join(file);
            if !path.exists() {
                continue;
            }
            let rows = read_gold(&path);
            assert!(!rows.is_empty(), "{dir:?}: gold/{file} is empty");
            for row in rows {
                for (id_col, text_col) in [
                    ("article_id", "text"),
                    ("article_id", "context"),
                    ("article_a", "text_a"),
                    ("article_b", "text_b"),
                ] {
                    let (Some(id), Some(text)) = (row.get(id_col), row.get(text_col)) else {
                        continue;
                    };
                    let article = articles
                        .get(id)
                        .unwrap_or_else(|| panic!("{dir:?}/{file}: unknown article {id}"));
                    assert!(
                        article.body.contains(text.as_str()),
                        "{dir:?}/{file}: {id} does not contain {text:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} cells checked");
}

#[test]
fn every_story_lists_its_copies_by_known_articles_and_kinds() {
    for dir in stories() {
        let path = dir.join("gold/copies.csv");
        assert!(path.exists(), "{dir:?}: gold/copies.csv is missing");
        let articles = load_story(&dir);
        for row in read_gold(&path) {
            for col in ["article_a", "article_b"] {
                assert!(
                    articles.contains_key(&row[col]),
                    "{dir:?}/copies.csv: unknown article {}",
                    row[col]
                );
            }
            assert_ne!(row["article_a"], row["article_b"]);
            assert!(
                ["verbatim", "near", "spun", "partial"].contains(&row["kind"].as_str()),
                "{dir:?}/copies.csv: unknown kind {}",
                row["kind"]
            );
        }
    }
}
