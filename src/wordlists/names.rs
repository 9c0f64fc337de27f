//! Names of general knowledge (`names.csv`): countries and their peoples, capitals, regions,
//! international bodies, major national institutions, news agencies and platforms, each with
//! one canonical name ("U.S." and "America" → `United States`, "Kiev" → `Kyiv`).
//!
//! People are not listed: one person's several spellings are told apart by rule, across the
//! story (see `extract::quotes::canonical`), so that a story nobody has seen works as well as
//! one somebody listed names for.
//!
//! ```
//! use slant::wordlists::names::{NameKind, lookup};
//!
//! let us = lookup("U.S.").unwrap();
//! assert_eq!((us.canonical, us.kind), ("United States", NameKind::Country));
//! assert_eq!(lookup("Ukrainian").unwrap().kind, NameKind::Demonym);
//! assert!(lookup("us").is_none(), "capitals in the file match only capitals");
//! ```

use super::data_lines;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What a known name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Country,
    City,
    Place,
    Org,
    /// A nationality ("Iranian"): not an entity by itself.
    Demonym,
}

impl NameKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "country" => Self::Country,
            "city" => Self::City,
            "place" => Self::Place,
            "org" => Self::Org,
            "demonym" => Self::Demonym,
            _ => return None,
        })
    }

    /// A country, a city or another place.
    pub fn is_place(self) -> bool {
        matches!(self, Self::Country | Self::City | Self::Place)
    }
}

/// One form of a known name.
#[derive(Debug, Clone, Copy)]
pub struct KnownName {
    pub canonical: &'static str,
    pub kind: NameKind,
    /// Written in capitals in the file: matches only capitals.
    pub caps: bool,
}

/// The known names by [`name_key`], and the most words any form has.
static NAMES: LazyLock<(HashMap<String, KnownName>, usize)> = LazyLock::new(|| {
    let mut map = HashMap::new();
    let mut longest = 1;
    for line in data_lines(include_str!("names.csv")) {
        let mut fields = line.split(',').map(str::trim);
        let (Some(form), Some(canonical), Some(kind)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let Some(kind) = NameKind::parse(kind) else {
            continue;
        };
        let caps = form.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !form.chars().any(char::is_lowercase);
        let key = name_key(form);
        longest = longest.max(key.split(' ').count());
        map.insert(
            key,
            KnownName {
                canonical,
                kind,
                caps,
            },
        );
    }
    (map, longest)
});

/// The lookup key of a name: lower case, periods, brackets and possessives dropped, words
/// split at spaces and hyphens and joined by one space (`U.S.` → `us`, `al-Muhandis` →
/// `al muhandis`).
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || c == '-') {
        let word = word.to_lowercase().replace(['.', '[', ']'], "");
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix('\''))
            .unwrap_or(&word);
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// The known name `form` stands for, if any (capitals not checked: see [`KnownName::caps`]).
pub fn lookup(form: &str) -> Option<KnownName> {
    let found = NAMES.0.get(&name_key(form)).copied()?;
    (!found.caps || !form.chars().any(char::is_lowercase)).then_some(found)
}

/// The known name with lookup key `key` (from [`name_key`]), capitals not checked.
pub fn by_key(key: &str) -> Option<KnownName> {
    NAMES.0.get(key).copied()
}

/// The most words a known name has.
pub fn longest() -> usize {
    NAMES.1
}

/// Every lookup key.
pub fn keys() -> impl Iterator<Item = &'static str> {
    NAMES.0.keys().map(String::as_str)
}

/// Whether `word` (as written) is a nationality or a people's name ("Ukrainian", "Iraqis"):
/// an adjective, never a speaker by itself.
pub fn is_demonym(word: &str) -> bool {
    lookup(word).is_some_and(|n| n.kind == NameKind::Demonym)
}

/// Canonical names of the countries (for telling a country from its institutions).
pub fn countries() -> HashSet<&'static str> {
    NAMES
        .0
        .values()
        .filter(|n| n.kind == NameKind::Country)
        .map(|n| n.canonical)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_is_sorted_by_key_unique_and_every_kind_is_known() {
        let mut keys = Vec::new();
        for line in data_lines(include_str!("names.csv")) {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), 3, "{line}: form, canonical, kind");
            assert!(NameKind::parse(fields[2]).is_some(), "{line}: unknown kind");
            keys.push(name_key(fields[0]));
        }
        for pair in keys.windows(2) {
            assert!(
                pair[0] < pair[1],
                "names.csv: {} should come after {}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn every_canonical_name_is_a_form_of_its_own() {
        for line in data_lines(include_str!("names.csv")) {
            let canonical = line.split(',').nth(1).unwrap();
            assert!(
                by_key(&name_key(canonical)).is_some(),
                "{canonical} is not a form"
            );
        }
    }
}
