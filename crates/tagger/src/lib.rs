//! Temporal expression tagger: finds TIMEX3 dates, times, durations and sets in English news text.
//!
//! The tagger is a data-driven rule engine in the spirit of HeidelTime. The text is split into
//! tokens (`tokens`), every token is looked up once in a vocabulary built from the embedded
//! tables (`lexicon`, `rules/lexicon.txt`), and the extraction rules (`rules/patterns.txt`,
//! parsed by `pattern`) are matched over the tokens. The winning rule names a normaliser in
//! `resolve`, which turns the matched slots into a typed TIMEX3 [`Value`] with the core's
//! calendar arithmetic; the document context (sentence tense, the last quarter mentioned,
//! event anchors) lives in `context`.
//!
//! Every step is linear in the length of the input: each token is examined by a bounded number
//! of rules, each rule has a bounded length, and look-arounds are capped.
//!
//! ```
//! use annals_tagger::{Date, Tagger, Value};
//! use chrono::NaiveDate;
//!
//! let tagger = Tagger::new();
//! let dct = NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
//! let found = tagger.tag("The deal was signed on Saturday; troops leave within 14 months of the signing.", dct);
//! assert_eq!(found[0].text, "Saturday");
//! assert_eq!(found[0].value, Value::Date(Date::Day(dct)));
//! assert_eq!(found[1].value.to_string(), "P14M");
//! assert_eq!(found[1].resolved_end, NaiveDate::from_ymd_opt(2021, 4, 29));
//! ```

#![warn(missing_docs)]

mod calendar;
mod cardinals;
mod context;
mod lexicon;
mod numbers;
pub mod output;
mod pattern;
pub mod pieces;
mod resolve;
mod slots;
mod timex;
mod tokens;
pub mod value;

pub use cardinals::Cardinal;
pub use timex::{Role, Timex, TimexType};
pub use value::{Date, DayPart, DayTime, Duration, Mod, Ref, Season, Set, Unit, Value};

use std::sync::Arc;

use annals_core::builtin::{BrokenTable, Builtin};
use chrono::NaiveDate;

use context::Document;
use lexicon::Lexicon;
use pattern::{RuleSet, Step};

/// A rule table that cannot be read: `lexicon.txt:12: empty value: ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError(pub String);

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TableError {}

/// The temporal tagger, built from rule tables: the embedded ones (read once
/// and shared, so [`Tagger::new`] is cheap) or others.
#[derive(Debug, Clone)]
pub struct Tagger {
    tables: Arc<Tables>,
}

/// A lexicon and the rules that match over it.
#[derive(Debug)]
struct Tables {
    lexicon: Lexicon,
    rules: RuleSet,
}

/// The embedded tables, read on first use through the one loader of built-in
/// tables: never taken as empty.
static BUILTIN: Builtin<Arc<Tables>> =
    Builtin::new("tagger rules (crates/tagger/src/rules/)", || {
        Tables::read(LEXICON_SOURCE, PATTERNS_SOURCE)
            .map(Arc::new)
            .map_err(|e| e.0)
    });

/// Whether the embedded rule tables can be read, for a program to say so
/// before it starts; the tests check it too.
pub fn check_tables() -> Result<(), BrokenTable> {
    BUILTIN.check().map(drop)
}

impl Tables {
    fn read(lexicon: &str, patterns: &str) -> Result<Tables, TableError> {
        let mut lexicon = Lexicon::parse(lexicon).map_err(TableError)?;
        let rules = RuleSet::parse(patterns, &mut lexicon).map_err(TableError)?;
        Ok(Tables { lexicon, rules })
    }
}

/// The lexicon tables, embedded at compile time.
pub const LEXICON_SOURCE: &str = include_str!("rules/lexicon.txt");
/// The extraction rules, embedded at compile time.
pub const PATTERNS_SOURCE: &str = include_str!("rules/patterns.txt");

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl Tagger {
    /// The tagger of the embedded tables.
    ///
    /// The tables are read on the first call and shared. A broken table is
    /// a bug that the unit tests catch; should one ship, this panics naming
    /// its line rather than tag with no rules ([`check_tables`] says it
    /// without panicking).
    pub fn new() -> Tagger {
        Tagger {
            tables: Arc::clone(BUILTIN.get()),
        }
    }

    /// Builds a tagger from lexicon and pattern sources in the formats of `rules/*.txt`.
    pub fn from_sources(lexicon: &str, patterns: &str) -> Result<Tagger, TableError> {
        Tables::read(lexicon, patterns).map(|tables| Tagger {
            tables: Arc::new(tables),
        })
    }

    /// The tagger of the embedded tables, trying every rule that may start
    /// at a token (see `RuleSet::without_shortcuts`).
    #[cfg(test)]
    fn without_shortcuts() -> Tagger {
        let mut tables =
            Tables::read(LEXICON_SOURCE, PATTERNS_SOURCE).expect("the embedded tables read");
        tables.rules.without_shortcuts();
        Tagger {
            tables: Arc::new(tables),
        }
    }

    /// Finds and normalises the temporal expressions of `text`, resolving relative ones
    /// against the document creation time `dct`. The result is sorted by position and
    /// expressions never overlap.
    pub fn tag(&self, text: &str, dct: NaiveDate) -> Vec<Timex> {
        self.tag_counted(text, dct).0
    }

    /// Like [`Tagger::tag`], also returning the number of rule-element comparisons made,
    /// a machine-independent measure of the work done (linear in the input length).
    pub fn tag_counted(&self, text: &str, dct: NaiveDate) -> (Vec<Timex>, u64) {
        let Tables { lexicon, rules } = &*self.tables;
        let tokens = tokens::tokenize(text, lexicon);
        let mut doc = Document::new(text, &tokens, lexicon, dct);
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match rules.best_match(lexicon, &tokens, i, &mut doc) {
                Some(Step::Found(found)) => {
                    i = found.end_token;
                    out.push(found);
                }
                Some(Step::Skip(end)) => i = end,
                None => i += 1,
            }
        }
        let work = doc.work;
        let timexes = doc.finish(out);
        (timexes, work)
    }

    /// The cardinal numbers of `text` ("8,600", "8600", "fourteen", "one
    /// hundred"), read as the date rules read them. Years and the numbers
    /// inside dates are cardinals too: callers mask what [`Tagger::tag`] finds.
    pub fn cardinals(&self, text: &str) -> Vec<Cardinal> {
        match self.tables.rules.number_classes() {
            Some(classes) => cardinals::find(text, &self.tables.lexicon, classes),
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests;
