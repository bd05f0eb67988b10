//! Opening what the user pointed annals at: the bundled story, a data folder,
//! or a .jsonl file of articles.

use std::path::Path;

use annals_core::load::{self, Options};
use annals_core::{Problems, Timeline};

use crate::cli::Global;

/// The path a command works on: `annals PATH` or `--data PATH`; `None` for
/// the bundled story.
pub fn data_path<'a>(path: Option<&'a Path>, global: &'a Global) -> Option<&'a Path> {
    path.or(global.data.as_deref())
}

/// How to read articles, from the command line.
pub fn options(global: &Global) -> Options {
    Options {
        max_file_size: global.max_file_size.saturating_mul(1_000_000),
        published: global.published,
    }
}

/// Loads and checks the timeline at `path`, or the bundled story.
pub fn open(path: Option<&Path>, global: &Global) -> Result<Timeline, Problems> {
    match path {
        None => annals::bundled::load(),
        Some(path) => {
            let options = options(global);
            load::read_with(path, &options).and_then(|files| load::load_with(files, &options))
        }
    }
}
