//! Entering and leaving the full-screen terminal, and the event loop.
//!
//! The terminal is restored on every way out: a normal quit, an error (the
//! guard's `Drop`), a panic (a hook that restores before the message is
//! printed, so the message is readable), and a signal that ends the program
//! (SIGTERM, SIGHUP, SIGINT, SIGQUIT: restored, then the signal's own default
//! action, so the parent sees how annals ended). Ctrl-Z and SIGTSTP hand the
//! terminal back before stopping; SIGCONT (`fg`) takes it again and redraws.
//!
//! The ending signals are acted on by a thread of their own, so that they
//! end annals at any moment, whatever the loop is doing (crossterm's reader
//! spins for ever on a terminal that reads end-of-file). A terminal that goes
//! away (its window closed, its tmux session killed) is a hang-up, as SIGHUP
//! is, whether or not the signal comes: another thread waits on the terminal
//! for that alone, and an error on the terminal once it is gone is one too.
//! A frame stuck on a terminal that reads nothing does not hold the ending
//! up: what fits of the leaving sequence is written without waiting.

use std::io::{self, Write};
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, mpsc};
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
use annals_core::comparison::Comparison;

/// How long the loop waits for a key before it looks at signals again.
const IDLE: Duration = Duration::from_millis(100);

/// Held while a frame is drawn, so that an ending signal restores the
/// terminal between frames rather than in the middle of one.
static DRAWING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Whether annals holds the terminal (raw mode, the alternate screen).
static TAKEN: AtomicBool = AtomicBool::new(false);

/// The leaving sequence, made before the terminal is taken, for a way out
/// that must not allocate ([`restore_in_emergency`]).
static LEAVE: OnceLock<Vec<u8>> = OnceLock::new();

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = out.write_all(&leave_sequence());
    let _ = out.flush();
    TAKEN.store(false, Ordering::SeqCst);
}

/// Puts the terminal back, if annals holds it, without allocating, taking
/// a lock or waiting on the terminal: for a way out where any of those may
/// never return (memory exhausted, a frame stuck on a terminal that reads
/// nothing). What fits of the leaving sequence is written.
pub fn restore_in_emergency() {
    if TAKEN.swap(false, Ordering::SeqCst) {
        signals::leave_raw_mode_in_emergency();
        if let Some(leave) = LEAVE.get() {
            signals::write_without_waiting(leave);
        }
    }
}

/// What the terminal is told on the way out: the mouse released, the main
/// screen back, the cursor shown.
fn leave_sequence() -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = crossterm::queue!(
        bytes,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    bytes
}

type Screen = Terminal<CrosstermBackend<io::Stdout>>;

/// Takes the terminal: raw mode, the alternate screen, the mouse. A new
/// ratatui terminal each time, so the first frame draws every cell (after a
/// suspension the screen holds whatever the shell left there).
fn enter() -> io::Result<Screen> {
    LEAVE.get_or_init(leave_sequence);
    signals::remember_cooked_mode();
    TAKEN.store(true, Ordering::SeqCst);
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

/// How the explorer gets the comparison of the sources, on a thread of its
/// own behind the first frame.
pub type Compare = Box<dyn FnOnce(&Timeline) -> Comparison + Send>;

/// What is done with the comparison once the explorer has it (keeping it
/// in the cache), on the comparing thread, so the explorer never waits.
pub type Keep = Box<dyn FnOnce(&Timeline, &Comparison) + Send>;

/// A story ready to explore, and what goes with it.
pub struct Opening {
    pub timeline: Timeline,
    /// How to compare its sources (or the comparison the cache kept).
    pub compare: Compare,
    /// Where to keep the load once compared, for one worth keeping.
    pub keep: Option<Keep>,
    /// For a timeline drafted in memory: how to save it.
    pub draft: Option<String>,
    /// What was skipped or left out: the first messages.
    pub notes: Vec<String>,
}

/// Runs the explorer until the user quits.
///
/// The sources are compared (`compare`) on a thread of their own, behind the
/// first frame: at 100,000 events that takes longer than loading, and the
/// list, the filters and search need none of it. The status bar says so until
/// it is done. A user who quits first does not wait for it.
pub fn run(opening: Opening, theme: Theme, keymap: Keymap) -> io::Result<()> {
    let mut signals = take_over()?;
    let _guard = Guard;
    let mut terminal = kept(hung_up_is_an_ending(enter())?);
    hung_up_is_an_ending(show(
        &mut terminal,
        opening,
        (theme, keymap),
        &mut signals,
        Vec::new(),
    ))
}

/// The terminal, never dropped: ratatui's `Drop` shows the cursor again and,
/// when it cannot (a terminal gone away), prints so on standard error, which
/// panics once that is the terminal gone. [`restore`] (the guard, or the
/// ending) shows the cursor instead.
fn kept(terminal: Screen) -> std::mem::ManuallyDrop<Screen> {
    std::mem::ManuallyDrop::new(terminal)
}

/// What became of a glance: what `open` said, if the user did not quit
/// first, and how the explorer ended.
pub struct Glanced<T, E> {
    /// `None` if the user quit before the story was read; `Err` if it does
    /// not open (the terminal was given back to say why).
    pub opened: Option<Result<T, E>>,
    /// The terminal's failure, if it failed.
    pub shown: io::Result<()>,
}

/// Runs the explorer on `glance`, the story as the cache last kept it,
/// drawn at once, while `open` reads and checks the story itself on a
/// thread of its own; then on what `open` found, until the user quits.
/// Keys typed meanwhile are acted on once the story is open, but for a
/// quit key typed first, and Ctrl-C and Ctrl-Z, which are acted on at once.
/// A panic while opening is a panic here, once the terminal is restored.
pub fn run_after_glance<T: Send + 'static, E: Send + 'static>(
    glance: Timeline,
    open: impl FnOnce() -> Result<(Opening, T), E> + Send + 'static,
    theme: Theme,
    keymap: Keymap,
) -> io::Result<Glanced<T, E>> {
    let mut signals = take_over()?;
    let guard = Guard;
    let mut terminal = match hung_up_is_an_ending(enter()) {
        Ok(terminal) => kept(terminal),
        Err(e) => {
            return Ok(Glanced {
                opened: None,
                shown: Err(e),
            });
        }
    };
    let mut typed = Vec::new();
    let waited = hung_up_is_an_ending(glance_until_open(
        &mut terminal,
        &glance,
        open,
        (&theme, &keymap),
        &mut signals,
        &mut typed,
    ));
    // Freed behind the story, which is about to be drawn.
    std::thread::spawn(move || drop(glance));
    let opened = match waited {
        Err(e) => {
            return Ok(Glanced {
                opened: None,
                shown: Err(e),
            });
        }
        Ok(None) => None,
        Ok(Some(Err(why))) => {
            drop(guard);
            panic!("{why}");
        }
        Ok(Some(Ok(opened))) => Some(opened),
    };
    Ok(match opened {
        None => Glanced {
            opened: None,
            shown: Ok(()),
        },
        Some(Err(problems)) => Glanced {
            opened: Some(Err(problems)),
            shown: Ok(()),
        },
        Some(Ok((opening, said))) => Glanced {
            shown: hung_up_is_an_ending(show(
                &mut terminal,
                opening,
                (theme, keymap),
                &mut signals,
                typed,
            )),
            opened: Some(Ok(said)),
        },
    })
}

/// What came of opening a story behind a glance: the story or what stops
/// it opening, or the message of the panic opening it.
type Opened<T, E> = Result<Result<(Opening, T), E>, String>;

/// Draws `glance`, then opens the story on a thread of its own, and keeps
/// the glance on the screen (resized, suspended and taken back) until it is
/// open; `None` if the user quit first. Keys typed meanwhile go to `typed`.
fn glance_until_open<T: Send + 'static, E: Send + 'static>(
    terminal: &mut Screen,
    glance: &Timeline,
    open: impl FnOnce() -> Result<(Opening, T), E> + Send + 'static,
    (theme, keymap): (&Theme, &Keymap),
    signals: &mut signals::Signals,
    typed: &mut Vec<event::Event>,
) -> io::Result<Option<Opened<T, E>>> {
    use super::keymap::{Key, Resolved};
    let size = terminal.size()?;
    let mut app = App::new(
        glance,
        theme.clone(),
        Rect::new(0, 0, size.width, size.height),
    );
    app.glance = true;
    app.keymap = keymap.clone();
    {
        let _drawing = DRAWING.lock();
        terminal.draw(|frame| draw(frame, &app))?;
    }
    // Started once the glance is on the screen: until then it would only
    // share the cores with it.
    let (send, receive) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("open".into())
        .spawn(move || {
            let opened = panic::catch_unwind(panic::AssertUnwindSafe(open)).map_err(|payload| {
                BACKGROUND_PANIC
                    .lock()
                    .ok()
                    .and_then(|mut p| p.take())
                    .unwrap_or_else(|| panic_message(payload.as_ref()))
            });
            let _ = send.send(opened);
        })?;
    loop {
        match receive.recv_timeout(GLANCE_POLL) {
            Ok(opened) => return Ok(Some(opened)),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Ok(Some(Err("the thread opening the story ended".into())));
            }
        }
        let mut changed = false;
        let mut stop = false;
        while event::poll(Duration::ZERO)? {
            let now = event::read()?;
            match &now {
                event::Event::Resize(..) => {
                    app.handle(&now);
                    changed = true;
                }
                // Aimed at a screen that is about to change.
                event::Event::Mouse(_) => {}
                event::Event::Key(key) if key.kind != event::KeyEventKind::Release => {
                    // Ctrl-C and Ctrl-Z mean the same in every mode; a
                    // quit key only as the first key (after others it may
                    // be a letter of a search, or part of a sequence).
                    let first = typed.is_empty() || Key::of(key).is_reserved();
                    match keymap.resolve(super::mode::Mode::Main, &[], key) {
                        Resolved::Action(Action::Quit) if first => return Ok(None),
                        Resolved::Action(Action::Suspend) if first => stop = true,
                        _ => typed.push(now),
                    }
                }
                _ => typed.push(now),
            }
        }
        let got = if stop { signals.stop() } else { signals.take() };
        if let Some(signals::Got::Continued) = got {
            *terminal = reenter(&mut app)?;
            changed = true;
        }
        if changed {
            let _drawing = DRAWING.lock();
            terminal.draw(|frame| draw(frame, &app))?;
        }
    }
}

/// How often a glance looks at the keys and the terminal's size while the
/// story is read.
const GLANCE_POLL: Duration = Duration::from_millis(20);

/// What the explorer sets up before it takes the terminal: the thread that
/// holds it, the panic hook, and the signals.
fn take_over() -> io::Result<signals::Signals> {
    let _ = UI_THREAD.set(std::thread::current().id());
    restore_on_panic(restore);
    let signals = signals::Signals::new()?;
    signals::end_on_signals_and_hang_up()?;
    Ok(signals)
}

/// An error writing to the terminal or reading it, once it has gone away,
/// is the hang-up it is, whichever thread notices first.
fn hung_up_is_an_ending<T>(result: io::Result<T>) -> io::Result<T> {
    match result {
        Err(_) if signals::hung_up() => end(signals::HANG_UP),
        ended => ended,
    }
}

/// Explores `opening` on the terminal already taken, `typed` (keys pressed
/// before it was open) first.
fn show(
    terminal: &mut Screen,
    opening: Opening,
    (theme, keymap): (Theme, Keymap),
    signals: &mut signals::Signals,
    typed: Vec<event::Event>,
) -> io::Result<()> {
    let timeline = Arc::new(opening.timeline);
    let explored = explore(
        terminal,
        (&timeline, (opening.compare, opening.keep)),
        (theme, keymap),
        (opening.draft, opening.notes, typed),
        signals,
    );
    // The process ends next: freeing a large timeline piece by piece
    // would only cost time.
    std::mem::forget(timeline);
    explored
}

/// The comparison of the sources, worked out on a thread of its own: the
/// comparison, or what went wrong if comparing panicked (a bug, which must
/// not take the explorer down with it).
struct Comparing(mpsc::Receiver<Result<Comparison, String>>);

impl Comparing {
    fn start(timeline: Arc<Timeline>, compare: Compare, keep: Option<Keep>) -> io::Result<Self> {
        let (send, receive) = mpsc::sync_channel(1);
        std::thread::Builder::new()
            .name("compare".into())
            .spawn(move || {
                let comparison =
                    panic::catch_unwind(panic::AssertUnwindSafe(|| compare(&timeline))).map_err(
                        |payload| {
                            BACKGROUND_PANIC
                                .lock()
                                .ok()
                                .and_then(|mut p| p.take())
                                .unwrap_or_else(|| panic_message(payload.as_ref()))
                        },
                    );
                // Handed over first (a copy, when it is also to be kept).
                let kept = match (&comparison, keep) {
                    (Ok(c), Some(keep)) => Some((c.clone(), keep)),
                    _ => None,
                };
                // The explorer may have ended: nobody is waiting, and the
                // process is ending.
                if let Err(unwanted) = send.send(comparison) {
                    std::mem::forget(unwanted);
                }
                if let Some((comparison, keep)) = kept {
                    // Keeping is an optimisation: a failure is not the
                    // explorer's.
                    let _ = panic::catch_unwind(panic::AssertUnwindSafe(|| {
                        keep(&timeline, &comparison)
                    }));
                    std::mem::forget(comparison);
                }
                // Freeing a large comparison and timeline piece by piece
                // would only hold the process up when it ends.
                std::mem::forget(timeline);
            })?;
        Ok(Comparing(receive))
    }

    /// The comparison, if it is done; never waits.
    fn done(&self) -> Option<Result<Comparison, String>> {
        self.0.try_recv().ok()
    }
}

/// What a panic's payload says, for a payload of `panic!`'s usual kinds.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

/// The event loop, from the first frame until the user quits. The sources
/// are compared once the first frame is drawn.
fn explore(
    terminal: &mut Screen,
    (timeline, compare): (&Arc<Timeline>, (Compare, Option<Keep>)),
    (theme, keymap): (Theme, Keymap),
    (draft, notes, typed): (Option<String>, Vec<String>, Vec<event::Event>),
    signals: &mut signals::Signals,
) -> io::Result<()> {
    // Declared before the app, which borrows it once it is set.
    let comparison = OnceLock::new();
    let mut to_compare = Some(compare);
    let mut comparing: Option<Comparing> = None;
    let size = terminal.size()?;
    let mut app = App::new(timeline, theme, Rect::new(0, 0, size.width, size.height));
    app.comparing = true;
    app.keymap = keymap;
    // Keys typed on a glance, then what to say first, so that a key does
    // not clear it.
    for key in &typed {
        app.handle(key);
    }
    if let Some(how) = draft {
        app = app.drafted(how);
    }
    app = app.noted(notes);
    // Drawn when something changed, never on a timer: an idle explorer
    // only looks at its signals.
    let mut changed = true;
    while !app.quit {
        if std::mem::take(&mut changed) {
            // `draw` resizes the terminal's buffers first, so a resize redraws at once.
            let _drawing = DRAWING.lock();
            terminal.draw(|frame| draw(frame, &app))?;
        }
        if let Some((compare, keep)) = to_compare.take() {
            comparing = Some(Comparing::start(Arc::clone(timeline), compare, keep)?);
        }
        // Looked at after a frame, never waited for: the first frame is
        // drawn at once, saying the sources are being compared.
        if let Some(done) = comparing.as_ref().and_then(Comparing::done) {
            comparing = None;
            match done {
                Ok(done) => app.compared_now(comparison.get_or_init(|| done)),
                Err(why) => app.comparison_failed(&why),
            }
            changed = true;
        }
        // While a search or a long article is under way, work between keys.
        let wait = if app.busy() { Duration::ZERO } else { IDLE };
        if event::poll(wait)? {
            app.handle(&event::read()?);
            changed = true;
        } else if app.busy() {
            app.update(Action::Tick);
            changed = true;
        }
        // Ctrl-Z arrives as a key; a stop from outside as SIGTSTP. Either
        // way the terminal is handed back once and taken again once.
        let got = if std::mem::take(&mut app.suspend) {
            signals.stop()
        } else {
            signals.take()
        };
        match got {
            // Here again after `fg`: take the terminal back and draw it all.
            Some(signals::Got::Continued) => {
                *terminal = reenter(&mut app)?;
                changed = true;
            }
            None => {}
        }
    }
    Ok(())
}

/// Ends annals as `signal` would, the terminal restored first: once the
/// frame being drawn is done; or, if drawing is stuck (a terminal that
/// reads nothing: its holder stopped, output paused with Ctrl-S), without
/// waiting on it, since the stuck frame holds standard output's lock.
fn end(signal: i32) -> ! {
    let deadline = std::time::Instant::now() + Duration::from_millis(300);
    let drawing = loop {
        match DRAWING.try_lock() {
            Ok(guard) => break Some(guard),
            Err(std::sync::TryLockError::Poisoned(p)) => break Some(p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => break None,
        }
    };
    match drawing {
        Some(_between_frames) => restore(),
        None => restore_in_emergency(),
    }
    signals::die(signal)
}

/// The thread that holds the terminal: a panic there ends the explorer.
static UI_THREAD: OnceLock<std::thread::ThreadId> = OnceLock::new();

/// The last panic of a thread working behind the explorer (comparing the
/// sources, on its own thread and rayon's), kept for the explorer to say.
static BACKGROUND_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Chains a panic hook that runs `restore` before the previous hook prints the
/// message, so the message lands on a usable terminal. A panic on a thread
/// working behind the explorer leaves the terminal to it and prints nothing
/// over its frame: the message is kept, and the explorer says it.
fn restore_on_panic(restore: fn()) {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if UI_THREAD
            .get()
            .is_some_and(|ui| *ui != std::thread::current().id())
        {
            if let Ok(mut kept) = BACKGROUND_PANIC.lock() {
                *kept = Some(info.to_string());
            }
            return;
        }
        restore();
        previous(info);
    }));
}

#[cfg(unix)]
mod signals {
    //! Signals and the terminal's hang-up: stops acted on between frames,
    //! endings at once.

    use std::io;

    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    use signal_hook::low_level::emulate_default_handler;

    /// What the loop must do about the signals that arrived.
    pub enum Got {
        /// Take the terminal again: the program was stopped and resumed.
        Continued,
    }

    /// The stop and continue signals, which the loop acts on between
    /// frames, where the terminal is in a known state. (The ending ones
    /// are acted on at once: [`end_on_signals_and_hang_up`].)
    pub struct Signals(signal_hook::iterator::Signals);

    impl Signals {
        pub fn new() -> io::Result<Signals> {
            signal_hook::iterator::Signals::new([SIGTSTP, SIGCONT]).map(Signals)
        }

        /// The signals that arrived since the last look, without waiting.
        /// A stop is carried out here, the terminal handed back first.
        pub fn take(&mut self) -> Option<Got> {
            let mut got = None;
            let mut stop = false;
            for signal in self.0.pending() {
                match signal {
                    SIGTSTP => stop = true,
                    _ => got = Some(Got::Continued),
                }
            }
            if stop { self.stop() } else { got }
        }

        /// Hands the terminal back and stops the process as SIGTSTP would;
        /// returns once continued. The SIGCONT that continued it is taken
        /// here, so that the terminal is taken again only once.
        pub fn stop(&mut self) -> Option<Got> {
            super::restore();
            // Whatever came before the stop is answered by it.
            self.0.pending().for_each(drop);
            let _ = emulate_default_handler(SIGTSTP);
            // Resumed, which only SIGCONT does; its handler may run a moment
            // later (on another thread, on a busy machine), and the loop
            // must not see it as a second resumption. A second at most, for
            // a process group the kernel will not stop (an orphaned one).
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
            while self.0.pending().filter(|&s| s == SIGCONT).count() == 0
                && std::time::Instant::now() < deadline
            {
                std::thread::sleep(std::time::Duration::from_millis(1));
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

    /// The terminal's own mode before annals took it, and where to put it
    /// back: kept apart from crossterm's copy, which sits behind a lock.
    static COOKED: std::sync::OnceLock<(std::os::fd::OwnedFd, libc::termios)> =
        std::sync::OnceLock::new();

    /// Keeps the terminal's mode as it is now (before raw mode), once.
    pub fn remember_cooked_mode() {
        if COOKED.get().is_some() {
            return;
        }
        let Some(fd) = keyboard() else { return };
        // SAFETY: a termios filled in by tcgetattr, for a descriptor we own.
        let mode = unsafe {
            let mut mode = std::mem::zeroed::<libc::termios>();
            if libc::tcgetattr(std::os::fd::AsRawFd::as_raw_fd(&fd), &mut mode) != 0 {
                return;
            }
            mode
        };
        let _ = COOKED.set((fd, mode));
    }

    /// Puts back the mode kept by [`remember_cooked_mode`], at once (no
    /// wait for output to drain), allocating nothing.
    pub fn leave_raw_mode_in_emergency() {
        if let Some((fd, mode)) = COOKED.get() {
            // SAFETY: a valid descriptor and termios, kept for this.
            unsafe {
                libc::tcsetattr(std::os::fd::AsRawFd::as_raw_fd(fd), libc::TCSANOW, mode);
            }
        }
    }

    /// Writes what it can of `bytes` to standard output, never blocking:
    /// for a terminal whose output is stuck.
    pub fn write_without_waiting(bytes: &[u8]) {
        // SAFETY: flags read and set on standard output, then one write of
        // a live buffer; the process ends right after.
        unsafe {
            let flags = libc::fcntl(1, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(1, libc::F_SETFL, flags | libc::O_NONBLOCK);
            }
            libc::write(1, bytes.as_ptr().cast(), bytes.len());
        }
    }

    /// Starts the two threads that end annals: one for SIGTERM, SIGHUP,
    /// SIGINT and SIGQUIT, whenever they come; one that waits on the
    /// terminal for nothing but its hang-up (poll reports POLLHUP, or an
    /// error, even when asked for no event), which it turns into SIGHUP.
    pub fn end_on_signals_and_hang_up() -> io::Result<()> {
        let mut ending = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                leave_stops_to_the_main_thread();
                if let Some(signal) = ending.forever().next() {
                    super::end(signal);
                }
            })?;
        std::thread::Builder::new()
            .name("hang-up".into())
            .spawn(|| {
                leave_stops_to_the_main_thread();
                wait_for_hang_up();
                let _ = signal_hook::low_level::raise(SIGHUP);
            })?;
        Ok(())
    }

    /// Blocks SIGTSTP and SIGCONT in the calling thread, so that their
    /// handlers run on the main thread, as it stops and resumes.
    fn leave_stops_to_the_main_thread() {
        // SAFETY: a signal set filled in here, for this thread's own mask.
        unsafe {
            let mut set = std::mem::zeroed::<libc::sigset_t>();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, SIGTSTP);
            libc::sigaddset(&mut set, SIGCONT);
            libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        }
    }

    /// The signal a terminal that goes away is.
    pub const HANG_UP: i32 = SIGHUP;

    /// The terminal annals reads keys from: crossterm reads standard input
    /// if it is a terminal, else /dev/tty.
    fn keyboard() -> Option<std::os::fd::OwnedFd> {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        if io::stdin().is_terminal() {
            io::stdin().as_fd().try_clone_to_owned().ok()
        } else {
            std::fs::File::open("/dev/tty").ok().map(Into::into)
        }
    }

    /// Whether `fd`'s terminal has gone away, waiting up to `timeout_ms`
    /// (-1: for ever) for it to. poll reports a hang-up (or an error) even
    /// when asked for no event.
    fn gone(fd: &std::os::fd::OwnedFd, timeout_ms: i32) -> bool {
        use std::os::fd::AsRawFd;
        loop {
            let mut watch = libc::pollfd {
                fd: fd.as_raw_fd(),
                events: 0,
                revents: 0,
            };
            // SAFETY: one valid pollfd, for a descriptor we own.
            let n = unsafe { libc::poll(&mut watch, 1, timeout_ms) };
            if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                continue;
            }
            let hung_up = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
            return n < 0 || (n > 0 && watch.revents & hung_up != 0);
        }
    }

    /// Whether the terminal has gone away (or there is none).
    pub fn hung_up() -> bool {
        keyboard().is_none_or(|fd| gone(&fd, 0))
    }

    /// Returns once the terminal annals reads keys from has gone away;
    /// never, if there is none to lose.
    fn wait_for_hang_up() {
        match keyboard() {
            Some(fd) => while !gone(&fd, -1) {},
            None => loop {
                std::thread::park();
            },
        }
    }
}

#[cfg(not(unix))]
mod signals {
    //! No POSIX signals here: Ctrl-C and Ctrl-Z arrive as keys.

    use std::io;

    pub enum Got {
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

    /// No hang-up to tell here: errors are errors.
    pub const HANG_UP: i32 = 1;

    pub fn hung_up() -> bool {
        false
    }

    pub fn write_without_waiting(bytes: &[u8]) {
        use std::io::Write;
        let _ = io::stdout().write_all(bytes);
    }

    pub fn remember_cooked_mode() {}

    pub fn leave_raw_mode_in_emergency() {
        let _ = crossterm::terminal::disable_raw_mode();
    }

    /// Ctrl-C arrives as a key; nothing else ends annals here.
    pub fn end_on_signals_and_hang_up() -> io::Result<()> {
        Ok(())
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

    fn panicking_compare(_: &Timeline) -> Comparison {
        panic!("begin > end (312 > 304) when slicing");
    }

    /// Waits for the comparison, for at most a generous deadline.
    fn outcome(comparing: &Comparing) -> Result<Comparison, String> {
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        loop {
            if let Some(done) = comparing.done() {
                return done;
            }
            assert!(std::time::Instant::now() < deadline, "no comparison came");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn a_comparison_that_panics_is_a_message_not_the_end_of_the_explorer() {
        let timeline = Arc::new(crate::bundled::load().expect("the bundled story loads"));
        let failed =
            Comparing::start(Arc::clone(&timeline), Box::new(panicking_compare), None).unwrap();
        let why = outcome(&failed).expect_err("the panic is caught");
        assert!(why.contains("begin > end"), "{why}");
        let fine = Comparing::start(
            Arc::clone(&timeline),
            Box::new(annals_compare::compare),
            None,
        )
        .unwrap();
        let comparison = outcome(&fine).expect("a comparison");
        assert_eq!(comparison.events.len(), timeline.events.len());

        let mut app = App::new(&timeline, Theme::mono(), Rect::new(0, 0, 120, 40));
        app.comparing = true;
        app.comparison_failed(&why);
        assert!(!app.comparing);
        let message = app.message.clone().unwrap_or_default();
        assert!(
            message.starts_with("the sources could not be compared (a bug in annals"),
            "{message}"
        );
        // The written disagreements still work without the computed ones.
        app.next_disagreement(true);
        assert!(app.selected_event().is_some());
    }
}
