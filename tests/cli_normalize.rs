//! `slant normalize` from the outside: output, exit codes and the error for every bad input.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use std::io::Read;
use std::path::Path;

const SEED: &str = "fixtures/baghdad-rockets-2020/presstv-2020-12-24-trump-accuses-iran.txt";

fn slant() -> Command {
    Command::cargo_bin("slant").expect("the slant binary is built")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn seed_text_output_lists_sentences_and_removed_boilerplate() {
    slant()
        .args(["normalize", SEED])
        .assert()
        .success()
        .stdout(contains(
            "0..57 (headline)  Trump accuses Iran of being behind rocket attacks in Iraq",
        ))
        .stdout(contains("removed share: SHARE THIS ARTICLE"))
        .stdout(contains("removed footer: Press TV News Roku"));
}

#[test]
fn a_wire_dateline_is_shown_in_text_and_json() {
    let wire = "fixtures/harbor-strike/coastal-wire.txt";
    slant()
        .args(["normalize", wire])
        .assert()
        .success()
        .stdout(contains("dateline 59..90: PORT CALDER (Coastal Wire) —"));
    let out = slant()
        .args(["normalize", "--format", "json", wire, SEED])
        .output()
        .unwrap();
    let records: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        records[0]["dateline"]["text"].as_str(),
        Some("PORT CALDER (Coastal Wire) — ")
    );
    assert!(records[1].get("dateline").is_none(), "the seed has none");
}

#[test]
fn seed_json_has_no_boilerplate_in_sentences_and_lists_every_removed_region() {
    let out = slant()
        .args(["normalize", "--format", "json", SEED])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let record = &json[0];
    let sentences: Vec<&str> = record["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let removed: Vec<(&str, &str)> = record["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["text"].as_str().unwrap()))
        .collect();
    let boilerplate = [
        "SHARE THIS ARTICLE",
        "Press TV News Roku",
        "pic.twitter.com/0OCL6IFp5M",
        "can also be accessed at",
        "(@realDonaldTrump)",
        "(Photo by AFP)",
        "www.presstv.co.uk",
    ];
    for needle in boilerplate {
        assert!(
            sentences.iter().all(|s| !s.contains(needle)),
            "{needle} left in a sentence"
        );
        assert!(
            removed.iter().any(|(_, text)| text.contains(needle)),
            "{needle} not listed as removed"
        );
    }
    // The second copy of the tweet is removed; the quoted copy stays.
    let tweet = "Three rockets failed to launch.";
    assert_eq!(sentences.iter().filter(|s| s.contains(tweet)).count(), 1);
    assert!(
        removed
            .iter()
            .any(|(kind, text)| *kind == "embedded-post" && text.contains(tweet))
    );
    // Spans point into the body: the text at start..end is the sentence.
    let body = std::fs::read_to_string(SEED).unwrap();
    for s in record["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["span"]["start"].as_u64().unwrap() as usize,
            s["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&body[start..end], s["text"].as_str().unwrap());
    }
}

#[test]
fn a_directory_is_read_in_name_order_and_other_files_are_noted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Second article.");
    write(dir.path(), "a.txt", b"First article.");
    write(dir.path(), "notes.pdf", b"%PDF");
    std::fs::create_dir(dir.path().join("gold")).unwrap();
    let out = slant()
        .args(["normalize", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["article"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("notes.pdf: skipped"), "{stderr}");
    assert!(
        !stderr.contains("gold"),
        "subdirectories are passed over quietly: {stderr}"
    );
    // --quiet silences the notes.
    slant()
        .args(["normalize", "--quiet"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr("");
}

#[test]
fn missing_file_is_an_input_error_naming_it_and_other_files_are_still_read() {
    slant()
        .args(["normalize", "no/such/file.txt", SEED])
        .assert()
        .code(2)
        .stderr(contains("no/such/file.txt: no such file or directory"))
        .stdout(contains("Trump accuses Iran"));
}

#[test]
fn a_directory_without_articles_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "readme.pdf", b"x");
    slant()
        .arg("normalize")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("no articles here"));
}

#[test]
fn invalid_utf8_names_the_byte_offset_and_lossy_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.txt", b"Rockets hit \xFF Baghdad.");
    slant()
        .arg("normalize")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("bad.txt: invalid UTF-8 at byte 12"));
    slant()
        .args(["normalize", "--lossy"])
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("Rockets hit \u{FFFD} Baghdad."));
}

#[test]
fn binary_and_empty_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    let empty = write(dir.path(), "empty.txt", b"  \n");
    slant()
        .arg("normalize")
        .arg(&bin)
        .assert()
        .code(2)
        .stderr(contains("photo.txt: looks like a binary file"));
    slant()
        .arg("normalize")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(contains("empty.txt: the file is empty"));
}

#[test]
fn malformed_json_names_the_file_and_jsonl_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let json = write(dir.path(), "one.json", b"{\"text\": \"unterminated");
    slant()
        .arg("normalize")
        .arg(&json)
        .assert()
        .code(2)
        .stderr(contains("one.json: malformed JSON"));
    let lines = write(
        dir.path(),
        "many.jsonl",
        b"{\"id\": \"a\", \"text\": \"First.\"}\nnot json\n{\"id\": \"c\", \"text\": \"Third.\"}\n",
    );
    slant()
        .args(["normalize", "--format", "json"])
        .arg(&lines)
        .assert()
        .code(2)
        .stderr(contains("many.jsonl:2: malformed JSON"))
        .stdout(contains("\"id\": \"a\"").and(contains("\"id\": \"c\"")));
}

#[test]
fn files_over_max_bytes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.txt", "word ".repeat(100).as_bytes());
    slant()
        .args(["normalize", "--max-bytes", "100"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains(
            "big.txt: 500 bytes is over the limit of 100 bytes",
        ));
}

#[test]
fn usage_errors_exit_2() {
    slant().arg("normalize").assert().code(2);
    slant()
        .args(["normalize", "--format", "yaml", SEED])
        .assert()
        .code(2);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "long.txt",
        "The rockets hit the embassy on Sunday. "
            .repeat(20_000)
            .as_bytes(),
    );
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("slant"))
        .args(["normalize", "--format", "json", "--tokens"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe is dropped
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn html_input_is_reduced_to_its_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "page.html",
        b"<html><head><meta property=\"og:site_name\" content=\"Ledger\"><title>Rockets</title></head><body><nav>Home World</nav><article><h1>Rockets</h1><p>Rockets hit the zone.</p></article><footer>(c) Ledger</footer></body></html>",
    );
    slant()
        .arg("normalize")
        .arg(&path)
        .assert()
        .success()
        .stdout(
            contains("outlet: Ledger")
                .and(contains("Rockets hit the zone."))
                .and(contains("Home World").not()),
        );
}
