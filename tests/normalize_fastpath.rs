//! The ASCII fast paths of sentence and word segmentation give exactly what the UAX #29
//! implementation (`unicode_segmentation`) gives, on generated news-like ASCII text and on any
//! ASCII string.

use proptest::prelude::*;
use slant::normalize::{sentences, tokens};
use unicode_segmentation::UnicodeSegmentation;

/// ASCII text that looks like news copy: words, numbers, abbreviations, initials, quotes,
/// brackets, every sentence and word break character class, odd spacing and line breaks.
fn newsy_ascii() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,10}",
        "[A-Z][a-z]{0,8}",
        "[0-9]{1,4}([.,:;][0-9]{1,3})?",
        "[A-Za-z_0-9]{1,6}['.:,;_][A-Za-z0-9]{1,6}",
        prop::sample::select(vec![
            "U.S.",
            "a.m.",
            "Dec.",
            "Lt. Gen.",
            "B.",
            "J.R.R.",
            "No. 3",
            "e.g.",
            "...",
            "8:30",
            "1,000",
            "3.5",
            "don't",
            "Pompeo's",
            "pic.twitter.com/x1",
            "www.example.com",
        ])
        .prop_map(str::to_string),
        prop::sample::select(vec![
            " ", " ", " ", "  ", ". ", ".", "? ", "! ", "?!", ".\" ", ".) ", "\" ", "'", "(", ")",
            "[", "]", "{", "}", ", ", ",", ": ", ";", "-", " - ", "_", "\n", "\n\n", "\r\n", "\r",
            "\t", "\u{b}", "\u{c}", "#", "@", "/", "&", "*", "\u{0}", "\u{7f}",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let fast: Vec<(usize, &str)> = sentences::ascii_sentence_bound_indices(text);
    let slow: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
    prop_assert_eq!(fast, slow, "sentences of {:?}", text);
    let fast: Vec<(usize, &str)> = tokens::ascii_word_bound_indices(text).collect();
    let slow: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    prop_assert_eq!(fast, slow, "words of {:?}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn fast_paths_match_uax29_on_newsy_ascii(text in newsy_ascii()) {
        check(&text)?;
    }

    #[test]
    fn fast_paths_match_uax29_on_any_ascii(text in "[\\x00-\\x7f]{0,80}") {
        check(&text)?;
    }
}

#[test]
fn fast_paths_match_uax29_on_every_short_ascii_string() {
    // Every rule looks at most at a few characters around a boundary (SB8 looks further, the
    // generated text above covers it): all short strings over a representative alphabet.
    let alphabet: Vec<char> = "aZ5._:,;'\"()?! \t\n\r\u{b}#-".chars().collect();
    let mut text = String::new();
    for &a in &alphabet {
        for &b in &alphabet {
            for &c in &alphabet {
                for &d in &alphabet {
                    text.clear();
                    text.extend([a, b, c, d]);
                    check(&text).unwrap();
                }
            }
        }
    }
}

#[test]
fn fixture_articles_segment_the_same_on_both_paths() {
    for dir in std::fs::read_dir("fixtures").expect("run from the package root") {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for article in slant::ingest::load(&[dir], &Default::default()).articles {
            let text = slant::normalize::fold_text(&article.body);
            for line in text.lines().filter(|l| l.is_ascii()) {
                check(line).unwrap();
                check(&line.replace('\n', " ")).unwrap();
            }
            if text.is_ascii() {
                check(&text).unwrap();
            }
        }
    }
}
