//! Articles in JSON Lines, as news APIs and scrapers export them: one object a
//! line with `title`, `published` or `date`, `text` or `body`, and optionally
//! `url`, `outlet` or `source`, and `id`. A bad line is reported and skipped.
//! A byte-order mark before the first line is skipped, as editors write one.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::Deserialize;

use super::source_file::{first_line_title, is_source_id, no_date};
use super::{DataFile, Options, dateline, files};
use crate::date::{self, DateError, DateSpec};
use crate::problem::{Position, Problem, Problems};
use crate::source::Source;
use crate::text::slug;

/// One line's object; unknown keys are ignored, as exports carry many.
#[derive(Deserialize)]
struct Line {
    id: Option<String>,
    title: Option<String>,
    #[serde(alias = "date")]
    published: Option<String>,
    #[serde(alias = "body")]
    text: Option<String>,
    url: Option<String>,
    #[serde(alias = "source")]
    outlet: Option<String>,
    language: Option<String>,
}

/// The articles of a JSON Lines file; problems name `file:line`.
pub(super) fn parse(file: DataFile, options: &Options, problems: &mut Problems) -> Vec<Source> {
    let text = match std::str::from_utf8(&file.bytes) {
        Ok(text) => text,
        Err(e) => {
            problems.push(super::not_utf8(&file.path, &file.bytes, e));
            return Vec::new();
        }
    };
    // Saved by a Windows editor, the file may open with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let saved = file.saved.unwrap_or_else(files::today);
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let at = Position { line, column: 1 };
        let bad = |message: String, help: &str| {
            Problem::new(&file.path, at, message).with_help(help.to_string())
        };
        let object: Line = match serde_json::from_str(raw) {
            Ok(o) => o,
            Err(e) => {
                problems.push(bad(
                    format!("not a JSON object of an article: {e}"),
                    "write one object a line: {\"title\": …, \"published\": \"2020-02-29\", \"text\": …}",
                ));
                continue;
            }
        };
        let Some(body) = object.text.filter(|t| !t.trim().is_empty()) else {
            problems.push(bad(
                "the article has no `text` (or `body`)".into(),
                "give the article's text in `text`",
            ));
            continue;
        };
        let mut published_at = None;
        let published = match object.published.as_deref().map(str::trim) {
            Some(date) => match day(date) {
                Ok((d, at)) => {
                    published_at = at;
                    Some(d)
                }
                Err(why) => {
                    // At the value itself when the line writes it plainly.
                    let column = raw
                        .find(&format!("\"{date}\""))
                        .map_or(1, |at| raw[..at].chars().count() + 2);
                    problems.push(
                        Problem::new(&file.path, Position { line, column }, why.message)
                            .with_help(why.help),
                    );
                    continue;
                }
            },
            None => dateline::find(&body, saved)
                .map(|(d, _)| d)
                .or(options.published),
        };
        let Some(published) = published else {
            let mut p = no_date(&file.path);
            p.position = at;
            problems.push(p);
            continue;
        };
        if let Some(id) = object.id.as_deref().filter(|id| !is_source_id(id)) {
            problems.push(bad(
                format!("`{id}` is not a usable source id"),
                "use letters, digits, - and _ only, or leave `id` out",
            ));
            continue;
        }
        let title = object.title.or_else(|| first_line_title(&body));
        let stem = file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = object.id.unwrap_or_else(|| match &title {
            Some(t) => slug(&t.chars().take(48).collect::<String>()),
            None => format!("{}-{line}", slug(&stem)),
        });
        out.push(
            Source::new(id, published, body)
                .with_published_at(published_at)
                .with_title(title.unwrap_or_default())
                .with_outlet(object.outlet)
                .with_url(object.url)
                .with_language(object.language)
                .with_file(file.path.clone(), line),
        );
    }
    out
}

/// A publication date: `2020-02-29`, or a timestamp starting with one
/// (`2020-02-29T10:00:00Z`, `2020-02-29 10:00:00+01:00`), whose time is kept
/// beside it (UTC where it gives no offset): the day is the one the article
/// was dated.
fn day(text: &str) -> Result<(NaiveDate, Option<DateTime<FixedOffset>>), DateError> {
    let cannot = || {
        DateError::new(
            format!("cannot read {text:?} as a publication date"),
            "write it as 2020-02-29 or a timestamp such as 2020-02-29T10:00:00Z",
        )
    };
    let (date, time) = match text.get(..10) {
        Some(date) if text.is_char_boundary(10) => (date, &text[10..]),
        _ => return Err(cannot()),
    };
    let date = match date::parse_str(date) {
        Ok(DateSpec::Day(d)) => d,
        Ok(_) => return Err(cannot()),
        // "there is no year 0", "February 2021 has 28 days": said as such.
        Err(e) => return Err(e),
    };
    if time.is_empty() {
        return Ok((date, None));
    }
    let Some(time) = time.strip_prefix(['T', 't', ' ']) else {
        return Err(cannot());
    };
    let Some(at) = time_of(date, time) else {
        return Err(DateError::new(
            format!(
                "{text:?} is not a time of day: hours run to 23, minutes and seconds to 59, offsets to ±23:59"
            ),
            "write the timestamp as 2020-02-29T10:00:00Z (or +01:00 after the time)",
        ));
    };
    Ok((date, Some(at)))
}

/// Whether `text` is a time of day as RFC 3339 and ISO 8601 write it:
/// `HH:MM[:SS[.fraction]]`, then nothing, `Z` or an offset `±HH[:MM]`.
fn time_of(date: NaiveDate, text: &str) -> Option<DateTime<FixedOffset>> {
    let zone_at = text.find(['Z', 'z', '+', '-']).unwrap_or(text.len());
    let (clock, zone) = text.split_at(zone_at);
    let clock = NaiveTime::parse_from_str(clock, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M"))
        .ok()?;
    let two = |hi: u8, lo: u8, max: u8| {
        (hi.is_ascii_digit() && lo.is_ascii_digit() && (hi - b'0') * 10 + (lo - b'0') <= max)
            .then(|| i32::from((hi - b'0') * 10 + (lo - b'0')))
    };
    let sign = |b: u8| if b == b'-' { -1 } else { 1 };
    let seconds = match *zone.as_bytes() {
        [] | [b'Z' | b'z'] => 0,
        [s @ (b'+' | b'-'), h1, h2] => sign(s) * two(h1, h2, 23)? * 3600,
        [s @ (b'+' | b'-'), h1, h2, b':', m1, m2] | [s @ (b'+' | b'-'), h1, h2, m1, m2] => {
            sign(s) * (two(h1, h2, 23)? * 3600 + two(m1, m2, 59)? * 60)
        }
        _ => return None,
    };
    let offset = FixedOffset::east_opt(seconds)?;
    date.and_time(clock).and_local_timezone(offset).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> DataFile {
        DataFile {
            path: "d/articles.jsonl".into(),
            bytes: text.as_bytes().to_vec(),
            saved: None,
        }
    }

    #[test]
    fn every_field_name_exports_use_is_read() {
        let mut problems = Problems::new();
        let sources = parse(
            file(
                "{\"title\": \"Deal signed\", \"published\": \"2020-02-29T10:00:00Z\", \"text\": \"It was signed.\", \"source\": \"Wire\"}\n\
                 \n\
                 {\"id\": \"b\", \"date\": \"2020-03-01\", \"body\": \"More.\\n\\nAnd more.\", \"url\": \"https://x\"}\n",
            ),
            &Options::default(),
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems}");
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].id, "deal-signed");
        assert_eq!(sources[0].outlet.as_deref(), Some("Wire"));
        assert_eq!(sources[0].published.to_string(), "2020-02-29");
        assert_eq!(
            sources[0].published_at.map(|t| t.to_rfc3339()).as_deref(),
            Some("2020-02-29T10:00:00+00:00")
        );
        assert_eq!(sources[1].published_at, None);
        assert_eq!((sources[1].id.as_str(), sources[1].body_line), ("b", 3));
        assert_eq!(sources[1].paragraphs().len(), 2);
        assert_eq!(sources[1].title, "More.");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let mut problems = Problems::new();
        let sources = parse(
            file(
                "\u{feff}{\"title\": \"ok\", \"published\": \"2020-02-29\", \"text\": \"Fine.\"}\n",
            ),
            &Options::default(),
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems}");
        assert_eq!(sources.len(), 1);
    }

    #[test]
    fn timestamps_are_checked_and_impossible_ones_located() {
        for good in [
            "2020-02-29",
            "2020-02-29T10:00:00Z",
            "2020-02-29T23:59:59.999+05:30",
            "2020-02-29 10:00:00-0800",
            "2020-02-29T10:00",
            "2020-02-29t10:00:00z",
            "2020-02-29T10:00:00+01",
        ] {
            assert!(day(good).is_ok(), "{good}");
        }
        for (bad, says) in [
            ("2020-02-29T25:00:00Z", "is not a time of day"),
            ("2020-02-29T10:61:00Z", "is not a time of day"),
            ("2020-02-29T10:00:00+99:00", "is not a time of day"),
            ("2020-02-29T10:00:00+01:60", "is not a time of day"),
            ("2020-02-29T10:00:00 GMT", "is not a time of day"),
            ("2020-02-29X", "cannot read"),
            ("0000-03-01", "there is no year 0"),
            ("2021-02-29", "February 2021 has 28 days"),
            ("2020-1-1", "cannot read"),
            ("2020-02-2é", "cannot read"),
        ] {
            let e = day(bad).expect_err(bad);
            assert!(e.message.contains(says), "{bad}: {}", e.message);
        }
        let mut problems = Problems::new();
        let sources = parse(
            file(
                "{\"title\": \"x\", \"text\": \"y\", \"published\": \"0000-03-01\"}\n\
                  {\"title\": \"z\", \"text\": \"y\", \"date\": \"2020-02-29T25:00:00+99:00\"}\n",
            ),
            &Options::default(),
            &mut problems,
        );
        assert!(sources.is_empty());
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            lines[0].starts_with("d/articles.jsonl:1:43: there is no year 0"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with(
                "d/articles.jsonl:2:38: \"2020-02-29T25:00:00+99:00\" is not a time of day"
            ),
            "{lines:?}"
        );
    }

    #[test]
    fn bad_lines_are_reported_by_line_and_skipped() {
        let mut problems = Problems::new();
        let sources = parse(
            file(
                "{\"title\": \"ok\", \"published\": \"2020-02-29\", \"text\": \"Fine.\"}\n\
                 not json\n\
                 {\"title\": \"no text\", \"published\": \"2020-02-29\"}\n\
                 {\"title\": \"bad date\", \"published\": \"yesterday\", \"text\": \"x\"}\n\
                 {\"title\": \"undated\", \"text\": \"Nothing says when.\"}\n",
            ),
            &Options::default(),
            &mut problems,
        );
        assert_eq!(sources.len(), 1);
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(
            lines[0].starts_with("d/articles.jsonl:2:1: not a JSON object"),
            "{lines:?}"
        );
        assert!(lines[1].starts_with("d/articles.jsonl:3:1: the article has no `text`"));
        assert!(
            lines[2].starts_with("d/articles.jsonl:4:37: cannot read \"yesterday\""),
            "{lines:?}"
        );
        assert!(lines[3].starts_with("d/articles.jsonl:5:1: no publication date"));
    }
}
