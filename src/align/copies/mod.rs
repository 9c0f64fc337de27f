//! Copies: one article republishing another, whole or in part.
//!
//! Only an article's own words count (`own_words.rs`): text inside quotation marks is the
//! speaker's, so two outlets quoting the same long statement are not copies. Four kinds, the
//! first that holds naming the pair:
//!
//! - `verbatim`: each article has at least [`VERBATIM_CONTAINMENT`] of its word 5-shingles in
//!   the other (`shingles.rs`): the same text, give or take a headline or a line.
//! - `near`: at least [`MIN_CONTAINMENT`] of the copy's shingles are in the original (a wire
//!   story reposted under another lead, trimmed, or lightly edited).
//! - `spun`: the copy keeps few 5-word runs but most of its sentences have a counterpart in
//!   the original, in the same order, with most of the same content words by stem and synonym
//!   group (`sentences.rs`): at least [`SPUN_COVERAGE`] of its own words stand in at least
//!   [`MIN_SPUN_SENTENCES`] such sentences (synonym swaps, reordered clauses, an aggregator's
//!   rewrite).
//! - `partial`: the rest differs, but a passage of at least [`MIN_PASSAGE_WORDS`] own words
//!   stands in both in the same order, a changed word here and there bridged (two paragraphs
//!   taken whole).
//!
//! Which is the copy: the article that meets the rule when only one does (the one contained in
//! the other); when both do, the original is the one dated earlier, then (same or no dates) the
//! one with more own words, then the one read first.
//!
//! `shared_words` is the number of the copy's own words it shares with the original: for
//! `verbatim`, `near` and `partial`, its own words inside a 5-word run the original also has;
//! for `spun`, its own words in sentences that have a counterpart whose words include the
//! same word, stem or synonym. `similarity` is `shared_words` over the copy's own words.
//!
//! Candidate pairs come from inverted indexes on shingles and on content words, not from all
//! pairs.

mod own_words;
mod sentences;
mod shingles;

use crate::Doc;
use own_words::OwnWords;
use rayon::prelude::*;
use serde::Serialize;
use shingles::{Overlap, Shingles};
use std::collections::HashMap;

pub use sentences::{COUNTERPART_DICE, MIN_SENTENCE_TERMS};
pub use shingles::{MAX_GAP, MIN_RUN_WORDS, SHINGLE_WORDS};

/// Share of each article's shingles the other must have for a verbatim copy.
pub const VERBATIM_CONTAINMENT: f32 = 0.9;
/// Share of an article's shingles that must appear in the other for it to be a near copy.
pub const MIN_CONTAINMENT: f32 = 0.5;
/// Articles with fewer shingles than this are too short to call verbatim or near copies.
pub const MIN_SHINGLES: usize = 15;
/// Share of the copy's own words (in sentences long enough to compare) whose sentences have a
/// counterpart in the original, for a spun copy.
pub const SPUN_COVERAGE: f32 = 0.7;
/// Sentences with a counterpart a spun copy needs at least.
pub const MIN_SPUN_SENTENCES: usize = 3;
/// Own words of the longest shared passage for a partial copy.
pub const MIN_PASSAGE_WORDS: usize = 25;

/// Shared shingles that make two articles worth comparing word for word.
const SHINGLE_CANDIDATE: usize = 8;
/// Share of the smaller article's distinctive content words that two articles must share to be
/// compared sentence by sentence.
const SPUN_CANDIDATE_SHARE: f32 = 0.4;

/// How one article copies another, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CopyKind {
    Verbatim,
    Near,
    Spun,
    Partial,
}

impl CopyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verbatim => "verbatim",
            Self::Near => "near",
            Self::Spun => "spun",
            Self::Partial => "partial",
        }
    }

    /// A copy of the whole article (not a passage lifted into another): its original is what
    /// `copy_of` names.
    pub fn is_whole(self) -> bool {
        self != Self::Partial
    }
}

/// `article` (an index) copies `original`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CopyPair {
    pub article: usize,
    pub original: usize,
    pub kind: CopyKind,
    /// `shared_words` over the copy's own words, 0..1.
    pub similarity: f32,
    /// The copy's own words it shares with the original (see the module documentation).
    pub shared_words: usize,
}

/// Every copy pair of the story, by copy then original (input order). `bodies` are the article
/// bodies as read; `dates` the articles' dates (ISO dates compare as text).
pub fn find(docs: &[Doc], bodies: &[&str], dates: &[Option<&str>]) -> Vec<CopyPair> {
    // Per article, then per candidate pair, on every core (rayon's current pool), in order.
    let own: Vec<OwnWords> = docs
        .par_iter()
        .zip(bodies.par_iter())
        .map(|(d, b)| OwnWords::of(d, b))
        .collect();
    let shingles: Vec<Shingles> = own.par_iter().map(Shingles::of).collect();
    let sentences: Vec<sentences::SentenceTerms> =
        own.par_iter().map(sentences::SentenceTerms::of).collect();
    // Articles with the same own words (copies of one text) are one class: candidates are
    // found between classes, and each kind of pair is judged once, so a story of many copies
    // of one article costs little more than one of two.
    let mut class_of_words: HashMap<&OwnWords, usize> = HashMap::new();
    let mut classes: Vec<Vec<usize>> = Vec::new();
    let class: Vec<usize> = own
        .iter()
        .enumerate()
        .map(|(a, o)| {
            let next = classes.len();
            let c = *class_of_words.entry(o).or_insert(next);
            if c == next {
                classes.push(Vec::new());
            }
            classes[c].push(a);
            c
        })
        .collect();
    // Every article may carry the same wire text: no shingle is too common to index.
    let word_pairs = pairs_sharing(
        classes
            .iter()
            .map(|m| (shingles[m[0]].distinct.as_slice(), m.len())),
        usize::MAX,
        |shared, _, _| shared >= SHINGLE_CANDIDATE,
    );
    // A content word in more than half of the articles (of a story of more than four) is the
    // story's topic, not a sign of copying.
    let topic = if docs.len() > 4 {
        docs.len() / 2
    } else {
        docs.len()
    };
    let content: Vec<Vec<u64>> = classes
        .iter()
        .map(|m| distinct_content(&own[m[0]]))
        .collect();
    let sense_pairs = pairs_sharing(
        content
            .iter()
            .zip(&classes)
            .map(|(c, m)| (c.as_slice(), m.len())),
        topic,
        |shared, a, b| shared as f32 >= SPUN_CANDIDATE_SHARE * a.min(b) as f32,
    );
    let mut class_pairs: Vec<(usize, usize)> = word_pairs.into_iter().chain(sense_pairs).collect();
    class_pairs.sort_unstable();
    class_pairs.dedup();
    // Article pairs `(a, b)`, `a < b`, of the candidate classes.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for &(c, d) in &class_pairs {
        for &a in &classes[c] {
            for &b in &classes[d] {
                if a != b {
                    candidates.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    // What a pair is depends only on the two texts and their dates: judge each such
    // combination once, on its first pair, and give every pair like it the same verdict.
    type PairKind<'d> = (usize, usize, Option<&'d str>, Option<&'d str>);
    let mut kinds: HashMap<PairKind, usize> = HashMap::new();
    let mut judged: Vec<(usize, usize)> = Vec::new();
    let kind_of: Vec<usize> = candidates
        .iter()
        .map(|&(a, b)| {
            let next = judged.len();
            let k = *kinds
                .entry((class[a], class[b], dates[a], dates[b]))
                .or_insert(next);
            if k == next {
                judged.push((a, b));
            }
            k
        })
        .collect();
    let verdicts: Vec<Option<CopyPair>> = judged
        .par_iter()
        .map(|&(a, b)| {
            let pair = Pair {
                a,
                b,
                own: (&own[a], &own[b]),
                shingles: (&shingles[a], &shingles[b]),
                sentences: (&sentences[a], &sentences[b]),
                dates: (dates[a], dates[b]),
            };
            pair.judge()
        })
        .collect();
    let mut out: Vec<CopyPair> = candidates
        .iter()
        .zip(kind_of)
        .filter_map(|(&(a, b), k)| {
            let verdict = verdicts[k]?;
            let a_copies = verdict.article == judged[k].0;
            let (article, original) = if a_copies { (a, b) } else { (b, a) };
            Some(CopyPair {
                article,
                original,
                ..verdict
            })
        })
        .collect();
    out.sort_by_key(|c| (c.article, c.original));
    out
}

/// For each article that copies another whole (not a partial lift), the one pair naming its
/// main original: the strongest kind, then the highest similarity (to two decimals: a scraped
/// copy of the original, one line longer or shorter, is as close), then an original that is
/// not itself a copy, then the one dated earliest, then the one read first. In input order of
/// the copies. `dates` are the articles' dates.
pub fn main_originals(pairs: &[CopyPair], dates: &[Option<&str>]) -> Vec<CopyPair> {
    let copies_another: std::collections::HashSet<usize> = pairs
        .iter()
        .filter(|p| p.kind.is_whole())
        .map(|p| p.article)
        .collect();
    let rank = |p: &CopyPair| {
        let date = dates.get(p.original).copied().flatten();
        (
            p.kind,
            -(p.similarity * 100.0).round() as i32,
            copies_another.contains(&p.original),
            // Undated originals after dated ones.
            date.is_none(),
            date,
            p.original,
        )
    };
    let mut best: Vec<CopyPair> = Vec::new();
    for &p in pairs.iter().filter(|p| p.kind.is_whole()) {
        match best.last_mut() {
            Some(b) if b.article == p.article => {
                if rank(&p) < rank(b) {
                    *b = p;
                }
            }
            _ => best.push(p),
        }
    }
    best
}

/// Content words of an article, each once, sorted.
fn distinct_content(own: &OwnWords) -> Vec<u64> {
    let mut keys: Vec<u64> = own
        .words
        .iter()
        .filter(|w| w.content)
        .map(|w| w.key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Pairs of classes `(c, d)`, `c <= d`, whose sorted item lists share enough items, as
/// `keep(shared, items of c, items of d)` decides; each class comes with its number of
/// articles (all with the same items). A class of more than one article pairs with itself
/// when it has an indexed item and `keep` holds for it. An item in more than `cap` articles is
/// not indexed, nor counted in the sizes given to `keep`.
fn pairs_sharing<'a>(
    items: impl Iterator<Item = (&'a [u64], usize)>,
    cap: usize,
    keep: impl Fn(usize, usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let items: Vec<(&[u64], usize)> = items.collect();
    let mut postings: HashMap<u64, (Vec<u32>, usize)> = HashMap::new();
    for (c, (list, articles)) in items.iter().enumerate() {
        for &h in *list {
            let posting = postings.entry(h).or_default();
            posting.0.push(c as u32);
            posting.1 += articles;
        }
    }
    let mut sizes = vec![0usize; items.len()];
    let mut shared: HashMap<(u32, u32), usize> = HashMap::new();
    for (posting, _) in postings.values().filter(|p| p.1 <= cap) {
        for (i, &c) in posting.iter().enumerate() {
            sizes[c as usize] += 1;
            for &d in &posting[i + 1..] {
                *shared.entry((c, d)).or_insert(0) += 1;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = shared
        .into_iter()
        .map(|((c, d), n)| (c as usize, d as usize, n))
        .filter(|&(c, d, n)| keep(n, sizes[c], sizes[d]))
        .map(|(c, d, _)| (c, d))
        .collect();
    out.extend(
        (0..items.len())
            .filter(|&c| items[c].1 > 1 && sizes[c] > 0 && keep(sizes[c], sizes[c], sizes[c]))
            .map(|c| (c, c)),
    );
    out.sort_unstable();
    out
}

/// Two articles under comparison; `a` is read before `b`.
struct Pair<'a> {
    a: usize,
    b: usize,
    own: (&'a OwnWords, &'a OwnWords),
    shingles: (&'a Shingles, &'a Shingles),
    sentences: (&'a sentences::SentenceTerms, &'a sentences::SentenceTerms),
    dates: (Option<&'a str>, Option<&'a str>),
}

impl Pair<'_> {
    /// The strongest kind of copy the two make, if any, with its direction.
    fn judge(&self) -> Option<CopyPair> {
        let (sa, sb) = self.shingles;
        let (ab, ba) = (shingles::overlap(sa, sb), shingles::overlap(sb, sa));
        let long = |s: &Shingles| s.distinct.len() >= MIN_SHINGLES;
        let both_long = long(sa) && long(sb);
        if both_long
            && ab.containment >= VERBATIM_CONTAINMENT
            && ba.containment >= VERBATIM_CONTAINMENT
        {
            return Some(self.by_words(CopyKind::Verbatim, (true, true), ab, ba));
        }
        let near = (
            long(sa) && ab.containment >= MIN_CONTAINMENT,
            long(sb) && ba.containment >= MIN_CONTAINMENT,
        );
        if near.0 || near.1 {
            return Some(self.by_words(CopyKind::Near, near, ab, ba));
        }
        let (ta, tb) = self.sentences;
        let (ca, cb) = (
            sentences::counterparts(ta, tb),
            sentences::counterparts(tb, ta),
        );
        let spun = |c: &sentences::Counterparts| {
            c.coverage >= SPUN_COVERAGE && c.sentences >= MIN_SPUN_SENTENCES
        };
        if spun(&ca) || spun(&cb) {
            let a_copies = self.a_copies((spun(&ca), spun(&cb)));
            let shared = if a_copies {
                ca.shared_words
            } else {
                cb.shared_words
            };
            return Some(self.pair(CopyKind::Spun, a_copies, shared));
        }
        if ab.longest_passage.max(ba.longest_passage) >= MIN_PASSAGE_WORDS {
            return Some(self.by_words(CopyKind::Partial, (true, true), ab, ba));
        }
        None
    }

    fn by_words(&self, kind: CopyKind, meets: (bool, bool), ab: Overlap, ba: Overlap) -> CopyPair {
        let a_copies = self.a_copies(meets);
        let shared = if a_copies {
            ab.shared_words
        } else {
            ba.shared_words
        };
        self.pair(kind, a_copies, shared)
    }

    /// Whether `a` is the copy, given which of the two meet the kind's rule as the copy.
    fn a_copies(&self, meets: (bool, bool)) -> bool {
        match meets {
            (true, false) => true,
            (false, true) => false,
            _ => match self.dates {
                (Some(da), Some(db)) if da != db => db < da,
                // The fuller one is the original; the one read first when both are as full.
                _ => self.own.0.len() < self.own.1.len(),
            },
        }
    }

    fn pair(&self, kind: CopyKind, a_copies: bool, shared_words: usize) -> CopyPair {
        let (article, original, own) = if a_copies {
            (self.a, self.b, self.own.0)
        } else {
            (self.b, self.a, self.own.1)
        };
        CopyPair {
            article,
            original,
            kind,
            similarity: shared_words as f32 / own.len().max(1) as f32,
            shared_words,
        }
    }
}
