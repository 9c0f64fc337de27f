//! Word-level differences between aligned sentences, and the short substitutions in them
//! ("said" → "claimed", "killing" → "assassination").
//!
//! Diffs run on folded, lower-cased word tokens with `similar`, under a deadline per pair so
//! that no input can stall the run; a pair whose diff hit the deadline is reported.

use crate::Doc;
use crate::align::Alignment;
use rayon::prelude::*;
use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// Longest replaced run, in words, on either side, that counts as a substitution.
pub const MAX_SUBSTITUTION_WORDS: usize = 5;
/// Substitutions are read only from pairs that keep at least this share of their words (of the
/// longer sentence): below it the two sentences are paraphrases, and the diff pairs up words
/// that do not correspond.
pub const MIN_SHARED_WORDS: f32 = 0.5;
/// Time allowed for one sentence pair's diff.
pub const DIFF_DEADLINE: Duration = Duration::from_millis(50);

/// Words of one aligned sentence replaced by other words in another article's sentence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Substitution {
    pub unit: usize,
    /// Article indices, `a < b`.
    pub a: usize,
    pub b: usize,
    /// The replaced words as they stand in each body.
    pub a_text: String,
    pub b_text: String,
    /// Empty until the scorer knows what kind of change it is.
    pub category: String,
}

/// Substitutions across every unit, and the sentence pairs whose diff ran out of time.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Diffs {
    pub substitutions: Vec<Substitution>,
    /// `(unit, article a, article b)` of pairs whose diff hit [`DIFF_DEADLINE`].
    pub timed_out: Vec<(usize, usize, usize)>,
}

/// Diffs every pair of members of every unit (members of different articles). The same
/// substitution between the same two articles is kept once, at its first unit.
///
/// Units are diffed on every core (rayon's current pool); what they find is then taken in
/// unit order, so the result does not depend on the number of threads.
pub fn substitutions(alignment: &Alignment, docs: &[Doc], bodies: &[&str]) -> Diffs {
    let per_unit: Vec<UnitDiffs> = alignment
        .units
        .par_iter()
        .map(|unit| unit_diffs(unit, docs, bodies))
        .collect();
    let mut out = Diffs::default();
    let mut seen: BTreeSet<(usize, usize, String, String)> = BTreeSet::new();
    for unit in per_unit {
        out.timed_out.extend(unit.timed_out);
        for (key, substitution) in unit.found {
            if seen.insert(key) {
                out.substitutions.push(substitution);
            }
        }
    }
    out
}

/// What one unit's diffs found, in pair order: each substitution with the key that tells it
/// apart (articles and replaced words), and the pairs whose diff ran out of time.
type SubstitutionKey = (usize, usize, String, String);

#[derive(Debug, Default)]
struct UnitDiffs {
    found: Vec<(SubstitutionKey, Substitution)>,
    timed_out: Vec<(usize, usize, usize)>,
}

fn unit_diffs(unit: &crate::align::Unit, docs: &[Doc], bodies: &[&str]) -> UnitDiffs {
    let mut out = UnitDiffs::default();
    for (i, x) in unit.members.iter().enumerate() {
        for y in &unit.members[i + 1..] {
            if x.article == y.article {
                continue;
            }
            let (x, y) = if x.article < y.article {
                (x, y)
            } else {
                (y, x)
            };
            let (ta, tb) = (
                docs[x.article].sentence_tokens(x.sentence),
                docs[y.article].sentence_tokens(y.sentence),
            );
            // The same words both sides (copies of one sentence): nothing was substituted.
            if ta.len() == tb.len() && ta.iter().zip(tb).all(|(a, b)| a.text == b.text) {
                continue;
            }
            let (wa, wb): (Vec<&str>, Vec<&str>) = (
                ta.iter().map(|t| t.text.as_str()).collect(),
                tb.iter().map(|t| t.text.as_str()).collect(),
            );
            if is_headline(&docs[x.article], x.sentence)
                != is_headline(&docs[y.article], y.sentence)
            {
                continue; // a headline against running text: everything differs
            }
            let deadline = Instant::now() + DIFF_DEADLINE;
            let ops = capture_diff_slices_deadline(Algorithm::Myers, &wa, &wb, Some(deadline));
            if Instant::now() > deadline {
                out.timed_out.push((unit.id, x.article, y.article));
            }
            if shared_share(&ops, wa.len().max(wb.len())) < MIN_SHARED_WORDS {
                continue; // a paraphrase, not an edit: its "substitutions" would be noise
            }
            for (ra, rb) in replaced_runs(&ops) {
                if ra.is_empty()
                    || rb.is_empty()
                    || ra.len() > MAX_SUBSTITUTION_WORDS
                    || rb.len() > MAX_SUBSTITUTION_WORDS
                {
                    continue;
                }
                let key = (
                    x.article,
                    y.article,
                    wa[ra.clone()].join(" "),
                    wb[rb.clone()].join(" "),
                );
                let surface =
                    |tokens: &[crate::normalize::Token], body: &str, r: std::ops::Range<usize>| {
                        body[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string()
                    };
                let substitution = Substitution {
                    unit: unit.id,
                    a: x.article,
                    b: y.article,
                    a_text: surface(ta, bodies[x.article], ra),
                    b_text: surface(tb, bodies[y.article], rb),
                    category: String::new(),
                };
                out.found.push((key, substitution));
            }
        }
    }
    out
}

fn is_headline(doc: &Doc, sentence: usize) -> bool {
    doc.sentences[sentence].kind == crate::normalize::SentenceKind::Headline
}

/// Share of `longest` words that the diff keeps unchanged.
fn shared_share(ops: &[DiffOp], longest: usize) -> f32 {
    let equal: usize = ops
        .iter()
        .map(|op| {
            if let DiffOp::Equal { len, .. } = op {
                *len
            } else {
                0
            }
        })
        .sum();
    if longest == 0 {
        1.0
    } else {
        equal as f32 / longest as f32
    }
}

/// Token ranges replaced between the two sides: `Replace` ops, and a `Delete` next to an
/// `Insert` (which some diffs produce instead).
fn replaced_runs(ops: &[DiffOp]) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ops.len() {
        match (ops[i], ops.get(i + 1)) {
            (
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                },
                _,
            ) => {
                out.push((
                    old_index..old_index + old_len,
                    new_index..new_index + new_len,
                ));
            }
            (
                DiffOp::Delete {
                    old_index, old_len, ..
                },
                Some(&DiffOp::Insert {
                    new_index, new_len, ..
                }),
            )
            | (
                DiffOp::Insert {
                    new_index, new_len, ..
                },
                Some(&DiffOp::Delete {
                    old_index, old_len, ..
                }),
            ) => {
                out.push((
                    old_index..old_index + old_len,
                    new_index..new_index + new_len,
                ));
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// One run of a word diff: words both sides share, or words only one side has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "kebab-case")]
pub enum WordChange {
    /// Words in both (shown as the new side wrote them).
    Equal(String),
    /// Words only the old side has.
    Removed(String),
    /// Words only the new side has.
    Added(String),
}

/// The word diff of two sentences, as runs in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WordDiff {
    /// Adjacent runs never have the same kind; removed words come before the added words
    /// that replace them (as `git diff --word-diff` shows them).
    pub changes: Vec<WordChange>,
    /// The diff hit [`DIFF_DEADLINE`] and fell back to a coarser (still correct) result.
    pub timed_out: bool,
}

/// The words of one sentence for [`sentence_diff`]: what is compared and what is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceWords<'a> {
    /// Folded, lower-cased token text, so that case and quote styles are not changes.
    pub keys: Vec<&'a str>,
    /// The word as it stands in the body with the punctuation and space that follow it, so that
    /// a diff reads like the sentence ("attack. ", "“Our ", "Iranian-") rather than like a
    /// token list.
    pub shown: Vec<&'a str>,
}

impl<'a> SentenceWords<'a> {
    /// The words of sentence `index` of `doc`, whose article body is `body`.
    ///
    /// Each word is shown from its token's start to the next token's start (the first one from
    /// the sentence start, the last one to its end), so no character of the sentence is lost.
    /// A sentence without tokens is one word: its whole text.
    pub fn new(doc: &'a Doc, body: &'a str, index: usize) -> Self {
        let sentence = &doc.sentences[index];
        let tokens = doc.sentence_tokens(index);
        if tokens.is_empty() {
            let text = &body[sentence.span.range()];
            return Self {
                keys: vec![text],
                shown: vec![text],
            };
        }
        let starts = std::iter::once(sentence.span.start)
            .chain(tokens[1..].iter().map(|t| t.span.start))
            .chain(std::iter::once(sentence.span.end));
        let bounds: Vec<usize> = starts.collect();
        Self {
            keys: tokens.iter().map(|t| t.text.as_str()).collect(),
            shown: bounds.windows(2).map(|w| &body[w[0]..w[1]]).collect(),
        }
    }
}

/// Word diff of two word lists, each word compared as it is and shown followed by a space.
pub fn word_diff(old: &[&str], new: &[&str]) -> WordDiff {
    let (old_shown, new_shown) = (spaced(old), spaced(new));
    keyed_diff((old, &as_strs(&old_shown)), (new, &as_strs(&new_shown)))
}

fn spaced(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| format!("{w} ")).collect()
}

fn as_strs(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}

/// Word diff of two sentences: compared on their folded tokens, shown in their body text.
pub fn sentence_diff(old: &SentenceWords<'_>, new: &SentenceWords<'_>) -> WordDiff {
    keyed_diff((&old.keys, &old.shown), (&new.keys, &new.shown))
}

/// Diffs `keys` under [`DIFF_DEADLINE`] and turns the ops into runs of `shown` words.
fn keyed_diff(old: (&[&str], &[&str]), new: (&[&str], &[&str])) -> WordDiff {
    let deadline = Instant::now() + DIFF_DEADLINE;
    let ops = capture_diff_slices_deadline(Algorithm::Myers, old.0, new.0, Some(deadline));
    let mut runs = Runs::default();
    for op in ops {
        let (o, n) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => runs.push(Run::Equal, &new.1[n]),
            _ => {
                runs.push(Run::Removed, &old.1[o]);
                runs.push(Run::Added, &new.1[n]);
            }
        }
    }
    WordDiff {
        changes: runs.finish(),
        timed_out: Instant::now() > deadline,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Equal,
    Removed,
    Added,
}

/// Collects words into runs, merging a word into the previous run of its kind so that a
/// `Delete` next to an `Insert` reads as one replacement, not as interleaved fragments.
#[derive(Debug, Default)]
struct Runs {
    /// Runs so far, as shown words (each with its trailing space) run together; a removed run
    /// directly before an added run stays open for more removals.
    runs: Vec<(Run, String)>,
}

impl Runs {
    fn push(&mut self, kind: Run, words: &[&str]) {
        if words.is_empty() {
            return;
        }
        let words = words.concat();
        let n = self.runs.len();
        let target = match (kind, &self.runs[..]) {
            (_, [.., (last, _)]) if *last == kind => Some(n - 1),
            // More removals after an open replacement go before its added words.
            (Run::Removed, [.., (Run::Removed, _), (Run::Added, _)]) => Some(n - 2),
            _ => None,
        };
        match target {
            Some(i) => self.runs[i].1.push_str(&words),
            None => self.runs.push((kind, words)),
        }
    }

    fn finish(self) -> Vec<WordChange> {
        self.runs
            .into_iter()
            .map(|(kind, words)| {
                let text = collapse_whitespace(&words);
                match kind {
                    Run::Equal => WordChange::Equal(text),
                    Run::Removed => WordChange::Removed(text),
                    Run::Added => WordChange::Added(text),
                }
            })
            .collect()
    }
}

/// A run shown on one line: line breaks and runs of spaces become one space, none at the ends
/// (the reader puts one between runs).
fn collapse_whitespace(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Member, Unit};

    #[test]
    fn a_changed_verb_is_a_substitution() {
        let a = crate::Article::from_text(
            "a",
            "Trump said in a tweet that Iran was behind the attack.",
        );
        let b = crate::Article::from_text(
            "b",
            "Trump claimed in a tweet that Iran was behind the assault.",
        );
        let docs = [crate::normalize(&a), crate::normalize(&b)];
        let member = |article| Member {
            article,
            sentence: 0,
            similarity: Some(0.9),
        };
        let alignment = Alignment {
            units: vec![Unit {
                id: 1,
                members: vec![member(0), member(1)],
            }],
            ..Default::default()
        };
        let diffs = substitutions(&alignment, &docs, &[&a.body, &b.body]);
        let pairs: Vec<(&str, &str)> = diffs
            .substitutions
            .iter()
            .map(|s| (s.a_text.as_str(), s.b_text.as_str()))
            .collect();
        assert_eq!(pairs, [("said", "claimed"), ("attack", "assault")]);
        assert!(diffs.timed_out.is_empty());
    }

    #[test]
    fn paraphrases_and_headline_pairs_give_no_substitutions() {
        let a = crate::Article::from_text(
            "a",
            "Rockets hit Baghdad\n\nIraqi officials counted eight rockets that struck the Green Zone late on Sunday.",
        );
        let b = crate::Article::from_text(
            "b",
            "Rockets hit Baghdad hard\n\nThe Green Zone was struck by eight rockets, the Iraqi military later said.",
        );
        let docs = [crate::normalize(&a), crate::normalize(&b)];
        let member = |article, sentence| Member {
            article,
            sentence,
            similarity: Some(0.6),
        };
        let units = vec![
            Unit {
                id: 1,
                members: vec![member(0, 1), member(1, 1)],
            }, // paraphrase
            Unit {
                id: 2,
                members: vec![member(0, 0), member(1, 1)],
            }, // headline vs text
        ];
        let alignment = Alignment {
            units,
            ..Default::default()
        };
        assert_eq!(
            substitutions(&alignment, &docs, &[&a.body, &b.body]).substitutions,
            vec![]
        );
    }

    fn changes(diff: &WordDiff) -> Vec<(&'static str, &str)> {
        diff.changes
            .iter()
            .map(|c| match c {
                WordChange::Equal(t) => ("=", t.as_str()),
                WordChange::Removed(t) => ("-", t.as_str()),
                WordChange::Added(t) => ("+", t.as_str()),
            })
            .collect()
    }

    #[test]
    fn a_changed_word_is_removed_then_added() {
        let old = ["trump", "said", "iran", "was", "behind", "it"];
        let new = ["trump", "claimed", "iran", "was", "behind", "it"];
        let diff = word_diff(&old, &new);
        assert_eq!(
            changes(&diff),
            [
                ("=", "trump"),
                ("-", "said"),
                ("+", "claimed"),
                ("=", "iran was behind it")
            ]
        );
        assert!(!diff.timed_out);
    }

    #[test]
    fn inserted_and_deleted_words_stand_alone() {
        let inserted = word_diff(&["rockets", "hit"], &["three", "rockets", "hit"]);
        assert_eq!(changes(&inserted), [("+", "three"), ("=", "rockets hit")]);
        let deleted = word_diff(&["rockets", "hit", "baghdad", "today"], &["rockets", "hit"]);
        assert_eq!(
            changes(&deleted),
            [("=", "rockets hit"), ("-", "baghdad today")]
        );
        assert_eq!(word_diff(&[], &[]).changes, []);
    }

    #[test]
    fn a_replaced_run_reads_as_one_replacement() {
        let diff = word_diff(&["a", "b", "c", "d"], &["a", "x", "y", "d"]);
        assert_eq!(
            changes(&diff),
            [("=", "a"), ("-", "b c"), ("+", "x y"), ("=", "d")]
        );
    }

    #[test]
    fn sentences_compare_folded_words_and_show_the_body() {
        let a = crate::Article::from_text("a", "“Our embassy was hit,” Trump said.");
        let b =
            crate::Article::from_text("b", "\"OUR embassy was hit,\" Trump claimed on Twitter.");
        let (da, db) = (crate::normalize(&a), crate::normalize(&b));
        let (wa, wb) = (
            SentenceWords::new(&da, &a.body, 0),
            SentenceWords::new(&db, &b.body, 0),
        );
        assert_eq!(
            wa.shown,
            ["“Our ", "embassy ", "was ", "hit,” ", "Trump ", "said."]
        );
        assert_eq!(
            changes(&sentence_diff(&wa, &wb)),
            [
                ("=", "\"OUR embassy was hit,\" Trump"),
                ("-", "said."),
                ("+", "claimed on Twitter.")
            ]
        );
    }
}
