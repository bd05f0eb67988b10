//! Normalisers: the actions named in `rules/patterns.txt`, turning matched
//! slots into typed TIMEX3 values. Dates and times are in [`dates`], lengths
//! of time and sets in [`lengths`].

mod dates;
mod lengths;

use annals_core::calendar::{Length, add_days};
use chrono::{Datelike, NaiveDate};

use super::slots::{Slot, Slots};
use super::timex::TimexType;
use super::value::{Date, DayPart, DayTime, Mod, Ref, Set, Value};

/// The normaliser a rule names; its name in `patterns.txt` is the lower-cased variant name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum Action {
    Date,
    Decade,
    Century,
    Season,
    Half,
    Quarter,
    Relday,
    Weekday,
    Relunit,
    Time,
    Ago,
    Ref,
    Duration,
    Set,
    SetDay,
    SetMonth,
    /// Matches words that look like an expression but are not one.
    Skip,
}

impl Action {
    /// Looks an action up by its name in `patterns.txt`.
    pub fn parse(name: &str) -> Option<Action> {
        name.parse().ok()
    }
}

/// The tense of a sentence, as far as its marker words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// What the normaliser needs to know about the document.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// The document creation time.
    pub dct: NaiveDate,
    /// The tense of the sentence the expression is in.
    pub tense: Tense,
    /// A year written just after the expression ("the September 11 attacks in
    /// 2001"): the year of a month and day that give none.
    pub year_after: Option<i32>,
    /// The last calendar quarter the document spoke of, for "the quarter", "a year earlier".
    pub last_quarter: &'a mut Option<(i32, u32)>,
    /// The last year the document wrote out, for "later that year".
    pub last_year: &'a mut Option<i32>,
    /// The date the document last named, when it is near enough to be what
    /// "one year later", "the next day" or "the following Monday" counts from.
    pub last_date: Option<Date>,
    /// The month and day written after a reporting period ("the quarter ending
    /// March 31"): the day the period ends.
    pub period_end: Option<(u32, u32)>,
}

/// A normalised expression before it is placed in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: Value,
    pub modifier: Option<Mod>,
    /// For durations: the length in calendar terms, when it has one.
    pub span: Option<Length>,
    /// For durations: -1 counted back from the anchor ("the past week"), +1 forward
    /// ("the next three months", "the first 135 days"), 0 unknown.
    pub direction: i8,
    /// For day-precision dates: the day, so that later event anchors can find it.
    pub day: Option<NaiveDate>,
    /// For clock times: the zone written after them ("GMT", "ET").
    pub zone: Option<Zone>,
    /// For clock times without a day of their own: the day is the DCT's until a
    /// day written next to the time gives it ("11:30 p.m. on Saturday").
    pub floating: bool,
    /// Written as a page stamps its own time: a date with its time of day.
    pub stamp: bool,
}

/// A time zone as `[timezone]` gives it: minutes from UTC, and whether US
/// daylight time applies ("ET" is EST or EDT by the date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    minutes: i32,
    us_daylight: bool,
}

impl Zone {
    /// Reads a `[timezone]` value: `+0`, `-5`, `+5.5`, `us-5`.
    pub fn parse(code: &str) -> Option<Zone> {
        let (us_daylight, hours) = match code.strip_prefix("us") {
            Some(rest) => (true, rest),
            None => (false, code),
        };
        let hours: f64 = hours.parse().ok()?;
        let minutes = (hours * 60.0).round();
        (minutes.abs() <= 14.0 * 60.0).then_some(Zone {
            minutes: minutes as i32,
            us_daylight,
        })
    }

    /// Minutes from UTC on `day`: US daylight time runs from the second Sunday
    /// of March to the first Sunday of November.
    pub fn offset_on(self, day: NaiveDate) -> i32 {
        if !self.us_daylight {
            return self.minutes;
        }
        let year = day.year();
        let begins = crate::calendar::nth_weekday(year, 3, 1, 7, 2);
        let ends = crate::calendar::nth_weekday(year, 11, 1, 7, 1);
        match (begins, ends) {
            (Some(b), Some(e)) if day >= b && day < e => self.minutes + 60,
            _ => self.minutes,
        }
    }

    /// Whether this is UTC itself (GMT, UTC, Z).
    pub fn is_utc(self) -> bool {
        self.minutes == 0 && !self.us_daylight
    }
}

impl Resolved {
    fn new(kind: TimexType, value: Value) -> Resolved {
        Resolved {
            kind,
            value,
            modifier: None,
            span: None,
            direction: 0,
            day: None,
            zone: None,
            floating: false,
            stamp: false,
        }
    }

    /// A value with nothing else known about it.
    pub(crate) fn plain(kind: TimexType, value: Value) -> Resolved {
        Resolved::new(kind, value)
    }

    /// A date; a day is also offered to later event anchors.
    fn date(kind: TimexType, date: Date) -> Resolved {
        let day = match date {
            Date::Day(d) => Some(d),
            _ => None,
        };
        Resolved {
            day,
            ..Resolved::new(kind, Value::Date(date))
        }
    }

    fn with_mod(mut self, modifier: Option<Mod>) -> Resolved {
        self.modifier = modifier;
        self
    }
}

/// The TIMEX3 `mod` a slot names, if it holds a known one.
fn modifier(s: &Slots, slot: Slot) -> Option<Mod> {
    s.text(slot).and_then(Mod::from_code)
}

/// Runs a normaliser; `None` when the slots do not make a valid value (e.g. February 30).
pub fn apply(action: Action, kind: TimexType, s: &Slots, ctx: &mut Ctx) -> Option<Resolved> {
    let modifier = modifier(s, Slot::Mod)
        .or(modifier(s, Slot::Position))
        .or(modifier(s, Slot::Premod));
    let r = match action {
        Action::Date => {
            let r = dates::date(kind, s, ctx)?;
            if s.has(Slot::Year) {
                *ctx.last_year = explicit_year(s, ctx);
            }
            r
        }
        Action::Decade => dates::decade(kind, s, ctx)?,
        Action::Century => {
            let n = s.int(Slot::Ordinal).filter(|n| (1..=99).contains(n))?;
            Resolved::date(kind, Date::Century(i32::try_from(n - 1).ok()?))
        }
        Action::Season => dates::season(kind, s, ctx)?,
        Action::Half => {
            let year = explicit_year(s, ctx).unwrap_or(ctx.dct.year());
            let half = match s.text(Slot::Half)? {
                "H1" => 1,
                "H2" => 2,
                _ => return None,
            };
            Resolved::date(kind, Date::Half { year, half })
        }
        Action::Quarter => dates::quarter(kind, s, ctx)?,
        Action::Relday => {
            let day = add_days(ctx.dct, s.int(Slot::Relday)?)?;
            match s.text(Slot::Partday) {
                Some(part) => Resolved::new(
                    kind,
                    Value::Time(day, DayTime::Part(DayPart::from_code(part)?)),
                ),
                None => Resolved::date(kind, Date::Day(day)),
            }
        }
        // TimeBank gives "Friday night" the value of the day.
        Action::Weekday => Resolved::date(kind, Date::Day(dates::weekday(s, ctx)?)),
        Action::Relunit => dates::relunit(kind, s, ctx)?,
        Action::Time => dates::time(kind, s, ctx)?,
        Action::Ago => dates::ago(kind, s, ctx)?,
        Action::Ref => Resolved::new(kind, Value::Ref(Ref::from_code(s.text(Slot::Ref)?)?)),
        Action::Duration => return lengths::duration(kind, s),
        Action::Set => lengths::set(kind, s)?,
        Action::SetDay => {
            let day = s.int(Slot::Weekday).or(s.int(Slot::Weekdays))?;
            let day = u32::try_from(day).ok().filter(|d| (1..=7).contains(d))?;
            let part = match s.text(Slot::Partday).or(s.text(Slot::Partdays)) {
                Some(p) => Some(DayPart::from_code(p)?),
                None => None,
            };
            Resolved::new(kind, Value::Set(Set::Weekday(day, part)))
        }
        Action::Skip => return None,
        Action::SetMonth => {
            let month = s.int(Slot::Month).filter(|m| (1..=12).contains(m))?;
            Resolved::new(kind, Value::Set(Set::Month(u32::try_from(month).ok()?)))
        }
    };
    let stamp = s.has(Slot::Stamp);
    Some(Resolved {
        stamp,
        ..r.with_mod(modifier)
    })
}

/// A year written out, or given relative to the DCT's ("June last year").
fn explicit_year(s: &Slots, ctx: &Ctx) -> Option<i32> {
    if let Some(y) = s.int(Slot::Year) {
        let y = i32::try_from(y).ok()?;
        // A famous date before its time is an ordinary one.
        return (!s.has(Slot::Famous) || y <= ctx.dct.year()).then_some(y);
    }
    if let Some(yy) = s.int(Slot::Yy) {
        // "08/04/11": the year of that century nearest the DCT, at most ten years ahead.
        let dct = i64::from(ctx.dct.year());
        let mut year = dct - dct.rem_euclid(100) + yy;
        if year > dct + 10 {
            year -= 100;
        }
        return i32::try_from(year).ok();
    }
    let offset = s.int(Slot::Yrel)?;
    i32::try_from(i64::from(ctx.dct.year()) + offset).ok()
}

/// The year of a month (and day) given without one: the occurrence nearest the DCT, where a
/// date on the side the sentence's tense points away from counts as twice as far.
fn infer_year(month: u32, day: Option<u32>, ctx: &Ctx) -> i32 {
    let dct = ctx.dct;
    let mut best = (i64::MAX, dct.year());
    for year in [dct.year() - 1, dct.year(), dct.year() + 1] {
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day.unwrap_or(15)) else {
            continue;
        };
        let diff = (date - dct).num_days();
        let against = match ctx.tense {
            Tense::Past => diff > 0,
            Tense::Future => diff < 0,
            Tense::Present => false,
        };
        let cost = diff.abs() * if against { 2 } else { 1 };
        if cost < best.0 {
            best = (cost, year);
        }
    }
    best.1
}
