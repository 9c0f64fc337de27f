//! Photo credits that name an agency: a line such as "Jane Roe | DPA | Getty Images" or
//! "(AP Photo/Jane Roe)", and the credit closing a caption ("People wait on the platform.
//! Jane Roe/AFP via Getty Images"). Credits in words ("(Photo by ...)", "Photo: ...") are
//! patterns in `boilerplate.csv`.

use crate::wordlists::is_news_agency;

/// Words a credit may add to an agency's name ("AP Photo", "Reuters Pictures").
const PHOTO_WORDS: &[&str] = &["Images", "Photo", "Photos", "Pictures", "Video"];

/// Lower-case words that may stand inside a credit's names ("Ministry of Defence").
const CONNECTORS: &[&str] = &["al", "and", "de", "del", "der", "of", "the", "van", "von"];

/// A credit has at most this many words.
const MAX_WORDS: usize = 12;
/// A caption closed by an agency in brackets has at most this many words.
const MAX_CAPTION_WORDS: usize = 25;
/// A credit closing a line lies within this many bytes of its end.
const MAX_TAIL_BYTES: usize = 160;

/// Whether `segment` (one part of a credit) names an agency.
fn names_agency(segment: &str) -> bool {
    let words: Vec<&str> = segment.split_whitespace().collect();
    let core = match words.split_last() {
        Some((last, rest)) if PHOTO_WORDS.contains(last) && !rest.is_empty() => rest,
        _ => &words[..],
    };
    !core.is_empty() && is_news_agency(&core.join(" "))
}

/// Whether every word of `segment` can be part of a name: a capital in it ("Masri",
/// "al-Masri", "McKay"), or a connector.
fn is_name(segment: &str) -> bool {
    let words: Vec<&str> = segment.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().any(char::is_uppercase) || CONNECTORS.contains(w))
}

/// Whether `text` (folded, trimmed) is a photo credit naming an agency: names separated by
/// `|`, `/`, `,` or "via", one of them an agency, nothing else.
pub fn is_credit(text: &str) -> bool {
    let inner = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(text)
        .trim();
    if inner.is_empty() || inner.split_whitespace().count() > MAX_WORDS {
        return false;
    }
    let segments: Vec<&str> = inner
        .split(['|', '/', ','])
        .flat_map(|s| s.split(" via "))
        .map(|s| s.trim().trim_start_matches("via ").trim())
        .filter(|s| !s.is_empty())
        .collect();
    let separated = segments.len() >= 2 || inner.contains(" Photo");
    separated && segments.iter().any(|s| names_agency(s)) && segments.iter().all(|s| is_name(s))
}

/// Labels that open a credit in words ("Credit: Jane Roe via Wire").
const CREDIT_LABELS: &[&str] = &[
    "credit:",
    "credits:",
    "image credit:",
    "image:",
    "photo by",
    "photo credit:",
    "photo:",
    "photos by",
    "picture:",
    "video credit:",
];

/// Where a credit closing a caption line starts ("... on the platform. Jane Roe/AFP via Getty
/// Images" → the offset of "Jane"), if the line ends with one after a sentence: names with an
/// agency set off by `/`, `|`, "via" or brackets ("\[Getty\]", "(Court TV via AP, Pool)"), or a
/// labelled credit ("Credit: Jane Roe via Wire").
pub fn trailing(line: &str) -> Option<usize> {
    // A credit is a dozen words at most: only the end of a long line can hold one.
    let mut window = line.len().saturating_sub(MAX_TAIL_BYTES);
    while !line.is_char_boundary(window) {
        window += 1;
    }
    // Every credit has one of these; most lines of text have none near their end.
    let tail = &line[window..];
    let marked = tail.bytes().any(|b| matches!(b, b'/' | b'|' | b'['))
        || tail.ends_with(')')
        || (tail.contains(':') && tail.to_ascii_lowercase().contains("credit"))
        || tail.contains("hoto") && (tail.contains(':') || tail.contains(" by "))
        || tail.contains("mage:")
        || tail.contains("icture:");
    if !marked {
        return None;
    }
    // A labelled credit needs no sentence end before it: its label sets it off.
    let lower = line[window..].to_ascii_lowercase();
    let labelled = CREDIT_LABELS
        .iter()
        .filter_map(|label| {
            let at = window + lower.rfind(&format!(" {label}"))? + 1;
            let rest = &line[at + label.len()..];
            (rest.split_whitespace().count() <= MAX_WORDS - 2 && !rest.contains(['.', '!', '?']))
                .then_some(at)
        })
        .min();
    if labelled.is_some() {
        return labelled;
    }
    if let Some(open) = line.strip_suffix(']').and_then(|l| l.rfind('['))
        && open > 0
        && names_agency(&line[open + 1..line.len() - 1])
    {
        return Some(open);
    }
    // `Rescue boats on the river (The Associated Press)`: an agency in brackets closing a
    // short line.
    if let Some(open) = line.strip_suffix(')').and_then(|l| l.rfind('(')) {
        let inner = line[open + 1..line.len() - 1].trim();
        let inner = inner.strip_prefix("The ").unwrap_or(inner);
        let short = line.split_whitespace().count() <= MAX_CAPTION_WORDS;
        if open > 0 && short && names_agency(inner) {
            return Some(open);
        }
    }
    let ends = line[window..]
        .match_indices(['.', '!', '?', ')', '"'])
        .map(|(i, m)| window + i + m.len())
        .filter(|&i| line[i..].starts_with(' '));
    ends.map(|i| i + 1).find(|&i| {
        let tail = line[i..].trim();
        let set_off = tail.contains(['/', '|']) || tail.starts_with('(') || tail.contains(" via ");
        set_off && is_credit(tail)
    })
}

/// The length of a credit left before a caption by a page that put it first ("/ AFP via
/// Getty Images A man pushes a cart ..."): a line that opens with `/` or `|`, then the longest
/// run of words that is a credit, followed by a capital.
pub fn leading(line: &str) -> Option<usize> {
    if !line.starts_with(['/', '|']) {
        return None;
    }
    let ends: Vec<usize> = line
        .match_indices(' ')
        .map(|(i, _)| i)
        .take(MAX_WORDS + 4)
        .collect();
    ends.into_iter()
        .rev()
        .find(|&end| {
            let next = line[end..].trim_start().chars().next();
            next.is_some_and(char::is_uppercase)
                && is_credit(line[..end].trim_matches(['/', '|', ' ']))
        })
        .map(|end| end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_naming_an_agency() {
        for text in [
            "Jane Roe | DPA | Getty Images",
            "(AP Photo/Jane Roe)",
            "Jane Roe/AFP via Getty Images",
            "REUTERS/Jane Roe",
            "Ministry of Defence/via REUTERS",
            "Photo/REUTERS/Mohammed al-Masri",
        ] {
            assert!(is_credit(text), "{text}");
        }
    }

    #[test]
    fn names_and_sentences_are_not_credits() {
        for text in [
            "Reuters reported the attack on Friday",
            "Jane Roe | Staff Writer",
            "Kyiv / Moscow",
            "AP",
            "The ministry told Reuters it would respond.",
        ] {
            assert!(!is_credit(text), "{text}");
        }
    }

    #[test]
    fn a_credit_opening_a_caption_is_found() {
        let line = "/ AFP via Getty Images / AFP via Getty Images A man pushes a cart.";
        assert_eq!(&line[leading(line).unwrap()..], "A man pushes a cart.");
        assert_eq!(leading("A man pushes a cart. AFP via Getty Images"), None);
    }

    #[test]
    fn a_credit_closing_a_caption_is_found() {
        let line = "Crowds gather by the river Photo Credit: @someone";
        assert_eq!(&line[trailing(line).unwrap()..], "Photo Credit: @someone");
        let line = "People wait on the platform. Jane Roe/AFP via Getty Images";
        assert_eq!(
            &line[trailing(line).unwrap()..],
            "Jane Roe/AFP via Getty Images"
        );
        assert_eq!(trailing("Talks went on. Reuters and AP reported it."), None);
        let line = "The jury heard the verdict. (Court TV via AP, Pool)";
        assert_eq!(&line[trailing(line).unwrap()..], "(Court TV via AP, Pool)");
        let line = "Rescue boats on the river (The Associated Press)";
        assert_eq!(&line[trailing(line).unwrap()..], "(The Associated Press)");
        assert_eq!(
            trailing("Talks went on for hours on Friday, officials told (Reuters)."),
            None
        );
        let line = "Boats on the river on Tuesday [Getty]";
        assert_eq!(&line[trailing(line).unwrap()..], "[Getty]");
        assert_eq!(trailing("Boats on the river [on Tuesday]"), None);
        let line = "He was seen on video. Credit: Jane Roe via Storyline";
        assert_eq!(
            &line[trailing(line).unwrap()..],
            "Credit: Jane Roe via Storyline"
        );
    }
}
