//! The source picker: every source with its outlet, date and number of
//! events; Space shows or hides one. Only the sources that fit are drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::action::{Action, SOURCE_KEYS};
use super::super::app::{App, Popup};
use super::super::layout;
use super::super::mode::Mode;
use super::super::widgets::{popup_block, truncate};
use annals_core::text::sanitize_line;

/// What a key does in the picker.
pub fn update(app: &mut App, action: Action, mut cursor: usize) {
    let n = app.timeline.sources.len();
    match action {
        Action::Down => cursor = (cursor + 1).min(n.saturating_sub(1)),
        Action::Up => cursor = cursor.saturating_sub(1),
        Action::Toggle => app.toggle_source(cursor),
        Action::ToggleSource(i) => {
            app.toggle_source(i);
            if i < n {
                cursor = i;
            }
        }
        Action::ShowAllSources => app.set_visible(vec![true; n]),
        Action::Back => return,
        _ => {}
    }
    app.popup = Some(Popup::Picker { cursor });
}

/// The picker's own keys, as the keymap has them.
fn hint(app: &App) -> String {
    let key = |action| {
        app.keymap
            .first_key(Mode::Picker, action)
            .unwrap_or_else(|| "?".into())
    };
    let toggle = |n| key(Action::ToggleSource(n));
    format!(
        "{} toggles · {}–{} toggle · {} shows all · {} closes",
        key(Action::Toggle),
        toggle(0),
        toggle(SOURCE_KEYS - 1),
        key(Action::ShowAllSources),
        key(Action::Back)
    )
}

/// A source's row, less its check box and key: its id, outlet and title,
/// and its date and number of events.
fn row_text(app: &App, i: usize) -> (String, String) {
    let s = &app.timeline.sources[i];
    let events = app.facts.counts[i];
    let right = format!(
        "  {}  {events} event{}",
        s.published,
        if events == 1 { "" } else { "s" }
    );
    // The outlet, where it is not just the title again.
    let outlet = if s.label() == s.title {
        String::new()
    } else {
        format!(" · {}", sanitize_line(s.label()))
    };
    let left = format!(
        "{}{outlet} · {}",
        sanitize_line(&s.id),
        sanitize_line(&s.title)
    );
    (left, right)
}

/// Draws the picker over the screen.
pub fn view(frame: &mut Frame, app: &App, area: Rect, cursor: usize) {
    let t = &app.theme;
    let n = app.timeline.sources.len();
    let height = u16::try_from(n + 4).unwrap_or(u16::MAX);
    // As wide as its longest row wants (within the screen), at least 90.
    let widest = (0..n)
        .map(|i| {
            let (left, right) = row_text(app, i);
            "[x] 1 ".len() + left.width() + right.width()
        })
        .max()
        .unwrap_or(0);
    let want = u16::try_from(widest + 2).unwrap_or(u16::MAX).max(90);
    let rect = layout::centered(area, want.min(area.width.saturating_sub(4)), height);
    let block = popup_block(app, " Sources ");
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    // Whole pages of sources, so the cursor is always on screen.
    let rows = usize::from(inner.height).saturating_sub(2).max(1);
    let first = cursor / rows * rows;
    let mut lines: Vec<Line> = (first..n.min(first + rows))
        .map(|i| {
            let check = if app.visible[i] { "[x]" } else { "[ ]" };
            let key = if i < 9 {
                (i + 1).to_string()
            } else {
                " ".into()
            };
            let (left, right) = row_text(app, i);
            let left = format!("{check} {key} {left}");
            let room = width.saturating_sub(right.width());
            let left = truncate(&left, room);
            let pad = room.saturating_sub(left.width());
            let style = if app.visible[i] {
                t.source(i)
            } else {
                t.hidden
            };
            let line = Line::from(vec![
                Span::styled(left, style),
                Span::raw(" ".repeat(pad)),
                Span::raw(right),
            ]);
            if i == cursor {
                line.style(t.selected)
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(truncate(&hint(app), width), t.dim));
    frame.render_widget(Paragraph::new(lines), inner);
}
