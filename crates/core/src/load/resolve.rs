//! Resolving relative dates in dependency order ("signing + 135 days" needs
//! the signing first), reporting unknown anchors and cycles, and putting the
//! events in date order.

use rustc_hash::FxHashMap;
use std::path::Path;

use crate::date::DateSpec;
use crate::event::{Event, Origin, Passage};
use crate::problem::Problems;
use crate::problem::{Position, Problem};
use crate::suggest::with_suggestion;

/// An event as read from `timeline.toml`, before dates are resolved. It
/// keeps the positions of its id and date, so that the file's text can be
/// let go before dates are resolved.
pub(super) struct RawEvent {
    pub id: String,
    pub id_at: Position,
    pub title: String,
    /// `None` when the date could not be read (already reported).
    pub date: Option<DateSpec>,
    pub date_at: Position,
    pub summary: Option<String>,
    pub disagreement: Option<String>,
    pub tags: Vec<String>,
    pub passages: Vec<Passage>,
    pub origin: Origin,
}

/// Resolves relative dates in dependency order, reporting unknown anchors and
/// cycles, and returns the events sorted by date.
pub(super) fn resolve(file: &Path, raw: Vec<RawEvent>, problems: &mut Problems) -> Vec<Event> {
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let mut duplicate = vec![false; raw.len()];
    for (i, e) in raw.iter().enumerate() {
        if let Some(&first) = index.get(e.id.as_str()) {
            duplicate[i] = true;
            problems.push(
                Problem::new(file, e.id_at, format!("duplicate event id `{}`", e.id)).with_help(
                    format!(
                        "line {} already uses it; give each event its own id",
                        raw[first].id_at.line
                    ),
                ),
            );
        } else {
            index.insert(&e.id, i);
        }
    }
    // First the order: each event after the one it counts from, with
    // unknown anchors and cycles reported; the events whose chain of
    // anchors reaches an absolute date are then built in that order, each
    // resolving its date against its anchor's.
    #[derive(Clone, Copy)]
    enum State {
        Todo,
        Busy,
        Done,
    }
    let mut state = vec![State::Todo; raw.len()];
    let mut anchor_of: Vec<Option<usize>> = vec![None; raw.len()];
    let mut order: Vec<usize> = Vec::with_capacity(raw.len());
    let mut failed = vec![false; raw.len()];
    for root in 0..raw.len() {
        // Each event has at most one anchor, so following anchors walks a path;
        // an explicit stack keeps long chains from exhausting the call stack.
        let mut path = vec![root];
        while let Some(&current) = path.last() {
            match state[current] {
                State::Done => {
                    path.pop();
                    continue;
                }
                // Its anchor has been ordered since it was pushed.
                State::Busy => {}
                State::Todo => {
                    state[current] = State::Busy;
                    if let Some(anchor) = raw[current].date.as_ref().and_then(DateSpec::anchor) {
                        match index.get(anchor) {
                            None => {
                                let help = with_suggestion(
                                    anchor,
                                    raw.iter().map(|e| e.id.as_str()),
                                    "a relative date names the id of another event".to_string(),
                                );
                                problems.push(
                                    Problem::new(
                                        file,
                                        raw[current].date_at,
                                        format!("unknown event `{anchor}` in relative date"),
                                    )
                                    .with_help(help),
                                );
                                state[current] = State::Done;
                                failed[current] = true;
                                path.pop();
                                continue;
                            }
                            Some(&next) => {
                                anchor_of[current] = Some(next);
                                match state[next] {
                                    State::Todo => {
                                        path.push(next);
                                        continue;
                                    }
                                    State::Busy => {
                                        let from =
                                            path.iter().position(|&p| p == next).unwrap_or(0);
                                        let cycle: Vec<&str> = path[from..]
                                            .iter()
                                            .chain(std::iter::once(&next))
                                            .map(|&i| raw[i].id.as_str())
                                            .collect();
                                        problems.push(
                                            Problem::new(
                                                file,
                                                raw[current].date_at,
                                                format!(
                                                    "relative dates form a cycle: {}",
                                                    cycle.join(" → ")
                                                ),
                                            )
                                            .with_help("give one of these events an absolute date"),
                                        );
                                        for &i in &path[from..] {
                                            state[i] = State::Done;
                                            failed[i] = true;
                                        }
                                        path.truncate(from);
                                        continue;
                                    }
                                    State::Done => {}
                                }
                            }
                        }
                    }
                }
            }
            // Its anchor, if any, is ordered (or failed, and this one with it).
            state[current] = State::Done;
            failed[current] =
                raw[current].date.is_none() || anchor_of[current].is_some_and(|a| failed[a]);
            if !failed[current] {
                order.push(current);
            }
            path.pop();
        }
    }
    drop(index);
    let mut raw: Vec<Option<RawEvent>> = raw.into_iter().map(Some).collect();
    let mut built: Vec<Option<Event>> = Vec::with_capacity(raw.len());
    built.resize_with(raw.len(), || None);
    for i in order {
        let Some(e) = raw[i].take() else { continue };
        let Some(date) = e.date else { continue };
        let anchor = match anchor_of[i] {
            Some(a) => match &built[a] {
                Some(anchor) => Some(anchor.when()),
                // The anchor's date failed and has its own message.
                None => continue,
            },
            None => None,
        };
        match Event::new(e.id, e.title, date, anchor) {
            Ok(event) => {
                built[i] = Some(
                    event
                        .with_summary(e.summary)
                        .with_disagreement(e.disagreement)
                        .with_tags(e.tags)
                        .with_passages(e.passages)
                        .with_origin(e.origin),
                );
            }
            Err(err) => {
                problems.push(Problem::new(file, e.date_at, err.message).with_help(err.help))
            }
        }
    }
    drop(raw);
    // Sized up front: growing by doubling would copy every event and leave
    // up to half the vector unused, at 100,000 events tens of megabytes.
    let mut events: Vec<Event> = Vec::with_capacity(built.len());
    events.extend(
        built
            .into_iter()
            .zip(duplicate)
            .filter_map(|(event, dup)| event.filter(|_| !dup)),
    );
    // Sorting small keys and then moving the events into place is much
    // cheaper than a stable sort moving whole events about, and needs no
    // second vector of events; equal dates keep the order of the file.
    let mut order: Vec<(chrono::NaiveDate, usize)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.when().start, i))
        .collect();
    order.sort_unstable();
    let mut from: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
    permute(&mut events, &mut from);
    events
}

/// Puts `items[from[k]]` at position `k` for every `k`, in place: each cycle
/// of the permutation is walked once with swaps. `from` is used up as the
/// record of positions already done.
fn permute<T>(items: &mut [T], from: &mut [usize]) {
    debug_assert_eq!(items.len(), from.len());
    for start in 0..from.len() {
        let mut at = start;
        while from[at] != at {
            let next = from[at];
            from[at] = at;
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::permute;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn permute_puts_each_item_where_the_order_says(
            keys in proptest::collection::vec(0u8..6, 0..40)
        ) {
            let mut from: Vec<usize> = (0..keys.len()).collect();
            from.sort_by_key(|&i| keys[i]);
            let want: Vec<(u8, usize)> = from.iter().map(|&i| (keys[i], i)).collect();
            let mut items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            permute(&mut items, &mut from);
            prop_assert_eq!(items, want);
        }
    }
}
