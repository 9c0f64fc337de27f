//! The scorer's CSV reports: `flags.csv`, `distinctive.csv` and `summary.csv`.
//!
//! Same conventions as [`super::csv`]: UTF-8, a header row, RFC 4180 quoting, CRLF line ends,
//! text cells a spreadsheet would run as a formula get a leading apostrophe, numbers stay plain.

use super::csv::{number_cell, text_cell};
use crate::Story;
use crate::score::Flag;
use crate::score::corpus::Distinctive;
use crate::score::summary::SummaryRow;
use std::io::Write;

fn writer<W: Write>(w: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(w)
}

/// A z-score with three decimals and no trailing zeros (`2.345`, `-1.2`, `3`).
pub fn z_cell(z: f32) -> String {
    let s = format!("{z:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn owned(s: &str) -> String {
    text_cell(s).into_owned()
}

/// `flags.csv`: article_id, outlet, sentence_index, start, end, text, category, neutral,
/// weight, evidence, in_quote, baseline, explanation. Rows by article, then start, then end,
/// then category.
pub fn flags<W: Write>(story: &Story, flags: &[Flag], w: W) -> ::csv::Result<()> {
    flags_of(&story.articles, flags, w)
}

/// The columns of `flags.csv`.
const FLAG_COLUMNS: [&str; 13] = [
    "article_id",
    "outlet",
    "sentence_index",
    "start",
    "end",
    "text",
    "category",
    "neutral",
    "weight",
    "evidence",
    "in_quote",
    "baseline",
    "explanation",
];

/// The order of `flags.csv` rows within an article.
fn row_order(f: &Flag) -> (usize, usize, &str, crate::score::Evidence) {
    (f.span.start, f.span.end, f.category.as_str(), f.evidence)
}

/// One `flags.csv` row.
fn flag_row(article: &crate::Article, f: &Flag) -> [String; 13] {
    let text = article.body.get(f.span.range()).unwrap_or_default();
    [
        owned(&article.id),
        owned(&article.outlet),
        f.sentence.to_string(),
        f.span.start.to_string(),
        f.span.end.to_string(),
        owned(text),
        owned(&f.category),
        owned(&f.neutral),
        number_cell(f.weight),
        f.evidence.as_str().to_string(),
        f.in_quote.to_string(),
        owned(&f.baseline),
        owned(&f.explanation),
    ]
}

/// [`flags`] for articles scored on their own (no story: `slant score`); each flag's `article`
/// indexes `articles`.
pub fn flags_of<W: Write>(articles: &[crate::Article], flags: &[Flag], w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record(FLAG_COLUMNS)?;
    let mut order: Vec<&Flag> = flags.iter().collect();
    order.sort_by(|a, b| (a.article, row_order(a)).cmp(&(b.article, row_order(b))));
    for f in order {
        out.write_record(flag_row(&articles[f.article], f))?;
    }
    out.flush()?;
    Ok(())
}

/// The header line of `flags.csv`, for a writer that streams rows ([`flag_rows`]).
pub fn flags_header<W: Write>(w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record(FLAG_COLUMNS)?;
    out.flush()?;
    Ok(())
}

/// The `flags.csv` rows of one article, no header: [`flags_header`] then each article's rows,
/// in order, make the file [`flags_of`] writes.
pub fn flag_rows<W: Write>(article: &crate::Article, flags: &[Flag], w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    let mut order: Vec<&Flag> = flags.iter().collect();
    order.sort_by(|a, b| row_order(a).cmp(&row_order(b)));
    for f in order {
        out.write_record(flag_row(article, f))?;
    }
    out.flush()?;
    Ok(())
}

/// `distinctive.csv`: article_id, outlet, term, count, z. Rows in the order given
/// ([`distinctive`](crate::score::corpus::distinctive) sorts them by article, then z
/// descending, then term).
pub fn distinctive<W: Write>(story: &Story, rows: &[Distinctive], w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record(["article_id", "outlet", "term", "count", "z"])?;
    for d in rows {
        let article = &story.articles[d.article];
        out.write_record([
            owned(&article.id),
            owned(&article.outlet),
            owned(&d.term),
            d.count.to_string(),
            z_cell(d.z),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// A figure, or an empty cell where there is none (an article in another language has no
/// wording figures: empty, not 0).
fn optional<T>(value: Option<T>, cell: impl Fn(T) -> String) -> String {
    value.map(cell).unwrap_or_default()
}

/// `summary.csv`: article_id, outlet, words, flags, loaded_per_1k, doubt_verbs, neutral_verbs,
/// attribution_asymmetry, quotes, quotes_altered, facts_conflicting, units_unique,
/// units_omitted, copy_of. Rows in the order given (input order from
/// [`summary`](crate::score::summary::summary)). The wording figures of an article in another
/// language are empty cells.
pub fn summary<W: Write>(rows: &[SummaryRow], w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record([
        "article_id",
        "outlet",
        "words",
        "flags",
        "loaded_per_1k",
        "doubt_verbs",
        "neutral_verbs",
        "attribution_asymmetry",
        "quotes",
        "quotes_altered",
        "facts_conflicting",
        "units_unique",
        "units_omitted",
        "copy_of",
    ])?;
    for r in rows {
        out.write_record([
            owned(&r.article_id),
            owned(&r.outlet),
            r.words.to_string(),
            optional(r.flags, |n| n.to_string()),
            optional(r.loaded_per_1k, number_cell),
            optional(r.doubt_verbs, |n| n.to_string()),
            optional(r.neutral_verbs, |n| n.to_string()),
            optional(r.attribution_asymmetry, number_cell),
            r.quotes.to_string(),
            r.quotes_altered.to_string(),
            r.facts_conflicting.to_string(),
            r.units_unique.to_string(),
            r.units_omitted.to_string(),
            owned(r.copy_of.as_deref().unwrap_or_default()),
        ])?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn z_scores_have_three_decimals_and_stay_numbers() {
        assert_eq!(z_cell(-2.3), "-2.3");
        assert_eq!(z_cell(2.34567), "2.346");
        assert_eq!(z_cell(3.0), "3");
        assert_eq!(z_cell(-0.0001), "0");
    }

    #[test]
    fn summary_rows_write_plain_numbers_and_safe_text() {
        let row = SummaryRow {
            article: 0,
            article_id: "=evil".into(),
            outlet: "Wire".into(),
            words: 300,
            own_words: 250,
            flags: Some(2),
            loaded_per_1k: Some(4.8),
            doubt_verbs: Some(1),
            neutral_verbs: Some(3),
            attribution_asymmetry: Some(1.0 / 3.0),
            quotes: 4,
            quotes_altered: 1,
            facts_conflicting: 0,
            units_unique: 2,
            units_omitted: 1,
            copy_of: None,
        };
        let unscored = SummaryRow {
            article: 1,
            article_id: "fr".into(),
            flags: None,
            loaded_per_1k: None,
            doubt_verbs: None,
            neutral_verbs: None,
            attribution_asymmetry: None,
            copy_of: Some("=evil".into()),
            ..row.clone()
        };
        let mut buf = Vec::new();
        summary(&[row, unscored], &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert!(lines[0].starts_with("article_id,outlet,words,flags,loaded_per_1k"));
        assert_eq!(lines[1], "'=evil,Wire,300,2,4.8,1,3,0.3333,4,1,0,2,1,");
        // Another language: the wording figures are empty, not 0.
        assert_eq!(lines[2], "fr,Wire,300,,,,,,4,1,0,2,1,'=evil");
    }
}
