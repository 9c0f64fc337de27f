//! The story-level scorers on the Baghdad fixture: peer baselines, peer flags, the corpus
//! baseline, attribution asymmetry, summary rows and their CSV reports.
//!
//! Flags are made by hand from a small test lexicon (the default one plus the violence labels
//! these tests need), so the tests do not depend on the lexicon flagger or on the default
//! lexicon's content.

use slant::score::corpus::{self, Background, Distinctive};
use slant::score::lexicon::Lexicon;
use slant::score::{Evidence, Flag, asymmetry, peer, summary};
use slant::{Article, Span, Story};
use std::collections::BTreeMap;
use std::sync::LazyLock;

const SEED: &str = "presstv-2020-12-24-trump-accuses-iran";

const TEST_ENTRIES: &str = "term,forms,category,neutral,weight,explanation,example,not_when
assassination,assassination|assassinations|assassinated,violence-label,killing,0.8,Calls the killing a crime.,x,
eliminate,eliminate|eliminated|eliminating,euphemism,killed,0.7,Hides that someone was killed.,x,
martyrdom,martyrdom,violence-label,killing,0.8,Honours the dead as martyrs.,x,
";

fn lexicon() -> Lexicon {
    Lexicon::default_english().merged(Lexicon::from_csv("test.csv", TEST_ENTRIES).unwrap())
}

static BAGHDAD: LazyLock<Story> = LazyLock::new(|| {
    let loaded = slant::ingest::load(
        &["fixtures/baghdad-rockets-2020".into()],
        &Default::default(),
    );
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    Story::build_with(loaded.articles, &lexicon())
});

fn article(story: &Story, id: &str) -> usize {
    story
        .articles
        .iter()
        .position(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

/// A lexicon flag on `word` inside the first occurrence of `context` in article `id`.
fn flag_at(story: &Story, lexicon: &Lexicon, id: &str, context: &str, word: &str) -> Flag {
    let a = article(story, id);
    let body = &story.articles[a].body;
    let at = body
        .find(context)
        .unwrap_or_else(|| panic!("{id}: no {context:?}"));
    let start = at + context.find(word).expect("word in context");
    let span = Span::new(start, start + word.len());
    let entry = lexicon.lookup(word).next().expect("word in the lexicon");
    let sentence = story.docs[a]
        .sentences
        .iter()
        .position(|s| s.span.contains(span))
        .expect("in a sentence");
    Flag {
        article: a,
        sentence,
        span,
        term: entry.term.clone(),
        category: entry.category.clone(),
        neutral: entry.neutral.clone(),
        weight: entry.weight,
        evidence: Evidence::Lexicon,
        in_quote: story
            .quotes
            .iter()
            .any(|q| q.article == a && q.span.overlaps(span)),
        baseline: String::new(),
        explanation: entry.explanation.clone(),
    }
}

/// `said (4), told (1)` → {said: 4, told: 1}.
fn parse_baseline(baseline: &str) -> BTreeMap<String, usize> {
    baseline
        .split(", ")
        .filter(|s| !s.is_empty())
        .map(|part| {
            let (word, n) = part.rsplit_once(" (").expect("word (n)");
            (word.to_string(), n.trim_end_matches(')').parse().unwrap())
        })
        .collect()
}

#[test]
fn seed_claimed_for_trump_gets_what_the_peers_wrote() {
    let (story, lexicon) = (&*BAGHDAD, lexicon());
    let mut flags = vec![flag_at(
        story,
        &lexicon,
        SEED,
        "Trump claimed in a tweet",
        "claimed",
    )];
    let before = flags[0].weight;
    peer::fill_baselines(&mut flags, story, &lexicon);
    let baseline = parse_baseline(&flags[0].baseline);
    // The peers report the tweet with neutral verbs; the most common one leads.
    let neutral = ["said", "wrote", "tweeted", "told"];
    let (top, _) = baseline.iter().max_by_key(|(_, n)| **n).unwrap();
    assert!(neutral.contains(&top.as_str()), "{}", flags[0].baseline);
    assert!(
        baseline.get("wrote").copied().unwrap_or(0) >= 3,
        "{}",
        flags[0].baseline
    );
    // Words are one of the verbs the peers use for Trump's tweet.
    for word in baseline.keys() {
        assert!(
            neutral.contains(&word.as_str()) || word == "claimed",
            "{}",
            flags[0].baseline
        );
    }
    // Resistance Axis republishes Press TV: a copy is not a peer, so at most the Tehran Tribune
    // also wrote "claimed"; that peer lowers the weight a little, not by half.
    assert!(baseline.get("claimed").copied().unwrap_or(0) <= 1);
    assert!(flags[0].weight < before && flags[0].weight > before * 0.5);
}

#[test]
fn seed_claimed_for_pompeo_names_the_peers_verbs_for_pompeo() {
    let (story, lexicon) = (&*BAGHDAD, lexicon());
    let mut flags = vec![flag_at(
        story,
        &lexicon,
        SEED,
        "Pompeo also claimed",
        "claimed",
    )];
    peer::fill_baselines(&mut flags, story, &lexicon);
    let baseline = parse_baseline(&flags[0].baseline);
    assert!(baseline.contains_key("said"), "{}", flags[0].baseline);
    assert!(
        !baseline.contains_key("wrote"),
        "Trump's verbs leaked: {}",
        flags[0].baseline
    );
}

#[test]
fn assassination_gets_the_peers_words_for_the_killing() {
    let (story, lexicon) = (&*BAGHDAD, lexicon());
    let mut flags = vec![flag_at(
        story,
        &lexicon,
        SEED,
        "the US assassination of",
        "assassination",
    )];
    peer::fill_baselines(&mut flags, story, &lexicon);
    let baseline = parse_baseline(&flags[0].baseline);
    let kill_words = baseline
        .iter()
        .filter(|(w, _)| w.starts_with("kill"))
        .map(|(_, n)| n)
        .sum::<usize>();
    assert!(kill_words >= 2, "{}", flags[0].baseline);
    // No peer wrote "assassination": the weight stays.
    assert_eq!(flags[0].weight, 0.8);
}

#[test]
fn a_word_every_peer_used_weighs_less() {
    // Three versions that all say "claimed": the word is the story's, not one outlet's.
    let texts = [
        (
            "a",
            "Rockets hit the embassy\n\nThe minister claimed that the rockets came from the north of the city on Sunday. Officials counted three rockets near the gate. Two guards were treated for shock at a clinic.",
        ),
        (
            "b",
            "Embassy struck by rockets\n\nThe minister claimed that the rockets came from the north of the city on Sunday evening. Nobody was hurt in the attack, police said. The ambassador cut short a visit abroad.",
        ),
        (
            "c",
            "Attack on the embassy\n\nOn Sunday the minister claimed that the rockets came from the north of the city. Schools stayed open on Monday across the capital. Traffic was diverted around the compound.",
        ),
    ];
    let articles: Vec<Article> = texts
        .iter()
        .map(|(id, t)| Article::from_text(id, t))
        .collect();
    let lexicon = lexicon();
    let story = Story::build_with(articles, &lexicon);
    let mut flags = vec![flag_at(
        &story,
        &lexicon,
        "a",
        "minister claimed",
        "claimed",
    )];
    let before = flags[0].weight;
    peer::fill_baselines(&mut flags, &story, &lexicon);
    assert_eq!(flags[0].baseline, "claimed (2)");
    let discounted = before * (1.0 - peer::SHARED_WORD_DISCOUNT);
    assert!(
        (flags[0].weight - discounted).abs() < 1e-6,
        "{}",
        flags[0].weight
    );
}

#[test]
fn substitutions_of_loaded_words_by_their_neutral_are_peer_flags_once() {
    let (story, lexicon) = (&*BAGHDAD, lexicon());
    let ledger = article(story, "liberty-ledger");
    let found = peer::peer_flags(story, &lexicon, &[]);
    let eliminated = found
        .iter()
        .find(|f| {
            f.article == ledger && &story.articles[ledger].body[f.span.range()] == "eliminated"
        })
        .expect("eliminated -> killed is a peer flag");
    assert_eq!(eliminated.evidence, Evidence::Peer);
    assert_eq!(eliminated.category, "euphemism");
    assert_eq!(eliminated.neutral, "killed");
    assert!(
        eliminated.explanation.contains("killed"),
        "{}",
        eliminated.explanation
    );
    // One flag per span, and none where the lexicon flagger already flagged the words.
    let mut spans: Vec<(usize, Span)> = found.iter().map(|f| (f.article, f.span)).collect();
    spans.dedup();
    assert_eq!(spans.len(), found.len());
    let existing = [flag_at(
        story,
        &lexicon,
        "liberty-ledger",
        "was eliminated in",
        "eliminated",
    )];
    let again = peer::peer_flags(story, &lexicon, &existing);
    assert!(
        !again
            .iter()
            .any(|f| f.article == ledger && f.span.overlaps(existing[0].span))
    );
}

#[test]
fn an_unknown_word_two_peers_replace_by_a_neutral_is_a_peer_flag() {
    let texts = [
        (
            "a",
            "Clashes in the valley\n\nSoldiers culled twelve villagers near the river on Sunday, local officials said. Aid groups asked both sides for calm. The road to the valley was closed for hours.",
        ),
        (
            "b",
            "Twelve dead in valley\n\nSoldiers killed twelve villagers near the river on Sunday, local officials said. The army has not commented on the report. A curfew was declared in two nearby towns.",
        ),
        (
            "c",
            "Villagers die in raid\n\nSoldiers killed twelve villagers near the river on Sunday, local officials told reporters. Markets in the region stayed closed. Families buried the dead on Monday morning.",
        ),
    ];
    let articles: Vec<Article> = texts
        .iter()
        .map(|(id, t)| Article::from_text(id, t))
        .collect();
    let lexicon = lexicon();
    let story = Story::build_with(articles, &lexicon);
    assert!(
        story.alignment.copies.is_empty(),
        "{:?}",
        story.alignment.copies
    );
    let found = peer::peer_flags(&story, &lexicon, &[]);
    let words: Vec<&str> = found
        .iter()
        .map(|f| &story.articles[f.article].body[f.span.range()])
        .collect();
    assert_eq!(words, ["culled"], "{found:#?}");
    let flag = &found[0];
    assert_eq!(
        (flag.category.as_str(), flag.neutral.as_str()),
        ("violence-label", "killed"),
        "the neutral is the word the peers wrote"
    );
    // The weight: the factor times the weightiest entry that suggests the peers' word.
    let heaviest = lexicon
        .entries()
        .iter()
        .filter(|e| e.category == "violence-label" && e.neutral == "killed")
        .map(|e| e.weight)
        .fold(0.0_f32, f32::max);
    assert_eq!(flag.weight, heaviest * peer::PEER_ONLY_WEIGHT_FACTOR);
    // One peer is not enough.
    let story = Story::build_with(
        texts[..2]
            .iter()
            .map(|(id, t)| Article::from_text(id, t))
            .collect(),
        &lexicon,
    );
    assert!(peer::peer_flags(&story, &lexicon, &[]).is_empty());
}

#[test]
fn an_unknown_word_where_peers_wrote_a_neutral_word_in_another_shape_is_a_peer_flag() {
    // The same statement in other shapes: no word diff pairs "culled" with "killed", but the
    // peers' neutral word stands in the same slot ("soldiers culled/killed twelve").
    let texts = [
        (
            "a",
            "Clashes in the valley\n\nOn Sunday soldiers culled twelve villagers near the river, local officials said. Aid groups asked both sides for calm.",
        ),
        (
            "b",
            "Twelve dead in valley\n\nLocal officials said that soldiers killed twelve villagers by the river during a Sunday raid. The army has not commented.",
        ),
        (
            "c",
            "Villagers die in raid\n\nNear the river on Sunday, soldiers killed twelve villagers who had gathered at the ford, according to local officials. Markets stayed closed.",
        ),
        (
            "d",
            "Raid in the valley\n\nTwelve villagers near the river were among those killed on Sunday when troops opened fire, officials in the region said. Families buried the dead.",
        ),
    ];
    let articles: Vec<Article> = texts
        .iter()
        .map(|(id, t)| Article::from_text(id, t))
        .collect();
    let lexicon = lexicon();
    let story = Story::build_with(articles, &lexicon);
    let a = article(&story, "a");
    let culled = story.articles[a].body.find("culled").unwrap();
    let unit_of = |id: &str, word: &str| {
        let i = article(&story, id);
        let at = story.articles[i].body.find(word).unwrap();
        let sentence = story.docs[i]
            .sentences
            .iter()
            .position(|s| s.span.start <= at && at < s.span.end)
            .unwrap();
        story
            .alignment
            .units
            .iter()
            .find(|u| {
                u.members
                    .iter()
                    .any(|m| m.article == i && m.sentence == sentence)
            })
            .map(|u| u.id)
    };
    assert_eq!(unit_of("a", "culled"), unit_of("b", "killed"), "one unit");
    assert_eq!(unit_of("a", "culled"), unit_of("c", "killed"), "one unit");
    let found = peer::peer_flags(&story, &lexicon, &[]);
    let flag = found
        .iter()
        .find(|f| f.article == a && f.span.start == culled)
        .unwrap_or_else(|| panic!("no peer flag on culled: {found:#?}"));
    assert_eq!(
        (flag.category.as_str(), flag.neutral.as_str()),
        ("violence-label", "killed")
    );
    // Nothing else in the story is a peer flag: every other word is shared or known.
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn substitutions_get_the_category_of_their_loaded_side() {
    let (story, lexicon) = (&*BAGHDAD, lexicon());
    let categories = peer::substitution_categories(story, &lexicon);
    assert_eq!(categories.len(), story.diffs.substitutions.len());
    let category = |a: &str, b: &str| {
        story
            .diffs
            .substitutions
            .iter()
            .zip(&categories)
            .find(|(s, _)| (s.a_text == a && s.b_text == b) || (s.a_text == b && s.b_text == a))
            .map(|(_, c)| c.as_str())
    };
    assert_eq!(
        category("wrote", "claimed in a tweet"),
        Some("attribution-doubt")
    );
    assert_eq!(category("eliminated", "killed"), Some("euphemism"));
    assert_eq!(category("launched", "fired"), Some(""));
}

#[test]
fn distinctive_terms_are_sorted_and_find_each_outlets_labels() {
    let story = &*BAGHDAD;
    let all = corpus::distinctive(story, None, usize::MAX);
    for pair in all.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            a.article < b.article
                || (a.article == b.article && (a.z > b.z || (a.z == b.z && a.term < b.term))),
            "{a:?} {b:?}"
        );
    }
    assert!(all.iter().all(|d| d.z > 0.0 && d.count > 0));
    let of = |id: &str| -> Vec<&Distinctive> {
        let a = article(story, id);
        all.iter().filter(|d| d.article == a).collect()
    };
    // Only the Tehran Tribune writes "martyrdom" (outside quotes), once.
    let martyrdom: Vec<&Distinctive> = of("tehran-tribune")
        .into_iter()
        .filter(|d| d.term == "martyrdom")
        .collect();
    assert_eq!(martyrdom.len(), 1);
    assert_eq!(martyrdom[0].count, 1);
    assert!(all.iter().filter(|d| d.term == "martyrdom").count() == 1);
    // The Liberty Ledger's label for Iran tops its list; the Tehran Tribune's doubt verb is
    // among its top three.
    assert_eq!(of("liberty-ledger")[0].term, "regime");
    assert!(
        of("tehran-tribune")[..3]
            .iter()
            .any(|d| d.term == "alleged")
    );
    // `top` truncates per article.
    let top = corpus::distinctive(story, None, 3);
    for a in 0..story.articles.len() {
        assert!(top.iter().filter(|d| d.article == a).count() <= 3);
    }
}

#[test]
fn a_background_table_replaces_the_pooled_prior() {
    let story = &*BAGHDAD;
    // A background with the story's own proportions gives (nearly, for the smoothing) the
    // pooled prior's z-scores; one with other proportions gives other z-scores.
    let mut pooled: BTreeMap<String, usize> = BTreeMap::new();
    for counts in corpus::term_counts(story) {
        for (_, words) in counts.stems.values() {
            for (word, n) in words {
                *pooled.entry(word.clone()).or_default() += n;
            }
        }
    }
    let table = |scale: &dyn Fn(&str) -> usize| {
        let mut csv = String::from("word,count\n");
        for (word, n) in &pooled {
            csv.push_str(&format!("{word},{}\n", n * scale(word)));
        }
        Background::from_csv("bg.csv", &csv).unwrap()
    };
    let same = table(&|_| 1000);
    let other = table(&|w| if w == "regime" { 100_000 } else { 1000 });
    let z = |bg: Option<&Background>| -> BTreeMap<(usize, String), f32> {
        corpus::distinctive(story, bg, usize::MAX)
            .into_iter()
            .map(|d| ((d.article, d.term), d.z))
            .collect()
    };
    let (base, with_same, with_other) = (z(None), z(Some(&same)), z(Some(&other)));
    assert_eq!(base.len(), with_same.len());
    for (key, z) in &base {
        assert!(
            (with_same[key] - z).abs() < 0.01,
            "{key:?}: {z} vs {}",
            with_same[key]
        );
    }
    let ledger = article(story, "liberty-ledger");
    let key = (ledger, "regime".to_string());
    assert!((with_other[&key] - base[&key]).abs() > 0.1);
}

#[test]
fn corpus_flags_go_on_distinctive_lexicon_terms_outside_quotes_once() {
    let (story, lexicon) = (&*BAGHDAD, lexicon());
    let tribune = article(story, "tehran-tribune");
    let strong = [Distinctive {
        article: tribune,
        term: "martyrdom".into(),
        count: 1,
        z: 3.0,
    }];
    let flags = corpus::corpus_flags(story, &strong, &lexicon, &[]);
    assert_eq!(flags.len(), 1);
    let f = &flags[0];
    assert_eq!(&story.articles[tribune].body[f.span.range()], "martyrdom");
    assert_eq!(
        (f.evidence, f.category.as_str()),
        (Evidence::Corpus, "violence-label")
    );
    assert!(!f.in_quote && f.explanation.contains("z = 3.0"));
    // Below the threshold, or already flagged: nothing.
    let weak = [Distinctive {
        z: 1.0,
        ..strong[0].clone()
    }];
    assert!(corpus::corpus_flags(story, &weak, &lexicon, &[]).is_empty());
    assert!(corpus::corpus_flags(story, &strong, &lexicon, &flags).is_empty());
    // A term outside the lexicon is distinctive but not a flag.
    let name = [Distinctive {
        term: "javad".into(),
        ..strong[0].clone()
    }];
    assert!(corpus::corpus_flags(story, &name, &lexicon, &[]).is_empty());
}

#[test]
fn seed_grades_its_speakers_unevenly_and_the_wire_does_not() {
    let story = &*BAGHDAD;
    let all = asymmetry::asymmetry(story);
    let seed = &all[article(story, SEED)];
    let wire = &all[article(story, "meridian-wire")];
    assert!(seed.asymmetry > 0.0, "{seed:#?}");
    assert_eq!(seed.most_doubted.as_deref(), Some("Donald Trump"));
    assert_eq!(seed.least_doubted.as_deref(), Some("Saeed Khatibzadeh"));
    // Trump: accuses (headline), accused, claimed → 1 of 3 doubted; Khatibzadeh never.
    assert!(
        (seed.asymmetry - 1.0 / 3.0).abs() < 1e-6,
        "{}",
        seed.asymmetry
    );
    // Pompeo is "claimed" once only: too few attributions to compare.
    let pompeo = seed
        .speakers
        .iter()
        .find(|s| s.speaker == "Mike Pompeo")
        .unwrap();
    assert_eq!((pompeo.attributions(), pompeo.doubt), (1, 1));
    assert_eq!(wire.asymmetry, 0.0);
    assert!(
        wire.compared(),
        "the wire has speakers to compare: {wire:#?}"
    );

    let verbs = asymmetry::verbs_by_speaker(story);
    let trump = &verbs["Donald Trump"];
    let used = |id: &str| -> Vec<&str> {
        trump[&article(story, id)]
            .iter()
            .map(|(v, _)| v.as_str())
            .collect()
    };
    assert!(used(SEED).contains(&"claimed"));
    assert!(used("meridian-wire").contains(&"wrote"));
    assert!(!used("meridian-wire").contains(&"claimed"));
}

#[test]
fn summary_rows_add_up() {
    let (story, lexicon) = (&*BAGHDAD, lexicon());
    let flags = [
        flag_at(story, &lexicon, SEED, "Trump claimed in a tweet", "claimed"),
        flag_at(story, &lexicon, SEED, "Pompeo also claimed", "claimed"),
        flag_at(
            story,
            &lexicon,
            SEED,
            "the US assassination of",
            "assassination",
        ),
    ];
    let mut quoted = flag_at(story, &lexicon, SEED, "Trump claimed in a tweet", "claimed");
    quoted.in_quote = true; // a speaker's word: reported, not counted
    let all: Vec<Flag> = flags.iter().cloned().chain([quoted]).collect();
    let rows = summary::summary(story, &all);
    assert_eq!(rows.len(), story.articles.len());
    let s = article(story, SEED);
    let row = &rows[s];
    assert_eq!(row.article_id, SEED);
    assert_eq!(row.words, story.docs[s].word_count());
    assert!(row.own_words < row.words, "the seed quotes Trump's tweet");
    assert_eq!(row.flags, Some(3));
    let weight: f32 = flags.iter().map(|f| f.weight).sum();
    let per_1k = row.loaded_per_1k.unwrap();
    assert!((per_1k - weight * 1000.0 / row.own_words as f32).abs() < 1e-3);
    let attributions = story.attributions.iter().filter(|a| a.article == s);
    assert_eq!(row.doubt_verbs, Some(2));
    assert!(row.neutral_verbs.unwrap() + 2 <= attributions.count());
    assert!((row.attribution_asymmetry.unwrap() - 1.0 / 3.0).abs() < 1e-6);
    assert_eq!(
        row.quotes,
        story.quotes.iter().filter(|q| q.article == s).count()
    );
    let omissions = slant::align::omissions(&story.alignment, story.articles.len());
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r.units_omitted, omissions[i].len());
        assert!(r.quotes_altered <= r.quotes);
        if i != s {
            assert_eq!((r.flags, r.loaded_per_1k), (Some(0), Some(0.0)));
        }
    }
    let copy_of = |id: &str| rows[article(story, id)].copy_of.clone();
    assert_eq!(copy_of("lakeview-4-news").as_deref(), Some("meridian-wire"));
    assert_eq!(copy_of("resistance-axis-news").as_deref(), Some(SEED));
    assert_eq!(copy_of("meridian-wire"), None);
    // Units of one: every sentence nobody else has, counted once; photo captions align with
    // nothing and are not news only one outlet has.
    let singles = story
        .alignment
        .units
        .iter()
        .filter(|u| u.members.len() == 1)
        .filter(|u| {
            let m = &u.members[0];
            story.docs[m.article].sentences[m.sentence].kind
                != slant::normalize::SentenceKind::Caption
        })
        .count();
    let unique: usize = rows.iter().map(|r| r.units_unique).sum();
    assert!(unique >= singles);
}

fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::Reader::from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn score_reports_follow_the_contract() {
    let (story, lexicon) = (&*BAGHDAD, lexicon());
    let mut flags = vec![
        flag_at(
            story,
            &lexicon,
            SEED,
            "the US assassination of",
            "assassination",
        ),
        flag_at(story, &lexicon, SEED, "Trump claimed in a tweet", "claimed"),
        flag_at(story, &lexicon, "meridian-wire", "Trump wrote", "wrote"),
    ];
    peer::fill_baselines(&mut flags, story, &lexicon);

    let mut out = Vec::new();
    slant::report::score_csv::flags(story, &flags, &mut out).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(text.starts_with(
        "article_id,outlet,sentence_index,start,end,text,category,neutral,weight,evidence,in_quote,baseline,explanation\r\n"
    ));
    let rows = read_csv(&out);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        ["meridian-wire", SEED, SEED],
        "by article (input order), then start"
    );
    assert_eq!(rows[1][5], "claimed");
    assert_eq!(rows[2][5], "assassination");
    assert!(rows[1][3].parse::<usize>().unwrap() < rows[2][3].parse::<usize>().unwrap());
    assert_eq!(
        (rows[1][9].as_str(), rows[1][10].as_str()),
        ("lexicon", "false")
    );
    assert!(rows[1][8].parse::<f32>().is_ok());
    assert!(!rows[1][11].is_empty());

    let mut out = Vec::new();
    let distinctive = corpus::distinctive(story, None, 5);
    slant::report::score_csv::distinctive(story, &distinctive, &mut out).unwrap();
    let rows = read_csv(&out);
    assert_eq!(rows.len(), distinctive.len());
    assert!(
        rows.iter()
            .all(|r| r[4].parse::<f32>().is_ok() && r[3].parse::<usize>().is_ok())
    );

    let mut out = Vec::new();
    slant::report::score_csv::summary(&summary::summary(story, &flags), &mut out).unwrap();
    let rows = read_csv(&out);
    assert_eq!(rows.len(), story.articles.len());
    assert!(rows.iter().all(|r| r.len() == 14));
    let seed = rows.iter().find(|r| r[0] == SEED).unwrap();
    assert_eq!(seed[7], "0.3333");
}
