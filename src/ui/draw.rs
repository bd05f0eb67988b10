//! Drawing: a pure function from [`App`] to a frame. No I/O, no state changes.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::app::{App, PassagesView, Popup, PromptKind, View};
use super::axis::{self, Axis};
use super::keymap::{Mode, display};
use super::layout::{self, Areas};
use super::wrap::{Wrapped, wrap};
use annals_core::search::find_all;
use annals_core::text::sanitize_line;
use annals_core::{Precision, When};

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
        View::Main => main_view(frame, app, area),
        View::Passages(p) => passages_view(frame, app, area, p),
        View::Article(a) => article_view(frame, app, area, a.source, a.scroll),
    }
    match &app.popup {
        Some(Popup::Picker { cursor }) => picker(frame, app, area, *cursor),
        Some(Popup::Help { scroll }) => help(frame, app, area, *scroll),
        Some(Popup::Prompt(prompt)) => {
            let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
            let label = match prompt.kind {
                PromptKind::Search => "/".to_string(),
                PromptKind::Jump => "jump to (date, year or event): ".to_string(),
            };
            let input = sanitize_line(&prompt.input).into_owned();
            let hits = match prompt.kind {
                PromptKind::Search if !prompt.input.is_empty() => {
                    format!("   {} matching events", app.matches().len())
                }
                _ => String::new(),
            };
            let line = Line::from(vec![
                Span::styled(label.clone(), app.theme.heading),
                Span::raw(input.clone()),
                Span::styled(hits, app.theme.dim),
            ]);
            frame.render_widget(Clear, status);
            frame.render_widget(Paragraph::new(line), status);
            let x = (label.width() + input.width()).min(usize::from(area.width - 1));
            frame.set_cursor_position(Position::new(area.x + x as u16, status.y));
        }
        None => {}
    }
}

// ------------------------------------------------------------------ main view

fn main_view(frame: &mut Frame, app: &App, area: Rect) {
    let areas = layout::main(area, app.events.len());
    let t = &app.theme;
    // Title bar: the story, and the active search.
    let mut right = String::new();
    if let Some(q) = &app.search {
        right = format!(" search “{}”: {} ", sanitize_line(q), app.matches().len());
    }
    bar(
        frame,
        areas.title,
        &format!(" annals · {}", sanitize_line(&app.timeline.title)),
        &right,
        t.title,
    );
    draw_axis(frame, app, areas.axis);
    list(frame, app, areas.list);
    detail(frame, app, areas.detail, areas.wide);
    status(frame, app, areas.status);
}

/// A one-row bar with text at both ends.
fn bar(frame: &mut Frame, area: Rect, left: &str, right: &str, style: Style) {
    let width = usize::from(area.width);
    let right = truncate(right, width / 2);
    let left = truncate(left, width.saturating_sub(right.width()));
    let gap = width.saturating_sub(left.width() + right.width());
    let line = Line::from(format!("{left}{}{right}", " ".repeat(gap))).style(style);
    frame.render_widget(Paragraph::new(line), area);
}

/// The axis laid out for the visible events.
pub fn axis_layout(app: &App, width: u16) -> Axis {
    let spans: Vec<_> = app
        .events
        .iter()
        .map(|&e| {
            let w = &app.timeline.events[e].when;
            (e, w.start, w.end)
        })
        .collect();
    axis::layout(&spans, width)
}

fn draw_axis(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let width = usize::from(area.width);
    let axis = axis_layout(app, area.width);
    let mut cells: Vec<(char, Style)> = vec![('─', t.axis); width];
    for &b in &axis.breaks {
        if let Some(c) = cells.get_mut(usize::from(b)) {
            *c = ('≈', t.axis_break);
        }
    }
    let selected = app.selected_event();
    // The selected event last, so it is on top.
    let marks = axis
        .marks
        .iter()
        .filter(|m| Some(m.event) != selected)
        .chain(axis.marks.iter().filter(|m| Some(m.event) == selected));
    for m in marks {
        let style = if Some(m.event) == selected {
            t.axis_selected
        } else {
            t.axis
        };
        for x in m.from..=m.to {
            if let Some(c) = cells.get_mut(usize::from(x)) {
                *c = (if x == m.from { '●' } else { '━' }, style);
            }
        }
        if Some(m.event) == selected
            && let Some(c) = cells.get_mut(usize::from(m.from))
        {
            *c = ('◆', style);
        }
    }
    let line = Line::from(
        cells
            .into_iter()
            .map(|(c, s)| Span::styled(c.to_string(), s))
            .collect::<Vec<_>>(),
    );
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
    let mut labels = vec![' '; width];
    for (col, year) in &axis.labels {
        for (i, c) in year.to_string().chars().enumerate() {
            if let Some(cell) = labels.get_mut(usize::from(*col) + i) {
                *cell = c;
            }
        }
    }
    let labels: String = labels.into_iter().collect();
    let row = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    frame.render_widget(Paragraph::new(Line::styled(labels, t.dim)), row);
}

/// The list's date column: as precise as known, ranges shortened.
pub fn short_label(when: &When, compact: bool) -> String {
    if when.precision != Precision::Range {
        return when.label();
    }
    let (s, e) = (when.start, when.end);
    // The end, written only as far as it differs from the start.
    let end = if s.year() != e.year() {
        "%Y-%m-%d"
    } else if s.month() != e.month() {
        "%m-%d"
    } else {
        "%d"
    };
    if compact && end != "%d" {
        // Narrow lists show where a long span starts; the detail pane has the rest.
        return format!("{}…", s.format("%Y-%m-%d"));
    }
    format!("{}–{}", s.format("%Y-%m-%d"), e.format(end))
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
    let date_width = app
        .timeline
        .events
        .iter()
        .map(|e| short_label(&e.when, compact).width())
        .max()
        .unwrap_or(0);
    let n_badges = app.timeline.sources.len().min(9);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let lines: Vec<Line> = app
        .events
        .iter()
        .enumerate()
        .skip(app.offset)
        .take(rows)
        .map(|(pos, &e)| {
            let event = &app.timeline.events[e];
            let selected = pos == app.selected;
            let mut spans = vec![
                Span::raw(if selected { "▶" } else { " " }),
                Span::raw(format!(
                    "{:<date_width$}  ",
                    short_label(&event.when, compact)
                )),
            ];
            for s in 0..n_badges {
                spans.push(if event.reported_by(s) && app.visible[s] {
                    Span::styled((s + 1).to_string(), t.source(s))
                } else {
                    Span::styled("·", t.dim)
                });
            }
            spans.push(Span::raw(" "));
            let used: usize = spans.iter().map(Span::width).sum();
            let title = truncate(&sanitize_line(&event.title), width.saturating_sub(used));
            spans.extend(highlighted(
                &title,
                app.search.as_deref(),
                Style::new(),
                t.matched,
            ));
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

/// `text` as spans, with the matches of `query` in `matched`.
fn highlighted(text: &str, query: Option<&str>, base: Style, matched: Style) -> Vec<Span<'static>> {
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
fn search_marks(app: &App, text: &str) -> Vec<(std::ops::Range<usize>, Style)> {
    app.search
        .as_deref()
        .map(|q| find_all(text, q))
        .unwrap_or_default()
        .into_iter()
        .map(|r| (r, app.theme.matched))
        .collect()
}

fn precision_words(p: Precision) -> &'static str {
    match p {
        Precision::Day => "a day",
        Precision::Range => "a span of days",
        Precision::Month => "sometime in the month",
        Precision::Year => "sometime in the year",
    }
}

/// The detail pane's text for the selected event, wrapped to `width`.
fn detail_text(app: &App, width: usize) -> Wrapped {
    let t = &app.theme;
    let mut out = Wrapped::default();
    let Some(e) = app.selected_event() else {
        return out;
    };
    let event = &app.timeline.events[e];
    let when = format!(
        "{} · {}",
        event.when.human(),
        precision_words(event.when.precision)
    );
    out.extend(wrap(&when, width, 0, t.heading, &[]), 0);
    if let Some(how) = &event.when.computed {
        out.extend(wrap(&format!("computed: {how}"), width, 0, t.dim, &[]), 0);
    }
    let title = sanitize_line(&event.title);
    out.extend(
        wrap(
            &title,
            width,
            0,
            Style::new().add_modifier(ratatui::style::Modifier::BOLD),
            &search_marks(app, &title),
        ),
        0,
    );
    if let Some(summary) = &event.summary {
        out.extend(
            wrap(summary, width, 0, Style::new(), &search_marks(app, summary)),
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
        for p in event.passages.iter().filter(|p| p.source == s) {
            out.extend(passage_lines(app, p, width, 2), 0);
        }
    }
    out
}

/// A passage's paragraph, wrapped, its quote and any search matches marked.
fn passage_lines(app: &App, p: &annals_core::Passage, width: usize, indent: usize) -> Wrapped {
    let para = app.timeline.paragraph(p);
    let quote = p.quote.start - p.paragraph.start..p.quote.end - p.paragraph.start;
    let mut marks = vec![(quote, app.theme.quote)];
    marks.extend(search_marks(app, para));
    wrap(para, width, indent, Style::new(), &marks)
}

fn detail(frame: &mut Frame, app: &App, area: Rect, wide: bool) {
    let t = &app.theme;
    let borders = if wide {
        Borders::TOP | Borders::LEFT
    } else {
        Borders::TOP
    };
    let block = Block::new()
        .borders(borders)
        .border_style(t.border)
        .title(Span::styled(" Detail ", t.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let text = detail_text(app, usize::from(inner.width));
    frame.render_widget(Paragraph::new(text.lines), inner);
}

/// The status bar: visible sources, the event count, and key hints (or a message).
fn status(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let width = usize::from(area.width);
    let mut spans = vec![Span::raw(" ")];
    let long = width >= 80;
    for (i, source) in app.timeline.sources.iter().enumerate().take(9) {
        let style = if app.visible[i] {
            t.source(i)
        } else {
            t.hidden
        };
        let text = if long {
            format!("{} {}", i + 1, sanitize_line(&source.id))
        } else {
            (i + 1).to_string()
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(if long { "  " } else { " " }));
    }
    spans.push(Span::raw(format!(
        "{} of {} events",
        app.events.len(),
        app.timeline.events.len()
    )));
    let used: usize = spans.iter().map(Span::width).sum();
    spans.extend(hints_or_message(
        app,
        Mode::Main,
        width.saturating_sub(used),
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.status), area);
}

/// Hints for the screen's keys that fit in `room` columns, or the message.
fn hints_or_message(app: &App, mode: Mode, room: usize) -> Vec<Span<'static>> {
    let t = &app.theme;
    if let Some(msg) = &app.message {
        return vec![Span::styled(
            format!("  {}", truncate(msg, room.saturating_sub(2))),
            t.warning,
        )];
    }
    let mut spans = vec![Span::raw("  ")];
    let mut used = 2;
    // Help first: whatever else does not fit, it lists.
    let bindings = app.keymap.bindings(mode);
    let (help, rest): (Vec<_>, Vec<_>) = bindings.partition(|b| b.action == Action::Help);
    for b in help.into_iter().chain(rest) {
        let (Some(hint), Some((_, key))) = (b.action.hint(), b.keys.first()) else {
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

// ------------------------------------------------------------ passages view

fn content_area(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 2,
        area.width.saturating_sub(2),
        area.height.saturating_sub(3),
    )
}

/// The passages of the current tab's source, wrapped to `width`.
fn passages_text(app: &App, p: &PassagesView, width: usize) -> Wrapped {
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
    for passage in event.passages.iter().filter(|x| x.source == s) {
        out.push(Line::default());
        out.extend(passage_lines(app, passage, width, 0), 0);
    }
    out
}

/// How many rows the passages view has, for scrolling.
pub fn passages_rows(app: &App, p: &PassagesView) -> usize {
    let width = usize::from(content_area(app.size).width);
    passages_text(app, p, width).lines.len()
}

fn passages_view(frame: &mut Frame, app: &App, area: Rect, p: &PassagesView) {
    let t = &app.theme;
    let Some(e) = app.selected_event() else {
        return;
    };
    let event = &app.timeline.events[e];
    let title = format!(
        " Passages · {} · {}",
        event.when.label(),
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
    let text = passages_text(app, p, usize::from(content.width));
    let lines: Vec<Line> = text.lines.into_iter().skip(p.scroll).collect();
    frame.render_widget(Paragraph::new(lines), content);
    simple_status(frame, app, area, Mode::Passages, "");
}

fn simple_status(frame: &mut Frame, app: &App, area: Rect, mode: Mode, left: &str) {
    let row = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let left = format!(" {left}");
    let mut spans = vec![Span::raw(left.clone())];
    spans.extend(hints_or_message(
        app,
        mode,
        usize::from(area.width).saturating_sub(left.width()),
    ));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(app.theme.status),
        row,
    );
}

// ------------------------------------------------------------- article view

/// The whole article, wrapped, with the selected event's quotes marked.
fn article_text(app: &App, source: usize, width: usize) -> (Wrapped, Option<usize>) {
    let body = &app.timeline.sources[source].body;
    let mut marks: Vec<_> = app
        .selected_event()
        .map(|e| &app.timeline.events[e])
        .into_iter()
        .flat_map(|e| e.passages.iter())
        .filter(|p| p.source == source)
        .map(|p| (p.quote.clone(), app.theme.quote))
        .collect();
    let first = marks.iter().map(|(r, _)| r.start).min();
    marks.extend(search_marks(app, body));
    (wrap(body, width, 0, Style::new(), &marks), first)
}

/// How many rows the article has.
pub fn article_rows(app: &App, source: usize) -> usize {
    let width = usize::from(content_area(app.size).width);
    article_text(app, source, width).0.lines.len()
}

/// The row of the article where the selected event's first quote begins.
pub fn article_quote_row(app: &App, source: usize) -> usize {
    let width = usize::from(content_area(app.size).width);
    let (text, first) = article_text(app, source, width);
    first.map_or(0, |at| text.row_of(at))
}

fn article_view(frame: &mut Frame, app: &App, area: Rect, source: usize, scroll: usize) {
    let t = &app.theme;
    let s = &app.timeline.sources[source];
    let title = format!(" {} · {}", sanitize_line(&s.id), sanitize_line(&s.title));
    let right = format!("{} ", s.published);
    bar(frame, Rect { height: 1, ..area }, &title, &right, t.title);
    let about = match app.selected_event() {
        Some(e) => format!(
            " {} · quotes for: {}",
            sanitize_line(s.label()),
            sanitize_line(&app.timeline.events[e].title)
        ),
        None => format!(" {}", sanitize_line(s.label())),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            truncate(&about, usize::from(area.width)),
            t.dim,
        )),
        Rect::new(area.x, area.y + 1, area.width, 1),
    );
    let content = content_area(area);
    let (text, _) = article_text(app, source, usize::from(content.width));
    let total = text.lines.len();
    let lines: Vec<Line> = text.lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(lines), content);
    let shown = (scroll + usize::from(content.height)).min(total);
    simple_status(
        frame,
        app,
        area,
        Mode::Article,
        &format!("rows {}–{shown} of {total}", (scroll + 1).min(total)),
    );
}

// ------------------------------------------------------------------- popups

fn popup_block<'a>(app: &App, title: &'a str) -> Block<'a> {
    Block::bordered()
        .border_style(app.theme.heading)
        .title(Span::styled(title, app.theme.heading))
}

fn picker(frame: &mut Frame, app: &App, area: Rect, cursor: usize) {
    let t = &app.theme;
    let n = app.timeline.sources.len();
    let height = u16::try_from(n + 4).unwrap_or(u16::MAX);
    let rect = layout::centered(area, 90.min(area.width.saturating_sub(4)), height);
    let block = popup_block(app, " Sources ");
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let counts = app.timeline.event_counts();
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = app
        .timeline
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let check = if app.visible[i] { "[x]" } else { "[ ]" };
            let key = if i < 9 {
                (i + 1).to_string()
            } else {
                " ".into()
            };
            let right = format!("  {}  {} events", s.published, counts[i]);
            let left = format!(
                "{check} {key} {} · {}",
                sanitize_line(&s.id),
                sanitize_line(s.label())
            );
            let title = format!(" · {}", sanitize_line(&s.title));
            let room = width.saturating_sub(right.width());
            let left = truncate(&format!("{left}{title}"), room);
            let pad = room.saturating_sub(left.width());
            let line = Line::from(vec![
                Span::styled(
                    left,
                    if app.visible[i] {
                        t.source(i)
                    } else {
                        t.hidden
                    },
                ),
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
    let hint = "Space toggles · 1–9 toggle · 0 shows all · Enter closes";
    lines.push(Line::styled(truncate(hint, width), t.dim));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The help overlay's lines: every screen's bindings, from the keymap itself.
fn help_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = Vec::new();
    // The current screen's keys first.
    let current = match app.view {
        View::Main => Mode::Main,
        View::Passages(_) => Mode::Passages,
        View::Article(_) => Mode::Article,
    };
    let modes = std::iter::once(current).chain(
        super::keymap::Keymap::modes()
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
            lines.push(help_line(&keys.join(" "), &b.action.help_on(mode), t));
        }
        if let (Some(first), Some(last)) = (toggles.first(), toggles.last()) {
            lines.push(help_line(
                &format!("{first}…{last}"),
                "show or hide the n-th source",
                t,
            ));
        }
        if mode == Mode::Prompt {
            lines.push(help_line("any key", "is typed into the prompt", t));
        }
    }
    lines.push(Line::default());
    lines.push(help_line("Ctrl-C", "quits from anywhere", t));
    lines
}

fn help_line(keys: &str, what: &str, t: &super::theme::Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {keys:<22}"), t.quote),
        Span::raw(what.to_string()),
    ])
}

/// How many lines the help overlay has, for scrolling.
pub fn help_rows(app: &App) -> usize {
    help_lines(app).len()
}

fn help(frame: &mut Frame, app: &App, area: Rect, scroll: usize) {
    let rect = layout::centered(
        area,
        72.min(area.width.saturating_sub(2)),
        area.height.saturating_sub(2),
    );
    let block = popup_block(app, " Keys · Esc closes · j/k scroll ");
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let lines: Vec<Line> = help_lines(app).into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `text` cut to `width` columns, with an ellipsis if anything was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
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
    fn ranges_are_shortened_in_the_list() {
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let range = |a, b| When {
            start: d(a),
            end: d(b),
            precision: Precision::Range,
            computed: None,
        };
        assert_eq!(
            short_label(&range("2020-02-22", "2020-02-28"), false),
            "2020-02-22–28"
        );
        assert_eq!(
            short_label(&range("2020-02-24", "2020-03-02"), false),
            "2020-02-24–03-02"
        );
        assert_eq!(
            short_label(&range("2020-02-24", "2020-03-02"), true),
            "2020-02-24…"
        );
        assert_eq!(
            short_label(&range("2020-02-22", "2020-02-28"), true),
            "2020-02-22–28"
        );
        assert_eq!(
            short_label(&range("2001-10-08", "2002-01-07"), false),
            "2001-10-08–2002-01-07"
        );
        assert_eq!(
            short_label(&range("2001-10-08", "2002-01-07"), true),
            "2001-10-08…"
        );
    }
}
