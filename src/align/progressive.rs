//! Large stories: the first articles aligned in full, every further article attached to the
//! units found so far.
//!
//! Scoring every pair of sentences that share a rare term costs work that grows with the
//! square of the story: when 200 sites carry the same wire story, each fact's sentence in one
//! article matches its sentence in the 199 others. Past [`SEED_ARTICLES`] articles, slant
//! aligns the first [`SEED_ARTICLES`] (in input order) as it does a small story, then takes the
//! remaining articles one at a time. Each sentence is compared only with the first
//! [`REPRESENTATIVES`] members of the [`UNITS_PER_SENTENCE`] units that share the most rare
//! term weight with it, and joins the unit it is most like on average (at least
//! [`Thresholds::attach`]), best offers first, one body sentence of the article per unit (two
//! neighbouring ones when the article splits what others say in one; its headline besides). A sentence
//! that joins nothing starts a unit of its own, which later articles can join. The work then
//! grows with the number of sentences, not with its square.
//!
//! The price: a later article's sentence that tells two things joins one unit without waiting
//! as a bridge does (see [`super::units`]), and units found in the seed articles are not
//! regrouped by what later articles say.

use super::candidates::{SentenceId, candidate_pairs_among};
use super::terms::StoryTerms;
use super::units::{self, Thresholds};
use super::{LINKED_SCORE, pair_score};
use crate::Doc;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Stories with more articles than this are aligned progressively.
pub const SEED_ARTICLES: usize = 16;
/// Members of a unit that a new sentence is compared with (the unit's first members).
pub const REPRESENTATIVES: usize = 8;
/// Units a new sentence is compared with: those sharing the most rare term weight with it.
pub const UNITS_PER_SENTENCE: usize = 8;

/// Groups of two or more sentences, the pair scores computed, and how many pairs were scored.
pub(crate) struct Progressive {
    pub groups: Vec<Vec<SentenceId>>,
    pub scores: HashMap<(SentenceId, SentenceId), f32>,
    pub comparisons: usize,
}

/// Aligns a story of more than [`SEED_ARTICLES`] articles (fewer work too).
pub(crate) fn align(
    docs: &[Doc],
    terms: &StoryTerms,
    headlines: &HashSet<SentenceId>,
    t: Thresholds,
    linked: &HashSet<(SentenceId, SentenceId)>,
) -> Progressive {
    let score = |x: SentenceId, y: SentenceId| {
        let s = pair_score(docs, terms, x, y);
        if linked.contains(&(x.min(y), x.max(y))) {
            s.max(LINKED_SCORE)
        } else {
            s
        }
    };
    let seed = SEED_ARTICLES.min(docs.len());
    let seed_pairs = candidate_pairs_among(terms, seed);
    let mut scores: HashMap<(SentenceId, SentenceId), f32> = seed_pairs
        .iter()
        .map(|&(x, y)| ((x, y), score(x, y)))
        .collect();
    let mut comparisons = seed_pairs.len();

    let mut units: Vec<Vec<SentenceId>> =
        units::group(&scores, headlines, t, &|x, y| terms.lead_share(x, y));
    let grouped: HashSet<SentenceId> = units.iter().flatten().copied().collect();
    for (a, sentences) in terms.sentences.iter().enumerate().take(seed) {
        for s in 0..sentences.len() {
            let id = (a as u32, s as u32);
            if !grouped.contains(&id) {
                units.push(vec![id]);
            }
        }
    }
    let mut index = UnitIndex::default();
    for (u, members) in units.iter().enumerate() {
        for &id in members.iter().take(REPRESENTATIVES) {
            index.add(u, id, terms);
        }
    }

    for (a, sentences) in terms.sentences.iter().enumerate().skip(seed) {
        let mut offers: Vec<(f32, u32, usize)> = Vec::new();
        for (s, sentence_terms) in sentences.iter().enumerate() {
            let x = (a as u32, s as u32);
            for u in index.nearest(sentence_terms, terms) {
                let representatives = &units[u][..units[u].len().min(REPRESENTATIVES)];
                let mut sum = 0.0;
                for &y in representatives {
                    let pair = score(x, y);
                    comparisons += 1;
                    scores.insert((x.min(y), x.max(y)), pair);
                    if pair >= t.floor {
                        sum += pair;
                    }
                }
                let mean = sum / representatives.len() as f32;
                if mean >= t.attach {
                    offers.push((mean, s as u32, u));
                }
            }
        }
        offers.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
        let mut placed: HashSet<u32> = HashSet::new();
        // A unit takes one body sentence of the article (two when they are neighbours: the
        // article says in two what others say in one), and its headline besides.
        let mut filled: HashMap<(usize, bool), Vec<u32>> = HashMap::new();
        for (_, s, u) in offers {
            let id = (a as u32, s);
            let slot = (u, headlines.contains(&id));
            if placed.contains(&s) {
                continue;
            }
            let taken = filled.get(&slot).map_or(&[][..], Vec::as_slice);
            let fits = match taken {
                [] => true,
                [one] => !slot.1 && one.abs_diff(s) == 1,
                _ => false,
            };
            if !fits {
                continue;
            }
            if units[u].len() < REPRESENTATIVES {
                index.add(u, id, terms);
            }
            units[u].push(id);
            placed.insert(s);
            filled.entry(slot).or_default().push(s);
        }
        for s in 0..sentences.len() as u32 {
            if !placed.contains(&s) {
                let id = (a as u32, s);
                index.add(units.len(), id, terms);
                units.push(vec![id]);
            }
        }
    }

    let mut groups: Vec<Vec<SentenceId>> = units.into_iter().filter(|g| g.len() > 1).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort();
    Progressive {
        groups,
        scores,
        comparisons,
    }
}

/// Term → the units whose representatives hold it (topic words left out).
#[derive(Default)]
struct UnitIndex {
    postings: HashMap<u32, BTreeSet<usize>>,
}

impl UnitIndex {
    fn add(&mut self, unit: usize, id: SentenceId, terms: &StoryTerms) {
        for &(term, _) in &terms.sentences[id.0 as usize][id.1 as usize] {
            if !terms.generic[term as usize] {
                self.postings.entry(term).or_default().insert(unit);
            }
        }
    }

    /// The units sharing the most term weight with a sentence, at most
    /// [`UNITS_PER_SENTENCE`], heaviest first (ties by unit order).
    fn nearest(&self, sentence: &[(u32, f32)], terms: &StoryTerms) -> Vec<usize> {
        let mut shared: HashMap<usize, f32> = HashMap::new();
        for &(term, weight) in sentence {
            if terms.generic[term as usize] {
                continue;
            }
            for &u in self.postings.get(&term).into_iter().flatten() {
                *shared.entry(u).or_insert(0.0) += weight;
            }
        }
        let mut ranked: Vec<(f32, usize)> = shared.into_iter().map(|(u, w)| (w, u)).collect();
        ranked.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
        ranked
            .into_iter()
            .take(UNITS_PER_SENTENCE)
            .map(|(_, u)| u)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::Article;

    /// `count` short articles telling the same two facts in turn-about wording.
    fn story(count: usize) -> Vec<Article> {
        (0..count)
            .map(|n| {
                let body = if n % 2 == 0 {
                    "Eight rockets struck the Green Zone on Sunday evening. \
                     The embassy's defense system was activated during the attack."
                } else {
                    "The embassy's defense system was activated during the attack. \
                     Eight rockets hit the Green Zone on Sunday."
                };
                Article::from_text(&format!("outlet-{n:02}"), body)
            })
            .collect()
    }

    #[test]
    fn later_articles_join_the_units_of_the_first() {
        let articles = story(super::SEED_ARTICLES + 9);
        let docs: Vec<crate::Doc> = articles.iter().map(crate::normalize).collect();
        let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
        let dates = vec![None; articles.len()];
        let alignment = crate::align::align(&docs, &bodies, &dates, Default::default());
        assert_eq!(alignment.units.len(), 2, "{:?}", alignment.units);
        for unit in &alignment.units {
            assert_eq!(unit.article_count(), articles.len());
            let first = &docs[unit.members[0].article].sentences[unit.members[0].sentence];
            // Every member says the same thing as the unit's first member.
            let says_rockets = |a: usize, s: usize| {
                let span = docs[a].sentences[s].span;
                articles[a].body[span.range()].contains("rockets")
            };
            let expected = says_rockets(unit.members[0].article, first.index);
            assert!(
                unit.members
                    .iter()
                    .all(|m| says_rockets(m.article, m.sentence) == expected)
            );
        }
    }

    #[test]
    fn a_later_article_s_headline_joins_the_unit_of_its_lead() {
        let articles: Vec<Article> = story(super::SEED_ARTICLES + 4)
            .into_iter()
            .map(|a| {
                let body = format!("Rockets strike the Green Zone\n\n{}", a.body);
                Article::from_text(&a.id, &body)
            })
            .collect();
        let docs: Vec<crate::Doc> = articles.iter().map(crate::normalize).collect();
        let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
        let dates = vec![None; articles.len()];
        let alignment = crate::align::align(&docs, &bodies, &dates, Default::default());
        let unit_of = |a: usize, s: usize| {
            alignment
                .units
                .iter()
                .position(|u| u.members.iter().any(|m| m.article == a && m.sentence == s))
        };
        for (a, doc) in docs.iter().enumerate() {
            assert_eq!(
                doc.sentences[0].kind,
                crate::normalize::SentenceKind::Headline
            );
            let lead = (1..doc.sentences.len())
                .find(|&s| {
                    articles[a].body[doc.sentences[s].span.range()].contains("Rockets")
                        || articles[a].body[doc.sentences[s].span.range()].contains("rockets")
                })
                .expect("a rockets sentence");
            assert_eq!(unit_of(a, 0), unit_of(a, lead), "article {a}");
        }
    }
}
