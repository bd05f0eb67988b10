//! Any text as a timeline.toml a person edited, drafted again from the same
//! two articles: the re-draft never panics; what it writes loads, with as
//! many events as it counted; every event it kept is there under its id;
//! and drafting once more over what it wrote changes nothing.
#![no_main]

use std::sync::OnceLock;

use annals_core::load::{DataFile, timeline_with};
use annals_core::{Source, Timeline};
use libfuzzer_sys::fuzz_target;

fn sources() -> Vec<Source> {
    let published = chrono::NaiveDate::from_ymd_opt(2020, 3, 1).expect("a date");
    [
        (
            "daily",
            "The US signed a peace agreement with the Taliban in Doha on Saturday. \
             Troops would leave within 14 months of the signing. \
             The talks had begun in Doha in July 2018.",
        ),
        (
            "wire",
            "The US and the Taliban signed a peace agreement in Doha on Saturday. \
             All US troops will leave within 14 months of the signing. \
             Talks began in Doha in July 2018, officials said.",
        ),
    ]
    .into_iter()
    .map(|(id, body)| {
        Source::new(id, published, body)
            .with_title(id)
            .with_file(format!("{id}.txt"), 1)
    })
    .collect()
}

/// The draft of the two articles, made once.
fn drafted() -> &'static Timeline {
    static DRAFTED: OnceLock<Timeline> = OnceLock::new();
    DRAFTED.get_or_init(|| {
        let tagger = annals_tagger::Tagger::new();
        annals_draft::draft(sources(), &tagger, &annals_draft::Options::default())
    })
}

fuzz_target!(|text: &str| {
    let Ok(existing) = timeline_with(DataFile::new("t.toml", text), sources()) else {
        return;
    };
    let Ok(merged) = annals_draft::merge(text, &existing, &mut drafted().clone()) else {
        return;
    };
    let written = timeline_with(DataFile::new("t.toml", merged.text.as_str()), sources())
        .unwrap_or_else(|p| panic!("the re-draft does not load:\n{p}\n{}", merged.text));
    assert_eq!(written.events.len(), merged.counts.events(), "{}", merged.text);
    assert!(merged.counts.kept <= written.events.len());
    let again = annals_draft::merge(&merged.text, &written, &mut drafted().clone())
        .expect("what a re-draft wrote is TOML");
    assert_eq!(again.text, merged.text, "a second re-draft changed the file");
});
