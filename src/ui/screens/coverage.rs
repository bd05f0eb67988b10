//! The coverage screen: which source reports which event, as a matrix of
//! sources (rows, grouped by outlet) and events (columns, in date order), with
//! each source's figures beside its row: events reported, first reports,
//! median lag. It stays usable with hundreds of sources: an outlet folds to
//! one row that counts its sources, both axes scroll, and `/` finds a source
//! by id, title or outlet.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::action::Action;
use super::super::app::{App, CoverageView, Popup, Prompt, PromptKind, View};
use super::super::mode::Mode;
use super::super::widgets::{bar, page_rows, simple_status, truncate};
use super::main::count;
use annals_core::comparison::{Comparison, Coverage};
use annals_core::text::sanitize_line;

/// From this many sources the view opens with every outlet folded.
pub const FOLDED_FROM: usize = 40;

/// The coverage of the shown sources, worked out when the view opens.
#[derive(Debug, Clone)]
pub struct Covered {
    /// The figures of `annals print --format coverage`.
    pub stats: Coverage,
    /// The shown sources by outlet, outlets by name (sources without one
    /// last), sources by publication.
    pub groups: Vec<Group>,
    /// For each source of the timeline, its row in `stats.sources`.
    row_of: Vec<Option<usize>>,
}

/// One outlet's sources.
#[derive(Debug, Clone)]
pub struct Group {
    /// The outlet's name, or "no outlet named".
    pub outlet: String,
    pub sources: Vec<usize>,
}

/// A row of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// An outlet's heading (the n-th group): its sources folded into one row.
    Outlet(usize),
    /// A source.
    Source(usize),
}

impl Covered {
    /// The coverage of the sources `app` shows.
    pub fn of(app: &App) -> Covered {
        let none = Comparison::default();
        let comparison = app.comparison.unwrap_or(&none);
        let stats = Coverage::of(app.timeline, comparison, &app.visible);
        let mut row_of = vec![None; app.timeline.sources.len()];
        let mut by_outlet: BTreeMap<(bool, String), Vec<usize>> = BTreeMap::new();
        for (i, row) in stats.sources.iter().enumerate() {
            row_of[row.source] = Some(i);
            let source = &app.timeline.sources[row.source];
            let key = match &source.outlet {
                Some(o) => (false, sanitize_line(o).into_owned()),
                None => (true, "no outlet named".to_string()),
            };
            by_outlet.entry(key).or_default().push(row.source);
        }
        let groups = by_outlet
            .into_iter()
            .map(|((_, outlet), mut sources)| {
                sources.sort_by_key(|&s| (app.timeline.sources[s].published, s));
                Group { outlet, sources }
            })
            .collect();
        Covered {
            stats,
            groups,
            row_of,
        }
    }

    /// The rows shown with these outlets folded.
    pub fn rows(&self, folded: &[bool]) -> Vec<Row> {
        let mut rows = Vec::new();
        for (g, group) in self.groups.iter().enumerate() {
            rows.push(Row::Outlet(g));
            if !folded.get(g).copied().unwrap_or(false) {
                rows.extend(group.sources.iter().map(|&s| Row::Source(s)));
            }
        }
        rows
    }

    /// The group a source is in.
    fn group_of(&self, source: usize) -> Option<usize> {
        self.groups.iter().position(|g| g.sources.contains(&source))
    }
}

/// Opens the coverage view of the shown sources.
pub fn open(app: &mut App) {
    let covered = Covered::of(app);
    if covered.stats.events.is_empty() {
        app.message = Some("no event is shown: nothing to cover".into());
        return;
    }
    let fold = covered.stats.sources.len() >= FOLDED_FROM;
    let col = app
        .selected_event()
        .and_then(|e| covered.stats.events.iter().position(|&x| x == e))
        .unwrap_or(0);
    let view = CoverageView {
        row: 0,
        col,
        top: 0,
        left: 0,
        folded: vec![fold; covered.groups.len()],
        find: None,
        before_find: None,
    };
    app.coverage = Some(covered);
    app.view = View::Coverage(view);
}

/// What a key does on the coverage screen.
pub fn update(app: &mut App, action: Action, mut c: CoverageView) {
    let Some(covered) = app.coverage.as_ref() else {
        app.view = View::Main;
        return;
    };
    let rows = covered.rows(&c.folded);
    let page = page_rows(app.size).saturating_sub(2).max(1);
    let last_row = rows.len().saturating_sub(1);
    let last_col = covered.stats.events.len().saturating_sub(1);
    match action {
        Action::Down => c.row = (c.row + 1).min(last_row),
        Action::Up => c.row = c.row.saturating_sub(1),
        Action::Top => c.row = 0,
        Action::Bottom => c.row = last_row,
        Action::PageDown => c.row = (c.row + page).min(last_row),
        Action::PageUp => c.row = c.row.saturating_sub(page),
        Action::HalfPageDown => c.row = (c.row + page / 2).min(last_row),
        Action::HalfPageUp => c.row = c.row.saturating_sub(page / 2),
        Action::Right => c.col = (c.col + 1).min(last_col),
        Action::Left => c.col = c.col.saturating_sub(1),
        Action::Toggle => {
            let g = match rows.get(c.row) {
                Some(Row::Outlet(g)) => Some(*g),
                Some(Row::Source(s)) => covered.group_of(*s),
                None => None,
            };
            if let Some(g) = g {
                c.folded[g] = !c.folded[g];
                // The cursor stays on the outlet's row.
                c.row = covered
                    .rows(&c.folded)
                    .iter()
                    .position(|r| *r == Row::Outlet(g))
                    .unwrap_or(0);
            }
        }
        Action::FoldAll => {
            let fold = !c.folded.iter().all(|&f| f);
            let at = rows.get(c.row).copied();
            c.folded.iter_mut().for_each(|f| *f = fold);
            let group = match at {
                Some(Row::Outlet(g)) => Some(g),
                Some(Row::Source(s)) => covered.group_of(s),
                None => None,
            };
            c.row = group
                .and_then(|g| {
                    covered
                        .rows(&c.folded)
                        .iter()
                        .position(|r| *r == Row::Outlet(g))
                })
                .unwrap_or(0);
        }
        Action::Search => {
            c.before_find = Some((c.row, c.folded.clone()));
            app.popup = Some(Popup::Prompt(Prompt {
                kind: PromptKind::FindSource,
                input: String::new(),
                origin: None,
            }));
        }
        Action::NextMatch | Action::PrevMatch => match c.find.clone() {
            Some(query) => {
                if !find(app, &mut c, &query, action == Action::NextMatch, true) {
                    app.message = Some(format!("no source matches “{}”", sanitize_line(&query)));
                }
            }
            None => app.message = Some("no search yet: press / to find a source".into()),
        },
        Action::Open => {
            let event = covered.stats.events.get(c.col).copied();
            app.select_event(event);
            app.coverage = None;
            app.view = View::Main;
            return;
        }
        Action::Back => {
            app.coverage = None;
            app.view = View::Main;
            return;
        }
        Action::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        _ => {}
    }
    app.view = View::Coverage(c);
}

/// Whether a source's id, title or outlet holds `query` (ignoring case).
fn matches(app: &App, source: usize, query: &str) -> bool {
    let s = &app.timeline.sources[source];
    let q = query.to_lowercase();
    [
        Some(s.id.as_str()),
        Some(s.title.as_str()),
        s.outlet.as_deref(),
    ]
    .into_iter()
    .flatten()
    .any(|text| text.to_lowercase().contains(&q))
}

/// Moves the cursor to the next (or previous) source matching `query`, from
/// the cursor (past it if `past`), around the end; unfolds its outlet.
/// Returns whether one matched.
pub fn find(app: &mut App, c: &mut CoverageView, query: &str, forward: bool, past: bool) -> bool {
    let Some(covered) = app.coverage.as_ref() else {
        return false;
    };
    c.find = (!query.is_empty()).then(|| query.to_string());
    if query.is_empty() {
        return true;
    }
    // Every source in row order, as if no outlet were folded.
    let all = covered.rows(&[]);
    let rows = covered.rows(&c.folded);
    let here = match rows.get(c.row) {
        Some(r) => all.iter().position(|x| x == r).unwrap_or(0),
        None => 0,
    };
    let n = all.len();
    let skip = usize::from(past);
    let order: Vec<usize> = if forward {
        (skip..n + skip).map(|i| (here + i) % n).collect()
    } else {
        (skip..n + skip).map(|i| (here + n * 2 - i) % n).collect()
    };
    let found = order.into_iter().find_map(|i| match all[i] {
        Row::Source(s) if matches(app, s, query) => Some(s),
        _ => None,
    });
    let Some(source) = found else {
        return false;
    };
    if let Some(g) = covered.group_of(source) {
        c.folded[g] = false;
    }
    c.row = covered
        .rows(&c.folded)
        .iter()
        .position(|r| *r == Row::Source(source))
        .unwrap_or(0);
    true
}

/// How many shown sources match `query`.
pub fn match_count(app: &App, query: &str) -> usize {
    app.coverage.as_ref().map_or(0, |covered| {
        covered
            .stats
            .sources
            .iter()
            .filter(|r| matches(app, r.source, query))
            .count()
    })
}

/// Where the parts of the screen go: the left panel's width, and how many
/// event columns fit beside it.
fn panel(width: u16) -> (usize, usize) {
    let width = usize::from(width);
    let name = (width / 4).clamp(12, 28);
    let left = name + FIGURES.width();
    // A margin each side, and a space between the figures and the cells.
    (left, width.saturating_sub(left + 3))
}

/// The heading of the figures beside each source.
const FIGURES: &str = " events first      lag";

/// Keeps the cursor in view: rows and columns scrolled as little as possible.
pub fn clamp(app: &App, mut c: CoverageView) -> CoverageView {
    let Some(covered) = app.coverage.as_ref() else {
        return c;
    };
    let rows = covered.rows(&c.folded).len();
    c.row = c.row.min(rows.saturating_sub(1));
    c.col = c.col.min(covered.stats.events.len().saturating_sub(1));
    let height = body_rows(app.size);
    if c.row < c.top {
        c.top = c.row;
    } else if c.row >= c.top + height {
        c.top = c.row + 1 - height;
    }
    c.top = c.top.min(rows.saturating_sub(height));
    let (_, cols) = panel(app.size.width);
    let cols = cols.max(1);
    if c.col < c.left {
        c.left = c.col;
    } else if c.col >= c.left + cols {
        c.left = c.col + 1 - cols;
    }
    c
}

/// Rows of the matrix on screen: all but the title, two heading rows and
/// the status bar.
fn body_rows(size: Rect) -> usize {
    usize::from(size.height.saturating_sub(4)).max(1)
}

/// A lag in days, signed, as the figures column shows it.
fn lag(days: Option<f64>) -> String {
    match days {
        None => "—".into(),
        Some(d) if d.fract() == 0.0 => format!("{d:+}d"),
        Some(d) => format!("{d:+.1}d"),
    }
}

/// Draws the coverage screen.
pub fn view(frame: &mut Frame, app: &App, area: Rect, c: &CoverageView) {
    let t = &app.theme;
    let Some(covered) = app.coverage.as_ref() else {
        return;
    };
    let stats = &covered.stats;
    let title = format!(
        " Coverage · {} in {} · {} independent",
        count(stats.sources.len(), "source"),
        count(covered.groups.len(), "outlet"),
        stats.independent
    );
    let right = format!(
        "{}, {} told by one source only ",
        count(stats.events.len(), "event"),
        stats.only_one.len()
    );
    bar(frame, Rect { height: 1, ..area }, &title, &right, t.title);
    let (left_w, cols) = panel(area.width);
    let name_w = left_w - FIGURES.width();
    let x0 = area.x + 1;
    // The event under the cursor, and its column marked.
    if let Some(&e) = stats.events.get(c.col) {
        let event = &app.timeline.events[e];
        let reporters = event
            .sources()
            .iter()
            .filter(|&&s| covered.row_of.get(s).copied().flatten().is_some())
            .count();
        let independent = app
            .comparison
            .and_then(|cmp| cmp.event(e))
            .map(|x| x.independent);
        let mut about = format!(
            "event {} of {}: {} {} · {}",
            c.col + 1,
            stats.events.len(),
            event.when().label(),
            sanitize_line(&event.title),
            count(reporters, "source"),
        );
        if let Some(n) = independent.filter(|&n| n != reporters) {
            about.push_str(&format!(" ({n} independent)"));
        }
        let line = Line::styled(truncate(&about, usize::from(area.width) - 2), t.heading);
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(x0, area.y + 1, area.width - 2, 1),
        );
    }
    let mut head = vec![Span::styled(
        format!("{:<name_w$}{FIGURES} ", "outlet / source"),
        t.dim,
    )];
    let marker: String = (c.left..(c.left + cols).min(stats.events.len()))
        .map(|i| if i == c.col { '▼' } else { ' ' })
        .collect();
    head.push(Span::styled(marker, t.heading));
    frame.render_widget(
        Paragraph::new(Line::from(head)),
        Rect::new(x0, area.y + 2, area.width - 2, 1),
    );
    let rows = covered.rows(&c.folded);
    let height = body_rows(area);
    let events =
        &stats.events[c.left.min(stats.events.len())..(c.left + cols).min(stats.events.len())];
    for (i, row) in rows.iter().enumerate().skip(c.top).take(height) {
        let y = area.y + 3 + (i - c.top) as u16;
        let here = i == c.row;
        let (label, figures, style, cells) = match *row {
            Row::Outlet(g) => {
                let group = &covered.groups[g];
                let sign = if c.folded[g] { '▸' } else { '▾' };
                let label = format!("{sign} {}", group.outlet);
                let figures = format!("{:>13}", count(group.sources.len(), "source"));
                let cells: Vec<Span> = events
                    .iter()
                    .map(|&e| {
                        let n = group
                            .sources
                            .iter()
                            .filter(|&&s| app.timeline.events[e].reported_by(s))
                            .count();
                        match n {
                            0 => Span::styled("·", t.dim),
                            1..=9 => Span::styled(n.to_string(), t.heading),
                            _ => Span::styled("+", t.heading),
                        }
                    })
                    .collect();
                (label, figures, t.heading, cells)
            }
            Row::Source(s) => {
                let source = &app.timeline.sources[s];
                let figures = covered.row_of[s].map(|r| &stats.sources[r]);
                let copy = app
                    .comparison
                    .and_then(|cmp| cmp.copy_of.get(s).copied().flatten());
                let label = format!("  {}", sanitize_line(&source.id));
                let figures = figures.map_or(String::new(), |f| {
                    format!(
                        "{:>7}{:>6}{:>9}",
                        f.events,
                        f.first + f.tied_first,
                        lag(f.median_lag_days)
                    )
                });
                let cells: Vec<Span> = events
                    .iter()
                    .map(|&e| match (app.timeline.events[e].reported_by(s), copy) {
                        (false, _) => Span::styled("·", t.dim),
                        (true, None) => Span::styled("●", t.source(s)),
                        (true, Some(_)) => Span::styled("○", t.source(s)),
                    })
                    .collect();
                (label, figures, Style::new(), cells)
            }
        };
        let mut left = format!("{:<name_w$}", truncate(&label, name_w.saturating_sub(1)));
        left.push_str(&format!("{figures:<width$}", width = FIGURES.width()));
        let left_style = if here { style.patch(t.selected) } else { style };
        let mut spans = vec![Span::styled(left, left_style), Span::raw(" ")];
        for (k, mut cell) in cells.into_iter().enumerate() {
            if here && c.left + k == c.col {
                cell = cell.patch_style(t.selected);
            } else if c.left + k == c.col {
                cell = cell.patch_style(t.axis_selected);
            }
            spans.push(cell);
        }
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect::new(x0, y, area.width - 2, 1),
        );
    }
    let left = match &c.find {
        Some(q) => format!(
            "“{}”: {}",
            sanitize_line(q),
            count(match_count(app, q), "source")
        ),
        None => String::new(),
    };
    simple_status(frame, app, area, Mode::Coverage, &left);
}
