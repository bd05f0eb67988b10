//! All of `annals draft` as one function: read the folder once, guard what
//! is there, draft, merge into the timeline.toml a person may have edited,
//! verify that the result loads, and save it safely.
//!
//! Saving holds a lock on the folder from before timeline.toml is read until
//! it is replaced (a second draft waits, and is told who holds the lock),
//! and replaces the file only if it still holds what it held when the draft
//! began: an edit saved meanwhile is never overwritten.

use std::fmt;
use std::path::{Path, PathBuf};

use annals_core::Problems;
use annals_core::load::{self, DataFile};
use annals_core::save::{self, Before, FolderLock, SaveError, Target};
use annals_tagger::Tagger;

use crate::merge::{Counts, fresh, merge_with};
use crate::{Drafter, Options};

/// Where the draft goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// The folder's own `timeline.toml`, merged with what is there.
    Folder,
    /// Another file (or a pipe, a terminal): the folder's timeline.toml
    /// merged with the draft, written there.
    File(PathBuf),
    /// Not written: the text is returned, for standard output.
    Stdout,
}

/// What to draft, and where.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// A data folder, or a `.jsonl` file of articles.
    pub path: &'a Path,
    /// Where the result goes.
    pub output: Output,
    /// How to read articles.
    pub read: load::Options,
    /// What to draft.
    pub draft: Options,
}

/// What the caller is told while the draft runs.
pub struct Hooks<'a> {
    /// `(done, total)` as each article has been read.
    pub progress: &'a (dyn Fn(usize, usize) + Sync),
    /// Another process holds the folder's lock: who (as it wrote in the
    /// lock file). The draft waits for it.
    pub waiting: &'a dyn Fn(&str),
}

impl Default for Hooks<'_> {
    fn default() -> Self {
        Hooks {
            progress: &|_, _| {},
            waiting: &|_| {},
        }
    }
}

/// A draft done.
#[derive(Debug)]
pub struct Outcome {
    /// The text of timeline.toml as written (or to print, for [`Output::Stdout`]).
    pub text: String,
    /// The file written; `None` for standard output.
    pub written: Option<PathBuf>,
    /// Whether the draft was merged into a timeline.toml already there.
    pub merged: bool,
    /// Whether the text differs from the timeline.toml already there (always,
    /// for a first draft). The folder's own file is not rewritten when it
    /// would not change.
    pub changed: bool,
    /// Whether `--title` gave a timeline.toml already there a new title.
    pub retitled: bool,
    /// The articles drafted.
    pub articles: usize,
    /// What happened to the events, counted from the text written.
    pub counts: Counts,
    /// Happenings the length of the draft left out, as less salient than
    /// those kept ([`Options::events`]).
    pub left_out: usize,
    /// The articles so densely dated that dated sentences were weighed
    /// out as they were read, with how many (see [`crate::MOST_MENTIONS`]).
    pub weighed_out: Vec<crate::WeighedOut>,
    /// Articles that could not be read (the others were drafted; events
    /// already in timeline.toml that quote them are kept as they are).
    pub problems: Problems,
    /// Files of the folder annals does not read (a `.pdf`, a `.docx`).
    pub ignored: Vec<PathBuf>,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum RedraftError {
    /// The path cannot be read, or its timeline.toml cannot be: never
    /// written over.
    Unreadable(Problems),
    /// timeline.toml has problems: fixed first, so nothing in it is lost.
    TimelineProblems(Problems),
    /// No article could be read.
    NoArticles {
        /// The path given.
        path: PathBuf,
        /// How many article files were found.
        found: usize,
        /// Why each could not be read.
        problems: Problems,
    },
    /// The articles tell no dated happening.
    NothingToDraft {
        /// The articles read.
        articles: usize,
        /// The `--about` names, if any.
        about: Vec<String>,
        /// Articles that could not be read.
        problems: Problems,
    },
    /// What the draft would write does not load: a bug, reported as one.
    Invalid(Problems),
    /// The file could not be written, or changed while the draft ran.
    Save(SaveError),
    /// The folder could not be locked.
    Lock(PathBuf, std::io::Error),
}

impl RedraftError {
    /// The problems found, each with its place, if the failure has any.
    pub fn into_problems(self) -> Option<Problems> {
        match self {
            RedraftError::Unreadable(p)
            | RedraftError::TimelineProblems(p)
            | RedraftError::Invalid(p)
            | RedraftError::NoArticles { problems: p, .. }
            | RedraftError::NothingToDraft { problems: p, .. } => Some(p),
            RedraftError::Save(_) | RedraftError::Lock(..) => None,
        }
    }

    /// What is said after the problems, if anything.
    pub fn note(&self) -> Option<String> {
        Some(match self {
            RedraftError::Unreadable(_) => return None,
            RedraftError::TimelineProblems(_) => {
                "timeline.toml has problems; fix them (`annals check`) \
                 before drafting again, so nothing in it is lost"
                    .into()
            }
            RedraftError::NoArticles { path, found, .. } => format!(
                "no article could be read from {} ({found} files found)",
                path.display()
            ),
            RedraftError::NothingToDraft {
                articles, about, ..
            } => {
                let mut note = format!(
                    "nothing to draft: no dated happening found in {articles} article{}",
                    if *articles == 1 { "" } else { "s" }
                );
                if !about.is_empty() {
                    note.push_str(&format!(" about {}", about.join(", ")));
                }
                note
            }
            RedraftError::Invalid(_) => {
                "the draft does not load; nothing was written (please report this)".into()
            }
            RedraftError::Save(SaveError::Changed(path)) => format!(
                "{} was changed while drafting (saved by you or another program?); nothing was \
                 replaced: draft again to merge with what is there now",
                path.display()
            ),
            RedraftError::Save(e) => e.to_string(),
            RedraftError::Lock(dir, e) => format!(
                "cannot lock {} for drafting: {}",
                dir.display(),
                load::io_reason(e)
            ),
        })
    }
}

impl fmt::Display for RedraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problems = match self {
            RedraftError::Unreadable(p)
            | RedraftError::TimelineProblems(p)
            | RedraftError::Invalid(p)
            | RedraftError::NoArticles { problems: p, .. }
            | RedraftError::NothingToDraft { problems: p, .. } => Some(p),
            _ => None,
        };
        let problems = problems.filter(|p| !p.is_empty());
        if let Some(p) = problems {
            write!(f, "{p}")?;
        }
        match (self.note(), problems) {
            (Some(note), Some(_)) => write!(f, "\nerror: {note}"),
            (Some(note), None) => write!(f, "error: {note}"),
            (None, _) => Ok(()),
        }
    }
}

impl std::error::Error for RedraftError {}

/// The folder a path's articles and timeline.toml are in.
fn data_dir(path: &Path) -> PathBuf {
    if path.is_dir() {
        return path.to_path_buf();
    }
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Drafts the articles at `request.path` into its timeline.toml (or
/// elsewhere): see the module documentation in `redraft.rs`.
pub fn redraft(request: &Request<'_>, hooks: &Hooks<'_>) -> Result<Outcome, RedraftError> {
    let dir = data_dir(request.path);
    let timeline_path = dir.join("timeline.toml");
    let target = match &request.output {
        Output::Stdout => None,
        Output::Folder => Some(timeline_path.clone()),
        Output::File(path) => Some(path.clone()),
    };
    // A target that cannot be written (a folder named timeline.toml) is
    // reported once the folder is read, by the reader if it is the folder's.
    let unwritable = |e| RedraftError::Save(SaveError::Io(target.clone().unwrap_or_default(), e));
    let resolved = target.as_deref().map(Target::of).transpose();
    let (target, unwritable) = match resolved {
        Ok(t) => (t, None),
        Err(e) => (None, Some(unwritable(e))),
    };
    // Locked before anything is read, so a second draft reads the first's result.
    let folder = target
        .as_ref()
        .and_then(Target::folder)
        .filter(|d| d.is_dir());
    let _lock = match folder {
        Some(folder) => {
            let lock = FolderLock::acquire(folder, hooks.waiting)
                .map_err(|e| RedraftError::Lock(folder.to_path_buf(), e))?;
            if let Some(name) = target.as_ref().and_then(|t| t.path().file_name()) {
                save::remove_leftovers(folder, &name.to_string_lossy());
            }
            Some(lock)
        }
        None => None,
    };
    // What the target holds now, before the folder is read: what it must
    // still hold when it is replaced.
    let before = match &target {
        Some(Target::File(p) | Target::Linked(p)) => {
            Before::read(p).map_err(|e| RedraftError::Save(SaveError::Io(p.clone(), e)))?
        }
        _ => Before::Absent,
    };
    let mut files =
        load::read_with(request.path, &request.read).map_err(RedraftError::Unreadable)?;
    let timeline_path = files.dir.join("timeline.toml");
    if !files.needs_draft() && files.timeline.is_none() {
        // There is a timeline.toml, but it cannot be read: never write over it.
        let mut problems = Problems::new();
        for p in files.skipped.iter().filter(|p| p.path == timeline_path) {
            problems.push(p.clone());
        }
        return Err(RedraftError::Unreadable(problems));
    }
    if let Some(e) = unwritable {
        return Err(e);
    }
    let found = files.sources.as_ref().map_or(0, Vec::len);
    let ignored = files.ignored.clone();
    // Each article is read once: into the timeline already there, or on
    // its own for a first draft. An article that cannot be read is left out
    // of either, and said; a problem of timeline.toml itself stops the
    // draft, so that nothing in it is lost.
    let (existing, sources, problems, unread) = match files.timeline.take() {
        Some(file) => {
            let text = String::from_utf8(file.bytes.clone()).unwrap_or_default();
            files.timeline = Some(file);
            let partial = load::load_every_event(files, &request.read)
                .map_err(RedraftError::TimelineProblems)?;
            if partial.problems.mentions(&timeline_path) {
                return Err(RedraftError::TimelineProblems(partial.problems));
            }
            let mut timeline = partial.timeline;
            let sources = std::mem::take(&mut timeline.sources);
            (
                Some((text, timeline)),
                sources,
                partial.problems,
                partial.unread,
            )
        }
        None => {
            let (sources, problems) = load::articles(files, &request.read);
            (None, sources, problems, Default::default())
        }
    };
    if sources.is_empty() {
        return Err(RedraftError::NoArticles {
            path: request.path.to_path_buf(),
            found,
            problems,
        });
    }
    let articles = sources.len();
    let tagger = Tagger::new();
    let draft = Drafter::embedded(&tagger).run(sources, &request.draft, hooks.progress);
    let (mut drafted, left_out, weighed_out) = (draft.timeline, draft.left_out, draft.weighed_out);
    if drafted.events.is_empty() {
        return Err(RedraftError::NothingToDraft {
            articles,
            about: request.draft.about.clone(),
            problems,
        });
    }
    let merged_into_existing = existing.is_some();
    let mut unchanged = false;
    let mut retitled = false;
    let merged = match existing {
        None => fresh(&drafted),
        Some((text, timeline)) => {
            let merged = merge_with(&text, &timeline, &mut drafted, &unread).map_err(|e| {
                let mut p = Problems::new();
                p.push(annals_core::Problem::new(
                    &timeline_path,
                    annals_core::Position::START,
                    format!("TOML syntax: {e}"),
                ));
                RedraftError::TimelineProblems(p)
            })?;
            let mut merged = merged;
            if let Some(title) = &request.draft.title
                && let Some(new) = crate::merge::retitle(&merged.text, title)
            {
                retitled = new != merged.text;
                merged.text = new;
            }
            unchanged = merged.text == text;
            merged
        }
    };
    // What is written must load, with as many events as the counts say.
    let check = DataFile::new(&timeline_path, merged.text.clone());
    let verified = load::timeline_without(check, std::mem::take(&mut drafted.sources), &unread)
        .map_err(RedraftError::Invalid)?;
    if verified.events.len() != merged.counts.events() {
        let mut p = Problems::new();
        p.push(annals_core::Problem::new(
            &timeline_path,
            annals_core::Position::START,
            format!(
                "the draft has {} events where the merge counted {}",
                verified.events.len(),
                merged.counts.events()
            ),
        ));
        return Err(RedraftError::Invalid(p));
    }
    let written = match &target {
        None => None,
        // The folder's own file, as it is: not touched.
        Some(target) if unchanged && request.output == Output::Folder => {
            Some(target.path().to_path_buf())
        }
        Some(target) => {
            save::save(target, merged.text.as_bytes(), &before).map_err(RedraftError::Save)?;
            Some(target.path().to_path_buf())
        }
    };
    Ok(Outcome {
        text: merged.text,
        written,
        merged: merged_into_existing,
        changed: !unchanged,
        retitled,
        articles,
        counts: merged.counts,
        left_out,
        weighed_out,
        problems,
        ignored,
    })
}
