//! Direct quotes, speakers, cue verbs and attributions (being written).

use super::{Attribution, Quote};
use crate::score::lexicon::Lexicon;
use crate::{Article, Doc};

/// Quotes and attributions of one article; speaker names as written, titles removed.
pub fn extract(_article_index: usize, _article: &Article, _doc: &Doc, _lexicon: &Lexicon) -> (Vec<Quote>, Vec<Attribution>) {
    (Vec::new(), Vec::new())
}

/// Gives every person one name across the story (the fullest form used).
pub fn canonicalize_speakers(_quotes: &mut [Quote], _attributions: &mut [Attribution]) {}
