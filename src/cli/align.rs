//! `slant align`: the alignment of a story, for reading in a terminal.
//!
//! Unit by unit, each outlet's sentence, the later ones as a word diff against the first (as
//! `git diff --word-diff` shows them), then what each article lacks and which articles copy
//! which (and how: verbatim, near, spun, partial).

use super::{InputArgs, Outcome, output::Out};
use slant::align::{Member, Unit};
use slant::diff::{SentenceWords, WordChange, WordDiff};
use slant::normalize::SentenceKind;
use slant::{Article, Doc, Story};
use std::io::{self, IsTerminal, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Show only units that two or more articles share.
    #[arg(long)]
    shared: bool,
    /// Mark removed words in red and added words in green.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    /// Only when stdout is a terminal (and NO_COLOR is not set).
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to write ANSI colors. Piped output stays plain so that scripts and files never
    /// see escape bytes; NO_COLOR (no-color.org) turns off the automatic choice only.
    fn enabled(self) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const RESET: &str = "\x1b[0m";

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    let (loaded, outcome) = super::load(&args.input, out);
    if loaded.articles.is_empty() {
        return Ok(Outcome::InputErrors);
    }
    if loaded.articles.len() == 1 {
        out.note(
            "only one article: there is nothing to compare it with (its sentences are still printed)",
        );
    }
    let story = Story::build(loaded.articles);
    super::note_caveats(&story, out);
    let view = View {
        story: &story,
        color: args.color.enabled(),
    };
    let mut w = out.stdout();
    view.write_summary(&mut w)?;
    let mut timed_out = Vec::new();
    let mut previous_single = None;
    for unit in &story.alignment.units {
        let single = unit.members.len() < 2;
        if args.shared && unit.article_count() < 2 {
            continue;
        }
        // A blank line around every shared unit; a run of units of one stays together.
        if previous_single != Some(true) || !single {
            writeln!(w)?;
        }
        previous_single = Some(single);
        timed_out.extend(view.write_unit(&mut w, unit)?);
    }
    view.write_omissions(&mut w)?;
    view.write_copies(&mut w)?;
    w.flush()?;
    for (unit, member) in timed_out {
        out.note(&format!(
            "unit {unit}: the word diff of {} hit its time limit; its marks may be coarser",
            story.articles[member.article].id
        ));
    }
    Ok(outcome)
}

/// A story and how to print it.
struct View<'a> {
    story: &'a Story,
    color: bool,
}

impl View<'_> {
    fn article(&self, index: usize) -> (&Article, &Doc) {
        (&self.story.articles[index], &self.story.docs[index])
    }

    /// One line on what follows and how to read it.
    fn write_summary(&self, w: &mut impl Write) -> io::Result<()> {
        let units = &self.story.alignment.units;
        let shared = units.iter().filter(|u| u.article_count() > 1).count();
        writeln!(
            w,
            "{}, {} units ({shared} shared); in each unit, other articles are diffed against the first: [-its words-]{{+theirs+}}",
            articles(self.story.articles.len()),
            units.len()
        )
    }

    /// Writes one unit; returns the members whose diff hit its deadline.
    ///
    /// The first article of the unit is the reference: its sentences are printed plain, and
    /// every other article's sentence as a word diff against the reference sentence closest to
    /// it (a unit can hold a headline and a body sentence of one article; diffing a body
    /// sentence against the other article's headline would mark almost every word).
    fn write_unit(&self, w: &mut impl Write, unit: &Unit) -> io::Result<Vec<(usize, Member)>> {
        let Some(first) = unit.members.first() else {
            return Ok(Vec::new());
        };
        if unit.members.len() == 1 {
            let id = &self.article(first.article).0.id;
            return writeln!(
                w,
                "unit {} (only in {id}) {}: {}",
                unit.id,
                self.label(first),
                self.sentence_text(first)
            )
            .map(|()| Vec::new());
        }
        writeln!(
            w,
            "unit {} · {} of {}",
            unit.id,
            unit.article_count(),
            articles(self.story.articles.len())
        )?;
        let (references, others): (Vec<&Member>, Vec<&Member>) = unit
            .members
            .iter()
            .partition(|m| m.article == first.article);
        for reference in &references {
            let id = &self.article(reference.article).0.id;
            let (label, text) = (self.label(reference), self.sentence_text(reference));
            writeln!(w, "  {id} {label}: {text}")?;
        }
        let reference_words: Vec<SentenceWords<'_>> =
            references.iter().map(|m| self.words(m)).collect();
        let mut timed_out = Vec::new();
        for member in others {
            let (against, diff) = closest_diff(&reference_words, &self.words(member));
            write!(
                w,
                "  {} {}",
                self.article(member.article).0.id,
                self.label(member)
            )?;
            if references.len() > 1 {
                write!(w, " (vs #{})", references[against].sentence)?;
            }
            write!(w, ": ")?;
            self.write_diff(w, &diff)?;
            if diff.timed_out {
                timed_out.push((unit.id, *member));
            }
        }
        Ok(timed_out)
    }

    /// `#index` and `[headline]` when it is one: where the sentence stands in its article.
    fn label(&self, member: &Member) -> String {
        let (_, doc) = self.article(member.article);
        match doc.sentences[member.sentence].kind {
            SentenceKind::Headline => format!("#{} [headline]", member.sentence),
            _ => format!("#{}", member.sentence),
        }
    }

    /// The sentence as it stands in the body, on one line.
    fn sentence_text(&self, member: &Member) -> String {
        let (article, doc) = self.article(member.article);
        let text = &article.body[doc.sentences[member.sentence].span.range()];
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn words(&self, member: &Member) -> SentenceWords<'_> {
        let (article, doc) = self.article(member.article);
        SentenceWords::new(doc, &article.body, member.sentence)
    }

    /// One line: unchanged words plain, `[-removed-]` and `{+added+}` (colored when asked). A
    /// replacement is written without a space, `[-said-]{+claimed+}`, as `git diff
    /// --word-diff` does, so that it reads (and greps) as one change.
    fn write_diff(&self, w: &mut impl Write, diff: &WordDiff) -> io::Result<()> {
        let mut previous: Option<&WordChange> = None;
        for change in &diff.changes {
            match (previous, change) {
                (None, _) | (Some(WordChange::Removed(_)), WordChange::Added(_)) => {}
                _ => write!(w, " ")?,
            }
            previous = Some(change);
            let (open, text, close, color) = match change {
                WordChange::Equal(text) => ("", text, "", None),
                WordChange::Removed(text) => ("[-", text, "-]", Some(RED)),
                WordChange::Added(text) => ("{+", text, "+}", Some(GREEN)),
            };
            match color.filter(|_| self.color) {
                Some(color) => write!(w, "{color}{open}{text}{close}{RESET}")?,
                None => write!(w, "{open}{text}{close}")?,
            }
        }
        writeln!(w)
    }

    /// Per article, the units most other articles have and it does not.
    fn write_omissions(&self, w: &mut impl Write) -> io::Result<()> {
        let articles = &self.story.articles;
        let omitted = slant::align::omissions(&self.story.alignment, articles.len());
        writeln!(w, "\nomissions (units most other articles have)")?;
        for (article, units) in articles.iter().zip(&omitted) {
            match units.as_slice() {
                [] => writeln!(w, "  {} lacks none", article.id)?,
                [unit] => writeln!(w, "  {} lacks unit {unit}", article.id)?,
                units => writeln!(w, "  {} lacks units {}", article.id, join(units))?,
            }
        }
        Ok(())
    }

    fn write_copies(&self, w: &mut impl Write) -> io::Result<()> {
        writeln!(w, "\ncopies")?;
        if self.story.alignment.copy_pairs.is_empty() {
            writeln!(w, "  none")?;
        }
        for pair in &self.story.alignment.copy_pairs {
            writeln!(
                w,
                "  {}",
                slant::report::copy_phrase(self.story, pair, str::to_string)
            )?;
        }
        Ok(())
    }
}

/// The diff of `words` against each reference sentence, keeping the one that changes the
/// fewest words (the earliest on a tie), with its index in `references`.
fn closest_diff(references: &[SentenceWords<'_>], words: &SentenceWords<'_>) -> (usize, WordDiff) {
    let diffs = references
        .iter()
        .map(|reference| slant::diff::sentence_diff(reference, words));
    diffs
        .enumerate()
        .min_by_key(|(_, diff)| changed_words(diff))
        .expect("a unit of two or more has a reference sentence")
}

/// Words removed or added by a diff.
fn changed_words(diff: &WordDiff) -> usize {
    let changed = diff.changes.iter().map(|change| match change {
        WordChange::Equal(_) => 0,
        WordChange::Removed(text) | WordChange::Added(text) => text.split_whitespace().count(),
    });
    changed.sum()
}

/// "1 article", "8 articles".
fn articles(n: usize) -> String {
    if n == 1 {
        "1 article".to_string()
    } else {
        format!("{n} articles")
    }
}

fn join(units: &[usize]) -> String {
    let ids: Vec<String> = units.iter().map(usize::to_string).collect();
    ids.join(", ")
}
