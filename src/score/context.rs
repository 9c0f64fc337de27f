//! Context rules: where a lexicon word stands in the outlet's text but is not the outlet's
//! judgment, whatever its form. Each rule reads the tokens `normalize` made and the words as
//! the page writes them (their capitals); guards of single entries (`not_when`) handle the
//! neutral senses of one word, these rules the uses any loaded word can have:
//!
//! - **a name**: the word is part of a proper name written in capitals mid-sentence, "the
//!   Popular Front", "the Radical Party", "the Reign of Terror": a capitalized match followed by
//!   another capitalized word, or closing an "X of" name. A label written in capitals after a
//!   name ("the Assad Regime") stays a label; a headline in title case proves nothing, so
//!   headlines and title-case sentences are left to the lexicon.
//! - **a legal charge**: the word names a charge brought, tried or proven ("charged with
//!   murder", "convicted on two counts of terrorism", `legal_frames.txt`), or a violence
//!   label names the crime of a law, case or charge ("murder charges", "the genocide
//!   convention", `legal_nouns.txt`; "a draconian law" stays a judgment). A writer
//!   reporting the charge uses the court's word; an accusation is not a charge.
//!
//! Words in quotations are the speaker's, marked `in_quote` rather than dropped (see
//! [`crate::score::flags`]).
//!
//! ```
//! use slant::score::flags::flag_article;
//! use slant::score::lexicon::Lexicon;
//! use slant::{Article, normalize};
//!
//! let lexicon = Lexicon::default_english();
//! let flagged = |text: &str| {
//!     let article = Article::from_text("a", text);
//!     let doc = normalize(&article);
//!     flag_article(0, &article, &doc, &[], &lexicon)
//!         .iter()
//!         .any(|f| f.term == "murder")
//! };
//! assert!(flagged("The soldier's murder shocked the town."));
//! assert!(!flagged("The soldier was charged with murder on Monday."));
//! assert!(!flagged("He faces two murder charges."));
//! ```

use super::lexicon::Entry;
use crate::normalize::{SentenceKind, TokenKind};
use crate::wordlists::WordSet;
use crate::wordlists::{data_lines, is_function_word};
use crate::{Doc, Span};
use std::sync::LazyLock;

/// Frames of a legal charge, as word lists (`legal_frames.txt`).
static LEGAL_FRAMES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    data_lines(include_str!("legal_frames.txt"))
        .map(|l| l.split_whitespace().collect())
        .collect()
});

/// Nouns after which a word names a charge, law or case (`legal_nouns.txt`).
static LEGAL_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| data_lines(include_str!("legal_nouns.txt")).collect());

/// A frame may end this many words before the charge ("charged with two counts of murder").
const FRAME_GAP: usize = 3;
/// A sentence with at least this share of capitalized words (and at least four words) is in
/// title case: its capitals say nothing about names.
const TITLE_CASE_SHARE: f32 = 0.6;

/// Why a lexicon match is not the outlet's judgment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherUse {
    /// Part of a proper name ("the Popular Front").
    Name,
    /// The name of a charge, law or case ("charged with murder", "murder charges").
    LegalCharge,
}

/// Why the match at `span` (a byte range in `body`) in sentence `sentence` is another use than
/// the outlet's judgment, if it is. `entry` is the lexicon entry matched: a label whose
/// headword has a capital by nature ("Iran-backed") is no part of a name for it, and only a
/// violence label names a crime before "charges" or "law" ("draconian law" is a judgment).
pub fn other_use(
    doc: &Doc,
    body: &str,
    sentence: usize,
    span: Span,
    entry: &Entry,
) -> Option<OtherUse> {
    let term_is_lower = !entry.term.starts_with(char::is_uppercase);
    let names_a_crime = entry.category == "violence-label";
    let tokens = doc.sentence_tokens(sentence);
    let words: Vec<(usize, &crate::normalize::Token)> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Word)
        .collect();
    let first = words.iter().position(|(_, t)| t.span.end > span.start)?;
    let last = words
        .iter()
        .rposition(|(_, t)| t.span.start < span.end)
        .filter(|&l| l >= first)?;
    if legal_frame_before(&words, first) || (names_a_crime && legal_noun_after(&words, last)) {
        return Some(OtherUse::LegalCharge);
    }
    let kind = doc.sentences[sentence].kind;
    if term_is_lower
        && !matches!(kind, SentenceKind::Headline | SentenceKind::Heading)
        && first > 0
        && !title_case(&words, body)
        && in_name(&words, first, last, body)
    {
        return Some(OtherUse::Name);
    }
    None
}

type Words<'a> = [(usize, &'a crate::normalize::Token)];

/// A legal frame ends at most [`FRAME_GAP`] words before word `first`.
fn legal_frame_before(words: &Words<'_>, first: usize) -> bool {
    LEGAL_FRAMES.iter().any(|frame| {
        (0..=FRAME_GAP).any(|gap| {
            let Some(end) = first.checked_sub(gap) else {
                return false;
            };
            let Some(start) = end.checked_sub(frame.len()) else {
                return false;
            };
            words[start..end]
                .iter()
                .zip(frame)
                .all(|((_, t), f)| t.text == *f)
        })
    })
}

/// The word after the match names a charge, law or case.
fn legal_noun_after(words: &Words<'_>, last: usize) -> bool {
    words
        .get(last + 1)
        .is_some_and(|(_, t)| LEGAL_NOUNS.contains(t.text.as_str()))
}

/// Whether word `i` is written with a capital first letter.
fn capitalized(words: &Words<'_>, i: usize, body: &str) -> bool {
    words.get(i).is_some_and(|(_, t)| {
        body[t.span.range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    })
}

/// Most of the sentence's words start with a capital.
fn title_case(words: &Words<'_>, body: &str) -> bool {
    let n = words.len();
    let capitals = (0..n).filter(|&i| capitalized(words, i, body)).count();
    n >= 4 && capitals as f32 >= TITLE_CASE_SHARE * n as f32
}

/// The match (words `first..=last`) starts with a capital and runs on into a name: the next
/// word is capitalized and not a function word ("Popular Front"), or the match closes an
/// "X of" name ("Reign of Terror").
fn in_name(words: &Words<'_>, first: usize, last: usize, body: &str) -> bool {
    if !capitalized(words, first, body) {
        return false;
    }
    let name_word =
        |i: usize| capitalized(words, i, body) && !is_function_word(words[i].1.text.as_str());
    let followed = last + 1 < words.len() && name_word(last + 1);
    let closes_of_name = first >= 2
        && matches!(words[first - 1].1.text.as_str(), "of" | "for")
        && name_word(first - 2);
    followed || closes_of_name
}
