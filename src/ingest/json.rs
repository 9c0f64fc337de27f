//! JSON articles: one object per `.json` file, one object per line in `.jsonl`.
//!
//! Fields: `id`, `outlet`, `title`, `date`, `url`, `note`, and `text` (plain text) or `html`
//! (a page, reduced to text as `.html` files are). Other fields are ignored.

use super::{Article, IngestError, IngestErrorKind, html, non_empty, normalize_date};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    outlet: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    note: Option<String>,
    text: Option<String>,
    html: Option<String>,
}

/// A `.json` file holding one article object.
pub fn parse_object(stem: &str, text: &str, source: &str) -> Result<Article, IngestErrorKind> {
    let record: Record =
        serde_json::from_str(text).map_err(|e| IngestErrorKind::Json(e.to_string()))?;
    into_article(record, stem, source)
}

/// A `.jsonl` file: every non-blank line is one article; a bad line is an error of its own and
/// the other lines are still read. Without an `id`, a line's id is `<stem>-<line>`.
pub fn parse_lines(stem: &str, text: &str, path: &Path) -> (Vec<Article>, Vec<IngestError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let source = format!("{}:{number}", path.display());
        let parsed = serde_json::from_str::<Record>(line)
            .map_err(|e| IngestErrorKind::Json(e.to_string()))
            .and_then(|record| into_article(record, &format!("{stem}-{number}"), &source));
        match parsed {
            Ok(article) if article.body.trim().is_empty() => {
                errors.push(IngestError::new(path, Some(number), IngestErrorKind::Empty));
            }
            Ok(article) => articles.push(article),
            Err(kind) => errors.push(IngestError::new(path, Some(number), kind)),
        }
    }
    if articles.is_empty() && errors.is_empty() {
        errors.push(IngestError::new(path, None, IngestErrorKind::Empty));
    }
    (articles, errors)
}

fn into_article(
    record: Record,
    default_id: &str,
    source: &str,
) -> Result<Article, IngestErrorKind> {
    let field = |v: &Option<String>| v.as_deref().and_then(non_empty);
    let id = match &record.id {
        Some(serde_json::Value::String(s)) => non_empty(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
    .unwrap_or_else(|| default_id.to_string());
    let from_html = match (&record.text, &record.html) {
        (Some(_), _) => None,
        (None, Some(page)) => Some(html::parse(&id, page, source)),
        (None, None) => return Err(IngestErrorKind::MissingText),
    };
    let body = match (&record.text, &from_html) {
        (Some(text), _) => text.clone(),
        (None, Some(page)) => page.body.clone(),
        (None, None) => unreachable!("checked above"),
    };
    let page_field =
        |f: fn(&Article) -> &Option<String>| from_html.as_ref().and_then(|a| f(a).clone());
    Ok(Article {
        outlet: field(&record.outlet)
            .or_else(|| from_html.as_ref().map(|a| a.outlet.clone()))
            .unwrap_or_else(|| id.clone()),
        title: field(&record.title).or_else(|| page_field(|a| &a.title)),
        date: record
            .date
            .as_deref()
            .and_then(normalize_date)
            .or_else(|| page_field(|a| &a.date)),
        url: field(&record.url).or_else(|| page_field(|a| &a.url)),
        note: field(&record.note),
        source: source.to_string(),
        id,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_fields_are_read() {
        let a = parse_object(
            "f",
            r#"{"id": 7, "outlet": "Wire", "date": "2020-12-23T10:00:00Z", "text": "Body."}"#,
            "f.json",
        )
        .unwrap();
        assert_eq!(
            (
                a.id.as_str(),
                a.outlet.as_str(),
                a.date.as_deref(),
                a.body.as_str()
            ),
            ("7", "Wire", Some("2020-12-23"), "Body.")
        );
    }

    #[test]
    fn bad_lines_are_reported_and_good_lines_kept() {
        let text = "{\"text\": \"One.\"}\n{oops\n\n{\"outlet\": \"x\"}\n{\"text\": \"Four.\"}\n";
        let (articles, errors) = parse_lines("s", text, Path::new("s.jsonl"));
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["s-1", "s-5"]);
        let lines: Vec<Option<usize>> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(2), Some(4)]);
        assert!(matches!(errors[0].kind, IngestErrorKind::Json(_)));
        assert_eq!(errors[1].kind, IngestErrorKind::MissingText);
    }
}
