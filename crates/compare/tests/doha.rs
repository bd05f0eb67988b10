//! The bundled story compared: the disagreements a reader of the four
//! articles finds, computed from the passages of the hand-made timeline.

use annals_core::Timeline;
use annals_core::comparison::Comparison;

fn doha() -> (Timeline, Comparison) {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    let timeline = annals_core::load(dir).expect("data/ loads");
    let comparison = annals_compare::compare(&timeline);
    (timeline, comparison)
}

fn described(t: &Timeline, c: &Comparison, event: &str) -> Vec<String> {
    let i = t.event_index(event).expect("the event exists");
    c.events[i]
        .disagreements
        .iter()
        .map(|d| d.describe(|s| t.sources[s].id.as_str()))
        .collect()
}

#[test]
fn the_first_drawdown_disagrees_on_how_many_from_how_many_and_how_long() {
    let (t, c) = doha();
    assert_eq!(
        described(&t, &c, "drawdown-135"),
        [
            "troops before the change: \u{201C}from today's 12,000 to 13,000\u{201D} (arrival) vs \u{201C}from 13,000\u{201D} (pullout)",
            "how long: \u{201C}within a few months\u{201D} (arrival) vs \u{201C}within the first 135 days\u{201D} (conditional) vs \u{201C}in the next three to four months\u{201D} (pullout)",
            "troops: 8,600 as a level or as a change: \u{201C}to 8,600 soldiers\u{201D} (arrival, pullout) vs \u{201C}withdrawing 8,600 troops\u{201D} (conditional)",
        ]
    );
    // Each value keeps every passage that states it: conditional says "by
    // 8,600" too, and "down to 8600" is pullout's.
    let i = t.event_index("drawdown-135").unwrap();
    let cut = &c.events[i].disagreements[2];
    let quoted: Vec<&str> = cut.values[0]
        .evidence
        .iter()
        .map(|s| &t.sources[s.source].body()[s.span.clone()])
        .collect();
    assert_eq!(quoted, ["to 8,600 soldiers", "down to 8600"]);
    let stated = &cut.values[1].evidence[0];
    assert!(
        t.sources[stated.source].body()[stated.quote.clone()].contains("within the first 135 days")
    );
}

#[test]
fn values_that_agree_in_other_words_are_no_disagreement() {
    let (t, c) = doha();
    // "18 years of bloodshed" / "the 18-year conflict"; "Saturday" / "today";
    // "14 months" four times; "seven-day" / "week-long".
    for event in [
        "signing",
        "withdrawal-14-months",
        "riv-week",
        "attacks",
        "invasion",
    ] {
        assert_eq!(described(&t, &c, event), Vec::<String>::new(), "{event}");
    }
    let with_any: Vec<&str> = t
        .events
        .iter()
        .zip(&c.events)
        .filter(|(_, e)| !e.disagreements.is_empty())
        .map(|(e, _)| e.id.as_str())
        .collect();
    assert_eq!(with_any, ["drawdown-135"]);
}

#[test]
fn the_story_disagrees_on_the_troops_at_the_signing_and_how_the_envoy_is_spelt() {
    let (t, c) = doha();
    let story: Vec<String> = c
        .story
        .iter()
        .map(|d| d.describe(|s| t.sources[s].id.as_str()))
        .collect();
    assert_eq!(
        story,
        [
            "troops as of 2020-02-29: \u{201C}from today's 12,000 to 13,000\u{201D} (arrival) vs \u{201C}from 13,000\u{201D} (pullout, sun)",
            "how Zalmay Khalilzad is spelt: \u{201C}Zalmay Khalilzad\u{201D} (pullout, sun) vs \u{201C}Zalmay Khalizad\u{201D} (conditional)",
        ]
    );
    assert_eq!(c.story[1].kind.as_str(), "name");
}

#[test]
fn first_reports_and_lags() {
    let (t, c) = doha();
    let of = |id: &str| &c.events[t.event_index(id).unwrap()];
    assert_eq!(of("attacks").lag_days, Some(6745));
    assert_eq!(of("signing").lag_days, Some(0));
    assert_eq!(of("drawdown-135").lag_days, Some(-135));
    assert_eq!(of("withdrawal-14-months").lag_days, Some(-425));
    // All four were published on 29 February 2020 without a time: a tie,
    // led by the first id.
    let first = of("attacks").first.as_ref().unwrap();
    let ids = |v: &[usize]| {
        v.iter()
            .map(|&s| t.sources[s].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(t.sources[first.source].id, "arrival");
    assert_eq!(ids(&first.tied), ["conditional", "pullout", "sun"]);
    let only = of("embassy-tweet").first.as_ref().unwrap();
    assert_eq!(
        (t.sources[only.source].id.as_str(), only.tied.len()),
        ("sun", 0)
    );
    assert_eq!(c.copy_of, [None, None, None, None]);
    assert_eq!(of("signing").independent, 4);
}

/// The four articles as they come, with only their publication date, drafted.
fn drafted() -> (Timeline, Comparison) {
    let (t, _) = doha();
    let bare: Vec<annals_core::Source> = t
        .sources
        .iter()
        .map(|s| {
            let mut s = s.clone();
            s.title.clear();
            s.outlet = None;
            s.note = None;
            s
        })
        .collect();
    let tagger = annals_tagger::Tagger::new();
    let timeline = annals_draft::draft(bare, &tagger, &annals_draft::Options::default());
    let comparison = annals_compare::compare(&timeline);
    (timeline, comparison)
}

#[test]
fn the_drafted_story_shows_the_same_where_the_draft_groups_the_same_passages() {
    let (t, c) = drafted();
    let at = |start: &str| -> Vec<usize> {
        (0..t.events.len())
            .filter(|&i| t.events[i].when().start.to_string() == start)
            .collect()
    };
    // The attacks, as the four articles tell them (one more 2001-09-11
    // event is sun's "in response to 9/11").
    let attacks: Vec<usize> = at("2001-09-11")
        .into_iter()
        .filter(|&i| t.events[i].sources().len() == 4)
        .collect();
    assert_eq!(attacks.len(), 1);
    assert_eq!(c.events[attacks[0]].lag_days, Some(6745));
    assert!(c.events[attacks[0]].disagreements.is_empty());
    let milestone = at("2021-04-29");
    assert_eq!(c.events[milestone[0]].lag_days, Some(-425));
    assert!(c.events[milestone[0]].disagreements.is_empty());
    // The draft's 135-day event holds conditional's and pullout's sentences
    // and arrival's "within a few months of signing ... from today's 12,000
    // to 13,000 to 8,600 soldiers": the three disagreements of the
    // hand-made timeline are found.
    let drawdown = at("2020-07-13");
    assert_eq!(drawdown.len(), 1);
    let found: Vec<String> = c.events[drawdown[0]]
        .disagreements
        .iter()
        .map(|d| d.describe(|s| t.sources[s].id.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            "troops before the change: \u{201C}from today's 12,000 to 13,000\u{201D} (arrival) vs \u{201C}from 13,000\u{201D} (pullout)",
            "how long: \u{201C}within a few months\u{201D} (arrival) vs \u{201C}within the first 135 days\u{201D} (conditional) vs \u{201C}in the next three to four months\u{201D} (pullout)",
            "troops: 8,600 as a level or as a change: \u{201C}to 8,600 soldiers\u{201D} (arrival, pullout) vs \u{201C}withdrawing 8,600 troops\u{201D} (conditional)",
        ]
    );
    // The signing, and every other event, has none.
    let with_any = c
        .events
        .iter()
        .filter(|e| !e.disagreements.is_empty())
        .count();
    assert_eq!(with_any, 1);
}
