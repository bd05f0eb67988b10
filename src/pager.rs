//! Paging `annals print` as git does: on a terminal, output taller than the
//! screen goes through `$PAGER` (default `less -FRX`); `--no-pager` or an
//! empty `PAGER` turn it off, and it never happens in a pipe.

use std::env;
use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

use unicode_width::UnicodeWidthStr;

/// The pager used when `PAGER` is not set.
pub const DEFAULT: &str = "less -FRX";

/// The pager command to use for `text` on this terminal, if any.
pub fn choose(text: &str, no_pager: bool) -> Option<String> {
    if no_pager || !io::stdout().is_terminal() {
        return None;
    }
    let pager = match env::var("PAGER") {
        Ok(p) if p.trim().is_empty() => return None,
        Ok(p) => p,
        Err(_) => DEFAULT.to_string(),
    };
    let (cols, rows) = crossterm::terminal::size().ok()?;
    (rows_needed(text, usize::from(cols)) >= usize::from(rows)).then_some(pager)
}

/// How many terminal rows `text` takes at `cols` columns, long lines wrapping.
pub fn rows_needed(text: &str, cols: usize) -> usize {
    let cols = cols.max(1);
    text.lines()
        .map(|line| line.width().div_ceil(cols).max(1))
        .sum()
}

/// Shows `text` through `pager`. If the pager cannot be started, the text
/// is written to standard output instead.
pub fn page(pager: &str, text: &[u8]) -> io::Result<()> {
    let mut command = Command::new("sh");
    command.arg("-c").arg(pager).stdin(Stdio::piped());
    if env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    let Ok(mut child) = command.spawn() else {
        let mut out = io::stdout().lock();
        out.write_all(text)?;
        return out.flush();
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The reader may quit before reading everything; that is not an error.
        match stdin.write_all(text) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
    }
    let status = child.wait()?;
    // The shell could not find or run the pager (127, 126): the text was
    // never shown, so it is written plainly rather than lost.
    if matches!(status.code(), Some(126 | 127)) {
        eprintln!(
            "annals: the pager `{}` could not run; printing without it (set PAGER, or pass --no-pager)",
            annals_core::text::sanitize_line(pager)
        );
        let mut out = io::stdout().lock();
        out.write_all(text)?;
        return out.flush();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_count_wrapped_lines() {
        assert_eq!(rows_needed("a\nb\n", 80), 2);
        assert_eq!(rows_needed(&"x".repeat(81), 80), 2);
        assert_eq!(rows_needed("\n\n", 80), 2);
        assert_eq!(
            rows_needed("漢字漢字", 4),
            2,
            "wide characters take two columns"
        );
    }
}
