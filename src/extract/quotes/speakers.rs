//! Who speaks: the noun phrase next to a reporting verb, read as a name with its titles
//! removed, a nameless group, a role pointing back at a named person, or a pronoun.
//!
//! - `Iran's Foreign Ministry spokesman Saeed Khatibzadeh said` → name `Saeed Khatibzadeh`,
//!   roles `spokesman` (the name is the run of capitalized words after the last title).
//! - `police said`, `The Iraqi military said` → group `police`, `Iraqi military`.
//! - `the president wrote` → role `president`, resolved to the person last named with it.
//! - `he added` → pronoun, resolved to the previous speaker.
//! - `the statement said`, `the ministry's statement said` → a document, standing for whoever
//!   issued it (its owner, or the source the article last named).
//! - `the mayor of Kramatorsk said` → role `mayor` of a place, not a speaker named
//!   `Kramatorsk`; `Mayor of Alden Jane Roe said` → name `Jane Roe`.

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
    /// A document standing for whoever issued it (`the statement said`): `text` is its owner
    /// when the phrase names one (`the ministry's statement`), else empty.
    Document,
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
    /// The phrase as a speaker cell shows it when nobody more precise is found: determiners
    /// dropped, modifiers kept (`Kremlin spokesman`, `mayor of Kramatorsk`).
    pub phrase: String,
    /// Opens with `a`, `an` or `one`: someone not named before (`a Kremlin spokesman said`).
    pub indefinite: bool,
}

const PRONOUNS: &[&str] = &["he", "it", "she", "they", "we"];
const DETERMINERS: &[&str] = &["a", "an", "the"];
/// Lower-case words inside names: `Mustafa al-Kadhimi`, `Homes for Millbrook`.
const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "du", "el", "for", "ibn", "la", "le", "of", "van",
    "von",
];
/// Capitalized words that are not names: sentence openers, quantifiers, labels of a page
/// ("Quote:", "Details:"), days and months.
const NOT_NAMES: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "although",
    "amid",
    "an",
    "and",
    "another",
    "any",
    "april",
    "as",
    "at",
    "august",
    "because",
    "both",
    "breaking",
    "but",
    "by",
    "december",
    "despite",
    "details",
    "during",
    "each",
    "earlier",
    "every",
    "february",
    "few",
    "for",
    "friday",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "january",
    "july",
    "june",
    "late",
    "later",
    "many",
    "march",
    "meanwhile",
    "monday",
    "most",
    "no",
    "note",
    "november",
    "now",
    "october",
    "on",
    "one",
    "other",
    "others",
    "quote",
    "reports",
    "said",
    "saturday",
    "says",
    "september",
    "several",
    "she",
    "since",
    "so",
    "some",
    "source",
    "speaking",
    "such",
    "sunday",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thursday",
    "today",
    "tuesday",
    "update",
    "we",
    "wednesday",
    "when",
    "while",
    "with",
    "yesterday",
];

/// Words of number that open sentences ("Dozens were killed").
const QUANTITY_WORDS: &[&str] = &["dozens", "hundreds", "millions", "scores", "thousands"];

/// Parties written before a politician's name (`Republican Jane Roe`).
const PARTY_WORDS: &[&str] = &[
    "conservative",
    "democrat",
    "democratic",
    "gop",
    "green",
    "labour",
    "liberal",
    "republican",
    "socialist",
];

/// Whether sentence `s` has a capital on most of its words (a title-case or shouted headline).
fn shouted_or_title_case(words: &Words<'_>, s: usize) -> bool {
    let range = words.sentence(s);
    let total = range.len();
    let capitals = range.filter(|&i| words.list[i].is_capitalized()).count();
    total >= 4 && capitals * 10 >= total * 7
}

/// Heads of phrases naming a document that speaks for whoever issued it ("the statement
/// said", "the ministry's post reads").
const DOCUMENT_NOUNS: &[&str] = &[
    "announcement",
    "communique",
    "letter",
    "message",
    "notice",
    "post",
    "release",
    "report",
    "statement",
    "telegram",
    "tweet",
];

/// Whether `word` (lower case) heads a phrase naming a document.
pub fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUNS.contains(&word)
}

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
        && (i != first || !SPEAKER_NOUNS.contains(w.lower))
        && !NOT_NAMES.contains(&w.lower)
}

/// The speaker phrase ending just before the verb at word `verb` (`X said`), skipping adverbs
/// and times between them (`Pompeo also claimed`, `Khatibzadeh on Monday rejected`) and an
/// apposition set off by commas (`Priya Nandakumar, a crane operator, said`; `the head of the
/// rail company, Jane Roe, said`).
pub fn before(words: &Words<'_>, verb: usize) -> Option<Mention> {
    let first = words.sentence(words.list[verb].sentence).start;
    if verb == first {
        return None;
    }
    let mut k = verb - 1;
    if !words.joined(k) {
        let gap = words.gap_after(k)?;
        if gap.trim() == "," {
            return apposition(words, skip_parenthetical(words, k, first), first);
        }
        if gap.trim_start().starts_with(')') || gap.trim() == ".)" {
            // `Rep. Jane Roe (D-Ohio) said`: the name before the brackets.
            let before = skip_parenthetical(words, k, first);
            return (before != k).then(|| phrase_ending_at(words, before, first))?;
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
    let mention = phrase_ending_at(words, k, first)?;
    Some(member_of(words, &mention, first).unwrap_or(mention))
}

/// `Dr. Jane Roe from Doctors Without Borders said`, `Jane Roe of the security service said`:
/// the person named before "from" or "of", not the body they belong to.
fn member_of(words: &Words<'_>, body: &Mention, first: usize) -> Option<Mention> {
    let start = words
        .list
        .partition_point(|w| w.norm.start < body.span.start);
    let link = start.checked_sub(1).filter(|&l| l > first)?;
    if !matches!(words.list[link].lower, "from" | "of" | "at" | "with") || !words.joined(link - 1) {
        return None;
    }
    let person = phrase_ending_at(words, link - 1, first)?;
    (person.kind == MentionKind::Name && person.text.contains(' ')).then_some(person)
}

/// Word `k` itself, or, when it closes a short parenthetical (`(D-Ohio)`, `(IDF)`), the word
/// just before its opening bracket.
fn skip_parenthetical(words: &Words<'_>, k: usize, first: usize) -> usize {
    let closes = words
        .gap_after(k)
        .is_some_and(|g| g.trim_start_matches('.').trim_start().starts_with(')'));
    if !closes {
        return k;
    }
    let lo = k.saturating_sub(5).max(first);
    (lo..k + 1)
        .rev()
        .find(|&i| {
            i > first
                && words
                    .gap_after(i - 1)
                    .is_some_and(|g| g.trim_end().ends_with('('))
        })
        .map_or(k, |open| open - 1)
}

/// The speaker of a verb after a comma: the name set off between two commas (`the head of the
/// rail company, Jane Roe, said`), else the name before the first comma (`Priya Nandakumar, a
/// crane operator and union member, said`).
fn apposition(words: &Words<'_>, comma_word: usize, first: usize) -> Option<Mention> {
    // Segments ending at a comma, nearest first: `Jane Roe, 25, of Alden, said` tries `of
    // Alden` (a place of origin, not a speaker), `25`, then `Jane Roe`.
    let lo = comma_word.saturating_sub(16).max(first);
    let mut ends: Vec<usize> = vec![comma_word];
    ends.extend(
        (lo..comma_word)
            .rev()
            .filter(|&i| words.gap_after(i).is_some_and(|g| g.trim() == ",")),
    );
    for (n, &end) in ends.iter().enumerate() {
        let end = skip_parenthetical(words, end, first);
        let Some(m) = phrase_ending_at(words, end, first) else {
            continue;
        };
        let start = words.list.partition_point(|w| w.norm.start < m.span.start);
        let whole_segment =
            start > first && words.gap_after(start - 1).is_some_and(|g| g.trim() == ",");
        let origin = CONNECTORS.contains(&words.list[start].lower);
        // The nearest segment must be all name (`the head of the company, Jane Roe, said`);
        // a farther one opens the chain of appositions (`Jane Roe, a nurse, said`).
        if m.kind == MentionKind::Name && !origin && (whole_segment || n > 0) {
            return Some(m);
        }
    }
    None
}

/// The speaker phrase whose last word is `k`.
pub fn phrase_ending_at(words: &Words<'_>, k: usize, first: usize) -> Option<Mention> {
    let head = &words.list[k];
    if head.quote.is_some() {
        return None;
    }
    // `the post said`, but not `the Jerusalem Post reports`: a capital makes it a name.
    if DOCUMENT_NOUNS.contains(&head.lower) && !head.is_capitalized() {
        return Some(document(words, k, first));
    }
    if head.is_possessive() {
        return None;
    }
    if PRONOUNS.contains(&head.lower) {
        return Some(Mention {
            kind: MentionKind::Pronoun,
            text: head.lower.to_string(),
            span: head.norm,
            roles: Vec::new(),
            phrase: head.lower.to_string(),
            indefinite: false,
        });
    }
    if !phrase_word(words, k)
        || DETERMINERS.contains(&head.lower)
        || CONNECTORS.contains(&head.lower)
    {
        return None;
    }
    let mut a = k;
    loop {
        while a > first && k - a < MAX_PHRASE && words.joined(a - 1) && phrase_word(words, a - 1) {
            a -= 1;
            if DETERMINERS.contains(&words.list[a].lower) {
                break;
            }
        }
        // `Ambassador to Alden Jane Roe`, `the president of the council`: "to" or "of" after
        // a title joins its domain to the phrase.
        let title_to = a >= first + 2
            && words.joined(a - 1)
            && matches!(words.list[a - 1].lower, "to" | "of")
            && words.joined(a - 2)
            && TITLES.contains(words.list[a - 2].lower);
        if !title_to {
            break;
        }
        a -= 2;
    }
    // `a local rescue worker`, `the RIA news agency`: up to three modifiers between the
    // determiner (or a possessive) and the noun.
    if SPEAKER_NOUNS.contains(words.list[a].lower) {
        let mut b = a;
        while b > first && a - b < 3 && words.joined(b - 1) {
            let w = &words.list[b - 1];
            if w.quote.is_some()
                || w.is_possessive()
                || crate::wordlists::is_function_word(w.lower)
                || DETERMINERS.contains(&w.lower)
            {
                break;
            }
            b -= 1;
        }
        let opener = b.checked_sub(1).filter(|&o| o >= first && words.joined(o));
        let opened = opener.is_some_and(|o| {
            DETERMINERS.contains(&words.list[o].lower) || words.list[o].is_possessive()
        });
        if b < a && opened {
            a = b - 1;
        }
    }
    interpret(words, a, k, first)
}

/// `the statement`, `the ministry's statement`, `Ukrzaliznytsia's telegram`: a document, with
/// the owner the phrase gives it.
fn document(words: &Words<'_>, k: usize, first: usize) -> Mention {
    let owner = (k > first && words.joined(k - 1) && words.list[k - 1].is_possessive())
        .then(|| possessor(words, k - 1, first))
        .flatten();
    let start = owner
        .as_ref()
        .map_or(words.list[k].norm.start, |o| o.span.start);
    Mention {
        kind: MentionKind::Document,
        text: owner.map(|o| o.text).unwrap_or_default(),
        span: Span::new(start, words.list[k].norm.end),
        roles: Vec::new(),
        phrase: words.list[k].lower.to_string(),
        indefinite: false,
    }
}

/// The owner named by the possessive word `p` (`the ministry's`, `Russia's defence
/// ministry's`, `Ukrzaliznytsia's`), as a name or a group.
fn possessor(words: &Words<'_>, p: usize, first: usize) -> Option<Mention> {
    let raw = words.list[p].raw;
    let bare = raw.strip_suffix("'s").or_else(|| raw.strip_suffix('\''))?;
    let mut a = p;
    while a > first && p - a < MAX_PHRASE && words.joined(a - 1) && phrase_word(words, a - 1) {
        if DETERMINERS.contains(&words.list[a - 1].lower) || words.list[a - 1].is_possessive() {
            break;
        }
        a -= 1;
    }
    let text = words.text;
    let lead = &text[words.list[a].norm.start..words.list[p].norm.start];
    let whole = format!("{lead}{bare}");
    let head = bare.to_lowercase();
    let kind = if words.list[p].is_capitalized() && !SPEAKER_NOUNS.contains(head.as_str()) {
        MentionKind::Name
    } else if SPEAKER_NOUNS.contains(head.as_str()) {
        MentionKind::Group
    } else {
        return None;
    };
    let text = if kind == MentionKind::Name {
        clean_name(&whole)
    } else {
        lower_first(&clean_name(&whole))
    };
    Some(Mention {
        kind,
        phrase: text.clone(),
        text,
        span: Span::new(words.list[a].norm.start, words.list[p].norm.end),
        roles: Vec::new(),
        indefinite: false,
    })
}

/// The speaker phrase starting just after the verb ending at word `last` (`said Tomas Reyes`,
/// `according to organizers`).
pub fn after(words: &Words<'_>, last: usize) -> Option<Mention> {
    let sentence = words.sentence(words.list[last].sentence);
    if last + 1 >= sentence.end || !words.joined(last) {
        return None;
    }
    let mut a = last + 1;
    // `said her friend Jane Roe`: a relation before the name.
    if matches!(words.list[a].lower, "her" | "his" | "their") {
        let name = (a + 1..(a + 4).min(sentence.end))
            .take_while(|&i| words.joined(i - 1))
            .find(|&i| name_word(words, i, sentence.start))?;
        a = name;
    }
    let found = starting_at(words, a)?;
    if matches!(found.kind, MentionKind::Role | MentionKind::Group)
        && let Some(name) = name_closing_clause(words, &found, sentence.end)
    {
        return Some(name);
    }
    Some(found)
}

/// `according to the spokeswoman of the regional administration Jane Roe, ...`,
/// `according to the ministry's spokesperson, Jane Roe, ...`: the person named where the
/// role's clause ends, just before its comma.
fn name_closing_clause(words: &Words<'_>, role: &Mention, end: usize) -> Option<Mention> {
    let first = words.sentence(words.list[end - 1].sentence).start;
    let after_role = words.list.partition_point(|w| w.norm.end <= role.span.end);
    let limit = (after_role + 12).min(end);
    let comma = (after_role..limit).find(|&i| {
        words
            .gap_after(i)
            .is_none_or(|g| g.contains([',', ';', '.']))
    })?;
    let m = phrase_ending_at(words, comma, first)?;
    let name_words = m.text.split_whitespace().count();
    (m.kind == MentionKind::Name && name_words >= 2 && m.span.start >= role.span.start).then_some(m)
}

/// The speaker phrase starting at word `a` (after a verb, or after `Source:`).
pub fn starting_at(words: &Words<'_>, a: usize) -> Option<Mention> {
    let sentence = words.sentence(words.list[a].sentence);
    let first = sentence.start;
    let mut k = a;
    if !phrase_word(words, k) {
        // `local officials`, `senior military officials`: a few adjectives before the noun.
        let noun = (a + 1..(a + 3).min(sentence.end))
            .find(|&j| phrase_word(words, j) && !DETERMINERS.contains(&words.list[j].lower))?;
        let adjectives = (a..noun).all(|i| {
            let w = &words.list[i];
            words.joined(i)
                && w.quote.is_none()
                && !w.is_capitalized()
                && w.lower.len() > 2
                && !crate::wordlists::is_function_word(w.lower)
        });
        if !adjectives {
            return None;
        }
        k = noun;
    }
    while k + 1 < sentence.end
        && k + 1 - a < MAX_PHRASE
        && words.joined(k)
        && phrase_word(words, k + 1)
    {
        // A determiner, or a lower-case word that is no title or group ("said Jane Roe
        // on Friday"), after a name starts another phrase.
        let next = words.list[k + 1].lower;
        if name_word(words, k, first)
            && (DETERMINERS.contains(&next)
                || !words.list[k + 1].is_capitalized()
                    && !CONNECTORS.contains(&next)
                    && !SPEAKER_NOUNS.contains(next)
                    && !TITLES.contains(next))
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
        // `Ukrzaliznytsia's telegram`: the owner of the document.
        let next = k + 1;
        let document = next < sentence.end
            && words.joined(k)
            && DOCUMENT_NOUNS.contains(&words.list[next].lower)
            && !words.list[next].is_capitalized();
        return document.then(|| possessor(words, k, first)).flatten();
    }
    interpret(words, a, k, first)
}

/// Where the words after "<title> of" that name the title's domain end, in the phrase
/// `a..=k` whose name run starts at `r`: `Mayor of Alden Jane Roe` → the run's first word is
/// the domain; `the mayor of Alden` → the whole run is. A run of three words or more after
/// "of" keeps its last two as the person's name (three with a particle or an initial).
fn domain_end(words: &Words<'_>, a: usize, r: usize, k: usize) -> Option<usize> {
    // "<title> of <run>" or "<title> of the <run>" (`head of the Alden regional office`).
    let mut of = r.checked_sub(1).filter(|&o| o > a)?;
    if words.list[of].lower == "the" {
        of = of.checked_sub(1).filter(|&o| o > a)?;
    }
    if !matches!(words.list[of].lower, "of" | "to") || !TITLES.contains(words.list[of - 1].lower) {
        return None;
    }
    let run = k + 1 - r;
    if run <= 2 {
        return Some(k);
    }
    let short = |i: usize| {
        let w = &words.list[i];
        CONNECTORS.contains(&w.lower) || w.raw.trim_end_matches('.').chars().count() == 1
    };
    let name_words = if short(k - 1) { 3 } else { 2 };
    Some(k - name_words)
}

/// Reads the phrase `a..=k` as a speaker.
fn interpret(words: &Words<'_>, a: usize, k: usize, first: usize) -> Option<Mention> {
    let text = words.text;
    let span = Span::new(words.list[a].norm.start, words.list[k].norm.end);
    let indefinite = matches!(words.list[a].lower, "a" | "an" | "one");
    // The phrase without its determiner, for a speaker cell.
    let phrase_start = (a..=k)
        .find(|&i| !DETERMINERS.contains(&words.list[i].lower))
        .unwrap_or(k);
    let phrase_text =
        clean_name(&text[words.list[phrase_start].norm.start..words.list[k].norm.end]);
    // `police spokesman` in lower case, but `Kremlin spokesman` keeps its name's capital.
    let opener = words.list[phrase_start].lower;
    let phrase = if TITLES.contains(opener) || SPEAKER_NOUNS.contains(opener) {
        lower_first(&phrase_text)
    } else {
        phrase_text
    };
    // The name: the capitalized words at the end, connectors allowed between them.
    let mut r = k + 1;
    while r > a {
        let i = r - 1;
        // `von der Leyen`: connectors, one after another, between name words.
        let inner_connector = CONNECTORS.contains(&words.list[i].lower)
            && r <= k
            && (a..i)
                .rev()
                .find(|&j| !CONNECTORS.contains(&words.list[j].lower))
                .is_some_and(|j| name_word(words, j, first));
        if !(name_word(words, i, first) || inner_connector) {
            break;
        }
        r = i;
    }
    // Consecutive titles are one role: `vice president`, `prime minister`, `foreign minister`
    // (so that "the president" is not the vice president).
    let roles = |upto: usize| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut previous_title = false;
        for i in a..upto {
            let w = words.list[i].lower;
            let title = TITLES.contains(w) || SPEAKER_NOUNS.contains(w);
            match out.last_mut() {
                Some(last) if title && previous_title => {
                    last.push(' ');
                    last.push_str(w);
                }
                _ if title => out.push(w.to_string()),
                _ => {}
            }
            previous_title = title;
        }
        out
    };
    if r <= k {
        match domain_end(words, a, r, k) {
            // `the mayor of Alden`: a role with its domain.
            Some(end) if end == k => {
                let of = (a..r)
                    .rev()
                    .find(|&i| matches!(words.list[i].lower, "of" | "to"))
                    .unwrap_or(a);
                let role = words.list[of.saturating_sub(1).max(a)].lower;
                return Some(Mention {
                    kind: MentionKind::Role,
                    text: role.to_string(),
                    span,
                    roles: roles(r),
                    phrase,
                    indefinite,
                });
            }
            Some(end) => r = end + 1,
            None => {}
        }
        // `Republican Jane Roe`: a party before a person's name is no part of it.
        if k - r >= 2 && PARTY_WORDS.contains(&words.list[r].lower) {
            r += 1;
        }
        let name = clean_name(&text[words.list[r].norm.start..words.list[k].norm.end]);
        // A nationality alone is an adjective whose noun is missing, not a speaker.
        if r == k && crate::wordlists::names::is_demonym(&name) {
            return None;
        }
        // One word whose capital its place forces ("Dozens said", "Condemning the attack,
        // officials said") is no name when the article writes it in lower case elsewhere, or
        // it reads as a participle, unless it is known or written with a capital elsewhere.
        let forced = r == first
            || r > 0
                && words
                    .gap_after(r - 1)
                    .is_some_and(|g| g.contains(['"', ':']));
        let lower = words.list[r].lower;
        let common = words.lower_case().contains(lower)
            || (lower.ends_with("ing") && lower.len() > 5)
            || QUANTITY_WORDS.contains(&lower);
        if r == k
            && forced
            && common
            && !words.free_capitals().contains(lower)
            && crate::wordlists::names::lookup(&name).is_none()
        {
            return None;
        }
        // In a headline written in capitals or title case, every word has a capital: a long run
        // of them is the headline, not a name.
        if k - r >= 3 && shouted_or_title_case(words, words.list[r].sentence) {
            return None;
        }
        return Some(Mention {
            kind: MentionKind::Name,
            text: name,
            span,
            roles: roles(r),
            phrase,
            indefinite,
        });
    }
    let head = words.list[k].lower;
    if TITLES.contains(head) && !SPEAKER_NOUNS.contains(head) {
        return Some(Mention {
            kind: MentionKind::Role,
            text: head.to_string(),
            span,
            roles: roles(k + 1),
            phrase,
            indefinite,
        });
    }
    // `the president of the council`: a role with its domain, not the council.
    if let Some(of) = (a + 1..k)
        .find(|&i| words.list[i].lower == "of" && TITLES.contains(words.list[i - 1].lower))
    {
        let role = words.list[of - 1].lower;
        return Some(Mention {
            kind: MentionKind::Role,
            text: role.to_string(),
            span,
            roles: roles(of),
            phrase,
            indefinite,
        });
    }
    if SPEAKER_NOUNS.contains(head) {
        let start = (a..=k)
            .find(|&i| {
                !DETERMINERS.contains(&words.list[i].lower) && !words.list[i].is_possessive()
            })
            .unwrap_or(k);
        let mut group = clean_name(&text[words.list[start].norm.start..words.list[k].norm.end]);
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
            phrase,
            indefinite,
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
