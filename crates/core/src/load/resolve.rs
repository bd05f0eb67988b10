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
use crate::when::When;

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
    #[derive(Clone)]
    enum State {
        Todo,
        Busy,
        Done(Option<When>),
    }
    let mut state = vec![State::Todo; raw.len()];
    for root in 0..raw.len() {
        // Each event has at most one anchor, so following anchors walks a path;
        // an explicit stack keeps long chains from exhausting the call stack.
        let mut path = vec![root];
        while let Some(&current) = path.last() {
            match state[current] {
                State::Done(_) => {
                    path.pop();
                    continue;
                }
                // Its anchor has been resolved since it was pushed.
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
                                state[current] = State::Done(None);
                                path.pop();
                                continue;
                            }
                            Some(&next) => match state[next] {
                                State::Todo => {
                                    path.push(next);
                                    continue;
                                }
                                State::Busy => {
                                    let from = path.iter().position(|&p| p == next).unwrap_or(0);
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
                                        state[i] = State::Done(None);
                                    }
                                    path.truncate(from);
                                    continue;
                                }
                                State::Done(_) => {}
                            },
                        }
                    }
                }
            }
            let Some(date) = &raw[current].date else {
                state[current] = State::Done(None);
                path.pop();
                continue;
            };
            let when = match date.absolute() {
                Some(result) => Some(result),
                None => date
                    .anchor()
                    .and_then(|a| index.get(a))
                    .and_then(|&i| match &state[i] {
                        State::Done(Some(anchor)) => Some(date.resolve(anchor)),
                        _ => None,
                    }),
            };
            state[current] = State::Done(match when {
                Some(Ok(w)) => Some(w),
                Some(Err(e)) => {
                    problems.push(
                        Problem::new(file, raw[current].date_at, e.message).with_help(e.help),
                    );
                    None
                }
                // The anchor failed and has its own message.
                None => None,
            });
            path.pop();
        }
    }
    // Sized up front: growing by doubling would copy every event and leave
    // up to half the vector unused, at 100,000 events tens of megabytes.
    let mut events: Vec<Event> = Vec::with_capacity(raw.len());
    events.extend(
        raw.into_iter()
            .zip(state)
            .zip(duplicate)
            .filter_map(|((e, state), dup)| {
                let State::Done(Some(when)) = state else {
                    return None;
                };
                if dup {
                    return None;
                }
                let sources = Event::sources_of(&e.passages);
                Some(Event {
                    id: e.id,
                    title: e.title,
                    date: e.date?,
                    when,
                    summary: e.summary,
                    disagreement: e.disagreement,
                    tags: e.tags,
                    passages: e.passages,
                    sources,
                    origin: e.origin,
                })
            }),
    );
    // Sorting small keys and then moving the events into place is much
    // cheaper than a stable sort moving whole events about, and needs no
    // second vector of events; equal dates keep the order of the file.
    let mut order: Vec<(chrono::NaiveDate, usize)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.when.start, i))
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
