//! Articles in JSON Lines, as news APIs and scrapers export them: one object a
//! line with `title`, `published` or `date`, `text` or `body`, and optionally
//! `url`, `outlet` or `source`, and `id`. A bad line is reported and skipped.

use chrono::NaiveDate;
use serde::Deserialize;

use super::source_file::{first_line_title, is_source_id, no_date};
use super::{DataFile, Options, dateline, files};
use crate::problem::{Position, Problem, Problems};
use crate::source::Source;
use crate::text;
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
        let published = match object.published.as_deref().map(str::trim) {
            Some(date) => match day(date) {
                Some(d) => Some(d),
                None => {
                    problems.push(bad(
                        format!("cannot read {date:?} as a publication date"),
                        "write it as 2020-02-29 (a time after it is ignored)",
                    ));
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
        out.push(Source {
            id,
            title: title.unwrap_or_default(),
            outlet: object.outlet,
            published,
            url: object.url,
            language: object.language,
            note: None,
            path: file.path.clone(),
            body_line: line,
            paragraphs: text::paragraphs(&body),
            body,
        });
    }
    out
}

/// A publication date: `2020-02-29`, or a timestamp starting with one.
fn day(text: &str) -> Option<NaiveDate> {
    let date = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
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
        assert_eq!((sources[1].id.as_str(), sources[1].body_line), ("b", 3));
        assert_eq!(sources[1].paragraphs.len(), 2);
        assert_eq!(sources[1].title, "More.");
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
        assert!(lines[2].starts_with("d/articles.jsonl:4:1: cannot read \"yesterday\""));
        assert!(lines[3].starts_with("d/articles.jsonl:5:1: no publication date"));
    }
}
