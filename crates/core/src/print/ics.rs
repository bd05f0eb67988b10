//! iCalendar (RFC 5545): one all-day `VEVENT` an event, from its first day to
//! the day after its last (DTEND is exclusive), with a stable UID, the title
//! as SUMMARY and the sources and quotes in the DESCRIPTION. The icalendar
//! crate writes CRLF line ends and folds lines at 75 octets.

use std::io::{self, Write};

use chrono::{Days, TimeZone, Utc};
use icalendar::{Calendar, Component, Event as IcsEvent, EventLike, Property};

use super::View;
use crate::text::sanitize;

/// The product identifier annals writes.
pub const PRODID: &str = "-//annals//annals timeline//EN";

/// Writes the iCalendar of `view`.
pub(super) fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let t = view.timeline;
    // DTSTAMP must be present; the newest publication date keeps the file the
    // same from one run to the next.
    let stamp = t
        .sources
        .iter()
        .map(|s| s.published)
        .max()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| Utc.from_utc_datetime(&d))
        .unwrap_or_default();
    let domain = crate::text::slug(&t.title);
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        // The crate escapes X-WR-CALNAME's text but not NAME's (RFC 7986
        // makes it TEXT too): a comma or semicolon in a title would split it.
        .append_property(Property::new("NAME", escape_text(&sanitize(&t.title))))
        .append_property(Property::new("X-WR-CALNAME", sanitize(&t.title)));
    for (index, e) in view.indexed_events() {
        let mut description = String::new();
        if let Some(summary) = &e.summary {
            description.push_str(summary);
            description.push_str("\n\n");
        }
        if let Some(how) = &e.when().computed {
            description.push_str(&format!("Computed: {how}.\n\n"));
        }
        if let Some(first) = view.first_note(index) {
            description.push_str(&format!("First reported by {first}.\n\n"));
        }
        if let Some(d) = &e.disagreement {
            description.push_str(&format!("Sources disagree: {d}\n\n"));
        }
        for d in view.disagreements(index) {
            description.push_str(&format!(
                "Sources disagree on {}\n\n",
                view.disagreement_note(d)
            ));
        }
        description.push_str("Sources:");
        for p in e.passages().iter().filter(|p| view.shows(p.source())) {
            description.push_str(&format!(
                "\n- {}: \u{201C}{}\u{201D}",
                t.sources[p.source()].id,
                t.quote(p).split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
        let end = e
            .when()
            .end
            .checked_add_days(Days::new(1))
            .unwrap_or(e.when().end);
        let mut event = IcsEvent::new();
        event
            .uid(&format!("{}@{domain}.annals", sanitize(&e.id)))
            .timestamp(stamp)
            .summary(&sanitize(&e.title))
            .description(&sanitize(&description))
            .starts(e.when().start)
            .ends(end);
        calendar.push(event.done());
    }
    out.write_all(calendar.done().to_string().as_bytes())
}

/// A TEXT value as RFC 5545 (3.3.11) writes it: backslash, semicolon and
/// comma escaped, line ends as `\n`.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_values_are_escaped() {
        assert_eq!(
            super::escape_text("a, b; c\\d\r\ne"),
            "a\\, b\\; c\\\\d\\ne"
        );
    }
}
