//! Reading one article: a source file of TOML front matter between `+++`
//! lines, then the article body, kept verbatim.

use std::cell::RefCell;

use super::DataFile;
use super::doc::{Doc, Fields, toml_date};
use crate::date;
use crate::problem::{Locator, Position, Problem, Problems};
use crate::source::{self, FenceError, Source};
use crate::text;

/// The fields front matter may have.
pub(crate) const FIELDS: &[&str] = &["title", "outlet", "published", "url", "language", "note"];

/// Reads a source file; its bytes become the article's text without a copy.
/// `check_id` asks for the file name to be a usable source id.
pub(super) fn parse(file: DataFile, problems: &mut Problems, check_id: bool) -> Option<Source> {
    let DataFile { path, bytes } = file;
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            problems.push(super::not_utf8(&path, e.as_bytes(), e.utf8_error()));
            return None;
        }
    };
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let before = problems.len();
    if check_id && !date::is_id(&id) {
        problems.push(
            Problem::new(&path, Position::START, format!("`{id}` is not a usable source id"))
                .with_help("name the file <id>.txt with an id that starts with a letter and uses only letters, digits, - and _"),
        );
    }
    let split = match source::split(&text) {
        Ok(split) => split,
        Err(FenceError::Missing) => {
            problems.push(
                Problem::new(&path, Position::START, "missing front matter: the file must start with a `+++` line")
                    .with_help("start the file with:\n+++\ntitle = \"...\"\npublished = 2020-02-29\n+++\nthen the article text"),
            );
            return None;
        }
        Err(FenceError::Unclosed) => {
            problems.push(
                Problem::new(
                    &path,
                    Position::START,
                    "broken front matter: the opening `+++` is never closed",
                )
                .with_help("add a line `+++` after the front matter, before the article text"),
            );
            return None;
        }
    };
    let body_offset = split.body_offset;
    let body_line = Position::of_offset(&text, body_offset).line;
    let locator = RefCell::new(Locator::new(split.front_matter));
    let doc = Doc {
        path: &path,
        text: split.front_matter,
        base: 0,
        first_line: Position::of_offset(&text, split.front_matter_offset).line,
        locator: &locator,
    };
    let table = doc.parse(problems)?;
    let fields = Fields {
        doc: &doc,
        table: table.get_ref(),
        span: 0..0,
        what: "front matter",
    };
    fields.check_known(FIELDS, problems);
    let title = fields.string("title", Some("\"What the article is about\""), problems);
    let published = match fields.get("published") {
        None => {
            fields.missing("published", "2020-02-29", problems);
            None
        }
        Some(value) => toml_date(&doc, value, "published", problems),
    };
    let outlet = fields.string("outlet", None, problems);
    let url = fields.string("url", None, problems);
    let language = fields.string("language", None, problems);
    let note = fields.string("note", None, problems);
    if split.body.trim().is_empty() {
        problems.push(
            Problem::new(
                &path,
                Position::of_offset(&text, body_offset),
                "the article body is empty",
            )
            .with_help("paste the article text below the closing `+++`"),
        );
    }
    drop(table);
    if problems.len() > before {
        return None;
    }
    // The body keeps the file's allocation: only the front matter is cut away.
    text.drain(..body_offset);
    Some(Source {
        id,
        title: title?,
        outlet,
        published: published?,
        url,
        language,
        note,
        path,
        body_line,
        paragraphs: text::paragraphs(&text),
        body: text,
    })
}
