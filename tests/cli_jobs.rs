//! `--jobs`: the output of `slant compare` and `slant score` is the same, byte for byte, on one
//! thread and on several, over the fixture stories and over a JSONL file of many records
//! (more than one batch of `slant score`'s stream).

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;

fn slant() -> Command {
    Command::cargo_bin("slant").expect("the slant binary is built")
}

/// Every file of a report directory, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn compare_writes_the_same_reports_on_one_thread_and_on_four() {
    for story in common::stories() {
        let out = tempfile::tempdir().unwrap();
        let reports = |jobs: &str| {
            let dir = out.path().join(format!("jobs-{jobs}"));
            slant()
                .args(["--jobs", jobs, "compare", "--quiet"])
                .arg(&story)
                .arg("--out")
                .arg(&dir)
                .assert()
                .success();
            files(&dir)
        };
        let (one, four) = (reports("1"), reports("4"));
        assert!(one.len() >= 10, "{story:?}: {:?}", one.keys());
        assert_eq!(
            one.keys().collect::<Vec<_>>(),
            four.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &one {
            assert!(
                *bytes == four[name],
                "{story:?}: {name} differs between --jobs 1 and --jobs 4"
            );
        }
    }
}

/// `slant score`'s stdout and stderr with `--jobs N` (the option may follow the command).
fn score(jobs: &str, format: &str, inputs: &[PathBuf]) -> (Vec<u8>, String) {
    let out = slant()
        .args(["score", "--jobs", jobs, "--format", format])
        .args(inputs)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    (out.stdout, String::from_utf8(out.stderr).unwrap())
}

/// A JSONL file of `n` records cycling through the fixture articles' texts.
fn many_records(dir: &Path, n: usize) -> PathBuf {
    let articles: Vec<slant::Article> = common::stories()
        .into_iter()
        .flat_map(|story| common::load_story(&story).into_values())
        .collect();
    let mut text = String::new();
    for i in 0..n {
        let a = &articles[i % articles.len()];
        let record = serde_json::json!({"id": a.id, "outlet": a.outlet, "text": a.body});
        text.push_str(&format!("{record}\n"));
    }
    let path = dir.join("many.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn score_prints_the_same_flags_on_one_thread_and_on_four() {
    let dir = tempfile::tempdir().unwrap();
    // 300 records: more than one of the stream's batches.
    let many = many_records(dir.path(), 300);
    for inputs in [common::stories(), vec![many]] {
        for format in ["text", "csv", "json"] {
            let (one, note) = score("1", format, &inputs);
            let (four, _) = score("4", format, &inputs);
            assert!(one.len() > 1000, "{inputs:?} {format}: {note}");
            assert!(
                one == four,
                "{inputs:?}: --format {format} differs between --jobs 1 and --jobs 4"
            );
        }
    }
}

#[test]
fn score_streams_json_as_one_array_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let many = many_records(dir.path(), 300);
    let inputs = [many];
    let (json, _) = score("2", "json", &inputs);
    let records: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    let (text, _) = score("2", "text", &inputs);
    assert_eq!(records.len(), text.split(|&b| b == b'\n').count() - 1);
    let lines: Vec<u64> = records
        .iter()
        .map(|r| {
            let path = r["path"].as_str().unwrap();
            path.rsplit(':').next().unwrap().parse().unwrap()
        })
        .collect();
    assert!(lines.is_sorted(), "records follow the input order");
    assert!(
        lines.last().is_some_and(|&l| l > 280),
        "the last batch is written too"
    );
    // Ids repeat once the fixture articles run out: each later record is renamed, so every
    // id names one record.
    let mut ids: BTreeMap<String, u64> = BTreeMap::new();
    for (r, line) in records.iter().zip(&lines) {
        let id = r["article_id"].as_str().unwrap().to_string();
        let first = *ids.entry(id.clone()).or_insert(*line);
        assert_eq!(first, *line, "{id} names two records");
    }
    assert!(ids.keys().any(|id| id.ends_with("-2")), "{:?}", ids.keys());
}
