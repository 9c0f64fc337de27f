//! The CSV framing reports (`articles.csv`, `copies.csv`, `alignment.csv`,
//! `substitutions.csv`, `quotes.csv`, `attributions.csv`, `facts.csv`), with the columns and
//! order of the report contract.
//!
//! Text cells that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or
//! carriage return) get a leading apostrophe; numeric columns stay plain numbers.

use crate::Story;
use crate::align::position;
use std::borrow::Cow;
use std::io::Write;

/// A text cell made safe to open in a spreadsheet.
pub fn text_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A number with at most four decimals and no trailing zeros (`0.5`, `1`, `-2.25`).
pub fn number_cell(x: f32) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn writer<W: Write>(w: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(w)
}

/// `articles.csv`: article_id, outlet, title, date, url, words, sentences, copy_of,
/// copy_similarity, language. `language` is the ISO 639-3 code the article reads as (`eng`,
/// `fra`), empty when that is unclear ([`crate::normalize::language`]).
pub fn articles<W: Write>(story: &Story, w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record([
        "article_id",
        "outlet",
        "title",
        "date",
        "url",
        "words",
        "sentences",
        "copy_of",
        "copy_similarity",
        "language",
    ])?;
    for (i, (article, doc)) in story.articles.iter().zip(&story.docs).enumerate() {
        let copy = story.alignment.copies.iter().find(|c| c.article == i);
        let opt = |v: &Option<String>| text_cell(v.as_deref().unwrap_or_default()).into_owned();
        out.write_record([
            text_cell(&article.id).into_owned(),
            text_cell(&article.outlet).into_owned(),
            opt(&article.title),
            opt(&article.date),
            opt(&article.url),
            doc.word_count().to_string(),
            doc.sentences.len().to_string(),
            copy.map(|c| text_cell(&story.articles[c.original].id).into_owned())
                .unwrap_or_default(),
            copy.map(|c| number_cell(c.similarity)).unwrap_or_default(),
            story.languages[i]
                .map(|l| l.code.to_string())
                .unwrap_or_default(),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// `copies.csv`: article_a, article_b, kind, similarity, shared_words. One row per copy pair:
/// `article_a` copies `article_b` (see [`crate::align::copies`]); rows by `article_a`, then
/// `article_b`, in input order.
pub fn copies<W: Write>(story: &Story, w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record([
        "article_a",
        "article_b",
        "kind",
        "similarity",
        "shared_words",
    ])?;
    for pair in &story.alignment.copy_pairs {
        out.write_record([
            text_cell(&story.articles[pair.article].id).into_owned(),
            text_cell(&story.articles[pair.original].id).into_owned(),
            pair.kind.as_str().to_string(),
            number_cell(pair.similarity),
            pair.shared_words.to_string(),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// `alignment.csv`: unit_id, article_id, outlet, sentence_index, position, similarity, start, end,
/// text. Rows by unit, then article, then sentence. A headline has an empty `position`.
pub fn alignment<W: Write>(story: &Story, w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record([
        "unit_id",
        "article_id",
        "outlet",
        "sentence_index",
        "position",
        "similarity",
        "start",
        "end",
        "text",
    ])?;
    for unit in &story.alignment.units {
        for m in &unit.members {
            let (article, doc) = (&story.articles[m.article], &story.docs[m.article]);
            let span = doc.sentences[m.sentence].span;
            out.write_record([
                unit.id.to_string(),
                text_cell(&article.id).into_owned(),
                text_cell(&article.outlet).into_owned(),
                m.sentence.to_string(),
                position(doc, m.sentence)
                    .map(number_cell)
                    .unwrap_or_default(),
                m.similarity.map(number_cell).unwrap_or_default(),
                span.start.to_string(),
                span.end.to_string(),
                text_cell(&article.body[span.range()]).into_owned(),
            ])?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `substitutions.csv`: unit_id, article_a, article_b, a_text, b_text, category.
pub fn substitutions<W: Write>(story: &Story, w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record([
        "unit_id",
        "article_a",
        "article_b",
        "a_text",
        "b_text",
        "category",
    ])?;
    for s in &story.diffs.substitutions {
        out.write_record([
            s.unit.to_string(),
            text_cell(&story.articles[s.a].id).into_owned(),
            text_cell(&story.articles[s.b].id).into_owned(),
            text_cell(&s.a_text).into_owned(),
            text_cell(&s.b_text).into_owned(),
            text_cell(&s.category).into_owned(),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// `quotes.csv`: quote_id, article_id, outlet, sentence_index, start, end, speaker, cue, text,
/// match, similarity. Rows by quote id, then article, then position.
pub fn quotes<W: Write>(story: &Story, w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record([
        "quote_id",
        "article_id",
        "outlet",
        "sentence_index",
        "start",
        "end",
        "speaker",
        "cue",
        "text",
        "match",
        "similarity",
    ])?;
    let mut order: Vec<usize> = (0..story.quotes.len()).collect();
    order.sort_by_key(|&i| {
        (
            story.quote_matches[i].quote_id,
            story.quotes[i].article,
            story.quotes[i].span.start,
        )
    });
    for i in order {
        let (q, m) = (&story.quotes[i], &story.quote_matches[i]);
        let article = &story.articles[q.article];
        out.write_record([
            m.quote_id.to_string(),
            text_cell(&article.id).into_owned(),
            text_cell(&article.outlet).into_owned(),
            q.sentence.to_string(),
            q.span.start.to_string(),
            q.span.end.to_string(),
            text_cell(q.speaker.as_deref().unwrap_or_default()).into_owned(),
            text_cell(q.cue.as_deref().unwrap_or_default()).into_owned(),
            text_cell(&q.text).into_owned(),
            m.kind.as_str().to_string(),
            number_cell(m.similarity),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// `attributions.csv`: article_id, outlet, sentence_index, start, end, speaker, verb, verb_class.
/// Rows by article, then position.
pub fn attributions<W: Write>(story: &Story, w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record([
        "article_id",
        "outlet",
        "sentence_index",
        "start",
        "end",
        "speaker",
        "verb",
        "verb_class",
    ])?;
    let mut order: Vec<&crate::extract::Attribution> = story.attributions.iter().collect();
    order.sort_by_key(|a| (a.article, a.span.start, a.span.end));
    for a in order {
        let article = &story.articles[a.article];
        out.write_record([
            text_cell(&article.id).into_owned(),
            text_cell(&article.outlet).into_owned(),
            a.sentence.to_string(),
            a.span.start.to_string(),
            a.span.end.to_string(),
            text_cell(&a.speaker).into_owned(),
            text_cell(&a.verb).into_owned(),
            a.class.as_str().to_string(),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// `facts.csv`: fact_id, kind, key, value, article_id, outlet, sentence_index, start, end, text,
/// agreement. Rows by fact id, then article, then position.
pub fn facts<W: Write>(story: &Story, w: W) -> ::csv::Result<()> {
    let mut out = writer(w);
    out.write_record([
        "fact_id",
        "kind",
        "key",
        "value",
        "article_id",
        "outlet",
        "sentence_index",
        "start",
        "end",
        "text",
        "agreement",
    ])?;
    let ids = story.fact_ids();
    let mut order: Vec<usize> = (0..story.facts.len()).collect();
    order.sort_by_key(|&i| (ids[i], story.facts[i].article, story.facts[i].span.start));
    for i in order {
        let f = &story.facts[i];
        let article = &story.articles[f.article];
        out.write_record([
            ids[i].to_string(),
            f.kind.as_str().to_string(),
            text_cell(&f.key).into_owned(),
            text_cell(&f.value).into_owned(),
            text_cell(&article.id).into_owned(),
            text_cell(&article.outlet).into_owned(),
            f.sentence.to_string(),
            f.span.start.to_string(),
            f.span.end.to_string(),
            text_cell(&article.body[f.span.range()]).into_owned(),
            story.fact_agreement[i].as_str().to_string(),
        ])?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralized_and_numbers_stay_plain() {
        for (raw, safe) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("said", "said"),
        ] {
            assert_eq!(text_cell(raw), safe);
        }
        assert_eq!(number_cell(-2.3), "-2.3");
        assert_eq!(number_cell(1.0), "1");
        assert_eq!(number_cell(0.123456), "0.1235");
    }
}
