//! The explorer's state: what is shown, derived from a borrowed timeline.
//!
//! Only plain data and the questions every screen asks of it live here; what
//! each screen does with a key is in [`super::screens`], and the one entry
//! point that changes state is [`App::update`] in [`super::update`].

use std::collections::HashMap;

use chrono::NaiveDate;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::axis::Strip;
use super::find::Find;
use super::keymap::{Key, Keymap};
use super::layout;
use super::measure::ArticleRows;
use super::mode::Mode;
use super::screens::coverage::Covered;
use super::theme::Theme;
use annals_core::comparison::{Comparison, Disagreement};
use annals_core::{Precision, Timeline, When};

/// The screen under any popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Axis, event list and detail pane.
    Main,
    /// The selected event's passages, one source at a time.
    Passages(PassagesView),
    /// The selected event's sources side by side, one column each.
    Compare(CompareView),
    /// Which source reports which event.
    Coverage(CoverageView),
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

/// Which visible source is the compare view's first column, and how far
/// its columns (which scroll together) are scrolled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompareView {
    /// Index into the selected event's visible sources.
    pub first: usize,
    pub scroll: usize,
}

/// Where the coverage matrix's cursor is (a row of [`Covered::rows`], an
/// event's column), how far it is scrolled, which outlets are folded, and
/// the last source search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CoverageView {
    pub row: usize,
    pub col: usize,
    pub top: usize,
    pub left: usize,
    pub folded: Vec<bool>,
    pub find: Option<String>,
    /// The row and the folds when a source search began: each keystroke
    /// searches again from there, and cancelling goes back to it.
    pub before_find: Option<(usize, Vec<bool>)>,
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
    /// A source of the coverage view, by id, title or outlet.
    FindSource,
}

/// A one-line prompt in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// The event selected when the prompt opened, restored on cancel.
    pub origin: Option<usize>,
}

/// Something drawn over the view that takes the keys first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Picker { cursor: usize },
    Help { scroll: usize },
    Prompt(Prompt),
}

/// Facts about the timeline that never change, computed once.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The widest date label in the list, wide and compact.
    pub date_width: [usize; 2],
    /// How many events each source reports.
    pub counts: Vec<usize>,
    /// Whether each event is minor: a drafted event in the less salient
    /// half of the drafted ones (an event a person wrote never is).
    pub minor: Vec<bool>,
    /// The events each source reports, in date order: a source shown again
    /// brings its own events back without a look at every other event.
    pub by_source: Vec<Vec<usize>>,
}

/// The drafted events in the less salient half of the drafted ones (by
/// salience, ties to the earlier); events without a salience are never minor.
fn minor_events(timeline: &Timeline) -> Vec<bool> {
    let salience = |i: usize| {
        timeline.events[i]
            .drafted()
            .and_then(|d| d.salience)
            .map(|s| s.get())
    };
    let mut ranked: Vec<(usize, f64)> = (0..timeline.events.len())
        .filter_map(|i| salience(i).map(|s| (i, s)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut minor = vec![false; timeline.events.len()];
    let kept = ranked.len().div_ceil(2);
    for &(i, _) in &ranked[kept..] {
        minor[i] = true;
    }
    minor
}

impl Facts {
    fn new(timeline: &Timeline) -> Facts {
        let mut by_source = vec![Vec::new(); timeline.sources.len()];
        for (i, e) in timeline.events.iter().enumerate() {
            for &s in e.sources() {
                by_source[s].push(i);
            }
        }
        Facts {
            date_width: date_width(timeline),
            counts: by_source.iter().map(Vec::len).collect(),
            minor: minor_events(timeline),
            by_source,
        }
    }
}

/// The widest date label in the list, wide and compact.
fn date_width(timeline: &Timeline) -> [usize; 2] {
    timeline.events.iter().fold([0; 2], |[wide, compact], e| {
        let when = e.when();
        [
            wide.max(short_label_width(when, false)),
            compact.max(short_label_width(when, true)),
        ]
    })
}

/// The width of [`short_label`], without writing it for a date of a
/// four-digit year (at 100,000 events, writing every label was most of the
/// time to lay the list out).
pub fn short_label_width(when: &When, compact: bool) -> usize {
    use chrono::Datelike;
    let (s, e) = (when.start, when.end);
    let four_digits = |d: chrono::NaiveDate| (0..=9999).contains(&d.year());
    if !(four_digits(s) && four_digits(e)) {
        return short_label(when, compact).width();
    }
    match when.precision {
        Precision::Range if s == e => 10,
        Precision::Range if s.year() != e.year() => {
            if compact {
                15
            } else {
                21
            }
        }
        Precision::Range if s.month() != e.month() => 16,
        Precision::Range => 13,
        _ => when.label_width(),
    }
}

/// Facts about the events the source filter lets through, computed once per
/// filter change (and the axis once per width), never per frame.
#[derive(Debug, Clone, Default)]
pub struct Filtered {
    /// For each position in `App::events`, the latest last day up to it: the
    /// list is sorted by first day, so this finds the nearest event to a date
    /// by bisection.
    pub reach: Vec<NaiveDate>,
    /// The axis for the visible events at the axis's width.
    pub strip: Strip,
    /// The positions in `App::events` of the events on which the visible
    /// sources disagree (a computed disagreement between two of them, or a
    /// note a person wrote), ascending: the list's `≠`, `]d` and `[d`.
    pub disagreeing: Vec<usize>,
}

/// Everything the explorer shows, derived from a borrowed timeline.
#[derive(Debug)]
pub struct App<'t> {
    pub timeline: &'t Timeline,
    /// How the sources compare, if worked out: the compare and coverage
    /// views, the list's marker and `]d`/`[d` read it.
    pub comparison: Option<&'t Comparison>,
    /// Whether the sources are still being compared, behind the first
    /// frame; the status bar says so until they are.
    pub comparing: bool,
    /// Whether this is a glance at the story as it was last kept, drawn
    /// while its files are read and checked; the status bar says so, and
    /// keys wait for the story itself.
    pub glance: bool,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Which sources are shown, indexed like the timeline's sources.
    pub visible: Vec<bool>,
    /// Whether minor events ([`Facts::minor`]) are hidden.
    pub hide_minor: bool,
    /// Indices of the events some visible source reports, in date order.
    pub events: Vec<usize>,
    /// Position of the selection in `events`.
    pub selected: usize,
    /// The first list row shown.
    pub offset: usize,
    /// How far the detail pane is scrolled; back to the top on a new selection.
    pub detail_scroll: usize,
    pub view: View,
    pub popup: Option<Popup>,
    /// The keys pressed so far of a sequence (`]` of `]d`).
    pub pending: Vec<Key>,
    /// The coverage of the shown sources while the coverage view is open.
    pub coverage: Option<Covered>,
    /// The active search, highlighted everywhere.
    pub search: Option<Find>,
    /// The search that was active when a search prompt opened.
    pub stashed: Option<Find>,
    /// A one-off note for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// The terminal's size as last reported.
    pub size: Rect,
    pub quit: bool,
    /// Set by Ctrl-Z: the terminal loop hands the terminal back, then clears it.
    pub suspend: bool,
    pub facts: Facts,
    pub filtered: Filtered,
    /// Wrapped rows of the articles opened, by source and width.
    pub articles: HashMap<(usize, usize), ArticleRows>,
    /// For a timeline drafted in memory: how to save it. The title bar says
    /// "draft" as long as it is set.
    pub draft: Option<String>,
    /// What was skipped or left out while loading.
    pub notes: Vec<String>,
}

impl<'t> App<'t> {
    /// Opens on the story's "today": among the events on the newest publication
    /// date of the sources, the one most sources report (else the last event),
    /// with the list scrolled to show as much as possible from there on.
    pub fn new(timeline: &'t Timeline, theme: Theme, size: Rect) -> App<'t> {
        let mut app = App {
            timeline,
            comparison: None,
            comparing: false,
            glance: false,
            keymap: Keymap::default(),
            theme,
            visible: vec![true; timeline.sources.len()],
            hide_minor: false,
            events: (0..timeline.events.len()).collect(),
            selected: 0,
            offset: 0,
            detail_scroll: 0,
            view: View::Main,
            popup: None,
            pending: Vec::new(),
            coverage: None,
            search: None,
            stashed: None,
            message: None,
            size,
            quit: false,
            suspend: false,
            facts: Facts::new(timeline),
            filtered: Filtered::default(),
            articles: HashMap::new(),
            draft: None,
            notes: Vec::new(),
        };
        app.refilter();
        let start = timeline.opening_event();
        app.selected = start;
        let rows = app.list_rows().max(1);
        app.offset = start.min(app.events.len().saturating_sub(rows));
        app.ensure_visible();
        app
    }

    /// With the comparison of the timeline's sources.
    pub fn compared(mut self, comparison: &'t Comparison) -> App<'t> {
        self.comparison = Some(comparison);
        self.refilter();
        self
    }

    /// Whether the visible sources disagree on the event with timeline
    /// index `event`: two of them give different values in a computed
    /// disagreement, or a person wrote that they disagree.
    pub fn disagrees(&self, event: usize) -> bool {
        let shows = |s: usize| self.visible.get(s).copied().unwrap_or(false);
        self.timeline.events[event].disagreement.is_some()
            || self
                .disagreements(event)
                .iter()
                .any(|d| d.values.iter().filter(|v| v.sources().any(shows)).count() >= 2)
    }

    /// Whether the list has a column for the `≠` marker: some event of the
    /// story has a disagreement, computed or written.
    pub fn marks_disagreements(&self) -> bool {
        self.comparison
            .is_some_and(|c| c.events.iter().any(|e| !e.disagreements.is_empty()))
            || self
                .timeline
                .events
                .iter()
                .any(|e| e.disagreement.is_some())
    }

    /// Selects the next (or previous) shown event on which the sources
    /// disagree, around the end of the list like `n`; says so if none.
    pub fn next_disagreement(&mut self, forward: bool) {
        let all = &self.filtered.disagreeing;
        if all.is_empty() {
            self.message = Some(if self.comparing {
                "the sources are still being compared: their disagreements come when done".into()
            } else if self.comparison.is_some() {
                "the shown sources disagree on no event".into()
            } else {
                "no event has a note that its sources disagree".into()
            });
            return;
        }
        let at = self.selected;
        let (pos, wrapped) = if forward {
            match all.iter().find(|&&p| p > at) {
                Some(&p) => (p, false),
                None => (all[0], true),
            }
        } else {
            match all.iter().rev().find(|&&p| p < at) {
                Some(&p) => (p, false),
                None => (all[all.len() - 1], true),
            }
        };
        self.selected = pos;
        let n = all.partition_point(|&p| p < pos) + 1;
        self.message = Some(format!(
            "disagreement {n} of {}{}",
            all.len(),
            if wrapped && all.len() > 1 {
                if forward {
                    " (from the top)"
                } else {
                    " (from the bottom)"
                }
            } else {
                ""
            }
        ));
    }

    /// Comparing the sources failed (a bug in annals): the explorer goes on
    /// without it, with the disagreements written in `timeline.toml`, and
    /// says so.
    pub fn comparison_failed(&mut self, why: &str) {
        self.comparing = false;
        self.message = Some(format!(
            "the sources could not be compared (a bug in annals, please report it: {}); everything else works",
            annals_core::text::sanitize_line(why)
        ));
    }

    /// The comparison, worked out behind the first frame, has arrived: what
    /// depends on it (the `≠` marks, `]d`, an open coverage view) is
    /// derived again.
    pub fn compared_now(&mut self, comparison: &'t Comparison) {
        self.comparison = Some(comparison);
        self.comparing = false;
        self.refilter();
        if self.coverage.is_some() {
            self.coverage = Some(Covered::of(self));
        }
    }

    /// The computed disagreements of the event with timeline index `event`.
    pub fn disagreements(&self, event: usize) -> &'t [Disagreement] {
        self.comparison
            .and_then(|c| c.event(event))
            .map(|c| c.disagreements.as_slice())
            .unwrap_or_default()
    }

    /// Marks the timeline as a draft not saved yet; `how` says how to save
    /// it, and is the status bar's first message.
    pub fn drafted(mut self, how: String) -> App<'t> {
        self.message = Some(how.clone());
        self.draft = Some(how);
        self
    }

    /// Notes on what was skipped or left out while loading: the status bar's
    /// first message, after how to save a draft.
    pub fn noted(mut self, notes: Vec<String>) -> App<'t> {
        if notes.is_empty() {
            return self;
        }
        let all = self.message.iter().chain(&notes).cloned();
        self.message = Some(all.collect::<Vec<_>>().join(" · "));
        self.notes = notes;
        self
    }

    /// The timeline index of the selected event.
    pub fn selected_event(&self) -> Option<usize> {
        self.events.get(self.selected).copied()
    }

    /// Where the event with timeline index `event` is in the list, if shown.
    pub fn position(&self, event: usize) -> Option<usize> {
        // `events` is ascending: a bisection, not a scan.
        self.events.binary_search(&event).ok()
    }

    /// Whether some visible source reports the event.
    pub fn is_shown(&self, event: usize) -> bool {
        self.timeline.events[event]
            .sources()
            .iter()
            .any(|&s| self.visible.get(s).copied().unwrap_or(false))
    }

    /// The visible sources that report the selected event, in its order.
    pub fn event_sources(&self) -> Vec<usize> {
        let Some(e) = self.selected_event() else {
            return Vec::new();
        };
        self.timeline.events[e]
            .sources()
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
            (None, view) => view_mode(view),
        }
    }

    /// The query of the active search.
    pub fn query(&self) -> Option<&str> {
        self.search.as_ref().map(Find::query)
    }

    /// Rows of the event list that show events.
    pub fn list_rows(&self) -> usize {
        layout::main(self.size, self.events.len()).list_rows()
    }

    /// Keeps the selection inside the list's window.
    pub fn ensure_visible(&mut self) {
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

    /// Selects an event by timeline index, if it is shown.
    pub fn select_event(&mut self, event: Option<usize>) {
        if let Some(pos) = event.and_then(|e| self.position(e)) {
            self.selected = pos;
        }
    }

    /// Moves the selection by `delta` rows, within the list.
    pub fn select_by(&mut self, delta: isize) {
        let last = self.events.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Shows or hides the n-th source.
    pub fn toggle_source(&mut self, n: usize) {
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
        // Proportional to what is shown and what the source reports, never
        // to the whole story: the list gains the source's events, or loses
        // those no other shown source reports.
        let events = if visible[n] {
            let hide = |e: usize| self.hide_minor && self.facts.minor[e];
            merged(
                &self.events,
                self.facts.by_source[n]
                    .iter()
                    .copied()
                    .filter(|&e| !hide(e)),
            )
        } else {
            let mut events = self.events.clone();
            events.retain(|&e| {
                self.timeline.events[e]
                    .sources()
                    .iter()
                    .any(|&s| visible[s])
            });
            events
        };
        self.show(visible, events);
    }

    /// Hides the minor events, or shows them again, saying how many are shown.
    pub fn toggle_minor(&mut self) {
        let minor = self.facts.minor.iter().filter(|&&m| m).count();
        if minor == 0 {
            self.message =
                Some("no minor events: none of these events was drafted with a salience".into());
            return;
        }
        self.hide_minor = !self.hide_minor;
        self.set_visible(self.visible.clone());
        let key = self
            .keymap
            .first_key(Mode::Main, Action::ToggleMinor)
            .unwrap_or_else(|| "hide-minor".into());
        self.message = Some(if self.hide_minor {
            format!("{minor} minor events hidden: the most salient shown · {key} shows them")
        } else {
            format!("every event shown · {key} hides the {minor} minor ones")
        });
    }

    /// Changes the source filter, keeping the selected event if it stays visible,
    /// else the nearest one after it.
    pub fn set_visible(&mut self, visible: Vec<bool>) {
        let mut events = self.timeline.visible_events(&visible);
        if self.hide_minor {
            events.retain(|&e| !self.facts.minor[e]);
        }
        self.show(visible, events);
    }

    /// Shows `events` (in date order), the sources `visible` being shown,
    /// keeping the selected event if it stays, else the nearest one after it.
    fn show(&mut self, visible: Vec<bool>, events: Vec<usize>) {
        let keep = self.events.get(self.selected).copied();
        self.visible = visible;
        self.events = events;
        self.selected = match keep {
            Some(e) => {
                let after = self.events.partition_point(|&i| i < e);
                after.min(self.events.len().saturating_sub(1))
            }
            None => 0,
        };
        self.refilter();
        if self.events.is_empty() {
            self.message = Some("every source is hidden: press 0 to show them all".into());
        }
    }

    /// Recomputes what depends on the filter: the reach of the events, the
    /// axis, and how many of the search's matches are shown.
    fn refilter(&mut self) {
        let mut latest = NaiveDate::MIN;
        self.filtered.reach = self
            .events
            .iter()
            .map(|&e| {
                latest = latest.max(self.timeline.events[e].when().end);
                latest
            })
            .collect();
        self.filtered.disagreeing = (0..self.events.len())
            .filter(|&pos| self.disagrees(self.events[pos]))
            .collect();
        self.filtered.strip = Strip::default();
        self.fit_axis();
        if let Some(mut find) = self.search.take() {
            find.recount(|e| self.is_shown(e));
            self.search = Some(find);
        }
    }

    /// Lays the axis out again if the terminal's width changed.
    pub fn fit_axis(&mut self) {
        let width = layout::main(self.size, self.events.len()).axis.width;
        if self.filtered.strip.width != width || self.filtered.strip.cells.is_empty() {
            self.filtered.strip = Strip::new(&self.axis_spans(), width);
        }
    }

    /// The visible events as (index, first day, last day), for the axis.
    pub fn axis_spans(&self) -> Vec<(usize, NaiveDate, NaiveDate)> {
        self.events
            .iter()
            .map(|&e| {
                let w = &self.timeline.events[e].when();
                (e, w.start, w.end)
            })
            .collect()
    }

    /// The position in `events` of the event nearest the span `from..=to`:
    /// one that overlaps it, else the closest by days; ties go to the earlier.
    pub fn nearest(&self, from: NaiveDate, to: NaiveDate) -> Option<usize> {
        let when = |pos: usize| self.timeline.events[self.events[pos]].when();
        // Events before `after` start by `to`; from `after` on, later.
        let after = self
            .events
            .partition_point(|&e| self.timeline.events[e].when().start <= to);
        let before = after.checked_sub(1).map(|last| {
            // Among them the nearest ends latest: the first to reach that far.
            let reach = self.filtered.reach[last];
            let pos = self
                .filtered
                .reach
                .partition_point(|&r| r < reach.min(from));
            (pos, (from - reach).num_days().max(0))
        });
        let later =
            (after < self.events.len()).then(|| (after, (when(after).start - to).num_days()));
        match (before, later) {
            (Some(b), Some(l)) => Some(if l.1 < b.1 { l.0 } else { b.0 }),
            (b, l) => b.or(l).map(|(pos, _)| pos),
        }
    }
}

/// The union of `shown` and `more`, both ascending, ascending and each once.
fn merged(shown: &[usize], more: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(shown.len());
    let mut shown = shown.iter().copied().peekable();
    for e in more {
        while let Some(s) = shown.next_if(|&s| s < e) {
            out.push(s);
        }
        shown.next_if_eq(&e);
        out.push(e);
    }
    out.extend(shown);
    out
}

/// The key table of a screen with no popup over it.
pub fn view_mode(view: &View) -> Mode {
    match view {
        View::Main => Mode::Main,
        View::Passages(_) => Mode::Passages,
        View::Compare(_) => Mode::Compare,
        View::Coverage(_) => Mode::Coverage,
        View::Article(_) => Mode::Article,
    }
}

/// The list's date column: as precise as known, ranges shortened.
pub fn short_label(when: &When, compact: bool) -> String {
    use chrono::Datelike;
    if when.precision != Precision::Range {
        return when.label();
    }
    let (s, e) = (when.start, when.end);
    // A range of one day (written as a table with start = end) is that day.
    if s == e {
        return s.format("%Y-%m-%d").to_string();
    }
    // The end, written only as far as it differs from the start (as ISO
    // 8601 shortens an interval's end): 2001-10-08–11-02, 2001-10-08–12.
    let end = if s.year() != e.year() {
        "%Y-%m-%d"
    } else if s.month() != e.month() {
        "%m-%d"
    } else {
        "%d"
    };
    if compact && end == "%Y-%m-%d" {
        // Across years, a narrow list gives both ends by the month; the
        // detail pane has the days.
        return format!("{}–{}", s.format("%Y-%m"), e.format("%Y-%m"));
    }
    format!("{}–{}", s.format("%Y-%m-%d"), e.format(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    fn synthetic(articles: usize, seed: u64) -> Timeline {
        let story = annals_synth::generate(articles, seed);
        let sources = story
            .sources
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()));
        let files = crate::bundled::in_memory("synth", story.timeline.into_bytes(), sources);
        annals_core::load::load_files(&files).expect("the synthetic story loads")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// A toggle brings back or takes away only what it must: after any
        /// sequence of toggles (with minor events hidden or not), the list is
        /// what working it out from every event gives, and the selection
        /// stays on a shown event.
        #[test]
        fn toggles_show_what_the_whole_story_filtered_shows(
            seed in 1u64..4,
            hide_minor in any::<bool>(),
            toggles in proptest::collection::vec(0usize..12, 1..24),
        ) {
            let timeline = synthetic(12, seed);
            let mut app = App::new(&timeline, Theme::mono(), Rect::new(0, 0, 120, 40));
            app.hide_minor = hide_minor;
            app.set_visible(app.visible.clone());
            let n = timeline.sources.len();
            for t in toggles {
                app.toggle_source(t % n);
                let mut expected = timeline.visible_events(&app.visible);
                if hide_minor {
                    expected.retain(|&e| !app.facts.minor[e]);
                }
                prop_assert_eq!(&app.events, &expected);
                prop_assert!(app.events.is_empty() || app.selected < app.events.len());
            }
        }
    }

    proptest! {
        /// The width worked out is the width of the label written, for
        /// every precision, compact or not, in and out of four-digit years.
        #[test]
        fn a_label_s_width_is_worked_out_without_writing_it(
            start in -1_000_000i32..4_000_000,
            length in 0i32..1_000,
            precision in 0usize..4,
            compact in any::<bool>(),
        ) {
            use annals_core::date::DateSpec;
            let day = |n: i32| chrono::NaiveDate::from_num_days_from_ce_opt(n);
            let (Some(a), Some(b)) = (day(start), day(start.saturating_add(length))) else {
                return Ok(());
            };
            use chrono::Datelike;
            let date = match precision {
                0 => DateSpec::Day(a),
                1 => DateSpec::Month { year: a.year(), month: a.month() },
                2 => DateSpec::Year(a.year()),
                _ => DateSpec::Range(a, b),
            };
            let Ok(event) = annals_core::Event::new("e", "e", date, None) else {
                return Ok(());
            };
            let when = event.when();
            prop_assert_eq!(
                short_label_width(when, compact),
                short_label(when, compact).width(),
                "{:?}", when
            );
        }
    }

    #[test]
    fn merged_is_the_ascending_union() {
        assert_eq!(
            merged(&[1, 4, 6], [0, 4, 5, 9].into_iter()),
            [0, 1, 4, 5, 6, 9]
        );
        assert_eq!(merged(&[], [2, 3].into_iter()), [2, 3]);
        assert_eq!(merged(&[2, 3], std::iter::empty()), [2, 3]);
    }

    fn range(start: (i32, u32, u32), end: (i32, u32, u32)) -> When {
        let day = |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a day");
        When::span(day(start), day(end), Precision::Range)
    }

    /// Either way the list is drawn, a range's end is written as far as it
    /// differs from its start, never cut: the list once showed
    /// "2001-10-08…" for a range into November.
    #[test]
    fn a_short_label_gives_a_ranges_end_as_far_as_it_differs() {
        let cases = [
            // Across months within one year: the end's month and day.
            (
                range((2001, 10, 8), (2001, 11, 2)),
                "2001-10-08–11-02",
                "2001-10-08–11-02",
            ),
            (
                range((2020, 1, 31), (2020, 12, 1)),
                "2020-01-31–12-01",
                "2020-01-31–12-01",
            ),
            // Within one month: the end's day.
            (
                range((2020, 2, 22), (2020, 2, 28)),
                "2020-02-22–28",
                "2020-02-22–28",
            ),
            // Across years: the whole end; narrow, both ends by the month.
            (
                range((2001, 10, 8), (2002, 1, 2)),
                "2001-10-08–2002-01-02",
                "2001-10–2002-01",
            ),
            (
                range((2019, 12, 31), (2020, 1, 1)),
                "2019-12-31–2020-01-01",
                "2019-12–2020-01",
            ),
            // A range of one day is that day.
            (
                range((2020, 2, 29), (2020, 2, 29)),
                "2020-02-29",
                "2020-02-29",
            ),
        ];
        for (when, wide, compact) in cases {
            assert_eq!(short_label(&when, false), wide, "{when:?}");
            assert_eq!(short_label(&when, true), compact, "{when:?} compact");
        }
    }

    /// Days, months and years are written as everywhere else, compact or not.
    #[test]
    fn a_short_label_leaves_days_months_and_years_as_they_are() {
        let day = NaiveDate::from_ymd_opt(2010, 6, 7).expect("a day");
        let month_end = NaiveDate::from_ymd_opt(2010, 6, 30).expect("a day");
        let year_start = NaiveDate::from_ymd_opt(2010, 1, 1).expect("a day");
        let year_end = NaiveDate::from_ymd_opt(2010, 12, 31).expect("a day");
        for (when, label) in [
            (When::day(day), "2010-06-07"),
            (
                When::span(
                    NaiveDate::from_ymd_opt(2010, 6, 1).expect("a day"),
                    month_end,
                    Precision::Month,
                ),
                "2010-06",
            ),
            (When::span(year_start, year_end, Precision::Year), "2010"),
        ] {
            assert_eq!(short_label(&when, false), label);
            assert_eq!(short_label(&when, true), label);
        }
    }
}
