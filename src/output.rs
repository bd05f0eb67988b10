//! Writing to standard output and the terminal: every command's output goes
//! through here, so a closed pipe ends annals quietly and a full disk is a
//! clear message, never a panic.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// Exit code for data problems.
pub const DATA_PROBLEM: u8 = 1;
/// Exit code for usage errors, as clap uses.
pub const USAGE: u8 = 2;

/// Standard output could not be written.
#[derive(Debug)]
pub struct WriteError(pub io::Error);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write to standard output: {}", reason(&self.0))
    }
}

impl std::error::Error for WriteError {}

/// An I/O error in words, without the "(os error 28)" noise.
pub use annals_core::load::io_reason as reason;

/// Runs `write` against a buffered standard output and flushes it.
pub fn stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), WriteError> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(WriteError)
}

/// How a failed write ends annals: a closed pipe (`| head`) is success, as
/// for any Unix filter; anything else is a message and exit code 1.
pub fn failed(e: &WriteError) -> ExitCode {
    if e.0.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln_safe(&format!("annals: {e}"));
    ExitCode::from(DATA_PROBLEM)
}

/// Writes a line to standard error, ignoring a standard error that is gone:
/// there is nowhere left to report that.
pub fn eprintln_safe(text: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

/// Whether standard output and input are a terminal a person is at.
pub fn interactive() -> bool {
    io::stdout().is_terminal() && io::stdin().is_terminal()
}
