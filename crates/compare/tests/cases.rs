//! Small stories with one thing each to find, or not to find.

use annals_core::Timeline;
use annals_core::comparison::Comparison;
use annals_core::load::{DataFile, DataFiles, load_files};

/// An event: its id, its date as written in timeline.toml, its evidence.
type EventSpec<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

/// A story of `articles` (id, published, body) and `events` (id, date as
/// written in timeline.toml, and (source, quote) evidence).
fn story(articles: &[(&str, &str, &str)], events: &[EventSpec<'_>]) -> (Timeline, Comparison) {
    let mut toml = String::from("title = \"A story\"\n");
    for (id, date, evidence) in events {
        toml.push_str(&format!(
            "\n[[events]]\nid = \"{id}\"\ntitle = \"{id}\"\ndate = {date}\n"
        ));
        for (source, quote) in *evidence {
            toml.push_str(&format!(
                "[[events.evidence]]\nsource = \"{source}\"\nquote = \"{quote}\"\n"
            ));
        }
    }
    let files = DataFiles {
        dir: "story".into(),
        timeline: Some(DataFile::new("story/timeline.toml", toml.as_str())),
        sources: Some(
            articles
                .iter()
                .map(|(id, day, body)| {
                    DataFile::new(
                        format!("story/sources/{id}.txt"),
                        format!("+++\npublished = {day}\n+++\n{body}").as_str(),
                    )
                })
                .collect(),
        ),
        skipped: Default::default(),
        ignored: Vec::new(),
    };
    let timeline = load_files(&files).expect("the story checks");
    let comparison = annals_compare::compare(&timeline);
    (timeline, comparison)
}

fn described(t: &Timeline, c: &Comparison) -> Vec<String> {
    c.events
        .iter()
        .flat_map(|e| &e.disagreements)
        .chain(&c.story)
        .map(|d| d.describe(|s| t.sources[s].id.as_str()))
        .collect()
}

#[test]
fn in_july_is_not_in_august() {
    let (t, c) = story(
        &[
            ("a", "2019-09-01", "In July the strike began at the port."),
            ("b", "2019-09-02", "In August the strike began at the port."),
            (
                "c",
                "2019-09-02",
                "The strike began at the port on 14 July.",
            ),
        ],
        &[(
            "strike",
            "\"2019-07\"",
            &[
                ("a", "In July the strike began"),
                ("b", "In August the strike began"),
                ("c", "The strike began at the port on 14 July"),
            ],
        )],
    );
    assert_eq!(
        described(&t, &c),
        [
            "when: \u{201C}In July\u{201D} (a) vs \u{201C}In August\u{201D} (b) vs \u{201C}on 14 July\u{201D} (c)"
        ]
    );
}

#[test]
fn the_same_values_in_other_words_agree() {
    let (t, c) = story(
        &[
            (
                "a",
                "2020-02-29",
                "Troops will be cut to 8,600 and all will leave within 14 months.",
            ),
            (
                "b",
                "2020-02-29",
                "Troops will be cut to 8600 and all will leave within fourteen months.",
            ),
        ],
        &[(
            "cut",
            "2020-02-29",
            &[
                (
                    "a",
                    "Troops will be cut to 8,600 and all will leave within 14 months",
                ),
                (
                    "b",
                    "Troops will be cut to 8600 and all will leave within fourteen months",
                ),
            ],
        )],
    );
    assert_eq!(described(&t, &c), Vec::<String>::new());
    assert_eq!(c.events[0].independent, 2);
}

#[test]
fn a_wire_copy_is_one_source_and_cannot_disagree_with_its_original() {
    let wire = "Police arrested 12 people in Puerto Aldamar on Tuesday after a night of protests \
        against the new container terminal, the port authority said, adding that the harbour \
        would reopen on Wednesday morning once the last of the barricades had been cleared away.";
    let copy = wire.replace("12 people", "14 people");
    let (t, c) = story(
        &[
            ("agency", "2020-03-03", wire),
            ("reprint", "2020-03-04", &copy),
        ],
        &[(
            "arrests",
            "2020-03-03",
            &[
                ("agency", "Police arrested 12 people"),
                ("reprint", "Police arrested 14 people"),
            ],
        )],
    );
    assert_eq!(c.copy_of, [None, Some(0)]);
    assert_eq!(c.events[0].independent, 1);
    assert_eq!(described(&t, &c), Vec::<String>::new());
    // Another outlet's own story does disagree.
    let (t, c) = story(
        &[
            ("agency", "2020-03-03", wire),
            (
                "local",
                "2020-03-04",
                "Officers said 14 people were held overnight.",
            ),
        ],
        &[(
            "arrests",
            "2020-03-03",
            &[
                ("agency", "Police arrested 12 people"),
                ("local", "14 people were held"),
            ],
        )],
    );
    assert_eq!(
        described(&t, &c),
        ["people: \u{201C}12 people\u{201D} (agency) vs \u{201C}14 people\u{201D} (local)"]
    );
}

#[test]
fn one_source_spelling_a_name_two_ways_is_no_disagreement_between_sources() {
    let (t, c) = story(
        &[
            (
                "a",
                "2020-02-29",
                "Envoy Zalmay Khalilzad signed. Later Zalmay Khalizad spoke.",
            ),
            ("b", "2020-02-29", "The talks went on."),
        ],
        &[(
            "signing",
            "2020-02-29",
            &[
                ("a", "Envoy Zalmay Khalilzad signed"),
                ("a", "Later Zalmay Khalizad spoke"),
                ("b", "The talks went on"),
            ],
        )],
    );
    assert_eq!(described(&t, &c), Vec::<String>::new());
}

#[test]
fn more_than_and_about_are_not_the_same_number() {
    let (t, c) = story(
        &[
            (
                "a",
                "2020-05-01",
                "About 300 people marched through the capital.",
            ),
            (
                "b",
                "2020-05-01",
                "More than 300 people marched through the capital.",
            ),
            (
                "c",
                "2020-05-01",
                "Some 300 demonstrators marched through the capital.",
            ),
        ],
        &[(
            "march",
            "2020-05-01",
            &[
                ("a", "About 300 people marched"),
                ("b", "More than 300 people marched"),
                ("c", "Some 300 demonstrators marched"),
            ],
        )],
    );
    assert_eq!(
        described(&t, &c),
        [
            "people: \u{201C}About 300 people\u{201D} (a, c) vs \u{201C}More than 300 people\u{201D} (b)"
        ]
    );
}

#[test]
fn timestamps_decide_who_was_first_and_a_day_without_one_ties() {
    let lines = [
        r#"{"id": "late", "published": "2020-02-29T18:00:00+03:00", "text": "The deal was signed in Doha."}"#,
        r#"{"id": "early", "published": "2020-02-29T09:30:00Z", "text": "The deal was signed in Doha today."}"#,
        r#"{"id": "undated", "published": "2020-02-29", "text": "The deal was signed in Doha, Qatar."}"#,
        r#"{"id": "next", "published": "2020-03-01T00:10:00Z", "text": "The deal was signed in Doha on Saturday."}"#,
    ];
    let toml = "title = \"A deal\"\n\n[[events]]\nid = \"signing\"\ntitle = \"Signed\"\ndate = 2020-02-29\n\
        evidence = [{ source = \"late\", quote = \"signed in Doha\" }, { source = \"early\", quote = \"signed in Doha\" }, \
        { source = \"next\", quote = \"signed in Doha\" }]\n\n[[events]]\nid = \"all\"\ntitle = \"All\"\ndate = 2020-02-28\n\
        evidence = [{ source = \"late\", quote = \"The deal\" }, { source = \"undated\", quote = \"The deal\" }, \
        { source = \"early\", quote = \"The deal\" }]\n";
    let files = DataFiles {
        dir: "story".into(),
        timeline: Some(DataFile::new("story/timeline.toml", toml)),
        sources: Some(vec![DataFile::new(
            "story/articles.jsonl",
            lines.join("\n").as_str(),
        )]),
        skipped: Default::default(),
        ignored: Vec::new(),
    };
    let t = load_files(&files).expect("the story checks");
    let c = annals_compare::compare(&t);
    let id = |s: usize| t.sources[s].id.as_str();
    let signing = c.events[t.event_index("signing").unwrap()]
        .first
        .clone()
        .unwrap();
    assert_eq!((id(signing.source), signing.tied.len()), ("early", 0));
    // "undated" gives no time: it may have come before 09:30 or after.
    let all = c.events[t.event_index("all").unwrap()]
        .first
        .clone()
        .unwrap();
    assert_eq!(id(all.source), "early");
    assert_eq!(
        all.tied.iter().map(|&s| id(s)).collect::<Vec<_>>(),
        ["undated"]
    );
    assert_eq!(c.events[t.event_index("all").unwrap()].lag_days, Some(1));
    // JSON says the moment.
    let json = annals_core::print::View::new(&t)
        .compared(&c)
        .render(annals_core::print::Format::Json);
    assert!(
        json.contains("\"first_reported\": {\n        \"source\": \"early\",\n        \"published\": \"2020-02-29T09:30:00Z\""),
        "{json}"
    );
}

/// A quantity inside a duration's words ("10 below zero the next two
/// nights": the tagger's duration and the number overlap) panicked while
/// looking for a full stop between them (Timeline17's CNN story of the
/// 2010 winter storms, drafted and printed).
#[test]
fn a_number_overlapping_a_duration_is_compared_without_a_panic() {
    let forecast = "Up to 14 inches of snow in South Bend, with winds up to 30 mph; gusts of up to 38 mph in Saginaw, Michigan, with wind chills of 10 below zero the next two nights; as much as 13 inches of new snow in Berlin by Wednesday night.";
    let other = "Up to 12 inches of snow in South Bend, with winds up to 30 mph; gusts of up to 38 mph in Saginaw, Michigan, with wind chills of 12 below zero the next three nights; as much as 13 inches of new snow in Berlin by Wednesday night.";
    let (t, c) = story(
        &[("a", "2010-12-14", forecast), ("b", "2010-12-14", other)],
        &[("storm", "2010-12-14", &[("a", forecast), ("b", other)])],
    );
    assert_eq!(c.events.len(), 1);
    let found = described(&t, &c);
    assert!(!found.is_empty(), "the two forecasts differ: {found:?}");
}
