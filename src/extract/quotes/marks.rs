//! Finding quotation spans in folded text.
//!
//! Folding turns every double quotation mark (straight, curly, guillemets) into `"` and every
//! single one into `'`, which loses which way a mark faces. The body still knows (`“` opens, `”`
//! closes), so each mark's direction is read from the body, and from its neighbours for straight
//! marks. Rules, each with an example:
//!
//! - A quotation never runs past the end of its paragraph (a line), unless the next paragraph
//!   opens with a quotation mark: the journalistic convention for a quote that goes on
//!   (`“First paragraph⏎“Second paragraph.”` is one quotation). Otherwise an unclosed quotation
//!   ends with its paragraph (`closed` is false).
//! - Single quotes are apostrophes (`Pompeo's`, `'til`, `rock 'n' roll`, `the '90s`) unless they
//!   open before a word at a word boundary and close after one; single-quoted spans inside
//!   double quotes are part of the outer quotation, not quotations of their own. The caller
//!   keeps a single-quoted span only when a speaker is found for it.

use crate::Span;
use crate::normalize::OffsetMap;

/// One quotation found in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteMarks {
    /// Folded offset of the opening mark.
    pub open: usize,
    /// The words between the marks, in folded offsets.
    pub inner: Span,
    /// Folded offset of the closing mark, if the quotation is closed.
    pub close: Option<usize>,
    /// Made of single quotation marks ('like this').
    pub single: bool,
}

/// Which way a mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    /// A straight mark between two words or two spaces: decided by the pairing state.
    Either,
}

/// Quotation spans of `text` (the folded body), in text order, skipping the `skip` regions
/// (boilerplate). `body` and `map` give the marks' original characters.
pub fn find(text: &str, body: &str, map: &OffsetMap, skip: &[Span]) -> Vec<QuoteMarks> {
    let lines = lines(text);
    let mut out = double_quotes(text, body, map, &lines);
    out.retain(|q| !skip.iter().any(|s| s.start <= q.open && q.open < s.end));
    for q in &mut out {
        // Boilerplate inside a quotation (a pasted tweet after an unclosed mark) bounds it.
        if let Some(s) = skip
            .iter()
            .find(|s| q.inner.start < s.start && s.start < q.inner.end)
        {
            q.inner.end = trim_end(text, q.inner.start, s.start);
            q.close = None;
        }
    }
    let singles = single_quotes(text, &lines, &out);
    out.extend(
        singles
            .into_iter()
            .filter(|q| !skip.iter().any(|s| s.start <= q.open && q.open < s.end)),
    );
    out.sort_by_key(|q| q.open);
    for q in &mut out {
        // « non merci »: the spaces inside the marks are typography, not words.
        let inner = &text[q.inner.range()];
        q.inner.start += inner.len() - inner.trim_start().len();
        q.inner.end = q
            .inner
            .start
            .max(trim_end(text, q.inner.start, q.inner.end));
    }
    out.retain(|q| !q.inner.is_empty());
    out
}

/// Line spans (without the newline), blank lines included.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Span::new(start, i));
            start = i + 1;
        }
    }
    out.push(Span::new(start, text.len()));
    out
}

fn double_quotes(text: &str, body: &str, map: &OffsetMap, lines: &[Span]) -> Vec<QuoteMarks> {
    let mut out = Vec::new();
    // The quotation being read: its opening mark.
    let mut open: Option<usize> = None;
    for (li, line) in lines.iter().enumerate() {
        let slice = &text[line.range()];
        let mut first_mark = true;
        for (i, _) in slice.match_indices('"') {
            let at = line.start + i;
            let facing = facing(text, body, map, at);
            let continues = first_mark && open.is_some() && slice[..i].trim().is_empty();
            first_mark = false;
            if continues {
                // A continued quotation's paragraph opens with a mark: it stays open.
                continue;
            }
            match (open, facing) {
                (None, Facing::Close) if is_curly(body, map, at) => {} // a stray closing mark
                (None, _) => open = Some(at),
                (Some(o), _) => {
                    out.push(QuoteMarks {
                        open: o,
                        inner: Span::new(o + 1, at),
                        close: Some(at),
                        single: false,
                    });
                    open = None;
                }
            }
        }
        if let Some(o) = open {
            let next = lines[li + 1..]
                .iter()
                .find(|l| !text[l.range()].trim().is_empty());
            let continued = next.is_some_and(|l| text[l.range()].trim_start().starts_with('"'));
            if !continued {
                out.push(QuoteMarks {
                    open: o,
                    inner: Span::new(o + 1, trim_end(text, o + 1, line.end)),
                    close: None,
                    single: false,
                });
                open = None;
            }
        }
    }
    out
}

/// The offset where `text[start..end]` ends once trailing white space is dropped.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

fn body_char(body: &str, map: &OffsetMap, at: usize) -> Option<char> {
    body.get(map.start_to_body(at)..)?.chars().next()
}

fn is_curly(body: &str, map: &OffsetMap, at: usize) -> bool {
    body_char(body, map, at).is_some_and(|c| c != '"')
}

/// Which way the mark at folded offset `at` faces: as its glyph says (`“` opens, `”`
/// closes), unless its place says plainly otherwise (`”Fear. I am afraid.”` opens a line with
/// a closing glyph, a slip pages make); a straight mark by its place alone.
fn facing(text: &str, body: &str, map: &OffsetMap, at: usize) -> Facing {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    let open_before = before.is_none_or(|c| c.is_whitespace() || "([{-/".contains(c));
    let close_after =
        after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}-".contains(c) || c == '\'');
    let by_place = match (open_before, close_after) {
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        _ => Facing::Either,
    };
    match body_char(body, map, at) {
        Some('“' | '„' | '«' | '‟') if by_place != Facing::Close => Facing::Open,
        Some('”' | '»') if by_place != Facing::Open => Facing::Close,
        _ => by_place,
    }
}

/// Words that begin with an apostrophe standing for left-out letters ('til, 'em, 'n').
const ELISIONS: &[&str] = &[
    "bout", "cause", "cos", "cuz", "em", "n", "nother", "round", "s", "t", "til", "tis", "twas",
    "ye",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// An opening single mark: at a word boundary, before a letter, and not an elision.
fn opens_single(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let rest = &text[at + 1..];
    if !before.is_none_or(|c| c.is_whitespace() || "([{-/\"".contains(c)) {
        return false;
    }
    if !rest.chars().next().is_some_and(char::is_alphabetic) {
        return false; // the '90s, a lone mark
    }
    // The word as written: lower-casing can change its length (`ẞ` is three bytes, `ß` two).
    let written = rest
        .find(|c: char| !is_word_char(c))
        .map_or(rest, |end| &rest[..end]);
    let word = written.to_lowercase();
    let after_word = rest[written.len()..].chars().next();
    // rock 'n' roll: a one-letter word closed by a mark at once.
    !(ELISIONS.contains(&word.as_str()) || (word.chars().count() == 1 && after_word == Some('\'')))
}

/// A closing single mark: after a word or punctuation, before a non-letter.
fn closes_single(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !c.is_alphanumeric())
}

fn single_quotes(text: &str, lines: &[Span], doubles: &[QuoteMarks]) -> Vec<QuoteMarks> {
    let doubles = crate::span::SpanIndex::new(doubles.iter().map(|q| q.inner));
    let inside_double = |at: usize| doubles.contains(Span::new(at, at + 1));
    let mut out = Vec::new();
    for line in lines {
        let marks: Vec<usize> = text[line.range()]
            .match_indices('\'')
            .map(|(i, _)| line.start + i)
            .filter(|&at| !inside_double(at))
            .collect();
        // Prefer a mark after punctuation (`,'` `.'`) or before punctuation or the line end;
        // `workers' union` is more likely a plural possessive.
        let preferred = |c: usize| {
            let before = text[..c].chars().next_back();
            let after = text[c + 1..line.end].chars().next();
            before.is_some_and(|b| ".,!?;:".contains(b))
                || after.is_none_or(|a| ".,!?;:)".contains(a))
        };
        // From each mark on, the first closing mark that is preferred, and the last closing
        // mark of the line: worked out once per line, so that each mark is looked at once.
        let closes: Vec<bool> = marks.iter().map(|&c| closes_single(text, c)).collect();
        let mut next_preferred = vec![None; marks.len() + 1];
        for j in (0..marks.len()).rev() {
            next_preferred[j] = if closes[j] && preferred(marks[j]) {
                Some(j)
            } else {
                next_preferred[j + 1]
            };
        }
        let last_closer = closes.iter().rposition(|&c| c);
        let mut k = 0;
        while k < marks.len() {
            let o = marks[k];
            if !opens_single(text, o) {
                k += 1;
                continue;
            }
            let closer = next_preferred[k + 1].or(last_closer.filter(|&l| l > k));
            match closer {
                Some(j) => {
                    let c = marks[j];
                    out.push(QuoteMarks {
                        open: o,
                        inner: Span::new(o + 1, c),
                        close: Some(c),
                        single: true,
                    });
                    k = j + 1;
                }
                None => k += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn quotes(body: &str) -> Vec<(String, bool, bool)> {
        let folded = fold::fold(body);
        find(&folded.text, body, &folded.map, &[])
            .into_iter()
            .map(|q| {
                let span = folded.map.span_to_body(q.inner);
                (body[span.range()].to_string(), q.close.is_some(), q.single)
            })
            .collect()
    }

    fn texts(body: &str) -> Vec<String> {
        quotes(body).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn curly_straight_and_guillemet_quotes() {
        assert_eq!(texts("“A b,” he said. \"C d.\""), ["A b,", "C d."]);
        assert_eq!(texts("Il a dit « non merci » hier."), ["non merci"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let body = "Pompeo's remarks, rock 'n' roll, the '90s and 'til dawn, the workers' union.";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
        assert!(texts("Pompeo’s remarks in the ’90s, ’til dawn.").is_empty());
    }

    #[test]
    fn single_quotes_nested_inside_double_ones_belong_to_them() {
        let body = "“He told me ‘never again’ and left,” she said.";
        assert_eq!(texts(body), ["He told me ‘never again’ and left,"]);
    }

    #[test]
    fn single_quoted_quotation() {
        let body = "The minister said: 'We will not back down.'";
        assert_eq!(
            quotes(body),
            [("We will not back down.".to_string(), true, true)]
        );
    }

    #[test]
    fn quote_running_across_paragraphs() {
        let body = "He said: “First part.\n\n“Second part.”\n\nAfter.";
        assert_eq!(texts(body), ["First part.\n\n“Second part."]);
    }

    #[test]
    fn unclosed_quote_ends_at_its_paragraph() {
        let body = "He said: “First part.\n\nNot a quote. Neither “is this.\n\nNor this.";
        assert_eq!(
            quotes(body),
            [
                ("First part.".to_string(), false, false),
                ("is this.".to_string(), false, false)
            ]
        );
    }

    #[test]
    fn stray_closing_mark_opens_nothing() {
        assert!(texts("A stray ” mark. More text here.").is_empty());
    }

    #[test]
    fn a_closing_glyph_where_a_quotation_opens_opens_it() {
        let body = "”Fear. I am afraid.” ― Jane Roe
“Hope, too.” ― John Doe";
        assert_eq!(texts(body), ["Fear. I am afraid.", "Hope, too."]);
    }
}
