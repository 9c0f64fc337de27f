//! Grouping sentences into alignment units.
//!
//! Edges (sentence pairs at or above the link threshold) are taken strongest first. Two groups
//! join when the edge between them is strong enough, they hold no two sentences of the same
//! article (unless those are neighbours, one outlet's two sentences for another's one, or the
//! article's headline and the sentence it restates), and the
//! groups agree on average, not only through one pair, so that unrelated sentences are not
//! chained together through an intermediary.

use super::candidates::SentenceId;
use std::collections::{HashMap, HashSet};

/// Thresholds for joining sentences into units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// An edge at least this similar can join two groups.
    pub link: f32,
    /// The mean similarity between the members of two groups must reach this for them to join.
    pub group_mean: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            link: 0.30,
            group_mean: 0.15,
        }
    }
}

/// Groups of sentences (each group sorted, each with two or more members) from scored pairs.
pub fn group(
    scores: &HashMap<(SentenceId, SentenceId), f32>,
    headlines: &HashSet<SentenceId>,
    t: Thresholds,
) -> Vec<Vec<SentenceId>> {
    let mut edges: Vec<(&(SentenceId, SentenceId), &f32)> =
        scores.iter().filter(|(_, s)| **s >= t.link).collect();
    edges.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));

    let mut group_of: HashMap<SentenceId, usize> = HashMap::new();
    let mut groups: Vec<Vec<SentenceId>> = Vec::new();
    for (&(x, y), _) in edges {
        let gx = group_of.get(&x).copied();
        let gy = group_of.get(&y).copied();
        if gx.is_some() && gx == gy {
            continue;
        }
        let members_x = gx.map_or_else(|| vec![x], |g| groups[g].clone());
        let members_y = gy.map_or_else(|| vec![y], |g| groups[g].clone());
        if !compatible(&members_x, &members_y, headlines)
            || mean_similarity(scores, &members_x, &members_y) < t.group_mean
        {
            continue;
        }
        let target = match (gx, gy) {
            (Some(g), _) | (None, Some(g)) => g,
            (None, None) => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        for &m in members_x.iter().chain(&members_y) {
            if group_of.get(&m) != Some(&target) {
                group_of.insert(m, target);
                groups[target].push(m);
            }
        }
        for g in [gx, gy].into_iter().flatten().filter(|&g| g != target) {
            groups[g].clear();
        }
    }
    let mut out: Vec<Vec<SentenceId>> = groups.into_iter().filter(|g| g.len() > 1).collect();
    for g in &mut out {
        g.sort();
    }
    out.sort();
    out
}

/// No article twice, except two adjacent sentences of one article (a split), plus the
/// article's headline.
fn compatible(a: &[SentenceId], b: &[SentenceId], headlines: &HashSet<SentenceId>) -> bool {
    let mut per_article: HashMap<u32, Vec<u32>> = HashMap::new();
    for &id in a.iter().chain(b) {
        if !headlines.contains(&id) {
            per_article.entry(id.0).or_default().push(id.1);
        }
    }
    per_article.values_mut().all(|s| {
        s.sort_unstable();
        s.len() == 1 || (s.len() == 2 && s[1] == s[0] + 1)
    })
}

/// Mean similarity over the pairs across the two groups in different articles (0 for pairs
/// never scored).
fn mean_similarity(
    scores: &HashMap<(SentenceId, SentenceId), f32>,
    a: &[SentenceId],
    b: &[SentenceId],
) -> f32 {
    let mut sum = 0.0;
    let mut n = 0;
    for &x in a {
        for &y in b {
            if x.0 != y.0 {
                sum += scores.get(&(x.min(y), x.max(y))).copied().unwrap_or(0.0);
                n += 1;
            }
        }
    }
    if n == 0 { 1.0 } else { sum / n as f32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(edges: &[(SentenceId, SentenceId, f32)]) -> HashMap<(SentenceId, SentenceId), f32> {
        edges
            .iter()
            .map(|&(a, b, s)| ((a.min(b), a.max(b)), s))
            .collect()
    }

    #[test]
    fn strong_pairs_join_and_weak_ones_do_not() {
        let s = scores(&[
            ((0, 0), (1, 0), 0.9),
            ((1, 0), (2, 0), 0.8),
            ((0, 0), (2, 0), 0.7),
            ((0, 1), (1, 1), 0.2),
        ]);
        assert_eq!(
            group(&s, &HashSet::new(), Thresholds::default()),
            vec![vec![(0, 0), (1, 0), (2, 0)]]
        );
    }

    #[test]
    fn no_chaining_through_an_intermediary() {
        // A~B strongly, B~C well enough, but A and C share nothing: C must not join A's unit.
        let s = scores(&[((0, 0), (1, 0), 0.9), ((1, 0), (2, 0), 0.5)]);
        let groups = group(
            &s,
            &HashSet::new(),
            Thresholds {
                link: 0.3,
                group_mean: 0.3,
            },
        );
        assert_eq!(groups, vec![vec![(0, 0), (1, 0)]]);
    }

    #[test]
    fn one_article_appears_once_unless_the_sentences_are_neighbours() {
        let s = scores(&[
            ((0, 0), (1, 0), 0.9),
            ((0, 0), (1, 1), 0.8),
            ((0, 0), (1, 5), 0.85),
        ]);
        let groups = group(
            &s,
            &HashSet::new(),
            Thresholds {
                link: 0.42,
                group_mean: 0.0,
            },
        );
        assert_eq!(groups, vec![vec![(0, 0), (1, 0), (1, 1)]]);
    }

    #[test]
    fn a_headline_may_join_the_sentence_it_restates() {
        let s = scores(&[((0, 0), (1, 0), 0.9), ((0, 0), (1, 4), 0.8)]);
        let headlines: HashSet<SentenceId> = [(1, 0)].into();
        let groups = group(
            &s,
            &headlines,
            Thresholds {
                link: 0.42,
                group_mean: 0.0,
            },
        );
        assert_eq!(groups, vec![vec![(0, 0), (1, 0), (1, 4)]]);
    }
}
