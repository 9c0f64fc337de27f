//! The lexicon of loaded terms: which words carry a judgment, what a neutral writer would use
//! instead, and why, as data (`lexicons/en/<category>.csv`, embedded; users add or override entries with
//! files of the same columns).
//!
//! Columns: `term,forms,category,neutral,weight,explanation,example,not_when`.
//! - `forms`: the inflected forms that count as the term, `|`-separated (`claim|claims|claimed`);
//!   empty means the term itself. Matching is by lower-case form.
//! - `category`: one of [`CATEGORIES`]: `attribution-neutral`, `attribution-doubt`, ... (the
//!   reporting verbs, whose class [`Lexicon::verb_class`] derives), and the scorer's categories
//!   (`violence-label`, `actor-label`, `evaluative`, `intensifier`, `hedge`, `presupposition`,
//!   `euphemism`, `loaded-metaphor`, ...).
//! - `neutral`: what a neutral writer would write; may be empty only in the categories of
//!   [`NEUTRAL_OPTIONAL`] (where the fix is often to drop the word).
//! - `weight`: how loaded, 0 to 1; `explanation`: one plain sentence; `example`: a sentence
//!   using the term in the flagged sense.
//! - `not_when`: context guards, `|`-separated phrases that each contain a form: when one of
//!   them stands around a match, the match is another use of the word ("claimed responsibility"
//!   is not a doubt verb).
//!
//! A form belongs to one entry. [`Lexicon::check`] lists every problem of a file (what
//! `slant lexicon check` prints); [`Rules::User`] are the rules any file must pass to be
//! loaded, [`Rules::Strict`] adds what the shipped file promises (sorted, complete).
//! [`Lexicon::load`] builds the lexicon `--lexicon FILE` and `--no-default-lexicon` ask for.
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
use std::path::{Path, PathBuf};

/// The default English lexicon, as shipped: one file per category (`lexicons/en/<category>.csv`,
/// path and text), in the order of [`CATEGORIES`], so that a reviewer reads one kind of word at
/// a time. Together they are one lexicon: a form belongs to one entry across all files.
pub const DEFAULT_ENGLISH: &[(&str, &str)] = &[
    (
        "lexicons/en/attribution-neutral.csv",
        include_str!("../../lexicons/en/attribution-neutral.csv"),
    ),
    (
        "lexicons/en/attribution-doubt.csv",
        include_str!("../../lexicons/en/attribution-doubt.csv"),
    ),
    (
        "lexicons/en/attribution-endorse.csv",
        include_str!("../../lexicons/en/attribution-endorse.csv"),
    ),
    (
        "lexicons/en/attribution-emotive.csv",
        include_str!("../../lexicons/en/attribution-emotive.csv"),
    ),
    (
        "lexicons/en/attribution-other.csv",
        include_str!("../../lexicons/en/attribution-other.csv"),
    ),
    (
        "lexicons/en/violence-label.csv",
        include_str!("../../lexicons/en/violence-label.csv"),
    ),
    (
        "lexicons/en/actor-label.csv",
        include_str!("../../lexicons/en/actor-label.csv"),
    ),
    (
        "lexicons/en/evaluative.csv",
        include_str!("../../lexicons/en/evaluative.csv"),
    ),
    (
        "lexicons/en/intensifier.csv",
        include_str!("../../lexicons/en/intensifier.csv"),
    ),
    (
        "lexicons/en/hedge.csv",
        include_str!("../../lexicons/en/hedge.csv"),
    ),
    (
        "lexicons/en/presupposition.csv",
        include_str!("../../lexicons/en/presupposition.csv"),
    ),
    (
        "lexicons/en/euphemism.csv",
        include_str!("../../lexicons/en/euphemism.csv"),
    ),
    (
        "lexicons/en/loaded-metaphor.csv",
        include_str!("../../lexicons/en/loaded-metaphor.csv"),
    ),
];

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

/// An [`Entry`] as compiled-in data (see [`Lexicon::default_english`]).
#[doc(hidden)]
#[derive(Debug)]
pub struct StaticEntry {
    pub term: &'static str,
    pub forms: &'static [&'static str],
    pub category: &'static str,
    pub neutral: &'static str,
    pub weight: f32,
    pub explanation: &'static str,
    pub example: &'static str,
    pub not_when: &'static [&'static str],
    pub source: &'static str,
}

impl StaticEntry {
    fn to_entry(&self) -> Entry {
        let owned = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        Entry {
            term: self.term.to_string(),
            forms: owned(self.forms),
            category: self.category.to_string(),
            neutral: self.neutral.to_string(),
            weight: self.weight,
            explanation: self.explanation.to_string(),
            example: self.example.to_string(),
            not_when: owned(self.not_when),
            source: self.source.to_string(),
        }
    }
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

    /// [`Entry::guarded`] on a text that is already lower-cased (what the matcher searches),
    /// without lower-casing it again.
    pub fn guarded_lowered(&self, lower: &str, at: std::ops::Range<usize>) -> bool {
        self.not_when.iter().any(|guard| {
            let lo = at.start.saturating_sub(guard.len());
            let hi = (at.end + guard.len()).min(lower.len());
            let (Some(lo), Some(hi)) = (floor_char(lower, lo), ceil_char(lower, hi)) else {
                return false;
            };
            covers_in(&lower[lo..hi], lo, true, &at, guard)
        })
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
    covers_in(&window, lo, same_len, &at, guard)
}

/// Whether `guard` occurs in the lower-cased `window` (which starts at `lo` of its text) on word
/// boundaries, over `at` when `same_len` says the window's offsets are the text's.
fn covers_in(
    window: &str,
    lo: usize,
    same_len: bool,
    at: &std::ops::Range<usize>,
    guard: &str,
) -> bool {
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

/// The categories a lexicon entry may have, with what each one means. They are the flag
/// categories of `fixtures/README.md` plus `loaded-metaphor`; a file with any other category is
/// refused, so that a typo cannot make entries silently useless.
pub const CATEGORIES: &[(&str, &str)] = &[
    (
        "attribution-neutral",
        "reporting verbs that report without judging (said, told, wrote)",
    ),
    (
        "attribution-doubt",
        "reporting verbs that cast doubt on what was said (claimed, alleged, insisted)",
    ),
    (
        "attribution-endorse",
        "reporting verbs that vouch for what was said (revealed, admitted, confirmed)",
    ),
    (
        "attribution-emotive",
        "reporting verbs that dramatize the speaker's mood (slammed, blasted, boasted)",
    ),
    (
        "attribution-other",
        "other reporting verbs, fair when they fit the words (warned, urged, accused)",
    ),
    (
        "violence-label",
        "loaded names for killing and violence (assassination, massacre, martyrdom)",
    ),
    (
        "actor-label",
        "loaded names for people and groups (regime, terrorist, thugs, Iran-backed)",
    ),
    (
        "evaluative",
        "words that pass judgment (brazen, notorious, irresponsible, blatantly)",
    ),
    (
        "intensifier",
        "words that pump up size or force (highly, strongly, massive)",
    ),
    (
        "hedge",
        "words that cast doubt or hide the source (reportedly, allegedly, so-called)",
    ),
    (
        "presupposition",
        "words that slip in an assumption as fact (finally, even, refused to)",
    ),
    (
        "euphemism",
        "mild words that hide something harsh (collateral damage, neutralized)",
    ),
    (
        "loaded-metaphor",
        "figures of speech that turn people into floods, swarms, pests or invaders",
    ),
    (
        "scare-quote",
        "quotation marks that distance the writer from a word (the \"peaceful\" protest)",
    ),
    (
        "agentless-passive",
        "passives that leave out who did it (protesters were injured)",
    ),
];

/// Categories whose entries may leave `neutral` empty: the fix for a hedge, an intensifier, a
/// label or a judgment is often to drop the word or to describe what happened, and the neutral
/// form of a passive needs the missing agent, which only the context knows. Every other
/// category (reporting verbs, violence labels, euphemisms, metaphors) names a neutral word.
pub const NEUTRAL_OPTIONAL: &[&str] = &[
    "hedge",
    "scare-quote",
    "presupposition",
    "actor-label",
    "evaluative",
    "intensifier",
    "agentless-passive",
];

/// What a category means, in plain words; `None` for a category outside [`CATEGORIES`].
pub fn category_description(category: &str) -> Option<&'static str> {
    CATEGORIES
        .iter()
        .find(|(name, _)| *name == category)
        .map(|(_, description)| *description)
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

/// A problem in a lexicon file, with where: `file:line:column: message` (or `file: message`
/// when the file cannot be read at all, `line` 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: String,
    /// 1-based line of the record (or header); 0 when the whole file is at fault.
    pub line: u64,
    /// 1-based column (field number) of the bad cell; 1 when the whole record is bad.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for LexiconError {}

/// Which rules [`Lexicon::check`] applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// What every lexicon file must satisfy to be loaded (`--lexicon FILE`): `term` and
    /// `category` columns, no unknown or repeated column, one field per column on every line,
    /// a non-empty term, a known category, a weight from 0 to 1, no form in two entries, no
    /// term twice, and every guard containing a form.
    User,
    /// [`Rules::User`] plus what the shipped lexicon promises: the exact header, terms sorted
    /// by their lower-cased bytes, `forms`, `weight`, `explanation` and `example` filled,
    /// `neutral` too outside [`NEUTRAL_OPTIONAL`], and an example that uses a form and is not
    /// caught by a guard.
    Strict,
}

impl Lexicon {
    /// The shipped English lexicon (the files of [`DEFAULT_ENGLISH`]), compiled in as data
    /// generated from them, so that nothing is parsed at start-up (`tests/lexicon_generated.rs`
    /// keeps the data and the files in step).
    pub fn default_english() -> Self {
        let mut lexicon = Self {
            entries: super::lexicon_default::ENTRIES
                .iter()
                .map(StaticEntry::to_entry)
                .collect(),
            by_form: HashMap::new(),
        };
        lexicon.reindex();
        lexicon
    }

    /// Parses several files (name, text) as one lexicon under [`Rules::User`], failing on the
    /// first problem: a term or form in two files is refused as in one.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Self, LexiconError> {
        let (lexicon, mut problems) = parse_files(files, Rules::User);
        if problems.is_empty() {
            Ok(lexicon)
        } else {
            Err(problems.swap_remove(0))
        }
    }

    /// Every problem of several files read as one lexicon, in file order.
    pub fn check_files(files: &[(&str, &str)], rules: Rules) -> Vec<LexiconError> {
        parse_files(files, rules).1
    }

    /// Parses a lexicon file under [`Rules::User`], failing on the first problem. Columns are
    /// found by header name, in any order; `term` and `category` are required, the others may
    /// be missing or empty (`forms` defaults to the term, `weight` to 0.5). `name` is the file
    /// name errors will show.
    pub fn from_csv(name: &str, text: &str) -> Result<Self, LexiconError> {
        let (lexicon, mut problems) = parse(name, text, Rules::User);
        if problems.is_empty() {
            Ok(lexicon)
        } else {
            Err(problems.swap_remove(0))
        }
    }

    /// Every problem in a lexicon file under `rules`, in file order (empty when it is fine).
    pub fn check(name: &str, text: &str, rules: Rules) -> Vec<LexiconError> {
        parse(name, text, rules).1
    }

    /// The default lexicon (unless `no_default`) with the entries of each file (or directory
    /// of files, see [`read_files`]) in `paths` added in order; an entry replaces an earlier one with the same term (what
    /// `--lexicon FILE` and `--no-default-lexicon` do).
    pub fn load(paths: &[PathBuf], no_default: bool) -> Result<Self, LexiconError> {
        let mut lexicon = if no_default {
            Self::default()
        } else {
            Self::default_english()
        };
        for path in paths {
            let files = read_files(path)?;
            let user = Self::from_files(&as_pairs(&files))?;
            lexicon = lexicon.merged(user);
        }
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

    /// The entries whose term or one of whose forms is `query` (any case, spaces collapsed):
    /// what `slant lexicon explain` shows.
    pub fn find(&self, query: &str) -> Vec<&Entry> {
        let key = normalize_query(query);
        let mut found: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| e.term.to_lowercase() == key)
            .collect();
        for entry in self.lookup(&key) {
            if !found.iter().any(|f| std::ptr::eq(*f, entry)) {
                found.push(entry);
            }
        }
        found
    }

    /// Up to `limit` terms and forms that look like `query` (a typo, another inflection), the
    /// closest first.
    pub fn similar(&self, query: &str, limit: usize) -> Vec<String> {
        let key = normalize_query(query);
        let mut scored: Vec<(f64, String)> = Vec::new();
        let candidates = self
            .entries
            .iter()
            .flat_map(|e| std::iter::once(e.term.to_lowercase()).chain(e.forms.iter().cloned()));
        for candidate in candidates {
            let score = strsim::jaro_winkler(&key, &candidate)
                .max(strsim::normalized_damerau_levenshtein(&key, &candidate));
            if score >= 0.8 && !scored.iter().any(|(_, c)| *c == candidate) {
                scored.push((score, candidate));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored.into_iter().take(limit).map(|(_, c)| c).collect()
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

/// Reads a lexicon file as UTF-8 (a leading byte-order mark is dropped by the parser), with
/// errors naming the file, and for bad bytes the line and column.
pub fn read_file(path: &Path) -> Result<String, LexiconError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| LexiconError {
        file: name.clone(),
        line: 0,
        column: 0,
        message: format!("cannot read the lexicon: {e}"),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        LexiconError {
            file: name,
            line: 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64,
            column: 1 + bytes[line_start..at].iter().filter(|&&b| b == b',').count(),
            message: format!("invalid UTF-8 at byte {at} (save the file as UTF-8)"),
        }
    })
}

/// The files of one lexicon at `path`, each as (name, text): the file itself, or a
/// directory's `.csv` files in name order (a lexicon kept one file per category, as the
/// shipped one is). A directory without `.csv` files is an error.
pub fn read_files(path: &Path) -> Result<Vec<(String, String)>, LexiconError> {
    if !path.is_dir() {
        return Ok(vec![(path.display().to_string(), read_file(path)?)]);
    }
    let name = path.display().to_string();
    let listing = std::fs::read_dir(path).map_err(|e| LexiconError {
        file: name.clone(),
        line: 0,
        column: 0,
        message: format!("cannot read the lexicon directory: {e}"),
    })?;
    let mut paths: Vec<PathBuf> = listing
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "csv"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(LexiconError {
            file: name,
            line: 0,
            column: 0,
            message: "no .csv lexicon files in this directory".into(),
        });
    }
    paths
        .iter()
        .map(|p| Ok((p.display().to_string(), read_file(p)?)))
        .collect()
}

/// Borrowed (name, text) pairs, as [`Lexicon::from_files`] takes them.
pub fn as_pairs(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect()
}

fn normalize_query(query: &str) -> String {
    query
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where each column is in a file's header.
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

impl ColumnIndex {
    /// Finds the columns, reporting unknown, repeated and missing ones; `None` when `term` or
    /// `category` is missing (nothing else can be checked then).
    fn new(
        headers: &csv::StringRecord,
        rules: Rules,
        problem: &mut impl FnMut(u64, usize, String),
    ) -> Option<Self> {
        let names: Vec<&str> = headers.iter().map(str::trim).collect();
        if rules == Rules::Strict && names != COLUMNS {
            problem(1, 1, format!("the header must be `{}`", COLUMNS.join(",")));
        }
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) {
                problem(1, i + 1, format!("column `{name}` appears twice"));
            } else if !COLUMNS.contains(name) {
                let hint = closest(name, COLUMNS.iter().copied())
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                problem(
                    1,
                    i + 1,
                    format!(
                        "unknown column `{name}`{hint}; the columns are {}",
                        COLUMNS.join(", ")
                    ),
                );
            }
        }
        let find = |col: &str| names.iter().position(|h| *h == col);
        let (Some(term), Some(category)) = (find("term"), find("category")) else {
            let missing = if find("term").is_none() {
                "term"
            } else {
                "category"
            };
            problem(1, 1, format!("no `{missing}` column"));
            return None;
        };
        Some(Self {
            term,
            category,
            forms: find("forms"),
            neutral: find("neutral"),
            weight: find("weight"),
            explanation: find("explanation"),
            example: find("example"),
            not_when: find("not_when"),
        })
    }
}

/// The closest of `options` to `word`, when close enough to be a likely typo.
fn closest<'a>(word: &str, options: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    options
        .map(|o| (strsim::jaro_winkler(word, o), o))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, o)| o)
}

/// Parses a lexicon file, collecting every problem under `rules`; rows with a problem are left
/// out of the returned lexicon.
/// The terms and forms the files of one lexicon have used so far, with where: a term or form
/// in two files clashes as it would in one.
#[derive(Default)]
struct Seen {
    /// Lower-cased term → (file, line).
    terms: HashMap<String, (String, u64)>,
    /// Form → (term, file, line).
    owners: HashMap<String, (String, String, u64)>,
}

impl Seen {
    /// "line 12" in the same file, "lexicons/en/hedge.csv line 12" in another.
    fn place(file: &str, line: u64, current: &str) -> String {
        if file == current {
            format!("line {line}")
        } else {
            format!("{file} line {line}")
        }
    }
}

/// The lexicon of several files read as one, with every problem of each (see [`parse_into`]).
fn parse_files(files: &[(&str, &str)], rules: Rules) -> (Lexicon, Vec<LexiconError>) {
    let mut seen = Seen::default();
    let mut lexicon = Lexicon::default();
    let mut problems = Vec::new();
    for (name, text) in files {
        let (part, found) = parse_into(name, text, rules, &mut seen);
        lexicon.entries.extend(part.entries);
        problems.extend(found);
    }
    lexicon.reindex();
    (lexicon, problems)
}

fn parse(name: &str, text: &str, rules: Rules) -> (Lexicon, Vec<LexiconError>) {
    parse_into(name, text, rules, &mut Seen::default())
}

/// One file's entries and problems; `seen` carries the terms and forms of the files read
/// before it. Under [`Rules::Strict`] a file named after a category (`hedge.csv`) holds only
/// entries of that category.
fn parse_into(
    name: &str,
    text: &str,
    rules: Rules,
    seen: &mut Seen,
) -> (Lexicon, Vec<LexiconError>) {
    let file_category = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|stem| category_description(stem).is_some());
    let mut problems = Vec::new();
    let mut problem = |line: u64, column: usize, message: String| {
        problems.push(LexiconError {
            file: name.to_string(),
            line,
            column,
            message,
        })
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => {
            let e = csv_error(name, &e);
            problem(e.line.max(1), e.column, e.message);
            return (Lexicon::default(), problems);
        }
    };
    let Some(columns) = ColumnIndex::new(&headers, rules, &mut problem) else {
        return (Lexicon::default(), problems);
    };
    let mut lexicon = Lexicon::default();
    let Seen { terms, owners } = seen;
    let mut previous_term = String::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let e = csv_error(name, &e);
                problem(e.line, e.column, e.message);
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let mut row = RowCheck {
            line,
            count: 0,
            problem: &mut problem,
        };
        if record.len() != headers.len() {
            let what = if record.len() < headers.len() {
                "a column is missing"
            } else {
                "one too many (put cells that contain commas in double quotes)"
            };
            row.report(
                record.len().min(headers.len()) + 1,
                format!(
                    "{} fields where the header has {}: {what}",
                    record.len(),
                    headers.len()
                ),
            );
            continue;
        }
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        let col = |i: Option<usize>| i.map_or(1, |i| i + 1);
        let term = cell(Some(columns.term));
        if term.is_empty() {
            row.report(columns.term + 1, "empty term".into());
            continue;
        }
        let key = term.to_lowercase();
        if let Some((file, first)) = terms.get(&key) {
            row.report(
                columns.term + 1,
                format!(
                    "term `{term}` appears twice (first on {})",
                    Seen::place(file, *first, name)
                ),
            );
            continue;
        }
        terms.insert(key.clone(), (name.to_string(), line));
        if rules == Rules::Strict {
            if key.as_bytes() < previous_term.as_bytes() {
                row.report(
                    columns.term + 1,
                    format!("`{term}` is out of order: terms are sorted by their lower-cased bytes, and it comes before `{previous_term}`"),
                );
            }
            previous_term = key.clone();
        }

        let category = cell(Some(columns.category));
        if category.is_empty() {
            row.report(columns.category + 1, "empty category".into());
        } else if category_description(category).is_none() {
            let hint = closest(category, CATEGORIES.iter().map(|(c, _)| *c))
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            row.report(
                columns.category + 1,
                format!(
                    "unknown category `{category}`{hint}; `slant lexicon list --help` names them"
                ),
            );
        }

        if let Some(expected) = file_category
            && rules == Rules::Strict
            && !category.is_empty()
            && category != expected
        {
            row.report(
                columns.category + 1,
                format!(
                    "category `{category}` in {expected}.csv, which holds `{expected}` entries only"
                ),
            );
        }

        let weight = match cell(columns.weight) {
            "" => {
                if rules == Rules::Strict {
                    row.report(col(columns.weight), "empty weight".into());
                }
                0.5
            }
            w => match w.parse::<f32>() {
                Ok(w) if (0.0..=1.0).contains(&w) => w,
                _ => {
                    row.report(
                        col(columns.weight),
                        format!("weight `{w}` is not a number from 0 to 1"),
                    );
                    0.5
                }
            },
        };

        let forms_cell = cell(columns.forms);
        let mut forms = list(forms_cell, "form", col(columns.forms), &mut row);
        if forms.is_empty() {
            if rules == Rules::Strict {
                row.report(col(columns.forms), "empty forms".into());
            }
            forms.push(key.clone());
        }
        for (i, form) in forms.iter().enumerate() {
            if !form.chars().any(char::is_alphanumeric) {
                row.report(
                    col(columns.forms),
                    format!("form `{form}` has no letter or digit"),
                );
            } else if forms[..i].contains(form) {
                row.report(col(columns.forms), format!("form `{form}` is listed twice"));
            } else if let Some((owner, file, at)) = owners.get(form) {
                row.report(
                    col(columns.forms),
                    format!("form `{form}` already belongs to `{owner}` ({}); a form belongs to one entry, use `not_when` to tell senses apart", Seen::place(file, *at, name)),
                );
            }
        }

        let not_when = list(
            cell(columns.not_when),
            "guard",
            col(columns.not_when),
            &mut row,
        );
        for guard in &not_when {
            if !forms.iter().any(|f| has_word(guard, f)) {
                row.report(
                    col(columns.not_when),
                    format!("guard `{guard}` contains none of the forms, so it can never apply"),
                );
            }
        }

        let neutral = cell(columns.neutral);
        let explanation = cell(columns.explanation);
        let example = cell(columns.example);
        if rules == Rules::Strict {
            if neutral.is_empty() && !NEUTRAL_OPTIONAL.contains(&category) {
                row.report(
                    col(columns.neutral),
                    format!(
                        "empty neutral: only {} entries may leave it empty",
                        NEUTRAL_OPTIONAL.join(", ")
                    ),
                );
            }
            if explanation.is_empty() {
                row.report(col(columns.explanation), "empty explanation".into());
            }
            if example.is_empty() {
                row.report(col(columns.example), "empty example".into());
            }
        }
        if rules == Rules::Strict && !example.is_empty() {
            if !forms.iter().any(|f| has_word(example, f)) {
                row.report(
                    col(columns.example),
                    "the example uses none of the forms".into(),
                );
            }
            if let Some(guard) = not_when.iter().find(|g| has_word(example, g)) {
                row.report(
                    col(columns.example),
                    format!("the example contains the guard `{guard}`, so it would not be flagged"),
                );
            }
        }

        // A row with problems still owns its forms, so that a clash names it.
        for form in &forms {
            owners
                .entry(form.clone())
                .or_insert_with(|| (term.to_string(), name.to_string(), line));
        }
        if row.count > 0 {
            continue;
        }
        lexicon.entries.push(Entry {
            term: term.to_string(),
            forms,
            category: category.to_string(),
            neutral: neutral.to_string(),
            weight,
            explanation: explanation.to_string(),
            example: example.to_string(),
            not_when,
            source: name.to_string(),
        });
    }
    lexicon.reindex();
    (lexicon, problems)
}

/// The problems of one row, counted so that a row with any is left out.
struct RowCheck<'a, F: FnMut(u64, usize, String)> {
    line: u64,
    count: usize,
    problem: &'a mut F,
}

impl<F: FnMut(u64, usize, String)> RowCheck<'_, F> {
    fn report(&mut self, column: usize, message: String) {
        self.count += 1;
        (self.problem)(self.line, column, message);
    }
}

/// `a|b| c` → `["a", "b", "c"]`, lower case; an empty item (`a||b`, a trailing `|`) is a
/// problem, reported as a `what` at `column`.
fn list<F: FnMut(u64, usize, String)>(
    cell: &str,
    what: &str,
    column: usize,
    row: &mut RowCheck<'_, F>,
) -> Vec<String> {
    if cell.is_empty() {
        return Vec::new();
    }
    let items: Vec<String> = cell.split('|').map(|s| s.trim().to_lowercase()).collect();
    if items.iter().any(String::is_empty) {
        row.report(
            column,
            format!("empty {what} in `{cell}` (two `|` in a row, or one at an end)"),
        );
    }
    items.into_iter().filter(|s| !s.is_empty()).collect()
}

/// Whether `phrase` occurs in `text` as whole words, ignoring case.
fn has_word(text: &str, phrase: &str) -> bool {
    let text = text.to_lowercase();
    text.match_indices(phrase).any(|(i, _)| {
        !text[..i].ends_with(char::is_alphanumeric)
            && !text[i + phrase.len()..].starts_with(char::is_alphanumeric)
    })
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

    #[test]
    fn default_files_have_the_contract_header_and_are_sorted_and_unique() {
        for (name, text) in DEFAULT_ENGLISH {
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let header: Vec<&str> = reader.headers().unwrap().iter().collect();
            assert_eq!(header, COLUMNS, "{name}");
            let terms: Vec<String> = reader
                .records()
                .map(|r| r.unwrap()[0].to_lowercase())
                .collect();
            for pair in terms.windows(2) {
                assert!(pair[0] < pair[1], "{name}: not sorted or unique: {pair:?}");
            }
        }
        assert!(!Lexicon::default_english().is_empty());
    }

    #[test]
    fn default_files_follow_the_category_order() {
        let order: Vec<&str> = CATEGORIES.iter().map(|(c, _)| *c).collect();
        let files: Vec<usize> = DEFAULT_ENGLISH
            .iter()
            .map(|(name, _)| {
                let stem = Path::new(name).file_stem().unwrap().to_str().unwrap();
                order.iter().position(|c| *c == stem).expect(name)
            })
            .collect();
        assert!(files.windows(2).all(|w| w[0] < w[1]), "{files:?}");
    }

    #[test]
    fn a_form_or_term_in_two_files_clashes_and_names_the_other_file() {
        let header = "term,forms,category\n";
        let a = format!("{header}slam,slam|slammed,attribution-emotive\n");
        let b = format!("{header}hit,hit|slammed,violence-label\nslam,slams,hedge\n");
        let problems = Lexicon::check_files(&[("a.csv", &a), ("b.csv", &b)], Rules::User);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 2, "{text:?}");
        assert!(
            text[0]
                .starts_with("b.csv:2:2: form `slammed` already belongs to `slam` (a.csv line 2)"),
            "{text:?}"
        );
        assert!(
            text[1].starts_with("b.csv:3:1: term `slam` appears twice (first on a.csv line 2)"),
            "{text:?}"
        );
        assert!(Lexicon::from_files(&[("a.csv", &a), ("b.csv", &b)]).is_err());
        let lexicon = Lexicon::from_files(&[("a.csv", &a)]).unwrap();
        assert_eq!(lexicon.lookup("slammed").next().unwrap().source, "a.csv");
    }

    #[test]
    fn a_category_file_holds_its_category_only() {
        let text = "term,forms,category,neutral,weight,explanation,example,not_when\n\
                    reportedly,reportedly,hedge,,0.3,Plain words here.,It reportedly fell.,\n\
                    slam,slam,attribution-emotive,said,0.8,Plain words here.,They slam it.,\n";
        let problems = Lexicon::check("lexicons/en/hedge.csv", text, Rules::Strict);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (3, 3));
        // Under the user rules, or in a file not named after a category, mixing is fine.
        assert!(Lexicon::check("lexicons/en/hedge.csv", text, Rules::User).is_empty());
        assert!(Lexicon::check("mine.csv", text, Rules::Strict).is_empty());
    }

    #[test]
    fn default_file_is_complete() {
        for entry in Lexicon::default_english().entries() {
            let what = &entry.term;
            assert!(!entry.forms.is_empty(), "{what}: forms");
            assert!(!entry.explanation.is_empty(), "{what}: explanation");
            assert!(!entry.example.is_empty(), "{what}: example");
            assert!(
                !entry.neutral.is_empty() || NEUTRAL_OPTIONAL.contains(&entry.category.as_str()),
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
             gatekeeper,gatekeeper|gatekeepers,actor-label,editors,0.6,Loaded.,The gatekeepers said no.,\n",
        )
        .unwrap();
        let merged = Lexicon::default_english().merged(user);
        assert_eq!(merged.verb_class("claimed"), Some(VerbClass::Neutral));
        // The user entry lists fewer forms: the default's other forms are gone with it.
        assert_eq!(merged.verb_class("claiming"), None);
        assert_eq!(
            merged.lookup("gatekeepers").next().unwrap().source,
            "mine.csv"
        );
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
