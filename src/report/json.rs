//! `comparison.json`: everything the CSV reports hold, as one document for programs.
//!
//! The shape is versioned by `schema_version`; fields are only ever added within a version.
//! Articles are referred to by id, sentences by (article id, index), and every span is a byte
//! range into the article body.

use crate::Story;
use crate::align::position;
use serde::Serialize;
use std::io::Write;

/// Bumped when a field changes meaning or goes away. 2: the wording figures of `summary`
/// (`flags`, `loaded_per_1k`, `doubt_verbs`, `neutral_verbs`, `attribution_asymmetry`) are
/// `null` for an article in another language than English; `articles` gain `language`, and
/// the document `caveats`.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    articles: Vec<ArticleOut<'a>>,
    copies: Vec<CopyOut<'a>>,
    units: Vec<UnitOut<'a>>,
    substitutions: Vec<SubstitutionOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    attributions: Vec<AttributionOut<'a>>,
    facts: Vec<FactOut<'a>>,
    flags: Vec<FlagOut<'a>>,
    distinctive: Vec<DistinctiveOut<'a>>,
    summary: &'a [crate::score::summary::SummaryRow],
    /// What a reader should know about some articles, one entry per kind, every article
    /// listed ([`crate::caveats`]).
    caveats: Vec<crate::caveats::Caveat>,
}

#[derive(Serialize)]
struct FlagOut<'a> {
    article_id: &'a str,
    sentence_index: usize,
    headline: bool,
    start: usize,
    end: usize,
    text: &'a str,
    term: &'a str,
    category: &'a str,
    neutral: &'a str,
    weight: f32,
    evidence: &'a str,
    in_quote: bool,
    baseline: &'a str,
    explanation: &'a str,
}

#[derive(Serialize)]
struct DistinctiveOut<'a> {
    article_id: &'a str,
    term: &'a str,
    count: usize,
    z: f32,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    outlet: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    source: &'a str,
    words: usize,
    sentences: usize,
    copy_of: Option<&'a str>,
    copy_similarity: Option<f32>,
    /// ISO 639-3 code of the language the article reads as; `null` when unclear.
    language: Option<&'static str>,
    removed: Vec<RemovedOut<'a>>,
}

#[derive(Serialize)]
struct CopyOut<'a> {
    article_a: &'a str,
    article_b: &'a str,
    kind: &'a str,
    similarity: f32,
    shared_words: usize,
}

#[derive(Serialize)]
struct RemovedOut<'a> {
    kind: &'a str,
    start: usize,
    end: usize,
    reason: &'a str,
}

#[derive(Serialize)]
struct UnitOut<'a> {
    unit_id: usize,
    members: Vec<MemberOut<'a>>,
}

#[derive(Serialize)]
struct MemberOut<'a> {
    article_id: &'a str,
    sentence_index: usize,
    kind: &'a str,
    position: Option<f32>,
    similarity: Option<f32>,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct SubstitutionOut<'a> {
    unit_id: usize,
    article_a: &'a str,
    article_b: &'a str,
    a_text: &'a str,
    b_text: &'a str,
    category: &'a str,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    quote_id: usize,
    article_id: &'a str,
    sentence_index: usize,
    start: usize,
    end: usize,
    speaker: Option<&'a str>,
    cue: Option<&'a str>,
    text: &'a str,
    partial: bool,
    r#match: &'a str,
    similarity: f32,
}

#[derive(Serialize)]
struct AttributionOut<'a> {
    article_id: &'a str,
    sentence_index: usize,
    start: usize,
    end: usize,
    speaker: &'a str,
    verb: &'a str,
    verb_class: &'a str,
    direct: bool,
}

#[derive(Serialize)]
struct FactOut<'a> {
    fact_id: usize,
    kind: &'a str,
    key: &'a str,
    value: &'a str,
    article_id: &'a str,
    sentence_index: usize,
    start: usize,
    end: usize,
    text: &'a str,
    agreement: &'a str,
}

/// Writes `comparison.json` (pretty-printed, deterministic order).
pub fn comparison<W: Write>(story: &Story, w: W) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(w, &document(story))
}

fn document(story: &Story) -> Document<'_> {
    let id = |i: usize| story.articles[i].id.as_str();
    let articles = story
        .articles
        .iter()
        .zip(&story.docs)
        .enumerate()
        .map(|(i, (a, d))| {
            let copy = story.alignment.copies.iter().find(|c| c.article == i);
            ArticleOut {
                id: &a.id,
                outlet: &a.outlet,
                title: a.title.as_deref(),
                date: a.date.as_deref(),
                url: a.url.as_deref(),
                source: &a.source,
                words: d.word_count(),
                sentences: d.sentences.len(),
                copy_of: copy.map(|c| id(c.original)),
                copy_similarity: copy.map(|c| c.similarity),
                language: story.languages[i].map(|l| l.code),
                removed: d
                    .removed
                    .iter()
                    .map(|r| RemovedOut {
                        kind: &r.kind,
                        start: r.span.start,
                        end: r.span.end,
                        reason: &r.reason,
                    })
                    .collect(),
            }
        })
        .collect();
    let copies = story
        .alignment
        .copy_pairs
        .iter()
        .map(|p| CopyOut {
            article_a: id(p.article),
            article_b: id(p.original),
            kind: p.kind.as_str(),
            similarity: p.similarity,
            shared_words: p.shared_words,
        })
        .collect();
    let units = story
        .alignment
        .units
        .iter()
        .map(|u| UnitOut {
            unit_id: u.id,
            members: u
                .members
                .iter()
                .map(|m| {
                    let (a, d) = (&story.articles[m.article], &story.docs[m.article]);
                    let s = &d.sentences[m.sentence];
                    MemberOut {
                        article_id: &a.id,
                        sentence_index: m.sentence,
                        kind: s.kind.as_str(),
                        position: position(d, m.sentence),
                        similarity: m.similarity,
                        start: s.span.start,
                        end: s.span.end,
                        text: &a.body[s.span.range()],
                    }
                })
                .collect(),
        })
        .collect();
    let substitutions = story
        .diffs
        .substitutions
        .iter()
        .map(|s| SubstitutionOut {
            unit_id: s.unit,
            article_a: id(s.a),
            article_b: id(s.b),
            a_text: &s.a_text,
            b_text: &s.b_text,
            category: &s.category,
        })
        .collect();
    let quotes = story
        .quotes
        .iter()
        .zip(&story.quote_matches)
        .map(|(q, m)| QuoteOut {
            quote_id: m.quote_id,
            article_id: id(q.article),
            sentence_index: q.sentence,
            start: q.span.start,
            end: q.span.end,
            speaker: q.speaker.as_deref(),
            cue: q.cue.as_deref(),
            text: &q.text,
            partial: q.partial,
            r#match: m.kind.as_str(),
            similarity: m.similarity,
        })
        .collect();
    let attributions = story
        .attributions
        .iter()
        .map(|a| AttributionOut {
            article_id: id(a.article),
            sentence_index: a.sentence,
            start: a.span.start,
            end: a.span.end,
            speaker: &a.speaker,
            verb: &a.verb,
            verb_class: a.class.as_str(),
            direct: a.direct,
        })
        .collect();
    let fact_ids = story.fact_ids();
    let facts = story
        .facts
        .iter()
        .zip(&story.fact_agreement)
        .zip(&fact_ids)
        .map(|((f, agreement), &fact_id)| FactOut {
            fact_id,
            kind: f.kind.as_str(),
            key: &f.key,
            value: &f.value,
            article_id: id(f.article),
            sentence_index: f.sentence,
            start: f.span.start,
            end: f.span.end,
            text: &story.articles[f.article].body[f.span.range()],
            agreement: agreement.as_str(),
        })
        .collect();
    let flags = story
        .flags
        .iter()
        .map(|f| FlagOut {
            article_id: id(f.article),
            sentence_index: f.sentence,
            headline: story.docs[f.article].sentences[f.sentence].kind
                == crate::normalize::SentenceKind::Headline,
            start: f.span.start,
            end: f.span.end,
            text: &story.articles[f.article].body[f.span.range()],
            term: &f.term,
            category: &f.category,
            neutral: &f.neutral,
            weight: f.weight,
            evidence: f.evidence.as_str(),
            in_quote: f.in_quote,
            baseline: &f.baseline,
            explanation: &f.explanation,
        })
        .collect();
    let distinctive = story
        .distinctive
        .iter()
        .map(|d| DistinctiveOut {
            article_id: id(d.article),
            term: &d.term,
            count: d.count,
            z: d.z,
        })
        .collect();
    Document {
        schema_version: SCHEMA_VERSION,
        articles,
        copies,
        units,
        substitutions,
        quotes,
        attributions,
        facts,
        flags,
        distinctive,
        summary: &story.summary,
        caveats: crate::caveats::caveats(story),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_texts_agree_and_the_version_is_there() {
        let a = crate::Article::from_text(
            "a",
            "Rockets hit Baghdad\n\n\"We were hit,\" the embassy said on Sunday.",
        );
        let b = crate::Article::from_text(
            "b",
            "Rockets struck Baghdad\n\n\"We were hit,\" the embassy said on Sunday night.",
        );
        let story = Story::build(vec![a, b]);
        let mut out = Vec::new();
        comparison(&story, &mut out).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json["schema_version"], SCHEMA_VERSION);
        assert_eq!(json["articles"].as_array().unwrap().len(), 2);
        for unit in json["units"].as_array().unwrap() {
            for m in unit["members"].as_array().unwrap() {
                let body = &story
                    .articles
                    .iter()
                    .find(|a| a.id == m["article_id"])
                    .unwrap()
                    .body;
                let (s, e) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&body[s..e], m["text"].as_str().unwrap());
            }
        }
        assert_eq!(json["quotes"][0]["text"], "We were hit,");
    }
}
