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
use std::collections::HashMap;

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
    /// Every speaker named by name or as a group so far, in text order, for a bare group noun
    /// that points back ("Russia's defence ministry said ... the ministry added").
    bodies: Vec<String>,
    /// The last speaker that is a person or organisation named by name.
    last_named: Option<String>,
    /// The last speaker of any kind.
    last_any: Option<String>,
    /// Whether `named` is in order of position (so a binary search finds those before a place).
    named_in_order: bool,
    /// Indexes into `named` of the names of more than one word, by their last word (singular,
    /// lower case): the bodies a group noun may point back at.
    named_by_head: HashMap<String, Vec<usize>>,
    /// Indexes into `named` of the people named with a role, by role family.
    named_by_role: HashMap<String, Vec<usize>>,
    /// The latest entry of `bodies` of more than one word, by its last word (as above).
    body_by_head: HashMap<String, usize>,
}

/// What a body's name is looked up by: its last word, lower case and singular; `None` for a
/// one-word name (a group noun points back only at a name of more than one word).
fn head_key(name: &str) -> Option<String> {
    let mut words = name.split_whitespace();
    let last = words.next_back()?;
    words.next_back()?;
    Some(singular(&last.to_lowercase()))
}

fn singular(word: &str) -> String {
    word.trim_end_matches('s').to_string()
}

/// The role family a named role is filed under: that of its last word.
fn office_key(role: &str) -> &str {
    role_family(role.split(' ').next_back().unwrap_or_default())
}

/// The one word a role is compared by: `spokesman`, `spokeswoman` and `spokesperson` are one
/// role.
fn role_family(role: &str) -> &str {
    if role.starts_with("spokes") {
        "spokesperson"
    } else {
        role
    }
}

/// Words of a role phrase that narrow who is meant (`Kremlin` in `Kremlin spokesman`,
/// `Alden` in `mayor of Alden`), lower case.
fn modifiers(mention: &Mention) -> Vec<String> {
    mention
        .phrase
        .split_whitespace()
        .map(|w| w.trim_end_matches("'s").to_lowercase())
        .filter(|w| {
            !matches!(w.as_str(), "of" | "the" | "a" | "an" | "for")
                && role_family(w) != role_family(&mention.text)
                && !super::words::TITLES.contains(w.as_str())
        })
        .collect()
}

impl Memory {
    /// The memory of an article whose names are `named` (in text order), before any speaker.
    fn new(named: Vec<(usize, Mention)>) -> Self {
        let mut named_by_head: HashMap<String, Vec<usize>> = HashMap::new();
        let mut named_by_role: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (_, m)) in named.iter().enumerate() {
            if let Some(key) = head_key(&m.text) {
                named_by_head.entry(key).or_default().push(i);
            }
            for role in &m.roles {
                let list = named_by_role
                    .entry(office_key(role).to_string())
                    .or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Self {
            named_in_order: named.windows(2).all(|w| w[0].0 <= w[1].0),
            named,
            named_by_head,
            named_by_role,
            ..Self::default()
        }
    }

    /// How many of `named` can come before `before`: those are all in `named[..k]`.
    fn named_before(&self, before: usize) -> usize {
        if self.named_in_order {
            self.named.partition_point(|m| m.0 < before)
        } else {
            self.named.len()
        }
    }

    /// Of the entries of `named` listed in `list` (ascending), those in `named[..k]`.
    fn listed_before(list: &[usize], k: usize) -> &[usize] {
        &list[..list.partition_point(|&i| i < k)]
    }

    fn remember_body(&mut self, name: &str) {
        if let Some(key) = head_key(name) {
            self.body_by_head.insert(key, self.bodies.len());
        }
        self.bodies.push(name.to_string());
    }

    /// The person named with `role` before `before` (else anywhere in the article) whose
    /// phrase has every one of `narrowing`.
    fn role(&self, role: &str, narrowing: &[String], before: usize) -> Option<String> {
        let family = role_family(role);
        // A named role fits when it is the same, or the same with a word that does not make
        // another office of it ("foreign minister" for "the minister"; not "vice president"
        // for "the president").
        let same_office = |named: &str| {
            let named_words: Vec<&str> = named.split(' ').collect();
            let Some((last, rest)) = named_words.split_last() else {
                return false;
            };
            role_family(last) == family
                && !rest.iter().any(|w| {
                    matches!(
                        *w,
                        "vice" | "deputy" | "former" | "acting" | "assistant" | "ex"
                    )
                })
        };
        let fits = |m: &&(usize, Mention)| {
            let phrase = m.1.phrase.to_lowercase();
            m.1.roles.iter().any(|r| same_office(r))
                && narrowing.iter().all(|w| phrase.contains(w.as_str()))
        };
        // Only names with a role of this family can fit.
        let list = self
            .named_by_role
            .get(family)
            .map_or(&[][..], Vec::as_slice);
        let k = self.named_before(before);
        Self::listed_before(list, k)
            .iter()
            .rev()
            .map(|&i| &self.named[i])
            .filter(|m| m.0 < before)
            .find(fits)
            .or_else(|| list.iter().map(|&i| &self.named[i]).find(fits))
            .map(|m| m.1.text.clone())
    }

    /// The latest body named before `before` whose last word is `head` ("ministry"): a
    /// speaker, else any name of the article.
    fn body(&self, head: &str, before: usize) -> Option<String> {
        // Names are filed by their last word, so only those that fit are looked at.
        let key = singular(head);
        if let Some(&i) = self.body_by_head.get(&key) {
            return Some(self.bodies[i].clone());
        }
        let list = self.named_by_head.get(&key).map_or(&[][..], Vec::as_slice);
        Self::listed_before(list, self.named_before(before))
            .iter()
            .rev()
            .map(|&i| &self.named[i])
            .find(|m| m.0 < before)
            .map(|m| m.1.text.clone())
    }

    /// The latest name of the article before `before` that is not a place: who a document
    /// with no owner was issued by, when no one has spoken yet.
    fn last_named_body(&self, before: usize) -> Option<String> {
        self.named[..self.named_before(before)]
            .iter()
            .rev()
            .filter(|m| m.0 < before)
            .find(|m| crate::wordlists::names::lookup(&m.1.text).is_none_or(|n| !n.kind.is_place()))
            .map(|m| m.1.text.clone())
    }
}

/// Ties each verb to a speaker.
pub fn tie(words: &Words<'_>, sentences: usize, hits: Vec<VerbHit>) -> Vec<Said> {
    let mut named = Vec::new();
    for s in 0..sentences {
        for m in speakers::names_in_sentence(words, s) {
            named.push((m.span.start, m));
        }
    }
    let mut memory = Memory::new(named);
    let mut out: Vec<Said> = Vec::with_capacity(hits.len());
    for verb in hits {
        let sentence = words.list[verb.first].sentence;
        let at = words.list[verb.first].norm.start;
        let mention = mention_for(words, &verb);
        // `the statement reads`: only a document "reads".
        if matches!(verb.cue.as_str(), "read" | "reads")
            && mention
                .as_ref()
                .is_none_or(|m| m.kind != MentionKind::Document)
        {
            continue;
        }
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
        // An agency that reports is the reporter, not a speaker ("Reuters reported", "according
        // to AFP", "news agency TASS said").
        if resolved.as_deref().is_some_and(names_agency) && reports_only(&verb.cue) {
            resolved = None;
            mention_span = None;
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
            if mention
                .as_ref()
                .is_some_and(|m| matches!(m.kind, MentionKind::Name | MentionKind::Group))
            {
                memory.remember_body(name);
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

/// Verbs by which an agency only passes news on.
fn reports_only(cue: &str) -> bool {
    matches!(
        cue,
        "according to" | "said" | "says" | "say" | "reported" | "reports" | "report" | "reporting"
    )
}

/// Whether a speaker names a news agency ("Reuters", "the RIA Novosti news agency", "state
/// news agency TASS").
fn names_agency(name: &str) -> bool {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "news" | "agency" | "state" | "wire" | "service" | "the"
            )
        })
        .collect();
    !words.is_empty() && crate::wordlists::is_news_agency(&words.join(" "))
}

/// `... and said`, `... but added`: a second verb of the same subject.
fn follows_and(words: &Words<'_>, first: usize) -> bool {
    first > 0 && words.joined(first - 1) && matches!(words.list[first - 1].lower, "and" | "but")
}

/// The phrase opening sentence `s`, when it names a speaker (`U.S. Central Command put ...`),
/// or opening its main clause after a short adverbial (`At the same time, the army released
/// footage and said ...`).
fn sentence_subject(words: &Words<'_>, s: usize) -> Option<Mention> {
    let range = words.sentence(s);
    subject_at(words, range.start, range.end).or_else(|| {
        let comma = (range.start..(range.start + 8).min(range.end))
            .find(|&i| words.gap_after(i).is_some_and(|g| g.trim() == ","))?;
        (comma + 1 < range.end).then(|| subject_at(words, comma + 1, range.end))?
    })
}

fn subject_at(words: &Words<'_>, start: usize, end: usize) -> Option<Mention> {
    let range = start..end;
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

/// Phrases after "reported by X" that name X's own source: "with reference to", "citing".
const CITING: &[&[&str]] = &[
    &["citing"],
    &["quoting"],
    &["referring", "to"],
    &["with", "reference", "to"],
];

/// The phrase naming the speaker of `verb`: after it when it follows a quotation (`"...,"
/// said X`), opens the sentence, is `according to`, or closes a clause after a comma (`...,
/// report local officials.`); the source cited after "reported by X"; otherwise before it.
fn mention_for(words: &Words<'_>, verb: &VerbHit) -> Option<Mention> {
    let sentence = words.sentence(words.list[verb.first].sentence);
    if verb.cue == "according to" {
        return speakers::after(words, verb.last);
    }
    if verb.cue == super::verbs::SOURCE_LABEL {
        return (verb.last + 1 < sentence.end)
            .then(|| speakers::starting_at(words, verb.last + 1))
            .flatten();
    }
    if verb.cue.starts_with("told") || verb.cue.starts_with("tell") {
        // The words after `told` name who was told.
        return speakers::before(words, verb.first);
    }
    if verb.cue.starts_with("report")
        && verb.last + 1 < sentence.end
        && words.list[verb.last + 1].lower == "by"
        && words.joined(verb.last)
    {
        return reported_by(words, verb.last + 1, sentence.end);
    }
    let gap_before = (verb.first > sentence.start)
        .then(|| words.gap_after(verb.first - 1))
        .flatten();
    let after_quote = gap_before.is_some_and(|g| g.contains('"') || g.contains('\''))
        || verb.first == sentence.start;
    if after_quote {
        return speakers::after(words, verb.last).or_else(|| speakers::before(words, verb.first));
    }
    if gap_before.is_some_and(|g| g.contains(',')) {
        // `..., report local officials.`, `..., said Jane Roe, who ...`: the phrase after the
        // verb closes the clause.
        if let Some(m) = speakers::after(words, verb.last) {
            let last = words.list.partition_point(|w| w.norm.end <= m.span.end);
            let closes = last >= sentence.end
                || words
                    .gap_after(last - 1)
                    .is_none_or(|g| g.contains([',', ';', '.']));
            if closes && matches!(m.kind, MentionKind::Name | MentionKind::Group) {
                return Some(m);
            }
        }
    }
    speakers::before(words, verb.first)
}

/// "reported by X": X, or the source X cites ("with reference to Y", "citing Y").
fn reported_by(words: &Words<'_>, by: usize, end: usize) -> Option<Mention> {
    let reporter = speakers::after(words, by);
    for i in by + 1..end {
        for phrase in CITING {
            let matches = phrase.iter().enumerate().all(|(n, part)| {
                words
                    .list
                    .get(i + n)
                    .is_some_and(|w| w.lower == *part && w.sentence == words.list[by].sentence)
            });
            if matches
                && i + phrase.len() < end
                && let Some(source) = speakers::starting_at(words, i + phrase.len())
            {
                return Some(source);
            }
        }
    }
    reporter
}

fn resolve(mention: &Mention, at: usize, memory: &Memory) -> Option<String> {
    match mention.kind {
        MentionKind::Name => Some(mention.text.clone()),
        MentionKind::Group => {
            // A bare noun with "the" points back at the body named before ("the ministry").
            let bare = !mention.text.contains(' ') && !mention.indefinite;
            Some(
                bare.then(|| memory.body(&mention.text, at))
                    .flatten()
                    .unwrap_or_else(|| mention.text.clone()),
            )
        }
        MentionKind::Role => {
            let found = (!mention.indefinite)
                .then(|| memory.role(&mention.text, &modifiers(mention), at))
                .flatten();
            Some(found.unwrap_or_else(|| mention.phrase.clone()))
        }
        MentionKind::Pronoun => match mention.text.as_str() {
            "he" | "she" => memory.last_named.clone(),
            _ => memory.last_any.clone(),
        },
        MentionKind::Document => {
            if mention.text.is_empty() {
                memory
                    .last_any
                    .clone()
                    .or_else(|| memory.last_named_body(at))
            } else if !mention.text.contains(' ') {
                // `the board's report`: the board named before.
                memory
                    .body(&mention.text, at)
                    .or_else(|| Some(mention.text.clone()))
            } else {
                Some(mention.text.clone())
            }
        }
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
    let before_words = words.last_unquoted_before(range, open);
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
