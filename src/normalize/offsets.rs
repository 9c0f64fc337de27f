//! Mapping byte offsets in normalized text back to the body they came from.

use crate::Span;
use serde::Serialize;

/// One place where normalization changed the text: `body[body_start..body_end]` became
/// `norm[norm_start..norm_end]`. Everything between edits was copied unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub norm_start: usize,
    pub norm_end: usize,
    pub body_start: usize,
    pub body_end: usize,
}

/// Maps offsets in normalized text to offsets in the body. Edits are recorded in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    pub(crate) fn push(&mut self, edit: Edit) {
        debug_assert!(
            self.edits
                .last()
                .is_none_or(|e| e.norm_end <= edit.norm_start && e.body_end <= edit.body_start)
        );
        self.edits.push(edit);
    }

    pub(crate) fn truncate(&mut self, len: usize) {
        self.edits.truncate(len);
    }

    pub(crate) fn len(&self) -> usize {
        self.edits.len()
    }

    /// Number of places where the text was changed.
    pub fn edit_count(&self) -> usize {
        self.edits.len()
    }

    /// The body offset where a span starting at normalized offset `norm` starts. A start inside
    /// a replaced run maps to the run's start; a start at a deleted character maps past it.
    pub fn start_to_body(&self, norm: usize) -> usize {
        let i = self.edits.partition_point(|e| e.norm_start <= norm);
        let Some(edit) = i.checked_sub(1).map(|i| self.edits[i]) else {
            return norm;
        };
        if norm < edit.norm_end || (norm == edit.norm_start && edit.norm_end > edit.norm_start) {
            edit.body_start
        } else {
            edit.body_end + (norm - edit.norm_end)
        }
    }

    /// The body offset where a span ending at normalized offset `norm` ends. An end inside a
    /// replaced run maps to the run's end; an end at a deleted character maps before it.
    pub fn end_to_body(&self, norm: usize) -> usize {
        let i = self.edits.partition_point(|e| e.norm_start < norm);
        let Some(edit) = i.checked_sub(1).map(|i| self.edits[i]) else {
            return norm;
        };
        if norm <= edit.norm_end {
            edit.body_end
        } else {
            edit.body_end + (norm - edit.norm_end)
        }
    }

    /// A normalized span as a body span.
    pub fn span_to_body(&self, norm: Span) -> Span {
        let start = self.start_to_body(norm.start);
        Span::new(start, self.end_to_body(norm.end).max(start))
    }

    /// The normalized offset of body offset `body` (the start of the run it falls in).
    pub fn body_to_norm(&self, body: usize) -> usize {
        let i = self.edits.partition_point(|e| e.body_start <= body);
        let Some(edit) = i.checked_sub(1).map(|i| self.edits[i]) else {
            return body;
        };
        if body < edit.body_end {
            edit.norm_start
        } else {
            edit.norm_end + (body - edit.body_end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "a“b”\u{200B}c" → "a\"b\"c": two replacements (3 bytes → 1) and a deletion (3 bytes → 0).
    fn map() -> OffsetMap {
        let mut m = OffsetMap::default();
        m.push(Edit {
            norm_start: 1,
            norm_end: 2,
            body_start: 1,
            body_end: 4,
        });
        m.push(Edit {
            norm_start: 3,
            norm_end: 4,
            body_start: 5,
            body_end: 8,
        });
        m.push(Edit {
            norm_start: 4,
            norm_end: 4,
            body_start: 8,
            body_end: 11,
        });
        m
    }

    #[test]
    fn spans_map_around_replacements_and_deletions() {
        let m = map();
        assert_eq!(m.span_to_body(Span::new(0, 5)), Span::new(0, 12)); // whole text
        assert_eq!(m.span_to_body(Span::new(2, 3)), Span::new(4, 5)); // "b"
        assert_eq!(m.span_to_body(Span::new(1, 4)), Span::new(1, 8)); // "“b”"
        assert_eq!(m.span_to_body(Span::new(4, 5)), Span::new(11, 12)); // "c", past the deleted space
        assert_eq!(m.span_to_body(Span::new(0, 1)), Span::new(0, 1)); // "a"
    }

    #[test]
    fn body_offsets_map_back() {
        let m = map();
        assert_eq!(m.body_to_norm(0), 0);
        assert_eq!(m.body_to_norm(2), 1);
        assert_eq!(m.body_to_norm(4), 2);
        assert_eq!(m.body_to_norm(11), 4);
    }
}
