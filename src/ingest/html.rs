//! Web pages reduced to their main text.
//!
//! Menus, headers, footers, sidebars, forms, scripts and share widgets are dropped; headings,
//! paragraphs, list items, quotes and captions become paragraphs separated by blank lines.
//! Metadata comes from the page's `<head>`: `og:title` or `<title>`, `og:site_name`,
//! `article:published_time` or `<time datetime>`, and the canonical link.

use super::{Article, non_empty, normalize_date};
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "aside", "button", "canvas", "footer", "form", "iframe", "nav", "noscript", "object", "script",
    "select", "style", "svg", "template", "textarea", "video", "audio",
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

/// Words in a `class` or `id` that mark page furniture rather than the story.
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

/// Parses a page. `stem` is the fallback id and outlet, `source` the path shown in messages.
pub fn parse(stem: &str, page: &str, source: &str) -> Article {
    let doc = Html::parse_document(page);
    let title = meta(&doc, r#"meta[property="og:title"]"#, "content")
        .or_else(|| text_of(&doc, "title"))
        .or_else(|| text_of(&doc, "h1"));
    let date = meta(
        &doc,
        r#"meta[property="article:published_time"]"#,
        "content",
    )
    .or_else(|| meta(&doc, r#"meta[name="date"]"#, "content"))
    .or_else(|| meta(&doc, "time[datetime]", "datetime"))
    .and_then(|d| normalize_date(&d));
    let url = meta(&doc, r#"link[rel="canonical"]"#, "href")
        .or_else(|| meta(&doc, r#"meta[property="og:url"]"#, "content"));

    let root = ["article", "main", r#"[role="main"]"#, "body"]
        .iter()
        .find_map(|sel| doc.select(&selector(sel)).next())
        .unwrap_or_else(|| doc.root_element());
    let mut blocks = Blocks::default();
    blocks.walk(root, root.value().name() != "body");
    blocks.flush();

    let mut paragraphs = blocks.done;
    if let Some(title) = &title {
        if paragraphs.first().is_none_or(|first| {
            !title.starts_with(first.as_str()) && !first.starts_with(title.as_str())
        }) {
            paragraphs.insert(0, title.clone());
        }
    }
    Article {
        id: stem.to_string(),
        outlet: meta(&doc, r#"meta[property="og:site_name"]"#, "content")
            .unwrap_or_else(|| stem.to_string()),
        title,
        date,
        url,
        note: meta(&doc, r#"meta[name="note"]"#, "content"),
        source: source.to_string(),
        body: paragraphs.join("\n\n"),
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this module are valid CSS")
}

fn meta(doc: &Html, css: &str, attr: &str) -> Option<String> {
    doc.select(&selector(css))
        .find_map(|e| e.attr(attr).and_then(non_empty))
}

fn text_of(doc: &Html, css: &str) -> Option<String> {
    doc.select(&selector(css))
        .find_map(|e| non_empty(&collapse(&e.text().collect::<String>())))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Collects paragraphs while walking the element tree.
#[derive(Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
}

impl Blocks {
    /// `keep_header`: inside `<article>` or `<main>` a `<header>` holds the headline; elsewhere
    /// it is the site's banner.
    fn walk(&mut self, element: ElementRef<'_>, keep_header: bool) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.push_text(text),
                Node::Element(e) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = e.name();
                    if SKIP_TAGS.contains(&name)
                        || (name == "header" && !keep_header)
                        || is_furniture(&child)
                    {
                        continue;
                    }
                    if name == "br" {
                        self.current.push('\n');
                        continue;
                    }
                    let block = BLOCK_TAGS.contains(&name);
                    if block {
                        self.flush();
                    }
                    self.walk(child, keep_header || matches!(name, "article" | "main"));
                    if block {
                        self.flush();
                    }
                }
                _ => {}
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        for (i, piece) in text.split(|c: char| c.is_whitespace()).enumerate() {
            if i > 0 && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            self.current.push_str(piece);
        }
    }

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

    const PAGE: &str = r#"<!doctype html><html><head>
        <title>Rockets hit Baghdad | Ledger</title>
        <meta property="og:title" content="Rockets hit Baghdad">
        <meta property="og:site_name" content="The Ledger">
        <meta property="article:published_time" content="2020-12-23T08:00:00Z">
        <link rel="canonical" href="https://ledger.example.com/rockets">
        <meta name="note" content="constructed for testing">
        <script>var x = "<p>not text</p>";</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <header class="site-banner">The Ledger</header>
        <article><header><h1>Rockets hit Baghdad</h1></header>
        <p>Rockets struck the <b>Green Zone</b>
           on Sunday.</p>
        <div class="share-buttons">Share on Facebook</div>
        <figure><img src="x.jpg"><figcaption>The embassy compound.</figcaption></figure>
        <p>Officials said<br>nobody was hurt.</p>
        <aside>Trending: something else</aside>
        <form>Sign up for our newsletter</form></article>
        <footer>© The Ledger</footer></body></html>"#;

    #[test]
    fn keeps_the_story_and_drops_the_furniture() {
        let a = parse("ledger", PAGE, "ledger.html");
        assert_eq!(
            a.body,
            "Rockets hit Baghdad\n\nRockets struck the Green Zone on Sunday.\n\nThe embassy compound.\n\nOfficials said\nnobody was hurt."
        );
        assert_eq!(a.title.as_deref(), Some("Rockets hit Baghdad"));
        assert_eq!(a.outlet, "The Ledger");
        assert_eq!(a.date.as_deref(), Some("2020-12-23"));
        assert_eq!(a.url.as_deref(), Some("https://ledger.example.com/rockets"));
        assert_eq!(a.note.as_deref(), Some("constructed for testing"));
    }

    #[test]
    fn title_is_prepended_when_the_page_body_lacks_it() {
        let a = parse(
            "p",
            "<html><head><title>Headline</title></head><body><p>Text.</p></body></html>",
            "p.html",
        );
        assert_eq!(a.body, "Headline\n\nText.");
    }
}
