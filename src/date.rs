//! Event dates: how they are written in `timeline.toml`, and what they resolve to.
//!
//! A date keeps its precision: a year is a year, not 1 January, and a date
//! computed from another event remembers how ("signing + 135 days").

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// One calendar day.
    Day,
    /// An inclusive range of days.
    Range,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Precision {
    /// The word used in output: day, range, month, year.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Range => "range",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A unit of calendar time in a relative date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks of seven days.
    Week,
    /// Calendar months (chrono clamps 31 January + 1 month to the month's last day).
    Month,
    /// Calendar years.
    Year,
}

impl Unit {
    fn parse(word: &str) -> Option<Unit> {
        Some(match word {
            "day" | "days" => Unit::Day,
            "week" | "weeks" => Unit::Week,
            "month" | "months" => Unit::Month,
            "year" | "years" => Unit::Year,
            _ => return None,
        })
    }

    fn name(self, amount: u32) -> String {
        let word = match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        };
        format!("{amount} {word}{}", if amount == 1 { "" } else { "s" })
    }
}

/// How a relative date relates to its anchor event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    /// The anchor's own date.
    Same,
    /// The anchor's date moved forward (`+`) or back (`-`) by an amount.
    Shift {
        /// Whether the shift goes back in time.
        back: bool,
        /// How many units.
        amount: u32,
        /// Which unit.
        unit: Unit,
    },
    /// The span of `amount` units that ends the day before the anchor starts.
    Before {
        /// How many units.
        amount: u32,
        /// Which unit.
        unit: Unit,
    },
    /// The span of `amount` units that starts the day after the anchor ends.
    After {
        /// How many units.
        amount: u32,
        /// Which unit.
        unit: Unit,
    },
}

/// A date as written in the data, before relative dates are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateSpec {
    /// One day: `2020-02-29`.
    Day(NaiveDate),
    /// A month: `"2001-10"`.
    Month {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
    /// A year: `2001` or `"2001"`.
    Year(i32),
    /// An inclusive range of days: `{ start = 2020-02-22, end = 2020-02-28 }`.
    Range(NaiveDate, NaiveDate),
    /// Relative to another event: `"signing + 135 days"`, `"7 days before signing"`.
    Relative {
        /// The id of the event it is computed from.
        anchor: String,
        /// How.
        offset: Offset,
    },
}

/// A resolved date: an inclusive span of days with its precision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// First day (for a year, 1 January; but see `precision`).
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
    /// How precisely it is known.
    pub precision: Precision,
    /// How it was computed, for a relative date: "signing + 135 days".
    pub computed: Option<String>,
}

impl When {
    /// A single day.
    pub fn day(date: NaiveDate) -> When {
        When {
            start: date,
            end: date,
            precision: Precision::Day,
            computed: None,
        }
    }

    /// The date as precise as known: `2001`, `2001-10`, `2020-02-29`,
    /// `2020-02-22 – 2020-02-28`.
    pub fn label(&self) -> String {
        match self.precision {
            Precision::Day => self.start.format("%Y-%m-%d").to_string(),
            Precision::Month => self.start.format("%Y-%m").to_string(),
            Precision::Year => format!("{:04}", self.start.year()),
            Precision::Range => format!(
                "{} – {}",
                self.start.format("%Y-%m-%d"),
                self.end.format("%Y-%m-%d")
            ),
        }
    }

    /// The date in words: `Saturday 29 February 2020`, `October 2001`,
    /// `22–28 February 2020`.
    pub fn human(&self) -> String {
        match self.precision {
            Precision::Day => self.start.format("%A %-d %B %Y").to_string(),
            Precision::Month => self.start.format("%B %Y").to_string(),
            Precision::Year => format!("{}", self.start.year()),
            Precision::Range => {
                let (s, e) = (self.start, self.end);
                if s.year() != e.year() {
                    format!("{} – {}", s.format("%-d %B %Y"), e.format("%-d %B %Y"))
                } else if s.month() != e.month() {
                    format!("{} – {}", s.format("%-d %B"), e.format("%-d %B %Y"))
                } else {
                    format!("{}–{}", s.format("%-d"), e.format("%-d %B %Y"))
                }
            }
        }
    }

    /// The number of days the span covers.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// Why a date could not be read or resolved; the loader adds the position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
}

impl DateError {
    pub(crate) fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        DateError {
            message: message.into(),
            help: help.into(),
        }
    }
}

pub(crate) const FORMS: &str = "write a day (2020-02-29), a month (\"2001-10\"), a year (2001), \
a range ({ start = 2020-02-22, end = 2020-02-28 }), or a date relative to another event \
(\"signing + 135 days\", \"signing - 2 weeks\", \"7 days before signing\", \"signing\")";

/// Reads a date written as a string: `"2001"`, `"2001-10"`, `"2020-02-29"`,
/// `"signing + 135 days"`, `"signing - 1 week"`, `"7 days before signing"`,
/// `"the 14 months after signing"`, or `"signing"` (the same date as that event).
pub fn parse_str(text: &str) -> Result<DateSpec, DateError> {
    let text = text.trim();
    if text.starts_with(|c: char| c.is_ascii_digit()) && !text.contains(char::is_whitespace) {
        return parse_absolute(text);
    }
    parse_relative(text)
}

/// Reads a year written as a TOML integer.
pub fn year(value: i64) -> Result<DateSpec, DateError> {
    match i32::try_from(value) {
        Ok(y) if (1..=9999).contains(&y) => Ok(DateSpec::Year(y)),
        _ => Err(DateError::new(
            format!("{value} is not a year annals can show"),
            "years run from 1 to 9999",
        )),
    }
}

/// Checks a calendar day, explaining what is wrong with impossible ones.
pub fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if !(1..=9999).contains(&year) {
        return Err(DateError::new(
            format!("{year} is not a year annals can show"),
            "years run from 1 to 9999",
        ));
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::new(
            format!("there is no month {month}"),
            "months run from 01 to 12",
        ));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let first = NaiveDate::from_ymd_opt(year, month, 1).expect("month checked above");
        let length = days_in_month(first);
        DateError::new(
            format!(
                "{year:04}-{month:02}-{day:02} is not a date: {} has {length} days",
                first.format("%B %Y")
            ),
            "check the day of the month",
        )
    })
}

fn days_in_month(first: NaiveDate) -> u32 {
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .map_or(31, |last| last.day())
}

fn parse_absolute(text: &str) -> Result<DateSpec, DateError> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let bad = || DateError::new(format!("cannot read {text:?} as a date"), FORMS);
    match parts.as_slice() {
        [y] => {
            let y = number(y, 4).ok_or_else(bad)?;
            year(i64::from(y))
        }
        [y, m] => {
            let (y, m) = (number(y, 4).ok_or_else(bad)?, number(m, 2).ok_or_else(bad)?);
            let first = ymd(y as i32, m, 1)?;
            Ok(DateSpec::Month {
                year: first.year(),
                month: first.month(),
            })
        }
        [y, m, d] => {
            let y = number(y, 4).ok_or_else(bad)?;
            let m = number(m, 2).ok_or_else(bad)?;
            let d = number(d, 2).ok_or_else(bad)?;
            Ok(DateSpec::Day(ymd(y as i32, m, d)?))
        }
        _ => Err(bad()),
    }
}

/// Whether `id` is a well-formed event id: a letter, then letters, digits, `-` or `_`.
pub fn is_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn parse_relative(text: &str) -> Result<DateSpec, DateError> {
    let bad = || DateError::new(format!("cannot read {text:?} as a date"), FORMS);
    let words: Vec<&str> = text.split_whitespace().collect();
    let amount = |s: &str| -> Result<u32, DateError> {
        s.parse::<u32>().map_err(|_| {
            DateError::new(
                format!("{s:?} is not a whole number"),
                "write the amount in digits, as in \"signing + 135 days\"",
            )
        })
    };
    let unit = |s: &str| {
        Unit::parse(s).ok_or_else(|| {
            DateError::new(
                format!("{s:?} is not a unit of time"),
                "use days, weeks, months or years",
            )
        })
    };
    let anchor = |s: &str| -> Result<String, DateError> {
        if is_id(s) {
            Ok(s.to_string())
        } else {
            Err(bad())
        }
    };
    let words = match words.as_slice() {
        ["the", rest @ ..] => rest,
        all => all,
    };
    let (anchor, offset) = match words {
        [id] => (anchor(id)?, Offset::Same),
        [id, sign @ ("+" | "-"), n, u] => (
            anchor(id)?,
            Offset::Shift {
                back: *sign == "-",
                amount: amount(n)?,
                unit: unit(u)?,
            },
        ),
        [n, u, side @ ("before" | "after"), id] => {
            let (amount, unit) = (amount(n)?, unit(u)?);
            let offset = if *side == "before" {
                Offset::Before { amount, unit }
            } else {
                Offset::After { amount, unit }
            };
            (anchor(id)?, offset)
        }
        _ => return Err(bad()),
    };
    if let Offset::Before { amount: 0, .. } | Offset::After { amount: 0, .. } = offset {
        return Err(DateError::new(
            "a span of 0 days is empty",
            "give a span of at least one day, or write the anchor's id alone for the same date",
        ));
    }
    Ok(DateSpec::Relative { anchor, offset })
}

fn shift(date: NaiveDate, back: bool, amount: u32, unit: Unit) -> Option<NaiveDate> {
    match (unit, back) {
        (Unit::Day, false) => date.checked_add_days(Days::new(amount.into())),
        (Unit::Day, true) => date.checked_sub_days(Days::new(amount.into())),
        (Unit::Week, false) => date.checked_add_days(Days::new(u64::from(amount) * 7)),
        (Unit::Week, true) => date.checked_sub_days(Days::new(u64::from(amount) * 7)),
        (Unit::Month, false) => date.checked_add_months(Months::new(amount)),
        (Unit::Month, true) => date.checked_sub_months(Months::new(amount)),
        (Unit::Year, false) => date.checked_add_months(Months::new(amount.checked_mul(12)?)),
        (Unit::Year, true) => date.checked_sub_months(Months::new(amount.checked_mul(12)?)),
    }
}

impl DateSpec {
    /// The event this date is computed from, if it is relative.
    pub fn anchor(&self) -> Option<&str> {
        match self {
            DateSpec::Relative { anchor, .. } => Some(anchor),
            _ => None,
        }
    }

    /// Resolves an absolute date; `None` for a relative one.
    pub fn absolute(&self) -> Option<Result<When, DateError>> {
        let when = |start: NaiveDate, end: NaiveDate, precision| When {
            start,
            end,
            precision,
            computed: None,
        };
        Some(Ok(match *self {
            DateSpec::Day(d) => When::day(d),
            DateSpec::Month { year, month } => {
                let first = NaiveDate::from_ymd_opt(year, month, 1)?;
                let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
                when(first, last, Precision::Month)
            }
            DateSpec::Year(y) => when(
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
                Precision::Year,
            ),
            DateSpec::Range(start, end) => {
                if end < start {
                    return Some(Err(DateError::new(
                        format!("the range ends ({end}) before it starts ({start})"),
                        "swap start and end",
                    )));
                }
                when(start, end, Precision::Range)
            }
            DateSpec::Relative { .. } => return None,
        }))
    }

    /// Resolves a relative date against its anchor's resolved date; an absolute
    /// date resolves on its own and ignores `anchor`.
    pub fn resolve(&self, anchor: &When) -> Result<When, DateError> {
        if let Some(result) = self.absolute() {
            return result;
        }
        let DateSpec::Relative { anchor: id, offset } = self else {
            unreachable!("absolute() handles every other variant")
        };
        let out_of_range = || {
            DateError::new(
                format!(
                    "{} falls outside the calendar annals can show",
                    describe(id, offset)
                ),
                "use a smaller amount",
            )
        };
        let mut when = match *offset {
            Offset::Same => anchor.clone(),
            Offset::Shift { back, amount, unit } => {
                let start = shift(anchor.start, back, amount, unit).ok_or_else(out_of_range)?;
                let end = shift(anchor.end, back, amount, unit).ok_or_else(out_of_range)?;
                // Shifting a month by days no longer lands on a calendar month.
                let keeps = match anchor.precision {
                    Precision::Day | Precision::Range => true,
                    Precision::Month => matches!(unit, Unit::Month | Unit::Year),
                    Precision::Year => unit == Unit::Year,
                };
                let precision = if keeps {
                    anchor.precision
                } else {
                    Precision::Range
                };
                let end = if precision == Precision::Month {
                    let first = NaiveDate::from_ymd_opt(start.year(), start.month(), 1)
                        .ok_or_else(out_of_range)?;
                    first
                        .checked_add_months(Months::new(1))
                        .and_then(|d| d.pred_opt())
                        .ok_or_else(out_of_range)?
                } else {
                    end
                };
                When {
                    start,
                    end,
                    precision,
                    computed: None,
                }
            }
            Offset::Before { amount, unit } => {
                let start = shift(anchor.start, true, amount, unit).ok_or_else(out_of_range)?;
                let end = anchor.start.pred_opt().ok_or_else(out_of_range)?;
                When {
                    start,
                    end,
                    precision: Precision::Range,
                    computed: None,
                }
            }
            Offset::After { amount, unit } => {
                let start = anchor.end.succ_opt().ok_or_else(out_of_range)?;
                let end = shift(anchor.end, false, amount, unit).ok_or_else(out_of_range)?;
                When {
                    start,
                    end,
                    precision: Precision::Range,
                    computed: None,
                }
            }
        };
        if when.start == when.end && when.precision == Precision::Range {
            when.precision = Precision::Day;
        }
        when.computed = Some(describe(id, offset));
        Ok(when)
    }
}

/// How a relative date reads: "signing + 135 days", "the 7 days before signing".
pub fn describe(anchor: &str, offset: &Offset) -> String {
    match *offset {
        Offset::Same => format!("same date as {anchor}"),
        Offset::Shift { back, amount, unit } => {
            format!(
                "{anchor} {} {}",
                if back { "-" } else { "+" },
                unit.name(amount)
            )
        }
        Offset::Before { amount, unit } => format!("the {} before {anchor}", unit.name(amount)),
        Offset::After { amount, unit } => format!("the {} after {anchor}", unit.name(amount)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn signing() -> When {
        When::day(d(2020, 2, 29))
    }

    fn resolve(text: &str) -> When {
        parse_str(text).unwrap().resolve(&signing()).unwrap()
    }

    #[test]
    fn absolute_forms_keep_their_precision() {
        let y = parse_str("2001").unwrap().absolute().unwrap().unwrap();
        assert_eq!(
            (y.start, y.end, y.precision),
            (d(2001, 1, 1), d(2001, 12, 31), Precision::Year)
        );
        assert_eq!(y.label(), "2001");
        let m = parse_str("2001-10").unwrap().absolute().unwrap().unwrap();
        assert_eq!((m.start, m.end), (d(2001, 10, 1), d(2001, 10, 31)));
        assert_eq!(m.label(), "2001-10");
        assert_eq!(m.human(), "October 2001");
        let day = parse_str("2020-02-29")
            .unwrap()
            .absolute()
            .unwrap()
            .unwrap();
        assert_eq!(day.human(), "Saturday 29 February 2020");
    }

    #[test]
    fn impossible_days_say_why() {
        let err = parse_str("2020-02-30").unwrap_err();
        assert_eq!(
            err.message,
            "2020-02-30 is not a date: February 2020 has 29 days"
        );
        let err = parse_str("2019-13").unwrap_err();
        assert_eq!(err.message, "there is no month 13");
        assert!(parse_str("20-1-1").is_err());
        assert!(year(0).is_err());
    }

    #[test]
    fn shifts_are_computed_with_the_calendar() {
        let w = resolve("signing + 135 days");
        assert_eq!(w.start, d(2020, 7, 13));
        assert_eq!(w.precision, Precision::Day);
        assert_eq!(w.computed.as_deref(), Some("signing + 135 days"));
        assert_eq!(resolve("signing + 14 months").start, d(2021, 4, 29));
        assert_eq!(resolve("signing - 1 year").start, d(2019, 2, 28));
        assert_eq!(resolve("signing - 2 weeks").start, d(2020, 2, 15));
    }

    #[test]
    fn spans_before_and_after_exclude_the_anchor() {
        let w = resolve("7 days before signing");
        assert_eq!((w.start, w.end), (d(2020, 2, 22), d(2020, 2, 28)));
        assert_eq!(w.precision, Precision::Range);
        assert_eq!(w.label(), "2020-02-22 – 2020-02-28");
        assert_eq!(w.human(), "22–28 February 2020");
        assert_eq!(w.computed.as_deref(), Some("the 7 days before signing"));
        let w = resolve("the 1 day after signing");
        assert_eq!((w.start, w.precision), (d(2020, 3, 1), Precision::Day));
    }

    #[test]
    fn same_date_copies_the_anchor() {
        let w = resolve("signing");
        assert_eq!(w.start, d(2020, 2, 29));
        assert_eq!(w.computed.as_deref(), Some("same date as signing"));
    }

    #[test]
    fn month_precision_survives_month_shifts_only() {
        let anchor = parse_str("2001-10").unwrap().absolute().unwrap().unwrap();
        let w = parse_str("x + 2 months").unwrap().resolve(&anchor).unwrap();
        assert_eq!((w.label(), w.end), ("2001-12".to_string(), d(2001, 12, 31)));
        let w = parse_str("x + 3 days").unwrap().resolve(&anchor).unwrap();
        assert_eq!(w.precision, Precision::Range);
        assert_eq!((w.start, w.end), (d(2001, 10, 4), d(2001, 11, 3)));
    }

    #[test]
    fn malformed_relative_dates_are_rejected() {
        assert!(
            parse_str("signing + many days")
                .unwrap_err()
                .message
                .contains("whole number")
        );
        assert!(
            parse_str("signing + 3 fortnights")
                .unwrap_err()
                .message
                .contains("unit")
        );
        assert!(parse_str("0 days before signing").is_err());
        assert!(parse_str("signing plus 3 days").is_err());
        assert!(parse_str("sign ing").is_err());
        let huge = parse_str("signing + 4000000000 years").unwrap();
        assert!(huge.resolve(&signing()).is_err());
    }

    #[test]
    fn ranges_must_not_end_before_they_start() {
        let err = DateSpec::Range(d(2020, 3, 1), d(2020, 2, 1))
            .absolute()
            .unwrap()
            .unwrap_err();
        assert!(
            err.message
                .contains("ends (2020-02-01) before it starts (2020-03-01)")
        );
    }
}
