//! Candidate sentence pairs from an inverted index on terms, never from all pairs.
//!
//! Terms in more sentences than [`posting_cap`] are the story's topic words ("Iran", "rocket"):
//! they are not indexed, so sentences that share only the topic are not proposed. Two sentences
//! of different articles are a candidate pair when they share an indexed term.
//!
//! When every version reports the same facts, the pairs that really match already grow with
//! the square of the number of versions (each fact's sentence in one article matches its
//! sentence in every other), so no index of sentences can propose far fewer; what the index
//! saves is the pairs that share only the topic. Large stories are therefore aligned
//! progressively ([`super::progressive`]): later articles meet units, not sentences.

use super::terms::StoryTerms;
use std::collections::HashSet;

/// A sentence of the story: (article index, sentence index).
pub type SentenceId = (u32, u32);

/// Terms in more sentences than this are topic words: three per article, plus slack.
pub fn posting_cap(articles: usize) -> usize {
    3 * articles + 10
}

/// Pairs of sentences in different articles that share an indexed term, sorted, each once as
/// `(smaller id, larger id)`.
pub fn candidate_pairs(terms: &StoryTerms) -> Vec<(SentenceId, SentenceId)> {
    candidate_pairs_among(terms, terms.sentences.len())
}

/// [`candidate_pairs`] among the first `articles` articles only.
pub fn candidate_pairs_among(terms: &StoryTerms, articles: usize) -> Vec<(SentenceId, SentenceId)> {
    let mut postings: Vec<Vec<SentenceId>> = vec![Vec::new(); terms.document_frequency.len()];
    for (a, doc) in terms.sentences.iter().enumerate().take(articles) {
        for (s, sentence) in doc.iter().enumerate() {
            for &(term, _) in sentence.iter().filter(|t| !terms.generic[t.0 as usize]) {
                postings[term as usize].push((a as u32, s as u32));
            }
        }
    }
    let mut pairs: HashSet<(SentenceId, SentenceId)> = HashSet::new();
    for posting in &postings {
        for (i, &x) in posting.iter().enumerate() {
            for &y in &posting[i + 1..] {
                if x.0 != y.0 {
                    pairs.insert((x.min(y), x.max(y)));
                }
            }
        }
    }
    let mut pairs: Vec<_> = pairs.into_iter().collect();
    pairs.sort_unstable();
    pairs
}
