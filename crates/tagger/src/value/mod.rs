//! TIMEX3 values as types: what a temporal expression means, not a string to
//! be parsed again. `Display` writes the TIMEX3 form (`2020-02-29`,
//! `2020-W08`, `P14M`, `PRESENT_REF`, `XXXX-WXX-4`) and `FromStr` (in `parse.rs`)
//! reads it back.

mod parse;

use std::fmt;

use chrono::{Datelike, NaiveDate};

pub use parse::UnknownValue;
use serde::{Serialize, Serializer};

/// A normalised TIMEX3 value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    /// A calendar date or period: a day, week, month, quarter, year, decade...
    Date(Date),
    /// A time of day, or a part of a day, on a given day: `2001-10-07T15:00`, `2001-10-07TMO`.
    Time(NaiveDate, DayTime),
    /// A length of time: `P14M`, `PT3H`, `PXY`.
    Duration(Duration),
    /// The present, past or future, unspecified: `PRESENT_REF`.
    Ref(Ref),
    /// A recurring time: `XXXX-WXX-4` (every Thursday), `P1W` (weekly).
    Set(Set),
}

impl Value {
    /// Whether a date or time in this value is one the calendar has (see
    /// [`Date::in_calendar`]); lengths, references and sets always are.
    pub fn in_calendar(&self) -> bool {
        match self {
            Value::Date(d) => d.in_calendar(),
            Value::Time(d, _) => Date::Day(*d).in_calendar(),
            Value::Duration(_) | Value::Ref(_) | Value::Set(_) => true,
        }
    }
}

/// A calendar date or period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Date {
    /// One day: `2020-02-29`.
    Day(NaiveDate),
    /// An ISO week: `2020-W08`.
    Week {
        /// The ISO week-numbering year.
        year: i32,
        /// The ISO week, 1 to 53.
        week: u32,
    },
    /// The weekend of an ISO week: `2020-W08-WE`.
    Weekend {
        /// The ISO week-numbering year.
        year: i32,
        /// The ISO week, 1 to 53.
        week: u32,
    },
    /// A month: `2001-10`.
    Month {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
    /// A quarter: `2020-Q1`.
    Quarter {
        /// The year.
        year: i32,
        /// The quarter, 1 to 4.
        quarter: u32,
    },
    /// A half year: `2020-H2`.
    Half {
        /// The year.
        year: i32,
        /// The half, 1 or 2.
        half: u32,
    },
    /// A season: `2020-SU`.
    Season {
        /// The year.
        year: i32,
        /// Which season.
        season: Season,
    },
    /// A year: `2001`.
    Year(i32),
    /// A decade, by its first three digits: `199` for the 1990s.
    Decade(i32),
    /// A century, by its first two digits: `19` for the 1900s.
    Century(i32),
}

impl Date {
    /// Whether the calendar annals shows has this period: its year is 1 to
    /// 9999 (decades 000 to 999, centuries 00 to 99).
    pub fn in_calendar(&self) -> bool {
        use annals_core::calendar::{MAX_YEAR, MIN_YEAR};
        let year = match *self {
            Date::Day(d) => d.year(),
            Date::Week { year, .. }
            | Date::Weekend { year, .. }
            | Date::Month { year, .. }
            | Date::Quarter { year, .. }
            | Date::Half { year, .. }
            | Date::Season { year, .. }
            | Date::Year(year) => year,
            Date::Decade(decade) => return (0..=MAX_YEAR / 10).contains(&decade),
            Date::Century(century) => return (0..=MAX_YEAR / 100).contains(&century),
        };
        (MIN_YEAR..=MAX_YEAR).contains(&year)
    }
}

/// A season of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// `SP`
    Spring,
    /// `SU`
    Summer,
    /// `FA`
    Fall,
    /// `WI`
    Winter,
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayTime {
    /// A clock time: `T15:00`.
    Clock {
        /// 0 to 24.
        hour: u32,
        /// 0 to 59.
        minute: u32,
    },
    /// A part of the day: `TMO`.
    Part(DayPart),
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    /// `MO`
    Morning,
    /// `AF`
    Afternoon,
    /// `EV`
    Evening,
    /// `NI`
    Night,
    /// `DT`
    Daytime,
}

/// The unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// `S` (after `T`)
    Second,
    /// `M` (after `T`)
    Minute,
    /// `H` (after `T`)
    Hour,
    /// `D`
    Day,
    /// `W`
    Week,
    /// `M`
    Month,
    /// `Q`
    Quarter,
    /// `Y`
    Year,
    /// `DE`
    Decade,
    /// `CE`
    Century,
    /// `ML`
    Millennium,
    /// `X`: a length of something unknown.
    Unknown,
}

/// A length of time: an amount of a unit, and possibly a remainder in a
/// smaller unit (`P2Y6M`, `P1DT12H`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    /// How many units; `None` for an unknown number (`PXY`, "for years").
    pub amount: Option<u64>,
    /// Which unit.
    pub unit: Unit,
    /// A remainder in a smaller unit: `6M` of `P2Y6M`.
    pub rest: Option<(u64, Unit)>,
}

/// An unspecified point of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref {
    /// `PRESENT_REF`: now, currently.
    Present,
    /// `PAST_REF`: recently, in the past.
    Past,
    /// `FUTURE_REF`: in the future.
    Future,
}

/// A recurring time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Set {
    /// Every such length of time: `P1W`.
    Every(Duration),
    /// A weekday (1 Monday to 7 Sunday) every week, perhaps a part of it: `XXXX-WXX-4TNI`.
    Weekday(u32, Option<DayPart>),
    /// Every weekend: `XXXX-WXX-WE`.
    Weekend,
    /// A month every year: `XXXX-06`.
    Month(u32),
}

/// The TIMEX3 `mod` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mod {
    /// `BEFORE`
    Before,
    /// `AFTER`
    After,
    /// `ON_OR_BEFORE`
    OnOrBefore,
    /// `ON_OR_AFTER`
    OnOrAfter,
    /// `LESS_THAN`
    LessThan,
    /// `MORE_THAN`
    MoreThan,
    /// `EQUAL_OR_LESS`
    EqualOrLess,
    /// `EQUAL_OR_MORE`
    EqualOrMore,
    /// `START`
    Start,
    /// `MID`
    Mid,
    /// `END`
    End,
    /// `APPROX`
    Approx,
}

/// Two-way tables between a type and its TIMEX3 codes.
macro_rules! codes {
    ($ty:ty { $($variant:ident = $code:literal),+ $(,)? }) => {
        impl $ty {
            /// The TIMEX3 code.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// Reads a TIMEX3 code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

codes!(Season { Spring = "SP", Summer = "SU", Fall = "FA", Winter = "WI" });
codes!(DayPart { Morning = "MO", Afternoon = "AF", Evening = "EV", Night = "NI", Daytime = "DT" });
codes!(Ref { Present = "PRESENT_REF", Past = "PAST_REF", Future = "FUTURE_REF" });
codes!(Mod {
    Before = "BEFORE",
    After = "AFTER",
    OnOrBefore = "ON_OR_BEFORE",
    OnOrAfter = "ON_OR_AFTER",
    LessThan = "LESS_THAN",
    MoreThan = "MORE_THAN",
    EqualOrLess = "EQUAL_OR_LESS",
    EqualOrMore = "EQUAL_OR_MORE",
    Start = "START",
    Mid = "MID",
    End = "END",
    Approx = "APPROX",
});

impl Unit {
    /// The calendar's unit of the same length, for counting from a date;
    /// `None` for clock units, millennia and the unknown unit.
    pub fn calendar(self) -> Option<annals_core::calendar::Unit> {
        use annals_core::calendar::Unit as C;
        Some(match self {
            Unit::Day => C::Day,
            Unit::Week => C::Week,
            Unit::Month => C::Month,
            Unit::Quarter => C::Quarter,
            Unit::Year => C::Year,
            Unit::Decade => C::Decade,
            Unit::Century => C::Century,
            _ => return None,
        })
    }

    /// Whether the unit is written after `T` (hours, minutes, seconds).
    pub fn is_time(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    fn letter(self) -> &'static str {
        match self {
            Unit::Second => "S",
            Unit::Minute | Unit::Month => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Millennium => "ML",
            Unit::Unknown => "X",
        }
    }

    fn from_letter(letter: &str, time: bool) -> Option<Unit> {
        Some(match (letter, time) {
            ("S", true) => Unit::Second,
            ("M", true) => Unit::Minute,
            ("H", true) => Unit::Hour,
            ("D", false) => Unit::Day,
            ("W", false) => Unit::Week,
            ("M", false) => Unit::Month,
            ("Q", false) => Unit::Quarter,
            ("Y", false) => Unit::Year,
            ("DE", false) => Unit::Decade,
            ("CE", false) => Unit::Century,
            ("ML", false) => Unit::Millennium,
            ("X", false) => Unit::Unknown,
            _ => return None,
        })
    }
}

impl Duration {
    /// `amount` of `unit`, with no remainder.
    pub fn of(amount: u64, unit: Unit) -> Duration {
        Duration {
            amount: Some(amount),
            unit,
            rest: None,
        }
    }

    /// An unknown number of `unit`s: "for years".
    pub fn vague(unit: Unit) -> Duration {
        Duration {
            amount: None,
            unit,
            rest: None,
        }
    }

    /// The length in calendar months and days, for counting it from a date;
    /// `None` for lengths of hours or less, or of an unknown amount.
    pub fn calendar(&self) -> Option<annals_core::calendar::Length> {
        let part = |n: u64, unit: Unit| -> Option<(u64, u64)> {
            if unit == Unit::Millennium {
                return Some((n.checked_mul(12_000)?, 0));
            }
            let unit = unit.calendar()?;
            Some(match unit.months() {
                Some(months) => (n.checked_mul(u64::from(months))?, 0),
                None if unit == annals_core::calendar::Unit::Week => (0, n.checked_mul(7)?),
                None => (0, n),
            })
        };
        let (months, days) = part(self.amount?, self.unit)?;
        let (more_months, more_days) = match self.rest {
            Some((n, unit)) if !unit.is_time() => part(n, unit)?,
            _ => (0, 0),
        };
        Some(annals_core::calendar::Length {
            months: u32::try_from(months.checked_add(more_months)?).ok()?,
            days: days.checked_add(more_days)?,
        })
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        if self.unit.is_time() {
            f.write_str("T")?;
        }
        match self.amount {
            Some(n) => write!(f, "{n}{}", self.unit.letter())?,
            None => write!(f, "X{}", self.unit.letter())?,
        }
        if let Some((n, unit)) = self.rest {
            if unit.is_time() && !self.unit.is_time() {
                f.write_str("T")?;
            }
            write!(f, "{n}{}", unit.letter())?;
        }
        Ok(())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Date::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Date::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Date::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            Date::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Date::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Date::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Date::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            Date::Year(y) => write!(f, "{y:04}"),
            Date::Decade(d) => write!(f, "{d:03}"),
            Date::Century(c) => write!(f, "{c:02}"),
        }
    }
}

impl fmt::Display for DayTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DayTime::Clock { hour, minute } => write!(f, "T{hour:02}:{minute:02}"),
            DayTime::Part(part) => write!(f, "T{}", part.code()),
        }
    }
}

impl fmt::Display for Set {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Set::Every(d) => d.fmt(f),
            Set::Weekday(day, part) => {
                write!(f, "XXXX-WXX-{day}")?;
                match part {
                    Some(p) => write!(f, "T{}", p.code()),
                    None => Ok(()),
                }
            }
            Set::Weekend => f.write_str("XXXX-WXX-WE"),
            Set::Month(m) => write!(f, "XXXX-{m:02}"),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Date(d) => d.fmt(f),
            Value::Time(day, time) => {
                Date::Day(*day).fmt(f)?;
                time.fmt(f)
            }
            Value::Duration(d) => d.fmt(f),
            Value::Ref(r) => f.write_str(r.code()),
            Value::Set(s) => s.fmt(f),
        }
    }
}

impl fmt::Display for Mod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Mod {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Compares a value with a TIMEX3 string: equal when the string reads as this value.
impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        other.parse::<Value>().is_ok_and(|v| v == *self)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reads_back_as_written() {
        for text in [
            "2020-02-29",
            "2020-W08",
            "2020-W08-WE",
            "2001-10",
            "2020-Q1",
            "2020-H2",
            "2020-SU",
            "2001",
            "199",
            "19",
            "2001-10-07T15:00",
            "2001-10-07TMO",
            "P14M",
            "P2Y6M",
            "P1DT12H",
            "PT1H30M",
            "PT45S",
            "P0Y",
            "PXY",
            "PTXH",
            "PXDE",
            "PXX",
            "P3Q",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
            "XXXX-WXX-4",
            "XXXX-WXX-4TNI",
            "XXXX-WXX-WE",
            "XXXX-06",
        ] {
            let value: Value = text.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(value.to_string(), text);
            // Compared with text, a value is equal only to a text of the same value.
            assert_ne!(value, "soon");
            assert_ne!(value, "1066");
        }
    }

    #[test]
    fn nonsense_is_not_a_value() {
        for text in [
            "",
            "2020-13",
            "2020-02-30",
            "P",
            "PT3D",
            "P3H",
            "XXXX-WXX-8",
            "2020-W8",
            "2020-W99",
            "2020-W00-WE",
            "2020-Q9",
            "2020-Q0",
            "2020-H7",
            "soon",
        ] {
            assert!(text.parse::<Value>().is_err(), "{text}");
        }
    }

    #[test]
    fn durations_have_calendar_lengths() {
        let length = |s: &str| match s.parse::<Value>() {
            Ok(Value::Duration(d)) => d.calendar().map(|l| (l.months, l.days)),
            _ => panic!("{s}"),
        };
        assert_eq!(length("P14M"), Some((14, 0)));
        assert_eq!(length("P2Y6M"), Some((30, 0)));
        assert_eq!(length("P135D"), Some((0, 135)));
        assert_eq!(length("P1W"), Some((0, 7)));
        assert_eq!(length("P1M15D"), Some((1, 15)));
        assert_eq!(length("PT3H"), None);
        assert_eq!(length("PXY"), None);
    }

    #[test]
    fn mods_have_their_codes() {
        assert_eq!(Mod::from_code("EQUAL_OR_LESS"), Some(Mod::EqualOrLess));
        assert_eq!(Mod::Approx.to_string(), "APPROX");
        assert_eq!(Mod::from_code("ROUGHLY"), None);
    }
}
