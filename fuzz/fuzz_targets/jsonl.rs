//! Any bytes as a JSON Lines file of articles in `sources/`: reading it never
//! panics, every article it gives has an id of its own and a body, and every
//! problem names a line of the file.
#![no_main]

use annals_core::load::{DataFile, DataFiles, Options, articles};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let files = DataFiles {
        dir: "d".into(),
        timeline: None,
        sources: Some(vec![DataFile::new("d/sources/feed.jsonl", bytes)]),
        ..Default::default()
    };
    let (sources, problems) = articles(files, &Options::default());
    let mut ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "two articles share an id");
    for source in &sources {
        assert!(!source.body().trim().is_empty(), "an article with no text");
    }
    let lines = bytes.split(|&b| b == b'\n').count();
    for problem in problems.iter() {
        assert!(problem.position.line <= lines.max(1), "{problem}");
    }
});
