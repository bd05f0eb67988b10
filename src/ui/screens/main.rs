//! The main screen: title, time axis, event list, detail pane, status bar.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::action::{Action, SOURCE_KEYS};
use super::super::app::{App, PassagesView, Popup, Prompt, PromptKind, View, short_label};
use super::super::axis::{self, Cell};
use super::super::layout;
use super::super::mode::Mode;
use super::super::widgets::{self, bar, highlighted, truncate};
use super::{compare, coverage, detail};
use annals_core::text::sanitize_line;
use unicode_width::UnicodeWidthStr;

/// Rows one turn of the mouse wheel scrolls.
pub const WHEEL_ROWS: usize = 3;

/// What a key does on the main screen.
pub fn update(app: &mut App, action: Action) {
    let page = app.list_rows().max(1);
    match action {
        Action::Down => app.select_by(1),
        Action::Up => app.select_by(-1),
        Action::Top => app.selected = 0,
        Action::Bottom => app.selected = app.events.len().saturating_sub(1),
        Action::PageDown => app.select_by(page as isize),
        Action::PageUp => app.select_by(-(page as isize)),
        Action::HalfPageDown => app.select_by((page / 2).max(1) as isize),
        Action::HalfPageUp => app.select_by(-((page / 2).max(1) as isize)),
        Action::DetailDown => detail::scroll(app, 1),
        Action::DetailUp => detail::scroll(app, -1),
        Action::Open if app.selected_event().is_some() => {
            app.view = View::Passages(PassagesView::default());
        }
        Action::Open => app.message = Some("no event to open".into()),
        Action::Compare => compare::open(app),
        Action::Coverage => coverage::open(app),
        Action::NextDisagreement => app.next_disagreement(true),
        Action::PrevDisagreement => app.next_disagreement(false),
        Action::Search | Action::Jump => {
            let kind = if action == Action::Search {
                app.stashed = app.search.clone();
                PromptKind::Search
            } else {
                PromptKind::Jump
            };
            app.popup = Some(Popup::Prompt(Prompt {
                kind,
                input: String::new(),
                origin: app.selected_event(),
            }));
        }
        Action::NextMatch => app.next_match(true),
        Action::PrevMatch => app.next_match(false),
        Action::SourcePicker => app.popup = Some(Popup::Picker { cursor: 0 }),
        Action::ToggleSource(n) => app.toggle_source(n),
        Action::ShowAllSources => app.set_visible(vec![true; app.visible.len()]),
        Action::ToggleMinor => app.toggle_minor(),
        Action::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        Action::Back if app.search.is_some() => app.search = None,
        // Esc never quits: one Esc too many after leaving a view would.
        Action::Back => {
            let quit = app.keymap.first_key(Mode::Main, Action::Quit);
            app.message = Some(match quit {
                Some(q) => format!("nothing to close here: {q} quits annals"),
                None => "nothing to close here".into(),
            });
        }
        _ => {}
    }
}

/// The mouse on the main screen: the wheel scrolls the list or the detail
/// pane under it; a click selects an event in the list or on the axis.
pub fn mouse(app: &mut App, mouse: &MouseEvent) {
    let at = Position::new(mouse.column, mouse.row);
    let areas = layout::main(app.size, app.events.len());
    let down = mouse.kind == MouseEventKind::ScrollDown;
    match mouse.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp if areas.detail.contains(at) => {
            let rows = WHEEL_ROWS as isize;
            detail::scroll(app, if down { rows } else { -rows });
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let rows = app.list_rows().max(1);
            let max = app.events.len().saturating_sub(rows);
            app.offset = if down {
                (app.offset + WHEEL_ROWS).min(max)
            } else {
                app.offset.saturating_sub(WHEEL_ROWS)
            };
            let last_shown = (app.offset + rows - 1).min(app.events.len().saturating_sub(1));
            app.selected = app.selected.clamp(app.offset, last_shown);
        }
        MouseEventKind::Down(MouseButton::Left) => {
            let list = areas.list;
            if list.contains(at) && at.y > list.y {
                let pos = app.offset + usize::from(at.y - list.y - 1);
                if pos < app.events.len() {
                    app.selected = pos;
                }
            } else if areas.axis.contains(at) {
                app.fit_axis();
                if let Some(e) = axis::nearest(&app.filtered.strip.axis, at.x - areas.axis.x) {
                    app.select_event(Some(e));
                }
            }
            app.ensure_visible();
        }
        _ => {}
    }
}

/// Draws the main screen.
pub fn view(frame: &mut Frame, app: &App, area: Rect) {
    let areas = layout::main(area, app.events.len());
    let t = &app.theme;
    // Title bar: the story, and the active search.
    let right = match &app.search {
        Some(find) if find.is_done(app.timeline) => {
            let query = sanitize_line(find.query());
            match app.match_number() {
                _ if find.shown == 0 => format!(" search “{query}”: no match "),
                Some(i) => format!(" search “{query}”: match {i} of {} ", find.shown),
                None => format!(" search “{query}”: {} ", count(find.shown, "match")),
            }
        }
        Some(find) => format!(
            " search “{}”: {}… {} % ",
            sanitize_line(find.query()),
            find.shown,
            find.percent(app.timeline)
        ),
        None => String::new(),
    };
    bar(
        frame,
        areas.title,
        &format!(
            " annals · {}{}",
            if app.draft.is_some() { "draft · " } else { "" },
            sanitize_line(&app.timeline.title)
        ),
        &right,
        t.title,
    );
    draw_axis(frame, app, areas.axis);
    list(frame, app, areas.list);
    detail::view(frame, app, areas.detail, areas.wide);
    status(frame, app, areas.status);
}

fn draw_axis(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let fresh;
    // The strip is laid out on every filter change and resize; a frame of
    // another size (a test drawing at will) lays one out for itself.
    let strip = if app.filtered.strip.width == area.width {
        &app.filtered.strip
    } else {
        fresh = axis::Strip::new(&app.axis_spans(), area.width);
        &fresh
    };
    let mut cells: Vec<(char, Style)> = strip
        .cells
        .iter()
        .map(|c| match c {
            Cell::Line => ('─', t.axis),
            Cell::Break => ('≈', t.axis_break),
            Cell::Start => ('●', t.axis),
            Cell::Span => ('━', t.axis),
        })
        .collect();
    // The selected event on top: its mark is the one at its list position.
    if let Some(m) = strip.axis.marks.get(app.selected) {
        for x in m.from..=m.to {
            if let Some(c) = cells.get_mut(usize::from(x)) {
                *c = (if x == m.from { '◆' } else { '━' }, t.axis_selected);
            }
        }
    }
    let line = Line::from(
        cells
            .into_iter()
            .map(|(c, s)| Span::styled(c.to_string(), s))
            .collect::<Vec<_>>(),
    );
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
    let row = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    frame.render_widget(
        Paragraph::new(Line::styled(strip.labels.clone(), t.dim)),
        row,
    );
}

fn list(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let heading = format!(
        " Events {} of {} ",
        app.events.len(),
        app.timeline.events.len()
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(t.border)
        .title(Span::styled(heading, t.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.events.is_empty() {
        let msg = "Every source is hidden. Press 0 to show them all.";
        frame.render_widget(Paragraph::new(Line::styled(msg, t.warning)), inner);
        return;
    }
    let compact = inner.width < 100;
    let date_width = app.facts.date_width[usize::from(compact)];
    let n_badges = app.timeline.sources.len().min(SOURCE_KEYS);
    let marks = app.marks_disagreements();
    let width = usize::from(inner.width);
    let from = app.offset.min(app.events.len());
    let to = (from + usize::from(inner.height)).min(app.events.len());
    let lines: Vec<Line> = (from..to)
        .map(|pos| {
            let event = &app.timeline.events[app.events[pos]];
            let selected = pos == app.selected;
            let matched = app
                .search
                .as_ref()
                .is_some_and(|f| f.matches().binary_search(&app.events[pos]).is_ok());
            let mut spans = vec![
                match (selected, matched) {
                    (true, _) => Span::raw("▶"),
                    // A match, whether its title, summary or a passage holds it.
                    (false, true) => Span::styled("•", t.matched),
                    (false, false) => Span::raw(" "),
                },
                Span::raw(format!(
                    "{:<date_width$}  ",
                    short_label(event.when(), compact)
                )),
            ];
            for s in 0..n_badges {
                spans.push(if event.reported_by(s) && app.visible[s] {
                    Span::styled((s + 1).to_string(), t.source(s))
                } else {
                    Span::styled("·", t.dim)
                });
            }
            if app.timeline.sources.len() > SOURCE_KEYS {
                // The sources past the ninth have no key: how many report it.
                let more = event
                    .sources()
                    .iter()
                    .filter(|&&s| s >= SOURCE_KEYS && app.visible[s])
                    .count();
                spans.push(match more {
                    0 => Span::raw("   "),
                    n => Span::styled(format!("+{:<2}", n.min(99)), t.dim),
                });
            }
            spans.push(Span::raw(" "));
            if marks {
                let differs = app.filtered.disagreeing.binary_search(&pos).is_ok();
                spans.push(if differs {
                    Span::styled("≠ ", t.warning)
                } else {
                    Span::raw("  ")
                });
            }
            let used: usize = spans.iter().map(Span::width).sum();
            let title = truncate(&sanitize_line(&event.title), width.saturating_sub(used));
            spans.extend(highlighted(&title, app.query(), Style::new(), t.matched));
            let mut line = Line::from(spans);
            if selected {
                let pad = width.saturating_sub(line.width());
                line.spans.push(Span::raw(" ".repeat(pad)));
                line = line.style(t.selected);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The status bar. Its right end always says how many events are shown and
/// how to get help; then comes the message (wrapped above the bar if it does
/// not fit) or key hints; the sources take what is left: each with its id if
/// all fit, else their numbers, else folded into "3 of 8 sources · s".
fn status(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let width = usize::from(area.width);
    let key = |action| app.keymap.first_key(Mode::Main, action);
    let help = key(Action::Help)
        .map(|k| format!(" · {k} help"))
        .unwrap_or_default();
    let comparing = if app.glance {
        "reading the files… · "
    } else if app.comparing {
        "comparing sources… · "
    } else {
        ""
    };
    let right = format!(
        "{comparing}{} of {}{help} ",
        app.events.len(),
        count(app.timeline.events.len(), "event")
    );
    let n = app.timeline.sources.len();
    let shown = app.visible.iter().filter(|&&v| v).count();
    let style = |i: usize| {
        if app.visible[i] {
            t.source(i)
        } else {
            t.hidden
        }
    };
    let named: Vec<Span> = app
        .timeline
        .sources
        .iter()
        .enumerate()
        .take(SOURCE_KEYS)
        .flat_map(|(i, source)| {
            [
                Span::styled(format!("{} {}", i + 1, sanitize_line(&source.id)), style(i)),
                Span::raw("  "),
            ]
        })
        .collect();
    let numbered: Vec<Span> = (0..n.min(SOURCE_KEYS))
        .map(|i| Span::styled((i + 1).to_string(), style(i)))
        .chain([Span::raw("  ")])
        .collect();
    let picker = key(Action::SourcePicker)
        .map(|k| format!(" · {k}"))
        .unwrap_or_default();
    let folded = if shown == n {
        vec![Span::raw(format!("{}{picker}  ", count(n, "source")))]
    } else {
        vec![Span::raw(format!(
            "{shown} of {}{picker}  ",
            count(n, "source")
        ))]
    };
    let width_of = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    // The message first, then the sources as fully as the rest allows.
    let for_message = width.saturating_sub(1 + right.width() + width_of(&folded));
    let row = Rect { height: 1, ..area };
    let message = widgets::message(frame, app, row, for_message);
    let middle_min = if message.as_ref().is_some_and(|m| !m.is_empty()) {
        width_of(message.as_deref().unwrap_or_default())
    } else {
        // The ids say what the digits stand for: they come before hints.
        0
    };
    let room = width.saturating_sub(1 + right.width() + middle_min);
    let sources = if width_of(&named) <= room && n <= SOURCE_KEYS {
        named
    } else if width_of(&numbered) <= room && n <= SOURCE_KEYS {
        numbered
    } else {
        folded
    };
    let mut spans = vec![Span::raw(" ")];
    spans.extend(sources);
    let left = width_of(&spans);
    let room = width.saturating_sub(left + right.width());
    let middle = match message {
        Some(m) => m,
        None => widgets::hints(app, Mode::Main, room, false),
    };
    spans.extend(middle);
    let pad = width.saturating_sub(width_of(&spans) + right.width());
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::raw(right));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.status), area);
}

/// "1 event", "12 events".
pub fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
