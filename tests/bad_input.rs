//! Bad input, named precisely: every refused file or JSONL record is named on stderr as
//! `path: reason` or `path:line: reason`, every other one is still read, and nothing panics.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn slant() -> Command {
    Command::cargo_bin("slant").expect("the slant binary is built")
}

/// A lexicon of the test's own, so the flags expected do not depend on the default one.
const LEXICON: &str = "term,forms,category,neutral,weight,explanation,example,not_when\n\
regime,regime,actor-label,government,0.8,It calls a government illegitimate.,x,\n";

const GOOD: &str = "The regime met on Monday. Officials said the vote was close.";

fn record(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "text": text}))
}

/// A story directory with one good file of each kind and one bad file of each kind, and a
/// JSONL file whose records are good and bad in turn. Returns the directory and what stderr
/// must say about each bad input.
fn bad_story(dir: &Path) -> (PathBuf, Vec<String>) {
    let story = dir.join("story");
    std::fs::create_dir(&story).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(story.join(name), bytes).unwrap();
    write("a-good.txt", GOOD.as_bytes());
    write("b-empty.txt", b" \n\n ");
    write("c-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    write("d-latin1.txt", b"The r\xe9gime met.");
    write("e-big.txt", "The regime met. ".repeat(100).as_bytes());
    write("f-malformed.json", b"{\"text\": \"The regime");
    write("g-empty-text.json", b"{\"id\": \"g\", \"text\": \"  \"}");
    write("h-no-text.json", b"{\"id\": \"h\", \"title\": \"A title\"}");
    write(
        "i-no-article.html",
        b"<html><body><div> </div><script>go()</script></body></html>",
    );
    write(
        "j-good.html",
        format!("<html><body><p>{GOOD}</p></body></html>").as_bytes(),
    );
    let deep = format!("{}{}", "[".repeat(400), "]".repeat(400));
    let mut jsonl: Vec<u8> = Vec::new();
    jsonl.extend(record("r1", GOOD).as_bytes());
    jsonl.extend(record("r2", "").as_bytes());
    jsonl.extend(b"{\"id\": \"r3\", \"text\": \"The regime\n");
    jsonl.extend(b"{\"id\": \"r4\"}\n");
    jsonl.extend(b"\"just a string\"\n");
    jsonl.extend(format!("{deep}\n").as_bytes());
    jsonl.extend(b"{\"id\": \"r7\", \"text\": \"The r\xe9gime met.\"}\n");
    jsonl.extend(record("r8", &"The regime met. ".repeat(100)).as_bytes());
    jsonl.extend(b"\n");
    jsonl.extend(record("r10", "  ").as_bytes());
    jsonl.extend(record("r11", GOOD).as_bytes());
    write("k-records.jsonl", &jsonl);
    write("l-blank.jsonl", b"\n\n");
    let p = |name: &str| story.join(name).display().to_string();
    let records = p("k-records.jsonl");
    let expected = vec![
        format!("{}: the file is empty", p("b-empty.txt")),
        format!(
            "{}: looks like a binary file (NUL byte at 8), not text",
            p("c-binary.txt")
        ),
        format!("{}: invalid UTF-8 at byte 5", p("d-latin1.txt")),
        format!(
            "{}: 1600 bytes is over the limit of 1000 bytes",
            p("e-big.txt")
        ),
        format!(
            "{}: malformed JSON: EOF while parsing a string",
            p("f-malformed.json")
        ),
        format!(
            "{}: empty record: its `text` field holds no text",
            p("g-empty-text.json")
        ),
        format!(
            "{}: the JSON record has no `text` or `html` field",
            p("h-no-text.json")
        ),
        format!("{}: the page holds no article text", p("i-no-article.html")),
        format!("{records}:2: empty record: its `text` field holds no text"),
        format!("{records}:3: malformed JSON: EOF while parsing a string"),
        format!("{records}:4: the JSON record has no `text` or `html` field"),
        format!("{records}:5: malformed JSON: invalid type: string"),
        format!("{records}:6: malformed JSON: recursion limit exceeded"),
        format!("{records}:7: invalid UTF-8 at byte"),
        format!("{records}:8: 1621 bytes is over the limit of 1000 bytes"),
        format!("{records}:10: empty record: its `text` field holds no text"),
        format!("{}: the file is empty", p("l-blank.jsonl")),
    ];
    (story, expected)
}

fn assert_named(stderr: &str, expected: &[String]) {
    for message in expected {
        assert!(
            stderr.lines().any(|l| l.contains(message.as_str())),
            "stderr does not say {message:?}:\n{stderr}"
        );
    }
    let errors = stderr.lines().filter(|l| l.contains("error:")).count();
    assert_eq!(errors, expected.len(), "one error per bad input:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn score_names_every_bad_file_and_record_and_scores_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (story, expected) = bad_story(dir.path());
    let lexicon = dir.path().join("lexicon.csv");
    std::fs::write(&lexicon, LEXICON).unwrap();
    let out = slant()
        .args([
            "score",
            "--max-bytes",
            "1000",
            "--no-default-lexicon",
            "--lexicon",
        ])
        .arg(&lexicon)
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_named(&stderr, &expected);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let flagged: Vec<&str> = stdout
        .lines()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    let p = |name: &str| story.join(name).display().to_string();
    assert_eq!(
        flagged,
        [
            format!("{}:1:5", p("a-good.txt")),
            format!("{}:1:5", p("j-good.html")),
            format!("{}:1:1:5", p("k-records.jsonl")),
            format!("{}:11:1:5", p("k-records.jsonl")),
        ]
    );
    assert!(stderr.contains("4 flags in 4 articles"), "{stderr}");
}

#[test]
fn normalize_and_compare_name_the_same_bad_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let (story, expected) = bad_story(dir.path());
    let out = slant()
        .args(["normalize", "--max-bytes", "1000", "--format", "json"])
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_named(&String::from_utf8(out.stderr).unwrap(), &expected);
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs.as_array().map(Vec::len), Some(4), "{docs}");

    let reports = dir.path().join("reports");
    let out = slant()
        .args(["compare", "--max-bytes", "1000", "--format", "csv", "--out"])
        .arg(&reports)
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_named(&String::from_utf8(out.stderr).unwrap(), &expected);
    let articles = std::fs::read_to_string(reports.join("articles.csv")).unwrap();
    assert_eq!(articles.lines().count(), 1 + 4, "{articles}");
}

#[test]
fn an_empty_record_is_not_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.jsonl");
    std::fs::write(&path, record("only", "")).unwrap();
    let out = slant().arg("score").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{}:1: empty record: its `text` field holds no text",
            path.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("the file is empty"), "{stderr}");
}

#[test]
fn max_bytes_limits_each_record_not_the_jsonl_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.jsonl");
    let text: String = (0..50).map(|i| record(&format!("n{i}"), GOOD)).collect();
    std::fs::write(&path, &text).unwrap();
    assert!(text.len() > 2000);
    let out = slant()
        .args(["score", "--max-bytes", "200", "--format", "csv"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let csv = String::from_utf8(out.stdout).unwrap();
    let ids: std::collections::BTreeSet<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids.len(), 50, "every record is scored: {ids:?}");
}
