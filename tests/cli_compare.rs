//! `slant compare` from the outside: the report files, their columns, and refusals.

use assert_cmd::Command;
use predicates::str::contains;

const STORY: &str = "fixtures/baghdad-rockets-2020";

fn slant() -> Command {
    Command::cargo_bin("slant").expect("the slant binary is built")
}

fn header(path: &std::path::Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn writes_the_contract_files_with_their_columns() {
    let out = tempfile::tempdir().unwrap();
    slant()
        .args(["compare", STORY, "--out"])
        .arg(out.path())
        .assert()
        .success()
        .stdout(contains("8 articles"))
        .stdout(contains(
            "copy: lakeview-4-news copies meridian-wire (near: ",
        ));
    let expect = [
        (
            "articles.csv",
            "article_id,outlet,title,date,url,words,sentences,copy_of,copy_similarity,language",
        ),
        (
            "copies.csv",
            "article_a,article_b,kind,similarity,shared_words",
        ),
        (
            "alignment.csv",
            "unit_id,article_id,outlet,sentence_index,position,similarity,start,end,text",
        ),
        (
            "substitutions.csv",
            "unit_id,article_a,article_b,a_text,b_text,category",
        ),
    ];
    for (file, columns) in expect {
        assert_eq!(header(&out.path().join(file)), columns, "{file}");
    }
    // Every sentence of every article is in exactly one unit.
    let mut reader = csv::Reader::from_path(out.path().join("alignment.csv")).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        assert!(
            seen.insert((row[1].to_string(), row[3].parse::<usize>().unwrap())),
            "sentence listed twice: {row:?}"
        );
    }
    let loaded = slant::ingest::load(&[STORY.into()], &Default::default());
    let sentences: usize = loaded
        .articles
        .iter()
        .map(|a| slant::normalize(a).sentences.len())
        .sum();
    assert_eq!(
        seen.len(),
        sentences,
        "every sentence of the eight articles"
    );
    // The same input gives the same bytes.
    let again = tempfile::tempdir().unwrap();
    slant()
        .args(["compare", STORY, "--quiet", "--out"])
        .arg(again.path())
        .assert()
        .success()
        .stdout("");
    for (file, _) in expect {
        assert_eq!(
            std::fs::read(out.path().join(file)).unwrap(),
            std::fs::read(again.path().join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn out_inside_the_story_is_refused_without_force() {
    let story = tempfile::tempdir().unwrap();
    std::fs::write(story.path().join("a.txt"), "Rockets hit Baghdad on Sunday.").unwrap();
    std::fs::write(
        story.path().join("b.txt"),
        "Rockets struck Baghdad on Sunday night.",
    )
    .unwrap();
    let inside = story.path().join("reports");
    slant()
        .arg("compare")
        .arg(story.path())
        .arg("--out")
        .arg(&inside)
        .assert()
        .code(2)
        .stderr(contains("inside the input directory"));
    assert!(!inside.exists());
    slant()
        .arg("compare")
        .arg(story.path())
        .arg("--out")
        .arg(&inside)
        .arg("--force")
        .assert()
        .success();
    assert!(inside.join("alignment.csv").exists());
}

#[test]
fn a_one_article_story_still_writes_articles_csv() {
    let out = tempfile::tempdir().unwrap();
    slant()
        .args([
            "compare",
            "fixtures/baghdad-rockets-2020/meridian-wire.txt",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .success()
        .stderr(contains("only one article"));
    let text = std::fs::read_to_string(out.path().join("articles.csv")).unwrap();
    assert_eq!(text.lines().count(), 2);
}

#[test]
fn format_selects_the_report_files_and_the_default_out_is_reports_story_name() {
    let cwd = tempfile::tempdir().unwrap();
    let story = std::fs::canonicalize(STORY).unwrap();
    slant()
        .current_dir(cwd.path())
        .arg("compare")
        .arg(&story)
        .args(["--format", "md,json", "-q"])
        .assert()
        .success();
    let out = cwd.path().join("reports/baghdad-rockets-2020");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["comparison.json", "report.md"]);
}

#[test]
fn an_input_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.md");
    std::fs::write(&input, "Rockets hit Baghdad on Sunday, officials said.").unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        "Rockets struck Baghdad on Sunday night, officials said.",
    )
    .unwrap();
    slant()
        .arg("compare")
        .arg(&input)
        .arg(&other)
        .arg("--out")
        .arg(dir.path())
        .arg("--force")
        .assert()
        .code(2)
        .stderr(contains("report.md: is an input; not overwriting it"));
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        "Rockets hit Baghdad on Sunday, officials said."
    );
    assert!(
        dir.path().join("report.html").exists(),
        "the other reports are still written"
    );
}

/// Writes `count` small articles on one event into a fresh directory.
fn many_articles(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..count {
        let text = format!(
            "Rockets hit Baghdad\n\nEight rockets hit the Green Zone on Sunday, outlet {n} reported. Nobody was hurt."
        );
        std::fs::write(dir.path().join(format!("a{n:02}.txt")), text).unwrap();
    }
    dir
}

#[test]
fn no_progress_when_stderr_is_not_a_terminal() {
    let story = many_articles(25);
    let out = tempfile::tempdir().unwrap();
    slant()
        .arg("compare")
        .arg(story.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success()
        .stderr("");
}

#[test]
fn spreadsheet_formulas_in_article_text_are_neutralized() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "title: =HYPERLINK(\"http://x.example\",\"click\")\n\n@SUM(1,2) rockets hit Baghdad on Sunday.").unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "title: -2 rockets\n\n+1 rockets hit Baghdad on Sunday night.",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    slant()
        .arg("compare")
        .arg(dir.path())
        .args(["--format", "csv", "-q", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let articles = std::fs::read_to_string(out.path().join("articles.csv")).unwrap();
    assert!(articles.contains("'=HYPERLINK"), "{articles}");
    assert!(articles.contains("'-2 rockets"), "{articles}");
    let alignment = std::fs::read_to_string(out.path().join("alignment.csv")).unwrap();
    assert!(
        alignment.contains("'@SUM(1,2)") && alignment.contains("'+1 rockets"),
        "{alignment}"
    );
    // Numbers stay plain: no apostrophe before a negative or decimal number column.
    for line in alignment.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        assert!(
            !cells[0].starts_with('\''),
            "unit_id stays a number: {line}"
        );
    }
}

/// A French report written for these tests: long enough to be told apart from English, and
/// holding words the English lexicon would flag if it read French ("provocation", "tout").
const FRENCH: &str = "Le gouvernement a dénoncé mardi une provocation après l'explosion qui \
     a touché la gare centrale de Valmont, où des centaines de voyageurs attendaient un train \
     pour quitter la région.\n\nSelon les secours, au moins douze personnes ont été tuées et une \
     quarantaine blessées. Le ministère de l'Intérieur a promis une enquête, tandis que \
     l'opposition accuse le pouvoir de tout cacher.\n";

/// Rows of a CSV report as header → cell maps.
fn rows(path: &std::path::Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn an_article_in_another_language_or_cut_off_is_noted_once_per_kind_and_not_scored() {
    let dir = tempfile::tempdir().unwrap();
    let french = dir.path().join("exemple.txt");
    std::fs::write(&french, FRENCH).unwrap();
    let wire = std::fs::read_to_string(format!("{STORY}/meridian-wire.txt")).unwrap();
    let stop = wire
        .find("wounding")
        .expect("the wire tells of the wounded");
    // Two cut copies of the wire: its header names both `meridian-wire`, told apart as `-2`.
    let cut = [dir.path().join("cut-a.txt"), dir.path().join("cut-b.txt")];
    for path in &cut {
        std::fs::write(path, &wire[..stop]).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let seed = format!("{STORY}/presstv-2020-12-24-trump-accuses-iran.txt");
    let assert = slant()
        .args(["compare", &seed])
        .args(&cut)
        .arg(&french)
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    // One line per kind, however many articles each concerns.
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("slant: 1 of 4 articles is not in English (exemple: French): "),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(
            "slant: 2 of 4 articles stop mid-sentence (meridian-wire, meridian-wire-2): "
        ),
        "{stderr}"
    );

    let articles = rows(&out.path().join("articles.csv"));
    let languages: Vec<(&str, &str)> = articles
        .iter()
        .map(|r| (r["article_id"].as_str(), r["language"].as_str()))
        .collect();
    assert_eq!(
        languages,
        [
            ("presstv-2020-12-24-trump-accuses-iran", "eng"),
            ("meridian-wire", "eng"),
            ("meridian-wire-2", "eng"),
            ("exemple", "fra")
        ]
    );
    // The French article has no flags, and its wording figures are empty, not 0.
    let flags = rows(&out.path().join("flags.csv"));
    assert!(
        flags
            .iter()
            .any(|f| f["article_id"] == "presstv-2020-12-24-trump-accuses-iran")
    );
    assert!(!flags.iter().any(|f| f["article_id"] == "exemple"));
    let summary = rows(&out.path().join("summary.csv"));
    let row = |id: &str| summary.iter().find(|r| r["article_id"] == id).unwrap();
    for column in [
        "flags",
        "loaded_per_1k",
        "doubt_verbs",
        "neutral_verbs",
        "attribution_asymmetry",
    ] {
        assert_eq!(row("exemple")[column], "", "{column}");
        // An English article with no flags has zeros: nothing found, not nothing read.
        assert_ne!(row("meridian-wire")[column], "", "{column}");
    }
    assert_ne!(row("exemple")["words"], "");
    assert_ne!(row("exemple")["units_omitted"], "");

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("comparison.json")).unwrap())
            .unwrap();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["articles"][3]["language"], "fra");
    assert!(json["summary"][3]["loaded_per_1k"].is_null());
    assert_eq!(json["caveats"][0]["kind"], "other-language");
    assert_eq!(json["caveats"][1]["articles"].as_array().unwrap().len(), 2);

    // The pages say each kind once, and why the French article has no flags.
    for page in ["report.md", "report.html"] {
        let text = std::fs::read_to_string(out.path().join(page)).unwrap();
        assert_eq!(
            text.matches("articles is not in English").count(),
            1,
            "{page}"
        );
        assert_eq!(
            text.matches("articles stop mid-sentence").count(),
            1,
            "{page}"
        );
        assert_eq!(
            text.matches("not scored: read as French, and the lexicon is English")
                .count(),
            1,
            "{page}"
        );
    }
}
