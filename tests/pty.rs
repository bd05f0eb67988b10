//! The real binary in a pseudo-terminal: keys go in as bytes, the screen is
//! read back through a terminal emulator (vt100), and after `q` the terminal
//! must be back in cooked mode on the main screen with the cursor shown.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;

/// Everything the program wrote, and the screen it amounts to.
struct Screen {
    parser: vt100::Parser,
    raw: Vec<u8>,
}

fn wait_for(screen: &Arc<Mutex<Screen>>, what: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = screen
            .lock()
            .expect("screen lock")
            .parser
            .screen()
            .contents();
        if text.contains(what) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what:?}; the screen shows:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn local_flags(master: &dyn portable_pty::MasterPty) -> String {
    let termios = master.get_termios().expect("termios of the pty");
    format!("{:?}", termios.local_flags)
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

    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let before = local_flags(pty.master.as_ref());
    assert!(before.contains("ICANON"), "{before}");

    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_annals"));
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn annals");
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
    let mut keys = pty.master.take_writer().expect("pty writer");
    let mut press = |bytes: &[u8]| {
        keys.write_all(bytes).expect("send keys");
        keys.flush().expect("flush keys");
    };

    let first = wait_for(&screen, &format!("{total} of {total} events"));
    assert!(first.contains("The US and the Taliban sign the agreement"));
    let during = local_flags(pty.master.as_ref());
    assert!(
        !during.contains("ICANON"),
        "raw mode while running: {during}"
    );

    // Source 4 (sun) off and on again.
    press(b"4");
    wait_for(&screen, &format!("{without_sun} of {total} events"));
    press(b"4");
    wait_for(&screen, &format!("{total} of {total} events"));

    // The selected event's passages, and back.
    press(b"\r");
    let passages = wait_for(&screen, "Passages · 2020-02-29");
    assert!(passages.contains("1 arrival"));
    press(b"\x1b");
    wait_for(&screen, &format!("Events {total} of {total}"));

    // Search.
    press(b"/Esper\r");
    let found = wait_for(&screen, "match “Esper”");
    assert!(found.contains("Defense Secretary Mark Esper"), "{found}");

    press(b"q");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("child status") {
            break status;
        }
        assert!(Instant::now() < deadline, "annals did not quit on q");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");
    let after = local_flags(pty.master.as_ref());
    assert!(
        after.contains("ICANON") && after.contains("ECHO"),
        "{after}"
    );
    drop(pty.master);
    let _ = reading.join();
    let raw = String::from_utf8_lossy(&screen.lock().expect("screen lock").raw).into_owned();
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    let entered = raw
        .rfind("\x1b[?1049h")
        .expect("entered the alternate screen");
    assert!(left > entered);
    // The cursor was shown again after it was last hidden.
    assert!(raw.rfind("\x1b[?25h") > raw.rfind("\x1b[?25l"));
}
