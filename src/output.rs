//! Writing to standard output and the terminal: every command's output goes
//! through here, so a closed pipe ends annals quietly and a full disk is a
//! clear message, never a panic.

use std::io::{self, IsTerminal, Write};

use crate::failure::Failure;

/// An I/O error in words, without the "(os error 28)" noise.
pub use annals_core::load::io_reason as reason;

/// Runs `write` against a buffered standard output and flushes it.
pub fn stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|error| Failure::Io { path: None, error })
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
