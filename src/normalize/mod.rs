//! Cleaning an article for matching without losing track of where each word came from.
//!
//! [`normalize`] folds the body ([`fold`]), finds boilerplate ([`boilerplate`]), splits the
//! rest into sentences ([`sentences`]) and words ([`tokens`]), and marks the opening
//! [`dateline`]. The folded text is for matching; every span in a [`Doc`] is also given as a
//! byte range into the article body.

pub mod boilerplate;
pub mod chrome;
pub mod dateline;
pub mod fold;
pub mod language;
pub mod offsets;
pub mod sentences;
pub mod tokens;

use crate::{Article, Span};
pub use boilerplate::Removed;
pub use offsets::OffsetMap;
pub use sentences::SentenceKind;
use serde::Serialize;
pub use tokens::{Token, TokenKind};

/// One sentence of a [`Doc`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub index: usize,
    /// Byte range in the body.
    pub span: Span,
    /// Byte range in the normalized text.
    #[serde(skip)]
    pub norm: Span,
    pub kind: SentenceKind,
    /// Index of the paragraph (blank-line separated block) holding the sentence.
    pub paragraph: usize,
    /// Range of indices into [`Doc::tokens`].
    pub tokens: Span,
}

/// An article, normalized: folded text, what was removed, sentences and tokens.
#[derive(Debug, Clone, Serialize)]
pub struct Doc {
    /// The article's id.
    pub article: String,
    /// The folded body (for matching; reports point into the body instead).
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    pub map: OffsetMap,
    /// Boilerplate taken out, in body order.
    pub removed: Vec<Removed>,
    /// Byte range in the body of the dateline opening one of the first paragraphs of running
    /// text ("BAGHDAD, Dec. 23 (Meridian Wire) —"), which tells where and for whom the report
    /// was filed, not what happened (see [`dateline`]).
    pub dateline: Option<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl Doc {
    /// The tokens of sentence `index`.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        &self.tokens[self.sentences[index].tokens.range()]
    }

    /// The language the headline and running text read as (see [`language`]), when that is
    /// clear. Worked out on each call, from the first two thousand bytes or so; a
    /// [`crate::Story`] keeps it.
    pub fn language(&self) -> Option<language::Language> {
        language::detect(
            self.sentences
                .iter()
                .filter(|s| matches!(s.kind, SentenceKind::Headline | SentenceKind::Text))
                .map(|s| &self.text[s.norm.range()]),
        )
    }

    /// The last sentence, when the article seems cut off inside it: running text that ends
    /// without closing punctuation (a scraped page that stops mid-sentence). A short last line
    /// without punctuation reads as a heading, but nothing stands under it: it counts too.
    /// What such an article lacks may have been lost, not left out.
    pub fn cut_off_at(&self) -> Option<&Sentence> {
        let last = self.sentences.last()?;
        let text = self.text[last.norm.range()].trim_end();
        let closed = text.ends_with(['.', '!', '?', '"', '\'', ')', ']', ':', ';']);
        let running = matches!(last.kind, SentenceKind::Text | SentenceKind::Heading);
        (running && !closed && self.sentences.len() > 1).then_some(last)
    }

    /// Number of word and number tokens in the sentences (boilerplate not counted).
    pub fn word_count(&self) -> usize {
        self.tokens.len()
    }
}

/// A dateline opens one of this many first paragraphs of running text.
const DATELINE_PARAGRAPHS: usize = 4;

/// Normalizes one article.
pub fn normalize(article: &Article) -> Doc {
    let folded = fold::fold(&article.body);
    let (text, map) = (folded.text, folded.map);
    let patterns = boilerplate::find(&text);
    let page = chrome::find(&text, &article.body, &map, &patterns);
    let mut removed = boilerplate::merge(patterns, page);
    for r in &mut removed {
        r.span = map.span_to_body(r.norm);
    }
    let mut sentences: Vec<Sentence> = Vec::new();
    for found in sentences::split(&text, &removed, article.title.as_deref()) {
        let span = map.span_to_body(found.norm);
        match sentences.last_mut() {
            // Two sentences inside one changed run of text would share body bytes: keep one.
            Some(prev) if span.start < prev.span.end => {
                prev.span.end = prev.span.end.max(span.end);
                prev.norm.end = found.norm.end;
            }
            _ => sentences.push(Sentence {
                index: sentences.len(),
                span,
                norm: found.norm,
                kind: found.kind,
                paragraph: found.paragraph,
                tokens: Span::default(),
            }),
        }
    }
    // About one token per five bytes of news text: reserving once saves copying the tokens
    // as the vector grows; the slack is given back below.
    let mut tokens = Vec::with_capacity(text.len() / 5);
    for sentence in &mut sentences {
        let first = tokens.len();
        tokens::tokenize(&text, sentence.norm, sentence.index, &mut tokens);
        sentence.tokens = Span::new(first, tokens.len());
    }
    tokens.shrink_to_fit();
    // Scraped pages put a standfirst or a subtitle above the dateline: look at the opening
    // sentence of the first few paragraphs of running text.
    let dateline = sentences
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            s.kind == SentenceKind::Text && (*i == 0 || sentences[i - 1].paragraph != s.paragraph)
        })
        .take(DATELINE_PARAGRAPHS)
        .find_map(|(_, s)| {
            let len = dateline::find(&text[s.norm.range()])?;
            Some(map.span_to_body(Span::new(s.norm.start, s.norm.start + len)))
        });
    for token in &mut tokens {
        token.span = map.span_to_body(token.norm);
    }

    Doc {
        article: article.id.clone(),
        text,
        map,
        removed,
        dateline,
        sentences,
        tokens,
    }
}

/// The folded form of `text` (what [`Doc::text`] holds for a body).
pub fn fold_text(text: &str) -> String {
    fold::fold(text).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dateline_is_the_first_one_opening_an_early_paragraph() {
        let article = Article::from_text(
            "a",
            "Strike at Port Calder\n\nA standfirst above the report.\n\nPORT CALDER (Coastal Wire) — About 1,200 dockworkers walked out.\n\nWASHINGTON — a later line, not a dateline.",
        );
        let doc = normalize(&article);
        let dateline = doc.dateline.expect("dateline");
        assert_eq!(
            &article.body[dateline.range()],
            "PORT CALDER (Coastal Wire) — "
        );
        let plain = normalize(&Article::from_text(
            "b",
            "Dockworkers walked out on Monday.",
        ));
        assert_eq!(plain.dateline, None);
        let late = normalize(&Article::from_text(
            "c",
            "A headline\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nBRUSSELS - Too far down to be the dateline.",
        ));
        assert_eq!(late.dateline, None);
    }

    #[test]
    fn an_article_that_stops_mid_sentence_is_seen_as_cut_off() {
        let cut = normalize(&Article::from_text(
            "a",
            "Rockets hit the Green Zone on Sunday.\n\nThe embassy said the attack was the \
             latest in a string of",
        ));
        assert_eq!(cut.cut_off_at().map(|s| s.index), Some(1));
        for whole in [
            "Rockets hit the Green Zone on Sunday.\n\nThe embassy condemned it.",
            "Rockets hit the Green Zone.\n\n\"We are safe,\" the embassy said.\"",
            "One sentence without an end",
        ] {
            let doc = normalize(&Article::from_text("b", whole));
            assert_eq!(doc.cut_off_at(), None, "{whole}");
        }
    }
}
