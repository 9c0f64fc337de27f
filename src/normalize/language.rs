//! Which language an article is written in, so a user hears when an article will not align:
//! the word lists, the lexicon and the quote rules are English.
//!
//! ```
//! use slant::normalize::language;
//!
//! let french = [
//!     "Le président américain a accusé mercredi l'Iran d'être derrière l'attaque contre \
//!      l'ambassade des États-Unis à Bagdad.",
//!     "Selon l'armée irakienne, huit roquettes ont été tirées dimanche soir sur la zone verte.",
//! ];
//! let found = language::detect(french).expect("clear enough");
//! assert_eq!((found.code, found.name), ("fra", "French"));
//! assert!(!found.is_english());
//! ```

use serde::Serialize;

/// At most this many bytes of running text are read: enough to tell the language, cheap on a
/// live blog.
const SAMPLE_BYTES: usize = 2_000;

/// Below this confidence (0 to 1) the language is left unknown: a headline or two short
/// sentences of names say little.
const MIN_CONFIDENCE: f64 = 0.5;

/// A detected language.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Language {
    /// ISO 639-3 code ("eng", "fra", "fas").
    pub code: &'static str,
    /// English name ("English", "French", "Persian").
    pub name: &'static str,
    /// How sure the detector is, from 0 to 1.
    pub confidence: f64,
}

impl Language {
    pub fn is_english(&self) -> bool {
        self.code == "eng"
    }
}

/// The language of a text given as sentences (the first two thousand bytes are read), or
/// `None` when it is not clear.
pub fn detect<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Option<Language> {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 4);
    for sentence in sentences {
        let room = SAMPLE_BYTES.saturating_sub(sample.len());
        if room == 0 {
            break;
        }
        let mut end = room.min(sentence.len());
        while !sentence.is_char_boundary(end) {
            end -= 1;
        }
        sample.push_str(&sentence[..end]);
        sample.push(' ');
    }
    let info = whatlang::detect(&sample)?;
    (info.confidence() >= MIN_CONFIDENCE).then(|| Language {
        code: info.lang().code(),
        name: info.lang().eng_name(),
        confidence: info.confidence(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_english_is_english_and_other_scripts_are_named() {
        let english = detect([
            "US President Donald Trump has accused Iran of being behind the recent rocket \
             attack on the highly fortified Green Zone and the US Embassy in Baghdad.",
        ])
        .unwrap();
        assert!(english.is_english(), "{english:?}");
        let persian = detect([
            "سخنگوی وزارت امور خارجه ایران اتهامات آمریکا را رد کرد و گفت \
                               که حضور نظامی آمریکا منشأ ناامنی در منطقه است.",
        ])
        .unwrap();
        assert_eq!(persian.code, "pes", "{persian:?}");
    }

    #[test]
    fn too_little_text_is_not_guessed() {
        assert_eq!(detect(["Trump blames Iran"]), None);
        assert_eq!(detect([]), None);
    }
}
