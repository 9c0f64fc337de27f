//! The lexicon of loaded terms: which words carry a judgment, what a neutral writer would use
//! instead, and why, as data (`lexicons/en.csv`, embedded; users add or override entries with
//! files of the same columns).
//!
//! Columns: `term,forms,category,neutral,weight,explanation,example,not_when`.
//! - `forms`: the inflected forms that count as the term, `|`-separated (`claim|claims|claimed`);
//!   empty means the term itself. Matching is by lower-case form.
//! - `category`: `attribution-neutral`, `attribution-doubt`, ... (the reporting verbs, whose
//!   class [`Lexicon::verb_class`] derives), and the scorer's categories.
//! - `not_when`: context guards, `|`-separated phrases that each contain a form: when one of
//!   them stands around a match, the match is another use of the word ("claimed responsibility"
//!   is not a doubt verb).
//!
//! ```
//! use slant::score::lexicon::Lexicon;
//! use slant::extract::VerbClass;
//!
//! let lexicon = Lexicon::default_english();
//! assert_eq!(lexicon.verb_class("Claimed"), Some(VerbClass::Doubt));
//! assert_eq!(lexicon.verb_class("said"), Some(VerbClass::Neutral));
//! let claim = lexicon.lookup("claimed").next().unwrap();
//! assert!(claim.not_when.iter().any(|g| g == "claimed responsibility"));
//! ```

use crate::extract::VerbClass;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

/// The default English lexicon, as shipped.
pub const DEFAULT_ENGLISH_CSV: &str = include_str!("../../lexicons/en.csv");

/// The columns of a lexicon file, in the order the default file writes them.
pub const COLUMNS: [&str; 8] = [
    "term",
    "forms",
    "category",
    "neutral",
    "weight",
    "explanation",
    "example",
    "not_when",
];

/// One lexicon row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The headword as written in the file.
    pub term: String,
    /// Lower-case forms that count as this term (at least one).
    pub forms: Vec<String>,
    pub category: String,
    /// A neutral alternative; empty where none fits.
    pub neutral: String,
    /// How loaded the term is, 0 (neutral) to 1.
    pub weight: f32,
    /// Why it is flagged, in plain words.
    pub explanation: String,
    /// A sentence that uses the term in the flagged sense.
    pub example: String,
    /// Lower-case phrases that mark another use of the term.
    pub not_when: Vec<String>,
    /// The lexicon (file name) the entry came from.
    pub source: String,
}

impl Entry {
    /// The reporting-verb class, for `attribution-*` categories.
    pub fn verb_class(&self) -> Option<VerbClass> {
        verb_class_of_category(&self.category)
    }

    /// Whether one of the `not_when` guards occurs in `text` around the byte range `at`
    /// (where a form of this term was found). `text` is compared lower-cased.
    pub fn guarded(&self, text: &str, at: std::ops::Range<usize>) -> bool {
        self.not_when
            .iter()
            .any(|guard| guard_covers(text, at.clone(), guard))
    }
}

/// Whether `guard` occurs in `text` (case-insensitively, on word boundaries) on a stretch
/// that covers `at`.
fn guard_covers(text: &str, at: std::ops::Range<usize>, guard: &str) -> bool {
    let lo = at.start.saturating_sub(guard.len());
    let hi = (at.end + guard.len()).min(text.len());
    let (Some(lo), Some(hi)) = (floor_char(text, lo), ceil_char(text, hi)) else {
        return false;
    };
    let window = text[lo..hi].to_lowercase();
    // Lower-casing can change lengths (rarely, outside ASCII); fall back to a plain search then.
    let same_len = window.len() == hi - lo;
    let mut from = 0;
    while let Some(found) = window[from..].find(guard) {
        let start = from + found;
        let end = start + guard.len();
        let bounded = !window[..start].ends_with(char::is_alphanumeric)
            && !window[end..].starts_with(char::is_alphanumeric);
        if bounded && (!same_len || (lo + start <= at.start && at.end <= lo + end)) {
            return true;
        }
        from = start + window[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

fn floor_char(text: &str, mut i: usize) -> Option<usize> {
    while !text.is_char_boundary(i) {
        i = i.checked_sub(1)?;
    }
    Some(i)
}

fn ceil_char(text: &str, mut i: usize) -> Option<usize> {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    Some(i)
}

/// `attribution-doubt` → [`VerbClass::Doubt`], and so on; other categories → `None`.
pub fn verb_class_of_category(category: &str) -> Option<VerbClass> {
    match category.strip_prefix("attribution-")? {
        "neutral" => Some(VerbClass::Neutral),
        "doubt" => Some(VerbClass::Doubt),
        "endorse" => Some(VerbClass::Endorse),
        "emotive" => Some(VerbClass::Emotive),
        _ => Some(VerbClass::Other),
    }
}

/// Lexicon entries with an index by form.
///
/// `Lexicon::default()` is the empty lexicon (what `--no-default-lexicon` starts from);
/// [`Lexicon::default_english`] is the shipped one.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Lower-case form → indices into `entries`.
    by_form: HashMap<String, Vec<usize>>,
}

/// A lexicon file that cannot be read, with where: `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct LexiconError {
    pub file: String,
    /// 1-based line of the record (or header).
    pub line: u64,
    /// 1-based column (field number) of the bad cell; 1 when the whole record is bad.
    pub column: usize,
    pub message: String,
}

impl Lexicon {
    /// The shipped English lexicon (`lexicons/en.csv`).
    pub fn default_english() -> Self {
        Self::from_csv("lexicons/en.csv", DEFAULT_ENGLISH_CSV)
            .expect("the embedded lexicon parses (tested)")
    }

    /// Parses a lexicon file. Columns are found by header name, in any order; `term` and
    /// `category` are required, the others may be missing or empty (`forms` defaults to the
    /// term, `weight` to 0.5). `name` is the file name errors will show.
    pub fn from_csv(name: &str, text: &str) -> Result<Self, LexiconError> {
        let error = |line: u64, column: usize, message: String| LexiconError {
            file: name.to_string(),
            line,
            column,
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| csv_error(name, &e))?.clone();
        let find = |col: &str| headers.iter().position(|h| h.trim() == col);
        let columns = ColumnIndex {
            term: find("term").ok_or_else(|| error(1, 1, "no `term` column".into()))?,
            category: find("category").ok_or_else(|| error(1, 1, "no `category` column".into()))?,
            forms: find("forms"),
            neutral: find("neutral"),
            weight: find("weight"),
            explanation: find("explanation"),
            example: find("example"),
            not_when: find("not_when"),
        };
        let mut lexicon = Self::default();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(name, &e))?;
            let line = record.position().map_or(0, |p| p.line());
            let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
            let term = cell(Some(columns.term));
            if term.is_empty() {
                return Err(error(line, columns.term + 1, "empty term".into()));
            }
            let category = cell(Some(columns.category));
            if category.is_empty() {
                return Err(error(line, columns.category + 1, "empty category".into()));
            }
            let weight = match cell(columns.weight) {
                "" => 0.5,
                w => match w.parse::<f32>() {
                    Ok(w) if (0.0..=1.0).contains(&w) => w,
                    _ => {
                        return Err(error(
                            line,
                            columns.weight.unwrap_or(0) + 1,
                            format!("weight `{w}` is not a number from 0 to 1"),
                        ));
                    }
                },
            };
            let mut forms = split_list(cell(columns.forms));
            if forms.is_empty() {
                forms.push(term.to_lowercase());
            }
            let entry = Entry {
                term: term.to_string(),
                forms,
                category: category.to_string(),
                neutral: cell(columns.neutral).to_string(),
                weight,
                explanation: cell(columns.explanation).to_string(),
                example: cell(columns.example).to_string(),
                not_when: split_list(cell(columns.not_when)),
                source: name.to_string(),
            };
            if lexicon.position(&entry.term).is_some() {
                return Err(error(
                    line,
                    columns.term + 1,
                    format!("term `{term}` appears twice"),
                ));
            }
            lexicon.entries.push(entry);
        }
        lexicon.reindex();
        Ok(lexicon)
    }

    /// This lexicon with `user`'s entries added; a user entry replaces the entry with the same
    /// term (compared case-insensitively).
    pub fn merged(mut self, user: Lexicon) -> Self {
        for entry in user.entries {
            match self.position(&entry.term) {
                Some(i) => self.entries[i] = entry,
                None => self.entries.push(entry),
            }
        }
        self.reindex();
        self
    }

    /// All entries, in file order (merged entries after the ones they did not replace).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entries having `form` (any case) among their forms.
    pub fn lookup<'a>(&'a self, form: &str) -> impl Iterator<Item = &'a Entry> + 'a {
        let key = form.to_lowercase();
        self.by_form
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
    }

    /// The class of a reporting verb form (`claimed` → doubt), from the `attribution-*`
    /// entries; `None` when the lexicon has no attribution entry with that form.
    pub fn verb_class(&self, form: &str) -> Option<VerbClass> {
        self.attribution_entry(form).and_then(Entry::verb_class)
    }

    /// The `attribution-*` entry having `form`, if any.
    pub fn attribution_entry(&self, form: &str) -> Option<&Entry> {
        self.lookup(form).find(|e| e.verb_class().is_some())
    }

    /// The context guards of every entry having `form`.
    pub fn not_when<'a>(&'a self, form: &str) -> impl Iterator<Item = &'a str> + 'a {
        self.lookup(form)
            .flat_map(|e| e.not_when.iter().map(String::as_str))
    }

    /// Every form of every `attribution-*` entry (the reporting verbs the lexicon knows).
    pub fn attribution_forms(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|e| e.verb_class().is_some())
            .flat_map(|e| e.forms.iter().map(String::as_str))
    }

    fn position(&self, term: &str) -> Option<usize> {
        let term = term.to_lowercase();
        self.entries
            .iter()
            .position(|e| e.term.to_lowercase() == term)
    }

    fn reindex(&mut self) {
        self.by_form.clear();
        for (i, entry) in self.entries.iter().enumerate() {
            for form in &entry.forms {
                let slot = self.by_form.entry(form.clone()).or_default();
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
    }
}

#[derive(Debug)]
struct ColumnIndex {
    term: usize,
    category: usize,
    forms: Option<usize>,
    neutral: Option<usize>,
    weight: Option<usize>,
    explanation: Option<usize>,
    example: Option<usize>,
    not_when: Option<usize>,
}

/// `a|b| c` → `["a", "b", "c"]`, lower case, empties dropped.
fn split_list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

fn csv_error(name: &str, e: &csv::Error) -> LexiconError {
    let line = e.position().map_or(0, |p| p.line());
    let (column, message) = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => (
            (*len as usize).min(*expected_len as usize) + 1,
            format!("{len} fields where the header has {expected_len}"),
        ),
        csv::ErrorKind::Utf8 { err, .. } => (err.field() + 1, "invalid UTF-8".to_string()),
        _ => (1, e.to_string()),
    };
    LexiconError {
        file: name.to_string(),
        line,
        column,
        message,
    }
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.term, self.category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Categories for which no neutral alternative fits (the column may stay empty).
    const NO_NEUTRAL_CATEGORIES: &[&str] = &["scare-quote", "agentless-passive"];

    fn default_rows() -> Vec<csv::StringRecord> {
        let mut reader = csv::Reader::from_reader(DEFAULT_ENGLISH_CSV.as_bytes());
        reader.records().map(|r| r.unwrap()).collect()
    }

    #[test]
    fn default_file_has_the_contract_header() {
        let mut reader = csv::Reader::from_reader(DEFAULT_ENGLISH_CSV.as_bytes());
        let header: Vec<&str> = reader.headers().unwrap().iter().collect();
        assert_eq!(header, COLUMNS);
        assert!(!Lexicon::default_english().is_empty());
    }

    #[test]
    fn default_file_is_sorted_and_unique() {
        let terms: Vec<String> = default_rows().iter().map(|r| r[0].to_lowercase()).collect();
        for pair in terms.windows(2) {
            assert!(pair[0] < pair[1], "not sorted or duplicated: {:?}", pair);
        }
    }

    #[test]
    fn default_file_is_complete() {
        for entry in Lexicon::default_english().entries() {
            let what = &entry.term;
            assert!(!entry.forms.is_empty(), "{what}: forms");
            assert!(!entry.explanation.is_empty(), "{what}: explanation");
            assert!(!entry.example.is_empty(), "{what}: example");
            assert!(
                !entry.neutral.is_empty()
                    || NO_NEUTRAL_CATEGORIES.contains(&entry.category.as_str()),
                "{what}: neutral"
            );
        }
    }

    fn has_word(text: &str, form: &str) -> bool {
        let text = text.to_lowercase();
        text.match_indices(form).any(|(i, _)| {
            !text[..i].ends_with(char::is_alphanumeric)
                && !text[i + form.len()..].starts_with(char::is_alphanumeric)
        })
    }

    #[test]
    fn every_example_uses_a_form_and_is_not_guarded() {
        for entry in Lexicon::default_english().entries() {
            let found = entry.forms.iter().find(|f| has_word(&entry.example, f));
            let form = found.unwrap_or_else(|| panic!("{}: example lacks a form", entry.term));
            let lower = entry.example.to_lowercase();
            let at = lower.find(form.as_str()).unwrap();
            assert!(
                !entry.guarded(&entry.example, at..at + form.len()),
                "{}: example is caught by a guard",
                entry.term
            );
        }
    }

    #[test]
    fn every_guard_contains_a_form() {
        for entry in Lexicon::default_english().entries() {
            for guard in &entry.not_when {
                assert!(
                    entry.forms.iter().any(|f| has_word(guard, f)),
                    "{}: guard `{guard}` contains none of its forms",
                    entry.term
                );
            }
        }
    }

    #[test]
    fn attribution_categories_give_verb_classes() {
        let lexicon = Lexicon::default_english();
        assert_eq!(lexicon.verb_class("claims"), Some(VerbClass::Doubt));
        assert_eq!(lexicon.verb_class("SAID"), Some(VerbClass::Neutral));
        assert_eq!(lexicon.verb_class("revealed"), Some(VerbClass::Endorse));
        assert_eq!(lexicon.verb_class("slammed"), Some(VerbClass::Emotive));
        assert_eq!(lexicon.verb_class("warned"), Some(VerbClass::Other));
        assert_eq!(lexicon.verb_class("according to"), Some(VerbClass::Neutral));
        assert_eq!(lexicon.verb_class("pointed out"), Some(VerbClass::Endorse));
        assert_eq!(lexicon.verb_class("table"), None);
    }

    #[test]
    fn guards_mark_other_uses() {
        let lexicon = Lexicon::default_english();
        let claim = lexicon.attribution_entry("claimed").unwrap();
        let text = "The group claimed responsibility for the attack.";
        let at = text.find("claimed").unwrap();
        assert!(claim.guarded(text, at..at + 7));
        let text = "The group claimed the attack was staged.";
        let at = text.find("claimed").unwrap();
        assert!(!claim.guarded(text, at..at + 7));
        let text = "The flu Claimed The Lives of many.";
        let at = text.find("Claimed").unwrap();
        assert!(claim.guarded(text, at..at + 7));
    }

    #[test]
    fn user_entries_override_default_ones() {
        let user = Lexicon::from_csv(
            "mine.csv",
            "term,forms,category,neutral,weight,explanation,example,not_when\n\
             Claim,claim|claimed,attribution-neutral,said,0,Plain.,He claimed it.,\n\
             regime,regime|regimes,actor-label,government,0.8,Loaded.,The regime fell.,\n",
        )
        .unwrap();
        let merged = Lexicon::default_english().merged(user);
        assert_eq!(merged.verb_class("claimed"), Some(VerbClass::Neutral));
        // The user entry lists fewer forms: the default's other forms are gone with it.
        assert_eq!(merged.verb_class("claiming"), None);
        assert_eq!(merged.lookup("regimes").next().unwrap().source, "mine.csv");
        assert_eq!(
            merged.len(),
            Lexicon::default_english().len() + 1,
            "one replaced, one added"
        );
    }

    #[test]
    fn columns_are_found_by_name_and_optional_ones_may_be_missing() {
        let lexicon = Lexicon::from_csv("x.csv", "category,term\nhedge,reportedly\n").unwrap();
        let entry = lexicon.lookup("Reportedly").next().unwrap();
        assert_eq!(entry.forms, ["reportedly"]);
        assert_eq!(entry.weight, 0.5);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let text = "term,forms,category,neutral,weight\nslam,slam,attribution-emotive,said,0.8\nblast,blast,attribution-emotive,said,heavy\n";
        let e = Lexicon::from_csv("user.csv", text).unwrap_err();
        assert_eq!((e.file.as_str(), e.line, e.column), ("user.csv", 3, 5));
        assert!(
            e.to_string().starts_with("user.csv:3:5: weight `heavy`"),
            "{e}"
        );

        let text = "term,forms,category\nslam,slam\n";
        let e = Lexicon::from_csv("user.csv", text).unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));

        let text = "term,forms,category\n,slam,hedge\n";
        let e = Lexicon::from_csv("user.csv", text).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));

        let text = "term,forms,category\nslam,,hedge\nSlam,,hedge\n";
        let e = Lexicon::from_csv("user.csv", text).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("twice"));

        let e = Lexicon::from_csv("user.csv", "forms,category\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
    }
}
