//! Argument parsing and the subcommands. Each subcommand lives in a module of its own.

mod align;
mod compare;
mod eval;
mod facts;
mod lexicon;
mod normalize;
mod output;
mod quotes;
mod score;

use clap::{Parser, Subcommand};
use slant::ingest::ReadOptions;
use std::path::PathBuf;
use std::process::ExitCode;

/// Compare how several news outlets tell the same story.
#[derive(Debug, Parser)]
#[command(name = "slant", version, about, long_about = None)]
struct Cli {
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the alignment for reading: each unit's sentences as word diffs, then omissions.
    Align(align::Args),
    /// Align a story's versions and write the CSV reports.
    Compare(compare::Args),
    /// List the figures, dates and names each article gives, conflicting ones first.
    Facts(facts::Args),
    /// List, check (`check FILE`) and explain (`explain TERM`) lexicon entries.
    Lexicon(lexicon::Args),
    /// Measure extraction against labelled public data (e.g. `slant eval quotes DIR`).
    Eval(eval::Args),
    /// Print each article's metadata and cleaned sentences with their byte spans in the body.
    Normalize(normalize::Args),
    /// List direct quotes across the story: who said what, where, and who cut or changed it.
    Quotes(quotes::Args),
    /// Flag loaded wording in each article, linter style: `path:line:col: category: ...`.
    Score(score::Args),
}

/// Options shared by every command that reads articles.
#[derive(Debug, Clone, clap::Args)]
struct InputArgs {
    /// Article files (.txt, .html, .json, .jsonl) or story directories.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = 10_000_000, value_name = "BYTES")]
    max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    #[arg(long)]
    lossy: bool,
}

impl InputArgs {
    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: self.max_bytes,
            lossy: self.lossy,
        }
    }
}

/// What a command reports back to `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    /// Some input could not be read (already reported on stderr).
    InputErrors,
    /// More flags than `--fail-on` allows.
    FailOn,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let out = output::Out::new(cli.quiet);
    let result = match &cli.command {
        Command::Align(args) => align::run(args, &out),
        Command::Compare(args) => compare::run(args, &out),
        Command::Eval(args) => eval::run(args, &out),
        Command::Facts(args) => facts::run(args, &out),
        Command::Lexicon(args) => lexicon::run(args, &out),
        Command::Normalize(args) => normalize::run(args, &out),
        Command::Quotes(args) => quotes::run(args, &out),
        Command::Score(args) => score::run(args, &out),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::InputErrors) => ExitCode::from(2),
        Ok(Outcome::FailOn) => ExitCode::from(1),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            out.error(&format!("cannot write output: {e}"));
            ExitCode::from(2)
        }
    }
}

/// Notes on articles whose comparison needs a caveat: one that reads as another language than
/// English (the word lists, lexicon and quote rules are English, so it aligns on little but
/// names and numbers), and one that stops mid-sentence (a scraped page cut short: what it lacks
/// may have been lost, not left out).
fn note_doubtful_articles(story: &slant::Story, out: &output::Out) {
    for (article, doc) in story.articles.iter().zip(&story.docs) {
        if let Some(language) = doc.language().filter(|l| !l.is_english()) {
            out.note(&format!(
                "{}: reads as {} ({}), not English; slant's word lists are English, so it \
                 aligns on little more than names and numbers",
                article.source, language.name, language.code
            ));
        }
        if let Some(last) = doc.cut_off_at() {
            let words: Vec<&str> = article.body[last.span.range()].split_whitespace().collect();
            let tail = words[words.len().saturating_sub(6)..].join(" ");
            out.note(&format!(
                "{}: ends mid-sentence (\"… {tail}\"); it may be cut off, so what it lacks may \
                 be lost rather than left out",
                article.source
            ));
        }
    }
}

/// Reads the inputs, reporting unreadable files and skipped ones on stderr.
fn load(args: &InputArgs, out: &output::Out) -> (slant::Loaded, Outcome) {
    let loaded = slant::ingest::load(&args.paths, &args.read_options());
    for note in &loaded.notes {
        out.note(&format!("{}: {}", note.path.display(), note.message));
    }
    for error in &loaded.errors {
        out.error(&error.to_string());
    }
    let outcome = if loaded.errors.is_empty() {
        Outcome::Ok
    } else {
        Outcome::InputErrors
    };
    (loaded, outcome)
}
