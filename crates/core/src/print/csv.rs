//! One CSV row per event, for spreadsheets:
//! `id,start,end,precision,title,computed,sources,tags`. Sources and tags are
//! joined with `;`. Control characters in the data are made visible.

use std::io::{self, Write};

use super::View;
use crate::text::sanitize_line;

/// The header row.
pub const HEADER: [&str; 8] = [
    "id",
    "start",
    "end",
    "precision",
    "title",
    "computed",
    "sources",
    "tags",
];

/// Writes the CSV of `view`.
pub(super) fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let t = view.timeline;
    let mut csv = ::csv::Writer::from_writer(out);
    csv.write_record(HEADER)?;
    for e in view.events() {
        let sources: Vec<&str> = e
            .sources()
            .iter()
            .map(|&s| t.sources[s].id.as_str())
            .collect();
        let record = [
            sanitize_line(&e.id).into_owned(),
            e.when().start.to_string(),
            e.when().end.to_string(),
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
        ];
        csv.write_record(&record)?;
    }
    csv.flush()
}
