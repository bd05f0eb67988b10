//! `annals check`: load and check a data folder, listing every problem.

use annals_core::Timeline;

use crate::output::{self, WriteError};

/// Prints the one-line verdict for a timeline that checked out.
pub fn run(timeline: &Timeline) -> Result<(), WriteError> {
    output::stdout(|out| {
        writeln!(
            out,
            "ok: {} events from {} sources, every quote found",
            timeline.events.len(),
            timeline.sources.len()
        )
    })
}
