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

/// Articles a report page names in one caveat line before "and N more": the page has a row
/// per article elsewhere, so the line stays a summary.
pub(crate) const PAGE_LISTED: usize = 10;

/// What a page says in place of the wording figures of an article in another language.
pub(crate) fn not_scored(language: &str) -> String {
    format!("not scored: read as {language}, and the lexicon is English")
}

/// A quote against the fullest version, written with the page's own escaping and marks: the
/// words cut from the fullest version inside `cut`, the words changed or added inside `added`
/// (each an opening and a closing mark).
pub(crate) fn quote_diff_marked(
    reference: &str,
    quote: &str,
    escape: fn(&str) -> String,
    cut: (&str, &str),
    added: (&str, &str),
) -> String {
    use crate::diff::WordChange;
    crate::extract::matching::quote_diff(reference, quote)
        .iter()
        .map(|c| match c {
            WordChange::Equal(t) => escape(t),
            WordChange::Removed(t) => format!("{}{}{}", cut.0, escape(t), cut.1),
            WordChange::Added(t) => format!("{}{}{}", added.0, escape(t), added.1),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
