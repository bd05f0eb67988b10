//! What the tagger finds: temporal expressions with their TIMEX3 type and value.

use chrono::NaiveDate;
use serde::Serialize;

use crate::value::{Mod, Value};

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TimexType {
    /// A calendar date or period: `2001-10-07`, `2001-W40`, `2001`, `PRESENT_REF`.
    #[serde(rename = "DATE")]
    Date,
    /// A time of day: `2001-10-07T15:00`, `2001-10-07TMO`.
    #[serde(rename = "TIME")]
    Time,
    /// A length of time: `P14M`, `PT3H`, `PXY`.
    #[serde(rename = "DURATION")]
    Duration,
    /// A recurring time: `P1W` for "weekly", `XXXX-WXX-4` for "every Thursday".
    #[serde(rename = "SET")]
    Set,
}

impl TimexType {
    /// The TIMEX3 name of the type, as written in rule files and TimeML.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// Parses a TIMEX3 type name (`DATE`, `TIME`, `DURATION`, `SET`).
    pub fn parse(name: &str) -> Option<TimexType> {
        match name {
            "DATE" => Some(TimexType::Date),
            "TIME" => Some(TimexType::Time),
            "DURATION" => Some(TimexType::Duration),
            "SET" => Some(TimexType::Set),
            _ => None,
        }
    }
}

/// One temporal expression found in a text.
///
/// Serialises (with serde_json) to the JSONL object printed by `annals extract`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Unicode character offset of the first character.
    pub start: usize,
    /// Unicode character offset one past the last character.
    pub end: usize,
    /// UTF-8 byte offset of the first character.
    pub byte_start: usize,
    /// UTF-8 byte offset one past the last character.
    pub byte_end: usize,
    /// The expression as written.
    pub text: String,
    /// The TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The normalised TIMEX3 value: `2020-02-29`, `2020-W08`, `P14M`, `PRESENT_REF`, ...
    pub value: Value,
    /// The TIMEX3 `mod` attribute: `MORE_THAN`, `APPROX`, `START`, `MID`, `END`, ...
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// For a duration anchored to a point: the date it is counted from (or back from).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_date")]
    pub anchor: Option<NaiveDate>,
    /// The words naming the anchor when it is an event ("the signing").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor_text: Option<String>,
    /// First calendar day covered by an anchored duration.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_date")]
    pub resolved_start: Option<NaiveDate>,
    /// Last calendar day covered by an anchored duration (inclusive for spans counted back
    /// from the anchor, the anchor plus the duration for spans counted forward).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_date")]
    pub resolved_end: Option<NaiveDate>,
    /// Set on the page's own timestamps and datelines (see [`Role`]): `"role":
    /// "published"` or `"updated"` in JSON. Such an expression is the article's
    /// publication (or update) time, not a date of its story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// For a timestamp given in UTC ("02:31 GMT, 12 March 2013") in an article
    /// that writes its own times in a local zone ("ET", "EST"): the day of the
    /// timestamp in that zone, the day the story's place saw (here 11 March).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_date")]
    pub local_date: Option<NaiveDate>,
}

/// What an expression is on the page, beside a date of the story.
///
/// A page's own timestamps and datelines ("PUBLISHED: 02:31 GMT, 12 March 2013 |
/// UPDATED: …", "First Posted: 08/04/11 06:44 PM ET", a dateline line at the
/// top, "WASHINGTON, Feb. 29 (Reuters) -") say when the article was written,
/// not when anything in it happened: use them as the publication time, never
/// as events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// When the page was published or first posted, or its dateline.
    Published,
    /// When the page was last updated or modified.
    Updated,
}

impl Role {
    /// The role a `[stamp]` value of the lexicon names.
    pub(crate) fn from_label(label: &str) -> Option<Role> {
        match label {
            "published" => Some(Role::Published),
            "updated" => Some(Role::Updated),
            _ => None,
        }
    }
}

/// Writes a date as `YYYY-MM-DD` (chrono's own serde support would need its `serde` feature).
fn iso_date<S: serde::Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
        None => s.serialize_none(),
    }
}
