//! Dates as written in `timeline.toml`: a day, a month, a year, a range, or a
//! date computed from another event, read from text and resolved to a [`When`].

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::calendar::{self, OutOfRange, Unit};
use crate::when::{Precision, When, iso_day};

/// How a relative date relates to its anchor event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DateSpec {
    /// One day: `2020-02-29`.
    Day(#[serde(with = "crate::when::days")] NaiveDate),
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
    Range(
        #[serde(with = "crate::when::days")] NaiveDate,
        #[serde(with = "crate::when::days")] NaiveDate,
    ),
    /// Relative to another event: `"signing + 135 days"`, `"7 days before signing"`.
    Relative {
        /// The id of the event it is computed from.
        anchor: String,
        /// How.
        offset: Offset,
    },
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
    /// A problem with a date and what to do about it.
    pub fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        DateError {
            message: message.into(),
            help: help.into(),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.help)
    }
}

impl std::error::Error for DateError {}

/// Every form a date may take, for help messages.
pub const FORMS: &str = "write a day (2020-02-29), a month (\"2001-10\"), a year (2001), \
a range ({ start = 2020-02-22, end = 2020-02-28 }), or a date relative to another event \
(\"signing + 135 days\", \"signing - 2 weeks\", \"7 days before signing\", \"signing\")";

const YEARS: &str = "years run from 1 to 9999";

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
        Ok(y) if (calendar::MIN_YEAR..=calendar::MAX_YEAR).contains(&y) => Ok(DateSpec::Year(y)),
        _ if value == 0 => Err(DateError::new(
            "there is no year 0: 1 BC is followed by AD 1",
            YEARS,
        )),
        _ => Err(DateError::new(
            format!("{value} is not a year annals can show"),
            YEARS,
        )),
    }
}

/// Checks a calendar day, explaining what is wrong with impossible ones.
pub fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    self::year(i64::from(year))?;
    if !(1..=12).contains(&month) {
        return Err(DateError::new(
            format!("there is no month {month}"),
            "months run from 01 to 12",
        ));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let length = calendar::days_in_month(year, month).unwrap_or(31);
        let name = NaiveDate::from_ymd_opt(year, month, 1)
            .map(|first| first.format("%B %Y").to_string())
            .unwrap_or_default();
        DateError::new(
            format!("{year:04}-{month:02}-{day:02} is not a date: {name} has {length} days"),
            "check the day of the month",
        )
    })
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
        [y] => year(i64::from(number(y, 4).ok_or_else(bad)?)),
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

fn amount(s: &str) -> Result<u32, DateError> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<u32>().map_err(|_| {
            DateError::new(
                format!("{s} is too large an amount"),
                "no shift reaches beyond the years 1 to 9999; check the number",
            )
        });
    }
    Err(DateError::new(
        format!("{s:?} is not a whole number"),
        "write the amount in digits, as in \"signing + 135 days\"",
    ))
}

fn unit(s: &str) -> Result<Unit, DateError> {
    Unit::parse(s).ok_or_else(|| {
        DateError::new(
            format!("{s:?} is not a unit of time"),
            "use days, weeks, months, quarters, years, decades or centuries",
        )
    })
}

fn parse_relative(text: &str) -> Result<DateSpec, DateError> {
    let bad = || DateError::new(format!("cannot read {text:?} as a date"), FORMS);
    let anchor = |s: &str| -> Result<String, DateError> {
        if is_id(s) {
            Ok(s.to_string())
        } else {
            Err(bad())
        }
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let span = |n: &str, u: &str, side: &str, id: &str| -> Result<(String, Offset), DateError> {
        let (amount, unit) = (amount(n)?, unit(u)?);
        let offset = if side == "before" {
            Offset::Before { amount, unit }
        } else {
            Offset::After { amount, unit }
        };
        Ok((anchor(id)?, offset))
    };
    // "the" may open the written forms ("the signing", "the 7 days before
    // signing") but is also a possible id, so it is matched per form.
    let (anchor, offset) = match words.as_slice() {
        [id] | ["the", id] => (anchor(id)?, Offset::Same),
        [id, sign @ ("+" | "-"), n, u] => (
            anchor(id)?,
            Offset::Shift {
                back: *sign == "-",
                amount: amount(n)?,
                unit: unit(u)?,
            },
        ),
        [n, u, side @ ("before" | "after"), id]
        | ["the", n, u, side @ ("before" | "after"), id] => span(n, u, side, id)?,
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

impl DateSpec {
    /// The event this date is computed from, if it is relative.
    pub fn anchor(&self) -> Option<&str> {
        match self {
            DateSpec::Relative { anchor, .. } => Some(anchor),
            _ => None,
        }
    }

    /// Resolves an absolute date; `None` for a relative one. A month or year
    /// the calendar does not have (possible only in a value built by hand,
    /// never in one parsed) is an error, not a relative date.
    pub fn absolute(&self) -> Option<Result<When, DateError>> {
        let no_such = |what: String| {
            Some(Err(DateError::new(
                format!("there is no {what}"),
                "write a real calendar date, such as 2020-02-29",
            )))
        };
        Some(Ok(match *self {
            DateSpec::Day(d) => When::day(d),
            DateSpec::Month { year, month } => {
                let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
                    return no_such(format!("month {month} in {year}"));
                };
                When::span(first, calendar::month_end(first), Precision::Month)
            }
            DateSpec::Year(y) => {
                let (Some(first), Some(last)) = (
                    NaiveDate::from_ymd_opt(y, 1, 1),
                    NaiveDate::from_ymd_opt(y, 12, 31),
                ) else {
                    return no_such(format!("year {y} in the calendar"));
                };
                When::span(first, last, Precision::Year)
            }
            DateSpec::Range(start, end) => {
                if end < start {
                    return Some(Err(DateError::new(
                        format!("the range ends ({end}) before it starts ({start})"),
                        "swap start and end",
                    )));
                }
                When::span(start, end, Precision::Range)
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
        let out_of_range = |why: OutOfRange| {
            let (place, help) = match why {
                OutOfRange::AfterYear9999 => ("after the year 9999", "use a smaller amount"),
                OutOfRange::BeforeYear1 => (
                    "before the year 1 (there is no year 0)",
                    "use a smaller amount, or check the anchor's date",
                ),
            };
            DateError::new(format!("{} falls {place}", describe(id, offset)), help)
        };
        let shift = |date, back: bool, amount: u32, unit| {
            let n = i64::from(amount);
            calendar::shift(date, if back { -n } else { n }, unit).map_err(out_of_range)
        };
        let mut when = match *offset {
            Offset::Same => anchor.clone(),
            Offset::Shift { back, amount, unit } => {
                let start = shift(anchor.start, back, amount, unit)?;
                let end = shift(anchor.end, back, amount, unit)?;
                // Shifting a month by days no longer lands on a calendar month.
                let keeps = match anchor.precision {
                    Precision::Day | Precision::Range => true,
                    Precision::Month => unit.months().is_some(),
                    Precision::Year => unit.months().is_some_and(|m| m % 12 == 0),
                };
                let precision = if keeps {
                    anchor.precision
                } else {
                    Precision::Range
                };
                let end = if precision == Precision::Month {
                    calendar::month_end(start)
                } else {
                    end
                };
                When::span(start, end, precision)
            }
            Offset::Before { amount, unit } => {
                let start = shift(anchor.start, true, amount, unit)?;
                let end = shift(anchor.start, true, 1, Unit::Day)?;
                When::span(start, end, Precision::Range)
            }
            Offset::After { amount, unit } => {
                let start = shift(anchor.end, false, 1, Unit::Day)?;
                let end = shift(anchor.end, false, amount, unit)?;
                When::span(start, end, Precision::Range)
            }
        };
        if when.start == when.end && when.precision == Precision::Range {
            when.precision = Precision::Day;
        }
        when.computed = Some(describe(id, offset));
        Ok(when)
    }

    /// The date as a string in the form `parse_str` reads back, for the forms a
    /// string holds (`"2001-10"`, `"signing + 135 days"`); `None` for a day, a
    /// year and a range, which TOML writes as a date, an integer and a table.
    pub fn as_written(&self) -> Option<String> {
        match self {
            DateSpec::Month { year, month } => Some(format!("{year:04}-{month:02}")),
            DateSpec::Relative { anchor, offset } => Some(relative(anchor, offset)),
            DateSpec::Day(_) | DateSpec::Year(_) | DateSpec::Range(..) => None,
        }
    }
}

impl fmt::Display for DateSpec {
    /// The date as written: `2020-02-29`, `2001`, `2020-02-22 – 2020-02-28`,
    /// `signing + 135 days`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateSpec::Day(d) => f.write_str(&iso_day(*d)),
            DateSpec::Year(y) => write!(f, "{y:04}"),
            DateSpec::Range(s, e) => write!(f, "{} – {}", iso_day(*s), iso_day(*e)),
            other => f.write_str(&other.as_written().unwrap_or_default()),
        }
    }
}

/// How a relative date was computed: "signing + 135 days", "the 7 days before signing".
pub fn describe(anchor: &str, offset: &Offset) -> String {
    match offset {
        Offset::Same => format!("same date as {anchor}"),
        Offset::Shift { .. } => relative(anchor, offset),
        Offset::Before { .. } | Offset::After { .. } => format!("the {}", relative(anchor, offset)),
    }
}

/// A relative date as it is written in `timeline.toml`.
fn relative(anchor: &str, offset: &Offset) -> String {
    match *offset {
        Offset::Same => anchor.to_string(),
        Offset::Shift { back, amount, unit } => format!(
            "{anchor} {} {}",
            if back { "-" } else { "+" },
            unit.amount(amount.into())
        ),
        Offset::Before { amount, unit } => {
            format!("{} before {anchor}", unit.amount(amount.into()))
        }
        Offset::After { amount, unit } => {
            format!("{} after {anchor}", unit.amount(amount.into()))
        }
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

    fn resolve_err(text: &str) -> DateError {
        parse_str(text).unwrap().resolve(&signing()).unwrap_err()
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
    fn a_hand_built_month_or_year_outside_the_calendar_is_an_error_not_a_panic() {
        let month = DateSpec::Month {
            year: 2020,
            month: 13,
        };
        assert_eq!(
            month.resolve(&signing()).unwrap_err().message,
            "there is no month 13 in 2020"
        );
        let year = DateSpec::Year(1_000_000);
        assert!(year.absolute().unwrap().is_err());
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
        assert!(year(0).unwrap_err().message.contains("no year 0"));
        assert!(
            parse_str("0000-01-01")
                .unwrap_err()
                .message
                .contains("no year 0")
        );
        assert!(year(12345).unwrap_err().message.contains("not a year"));
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
    }

    #[test]
    fn every_way_out_of_the_calendar_has_its_own_message() {
        assert_eq!(
            resolve_err("signing + 8000 years").message,
            "signing + 8000 years falls after the year 9999"
        );
        assert_eq!(
            resolve_err("signing - 2020 years").message,
            "signing - 2020 years falls before the year 1 (there is no year 0)"
        );
        assert_eq!(resolve("signing - 2019 years").label(), "0001-02-28");
        assert_eq!(
            parse_str("signing + 99999999999 days").unwrap_err().message,
            "99999999999 is too large an amount"
        );
        assert!(
            resolve_err("signing + 4000000000 years")
                .message
                .contains("after the year 9999")
        );
        assert!(
            resolve_err("9999 centuries before signing")
                .message
                .contains("before the year 1")
        );
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

    #[test]
    fn written_forms_read_back_to_the_same_date() {
        for text in [
            "2001-10",
            "signing",
            "signing + 135 days",
            "signing - 1 week",
            "7 days before signing",
            "3 months after invasion",
            "signing + 2 decades",
        ] {
            let spec = parse_str(text).unwrap();
            assert_eq!(spec.as_written().as_deref(), Some(text));
            assert_eq!(parse_str(&spec.to_string()).unwrap(), spec);
        }
        assert_eq!(
            parse_str("the 3 months after invasion")
                .unwrap()
                .to_string(),
            "3 months after invasion"
        );
        assert_eq!(DateSpec::Year(2001).to_string(), "2001");
        assert_eq!(DateSpec::Day(d(2020, 2, 29)).as_written(), None);
        // Found by the date fuzzer: "the" is also an id.
        for text in ["the the", "the", "the + 3 days", "the 2 weeks after the"] {
            let spec = parse_str(text).unwrap();
            assert_eq!(parse_str(&spec.to_string()).unwrap(), spec, "{text:?}");
        }
    }
}
