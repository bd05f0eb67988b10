//! The error type: what could not be read, and where.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Why gold files or predictions could not be read.
///
/// The messages name the file, as the Python scorer's `error:` lines do.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// A file is not valid UTF-8 (Python raises `UnicodeDecodeError`).
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the first invalid byte is.
        source: std::str::Utf8Error,
    },
    /// A gold directory holds no `.tml` (or `.TE3input`) files.
    NoGoldFiles {
        /// The directory.
        dir: PathBuf,
    },
    /// A TimeML file has no `<TEXT>...</TEXT>` element.
    NoText {
        /// The file.
        path: PathBuf,
    },
    /// A `</TIMEX3>` closes no open `<TIMEX3>`.
    UnbalancedClose {
        /// The file.
        path: PathBuf,
    },
    /// A `<TIMEX3>` is still open at `</TEXT>`.
    Unclosed {
        /// The file.
        path: PathBuf,
    },
    /// A prediction the Python scorer would stop on (it raises an exception):
    /// a `type` or a `value` that is neither a string nor JSON-false.
    Prediction {
        /// The predictions' file, or the document's name.
        origin: String,
        /// The line, counted from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A byte offset that is not on a character boundary of the text.
    NotCharBoundary {
        /// The offset.
        offset: usize,
        /// The text's length in bytes.
        len: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::NotUtf8 { path, source } => write!(f, "{}: not UTF-8: {source}", path.display()),
            Error::NoGoldFiles { dir } => write!(f, "no .tml files in {}", dir.display()),
            Error::NoText { path } => write!(f, "{}: no <TEXT> element", path.display()),
            Error::UnbalancedClose { path } => {
                write!(f, "{}: unbalanced </TIMEX3>", path.display())
            }
            Error::Unclosed { path } => write!(f, "{}: unclosed <TIMEX3>", path.display()),
            Error::Prediction {
                origin,
                line,
                message,
            } => write!(f, "{origin}:{line}: {message}"),
            Error::NotCharBoundary { offset, len } => write!(
                f,
                "byte offset {offset} is not on a UTF-8 character boundary of a text of {len} bytes"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::NotUtf8 { source, .. } => Some(source),
            _ => None,
        }
    }
}
