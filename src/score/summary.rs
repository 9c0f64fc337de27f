//! `summary.csv`: one row per article, the figures a reader compares outlets by.
//!
//! | column | formula |
//! |---|---|
//! | `words` | word and number tokens of the article's sentences (boilerplate not counted), as in `articles.csv` |
//! | `flags` | flags on the outlet's own words: `in_quote` false (every evidence kind, headline included) |
//! | `loaded_per_1k` | sum of the `weight`s of those flags × 1000 ÷ the outlet's own words (tokens outside direct quotes); 0 when it has none. A flag of weight 0.5 counts half: a word every peer also used (which [`fill_baselines`](super::peer::fill_baselines) discounts) counts less than a choice of this outlet alone |
//! | `doubt_verbs` | attributions whose verb is of the doubt class (claimed, alleged, insisted) |
//! | `neutral_verbs` | attributions whose verb is of the neutral class (said, told, wrote) |
//! | `attribution_asymmetry` | max − min doubt share over speakers with ≥ 2 attributions ([`asymmetry`](super::asymmetry)); 0 with fewer than two such speakers |
//! | `quotes` | direct quotes, partial quotes included |
//! | `quotes_altered` | quotes whose wording differs from the fullest version in the story (`match` = `altered`); cut but unchanged quotes (`truncated`) are not counted |
//! | `facts_conflicting` | facts with `agreement` = `conflict` (another article gives another value for the same key) |
//! | `units_unique` | alignment units holding only this article's sentences (what nobody else reports), photo captions left out |
//! | `units_omitted` | units this article leaves out that more than half of the others (and at least two) carry ([`omissions`](crate::align::omissions)) |
//! | `copy_of` | id of the main original this article copies whole (verbatim, near or spun; not a partial lift); empty if none |
//!
//! An article in another language than English ([`Story::is_scored`] false) has empty
//! `flags`, `loaded_per_1k`, `doubt_verbs`, `neutral_verbs` and `attribution_asymmetry` (`None`
//! here, `null` in JSON): the lexicon and the reporting verbs are English words, so a zero
//! there would claim a neutral article rather than an unread one. Its other figures stand:
//! quotes are found by their quotation marks, and the units come from the alignment.

use crate::Story;
use crate::extract::VerbClass;
use crate::extract::facts::Agreement;
use crate::extract::matching::MatchKind;
use crate::score::Flag;
use crate::score::asymmetry::asymmetry;
use crate::score::peer::quote_spans;
use serde::Serialize;

/// One row of `summary.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryRow {
    /// Index of the article (input order).
    pub article: usize,
    pub article_id: String,
    pub outlet: String,
    pub words: usize,
    /// Tokens outside direct quotes (the denominator of `loaded_per_1k`).
    pub own_words: usize,
    /// `None` (as are the other wording figures) for an article in another language.
    pub flags: Option<usize>,
    pub loaded_per_1k: Option<f32>,
    pub doubt_verbs: Option<usize>,
    pub neutral_verbs: Option<usize>,
    pub attribution_asymmetry: Option<f32>,
    pub quotes: usize,
    pub quotes_altered: usize,
    pub facts_conflicting: usize,
    pub units_unique: usize,
    pub units_omitted: usize,
    /// Id of the original this article copies.
    pub copy_of: Option<String>,
}

/// One row per article, in input order (see the module docs for each formula).
pub fn summary(story: &Story, flags: &[Flag]) -> Vec<SummaryRow> {
    let asymmetries = asymmetry(story);
    let omitted = crate::align::omissions(&story.alignment, story.articles.len());
    story
        .articles
        .iter()
        .enumerate()
        .map(|(i, article)| {
            let doc = &story.docs[i];
            let scored = story.is_scored(i);
            let mut quotes = quote_spans(story, i);
            quotes.sort_by_key(|q| (q.start, q.end));
            // The outlet's own words: outside quotations and outside photo captions. Quote
            // spans are sorted and do not overlap, so one walk along them does.
            let mut q = 0;
            let own_words = doc
                .tokens
                .iter()
                .filter(|t| {
                    let caption =
                        doc.sentences[t.sentence].kind == crate::normalize::SentenceKind::Caption;
                    while q < quotes.len() && quotes[q].end <= t.span.start {
                        q += 1;
                    }
                    let quoted = quotes.get(q).is_some_and(|s| s.contains(t.span));
                    !caption && !quoted
                })
                .count();
            let own_flags: Vec<&Flag> = flags
                .iter()
                .filter(|f| f.article == i && !f.in_quote)
                .collect();
            let weight: f32 = own_flags.iter().map(|f| f.weight).sum();
            let verbs = |class: VerbClass| {
                story
                    .attributions
                    .iter()
                    .filter(|a| a.article == i && a.class == class)
                    .count()
            };
            let quote_rows = || {
                story
                    .quotes
                    .iter()
                    .zip(&story.quote_matches)
                    .filter(move |(q, _)| q.article == i)
            };
            SummaryRow {
                article: i,
                article_id: article.id.clone(),
                outlet: article.outlet.clone(),
                words: doc.word_count(),
                own_words,
                flags: scored.then_some(own_flags.len()),
                loaded_per_1k: scored.then_some(per_thousand(weight, own_words)),
                doubt_verbs: scored.then(|| verbs(VerbClass::Doubt)),
                neutral_verbs: scored.then(|| verbs(VerbClass::Neutral)),
                attribution_asymmetry: scored.then_some(asymmetries[i].asymmetry),
                quotes: quote_rows().count(),
                quotes_altered: quote_rows()
                    .filter(|(_, m)| m.kind == MatchKind::Altered)
                    .count(),
                facts_conflicting: story
                    .facts
                    .iter()
                    .zip(&story.fact_agreement)
                    .filter(|(f, a)| f.article == i && **a == Agreement::Conflict)
                    .count(),
                units_unique: story
                    .alignment
                    .units
                    .iter()
                    .filter(|u| u.members.iter().all(|m| m.article == i))
                    // A photo caption aligns with nothing: it is not news only this outlet has.
                    .filter(|u| {
                        !u.members.iter().all(|m| {
                            story.docs[m.article].sentences[m.sentence].kind
                                == crate::normalize::SentenceKind::Caption
                        })
                    })
                    .count(),
                units_omitted: omitted[i].len(),
                copy_of: story
                    .alignment
                    .copies
                    .iter()
                    .find(|c| c.article == i)
                    .map(|c| story.articles[c.original].id.clone()),
            }
        })
        .collect()
}

/// `weight × 1000 / words`, 0 for no words.
pub fn per_thousand(weight: f32, words: usize) -> f32 {
    if words == 0 {
        0.0
    } else {
        weight * 1000.0 / words as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_caption_is_not_news_only_one_outlet_has() {
        let a = crate::Article::from_text(
            "a",
            "Fire closes the harbour road\n\nA fire closed the harbour road on Monday, police said.\n\n\
             Firefighters spray water on a burning warehouse. (AP Photo/Jane Doe)\n\n\
             The mayor will visit the port on Tuesday.",
        );
        let b = crate::Article::from_text(
            "b",
            "Harbour road shut by fire\n\nPolice said a fire closed the harbour road on Monday.\n\n\
             The mayor is due to visit the port on Tuesday.",
        );
        let story = crate::Story::build(vec![a, b]);
        let doc = &story.docs[0];
        let caption = doc
            .sentences
            .iter()
            .position(|s| s.kind == crate::normalize::SentenceKind::Caption)
            .expect("the caption line is read as a caption");
        // The caption is a unit of its own ...
        assert!(story.alignment.units.iter().any(|u| u.members.len() == 1
            && u.members[0].article == 0
            && u.members[0].sentence == caption));
        // ... but not a unit only this outlet tells.
        let rows = summary(&story, &story.flags);
        assert_eq!(rows[0].units_unique, 0, "{:?}", rows[0]);
    }

    #[test]
    fn rate_per_thousand_words() {
        assert_eq!(per_thousand(1.5, 300), 5.0);
        assert_eq!(per_thousand(2.0, 0), 0.0);
    }
}
