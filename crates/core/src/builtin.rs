//! Tables compiled into annals, read one way: the tagger's lexicon and
//! patterns, the drafter's word lists and weights, the explorer's keys.
//!
//! Such a table is data a linguist or a designer edits, built in with
//! `include_str!`. A mistake in one is a bug in annals, never the user's, so
//! each is read through a [`Builtin`]: its crate's tests call
//! [`Builtin::check`], so a broken table fails `cargo test` with its file and
//! line; the program checks the tables a command needs before the command
//! starts and reports a broken one as a bug; and [`Builtin::get`], for code
//! that cannot go on without the table, stops with the same message. A table
//! is never taken as empty because it could not be read.

use std::fmt;
use std::sync::OnceLock;

/// A table compiled into the program, read once, on first use.
pub struct Builtin<T: 'static> {
    name: &'static str,
    read: fn() -> Result<T, String>,
    value: OnceLock<Result<T, String>>,
}

/// A built-in table that cannot be read: a bug in annals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenTable {
    /// The table, as [`Builtin::new`] names it.
    pub name: &'static str,
    /// What is wrong, with the file and line where its reader knows them.
    pub message: String,
}

impl fmt::Display for BrokenTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the built-in {} cannot be read: {}\n    this is a bug in annals; please report it",
            self.name, self.message
        )
    }
}

impl std::error::Error for BrokenTable {}

impl<T: Send + Sync> Builtin<T> {
    /// The table `name` (as said in messages: "tagger rules, rules/*.txt"),
    /// read by `read`, which names the file and line of a mistake.
    pub const fn new(name: &'static str, read: fn() -> Result<T, String>) -> Builtin<T> {
        Builtin {
            name,
            read,
            value: OnceLock::new(),
        }
    }

    /// The table, read on the first call; a mistake in it is an error.
    pub fn check(&self) -> Result<&T, BrokenTable> {
        self.value
            .get_or_init(self.read)
            .as_ref()
            .map_err(|message| BrokenTable {
                name: self.name,
                message: message.clone(),
            })
    }

    /// The table, for code that cannot go on without it. A broken table
    /// panics with what [`Builtin::check`] says: the tests of its crate fail
    /// on it first, and the program checks it before it starts.
    pub fn get(&self) -> &T {
        self.check().unwrap_or_else(|e| panic!("{e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static GOOD: Builtin<Vec<&str>> = Builtin::new("word list", || Ok(vec!["a", "b"]));
    static BAD: Builtin<Vec<&str>> =
        Builtin::new("word list", || Err("words.txt:3: unknown list [x]".into()));

    #[test]
    fn a_table_is_read_once_and_shared() {
        let first: *const Vec<&str> = GOOD.get();
        assert_eq!(GOOD.check().map(Vec::len), Ok(2));
        assert!(std::ptr::eq(first, GOOD.get()));
    }

    #[test]
    fn a_broken_table_is_an_error_naming_its_place_and_a_panic_when_needed() {
        let err = BAD.check().unwrap_err();
        assert_eq!(err.message, "words.txt:3: unknown list [x]");
        let said = err.to_string();
        assert!(
            said.contains("built-in word list cannot be read: words.txt:3"),
            "{said}"
        );
        assert!(said.contains("a bug in annals"), "{said}");
        let panicked = std::panic::catch_unwind(|| BAD.get().len()).unwrap_err();
        let message = panicked
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default();
        assert_eq!(message, said);
    }
}
