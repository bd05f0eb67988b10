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

    /// The paragraph a passage sits in (empty if its article is not at
    /// hand, as in a glance at a story not yet read).
    pub fn paragraph(&self, passage: &Passage) -> &str {
        self.text(passage.source(), passage.paragraph())
    }

    /// The quoted words of a passage, exactly as the article has them
    /// (empty if its article is not at hand).
    pub fn quote(&self, passage: &Passage) -> &str {
        self.text(passage.source(), passage.quote())
    }

    fn text(&self, source: usize, range: std::ops::Range<usize>) -> &str {
        self.sources
            .get(source)
            .and_then(|s| s.body().get(range))
            .unwrap_or_default()
    }

    /// The event a reader opens the story on: of the events on the day of
    /// the latest article, the one most sources report (the first of
    /// those); the last event when none is on that day; 0 when there are
    /// no events.
    pub fn opening_event(&self) -> usize {
        let today = self.sources.iter().map(|s| s.published).max();
        today
            .and_then(|day| {
                // Events are in date order: those of `today` are one run.
                let from = self.events.partition_point(|e| e.when().start < day);
                let to = self.events.partition_point(|e| e.when().start <= day);
                // The first of the best: `max_by_key` keeps the last, so reverse.
                (from..to)
                    .rev()
                    .max_by_key(|&i| self.events[i].sources().len())
            })
            .unwrap_or(self.events.len().saturating_sub(1))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::DateSpec;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 2, d).unwrap()
    }

    /// Two articles, of the 27th and the 28th; an event on the 26th, two
    /// on the 28th (the second reported by both), and one on the 29th.
    fn story() -> Timeline {
        let sources = vec![
            Source::new("a", day(27), "Talks went on. The deal was signed."),
            Source::new("b", day(28), "The deal was signed in Doha."),
        ];
        let event = |id: &str, d: u32, quotes: &[(usize, &str)]| {
            let passages = quotes
                .iter()
                .map(|&(s, q)| {
                    let at = sources[s].body().find(q).unwrap();
                    Passage::new(s, &sources[s], at..at + q.len())
                })
                .collect();
            Event::new(id, id, DateSpec::Day(day(d)), None)
                .unwrap()
                .with_passages(passages)
        };
        let events = vec![
            event("talks", 26, &[(0, "Talks went on.")]),
            event("one", 28, &[(1, "in Doha")]),
            event("both", 28, &[(0, "The deal was signed."), (1, "The deal")]),
            event("later", 29, &[]),
        ];
        Timeline {
            title: "t".into(),
            summary: None,
            sources,
            events,
        }
    }

    #[test]
    fn the_story_opens_on_the_best_reported_event_of_the_latest_article_s_day() {
        let mut t = story();
        assert_eq!(t.opening_event(), 2);
        // No event on that day: the last event.
        t.events.truncate(1);
        assert_eq!(t.opening_event(), 0);
        t.events.clear();
        assert_eq!(t.opening_event(), 0);
    }

    #[test]
    fn a_passage_whose_article_is_not_at_hand_reads_as_empty() {
        let mut t = story();
        let passage = t.events[2].passages()[0].clone();
        assert_eq!(t.quote(&passage), "The deal was signed.");
        assert_eq!(t.paragraph(&passage), "Talks went on. The deal was signed.");
        t.sources[0] = t.sources[0].clone().with_body("");
        assert_eq!(t.quote(&passage), "");
        assert_eq!(t.paragraph(&passage), "");
        t.sources.clear();
        assert_eq!(t.quote(&passage), "");
    }
}
