//! JSON articles: one object per `.json` file, one object per line in `.jsonl`.
//!
//! Fields: `id`, `outlet`, `title`, `date`, `url`, `note`, and `text` (plain text) or `html`
//! (a page, reduced to text as `.html` files are). Other fields are ignored.

use super::{Article, IngestError, IngestErrorKind, Loaded, Note, html, non_empty, normalize_date};
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

/// A `.json` file holding one article object, and the note its `html` left, if any.
pub fn parse_object(
    stem: &str,
    text: &str,
    source: &str,
) -> Result<(Article, Option<String>), IngestErrorKind> {
    let record: Record =
        serde_json::from_str(text).map_err(|e| IngestErrorKind::Json(e.to_string()))?;
    into_article(record, stem, source)
}

/// A `.jsonl` file: every non-blank line is one article; a bad line is an error of its own and
/// the other lines are still read. Without an `id`, a line's id is `<stem>-<line>`. A line
/// whose `html` was read the simpler way leaves a note starting `line N:`.
pub fn parse_lines(stem: &str, text: &str, path: &Path) -> Loaded {
    let mut read = Loaded::default();
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
            Ok((article, _)) if article.body.trim().is_empty() => {
                read.errors
                    .push(IngestError::new(path, Some(number), IngestErrorKind::Empty));
            }
            Ok((article, note)) => {
                read.articles.push(article);
                read.notes.extend(note.map(|message| Note {
                    path: path.to_path_buf(),
                    message: format!("line {number}: {message}"),
                }));
            }
            Err(kind) => read.errors.push(IngestError::new(path, Some(number), kind)),
        }
    }
    if read.articles.is_empty() && read.errors.is_empty() {
        read.errors
            .push(IngestError::new(path, None, IngestErrorKind::Empty));
    }
    read
}

/// The article a record holds, and the note its `html` left, if any.
fn into_article(
    record: Record,
    default_id: &str,
    source: &str,
) -> Result<(Article, Option<String>), IngestErrorKind> {
    let field = |v: &Option<String>| v.as_deref().and_then(non_empty);
    let id = match &record.id {
        Some(serde_json::Value::String(s)) => non_empty(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
    .unwrap_or_else(|| default_id.to_string());
    let (from_html, note) = match (&record.text, &record.html) {
        (Some(_), _) => (None, None),
        (None, Some(page)) => {
            let page = html::parse(&id, page, source);
            (Some(page.article), page.note)
        }
        (None, None) => return Err(IngestErrorKind::MissingText),
    };
    let body = match (&record.text, &from_html) {
        (Some(text), _) => text.clone(),
        (None, Some(page)) => page.body.clone(),
        (None, None) => unreachable!("checked above"),
    };
    let page_field =
        |f: fn(&Article) -> &Option<String>| from_html.as_ref().and_then(|a| f(a).clone());
    let article = Article {
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
    };
    Ok((article, note))
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
        .unwrap()
        .0;
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
        let read = parse_lines("s", text, Path::new("s.jsonl"));
        let ids: Vec<&str> = read.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["s-1", "s-5"]);
        let lines: Vec<Option<usize>> = read.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(2), Some(4)]);
        assert!(matches!(read.errors[0].kind, IngestErrorKind::Json(_)));
        assert_eq!(read.errors[1].kind, IngestErrorKind::MissingText);
    }
}
