//! Dates: weekdays ("on Sunday", "Monday night", "Sunday's attack"), month and day ("Dec. 20",
//! "January 3", "23 December"), with or without a year ("December 23, 2020"), and "today",
//! "yesterday", "tomorrow". Resolved to ISO dates against the article's date when that makes
//! them certain; otherwise a weekday stays a weekday (`sunday`) and a month-day without any
//! year is written `--12-20` (ISO 8601's form for a day without a year).
//!
//! How a date without a year is resolved, as news uses them:
//! - a weekday is the most recent such day on or before the article date ("on Sunday" in a
//!   Thursday article is four days back); "next Sunday" is the first one after it, "last
//!   Sunday" the most recent one before it;
//! - a month-day takes the year that puts it nearest the article date ("Jan. 20" in an article
//!   of 2020-12-24 is 2021-01-20), except that a date told of a past event ("killed ... on
//!   January 3", "the Jan. 3 killing", words in `past_event_words.txt`) in a sentence that
//!   does not make it an upcoming anniversary ("the January 3 anniversary") is the most recent
//!   one on or before the article date.

use super::{FastSet, Found, Words, data_lines};
use crate::extract::FactKind;
use std::sync::LazyLock;

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `YYYY-MM-DD` (anything after the day is ignored: `2020-12-24T10:00`).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (year, rest) = text.get(..4).zip(text.get(4..))?;
        let rest = rest.strip_prefix('-')?;
        let (month, rest) = rest.get(..2).zip(rest.get(2..))?;
        let day = rest.strip_prefix('-')?.get(..2)?;
        Self::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// A valid date, or `None` (February 30th, month 13).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let date = Self { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(date)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Self {
        Self::from_days(self.days() + days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as u32
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names and the abbreviations news style uses ("Dec.", "Sept.").
fn month_of(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether `word` names a month or a weekday (entities skip them).
pub(crate) fn is_calendar_word(word: &str) -> bool {
    month_of(word).is_some() || WEEKDAYS.contains(&word)
}

/// Words that put a date in the past ("killed", "death"): `past_event_words.txt`.
static PAST_EVENT_WORDS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("past_event_words.txt")).collect());

/// The dates of an article, and the tokens they used (so that day numbers are not counted).
pub(crate) fn find(words: &Words, today: Option<Date>) -> (Vec<Found>, Vec<bool>) {
    let mut used = vec![false; words.len()];
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(date) = date_at(words, i, today) else {
            i += 1;
            continue;
        };
        for flag in &mut used[date.first..=date.last] {
            *flag = true;
        }
        found.push(Found {
            kind: FactKind::Date,
            key: String::new(),
            value: date.value,
            span: words.body_span(date.first, date.last),
            sentence: words.sentence(i),
        });
        i = date.last + 1;
    }
    (found, used)
}

/// One date expression: its tokens and its value.
struct DateAt {
    first: usize,
    last: usize,
    value: String,
}

fn date_at(words: &Words, i: usize, today: Option<Date>) -> Option<DateAt> {
    let word = words.lower(i);
    if let Some(weekday) = WEEKDAYS.iter().position(|d| *d == word) {
        return words
            .is_capitalized(i)
            .then(|| weekday_at(words, i, weekday as u32, today));
    }
    if let Some(month) = month_of(word) {
        return month_day_at(words, i, month, today);
    }
    if words.is_number(i) {
        return day_month_at(words, i, today);
    }
    let offset = match word {
        "today" | "tonight" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => return None,
    };
    let today = today?;
    Some(DateAt {
        first: i,
        last: i,
        value: today.add_days(offset).to_string(),
    })
}

/// "Sunday", "on Sunday evening", "Sunday's attack", "last Sunday", "next Monday".
fn weekday_at(words: &Words, i: usize, weekday: u32, today: Option<Date>) -> DateAt {
    let before = i
        .checked_sub(1)
        .filter(|&p| words.same_sentence(p, i))
        .map(|p| words.lower(p));
    let value = match today {
        None => WEEKDAYS[weekday as usize].to_string(),
        Some(today) => {
            let back = i64::from((today.weekday() + 7 - weekday) % 7);
            let days = match before {
                Some("next") => 7 - back,
                Some("last") if back == 0 => -7,
                _ => -back,
            };
            today.add_days(days).to_string()
        }
    };
    DateAt {
        first: i,
        last: i,
        value,
    }
}

/// The day number at `i` (1–31, "3rd" too), if it is one.
fn day_number(words: &Words, i: usize) -> Option<u32> {
    if !words.is_number(i) {
        return None;
    }
    let text = words.lower(i);
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.len() != text.len() && !matches!(&text[digits.len()..], "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year after a day ("December 23, 2020", "23 December 2020").
fn year_after(words: &Words, i: usize) -> Option<i32> {
    let next = i + 1;
    if !words.same_sentence(i, next) || !words.is_number(next) {
        return None;
    }
    let gap = words.gap_before(next).trim();
    let year: i32 = words.lower(next).parse().ok()?;
    ((gap.is_empty() || gap == ",") && (1000..=2999).contains(&year)).then_some(year)
}

/// "Dec. 20", "January 3", "December 23, 2020".
fn month_day_at(words: &Words, i: usize, month: u32, today: Option<Date>) -> Option<DateAt> {
    // "May" and "March" are words too: a month needs its capital and a day right after.
    if !words.is_capitalized(i) || !words.same_sentence(i, i + 1) {
        return None;
    }
    let gap = words.gap_before(i + 1).trim();
    if !(gap.is_empty() || gap == ".") || (gap == "." && words.lower(i).len() > 4) {
        return None;
    }
    let day = day_number(words, i + 1)?;
    resolve(words, i, i + 1, month, day, today)
}

/// "23 December", "23 December 2020".
fn day_month_at(words: &Words, i: usize, today: Option<Date>) -> Option<DateAt> {
    let day = day_number(words, i)?;
    if !words.joined_by_space(i) || !words.is_capitalized(i + 1) {
        return None;
    }
    let month = month_of(words.lower(i + 1))?;
    resolve(words, i, i + 1, month, day, today)
}

/// The date of a month-day whose day token is `day_token`, with its year if one follows.
fn resolve(
    words: &Words,
    first: usize,
    day_token: usize,
    month: u32,
    day: u32,
    today: Option<Date>,
) -> Option<DateAt> {
    let (last, value) = match year_after(words, day_token) {
        Some(year) => (day_token + 1, Date::new(year, month, day)?.to_string()),
        None => match today {
            Some(today) => {
                let past = is_past_event(words, first, day_token);
                (day_token, year_for(today, month, day, past)?.to_string())
            }
            None => (day_token, format!("--{month:02}-{day:02}")),
        },
    };
    Some(DateAt { first, last, value })
}

/// The year a month-day without one falls in, seen from `today`.
fn year_for(today: Date, month: u32, day: u32, past_event: bool) -> Option<Date> {
    let candidates = (today.year - 1..=today.year + 1).filter_map(|y| Date::new(y, month, day));
    if past_event {
        return candidates.filter(|d| *d <= today).max();
    }
    candidates.min_by_key(|d| (d.days() - today.days()).abs())
}

/// Whether the sentence tells a past event at this date: a word of `past_event_words.txt` in
/// it, and the date not naming an anniversary to come ("ahead of the January 3 anniversary").
fn is_past_event(words: &Words, first: usize, last: usize) -> bool {
    let next = last + 1;
    if words.same_sentence(last, next) && words.lower(next) == "anniversary" {
        return false;
    }
    words
        .sentence_range(words.sentence(first))
        .any(|t| PAST_EVENT_WORDS.contains(words.lower(t)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::facts::test_support::{assert_sorted_unique, facts_of};

    fn dates(date: &str, body: &str) -> Vec<String> {
        facts_of(date, body)
            .into_iter()
            .filter_map(|f| f.strip_prefix("date =").map(str::to_string))
            .collect()
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Date::parse("2020-12-24").unwrap();
        assert_eq!(d.weekday(), 3, "a Thursday");
        assert_eq!(d.add_days(10).to_string(), "2021-01-03");
        assert_eq!(
            Date::parse("2024-03-01").unwrap().add_days(-1).to_string(),
            "2024-02-29"
        );
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::parse("2020-02-30"), None);
        assert_eq!(Date::parse("24 Dec"), None);
    }

    #[test]
    fn weekdays_are_the_last_such_day_on_or_before_the_article_date() {
        // 2020-12-24 is a Thursday.
        assert_eq!(
            dates("2020-12-24", "Rockets hit late on Sunday."),
            ["2020-12-20"]
        );
        assert_eq!(
            dates("2020-12-24", "He said so on Thursday."),
            ["2020-12-24"]
        );
        assert_eq!(
            dates("2020-12-24", "In a Monday tweet he wrote."),
            ["2020-12-21"]
        );
        assert_eq!(
            dates("2020-12-24", "After Sunday's attack, calm."),
            ["2020-12-20"]
        );
        assert_eq!(
            dates("2020-12-24", "They meet next Monday."),
            ["2020-12-28"]
        );
        assert_eq!(
            dates("2020-12-24", "They met last Thursday."),
            ["2020-12-17"]
        );
    }

    #[test]
    fn without_an_article_date_a_weekday_stays_a_weekday() {
        assert_eq!(dates("", "Rockets hit on Sunday evening."), ["sunday"]);
        assert_eq!(dates("", "It happened on Dec. 20 at night."), ["--12-20"]);
    }

    #[test]
    fn month_days_take_the_nearest_year_unless_they_tell_a_past_event() {
        let today = "2020-12-24";
        assert_eq!(
            dates(today, "Rockets hit on Dec. 20 again."),
            ["2020-12-20"]
        );
        assert_eq!(
            dates(today, "Trump leaves office on Jan. 20, as planned."),
            ["2021-01-20"]
        );
        assert_eq!(
            dates(today, "Staff left ahead of the January 3 anniversary."),
            ["2021-01-03"]
        );
        assert_eq!(
            dates(today, "He was killed near the airport on January 3."),
            ["2020-01-03"]
        );
        assert_eq!(
            dates(
                today,
                "It came before the anniversary of the Jan. 3 killing."
            ),
            ["2020-01-03"]
        );
    }

    #[test]
    fn explicit_years_and_day_first_dates() {
        let today = "2020-12-24";
        assert_eq!(
            dates(today, "He was killed on January 3, 2020, near Baghdad."),
            ["2020-01-03"]
        );
        assert_eq!(
            dates(today, "The vote was on 5 January 2020 in Baghdad."),
            ["2020-01-05"]
        );
        assert_eq!(
            dates(today, "BAGHDAD, Dec. 23 (Wire) - Rockets."),
            ["2020-12-23"]
        );
    }

    #[test]
    fn words_that_only_look_like_dates_are_not_dates() {
        let today = "2020-12-24";
        assert!(dates(today, "Officials may 3 times say no.").is_empty());
        assert!(dates(today, "Since taking office in May he has pledged.").is_empty());
        assert!(dates(today, "The march went on in 2020.").is_empty());
    }

    #[test]
    fn relative_days() {
        assert_eq!(
            dates("2020-12-24", "Iran said yesterday it would reply."),
            ["2020-12-23"]
        );
    }

    #[test]
    fn past_event_words_are_sorted_and_unique() {
        assert_sorted_unique(
            "past_event_words.txt",
            include_str!("past_event_words.txt"),
            str::to_string,
        );
    }
}
