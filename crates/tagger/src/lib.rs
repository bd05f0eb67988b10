//! Temporal expression tagger: finds TIMEX3 dates, times, durations and sets in English news text.
//!
//! The tagger is a data-driven rule engine in the spirit of HeidelTime. The text is split into
//! tokens ([`tokens`]), every token is looked up once in a vocabulary built from the embedded
//! tables ([`lexicon`], `rules/lexicon.txt`), and the extraction rules (`rules/patterns.txt`,
//! parsed by [`pattern`]) are matched over the tokens. The winning rule names a normaliser in
//! [`resolve`], which turns the matched slots into a TIMEX3 value with chrono arithmetic; the
//! document context (sentence tense, the last quarter mentioned, event anchors) lives in
//! [`context`].
//!
//! Every step is linear in the length of the input: each token is examined by a bounded number
//! of rules, each rule has a bounded length, and look-arounds are capped.

mod calendar;
pub mod context;
pub mod lexicon;
mod numbers;
pub mod output;
pub mod pattern;
pub mod resolve;
pub mod tokens;

use chrono::NaiveDate;
use serde::Serialize;

use context::Document;
use lexicon::Lexicon;
use pattern::{RuleSet, Step};

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TimexType {
    /// A calendar date or period: `2001-10-07`, `2001-W40`, `2001`, `PRESENT_REF`.
    #[serde(rename = "DATE")]
    Date,
    /// A time of day: `2001-10-07T15:00`, `2001-10-07TMO`.
    #[serde(rename = "TIME")]
    Time,
    /// A length of time: `P14M`, `PT3H`, `PXY`.
    #[serde(rename = "DURATION")]
    Duration,
    /// A recurring time: `P1W` for "weekly", `XXXX-WXX-4` for "every Thursday".
    #[serde(rename = "SET")]
    Set,
}

impl TimexType {
    /// The TIMEX3 name of the type, as written in rule files and TimeML.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// Parses a TIMEX3 type name (`DATE`, `TIME`, `DURATION`, `SET`).
    pub fn parse(name: &str) -> Option<TimexType> {
        match name {
            "DATE" => Some(TimexType::Date),
            "TIME" => Some(TimexType::Time),
            "DURATION" => Some(TimexType::Duration),
            "SET" => Some(TimexType::Set),
            _ => None,
        }
    }
}

/// One temporal expression found in a text.
///
/// Serialises (with serde_json) to the JSONL object printed by `annals extract`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Unicode character offset of the first character.
    pub start: usize,
    /// Unicode character offset one past the last character.
    pub end: usize,
    /// UTF-8 byte offset of the first character.
    pub byte_start: usize,
    /// UTF-8 byte offset one past the last character.
    pub byte_end: usize,
    /// The expression as written.
    pub text: String,
    /// The TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The normalised TIMEX3 value: `2020-02-29`, `2020-W08`, `P14M`, `PRESENT_REF`, ...
    pub value: String,
    /// The TIMEX3 `mod` attribute: `MORE_THAN`, `APPROX`, `START`, `MID`, `END`, ...
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// For a duration anchored to a point: the date it is counted from (or back from).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_date")]
    pub anchor: Option<NaiveDate>,
    /// The words naming the anchor when it is an event ("the signing").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor_text: Option<String>,
    /// First calendar day covered by an anchored duration.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_date")]
    pub resolved_start: Option<NaiveDate>,
    /// Last calendar day covered by an anchored duration (inclusive for spans counted back
    /// from the anchor, the anchor plus the duration for spans counted forward).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_date")]
    pub resolved_end: Option<NaiveDate>,
}

/// Writes a date as `YYYY-MM-DD` (chrono's own serde support would need its `serde` feature).
fn iso_date<S: serde::Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
        None => s.serialize_none(),
    }
}

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
    pub fn from_sources(lexicon: &str, patterns: &str) -> Result<Tagger, String> {
        let mut lexicon = Lexicon::parse(lexicon)?;
        let rules = RuleSet::parse(patterns, &mut lexicon)?;
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
