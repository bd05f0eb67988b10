//! Reading TIMEX3 values back from their strings: lexicon values such as
//! `P1D` for "daily", and round trips in tests.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::{Date, DayPart, DayTime, Duration, Ref, Season, Set, Unit, Value};

/// A TIMEX3 value annals does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue(pub String);

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a TIMEX3 value annals reads: {:?}", self.0)
    }
}

impl std::error::Error for UnknownValue {}

fn number<T: FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_duration(s: &str) -> Option<Duration> {
    let body = s.strip_prefix('P')?;
    // Split into (amount, unit letter, is time) parts.
    let mut parts = Vec::new();
    let mut time = false;
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('T') {
            time = true;
            rest = after;
            continue;
        }
        let digits = if rest.starts_with('X') {
            1
        } else {
            rest.bytes().take_while(u8::is_ascii_digit).count()
        };
        let amount = &rest[..digits];
        let letters = rest[digits..]
            .bytes()
            .take_while(|b| b.is_ascii_uppercase() && *b != b'T')
            .count();
        let letter = &rest[digits..digits + letters];
        let unit = Unit::from_letter(letter, time)?;
        let amount = match amount {
            "X" => None,
            digits => Some(digits.parse::<u64>().ok()?),
        };
        parts.push((amount, unit));
        rest = &rest[digits + letters..];
    }
    match parts.as_slice() {
        [(amount, unit)] => Some(Duration {
            amount: *amount,
            unit: *unit,
            rest: None,
        }),
        [(amount, unit), (Some(n), rest)] if amount.is_some() => Some(Duration {
            amount: *amount,
            unit: *unit,
            rest: Some((*n, *rest)),
        }),
        _ => None,
    }
}

fn parse_date(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    Some(match parts.as_slice() {
        [c] if c.len() == 2 => Date::Century(number(c, 2)?),
        [d] if d.len() == 3 => Date::Decade(number(d, 3)?),
        [y] => Date::Year(number(y, 4)?),
        [y, w, "WE"] => Date::Weekend {
            year: number(y, 4)?,
            week: number(w.strip_prefix('W')?, 2).filter(|w| (1..=53).contains(w))?,
        },
        [y, m, d] => Date::Day(NaiveDate::from_ymd_opt(
            number(y, 4)?,
            number(m, 2)?,
            number(d, 2)?,
        )?),
        [y, rest] => {
            let year = number(y, 4)?;
            if let Some(w) = rest.strip_prefix('W') {
                Date::Week {
                    year,
                    week: number(w, 2).filter(|w| (1..=53).contains(w))?,
                }
            } else if let Some(q) = rest.strip_prefix('Q') {
                Date::Quarter {
                    year,
                    quarter: number(q, 1).filter(|q| (1..=4).contains(q))?,
                }
            } else if let Some(h) = rest.strip_prefix('H') {
                Date::Half {
                    year,
                    half: number(h, 1).filter(|h| (1..=2).contains(h))?,
                }
            } else if let Some(season) = Season::from_code(rest) {
                Date::Season { year, season }
            } else {
                Date::Month {
                    year,
                    month: number(rest, 2).filter(|m| (1..=12).contains(m))?,
                }
            }
        }
        _ => return None,
    })
}

fn parse_day_time(s: &str) -> Option<DayTime> {
    if let Some((h, m)) = s.split_once(':') {
        return Some(DayTime::Clock {
            hour: number(h, 2)?,
            minute: number(m, 2)?,
        });
    }
    DayPart::from_code(s).map(DayTime::Part)
}

impl FromStr for Value {
    type Err = UnknownValue;

    fn from_str(s: &str) -> Result<Value, UnknownValue> {
        let unknown = || UnknownValue(s.to_string());
        if let Some(r) = Ref::from_code(s) {
            return Ok(Value::Ref(r));
        }
        if s.starts_with('P') {
            return parse_duration(s).map(Value::Duration).ok_or_else(unknown);
        }
        if let Some(rest) = s.strip_prefix("XXXX-") {
            return match rest {
                "WXX-WE" => Ok(Value::Set(Set::Weekend)),
                _ => {
                    if let Some(day) = rest.strip_prefix("WXX-") {
                        let (day, part) = match day.split_once('T') {
                            Some((d, p)) => (d, Some(DayPart::from_code(p).ok_or_else(unknown)?)),
                            None => (day, None),
                        };
                        let day = number(day, 1)
                            .filter(|d| (1..=7).contains(d))
                            .ok_or_else(unknown)?;
                        Ok(Value::Set(Set::Weekday(day, part)))
                    } else {
                        let m = number(rest, 2)
                            .filter(|m| (1..=12).contains(m))
                            .ok_or_else(unknown)?;
                        Ok(Value::Set(Set::Month(m)))
                    }
                }
            };
        }
        if let Some((day, time)) = s.split_once('T') {
            let Some(Date::Day(day)) = parse_date(day) else {
                return Err(unknown());
            };
            return parse_day_time(time)
                .map(|t| Value::Time(day, t))
                .ok_or_else(unknown);
        }
        parse_date(s).map(Value::Date).ok_or_else(unknown)
    }
}
