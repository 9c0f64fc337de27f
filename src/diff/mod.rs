//! Word-level differences between aligned sentences, and the short substitutions in them
//! ("said" → "claimed", "killing" → "assassination").
//!
//! Diffs run on folded, lower-cased word tokens with `similar`, under a deadline per pair so
//! that no input can stall the run; a pair whose diff hit the deadline is reported.

use crate::Doc;
use crate::align::Alignment;
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
pub fn substitutions(alignment: &Alignment, docs: &[Doc], bodies: &[&str]) -> Diffs {
    let mut out = Diffs::default();
    let mut seen: BTreeSet<(usize, usize, String, String)> = BTreeSet::new();
    for unit in &alignment.units {
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
                    if !seen.insert(key) {
                        continue;
                    }
                    let surface = |tokens: &[crate::normalize::Token],
                                   body: &str,
                                   r: std::ops::Range<usize>| {
                        body[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string()
                    };
                    out.substitutions.push(Substitution {
                        unit: unit.id,
                        a: x.article,
                        b: y.article,
                        a_text: surface(ta, bodies[x.article], ra),
                        b_text: surface(tb, bodies[y.article], rb),
                        category: String::new(),
                    });
                }
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
}
