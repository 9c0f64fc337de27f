//! Facts one article states: numbers with what they count ([`numbers`]), dates resolved
//! against the article date ([`dates`]) and named entities under one canonical name
//! ([`entities`]); and whether other articles of the story agree ([`mod@agreement`]).
//!
//! Each extractor reads the tokens of the normalized [`Doc`] through a `Words` view (surface
//! text, case, the punctuation between words) and reports byte spans into the article body.
//! Dates run first: the day numbers they use ("Dec. 20") are not counts.

pub mod agreement;
pub mod dates;
pub mod entities;
pub mod numbers;

use super::{Fact, FactKind};
use crate::normalize::{Token, TokenKind};
use crate::{Article, Doc, Span};
use std::collections::HashSet;

pub use agreement::{Agreement, agreement};

/// The facts one article states, in text order, each (kind, key, value) once: the first
/// occurrence is kept.
///
/// ```
/// use slant::{Article, normalize};
/// use slant::extract::facts;
///
/// let article = Article::from_text("wire", "date: 2020-12-24\n\nAt least three rockets hit Baghdad on Sunday.");
/// let doc = normalize(&article);
/// let facts: Vec<(String, String)> = facts::extract(0, &article, &doc)
///     .into_iter()
///     .map(|f| (f.key, f.value))
///     .collect();
/// assert_eq!(facts, [("rocket".into(), ">=3".into()), ("Baghdad".into(), "".into()), ("".into(), "2020-12-20".into())]);
/// ```
pub fn extract(article_index: usize, article: &Article, doc: &Doc) -> Vec<Fact> {
    let words = Words::new(doc);
    let today = article.date.as_deref().and_then(dates::Date::parse);
    let (mut found, used) = dates::find(&words, today);
    found.extend(numbers::find(&words, &used));
    found.extend(entities::find(&words));
    found.sort_by_key(|f| (f.span.start, f.span.end));
    let mut seen = HashSet::with_capacity(found.len());
    found
        .into_iter()
        .filter(|f| seen.insert((f.kind, f.key.clone(), f.value.clone())))
        .map(|found| Fact {
            article: article_index,
            sentence: found.sentence,
            kind: found.kind,
            key: found.key,
            value: found.value,
            span: found.span,
        })
        .collect()
}

/// A fact before it is tied to an article.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub kind: FactKind,
    pub key: String,
    pub value: String,
    pub span: Span,
    pub sentence: usize,
}

/// The tokens of a [`Doc`] with what the extractors ask about them: the surface as folded
/// (case kept), whether it is capitalized, the text between it and the previous token, and
/// whether it opens a sentence, a quotation or a clause after a colon (where capitals say
/// nothing about names).
#[derive(Debug)]
pub(crate) struct Words<'a> {
    pub doc: &'a Doc,
    pub tokens: &'a [Token],
}

impl<'a> Words<'a> {
    pub fn new(doc: &'a Doc) -> Self {
        Self {
            doc,
            tokens: &doc.tokens,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token as it stands in the folded text (case kept).
    pub fn surface(&self, i: usize) -> &'a str {
        &self.doc.text[self.tokens[i].norm.range()]
    }

    /// Lower-cased form, with a possessive `'s` (or a bare `'`) taken off.
    pub fn lower(&self, i: usize) -> &'a str {
        strip_possessive(&self.tokens[i].text)
    }

    pub fn is_possessive(&self, i: usize) -> bool {
        self.tokens[i].text.len() != self.lower(i).len()
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Number
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.surface(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Every letter upper case ("IRAN", "U.S", "C"): acronyms and shouting.
    pub fn is_all_caps(&self, i: usize) -> bool {
        let s = self.surface(i);
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
    }

    pub fn sentence(&self, i: usize) -> usize {
        self.tokens[i].sentence
    }

    /// Token index range of sentence `s`.
    pub fn sentence_range(&self, s: usize) -> std::ops::Range<usize> {
        self.doc.sentences[s].tokens.range()
    }

    /// The folded text between token `i - 1` (or the start of `i`'s sentence) and token `i`.
    pub fn gap_before(&self, i: usize) -> &'a str {
        let sentence = &self.doc.sentences[self.sentence(i)];
        let start = if i > sentence.tokens.start {
            self.tokens[i - 1].norm.end
        } else {
            sentence.norm.start
        };
        &self.doc.text[start.min(self.tokens[i].norm.start)..self.tokens[i].norm.start]
    }

    /// The folded text between token `i` and the next token of its sentence (or the end of
    /// the sentence).
    pub fn gap_after(&self, i: usize) -> &'a str {
        let sentence = &self.doc.sentences[self.sentence(i)];
        let end = if i + 1 < sentence.tokens.end {
            self.tokens[i + 1].norm.start
        } else {
            sentence.norm.end
        };
        &self.doc.text[self.tokens[i].norm.end..end.max(self.tokens[i].norm.end)]
    }

    /// Whether `i` and `i + 1` are in one sentence with only spaces between them.
    pub fn joined_by_space(&self, i: usize) -> bool {
        self.same_sentence(i, i + 1) && self.gap_before(i + 1).chars().all(char::is_whitespace)
    }

    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        j < self.len() && self.sentence(i) == self.sentence(j)
    }

    /// Whether a capital on token `i` is forced by position: the first word of a sentence, of
    /// a quotation, or after a colon, a dash, an opening bracket or sentence punctuation inside
    /// a quotation.
    pub fn at_clause_start(&self, i: usize) -> bool {
        let sentence = &self.doc.sentences[self.sentence(i)];
        if i == sentence.tokens.start {
            return true;
        }
        let gap = self.gap_before(i).trim_end();
        // A spaced dash opens a clause ("MILLBROOK - Police ..."); a hyphen joins a word.
        let spaced_dash = gap.len() > 1 && gap.ends_with(['-', '\u{2014}', '\u{2013}']);
        spaced_dash || gap.ends_with(['"', '\'', ':', '.', '?', '!', '('])
    }

    /// Byte range in the body of tokens `first..=last`.
    pub fn body_span(&self, first: usize, last: usize) -> Span {
        Span::new(self.tokens[first].span.start, self.tokens[last].span.end)
    }

    /// Folded text of tokens `first..=last` with what stands between them.
    pub fn text(&self, first: usize, last: usize) -> &'a str {
        &self.doc.text[self.tokens[first].norm.start..self.tokens[last].norm.end]
    }
}

/// `iran's` → `iran`, `workers'` → `workers`.
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word)
}

/// A fast hasher for the word lists: the extractors probe them for nearly every token, and
/// SipHash (the default, built against hash flooding) cost more than the rest of the work.
/// The lists are our own data, not input, so flooding is not a concern.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;
pub(crate) type FastSet<K> =
    std::collections::HashSet<K, std::hash::BuildHasherDefault<WordHasher>>;

pub(crate) use crate::wordlists::data_lines;

/// Rows of a small comma-separated data file (no quoting: the files never need it).
pub(crate) fn data_rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data_lines(text).map(|l| l.split(',').map(str::trim).collect())
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// The facts of a one-article text, as `kind key=value` strings.
    pub fn facts_of(date: &str, body: &str) -> Vec<String> {
        let text = if date.is_empty() {
            body.to_string()
        } else {
            format!("date: {date}\n\n{body}")
        };
        let article = Article::from_text("t", &text);
        let doc = crate::normalize(&article);
        extract(0, &article, &doc)
            .into_iter()
            .map(|f| format!("{} {}={}", f.kind.as_str(), f.key, f.value))
            .collect()
    }

    /// Checks that a data file's first column is sorted and unique.
    pub fn assert_sorted_unique(name: &str, text: &'static str, key: impl Fn(&str) -> String) {
        let keys: Vec<String> = data_lines(text).map(key).collect();
        for pair in keys.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} must sort before {:?} (sorted, unique)",
                pair[0],
                pair[1]
            );
        }
    }
}
