//! `annals draft`: a timeline.toml drafted from a folder (or .jsonl file) of
//! articles nobody annotated, merged into the one already there, if any,
//! without losing a word a person wrote.

use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use annals_core::load::{self, DataFiles, Options};
use annals_core::text::sanitize_line;
use annals_core::{Problems, Timeline};
use annals_draft::Options as DraftOptions;
use annals_tagger::Tagger;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::DraftArgs;
use crate::failure::{Failure, with_problems};
use crate::output;

/// Where drafting work over this long shows progress, on a terminal.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// The articles of `files` drafted, with the problems of those that could not
/// be read. On a terminal, drafting that is still running after a second
/// shows a progress bar on stderr (through every stage, merging included),
/// cleared when it ends; in a pipe, none.
pub fn draft(
    files: DataFiles,
    options: &Options,
    draft_options: &DraftOptions,
) -> (Timeline, Problems) {
    let (sources, problems) = load::articles(files, options);
    let bar = ProgressBar::hidden();
    bar.set_length(sources.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} articles, {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("drafting: reading");
    let terminal = std::io::stderr().is_terminal();
    let (finished, finished_in_time) = mpsc::channel::<()>();
    let timeline = std::thread::scope(|scope| {
        if terminal {
            let bar = &bar;
            scope.spawn(move || {
                if finished_in_time.recv_timeout(PROGRESS_AFTER) == Err(RecvTimeoutError::Timeout) {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(200));
                }
            });
        }
        let progress = |done: usize, total: usize| {
            bar.set_position(done as u64);
            if done == total {
                bar.set_message("drafting: merging");
            }
        };
        let timeline =
            annals_draft::draft_with_progress(sources, &Tagger::new(), draft_options, &progress);
        // The timer may be gone already (not a terminal): nothing to tell it.
        let _ = finished.send(());
        timeline
    });
    bar.finish_and_clear();
    (timeline, problems)
}

/// How to save a timeline drafted in memory from `path`.
pub fn save_hint(path: &Path) -> String {
    format!(
        "a draft, not saved: `annals draft {}` writes timeline.toml",
        sanitize_line(&path.display().to_string())
    )
}

/// Where the draft of `path` goes by default: the folder's timeline.toml
/// (beside a .jsonl file given alone).
fn default_output(files: &DataFiles) -> PathBuf {
    files.dir.join("timeline.toml")
}

/// Runs `annals draft` on `path`, the one data path of the command line.
pub fn run(args: &DraftArgs, path: Option<&Path>, options: &Options) -> Result<(), Failure> {
    let Some(path) = path else {
        return Err(Failure::Usage(
            "give the articles to draft: `annals draft PATH` (a folder or a .jsonl file)".into(),
        ));
    };
    let mut files = load::read_with(path, options).map_err(Failure::data)?;
    let timeline_path = files.dir.join("timeline.toml");
    if !files.needs_draft() && files.timeline.is_none() {
        // There is a timeline.toml, but it cannot be read: never write over it.
        let mut problems = Problems::new();
        for p in files.skipped.iter().filter(|p| p.path == timeline_path) {
            problems.push(p.clone());
        }
        return Err(Failure::data(problems));
    }
    let existing = match files.timeline.take() {
        None => None,
        Some(file) => {
            let text = String::from_utf8(file.bytes.clone()).unwrap_or_default();
            let mut with_timeline = files.clone();
            with_timeline.timeline = Some(file);
            let timeline = load::load_with(with_timeline, options).map_err(|problems| {
                Failure::data_with(
                    problems,
                    "timeline.toml has problems; fix them (`annals check`) before drafting again, so nothing in it is lost",
                )
            })?;
            Some((text, timeline))
        }
    };
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&files));
    let draft_options = DraftOptions {
        about: args.about.clone(),
        since: args.since,
        until: args.until,
        title: None,
    };
    let read = files.sources.as_ref().map_or(0, Vec::len);
    let (drafted, problems) = draft(files.clone(), options, &draft_options);
    if drafted.sources.is_empty() {
        let note = format!(
            "no article could be read from {} ({read} files found)",
            path.display()
        );
        return Err(Failure::data_with(problems, note));
    }
    if drafted.events.is_empty() {
        let note = format!(
            "nothing to draft: no dated happening found in {} articles{}",
            drafted.sources.len(),
            if args.about.is_empty() {
                String::new()
            } else {
                format!(" about {}", args.about.join(", "))
            }
        );
        return Err(Failure::data_with(problems, note));
    }
    let articles = drafted.sources.len();
    let events = drafted.events.len();
    let (text, report) = match &existing {
        None => (
            annals_core::write::to_toml(&drafted),
            format!("drafted {events} events from {articles} articles"),
        ),
        Some((text, timeline)) => {
            let m = annals_draft::merge(text, timeline, drafted)
                .map_err(|e| Failure::data_with(Problems::new(), format!("timeline.toml: {e}")))?;
            let report = format!(
                "drafted again from {articles} articles: kept {} events written or edited by hand, \
                 replaced {} drafted ones, added {} ({} already told by kept events)",
                m.kept, m.replaced, m.added, m.already_told
            );
            (m.text, report)
        }
    };
    // What is written must load, or it is not written. Articles that could
    // not be read were reported already; the timeline's own problems count.
    let mut check = files;
    check.timeline = Some(load::DataFile::new(&timeline_path, text.clone()));
    if let Err(all) = load::load_with(check, options) {
        let mut own = Problems::new();
        for p in all.into_iter().filter(|p| p.path == timeline_path) {
            own.push(p);
        }
        if !own.is_empty() {
            return Err(Failure::data_with(
                own,
                "the draft does not load; nothing was written (please report this)",
            ));
        }
    }
    let written = if target.as_os_str() == "-" {
        output::stdout(|out| out.write_all(text.as_bytes()))
    } else {
        write_atomically(&target, &text)
            .map(|()| {
                output::eprintln_safe(&format!(
                    "{report} → {}",
                    sanitize_line(&target.display().to_string())
                ))
            })
            .map_err(|error| Failure::Io {
                path: Some(target.clone()),
                error,
            })
    };
    // Articles that could not be read: the others were drafted.
    with_problems(written, problems)
}

/// Writes `text` to `path` through a temporary file in the same folder, so a
/// failure never leaves half a timeline behind.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.annals-tmp",
        path.file_name()
            .map_or("timeline.toml".into(), |n| n.to_string_lossy())
    ));
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}
