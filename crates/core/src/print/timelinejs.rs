//! TimelineJS3's JSON: a title slide and one slide an event, with dates only
//! as precise as known (a year stays a year), so the timeline can be shown
//! with Knight Lab's TimelineJS. Text fields are HTML there, so article text
//! is escaped for HTML as well as for JSON.

use std::io::{self, Write};

use chrono::Datelike;
use serde::Serialize;

use super::View;
use crate::event::Event;
use crate::text::sanitize_line;
use crate::when::{Precision, When};

#[derive(Serialize)]
struct Doc<'a> {
    title: Slide<'a>,
    events: Vec<Slide<'a>>,
}

#[derive(Serialize)]
struct Slide<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Date>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    unique_id: String,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// A TimelineJS date: a year, and a month and day only when known.
#[derive(Serialize)]
struct Date {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

fn date(d: chrono::NaiveDate, precision: Precision) -> Date {
    Date {
        year: d.year(),
        month: (precision != Precision::Year).then_some(d.month()),
        day: matches!(precision, Precision::Day | Precision::Range).then_some(d.day()),
    }
}

/// The start and (for a span longer than its unit) end of an event's date.
fn dates(when: &When) -> (Date, Option<Date>) {
    let start = date(when.start, when.precision);
    let end = (when.precision == Precision::Range).then(|| date(when.end, Precision::Day));
    (start, end)
}

/// Escapes text for HTML, after making it safe for a terminal.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn slide<'a>(view: &View<'a>, index: usize, e: &'a Event) -> Slide<'a> {
    let t = view.timeline;
    let (start, end) = dates(e.when());
    let mut text = String::new();
    if let Some(summary) = &e.summary {
        text.push_str(&format!("<p>{}</p>", html(summary)));
    }
    if let Some(how) = &e.when().computed {
        text.push_str(&format!("<p><em>Computed: {}.</em></p>", html(how)));
    }
    if let Some(first) = view.first_note(index) {
        text.push_str(&format!(
            "<p><em>First reported by {}.</em></p>",
            html(&first)
        ));
    }
    if let Some(d) = &e.disagreement {
        text.push_str(&format!(
            "<p><strong>Sources disagree:</strong> {}</p>",
            html(d)
        ));
    }
    for d in view.disagreements(index) {
        text.push_str(&format!(
            "<p><strong>Sources disagree on</strong> {}</p>",
            html(&view.disagreement_note(d))
        ));
    }
    for p in e.passages().iter().filter(|p| view.shows(p.source())) {
        text.push_str(&format!(
            "<blockquote>{}<br><cite>{}</cite></blockquote>",
            html(t.quote(p)),
            html(t.sources[p.source()].label())
        ));
    }
    Slide {
        start_date: Some(start),
        end_date: end,
        text: Text {
            headline: html(&e.title),
            text,
        },
        group: e.tags.first().map(String::as_str),
        display_date: e.when().computed.as_ref().map(|_| e.when().human()),
        unique_id: e.id.clone(),
    }
}

/// Writes the TimelineJS3 JSON of `view`.
pub(super) fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let t = view.timeline;
    let doc = Doc {
        title: Slide {
            start_date: None,
            end_date: None,
            text: Text {
                headline: html(&t.title),
                text: t
                    .summary
                    .as_deref()
                    .map(|s| format!("<p>{}</p>", html(s)))
                    .unwrap_or_default(),
            },
            group: None,
            display_date: None,
            unique_id: "title".into(),
        },
        events: view
            .indexed_events()
            .map(|(i, e)| slide(view, i, e))
            .collect(),
    };
    crate::json::write_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_as_precise_as_known() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let year = When::span(d(2009, 1, 1), d(2009, 12, 31), Precision::Year);
        let json = |when: &When| serde_json::to_string(&dates(when)).unwrap();
        assert_eq!(json(&year), r#"[{"year":2009},null]"#);
        let month = When::span(d(2001, 10, 1), d(2001, 10, 31), Precision::Month);
        assert_eq!(json(&month), r#"[{"year":2001,"month":10},null]"#);
        let week = When::span(d(2020, 2, 22), d(2020, 2, 28), Precision::Range);
        assert_eq!(
            json(&week),
            r#"[{"year":2020,"month":2,"day":22},{"year":2020,"month":2,"day":28}]"#
        );
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            html("<script>&\"x'\u{1b}"),
            "&lt;script&gt;&amp;&quot;x&#39;␛"
        );
    }
}
