//! The time axis: where each event lands on a compressed scale.
//!
//! Distances grow with the logarithm of the days between neighbouring dates,
//! and gaps longer than [`BREAK_DAYS`] collapse to a fixed-width break, so
//! that a week in February 2020 stays readable beside 2001 and 2021.

use chrono::{Datelike, NaiveDate};

/// Gaps longer than this (in days) are drawn as a break.
pub const BREAK_DAYS: i64 = 2 * 365;

/// The weight of a break, in the same units as `ln(1 + days)`.
const BREAK_WEIGHT: f64 = 3.0;

/// An event placed on the axis: columns `from..=to` (equal for a day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Index into the timeline's events.
    pub event: usize,
    pub from: u16,
    pub to: u16,
}

/// The axis laid out for a width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Axis {
    pub marks: Vec<Mark>,
    /// Columns where a long gap is cut out.
    pub breaks: Vec<u16>,
    /// Year labels: the column they start at, and the year.
    pub labels: Vec<(u16, i32)>,
}

/// Lays out events (index, first day, last day) across `width` columns.
pub fn layout(events: &[(usize, NaiveDate, NaiveDate)], width: u16) -> Axis {
    if events.is_empty() || width == 0 {
        return Axis::default();
    }
    let days = Days::new(events);
    let points = &days.points;
    // Cumulative weight at each point, and the breaks between points.
    let mut at = Vec::with_capacity(points.len());
    let mut breaks_after = Vec::new();
    let mut total = 0.0;
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            let days = (*p - points[i - 1]).num_days();
            if days > BREAK_DAYS {
                breaks_after.push((i - 1, total));
                total += BREAK_WEIGHT;
            } else {
                total += (1.0 + days as f64).ln();
            }
        }
        at.push(total);
    }
    let span = f64::from(width.saturating_sub(1));
    let x = |w: f64| -> u16 {
        if total <= 0.0 {
            0
        } else {
            // In range by construction: 0 <= w <= total.
            (w / total * span).round() as u16
        }
    };
    let column = |d: NaiveDate| -> u16 { x(at[days.index(d)]) };
    let marks = events
        .iter()
        .map(|&(event, s, e)| Mark {
            event,
            from: column(s),
            to: column(e),
        })
        .collect();
    let breaks = breaks_after
        .iter()
        .map(|&(_, w)| x(w + BREAK_WEIGHT / 2.0))
        .collect();
    // A label for the first point of each year, where it fits.
    let mut labels: Vec<(u16, i32)> = Vec::new();
    let mut next_free = 0u16;
    for (i, p) in points.iter().enumerate() {
        let year = p.year();
        if labels.last().is_some_and(|&(_, y)| y == year) || (i > 0 && points[i - 1].year() == year)
        {
            continue;
        }
        let col = x(at[i]);
        let text_width = year.to_string().len() as u16;
        let col = col.min(width.saturating_sub(text_width));
        if col >= next_free && col + text_width <= width {
            labels.push((col, year));
            next_free = col + text_width + 1;
        }
    }
    Axis {
        marks,
        breaks,
        labels,
    }
}

/// What one column of the axis row shows, before the selection is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Line,
    Break,
    /// Where a mark starts: `●`.
    Start,
    /// The rest of a span: `━`.
    Span,
}

/// The axis for one filter and one width, with its row of cells drawn once:
/// a frame then only puts the selected mark on top, whatever the number of
/// events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Strip {
    pub width: u16,
    pub axis: Axis,
    pub cells: Vec<Cell>,
    /// The year labels as one row of text.
    pub labels: String,
}

impl Strip {
    /// Lays out `events` (index, first day, last day) and draws their marks.
    pub fn new(events: &[(usize, NaiveDate, NaiveDate)], width: u16) -> Strip {
        let axis = layout(events, width);
        let w = usize::from(width);
        let mut cells = vec![Cell::Line; w];
        for &b in &axis.breaks {
            if let Some(c) = cells.get_mut(usize::from(b)) {
                *c = Cell::Break;
            }
        }
        for m in &axis.marks {
            for x in m.from..=m.to {
                if let Some(c) = cells.get_mut(usize::from(x)) {
                    *c = if x == m.from { Cell::Start } else { Cell::Span };
                }
            }
        }
        let mut labels = vec![' '; w];
        for (col, year) in &axis.labels {
            for (i, c) in year.to_string().chars().enumerate() {
                if let Some(cell) = labels.get_mut(usize::from(*col) + i) {
                    *cell = c;
                }
            }
        }
        Strip {
            width,
            axis,
            cells,
            labels: labels.into_iter().collect(),
        }
    }
}

/// A story seldom spans more days than this; up to it, the days in use are
/// found with a table indexed by day instead of a sort, which keeps a filter
/// change on 100,000 events well within a frame.
const DENSE_DAYS: usize = 1 << 21;

/// The distinct days the events start or end on, in order, and where each
/// day is among them.
struct Days {
    points: Vec<NaiveDate>,
    first: NaiveDate,
    /// For each day from `first`, its position in `points` (dense stories).
    table: Vec<u32>,
}

impl Days {
    fn new(events: &[(usize, NaiveDate, NaiveDate)]) -> Days {
        let first = events.iter().map(|e| e.1).min().unwrap_or_default();
        let last = events.iter().map(|e| e.2).max().unwrap_or_default();
        let span = usize::try_from((last - first).num_days()).unwrap_or(usize::MAX);
        if span >= DENSE_DAYS {
            let mut points: Vec<NaiveDate> = events.iter().flat_map(|&(_, s, e)| [s, e]).collect();
            points.sort_unstable();
            points.dedup();
            return Days {
                points,
                first,
                table: Vec::new(),
            };
        }
        let mut table = vec![u32::MAX; span + 1];
        let day = |d: NaiveDate| (d - first).num_days() as usize;
        for &(_, s, e) in events {
            table[day(s)] = 0;
            table[day(e)] = 0;
        }
        let mut points = Vec::new();
        for (i, slot) in table.iter_mut().enumerate() {
            if *slot != u32::MAX {
                *slot = points.len() as u32;
                points.push(first + chrono::Days::new(i as u64));
            }
        }
        Days {
            points,
            first,
            table,
        }
    }

    /// The position of a day that some event starts or ends on.
    fn index(&self, d: NaiveDate) -> usize {
        let found = usize::try_from((d - self.first).num_days())
            .ok()
            .and_then(|i| self.table.get(i))
            .map(|&i| i as usize);
        found
            .unwrap_or_else(|| self.points.partition_point(|p| *p < d))
            .min(self.points.len() - 1)
    }
}

/// The event whose mark is nearest column `col`.
pub fn nearest(axis: &Axis, col: u16) -> Option<usize> {
    axis.marks
        .iter()
        .min_by_key(|m| {
            if col < m.from {
                m.from - col
            } else {
                col.saturating_sub(m.to)
            }
        })
        .map(|m| m.event)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn doha() -> Vec<(usize, NaiveDate, NaiveDate)> {
        [
            ("2001-09-11", "2001-09-11"),
            ("2001-10-07", "2001-10-07"),
            ("2009-01-01", "2009-12-31"),
            ("2020-02-22", "2020-02-28"),
            ("2020-02-29", "2020-02-29"),
            ("2020-07-13", "2020-07-13"),
            ("2021-04-29", "2021-04-29"),
        ]
        .iter()
        .enumerate()
        .map(|(i, (s, e))| (i, d(s), d(e)))
        .collect()
    }

    #[test]
    fn long_gaps_collapse_and_recent_days_stay_apart() {
        let axis = layout(&doha(), 78);
        let cols: Vec<u16> = axis.marks.iter().map(|m| m.from).collect();
        assert_eq!(cols[0], 0);
        assert_eq!(axis.marks[6].to, 77);
        assert!(cols.windows(2).all(|w| w[0] < w[1]), "{cols:?}");
        // The reduction-in-violence week and the signing are distinct columns.
        assert!(axis.marks[3].to < axis.marks[4].from);
        // Two breaks: 2001 to 2009 and 2009 to 2020.
        assert_eq!(axis.breaks.len(), 2);
        assert!(axis.breaks[0] > cols[1] && axis.breaks[0] < cols[2]);
        let years: Vec<i32> = axis.labels.iter().map(|l| l.1).collect();
        assert_eq!(years, [2001, 2009, 2020, 2021]);
    }

    #[test]
    fn any_width_is_safe() {
        for width in 0..100 {
            let axis = layout(&doha(), width);
            for m in &axis.marks {
                assert!(m.from <= m.to && m.to < width.max(1));
            }
            for (col, year) in &axis.labels {
                assert!(col + year.to_string().len() as u16 <= width);
            }
        }
        assert_eq!(layout(&[], 80), Axis::default());
        let one = layout(&[(0, d("2020-02-29"), d("2020-02-29"))], 80);
        assert_eq!(one.marks[0].from, 0);
    }

    #[test]
    fn a_story_over_millennia_is_laid_out_as_a_dense_one_is() {
        let mut far = doha();
        far.push((7, d("0001-01-01"), d("0001-01-01")));
        far.push((8, d("9000-06-01"), d("9000-06-30")));
        let axis = layout(&far, 100);
        assert_eq!(axis.marks[7].from, 0);
        assert_eq!(axis.marks[8].to, 99);
        let cols: Vec<u16> = axis.marks[..7].iter().map(|m| m.from).collect();
        assert!(cols.windows(2).all(|w| w[0] < w[1]), "{cols:?}");
    }

    #[test]
    fn the_strip_draws_every_mark_once() {
        let strip = Strip::new(&doha(), 78);
        assert_eq!(strip.cells.len(), 78);
        for m in &strip.axis.marks {
            assert_eq!(strip.cells[usize::from(m.from)], Cell::Start);
        }
        assert_eq!(strip.cells.iter().filter(|c| **c == Cell::Break).count(), 2);
        assert!(strip.labels.starts_with("2001"));
        assert_eq!(strip.labels.chars().count(), 78);
    }

    #[test]
    fn clicks_find_the_nearest_mark() {
        let axis = layout(&doha(), 78);
        assert_eq!(nearest(&axis, 0), Some(0));
        assert_eq!(nearest(&axis, 77), Some(6));
        assert_eq!(nearest(&Axis::default(), 3), None);
    }
}
