//! `slant compare`: the report set for one story.

use super::lexicon::LexiconSource;
use super::{InputArgs, Outcome, output::Out};
use slant::Story;
use slant::report::csv as report;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Directory for the reports (created if missing); default `reports/<story name>`.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Which reports to write (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [ReportFormat::Csv, ReportFormat::Json, ReportFormat::Md, ReportFormat::Html])]
    format: Vec<ReportFormat>,
    /// Allow --out inside an input directory.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    lexicon: LexiconSource,
}

/// A family of report files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Csv,
    Json,
    Md,
    Html,
}

/// Runs with at least this many articles show their stages on stderr (when it is a terminal).
const PROGRESS_MIN_ARTICLES: usize = 20;

type Writer = fn(&Story, &mut dyn Write) -> io::Result<()>;

/// The report files this command writes, in order.
const FILES: &[(&str, ReportFormat, Writer)] = &[
    ("articles.csv", ReportFormat::Csv, |s, w| {
        report::articles(s, w).map_err(io::Error::other)
    }),
    ("copies.csv", ReportFormat::Csv, |s, w| {
        report::copies(s, w).map_err(io::Error::other)
    }),
    ("alignment.csv", ReportFormat::Csv, |s, w| {
        report::alignment(s, w).map_err(io::Error::other)
    }),
    ("substitutions.csv", ReportFormat::Csv, |s, w| {
        report::substitutions(s, w).map_err(io::Error::other)
    }),
    ("quotes.csv", ReportFormat::Csv, |s, w| {
        report::quotes(s, w).map_err(io::Error::other)
    }),
    ("attributions.csv", ReportFormat::Csv, |s, w| {
        report::attributions(s, w).map_err(io::Error::other)
    }),
    ("facts.csv", ReportFormat::Csv, |s, w| {
        report::facts(s, w).map_err(io::Error::other)
    }),
    ("flags.csv", ReportFormat::Csv, |s, w| {
        slant::report::score_csv::flags(s, &s.flags, w).map_err(io::Error::other)
    }),
    ("distinctive.csv", ReportFormat::Csv, |s, w| {
        slant::report::score_csv::distinctive(s, &s.distinctive, w).map_err(io::Error::other)
    }),
    ("summary.csv", ReportFormat::Csv, |s, w| {
        slant::report::score_csv::summary(&s.summary, w).map_err(io::Error::other)
    }),
    ("comparison.json", ReportFormat::Json, |s, w| {
        slant::report::json::comparison(s, w).map_err(io::Error::other)
    }),
    ("report.md", ReportFormat::Md, |s, w| {
        slant::report::markdown::report(s, w)
    }),
    ("report.html", ReportFormat::Html, |s, w| {
        slant::report::html::report(s, &s.flags, w)
    }),
];

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| default_out(&args.input.paths));
    if !args.force
        && let Some(dir) = args
            .input
            .paths
            .iter()
            .find(|p| p.is_dir() && is_inside(&out_dir, p))
    {
        out.error(&format!(
            "--out {} is inside the input directory {}; use --force to allow it",
            out_dir.display(),
            dir.display()
        ));
        return Ok(Outcome::InputErrors);
    }
    let lexicon = match args.lexicon.load() {
        Ok(lexicon) => lexicon,
        Err(e) => {
            out.error(&e.to_string());
            return Ok(Outcome::InputErrors);
        }
    };
    let (loaded, mut outcome) = super::load(&args.input, out);
    if loaded.articles.is_empty() {
        return Ok(Outcome::InputErrors);
    }
    if loaded.articles.len() == 1 {
        out.note(
            "only one article: there is nothing to compare it with (articles.csv is still written)",
        );
    }
    // Progress only where someone watches a long run: a terminal, and many articles.
    let show = !out.is_quiet()
        && std::io::IsTerminal::is_terminal(&io::stderr())
        && loaded.articles.len() >= PROGRESS_MIN_ARTICLES;
    let count = loaded.articles.len();
    let story = Story::build_reporting(loaded.articles, &lexicon, None, &mut |stage| {
        if show {
            out.note(&format!("{count} articles: {}…", stage.as_str()));
        }
    });
    super::note_caveats(&story, out);
    std::fs::create_dir_all(&out_dir)?;
    for (name, format, write) in FILES {
        if !args.format.contains(format) {
            continue;
        }
        let path = out_dir.join(name);
        if args.input.paths.iter().any(|p| same_file(p, &path)) {
            out.error(&format!(
                "{}: is an input; not overwriting it",
                path.display()
            ));
            outcome = Outcome::InputErrors;
            continue;
        }
        if let Err(e) = write_atomically(&path, |w| write(&story, w)) {
            out.error(&format!("{}: {e}", path.display()));
            outcome = Outcome::InputErrors;
        }
    }
    for (unit, a, b) in &story.diffs.timed_out {
        out.note(&format!(
            "unit {unit}: the word diff of {} and {} hit its time limit; its substitutions may be incomplete",
            story.articles[*a].id, story.articles[*b].id
        ));
    }
    let shared = story
        .alignment
        .units
        .iter()
        .filter(|u| u.article_count() > 1)
        .count();
    let mut w = out.stdout();
    if !out.is_quiet() {
        writeln!(
            w,
            "{} articles, {} sentences in {} units ({shared} shared by two or more articles), {} substitutions",
            story.articles.len(),
            story.alignment.stats.sentences,
            story.alignment.units.len(),
            story.diffs.substitutions.len()
        )?;
        let count = |kind| {
            story
                .quote_matches
                .iter()
                .filter(|m| m.kind == kind)
                .count()
        };
        let quotations = story
            .quote_matches
            .iter()
            .map(|m| m.quote_id)
            .max()
            .unwrap_or(0);
        writeln!(
            w,
            "{} quotes of {quotations} quotations ({} truncated, {} altered), {} attributions",
            story.quotes.len(),
            count(slant::extract::matching::MatchKind::Truncated),
            count(slant::extract::matching::MatchKind::Altered),
            story.attributions.len()
        )?;
        let conflicting: std::collections::BTreeSet<&str> = story
            .facts
            .iter()
            .zip(&story.fact_agreement)
            .filter(|(_, a)| **a == slant::extract::facts::Agreement::Conflict)
            .map(|(f, _)| f.key.as_str())
            .collect();
        writeln!(
            w,
            "{} facts; conflicting figures: {}",
            story.facts.len(),
            if conflicting.is_empty() {
                "none".to_string()
            } else {
                conflicting.into_iter().collect::<Vec<_>>().join(", ")
            }
        )?;
        for pair in &story.alignment.copy_pairs {
            writeln!(
                w,
                "copy: {}",
                slant::report::copy_phrase(&story, pair, str::to_string)
            )?;
        }
        writeln!(w, "reports written to {}", out_dir.display())?;
    }
    w.flush()?;
    Ok(outcome)
}

/// `reports/<name>`, where the name is the first input's file or directory name.
fn default_out(paths: &[PathBuf]) -> PathBuf {
    let name = paths
        .first()
        .and_then(|p| std::path::absolute(p).ok())
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "story".to_string());
    Path::new("reports").join(name)
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether `inner` is `outer` or lies below it (compared as absolute paths).
fn is_inside(inner: &Path, outer: &Path) -> bool {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    abs(inner).starts_with(abs(outer))
}

/// Writes through a temporary file in the same directory, then renames it into place, so an
/// interrupted run never leaves half a report.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
    let result = (|| {
        let mut file = io::BufWriter::new(std::fs::File::create(&tmp)?);
        write(&mut file)?;
        file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
