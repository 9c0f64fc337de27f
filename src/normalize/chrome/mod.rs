//! Page chrome: what a scraped page puts around the story, found by what tells chrome from
//! prose on any page rather than by strings of one site.
//!
//! Each line of the page is read for:
//! - **widget vocabulary** (`widget_phrases.csv`, `widget_words.txt`): a line carrying a
//!   phrase of page machinery ("leave a reply", "privacy policy", "skip to content") is chrome
//!   when the phrase is most of it, or when the line also talks to the reader ("your email
//!   address ...", "follow our channel") or opens with a command to them ("Read us on ...");
//!   a short line of button words only ("Share Tweet Email") is chrome too;
//! - **shape**: breadcrumbs (title-case steps between `»`, `›`, `>`, `|` or `/`), captchas
//!   (`7 + 3 =`), publication timestamps with or without a byline ([`timestamps`]), photo
//!   credits that name an agency ([`credits`]), an author box closing the page;
//! - **position**: after a heading such as "Read more:" or "Most popular", the headline-like
//!   lines below it are links to other stories; after a comment form or a sign-up box, the
//!   short lines below it are the footer;
//! - **content**: a headline-like line below the story that shares no content word with the
//!   rest of the page is a sidebar headline of another story; a short line the page already
//!   showed is a repeat.
//!
//! A line that opens with a quotation mark is never taken for a widget: it is someone's words.
//!
//! ```
//! use slant::{Article, normalize};
//!
//! let article = Article::from_text(
//!     "t",
//!     "Strike hits station\n\nHome » World News »\n\nRockets hit the station on Friday, \
//!      officials said.\n\nLeave a Reply\n\nYour email address will not be published.",
//! );
//! let doc = normalize(&article);
//! let kinds: Vec<&str> = doc.removed.iter().map(|r| r.kind.as_str()).collect();
//! assert_eq!(kinds, ["breadcrumbs", "comment-form", "comment-form"]);
//! ```

pub mod credits;
pub mod timestamps;
pub mod vocabulary;

use super::boilerplate::Removed;
use super::offsets::OffsetMap;
use crate::Span;
use std::collections::{HashMap, HashSet};
use vocabulary::{CHANNEL_WORDS, PAGE_COMMANDS, PHRASES, READER_WORDS, WIDGET_WORDS, WidgetKind};

/// Lines longer than this are running text: only the cheap checks of a line's two ends
/// (a leading timestamp, a trailing credit) apply to them.
const MAX_CHROME_LINE_BYTES: usize = 600;
/// A line with a widget phrase that talks to the reader has at most this many words
/// (a sign-up notice runs to three sentences).
const MAX_WIDGET_LINE_WORDS: usize = 60;
/// A widget phrase makes a line chrome by itself when it is at least this share of its words.
const WIDGET_SHARE: f32 = 0.5;
/// A line of button words only has at most this many words.
const MAX_BUTTON_LINE_WORDS: usize = 10;
/// A headline-like line (a link to another story) has at most this many words.
const MAX_HEADLINE_WORDS: usize = 20;
/// A related-stories list is at most this many lines long.
const MAX_LIST_LINES: usize = 15;
/// Lines of at most this many words are split into words for the rules that read them
/// (button rows, prompts, labels); longer ones only when a widget phrase is in them.
const MAX_WORDS_READ: usize = 10;
/// A repeated line counts as chrome up to this many words.
const MAX_REPEAT_WORDS: usize = 25;
/// A sidebar headline has at least this many content words, none of them found elsewhere.
const MIN_SIDEBAR_CONTENT_WORDS: usize = 3;

/// One line of the folded text.
struct Line<'a> {
    span: Span,
    text: &'a str,
    /// The kind of an earlier removal covering the whole line.
    removed: Option<&'a str>,
    /// Its number of words.
    count: usize,
}

fn lines<'a>(text: &'a str, removed: &'a [Removed]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches('\n');
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let span = Span::new(start + lead, start + lead + trimmed.len());
            // Regions are sorted by start; one covering the line starts at or before it,
            // a few regions back at most (nested ones sit in between).
            let i = removed.partition_point(|r| r.norm.start <= span.start);
            let covering = removed[..i]
                .iter()
                .rev()
                .take(8)
                .find(|r| r.norm.contains(span));
            out.push(Line {
                span,
                text: trimmed,
                removed: covering.map(|r| r.kind.as_str()),
                count: trimmed.split_ascii_whitespace().count(),
            });
        }
        start += raw.len();
    }
    out
}

/// The words of a line: letters, digits and inner apostrophes or hyphens, lower case.
fn words(line: &str) -> Vec<String> {
    line.split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '(' | ')' | '"'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '+'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Ends with what ends a sentence (or a heading with a colon).
fn closes(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', ')', ']', '*', ' '])
        .ends_with(['.', '!', ':', ';'])
}

fn opens_quotation(line: &str) -> bool {
    line.starts_with(['"', '\''])
}

/// Reads like a headline: a few words, a capital first, no closing punctuation.
fn headline_like(line: &str, words: usize) -> bool {
    (2..=MAX_HEADLINE_WORDS).contains(&words)
        && !closes(line)
        && !opens_quotation(line)
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A page-machinery line: its kind, from the widget phrases and words it carries.
fn widget(line: &str, words: &[String], hits: &[vocabulary::PhraseHit]) -> Option<WidgetKind> {
    if opens_quotation(line) || words.is_empty() {
        return None;
    }
    let verb = if words[0] == "please" {
        words.get(1)
    } else {
        words.first()
    };
    let command = verb.filter(|v| PAGE_COMMANDS.contains(v.as_str()));
    let channel = words.iter().any(|w| CHANNEL_WORDS.contains(&w.as_str()));
    if hits.is_empty() && words.len() <= 12 {
        // "Subscribe here", "Visit our website": a command sending the reader elsewhere.
        if let Some(verb) = command.filter(|_| channel) {
            return Some(match verb.as_str() {
                "donate" | "download" | "follow" | "get" | "install" | "join" | "register"
                | "sign" | "subscribe" | "support" => WidgetKind::SignUp,
                _ => WidgetKind::ReadMore,
            });
        }
    }
    let Some(first) = hits.first() else {
        let buttons = words.len() <= MAX_BUTTON_LINE_WORDS
            && !closes(line)
            && words.iter().any(|w| WIDGET_WORDS.contains(w.as_str()))
            && words.iter().all(|w| {
                WIDGET_WORDS.contains(w.as_str()) || w.chars().all(|c| c.is_ascii_digit())
            });
        return buttons.then_some(WidgetKind::Share);
    };
    let phrase_words: usize = hits.iter().map(|h| h.words).sum();
    if phrase_words as f32 >= WIDGET_SHARE * words.len() as f32 {
        return Some(first.kind);
    }
    if words.len() > MAX_WIDGET_LINE_WORDS {
        return None;
    }
    let to_reader = words.iter().any(|w| READER_WORDS.contains(&w.as_str()));
    let command = command.is_some()
        && (to_reader || channel || words.iter().any(|w| WIDGET_WORDS.contains(w.as_str())));
    let distinct: HashSet<usize> = hits.iter().map(|h| h.phrase).collect();
    (to_reader || command || distinct.len() >= 2).then_some(first.kind)
}

/// Breadcrumbs: title-case steps between separators ("Home » World News »"), read on the
/// body's line, since folding turns `»` into a quotation mark. `Some(true)` when the trail
/// starts at "Home".
fn breadcrumbs(body_line: &str) -> Option<bool> {
    const SEPARATORS: &[&str] = &["»", "›", ">", "|", "/", "\\", "→", ">>"];
    let tokens: Vec<&str> = body_line.split_whitespace().collect();
    let separators = tokens.iter().filter(|t| SEPARATORS.contains(t)).count();
    if separators == 0 || tokens.len() - separators > 12 {
        return None;
    }
    let mut steps: Vec<Vec<&str>> = vec![Vec::new()];
    for t in &tokens {
        if SEPARATORS.contains(t) {
            steps.push(Vec::new());
        } else if let Some(step) = steps.last_mut() {
            step.push(t);
        }
    }
    let steps: Vec<&Vec<&str>> = steps.iter().filter(|s| !s.is_empty()).collect();
    let home = steps
        .first()
        .is_some_and(|s| s.len() == 1 && s[0].eq_ignore_ascii_case("home"));
    let title_case = steps.iter().all(|s| {
        s.len() <= 4
            && s.iter()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || *w == "and")
    });
    let last = body_line.trim_end();
    (title_case && !last.ends_with(['.', '!', '?']) && (home || separators >= 2)).then_some(home)
}

/// A captcha question: "7 + 3 =", "What is 4 x 2?".
fn captcha(line: &str) -> bool {
    static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?i:what is )?\d{1,3} ?[-+x*×] ?\d{1,3} ?(?:= ?\??|\?)$")
            .expect("captcha pattern")
    });
    line.len() <= 24 && PATTERN.is_match(line)
}

/// A closing note on the author ("Jane Roe is a correspondent covering ...").
fn author_box(line: &str) -> bool {
    static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:\p{Lu}[\p{L}'.-]+ ){1,3}(?:is|was|has been|covers) (?:an? |the |our )?(?:[\p{L}-]+ ){0,5}(?:reporter|correspondent|journalist|editor|writer|columnist|contributor|producer|freelancer|photographer|author|anchor|host)s?\b",
        )
        .expect("author box pattern")
    });
    PATTERN.is_match(line)
}

fn region(kind: &str, norm: Span, reason: &str) -> Removed {
    Removed {
        kind: kind.to_string(),
        span: norm,
        norm,
        reason: reason.to_string(),
    }
}

/// Where the page is while reading it line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Story,
    /// Below a heading over links to other stories: lines left in the list.
    Related(usize),
    /// Below a comment form or a sign-up box.
    Footer,
}

/// Where a line stands on the page.
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    /// The first line left (the headline, as a rule).
    first: bool,
    /// The last line left.
    last: bool,
    /// Above the first line of prose.
    before_story: bool,
    /// Below the last line of prose.
    after_story: bool,
}

/// A line of prose: a sentence's worth of words, closed by punctuation.
fn is_prose(line: &Line<'_>) -> bool {
    line.count >= 8
        && line
            .text
            .trim_end_matches(['"', '\'', ')', ']'])
            .ends_with(['.', '!', '?'])
}

/// Finds the page chrome in folded `text` that `removed` (the boilerplate patterns' finds,
/// sorted) does not already cover. `body` and `map` give each line as the page wrote it.
/// Spans are in `text`; the caller maps them to the body.
pub fn find(text: &str, body: &str, map: &OffsetMap, removed: &[Removed]) -> Vec<Removed> {
    let lines = lines(text, removed);
    let kept = |l: &Line<'_>| l.removed.is_none();
    let first_prose = lines.iter().position(|l| kept(l) && is_prose(l));
    let last_prose = lines.iter().rposition(|l| kept(l) && is_prose(l));
    let last_kept = lines.iter().rposition(kept);
    let mut out: Vec<Removed> = Vec::new();
    let mut zone = Zone::Story;
    let mut seen: HashSet<u64> = HashSet::new();
    let mut first_kept = true;
    // Widget phrases of the whole page in one pass; each line takes those inside it.
    let page_hits = PHRASES.find_at(text);
    let mut next_hit = 0;
    for (i, line) in lines.iter().enumerate() {
        if let Some(kind) = line.removed {
            zone = match kind {
                "related" => Zone::Related(MAX_LIST_LINES),
                "share" | "subscribe" | "follow" | "copyright" | "footer" => Zone::Footer,
                _ => zone,
            };
            continue;
        }
        let place = Place {
            first: std::mem::replace(&mut first_kept, false),
            last: Some(i) == last_kept,
            before_story: first_prose.is_some_and(|f| i < f),
            after_story: last_prose.is_some_and(|l| i > l),
        };
        let (mut span, mut line_text) = (line.span, line.text);
        if let Some(len) = timestamps::leading(line_text) {
            out.push(region(
                "timestamp",
                Span::new(span.start, span.start + len),
                "when the page was published, left by the scraper before the text",
            ));
            span.start += len;
            line_text = &line_text[len..];
        }
        if place.first
            && let Some(len) = site_fragments(line_text)
        {
            out.push(region(
                "site-name",
                Span::new(span.start, span.start + len),
                "the site's name and section, run into the first line of the page",
            ));
            span.start += len;
            line_text = &line_text[len..];
        }
        if line_text.len() > MAX_CHROME_LINE_BYTES {
            zone = Zone::Story;
            if let Some(at) = credits::trailing(line_text) {
                out.push(region(
                    "photo-credit",
                    Span::new(span.start + at, span.end),
                    "a photo credit",
                ));
            }
            continue;
        }
        // Most rules read short lines only: count first, split into words when needed.
        let count = if span == line.span {
            line.count
        } else {
            line_text.split_ascii_whitespace().count()
        };
        if count > MAX_WIDGET_LINE_WORDS {
            zone = Zone::Story;
            if let Some(at) = credits::trailing(line_text) {
                out.push(region(
                    "photo-credit",
                    Span::new(span.start + at, span.end),
                    "a photo credit",
                ));
            }
            continue;
        }
        while next_hit < page_hits.len() && page_hits[next_hit].0 < span.start {
            next_hit += 1;
        }
        let hits: Vec<vocabulary::PhraseHit> = page_hits[next_hit..]
            .iter()
            .take_while(|(at, _)| *at < span.end)
            .map(|(_, hit)| *hit)
            .collect();
        let words = if count <= MAX_WORDS_READ || !hits.is_empty() || place.first {
            words(line_text)
        } else {
            Vec::new()
        };
        if source_line(line_text) {
            // "Source: X" names whose words follow when a quotation comes next (it stays, for
            // the quotes to find their speaker); otherwise it credits where the text came from.
            let quoted_next = lines[i + 1..]
                .iter()
                .filter(|l| l.removed.is_none())
                .take(2)
                .any(|l| l.text.contains('"'));
            if !quoted_next {
                out.push(region(
                    "credit",
                    span,
                    "a credit line naming where the text came from",
                ));
            }
            continue;
        }
        let body_line = &body[map.span_to_body(span).range()];
        let view = View {
            text: line_text,
            span,
            count,
            words: &words,
            hits: &hits,
            cut: span != line.span,
        };
        match classify(&view, body_line, zone, place) {
            Some(Found::Line(kind, reason)) => {
                zone = match (kind, zone) {
                    ("related", _) => Zone::Related(MAX_LIST_LINES),
                    ("related-link", Zone::Related(n)) => Zone::Related(n.saturating_sub(1)),
                    ("comment-form" | "sign-up" | "consent" | "share", _) => Zone::Footer,
                    (_, z) => z,
                };
                out.push(region(kind, span, reason));
            }
            Some(Found::Inline(kind, part, reason)) => {
                zone = Zone::Story;
                out.push(region(kind, part, reason));
            }
            None => {
                zone = Zone::Story;
                let repeat = count <= MAX_REPEAT_WORDS && !seen.insert(line_hash(line_text));
                if repeat && !place.first {
                    out.push(region("repeated", span, "a line the page already showed"));
                }
            }
        }
    }
    out.extend(sidebar_headlines(&lines, &out, first_prose.zip(last_prose)));
    out.sort_by_key(|r| (r.norm.start, std::cmp::Reverse(r.norm.end)));
    out
}

enum Found {
    Line(&'static str, &'static str),
    Inline(&'static str, Span, &'static str),
}

/// One line as the rules read it.
struct View<'a> {
    text: &'a str,
    span: Span,
    /// Its number of words.
    count: usize,
    /// Its words, lower case: only for short lines and lines with a widget phrase.
    words: &'a [String],
    hits: &'a [vocabulary::PhraseHit],
    /// A leading timestamp or site name was cut off it.
    cut: bool,
}

/// A line's letters and digits, lower case, hashed (FNV-1a): two lines with the same words
/// hash alike whatever their punctuation and spacing.
fn line_hash(line: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in line.chars().filter(|c| c.is_alphanumeric()) {
        for l in c.to_lowercase() {
            h ^= u64::from(l);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The chrome one line is, by its vocabulary, shape, zone and place. Each rule looks only at
/// lines short enough to be what it finds, so running text costs a word count.
fn classify(line: &View<'_>, body_line: &str, zone: Zone, place: Place) -> Option<Found> {
    use Found::{Inline, Line};
    let (text, span, n, words) = (line.text, line.span, line.count, line.words);
    // What is left of a line once a leading timestamp is cut off it may be a pattern's.
    if line.cut
        && let Some((kind, reason)) = super::boilerplate::line_pattern(text)
    {
        return Some(Line(kind, reason));
    }
    if text.starts_with(['/', '|'])
        && let Some(len) = credits::leading(text)
    {
        return Some(Inline(
            "photo-credit",
            Span::new(span.start, span.start + len),
            "a photo credit",
        ));
    }
    if let Zone::Related(left) = zone
        && left > 0
        && headline_like(text, n)
    {
        return Some(Line(
            "related-link",
            "a link to another story, in a list of them",
        ));
    }
    if zone == Zone::Footer && n <= 8 && !closes(text) {
        return Some(Line(
            "footer",
            "a short line in the page footer, after a form or notice",
        ));
    }
    if captcha(text) {
        return Some(Line("captcha", WidgetKind::Captcha.reason()));
    }
    if n <= 16 && text.contains(|c: char| c.is_ascii_digit()) {
        match timestamps::line(text) {
            Some(timestamps::Stamp::Time) => {
                return Some(Line("timestamp", "when the page was published or updated"));
            }
            Some(timestamps::Stamp::Byline) => {
                return Some(Line(
                    "byline",
                    "the author and when the piece was published",
                ));
            }
            None => {}
        }
    }
    if signed_byline(text) {
        return Some(Line("byline", "the author and their role at the outlet"));
    }
    if text.contains("(@") && embedded_post(text) {
        return Some(Line(
            "embedded-post",
            "a social-media post embedded in the page: the poster's words, not the outlet's",
        ));
    }
    if n <= 14 && credits::is_credit(text) {
        return Some(Line("photo-credit", "a photo credit"));
    }
    if let Some(at) = credits::trailing(text) {
        return Some(Inline(
            "photo-credit",
            Span::new(span.start + at, span.end),
            "a photo credit",
        ));
    }
    if n <= 16 {
        let crumbs = breadcrumbs(body_line);
        if crumbs.is_some_and(|home| home || !place.first) {
            return Some(Line(
                "breadcrumbs",
                "the page's breadcrumb trail (where it sits on the site)",
            ));
        }
    }
    if let Some(kind) = widget(text, words, line.hits) {
        return Some(Line(kind.as_str(), kind.reason()));
    }
    if n <= 5 && prompt(words) {
        return Some(Line("prompt", "a prompt to watch, listen or click"));
    }
    if place.first {
        if url_slug(text, words) {
            return Some(Line(
                "url-slug",
                "the words of a web address standing in for the title",
            ));
        }
        if let Some(at) = title_suffix(text) {
            return Some(Inline(
                "title-suffix",
                Span::new(span.start + at, span.end),
                "the site or section name after the headline",
            ));
        }
        return None;
    }
    if n <= MAX_HEADLINE_WORDS && labelled_link(text) {
        return Some(Line("related-link", "a link to another item of the site"));
    }
    if (place.before_story || place.after_story) && n <= 9 && names_line(text) {
        return Some(Line("byline", "the names of the authors"));
    }
    if (place.before_story || place.after_story) && n <= 4 && name_label(text, words) {
        return Some(Line(
            "label",
            "a name standing alone above or below the story (its author, source or section)",
        ));
    }
    if place.last && author_box(text) {
        return Some(Line("author-box", "a note on the author"));
    }
    None
}

/// The length of the short fragments a page's first line opens with before its text, when
/// they name the site rather than tell anything: "Home Blog by the editors. World Affairs.
/// Rockets hit ...". A fragment is a few words with "by" and a name ("X by Y."), or two or
/// three capitalized words ("World Affairs."); at least fifteen words must follow them.
fn site_fragments(line: &str) -> Option<usize> {
    let mut at = 0;
    while let Some(dot) = line[at..].find(". ").map(|i| at + i) {
        let fragment: Vec<&str> = line[at..dot].split_whitespace().collect();
        // A period after an abbreviation (`U.S.`, `Sen.`, `Inc.`) ends no fragment: the last
        // word must be a word of three lower-case letters or more.
        let ends_a_word = fragment.last().is_some_and(|w| {
            !w.contains('.') && w.chars().filter(|c| c.is_lowercase()).count() >= 3
        });
        if !ends_a_word {
            break;
        }
        // "Site Name by someone": capitalized words, "by", at most three more.
        let credit = fragment.iter().position(|w| *w == "by").is_some_and(|b| {
            (1..=3).contains(&b)
                && (1..=3).contains(&(fragment.len() - b - 1))
                && fragment[..b]
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !fragment.iter().any(|w| w.ends_with("ed"))
        });
        let title = (2..=3).contains(&fragment.len())
            && fragment
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 2);
        if !(credit || title) {
            break;
        }
        at = dot + 2;
    }
    (at > 0 && line[at..].split_whitespace().count() >= 15).then_some(at)
}

/// "Source: ...", "Sources: ...".
fn source_line(line: &str) -> bool {
    let lower = line.get(..8).unwrap_or(line).to_ascii_lowercase();
    (lower.starts_with("source:") || lower.starts_with("sources:")) && line.len() <= 160
}

/// "Jane Roe, Staff Writer": an author with their role at the outlet.
fn signed_byline(line: &str) -> bool {
    static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:\p{Lu}[\p{L}'.-]+ ){1,3}\p{Lu}[\p{L}'.-]+,\s*(?i:(?:senior |chief |contributing |associate |political |foreign |staff )?(?:staff writer|staff reporter|reporter|correspondent|writer|editor|contributor|columnist|staff))$",
        )
        .expect("byline pattern")
    });
    line.len() <= 80 && PATTERN.is_match(line)
}

/// A social-media post pasted into the page, ending with its signature: "... — Name
/// (@handle) March 26, 2024".
fn embedded_post(line: &str) -> bool {
    static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\(@\w{1,30}\)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\s*$",
        )
        .expect("post signature pattern")
    });
    PATTERN.is_match(line)
}

/// A short command to watch, listen or click ("Watch his remarks.", "Listen to the podcast").
fn prompt(words: &[String]) -> bool {
    (1..=5).contains(&words.len())
        && matches!(words[0].as_str(), "watch" | "listen" | "click" | "tap")
}

/// The first line made of a web address's words: lower case, no punctuation at all.
fn url_slug(line: &str, words: &[String]) -> bool {
    words.len() >= 5
        && line
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' ')
}

/// Where a site or section name after the headline starts: "Headline | Explainer".
fn title_suffix(line: &str) -> Option<usize> {
    let bar = line.rfind(" | ")?;
    let suffix = line[bar + 3..].trim();
    let headline_words = line[..bar].split_whitespace().count();
    ((1..=3).contains(&suffix.split_whitespace().count()) && headline_words >= 3).then_some(bar)
}

/// A link to another item, with its label: "Pictures: ...", "latest news ...". A label of one
/// word needs its colon; the rest reads as a headline.
fn labelled_link(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "analysis",
        "gallery",
        "latest",
        "latest news",
        "more",
        "opinion",
        "photos",
        "pictures",
        "podcast",
        "related",
        "video",
        "videos",
    ];
    LABELS.iter().any(|label| {
        let Some(after) = line
            .get(..label.len())
            .filter(|head| head.eq_ignore_ascii_case(label))
            .map(|_| &line[label.len()..])
        else {
            return false;
        };
        let set_off = after.starts_with(':') || (label.contains(' ') && after.starts_with(' '));
        let rest = after.trim_start_matches([':', ' ']);
        set_off
            && rest.chars().next().is_some_and(char::is_uppercase)
            && headline_like(rest, rest.split_whitespace().count())
    })
}

/// Two or three people's names and nothing else ("Jane Roe, John Doe and Ann Lee"): the
/// authors of the piece.
fn names_line(line: &str) -> bool {
    let names: Vec<&str> = line
        .split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .collect();
    (2..=3).contains(&names.len())
        && names.iter().all(|name| {
            let words: Vec<&str> = name.split_whitespace().collect();
            (2..=3).contains(&words.len())
                && words.iter().all(|w| {
                    let lower = w.to_lowercase();
                    if crate::wordlists::is_function_word(&lower) {
                        return false;
                    }
                    let mut chars = w.chars();
                    chars.next().is_some_and(char::is_uppercase)
                        && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'))
                })
        })
}

/// A name standing alone: one to four capitalized words (an author, an outlet, a section),
/// no digits, no punctuation at the end.
fn name_label(line: &str, words: &[String]) -> bool {
    (1..=4).contains(&words.len())
        && !closes(line)
        && !line.ends_with('?')
        && !crate::wordlists::is_function_word(&words[0])
        && line.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ','));
            w.chars().next().is_some_and(char::is_uppercase) || w == "&"
        })
        && !line.chars().any(|c| c.is_ascii_digit())
}

/// Content words of a line for comparing it with the rest of the page: five-letter prefixes
/// of words of four letters or more that are not function words.
fn content_keys(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !crate::wordlists::is_function_word(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// Headline-like lines below the headline that share no content word with the rest of the
/// page: headlines of other stories from a sidebar.
fn sidebar_headlines(
    lines: &[Line<'_>],
    found: &[Removed],
    story: Option<(usize, usize)>,
) -> Vec<Removed> {
    // Only below the last line of prose: above it, a headline-like line is a standfirst, a
    // subheading or a point of a summary.
    let Some((_, last_prose)) = story else {
        return Vec::new();
    };
    // Removals are sorted by start: one walk along them tells which lines they touch.
    let mut r = 0;
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let l = &lines[i];
            while r < found.len() && found[r].norm.end <= l.span.start {
                r += 1;
            }
            l.removed.is_none() && found.get(r).is_none_or(|f| !f.norm.overlaps(l.span))
        })
        .collect();
    let Some(&first) = kept.first() else {
        return Vec::new();
    };
    let candidates: Vec<(usize, Vec<String>)> = kept
        .iter()
        .copied()
        .filter(|&i| {
            i != first
                && i > last_prose
                && !source_line(lines[i].text)
                && headline_like(lines[i].text, lines[i].count)
        })
        .map(|i| (i, words(lines[i].text)))
        // A line that stops on a function word is a sentence cut short, not a headline.
        .filter(|(_, w)| {
            w.last()
                .is_some_and(|last| !crate::wordlists::is_function_word(last))
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &i in &kept {
        for key in content_keys(&words(lines[i].text)) {
            *counts.entry(key).or_default() += 1;
        }
    }
    candidates
        .iter()
        .filter_map(|(i, w)| {
            let keys = content_keys(w);
            let mut own: HashMap<&str, usize> = HashMap::new();
            for k in &keys {
                *own.entry(k.as_str()).or_default() += 1;
            }
            let shared = own
                .iter()
                .any(|(k, n)| counts.get(*k).is_some_and(|c| c > n));
            (own.len() >= MIN_SIDEBAR_CONTENT_WORDS && !shared).then(|| {
                region(
                    "sidebar",
                    lines[*i].span,
                    "a headline of another story: it shares no word with the rest of the page",
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
