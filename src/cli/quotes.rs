//! `slant quotes`: who is quoted where, and which outlet cut or changed the words.

use super::{InputArgs, Outcome, output::Out};
use serde::Serialize;
use slant::Story;
use slant::diff::WordChange;
use slant::extract::matching::{MatchKind, quote_diff};
use std::collections::BTreeSet;
use std::io::{self, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Show truncated and altered quotes as word diffs against the fullest version.
    #[arg(long)]
    diff: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    let (loaded, outcome) = super::load(&args.input, out);
    if loaded.articles.is_empty() {
        return Ok(Outcome::InputErrors);
    }
    let story = Story::build(loaded.articles);
    let mut w = out.stdout();
    match args.format {
        Format::Csv => slant::report::csv::quotes(&story, &mut w).map_err(io::Error::other)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &records(&story))?;
            writeln!(w)?;
        }
        Format::Table => table(&story, args.diff, &mut w)?,
    }
    w.flush()?;
    Ok(outcome)
}

#[derive(Serialize)]
struct Record<'a> {
    quote_id: usize,
    article_id: &'a str,
    sentence_index: usize,
    start: usize,
    end: usize,
    speaker: Option<&'a str>,
    cue: Option<&'a str>,
    text: &'a str,
    partial: bool,
    r#match: MatchKind,
    similarity: f32,
}

fn records(story: &Story) -> Vec<Record<'_>> {
    let mut out: Vec<Record<'_>> = story
        .quotes
        .iter()
        .zip(&story.quote_matches)
        .map(|(q, m)| Record {
            quote_id: m.quote_id,
            article_id: &story.articles[q.article].id,
            sentence_index: q.sentence,
            start: q.span.start,
            end: q.span.end,
            speaker: q.speaker.as_deref(),
            cue: q.cue.as_deref(),
            text: &q.text,
            partial: q.partial,
            r#match: m.kind,
            similarity: m.similarity,
        })
        .collect();
    out.sort_by(|a, b| {
        (a.quote_id, a.article_id, a.start).cmp(&(b.quote_id, b.article_id, b.start))
    });
    out
}

/// One block per quotation: who said it, then one line per article that carries it, and the
/// articles that leave out a quotation most others carry.
fn table(story: &Story, with_diff: bool, w: &mut impl Write) -> io::Result<()> {
    let groups: BTreeSet<usize> = story.quote_matches.iter().map(|m| m.quote_id).collect();
    let width = story
        .articles
        .iter()
        .map(|a| a.id.chars().count())
        .max()
        .unwrap_or(0);
    for id in groups {
        let members: Vec<usize> = (0..story.quotes.len())
            .filter(|&i| story.quote_matches[i].quote_id == id)
            .collect();
        let articles: BTreeSet<usize> = members.iter().map(|&i| story.quotes[i].article).collect();
        let reference = story.quote_matches[members[0]].reference;
        let speakers: BTreeSet<&str> = members
            .iter()
            .filter_map(|&i| story.quotes[i].speaker.as_deref())
            .collect();
        let speakers = if speakers.is_empty() {
            "speaker unknown".to_string()
        } else {
            speakers.into_iter().collect::<Vec<_>>().join(" / ")
        };
        let spread = if articles.len() == 1 {
            format!(
                "only in {}",
                story.articles[*articles.iter().next().expect("one article")].id
            )
        } else {
            format!("{} of {} articles", articles.len(), story.articles.len())
        };
        writeln!(w, "quote {id} · {spread} · {speakers}")?;
        for &i in &members {
            let (q, m) = (&story.quotes[i], &story.quote_matches[i]);
            writeln!(
                w,
                "  {:<9} {:.2}  {:<width$}  {:<12} \"{}\"",
                m.kind.as_str(),
                m.similarity,
                story.articles[q.article].id,
                q.cue.as_deref().unwrap_or("-"),
                one_line(&q.text),
            )?;
            if with_diff && matches!(m.kind, MatchKind::Truncated | MatchKind::Altered) {
                writeln!(
                    w,
                    "  {:<9} {:<4}  {:<width$}  {:<12} {}",
                    "",
                    "",
                    "",
                    "",
                    marked(&story.quotes[reference].text, &q.text)
                )?;
            }
        }
        let others = story.articles.len() - 1;
        let lacking: Vec<&str> = (0..story.articles.len())
            .filter(|a| !articles.contains(a))
            .map(|a| story.articles[a].id.as_str())
            .collect();
        if articles.len() >= 2 && articles.len() * 2 > others && !lacking.is_empty() {
            writeln!(w, "  missing from: {}", lacking.join(", "))?;
        }
        writeln!(w)?;
    }
    Ok(())
}

/// The quote as a word diff against the fullest version: `[-cut-]{+added+}`.
fn marked(reference: &str, quote: &str) -> String {
    quote_diff(reference, quote)
        .iter()
        .map(|c| match c {
            WordChange::Equal(t) => t.clone(),
            WordChange::Removed(t) => format!("[-{t}-]"),
            WordChange::Added(t) => format!("{{+{t}+}}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
