//! `annals check`: load and check a data folder, listing every problem.

use annals_core::Timeline;

use crate::failure::Failure;
use crate::output;

/// Prints the one-line verdict for a timeline that checked out (or, without
/// a timeline.toml, was drafted in memory).
pub fn run(timeline: &Timeline, drafted: bool) -> Result<(), Failure> {
    output::stdout(|out| {
        let (events, sources) = (timeline.events.len(), timeline.sources.len());
        if drafted {
            writeln!(
                out,
                "ok: {sources} articles read, {events} events drafted, every quote found"
            )
        } else {
            writeln!(
                out,
                "ok: {events} events from {sources} sources, every quote found"
            )
        }
    })
}
