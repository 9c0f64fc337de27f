//! `slant eval`: measuring extraction on labelled data in a public format.

use super::lexicon::LexiconSource;
use super::{Outcome, output::Out};
use slant::eval::{polnear, words};
use slant::score::lexicon::Lexicon;
use std::io::{self, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Direct quotes, speakers and cue verbs against PolNeAR-format annotations (DIR holds
    /// text/*.txt and attributions/*.ann; the first annotator file of each text is used).
    Quotes {
        /// The data directory.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Also list every disagreement (missed, extra, wrong speaker), document by document.
        #[arg(long)]
        misses: bool,
    },
    /// Loaded-word flags against sentences with labelled loaded words (BABE's CSV works with
    /// the defaults): word-level precision, recall and F1, and sentence-level macro-F1.
    Words {
        /// The CSV file: one sentence a row.
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        /// The column holding the sentence.
        #[arg(long, default_value = "text")]
        text_col: String,
        /// The column listing the loaded words (a Python-style list or `,`/`;`/`|`-separated).
        #[arg(long, default_value = "biased_words")]
        words_col: String,
        /// The column labelling the sentence (`Biased` / `Non-biased`; other values dropped).
        #[arg(long, default_value = "label_bias")]
        label_col: String,
        /// The field separator (one character); guessed from the header line when not given.
        #[arg(long)]
        delimiter: Option<char>,
        /// Count only flags of at least this weight (0..1).
        #[arg(long, default_value_t = 0.0)]
        min_weight: f32,
        #[command(flatten)]
        lexicon: LexiconSource,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Table,
    Json,
}

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    match &args.what {
        What::Quotes {
            dir,
            format,
            misses,
        } => quotes(dir, *format, *misses, out),
        What::Words {
            file,
            text_col,
            words_col,
            label_col,
            delimiter,
            min_weight,
            lexicon,
            format,
        } => {
            let columns = words::Columns {
                text: text_col.clone(),
                words: words_col.clone(),
                label: label_col.clone(),
                delimiter: delimiter.map(|d| d as u8),
            };
            let lexicon = match lexicon.load() {
                Ok(lexicon) => lexicon,
                Err(e) => {
                    out.error(&e.to_string());
                    return Ok(Outcome::InputErrors);
                }
            };
            loaded_words(file, &columns, &lexicon, *min_weight, *format, out)
        }
    }
}

fn quotes(dir: &std::path::Path, format: Format, misses: bool, out: &Out) -> io::Result<Outcome> {
    let (docs, skipped) = match polnear::read_dir(dir) {
        Ok(found) => found,
        Err(e) => {
            out.error(&e.to_string());
            return Ok(Outcome::InputErrors);
        }
    };
    for note in &skipped {
        out.note(note);
    }
    let mut report = polnear::evaluate(&docs, &Lexicon::default_english());
    report.skipped = skipped;
    if !misses {
        report.misses.clear();
    }
    let mut w = out.stdout();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &report)?;
            writeln!(w)?;
        }
        Format::Table => {
            writeln!(
                w,
                "{} documents, {} gold direct quotes, {} predicted ({} not partial)",
                report.documents,
                report.gold_quotes,
                report.predicted_quotes,
                report.predicted_direct
            )?;
            writeln!(
                w,
                "{:<22} {:>7} {:>9} {:>7} {:>7}",
                "measure", "matched", "precision", "recall", "F1"
            )?;
            for (name, prf) in [
                ("direct quotes, exact", report.exact),
                ("direct quotes, overlap", report.overlap),
                ("all quotes, exact", report.exact_all),
                ("all quotes, overlap", report.overlap_all),
            ] {
                writeln!(
                    w,
                    "{name:<22} {:>7} {:>9.3} {:>7.3} {:>7.3}",
                    prf.matched, prf.precision, prf.recall, prf.f1
                )?;
            }
            for (name, acc) in [
                ("speaker accuracy", report.speaker),
                ("cue agreement", report.cue),
                ("cue, continuations", report.cue_continued),
            ] {
                writeln!(
                    w,
                    "{name:<22} {:>7} of {:<5} {:.3}",
                    acc.right, acc.total, acc.accuracy
                )?;
            }
            for m in &report.misses {
                writeln!(w, "{}\t{}\t{}\t{}", m.document, m.kind, m.text, m.detail)?;
            }
        }
    }
    w.flush()?;
    Ok(Outcome::Ok)
}

fn loaded_words(
    file: &std::path::Path,
    columns: &words::Columns,
    lexicon: &Lexicon,
    min_weight: f32,
    format: Format,
    out: &Out,
) -> io::Result<Outcome> {
    let name = file.display().to_string();
    let sentences = match std::fs::read_to_string(file)
        .map_err(|e| format!("{name}: {e}"))
        .and_then(|text| words::read(&name, &text, columns).map_err(|e| e.to_string()))
    {
        Ok(sentences) => sentences,
        Err(message) => {
            out.error(&message);
            return Ok(Outcome::InputErrors);
        }
    };
    let report = words::evaluate_above(&sentences, lexicon, min_weight);
    let mut w = out.stdout();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &report)?;
            writeln!(w)?;
        }
        Format::Table => words::write_table(&report, &mut w)?,
    }
    w.flush()?;
    Ok(Outcome::Ok)
}
