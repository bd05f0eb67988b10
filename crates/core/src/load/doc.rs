//! Reading TOML for the loader: documents that point at any of their parts by
//! file:line:column, and tables read field by field with helpful messages.

use std::cell::RefCell;
use std::ops::Range;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::date::{self, DateSpec};
use crate::problem::{Locator, Position, Problem, Problems};
use crate::suggest::with_suggestion;

/// A TOML text being read, or one piece of it, with what is needed to point
/// at any of it.
pub(crate) struct Doc<'a> {
    pub path: &'a Path,
    /// The piece being parsed.
    pub text: &'a str,
    /// Where `text` starts in the file, in bytes.
    pub base: usize,
    /// The file's line number of the whole text's first line (front matter
    /// sits below the fence).
    pub first_line: usize,
    /// Line starts of the whole text, shared by its pieces.
    pub locator: &'a RefCell<Locator<'a>>,
}

impl<'a> Doc<'a> {
    /// The same file from byte `base` on, `text` long.
    pub fn piece(&self, base: usize, text: &'a str) -> Doc<'a> {
        Doc {
            path: self.path,
            text,
            base,
            first_line: self.first_line,
            locator: self.locator,
        }
    }

    /// The position of a span of this piece in the whole text.
    pub fn position(&self, span: &Range<usize>) -> Position {
        let mut position = self.locator.borrow_mut().position(self.base + span.start);
        position.line += self.first_line - 1;
        position
    }

    /// A problem at a span of this piece.
    pub fn problem(&self, span: &Range<usize>, message: impl Into<String>) -> Problem {
        Problem::new(self.path, self.position(span), message)
    }

    /// Parses the piece, reporting every syntax error.
    pub fn parse(&self, problems: &mut Problems) -> Option<Spanned<DeTable<'a>>> {
        let (table, errors) = DeTable::parse_recoverable(self.text);
        if errors.is_empty() {
            return Some(table);
        }
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            let message = error.message().trim().replace('\n', "; ");
            let help = if message.contains("date") {
                "write a real calendar date, such as 2020-02-29"
            } else {
                "fix the TOML syntax: strings need \"quotes\", tables [brackets], one key = value a line"
            };
            problems.push(
                self.problem(&span, format!("TOML syntax: {message}"))
                    .with_help(help),
            );
        }
        None
    }
}

/// A table being read field by field.
pub(crate) struct Fields<'d, 'a, 't> {
    pub doc: &'d Doc<'a>,
    pub table: &'d DeTable<'t>,
    pub span: Range<usize>,
    pub what: &'static str,
}

impl<'d, 't> Fields<'d, '_, 't> {
    /// Reports keys that are not in `known`, suggesting the nearest known one.
    pub fn check_known(&self, known: &[&str], problems: &mut Problems) {
        for key in self.table.keys() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let help = with_suggestion(
                name,
                known.iter().copied(),
                format!("the fields of {} are: {}", self.what, known.join(", ")),
            );
            problems.push(
                self.doc
                    .problem(
                        &key.span(),
                        format!("unknown field `{name}` in {}", self.what),
                    )
                    .with_help(help),
            );
        }
    }

    pub fn get(&self, key: &str) -> Option<&'d Spanned<DeValue<'t>>> {
        self.table.get(key)
    }

    pub fn missing(&self, key: &str, example: &str, problems: &mut Problems) {
        problems.push(
            self.doc
                .problem(&self.span, format!("{} has no `{key}`", self.what))
                .with_help(format!("add it, for example: {key} = {example}")),
        );
    }

    pub fn wrong_type(
        &self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        want: &str,
        problems: &mut Problems,
    ) {
        problems.push(self.doc.problem(
            &value.span(),
            format!(
                "`{key}` should be {want}, not {}",
                value.get_ref().type_str()
            ),
        ));
    }

    /// A required (with an example for the message) or optional string field.
    pub fn string(
        &self,
        key: &str,
        required: Option<&str>,
        problems: &mut Problems,
    ) -> Option<String> {
        self.str(key, required, problems).map(str::to_string)
    }

    /// Like [`Fields::string`], borrowed from the parsed document: for fields
    /// read only while loading (a quote, a source id), not kept.
    pub fn str(
        &self,
        key: &str,
        required: Option<&str>,
        problems: &mut Problems,
    ) -> Option<&'d str> {
        match self.get(key) {
            None => {
                if let Some(example) = required {
                    self.missing(key, example, problems);
                }
                None
            }
            Some(value) => match value.get_ref().as_str() {
                Some(s) if required.is_some() && s.trim().is_empty() => {
                    problems.push(
                        self.doc
                            .problem(&value.span(), format!("`{key}` is empty"))
                            .with_help(format!("write the {key}")),
                    );
                    None
                }
                Some(s) => Some(s),
                None => {
                    self.wrong_type(key, value, "a string in \"quotes\"", problems);
                    None
                }
            },
        }
    }

    /// An optional list of strings.
    pub fn strings(&self, key: &str, example: &str, problems: &mut Problems) -> Vec<String> {
        let mut out = Vec::new();
        let Some(v) = self.get(key) else {
            return out;
        };
        match v.get_ref().as_array() {
            Some(items) => {
                for item in items.iter() {
                    match item.get_ref().as_str() {
                        Some(s) => out.push(s.to_string()),
                        None => self.wrong_type(key, item, "a list of strings", problems),
                    }
                }
            }
            None => self.wrong_type(
                key,
                v,
                &format!("a list of strings, such as {example}"),
                problems,
            ),
        }
        out
    }
}

/// Reads a TOML date (2020-02-29), or the same as a string, as a calendar day.
pub(crate) fn toml_date(
    doc: &Doc<'_>,
    value: &Spanned<DeValue<'_>>,
    key: &str,
    problems: &mut Problems,
) -> Option<NaiveDate> {
    let not_a_day = || {
        date::DateError::new(
            format!("`{key}` should be a day such as 2020-02-29"),
            "write the date without quotes or time: 2020-02-29",
        )
    };
    let result = match value.get_ref() {
        DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                date::ymd(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            }
            _ => Err(not_a_day()),
        },
        DeValue::String(s) => match date::parse_str(s) {
            Ok(DateSpec::Day(d)) => Ok(d),
            Ok(_) => Err(not_a_day()),
            Err(e) => Err(e),
        },
        _ => Err(not_a_day()),
    };
    result
        .map_err(|e| problems.push(doc.problem(&value.span(), e.message).with_help(e.help)))
        .ok()
}

/// A publication date in front matter: a day (`2020-02-29`), or a datetime
/// (`2020-02-29T10:30:00Z`, `2020-02-29T10:30:00+03:00`, or without an offset,
/// taken as UTC), whose moment is kept beside the day.
pub(crate) fn toml_published(
    doc: &Doc<'_>,
    value: &Spanned<DeValue<'_>>,
    problems: &mut Problems,
) -> Option<(NaiveDate, Option<DateTime<FixedOffset>>)> {
    let DeValue::Datetime(dt) = value.get_ref() else {
        return toml_date(doc, value, "published", problems).map(|d| (d, None));
    };
    let (Some(d), Some(t)) = (dt.date, dt.time) else {
        return toml_date(doc, value, "published", problems).map(|d| (d, None));
    };
    let offset = match dt.offset {
        None | Some(toml::value::Offset::Z) => Some(0),
        Some(toml::value::Offset::Custom { minutes }) => Some(i32::from(minutes) * 60),
    };
    let day = date::ymd(i32::from(d.year), u32::from(d.month), u32::from(d.day));
    let at = day.as_ref().ok().and_then(|day| {
        let clock = chrono::NaiveTime::from_hms_nano_opt(
            u32::from(t.hour),
            u32::from(t.minute),
            u32::from(t.second.unwrap_or(0)),
            t.nanosecond.unwrap_or(0),
        )?;
        let offset = FixedOffset::east_opt(offset?)?;
        day.and_time(clock).and_local_timezone(offset).single()
    });
    match (day, at) {
        (Ok(day), Some(at)) => Some((day, Some(at))),
        (Ok(_), None) => {
            problems.push(
                doc.problem(
                    &value.span(),
                    "`published` is not a moment annals can read".to_string(),
                )
                .with_help("write it as 2020-02-29T10:30:00Z, or 2020-02-29T10:30:00+03:00"),
            );
            None
        }
        (Err(e), _) => {
            problems.push(doc.problem(&value.span(), e.message).with_help(e.help));
            None
        }
    }
}
