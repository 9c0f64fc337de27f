//! The fuzz targets: each runs one stage (or the whole story) on an input and checks what the
//! stage promises, so that a wrong answer counts as a finding, not only a panic.
//!
//! - `ingest`: the first byte picks the file kind (`.txt`, `.html`, `.json`, `.jsonl`), the rest
//!   is the file; loading never panics, every error names the file, every article has a body.
//! - `normalize`: sentences and tokens lie inside the text, on character boundaries, in order.
//! - `extract`: quotes and attributions lie inside the body, in sentences that exist, and the
//!   quotes do not hold the text many times over.
//! - `score`: flags lie inside the body, weights from 0 to 1.
//! - `compare`: the input split in two at the first NUL byte (or the middle) is a story of two
//!   articles; every sentence is in at most one unit and every report renders.

use slant::score::lexicon::Lexicon;
use slant::{Article, Doc, Span, Story};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The target names, in the order `slant-fuzz all` runs them.
pub const TARGETS: &[&str] = &["ingest", "normalize", "extract", "score", "compare"];

/// File kinds of the `ingest` target, chosen by the input's first byte.
const KINDS: &[&str] = &["txt", "html", "json", "jsonl"];

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::default_english);

/// Runs `target` on `data`: `Err` says which promise was broken. A panic propagates (the
/// caller catches it).
pub fn run(target: &str, data: &[u8]) -> Result<(), String> {
    match target {
        "ingest" => ingest(data),
        "normalize" => {
            let article = article("a", data);
            check_doc(&article, &slant::normalize(&article))
        }
        "extract" => extract(data),
        "score" => score(data),
        "compare" => compare(data),
        other => Err(format!("unknown target `{other}`")),
    }
}

/// An article made from arbitrary bytes, as a plain-text file would be read leniently.
fn article(id: &str, data: &[u8]) -> Article {
    Article::from_text(id, &String::from_utf8_lossy(data))
}

fn ingest(data: &[u8]) -> Result<(), String> {
    let (kind, body) = match data.split_first() {
        Some((first, rest)) => (KINDS[usize::from(*first) % KINDS.len()], rest),
        None => ("txt", data),
    };
    let dir = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
    let path = dir.path().join(format!("input.{kind}"));
    std::fs::write(&path, body).map_err(|e| format!("write: {e}"))?;
    let loaded = slant::ingest::load(std::slice::from_ref(&path), &Default::default());
    for error in &loaded.errors {
        let shown = error.to_string();
        if !shown.contains("input.") {
            return Err(format!("an ingest error does not name the file: {shown}"));
        }
    }
    for article in &loaded.articles {
        if article.body.trim().is_empty() {
            return Err(format!(
                "article `{}` loaded with an empty body",
                article.id
            ));
        }
        check_doc(article, &slant::normalize(article))?;
    }
    Ok(())
}

fn extract(data: &[u8]) -> Result<(), String> {
    let article = article("a", data);
    let doc = slant::normalize(&article);
    check_doc(&article, &doc)?;
    let (quotes, attributions) = slant::extract::quotes::extract(0, &article, &doc, &LEXICON);
    for q in &quotes {
        check_span(&article.body, q.span, "quote")?;
        check_sentence(&doc, q.sentence, "quote")?;
    }
    // Quotations nest at most a level or two: together they cannot hold the text many times.
    let quoted: usize = quotes.iter().map(|q| q.text.len()).sum();
    if quoted > 3 * article.body.len() + 1000 {
        return Err(format!(
            "quotes hold {quoted} bytes of a {}-byte body: their spans are far too wide",
            article.body.len()
        ));
    }
    for a in &attributions {
        check_span(&article.body, a.span, "attribution")?;
        check_sentence(&doc, a.sentence, "attribution")?;
        if a.speaker.trim().is_empty() {
            return Err("an attribution with an empty speaker".into());
        }
    }
    Ok(())
}

fn score(data: &[u8]) -> Result<(), String> {
    let article = article("a", data);
    let doc = slant::normalize(&article);
    let (quotes, _) = slant::extract::quotes::extract(0, &article, &doc, &LEXICON);
    let flags = slant::score::flags::flag_article(0, &article, &doc, &quotes, &LEXICON);
    for f in &flags {
        check_span(&article.body, f.span, "flag")?;
        check_sentence(&doc, f.sentence, "flag")?;
        if !(0.0..=1.0).contains(&f.weight) {
            return Err(format!("flag weight {} out of 0..=1", f.weight));
        }
    }
    Ok(())
}

fn compare(data: &[u8]) -> Result<(), String> {
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len() / 2);
    let (first, second) = data.split_at(cut);
    let second = second.strip_prefix(&[0]).unwrap_or(second);
    let articles: Vec<Article> = [("one", first), ("two", second)]
        .into_iter()
        .map(|(id, bytes)| article(id, bytes))
        .filter(|a| !a.body.trim().is_empty())
        .collect();
    let story = Story::build(articles);
    let mut seen = std::collections::BTreeSet::new();
    for unit in &story.alignment.units {
        for m in &unit.members {
            let sentences = story.docs.get(m.article).map_or(0, |d| d.sentences.len());
            if m.sentence >= sentences {
                return Err(format!(
                    "unit {} names a sentence that does not exist",
                    unit.id
                ));
            }
            if !seen.insert((m.article, m.sentence)) {
                return Err(format!(
                    "sentence {} of article {} is in two units",
                    m.sentence, m.article
                ));
            }
        }
    }
    for f in &story.flags {
        check_span(&story.articles[f.article].body, f.span, "flag")?;
    }
    let mut sink = Vec::new();
    let failed = |what: &str, e: &dyn std::fmt::Display| format!("{what} report failed: {e}");
    slant::report::csv::articles(&story, &mut sink).map_err(|e| failed("articles", &e))?;
    slant::report::csv::copies(&story, &mut sink).map_err(|e| failed("copies", &e))?;
    slant::report::csv::alignment(&story, &mut sink).map_err(|e| failed("alignment", &e))?;
    slant::report::csv::substitutions(&story, &mut sink)
        .map_err(|e| failed("substitutions", &e))?;
    slant::report::csv::quotes(&story, &mut sink).map_err(|e| failed("quotes", &e))?;
    slant::report::csv::attributions(&story, &mut sink).map_err(|e| failed("attributions", &e))?;
    slant::report::csv::facts(&story, &mut sink).map_err(|e| failed("facts", &e))?;
    slant::report::score_csv::flags(&story, &story.flags, &mut sink)
        .map_err(|e| failed("flags", &e))?;
    slant::report::json::comparison(&story, &mut sink).map_err(|e| failed("json", &e))?;
    slant::report::markdown::report(&story, &mut sink).map_err(|e| failed("markdown", &e))?;
    slant::report::html::report(&story, &story.flags, &mut sink).map_err(|e| failed("html", &e))?;
    Ok(())
}

/// Sentences and tokens inside the texts, on character boundaries, in order.
fn check_doc(article: &Article, doc: &Doc) -> Result<(), String> {
    let mut last = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(&article.body, s.span, "sentence")?;
        check_span(&doc.text, s.norm, "normalized sentence")?;
        if s.index != i {
            return Err(format!("sentence {i} carries index {}", s.index));
        }
        if s.norm.start < last {
            return Err(format!("sentence {i} starts before the previous one ends"));
        }
        last = s.norm.end;
        if s.tokens.end > doc.tokens.len() || s.tokens.start > s.tokens.end {
            return Err(format!("sentence {i} names tokens that do not exist"));
        }
    }
    for t in &doc.tokens {
        check_span(&doc.text, t.norm, "token")?;
        check_span(&article.body, t.span, "token in the body")?;
        check_sentence(doc, t.sentence, "token")?;
    }
    Ok(())
}

/// A span inside `text` and on character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what} span {span:?} outside a text of {} bytes",
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what} span {span:?} cuts a character"));
    }
    Ok(())
}

fn check_sentence(doc: &Doc, sentence: usize, what: &str) -> Result<(), String> {
    if sentence >= doc.sentences.len() {
        return Err(format!(
            "{what} in sentence {sentence} of {}",
            doc.sentences.len()
        ));
    }
    Ok(())
}

/// Seed inputs for `target` from the project's fixtures and test pages (under `root`).
pub fn seeds(root: &Path, target: &str) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["fixtures", "tests/pages"] {
        collect(&root.join(dir), &mut files);
    }
    files.sort();
    let mut out = Vec::new();
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if target == "ingest" {
            if let Some(kind) = KINDS.iter().position(|k| *k == ext) {
                let mut seed = vec![kind as u8];
                seed.extend_from_slice(&bytes);
                out.push(seed);
            }
            if ext == "txt" {
                let text = String::from_utf8_lossy(&bytes);
                let text = serde_json::to_string(text.as_ref()).unwrap_or_default();
                let record = format!("{{\"id\": \"x\", \"text\": {text}}}");
                out.push([&[2u8][..], record.as_bytes()].concat());
                out.push(
                    [
                        &[3u8][..],
                        record.as_bytes(),
                        b"\n",
                        record.as_bytes(),
                        b"\n",
                    ]
                    .concat(),
                );
            }
        } else if ext == "txt" || ext == "html" {
            out.push(bytes);
        }
    }
    if target == "compare" {
        let texts = out.clone();
        for pair in texts.windows(2) {
            out.push([&pair[0][..], &[0u8][..], &pair[1][..]].concat());
        }
    }
    out
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path
            .extension()
            .is_some_and(|e| matches!(e.to_str(), Some("txt" | "html" | "json" | "jsonl")))
        {
            files.push(path);
        }
    }
}
