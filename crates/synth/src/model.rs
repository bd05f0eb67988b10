//! The story's model: articles, people and events, and how an event's date is
//! given, as drawn before any text is written.

use chrono::NaiveDate;

use crate::vocab::{self, Kind};

/// Most sources an event quotes.
pub(crate) const MAX_SOURCES: usize = 3;

pub(crate) struct Article {
    pub(crate) id: String,
    pub(crate) outlet: &'static vocab::Outlet,
    /// Curly quotes, apostrophes and em dashes.
    pub(crate) typographic: bool,
    /// Paragraphs separated by blank lines, rather than one a line.
    pub(crate) blank_lines: bool,
    pub(crate) published: NaiveDate,
}

pub(crate) struct Person {
    pub(crate) name: String,
    pub(crate) role: &'static str,
}

pub(crate) struct Event {
    pub(crate) kind: &'static Kind,
    pub(crate) person: usize,
    pub(crate) other: usize,
    pub(crate) org: usize,
    pub(crate) place: usize,
    pub(crate) project: usize,
    /// `{N}`, and what the second and third sources say instead when the
    /// sources disagree.
    pub(crate) number: i64,
    pub(crate) alt: Option<i64>,
    pub(crate) when: When,
    /// How many relative dates lie between this one and a fixed date.
    pub(crate) depth: u8,
    /// Article indices; the first is the article the event belongs to.
    pub(crate) sources: [usize; MAX_SOURCES],
    pub(crate) n_sources: usize,
    /// Which clause the first source uses; the others take the next ones.
    pub(crate) variant: usize,
    /// Bits over [`vocab::TAGS`].
    pub(crate) tags: u16,
    pub(crate) summary: Option<usize>,
    pub(crate) style: EvidenceStyle,
}

/// An event's date as it will be written.
#[derive(Clone, Copy)]
pub(crate) enum When {
    /// `date = 2020-02-29`, or `"2020-02-29"` when `quoted`.
    Day { date: NaiveDate, quoted: bool },
    /// `date = "2001-10"` (the day is ignored).
    Month(NaiveDate),
    /// `date = 2001`, or `"2001"` when `quoted`.
    Year { y: i32, quoted: bool },
    /// `date = { start = …, end = … }`.
    Range(NaiveDate, NaiveDate),
    /// `"anchor + 3 weeks"`, `"anchor - 2 days"`.
    Shift {
        anchor: usize,
        back: bool,
        amount: u32,
        unit: Unit,
    },
    /// `"7 days before anchor"`, `"the 3 months after anchor"`.
    Span {
        anchor: usize,
        after: bool,
        amount: u32,
        unit: Unit,
        the: bool,
    },
    /// `"anchor"`.
    Same(usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    pub(crate) fn word(self, amount: u32) -> &'static str {
        match (self, amount == 1) {
            (Unit::Day, true) => "day",
            (Unit::Day, false) => "days",
            (Unit::Week, true) => "week",
            (Unit::Week, false) => "weeks",
            (Unit::Month, true) => "month",
            (Unit::Month, false) => "months",
            (Unit::Year, true) => "year",
            (Unit::Year, false) => "years",
        }
    }
}

/// How an event's evidence is written in timeline.toml.
#[derive(Clone, Copy)]
pub(crate) enum EvidenceStyle {
    Tables,
    InlineOneLine,
    InlineLines,
}

/// The id of the `e`th event, which relative dates name as their anchor.
pub(crate) fn event_id(events: &[Event], e: usize) -> String {
    format!("{}-{}", events[e].kind.slug, e + 1)
}
