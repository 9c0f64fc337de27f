//! `slant eval`: measuring extraction on labelled data in a public format.

use super::{Outcome, output::Out};
use slant::eval::polnear;
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
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Table,
    Json,
}

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    match &args.what {
        What::Quotes { dir, format } => quotes(dir, *format, out),
    }
}

fn quotes(dir: &std::path::Path, format: Format, out: &Out) -> io::Result<Outcome> {
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
        }
    }
    w.flush()?;
    Ok(Outcome::Ok)
}
