//! Word tokens: UAX #29 words, lower-cased, with a Snowball (Porter2) stem. Numbers stay whole:
//! `21`, `1,000`, `3.5` and `8:30` are one token each.

use crate::Span;
use frostem::{Algorithm, Stemmer};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::new(Algorithm::English));

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenKind {
    Word,
    Number,
}

/// One word or number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Byte range in the body.
    pub span: Span,
    /// Byte range in the normalized text.
    #[serde(skip)]
    pub norm: Span,
    /// Folded, lower-cased form.
    pub text: String,
    /// English Snowball stem of `text` (numbers: `text` itself).
    pub stem: String,
    pub kind: TokenKind,
    /// Index of the sentence holding the token.
    pub sentence: usize,
}

/// Stems already computed on this thread; news vocabulary repeats, stemming is the costly part.
/// Words shorter than 16 bytes (nearly all) are keyed by their bytes packed into an integer,
/// which hashes and compares without following a pointer: the cache is looked up for every
/// word token. Bounded: each map is cleared when it reaches `STEM_CACHE_MAX` entries.
const STEM_CACHE_MAX: usize = 100_000;

#[derive(Debug, Default)]
struct StemCache {
    short: HashMap<u128, String, BuildWordHasher>,
    long: HashMap<String, String, BuildWordHasher>,
}

thread_local! {
    static STEM_CACHE: std::cell::RefCell<StemCache> = Default::default();
}

/// The stem of an already lower-cased word.
pub fn stem(word: &str) -> String {
    STEM_CACHE.with_borrow_mut(|cache| match packed(word) {
        Some(key) => cached(&mut cache.short, &key, || key, word),
        None => cached(&mut cache.long, word, || word.to_string(), word),
    })
}

/// A word shorter than 16 bytes as one integer: its bytes, then its length in the top byte.
/// Built in registers: copying into a buffer and reading it back stalls the store forwarding.
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    (bytes.len() < 16).then(|| {
        bytes
            .iter()
            .enumerate()
            .fold((bytes.len() as u128) << 120, |key, (i, &b)| {
                key | u128::from(b) << (8 * i)
            })
    })
}

/// The stem of `word` from `map` (looked up by `lookup`), stemming and storing it if missing.
fn cached<K, Q>(
    map: &mut HashMap<K, String, BuildWordHasher>,
    lookup: &Q,
    key: impl FnOnce() -> K,
    word: &str,
) -> String
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ?Sized,
{
    if let Some(stem) = map.get(lookup) {
        return stem.clone();
    }
    if map.len() >= STEM_CACHE_MAX {
        map.clear();
    }
    let stem = STEMMER.stem(word).into_owned();
    map.insert(key(), stem.clone());
    stem
}

/// Builds [`WordHasher`]s, seeded once per cache from the standard library's random keys so
/// that colliding words cannot be prepared in advance.
#[derive(Debug, Clone, Copy)]
struct BuildWordHasher(u64);

impl Default for BuildWordHasher {
    fn default() -> Self {
        Self(std::collections::hash_map::RandomState::new().hash_one(0u64))
    }
}

impl BuildHasher for BuildWordHasher {
    type Hasher = WordHasher;

    fn build_hasher(&self) -> WordHasher {
        WordHasher(self.0)
    }
}

/// A hasher for words, eight bytes at a step: SipHash (the default) cost more than the
/// stemming the cache saves on short words.
#[derive(Debug, Clone, Copy)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 ^= self.0 >> 29;
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            self.add(tail.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u128(&mut self, n: u128) {
        self.add(n as u64);
        self.add((n >> 64) as u64);
    }

    /// The murmur3 finalizer: every input bit reaches the low bits the table indexes with.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        h ^= h >> 33;
        h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        h ^ (h >> 33)
    }
}

/// Tokens of `text[within]`, in order. `span` is left equal to `norm`; the caller maps it.
pub fn tokenize(text: &str, within: Span, sentence: usize, out: &mut Vec<Token>) {
    let piece = &text[within.range()];
    if piece.is_ascii() {
        tokenize_segments(text, within, sentence, ascii_word_bound_indices(piece), out);
    } else {
        tokenize_segments(
            text,
            within,
            sentence,
            piece.split_word_bound_indices(),
            out,
        );
    }
}

/// Tokens from the UAX #29 word segments (`(offset in text[within], segment)`) of a piece.
fn tokenize_segments<'a>(
    text: &str,
    within: Span,
    sentence: usize,
    segments: impl Iterator<Item = (usize, &'a str)> + Clone,
    out: &mut Vec<Token>,
) {
    let mut words = segments.peekable();
    while let Some((at, word)) = words.next() {
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut span = Span::new(within.start + at, within.start + at + word.len());
        // 8:30 — UAX #29 splits digits around a colon.
        while is_digits(word) {
            let mut ahead = words.clone();
            match (ahead.next(), ahead.next()) {
                (Some((_, ":")), Some((at2, next))) if is_digits(next) => {
                    span.end = within.start + at2 + next.len();
                    words = ahead;
                    if words.peek().is_none_or(|(_, w)| *w != ":") {
                        break;
                    }
                }
                _ => break,
            }
        }
        out.push(make(text, span, sentence));
    }
}

/// UAX #29 word segments of ASCII `text`: the same `(offset, segment)` pairs as
/// `split_word_bound_indices`, without its per-character table search (most sentences of news
/// text are ASCII once folded). Public so that tests can compare the two paths.
pub fn ascii_word_bound_indices(text: &str) -> AsciiWordBounds<'_> {
    assert!(text.is_ascii(), "the fast path takes ASCII text only");
    AsciiWordBounds { text, at: 0 }
}

/// Iterator returned by [`ascii_word_bound_indices`].
#[derive(Debug, Clone)]
pub struct AsciiWordBounds<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for AsciiWordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.at;
        if start >= self.text.len() {
            return None;
        }
        self.at = ascii_segment_end(self.text.as_bytes(), start);
        Some((start, &self.text[start..self.at]))
    }
}

/// Word break categories (UAX #29 table 3) of the ASCII characters that take part in a rule
/// other than "break everywhere". Hebrew, Katakana, Extend, Format, ZWJ and Regional_Indicator
/// have no ASCII members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WbCat {
    Cr,
    /// LF and Newline (vertical tab, form feed).
    Newline,
    WSegSpace,
    ALetter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNum,
    /// MidNumLet and Single_Quote (`MidNumLetQ` in the rules).
    MidNumLetQ,
    Other,
}

/// The category of every byte, computed at compile time: the segmenters look up every byte.
static WB_CATS: [WbCat; 256] = {
    let mut table = [WbCat::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = wb_cat_of(b as u8);
        b += 1;
    }
    table
};

fn wb_cat(b: u8) -> WbCat {
    WB_CATS[usize::from(b)]
}

const fn wb_cat_of(b: u8) -> WbCat {
    match b {
        b'\r' => WbCat::Cr,
        b'\n' | 0x0B | 0x0C => WbCat::Newline,
        b' ' => WbCat::WSegSpace,
        b'A'..=b'Z' | b'a'..=b'z' => WbCat::ALetter,
        b'0'..=b'9' => WbCat::Numeric,
        b'_' => WbCat::ExtendNumLet,
        b':' => WbCat::MidLetter,
        b',' | b';' => WbCat::MidNum,
        b'.' | b'\'' => WbCat::MidNumLetQ,
        _ => WbCat::Other,
    }
}

/// Where the word segment starting at `start` ends.
fn ascii_segment_end(text: &[u8], start: usize) -> usize {
    let cat_at = |i: usize| text.get(i).map(|&b| wb_cat(b));
    match wb_cat(text[start]) {
        // WB3: CR × LF; WB3a/b: otherwise breaks on both sides of a line break.
        WbCat::Cr if text.get(start + 1) == Some(&b'\n') => start + 2,
        // WB3d: spaces stay together.
        WbCat::WSegSpace => start + text[start..].iter().take_while(|&&b| b == b' ').count(),
        WbCat::ALetter | WbCat::Numeric | WbCat::ExtendNumLet => word_end(text, start, cat_at),
        // WB999
        _ => start + 1,
    }
}

/// The end of a run of letters, digits and underscores starting at `start`, which may take in
/// single joiners between letters (`don't`, `U.S`) or between digits (`1,000`, `3.5`).
fn word_end(text: &[u8], start: usize, cat_at: impl Fn(usize) -> Option<WbCat>) -> usize {
    use WbCat::*;
    let mut prev = wb_cat(text[start]);
    let mut i = start + 1;
    while let Some(cat) = cat_at(i) {
        match (prev, cat) {
            // WB5, WB8, WB9, WB10, WB13a, WB13b
            (ALetter | Numeric | ExtendNumLet, ALetter | Numeric | ExtendNumLet) => {
                prev = cat;
                i += 1;
            }
            // WB6, WB7: letter (MidLetter | MidNumLetQ) letter
            (ALetter, MidLetter | MidNumLetQ) if cat_at(i + 1) == Some(ALetter) => {
                prev = ALetter;
                i += 2;
            }
            // WB11, WB12: digit (MidNum | MidNumLetQ) digit
            (Numeric, MidNum | MidNumLetQ) if cat_at(i + 1) == Some(Numeric) => {
                prev = Numeric;
                i += 2;
            }
            _ => break,
        }
    }
    i
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `u.s`, `u.n`, `d.c`: single letters joined by periods.
fn is_dotted_initials(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

fn make(text: &str, norm: Span, sentence: usize) -> Token {
    let surface = &text[norm.range()];
    // `to_ascii_lowercase` is what `to_lowercase` does to ASCII, without the per-char tables.
    let mut lower = if surface.is_ascii() {
        surface.to_ascii_lowercase()
    } else {
        surface.to_lowercase()
    };
    if is_dotted_initials(&lower) {
        lower.retain(|c| c != '.'); // U.S → us, so that "U.S." and "US" are one word
    }
    let kind = if surface.starts_with(|c: char| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let stem = match kind {
        TokenKind::Number => lower.clone(),
        TokenKind::Word => stem(&lower),
    };
    Token {
        span: norm,
        norm,
        text: lower,
        stem,
        kind,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, String, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), 0, &mut out);
        out.into_iter().map(|t| (t.text, t.stem, t.kind)).collect()
    }

    #[test]
    fn dotted_initials_fold_to_letters() {
        let got: Vec<String> = toks("U.S. and US and U.N. but 3.5")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(got, ["us", "and", "us", "and", "un", "but", "3.5"]);
    }

    #[test]
    fn numbers_stay_whole() {
        let got: Vec<String> = toks("At 8:30 on Dec. 20, 21 rockets, 1,000 troops and 3.5 tons.")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            got,
            [
                "at", "8:30", "on", "dec", "20", "21", "rockets", "1,000", "troops", "and", "3.5",
                "tons"
            ]
        );
    }

    #[test]
    fn words_are_folded_and_stemmed() {
        let got = toks("Pompeo's Claimed ATTACKS");
        assert_eq!(
            got,
            [
                ("pompeo's".into(), "pompeo".into(), TokenKind::Word),
                ("claimed".into(), "claim".into(), TokenKind::Word),
                ("attacks".into(), "attack".into(), TokenKind::Word),
            ]
        );
    }
}
