//! The article screen: a whole article scrolled to a passage, its quotes
//! marked. Only the rows on screen are drawn; the article's rows are
//! measured lazily ([`ArticleRows`]) and kept per width.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::action::Action;
use super::super::app::{App, ArticleView, PassagesView, Popup, View};
use super::super::measure::{ArticleRows, SLICE_BYTES};
use super::super::mode::Mode;
use super::super::widgets::{bar, content_area, page_rows, scrolled, simple_status, truncate};
use super::super::wrap::render;
use annals_core::search::find_all;
use annals_core::text::sanitize_line;

/// Opens `source`'s article at the selected event's first quote in it.
pub fn open(app: &mut App, source: usize, back: PassagesView) {
    let timeline = app.timeline;
    let body = &timeline.sources[source].body();
    let first = quotes(app, source).map(|r| r.start).min();
    let rows = rows_mut(app, source);
    if let Some(at) = first {
        rows.measure_to_byte(body, at);
    }
    // A short article is measured whole at once; a long one goes on in ticks.
    rows.measure(body, SLICE_BYTES);
    let row = first.map_or(0, |at| rows.row_of(at));
    let a = ArticleView {
        source,
        scroll: row.saturating_sub(2),
        back,
    };
    app.view = View::Article(clamp(app, a));
}

/// What a key does in the article.
pub fn update(app: &mut App, action: Action, mut a: ArticleView) {
    match action {
        Action::Back => {
            app.view = View::Passages(a.back);
            return;
        }
        Action::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        other => a.scroll = scrolled(a.scroll, other, page_rows(app.size)),
    }
    app.view = View::Article(a);
}

/// Measures as far as the scroll needs and keeps it from passing the end.
pub fn clamp(app: &mut App, mut a: ArticleView) -> ArticleView {
    let page = page_rows(app.size);
    let timeline = app.timeline;
    let body = &timeline.sources[a.source].body();
    let rows = rows_mut(app, a.source);
    rows.measure_to_row(body, a.scroll.saturating_add(page));
    if rows.done {
        a.scroll = a.scroll.min(rows.rows.len().saturating_sub(page));
    }
    a
}

/// Measures one more slice of the open article; returns whether any is left.
pub fn tick(app: &mut App) -> bool {
    let View::Article(a) = &app.view else {
        return false;
    };
    let source = a.source;
    let timeline = app.timeline;
    let body = &timeline.sources[source].body();
    !rows_mut(app, source).measure(body, SLICE_BYTES)
}

/// Whether the open article still has rows to measure.
pub fn measuring(app: &App) -> bool {
    match &app.view {
        View::Article(a) => app
            .articles
            .get(&(a.source, width(app.size)))
            .is_none_or(|r| !r.done),
        _ => false,
    }
}

fn width(size: Rect) -> usize {
    usize::from(content_area(size).width).max(1)
}

fn rows_mut<'a>(app: &'a mut App, source: usize) -> &'a mut ArticleRows {
    let width = width(app.size);
    app.articles
        .entry((source, width))
        .or_insert_with(|| ArticleRows::new(width))
}

/// The byte ranges of the selected event's quotes in `source`.
fn quotes<'a>(app: &'a App, source: usize) -> impl Iterator<Item = Range<usize>> + 'a {
    app.selected_event()
        .map(|e| &app.timeline.events[e])
        .into_iter()
        .flat_map(|e| e.passages().iter())
        .filter(move |p| p.source() == source)
        .map(|p| p.quote())
}

/// Draws the article screen.
pub fn view(frame: &mut Frame, app: &App, area: Rect, a: &ArticleView) {
    let t = &app.theme;
    let s = &app.timeline.sources[a.source];
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
    let height = usize::from(content.height);
    let fresh;
    // Measured in `update` for the terminal's size; a frame of another size
    // (a test drawing at will) measures what it shows.
    let rows = match app
        .articles
        .get(&(a.source, usize::from(content.width).max(1)))
    {
        Some(rows) if rows.done || rows.rows.len() >= a.scroll + height => rows,
        _ => {
            let mut r = ArticleRows::new(usize::from(content.width));
            r.measure_to_row(s.body(), a.scroll.saturating_add(height));
            fresh = r;
            &fresh
        }
    };
    let shown_rows = rows.rows.get(a.scroll..).unwrap_or(&[]);
    let shown_rows = &shown_rows[..shown_rows.len().min(height)];
    let mut marks: Vec<(Range<usize>, Style)> =
        quotes(app, a.source).map(|r| (r, t.quote)).collect();
    if let (Some(first), Some(last)) = (shown_rows.first(), shown_rows.last()) {
        marks.extend(window_matches(app, s.body(), first.start..last.end));
    }
    let lines: Vec<Line> = shown_rows
        .iter()
        .map(|r| render(s.body(), r.clone(), 0, Style::new(), &marks))
        .collect();
    frame.render_widget(Paragraph::new(lines), content);
    let total = rows.rows.len();
    let total = if rows.done {
        total.to_string()
    } else {
        format!("≥{total} (measuring)")
    };
    let shown = a.scroll + shown_rows.len();
    simple_status(
        frame,
        app,
        area,
        Mode::Article,
        &format!(
            "rows {}–{shown} of {total}",
            (a.scroll + 1).min(shown.max(1))
        ),
    );
}

/// The search's matches in and around `window` of `body`: only the text on
/// screen is searched, with a margin so a match cut by its edge is marked.
fn window_matches(app: &App, body: &str, window: Range<usize>) -> Vec<(Range<usize>, Style)> {
    let Some(query) = app.query() else {
        return Vec::new();
    };
    // A character lowercases to at most three, each at most four bytes.
    let margin = query.len() * 12;
    let mut start = window.start.saturating_sub(margin);
    while !body.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = window.end.saturating_add(margin).min(body.len());
    while !body.is_char_boundary(end) {
        end += 1;
    }
    find_all(&body[start..end], query)
        .into_iter()
        .map(|r| (r.start + start..r.end + start, app.theme.matched))
        .collect()
}
