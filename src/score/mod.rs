//! Scoring the wording: the lexicon of loaded terms and (to come) the flaggers built on it.

pub mod lexicon;
