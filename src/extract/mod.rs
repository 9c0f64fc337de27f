//! What each article reports, as data: direct quotes with their speakers and cue verbs
//! ([`quotes`]), attributions of statements to speakers ([`quotes`] too: the same parse finds
//! both), and facts: numbers with what they count, dates and named entities ([`facts`]).
//!
//! Extraction works per article on a normalized [`Doc`](crate::Doc); story-level steps (one
//! canonical name per speaker, quote and fact matching across articles) take all articles.

pub mod facts;
pub mod matching;
pub mod quotes;

use crate::Span;
use serde::Serialize;

/// How a reporting verb presents what the speaker said (`verb_class` in the reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerbClass {
    /// said, told, wrote, tweeted, added
    Neutral,
    /// claimed, alleged, insisted
    Doubt,
    /// revealed, confirmed, noted, admitted, pointed out
    Endorse,
    /// slammed, blasted, boasted, fumed
    Emotive,
    /// any other verb that introduces speech (warned, rejected, dismissed, ...)
    Other,
}

impl VerbClass {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Neutral => "neutral",
            Self::Doubt => "doubt",
            Self::Endorse => "endorse",
            Self::Emotive => "emotive",
            Self::Other => "other",
        }
    }
}

/// A direct quotation: words inside quotation marks attributed to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Index of the article (input order).
    pub article: usize,
    /// Index of the sentence where the quotation opens.
    pub sentence: usize,
    /// The quoted words, without the quotation marks: a byte range in the body.
    pub span: Span,
    /// The quoted words as they stand in the body.
    pub text: String,
    /// Canonical speaker name (one per person across the story), if found.
    pub speaker: Option<String>,
    /// The reporting verb as written, lower case ("claimed", "said", "according to").
    pub cue: Option<String>,
    /// A few words quoted inside a sentence of the outlet's own ("dismissed Pompeo's
    /// "irresponsible" remarks"), as opposed to a full quoted statement.
    pub partial: bool,
}

/// A statement, direct or indirect, tied to a speaker by a reporting verb.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    pub article: usize,
    pub sentence: usize,
    /// Canonical speaker name.
    pub speaker: String,
    /// The verb as written, lower case.
    pub verb: String,
    pub class: VerbClass,
    /// Byte range of the verb in the body.
    pub span: Span,
    /// Whether it introduces a direct quote.
    pub direct: bool,
}

/// What kind of fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    Number,
    Date,
    Entity,
}

impl FactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Date => "date",
            Self::Entity => "entity",
        }
    }
}

/// One fact an article states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub article: usize,
    pub sentence: usize,
    pub kind: FactKind,
    /// number: the singular noun counted (`rocket`); date: what it dates, if known (may be
    /// empty); entity: the canonical name.
    pub key: String,
    /// number: `3`, `>=3`, `>20`, `<20`, `~20`; date: ISO date or weekday; entity: empty.
    pub value: String,
    /// The words that state it, as a byte range in the body.
    pub span: Span,
}
