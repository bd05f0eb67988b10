//! The drafter as a value: its stages called one by one, its parameters
//! and tables injected, and a story of a single article.

mod common;

use annals_draft::{Drafter, Options, Params, Tables};
use annals_tagger::Tagger;
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// One article with four dated happenings, as a first try often is.
fn one_article() -> Vec<annals_core::Source> {
    vec![common::article(
        "harbour",
        "Portville harbour reopens",
        day(2021, 6, 12),
        "The Portville harbour reopened to ferries on Friday after a year of repairs.\n\n\
         A storm wrecked the harbour wall on March 3, 2020, and the council closed the port two days later.\n\n\
         Engineers from Keller Marine began rebuilding the wall in September 2020.\n\n\
         The first ferry, the Gull, docked at the new quay on May 28, 2021.",
    )]
}

#[test]
fn a_single_article_drafts_its_happenings() {
    let tagger = Tagger::new();
    let t = Drafter::embedded(&tagger).draft(one_article(), &Options::default());
    let dates: Vec<String> = t.events.iter().map(|e| e.when().label()).collect();
    for expected in ["2020-03-03", "2020-09", "2021-05-28", "2021-06-11"] {
        assert!(
            dates.contains(&expected.to_string()),
            "{expected} not in {dates:?}"
        );
    }
}

#[test]
fn the_stages_run_one_by_one_and_give_what_draft_gives() {
    let tagger = Tagger::new();
    let drafter = Drafter::embedded(&tagger);
    let sources = one_article();
    let options = Options::default();
    let mut articles = drafter.read(&sources, &options);
    assert_eq!(articles.len(), 1);
    let (all, kept) = articles.mention_counts();
    assert!(all >= kept && kept >= 4, "{all} {kept}");
    let mentions = drafter.mentions(&mut articles);
    assert_eq!(mentions.len(), kept);
    let clusters = drafter.clusters(&articles, &mentions);
    assert!(!clusters.is_empty() && clusters.len() <= mentions.len());
    let selected = drafter.select(clusters, &mentions, &articles, &options);
    assert_eq!(selected.left_out(), 0);
    let events = drafter.events(&selected, &mentions, &articles, &sources);
    assert_eq!(events.len(), selected.len());
    let whole = drafter.draft(sources, &options);
    let titles = |e: &[annals_core::Event]| -> Vec<String> {
        e.iter()
            .map(|e| format!("{} {}", e.when().label(), e.title))
            .collect()
    };
    assert_eq!(titles(&events), titles(&whole.events));
}

#[test]
fn parameters_are_injected_without_recompiling() {
    let tagger = Tagger::new();
    let strict = Params::embedded().with(&[("threshold", 5.0)]).unwrap();
    let drafter = Drafter::new(&tagger, Tables::embedded(), strict);
    assert_eq!(drafter.params().threshold, 5.0);
    assert!(
        drafter
            .draft(one_article(), &Options::default())
            .events
            .is_empty()
    );
}

#[test]
fn tables_are_injected_and_broken_ones_are_errors() {
    // Without "september" among the stop words, the month name becomes a
    // term: the drafter reads the lists it is given, not a global.
    let words = include_str!("../src/rules/words.txt");
    let tables = Tables::parse(words).unwrap();
    let tagger = Tagger::new();
    let drafter = Drafter::new(&tagger, tables, Params::embedded());
    assert!(
        !drafter
            .draft(one_article(), &Options::default())
            .events
            .is_empty()
    );
    let broken = words.replacen("[stopwords]", "[stop-words]", 1);
    let e = Tables::parse(&broken).unwrap_err();
    assert_eq!(e.table, "words.txt");
    assert!(
        e.line > 0 && e.to_string().contains("unknown list [stop-words]"),
        "{e}"
    );
    let no_abbreviations = {
        let start = words.find("[abbreviations]").unwrap();
        let end = start + words[start..].find("\n\n").unwrap();
        format!("{}{}", &words[..start], &words[end..])
    };
    let e = Tables::parse(&no_abbreviations).unwrap_err();
    assert!(
        e.to_string()
            .contains("[abbreviations] is empty or missing"),
        "{e}"
    );
}

#[test]
fn word_lists_change_what_is_read() {
    // "Mr." ends no sentence because "mr" is an abbreviation; without it
    // the sentence splits and the date's title loses its subject.
    let words = include_str!("../src/rules/words.txt");
    let tagger = Tagger::new();
    let sources = || {
        vec![common::article(
            "a",
            "t",
            day(2021, 6, 12),
            "Mr. Keller opened the Portville quay on May 28, 2021.",
        )]
    };
    let with = Drafter::embedded(&tagger).draft(sources(), &Options::default());
    let without_mr = words.replacen("mr mrs ms", "mrs ms", 1);
    let drafter = Drafter::new(
        &tagger,
        Tables::parse(&without_mr).unwrap(),
        Params::embedded(),
    );
    let without = drafter.draft(sources(), &Options::default());
    let quote = |t: &annals_core::Timeline| {
        let p = &t.events[0].passages()[0];
        t.sources[p.source()].body()[p.quote()].to_string()
    };
    assert_eq!(
        quote(&with),
        "Mr. Keller opened the Portville quay on May 28, 2021."
    );
    assert_eq!(
        quote(&without),
        "Keller opened the Portville quay on May 28, 2021."
    );
}

#[test]
fn every_event_has_a_salience_and_the_budget_keeps_the_most_salient() {
    let tagger = Tagger::new();
    let drafter = Drafter::embedded(&tagger);
    // The storm is told by both articles; the rest by one each.
    let mut sources = one_article();
    sources.push(common::article(
        "daily",
        "Storm wrecks Portville harbour",
        day(2020, 3, 4),
        "A storm wrecked the Portville harbour wall on March 3, 2020, the council said.\n\n\
         The Portville council met on February 2, 2020 to discuss the harbour budget.",
    ));
    let all = drafter.run(sources.clone(), &Options::default(), &|_, _| {});
    assert_eq!(
        all.left_out, 0,
        "a story of two articles keeps every happening"
    );
    let salience = |e: &annals_core::Event| e.drafted().and_then(|d| d.salience).unwrap().get();
    let top = all
        .timeline
        .events
        .iter()
        .max_by(|a, b| salience(a).total_cmp(&salience(b)))
        .unwrap();
    assert_eq!(
        top.when().label(),
        "2020-03-03",
        "the happening two articles tell"
    );
    assert_eq!(top.sources().len(), 2);
    let n = all.timeline.events.len();
    assert!(n >= 4, "{n}");
    let two = Options {
        events: Some(2),
        ..Options::default()
    };
    let short = drafter.run(sources.clone(), &two, &|_, _| {});
    assert_eq!((short.timeline.events.len(), short.left_out), (2, n - 2));
    assert!(
        short
            .timeline
            .events
            .iter()
            .any(|e| e.when().label() == "2020-03-03")
    );
    let summary = short.timeline.summary.clone().unwrap_or_default();
    assert!(
        summary.contains(&format!("the 2 most salient of {n} happenings")),
        "{summary}"
    );
    let every = Options {
        events: Some(0),
        ..Options::default()
    };
    assert_eq!(drafter.run(sources, &every, &|_, _| {}).left_out, 0);
    assert_eq!(drafter.budget(1), 20);
    assert_eq!(drafter.budget(30), 75);
    assert_eq!(drafter.budget(400), 150);
}

#[test]
fn salience_is_written_and_read_back() {
    let tagger = Tagger::new();
    let t = Drafter::embedded(&tagger).draft(one_article(), &Options::default());
    let dir = tempfile::tempdir().unwrap();
    let loaded = common::write_and_load(dir.path(), &t).unwrap();
    for (a, b) in loaded.events.iter().zip(&t.events) {
        let s = |e: &annals_core::Event| e.drafted().and_then(|d| d.salience);
        assert!(s(b).is_some());
        assert_eq!(s(a), s(b));
    }
    let json = annals_core::print::View::new(&t).render(annals_core::print::Format::Json);
    assert_eq!(
        json.matches("\"salience\":").count(),
        t.events.len(),
        "{json}"
    );
}
