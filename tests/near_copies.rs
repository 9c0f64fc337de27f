//! Near-copy detection on the fixture stories: exactly the constructed copies, no false pair.

mod common;

use common::{load_story, stories};

#[test]
fn fixture_copies_are_found_exactly() {
    let mut found = Vec::new();
    for dir in stories() {
        let articles: Vec<slant::Article> = load_story(&dir).into_values().collect();
        let docs: Vec<slant::Doc> = articles.iter().map(slant::normalize).collect();
        let dates: Vec<Option<&str>> = articles.iter().map(|a| a.date.as_deref()).collect();
        for copy in slant::align::copies::find(&docs, &dates) {
            assert!(
                copy.similarity >= slant::align::copies::MIN_CONTAINMENT && copy.similarity <= 1.0
            );
            found.push((
                articles[copy.article].id.clone(),
                articles[copy.original].id.clone(),
            ));
        }
    }
    found.sort();
    let expected = [
        ("lakeview-4-news".to_string(), "meridian-wire".to_string()),
        (
            "resistance-axis-news".to_string(),
            "presstv-2020-12-24-trump-accuses-iran".to_string(),
        ),
    ];
    assert_eq!(found, expected);
}

#[test]
fn sharing_a_long_quote_does_not_make_a_copy() {
    let quote = "\"Our embassy in Baghdad got hit Sunday by several rockets. Three rockets failed to launch. Guess where they were from: IRAN. Now we hear chatter of additional attacks against Americans in Iraq,\"";
    let a = slant::Article::from_text(
        "a",
        &format!(
            "{quote} the president wrote on Wednesday. Officials in Washington gave no further details about the attack or its aftermath."
        ),
    );
    let b = slant::Article::from_text(
        "b",
        &format!(
            "Iran's foreign ministry rejected the accusation on Thursday. {quote} Trump claimed in a post that drew a sharp reply from Tehran."
        ),
    );
    let docs = [slant::normalize(&a), slant::normalize(&b)];
    assert_eq!(slant::align::copies::find(&docs, &[None, None]), vec![]);
}
