//! Near-copies: one article republishing another (wire copy, a reposted piece).
//!
//! Each article becomes a set of word 5-shingles taken from its own words: text inside
//! quotation marks is left out, so two outlets that quote the same long statement are not
//! taken for copies. For two articles A and B, the containment of A in B is the share of A's
//! shingles that B also has.
//!
//! Rule: A is a near-copy of B when at least [`MIN_CONTAINMENT`] of A's shingles are in B and A
//! has at least [`MIN_SHINGLES`]. Of two articles that contain each other, the original is the
//! one dated earlier; with the same (or no) date, the fuller one (more shingles); then the one
//! read first. `copy_similarity` is the containment of the copy in its original.

use crate::Doc;
use serde::Serialize;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Shingle length in words.
pub const SHINGLE_WORDS: usize = 5;
/// Share of an article's shingles that must appear in the other for it to count as a copy.
pub const MIN_CONTAINMENT: f32 = 0.5;
/// Articles with fewer shingles than this are too short to call copies.
pub const MIN_SHINGLES: usize = 15;

/// `article` (an index) is a near-copy of `original`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NearCopy {
    pub article: usize,
    pub original: usize,
    /// Containment of the copy in the original, 0..1.
    pub similarity: f32,
}

/// The article's shingles: hashes of five consecutive words outside quotation marks.
pub fn shingles(doc: &Doc) -> HashSet<u64> {
    let words: Vec<&str> = doc
        .sentences
        .iter()
        .flat_map(|s| {
            let quoted = quoted_ranges(&doc.text[s.norm.range()], s.norm.start);
            doc.sentence_tokens(s.index)
                .iter()
                .filter(move |t| {
                    !quoted
                        .iter()
                        .any(|q| q.0 <= t.norm.start && t.norm.end <= q.1)
                })
                .map(|t| t.text.as_str())
        })
        .collect();
    words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Byte ranges (offset by `base`) between paired double quotes in folded text.
fn quoted_ranges(text: &str, base: usize) -> Vec<(usize, usize)> {
    let marks: Vec<usize> = text.match_indices('"').map(|(i, _)| base + i).collect();
    if !marks.len().is_multiple_of(2) {
        return Vec::new();
    }
    marks.chunks(2).map(|p| (p[0], p[1] + 1)).collect()
}

fn containment(a: &HashSet<u64>, b: &HashSet<u64>) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|h| b.contains(h)).count() as f32 / a.len() as f32
}

/// Finds near-copies. `dates` are the articles' dates (ISO dates compare as text).
pub fn find(docs: &[Doc], dates: &[Option<&str>]) -> Vec<NearCopy> {
    let sets: Vec<HashSet<u64>> = docs.iter().map(shingles).collect();
    let mut best: Vec<Option<NearCopy>> = vec![None; docs.len()];
    for a in 0..docs.len() {
        for b in a + 1..docs.len() {
            let (in_b, in_a) = (
                containment(&sets[a], &sets[b]),
                containment(&sets[b], &sets[a]),
            );
            let a_copies = in_b >= MIN_CONTAINMENT && sets[a].len() >= MIN_SHINGLES;
            let b_copies = in_a >= MIN_CONTAINMENT && sets[b].len() >= MIN_SHINGLES;
            let copy = match (a_copies, b_copies) {
                (false, false) => continue,
                (true, false) => NearCopy {
                    article: a,
                    original: b,
                    similarity: in_b,
                },
                (false, true) => NearCopy {
                    article: b,
                    original: a,
                    similarity: in_a,
                },
                (true, true) => {
                    let a_is_original = match (dates[a], dates[b]) {
                        (Some(da), Some(db)) if da != db => da < db,
                        _ => sets[a].len() >= sets[b].len(),
                    };
                    if a_is_original {
                        NearCopy {
                            article: b,
                            original: a,
                            similarity: in_a,
                        }
                    } else {
                        NearCopy {
                            article: a,
                            original: b,
                            similarity: in_b,
                        }
                    }
                }
            };
            let slot = &mut best[copy.article];
            if slot.is_none_or(|s| copy.similarity > s.similarity) {
                *slot = Some(copy);
            }
        }
    }
    best.into_iter().flatten().collect()
}
