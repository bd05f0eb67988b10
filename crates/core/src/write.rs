//! Writing a timeline back to `timeline.toml`: a new file from a timeline, or
//! an edit of a hand-written one that keeps its comments and order.
//!
//! Dates are written as they were given ([`DateSpec`]): a day as a TOML date,
//! a year as an integer, a month as `"2001-10"`, a range as a table, and a
//! relative date as its words (`"signing + 135 days"`), so that loading what
//! was written gives the same timeline.

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value, value};

use crate::date::DateSpec;
use crate::event::{Event, Origin};
use crate::timeline::Timeline;

/// The whole timeline as the text of a new `timeline.toml`.
pub fn to_toml(timeline: &Timeline) -> String {
    let mut doc = DocumentMut::new();
    doc["title"] = string(&timeline.title);
    if let Some(summary) = &timeline.summary {
        doc["summary"] = string(summary);
    }
    let mut events = ArrayOfTables::new();
    for event in &timeline.events {
        events.push(event_table(timeline, event));
    }
    doc["events"] = Item::ArrayOfTables(events);
    doc.to_string()
}

/// Rewrites a `timeline.toml` keeping every event `keep` says to keep, in its
/// place and with its comments, and appending `added` (events of `timeline`,
/// by index) after them. The file's title and summary are kept.
pub fn edit(
    existing: &str,
    keep: impl Fn(&Table) -> bool,
    timeline: &Timeline,
    added: &[usize],
) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = existing.parse()?;
    let events = doc
        .entry("events")
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    if let Item::ArrayOfTables(array) = events {
        array.retain(|t| keep(t));
        for &i in added {
            if let Some(event) = timeline.events.get(i) {
                array.push(event_table(timeline, event));
            }
        }
    }
    Ok(doc.to_string())
}

/// A string value. TOML lets C1 controls and bidirectional overrides stand
/// raw in strings, where they would act on a terminal showing the file; a
/// string holding any is written as a basic string with them escaped, which
/// reads back as the same text.
pub fn string_value(text: &str) -> Value {
    let needs = crate::text::is_terminal_hazard;
    if !text.chars().any(needs) {
        return Value::from(text);
    }
    let mut quoted = String::with_capacity(text.len() + 8);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() || needs(c) => quoted.push_str(&format!("\\u{:04X}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    // Parsed, the value keeps the text it was written as.
    quoted.parse().unwrap_or_else(|_| Value::from(text))
}

fn string(text: &str) -> Item {
    Item::Value(string_value(text))
}

/// The value a date is written as.
pub fn date_value(date: &DateSpec) -> Value {
    match date {
        DateSpec::Day(d) => toml_date(*d),
        DateSpec::Year(y) => Value::from(i64::from(*y)),
        DateSpec::Range(start, end) => {
            let mut t = InlineTable::new();
            t.insert("start", toml_date(*start));
            t.insert("end", toml_date(*end));
            Value::InlineTable(t)
        }
        other => Value::from(other.as_written().unwrap_or_default()),
    }
}

fn toml_date(d: chrono::NaiveDate) -> Value {
    use chrono::Datelike;
    let date = toml_edit::Date {
        year: d.year() as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

/// One `[[events]]` table: its fields, then `[[events.evidence]]` tables.
pub fn event_table(timeline: &Timeline, event: &Event) -> Table {
    let mut t = Table::new();
    t["id"] = string(&event.id);
    t["title"] = string(&event.title);
    t["date"] = Item::Value(date_value(event.date()));
    if !event.tags.is_empty() {
        let tags: Array = event.tags.iter().map(|t| string_value(t)).collect();
        t["tags"] = value(tags);
    }
    if let Some(summary) = &event.summary {
        t["summary"] = string(summary);
    }
    if let Some(d) = &event.disagreement {
        t["disagreement"] = string(d);
    }
    match &event.origin {
        Origin::Person => {}
        Origin::Other(o) => t["origin"] = string(o),
        Origin::Drafted(d) => {
            t["origin"] = value("drafted");
            t["basis"] = value(d.basis.as_str());
            if let Some(f) = &d.fingerprint {
                t["fingerprint"] = value(f.as_str());
            }
        }
    }
    let mut evidence = ArrayOfTables::new();
    for p in event.passages() {
        let mut e = Table::new();
        e["source"] = string(&timeline.sources[p.source()].id);
        e["quote"] = string(timeline.quote(p));
        evidence.push(e);
    }
    t["evidence"] = Item::ArrayOfTables(evidence);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_with_terminal_controls_are_escaped_and_read_back() {
        for text in [
            "plain",
            "a\u{9b}31m",
            "it's \"\u{202e}x\" \\ y",
            "\u{1b}[2J",
            "\u{85}line",
        ] {
            let v = string_value(text);
            let written = v.to_string();
            assert!(
                !written
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{written:?}"
            );
            let doc: toml::Table = format!("x = {written}").parse().unwrap();
            assert_eq!(doc["x"].as_str(), Some(text), "{written}");
        }
    }

    #[test]
    fn each_date_form_is_written_as_given() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            date_value(&DateSpec::Day(d(2020, 2, 29))).to_string(),
            "2020-02-29"
        );
        assert_eq!(date_value(&DateSpec::Year(2001)).to_string(), "2001");
        assert_eq!(
            date_value(&DateSpec::Month {
                year: 2001,
                month: 10
            })
            .to_string(),
            "\"2001-10\""
        );
        assert_eq!(
            date_value(&DateSpec::Range(d(2020, 2, 22), d(2020, 2, 28))).to_string(),
            "{ start = 2020-02-22, end = 2020-02-28 }"
        );
        let relative = crate::date::parse_str("the 3 months after invasion").unwrap();
        assert_eq!(
            date_value(&relative).to_string(),
            "\"3 months after invasion\""
        );
    }
}
