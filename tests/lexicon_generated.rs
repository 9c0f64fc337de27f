//! The shipped lexicon is compiled in as Rust data (`src/score/lexicon_default.rs`), generated
//! from `lexicons/en/*.csv`, so that loading it parses nothing at start-up. These tests keep the
//! two in step: the generated file must be exactly what the CSV files give today, and the
//! lexicon built from it must equal the one parsed from the CSV files.
//!
//! After editing a lexicon file: `SLANT_BLESS=1 cargo test --test lexicon_generated` rewrites
//! the generated file; commit both.

use slant::score::lexicon::{DEFAULT_ENGLISH, Entry, Lexicon};
use std::fmt::Write;

const GENERATED: &str = "src/score/lexicon_default.rs";

/// The Rust source for the entries parsed from the shipped CSV files.
fn render(entries: &[Entry]) -> String {
    let mut out = String::new();
    out.push_str(
        "//! The shipped English lexicon as Rust data, generated from `lexicons/en/*.csv` by\n\
         //! `SLANT_BLESS=1 cargo test --test lexicon_generated`. Do not edit: edit the CSV files.\n\
         //! `tests/lexicon_generated.rs` fails when this file is not what they give.\n\
         \n\
         use super::lexicon::StaticEntry;\n\
         \n\
         #[rustfmt::skip]\n\
         pub(super) static ENTRIES: &[StaticEntry] = &[\n",
    );
    let list = |items: &[String]| {
        let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
        format!("&[{}]", quoted.join(", "))
    };
    for e in entries {
        writeln!(
            out,
            "    StaticEntry {{ term: {:?}, forms: {}, category: {:?}, neutral: {:?}, weight: {:?}, explanation: {:?}, example: {:?}, not_when: {}, source: {:?} }},",
            e.term,
            list(&e.forms),
            e.category,
            e.neutral,
            e.weight,
            e.explanation,
            e.example,
            list(&e.not_when),
            e.source,
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

fn parsed() -> Lexicon {
    Lexicon::from_files(DEFAULT_ENGLISH).expect("the shipped lexicon files parse")
}

#[test]
fn the_generated_lexicon_is_what_the_csv_files_give() {
    let expected = render(parsed().entries());
    if std::env::var_os("SLANT_BLESS").is_some() {
        std::fs::write(GENERATED, &expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(GENERATED).unwrap_or_default();
    assert!(
        actual == expected,
        "{GENERATED} is out of date with lexicons/en/*.csv: run \
         `SLANT_BLESS=1 cargo test --test lexicon_generated` and commit the result"
    );
}

#[test]
fn the_compiled_lexicon_equals_the_parsed_one() {
    let compiled = Lexicon::default_english();
    let parsed = parsed();
    assert_eq!(compiled.len(), parsed.len());
    for (c, p) in compiled.entries().iter().zip(parsed.entries()) {
        assert_eq!(c, p);
    }
    // The form index is rebuilt too: every form finds its entry.
    for entry in parsed.entries() {
        for form in &entry.forms {
            assert!(
                compiled.lookup(form).any(|e| e.term == entry.term),
                "{form}"
            );
        }
    }
}
