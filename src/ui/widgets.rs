//! Small pieces every screen draws with: bars, width-aware truncation,
//! highlighted text, passages, the status line's hints, popup frames.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::app::App;
use super::keymap::display;
use super::mode::Mode;
use super::wrap::{Wrapped, wrap};
use annals_core::Passage;
use annals_core::search::find_all;

/// A one-row bar with text at both ends.
pub fn bar(frame: &mut Frame, area: Rect, left: &str, right: &str, style: Style) {
    let width = usize::from(area.width);
    let right = truncate(right, width / 2);
    let left = truncate(left, width.saturating_sub(right.width()));
    let gap = width.saturating_sub(left.width() + right.width());
    let line = Line::from(format!("{left}{}{right}", " ".repeat(gap))).style(style);
    frame.render_widget(Paragraph::new(line), area);
}

/// `text` cut to `width` columns, with an ellipsis if anything was cut.
/// Whole grapheme clusters only: a flag or a joined emoji is kept or dropped.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let (kept, _) = text.unicode_truncate(width - 1);
    format!("{kept}…")
}

/// `text` as spans, with the matches of `query` in `matched`.
pub fn highlighted(
    text: &str,
    query: Option<&str>,
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let hits = query.map(|q| find_all(text, q)).unwrap_or_default();
    let mut spans = Vec::new();
    let mut at = 0;
    for h in hits {
        if h.start > at {
            spans.push(Span::styled(text[at..h.start].to_string(), base));
        }
        spans.push(Span::styled(
            text[h.clone()].to_string(),
            base.patch(matched),
        ));
        at = h.end;
    }
    if at < text.len() {
        spans.push(Span::styled(text[at..].to_string(), base));
    }
    spans
}

/// The search matches in `text`, as marks for [`wrap`].
pub fn search_marks(app: &App, text: &str) -> Vec<(Range<usize>, Style)> {
    app.query()
        .map(|q| find_all(text, q))
        .unwrap_or_default()
        .into_iter()
        .map(|r| (r, app.theme.matched))
        .collect()
}

/// A passage's paragraph, wrapped, its quote and any search matches marked.
pub fn passage_lines(app: &App, p: &Passage, width: usize, indent: usize) -> Wrapped {
    let para = app.timeline.paragraph(p);
    let quote = p.quote().start - p.paragraph().start..p.quote().end - p.paragraph().start;
    let mut marks = vec![(quote, app.theme.quote)];
    marks.extend(search_marks(app, para));
    wrap(para, width, indent, Style::new(), &marks)
}

/// How far a search has got, for the status line, while it runs.
pub fn search_progress(app: &App) -> Option<String> {
    let find = app.search.as_ref()?;
    (!find.is_done(app.timeline)).then(|| {
        format!(
            "searching… {} % · {} found",
            find.percent(app.timeline),
            find.shown
        )
    })
}

/// The most rows a message takes above the status bar when it does not fit in it.
pub const MESSAGE_ROWS: u16 = 3;

/// The message, or a running search's progress, for a status row that has
/// `room` columns for it: in the row if it fits; else wrapped in a band of
/// up to [`MESSAGE_ROWS`] rows just above `row` (drawn here, over whatever
/// the screen has there), so a message is never cut. `None` if there is none.
pub fn message(frame: &mut Frame, app: &App, row: Rect, room: usize) -> Option<Vec<Span<'static>>> {
    let t = &app.theme;
    let msg = app.message.clone().or_else(|| search_progress(app))?;
    if msg.width() + 2 <= room {
        return Some(vec![Span::styled(format!("  {msg}"), t.warning)]);
    }
    let width = usize::from(row.width).saturating_sub(2).max(1);
    let lines: Vec<String> = textwrap_words(&msg, width);
    let rows = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(MESSAGE_ROWS)
        .min(row.y);
    let band = Rect::new(row.x, row.y - rows, row.width, rows);
    let mut shown: Vec<Line> = lines
        .iter()
        .take(usize::from(rows))
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    if lines.len() > usize::from(rows)
        && let Some(last) = shown.last_mut()
    {
        // Longer than the band: its end, cut, still says it goes on.
        *last = Line::from(truncate(
            &format!(" {}…", lines[usize::from(rows) - 1]),
            usize::from(row.width),
        ));
    }
    frame.render_widget(ratatui::widgets::Clear, band);
    frame.render_widget(Paragraph::new(shown).style(t.warning.patch(t.status)), band);
    Some(Vec::new())
}

/// `text` broken into lines of at most `width` columns at spaces (a word
/// longer than a line is cut into pieces).
fn textwrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_string();
        while word.width() > width {
            let (head, _) = word.unicode_truncate(width);
            let head = head.to_string();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            word = word[head.len()..].to_string();
            lines.push(head);
        }
        let sep = usize::from(!line.is_empty());
        if line.width() + sep + word.width() > width {
            lines.push(std::mem::take(&mut line));
        } else if sep == 1 {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Hints for the screen's keys that fit in `room` columns, help first
/// unless `help` is shown elsewhere.
pub fn hints(app: &App, mode: Mode, room: usize, help: bool) -> Vec<Span<'static>> {
    let t = &app.theme;
    let mut spans = vec![Span::raw("  ")];
    let mut used = 2;
    // Help first: whatever else does not fit, it lists.
    let bindings = app.keymap.bindings(mode);
    let (first, rest): (Vec<_>, Vec<_>) = bindings.partition(|b| b.action == Action::Help);
    let first = if help { first } else { Vec::new() };
    for b in first.into_iter().chain(rest) {
        let (Some(hint), Some((_, key))) = (b.action.hint_on(mode), b.keys.first()) else {
            continue;
        };
        let text = format!(" {} {hint} ", display(key));
        if used + text.width() > room {
            break;
        }
        used += text.width();
        spans.push(Span::styled(text, t.status));
    }
    spans
}

/// Hints for the screen's keys that fit in `room` columns, or the message
/// (wrapped above `row` if it does not fit), or a running search's progress.
pub fn hints_or_message(
    frame: &mut Frame,
    app: &App,
    mode: Mode,
    row: Rect,
    room: usize,
) -> Vec<Span<'static>> {
    message(frame, app, row, room).unwrap_or_else(|| hints(app, mode, room, true))
}

/// The bottom row of a full-screen view: `left`, then the hints.
pub fn simple_status(frame: &mut Frame, app: &App, area: Rect, mode: Mode, left: &str) {
    let row = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let left = format!(" {left}");
    let mut spans = vec![Span::raw(left.clone())];
    let room = usize::from(area.width).saturating_sub(left.width());
    spans.extend(hints_or_message(frame, app, mode, row, room));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(app.theme.status),
        row,
    );
}

/// Where a full-screen view's text goes: below its two header rows, above
/// the status row, one column in from each side.
pub fn content_area(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 2,
        area.width.saturating_sub(2),
        area.height.saturating_sub(3),
    )
}

/// Rows one page of a full-screen view scrolls.
pub fn page_rows(size: Rect) -> usize {
    usize::from(size.height.saturating_sub(3))
}

/// A scroll position moved by a scrolling action, a page being `page` rows.
pub fn scrolled(scroll: usize, action: Action, page: usize) -> usize {
    let page = page.max(1);
    match action {
        Action::Down => scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => usize::MAX,
        Action::PageDown => scroll.saturating_add(page),
        Action::PageUp => scroll.saturating_sub(page),
        Action::HalfPageDown => scroll.saturating_add(page / 2),
        Action::HalfPageUp => scroll.saturating_sub(page / 2),
        _ => scroll,
    }
}

/// A popup's frame, titled.
pub fn popup_block<'a>(app: &App, title: &'a str) -> Block<'a> {
    Block::bordered()
        .border_style(app.theme.heading)
        .title(Span::styled(title, app.theme.heading))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_columns() {
        assert_eq!(truncate("Doha", 10), "Doha");
        assert_eq!(truncate("Doha signing", 6), "Doha …");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn truncation_keeps_clusters_whole() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let text = format!("ab{family}cd");
        assert_eq!(truncate(&text, 4), "ab…");
        assert_eq!(truncate(&text, 5), format!("ab{family}…"));
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        for w in 0..8 {
            assert!(truncate(&text, w).width() <= w);
        }
    }

    #[test]
    fn messages_wrap_at_spaces_and_long_words_are_cut() {
        assert_eq!(textwrap_words("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(textwrap_words("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(textwrap_words("", 5), [""]);
        for w in 1..12 {
            for line in textwrap_words("not a date: “Feb 2020” (try 2009, 2020-02)", w) {
                assert!(line.width() <= w, "{line:?} at {w}");
            }
        }
    }

    #[test]
    fn scrolling_stops_at_the_top() {
        assert_eq!(scrolled(3, Action::Up, 10), 2);
        assert_eq!(scrolled(0, Action::Up, 10), 0);
        assert_eq!(scrolled(3, Action::PageUp, 10), 0);
        assert_eq!(scrolled(3, Action::HalfPageDown, 10), 8);
        assert_eq!(scrolled(3, Action::Bottom, 10), usize::MAX);
        assert_eq!(scrolled(3, Action::Open, 10), 3);
    }
}
