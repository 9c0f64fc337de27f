//! Tying reporting verbs to speakers, and quotations to reporting verbs.
//!
//! Verbs are read in text order so that a pronoun or a role can point back at the speaker
//! before it: `Trump wrote on Twitter. In a second tweet, he wrote: "..."` → both Trump.
//! Participles take the subject of their clause: `Khatibzadeh dismissed the remarks, saying
//! ...` → Khatibzadeh.

use super::speakers::{self, Mention, MentionKind};
use super::verbs::VerbHit;
use super::words::Words;
use crate::Span;

/// A reporting verb with the speaker it was tied to.
#[derive(Debug, Clone)]
pub struct Said {
    pub verb: VerbHit,
    pub sentence: usize,
    /// The speaker's name, resolved within the article; `None` when none was found.
    pub speaker: Option<String>,
    /// Where the speaker is named (folded offsets): the phrase next to the verb, or for a
    /// pronoun, the pronoun.
    pub mention: Option<Span>,
}

/// What the article has said about people so far, for pronouns and roles.
#[derive(Debug, Default)]
struct Memory {
    /// Every named person with their roles, in text order.
    named: Vec<(usize, Mention)>,
    /// The last speaker that is a person or organisation named by name.
    last_named: Option<String>,
    /// The last speaker of any kind.
    last_any: Option<String>,
}

impl Memory {
    fn role(&self, role: &str, before: usize) -> Option<String> {
        let with_role = |m: &&(usize, Mention)| m.1.roles.iter().any(|r| r == role);
        self.named
            .iter()
            .rev()
            .filter(|m| m.0 < before)
            .find(with_role)
            .or_else(|| self.named.iter().find(with_role))
            .map(|m| m.1.text.clone())
    }
}

/// Ties each verb to a speaker.
pub fn tie(words: &Words<'_>, sentences: usize, hits: Vec<VerbHit>) -> Vec<Said> {
    let mut memory = Memory::default();
    for s in 0..sentences {
        for m in speakers::names_in_sentence(words, s) {
            memory.named.push((m.span.start, m));
        }
    }
    let mut out: Vec<Said> = Vec::with_capacity(hits.len());
    for verb in hits {
        let sentence = words.list[verb.first].sentence;
        let at = words.list[verb.first].norm.start;
        let mention = mention_for(words, &verb);
        let mut resolved = mention.as_ref().and_then(|m| resolve(m, at, &memory));
        let mut mention_span = mention.as_ref().map(|m| m.span);
        if resolved.is_none() && (verb.is_participle() || mention.is_none()) {
            // `..., saying`; `... and said`: the last speaker of the same sentence.
            if let Some(prev) = out
                .iter()
                .rev()
                .take_while(|p| p.sentence == sentence)
                .find(|p| p.speaker.is_some())
            {
                resolved = prev.speaker.clone();
                mention_span = prev.mention;
            } else if verb.is_participle() || follows_and(words, verb.first) {
                // `Central Command put the number at 21 and said ...`: the sentence's subject.
                let subject = sentence_subject(words, sentence);
                mention_span = subject.as_ref().map(|m| m.span);
                resolved = subject
                    .and_then(|m| resolve(&m, at, &memory))
                    .or_else(|| memory.last_any.clone().filter(|_| verb.is_participle()));
            }
        }
        if let Some(name) = &resolved {
            let is_named = mention.as_ref().is_none_or(|m| {
                matches!(
                    m.kind,
                    MentionKind::Name | MentionKind::Role | MentionKind::Pronoun
                )
            });
            if is_named {
                memory.last_named = Some(name.clone());
            }
            memory.last_any = Some(name.clone());
        }
        out.push(Said {
            verb,
            sentence,
            speaker: resolved,
            mention: mention_span,
        });
    }
    out
}

/// `... and said`, `... but added`: a second verb of the same subject.
fn follows_and(words: &Words<'_>, first: usize) -> bool {
    first > 0 && words.joined(first - 1) && matches!(words.list[first - 1].lower, "and" | "but")
}

/// The phrase opening sentence `s`, when it names a speaker (`U.S. Central Command put ...`).
fn sentence_subject(words: &Words<'_>, s: usize) -> Option<Mention> {
    let range = words.sentence(s);
    let mut k = range.start;
    while k + 1 < range.end && words.joined(k) && words.list[k + 1].quote.is_none() {
        let next = &words.list[k + 1];
        let continues = next.is_capitalized()
            || super::words::TITLES.contains(next.lower)
            || super::words::SPEAKER_NOUNS.contains(next.lower)
            || matches!(next.lower, "of" | "al" | "for");
        if !continues {
            break;
        }
        k += 1;
    }
    speakers::phrase_ending_at(words, k, range.start)
        .filter(|m| m.kind != MentionKind::Role || k > range.start)
}

/// The phrase naming the speaker of `verb`: after it when it follows a quotation (`"...,"
/// said X`), opens the sentence, or is `according to`; otherwise before it.
fn mention_for(words: &Words<'_>, verb: &VerbHit) -> Option<Mention> {
    let sentence = words.sentence(words.list[verb.first].sentence);
    if verb.cue == "according to" {
        return speakers::after(words, verb.last);
    }
    if verb.cue.starts_with("told") || verb.cue.starts_with("tell") {
        // The words after `told` name who was told.
        return speakers::before(words, verb.first);
    }
    let after_quote = verb.first > sentence.start
        && words
            .gap_after(verb.first - 1)
            .is_some_and(|g| g.contains('"') || g.contains('\''))
        || verb.first == sentence.start;
    if after_quote {
        speakers::after(words, verb.last).or_else(|| speakers::before(words, verb.first))
    } else {
        speakers::before(words, verb.first)
    }
}

fn resolve(mention: &Mention, at: usize, memory: &Memory) -> Option<String> {
    match mention.kind {
        MentionKind::Name | MentionKind::Group => Some(mention.text.clone()),
        MentionKind::Role => memory
            .role(&mention.text, at)
            .or_else(|| Some(mention.text.clone())),
        MentionKind::Pronoun => match mention.text.as_str() {
            "he" | "she" => memory.last_named.clone(),
            _ => memory.last_any.clone(),
        },
    }
}

/// How a quotation sits in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// Nothing but punctuation or another quotation before it in the sentence.
    pub opens_sentence: bool,
    /// Embedded in the outlet's own words (`dismissed Pompeo's "irresponsible" remarks`,
    /// `said that "..."`), as opposed to introduced by `:` or `,`.
    pub partial: bool,
    /// Right after `so-called`: the outlet's distancing, never a quotation.
    pub so_called: bool,
    /// Right after `X:` with no verb (`Trump: "..."`): the word before the colon.
    pub colon_after: Option<usize>,
}

/// Where the quotation opening at folded offset `open` sits in the sentence `range` (words).
pub fn placement(
    words: &Words<'_>,
    open: usize,
    range: std::ops::Range<usize>,
    sentence_start: usize,
) -> Placement {
    let text = words.text;
    let before_words = range
        .clone()
        .rev()
        .find(|&i| words.list[i].norm.end <= open && words.list[i].quote.is_none());
    let lead = match before_words {
        Some(i) => &text[words.list[i].norm.end..open],
        None => &text[sentence_start.min(open)..open],
    };
    let lead_trim = lead.trim();
    let opens_sentence = before_words.is_none();
    let last_char = lead_trim.chars().next_back();
    let partial = !opens_sentence
        && !matches!(last_char, Some(':' | ',' | '"' | '(' | '-' | ';'))
        && !lead_trim.ends_with("...");
    let so_called = before_words.is_some_and(|i| {
        let w = words.list[i].lower;
        (w == "called" && i > 0 && words.list[i - 1].lower == "so") || w == "so-called"
    }) && lead_trim.is_empty();
    let colon_after = before_words.filter(|_| last_char == Some(':'));
    Placement {
        opens_sentence,
        partial,
        so_called,
        colon_after,
    }
}

/// The reporting verb a quotation belongs to, among `candidates` (indices into `said`, the
/// verbs of the quotation's sentences, with a speaker, in text order).
pub fn pick(
    said: &[Said],
    candidates: &[usize],
    words: &Words<'_>,
    open: usize,
    place: Placement,
) -> Option<usize> {
    let pos = |k: usize| words.list[said[k].verb.first].norm.start;
    let before = candidates.iter().copied().rfind(|&k| pos(k) < open);
    let after = candidates.iter().copied().find(|&k| pos(k) > open);
    if place.opens_sentence {
        after.or(before)
    } else {
        before.or(after)
    }
}
