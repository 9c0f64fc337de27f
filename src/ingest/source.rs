//! Turning a file's bytes into text, refusing what is not text.

use super::{IngestError, IngestErrorKind};
use std::io::Read;
use std::path::Path;

/// Limits and leniency for reading input files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Articles larger than this are refused (default 10 MB): a file, or one record (line)
    /// of a JSONL file, which may itself be of any length.
    pub max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    pub lossy: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_bytes: 10_000_000,
            lossy: false,
        }
    }
}

/// Reads `path` as UTF-8 text (a leading byte-order mark is dropped).
pub fn read_text(path: &Path, options: &ReadOptions) -> Result<String, IngestError> {
    let err = |kind| IngestError::new(path, None, kind);
    let file = std::fs::File::open(path).map_err(|e| IngestError::io(path, &e))?;
    let size = file
        .metadata()
        .map_err(|e| IngestError::io(path, &e))?
        .len();
    if size > options.max_bytes {
        return Err(err(IngestErrorKind::TooLarge {
            size,
            max: options.max_bytes,
        }));
    }
    // Read at most one byte past the limit: the file may grow, or be a device with no size.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(options.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::io(path, &e))?;
    if bytes.len() as u64 > options.max_bytes {
        return Err(err(IngestErrorKind::TooLarge {
            size: bytes.len() as u64,
            max: options.max_bytes,
        }));
    }
    decode(bytes, options.lossy).map_err(err)
}

/// Bytes to text: refuses empty input, binary content and (unless `lossy`) invalid UTF-8.
pub fn decode(mut bytes: Vec<u8>, lossy: bool) -> Result<String, IngestErrorKind> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestErrorKind::Empty);
    }
    if let Some(reason) = binary_reason(&bytes) {
        return Err(IngestErrorKind::Binary(reason));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(IngestErrorKind::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

/// Why the bytes look binary, judged on the first 8 KiB: a NUL byte, or many control bytes.
pub(super) fn binary_reason(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at {pos}"));
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    (control * 10 > head.len())
        .then(|| format!("{control} control bytes in the first {} bytes", head.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_binary_and_invalid_utf8() {
        assert_eq!(
            decode(b" \n\t".to_vec(), false),
            Err(IngestErrorKind::Empty)
        );
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00".to_vec(), false),
            Err(IngestErrorKind::Binary(_))
        ));
        assert_eq!(
            decode(b"ok \xFF bad".to_vec(), false),
            Err(IngestErrorKind::InvalidUtf8 { offset: 3 })
        );
    }

    #[test]
    fn lossy_replaces_and_bom_is_dropped() {
        assert_eq!(decode(b"ok \xFF".to_vec(), true).unwrap(), "ok \u{FFFD}");
        assert_eq!(
            decode(b"\xEF\xBB\xBFhello".to_vec(), false).unwrap(),
            "hello"
        );
    }
}
