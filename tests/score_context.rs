//! Context decides: the same lexicon word is flagged in the outlet's voice and not when it is
//! part of a name, names a legal charge actually brought, or stands in a neutral sense its
//! entry guards; in a quotation it is the speaker's (flagged, `in_quote`). Must-flag and
//! must-not-flag sentences for each rule, with a small lexicon of our own.

use slant::extract::quotes::extract;
use slant::score::flags::flag_article;
use slant::score::lexicon::Lexicon;
use slant::{Article, normalize};

const LEXICON: &str = "term,forms,category,neutral,weight,explanation,example,not_when\n\
Iran-backed,iran-backed,actor-label,,0.5,Labels a group by its sponsor.,x,\n\
murder,murder|murders|murdered,violence-label,killing,0.7,A legal finding.,x,\n\
popular uprising,popular uprising,evaluative,protests,0.5,Praises.,x,\n\
radical,radical|radicals,actor-label,,0.5,Paints as extreme.,x,\n\
regime,regime|regimes,actor-label,government,0.8,Calls a government illegitimate.,x,training regime|tax regime\n\
terror,terror,violence-label,attacks,0.5,A label.,x,\n\
terrorism,terrorism,violence-label,attacks,0.5,A label.,x,\n";

/// (flagged words, in_quote) of each lexicon flag in `text`.
fn flags(text: &str) -> Vec<(String, bool)> {
    let lexicon = Lexicon::from_csv("context.csv", LEXICON).unwrap();
    let article = Article::from_text("case", text);
    let doc = normalize(&article);
    let (quotes, _) = extract(0, &article, &doc, &lexicon);
    flag_article(0, &article, &doc, &quotes, &lexicon)
        .into_iter()
        .filter(|f| f.category != "agentless-passive")
        .map(|f| (article.body[f.span.range()].to_string(), f.in_quote))
        .collect()
}

fn flagged(text: &str) -> Vec<String> {
    flags(text).into_iter().map(|(w, _)| w).collect()
}

#[test]
fn a_word_inside_a_name_is_not_the_outlets_judgment() {
    // Must not flag: the word is part of a proper name mid-sentence.
    assert!(flagged("Leaders of the Radical Party met on Monday.").is_empty());
    assert!(flagged("She wrote a history of the Reign of Terror in France.").is_empty());
    assert!(flagged("The Regime Change Institute held a debate.").is_empty());
    // Must flag: the same words as the outlet's labels.
    assert_eq!(
        flagged("Leaders of the radical party met on Monday."),
        ["radical"]
    );
    assert_eq!(flagged("The regime closed the border."), ["regime"]);
    // A label in capitals after a name is still a label.
    assert_eq!(
        flagged("Troops of the Assad Regime shelled the town."),
        ["Regime"]
    );
    // At a sentence start a capital proves nothing.
    assert_eq!(flagged("Radical Islamists attacked the post."), ["Radical"]);
    // A headline in title case proves nothing either.
    assert_eq!(
        flagged("Regime Forces Shell Town\n\nShells hit the town on Monday.")[0],
        "Regime"
    );
    // A label capitalized by nature stays a label before a name.
    assert_eq!(
        flagged("They met Iran-backed Kataib fighters."),
        ["Iran-backed"]
    );
}

#[test]
fn a_charge_actually_brought_is_reported_in_the_courts_words() {
    // Must not flag.
    assert!(flagged("The guard was charged with murder on Friday.").is_empty());
    assert!(flagged("He was convicted on two counts of murder.").is_empty());
    assert!(flagged("The jury found him guilty of terrorism.").is_empty());
    assert!(flagged("She faces two murder charges.").is_empty());
    assert!(flagged("The terrorism trial opens in May.").is_empty());
    assert!(flagged("The new terrorism law takes effect in June.").is_empty());
    // Must flag: the writer's own verdict, or an accusation that is not a charge.
    assert_eq!(
        flagged("The murder of the guard shocked the town."),
        ["murder"]
    );
    assert_eq!(flagged("Police said the guard was murdered."), ["murdered"]);
    assert_eq!(
        flagged("Critics accused the army of murder and terrorism."),
        ["murder", "terrorism"]
    );
}

#[test]
fn a_neutral_sense_is_guarded_by_its_entry() {
    assert!(flagged("The athletes began a new training regime.").is_empty());
    assert!(flagged("The tax regime changed in 2019.").is_empty());
    assert_eq!(flagged("The regime changed its tax rules."), ["regime"]);
}

#[test]
fn in_a_quotation_the_word_is_the_speakers() {
    let found = flags("\"We will not bow to terror,\" the group's leader said.");
    assert_eq!(found, [("terror".to_string(), true)]);
    let found = flags("The group's leader said they would not bow to terror.");
    assert_eq!(found, [("terror".to_string(), false)]);
}

#[test]
fn a_judgment_before_law_or_act_stays_a_judgment() {
    let lexicon = "term,forms,category,neutral,weight,explanation,example,not_when\n\
                   draconian,draconian,evaluative,,0.7,Judges.,x,\n";
    let lexicon = Lexicon::from_csv("j.csv", lexicon).unwrap();
    let article = Article::from_text("j", "The draconian law takes effect in May.");
    let doc = normalize(&article);
    let found = flag_article(0, &article, &doc, &[], &lexicon);
    assert_eq!(found.len(), 1);
}
