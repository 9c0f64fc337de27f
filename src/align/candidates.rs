//! Candidate sentence pairs from an inverted index on terms, never from all pairs.
//!
//! Only sentences that share a term are compared. Terms held by very many sentences (more than
//! [`posting_cap`]) are generic in this story and do not propose pairs, which keeps the work
//! near-linear in the number of sentences for a story of many versions.

use super::terms::StoryTerms;
use std::collections::HashMap;

/// A sentence of the story: (article index, sentence index).
pub type SentenceId = (u32, u32);

/// Terms in more sentences than this propose no pairs: three per article, plus some slack.
pub fn posting_cap(articles: usize) -> usize {
    3 * articles + 10
}

/// Every pair of sentences in different articles that share at least one indexed term, with
/// the weight they share. Keys are ordered `(smaller id, larger id)`.
pub fn candidate_pairs(terms: &StoryTerms) -> HashMap<(SentenceId, SentenceId), f32> {
    let mut postings: Vec<Vec<(SentenceId, f32)>> =
        vec![Vec::new(); terms.document_frequency.len()];
    for (a, doc) in terms.sentences.iter().enumerate() {
        for (s, sentence) in doc.iter().enumerate() {
            for &(term, weight) in sentence {
                postings[term as usize].push(((a as u32, s as u32), weight));
            }
        }
    }
    let cap = posting_cap(terms.sentences.len());
    let mut pairs: HashMap<(SentenceId, SentenceId), f32> = HashMap::new();
    for posting in postings.iter().filter(|p| p.len() <= cap) {
        for (i, &(x, wx)) in posting.iter().enumerate() {
            for &(y, wy) in &posting[i + 1..] {
                if x.0 != y.0 {
                    *pairs.entry((x.min(y), x.max(y))).or_insert(0.0) += wx.min(wy);
                }
            }
        }
    }
    pairs
}
