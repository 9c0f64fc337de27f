//! Word tokens: UAX #29 words, lower-cased, with a Snowball (Porter2) stem. Numbers stay whole:
//! `21`, `1,000`, `3.5` and `8:30` are one token each.

use crate::Span;
use frostem::{Algorithm, Stemmer};
use serde::Serialize;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::new(Algorithm::English));

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenKind {
    Word,
    Number,
}

/// One word or number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Byte range in the body.
    pub span: Span,
    /// Byte range in the normalized text.
    #[serde(skip)]
    pub norm: Span,
    /// Folded, lower-cased form.
    pub text: String,
    /// English Snowball stem of `text` (numbers: `text` itself).
    pub stem: String,
    pub kind: TokenKind,
    /// Index of the sentence holding the token.
    pub sentence: usize,
}

/// Stems already computed on this thread; news vocabulary repeats, stemming is the costly part.
/// Bounded: cleared when it reaches `STEM_CACHE_MAX` entries.
const STEM_CACHE_MAX: usize = 100_000;

thread_local! {
    static STEM_CACHE: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
}

/// The stem of an already lower-cased word.
pub fn stem(word: &str) -> String {
    STEM_CACHE.with_borrow_mut(|cache| {
        if let Some(stem) = cache.get(word) {
            return stem.clone();
        }
        if cache.len() >= STEM_CACHE_MAX {
            cache.clear();
        }
        let stem = STEMMER.stem(word).into_owned();
        cache.insert(word.to_string(), stem.clone());
        stem
    })
}

/// Tokens of `text[within]`, in order. `span` is left equal to `norm`; the caller maps it.
pub fn tokenize(text: &str, within: Span, sentence: usize, out: &mut Vec<Token>) {
    let piece = &text[within.range()];
    let mut words = piece.split_word_bound_indices().peekable();
    while let Some((at, word)) = words.next() {
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut span = Span::new(within.start + at, within.start + at + word.len());
        // 8:30 — UAX #29 splits digits around a colon.
        while is_digits(word) {
            let mut ahead = words.clone();
            match (ahead.next(), ahead.next()) {
                (Some((_, ":")), Some((at2, next))) if is_digits(next) => {
                    span.end = within.start + at2 + next.len();
                    words = ahead;
                    if words.peek().is_none_or(|(_, w)| *w != ":") {
                        break;
                    }
                }
                _ => break,
            }
        }
        out.push(make(text, span, sentence));
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn make(text: &str, norm: Span, sentence: usize) -> Token {
    let surface = &text[norm.range()];
    let lower = surface.to_lowercase();
    let kind = if surface.starts_with(|c: char| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let stem = match kind {
        TokenKind::Number => lower.clone(),
        TokenKind::Word => stem(&lower),
    };
    Token {
        span: norm,
        norm,
        text: lower,
        stem,
        kind,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, String, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), 0, &mut out);
        out.into_iter().map(|t| (t.text, t.stem, t.kind)).collect()
    }

    #[test]
    fn numbers_stay_whole() {
        let got: Vec<String> = toks("At 8:30 on Dec. 20, 21 rockets, 1,000 troops and 3.5 tons.")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            got,
            [
                "at", "8:30", "on", "dec", "20", "21", "rockets", "1,000", "troops", "and", "3.5",
                "tons"
            ]
        );
    }

    #[test]
    fn words_are_folded_and_stemmed() {
        let got = toks("Pompeo's Claimed ATTACKS");
        assert_eq!(
            got,
            [
                ("pompeo's".into(), "pompeo".into(), TokenKind::Word),
                ("claimed".into(), "claim".into(), TokenKind::Word),
                ("attacks".into(), "attack".into(), TokenKind::Word),
            ]
        );
    }
}
