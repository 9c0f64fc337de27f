//! An article's own words: its word tokens outside quotation marks.
//!
//! Words inside a quotation are the speaker's, not the outlet's: two outlets that quote the same
//! long statement have not copied each other. Quotations are found as the quote extractor finds
//! them ([`crate::extract::quotes::marks`]): curly and straight double quotes, guillemets, a
//! quotation running on into a paragraph that reopens with a mark, an unclosed one ending with
//! its paragraph, single-quoted spans.

use crate::align::terms::content_term;
use crate::extract::quotes::marks;
use crate::{Doc, Span};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

/// One word of the article's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct OwnWord {
    /// Hash of the folded, lower-cased word: what verbatim copies share.
    pub text: u64,
    /// Hash of what the word counts as when words are compared loosely: the content term
    /// (stem, base verb, synonym group) of a content word, else the word itself.
    pub key: u64,
    /// A content word (not a stop word).
    pub content: bool,
    /// Runs of own words that a quotation interrupts are counted from 0; no run of words
    /// taken as one passage spans a quotation.
    pub segment: u32,
}

/// An article's own words, in order, with the range each sentence holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(super) struct OwnWords {
    pub words: Vec<OwnWord>,
    /// Per sentence of the doc, its own words (a range of `words`; empty when it is all quote).
    pub sentences: Vec<Range<usize>>,
}

pub(super) fn hash_of(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl OwnWords {
    /// The own words of `doc`; `body` is the article body as read (it tells which way each
    /// quotation mark faces).
    pub fn of(doc: &Doc, body: &str) -> Self {
        let skip: Vec<Span> = doc.removed.iter().map(|r| r.norm).collect();
        let mut quoted: Vec<Span> = marks::find(&doc.text, body, &doc.map, &skip)
            .iter()
            .map(|q| Span::new(q.open, q.close.map_or(q.inner.end, |c| c + 1)))
            .collect();
        quoted.sort_by_key(|q| q.start);
        let mut next_quote = 0;
        let mut words = Vec::with_capacity(doc.tokens.len());
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        let mut segment = 0u32;
        let mut interrupted = false;
        for sentence in &doc.sentences {
            let start = words.len();
            for token in doc.sentence_tokens(sentence.index) {
                while next_quote < quoted.len() && quoted[next_quote].end <= token.norm.start {
                    next_quote += 1;
                }
                let inside = quoted[next_quote..]
                    .iter()
                    .take_while(|q| q.start < token.norm.end)
                    .any(|q| q.start <= token.norm.start && token.norm.end <= q.end);
                if inside {
                    interrupted = true;
                    continue;
                }
                if interrupted && !words.is_empty() {
                    segment += 1;
                }
                interrupted = false;
                let text = hash_of(token.text.as_str());
                let term = content_term(token);
                words.push(OwnWord {
                    text,
                    key: term.as_deref().map_or(text, hash_of),
                    content: term.is_some(),
                    segment,
                });
            }
            sentences.push(start..words.len());
        }
        Self { words, sentences }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(text: &str) -> OwnWords {
        let article = crate::Article::from_text("a", text);
        OwnWords::of(&crate::normalize(&article), &article.body)
    }

    #[test]
    fn quoted_words_are_not_the_outlet_s_own() {
        let words = own("\u{201c}We will rebuild the bridge,\u{201d} the mayor said on Monday.");
        assert_eq!(words.len(), 5, "the mayor said on monday");
        // A quotation that stays open to the end of its paragraph is still a quotation.
        let words = own("The mayor said: \u{201c}We will rebuild the bridge\n\nShe left.");
        assert_eq!(words.len(), 3 + 2, "the mayor said / she left");
    }

    #[test]
    fn a_quotation_splits_the_own_words_into_segments() {
        let words = own("The mayor said \"we will rebuild\" before she left the hall.");
        let segments: Vec<u32> = words.words.iter().map(|w| w.segment).collect();
        assert_eq!(segments, [0, 0, 0, 1, 1, 1, 1, 1]);
    }

    #[test]
    fn synonyms_and_stems_share_a_key_but_not_a_text() {
        let a = own("Protesters were injured.");
        let b = own("Demonstrators were hurt.");
        assert_eq!(a.words[0].key, b.words[0].key);
        assert_ne!(a.words[0].text, b.words[0].text);
        assert_eq!(a.words[2].key, b.words[2].key);
        assert!(!a.words[1].content && a.words[2].content);
    }
}
