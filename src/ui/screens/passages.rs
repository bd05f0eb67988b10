//! The passages screen: the selected event's passages, one source per tab.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::action::Action;
use super::super::app::{App, PassagesView, Popup, View};
use super::super::mode::Mode;
use super::super::widgets::{
    bar, content_area, page_rows, passage_lines, scrolled, search_marks, simple_status,
};
use super::super::wrap::{Wrapped, wrap};
use super::article;
use annals_core::text::sanitize_line;

/// What a key does on the passages screen.
pub fn update(app: &mut App, action: Action, mut p: PassagesView) {
    let tabs = app.event_sources().len().max(1);
    match action {
        Action::NextSource => {
            p = PassagesView {
                tab: (p.tab + 1) % tabs,
                scroll: 0,
            }
        }
        Action::PrevSource => {
            p = PassagesView {
                tab: (p.tab + tabs - 1) % tabs,
                scroll: 0,
            }
        }
        Action::OpenArticle => {
            if let Some(&source) = app.event_sources().get(p.tab) {
                article::open(app, source, p);
            }
            return;
        }
        Action::Back => {
            app.view = View::Main;
            return;
        }
        Action::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        other => p.scroll = scrolled(p.scroll, other, page_rows(app.size)),
    }
    app.view = View::Passages(p);
}

/// Keeps the tab and the scroll in range (after a key, a resize, a filter).
pub fn clamp(app: &App, mut p: PassagesView) -> PassagesView {
    let tabs = app.event_sources().len();
    p.tab = p.tab.min(tabs.saturating_sub(1));
    let width = usize::from(content_area(app.size).width);
    let rows = text(app, &p, width).lines.len();
    p.scroll = p.scroll.min(rows.saturating_sub(page_rows(app.size)));
    p
}

/// The passages of the current tab's source, wrapped to `width`.
fn text(app: &App, p: &PassagesView, width: usize) -> Wrapped {
    let t = &app.theme;
    let mut out = Wrapped::default();
    let (Some(e), Some(&s)) = (app.selected_event(), app.event_sources().get(p.tab)) else {
        return out;
    };
    let event = &app.timeline.events[e];
    let source = &app.timeline.sources[s];
    let head = format!(
        "{} · published {}",
        source.title,
        source.published.format("%-d %B %Y")
    );
    out.extend(wrap(&head, width, 0, t.source(s), &[]), 0);
    if let Some(outlet) = &source.outlet {
        out.extend(wrap(outlet, width, 0, t.dim, &[]), 0);
    }
    if let Some(note) = &event.disagreement {
        out.push(Line::default());
        let text = format!("Sources disagree: {note}");
        out.extend(
            wrap(&text, width, 0, t.warning, &search_marks(app, &text)),
            0,
        );
    }
    for passage in event.passages().iter().filter(|x| x.source() == s) {
        out.push(Line::default());
        out.extend(passage_lines(app, passage, width, 0), 0);
    }
    out
}

/// Draws the passages screen.
pub fn view(frame: &mut Frame, app: &App, area: Rect, p: &PassagesView) {
    let t = &app.theme;
    let Some(e) = app.selected_event() else {
        return;
    };
    let event = &app.timeline.events[e];
    let title = format!(
        " Passages · {} · {}",
        event.when().label(),
        sanitize_line(&event.title)
    );
    bar(frame, Rect { height: 1, ..area }, &title, "", t.title);
    // Tabs: one per visible source that reports the event.
    let mut tabs = vec![Span::raw(" ")];
    for (i, s) in app.event_sources().into_iter().enumerate() {
        let text = format!(" {} {} ", s + 1, sanitize_line(&app.timeline.sources[s].id));
        let style = if i == p.tab {
            t.source(s).patch(t.selected)
        } else {
            t.source(s)
        };
        tabs.push(Span::styled(text, style));
        tabs.push(Span::styled("│", t.border));
    }
    frame.render_widget(
        Paragraph::new(Line::from(tabs)),
        Rect::new(area.x, area.y + 1, area.width, 1),
    );
    let content = content_area(area);
    let text = text(app, p, usize::from(content.width));
    let lines: Vec<Line> = text
        .lines
        .into_iter()
        .skip(p.scroll)
        .take(usize::from(content.height))
        .collect();
    frame.render_widget(Paragraph::new(lines), content);
    simple_status(frame, app, area, Mode::Passages, "");
}
