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
//!
//! Articles stream through: a JSONL file is read record by record, and each batch of articles
//! is scored on every core (`--jobs`) and written, in input order, before the next is read, so
//! memory does not grow with the number of records and the output is the same whatever the
//! number of threads. An input that cannot be read is named on stderr as it comes
//! (`file:line: reason` for a JSONL record) and the others are still scored.

use super::lexicon::LexiconSource;
use super::{InputArgs, Outcome, output::Out};
use rayon::prelude::*;
use serde::Serialize;
use slant::extract::quotes;
use slant::ingest::{Item, Parsed, UniqueIds};
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

/// Inputs read before a batch is scored: enough to keep every core busy, few enough that
/// memory stays flat however many records a JSONL file holds.
const BATCH_ARTICLES: usize = 256;
/// A batch also ends once it holds this many bytes of text (articles may be large).
const BATCH_BYTES: usize = 32 * 1024 * 1024;

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    let lexicon = match args.lexicon.load() {
        Ok(lexicon) => lexicon,
        Err(e) => {
            out.error(&e.to_string());
            return Ok(Outcome::InputErrors);
        }
    };
    let matcher = Matcher::new(&lexicon);
    // Articles stream through in batches: read in order, parsed, scored and rendered on every
    // core, written in order. Nothing of a batch is kept once it is written.
    let mut inputs = slant::ingest::read(&args.input.paths, &args.input.read_options());
    let mut ids = UniqueIds::new();
    let mut w = out.stdout();
    let mut sink = Sink::start(args.format, &mut w)?;
    let mut totals = Totals::default();
    let mut outcome = Outcome::Ok;
    let mut index = 0;
    loop {
        let batch = next_batch(&mut inputs);
        if batch.is_empty() {
            break;
        }
        let parsed: Vec<Parsed> = batch.into_par_iter().map(Item::parse).collect();
        let mut articles = Vec::with_capacity(parsed.len());
        for parsed in parsed {
            if let Some(note) = parsed.note {
                out.note(&format!("{}: {}", note.path.display(), note.message));
            }
            match parsed.article {
                Some(Ok(mut article)) => {
                    ids.assign(&mut article);
                    articles.push((index, article));
                    index += 1;
                }
                Some(Err(e)) => {
                    out.error(&e.to_string());
                    outcome = Outcome::InputErrors;
                }
                None => {}
            }
        }
        let rendered: Vec<Rendered> = articles
            .par_iter()
            .map(|(i, article)| {
                Scored::new(*i, article, &lexicon, &matcher)
                    .render(args.format, args.include_quotes)
            })
            .collect::<io::Result<_>>()?;
        for article in &rendered {
            sink.write(article)?;
            totals.add(article);
        }
    }
    sink.finish()?;
    w.flush()?;

    out.note(&format!(
        "{} flags in {} articles: {} in the outlets' own words, {} inside quotes, {} in headlines",
        totals.flags,
        totals.articles,
        totals.own_words,
        totals.flags - totals.own_words,
        totals.in_headlines,
    ));
    if outcome != Outcome::Ok {
        return Ok(outcome);
    }
    match args.fail_on {
        Some(limit) if totals.counted > limit => {
            out.note(&format!(
                "{} flags count, more than --fail-on {limit}",
                totals.counted
            ));
            Ok(Outcome::FailOn)
        }
        _ => Ok(Outcome::Ok),
    }
}

/// The next inputs to score: up to [`BATCH_ARTICLES`] or [`BATCH_BYTES`], in input order.
fn next_batch(inputs: &mut slant::ingest::Inputs) -> Vec<Item> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < BATCH_ARTICLES && bytes < BATCH_BYTES {
        let Some(item) = inputs.next() else { break };
        bytes += item.text_bytes();
        batch.push(item);
    }
    batch
}

/// One article's flags as they will be written, and their counts.
struct Rendered {
    bytes: Vec<u8>,
    flags: usize,
    own_words: usize,
    counted: usize,
    in_headlines: usize,
}

/// What the closing note and `--fail-on` count.
#[derive(Default)]
struct Totals {
    articles: usize,
    flags: usize,
    own_words: usize,
    counted: usize,
    in_headlines: usize,
}

impl Totals {
    fn add(&mut self, r: &Rendered) {
        self.articles += 1;
        self.flags += r.flags;
        self.own_words += r.own_words;
        self.counted += r.counted;
        self.in_headlines += r.in_headlines;
    }
}

/// Writes the articles' rendered flags in turn: the CSV header first; for JSON the array's
/// brackets and commas, so the stream is one array (as `serde_json` prints it, pretty).
struct Sink<'w, W: Write> {
    w: &'w mut W,
    format: Format,
    /// Whether a JSON record was written yet.
    any: bool,
}

impl<'w, W: Write> Sink<'w, W> {
    fn start(format: Format, w: &'w mut W) -> io::Result<Self> {
        if format == Format::Csv {
            slant::report::score_csv::flags_header(&mut *w).map_err(io::Error::other)?;
        }
        Ok(Self {
            w,
            format,
            any: false,
        })
    }

    fn write(&mut self, article: &Rendered) -> io::Result<()> {
        if article.bytes.is_empty() {
            return Ok(());
        }
        if self.format == Format::Json {
            self.w.write_all(if self.any { b",\n" } else { b"[\n" })?;
            self.any = true;
        }
        self.w.write_all(&article.bytes)
    }

    fn finish(self) -> io::Result<()> {
        if self.format == Format::Json {
            self.w
                .write_all(if self.any { b"\n]\n" } else { b"[]\n" })?;
        }
        Ok(())
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

    fn render(&self, format: Format, include_quotes: bool) -> io::Result<Rendered> {
        let mut bytes = Vec::new();
        match format {
            Format::Text => self.text(&mut bytes)?,
            Format::Csv => {
                slant::report::score_csv::flag_rows(self.article, &self.flags, &mut bytes)
                    .map_err(io::Error::other)?
            }
            Format::Json => self.json(&mut bytes)?,
        }
        let own_words = self
            .flags
            .iter()
            .filter(|f| counts_against_outlet(f))
            .count();
        Ok(Rendered {
            bytes,
            flags: self.flags.len(),
            own_words,
            counted: if include_quotes {
                self.flags.len()
            } else {
                own_words
            },
            in_headlines: self
                .flags
                .iter()
                .filter(|f| is_headline(&self.doc, f))
                .count(),
        })
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

impl Scored<'_> {
    fn text(&self, w: &mut impl Write) -> io::Result<()> {
        for flag in &self.flags {
            let (line, column) = self.lines.position(flag.span.start);
            write!(w, "{}:{line}:{column}: ", self.article.source)?;
            if is_headline(&self.doc, flag) {
                write!(w, "headline: ")?;
            }
            write!(w, "{}: \"{}\"", flag.category, words(self.article, flag))?;
            if !flag.neutral.is_empty() {
                write!(w, " -> \"{}\"", flag.neutral)?;
            }
            if flag.in_quote {
                write!(w, " (in quote)")?;
            }
            writeln!(w, ": {}", flag.explanation)?;
        }
        Ok(())
    }

    /// The article's records as members of the pretty-printed array [`Sink`] writes: each
    /// indented one level, separated by commas.
    fn json(&self, w: &mut Vec<u8>) -> io::Result<()> {
        for (i, flag) in self.flags.iter().enumerate() {
            if i > 0 {
                w.extend_from_slice(b",\n");
            }
            let record = serde_json::to_string_pretty(&self.record(flag))?;
            // A JSON string holds no raw line break: every line of the record is indented.
            for (n, line) in record.lines().enumerate() {
                if n > 0 {
                    w.push(b'\n');
                }
                w.extend_from_slice(b"  ");
                w.extend_from_slice(line.as_bytes());
            }
        }
        Ok(())
    }

    fn record<'s>(&'s self, flag: &'s Flag) -> Record<'s> {
        let (line, column) = self.lines.position(flag.span.start);
        Record {
            path: &self.article.source,
            line,
            column,
            article_id: &self.article.id,
            outlet: &self.article.outlet,
            sentence_index: flag.sentence,
            headline: is_headline(&self.doc, flag),
            start: flag.span.start,
            end: flag.span.end,
            text: &self.article.body[flag.span.range()],
            term: &flag.term,
            category: &flag.category,
            neutral: &flag.neutral,
            weight: flag.weight,
            evidence: flag.evidence.as_str(),
            in_quote: flag.in_quote,
            baseline: &flag.baseline,
            explanation: &flag.explanation,
        }
    }
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
