//! Word lists that several stages share, kept as data below the stages that read them.
//!
//! Each list is a text file next to this module: one entry a line, `#` comments, sorted and
//! unique (a test keeps them so). Only general knowledge goes here: words of the language and
//! of the news trade, never what one story needs.
//!
//! ```
//! use slant::wordlists::is_function_word;
//!
//! assert!(is_function_word("the"));
//! assert!(!is_function_word("rocket"));
//! ```

pub mod names;

/// A fixed set of words, looked up for every word of every article: hashed with a fast
/// non-cryptographic hash (the sets are fixed data, so input cannot crowd them).
pub type WordSet = rustc_hash::FxHashSet<&'static str>;

use std::sync::LazyLock;

/// Non-empty lines of a data file that are not `#` comments, trimmed.
pub(crate) fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Function words that say nothing about what a sentence reports (`function_words.txt`),
/// lower case. The plain reporting verbs `said` and `told` are among them: outlets vary them
/// freely, and the scorer, not the aligner, looks at them.
static FUNCTION_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| data_lines(include_str!("function_words.txt")).collect());

/// Whether `word` (lower case) is a function word (`the`, `of`, `said`).
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(word)
}

/// News and photo agencies (`news_agencies.txt`): upper-cased, with whether the file writes
/// the name in capitals (an acronym: `AP`, `ANA`).
static NEWS_AGENCIES: LazyLock<std::collections::HashMap<String, bool>> = LazyLock::new(|| {
    data_lines(include_str!("news_agencies.txt"))
        .map(|l| (l.to_uppercase(), !l.chars().any(char::is_lowercase)))
        .collect()
});

/// Whether `name` names a news or photo agency ("Reuters", "AFP", "Getty Images"). The name
/// must start with a capital; an acronym must be written in capitals ("Ana" is no agency),
/// other names in any case ("REUTERS").
///
/// ```
/// use slant::wordlists::is_news_agency;
///
/// assert!(is_news_agency("Reuters") && is_news_agency("REUTERS") && is_news_agency("AP"));
/// assert!(!is_news_agency("Ukraine") && !is_news_agency("pool") && !is_news_agency("Ana"));
/// ```
pub fn is_news_agency(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
        && NEWS_AGENCIES
            .get(&name.to_uppercase())
            .is_some_and(|&acronym| !acronym || !name.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list of this folder: sorted (by byte order of the first field), unique.
    pub(crate) fn assert_sorted_unique(name: &str, text: &'static str) {
        let keys: Vec<&str> = data_lines(text)
            .map(|l| l.split([' ', ',']).next().unwrap_or(l))
            .collect();
        for pair in keys.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} should come after {:?}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        assert_sorted_unique("function_words.txt", include_str!("function_words.txt"));
        let agencies: Vec<String> = data_lines(include_str!("news_agencies.txt"))
            .map(str::to_lowercase)
            .collect();
        for pair in agencies.windows(2) {
            assert!(
                pair[0] < pair[1],
                "news_agencies.txt: {} after {}",
                pair[1],
                pair[0]
            );
        }
    }
}
