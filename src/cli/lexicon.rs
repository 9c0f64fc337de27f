//! `slant lexicon`: list, check and explain lexicon entries.
//!
//! - `list [--category C] [--format text|csv|json]`: the entries of the lexicon in use (the
//!   default one, with `--lexicon FILE` added, or without it under `--no-default-lexicon`).
//! - `check FILE|DIR...`: every problem of user lexicon files, linter style
//!   (`file:line:col: message`); exit 2 when there is any. A directory is one lexicon of its
//!   `.csv` files. `--strict` adds the shipped files' rules (sorted, every column filled, a
//!   file named after a category holding that category only).
//! - `explain TERM`: one entry, found by its term or any of its forms, in full.

use super::{Outcome, output::Out};
use slant::score::lexicon::{self, CATEGORIES, Entry, Lexicon, Rules};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// List the entries: term, category, weight and neutral alternative.
    List(ListArgs),
    /// Check lexicon files and print each problem as `file:line:col: message`.
    Check(CheckArgs),
    /// Explain one term (or any of its forms): category, neutral alternative, weight, why,
    /// an example and the contexts where it is not flagged.
    Explain(ExplainArgs),
}

/// Which lexicon to use: the default one, user files added to it, or user files alone.
#[derive(Debug, Clone, clap::Args)]
pub struct LexiconSource {
    /// A lexicon file or directory (the columns of lexicons/en/*.csv) whose entries are added; an entry with
    /// the same term replaces the default one. May be repeated.
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Start from an empty lexicon instead of the default one.
    #[arg(long)]
    pub no_default_lexicon: bool,
}

impl LexiconSource {
    pub fn load(&self) -> Result<Lexicon, lexicon::LexiconError> {
        Lexicon::load(&self.lexicon, self.no_default_lexicon)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
#[command(after_help = categories_help())]
struct ListArgs {
    #[command(flatten)]
    source: LexiconSource,
    /// Only the entries of this category.
    #[arg(long, value_name = "CATEGORY")]
    category: Option<String>,
    /// Output format (csv has the columns of a lexicon file, so it can be edited and loaded).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Lexicon files to check; a directory is one lexicon of its `.csv` files (as
    /// `lexicons/en/`, one file per category), checked together.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Also apply the shipped lexicon's rules: the exact header, terms sorted, every column
    /// filled (neutral may stay empty for hedges, labels, judgments and intensifiers).
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, clap::Args)]
struct ExplainArgs {
    #[command(flatten)]
    source: LexiconSource,
    /// The term or one of its forms (`claimed`, `collateral damage`).
    #[arg(required = true, value_name = "TERM")]
    term: Vec<String>,
}

fn categories_help() -> String {
    let mut help = String::from("Categories:\n");
    for (name, description) in CATEGORIES {
        help.push_str(&format!("  {name:<21} {description}\n"));
    }
    help
}

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    match &args.command {
        Command::List(args) => list(args, out),
        Command::Check(args) => check(args, out),
        Command::Explain(args) => explain(args, out),
    }
}

fn load(source: &LexiconSource, out: &Out) -> Option<Lexicon> {
    match source.load() {
        Ok(lexicon) => Some(lexicon),
        Err(e) => {
            out.error(&e.to_string());
            None
        }
    }
}

fn list(args: &ListArgs, out: &Out) -> io::Result<Outcome> {
    let unknown = args
        .category
        .as_ref()
        .filter(|c| lexicon::category_description(c).is_none());
    if let Some(category) = unknown {
        let names: Vec<&str> = CATEGORIES.iter().map(|(c, _)| *c).collect();
        out.error(&format!(
            "unknown category `{category}`; the categories are {}",
            names.join(", ")
        ));
        return Ok(Outcome::InputErrors);
    }
    let Some(lexicon) = load(&args.source, out) else {
        return Ok(Outcome::InputErrors);
    };
    let mut entries: Vec<&Entry> = lexicon
        .entries()
        .iter()
        .filter(|e| args.category.as_ref().is_none_or(|c| e.category == *c))
        .collect();
    entries.sort_by_key(|e| e.term.to_lowercase());
    let mut w = out.stdout();
    match args.format {
        Format::Text => list_text(&entries, &mut w)?,
        Format::Csv => list_csv(&entries, &mut w)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &entries)?;
            writeln!(w)?;
        }
    }
    w.flush()?;
    if args.format == Format::Text {
        out.note(&counts_line(&entries));
    }
    Ok(Outcome::Ok)
}

fn list_text(entries: &[&Entry], w: &mut impl Write) -> io::Result<()> {
    let term_width = entries.iter().map(|e| e.term.len()).max().unwrap_or(0);
    let category_width = entries.iter().map(|e| e.category.len()).max().unwrap_or(0);
    for entry in entries {
        let neutral = if entry.neutral.is_empty() {
            "-"
        } else {
            &entry.neutral
        };
        writeln!(
            w,
            "{:<term_width$}  {:<category_width$}  {:.1}  {}",
            entry.term, entry.category, entry.weight, neutral
        )?;
    }
    Ok(())
}

fn list_csv(entries: &[&Entry], w: &mut impl Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(w);
    writer.write_record(lexicon::COLUMNS)?;
    for e in entries {
        writer.write_record([
            e.term.as_str(),
            &e.forms.join("|"),
            &e.category,
            &e.neutral,
            &e.weight.to_string(),
            &e.explanation,
            &e.example,
            &e.not_when.join("|"),
        ])?;
    }
    writer.flush()
}

/// `456 entries: evaluative 145, actor-label 91, ...` (largest first).
fn counts_line(entries: &[&Entry]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in entries {
        *counts.entry(e.category.as_str()).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = counts.iter().map(|(c, n)| format!("{c} {n}")).collect();
    format!("{} entries: {}", entries.len(), parts.join(", "))
}

fn check(args: &CheckArgs, out: &Out) -> io::Result<Outcome> {
    let rules = if args.strict {
        Rules::Strict
    } else {
        Rules::User
    };
    let default = Lexicon::default_english();
    let mut w = out.stdout();
    let mut failed = false;
    for path in &args.files {
        let name = path.display().to_string();
        let files = match lexicon::read_files(path) {
            Ok(files) => files,
            Err(e) => {
                writeln!(w, "{e}")?;
                failed = true;
                continue;
            }
        };
        let pairs = lexicon::as_pairs(&files);
        let problems = Lexicon::check_files(&pairs, rules);
        for problem in &problems {
            writeln!(w, "{problem}")?;
        }
        if problems.is_empty() {
            // Fine under the rules, so it parses.
            let lexicon = Lexicon::from_files(&pairs).unwrap_or_default();
            // The shipped files replace nothing: they are the default.
            let shipped = lexicon::DEFAULT_ENGLISH.iter().map(|(_, text)| *text);
            let is_default = files.len() == lexicon::DEFAULT_ENGLISH.len()
                && shipped
                    .into_iter()
                    .all(|t| files.iter().any(|(_, f)| f == t));
            let default = if is_default {
                &Lexicon::default()
            } else {
                &default
            };
            writeln!(w, "{}", summary(&name, &lexicon, default))?;
        } else {
            failed = true;
            let s = if problems.len() == 1 { "" } else { "s" };
            out.note(&format!("{name}: {} problem{s}", problems.len()));
        }
    }
    w.flush()?;
    Ok(if failed {
        Outcome::InputErrors
    } else {
        Outcome::Ok
    })
}

/// `mine.csv: 3 entries, no problems (1 replaces a default entry)`.
fn summary(name: &str, lexicon: &Lexicon, default: &Lexicon) -> String {
    let n = lexicon.len();
    let replacing = lexicon
        .entries()
        .iter()
        .filter(|e| {
            default
                .find(&e.term)
                .iter()
                .any(|d| d.term.eq_ignore_ascii_case(&e.term))
        })
        .count();
    let s = if n == 1 { "y" } else { "ies" };
    let mut line = format!("{name}: {n} entr{s}, no problems");
    if replacing > 0 {
        let verb = if replacing == 1 {
            "replaces"
        } else {
            "replace"
        };
        line.push_str(&format!(
            " ({replacing} {verb} a default entry of the same term)"
        ));
    }
    line
}

fn explain(args: &ExplainArgs, out: &Out) -> io::Result<Outcome> {
    let Some(lexicon) = load(&args.source, out) else {
        return Ok(Outcome::InputErrors);
    };
    let query = args.term.join(" ");
    let found = lexicon.find(&query);
    if found.is_empty() {
        let similar = lexicon.similar(&query, 3);
        let hint = if similar.is_empty() {
            " (`slant lexicon list` shows them all)".to_string()
        } else {
            format!("; did you mean: {}?", similar.join(", "))
        };
        out.error(&format!("no lexicon entry for `{query}`{hint}"));
        return Ok(Outcome::InputErrors);
    }
    let mut w = out.stdout();
    for (i, entry) in found.iter().enumerate() {
        if i > 0 {
            writeln!(w)?;
        }
        explain_entry(entry, &mut w)?;
    }
    w.flush()?;
    Ok(Outcome::Ok)
}

fn explain_entry(entry: &Entry, w: &mut impl Write) -> io::Result<()> {
    let description = lexicon::category_description(&entry.category).unwrap_or("");
    writeln!(w, "{}", entry.term)?;
    writeln!(w, "  category:  {}: {description}", entry.category)?;
    let neutral = if entry.neutral.is_empty() {
        "(none: drop the word, or say what happened)"
    } else {
        &entry.neutral
    };
    writeln!(w, "  neutral:   {neutral}")?;
    writeln!(
        w,
        "  weight:    {} (0 neutral, 1 most loaded)",
        entry.weight
    )?;
    writeln!(w, "  why:       {}", entry.explanation)?;
    writeln!(w, "  example:   {}", entry.example)?;
    writeln!(w, "  forms:     {}", entry.forms.join(", "))?;
    if entry.not_when.is_empty() {
        writeln!(w, "  not when:  (no guards)")?;
    } else {
        writeln!(w, "  not when:  {}", entry.not_when.join(", "))?;
    }
    writeln!(w, "  source:    {}", entry.source)
}
