//! Snapshots of the CSV reports for the Baghdad fixture. A change in alignment, diffs or
//! formatting shows up here as a reviewable diff (`INSTA_UPDATE=always cargo test` to accept).

use slant::Story;
use slant::report::csv as report;

fn story() -> Story {
    let loaded = slant::ingest::load(
        &["fixtures/baghdad-rockets-2020".into()],
        &Default::default(),
    );
    assert!(loaded.errors.is_empty());
    Story::build(loaded.articles)
}

fn render(write: impl FnOnce(&mut Vec<u8>) -> csv::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn baghdad_reports() {
    let story = story();
    insta::assert_snapshot!(
        "baghdad_articles_csv",
        render(|w| report::articles(&story, w))
    );
    insta::assert_snapshot!("baghdad_copies_csv", render(|w| report::copies(&story, w)));
    insta::assert_snapshot!(
        "baghdad_alignment_csv",
        render(|w| report::alignment(&story, w))
    );
    insta::assert_snapshot!("baghdad_quotes_csv", render(|w| report::quotes(&story, w)));
    insta::assert_snapshot!(
        "baghdad_attributions_csv",
        render(|w| report::attributions(&story, w))
    );
    insta::assert_snapshot!("baghdad_facts_csv", render(|w| report::facts(&story, w)));
    insta::assert_snapshot!(
        "baghdad_substitutions_csv",
        render(|w| report::substitutions(&story, w))
    );
}
