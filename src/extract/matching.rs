//! One quotation across the story: which articles carry it, and who cut or changed it.
//!
//! Quotes are compared as sequences of folded words. Two quotes from different articles are the
//! same quotation when one's words appear, in order and unbroken, inside the other's (a cut), or
//! when their word overlap is at least [`ALTERED_MIN_SIMILARITY`] (a change). Quotes of fewer
//! than [`MIN_CONTAINED_WORDS`] words join a group only by being identical, so a one-word
//! partial quote ("irresponsible") is not taken for a cut of every statement that uses the word.
//!
//! Within a group the fullest version (most words; then first read) is the reference: a quote
//! is `exact` when its words equal the reference's, `truncated` when they are a strict part of
//! it, `altered` otherwise; a quote no other article carries is `unique`.

use super::Quote;
use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::{BTreeSet, HashMap};

/// Shortest quote (in words) that can group with another by being part of it.
pub const MIN_CONTAINED_WORDS: usize = 3;
/// Word similarity at which two quotes that are not cuts of each other are one altered quote.
pub const ALTERED_MIN_SIMILARITY: f32 = 0.6;

/// How a quote compares with the fullest version of the same quotation in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    Exact,
    Truncated,
    Altered,
    Unique,
}

impl MatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Truncated => "truncated",
            Self::Altered => "altered",
            Self::Unique => "unique",
        }
    }
}

/// Where one quote stands in its quotation group.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct QuoteMatch {
    /// 1-based id of the quotation, in order of first appearance.
    pub quote_id: usize,
    pub kind: MatchKind,
    /// Word similarity to the fullest version, 0..1 (1 for the fullest itself).
    pub similarity: f32,
    /// Index (into the quotes) of the fullest version.
    pub reference: usize,
}

/// Folded words of a quote: lower case, letters and digits only.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// How `quote` differs from `reference` (the fullest version), word by word: words compared
/// folded (case and punctuation ignored), shown as written. Cut words are `Removed`, words the
/// quote has instead are `Added`.
pub fn quote_diff(reference: &str, quote: &str) -> Vec<crate::diff::WordChange> {
    use crate::diff::WordChange;
    let shown = |t: &str| {
        t.split_whitespace()
            .map(str::to_string)
            .collect::<Vec<String>>()
    };
    let key = |w: &String| {
        w.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (old, new) = (shown(reference), shown(quote));
    let (old_keys, new_keys): (Vec<String>, Vec<String>) =
        (old.iter().map(key).collect(), new.iter().map(key).collect());
    let mut out: Vec<WordChange> = Vec::new();
    let mut push = |change: WordChange| match (out.last_mut(), change) {
        (Some(WordChange::Equal(a)), WordChange::Equal(b))
        | (Some(WordChange::Removed(a)), WordChange::Removed(b))
        | (Some(WordChange::Added(a)), WordChange::Added(b)) => {
            a.push(' ');
            a.push_str(&b);
        }
        (_, change) => out.push(change),
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                push(WordChange::Equal(new[new_index..new_index + len].join(" ")))
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(WordChange::Removed(
                old[old_index..old_index + old_len].join(" "),
            )),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(WordChange::Added(
                new[new_index..new_index + new_len].join(" "),
            )),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(WordChange::Removed(
                    old[old_index..old_index + old_len].join(" "),
                ));
                push(WordChange::Added(
                    new[new_index..new_index + new_len].join(" "),
                ));
            }
        }
    }
    out
}

/// Similarity of two word sequences: twice the words kept in order over the total.
pub fn similarity(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    let equal: usize = ops
        .iter()
        .map(|op| {
            if let DiffOp::Equal { len, .. } = op {
                *len
            } else {
                0
            }
        })
        .sum();
    2.0 * equal as f32 / (a.len() + b.len()) as f32
}

/// Whether `part` appears unbroken inside `whole`.
fn contained(part: &[String], whole: &[String]) -> bool {
    !part.is_empty() && part.len() <= whole.len() && whole.windows(part.len()).any(|w| w == part)
}

fn same_quotation(a: &[String], b: &[String]) -> bool {
    if a == b {
        return !a.is_empty();
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < MIN_CONTAINED_WORDS {
        return false;
    }
    // A similarity of 0.6 needs the shorter side to be at least 3/7 of the longer: skip the
    // diff when it cannot reach it.
    let reachable = short.len() * 7 >= long.len() * 3;
    contained(short, long) || (reachable && similarity(a, b) >= ALTERED_MIN_SIMILARITY)
}

/// Groups the story's quotes (in article and text order) and grades each against its group's
/// fullest version. Returns one match per quote, in the same order.
///
/// Quotes with the same words are compared once: the work grows with the number of distinct
/// quotations, not with the square of the quotes (a story of 400 copies of one article holds
/// each quotation 400 times).
pub fn match_quotes(quotes: &[Quote]) -> Vec<QuoteMatch> {
    let words: Vec<Vec<String>> = quotes.iter().map(|q| words(&q.text)).collect();
    // Quotes with the same words, in order of first appearance, each with its quotes.
    let mut class_of: HashMap<&[String], usize> = HashMap::new();
    let mut classes: Vec<Vec<usize>> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let next = classes.len();
        let c = *class_of.entry(w.as_slice()).or_insert(next);
        if c == next {
            classes.push(Vec::new());
        }
        classes[c].push(i);
    }
    // Whether the quotes of a class all come from one article.
    let one_article: Vec<bool> = classes
        .iter()
        .map(|m| m.iter().all(|&i| quotes[i].article == quotes[m[0]].article))
        .collect();
    // Union-find over quotes: two quotes of different articles that are the same quotation are
    // one group. Quotes with the same words are the same quotation when not empty, so a class
    // that spans articles is one group; a class that joins another class joins it whole.
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    fn union(parent: &mut [usize], i: usize, j: usize) {
        let (ri, rj) = (root(parent, i), root(parent, j));
        if ri != rj {
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut joined = vec![false; classes.len()];
    for (c, members) in classes.iter().enumerate() {
        if !one_article[c] && !words[members[0]].is_empty() {
            joined[c] = true;
        }
        for d in c + 1..classes.len() {
            let other = &classes[d];
            // Some quote of one class is in another article than some quote of the other.
            let apart = !(one_article[c]
                && one_article[d]
                && quotes[members[0]].article == quotes[other[0]].article);
            if apart && same_quotation(&words[members[0]], &words[other[0]]) {
                union(&mut parent, members[0], other[0]);
                joined[c] = true;
                joined[d] = true;
            }
        }
    }
    for (c, members) in classes.iter().enumerate() {
        if joined[c] {
            for &i in &members[1..] {
                union(&mut parent, members[0], i);
            }
        }
    }
    let roots: Vec<usize> = (0..quotes.len()).map(|i| root(&mut parent, i)).collect();
    // Ids in order of first appearance (the smallest member index is the group's root).
    let mut ids = std::collections::BTreeMap::new();
    for &r in &roots {
        let next = ids.len() + 1;
        ids.entry(r).or_insert(next);
    }
    // Each group's fullest version (most words, then read first) and how many articles it spans.
    let mut groups: HashMap<usize, (usize, BTreeSet<usize>)> = HashMap::new();
    for (j, &r) in roots.iter().enumerate() {
        let (reference, articles) = groups.entry(r).or_insert((j, BTreeSet::new()));
        if words[j].len() > words[*reference].len() {
            *reference = j;
        }
        articles.insert(quotes[j].article);
    }
    // Similarity to the reference, worked out once per class and reference.
    let mut similarities: HashMap<(usize, usize), f32> = HashMap::new();
    (0..quotes.len())
        .map(|i| {
            let (reference, articles) = &groups[&roots[i]];
            let reference = *reference;
            let class = class_of[words[i].as_slice()];
            let similarity = *similarities
                .entry((class, reference))
                .or_insert_with(|| similarity(&words[i], &words[reference]));
            let kind = if articles.len() < 2 {
                MatchKind::Unique
            } else if words[i] == words[reference] {
                MatchKind::Exact
            } else if contained(&words[i], &words[reference]) {
                MatchKind::Truncated
            } else {
                MatchKind::Altered
            };
            QuoteMatch {
                quote_id: ids[&roots[i]],
                kind,
                similarity,
                reference,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn quote(article: usize, text: &str) -> Quote {
        Quote {
            article,
            sentence: 0,
            span: Span::default(),
            text: text.into(),
            speaker: None,
            cue: None,
            partial: false,
        }
    }

    #[test]
    fn cut_changed_and_unique_quotes_are_told_apart() {
        let full = "Our embassy in Baghdad got hit Sunday by several rockets. Guess where they were from: IRAN.";
        let quotes = [
            quote(0, full),
            quote(1, full),
            quote(2, "Guess where they were from: IRAN"),
            quote(
                3,
                "Our embassy in Baghdad got hit Sunday by several rockets. Guess where they came from: Iran.",
            ),
            quote(3, "Think it over."),
        ];
        let got: Vec<(usize, MatchKind)> = match_quotes(&quotes)
            .iter()
            .map(|m| (m.quote_id, m.kind))
            .collect();
        assert_eq!(
            got,
            [
                (1, MatchKind::Exact),
                (1, MatchKind::Exact),
                (1, MatchKind::Truncated),
                (1, MatchKind::Altered),
                (2, MatchKind::Unique)
            ]
        );
    }

    #[test]
    fn one_word_quotes_group_only_when_identical() {
        let quotes = [
            quote(0, "irresponsible"),
            quote(1, "We refute his irresponsible accusations"),
            quote(2, "irresponsible,"),
        ];
        let got: Vec<(usize, MatchKind)> = match_quotes(&quotes)
            .iter()
            .map(|m| (m.quote_id, m.kind))
            .collect();
        assert_eq!(
            got,
            [
                (1, MatchKind::Exact),
                (2, MatchKind::Unique),
                (1, MatchKind::Exact)
            ]
        );
    }

    #[test]
    fn quote_diffs_show_the_changed_words_as_written() {
        use crate::diff::WordChange::{Added, Equal, Removed};
        let got = quote_diff(
            "Guess where they were from: IRAN. Now we hear chatter",
            "Guess where they came from: Iran,",
        );
        assert_eq!(
            got,
            [
                Equal("Guess where they".into()),
                Removed("were".into()),
                Added("came".into()),
                Equal("from: Iran,".into()),
                Removed("Now we hear chatter".into())
            ]
        );
    }

    #[test]
    fn similarity_counts_words_kept_in_order() {
        let (a, b) = (
            words("guess where they were from"),
            words("guess where they came from"),
        );
        assert!((similarity(&a, &b) - 0.8).abs() < 1e-6);
    }
}
