//! What can go wrong while reading one input, always naming the file (and line, for JSONL).

use std::fmt;
use std::path::{Path, PathBuf};

/// One input that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    pub path: PathBuf,
    /// 1-based line, for JSONL records.
    pub line: Option<usize>,
    pub kind: IngestErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestErrorKind {
    #[error("no such file or directory")]
    NotFound,
    #[error("cannot read: {0}")]
    Io(String),
    #[error("the file is empty")]
    Empty,
    #[error("looks like a binary file ({0}), not text")]
    Binary(String),
    #[error("invalid UTF-8 at byte {offset} (use --lossy to replace invalid bytes)")]
    InvalidUtf8 { offset: usize },
    #[error("{size} bytes is over the limit of {max} bytes (raise it with --max-bytes)")]
    TooLarge { size: u64, max: u64 },
    #[error("malformed JSON: {0}")]
    Json(String),
    #[error("empty record: its `{0}` field holds no text")]
    EmptyRecord(&'static str),
    #[error("the page holds no article text")]
    NoText,
    #[error("the JSON record has no `text` or `html` field")]
    MissingText,
    #[error("no articles here (slant reads .txt, .html, .json and .jsonl files)")]
    NoArticles,
}

impl IngestError {
    pub fn new(path: &Path, line: Option<usize>, kind: IngestErrorKind) -> Self {
        Self {
            path: path.to_path_buf(),
            line,
            kind,
        }
    }

    pub(crate) fn io(path: &Path, e: &std::io::Error) -> Self {
        let kind = match e.kind() {
            std::io::ErrorKind::NotFound => IngestErrorKind::NotFound,
            _ => IngestErrorKind::Io(e.to_string()),
        };
        Self::new(path, None, kind)
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for IngestError {}
