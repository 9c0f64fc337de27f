//! Who speaks: the noun phrase next to a reporting verb, read as a name with its titles
//! removed, a nameless group, a role pointing back at a named person, or a pronoun.
//!
//! - `Iran's Foreign Ministry spokesman Saeed Khatibzadeh said` → name `Saeed Khatibzadeh`,
//!   roles `spokesman` (the name is the run of capitalized words after the last title).
//! - `police said`, `The Iraqi military said` → group `police`, `Iraqi military`.
//! - `the president wrote` → role `president`, resolved to the person last named with it.
//! - `he added` → pronoun, resolved to the previous speaker.

use super::words::{SKIP_WORDS, SPEAKER_NOUNS, TITLES, Words};
use crate::Span;

/// What kind of phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name: a person or an organisation (`Mike Pompeo`, `US Central Command`).
    Name,
    /// A nameless group or body (`police`, `the union`).
    Group,
    /// A role that refers back to a named person (`the president`).
    Role,
    /// `he`, `she`, `they`, `it`, `we`.
    Pronoun,
}

/// A speaker as the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: MentionKind,
    /// The name without titles; the group without its article; the role or pronoun, lower case.
    pub text: String,
    /// The whole phrase, titles included (folded offsets).
    pub span: Span,
    /// Titles and roles written before the name, lower case (`president`, `spokesman`).
    pub roles: Vec<String>,
}

const PRONOUNS: &[&str] = &["he", "it", "she", "they", "we"];
const DETERMINERS: &[&str] = &["a", "an", "the"];
/// Lower-case words inside names: `Mustafa al-Kadhimi`, `Homes for Millbrook`.
const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "du", "el", "for", "ibn", "la", "le", "of", "van",
    "von",
];
/// Capitalized words at a sentence start that are not names.
const NOT_NAMES: &[&str] = &[
    "a",
    "after",
    "an",
    "and",
    "as",
    "at",
    "but",
    "earlier",
    "for",
    "he",
    "her",
    "his",
    "i",
    "if",
    "in",
    "it",
    "its",
    "late",
    "later",
    "meanwhile",
    "now",
    "on",
    "she",
    "so",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "today",
    "we",
    "when",
    "while",
    "yesterday",
];

const MAX_PHRASE: usize = 10;

/// Whether word `i` can stand in a speaker phrase at all.
fn phrase_word(words: &Words<'_>, i: usize) -> bool {
    let w = &words.list[i];
    w.quote.is_none()
        && (w.is_capitalized()
            || TITLES.contains(w.lower)
            || SPEAKER_NOUNS.contains(w.lower)
            || CONNECTORS.contains(&w.lower)
            || DETERMINERS.contains(&w.lower))
}

/// A capitalized word that may be part of a name (not a title, not a sentence-opening word).
fn name_word(words: &Words<'_>, i: usize, first: usize) -> bool {
    let w = &words.list[i];
    w.is_capitalized()
        && !w.is_possessive()
        && !TITLES.contains(w.lower)
        && !SKIP_WORDS.contains(w.lower)
        && !(i == first && (NOT_NAMES.contains(&w.lower) || SPEAKER_NOUNS.contains(w.lower)))
        && !NOT_NAMES.contains(&w.lower)
}

/// The speaker phrase ending just before the verb at word `verb` (`X said`), skipping adverbs
/// and times between them (`Pompeo also claimed`, `Khatibzadeh on Monday rejected`) and an
/// apposition set off by commas (`Priya Nandakumar, a crane operator, said`).
pub fn before(words: &Words<'_>, verb: usize) -> Option<Mention> {
    let first = words.sentence(words.list[verb].sentence).start;
    if verb == first {
        return None;
    }
    let mut k = verb - 1;
    if !words.joined(k) {
        let gap = words.gap_after(k)?;
        if gap.trim() == "," {
            return apposition(words, k, first);
        }
        return None;
    }
    while SKIP_WORDS.contains(words.list[k].lower)
        || (words.list[k].lower.ends_with("ly") && !words.list[k].is_capitalized())
    {
        if k == first || !words.joined(k - 1) {
            return None;
        }
        k -= 1;
    }
    phrase_ending_at(words, k, first)
}

/// `Priya Nandakumar, a crane operator and union member, said`: the name before the first comma.
fn apposition(words: &Words<'_>, comma_word: usize, first: usize) -> Option<Mention> {
    let lo = comma_word.saturating_sub(12).max(first);
    let end = (lo..comma_word)
        .rev()
        .find(|&i| words.gap_after(i).is_some_and(|g| g.trim() == ","))?;
    let mention = phrase_ending_at(words, end, first)?;
    (mention.kind == MentionKind::Name).then_some(mention)
}

/// The speaker phrase whose last word is `k`.
pub fn phrase_ending_at(words: &Words<'_>, k: usize, first: usize) -> Option<Mention> {
    let head = &words.list[k];
    if head.quote.is_some() || head.is_possessive() {
        return None;
    }
    if PRONOUNS.contains(&head.lower) {
        return Some(Mention {
            kind: MentionKind::Pronoun,
            text: head.lower.to_string(),
            span: head.norm,
            roles: Vec::new(),
        });
    }
    if !phrase_word(words, k)
        || DETERMINERS.contains(&head.lower)
        || CONNECTORS.contains(&head.lower)
    {
        return None;
    }
    let mut a = k;
    while a > first && k - a < MAX_PHRASE && words.joined(a - 1) && phrase_word(words, a - 1) {
        a -= 1;
        if DETERMINERS.contains(&words.list[a].lower) {
            break;
        }
    }
    interpret(words, a, k, first)
}

/// The speaker phrase starting just after the verb ending at word `last` (`said Tomas Reyes`,
/// `according to organizers`).
pub fn after(words: &Words<'_>, last: usize) -> Option<Mention> {
    let sentence = words.sentence(words.list[last].sentence);
    if last + 1 >= sentence.end || !words.joined(last) {
        return None;
    }
    let a = last + 1;
    let first = sentence.start;
    let mut k = a;
    if !phrase_word(words, k) {
        return None;
    }
    while k + 1 < sentence.end
        && k + 1 - a < MAX_PHRASE
        && words.joined(k)
        && phrase_word(words, k + 1)
    {
        // A determiner or a title after a name starts another phrase.
        if name_word(words, k, first)
            && (DETERMINERS.contains(&words.list[k + 1].lower)
                || !words.list[k + 1].is_capitalized()
                    && !CONNECTORS.contains(&words.list[k + 1].lower))
        {
            break;
        }
        k += 1;
    }
    // Drop connectors and determiners left dangling at the end.
    while k > a
        && (CONNECTORS.contains(&words.list[k].lower) || DETERMINERS.contains(&words.list[k].lower))
    {
        k -= 1;
    }
    if words.list[k].is_possessive() {
        return None;
    }
    interpret(words, a, k, first)
}

/// Reads the phrase `a..=k` as a speaker.
fn interpret(words: &Words<'_>, a: usize, k: usize, first: usize) -> Option<Mention> {
    let text = words.text;
    let span = Span::new(words.list[a].norm.start, words.list[k].norm.end);
    // The name: the capitalized words at the end, connectors allowed between them.
    let mut r = k + 1;
    while r > a {
        let i = r - 1;
        let inner_connector = CONNECTORS.contains(&words.list[i].lower)
            && i > a
            && name_word(words, i - 1, first)
            && r <= k;
        if !(name_word(words, i, first) || inner_connector) {
            break;
        }
        r = i;
    }
    let roles = |upto: usize| -> Vec<String> {
        (a..upto)
            .map(|i| words.list[i].lower)
            .filter(|w| TITLES.contains(w) || SPEAKER_NOUNS.contains(w))
            .map(str::to_string)
            .collect()
    };
    if r <= k {
        let name = clean_name(&text[words.list[r].norm.start..words.list[k].norm.end]);
        return Some(Mention {
            kind: MentionKind::Name,
            text: name,
            span,
            roles: roles(r),
        });
    }
    let head = words.list[k].lower;
    if TITLES.contains(head) && !SPEAKER_NOUNS.contains(head) {
        return Some(Mention {
            kind: MentionKind::Role,
            text: head.to_string(),
            span,
            roles: roles(k + 1),
        });
    }
    if SPEAKER_NOUNS.contains(head) {
        let start = (a..=k)
            .find(|&i| {
                !DETERMINERS.contains(&words.list[i].lower) && !words.list[i].is_possessive()
            })
            .unwrap_or(k);
        let mut group = text[words.list[start].norm.start..words.list[k].norm.end].to_string();
        if start == first
            || !words.list[start].is_capitalized()
            || SPEAKER_NOUNS.contains(words.list[start].lower)
        {
            group = lower_first(&group);
        }
        return Some(Mention {
            kind: MentionKind::Group,
            text: group,
            span,
            roles: Vec::new(),
        });
    }
    None
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

/// A name as reports show it: white space collapsed, `U.S.` written `US`.
pub fn clean_name(raw: &str) -> String {
    let joined = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .split(' ')
        .map(|w| match w {
            "U.S." | "U.S" => "US",
            "U.K." | "U.K" => "UK",
            "U.N." | "U.N" => "UN",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every name in sentence `s` with the titles before it, for resolving roles and surnames
/// later in the article (`U.S. President Donald Trump` → `Donald Trump`, roles `president`).
pub fn names_in_sentence(words: &Words<'_>, s: usize) -> Vec<Mention> {
    let range = words.sentence(s);
    let first = range.start;
    let mut out = Vec::new();
    for i in range.clone() {
        let ends_run = name_word(words, i, first)
            && words.list[i].quote.is_none()
            && !(i + 1 < range.end
                && words.joined(i)
                && (name_word(words, i + 1, first)
                    || (CONNECTORS.contains(&words.list[i + 1].lower)
                        && i + 2 < range.end
                        && name_word(words, i + 2, first))));
        if !ends_run {
            continue;
        }
        match phrase_ending_at(words, i, first) {
            Some(m) if m.kind == MentionKind::Name => out.push(m),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, normalize};

    fn speaker_before(sentence: &str, verb: &str) -> Option<(MentionKind, String, Vec<String>)> {
        let article = Article::from_text("t", sentence);
        let doc = normalize(&article);
        let words = Words::new(&doc, &[]);
        let v = words.list.iter().position(|w| w.lower == verb)?;
        before(&words, v).map(|m| (m.kind, m.text, m.roles))
    }

    fn name(sentence: &str, verb: &str) -> String {
        speaker_before(sentence, verb)
            .map(|m| m.1)
            .unwrap_or_default()
    }

    #[test]
    fn titles_and_roles_are_removed() {
        assert_eq!(
            name(
                "Iran's Foreign Ministry spokesman Saeed Khatibzadeh said it.",
                "said"
            ),
            "Saeed Khatibzadeh"
        );
        assert_eq!(
            name("US Secretary of State Mike Pompeo said it.", "said"),
            "Mike Pompeo"
        );
        assert_eq!(
            name(
                "U.S. President Donald Trump on Wednesday blamed Iran.",
                "blamed"
            ),
            "Donald Trump"
        );
        assert_eq!(
            name("Police spokesperson Sgt. Dana Kessler said so.", "said"),
            "Dana Kessler"
        );
        assert_eq!(
            name(
                "Iraqi Prime Minister Mustafa al-Kadhimi condemned it.",
                "condemned"
            ),
            "Mustafa al-Kadhimi"
        );
        assert_eq!(
            name("Lieutenant General Qassem Soleimani said so.", "said"),
            "Qassem Soleimani"
        );
        assert_eq!(
            name("U.S. Central Command said so.", "said"),
            "US Central Command"
        );
        let roles = speaker_before("U.S. President Donald Trump said so.", "said")
            .unwrap()
            .2;
        assert_eq!(roles, ["president"]);
    }

    #[test]
    fn groups_roles_and_pronouns() {
        assert_eq!(
            speaker_before("Police said it.", "said").unwrap().1,
            "police"
        );
        assert_eq!(
            speaker_before("The Iraqi military said it.", "said")
                .unwrap()
                .1,
            "Iraqi military"
        );
        let role = speaker_before("Later the president wrote it.", "wrote").unwrap();
        assert_eq!((role.0, role.1.as_str()), (MentionKind::Role, "president"));
        let pronoun = speaker_before("In a second tweet, he wrote it.", "wrote").unwrap();
        assert_eq!(
            (pronoun.0, pronoun.1.as_str()),
            (MentionKind::Pronoun, "he")
        );
        assert_eq!(speaker_before("The attack said it.", "said"), None);
    }

    #[test]
    fn adverbs_times_and_appositions_are_skipped() {
        assert_eq!(name("Pompeo also claimed it.", "claimed"), "Pompeo");
        assert_eq!(
            name("Saeed Khatibzadeh on Monday rejected it.", "rejected"),
            "Saeed Khatibzadeh"
        );
        assert_eq!(
            name(
                "Priya Nandakumar, a crane operator and union member, said so.",
                "said"
            ),
            "Priya Nandakumar"
        );
        assert_eq!(
            name("Homes for Millbrook claimed it.", "claimed"),
            "Homes for Millbrook"
        );
    }

    #[test]
    fn speaker_after_the_verb() {
        let article =
            Article::from_text("t", "\"Yes,\" said council member Victor Hale, who voted.");
        let doc = normalize(&article);
        let words = Words::new(&doc, &[]);
        let v = words.list.iter().position(|w| w.lower == "said").unwrap();
        assert_eq!(after(&words, v).unwrap().text, "Victor Hale");
    }
}
