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
    /// Threads to spread articles over (default: every core). The output is the same
    /// whatever the number.
    #[arg(long, short, global = true, value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
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
    if let Err(e) = start_threads(cli.jobs) {
        out.error(&format!("cannot start worker threads: {e}"));
        return ExitCode::from(2);
    }
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

/// Stack of each worker thread: as large as the main thread's (articles are read and scored
/// there), reserved, not used, until a deep input needs it.
const WORKER_STACK_BYTES: usize = 8 * 1024 * 1024;

/// Sets up the threads the library's stages and `score` spread articles over: `jobs`, or one
/// per core.
fn start_threads(jobs: Option<std::num::NonZeroUsize>) -> Result<(), rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.map_or(0, std::num::NonZeroUsize::get))
        .stack_size(WORKER_STACK_BYTES)
        .build_global()
}

/// Articles a caveat line names before "and N more": enough to find them, never a wall.
const CAVEAT_LISTED: usize = 5;

/// One note per kind of caveat (articles in another language, pages cut off mid-sentence;
/// see [`slant::caveats`]), however many articles each concerns.
fn note_caveats(story: &slant::Story, out: &output::Out) {
    for caveat in slant::caveats::caveats(story) {
        out.note(&caveat.summary(CAVEAT_LISTED));
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
