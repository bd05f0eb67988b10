//! The bundled Doha story, drafted from its four articles and compared with
//! the hand-made `data/timeline.toml`.

mod common;

use std::path::Path;

use annals_core::write::event_text;
use annals_core::{DateSpec, Event, Timeline};
use annals_draft::{Options, draft};
use annals_tagger::Tagger;
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn data() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))
}

/// The four articles, front matter reduced to a title and 2020-02-29.
fn drafted() -> Timeline {
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(data().join("sources")).unwrap() {
        let path = entry.unwrap().path();
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        sources.push(common::read(&path, &id, Some(d(2020, 2, 29))));
    }
    draft(sources, &Tagger::new(), &Options::default())
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A drafted event matches a hand-made one when their dates overlap and one
/// of its quotes overlaps one of the hand-made event's in the same article.
fn matches(drafted: &Timeline, e: &Event, made: &Timeline, h: &Event) -> bool {
    e.when().overlaps(h.when())
        && e.passages().iter().any(|p| {
            let id = &drafted.sources[p.source()].id;
            h.passages()
                .iter()
                .any(|q| &made.sources[q.source()].id == id && overlaps(&p.quote(), &q.quote()))
        })
}

fn describe(t: &Timeline, e: &Event) -> String {
    let sources: Vec<&str> = e
        .sources()
        .iter()
        .map(|&s| t.sources[s].id.as_str())
        .collect();
    format!(
        "{} [{}] {} ({}) {:?}",
        e.when().label(),
        e.date(),
        e.title,
        sources.join(","),
        e.id
    )
}

#[test]
fn the_draft_finds_the_required_events_and_most_hand_made_ones() {
    let t = drafted();
    let made = annals_core::load(data()).expect("data/ loads");
    for e in &t.events {
        eprintln!("drafted {}", describe(&t, e));
    }
    let find = |start: NaiveDate, end: NaiveDate, sources: usize| {
        t.events
            .iter()
            .filter(|e| {
                e.when().start == start && e.when().end == end && e.sources().len() >= sources
            })
            .max_by_key(|e| e.sources().len())
            .unwrap_or_else(|| panic!("no event {start} – {end} with {sources}+ sources"))
    };
    find(d(2001, 9, 11), d(2001, 9, 11), 3);
    find(d(2001, 10, 7), d(2001, 10, 7), 1);
    find(d(2020, 2, 22), d(2020, 2, 28), 2);
    let signing = find(d(2020, 2, 29), d(2020, 2, 29), 3);
    let counted = |e: &Event, written: &str| match &e.date() {
        DateSpec::Relative { anchor, .. } => {
            let anchor = &t.events[t.event_index(anchor).unwrap()];
            assert_eq!(anchor.when().start, d(2020, 2, 29), "{}", describe(&t, e));
            assert_eq!(e.date().to_string(), format!("{} + {written}", anchor.id));
        }
        other => panic!("{other} is not counted from the signing"),
    };
    counted(find(d(2020, 7, 13), d(2020, 7, 13), 1), "135 days");
    counted(find(d(2021, 4, 29), d(2021, 4, 29), 3), "14 months");
    assert!(signing.sources().len() >= 3);

    let found: Vec<&str> = made
        .events
        .iter()
        .filter(|h| t.events.iter().any(|e| matches(&t, e, &made, h)))
        .map(|h| h.id.as_str())
        .collect();
    let unmatched: Vec<String> = t
        .events
        .iter()
        .filter(|e| !made.events.iter().any(|h| matches(&t, e, &made, h)))
        .map(|e| describe(&t, e))
        .collect();
    eprintln!(
        "hand-made found: {} of {}: {found:?}",
        found.len(),
        made.events.len()
    );
    eprintln!(
        "drafted matching none: {} of {}: {unmatched:#?}",
        unmatched.len(),
        t.events.len()
    );
    // Pinned at what was measured (14 of 19 found, 1 of 17 matching none),
    // with a margin of one where a change could go either way: a drafter
    // that loses a hand-made event, or drafts noise, fails here.
    assert!(found.len() >= 14, "{found:?}");
    assert!(unmatched.len() <= 1, "{unmatched:#?}");
    assert!(
        (15..=17).contains(&t.events.len()),
        "{} events",
        t.events.len()
    );
}

#[test]
fn the_draft_writes_a_timeline_that_loads_back() {
    let t = drafted();
    let dir = tempfile::tempdir().unwrap();
    let loaded = common::write_and_load(dir.path(), &t).unwrap();
    assert_eq!(loaded.events.len(), t.events.len());
    for (a, b) in loaded.events.iter().zip(&t.events) {
        assert_eq!(
            (&a.id, &a.title, &a.date(), &a.when()),
            (&b.id, &b.title, &b.date(), &b.when())
        );
        assert_eq!(a.drafted().map(|d| d.basis), b.drafted().map(|d| d.basis));
        assert_eq!(a.sources(), b.sources());
        // Loaded back, each event is written as it was: its fingerprint holds.
        assert_eq!(event_text(&loaded, a), event_text(&t, b));
        assert!(annals_core::date::is_id(&a.id));
        assert!(
            !a.title.is_empty()
                && a.title.len()
                    < a.passages()
                        .iter()
                        .map(|p| p.quote().len())
                        .max()
                        .unwrap_or(0)
                        + 1
        );
    }
}
