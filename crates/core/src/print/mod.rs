//! Printing a timeline for pipes and files: plain text, Markdown and JSON,
//! and exports for other tools: TimelineJS3, iCalendar and CSV.
//!
//! Every format writes to any [`io::Write`] as it goes, so a timeline of a
//! hundred thousand events is never held twice in memory. Text and Markdown
//! share one walk over the events (`walk.rs`); JSON is serialised lazily
//! (`json.rs`). All text from articles and data files passes through the
//! sanitiser (or JSON escaping) on its way out.

mod coverage;
mod csv;
mod ics;
mod json;
mod timelinejs;
mod walk;

pub use walk::drafted_note;

use std::io;

use crate::comparison::{Comparison, Disagreement, EventComparison};
use crate::event::Event;
use crate::timeline::Timeline;

/// When a source was published: the moment where known
/// (`2020-02-29T10:00:00Z`), else the day.
fn published(s: &crate::Source) -> String {
    s.published_at
        .map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
        .unwrap_or_else(|| s.published.to_string())
}

/// An output format of `annals print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One block per event, aligned on the date.
    #[default]
    Text,
    /// Headings and block quotes.
    Markdown,
    /// One JSON document.
    Json,
    /// TimelineJS3's JSON, for Knight Lab's TimelineJS.
    TimelineJs,
    /// iCalendar (RFC 5545), one all-day event an event.
    Ics,
    /// CSV, one row an event.
    Csv,
    /// Which source reports which event, first reports and lags, as text.
    Coverage,
    /// The same coverage as JSON.
    CoverageJson,
}

/// What to print.
#[derive(Debug, Clone)]
pub struct View<'t> {
    /// The timeline.
    pub timeline: &'t Timeline,
    /// Which sources to show, indexed like `timeline.sources`: events no visible
    /// source reports are left out, and so are passages of hidden sources.
    pub visible: Vec<bool>,
    /// Whether to print the passages (and summaries) under each event.
    pub passages: bool,
    /// How the sources compare (first reports, copies, disagreements), if
    /// worked out: every format then shows it.
    pub comparison: Option<&'t Comparison>,
    /// At most this many events: those a person wrote (they have no
    /// salience, and come first), then the drafted ones by salience.
    pub most: Option<usize>,
}

impl<'t> View<'t> {
    /// Every source visible, no passages.
    pub fn new(timeline: &'t Timeline) -> Self {
        View {
            timeline,
            visible: vec![true; timeline.sources.len()],
            passages: false,
            comparison: None,
            most: None,
        }
    }

    /// With the comparison of the timeline's sources.
    pub fn compared(mut self, comparison: &'t Comparison) -> Self {
        self.comparison = Some(comparison);
        self
    }

    /// How the event at `index` of the timeline compares, if known.
    fn compared_event(&self, index: usize) -> Option<&'t EventComparison> {
        self.comparison.and_then(|c| c.event(index))
    }

    /// The indices of the events to print, in date order, and how many of
    /// those the sources show that [`View::most`] leaves out.
    pub fn chosen(&self) -> (Vec<usize>, usize) {
        let mut shown = self.timeline.visible_events(&self.visible);
        let Some(most) = self.most.filter(|&n| n < shown.len()) else {
            return (shown, 0);
        };
        let salience = |i: usize| {
            self.timeline.events[i]
                .drafted()
                .and_then(|d| d.salience)
                .map_or(f64::INFINITY, |s| s.get())
        };
        let mut ranked = shown.clone();
        ranked.sort_by(|&a, &b| salience(b).total_cmp(&salience(a)).then(a.cmp(&b)));
        let mut keep = vec![false; self.timeline.events.len()];
        for &i in &ranked[..most] {
            keep[i] = true;
        }
        let left_out = shown.len() - most;
        shown.retain(|&i| keep[i]);
        (shown, left_out)
    }

    /// The events to print with their indices in the timeline.
    fn indexed_events(&self) -> impl Iterator<Item = (usize, &'t Event)> + '_ {
        self.chosen()
            .0
            .into_iter()
            .map(|i| (i, &self.timeline.events[i]))
    }

    /// Whether passages of `source` are shown.
    fn shows(&self, source: usize) -> bool {
        self.visible.get(source).copied().unwrap_or(false)
    }

    /// "arrival (tied with conditional, pullout, sun), 2020-02-29, 135 days
    /// ahead": who reported the event at `index` first, and its lag.
    pub fn first_note(&self, index: usize) -> Option<String> {
        let c = self.compared_event(index)?;
        let first = c.first.as_ref()?;
        let t = self.timeline;
        let mut note = t.sources[first.source].id.clone();
        if !first.tied.is_empty() {
            let tied: Vec<&str> = first
                .tied
                .iter()
                .map(|&s| t.sources[s].id.as_str())
                .collect();
            note.push_str(&format!(" (tied with {})", tied.join(", ")));
        }
        note.push_str(&format!(", {}", published(&t.sources[first.source])));
        if let Some(lag) = c.lag_days {
            let days = |n: i64| format!("{n} day{}", if n == 1 { "" } else { "s" });
            note.push_str(&match lag {
                0 => ", the same day".to_string(),
                n if n > 0 => format!(", {} after", days(n)),
                n => format!(", {} ahead", days(-n)),
            });
        }
        Some(note)
    }

    /// One disagreement on a line: "how long: “135 days” (conditional) vs …".
    pub fn disagreement_note(&self, d: &Disagreement) -> String {
        d.describe(|s| self.timeline.sources[s].id.as_str())
    }

    /// The computed disagreements of the event at `index`.
    pub fn disagreements(&self, index: usize) -> &'t [Disagreement] {
        self.compared_event(index)
            .map(|c| c.disagreements.as_slice())
            .unwrap_or_default()
    }

    /// Writes the timeline in `format` to `out`.
    pub fn write(&self, format: Format, out: &mut dyn io::Write) -> io::Result<()> {
        match format {
            Format::Text => walk::walk(self, &mut walk::Plain::default(), out),
            Format::Markdown => walk::walk(self, &mut walk::Markdown, out),
            Format::Json => json::write(self, out),
            Format::TimelineJs => timelinejs::write(self, out),
            Format::Ics => ics::write(self, out),
            Format::Csv => self::csv::write(self, out),
            Format::Coverage => coverage::write_text(self, out),
            Format::CoverageJson => coverage::write_json(self, out),
        }
    }

    /// Renders in `format` to a string.
    pub fn render(&self, format: Format) -> String {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.write(format, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }
}
