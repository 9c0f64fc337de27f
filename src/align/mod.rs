//! Lining up the sentences of several versions of one story.
//!
//! [`align`] scores sentence pairs proposed by an inverted index ([`candidates`]) with a
//! paraphrase-tolerant similarity ([`similarity`] over [`terms`]), groups them into units
//! ([`units`]) and finds copies between articles, whole or in part ([`copies`]). Every sentence ends up
//! in exactly one [`Unit`]; a sentence nobody else has is a unit of one. Past
//! [`progressive::SEED_ARTICLES`] articles, later articles are attached to the units of the
//! first ones ([`progressive`]).

pub mod candidates;
pub mod copies;
pub mod progressive;
pub mod similarity;
pub mod terms;
pub mod units;

use crate::Doc;
use crate::normalize::SentenceKind;
pub use candidates::SentenceId;
pub use copies::{CopyKind, CopyPair};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
pub use units::Thresholds;

/// One sentence in a unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Member {
    /// Index of the article (in input order).
    pub article: usize,
    /// Index of the sentence in its article.
    pub sentence: usize,
    /// Best similarity to another member of the unit; `None` in a unit of one.
    pub similarity: Option<f32>,
}

/// Sentences of different articles that report the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    /// 1-based, in order of first appearance.
    pub id: usize,
    /// Sorted by article, then sentence.
    pub members: Vec<Member>,
}

impl Unit {
    /// Number of distinct articles in the unit.
    pub fn article_count(&self) -> usize {
        let mut articles: Vec<usize> = self.members.iter().map(|m| m.article).collect();
        articles.dedup();
        articles.len()
    }

    pub fn has_article(&self, article: usize) -> bool {
        self.members.iter().any(|m| m.article == article)
    }
}

/// How much work alignment did (for benchmarks and the `--stats` view).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: usize,
    pub sentences: usize,
    /// Sentence pairs scored: those the inverted index proposed, and for a large story (see
    /// [`progressive`]) the comparisons of later sentences with unit representatives.
    pub candidate_pairs: usize,
    /// Pairs at or above the link threshold.
    pub linked_pairs: usize,
}

/// The alignment of a story.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Alignment {
    /// In order of first appearance (see [`align`]).
    pub units: Vec<Unit>,
    /// One per article that copies another whole: its main original (`copy_of`), in input
    /// order (see [`copies::main_originals`]).
    pub copies: Vec<CopyPair>,
    /// Every copy pair, partial lifts included, by copy then original (`copies.csv`).
    pub copy_pairs: Vec<CopyPair>,
    pub stats: Stats,
}

/// Aligns the sentences of `docs` (one per article, in input order). `dates` are the articles'
/// dates, used to tell the original from the copy.
///
/// Units are ordered by where they first appear: the smallest relative position of any member
/// (0 = headline or lead, 1 = last sentence), then article and sentence order.
pub fn align(
    docs: &[Doc],
    bodies: &[&str],
    dates: &[Option<&str>],
    thresholds: Thresholds,
) -> Alignment {
    align_with(docs, bodies, dates, thresholds, &[])
}

/// A pair of sentences known to report the same thing from elsewhere (they carry the same
/// quotation) scores at least this.
pub const LINKED_SCORE: f32 = 0.45;

/// Stories of more than [`progressive::SEED_ARTICLES`] articles are aligned progressively (see
/// [`progressive`]), so the work grows with the story rather than with its square.
///
/// [`align`], with sentence pairs known to belong together (for example, sentences of two
/// articles that carry the same quotation): each scores at least [`LINKED_SCORE`].
pub fn align_with(
    docs: &[Doc],
    bodies: &[&str],
    dates: &[Option<&str>],
    thresholds: Thresholds,
    linked: &[(SentenceId, SentenceId)],
) -> Alignment {
    align_inner(
        docs,
        bodies,
        dates,
        thresholds,
        linked,
        progressive::SEED_ARTICLES,
    )
}

/// [`align`] scoring every candidate pair whatever the story's size, never progressively: the
/// work grows with the square of the story. For measuring what the progressive mode changes.
pub fn align_all_pairs(
    docs: &[Doc],
    bodies: &[&str],
    dates: &[Option<&str>],
    thresholds: Thresholds,
) -> Alignment {
    align_inner(docs, bodies, dates, thresholds, &[], usize::MAX)
}

fn align_inner(
    docs: &[Doc],
    bodies: &[&str],
    dates: &[Option<&str>],
    thresholds: Thresholds,
    linked: &[(SentenceId, SentenceId)],
    progressive_above: usize,
) -> Alignment {
    let headlines: HashSet<SentenceId> = docs
        .iter()
        .enumerate()
        .flat_map(|(a, d)| {
            d.sentences
                .iter()
                .filter(|s| s.kind == SentenceKind::Headline)
                .map(move |s| (a as u32, s.index as u32))
        })
        .collect();
    let terms = terms::StoryTerms::build(docs, bodies);
    let (groups, scores, candidate_pairs) = if docs.len() <= progressive_above {
        let candidates = candidates::candidate_pairs(&terms);
        let mut scored = score_candidates(docs, &terms, &candidates);
        for &(x, y) in linked {
            if x.0 != y.0 {
                let score = scored.scores.entry((x.min(y), x.max(y))).or_insert(0.0);
                *score = score.max(LINKED_SCORE);
            }
        }
        let groups = units::group(&scored.scores, &headlines, thresholds, &|x, y| {
            terms.lead_share(x, y)
        });
        (groups, scored.scores, scored.candidates)
    } else {
        let linked: HashSet<(SentenceId, SentenceId)> = linked
            .iter()
            .filter(|(x, y)| x.0 != y.0)
            .map(|&(x, y)| (x.min(y), x.max(y)))
            .collect();
        let done = progressive::align(docs, &terms, &headlines, thresholds, &linked);
        (done.groups, done.scores, done.comparisons)
    };
    let groups = headlines_join_their_lead(docs, &terms, &headlines, groups, thresholds);
    let scores = &scores;
    let stats = Stats {
        articles: docs.len(),
        sentences: docs.iter().map(|d| d.sentences.len()).sum(),
        candidate_pairs,
        linked_pairs: scores.values().filter(|s| **s >= thresholds.link).count(),
    };
    let copy_pairs = copies::find(docs, bodies, dates);
    Alignment {
        units: build_units(docs, groups, scores),
        copies: copies::main_originals(&copy_pairs, dates),
        copy_pairs,
        stats,
    }
}

/// A headline is compared with this many first sentences of its own article's running text.
const HEADLINE_LEAD_SENTENCES: usize = 2;

/// A headline that joined no unit (it shares too little with other articles: "Port strike
/// enters second day") joins the unit of the lead it restates: the one of its article's first
/// sentences of running text ([`HEADLINE_LEAD_SENTENCES`]) it is most like, when that
/// similarity reaches [`Thresholds::attach`].
fn headlines_join_their_lead(
    docs: &[Doc],
    terms: &terms::StoryTerms,
    headlines: &HashSet<SentenceId>,
    mut groups: Vec<Vec<SentenceId>>,
    t: Thresholds,
) -> Vec<Vec<SentenceId>> {
    let group_of: HashMap<SentenceId, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, members)| members.iter().map(move |&m| (m, g)))
        .collect();
    let mut alone: Vec<SentenceId> = headlines
        .iter()
        .copied()
        .filter(|h| !group_of.contains_key(h))
        .collect();
    alone.sort_unstable();
    for headline in alone {
        let best = docs[headline.0 as usize]
            .sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Text)
            .take(HEADLINE_LEAD_SENTENCES)
            .map(|s| (headline.0, s.index as u32))
            .filter_map(|s| Some((pair_score(docs, terms, headline, s), group_of.get(&s)?)))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)));
        if let Some((_, &g)) = best.filter(|b| b.0 >= t.attach) {
            groups[g].push(headline);
            groups[g].sort_unstable();
        }
    }
    groups
}

fn sentence_text(docs: &[Doc], id: SentenceId) -> &str {
    let doc = &docs[id.0 as usize];
    &doc.text[doc.sentences[id.1 as usize].norm.range()]
}

/// Similarity of every candidate sentence pair of a story.
#[derive(Debug, Clone, Default)]
pub struct PairScores {
    /// Keyed by `(smaller id, larger id)`; ids are (article index, sentence index).
    pub scores: HashMap<(SentenceId, SentenceId), f32>,
    /// Pairs the inverted index proposed.
    pub candidates: usize,
}

/// Scores the sentence pairs that the inverted index proposes (see [`similarity`]).
pub fn score_pairs(docs: &[Doc], bodies: &[&str]) -> PairScores {
    let terms = terms::StoryTerms::build(docs, bodies);
    let candidates = candidates::candidate_pairs(&terms);
    score_candidates(docs, &terms, &candidates)
}

fn score_candidates(
    docs: &[Doc],
    terms: &terms::StoryTerms,
    candidates: &[(SentenceId, SentenceId)],
) -> PairScores {
    // Each pair is scored on its own: on every core (rayon's current pool).
    let scores = candidates
        .par_iter()
        .map(|&(x, y)| ((x, y), pair_score(docs, terms, x, y)))
        .collect();
    PairScores {
        scores,
        candidates: candidates.len(),
    }
}

/// The similarity of two sentences of different articles (see [`similarity`]).
pub(crate) fn pair_score(
    docs: &[Doc],
    terms: &terms::StoryTerms,
    x: SentenceId,
    y: SentenceId,
) -> f32 {
    let (tx, ty) = (
        &terms.sentences[x.0 as usize][x.1 as usize],
        &terms.sentences[y.0 as usize][y.1 as usize],
    );
    let (wx, wy) = (
        terms.totals[x.0 as usize][x.1 as usize],
        terms.totals[y.0 as usize][y.1 as usize],
    );
    let shared = similarity::shared_weight(tx, ty, &terms.generic);
    let is_headline = |id: SentenceId| {
        docs[id.0 as usize].sentences[id.1 as usize].kind == SentenceKind::Headline
    };
    let share = if is_headline(x) || is_headline(y) {
        similarity::HEADLINE_CONTAINMENT_SHARE
    } else {
        similarity::CONTAINMENT_SHARE
    };
    let mut score = similarity::lexical(shared, (tx, wx), (ty, wy), share);
    if similarity::numbers_conflict(tx, ty, &terms.number_value) {
        score *= similarity::NUMBER_CONFLICT_FACTOR;
    }
    let dice = 2.0 * shared / (wx + wy);
    if let Some(chars) =
        similarity::characters(sentence_text(docs, x), sentence_text(docs, y), dice, score)
    {
        score = score.max(chars);
    }
    let pos = |id: SentenceId| position(&docs[id.0 as usize], id.1 as usize).unwrap_or(0.0);
    score * (1.0 - similarity::POSITION_PENALTY * (pos(x) - pos(y)).abs())
}

/// Relative place of a sentence in its article: 0 = lead, 1 = last; `None` for the headline,
/// which stands above the running text.
pub fn position(doc: &Doc, sentence: usize) -> Option<f32> {
    let s = &doc.sentences[sentence];
    if s.kind == SentenceKind::Headline {
        return None;
    }
    let first_body = doc
        .sentences
        .iter()
        .position(|s| s.kind != SentenceKind::Headline)
        .unwrap_or(0);
    let body_count = doc.sentences.len() - first_body;
    if body_count <= 1 {
        return Some(0.0);
    }
    Some((sentence - first_body) as f32 / (body_count - 1) as f32)
}

fn build_units(
    docs: &[Doc],
    groups: Vec<Vec<SentenceId>>,
    scores: &HashMap<(SentenceId, SentenceId), f32>,
) -> Vec<Unit> {
    let mut grouped = vec![Vec::new(); docs.len()];
    for (a, doc) in docs.iter().enumerate() {
        grouped[a] = vec![false; doc.sentences.len()];
    }
    let mut units: Vec<Unit> = Vec::new();
    for group in groups {
        let members = group
            .iter()
            .map(|&x| {
                grouped[x.0 as usize][x.1 as usize] = true;
                let best = group
                    .iter()
                    .filter(|y| y.0 != x.0)
                    .filter_map(|&y| scores.get(&(x.min(y), x.max(y))).copied())
                    .fold(None, |best: Option<f32>, s| {
                        Some(best.map_or(s, |b| b.max(s)))
                    });
                Member {
                    article: x.0 as usize,
                    sentence: x.1 as usize,
                    similarity: best,
                }
            })
            .collect();
        units.push(Unit { id: 0, members });
    }
    for (a, flags) in grouped.iter().enumerate() {
        for (s, _) in flags.iter().enumerate().filter(|(_, g)| !**g) {
            units.push(Unit {
                id: 0,
                members: vec![Member {
                    article: a,
                    sentence: s,
                    similarity: None,
                }],
            });
        }
    }
    let key = |u: &Unit| {
        let pos = u
            .members
            .iter()
            .map(|m| position(&docs[m.article], m.sentence).unwrap_or(0.0))
            .fold(f32::INFINITY, f32::min);
        (pos, u.members[0].article, u.members[0].sentence)
    };
    units.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.total_cmp(&kb.0)
            .then(ka.1.cmp(&kb.1))
            .then(ka.2.cmp(&kb.2))
    });
    for (i, unit) in units.iter_mut().enumerate() {
        unit.id = i + 1;
    }
    units
}

/// Units that an article leaves out: present in more than half of the other articles (and in
/// at least two) but not in this one. Returns, per article, the ids of the units it omits.
pub fn omissions(alignment: &Alignment, articles: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); articles];
    for unit in &alignment.units {
        let present = unit.article_count();
        for (article, omitted) in out.iter_mut().enumerate() {
            let others = articles - 1;
            if !unit.has_article(article) && present >= 2 && present * 2 > others {
                omitted.push(unit.id);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;

    fn units_of(articles: &[Article]) -> Alignment {
        let docs: Vec<Doc> = articles.iter().map(crate::normalize).collect();
        let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
        align(
            &docs,
            &bodies,
            &[None; 3][..docs.len()],
            Thresholds::default(),
        )
    }

    fn unit_of(alignment: &Alignment, article: usize, sentence: usize) -> usize {
        alignment
            .units
            .iter()
            .find(|u| {
                u.members
                    .iter()
                    .any(|m| m.article == article && m.sentence == sentence)
            })
            .map(|u| u.id)
            .expect("every sentence is in a unit")
    }

    #[test]
    fn a_headline_that_matches_no_other_article_joins_the_unit_of_its_own_lead() {
        let articles = [
            Article::from_text(
                "a",
                "Port strike enters second day as ships wait\n\nThe dockworkers' strike at Port \
                 Calder entered its second day on Tuesday as ships waited offshore, with 1,200 \
                 workers off the job.\n\nTalks stalled on Friday.",
            ),
            Article::from_text(
                "b",
                "About 1,200 workers stayed off the job at Port Calder on Tuesday.\n\nThe union \
                 blamed the operator.",
            ),
            Article::from_text(
                "c",
                "A quiet morning by the water\n\nSome 1,200 workers were off the job at Port \
                 Calder on Tuesday.\n\nShops near the docks are quiet.",
            ),
        ];
        let alignment = units_of(&articles);
        let headline = &articles[0];
        assert_eq!(
            crate::normalize(headline).sentences[0].kind,
            SentenceKind::Headline
        );
        assert_eq!(unit_of(&alignment, 0, 0), unit_of(&alignment, 0, 1));
        assert_eq!(unit_of(&alignment, 0, 1), unit_of(&alignment, 1, 0));
        // A headline that restates nothing of its lead stays a unit of its own.
        assert_ne!(unit_of(&alignment, 2, 0), unit_of(&alignment, 2, 1));
    }
}
