//! Writing a timeline back to `timeline.toml`: a new file from a timeline, or
//! one event at a time, as the re-draft splices them into a file a person
//! has edited.
//!
//! Dates are written as they were given ([`DateSpec`]): a day as a TOML date,
//! a year as an integer, a month as `"2001-10"`, a range as a table, and a
//! relative date as its words (`"signing + 135 days"`), so that loading what
//! was written gives the same timeline.
//!
//! A drafted event's `fingerprint` is a hash of the event's whole text as
//! written here (every field, its evidence, and whatever comes after it up
//! to the next event), so any change a person makes to it, a comment
//! included, tells a later draft to keep it ([`piece_is_untouched`]).

use std::hash::Hasher;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value, value};

use crate::date::DateSpec;
use crate::event::{Event, Origin};
use crate::timeline::Timeline;

/// The whole timeline as the text of a new `timeline.toml`: its head, then
/// each event as [`event_text`] writes it, a blank line after each.
pub fn to_toml(timeline: &Timeline) -> String {
    let mut text = head_text(timeline);
    for event in &timeline.events {
        text.push('\n');
        text.push_str(&event_text(timeline, event));
    }
    text
}

/// The head of a new `timeline.toml`: the title and summary.
pub fn head_text(timeline: &Timeline) -> String {
    let mut doc = DocumentMut::new();
    doc["title"] = string(&timeline.title);
    if let Some(summary) = &timeline.summary {
        doc["summary"] = string(summary);
    }
    doc.to_string()
}

/// What stands for the fingerprint while the text it is a hash of is made.
const PLACEHOLDER: &str = "0000000000000000";
/// How the fingerprint's line starts, as written.
const FINGERPRINT_LINE: &str = "fingerprint = \"";

/// One event as an `[[events]]` table with its `[[events.evidence]]`, ending
/// in a newline; a drafted event's fingerprint is that of this text.
pub fn event_text(timeline: &Timeline, event: &Event) -> String {
    let mut doc = DocumentMut::new();
    let mut events = ArrayOfTables::new();
    events.push(event_table(timeline, event));
    doc["events"] = Item::ArrayOfTables(events);
    let text = doc.to_string();
    match fingerprint_line(&text) {
        Some(line) => {
            let print = hash_without(&text, line);
            text.replacen(PLACEHOLDER, &print, 1)
        }
        None => text,
    }
}

/// Where the fingerprint's line is in an event's text, if it has one.
fn fingerprint_line(text: &str) -> Option<std::ops::Range<usize>> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with(FINGERPRINT_LINE) {
            return Some(at..at + line.len());
        }
        at += line.len();
    }
    None
}

/// The fingerprint of an event's text: FNV-1a (fixed by its definition, so a
/// fingerprint written today still matches after an upgrade) of the text
/// without its fingerprint line, with LF line ends and no trailing blanks.
fn hash_without(text: &str, line: std::ops::Range<usize>) -> String {
    let mut h = fnv::FnvHasher::default();
    let rest = [&text[..line.start], &text[line.end..]].concat();
    h.write(rest.replace("\r\n", "\n").trim_end().as_bytes());
    format!("{:016x}", h.finish())
}

/// Whether the text of one event in a file (from its `[[events]]` header to
/// the next event) is exactly as annals wrote it: it has a fingerprint, and
/// the fingerprint is that of the text. A change of line ends or of the
/// blank lines after it does not count; anything else does.
pub fn piece_is_untouched(piece: &str) -> bool {
    let Some(line) = fingerprint_line(piece) else {
        return false;
    };
    let stored = piece[line.clone()]
        .trim_end()
        .strip_prefix(FINGERPRINT_LINE)
        .and_then(|v| v.strip_suffix('"'));
    stored.is_some_and(|s| s != PLACEHOLDER && s == hash_without(piece, line))
}

/// Whether a file's text ends its lines with CRLF (as its first line does).
pub fn uses_crlf(text: &str) -> bool {
    text.split_once('\n')
        .is_some_and(|(first, _)| first.ends_with('\r'))
}

/// `text` with every LF line end written as CRLF (those already CRLF kept).
pub fn to_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut previous = '\0';
    for c in text.chars() {
        if c == '\n' && previous != '\r' {
            out.push('\r');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// Rewrites a `timeline.toml` whose events are written inline (`events =
/// [...]`, as a person may), keeping every event and comment as it is and
/// appending `added` (events of `timeline`, by index) to the array.
pub fn append_inline(
    existing: &str,
    timeline: &Timeline,
    added: &[usize],
) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = existing.parse()?;
    if let Some(array) = doc.get_mut("events").and_then(Item::as_array_mut) {
        // What stood after the last event (a comment on it, the line end)
        // stays right after it, before the first event appended.
        let mut before = array.trailing().as_str().unwrap_or("").to_string();
        if !before.contains('\n') {
            before.push('\n');
        }
        for &i in added {
            if let Some(event) = timeline.events.get(i) {
                let mut table = event_table(timeline, event).into_inline_table();
                table
                    .decor_mut()
                    .set_prefix(format!("{}  ", std::mem::take(&mut before)));
                array.push_formatted(Value::InlineTable(table));
                before.push('\n');
            }
        }
        if !added.is_empty() {
            array.set_trailing("\n");
            array.set_trailing_comma(true);
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
            if let Some(s) = d.salience {
                t["salience"] = value(s.get());
            }
            // Made from the event's text once written: see `event_text`.
            t["fingerprint"] = value(PLACEHOLDER);
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
    fn a_drafted_event_is_untouched_until_anything_in_it_changes() {
        let mut doha = crate::doha();
        let event = &mut doha.events[0];
        event.origin = Origin::Drafted(crate::event::Drafted {
            basis: crate::event::Basis::Stated,
            fingerprint: None,
            salience: crate::event::Salience::new(2.5),
        });
        let text = event_text(&doha, &doha.events[0]);
        assert!(!text.contains(PLACEHOLDER), "{text}");
        assert!(text.contains("salience = 2.5\n"), "{text}");
        let piece = format!("{text}\n\n");
        assert!(piece_is_untouched(&piece), "{piece}");
        assert!(piece_is_untouched(&to_crlf(&piece)));
        let title = text.lines().find(|l| l.starts_with("title")).unwrap();
        let first_quote = text.lines().find(|l| l.starts_with("quote")).unwrap();
        for edited in [
            text.replacen(title, "title = \"Mine\"", 1),
            text.replacen(title, &format!("{title} # a note"), 1),
            text.replacen(first_quote, &format!("# checked\n{first_quote}"), 1),
            format!("{text}# a comment above the next event\n"),
            text.replacen(
                "origin = \"drafted\"\n",
                "origin = \"drafted\"\ntags = [\"mine\"]\n",
                1,
            ),
            text.replacen("basis = \"stated\"", "basis = \"computed\"", 1),
            text.replacen("id = \"", "id = \"x", 1),
        ] {
            assert_ne!(edited, text);
            assert!(!piece_is_untouched(&edited), "{edited}");
        }
        // A person's own event has no fingerprint: never untouched.
        assert!(!piece_is_untouched(&event_text(&doha, &doha.events[1])));
    }

    #[test]
    fn line_ends_are_written_as_the_file_has_them() {
        assert!(uses_crlf("a = 1\r\nb = 2\n"));
        assert!(!uses_crlf("a = 1\nb = 2\r\n"));
        assert_eq!(to_crlf("a\nb\r\nc\n"), "a\r\nb\r\nc\r\n");
    }

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
