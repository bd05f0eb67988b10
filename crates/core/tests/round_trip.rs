//! The TOML writer round-trips: load a story, write it, load what was written,
//! and get the same timeline back, with every date as it was given. Editing a
//! hand-written file keeps its comments and order.

use std::path::Path;

use annals_core::load::{DataFile, DataFiles, load_owned, read_dir};
use annals_core::write::{edit, to_toml};
use annals_core::{DateSpec, Timeline};

fn data() -> DataFiles {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    read_dir(dir).expect("data/ reads")
}

fn with_timeline(files: &DataFiles, text: &str) -> DataFiles {
    let mut files = files.clone();
    files.timeline = Some(DataFile {
        path: "written/timeline.toml".into(),
        bytes: text.as_bytes().to_vec(),
        saved: None,
    });
    files
}

fn load(files: DataFiles) -> Timeline {
    load_owned(files).unwrap_or_else(|p| panic!("{p}"))
}

#[test]
fn timeline_round_trip() {
    let files = data();
    let original = load(files.clone());
    let written = to_toml(&original);
    let again = load(with_timeline(&files, &written));

    assert_eq!(again.title, original.title);
    assert_eq!(again.summary, original.summary);
    assert_eq!(again.events.len(), original.events.len());
    for (a, b) in original.events.iter().zip(&again.events) {
        // Same id, title, date as written and as computed, summary, tags,
        // evidence (source and quote range) and sources.
        assert_eq!(a, b, "{}", a.id);
    }
    // Dates stay as they were given, not as they were computed.
    assert!(
        written.contains("date = \"signing + 135 days\""),
        "{written}"
    );
    assert!(written.contains("date = \"signing + 14 months\""));
    assert!(written.contains("date = \"7 days before signing\""));
    assert!(written.contains("date = 2009\n"));
    assert!(written.contains("date = 2001-10-07\n"));
    let months: Vec<_> = again
        .events
        .iter()
        .filter(|e| matches!(e.date(), DateSpec::Relative { .. }))
        .collect();
    assert!(months.len() >= 5, "relative dates stay relative");
    // Writing again gives the same text.
    assert_eq!(to_toml(&again), written);
}

#[test]
fn editing_keeps_comments_order_and_untouched_events() {
    let files = data();
    let text = String::from_utf8(files.timeline.clone().unwrap().bytes).unwrap();
    let original = load(files.clone());

    // Keeping everything and adding nothing changes nothing, comments included.
    let same = edit(&text, |_| true, &original, &[]).unwrap();
    assert_eq!(same, text);

    // Dropping one event and appending another keeps the rest as written.
    let dropped = "unama-casualties";
    let edited = edit(
        &text,
        |t| t.get("id").and_then(|v| v.as_str()) != Some(dropped),
        &original,
        &[original.event_index("signing").unwrap()],
    )
    .unwrap();
    assert!(
        edited.starts_with("# The bundled story"),
        "the file's comments stay"
    );
    assert!(!edited.contains("id = \"unama-casualties\""));
    assert_eq!(edited.matches("id = \"signing\"").count(), 2);
    let before_signing = &text[..text.find("id = \"signing\"").unwrap()];
    let kept = before_signing.replace(
        &text[text.find("[[events]]\nid = \"unama-casualties\"").unwrap()
            ..text.find("[[events]]\nid = \"negotiations\"").unwrap()],
        "",
    );
    assert!(edited.starts_with(&kept), "events before keep their text");
}
