//! An article in another language than English in a story: named, aligned, its quotes found,
//! but never scored by the English word lists; an English article quoting another language is
//! scored as usual.

use slant::caveats::{self, CaveatKind};
use slant::score::flags;
use slant::score::lexicon::Lexicon;
use slant::{Article, Story};

const STORY: &str = "fixtures/baghdad-rockets-2020";

/// A French report written for these tests, with words the English lexicon would flag if it
/// read French ("provocation", "tout") and a quotation.
const FRENCH: &str = "Le gouvernement a dénoncé mardi une provocation après l'explosion qui a \
     touché la gare centrale de Valmont, où des centaines de voyageurs attendaient un train pour \
     quitter la région.\n\nSelon les secours, au moins douze personnes ont été tuées et une \
     quarantaine blessées. « Nous ferons toute la lumière sur ce drame », a déclaré le ministre \
     de l'Intérieur, tandis que l'opposition accuse le pouvoir de tout cacher.\n";

/// An English report written for these tests that quotes a French speaker at length.
const ENGLISH_QUOTING_FRENCH: &str = "Blast at Valmont station\n\n\"Nous ferons toute la \
     lumière sur ce drame, et les responsables seront punis, quels qu'ils soient,\" the \
     interior minister said on Tuesday, calling the blast a provocation.\n\nRescuers said at \
     least twelve people were killed and about forty wounded at the central station, where \
     hundreds of travellers were waiting for a train.\n";

fn story_with(extra: Vec<Article>) -> Story {
    let mut articles = slant::ingest::load(&[STORY.into()], &Default::default()).articles;
    articles.truncate(3);
    articles.extend(extra);
    Story::build(articles)
}

#[test]
fn an_article_in_another_language_is_aligned_but_not_scored() {
    let story = story_with(vec![
        Article::from_text("fr", FRENCH),
        Article::from_text("en-quoting-fr", ENGLISH_QUOTING_FRENCH),
    ]);
    let (fr, en) = (3, 4);
    assert_eq!(story.other_language(fr).map(|l| l.code), Some("fra"));
    assert!(!story.is_scored(fr));
    // Read with the English lexicon, the French words would be flagged: that is what the
    // language rule prevents.
    let misread = flags::flag_article(
        fr,
        &story.articles[fr],
        &story.docs[fr],
        &story.quotes,
        &Lexicon::default_english(),
    );
    assert!(!misread.is_empty());
    assert!(story.flags.iter().all(|f| f.article != fr));
    assert!(story.attributions.iter().all(|a| a.article != fr));
    assert!(story.distinctive.iter().all(|d| d.article != fr));
    // Still aligned (every sentence in a unit) and its quotation found.
    let units: usize = story
        .alignment
        .units
        .iter()
        .flat_map(|u| &u.members)
        .filter(|m| m.article == fr)
        .count();
    assert_eq!(units, story.docs[fr].sentences.len());
    assert!(story.quotes.iter().any(|q| q.article == fr));
    let row = &story.summary[fr];
    assert_eq!(
        (
            row.flags,
            row.loaded_per_1k,
            row.doubt_verbs,
            row.neutral_verbs,
            row.attribution_asymmetry
        ),
        (None, None, None, None, None)
    );
    assert!(row.words > 0);

    // The English article quoting French at length is English, and scored.
    assert!(story.is_scored(en));
    assert!(story.summary[en].loaded_per_1k.is_some());
    assert!(
        story
            .flags
            .iter()
            .any(|f| f.article == en && story.articles[en].body[f.span.range()] == *"provocation"),
        "{:?}",
        story
            .flags
            .iter()
            .filter(|f| f.article == en)
            .collect::<Vec<_>>()
    );

    let found = caveats::caveats(&story);
    let other = found
        .iter()
        .find(|c| c.kind == CaveatKind::OtherLanguage)
        .expect("the French article is noted");
    assert_eq!(other.articles.len(), 1);
    assert_eq!(
        (
            other.articles[0].article_id.as_str(),
            other.articles[0].detail.as_str()
        ),
        ("fr", "French")
    );
}

#[test]
fn every_fixture_article_reads_as_english() {
    for story in ["baghdad-rockets-2020", "city-hall-protest", "harbor-strike"] {
        let loaded =
            slant::ingest::load(&[format!("fixtures/{story}").into()], &Default::default());
        let built = Story::build(loaded.articles);
        for (i, article) in built.articles.iter().enumerate() {
            assert!(
                built.is_scored(i),
                "{}: {:?}",
                article.id,
                built.languages[i]
            );
        }
        assert!(
            caveats::caveats(&built)
                .iter()
                .all(|c| c.kind != CaveatKind::OtherLanguage)
        );
    }
}
