//! Reading articles: `.txt` (with an optional header block), `.html`, `.json`, `.jsonl`, and
//! directories of them.
//!
//! Reading never stops at the first bad file: [`load`] returns every article it could read
//! together with one [`IngestError`] per file (or JSONL line) it could not, and [`Note`]s for
//! files it skipped on purpose.

mod error;
mod html;
mod ids;
mod json;
mod jsonl;
mod source;
mod text;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use error::{IngestError, IngestErrorKind};
pub use ids::UniqueIds;
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
/// Articles are parsed on every core ([`rayon`]'s current pool), in input order.
pub fn load(paths: &[PathBuf], options: &ReadOptions) -> Loaded {
    use rayon::prelude::*;
    let items: Vec<Item> = read(paths, options).collect();
    let parsed: Vec<Parsed> = items.into_par_iter().map(Item::parse).collect();
    let mut loaded = Loaded::default();
    for parsed in parsed {
        loaded.notes.extend(parsed.note);
        match parsed.article {
            Some(Ok(article)) => loaded.articles.push(article),
            Some(Err(e)) => loaded.errors.push(e),
            None => {}
        }
    }
    make_ids_unique(&mut loaded.articles);
    loaded
}

/// Reads the inputs one article at a time, in input order, without parsing them (see
/// [`Item::parse`]): a caller can parse and process articles in batches, on several cores, in
/// memory that does not grow with the number of articles. Ids are as each article gives them:
/// [`UniqueIds`] makes them distinct as they come.
pub fn read(paths: &[PathBuf], options: &ReadOptions) -> Inputs {
    Inputs {
        paths: paths.to_vec(),
        next_path: 0,
        options: *options,
        dir: None,
        records: None,
    }
}

/// One input as read: an article to parse, an input refused, or a note.
#[derive(Debug)]
pub enum Item {
    Raw(RawArticle),
    Error(IngestError),
    Note(Note),
}

/// An article's text as read from its file (or JSONL line), not yet parsed.
#[derive(Debug, Clone)]
pub struct RawArticle {
    path: PathBuf,
    line: Option<usize>,
    format: RawFormat,
    text: String,
}

/// How a [`RawArticle`]'s text is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RawFormat {
    Text,
    Html,
    Json,
    /// One line of a JSONL file.
    JsonRecord,
}

/// What parsing an [`Item`] gave: the article or why it was refused (none for a note), and a
/// note (a file skipped, a page read the simpler way).
#[derive(Debug)]
pub struct Parsed {
    pub article: Option<Result<Article, IngestError>>,
    pub note: Option<Note>,
}

impl Item {
    /// Parses an article's text; an error or a note passes through as it is.
    pub fn parse(self) -> Parsed {
        match self {
            Self::Raw(raw) => raw.parse(),
            Self::Error(e) => Parsed {
                article: Some(Err(e)),
                note: None,
            },
            Self::Note(note) => Parsed {
                article: None,
                note: Some(note),
            },
        }
    }

    /// Bytes of text the item holds (to bound how much a caller keeps at once).
    pub fn text_bytes(&self) -> usize {
        match self {
            Self::Raw(raw) => raw.text.len(),
            Self::Error(_) | Self::Note(_) => 0,
        }
    }
}

impl RawArticle {
    /// The file the article was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its 1-based line, for a JSONL record.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The article, or why it was refused, naming the file (and line).
    pub fn parse(self) -> Parsed {
        let stem = file_stem(&self.path);
        let shown = match self.line {
            Some(line) => format!("{}:{line}", self.path.display()),
            None => self.path.display().to_string(),
        };
        let refuse = |kind| IngestError::new(&self.path, self.line, kind);
        let (article, message) = match self.format {
            RawFormat::Text => {
                let article = text::parse(&stem, &self.text, &shown);
                if article.body.trim().is_empty() {
                    (Err(refuse(IngestErrorKind::Empty)), None)
                } else {
                    (Ok(article), None)
                }
            }
            RawFormat::Html => {
                let page = html::parse(&stem, &self.text, &shown);
                if page.article.body.trim().is_empty() {
                    (Err(refuse(IngestErrorKind::NoText)), page.note)
                } else {
                    (Ok(page.article), page.note)
                }
            }
            RawFormat::Json | RawFormat::JsonRecord => {
                let default_id = match self.line {
                    Some(line) => format!("{stem}-{line}"),
                    None => stem,
                };
                match json::parse_object(&default_id, &self.text, &shown) {
                    Ok((article, note)) => (Ok(article), note),
                    Err(kind) => (Err(refuse(kind)), None),
                }
            }
        };
        let note = message.map(|message| Note {
            path: self.path.clone(),
            message: match self.line {
                Some(line) => format!("line {line}: {message}"),
                None => message,
            },
        });
        Parsed {
            article: Some(article),
            note,
        }
    }
}

/// The inputs of [`read`], one [`Item`] at a time. Holds one JSONL line, or one file, at a
/// time (and a directory's file names).
#[derive(Debug)]
pub struct Inputs {
    paths: Vec<PathBuf>,
    /// Index in `paths` of the next path to read.
    next_path: usize,
    options: ReadOptions,
    dir: Option<Dir>,
    records: Option<jsonl::Records>,
}

/// A story directory being read.
#[derive(Debug)]
struct Dir {
    path: PathBuf,
    entries: std::vec::IntoIter<PathBuf>,
    /// Articles and errors its files gave so far (a directory that gives none is an error).
    given: usize,
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let item = if let Some(records) = &mut self.records {
                let item = records.next();
                if item.is_none() {
                    self.records = None;
                }
                item
            } else if let Some(dir) = &mut self.dir {
                match dir.entries.next() {
                    Some(path) => self.entry(path),
                    None => {
                        let dir = self.dir.take().expect("checked above");
                        (dir.given == 0)
                            .then(|| IngestError::new(&dir.path, None, IngestErrorKind::NoArticles))
                            .map(Item::Error)
                    }
                }
            } else {
                let path = self.paths.get(self.next_path)?.clone();
                self.next_path += 1;
                if path.is_dir() {
                    self.open_dir(path)
                } else {
                    // A file named explicitly is read as text whatever its extension.
                    self.open_file(&path, Format::of(&path).unwrap_or(Format::Text))
                }
            };
            if let Some(item) = item {
                if let Some(dir) = &mut self.dir
                    && !matches!(item, Item::Note(_))
                {
                    dir.given += 1;
                }
                return Some(item);
            }
        }
    }
}

impl Inputs {
    fn open_dir(&mut self, path: PathBuf) -> Option<Item> {
        let entries = match std::fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) => return Some(Item::Error(IngestError::io(&path, &e))),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        self.dir = Some(Dir {
            path,
            entries: paths.into_iter(),
            given: 0,
        });
        None
    }

    /// One file of a directory: read if it is an article, else passed over.
    fn entry(&mut self, path: PathBuf) -> Option<Item> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || path.is_dir() {
            // Story folders hold their own subfolders (gold annotations, say): not articles.
            return None;
        }
        match Format::of(&path) {
            Some(format) => self.open_file(&path, format),
            None => Some(Item::Note(Note {
                path,
                message: "skipped: not a .txt, .html, .json or .jsonl file".into(),
            })),
        }
    }

    fn open_file(&mut self, path: &Path, format: Format) -> Option<Item> {
        let raw = |format| match source::read_text(path, &self.options) {
            Ok(text) => Item::Raw(RawArticle {
                path: path.to_path_buf(),
                line: None,
                format,
                text,
            }),
            Err(e) => Item::Error(e),
        };
        match format {
            Format::Text => Some(raw(RawFormat::Text)),
            Format::Html => Some(raw(RawFormat::Html)),
            Format::Json => Some(raw(RawFormat::Json)),
            Format::JsonLines => match jsonl::Records::open(path, &self.options) {
                Ok(records) => {
                    self.records = Some(records);
                    None
                }
                Err(e) => Some(Item::Error(e)),
            },
        }
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

    fn jsonl(content: &[u8]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.jsonl");
        std::fs::write(&path, content).unwrap();
        (dir, path)
    }

    #[test]
    fn bad_lines_are_reported_and_good_lines_kept() {
        let text = "{\"text\": \"One.\"}\n{oops\n\n{\"outlet\": \"x\"}\n{\"text\": \"\"}\n{\"text\": \"Six.\"}\n";
        let (_dir, path) = jsonl(text.as_bytes());
        let read = load(std::slice::from_ref(&path), &ReadOptions::default());
        let ids: Vec<&str> = read.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["s-1", "s-6"]);
        let lines: Vec<Option<usize>> = read.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(2), Some(4), Some(5)]);
        assert!(matches!(read.errors[0].kind, IngestErrorKind::Json(_)));
        assert_eq!(read.errors[1].kind, IngestErrorKind::MissingText);
        assert_eq!(read.errors[2].kind, IngestErrorKind::EmptyRecord("text"));
    }

    #[test]
    fn max_bytes_applies_to_each_record_not_the_file() {
        let short = "{\"text\": \"A short record.\"}\n";
        let long = format!("{{\"text\": \"{}\"}}\n", "word ".repeat(20));
        let content = format!("{short}{long}{short}{short}");
        let (_dir, path) = jsonl(content.as_bytes());
        let options = ReadOptions {
            max_bytes: 60,
            ..ReadOptions::default()
        };
        assert!(content.len() as u64 > options.max_bytes);
        let read = load(std::slice::from_ref(&path), &options);
        assert_eq!(read.articles.len(), 3, "{:?}", read.errors);
        let sources: Vec<&str> = read.articles.iter().map(|a| a.source.as_str()).collect();
        assert!(sources[1].ends_with("s.jsonl:3"), "{sources:?}");
        assert_eq!(read.errors.len(), 1);
        assert_eq!(read.errors[0].line, Some(2));
        assert_eq!(
            read.errors[0].kind,
            IngestErrorKind::TooLarge {
                size: long.len() as u64 - 1,
                max: 60
            }
        );
    }

    #[test]
    fn invalid_utf8_refuses_its_record_only_with_the_file_offset() {
        let (_dir, path) = jsonl(
            b"{\"text\": \"Fine.\"}\n{\"text\": \"bad \xFF\"}\r\n{\"text\": \"Also fine.\"}\r\n",
        );
        let read = load(std::slice::from_ref(&path), &ReadOptions::default());
        assert_eq!(read.articles.len(), 2);
        assert_eq!(
            read.articles[1].body, "Also fine.",
            "\\r\\n line ends are read"
        );
        assert_eq!(read.errors.len(), 1);
        assert_eq!(read.errors[0].line, Some(2));
        // The first line is 18 bytes with its newline; the bad byte is at 14 in the second.
        assert_eq!(
            read.errors[0].kind,
            IngestErrorKind::InvalidUtf8 { offset: 18 + 14 }
        );
        let lossy = ReadOptions {
            lossy: true,
            ..ReadOptions::default()
        };
        let read = load(std::slice::from_ref(&path), &lossy);
        assert_eq!(read.articles.len(), 3);
        assert_eq!(read.articles[1].body, "bad \u{FFFD}");
    }

    #[test]
    fn a_jsonl_file_without_records_is_empty_and_a_binary_one_is_refused() {
        let (_dir, path) = jsonl(b"\n  \n");
        let read = load(std::slice::from_ref(&path), &ReadOptions::default());
        assert_eq!(read.errors.len(), 1);
        assert_eq!(
            (read.errors[0].line, &read.errors[0].kind),
            (None, &IngestErrorKind::Empty)
        );
        let (_dir, path) = jsonl(b"PK\x03\x04\x00\x00\n{\"text\": \"x\"}\n");
        let read = load(std::slice::from_ref(&path), &ReadOptions::default());
        assert!(read.articles.is_empty());
        assert!(matches!(
            read.errors[..],
            [IngestError {
                line: None,
                kind: IngestErrorKind::Binary(_),
                ..
            }]
        ));
    }
}
