//! Publication timestamps and the bylines that come with them: lines such as "Updated April 11,
//! 2022 | 04:25 PM", "Jane Roe Published 8 Apr 2022, 10:35 IST" or "3 hours ago", and a
//! timestamp a scraper left at the start of a line ("date 2022-04-08 Dozens killed ...").
//!
//! A line is a timestamp when it holds a date or a time and nothing else but the words that
//! go with one (published, updated, on, at, time zones) and at most a name (the author).

use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
];

const WEEKDAYS: &[&str] = &[
    "fri",
    "friday",
    "mon",
    "monday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "thu",
    "thursday",
    "thurs",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
];

/// Words that go with a timestamp: what happened when, time zones, "ago".
const STAMP_WORDS: &[&str] = &[
    "a.m",
    "ago",
    "am",
    "at",
    "bst",
    "by",
    "cdt",
    "cest",
    "cet",
    "cst",
    "date",
    "day",
    "days",
    "edited",
    "edt",
    "eet",
    "est",
    "et",
    "first",
    "gmt",
    "hour",
    "hours",
    "hrs",
    "ist",
    "last",
    "local",
    "min",
    "mins",
    "minute",
    "minutes",
    "modified",
    "msk",
    "on",
    "p.m",
    "pdt",
    "pm",
    "posted",
    "pst",
    "published",
    "read",
    "time",
    "today",
    "updated",
    "utc",
    "yesterday",
];

/// A word that is a date or a time by itself: `2022-04-08`, `08/04/2022`, `04:25`, `4pm`,
/// `11th`; or a month or weekday name.
fn is_date_word(lower: &str) -> bool {
    static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(\d{4}-\d{1,2}-\d{1,2}(t[\d:.+z-]*)?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[:.]\d{2}([ap]m)?|\d{1,2}([ap]m|st|nd|rd|th)|\d{4})$",
        )
        .expect("date word pattern")
    });
    MONTHS.contains(&lower) || WEEKDAYS.contains(&lower) || PATTERN.is_match(lower)
}

/// What a line that is a timestamp holds besides its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// Only a date or time and its words.
    Time,
    /// A name besides: the author and when the piece was published.
    Byline,
}

/// At most this many capitalized words (a name) may stand in a timestamp line.
const MAX_NAME_WORDS: usize = 4;

/// Whether `line` (folded, trimmed) is a publication timestamp, with or without a byline.
pub fn line(line: &str) -> Option<Stamp> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | '(' | ')' | '•' | '·'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != ':' && c != '+'))
        .map(|w| w.trim_end_matches(':'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 16 {
        return None;
    }
    let (mut dated, mut numbers, mut names) = (false, 0, 0);
    for w in &words {
        let lower = w.to_lowercase();
        let lower = lower.trim_end_matches('.');
        if is_date_word(lower) {
            // A year alone ("2022") dates nothing: a month, a weekday or a time must be there.
            dated |= !lower.chars().all(|c| c.is_ascii_digit());
            numbers += usize::from(lower.chars().any(|c| c.is_ascii_digit()));
        } else if lower.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
        } else if STAMP_WORDS.contains(&lower) {
        } else if w.chars().next().is_some_and(char::is_uppercase) {
            names += 1;
        } else {
            return None;
        }
    }
    // "3 hours ago", "2 min read": a number with its unit says when, too.
    let relative = words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "ago" | "hours" | "minutes" | "mins" | "min"
        )
    }) && numbers > 0;
    // A month and a day alone ("On April 7") may be a cut-off sentence: a year, a time, an
    // ISO date or a word of publishing makes it a timestamp.
    let stamped = words.iter().any(|w| {
        let lower = w.to_lowercase();
        let lower = lower.trim_end_matches('.');
        (lower.len() == 4
            && lower.starts_with(['1', '2'])
            && lower.chars().all(|c| c.is_ascii_digit()))
            || lower.contains([':', '-'])
            || matches!(
                lower,
                "published"
                    | "updated"
                    | "posted"
                    | "modified"
                    | "edited"
                    | "ago"
                    | "am"
                    | "pm"
                    | "a.m"
                    | "p.m"
                    | "gmt"
                    | "utc"
                    | "et"
                    | "ist"
            )
            || (lower.ends_with("am") || lower.ends_with("pm"))
                && lower.starts_with(|c: char| c.is_ascii_digit())
    });
    if !((dated && stamped) || relative) || names > MAX_NAME_WORDS || numbers == 0 {
        return None;
    }
    Some(if names > 0 {
        Stamp::Byline
    } else {
        Stamp::Time
    })
}

/// The length in bytes of a timestamp a scraper left at the start of a line of text
/// ("date 2022-04-08 Dozens killed ...", "Updated: April 8, 2022 | Russia denies ..."), when
/// text in capitals follows it.
pub fn leading(line: &str) -> Option<usize> {
    // Every match opens with a digit, a month or a label: most lines are ruled out here.
    let opener: String = line
        .chars()
        .take(3)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let possible = line.starts_with(|c: char| c.is_ascii_digit())
        || [
            "dat", "pub", "upd", "pos", "las", "jan", "feb", "mar", "apr", "may", "jun", "jul",
            "aug", "sep", "oct", "nov", "dec",
        ]
        .contains(&opener.as_str());
    if !possible {
        return None;
    }
    static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^((?:date|published|updated|posted|last updated)\s*:?\s*)?(?:\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?z?)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4})(?:,? \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?\s*[|,-]?\s+",
        )
        .expect("leading timestamp pattern")
    });
    let found = PATTERN.captures(line)?;
    let end = found.get(0)?.end();
    let next = line[end..].chars().next()?;
    // A date opening running text ("April 8, 2022 was ...") is the story's; a timestamp is
    // labelled as one, or followed by the headline or the text, which start with a capital.
    let labelled = found.get(1).is_some();
    (labelled || next.is_uppercase() || next == '"' || next.is_ascii_digit()).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_bylines_with_dates() {
        for (text, stamp) in [
            ("Updated: 23 Dec 2020 18:04 GMT", Stamp::Time),
            ("April 11, 2022 | 04:25 PM", Stamp::Time),
            ("3 hours ago", Stamp::Time),
            ("Published on Friday, 08 Apr 2022", Stamp::Time),
            ("2022-04-08T10:35:00Z", Stamp::Time),
            (
                "Jane Roe Published April 11, 2022 | 04:25 PM",
                Stamp::Byline,
            ),
            ("By Tom Field, 8 April 2022 10:35 IST", Stamp::Byline),
        ] {
            assert_eq!(line(text), Some(stamp), "{text}");
        }
    }

    #[test]
    fn sentences_with_dates_are_not_timestamps() {
        for text in [
            "On April 8, 2022 rockets hit the station.",
            "The strike came at 10:30 on Friday, officials said",
            "Friday",
            "Mayor Jane Roe",
            "Talks resume on 12 May 2022 in Geneva with all parties present",
            "2022",
            "On April 7",
        ] {
            assert_eq!(line(text), None, "{text}");
        }
    }

    #[test]
    fn a_leading_timestamp_is_cut_from_the_text_it_opens() {
        let text = "date 2022-04-08 Dozens killed in the attack.";
        assert_eq!(
            &text[leading(text).unwrap()..],
            "Dozens killed in the attack."
        );
        let text = "Updated: April 8, 2022 10:35 GMT | Strike hits station";
        assert_eq!(&text[leading(text).unwrap()..], "Strike hits station");
        assert_eq!(leading("April 8, 2022 was a dark day."), None);
        let text = "date 2022-04-08 loading...";
        assert_eq!(&text[leading(text).unwrap()..], "loading...");
        assert_eq!(leading("Rockets fell on April 8, 2022."), None);
    }
}
