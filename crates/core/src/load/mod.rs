//! Loading a data folder (`timeline.toml` and the articles) into a checked
//! [`Timeline`], collecting every problem rather than stopping at the first.
//!
//! Files are read by [`read_with`] (or come from memory, as the bundled story
//! does) and interpreted by [`load_owned`]: the articles first ([`articles`]:
//! files with optional front matter, or JSON Lines), then the events of
//! `timeline.toml`, whose relative dates are resolved last.

mod dateline;
mod doc;
mod files;
mod jsonl;
mod resolve;
mod source_file;
mod timeline_file;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::problem::{Position, Problem, Problems};
use crate::source::{self, FenceError, Source};
use crate::timeline::Timeline;

pub use files::{ARTICLE_EXTENSIONS, io_reason, read_dir, read_file, read_with};
pub use source_file::is_byline;
pub use timeline_file::{Header, HeaderKind, headers};

/// A file of a data folder, read into memory.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// The path shown in messages.
    pub path: PathBuf,
    /// The raw contents.
    pub bytes: Vec<u8>,
    /// The day the file was last saved, if known: what a dateline without a
    /// year ("WASHINGTON, Feb. 29 (Reuters)") is read against.
    pub saved: Option<NaiveDate>,
}

impl DataFile {
    /// A file in memory, with no known date.
    pub fn new(path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> DataFile {
        DataFile {
            path: path.into(),
            bytes: bytes.into(),
            saved: None,
        }
    }
}

/// The files of a data folder.
#[derive(Debug, Clone, Default)]
pub struct DataFiles {
    /// The folder, as shown in messages.
    pub dir: PathBuf,
    /// `timeline.toml`, if present and readable.
    pub timeline: Option<DataFile>,
    /// The article files (`.txt`, `.md`, `.jsonl`) of `sources/`, or of the
    /// folder itself when it has no `sources/`, sorted by name; `None` if
    /// the folder could not be listed.
    pub sources: Option<Vec<DataFile>>,
    /// Files that look like part of the data but could not be read, and why.
    pub skipped: Problems,
    /// Files of the folder that are not articles annals reads (a `.pdf`, a
    /// `.docx`, a saved web page), sorted by name: named, never read.
    pub ignored: Vec<PathBuf>,
}

impl DataFiles {
    /// Whether the folder has no `timeline.toml` at all (as opposed to one
    /// that could not be read): a folder of articles to draft.
    pub fn needs_draft(&self) -> bool {
        let path = self.dir.join("timeline.toml");
        self.timeline.is_none() && !self.skipped.mentions(&path)
    }

    /// The files annals does not read, in one line with what to do
    /// ("skipped 2 files annals does not read (.docx, .pdf): …"), if any.
    pub fn ignored_note(&self) -> Option<String> {
        ignored_note(&self.ignored)
    }
}

/// Files annals does not read, in one line with what to do, if there are any.
pub fn ignored_note(ignored: &[PathBuf]) -> Option<String> {
    if ignored.is_empty() {
        return None;
    }
    let n = ignored.len();
    Some(format!(
        "skipped {n} file{} annals does not read ({}): {}",
        if n == 1 { "" } else { "s" },
        ignored_kinds(ignored),
        IGNORED_HELP
    ))
}

/// What to do with files annals does not read.
const IGNORED_HELP: &str = "save each article as .txt or .md (a PDF with `pdftotext`, a document \
                            or a web page with \"Save as plain text\")";

/// The extensions of `paths`, each once, in order: ".docx, .pdf, no extension".
fn ignored_kinds(paths: &[PathBuf]) -> String {
    let mut kinds: Vec<String> = paths
        .iter()
        .map(|p| match p.extension() {
            Some(x) => format!(".{}", x.to_string_lossy().to_lowercase()),
            None => "no extension".to_string(),
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    crate::text::sanitize_line(&kinds.join(", ")).into_owned()
}

/// How to read articles.
#[derive(Debug, Clone)]
pub struct Options {
    /// The largest file read, in bytes.
    pub max_file_size: u64,
    /// The publication date of articles that give none (no front matter, no dateline).
    pub published: Option<NaiveDate>,
}

/// 64 MB: far above any article, far below what would exhaust memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1_000_000;

impl Default for Options {
    fn default() -> Self {
        Options {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            published: None,
        }
    }
}

/// Loads the data folder at `dir`.
pub fn load(dir: &Path) -> Result<Timeline, Problems> {
    read_dir(dir).and_then(load_owned)
}

/// Builds a timeline from files already in memory.
pub fn load_files(files: &DataFiles) -> Result<Timeline, Problems> {
    load_owned(files.clone())
}

/// Builds a timeline from files already in memory, keeping their bytes as the
/// articles' text rather than copying them.
pub fn load_owned(files: DataFiles) -> Result<Timeline, Problems> {
    load_with(files, &Options::default())
}

/// Reads the articles of a data folder's files, for drafting: the sources
/// that could be read (sorted by id, ids made unique) and the problems of the
/// others, skipped files included.
pub fn articles(files: DataFiles, options: &Options) -> (Vec<Source>, Problems) {
    use rayon::prelude::*;
    let mut problems = files.skipped;
    // Articles are read on every core, and kept in the order of the files.
    let read: Vec<(Vec<Source>, Problems)> = files
        .sources
        .unwrap_or_default()
        .into_par_iter()
        .map(|file| {
            let (mut sources, mut problems) = (Vec::new(), Problems::new());
            read_article_file(file, options, &mut sources, &mut problems);
            (sources, problems)
        })
        .collect();
    let mut sources = Vec::with_capacity(read.len());
    for (read, found) in read {
        sources.extend(read);
        for p in found {
            problems.push(p);
        }
    }
    unique_ids(&mut sources, &mut problems);
    problems.sort();
    (sources, problems)
}

fn read_article_file(
    file: DataFile,
    options: &Options,
    sources: &mut Vec<Source>,
    problems: &mut Problems,
) {
    let is_jsonl = file
        .path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("jsonl"));
    if is_jsonl {
        sources.extend(jsonl::parse(file, options, problems));
    } else if let Some(source) = source_file::parse(file, options, problems) {
        sources.push(source);
    }
}

/// Sorts sources by id and makes ids unique. Articles of one JSON Lines file
/// that share an id are told apart by order: a second `x` becomes `x-2`, or
/// the next number no other source already has. Two *files* that claim one
/// id (`sun.txt` and `sun.md`) are a problem, never a silent rename: a file
/// added later would otherwise take the id, and the quotes, of one already
/// cited. The first (by path) keeps the id; the others are not read.
fn unique_ids(sources: &mut Vec<Source>, problems: &mut Problems) {
    sources.sort_by(|a, b| by_id(a, b).then_with(|| a.path.cmp(&b.path)));
    let mut owner: Option<(String, PathBuf)> = None;
    sources.retain(|s| {
        match &owner {
            Some((id, path)) if *id == s.id && *path != s.path => {
                let jsonl = s
                    .path
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("jsonl"));
                let at = if jsonl {
                    Position {
                        line: s.body_line,
                        column: 1,
                    }
                } else {
                    Position::START
                };
                problems.push(
                    Problem::new(
                        &s.path,
                        at,
                        format!(
                            "the source id `{}` is already that of {}",
                            s.id,
                            path.display()
                        ),
                    )
                    .with_help(
                        "rename one of the files, or give one an `id` (front matter, or the JSON \
                         object's \"id\"); until then this article is not read",
                    ),
                );
                return false;
            }
            Some((id, _)) if *id == s.id => {}
            _ => owner = Some((s.id.clone(), s.path.clone())),
        }
        true
    });
    let mut taken: HashSet<String> = sources.iter().map(|s| s.id.clone()).collect();
    // The next number to try for each id that repeats.
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut previous: Option<String> = None;
    for s in sources.iter_mut() {
        let repeat = previous.as_deref() == Some(s.id.as_str());
        previous = Some(s.id.clone());
        if repeat {
            let n = next.entry(s.id.clone()).or_insert(2);
            while taken.contains(&format!("{}-{n}", s.id)) {
                *n += 1;
            }
            s.id = format!("{}-{n}", s.id);
            *n += 1;
            taken.insert(s.id.clone());
        }
    }
    sources.sort_by(by_id);
}

/// The order of a story's sources: by id, numbers in ids as numbers
/// (`2-wire` before `10-wire`), as the explorer and `print` number them.
pub fn by_id(a: &Source, b: &Source) -> std::cmp::Ordering {
    crate::text::natural_cmp(&a.id, &b.id)
}

/// Builds a timeline from files already in memory, reading articles with
/// `options`: strictly, as `annals check` does, so any problem is an error.
pub fn load_with(files: DataFiles, options: &Options) -> Result<Timeline, Problems> {
    match build(files, options) {
        Ok((timeline, problems, _)) if problems.is_empty() => Ok(timeline),
        Ok((_, problems, _)) | Err(problems) => Err(problems),
    }
}

/// A data folder as a reader is shown it: the timeline of what loads, and
/// every problem of what does not.
#[derive(Debug)]
pub struct Partial {
    /// What loaded: the articles that could be read, and the events with
    /// evidence in them.
    pub timeline: Timeline,
    /// Every problem, as [`load_with`] reports them; empty if all loaded.
    pub problems: Problems,
    /// Events left out because none of their evidence could be shown (it
    /// cites articles that could not be read, or quotes not found).
    pub events_left_out: usize,
    /// The source ids of the article files that could not be read at all:
    /// evidence citing them is not shown, and not reported as citing an
    /// unknown source.
    pub unread: HashSet<String>,
}

/// Builds a timeline from what loads, for showing rather than checking: an
/// article that cannot be read (undated, a bad JSON Lines line) or an event
/// with a problem does not stop the rest. Events left with no evidence are
/// left out, as are articles that could not be read; the problems say what.
/// It fails only when there is no timeline to show at all (no `timeline.toml`,
/// or one whose title cannot be read).
pub fn load_partial(files: DataFiles, options: &Options) -> Result<Partial, Problems> {
    let mut partial = load_every_event(files, options)?;
    let before = partial.timeline.events.len();
    if !partial.problems.is_empty() {
        partial.timeline.events.retain(|e| !e.passages().is_empty());
    }
    partial.events_left_out = before - partial.timeline.events.len();
    Ok(partial)
}

/// Like [`load_partial`], but every event of `timeline.toml` that loads is
/// kept, even one whose evidence all cites articles that could not be read
/// (it has no passages): for a program that rewrites the file, such as a
/// draft made again, which must keep those events as they are.
pub fn load_every_event(files: DataFiles, options: &Options) -> Result<Partial, Problems> {
    let (timeline, problems, unread) = build(files, options)?;
    Ok(Partial {
        timeline,
        problems,
        events_left_out: 0,
        unread,
    })
}

/// The timeline as far as it could be built, every problem found, and the
/// ids of the article files that could not be read; an error when there is
/// no timeline to build.
fn build(
    files: DataFiles,
    options: &Options,
) -> Result<(Timeline, Problems, HashSet<String>), Problems> {
    let mut problems = Problems::new();
    let no_sources = files.sources.as_ref().is_none_or(Vec::is_empty);
    if files.timeline.is_none()
        && no_sources
        && files.skipped.is_empty()
        && !files.ignored.is_empty()
    {
        let n = files.ignored.len();
        let names: Vec<String> = files
            .ignored
            .iter()
            .take(3)
            .filter_map(|p| p.file_name())
            .map(|n| crate::text::sanitize_line(&n.to_string_lossy()).into_owned())
            .collect();
        let more = if n > names.len() {
            format!(" and {} more", n - names.len())
        } else {
            String::new()
        };
        problems.push(
            Problem::new(
                &files.dir,
                Position::START,
                format!(
                    "no article annals can read here: {n} file{} skipped ({}): {}{more}",
                    if n == 1 { "" } else { "s" },
                    ignored_kinds(&files.ignored),
                    names.join(", ")
                ),
            )
            .with_help(format!("{IGNORED_HELP}, then run annals again")),
        );
        return Err(problems);
    }
    if files.timeline.is_none() && no_sources && files.skipped.is_empty() {
        problems.push(
            Problem::new(
                &files.dir,
                Position::START,
                "empty data folder: no timeline.toml and no articles",
            )
            .with_help(
                "put the articles here or in sources/ (.txt, .md or .jsonl), then `annals draft` \
                 writes timeline.toml;\nsee the README's \"Data format\" section",
            ),
        );
        return Err(problems);
    }
    let timeline_path = files.dir.join("timeline.toml");
    let needs_draft = files.needs_draft();
    let mut files = files;
    let timeline_file = files.timeline.take();
    let dir = files.dir.clone();
    let article_paths: Vec<PathBuf> = files
        .sources
        .iter()
        .flatten()
        .map(|f| f.path.clone())
        .collect();
    let listed = files.sources.is_some();
    let (sources, article_problems) = articles(files, options);
    for p in article_problems {
        problems.push(p);
    }
    if listed && article_paths.is_empty() {
        problems.push(
            Problem::new(&dir, Position::START, "no articles in the data folder")
                .with_help("put each article in sources/ (or beside timeline.toml) as a .txt, .md or .jsonl file"),
        );
    }
    // The ids of articles that failed to load: evidence citing them is not
    // reported again as citing an unknown source.
    let loaded: HashSet<&Path> = sources.iter().map(|s| s.path.as_path()).collect();
    let broken: HashSet<String> = article_paths
        .iter()
        .filter(|p| !loaded.contains(p.as_path()))
        .map(|p| source_file::id_from_path(p))
        .collect();
    let timeline = match timeline_file {
        None if needs_draft => {
            problems.push(
                Problem::new(timeline_path, Position::START, "timeline.toml is missing")
                    .with_help("write one with `annals draft`, or by hand with a title and [[events]]; see the README"),
            );
            None
        }
        None => None,
        Some(file) => timeline_file::parse(file, sources, &broken, &mut problems),
    };
    problems.sort();
    match timeline {
        Some(t) => Ok((t, problems, broken)),
        None => Err(problems),
    }
}

/// Reads `timeline.toml` against articles already read (as [`articles`]
/// returns them), so that a timeline is checked without reading the
/// articles again.
pub fn timeline_with(file: DataFile, sources: Vec<Source>) -> Result<Timeline, Problems> {
    timeline_without(file, sources, &HashSet::new())
}

/// Like [`timeline_with`], where the articles of the source ids `unread`
/// could not be read ([`Partial::unread`]): evidence citing them is left
/// out without a problem.
pub fn timeline_without(
    file: DataFile,
    sources: Vec<Source>,
    unread: &HashSet<String>,
) -> Result<Timeline, Problems> {
    let mut problems = Problems::new();
    let timeline = timeline_file::parse(file, sources, unread, &mut problems);
    problems.sort();
    match timeline {
        Some(t) if problems.is_empty() => Ok(t),
        _ => Err(problems),
    }
}

/// An article read on its own, for tagging: a source file with front matter,
/// or plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The text to tag: the body after the front matter, or the whole file.
    pub body: String,
    /// The publication date from the front matter, if there is one.
    pub published: Option<NaiveDate>,
    /// The 1-based line of the file on which `body` starts.
    pub body_line: usize,
}

/// Reads one article. A file that starts with a `+++` line must have valid
/// front matter (its problems are reported as for a data folder); any other
/// UTF-8 file is taken whole as plain text.
pub fn read_article(file: DataFile) -> Result<Article, Problems> {
    let mut problems = Problems::new();
    let missing = match utf8(&file, &mut problems) {
        Some(text) => source::split(text) == Err(FenceError::Missing),
        None => return Err(problems),
    };
    if missing {
        let body = String::from_utf8(file.bytes).unwrap_or_default();
        return Ok(Article {
            body,
            published: None,
            body_line: 1,
        });
    }
    // An article whose front matter gives no date is still read: the caller
    // has one.
    match source_file::read(file, &Options::default(), &mut problems) {
        Some(read) => Ok(Article {
            body: read.body,
            published: read.published,
            body_line: read.body_line,
        }),
        None => Err(problems),
    }
}

/// Decodes a file as UTF-8, reporting where it is not.
fn utf8<'a>(file: &'a DataFile, problems: &mut Problems) -> Option<&'a str> {
    std::str::from_utf8(&file.bytes)
        .map_err(|e| problems.push(not_utf8(&file.path, &file.bytes, e)))
        .ok()
}

/// Where a file stops being UTF-8, and what to do.
fn not_utf8(path: &Path, bytes: &[u8], error: std::str::Utf8Error) -> Problem {
    let good = error.valid_up_to();
    let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
    Problem::new(
        path,
        Position::of_offset(prefix, good),
        format!(
            "not UTF-8: byte 0x{:02X} is not valid UTF-8 text",
            bytes[good]
        ),
    )
    .with_help("save the file as UTF-8 (most editors offer this under \"Save with encoding\")")
}

#[cfg(test)]
mod tests;
