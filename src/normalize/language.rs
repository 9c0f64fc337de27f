//! Which language an article is written in. The word lists, the lexicon and the quote rules
//! are English: an article in another language cannot be scored, and aligns on little more
//! than names and numbers.
//!
//! English is presumed. The headline and the running text (their first two thousand bytes)
//! are read by `whatlang`, and an article is named as another language only when all of these
//! hold:
//! - the detector is at least [`MIN_CONFIDENCE_OTHER`] sure of it (a text it is less sure of
//!   is "unclear");
//! - the text has at least [`MIN_WORDS_OTHER`] words: on a sentence or two, trigram counts
//!   mislead (over 3,674 single English news sentences, one of 12 words read as Estonian at
//!   0.95; over pairs of them, none reached 0.8);
//! - less than [`MAX_ENGLISH_SHARE_OTHER`] of the text is in sentences that read as English on
//!   their own: an English report that opens with a long quote in French is still English.
//!
//! English itself is named when the detector is at least [`MIN_CONFIDENCE`] sure of it, or
//! when at least that share of the text is in sentences that read as English (a report with a
//! short quote in French can leave the detector unsure of the whole). Any other text is
//! unclear, and is read as English like the rest. Codes are ISO 639-3, as
//! `whatlang` gives them: `eng`, `fra`, `rus`, `ara`, `por`, `pes` (Persian), `cmn`
//! (Mandarin).
//!
//! ```
//! use slant::normalize::language;
//!
//! let french = [
//!     "Le président américain a accusé mercredi l'Iran d'être derrière l'attaque contre \
//!      l'ambassade des États-Unis à Bagdad.",
//!     "Selon l'armée irakienne, huit roquettes ont été tirées dimanche soir sur la zone \
//!      verte, sans faire de victimes parmi le personnel de l'ambassade ni parmi les \
//!      habitants du quartier.",
//! ];
//! let found = language::detect(french).expect("clear enough");
//! assert_eq!((found.code, found.name), ("fra", "French"));
//! assert!(!found.is_english());
//! ```

use serde::Serialize;

/// At most this many bytes of running text are read: enough to tell the language, cheap on a
/// live blog.
const SAMPLE_BYTES: usize = 2_000;

/// Below this confidence (0 to 1) no language is named: a headline or two short sentences of
/// names say little.
pub const MIN_CONFIDENCE: f64 = 0.5;

/// Another language than English is named only at this confidence (`whatlang`'s own
/// "reliable").
pub const MIN_CONFIDENCE_OTHER: f64 = 0.9;

/// Another language than English is named only over at least this many words of running text.
pub const MIN_WORDS_OTHER: usize = 40;

/// Another language than English is named only when sentences reading as English hold less
/// than this share of the text read (by bytes).
pub const MAX_ENGLISH_SHARE_OTHER: f64 = 0.25;

/// A detected language.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Language {
    /// ISO 639-3 code ("eng", "fra", "pes").
    pub code: &'static str,
    /// English name ("English", "French", "Persian").
    pub name: &'static str,
    /// How sure the detector is, from 0 to 1 (for English found sentence by sentence, the
    /// share of the text in English sentences).
    pub confidence: f64,
}

impl Language {
    pub fn is_english(&self) -> bool {
        self.code == "eng"
    }

    fn of(info: &whatlang::Info) -> Self {
        Self {
            code: info.lang().code(),
            name: info.lang().eng_name(),
            confidence: info.confidence(),
        }
    }
}

/// The language of a text given as sentences (the first two thousand bytes are read), or
/// `None` when it is not clear (see the module docs for when another language than English is
/// named).
pub fn detect<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Option<Language> {
    let pieces = sample(sentences);
    let text = pieces.join(" ");
    let info = whatlang::detect(&text)?;
    if info.lang() == whatlang::Lang::Eng && info.confidence() >= MIN_CONFIDENCE {
        return Some(Language::of(&info));
    }
    let english = english_share(&pieces);
    let other = info.lang() != whatlang::Lang::Eng
        && info.confidence() >= MIN_CONFIDENCE_OTHER
        && text.split_whitespace().count() >= MIN_WORDS_OTHER
        && english < MAX_ENGLISH_SHARE_OTHER;
    if other {
        return Some(Language::of(&info));
    }
    // Mixed text the detector is unsure of as a whole: English if most of it is, sentence by
    // sentence.
    (english >= MIN_CONFIDENCE).then_some(Language {
        code: whatlang::Lang::Eng.code(),
        name: whatlang::Lang::Eng.eng_name(),
        confidence: english,
    })
}

/// The sentences' first [`SAMPLE_BYTES`] bytes, cut at a character boundary.
fn sample<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut taken = 0;
    let mut pieces = Vec::new();
    for sentence in sentences {
        let room = SAMPLE_BYTES.saturating_sub(taken);
        if room == 0 {
            break;
        }
        let mut end = room.min(sentence.len());
        while !sentence.is_char_boundary(end) {
            end -= 1;
        }
        pieces.push(&sentence[..end]);
        taken += end;
    }
    pieces
}

/// The share of the pieces' bytes in pieces that read as English on their own.
fn english_share(pieces: &[&str]) -> f64 {
    let total: usize = pieces.iter().map(|p| p.len()).sum();
    let english: usize = pieces
        .iter()
        .filter(|p| {
            whatlang::detect(p).is_some_and(|i| {
                i.lang() == whatlang::Lang::Eng && i.confidence() >= MIN_CONFIDENCE
            })
        })
        .map(|p| p.len())
        .sum();
    english as f64 / total.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The running text of a constructed article, one sentence per item.
    fn sentences(text: &str) -> Vec<&str> {
        text.split("\n").filter(|s| !s.trim().is_empty()).collect()
    }

    #[test]
    fn news_english_is_english_and_other_scripts_are_named() {
        let english = detect([
            "US President Donald Trump has accused Iran of being behind the recent rocket \
             attack on the highly fortified Green Zone and the US Embassy in Baghdad.",
        ])
        .unwrap();
        assert!(english.is_english(), "{english:?}");
        let persian = detect([
            "سخنگوی وزارت امور خارجه ایران اتهامات آمریکا را رد کرد و گفت که حضور نظامی \
             آمریکا منشأ ناامنی در منطقه است.",
            "او افزود که ایران هیچ نقشی در این حمله نداشته است و آمریکا باید به جای \
             اتهام زنی به دنبال خروج نیروهای خود از عراق باشد و به خواست مردم این کشور \
             احترام بگذارد.",
        ])
        .unwrap();
        assert_eq!(persian.code, "pes", "{persian:?}");
    }

    #[test]
    fn too_little_text_is_not_guessed() {
        assert_eq!(detect(["Trump blames Iran"]), None);
        assert_eq!(detect([]), None);
        // A short French brief: French, but too short to stop scoring it.
        let brief = "Le maire de la ville a démissionné lundi après six ans de mandat.";
        assert_eq!(whatlang::detect_lang(brief), Some(whatlang::Lang::Fra));
        assert_eq!(detect([brief]), None);
    }

    #[test]
    fn a_short_english_article_is_never_another_language() {
        // Short English sentences that a trigram detector can take for another language:
        // under the word floor they are English or unclear, never a language to skip.
        for text in [
            "Mayor Tom Ellery resigned on Monday after six years in office.",
            "Zelenskyy met Macron and Scholz in Kyiv on Thursday. Kuleba, Yermak and Shmyhal \
             joined them.",
            "Hobbyist climbers lack basic rescue skills, a study suggests.",
        ] {
            let found = detect([text]);
            assert!(found.is_none_or(|l| l.is_english()), "{text}: {found:?}");
        }
    }

    #[test]
    fn text_the_detector_is_unsure_of_is_english_when_most_sentences_are() {
        let pieces = [
            "Mayor resigns",
            "Mayor Tom Ellery resigned on Monday after six years in office.",
        ];
        let whole = whatlang::detect(&pieces.join(" ")).unwrap();
        assert!(
            whole.lang() != whatlang::Lang::Eng || whole.confidence() < MIN_CONFIDENCE,
            "{whole:?}"
        );
        let found = detect(pieces).unwrap();
        assert!(found.is_english());
        // The share of the text in English sentences: all but the headline.
        assert!((found.confidence - 62.0 / 75.0).abs() < 1e-9, "{found:?}");
    }

    #[test]
    fn an_english_article_quoting_another_language_is_english() {
        let short_quote = sentences(
            "The transport minister met union leaders on Tuesday as the strike at the \
             northern port entered its third day.\n\
             \"Nous ne reculerons pas tant que le gouvernement ne nous écoutera pas. Les \
             salaires doivent augmenter,\" said a union spokeswoman.\n\
             Talks were expected to continue on Wednesday, officials said.",
        );
        let long_quote = sentences(
            "\"Nous ne reculerons pas tant que le gouvernement ne nous écoutera pas. Les \
             salaires doivent augmenter, les conditions de travail doivent changer, et nous \
             voulons des garanties écrites avant de reprendre le travail dans le port,\" a \
             déclaré la porte-parole du syndicat devant les grilles.\n\
             The transport minister met union leaders on Tuesday as the strike entered its \
             third day.\n\
             Talks were expected to continue on Wednesday, and the port stayed closed.",
        );
        let arabic_banner = sentences(
            "Thousands marched through the capital on Friday, chanting slogans and carrying \
             banners.\n\
             \"نحن هنا من أجل حقوقنا ولن نعود إلى بيوتنا حتى تستجيب الحكومة لمطالبنا العادلة \
             في العمل والكرامة,\" one banner read.\n\
             Police said the march was peaceful and that no arrests were made.",
        );
        // The whole sample of the long quote reads as French: the English sentences keep it.
        assert_eq!(
            whatlang::detect_lang(&long_quote.join(" ")),
            Some(whatlang::Lang::Fra)
        );
        for text in [short_quote, long_quote, arabic_banner] {
            let found = detect(text.iter().copied());
            assert!(found.is_none_or(|l| l.is_english()), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn an_article_in_another_language_is_named() {
        let spanish = sentences(
            "El ministro de Transporte se reunió el martes con los dirigentes sindicales \
             mientras la huelga en el puerto del norte entraba en su tercer día.\n\
             Los estibadores exigen un aumento de salario y mejores condiciones de trabajo, y \
             dicen que no volverán a los muelles sin garantías por escrito.\n\
             Las conversaciones continuarán el miércoles, según fuentes del ministerio.",
        );
        let found = detect(spanish).unwrap();
        assert_eq!((found.code, found.name), ("spa", "Spanish"));
        assert!(found.confidence >= MIN_CONFIDENCE_OTHER);
    }
}
