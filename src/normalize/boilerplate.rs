//! Finding the parts of a page that are not the story: share buttons, notices, credits,
//! pasted copies of social-media posts, lone links, footers.
//!
//! The patterns are data (`boilerplate.csv`: kind, scope, pattern, reason, example), matched
//! case-insensitively on folded text. `line` patterns must match a whole trimmed line, `inline`
//! patterns remove the matched words only. Two rules are code, not patterns: a paragraph that
//! repeats text quoted just above (an embedded post pasted after the sentence that quotes it),
//! and the footer zone (short unpunctuated lines after a share or notice line).

use crate::Span;
use regex::{Regex, RegexSet, RegexSetBuilder};
use serde::Serialize;
use std::sync::LazyLock;

/// A piece of the body that is not part of the story, with why it was removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub kind: String,
    /// Byte range in the body.
    pub span: Span,
    /// Byte range in the normalized text.
    #[serde(skip)]
    pub norm: Span,
    pub reason: String,
}

struct Pattern {
    kind: String,
    reason: String,
}

struct Patterns {
    line_set: RegexSet,
    line: Vec<Pattern>,
    inline: Vec<Inline>,
}

struct Inline {
    regex: Regex,
    /// A regex that matches somewhere in every text the pattern matches in, and that the
    /// regex engine finds much faster (see [`after_optional_group`]).
    required: Option<Regex>,
    pattern: Pattern,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| load(include_str!("boilerplate.csv")));

/// Rows of `boilerplate.csv` (kind, scope, pattern, reason, example).
fn rows(csv_text: &str) -> Vec<[String; 5]> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.expect("boilerplate.csv is valid CSV (tested)");
            std::array::from_fn(|i| r.get(i).unwrap_or_default().to_string())
        })
        .collect()
}

/// ASCII word boundaries and word characters: Unicode ones would keep the regex engine off
/// its fast path, and the patterns only ever name ASCII words.
fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", "[0-9A-Za-z_]")
}

fn load(csv_text: &str) -> Patterns {
    let mut line_patterns = Vec::new();
    let mut line = Vec::new();
    let mut inline = Vec::new();
    for [kind, scope, pattern, reason, _example] in rows(csv_text) {
        let p = Pattern { kind, reason };
        let pattern = ascii_classes(&pattern);
        if scope == "inline" {
            inline.push(Inline {
                regex: Regex::new(&format!("(?i){pattern}"))
                    .expect("boilerplate.csv patterns compile (tested)"),
                required: after_optional_group(&pattern)
                    .and_then(|rest| Regex::new(&format!("(?i){rest}")).ok()),
                pattern: p,
            });
        } else {
            line_patterns.push(pattern);
            line.push(p);
        }
    }
    let line_set = RegexSetBuilder::new(&line_patterns)
        .case_insensitive(true)
        .build()
        .expect("boilerplate.csv patterns compile (tested)");
    Patterns {
        line_set,
        line,
        inline,
    }
}

/// What follows a leading optional group in `pattern` (`(https?://)?(pic…|t\.co)/\w+` gives
/// `(pic…|t\.co)/\w+`), if it starts with one. Every match of the pattern contains a match of
/// the rest, so a text without one has no match; and the regex engine cannot use the literals
/// of a pattern that may start with something else, which makes the whole pattern about twenty
/// times slower to rule out than the rest.
fn after_optional_group(pattern: &str) -> Option<&str> {
    if !pattern.starts_with('(') {
        return None;
    }
    let (mut depth, mut escaped, mut in_class) = (0, false, false);
    for (i, c) in pattern.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => {
                depth -= 1;
                if depth == 0 {
                    let rest = pattern[i + 1..].strip_prefix('?')?;
                    // `(…)??` is a lazy group, not an optional one followed by the rest.
                    return (!rest.is_empty() && !rest.starts_with('?')).then_some(rest);
                }
            }
            _ => {}
        }
    }
    None
}

/// No line pattern matches a line longer than this (they bound their repeats); longer lines
/// are story text and skip the pattern set.
const MAX_LINE_PATTERN_BYTES: usize = 400;

/// Kinds after which short unpunctuated lines are treated as the page footer.
const FOOTER_STARTERS: &[&str] = &[
    "copyright",
    "follow",
    "mirror-notice",
    "share",
    "subscribe",
    "tags",
];

/// A line of the text: its span (without the newline) and the trimmed content span.
#[derive(Debug, Clone, Copy)]
struct Line {
    content: Span,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches('\n');
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        let s = start + lead;
        out.push(Line {
            content: Span::new(s, s + trimmed.len()),
        });
        start += raw.len();
    }
    out
}

/// The kind and reason of the first `line` pattern that matches the whole of `line` (folded,
/// trimmed), if any.
pub fn line_pattern(line: &str) -> Option<(&'static str, &'static str)> {
    let patterns = &*PATTERNS;
    if line.len() > MAX_LINE_PATTERN_BYTES || !patterns.line_set.is_match(line) {
        return None;
    }
    let i = patterns.line_set.matches(line).into_iter().next()?;
    let p = &patterns.line[i];
    Some((p.kind.as_str(), p.reason.as_str()))
}

/// Finds the boilerplate in normalized `text`. Spans are in `text`; the caller maps them to
/// the body. The result is sorted by position and free of overlaps.
pub fn find(text: &str) -> Vec<Removed> {
    let patterns = &*PATTERNS;
    let lines = lines(text);
    let mut removed = Vec::new();
    let mut in_footer = false;
    for line in &lines {
        let content = &text[line.content.range()];
        if content.is_empty() {
            continue;
        }
        if let Some((kind, reason)) = line_pattern(content) {
            in_footer |= FOOTER_STARTERS.contains(&kind);
            removed.push(region(kind, line.content, reason));
        } else if in_footer && is_footer_line(content) {
            removed.push(region(
                "footer",
                line.content,
                "a short line in the page footer, after the share or notice lines",
            ));
        } else {
            in_footer = false;
        }
    }
    for Inline {
        regex,
        required,
        pattern: p,
    } in &patterns.inline
    {
        if required.as_ref().is_some_and(|r| !r.is_match(text)) {
            continue;
        }
        for m in regex.find_iter(text) {
            let span = Span::new(m.start(), m.end());
            if !removed.iter().any(|r: &Removed| r.norm.contains(span)) {
                removed.push(region(&p.kind, widen_to_space(text, span), &p.reason));
            }
        }
    }
    // A pasted post keeps a trace of where it came from (its link, its handle); pages without
    // one have none to look for, and skip comparing every paragraph with those above.
    let posts_possible = text.bytes().any(|b| b == b'@' || b == b'/')
        && SOCIAL_TRACES.iter().any(|t| text.contains(t));
    if posts_possible {
        removed.extend(pasted_posts(text, &lines, &removed));
    }
    merge(removed, Vec::new())
}

/// `a` and `b` together, sorted by position. A region nested in another is kept (a post link
/// inside a pasted post is listed too); one that only partly overlaps an earlier region, or
/// repeats one, is dropped.
pub fn merge(mut a: Vec<Removed>, b: Vec<Removed>) -> Vec<Removed> {
    a.extend(b);
    a.sort_by_key(|r| (r.norm.start, std::cmp::Reverse(r.norm.end)));
    // Sorted by start (the longer first on a tie), an earlier region `k` clashes with `r`
    // exactly when it ends inside `r` (`r.start < k.end < r.end`) or is `r` again.
    let mut ends: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    let mut spans: std::collections::HashSet<Span> = std::collections::HashSet::new();
    let mut kept: Vec<Removed> = Vec::with_capacity(a.len());
    for r in a {
        let ends_inside = r.norm.start + 1 < r.norm.end
            && ends.range(r.norm.start + 1..r.norm.end).next().is_some();
        if !ends_inside && spans.insert(r.norm) {
            ends.insert(r.norm.end);
            kept.push(r);
        }
    }
    kept
}

fn region(kind: &str, norm: Span, reason: &str) -> Removed {
    Removed {
        kind: kind.to_string(),
        span: norm,
        norm,
        reason: reason.to_string(),
    }
}

/// Takes in one space before an inline region so that removing it leaves clean text.
fn widen_to_space(text: &str, span: Span) -> Span {
    let before = &text[..span.start];
    let start = if before.ends_with(' ') {
        span.start - 1
    } else {
        span.start
    };
    Span::new(start, span.end)
}

/// Short (at most 8 words) and without sentence punctuation at the end.
fn is_footer_line(line: &str) -> bool {
    line.split_whitespace().count() <= 8 && !line.ends_with(['.', '!', '?', '"', ':'])
}

/// Letters and digits only, lower-cased: what two copies of a post have in common.
fn letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // ASCII runs byte by byte: the same result as the Unicode branch below, without its
        // decoding and table lookups (this runs over every paragraph of every article).
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        out.extend(
            rest.bytes()
                .take(ascii)
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// What a social-media post pasted into a page brings with it.
const SOCIAL_TRACES: &[&str] = &[
    "(@",
    "facebook.com",
    "instagram.com",
    "pic.twitter",
    "t.co/",
    "t.me/",
    "tiktok.com",
    "twitter.com",
    "x.com/",
];

/// Paragraphs that repeat, word for word, text found in one of the three paragraphs before
/// them: a social-media post pasted again below the sentence that quotes it.
fn pasted_posts(text: &str, lines: &[Line], removed: &[Removed]) -> Vec<Removed> {
    let paragraphs = paragraphs(lines);
    let keys: Vec<String> = paragraphs
        .iter()
        .map(|p| letters(&text[p.range()]))
        .collect();
    let mut found = Vec::new();
    for (i, para) in paragraphs.iter().enumerate() {
        let earlier = &keys[i.saturating_sub(3)..i];
        // A copy is shorter than what it copies: no earlier paragraph, no copy.
        let Some(longest) = earlier.iter().map(String::len).max() else {
            continue;
        };
        // Taking regions out only shortens the key.
        if keys[i].len() < 30 {
            continue;
        }
        let key = kept_letters(text, *para, removed, &keys[i]);
        if key.len() < 30 || key.len() >= longest {
            continue;
        }
        if earlier
            .iter()
            .any(|e| e.len() > key.len() && contains(e, &key))
        {
            found.push(region(
                "embedded-post",
                *para,
                "a copy of a social-media post that the paragraph above already quotes",
            ));
        }
    }
    found
}

/// `haystack.contains(needle)`, after a search for the needle's first few bytes: that search
/// is much cheaper to set up for a long needle, and rules out most haystacks.
fn contains(haystack: &str, needle: &str) -> bool {
    let mut head = needle.len().min(16);
    while !needle.is_char_boundary(head) {
        head -= 1;
    }
    haystack.contains(&needle[..head]) && haystack.contains(needle)
}

fn has_region_inside(removed: &[Removed], para: Span) -> bool {
    removed.iter().any(|r| para.contains(r.norm))
}

/// [`letters`] of what paragraph `para` says once inline boilerplate (its post link) is taken
/// out. `whole` is `letters` of the whole paragraph, returned as is when nothing was removed.
fn kept_letters<'a>(
    text: &str,
    para: Span,
    removed: &[Removed],
    whole: &'a str,
) -> std::borrow::Cow<'a, str> {
    if !has_region_inside(removed, para) {
        return whole.into();
    }
    let mut kept = String::new();
    let mut at = para.start;
    let mut inside: Vec<Span> = removed
        .iter()
        .map(|r| r.norm)
        .filter(|r| para.contains(*r))
        .collect();
    inside.sort();
    for r in inside {
        kept.push_str(&text[at..r.start.max(at)]);
        at = at.max(r.end);
    }
    kept.push_str(&text[at..para.end]);
    letters(&kept).into()
}

/// Spans of paragraphs: runs of non-empty lines.
fn paragraphs(lines: &[Line]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines {
        if line.content.is_empty() {
            out.extend(current.take());
        } else {
            current = Some(current.map_or(line.content, |c| Span::new(c.start, line.content.end)));
        }
    }
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_matches_its_example() {
        for [kind, scope, pattern, reason, example] in rows(include_str!("boilerplate.csv")) {
            assert!(
                !reason.is_empty() && !kind.is_empty(),
                "{kind}: reason and kind are required"
            );
            let found = find(&example);
            assert!(
                !found.is_empty(),
                "{kind} ({pattern}) does not match its example {example:?}"
            );
            if scope == "line" {
                assert_eq!(
                    found[0].norm,
                    Span::new(0, example.len()),
                    "{kind} should remove the whole line"
                );
            }
        }
    }

    #[test]
    fn a_leading_optional_group_is_split_off() {
        assert_eq!(
            after_optional_group(r"(https?://)?(pic\.twitter\.com|t\.co)/\w+"),
            Some(r"(pic\.twitter\.com|t\.co)/\w+")
        );
        assert_eq!(after_optional_group(r"([)(]x)?y"), Some("y"));
        assert_eq!(after_optional_group(r"(\))?y"), Some("y"));
        assert_eq!(after_optional_group(r"(a)y"), None);
        assert_eq!(after_optional_group(r"(a)??y"), None);
        assert_eq!(after_optional_group(r"(a)?"), None);
        assert_eq!(after_optional_group(r"\(photo\)?"), None);
        assert_eq!(after_optional_group(r"(?i)x"), None);
    }

    #[test]
    fn letters_keeps_letters_and_digits_lower_cased() {
        assert_eq!(letters("Ça va, ÉTÉ 2020! İ"), "çavaété2020i\u{307}");
    }

    #[test]
    fn file_is_sorted_by_kind_and_scope() {
        let keys: Vec<(String, String)> = rows(include_str!("boilerplate.csv"))
            .into_iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn story_sentences_are_not_boilerplate() {
        for line in [
            "Share prices fell sharply in Tehran after the attack.",
            "Follow-up talks are planned for January.",
            "The source said the rockets were fired from the south.",
            "Iraqi officials said the embassy can be reached by road again.",
            "Photos of the damage were shared widely online.",
            "By Monday the embassy had reopened.",
            "Updated figures were released by the ministry on Tuesday.",
        ] {
            assert_eq!(find(line), vec![], "{line}");
        }
    }

    #[test]
    fn footer_zone_takes_short_trailing_lines() {
        let text = "Body sentence.\n\nSHARE THIS ARTICLE\nPress TV News Roku\n";
        let kinds: Vec<String> = find(text).into_iter().map(|r| r.kind).collect();
        assert_eq!(kinds, ["share", "footer"]);
    }

    #[test]
    fn a_pasted_post_after_its_quote_is_found() {
        let text = "\"Rockets hit our embassy on Sunday. Guess where they were from: IRAN,\" he wrote.\n\nRockets hit our embassy on Sunday. Guess where they were from: IRAN. pic.twitter.com/abc123\n\n- Donald J. Trump (@realDonaldTrump) December 23, 2020\n";
        let kinds: Vec<String> = find(text).into_iter().map(|r| r.kind).collect();
        assert_eq!(kinds, ["embedded-post", "post-link", "post-signature"]);
    }
}
