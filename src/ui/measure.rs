//! The wrapped rows of a whole article, measured lazily and kept per width.
//!
//! A 50 MB article has hundreds of thousands of rows. Opening it measures
//! only as far as the quote; the rest is measured a slice at a time while the
//! user reads (or at once, for a jump to the bottom), and kept, so drawing
//! takes the few rows on screen and never wraps the article again.

use std::ops::Range;

use super::wrap;

/// How many bytes of an article one slice of measuring reads.
pub const SLICE_BYTES: usize = 1 << 20;

/// An article's rows at one width, as far as measured.
#[derive(Debug, Clone, Default)]
pub struct ArticleRows {
    pub width: usize,
    /// Byte ranges of the rows measured so far, in order.
    pub rows: Vec<Range<usize>>,
    /// The byte where measuring goes on: the start of the next line.
    pub measured: usize,
    /// Whether every line has been measured.
    pub done: bool,
}

impl ArticleRows {
    /// Nothing measured yet, for `width` columns.
    pub fn new(width: usize) -> ArticleRows {
        ArticleRows {
            width: width.max(1),
            ..ArticleRows::default()
        }
    }

    /// Measures whole lines of `body` until at least `bytes` more were read,
    /// or to the end; returns whether the article is measured.
    pub fn measure(&mut self, body: &str, bytes: usize) -> bool {
        let stop = self.measured.saturating_add(bytes);
        while !self.done && self.measured < stop {
            self.measure_line(body);
        }
        self.done
    }

    /// Measures until byte `offset` of `body` lies in a measured row.
    pub fn measure_to_byte(&mut self, body: &str, offset: usize) {
        while !self.done && self.measured <= offset {
            self.measure_line(body);
        }
    }

    /// Measures until `rows` rows are known, or to the end.
    pub fn measure_to_row(&mut self, body: &str, rows: usize) {
        while !self.done && self.rows.len() < rows {
            self.measure_line(body);
        }
    }

    fn measure_line(&mut self, body: &str) {
        let start = self.measured;
        let end = memchr(b'\n', &body.as_bytes()[start..]).map_or(body.len(), |i| start + i);
        wrap::line_rows(&body[start..end], start, self.width, &mut self.rows);
        if end >= body.len() {
            self.done = true;
            self.measured = body.len();
        } else {
            self.measured = end + 1;
        }
    }

    /// The row holding byte `offset` (measured rows only).
    pub fn row_of(&self, offset: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1)
    }
}

/// The first `needle` in `haystack`; std's slice search, kept here so the
/// measuring loop reads plainly.
fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measuring_in_slices_finds_the_rows_wrapping_finds() {
        let body = "One two three four five six.\n\nSeven eight nine ten.\nlast";
        let all = wrap::rows(body, 10);
        let mut lazy = ArticleRows::new(10);
        let mut slices = 0;
        while !lazy.measure(body, 1) {
            slices += 1;
        }
        assert_eq!(lazy.rows, all);
        assert!(slices >= 3, "one line a slice");
        let mut to = ArticleRows::new(10);
        let nine = body.find("nine").unwrap_or(0);
        to.measure_to_byte(body, nine);
        assert!(!to.done);
        let row = to.row_of(nine);
        assert_eq!(&body[to.rows[row].clone()], "nine ten.");
        assert_eq!(Some(row), all.iter().position(|r| r.contains(&nine)));
    }

    #[test]
    fn an_empty_or_newline_ended_article_is_measured() {
        let mut rows = ArticleRows::new(5);
        assert!(rows.measure("", 100));
        assert_eq!(rows.rows, wrap::rows("", 5));
        let mut rows = ArticleRows::new(5);
        rows.measure_to_row("a\nb\n", usize::MAX);
        assert_eq!(rows.rows, wrap::rows("a\nb\n", 5));
    }
}
