//! Drawing: a pure function from [`App`] to a frame. No I/O, no state changes;
//! each screen draws itself, popups last, over `Clear`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::app::{App, Popup, View};
use super::axis::{Axis, Strip};
use super::layout::{self, Areas};
use super::screens::{article, compare, coverage, help, main, passages, picker, prompt};
use super::widgets::truncate;

/// Draws the whole screen for the current state.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    if Areas::too_small(area) {
        let msg = format!(
            "annals needs {}×{}; this is {}×{}",
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT,
            area.width,
            area.height
        );
        let line = Line::from(truncate(&msg, usize::from(area.width)));
        frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
        return;
    }
    match &app.view {
        View::Main => main::view(frame, app, area),
        View::Passages(p) => passages::view(frame, app, area, p),
        View::Compare(c) => compare::view(frame, app, area, c),
        View::Coverage(c) => coverage::view(frame, app, area, c),
        View::Article(a) => article::view(frame, app, area, a),
    }
    match &app.popup {
        Some(Popup::Picker { cursor }) => picker::view(frame, app, area, *cursor),
        Some(Popup::Help { scroll }) => help::view(frame, app, area, *scroll),
        Some(Popup::Prompt(p)) => prompt::view(frame, app, area, p),
        None => {}
    }
}

/// The axis laid out for the visible events at `width` columns.
pub fn axis_layout(app: &App, width: u16) -> Axis {
    if app.filtered.strip.width == width {
        return app.filtered.strip.axis.clone();
    }
    Strip::new(&app.axis_spans(), width).axis
}
