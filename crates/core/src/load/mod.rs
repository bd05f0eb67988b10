//! Loading a data folder (`timeline.toml` and `sources/*.txt`) into a checked
//! [`Timeline`], collecting every problem rather than stopping at the first.
//!
//! Files are read by [`read_dir`] (or come from memory, as the bundled story
//! does) and interpreted by [`load_files`]: sources first ([`source_file`]),
//! then the events of `timeline.toml` ([`timeline_file`]), whose relative
//! dates are resolved last ([`resolve`]).

mod doc;
mod files;
mod resolve;
mod source_file;
mod timeline_file;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::problem::{Position, Problem, Problems};
use crate::source::{self, FenceError};
use crate::timeline::Timeline;

pub use files::read_dir;

/// A file of a data folder, read into memory.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// The path shown in messages.
    pub path: PathBuf,
    /// The raw contents.
    pub bytes: Vec<u8>,
}

/// The files of a data folder.
#[derive(Debug, Clone, Default)]
pub struct DataFiles {
    /// The folder, as shown in messages.
    pub dir: PathBuf,
    /// `timeline.toml`, if present.
    pub timeline: Option<DataFile>,
    /// `sources/*.txt`, if the folder exists, sorted by name.
    pub sources: Option<Vec<DataFile>>,
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
    let mut problems = Problems::new();
    let no_sources = files.sources.as_ref().is_none_or(Vec::is_empty);
    if files.timeline.is_none() && no_sources {
        problems.push(
            Problem::new(
                &files.dir,
                Position::START,
                "empty data folder: no timeline.toml and no sources",
            )
            .with_help(
                "a data folder holds timeline.toml and sources/<id>.txt, one article a file;\n\
                     see the README's \"Data format\" section",
            ),
        );
        return Err(problems);
    }
    let mut sources = Vec::new();
    let mut broken = Vec::new();
    match files.sources {
        None => problems.push(
            Problem::new(
                files.dir.join("sources"),
                Position::START,
                "the sources folder is missing",
            )
            .with_help("create sources/ and put each article in it as <id>.txt"),
        ),
        Some(list) if list.is_empty() => problems.push(
            Problem::new(
                files.dir.join("sources"),
                Position::START,
                "no articles in the sources folder",
            )
            .with_help("put each article in sources/ as <id>.txt"),
        ),
        Some(list) => {
            for file in list {
                let path = file.path.clone();
                match source_file::parse(file, &mut problems, true) {
                    Some(source) => sources.push(source),
                    None => broken.push(path),
                }
            }
        }
    }
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    let timeline = match &files.timeline {
        None => {
            problems.push(
                Problem::new(
                    files.dir.join("timeline.toml"),
                    Position::START,
                    "timeline.toml is missing",
                )
                .with_help("create timeline.toml with a title and [[events]]; see the README"),
            );
            None
        }
        Some(file) => timeline_file::parse(file, sources, &broken, &mut problems),
    };
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
    match source_file::parse(file, &mut problems, false) {
        Some(source) => Ok(Article {
            body: source.body,
            published: Some(source.published),
            body_line: source.body_line,
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
