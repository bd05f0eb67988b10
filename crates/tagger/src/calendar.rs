//! The calendar as TIMEX3 sees it: the granularities of relative expressions
//! ("last week", "next quarter") on top of the core's calendar arithmetic.

use annals_core::calendar::{Unit, add_days, add_months, quarter_of, shift};
use chrono::{Datelike, NaiveDate, Weekday};

use crate::value::Date;

/// A calendar unit of relative expressions ("last week", "two years ago").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalUnit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl CalUnit {
    /// Parses a `[calunit]` value of the lexicon.
    pub fn parse(code: &str) -> Option<CalUnit> {
        Some(match code {
            "D" => CalUnit::Day,
            "W" => CalUnit::Week,
            "WE" => CalUnit::Weekend,
            "M" => CalUnit::Month,
            "Q" => CalUnit::Quarter,
            "Y" => CalUnit::Year,
            "DE" => CalUnit::Decade,
            "CE" => CalUnit::Century,
            _ => return None,
        })
    }
}

/// The calendar unit `n` steps of `unit` from `date`, at that unit's granularity.
pub fn shifted(date: NaiveDate, unit: CalUnit, n: i64) -> Option<Date> {
    let week = |n: i64| -> Option<(i32, u32)> {
        let w = add_days(date, n.checked_mul(7)?)?.iso_week();
        Some((w.year(), w.week()))
    };
    Some(match unit {
        CalUnit::Day => Date::Day(add_days(date, n)?),
        CalUnit::Week => {
            let (year, week) = week(n)?;
            Date::Week { year, week }
        }
        CalUnit::Weekend => {
            let (year, week) = week(n)?;
            Date::Weekend { year, week }
        }
        CalUnit::Month => {
            let d = add_months(date, n)?;
            Date::Month {
                year: d.year(),
                month: d.month(),
            }
        }
        CalUnit::Quarter => {
            let d = add_months(date, n.checked_mul(3)?)?;
            Date::Quarter {
                year: d.year(),
                quarter: quarter_of(d),
            }
        }
        CalUnit::Year => Date::Year(shift(date, n, Unit::Year).ok()?.year()),
        CalUnit::Decade => Date::Decade(shift(date, n, Unit::Decade).ok()?.year().div_euclid(10)),
        CalUnit::Century => {
            Date::Century(shift(date, n, Unit::Century).ok()?.year().div_euclid(100))
        }
    })
}

/// The day of the week numbered as TIMEX3 does: Monday 1 to Sunday 7.
pub fn weekday_number(date: NaiveDate) -> i64 {
    i64::from(date.weekday().number_from_monday())
}

/// Whether the date falls on a Saturday or Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The season of a date: 0 spring, 1 summer, 2 fall, 3 winter from December, and -1 for
/// January and February, which close the winter of the year before.
pub fn season_of(date: NaiveDate) -> i32 {
    match date.month() {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        12 => 3,
        _ => -1,
    }
}

/// The `n`th weekday `weekday` (1 = Monday) of a month on or after day `from`: holidays such
/// as Thanksgiving (the fourth Thursday of November) or Election Day (the first Tuesday on or
/// after November 2).
pub fn nth_weekday(year: i32, month: u32, from: u32, weekday: i64, n: i64) -> Option<NaiveDate> {
    if !(1..=5).contains(&n) || !(1..=7).contains(&weekday) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(year, month, from)?;
    let offset = (weekday - weekday_number(first)).rem_euclid(7) + 7 * (n - 1);
    add_days(first, offset).filter(|d| d.month() == month)
}
