//! Printing a timeline for pipes and files: plain text, Markdown and JSON,
//! and exports for other tools: TimelineJS3, iCalendar and CSV.
//!
//! Every format writes to any [`io::Write`] as it goes, so a timeline of a
//! hundred thousand events is never held twice in memory. Text and Markdown
//! share one walk over the events (`walk.rs`); JSON is serialised lazily
//! (`json.rs`). All text from articles and data files passes through the
//! sanitiser (or JSON escaping) on its way out.

mod csv;
mod ics;
mod json;
mod timelinejs;
mod walk;

pub use walk::drafted_note;

use std::io;

use crate::event::Event;
use crate::timeline::Timeline;

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
}

impl<'t> View<'t> {
    /// Every source visible, no passages.
    pub fn new(timeline: &'t Timeline) -> Self {
        View {
            timeline,
            visible: vec![true; timeline.sources.len()],
            passages: false,
        }
    }

    /// The events to print, in date order.
    fn events(&self) -> impl Iterator<Item = &'t Event> + '_ {
        self.timeline
            .visible_events(&self.visible)
            .into_iter()
            .map(|i| &self.timeline.events[i])
    }

    /// Whether passages of `source` are shown.
    fn shows(&self, source: usize) -> bool {
        self.visible.get(source).copied().unwrap_or(false)
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
