//! Any text as two articles of one day, drafted and their sources compared:
//! comparing never panics, whatever the passages hold (numbers overlapping
//! durations, odd spellings, nothing at all), and says nothing of events it
//! does not have.
#![no_main]

use std::sync::OnceLock;

use annals_core::Source;
use annals_core::load::{DataFile, timeline_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    static TAGGER: OnceLock<annals_tagger::Tagger> = OnceLock::new();
    let tagger = TAGGER.get_or_init(annals_tagger::Tagger::new);
    // Two articles, split at the first '|': two outlets telling one story.
    let (a, b) = input.split_once('|').unwrap_or((input, input));
    if a.trim().is_empty() || b.trim().is_empty() {
        return;
    }
    let published = chrono::NaiveDate::from_ymd_opt(2020, 3, 1).expect("a date");
    let sources: Vec<Source> = [("a", a), ("b", b)]
        .into_iter()
        .map(|(id, body)| {
            Source::new(id, published, body)
                .with_title("Fuzz")
                .with_file(format!("{id}.txt"), 1)
        })
        .collect();
    let drafted = annals_draft::draft(
        sources.clone(),
        tagger,
        &annals_draft::Options::default(),
    );
    if drafted.events.is_empty() {
        return;
    }
    let text = annals_draft::fresh(&drafted).text;
    let Ok(loaded) = timeline_with(DataFile::new("t.toml", text.as_str()), sources) else {
        return;
    };
    let comparison = annals_compare::compare(&loaded);
    assert_eq!(comparison.events.len(), loaded.events.len());
    assert_eq!(comparison.copy_of.len(), loaded.sources.len());
});
