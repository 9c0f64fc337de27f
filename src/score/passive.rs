//! Agentless passives: "protesters were injured", "arrests were made", "the embassy has been
//! targeted". The sentence says what happened and leaves out who did it; when the doer is
//! known, leaving it out can shield them (the classic "mistakes were made").
//!
//! The rule, on the words of one sentence in the outlet's own text:
//! 1. a form of "be" (`is`, `was`, `were`, `has been`, `may have been`, ...), at most two
//!    adverbs (`was reportedly`), then a past participle from `passive_participles.txt`
//!    (verbs of harm, damage, force and official action);
//! 2. no doer: no `by` in the next few words (`injured by thugs`, `knocked to the ground by
//!    officers`), no `at the hands of`;
//! 3. no cause named: not followed by `in/during/from/after/amid` + a cause noun
//!    (`killed in a drone strike`), and no cause noun earlier in the same sentence (`eight
//!    rockets were fired ... and one soldier was wounded`: the rockets did it) unless the
//!    passive opens a relative clause (`..., who were killed near the airport`), which tells
//!    about someone else; cause nouns are in `passive_causes.txt`;
//! 4. not a toll: no count opening the clause (`at least 39 people were killed`, `dozens
//!    were hurt`): casualty figures are reported in the passive, their cause around them; and
//!    not a purpose (`is used to evacuate`);
//! 5. not hypothetical or denied: no `if`/`unless`/`whether` earlier in the clause (`if any
//!    American is killed` has no doer yet), no `not`/`never`, no `no one`/`nobody` subject;
//! 6. not inside a direct quote: the speaker's phrasing is not the outlet's choice.
//!
//! Known limits: whether the doer is known is world knowledge ("rockets were fired" by
//! unknown launchers is fair; "tear gas was fired" by police who are on the scene is not),
//! so a cause named in the previous sentence does not count, and passives without "be"
//! (headline style: "Protesters injured as ...") are not found.

use crate::extract::quotes::words::list;
use crate::normalize::Token;
use crate::wordlists::WordSet;
use crate::{Doc, Span};
use std::sync::LazyLock;

/// Verbs of harm, damage, force and official action, as past participles.
pub static PARTICIPLES: LazyLock<WordSet> =
    LazyLock::new(|| list(include_str!("passive_participles.txt")));
/// Nouns that name what did the harm (weapons, attacks, accidents).
pub static CAUSES: LazyLock<WordSet> = LazyLock::new(|| list(include_str!("passive_causes.txt")));

/// Forms of "be" that make a passive with a participle.
const BE_FORMS: &[&str] = &["am", "are", "be", "been", "being", "is", "was", "were"];
/// Auxiliaries before `been` / `be` (`has been`, `may have been`, `will be`).
const PERFECT: &[&str] = &["had", "has", "have", "having"];
const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
];
/// Adverbs that may stand between "be" and the participle besides `-ly` words.
const ADVERBS: &[&str] = &[
    "again",
    "all",
    "already",
    "also",
    "both",
    "each",
    "even",
    "first",
    "just",
    "later",
    "often",
    "once",
    "reportedly",
    "since",
    "soon",
    "still",
    "then",
];
const NEGATIONS: &[&str] = &["never", "not"];
/// Words after the participle that name the cause in the next few words.
const CAUSE_PREPOSITIONS: &[&str] = &["after", "amid", "during", "from", "in", "when"];
/// Words that count people in a toll besides numbers (`dozens of people were killed`).
const COUNT_WORDS: &[&str] = &[
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "score",
    "scores",
    "thousand",
    "thousands",
];
/// Participles of a casualty toll.
const TOLL_PARTICIPLES: &[&str] = &[
    "hospitalised",
    "hospitalized",
    "hurt",
    "injured",
    "killed",
    "maimed",
    "wounded",
];
/// How many words before "be" a toll's count may stand (`at least 39 people were killed`).
const TOLL_WINDOW: usize = 6;
const CONDITIONS: &[&str] = &["if", "unless", "whether"];
const NOBODY: &[&str] = &["nobody", "none", "no-one"];
/// Relative pronouns that open a clause about someone else (`that` is left out: it is
/// more often "said that ...").
const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "whom"];
/// How many words after the participle may come before `by` (`knocked to the ground by`).
const AGENT_WINDOW: usize = 5;
/// How many words before "be" are searched for `if` within the clause.
const CONDITION_WINDOW: usize = 8;
/// Most adverbs between "be" and the participle.
const MAX_ADVERBS: usize = 2;

/// One agentless passive: the body span from the first auxiliary to the participle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passive {
    pub sentence: usize,
    pub span: Span,
    /// The participle, lower case.
    pub participle: String,
}

/// The agentless passives of a doc, in text order, outside the `quoted` body spans (the
/// article's direct quotes).
pub fn find(doc: &Doc, quoted: &[Span]) -> Vec<Passive> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let words = Words {
            doc,
            tokens: doc.sentence_tokens(sentence.index),
        };
        for i in 0..words.tokens.len() {
            if let Some(first) = agentless_at(&words, i) {
                let body = Span::new(words.tokens[first].span.start, words.tokens[i].span.end);
                if quoted.iter().any(|q| q.overlaps(body)) {
                    continue;
                }
                out.push(Passive {
                    sentence: sentence.index,
                    span: body,
                    participle: words.tokens[i].text.clone(),
                });
            }
        }
    }
    out
}

/// The words of one sentence with the text between them.
struct Words<'a> {
    doc: &'a Doc,
    tokens: &'a [Token],
}

impl Words<'_> {
    fn lower(&self, i: usize) -> &str {
        &self.tokens[i].text
    }

    /// Only spaces between word `i` and word `i + 1`.
    fn joined(&self, i: usize) -> bool {
        self.gap(i).trim().is_empty()
    }

    /// The text between word `i` and word `i + 1`.
    fn gap(&self, i: usize) -> &str {
        &self.doc.text[self.tokens[i].norm.end..self.tokens[i + 1].norm.start]
    }

    /// Whether a clause break (`,` `;` `:` `(` a dash) stands between word `i` and `i + 1`.
    fn breaks_after(&self, i: usize) -> bool {
        self.gap(i).contains([',', ';', ':', '(', ')', '-', '"'])
    }
}

/// When word `p` is the participle of an agentless passive, the index of its first
/// auxiliary.
fn agentless_at(w: &Words<'_>, p: usize) -> Option<usize> {
    if !PARTICIPLES.contains(w.lower(p)) {
        return None;
    }
    let be = be_before(w, p)?;
    let first = auxiliaries_before(w, be);
    let denied = (be..p).any(|k| NEGATIONS.contains(&w.lower(k)));
    let nobody = first > 0
        && (NOBODY.contains(&w.lower(first - 1))
            || (first > 1 && w.lower(first - 2) == "no" && w.lower(first - 1) == "one"));
    if denied || nobody || is_hypothetical(w, first) {
        return None;
    }
    let toll = TOLL_PARTICIPLES.contains(&w.lower(p)) && is_toll(w, first);
    if names_doer_after(w, p) || names_cause_before(w, first) || toll {
        return None;
    }
    // "The station is used to evacuate civilians": a purpose, not a deed.
    if w.lower(p) == "used" && p + 1 < w.tokens.len() && w.lower(p + 1) == "to" {
        return None;
    }
    Some(first)
}

/// `At least 39 people were killed`, `another 98 were wounded`, `dozens of people were
/// injured`: a count opens the clause, so the passive reports a toll, the standard form of
/// casualty figures, whose cause the story tells around it.
fn is_toll(w: &Words<'_>, first: usize) -> bool {
    let mut k = first;
    for _ in 0..TOLL_WINDOW {
        if k == 0 || w.breaks_after(k - 1) {
            return false;
        }
        k -= 1;
        let token = &w.tokens[k];
        if token.kind == crate::normalize::TokenKind::Number
            || COUNT_WORDS.contains(&token.text.as_str())
        {
            return true;
        }
    }
    false
}

/// The index of the form of "be" before participle `p` (over at most two adverbs).
fn be_before(w: &Words<'_>, p: usize) -> Option<usize> {
    let mut k = p;
    for _ in 0..=MAX_ADVERBS {
        k = k.checked_sub(1)?;
        if !w.joined(k) {
            return None;
        }
        let word = w.lower(k);
        if BE_FORMS.contains(&word) {
            return Some(k);
        }
        let adverb = ADVERBS.contains(&word)
            || NEGATIONS.contains(&word)
            || (word.len() > 4 && word.ends_with("ly"));
        if !adverb {
            return None;
        }
    }
    None
}

/// The first auxiliary of the verb group ending with "be" at `be`: `has been` → `has`,
/// `may have been` → `may`, `will be` → `will`.
fn auxiliaries_before(w: &Words<'_>, be: usize) -> usize {
    let mut first = be;
    let joined_word =
        |k: usize, set: &[&str]| k > 0 && w.joined(k - 1) && set.contains(&w.lower(k - 1));
    match w.lower(be) {
        "been" if joined_word(first, PERFECT) => {
            first -= 1;
            if joined_word(first, MODALS) {
                first -= 1;
            }
        }
        "been" if joined_word(first, MODALS) => first -= 1,
        "be" if joined_word(first, MODALS) => first -= 1,
        _ => {}
    }
    first
}

/// `if any American is killed`: a condition opens the clause.
fn is_hypothetical(w: &Words<'_>, first: usize) -> bool {
    let mut k = first;
    for _ in 0..CONDITION_WINDOW {
        if k == 0 || w.breaks_after(k - 1) {
            return false;
        }
        k -= 1;
        if CONDITIONS.contains(&w.lower(k)) {
            return true;
        }
    }
    false
}

/// `injured by thugs`, `at the hands of police`, `killed in a drone strike`.
fn names_doer_after(w: &Words<'_>, p: usize) -> bool {
    let end = (p + 1 + AGENT_WINDOW).min(w.tokens.len());
    for k in p + 1..end {
        let word = w.lower(k);
        if word == "by" {
            return true;
        }
        if word == "hands" && k >= 2 && w.lower(k - 1) == "the" && w.lower(k - 2) == "at" {
            return true;
        }
        if CAUSE_PREPOSITIONS.contains(&word) {
            let stop = (k + 5).min(w.tokens.len());
            if (k + 1..stop).any(|j| CAUSES.contains(w.lower(j))) {
                return true;
            }
        }
    }
    false
}

/// A cause noun earlier in the sentence, unless the passive opens a relative clause.
fn names_cause_before(w: &Words<'_>, first: usize) -> bool {
    if first > 0 && RELATIVE_PRONOUNS.contains(&w.lower(first - 1)) {
        return false;
    }
    (0..first).any(|k| CAUSES.contains(w.lower(k)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, normalize};

    fn passives(text: &str) -> Vec<String> {
        let article = Article::from_text("t", text);
        let doc = normalize(&article);
        find(&doc, &[])
            .into_iter()
            .map(|p| article.body[p.span.range()].to_string())
            .collect()
    }

    #[test]
    fn word_lists_are_sorted_and_unique() {
        for (name, text) in [
            (
                "passive_participles.txt",
                include_str!("passive_participles.txt"),
            ),
            ("passive_causes.txt", include_str!("passive_causes.txt")),
        ] {
            let lines: Vec<&str> = crate::extract::quotes::words::data_lines(text).collect();
            for pair in lines.windows(2) {
                assert!(pair[0] < pair[1], "{name}: {pair:?} not sorted or repeated");
            }
            for line in lines {
                assert_eq!(line, line.to_lowercase(), "{name}: lower case only");
            }
        }
    }

    #[test]
    fn flags_passives_that_leave_out_the_doer() {
        for (text, want) in [
            ("Several protesters were hurt on Friday.", "were hurt"),
            (
                "The US Embassy has been targeted several times.",
                "has been targeted",
            ),
            (
                "She said mistakes may have been made.",
                "may have been made",
            ),
            ("About two dozen arrests were made.", "were made"),
            ("Tear gas was fired outside City Hall.", "was fired"),
            ("Windows were badly smashed.", "were badly smashed"),
            (
                "The rockets struck days before the anniversary of the deaths of two men, who were killed near the airport.",
                "were killed",
            ),
        ] {
            assert_eq!(passives(text), [want], "{text}");
        }
    }

    #[test]
    fn leaves_alone_passives_with_a_doer_or_cause() {
        for text in [
            "Four officers were injured by thugs throwing bottles.",
            "A grandmother was reportedly knocked to the ground by officers.",
            "Two men were killed at the hands of the militia.",
            "He was killed in a U.S. drone strike near the airport.",
            "Al-Muhandis was also killed in the strike.",
            "The military said eight rockets were fired and that one soldier was wounded.",
            "Eight Katyusha rockets were fired at the Green Zone.",
            "At least 39 people were killed and 87 wounded on Friday.",
            "Another 98 were wounded, officials said.",
            "Dozens of people were injured.",
            "Two guards were killed when a shell hit the gate.",
            "The station is used to evacuate civilians.",
        ] {
            assert!(passives(text).is_empty(), "{text}: {:?}", passives(text));
        }
    }

    #[test]
    fn leaves_alone_hypothetical_denied_and_other_verbs() {
        for text in [
            "He will hold Iran responsible if any American is killed in Iraq.",
            "No one was injured in the blast.",
            "Nobody was hurt.",
            "The protesters were not arrested.",
            "The defense system was activated during the night.",
            "The accusations were aimed at stirring up tension.",
            "The police injured eleven protesters.",
            "The broken glass was replaced.",
        ] {
            assert!(passives(text).is_empty(), "{text}: {:?}", passives(text));
        }
    }

    #[test]
    fn passives_inside_direct_quotes_are_the_speakers() {
        let text = "\"We were met with gas and batons,\" said Tomas Reyes.";
        let article = Article::from_text("t", text);
        let doc = normalize(&article);
        let (quotes, _) = crate::extract::quotes::extract(
            0,
            &article,
            &doc,
            &crate::score::lexicon::Lexicon::default_english(),
        );
        // `met` is not a verb of harm, so try one that is.
        assert!(quotes.len() == 1 && find(&doc, &[]).is_empty());
        let text = "\"We were beaten,\" said Tomas Reyes.";
        let article = Article::from_text("t", text);
        let doc = normalize(&article);
        let (quotes, _) = crate::extract::quotes::extract(
            0,
            &article,
            &doc,
            &crate::score::lexicon::Lexicon::default_english(),
        );
        assert_eq!(quotes.len(), 1);
        let quoted: Vec<Span> = quotes.iter().map(|q| q.span).collect();
        assert!(find(&doc, &quoted).is_empty());
        assert_eq!(find(&doc, &[]).len(), 1);
    }
}
