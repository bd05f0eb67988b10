//! Every way annals ends other than success, as one type: what went wrong,
//! how it is reported, and the exit code, decided here and nowhere else.
//!
//! | exit | failure |
//! | --- | --- |
//! | 0 | none, or standard output closed by its reader (`annals print \| head`) |
//! | 1 | [`Failure::Data`]: the data has problems (some may have been shown anyway) |
//! | 2 | [`Failure::Usage`], [`Failure::Cli`], [`Failure::Config`]: the command line or the config |
//! | 3 | [`Failure::Io`], [`Failure::Terminal`]: output could not be written, or the terminal failed |
//! | 70 | [`Failure::Bug`]: a built-in table cannot be read (`EX_SOFTWARE` of sysexits) |
//! | 71 | memory exhausted: the one way out not through [`Failure`], since reporting one allocates (`annals::memory`; `EX_OSERR` of sysexits) |

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use annals_core::Problems;
use annals_core::builtin::BrokenTable;
use annals_core::text::sanitize_line;

use crate::output;

/// Exit code for problems in the data.
pub const DATA: u8 = 1;
/// Exit code for a command line or config annals cannot act on, as clap uses.
pub const USAGE: u8 = 2;
/// Exit code for output that could not be written or a terminal that failed:
/// nothing wrong with the data or the command, something wrong around them.
pub const IO: u8 = 3;
/// Exit code for a bug in annals itself, as sysexits' `EX_SOFTWARE`.
pub const BUG: u8 = 70;

/// Why annals stopped short.
#[derive(Debug)]
pub enum Failure {
    /// clap could not read the command line; clap words the message.
    Cli(clap::Error),
    /// A command line annals cannot act on, in words (made safe for a
    /// terminal when reported).
    Usage(String),
    /// The explorer's config is broken: every mistake, with its place.
    Config(Problems),
    /// Problems in the data, each with its place, and perhaps a last word on
    /// what annals did about them ("nothing was written").
    Data {
        /// Every problem found.
        problems: Problems,
        /// Said after the problems, as an `error:` line.
        note: Option<String>,
    },
    /// Output could not be written.
    Io {
        /// The file written to; `None` for standard output.
        path: Option<PathBuf>,
        /// What the system said.
        error: io::Error,
    },
    /// The terminal could not be taken, drawn on or read from.
    Terminal(io::Error),
    /// A table built into annals cannot be read: a bug, found before the
    /// command started rather than worked around with an empty table.
    Bug(BrokenTable),
}

impl Failure {
    /// Problems in the data.
    pub fn data(problems: Problems) -> Failure {
        Failure::Data {
            problems,
            note: None,
        }
    }

    /// Problems in the data, then a last word about them.
    pub fn data_with(problems: Problems, note: impl Into<String>) -> Failure {
        Failure::Data {
            problems,
            note: Some(note.into()),
        }
    }

    /// Whether this is no failure at all: the reader of standard output has
    /// gone (`| head`), which ends a Unix filter quietly and successfully.
    fn is_closed_pipe(&self) -> bool {
        matches!(self, Failure::Io { path: None, error } if error.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The exit code.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self {
            _ if self.is_closed_pipe() => 0,
            Failure::Data { .. } => DATA,
            Failure::Cli(e) => u8::try_from(e.exit_code()).unwrap_or(USAGE),
            Failure::Usage(_) | Failure::Config(_) => USAGE,
            Failure::Io { .. } | Failure::Terminal(_) => IO,
            Failure::Bug(_) => BUG,
        })
    }

    /// Says what went wrong on standard error (clap's errors as clap prints
    /// them), and returns the exit code.
    pub fn report(&self) -> ExitCode {
        match self {
            _ if self.is_closed_pipe() => {}
            Failure::Cli(e) => {
                // Standard error gone: there is nowhere left to say it.
                let _ = e.print();
            }
            other => output::eprintln_safe(&other.to_string()),
        }
        self.exit_code()
    }
}

/// What a command that went on past some problems (articles that could not
/// be read while the others were drafted) comes to: the problems as the
/// failure, or said before the failure that stopped it.
pub fn with_problems<T>(result: Result<T, Failure>, problems: Problems) -> Result<T, Failure> {
    match result {
        Ok(_) if !problems.is_empty() => Err(Failure::data(problems)),
        Err(failure) if !problems.is_empty() => {
            Failure::data(problems).report();
            Err(failure)
        }
        other => other,
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Cli(e) => write!(f, "{e}"),
            Failure::Usage(message) => {
                let mut lines = message.lines();
                write!(f, "error: {}", sanitize_line(lines.next().unwrap_or("")))?;
                for line in lines {
                    write!(f, "\n{}", sanitize_line(line))?;
                }
                Ok(())
            }
            Failure::Config(problems) => write!(f, "{problems}"),
            Failure::Data { problems, note } => {
                if !problems.is_empty() {
                    write!(f, "{problems}")?;
                }
                match note {
                    Some(note) if problems.is_empty() => {
                        write!(f, "error: {}", sanitize_line(note))
                    }
                    Some(note) => write!(f, "\nerror: {}", sanitize_line(note)),
                    None => Ok(()),
                }
            }
            Failure::Io { path: None, error } => write!(
                f,
                "annals: cannot write to standard output: {}",
                output::reason(error)
            ),
            Failure::Io {
                path: Some(path),
                error,
            } => write!(
                f,
                "error: cannot write {}: {}",
                sanitize_line(&path.display().to_string()),
                output::reason(error)
            ),
            Failure::Terminal(error) => {
                write!(f, "annals: the terminal failed: {}", output::reason(error))
            }
            Failure::Bug(broken) => write!(f, "annals: {broken}"),
        }
    }
}

impl From<BrokenTable> for Failure {
    fn from(broken: BrokenTable) -> Failure {
        Failure::Bug(broken)
    }
}

impl From<clap::Error> for Failure {
    fn from(e: clap::Error) -> Failure {
        Failure::Cli(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_core::{Position, Problem};

    fn code(f: &Failure) -> ExitCode {
        f.exit_code()
    }

    #[test]
    fn each_failure_has_its_exit_code() {
        let mut problems = Problems::new();
        problems.push(Problem::new("t.toml", Position::START, "bad"));
        let pipe = |kind| Failure::Io {
            path: None,
            error: io::Error::from(kind),
        };
        assert_eq!(code(&Failure::data(problems.clone())), ExitCode::from(DATA));
        assert_eq!(code(&Failure::Usage("no".into())), ExitCode::from(USAGE));
        assert_eq!(code(&Failure::Config(problems)), ExitCode::from(USAGE));
        assert_eq!(code(&pipe(io::ErrorKind::BrokenPipe)), ExitCode::SUCCESS);
        assert_eq!(code(&pipe(io::ErrorKind::StorageFull)), ExitCode::from(IO));
        let file = Failure::Io {
            path: Some("t.toml".into()),
            error: io::Error::from(io::ErrorKind::BrokenPipe),
        };
        assert_eq!(
            code(&file),
            ExitCode::from(IO),
            "only stdout's reader may leave"
        );
        let terminal = Failure::Terminal(io::Error::other("gone"));
        assert_eq!(code(&terminal), ExitCode::from(IO), "not a data problem");
        let broken = BrokenTable {
            name: "word lists",
            message: "words.txt:3: unknown list [x]".into(),
        };
        assert_eq!(code(&Failure::Bug(broken)), ExitCode::from(BUG));
    }

    #[test]
    fn messages_name_what_failed() {
        let mut problems = Problems::new();
        problems.push(Problem::new("t.toml", Position::START, "bad"));
        let with = Failure::data_with(problems, "nothing was written");
        assert_eq!(
            with.to_string(),
            "error: t.toml:1:1: bad\n1 problem found\nerror: nothing was written"
        );
        let alone = Failure::data_with(Problems::new(), "nothing to draft");
        assert_eq!(alone.to_string(), "error: nothing to draft");
        let usage = Failure::Usage("give the data once\n    as PATH \u{1b}[2J".into());
        assert_eq!(
            usage.to_string(),
            "error: give the data once\n    as PATH \u{241b}[2J"
        );
        let terminal = Failure::Terminal(io::Error::other("no tty"));
        assert_eq!(terminal.to_string(), "annals: the terminal failed: no tty");
    }
}
