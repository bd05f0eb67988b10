//! The explorer's state and the one function that changes it, [`App::update`].

use chrono::NaiveDate;
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::axis;
use super::draw;
use super::keymap::{Keymap, Mode};
use super::layout;
use super::theme::Theme;
use annals_core::Timeline;
use annals_core::date;
use annals_core::search;

/// Rows one turn of the mouse wheel scrolls.
const WHEEL_ROWS: usize = 3;

/// The screen under any popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Axis, event list and detail pane.
    Main,
    /// The selected event's passages, one source at a time.
    Passages(PassagesView),
    /// A whole article, scrolled to a passage.
    Article(ArticleView),
}

/// Which source's passages are shown, and how far they are scrolled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PassagesView {
    /// Index into the selected event's visible sources.
    pub tab: usize,
    pub scroll: usize,
}

/// An article opened from a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleView {
    /// Index into the timeline's sources.
    pub source: usize,
    pub scroll: usize,
    /// Where Esc returns to.
    pub back: PassagesView,
}

/// What a prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Jump,
}

/// A one-line prompt in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// The event selected when the prompt opened, restored on cancel.
    origin: Option<usize>,
    /// The search that was active when the prompt opened.
    previous: Option<String>,
}

/// Something drawn over the view that takes the keys first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Picker { cursor: usize },
    Help { scroll: usize },
    Prompt(Prompt),
}

/// Everything the explorer shows, derived from a borrowed timeline.
#[derive(Debug)]
pub struct App<'t> {
    pub timeline: &'t Timeline,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Which sources are shown, indexed like the timeline's sources.
    pub visible: Vec<bool>,
    /// Indices of the events some visible source reports, in date order.
    pub events: Vec<usize>,
    /// Position of the selection in `events`.
    pub selected: usize,
    /// The first list row shown.
    pub offset: usize,
    pub view: View,
    pub popup: Option<Popup>,
    /// The active search, highlighted everywhere.
    pub search: Option<String>,
    /// A one-off note for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// The terminal's size as last reported.
    pub size: Rect,
    pub quit: bool,
}

impl<'t> App<'t> {
    /// Opens on the story's "today": among the events on the newest publication
    /// date of the sources, the one most sources report (else the last event),
    /// with the list scrolled to show as much as possible from there on.
    pub fn new(timeline: &'t Timeline, theme: Theme, size: Rect) -> App<'t> {
        let mut app = App {
            timeline,
            keymap: Keymap::default(),
            theme,
            visible: vec![true; timeline.sources.len()],
            events: (0..timeline.events.len()).collect(),
            selected: 0,
            offset: 0,
            view: View::Main,
            popup: None,
            search: None,
            message: None,
            size,
            quit: false,
        };
        let today = timeline.sources.iter().map(|s| s.published).max();
        let start = today
            .and_then(|day| {
                // The first of the best: `max_by_key` keeps the last, so reverse.
                (0..timeline.events.len())
                    .rev()
                    .filter(|&i| timeline.events[i].when.start == day)
                    .max_by_key(|&i| timeline.events[i].sources.len())
            })
            .unwrap_or(timeline.events.len().saturating_sub(1));
        app.selected = start;
        let rows = app.list_rows().max(1);
        app.offset = start.min(app.events.len().saturating_sub(rows));
        app.ensure_visible();
        app
    }

    /// The timeline index of the selected event.
    pub fn selected_event(&self) -> Option<usize> {
        self.events.get(self.selected).copied()
    }

    /// The visible sources that report the selected event, in its order.
    pub fn event_sources(&self) -> Vec<usize> {
        let Some(e) = self.selected_event() else {
            return Vec::new();
        };
        self.timeline.events[e]
            .sources
            .iter()
            .copied()
            .filter(|&s| self.visible[s])
            .collect()
    }

    /// Which key table applies now.
    pub fn mode(&self) -> Mode {
        match (&self.popup, &self.view) {
            (Some(Popup::Picker { .. }), _) => Mode::Picker,
            (Some(Popup::Help { .. }), _) => Mode::Help,
            (Some(Popup::Prompt(_)), _) => Mode::Prompt,
            (None, View::Main) => Mode::Main,
            (None, View::Passages(_)) => Mode::Passages,
            (None, View::Article(_)) => Mode::Article,
        }
    }

    /// Handles one terminal event.
    pub fn handle(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                match self.keymap.action(self.mode(), key) {
                    Some(action) => self.update(action),
                    None => self.message = None,
                }
            }
            Event::Mouse(mouse) => self.mouse(mouse),
            Event::Resize(w, h) => self.resize(Rect::new(0, 0, *w, *h)),
            _ => {}
        }
    }

    /// Adapts to a new terminal size.
    pub fn resize(&mut self, size: Rect) {
        self.size = size;
        self.ensure_visible();
        self.clamp_scroll();
    }

    /// Applies an action. The only place state changes.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if action == Action::Quit {
            self.quit = true;
            return;
        }
        match self.popup.take() {
            Some(Popup::Picker { cursor }) => self.picker(action, cursor),
            Some(Popup::Help { scroll }) => self.help(action, scroll),
            Some(Popup::Prompt(prompt)) => self.prompt(action, prompt),
            None => match self.view.clone() {
                View::Main => self.main(action),
                View::Passages(p) => self.passages(action, p),
                View::Article(a) => self.article(action, a),
            },
        }
        self.ensure_visible();
        self.clamp_scroll();
    }

    fn main(&mut self, action: Action) {
        let page = self.list_rows().max(1);
        match action {
            Action::Down => self.select_by(1),
            Action::Up => self.select_by(-1),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = self.events.len().saturating_sub(1),
            Action::PageDown => self.select_by(page as isize),
            Action::PageUp => self.select_by(-(page as isize)),
            Action::HalfPageDown => self.select_by((page / 2).max(1) as isize),
            Action::HalfPageUp => self.select_by(-((page / 2).max(1) as isize)),
            Action::Open if self.selected_event().is_some() => {
                self.view = View::Passages(PassagesView::default());
            }
            Action::Open => self.message = Some("no event to open".into()),
            Action::Search | Action::Jump => {
                let kind = if action == Action::Search {
                    PromptKind::Search
                } else {
                    PromptKind::Jump
                };
                self.popup = Some(Popup::Prompt(Prompt {
                    kind,
                    input: String::new(),
                    origin: self.selected_event(),
                    previous: self.search.clone(),
                }));
            }
            Action::NextMatch => self.next_match(1, false),
            Action::PrevMatch => self.next_match(-1, false),
            Action::SourcePicker => self.popup = Some(Popup::Picker { cursor: 0 }),
            Action::ToggleSource(n) => self.toggle_source(n),
            Action::ShowAllSources => self.set_visible(vec![true; self.visible.len()]),
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::Back if self.search.is_some() => self.search = None,
            Action::Back => self.quit = true,
            _ => {}
        }
    }

    fn passages(&mut self, action: Action, mut p: PassagesView) {
        let tabs = self.event_sources().len().max(1);
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
                if let Some(&source) = self.event_sources().get(p.tab) {
                    let scroll = draw::article_quote_row(self, source).saturating_sub(2);
                    self.view = View::Article(ArticleView {
                        source,
                        scroll,
                        back: p,
                    });
                }
                return;
            }
            Action::Back => {
                self.view = View::Main;
                return;
            }
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            other => p.scroll = self.scrolled(p.scroll, other),
        }
        self.view = View::Passages(p);
    }

    fn article(&mut self, action: Action, mut a: ArticleView) {
        match action {
            Action::Back => {
                self.view = View::Passages(a.back);
                return;
            }
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            other => a.scroll = self.scrolled(a.scroll, other),
        }
        self.view = View::Article(a);
    }

    fn picker(&mut self, action: Action, mut cursor: usize) {
        let n = self.timeline.sources.len();
        match action {
            Action::Down => cursor = (cursor + 1).min(n.saturating_sub(1)),
            Action::Up => cursor = cursor.saturating_sub(1),
            Action::Toggle => self.toggle_source(cursor),
            Action::ToggleSource(i) => {
                self.toggle_source(i);
                if i < n {
                    cursor = i;
                }
            }
            Action::ShowAllSources => self.set_visible(vec![true; n]),
            Action::Back => return,
            _ => {}
        }
        self.popup = Some(Popup::Picker { cursor });
    }

    fn help(&mut self, action: Action, scroll: usize) {
        let scroll = match action {
            Action::Back | Action::Help => return,
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            _ => scroll,
        };
        let max = draw::help_rows(self).saturating_sub(usize::from(self.size.height / 2));
        self.popup = Some(Popup::Help {
            scroll: scroll.min(max),
        });
    }

    fn prompt(&mut self, action: Action, mut prompt: Prompt) {
        match action {
            Action::Insert(c) => prompt.input.push(c),
            Action::DeleteChar => {
                prompt.input.pop();
            }
            Action::Cancel => {
                if prompt.kind == PromptKind::Search {
                    self.search = None;
                    self.select_event(prompt.origin);
                }
                return;
            }
            Action::Confirm => {
                match prompt.kind {
                    PromptKind::Search => self.finish_search(&prompt),
                    PromptKind::Jump => self.jump(&prompt.input),
                }
                return;
            }
            _ => {}
        }
        if prompt.kind == PromptKind::Search {
            // Incremental: every keystroke searches again from where it began.
            self.search = (!prompt.input.is_empty()).then(|| prompt.input.clone());
            self.select_event(prompt.origin);
            if self.search.is_some() {
                self.next_match(1, true);
            }
        }
        self.popup = Some(Popup::Prompt(prompt));
    }

    fn finish_search(&mut self, prompt: &Prompt) {
        if prompt.input.is_empty() {
            self.search = prompt.previous.clone();
            return;
        }
        let hits = self.matches().len();
        if hits == 0 {
            self.message = Some(format!("no event mentions “{}”", prompt.input));
            self.search = None;
            self.select_event(prompt.origin);
        } else {
            self.message = Some(format!(
                "{hits} event{} match “{}”: n next, N previous, Esc clears",
                if hits == 1 { "" } else { "s" },
                prompt.input
            ));
        }
    }

    /// Positions in `events` of the events the search matches.
    pub fn matches(&self) -> Vec<usize> {
        let Some(query) = &self.search else {
            return Vec::new();
        };
        (0..self.events.len())
            .filter(|&i| search::event_matches(self.timeline, self.events[i], query))
            .collect()
    }

    /// Selects the next (`dir` 1) or previous (-1) match, wrapping around;
    /// `inclusive` lets the current event count.
    fn next_match(&mut self, dir: isize, inclusive: bool) {
        if self.search.is_none() {
            self.message = Some("no search yet: press / to search".into());
            return;
        }
        let hits = self.matches();
        if hits.is_empty() {
            if let Some(q) = &self.search {
                self.message = Some(format!("no event mentions “{q}”"));
            }
            return;
        }
        let cur = self.selected;
        let next = if dir > 0 {
            hits.iter()
                .find(|&&h| if inclusive { h >= cur } else { h > cur })
                .or(hits.first())
        } else {
            hits.iter().rev().find(|&&h| h < cur).or(hits.last())
        };
        if let Some(&n) = next {
            if (dir > 0 && n < cur) || (dir < 0 && n > cur) {
                self.message = Some("search wrapped around".into());
            }
            self.selected = n;
        }
    }

    /// Jumps to the visible event nearest a date, a year, a month or an event id.
    fn jump(&mut self, input: &str) {
        let input = input.trim();
        if let Some(i) = self.timeline.event_index(input) {
            match self.events.iter().position(|&e| e == i) {
                Some(pos) => self.selected = pos,
                None => {
                    self.message = Some(format!("event “{input}” is hidden by the source filter"))
                }
            }
            return;
        }
        // A date as the timeline file writes it: "2009", "2020-02-29", even
        // "signing + 135 days", resolved against the event it names.
        let target = date::parse_str(input)
            .ok()
            .and_then(|spec| match spec.anchor() {
                None => spec.absolute().and_then(Result::ok),
                Some(anchor) => {
                    let anchor = self.timeline.event_index(anchor)?;
                    spec.resolve(&self.timeline.events[anchor].when).ok()
                }
            });
        let Some(target) = target else {
            self.message = Some(format!(
                "not a date: “{}” (try 2009, 2020-02, 2020-02-29, an event id or “signing + 135 days”)",
                annals_core::text::sanitize_line(input)
            ));
            return;
        };
        match nearest(self, target.start, target.end) {
            Some(pos) => self.selected = pos,
            None => self.message = Some("no events are visible".into()),
        }
    }

    fn toggle_source(&mut self, n: usize) {
        if n >= self.visible.len() {
            self.message = Some(format!(
                "there is no source {} (this story has {})",
                n + 1,
                self.visible.len()
            ));
            return;
        }
        let mut visible = self.visible.clone();
        visible[n] = !visible[n];
        self.set_visible(visible);
    }

    /// Changes the source filter, keeping the selected event if it stays visible,
    /// else the nearest one after it.
    fn set_visible(&mut self, visible: Vec<bool>) {
        let keep = self.selected_event();
        self.visible = visible;
        self.events = self.timeline.visible_events(&self.visible);
        self.selected = match keep {
            Some(e) => self
                .events
                .iter()
                .position(|&i| i >= e)
                .unwrap_or(self.events.len().saturating_sub(1)),
            None => 0,
        };
        if self.events.is_empty() {
            self.message = Some("every source is hidden: press 0 to show them all".into());
        }
    }

    fn select_event(&mut self, event: Option<usize>) {
        if let Some(pos) = event.and_then(|e| self.events.iter().position(|&i| i == e)) {
            self.selected = pos;
        }
    }

    fn select_by(&mut self, delta: isize) {
        let last = self.events.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    fn list_rows(&self) -> usize {
        layout::main(self.size, self.events.len()).list_rows()
    }

    /// Keeps the selection inside the list's window.
    fn ensure_visible(&mut self) {
        let last = self.events.len().saturating_sub(1);
        self.selected = self.selected.min(last);
        let rows = self.list_rows().max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(self.events.len().saturating_sub(rows));
    }

    /// A scroll position moved by a scrolling action.
    fn scrolled(&self, scroll: usize, action: Action) -> usize {
        let page = usize::from(self.size.height.saturating_sub(3)).max(1);
        match action {
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            Action::PageDown => scroll.saturating_add(page),
            Action::PageUp => scroll.saturating_sub(page),
            Action::HalfPageDown => scroll.saturating_add(page / 2),
            Action::HalfPageUp => scroll.saturating_sub(page / 2),
            _ => scroll,
        }
    }

    /// Keeps full-screen views from scrolling past their end.
    fn clamp_scroll(&mut self) {
        let page = usize::from(self.size.height.saturating_sub(3));
        match self.view.clone() {
            View::Main => {}
            View::Passages(mut p) => {
                let tabs = self.event_sources().len();
                p.tab = p.tab.min(tabs.saturating_sub(1));
                let rows = draw::passages_rows(self, &p);
                p.scroll = p.scroll.min(rows.saturating_sub(page));
                self.view = View::Passages(p);
            }
            View::Article(mut a) => {
                let rows = draw::article_rows(self, a.source);
                a.scroll = a.scroll.min(rows.saturating_sub(page));
                self.view = View::Article(a);
            }
        }
    }

    fn mouse(&mut self, mouse: &MouseEvent) {
        let at = Position::new(mouse.column, mouse.row);
        match (mouse.kind, &self.popup, self.view.clone()) {
            (MouseEventKind::ScrollDown | MouseEventKind::ScrollUp, None, View::Main) => {
                let rows = self.list_rows().max(1);
                let max = self.events.len().saturating_sub(rows);
                self.offset = if mouse.kind == MouseEventKind::ScrollDown {
                    (self.offset + WHEEL_ROWS).min(max)
                } else {
                    self.offset.saturating_sub(WHEEL_ROWS)
                };
                let last_shown = (self.offset + rows - 1).min(self.events.len().saturating_sub(1));
                self.selected = self.selected.clamp(self.offset, last_shown);
            }
            (MouseEventKind::ScrollDown, _, _) => {
                for _ in 0..WHEEL_ROWS {
                    self.update(Action::Down);
                }
            }
            (MouseEventKind::ScrollUp, _, _) => {
                for _ in 0..WHEEL_ROWS {
                    self.update(Action::Up);
                }
            }
            (MouseEventKind::Down(MouseButton::Left), None, View::Main) => {
                let areas = layout::main(self.size, self.events.len());
                let list = areas.list;
                if list.contains(at) && at.y > list.y {
                    let pos = self.offset + usize::from(at.y - list.y - 1);
                    if pos < self.events.len() {
                        self.selected = pos;
                    }
                } else if areas.axis.contains(at) {
                    let axis = draw::axis_layout(self, areas.axis.width);
                    if let Some(e) = axis::nearest(&axis, at.x - areas.axis.x) {
                        self.select_event(Some(e));
                    }
                }
                self.ensure_visible();
            }
            _ => {}
        }
    }
}

/// The position in `app.events` of the event nearest the span `from..=to`:
/// one that overlaps it, else the closest by days; ties go to the earlier.
fn nearest(app: &App, from: NaiveDate, to: NaiveDate) -> Option<usize> {
    (0..app.events.len()).min_by_key(|&pos| {
        let when = &app.timeline.events[app.events[pos]].when;
        if when.end < from {
            (from - when.end).num_days()
        } else if when.start > to {
            (when.start - to).num_days()
        } else {
            0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::Theme;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

    fn story() -> Timeline {
        crate::bundled::load().expect("bundled story")
    }

    fn app(t: &Timeline) -> App<'_> {
        App::new(t, Theme::mono(), Rect::new(0, 0, 80, 24))
    }

    fn id<'a>(app: &App<'a>) -> &'a str {
        app.selected_event()
            .map(|e| app.timeline.events[e].id.as_str())
            .unwrap_or("")
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Insert(c));
        }
    }

    #[test]
    fn opens_on_the_signing_with_the_milestones_in_view() {
        let t = story();
        let a = app(&t);
        assert_eq!(id(&a), "signing");
        let rows = a.list_rows();
        let shown: Vec<&str> = a.events[a.offset..a.offset + rows]
            .iter()
            .map(|&e| t.events[e].id.as_str())
            .collect();
        for m in [
            "riv-week",
            "signing",
            "drawdown-135",
            "withdrawal-14-months",
        ] {
            assert!(shown.contains(&m), "{m} not in {shown:?}");
        }
    }

    #[test]
    fn moving_keeps_the_selection_in_range_and_in_view() {
        let t = story();
        let mut a = app(&t);
        let n = a.events.len();
        a.update(Action::Top);
        assert_eq!((a.selected, a.offset), (0, 0));
        a.update(Action::Up);
        assert_eq!(a.selected, 0);
        a.update(Action::Down);
        assert_eq!(a.selected, 1);
        a.update(Action::Bottom);
        assert_eq!(a.selected, n - 1);
        assert!(a.offset + a.list_rows() > a.selected);
        a.update(Action::Down);
        assert_eq!(a.selected, n - 1);
        a.update(Action::PageUp);
        assert_eq!(a.selected, n - 1 - a.list_rows());
        a.update(Action::PageDown);
        assert_eq!(a.selected, n - 1);
        a.update(Action::HalfPageUp);
        assert_eq!(a.selected, n - 1 - a.list_rows() / 2);
        a.update(Action::HalfPageDown);
        assert_eq!(a.selected, n - 1);
        assert!(a.offset <= a.selected);
    }

    #[test]
    fn toggling_sources_filters_events_and_keeps_the_selection() {
        let t = story();
        let mut a = app(&t);
        let sun = t.source_index("sun").expect("sun");
        a.update(Action::ToggleSource(sun));
        assert!(!a.visible[sun]);
        assert_eq!(a.events, t.visible_events(&a.visible));
        assert!(a.events.len() < t.events.len());
        assert_eq!(id(&a), "signing");
        a.update(Action::ToggleSource(sun));
        assert_eq!(a.events.len(), t.events.len());
        a.update(Action::ToggleSource(8));
        assert!(
            a.message
                .as_deref()
                .is_some_and(|m| m.contains("no source 9"))
        );
        for s in 0..t.sources.len() {
            a.update(Action::ToggleSource(s));
        }
        assert!(a.events.is_empty());
        assert_eq!(a.selected_event(), None);
        a.update(Action::Down);
        a.update(Action::Open);
        assert_eq!(a.view, View::Main);
        a.update(Action::ShowAllSources);
        assert_eq!(a.events.len(), t.events.len());
    }

    #[test]
    fn hiding_the_selected_event_moves_to_the_next_one() {
        let t = story();
        let mut a = app(&t);
        let tweet = t.event_index("embassy-tweet").expect("tweet");
        a.select_event(Some(tweet));
        a.update(Action::ToggleSource(t.source_index("sun").expect("sun")));
        assert_eq!(id(&a), "joint-declaration");
    }

    #[test]
    fn passages_tabs_cycle_and_the_article_opens_at_the_quote() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::Open);
        assert_eq!(a.view, View::Passages(PassagesView::default()));
        a.update(Action::NextSource);
        a.update(Action::NextSource);
        a.update(Action::PrevSource);
        assert!(matches!(
            a.view,
            View::Passages(PassagesView { tab: 1, .. })
        ));
        let tabs = a.event_sources().len();
        for _ in 0..tabs {
            a.update(Action::NextSource);
        }
        assert!(matches!(
            a.view,
            View::Passages(PassagesView { tab: 1, .. })
        ));
        a.update(Action::OpenArticle);
        let View::Article(art) = a.view.clone() else {
            panic!("article view expected, got {:?}", a.view);
        };
        assert_eq!(art.source, a.event_sources()[1]);
        a.update(Action::Bottom);
        let View::Article(bottom) = a.view.clone() else {
            panic!("still in the article");
        };
        assert!(bottom.scroll >= art.scroll);
        a.update(Action::Top);
        assert!(matches!(
            a.view,
            View::Article(ArticleView { scroll: 0, .. })
        ));
        a.update(Action::Back);
        assert!(matches!(
            a.view,
            View::Passages(PassagesView { tab: 1, .. })
        ));
        a.update(Action::Back);
        assert_eq!(a.view, View::Main);
    }

    #[test]
    fn search_is_incremental_and_n_wraps_around() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::Search);
        assert_eq!(a.mode(), Mode::Prompt);
        typed(&mut a, "kab");
        assert_eq!(a.search.as_deref(), Some("kab"));
        let first = id(&a).to_string();
        assert!(search::event_matches(
            &t,
            a.selected_event().unwrap_or(0),
            "kab"
        ));
        a.update(Action::DeleteChar);
        assert_eq!(a.search.as_deref(), Some("ka"));
        typed(&mut a, "b");
        a.update(Action::Confirm);
        assert_eq!(a.popup, None);
        assert_eq!(id(&a), first);
        let hits = a.matches();
        assert!(hits.len() >= 2);
        for _ in 0..hits.len() {
            a.update(Action::NextMatch);
        }
        assert_eq!(id(&a), first, "n cycles through every match");
        a.update(Action::PrevMatch);
        assert_ne!(id(&a), first);
        // Esc clears the search first, then quits.
        a.update(Action::Back);
        assert_eq!(a.search, None);
        assert!(!a.quit);
        a.update(Action::NextMatch);
        assert!(a.message.is_some());
        a.update(Action::Back);
        assert!(a.quit);
    }

    #[test]
    fn a_cancelled_or_failed_search_restores_the_selection() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::Search);
        typed(&mut a, "kabul");
        assert_ne!(id(&a), "signing");
        a.update(Action::Cancel);
        assert_eq!((id(&a), a.search.as_ref()), ("signing", None));
        a.update(Action::Search);
        typed(&mut a, "zzzz");
        a.update(Action::Confirm);
        assert_eq!((id(&a), a.search.as_ref()), ("signing", None));
        assert!(a.message.as_deref().is_some_and(|m| m.contains("zzzz")));
    }

    #[test]
    fn jump_finds_the_nearest_event_to_a_date_a_year_or_an_id() {
        let t = story();
        let mut a = app(&t);
        for (input, want) in [
            ("2009", "unama-casualties"),
            ("2001-10", "invasion"),
            ("2021", "withdrawal-14-months"),
            ("2030-01-01", "withdrawal-14-months"),
            ("1990", "attacks"),
            ("drawdown-135", "drawdown-135"),
            ("signing + 135 days", "drawdown-135"),
        ] {
            a.update(Action::Jump);
            typed(&mut a, input);
            a.update(Action::Confirm);
            assert_eq!(id(&a), want, "jump to {input}");
            assert_eq!(a.message, None);
        }
        a.update(Action::Jump);
        typed(&mut a, "yesterday");
        a.update(Action::Confirm);
        assert!(
            a.message
                .as_deref()
                .is_some_and(|m| m.starts_with("not a date"))
        );
        assert_eq!(id(&a), "drawdown-135");
    }

    #[test]
    fn picker_toggles_with_space_and_closes() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::SourcePicker);
        assert_eq!(a.mode(), Mode::Picker);
        a.update(Action::Down);
        a.update(Action::Toggle);
        assert!(!a.visible[1]);
        a.update(Action::Up);
        a.update(Action::Up);
        assert_eq!(a.popup, Some(Popup::Picker { cursor: 0 }));
        a.update(Action::ToggleSource(2));
        assert_eq!(a.popup, Some(Popup::Picker { cursor: 2 }));
        a.update(Action::ShowAllSources);
        assert!(a.visible.iter().all(|&v| v));
        a.update(Action::Back);
        assert_eq!(a.popup, None);
    }

    #[test]
    fn help_opens_over_any_view_and_quit_always_quits() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::Open);
        a.update(Action::Help);
        assert_eq!(a.mode(), Mode::Help);
        a.update(Action::Down);
        assert_eq!(a.popup, Some(Popup::Help { scroll: 1 }));
        a.update(Action::Back);
        assert_eq!(a.mode(), Mode::Passages);
        a.update(Action::Help);
        a.update(Action::Quit);
        assert!(a.quit);
    }

    #[test]
    fn keys_mouse_and_resizes_arrive_through_handle() {
        let t = story();
        let mut a = app(&t);
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        a.handle(&key('g'));
        assert_eq!(a.selected, 0);
        a.handle(&Event::Resize(120, 40));
        assert!(layout::main(a.size, a.events.len()).wide);
        // A click on the list's fourth row selects the fourth event shown.
        let list = layout::main(a.size, a.events.len()).list;
        a.handle(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: list.x + 5,
            row: list.y + 4,
            modifiers: KeyModifiers::NONE,
        }));
        assert_eq!(a.selected, a.offset + 3);
        // A click at the right end of the axis selects the last event.
        a.handle(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 119,
            row: 1,
            modifiers: KeyModifiers::NONE,
        }));
        assert_eq!(id(&a), "withdrawal-14-months");
        a.handle(&Event::Resize(80, 24));
        a.handle(&key('g'));
        a.handle(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 3,
            row: 6,
            modifiers: KeyModifiers::NONE,
        }));
        assert_eq!((a.offset, a.selected), (3, 3));
        a.handle(&Event::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        )));
        assert!(a.quit);
    }
}
