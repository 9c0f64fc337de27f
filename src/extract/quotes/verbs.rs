//! Reporting verbs in running text: the forms in `speech_verbs.txt` and the lexicon's
//! `attribution-*` entries, outside quotations, not used as nouns (`the claims`, `a tweet`) and
//! not in another sense the lexicon guards against (`claimed responsibility`).

use super::words::{Words, data_lines};
use crate::score::lexicon::Lexicon;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

static SPEECH_VERBS: LazyLock<BTreeSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("speech_verbs.txt")).collect());

/// Whether `word` (lower case) is one of the built-in one-word reporting verb forms
/// (`said`, `confirmed`, `warns`), whatever its use in the sentence.
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

/// Words that make the next word a noun (`the claim`, `his tweet`).
const NOUN_MARKERS: &[&str] = &[
    "a", "an", "any", "her", "his", "its", "many", "my", "no", "other", "our", "several", "some",
    "such", "the", "their", "these", "this", "those", "whose", "your",
];

/// Verbs that mean "say more" only when speech follows (`added that`, `added: "..."`), not
/// `the company added 300 jobs`.
const NEED_SPEECH_AFTER: &[&str] = &["add", "added", "adding", "adds"];

/// Verbs of naming that report speech only when the name given follows them as a quotation
/// or after "as" (`called the verdict "a turning point"`, `termed the blast as genocide`), not
/// `called the police`.
const NEED_LABEL_AFTER: &[&str] = &[
    "call",
    "called",
    "calling",
    "calls",
    "dubbed",
    "dubbing",
    "dubs",
    "labeled",
    "labeling",
    "labelled",
    "labelling",
    "labels",
    "termed",
    "terming",
];

/// A naming verb gives its label within this many words.
const LABEL_WINDOW: usize = 8;

/// One reporting verb found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbHit {
    /// First and last word (a multi-word verb: `according to`, `pointed out`).
    pub first: usize,
    pub last: usize,
    /// The verb as written, lower case, words joined by one space.
    pub cue: String,
}

impl VerbHit {
    /// `saying`, `adding`: a participle whose speaker is the clause's subject.
    pub fn is_participle(&self) -> bool {
        self.first == self.last && self.cue.ends_with("ing")
    }
}

/// The reporting verb forms, by first word.
#[derive(Debug)]
pub struct VerbIndex {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl VerbIndex {
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        let forms = SPEECH_VERBS
            .iter()
            .copied()
            .chain(lexicon.attribution_forms());
        for form in forms {
            let parts: Vec<String> = form.split_whitespace().map(str::to_string).collect();
            if let Some(first) = parts.first() {
                let slot = by_first.entry(first.clone()).or_default();
                if !slot.contains(&parts) {
                    slot.push(parts);
                }
            }
        }
        // Longest forms first, so `pointed out` wins over a lone `pointed`.
        for forms in by_first.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        }
        Self { by_first }
    }

    /// The reporting verbs of the doc, in text order.
    pub fn find(&self, words: &Words<'_>, lexicon: &Lexicon) -> Vec<VerbHit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.verb_at(words, lexicon, i) {
                Some(hit) => {
                    i = hit.last + 1;
                    out.push(hit);
                }
                None => i += 1,
            }
        }
        out
    }

    fn verb_at(&self, words: &Words<'_>, lexicon: &Lexicon, i: usize) -> Option<VerbHit> {
        let w = &words.list[i];
        if w.quote.is_some() {
            return None;
        }
        if is_source_label(words, i) {
            return Some(VerbHit {
                first: i,
                last: i,
                cue: SOURCE_LABEL.to_string(),
            });
        }
        let forms = self.by_first.get(w.lower)?;
        let form = forms.iter().find(|form| {
            form.iter().enumerate().all(|(k, part)| {
                let j = i + k;
                j < words.len()
                    && words.list[j].lower == part
                    && words.list[j].quote.is_none()
                    && (k == 0 || words.joined(j - 1))
            })
        })?;
        let last = i + form.len() - 1;
        let cue = form.join(" ");
        let sentence_start = words.sentence(w.sentence).start;
        if i > sentence_start && words.joined(i - 1) {
            let prev = &words.list[i - 1];
            if NOUN_MARKERS.contains(&prev.lower) || prev.is_possessive() {
                return None;
            }
        }
        let range = w.norm.start..words.list[last].norm.end;
        if lexicon
            .lookup(&cue)
            .any(|entry| entry.guarded(words.text, range.clone()))
        {
            return None;
        }
        if NEED_SPEECH_AFTER.contains(&cue.as_str()) && !speech_follows(words, last) {
            return None;
        }
        if NEED_LABEL_AFTER.contains(&cue.as_str()) && !label_follows(words, last) {
            return None;
        }
        Some(VerbHit {
            first: i,
            last,
            cue,
        })
    }
}

/// The cue of a `Source: X` line that names whose words follow ("Source: Mayor of Alden Jane
/// Roe", then a quotation).
pub const SOURCE_LABEL: &str = "source";

/// `Source:` or `Sources:` opening a sentence.
fn is_source_label(words: &Words<'_>, i: usize) -> bool {
    let w = &words.list[i];
    matches!(w.lower, "source" | "sources")
        && i == words.sentence(w.sentence).start
        && words.gap_after(i).is_some_and(|g| g.trim() == ":")
}

/// Whether a label follows the naming verb ending at word `last` in its sentence: a
/// quotation, or "as", within [`LABEL_WINDOW`] words.
fn label_follows(words: &Words<'_>, last: usize) -> bool {
    let end = words.sentence(words.list[last].sentence).end;
    (last..(last + 1 + LABEL_WINDOW).min(end)).any(|i| {
        words.list[i].quote.is_some()
            || (i > last && words.list[i].lower == "as")
            || words.gap_after(i).is_some_and(|g| g.contains(['"', '\'']))
    })
}

/// Whether speech follows the verb ending at word `last`: punctuation, a quotation, `that`,
/// or the end of the sentence; or a quotation just before it (`"...," he added`).
fn speech_follows(words: &Words<'_>, last: usize) -> bool {
    let sentence = words.list[last].sentence;
    let Some(gap) = words.gap_after(last) else {
        return true;
    };
    if !gap.trim().is_empty() {
        return true;
    }
    let next = &words.list[last + 1];
    if next.quote.is_some() || next.lower == "that" {
        return true;
    }
    // `he added` after a quotation.
    let start = words.sentence(sentence).start;
    let mut k = last;
    while k > start && words.joined(k - 1) {
        k -= 1;
    }
    k > start && words.gap_after(k - 1).is_some_and(|g| g.contains('"'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, normalize};

    fn cues(text: &str) -> Vec<String> {
        let article = Article::from_text("t", text);
        let doc = normalize(&article);
        let words = Words::new(&doc, &[]);
        let lexicon = Lexicon::default_english();
        VerbIndex::new(&lexicon)
            .find(&words, &lexicon)
            .into_iter()
            .map(|h| h.cue)
            .collect()
    }

    #[test]
    fn verbs_and_their_other_uses() {
        assert_eq!(
            cues("Trump claimed in a tweet that it was Iran."),
            ["claimed"]
        );
        assert!(cues("The group claimed responsibility for the attack.").is_empty());
        assert!(cues("The virus claimed the lives of many.").is_empty());
        assert!(cues("His claims were false and the tweet was deleted.").is_empty());
        assert!(cues("The company added 300 jobs.").is_empty());
        assert!(cues("A clerk called the police.").is_empty());
        assert_eq!(
            cues("The mayor called the vote \"a disgrace\"."),
            ["called"]
        );
        assert_eq!(cues("The group termed the fire as arson."), ["termed"]);
        assert_eq!(cues("She added that it was late."), ["added"]);
        assert_eq!(
            cues("Prices rose, according to the agency."),
            ["according to"]
        );
        assert_eq!(
            cues("The teacher pointed out that it was optional."),
            ["pointed out"]
        );
        assert_eq!(
            cues("Source: Mayor of Alden Jane Roe\n\n\"The river rose fast.\""),
            ["source"]
        );
        assert!(cues("The source of the fire was unclear.").is_empty());
        assert_eq!(
            cues("Some reports suggest it was an accident."),
            ["suggest"]
        );
    }
}
