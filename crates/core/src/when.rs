//! Resolved dates: an inclusive span of days that keeps how precisely it is known.
//!
//! A year is a year, not 1 January; a date computed from another event
//! remembers how ("signing + 135 days").

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// How precisely a date is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
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

/// A resolved date: an inclusive span of days with its precision.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct When {
    /// First day (for a year, 1 January; but see `precision`).
    #[serde(with = "days")]
    pub start: NaiveDate,
    /// Last day, inclusive.
    #[serde(with = "days")]
    pub end: NaiveDate,
    /// How precisely it is known.
    pub precision: Precision,
    /// How it was computed, for a relative date: "signing + 135 days".
    pub computed: Option<String>,
}

impl When {
    /// A single day.
    pub fn day(date: NaiveDate) -> When {
        When::span(date, date, Precision::Day)
    }

    /// A span of days known to `precision`, not computed from another event.
    pub fn span(start: NaiveDate, end: NaiveDate, precision: Precision) -> When {
        When {
            start,
            end,
            precision,
            computed: None,
        }
    }

    /// The date as precise as known: `2001`, `2001-10`, `2020-02-29`,
    /// `2020-02-22 – 2020-02-28`.
    pub fn label(&self) -> String {
        let (start, end) = self.bounds();
        match self.precision {
            Precision::Range => format!("{start} – {end}"),
            Precision::Day | Precision::Month | Precision::Year => start,
        }
    }

    /// The first and last day as precisely as known: `2020-02-22` and
    /// `2020-02-28` for a range or a day, `2001-10` twice for a month, `2009`
    /// twice for a year. This is what date-selection scorers read: a year is
    /// not the 1 January it starts on.
    pub fn bounds(&self) -> (String, String) {
        let at = |d: NaiveDate| match self.precision {
            Precision::Day | Precision::Range => iso_day(d),
            Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Precision::Year => format!("{:04}", d.year()),
        };
        (at(self.start), at(self.end))
    }

    /// How many characters [`When::label`] takes, without building it.
    pub fn label_width(&self) -> usize {
        match self.precision {
            Precision::Day => 10,
            Precision::Month => 7,
            Precision::Year => 4,
            Precision::Range => 23,
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

    /// Whether two spans share at least one day.
    pub fn overlaps(&self, other: &When) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// `YYYY-MM-DD`, zero-padded whatever the year.
pub fn iso_day(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Days as serde sees them in this crate's types: a day number (days from
/// 1 January of year 1), which encodes and decodes without the parsing a
/// written date needs. Only annals' own binary formats (its cache) use it:
/// what people read is written by the printers.
pub mod days {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `date` as its day number.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(date.num_days_from_ce())
    }

    /// Reads a day number; one outside chrono's calendar is an error.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let n = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(n)
            .ok_or_else(|| serde::de::Error::custom(format!("day {n} is outside the calendar")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn labels_keep_the_precision() {
        let year = When::span(d(2001, 1, 1), d(2001, 12, 31), Precision::Year);
        assert_eq!(year.label(), "2001");
        let month = When::span(d(2001, 10, 1), d(2001, 10, 31), Precision::Month);
        assert_eq!(
            (month.label(), month.human()),
            ("2001-10".into(), "October 2001".into())
        );
        let week = When::span(d(2020, 2, 22), d(2020, 2, 28), Precision::Range);
        assert_eq!(week.label(), "2020-02-22 – 2020-02-28");
        assert_eq!(week.human(), "22–28 February 2020");
        assert_eq!(week.days(), 7);
        assert_eq!(When::day(d(33, 3, 3)).label(), "0033-03-03");
    }

    #[test]
    fn label_width_counts_the_label() {
        for when in [
            When::day(d(2020, 2, 29)),
            When::span(d(2020, 2, 22), d(2020, 2, 28), Precision::Range),
            When::span(d(2001, 10, 1), d(2001, 10, 31), Precision::Month),
            When::span(d(2001, 1, 1), d(2001, 12, 31), Precision::Year),
        ] {
            assert_eq!(when.label_width(), when.label().chars().count());
        }
    }

    #[test]
    fn bounds_keep_the_precision() {
        let year = When::span(d(2009, 1, 1), d(2009, 12, 31), Precision::Year);
        assert_eq!(year.bounds(), ("2009".into(), "2009".into()));
        let month = When::span(d(2001, 10, 1), d(2001, 10, 31), Precision::Month);
        assert_eq!(month.bounds(), ("2001-10".into(), "2001-10".into()));
        let week = When::span(d(2020, 2, 22), d(2020, 2, 28), Precision::Range);
        assert_eq!(week.bounds(), ("2020-02-22".into(), "2020-02-28".into()));
    }

    #[test]
    fn overlaps_shares_a_day() {
        let week = When::span(d(2020, 2, 22), d(2020, 2, 28), Precision::Range);
        assert!(week.overlaps(&When::day(d(2020, 2, 28))));
        assert!(!week.overlaps(&When::day(d(2020, 2, 29))));
    }
}
