//! Plain-text articles: an optional `key: value` header block, then the body.
//!
//! ```text
//! outlet: Meridian Wire
//! title: Rockets hit Baghdad's Green Zone
//! date: 2020-12-21
//! note: constructed for testing
//!
//! Rockets hit Baghdad's Green Zone
//!
//! BAGHDAD, Dec 20 (Meridian Wire) — ...
//! ```
//!
//! Without a header block the id and outlet come from the file name and the first short line
//! followed by a blank line is the title.

use super::{Article, HEADER_KEYS, is_iso_date, non_empty, normalize_date};
use std::collections::BTreeMap;

/// Parses a `.txt` article. `stem` is the file stem, `source` the path shown in messages.
pub fn parse(stem: &str, text: &str, source: &str) -> Article {
    let (header, body) = split_header(text);
    let body = body.to_string();
    let get = |key: &str| header.get(key).and_then(|v| non_empty(v));
    let title = get("title").or_else(|| title_line(&body));
    let date = get("date")
        .and_then(|d| normalize_date(&d))
        .or_else(|| date_in_stem(stem));
    Article {
        id: get("id").unwrap_or_else(|| stem.to_string()),
        outlet: get("outlet").unwrap_or_else(|| outlet_from_stem(stem)),
        title,
        date,
        url: get("url"),
        note: get("note"),
        source: source.to_string(),
        body,
    }
}

/// Splits off the header block: leading `key: value` lines, at least one with a known key,
/// ended by a blank line. Returns the header fields (keys lower-cased) and the body.
fn split_header(text: &str) -> (BTreeMap<String, String>, &str) {
    let mut fields = BTreeMap::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            let known = fields
                .keys()
                .any(|k: &String| HEADER_KEYS.contains(&k.as_str()));
            if known {
                return (fields, &text[offset + line.len()..]);
            }
            break;
        }
        let Some((key, value)) = header_line(content) else {
            break;
        };
        fields.insert(key, value.to_string());
        offset += line.len();
    }
    (BTreeMap::new(), text)
}

/// `Key: value` with a key of letters, digits, `_` or `-` (at most 20 characters).
fn header_line(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let ok = !key.is_empty()
        && key.len() <= 20
        && key.chars().next()?.is_ascii_alphabetic()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    ok.then(|| (key.to_ascii_lowercase(), value.trim()))
}

/// The first line, if it is short (at most 25 words, 200 bytes) and a blank line follows it.
fn title_line(body: &str) -> Option<String> {
    let body = body.trim_start();
    let mut lines = body.lines();
    let first = lines.next()?.trim();
    let next_blank = lines.next().is_some_and(|l| l.trim().is_empty());
    let short = first.len() <= 200 && first.split_whitespace().count() <= 25;
    (next_blank && short && !first.is_empty()).then(|| first.to_string())
}

/// `presstv-2020-12-24-trump-accuses-iran` → `presstv`: the part before a `-YYYY-` date, or
/// the whole stem.
fn outlet_from_stem(stem: &str) -> String {
    match date_position(stem) {
        Some(pos) if pos > 0 => stem[..pos - 1].to_string(),
        _ => stem.to_string(),
    }
}

fn date_in_stem(stem: &str) -> Option<String> {
    date_position(stem).map(|pos| stem[pos..pos + 10].to_string())
}

/// Byte position of a `YYYY-MM-DD` date that stands as its own dash-separated part of `stem`.
fn date_position(stem: &str) -> Option<usize> {
    let b = stem.as_bytes();
    (0..b.len().saturating_sub(9)).find(|&i| {
        let at_start = i == 0 || matches!(b[i - 1], b'-' | b'_');
        let at_end = i + 10 == b.len() || matches!(b[i + 10], b'-' | b'_');
        at_start && at_end && is_iso_date(&b[i..i + 10])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_block_is_split_off() {
        let a = parse(
            "x",
            "outlet: Meridian Wire\ntitle: Rockets\ndate: 2020-12-21T10:00Z\nnote: constructed for testing\n\nRockets\n\nBody.\n",
            "x.txt",
        );
        assert_eq!(a.outlet, "Meridian Wire");
        assert_eq!(a.title.as_deref(), Some("Rockets"));
        assert_eq!(a.date.as_deref(), Some("2020-12-21"));
        assert_eq!(a.note.as_deref(), Some("constructed for testing"));
        assert_eq!(a.body, "Rockets\n\nBody.\n");
        assert_eq!(a.id, "x");
    }

    #[test]
    fn without_header_the_file_name_and_first_line_are_used() {
        let a = parse(
            "presstv-2020-12-24-trump-accuses-iran",
            "Trump accuses Iran\n\nBody: text.",
            "p.txt",
        );
        assert_eq!(a.outlet, "presstv");
        assert_eq!(a.date.as_deref(), Some("2020-12-24"));
        assert_eq!(a.title.as_deref(), Some("Trump accuses Iran"));
        assert_eq!(a.body, "Trump accuses Iran\n\nBody: text.");
    }

    #[test]
    fn a_colon_in_the_first_sentence_is_not_a_header() {
        let text = "Update: the embassy was hit again.\nMore text.\n\nNext.";
        let a = parse("a", text, "a.txt");
        assert_eq!(a.body, text);
        assert_eq!(a.outlet, "a");
    }
}
