//! The lexicon of loaded terms (being written).

/// Lexicon entries, loaded from `lexicons/en.csv` and user files.
#[derive(Debug, Clone, Default)]
pub struct Lexicon;
