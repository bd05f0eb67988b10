//! Synthetic stories (crates/synth) load without a problem: every quote is
//! found, every anchor resolves, and all events come through.

use std::path::PathBuf;

use annals_core::Precision;
use annals_core::load::{DataFile, DataFiles, load_files};

fn files(story: &annals_synth::Story) -> DataFiles {
    let dir = PathBuf::from("synth");
    DataFiles {
        timeline: Some(DataFile::new(
            dir.join("timeline.toml"),
            story.timeline.clone(),
        )),
        sources: Some(
            story
                .sources
                .iter()
                .map(|(name, text)| DataFile::new(dir.join("sources").join(name), text.clone()))
                .collect(),
        ),
        dir,
        skipped: Default::default(),
        ignored: Vec::new(),
    }
}

#[test]
fn synthetic_stories_load_cleanly() {
    for seed in 0..4 {
        let story = annals_synth::generate(80, seed);
        let timeline = match load_files(&files(&story)) {
            Ok(timeline) => timeline,
            Err(problems) => panic!("seed {seed}:\n{problems}"),
        };
        assert_eq!(timeline.events.len(), story.events);
        assert_eq!(timeline.sources.len(), 80);
        let computed = timeline
            .events
            .iter()
            .filter(|e| e.when().computed.is_some());
        assert!(computed.count() > story.events / 10);
        for precision in [
            Precision::Day,
            Precision::Range,
            Precision::Month,
            Precision::Year,
        ] {
            assert!(
                timeline
                    .events
                    .iter()
                    .any(|e| e.when().precision == precision)
            );
        }
    }
}
