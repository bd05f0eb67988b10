//! Mentions: one sentence telling that something happened at a date, with
//! what the rules found about it (role, tense, weight).

use std::ops::Range;

use annals_core::calendar::{self, Unit};
use annals_core::{DateSpec, Precision, When};
use chrono::{Datelike, NaiveDate};

use crate::rules::Params;
use crate::verbs::Tense;

/// A date a mention gives, at the precision it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Dated {
    /// A year.
    Year(i32),
    /// A month of a year.
    Month(i32, u32),
    /// One day.
    Day(NaiveDate),
    /// An inclusive range of days.
    Range(NaiveDate, NaiveDate),
}

impl Dated {
    /// The first day.
    pub fn start(self) -> NaiveDate {
        self.when().start
    }

    /// The span of days it covers.
    pub fn when(self) -> When {
        let first = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
        match self {
            Dated::Year(y) => When::span(
                first(y, 1),
                NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MIN),
                Precision::Year,
            ),
            Dated::Month(y, m) => When::span(
                first(y, m),
                calendar::month_end(first(y, m)),
                Precision::Month,
            ),
            Dated::Day(d) => When::day(d),
            Dated::Range(s, e) => When::span(s, e, Precision::Range),
        }
    }

    /// The date as the timeline writes it.
    pub fn spec(self) -> DateSpec {
        match self {
            Dated::Year(y) => DateSpec::Year(y),
            Dated::Month(year, month) => DateSpec::Month { year, month },
            Dated::Day(d) => DateSpec::Day(d),
            Dated::Range(s, e) => DateSpec::Range(s, e),
        }
    }

    /// Whether the date lies in the years a timeline can hold (1 to 9999):
    /// "2001 years ago" may come out of the tagger, but is no event.
    pub fn in_calendar(self) -> bool {
        let years = annals_core::calendar::MIN_YEAR..=annals_core::calendar::MAX_YEAR;
        let when = self.when();
        when.start != NaiveDate::MIN
            && years.contains(&when.start.year())
            && years.contains(&when.end.year())
    }

    /// 0 for a year, 1 for a month, 2 for a day or a range of days.
    pub fn rank(self) -> u8 {
        match self {
            Dated::Year(_) => 0,
            Dated::Month(..) => 1,
            Dated::Day(_) | Dated::Range(..) => 2,
        }
    }

    /// The year it starts in.
    pub fn year(self) -> i32 {
        self.start().year()
    }

    /// Whether `self` is finer than `coarse` and inside it: a day of a month,
    /// a month or day of a year.
    pub fn inside(self, coarse: Dated) -> bool {
        self.rank() > coarse.rank() && {
            let (c, s) = (coarse.when(), self.when());
            c.start <= s.start && s.end <= c.end
        }
    }

    /// A year, month or day (not a range) read from a calendar day at `precision`.
    pub fn at(date: NaiveDate, precision: Precision) -> Dated {
        match precision {
            Precision::Year => Dated::Year(date.year()),
            Precision::Month => Dated::Month(date.year(), date.month()),
            _ => Dated::Day(date),
        }
    }
}

/// What a mention's date is to the happening its sentence tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The date of the happening.
    Event,
    /// The start of a state: "since 2004", "from May".
    Since,
    /// The end of a state: "until September", "by 2021".
    Until,
    /// The date names a thing: "the 2008 model", "fiscal 2008", "2010's sales".
    Modifier,
    /// The date dates a publication: "an April 2 report", "according to".
    Report,
    /// A sentence in the present with no date of its own: a state at publication.
    State,
}

/// How a mention's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A day, month or year written in the text.
    Point,
    /// A range of days written in the text ("the past week").
    Range,
    /// No date in the sentence: the article's news, dated by its publication.
    Published,
    /// Counted forward from an anchor: "within 14 months of the signing".
    After {
        /// The anchor's day.
        anchor: NaiveDate,
        /// How many units.
        amount: u32,
        /// Which unit.
        unit: Unit,
        /// "the next three to four months".
        approx: bool,
        /// "within a few months": the amount is a guess from the words.
        uncounted: bool,
    },
    /// The period just before the article's main date: "follows a seven-day
    /// reduction in violence".
    Before {
        /// The main date.
        anchor: NaiveDate,
        /// How many units.
        amount: u32,
        /// Which unit.
        unit: Unit,
    },
}

/// One dated mention of a happening.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// Index of the article.
    pub doc: usize,
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// Byte range of the sentence in the article body: the evidence.
    pub quote: Range<usize>,
    /// Byte range of the date expression in the body, if one is written.
    pub timex: Option<Range<usize>>,
    /// The date.
    pub date: Dated,
    /// How the date was found.
    pub kind: Kind,
    /// What the date is to the happening.
    pub role: Role,
    /// The tense of the verb group governing the date.
    pub tense: Option<Tense>,
    /// Whether the sentence is the article's lead.
    pub lead: bool,
    /// How much it says that something happened at its date.
    pub weight: f32,
    /// An earlier mention of the same article it refers back to ("that September").
    pub coref: Option<usize>,
    /// The words naming the anchor of a counted date ("the signing").
    pub anchor_text: Option<String>,
    /// A year told in passing after another date of the same sentence ("He
    /// started Apple in 1976, and in 1984 the Macintosh was released").
    pub aside: bool,
    /// A year or month named only from publication ("earlier this year",
    /// "last month"): when in it the happening fell is not told.
    pub relative: bool,
}

impl Mention {
    /// Whether it tells a plan or an expectation rather than what happened.
    pub fn future(&self, published: NaiveDate) -> bool {
        if matches!(self.kind, Kind::After { .. }) {
            return true;
        }
        let later = match self.date {
            Dated::Year(y) => y > published.year(),
            Dated::Month(y, m) => (y, m) > (published.year(), published.month()),
            Dated::Day(d) | Dated::Range(d, _) => d > published,
        };
        later || matches!(self.tense, Some(Tense::Future | Tense::Modal))
    }

    /// The weight the rules give it.
    pub fn weigh(&self, p: &Params, published: NaiveDate, state: f32) -> f32 {
        match self.role {
            Role::Modifier | Role::Report => return 0.0,
            Role::State => return state,
            Role::Since | Role::Until => return p.since,
            Role::Event => {}
        }
        let w = match self.kind {
            Kind::After { .. } => return p.relative,
            Kind::Point | Kind::Published if self.lead => return p.lead,
            Kind::Range => p.vague,
            Kind::Before { .. } => p.range,
            _ => match self.date {
                Dated::Year(_) => p.year,
                Dated::Month(..) => p.month,
                Dated::Day(_) | Dated::Range(..) => p.day,
            },
        };
        let w = match (self.future(published), self.date.rank()) {
            (false, _) => w,
            // "in 2011", "next summer": a plan this vague needs several articles.
            (true, 0 | 1) => w.min(p.vague_plan),
            (true, _) => w.min(p.future),
        };
        let w = if self.aside { w.min(p.aside) } else { w };
        let w = if self.relative {
            w.min(p.vague_period)
        } else {
            w
        };
        if self.tense.is_none() {
            w.min(p.no_verb)
        } else {
            w
        }
    }
}

/// `date` moved by `amount` units, back or forward; `None` off the calendar.
pub(crate) fn shift(date: NaiveDate, amount: u32, unit: Unit, back: bool) -> Option<NaiveDate> {
    let n = i64::from(amount);
    calendar::shift(date, if back { -n } else { n }, unit).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn finer_dates_sit_inside_coarser_ones() {
        assert!(Dated::Day(d(2001, 9, 11)).inside(Dated::Year(2001)));
        assert!(Dated::Day(d(2001, 9, 11)).inside(Dated::Month(2001, 9)));
        assert!(!Dated::Day(d(2001, 9, 11)).inside(Dated::Month(2001, 10)));
        assert!(!Dated::Year(2001).inside(Dated::Year(2001)));
        assert!(Dated::Range(d(2020, 2, 22), d(2020, 2, 28)).inside(Dated::Month(2020, 2)));
        assert_eq!(Dated::Month(2001, 2).when().end, d(2001, 2, 28));
        assert_eq!(
            Dated::at(d(2001, 2, 3), Precision::Month),
            Dated::Month(2001, 2)
        );
    }

    #[test]
    fn shifts_stay_on_the_calendar() {
        assert_eq!(
            shift(d(2020, 2, 29), 14, Unit::Month, false),
            Some(d(2021, 4, 29))
        );
        assert_eq!(shift(d(2, 1, 1), 5, Unit::Year, true), None);
    }
}
