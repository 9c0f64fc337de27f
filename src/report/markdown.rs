//! `report.md`: the findings in Markdown, for notes and issue trackers.
//!
//! Sections: notes on some articles (one line per kind: another language, cut off), the story
//! at a glance (articles, copies by kind), coverage (which article carries
//! which shared unit, omissions), quotes (who said what, who cut or changed it), conflicting
//! facts, and reporting verbs per speaker per outlet. Article text is escaped so that it cannot
//! break the tables or inject markup.

use crate::Story;
use crate::extract::matching::MatchKind;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// Longest piece of sentence text shown in a table cell.
const CELL_CHARS: usize = 90;

/// Writes `report.md`.
pub fn report<W: Write>(story: &Story, mut w: W) -> io::Result<()> {
    let title = story
        .articles
        .iter()
        .find_map(|a| a.title.as_deref())
        .unwrap_or("one story");
    writeln!(
        w,
        "# How {} outlets told: {}\n",
        story.articles.len(),
        escape(title)
    )?;
    let caveats = crate::caveats::caveats(story);
    notes(&caveats, &mut w)?;
    at_a_glance(story, &mut w)?;
    coverage(story, &caveats, &mut w)?;
    quotes(story, &mut w)?;
    conflicting_facts(story, &mut w)?;
    verbs_by_speaker(story, &mut w)?;
    wording(story, &mut w)?;
    Ok(())
}

/// Markdown-safe text on one line: table pipes, markup characters and HTML escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '*' | '_' | '`' | '[' | ']' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn shorten(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= CELL_CHARS {
        return one_line;
    }
    let cut: String = one_line.chars().take(CELL_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// One line per kind of caveat, before anything a reader might take at face value.
fn notes(caveats: &[crate::caveats::Caveat], w: &mut impl Write) -> io::Result<()> {
    if caveats.is_empty() {
        return Ok(());
    }
    writeln!(w, "## Read with care\n")?;
    for caveat in caveats {
        writeln!(w, "- {}.", escape(&caveat.summary(super::PAGE_LISTED)))?;
    }
    writeln!(w)
}

fn at_a_glance(story: &Story, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "## The story at a glance\n")?;
    writeln!(
        w,
        "| article | outlet | date | words | sentences | copy of |"
    )?;
    writeln!(w, "|---|---|---|---:|---:|---|")?;
    for (i, (a, d)) in story.articles.iter().zip(&story.docs).enumerate() {
        let copy = story
            .alignment
            .copies
            .iter()
            .find(|c| c.article == i)
            .map_or(String::new(), |c| {
                format!(
                    "{} ({}, {:.0}%)",
                    escape(&story.articles[c.original].id),
                    c.kind.as_str(),
                    c.similarity * 100.0
                )
            });
        writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |",
            escape(&a.id),
            escape(&a.outlet),
            escape(a.date.as_deref().unwrap_or("")),
            d.word_count(),
            d.sentences.len(),
            copy
        )?;
    }
    writeln!(w)?;
    if !story.alignment.copy_pairs.is_empty() {
        writeln!(w, "Copies: {}\n", escape(&super::copy_kinds()))?;
        for pair in &story.alignment.copy_pairs {
            writeln!(w, "- {}", super::copy_phrase(story, pair, escape))?;
        }
        writeln!(w)?;
    }
    Ok(())
}

fn coverage(
    story: &Story,
    caveats: &[crate::caveats::Caveat],
    w: &mut impl Write,
) -> io::Result<()> {
    let shared: Vec<&crate::align::Unit> = story
        .alignment
        .units
        .iter()
        .filter(|u| u.article_count() > 1)
        .collect();
    writeln!(w, "## Coverage\n")?;
    writeln!(
        w,
        "{} units of meaning; {} are told by two or more outlets. ● = the outlet tells it, · = it does not.\n",
        story.alignment.units.len(),
        shared.len()
    )?;
    let header: Vec<String> = (1..=story.articles.len()).map(|i| format!("{i}")).collect();
    writeln!(w, "| unit | what it says | {} |", header.join(" | "))?;
    writeln!(w, "|---:|---|{}", "---|".repeat(story.articles.len()))?;
    for unit in shared {
        let first = unit.members[0];
        let text = &story.articles[first.article].body[story.docs[first.article].sentences
            [first.sentence]
            .span
            .range()];
        let marks: Vec<&str> = (0..story.articles.len())
            .map(|a| if unit.has_article(a) { "●" } else { "·" })
            .collect();
        writeln!(
            w,
            "| {} | {} | {} |",
            unit.id,
            escape(&shorten(text)),
            marks.join(" | ")
        )?;
    }
    writeln!(w)?;
    for (i, a) in story.articles.iter().enumerate() {
        writeln!(w, "{}. {}", i + 1, escape(&a.id))?;
    }
    writeln!(w)?;
    let omissions = crate::align::omissions(&story.alignment, story.articles.len());
    writeln!(w, "Left out (units most other outlets tell):\n")?;
    for (i, (a, units)) in story.articles.iter().zip(&omissions).enumerate() {
        let list = if units.is_empty() {
            "none".to_string()
        } else {
            units
                .iter()
                .map(|u| format!("unit {u}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        // Why what it lacks may not be a choice (see the notes at the top).
        let marks = crate::caveats::marks(caveats, i);
        let marks = if marks.is_empty() || units.is_empty() {
            String::new()
        } else {
            format!(" ({})", marks.join("; "))
        };
        writeln!(w, "- {}: {list}{marks}", escape(&a.id))?;
    }
    writeln!(w)
}

fn quotes(story: &Story, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "## Quotes\n")?;
    let ids: BTreeSet<usize> = story.quote_matches.iter().map(|m| m.quote_id).collect();
    if ids.is_empty() {
        return writeln!(w, "No direct quotes found.\n");
    }
    writeln!(
        w,
        "| quote | speaker | outlet | verb | how it is quoted | words |"
    )?;
    writeln!(w, "|---:|---|---|---|---|---|")?;
    for id in ids {
        for (q, m) in story
            .quotes
            .iter()
            .zip(&story.quote_matches)
            .filter(|(_, m)| m.quote_id == id)
        {
            let how = match m.kind {
                MatchKind::Exact => "in full".to_string(),
                MatchKind::Truncated => format!("cut ({:.0}% of the words)", m.similarity * 100.0),
                MatchKind::Altered => format!("**changed** ({:.0}% alike)", m.similarity * 100.0),
                MatchKind::Unique => "only here".to_string(),
            };
            writeln!(
                w,
                "| {id} | {} | {} | {} | {how} | “{}” |",
                escape(q.speaker.as_deref().unwrap_or("?")),
                escape(&story.articles[q.article].id),
                escape(q.cue.as_deref().unwrap_or("")),
                match m.kind {
                    MatchKind::Truncated | MatchKind::Altered =>
                        diff_md(&story.quotes[m.reference].text, &q.text),
                    _ => escape(&shorten(&q.text)),
                }
            )?;
        }
    }
    writeln!(w)
}

/// A quote against the fullest version: cut words struck through, changed words in bold.
fn diff_md(reference: &str, quote: &str) -> String {
    super::quote_diff_marked(reference, quote, escape, ("~~", "~~"), ("**", "**"))
}

fn conflicting_facts(story: &Story, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "## Figures that disagree\n")?;
    let by_key = story.conflicting_figures();
    if by_key.is_empty() {
        return writeln!(w, "None: every figure given by two outlets agrees.\n");
    }
    for (key, values) in by_key {
        let values = super::figure_values(&values, |v| format!("**{}**", escape(v)), escape);
        writeln!(w, "- {}: {values}", escape(key))?;
    }
    writeln!(w)
}

fn verbs_by_speaker(story: &Story, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "## How each outlet introduces each speaker\n")?;
    let mut table: BTreeMap<&str, BTreeMap<usize, Vec<String>>> = BTreeMap::new();
    for a in &story.attributions {
        table
            .entry(&a.speaker)
            .or_default()
            .entry(a.article)
            .or_default()
            .push(format!("{} ({})", a.verb, a.class.as_str()));
    }
    // Speakers that at least two outlets quote or cite: where the comparison means something.
    table.retain(|_, outlets| outlets.len() >= 2);
    if table.is_empty() {
        return writeln!(w, "No speaker is cited by two or more outlets.\n");
    }
    writeln!(w, "| speaker | outlet | verbs |")?;
    writeln!(w, "|---|---|---|")?;
    for (speaker, outlets) in table {
        for (article, verbs) in outlets {
            writeln!(
                w,
                "| {} | {} | {} |",
                escape(speaker),
                escape(&story.articles[article].id),
                escape(&verbs.join(", "))
            )?;
        }
    }
    writeln!(w)
}

/// The summary per article, then each article's flagged words: the headline's first (what
/// most readers see), then the outlet's own words, then words inside quotes (the speakers').
fn wording(story: &Story, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "## Loaded wording\n")?;
    writeln!(
        w,
        "| article | flags (own words) | loaded per 1,000 words | doubt verbs | neutral verbs | attribution asymmetry |"
    )?;
    writeln!(w, "|---|---:|---:|---:|---:|---:|")?;
    for row in &story.summary {
        let (Some(flags), Some(per_1k), Some(doubt), Some(neutral), Some(asymmetry)) = (
            row.flags,
            row.loaded_per_1k,
            row.doubt_verbs,
            row.neutral_verbs,
            row.attribution_asymmetry,
        ) else {
            let language = story.other_language(row.article).map_or("", |l| l.name);
            writeln!(
                w,
                "| {} | {} | | | | |",
                escape(&row.article_id),
                super::not_scored(language)
            )?;
            continue;
        };
        writeln!(
            w,
            "| {} | {flags} | {:.1} | {doubt} | {neutral} | {asymmetry:.2} |",
            escape(&row.article_id),
            per_1k + 0.0, // never "-0.0"
        )?;
    }
    writeln!(w)?;
    for (i, article) in story.articles.iter().enumerate() {
        let flags: Vec<&crate::score::Flag> =
            story.flags.iter().filter(|f| f.article == i).collect();
        if flags.is_empty() {
            continue;
        }
        writeln!(w, "### {}\n", escape(&article.id))?;
        let headline = |f: &&crate::score::Flag| {
            story.docs[i].sentences[f.sentence].kind == crate::normalize::SentenceKind::Headline
        };
        let groups: [(&str, Vec<&&crate::score::Flag>); 3] = [
            (
                "In the headline",
                flags.iter().filter(|f| headline(f)).collect(),
            ),
            (
                "In the outlet's own words",
                flags
                    .iter()
                    .filter(|f| !headline(f) && !f.in_quote)
                    .collect(),
            ),
            (
                "Inside quotes (the speaker's words, not counted against the outlet)",
                flags
                    .iter()
                    .filter(|f| !headline(f) && f.in_quote)
                    .collect(),
            ),
        ];
        for (title, list) in groups {
            if list.is_empty() {
                continue;
            }
            writeln!(w, "{title}:\n")?;
            for f in list {
                let neutral = if f.neutral.is_empty() {
                    String::new()
                } else {
                    format!(" → *{}*", escape(&f.neutral))
                };
                let baseline = if f.baseline.is_empty() {
                    String::new()
                } else {
                    format!(" Others wrote: {}.", escape(&f.baseline))
                };
                writeln!(
                    w,
                    "- **{}**{neutral} ({}, {}): {}{baseline}",
                    escape(&article.body[f.span.range()]),
                    escape(&f.category),
                    f.evidence.as_str(),
                    escape(&f.explanation)
                )?;
            }
            writeln!(w)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_cannot_break_tables_or_inject_markup() {
        assert_eq!(
            escape("a | b <script>x</script> *bold*\n[link](y)"),
            "a \\| b &lt;script&gt;x&lt;/script&gt; \\*bold\\* \\[link\\](y)"
        );
    }

    #[test]
    fn a_cut_off_article_is_noted_once_and_marked_beside_what_it_lacks() {
        let whole = "Rockets hit the Green Zone on Sunday night.\n\nThe embassy said nobody \
                     was hurt in the attack.\n\nIraqi police later found the launcher in a \
                     field east of the city.";
        let cut = "Rockets hit the Green Zone on Sunday night.\n\nThe embassy said nobody was \
                   hurt in the";
        let story = Story::build(vec![
            crate::Article::from_text("a", whole),
            crate::Article::from_text("b", whole),
            crate::Article::from_text("c", cut),
        ]);
        let mut out = Vec::new();
        report(&story, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text.matches("1 of 3 articles stops mid-sentence (c)")
                .count(),
            1,
            "{text}"
        );
        let line = text
            .lines()
            .find(|l| l.starts_with("- c: unit"))
            .unwrap_or_else(|| panic!("c lacks the launcher:\n{text}"));
        assert!(line.ends_with(" (stops mid-sentence)"), "{line}");
        assert!(text.contains("- a: none\n"), "{text}");
    }

    #[test]
    fn the_report_has_every_section() {
        let a = crate::Article::from_text(
            "a",
            "Rockets hit Baghdad\n\n\"We were hit by three rockets,\" the embassy said on Sunday.",
        );
        let b = crate::Article::from_text(
            "b",
            "Rockets struck Baghdad\n\n\"We were hit by rockets,\" the embassy claimed. Eight rockets hit the zone.",
        );
        let mut out = Vec::new();
        report(&Story::build(vec![a, b]), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        for heading in [
            "## The story at a glance",
            "## Coverage",
            "## Quotes",
            "## Figures that disagree",
            "## How each outlet introduces each speaker",
        ] {
            assert!(text.contains(heading), "{heading} missing:\n{text}");
        }
    }
}
