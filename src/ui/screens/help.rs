//! The help overlay: every screen's keys, read from the keymap itself, so it
//! follows the user's config and never drifts from the real bindings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::super::action::Action;
use super::super::app::{App, Popup, view_mode};
use super::super::keymap::display;
use super::super::layout;
use super::super::mode::Mode;
use super::super::theme::Theme;
use super::super::widgets::popup_block;

/// What a key does in the help overlay.
pub fn update(app: &mut App, action: Action, scroll: usize) {
    let scroll = match action {
        Action::Back | Action::Help => return,
        Action::Down => scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        _ => scroll,
    };
    // Scrolling stops when the last line shows at the bottom of the overlay.
    let max = lines(app).len().saturating_sub(rows(app.size));
    app.popup = Some(Popup::Help {
        scroll: scroll.min(max),
    });
}

/// The overlay's lines: every screen's bindings, the current screen's first.
fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = Vec::new();
    let current = view_mode(&app.view);
    let modes = std::iter::once(current).chain(
        Mode::ALL
            .into_iter()
            .filter(move |m| *m != current && *m != Mode::Help),
    );
    for mode in modes {
        let bindings: Vec<_> = app.keymap.bindings(mode).collect();
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(mode.title(), t.heading));
        let mut toggles = Vec::new();
        for b in bindings {
            if let Action::ToggleSource(_) = b.action {
                toggles.extend(b.keys.iter().map(|(_, k)| display(k)));
                continue;
            }
            let keys: Vec<String> = b.keys.iter().map(|(_, k)| display(k)).collect();
            lines.push(line(&keys.join(" "), &b.action.help_on(mode), t));
        }
        if let (Some(first), Some(last)) = (toggles.first(), toggles.last()) {
            lines.push(line(
                &format!("{first}…{last}"),
                "show or hide the n-th source",
                t,
            ));
        }
        if mode == Mode::Prompt {
            lines.push(line("any key", "is typed into the prompt", t));
        }
    }
    lines.push(Line::default());
    lines.push(line("Ctrl-C", "quits from anywhere", t));
    lines.push(line("Ctrl-Z", "suspends annals; fg resumes", t));
    lines
}

fn line(keys: &str, what: &str, t: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {keys:<22}"), t.quote),
        Span::raw(what.to_string()),
    ])
}

/// Where the overlay stands on a screen of `area`, borders included.
fn frame_rect(area: Rect) -> Rect {
    layout::centered(
        area,
        72.min(area.width.saturating_sub(2)),
        area.height.saturating_sub(2),
    )
}

/// How many lines of help the overlay shows at once on a screen of `area`.
fn rows(area: Rect) -> usize {
    usize::from(frame_rect(area).height.saturating_sub(2))
}

/// Draws the overlay over the screen.
pub fn view(frame: &mut Frame, app: &App, area: Rect, scroll: usize) {
    let rect = frame_rect(area);
    let key = |action| app.keymap.first_key(Mode::Help, action).unwrap_or_default();
    let title = format!(
        " Keys · {} closes · {}/{} scroll ",
        key(Action::Back),
        key(Action::Down),
        key(Action::Up)
    );
    let block = popup_block(app, &title);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let lines: Vec<Line> = lines(app).into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
