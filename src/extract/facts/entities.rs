//! Named entities (people, organisations, places) under one canonical name per article.
//!
//! Rules, in the order they apply:
//! - a known name (`src/wordlists/names.csv`) is matched first, longest form first, and given its
//!   canonical name: "U.S." and "America" → `United States`, "Kiev" → `Kyiv`. Forms written in capitals in the file
//!   ("US", "CENTCOM") only match capitals, so the pronoun "us" is not the country;
//! - a country or nationality followed by an institution (`institutions.csv`) names that
//!   country's institution: "Iran's foreign ministry", "Iran Foreign Ministry" → `Iranian
//!   Foreign Ministry`; "U.S. embassy in Baghdad" → `US Embassy in Baghdad`. An institution
//!   without its country takes the country last named before it ("Iran has denied any role.
//!   Foreign Ministry spokesman ..."); an embassy without its city takes the embassy's city
//!   named elsewhere in the article, else the city last named;
//! - titles before a name are dropped (`titles.txt`): "President Donald Trump" → `Donald Trump`,
//!   "Sgt. Dana Kessler" → `Dana Kessler`; so are nationalities ("Iraqi Prime Minister ...");
//! - other runs of capitalized words are names as written ("Calder Bay Terminals"), joined by
//!   particles ("Abu Mahdi al-Muhandis") and by "of"/"for" after one word ("Homes for
//!   Millbrook"); a dateline in capitals ("PORT CALDER (Wire) -") is a place;
//! - a later or earlier mention that is the end of a longer name in the article is that name:
//!   "Kessler" → `Dana Kessler` (a person), "City Hall" → `Millbrook City Hall` (two words or
//!   more);
//! - a capital that the position forces (a sentence, quotation or clause start) is a name only
//!   if the name is known, was titled, has more than one word, or is written elsewhere in the
//!   article where no capital is forced ("Police said ..." is not a name; "Iran has denied" is);
//! - a capitalized modifier after a quantity is not a name ("eight Katyusha rockets").
//!
//! A compound name also states the places inside it: "US Central Command" names the United
//! States too, "Baghdad airport" Baghdad.

use super::{FastMap, FastSet, Found, Words, data_lines, data_rows, dates, strip_possessive};
use crate::extract::FactKind;
use std::collections::HashSet;
use std::sync::LazyLock;

use crate::wordlists::names::{KnownName as Alias, NameKind};

/// Every word-prefix of a known name's key ("us", "us central", "us central command"): a
/// lookup stops at the first prefix no name has, so most words cost one set probe.
static ALIAS_PREFIXES: LazyLock<FastSet<String>> =
    LazyLock::new(|| prefixes(crate::wordlists::names::keys()));

static TITLE_PREFIXES: LazyLock<FastSet<String>> =
    LazyLock::new(|| prefixes(TITLES.iter().copied()));

fn prefixes<'a>(keys: impl Iterator<Item = &'a str>) -> FastSet<String> {
    let mut set = FastSet::default();
    for key in keys {
        for (i, _) in key.match_indices(' ') {
            set.insert(key[..i].to_string());
        }
        set.insert(key.to_string());
    }
    set
}

/// A row of `countries.csv`.
#[derive(Debug, Clone, Copy)]
struct Country {
    /// What its institutions are named with (`US`, `Iranian`).
    adjective: &'static str,
    capital: &'static str,
}

static COUNTRIES: LazyLock<FastMap<&'static str, Country>> = LazyLock::new(|| {
    data_rows(include_str!("countries.csv"))
        .filter_map(|r| {
            let country = Country {
                adjective: r.get(1)?,
                capital: r.get(2)?,
            };
            Some((*r.first()?, country))
        })
        .collect()
});

/// The adjective a country's institutions are named with (the name itself if unlisted).
fn adjective(country: &str) -> &str {
    COUNTRIES.get(country).map_or(country, |c| c.adjective)
}

/// Institution (lower case) → how its name is written (`foreign ministry` → `Foreign Ministry`).
static INSTITUTIONS: LazyLock<FastMap<&'static str, &'static str>> = LazyLock::new(|| {
    data_rows(include_str!("institutions.csv"))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
        .collect()
});

static TITLES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("titles.txt")).collect());

/// Last words that make a name an organisation or a place, not a person.
static ORG_HEADS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("org_heads.txt")).collect());

/// Capitalized words that are never names on their own.
static NOT_NAMES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("not_names.txt")).collect());

/// Words that open sentences: a run that starts with one of them at a sentence start starts
/// after it.
static STARTERS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../../normalize/sentence_starters.txt"))
        .chain(data_lines(include_str!("not_names.txt")))
        .collect()
});

/// Lower-case particles inside names ("al-Muhandis", "bin Salman", "van Gogh").
const PARTICLES: [&str; 13] = [
    "al", "bin", "bint", "da", "de", "del", "der", "di", "du", "el", "ibn", "van", "von",
];

/// Words before a number-like modifier: "several Katyusha rockets".
const QUANTITY_WORDS: [&str; 6] = ["dozens", "few", "many", "several", "some", "numerous"];

pub use crate::wordlists::names::{lookup, name_key};

/// One name found in the text, before article-wide resolution.
#[derive(Debug, Clone)]
struct Mention {
    /// Canonical name (known names) or the name as written.
    name: String,
    /// Known kind, `None` for a name only seen in this article.
    kind: Option<NameKind>,
    first: usize,
    last: usize,
    /// Its capital may be forced by position.
    initial: bool,
    /// A title stood before it.
    titled: bool,
    /// Lower-case words, for matching a short mention to a longer name.
    words: Vec<String>,
    /// An institution that still needs a country ("Foreign Ministry") or an embassy that
    /// still needs a city.
    needs: Option<Need>,
}

#[derive(Debug, Clone, PartialEq)]
enum Need {
    /// The institution's name, to be prefixed with the country's adjective.
    Country(&'static str),
    /// An embassy of this country, to be placed in a city.
    City(&'static str),
}

/// The entities of an article.
pub(crate) fn find(words: &Words) -> Vec<Found> {
    let mut mentions = Vec::new();
    for s in 0..words.doc.sentences.len() {
        scan_sentence(words, words.sentence_range(s), &mut mentions);
    }
    resolve(&mut mentions);
    mentions
        .into_iter()
        .filter(|m| !m.name.is_empty())
        .map(|m| Found {
            kind: FactKind::Entity,
            key: m.name,
            value: String::new(),
            span: words.body_span(m.first, m.last),
            sentence: words.sentence(m.first),
        })
        .collect()
}

/// Whether tokens `t` and `t + 1` can belong to one name: one sentence, and only spaces, a
/// hyphen or editorial brackets between ("[US] Secretary [of State Mike] Pompeo").
fn continues(words: &Words, t: usize) -> bool {
    !words.is_possessive(t) && continues_alias(words, t)
}

/// The longest known name starting at token `i`: its alias and its last token.
fn alias_at(words: &Words, i: usize, end: usize) -> Option<(Alias, usize)> {
    let longest = crate::wordlists::names::longest();
    let mut key = String::new();
    let mut best = None;
    let mut t = i;
    for n in 0..longest {
        if n > 0 {
            if t + 1 >= end || !continues_alias(words, t) {
                break;
            }
            t += 1;
            key.push(' ');
        }
        push_key(&mut key, words.lower(t));
        if !ALIAS_PREFIXES.contains(&key) {
            break;
        }
        if let Some(alias) = crate::wordlists::names::by_key(&key)
            && (!alias.caps || (i..=t).all(|k| words.is_all_caps(k)))
        {
            best = Some((alias, t));
        }
    }
    best
}

/// Like [`continues`], but a possessive may sit inside a known name ("Baghdad's airport").
/// Between name words: spaces, a hyphen with no space around it ("al-Muhandis"; a spaced
/// dash ends a name), editorial brackets, and the period of an abbreviation ("U.S. Embassy").
fn continues_alias(words: &Words, t: usize) -> bool {
    if !words.same_sentence(t, t + 1) {
        return false;
    }
    let gap = words.gap_before(t + 1);
    let gap = match gap.strip_prefix('.') {
        Some(rest) if is_abbreviation(words.surface(t)) => rest,
        _ => gap,
    };
    gap == "-"
        || gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '[' | ']'))
}

/// "U.S", "Sgt", "Lt": dotted initials or a short capitalized word, which a period follows
/// without ending the name.
fn is_abbreviation(surface: &str) -> bool {
    surface.contains('.')
        || (surface.len() <= 4 && surface.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Appends a token's lower-case form to a key the way [`name_key`] writes it.
fn push_key(key: &mut String, lower: &str) {
    key.extend(lower.chars().filter(|c| !matches!(c, '.' | '[' | ']')));
}

/// The longest title starting at token `i`: its last token.
fn title_at(words: &Words, i: usize, end: usize) -> Option<usize> {
    let mut key = String::new();
    let mut best = None;
    let mut t = i;
    for n in 0..4 {
        if n > 0 {
            if t + 1 >= end || !continues(words, t) {
                break;
            }
            t += 1;
            key.push(' ');
        }
        push_key(&mut key, words.lower(t));
        if !TITLE_PREFIXES.contains(&key) {
            break;
        }
        if TITLES.contains(key.as_str()) {
            best = Some(t);
        }
    }
    best
}

/// An institution after token `t` ("Foreign Ministry", "embassy"): its canonical casing and
/// last token.
fn institution_after(words: &Words, t: usize, end: usize) -> Option<(&'static str, usize)> {
    let mut key = String::new();
    let mut best = None;
    let mut k = t;
    for _ in 0..2 {
        if k + 1 >= end || !continues_alias(words, k) {
            break;
        }
        k += 1;
        if !key.is_empty() {
            key.push(' ');
        }
        push_key(&mut key, words.lower(k));
        if let Some(name) = INSTITUTIONS.get(key.as_str()) {
            best = Some((*name, k));
        }
    }
    best
}

/// "in Baghdad" after token `t`: the city and its token.
fn city_after(words: &Words, t: usize, end: usize) -> Option<(&'static str, usize)> {
    if t + 2 >= end || !continues(words, t) || words.lower(t + 1) != "in" {
        return None;
    }
    let (alias, last) = alias_at(words, t + 2, end)?;
    (alias.kind == NameKind::City).then_some((alias.canonical, last))
}

fn scan_sentence(words: &Words, range: std::ops::Range<usize>, out: &mut Vec<Mention>) {
    let end = range.end;
    let mut i = range.start;
    let mut titled = false;
    // The previous token opened the sentence without being part of a name ("In Baghdad").
    let mut still_initial = false;
    // A headline in title case ("Voters Worried About Clinton's Health") says nothing by its
    // capitals: only known names count there.
    let title_cased = is_title_cased(words, range.clone());
    while i < end {
        if !words.is_capitalized(i) || words.is_number(i) {
            titled = false;
            still_initial = false;
            i += 1;
            continue;
        }
        let lower = words.lower(i);
        let initial = words.at_clause_start(i) || still_initial;
        still_initial = false;
        // "The White House", "In Baghdad": the capital belongs to the sentence. After "The"
        // a capital is a name's; after other openers ("In Police custody") it may not be.
        if initial && STARTERS.contains(lower) && alias_at(words, i, end).is_none() {
            still_initial = !matches!(lower, "the" | "a" | "an");
            i += 1;
            continue;
        }
        if super::numbers::is_number_word(lower) {
            i += 1;
            continue;
        }
        if let Some((alias, last)) = alias_at(words, i, end) {
            i = known(words, i, last, alias, initial, end, out);
            titled = false;
            continue;
        }
        if let Some(last) = title_at(words, i, end) {
            titled = true;
            i = last + 1;
            continue;
        }
        if lower == "i" || dates::is_calendar_word(lower) || is_quantity_modifier(words, i) {
            i += 1;
            continue;
        }
        let last = name_run(words, i, end);
        if !title_cased && let Some(mention) = unknown(words, i, last, initial, titled) {
            out.push(mention);
        }
        titled = false;
        i = last + 1;
    }
}

/// A known name at `first..=last`: the name, an institution it opens, the places inside it.
/// Returns where scanning goes on.
fn known(
    words: &Words,
    first: usize,
    last: usize,
    alias: Alias,
    initial: bool,
    end: usize,
    out: &mut Vec<Mention>,
) -> usize {
    let mention = |name: String, kind, first, last| Mention {
        name,
        kind: Some(kind),
        first,
        last,
        initial,
        titled: false,
        words: Vec::new(),
        needs: None,
    };
    let country = match alias.kind {
        NameKind::Country => Some(alias.canonical),
        NameKind::Demonym => Some(alias.canonical),
        _ => None,
    };
    if let Some(country) = country
        && let Some((institution, inst_last)) = institution_after(words, last, end)
    {
        let mut name = format!("{} {institution}", adjective(country));
        let mut name_last = inst_last;
        let mut needs = None;
        if institution == "Embassy" {
            match city_after(words, inst_last, end) {
                Some((city, city_last)) => {
                    name = format!("{name} in {city}");
                    out.push(mention(
                        city.to_string(),
                        NameKind::City,
                        city_last,
                        city_last,
                    ));
                    name_last = city_last;
                }
                None => needs = Some(Need::City(country)),
            }
        }
        if alias.kind == NameKind::Country {
            out.push(mention(country.to_string(), NameKind::Country, first, last));
        }
        out.push(Mention {
            needs,
            ..mention(name, NameKind::Org, first, name_last)
        });
        return name_last + 1;
    }
    // "New York Times", "Washington Post", "US Army": a place opening a longer name.
    if alias.kind.is_place() && last + 1 < end && continues(words, last) {
        let next = last + 1;
        let more = words.is_capitalized(next)
            && !words.is_number(next)
            && title_at(words, next, end).is_none()
            && alias_at(words, next, end).is_none()
            && !dates::is_calendar_word(words.lower(next))
            && !NOT_NAMES.contains(words.lower(next));
        if more {
            let run_last = name_run(words, next, end);
            out.push(mention(
                alias.canonical.to_string(),
                alias.kind,
                first,
                last,
            ));
            if let Some(mut name) = unknown(words, first, run_last, initial, false) {
                name.initial = false;
                out.push(name);
            }
            return run_last + 1;
        }
    }
    if alias.kind != NameKind::Demonym {
        out.push(mention(
            alias.canonical.to_string(),
            alias.kind,
            first,
            last,
        ));
        // The places inside an organisation's name ("US Central Command", "Baghdad airport").
        if first < last && alias.kind == NameKind::Org {
            for t in first..=last {
                let bound = if t == first { last } else { last + 1 };
                if let Some((inner, inner_last)) = alias_at(words, t, bound)
                    && inner.kind.is_place()
                    && inner.canonical != alias.canonical
                {
                    out.push(mention(
                        inner.canonical.to_string(),
                        inner.kind,
                        t,
                        inner_last,
                    ));
                }
            }
        }
    }
    last + 1
}

/// A capitalized word right after a quantity and before a lower-case word is a modifier of
/// the thing counted ("eight Katyusha rockets", "several Katyusha rockets").
fn is_quantity_modifier(words: &Words, i: usize) -> bool {
    let Some(before) = i.checked_sub(1).filter(|&b| words.same_sentence(b, i)) else {
        return false;
    };
    let lower = words.lower(before);
    let quantity = words.is_number(before)
        || QUANTITY_WORDS.contains(&lower)
        || super::numbers::is_number_word(lower);
    quantity && continues(words, i) && !words.is_capitalized(i + 1)
}

/// The last token of the run of name words starting at `first`.
fn name_run(words: &Words, first: usize, end: usize) -> usize {
    let mut last = first;
    while last + 1 < end && continues(words, last) {
        let next = last + 1;
        let lower = words.lower(next);
        if words.is_capitalized(next) {
            // A date, a title, or a switch between capitals and mixed case ("SAVE A
            // QUARTER Let's") ends the run.
            if dates::is_calendar_word(lower)
                || title_at(words, next, end).is_some()
                || is_shouted(words, last) != is_shouted(words, next)
            {
                break;
            }
            last = next;
        } else {
            let capital_after =
                next + 1 < end && continues(words, next) && words.is_capitalized(next + 1);
            // "al-Muhandis", "bin Salman".
            let particle = PARTICLES.contains(&lower);
            // "Homes for Millbrook", "Court of Appeals", but not "Khatibzadeh of Iran".
            let of = matches!(lower, "of" | "for")
                && (last == first || ORG_HEADS.contains(words.lower(last)))
                && capital_after
                && alias_at(words, next + 1, end).is_none_or(|(a, _)| !a.kind.is_place())
                && !words.is_possessive(next + 1);
            if !(capital_after && (particle || of)) {
                break;
            }
            last = next + 1;
        }
    }
    last
}

/// Most words of a headline or heading capitalized (short function words aside).
fn is_title_cased(words: &Words, range: std::ops::Range<usize>) -> bool {
    use crate::normalize::SentenceKind;
    if range.is_empty() {
        return false;
    }
    let kind = words.doc.sentences[words.sentence(range.start)].kind;
    if !matches!(kind, SentenceKind::Headline | SentenceKind::Heading) {
        return false;
    }
    let (mut capitalized, mut counted) = (0, 0);
    for t in range {
        if words.is_number(t) || words.lower(t).len() <= 3 {
            continue;
        }
        counted += 1;
        capitalized += usize::from(words.is_capitalized(t));
    }
    counted >= 3 && capitalized * 10 >= counted * 7
}

/// A word of three letters or more in capitals: a heading or a dateline, not a name's case.
fn is_shouted(words: &Words, t: usize) -> bool {
    words.is_all_caps(t)
        && words
            .surface(t)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 3
}

/// A name not in the list, as written: leading "The" and sentence starters dropped, a
/// dateline in capitals in title case.
fn unknown(
    words: &Words,
    mut first: usize,
    last: usize,
    mut initial: bool,
    titled: bool,
) -> Option<Mention> {
    // "The White House", "Earlier Trump": the capital belongs to the sentence, not the name.
    while first < last && initial && STARTERS.contains(words.lower(first)) {
        first += 1;
        initial = words.lower(first - 1) != "the";
    }
    if first == last && NOT_NAMES.contains(words.lower(first)) {
        return None;
    }
    let all_caps = (first..=last).all(|t| words.is_all_caps(t));
    if all_caps && !is_dateline(words, first, last) {
        return None;
    }
    let mut name = String::new();
    let mut lower_words = Vec::with_capacity(last - first + 1);
    for t in first..=last {
        let surface = strip_possessive(words.surface(t));
        if t > first {
            name.push(if words.gap_before(t) == "-" { '-' } else { ' ' });
        }
        if all_caps {
            title_case(surface, &mut name);
        } else {
            name.push_str(surface);
        }
        lower_words.push(words.lower(t).to_string());
    }
    Some(Mention {
        name,
        kind: None,
        first,
        last,
        initial: initial && !all_caps,
        titled,
        words: lower_words,
        needs: INSTITUTIONS
            .get(name_key(words.text(first, last)).as_str())
            .map(|inst| Need::Country(inst)),
    })
}

/// "PORT CALDER" in "PORT CALDER (Wire) -": capitals inside the article's dateline (see
/// [`crate::normalize::dateline`]).
fn is_dateline(words: &Words, first: usize, last: usize) -> bool {
    words.doc.dateline.is_some_and(|d| {
        d.start <= words.tokens[first].span.start && words.tokens[last].span.end <= d.end
    })
}

fn title_case(word: &str, out: &mut String) {
    let mut chars = word.chars();
    if let Some(c) = chars.next() {
        out.push(c);
        out.extend(chars.flat_map(char::to_lowercase));
    }
}

/// Article-wide: short mentions to the longer names they stand for, institutions to their
/// country, embassies to their city, and forced capitals dropped unless the name is confirmed.
fn resolve(mentions: &mut [Mention]) {
    let longer: Vec<(Vec<String>, String, bool)> = mentions
        .iter()
        .filter(|m| m.kind.is_none() && m.words.len() > 1)
        .map(|m| (m.words.clone(), m.name.clone(), is_person_like(&m.words)))
        .collect();
    let unforced: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind.is_none() && (!m.initial || m.titled))
        .map(|m| m.words.join(" "))
        .collect();
    let mut last_country: Option<String> = None;
    let mut cities: Vec<String> = Vec::new();
    let embassies: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind.is_some() && m.name.contains(" Embassy in "))
        .map(|m| m.name.clone())
        .collect();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        match m.kind {
            Some(NameKind::Country) => last_country = Some(m.name.clone()),
            Some(NameKind::City) => cities.push(m.name.clone()),
            _ => {}
        }
        if let Some(Need::City(country)) = m.needs {
            let prefix = format!("{} in ", m.name);
            let home = COUNTRIES.get(country).map(|c| c.capital);
            let abroad = |city: &&String| Some(city.as_str()) != home;
            let full = embassies
                .iter()
                .find(|e| e.starts_with(&prefix))
                .cloned()
                .or_else(|| {
                    cities
                        .iter()
                        .rev()
                        .find(abroad)
                        .map(|c| format!("{prefix}{c}"))
                })
                .or_else(|| {
                    mentions[i + 1..]
                        .iter()
                        .filter(|m| m.kind == Some(NameKind::City))
                        .map(|m| &m.name)
                        .find(abroad)
                        .map(|c| format!("{prefix}{c}"))
                });
            if let Some(full) = full {
                mentions[i].name = full;
            }
            continue;
        }
        if m.kind.is_some() {
            continue;
        }
        if let Some(Need::Country(institution)) = m.needs.clone() {
            if let Some(country) = &last_country {
                mentions[i].name = format!("{} {institution}", adjective(country));
            }
            continue;
        }
        // "Damaging City Hall", "Organizer Tomas Reyes" at a sentence start: when the rest is
        // a name the article uses elsewhere, the first word belongs to the sentence.
        if m.initial && !m.titled && m.words.len() > 1 {
            let rest = &m.words[1..];
            let elsewhere = unforced.contains(&rest.join(" "))
                || longer
                    .iter()
                    .any(|(full, _, _)| *full != m.words && full.ends_with(rest));
            if elsewhere && let Some((_, name)) = m.name.split_once(' ') {
                let name = name.to_string();
                let m = &mut mentions[i];
                m.name = name;
                m.words.remove(0);
                m.first += 1;
            }
        }
        let m = &mentions[i];
        let n = m.words.len();
        let expanded = longer
            .iter()
            .filter(|(full, _, person)| {
                full.len() > n && full.ends_with(&m.words) && (*person || n > 1)
            })
            .map(|(_, name, _)| name.clone())
            .next();
        // A first name alone ("Hillary's") for the one person of the article who has it.
        let expanded = expanded.or_else(|| {
            let mut people = longer
                .iter()
                .filter(|(full, _, person)| n == 1 && *person && full[0] == m.words[0])
                .map(|(_, name, _)| name);
            let first = people.next()?;
            people.all(|other| other == first).then(|| first.clone())
        });
        if let Some(name) = expanded {
            mentions[i].name = name;
            continue;
        }
        let forced = m.initial && !m.titled && n == 1;
        if forced && !unforced.contains(&m.words.join(" ")) {
            mentions[i].name.clear();
        }
    }
}

/// Two to four words, none an organisation or place word, no "of"/"for": reads as a person's
/// name, so its last word alone stands for it.
fn is_person_like(words: &[String]) -> bool {
    (2..=5).contains(&words.len())
        && !words.iter().any(|w| matches!(w.as_str(), "of" | "for"))
        && words
            .last()
            .is_some_and(|w| !ORG_HEADS.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::facts::test_support::{assert_sorted_unique, facts_of};

    fn names(body: &str) -> Vec<String> {
        facts_of("2020-12-24", body)
            .into_iter()
            .filter_map(|f| {
                f.strip_prefix("entity ")
                    .map(|n| n.trim_end_matches('=').to_string())
            })
            .collect()
    }

    #[test]
    fn aliases_give_one_canonical_name() {
        assert_eq!(
            names("He met U.S. officials and America's allies."),
            ["United States"]
        );
        assert_eq!(
            names("Suleimani was killed. Qassem Soleimani led the force."),
            ["Qassem Soleimani"]
        );
        assert_eq!(
            names("Officials of the U.N. and Kiev said so."),
            ["United Nations", "Kyiv"]
        );
        assert_eq!(
            names("A CENTCOM statement came out."),
            ["US Central Command"]
        );
        assert!(names("They hate us and follow us.").is_empty());
    }

    #[test]
    fn titles_are_stripped() {
        assert_eq!(
            names("Later, President Donald Trump spoke."),
            ["Donald Trump"]
        );
        assert_eq!(
            names("It said US President Donald Trump spoke."),
            ["United States", "Donald Trump"]
        );
        assert_eq!(
            names("Police spokesperson Sgt. Dana Kessler said so."),
            ["Dana Kessler"]
        );
        assert_eq!(
            names("Iraqi Prime Minister Mustafa al-Kadhimi condemned it."),
            ["Mustafa al-Kadhimi"]
        );
    }

    #[test]
    fn a_surname_after_the_full_name_is_the_full_name() {
        assert_eq!(
            names("Graham Whitlow spoke for the firm. \"We made an offer,\" Whitlow said."),
            ["Graham Whitlow"]
        );
        assert_eq!(
            names("Mustafa al-Kadhimi spoke. Al-Kadhimi has pledged reform."),
            ["Mustafa al-Kadhimi"]
        );
        assert_eq!(
            names("Police met at Millbrook City Hall. City Hall stayed shut."),
            ["Millbrook City Hall"]
        );
    }

    #[test]
    fn institutions_take_their_country() {
        assert_eq!(
            names("Iran's foreign ministry spokesman spoke."),
            ["Iran", "Iranian Foreign Ministry"]
        );
        assert_eq!(
            names("Iran has denied any role. Foreign Ministry spokesman Saeed Khatibzadeh spoke."),
            ["Iran", "Iranian Foreign Ministry", "Saeed Khatibzadeh"]
        );
        assert_eq!(
            names("Rockets fell near the U.S. Embassy in Baghdad."),
            ["United States", "US Embassy in Baghdad", "Baghdad"]
        );
        assert_eq!(
            names("Rockets hit Baghdad's Green Zone near the US Embassy."),
            [
                "Baghdad",
                "Green Zone",
                "United States",
                "US Embassy in Baghdad"
            ]
        );
    }

    #[test]
    fn forced_capitals_are_not_names() {
        assert!(names("Police said protesters threw bottles.").is_empty());
        assert!(
            names("Dozens of families watched. \"Guess where they were from,\" he said.")
                .is_empty()
        );
        assert_eq!(names("Iran has denied any role."), ["Iran"]);
        assert_eq!(names("Lantern FM reporters heard bangs."), ["Lantern FM"]);
        assert_eq!(
            names("Reyes spoke first. Then came Reyes again."),
            ["Reyes"]
        );
    }

    #[test]
    fn names_as_written() {
        assert_eq!(
            names("The union and Calder Bay Terminals met at Dock Road."),
            ["Calder Bay Terminals", "Dock Road"]
        );
        assert_eq!(
            names("An organizer with Homes for Millbrook spoke."),
            ["Homes for Millbrook"]
        );
        assert_eq!(
            names("PORT CALDER (Coastal Wire) - Workers left."),
            ["Port Calder", "Coastal Wire"]
        );
        assert_eq!(
            names("It fired eight Katyusha rockets at the C-RAM."),
            Vec::<String>::new()
        );
        assert_eq!(
            names("Abu Mahdi al-Muhandis was killed."),
            ["Abu Mahdi al-Muhandis"]
        );
    }

    #[test]
    fn compound_names_state_their_places() {
        assert_eq!(
            names("The Moscow City Court ruled."),
            ["Moscow", "Moscow City Court"]
        );
        assert_eq!(
            names("U.S. Central Command said so."),
            ["United States", "US Central Command"]
        );
    }

    #[test]
    fn data_files_are_sorted_and_unique() {
        let column = |l: &str| l.split(',').next().unwrap_or("").to_string();
        assert_sorted_unique("countries.csv", include_str!("countries.csv"), column);
        assert_sorted_unique("institutions.csv", include_str!("institutions.csv"), column);
        assert_sorted_unique("titles.txt", include_str!("titles.txt"), str::to_string);
        assert_sorted_unique(
            "org_heads.txt",
            include_str!("org_heads.txt"),
            str::to_string,
        );
        assert_sorted_unique(
            "not_names.txt",
            include_str!("not_names.txt"),
            str::to_string,
        );
        for line in data_lines(include_str!("titles.txt")) {
            assert_eq!(
                line,
                name_key(line),
                "titles.txt: write {line:?} as its key"
            );
        }
        for (country, _) in COUNTRIES.iter() {
            assert!(
                lookup(country).is_some_and(|a| a.kind == NameKind::Country),
                "{country} is not a country in names.csv"
            );
        }
    }
}
