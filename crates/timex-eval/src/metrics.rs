//! Counts and the precision, recall and F1 figures computed from them.

use std::ops::AddAssign;

/// How many timexes there were and how many matched, summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Counts {
    /// Gold timexes (the creation time excluded).
    pub gold: usize,
    /// Predicted timexes that were scored (out-of-range ones are dropped).
    pub system: usize,
    /// Pairs with identical extents.
    pub strict: usize,
    /// Pairs with overlapping extents (one to one), strict ones included.
    pub relaxed: usize,
    /// Relaxed pairs whose types agree.
    pub type_correct: usize,
    /// Relaxed pairs whose values agree.
    pub value_correct: usize,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }
}

/// Precision, recall and F1 of extent matching.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Matches / system timexes.
    pub precision: f64,
    /// Matches / gold timexes.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// Scores of an attribute (type or value) over relaxed-matched pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AttrScore {
    /// Accuracy × relaxed precision (= correct / system timexes).
    pub precision: f64,
    /// Accuracy × relaxed recall (= correct / gold timexes).
    pub recall: f64,
    /// Accuracy × relaxed F1; TempEval-3 ranks Task A by the value F1.
    pub f1: f64,
    /// Correct / relaxed-matched pairs.
    pub accuracy: f64,
}

/// All the figures of a score.
///
/// From [`Counts::metrics`] they are percentages rounded to two decimals, as
/// Python's `round(100 * x, 2)` gives them in `timex_eval.py --json`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Metrics {
    /// Identical extents.
    pub strict: Prf,
    /// Overlapping extents.
    pub relaxed: Prf,
    /// The TIMEX3 `type` on relaxed pairs (`type` in the Python scorer's JSON).
    pub kind: AttrScore,
    /// The TIMEX3 `value` on relaxed pairs.
    pub value: AttrScore,
}

impl Counts {
    /// The figures in percent, rounded to two decimals (what `--json` prints).
    /// With neither gold nor system timexes every figure is 100.
    pub fn metrics(&self) -> Metrics {
        self.fractions().map(round_percent)
    }

    /// The unrounded figures as fractions of 1.
    pub fn fractions(&self) -> Metrics {
        if self.gold == 0 && self.system == 0 {
            let one = Prf {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0,
            };
            let attr = AttrScore {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0,
                accuracy: 1.0,
            };
            return Metrics {
                strict: one,
                relaxed: one,
                kind: attr,
                value: attr,
            };
        }
        let strict = prf(self.strict, self.system, self.gold);
        let relaxed = prf(self.relaxed, self.system, self.gold);
        let attr = |ok: usize| {
            let accuracy = ratio(ok, self.relaxed);
            AttrScore {
                precision: accuracy * relaxed.precision,
                recall: accuracy * relaxed.recall,
                f1: accuracy * relaxed.f1,
                accuracy,
            }
        };
        Metrics {
            strict,
            relaxed,
            kind: attr(self.type_correct),
            value: attr(self.value_correct),
        }
    }
}

impl Metrics {
    fn map(self, f: impl Fn(f64) -> f64) -> Metrics {
        let prf = |p: Prf| Prf {
            precision: f(p.precision),
            recall: f(p.recall),
            f1: f(p.f1),
        };
        let attr = |a: AttrScore| AttrScore {
            precision: f(a.precision),
            recall: f(a.recall),
            f1: f(a.f1),
            accuracy: f(a.accuracy),
        };
        Metrics {
            strict: prf(self.strict),
            relaxed: prf(self.relaxed),
            kind: attr(self.kind),
            value: attr(self.value),
        }
    }
}

/// `a / b`, or 0 when `b` is 0.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// `prf` in `timex_eval.py`, with the same operations in the same order.
fn prf(tp: usize, n_sys: usize, n_gold: usize) -> Prf {
    let p = ratio(tp, n_sys);
    let r = ratio(tp, n_gold);
    let f1 = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        precision: p,
        recall: r,
        f1,
    }
}

/// Python's `round(100 * x, 2)`: the exact binary value of `100 * x` rounded
/// to two decimals, ties to even, then read back as the nearest `f64`.
/// (Rust's `{:.2}` formats the exact value with ties to even too.)
pub(crate) fn round_percent(x: f64) -> f64 {
    format!("{:.2}", 100.0 * x)
        .parse()
        .expect("a formatted float parses")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_pythons_round_to_two_decimals() {
        // python3 -c 'print([round(100*x, 2) for x in (0.00125, 0.00375, 0.02675, 0.8903, 1/3, 2/3, 0.5)])'
        // -> [0.12, 0.38, 2.67, 89.03, 33.33, 66.67, 50.0]
        let got: Vec<f64> = [0.00125, 0.00375, 0.02675, 0.8903, 1.0 / 3.0, 2.0 / 3.0, 0.5]
            .into_iter()
            .map(round_percent)
            .collect();
        assert_eq!(got, [0.12, 0.38, 2.67, 89.03, 33.33, 66.67, 50.0]);
        // 100 * 0.12125 is exactly 12.125 in binary: a tie, rounded to even
        assert_eq!(100.0 * 0.12125, 12.125);
        assert_eq!(round_percent(0.12125), 12.12);
        assert_eq!(round_percent(0.12375), 12.38);
    }

    #[test]
    fn attribute_f1_is_accuracy_times_relaxed_f1() {
        let c = Counts {
            gold: 10,
            system: 8,
            strict: 5,
            relaxed: 7,
            type_correct: 7,
            value_correct: 4,
        };
        let m = c.fractions();
        assert_eq!(m.strict.precision, 5.0 / 8.0);
        assert_eq!(m.strict.recall, 0.5);
        assert_eq!(m.relaxed.f1, 2.0 * (7.0 / 8.0) * 0.7 / (7.0 / 8.0 + 0.7));
        assert_eq!(m.kind.f1, m.relaxed.f1);
        assert_eq!(m.value.accuracy, 4.0 / 7.0);
        assert_eq!(m.value.f1, 4.0 / 7.0 * m.relaxed.f1);
        // python3 timex_eval.py on these counts gives strict F1 55.56, value F1 44.44
        let r = c.metrics();
        assert_eq!(
            (r.strict.f1, r.relaxed.f1, r.value.f1),
            (55.56, 77.78, 44.44)
        );
    }

    #[test]
    fn nothing_to_find_and_nothing_found_is_perfect_but_misses_are_zero() {
        let m = Counts::default().metrics();
        assert_eq!(m.strict.f1, 100.0);
        assert_eq!(m.value.accuracy, 100.0);
        let m = Counts {
            gold: 3,
            ..Counts::default()
        }
        .metrics();
        assert_eq!(
            (m.strict.precision, m.relaxed.recall, m.value.f1),
            (0.0, 0.0, 0.0)
        );
    }
}
