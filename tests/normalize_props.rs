//! Properties of normalization that must hold for any input, checked with proptest.

use proptest::prelude::*;
use slant::{Article, normalize};

/// Text that looks like news copy: words, numbers, abbreviations, quotes of every kind,
/// dashes, odd spaces, line breaks and a few exotic characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,10}",
        "[0-9]{1,4}([.,:][0-9]{1,3})?",
        Just("U.S.".to_string()),
        Just("Dec.".to_string()),
        Just("Lt. Gen.".to_string()),
        Just("B.".to_string()),
        prop::sample::select(vec![
            " ",
            " ",
            " ",
            ". ",
            ", ",
            "\n",
            "\n\n",
            "\"",
            "“",
            "”",
            "‘",
            "’",
            "«",
            "»",
            "—",
            "–",
            "…",
            "\u{00A0}",
            "\u{200B}",
            "\u{FEFF}",
            "\r\n",
            "\t",
            "ﬁ",
            "é",
            "e\u{301}",
            "ＡＢ",
            "(Photo by AFP)",
            "pic.twitter.com/x1",
            "SHARE THIS ARTICLE",
            "- ",
            "1. ",
            "?",
            "!",
            "'s",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn article(body: &str) -> Article {
    Article::from_text("prop", body)
}

fn check_spans(a: &Article) -> Result<(), TestCaseError> {
    let doc = normalize(a);
    let body = &a.body;
    let on_boundary = |i: usize| i <= body.len() && body.is_char_boundary(i);
    for s in &doc.sentences {
        prop_assert!(
            s.span.start <= s.span.end && on_boundary(s.span.start) && on_boundary(s.span.end),
            "sentence {:?}",
            s.span
        );
        prop_assert!(!body[s.span.range()].trim().is_empty());
    }
    for t in &doc.tokens {
        prop_assert!(
            t.span.start < t.span.end && on_boundary(t.span.start) && on_boundary(t.span.end),
            "token {:?}",
            t.span
        );
        let sentence = doc.sentences[t.sentence].span;
        prop_assert!(
            sentence.contains(t.span),
            "token {:?} outside its sentence {:?}",
            t.span,
            sentence
        );
    }
    for r in &doc.removed {
        prop_assert!(
            on_boundary(r.span.start) && on_boundary(r.span.end) && r.span.start <= r.span.end
        );
    }
    prop_assert!(
        doc.sentences
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start),
        "sentences overlap or are out of order"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn folding_is_idempotent(text in newsy()) {
        let once = slant::normalize::fold_text(&text);
        prop_assert_eq!(slant::normalize::fold_text(&once), once);
    }

    #[test]
    fn folding_is_idempotent_on_any_string(text in any::<String>()) {
        let once = slant::normalize::fold_text(&text);
        prop_assert_eq!(slant::normalize::fold_text(&once), once);
    }

    #[test]
    fn spans_map_into_the_body_on_char_boundaries(text in newsy()) {
        check_spans(&article(&text))?;
    }

    #[test]
    fn any_string_normalizes_without_panic_and_with_valid_spans(text in any::<String>()) {
        check_spans(&article(&text))?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        for name in ["x.txt", "x.html", "x.json", "x.jsonl"] {
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes).unwrap();
            for lossy in [false, true] {
                let options = slant::ingest::ReadOptions { lossy, ..Default::default() };
                let loaded = slant::ingest::load(std::slice::from_ref(&path), &options);
                prop_assert_eq!(loaded.articles.len() + loaded.errors.len() >= 1, true);
                for a in &loaded.articles {
                    check_spans(a)?;
                }
            }
        }
    }
}

#[test]
fn sentence_text_is_folded_consistently() {
    // The same words with curly or straight quotes give the same folded sentence.
    let a = normalize(&article("He said “IRAN” was behind it."));
    let b = normalize(&article("He said \"IRAN\" was behind it."));
    assert_eq!(
        &a.text[a.sentences[0].norm.range()],
        &b.text[b.sentences[0].norm.range()]
    );
    assert_eq!(
        a.tokens.iter().map(|t| &t.stem).collect::<Vec<_>>(),
        b.tokens.iter().map(|t| &t.stem).collect::<Vec<_>>()
    );
}
