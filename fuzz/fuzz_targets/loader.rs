//! Any bytes as a data folder: the input is cut at 0xFF bytes into a
//! timeline.toml and articles. Loading never panics; a timeline that loads
//! has every passage inside its article and in date order.
#![no_main]

use annals_core::load::{DataFile, DataFiles, load_files};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let mut parts = bytes.split(|&b| b == 0xFF);
    let timeline = parts.next().unwrap_or_default();
    let sources: Vec<DataFile> = parts
        .enumerate()
        .map(|(n, article)| DataFile::new(format!("d/sources/s{n}.txt"), article))
        .collect();
    let files = DataFiles {
        dir: "d".into(),
        timeline: Some(DataFile::new("d/timeline.toml", timeline)),
        sources: Some(sources),
        skipped: Default::default(),
        ignored: Vec::new(),
    };
    if let Ok(t) = load_files(&files) {
        for event in &t.events {
            for p in event.passages() {
                let body = t.sources[p.source()].body();
                let (quote, paragraph) = (p.quote(), p.paragraph());
                assert!(quote.end <= body.len() && paragraph.start <= quote.start);
                assert!(body.is_char_boundary(quote.start) && body.is_char_boundary(quote.end));
            }
        }
        assert!(t.events.windows(2).all(|w| w[0].when().start <= w[1].when().start));
        let _ = annals_core::write::to_toml(&t);
    }
});
