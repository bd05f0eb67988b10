//! Just enough of the proleptic Gregorian calendar: days since 1970-01-01 to and
//! from year, month and day (Howard Hinnant's algorithms), and month names.

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Ymd {
    pub(crate) y: i32,
    pub(crate) m: u32,
    pub(crate) d: u32,
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Ymd {
    /// The day `days` after 1970-01-01.
    pub(crate) fn from_days(days: i64) -> Ymd {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Ymd { y, m, d }
    }

    /// Days since 1970-01-01.
    pub(crate) fn days(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub(crate) fn month_name(self) -> &'static str {
        MONTHS[self.m as usize - 1]
    }
}

impl std::fmt::Display for Ymd {
    /// ISO 8601: `2020-02-29`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_through_leap_days() {
        let leap = Ymd {
            y: 2020,
            m: 2,
            d: 29,
        };
        assert_eq!(leap.days(), 18_321);
        assert_eq!(Ymd::from_days(18_321), leap);
        assert_eq!(
            Ymd::from_days(18_322),
            Ymd {
                y: 2020,
                m: 3,
                d: 1
            }
        );
        assert_eq!(
            Ymd::from_days(0),
            Ymd {
                y: 1970,
                m: 1,
                d: 1
            }
        );
        for days in -20_000..40_000 {
            assert_eq!(Ymd::from_days(days).days(), days);
        }
        assert_eq!(leap.to_string(), "2020-02-29");
    }
}
