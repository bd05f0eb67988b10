//! Calendar arithmetic and TIMEX3 value formatting on top of chrono.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

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

/// A length in calendar terms, for resolving anchored durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub months: u32,
    pub days: u64,
}

impl Span {
    /// `date + self`, or `None` outside chrono's range.
    pub fn after(self, date: NaiveDate) -> Option<NaiveDate> {
        date.checked_add_months(Months::new(self.months))?
            .checked_add_days(Days::new(self.days))
    }

    /// `date - self`, or `None` outside chrono's range.
    pub fn before(self, date: NaiveDate) -> Option<NaiveDate> {
        date.checked_sub_months(Months::new(self.months))?
            .checked_sub_days(Days::new(self.days))
    }
}

/// `date` moved by `n` days (negative: back).
pub fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    let days = Days::new(n.unsigned_abs());
    if n >= 0 {
        date.checked_add_days(days)
    } else {
        date.checked_sub_days(days)
    }
}

/// `date` moved by `n` months (negative: back), clamped to the month's last day.
pub fn add_months(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        date.checked_add_months(months)
    } else {
        date.checked_sub_months(months)
    }
}

/// The calendar quarter (1 to 4) of a date.
pub fn quarter_of(date: NaiveDate) -> u32 {
    date.month0() / 3 + 1
}

/// `YYYY-MM-DD`.
pub fn day_value(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `YYYY-MM`.
pub fn month_value(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// The ISO week, `YYYY-Www`.
pub fn week_value(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// `YYYY`.
pub fn year_value(year: i32) -> String {
    format!("{year:04}")
}

/// The date `n` steps of `unit` from `date`, at that unit's granularity.
pub fn shifted_value(date: NaiveDate, unit: CalUnit, n: i64) -> Option<String> {
    Some(match unit {
        CalUnit::Day => day_value(add_days(date, n)?),
        CalUnit::Week => week_value(add_days(date, n.checked_mul(7)?)?),
        CalUnit::Weekend => format!("{}-WE", week_value(add_days(date, n.checked_mul(7)?)?)),
        CalUnit::Month => month_value(add_months(date, n)?),
        CalUnit::Quarter => {
            let d = add_months(date, n.checked_mul(3)?)?;
            format!("{:04}-Q{}", d.year(), quarter_of(d))
        }
        CalUnit::Year => year_value(i32::try_from(i64::from(date.year()) + n).ok()?),
        CalUnit::Decade => {
            let decade = i64::from(date.year()).div_euclid(10) + n;
            (0..1000)
                .contains(&decade)
                .then(|| format!("{decade:03}"))?
        }
        CalUnit::Century => {
            let century = i64::from(date.year()).div_euclid(100) + n;
            (0..100)
                .contains(&century)
                .then(|| format!("{century:02}"))?
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
