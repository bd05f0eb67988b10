//! Coverage: which source reports which event, what only one source reports,
//! and each source's first reports and lags, as text (a table of sources and
//! a matrix of events by sources) and as JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::View;
use crate::comparison::{Comparison, Coverage};
use crate::text::sanitize_line;

/// Above this many sources the text matrix gives counts instead of a column
/// per source, which no terminal is wide enough for.
const MATRIX_COLUMNS: usize = 40;

/// Writes the coverage of `view` as text.
pub(super) fn write_text(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let t = view.timeline;
    let none = Comparison::default();
    let comparison = view.comparison.unwrap_or(&none);
    let cov = Coverage::of(t, comparison, &view.visible);
    writeln!(out, "Coverage: {}", sanitize_line(&t.title))?;
    writeln!(
        out,
        "{} from {} ({} independent); {} told by one source only",
        crate::text::count(cov.events.len(), "event"),
        crate::text::count(cov.sources.len(), "source"),
        cov.independent,
        cov.only_one.len()
    )?;
    let id_width = cov
        .sources
        .iter()
        .map(|r| t.sources[r.source].id.chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 32);
    writeln!(
        out,
        "\n{:>4}  {:id_width$}  published   events  first  tied  only here  median lag  behind first  copy of",
        "#", "source"
    )?;
    for (n, r) in cov.sources.iter().enumerate() {
        let s = &t.sources[r.source];
        let copy = comparison
            .copy_of
            .get(r.source)
            .copied()
            .flatten()
            .map(|o| sanitize_line(&t.sources[o].id).into_owned())
            .unwrap_or_default();
        let row = format!(
            "{:>4}  {:id_width$}  {}  {:>6}  {:>5}  {:>4}  {:>9}  {:>10}  {:>12}  {}",
            n + 1,
            clip(&sanitize_line(&s.id), id_width),
            s.published,
            r.events,
            r.first,
            r.tied_first,
            r.only_here,
            days(r.median_lag_days),
            days(r.median_behind_first_days),
            copy
        );
        writeln!(out, "{}", row.trim_end())?;
    }
    let label_width = cov
        .events
        .iter()
        .map(|&e| t.events[e].when().label_width())
        .max()
        .unwrap_or(0);
    let event_width = 28;
    let columns = cov.sources.len() <= MATRIX_COLUMNS;
    if columns {
        writeln!(
            out,
            "\nWhich source reports which event (● reports it, ○ a copy of another reports it):"
        )?;
        let numbers: Vec<String> = (1..=cov.sources.len())
            .map(|n| (n % 10).to_string())
            .collect();
        writeln!(
            out,
            "{:label_width$}  {:event_width$}  {}",
            "",
            "",
            numbers.join(" ")
        )?;
    } else {
        writeln!(
            out,
            "\nHow many sources report each event ({} sources are too many for a column each; \
             `--format coverage-json` lists them):",
            cov.sources.len()
        )?;
    }
    for &e in &cov.events {
        let event = &t.events[e];
        let label = event.when().label();
        let cells = if columns {
            cov.sources
                .iter()
                .map(|r| {
                    if !event.reported_by(r.source) {
                        "·"
                    } else if comparison
                        .copy_of
                        .get(r.source)
                        .copied()
                        .flatten()
                        .is_some()
                    {
                        "○"
                    } else {
                        "●"
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            let shown = cov
                .sources
                .iter()
                .filter(|r| event.reported_by(r.source))
                .count();
            format!("{shown} sources")
        };
        writeln!(
            out,
            "{label:label_width$}  {:event_width$}  {cells}",
            clip(&sanitize_line(&event.id), event_width)
        )?;
    }
    if columns {
        let key: Vec<String> = cov
            .sources
            .iter()
            .enumerate()
            .map(|(n, r)| format!("{} {}", n + 1, sanitize_line(&t.sources[r.source].id)))
            .collect();
        writeln!(out, "{}", key.join("  "))?;
    }
    if !cov.only_one.is_empty() {
        writeln!(out, "\nTold by one source only:")?;
        for &e in &cov.only_one {
            let event = &t.events[e];
            let ids: Vec<&str> = event
                .sources()
                .iter()
                .filter(|&&s| view.shows(s))
                .map(|&s| t.sources[s].id.as_str())
                .collect();
            writeln!(
                out,
                "{:label_width$}  {:event_width$}  {}",
                event.when().label(),
                clip(&sanitize_line(&event.id), event_width),
                sanitize_line(&ids.join(", "))
            )?;
        }
    }
    Ok(())
}

/// At most `width` characters of `text`, with `…` where cut.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width - 1).collect();
    cut.push('…');
    cut
}

/// "12 days", "-425 days", "2.5 days", or "–" for none.
fn days(value: Option<f64>) -> String {
    match value {
        None => "–".into(),
        Some(v) if v.fract() == 0.0 => format!("{v:.0} days"),
        Some(v) => format!("{v:.1} days"),
    }
}

#[derive(Serialize)]
struct Doc<'a> {
    title: &'a str,
    independent_sources: usize,
    sources: Vec<JsonSource<'a>>,
    events: Vec<JsonEvent<'a>>,
    only_one_source: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    outlet: Option<&'a str>,
    published: String,
    copy_of: Option<&'a str>,
    events: usize,
    first_reports: usize,
    tied_first_reports: usize,
    only_here: usize,
    median_lag_days: Option<f64>,
    median_days_behind_first: Option<f64>,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    id: &'a str,
    start: String,
    end: String,
    sources: Vec<&'a str>,
    independent_sources: usize,
    first_reported: Option<&'a str>,
    lag_days: Option<i64>,
}

/// Writes the coverage of `view` as JSON.
pub(super) fn write_json(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let t = view.timeline;
    let none = Comparison::default();
    let comparison = view.comparison.unwrap_or(&none);
    let cov = Coverage::of(t, comparison, &view.visible);
    let id = |s: usize| t.sources[s].id.as_str();
    let doc = Doc {
        title: &t.title,
        independent_sources: cov.independent,
        sources: cov
            .sources
            .iter()
            .map(|r| {
                let s = &t.sources[r.source];
                JsonSource {
                    id: &s.id,
                    outlet: s.outlet.as_deref(),
                    published: s.published.to_string(),
                    copy_of: comparison.copy_of.get(r.source).copied().flatten().map(id),
                    events: r.events,
                    first_reports: r.first,
                    tied_first_reports: r.tied_first,
                    only_here: r.only_here,
                    median_lag_days: r.median_lag_days,
                    median_days_behind_first: r.median_behind_first_days,
                }
            })
            .collect(),
        events: cov
            .events
            .iter()
            .map(|&e| {
                let event = &t.events[e];
                let (start, end) = event.when().bounds();
                let compared = comparison.event(e);
                JsonEvent {
                    id: &event.id,
                    start,
                    end,
                    sources: event
                        .sources()
                        .iter()
                        .filter(|&&s| view.shows(s))
                        .map(|&s| id(s))
                        .collect(),
                    independent_sources: compared.map_or(event.sources().len(), |c| c.independent),
                    first_reported: compared
                        .and_then(|c| c.first.as_ref())
                        .map(|f| id(f.source)),
                    lag_days: compared.and_then(|c| c.lag_days),
                }
            })
            .collect(),
        only_one_source: cov
            .only_one
            .iter()
            .map(|&e| t.events[e].id.as_str())
            .collect(),
    };
    crate::json::write_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}
