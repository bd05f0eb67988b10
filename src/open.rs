//! Opening what the user pointed annals at: the bundled story, a data folder
//! with its timeline.toml, or articles without one, drafted in memory.

use std::path::Path;

use annals::cache::{Cache, Key};
use annals_core::comparison::Comparison;
use annals_core::load::{self, DataFiles, Options};
use annals_core::text::sanitize_line;
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
    /// What could not be loaded (the rest is shown): articles that could not
    /// be read or drafted, events with problems.
    pub problems: Problems,
    /// Said before the timeline is shown: files skipped, what was left out.
    pub notes: Vec<String>,
    /// The comparison of the sources, when the cache had it.
    pub comparison: Option<Comparison>,
    /// Where to keep this load once its sources are compared, for a clean
    /// load of a story large enough for the cache.
    pub keep: Option<Keep>,
}

/// A clean load not yet in the cache: where it goes.
pub struct Keep {
    cache: Cache,
    key: Key,
}

impl Keep {
    /// Keeps the timeline and its comparison. A cache that cannot be
    /// written costs only the time it would have saved, so a failure is
    /// not reported.
    pub fn keep(&self, timeline: &Timeline, comparison: &Comparison) {
        let _ = self.cache.put(&self.key, timeline, comparison);
    }
}

/// How strictly to open: `check` reports any problem as the whole answer;
/// print and the explorer show what loads and say what they left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Any problem fails.
    Check,
    /// Show what loads.
    Show,
}

/// Loads the timeline at `path`, or the bundled story. Articles without a
/// timeline.toml are drafted in memory.
pub fn open(
    path: Option<&Path>,
    global: &Global,
    strictness: Strictness,
) -> Result<Opened, Problems> {
    open_with(path, global, strictness, true)
}

/// [`open`] for a folder whose timeline.toml was there a moment ago, behind
/// a glance: never drafted (which would draw its progress over the
/// explorer); a timeline.toml gone meanwhile is a problem.
pub fn open_kept(
    path: Option<&Path>,
    global: &Global,
    strictness: Strictness,
) -> Result<Opened, Problems> {
    open_with(path, global, strictness, false)
}

fn open_with(
    path: Option<&Path>,
    global: &Global,
    strictness: Strictness,
    may_draft: bool,
) -> Result<Opened, Problems> {
    let Some(path) = path else {
        return annals::bundled::load().map(|timeline| Opened {
            timeline,
            draft: None,
            problems: Problems::new(),
            notes: Vec::new(),
            comparison: None,
            keep: None,
        });
    };
    let options = options(global);
    let files = load::read_with(path, &options)?;
    let mut notes: Vec<String> = files.ignored_note().into_iter().collect();
    let no_articles = files.sources.as_ref().is_none_or(Vec::is_empty) && files.skipped.is_empty();
    if !files.needs_draft() || no_articles {
        let cache = Cache::from_env();
        let key = cache.as_ref().and_then(|c| c.key(&files, &options));
        // What the cache holds of a folder it will not keep (too small now,
        // or no longer clean, below) is forgotten, so that the explorer
        // never glances at it again.
        let forgotten = cache.clone().map(|c| (c, files.dir.clone()));
        let forget = || {
            if let Some((cache, dir)) = &forgotten {
                cache.forget(dir);
            }
        };
        if key.is_none() {
            forget();
        }
        let (files, keep) = match (cache, key) {
            (Some(cache), Some(key)) => match cached(&cache, &key, files, &options) {
                Cached::Hit(timeline, comparison) => {
                    return Ok(Opened {
                        timeline,
                        draft: None,
                        problems: Problems::new(),
                        notes,
                        comparison: Some(comparison),
                        keep: None,
                    });
                }
                // The files were read for the entry; they are read again
                // for the load that is not taken from it.
                Cached::Refused => (load::read_with(path, &options)?, Some(Keep { cache, key })),
                Cached::Miss(files) => (files, Some(Keep { cache, key })),
            },
            _ => (files, None),
        };
        let unkept = |problems: Problems| {
            forget();
            problems
        };
        // An empty folder is the loader's to describe.
        if strictness == Strictness::Check || no_articles {
            return load::load_with(files, &options)
                .map(|timeline| Opened {
                    timeline,
                    draft: None,
                    problems: Problems::new(),
                    notes,
                    comparison: None,
                    keep,
                })
                .map_err(unkept);
        }
        let partial = load::load_partial(files, &options).map_err(unkept)?;
        notes.extend(left_out(path, &partial.problems, partial.events_left_out));
        let clean = partial.problems.is_empty();
        if !clean {
            forget();
        }
        return Ok(Opened {
            timeline: partial.timeline,
            draft: None,
            problems: partial.problems,
            notes,
            comparison: None,
            keep: keep.filter(|_| clean),
        });
    }
    if !may_draft {
        let mut gone = Problems::new();
        gone.push(
            annals_core::Problem::new(
                path.join("timeline.toml"),
                annals_core::Position::START,
                "timeline.toml is gone: it was there when annals started",
            )
            .with_help("open the folder again (its articles are drafted in memory)"),
        );
        return Err(gone);
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
                    "no timeline.toml, and nothing to draft from {}",
                    count(timeline.sources.len(), "readable article")
                ),
            )
            .with_help(
                "put articles with dated happenings here (.txt, .md or .jsonl), or write timeline.toml",
            ),
        );
        return Err(all);
    }
    notes.extend(left_out(path, &problems, 0));
    Ok(Opened {
        timeline,
        draft: Some(draft::save_hint(path)),
        problems,
        notes,
        comparison: None,
        keep: None,
    })
}

/// The story at `path` as the cache last kept it, to draw while it is read
/// ([`annals::cache::Entry::glance`]): for a data folder with a
/// timeline.toml and an entry, when the cache is on.
pub fn glance(path: &Path) -> Option<Timeline> {
    if !path.join("timeline.toml").is_file() {
        return None;
    }
    Cache::from_env()?.glance(path)?.glance()
}

/// What the cache made of a load.
enum Cached {
    /// The entry fits the articles: the timeline and its comparison.
    Hit(Timeline, Comparison),
    /// An entry was found but is damaged or does not fit the articles as
    /// read (or they no longer read cleanly): the load is made as if there
    /// were none, from the files read again.
    Refused,
    /// No entry: the files, untouched.
    Miss(DataFiles),
}

/// The load of `files` from the cache entry for `key`, if it has one.
fn cached(cache: &Cache, key: &Key, files: DataFiles, options: &Options) -> Cached {
    if files.timeline.is_none() {
        return Cached::Miss(files);
    }
    let Some(entry) = cache.find(key) else {
        return Cached::Miss(files);
    };
    // The articles are read as for any load, while the entry is decoded:
    // only what comes after them is taken from it. (They read cleanly when
    // it was written, and the key holds their bytes, so a problem here is
    // not expected; if one is found, the full load reports it.)
    let (stored, (sources, problems)) =
        rayon::join(|| entry.decode(), || load::articles(files, options));
    match stored {
        Some(stored) if problems.is_empty() => match stored.restore(sources) {
            Some((timeline, comparison)) => Cached::Hit(timeline, comparison),
            None => Cached::Refused,
        },
        _ => Cached::Refused,
    }
}

pub use annals_core::text::count;

/// What was left out of what is shown, in one line, if anything: how many
/// files the problems are in, how many events, and where to see them all.
fn left_out(path: &Path, problems: &Problems, events: usize) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let mut files: Vec<&Path> = problems.iter().map(|p| p.path.as_path()).collect();
    files.sort();
    files.dedup();
    let within = match files.as_slice() {
        [one] => one.file_name().map_or_else(
            || one.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        many => count(many.len(), "file"),
    };
    let events = match events {
        0 => String::new(),
        n => format!(", {} left out", count(n, "event")),
    };
    Some(format!(
        "showing what loads{events}: {} in {}; `annals check {}` lists {}",
        count(problems.len(), "problem"),
        sanitize_line(&within),
        sanitize_line(&path.display().to_string()),
        if problems.len() == 1 { "it" } else { "them" }
    ))
}
