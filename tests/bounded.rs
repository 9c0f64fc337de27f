//! Inputs at the edges of what a story can be: a 5,000-sentence article, 200 articles, three
//! identical articles, an empty article, a one-sentence article and a one-article "story".
//! Each must finish with output that still keeps the alignment's promises (every sentence in
//! exactly one unit, ids 1..=n in order, the same result on every run), not merely finish.
//!
//! The large inputs are generated here from fixture sentences (never stored), with a tiny
//! seeded xorshift generator so every run sees the same text.

use assert_cmd::Command;
use predicates::str::contains;
use slant::normalize::SentenceKind;
use slant::{Article, Story};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

const STORY: &str = "fixtures/baghdad-rockets-2020";

/// A tiny xorshift64 generator: the same numbers on every platform, no dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The articles of a fixture story, in name order.
fn fixture_articles(dir: &str) -> Vec<Article> {
    let loaded = slant::ingest::load(&[PathBuf::from(dir)], &Default::default());
    assert!(loaded.errors.is_empty(), "{dir}: {:?}", loaded.errors);
    loaded.articles
}

/// One fixture article by id.
fn fixture_article(id: &str) -> Article {
    fixture_articles(STORY)
        .into_iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no fixture article {id}"))
}

/// Plain body sentences of the fixture story (no headline, no quotation marks, ending in a
/// period), so that numbering them cannot change where the sentence splitter cuts.
fn plain_sentences(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    for article in fixture_articles(dir) {
        let doc = slant::normalize(&article);
        for s in &doc.sentences {
            let text = &article.body[s.span.range()];
            let plain = s.kind != slant::normalize::SentenceKind::Headline
                && text.ends_with('.')
                && !text.contains(['"', '“', '”']);
            if plain {
                out.push(text.to_string());
            }
        }
    }
    assert!(out.len() > 20, "{dir} has too few plain sentences");
    out
}

/// `sentence` with a number worked in, so every generated sentence has its own text.
fn numbered(sentence: &str, n: usize) -> String {
    format!(
        "{}, according to report {n}.",
        sentence.trim_end_matches('.')
    )
}

/// One article of `count` numbered sentences taken in turn from `pool`, five to a paragraph.
fn long_article(id: &str, pool: &[String], count: usize) -> Article {
    let paragraphs: Vec<String> = (0..count)
        .collect::<Vec<_>>()
        .chunks(5)
        .map(|chunk| {
            chunk
                .iter()
                .map(|&n| numbered(&pool[n % pool.len()], n))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    Article::from_text(id, &paragraphs.join("\n\n"))
}

/// `count` small articles of `sentences` sentences each, drawn from `pool` (a seeded choice),
/// so that many articles share each sentence, as many outlets carrying one story would.
fn small_articles(pool: &[String], count: usize, sentences: Range<usize>) -> Vec<Article> {
    let mut rng = XorShift(0x0B0D_2020_1224_0200);
    (0..count)
        .map(|n| {
            let len = sentences.start + rng.below(sentences.len());
            let text: Vec<&str> = (0..len)
                .map(|_| pool[rng.below(pool.len())].as_str())
                .collect();
            Article::from_text(&format!("outlet-{n:03}"), &text.join(" "))
        })
        .collect()
}

/// Sentence counts per article, as normalization finds them.
fn sentence_counts(story: &Story) -> Vec<usize> {
    story.docs.iter().map(|d| d.sentences.len()).collect()
}

/// Asserts the alignment's promises: unit ids are 1..=n in order, and every sentence of every
/// article is in exactly one unit.
fn assert_partition(story: &Story) {
    let ids: Vec<usize> = story.alignment.units.iter().map(|u| u.id).collect();
    assert_eq!(ids, (1..=ids.len()).collect::<Vec<_>>(), "unit ids");
    let mut seen: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for unit in &story.alignment.units {
        assert!(!unit.members.is_empty(), "unit {} is empty", unit.id);
        for m in &unit.members {
            if let Some(before) = seen.insert((m.article, m.sentence), unit.id) {
                panic!(
                    "sentence {} of article {} is in units {before} and {}",
                    m.sentence, m.article, unit.id
                );
            }
        }
    }
    for (article, count) in sentence_counts(story).into_iter().enumerate() {
        for sentence in 0..count {
            assert!(
                seen.contains_key(&(article, sentence)),
                "sentence {sentence} of article {article} is in no unit"
            );
        }
    }
    let total: usize = sentence_counts(story).iter().sum();
    assert_eq!(seen.len(), total, "units name sentences that do not exist");
}

/// Units shared by articles `a` and `b`.
fn shared_units(story: &Story, a: usize, b: usize) -> usize {
    story
        .alignment
        .units
        .iter()
        .filter(|u| u.has_article(a) && u.has_article(b))
        .count()
}

#[test]
fn an_article_of_5000_sentences_is_aligned_in_full() {
    // The long article is built from another story's sentences, so the two Baghdad articles
    // still have their own shared wording to align on.
    let pool = plain_sentences("fixtures/harbor-strike");
    let long = long_article("long-feed", &pool, 5_000);
    let articles = vec![
        fixture_article("meridian-wire"),
        long,
        fixture_article("gulf-dispatch"),
    ];
    let started = std::time::Instant::now();
    let story = Story::build(articles);
    eprintln!("5,000 sentences: Story::build took {:?}", started.elapsed());
    assert!(
        story.docs[1].sentences.len() >= 5_000,
        "the long article has {} sentences",
        story.docs[1].sentences.len()
    );
    assert_partition(&story);
    assert!(
        shared_units(&story, 0, 2) >= 3,
        "the two Baghdad articles still align beside the long one"
    );
}

/// Shared units of meridian-wire and gulf-dispatch with a long article of `count` numbered
/// sentences between them, built from another story: a long feed full of its own repeated
/// words. (Built from this story's own sentences, the feed would hold a near-copy of every
/// sentence of both articles, and each sentence would rightly join its own copy.)
fn shared_beside_long_article(count: usize) -> usize {
    // Every feed sentence also names this story's actors and places, as a live blog would.
    let pool: Vec<String> = plain_sentences("fixtures/harbor-strike")
        .iter()
        .map(|s| format!("{s} Pompeo, Kadhimi and Khatibzadeh spoke about the Katyusha rockets in the Green Zone."))
        .collect();
    let story = Story::build(vec![
        fixture_article("meridian-wire"),
        long_article("live-blog", &pool, count),
        fixture_article("gulf-dispatch"),
    ]);
    assert_partition(&story);
    shared_units(&story, 0, 2)
}

/// A long feed that names this story's actors in every one of its thousands of sentences must
/// not hide what two ordinary articles share.
#[test]
fn a_long_article_does_not_hide_the_others_alignment() {
    let alone = shared_units(
        &Story::build(vec![
            fixture_article("meridian-wire"),
            fixture_article("gulf-dispatch"),
        ]),
        0,
        1,
    );
    assert_eq!(shared_beside_long_article(5_000), alone);
}

#[test]
fn two_hundred_articles_put_each_sentence_in_exactly_one_unit() {
    let pool = plain_sentences(STORY);
    let story = Story::build(small_articles(&pool, 200, 2..4));
    assert_eq!(story.alignment.stats.articles, 200);
    assert_partition(&story);
    assert!(
        story.alignment.units.iter().any(|u| u.article_count() > 2),
        "sentences that many articles carry are aligned across them"
    );
}

/// The sentence pairs scored grow clearly slower than the square of the sentence count: past
/// a few articles, later articles are compared with unit representatives, not with every
/// sentence that shares a word (see `slant::align::progressive`).
#[test]
fn scored_pairs_grow_clearly_slower_than_the_square_of_the_story() {
    let pool = plain_sentences(STORY);
    let ratio = |count: usize| {
        let articles = small_articles(&pool, count, 3..6);
        let story = Story::build(articles);
        let s = story.alignment.stats.sentences as f64;
        let scored = story.alignment.stats.candidate_pairs as f64;
        eprintln!("{count} articles: S = {s}, {scored} pairs scored");
        scored / (s * s)
    };
    let (at_50, at_200) = (ratio(50), ratio(200));
    assert!(
        at_200 < at_50 / 2.0,
        "pairs/S²: {at_50:.4} at 50, {at_200:.4} at 200"
    );
    assert!(at_200 < 0.1, "pairs/S² at 200 articles: {at_200:.4}");
}

/// Three articles with the same text under different ids.
fn identical_articles() -> Vec<Article> {
    let original = fixture_article("meridian-wire");
    ["copy-a", "copy-b", "copy-c"]
        .iter()
        .map(|id| Article {
            id: id.to_string(),
            outlet: id.to_string(),
            ..original.clone()
        })
        .collect()
}

#[test]
fn identical_articles_put_each_sentence_with_its_copies() {
    let story = Story::build(identical_articles());
    assert_partition(&story);
    let counts = sentence_counts(&story);
    assert!(
        counts.iter().all(|&c| c == counts[0] && c > 5),
        "{counts:?}"
    );
    for unit in &story.alignment.units {
        for m in &unit.members {
            for other in 0..3 {
                assert!(
                    unit.members
                        .iter()
                        .any(|o| o.article == other && o.sentence == m.sentence),
                    "unit {}: sentence {} of article {} without its copy in article {other}",
                    unit.id,
                    m.sentence,
                    m.article
                );
            }
            let similarity = m.similarity.expect("a shared unit has similarities");
            assert!(similarity >= 0.99, "unit {}: {similarity}", unit.id);
        }
    }
}

/// With three identical texts nothing is split or merged: no unit holds two running-text
/// sentences of one article (only the headline may stand with the sentence it restates), so
/// each unit is one sentence and its two copies, plus perhaps the headline and its copies.
#[test]
fn identical_articles_keep_neighbouring_sentences_apart() {
    let story = Story::build(identical_articles());
    for unit in &story.alignment.units {
        let body: Vec<(usize, usize)> = unit
            .members
            .iter()
            .filter(|m| story.docs[m.article].sentences[m.sentence].kind != SentenceKind::Headline)
            .map(|m| (m.article, m.sentence))
            .collect();
        let s = body.first().map_or(0, |m| m.1);
        assert_eq!(body, [(0, s), (1, s), (2, s)], "unit {}", unit.id);
    }
}

#[test]
fn identical_articles_are_near_copies_of_one_another() {
    let copies = Story::build(identical_articles()).alignment.copies;
    assert!(!copies.is_empty());
    for copy in &copies {
        assert_ne!(copy.article, copy.original);
        assert!(copy.original < 3 && copy.similarity >= 0.99, "{copy:?}");
    }
    // Someone is the original: not every article can be a copy.
    let copied: BTreeSet<usize> = copies.iter().map(|c| c.article).collect();
    assert!(copied.len() < 3, "{copies:?}");
    let again = Story::build(identical_articles()).alignment.copies;
    assert_eq!(copies, again, "the same original is chosen every time");
}

/// Writes `files` (name, contents) into a fresh temporary directory.
fn story_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn an_empty_article_is_refused_by_name_and_the_others_load() {
    let dir = story_dir(&[
        (
            "a-wire.txt",
            "Rockets hit the Green Zone in Baghdad on Sunday.",
        ),
        ("b-empty.txt", ""),
        (
            "c-paper.txt",
            "Rockets struck Baghdad's Green Zone on Sunday night.",
        ),
    ]);
    let loaded = slant::ingest::load(&[dir.path().to_path_buf()], &Default::default());
    assert_eq!(loaded.errors.len(), 1, "{:?}", loaded.errors);
    let error = &loaded.errors[0];
    assert_eq!(error.path.file_name().unwrap(), "b-empty.txt");
    assert_eq!(error.kind, slant::ingest::IngestErrorKind::Empty);
    assert!(error.to_string().contains("b-empty.txt"), "{error}");
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a-wire", "c-paper"]);
}

#[test]
fn a_one_sentence_article_aligns() {
    let articles = vec![
        Article::from_text(
            "brief",
            "Rockets hit the U.S. embassy compound in Baghdad's Green Zone on Sunday.",
        ),
        fixture_article("meridian-wire"),
        fixture_article("gulf-dispatch"),
    ];
    let story = Story::build(articles);
    assert_eq!(story.docs[0].sentences.len(), 1);
    assert_partition(&story);
    let unit = story
        .alignment
        .units
        .iter()
        .find(|u| u.has_article(0))
        .expect("the sentence is in a unit");
    assert!(
        unit.article_count() > 1,
        "the lone sentence is matched with the others' report of the attack: {unit:?}"
    );
}

/// Reads a CSV report into its header and rows.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn a_one_article_story_says_so_and_still_writes_reports() {
    let out = tempfile::tempdir().unwrap();
    Command::cargo_bin("slant")
        .unwrap()
        .arg("compare")
        .arg(format!("{STORY}/meridian-wire.txt"))
        .arg("--out")
        .arg(out.path())
        .assert()
        .success()
        .stderr(contains("only one article"));
    let (header, rows) = read_csv(&out.path().join("articles.csv"));
    assert_eq!(
        header,
        [
            "article_id",
            "outlet",
            "title",
            "date",
            "url",
            "words",
            "sentences",
            "copy_of",
            "copy_similarity",
            "language"
        ]
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "meridian-wire");
    assert!(rows[0][7].is_empty(), "nothing to be a copy of");
    // With nobody to compare with, every sentence is a unit of its own.
    let (_, alignment) = read_csv(&out.path().join("alignment.csv"));
    let units: BTreeSet<&str> = alignment.iter().map(|r| r[0].as_str()).collect();
    assert!(!alignment.is_empty());
    assert_eq!(units.len(), alignment.len());
}

#[test]
fn the_same_story_twice_gives_the_same_units() {
    let first = Story::build(fixture_articles(STORY));
    let second = Story::build(fixture_articles(STORY));
    assert_partition(&first);
    assert_eq!(first.alignment.units, second.alignment.units);
    assert_eq!(first.alignment.copies, second.alignment.copies);
    assert_eq!(first.alignment.stats, second.alignment.stats);
}
