//! `annals check`: load and check a data folder, listing every problem.

use annals_core::Timeline;
use annals_core::comparison::Comparison;

use crate::failure::Failure;
use crate::output;

/// Prints the one-line verdict for a timeline that checked out (or, without
/// a timeline.toml, was drafted in memory), and a line on how its sources
/// compare.
pub fn run(timeline: &Timeline, comparison: &Comparison, drafted: bool) -> Result<(), Failure> {
    output::stdout(|out| {
        let (events, sources) = (timeline.events.len(), timeline.sources.len());
        if drafted {
            writeln!(
                out,
                "ok: {sources} articles read, {events} events drafted, every quote found"
            )?;
        } else {
            writeln!(
                out,
                "ok: {events} events from {sources} sources, every quote found"
            )?;
        }
        writeln!(out, "{}", compared(comparison))
    })
}

/// "compared: 4 independent sources (1 more is a copy of another); computed
/// disagreements on 1 event and 2 facts of the story (annals print --passages
/// shows them)".
pub fn compared(c: &Comparison) -> String {
    let copies = c.copy_of.iter().filter(|o| o.is_some()).count();
    let independent = c.copy_of.len() - copies;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "compared: {}",
        plural(independent, "independent source", "independent sources")
    );
    if copies > 0 {
        line.push_str(&format!(
            " ({} of another)",
            plural(copies, "more is a copy", "more are copies")
        ));
    }
    let events = c
        .events
        .iter()
        .filter(|e| !e.disagreements.is_empty())
        .count();
    if events == 0 && c.story.is_empty() {
        line.push_str("; no computed disagreement");
    } else {
        line.push_str(&format!(
            "; computed disagreements on {} and {} of the story (annals print --passages shows them)",
            plural(events, "event", "events"),
            plural(c.story.len(), "fact", "facts")
        ));
    }
    line
}
