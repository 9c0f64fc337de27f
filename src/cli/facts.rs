//! `slant facts`: the figures, dates and names each article gives, conflicts first.

use super::{InputArgs, Outcome, output::Out};
use serde::Serialize;
use slant::Story;
use slant::extract::FactKind;
use slant::extract::facts::Agreement;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = super::quotes::Format::Table)]
    format: super::quotes::Format,
}

pub fn run(args: &Args, out: &Out) -> io::Result<Outcome> {
    use super::quotes::Format;
    let (loaded, outcome) = super::load(&args.input, out);
    if loaded.articles.is_empty() {
        return Ok(Outcome::InputErrors);
    }
    let story = Story::build(loaded.articles);
    let mut w = out.stdout();
    match args.format {
        Format::Csv => slant::report::csv::facts(&story, &mut w).map_err(io::Error::other)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &records(&story))?;
            writeln!(w)?;
        }
        Format::Table => table(&story, &mut w)?,
    }
    w.flush()?;
    Ok(outcome)
}

#[derive(Serialize)]
struct Record<'a> {
    fact_id: usize,
    kind: FactKind,
    key: &'a str,
    value: &'a str,
    article_id: &'a str,
    sentence_index: usize,
    start: usize,
    end: usize,
    text: &'a str,
    agreement: Agreement,
}

fn records(story: &Story) -> Vec<Record<'_>> {
    let ids = story.fact_ids();
    let mut out: Vec<Record<'_>> = story
        .facts
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let article = &story.articles[f.article];
            Record {
                fact_id: ids[i],
                kind: f.kind,
                key: &f.key,
                value: &f.value,
                article_id: &article.id,
                sentence_index: f.sentence,
                start: f.span.start,
                end: f.span.end,
                text: &article.body[f.span.range()],
                agreement: story.fact_agreement[i],
            }
        })
        .collect();
    out.sort_by(|a, b| (a.fact_id, a.article_id, a.start).cmp(&(b.fact_id, b.article_id, b.start)));
    out
}

/// Per (kind, key): each value with the articles that give it. Keys with conflicting values
/// come first, then the other figures and dates, then names (with how many articles use them).
fn table(story: &Story, w: &mut impl Write) -> io::Result<()> {
    // (kind, key) -> value -> articles
    let mut by_key: BTreeMap<(FactKind, &str), BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    let mut conflicting: BTreeMap<(FactKind, &str), bool> = BTreeMap::new();
    for (f, agreement) in story.facts.iter().zip(&story.fact_agreement) {
        let articles = by_key
            .entry((f.kind, f.key.as_str()))
            .or_default()
            .entry(f.value.as_str())
            .or_default();
        let id = story.articles[f.article].id.as_str();
        if !articles.contains(&id) {
            articles.push(id);
        }
        *conflicting.entry((f.kind, f.key.as_str())).or_default() |=
            *agreement == Agreement::Conflict;
    }
    let label = |(kind, key): (FactKind, &str)| {
        if key.is_empty() {
            kind.as_str().to_string()
        } else {
            format!("{} {key}", kind.as_str())
        }
    };
    let section =
        |title: &str, keys: Vec<&(FactKind, &str)>, w: &mut dyn Write| -> io::Result<()> {
            if keys.is_empty() {
                return Ok(());
            }
            writeln!(w, "{title}")?;
            for key in keys {
                let values: Vec<String> = by_key[key]
                    .iter()
                    .map(|(value, articles)| {
                        format!(
                            "{} ({})",
                            if value.is_empty() { "-" } else { value },
                            articles.join(", ")
                        )
                    })
                    .collect();
                writeln!(w, "  {}: {}", label(*key), values.join(" · "))?;
            }
            writeln!(w)
        };
    let keys: Vec<&(FactKind, &str)> = by_key.keys().collect();
    section(
        "conflicting",
        keys.iter().copied().filter(|k| conflicting[*k]).collect(),
        w,
    )?;
    section(
        "figures and dates",
        keys.iter()
            .copied()
            .filter(|k| !conflicting[*k] && k.0 != FactKind::Entity)
            .collect(),
        w,
    )?;
    let names: Vec<String> = keys
        .iter()
        .filter(|k| k.0 == FactKind::Entity)
        .map(|k| (k.1, by_key[*k].values().map(Vec::len).sum::<usize>()))
        .map(|(name, n)| format!("{name} ({n})"))
        .collect();
    if !names.is_empty() {
        writeln!(w, "names (articles that mention them)")?;
        writeln!(w, "  {}", names.join(" · "))?;
    }
    Ok(())
}
