//! A whole story run through the pipeline: the articles, their normalized docs, the alignment,
//! the diffs, and what each article reports (quotes, attributions, facts) matched across the
//! story. The report writers read from here.

use crate::align::{self, Alignment, Thresholds};
use crate::diff::{self, Diffs};
use crate::extract::facts::{self, Agreement};
use crate::extract::matching::{self, QuoteMatch};
use crate::extract::{Attribution, Fact, Quote, quotes};
use crate::normalize::language::Language;
use crate::score::corpus::{self, Background, Distinctive};
use crate::score::lexicon::Lexicon;
use crate::score::matcher::Matcher;
use crate::score::summary::{self, SummaryRow};
use crate::score::{Flag, flags, peer};
use crate::{Article, Doc};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// The stages of [`Story::build_reporting`], in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Normalizing,
    Extracting,
    Aligning,
    Scoring,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Normalizing => "normalizing",
            Self::Extracting => "extracting quotes and facts",
            Self::Aligning => "aligning",
            Self::Scoring => "scoring",
        }
    }
}

/// Every stage's output for one story.
#[derive(Debug, Clone)]
pub struct Story {
    pub articles: Vec<Article>,
    pub docs: Vec<Doc>,
    /// The language each article reads as, in input order; `None` when that is unclear (see
    /// [`crate::normalize::language`]). Worked out once, from each doc.
    pub languages: Vec<Option<Language>>,
    pub alignment: Alignment,
    pub diffs: Diffs,
    /// Every direct quote, by article then position.
    pub quotes: Vec<Quote>,
    /// One per quote: its quotation group and how it compares with the fullest version.
    pub quote_matches: Vec<QuoteMatch>,
    /// Every attribution, by article then position. None for an article in another language
    /// than English: the reporting verbs are English words.
    pub attributions: Vec<Attribution>,
    /// Every fact, by article then position.
    pub facts: Vec<Fact>,
    /// One per fact: whether other articles agree.
    pub fact_agreement: Vec<Agreement>,
    /// Every flag (lexicon, scare-quote, agentless-passive, peer and corpus evidence), with
    /// the peers' wording as baseline; by article, then position. None on an article in
    /// another language than English ([`Story::is_scored`]).
    pub flags: Vec<Flag>,
    /// Each article's most distinctive words against the rest of the story (top
    /// [`corpus::DEFAULT_TOP`] per article).
    pub distinctive: Vec<Distinctive>,
    /// One row per article (`summary.csv`).
    pub summary: Vec<SummaryRow>,
}

impl Story {
    /// Runs the whole pipeline over `articles` (in input order) with the default lexicon.
    pub fn build(articles: Vec<Article>) -> Self {
        Self::build_with(articles, &Lexicon::default_english())
    }

    /// Runs the whole pipeline with the given lexicon (the default, a user's, or both merged).
    pub fn build_with(articles: Vec<Article>, lexicon: &Lexicon) -> Self {
        Self::build_full(articles, lexicon, None)
    }

    /// Runs the whole pipeline with the given lexicon and, for the corpus baseline, an optional
    /// background frequency table (without one the prior comes from the story's pooled counts).
    pub fn build_full(
        articles: Vec<Article>,
        lexicon: &Lexicon,
        background: Option<&Background>,
    ) -> Self {
        Self::build_reporting(articles, lexicon, background, &mut |_| {})
    }

    /// [`Story::build_full`], telling `progress` as each stage starts (for a caller that shows
    /// progress on a long run; the library itself never prints).
    pub fn build_reporting(
        articles: Vec<Article>,
        lexicon: &Lexicon,
        background: Option<&Background>,
        progress: &mut dyn FnMut(Stage),
    ) -> Self {
        progress(Stage::Normalizing);
        // Per-article stages run on every core (rayon's current pool); results are collected
        // in input order, so the output is the same whatever the number of threads.
        let docs: Vec<Doc> = articles.par_iter().map(crate::normalize).collect();
        let languages: Vec<Option<Language>> = docs.par_iter().map(Doc::language).collect();
        let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
        let dates: Vec<Option<&str>> = articles.iter().map(|a| a.date.as_deref()).collect();
        progress(Stage::Extracting);
        let extracted: Vec<(Vec<Quote>, Vec<Attribution>, Vec<Fact>)> = articles
            .par_iter()
            .zip(docs.par_iter())
            .enumerate()
            .map(|(i, (article, doc))| {
                let (q, a) = quotes::extract(i, article, doc, lexicon);
                (q, a, facts::extract(i, article, doc))
            })
            .collect();
        let mut all_quotes = Vec::new();
        let mut attributions = Vec::new();
        let mut all_facts = Vec::new();
        for (i, (q, a, f)) in extracted.into_iter().enumerate() {
            all_quotes.extend(q);
            if languages[i].is_none_or(|l| l.is_english()) {
                attributions.extend(a);
            }
            all_facts.extend(f);
        }
        quotes::canonicalize_speakers(&mut all_quotes, &mut attributions);
        let quote_matches = matching::match_quotes(&all_quotes);
        let fact_agreement = facts::agreement(&all_facts);

        progress(Stage::Aligning);
        let linked = sentences_sharing_quotations(&all_quotes, &quote_matches);
        let alignment = align::align_with(&docs, &bodies, &dates, Thresholds::default(), &linked);
        let diffs = diff::substitutions(&alignment, &docs, &bodies);
        let mut story = Self {
            articles,
            docs,
            languages,
            alignment,
            diffs,
            quotes: all_quotes,
            quote_matches,
            attributions,
            facts: all_facts,
            fact_agreement,
            flags: Vec::new(),
            distinctive: Vec::new(),
            summary: Vec::new(),
        };
        progress(Stage::Scoring);
        story.score(lexicon, background);
        story
    }

    /// The scoring stage: flags from the lexicon, peers and corpus, baselines, the distinctive
    /// words, substitution categories and the per-article summary.
    fn score(&mut self, lexicon: &Lexicon, background: Option<&Background>) {
        let matcher = Matcher::shared(lexicon);
        let per_article: Vec<Vec<Flag>> = (0..self.articles.len())
            .into_par_iter()
            .map(|i| {
                if !self.is_scored(i) {
                    return Vec::new();
                }
                // Quotes are in article order: each article's own are one run of them.
                let from = self.quotes.partition_point(|q| q.article < i);
                let to = self.quotes.partition_point(|q| q.article <= i);
                let (article, doc) = (&self.articles[i], &self.docs[i]);
                flags::flag_article_with(&matcher, i, article, doc, &self.quotes[from..to], lexicon)
            })
            .collect();
        let mut all: Vec<Flag> = per_article.into_iter().flatten().collect();
        all.extend(peer::peer_flags(self, lexicon, &all));
        let every_distinctive = corpus::distinctive(self, background, usize::MAX);
        all.extend(corpus::corpus_flags(
            self,
            &every_distinctive,
            lexicon,
            &all,
        ));
        // Photo captions take no part in the wording figures (see `flags::flag_article`).
        all.retain(|f| {
            self.docs[f.article]
                .sentences
                .get(f.sentence)
                .is_none_or(|s| s.kind != crate::normalize::SentenceKind::Caption)
        });
        peer::fill_baselines(&mut all, self, lexicon);
        all.sort_by(|a, b| {
            (a.article, a.span.start, a.span.end, &a.category).cmp(&(
                b.article,
                b.span.start,
                b.span.end,
                &b.category,
            ))
        });
        let categories = peer::substitution_categories(self, lexicon);
        for (substitution, category) in self.diffs.substitutions.iter_mut().zip(categories) {
            substitution.category = category;
        }
        self.distinctive = corpus::distinctive(self, background, corpus::DEFAULT_TOP);
        self.summary = summary::summary(self, &all);
        self.flags = all;
    }

    /// The language article `i` reads as when it is clearly not English (see
    /// [`crate::normalize::language`]): the lexicon and the word lists are English, so its
    /// wording is not scored and it aligns on little more than names and numbers.
    pub fn other_language(&self, i: usize) -> Option<Language> {
        self.languages
            .get(i)
            .copied()
            .flatten()
            .filter(|l| !l.is_english())
    }

    /// Whether the English scorer reads article `i`: every article but one clearly in another
    /// language. An unscored article has no flags, no attributions and no distinctive words,
    /// serves no other article as a peer, and its wording figures in the summary are empty.
    pub fn is_scored(&self, i: usize) -> bool {
        self.other_language(i).is_none()
    }

    /// The figures outlets disagree on: key → value → ids of the articles that give it.
    pub fn conflicting_figures(&self) -> BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> {
        let mut by_key: BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
        for (f, a) in self.facts.iter().zip(&self.fact_agreement) {
            if *a == Agreement::Conflict {
                by_key
                    .entry(&f.key)
                    .or_default()
                    .entry(&f.value)
                    .or_default()
                    .insert(&self.articles[f.article].id);
            }
        }
        by_key
    }

    /// Ids for the facts: one per distinct (kind, key, value) across the story, numbered by
    /// first appearance (article order, then position), 1-based; same order as `facts`.
    pub fn fact_ids(&self) -> Vec<usize> {
        let mut ids: std::collections::HashMap<(crate::extract::FactKind, &str, &str), usize> =
            std::collections::HashMap::new();
        self.facts
            .iter()
            .map(|f| {
                let next = ids.len() + 1;
                *ids.entry((f.kind, f.key.as_str(), f.value.as_str()))
                    .or_insert(next)
            })
            .collect()
    }
}

/// Pairs of sentences (in different articles) that carry the same full quotation: they report
/// the same statement however the rest of the sentence is worded. One-word partial quotes do
/// not count (a shared word is no evidence of a shared statement).
fn sentences_sharing_quotations(
    quotes: &[Quote],
    matches: &[QuoteMatch],
) -> Vec<(align::SentenceId, align::SentenceId)> {
    // The substantial quotes of each quotation, in quote order: only quotes of one quotation
    // can link sentences, so the pairs come from each group, not from every pair of quotes.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, (q, m)) in quotes.iter().zip(matches).enumerate() {
        if matching::words(&q.text).len() >= 3 {
            groups.entry(m.quote_id).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for members in groups.values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (a, b) = (&quotes[i], &quotes[j]);
                if a.article != b.article {
                    out.push((
                        (a.article as u32, a.sentence as u32),
                        (b.article as u32, b.sentence as u32),
                    ));
                }
            }
        }
    }
    out
}
