//! The TOML writer round-trips: load a story, write it, load what was written,
//! and get the same timeline back, with every date as it was given. Editing a
//! hand-written file keeps its comments and order.

use std::path::Path;

use annals_core::load::{DataFile, DataFiles, load_owned, read_dir};
use annals_core::write::{append_inline, to_toml};
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
fn events_appended_inline_keep_the_comments_and_load_back() {
    let files = data();
    let original = load(files.clone());
    let inline = format!(
        "# My notes\ntitle = \"T\"\nevents = [ # events I wrote\n  {} # the signing\n]\n",
        to_toml(&original)
            .split("[[events]]")
            .nth(1)
            .map(|_| "{ id = \"mine\", title = \"Mine\", date = 2020, evidence = [{ source = \"sun\", quote = \"Taliban\" }] },")
            .unwrap()
    );
    let signing = original.event_index("signing").unwrap();
    let edited = append_inline(&inline, &original, &[signing]).unwrap();
    assert!(
        edited.starts_with(
            "# My notes\ntitle = \"T\"\nevents = [ # events I wrote\n  { id = \"mine\""
        ),
        "{edited}"
    );
    assert!(edited.contains("# the signing"), "{edited}");
    let mut again = files;
    again.timeline = Some(annals_core::load::DataFile::new(
        "data/timeline.toml",
        edited.clone(),
    ));
    let loaded = load(again);
    assert_eq!(loaded.events.len(), 2, "{edited}");
    assert!(loaded.event_index("signing").is_some());
}
