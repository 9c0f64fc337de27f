//! What a sentence is about, as weighted terms: content-word stems, numbers (number words as
//! digits) and names, weighted by how rare they are within the story.

use crate::Doc;
use crate::normalize::{Token, TokenKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

static NUMBER_WORDS: LazyLock<BTreeMap<&'static str, &'static str>> = LazyLock::new(|| {
    data_lines(include_str!("numbers.txt"))
        .filter_map(|l| l.split_once(' '))
        .collect()
});

/// Irregular past form → base verb (`irregular_verbs.txt`): "held" → "hold".
static IRREGULAR_VERBS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    data_lines(include_str!("irregular_verbs.txt"))
        .filter_map(|l| l.split_once(' '))
        .collect()
});

/// The stem a word counts as: its base verb's when it is an irregular past form.
fn base_stem(word: &str) -> String {
    crate::normalize::tokens::stem(IRREGULAR_VERBS.get(word).copied().unwrap_or(word))
}

/// Stem → the stem of the first word of its synonym group (`synonyms.txt`).
static SYNONYMS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in data_lines(include_str!("synonyms.txt")) {
        let mut words = line.split_whitespace().map(base_stem);
        let Some(head) = words.next() else { continue };
        for word in words {
            map.entry(word).or_insert_with(|| head.clone());
        }
        map.entry(head.clone()).or_insert(head);
    }
    map
});

pub(crate) use crate::wordlists::data_lines;

/// An opening attribution is at most this many words before its verb ("Police spokesperson
/// Sgt. Dana Kessler confirmed").
const MAX_SPEAKER_WORDS: usize = 6;

/// Where what a sentence reports begins: after an opening attribution ("Police spokesperson
/// Sgt. Dana Kessler confirmed that ...", "Police said ..."), which says who said it, not what
/// was said. Only a verb of saying or a verb followed by "that" opens an attribution: in
/// "Trump blamed Iran for the attack" the verb is the news. 0 when the sentence opens
/// otherwise, or with a quotation.
fn claim_start(tokens: &[Token], body: &str) -> usize {
    let is_that = |i: usize| tokens.get(i).is_some_and(|t| t.text == "that");
    let Some(verb) = tokens
        .iter()
        .take(MAX_SPEAKER_WORDS + 1)
        .position(|t| crate::extract::quotes::verbs::is_speech_verb(&t.text))
    else {
        return 0;
    };
    let says = matches!(tokens[verb].text.as_str(), "say" | "says" | "said");
    let before = &body[tokens[0].span.start..tokens[verb].span.start];
    if verb == 0 || !(says || is_that(verb + 1)) || before.contains(['"', '“', '”', ':']) {
        return 0;
    }
    let start = verb + 1 + usize::from(is_that(verb + 1));
    if tokens.len().saturating_sub(start) < 3 {
        return 0;
    }
    start
}

/// Extra weight for a shared number or name: they pin two sentences to the same fact.
const NUMBER_BOOST: f32 = 1.6;
const NAME_BOOST: f32 = 1.4;

/// Sentences of one article that count towards a term's document frequency: a very long
/// article (a live blog) repeating a word must not make it look like everyone's topic word.
const MAX_SENTENCES_COUNTED_PER_ARTICLE: u32 = 8;

/// (article index, sentence index), as [`super::candidates::SentenceId`].
type SentenceIdLike = (u32, u32);

/// A term id and its weight in one sentence.
pub type Weighted = (u32, f32);

/// The terms of every sentence of a story, with story-wide rarity weights.
#[derive(Debug, Default)]
pub struct StoryTerms {
    /// Per article, per sentence: terms sorted by id, each once.
    pub sentences: Vec<Vec<Vec<Weighted>>>,
    /// Per article, per sentence: the sum of the weights.
    pub totals: Vec<Vec<f32>>,
    /// How many sentences hold each term (at most eight per
    /// article).
    pub document_frequency: Vec<u32>,
    /// The story's topic words, in more sentences than [`super::candidates::posting_cap`]:
    /// never indexed, never counted as shared.
    pub generic: Vec<bool>,
    /// Each term's value, when it is a number (digits, or a number word turned into digits).
    pub number_value: Vec<Option<f64>>,
    /// Per article, per sentence: the terms met in the first half of its words (sorted), where
    /// a sentence that tells two things usually tells its main one. An opening attribution
    /// ("Police said that ...") is left out before halving.
    pub lead: Vec<Vec<Vec<u32>>>,
}

/// The term a token contributes, if any: its text, its weight boost, and whether it is a number.
fn term_of(token: &Token, sentence_start: bool, surface: &str) -> Option<(String, f32, bool)> {
    if token.kind == TokenKind::Number {
        return Some((token.text.replace(',', ""), NUMBER_BOOST, true));
    }
    if let Some(digits) = NUMBER_WORDS.get(token.text.as_str()) {
        return Some(((*digits).to_string(), NUMBER_BOOST, true));
    }
    if crate::wordlists::is_function_word(&token.text) || token.text.chars().count() < 2 {
        return None;
    }
    let capitalized = surface.starts_with(|c: char| c.is_uppercase());
    let boost = if capitalized && !sentence_start {
        NAME_BOOST
    } else {
        1.0
    };
    let stem = match IRREGULAR_VERBS.get(token.text.as_str()) {
        Some(base) => crate::normalize::tokens::stem(base),
        None => token.stem.clone(),
    };
    let stem = SYNONYMS.get(&stem).cloned().unwrap_or(stem);
    Some((stem, boost, false))
}

/// The term a content word counts as (its stem, the base verb's for an irregular past form,
/// the head of its synonym group; number words as digits); `None` for stop words. Word case
/// plays no part, unlike in [`StoryTerms`], where a name weighs more.
pub(crate) fn content_term(token: &Token) -> Option<String> {
    term_of(token, true, "").map(|(term, _, _)| term)
}

impl StoryTerms {
    /// The share of `x`'s first-half term weight that `y` also holds (topic words left out):
    /// how much of `x`'s main claim `y` tells.
    pub fn lead_share(&self, x: SentenceIdLike, y: SentenceIdLike) -> f32 {
        let terms_x = &self.sentences[x.0 as usize][x.1 as usize];
        let lead_x = &self.lead[x.0 as usize][x.1 as usize];
        let terms_y = &self.sentences[y.0 as usize][y.1 as usize];
        let (mut total, mut shared) = (0.0, 0.0);
        for &(term, weight) in terms_x {
            if self.generic[term as usize] || lead_x.binary_search(&term).is_err() {
                continue;
            }
            total += weight;
            if terms_y.binary_search_by_key(&term, |t| t.0).is_ok() {
                shared += weight;
            }
        }
        if total > 0.0 { shared / total } else { 0.0 }
    }

    pub fn build(docs: &[Doc], bodies: &[&str]) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut raw: Vec<Vec<Vec<(u32, f32)>>> = Vec::with_capacity(docs.len());
        let mut document_frequency: Vec<u32> = Vec::new();
        let mut number_value: Vec<Option<f64>> = Vec::new();
        let mut lead: Vec<Vec<Vec<u32>>> = Vec::with_capacity(docs.len());
        for (doc, body) in docs.iter().zip(bodies) {
            let mut per_doc = Vec::with_capacity(doc.sentences.len());
            let mut lead_of_doc = Vec::with_capacity(doc.sentences.len());
            let mut seen_in_article: HashMap<u32, u32> = HashMap::new();
            for sentence in &doc.sentences {
                let mut terms: BTreeMap<u32, f32> = BTreeMap::new();
                let mut lead_terms: BTreeSet<u32> = BTreeSet::new();
                let tokens = doc.sentence_tokens(sentence.index);
                // A dateline tells where the report was filed, not what it says; a photo
                // caption describes a picture, and stays out of alignment altogether.
                let skip = match doc.dateline {
                    _ if sentence.kind == crate::normalize::SentenceKind::Caption => tokens.len(),
                    Some(d) if sentence.span.start <= d.start && d.start < sentence.span.end => {
                        tokens.partition_point(|t| t.span.start < d.end)
                    }
                    _ => 0,
                };
                let claim = skip.max(claim_start(tokens, body));
                for (i, token) in tokens.iter().enumerate().skip(skip) {
                    let Some((term, boost, number)) =
                        term_of(token, i == 0, &body[token.span.range()])
                    else {
                        continue;
                    };
                    let value = if number { term.parse().ok() } else { None };
                    let next = ids.len() as u32;
                    let id = *ids.entry(term).or_insert(next);
                    if id == next {
                        number_value.push(value);
                    }
                    let slot = terms.entry(id).or_insert(0.0);
                    *slot = slot.max(boost);
                    if i >= claim && 2 * (i - claim) < tokens.len() - claim {
                        lead_terms.insert(id);
                    }
                }
                lead_of_doc.push(lead_terms.into_iter().collect());
                for &id in terms.keys() {
                    if document_frequency.len() <= id as usize {
                        document_frequency.resize(id as usize + 1, 0);
                    }
                    let in_article = seen_in_article.entry(id).or_insert(0);
                    *in_article += 1;
                    if *in_article <= MAX_SENTENCES_COUNTED_PER_ARTICLE {
                        document_frequency[id as usize] += 1;
                    }
                }
                per_doc.push(terms.into_iter().collect::<Vec<_>>());
            }
            raw.push(per_doc);
            lead.push(lead_of_doc);
        }
        let total_sentences: usize = raw.iter().map(Vec::len).sum();
        let idf = |df: u32| ((1.0 + total_sentences as f32) / df as f32).ln().max(0.05);
        let sentences: Vec<Vec<Vec<Weighted>>> = raw
            .into_iter()
            .map(|doc| {
                doc.into_iter()
                    .map(|terms| {
                        terms
                            .into_iter()
                            .map(|(id, boost)| (id, boost * idf(document_frequency[id as usize])))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let totals = sentences
            .iter()
            .map(|doc| doc.iter().map(|t| t.iter().map(|(_, w)| w).sum()).collect())
            .collect();
        let cap = super::candidates::posting_cap(docs.len());
        let generic = document_frequency
            .iter()
            .map(|&df| df as usize > cap)
            .collect();
        Self {
            lead,
            generic,
            sentences,
            totals,
            document_frequency,
            number_value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_and_unique() {
        for file in [
            include_str!("numbers.txt"),
            include_str!("irregular_verbs.txt"),
        ] {
            let words: Vec<&str> = data_lines(file)
                .map(|l| l.split(' ').next().unwrap())
                .collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{words:?}");
        }
    }

    #[test]
    fn number_words_and_digits_share_a_term_and_names_weigh_more() {
        let a = crate::Article::from_text("a", "Eight rockets hit Baghdad.");
        let b = crate::Article::from_text("b", "Iraq said 8 rockets hit.");
        let docs = [crate::normalize(&a), crate::normalize(&b)];
        let terms = StoryTerms::build(&docs, &[&a.body, &b.body]);
        let shared: Vec<u32> = terms.sentences[0][0]
            .iter()
            .map(|t| t.0)
            .filter(|id| terms.sentences[1][0].iter().any(|u| u.0 == *id))
            .collect();
        assert_eq!(shared.len(), 3, "eight/8, rocket, hit");
        let weight = |doc: usize, pos: usize| terms.sentences[doc][0][pos].1;
        // "Baghdad" (a name, in one sentence) outweighs "hit" (in both).
        assert!(weight(0, 3) > weight(0, 2));
    }

    #[test]
    fn a_dateline_adds_no_terms() {
        let a = crate::Article::from_text(
            "a",
            "Trump blames Iran\n\nBAGHDAD, Dec. 23 (Meridian Wire) — Trump blamed Iran for the attack.",
        );
        let b = crate::Article::from_text("b", "Trump blamed Iran for the attack.");
        let docs = [crate::normalize(&a), crate::normalize(&b)];
        assert!(docs[0].dateline.is_some());
        let terms = StoryTerms::build(&docs, &[&a.body, &b.body]);
        let ids = |d: usize, s: usize| -> Vec<u32> {
            terms.sentences[d][s].iter().map(|t| t.0).collect()
        };
        assert_eq!(ids(0, 1), ids(1, 0));
        // The headline keeps its words.
        assert!(!ids(0, 0).is_empty());
    }

    #[test]
    fn the_main_claim_skips_an_opening_attribution_but_not_a_verb_that_is_the_news() {
        let first_claim_word = |text: &str| {
            let a = crate::Article::from_text("a", text);
            let doc = crate::normalize(&a);
            let tokens = doc.sentence_tokens(0);
            tokens[claim_start(tokens, &a.body)].text.clone()
        };
        assert_eq!(
            first_claim_word(
                "Police spokesperson Sgt. Dana Kessler confirmed that four officers were hurt."
            ),
            "four"
        );
        assert_eq!(
            first_claim_word("Police said protesters threw bottles."),
            "protesters"
        );
        // The verb is the news, or the sentence opens with a quotation.
        assert_eq!(
            first_claim_word("Trump blamed Iran for the attack and said he would act."),
            "trump"
        );
        assert_eq!(
            first_claim_word("\"We came to be heard,\" Reyes said on Thursday night."),
            "we"
        );

        // So the attribution's names do not decide which unit the sentence's claim is in.
        let a = crate::Article::from_text(
            "a",
            "Police spokesperson Sgt. Dana Kessler confirmed that four officers were injured.",
        );
        let b = crate::Article::from_text("b", "Four officers were injured, police said.");
        let c = crate::Article::from_text("c", "Sgt. Dana Kessler said the gas was used late.");
        let docs = [a.clone(), b.clone(), c.clone()].map(|x| crate::normalize(&x));
        let terms = StoryTerms::build(&docs, &[&a.body, &b.body, &c.body]);
        assert!(terms.lead_share((0, 0), (1, 0)) > terms.lead_share((0, 0), (2, 0)));
    }

    #[test]
    fn irregular_past_forms_share_their_verb_s_term() {
        let a = crate::Article::from_text("a", "Trump will hold Iran responsible.");
        let b = crate::Article::from_text("b", "Iran will be held responsible.");
        let docs = [crate::normalize(&a), crate::normalize(&b)];
        let terms = StoryTerms::build(&docs, &[&a.body, &b.body]);
        let ids =
            |d: usize| -> BTreeSet<u32> { terms.sentences[d][0].iter().map(|t| t.0).collect() };
        assert_eq!(
            ids(0).intersection(&ids(1)).count(),
            3,
            "iran, hold/held, responsible"
        );
    }
}
