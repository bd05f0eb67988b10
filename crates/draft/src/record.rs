//! The `[draft]` record at the end of a drafted `timeline.toml`: one line per
//! event annals drafted, by its evidence, so that drafting again knows an
//! event a person deleted (its line stays, its event is gone) and leaves its
//! happening out. The line is then marked `deleted = true`, where a person
//! can see it (the id says which event it was); removing the line has the
//! event drafted again.

use std::hash::Hasher;

use annals_core::write::string_value;
use annals_core::{Event, Source};
use chrono::NaiveDate;

/// The record's header and the comment that says what it is.
const HEAD: &str = "[draft]
# How drafting again knows what you deleted: one line per event annals
# drafted, by its evidence (a hash of each quote with its source). A line
# marked `deleted` keeps that happening out of later drafts; remove the line
# to have it drafted again.
events = [
";

/// One line of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The event's id when the line was written (for people).
    pub id: String,
    /// Whether the event was deleted from the file.
    pub deleted: bool,
    /// The days the event covered: a sentence that tells two happenings
    /// (two dates) is one key of both, and the date tells them apart.
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// Its evidence: a hash of each passage's source and quote.
    pub keys: Vec<String>,
}

/// The key of one passage: a hash of the source id and the quoted text, so
/// the same sentence of the same article has the same key in every draft.
pub(crate) fn key(source: &str, quote: &str) -> String {
    let mut h = fnv::FnvHasher::default();
    h.write(source.as_bytes());
    h.write_u8(0xff);
    h.write(quote.as_bytes());
    // 48 bits: a clash among a story's passages is vanishingly rare.
    format!("{:012x}", h.finish() >> 16)
}

/// A line for `event`, whose passages index `sources`.
pub(crate) fn entry(sources: &[Source], event: &Event) -> Entry {
    Entry {
        id: event.id.clone(),
        deleted: false,
        days: Some((event.when().start, event.when().end)),
        keys: keys(sources, event),
    }
}

/// Whether a new event is the happening a line is about: it quotes one of
/// its passages, on days that overlap.
pub(crate) fn tells(entry: &Entry, event: &Event, keys: &[String]) -> bool {
    entry
        .days
        .is_none_or(|(start, end)| event.when().start <= end && start <= event.when().end)
        && keys.iter().any(|k| entry.keys.contains(k))
}

/// The keys of an event's evidence, whose passages index `sources`.
pub(crate) fn keys(sources: &[Source], event: &Event) -> Vec<String> {
    let mut keys: Vec<String> = event
        .passages()
        .iter()
        .filter_map(|p| {
            let source = sources.get(p.source())?;
            Some(key(&source.id, source.body().get(p.quote())?))
        })
        .collect();
    keys.dedup();
    keys
}

/// Reads the record from the text of its piece (from `[draft]` on). A line
/// a person broke is left out rather than trusted.
pub(crate) fn read(piece: &str) -> Vec<Entry> {
    let Ok(table) = piece.parse::<toml::Table>() else {
        return Vec::new();
    };
    let lines = table
        .get("draft")
        .and_then(|d| d.get("events"))
        .and_then(toml::Value::as_array);
    lines
        .into_iter()
        .flatten()
        .filter_map(|line| {
            let keys = line
                .get("keys")?
                .as_array()?
                .iter()
                .filter_map(|k| k.as_str().map(String::from))
                .collect();
            let days = line
                .get("days")
                .and_then(toml::Value::as_str)
                .and_then(|d| {
                    let (start, end) = d.split_once('/').unwrap_or((d, d));
                    Some((start.parse().ok()?, end.parse().ok()?))
                });
            Some(Entry {
                days,
                id: line.get("id")?.as_str()?.to_string(),
                deleted: line
                    .get("deleted")
                    .and_then(toml::Value::as_bool)
                    .unwrap_or(false),
                keys,
            })
        })
        .collect()
}

/// The record's text.
pub(crate) fn text(entries: &[Entry]) -> String {
    let mut out = String::from(HEAD);
    for e in entries {
        out.push_str("  { id = ");
        out.push_str(&string_value(&e.id).to_string());
        if e.deleted {
            out.push_str(", deleted = true");
        }
        match e.days {
            Some((start, end)) if start == end => out.push_str(&format!(", days = \"{start}\"")),
            Some((start, end)) => out.push_str(&format!(", days = \"{start}/{end}\"")),
            None => {}
        }
        out.push_str(", keys = [");
        for (i, k) in e.keys.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push('"');
            out.push_str(k);
            out.push('"');
        }
        out.push_str("] },\n");
    }
    out.push_str("]\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_reads_back_what_it_wrote() {
        let entries = vec![
            Entry {
                id: "signing".into(),
                deleted: false,
                days: NaiveDate::from_ymd_opt(2020, 2, 29).map(|d| (d, d)),
                keys: vec![key("wire", "signed in Doha"), key("daily", "signed")],
            },
            Entry {
                id: "talks\u{1b}[2J".into(),
                deleted: true,
                days: NaiveDate::from_ymd_opt(2020, 2, 1).zip(NaiveDate::from_ymd_opt(2020, 2, 29)),
                keys: vec![key("wire", "talks")],
            },
        ];
        let text = text(&entries);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert_eq!(read(&text), entries);
        assert_ne!(key("wire", "a"), key("wir", "ea"));
        assert_eq!(key("wire", "a").len(), 12);
        // A line a person broke is left out, the rest read.
        let broken = text.replacen("keys = [", "keys = 5, k = [", 1);
        assert_eq!(read(&broken), entries[1..]);
    }
}
