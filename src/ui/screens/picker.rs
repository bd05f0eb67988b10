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

/// Draws the picker over the screen.
pub fn view(frame: &mut Frame, app: &App, area: Rect, cursor: usize) {
    let t = &app.theme;
    let n = app.timeline.sources.len();
    let height = u16::try_from(n + 4).unwrap_or(u16::MAX);
    let rect = layout::centered(area, 90.min(area.width.saturating_sub(4)), height);
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
            let s = &app.timeline.sources[i];
            let check = if app.visible[i] { "[x]" } else { "[ ]" };
            let key = if i < 9 {
                (i + 1).to_string()
            } else {
                " ".into()
            };
            let right = format!("  {}  {} events", s.published, app.facts.counts[i]);
            let left = format!(
                "{check} {key} {} · {}",
                sanitize_line(&s.id),
                sanitize_line(s.label())
            );
            let title = format!(" · {}", sanitize_line(&s.title));
            let room = width.saturating_sub(right.width());
            let left = truncate(&format!("{left}{title}"), room);
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
