//! Output of `annals extract`: the temporal expressions of an article as JSON
//! Lines for machines, or as aligned text for people.

use std::fmt::Write as _;

use crate::Timex;
use annals_core::Position;
use annals_core::text::sanitize_line;

/// One JSON object per expression, one per line.
pub fn jsonl(timexes: &[Timex]) -> String {
    let mut out = String::new();
    for t in timexes {
        // Serialising plain strings, numbers and dates cannot fail.
        if let Ok(line) = serde_json::to_string(t) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// One line per expression: `file:line:column  TYPE  value  "text"`, with the
/// modifier and, for anchored durations, the calendar span they cover.
/// `body_line` is the file line on which `body` starts.
pub fn text(name: &str, body: &str, body_line: usize, timexes: &[Timex]) -> String {
    let mut out = String::new();
    let width = timexes.iter().map(|t| t.value.len()).max().unwrap_or(0);
    for t in timexes {
        let mut at = Position::of_offset(body, t.byte_start);
        at.line += body_line - 1;
        let _ = write!(
            out,
            "{name}:{at}\t{:<8}  {:<width$}  \u{201C}{}\u{201D}",
            t.kind.as_str(),
            t.value,
            sanitize_line(&t.text)
        );
        if let Some(m) = &t.modifier {
            let _ = write!(out, "  mod={m}");
        }
        if let (Some(start), Some(end)) = (t.resolved_start, t.resolved_end) {
            let _ = write!(out, "  covers {start} – {end}");
        }
        match (&t.anchor_text, t.anchor) {
            (Some(words), Some(anchor)) => {
                let _ = write!(out, " (from {} = {anchor})", sanitize_line(words));
            }
            (None, Some(anchor)) => {
                let _ = write!(out, " (from {anchor})");
            }
            _ => {}
        }
        out.push('\n');
    }
    out
}
