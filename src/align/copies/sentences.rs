//! Sentence by sentence: how much of article A has a counterpart in article B, in the same
//! order. A spun copy (words swapped for synonyms, clauses turned around) keeps few 5-word runs
//! of its source but keeps its sentences: one after another, each says what the source's
//! sentence said with most of the same content words (compared by stem and synonym group,
//! [`OwnWord::key`](super::own_words::OwnWord)).
//!
//! Two sentences are counterparts when neither is more than twice as long as the other, the
//! Dice overlap of their content words reaches [`COUNTERPART_DICE`], and the words they have in
//! the same order (the longest common subsequence of their words, compared the same way) make
//! [`COUNTERPART_ORDER`] of the longer one: a spinner swaps words but keeps the sentence's
//! build, where an outlet telling the same fact in its own words builds its own sentence.
//! The counterparts are chosen by dynamic programming: one-to-one, in the same order in both
//! articles, covering as many of A's own words as possible.

use super::own_words::OwnWords;

/// Dice overlap of content words for two sentences to be counterparts.
pub const COUNTERPART_DICE: f32 = 0.45;
/// Share of the longer sentence's words that the two have in the same order (longest common
/// subsequence of word keys) for two sentences to be counterparts.
pub const COUNTERPART_ORDER: f32 = 0.6;
/// Sentences with fewer content words than this are too short to say whose they are.
pub const MIN_SENTENCE_TERMS: usize = 4;

/// One sentence's own words, as compared here.
#[derive(Debug, Clone)]
pub(super) struct Sentence {
    /// Content-word keys, sorted, each once.
    content: Vec<u64>,
    /// Every own word's key, in order.
    keys: Vec<u64>,
    /// `keys`, sorted, each once.
    key_set: Vec<u64>,
}

/// An article's sentences long enough to compare (at least [`MIN_SENTENCE_TERMS`] content
/// words of its own).
#[derive(Debug, Clone)]
pub(super) struct SentenceTerms {
    sentences: Vec<Sentence>,
}

impl SentenceTerms {
    pub fn of(own: &OwnWords) -> Self {
        let sentences = own
            .sentences
            .iter()
            .map(|range| {
                let words = &own.words[range.clone()];
                let mut content: Vec<u64> =
                    words.iter().filter(|w| w.content).map(|w| w.key).collect();
                content.sort_unstable();
                content.dedup();
                let keys: Vec<u64> = words.iter().map(|w| w.key).collect();
                let mut key_set = keys.clone();
                key_set.sort_unstable();
                key_set.dedup();
                Sentence {
                    content,
                    keys,
                    key_set,
                }
            })
            .filter(|s| s.content.len() >= MIN_SENTENCE_TERMS)
            .collect();
        Self { sentences }
    }

    /// Own words in the sentences long enough to compare.
    pub fn words(&self) -> usize {
        self.sentences.iter().map(|s| s.keys.len()).sum()
    }
}

/// How much of A has counterparts in B.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Counterparts {
    /// A's sentences with a counterpart.
    pub sentences: usize,
    /// Own words of A's sentences with a counterpart.
    pub words: usize,
    /// Share of A's own words (in sentences long enough to compare) whose sentence has a
    /// counterpart.
    pub coverage: f32,
    /// Own words of A's matched sentences that the counterpart also has (same stem, synonym
    /// group or word).
    pub shared_words: usize,
}

fn sorted_overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A's sentences with a counterpart in B, one-to-one and in order.
pub(super) fn counterparts(a: &SentenceTerms, b: &SentenceTerms) -> Counterparts {
    let (n, m) = (a.sentences.len(), b.sentences.len());
    if n == 0 || m == 0 {
        return Counterparts::default();
    }
    let pairs = |i: usize, j: usize| -> bool {
        let (x, y) = (&a.sentences[i], &b.sentences[j]);
        let (lx, ly) = (x.keys.len(), y.keys.len());
        if lx > 2 * ly || ly > 2 * lx {
            return false;
        }
        let shared = sorted_overlap(&x.content, &y.content);
        2.0 * shared as f32 / (x.content.len() + y.content.len()) as f32 >= COUNTERPART_DICE
            && lcs(&x.keys, &y.keys) as f32 >= COUNTERPART_ORDER * lx.max(ly) as f32
    };
    // best[i][j]: most of A's words matched among A's first i and B's first j sentences.
    let mut best = vec![vec![0usize; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            let mut v = best[i - 1][j].max(best[i][j - 1]);
            if pairs(i - 1, j - 1) {
                v = v.max(best[i - 1][j - 1] + a.sentences[i - 1].keys.len());
            }
            best[i][j] = v;
        }
    }
    let mut out = Counterparts::default();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        if best[i][j] == best[i - 1][j] {
            i -= 1;
        } else if best[i][j] == best[i][j - 1] {
            j -= 1;
        } else {
            let (x, y) = (&a.sentences[i - 1], &b.sentences[j - 1]);
            out.sentences += 1;
            out.words += x.keys.len();
            out.shared_words += x
                .keys
                .iter()
                .filter(|k| y.key_set.binary_search(k).is_ok())
                .count();
            i -= 1;
            j -= 1;
        }
    }
    out.coverage = out.words as f32 / a.words().max(1) as f32;
    out
}

/// Length of the longest common subsequence of two word sequences.
fn lcs(a: &[u64], b: &[u64]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> SentenceTerms {
        let article = crate::Article::from_text("a", text);
        SentenceTerms::of(&OwnWords::of(&crate::normalize(&article), &article.body))
    }

    const SOURCE: &str = "The council voted on Tuesday to close the old library on Mill Street. \
        Staff will move to the new building near the station by the end of June. \
        Readers who hold a card can borrow books from the mobile van until the move is over.";

    #[test]
    fn a_spun_copy_has_a_counterpart_for_every_sentence() {
        let spun = terms(
            "The council voted on Tuesday to shut the former library on Mill Street. \
             Employees will relocate to the new building close to the station by the end of June. \
             Readers who have a card can borrow books from the mobile van until the relocation is over.",
        );
        let c = counterparts(&spun, &terms(SOURCE));
        assert_eq!(c.sentences, 3);
        assert!((c.coverage - 1.0).abs() < 1e-6);
        // Every word but the swapped ones: shut, former, employees, relocate, close, have,
        // relocation.
        assert_eq!(c.shared_words, spun.words() - 7);
    }

    #[test]
    fn the_same_facts_in_other_sentences_are_no_counterparts() {
        let own_words = terms(
            "Mill Street will lose its old library, after a council vote on Tuesday. \
             By the end of June the staff are due at the new building near the station. \
             Until then a mobile van lends books to card holders.",
        );
        assert_eq!(counterparts(&own_words, &terms(SOURCE)).sentences, 0);
    }

    #[test]
    fn counterparts_keep_their_order() {
        let reordered = terms(
            "Readers who hold a card can borrow books from the mobile van until the move is over. \
             Staff will move to the new building near the station by the end of June. \
             The council voted on Tuesday to close the old library on Mill Street.",
        );
        assert_eq!(counterparts(&reordered, &terms(SOURCE)).sentences, 1);
    }
}
