//! `annals draft`: a timeline.toml drafted from a folder (or .jsonl file) of
//! articles nobody annotated, merged into the one already there, if any,
//! without losing a word a person wrote.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use annals_core::load::{self, DataFiles, Options};
use annals_core::save::SaveError;
use annals_core::text::sanitize_line;
use annals_core::{Problems, Timeline};
use annals_draft::{Hooks, Options as DraftOptions, Outcome, Output, RedraftError, Request};
use annals_tagger::Tagger;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::DraftArgs;
use crate::failure::{Failure, with_problems};
use crate::output;

/// Where drafting work over this long shows progress, on a terminal.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// The articles of `files` drafted, with the problems of those that could not
/// be read, for a draft shown in memory.
pub fn draft(
    files: DataFiles,
    options: &Options,
    draft_options: &DraftOptions,
) -> (Timeline, Problems) {
    let (sources, problems) = load::articles(files, options);
    let timeline = with_progress(|progress| {
        annals_draft::draft_with_progress(sources, &Tagger::new(), draft_options, progress)
    });
    (timeline, problems)
}

/// Runs `work`, giving it a progress callback: on a terminal, drafting that
/// is still running after a second shows a progress bar on stderr (through
/// every stage, merging included), cleared when it ends; in a pipe, none.
fn with_progress<T>(work: impl FnOnce(&(dyn Fn(usize, usize) + Sync)) -> T) -> T {
    let bar = ProgressBar::hidden();
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} articles, {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("drafting: reading");
    let terminal = std::io::stderr().is_terminal();
    let (finished, finished_in_time) = mpsc::channel::<()>();
    let result = std::thread::scope(|scope| {
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
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            if done == total {
                bar.set_message("drafting: merging");
            }
        };
        let result = work(&progress);
        // The timer may be gone already (not a terminal): nothing to tell it.
        let _ = finished.send(());
        result
    });
    bar.finish_and_clear();
    result
}

/// How to save a timeline drafted in memory from `path`.
pub fn save_hint(path: &Path) -> String {
    format!(
        "a draft, not saved: `annals draft {}` writes timeline.toml",
        sanitize_line(&path.display().to_string())
    )
}

/// Runs `annals draft` on `path`, the one data path of the command line:
/// the library's [`annals_draft::redraft`], with a progress bar on a
/// terminal and the outcome told on stderr.
pub fn run(args: &DraftArgs, path: Option<&Path>, options: &Options) -> Result<(), Failure> {
    let Some(path) = path else {
        return Err(Failure::Usage(
            "give the articles to draft: `annals draft PATH` (a folder or a .jsonl file)".into(),
        ));
    };
    let request = Request {
        path,
        output: match args.output.as_deref() {
            None => Output::Folder,
            Some(p) if p.as_os_str() == "-" => Output::Stdout,
            Some(p) => Output::File(p.to_path_buf()),
        },
        read: options.clone(),
        draft: DraftOptions {
            about: args.about.clone(),
            since: args.since.as_ref().map(|w| w.start),
            until: args.until.as_ref().map(|w| w.end),
            title: args.title.clone(),
            events: args.events,
        },
    };
    let waiting = |holder: &str| {
        output::eprintln_safe(&format!(
            "waiting: another draft of this folder is running ({holder})"
        ));
    };
    let outcome = with_progress(|progress| {
        annals_draft::redraft(
            &request,
            &Hooks {
                progress,
                waiting: &waiting,
            },
        )
    })
    .map_err(|e| failure(e, args))?;
    if let Some(note) = load::ignored_note(&outcome.ignored) {
        output::eprintln_safe(&format!("note: {note}"));
    }
    for w in &outcome.weighed_out {
        output::eprintln_safe(&weighed_out_note(w));
    }
    let written = match &outcome.written {
        None => output::stdout(|out| out.write_all(outcome.text.as_bytes())),
        Some(file) => {
            let file = sanitize_line(&file.display().to_string()).into_owned();
            output::eprintln_safe(&report(&outcome, &file, args.output.is_none()));
            Ok(())
        }
    };
    // Articles that could not be read: the others were drafted.
    with_problems(written, outcome.problems)
}

/// A draft that wrote nothing, as a failure of the command.
fn failure(e: RedraftError, args: &DraftArgs) -> Failure {
    if let RedraftError::NothingToDraft {
        problems, articles, ..
    } = &e
        && let Some(window) = window(args)
    {
        // The filter left nothing: say so, rather than that nothing happened.
        let note = format!(
            "no event {window}: the {articles} article{} tell of no dated happening then; \
             widen or leave out --since / --until",
            if *articles == 1 { "" } else { "s" }
        );
        return Failure::data_with(problems.clone(), note);
    }
    match e {
        RedraftError::Save(SaveError::Io(path, error)) | RedraftError::Lock(path, error) => {
            Failure::Io {
                path: Some(path),
                error,
            }
        }
        other => {
            let note = other.note();
            match other.into_problems() {
                Some(problems) => match note {
                    Some(note) => Failure::data_with(problems, note),
                    None => Failure::data(problems),
                },
                None => Failure::data_with(Problems::new(), note.unwrap_or_default()),
            }
        }
    }
}

/// What drafting did with an article too densely dated to weigh every
/// dated sentence of.
fn weighed_out_note(w: &annals_draft::WeighedOut) -> String {
    format!(
        "note: {} is dated more densely than a draft weighs: {} of its {} dates, \
         those that say least that something happened then, were left out as it \
         was read (an article keeps at least {})",
        sanitize_line(&w.source),
        thousands(w.left_out),
        thousands(w.of),
        thousands(annals_draft::MOST_MENTIONS),
    )
}

/// `n` with its thousands apart: 20,000.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The --since / --until window, in words ("after 2011-01-01"), if any.
fn window(args: &DraftArgs) -> Option<String> {
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    match (&args.since, &args.until) {
        (Some(s), Some(u)) => Some(format!("between {} and {}", day(s.start), day(u.end))),
        (Some(s), None) => Some(format!("on or after {}", day(s.start))),
        (None, Some(u)) => Some(format!("on or before {}", day(u.end))),
        (None, None) => None,
    }
}

/// What a draft did, in a sentence: only what happened, each count with
/// its noun ("1 event", "2 events"), and "nothing changed" when the file is
/// as it was.
fn report(outcome: &Outcome, file: &str, in_place: bool) -> String {
    use crate::open::count;
    let c = &outcome.counts;
    let articles = count(outcome.articles, "article");
    let not_read = match outcome.problems.len() {
        0 => String::new(),
        n => format!(
            "; what could not be read is left out ({}, below)",
            count(n, "problem")
        ),
    };
    let less_salient = |n: usize| count(n, "less salient happening");
    if !outcome.merged {
        let left_out = match outcome.left_out {
            0 => String::new(),
            n => format!(" ({} left out: --events N keeps more)", less_salient(n)),
        };
        return format!(
            "drafted {} from {articles}{left_out} → {file}{not_read}",
            count(c.added, "event")
        );
    }
    let mut left_out = Vec::new();
    if c.already_told > 0 {
        left_out.push(format!("{} already told by kept events", c.already_told));
    }
    if c.deleted > 0 {
        left_out.push(format!("{} you deleted", c.deleted));
    }
    if outcome.left_out > 0 {
        left_out.push(less_salient(outcome.left_out));
    }
    let left_out = match left_out.is_empty() {
        true => String::new(),
        false => format!("; left out {}", left_out.join(" and ")),
    };
    if !outcome.changed {
        let what = match in_place {
            true => format!("nothing changed in {file}"),
            false => format!("nothing changed (→ {file})"),
        };
        return format!(
            "{what}: drafted again from {articles}, the same {}{left_out}{not_read}",
            count(c.events(), "event")
        );
    }
    let mut parts = Vec::new();
    if c.added > 0 {
        parts.push(format!("added {}", count(c.added, "event")));
    }
    if c.updated > 0 {
        parts.push(format!("updated {}", count(c.updated, "drafted event")));
    }
    if c.dropped > 0 {
        parts.push(format!("removed {} the draft no longer finds", c.dropped));
    }
    if outcome.retitled {
        parts.insert(0, "a new title".to_string());
    } else if parts.is_empty() {
        parts.push("no event changed (the [draft] record did)".to_string());
    }
    if c.kept > 0 {
        let events = count(c.kept, "event");
        parts.push(format!("kept {events} written or edited by hand"));
    }
    if c.unread > 0 {
        let events = count(c.unread, "event");
        parts.push(format!(
            "kept {events} quoting articles not read, as they are"
        ));
    }
    if c.unchanged > 0 {
        parts.push(format!("{} unchanged", c.unchanged));
    }
    format!(
        "drafted again from {articles}: {}{left_out} → {file}{not_read}",
        parts.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weighed_out_article_is_named_with_its_counts() {
        let w = annals_draft::WeighedOut {
            source: "line\u{1b}[2J".into(),
            left_out: 933_670,
            of: 967_834,
        };
        assert_eq!(
            weighed_out_note(&w),
            "note: line␛[2J is dated more densely than a draft weighs: 933,670 of its \
             967,834 dates, those that say least that something happened then, were left \
             out as it was read (an article keeps at least 20,000)"
        );
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
