//! `slant score` and `slant eval words` from the outside. A lexicon of the test's own
//! (`--no-default-lexicon --lexicon FILE`) keeps the expected lines independent of the
//! default lexicon's contents.

use assert_cmd::Command;
use predicates::str::contains;
use std::path::{Path, PathBuf};

fn slant() -> Command {
    Command::cargo_bin("slant").expect("the slant binary is built")
}

const LEXICON: &str = "term,forms,category,neutral,weight,explanation,example,not_when\n\
blatantly,blatantly,evaluative,,0.7,It judges the aim.,x,\n\
claim,claim|claimed,attribution-doubt,said,0.7,It hints doubt.,x,claimed responsibility\n\
regime,regime,actor-label,government,0.8,It calls a government illegitimate.,x,\n\
say,say|said,attribution-neutral,said,0,Plain.,x,\n";

/// A header block of four lines and a blank one: the headline is on line 6.
const ARTICLE: &str = "outlet: Test Wire\n\
title: Regime blamed for attack\n\
date: 2025-01-02\n\
note: constructed for testing\n\
\n\
Regime blamed for attack\n\
\n\
The minister claimed the attack was staged. \"They blatantly lie,\" the spokesman said.\n\
\n\
Several protesters were hurt on Friday. The group claimed responsibility.\n";

struct Setup {
    _dir: tempfile::TempDir,
    article: PathBuf,
    lexicon: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("wire.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let lexicon = dir.path().join("mine.csv");
    std::fs::write(&lexicon, LEXICON).unwrap();
    Setup {
        _dir: dir,
        article,
        lexicon,
    }
}

fn score(s: &Setup, extra: &[&str]) -> Command {
    let mut cmd = slant();
    cmd.arg("score")
        .arg(&s.article)
        .arg("--no-default-lexicon")
        .arg("--lexicon")
        .arg(&s.lexicon)
        .args(extra);
    cmd
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn text_output_is_linter_style_with_file_lines() {
    let s = setup();
    let out = score(&s, &[]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let p = shown(&s.article);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{p}:6:1: headline: actor-label: \"Regime\" -> \"government\": It calls a government illegitimate."
            ),
            format!("{p}:8:14: attribution-doubt: \"claimed\" -> \"said\": It hints doubt."),
            format!("{p}:8:51: evaluative: \"blatantly\" (in quote): It judges the aim."),
            format!(
                "{p}:10:20: agentless-passive: \"were hurt\": 'were hurt' says what happened but not who did it, and nothing in the sentence names the doer. Leaving the doer out can shield someone from blame; a neutral report says who did it when that is known."
            ),
        ]
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "4 flags in 1 articles: 3 in the outlets' own words, 1 inside quotes, 1 in headlines"
        ),
        "{stderr}"
    );
}

#[test]
fn fail_on_counts_the_outlets_own_words() {
    let s = setup();
    score(&s, &["--fail-on", "3"]).assert().success();
    score(&s, &["--fail-on", "2"])
        .assert()
        .code(1)
        .stderr(contains("3 flags count, more than --fail-on 2"));
    score(&s, &["--fail-on", "3", "--include-quotes"])
        .assert()
        .code(1);
}

#[test]
fn csv_has_the_flags_contract_columns() {
    let s = setup();
    let out = score(&s, &["--format", "csv"]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        "article_id,outlet,sentence_index,start,end,text,category,neutral,weight,evidence,in_quote,baseline,explanation"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 4);
    assert!(
        rows[0]
            .starts_with("wire,Test Wire,0,0,6,Regime,actor-label,government,0.8,lexicon,false,,")
    );
    assert!(
        rows[2].contains(",evaluative,,0.7,lexicon,true,,"),
        "{}",
        rows[2]
    );
}

#[test]
fn json_gives_positions_and_headlines() {
    let s = setup();
    let out = score(&s, &["--format", "json"]).output().unwrap();
    let flags: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flags = flags.as_array().unwrap();
    assert_eq!(flags.len(), 4);
    assert_eq!(flags[0]["headline"], true);
    assert_eq!(
        (flags[1]["line"].as_u64(), flags[1]["column"].as_u64()),
        (Some(8), Some(14))
    );
    assert_eq!(flags[3]["evidence"], "lexicon");
    assert_eq!(flags[3]["category"], "agentless-passive");
}

#[test]
fn bad_lexicon_names_file_line_and_column() {
    let s = setup();
    std::fs::write(
        &s.lexicon,
        "term,category,weight\nregime,actor-label,heavy\n",
    )
    .unwrap();
    score(&s, &[])
        .assert()
        .code(2)
        .stderr(contains("mine.csv:2:3: weight `heavy`"));
}

#[test]
fn default_lexicon_is_used_without_flags() {
    let s = setup();
    slant()
        .arg("score")
        .arg(&s.article)
        .assert()
        .success()
        .stdout(contains("attribution-doubt: \"claimed\" -> \"said\""));
}

#[test]
fn eval_words_reads_babe_shaped_csv() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("labels.csv");
    std::fs::write(
        &file,
        "\u{feff}text;outlet;label_bias;biased_words\n\
         The minister claimed it was staged.;X;Biased;['claimed']\n\
         The minister said it was late.;Y;Non-biased;[]\n\
         Nobody agreed here.;Z;No agreement;[]\n",
    )
    .unwrap();
    slant()
        .args(["eval", "words"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("3 sentences, 1 flagged; 2 with a usable label"))
        .stdout(contains("sentence macro-F1 1.000"));
    slant()
        .args(["eval", "words", "--words-col", "nope"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(contains("no `nope` column"));
    let out = slant()
        .args(["eval", "words", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["words"]["true_positive"], 1);
}
