//! Copy detection against `fixtures/*/gold/copies.csv`: every pair, its direction and its kind,
//! and no pair the gold does not list. `cargo test --test gold_copies -- --nocapture` prints the
//! figures per story.

mod common;

use common::{Prf, load_story, read_gold, stories};
use slant::align::copies::{self, CopyKind};
use std::collections::BTreeSet;

type Row = (String, String, String);

fn predicted(articles: &[slant::Article]) -> Vec<(Row, f32, usize)> {
    let docs: Vec<slant::Doc> = articles.iter().map(slant::normalize).collect();
    let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
    let dates: Vec<Option<&str>> = articles.iter().map(|a| a.date.as_deref()).collect();
    copies::find(&docs, &bodies, &dates)
        .into_iter()
        .map(|c| {
            (
                (
                    articles[c.article].id.clone(),
                    articles[c.original].id.clone(),
                    c.kind.as_str().to_string(),
                ),
                c.similarity,
                c.shared_words,
            )
        })
        .collect()
}

#[test]
fn copy_pairs_match_gold() {
    let mut failures = Vec::new();
    let mut kinds_seen = BTreeSet::new();
    for dir in stories() {
        let gold: BTreeSet<Row> = read_gold(&dir.join("gold/copies.csv"))
            .into_iter()
            .map(|r| {
                (
                    r["article_a"].clone(),
                    r["article_b"].clone(),
                    r["kind"].clone(),
                )
            })
            .collect();
        let articles: Vec<slant::Article> = load_story(&dir).into_values().collect();
        let found = predicted(&articles);
        for (_, similarity, shared) in &found {
            assert!((0.0..=1.0).contains(similarity) && *shared > 0);
        }
        let found: BTreeSet<Row> = found.into_iter().map(|f| f.0).collect();
        kinds_seen.extend(found.iter().map(|r| r.2.clone()));
        let prf = Prf::from_counts(gold.intersection(&found).count(), found.len(), gold.len());
        println!(
            "{}: {} gold pairs, {} found; {prf}",
            dir.display(),
            gold.len(),
            found.len()
        );
        for missed in gold.difference(&found) {
            failures.push(format!("{}: missed {missed:?}", dir.display()));
        }
        for extra in found.difference(&gold) {
            failures.push(format!("{}: not in the gold {extra:?}", dir.display()));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // The fixtures exercise every kind.
    let every: BTreeSet<String> = [
        CopyKind::Verbatim,
        CopyKind::Near,
        CopyKind::Spun,
        CopyKind::Partial,
    ]
    .iter()
    .map(|k| k.as_str().to_string())
    .collect();
    assert_eq!(kinds_seen, every);
}

#[test]
fn copy_of_names_the_main_original_of_whole_copies_only() {
    let dir = std::path::Path::new("fixtures/ferry-fire");
    let articles: Vec<slant::Article> = load_story(dir).into_values().collect();
    let story = slant::Story::build(articles);
    let copy_of: Vec<(&str, &str)> = story
        .alignment
        .copies
        .iter()
        .map(|c| {
            (
                story.articles[c.article].id.as_str(),
                story.articles[c.original].id.as_str(),
            )
        })
        .collect();
    // lakeside-post copies the wire and its verbatim copy alike: the wire is named, the copy
    // is a copy itself. harbour-herald lifts a passage only: no copy_of.
    assert_eq!(
        copy_of,
        [
            ("lakeside-post", "tidewater-wire"),
            ("news-mirror", "tidewater-wire"),
            ("newsbeat-hub", "valley-courier"),
        ]
    );
}

fn own_article(id: &str, text: &str) -> slant::Article {
    slant::Article::from_text(id, text)
}

fn find(articles: &[slant::Article]) -> Vec<Row> {
    predicted(articles).into_iter().map(|f| f.0).collect()
}

#[test]
fn sharing_a_long_quote_does_not_make_a_copy() {
    let quote = "\"Our embassy in Baghdad got hit Sunday by several rockets. Three rockets failed to launch. Guess where they were from: IRAN. Now we hear chatter of additional attacks against Americans in Iraq,\"";
    let a = own_article(
        "a",
        &format!(
            "{quote} the president wrote on Wednesday. Officials in Washington gave no further details about the attack or its aftermath."
        ),
    );
    let b = own_article(
        "b",
        &format!(
            "Iran's foreign ministry rejected the accusation on Thursday. {quote} Trump claimed in a post that drew a sharp reply from Tehran."
        ),
    );
    assert_eq!(find(&[a, b]), Vec::<Row>::new());
}

#[test]
fn a_quotation_left_open_to_the_end_of_its_paragraph_is_still_the_speaker_s() {
    // Both quote the same long statement and leave the closing mark off, as pages often do.
    let statement = "The water came up faster than anyone on the council had been told to expect, and the pumps at the lower station stopped before the first families had even been woken";
    let a = own_article(
        "a",
        &format!(
            "Flood waters reached the old town on Friday.\n\nThe mayor said: \u{201c}{statement}.\n\nRepairs will take weeks."
        ),
    );
    let b = own_article(
        "b",
        &format!(
            "The mayor spoke at the town hall.\n\n\u{201c}{statement}\n\nShe did not take questions."
        ),
    );
    assert_eq!(find(&[a, b]), Vec::<Row>::new());
}

#[test]
fn a_passage_lifted_whole_is_a_partial_copy_of_the_longer_article() {
    let lifted = "The ferry operator said the vessel had passed its last safety inspection in November and that the company would cooperate fully with the investigators who arrived on Tuesday.";
    let source = own_article(
        "source",
        &format!(
            "A ferry caught fire on the river on Monday. Nine passengers were treated for smoke. {lifted} Crossings were suspended until Wednesday, and commuters were told to take the road bridge instead. The regional transport minister said an independent inquiry would report within six weeks and that its findings would be made public. It was the second fire on one of the company's boats in three years."
        ),
    );
    let taker = own_article(
        "taker",
        &format!(
            "Fishermen from the village reached the burning boat first and carried twenty people to the slipway, where the church hall had been opened. {lifted} The village has no bridge of its own, and its council asked on Tuesday for a water taxi to run until the crossings resume."
        ),
    );
    assert_eq!(
        find(&[source, taker]),
        [("taker".into(), "source".into(), "partial".into())]
    );
}
