//! Numbers with what they count: "at least three Katyusha rockets" → `rocket` `>=3`.
//!
//! A count is a quantity, a qualifier before it, and the noun it counts:
//! - quantities: digits ("21", "1,400", "3.5"), number words ("three", "twenty-one", "one
//!   hundred and five"), "a dozen", "two dozen", scales ("$2 million"); the words and values
//!   are the alignment's `numbers.txt` plus `number_words.txt` here;
//! - qualifiers (`qualifiers.csv`): "at least" → `>=`, "more than" → `>`, "fewer than" → `<`,
//!   "about", "nearly", "some" → `~`;
//! - the noun: the first plural noun after the quantity, past adjectives and proper modifiers
//!   ("12 automated cranes", "eight Katyusha rockets", "two anti-terror commanders"), the
//!   singular for one ("one Iraqi soldier"), singularized and mapped by `counted_nouns.csv`
//!   ("people" → `person`, "scabs" → `replacement worker`); `$` and `%` count dollars and
//!   percent; "240-unit" counts units;
//! - a number with no noun counts what the sentence (or the one before) was counting, in two
//!   shapes only: "put the number at 21", "estimated the crowd at 800" (a number after "at"),
//!   and "three had failed to launch" (a number before an auxiliary verb).
//!
//! Not counts: years ("in 2020"), clock times ("8:30", "7 p.m."), ordinals ("21st", "first"),
//! "one" as a pronoun ("one of them"), vague plurals ("dozens of families"), day numbers that
//! belong to dates (the dates module marks them).

use super::{FastMap, FastSet, Found, Words, data_lines, data_rows};
use crate::extract::FactKind;
use std::sync::LazyLock;

/// Number words and their values: the alignment's list and the extras it lacks.
static NUMBER_WORDS: LazyLock<FastMap<&'static str, f64>> = LazyLock::new(|| {
    data_lines(include_str!("../../align/numbers.txt"))
        .chain(data_lines(include_str!("number_words.txt")))
        .filter_map(|l| l.split_once(' '))
        .filter_map(|(w, v)| Some((w, v.trim().parse().ok()?)))
        .collect()
});

/// Qualifier phrase → the sign it puts before the value.
static QUALIFIERS: LazyLock<FastMap<&'static str, &'static str>> = LazyLock::new(|| {
    data_rows(include_str!("qualifiers.csv"))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
        .collect()
});

/// A row of `counted_nouns.csv`: the key a form counts as, and whether the form is plural.
#[derive(Debug, Clone, Copy)]
struct CountedNoun {
    key: &'static str,
    plural: bool,
}

/// Counted-noun forms (lower case, singular or irregular plural, one or two words).
static COUNTED_NOUNS: LazyLock<FastMap<&'static str, CountedNoun>> = LazyLock::new(|| {
    data_rows(include_str!("counted_nouns.csv"))
        .filter_map(|r| {
            let noun = CountedNoun {
                key: r.get(1)?,
                plural: *r.get(2)? == "plural",
            };
            Some((*r.first()?, noun))
        })
        .collect()
});

/// Words that end the noun phrase after a number: function words, auxiliaries, reporting verbs.
static NOT_NOUNS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("not_counted.txt")).collect());

/// Words before "at N" that mean "the count of what we were counting" ("put the number at 21").
const COUNT_WORDS: [&str; 8] = [
    "count", "estimate", "figure", "it", "number", "tally", "toll", "total",
];

/// Vague quantities whose noun still tells what is being counted ("several rockets ... three
/// had failed").
const VAGUE_QUANTITIES: [&str; 8] = [
    "dozens",
    "few",
    "hundreds",
    "many",
    "multiple",
    "numerous",
    "several",
    "thousands",
];

/// Auxiliary verbs after a bare number that make it the subject ("three had failed").
const AUXILIARIES: [&str; 11] = [
    "are", "could", "did", "had", "have", "is", "was", "were", "will", "would", "remain",
];

/// The counts of an article. `used` marks tokens that belong to dates.
pub(crate) fn find(words: &Words, used: &[bool]) -> Vec<Found> {
    let mut found = Vec::new();
    // What the text was last counting, and in which sentence: for numbers without a noun.
    let mut last_counted: Option<(String, usize)> = None;
    let mut i = 0;
    while i < words.len() {
        if used[i] {
            i += 1;
            continue;
        }
        if VAGUE_QUANTITIES.contains(&words.lower(i)) {
            if let Some(head) = noun_after(words, i, 2.0) {
                last_counted = Some((head.key, words.sentence(i)));
            }
            i += 1;
            continue;
        }
        let Some(quantity) = quantity_at(words, i) else {
            i += 1;
            continue;
        };
        let sentence = words.sentence(i);
        let qualifier = qualifier_before(words, quantity.first);
        let key = counted_key(words, &quantity, qualifier, &last_counted, sentence);
        // An empty key in `counted_nouns.csv` marks nouns whose counts are not facts.
        if let Some(key) = key.filter(|k| !k.is_empty()) {
            let first = qualifier.map_or(quantity.first, |q| q.1);
            let last = quantity.noun_last.unwrap_or(quantity.last);
            found.push(Found {
                kind: FactKind::Number,
                value: format!(
                    "{}{}",
                    qualifier.map_or("", |q| q.0),
                    format_value(quantity.value)
                ),
                span: words.body_span(first, last.max(quantity.last)),
                sentence,
                key: key.clone(),
            });
            // A count of one is rarely what a later bare number counts ("eight rockets ...
            // one soldier ... put the number at 21").
            if quantity.value != 1.0 {
                last_counted = Some((key, sentence));
            }
        }
        i = quantity.last + 1;
    }
    found
}

/// A quantity in the text: its tokens, its value, and (once found) where its noun ends.
#[derive(Debug, Clone)]
struct Quantity {
    first: usize,
    last: usize,
    value: f64,
    /// `$`, `€`, `£` before it, or `%` after it.
    unit: Option<&'static str>,
    /// Whether it is written as a bare four-digit number that may be a year.
    year_like: bool,
    noun_last: Option<usize>,
}

/// The quantity starting at token `i`, if one does: digits or number words, with a scale
/// ("2 million", "two dozen", "a dozen").
fn quantity_at(words: &Words, i: usize) -> Option<Quantity> {
    let word = words.lower(i);
    let (mut value, mut last, digits) = if words.is_number(i) {
        if word.contains(':') || is_clock(words, i) || is_after_no(words, i) {
            return None;
        }
        (word.replace(',', "").parse::<f64>().ok()?, i, true)
    } else if matches!(word, "a" | "an") {
        // "a dozen", "a hundred", "a million": the article stands for one.
        let next = i + 1;
        if !words.joined_by_space(i) || !is_scale(words.lower(next)) {
            return None;
        }
        (1.0, i, false)
    } else {
        (*NUMBER_WORDS.get(word)?, i, false)
    };
    let mut total = 0.0;
    // Number words and scales that follow: "twenty-one", "one hundred and five", "2 million".
    while words.same_sentence(last, last + 1) {
        let gap = words.gap_before(last + 1);
        let next = words.lower(last + 1);
        let joined = gap.chars().all(char::is_whitespace) || (gap == "-" && !digits);
        if !joined {
            break;
        }
        match (NUMBER_WORDS.get(next), next) {
            (Some(&scale), "hundred" | "dozen") => value *= scale,
            (Some(&scale), _) if scale >= 1000.0 => {
                total += value * scale;
                value = 0.0;
            }
            (Some(&small), _)
                if !digits && small < 100.0 && value >= 20.0 && value % 10.0 == 0.0 =>
            {
                value += small;
            }
            (None, "and")
                if !digits
                    && words.same_sentence(last, last + 2)
                    && NUMBER_WORDS.contains_key(words.lower(last + 2)) =>
            {
                last += 1;
                continue;
            }
            _ => break,
        }
        last += 1;
    }
    let value = total + value;
    let unit = unit_around(words, i, last);
    let year_like = digits && last == i && word.len() == 4 && (1000.0..=2100.0).contains(&value);
    Some(Quantity {
        first: i,
        last,
        value,
        unit,
        year_like,
        noun_last: None,
    })
}

/// Whether `word` is a number word ("three", "dozen").
pub(crate) fn is_number_word(word: &str) -> bool {
    NUMBER_WORDS.contains_key(word)
}

fn is_scale(word: &str) -> bool {
    matches!(
        word,
        "dozen" | "hundred" | "thousand" | "million" | "billion" | "trillion"
    )
}

/// "7 p.m.", "6 a.m.", "9 o'clock": the tokenizer folds `a.m.` to `am`.
fn is_clock(words: &Words, i: usize) -> bool {
    words.same_sentence(i, i + 1) && matches!(words.lower(i + 1), "am" | "pm" | "o'clock")
}

/// "No. 10": a rank, not a count.
fn is_after_no(words: &Words, i: usize) -> bool {
    i > 0
        && words.same_sentence(i - 1, i)
        && words.lower(i - 1) == "no"
        && words.gap_before(i).starts_with('.')
}

/// A currency sign right before the quantity, or a percent sign right after it.
fn unit_around(words: &Words, first: usize, last: usize) -> Option<&'static str> {
    let before = words.gap_before(first).trim_start();
    let sign = before
        .chars()
        .last()
        .filter(|_| before.chars().count() <= 3);
    let currency = match sign {
        Some('$') => Some("dollar"),
        Some('€') => Some("euro"),
        Some('£') => Some("pound"),
        Some('¥') => Some("yen"),
        _ => None,
    };
    currency.or_else(|| words.gap_after(last).starts_with('%').then_some("percent"))
}

/// The qualifier phrase right before token `first`: its sign and its first token.
fn qualifier_before(words: &Words, first: usize) -> Option<(&'static str, usize)> {
    let mut phrase = String::new();
    for n in (1..=3).rev() {
        let Some(start) = first.checked_sub(n) else {
            continue;
        };
        if !(start..first).all(|t| words.same_sentence(t, first) && is_spaced(words.gap_after(t))) {
            continue;
        }
        phrase.clear();
        for t in start..first {
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(&words.tokens[t].text);
        }
        if let Some(sign) = QUALIFIERS.get(phrase.as_str()) {
            return Some((sign, start));
        }
    }
    None
}

/// Spaces, or spaces and a currency sign ("about $2 million").
fn is_spaced(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || matches!(c, '$' | '€' | '£' | '¥'))
}

/// What a quantity counts: its unit, its noun, or (for a bare number in the two shapes the
/// module doc names) what the text was counting just before.
fn counted_key(
    words: &Words,
    quantity: &Quantity,
    qualifier: Option<(&str, usize)>,
    last_counted: &Option<(String, usize)>,
    sentence: usize,
) -> Option<String> {
    if let Some(unit) = quantity.unit {
        return Some(unit.to_string());
    }
    // "in 2020", "the 1995 filing": news writes counts of a thousand or more with a comma.
    if quantity.year_like {
        return None;
    }
    let last = quantity.last;
    // "240-unit", "a 10-year plan" (but not "a 17-year-old").
    if words.same_sentence(last, last + 1)
        && words.gap_before(last + 1) == "-"
        && !words.is_number(last + 1)
    {
        let next = last + 2;
        let age = words.same_sentence(last, next)
            && words.gap_before(next) == "-"
            && words.lower(next) == "old";
        let word = words.lower(last + 1);
        let vague = matches!(word, "plus" | "odd" | "something" | "some");
        return (!age && !vague).then(|| key_for(None, word));
    }
    if words.same_sentence(last, last + 1) && matches!(words.lower(last + 1), "percent") {
        return Some("percent".into());
    }
    if let Some(head) = noun_after(words, last, quantity.value) {
        return Some(head.key);
    }
    if quantity.value == 1.0 && qualifier.is_none() {
        return None;
    }
    let inherited = last_counted
        .as_ref()
        .filter(|(_, s)| *s + 1 >= sentence)
        .map(|(k, _)| k.clone());
    let start = qualifier.map_or(quantity.first, |q| q.1);
    if let Some(at) = start
        .checked_sub(1)
        .filter(|&t| words.same_sentence(t, start))
        && words.lower(at) == "at"
        && let Some(noun) = at.checked_sub(1).filter(|&t| words.same_sentence(t, at))
    {
        let noun = words.lower(noun);
        if let Some(counted) = COUNTED_NOUNS.get(noun) {
            return Some(counted.key.to_string());
        }
        return COUNT_WORDS.contains(&noun).then_some(inherited).flatten();
    }
    let next = last + 1;
    if words.same_sentence(last, next) && AUXILIARIES.contains(&words.lower(next)) {
        return inherited;
    }
    None
}

/// The noun a quantity counts, found after token `last`.
struct Head {
    key: String,
}

/// The noun after a quantity of `value`: for more than one, the first plural noun within four
/// words (a run of plurals ends at its last: "news outlets"); for one, the last word before
/// the noun phrase ends. Capitalized words are modifiers ("Katyusha", "Iraqi").
fn noun_after(words: &Words, last: usize, value: f64) -> Option<Head> {
    let plural = value != 1.0;
    let mut candidate: Option<usize> = None;
    let mut t = last;
    for _ in 0..4 {
        let next = t + 1;
        if !words.same_sentence(t, next) {
            break;
        }
        let gap = words.gap_before(next);
        let hyphenated = gap == "-";
        if !(hyphenated || gap.chars().all(char::is_whitespace)) {
            break;
        }
        let word = words.lower(next);
        if words.is_capitalized(next) && !words.is_number(next) {
            // A proper modifier ("Katyusha", "US"), unless the noun phrase already ended.
            if candidate.is_some() {
                break;
            }
            t = next;
            continue;
        }
        if NOT_NOUNS.contains(word) || words.is_number(next) {
            break;
        }
        t = next;
        if plural {
            if is_plural(word) {
                candidate = Some(next);
                if !words.same_sentence(next, next + 1)
                    || !is_plural(words.lower(next + 1))
                    || !words.joined_by_space(next)
                {
                    break;
                }
            } else if candidate.is_some() {
                break;
            }
        } else {
            // "one expected", "one recently": a verb or adverb is not what "one" counts.
            if is_verb_like(word) {
                break;
            }
            candidate = Some(next);
        }
        if words.is_possessive(next) {
            break;
        }
    }
    let head = candidate?;
    let modifier =
        (head > last + 1 && !words.is_capitalized(head - 1) && words.joined_by_space(head - 1))
            .then(|| words.lower(head - 1));
    Some(Head {
        key: key_for(modifier, words.lower(head)),
    })
}

/// Past participles and gerunds after a singular noun end its phrase ("one soldier died").
fn is_verb_like(word: &str) -> bool {
    word.ends_with("ed") || word.ends_with("ing") || word.ends_with("ly")
}

/// Whether `word` reads as a plural noun: `counted_nouns.csv` knows it, or it ends in `s`
/// (but not `ss`, `us`, `is`).
fn is_plural(word: &str) -> bool {
    if let Some(counted) = COUNTED_NOUNS.get(word) {
        return counted.plural;
    }
    word.len() > 2
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
}

/// The key for a head noun and the word before it: a two-word form `counted_nouns.csv` knows
/// ("replacement workers" → `replacement worker`), else the head's own entry, else the head
/// made singular.
fn key_for(modifier: Option<&str>, head: &str) -> String {
    let singular = singularize(head);
    if let Some(modifier) = modifier {
        let two = format!("{modifier} {singular}");
        if let Some(counted) = COUNTED_NOUNS.get(two.as_str()) {
            return counted.key.to_string();
        }
    }
    COUNTED_NOUNS
        .get(head)
        .or_else(|| COUNTED_NOUNS.get(singular.as_str()))
        .map_or(singular, |counted| counted.key.to_string())
}

/// The singular of a regular English plural: `casualties` → `casualty`, `churches` →
/// `church`, `rockets` → `rocket`. Irregular ones are in `counted_nouns.csv`.
pub fn singularize(word: &str) -> String {
    if let Some(counted) = COUNTED_NOUNS.get(word).filter(|c| c.plural) {
        return counted.key.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 1) {
        return format!("{stem}y");
    }
    for suffix in ["sses", "shes", "ches", "xes", "zzes"] {
        if word.ends_with(suffix) {
            return word[..word.len() - 2].to_string();
        }
    }
    match word.strip_suffix('s') {
        Some(stem) if !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") => {
            stem.to_string()
        }
        _ => word.to_string(),
    }
}

/// `3`, `2000000`, `3.5`.
fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::facts::test_support::{assert_sorted_unique, facts_of};

    fn counts(body: &str) -> Vec<String> {
        facts_of("2020-12-24", body)
            .into_iter()
            .filter_map(|f| f.strip_prefix("number ").map(str::to_string))
            .collect()
    }

    #[test]
    fn digits_and_number_words() {
        assert_eq!(
            counts("Officials said 21 rockets were fired."),
            ["rocket=21"]
        );
        assert_eq!(counts("Three rockets failed to launch."), ["rocket=3"]);
        assert_eq!(
            counts("The union said 1,400 dockworkers joined."),
            ["dockworker=1400"]
        );
        assert_eq!(counts("They counted twenty-one rockets."), ["rocket=21"]);
        assert_eq!(counts("It holds one hundred and five beds."), ["bed=105"]);
        assert_eq!(
            counts("The deal cost 3.5 million dollars."),
            ["dollar=3500000"]
        );
    }

    #[test]
    fn dozens() {
        assert_eq!(
            counts("Police made about two dozen arrests."),
            ["arrest=~24"]
        );
        assert_eq!(
            counts("More than a dozen cargo ships are stuck."),
            ["ship=>12"]
        );
        assert_eq!(counts("A dozen rockets hit the base."), ["rocket=12"]);
        assert!(counts("Dozens of families have loved ones there.").is_empty());
    }

    #[test]
    fn qualifiers() {
        assert_eq!(
            counts("It said at least three Katyusha rockets landed."),
            ["rocket=>=3"]
        );
        assert_eq!(counts("Police made more than 20 arrests."), ["arrest=>20"]);
        assert_eq!(
            counts("The firm says fewer than 900 dockworkers left."),
            ["dockworker=<900"]
        );
        assert_eq!(counts("About 2,000 people took part."), ["person=~2000"]);
        assert_eq!(counts("It was nearly 30 trucks long."), ["truck=~30"]);
        assert_eq!(counts("Some 200 workers stayed."), ["worker=~200"]);
        assert_eq!(
            counts("The strike costs about $2 million a day."),
            ["dollar=~2000000"]
        );
    }

    #[test]
    fn the_counted_noun() {
        assert_eq!(counts("One Iraqi soldier was wounded."), ["soldier=1"]);
        assert_eq!(
            counts("It plans 12 automated cranes by next year."),
            ["crane=12"]
        );
        assert_eq!(
            counts("The two anti-terror commanders were killed."),
            ["commander=2"]
        );
        assert_eq!(
            counts("It blamed him for more than 600 US service members."),
            ["service member=>600"]
        );
        assert_eq!(
            counts("The company brought in about 200 scabs."),
            ["replacement worker=~200"]
        );
        assert_eq!(counts("Fourteen ships sat idle."), ["ship=14"]);
        assert_eq!(
            counts("It fired missiles at two bases in Iraq."),
            ["base=2"]
        );
        assert_eq!(
            counts("It will demolish the 240-unit complex."),
            ["unit=240"]
        );
        assert_eq!(
            counts("The union wants 6% and the firm offers a 3% raise."),
            ["percent=6", "percent=3"]
        );
        assert_eq!(
            counts("The strike lasted nine days, six years ago."),
            ["day=9", "year=6"]
        );
    }

    #[test]
    fn a_bare_number_counts_what_came_before() {
        assert_eq!(
            counts(
                "The military said eight rockets were fired. Central Command put the number at 21."
            ),
            ["rocket=8", "rocket=21"]
        );
        assert_eq!(
            counts("Police estimated the crowd at around 800."),
            ["person=~800"]
        );
        assert_eq!(
            counts("It was hit by several rockets and three had failed to launch."),
            ["rocket=3"]
        );
        assert_eq!(
            counts("It said 1,400 dockworkers joined; the firm put the number at fewer than 900."),
            ["dockworker=1400", "dockworker=<900"]
        );
    }

    #[test]
    fn not_counts() {
        assert!(counts("If one American is killed, I will act.").is_empty());
        assert!(counts("It is one of the busiest ports.").is_empty());
        assert!(counts("The march went on in 2020 and ended at 7 p.m. sharp.").is_empty());
        assert!(counts("It was the 21st attack, the first this year.").is_empty());
        assert!(counts("The bangs began at 8:30 near the gate.").is_empty());
        assert!(counts("He was killed on Jan. 3 near the airport.").is_empty());
        assert!(counts("A 17-year-old was hurt.").is_empty());
    }

    #[test]
    fn singulars() {
        for (plural, singular) in [
            ("rockets", "rocket"),
            ("casualties", "casualty"),
            ("churches", "church"),
            ("boxes", "box"),
            ("people", "person"),
            ("bases", "base"),
            ("buses", "bus"),
            ("status", "status"),
        ] {
            assert_eq!(singularize(plural), singular);
        }
    }

    #[test]
    fn data_files_are_sorted_and_unique() {
        let column = |l: &str| l.split(',').next().unwrap_or("").to_string();
        let word = |l: &str| l.split(' ').next().unwrap_or("").to_string();
        assert_sorted_unique("qualifiers.csv", include_str!("qualifiers.csv"), column);
        assert_sorted_unique(
            "counted_nouns.csv",
            include_str!("counted_nouns.csv"),
            column,
        );
        assert_sorted_unique(
            "not_counted.txt",
            include_str!("not_counted.txt"),
            str::to_string,
        );
        assert_sorted_unique("number_words.txt", include_str!("number_words.txt"), word);
        let align: std::collections::HashSet<&str> =
            data_lines(include_str!("../../align/numbers.txt"))
                .filter_map(|l| l.split(' ').next())
                .collect();
        for word in data_lines(include_str!("number_words.txt")).filter_map(|l| l.split(' ').next())
        {
            assert!(
                !align.contains(word),
                "{word} is already in align/numbers.txt"
            );
        }
    }
}
