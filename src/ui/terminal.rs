//! Entering and leaving the full-screen terminal, and the event loop.
//!
//! The terminal is restored on every way out: a normal quit, an error (the
//! guard's `Drop`), a panic (a hook that restores before the message is
//! printed, so the message is readable), and a signal that ends the program
//! (SIGTERM, SIGHUP, SIGINT, SIGQUIT: restored, then the signal's own default
//! action, so the parent sees how annals ended). Ctrl-Z and SIGTSTP hand the
//! terminal back before stopping; SIGCONT (`fg`) takes it again and redraws.

use std::io::{self, Write};
use std::panic;
use std::time::Duration;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, event, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::App;
use super::draw::draw;
use super::keymap::Keymap;
use super::theme::Theme;
use annals_core::Timeline;

/// How long the loop waits for a key before it looks at signals again.
const IDLE: Duration = Duration::from_millis(100);

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

type Screen = Terminal<CrosstermBackend<io::Stdout>>;

/// Takes the terminal: raw mode, the alternate screen, the mouse. A new
/// ratatui terminal each time, so the first frame draws every cell (after a
/// suspension the screen holds whatever the shell left there).
fn enter() -> io::Result<Screen> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        Clear(ClearType::All)
    )?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Takes the terminal again after a stop, at whatever size it has now.
fn reenter(app: &mut App) -> io::Result<Screen> {
    let terminal = enter()?;
    let size = terminal.size()?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    Ok(terminal)
}

/// Restores the terminal when dropped, whatever the way out.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Runs the explorer until the user quits. `draft` is set for a timeline
/// drafted in memory, and says how to save it; `notes` say what was skipped
/// or left out, and are the first messages.
pub fn run(
    timeline: &Timeline,
    theme: Theme,
    keymap: Keymap,
    draft: Option<String>,
    notes: Vec<String>,
) -> io::Result<()> {
    restore_on_panic(restore);
    let mut signals = signals::Signals::new()?;
    let _guard = Guard;
    let mut terminal = enter()?;
    let size = terminal.size()?;
    let mut app = App::new(timeline, theme, Rect::new(0, 0, size.width, size.height));
    if let Some(how) = draft {
        app = app.drafted(how);
    }
    app = app.noted(notes);
    app.keymap = keymap;
    while !app.quit {
        // `draw` resizes the terminal's buffers first, so a resize redraws at once.
        terminal.draw(|frame| draw(frame, &app))?;
        // While a search or a long article is under way, work between keys.
        let wait = if app.busy() { Duration::ZERO } else { IDLE };
        if event::poll(wait)? {
            app.handle(&event::read()?);
        } else if app.busy() {
            app.update(Action::Tick);
        }
        // Ctrl-Z arrives as a key; a stop from outside as SIGTSTP. Either
        // way the terminal is handed back once and taken again once.
        let got = if std::mem::take(&mut app.suspend) {
            signals.stop()
        } else {
            signals.take()
        };
        match got {
            Some(signals::Got::End(signal)) => {
                restore();
                signals::die(signal);
            }
            // Here again after `fg`: take the terminal back and draw it all.
            Some(signals::Got::Continued) => terminal = reenter(&mut app)?,
            None => {}
        }
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

#[cfg(unix)]
mod signals {
    //! Signals, caught and then acted on between frames, where the terminal
    //! is in a known state.

    use std::io;

    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    use signal_hook::low_level::emulate_default_handler;

    /// What the loop must do about the signals that arrived.
    pub enum Got {
        /// End the program, as this signal would have.
        End(i32),
        /// Take the terminal again: the program was stopped and resumed.
        Continued,
    }

    /// The signals annals catches.
    pub struct Signals(signal_hook::iterator::Signals);

    impl Signals {
        pub fn new() -> io::Result<Signals> {
            signal_hook::iterator::Signals::new([
                SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT,
            ])
            .map(Signals)
        }

        /// The signals that arrived since the last look, without waiting.
        /// A stop is carried out here, the terminal handed back first.
        pub fn take(&mut self) -> Option<Got> {
            let mut got = None;
            let mut stop = false;
            for signal in self.0.pending() {
                match signal {
                    SIGTSTP => stop = true,
                    SIGCONT => got = got.or(Some(Got::Continued)),
                    end => return Some(Got::End(end)),
                }
            }
            if stop { self.stop() } else { got }
        }

        /// Hands the terminal back and stops the process as SIGTSTP would;
        /// returns once continued. The SIGCONT that continued it is taken
        /// here, so that the terminal is taken again only once.
        pub fn stop(&mut self) -> Option<Got> {
            super::restore();
            let _ = emulate_default_handler(SIGTSTP);
            for signal in self.0.pending() {
                match signal {
                    SIGTSTP | SIGCONT => {}
                    end => return Some(Got::End(end)),
                }
            }
            Some(Got::Continued)
        }
    }

    /// Ends the process as `signal` would have (exit 128 + signal if it
    /// somehow does not).
    pub fn die(signal: i32) -> ! {
        let _ = emulate_default_handler(signal);
        std::process::exit(128 + signal);
    }
}

#[cfg(not(unix))]
mod signals {
    //! No POSIX signals here: Ctrl-C and Ctrl-Z arrive as keys.

    use std::io;

    pub enum Got {
        End(i32),
        Continued,
    }

    pub struct Signals;

    impl Signals {
        pub fn new() -> io::Result<Signals> {
            Ok(Signals)
        }

        pub fn take(&mut self) -> Option<Got> {
            None
        }

        /// There is no stopping here: the terminal is handed back and taken again.
        pub fn stop(&mut self) -> Option<Got> {
            super::restore();
            Some(Got::Continued)
        }
    }

    pub fn die(signal: i32) -> ! {
        std::process::exit(128 + signal);
    }
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
