//! Saved web pages: a constructed news page must come out as its story, and pathological pages
//! (nesting a hundred thousand elements deep) must be read, with a note, in a child process
//! that exits normally.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use std::path::{Path, PathBuf};

const GAZETTE: &str = "tests/pages/harbour-gazette.html";

fn slant() -> Command {
    Command::cargo_bin("slant").unwrap()
}

fn load(path: &Path) -> slant::Loaded {
    slant::ingest::load(&[path.to_path_buf()], &Default::default())
}

/// Five invented paragraphs, long enough for a page's main text.
fn story() -> String {
    [
        "The harbour council met on Tuesday evening to decide the ferry timetable for the winter.",
        "Councillors heard from islanders who asked for a later boat on weekdays and a morning boat on Sundays.",
        "The operator said that a second vessel could be leased for the months when the older ferry is refitted.",
        "The vote was carried by nine votes to four after a debate that lasted well past midnight.",
        "The new timetable will be published at the end of the summer, the council said.",
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>"))
    .collect()
}

fn write_page(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    let page = format!(
        "<!doctype html><html><head><title>Ferry timetable</title>\
         <meta name=\"note\" content=\"constructed for testing\"></head><body>{body}</body></html>"
    );
    std::fs::write(&path, page).unwrap();
    path
}

#[test]
fn a_news_page_comes_out_as_its_story() {
    let loaded = load(Path::new(GAZETTE));
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
    let article = &loaded.articles[0];
    assert_eq!(article.outlet, "Harbour Gazette");
    assert_eq!(article.date.as_deref(), Some("2024-03-05"));
    for furniture in [
        "Skip to content",
        "Sport",
        "Search the Gazette",
        "Share on Facebook",
        "Related",
        "Ferry fares frozen",
        "Advertisement",
        "Comments (2)",
        "Join the discussion",
        "Great news for the islands",
        "Most read",
        "Storm closes the coast road",
        "morning briefing",
        "All rights reserved",
        "pageview",
    ] {
        assert!(
            !article.body.contains(furniture),
            "{furniture:?} in\n{}",
            article.body
        );
    }
    // What is left after the page chrome rules (byline, date line, tag links): the story.
    let doc = slant::normalize(article);
    let sentences: Vec<&str> = doc
        .sentences
        .iter()
        .map(|s| &article.body[s.span.range()])
        .collect();
    assert_eq!(
        sentences,
        [
            "Ferry to the outer islands will run all winter",
            "The harbour council voted to keep two sailings a day after islanders asked for crossings all year round.",
            "The morning ferry leaves Port Aldwin for the outer islands.",
            "The harbour council voted on Tuesday to keep the ferry to the outer islands running through the winter, ending a decade in which the last crossing of the year left at the end of October.",
            "Councillors agreed to two sailings a day from November to March, one at eight in the morning and one at four in the afternoon, and said that fares would not rise before next spring.",
            "“People on the islands have waited a long time for this,” said Ines Calloway, who chairs the council’s transport committee.",
            "“A winter without a boat is a winter without a doctor, a school run or a shop.”",
            "A second vessel",
            "The operator will lease a second vessel while the older of its two ferries is refitted at the yard across the bay, and expects to hire eleven more crew before the first winter sailing.",
            "The winter route calls at three islands.",
            "Islanders who spoke at the meeting welcomed the vote, but asked the council to publish the winter timetable by the end of the summer so that families can plan the school year.",
        ]
    );
}

#[test]
fn a_page_of_100000_nested_divs_is_read_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let body = format!(
        "{}{}{}",
        "<div>".repeat(depth),
        story(),
        "</div>".repeat(depth)
    );
    let path = write_page(dir.path(), "deep.html", &body);
    slant()
        .arg("normalize")
        .arg(&path)
        .assert()
        .success()
        .stdout(
            contains("The vote was carried by nine votes to four")
                .and(contains("the council said.")),
        )
        .stderr(contains("elements nest 100003 deep").and(contains("simpler page reader")));
}

#[test]
fn a_page_of_100000_unclosed_bold_tags_is_read_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("{}{}", "<b>".repeat(100_000), story());
    let path = write_page(dir.path(), "bold.html", &body);
    slant()
        .arg("normalize")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("The operator said that a second vessel"))
        .stderr(contains("deep").and(contains("simpler page reader")));
}

#[test]
fn a_deep_page_in_a_jsonl_line_is_noted_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "<html><body>{}{}</body></html>",
        "<span>".repeat(2_500),
        story()
    );
    let lines = [
        serde_json::json!({"id": "plain", "text": "The council met."}),
        serde_json::json!({"id": "deep", "html": deep}),
    ];
    let path = dir.path().join("pages.jsonl");
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&path, text).unwrap();
    let loaded = load(&path);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), 2);
    assert!(loaded.articles[1].body.contains("nine votes to four"));
    assert_eq!(loaded.notes.len(), 1, "{:?}", loaded.notes);
    assert_eq!(loaded.notes[0].path, path);
    assert!(
        loaded.notes[0]
            .message
            .starts_with("line 2: elements nest 2503 deep"),
        "{}",
        loaded.notes[0].message
    );
}
