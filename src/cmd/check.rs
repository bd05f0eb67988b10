//! `annals check`: load and check a data folder, listing every problem.

use annals_core::Timeline;
use annals_core::comparison::Comparison;

use annals_core::text::count;

use crate::failure::Failure;
use crate::output;

/// Prints the one-line verdict for a timeline that checked out (or, without
/// a timeline.toml, was drafted in memory), and a line on how its sources
/// compare.
pub fn run(timeline: &Timeline, comparison: &Comparison, drafted: bool) -> Result<(), Failure> {
    output::stdout(|out| {
        let events = count(timeline.events.len(), "event");
        if drafted {
            let articles = count(timeline.sources.len(), "article");
            writeln!(
                out,
                "ok: {articles} read, {events} drafted, every quote found"
            )?;
        } else {
            let sources = count(timeline.sources.len(), "source");
            writeln!(out, "ok: {events} from {sources}, every quote found")?;
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
    let plural = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
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
