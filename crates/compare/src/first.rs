//! Who reported an event first, and how long after (or before) it happened.
//!
//! Sources are ordered by publication date and, where both give one, by the
//! time of publication. A source that gives only a date ties with every
//! source published that day, since either may have come first.

use std::cmp::Ordering;

use annals_core::comparison::FirstReport;
use annals_core::{Event, Source};

/// The first report of `event`: the earliest of its sources, with those it
/// ties with. `None` for an event no source reports.
pub fn first_report(event: &Event, sources: &[Source]) -> Option<FirstReport> {
    let earliest_day = event
        .sources()
        .iter()
        .map(|&s| sources[s].published)
        .min()?;
    let same_day: Vec<usize> = event
        .sources()
        .iter()
        .copied()
        .filter(|&s| sources[s].published == earliest_day)
        .collect();
    // Among the sources of that day, one with a time is beaten by an earlier
    // time; a source without one can be beaten by nothing and beat nothing.
    let earliest_time = same_day
        .iter()
        .filter_map(|&s| published_at(&sources[s]))
        .min();
    let mut first: Vec<usize> = same_day
        .into_iter()
        .filter(|&s| match (published_at(&sources[s]), earliest_time) {
            (Some(at), Some(earliest)) => at == earliest,
            _ => true,
        })
        .collect();
    first.sort_by(|&a, &b| by_id(&sources[a], &sources[b]));
    let source = first.remove(0);
    Some(FirstReport {
        source,
        tied: first,
    })
}

/// The first publication minus the event's start, in days.
pub fn lag_days(event: &Event, sources: &[Source]) -> Option<i64> {
    let first = event
        .sources()
        .iter()
        .map(|&s| sources[s].published)
        .min()?;
    Some((first - event.when().start).num_days())
}

/// When the article was published, to the second, where it says.
pub fn published_at(source: &Source) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    source.published_at
}

/// Sources in publication order, a total order: by date, then time (one
/// without a time before those with one that day), then id.
pub fn by_publication(a: &Source, b: &Source) -> Ordering {
    a.published
        .cmp(&b.published)
        .then_with(|| published_at(a).cmp(&published_at(b)))
        .then_with(|| by_id(a, b))
}

fn by_id(a: &Source, b: &Source) -> Ordering {
    a.id.cmp(&b.id)
}
