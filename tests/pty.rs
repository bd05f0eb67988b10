//! The real binary in a pseudo-terminal: keys go in as bytes, the screen is
//! read back through a terminal emulator (vt100), and however the explorer
//! ends or pauses (q, a signal, Ctrl-Z) the terminal must be back in cooked
//! mode on the main screen with the cursor shown and the mouse released.

mod support;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use support::{DEADLINE, wait_until};

const ROWS: u16 = 30;
const COLS: u16 = 100;

/// Everything the program wrote, and the screen it amounts to.
struct Screen {
    parser: vt100::Parser,
    raw: Vec<u8>,
}

/// The explorer running in a pseudo-terminal.
struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<Screen>>,
    keys: Box<dyn Write + Send>,
    reading: Option<std::thread::JoinHandle<()>>,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    /// Starts annals with extra environment variables.
    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_annals"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("XDG_CONFIG_HOME");
        cmd.env_remove("PAGER");
        for (key, value) in env {
            cmd.env(key, value);
        }
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pty.slave.spawn_command(cmd).expect("spawn annals");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(Screen {
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).expect("rows"),
                NonZeroU16::new(COLS).expect("cols"),
                0,
            ),
            raw: Vec::new(),
        }));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&screen);
        let reading = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut s = sink.lock().expect("screen lock");
                s.parser.process(&buf[..n]);
                s.raw.extend_from_slice(&buf[..n]);
            }
        });
        let keys = pty.master.take_writer().expect("pty writer");
        Session {
            master: pty.master,
            child,
            screen,
            keys,
            reading: Some(reading),
        }
    }

    /// After the program has ended: waits until everything it wrote is read.
    fn finish_reading(&mut self) {
        if let Some(reading) = self.reading.take() {
            let _ = reading.join();
        }
    }

    fn press(&mut self, bytes: &[u8]) {
        self.keys.write_all(bytes).expect("send keys");
        self.keys.flush().expect("flush keys");
    }

    fn text(&self) -> String {
        self.screen
            .lock()
            .expect("screen lock")
            .parser
            .screen()
            .contents()
    }

    fn raw(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().expect("screen lock").raw).into_owned()
    }

    /// Waits until the screen shows `what`, and returns it.
    fn wait_for(&self, what: &str) -> String {
        self.wait_for_all(&[what])
    }

    /// Waits until the screen shows every one of `all` at once: a frame
    /// arrives in pieces, so what is asserted about a screen is waited for.
    fn wait_for_all(&self, all: &[&str]) -> String {
        let mut text = String::new();
        let shown = wait_until(&format!("{all:?} on screen"), || {
            text = self.text();
            all.iter().all(|what| text.contains(what))
        });
        assert!(shown, "the screen shows:\n{text}");
        text
    }

    fn local_flags(&self) -> String {
        let termios = self.master.get_termios().expect("termios of the pty");
        format!("{:?}", termios.local_flags)
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name}");
    }

    /// Waits for the program to end and returns whether it exited with 0.
    fn wait_exit(&mut self, why: &str) -> bool {
        self.wait_status(why).success()
    }

    /// Waits for annals to end and says how it ended.
    fn wait_status(&mut self, why: &str) -> portable_pty::ExitStatus {
        let mut status = None;
        let ended = wait_until(&format!("annals to end on {why}"), || {
            status = self.child.try_wait().expect("child status");
            status.is_some()
        });
        assert!(ended, "annals did not end on {why} in {DEADLINE:?}");
        status.expect("an exit status")
    }

    /// The terminal as the shell needs it: cooked mode with echo, the main
    /// screen, the cursor shown, no mouse reporting.
    fn assert_restored(&self, after: &str) {
        let cooked = wait_until("cooked mode", || {
            let flags = self.local_flags();
            flags.contains("ICANON") && flags.contains("ECHO")
        });
        assert!(cooked, "after {after}: {}", self.local_flags());
        let restored = wait_until("the main screen", || {
            let raw = self.raw();
            last_after(&raw, "\x1b[?1049l", "\x1b[?1049h")
                && last_after(&raw, "\x1b[?25h", "\x1b[?25l")
                && last_after(&raw, "\x1b[?1000l", "\x1b[?1000h")
                && last_after(&raw, "\x1b[?1006l", "\x1b[?1006h")
        });
        assert!(restored, "after {after}: the terminal was not restored");
        let s = self.screen.lock().expect("screen lock");
        assert!(!s.parser.screen().alternate_screen(), "after {after}");
        assert!(!s.parser.screen().hide_cursor(), "after {after}");
        assert_eq!(
            s.parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "after {after}"
        );
    }

    /// Whether the process is stopped (Linux's /proc says T).
    fn stopped(&self) -> bool {
        std::fs::read_to_string(format!("/proc/{}/stat", self.pid()))
            .ok()
            .and_then(|stat| {
                let state = stat.rsplit_once(") ")?.1.chars().next()?;
                Some(state == 'T' || state == 't')
            })
            .unwrap_or(false)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(reading) = self.reading.take() {
            // The reader ends once the child's side of the pty is gone.
            let _ = reading.join();
        }
    }
}

/// Whether the last `on` comes after the last `off` (and `on` was written).
fn last_after(raw: &str, on: &str, off: &str) -> bool {
    raw.rfind(on)
        .is_some_and(|i| raw.rfind(off).is_none_or(|j| i > j))
}

fn total_events() -> usize {
    annals::bundled::load().expect("bundled story").events.len()
}

/// How many events are left with source 4 (sun) hidden.
fn without_sun() -> usize {
    let t = annals::bundled::load().expect("bundled story");
    let mut visible = vec![true; t.sources.len()];
    visible[t.source_index("sun").expect("sun")] = false;
    t.visible_events(&visible).len()
}

#[test]
fn explorer_in_a_real_terminal() {
    let timeline = annals::bundled::load().expect("bundled story");
    let sun = timeline.source_index("sun").expect("sun");
    let mut visible = vec![true; timeline.sources.len()];
    visible[sun] = false;
    let without_sun = timeline.visible_events(&visible).len();
    let total = timeline.events.len();
    assert!(without_sun < total, "hiding sun must hide something");

    let mut s = Session::start(&[]);
    let before = s.local_flags();
    assert!(before.contains("ICANON"), "{before}");

    s.wait_for_all(&[
        &format!("{total} of {total} events"),
        "The US and the Taliban sign the agreement",
    ]);
    let during = s.local_flags();
    assert!(
        !during.contains("ICANON"),
        "raw mode while running: {during}"
    );

    // Source 4 (sun) off and on again.
    s.press(b"4");
    s.wait_for(&format!("{without_sun} of {total} events"));
    s.press(b"4");
    s.wait_for(&format!("{total} of {total} events"));

    // The selected event's passages, and back.
    s.press(b"\r");
    s.wait_for_all(&["Passages · 2020-02-29", "1 arrival"]);
    s.press(b"\x1b");
    s.wait_for(&format!("Events {total} of {total}"));

    // Search.
    s.press(b"/Esper\r");
    s.wait_for_all(&["match “Esper”", "Defense Secretary Mark Esper"]);

    s.press(b"q");
    assert!(s.wait_exit("q"), "q exits with success");
    s.assert_restored("q");
}

#[test]
fn every_ending_signal_restores_the_terminal() {
    let total = total_events();
    for signal in ["TERM", "HUP", "INT", "QUIT"] {
        let mut s = Session::start(&[]);
        s.wait_for(&format!("{total} of {total} events"));
        assert!(!s.local_flags().contains("ICANON"));
        s.signal(signal);
        let status = s.wait_status(&format!("SIG{signal}"));
        // Ended by the signal itself, so the parent sees how annals ended
        // (not an exit code, which a panic or an error would also give).
        assert!(status.signal().is_some(), "SIG{signal}: {status:?}");
        s.assert_restored(&format!("SIG{signal}"));
    }
}

#[test]
fn suspending_hands_the_terminal_back_and_fg_takes_it_again() {
    let total = total_events();
    let mut s = Session::start(&[]);
    let ready = format!("{total} of {total} events");
    s.wait_for(&ready);
    // Ctrl-Z arrives as a key in raw mode; SIGTSTP from outside as a signal.
    for (how, suspend) in [("Ctrl-Z", None), ("SIGTSTP", Some("TSTP"))] {
        match suspend {
            None => s.press(b"\x1a"),
            Some(signal) => s.signal(signal),
        }
        assert!(wait_until("a stop", || s.stopped()), "{how} stops annals");
        s.assert_restored(how);
        // The shell's `fg`.
        let resumed_at = s.screen.lock().expect("screen lock").raw.len();
        s.signal("CONT");
        assert!(
            wait_until("raw mode again", || !s.local_flags().contains("ICANON")),
            "after {how} and SIGCONT"
        );
        let again = wait_until("a redraw", || {
            let sc = s.screen.lock().expect("screen lock");
            sc.parser.screen().alternate_screen() && sc.parser.screen().contents().contains(&ready)
        });
        assert!(again, "redrawn after {how}: {}", s.text());
        // And it still answers keys: 4 hides a source, 0 shows them all.
        s.press(b"4");
        s.wait_for(&format!(" {} of {total} events", without_sun()));
        s.press(b"0");
        s.wait_for(&ready);
        // The terminal was taken again once, not once per signal seen.
        let since =
            String::from_utf8_lossy(&s.screen.lock().expect("screen lock").raw[resumed_at..])
                .into_owned();
        assert_eq!(
            since.matches("\x1b[?1049h").count(),
            1,
            "after {how}, times the alternate screen was entered"
        );
    }
    s.press(b"q");
    assert!(s.wait_exit("q"));
    s.assert_restored("q after resuming");
}

#[test]
fn a_config_remaps_quit_to_x() {
    let dir = std::env::temp_dir().join(format!("annals-pty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("config.toml");
    std::fs::write(&file, "theme = \"light\"\n[keys.main]\nquit = [\"x\"]\n").expect("config");
    let total = total_events();
    let mut s = Session::start(&["--config", &file.to_string_lossy()]);
    s.wait_for(&format!("{total} of {total} events"));
    s.press(b"q");
    // q is nobody's now: annals keeps running and answers the next key.
    s.press(b"?");
    s.wait_for_all(&["Keys · Esc closes", "x                     quit annals"]);
    assert!(
        s.child.try_wait().expect("status").is_none(),
        "q must not quit"
    );
    s.press(b"\x1b");
    // The help gone, so x is not read as Alt-x with the Esc.
    assert!(wait_until("the help to close", || !s
        .text()
        .contains("Keys · ")));
    s.press(b"x");
    assert!(s.wait_exit("x"), "x quits with success");
    s.assert_restored("x");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `print` pages as git does: through `$PAGER` on a terminal when the output
/// is taller than the screen, not with `--no-pager` or an empty `PAGER`, and
/// not when it fits.
#[test]
fn print_pages_long_output_on_a_terminal() {
    // A pager that says it ran, with the first line it was given.
    let pager = [("PAGER", "sed -n '1s/^/PAGED: /p'")];
    let mut s = Session::start_with(&["print", "--passages"], &pager);
    s.wait_for("PAGED: The US–Taliban agreement");
    assert!(s.wait_exit("print"));

    for (args, env) in [
        (&["print", "--passages", "--no-pager"][..], &pager[..]),
        (&["print", "--passages"][..], &[("PAGER", "")][..]),
        (&["print", "--data", "tests/fixtures/good"][..], &pager[..]),
    ] {
        let mut s = Session::start_with(args, env);
        assert!(s.wait_exit("print"), "{args:?}");
        s.finish_reading();
        let raw = s.raw();
        assert!(!raw.contains("PAGED"), "{args:?} went through the pager");
        assert!(raw.contains("sources"), "{args:?} printed:\n{raw}");
    }
}

/// A folder of `articles` synthetic articles with no timeline.toml.
fn bare_articles(articles: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let sources = tmp.path().join("sources");
    std::fs::create_dir_all(&sources).expect("sources folder");
    for (name, text) in annals_synth::generate(articles, 1).sources {
        std::fs::write(sources.join(name), text).expect("an article");
    }
    tmp
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "needs a debug build, where drafting 500 articles takes over a second"
)]
fn drafting_that_takes_a_while_shows_progress_on_a_terminal_only() {
    let story = bare_articles(500);
    let dir = story.path().to_string_lossy().into_owned();
    let out = story.path().join("draft.toml");
    let out = out.to_string_lossy().into_owned();

    let mut s = Session::start(&["draft", &dir, "-o", &out]);
    assert!(s.wait_exit("draft"), "the draft failed:\n{}", s.text());
    s.finish_reading();
    let raw = s.raw();
    assert!(
        raw.contains("/500 articles"),
        "no progress on the terminal:\n{raw}"
    );
    assert!(raw.contains("drafted "), "{raw}");

    // The same work in a pipe: the summary line, no progress bar.
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["draft", &dir, "-o", &out])
        .output()
        .expect("run annals");
    assert!(piped.status.success());
    let err = String::from_utf8_lossy(&piped.stderr);
    assert!(err.contains("drafted "), "{err}");
    assert!(!err.contains("/500 articles"), "progress in a pipe:\n{err}");
}
