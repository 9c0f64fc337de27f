//! Scoring the wording: which words carry a judgment, against which neutral baseline.
//!
//! - [`lexicon`]: the loaded terms as data, with neutral alternatives and explanations.
//! - The flaggers (lexicon matches, scare quotes, peer and corpus baselines) each produce
//!   [`Flag`]s; every flag says what evidence it rests on and explains itself.

pub mod asymmetry;
pub mod context;
pub mod corpus;
pub mod flags;
pub mod lexicon;
mod lexicon_default;
pub mod matcher;
pub mod passive;
pub mod peer;
pub mod scare_quotes;
pub mod summary;

use crate::Span;
use serde::Serialize;

/// What a flag rests on (`flags.evidence`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// An entry of the default or a user lexicon.
    Lexicon,
    /// The aligned sentences of other articles say it neutrally (`baseline` names their words).
    Peer,
    /// A short quoted span used as the outlet's own distancing label.
    ScareQuote,
    /// Statistically distinctive wording against the other articles or a background table.
    Corpus,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Lexicon => "lexicon",
            Self::Peer => "peer",
            Self::ScareQuote => "scare-quote",
            Self::Corpus => "corpus",
        }
    }
}

/// One flagged piece of wording.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// Index of the article (input order).
    pub article: usize,
    /// Index of the sentence in its article.
    pub sentence: usize,
    /// The flagged words: a byte range in the body.
    pub span: Span,
    /// The lexicon term (headword) or the flagged word itself.
    pub term: String,
    /// `attribution-doubt`, `violence-label`, `actor-label`, `scare-quote`, ... (the categories
    /// of `fixtures/README.md`).
    pub category: String,
    /// A neutral alternative; empty where none fits.
    pub neutral: String,
    /// How loaded, 0..1 (lower when every peer used the same word).
    pub weight: f32,
    pub evidence: Evidence,
    /// Inside a direct quote: the speaker's words, not the outlet's.
    pub in_quote: bool,
    /// What the other articles wrote in the same alignment unit, e.g. `said (4), told (1)`.
    pub baseline: String,
    /// Why it is flagged, in plain words.
    pub explanation: String,
}
