//! What a reader of a comparison should know about some of its articles, said once per kind:
//! "3 of 34 articles are not in English (…)", "11 of 34 articles stop mid-sentence (…)".
//!
//! [`caveats`] finds them; [`Caveat::summary`] says one kind in one line, naming the first few
//! articles (a run over twenty thousand articles must not print a wall of names). The binary
//! prints these lines, the report pages show them near the top, and `comparison.json` lists
//! every article of each kind.
//!
//! ```
//! use slant::{Article, Story, caveats};
//!
//! let story = Story::build(vec![
//!     Article::from_text("wire", "Rockets hit the Green Zone on Sunday.\n\nNobody was hurt."),
//!     Article::from_text("blog", "Rockets hit the Green Zone on Sunday.\n\nThe embassy said the"),
//! ]);
//! let found = caveats::caveats(&story);
//! assert_eq!(found.len(), 1);
//! assert!(found[0].summary(5).starts_with("1 of 2 articles stops mid-sentence (blog): "));
//! ```

use crate::Story;
use serde::Serialize;

/// A kind of caveat, in the order they are told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaveatKind {
    /// The article reads as another language than English ([`Story::other_language`]): the
    /// lexicon and the word lists are English, so its wording is not scored and it aligns on
    /// little more than names and numbers.
    OtherLanguage,
    /// The article stops mid-sentence ([`crate::Doc::cut_off_at`]): a scraped page cut short,
    /// so what it lacks may have been lost rather than left out.
    CutOff,
}

impl CaveatKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OtherLanguage => "other-language",
            Self::CutOff => "cut-off",
        }
    }

    /// A few words on one article, for a page to put beside it ("reads as French").
    pub fn mark(self, detail: &str) -> String {
        match self {
            Self::OtherLanguage => format!("reads as {detail}"),
            Self::CutOff => "stops mid-sentence".to_string(),
        }
    }
}

/// One article a caveat concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Noted {
    /// Index of the article (input order).
    pub article: usize,
    pub article_id: String,
    /// What the caveat says of it: the language's name ("French"), or the last words before
    /// the page stops ("… the latest in a string of").
    pub detail: String,
}

/// One kind of caveat with every article it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caveat {
    pub kind: CaveatKind,
    /// In input order.
    pub articles: Vec<Noted>,
    /// Articles in the story (the "of 34").
    pub of: usize,
}

/// Words of a cut-off sentence kept as its detail.
const CUT_OFF_TAIL_WORDS: usize = 6;

/// The caveats of a story, one per kind that concerns at least one article, in kind order.
pub fn caveats(story: &Story) -> Vec<Caveat> {
    let mut other_language = Vec::new();
    let mut cut_off = Vec::new();
    for (i, (article, doc)) in story.articles.iter().zip(&story.docs).enumerate() {
        let noted = |detail: String| Noted {
            article: i,
            article_id: article.id.clone(),
            detail,
        };
        if let Some(language) = story.other_language(i) {
            other_language.push(noted(language.name.to_string()));
        }
        if let Some(last) = doc.cut_off_at() {
            let words: Vec<&str> = article.body[last.span.range()].split_whitespace().collect();
            let tail = words[words.len().saturating_sub(CUT_OFF_TAIL_WORDS)..].join(" ");
            cut_off.push(noted(format!("… {tail}")));
        }
    }
    [
        (CaveatKind::OtherLanguage, other_language),
        (CaveatKind::CutOff, cut_off),
    ]
    .into_iter()
    .filter(|(_, articles)| !articles.is_empty())
    .map(|(kind, articles)| Caveat {
        kind,
        articles,
        of: story.articles.len(),
    })
    .collect()
}

/// The caveat marks of one article ("reads as French", "stops mid-sentence"), in kind order.
pub fn marks<'a>(caveats: impl IntoIterator<Item = &'a Caveat>, article: usize) -> Vec<String> {
    caveats
        .into_iter()
        .filter_map(|c| {
            let noted = c.articles.iter().find(|n| n.article == article)?;
            Some(c.kind.mark(&noted.detail))
        })
        .collect()
}

impl Caveat {
    /// The caveat in one line, naming at most `listed` articles (then "and N more"):
    /// `2 of 34 articles are not in English (a: Russian, b: French): …`.
    pub fn summary(&self, listed: usize) -> String {
        let n = self.articles.len();
        let one = n == 1;
        let names = self.names(listed);
        let of = self.of;
        match self.kind {
            CaveatKind::OtherLanguage => format!(
                "{n} of {of} articles {} not in English ({names}): the lexicon and the word \
                 lists are English, so {} wording is not scored and {} on little more than \
                 names and numbers",
                if one { "is" } else { "are" },
                if one { "its" } else { "their" },
                if one { "it aligns" } else { "they align" },
            ),
            CaveatKind::CutOff => format!(
                "{n} of {of} articles {} mid-sentence ({names}): {} may be cut off, so what {} \
                 may have been lost rather than left out",
                if one { "stops" } else { "stop" },
                if one { "the page" } else { "the pages" },
                if one { "it lacks" } else { "they lack" },
            ),
        }
    }

    /// The first `listed` articles (at least one; with the language for another language),
    /// then how many more.
    fn names(&self, listed: usize) -> String {
        let listed = listed.max(1);
        let shown: Vec<String> = self
            .articles
            .iter()
            .take(listed)
            .map(|n| match self.kind {
                CaveatKind::OtherLanguage => format!("{}: {}", n.article_id, n.detail),
                CaveatKind::CutOff => n.article_id.clone(),
            })
            .collect();
        let more = self.articles.len().saturating_sub(listed);
        if more == 0 {
            shown.join(", ")
        } else {
            format!("{} and {more} more", shown.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noted(article: usize, detail: &str) -> Noted {
        Noted {
            article,
            article_id: format!("a{article}"),
            detail: detail.to_string(),
        }
    }

    #[test]
    fn one_line_per_kind_names_the_first_articles_then_counts_the_rest() {
        let languages = Caveat {
            kind: CaveatKind::OtherLanguage,
            articles: vec![noted(2, "Russian"), noted(5, "French"), noted(7, "Arabic")],
            of: 9,
        };
        assert_eq!(
            languages.summary(2),
            "3 of 9 articles are not in English (a2: Russian, a5: French and 1 more): the \
             lexicon and the word lists are English, so their wording is not scored and they \
             align on little more than names and numbers"
        );
        assert!(
            languages
                .summary(3)
                .contains("(a2: Russian, a5: French, a7: Arabic)")
        );
        assert!(languages.summary(0).contains("(a2: Russian and 2 more)"));
        let cut = Caveat {
            kind: CaveatKind::CutOff,
            articles: vec![noted(4, "… in a string of")],
            of: 9,
        };
        assert_eq!(
            cut.summary(5),
            "1 of 9 articles stops mid-sentence (a4): the page may be cut off, so what it lacks \
             may have been lost rather than left out"
        );
    }

    #[test]
    fn a_long_run_lists_a_few_names_not_a_wall() {
        let cut = Caveat {
            kind: CaveatKind::CutOff,
            articles: (0..20_000).map(|i| noted(i, "…")).collect(),
            of: 20_000,
        };
        let line = cut.summary(5);
        assert!(
            line.starts_with(
                "20000 of 20000 articles stop mid-sentence (a0, a1, a2, a3, a4 and 19995 more): \
                 the pages may be cut off, so what they lack"
            ),
            "{line}"
        );
        assert!(line.len() < 200, "{line}");
    }

    #[test]
    fn marks_name_each_kind_an_article_is_concerned_by() {
        let found = [
            Caveat {
                kind: CaveatKind::OtherLanguage,
                articles: vec![noted(1, "French")],
                of: 3,
            },
            Caveat {
                kind: CaveatKind::CutOff,
                articles: vec![noted(1, "… x"), noted(2, "… y")],
                of: 3,
            },
        ];
        assert_eq!(marks(&found, 0), Vec::<String>::new());
        assert_eq!(marks(&found, 1), ["reads as French", "stops mid-sentence"]);
        assert_eq!(marks(&found, 2), ["stops mid-sentence"]);
    }
}
