//! Date-F1, the two ways timeline benchmarks score dates: exact days
//! (Timeline17, tilse's `evaluate_dates`) and dates at their precision
//! matched one to one (SemEval-2015 Task 4, `score_dates.py`).

use std::collections::BTreeSet;

use annals_core::{Event, When};
use chrono::NaiveDate;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    /// Shared over predicted (0 when nothing is predicted).
    pub precision: f64,
    /// Shared over gold.
    pub recall: f64,
    /// Their harmonic mean (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// From the number shared, predicted and gold.
    pub fn of(shared: usize, predicted: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        Prf::from_pr(ratio(shared, predicted), ratio(shared, gold))
    }

    /// From a precision and a recall.
    pub fn from_pr(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }

    /// Rounded to four places, as `score_dates.py` prints.
    pub fn rounded(self) -> Prf {
        let r = |x: f64| (x * 10_000.0).round() / 10_000.0;
        let (p, q) = (r(self.precision), r(self.recall));
        let f = if p + q > 0.0 {
            r(2.0 * p * q / (p + q))
        } else {
            0.0
        };
        Prf {
            precision: p,
            recall: q,
            f1: f,
        }
    }
}

/// Exact-day Date-F1: the distinct predicted days against the gold days.
pub fn days(predicted: &[NaiveDate], gold: &BTreeSet<NaiveDate>) -> Prf {
    let predicted: BTreeSet<&NaiveDate> = predicted.iter().collect();
    let shared = predicted.iter().filter(|d| gold.contains(d)).count();
    Prf::of(shared, predicted.len(), gold.len())
}

/// The day events of a timeline, as Timeline17's scorer reads them (a range
/// or a month gives no day), most salient first (events without a salience
/// after, in file order), each day once.
pub fn ranked_days(events: &[Event]) -> Vec<NaiveDate> {
    let mut order: Vec<(usize, Option<f64>)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (i, e.drafted().and_then(|d| d.salience).map(|s| s.get())))
        .collect();
    order.sort_by(|a, b| match (a.1, b.1) {
        (Some(x), Some(y)) => y.total_cmp(&x).then(a.0.cmp(&b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
    let mut seen = BTreeSet::new();
    order
        .into_iter()
        .filter_map(|(i, _)| {
            let w = events[i].when();
            (w.precision == annals_core::Precision::Day).then_some(w.start)
        })
        .filter(|d| seen.insert(*d))
        .collect()
}

/// A date at its precision, as SemEval's scorer reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dated {
    /// A year.
    Year(i32),
    /// A month.
    Month(i32, u32),
    /// A day.
    Day(NaiveDate),
}

impl Dated {
    fn rank(self) -> u8 {
        match self {
            Dated::Year(_) => 0,
            Dated::Month(..) => 1,
            Dated::Day(_) => 2,
        }
    }

    /// Whether a predicted date covers a gold one: as precise or more, and inside it.
    pub fn covers(self, gold: Dated) -> bool {
        use chrono::Datelike;
        let (y, m) = match self {
            Dated::Year(y) => (y, 0),
            Dated::Month(y, m) => (y, m),
            Dated::Day(d) => (d.year(), d.month()),
        };
        self.rank() >= gold.rank()
            && match gold {
                Dated::Year(g) => y == g,
                Dated::Month(g, n) => y == g && m == n,
                Dated::Day(g) => self == Dated::Day(g),
            }
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a longer timestamp counts as its day).
    pub fn parse(value: &str) -> Option<Dated> {
        let v = value.trim();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let year = v.get(..4).filter(|y| digits(y))?.parse().ok()?;
        match (v.get(4..5), v.get(5..7), v.get(7..8), v.get(8..10)) {
            (None, ..) => Some(Dated::Year(year)),
            (Some("-"), Some(m), None, None) if digits(m) => {
                let m: u32 = m.parse().ok()?;
                (1..=12).contains(&m).then_some(Dated::Month(year, m))
            }
            (Some("-"), Some(_), Some("-"), Some(_)) => {
                let rest = &v[10..];
                if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
                    return None;
                }
                NaiveDate::parse_from_str(&v[..10], "%Y-%m-%d")
                    .ok()
                    .map(Dated::Day)
            }
            _ => None,
        }
    }

    /// The date an event gives SemEval's scorer: its start when that is a
    /// day, or when it ends at the same date (a month or a year); a range of
    /// months or years gives none.
    pub fn of(when: &When) -> Option<Dated> {
        let (start, end) = when.bounds();
        let s = Dated::parse(&start)?;
        (matches!(s, Dated::Day(_)) || Dated::parse(&end) == Some(s)).then_some(s)
    }
}

/// Precision-aware Date-F1 with one-to-one maximum matching (Kuhn), rounded
/// as `score_dates.py` rounds.
pub fn dated(predicted: &BTreeSet<Dated>, gold: &BTreeSet<Dated>) -> Prf {
    let (p, g): (Vec<Dated>, Vec<Dated>) = (
        predicted.iter().copied().collect(),
        gold.iter().copied().collect(),
    );
    let adjacency: Vec<Vec<usize>> = p
        .iter()
        .map(|x| (0..g.len()).filter(|&k| x.covers(g[k])).collect())
        .collect();
    fn augment(
        u: usize,
        adj: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &v in &adj[u] {
            if !seen[v] {
                seen[v] = true;
                if owner[v].is_none_or(|o| augment(o, adj, owner, seen)) {
                    owner[v] = Some(u);
                    return true;
                }
            }
        }
        false
    }
    let mut owner = vec![None; g.len()];
    let shared = (0..p.len())
        .filter(|&u| augment(u, &adjacency, &mut owner, &mut vec![false; g.len()]))
        .count();
    Prf::of(shared, p.len(), g.len()).rounded()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dated {
        Dated::parse(s).unwrap()
    }

    #[test]
    fn dates_match_one_to_one_and_by_precision() {
        let gold: BTreeSet<Dated> = [d("2008"), d("2008-06"), d("2008-06-09")].into();
        assert!(d("2008-06-09").covers(d("2008")) && !d("2008").covers(d("2008-06")));
        assert_eq!(dated(&[d("2008-06-09")].into(), &gold).recall, 0.3333);
        let preds: BTreeSet<Dated> = [d("2008-06-09"), d("2008-06-10"), d("2008-01-01")].into();
        assert_eq!(dated(&preds, &gold).f1, 1.0);
        assert_eq!(dated(&BTreeSet::new(), &gold).f1, 0.0);
        assert_eq!(Dated::parse("2008-06-09T14:00"), Some(d("2008-06-09")));
        assert_eq!(
            (
                Dated::parse("2008-13"),
                Dated::parse("2008-02-30"),
                Dated::parse("08")
            ),
            (None, None, None)
        );
    }

    #[test]
    fn exact_days_count_each_day_once() {
        let day = |n| NaiveDate::from_ymd_opt(2011, 2, n).unwrap();
        let gold: BTreeSet<NaiveDate> = [day(1), day(2), day(3), day(4)].into();
        let p = days(&[day(1), day(1), day(2), day(9)], &gold);
        assert_eq!((p.precision, p.recall), (2.0 / 3.0, 0.5));
        assert_eq!(days(&[], &gold).f1, 0.0);
    }
}
