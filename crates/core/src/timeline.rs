//! The timeline: a story's sources and its events in date order.

use crate::event::{Event, Passage};
use crate::source::Source;

/// A loaded, checked timeline. Events are sorted by start date; events that
/// start on the same day keep the order of the data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The story's title.
    pub title: String,
    /// A few sentences about the story.
    pub summary: Option<String>,
    /// The articles, ordered by id.
    pub sources: Vec<Source>,
    /// The events, in date order.
    pub events: Vec<Event>,
}

impl Timeline {
    /// The index of the source with this id.
    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id)
    }

    /// The index of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    /// The paragraph a passage sits in.
    pub fn paragraph(&self, passage: &Passage) -> &str {
        &self.sources[passage.source()].body()[passage.paragraph()]
    }

    /// The quoted words of a passage, exactly as the article has them.
    pub fn quote(&self, passage: &Passage) -> &str {
        &self.sources[passage.source()].body()[passage.quote()]
    }

    /// Indices of the events reported by at least one source in `visible`
    /// (indexed like [`Timeline::sources`]).
    pub fn visible_events(&self, visible: &[bool]) -> Vec<usize> {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.sources()
                    .iter()
                    .any(|&s| visible.get(s).copied().unwrap_or(false))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// How many events each source reports, indexed like [`Timeline::sources`].
    pub fn event_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.sources.len()];
        for event in &self.events {
            for &s in event.sources() {
                counts[s] += 1;
            }
        }
        counts
    }
}
