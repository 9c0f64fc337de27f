//! Whether the other articles of a story back a fact, contradict it, or do not state it.
//!
//! - `conflict`: another article gives the same number key (or the same non-empty date key) a
//!   value that cannot be true together with this one: 3 rockets against 8 or 21. Values are
//!   ranges (`>=3` is three or more, `~800` is within 10% of 800), so "at least three" does
//!   not contradict "eight", while `>20` contradicts `20` and `~24` contradicts `30`.
//!   A conflict wins over agreement: a figure that one outlet repeats and another contradicts
//!   is disputed, and the reader should see that first.
//! - `shared`: otherwise, another article states the same kind, key and value.
//! - `unique`: no other article states it.
//!
//! Entities are never in conflict (a name has no value); neither are dates without a key
//! (two dates of different things are not a contradiction).

use crate::extract::{Fact, FactKind};
use serde::Serialize;
use std::collections::HashMap;

/// How a fact stands against the other articles of its story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Agreement {
    Shared,
    Conflict,
    Unique,
}

impl Agreement {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Shared => "shared",
            Self::Conflict => "conflict",
            Self::Unique => "unique",
        }
    }
}

/// The agreement of each fact (same order as `facts`) with the facts of other articles.
///
/// ```
/// use slant::extract::{Fact, FactKind};
/// use slant::extract::facts::{Agreement, agreement};
///
/// let fact = |article, value: &str| Fact {
///     article, sentence: 0, kind: FactKind::Number, key: "rocket".into(),
///     value: value.into(), span: Default::default(),
/// };
/// let facts = [fact(0, "3"), fact(1, "8"), fact(2, "8"), fact(3, ">=3")];
/// let got: Vec<&str> = agreement(&facts).iter().map(|a| a.as_str()).collect();
/// assert_eq!(got, ["conflict", "conflict", "conflict", "unique"]);
/// ```
pub fn agreement(facts: &[Fact]) -> Vec<Agreement> {
    // Facts by (kind, key): every comparison is between facts of one key. Within a key, each
    // distinct value once, with the articles that give it (the first two distinct ones are
    // enough to tell whether another article gives it), so a figure repeated by many
    // articles is compared once, not once per pair.
    type Givers = (usize, Option<usize>);
    let mut by_key: HashMap<(FactKind, &str), Vec<(&str, Givers)>> = HashMap::new();
    let mut at: HashMap<(FactKind, &str, &str), usize> = HashMap::new();
    for fact in facts {
        let values = by_key.entry((fact.kind, &fact.key)).or_default();
        match at.get(&(fact.kind, fact.key.as_str(), fact.value.as_str())) {
            Some(&i) => {
                let (first, second) = &mut values[i].1;
                if *first != fact.article && second.is_none() {
                    *second = Some(fact.article);
                }
            }
            None => {
                at.insert((fact.kind, &fact.key, &fact.value), values.len());
                values.push((&fact.value, (fact.article, None)));
            }
        }
    }
    let mut compatible_values: HashMap<(&str, &str), bool> = HashMap::new();
    facts
        .iter()
        .map(|fact| {
            let others = by_key[&(fact.kind, fact.key.as_str())]
                .iter()
                .filter(|(_, (first, second))| *first != fact.article || second.is_some())
                .map(|(v, _)| *v);
            let mut shared = false;
            for other in others {
                if can_conflict(fact)
                    && !*compatible_values
                        .entry((&fact.value, other))
                        .or_insert_with(|| compatible(&fact.value, other))
                {
                    return Agreement::Conflict;
                }
                shared |= other == fact.value;
            }
            if shared {
                Agreement::Shared
            } else {
                Agreement::Unique
            }
        })
        .collect()
}

fn can_conflict(fact: &Fact) -> bool {
    match fact.kind {
        FactKind::Number => true,
        FactKind::Date => !fact.key.is_empty(),
        FactKind::Entity => false,
    }
}

/// Whether two values can both be true. Values that are not numbers (dates, weekdays) are
/// compatible only when equal.
pub fn compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match (Range::parse(a), Range::parse(b)) {
        (Some(a), Some(b)) => a.overlaps(b),
        _ => false,
    }
}

/// The numbers a value allows.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Range {
    low: f64,
    low_open: bool,
    high: f64,
    high_open: bool,
}

/// How far `~` reaches either side of its value.
const ABOUT: f64 = 0.10;

impl Range {
    fn parse(value: &str) -> Option<Self> {
        let (sign, number) = ["~", ">=", "<=", ">", "<"]
            .iter()
            .find_map(|s| value.strip_prefix(s).map(|n| (*s, n)))
            .unwrap_or(("", value));
        let n: f64 = number.parse().ok()?;
        let (low, low_open, high, high_open) = match sign {
            "~" => (n * (1.0 - ABOUT), false, n * (1.0 + ABOUT), false),
            ">=" => (n, false, f64::INFINITY, false),
            ">" => (n, true, f64::INFINITY, false),
            "<=" => (f64::NEG_INFINITY, false, n, false),
            "<" => (f64::NEG_INFINITY, false, n, true),
            _ => (n, false, n, false),
        };
        Some(Self {
            low,
            low_open,
            high,
            high_open,
        })
    }

    fn overlaps(self, other: Self) -> bool {
        let below = |high: f64, high_open: bool, low: f64, low_open: bool| {
            high < low || (high == low && (high_open || low_open))
        };
        !below(self.high, self.high_open, other.low, other.low_open)
            && !below(other.high, other.high_open, self.low, self.low_open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn fact(article: usize, kind: FactKind, key: &str, value: &str) -> Fact {
        Fact {
            article,
            sentence: 0,
            kind,
            key: key.into(),
            value: value.into(),
            span: Span::default(),
        }
    }

    fn agree(facts: &[Fact]) -> Vec<&'static str> {
        agreement(facts).iter().map(|a| a.as_str()).collect()
    }

    #[test]
    fn three_eight_and_twenty_one_rockets_conflict() {
        let n = |a, v| fact(a, FactKind::Number, "rocket", v);
        assert_eq!(
            agree(&[n(0, "3"), n(1, "8"), n(2, "21")]),
            ["conflict", "conflict", "conflict"]
        );
    }

    #[test]
    fn the_same_value_elsewhere_is_shared_and_a_lone_fact_unique() {
        let n = |a, k, v| fact(a, FactKind::Number, k, v);
        let facts = [
            n(0, "rocket", "3"),
            n(1, "rocket", "3"),
            n(1, "soldier", "1"),
        ];
        assert_eq!(agree(&facts), ["shared", "shared", "unique"]);
    }

    #[test]
    fn the_same_article_does_not_agree_with_itself() {
        let n = |v| fact(0, FactKind::Number, "rocket", v);
        assert_eq!(agree(&[n("3"), n("8")]), ["unique", "unique"]);
    }

    #[test]
    fn a_conflict_wins_over_a_shared_value() {
        let n = |a, v| fact(a, FactKind::Number, "arrest", v);
        assert_eq!(
            agree(&[n(0, "23"), n(1, "23"), n(2, "30")]),
            ["conflict", "conflict", "conflict"]
        );
    }

    #[test]
    fn qualified_values_are_ranges() {
        assert!(compatible(">=3", "8"));
        assert!(compatible("~2000", "2000"));
        assert!(compatible("~24", "23"));
        assert!(!compatible("~24", "30"));
        assert!(!compatible(">20", "20"));
        assert!(compatible(">20", "23"));
        assert!(!compatible("<900", "1400"));
        assert!(compatible("<900", "~800"));
        assert!(!compatible("2020-12-20", "2020-12-21"));
    }

    #[test]
    fn entities_and_unkeyed_dates_never_conflict() {
        let facts = [
            fact(0, FactKind::Entity, "Iran", ""),
            fact(1, FactKind::Entity, "Iran", ""),
            fact(0, FactKind::Date, "", "2020-12-20"),
            fact(1, FactKind::Date, "", "2020-12-21"),
            fact(2, FactKind::Date, "", "2020-12-20"),
        ];
        assert_eq!(
            agree(&facts),
            ["shared", "shared", "shared", "unique", "shared"]
        );
    }

    #[test]
    fn agreement_serializes_in_kebab_case() {
        assert_eq!(
            serde_json::to_string(&Agreement::Conflict).unwrap(),
            "\"conflict\""
        );
    }
}
