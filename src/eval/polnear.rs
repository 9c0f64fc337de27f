//! Direct quotes, speakers and cue verbs against PolNeAR (Newell, Margolin, Ruths, LREC 2018)
//! attribution annotations in brat standoff format.
//!
//! A data directory holds `text/X.txt` (title, blank line, paragraphs) and
//! `attributions/X_<annotator>.ann`. When a text has several annotator files, the first in
//! file-name order is used, so reruns give the same figures.
//!
//! Gold direct quotes: the `Content` spans whose text begins with a double quotation mark.
//! A content span may have several fragments (`"A," he said, "B."`): fragments separated only
//! by white space (a quotation running into the next paragraph) are joined; every other
//! fragment that begins with a mark is a gold quote of its own. brat offsets count characters
//! of the file as read; they are converted to byte offsets into the article body (the file's
//! text, unchanged).
//!
//! PolNeAR's direct quotes are whole quoted statements; quoted words embedded in the outlet's
//! own sentence (`called it "a disgrace"`, `said that "..."`) belong to a Content that begins
//! with other words. slant marks those `partial`, so the headline figures compare slant's
//! non-partial quotes with the gold; `*_all` count every predicted quote.
//!
//! Measures, with each gold quote matched to at most one prediction:
//! - exact: the quoted words are the same once marks, white space, case and the punctuation
//!   at either end are set aside;
//! - overlap: the two spans share at least one letter or digit of the text;
//! - speaker accuracy, over overlap matches whose gold quote has a Source: the predicted
//!   speaker's phrase overlaps the Source span, or the predicted name shares a word with it;
//! - cue agreement, over overlap matches whose gold quote has a Cue: the predicted cue equals
//!   the Cue text, lower case, end punctuation dropped (`said:` → `said`). PolNeAR gives a
//!   quotation that goes on after its attribution (`"A," he said. "B."`) the cue of the
//!   attribution; slant gives such a follow-on quotation an empty cue, so `cue_continued`
//!   also credits a follow-on quotation with the cue of the quotation it continues.

use crate::extract::quotes::{QuoteDetail, extract_detailed};
use crate::score::lexicon::Lexicon;
use crate::{Article, Span};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A gold direct quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldQuote {
    /// The quoted words without the marks (body bytes).
    pub inner: Span,
    /// The speaker's words (body bytes), if annotated.
    pub source: Option<Span>,
    /// The cue's text, if annotated.
    pub cue: Option<String>,
}

/// One annotated text.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub article: Article,
    pub gold: Vec<GoldQuote>,
    /// The annotation file used.
    pub annotations: PathBuf,
}

/// Precision, recall and F1 of one kind of match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(matched_pred: usize, matched_gold: usize, predicted: usize, gold: usize) -> Self {
        let precision = ratio(matched_pred, predicted);
        let recall = ratio(matched_gold, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Self {
            matched: matched_gold,
            precision,
            recall,
            f1,
        }
    }
}

/// A share of right answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    pub right: usize,
    pub total: usize,
    pub accuracy: f64,
}

impl Accuracy {
    fn new(right: usize, total: usize) -> Self {
        Self {
            right,
            total,
            accuracy: ratio(right, total),
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The figures over a data directory.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub documents: usize,
    pub gold_quotes: usize,
    pub predicted_quotes: usize,
    /// Predicted quotes that are not partial (the ones compared in `exact` and `overlap`).
    pub predicted_direct: usize,
    pub exact: Prf,
    pub overlap: Prf,
    /// The same, counting partial quotes as predictions too.
    pub exact_all: Prf,
    pub overlap_all: Prf,
    pub speaker: Accuracy,
    pub cue: Accuracy,
    pub cue_continued: Accuracy,
    /// Texts without an annotation file, and annotation files that could not be read.
    pub skipped: Vec<String>,
    /// Every disagreement, document by document, for reading the failures.
    pub misses: Vec<Miss>,
}

/// One disagreement with the annotations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Miss {
    pub document: String,
    /// `missed` (a gold quote no prediction matches exactly), `extra` (a prediction that
    /// matches no gold quote exactly) or `speaker` (an overlapping match whose speaker is not
    /// the annotated source).
    pub kind: &'static str,
    /// The quoted words.
    pub text: String,
    /// For `speaker`: the annotated source and the predicted speaker.
    pub detail: String,
}

/// What can go wrong reading a data directory.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: no text/*.txt files")]
    Empty(PathBuf),
}

/// Reads `dir/text/*.txt` with their first annotation file each; texts without one are named in
/// the second value.
pub fn read_dir(dir: &Path) -> Result<(Vec<Document>, Vec<String>), EvalError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .map_err(io(&text_dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    if texts.is_empty() {
        return Err(EvalError::Empty(text_dir));
    }
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .map_err(io(&ann_dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for path in texts {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let prefix = format!("{stem}_");
        let ann = anns.iter().find(|a| {
            a.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && !n[prefix.len()..].contains('_'))
        });
        let Some(ann) = ann else {
            skipped.push(format!("{}: no annotation file", path.display()));
            continue;
        };
        let text = std::fs::read_to_string(&path).map_err(io(&path))?;
        let annotations = std::fs::read_to_string(ann).map_err(io(ann))?;
        docs.push(document(&stem, &text, &annotations, ann.clone()));
    }
    Ok((docs, skipped))
}

/// One text with its annotations.
pub fn document(id: &str, text: &str, annotations: &str, path: PathBuf) -> Document {
    let mut article = Article::from_text(id, text);
    // brat offsets point into the file: the body must be the whole file.
    if article.body != text {
        article.body = text.to_string();
    }
    Document {
        id: id.to_string(),
        gold: gold_quotes(text, annotations),
        article,
        annotations: path,
    }
}

/// One `T` line: type and byte fragments.
#[derive(Debug, Clone)]
struct TextBound {
    kind: String,
    fragments: Vec<Span>,
}

/// The gold direct quotes of one annotation file over `text`.
pub fn gold_quotes(text: &str, annotations: &str) -> Vec<GoldQuote> {
    // Character offset → byte offset.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let byte = |c: usize| bytes.get(c).copied();
    let mut bounds: HashMap<&str, TextBound> = HashMap::new();
    let mut relations: Vec<HashMap<&str, &str>> = Vec::new();
    for line in annotations.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((kind, offsets)) = body.split_once(' ') else {
                continue;
            };
            let fragments: Option<Vec<Span>> = offsets
                .split(';')
                .map(|f| {
                    let (a, b) = f.trim().split_once(' ')?;
                    Some(Span::new(byte(a.parse().ok()?)?, byte(b.parse().ok()?)?))
                })
                .collect();
            if let Some(fragments) = fragments {
                bounds.insert(
                    id,
                    TextBound {
                        kind: kind.to_string(),
                        fragments,
                    },
                );
            }
        } else if id.starts_with('E') {
            relations.push(
                body.split_whitespace()
                    .filter_map(|arg| arg.split_once(':'))
                    .collect::<HashMap<&str, &str>>(),
            );
        }
    }
    let mut out = Vec::new();
    for relation in relations {
        let Some(content) = relation.get("Content").and_then(|t| bounds.get(t)) else {
            continue;
        };
        if content.kind != "Content" {
            continue;
        }
        let source = relation.get("Source").and_then(|t| bounds.get(t)).map(|b| {
            Span::new(
                b.fragments.iter().map(|f| f.start).min().unwrap_or(0),
                b.fragments.iter().map(|f| f.end).max().unwrap_or(0),
            )
        });
        let cue = relation.get("Cue").and_then(|t| bounds.get(t)).map(|b| {
            b.fragments
                .iter()
                .map(|f| text[f.range()].trim())
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        });
        for piece in joined_fragments(text, &content.fragments) {
            if let Some(inner) = quoted(text, piece) {
                out.push(GoldQuote {
                    inner,
                    source,
                    cue: cue.clone(),
                });
            }
        }
    }
    out.sort_by_key(|g| g.inner);
    out.dedup_by_key(|g| g.inner);
    out
}

/// Fragments with only white space between them, joined.
fn joined_fragments(text: &str, fragments: &[Span]) -> Vec<Span> {
    let mut sorted = fragments.to_vec();
    sorted.sort();
    let mut out: Vec<Span> = Vec::new();
    for f in sorted {
        match out.last_mut() {
            Some(last) if last.end <= f.start && text[last.end..f.start].trim().is_empty() => {
                last.end = f.end;
            }
            _ => out.push(f),
        }
    }
    out
}

const OPENING: &[char] = &['"', '“', '«', '„'];
const CLOSING: &[char] = &['"', '”', '»', '“'];

/// The words inside a span that begins with a quotation mark.
fn quoted(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.range()];
    let lead = s.len() - s.trim_start().len();
    let rest = s.trim_start();
    let mark = rest.chars().next().filter(|c| OPENING.contains(c))?;
    let start = span.start + lead + mark.len_utf8();
    let mut inner = &text[start..span.end];
    inner = inner.trim_end();
    if let Some(c) = inner.chars().next_back().filter(|c| CLOSING.contains(c)) {
        inner = &inner[..inner.len() - c.len_utf8()];
    }
    let trimmed = inner.trim();
    let offset = inner.len() - inner.trim_start().len();
    (!trimmed.is_empty()).then(|| Span::new(start + offset, start + offset + trimmed.len()))
}

/// Runs slant's extraction on every document and scores it.
pub fn evaluate(docs: &[Document], lexicon: &Lexicon) -> Report {
    let mut t = Tallies::default();
    let mut all = Tallies::default();
    for (i, doc) in docs.iter().enumerate() {
        let normalized = crate::normalize(&doc.article);
        let (quotes, _) = extract_detailed(i, &doc.article, &normalized, lexicon);
        score(&doc.article.body, &doc.gold, &quotes, &mut all);
        let direct: Vec<QuoteDetail> = quotes.into_iter().filter(|q| !q.quote.partial).collect();
        let before = t.misses.len();
        score(&doc.article.body, &doc.gold, &direct, &mut t);
        for miss in &mut t.misses[before..] {
            miss.document = doc.article.id.clone();
        }
    }
    Report {
        documents: docs.len(),
        gold_quotes: t.gold,
        predicted_quotes: all.predicted,
        predicted_direct: t.predicted,
        exact: Prf::new(t.exact, t.exact, t.predicted, t.gold),
        overlap: Prf::new(t.overlap, t.overlap, t.predicted, t.gold),
        exact_all: Prf::new(all.exact, all.exact, all.predicted, all.gold),
        overlap_all: Prf::new(all.overlap, all.overlap, all.predicted, all.gold),
        speaker: Accuracy::new(t.speaker_right, t.speaker_total),
        cue: Accuracy::new(t.cue_right, t.cue_total),
        cue_continued: Accuracy::new(t.cue_continued_right, t.cue_total),
        skipped: Vec::new(),
        misses: t.misses,
    }
}

#[derive(Debug, Default)]
struct Tallies {
    gold: usize,
    predicted: usize,
    exact: usize,
    overlap: usize,
    speaker_right: usize,
    speaker_total: usize,
    cue_right: usize,
    cue_continued_right: usize,
    cue_total: usize,
    misses: Vec<Miss>,
}

fn miss(kind: &'static str, text: &str, detail: String) -> Miss {
    Miss {
        document: String::new(),
        kind,
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        detail,
    }
}

/// Lower case, folded, words joined by one space, punctuation at the ends dropped.
fn comparable(text: &str) -> String {
    let folded = crate::normalize::fold_text(text).to_lowercase();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// Letters and digits the two spans share.
fn shared_alnum(body: &str, a: Span, b: Span) -> usize {
    let (start, end) = (a.start.max(b.start), a.end.min(b.end));
    if start >= end {
        return 0;
    }
    body.get(start..end)
        .map_or(0, |s| s.chars().filter(|c| c.is_alphanumeric()).count())
}

fn score(body: &str, gold: &[GoldQuote], predicted: &[QuoteDetail], t: &mut Tallies) {
    t.gold += gold.len();
    t.predicted += predicted.len();
    // Exact matches.
    let mut used = vec![false; predicted.len()];
    for g in gold {
        let want = comparable(&body[g.inner.range()]);
        if let Some(p) =
            (0..predicted.len()).find(|&p| !used[p] && comparable(&predicted[p].quote.text) == want)
        {
            used[p] = true;
            t.exact += 1;
        } else {
            t.misses
                .push(miss("missed", &body[g.inner.range()], String::new()));
        }
    }
    for (p, _) in used.iter().enumerate().filter(|(_, u)| !**u) {
        t.misses
            .push(miss("extra", &predicted[p].quote.text, String::new()));
    }
    // Overlap matches, largest overlaps first.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (g, gq) in gold.iter().enumerate() {
        for (p, pq) in predicted.iter().enumerate() {
            let shared = shared_alnum(body, gq.inner, pq.quote.span);
            if shared > 0 {
                pairs.push((shared, g, p));
            }
        }
    }
    pairs.sort_by_key(|&(shared, g, p)| (std::cmp::Reverse(shared), g, p));
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; predicted.len()];
    for (_, g, p) in pairs {
        if gold_used[g] || pred_used[p] {
            continue;
        }
        gold_used[g] = true;
        pred_used[p] = true;
        t.overlap += 1;
        let (gq, pq) = (&gold[g], &predicted[p]);
        if let Some(source) = gq.source {
            t.speaker_total += 1;
            if speaker_right(body, source, pq) {
                t.speaker_right += 1;
            } else {
                let detail = format!(
                    "source {:?}, predicted {:?}",
                    &body[source.range()],
                    pq.quote.speaker.as_deref().unwrap_or("")
                );
                t.misses.push(miss("speaker", &pq.quote.text, detail));
            }
        }
        if let Some(cue) = &gq.cue {
            let cue = cue.trim_end_matches(|c: char| !c.is_alphanumeric());
            t.cue_total += 1;
            if pq.quote.cue.as_deref() == Some(cue) {
                t.cue_right += 1;
            }
            if pq.quote.cue.as_deref().or(pq.continued_cue.as_deref()) == Some(cue) {
                t.cue_continued_right += 1;
            }
        }
    }
}

/// Words too common to show that two names are the same.
const NAME_STOPWORDS: &[&str] = &["the", "of", "and", "a", "an", "mr", "mrs", "ms", "dr"];

fn speaker_right(body: &str, source: Span, predicted: &QuoteDetail) -> bool {
    if predicted.speaker_span.is_some_and(|s| s.overlaps(source)) {
        return true;
    }
    let Some(name) = &predicted.quote.speaker else {
        return false;
    };
    let gold_words: Vec<String> = body[source.range()]
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 1 && !NAME_STOPWORDS.contains(&w.as_str()))
        .collect();
    name.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 1 && !NAME_STOPWORDS.contains(&w.as_str()))
        .any(|w| gold_words.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Title\n\n“Ça va,” Ana said. “Fine.”\n\nShe said: “One\n\n“Two.”";

    fn char_offset(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].chars().count()
    }

    #[test]
    fn brat_character_offsets_become_byte_spans() {
        let a = char_offset(TEXT, "“Ça");
        let b = char_offset(TEXT, " Ana");
        let c = char_offset(TEXT, "“Fine");
        let d = char_offset(TEXT, "\n\nShe");
        let s = char_offset(TEXT, "Ana said");
        let ann = format!(
            "T1\tContent {a} {b};{c} {d}\tx\nT2\tSource {s} {}\tAna\nT3\tCue {} {}\tsaid\nE1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n",
            s + 3,
            s + 4,
            s + 8
        );
        let gold = gold_quotes(TEXT, &ann);
        let texts: Vec<&str> = gold.iter().map(|g| &TEXT[g.inner.range()]).collect();
        assert_eq!(texts, ["Ça va,", "Fine."]);
        assert_eq!(&TEXT[gold[0].source.unwrap().range()], "Ana");
        assert_eq!(gold[0].cue.as_deref(), Some("said"));
    }

    #[test]
    fn fragments_across_paragraphs_are_one_quote() {
        let a = char_offset(TEXT, "“One");
        let b = char_offset(TEXT, "\n\n“Two");
        let c = b + 2;
        let d = TEXT.chars().count();
        let ann = format!("T1\tContent {a} {b};{c} {d}\tx\nE1\tContent:T1\n");
        let gold = gold_quotes(TEXT, &ann);
        assert_eq!(gold.len(), 1);
        assert_eq!(&TEXT[gold[0].inner.range()], "One\n\n“Two.");
    }

    #[test]
    fn evaluation_counts_matches() {
        let a = char_offset(TEXT, "“Ça");
        let b = char_offset(TEXT, " Ana");
        let s = char_offset(TEXT, "Ana said");
        let ann = format!(
            "T1\tContent {a} {b}\tx\nT2\tSource {s} {}\tAna\nT3\tCue {} {}\tsaid\nE1\tContent:T1 Cue:T3 Source:T2\n",
            s + 3,
            s + 4,
            s + 8
        );
        let doc = document("t", TEXT, &ann, PathBuf::from("t_x.ann"));
        let report = evaluate(&[doc], &Lexicon::default_english());
        assert_eq!(report.gold_quotes, 1);
        assert_eq!(report.exact.matched, 1);
        assert_eq!(report.speaker.right, 1);
        assert_eq!(report.cue.right, 1);
    }
}
