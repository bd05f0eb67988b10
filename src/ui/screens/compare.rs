//! The compare screen: the selected event's sources side by side, one column
//! each (as delta and difftastic show two files), each with its passages and
//! the values the sources state differently marked; above them, what they
//! disagree on, computed and as a person wrote it.
//!
//! The columns scroll together; when they do not all fit, the next and
//! previous source keys move the window of columns along.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::action::Action;
use super::super::app::{App, CompareView, PassagesView, Popup, View};
use super::super::mode::Mode;
use super::super::widgets::{
    bar, content_area, page_rows, scrolled, search_marks, simple_status, truncate,
};
use super::super::wrap::{Wrapped, wrap};
use super::main::count;
use annals_core::comparison::{Disagreement, Stated};
use annals_core::text::sanitize_line;

/// The narrowest a column gets before fewer are shown.
pub const MIN_COLUMN: usize = 28;

/// Opens the compare view on the selected event.
pub fn open(app: &mut App) {
    if app.selected_event().is_none() {
        app.message = Some("no event to compare".into());
        return;
    }
    app.view = View::Compare(CompareView::default());
}

/// What a key does on the compare screen.
pub fn update(app: &mut App, action: Action, mut c: CompareView) {
    match action {
        Action::NextSource => c.first += 1,
        Action::PrevSource => c.first = c.first.saturating_sub(1),
        Action::NextDisagreement | Action::PrevDisagreement => {
            let before = app.selected_event();
            app.next_disagreement(action == Action::NextDisagreement);
            if app.selected_event() != before {
                c = CompareView::default();
            }
        }
        Action::Open => {
            app.view = View::Passages(PassagesView {
                tab: c.first,
                scroll: 0,
            });
            return;
        }
        Action::Back => {
            app.view = View::Main;
            return;
        }
        Action::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        other => c.scroll = scrolled(c.scroll, other, page_rows(app.size)),
    }
    app.view = View::Compare(c);
}

/// How many columns fit in `width` for `sources` sources, and how wide each is.
pub fn columns(width: usize, sources: usize) -> (usize, usize) {
    let fit = ((width + 1) / (MIN_COLUMN + 1)).max(1);
    let shown = fit.min(sources).max(1);
    (shown, (width + 1) / shown - 1)
}

/// Keeps the first column and the scroll in range.
pub fn clamp(app: &App, mut c: CompareView) -> CompareView {
    let sources = app.event_sources().len();
    let width = usize::from(content_area(app.size).width);
    let (shown, _) = columns(width, sources);
    c.first = c.first.min(sources.saturating_sub(shown));
    let rows = body(app, &c, width).rows();
    c.scroll = c.scroll.min(rows.saturating_sub(page_rows(app.size)));
    c
}

/// The screen's text below the column headings: the disagreements across
/// the whole width, then the columns.
struct Body {
    block: Vec<Line<'static>>,
    columns: Vec<Vec<Line<'static>>>,
}

impl Body {
    fn rows(&self) -> usize {
        self.block.len() + self.columns.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// The disagreements to show with the event: its own, and those of the story
/// stated in its passages.
fn shown_disagreements<'t>(
    app: &App<'t>,
    event: usize,
) -> (Vec<&'t Disagreement>, Vec<&'t Disagreement>) {
    let own: Vec<&Disagreement> = app.disagreements(event).iter().collect();
    let quotes: Vec<Range<usize>> = app.timeline.events[event]
        .passages()
        .iter()
        .map(|p| p.quote().clone())
        .collect();
    let in_event = |s: &Stated| {
        quotes
            .iter()
            .any(|q| q.start <= s.span.start && s.span.end <= q.end)
    };
    let story = app
        .comparison
        .map(|c| {
            c.story
                .iter()
                .filter(|d| d.values.iter().flat_map(|v| &v.evidence).any(in_event))
                .collect()
        })
        .unwrap_or_default();
    (own, story)
}

/// A disagreement as lines: what it is about, then each value with the
/// sources stating it, the values marked.
fn disagreement_lines(app: &App, d: &Disagreement, width: usize, out: &mut Wrapped) {
    let t = &app.theme;
    let mut text = format!("≠ {} ({}): ", sanitize_line(&d.about), d.kind.as_str());
    let mut marks = vec![(0..text.len(), t.warning)];
    for (i, v) in d.values.iter().enumerate() {
        if i > 0 {
            text.push_str(" vs ");
        }
        let start = text.len();
        text.push_str(&format!("“{}”", sanitize_line(&v.value)));
        marks.push((start..text.len(), t.differs));
        let ids: Vec<String> = v
            .sources()
            .map(|s| {
                let id = sanitize_line(&app.timeline.sources[s].id).into_owned();
                match app
                    .comparison
                    .and_then(|c| c.copy_of.get(s).copied().flatten())
                {
                    Some(o) => format!(
                        "{id}, a copy of {}",
                        sanitize_line(&app.timeline.sources[o].id)
                    ),
                    None => id,
                }
            })
            .collect();
        text.push_str(&format!(" ({})", ids.join(", ")));
    }
    out.extend(wrap(&text, width, 0, Style::new(), &marks), 0);
}

/// The full-width block over the columns.
fn block(app: &App, event: usize, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Wrapped::default();
    let (own, story) = shown_disagreements(app, event);
    for d in &own {
        disagreement_lines(app, d, width, &mut out);
    }
    if !story.is_empty() {
        out.extend(wrap("Across the story:", width, 0, t.heading, &[]), 0);
        for d in &story {
            disagreement_lines(app, d, width, &mut out);
        }
    }
    let e = &app.timeline.events[event];
    if let Some(note) = &e.disagreement {
        let text = format!("Sources disagree (as written in the timeline): {note}");
        out.extend(
            wrap(&text, width, 0, t.warning, &search_marks(app, &text)),
            0,
        );
    }
    if own.is_empty() && story.is_empty() && e.disagreement.is_none() {
        let independent = app
            .comparison
            .and_then(|c| c.event(event))
            .map(|c| c.independent);
        let said = match independent {
            None => "Not compared: nothing says where these sources differ.".to_string(),
            Some(n) if n < 2 => {
                "One independent source: there is nothing to compare it with.".to_string()
            }
            Some(n) => format!(
                "The {n} independent sources state no number, date, duration or name differently."
            ),
        };
        out.extend(wrap(&said, width, 0, t.dim, &[]), 0);
    }
    out.push(Line::default());
    out.lines
}

/// The byte ranges of `source`'s body where it states a value the sources
/// differ on for this event.
fn differing(app: &App, event: usize, source: usize) -> Vec<Range<usize>> {
    let (own, story) = shown_disagreements(app, event);
    own.into_iter()
        .chain(story)
        .flat_map(|d| &d.values)
        .flat_map(|v| &v.evidence)
        .filter(|s| s.source == source)
        .map(|s| s.span.clone())
        .collect()
}

/// One source's column: how it reported the event, then its passages with
/// the quote and the differing values marked.
fn column(app: &App, event: usize, source: usize, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Wrapped::default();
    let s = &app.timeline.sources[source];
    let mut about = vec![format!("published {}", s.published.format("%-d %b %Y"))];
    if let Some(outlet) = &s.outlet {
        about.push(sanitize_line(outlet).into_owned());
    }
    if let Some(c) = app.comparison {
        if let Some(o) = c.copy_of.get(source).copied().flatten() {
            about.push(format!(
                "a copy of {}",
                sanitize_line(&app.timeline.sources[o].id)
            ));
        }
        if let Some(first) = c.event(event).and_then(|e| e.first.as_ref()) {
            if first.source == source && first.tied.is_empty() {
                about.push("first to report it".into());
            } else if first.source == source || first.tied.contains(&source) {
                about.push("first to report it, tied".into());
            }
        }
    }
    out.extend(wrap(&about.join(" · "), width, 0, t.dim, &[]), 0);
    let values = differing(app, event, source);
    for p in app.timeline.events[event]
        .passages()
        .iter()
        .filter(|p| p.source() == source)
    {
        out.push(Line::default());
        let para = app.timeline.paragraph(p);
        let base = p.paragraph().start;
        let inside =
            |r: &Range<usize>| r.start.max(base) - base..r.end.min(p.paragraph().end) - base;
        let mut marks = vec![(inside(&p.quote()), t.quote)];
        marks.extend(
            values
                .iter()
                .filter(|r| r.start >= base && r.end <= p.paragraph().end)
                .map(|r| (inside(r), t.differs)),
        );
        marks.extend(search_marks(app, para));
        out.extend(wrap(para, width, 0, Style::new(), &marks), 0);
    }
    out.lines
}

fn body(app: &App, c: &CompareView, width: usize) -> Body {
    let Some(event) = app.selected_event() else {
        return Body {
            block: Vec::new(),
            columns: Vec::new(),
        };
    };
    let sources = app.event_sources();
    let (shown, col_width) = columns(width, sources.len());
    Body {
        block: block(app, event, width),
        columns: sources
            .iter()
            .skip(c.first)
            .take(shown)
            .map(|&s| column(app, event, s, col_width))
            .collect(),
    }
}

/// Draws the compare screen.
pub fn view(frame: &mut Frame, app: &App, area: Rect, c: &CompareView) {
    let t = &app.theme;
    let Some(e) = app.selected_event() else {
        return;
    };
    let event = &app.timeline.events[e];
    let sources = app.event_sources();
    let content = content_area(area);
    let width = usize::from(content.width);
    let (shown, col_width) = columns(width, sources.len());
    let independent = app
        .comparison
        .and_then(|c| c.event(e))
        .map(|c| c.independent);
    let mut right = count(sources.len(), "source");
    if let Some(n) = independent.filter(|&n| n != sources.len()) {
        right.push_str(&format!(", {n} independent"));
    }
    if shown < sources.len() {
        right = format!(
            "{}–{} of {right}",
            c.first + 1,
            (c.first + shown).min(sources.len())
        );
    }
    let title = format!(
        " Compare · {} · {}",
        event.when().label(),
        sanitize_line(&event.title)
    );
    bar(
        frame,
        Rect { height: 1, ..area },
        &title,
        &format!("{right} "),
        t.title,
    );
    // The column headings, pinned above the scrolling text.
    let heading_row = Rect::new(content.x, area.y + 1, content.width, 1);
    let mut heads = Vec::new();
    for (i, &s) in sources.iter().skip(c.first).take(shown).enumerate() {
        if i > 0 {
            heads.push(Span::styled("│", t.border));
        }
        let id = format!("{} {}", s + 1, sanitize_line(&app.timeline.sources[s].id));
        let text = truncate(&id, col_width);
        let pad = col_width.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str()));
        heads.push(Span::styled(text, t.source(s)));
        heads.push(Span::raw(" ".repeat(pad)));
    }
    frame.render_widget(Paragraph::new(Line::from(heads)), heading_row);
    let body = body(app, c, width);
    let height = usize::from(content.height);
    let block_rows = body.block.len();
    for (y, row) in (c.scroll..body.rows()).take(height).enumerate() {
        let y = content.y + y as u16;
        if row < block_rows {
            let line = body.block[row].clone();
            frame.render_widget(
                Paragraph::new(line),
                Rect::new(content.x, y, content.width, 1),
            );
            continue;
        }
        for (i, col) in body.columns.iter().enumerate() {
            let x = content.x + (i * (col_width + 1)) as u16;
            if i > 0 {
                frame.render_widget(
                    Paragraph::new(Span::styled("│", t.border)),
                    Rect::new(x - 1, y, 1, 1),
                );
            }
            if let Some(line) = col.get(row - block_rows) {
                frame.render_widget(
                    Paragraph::new(line.clone()),
                    Rect::new(x, y, col_width as u16, 1),
                );
            }
        }
    }
    simple_status(frame, app, area, Mode::Compare, "");
}
