//! A whole story run through the pipeline: the articles, their normalized docs, the alignment
//! and the diffs. The report writers read from here.

use crate::align::{self, Alignment, Thresholds};
use crate::diff::{self, Diffs};
use crate::{Article, Doc};

/// Every stage's output for one story.
#[derive(Debug, Clone)]
pub struct Story {
    pub articles: Vec<Article>,
    pub docs: Vec<Doc>,
    pub alignment: Alignment,
    pub diffs: Diffs,
}

impl Story {
    /// Runs normalization, alignment and diffing over `articles` (in input order).
    pub fn build(articles: Vec<Article>) -> Self {
        let docs: Vec<Doc> = articles.iter().map(crate::normalize).collect();
        let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
        let dates: Vec<Option<&str>> = articles.iter().map(|a| a.date.as_deref()).collect();
        let alignment = align::align(&docs, &bodies, &dates, Thresholds::default());
        let diffs = diff::substitutions(&alignment, &docs, &bodies);
        Self {
            articles,
            docs,
            alignment,
            diffs,
        }
    }
}
