//! Lines that must and must not be taken for page chrome. Every example is written for these
//! tests: the kinds of line scraped pages carry, and sentences of news prose that look like them.

use crate::{Article, normalize};

/// The kinds removed from an article made of `lines` under a headline and a lead.
fn removed_kinds(lines: &[&str]) -> Vec<(String, String)> {
    let mut text = String::from(
        "Storm floods the river town\n\nHeavy rain flooded the river town of Alden on Monday, officials said.\n\n",
    );
    text.push_str(&lines.join("\n\n"));
    let article = Article::from_text("t", &text);
    let doc = normalize(&article);
    doc.removed
        .iter()
        .map(|r| (r.kind.clone(), article.body[r.span.range()].to_string()))
        .collect()
}

fn assert_chrome(line: &str, kind: &str) {
    let found = removed_kinds(&[line]);
    assert!(
        found.iter().any(|(k, t)| k == kind && t == line),
        "{line:?} should be removed as {kind}, found {found:?}"
    );
}

fn assert_prose(line: &str) {
    let found = removed_kinds(&[line]);
    assert!(
        found.is_empty(),
        "{line:?} is prose, but removed: {found:?}"
    );
}

#[test]
fn comment_forms_and_notices() {
    assert_chrome("Leave a Reply", "comment-form");
    assert_chrome("Comments are closed.", "comment-form");
    assert_chrome("Your email address will not be published.", "comment-form");
    assert_chrome("Required fields are marked *", "comment-form");
    assert_chrome(
        "This page is protected by reCAPTCHA and the Privacy Policy and Terms of Service apply.",
        "consent",
    );
    assert_chrome(
        "We use cookies to improve your experience. By using this site you accept our cookie policy.",
        "consent",
    );
}

#[test]
fn invitations_to_the_reader() {
    assert_chrome("Read us on Telegram.", "sign-up");
    assert_chrome("Join our channel on Telegram for daily updates", "sign-up");
    assert_chrome(
        "For breaking news alerts, follow our channel online or via the app.",
        "sign-up",
    );
    assert_chrome(
        "We use your sign-up to send you our newsletter. You can unsubscribe at any time. More info",
        "sign-up",
    );
    assert_chrome("Skip to main content", "navigation");
    assert_chrome("View Original Article", "read-more");
    assert_chrome("Share Tweet Email Print", "share");
    assert_chrome("Comments (12)", "share");
}

#[test]
fn shapes_of_chrome() {
    assert_chrome("Home » World » Europe »", "breadcrumbs");
    assert_chrome("Home > News", "breadcrumbs");
    assert_chrome("7 + 3 =", "captcha");
    assert_chrome("Updated: 12 Mar 2021, 09:15 GMT", "timestamp");
    assert_chrome("Nadia Ferro Published March 12, 2021 | 09:15 AM", "byline");
    assert_chrome("Tomas Varga | DPA | Getty Images", "photo-credit");
    assert_chrome("(AP Photo/Tomas Varga)", "photo-credit");
    assert_chrome(
        "Hana Sato is a reporter covering climate and energy.",
        "author-box",
    );
    assert_chrome("Hana Sato, Tomas Varga", "byline");
    assert_chrome("Please subscribe here: example.org/news", "sign-up");
}

#[test]
fn a_source_line_credits_the_text_unless_a_quotation_follows() {
    assert_chrome("Source: Meridian Wire", "credit");
    let found = removed_kinds(&[
        "Source: Mayor of Alden Jane Roe",
        "\"The water rose two metres in an hour.\"",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn lists_of_other_stories_below_their_heading() {
    let found = removed_kinds(&[
        "Most Popular",
        "Court delays ruling on tariff case",
        "Five things to know about the new budget",
    ]);
    let kinds: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(kinds, ["related", "related-link", "related-link"]);
}

#[test]
fn a_headline_sharing_nothing_with_the_page_is_a_sidebar() {
    let found = removed_kinds(&[
        "Crews pumped water from the flooded streets of Alden through the night.",
        "Celebrity chef opens vegan bakery downtown",
    ]);
    assert_eq!(
        found,
        [(
            "sidebar".to_string(),
            "Celebrity chef opens vegan bakery downtown".to_string()
        )]
    );
}

#[test]
fn the_site_name_run_into_the_first_line_is_cut_off_it() {
    let article = Article::from_text(
        "t",
        "River Blog by the night desk. Local News. Heavy rain flooded the river town of Alden on \
         Monday and crews worked through the night to pump water from the streets, officials said.",
    );
    let doc = normalize(&article);
    assert_eq!(doc.removed.len(), 1, "{:?}", doc.removed);
    assert_eq!(
        &article.body[doc.removed[0].span.range()],
        "River Blog by the night desk. Local News. "
    );
    // A short first sentence of the story is not a site name.
    let article = Article::from_text(
        "t",
        "Dozens dead in flood. Heavy rain flooded the river town of Alden on Monday and crews \
         worked through the night to pump water from the streets, officials said.",
    );
    assert!(normalize(&article).removed.is_empty());
    // Nor is a title before a name.
    let article = Article::from_text(
        "t",
        "Florida Gov. Jane Roe said on Monday that the state would send crews to help pump water \
         from the streets of Alden after the flood.",
    );
    assert!(normalize(&article).removed.is_empty());
}

#[test]
fn bullet_points_of_a_summary_are_not_sidebars() {
    let article = Article::from_text(
        "t",
        "Floods in Alden\n\nCrews pump water from the streets\n\nThe mayor promises new levees \
         before winter\n\nSchools stay closed until Friday",
    );
    assert!(normalize(&article).removed.is_empty());
}

#[test]
fn a_line_shown_twice_is_removed_the_second_time() {
    let found = removed_kinds(&["Flooded river town", "Flooded river town"]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "repeated");
}

#[test]
fn prose_that_looks_like_chrome_stays() {
    for line in [
        "Share prices fell in Alden after the flood.",
        "The mayor said residents should read more about the evacuation plan on the city website.",
        "The full story of the night remains unclear.",
        "\"Follow us to the shelter,\" a firefighter shouted to the crowd.",
        "Advertising revenue at the local paper fell by a fifth.",
        "Residents were told to leave their homes by 6 p.m.",
        "Police said the comments posted online were under review.",
        "On Monday, March 12, 2021 the river rose by two metres.",
        "Floods in the river valley",
        "The privacy of the victims must be respected, the mayor said.",
        "Maria Lopez is a teacher who lost her home in the flood.",
        "Reuters reported that the dam held.",
        "Maria Lopez, Tom Reyes and Ann Lee were rescued from the roof.",
        "Alden, Brookfield and Carver",
        "Leave your homes now, the police told residents of Alden.",
    ] {
        assert_prose(line);
    }
}

#[test]
fn subheadings_sharing_words_with_the_story_stay() {
    let found = removed_kinds(&[
        "Town flooded overnight",
        "The river town was flooded overnight after heavy rain in the hills.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_timestamp_before_the_headline_is_cut_off_it() {
    let article = Article::from_text(
        "t",
        "date 2021-03-12 Storm floods the river town\n\nHeavy rain flooded Alden.",
    );
    let doc = normalize(&article);
    assert_eq!(doc.removed.len(), 1);
    assert_eq!(
        &article.body[doc.removed[0].span.range()],
        "date 2021-03-12 "
    );
    let headline = &doc.sentences[0];
    assert_eq!(
        &article.body[headline.span.range()],
        "Storm floods the river town"
    );
}
