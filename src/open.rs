//! Opening what the user pointed annals at: the bundled story, a data folder
//! with its timeline.toml, or articles without one, drafted in memory.

use std::path::Path;

use annals_core::load::{self, Options};
use annals_core::{Problems, Timeline};

use crate::cli::Global;
use crate::cmd::draft;

/// How to read articles, from the command line.
pub fn options(global: &Global) -> Options {
    Options {
        max_file_size: global.max_file_size.saturating_mul(1_000_000),
        published: global.published,
    }
}

/// A timeline ready to show.
pub struct Opened {
    pub timeline: Timeline,
    /// For a draft made in memory: how to save it.
    pub draft: Option<String>,
    /// Articles that could not be read for the draft (the others were drafted).
    pub problems: Problems,
}

/// Loads and checks the timeline at `path`, or the bundled story. Articles
/// without a timeline.toml are drafted in memory.
pub fn open(path: Option<&Path>, global: &Global) -> Result<Opened, Problems> {
    let Some(path) = path else {
        return annals::bundled::load().map(|timeline| Opened {
            timeline,
            draft: None,
            problems: Problems::new(),
        });
    };
    let options = options(global);
    let files = load::read_with(path, &options)?;
    let no_articles = files.sources.as_ref().is_none_or(Vec::is_empty) && files.skipped.is_empty();
    if !files.needs_draft() || no_articles {
        // An empty folder is the loader's to describe.
        return load::load_with(files, &options).map(|timeline| Opened {
            timeline,
            draft: None,
            problems: Problems::new(),
        });
    }
    let (timeline, problems) = draft::draft(files, &options, &Default::default());
    if timeline.events.is_empty() {
        // Nothing to show: say why, with the articles' own problems first.
        let mut all = problems;
        all.push(
            annals_core::Problem::new(
                path,
                annals_core::Position::START,
                format!(
                    "no timeline.toml, and nothing to draft from {} readable articles",
                    timeline.sources.len()
                ),
            )
            .with_help(
                "put articles with dated happenings here (.txt, .md or .jsonl), or write timeline.toml",
            ),
        );
        return Err(all);
    }
    Ok(Opened {
        timeline,
        draft: Some(draft::save_hint(path)),
        problems,
    })
}
