//! Reading a data folder's files from disk, without interpreting them, and
//! refusing what is not an article: only regular files are read, links are
//! followed only inside the data folder, sizes are bounded, and every file
//! that looks like an article but is skipped is reported.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate};
use rayon::prelude::*;

use super::{DataFile, DataFiles, Options};
use crate::problem::{Position, Problem, Problems};

/// The extensions of article files: plain text, Markdown, and JSON Lines of
/// many articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "jsonl"];

fn problem(path: &Path, message: impl Into<String>, help: &str) -> Problem {
    Problem::new(path, Position::START, message).with_help(help)
}

/// A file that could not be read, with why and what to check.
fn cannot_read(path: &Path, e: &io::Error, help: &str) -> Problem {
    problem(path, format!("cannot read: {}", io_reason(e)), help)
}

fn fail(path: &Path, message: String, help: &str) -> Problems {
    let mut problems = Problems::new();
    problems.push(problem(path, message, help));
    problems
}

/// Reads the files of a data folder (or of one JSON Lines file of articles)
/// without interpreting them, with the default [`Options`].
pub fn read_dir(dir: &Path) -> Result<DataFiles, Problems> {
    read_with(dir, &Options::default())
}

/// Reads the files a path names: a data folder (articles in `sources/` or
/// beside `timeline.toml`), or one `.jsonl` file of articles (with the
/// `timeline.toml` beside it, if there is one). Files that cannot be read are
/// reported in [`DataFiles::skipped`]; only a path that cannot be opened at
/// all is an error.
pub fn read_with(path: &Path, options: &Options) -> Result<DataFiles, Problems> {
    let here = "pass a data folder (timeline.toml and articles) or a .jsonl file of articles";
    let meta = fs::metadata(path).map_err(|e| {
        fail(
            path,
            format!("cannot open the data folder: {}", io_reason(&e)),
            here,
        )
    })?;
    let (dir, only) = if meta.is_dir() {
        (path.to_path_buf(), None)
    } else if meta.is_file() && has_extension(path, &["jsonl"]) {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        (dir, Some(path.to_path_buf()))
    } else if meta.is_file() {
        return Err(fail(path, "this is a file, not a data folder".into(), here));
    } else {
        return Err(fail(
            path,
            format!("this is {}, not a data folder", kind(&meta)),
            here,
        ));
    };
    let root = fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
    let mut skipped = Problems::new();
    let mut reader = Reader {
        root: &root,
        options,
        skipped: &mut skipped,
    };
    let timeline_path = dir.join("timeline.toml");
    let mut ignored = Vec::new();
    let timeline = match fs::symlink_metadata(&timeline_path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        _ => reader.read(timeline_path),
    };
    let sources = match only {
        Some(file) => reader.read(file).map(|f| vec![f]),
        None => {
            let sources_dir = dir.join("sources");
            let in_sources = fs::metadata(&sources_dir).is_ok_and(|m| m.is_dir());
            let from = if in_sources { &sources_dir } else { &dir };
            // `sources/` is a link like any other: followed only inside the
            // data folder, or every article in it would be read from outside.
            let listing = match fs::canonicalize(&sources_dir) {
                Ok(target) if in_sources && !target.starts_with(&root) => {
                    reader.skipped.push(outside_link(&sources_dir, &target));
                    Err(None)
                }
                _ => fs::read_dir(from).map_err(Some),
            };
            match listing {
                Ok(entries) => {
                    let (mut paths, others): (Vec<(PathBuf, bool)>, Vec<_>) = entries
                        .filter_map(Result::ok)
                        .map(|e| {
                            // The listing already says (on most file systems)
                            // which entries are plain files, sparing a lookup
                            // of each path before it is opened.
                            let plain = e.file_type().is_ok_and(|t| t.is_file());
                            (e.path(), plain)
                        })
                        .filter(|(p, _)| {
                            !p.file_name()
                                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                        })
                        .partition(|(p, _)| has_extension(p, ARTICLE_EXTENSIONS));
                    // Files of other kinds (a .pdf, a saved web page) are named,
                    // never passed over in silence; folders and the timeline are not articles.
                    ignored = others
                        .into_iter()
                        .filter(|(p, plain)| {
                            (*plain || fs::metadata(p).is_ok_and(|m| m.is_file()))
                                && p.file_name().is_none_or(|n| n != "timeline.toml")
                        })
                        .map(|(p, _)| p)
                        .collect();
                    ignored.sort_unstable();
                    // Byte order of the names, not the slower component-wise Path order.
                    paths.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
                    // Read on every core: ten thousand small files take
                    // as long to open as to read. Kept in the listing's order.
                    let read: Vec<Result<DataFile, Problem>> = paths
                        .into_par_iter()
                        .map(|(p, plain)| {
                            if plain {
                                reader.try_read_plain(&p)
                            } else {
                                reader.try_read(&p)
                            }
                        })
                        .collect();
                    let mut files = Vec::with_capacity(read.len());
                    for r in read {
                        match r {
                            Ok(file) => files.push(file),
                            Err(p) => reader.skipped.push(p),
                        }
                    }
                    Some(files)
                }
                Err(None) => None,
                Err(Some(e)) => {
                    skipped.push(problem(
                        from,
                        format!("cannot read the folder: {}", io_reason(&e)),
                        "check the folder's permissions",
                    ));
                    None
                }
            }
        }
    };
    Ok(DataFiles {
        dir,
        timeline,
        sources,
        skipped,
        ignored,
    })
}

/// Reads one file the user named (an article to tag): only a regular file,
/// no larger than the size limit. Links are followed wherever they point.
pub fn read_file(path: &Path, options: &Options) -> Result<DataFile, Problem> {
    let root = Path::new("/");
    let mut skipped = Problems::new();
    let reader = Reader {
        root,
        options,
        skipped: &mut skipped,
    };
    reader.try_read(path)
}

struct Reader<'a> {
    /// The data folder, with links resolved: links may point only inside it.
    root: &'a Path,
    options: &'a Options,
    skipped: &'a mut Problems,
}

impl Reader<'_> {
    /// Reads one file, or reports why not.
    fn read(&mut self, path: PathBuf) -> Option<DataFile> {
        match self.try_read(&path) {
            Ok(file) => Some(file),
            Err(p) => {
                self.skipped.push(p);
                None
            }
        }
    }

    /// Reads a file the folder's listing says is a regular file, not a
    /// link: its metadata is taken from the open file, which also catches one
    /// replaced by something else since the listing.
    fn try_read_plain(&self, path: &Path) -> Result<DataFile, Problem> {
        File::open(path)
            .map_err(|e| cannot_read(path, &e, "check the file's permissions"))
            .and_then(|file| self.read_open(path, file))
    }

    fn try_read(&self, path: &Path) -> Result<DataFile, Problem> {
        let link =
            fs::symlink_metadata(path).map_err(|e| cannot_read(path, &e, "check the file"))?;
        if link.file_type().is_symlink() {
            let target = fs::canonicalize(path).map_err(|_| {
                problem(
                    path,
                    "broken link: what it points to does not exist",
                    "remove the link or point it at an article",
                )
            })?;
            if !target.starts_with(self.root) {
                return Err(outside_link(path, &target));
            }
        }
        // Checked before opening: opening a FIFO would wait for a writer.
        let meta = fs::metadata(path).map_err(|e| cannot_read(path, &e, "check the file"))?;
        if !meta.is_file() {
            return Err(not_a_file(path, &meta));
        }
        let file =
            File::open(path).map_err(|e| cannot_read(path, &e, "check the file's permissions"))?;
        self.read_open(path, file)
    }

    /// Reads an opened file, if it is a regular file within the size limit;
    /// what it is and its size come from the open file itself.
    fn read_open(&self, path: &Path, file: File) -> Result<DataFile, Problem> {
        let meta = file
            .metadata()
            .map_err(|e| cannot_read(path, &e, "check the file"))?;
        if !meta.is_file() {
            return Err(not_a_file(path, &meta));
        }
        let limit = self.options.max_file_size;
        let too_big = |size: u64| {
            problem(
                path,
                format!(
                    "the file is {}, more than the limit of {}",
                    megabytes(size),
                    megabytes(limit)
                ),
                "pass --max-file-size with a larger size (in MB) to read it",
            )
        };
        if meta.len() > limit {
            return Err(too_big(meta.len()));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        file.take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| cannot_read(path, &e, "check the file's permissions"))?;
        // The file may have grown since its size was read.
        if bytes.len() as u64 > limit {
            return Err(too_big(bytes.len() as u64));
        }
        let saved = meta
            .modified()
            .ok()
            .map(|t| DateTime::<Local>::from(t).date_naive());
        Ok(DataFile {
            path: path.to_path_buf(),
            bytes,
            saved,
        })
    }
}

/// A link out of the data folder, which is never followed.
fn outside_link(path: &Path, target: &Path) -> Problem {
    problem(
        path,
        format!(
            "the link points outside the data folder, to {}",
            target.display()
        ),
        "links are followed only inside the data folder; copy the files in instead",
    )
}

/// Why a path that is not a regular file is not read.
fn not_a_file(path: &Path, meta: &Metadata) -> Problem {
    let help = if meta.is_dir() {
        "rename the folder, or move its articles up into the data folder"
    } else {
        "only regular files are read; save the article as a file"
    };
    problem(path, format!("this is {}, not a file", kind(meta)), help)
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.iter().any(|e| x.eq_ignore_ascii_case(e)))
}

/// What kind of thing a path is, for messages: "a folder", "a FIFO", ...
fn kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Why an I/O operation failed, in words a user can act on.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "it does not exist".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "it is a folder".into(),
        _ => {
            // The system's words, without the "(os error 28)" after them.
            let text = e.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_string(),
                None => text,
            }
        }
    }
}

/// Today, for a file whose date is not known.
pub(crate) fn today() -> NaiveDate {
    Local::now().date_naive()
}
