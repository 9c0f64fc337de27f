//! JSON articles: one object per `.json` file, one object per line in `.jsonl`.
//!
//! Fields: `id`, `outlet`, `title`, `date`, `url`, `note`, and `text` (plain text) or `html`
//! (a page, reduced to text as `.html` files are). Other fields are ignored.

use super::{Article, IngestErrorKind, html, non_empty, normalize_date};
use serde::Deserialize;

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

/// One article object (a `.json` file, or one line of a `.jsonl` file), and the note its
/// `html` left, if any. `default_id` is the id when the object has none. A record whose text
/// is empty is refused as an empty record, naming the field it left empty.
pub fn parse_object(
    default_id: &str,
    text: &str,
    source: &str,
) -> Result<(Article, Option<String>), IngestErrorKind> {
    let record: Record =
        serde_json::from_str(text).map_err(|e| IngestErrorKind::Json(e.to_string()))?;
    into_article(record, default_id, source)
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
    let text_field = if record.text.is_some() {
        "text"
    } else {
        "html"
    };
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
    if body.trim().is_empty() {
        return Err(IngestErrorKind::EmptyRecord(text_field));
    }
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
    fn a_record_without_words_is_empty_naming_its_field() {
        let empty = |json: &str| parse_object("r", json, "r.json").map(|_| ()).unwrap_err();
        assert_eq!(
            empty(r#"{"text": " \n "}"#),
            IngestErrorKind::EmptyRecord("text")
        );
        assert_eq!(
            empty(r#"{"html": "<div></div>"}"#),
            IngestErrorKind::EmptyRecord("html")
        );
        assert_eq!(empty(r#"{"id": 3}"#), IngestErrorKind::MissingText);
        assert!(matches!(empty("[1, 2]"), IngestErrorKind::Json(_)));
    }
}
