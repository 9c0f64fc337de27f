//! Paragraphs from an element tree: headings, paragraphs, list items, quotes and captions each
//! become one paragraph; scripts, styles, forms and other non-text elements are dropped, and
//! so is page furniture named by class or id (menus, share buttons, comments).
//!
//! The tree is walked with an explicit stack, never by recursion: a page may nest elements
//! tens of thousands deep, and a recursive walk would overflow the thread's stack.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Node};
use std::collections::HashMap;

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "aside", "audio", "button", "canvas", "footer", "form", "iframe", "nav", "noscript", "object",
    "script", "select", "style", "svg", "template", "textarea", "video",
];

/// Elements that start and end a paragraph of their own.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Words in a `class`, `id` or `role` that mark page furniture rather than the story.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "menu",
    "modal",
    "nav",
    "navbar",
    "newsletter",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "subscribe",
    "subscription",
    "trending",
];

/// The paragraphs under `root` (its own tag does not count), in document order.
///
/// Besides [`SKIP_TAGS`], elements whose class, id or role names furniture
/// ([`FURNITURE_WORDS`]) are dropped unless they hold at least half of the text (then the name
/// is a layout wrapper's, as in `<div class="ad-pusher">` around a whole page), and so is a
/// `<header>` outside `<article>`/`<main>` when the walk starts at `<body>` (the site's
/// banner).
pub(super) fn paragraphs(root: ElementRef<'_>) -> Vec<String> {
    /// One pending piece of work: a node to read, or the end of a block whose children were
    /// pushed above it.
    enum Step<'a> {
        /// `keep_header`: inside `<article>` or `<main>` a `<header>` holds the headline;
        /// elsewhere it is the site's banner.
        Read(NodeRef<'a, Node>, bool),
        EndBlock,
    }

    let keep_header = root.value().name() != "body";
    let mut blocks = Blocks::default();
    // Counted on the first furniture-marked element, if there is one.
    let mut words: Option<HashMap<NodeId, usize>> = None;
    let root_id = root.id();
    let mut stack: Vec<Step<'_>> = root
        .children()
        .rev()
        .map(|child| Step::Read(child, keep_header))
        .collect();
    while let Some(step) = stack.pop() {
        let (node, keep_header) = match step {
            Step::EndBlock => {
                blocks.flush();
                continue;
            }
            Step::Read(node, keep_header) => (node, keep_header),
        };
        match node.value() {
            Node::Text(text) => blocks.push_text(text),
            Node::Element(e) => {
                let name = e.name();
                if SKIP_TAGS.contains(&name) {
                    continue;
                }
                if name == "header" && !keep_header {
                    continue;
                }
                if ElementRef::wrap(node).is_some_and(|e| is_furniture(&e)) {
                    let words = words.get_or_insert_with(|| words_under(root));
                    let count = |id| words.get(&id).copied().unwrap_or(0);
                    if 2 * count(node.id()) < count(root_id) {
                        continue;
                    }
                }
                if name == "br" {
                    blocks.current.push('\n');
                    continue;
                }
                if BLOCK_TAGS.contains(&name) {
                    blocks.flush();
                    stack.push(Step::EndBlock);
                }
                let keep_header = keep_header || matches!(name, "article" | "main");
                stack.extend(
                    node.children()
                        .rev()
                        .map(|child| Step::Read(child, keep_header)),
                );
            }
            _ => {}
        }
    }
    blocks.flush();
    blocks.done
}

/// The words of text under each element below `root` (and `root` itself), leaving out what
/// [`SKIP_TAGS`] hide; one pass over the tree, without recursion.
fn words_under(root: ElementRef<'_>) -> HashMap<NodeId, usize> {
    let mut counts = HashMap::new();
    // Running totals of the open elements, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut hidden = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    open.push(0);
                    hidden += usize::from(SKIP_TAGS.contains(&e.name()));
                }
                Node::Text(text) if hidden == 0 => {
                    if let Some(total) = open.last_mut() {
                        *total += text.split_whitespace().count();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    hidden -= usize::from(SKIP_TAGS.contains(&e.name()));
                    let count = open.pop().unwrap_or(0);
                    counts.insert(node.id(), count);
                    if let Some(total) = open.last_mut() {
                        *total += count;
                    }
                }
            }
        }
    }
    counts
}

fn is_furniture(element: &ElementRef<'_>) -> bool {
    let e = element.value();
    let names = e
        .attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .chain(e.attr("role"));
    names
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|word| FURNITURE_WORDS.contains(&word.to_ascii_lowercase().as_str()))
}

/// Paragraphs finished so far and the one being read.
#[derive(Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
}

impl Blocks {
    /// Appends text with its runs of whitespace made single spaces (line breaks come from
    /// `<br>` only).
    fn push_text(&mut self, text: &str) {
        for (i, piece) in text.split(|c: char| c.is_whitespace()).enumerate() {
            if i > 0 && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            self.current.push_str(piece);
        }
    }

    /// Ends the current paragraph, if it holds any text.
    fn flush(&mut self) {
        let lines: Vec<&str> = self
            .current
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            self.done.push(lines.join("\n"));
        }
        self.current.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn body_paragraphs(body: &str) -> Vec<String> {
        let doc = Html::parse_document(&format!("<html><body>{body}</body></html>"));
        let body = doc
            .root_element()
            .children()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "body")
            .expect("the parser always makes a body");
        paragraphs(body)
    }

    #[test]
    fn headings_paragraphs_items_quotes_and_captions_are_paragraphs() {
        let got = body_paragraphs(
            "<h2>Port reopens</h2><p>Ships   docked <i>at dawn</i>.</p>\
             <ul><li>First berth</li><li>Second berth</li></ul>\
             <blockquote>We are open, the harbour master said.</blockquote>\
             <figure><img src=a.jpg><figcaption>The quay at dawn.</figcaption></figure>\
             <p>Line one<br>line two</p>",
        );
        assert_eq!(
            got,
            [
                "Port reopens",
                "Ships docked at dawn.",
                "First berth",
                "Second berth",
                "We are open, the harbour master said.",
                "The quay at dawn.",
                "Line one\nline two",
            ]
        );
    }

    #[test]
    fn scripts_and_styles_are_dropped() {
        let got = body_paragraphs(
            "<p>Kept.</p><script>var junk = 1;</script><style>p { color: red }</style><p>Also.</p>",
        );
        assert_eq!(got, ["Kept.", "Also."]);
    }

    #[test]
    fn every_skipped_tag_drops_its_content() {
        for tag in SKIP_TAGS {
            let got = body_paragraphs(&format!("<p>Story.</p><{tag}>Junk words</{tag}>"));
            assert_eq!(got, ["Story."], "<{tag}>");
        }
    }

    #[test]
    fn every_furniture_word_drops_its_element() {
        for word in FURNITURE_WORDS {
            let page = format!("<p>The story itself.</p><div class=\"x-{word}\">Junk words</div>");
            assert_eq!(
                body_paragraphs(&page),
                ["The story itself."],
                "class {word}"
            );
        }
    }

    #[test]
    fn a_furniture_name_on_an_element_holding_most_of_the_text_is_a_wrapper() {
        let page = "<div class=\"ad-pusher\"><p>The story, in words enough to be most of \
                    the page.</p><div class=comments>Nice one</div></div><div class=menu>Home</div>";
        assert_eq!(
            body_paragraphs(page),
            ["The story, in words enough to be most of the page."]
        );
    }

    #[test]
    fn script_text_does_not_count_towards_the_text_an_element_holds() {
        // The menu holds 2 words of 4: half, so it is taken for a wrapper and kept. Were the
        // script's words counted, it would hold under half and be dropped.
        let page = "<p>Story words.</p><script>var a = 1, b = 2, c = 3, d = 4;</script>\
                    <div class=menu>Home World</div>";
        assert_eq!(body_paragraphs(page), ["Story words.", "Home World"]);
    }

    #[test]
    fn a_header_is_the_banner_outside_an_article_and_the_headline_inside() {
        let page = "<header>Site banner</header><article><header><h1>Headline</h1></header>\
                    <p>Story.</p></article>";
        assert_eq!(body_paragraphs(page), ["Headline", "Story."]);
    }

    #[test]
    fn a_very_deep_tree_is_read_without_recursion() {
        // Deep enough to overflow a test thread's stack with one frame per level. Inline
        // elements: the parser's time grows with the square of nested blocks, not these.
        let depth = 100_000;
        let page = format!(
            "{}<p>Deep text.</p>{}<p>After.</p>",
            "<span>".repeat(depth),
            "</span>".repeat(depth)
        );
        assert_eq!(body_paragraphs(&page), ["Deep text.", "After."]);
    }

    #[test]
    fn word_lists_are_sorted_and_unique() {
        for list in [SKIP_TAGS, BLOCK_TAGS, FURNITURE_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
