//! Calendar arithmetic shared by the loader and the tagger: units of time,
//! moving a day by them without leaving the years annals can show (1 to 9999),
//! and the names of the weekdays and months.

use chrono::{Datelike, Days, Months, NaiveDate};

/// The first year annals can show.
pub const MIN_YEAR: i32 = 1;
/// The last year annals can show.
pub const MAX_YEAR: i32 = 9999;

/// A unit of calendar time.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks of seven days.
    Week,
    /// Calendar months: 31 January + 1 month is the last day of February.
    Month,
    /// Quarters of three calendar months.
    Quarter,
    /// Calendar years.
    Year,
    /// Ten calendar years.
    Decade,
    /// A hundred calendar years.
    Century,
}

impl Unit {
    /// Every unit, shortest first.
    pub const ALL: [Unit; 7] = [
        Unit::Day,
        Unit::Week,
        Unit::Month,
        Unit::Quarter,
        Unit::Year,
        Unit::Decade,
        Unit::Century,
    ];

    /// Reads an English unit word, singular or plural: `day`, `weeks`, `months`.
    pub fn parse(word: &str) -> Option<Unit> {
        Unit::ALL
            .into_iter()
            .find(|u| word == u.singular() || word == u.plural())
    }

    /// The unit's English name: `day`, `week`, ...
    pub fn singular(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }

    /// The plural: `days`, `centuries`.
    pub fn plural(self) -> &'static str {
        match self {
            Unit::Day => "days",
            Unit::Week => "weeks",
            Unit::Month => "months",
            Unit::Quarter => "quarters",
            Unit::Year => "years",
            Unit::Decade => "decades",
            Unit::Century => "centuries",
        }
    }

    /// An amount in words: `1 day`, `135 days`.
    pub fn amount(self, amount: u64) -> String {
        let word = if amount == 1 {
            self.singular()
        } else {
            self.plural()
        };
        format!("{amount} {word}")
    }

    /// How many calendar months the unit spans, or `None` for days and weeks.
    pub fn months(self) -> Option<u32> {
        match self {
            Unit::Day | Unit::Week => None,
            Unit::Month => Some(1),
            Unit::Quarter => Some(3),
            Unit::Year => Some(12),
            Unit::Decade => Some(120),
            Unit::Century => Some(1200),
        }
    }
}

/// Why a date moved by some amount left the calendar annals can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutOfRange {
    /// It would fall after 31 December 9999.
    AfterYear9999,
    /// It would fall before 1 January of year 1 (there is no year 0).
    BeforeYear1,
}

/// Whether `date` lies in the years 1 to 9999.
pub fn in_range(date: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// `date` moved by `n` units (negative: back in time). Months clamp to the
/// month's last day, as chrono does. Fails when the result leaves years 1–9999.
pub fn shift(date: NaiveDate, n: i64, unit: Unit) -> Result<NaiveDate, OutOfRange> {
    let out = if n < 0 {
        OutOfRange::BeforeYear1
    } else {
        OutOfRange::AfterYear9999
    };
    let moved = match unit.months() {
        None => {
            let per = if unit == Unit::Week { 7 } else { 1 };
            let days = n.unsigned_abs().checked_mul(per).ok_or(out)?;
            if n < 0 {
                date.checked_sub_days(Days::new(days))
            } else {
                date.checked_add_days(Days::new(days))
            }
        }
        Some(per) => {
            let months = n
                .unsigned_abs()
                .checked_mul(u64::from(per))
                .and_then(|m| u32::try_from(m).ok())
                .ok_or(out)?;
            if n < 0 {
                date.checked_sub_months(Months::new(months))
            } else {
                date.checked_add_months(Months::new(months))
            }
        }
    };
    match moved {
        Some(d) if in_range(d) => Ok(d),
        Some(d) if d.year() < MIN_YEAR => Err(OutOfRange::BeforeYear1),
        Some(_) => Err(OutOfRange::AfterYear9999),
        None => Err(out),
    }
}

/// A length of calendar time: whole months, then days ("P1M15D"), for
/// counting a span from a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Length {
    /// Calendar months.
    pub months: u32,
    /// Days after the months.
    pub days: u64,
}

impl Length {
    /// `date + self`, or `None` outside years 1–9999.
    pub fn after(self, date: NaiveDate) -> Option<NaiveDate> {
        let months = shift(date, i64::from(self.months), Unit::Month).ok()?;
        shift(months, i64::try_from(self.days).ok()?, Unit::Day).ok()
    }

    /// `date - self`, or `None` outside years 1–9999.
    pub fn before(self, date: NaiveDate) -> Option<NaiveDate> {
        let months = shift(date, -i64::from(self.months), Unit::Month).ok()?;
        shift(months, -i64::try_from(self.days).ok()?, Unit::Day).ok()
    }
}

/// `date` moved by `n` days, or `None` outside years 1–9999.
pub fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    shift(date, n, Unit::Day).ok()
}

/// `date` moved by `n` calendar months, or `None` outside years 1–9999.
pub fn add_months(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    shift(date, n, Unit::Month).ok()
}

/// The first day of the month of `date`.
pub fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The last day of the month of `date`.
pub fn month_end(date: NaiveDate) -> NaiveDate {
    let first = month_start(date);
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(date)
}

/// How many days the month has (28 to 31); `None` for a month that does not exist.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    NaiveDate::from_ymd_opt(year, month, 1).map(|d| month_end(d).day())
}

/// The calendar quarter (1 to 4) of a date.
pub fn quarter_of(date: NaiveDate) -> u32 {
    date.month0() / 3 + 1
}

/// A weekday or month as English writes it: the full name and its short forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    /// The full name, lower-case: `monday`, `september`.
    pub full: &'static str,
    /// The short forms, lower-case and without a full stop: `mon`; `sept`, `sep`.
    pub short: &'static [&'static str],
}

impl Name {
    /// Whether `word` is the full name or a short form, in any case.
    pub fn is(&self, word: &str) -> bool {
        word.eq_ignore_ascii_case(self.full)
            || self.short.iter().any(|s| word.eq_ignore_ascii_case(s))
    }
}

const fn name(full: &'static str, short: &'static [&'static str]) -> Name {
    Name { full, short }
}

/// The weekdays, Monday first: the one table of their names for the whole
/// program (datelines, the tagger's lexicon, the scorer's classes). Their
/// position plus one is their number in TIMEX3 and ISO 8601 (Monday 1, Sunday 7).
pub const WEEKDAYS: [Name; 7] = [
    name("monday", &["mon"]),
    name("tuesday", &["tue", "tues"]),
    name("wednesday", &["wed"]),
    name("thursday", &["thu", "thur", "thurs"]),
    name("friday", &["fri"]),
    name("saturday", &["sat"]),
    name("sunday", &["sun"]),
];

/// The months, January first: the one table of their names for the whole program.
pub const MONTHS: [Name; 12] = [
    name("january", &["jan"]),
    name("february", &["feb"]),
    name("march", &["mar"]),
    name("april", &["apr"]),
    name("may", &[]),
    name("june", &["jun"]),
    name("july", &["jul"]),
    name("august", &["aug"]),
    name("september", &["sept", "sep"]),
    name("october", &["oct"]),
    name("november", &["nov"]),
    name("december", &["dec"]),
];

/// The number (Monday 1 to Sunday 7) of the weekday a word names, in full or
/// short ("Sat", "Tues"), in any case.
pub fn weekday_named(word: &str) -> Option<u32> {
    position(&WEEKDAYS, word)
}

/// The number (1 to 12) of the month a word names, in full or short ("Sept").
pub fn month_named(word: &str) -> Option<u32> {
    position(&MONTHS, word)
}

fn position(names: &[Name], word: &str) -> Option<u32> {
    let k = names.iter().position(|n| n.is(word))?;
    u32::try_from(k + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn names_of_weekdays_and_months() {
        assert_eq!(weekday_named("Saturday"), Some(6));
        assert_eq!(weekday_named("TUES"), Some(2));
        assert_eq!(weekday_named("sunday"), Some(7));
        assert_eq!(weekday_named("satur"), None);
        assert_eq!(month_named("Sept"), Some(9));
        assert_eq!(month_named("May"), Some(5));
        assert_eq!(month_named("mayday"), None);
        // Chrono numbers them the same way.
        let day = d(2020, 2, 29);
        assert_eq!(
            WEEKDAYS[day.weekday().num_days_from_monday() as usize].full,
            "saturday"
        );
        assert_eq!(MONTHS[day.month0() as usize].full, "february");
    }

    #[test]
    fn shifts_follow_the_calendar() {
        let signing = d(2020, 2, 29);
        assert_eq!(shift(signing, 135, Unit::Day), Ok(d(2020, 7, 13)));
        assert_eq!(shift(signing, 14, Unit::Month), Ok(d(2021, 4, 29)));
        assert_eq!(shift(signing, -1, Unit::Year), Ok(d(2019, 2, 28)));
        assert_eq!(shift(signing, -2, Unit::Week), Ok(d(2020, 2, 15)));
        assert_eq!(shift(signing, 1, Unit::Quarter), Ok(d(2020, 5, 29)));
        assert_eq!(shift(signing, 2, Unit::Decade), Ok(d(2040, 2, 29)));
        assert_eq!(shift(d(2020, 1, 31), 1, Unit::Month), Ok(d(2020, 2, 29)));
    }

    #[test]
    fn shifts_stay_within_years_1_to_9999() {
        let signing = d(2020, 2, 29);
        assert_eq!(
            shift(signing, 8000, Unit::Year),
            Err(OutOfRange::AfterYear9999)
        );
        assert_eq!(
            shift(signing, -2020, Unit::Year),
            Err(OutOfRange::BeforeYear1)
        );
        assert_eq!(shift(signing, -2019, Unit::Year), Ok(d(1, 2, 28)));
        assert_eq!(
            shift(signing, i64::MAX, Unit::Day),
            Err(OutOfRange::AfterYear9999)
        );
        assert_eq!(
            shift(signing, i64::MIN, Unit::Century),
            Err(OutOfRange::BeforeYear1)
        );
    }

    #[test]
    fn unit_words_read_and_write() {
        for unit in Unit::ALL {
            assert_eq!(Unit::parse(unit.singular()), Some(unit));
            assert_eq!(Unit::parse(unit.plural()), Some(unit));
        }
        assert_eq!(Unit::parse("fortnight"), None);
        assert_eq!(Unit::Day.amount(1), "1 day");
        assert_eq!(Unit::Century.amount(3), "3 centuries");
    }

    #[test]
    fn months_have_their_lengths() {
        assert_eq!(days_in_month(2020, 2), Some(29));
        assert_eq!(days_in_month(2021, 2), Some(28));
        assert_eq!(days_in_month(2021, 13), None);
        assert_eq!(month_end(d(2020, 12, 5)), d(2020, 12, 31));
        assert_eq!(quarter_of(d(2020, 7, 1)), 3);
    }
}
