//! `slant quotes` and `slant facts` from the outside, and the three extraction reports of
//! `slant compare`.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

const STORY: &str = "fixtures/baghdad-rockets-2020";

fn slant() -> Command {
    Command::cargo_bin("slant").expect("the slant binary is built")
}

#[test]
fn quotes_table_shows_groups_cuts_changes_and_omissions() {
    slant()
        .args(["quotes", STORY, "--diff"])
        .assert()
        .success()
        // Trump's first tweet: carried whole by most, cut by one outlet, changed by another.
        .stdout(contains("· Donald Trump"))
        .stdout(contains("truncated"))
        .stdout(contains("altered"))
        .stdout(contains("[-were-] {+came+}"))
        .stdout(contains("missing from:"))
        .stdout(contains("only in "));
}

#[test]
fn quotes_csv_and_json_agree() {
    let csv = slant()
        .args(["quotes", STORY, "--format", "csv"])
        .output()
        .unwrap();
    let json = slant()
        .args(["quotes", STORY, "--format", "json"])
        .output()
        .unwrap();
    assert!(csv.status.success() && json.status.success());
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with(
        "quote_id,article_id,outlet,sentence_index,start,end,speaker,cue,text,match,similarity"
    ));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), csv.lines().count() - 1);
    let kinds: std::collections::BTreeSet<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["match"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains("exact") && kinds.contains("unique"),
        "{kinds:?}"
    );
}

#[test]
fn facts_table_puts_the_rocket_count_conflict_first() {
    let out = slant().args(["facts", STORY]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let conflicts = text.split("\n\n").next().unwrap();
    assert!(conflicts.starts_with("conflicting"), "{text}");
    assert!(
        conflicts.contains("number rocket:")
            && conflicts.contains("21 (")
            && conflicts.contains("8 ("),
        "{conflicts}"
    );
}

#[test]
fn compare_writes_quotes_attributions_and_facts() {
    let out = tempfile::tempdir().unwrap();
    slant()
        .args(["compare", STORY, "--quiet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let header = |f: &str| {
        std::fs::read_to_string(out.path().join(f))
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        header("quotes.csv"),
        "quote_id,article_id,outlet,sentence_index,start,end,speaker,cue,text,match,similarity"
    );
    assert_eq!(
        header("attributions.csv"),
        "article_id,outlet,sentence_index,start,end,speaker,verb,verb_class"
    );
    assert_eq!(
        header("facts.csv"),
        "fact_id,kind,key,value,article_id,outlet,sentence_index,start,end,text,agreement"
    );
    // Spans point at the quoted words in the body.
    let mut reader = csv::Reader::from_path(out.path().join("quotes.csv")).unwrap();
    let loaded = slant::ingest::load(&[STORY.into()], &Default::default());
    for row in reader.records() {
        let row = row.unwrap();
        let article = loaded.articles.iter().find(|a| a.id == row[1]).unwrap();
        let (start, end): (usize, usize) = (row[4].parse().unwrap(), row[5].parse().unwrap());
        assert_eq!(&article.body[start..end], row[8].trim_start_matches('\''));
    }
}

#[test]
fn facts_of_a_missing_story_is_an_input_error() {
    slant()
        .args(["facts", "no/such/story"])
        .assert()
        .code(2)
        .stderr(contains("no/such/story").and(contains("no such file")));
}
