//! Each article-level rule with sentences that must and must not trigger it (Harper style),
//! through the public API: `flag_article` over a normalized article and its extracted quotes.
//! A small lexicon of our own keeps the cases independent of the default lexicon's contents.

use slant::extract::quotes::extract;
use slant::score::Flag;
use slant::score::flags::{AGENTLESS_PASSIVE, SCARE_QUOTE, flag_article, is_headline};
use slant::score::lexicon::Lexicon;
use slant::{Article, normalize};

const LEXICON: &str = "term,forms,category,neutral,weight,explanation,example,not_when\n\
anti-terror commander,anti-terror commander|anti-terror commanders,actor-label,commander,0.8,Praises one side.,x,\n\
assassination,assassination|assassinated,violence-label,killing,0.8,Says the killing was a political murder.,x,\n\
blatantly,blatantly,evaluative,,0.7,Judges the aim.,x,\n\
dismiss,dismiss|dismissed,attribution-other,rejected,0.4,Waves it away.,x,\n\
claim,claim|claims|claimed,attribution-doubt,said,0.7,Hints doubt.,x,claimed responsibility|claimed the lives\n\
Iran-backed,iran-backed|iranian-backed,actor-label,,0.5,Labels a group by its sponsor.,x,\n\
regime,regime|regimes,actor-label,government,0.8,Calls a government illegitimate.,x,\n\
reject,reject|rejected,attribution-other,said,0.2,Says no.,x,\n\
say,say|says|said,attribution-neutral,said,0,Plain.,x,\n\
so-called,so-called,hedge,,0.5,Distances the writer.,x,\n\
strike,strike|strikes,violence-label,attack,0.3,Military word.,x,on strike|strike action|the strike at|dockworkers' strike\n\
warn,warn|warned,attribution-other,said,0.3,Names a warning.,x,\n";

fn lexicon() -> Lexicon {
    Lexicon::from_csv("cases.csv", LEXICON).unwrap()
}

/// (flagged words, category, in_quote) of each flag, in order.
fn flags_of(text: &str) -> Vec<(String, String, bool)> {
    let (article, _, flags) = run(text);
    flags
        .iter()
        .map(|f| {
            (
                article.body[f.span.range()].to_string(),
                f.category.clone(),
                f.in_quote,
            )
        })
        .collect()
}

fn run(text: &str) -> (Article, slant::Doc, Vec<Flag>) {
    let lexicon = lexicon();
    let article = Article::from_text("case", text);
    let doc = normalize(&article);
    let (quotes, _) = extract(0, &article, &doc, &lexicon);
    let flags = flag_article(0, &article, &doc, &quotes, &lexicon);
    (article, doc, flags)
}

fn categories(text: &str) -> Vec<String> {
    flags_of(text).into_iter().map(|f| f.1).collect()
}

#[test]
fn lexicon_terms_must_trigger() {
    for (text, words) in [
        (
            "Trump claimed in a tweet that Iran did it.",
            vec!["claimed"],
        ),
        (
            "It came after the US assassination of Iran's anti-terror commander.",
            vec!["assassination", "anti-terror commander"],
        ),
        (
            "The Regime denied it, and Iranian-backed groups fired.",
            vec!["Regime", "Iranian-backed"],
        ),
        ("Pompeo blamed Iran-backed militias.", vec!["Iran-backed"]),
        ("The drone strike hit the convoy.", vec!["strike"]),
    ] {
        let found: Vec<String> = flags_of(text).into_iter().map(|f| f.0).collect();
        assert_eq!(found, words, "{text}");
    }
}

#[test]
fn lexicon_terms_must_not_trigger() {
    for text in [
        "The group claimed responsibility for the attack.",
        "The virus claimed the lives of thousands.",
        "The minister said the regimen worked.",
        "Officials warned that more attacks could follow.",
        "Dockworkers went on strike at the port.",
        "The unclaimed bags were removed.",
    ] {
        assert!(flags_of(text).is_empty(), "{text}: {:?}", flags_of(text));
    }
}

#[test]
fn words_inside_direct_quotes_are_the_speakers() {
    let found = flags_of(
        "Iran responds\n\n\u{201c}We strongly refute these accusations, which blatantly aim to create tension,\u{201d} Khatibzadeh said.",
    );
    assert_eq!(
        found,
        [("blatantly".to_string(), "evaluative".to_string(), true)]
    );
    let found =
        flags_of("Khatibzadeh rejected the \u{201c}regime\u{201d} label, and the regime fell.");
    let in_quote: Vec<bool> = found.iter().map(|f| f.2).collect();
    assert_eq!(in_quote, [true, false], "{found:?}");
}

#[test]
fn scare_quotes_must_trigger() {
    for (text, word) in [
        (
            "Instead, the \"peaceful\" protest ended in broken glass.",
            "peaceful",
        ),
        (
            "The so-called \u{201c}experts\u{201d} were wrong again.",
            "experts",
        ),
        (
            "Iran\u{2019}s proxies, the so-called \u{201c}resistance,\u{201d} vowed revenge.",
            "resistance",
        ),
    ] {
        let found = flags_of(text);
        let scare: Vec<&str> = found
            .iter()
            .filter(|f| f.1 == SCARE_QUOTE)
            .map(|f| f.0.as_str())
            .collect();
        assert_eq!(scare, [word], "{text}: {found:?}");
    }
}

#[test]
fn scare_quotes_must_not_trigger() {
    for text in [
        "Khatibzadeh dismissed Pompeo\u{2019}s \u{201c}irresponsible\u{201d} remarks.",
        "\u{201c}Think it over,\u{201d} Trump wrote.",
        "The mayor called the march \u{201c}a peaceful and entirely lawful protest\u{201d} on Friday.",
        "The workers' union met 'til dawn.",
    ] {
        assert!(
            !categories(text).contains(&SCARE_QUOTE.to_string()),
            "{text}"
        );
    }
}

#[test]
fn so_called_and_its_scare_quote_are_two_flags() {
    let found = flags_of("The so-called \"activists\" had promised a calm march.");
    let cats: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(cats, ["hedge", SCARE_QUOTE]);
}

#[test]
fn agentless_passives_must_trigger() {
    for (text, words) in [
        (
            "Several protesters were hurt, organizers said.",
            "were hurt",
        ),
        (
            "The US Embassy has been targeted several times this year.",
            "has been targeted",
        ),
        (
            "The mayor said mistakes may have been made.",
            "may have been made",
        ),
    ] {
        let found = flags_of(text);
        assert_eq!(
            found,
            [(words.to_string(), AGENTLESS_PASSIVE.to_string(), false)],
            "{text}"
        );
    }
}

#[test]
fn agentless_passives_must_not_trigger() {
    for text in [
        "Four officers were injured by thugs throwing bottles.",
        "He was killed in a U.S. drone strike near the airport.",
        "He will hold Iran responsible if any American is killed.",
        "No one was injured.",
        "\"We were beaten,\" said the organizer.",
        "Eight rockets were fired at the Green Zone.",
    ] {
        assert!(
            !categories(text).contains(&AGENTLESS_PASSIVE.to_string()),
            "{text}: {:?}",
            flags_of(text)
        );
    }
}

#[test]
fn headline_flags_are_told_apart_and_flags_are_in_text_order() {
    let (_, doc, flags) =
        run("Trump claims Iran is behind attack\n\nThe regime denied it. Trump claimed it again.");
    let seen: Vec<(bool, usize)> = flags
        .iter()
        .map(|f| (is_headline(&doc, f), f.span.start))
        .collect();
    assert_eq!(seen.len(), 3);
    assert_eq!(
        seen.iter().map(|s| s.0).collect::<Vec<_>>(),
        [true, false, false]
    );
    assert!(seen.windows(2).all(|w| w[0].1 < w[1].1));
}

#[test]
fn every_flag_explains_itself_and_points_into_the_body() {
    let (article, _, flags) = run(
        "Police attack\n\nThe so-called \"activists\" claimed the regime's \"peaceful\" march was attacked. Windows were smashed.",
    );
    assert!(flags.len() >= 4, "{flags:?}");
    for f in &flags {
        assert!(!f.explanation.is_empty(), "{f:?}");
        assert!(f.baseline.is_empty());
        assert!(article.body.get(f.span.range()).is_some());
        assert!((0.0..=1.0).contains(&f.weight));
    }
}
