//! Word wrapping of untrusted article text into styled terminal lines.
//!
//! Ratatui can wrap a paragraph, but it cannot say on which row a byte of the
//! text lands, and the article view must scroll to a quote. Wrapping here keeps
//! byte offsets into the original text, styles ranges of it (quotes, search
//! matches), and makes every character safe to draw on the way out.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use annals_core::text::safe_char;

/// Wrapped text: the lines to draw and the byte offset each starts at.
#[derive(Debug, Default)]
pub struct Wrapped {
    pub lines: Vec<Line<'static>>,
    pub starts: Vec<usize>,
}

impl Wrapped {
    /// The row holding byte `offset` of the text.
    pub fn row_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Appends another block of lines (headings, blank separators), which
    /// belong to no offset of the text.
    pub fn push(&mut self, line: Line<'static>) {
        let last = self.starts.last().copied().unwrap_or(0);
        self.lines.push(line);
        self.starts.push(last);
    }

    /// Appends wrapped text after what is here, shifting its offsets by `base`.
    pub fn extend(&mut self, other: Wrapped, base: usize) {
        self.lines.extend(other.lines);
        self.starts
            .extend(other.starts.into_iter().map(|s| s + base));
    }
}

/// The width a character takes once made safe.
fn width(c: char) -> usize {
    safe_char(c).width().unwrap_or(0)
}

/// Wraps `text` to `width` columns at spaces (hard-breaking longer words),
/// drawing it in `base` with each of `marks` (byte ranges, later ones on top)
/// patched over it. Each `\n` starts a new line; `indent` columns of spaces
/// begin every line.
pub fn wrap(
    text: &str,
    width_cols: usize,
    indent: usize,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Wrapped {
    let usable = width_cols.saturating_sub(indent).max(1);
    let mut rows: Vec<Range<usize>> = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        wrap_line(line, line_start, usable, &mut rows);
        line_start += line.len() + 1;
    }
    let mut out = Wrapped::default();
    for row in rows {
        let mut spans: Vec<Span<'static>> = Vec::new();
        if indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        let mut run = String::new();
        let mut run_style = base;
        for (i, c) in text[row.clone()].char_indices() {
            let at = row.start + i;
            let style = marks
                .iter()
                .filter(|(r, _)| r.contains(&at))
                .fold(base, |s, (_, m)| s.patch(*m));
            if style != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = style;
            run.push(safe_char(c));
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style));
        }
        out.lines.push(Line::from(spans));
        out.starts.push(row.start);
    }
    out
}

/// Splits one line (starting at byte `at` of the text) into rows of at most
/// `max` columns, preferring to break after a space.
fn wrap_line(line: &str, at: usize, max: usize, rows: &mut Vec<Range<usize>>) {
    let mut start = 0;
    let mut cols = 0;
    // The byte just after the last space seen on this row: a place to break.
    let mut last_break = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let w = width(c);
        if cols + w > max && i > start {
            let cut = match last_break {
                Some(b) if b > start => b,
                _ => i,
            };
            rows.push(at + start..at + trim_end(line, start, cut));
            start = cut;
            cols = line[start..i].chars().map(self::width).sum();
            last_break = None;
        }
        cols += w;
        if c == ' ' {
            last_break = Some(chars.peek().map_or(line.len(), |(j, _)| *j));
        }
    }
    rows.push(at + start..at + line.len());
}

/// `cut` with the spaces before it dropped, so wrapped rows do not end in blanks.
fn trim_end(line: &str, start: usize, cut: usize) -> usize {
    start + line[start..cut].trim_end_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn texts(w: &Wrapped) -> Vec<String> {
        w.lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_offsets() {
        let text = "The US has signed a deal with the Taliban";
        let w = wrap(text, 12, 0, Style::new(), &[]);
        assert_eq!(
            texts(&w),
            ["The US has", "signed a", "deal with", "the Taliban"]
        );
        assert_eq!(w.starts, [0, 11, 20, 30]);
        assert_eq!(w.row_of(text.find("Taliban").unwrap_or(0)), 3);
        assert_eq!(w.row_of(0), 0);
    }

    #[test]
    fn long_words_are_cut_and_newlines_start_rows() {
        let w = wrap("abcdefghij\nxy", 4, 0, Style::new(), &[]);
        assert_eq!(texts(&w), ["abcd", "efgh", "ij", "xy"]);
        let w = wrap("a\n\nb", 10, 2, Style::new(), &[]);
        assert_eq!(texts(&w), ["  a", "  ", "  b"]);
    }

    #[test]
    fn marks_style_exactly_their_bytes() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let w = wrap("one two three", 80, 0, Style::new(), &[(4..7, bold)]);
        let spans = &w.lines[0].spans;
        assert_eq!(spans.len(), 3);
        assert_eq!((spans[1].content.as_ref(), spans[1].style), ("two", bold));
    }

    #[test]
    fn control_characters_become_visible_and_wide_ones_count_double() {
        let w = wrap("a\u{1b}[31mb", 80, 0, Style::new(), &[]);
        assert_eq!(texts(&w), ["a\u{241b}[31mb"]);
        let w = wrap("日本語の記事", 5, 0, Style::new(), &[]);
        assert_eq!(texts(&w), ["日本", "語の", "記事"]);
    }

    #[test]
    fn zero_width_never_loops() {
        let w = wrap("some text", 0, 3, Style::new(), &[]);
        assert!(w.lines.len() >= 2);
    }
}
