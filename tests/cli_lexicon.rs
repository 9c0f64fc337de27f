//! `slant lexicon list|check|explain` from the outside.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use std::path::PathBuf;

fn slant() -> Command {
    Command::cargo_bin("slant").expect("the slant binary is built")
}

const HEADER: &str = "term,forms,category,neutral,weight,explanation,example,not_when\n";

fn user_file(dir: &tempfile::TempDir, name: &str, contents: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn good_file(dir: &tempfile::TempDir) -> PathBuf {
    user_file(
        dir,
        "mine.csv",
        &format!(
            "{HEADER}claim,claim|claimed,attribution-neutral,stated,0,\"In our style guide, 'claimed' is plain.\",The mayor claimed it.,\n\
             gatekeeper,gatekeeper|gatekeepers,actor-label,editors,0.6,Calls editors obstacles.,The gatekeepers said no.,\n"
        ),
    )
}

#[test]
fn list_prints_every_entry_with_category_weight_and_neutral() {
    let out = slant().args(["lexicon", "list"]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().count() >= 400);
    let claim = stdout
        .lines()
        .find(|l| l.starts_with("claim "))
        .expect("a line for claim");
    let cells: Vec<&str> = claim.split_whitespace().collect();
    assert_eq!(cells, ["claim", "attribution-doubt", "0.7", "said"]);
    // The counts per category go to stderr, out of the way of pipes.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("entries: ") && stderr.contains("violence-label"),
        "{stderr}"
    );
}

#[test]
fn list_filters_by_category() {
    let out = slant()
        .args(["lexicon", "list", "--category", "hedge"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().any(|l| l.starts_with("reportedly ")));
    assert!(stdout.lines().all(|l| l.contains("  hedge  ")), "{stdout}");

    slant()
        .args(["lexicon", "list", "--category", "hedges"])
        .assert()
        .code(2)
        .stderr(contains("unknown category `hedges`"));
}

#[test]
fn list_csv_round_trips_and_json_agrees() {
    let csv = slant()
        .args(["lexicon", "list", "--format", "csv"])
        .output()
        .unwrap();
    assert!(csv.status.success());
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with(HEADER));
    let reloaded = slant::score::lexicon::Lexicon::from_csv("listed.csv", &csv).unwrap();
    assert_eq!(
        reloaded.len(),
        slant::score::lexicon::Lexicon::default_english().len()
    );

    let json = slant()
        .args([
            "lexicon",
            "list",
            "--format",
            "json",
            "--category",
            "euphemism",
        ])
        .output()
        .unwrap();
    assert!(json.status.success());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let entries = json.as_array().unwrap();
    assert!(entries.len() >= 20);
    let damage = entries
        .iter()
        .find(|e| e["term"] == "collateral damage")
        .unwrap();
    assert_eq!(damage["neutral"], "civilian deaths");
    assert_eq!(damage["source"], "lexicons/en/euphemism.csv");
}

#[test]
fn list_takes_user_lexicons_and_can_drop_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let mine = good_file(&dir);
    let out = slant()
        .args(["lexicon", "list", "--lexicon"])
        .arg(&mine)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().any(|l| l.starts_with("gatekeeper ")));
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("claim ") && l.contains("attribution-neutral"))
    );
    assert!(stdout.lines().any(|l| l.starts_with("regime ")));

    let out = slant()
        .args(["lexicon", "list", "--no-default-lexicon", "--lexicon"])
        .arg(&mine)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
}

#[test]
fn check_accepts_a_good_file_with_a_one_line_summary() {
    let dir = tempfile::tempdir().unwrap();
    let mine = good_file(&dir);
    slant()
        .args(["lexicon", "check"])
        .arg(&mine)
        .assert()
        .success()
        .stdout(
            contains("mine.csv: 2 entries, no problems (1 replaces a default entry")
                .and(predicate::function(|s: &str| s.lines().count() == 1)),
        );
}

#[test]
fn check_reports_a_bad_weight_and_a_missing_column_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = user_file(
        &dir,
        "bad.csv",
        &format!(
            "{HEADER}gatekeeper,gatekeeper|gatekeepers,actor-label,editors,0.6,Loaded.,The gatekeepers said no.,\n\
             spin,spin|spun,evaluative,,1.5,Spin.,He spun it.,\n\
             censor,censor|censored,evaluative,removed,0.5,Loaded.\n"
        ),
    );
    let file = bad.display().to_string();
    slant()
        .args(["lexicon", "check"])
        .arg(&bad)
        .assert()
        .code(2)
        .stdout(contains(format!(
            "{file}:3:5: weight `1.5` is not a number from 0 to 1"
        )))
        .stdout(contains(format!(
            "{file}:4:7: 6 fields where the header has 8: a column is missing"
        )))
        .stderr(contains("2 problems"));
}

#[test]
fn check_reports_a_missing_header_column_and_an_unknown_category() {
    let dir = tempfile::tempdir().unwrap();
    let no_category = user_file(&dir, "nocat.csv", "term,forms,neutral\nspin,spin,said\n");
    let typo = user_file(&dir, "typo.csv", "term,category\nspin,atribution-emotive\n");
    slant()
        .args(["lexicon", "check"])
        .arg(&no_category)
        .arg(&typo)
        .assert()
        .code(2)
        .stdout(contains("nocat.csv:1:1: no `category` column"))
        .stdout(contains(
            "typo.csv:2:2: unknown category `atribution-emotive` (did you mean `attribution-emotive`?)",
        ));
}

#[test]
fn check_names_a_missing_file() {
    slant()
        .args(["lexicon", "check", "no/such/lexicon.csv"])
        .assert()
        .code(2)
        .stdout(contains("no/such/lexicon.csv: cannot read the lexicon"));
}

#[test]
fn check_strict_passes_the_shipped_lexicon() {
    slant()
        .args(["lexicon", "check", "--strict", "lexicons/en"])
        .assert()
        .success()
        .stdout(contains("lexicons/en: ").and(contains("no problems")))
        .stdout(contains("replace").not());
}

#[test]
fn explain_claimed_gives_doubt_and_said() {
    slant()
        .args(["lexicon", "explain", "claimed"])
        .assert()
        .success()
        .stdout(contains("claim\n"))
        .stdout(contains("category:  attribution-doubt"))
        .stdout(contains("neutral:   said"))
        .stdout(contains("weight:    0.7"))
        .stdout(contains("why:       'Claimed' hints"))
        .stdout(contains("example:   "))
        .stdout(contains("not when:  claimed responsibility"));
}

#[test]
fn explain_finds_multi_word_terms_and_entries_without_a_neutral_word() {
    slant()
        .args(["lexicon", "explain", "collateral", "damage"])
        .assert()
        .success()
        .stdout(contains("euphemism").and(contains("civilian deaths")));
    slant()
        .args(["lexicon", "explain", "Iranian-backed"])
        .assert()
        .success()
        .stdout(contains("Iran-backed\n").and(contains("neutral:   (none")));
}

#[test]
fn explain_an_unknown_term_suggests_close_ones() {
    slant()
        .args(["lexicon", "explain", "clamied"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "no lexicon entry for `clamied`; did you mean: claimed",
        ));
    slant()
        .args(["lexicon", "explain", "xqzv"])
        .assert()
        .code(2)
        .stderr(contains("no lexicon entry for `xqzv`"));
}

#[test]
fn explain_shows_the_user_entry_that_overrides_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let mine = good_file(&dir);
    slant()
        .args(["lexicon", "explain", "claimed", "--lexicon"])
        .arg(&mine)
        .assert()
        .success()
        .stdout(contains("attribution-neutral").and(contains("neutral:   stated")))
        .stdout(contains(format!("source:    {}", mine.display())));
}

#[test]
fn a_broken_user_lexicon_is_an_input_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = user_file(
        &dir,
        "bad.csv",
        "term,category,weight\nspin,evaluative,heavy\n",
    );
    slant()
        .args(["lexicon", "list", "--lexicon"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(contains(format!(
            "{}:2:3: weight `heavy` is not a number from 0 to 1",
            bad.display()
        )));
}

#[test]
fn a_lexicon_directory_is_one_lexicon_for_check_score_and_compare() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("lex");
    std::fs::create_dir(&lex).unwrap();
    std::fs::write(
        lex.join("actor-label.csv"),
        format!("{HEADER}gatekeeper,gatekeeper|gatekeepers,actor-label,editors,0.6,Calls editors obstacles.,The gatekeepers said no.,\n"),
    )
    .unwrap();
    std::fs::write(
        lex.join("hedge.csv"),
        format!(
            "{HEADER}reportedly,reportedly,hedge,,0.3,Hides who says so.,It reportedly fell.,\n"
        ),
    )
    .unwrap();
    slant()
        .args(["lexicon", "check", "--strict"])
        .arg(&lex)
        .assert()
        .success()
        .stdout(contains("2 entries, no problems"));
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "The gatekeepers reportedly met on Monday.\n").unwrap();
    slant()
        .args([
            "score",
            "--format",
            "csv",
            "--no-default-lexicon",
            "--lexicon",
        ])
        .arg(&lex)
        .arg(&article)
        .assert()
        .success()
        .stdout(contains("gatekeepers").and(contains("reportedly")));
    // A form in two files of one directory is refused, naming both files.
    std::fs::write(
        lex.join("evaluative.csv"),
        format!("{HEADER}gatekeeping,gatekeeping|gatekeepers,evaluative,,0.5,Judges editors.,The gatekeepers won.,\n"),
    )
    .unwrap();
    slant()
        .args(["compare", "--no-default-lexicon", "--lexicon"])
        .arg(&lex)
        .arg(&article)
        .arg(&article)
        .assert()
        .code(2)
        .stderr(contains(
            "evaluative.csv:2:2: form `gatekeepers` already belongs to `gatekeeper`",
        ));
}
