//! What the end-to-end tests share: waiting on a condition with a deadline
//! generous enough for a debug build on a busy two-core machine, never a
//! fixed sleep or a tight timeout. A deadline only ends a test that hangs;
//! one that passes waits no longer than its condition takes.

#![allow(dead_code)]

use std::time::{Duration, Instant};

/// How long any one condition may take. Drafting 500 articles in a debug
/// build took 18.9 s with both cores busy; ten times that is still quick
/// to notice a hang.
pub const DEADLINE: Duration = Duration::from_secs(180);

/// How often a condition is looked at again.
const POLL: Duration = Duration::from_millis(20);

/// Polls `done` until it holds or [`DEADLINE`] passes; says which on stderr.
pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + DEADLINE;
    loop {
        if done() {
            return true;
        }
        if Instant::now() >= deadline {
            eprintln!("timed out after {DEADLINE:?} waiting for {what}");
            return false;
        }
        std::thread::sleep(POLL);
    }
}

/// Waits for a child process to end, killing it after [`DEADLINE`].
pub fn wait_child(child: &mut std::process::Child, what: &str) -> std::process::ExitStatus {
    let mut status = None;
    let ended = wait_until(what, || {
        status = child.try_wait().expect("child status");
        status.is_some()
    });
    if !ended {
        let _ = child.kill();
        panic!("{what} did not end in {DEADLINE:?}");
    }
    status.expect("an exit status")
}
