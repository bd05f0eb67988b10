//! Events: what happened, when, and the passages of the articles that say so.

use std::ops::Range;

use crate::date::DateSpec;
use crate::when::When;

/// A quote located in a source: the paragraph that holds it and the quote itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Index of the source in [`crate::Timeline::sources`].
    pub source: usize,
    /// Byte range of the paragraph in the source body.
    pub paragraph: Range<usize>,
    /// Byte range of the quote in the source body.
    pub quote: Range<usize>,
}

/// One dated event of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Short id, used by relative dates ("signing + 135 days").
    pub id: String,
    /// One line saying what happened.
    pub title: String,
    /// The date as written in the data: a day, month, year, range or relative date.
    pub date: DateSpec,
    /// The date as computed, as precisely as known.
    pub when: When,
    /// A few sentences of context.
    pub summary: Option<String>,
    /// Where the sources disagree about this event.
    pub disagreement: Option<String>,
    /// Free-form tags.
    pub tags: Vec<String>,
    /// The evidence, ordered by source then position in the source.
    pub passages: Vec<Passage>,
    /// Indices of the sources that report it, in source order, each once.
    pub sources: Vec<usize>,
}

impl Event {
    /// Whether `source` reports this event.
    pub fn reported_by(&self, source: usize) -> bool {
        self.sources.contains(&source)
    }
}
