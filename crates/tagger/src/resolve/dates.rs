//! Normalisers of dates and times: written dates, decades, seasons, quarters,
//! weekdays, calendar units counted from the DCT, clock times, "ago".

use annals_core::calendar::{Length, add_days, add_months, quarter_of};
use chrono::{Datelike, NaiveDate};

use super::{Ctx, Resolved, Tense, Zone, explicit_year, infer_year};
use crate::calendar::{self, CalUnit, is_weekend, season_of, shifted, weekday_number};
use crate::slots::{MAX_COUNT, Slot, Slots};
use crate::timex::TimexType;
use crate::value::{Date, DayTime, Ref, Season, Value};

pub(super) fn date(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
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
            // "the September 11 attacks in 2001": the year written after it.
            (Some(_), None) if day.is_some() => ctx.year_after,
            _ => None,
        },
    };
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Some(Resolved::date(kind, Date::Day(place(y, m, d)?))),
        (Some(y), Some(m), None) => {
            let date = NaiveDate::from_ymd_opt(y, m, 1)?;
            Some(Resolved::date(
                kind,
                Date::Month {
                    year: date.year(),
                    month: date.month(),
                },
            ))
        }
        (Some(y), None, None) => Some(Resolved::date(kind, Date::Year(y))),
        (None, Some(m), d) => {
            let y = infer_year(m, d, ctx);
            let date = place(y, m, d.unwrap_or(1))?;
            Some(match d {
                Some(_) => Resolved::date(kind, Date::Day(date)),
                None => Resolved::date(
                    kind,
                    Date::Month {
                        year: date.year(),
                        month: date.month(),
                    },
                ),
            })
        }
        _ => None,
    }
}

pub(super) fn decade(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
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
    let decade = (0..10_000).contains(&full).then_some(full / 10)?;
    Some(Resolved::date(
        kind,
        Date::Decade(i32::try_from(decade).ok()?),
    ))
}

pub(super) fn season(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
    let season = Season::from_code(s.text(Slot::Season)?)?;
    let target = season as i32;
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
    Some(Resolved::date(kind, Date::Season { year, season }))
}

pub(super) fn quarter(kind: TimexType, s: &Slots, ctx: &mut Ctx) -> Option<Resolved> {
    let shift = s.int(Slot::Shift).unwrap_or(0);
    let (year, q) = match s.int(Slot::Ordinal) {
        Some(q) => {
            let q = u32::try_from(q).ok().filter(|q| (1..=4).contains(q))?;
            let year = explicit_year(s, ctx).unwrap_or_else(|| match ctx.period_end {
                // "its fourth quarter ended June 30": a fiscal quarter, in the year of its end.
                Some((m, d)) => infer_year(m, Some(d), ctx),
                None => {
                    let late = q > quarter_of(ctx.dct);
                    ctx.dct.year() - i32::from(late && ctx.tense == Tense::Past)
                }
            });
            (year, q)
        }
        // "the quarter ending March 31": the quarter that day ends.
        None if s.has(Slot::Context) && ctx.period_end.is_some() => {
            let (m, d) = ctx.period_end?;
            (infer_year(m, Some(d), ctx), (m - 1) / 3 + 1)
        }
        None if s.has(Slot::Context) => match *ctx.last_quarter {
            // "the 1988 quarter": the quarter under discussion, in that year.
            Some((y, q)) => (explicit_year(s, ctx).unwrap_or(y), q),
            None => {
                // With nothing mentioned yet, news speaks of the last completed quarter.
                let prev = add_months(ctx.dct, -3)?;
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
    Some(Resolved::date(kind, Date::Quarter { year, quarter: q }))
}

/// The date of a weekday named relative to the DCT: the sentence's tense picks the past or
/// the coming one, "last"/"next" force it.
pub(super) fn weekday(s: &Slots, ctx: &Ctx) -> Option<NaiveDate> {
    let target = s.int(Slot::Weekday).filter(|d| (1..=7).contains(d))?;
    // "The following Monday" follows the day the story last named.
    let base = match ctx.last_date {
        Some(Date::Day(day)) if s.has(Slot::Context) => day,
        _ => ctx.dct,
    };
    let mut diff = target - weekday_number(base);
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
    add_days(base, diff)
}

pub(super) fn relunit(kind: TimexType, s: &Slots, ctx: &mut Ctx) -> Option<Resolved> {
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
        let d = add_months(ctx.dct, n.checked_mul(3)?)?;
        *ctx.last_quarter = Some((d.year(), quarter_of(d)));
    }
    // "the next day", "the following day": the day after the one last named.
    if unit == CalUnit::Day
        && s.has(Slot::Context)
        && let Some(Date::Day(day)) = ctx.last_date
    {
        return Some(Resolved::date(kind, Date::Day(add_days(day, n)?)));
    }
    // "that year", "the following year": counted from the year the text last wrote out.
    if unit == CalUnit::Year
        && s.has(Slot::Context)
        && let Some(year) = *ctx.last_year
    {
        let year = i32::try_from(i64::from(year) + n).ok()?;
        return Some(Resolved::date(kind, Date::Year(year)));
    }
    let date = shifted(ctx.dct, unit, n)?;
    // "the past week" names the unit-long span next to the DCT as well as the calendar unit.
    let months = |months| Some(Length { months, days: 0 });
    let span = match unit {
        _ if !s.has(Slot::Span) => None,
        CalUnit::Day => Some(Length { months: 0, days: 1 }),
        CalUnit::Week => Some(Length { months: 0, days: 7 }),
        CalUnit::Month => months(1),
        CalUnit::Quarter => months(3),
        CalUnit::Year => months(12),
        CalUnit::Decade => months(120),
        _ => None,
    };
    Some(Resolved {
        span,
        direction: rel.signum() as i8,
        ..Resolved::date(kind, date)
    })
}

pub(super) fn time(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
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
    let mut floating = false;
    let day = if let Some(n) = s.int(Slot::Relday) {
        add_days(ctx.dct, n)?
    } else if let (Some(m), Some(d)) = (s.int(Slot::Month), s.int(Slot::Day)) {
        let (m, d) = (u32::try_from(m).ok()?, u32::try_from(d).ok()?);
        let year = explicit_year(s, ctx).unwrap_or_else(|| infer_year(m, Some(d), ctx));
        NaiveDate::from_ymd_opt(year, m, d)?
    } else if s.has(Slot::Weekday) {
        weekday(s, ctx)?
    } else {
        floating = true;
        ctx.dct
    };
    let minutes = u32::try_from(minutes).ok()?;
    let clock = DayTime::Clock {
        hour: minutes / 60,
        minute: minutes % 60,
    };
    Some(Resolved {
        zone: s.text(Slot::Timezone).and_then(Zone::parse),
        floating,
        ..Resolved::new(kind, Value::Time(day, clock))
    })
}

pub(super) fn ago(kind: TimexType, s: &Slots, ctx: &Ctx) -> Option<Resolved> {
    let dir = s.int(Slot::Ago)?.signum();
    let (mult, letter) = super::lengths::unit_of(s.text(Slot::Unit).or(s.text(Slot::Units))?)?;
    let Some(n) = super::lengths::count(s)? else {
        let r = if dir < 0 { Ref::Past } else { Ref::Future };
        return Some(Resolved::new(kind, Value::Ref(r)));
    };
    if !(0.0..=MAX_COUNT).contains(&n) {
        return None;
    }
    // In a report on a quarter, "a year ago" and "a year earlier" are that quarter a
    // year before; elsewhere "one year later" and "a year earlier" count from the
    // date last named ("The war began in 2003. One year later, ...").
    if letter == "Y" && mult == 1 && n == 1.0 && s.has(Slot::Article) {
        let quarter = (*ctx.last_quarter).map(|(year, quarter)| Date::Quarter { year, quarter });
        let last = quarter.or(ctx.last_date.filter(|_| s.has(Slot::Context)));
        if let Some(date) = last.and_then(|d| years_on(d, dir as i32)) {
            return Some(Resolved::new(kind, Value::Date(date)));
        }
    }
    let n = (n * f64::from(mult)).round() as i64 * dir;
    let date = match letter {
        "TS" | "TM" | "TH" => Date::Day(ctx.dct),
        "D" => shifted(ctx.dct, CalUnit::Day, n)?,
        "W" => shifted(ctx.dct, CalUnit::Week, n)?,
        "M" => shifted(ctx.dct, CalUnit::Month, n)?,
        "Q" => shifted(ctx.dct, CalUnit::Quarter, n)?,
        _ => shifted(ctx.dct, CalUnit::Year, n)?,
    };
    // "less than two weeks ago" is the span since that point, up to now.
    let within = matches!(s.text(Slot::Premod), Some("LESS_THAN" | "EQUAL_OR_LESS"));
    let whole = u32::try_from(n.unsigned_abs()).ok()?;
    let span = match letter {
        _ if !within || dir > 0 => None,
        "D" => Some(Length {
            months: 0,
            days: u64::from(whole),
        }),
        "W" => Some(Length {
            months: 0,
            days: u64::from(whole) * 7,
        }),
        "M" => Some(Length {
            months: whole,
            days: 0,
        }),
        "Q" => Some(Length {
            months: whole.checked_mul(3)?,
            days: 0,
        }),
        "Y" => Some(Length {
            months: whole.checked_mul(12)?,
            days: 0,
        }),
        _ => None,
    };
    Some(Resolved {
        span,
        direction: if span.is_some() { -1 } else { 0 },
        ..Resolved::new(kind, Value::Date(date))
    })
}

/// A date `years` years on (or back), at its own precision.
fn years_on(date: Date, years: i32) -> Option<Date> {
    Some(match date {
        Date::Day(d) => Date::Day(add_months(d, i64::from(years) * 12)?),
        Date::Week { year, week } => Date::Week {
            year: year + years,
            week,
        },
        Date::Weekend { year, week } => Date::Weekend {
            year: year + years,
            week,
        },
        Date::Month { year, month } => Date::Month {
            year: year + years,
            month,
        },
        Date::Quarter { year, quarter } => Date::Quarter {
            year: year + years,
            quarter,
        },
        Date::Half { year, half } => Date::Half {
            year: year + years,
            half,
        },
        Date::Season { year, season } => Date::Season {
            year: year + years,
            season,
        },
        Date::Year(year) => Date::Year(year + years),
        Date::Decade(_) | Date::Century(_) => return None,
    })
}
