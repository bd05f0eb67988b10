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
        cmd.env("ANNALS_CACHE_DIR", ""); // never the user's cache
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
        kill(name, self.pid());
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

/// Sends signal `name` (TERM, CONT, …) to process `pid`, as kill(1) does.
fn kill(name: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{name}");
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
        "The US and the Taliban sign the",
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
fn compare_view_and_bracket_d_in_a_real_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for("The US and the Taliban sign the");
    // The signing's sources side by side, then the next event they disagree on.
    s.press(b"c");
    s.wait_for_all(&["Compare · 2020-02-29", "1–3 of 4 sources", "│3 pullout"]);
    s.press(b"]d");
    s.wait_for_all(&["Compare · 2020-03", "disagreement 3 of 5"]);
    s.press(b"]d");
    s.wait_for_all(&["Compare · 2020-07-13", "≠ how long (duration)"]);
    // Back in the list, [d goes the other way.
    s.press(b"\x1b");
    s.wait_for("Events 19 of 19");
    s.press(b"[d");
    s.wait_for("disagreement 3 of 5");
    // The coverage matrix, a source found in it, and back.
    s.press(b"C");
    s.wait_for_all(&["Coverage · 4 sources in 2 outlets", "event 16 of 19"]);
    s.press(b"/pull\r");
    s.wait_for("“pull”: 1 source");
    s.press(b"\x1b");
    s.wait_for("Events 19 of 19");
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
    // A pager that cannot run: said, and the output printed all the same.
    let broken = [("PAGER", "/nonexistent/pager -R")];
    let mut s = Session::start_with(&["print", "tests/fixtures/wikinews-iphone4"], &broken);
    assert!(s.wait_exit("print with a broken pager"));
    s.finish_reading();
    let raw = s.raw();
    assert!(raw.contains("could not run; printing without it"), "{raw}");
    assert!(
        raw.contains("Company CEO Steve Jobs unveiled iPhone 4"),
        "{raw}"
    );
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
        .env("ANNALS_CACHE_DIR", "") // never the user's cache
        .args(["draft", &dir, "-o", &out])
        .output()
        .expect("run annals");
    assert!(piped.status.success());
    let err = String::from_utf8_lossy(&piped.stderr);
    assert!(err.contains("drafted "), "{err}");
    assert!(!err.contains("/500 articles"), "progress in a pipe:\n{err}");
}

/// A pseudo-terminal made by hand, for the tests where the master must be
/// closed for good: portable-pty's reader keeps a copy of it open. Both ends
/// are close-on-exec from the start, so no child (of this test or of another
/// running beside it) inherits a copy that would keep the terminal alive.
#[cfg(target_os = "linux")]
mod raw {
    use std::ffi::CStr;
    use std::io::Read;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    use std::process::{Child, Command};

    pub struct RawPty {
        pub master: Option<std::fs::File>,
        slave: OwnedFd,
        pub seen: Vec<u8>,
    }

    impl RawPty {
        pub fn open() -> RawPty {
            // SAFETY: plain calls on the descriptor they return; each result
            // is checked before it is used.
            unsafe {
                let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
                assert!(master >= 0, "posix_openpt");
                let master = OwnedFd::from_raw_fd(master);
                assert_eq!(libc::grantpt(master.as_raw_fd()), 0, "grantpt");
                assert_eq!(libc::unlockpt(master.as_raw_fd()), 0, "unlockpt");
                let mut name = [0 as libc::c_char; 128];
                assert_eq!(
                    libc::ptsname_r(master.as_raw_fd(), name.as_mut_ptr(), name.len()),
                    0,
                    "ptsname_r"
                );
                let slave = libc::open(
                    CStr::from_ptr(name.as_ptr()).as_ptr(),
                    libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC,
                );
                assert!(slave >= 0, "open the pty's slave");
                let size = libc::winsize {
                    ws_row: super::ROWS,
                    ws_col: super::COLS,
                    ws_xpixel: 0,
                    ws_ypixel: 0,
                };
                assert_eq!(libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size), 0);
                RawPty {
                    master: Some(std::fs::File::from(master)),
                    slave: OwnedFd::from_raw_fd(slave),
                    seen: Vec::new(),
                }
            }
        }

        /// Starts annals on the slave, in a session of its own; with
        /// `controlling`, the pty is that session's controlling terminal (as
        /// a terminal window's or tmux's is), so the kernel also sends
        /// SIGHUP when it goes away; without, only annals itself can notice.
        pub fn spawn(&self, args: &[&str], controlling: bool) -> Child {
            let mut command = Command::new(env!("CARGO_BIN_EXE_annals"));
            command.env("ANNALS_CACHE_DIR", ""); // never the user's cache
            command
                .args(args)
                .env("TERM", "xterm-256color")
                .env_remove("NO_COLOR")
                .env_remove("XDG_CONFIG_HOME")
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .stdin(self.slave.try_clone().expect("dup"))
                .stdout(self.slave.try_clone().expect("dup"))
                .stderr(self.slave.try_clone().expect("dup"));
            // SAFETY: only async-signal-safe calls between fork and exec,
            // after the slave is on 0, 1 and 2.
            unsafe {
                command.pre_exec(move || {
                    if libc::setsid() < 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    if controlling && libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
            command.spawn().expect("spawn annals")
        }

        /// A new pty with the explorer running on it (its controlling
        /// terminal) and its first frame drawn.
        pub fn explorer() -> (RawPty, Child) {
            let mut pty = RawPty::open();
            let child = pty.spawn(&[], true);
            assert!(pty.read_until("Events"), "{}", pty.text());
            (pty, child)
        }

        /// Reads what annals writes until `what` shows.
        pub fn read_until(&mut self, what: &str) -> bool {
            let master = self.master.as_mut().expect("the master is open");
            read_until(master, &mut self.seen, what)
        }

        pub fn text(&self) -> String {
            String::from_utf8_lossy(&self.seen).into_owned()
        }
    }

    /// Reads from `from` into `seen` until `what` shows,
    /// without a thread that would keep a copy of the descriptor.
    pub fn read_until(from: &mut (impl Read + AsRawFd), seen: &mut Vec<u8>, what: &str) -> bool {
        super::wait_until(what, || {
            let mut poll = libc::pollfd {
                fd: from.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            while unsafe { libc::poll(&mut poll, 1, 0) } > 0 {
                let mut buf = [0u8; 4096];
                match from.read(&mut buf) {
                    Ok(n) if n > 0 => seen.extend_from_slice(&buf[..n]),
                    _ => break,
                }
            }
            String::from_utf8_lossy(seen).contains(what)
        })
    }
}

/// The terminal going away (its window closed): the explorer ends at once,
/// by the hang-up, instead of reading end-of-file for ever at full CPU.
/// Both with the pty as its controlling terminal (the kernel sends SIGHUP
/// too) and without (only annals's watch on the terminal can tell).
#[cfg(target_os = "linux")]
#[test]
fn the_explorer_ends_when_its_terminal_goes_away() {
    use std::os::unix::process::ExitStatusExt;
    for controlling in [true, false] {
        let mut pty = raw::RawPty::open();
        let mut child = pty.spawn(&[], controlling);
        assert!(
            pty.read_until("Events"),
            "controlling {controlling}: {}",
            pty.text()
        );
        // The window closes.
        drop(pty.master.take());
        let what = format!("annals with its terminal gone (controlling {controlling})");
        let status = support::wait_child(&mut child, &what);
        assert_eq!(status.signal(), Some(libc::SIGHUP), "{what}");
    }
}

/// The program holding the terminal (tmux's server, a terminal emulator)
/// killed outright: its end of the pty closes with it, and annals ends.
#[cfg(target_os = "linux")]
#[test]
fn the_explorer_ends_when_the_program_holding_its_terminal_is_killed() {
    use std::os::unix::process::ExitStatusExt;
    let (mut pty, mut child) = raw::RawPty::explorer();
    // The holder: a process with the only copy of the master, passing on
    // what annals writes (as tmux's server would draw it) through a pipe.
    let master = pty.master.take().expect("the master");
    let mut holder = std::process::Command::new("cat")
        .stdin(master)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn the holder");
    let mut relayed = holder.stdout.take().expect("the holder's output");
    // Annals runs on while the holder lives: SIGCONT makes it take the
    // terminal again and draw the whole screen, which the holder passes on.
    kill("CONT", child.id());
    let mut seen = Vec::new();
    assert!(
        raw::read_until(&mut relayed, &mut seen, "Events"),
        "annals did not draw again with the holder alone: {}",
        String::from_utf8_lossy(&seen)
    );
    assert!(child.try_wait().expect("child status").is_none());
    holder.kill().expect("kill the holder");
    let _ = holder.wait();
    let status = support::wait_child(&mut child, "annals with its terminal's holder gone");
    assert_eq!(status.signal(), Some(libc::SIGHUP));
}

/// A story large enough that comparing its sources takes a debug build
/// seconds: 1,000 articles, 10,000 events.
fn large_story() -> tempfile::TempDir {
    let story = tempfile::tempdir().expect("a temporary folder");
    annals_synth::generate(1_000, 1)
        .write_to(story.path())
        .expect("write the story");
    story
}

/// The sources are compared behind the first frame: the list is drawn and
/// answers keys while the status bar says the sources are being compared,
/// and it stops saying so once they are.
#[test]
fn the_explorer_draws_and_answers_keys_before_the_sources_are_compared() {
    let story = large_story();
    let dir = story.path().to_string_lossy().into_owned();
    let timeline = annals_core::load::load(story.path()).expect("the story loads");
    let mut visible = vec![true; timeline.sources.len()];
    visible[0] = false;
    let without_first = timeline.visible_events(&visible).len();
    assert!(
        without_first < 10_000,
        "hiding a source must hide something"
    );
    let mut s = Session::start(&["--data", &dir]);
    // The first frame is drawn before the comparison is looked at, and its
    // status bar (its last row: a frame arrives in pieces) says so.
    s.wait_for("10000 of 10000 events");
    let first = s.raw();
    assert!(
        first.contains("comparing sources… · 10000 of 10000 events"),
        "{}",
        s.text()
    );
    // A source filter works whether or not the comparison is done.
    s.press(b"1");
    s.wait_for(&format!("Events {without_first} of 10000"));
    s.press(b"1");
    s.wait_for("Events 10000 of 10000");
    let compared = wait_until("the comparison to be done", || {
        !s.text().contains("comparing sources…")
    });
    assert!(compared, "the status bar still says it:\n{}", s.text());
    s.wait_for("10000 of 10000 events");
    s.press(b"q");
    assert!(s.wait_exit("q"), "q exits with success");
    s.assert_restored("q");
}

/// Quitting while the sources are still being compared ends annals at once,
/// with success and the terminal restored: nothing waits for the comparison.
#[test]
fn quitting_while_the_sources_are_compared_ends_at_once() {
    let story = large_story();
    let dir = story.path().to_string_lossy().into_owned();
    let mut s = Session::start(&["--data", &dir]);
    // The first frame; the comparison takes a debug build seconds more.
    s.wait_for("10000 of 10000 events");
    s.press(b"q");
    assert!(s.wait_exit("q while comparing"), "q exits with success");
    s.assert_restored("q while comparing");
}

/// SIGTERM while the explorer is busy (a search running through a large
/// story, a slice between frames): it ends at once, by the signal, with
/// the terminal restored. The idle case is `every_ending_signal_restores_the_terminal`.
#[test]
fn sigterm_while_a_search_runs_ends_annals_with_the_terminal_restored() {
    let story = large_story();
    let dir = story.path().to_string_lossy().into_owned();
    let mut s = Session::start(&["--data", &dir]);
    s.wait_for("Events 10000 of 10000");
    // Nothing matches, so the search reads every event before it is done.
    s.press(b"/zzqxj");
    s.wait_for("searching…");
    s.signal("TERM");
    let status = s.wait_status("SIGTERM during a search");
    assert_eq!(status.signal(), Some("Terminated"), "{status:?}");
    s.assert_restored("SIGTERM during a search");
}

/// SIGTERM while annals is stuck writing a frame to a terminal that reads
/// nothing (its holder stopped, output paused with Ctrl-S): it ends at once
/// all the same, by the signal, and the terminal is back in cooked mode
/// (what of the leaving sequence fits is written without waiting).
#[cfg(target_os = "linux")]
#[test]
fn sigterm_while_a_frame_is_stuck_on_a_terminal_that_reads_nothing() {
    use std::os::fd::AsRawFd;
    use std::os::unix::process::ExitStatusExt;
    let (mut pty, mut child) = raw::RawPty::explorer();
    // Each 4 hides or shows a source and redraws the list; nobody reads.
    let master = pty.master.as_mut().expect("the master");
    master.write_all(&[b'4'; 400]).expect("send keys");
    // Until annals's main thread sits in write(2) on standard output.
    let writing = format!("{} 0x1 ", libc::SYS_write);
    let stuck = wait_until("annals stuck in a write", || {
        std::fs::read_to_string(format!("/proc/{}/syscall", child.id()))
            .is_ok_and(|call| call.starts_with(&writing))
    });
    assert!(stuck, "annals never blocked on its output");
    kill("TERM", child.id());
    let status = support::wait_child(&mut child, "annals on SIGTERM while stuck");
    assert_eq!(status.signal(), Some(libc::SIGTERM));
    // SAFETY: a termios filled in by tcgetattr on the open master.
    let termios = unsafe {
        let mut termios = std::mem::zeroed::<libc::termios>();
        assert_eq!(libc::tcgetattr(master.as_raw_fd(), &mut termios), 0);
        termios
    };
    assert_ne!(termios.c_lflag & libc::ICANON, 0, "left in raw mode");
    assert_ne!(termios.c_lflag & libc::ECHO, 0, "left without echo");
}

/// Issue 21's newcomer in a real terminal, on the fixture story of Wikinews
/// articles with the long names a browser saves them under: an idle
/// explorer writes nothing (it drew every 100 ms before), a key still
/// redraws, and Esc never quits the main screen (q does).
#[test]
fn an_idle_explorer_draws_nothing_and_esc_never_quits() {
    let mut s = Session::start(&["tests/fixtures/wikinews-iphone4"]);
    s.wait_for_all(&[
        "events · ? help",
        "Company CEO Steve Jobs unveiled iPhone 4",
    ]);
    // The sources are compared behind the first frame, and the frame that
    // says they are done is the last one owed: wait for it, however long
    // a loaded machine takes, before watching for idleness.
    let compared = wait_until("the comparison to be done", || {
        let text = s.text();
        !text.contains("comparing sources…") && text.contains("events · ? help")
    });
    assert!(compared, "the status bar still says it:\n{}", s.text());
    let written = || s.screen.lock().expect("screen lock").raw.len();
    // That frame may arrive in pieces: wait until it has all come.
    let mut last = written();
    assert!(wait_until("the last frame to be written", || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        let now = written();
        std::mem::replace(&mut last, now) == now
    }));
    // Idle: not a byte for two seconds (twenty redraws before), with
    // nothing left that should draw.
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert_eq!(written(), last, "an idle explorer redrew:\n{}", s.text());
    // A key redraws at once.
    s.press(b"g");
    s.wait_for("▶2007");
    // Esc on the main screen says how to quit instead of quitting.
    s.press(b"\x1b");
    s.wait_for("nothing to close here: q quits annals");
    assert!(
        s.child.try_wait().expect("status").is_none(),
        "Esc must not quit"
    );
    s.press(b"q");
    assert!(s.wait_exit("q"), "q quits with success");
    s.assert_restored("q");
}

/// A large story (see [`large_story`]) checked once with a cache in a
/// folder of its own, which keeps it; the story's folder and the cache's.
fn kept_large_story() -> (tempfile::TempDir, tempfile::TempDir) {
    let story = large_story();
    let cache = tempfile::tempdir().expect("a cache folder");
    let checked = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("check")
        .arg("--data")
        .arg(story.path())
        .env("ANNALS_CACHE_DIR", cache.path())
        .output()
        .expect("annals check runs");
    assert!(checked.status.success(), "{checked:?}");
    let kept = std::fs::read_dir(cache.path()).expect("the cache").count();
    assert_eq!(kept, 1, "the check kept the story");
    (story, cache)
}

impl Session {
    /// The explorer on the story at `story`, with the cache at `cache`.
    fn on_kept(story: &std::path::Path, cache: &std::path::Path) -> Session {
        let dir = story.to_string_lossy().into_owned();
        let cache = cache.to_string_lossy().into_owned();
        Session::start_with(&["--data", &dir], &[("ANNALS_CACHE_DIR", &cache)])
    }
}

/// Changes the story's title in its timeline.toml, which makes its entry in
/// the cache a glance at the story as it was; returns the old title.
fn retitle(story: &std::path::Path, title: &str) -> String {
    let path = story.join("timeline.toml");
    let toml = std::fs::read_to_string(&path).expect("timeline.toml");
    let line = toml
        .lines()
        .find(|l| l.starts_with("title = \""))
        .expect("a title line")
        .to_string();
    let old = line["title = \"".len()..line.len() - 1].to_string();
    std::fs::write(
        &path,
        toml.replacen(&line, &format!("title = \"{title}\""), 1),
    )
    .expect("timeline.toml written");
    old
}

/// A story the cache kept is drawn at once, as it was kept, while its
/// files are read; then as they are now. Here the title changed since:
/// the glance shows the old one, saying the files are being read, and the
/// story as it is replaces it.
#[test]
fn a_kept_story_is_drawn_at_once_then_as_its_files_are_now() {
    let (story, cache) = kept_large_story();
    let old = retitle(story.path(), "The harbour affair, retitled");
    let mut s = Session::on_kept(story.path(), cache.path());
    // A key typed on the glance is acted on once the story is read (a debug
    // build takes seconds to read it; a key typed later is acted on anyway).
    s.wait_for(&old);
    s.press(b"1");
    let now = s.wait_for_all(&["The harbour affair, retitled", "Events 9"]);
    assert!(!now.contains(&old), "{now}");
    // The first frame was the glance (only what changed is drawn after it).
    let raw = s.raw();
    assert!(raw.contains(&old), "{raw:?}");
    assert!(
        raw.contains("reading the files… · 10000 of 10000 events"),
        "{raw:?}"
    );
    // The story itself answers keys: the source shown again.
    s.press(b"1");
    s.wait_for("Events 10000 of 10000");
    s.press(b"q");
    assert!(s.wait_exit("q"), "q exits with success");
    s.assert_restored("q");
}

/// Quit while a glance is shown quits at once, with success and the
/// terminal restored: nothing waits for the story to be read.
#[test]
fn quitting_a_glance_ends_at_once() {
    let (story, cache) = kept_large_story();
    let old = retitle(story.path(), "Never shown");
    let mut s = Session::on_kept(story.path(), cache.path());
    s.wait_for(&old);
    s.press(b"q");
    assert!(s.wait_exit("q on a glance"), "q exits with success");
    s.assert_restored("q on a glance");
    // Reading 1,000 articles and checking 10,000 events takes a debug build
    // seconds, far longer than it takes to see the glance and quit (a
    // release build may have read them first).
    if cfg!(debug_assertions) {
        assert!(!s.raw().contains("Never shown"), "{}", s.text());
    }
}

/// Ctrl-Z on a glance hands the terminal back at once, and `fg` takes it
/// again; the story, read meanwhile, replaces the glance.
#[test]
fn suspending_a_glance_hands_the_terminal_back_at_once() {
    let (story, cache) = kept_large_story();
    let old = retitle(story.path(), "Read after a stop");
    let mut s = Session::on_kept(story.path(), cache.path());
    s.wait_for(&old);
    s.press(b"\x1a");
    assert!(wait_until("a stop", || s.stopped()), "Ctrl-Z stops annals");
    s.assert_restored("Ctrl-Z on a glance");
    s.signal("CONT");
    assert!(
        wait_until("raw mode again", || !s.local_flags().contains("ICANON")),
        "after SIGCONT"
    );
    s.wait_for("Read after a stop");
    s.press(b"q");
    assert!(s.wait_exit("q"), "q exits with success");
    s.assert_restored("q after a stop");
}

/// A story broken since it was kept: the glance is shown, then the terminal
/// is given back to say what is wrong, where, and annals exits with 1.
#[test]
fn a_kept_story_broken_since_gives_the_terminal_back_to_say_why() {
    let (story, cache) = kept_large_story();
    let path = story.path().join("timeline.toml");
    // Broken at its head, so that nothing of it loads (a broken event
    // further on is left out, and the rest shown).
    let toml = std::fs::read_to_string(&path).expect("timeline.toml");
    std::fs::write(&path, format!("title = [\n{toml}")).expect("timeline.toml written");
    let mut s = Session::on_kept(story.path(), cache.path());
    let status = s.wait_status("a broken story");
    assert_eq!(status.exit_code(), 1, "{}", s.text());
    s.assert_restored("a broken story");
    s.finish_reading();
    let raw = s.raw();
    assert!(
        raw.contains("reading the files…"),
        "the glance was shown: {raw:?}"
    );
    let text = s.text();
    assert!(
        text.contains("timeline.toml:") && text.contains("TOML syntax"),
        "{text}"
    );
}
