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

/// A copy pair as the summaries and pages tell it: `a copies b (near: 112 of its own words,
/// 93%)`, with `article` writing each article id in the page's markup.
pub fn copy_phrase(
    story: &crate::Story,
    pair: &crate::align::CopyPair,
    article: impl Fn(&str) -> String,
) -> String {
    format!(
        "{} copies {} ({}: {} of its own words, {:.0}%)",
        article(&story.articles[pair.article].id),
        article(&story.articles[pair.original].id),
        pair.kind.as_str(),
        pair.shared_words,
        pair.similarity * 100.0
    )
}

/// What the pages say the kinds of copy are, after "Copies: ".
pub(crate) fn copy_kinds() -> String {
    format!(
        "verbatim, the same text; near, most of the copy's wording is the original's (a repost \
         under another lead, a trimmed or lightly edited copy); spun, the original's sentences \
         in the same order with words swapped; partial, a passage of {} words or more taken \
         whole, the rest its own. Words inside quotation marks never count.",
        crate::align::copies::MIN_PASSAGE_WORDS
    )
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
