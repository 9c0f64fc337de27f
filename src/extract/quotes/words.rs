//! The article's words as the quote parser sees them: the [`Doc`] tokens with their case, the
//! quotation they sit in, and the punctuation between them.

use crate::wordlists::WordSet;
use crate::{Doc, Span};
use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::LazyLock;

/// One word of the article.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// Byte range in the folded text.
    pub norm: Span,
    /// As written (folded).
    pub raw: &'a str,
    /// Lower case (folded; `U.S.` → `us`).
    pub lower: &'a str,
    pub sentence: usize,
    /// Index of the quotation the word stands in, if any.
    pub quote: Option<usize>,
}

impl Word<'_> {
    /// Starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }

    /// `Iran's`, `workers'`: a possessive, which modifies a noun and is never the speaker.
    pub fn is_possessive(&self) -> bool {
        self.lower.ends_with("'s")
    }
}

/// The words of a doc and the text between them.
#[derive(Debug)]
pub struct Words<'a> {
    pub text: &'a str,
    pub list: Vec<Word<'a>>,
    /// First word index of each sentence (and the total at the end).
    pub sentence_starts: Vec<usize>,
    /// For each word, the last word up to it (itself included) outside every quotation.
    last_unquoted: Vec<Option<usize>>,
    /// See [`Words::free_capitals`] and [`Words::lower_case`]: made on first use, since only
    /// the speaker search asks.
    cases: OnceCell<Cases<'a>>,
}

/// How the article writes its words: what tells a name from a common word.
#[derive(Debug, Default)]
struct Cases<'a> {
    free_capitals: HashSet<&'a str>,
    lower_case: HashSet<&'a str>,
}

impl<'a> Words<'a> {
    /// The doc's words; `quotes` are the quotations' inner spans (folded), in text order.
    pub fn new(doc: &'a Doc, quotes: &[Span]) -> Self {
        let text = doc.text.as_str();
        // Tokens and quotations are both in text order: one pass pairs them.
        let mut q = 0;
        let list: Vec<Word<'a>> = doc
            .tokens
            .iter()
            .map(|t| {
                while q < quotes.len() && quotes[q].end <= t.norm.start {
                    q += 1;
                }
                let inside = quotes[q..]
                    .iter()
                    .take_while(|s| s.start <= t.norm.start)
                    .position(|s| s.contains(t.norm))
                    .map(|i| q + i);
                Word {
                    norm: t.norm,
                    raw: &text[t.norm.range()],
                    lower: t.text.as_str(),
                    sentence: t.sentence,
                    quote: inside,
                }
            })
            .collect();
        let mut sentence_starts: Vec<usize> =
            doc.sentences.iter().map(|s| s.tokens.start).collect();
        sentence_starts.push(list.len());
        let mut last = None;
        let last_unquoted = list
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if w.quote.is_none() {
                    last = Some(i);
                }
                last
            })
            .collect();
        Self {
            text,
            list,
            sentence_starts,
            last_unquoted,
            cases: OnceCell::new(),
        }
    }

    /// Lower-case forms of the words the article writes with a capital where nothing forces
    /// one (not opening a sentence or a quotation): its names.
    pub fn free_capitals(&self) -> &HashSet<&'a str> {
        &self.cases().free_capitals
    }

    /// The words the article writes in lower case somewhere: common words, not names.
    pub fn lower_case(&self) -> &HashSet<&'a str> {
        &self.cases().lower_case
    }

    fn cases(&self) -> &Cases<'a> {
        self.cases.get_or_init(|| {
            let (list, text) = (&self.list, self.text);
            let mut cases = Cases::default();
            for (i, w) in list.iter().enumerate() {
                if w.raw.chars().next().is_some_and(char::is_lowercase) {
                    cases.lower_case.insert(w.lower);
                }
                let forced = i == 0
                    || list[i - 1].sentence != w.sentence
                    || text[list[i - 1].norm.end..w.norm.start].contains(['"', ':']);
                if !forced && w.is_capitalized() {
                    cases.free_capitals.insert(w.lower);
                }
            }
            cases
        })
    }

    /// The last word of `range` that ends by folded offset `at` and stands outside every
    /// quotation. A binary search and a table lookup, so that asking it for every quotation
    /// mark of a long sentence stays linear.
    pub fn last_unquoted_before(&self, range: std::ops::Range<usize>, at: usize) -> Option<usize> {
        let slice = self.list.get(range.clone())?;
        let upto = range.start + slice.partition_point(|w| w.norm.end <= at);
        let found = self
            .last_unquoted
            .get(upto.checked_sub(1)?)
            .copied()
            .flatten()?;
        (found >= range.start).then_some(found)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Word indices of sentence `s`.
    pub fn sentence(&self, s: usize) -> std::ops::Range<usize> {
        self.sentence_starts[s]..self.sentence_starts[s + 1]
    }

    /// The text between word `i` and word `i + 1`; `None` when `i + 1` is in another sentence.
    pub fn gap_after(&self, i: usize) -> Option<&'a str> {
        let next = self.list.get(i + 1)?;
        let word = &self.list[i];
        (next.sentence == word.sentence).then(|| &self.text[word.norm.end..next.norm.start])
    }

    /// Whether words `i` and `i + 1` belong to one phrase: only spaces between them, a hyphen
    /// (`al-Kadhimi`), or the period of an abbreviation or initial (`Sgt. Dana`, `Donald J. Trump`).
    pub fn joined(&self, i: usize) -> bool {
        let Some(gap) = self.gap_after(i) else {
            return false;
        };
        let gap_trim = gap.trim();
        gap_trim.is_empty()
            || gap == "-"
            || (gap_trim == "." && gap.starts_with('.') && is_abbreviation(&self.list[i]))
    }
}

/// Abbreviations and initials that end in a period inside a name: `J.`, `U.S.`, `Sgt.`.
fn is_abbreviation(word: &Word<'_>) -> bool {
    static ABBREVIATIONS: &[&str] = &[
        "adm", "brig", "capt", "cmdr", "col", "dr", "ft", "gen", "gov", "jr", "lt", "maj", "mr",
        "mrs", "ms", "mt", "prof", "rep", "rev", "sen", "sgt", "sr", "st",
    ];
    word.raw.chars().count() == 1 || word.raw.contains('.') || ABBREVIATIONS.contains(&word.lower)
}

/// Non-empty, non-comment lines of a word list.
/// A word list as a set (hashed: looked up for every word of every article).
pub fn list(text: &'static str) -> WordSet {
    data_lines(text).collect()
}

pub(crate) use crate::wordlists::data_lines;

/// Titles and roles before names (`titles.txt`).
pub static TITLES: LazyLock<WordSet> = LazyLock::new(|| list(include_str!("titles.txt")));
/// Nameless speakers (`speaker_nouns.txt`).
pub static SPEAKER_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| list(include_str!("speaker_nouns.txt")));
/// Words between a speaker and its verb (`skip_words.txt`).
pub static SKIP_WORDS: LazyLock<WordSet> = LazyLock::new(|| list(include_str!("skip_words.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    /// The lookup agrees with scanning the sentence's words backwards, at every offset.
    #[test]
    fn the_last_unquoted_word_is_what_a_backward_scan_finds() {
        let article = crate::Article::from_text(
            "t",
            "He said \"we will 'never' go\" and she said \"no\" twice. \"All of it,\" they wrote.",
        );
        let doc = crate::normalize(&article);
        let skip: Vec<Span> = Vec::new();
        let marks = super::super::marks::find(&doc.text, &article.body, &doc.map, &skip);
        let inner: Vec<Span> = marks.iter().map(|q| q.inner).collect();
        assert!(inner.len() >= 3, "{inner:?}");
        let words = Words::new(&doc, &inner);
        assert!(words.list.iter().any(|w| w.quote.is_some()));
        for s in 0..doc.sentences.len() {
            let range = words.sentence(s);
            for at in 0..=doc.text.len() {
                let scanned = range
                    .clone()
                    .rev()
                    .find(|&i| words.list[i].norm.end <= at && words.list[i].quote.is_none());
                assert_eq!(
                    words.last_unquoted_before(range.clone(), at),
                    scanned,
                    "{s} {at}"
                );
            }
        }
    }

    #[test]
    fn word_lists_are_sorted_and_unique() {
        for (name, text) in [
            ("titles.txt", include_str!("titles.txt")),
            ("speaker_nouns.txt", include_str!("speaker_nouns.txt")),
            ("skip_words.txt", include_str!("skip_words.txt")),
            ("speech_verbs.txt", include_str!("speech_verbs.txt")),
        ] {
            let lines: Vec<&str> = super::data_lines(text).collect();
            for pair in lines.windows(2) {
                assert!(pair[0] < pair[1], "{name}: {pair:?} not sorted or repeated");
            }
            for line in lines {
                assert_eq!(line, line.to_lowercase(), "{name}: lower case only");
            }
        }
    }
}
