//! Scare quotes: a few words in quotation marks that nobody is reported to have said, used as
//! the outlet's own distancing label (the "peaceful" protest, so-called "experts", the
//! "resistance"). The marks tell the reader not to take the word at face value without
//! saying why, which is a judgment in the outlet's voice.
//!
//! The quote extractor ([`crate::extract::quotes`]) already makes the call: it ties every
//! quotation to a speaker and a reporting verb where it can, and drops the short embedded
//! quotations it cannot tie to anyone and those right after `so-called`. So a scare quote is a
//! quoted span the extractor found ([`marks::find`]) that did not become a [`Quote`], short
//! (1 to [`MAX_WORDS`] words), closed, and embedded in the sentence ([`placement`]: after
//! `so-called` or inside the outlet's own words, not a statement standing on its own). An
//! attributed partial quote (`dismissed Pompeo's "irresponsible" remarks`) became a quote
//! and is not flagged here; its words are the speaker's. Nor is a mention: words written,
//! painted, chanted or shown, a title or a name, after one of the words of
//! `mention_cues.txt` ("a rocket with the words “for the children” painted on it").

use crate::extract::Quote;
use crate::extract::quotes::attributions::{Placement, placement};
use crate::extract::quotes::marks;
use crate::extract::quotes::words::Words;
use crate::wordlists::WordSet;
use crate::wordlists::data_lines;
use crate::{Article, Doc, Span};
use std::sync::LazyLock;

/// The longest scare quote, in words: the extractor's bound for a short unattributed quote.
pub const MAX_WORDS: usize = 4;

/// One scare quote: the words between the marks (end punctuation left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScareQuote {
    pub sentence: usize,
    /// The words, without the marks, as a byte range in the body.
    pub span: Span,
    /// Right after `so-called`.
    pub so_called: bool,
}

impl ScareQuote {
    /// Why the marks are flagged, in plain words; `words` is the quoted text.
    pub fn explanation(&self, words: &str) -> String {
        if self.so_called {
            format!(
                "'So-called' and the quotation marks around '{words}' are the outlet's own, \
                 not a speaker's: together they tell the reader not to believe the word, \
                 without saying why."
            )
        } else {
            format!(
                "The quotation marks around '{words}' are the outlet's own, not a speaker's: \
                 nobody in the sentence is reported saying it, so the marks signal doubt \
                 without saying why."
            )
        }
    }
}

/// The scare quotes of one article. `quotes` are the direct quotes the extractor found (any
/// article's; only `article_index`'s are used).
pub fn find(
    article_index: usize,
    article: &Article,
    doc: &Doc,
    quotes: &[Quote],
) -> Vec<ScareQuote> {
    let text = doc.text.as_str();
    let skip: Vec<Span> = doc.removed.iter().map(|r| r.norm).collect();
    let found = marks::find(text, &article.body, &doc.map, &skip);
    let inner: Vec<Span> = found.iter().map(|q| q.inner).collect();
    let words = Words::new(doc, &inner);
    let attributed_quotes = crate::span::SpanIndex::new(
        quotes
            .iter()
            .filter(|quote| quote.article == article_index)
            .map(|quote| quote.span),
    );
    let mut out = Vec::new();
    for q in &found {
        if q.close.is_none() {
            continue;
        }
        let body = doc.map.span_to_body(q.inner);
        if attributed_quotes.overlaps(body) {
            continue;
        }
        let count = text[q.inner.range()]
            .split_whitespace()
            .take(MAX_WORDS + 1)
            .count();
        if count == 0 || count > MAX_WORDS {
            continue;
        }
        let Some(sentence) = sentence_of(doc, q.open) else {
            continue;
        };
        let place: Placement = placement(
            &words,
            q.open,
            words.sentence(sentence),
            doc.sentences[sentence].norm.start,
        );
        if !(place.so_called || place.partial) {
            continue;
        }
        if !place.so_called && is_mention(doc, q.open, sentence) {
            continue;
        }
        let Some(span) = trimmed(&article.body, body) else {
            continue;
        };
        out.push(ScareQuote {
            sentence,
            span,
            so_called: place.so_called,
        });
    }
    out
}

/// Words right before a quotation that make it a mention (`mention_cues.txt`).
static MENTION_CUES: LazyLock<WordSet> =
    LazyLock::new(|| data_lines(include_str!("mention_cues.txt")).collect());

/// How many words before the opening mark a mention cue may stand ("the words “…”", "a
/// banner reading “…”", "the inscription in Russian “…”" is too far).
const MENTION_WINDOW: usize = 3;

/// The quotation opening at folded offset `open` in `sentence` is a mention: words written,
/// painted, chanted or shown, a title or a name, named by one of the few words before it.
fn is_mention(doc: &Doc, open: usize, sentence: usize) -> bool {
    let tokens = doc.sentence_tokens(sentence);
    let before = tokens.partition_point(|t| t.norm.end <= open);
    tokens[..before]
        .iter()
        .rev()
        .take(MENTION_WINDOW)
        .any(|t| MENTION_CUES.contains(t.text.as_str()))
}

/// The span without punctuation at either end (`resistance,` → `resistance`); `None` when
/// no letter or digit is left.
fn trimmed(body: &str, span: Span) -> Option<Span> {
    let piece = &body[span.range()];
    let is_edge = |c: char| !c.is_alphanumeric();
    let start = span.start + (piece.len() - piece.trim_start_matches(is_edge).len());
    let end = span.start + piece.trim_end_matches(is_edge).len();
    (start < end).then(|| Span::new(start, end))
}

/// The sentence holding folded offset `at` (a mark may sit just before the sentence's span).
fn sentence_of(doc: &Doc, at: usize) -> Option<usize> {
    let i = doc.sentences.partition_point(|s| s.norm.end <= at);
    doc.sentences
        .get(i)
        .filter(|s| s.norm.start <= at + 1)
        .map(|s| s.index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::extract;
    use crate::normalize;
    use crate::score::lexicon::Lexicon;

    fn scare_quotes(text: &str) -> Vec<(String, bool)> {
        let article = Article::from_text("t", text);
        let doc = normalize(&article);
        let (quotes, _) = extract(0, &article, &doc, &Lexicon::default_english());
        find(0, &article, &doc, &quotes)
            .into_iter()
            .map(|s| (article.body[s.span.range()].to_string(), s.so_called))
            .collect()
    }

    #[test]
    fn the_outlets_own_marks_are_scare_quotes() {
        for (text, word, so_called) in [
            (
                "Instead, the \"peaceful\" protest ended in broken glass.",
                "peaceful",
                false,
            ),
            (
                "The so-called \"activists\" had promised a calm march.",
                "activists",
                true,
            ),
            (
                "Iran's proxies, the so-called “resistance,” have vowed revenge.",
                "resistance",
                true,
            ),
            (
                "The council paid the ‘experts’ on the panel.",
                "experts",
                false,
            ),
        ] {
            assert_eq!(
                scare_quotes(text),
                [(word.to_string(), so_called)],
                "{text}"
            );
        }
    }

    #[test]
    fn attributed_and_long_quotes_are_not() {
        for text in [
            "Khatibzadeh dismissed Pompeo’s “irresponsible” remarks.",
            "Khatibzadeh rejected the accusations as “irresponsible,” saying they were baseless.",
            "“Think it over,” Trump wrote.",
            "The mayor said the march was “a peaceful and lawful protest by residents”.",
            "Workers' union leaders met 'til dawn.",
        ] {
            assert!(
                scare_quotes(text).is_empty(),
                "{text}: {:?}",
                scare_quotes(text)
            );
        }
    }

    #[test]
    fn mentions_are_not_scare_quotes() {
        // Must not flag: words shown, written or chanted, and names.
        for text in [
            "The wreck of a rocket with the words “for the children” painted on it lay nearby.",
            "Protesters carried a banner reading “go home” past the hall.",
            "The army launched an operation code-named “Dawn” on Monday.",
            "Crowds chanted “freedom” outside the court.",
        ] {
            assert!(
                scare_quotes(text).is_empty(),
                "{text}: {:?}",
                scare_quotes(text)
            );
        }
        // Must flag: the outlet's own distance, even near such a word further back, and
        // always after so-called.
        assert_eq!(
            scare_quotes("The words of the minister hid the “peaceful” nature of the march."),
            [("peaceful".to_string(), false)]
        );
        assert_eq!(
            scare_quotes("They painted over the so-called “art” last week."),
            [("art".to_string(), true)]
        );
    }

    #[test]
    fn explanations_say_why() {
        let s = ScareQuote {
            sentence: 0,
            span: Span::new(0, 8),
            so_called: false,
        };
        assert!(
            s.explanation("peaceful")
                .contains("'peaceful' are the outlet's own")
        );
    }
}
