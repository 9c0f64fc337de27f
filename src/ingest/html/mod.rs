//! Web pages reduced to their main text.
//!
//! The body is read by an article reader that keeps the story and drops what surrounds it
//! (see [`body`]); headings, paragraphs, list items, quotes and captions become paragraphs
//! separated by blank lines (see [`blocks`]). Metadata comes from the page's `<head>`:
//! `og:title` or `<title>`, `og:site_name`, `article:published_time` or `<time datetime>`, and
//! the canonical link. Nothing here recurses over the page's elements, however deep they nest,
//! and pages too deep to parse quickly are flattened first (see [`depth`]).

mod blocks;
mod body;
mod depth;
mod tags;

use super::{Article, non_empty, normalize_date};
use scraper::{Html, Selector};

/// A page read: the article, and a note when its body was read the simpler way (see
/// [`body`]), for the caller to pass on.
#[derive(Debug, Clone)]
pub struct Page {
    pub article: Article,
    pub note: Option<String>,
}

/// Parses a page. `stem` is the fallback id and outlet, `source` the path shown in messages.
pub fn parse(stem: &str, page: &str, source: &str) -> Page {
    let estimated = depth::estimate(page);
    let flattened =
        (estimated > depth::PARSE_LIMIT).then(|| depth::flatten(page, body::DEPTH_LIMIT));
    let doc = Html::parse_document(flattened.as_deref().unwrap_or(page));
    let nesting = body::Nesting {
        depth: if flattened.is_some() {
            estimated
        } else {
            depth::tree_depth(&doc)
        },
        flattened: flattened.is_some(),
    };
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

    let body = body::read(&doc, page, nesting);
    let mut paragraphs = body.paragraphs;
    if let Some(title) = &title
        && paragraphs.first().is_none_or(|first| {
            !title.starts_with(first.as_str()) && !first.starts_with(title.as_str())
        })
    {
        paragraphs.insert(0, title.clone());
    }
    let article = Article {
        id: stem.to_string(),
        outlet: meta(&doc, r#"meta[property="og:site_name"]"#, "content")
            .unwrap_or_else(|| stem.to_string()),
        title,
        date,
        url,
        note: meta(&doc, r#"meta[name="note"]"#, "content"),
        source: source.to_string(),
        body: paragraphs.join("\n\n"),
    };
    Page {
        article,
        note: body.note,
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this module are valid CSS")
}

/// The first non-empty `attr` of an element matching `css` (matching iterates over the tree).
fn meta(doc: &Html, css: &str, attr: &str) -> Option<String> {
    doc.select(&selector(css))
        .find_map(|e| e.attr(attr).and_then(non_empty))
}

/// The first non-empty text of an element matching `css`, its whitespace collapsed.
fn text_of(doc: &Html, css: &str) -> Option<String> {
    doc.select(&selector(css))
        .find_map(|e| non_empty(&collapse(&e.text().collect::<String>())))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
        let a = parse("ledger", PAGE, "ledger.html").article;
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
        )
        .article;
        assert_eq!(a.body, "Headline\n\nText.");
    }
}
