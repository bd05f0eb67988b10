//! The bundled story, compiled into the binary so annals works from any directory.

use std::path::PathBuf;

use annals_core::Problems;
use annals_core::Timeline;
use annals_core::load::{self, DataFile, DataFiles};

/// The data folder the bundled files come from, as named in messages.
pub const DIR: &str = "data";

/// `data/timeline.toml`.
const TIMELINE: &[u8] = include_bytes!("../data/timeline.toml");

/// `data/sources/*.txt`, by file name.
const SOURCES: &[(&str, &[u8])] = &[
    ("arrival.txt", include_bytes!("../data/sources/arrival.txt")),
    (
        "conditional.txt",
        include_bytes!("../data/sources/conditional.txt"),
    ),
    ("pullout.txt", include_bytes!("../data/sources/pullout.txt")),
    ("sun.txt", include_bytes!("../data/sources/sun.txt")),
];

/// The bundled files, as if read from `data/`.
pub fn files() -> DataFiles {
    in_memory(
        DIR,
        TIMELINE.to_vec(),
        SOURCES.iter().map(|(name, bytes)| (*name, bytes.to_vec())),
    )
}

/// A data folder held in memory, as if read from `dir`: the bytes of
/// `timeline.toml`, and each file of `sources/` by name. For the bundled
/// story, and for generated ones in tests and benchmarks.
pub fn in_memory<N: AsRef<std::path::Path>>(
    dir: &str,
    timeline: Vec<u8>,
    sources: impl IntoIterator<Item = (N, Vec<u8>)>,
) -> DataFiles {
    let dir = PathBuf::from(dir);
    DataFiles {
        timeline: Some(DataFile {
            path: dir.join("timeline.toml"),
            bytes: timeline,
            saved: None,
        }),
        sources: Some(
            sources
                .into_iter()
                .map(|(name, bytes)| DataFile {
                    path: dir.join("sources").join(name),
                    bytes,
                    saved: None,
                })
                .collect(),
        ),
        dir,
        skipped: Default::default(),
        ignored: Vec::new(),
    }
}

/// Loads the bundled story: the US–Taliban agreement signed in Doha on 29 February 2020.
pub fn load() -> Result<Timeline, Problems> {
    load::load_owned(files())
}
