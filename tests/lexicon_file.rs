//! The shipped lexicon (`lexicons/en/`, one file per category) kept canonical, and the rules every user lexicon
//! file is held to. `cargo test --test lexicon_file -- --nocapture` prints the counts per
//! category.

use slant::score::lexicon::{
    CATEGORIES, COLUMNS, DEFAULT_ENGLISH, Entry, Lexicon, NEUTRAL_OPTIONAL, Rules,
};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

fn default_entries() -> Vec<Entry> {
    Lexicon::default_english().entries().to_vec()
}

/// Whether `phrase` occurs in `text` as whole words, ignoring case.
fn has_word(text: &str, phrase: &str) -> bool {
    let text = text.to_lowercase();
    text.match_indices(phrase).any(|(i, _)| {
        !text[..i].ends_with(char::is_alphanumeric)
            && !text[i + phrase.len()..].starts_with(char::is_alphanumeric)
    })
}

#[test]
fn default_file_passes_the_strict_rules() {
    let problems = Lexicon::check_files(DEFAULT_ENGLISH, Rules::Strict);
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", listed.join("\n"));
}

#[test]
fn default_files_have_the_header_and_are_sorted_and_unique() {
    for (name, text) in DEFAULT_ENGLISH {
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(COLUMNS.join(",").as_str()), "{name}");
        let terms: Vec<String> = default_entries()
            .iter()
            .filter(|e| e.source == *name)
            .map(|e| e.term.to_lowercase())
            .collect();
        assert!(!terms.is_empty(), "{name}");
        for pair in terms.windows(2) {
            assert!(
                pair[0].as_bytes() < pair[1].as_bytes(),
                "{name}: not sorted or duplicated: {pair:?}"
            );
        }
    }
}

#[test]
fn each_default_file_holds_one_category_named_by_the_file() {
    for e in default_entries() {
        assert_eq!(
            e.source,
            format!("lexicons/en/{}.csv", e.category),
            "{}",
            e.term
        );
    }
}

#[test]
fn default_file_has_enough_entries_and_prints_counts_per_category() {
    let entries = default_entries();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &entries {
        *counts.entry(e.category.as_str()).or_default() += 1;
    }
    println!("{} entries", entries.len());
    for (category, n) in &counts {
        println!("  {category:<21} {n}");
    }
    assert!(entries.len() >= 400, "{} entries", entries.len());
    // Every category the scorer flags from the lexicon is covered, and not by a token entry.
    for (category, at_least) in [
        ("attribution-doubt", 5),
        ("attribution-emotive", 10),
        ("attribution-endorse", 5),
        ("attribution-neutral", 5),
        ("violence-label", 20),
        ("actor-label", 50),
        ("evaluative", 60),
        ("intensifier", 20),
        ("hedge", 10),
        ("presupposition", 10),
        ("euphemism", 20),
        ("loaded-metaphor", 5),
    ] {
        let n = counts.get(category).copied().unwrap_or(0);
        assert!(n >= at_least, "{category}: {n} entries");
    }
}

#[test]
fn every_form_belongs_to_one_entry() {
    let mut owner: HashMap<&str, &str> = HashMap::new();
    let entries = default_entries();
    for e in &entries {
        assert!(!e.forms.is_empty(), "{}: no forms", e.term);
        for form in &e.forms {
            assert_eq!(
                form,
                &form.to_lowercase(),
                "{}: `{form}` not lower case",
                e.term
            );
            assert_eq!(
                form.trim(),
                form,
                "{}: `{form}` has spaces at an end",
                e.term
            );
            if let Some(first) = owner.insert(form, &e.term) {
                panic!("form `{form}` is in `{first}` and `{}`", e.term);
            }
        }
    }
}

#[test]
fn every_entry_is_complete_with_a_known_category_and_a_sensible_weight() {
    let known: Vec<&str> = CATEGORIES.iter().map(|(c, _)| *c).collect();
    for e in default_entries() {
        let what = &e.term;
        assert!(
            known.contains(&e.category.as_str()),
            "{what}: {}",
            e.category
        );
        assert!(
            (0.0..=1.0).contains(&e.weight),
            "{what}: weight {}",
            e.weight
        );
        assert!(
            !e.neutral.is_empty() || NEUTRAL_OPTIONAL.contains(&e.category.as_str()),
            "{what}: a {} entry needs a neutral alternative",
            e.category
        );
        assert!(e.explanation.len() >= 30, "{what}: explanation too short");
        assert!(
            e.explanation.ends_with('.'),
            "{what}: the explanation is one sentence"
        );
        assert!(!e.example.is_empty(), "{what}: example");
        // Loaded categories weigh something; a neutral reporting verb weighs (almost) nothing.
        if e.category == "attribution-neutral" {
            assert!(
                e.weight <= 0.1,
                "{what}: a neutral verb weighs {}",
                e.weight
            );
        } else if !e.category.starts_with("attribution-") {
            assert!(e.weight >= 0.2, "{what}: weight {}", e.weight);
        }
    }
}

#[test]
fn every_example_uses_a_form_and_no_guard() {
    for e in default_entries() {
        assert!(
            e.forms.iter().any(|f| has_word(&e.example, f)),
            "{}: the example `{}` uses none of the forms",
            e.term,
            e.example
        );
        for guard in &e.not_when {
            assert!(
                !has_word(&e.example, guard),
                "{}: the example contains the guard `{guard}`",
                e.term
            );
        }
    }
}

#[test]
fn no_example_is_swallowed_by_a_longer_form_of_another_entry() {
    // A matcher takes the longest form at a position: an example whose form sits inside a
    // longer form of another entry would be flagged as that entry instead.
    let entries = default_entries();
    let all: Vec<(&str, &str)> = entries
        .iter()
        .flat_map(|e| e.forms.iter().map(move |f| (f.as_str(), e.term.as_str())))
        .collect();
    for e in &entries {
        let own: Vec<&String> = e.forms.iter().filter(|f| has_word(&e.example, f)).collect();
        let swallowed = own.iter().all(|form| {
            all.iter().any(|(other, term)| {
                *term != e.term
                    && other.len() > form.len()
                    && has_word(other, form)
                    && has_word(&e.example, other)
            })
        });
        assert!(!swallowed, "{}: example `{}`", e.term, e.example);
    }
}

#[test]
fn every_guard_contains_a_form() {
    for e in default_entries() {
        for guard in &e.not_when {
            assert!(
                e.forms.iter().any(|f| has_word(guard, f)),
                "{}: guard `{guard}` contains none of its forms",
                e.term
            );
        }
    }
}

/// The words the fixtures' gold flags and the issue name, with the category and neutral
/// alternative the gold gives them.
#[test]
fn key_terms_have_the_gold_categories_and_neutral_alternatives() {
    let lexicon = Lexicon::default_english();
    for (form, category, neutral) in [
        ("claimed", "attribution-doubt", "said"),
        ("alleged", "attribution-doubt", "said"),
        ("insisted", "attribution-doubt", "said"),
        ("slammed", "attribution-emotive", "criticized"),
        ("admitted", "attribution-endorse", "said"),
        ("confirmed", "attribution-endorse", "said"),
        ("assassination", "violence-label", "killing"),
        ("assassinated", "violence-label", "killed"),
        ("martyrdom", "violence-label", "killing"),
        ("massacre", "violence-label", "killing"),
        ("anti-terror commander", "actor-label", "commander"),
        ("iran-backed", "actor-label", ""),
        ("iranian-backed", "actor-label", ""),
        ("tehran-aligned", "actor-label", ""),
        ("russia-backed", "actor-label", ""),
        ("rogue", "actor-label", ""),
        ("regime", "actor-label", "government"),
        ("proxies", "actor-label", "allied armed groups"),
        ("terrorist mastermind", "actor-label", "commander"),
        ("resistance groups", "actor-label", "armed groups"),
        ("occupation forces", "actor-label", "troops"),
        ("mob", "actor-label", "crowd"),
        ("rioters", "actor-label", "protesters"),
        ("thugs", "actor-label", "protesters"),
        ("union bosses", "actor-label", "union leaders"),
        ("greedy bosses", "actor-label", "company managers"),
        ("scabs", "actor-label", "replacement workers"),
        ("militant", "actor-label", ""),
        ("hardline", "actor-label", ""),
        ("anti-iran", "evaluative", ""),
        ("irresponsible", "evaluative", ""),
        ("blatantly", "evaluative", ""),
        ("predictably", "evaluative", ""),
        ("adventurism", "evaluative", ""),
        ("reckless", "evaluative", ""),
        ("strongly", "intensifier", ""),
        ("massive", "intensifier", "large"),
        ("wildly", "intensifier", ""),
        ("reportedly", "hedge", ""),
        ("allegedly", "hedge", ""),
        ("so-called", "hedge", ""),
        ("unspecified", "hedge", ""),
        ("finally", "presupposition", ""),
        ("even", "presupposition", ""),
        ("eliminated", "euphemism", "killed"),
        ("collateral damage", "euphemism", "civilian deaths"),
        ("neutralized", "euphemism", "killed"),
        ("enhanced interrogation", "euphemism", "torture"),
        ("restore order", "euphemism", "disperse the crowd"),
        ("swarm", "loaded-metaphor", "group"),
    ] {
        let entry = lexicon
            .lookup(form)
            .next()
            .unwrap_or_else(|| panic!("no entry has the form `{form}`"));
        assert_eq!(
            (entry.category.as_str(), entry.neutral.as_str()),
            (category, neutral),
            "{form}"
        );
    }
}

#[test]
fn plain_words_for_violence_are_not_entries() {
    let lexicon = Lexicon::default_english();
    for neutral in ["killing", "killed", "attack", "strike", "death", "militia"] {
        assert!(
            lexicon.lookup(neutral).next().is_none(),
            "`{neutral}` is the neutral word, not a loaded one"
        );
    }
}

#[test]
fn guards_tell_other_senses_apart() {
    let lexicon = Lexicon::default_english();
    let guarded = |form: &str, text: &str| {
        let entry = lexicon.lookup(form).next().unwrap();
        let at = text.to_lowercase().find(form).unwrap();
        entry.guarded(text, at..at + form.len())
    };
    for (form, text) in [
        ("claimed", "The group claimed responsibility for the blast."),
        ("claimed", "The flood claimed the lives of six people."),
        ("regime", "The athletes follow a strict training regime."),
        ("regime", "The sanctions regime was tightened."),
        ("riot", "Riot police lined the street."),
        ("highly", "The highly fortified zone was hit."),
        ("even", "The vote went ahead even though it rained."),
        ("eliminate", "The machines would eliminate about 300 jobs."),
        ("proxy", "Shareholders may vote by proxy."),
        ("swarm", "A swarm of bees settled on the car."),
    ] {
        assert!(guarded(form, text), "`{form}` in `{text}`");
    }
    for (form, text) in [
        ("claimed", "The minister claimed the vote was rigged."),
        ("regime", "The regime jailed three reporters."),
        ("resistance fighters", "Resistance fighters fired rockets."),
        (
            "eliminated",
            "The commander was eliminated in a drone strike.",
        ),
    ] {
        assert!(!guarded(form, text), "`{form}` in `{text}`");
    }
}

// User files: the rules `--lexicon FILE` and `slant lexicon check` apply.

const HEADER: &str = "term,forms,category,neutral,weight,explanation,example,not_when\n";

#[test]
fn check_reports_every_problem_with_line_and_column() {
    let text = format!(
        "{HEADER}\
         gatekeeper,gatekeeper|gatekeepers,actor-label,editors,heavy,Loaded.,The gatekeepers said no.,\n\
         spin,spin|spun,atribution-other,said,0.3,Spin.,He spun it.,\n\
         censor,censor|censored,evaluative,removed,0.5,Loaded.\n\
         muzzle,muzzle|muzzled||,evaluative,silenced,0.5,Loaded.,They muzzled the press.,dog muzzle\n\
         gag,gag|gagged|spun,evaluative,silenced,0.5,Loaded.,The judge gagged the paper.,gag order|free speech\n\
         Gatekeeper,gatekeeper,actor-label,,0.5,,,\n"
    );
    let problems = Lexicon::check("mine.csv", &text, Rules::User);
    let got: Vec<(u64, usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.column, p.message.as_str()))
        .collect();
    let expect: &[(u64, usize, &str)] = &[
        (2, 5, "weight `heavy` is not a number from 0 to 1"),
        (
            3,
            3,
            "unknown category `atribution-other` (did you mean `attribution-other`?)",
        ),
        (4, 7, "6 fields where the header has 8: a column is missing"),
        (5, 2, "empty form in `muzzle|muzzled||`"),
        (6, 2, "form `spun` already belongs to `spin` (line 3)"),
        (6, 8, "guard `free speech` contains none of the forms"),
        (7, 1, "term `Gatekeeper` appears twice (first on line 2)"),
    ];
    assert_eq!(got.len(), expect.len(), "{problems:#?}");
    for ((line, column, message), (want_line, want_column, want)) in got.iter().zip(expect) {
        assert_eq!((line, column), (want_line, want_column), "{message}");
        assert!(
            message.starts_with(want),
            "`{message}` should start with `{want}`"
        );
    }
    assert_eq!(
        problems[0].to_string(),
        "mine.csv:2:5: weight `heavy` is not a number from 0 to 1"
    );
}

#[test]
fn check_names_missing_and_unknown_columns() {
    let problems = Lexicon::check(
        "mine.csv",
        "term,forms,weigth\nspin,spin,0.3\n",
        Rules::User,
    );
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(shown[0].starts_with("mine.csv:1:3: unknown column `weigth` (did you mean `weight`?)"));
    assert_eq!(shown[1], "mine.csv:1:1: no `category` column");
}

#[test]
fn examples_are_checked_under_the_strict_rules() {
    let text = format!(
        "{HEADER}gag,gag|gagged,evaluative,,0.5,Gag.,The gag order stands.,gag order\n\
         spin,spin|spun,evaluative,,0.3,Spin.,The spokesman twisted it.,\n"
    );
    assert!(Lexicon::check("mine.csv", &text, Rules::User).is_empty());
    let problems = Lexicon::check("mine.csv", &text, Rules::Strict);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!((problems[0].line, problems[0].column), (2, 7));
    assert!(problems[0].message.contains("guard `gag order`"));
    assert_eq!((problems[1].line, problems[1].column), (3, 7));
    assert_eq!(problems[1].message, "the example uses none of the forms");
}

#[test]
fn strict_rules_add_order_and_completeness() {
    let text = format!(
        "{HEADER}spin,spin|spun,euphemism,,0.3,Spin.,He spun it.,\n\
         gag,gag|gagged,evaluative,,0.5,,The judge gagged the paper.,\n"
    );
    assert!(Lexicon::check("mine.csv", &text, Rules::User).is_empty());
    let problems = Lexicon::check("mine.csv", &text, Rules::Strict);
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(problems.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("empty neutral"), "{messages:?}");
    assert!(
        messages[1].starts_with("`gag` is out of order"),
        "{messages:?}"
    );
    assert_eq!(messages[2], "empty explanation");
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    let text = "\u{feff}term,category,forms\r\nspin,evaluative,spin|spun\r\n";
    let lexicon = Lexicon::from_csv("excel.csv", text).unwrap();
    assert_eq!(lexicon.lookup("spun").next().unwrap().term, "spin");
}

fn temp_file(dir: &tempfile::TempDir, name: &str, contents: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn load_adds_and_overrides_and_can_drop_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let mine = temp_file(
        &dir,
        "mine.csv",
        format!(
            "{HEADER}claim,claim|claimed,attribution-neutral,said,0,Plain here.,He claimed it.,\n\
             gatekeeper,gatekeeper|gatekeepers,actor-label,editors,0.6,Loaded.,The gatekeepers said no.,\n"
        )
        .as_bytes(),
    );
    let default_len = Lexicon::default_english().len();

    let merged = Lexicon::load(std::slice::from_ref(&mine), false).unwrap();
    assert_eq!(merged.len(), default_len + 1, "one replaced, one added");
    let claim = merged.find("claimed");
    assert_eq!(claim.len(), 1);
    assert_eq!(claim[0].category, "attribution-neutral");
    assert_eq!(claim[0].source, mine.display().to_string());
    assert!(
        merged.lookup("regime").next().is_some(),
        "the default stays"
    );

    let alone = Lexicon::load(std::slice::from_ref(&mine), true).unwrap();
    assert_eq!(alone.len(), 2);
    assert!(alone.lookup("regime").next().is_none());
    assert!(Lexicon::load(&[], true).unwrap().is_empty());

    // A later file overrides an earlier one.
    let later = temp_file(
        &dir,
        "later.csv",
        b"term,category,neutral\ngatekeeper,evaluative,editors\n",
    );
    let both = Lexicon::load(&[mine, later], true).unwrap();
    assert_eq!(both.find("gatekeeper")[0].category, "evaluative");
}

#[test]
fn load_errors_name_the_file_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.csv");
    let e = Lexicon::load(std::slice::from_ref(&missing), false).unwrap_err();
    assert_eq!(e.file, missing.display().to_string());
    assert!(
        e.to_string()
            .starts_with(&format!("{}: cannot read", missing.display())),
        "{e}"
    );

    let latin1 = temp_file(
        &dir,
        "latin1.csv",
        b"term,category,neutral\ncaf\xe9,evaluative,x\n",
    );
    let e = Lexicon::load(&[latin1], false).unwrap_err();
    assert_eq!((e.line, e.column), (2, 1), "{e}");
    assert!(e.message.contains("invalid UTF-8"), "{e}");

    let bad = temp_file(
        &dir,
        "bad.csv",
        b"term,category,weight\nspin,evaluative,2\n",
    );
    let e = Lexicon::load(std::slice::from_ref(&bad), false).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:2:3: weight `2` is not a number from 0 to 1",
            bad.display()
        )
    );
}

#[test]
fn find_and_similar_serve_explain() {
    let lexicon = Lexicon::default_english();
    assert_eq!(lexicon.find("Claimed")[0].term, "claim");
    assert_eq!(lexicon.find("claim")[0].term, "claim");
    assert_eq!(
        lexicon.find("  collateral   damage ")[0].term,
        "collateral damage"
    );
    assert!(lexicon.find("clamied").is_empty());
    let similar = lexicon.similar("clamied", 3);
    assert!(similar.contains(&"claimed".to_string()), "{similar:?}");
}

/// The scorer, not only the file rules, flags every entry's example with that entry: a test
/// of the matcher, the guards and the rules that keep quotes and names out, one entry at a time.
#[test]
fn every_example_is_flagged_with_its_entry() {
    use slant::extract::quotes::extract;
    use slant::score::flags::flag_article;
    use slant::score::matcher::is_flagged_category;
    use slant::{Article, normalize};
    let lexicon = Lexicon::default_english();
    let mut missed = Vec::new();
    for e in lexicon.entries() {
        if !is_flagged_category(&e.category) {
            continue; // reporting verbs that are attributions, not flags
        }
        let article = Article::from_text("example", &e.example);
        let doc = normalize(&article);
        let (quotes, _) = extract(0, &article, &doc, &lexicon);
        let flags = flag_article(0, &article, &doc, &quotes, &lexicon);
        if !flags.iter().any(|f| f.term == e.term) {
            let got: Vec<&str> = flags.iter().map(|f| f.term.as_str()).collect();
            missed.push(format!("{}: `{}` flagged {got:?}", e.term, e.example));
        }
    }
    assert!(
        missed.is_empty(),
        "{} examples not flagged:\n{}",
        missed.len(),
        missed.join("\n")
    );
}
