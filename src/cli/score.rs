//! `slant score FILE|DIR`: loaded wording in each article, as a linter reports problems.
//!
//! Text output, one flag a line, in article order then text order:
//!
//! ```text
//! story/wire.txt:14:37: attribution-doubt: "claimed" -> "said": 'Claimed' hints the writer doubts ...
//! story/wire.txt:7:1: headline: actor-label: "regime" -> "government": ...
//! story/wire.txt:21:12: evaluative: "blatantly" (in quote): ...
//! ```
//!
//! - `line:col` (1-based; the column counts characters, not bytes) is where the flagged words
//!   start in the file as read: for a `.txt` file the header block's lines count. For `.html`,
//!   `.json` and `.jsonl` articles the path is the article's source (`file.jsonl:LINE` for
//!   JSONL) and `line:col` are in the article's text as slant reads it (what `slant normalize`
//!   prints), since the words may sit in markup or a JSON string.
//! - Flags in the headline say `headline:` before the category: the headline is what most
//!   readers see.
//! - Flags inside a direct quote are listed with `(in quote)`: the words are the speaker's,
//!   not the outlet's. They are never counted by `--fail-on` unless `--include-quotes`: a
//!   linter fails on what the writer can change, and a quotation cannot be reworded.
//! - `--fail-on N` exits with 1 when more than N flags count (input errors, exit 2, come first).
//!
//! `--format csv` writes the `flags.csv` columns of the report contract; `--format json` an
//! array of flags with their path, line, column and whether they are in the headline.

use super::lexicon::LexiconSource;
use super::{InputArgs, Outcome, output::Out};
use serde::Serialize;
use slant::extract::quotes;
use slant::score::Flag;
use slant::score::flags::{counts_against_outlet, flag_article_with, is_headline};
use slant::score::lexicon::Lexicon;
use slant::score::matcher::Matcher;
use slant::{Article, normalize};
use std::io::{self, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit with 1 when more than N flags count (the outlets' own words; see --include-quotes).
    #[arg(long, value_name = "N")]
    fail_on: Option<usize>,
    #[command(flatten)]
    lexicon: LexiconSource,
    /// Count flags inside direct quotes for --fail-on too (they are always listed).
    #[arg(long)]
    include_quotes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Json,
}

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    let lexicon = match args.lexicon.load() {
        Ok(lexicon) => lexicon,
        Err(e) => {
            out.error(&e.to_string());
            return Ok(Outcome::InputErrors);
        }
    };
    let (loaded, outcome) = super::load(&args.input, out);
    let matcher = Matcher::new(&lexicon);
    let scored: Vec<Scored> = loaded
        .articles
        .iter()
        .enumerate()
        .map(|(i, article)| Scored::new(i, article, &lexicon, &matcher))
        .collect();

    let mut w = out.stdout();
    match args.format {
        Format::Text => text(&scored, &mut w)?,
        Format::Csv => {
            let flags: Vec<Flag> = scored
                .iter()
                .flat_map(|s| s.flags.iter().cloned())
                .collect();
            slant::report::score_csv::flags_of(&loaded.articles, &flags, &mut w)
                .map_err(io::Error::other)?
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &records(&scored))?;
            writeln!(w)?;
        }
    }
    w.flush()?;

    let all: Vec<&Flag> = scored.iter().flat_map(|s| &s.flags).collect();
    let counted = all
        .iter()
        .filter(|f| args.include_quotes || counts_against_outlet(f))
        .count();
    let in_headlines = scored
        .iter()
        .map(|s| s.flags.iter().filter(|f| is_headline(&s.doc, f)).count())
        .sum::<usize>();
    out.note(&format!(
        "{} flags in {} articles: {} in the outlets' own words, {} inside quotes, {} in headlines",
        all.len(),
        scored.len(),
        all.iter().filter(|f| counts_against_outlet(f)).count(),
        all.iter().filter(|f| !counts_against_outlet(f)).count(),
        in_headlines,
    ));
    if outcome != Outcome::Ok {
        return Ok(outcome);
    }
    match args.fail_on {
        Some(limit) if counted > limit => {
            out.note(&format!(
                "{counted} flags count, more than --fail-on {limit}"
            ));
            Ok(Outcome::FailOn)
        }
        _ => Ok(Outcome::Ok),
    }
}

/// One article with its flags and the way to its file's lines.
struct Scored<'a> {
    article: &'a Article,
    doc: slant::Doc,
    flags: Vec<Flag>,
    lines: Lines,
}

impl<'a> Scored<'a> {
    fn new(index: usize, article: &'a Article, lexicon: &Lexicon, matcher: &Matcher) -> Self {
        let doc = normalize(article);
        let (quotes, _) = quotes::extract(index, article, &doc, lexicon);
        let flags = flag_article_with(matcher, index, article, &doc, &quotes, lexicon);
        Self {
            article,
            doc,
            flags,
            lines: Lines::of(article),
        }
    }
}

/// Line starts of the text that positions are given in, and where the body starts in it.
struct Lines {
    text: String,
    body_offset: usize,
    starts: Vec<usize>,
}

impl Lines {
    /// For a `.txt` article, the file as read (the body is its tail, after the header block);
    /// otherwise the body.
    fn of(article: &Article) -> Self {
        let file = std::path::Path::new(&article.source);
        let is_text = file
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "text" | "md"));
        let whole = is_text
            .then(|| std::fs::read(file).ok())
            .flatten()
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .filter(|text| text.ends_with(&article.body));
        let (text, body_offset) = match whole {
            Some(text) => {
                let offset = text.len() - article.body.len();
                (text, offset)
            }
            None => (article.body.clone(), 0),
        };
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            text,
            body_offset,
            starts,
        }
    }

    /// 1-based line and column (in characters) of body offset `at`.
    fn position(&self, at: usize) -> (usize, usize) {
        let at = (self.body_offset + at).min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= at) - 1;
        let column = self.text[self.starts[line]..at].chars().count() + 1;
        (line + 1, column)
    }
}

/// The flagged words on one line.
fn words(article: &Article, flag: &Flag) -> String {
    article.body[flag.span.range()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn text(scored: &[Scored<'_>], w: &mut impl Write) -> io::Result<()> {
    for s in scored {
        for flag in &s.flags {
            let (line, column) = s.lines.position(flag.span.start);
            write!(w, "{}:{line}:{column}: ", s.article.source)?;
            if is_headline(&s.doc, flag) {
                write!(w, "headline: ")?;
            }
            write!(w, "{}: \"{}\"", flag.category, words(s.article, flag))?;
            if !flag.neutral.is_empty() {
                write!(w, " -> \"{}\"", flag.neutral)?;
            }
            if flag.in_quote {
                write!(w, " (in quote)")?;
            }
            writeln!(w, ": {}", flag.explanation)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Record<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    article_id: &'a str,
    outlet: &'a str,
    sentence_index: usize,
    headline: bool,
    start: usize,
    end: usize,
    text: &'a str,
    term: &'a str,
    category: &'a str,
    neutral: &'a str,
    weight: f32,
    evidence: &'static str,
    in_quote: bool,
    baseline: &'a str,
    explanation: &'a str,
}

fn records<'a>(scored: &'a [Scored<'a>]) -> Vec<Record<'a>> {
    scored
        .iter()
        .flat_map(|s| {
            s.flags.iter().map(move |flag| {
                let (line, column) = s.lines.position(flag.span.start);
                Record {
                    path: &s.article.source,
                    line,
                    column,
                    article_id: &s.article.id,
                    outlet: &s.article.outlet,
                    sentence_index: flag.sentence,
                    headline: is_headline(&s.doc, flag),
                    start: flag.span.start,
                    end: flag.span.end,
                    text: &s.article.body[flag.span.range()],
                    term: &flag.term,
                    category: &flag.category,
                    neutral: &flag.neutral,
                    weight: flag.weight,
                    evidence: flag.evidence.as_str(),
                    in_quote: flag.in_quote,
                    baseline: &flag.baseline,
                    explanation: &flag.explanation,
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let article = Article::from_text("t", "Héadline\n\nSecond line here.");
        let lines = Lines::of(&article);
        assert_eq!(lines.position(0), (1, 1));
        let at = article.body.find("line here").unwrap();
        assert_eq!(lines.position(at), (3, 8));
        let at = article.body.find("adline").unwrap();
        assert_eq!(lines.position(at), (1, 3), "columns count characters");
    }
}
