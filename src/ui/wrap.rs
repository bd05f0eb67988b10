//! Word wrapping of untrusted article text into styled terminal lines.
//!
//! Ratatui can wrap a paragraph, but it cannot say on which row a byte of the
//! text lands, and the article view must scroll to a quote. Wrapping here keeps
//! byte offsets into the original text, styles ranges of it (quotes, search
//! matches), and makes every character safe to draw on the way out.
//!
//! Widths are measured per grapheme cluster, as ratatui and terminals place
//! them: a flag, a family emoji joined with ZWJ, a letter with combining
//! marks each take the cells of one glyph, never the sum of their parts.
//! Finding the rows ([`rows`]) is apart from drawing them ([`render`]), so a
//! long article is measured once and only the rows on screen are drawn.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use annals_core::text::{safe_char, sanitize};

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

/// The cells a grapheme cluster takes once made safe. Every ASCII character,
/// controls included (they become one-cell pictures), takes one.
pub fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    sanitize(g).width()
}

/// The cells a piece of text takes once made safe.
pub fn text_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.graphemes(true).map(grapheme_width).sum()
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
    let mut out = Wrapped::default();
    for row in rows(text, width_cols.saturating_sub(indent)) {
        out.starts.push(row.start);
        out.lines.push(render(text, row, indent, base, marks));
    }
    out
}

/// The rows of `text` wrapped to `width` columns, as byte ranges.
pub fn rows(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        line_rows(line, line_start, width.max(1), &mut out);
        line_start += line.len() + 1;
    }
    out
}

/// Draws one row (a byte range of `text`) with its marks, safely.
pub fn render(
    text: &str,
    row: Range<usize>,
    indent: usize,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Line<'static> {
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
    Line::from(spans)
}

/// Splits one line (starting at byte `at` of the text) into rows of at most
/// `max` columns, preferring to break after a space.
pub fn line_rows(line: &str, at: usize, max: usize, rows: &mut Vec<Range<usize>>) {
    if line.is_ascii() {
        ascii_rows(line.as_bytes(), at, max, rows);
    } else if line.chars().all(stands_alone) {
        // Every character is its own cluster: no segmentation needed.
        let chars = line
            .char_indices()
            .map(|(i, c)| (i, c.len_utf8(), char_width(c)));
        split(line, at, max, rows, chars);
    } else {
        let clusters = line
            .grapheme_indices(true)
            .map(|(i, g)| (i, g.len(), grapheme_width(g)));
        split(line, at, max, rows, clusters);
    }
}

/// Wraps a line given as (byte, length, cells) of each of its clusters.
fn split(
    line: &str,
    at: usize,
    max: usize,
    rows: &mut Vec<Range<usize>>,
    clusters: impl Iterator<Item = (usize, usize, usize)>,
) {
    let mut start = 0;
    let mut cols = 0;
    // The byte just after the last space seen on this row: a place to break.
    let mut last_break = None;
    for (i, len, w) in clusters {
        if cols + w > max && i > start {
            let cut = match last_break {
                Some(b) if b > start => b,
                _ => i,
            };
            rows.push(at + start..at + trim_end(line.as_bytes(), start, cut));
            start = cut;
            cols = text_width(&line[start..i]);
            last_break = None;
        }
        cols += w;
        if len == 1 && line.as_bytes()[i] == b' ' {
            last_break = Some(i + 1);
        }
    }
    rows.push(at + start..at + line.len());
}

/// The cells a character that is a cluster by itself takes once made safe.
fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(safe_char(c)).unwrap_or(0)
}

/// Whether a character is always a grapheme cluster of its own and nothing
/// joins onto it: Latin, Greek and Cyrillic letters without combining marks,
/// typographic punctuation (curly quotes, dashes), CJK ideographs. News text
/// is nearly all of these, so most lines need no segmentation.
fn stands_alone(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{2FF}'
        | '\u{370}'..='\u{482}'
        | '\u{48A}'..='\u{52F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205F}'
        | '\u{20A0}'..='\u{20C0}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{4E00}'..='\u{9FFF}'
    )
}

/// [`line_rows`] for ASCII, where every byte is one cell: the same rows,
/// found by looking back from each row's end for a space.
fn ascii_rows(line: &[u8], at: usize, max: usize, rows: &mut Vec<Range<usize>>) {
    let mut start = 0;
    while line.len() - start > max {
        let window = &line[start..start + max];
        let cut = match window.iter().rposition(|&b| b == b' ') {
            Some(space) => start + space + 1,
            None => start + max,
        };
        rows.push(at + start..at + trim_end(line, start, cut));
        start = cut;
    }
    rows.push(at + start..at + line.len());
}

/// `cut` with the spaces before it dropped, so wrapped rows do not end in blanks.
fn trim_end(line: &[u8], start: usize, cut: usize) -> usize {
    let spaces = line[start..cut]
        .iter()
        .rev()
        .take_while(|&&b| b == b' ')
        .count();
    cut - spaces
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
    fn clusters_take_the_cells_of_one_glyph_and_are_never_split() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let flag = "\u{1F1EB}\u{1F1F7}";
        let accent = "e\u{301}";
        assert_eq!(text_width(family), 2);
        assert_eq!(text_width(flag), 2);
        assert_eq!(text_width(accent), 1);
        let text = format!("{family}{flag}{accent}{accent}");
        let w = wrap(&text, 4, 0, Style::new(), &[]);
        assert_eq!(
            texts(&w),
            [format!("{family}{flag}"), format!("{accent}{accent}")]
        );
        for line in &w.lines {
            assert!(line.width() <= 4, "{line:?}");
        }
    }

    #[test]
    fn the_ascii_path_wraps_like_the_general_one() {
        let text = "  The  US has signed  a deal with the Taliban in   Doha, Qatar   ";
        for width in 1..30 {
            let mut fast = Vec::new();
            ascii_rows(text.as_bytes(), 0, width, &mut fast);
            // A non-ASCII character at the end takes the general path.
            let general_text = format!("{text}é");
            let mut general = Vec::new();
            line_rows(&general_text, 0, width, &mut general);
            let n = fast.len() - 1;
            assert_eq!(fast[..n], general[..n], "width {width}");
        }
    }

    #[test]
    fn the_character_path_wraps_like_segmentation() {
        let text = "“Neither side” — said Ελένη, Дмитрий and 多哈 officials… ½ €5 «ok» ‘x’ ";
        assert!(text.chars().all(stands_alone));
        for width in 1..40 {
            let mut fast = Vec::new();
            line_rows(text, 0, width, &mut fast);
            let mut general = Vec::new();
            let clusters = text
                .grapheme_indices(true)
                .map(|(i, g)| (i, g.len(), grapheme_width(g)));
            split(text, 0, width, &mut general, clusters);
            assert_eq!(fast, general, "width {width}");
        }
        // A combining mark sends the line to segmentation.
        assert!(!"e\u{301}".chars().all(stands_alone));
        assert!(!"\u{200D}".chars().all(stands_alone));
    }

    #[test]
    fn zero_width_never_loops() {
        let w = wrap("some text", 0, 3, Style::new(), &[]);
        assert!(w.lines.len() >= 2);
    }
}
