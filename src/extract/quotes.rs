//! Direct quotes, speakers, cue verbs and attributions.
//!
//! One pass per article, in four steps, each in its own module:
//! 1. [`marks`]: quotation spans in the folded text (direction of each mark from the body,
//!    quotations running across paragraphs, unclosed ones bounded at their paragraph,
//!    apostrophes left alone);
//! 2. [`verbs`]: the reporting verbs outside quotations (`speech_verbs.txt` and the lexicon's
//!    `attribution-*` entries, with its `not_when` guards);
//! 3. [`attributions`] with [`speakers`]: each verb tied to a speaker (a name without its
//!    titles, a group, a role or a pronoun resolved to an earlier speaker);
//! 4. each quotation tied to a verb of its sentence: a partial quote (`dismissed Pompeo's
//!    "irresponsible" remarks`) to the nearest verb before it, a quotation opening its sentence
//!    to the verb after it (`"...," Trump wrote`), another to the verb before it (`he wrote:
//!    "..."`). A quotation with no verb continues the previous speaker (`"Think it over."`,
//!    empty cue) or follows `X:`; a short embedded quotation with no speaker is a scare quote
//!    (`the "peaceful" protest`, `so-called "experts"`) and is not reported.
//!
//! ```
//! use slant::{Article, normalize};
//! use slant::extract::quotes::extract;
//! use slant::score::lexicon::Lexicon;
//!
//! let article = Article::from_text(
//!     "wire",
//!     "Trump blames Iran\n\n\"Think it over,\" US President Donald Trump wrote on Twitter. \
//!      Iran dismissed his \"irresponsible\" remarks. The \"peaceful\" protest went on.",
//! );
//! let doc = normalize(&article);
//! let (quotes, _) = extract(0, &article, &doc, &Lexicon::default_english());
//! let found: Vec<(&str, Option<&str>, Option<&str>)> = quotes
//!     .iter()
//!     .map(|q| (q.text.as_str(), q.speaker.as_deref(), q.cue.as_deref()))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("Think it over,", Some("Donald Trump"), Some("wrote")),
//!         ("irresponsible", Some("Iran"), Some("dismissed")),
//!     ]
//! );
//! ```

pub mod attributions;
pub mod canonical;
pub mod marks;
pub mod speakers;
pub mod verbs;
pub mod words;

use super::{Attribution, Quote, VerbClass};
use crate::score::lexicon::Lexicon;
use crate::{Article, Doc, Span};
use attributions::Placement;
use std::collections::HashMap;
use words::Words;

/// A partial quotation with no speaker and at most this many words is a scare quote.
const SCARE_QUOTE_MAX_WORDS: usize = 4;

/// A quotation with how it was attributed: what [`extract`] reports, plus where the speaker
/// is named (for measuring against annotations that mark the speaker's words).
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteDetail {
    pub quote: Quote,
    /// The phrase naming the speaker, a byte range in the body (for a pronoun: the pronoun).
    pub speaker_span: Option<Span>,
    /// The cue verb, a byte range in the body.
    pub cue_span: Option<Span>,
    /// For a quotation that continues the previous one's speaker with no verb of its own
    /// (empty cue), the previous one's cue: annotation schemes that treat both as one
    /// attribution give them that cue.
    pub continued_cue: Option<String>,
}

/// Quotes and attributions of one article; speaker names as written, titles removed.
pub fn extract(
    article_index: usize,
    article: &Article,
    doc: &Doc,
    lexicon: &Lexicon,
) -> (Vec<Quote>, Vec<Attribution>) {
    let (details, attributions) = extract_detailed(article_index, article, doc, lexicon);
    (details.into_iter().map(|d| d.quote).collect(), attributions)
}

/// [`extract`], with the speaker and cue spans of each quote.
pub fn extract_detailed(
    article_index: usize,
    article: &Article,
    doc: &Doc,
    lexicon: &Lexicon,
) -> (Vec<QuoteDetail>, Vec<Attribution>) {
    let text = doc.text.as_str();
    let skip: Vec<Span> = doc.removed.iter().map(|r| r.norm).collect();
    let found = marks::find(text, &article.body, &doc.map, &skip);
    let inner: Vec<Span> = found.iter().map(|q| q.inner).collect();
    let words = Words::new(doc, &inner);
    let index = verbs::VerbIndex::new(lexicon);
    let hits = index.find(&words, lexicon);
    let mut said = attributions::tie(&words, doc.sentences.len(), hits);
    let handles = handles_shown(text);
    let surnames = full_names(&words, doc.sentences.len());
    for s in &mut said {
        if let Some(name) = &mut s.speaker {
            *name = article_name(name, &surnames, &handles);
        }
    }

    let mut details: Vec<QuoteDetail> = Vec::new();
    let mut used = vec![false; said.len()];
    // The last quotation's speaker and paragraph, for follow-on quotations.
    let mut previous: Option<(String, usize, Option<Span>, Option<String>)> = None;
    for q in &found {
        let Some(sentence) = sentence_of(doc, q.open) else {
            continue;
        };
        let paragraph = doc.sentences[sentence].paragraph;
        let range = words.sentence(sentence);
        let place =
            attributions::placement(&words, q.open, range, doc.sentences[sentence].norm.start);
        if place.so_called {
            continue;
        }
        let end_sentence = q
            .close
            .and_then(|c| sentence_of(doc, c))
            .unwrap_or(sentence);
        let candidates: Vec<usize> = said
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                (s.sentence == sentence || s.sentence == end_sentence) && s.speaker.is_some()
            })
            .map(|(k, _)| k)
            .collect();
        let picked = attributions::pick(&said, &candidates, &words, q.open, place);
        let mut continued_cue = None;
        let (speaker, cue, speaker_span, cue_span) = match picked {
            Some(k) => {
                used[k] = true;
                let s = &said[k];
                let cue_norm = Span::new(
                    words.list[s.verb.first].norm.start,
                    words.list[s.verb.last].norm.end,
                );
                (
                    s.speaker.clone(),
                    Some(s.verb.cue.clone()),
                    s.mention,
                    Some(cue_norm),
                )
            }
            None => match colon_speaker(&words, place, &surnames, &handles)
                .or_else(|| signed_by(text, q))
                .or_else(|| source_label_before(&said, &words, q.open))
            {
                Some((name, span)) => (Some(name), None, Some(span), None),
                None => match &previous {
                    Some((name, p, span, previous_cue))
                        if !place.partial
                            && (*p == paragraph
                                || (*p + 1 == paragraph && place.opens_sentence)) =>
                    {
                        continued_cue = previous_cue.clone();
                        (Some(name.clone()), None, *span, None)
                    }
                    _ => (None, None, None, None),
                },
            },
        };
        let word_count = text[q.inner.range()].split_whitespace().count();
        if speaker.is_none() && (q.single || (place.partial && word_count <= SCARE_QUOTE_MAX_WORDS))
        {
            continue;
        }
        if let Some(name) = &speaker {
            let carried = cue.clone().or_else(|| continued_cue.clone());
            previous = Some((name.clone(), paragraph, speaker_span, carried));
        }
        let span = doc.map.span_to_body(q.inner);
        details.push(QuoteDetail {
            quote: Quote {
                article: article_index,
                sentence,
                span,
                text: article.body[span.range()].to_string(),
                speaker,
                cue,
                partial: place.partial,
            },
            speaker_span: speaker_span.map(|s| doc.map.span_to_body(s)),
            cue_span: cue_span.map(|s| doc.map.span_to_body(s)),
            continued_cue,
        });
    }

    let attributions = said
        .iter()
        .enumerate()
        .filter_map(|(k, s)| {
            let speaker = s.speaker.clone()?;
            let norm = Span::new(
                words.list[s.verb.first].norm.start,
                words.list[s.verb.last].norm.end,
            );
            Some(Attribution {
                article: article_index,
                sentence: s.sentence,
                speaker,
                class: if s.verb.cue == verbs::SOURCE_LABEL {
                    VerbClass::Neutral
                } else {
                    lexicon.verb_class(&s.verb.cue).unwrap_or(VerbClass::Other)
                },
                verb: s.verb.cue.clone(),
                span: doc.map.span_to_body(norm),
                direct: used[k],
            })
        })
        .collect();
    (details, attributions)
}

/// Gives every person one name across the story (the fullest form used): `Trump`, `President
/// Trump` and `@realDonaldTrump` become `Donald Trump` when the story names him so.
pub fn canonicalize_speakers(quotes: &mut [Quote], attributions: &mut [Attribution]) {
    let names = quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .chain(attributions.iter().map(|a| a.speaker.as_str()));
    let map = canonical::canonical_names(names);
    for q in quotes.iter_mut() {
        if let Some(name) = &mut q.speaker
            && let Some(canon) = map.get(name.as_str())
        {
            *name = canon.clone();
        }
    }
    for a in attributions.iter_mut() {
        if let Some(canon) = map.get(a.speaker.as_str()) {
            a.speaker = canon.clone();
        }
    }
}

/// The sentence holding folded offset `at`.
fn sentence_of(doc: &Doc, at: usize) -> Option<usize> {
    let i = doc.sentences.partition_point(|s| s.norm.end <= at);
    doc.sentences
        .get(i)
        .filter(|s| s.norm.start <= at + 1)
        .map(|s| s.index)
}

/// `"..." - Jane Roe`: the name signing a quotation after a dash, at the end of its line.
/// The longest line after a quotation that can be its signature (`- Jane Doe`), in bytes.
const SIGNATURE_MAX: usize = 120;

fn signed_by(text: &str, q: &marks::QuoteMarks) -> Option<(String, Span)> {
    let close = q.close?;
    // A signature is a short line: look no further than a name can reach, so that a long line
    // with many quotations costs each of them a bounded look, not a pass to the line's end.
    let mut limit = (close + 1 + SIGNATURE_MAX).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = text.get(close + 1..limit)?;
    let rest = match window.find('\n') {
        Some(i) => &window[..i],
        None if limit == text.len() => window,
        None => return None,
    };
    let name = rest
        .trim_start()
        .strip_prefix("- ")?
        .trim()
        .trim_end_matches('.');
    let words: Vec<&str> = name.split_whitespace().collect();
    let signed = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let start = close + 1 + rest.find(name)?;
    signed.then(|| {
        (
            speakers::clean_name(name),
            Span::new(start, start + name.len()),
        )
    })
}

/// The speaker a `Source: X` line names, when it is the last attribution before folded offset
/// `open` (a quotation with no verb of its own below it).
fn source_label_before(
    said: &[attributions::Said],
    words: &Words<'_>,
    open: usize,
) -> Option<(String, Span)> {
    let last = said
        .iter()
        .rev()
        .find(|s| words.list[s.verb.first].norm.start < open)?;
    (last.verb.cue == verbs::SOURCE_LABEL)
        .then(|| Some((last.speaker.clone()?, last.mention?)))
        .flatten()
}

/// `Trump: "..."`: the name before the colon.
fn colon_speaker(
    words: &Words<'_>,
    place: Placement,
    surnames: &HashMap<String, String>,
    handles: &HashMap<String, String>,
) -> Option<(String, Span)> {
    let k = place.colon_after?;
    let first = words.sentence(words.list[k].sentence).start;
    let m = speakers::phrase_ending_at(words, k, first)?;
    matches!(
        m.kind,
        speakers::MentionKind::Name | speakers::MentionKind::Group
    )
    .then(|| (article_name(&m.text, surnames, handles), m.span))
}

/// The fullest name the article uses for each surname (`trump` → `Donald Trump`).
fn full_names(words: &Words<'_>, sentences: usize) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for s in 0..sentences {
        for m in speakers::names_in_sentence(words, s) {
            let parts: Vec<&str> = m.text.split_whitespace().collect();
            if parts.len() < 2 {
                continue;
            }
            let surname = parts[parts.len() - 1].to_lowercase();
            let better = out
                .get(&surname)
                .is_none_or(|old| old.split_whitespace().count() < parts.len());
            if better {
                out.insert(surname, m.text.clone());
            }
        }
    }
    out
}

/// `Donald J. Trump (@realDonaldTrump)`: handles the article ties to a name.
fn handles_shown(text: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (i, _) in text.match_indices("(@") {
        let Some(close) = text[i..].find(')') else {
            continue;
        };
        let handle = &text[i + 1..i + close];
        if handle.contains(char::is_whitespace) {
            continue;
        }
        let before = &text[..i];
        let line_start = before.rfind(['\n', '-', '"']).map_or(0, |p| p + 1);
        let name = before[line_start..].trim();
        let words: Vec<&str> = name.split_whitespace().collect();
        let tail: Vec<&str> = words
            .iter()
            .rev()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .copied()
            .collect();
        if tail.len() >= 2 {
            let name: Vec<&str> = tail.into_iter().rev().collect();
            out.insert(handle.to_string(), name.join(" "));
        }
    }
    out
}

/// A speaker's name as the article lets us complete it: a surname alone becomes the fullest
/// name the article gives it; a handle becomes the name shown with it.
fn article_name(
    name: &str,
    surnames: &HashMap<String, String>,
    handles: &HashMap<String, String>,
) -> String {
    if let Some(full) = handles.get(name) {
        return full.clone();
    }
    if !name.contains(' ')
        && name.chars().next().is_some_and(char::is_uppercase)
        && let Some(full) = surnames.get(&name.to_lowercase())
    {
        return full.clone();
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    #[test]
    fn handles_tied_to_names() {
        let h = handles_shown("- Donald J. Trump (@realDonaldTrump) December 23, 2020");
        assert_eq!(h["@realDonaldTrump"], "Donald J. Trump");
    }

    #[test]
    fn speaker_spans_point_at_the_name() {
        let article = Article::from_text("t", "\"We are ready,\" Mayor Jane Doe said.");
        let doc = normalize(&article);
        let (details, _) = extract_detailed(0, &article, &doc, &Lexicon::default_english());
        let span = details[0].speaker_span.unwrap();
        assert_eq!(&article.body[span.range()], "Mayor Jane Doe");
        assert_eq!(&article.body[details[0].cue_span.unwrap().range()], "said");
    }
}
