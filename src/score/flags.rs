//! The flags of one article from its own text: lexicon terms ([`crate::score::matcher`]), scare quotes
//! ([`scare_quotes`]) and agentless passives ([`passive`]). Peer and corpus flags need the
//! other articles and come from the story-level scorers.
//!
//! - Every flag points at body bytes and names its sentence; words in boilerplate are not
//!   article text and are never flagged.
//! - `in_quote` is true when the words sit inside one of the article's direct quotes: they are
//!   the speaker's, reported (a reader should know a minister called the remarks
//!   "irresponsible") but not counted against the outlet ([`counts_against_outlet`]).
//! - Headline flags are ordinary flags whose sentence is the headline ([`is_headline`]):
//!   reports show them apart, since the headline is what most readers see.
//! - A lexicon word that is part of a name or names a legal charge is not flagged
//!   ([`context`]).
//! - Where flags overlap, one stays: a scare quote over a lexicon word in its marks (the
//!   marks are the judgment), a lexicon term over a passive (the term says more).
//! - Order: by span start, then end, then category (deterministic).

use super::lexicon::Lexicon;
use super::matcher::Matcher;
use super::{Evidence, Flag, context, passive, scare_quotes};
use crate::extract::Quote;
use crate::normalize::SentenceKind;
use crate::{Article, Doc, Span};

/// Category of scare-quote flags.
pub const SCARE_QUOTE: &str = "scare-quote";
/// Category of agentless-passive flags.
pub const AGENTLESS_PASSIVE: &str = "agentless-passive";
/// How loaded a scare quote is (0..1): a clear distancing signal.
const SCARE_QUOTE_WEIGHT: f32 = 0.6;
/// How loaded an agentless passive is: often fair (the doer may be unknown).
const PASSIVE_WEIGHT: f32 = 0.4;

/// The flags of one article (lexicon terms, scare quotes, agentless passives), in text order.
/// `quotes` are the direct quotes of the story or of this article (others are ignored). The
/// lexicon's matcher is built once per lexicon and reused ([`Matcher::shared`]).
pub fn flag_article(
    article_index: usize,
    article: &Article,
    doc: &Doc,
    quotes: &[Quote],
    lexicon: &Lexicon,
) -> Vec<Flag> {
    let matcher = Matcher::shared(lexicon);
    flag_article_with(&matcher, article_index, article, doc, quotes, lexicon)
}

/// [`flag_article`] with a matcher the caller keeps (built from `lexicon`).
pub fn flag_article_with(
    matcher: &Matcher,
    article_index: usize,
    article: &Article,
    doc: &Doc,
    quotes: &[Quote],
    lexicon: &Lexicon,
) -> Vec<Flag> {
    let mut quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| q.article == article_index)
        .map(|q| q.span)
        .collect();
    quoted.sort_by_key(|s| (s.start, s.end));
    let in_quote = |span: Span| overlaps_any(&quoted, span);
    let base = |sentence: usize, span: Span| Flag {
        article: article_index,
        sentence,
        span,
        term: String::new(),
        category: String::new(),
        neutral: String::new(),
        weight: 0.0,
        evidence: Evidence::Lexicon,
        in_quote: in_quote(span),
        baseline: String::new(),
        explanation: String::new(),
    };

    let mut scare: Vec<Flag> = Vec::new();
    for s in scare_quotes::find(article_index, article, doc, quotes) {
        let words = &article.body[s.span.range()];
        scare.push(Flag {
            term: words.to_lowercase(),
            category: SCARE_QUOTE.to_string(),
            weight: SCARE_QUOTE_WEIGHT,
            evidence: Evidence::ScareQuote,
            explanation: s.explanation(words),
            ..base(s.sentence, s.span)
        });
    }

    let mut terms: Vec<Flag> = Vec::new();
    for hit in matcher.find(&doc.text, lexicon) {
        let span = doc.map.span_to_body(hit.span);
        let Some(sentence) = sentence_at(doc, span) else {
            continue;
        };
        if scare.iter().any(|s| s.span.overlaps(span)) {
            continue;
        }
        let entry = &lexicon.entries()[hit.entry];
        if context::other_use(doc, &article.body, sentence, span, entry).is_some() {
            continue;
        }
        terms.push(Flag {
            term: entry.term.clone(),
            category: entry.category.clone(),
            neutral: entry.neutral.clone(),
            weight: entry.weight,
            explanation: entry.explanation.clone(),
            ..base(sentence, span)
        });
    }

    let mut taken: Vec<Span> = terms.iter().chain(&scare).map(|f| f.span).collect();
    taken.sort_by_key(|s| (s.start, s.end));
    let mut passives: Vec<Flag> = Vec::new();
    for p in passive::find(doc, &quoted) {
        if overlaps_any(&taken, p.span) {
            continue;
        }
        let words = &article.body[p.span.range()];
        passives.push(Flag {
            term: words.to_lowercase(),
            category: AGENTLESS_PASSIVE.to_string(),
            weight: PASSIVE_WEIGHT,
            explanation: passive_explanation(words),
            ..base(p.sentence, p.span)
        });
    }

    // A photo caption stays visible as a caption but is not scored: it describes a picture,
    // often in an agency's words, and takes no part in the outlet's rates.
    let in_caption = |f: &Flag| {
        doc.sentences
            .get(f.sentence)
            .is_some_and(|s| s.kind == SentenceKind::Caption)
    };
    let mut flags: Vec<Flag> = scare
        .into_iter()
        .chain(terms)
        .chain(passives)
        .filter(|f| !in_caption(f))
        .collect();
    flags.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.category).cmp(&(b.span.start, b.span.end, &b.category))
    });
    flags
}

/// Whether the flag sits in the article's headline.
pub fn is_headline(doc: &Doc, flag: &Flag) -> bool {
    doc.sentences
        .get(flag.sentence)
        .is_some_and(|s| s.kind == SentenceKind::Headline)
}

/// Whether the flag counts against the outlet (its own words, not a speaker's inside a
/// direct quote): what per-article rates and `slant score --fail-on` count.
pub fn counts_against_outlet(flag: &Flag) -> bool {
    !flag.in_quote
}

fn passive_explanation(words: &str) -> String {
    format!(
        "'{words}' says what happened but not who did it, and nothing in the sentence names \
         the doer. Leaving the doer out can shield someone from blame; a neutral report says \
         who did it when that is known."
    )
}

/// Whether `span` overlaps one of `spans` (sorted by start, not overlapping each other, so
/// their ends are sorted too).
fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.overlaps(span))
}

/// The sentence whose body span holds the start of `span`; `None` in removed boilerplate.
fn sentence_at(doc: &Doc, span: Span) -> Option<usize> {
    let i = doc.sentences.partition_point(|s| s.span.end <= span.start);
    doc.sentences
        .get(i)
        .filter(|s| s.span.start <= span.start)
        .map(|s| s.index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::extract;
    use crate::normalize;

    fn lexicon() -> Lexicon {
        Lexicon::from_csv(
            "test.csv",
            "term,forms,category,neutral,weight,explanation\n\
             blatantly,blatantly,evaluative,,0.7,Judges the aim.\n\
             claim,claim|claimed,attribution-doubt,said,0.7,Hints doubt.\n\
             peaceful,peaceful,evaluative,,0.4,Takes a side.\n\
             say,say|said,attribution-neutral,said,0,Plain.\n",
        )
        .unwrap()
    }

    fn flags(text: &str) -> (Article, Doc, Vec<Flag>) {
        let article = Article::from_text("t", text);
        let doc = normalize(&article);
        let lexicon = lexicon();
        let (quotes, _) = extract(0, &article, &doc, &lexicon);
        let flags = flag_article(0, &article, &doc, &quotes, &lexicon);
        (article, doc, flags)
    }

    #[test]
    fn words_in_quotes_are_reported_as_the_speakers() {
        let (article, _, flags) = flags(
            "Iran hits back\n\n\"They blatantly lie,\" the spokesman said. Trump claimed it.",
        );
        let seen: Vec<(&str, bool)> = flags
            .iter()
            .map(|f| (&article.body[f.span.range()], f.in_quote))
            .collect();
        assert_eq!(seen, [("blatantly", true), ("claimed", false)]);
        assert!(!counts_against_outlet(&flags[0]));
    }

    #[test]
    fn headline_flags_are_told_apart() {
        let (_, doc, flags) =
            flags("Trump claimed it all\n\nThe minister claimed the attack was staged.");
        let headline: Vec<bool> = flags.iter().map(|f| is_headline(&doc, f)).collect();
        assert_eq!(headline, [true, false]);
    }

    #[test]
    fn a_scare_quote_wins_over_the_word_inside_it() {
        let (article, _, flags) = flags("Instead, the \"peaceful\" protest ended in broken glass.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].category, SCARE_QUOTE);
        assert_eq!(flags[0].evidence, Evidence::ScareQuote);
        assert_eq!(&article.body[flags[0].span.range()], "peaceful");
        assert!(flags[0].explanation.contains("'peaceful'"));
    }

    #[test]
    fn passives_are_flagged_with_a_plain_explanation() {
        let (_, _, flags) = flags("Several protesters were hurt on Friday.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].category, AGENTLESS_PASSIVE);
        assert!(
            flags[0]
                .explanation
                .starts_with("'were hurt' says what happened")
        );
        assert!(flags[0].baseline.is_empty());
    }
}
