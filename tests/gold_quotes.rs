//! Quotes, speakers and cue verbs against the hand-made gold (`fixtures/*/gold/quotes.csv`).
//!
//! Matching rule: a predicted quote matches a gold quote of the same article when their texts
//! are equal after normalization (quotation marks and apostrophes folded, white space collapsed,
//! lower case, leading and trailing punctuation trimmed), or when one contains the other and
//! their word overlap (shared words over the longer one's words) is at least 0.8. Each gold
//! quote matches at most one prediction, each prediction at most one gold quote (first come,
//! exact matches before overlapping ones).
//!
//! - quote precision = matched / predicted, recall = matched / gold;
//! - speaker accuracy, over matched quotes: right when the canonical names are equal or share
//!   the surname (last word);
//! - cue accuracy, over matched quotes: the lower-case cue equals the gold cue (empty = empty).
//!
//! Thresholds are the issue's: F1 ≥ 0.95, speaker ≥ 0.90, cue ≥ 0.90, over all stories.
//! `cargo test --test gold_quotes -- --nocapture` prints the figures.

use slant::extract::quotes::{canonicalize_speakers, extract};
use slant::ingest::{ReadOptions, load};
use slant::score::lexicon::Lexicon;
use std::collections::HashMap;
use std::path::Path;

const STORIES: &[&str] = &["baghdad-rockets-2020", "city-hall-protest", "harbor-strike"];

#[derive(Debug, Clone)]
struct Row {
    article: String,
    text: String,
    speaker: String,
    cue: String,
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    predicted: usize,
    gold: usize,
    matched: usize,
    speaker_right: usize,
    cue_right: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.matched += o.matched;
        self.speaker_right += o.speaker_right;
        self.cue_right += o.cue_right;
    }
    fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn speaker(&self) -> f64 {
        ratio(self.speaker_right, self.matched)
    }
    fn cue(&self) -> f64 {
        ratio(self.cue_right, self.matched)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Folded, lower-case, single-spaced, without leading/trailing punctuation.
fn norm(text: &str) -> String {
    let folded = slant::normalize::fold_text(text).to_lowercase();
    let joined = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

fn words(text: &str) -> Vec<String> {
    norm(text)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn overlap_match(a: &str, b: &str) -> bool {
    let (na, nb) = (norm(a), norm(b));
    if !(na.contains(&nb) || nb.contains(&na)) {
        return false;
    }
    let (wa, wb) = (words(a), words(b));
    let longer = wa.len().max(wb.len()).max(1);
    let shared = wa.iter().filter(|w| wb.contains(w)).count().min(wb.len());
    shared as f64 / longer as f64 >= 0.8
}

fn same_speaker(predicted: &str, gold: &str) -> bool {
    let surname = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    predicted == gold || (surname(predicted).is_some() && surname(predicted) == surname(gold))
}

fn read_gold(story: &Path) -> Vec<Row> {
    let mut reader = csv::Reader::from_path(story.join("gold/quotes.csv")).unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Row {
                article: r[0].to_string(),
                text: r[1].to_string(),
                speaker: r[2].to_string(),
                cue: r[3].to_string(),
            }
        })
        .collect()
}

fn predict(story: &Path) -> Vec<Row> {
    let loaded = load(&[story.to_path_buf()], &ReadOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let lexicon = Lexicon::default_english();
    let mut quotes = Vec::new();
    let mut attributions = Vec::new();
    for (i, article) in loaded.articles.iter().enumerate() {
        let doc = slant::normalize(article);
        let (q, a) = extract(i, article, &doc, &lexicon);
        quotes.extend(q);
        attributions.extend(a);
    }
    canonicalize_speakers(&mut quotes, &mut attributions);
    quotes
        .into_iter()
        .map(|q| Row {
            article: loaded.articles[q.article].id.clone(),
            text: q.text,
            speaker: q.speaker.unwrap_or_default(),
            cue: q.cue.unwrap_or_default(),
        })
        .collect()
}

/// Matches predictions to gold rows per article; returns the tally and the unmatched rows.
fn score(gold: &[Row], predicted: &[Row]) -> (Tally, Vec<String>) {
    let mut tally = Tally {
        predicted: predicted.len(),
        gold: gold.len(),
        ..Tally::default()
    };
    let mut notes = Vec::new();
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; predicted.len()];
    let mut pairs: HashMap<usize, usize> = HashMap::new();
    for exact in [true, false] {
        for (g, grow) in gold.iter().enumerate() {
            if gold_used[g] {
                continue;
            }
            let found = predicted.iter().enumerate().position(|(p, prow)| {
                !pred_used[p]
                    && prow.article == grow.article
                    && if exact {
                        norm(&prow.text) == norm(&grow.text)
                    } else {
                        overlap_match(&prow.text, &grow.text)
                    }
            });
            if let Some(p) = found {
                gold_used[g] = true;
                pred_used[p] = true;
                pairs.insert(g, p);
            }
        }
    }
    for (&g, &p) in &pairs {
        let (grow, prow) = (&gold[g], &predicted[p]);
        tally.matched += 1;
        if same_speaker(&prow.speaker, &grow.speaker) {
            tally.speaker_right += 1;
        } else {
            notes.push(format!(
                "speaker {}: {:?} predicted {:?}, gold {:?}",
                grow.article, grow.text, prow.speaker, grow.speaker
            ));
        }
        if prow.cue == grow.cue {
            tally.cue_right += 1;
        } else {
            notes.push(format!(
                "cue {}: {:?} predicted {:?}, gold {:?}",
                grow.article, grow.text, prow.cue, grow.cue
            ));
        }
    }
    for (g, grow) in gold.iter().enumerate() {
        if !gold_used[g] {
            notes.push(format!("missed {}: {:?}", grow.article, grow.text));
        }
    }
    for (p, prow) in predicted.iter().enumerate() {
        if !pred_used[p] {
            notes.push(format!(
                "extra {}: {:?} ({})",
                prow.article, prow.text, prow.speaker
            ));
        }
    }
    notes.sort();
    (tally, notes)
}

#[test]
fn quotes_speakers_and_cues_match_the_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut total = Tally::default();
    println!("story                    gold pred    P     R     F1   speaker  cue");
    for story in STORIES {
        let dir = root.join(story);
        let (tally, notes) = score(&read_gold(&dir), &predict(&dir));
        println!(
            "{story:<24} {:>4} {:>4}  {:.3} {:.3} {:.3}  {:.3}   {:.3}",
            tally.gold,
            tally.predicted,
            tally.precision(),
            tally.recall(),
            tally.f1(),
            tally.speaker(),
            tally.cue()
        );
        for note in notes {
            println!("    {note}");
        }
        total.add(tally);
    }
    println!(
        "{:<24} {:>4} {:>4}  {:.3} {:.3} {:.3}  {:.3}   {:.3}",
        "all",
        total.gold,
        total.predicted,
        total.precision(),
        total.recall(),
        total.f1(),
        total.speaker(),
        total.cue()
    );
    assert!(total.f1() >= 0.95, "quote F1 {:.3} < 0.95", total.f1());
    assert!(
        total.speaker() >= 0.90,
        "speaker accuracy {:.3} < 0.90",
        total.speaker()
    );
    assert!(
        total.cue() >= 0.90,
        "cue accuracy {:.3} < 0.90",
        total.cue()
    );
}

#[test]
fn the_matching_rule() {
    assert_eq!(
        norm("“Iran rejects any attack,”"),
        "iran rejects any attack"
    );
    assert!(overlap_match(
        "We came here to be heard, and we were met",
        "we came here to be heard, and we were met with"
    ));
    assert!(!overlap_match(
        "a fair offer",
        "We have made a fair offer, and the door to talks remains open"
    ));
    assert!(same_speaker("Trump", "Donald Trump"));
    assert!(!same_speaker("", "Donald Trump"));
}
