//! `report.html`: one self-contained page a teacher can project or print.
//!
//! No network requests, no external fonts or scripts: inline CSS only, readable without
//! JavaScript, with a print stylesheet for handouts. Every piece of article text is escaped,
//! so an article containing `<script>` or `<img onerror>` stays inert text.
//!
//! Sections: notes on some articles (one line per kind: another language, cut off), the story
//! at a glance, coverage (which outlet tells which unit), the versions side
//! by side unit by unit with flagged words highlighted (a tooltip and a numbered note give the
//! explanation, the neutral alternative and the peers' wording), quotes, disagreeing figures,
//! and the verbs each outlet uses for each speaker.

use crate::Story;
use crate::extract::matching::MatchKind;
use crate::score::Flag;
use crate::{Span, align::Unit};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Write};

const STYLE: &str = include_str!("report.css");

/// HTML-escapes text (also quotes, so it is safe inside attributes).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes `report.html` for the story, highlighting `flags`.
pub fn report<W: Write>(story: &Story, flags: &[Flag], mut w: W) -> io::Result<()> {
    let mut page = String::new();
    let title = story
        .articles
        .iter()
        .find_map(|a| a.title.as_deref())
        .unwrap_or("one story");
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>slant: {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
    let _ = write!(
        page,
        "<header><h1>How {} outlets told one story</h1><p class=\"sub\">{}</p></header>\n<main>\n",
        story.articles.len(),
        esc(title)
    );
    let caveats = crate::caveats::caveats(story);
    notes(&caveats, &mut page);
    at_a_glance(story, flags, &caveats, &mut page);
    coverage(story, &mut page);
    side_by_side(story, flags, &mut page);
    quotes(story, &mut page);
    figures(story, &mut page);
    verbs(story, &mut page);
    page.push_str("</main>\n<footer>Made with slant. Every highlighted word links to its explanation; spans point into the articles as read.</footer>\n</body>\n</html>\n");
    w.write_all(page.as_bytes())
}

/// One line per kind of caveat, before anything a reader might take at face value.
fn notes(caveats: &[crate::caveats::Caveat], page: &mut String) {
    if caveats.is_empty() {
        return;
    }
    page.push_str("<section id=\"notes\"><h2>Read with care</h2>\n<ul class=\"caveat\">\n");
    for caveat in caveats {
        let _ = writeln!(
            page,
            "<li>{}.</li>",
            esc(&caveat.summary(super::PAGE_LISTED))
        );
    }
    page.push_str("</ul></section>\n");
}

fn at_a_glance(
    story: &Story,
    flags: &[Flag],
    caveats: &[crate::caveats::Caveat],
    page: &mut String,
) {
    page.push_str("<section id=\"glance\"><h2>The story at a glance</h2>\n<table><thead><tr><th>#</th><th>article</th><th>outlet</th><th>date</th><th class=\"num\">words</th><th class=\"num\">flags (own words)</th><th>copy of</th></tr></thead><tbody>\n");
    for (i, (a, d)) in story.articles.iter().zip(&story.docs).enumerate() {
        let own = match story.other_language(i) {
            Some(language) => format!("<td>{}</td>", esc(&super::not_scored(language.name))),
            None => format!(
                "<td class=\"num\">{}</td>",
                flags
                    .iter()
                    .filter(|f| f.article == i && !f.in_quote)
                    .count()
            ),
        };
        // Why what it lacks may not be a choice (see the notes above); the language is said
        // in the flags cell.
        let marks = crate::caveats::marks(
            caveats
                .iter()
                .filter(|c| c.kind != crate::caveats::CaveatKind::OtherLanguage),
            i,
        );
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!(" <small>({})</small>", esc(&marks.join("; ")))
        };
        let copy = story
            .alignment
            .copies
            .iter()
            .find(|c| c.article == i)
            .map_or(String::new(), |c| {
                format!(
                    "{} ({}, {:.0}% of its own words)",
                    esc(&story.articles[c.original].id),
                    c.kind.as_str(),
                    c.similarity * 100.0
                )
            });
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{}{marks}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>{own}<td>{copy}</td></tr>",
            i + 1,
            esc(&a.id),
            esc(&a.outlet),
            esc(a.date.as_deref().unwrap_or("")),
            d.word_count()
        );
    }
    page.push_str("</tbody></table>\n");
    if !story.alignment.copy_pairs.is_empty() {
        let _ = writeln!(page, "<p>Copies: {}</p>\n<ul>", esc(&super::copy_kinds()));
        for pair in &story.alignment.copy_pairs {
            let _ = writeln!(page, "<li>{}</li>", super::copy_phrase(story, pair, esc));
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</section>\n");
}

fn shared_units(story: &Story) -> Vec<&Unit> {
    story
        .alignment
        .units
        .iter()
        .filter(|u| u.article_count() > 1)
        .collect()
}

fn sentence_text(story: &Story, article: usize, sentence: usize) -> &str {
    &story.articles[article].body[story.docs[article].sentences[sentence].span.range()]
}

fn coverage(story: &Story, page: &mut String) {
    let units = shared_units(story);
    let _ = write!(
        page,
        "<section id=\"coverage\"><h2>Coverage</h2>\n<p>{} units of meaning; {} are told by two or more outlets. A filled dot: the outlet tells it; an empty one: it leaves it out.</p>\n<table class=\"matrix\"><thead><tr><th>unit</th><th>what it says</th>",
        story.alignment.units.len(),
        units.len()
    );
    for i in 0..story.articles.len() {
        let _ = write!(
            page,
            "<th title=\"{}\">{}</th>",
            esc(&story.articles[i].id),
            i + 1
        );
    }
    page.push_str("</tr></thead><tbody>\n");
    for unit in units {
        let first = unit.members[0];
        let _ = write!(
            page,
            "<tr><td><a href=\"#unit-{}\">{}</a></td><td class=\"what\">{}</td>",
            unit.id,
            unit.id,
            esc(sentence_text(story, first.article, first.sentence))
        );
        for a in 0..story.articles.len() {
            page.push_str(if unit.has_article(a) {
                "<td class=\"dot yes\">●</td>"
            } else {
                "<td class=\"dot no\">○</td>"
            });
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody></table></section>\n");
}

/// The sentence with its flags marked: `<mark>` elements with a tooltip and a note number.
fn marked(story: &Story, article: usize, span: Span, flags: &[(usize, &Flag)]) -> String {
    let body = &story.articles[article].body;
    let mut inside: Vec<&(usize, &Flag)> = flags
        .iter()
        .filter(|(_, f)| f.article == article && span.contains(f.span))
        .collect();
    inside.sort_by_key(|(_, f)| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut out = String::new();
    let mut at = span.start;
    for (note, f) in inside {
        if f.span.start < at {
            continue; // overlaps a flag already marked
        }
        out.push_str(&esc(&body[at..f.span.start]));
        let tip = tooltip(f);
        let _ = write!(
            out,
            "<mark class=\"cat-{}{}\" title=\"{}\">{}<sup><a href=\"#note-{note}\">{note}</a></sup></mark>",
            esc(&f.category),
            if f.in_quote { " in-quote" } else { "" },
            esc(&tip),
            esc(&body[f.span.range()])
        );
        at = f.span.end;
    }
    out.push_str(&esc(&body[at..span.end]));
    out
}

fn tooltip(f: &Flag) -> String {
    let mut tip = f.category.clone();
    if !f.neutral.is_empty() {
        let _ = write!(tip, " · neutral: {}", f.neutral);
    }
    if !f.baseline.is_empty() {
        let _ = write!(tip, " · others wrote: {}", f.baseline);
    }
    let _ = write!(tip, " · {}", f.explanation);
    tip
}

fn side_by_side(story: &Story, flags: &[Flag], page: &mut String) {
    let numbered: Vec<(usize, &Flag)> = flags.iter().enumerate().map(|(i, f)| (i + 1, f)).collect();
    page.push_str("<section id=\"versions\"><h2>The versions side by side</h2>\n<p>Each block is one unit: the sentences of different outlets that report the same thing. Highlighted words carry a judgment; hover or read the numbered notes below the block.</p>\n");
    for unit in story
        .alignment
        .units
        .iter()
        .filter(|u| u.article_count() > 1)
    {
        let _ = write!(
            page,
            "<div class=\"unit\" id=\"unit-{}\"><h3>Unit {} · {} of {} outlets</h3><div class=\"row\">",
            unit.id,
            unit.id,
            unit.article_count(),
            story.articles.len()
        );
        let mut notes: Vec<(usize, &Flag)> = Vec::new();
        for a in 0..story.articles.len() {
            let members: Vec<_> = unit.members.iter().filter(|m| m.article == a).collect();
            if members.is_empty() {
                let _ = write!(
                    page,
                    "<div class=\"cell missing\"><div class=\"who\">{}</div><p>(not told)</p></div>",
                    esc(&story.articles[a].id)
                );
                continue;
            }
            let _ = write!(
                page,
                "<div class=\"cell\"><div class=\"who\">{}</div>",
                esc(&story.articles[a].id)
            );
            for m in members {
                let s = &story.docs[a].sentences[m.sentence];
                let class = if s.kind == crate::normalize::SentenceKind::Headline {
                    " class=\"headline\""
                } else {
                    ""
                };
                let _ = write!(
                    page,
                    "<p{class}>{}</p>",
                    marked(story, a, s.span, &numbered)
                );
                notes.extend(
                    numbered
                        .iter()
                        .filter(|(_, f)| f.article == a && s.span.contains(f.span))
                        .copied(),
                );
            }
            page.push_str("</div>\n");
        }
        page.push_str("</div>\n");
        if !notes.is_empty() {
            page.push_str("<ol class=\"notes\">\n");
            for (n, f) in notes {
                let _ = write!(
                    page,
                    "<li id=\"note-{n}\" value=\"{n}\"><b>{}</b> ({}{}): {}{}{}</li>",
                    esc(&story.articles[f.article].body[f.span.range()]),
                    esc(&f.category),
                    if f.in_quote {
                        ", inside a quote: the speaker's words"
                    } else {
                        ""
                    },
                    esc(&f.explanation),
                    if f.neutral.is_empty() {
                        String::new()
                    } else {
                        format!(" A neutral word: <i>{}</i>.", esc(&f.neutral))
                    },
                    if f.baseline.is_empty() {
                        String::new()
                    } else {
                        format!(" The other outlets wrote: {}.", esc(&f.baseline))
                    },
                );
            }
            page.push_str("</ol>\n");
        }
        page.push_str("</div>\n");
    }
    page.push_str("</section>\n");
}

fn quotes(story: &Story, page: &mut String) {
    page.push_str("<section id=\"quotes\"><h2>Quotes</h2>\n<table><thead><tr><th>#</th><th>speaker</th><th>outlet</th><th>verb</th><th>how</th><th>words</th></tr></thead><tbody>\n");
    let ids: BTreeSet<usize> = story.quote_matches.iter().map(|m| m.quote_id).collect();
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
                MatchKind::Altered => {
                    format!("<b>changed</b> ({:.0}% alike)", m.similarity * 100.0)
                }
                MatchKind::Unique => "only here".to_string(),
            };
            let words = match m.kind {
                MatchKind::Truncated | MatchKind::Altered => {
                    diff_html(&story.quotes[m.reference].text, &q.text)
                }
                _ => esc(&q.text),
            };
            let _ = writeln!(
                page,
                "<tr class=\"{}\"><td>{id}</td><td>{}</td><td>{}</td><td>{}</td><td>{how}</td><td>“{words}”</td></tr>",
                m.kind.as_str(),
                esc(q.speaker.as_deref().unwrap_or("?")),
                esc(&story.articles[q.article].id),
                esc(q.cue.as_deref().unwrap_or("")),
            );
        }
    }
    page.push_str("</tbody></table></section>\n");
}

/// A quote against the fullest version: cut words struck through, changed words underlined.
fn diff_html(reference: &str, quote: &str) -> String {
    super::quote_diff_marked(
        reference,
        quote,
        esc,
        ("<del>", "</del>"),
        ("<ins>", "</ins>"),
    )
}

fn figures(story: &Story, page: &mut String) {
    page.push_str("<section id=\"facts\"><h2>Figures that disagree</h2>\n");
    let by_key = story.conflicting_figures();
    if by_key.is_empty() {
        page.push_str("<p>None: every figure given by two outlets agrees.</p>");
    } else {
        page.push_str("<ul>\n");
        for (key, values) in by_key {
            let values = super::figure_values(&values, |v| format!("<b>{}</b>", esc(v)), esc);
            let _ = writeln!(page, "<li>{}: {values}</li>", esc(key));
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</section>\n");
}

fn verbs(story: &Story, page: &mut String) {
    page.push_str("<section id=\"verbs\"><h2>How each outlet introduces each speaker</h2>\n<table><thead><tr><th>speaker</th><th>outlet</th><th>verbs</th></tr></thead><tbody>\n");
    let mut table: BTreeMap<&str, BTreeMap<usize, Vec<String>>> = BTreeMap::new();
    for a in &story.attributions {
        table
            .entry(&a.speaker)
            .or_default()
            .entry(a.article)
            .or_default()
            .push(format!(
                "<span class=\"verb {}\">{}</span>",
                a.class.as_str(),
                esc(&a.verb)
            ));
    }
    table.retain(|_, outlets| outlets.len() >= 2);
    for (speaker, outlets) in table {
        for (article, verbs) in outlets {
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(speaker),
                esc(&story.articles[article].id),
                verbs.join(", ")
            );
        }
    }
    page.push_str("</tbody></table></section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_markup_stays_inert() {
        let a = crate::Article::from_text(
            "evil<script>",
            "Rockets hit <script>alert(1)</script> Baghdad\n\nThe <img src=x onerror=alert(2)> embassy was hit on Sunday.",
        );
        let b =
            crate::Article::from_text("b", "Rockets hit Baghdad\n\nThe embassy was hit on Sunday.");
        let mut out = Vec::new();
        report(&Story::build(vec![a, b]), &[], &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "no network requests"
        );
    }
}
