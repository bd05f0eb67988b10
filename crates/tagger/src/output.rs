//! Output of `annals extract`: the temporal expressions of an article as JSON
//! Lines for machines, or as aligned text for people. Both write as they go.

use std::io::{self, Write};

use annals_core::problem::Locator;
use annals_core::text::sanitize_line;

use crate::timex::Timex;

/// One JSON object per expression, one per line.
pub fn jsonl(out: &mut dyn Write, timexes: &[Timex]) -> io::Result<()> {
    for t in timexes {
        annals_core::json::write_line(&mut *out, t)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One line per expression: `file:line:column  TYPE  value  "text"`, with the
/// modifier and, for anchored durations, the calendar span they cover.
/// `body_line` is the file line on which `body` starts. Positions come from a
/// line index built once, so the cost is linear in the article's length.
pub fn text(
    out: &mut dyn Write,
    name: &str,
    body: &str,
    body_line: usize,
    timexes: &[Timex],
) -> io::Result<()> {
    Text::new(name, body, body_line).write(out, timexes)
}

/// The text output of one article written a batch of expressions at a time
/// (as a long article is tagged piece by piece), with one line index for
/// the whole: values are aligned within a batch, and never narrower than in
/// the batches before it.
pub struct Text<'a> {
    name: String,
    locator: Locator<'a>,
    body_line: usize,
    width: usize,
}

impl<'a> Text<'a> {
    /// For the article `name` whose text, `body`, starts on file line
    /// `body_line`.
    pub fn new(name: &str, body: &'a str, body_line: usize) -> Text<'a> {
        Text {
            name: sanitize_line(name).into_owned(),
            locator: Locator::new(body),
            body_line,
            width: 0,
        }
    }

    /// Writes `timexes`, which come after any written before, in text order.
    pub fn write(&mut self, out: &mut dyn Write, timexes: &[Timex]) -> io::Result<()> {
        let name = &self.name;
        let values: Vec<String> = timexes.iter().map(|t| t.value.to_string()).collect();
        self.width = values.iter().map(String::len).fold(self.width, usize::max);
        let width = self.width;
        for (t, value) in timexes.iter().zip(&values) {
            let mut at = self.locator.position(t.byte_start);
            at.line += self.body_line - 1;
            write!(
                out,
                "{name}:{at}\t{:<8}  {value:<width$}  \u{201C}{}\u{201D}",
                t.kind.as_str(),
                sanitize_line(&t.text)
            )?;
            if let Some(m) = &t.modifier {
                write!(out, "  mod={m}")?;
            }
            if let (Some(start), Some(end)) = (t.resolved_start, t.resolved_end) {
                write!(out, "  covers {start} – {end}")?;
            }
            match (&t.anchor_text, t.anchor) {
                (Some(words), Some(anchor)) => {
                    write!(out, " (from {} = {anchor})", sanitize_line(words))?;
                }
                (None, Some(anchor)) => write!(out, " (from {anchor})")?,
                _ => {}
            }
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}
