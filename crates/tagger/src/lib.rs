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
mod context;
mod lexicon;
mod numbers;
pub mod output;
mod pattern;
mod resolve;
mod slots;
mod timex;
mod tokens;
pub mod value;

pub use timex::{Timex, TimexType};
pub use value::{Date, DayPart, DayTime, Duration, Mod, Ref, Season, Set, Unit, Value};

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

/// The temporal tagger, built once from the embedded rule tables.
#[derive(Debug)]
pub struct Tagger {
    lexicon: Lexicon,
    rules: RuleSet,
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
    /// Builds the tagger from the embedded tables.
    ///
    /// The embedded tables are checked by the unit tests, so this does not fail in practice; if
    /// a table were broken it would fall back to an empty rule set rather than panic.
    pub fn new() -> Tagger {
        Tagger::from_sources(LEXICON_SOURCE, PATTERNS_SOURCE).unwrap_or_else(|_| Tagger {
            lexicon: Lexicon::default(),
            rules: RuleSet::default(),
        })
    }

    /// Builds a tagger from lexicon and pattern sources in the formats of `rules/*.txt`.
    pub fn from_sources(lexicon: &str, patterns: &str) -> Result<Tagger, TableError> {
        let mut lexicon = Lexicon::parse(lexicon).map_err(TableError)?;
        let rules = RuleSet::parse(patterns, &mut lexicon).map_err(TableError)?;
        Ok(Tagger { lexicon, rules })
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
        let tokens = tokens::tokenize(text, &self.lexicon);
        let mut doc = Document::new(text, &tokens, &self.lexicon, dct);
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.rules.best_match(&self.lexicon, &tokens, i, &mut doc) {
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
}

#[cfg(test)]
mod tests;
