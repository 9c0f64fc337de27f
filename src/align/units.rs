//! Grouping sentences into alignment units by average-linkage clustering.
//!
//! Every sentence starts as a group of its own. The two groups whose members are most alike
//! on average (the mean similarity over all pairs across them, a pair never scored counting as
//! 0) join first, and so on while that mean stays at or above [`Thresholds::link`]. Averaging
//! over all pairs keeps unrelated sentences from being chained together through one
//! intermediary. Two groups never join if the result would hold two sentences of the same
//! article, except two neighbouring sentences (one outlet's two sentences for another's one)
//! and the article's headline with the sentence it restates.
//!
//! A sentence that tells two things another article tells in two sentences (a bridge) would
//! pull both units into one: bridges take no part while groups form, and afterwards each joins
//! the group that tells its main claim (what the first half of the sentence says, after any
//! opening "X said that").

use super::candidates::SentenceId;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet};

/// Thresholds for joining sentences into units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Two groups join while the mean similarity across them is at least this.
    pub link: f32,
    /// Pairs less similar than this count as unrelated (0).
    pub floor: f32,
    /// A sentence left alone joins a group when its mean similarity to it reaches this.
    pub attach: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            link: 0.20,
            floor: 0.10,
            attach: 0.16,
        }
    }
}

/// A possible join, ordered by mean similarity, then by group indices (for determinism).
#[derive(Debug, PartialEq)]
struct Join {
    mean: f32,
    a: usize,
    b: usize,
    versions: (u32, u32),
}

impl Eq for Join {}

impl Ord for Join {
    fn cmp(&self, other: &Self) -> Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

impl PartialOrd for Join {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Groups of sentences (each sorted, each with two or more members, sorted) from scored pairs.
/// `main_claim(x, y)` says how much of `x`'s main claim `y` tells (0 to 1).
pub fn group(
    scores: &HashMap<(SentenceId, SentenceId), f32>,
    headlines: &HashSet<SentenceId>,
    t: Thresholds,
    main_claim: &dyn Fn(SentenceId, SentenceId) -> f32,
) -> Vec<Vec<SentenceId>> {
    // Sentences that tell two things (bridges) take no part while groups form; they join the
    // group that tells their main claim afterwards (see `attach_loose`). Bridges with no such
    // group are then grouped with the other sentences left over, as any sentence is.
    let bridges = bridges(scores, headlines);
    let mut out = cluster(scores, headlines, t, &bridges, main_claim);
    if !bridges.is_empty() {
        let grouped: HashSet<SentenceId> = out.iter().flatten().copied().collect();
        let rest: HashMap<(SentenceId, SentenceId), f32> = scores
            .iter()
            .filter(|((x, y), _)| !grouped.contains(x) && !grouped.contains(y))
            .map(|(&k, &s)| (k, s))
            .collect();
        out.extend(cluster(&rest, headlines, t, &HashSet::new(), main_claim));
        out.sort();
    }
    out
}

/// Average-linkage clustering with bridges left out, then lone sentences and bridges attached.
fn cluster(
    raw_scores: &HashMap<(SentenceId, SentenceId), f32>,
    headlines: &HashSet<SentenceId>,
    t: Thresholds,
    bridges: &HashSet<SentenceId>,
    main_claim: &dyn Fn(SentenceId, SentenceId) -> f32,
) -> Vec<Vec<SentenceId>> {
    let scaled: HashMap<(SentenceId, SentenceId), f32> = raw_scores
        .iter()
        .filter(|((x, y), _)| !bridges.contains(x) && !bridges.contains(y))
        .map(|(&k, &s)| (k, s))
        .collect();
    let scores = &scaled;
    // Only sentences with at least one usable pair take part; ids in sorted order.
    let mut ids: BTreeSet<SentenceId> = BTreeSet::new();
    for (&(x, y), &s) in raw_scores {
        if s >= t.floor {
            ids.insert(x);
            ids.insert(y);
        }
    }
    let ids: Vec<SentenceId> = ids.into_iter().collect();
    let index: HashMap<SentenceId, usize> =
        ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();

    let mut members: Vec<Vec<SentenceId>> = ids.iter().map(|&id| vec![id]).collect();
    let mut versions: Vec<u32> = vec![0; ids.len()];
    // Sum of similarities between two live groups, keyed by (smaller, larger) group index.
    let mut sums: Vec<BTreeMap<usize, f32>> = vec![BTreeMap::new(); ids.len()];
    let mut pairs: Vec<(&(SentenceId, SentenceId), &f32)> =
        scores.iter().filter(|(_, s)| **s >= t.floor).collect();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    for (&(x, y), &s) in pairs {
        let (a, b) = (index[&x], index[&y]);
        sums[a].insert(b, s);
        sums[b].insert(a, s);
    }
    let mut heap = BinaryHeap::new();
    for (a, row) in sums.iter().enumerate() {
        for (&b, &sum) in row {
            if a < b {
                heap.push(Join {
                    mean: sum,
                    a,
                    b,
                    versions: (0, 0),
                });
            }
        }
    }
    while let Some(join) = heap.pop() {
        if join.mean < t.link {
            break;
        }
        let (a, b) = (join.a, join.b);
        if members[a].is_empty()
            || members[b].is_empty()
            || join.versions != (versions[a], versions[b])
        {
            continue; // stale
        }
        if !compatible(&members[a], &members[b], headlines) {
            continue;
        }
        // b joins a.
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        versions[a] += 1;
        versions[b] += 1;
        let b_sums = std::mem::take(&mut sums[b]);
        sums[a].remove(&b);
        for (c, sum) in b_sums {
            if c == a {
                continue;
            }
            sums[c].remove(&b);
            *sums[a].entry(c).or_insert(0.0) += sum;
            *sums[c].entry(a).or_insert(0.0) += sum;
        }
        for (&c, &sum) in &sums[a] {
            let mean = sum / cross_article_pairs(&members[a], &members[c]).max(1) as f32;
            let (x, y) = (a.min(c), a.max(c));
            heap.push(Join {
                mean,
                a: x,
                b: y,
                versions: (versions[x], versions[y]),
            });
        }
    }
    attach_loose(&mut members, headlines, t, raw_scores, bridges, main_claim);
    let mut out: Vec<Vec<SentenceId>> = members.into_iter().filter(|g| g.len() > 1).collect();
    for g in &mut out {
        g.sort();
    }
    out.sort();
    out
}

/// A sentence left alone, or a group made only of bridges, joins the group it is most like on
/// average (on the full scores) when that mean reaches [`Thresholds::attach`]: one sentence
/// adds few pairs, so it may join on weaker evidence than two groups may merge on.
fn attach_loose(
    members: &mut [Vec<SentenceId>],
    headlines: &HashSet<SentenceId>,
    t: Thresholds,
    raw: &HashMap<(SentenceId, SentenceId), f32>,
    bridges: &HashSet<SentenceId>,
    main_claim: &dyn Fn(SentenceId, SentenceId) -> f32,
) {
    let loose = |g: &[SentenceId]| g.len() == 1 || g.iter().all(|x| bridges.contains(x));
    let raw_mean = |a: &[SentenceId], c: &[SentenceId]| {
        let mut sum = 0.0;
        for &x in a {
            for &y in c.iter().filter(|y| y.0 != x.0) {
                let s = raw.get(&(x.min(y), x.max(y))).copied().unwrap_or(0.0);
                if s >= t.floor {
                    sum += s;
                }
            }
        }
        sum / cross_article_pairs(a, c).max(1) as f32
    };
    let mut neighbours: HashMap<SentenceId, Vec<SentenceId>> = HashMap::new();
    for (&(x, y), &s) in raw {
        if s >= t.floor {
            neighbours.entry(x).or_default().push(y);
            neighbours.entry(y).or_default().push(x);
        }
    }
    let group_of: HashMap<SentenceId, usize> = members
        .iter()
        .enumerate()
        .flat_map(|(g, m)| m.iter().map(move |&x| (x, g)))
        .collect();
    let mut offers: Vec<(f32, usize, usize)> = Vec::new();
    for (a, group) in members.iter().enumerate() {
        if group.is_empty() || !loose(group) {
            continue;
        }
        // Groups this one has usable pairs with.
        let mut near: BTreeSet<usize> = BTreeSet::new();
        for x in group {
            for y in neighbours.get(x).into_iter().flatten() {
                near.insert(group_of[y]);
            }
        }
        near.remove(&a);
        let mut own: Vec<(f32, usize, usize)> = near
            .into_iter()
            .filter(|&c| members[c].len() > 1 && !loose(&members[c]))
            .map(|c| (raw_mean(group, &members[c]), a, c))
            .filter(|o| o.0 >= t.attach)
            .collect();
        // Bridges join the group that tells their main claim (the first half of the
        // sentence), not the one that shares the most words.
        if group.iter().all(|x| bridges.contains(x)) {
            let claim = |c: usize| {
                let mut pairs = 0;
                let mut sum = 0.0;
                for &x in group {
                    for &y in members[c].iter().filter(|y| y.0 != x.0) {
                        sum += main_claim(x, y);
                        pairs += 1;
                    }
                }
                sum / pairs.max(1) as f32
            };
            let best = own.iter().map(|o| (claim(o.2), o.0, o.2)).max_by(|p, q| {
                p.0.total_cmp(&q.0)
                    .then(p.1.total_cmp(&q.1))
                    .then(q.2.cmp(&p.2))
            });
            own.retain(|o| best.is_some_and(|b| b.2 == o.2));
        }
        offers.extend(own);
    }
    offers.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut moved_away: HashSet<usize> = HashSet::new();
    for (_, a, c) in offers {
        if moved_away.contains(&a) || members[a].is_empty() || members[c].is_empty() {
            continue;
        }
        if compatible(&members[a], &members[c], headlines) {
            let moved = std::mem::take(&mut members[a]);
            members[c].extend(moved);
            moved_away.insert(a);
        }
    }
}

/// Pairs across the two groups whose sentences are in different articles (only those are
/// ever scored).
fn cross_article_pairs(a: &[SentenceId], b: &[SentenceId]) -> usize {
    a.iter()
        .map(|x| b.iter().filter(|y| y.0 != x.0).count())
        .sum()
}

/// No article twice, except the article's headline with the sentence it restates, and two
/// adjacent sentences of one article when another article of the group says in one sentence
/// what they say in two (a split). Identical copies of an article have no such other article,
/// so their neighbouring sentences stay apart.
fn compatible(a: &[SentenceId], b: &[SentenceId], headlines: &HashSet<SentenceId>) -> bool {
    let mut per_article: HashMap<u32, Vec<u32>> = HashMap::new();
    for &id in a.iter().chain(b) {
        if !headlines.contains(&id) {
            per_article.entry(id.0).or_default().push(id.1);
        }
    }
    let has_single = per_article.values().any(|s| s.len() == 1);
    per_article.values_mut().all(|s| {
        s.sort_unstable();
        s.len() <= 1 || (has_single && s.len() == 2 && s[1] == s[0] + 1)
    })
}

/// A pair scoring at least this makes a sentence's match "strong" when looking for bridges.
const BRIDGE_MATCH: f32 = 0.3;

/// Bridges: sentences that match two sentences of one other article well (neither a
/// headline, not neighbours), such as "Trump blamed Iran for the attack and said he would
/// hold Tehran responsible" against an article that reports the blame and the warning apart.
/// Left to join early, a bridge pulls the two units into one.
fn bridges(
    scores: &HashMap<(SentenceId, SentenceId), f32>,
    headlines: &HashSet<SentenceId>,
) -> HashSet<SentenceId> {
    let mut partners: HashMap<(SentenceId, u32), Vec<u32>> = HashMap::new();
    for (&(x, y), &s) in scores {
        if s < BRIDGE_MATCH || headlines.contains(&x) || headlines.contains(&y) {
            continue;
        }
        partners.entry((x, y.0)).or_default().push(y.1);
        partners.entry((y, x.0)).or_default().push(x.1);
    }
    let mut out = HashSet::new();
    for ((x, _), mut sentences) in partners {
        sentences.sort_unstable();
        if sentences.len() >= 2 && sentences.last().unwrap() - sentences[0] >= 2 {
            out.insert(x);
        }
    }
    out
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

    /// Thresholds chosen for these small cases, so the tests do not follow the defaults.
    const T: Thresholds = Thresholds {
        link: 0.3,
        floor: 0.1,
        attach: 0.3,
    };

    fn run(
        edges: &[(SentenceId, SentenceId, f32)],
        headlines: &[SentenceId],
    ) -> Vec<Vec<SentenceId>> {
        group(
            &scores(edges),
            &headlines.iter().copied().collect(),
            T,
            &|_, _| 0.0,
        )
    }

    #[test]
    fn a_lone_sentence_attaches_on_weaker_evidence_than_groups_merge_on() {
        // (2,0) is like the group on average (0.25): below `link`, above a lower `attach`.
        let edges = [((0, 0), (1, 0), 0.9), ((1, 0), (2, 0), 0.5)];
        let t = Thresholds { attach: 0.2, ..T };
        assert_eq!(
            group(&scores(&edges), &HashSet::new(), t, &|_, _| 0.0),
            vec![vec![(0, 0), (1, 0), (2, 0)]]
        );
    }

    #[test]
    fn alike_sentences_join_and_weak_pairs_do_not() {
        let edges = [
            ((0, 0), (1, 0), 0.9),
            ((1, 0), (2, 0), 0.8),
            ((0, 0), (2, 0), 0.7),
            ((0, 1), (1, 1), 0.2),
        ];
        assert_eq!(run(&edges, &[]), vec![vec![(0, 0), (1, 0), (2, 0)]]);
    }

    #[test]
    fn no_chaining_through_an_intermediary() {
        // A~B strongly, B~C well, but A and C share nothing: the mean (0.25) is too low.
        let edges = [((0, 0), (1, 0), 0.9), ((1, 0), (2, 0), 0.5)];
        assert_eq!(run(&edges, &[]), vec![vec![(0, 0), (1, 0)]]);
    }

    #[test]
    fn one_article_appears_once_unless_the_sentences_are_neighbours() {
        let edges = [
            ((0, 0), (1, 0), 0.9),
            ((0, 0), (1, 1), 0.8),
            ((0, 0), (1, 5), 0.85),
        ];
        assert_eq!(run(&edges, &[]), vec![vec![(0, 0), (1, 0), (1, 1)]]);
    }

    #[test]
    fn a_headline_may_join_the_sentence_it_restates() {
        let edges = [((0, 0), (1, 0), 0.9), ((0, 0), (1, 4), 0.8)];
        assert_eq!(run(&edges, &[(1, 0)]), vec![vec![(0, 0), (1, 0), (1, 4)]]);
    }

    #[test]
    fn a_sentence_telling_two_things_joins_late() {
        // Articles 0 and 1 tell "blame" (x,1) and "warning" (x,4) apart. Articles 2 and 3 are
        // copies telling both in one sentence (bridges). Article 4 tells only the warning, and
        // is most like the bridges: joining them early would carry it into the blame unit.
        let edges = [
            ((0, 1), (1, 1), 0.8),
            ((0, 4), (1, 4), 0.8),
            ((2, 1), (3, 1), 1.0),
            ((2, 1), (0, 1), 0.5),
            ((2, 1), (1, 1), 0.5),
            ((3, 1), (0, 1), 0.5),
            ((3, 1), (1, 1), 0.5),
            ((2, 1), (0, 4), 0.45),
            ((2, 1), (1, 4), 0.45),
            ((3, 1), (0, 4), 0.45),
            ((3, 1), (1, 4), 0.45),
            ((4, 1), (2, 1), 0.6),
            ((4, 1), (3, 1), 0.6),
            ((4, 1), (0, 4), 0.4),
            ((4, 1), (1, 4), 0.4),
        ];
        assert_eq!(
            run(&edges, &[]),
            vec![
                vec![(0, 1), (1, 1), (2, 1), (3, 1)],
                vec![(0, 4), (1, 4), (4, 1)]
            ]
        );
    }

    #[test]
    fn result_does_not_depend_on_input_order() {
        let edges = [
            ((0, 0), (1, 0), 0.5),
            ((0, 0), (2, 0), 0.5),
            ((1, 0), (2, 0), 0.5),
            ((0, 1), (2, 1), 0.5),
        ];
        let mut reversed = edges;
        reversed.reverse();
        assert_eq!(run(&edges, &[]), run(&reversed, &[]));
    }
}
