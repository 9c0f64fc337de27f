//! `slant align` from the outside: the word diffs, the omissions and copies sections,
//! `--shared`, colors, and input errors.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

const STORY: &str = "fixtures/baghdad-rockets-2020";

fn slant() -> Command {
    Command::cargo_bin("slant").expect("the slant binary is built")
}

fn fixture(name: &str) -> String {
    format!("{STORY}/{name}")
}

/// Standard output of a successful run.
fn align(args: &[&str]) -> String {
    let output = slant().arg("align").args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Whether a line prints a sentence: a member of a shared unit, or a unit of one.
fn is_sentence_line(line: &str) -> bool {
    (line.starts_with("  ") && line.contains(" #")) || line.contains(" (only in ")
}

#[test]
fn marks_a_changed_word_between_two_outlets() {
    // Press TV is the first article, so it is the reference and its words are the removed ones.
    let seed = fixture("presstv-2020-12-24-trump-accuses-iran.txt");
    let copy = fixture("resistance-axis-news.txt");
    let text = align(&[&seed, &copy]);
    assert!(text.starts_with("2 articles"), "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("[-highly-]{+heavily+}"))
        .unwrap_or_else(|| panic!("no highly → heavily mark in\n{text}"));
    // The rest of the sentence is shown plain, as the body has it.
    assert!(line.starts_with("  resistance-axis-news #"), "{line}");
    assert!(line.contains("fortified Green Zone and the US Embassy in Baghdad."));
    // In the other order the same change reads the other way round.
    let reversed = align(&[&copy, &seed]);
    assert!(reversed.contains("[-heavily-]{+highly+}"), "{reversed}");
}

#[test]
fn a_near_copy_shows_mostly_unmarked_lines() {
    let text = align(&[
        &fixture("meridian-wire.txt"),
        &fixture("lakeview-4-news.txt"),
    ]);
    let lakeview: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  lakeview-4-news #"))
        .collect();
    let marked = lakeview
        .iter()
        .filter(|l| l.contains("[-") || l.contains("{+"))
        .count();
    assert!(lakeview.len() >= 8, "{text}");
    assert!(marked * 4 < lakeview.len(), "{marked} of {lakeview:?}");
    assert!(text.contains("\ncopies\n  lakeview-4-news copies meridian-wire (near: "));
}

#[test]
fn the_whole_story_prints_every_sentence_once_and_every_article_in_omissions() {
    let text = align(&[STORY]);
    assert!(text.starts_with("8 articles"), "{text}");
    let loaded = slant::ingest::load(&[STORY.into()], &Default::default());
    let sentences: usize = loaded
        .articles
        .iter()
        .map(|a| slant::normalize(a).sentences.len())
        .sum();
    let (units, rest) = text
        .split_once("\nomissions")
        .expect("an omissions section");
    assert_eq!(
        units.lines().filter(|l| is_sentence_line(l)).count(),
        sentences
    );
    let (omissions, copies) = rest.split_once("\ncopies\n").expect("a copies section");
    let listed: Vec<&str> = omissions
        .lines()
        .skip(1)
        .filter_map(|l| l.strip_prefix("  "))
        .collect();
    assert_eq!(listed.len(), loaded.articles.len(), "{omissions}");
    for (line, article) in listed.iter().zip(&loaded.articles) {
        let lacks = line.strip_prefix(&format!("{} lacks ", article.id));
        let lacks = lacks.unwrap_or_else(|| panic!("{line}"));
        assert!(
            lacks == "none" || lacks.starts_with("unit"),
            "unexpected omission line {line}"
        );
    }
    assert!(copies.contains("lakeview-4-news copies meridian-wire"));
    // The same input gives the same bytes.
    assert_eq!(align(&[STORY]), text);
}

#[test]
fn shared_drops_units_of_one() {
    let all = align(&[STORY]);
    let shared = align(&[STORY, "--shared"]);
    assert!(all.contains(" (only in "), "the fixture has units of one");
    assert!(!shared.contains(" (only in "), "{shared}");
    let headers = |text: &str| text.lines().filter(|l| l.starts_with("unit ")).count();
    assert_eq!(
        headers(&shared),
        all.lines()
            .filter(|l| l.starts_with("unit ") && l.contains(" articles"))
            .count()
    );
    assert!(shared.contains("\nomissions"));
}

#[test]
fn colors_only_when_asked_or_on_a_terminal() {
    let has_escape = |text: &str| text.contains('\x1b');
    // assert_cmd captures stdout through a pipe, so this is the default for piped output.
    assert!(!has_escape(&align(&[STORY])));
    assert!(!has_escape(&align(&[STORY, "--color", "never"])));
    let colored = align(&[STORY, "--color", "always"]);
    assert!(colored.contains("\x1b[31m[-"), "removed words in red");
    assert!(colored.contains("\x1b[32m{+"), "added words in green");
}

#[test]
fn one_article_is_printed_with_a_note() {
    let meridian = fixture("meridian-wire.txt");
    slant()
        .args(["align", &meridian])
        .assert()
        .success()
        .stderr(contains("only one article"))
        .stdout(contains("1 articles").not())
        .stdout(contains(
            "(only in meridian-wire) #0 [headline]: Trump blames Iran",
        ))
        .stdout(contains("meridian-wire lacks none"));
}

#[test]
fn a_missing_file_is_named_and_exits_2_after_printing_the_rest() {
    slant()
        .args([
            "align",
            &fixture("meridian-wire.txt"),
            "no-such-article.txt",
        ])
        .assert()
        .code(2)
        .stderr(contains("no-such-article.txt"))
        .stdout(contains("(only in meridian-wire)"));
}

#[test]
fn articles_in_another_language_are_noted_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    // Two Spanish reports written for this test, long enough to be told apart from English.
    for (name, town) in [("es-uno.txt", "Valmont"), ("es-dos.txt", "Corbera")] {
        std::fs::write(
            dir.path().join(name),
            format!(
                "Las autoridades de {town} confirmaron el martes que la huelga de los \
                 estibadores continuará durante toda la semana.\n\nLos trabajadores exigen un \
                 aumento salarial y mejores condiciones de seguridad en los muelles, y aseguran \
                 que no volverán al trabajo sin garantías por escrito del ministerio.\n"
            ),
        )
        .unwrap();
    }
    let output = slant()
        .arg("align")
        .arg(fixture("meridian-wire.txt"))
        .arg(dir.path().join("es-uno.txt"))
        .arg(dir.path().join("es-dos.txt"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "slant: 2 of 3 articles are not in English (es-uno: Spanish, es-dos: Spanish): the \
          lexicon and the word lists are English, so their wording is not scored and they align \
          on little more than names and numbers"
        ],
        "{stderr}"
    );
    // They are still aligned and printed.
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("estibadores"), "{stdout}");
}
