//! Entering and leaving the full-screen terminal, and the event loop.
//!
//! The terminal is restored on every way out: a normal quit, an error (the
//! guard's `Drop`), and a panic (a hook that restores before the message is
//! printed, so the message is readable).

use std::io::{self, Write};
use std::panic;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, event, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use super::app::App;
use super::draw::draw;
use super::theme::Theme;
use annals_core::Timeline;

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = io::stdout().flush();
}

/// Restores the terminal when dropped, whatever the way out.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Runs the explorer until the user quits.
pub fn run(timeline: &Timeline, theme: Theme) -> io::Result<()> {
    restore_on_panic(restore);
    enable_raw_mode()?;
    let _guard = Guard;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(timeline, theme, Rect::new(0, 0, size.width, size.height));
    // `draw` resizes the terminal's buffers first, so a resize redraws at once.
    while !app.quit {
        terminal.draw(|frame| draw(frame, &app))?;
        app.handle(&event::read()?);
    }
    Ok(())
}

/// Chains a panic hook that runs `restore` before the previous hook prints the
/// message, so the message lands on a usable terminal.
fn restore_on_panic(restore: fn()) {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    static LOG: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

    fn log(what: &'static str) {
        if let Ok(mut log) = LOG.lock() {
            log.push(what);
        }
    }

    #[test]
    fn a_panic_restores_the_terminal_before_its_message_is_printed() {
        let original = panic::take_hook();
        panic::set_hook(Box::new(|_| log("message")));
        restore_on_panic(|| log("restore"));
        let result = panic::catch_unwind(|| panic!("boom"));
        // Put back the harness's hook before asserting, so a failure reports normally.
        drop(panic::take_hook());
        panic::set_hook(original);
        assert!(result.is_err());
        let log = LOG.lock().map(|l| l.clone()).unwrap_or_default();
        assert_eq!(log, ["restore", "message"]);
    }
}
