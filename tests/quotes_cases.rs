//! The hard cases of quote extraction, one small article each: what must and must not be a
//! quote, and who said it with which verb.

use slant::extract::quotes::{canonicalize_speakers, extract};
use slant::extract::{Quote, VerbClass};
use slant::score::lexicon::Lexicon;
use slant::{Article, normalize};

fn quotes_of(body: &str) -> Vec<Quote> {
    let article = Article::from_text("case", &format!("Headline here\n\n{body}"));
    let doc = normalize(&article);
    extract(0, &article, &doc, &Lexicon::default_english()).0
}

/// (text, speaker, cue) of each quote.
fn found(body: &str) -> Vec<(String, String, String)> {
    quotes_of(body)
        .into_iter()
        .map(|q| {
            (
                q.text,
                q.speaker.unwrap_or_default(),
                q.cue.unwrap_or_default(),
            )
        })
        .collect()
}

fn row(text: &str, speaker: &str, cue: &str) -> (String, String, String) {
    (text.into(), speaker.into(), cue.into())
}

#[test]
fn apostrophes_are_never_quotes() {
    let body =
        "Pompeo's aides played rock 'n' roll from the '90s 'til dawn, the workers' union said.";
    assert!(found(body).is_empty(), "{:?}", found(body));
}

#[test]
fn single_quotes_nested_in_double_ones_stay_inside() {
    let body = "“They told us ‘go home’ and we did,” organizer Ana Ruiz said.";
    assert_eq!(
        found(body),
        [row(
            "They told us ‘go home’ and we did,",
            "Ana Ruiz",
            "said"
        )]
    );
}

#[test]
fn guillemets_are_quotation_marks() {
    let body = "«We will not leave», union leader Ana Ruiz said.";
    assert_eq!(found(body), [row("We will not leave", "Ana Ruiz", "said")]);
}

#[test]
fn quote_running_across_paragraphs() {
    let body = "Mayor Jane Doe said: “The first part of the statement.\n\n“The second part of it.”\n\nThe council met later.";
    assert_eq!(
        found(body),
        [row(
            "The first part of the statement.\n\n“The second part of it.",
            "Jane Doe",
            "said"
        )]
    );
}

#[test]
fn unclosed_quote_ends_at_its_paragraph() {
    let body = "Mayor Jane Doe said: “The roads will reopen soon.\n\nThe council met on Monday. It voted for the budget.";
    let quotes = found(body);
    assert_eq!(
        quotes,
        [row("The roads will reopen soon.", "Jane Doe", "said")]
    );
}

#[test]
fn scare_quotes_are_not_quotes_but_attributed_partial_quotes_are() {
    let scare = "The \"peaceful\" protest ended in broken glass. The so-called \"experts\" of the group agreed.";
    assert!(found(scare).is_empty(), "{:?}", found(scare));
    let partial =
        quotes_of("Spokesman Saeed Khatibzadeh dismissed Pompeo’s “irresponsible” remarks.");
    assert_eq!(partial.len(), 1);
    assert!(partial[0].partial);
    assert_eq!(partial[0].speaker.as_deref(), Some("Saeed Khatibzadeh"));
    assert_eq!(partial[0].cue.as_deref(), Some("dismissed"));
}

#[test]
fn quote_before_and_after_its_attribution() {
    assert_eq!(
        found("“We have made a fair offer,” Graham Whitlow said."),
        [row("We have made a fair offer,", "Graham Whitlow", "said")]
    );
    assert_eq!(
        found("Union president Marisol Okafor told reporters, “We will not stand by.”"),
        [row("We will not stand by.", "Marisol Okafor", "told")]
    );
    assert_eq!(
        found(
            "\"These thugs do not speak for us,\" said council member Victor Hale, who voted yes."
        ),
        [row(
            "These thugs do not speak for us,",
            "Victor Hale",
            "said"
        )]
    );
    assert_eq!(
        found("Price rises will slow, according to Calder Bay Terminals."),
        []
    );
}

#[test]
fn pronouns_and_follow_on_quotes_continue_the_speaker() {
    let body = "President Donald Trump wrote on Twitter on Wednesday.\n\nIn a second tweet, he wrote: “Think it over.” “I mean it.”\n\n“Guess where they were from,” the president wrote.";
    assert_eq!(
        found(body),
        [
            row("Think it over.", "Donald Trump", "wrote"),
            row("I mean it.", "Donald Trump", ""),
            row("Guess where they were from,", "Donald Trump", "wrote"),
        ]
    );
}

#[test]
fn participles_take_the_clause_subject() {
    let body = "Saeed Khatibzadeh rejected the accusations as “irresponsible,” saying they “aim to create tension.” “Iran rejects any attack,” Khatibzadeh added.";
    assert_eq!(
        found(body),
        [
            row("irresponsible,", "Saeed Khatibzadeh", "rejected"),
            row("aim to create tension.", "Saeed Khatibzadeh", "saying"),
            row("Iran rejects any attack,", "Saeed Khatibzadeh", "added"),
        ]
    );
}

#[test]
fn attributions_carry_their_class_and_guards_apply() {
    let article = Article::from_text(
        "case",
        "Headline here\n\nPompeo also claimed that the attack had wounded civilians. The group claimed responsibility for the attack. Khatibzadeh slammed the remarks.",
    );
    let doc = normalize(&article);
    let (_, attributions) = extract(0, &article, &doc, &Lexicon::default_english());
    let got: Vec<(&str, &str, VerbClass)> = attributions
        .iter()
        .map(|a| (a.speaker.as_str(), a.verb.as_str(), a.class))
        .collect();
    assert_eq!(
        got,
        [
            ("Pompeo", "claimed", VerbClass::Doubt),
            ("Khatibzadeh", "slammed", VerbClass::Emotive)
        ]
    );
}

/// Two outlets attribute the same words to different people: both are kept, each with its
/// own speaker, and canonicalization joins only the forms of one name.
#[test]
fn same_quote_different_speakers_in_two_outlets() {
    let lexicon = Lexicon::default_english();
    let a = Article::from_text(
        "a",
        "Headline\n\n“The door to talks remains open,” Graham Whitlow said.",
    );
    let b = Article::from_text(
        "b",
        "Headline\n\n“The door to talks remains open,” union president Marisol Okafor said. Whitlow disagreed.",
    );
    let mut quotes = Vec::new();
    let mut attributions = Vec::new();
    for (i, article) in [&a, &b].into_iter().enumerate() {
        let (q, at) = extract(i, article, &normalize(article), &lexicon);
        quotes.extend(q);
        attributions.extend(at);
    }
    canonicalize_speakers(&mut quotes, &mut attributions);
    let speakers: Vec<(usize, &str)> = quotes
        .iter()
        .map(|q| (q.article, q.speaker.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(speakers, [(0, "Graham Whitlow"), (1, "Marisol Okafor")]);
    assert_eq!(quotes[0].text, quotes[1].text);
}

#[test]
fn story_canonicalization_uses_the_fullest_name() {
    let lexicon = Lexicon::default_english();
    let a = Article::from_text("a", "Headline\n\n“Think it over,” Trump wrote.");
    let b = Article::from_text(
        "b",
        "Headline\n\n“Think it over,” US President Donald Trump wrote.",
    );
    let mut quotes = Vec::new();
    let mut attributions = Vec::new();
    for (i, article) in [&a, &b].into_iter().enumerate() {
        let (q, at) = extract(i, article, &normalize(article), &lexicon);
        quotes.extend(q);
        attributions.extend(at);
    }
    canonicalize_speakers(&mut quotes, &mut attributions);
    assert!(
        quotes
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Donald Trump"))
    );
    assert!(attributions.iter().all(|a| a.speaker == "Donald Trump"));
}

/// (speaker, verb) of each attribution.
fn attributions(body: &str) -> Vec<(String, String)> {
    let article = Article::from_text("case", &format!("Headline here\n\n{body}"));
    let doc = normalize(&article);
    extract(0, &article, &doc, &Lexicon::default_english())
        .1
        .into_iter()
        .map(|a| (a.speaker, a.verb))
        .collect()
}

fn said(speaker: &str, verb: &str) -> (String, String) {
    (speaker.into(), verb.into())
}

#[test]
fn roles_point_back_at_the_person_with_that_role() {
    let body = "Alden Mayor Jane Roe visited the site. Vice President Tom Field spoke first. \
                The mayor said the river was falling. The president of the council said more.";
    let found = attributions(body);
    assert_eq!(found[0], said("Jane Roe", "said"));
    // No one was named as the council's president: the phrase stands, not the vice president.
    assert_eq!(found[1], said("president of the council", "said"));
}

#[test]
fn a_person_named_between_commas_or_at_the_end_of_a_role() {
    assert_eq!(
        attributions("The head of the water board, Jane Roe, said the dam held."),
        [said("Jane Roe", "said")]
    );
    assert_eq!(
        attributions("According to the spokeswoman of the regional office Ana Ruiz, the dam held."),
        [said("Ana Ruiz", "according to")]
    );
    assert_eq!(
        attributions("\"It was loud,\" Tom Field, 33, of Alden, said."),
        [said("Tom Field", "said")]
    );
    assert_eq!(
        attributions("\"I'm shaking,\" said her friend Ana Ruiz, 26."),
        [said("Ana Ruiz", "said")]
    );
    assert_eq!(
        attributions("Dr. Jane Roe from Doctors Without Borders said the ward was full."),
        [said("Jane Roe", "said")]
    );
    assert_eq!(
        attributions("Rep. Jane Roe (D-Ohio) said the bill would pass."),
        [said("Jane Roe", "said")]
    );
}

#[test]
fn documents_speak_for_whoever_issued_them() {
    let body = "The Alden Water Board issued a statement on Monday. \"The dam is safe,\" the \
                statement said. The board's report said repairs would take a week.";
    let found = attributions(body);
    assert_eq!(found[0], said("Alden Water Board", "said"));
    assert_eq!(found[1], said("Alden Water Board", "said"));
}

#[test]
fn agencies_that_report_are_reporters_not_speakers() {
    assert!(attributions("The dam held, Reuters reported.").is_empty());
    assert!(attributions("The dam held, according to the AP news agency.").is_empty());
    // Who told an agency is the speaker.
    assert_eq!(
        attributions("The dam held, a water board official told Reuters."),
        [said("water board official", "told")]
    );
}

#[test]
fn source_lines_attribute_the_quotations_below_them() {
    let body = "Source: Alden Mayor Jane Roe\n\n\"The water rose two metres in an hour.\"";
    let q = quotes_of(body);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
}

#[test]
fn words_that_only_look_like_speakers_are_not() {
    // A quantity and a participle opening a sentence, a nationality alone.
    assert!(attributions("Dozens reported killed in the flood. Dozens were rescued.").is_empty());
    assert!(
        attributions("According to Alden officials, the dam held.")
            .iter()
            .all(|a| a.0 != "Alden")
    );
    assert!(
        attributions("The dam held, according to Ukrainian state railways.")
            .iter()
            .all(|a| a.0 != "Ukrainian")
    );
}

#[test]
fn one_person_under_several_spellings() {
    let mut quotes = Vec::new();
    let mut attributions = Vec::new();
    for (i, body) in [
        "Governor Pavlo Kyrylenko said the station was hit.",
        "Kirilenko said the station was hit.",
        "The Alden Defence Ministry said it fired nothing. The defense ministry later said more.",
    ]
    .iter()
    .enumerate()
    {
        let article = Article::from_text(&format!("a{i}"), &format!("Headline\n\n{body}"));
        let doc = normalize(&article);
        let (q, a) = extract(i, &article, &doc, &Lexicon::default_english());
        quotes.extend(q);
        attributions.extend(a);
    }
    canonicalize_speakers(&mut quotes, &mut attributions);
    let speakers: Vec<&str> = attributions.iter().map(|a| a.speaker.as_str()).collect();
    assert_eq!(
        speakers,
        [
            "Pavlo Kyrylenko",
            "Pavlo Kyrylenko",
            "Alden Defence Ministry",
            "Alden Defence Ministry"
        ]
    );
}
