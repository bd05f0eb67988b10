//! One CSV row per event, for spreadsheets:
//! `id,start,end,precision,title,computed,sources,tags,first_reported,lag_days,disagreement`.
//! Sources and tags are joined with `;`; `first_reported` and `lag_days` are
//! empty where the sources were not compared; `disagreement` holds the
//! hand-written note and the computed ones, joined with ` | `. Control
//! characters in the data are made visible.

use std::io::{self, Write};

use super::View;
use crate::text::sanitize_line;

/// The header row.
pub const HEADER: [&str; 11] = [
    "id",
    "start",
    "end",
    "precision",
    "title",
    "computed",
    "sources",
    "tags",
    "first_reported",
    "lag_days",
    "disagreement",
];

/// Writes the CSV of `view`.
pub(super) fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let t = view.timeline;
    let mut csv = ::csv::Writer::from_writer(out);
    csv.write_record(HEADER)?;
    for (index, e) in view.indexed_events() {
        let sources: Vec<&str> = e
            .sources()
            .iter()
            .map(|&s| t.sources[s].id.as_str())
            .collect();
        // At the event's precision, as JSON writes them: a year stays `2009`.
        let (start, end) = e.when().bounds();
        let record = [
            sanitize_line(&e.id).into_owned(),
            start,
            end,
            e.when().precision.as_str().to_string(),
            sanitize_line(&e.title).into_owned(),
            e.when()
                .computed
                .as_deref()
                .map(sanitize_line)
                .unwrap_or_default()
                .into_owned(),
            sanitize_line(&sources.join(";")).into_owned(),
            sanitize_line(&e.tags.join(";")).into_owned(),
            view.compared_event(index)
                .and_then(|c| c.first.as_ref())
                .map(|f| sanitize_line(&t.sources[f.source].id).into_owned())
                .unwrap_or_default(),
            view.compared_event(index)
                .and_then(|c| c.lag_days)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            sanitize_line(
                &e.disagreement
                    .iter()
                    .cloned()
                    .chain(
                        view.disagreements(index)
                            .iter()
                            .map(|d| view.disagreement_note(d)),
                    )
                    .collect::<Vec<_>>()
                    .join(" | "),
            )
            .into_owned(),
        ];
        csv.write_record(&record)?;
    }
    csv.flush()
}
