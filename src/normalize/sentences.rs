//! Sentence boundaries: UAX #29, then the corrections news text needs.
//!
//! - Paragraphs (blank-line separated) and removed boilerplate always end a sentence.
//! - Inside a paragraph, a short line without closing punctuation followed by a capitalized
//!   line is a headline or heading on its own; list items are sentences of their own.
//! - A boundary inside a quotation that opens and closes within the paragraph is dropped:
//!   `"A. B. C," he said.` is one sentence.
//! - A boundary after an abbreviation or an initial is dropped (`abbreviations.txt`).

use super::boilerplate::Removed;
use crate::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// What role a sentence plays on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SentenceKind {
    /// The article's headline (its first line, when it is the title or reads like one).
    Headline,
    /// A subheading: a short line without closing punctuation inside the article.
    Heading,
    /// A photo caption (a line whose photo credit was removed).
    Caption,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// Running text.
    Text,
}

impl SentenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Headline => "headline",
            Self::Heading => "heading",
            Self::Caption => "caption",
            Self::ListItem => "list-item",
            Self::Text => "text",
        }
    }
}

/// A sentence found in normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub norm: Span,
    pub kind: SentenceKind,
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrevClass {
    Title,
    Number,
    Ambiguous,
}

static ABBREVIATIONS: LazyLock<BTreeMap<&'static str, AbbrevClass>> = LazyLock::new(|| {
    data_lines(include_str!("abbreviations.txt"))
        .map(|line| {
            let (word, class) = line
                .split_once(' ')
                .expect("abbreviations.txt: `word class` (tested)");
            let class = match class {
                "title" => AbbrevClass::Title,
                "number" => AbbrevClass::Number,
                _ => AbbrevClass::Ambiguous,
            };
            (word, class)
        })
        .collect()
});

static SENTENCE_STARTERS: LazyLock<BTreeSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("sentence_starters.txt")).collect());

use crate::wordlists::data_lines;

/// Splits normalized `text` into sentences, skipping `removed` regions. `title` (the article's
/// title, if known) helps recognize the headline.
pub fn split(text: &str, removed: &[Removed], title: Option<&str>) -> Vec<Found> {
    let clean = blank_out(text, removed);
    let mut out = Vec::new();
    let mut first_block = true;
    for (paragraph, para) in paragraphs(&clean).into_iter().enumerate() {
        for block in blocks(&clean, para) {
            let kind = block_kind(&clean, block, first_block, title, removed);
            first_block = false;
            for norm in sentences_in(&clean, block.content) {
                out.push(Found {
                    norm,
                    kind: if kind == SentenceKind::Headline && !out.is_empty() {
                        SentenceKind::Text
                    } else {
                        kind
                    },
                    paragraph,
                });
            }
        }
    }
    out
}

/// `text` with removed regions overwritten by spaces (newlines kept), so offsets stay valid.
fn blank_out(text: &str, removed: &[Removed]) -> String {
    if removed.is_empty() {
        return text.to_string();
    }
    let mut bytes = text.as_bytes().to_vec();
    for r in removed {
        for b in &mut bytes[r.norm.range()] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    String::from_utf8(bytes).expect("whole characters were replaced by ASCII spaces")
}

/// Trimmed line spans, grouped into paragraphs (runs of non-blank lines).
fn paragraphs(text: &str) -> Vec<Vec<Span>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches('\n');
        let lead = line.len() - line.trim_start().len();
        let len = line.trim().len();
        if len == 0 {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(Span::new(start + lead, start + lead + len));
        }
        start += raw.len();
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A run of lines that is segmented as one piece of text.
#[derive(Debug, Clone, Copy)]
struct Block {
    content: Span,
    list_item: bool,
}

fn is_list_item(line: &str) -> bool {
    let bullet = ["- ", "* ", "• ", "· ", "– "]
        .iter()
        .any(|m| line.starts_with(m));
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = (1..=3).contains(&digits)
        && line[digits..].starts_with([')', '.'])
        && line[digits + 1..].starts_with(' ');
    bullet || numbered
}

/// No closing punctuation: the line reads as a headline, a heading or a label.
fn lacks_closing_punctuation(line: &str) -> bool {
    !line
        .trim_end_matches(['"', '\'', ')', ']'])
        .ends_with(['.', '!', '?', ':', ';', ','])
}

fn starts_capitalized(line: &str) -> bool {
    line.trim_start_matches(['"', '\'', '(', '['])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Lines of similar length in a paragraph of three or more: text wrapped at a fixed width.
fn is_wrapped(text: &str, lines: &[Span]) -> bool {
    lines.len() >= 3
        && lines[..lines.len() - 1]
            .iter()
            .all(|l| (50..=100).contains(&text[l.range()].chars().count()))
}

/// `"..." - Jane Roe`: a quotation signed with its author's name after a dash, which ends
/// its line's statement whatever follows on the next line.
pub fn signature_at(line: &str) -> Option<usize> {
    let trimmed = line.trim_end_matches(['.', ' ']);
    let dash = trimmed.rfind(" - ")?;
    let name = trimmed[dash + 3..].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let before = trimmed[..dash].trim_end();
    let signed = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && before.ends_with(['"', '\'']);
    signed.then_some(dash)
}

fn ends_with_signature(line: &str) -> bool {
    signature_at(line).is_some()
}

fn blocks(text: &str, lines: Vec<Span>) -> Vec<Block> {
    let wrapped = is_wrapped(text, &lines);
    let mut out: Vec<Block> = Vec::new();
    let mut prev: Option<&str> = None;
    for line in &lines {
        let s = &text[line.range()];
        let item = is_list_item(s);
        let starts_new = match prev {
            None => true,
            Some(p) => {
                item || is_list_item(p)
                    || ends_with_signature(p)
                    || (!wrapped
                        && lacks_closing_punctuation(p)
                        && p.split_whitespace().count() <= 12
                        && starts_capitalized(s))
            }
        };
        match out.last_mut() {
            Some(block) if !starts_new => block.content.end = line.end,
            _ => out.push(Block {
                content: *line,
                list_item: item,
            }),
        }
        prev = Some(s);
    }
    out
}

fn block_kind(
    text: &str,
    block: Block,
    first: bool,
    title: Option<&str>,
    removed: &[Removed],
) -> SentenceKind {
    let s = &text[block.content.range()];
    let single_line = !s.contains('\n');
    let short_label =
        single_line && lacks_closing_punctuation(s) && s.split_whitespace().count() <= 25;
    // Folding the title is only worth it for the first block.
    let is_title = || title.is_some_and(|t| super::fold::fold(t).text.trim() == s);
    if first && (short_label || is_title()) {
        return SentenceKind::Headline;
    }
    if block.list_item {
        return SentenceKind::ListItem;
    }
    let line_end = text[block.content.end..]
        .find('\n')
        .map_or(text.len(), |i| block.content.end + i);
    let credit_on_line = removed.iter().any(|r| {
        r.kind == "photo-credit" && r.norm.start >= block.content.start && r.norm.start <= line_end
    });
    if credit_on_line {
        return SentenceKind::Caption;
    }
    if short_label && s.split_whitespace().count() <= 12 {
        return SentenceKind::Heading;
    }
    SentenceKind::Text
}

/// Sentence spans inside one block (trimmed, never empty).
fn sentences_in(text: &str, block: Span) -> Vec<Span> {
    let piece = text[block.range()].replace('\n', " ");
    let quotes = quotation_ranges(&piece);
    let mut spans: Vec<Span> = Vec::new();
    let mut start = 0;
    for end in sentence_bound_ends(&calm_long_runs(&piece)) {
        if end == piece.len() || !keeps_going(&piece, start, end, &quotes) {
            spans.push(Span::new(start, end));
            start = end;
        }
    }
    spans
        .into_iter()
        .filter_map(|s| {
            let raw = &piece[s.range()];
            let lead = raw.len() - raw.trim_start().len();
            let len = raw.trim().len();
            (len > 0).then(|| {
                Span::new(
                    block.start + s.start + lead,
                    block.start + s.start + lead + len,
                )
            })
        })
        .collect()
}

/// How many spaces and closing marks in a row the sentence segmenter sees as they are.
const LONGEST_RUN: usize = 16;

/// `piece` with every run of spaces and brackets or quotation marks longer than
/// [`LONGEST_RUN`] cut down to that length, the rest of the run replaced by `#` (one per byte,
/// so offsets stay). UAX #29 decides a boundary after such a run by looking across the whole run
/// from each of its characters, so a run of 50,000 spaces or brackets (a broken page, hostile
/// input) took time in the square of its length; prose never has runs this long, so the
/// boundaries of real text do not change, and the spans are trimmed on the original.
fn calm_long_runs(piece: &str) -> std::borrow::Cow<'_, str> {
    let is_run_char = |c: char| c.is_whitespace() || is_close_mark(c);
    let mut run = 0;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (at, c) in piece.char_indices() {
        if is_run_char(c) {
            run += 1;
            if run > LONGEST_RUN {
                match cuts.last_mut() {
                    Some(last) if last.1 == at => last.1 = at + c.len_utf8(),
                    _ => cuts.push((at, at + c.len_utf8())),
                }
            }
        } else {
            run = 0;
        }
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(piece);
    }
    let mut calm = String::with_capacity(piece.len());
    let mut from = 0;
    for (start, end) in cuts {
        calm.push_str(&piece[from..start]);
        calm.extend(std::iter::repeat_n('#', end - start));
        from = end;
    }
    calm.push_str(&piece[from..]);
    std::borrow::Cow::Owned(calm)
}

/// Brackets and quotation marks: what UAX #29 calls `Close` (opening and closing punctuation
/// and quotation marks alike).
fn is_close_mark(c: char) -> bool {
    matches!(
        c,
        '(' | ')' | '[' | ']' | '{' | '}' | '"' | '\'' | '\u{ab}' | '\u{bb}' | '\u{2018}'..='\u{201f}'
            | '\u{2039}' | '\u{203a}' | '\u{3008}'..='\u{3011}' | '\u{ff08}' | '\u{ff09}'
    )
}

/// The end offsets of the UAX #29 sentence segments of `piece`, in order.
fn sentence_bound_ends(piece: &str) -> Vec<usize> {
    if piece.is_ascii() {
        ascii_sentence_bound_ends(piece.as_bytes())
    } else {
        piece
            .split_sentence_bound_indices()
            .map(|(at, segment)| at + segment.len())
            .collect()
    }
}

/// UAX #29 sentence segments of ASCII `text`: the same `(offset, segment)` pairs as
/// `split_sentence_bound_indices`, without its per-character table search (most blocks of
/// news text are ASCII once folded). Public so that tests can compare the two paths.
pub fn ascii_sentence_bound_indices(text: &str) -> Vec<(usize, &str)> {
    assert!(text.is_ascii(), "the fast path takes ASCII text only");
    let mut start = 0;
    ascii_sentence_bound_ends(text.as_bytes())
        .into_iter()
        .map(|end| {
            let segment = (start, &text[start..end]);
            start = end;
            segment
        })
        .collect()
}

/// Sentence break categories (UAX #29 table 4) of the ASCII characters. Sep, OLetter, Extend
/// and Format have no ASCII members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SbCat {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

/// The category of every byte, computed at compile time: the segmenters look up every byte.
static SB_CATS: [SbCat; 256] = {
    let mut table = [SbCat::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = sb_cat_of(b as u8);
        b += 1;
    }
    table
};

fn sb_cat(b: u8) -> SbCat {
    SB_CATS[usize::from(b)]
}

const fn sb_cat_of(b: u8) -> SbCat {
    match b {
        b'\r' => SbCat::Cr,
        b'\n' => SbCat::Lf,
        b'\t' | 0x0B | 0x0C | b' ' => SbCat::Sp,
        b'a'..=b'z' => SbCat::Lower,
        b'A'..=b'Z' => SbCat::Upper,
        b'0'..=b'9' => SbCat::Numeric,
        b'.' => SbCat::ATerm,
        b'!' | b'?' => SbCat::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => SbCat::Close,
        b',' | b'-' | b':' | b';' => SbCat::SContinue,
        _ => SbCat::Other,
    }
}

/// What the sentence rules remember of the text read so far, as `unicode_segmentation` keeps
/// it: runs of Close and of Sp collapse into one part each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    Cr,
    Lf,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

impl Part {
    fn of(cat: SbCat) -> Self {
        match cat {
            SbCat::Cr => Part::Cr,
            SbCat::Lf => Part::Lf,
            SbCat::ATerm => Part::ATerm,
            SbCat::Upper | SbCat::Lower => Part::UpperLower,
            SbCat::Close => Part::ClosePlus,
            SbCat::Sp => Part::SpPlus,
            SbCat::STerm => Part::STerm,
            SbCat::Numeric | SbCat::SContinue | SbCat::Other => Part::Other,
        }
    }
}

/// The last four parts, oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SbState([Part; 4]);

impl SbState {
    fn next(self, cat: SbCat) -> Self {
        let p = self.0;
        match (p[3], cat) {
            (Part::ClosePlus, SbCat::Close) | (Part::SpPlus, SbCat::Sp) => self,
            _ => Self([p[1], p[2], p[3], Part::of(cat)]),
        }
    }

    /// The state after reading all of `text`, rebuilt from its end: its last four parts,
    /// where a run of Close or of Sp characters is one part (what [`Self::next`] leaves).
    fn after(text: &[u8]) -> Self {
        let mut parts = [Part::Sot; 4];
        let mut end = text.len();
        for slot in parts.iter_mut().rev() {
            let Some(&last) = text[..end].last() else {
                break;
            };
            let cat = sb_cat(last);
            let len = if matches!(cat, SbCat::Close | SbCat::Sp) {
                text[..end]
                    .iter()
                    .rev()
                    .take_while(|&&b| sb_cat(b) == cat)
                    .count()
            } else {
                1
            };
            *slot = Part::of(cat);
            end -= len;
        }
        Self(parts)
    }

    /// After a letter, digit or other plain character no rule can break until a terminator
    /// (SATerm) or a line break comes: every break needs one of them just before it, with at
    /// most Close and Sp runs in between.
    fn settled(self) -> bool {
        matches!(self.last(), Part::UpperLower | Part::Other)
    }

    fn last(self) -> Part {
        self.0[3]
    }

    /// The part before a trailing `Close*` (and, with `skip_sp`, a `Sp*` after it).
    fn before_close(self, skip_sp: bool) -> Part {
        let mut i = if skip_sp && self.0[3] == Part::SpPlus {
            2
        } else {
            3
        };
        if self.0[i] == Part::ClosePlus {
            i -= 1;
        }
        self.0[i]
    }

    /// `SATerm Close* Sp*` ends here.
    fn after_saterm(self, skip_sp: bool) -> bool {
        matches!(self.before_close(skip_sp), Part::ATerm | Part::STerm)
    }

    /// SB8: `ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower`.
    fn lower_follows_aterm(self, ahead: &[u8]) -> bool {
        self.before_close(true) == Part::ATerm
            && ahead.iter().map(|&b| sb_cat(b)).find(|c| {
                matches!(
                    c,
                    SbCat::Lower
                        | SbCat::Upper
                        | SbCat::Cr
                        | SbCat::Lf
                        | SbCat::STerm
                        | SbCat::ATerm
                )
            }) == Some(SbCat::Lower)
    }

    /// SB11: `SATerm Close* Sp* ParaSep? ÷`.
    fn ends_sentence(self) -> bool {
        let mut i = if matches!(self.0[3], Part::Cr | Part::Lf) {
            2
        } else {
            3
        };
        if self.0[i] == Part::SpPlus {
            i -= 1;
        }
        if self.0[i] == Part::ClosePlus {
            i -= 1;
        }
        matches!(self.0[i], Part::ATerm | Part::STerm)
    }
}

/// Whether UAX #29 puts a sentence boundary before a character of category `cat`, given the
/// state before it and the text from it on (`ahead`). The rules in the order the standard
/// (and `unicode_segmentation`) applies them; the first that matches decides.
fn sb_breaks_before(before: SbState, cat: SbCat, ahead: &[u8]) -> bool {
    use SbCat::*;
    match cat {
        _ if before.last() == Part::Sot => false, // SB1: start of text, not between sentences
        Lf if before.last() == Part::Cr => false, // SB3
        _ if matches!(before.last(), Part::Cr | Part::Lf) => true, // SB4
        Numeric if before.last() == Part::ATerm => false, // SB6
        Upper if before.0[2] == Part::UpperLower && before.last() == Part::ATerm => false, // SB7
        _ if before.lower_follows_aterm(ahead) => false, // SB8
        SContinue | STerm | ATerm if before.after_saterm(true) => false, // SB8a
        Close | Sp | Cr | Lf if before.after_saterm(false) => false, // SB9
        Sp | Cr | Lf if before.after_saterm(true) => false, // SB10
        _ => before.ends_sentence(),              // SB11, else SB998
    }
}

/// End offsets of the UAX #29 sentence segments of ASCII `text` (the last is `text.len()`).
fn ascii_sentence_bound_ends(text: &[u8]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut state = SbState([Part::Sot; 4]);
    let mut i = 0;
    while i < text.len() {
        if state.settled() {
            // No boundary comes before the next terminator or line break: jump there.
            let next = text[i..]
                .iter()
                .position(|&b| matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n'))
                .map_or(text.len(), |k| i + k);
            if next > i {
                state = SbState::after(&text[..next]);
                i = next;
                continue;
            }
        }
        let cat = sb_cat(text[i]);
        if sb_breaks_before(state, cat, &text[i..]) {
            ends.push(i);
        }
        state = state.next(cat);
        i += 1;
    }
    if !text.is_empty() {
        ends.push(text.len());
    }
    ends
}

/// Ranges between paired straight double quotes, if they pair up evenly.
fn quotation_ranges(piece: &str) -> Vec<Span> {
    let marks: Vec<usize> = piece.match_indices('"').map(|(i, _)| i).collect();
    if !marks.len().is_multiple_of(2) {
        return Vec::new();
    }
    marks
        .chunks(2)
        .map(|pair| Span::new(pair[0], pair[1] + 1))
        .collect()
}

/// Whether the sentence that started at `start` goes on past the UAX #29 boundary at `end`.
fn keeps_going(piece: &str, start: usize, end: usize, quotes: &[Span]) -> bool {
    // The quotations are in order and apart: only the first one ending after `end` can hold it.
    let next = quotes.partition_point(|q| q.end <= end);
    if quotes.get(next).is_some_and(|q| q.start < end) {
        return true;
    }
    let before = piece[start..end].trim_end();
    let after = piece[end..].trim_start();
    // `"Guilty!" they roared.`: a quotation closed by its own punctuation, then its tag in
    // lower case.
    let closed_quotation =
        before.ends_with(['"', '\'']) && before[..before.len() - 1].ends_with(['.', '!', '?']);
    if closed_quotation && after.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    let Some(stripped) = before.strip_suffix('.') else {
        return false;
    };
    let word = stripped
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let next_word: String = after
        .trim_start_matches(['"', '\'', '('])
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let next_is_starter = SENTENCE_STARTERS.contains(next_word.to_lowercase().as_str());
    let next_is_number = after.starts_with(|c: char| c.is_ascii_digit());
    if word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
        return !next_is_starter; // an initial: James B. Comey
    }
    match ABBREVIATIONS.get(word.to_lowercase().as_str()) {
        Some(AbbrevClass::Title) => true,
        Some(AbbrevClass::Number) => next_is_number,
        Some(AbbrevClass::Ambiguous) => !next_is_starter,
        None => is_dotted_initials(word) && !next_is_starter,
    }
}

/// `J.R.R`, `U.A.E`: single letters joined by periods.
fn is_dotted_initials(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text, &[], None)
            .into_iter()
            .map(|f| &text[f.norm.range()])
            .collect()
    }

    #[test]
    fn long_runs_of_spaces_and_marks_keep_their_offsets_and_the_sentences() {
        let calm = calm_long_runs("a.  \u{201c}\u{201c}b");
        assert!(matches!(calm, std::borrow::Cow::Borrowed(_)));
        let long = format!("x{}y", "\u{201c}".repeat(20));
        let calm = calm_long_runs(&long);
        assert_eq!(calm.len(), long.len());
        assert_eq!(
            calm,
            format!("x{}{}y", "\u{201c}".repeat(16), "#".repeat(12))
        );
        // The same sentences, cut at the same words, whether the gap is short or long, in ASCII
        // text and in text that takes the Unicode path.
        for (gap, mark) in [
            (" ", "\""),
            (" ", "\u{201d}"),
            ("[", "\u{201d}"),
            ("(", "\""),
        ] {
            let short = format!("He left.{mark} {} Then she spoke. Done.", gap.repeat(3));
            let long = format!("He left.{mark} {} Then she spoke. Done.", gap.repeat(5_000));
            let trimmed = |t: &str| -> Vec<String> {
                texts(t)
                    .iter()
                    .map(|s| {
                        s.trim_matches(|c: char| c == '[' || c == '(' || c.is_whitespace())
                            .to_string()
                    })
                    .collect()
            };
            assert_eq!(trimmed(&short), trimmed(&long), "gap {gap:?} mark {mark:?}");
        }
    }

    #[test]
    fn data_files_are_sorted_and_unique() {
        for file in [
            include_str!("abbreviations.txt"),
            include_str!("sentence_starters.txt"),
        ] {
            let words: Vec<&str> = data_lines(file)
                .map(|l| l.split(' ').next().unwrap())
                .collect();
            assert!(
                words.windows(2).all(|w| w[0] < w[1]),
                "not sorted or not unique: {words:?}"
            );
        }
        for line in data_lines(include_str!("abbreviations.txt")) {
            let class = line.split_once(' ').map(|(_, c)| c);
            assert!(
                matches!(class, Some("title" | "number" | "ambiguous")),
                "bad line {line:?}"
            );
        }
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            texts(
                "The U.S. Embassy was hit on Dec. 20 at 8 a.m. local time. Lt. Gen. Qassem Soleimani died. James B. Comey spoke. It was No. 3 on the list."
            ),
            [
                "The U.S. Embassy was hit on Dec. 20 at 8 a.m. local time.",
                "Lt. Gen. Qassem Soleimani died.",
                "James B. Comey spoke.",
                "It was No. 3 on the list."
            ]
        );
        assert_eq!(
            texts("Troops left the U.S. The next day they returned."),
            ["Troops left the U.S.", "The next day they returned."]
        );
    }

    #[test]
    fn a_quotation_is_not_split() {
        assert_eq!(
            texts(
                "\"Our embassy got hit. Three rockets failed to launch. Guess where they were from: IRAN,\" Trump wrote. He added more."
            ),
            [
                "\"Our embassy got hit. Three rockets failed to launch. Guess where they were from: IRAN,\" Trump wrote.",
                "He added more."
            ]
        );
        assert_eq!(
            texts("He said: \"It is over.\" Then he left."),
            ["He said: \"It is over.\"", "Then he left."]
        );
        assert_eq!(
            texts("\"Guilty!\" they roared. \"All three?\" he asked. They cheered."),
            [
                "\"Guilty!\" they roared.",
                "\"All three?\" he asked.",
                "They cheered."
            ]
        );
    }

    #[test]
    fn headlines_datelines_and_lists() {
        let text = "Rockets hit Baghdad\n\nBAGHDAD, Dec. 20 (Wire) - Rockets hit the Green Zone. Nobody died.\n\nWhat we know\n- Eight rockets were fired\n- One soldier was hurt\n";
        let found = split(text, &[], None);
        let got: Vec<(&str, SentenceKind)> = found
            .iter()
            .map(|f| (&text[f.norm.range()], f.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("Rockets hit Baghdad", SentenceKind::Headline),
                (
                    "BAGHDAD, Dec. 20 (Wire) - Rockets hit the Green Zone.",
                    SentenceKind::Text
                ),
                ("Nobody died.", SentenceKind::Text),
                ("What we know", SentenceKind::Heading),
                ("- Eight rockets were fired", SentenceKind::ListItem),
                ("- One soldier was hurt", SentenceKind::ListItem),
            ]
        );
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let text = "The rockets landed near the embassy compound late on Sunday evening\nand set off sirens, officials in Baghdad said on Monday morning after\nthe attack. Nobody was hurt.";
        assert_eq!(texts(text).len(), 2);
    }
}
