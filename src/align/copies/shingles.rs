//! Word 5-shingles of an article's own words, and what one article shares of another's.
//!
//! A shingle is five consecutive own words (never across a quotation). For two articles A and
//! B: the containment of A in B is the share of A's distinct shingles that B also has; A's
//! shared words are its own words inside at least one shingle B also has; a lifted passage is a
//! chain of unbroken shared runs of at least [`MIN_RUN_WORDS`] words that B holds in the same
//! order, gaps of up to [`MAX_GAP`] words (a word changed here and there) bridged.

use super::own_words::{OwnWords, hash_of};
use std::collections::HashMap;

/// Shingle length in words.
pub const SHINGLE_WORDS: usize = 5;
/// A lifted passage may skip this many words that the other article words differently.
pub const MAX_GAP: usize = 3;
/// Unbroken shared runs shorter than this take no part in a lifted passage.
pub const MIN_RUN_WORDS: usize = 8;

/// An article's shingles.
#[derive(Debug, Clone, Default)]
pub(super) struct Shingles {
    /// At each own-word position, the hash of the shingle starting there (`None` where fewer
    /// than five words of the same segment follow).
    pub at: Vec<Option<u64>>,
    /// Distinct shingle hashes, sorted.
    pub distinct: Vec<u64>,
    /// Each distinct shingle's first position.
    pub first: HashMap<u64, usize>,
}

impl Shingles {
    pub fn of(own: &OwnWords) -> Self {
        let words = &own.words;
        let at: Vec<Option<u64>> = (0..words.len())
            .map(|i| {
                let window = words.get(i..i + SHINGLE_WORDS)?;
                let one_segment = window[0].segment == window[SHINGLE_WORDS - 1].segment;
                one_segment.then(|| hash_of(window.iter().map(|w| w.text).collect::<Vec<_>>()))
            })
            .collect();
        let mut first = HashMap::new();
        for (i, h) in at.iter().enumerate() {
            if let Some(h) = h {
                first.entry(*h).or_insert(i);
            }
        }
        let mut distinct: Vec<u64> = first.keys().copied().collect();
        distinct.sort_unstable();
        Self {
            at,
            distinct,
            first,
        }
    }

    pub fn contains(&self, h: u64) -> bool {
        self.distinct.binary_search(&h).is_ok()
    }
}

/// What article A shares of article B's wording, word for word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Overlap {
    /// Share of A's distinct shingles that B has, 0..1.
    pub containment: f32,
    /// A's own words inside a shingle that B has.
    pub shared_words: usize,
    /// Shared words of A's longest lifted passage.
    pub longest_passage: usize,
}

/// How much of `a` stands in `b`, word for word.
pub(super) fn overlap(a: &Shingles, b: &Shingles) -> Overlap {
    if a.distinct.is_empty() {
        return Overlap::default();
    }
    let shared_distinct = a.distinct.iter().filter(|h| b.contains(**h)).count();
    let words = a.at.len();
    let mut covered = vec![false; words];
    // Shingles of A that B has: (position in A, position in B).
    let mut matched: Vec<(usize, usize)> = Vec::new();
    for (i, h) in a.at.iter().enumerate() {
        let Some(&j) = h.and_then(|h| b.first.get(&h)) else {
            continue;
        };
        matched.push((i, j));
        covered[i..i + SHINGLE_WORDS].fill(true);
    }
    Overlap {
        containment: shared_distinct as f32 / a.distinct.len() as f32,
        shared_words: covered.iter().filter(|c| **c).count(),
        longest_passage: longest_passage(&matched),
    }
}

/// An unbroken run of shared words: word positions `[a.0, a.1)` in A, `[b.0, b.1)` in B.
#[derive(Debug, Clone, Copy)]
struct Run {
    a: (usize, usize),
    b: (usize, usize),
}

/// The runs of shared shingles that follow each other word by word in both articles.
fn runs(matched: &[(usize, usize)]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for &(i, j) in matched {
        let extends = last.is_some_and(|(p, q)| i == p + 1 && j == q + 1);
        match out.last_mut() {
            Some(run) if extends => {
                run.a.1 = i + SHINGLE_WORDS;
                run.b.1 = j + SHINGLE_WORDS;
            }
            _ => out.push(Run {
                a: (i, i + SHINGLE_WORDS),
                b: (j, j + SHINGLE_WORDS),
            }),
        }
        last = Some((i, j));
    }
    out
}

/// The words of the longest passage: a chain of runs of at least [`MIN_RUN_WORDS`] words,
/// each starting at most [`MAX_GAP`] words after the last one ends, in A and in B. Short runs
/// do not count: names and stock phrases ("the Calder Harbour Workers Union") are shared by
/// outlets that write their own sentences.
fn longest_passage(matched: &[(usize, usize)]) -> usize {
    let (mut best, mut current) = (0, 0);
    let mut last: Option<Run> = None;
    for run in runs(matched)
        .into_iter()
        .filter(|r| r.a.1 - r.a.0 >= MIN_RUN_WORDS)
    {
        let follows = last.is_some_and(|prev| {
            let within = |from: usize, to: usize| to >= from && to - from <= MAX_GAP;
            within(prev.a.1, run.a.0) && within(prev.b.1, run.b.0)
        });
        if !follows {
            current = 0;
        }
        current += run.a.1 - run.a.0;
        best = best.max(current);
        last = Some(run);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shingles(text: &str) -> Shingles {
        let article = crate::Article::from_text("a", text);
        Shingles::of(&OwnWords::of(&crate::normalize(&article), &article.body))
    }

    #[test]
    fn a_passage_bridges_a_changed_word_but_not_a_jump_elsewhere() {
        let original = shingles(
            "The harbour authority closed the north gate on Monday after a crane toppled onto \
             two parked trucks near the fish market. Nobody was hurt, but traffic backed up \
             along the coast road for most of the afternoon.",
        );
        // One word changed in the middle: still one passage of all the other words.
        let edited = shingles(
            "The harbour authority closed the north gate on Monday after a crane fell onto two \
             parked trucks near the fish market. Nobody was hurt, but traffic backed up along \
             the coast road for most of the afternoon.",
        );
        let o = overlap(&edited, &original);
        assert_eq!(
            (o.shared_words, o.longest_passage),
            (36, 36),
            "37 words, one changed"
        );
        // The same two halves in the other order are two passages.
        let swapped = shingles(
            "Nobody was hurt, but traffic backed up along the coast road for most of the \
             afternoon. The harbour authority closed the north gate on Monday after a crane \
             toppled onto two parked trucks near the fish market.",
        );
        let o = overlap(&swapped, &original);
        assert_eq!(
            (o.shared_words, o.longest_passage),
            (37, 21),
            "sentences of 21 and 16"
        );
    }

    #[test]
    fn runs_shorter_than_eight_words_make_no_passage() {
        let a = shingles(
            "The union of harbour dock workers said the owners of the northern terminal had \
             refused any talks about the pay offer and the plan for automated cranes before \
             the end of the month.",
        );
        let b = shingles(
            "The union of harbour dock workers claimed the owners of the northern terminal \
             have refused any talks about the pay offer or the plan for automated cranes \
             until the end of the month.",
        );
        let o = overlap(&a, &b);
        // Runs of 6, 6, 7, 5 and 5 words, one word apart.
        assert_eq!((o.shared_words, o.longest_passage), (29, 0));
    }
}
