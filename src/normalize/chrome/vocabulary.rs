//! The words of web-page machinery, as data: widget phrases by kind (`widget_phrases.csv`),
//! button and menu words (`widget_words.txt`) and the verbs a page commands its reader with
//! (`page_commands.txt`).

use crate::wordlists::WordSet;
use crate::wordlists::data_lines;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// What a widget phrase belongs to; each kind has the reason a removal of its kind gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WidgetKind {
    Advertisement,
    Captcha,
    CommentForm,
    Consent,
    Navigation,
    ReadMore,
    Related,
    Share,
    SignUp,
}

impl WidgetKind {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "advertisement" => Self::Advertisement,
            "captcha" => Self::Captcha,
            "comment-form" => Self::CommentForm,
            "consent" => Self::Consent,
            "navigation" => Self::Navigation,
            "read-more" => Self::ReadMore,
            "related" => Self::Related,
            "share" => Self::Share,
            "sign-up" => Self::SignUp,
            _ => return None,
        })
    }

    /// The `kind` of a removal (as `slant normalize` lists it).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Advertisement => "advertisement",
            Self::Captcha => "captcha",
            Self::CommentForm => "comment-form",
            Self::Consent => "consent",
            Self::Navigation => "navigation",
            Self::ReadMore => "read-more",
            Self::Related => "related",
            Self::Share => "share",
            Self::SignUp => "sign-up",
        }
    }

    /// Why a line of this kind is not part of the story.
    pub fn reason(self) -> &'static str {
        match self {
            Self::Advertisement => "an advertisement marker or notice",
            Self::Captcha => "a check that the reader is human (captcha)",
            Self::CommentForm => "part of the page's comment form",
            Self::Consent => "a cookie, privacy or terms notice",
            Self::Navigation => "a navigation link of the page",
            Self::ReadMore => "a link to the article elsewhere or in full",
            Self::Related => "a heading over links to other stories",
            Self::Share => "share, email or print buttons",
            Self::SignUp => "an invitation to sign up, subscribe or follow the outlet",
        }
    }
}

/// The widget phrases, found in one pass over lower-case text.
#[derive(Debug)]
pub struct Phrases {
    matcher: AhoCorasick,
    kinds: Vec<WidgetKind>,
    /// Number of words of each phrase.
    words: Vec<usize>,
}

/// Rows of `widget_phrases.csv` after its header: (kind, phrase).
fn phrase_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    data_lines(include_str!("widget_phrases.csv"))
        .skip(1)
        .filter_map(|l| l.split_once(','))
}

pub static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let (mut patterns, mut kinds, mut words) = (Vec::new(), Vec::new(), Vec::new());
    for (kind, phrase) in phrase_rows() {
        patterns.push(phrase);
        kinds.push(WidgetKind::parse(kind).expect("widget_phrases.csv kinds are known (tested)"));
        words.push(phrase.split_whitespace().count());
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("widget phrases build a matcher");
    Phrases {
        matcher,
        kinds,
        words,
    }
});

/// One widget phrase found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    pub kind: WidgetKind,
    /// Which phrase (an index into the file's rows).
    pub phrase: usize,
    /// Its number of words.
    pub words: usize,
}

impl Phrases {
    /// The phrases in `line` that stand as whole words, in order.
    pub fn find(&self, line: &str) -> Vec<PhraseHit> {
        self.find_at(line).into_iter().map(|(_, hit)| hit).collect()
    }

    /// The phrases in `text` that stand as whole words, in order, each with its byte offset:
    /// one pass over a whole page, cheaper than one per line.
    pub fn find_at(&self, text: &str) -> Vec<(usize, PhraseHit)> {
        let bytes = text.as_bytes();
        let is_word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
        self.matcher
            .find_iter(text)
            .filter(|m| !is_word(m.end()) && (m.start() == 0 || !is_word(m.start() - 1)))
            .map(|m| {
                let i = m.pattern().as_usize();
                let hit = PhraseHit {
                    kind: self.kinds[i],
                    phrase: i,
                    words: self.words[i],
                };
                (m.start(), hit)
            })
            .collect()
    }
}

/// Words of buttons and menus (`widget_words.txt`).
pub static WIDGET_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| data_lines(include_str!("widget_words.txt")).collect());

/// Verbs a page commands its reader with (`page_commands.txt`).
pub static PAGE_COMMANDS: LazyLock<WordSet> =
    LazyLock::new(|| data_lines(include_str!("page_commands.txt")).collect());

/// Words that address the reader or speak for the outlet: in a line with a widget phrase
/// they make it the page talking, not the story.
pub const READER_WORDS: &[&str] = &[
    "our", "ours", "us", "we", "we'll", "we're", "we've", "you", "you'll", "you're", "you've",
    "your", "yours",
];

/// Words that name where a page sends its reader ("Read us on Telegram", "Watch the video
/// here").
pub const CHANNEL_WORDS: &[&str] = &[
    "alerts",
    "app",
    "below",
    "channel",
    "feed",
    "here",
    "newsletter",
    "newsletters",
    "notifications",
    "page",
    "podcast",
    "site",
    "website",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_file_is_sorted_unique_and_every_kind_is_known() {
        let rows: Vec<(&str, &str)> = phrase_rows().collect();
        for pair in rows.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{:?} should come after {:?}",
                pair[0],
                pair[1]
            );
        }
        for (kind, phrase) in &rows {
            assert!(WidgetKind::parse(kind).is_some(), "unknown kind {kind}");
            assert_eq!(*phrase, phrase.to_lowercase(), "{phrase}: lower case");
            assert_eq!(phrase.trim(), *phrase);
        }
    }

    #[test]
    fn word_lists_are_sorted_and_unique() {
        for file in [
            include_str!("widget_words.txt"),
            include_str!("page_commands.txt"),
        ] {
            let words: Vec<&str> = data_lines(file).collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{words:?}");
        }
        for list in [READER_WORDS, CHANNEL_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn phrases_are_found_as_whole_words_whatever_the_case() {
        let hits = PHRASES.find("Leave a Reply to our Privacy Policy");
        let kinds: Vec<WidgetKind> = hits.iter().map(|h| h.kind).collect();
        assert_eq!(kinds, [WidgetKind::CommentForm, WidgetKind::Consent]);
        assert!(PHRASES.find("the unsubscribed list").is_empty());
        assert!(PHRASES.find("a read-more link").is_empty());
    }
}
