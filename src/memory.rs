//! Running out of memory: annals ends with a message saying so and exit
//! code 71 (sysexits' `EX_OSERR`), the terminal restored, where Rust's own
//! handler prints "memory allocation failed" and aborts (exit 134, the
//! terminal left in raw mode on the alternate screen).
//!
//! The allocator is the system's; only a failed allocation is different.
//! Nothing on that way out allocates: the message is written from the
//! stack and the terminal restored from state kept before it was taken.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

/// The exit code of a process that ran out of memory.
pub const EXIT_CODE: i32 = 71;

/// The system's allocator, ending annals cleanly when it has nothing left.
pub struct Allocator;

#[global_allocator]
static ALLOCATOR: Allocator = Allocator;

// SAFETY: every call is the system allocator's, with the same arguments;
// a null result never returns (the process ends).
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        checked(unsafe { System.alloc(layout) }, layout.size())
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        checked(unsafe { System.alloc_zeroed(layout) }, layout.size())
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        checked(unsafe { System.realloc(ptr, layout, new_size) }, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
}

fn checked(ptr: *mut u8, size: usize) -> *mut u8 {
    if ptr.is_null() {
        out_of_memory(size);
    }
    ptr
}

/// Restores the terminal, says what happened and ends the process (the
/// first thread to run out does; any other waits for the end).
#[cold]
fn out_of_memory(size: usize) -> ! {
    static ENDING: AtomicBool = AtomicBool::new(false);
    if ENDING.swap(true, Ordering::SeqCst) {
        loop {
            std::hint::spin_loop();
            std::thread::yield_now();
        }
    }
    crate::ui::restore_in_emergency();
    let mut line = Line::default();
    line.push(b"annals: out of memory: asking for ");
    line.push_number(size);
    line.push(
        b" more bytes failed. The input needs more memory than annals may use here \
          (see `ulimit -v` and the machine's free memory): try a smaller folder, or \
          split the largest article.\n",
    );
    line.write_to_stderr();
    // At once: exit's handlers (stdio's flushing) may want memory too.
    #[cfg(unix)]
    // SAFETY: ends the process; nothing runs after.
    unsafe {
        libc::_exit(EXIT_CODE)
    }
    #[cfg(not(unix))]
    std::process::exit(EXIT_CODE)
}

/// A message built on the stack.
struct Line {
    bytes: [u8; 512],
    len: usize,
}

impl Default for Line {
    fn default() -> Line {
        Line {
            bytes: [0; 512],
            len: 0,
        }
    }
}

impl Line {
    fn push(&mut self, text: &[u8]) {
        let n = text.len().min(self.bytes.len() - self.len);
        self.bytes[self.len..self.len + n].copy_from_slice(&text[..n]);
        self.len += n;
    }

    /// `n` in decimal, its digits grouped by three with commas.
    fn push_number(&mut self, n: usize) {
        let mut digits = [0u8; 32];
        let mut at = digits.len();
        let mut rest = n;
        let mut count = 0;
        loop {
            if count > 0 && count % 3 == 0 {
                at -= 1;
                digits[at] = b',';
            }
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            count += 1;
            if rest == 0 {
                break;
            }
        }
        self.push(&digits[at..]);
    }

    fn write_to_stderr(&self) {
        #[cfg(unix)]
        // SAFETY: a write of a live buffer to standard error.
        unsafe {
            libc::write(2, self.bytes.as_ptr().cast(), self.len);
        }
        #[cfg(not(unix))]
        {
            use std::io::Write;
            let _ = std::io::stderr().write_all(&self.bytes[..self.len]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: usize) -> String {
        let mut line = Line::default();
        line.push_number(n);
        String::from_utf8_lossy(&line.bytes[..line.len]).into_owned()
    }

    #[test]
    fn sizes_are_written_in_groups_of_three() {
        assert_eq!(text(0), "0");
        assert_eq!(text(999), "999");
        assert_eq!(text(1_000), "1,000");
        assert_eq!(text(52_428_800), "52,428,800");
        assert_eq!(text(usize::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn a_message_longer_than_the_line_is_cut_not_overflowed() {
        let mut line = Line::default();
        for _ in 0..100 {
            line.push(b"0123456789");
        }
        assert_eq!(line.len, 512);
    }
}
