//! Unicode folding: NFKC, then one explicit table for the characters that differ between
//! outlets but not in meaning (curly quotes, guillemets, dashes, ellipses, odd spaces, invisible
//! characters). Every change is recorded in an [`OffsetMap`] so spans can point into the body.

use super::offsets::{Edit, OffsetMap};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
use unicode_segmentation::UnicodeSegmentation;

/// Normalized text and the map back to the text it came from.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    pub map: OffsetMap,
}

/// What one character folds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    To(&'static str),
    /// A long dash: `" - "`, adding a space only where the neighbour is not already white space.
    SpacedDash,
}

/// The folding table, sorted by character (a test keeps it sorted and unique).
const FOLDS: &[(char, Fold)] = &[
    ('\t', Fold::To(" ")),
    ('\r', Fold::To("")),
    ('\u{0085}', Fold::To("\n")), // next line
    ('\u{00A0}', Fold::To(" ")),  // no-break space
    ('\u{00AB}', Fold::To("\"")), // «
    ('\u{00AD}', Fold::To("")),   // soft hyphen
    ('\u{00B4}', Fold::To("'")),  // acute accent used as an apostrophe
    ('\u{00BB}', Fold::To("\"")), // »
    ('\u{1680}', Fold::To(" ")),  // ogham space
    ('\u{2000}', Fold::To(" ")),  // en quad .. hair space
    ('\u{2001}', Fold::To(" ")),
    ('\u{2002}', Fold::To(" ")),
    ('\u{2003}', Fold::To(" ")),
    ('\u{2004}', Fold::To(" ")),
    ('\u{2005}', Fold::To(" ")),
    ('\u{2006}', Fold::To(" ")),
    ('\u{2007}', Fold::To(" ")),
    ('\u{2008}', Fold::To(" ")),
    ('\u{2009}', Fold::To(" ")),
    ('\u{200A}', Fold::To(" ")),
    ('\u{200B}', Fold::To("")),     // zero-width space
    ('\u{200C}', Fold::To("")),     // zero-width non-joiner
    ('\u{200D}', Fold::To("")),     // zero-width joiner
    ('\u{200E}', Fold::To("")),     // left-to-right mark
    ('\u{200F}', Fold::To("")),     // right-to-left mark
    ('\u{2010}', Fold::To("-")),    // hyphen
    ('\u{2011}', Fold::To("-")),    // non-breaking hyphen
    ('\u{2012}', Fold::To("-")),    // figure dash
    ('\u{2013}', Fold::To("-")),    // en dash
    ('\u{2014}', Fold::SpacedDash), // em dash
    ('\u{2015}', Fold::SpacedDash), // horizontal bar
    ('\u{2018}', Fold::To("'")),    // ‘
    ('\u{2019}', Fold::To("'")),    // ’
    ('\u{201A}', Fold::To("'")),    // ‚
    ('\u{201B}', Fold::To("'")),    // ‛
    ('\u{201C}', Fold::To("\"")),   // “
    ('\u{201D}', Fold::To("\"")),   // ”
    ('\u{201E}', Fold::To("\"")),   // „
    ('\u{201F}', Fold::To("\"")),   // ‟
    ('\u{2026}', Fold::To("...")),  // …
    ('\u{2028}', Fold::To("\n")),   // line separator
    ('\u{2029}', Fold::To("\n")),   // paragraph separator
    ('\u{202A}', Fold::To("")),     // bidirectional embedding controls
    ('\u{202B}', Fold::To("")),
    ('\u{202C}', Fold::To("")),
    ('\u{202D}', Fold::To("")),
    ('\u{202E}', Fold::To("")),
    ('\u{202F}', Fold::To(" ")),  // narrow no-break space
    ('\u{2032}', Fold::To("'")),  // prime
    ('\u{2033}', Fold::To("\"")), // double prime
    ('\u{2039}', Fold::To("'")),  // ‹
    ('\u{203A}', Fold::To("'")),  // ›
    ('\u{205F}', Fold::To(" ")),  // medium mathematical space
    ('\u{2060}', Fold::To("")),   // word joiner
    ('\u{2066}', Fold::To("")),   // bidirectional isolates
    ('\u{2067}', Fold::To("")),
    ('\u{2068}', Fold::To("")),
    ('\u{2069}', Fold::To("")),
    ('\u{2212}', Fold::To("-")),    // minus sign
    ('\u{2E3A}', Fold::SpacedDash), // two-em dash
    ('\u{3000}', Fold::To(" ")),    // ideographic space
    ('\u{FEFF}', Fold::To("")),     // byte-order mark / zero-width no-break space
];

fn lookup(c: char) -> Option<Fold> {
    FOLDS
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| FOLDS[i].1)
}

/// Whether byte `b` may start something the table or NFKC changes.
fn is_plain(b: u8) -> bool {
    b < 0x80 && b != b'\r' && b != b'\t'
}

/// Folds `body`. The result is idempotent: folding the folded text changes nothing.
pub fn fold(body: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(body.len()),
        map: OffsetMap::default(),
    };
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        fold_line(line, offset, &mut out);
        offset += line.len();
    }
    out
}

fn fold_line(line: &str, offset: usize, out: &mut Folded) {
    if line.bytes().all(is_plain) {
        out.text.push_str(line);
        return;
    }
    let (text_len, edits_len) = (out.text.len(), out.map.len());
    if is_nfkc_quick(line.chars()) == IsNormalized::Yes {
        fold_chars(line, offset, out);
    } else {
        fold_graphemes(line, offset, out);
    }
    // Per-grapheme NFKC can leave text that composes further once a neighbour changed; such
    // lines (rare) are folded again to a fixed point, piece by piece: the line is cut between
    // any two plain ASCII characters (which compose with nothing before them), and each piece
    // that changes is one edit, so offsets stay exact outside the pieces that changed and a
    // long line does not become one coarse edit.
    if is_nfkc_quick(out.text[text_len..].chars()) != IsNormalized::Yes {
        out.text.truncate(text_len);
        out.map.truncate(edits_len);
        for (start, piece) in pieces_between_plain_pairs(line) {
            if piece.bytes().all(is_plain) {
                out.text.push_str(piece);
                continue;
            }
            let mut folded = piece.to_string();
            for _ in 0..4 {
                let next: String = table_fold(&folded.nfkc().collect::<String>());
                if next == folded {
                    break;
                }
                folded = next;
            }
            let norm_start = out.text.len();
            out.text.push_str(&folded);
            if folded != piece {
                out.map.push(Edit {
                    norm_start,
                    norm_end: out.text.len(),
                    body_start: offset + start,
                    body_end: offset + start + piece.len(),
                });
            }
        }
    }
}

/// `line` cut between every two neighbouring plain ASCII bytes, as (offset, piece).
fn pieces_between_plain_pairs(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 1;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        while i < bytes.len() && !(is_plain(bytes[i - 1]) && is_plain(bytes[i])) {
            i += 1;
        }
        let end = i.min(bytes.len());
        let piece = (start, &line[start..end]);
        start = end;
        i = end + 1;
        Some(piece)
    })
}

/// The table applied to every character of `s` (no offsets kept).
fn table_fold(s: &str) -> String {
    let mut out = Folded::default();
    fold_chars(s, 0, &mut out);
    out.text
}

/// Already NFKC: only the table applies, character by character.
fn fold_chars(line: &str, offset: usize, out: &mut Folded) {
    let mut copied = 0;
    for (i, c) in line.char_indices() {
        if c.is_ascii() && is_plain(c as u8) {
            continue;
        }
        let Some(fold) = lookup(c) else { continue };
        out.text.push_str(&line[copied..i]);
        let next = line[i + c.len_utf8()..].chars().next();
        replace(out, offset + i, c.len_utf8(), fold, next);
        copied = i + c.len_utf8();
    }
    out.text.push_str(&line[copied..]);
}

/// Not NFKC: each grapheme cluster that holds a non-ASCII character is normalized on its own,
/// then folded by the table.
fn fold_graphemes(line: &str, offset: usize, out: &mut Folded) {
    for (i, g) in line.grapheme_indices(true) {
        if g.bytes().all(is_plain) {
            out.text.push_str(g);
            continue;
        }
        let nfkc: String = g.nfkc().collect();
        let folded = table_fold(&nfkc);
        if folded == g {
            out.text.push_str(g);
            continue;
        }
        let norm_start = out.text.len();
        out.text.push_str(&folded);
        out.map.push(Edit {
            norm_start,
            norm_end: out.text.len(),
            body_start: offset + i,
            body_end: offset + i + g.len(),
        });
    }
}

fn replace(out: &mut Folded, body_start: usize, len: usize, fold: Fold, next: Option<char>) {
    let norm_start = out.text.len();
    match fold {
        Fold::To(s) => out.text.push_str(s),
        Fold::SpacedDash => {
            if !out.text.ends_with(char::is_whitespace) && !out.text.is_empty() {
                out.text.push(' ');
            }
            out.text.push('-');
            if next.is_some_and(|c| !c.is_whitespace() && lookup(c) != Some(Fold::To(" "))) {
                out.text.push(' ');
            }
        }
    }
    out.map.push(Edit {
        norm_start,
        norm_end: out.text.len(),
        body_start,
        body_end: body_start + len,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_cut_only_between_two_plain_characters() {
        let line = "ab\u{301}c d\u{fb01}e\tf";
        let pieces: Vec<(usize, &str)> = pieces_between_plain_pairs(line).collect();
        let joined: String = pieces.iter().map(|(_, p)| *p).collect();
        assert_eq!(joined, line);
        for (at, piece) in &pieces {
            assert_eq!(&line[*at..*at + piece.len()], *piece);
            if *at > 0 {
                let b = line.as_bytes();
                assert!(is_plain(b[at - 1]) && is_plain(b[*at]), "cut at {at}");
            }
        }
        assert!(pieces.len() > 2);
    }
    use crate::Span;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(FOLDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn quotes_dashes_spaces_and_invisibles_fold() {
        let body = "“Iran’s” «reply» — a\u{00A0}b\u{200B}c…\r\nx—y";
        let f = fold(body);
        assert_eq!(f.text, "\"Iran's\" \"reply\" - a bc...\nx - y");
    }

    #[test]
    fn spans_point_back_into_the_body() {
        let body = "He said “IRAN” twice.";
        let f = fold(body);
        let start = f.text.find("IRAN").unwrap();
        let span = f.map.span_to_body(Span::new(start - 1, start + 5));
        assert_eq!(&body[span.range()], "“IRAN”");
    }

    #[test]
    fn compatibility_characters_are_normalized() {
        let f = fold("ﬁve ＡＢＣ e\u{301}");
        assert_eq!(f.text, "five ABC é");
        let span = f.map.span_to_body(Span::new(0, 4));
        assert_eq!(&"ﬁve ＡＢＣ e\u{301}"[span.range()], "ﬁve");
    }

    #[test]
    fn folding_is_idempotent_on_awkward_input() {
        for s in [
            "ﾞか\u{200B}\u{3099}",
            "e\u{200B}\u{301}",
            "a—\u{00A0}b",
            "—",
            "x\u{2014}\u{2014}y",
        ] {
            let once = fold(s).text;
            assert_eq!(fold(&once).text, once, "input {s:?}");
        }
    }
}
