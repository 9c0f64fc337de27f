//! The dateline that opens a news report: where it was filed, perhaps when, and for whom.
//!
//! ```
//! use slant::normalize::dateline;
//!
//! let text = "BAGHDAD, Dec. 23 (Meridian Wire) - U.S. President Donald Trump on Wednesday...";
//! assert_eq!(dateline::find(text), Some("BAGHDAD, Dec. 23 (Meridian Wire) - ".len()));
//! assert_eq!(dateline::find("MILLBROOK - Police fired tear gas."), Some(12));
//! // Capitals that start a sentence are not a dateline without the dash.
//! assert_eq!(dateline::find("NATO said on Monday that it would respond."), None);
//! ```
//!
//! The dateline says nothing about the story: two outlets carrying the same wire sentence, one
//! with the dateline and one without, still tell the same thing.

use regex::Regex;
use std::sync::LazyLock;

/// A place in capitals ("BAGHDAD", "PORT CALDER", "ST. LOUIS"; three letters at least, see
/// [`find`]), an optional date after a comma, an optional credit in brackets, then a dash.
/// Works on folded text, where every long dash is `-`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Lu}{2,}\.?(?:[ '-]\p{Lu}+\.?)*)(?:, [^()\-]{1,25}?)?(?: \([^()]{1,40}\))? ?--? +",
    )
    .expect("dateline pattern")
});

/// A credit in brackets and a dash with no place before it: "(Coastal Wire) - ", as pages
/// reposting wire copy leave it.
static CREDIT_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(\p{Lu}[^()]{1,39}\) ?--? +").expect("credit pattern"));

/// The length in bytes of the dateline opening `text` (dash and following spaces included),
/// if it has one.
pub fn find(text: &str) -> Option<usize> {
    if let Some(credit) = CREDIT_ONLY.find(text) {
        return Some(credit.end());
    }
    let found = DATELINE.captures(text)?;
    let place_letters = found[1].chars().filter(|c| c.is_alphabetic()).count();
    (place_letters >= 3).then(|| found[0].len())
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn wire_datelines_are_found_whole() {
        for (text, dateline) in [
            (
                "PORT CALDER (Coastal Wire) - About 1,200",
                "PORT CALDER (Coastal Wire) - ",
            ),
            (
                "WASHINGTON, Dec 23 (Wire) - The",
                "WASHINGTON, Dec 23 (Wire) - ",
            ),
            ("ST. LOUIS - A", "ST. LOUIS - "),
            ("BAGHDAD (AP) -- Rockets", "BAGHDAD (AP) -- "),
            ("TEHRAN, Iran - Officials", "TEHRAN, Iran - "),
            ("(COASTAL WIRE) - About", "(COASTAL WIRE) - "),
        ] {
            assert_eq!(find(text), Some(dateline.len()), "{text}");
        }
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for text in [
            "Baghdad - the capital - was quiet.",
            "US officials said the decision stemmed from concerns.",
            "U.S. President Donald Trump said",
            "NATO said it would respond - eventually.",
            "A rocket hit - witnesses said.",
            "US - Iran talks resumed.",
            "(Reuters reported it) and the talks resumed.",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }
}
