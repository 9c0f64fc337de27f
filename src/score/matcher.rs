//! Finding lexicon terms in a text in one pass.
//!
//! Every form of every flaggable lexicon entry is filed under its first word, so a lexicon of
//! thousands of forms (and multi-word forms such as `anti-terror commander` or `collateral
//! damage`) costs one pass over the words of a text and one table lookup per word, not one scan
//! per entry; building the table takes well under a millisecond. The scan runs over the
//! lower-cased folded text ([`Doc::text`](crate::Doc)): folding has already made curly
//! apostrophes and dashes plain, so `Iran’s` and `Iran's` match the same form.
//!
//! A hit counts only when it is a whole word or phrase (no letter or digit right before or
//! after it: `regime` does not match inside `regimes`), when none of its entry's `not_when`
//! guards stands around it (`claimed responsibility`), and when no longer hit covers it (`anti-terror
//! commanders` wins over `commanders`).
//!
//! [`Matcher::shared`] keeps the matchers of the last few lexicons so that scoring many
//! articles builds the table once.
//!
//! ```
//! use slant::score::lexicon::Lexicon;
//! use slant::score::matcher::Matcher;
//!
//! let lexicon = Lexicon::from_csv(
//!     "mine.csv",
//!     "term,forms,category,neutral,not_when\n\
//!      claim,claim|claimed,attribution-doubt,said,claimed responsibility\n\
//!      Iran-backed,iran-backed,actor-label,,\n",
//! )
//! .unwrap();
//! let matcher = Matcher::new(&lexicon);
//! let text = "Pompeo claimed Iran-backed militias, which claimed responsibility, fired.";
//! let found: Vec<&str> = matcher.find(text, &lexicon).iter().map(|m| &text[m.span.range()]).collect();
//! assert_eq!(found, ["claimed", "Iran-backed"]);
//! ```

use super::lexicon::{Entry, Lexicon};
use crate::Span;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, LazyLock, Mutex};

/// Categories whose entries describe wording without loading it: they stay in the lexicon
/// (the quote extractor and the attribution grading read them) but are never flags.
/// `attribution-other` verbs (warned, rejected, dismissed) name the kind of statement; they
/// are fair when accurate and are graded by attribution asymmetry instead.
pub const NOT_FLAGGED_CATEGORIES: &[&str] = &["attribution-neutral", "attribution-other"];

/// Whether entries of `category` produce flags.
pub fn is_flagged_category(category: &str) -> bool {
    !NOT_FLAGGED_CATEGORIES.contains(&category)
}

/// One accepted hit: which entry, where (in the text given to [`Matcher::find`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    /// Byte range in the searched text.
    pub span: Span,
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
}

/// The flaggable forms of one lexicon, filed by first word.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Each distinct flaggable form, lower-cased.
    forms: Vec<Box<str>>,
    /// The forms (indices into `forms`) by their first word: the run of letters and digits
    /// a form starts with.
    by_first_word: FxHashMap<Box<str>, Vec<usize>>,
    /// For each form, the entries having it, in lexicon order.
    entries: Vec<Vec<usize>>,
    /// The fingerprint of the lexicon it was built from.
    fingerprint: u64,
}

/// How many lexicons' matchers [`Matcher::shared`] keeps.
const SHARED_CAPACITY: usize = 8;

static SHARED: LazyLock<Mutex<Vec<Arc<Matcher>>>> = LazyLock::new(|| Mutex::new(Vec::new()));

impl Matcher {
    /// Files every form of every flaggable entry under its first word.
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut forms: Vec<Box<str>> = Vec::new();
        let mut entries: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, entry) in lexicon.entries().iter().enumerate() {
            if !is_flagged_category(&entry.category) {
                continue;
            }
            for form in &entry.forms {
                let form = form.as_str();
                if form.is_empty() {
                    continue;
                }
                let p = *index.entry(form).or_insert_with(|| {
                    forms.push(form.to_lowercase().into_boxed_str());
                    entries.push(Vec::new());
                    forms.len() - 1
                });
                if !entries[p].contains(&i) {
                    entries[p].push(i);
                }
            }
        }
        let mut by_first_word: FxHashMap<Box<str>, Vec<usize>> = FxHashMap::default();
        for (p, form) in forms.iter().enumerate() {
            // A form with no letter or digit at its start could never be a whole word here
            // (the lexicon refuses forms without any).
            if let Some((0, word)) = words(form).next() {
                by_first_word.entry(word.into()).or_default().push(p);
            }
        }
        Self {
            forms,
            by_first_word,
            entries,
            fingerprint: fingerprint(lexicon),
        }
    }

    /// The matcher for `lexicon`, built on first use and kept for the next calls with the same
    /// entries (the last few lexicons are kept).
    pub fn shared(lexicon: &Lexicon) -> Arc<Self> {
        let key = fingerprint(lexicon);
        let mut cache = SHARED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = cache.iter().find(|m| m.fingerprint == key) {
            return Arc::clone(found);
        }
        let built = Arc::new(Self::new(lexicon));
        if cache.len() >= SHARED_CAPACITY {
            cache.remove(0);
        }
        cache.push(Arc::clone(&built));
        built
    }

    /// Whether this matcher was built from a lexicon with `lexicon`'s forms and categories.
    pub fn fits(&self, lexicon: &Lexicon) -> bool {
        self.fingerprint == fingerprint(lexicon)
    }

    /// The accepted hits in `text`, in text order: whole words, not guarded, longest first
    /// where hits overlap. `lexicon` must be the one the matcher was built from.
    pub fn find(&self, text: &str, lexicon: &Lexicon) -> Vec<TermMatch> {
        let lowered = Lowered::new(text);
        let lower = lowered.text.as_str();
        let entries = lexicon.entries();
        let mut hits: Vec<TermMatch> = Vec::new();
        for (start, word) in words(lower) {
            let Some(candidates) = self.by_first_word.get(word) else {
                continue;
            };
            for &p in candidates {
                let form = &*self.forms[p];
                let end = start + form.len();
                if !lower[start..].starts_with(form)
                    || lower[end..].starts_with(char::is_alphanumeric)
                {
                    continue;
                }
                let accepted = self.entries[p].iter().copied().find(|&i| {
                    entries
                        .get(i)
                        .is_some_and(|e| !e.guarded_lowered(lower, start..end))
                });
                if let Some(entry) = accepted {
                    let span = lowered.to_source(start, end);
                    hits.push(TermMatch { span, entry });
                }
            }
        }
        keep_longest(hits)
    }
}

/// The words of `text` (maximal runs of letters and digits) with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip plain ASCII punctuation and spaces byte by byte; anything else is decoded.
        while let Some(&(at, _)) = chars.peek() {
            let b = bytes[at];
            if b.is_ascii() && !b.is_ascii_alphanumeric() {
                chars.next();
            } else {
                break;
            }
        }
        let start = loop {
            let (at, c) = chars.next()?;
            if c.is_alphanumeric() {
                break at;
            }
        };
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = at;
                break;
            }
            chars.next();
        }
        Some((start, &text[start..end]))
    })
}

/// Hits that overlap: the longest wins, then the earliest. One sweep in text order: a hit
/// that overlaps the last one kept replaces it when longer (it cannot reach back past it,
/// since the last one kept did not overlap the one before).
fn keep_longest(mut hits: Vec<TermMatch>) -> Vec<TermMatch> {
    hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end), h.entry));
    let mut kept: Vec<TermMatch> = Vec::with_capacity(hits.len());
    for hit in hits {
        match kept.last_mut() {
            Some(last) if last.span.overlaps(hit.span) => {
                if hit.span.len() > last.span.len() {
                    *last = hit;
                }
            }
            _ => kept.push(hit),
        }
    }
    kept
}

/// A hash of what the table depends on: each entry's forms and category, in order.
fn fingerprint(lexicon: &Lexicon) -> u64 {
    let mut hasher = DefaultHasher::new();
    lexicon.len().hash(&mut hasher);
    for Entry {
        forms, category, ..
    } in lexicon.entries()
    {
        forms.hash(&mut hasher);
        category.hash(&mut hasher);
    }
    hasher.finish()
}

/// A text lower-cased for matching, with the way back to the text's offsets. Lower-casing
/// keeps byte lengths for ASCII and nearly all other letters; only when some letter changes
/// length (`İ`) is an offset table kept.
#[derive(Debug)]
struct Lowered {
    text: String,
    /// For each byte of `text` (and its end), the source offset; `None` when identical.
    to_source: Option<Vec<usize>>,
}

impl Lowered {
    fn new(source: &str) -> Self {
        if source.is_ascii() {
            return Self {
                text: source.to_ascii_lowercase(),
                to_source: None,
            };
        }
        let text = source.to_lowercase();
        if text.len() == source.len()
            && source
                .chars()
                .all(|c| c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8())
        {
            return Self {
                text,
                to_source: None,
            };
        }
        let mut lowered = String::with_capacity(source.len());
        let mut map = Vec::with_capacity(source.len() + 1);
        for (at, c) in source.char_indices() {
            for l in c.to_lowercase() {
                lowered.push(l);
                map.extend(std::iter::repeat_n(at, l.len_utf8()));
            }
        }
        map.push(source.len());
        Self {
            text: lowered,
            to_source: Some(map),
        }
    }

    fn to_source(&self, start: usize, end: usize) -> Span {
        match &self.to_source {
            None => Span::new(start, end),
            Some(map) => {
                // The end is the source offset after the last lowered byte's character.
                let last = map[end - 1];
                let mut stop = map[end];
                if stop == last {
                    stop = last + 1;
                }
                Span::new(map[start], stop.max(map[start]))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::from_csv(
            "test.csv",
            "term,forms,category,neutral,weight,not_when\n\
             anti-terror commander,anti-terror commander|anti-terror commanders,actor-label,commander,0.8,\n\
             claim,claim|claims|claimed,attribution-doubt,said,0.7,claimed responsibility|claimed the lives\n\
             commander,commander|commanders,actor-label,,0.1,\n\
             regime,regime,actor-label,government,0.8,\n\
             say,say|said,attribution-neutral,said,0,\n\
             warn,warn|warned,attribution-other,said,0.3,\n",
        )
        .unwrap()
    }

    fn found(text: &str) -> Vec<(String, String)> {
        let lexicon = lexicon();
        Matcher::new(&lexicon)
            .find(text, &lexicon)
            .into_iter()
            .map(|m| {
                (
                    text[m.span.range()].to_string(),
                    lexicon.entries()[m.entry].term.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(found("The Regime fell.").len(), 1);
        assert!(found("The regimes fell. A regimen.").is_empty());
        assert!(found("unclaimed land").is_empty());
    }

    #[test]
    fn longest_hit_wins() {
        assert_eq!(
            found("Iran's anti-terror commanders met.")[0],
            (
                "anti-terror commanders".to_string(),
                "anti-terror commander".to_string()
            )
        );
        assert_eq!(found("the commanders met")[0].1, "commander");
    }

    #[test]
    fn guards_stop_a_hit() {
        assert!(found("The group claimed responsibility.").is_empty());
        assert!(found("The flu claimed the lives of many.").is_empty());
        assert_eq!(found("The group claimed the attack was staged.").len(), 1);
    }

    #[test]
    fn neutral_and_other_attribution_verbs_are_not_flags() {
        assert!(found("He said and warned.").is_empty());
    }

    #[test]
    fn offsets_survive_lower_casing_that_changes_lengths() {
        // `İ` lower-cases to two characters (three bytes from two).
        let text = "İİ REGIME claimed";
        let lexicon = lexicon();
        let hits = Matcher::new(&lexicon).find(text, &lexicon);
        let words: Vec<&str> = hits.iter().map(|m| &text[m.span.range()]).collect();
        assert_eq!(words, ["REGIME", "claimed"]);
    }

    #[test]
    fn shared_matchers_are_reused() {
        let a = Matcher::shared(&lexicon());
        let b = Matcher::shared(&lexicon());
        assert!(Arc::ptr_eq(&a, &b));
        assert!(a.fits(&lexicon()));
        assert!(!a.fits(&Lexicon::default()));
    }
}
