//! One name per speaker across a story.
//!
//! Names sharing a surname (the last word) are one speaker when their first names agree (or
//! one of them has none): `Trump`, `Donald Trump`, `Donald J. Trump`. A surname spelled two
//! ways, as transliteration from another alphabet makes it (`Zelensky`, `Zelenskyy`,
//! `Zelenskiy`; `Kyrylenko`, `Kirilenko`; `Soleimani`, `Suleimani`), is one surname: see
//! [`spelling_key`] and [`same_spelling`]. The canonical form is the fullest: the most words
//! that are not initials, then the most used, then the first in alphabetical order. Handles
//! (`@realDonaldTrump`) join the person whose name they spell.
//!
//! Bodies (names and groups whose last word is an institution: `ministry`, `police`, `army`)
//! are one speaker when they have the same words, in any order and either spelling, with the
//! country for its people (`Russian Defense Ministry`, `Russia's Ministry of Defence`); a body
//! named with fewer words (`the defence ministry`) joins the only body of the story that has
//! them all. An organisation named in full and by its acronym is one speaker too
//! (`Israel Defense Forces (IDF)`).

use std::collections::{BTreeMap, HashMap};

/// Maps each name in `names` (with repeats: they count as uses) to its canonical form.
pub fn canonical_names<'a>(names: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names {
        *uses.entry(name).or_default() += 1;
    }
    // Names by surname, spelling variants of a surname together.
    let is_body = |n: &str| body_key(n).is_some();
    let surnames = surname_groups(
        uses.keys()
            .filter(|n| !is_body(n))
            .filter_map(|n| person_parts(n))
            .map(|p| p.surname),
    );
    let mut by_surname: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for &name in uses.keys().filter(|n| !is_body(n)) {
        if let Some(parts) = person_parts(name) {
            by_surname
                .entry(surnames[&parts.surname].clone())
                .or_default()
                .push(name);
        }
    }
    let mut map = HashMap::new();
    for (surname, names) in &by_surname {
        // Cluster by first name; a name without one joins the most used cluster.
        let mut clusters: Vec<Vec<&str>> = Vec::new();
        let mut bare: Vec<&str> = Vec::new();
        for &name in names {
            let parts = person_parts(name).expect("grouped above");
            match &parts.first {
                None => bare.push(name),
                Some(first) => {
                    let found = clusters.iter_mut().find(|c| {
                        let other = person_parts(c[0]).expect("grouped above");
                        other
                            .first
                            .as_deref()
                            .is_some_and(|o| first_names_agree(o, first))
                    });
                    match found {
                        Some(c) => c.push(name),
                        None => clusters.push(vec![name]),
                    }
                }
            }
        }
        let total = |c: &Vec<&str>| c.iter().map(|n| uses[n]).sum::<usize>();
        let main = clusters
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| (total(c), std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        match main {
            Some(i) => clusters[i].extend(bare),
            None => clusters.push(bare),
        }
        for cluster in clusters {
            let best = cluster
                .iter()
                .copied()
                .max_by(|a, b| {
                    let key = |n: &str| (full_words(n), uses[n]);
                    key(a).cmp(&key(b)).then_with(|| b.cmp(a))
                })
                .unwrap_or_default();
            for name in cluster {
                map.insert(name.to_string(), best.to_string());
            }
        }
        let _ = surname;
    }
    // Handles: the person whose name words all appear in it, else the one whose surname does.
    for &name in uses.keys() {
        let Some(handle) = name.strip_prefix('@') else {
            continue;
        };
        let handle = handle.to_lowercase();
        let canon: Vec<&String> = {
            let mut v: Vec<&String> = map.values().collect();
            v.sort();
            v.dedup();
            v
        };
        let spelled = |n: &&String| {
            n.split_whitespace()
                .map(|w| w.trim_end_matches('.').to_lowercase())
                .filter(|w| w.chars().count() > 1)
                .all(|w| handle.contains(&w))
        };
        let surname = |n: &&String| {
            n.split_whitespace()
                .last()
                .is_some_and(|s| s.chars().count() > 2 && handle.contains(&s.to_lowercase()))
        };
        let full: Vec<&&String> = canon
            .iter()
            .filter(|n| n.contains(' ') && spelled(n))
            .collect();
        let pick = if full.len() == 1 {
            Some(*full[0])
        } else {
            let by_surname: Vec<&&String> = canon.iter().filter(|n| surname(n)).collect();
            (by_surname.len() == 1).then(|| *by_surname[0])
        };
        if let Some(target) = pick {
            map.insert(name.to_string(), target.clone());
        }
    }
    join_bodies(&uses, &mut map);
    join_acronyms(&uses, &mut map);
    map
}

/// Last words that make a name a body rather than a person (`Defense Ministry`, `local
/// police`, `Ukrainian army`).
const BODY_HEADS: &[&str] = &[
    "administration",
    "agency",
    "army",
    "authorities",
    "authority",
    "command",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "force",
    "forces",
    "government",
    "guard",
    "military",
    "ministry",
    "office",
    "operator",
    "parliament",
    "police",
    "railway",
    "railways",
    "service",
    "services",
];

/// Words a body's name may hold that do not tell one body from another.
const BODY_FILLER: &[&str] = &["a", "an", "and", "for", "of", "the"];

/// A body's words as a comparable set: lower case, possessives dropped, a people's name as its
/// country (`Russian`, `Russia's` → `russia`), British and American spellings as one
/// (`defence`, `defense`), filler dropped; `None` when `name` is not a body.
fn body_key(name: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let head_at = words.iter().position(|w| {
        let w = w.to_lowercase();
        BODY_HEADS.contains(&w.as_str())
            && (words.last() == Some(&&*w) || w == "ministry" || w == "department")
    });
    let last = words.last()?.to_lowercase();
    let headed = BODY_HEADS.contains(&last.as_str())
        || head_at.is_some_and(|i| words.get(i + 1).is_some_and(|w| *w == "of"));
    if !headed {
        return None;
    }
    let mut key: Vec<String> = words
        .iter()
        .map(|w| {
            let bare = w.trim_end_matches("'s").trim_end_matches('\'');
            match crate::wordlists::names::lookup(bare) {
                Some(known) if known.kind != crate::wordlists::names::NameKind::Org => {
                    known.canonical.to_lowercase()
                }
                _ => spelling_variant(&bare.to_lowercase()),
            }
        })
        .filter(|w| !BODY_FILLER.contains(&w.as_str()))
        .collect();
    key.sort();
    key.dedup();
    Some(key)
}

/// A word with British spellings turned American (`defence` → `defense`, `labour` → `labor`),
/// for comparing names only.
fn spelling_variant(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ence").filter(|s| s.ends_with("f")) {
        return format!("{stem}ense");
    }
    if let Some(stem) = word.strip_suffix("our").filter(|s| s.len() > 2) {
        return format!("{stem}or");
    }
    word.to_string()
}

/// Bodies with the same words are one; a body whose words are all in exactly one other body
/// of the story joins it. The name shown is the most used one written with a capital (then
/// the longest, then the first in alphabetical order).
fn join_bodies(uses: &BTreeMap<&str, usize>, map: &mut HashMap<String, String>) {
    let bodies: Vec<(&str, Vec<String>)> = uses
        .keys()
        .filter_map(|n| Some((*n, body_key(n)?)))
        .collect();
    // Distinct keys, each with the names that have it.
    let mut by_key: BTreeMap<Vec<String>, Vec<&str>> = BTreeMap::new();
    for (name, key) in &bodies {
        by_key.entry(key.clone()).or_default().push(name);
    }
    // Widest keys first, so that a narrower key sees where its wider ones went: it joins them
    // when they all went to one body.
    let mut keys: Vec<Vec<String>> = by_key.keys().cloned().collect();
    keys.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let mut target: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
    for key in &keys {
        let mut goals: Vec<&Vec<String>> = keys
            .iter()
            .filter(|other| other.len() > key.len() && key.iter().all(|w| other.contains(w)))
            .map(|other| &target[other])
            .collect();
        goals.sort();
        goals.dedup();
        let goal = match goals.as_slice() {
            [only] => (*only).clone(),
            _ => key.clone(),
        };
        target.insert(key.clone(), goal);
    }
    let mut clusters: BTreeMap<Vec<String>, Vec<&str>> = BTreeMap::new();
    for (key, names) in &by_key {
        clusters
            .entry(target[key].clone())
            .or_default()
            .extend(names.iter().copied());
    }
    for names in clusters.values() {
        let shown = names
            .iter()
            .copied()
            .max_by(|a, b| {
                let rank = |n: &str| {
                    (
                        n.chars().next().is_some_and(char::is_uppercase),
                        uses[n],
                        n.len(),
                    )
                };
                rank(a).cmp(&rank(b)).then_with(|| b.cmp(a))
            })
            .unwrap_or_default();
        for name in names {
            map.insert((*name).to_string(), shown.to_string());
        }
    }
}

/// Words that an acronym skips (`World Health Organization` is `WHO`, `Ministry of Defence`
/// `MoD`).
const ACRONYM_SKIPS: &[&str] = &["and", "for", "of", "on", "the"];

/// The letters an organisation's name makes as an acronym: the first letter of each word
/// but the small ones, upper case (`Israel Defense Forces` → `IDF`).
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !ACRONYM_SKIPS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `name` is an acronym: two to six capitals alone (`IDF`, `WHO`, `UNRWA`).
fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// An organisation the story names both in full and by its acronym is one speaker, shown as
/// `Israel Defense Forces (IDF)`: the full name the story uses most (then the first in
/// alphabetical order), with the acronym after it. Names are compared by their initials, so a
/// spelling that keeps them (`Israeli Defense Forces`) joins too.
fn join_acronyms(uses: &BTreeMap<&str, usize>, map: &mut HashMap<String, String>) {
    let acronyms: Vec<&str> = uses.keys().copied().filter(|n| is_acronym(n)).collect();
    for acronym in acronyms {
        let mut full: Vec<(&str, usize)> = uses
            .iter()
            .filter(|(n, _)| {
                n.split_whitespace().count() >= 2
                    && n.chars().next().is_some_and(char::is_uppercase)
                    && initials(n) == acronym
            })
            .map(|(n, u)| (*n, *u))
            .collect();
        if full.is_empty() {
            continue;
        }
        full.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let head = map
            .get(full[0].0)
            .cloned()
            .unwrap_or_else(|| full[0].0.to_string());
        let shown = format!("{head} ({acronym})");
        for (name, _) in &full {
            map.insert((*name).to_string(), shown.clone());
        }
        map.insert(acronym.to_string(), shown);
    }
}

struct PersonParts {
    first: Option<String>,
    surname: String,
}

/// First name and surname of a capitalized name; `None` for groups and handles.
fn person_parts(name: &str) -> Option<PersonParts> {
    if name.starts_with('@') || !name.chars().next()?.is_uppercase() {
        return None;
    }
    // Initials and generational suffixes ("Roland L. Butler Jr.") are no part of the surname.
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !is_initial(w) && !is_suffix(w))
        .collect();
    let surname = words.last()?.to_lowercase();
    let first = (words.len() > 1).then(|| words[0].to_lowercase());
    Some(PersonParts { first, surname })
}

fn is_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.']),
        "Jr" | "Sr" | "II" | "III" | "IV"
    )
}

fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1 && letters.chars().all(char::is_uppercase)
}

fn first_names_agree(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() == 1 && b.starts_with(a))
        || (b.chars().count() == 1 && a.starts_with(b))
        || same_spelling(a, b)
}

/// A name folded the way transliterations differ: lower case, accents dropped, `y` as `i`,
/// `h` after a consonant dropped (`kh`, `zh`), `w` as `v`, `ph` as `f`, doubled letters once
/// (`Zelenskyy`, `Zelenskiy` and `Zelensky` → `zelenski`; `Kirilenko`, `Kyrylenko` →
/// `kirilenko`).
pub fn spelling_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = name
        .nfkd()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace("ph", "f")
        .replace('x', "ks");
    let mut out = String::with_capacity(plain.len());
    let mut previous: Option<char> = None;
    for c in plain.chars() {
        let after_consonant = previous.is_some_and(|p| !"aeiou".contains(p));
        let c = match c {
            'y' => 'i',
            'w' => 'v',
            // `h` is `g` from Ukrainian and Belarusian (Honcharenko, Goncharenko).
            'h' if !after_consonant => 'g',
            other => other,
        };
        if (c == 'h' && after_consonant) || previous == Some(c) {
            continue;
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// The consonants of a [`spelling_key`], which transliterations keep while they vary the
/// vowels (`Soleimani`, `Suleimani`, `Sulaimani` → `slmn`).
fn skeleton(key: &str) -> String {
    key.chars().filter(|c| !"aeiou".contains(*c)).collect()
}

/// Whether two spellings are one name written two ways: the same [`spelling_key`], or the
/// same consonants in keys at most a quarter apart in edits (`Soleimani`, `Sulaimani`), five
/// letters at least. `Salman` and `Suleiman` stay two names.
pub fn same_spelling(a: &str, b: &str) -> bool {
    let (ka, kb) = (spelling_key(a), spelling_key(b));
    if ka == kb {
        return !ka.is_empty();
    }
    ka.chars().count() >= 5
        && kb.chars().count() >= 5
        && skeleton(&ka) == skeleton(&kb)
        && strsim::normalized_levenshtein(&ka, &kb) >= 0.75
}

/// Each surname (lower case) → the surname standing for all its spellings in `surnames` (the
/// first in alphabetical order of its group). Surnames are compared within groups of one
/// consonant skeleton only, so the work stays near linear in the number of names.
fn surname_groups(surnames: impl Iterator<Item = String>) -> HashMap<String, String> {
    let mut distinct: Vec<String> = surnames.collect();
    distinct.sort();
    distinct.dedup();
    let mut by_skeleton: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for s in &distinct {
        by_skeleton
            .entry(skeleton(&spelling_key(s)))
            .or_default()
            .push(s);
    }
    let mut out = HashMap::new();
    for group in by_skeleton.values() {
        // Union the spellings of one skeleton that are the same name.
        let mut head: Vec<usize> = (0..group.len()).collect();
        for i in 0..group.len() {
            for j in 0..i {
                if head[j] == j && same_spelling(group[i], group[j]) {
                    head[i] = j;
                    break;
                }
            }
        }
        for (i, s) in group.iter().enumerate() {
            let mut h = i;
            while head[h] != h {
                h = head[h];
            }
            out.insert((*s).clone(), group[h].clone());
        }
    }
    out
}

fn full_words(name: &str) -> usize {
    name.split_whitespace().filter(|w| !is_initial(w)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_per_person() {
        let names = [
            "Trump",
            "Donald Trump",
            "Donald Trump",
            "Donald J. Trump",
            "@realDonaldTrump",
            "Pompeo",
            "Mike Pompeo",
            "police",
            "US Central Command",
        ];
        let map = canonical_names(names);
        for n in [
            "Trump",
            "Donald Trump",
            "Donald J. Trump",
            "@realDonaldTrump",
        ] {
            assert_eq!(map[n], "Donald Trump", "{n}");
        }
        assert_eq!(map["Pompeo"], "Mike Pompeo");
        assert_eq!(map["US Central Command"], "US Central Command");
        assert_eq!(map.get("police").map_or("police", String::as_str), "police");
    }

    #[test]
    fn spellings_of_one_name_are_one_person() {
        let map = canonical_names([
            "Volodymyr Zelenskyy",
            "Volodymyr Zelenskyy",
            "Volodymyr Zelensky",
            "Zelenskiy",
            "Pavlo Kyrylenko",
            "Kirilenko",
            "Qassem Soleimani",
            "Suleimani",
            "Sulaimani",
        ]);
        for n in ["Volodymyr Zelensky", "Zelenskiy"] {
            assert_eq!(map[n], "Volodymyr Zelenskyy", "{n}");
        }
        assert_eq!(map["Kirilenko"], "Pavlo Kyrylenko");
        assert!(same_spelling("Ihnatchenko", "Ignatchenko"));
        assert!(same_spelling("Oleksander", "Olexander"));
        assert_eq!(map["Suleimani"], "Qassem Soleimani");
        assert_eq!(map["Sulaimani"], "Qassem Soleimani");
        assert!(!same_spelling("Salman", "Suleiman"));
        assert!(!same_spelling("Peskov", "Pesko"));
        assert!(!same_spelling("Nelson", "Olsen"));
    }

    #[test]
    fn an_organisation_and_its_acronym_are_one_speaker() {
        let map = canonical_names([
            "Alden Water Authority",
            "AWA",
            "Alden Water Authority",
            "World Health Organization",
            "WHO",
            "police",
            "AP",
        ]);
        assert_eq!(map["AWA"], "Alden Water Authority (AWA)");
        assert_eq!(map["Alden Water Authority"], "Alden Water Authority (AWA)");
        assert_eq!(map["WHO"], "World Health Organization (WHO)");
        let ap = map.get("AP").map_or("AP", String::as_str);
        assert_eq!(ap, "AP", "an acronym the story never spells out stays");
    }

    #[test]
    fn one_body_under_several_names_is_one_speaker() {
        let map = canonical_names([
            "Alden Defense Ministry",
            "Alden Defense Ministry",
            "Alden's Ministry of Defence",
            "defence ministry",
            "Ministry of Health",
            "health ministry",
            "local police",
            "state police",
            "police",
        ]);
        for n in ["Alden's Ministry of Defence", "defence ministry"] {
            assert_eq!(map[n], "Alden Defense Ministry", "{n}");
        }
        assert_eq!(map["health ministry"], "Ministry of Health");
        assert_eq!(
            map["local police"], "local police",
            "two bodies fit: none is chosen"
        );
        assert_eq!(map["police"], "police");
    }

    #[test]
    fn different_first_names_are_different_people() {
        let map = canonical_names([
            "Hillary Clinton",
            "Bill Clinton",
            "Hillary Clinton",
            "Clinton",
        ]);
        assert_eq!(map["Bill Clinton"], "Bill Clinton");
        assert_eq!(map["Clinton"], "Hillary Clinton");
    }
}
