//! `annals print`: the timeline as text, Markdown, JSON or an export, to
//! standard output, through a pager on a terminal.

use annals_core::Timeline;
use annals_core::comparison::Comparison;
use annals_core::print::{Format, View};
use annals_core::suggest::with_suggestion;
use annals_core::text::sanitize_line;

use crate::cli::{FormatArg, PrintArgs};
use crate::failure::Failure;
use crate::output;
use crate::pager;

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Timelinejs => Format::TimelineJs,
            FormatArg::Ics => Format::Ics,
            FormatArg::Csv => Format::Csv,
            FormatArg::Coverage => Format::Coverage,
            FormatArg::CoverageJson => Format::CoverageJson,
        }
    }
}

/// The source `--source` names: its id exactly, else the one id that
/// matches it ignoring case, else the one that starts with it ignoring case
/// (ids made from file names are long: `-s apple-swamped` will do). Several
/// that start with it are `Err(Some(ids))`; none, `Err(None)`.
fn find_source<'t>(timeline: &'t Timeline, id: &str) -> Result<usize, Option<Vec<&'t str>>> {
    if let Some(i) = timeline.source_index(id) {
        return Ok(i);
    }
    let lower = id.to_lowercase();
    let ids = || timeline.sources.iter().map(|s| s.id.as_str()).enumerate();
    let same: Vec<usize> = ids()
        .filter(|(_, s)| s.to_lowercase() == lower)
        .map(|(i, _)| i)
        .collect();
    if let [one] = same.as_slice() {
        return Ok(*one);
    }
    let starting: Vec<(usize, &str)> = ids()
        .filter(|(_, s)| s.to_lowercase().starts_with(&lower))
        .collect();
    match starting.as_slice() {
        [] => Err(None),
        [(one, _)] => Ok(*one),
        many => Err(Some(many.iter().map(|(_, s)| *s).collect())),
    }
}

/// Prints `timeline` as `args` ask, with how its sources compare.
pub fn run(timeline: &Timeline, comparison: &Comparison, args: &PrintArgs) -> Result<(), Failure> {
    let mut view = View::new(timeline).compared(comparison);
    view.passages = args.passages;
    view.most = args.events;
    if !args.sources.is_empty() {
        view.visible = vec![false; timeline.sources.len()];
        for id in &args.sources {
            match find_source(timeline, id) {
                Ok(i) => view.visible[i] = true,
                Err(Some(several)) => {
                    return Err(Failure::Usage(format!(
                        "`{}` could be any of {} sources: {}\n    give more of the id",
                        sanitize_line(id),
                        several.len(),
                        sanitize_line(&several.join(", "))
                    )));
                }
                Err(None) => {
                    let ids = timeline.sources.iter().map(|s| s.id.as_str());
                    let known: Vec<&str> = ids.clone().collect();
                    let help =
                        with_suggestion(id, ids, format!("known sources: {}", known.join(", ")));
                    return Err(Failure::Usage(format!(
                        "unknown source `{}`\n    {}",
                        sanitize_line(id),
                        sanitize_line(&help)
                    )));
                }
            }
        }
    }
    let format = Format::from(args.format);
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        let text = view.render(format);
        if let Some(pager) = pager::choose(&text, args.no_pager) {
            return pager::page(&pager, text.as_bytes())
                .map_err(|error| Failure::Io { path: None, error });
        }
        return output::stdout(|out| out.write_all(text.as_bytes()));
    }
    output::stdout(|out| view.write(format, out))
}
