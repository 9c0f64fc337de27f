//! `.jsonl` files read one record (line) at a time, so a file of any length is read in memory
//! that does not grow with it: only the line at hand is held, and a line longer than
//! `--max-bytes` is skipped over without being held at all.
//!
//! Each record is judged on its own: a record that is too large, not UTF-8, not JSON or
//! empty is refused with its line number and the next one is read.

use super::source::{ReadOptions, binary_reason};
use super::{IngestError, IngestErrorKind, Item, RawArticle, RawFormat};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// How much of a file is read at a time.
const BUFFER: usize = 64 * 1024;

/// The records of one `.jsonl` file, in order: one [`Item`] per non-blank line (a record to
/// parse, or why the line was refused), and an error for the whole file when it holds no
/// record at all.
#[derive(Debug)]
pub struct Records {
    path: PathBuf,
    reader: BufReader<File>,
    options: ReadOptions,
    /// Lines read so far (the 1-based number of the last one).
    line: usize,
    /// Byte offset in the file of the next line.
    offset: u64,
    /// Whether any line gave a record or an error.
    any: bool,
    done: bool,
    buf: Vec<u8>,
}

impl Records {
    /// Opens `path`, refusing a binary file (judged, as other files are, on its first 8 KiB).
    pub fn open(path: &Path, options: &ReadOptions) -> Result<Self, IngestError> {
        let file = File::open(path).map_err(|e| IngestError::io(path, &e))?;
        let mut reader = BufReader::with_capacity(BUFFER, file);
        let head = reader.fill_buf().map_err(|e| IngestError::io(path, &e))?;
        let skip = if head.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        if let Some(reason) = binary_reason(&head[skip..]) {
            return Err(IngestError::new(
                path,
                None,
                IngestErrorKind::Binary(reason),
            ));
        }
        reader.consume(skip);
        Ok(Self {
            path: path.to_path_buf(),
            reader,
            options: *options,
            line: 0,
            offset: skip as u64,
            any: false,
            done: false,
            buf: Vec::new(),
        })
    }

    fn refuse(&mut self, kind: IngestErrorKind) -> Option<Item> {
        self.any = true;
        Some(Item::Error(IngestError::new(
            &self.path,
            Some(self.line),
            kind,
        )))
    }
}

impl Iterator for Records {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            self.buf.clear();
            let read = match read_line(&mut self.reader, self.options.max_bytes, &mut self.buf) {
                Ok(read) => read,
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    return self.refuse(IngestErrorKind::Io(e.to_string()));
                }
            };
            if read.consumed == 0 {
                self.done = true;
                if !self.any {
                    return Some(Item::Error(IngestError::new(
                        &self.path,
                        None,
                        IngestErrorKind::Empty,
                    )));
                }
                return None;
            }
            self.line += 1;
            let start = self.offset;
            self.offset += read.consumed as u64;
            if read.length > self.options.max_bytes {
                return self.refuse(IngestErrorKind::TooLarge {
                    size: read.length,
                    max: self.options.max_bytes,
                });
            }
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let bytes = std::mem::take(&mut self.buf);
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) if self.options.lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Err(e) => {
                    let offset = start as usize + e.utf8_error().valid_up_to();
                    return self.refuse(IngestErrorKind::InvalidUtf8 { offset });
                }
            };
            self.any = true;
            return Some(Item::Raw(RawArticle {
                path: self.path.clone(),
                line: Some(self.line),
                format: RawFormat::JsonRecord,
                text,
            }));
        }
        None
    }
}

/// What [`read_line`] read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineRead {
    /// Bytes taken from the reader, the newline included (0 at the end of the input).
    consumed: usize,
    /// Length of the line without its newline.
    length: u64,
}

/// Reads one line into `buf` (without its `\n`), keeping at most `max + 1` bytes of it: a
/// longer line is read through to its end but not held, so its length is known and the next
/// line starts where it should.
fn read_line(reader: &mut impl BufRead, max: u64, buf: &mut Vec<u8>) -> std::io::Result<LineRead> {
    let keep = usize::try_from(max.saturating_add(1)).unwrap_or(usize::MAX);
    let mut read = LineRead {
        consumed: 0,
        length: 0,
    };
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(read);
        }
        let (part, used, ended) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..at], at + 1, true),
            None => (available, available.len(), false),
        };
        let room = keep.saturating_sub(buf.len());
        buf.extend_from_slice(&part[..part.len().min(room)]);
        read.length += part.len() as u64;
        read.consumed += used;
        reader.consume(used);
        if ended {
            return Ok(read);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: u64) -> Vec<(LineRead, Vec<u8>)> {
        // A tiny buffer, so lines cross buffer boundaries.
        let mut reader = BufReader::with_capacity(3, input);
        let mut out = Vec::new();
        loop {
            let mut buf = Vec::new();
            let read = read_line(&mut reader, max, &mut buf).unwrap();
            if read.consumed == 0 {
                return out;
            }
            out.push((read, buf));
        }
    }

    #[test]
    fn lines_are_split_across_buffer_refills() {
        let got = lines(b"first line\nsecond\n\nlast", 100);
        let texts: Vec<&[u8]> = got.iter().map(|(_, b)| b.as_slice()).collect();
        assert_eq!(texts, [&b"first line"[..], b"second", b"", b"last"]);
        let consumed: usize = got.iter().map(|(r, _)| r.consumed).sum();
        assert_eq!(consumed, 23, "every byte is consumed exactly once");
    }

    #[test]
    fn a_long_line_is_measured_but_not_held() {
        let got = lines(b"short\nthis line is far too long\nok\n", 8);
        assert_eq!(got[1].0.length, 25);
        assert_eq!(got[1].1.len(), 9, "at most max + 1 bytes are kept");
        assert_eq!(got[2].1, b"ok", "the next line starts after the long one");
    }
}
