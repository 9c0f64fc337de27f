//! Which reader reads a page's body.
//!
//! The article reader ([`libreadability`], a port of Mozilla's Readability) finds the story's
//! container by scoring text density and drops what surrounds it; its result is turned into
//! paragraphs by [`blocks`], which also drops what its class or id names furniture (reader
//! comments, share buttons) when the article reader kept it. Two cases go to the simpler page
//! reader instead (the whole page, less furniture found by tag, class and id words), each with
//! a note saying so:
//!
//! - pages nested deeper than [`DEPTH_LIMIT`]: the article reader walks the tree by recursion,
//!   so very deep pages take seconds and then overflow its stack;
//! - pages where the article reader finds nothing, or far fewer words than the page reader
//!   ([`MIN_SHARE`]): it chose a fragment, not the story.

use super::blocks;
use scraper::{ElementRef, Html};

/// Deepest element nesting the article reader is given. Its time grows with the square of
/// the depth (measured on this project's machine: 0.13 s for a page of 2,000 nested `<div>`s,
/// 0.6 s with 500 paragraphs at the bottom; 0.8 s and 2.4 s for the same at 5,000; 15 s at
/// 20,000) and it overflows an 8 MiB stack near 50,000. News pages nest a few dozen elements
/// deep (51 at most among the 181 pages of the Zyte article-extraction benchmark).
pub(super) const DEPTH_LIMIT: usize = 2_000;

/// The article reader's text is kept when it has at least this share of the page reader's
/// words; below it, it is taken to have chosen a fragment (a caption, a teaser). On the Zyte
/// article-extraction benchmark (181 news pages) the share never fell below 0.17, and on the
/// lowest pages the article reader was right and the page reader mostly menus and link lists
/// (token F1 0.98 against 0.30): a quarter would have thrown two good readings away.
const MIN_SHARE: f64 = 0.10;

/// Pages nested deeper than this are read by the article reader on a thread of its own with a
/// [`READER_STACK`], whatever the caller's stack: its recursion takes under 1 KiB of stack per
/// level (a page 2,000 deep fits in a test thread's 2 MiB even in a debug build), so this
/// leaves ample room on any thread. Shallower pages (news pages nest a few dozen deep) are
/// read on the caller's thread, which is a quarter faster than starting one.
const INLINE_DEPTH: usize = 256;

/// Stack for the article reader's own thread: ample for [`DEPTH_LIMIT`] in any build, and
/// reserved, not used, beyond what the page needs.
const READER_STACK: usize = 64 * 1024 * 1024;

/// What the notes say about the simpler reader.
const FALLBACK: &str =
    "read with the simpler page reader, which may keep menus and other page text";

/// How deep a page nests, as far as choosing a reader is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Nesting {
    /// The deepest nesting of elements, the root element counting 1.
    pub depth: usize,
    /// Whether the page was flattened before parsing (see [`super::depth::flatten`]).
    pub flattened: bool,
}

/// A page's body as paragraphs, and a note when the simpler reader read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Body {
    pub paragraphs: Vec<String>,
    pub note: Option<String>,
}

/// Reads the body of `doc`, parsed from `page`.
pub(super) fn read(doc: &Html, page: &str, nesting: Nesting) -> Body {
    read_with_limit(doc, page, nesting, DEPTH_LIMIT)
}

fn read_with_limit(doc: &Html, page: &str, nesting: Nesting, limit: usize) -> Body {
    if nesting.flattened || nesting.depth > limit {
        let flattened = if nesting.flattened {
            format!("; elements deeper than {limit} were read as plain text")
        } else {
            String::new()
        };
        return Body {
            paragraphs: page_reader(doc),
            note: Some(format!(
                "elements nest {} deep, more than the article reader takes ({limit}): \
                 {FALLBACK}{flattened}",
                nesting.depth
            )),
        };
    }
    let article = article_reader(page, nesting.depth);
    let fallback = page_reader(doc);
    let (kept, all) = (words(&article), words(&fallback));
    if kept as f64 >= MIN_SHARE * all as f64 {
        return Body {
            paragraphs: article,
            note: None,
        };
    }
    let why = if kept == 0 {
        "the article reader found no article".to_string()
    } else {
        format!("the article reader kept {kept} of the page's {all} words")
    };
    Body {
        paragraphs: fallback,
        note: Some(format!("{why}: {FALLBACK}")),
    }
}

/// The whole page's text, less furniture: from the first `<article>`, `<main>`,
/// `[role=main]` or else `<body>`.
fn page_reader(doc: &Html) -> Vec<String> {
    let root = main_element(doc).unwrap_or_else(|| doc.root_element());
    blocks::paragraphs(root)
}

/// The first element that holds the page's main content, in order of preference, found by
/// iterating over the tree.
fn main_element(doc: &Html) -> Option<ElementRef<'_>> {
    let elements = || doc.tree.root().descendants().filter_map(ElementRef::wrap);
    let by_name = |name: &str| elements().find(|e| e.value().name() == name);
    by_name("article")
        .or_else(|| by_name("main"))
        .or_else(|| elements().find(|e| e.value().attr("role") == Some("main")))
        .or_else(|| by_name("body"))
}

/// The article reader's choice as paragraphs; none when it finds no article or fails.
fn article_reader(page: &str, depth: usize) -> Vec<String> {
    let read = || {
        libreadability::Parser::new()
            // Class names stay for the furniture rules (see `blocks`).
            .with_keep_classes(true)
            .parse(page, None)
            .ok()
            .map(|article| article.content)
    };
    // A panic in the reader is its failure to read this page, not the caller's.
    let content = if depth <= INLINE_DEPTH {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
            .ok()
            .flatten()
    } else {
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("article-reader".into())
                .stack_size(READER_STACK)
                .spawn_scoped(scope, read)
                .ok()?
                .join()
                .ok()
                .flatten()
        })
    };
    let Some(content) = content else {
        return Vec::new();
    };
    let fragment = Html::parse_fragment(&content);
    blocks::paragraphs(fragment.root_element())
}

fn words(paragraphs: &[String]) -> usize {
    paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::super::depth::tree_depth;
    use super::*;

    /// The body of a whole page, with the article reader taking pages up to `limit` deep.
    fn body(page: &str, limit: usize) -> Body {
        let doc = Html::parse_document(page);
        let nesting = Nesting {
            depth: tree_depth(&doc),
            flattened: false,
        };
        read_with_limit(&doc, page, nesting, limit)
    }

    /// Paragraphs of invented story text, long enough for the article reader to score.
    fn story() -> String {
        [
            "The harbour council voted on Tuesday to extend the ferry service to the outer islands, \
             after a year in which the crossing carried more passengers than at any time before.",
            "Councillors said the new timetable would add three sailings a day in summer and two in \
             winter, and that the fares would stay as they are until the end of next year.",
            "Residents of the islands had asked for the change for a decade, saying that the last \
             boat left too early for anyone working a full day on the mainland to catch it.",
            "The operator said it would hire eleven more crew and lease a second vessel while the \
             older of its two ferries is refitted at the yard across the bay this autumn.",
        ]
        .iter()
        .map(|p| format!("<p>{p}</p>"))
        .collect()
    }

    /// A page whose story sits inside `depth` nested `<div>`s, beside a menu the page reader
    /// keeps (its class names no furniture).
    fn nested(depth: usize) -> String {
        format!(
            "<html><head><title>Ferry</title></head><body>\
             <div class=top><a href=/>Home</a> <a href=/world>World</a></div>{}{}{}</body></html>",
            "<div>".repeat(depth),
            story(),
            "</div>".repeat(depth)
        )
    }

    #[test]
    fn a_shallow_page_is_read_by_the_article_reader() {
        let got = body(&nested(3), DEPTH_LIMIT);
        assert_eq!(got.note, None);
        assert_eq!(got.paragraphs.len(), 4, "{:?}", got.paragraphs);
        assert!(got.paragraphs[0].starts_with("The harbour council voted"));
    }

    #[test]
    fn a_page_deeper_than_the_limit_is_read_by_the_page_reader_with_a_note() {
        // html, body, 10 divs, p: 13 deep.
        let got = body(&nested(10), 12);
        assert_eq!(got.paragraphs.len(), 5, "{:?}", got.paragraphs);
        assert_eq!(got.paragraphs[0], "Home World");
        let note = got.note.expect("a deep page is noted");
        assert!(note.starts_with("elements nest 13 deep"), "{note}");
        assert!(note.contains("simpler page reader"), "{note}");
    }

    #[test]
    fn a_page_at_the_limit_is_read_by_the_article_reader() {
        let got = body(&nested(10), 13);
        assert_eq!(got.note, None);
        assert_eq!(got.paragraphs.len(), 4, "{:?}", got.paragraphs);
    }

    #[test]
    fn a_page_at_the_inline_depth_is_read_on_a_test_threads_small_stack() {
        // html, body and a paragraph take three of the levels.
        let got = body(&nested(INLINE_DEPTH - 3), DEPTH_LIMIT);
        assert_eq!(got.note, None);
        assert_eq!(got.paragraphs.len(), 4, "{:?}", got.paragraphs);
    }

    #[test]
    fn a_page_deeper_than_the_inline_depth_is_read_on_the_readers_own_thread() {
        let got = body(&nested(INLINE_DEPTH + 100), DEPTH_LIMIT);
        assert_eq!(got.note, None);
        assert_eq!(got.paragraphs.len(), 4, "{:?}", got.paragraphs);
    }

    #[test]
    fn a_flattened_page_is_read_by_the_page_reader_whatever_its_parsed_depth() {
        let page = nested(1);
        let doc = Html::parse_document(&page);
        let nesting = Nesting {
            depth: 50_000,
            flattened: true,
        };
        let got = read_with_limit(&doc, &page, nesting, DEPTH_LIMIT);
        assert_eq!(got.paragraphs.len(), 5);
        let note = got.note.expect("a flattened page is noted");
        assert!(note.contains("50000 deep"), "{note}");
        assert!(note.contains("read as plain text"), "{note}");
    }

    #[test]
    fn when_the_article_reader_keeps_a_fragment_the_page_reader_is_used_with_a_note() {
        // One paragraph in one branch, a long list of sentences in another: the article
        // reader keeps the paragraph alone, under a quarter of what the page reader reads.
        let items: String = (0..40)
            .map(|i| format!("<li>Item {i}: residents asked about the ferry and its fares</li>"))
            .collect();
        let page = format!(
            "<html><body><div><div><p>The council met on Monday for an hour and agreed to \
             meet again next month, after a long debate about the ferry timetable.</p></div></div>\
             <div><div><ul>{items}</ul></div></div></body></html>"
        );
        let got = body(&page, DEPTH_LIMIT);
        let note = got.note.expect("the fallback is noted");
        assert!(
            note.starts_with("the article reader kept 23 of the page's 423 words"),
            "{note}"
        );
        assert_eq!(got.paragraphs.len(), 41, "{:?}", got.paragraphs);
    }

    #[test]
    fn an_empty_page_reads_as_nothing_without_a_note() {
        let got = body("<html><body></body></html>", DEPTH_LIMIT);
        assert_eq!(got.paragraphs, Vec::<String>::new());
        assert_eq!(got.note, None);
    }
}
