//! Byte ranges into an article body.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open UTF-8 byte range `start..end` into a text, usually [`crate::Article::body`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// Whether `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Self::new(r.start, r.end)
    }
}

/// Spans (in any order, overlapping or not) indexed to ask in logarithmic time whether one of
/// them overlaps or contains a given span: sorted by start, with the furthest end reached so
/// far at each place.
#[derive(Debug, Clone, Default)]
pub(crate) struct SpanIndex {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl SpanIndex {
    pub(crate) fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        let mut furthest = 0;
        let furthest_end = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        Self {
            starts: spans.iter().map(|s| s.start).collect(),
            furthest_end,
        }
    }

    /// Whether one of the spans shares a byte with `span` ([`Span::overlaps`]).
    pub(crate) fn overlaps(&self, span: Span) -> bool {
        let k = self.starts.partition_point(|&s| s < span.end);
        k > 0 && self.furthest_end[k - 1] > span.start
    }

    /// Whether one of the spans holds all of `span` ([`Span::contains`]).
    pub(crate) fn contains(&self, span: Span) -> bool {
        let k = self.starts.partition_point(|&s| s <= span.start);
        k > 0 && self.furthest_end[k - 1] >= span.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_index_agrees_with_checking_every_span() {
        let spans: Vec<Span> = [(0, 4), (2, 9), (20, 22), (21, 30), (40, 41), (12, 12)]
            .iter()
            .map(|&(a, b)| Span::new(a, b))
            .collect();
        let index = SpanIndex::new(spans.iter().copied());
        for start in 0..45 {
            for end in start..46 {
                let probe = Span::new(start, end);
                let every = spans.iter().any(|s| s.overlaps(probe));
                assert_eq!(index.overlaps(probe), every, "{probe:?}");
            }
        }
    }
}
