//! Any text as an article nobody annotated: drafting it never panics, and
//! the timeline drafted is written as TOML that loads back with every quote
//! found in the article.
#![no_main]

use std::sync::OnceLock;

use annals_core::Source;
use annals_core::load::{DataFile, timeline_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &str| {
    static TAGGER: OnceLock<annals_tagger::Tagger> = OnceLock::new();
    let tagger = TAGGER.get_or_init(annals_tagger::Tagger::new);
    if body.trim().is_empty() {
        return;
    }
    let published = chrono::NaiveDate::from_ymd_opt(2020, 3, 1).expect("a date");
    let source = Source::new("fuzz", published, body)
        .with_title("Fuzz")
        .with_file("fuzz.txt", 1);
    let drafted = annals_draft::draft(
        vec![source.clone()],
        tagger,
        &annals_draft::Options::default(),
    );
    if drafted.events.is_empty() {
        return;
    }
    let text = annals_draft::fresh(&drafted).text;
    let loaded = timeline_with(DataFile::new("t.toml", text.as_str()), vec![source])
        .unwrap_or_else(|p| panic!("the draft does not load:\n{p}\n{text}"));
    assert_eq!(loaded.events.len(), drafted.events.len(), "{text}");
});
