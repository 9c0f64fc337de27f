//! The tags of a page, found by one linear scan of its bytes, without building a tree.
//!
//! This is a lenient reading of HTML's tokenizer rules, enough to follow a page's nesting
//! before it is parsed: comments, doctypes and processing instructions are passed over, the
//! text of `<script>`, `<style>` and the other raw-text elements is not searched for tags, and
//! quoted attribute values may hold `>`. Text is not decoded: callers only need where tags are.

use std::borrow::Cow;
use std::ops::Range;

/// Elements whose content is text up to their own end tag, never tags.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// A start or end tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tag<'a> {
    /// Where the tag is in the page, `<` to `>` inclusive.
    pub span: Range<usize>,
    /// The tag name, lower-cased.
    pub name: Cow<'a, str>,
    pub end: bool,
    /// `<br/>`: ends in `/>`.
    pub self_closing: bool,
}

/// The tags of `page`, in order.
pub(super) fn tags(page: &str) -> Tags<'_> {
    Tags {
        bytes: page.as_bytes(),
        at: 0,
    }
}

/// Iterator over the tags of a page (see [`tags`]).
#[derive(Debug)]
pub(super) struct Tags<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let b = self.bytes;
        loop {
            let start = self.at + b.get(self.at..)?.iter().position(|&c| c == b'<')?;
            let rest = &b[start + 1..];
            if rest.starts_with(b"!--") {
                self.at = find(b, start + 4, b"-->").map_or(b.len(), |i| i + 3);
                continue;
            }
            if rest.first().is_some_and(|&c| c == b'!' || c == b'?') {
                self.at = find(b, start + 1, b">").map_or(b.len(), |i| i + 1);
                continue;
            }
            let end = rest.first() == Some(&b'/');
            let name_at = start + 1 + usize::from(end);
            if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
                self.at = start + 1;
                continue;
            }
            let name_end = name_at
                + b[name_at..]
                    .iter()
                    .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
                    .unwrap_or(b.len() - name_at);
            let close = tag_end(b, name_end);
            let name = match String::from_utf8_lossy(&b[name_at..name_end]) {
                Cow::Borrowed(n) if !n.bytes().any(|c| c.is_ascii_uppercase()) => Cow::Borrowed(n),
                n => Cow::Owned(n.to_ascii_lowercase()),
            };
            let self_closing = close.is_some_and(|i| i > name_at && b[i - 1] == b'/');
            let span_end = close.map_or(b.len(), |i| i + 1);
            self.at = span_end;
            if !end && RAW_TEXT.contains(&name.as_ref()) {
                self.at = raw_text_end(b, span_end, &name);
            }
            return Some(Tag {
                span: start..span_end,
                name,
                end,
                self_closing,
            });
        }
    }
}

/// The `>` that closes a tag whose name ends at `from`, passing over quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'>' => return Some(i),
            b'=' => {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = b.get(i) {
                    i = b[i + 1..].iter().position(|&c| c == quote)? + i + 2;
                    continue;
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Where the raw text of element `name` opened before `from` ends: at its end tag
/// (`</script` in any case, then a space, `/` or `>`), or at the end of the page.
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(at) = find(b, i, b"</") {
        let name_at = at + 2;
        let after = name_at + name.len();
        if b.get(name_at..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && b.get(after)
                .is_none_or(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(page: &str) -> Vec<String> {
        tags(page)
            .map(|t| format!("{}{}", if t.end { "/" } else { "" }, t.name))
            .collect()
    }

    #[test]
    fn start_and_end_tags_are_found_in_order_with_their_spans() {
        let page = "<DIV class=\"a>b\" id='c'>x<br/></div>";
        let found: Vec<Tag<'_>> = tags(page).collect();
        assert_eq!(names(page), ["div", "br", "/div"]);
        assert_eq!(&page[found[0].span.clone()], "<DIV class=\"a>b\" id='c'>");
        assert!(found[1].self_closing);
        assert!(!found[0].self_closing);
    }

    #[test]
    fn comments_doctypes_and_stray_angle_brackets_are_not_tags() {
        assert_eq!(
            names("<!doctype html><!-- <div> --><p>1 < 2 <3 </ p></p><?xml?>"),
            ["p", "/p"]
        );
    }

    #[test]
    fn raw_text_is_not_searched_for_tags() {
        assert_eq!(
            names("<script>if (a<b) { x = '<div>'; }</SCRIPT ><style>a>b{}</style><p>"),
            ["script", "/script", "style", "/style", "p"]
        );
        assert_eq!(
            names("<textarea><b>text</textareas></textarea>"),
            ["textarea", "/textarea"]
        );
    }

    #[test]
    fn a_page_cut_off_inside_a_tag_or_raw_text_ends_the_scan() {
        assert_eq!(names("<p>a<div class=\"x"), ["p", "div"]);
        assert_eq!(names("<script>never closed <div>"), ["script"]);
        assert_eq!(names("<!-- never closed <div>"), Vec::<String>::new());
    }

    #[test]
    fn every_raw_text_element_hides_tags_up_to_its_end_tag() {
        for name in RAW_TEXT {
            assert_eq!(
                names(&format!("<{name}><div></{name}><p>")),
                [name.to_string(), format!("/{name}"), "p".into()],
                "{name}"
            );
        }
    }

    #[test]
    fn raw_text_elements_are_sorted_and_unique() {
        assert!(RAW_TEXT.windows(2).all(|w| w[0] < w[1]));
    }
}
