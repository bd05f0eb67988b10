//! The main screen's detail pane: the selected event in full, scrollable,
//! read from the selection every frame.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use super::super::app::App;
use super::super::layout;
use super::super::widgets::{passage_lines, search_marks};
use super::super::wrap::{Wrapped, wrap};
use annals_core::Precision;
use annals_core::text::sanitize_line;

fn precision_words(p: Precision) -> &'static str {
    match p {
        Precision::Day => "a day",
        Precision::Range => "a span of days",
        Precision::Month => "sometime in the month",
        Precision::Year => "sometime in the year",
    }
}

/// The pane's frame for `area`, and where its text goes inside it.
fn frame_of(area: Rect, wide: bool) -> (Borders, Rect) {
    let borders = if wide {
        Borders::TOP | Borders::LEFT
    } else {
        Borders::TOP
    };
    let inner = Block::new().borders(borders).inner(area);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    (borders, text)
}

/// The detail pane's text for the selected event, wrapped to `width`.
fn text(app: &App, width: usize) -> Wrapped {
    let t = &app.theme;
    let mut out = Wrapped::default();
    let Some(e) = app.selected_event() else {
        return out;
    };
    let event = &app.timeline.events[e];
    let when = format!(
        "{} · {}",
        event.when().human(),
        precision_words(event.when().precision)
    );
    out.extend(wrap(&when, width, 0, t.heading, &[]), 0);
    if let Some(how) = &event.when().computed {
        out.extend(wrap(&format!("computed: {how}"), width, 0, t.dim, &[]), 0);
    }
    if let Some(note) = annals_core::print::drafted_note(event, app.comparison) {
        out.extend(wrap(&note, width, 0, t.warning, &[]), 0);
    }
    let title = sanitize_line(&event.title);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    out.extend(wrap(&title, width, 0, bold, &search_marks(app, &title)), 0);
    if let Some(summary) = &event.summary {
        out.extend(
            wrap(summary, width, 0, Style::new(), &search_marks(app, summary)),
            0,
        );
    }
    let id = |s: usize| app.timeline.sources[s].id.as_str();
    for d in app.disagreements(e) {
        let text = format!("≠ {}", sanitize_line(&d.describe(id)));
        out.extend(
            wrap(&text, width, 0, t.warning, &search_marks(app, &text)),
            0,
        );
    }
    if let Some(note) = &event.disagreement {
        let text = format!("Sources disagree: {note}");
        out.extend(
            wrap(&text, width, 0, t.warning, &search_marks(app, &text)),
            0,
        );
    }
    for s in app.event_sources() {
        out.push(Line::default());
        let source = &app.timeline.sources[s];
        let head = format!("{} {} · {}", s + 1, source.id, source.label());
        out.extend(wrap(&head, width, 0, t.source(s), &[]), 0);
        for p in event.passages().iter().filter(|p| p.source() == s) {
            out.extend(passage_lines(app, p, width, 2), 0);
        }
    }
    out
}

/// How far the pane can scroll at the current size.
fn max_scroll(app: &App) -> usize {
    let areas = layout::main(app.size, app.events.len());
    let (_, inner) = frame_of(areas.detail, areas.wide);
    let rows = text(app, usize::from(inner.width)).lines.len();
    rows.saturating_sub(usize::from(inner.height))
}

/// Scrolls the pane by `delta` rows, within its text.
pub fn scroll(app: &mut App, delta: isize) {
    let max = max_scroll(app);
    app.detail_scroll = app.detail_scroll.saturating_add_signed(delta).min(max);
}

/// Keeps the scroll within the text after a resize or a filter change.
pub fn clamp(app: &mut App) {
    if app.detail_scroll > 0 {
        app.detail_scroll = app.detail_scroll.min(max_scroll(app));
    }
}

/// Draws the pane, with a scroll bar when the text is longer than the pane.
pub fn view(frame: &mut Frame, app: &App, area: Rect, wide: bool) {
    let t = &app.theme;
    let (borders, inner) = frame_of(area, wide);
    let block = Block::new()
        .borders(borders)
        .border_style(t.border)
        .title(Span::styled(" Detail ", t.heading));
    frame.render_widget(block, area);
    let text = text(app, usize::from(inner.width));
    let total = text.lines.len();
    let height = usize::from(inner.height);
    let scroll = app.detail_scroll.min(total.saturating_sub(height));
    let lines: Vec<Line> = text.lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if total > height && inner.width > 0 {
        // In the right-hand margin, so the text never moves.
        let bar = Rect {
            x: inner.right(),
            width: 1,
            ..inner
        };
        let mut state = ScrollbarState::new(total.saturating_sub(height))
            .position(scroll)
            .viewport_content_length(height);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .track_style(t.border)
                .thumb_symbol("┃")
                .thumb_style(t.heading),
            bar,
            &mut state,
        );
    }
}
