//! Reading articles: `.txt` (with an optional header block), `.html`, `.json`, `.jsonl`, and
//! directories of them.
//!
//! Reading never stops at the first bad file: [`load`] returns every article it could read
//! together with one [`IngestError`] per file (or JSONL line) it could not, and [`Note`]s for
//! files it skipped on purpose.

mod error;
mod html;
mod json;
mod source;
mod text;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use error::{IngestError, IngestErrorKind};
pub use source::ReadOptions;

/// One outlet's version of the story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Unique within a story and stable across runs (file stem or the JSON `id`).
    pub id: String,
    pub outlet: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD` when the source gave a date that starts that way, else as given.
    pub date: Option<String>,
    pub url: Option<String>,
    /// The `note` header field (fixtures say `constructed for testing` here).
    pub note: Option<String>,
    /// Where the article came from: a path, or `path:line` for JSONL.
    pub source: String,
    /// The text as read: header block removed, HTML reduced to text. Every span points in here.
    pub body: String,
}

impl Article {
    /// An article from plain text, as a `.txt` file named `<id>.txt` would give it.
    pub fn from_text(id: &str, text: &str) -> Self {
        text::parse(id, text, id)
    }
}

/// A file that was passed over on purpose, or read in a simpler way than usual (a web page
/// too deeply nested for the article reader), with the reason (for the binary to show on
/// stderr). The message starts with `line N:` when it concerns one line of a JSONL file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub path: PathBuf,
    pub message: String,
}

/// Everything [`load`] read: the articles in input order, what went wrong, and what was
/// skipped or read the simpler way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<IngestError>,
    pub notes: Vec<Note>,
}

/// The file kinds slant reads, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Json,
    JsonLines,
}

impl Format {
    fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" => Some(Self::Text),
            "html" | "htm" | "xhtml" => Some(Self::Html),
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::JsonLines),
            _ => None,
        }
    }
}

/// Reads every path: a file is one article (or one per line for JSONL), a directory is a
/// story whose supported files are read in name order. Subdirectories are passed over quietly.
pub fn load(paths: &[PathBuf], options: &ReadOptions) -> Loaded {
    let mut loaded = Loaded::default();
    for path in paths {
        if path.is_dir() {
            load_dir(path, options, &mut loaded);
        } else {
            load_file(path, options, &mut loaded);
        }
    }
    make_ids_unique(&mut loaded.articles);
    loaded
}

fn load_dir(dir: &Path, options: &ReadOptions, loaded: &mut Loaded) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            loaded.errors.push(IngestError::io(dir, &e));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let before = loaded.articles.len() + loaded.errors.len();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            // Story folders hold their own subfolders (gold annotations, say): not articles.
            continue;
        } else if Format::of(&path).is_none() {
            loaded.notes.push(Note {
                path,
                message: "skipped: not a .txt, .html, .json or .jsonl file".into(),
            });
        } else {
            load_file(&path, options, loaded);
        }
    }
    if loaded.articles.len() + loaded.errors.len() == before {
        loaded
            .errors
            .push(IngestError::new(dir, None, IngestErrorKind::NoArticles));
    }
}

fn load_file(path: &Path, options: &ReadOptions, loaded: &mut Loaded) {
    let Some(format) = Format::of(path) else {
        // A file named explicitly is read as text whatever its extension.
        return read_one(path, Format::Text, options, loaded);
    };
    read_one(path, format, options, loaded);
}

fn read_one(path: &Path, format: Format, options: &ReadOptions, loaded: &mut Loaded) {
    let text = match source::read_text(path, options) {
        Ok(text) => text,
        Err(e) => {
            loaded.errors.push(e);
            return;
        }
    };
    let stem = file_stem(path);
    let shown = path.display().to_string();
    let parsed = match format {
        Format::Text => Ok((text::parse(&stem, &text, &shown), None)),
        Format::Html => {
            let page = html::parse(&stem, &text, &shown);
            Ok((page.article, page.note))
        }
        Format::Json => json::parse_object(&stem, &text, &shown)
            .map_err(|kind| IngestError::new(path, None, kind)),
        Format::JsonLines => {
            let lines = json::parse_lines(&stem, &text, path);
            loaded.articles.extend(lines.articles);
            loaded.errors.extend(lines.errors);
            loaded.notes.extend(lines.notes);
            return;
        }
    };
    let parsed = parsed.map(|(article, note)| {
        if let Some(message) = note {
            loaded.notes.push(Note {
                path: path.to_path_buf(),
                message,
            });
        }
        article
    });
    match parsed {
        Ok(article) if article.body.trim().is_empty() => {
            loaded
                .errors
                .push(IngestError::new(path, None, IngestErrorKind::Empty));
        }
        Ok(article) => loaded.articles.push(article),
        Err(e) => loaded.errors.push(e),
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".into())
}

/// Gives every article a distinct id: the second `x` becomes `x-2`, the third `x-3`, in input
/// order, skipping any suffix that is already taken.
fn make_ids_unique(articles: &mut [Article]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let taken: std::collections::BTreeSet<String> = articles.iter().map(|a| a.id.clone()).collect();
    let mut used = std::collections::BTreeSet::new();
    for article in articles.iter_mut() {
        let count = seen.entry(article.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 || used.contains(&article.id) {
            let mut n = (*count).max(2);
            let id = loop {
                let candidate = format!("{}-{n}", article.id);
                if !taken.contains(&candidate) && !used.contains(&candidate) {
                    break candidate;
                }
                n += 1;
            };
            article.id = id;
        }
        used.insert(article.id.clone());
    }
}

/// Header keys slant understands (in `.txt` header blocks and JSON objects).
pub(crate) const HEADER_KEYS: [&str; 6] = ["outlet", "title", "date", "url", "id", "note"];

/// `2020-12-23T18:00:00Z` → `2020-12-23`; other text is kept as given (trimmed).
pub(crate) fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let iso = raw.len() >= 10 && is_iso_date(&raw.as_bytes()[..10]);
    Some(if iso {
        raw[..10].to_string()
    } else {
        raw.to_string()
    })
}

/// `YYYY-MM-DD` exactly (ten bytes).
pub(crate) fn is_iso_date(b: &[u8]) -> bool {
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    b.len() == 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)
}

/// Non-empty trimmed text, or `None`.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str) -> Article {
        Article::from_text(id, "Body.")
    }

    #[test]
    fn clashing_ids_get_numbered_suffixes_in_order() {
        let mut articles = vec![art("a"), art("a"), art("a-2"), art("a")];
        make_ids_unique(&mut articles);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-3", "a-2", "a-4"]);
    }

    #[test]
    fn iso_timestamps_become_dates() {
        assert_eq!(
            normalize_date("2020-12-23T18:04:00Z").as_deref(),
            Some("2020-12-23")
        );
        assert_eq!(
            normalize_date(" Dec 23, 2020 ").as_deref(),
            Some("Dec 23, 2020")
        );
        assert_eq!(normalize_date("  "), None);
    }
}
