//! Normalisers: the actions named in `rules/patterns.txt`, turning matched slots into TIMEX3 values.

use chrono::{Datelike, NaiveDate};

use super::TimexType;
use super::calendar::{
    self, CalUnit, Span, add_days, day_value, is_weekend, month_value, quarter_of, season_of,
    shifted_value, weekday_number, year_value,
};
use super::context::Tense;
use super::pattern::{Cap, Slot};

/// Largest count accepted in a duration; "10,000-digit numbers" are not durations.
const MAX_COUNT: f64 = 1.0e6;

// Which slots are set is a 64-bit mask.
const _: () = assert!(Slot::COUNT <= 64);

/// The slots filled by a rule match. A bit mask says which are set, so that clearing them
/// between rule attempts costs nothing.
#[derive(Debug, Clone, Copy)]
pub struct Slots<'t> {
    set: u64,
    values: [Cap<'t>; Slot::COUNT],
}

impl Default for Slots<'_> {
    fn default() -> Self {
        Slots {
            set: 0,
            values: [Cap::Num(0.0); Slot::COUNT],
        }
    }
}

impl<'t> Slots<'t> {
    /// Stores a value in a slot, replacing what was there.
    pub fn set(&mut self, slot: Slot, value: Cap<'t>) {
        self.values[slot as usize] = value;
        self.set |= 1 << slot as u32;
    }

    /// Empties every slot.
    pub fn clear(&mut self) {
        self.set = 0;
    }

    fn get(&self, slot: Slot) -> Option<Cap<'t>> {
        self.has(slot).then(|| self.values[slot as usize])
    }

    /// Whether the slot holds anything.
    pub fn has(&self, slot: Slot) -> bool {
        self.set & (1 << slot as u32) != 0
    }

    /// The slot's text, if it holds text.
    pub fn text(&self, slot: Slot) -> Option<&'t str> {
        match self.get(slot)? {
            Cap::Text(s) => Some(s),
            Cap::Num(_) => None,
        }
    }

    /// The slot's number: a number read from the text or a numeric lexicon value.
    pub fn num(&self, slot: Slot) -> Option<f64> {
        match self.get(slot)? {
            Cap::Num(n) => Some(n),
            Cap::Text(s) => s.parse().ok(),
        }
    }

    /// The slot's number if it is a whole number of reasonable size.
    pub fn int(&self, slot: Slot) -> Option<i64> {
        let n = self.num(slot)?;
        (n.fract() == 0.0 && n.abs() <= MAX_COUNT).then_some(n as i64)
    }
}

/// The normaliser a rule names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
        Some(match name {
            "date" => Action::Date,
            "decade" => Action::Decade,
            "century" => Action::Century,
            "season" => Action::Season,
            "half" => Action::Half,
            "quarter" => Action::Quarter,
            "relday" => Action::Relday,
            "weekday" => Action::Weekday,
            "relunit" => Action::Relunit,
            "time" => Action::Time,
            "ago" => Action::Ago,
            "ref" => Action::Ref,
            "duration" => Action::Duration,
            "set" => Action::Set,
            "setday" => Action::SetDay,
            "setmonth" => Action::SetMonth,
            "skip" => Action::Skip,
            _ => return None,
        })
    }
}

/// What the normaliser needs to know about the document.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// The document creation time.
    pub dct: NaiveDate,
    /// The tense of the sentence the expression is in.
    pub tense: Tense,
    /// The last calendar quarter the document spoke of, for "the quarter", "a year earlier".
    pub last_quarter: &'a mut Option<(i32, u32)>,
    /// The last year the document wrote out, for "later that year".
    pub last_year: &'a mut Option<i32>,
}

/// A normalised expression before it is placed in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<String>,
    /// For durations: the length in calendar terms, when it has one.
    pub span: Option<Span>,
    /// For durations: -1 counted back from the anchor ("the past week"), +1 forward
    /// ("the next three months", "the first 135 days"), 0 unknown.
    pub direction: i8,
    /// For day-precision dates: the day, so that later event anchors can find it.
    pub day: Option<NaiveDate>,
}

impl Resolved {
    fn new(kind: TimexType, value: String) -> Resolved {
        Resolved {
            kind,
            value,
            modifier: None,
            span: None,
            direction: 0,
            day: None,
        }
    }

    fn with_mod(mut self, modifier: Option<&str>) -> Resolved {
        self.modifier = modifier.map(str::to_string);
        self
    }
}

/// Runs a normaliser; `None` when the slots do not make a valid value (e.g. February 30).
pub fn apply(action: Action, kind: TimexType, s: &Slots, ctx: &mut Ctx) -> Option<Resolved> {
    let modifier = s
        .text(Slot::Mod)
        .or(s.text(Slot::Position))
        .or(s.text(Slot::Premod));
    let r = match action {
        Action::Date => {
            let r = date(kind, s, ctx)?;
            if s.has(Slot::Year) {
                *ctx.last_year = explicit_year(s, ctx);
            }
            r
        }
        Action::Decade => decade(kind, s, ctx)?,
        Action::Century => {
            let n = s.int(Slot::Ordinal).filter(|n| (1..=99).contains(n))?;
            Resolved::new(kind, format!("{:02}", n - 1))
        }
        Action::Season => season(kind, s, ctx)?,
        Action::Half => {
            let year = explicit_year(s, ctx).unwrap_or(ctx.dct.year());
            Resolved::new(
                kind,
                format!("{}-{}", year_value(year), s.text(Slot::Half)?),
            )
        }
        Action::Quarter => quarter(kind, s, ctx)?,
        Action::Relday => {
            let day = add_days(ctx.dct, s.int(Slot::Relday)?)?;
            match s.text(Slot::Partday) {
                Some(part) => Resolved::new(kind, format!("{}T{part}", day_value(day))),
                None => Resolved {
                    day: Some(day),
                    ..Resolved::new(kind, day_value(day))
                },
            }
        }
        Action::Weekday => {
            // TimeBank gives "Friday night" the value of the day.
            let day = weekday(s, ctx)?;
            Resolved {
                day: Some(day),
                ..Resolved::new(kind, day_value(day))
            }
        }
        Action::Relunit => relunit(kind, s, ctx)?,
        Action::Time => time(kind, s, ctx)?,
        Action::Ago => ago(kind, s, ctx)?,
        Action::Ref => Resolved::new(kind, s.text(Slot::Ref)?.to_string()),
        Action::Duration => return duration(kind, s),
        Action::Set => set(kind, s)?,
        Action::SetDay => {
            let day = s.int(Slot::Weekday).or(s.int(Slot::Weekdays))?;
            let part = s.text(Slot::Partday).or(s.text(Slot::Partdays));
            let part = part.map(|p| format!("T{p}")).unwrap_or_default();
            Resolved::new(kind, format!("XXXX-WXX-{day}{part}"))
        }
        Action::Skip => return None,
        Action::SetMonth => {
            let month = s.int(Slot::Month).filter(|m| (1..=12).contains(m))?;
            Resolved::new(kind, format!("XXXX-{month:02}"))
        }
    };
    Some(r.with_mod(modifier))
}

/// A year written out, or given relative to the DCT's ("June last year").
fn explicit_year(s: &Slots, ctx: &Ctx) -> Option<i32> {
    if let Some(y) = s.int(Slot::Year) {
        return i32::try_from(y).ok();
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

fn date(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
    let month = s.int(Slot::Month).and_then(|m| u32::try_from(m).ok());
    let day = s.int(Slot::Day).and_then(|d| u32::try_from(d).ok());
    // A holiday fixed as the nth weekday of its month (`weekday=4 ordinal=4` for Thanksgiving;
    // `day` is then the first day counted from): its day depends on the year, so it is placed
    // once the year is known; till then the middle of its possible week stands in for it.
    let nth = s.int(Slot::Weekday).zip(s.int(Slot::Ordinal));
    let (day, from) = match nth {
        Some((_, n)) => (Some(day.unwrap_or(1) + u32::try_from(n * 7 - 4).ok()?), day),
        None => (day, None),
    };
    let place = |y: i32, m: u32, d: u32| match nth {
        Some((wd, n)) => calendar::nth_weekday(y, m, from.unwrap_or(1), wd, n),
        None => NaiveDate::from_ymd_opt(y, m, d),
    };
    let year = match explicit_year(s, ctx) {
        Some(y) => Some(y),
        // "that September": in the year the text last spoke of.
        None if s.has(Slot::Context) && ctx.last_year.is_some() => *ctx.last_year,
        None => match (month, s.int(Slot::Rel)) {
            // "last November": the most recent November before this month.
            (Some(m), Some(rel)) => {
                let this = ctx.dct.month();
                Some(match rel {
                    r if r < 0 && m < this => ctx.dct.year(),
                    r if r < 0 => ctx.dct.year() - 1,
                    r if r > 0 && m > this => ctx.dct.year(),
                    r if r > 0 => ctx.dct.year() + 1,
                    _ => ctx.dct.year(),
                })
            }
            _ => None,
        },
    };
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => {
            let date = place(y, m, d)?;
            Some(Resolved {
                day: Some(date),
                ..Resolved::new(kind, day_value(date))
            })
        }
        (Some(y), Some(m), None) => {
            let date = NaiveDate::from_ymd_opt(y, m, 1)?;
            Some(Resolved::new(kind, month_value(date)))
        }
        (Some(y), None, None) => Some(Resolved::new(kind, year_value(y))),
        (None, Some(m), d) => {
            let y = infer_year(m, d, ctx);
            let date = place(y, m, d.unwrap_or(1))?;
            Some(match d {
                Some(_) => Resolved {
                    day: Some(date),
                    ..Resolved::new(kind, day_value(date))
                },
                None => Resolved::new(kind, month_value(date)),
            })
        }
        _ => None,
    }
}

fn decade(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
    let v = s
        .int(Slot::Decade)
        .or_else(|| Some(s.int(Slot::Decadeword)? * 10))?;
    let full = if v >= 1000 {
        v
    } else {
        // "the '90s" / "the nineties": the latest such decade that has begun.
        let year = i64::from(ctx.dct.year());
        let century = year.div_euclid(100);
        if v > year.rem_euclid(100) {
            (century - 1) * 100 + v
        } else {
            century * 100 + v
        }
    };
    (0..10_000)
        .contains(&full)
        .then(|| Resolved::new(kind, format!("{:03}", full / 10)))
}

fn season(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
    let code = s.text(Slot::Season)?;
    let target = ["SP", "SU", "FA", "WI"].iter().position(|c| *c == code)? as i32;
    let cur = season_of(ctx.dct);
    let base = ctx.dct.year();
    let year = match (explicit_year(s, ctx), s.int(Slot::Rel)) {
        (Some(y), _) => y,
        (None, Some(r)) if r < 0 => base - i32::from(target >= cur),
        (None, Some(r)) if r > 0 => base + i32::from(target <= cur),
        // In January "this winter" began last December.
        (None, Some(_)) => base - i32::from(cur < 0 && target == 3),
        (None, None) => match ctx.tense {
            Tense::Past => base - i32::from(target > cur),
            Tense::Future => base + i32::from(target < cur),
            Tense::Present => base - i32::from(cur < 0 && target == 3),
        },
    };
    Some(Resolved::new(kind, format!("{}-{code}", year_value(year))))
}

fn quarter(kind: TimexType, s: &Slots, ctx: &mut Ctx) -> Option<Resolved> {
    let shift = s.int(Slot::Shift).unwrap_or(0);
    let (year, q) = match s.int(Slot::Ordinal) {
        Some(q) => {
            let q = u32::try_from(q).ok().filter(|q| (1..=4).contains(q))?;
            let year = explicit_year(s, ctx).unwrap_or_else(|| {
                let late = q > quarter_of(ctx.dct);
                ctx.dct.year() - i32::from(late && ctx.tense == Tense::Past)
            });
            (year, q)
        }
        None if s.has(Slot::Context) => match *ctx.last_quarter {
            // "the 1988 quarter": the quarter under discussion, in that year.
            Some((y, q)) => (explicit_year(s, ctx).unwrap_or(y), q),
            None => {
                // With nothing mentioned yet, news speaks of the last completed quarter.
                let prev = calendar::add_months(ctx.dct, -3)?;
                (prev.year(), quarter_of(prev))
            }
        },
        None => return None,
    };
    // Reports discuss the last completed quarter; a quarter still running or ahead ("expects
    // a fourth-quarter charge") does not become the one "the quarter" refers to.
    let completed = (year, q) < (ctx.dct.year(), quarter_of(ctx.dct));
    if shift == 0 && completed {
        *ctx.last_quarter = Some((year, q));
    }
    let year = i32::try_from(i64::from(year) + shift).ok()?;
    Some(Resolved::new(kind, format!("{}-Q{q}", year_value(year))))
}

/// The date of a weekday named relative to the DCT: the sentence's tense picks the past or
/// the coming one, "last"/"next" force it.
fn weekday(s: &Slots, ctx: &Ctx) -> Option<NaiveDate> {
    let target = s.int(Slot::Weekday).filter(|d| (1..=7).contains(d))?;
    let mut diff = target - weekday_number(ctx.dct);
    match s.int(Slot::Rel) {
        Some(r) if r < 0 => {
            if diff >= 0 {
                diff -= 7;
            }
        }
        Some(r) if r > 0 => {
            if diff <= 0 {
                diff += 7;
            }
        }
        Some(_) => {}
        None if ctx.tense == Tense::Future => {
            if diff < 0 {
                diff += 7;
            }
        }
        None => {
            if diff > 0 {
                diff -= 7;
            }
        }
    }
    add_days(ctx.dct, diff)
}

fn relunit(kind: TimexType, s: &Slots, ctx: &mut Ctx) -> Option<Resolved> {
    let unit = CalUnit::parse(s.text(Slot::Calunit)?)?;
    let rel = s.int(Slot::Rel).unwrap_or(0);
    let n = if unit == CalUnit::Weekend && rel == 0 {
        // "the weekend" is the one just past unless the sentence looks ahead.
        match (ctx.tense, is_weekend(ctx.dct)) {
            (_, true) => 0,
            (Tense::Future, false) => 0,
            _ => -1,
        }
    } else {
        rel
    };
    if unit == CalUnit::Quarter {
        let d = calendar::add_months(ctx.dct, n.checked_mul(3)?)?;
        *ctx.last_quarter = Some((d.year(), quarter_of(d)));
    }
    // "that year", "the following year": counted from the year the text last wrote out.
    if unit == CalUnit::Year
        && s.has(Slot::Context)
        && let Some(year) = *ctx.last_year
    {
        let year = i32::try_from(i64::from(year) + n).ok()?;
        return Some(Resolved::new(kind, year_value(year)));
    }
    let value = shifted_value(ctx.dct, unit, n)?;
    let day = (unit == CalUnit::Day)
        .then(|| add_days(ctx.dct, n))
        .flatten();
    // "the past week" names the unit-long span next to the DCT as well as the calendar unit.
    let span = match unit {
        _ if !s.has(Slot::Span) => None,
        CalUnit::Day => Some(Span { months: 0, days: 1 }),
        CalUnit::Week => Some(Span { months: 0, days: 7 }),
        CalUnit::Month => Some(Span { months: 1, days: 0 }),
        CalUnit::Quarter => Some(Span { months: 3, days: 0 }),
        CalUnit::Year => Some(Span {
            months: 12,
            days: 0,
        }),
        CalUnit::Decade => Some(Span {
            months: 120,
            days: 0,
        }),
        _ => None,
    };
    Some(Resolved {
        day,
        span,
        direction: rel.signum() as i8,
        ..Resolved::new(kind, value)
    })
}

fn time(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
    let minutes = if let Some(m) = s.int(Slot::Clock) {
        m
    } else if let Some(word) = s.text(Slot::Clockword) {
        let (h, m) = word.split_once(':')?;
        h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?
    } else {
        let hour = s.int(Slot::Num).filter(|h| (0..=24).contains(h))?;
        let pm = matches!(s.text(Slot::Partday), Some("AF" | "EV" | "NI")) && hour < 12;
        (hour + if pm { 12 } else { 0 }) * 60
    };
    if !(0..=24 * 60).contains(&minutes) {
        return None;
    }
    let day = if let Some(n) = s.int(Slot::Relday) {
        add_days(ctx.dct, n)?
    } else if s.has(Slot::Weekday) {
        weekday(s, ctx)?
    } else if let (Some(m), Some(d)) = (s.int(Slot::Month), s.int(Slot::Day)) {
        let (m, d) = (u32::try_from(m).ok()?, u32::try_from(d).ok()?);
        NaiveDate::from_ymd_opt(infer_year(m, Some(d), ctx), m, d)?
    } else {
        ctx.dct
    };
    let value = format!("{}T{:02}:{:02}", day_value(day), minutes / 60, minutes % 60);
    Some(Resolved::new(kind, value))
}

/// A count of something: a number, "a"/"an", or a vague word ("a few" is `None`).
fn count(s: &Slots) -> Option<Option<f64>> {
    if let Some(n) = s.num(Slot::Num) {
        let n =
            n + s.num(Slot::Fraction).unwrap_or(0.0) + if s.has(Slot::Half) { 0.5 } else { 0.0 };
        return Some(Some(n));
    }
    if s.has(Slot::Article) {
        return Some(Some(1.0 + if s.has(Slot::Half) { 0.5 } else { 0.0 }));
    }
    match s.text(Slot::Vague)? {
        "X" => Some(None),
        other => Some(other.parse().ok()),
    }
}

/// A duration unit from the lexicon: a multiplier and a TIMEX3 letter ("10Y" for decades).
fn unit_of(code: &str) -> Option<(u32, &str)> {
    let digits = code.bytes().take_while(u8::is_ascii_digit).count();
    let mult = if digits == 0 {
        1
    } else {
        code[..digits].parse().ok()?
    };
    let letter = &code[digits..];
    matches!(letter, "TS" | "TM" | "TH" | "D" | "W" | "M" | "Q" | "Y").then_some((mult, letter))
}

fn ago(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
    let dir = s.int(Slot::Ago)?.signum();
    let (mult, letter) = unit_of(s.text(Slot::Unit).or(s.text(Slot::Units))?)?;
    let Some(n) = count(s)? else {
        let value = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
        return Some(Resolved::new(kind, value.to_string()));
    };
    if !(0.0..=MAX_COUNT).contains(&n) {
        return None;
    }
    // "a year earlier" in a report on a quarter means that quarter a year before.
    if letter == "Y"
        && mult == 1
        && n == 1.0
        && s.has(Slot::Article)
        && let Some((y, q)) = *ctx.last_quarter
    {
        return Some(Resolved::new(
            kind,
            format!("{}-Q{q}", year_value(y + dir as i32)),
        ));
    }
    let n = (n * f64::from(mult)).round() as i64 * dir;
    let value = match letter {
        "TS" | "TM" | "TH" => day_value(ctx.dct),
        "D" => shifted_value(ctx.dct, CalUnit::Day, n)?,
        "W" => shifted_value(ctx.dct, CalUnit::Week, n)?,
        "M" => shifted_value(ctx.dct, CalUnit::Month, n)?,
        "Q" => shifted_value(ctx.dct, CalUnit::Quarter, n)?,
        _ => shifted_value(ctx.dct, CalUnit::Year, n)?,
    };
    Some(Resolved::new(kind, value))
}

/// Formats a duration of `n` units; fractions go to the next smaller unit ("P2Y6M").
fn duration_value(n: f64, mult: u32, letter: &str) -> Option<(String, Option<Span>)> {
    let n = n * f64::from(mult);
    if !(0.0..=MAX_COUNT).contains(&n) {
        return None;
    }
    let whole = n.trunc() as u64;
    let frac = n.fract();
    let part = |v: u64, l: &str| {
        if v == 0 {
            String::new()
        } else {
            format!("{v}{l}")
        }
    };
    Some(match letter {
        "Y" => {
            let months = (frac * 12.0).round() as u64;
            let v = if whole == 0 && months == 0 {
                "P0Y".to_string()
            } else {
                format!("P{}{}", part(whole, "Y"), part(months, "M"))
            };
            let total = u32::try_from(whole * 12 + months).ok();
            (v, total.map(|months| Span { months, days: 0 }))
        }
        "Q" => {
            let months = (n * 3.0).round() as u64;
            (
                format!("P{months}M"),
                u32::try_from(months)
                    .ok()
                    .map(|months| Span { months, days: 0 }),
            )
        }
        "M" => {
            let days = (frac * 30.0).round() as u64;
            let v = if days == 0 {
                format!("P{whole}M")
            } else {
                format!("P{}{days}D", part(whole, "M"))
            };
            (
                v,
                u32::try_from(whole)
                    .ok()
                    .map(|months| Span { months, days }),
            )
        }
        "W" if frac == 0.0 => (
            format!("P{whole}W"),
            Some(Span {
                months: 0,
                days: whole * 7,
            }),
        ),
        "W" => {
            let days = (n * 7.0).round() as u64;
            (format!("P{days}D"), Some(Span { months: 0, days }))
        }
        "D" => {
            let hours = (frac * 24.0).round() as u64;
            let v = if hours == 0 {
                format!("P{whole}D")
            } else {
                format!("P{}T{hours}H", part(whole, "D"))
            };
            (
                v,
                Some(Span {
                    months: 0,
                    days: whole,
                }),
            )
        }
        "TH" => {
            let minutes = (frac * 60.0).round() as u64;
            let v = if minutes == 0 {
                format!("PT{whole}H")
            } else {
                format!("PT{}{minutes}M", part(whole, "H"))
            };
            (v, None)
        }
        "TM" => {
            let seconds = (frac * 60.0).round() as u64;
            let v = if seconds == 0 {
                format!("PT{whole}M")
            } else {
                format!("PT{}{seconds}S", part(whole, "M"))
            };
            (v, None)
        }
        _ => (format!("PT{}S", n.round() as u64), None),
    })
}

/// The value of a vague duration of a unit ("a few months" is PXM).
fn vague_value(mult: u32, letter: &str) -> String {
    match (mult, letter) {
        (10, _) => "PXDE".into(),
        (100, _) => "PXCE".into(),
        (1000, _) => "PXML".into(),
        (_, "TH") => "PTXH".into(),
        (_, "TM") => "PTXM".into(),
        (_, "TS") => "PTXS".into(),
        (_, "Q") => "PXM".into(),
        (_, l) => format!("PX{l}"),
    }
}

fn duration(kind: TimexType, s: &Slots) -> Option<Resolved> {
    let code = s
        .text(Slot::Unit)
        .or(s.text(Slot::Units))
        .or(s.text(Slot::Calunit))?;
    let modifier = s.text(Slot::Premod).or(s.text(Slot::Mod));
    if code == "X" {
        return Some(Resolved::new(kind, "PXX".into()).with_mod(modifier));
    }
    let (mult, letter) = unit_of(code)?;
    let n = match count(s) {
        Some(n) if s.text(Slot::Vague) == Some("X") && s.has(Slot::Num) => n,
        Some(n) => n,
        // A bare plural ("for years") is vague; a bare singular ("week-long") is one.
        None if s.has(Slot::Units) => None,
        None => Some(1.0),
    };
    let upper = s.num(Slot::Num2);
    let direction = match (s.int(Slot::Rel), s.has(Slot::Initial)) {
        (_, true) => 1,
        (Some(r), _) => r.signum() as i8,
        (None, false) => 0,
    };
    let mut r = match (n, upper) {
        (Some(_), Some(hi)) => {
            let (value, span) = duration_value(hi, mult, letter)?;
            let mut r = Resolved::new(kind, value);
            r.span = span;
            r.modifier = Some(modifier.unwrap_or("APPROX").to_string());
            r
        }
        (Some(n), None) => {
            let (value, span) = duration_value(n, mult, letter)?;
            let mut r = Resolved::new(kind, value).with_mod(modifier);
            r.span = span;
            r
        }
        (None, _) => Resolved::new(kind, vague_value(mult, letter)).with_mod(modifier),
    };
    r.direction = direction;
    Some(r)
}

fn set(kind: TimexType, s: &Slots) -> Option<Resolved> {
    if let Some(v) = s.text(Slot::Frequency) {
        return Some(Resolved::new(kind, v.to_string()));
    }
    let n = s.num(Slot::Num).unwrap_or(1.0);
    if let Some(code) = s.text(Slot::Calunit) {
        let value = match code {
            "WE" => "XXXX-WXX-WE".to_string(),
            "DE" => duration_value(n, 10, "Y")?.0,
            "CE" => duration_value(n, 100, "Y")?.0,
            "Q" => format!("P{}Q", n as u64),
            other => duration_value(n, 1, other)?.0,
        };
        return Some(Resolved::new(kind, value));
    }
    let (mult, letter) = unit_of(s.text(Slot::Unit).or(s.text(Slot::Units))?)?;
    if letter == "Q" {
        return Some(Resolved::new(kind, format!("P{}Q", n as u64)));
    }
    Some(Resolved::new(kind, duration_value(n, mult, letter)?.0))
}
