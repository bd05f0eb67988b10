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

/// Prints `timeline` as `args` ask, with how its sources compare.
pub fn run(timeline: &Timeline, comparison: &Comparison, args: &PrintArgs) -> Result<(), Failure> {
    let mut view = View::new(timeline).compared(comparison);
    view.passages = args.passages;
    view.most = args.events;
    if !args.sources.is_empty() {
        view.visible = vec![false; timeline.sources.len()];
        for id in &args.sources {
            match timeline.source_index(id) {
                Some(i) => view.visible[i] = true,
                None => {
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
