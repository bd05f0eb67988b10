//! Normalisers of lengths of time: durations ("14 months", "a few weeks",
//! "two and a half years") and sets ("weekly", "every Thursday").

use super::{Resolved, modifier};
use crate::slots::{MAX_COUNT, Slot, Slots};
use crate::timex::TimexType;
use crate::value::{Duration, Mod, Set, Unit, Value};

/// A count of something: a number, "a"/"an", or a vague word ("a few" is `None`).
pub(super) fn count(s: &Slots) -> Option<Option<f64>> {
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
pub(super) fn unit_of(code: &str) -> Option<(u32, &str)> {
    let digits = code.bytes().take_while(u8::is_ascii_digit).count();
    let mult = if digits == 0 {
        1
    } else {
        code[..digits].parse().ok()?
    };
    let letter = &code[digits..];
    matches!(letter, "TS" | "TM" | "TH" | "D" | "W" | "M" | "Q" | "Y").then_some((mult, letter))
}

/// A whole amount and a remainder in the next smaller unit; no part of 0
/// except for a length of nothing at all ("P0Y").
fn split(whole: u64, unit: Unit, rest: u64, smaller: Unit) -> Duration {
    match (whole, rest) {
        (0, 0) => Duration::of(0, unit),
        (0, r) => Duration::of(r, smaller),
        (w, 0) => Duration::of(w, unit),
        (w, r) => Duration {
            amount: Some(w),
            unit,
            rest: Some((r, smaller)),
        },
    }
}

/// `n` units of a lexicon unit code; fractions go to the next smaller unit ("P2Y6M").
fn duration_of(n: f64, mult: u32, letter: &str) -> Option<Duration> {
    let n = n * f64::from(mult);
    if !(0.0..=MAX_COUNT).contains(&n) {
        return None;
    }
    let whole = n.trunc() as u64;
    let frac = n.fract();
    let rest = |per: f64| (frac * per).round() as u64;
    Some(match letter {
        "Y" => split(whole, Unit::Year, rest(12.0), Unit::Month),
        "Q" => Duration::of((n * 3.0).round() as u64, Unit::Month),
        "M" => {
            let days = rest(30.0);
            if days == 0 {
                Duration::of(whole, Unit::Month)
            } else {
                split(whole, Unit::Month, days, Unit::Day)
            }
        }
        "W" if frac == 0.0 => Duration::of(whole, Unit::Week),
        "W" => Duration::of((n * 7.0).round() as u64, Unit::Day),
        "D" => {
            let hours = rest(24.0);
            if hours == 0 {
                Duration::of(whole, Unit::Day)
            } else {
                split(whole, Unit::Day, hours, Unit::Hour)
            }
        }
        "TH" => {
            let minutes = rest(60.0);
            if minutes == 0 {
                Duration::of(whole, Unit::Hour)
            } else {
                split(whole, Unit::Hour, minutes, Unit::Minute)
            }
        }
        "TM" => {
            let seconds = rest(60.0);
            if seconds == 0 {
                Duration::of(whole, Unit::Minute)
            } else {
                split(whole, Unit::Minute, seconds, Unit::Second)
            }
        }
        _ => Duration::of(n.round() as u64, Unit::Second),
    })
}

/// A vague length of a lexicon unit ("a few months" is PXM).
fn vague_of(mult: u32, letter: &str) -> Duration {
    Duration::vague(match (mult, letter) {
        (10, _) => Unit::Decade,
        (100, _) => Unit::Century,
        (1000, _) => Unit::Millennium,
        (_, "TH") => Unit::Hour,
        (_, "TM") => Unit::Minute,
        (_, "TS") => Unit::Second,
        (_, "D") => Unit::Day,
        (_, "W") => Unit::Week,
        (_, "Y") => Unit::Year,
        // Months, and quarters counted in months.
        _ => Unit::Month,
    })
}

pub(super) fn duration(kind: TimexType, s: &Slots) -> Option<Resolved> {
    let code = s
        .text(Slot::Unit)
        .or(s.text(Slot::Units))
        .or(s.text(Slot::Calunit))?;
    let premod = modifier(s, Slot::Premod).or(modifier(s, Slot::Mod));
    if code == "X" {
        let r = Resolved::new(kind, Value::Duration(Duration::vague(Unit::Unknown)));
        return Some(r.with_mod(premod));
    }
    let (mult, letter) = unit_of(code)?;
    let n = match count(s) {
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
        // "three to four months": the upper bound, approximately.
        (Some(_), Some(hi)) => {
            let d = duration_of(hi, mult, letter)?;
            let r = Resolved::new(kind, Value::Duration(d));
            Resolved {
                span: d.calendar(),
                ..r.with_mod(Some(premod.unwrap_or(Mod::Approx)))
            }
        }
        (Some(n), None) => {
            let d = duration_of(n, mult, letter)?;
            Resolved {
                span: d.calendar(),
                ..Resolved::new(kind, Value::Duration(d)).with_mod(premod)
            }
        }
        (None, _) => Resolved::new(kind, Value::Duration(vague_of(mult, letter))).with_mod(premod),
    };
    r.direction = direction;
    Some(r)
}

pub(super) fn set(kind: TimexType, s: &Slots) -> Option<Resolved> {
    let every = |d: Duration| Some(Resolved::new(kind, Value::Set(Set::Every(d))));
    if let Some(v) = s.text(Slot::Frequency) {
        return match v.parse::<Value>().ok()? {
            Value::Duration(d) => every(d),
            Value::Set(set) => Some(Resolved::new(kind, Value::Set(set))),
            _ => None,
        };
    }
    let n = s.num(Slot::Num).unwrap_or(1.0);
    if let Some(code) = s.text(Slot::Calunit) {
        return match code {
            "WE" => Some(Resolved::new(kind, Value::Set(Set::Weekend))),
            "DE" => every(duration_of(n, 10, "Y")?),
            "CE" => every(duration_of(n, 100, "Y")?),
            "Q" => every(Duration::of(n as u64, Unit::Quarter)),
            other => every(duration_of(n, 1, other)?),
        };
    }
    let (mult, letter) = unit_of(s.text(Slot::Unit).or(s.text(Slot::Units))?)?;
    if letter == "Q" {
        return every(Duration::of(n as u64, Unit::Quarter));
    }
    every(duration_of(n, mult, letter)?)
}
