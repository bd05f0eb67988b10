//! Times a draft of synthetic articles: `profile N [threads]`.
use std::time::Instant;

use annals_core::load::{DataFile, DataFiles, Options as LoadOptions, articles};
use annals_draft::{Options, draft};
use annals_tagger::Tagger;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let story = annals_synth::generate(n, 2020);
    let files = DataFiles {
        dir: "bench".into(),
        timeline: None,
        sources: Some(
            story
                .sources
                .into_iter()
                .map(|(name, text)| DataFile {
                    path: format!("bench/sources/{name}").into(),
                    bytes: text.into_bytes(),
                    saved: None,
                })
                .collect(),
        ),
        skipped: Default::default(),
    };
    let (sources, _) = articles(files, &LoadOptions::default());
    let bytes: usize = sources.iter().map(|s| s.body.len()).sum();
    let tagger = Tagger::new();
    let t = Instant::now();
    let timeline = draft(sources, &tagger, &Options::default());
    eprintln!(
        "{n} articles, {:.1} MB: {:.3} s, {} events",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        timeline.events.len()
    );
}
