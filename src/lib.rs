//! `slant` compares how several news outlets tell the same story.
//!
//! The pipeline is a chain of plain functions over plain data, one module per stage:
//!
//! | stage | module | input → output |
//! |---|---|---|
//! | read files | [`ingest`] | paths → [`Article`]s |
//! | clean and split | [`mod@normalize`] | [`Article`] → [`Doc`] (folded text, offset map, boilerplate, sentences, tokens) |
//!
//! Every span a stage reports is a UTF-8 byte range into [`Article::body`], the text as read.
//! The library never prints and never exits; the `slant` binary does both.
//!
//! Stages that work article by article or pair by pair (reading files, normalizing, extracting,
//! scoring sentence pairs, judging copies, diffing units, flagging) run on the current
//! [`rayon`] thread pool (the global one unless the caller installs another); their results
//! are taken in input order, so the output is the same on any number of threads.
//!
//! ```
//! use slant::{Article, normalize};
//!
//! let article = Article::from_text("wire", "Rockets hit Baghdad.\n\nThe U.S. embassy was hit on Sunday. Nobody was hurt.");
//! let doc = normalize::normalize(&article);
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| &article.body[s.span.range()]).collect();
//! assert_eq!(sentences, ["Rockets hit Baghdad.", "The U.S. embassy was hit on Sunday.", "Nobody was hurt."]);
//! ```

// The library never prints: results go back to the caller, messages into return values.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod caveats;
pub mod diff;
pub mod eval;
pub mod extract;
pub mod ingest;

pub mod normalize;
pub mod report;
pub mod score;
mod span;
mod story;
pub mod wordlists;

pub use ingest::{Article, IngestError, Loaded};
pub use normalize::{Doc, normalize};

pub use span::Span;
pub use story::{Stage, Story};
