//! `slant normalize`: what the cleaner and sentence splitter made of each article.

use super::{InputArgs, Outcome, output::Out};
use serde::Serialize;
use slant::normalize::{Removed, Sentence, Token};
use slant::{Article, Doc};
use std::io::{self, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Include the word tokens (json only).
    #[arg(long)]
    tokens: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    let (loaded, outcome) = super::load(&args.input, out);
    let docs: Vec<Doc> = loaded.articles.iter().map(slant::normalize).collect();
    let mut w = out.stdout();
    match args.format {
        Format::Text => {
            for (article, doc) in loaded.articles.iter().zip(&docs) {
                write_text(&mut w, article, doc)?;
            }
        }
        Format::Json => {
            let records: Vec<Record<'_>> = loaded
                .articles
                .iter()
                .zip(&docs)
                .map(|(a, d)| Record::new(a, d, args.tokens))
                .collect();
            serde_json::to_writer_pretty(&mut w, &records)?;
            writeln!(w)?;
        }
    }
    w.flush()?;
    Ok(outcome)
}

fn write_text(w: &mut impl Write, article: &Article, doc: &Doc) -> io::Result<()> {
    writeln!(w, "== {} ({})", article.id, article.source)?;
    writeln!(w, "outlet: {}", article.outlet)?;
    for (key, value) in [
        ("title", &article.title),
        ("date", &article.date),
        ("url", &article.url),
    ] {
        if let Some(value) = value {
            writeln!(w, "{key}: {value}")?;
        }
    }
    match doc.language() {
        Some(l) => writeln!(w, "language: {} ({}, {:.2})", l.name, l.code, l.confidence)?,
        None => writeln!(w, "language: unclear")?,
    }
    writeln!(
        w,
        "sentences: {}  words: {}  removed: {}",
        doc.sentences.len(),
        doc.word_count(),
        doc.removed.len()
    )?;
    for s in &doc.sentences {
        let text = one_line(&article.body[s.span.range()]);
        let kind = match s.kind {
            slant::normalize::SentenceKind::Text => String::new(),
            other => format!(" ({})", other.as_str()),
        };
        writeln!(
            w,
            "{:>4} {}..{}{kind}  {text}",
            s.index, s.span.start, s.span.end
        )?;
    }
    if let Some(d) = doc.dateline {
        writeln!(
            w,
            "   dateline {}..{}: {}",
            d.start,
            d.end,
            article.body[d.range()].trim_end()
        )?;
    }
    for r in &doc.removed {
        writeln!(
            w,
            "   - {}..{} removed {}: {}",
            r.span.start,
            r.span.end,
            r.kind,
            one_line(&article.body[r.span.range()])
        )?;
    }
    writeln!(w)
}

/// Line breaks and tabs shown as spaces, so one sentence is one line of output.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Serialize)]
struct Record<'a> {
    article: ArticleMeta<'a>,
    sentences: Vec<SentenceOut<'a>>,
    removed: Vec<RemovedOut<'a>>,
    /// The language the running text reads as; absent when unclear.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<slant::normalize::language::Language>,
    /// The opening dateline, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<DatelineOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<&'a [Token]>,
}

#[derive(Serialize)]
struct ArticleMeta<'a> {
    id: &'a str,
    outlet: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    source: &'a str,
    bytes: usize,
    words: usize,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    #[serde(flatten)]
    sentence: &'a Sentence,
    text: &'a str,
}

#[derive(Serialize)]
struct RemovedOut<'a> {
    #[serde(flatten)]
    removed: &'a Removed,
    text: &'a str,
}

#[derive(Serialize)]
struct DatelineOut<'a> {
    span: slant::Span,
    text: &'a str,
}

impl<'a> Record<'a> {
    fn new(article: &'a Article, doc: &'a Doc, with_tokens: bool) -> Self {
        Self {
            article: ArticleMeta {
                id: &article.id,
                outlet: &article.outlet,
                title: article.title.as_deref(),
                date: article.date.as_deref(),
                url: article.url.as_deref(),
                source: &article.source,
                bytes: article.body.len(),
                words: doc.word_count(),
            },
            sentences: doc
                .sentences
                .iter()
                .map(|s| SentenceOut {
                    sentence: s,
                    text: &article.body[s.span.range()],
                })
                .collect(),
            removed: doc
                .removed
                .iter()
                .map(|r| RemovedOut {
                    removed: r,
                    text: &article.body[r.span.range()],
                })
                .collect(),
            language: doc.language(),
            dateline: doc.dateline.map(|span| DatelineOut {
                span,
                text: &article.body[span.range()],
            }),
            tokens: with_tokens.then_some(doc.tokens.as_slice()),
        }
    }
}
