//! Report writers. Each writes to any `impl Write`; the binary decides where the bytes go.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod score_csv;

use std::collections::{BTreeMap, BTreeSet};

/// One conflicting figure's values with the articles giving each, `8 (a, b); 21 (c)`, with
/// `value` and `article` writing each part in the page's markup.
pub(crate) fn figure_values(
    values: &BTreeMap<&str, BTreeSet<&str>>,
    value: impl Fn(&str) -> String,
    article: impl Fn(&str) -> String,
) -> String {
    values
        .iter()
        .map(|(v, articles)| {
            let names: Vec<String> = articles.iter().map(|a| article(a)).collect();
            format!("{} ({})", value(v), names.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What the page says of an article that stops mid-sentence (see
/// [`crate::Doc::cut_off_at`]).
pub(crate) fn cut_off_caveat(article: &str) -> String {
    format!(
        "{article} stops mid-sentence: the page may be cut off, so what it lacks may have been \
         lost rather than left out."
    )
}
