//! Reading one article file: optional TOML front matter between `+++` lines,
//! then the article body, kept verbatim. Without front matter (or without
//! `published`) the publication date comes from a dateline at the top of the
//! body, else from [`Options::published`]; the title defaults to the first line.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::doc::{Doc, Fields, toml_published};
use super::{DataFile, Options, dateline, files};
use crate::problem::{Locator, Position, Problem, Problems};
use crate::source::{self, FenceError, Source};

/// The fields front matter may have.
pub(crate) const FIELDS: &[&str] = &[
    "id",
    "title",
    "outlet",
    "published",
    "url",
    "language",
    "note",
];

/// What front matter said, all optional.
#[derive(Default)]
struct Front {
    id: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<NaiveDate>,
    /// The moment, where `published` is a datetime.
    published_at: Option<DateTime<FixedOffset>>,
    url: Option<String>,
    language: Option<String>,
    note: Option<String>,
}

/// Reads an article file; its bytes become the article's text without a copy.
pub(super) fn parse(file: DataFile, options: &Options, problems: &mut Problems) -> Option<Source> {
    let read = read(file, options, problems)?;
    let Some(published) = read.published else {
        problems.push(no_date(&read.path));
        return None;
    };
    let Front {
        id,
        title,
        outlet,
        url,
        language,
        note,
        published_at,
        ..
    } = read.front;
    let id = id.unwrap_or_else(|| id_from_path(&read.path));
    Some(
        Source::new(id, published, read.body)
            .with_published_at(published_at)
            .with_title(title.unwrap_or_default())
            .with_outlet(outlet)
            .with_url(url)
            .with_language(language)
            .with_note(note)
            .with_file(read.path, read.body_line),
    )
}

/// An article file read without problems, though perhaps without a date.
pub(super) struct Read {
    path: PathBuf,
    /// The front matter, with the title from the first line if it has none.
    front: Front,
    /// From the front matter, a dateline or the options.
    pub published: Option<NaiveDate>,
    /// The text after the front matter.
    pub body: String,
    /// The file's line on which `body` starts.
    pub body_line: usize,
}

/// Reads an article file, reporting its problems; a missing publication
/// date is left to the caller, who may have one.
pub(super) fn read(file: DataFile, options: &Options, problems: &mut Problems) -> Option<Read> {
    let DataFile { path, bytes, saved } = file;
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            problems.push(super::not_utf8(&path, e.as_bytes(), e.utf8_error()));
            return None;
        }
    };
    let before = problems.len();
    let (front, body_offset) = match source::split(&text) {
        Ok(split) => {
            let front = front_matter(&path, &text, &split, problems);
            (front, split.body_offset)
        }
        Err(FenceError::Missing) => (Some(Front::default()), 0),
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
    let body = &text[body_offset..];
    if body.trim().is_empty() {
        problems.push(
            Problem::new(
                &path,
                Position::of_offset(&text, body_offset),
                "the article body is empty",
            )
            .with_help("paste the article text below the closing `+++`"),
        );
    }
    let mut front = front?;
    if problems.len() > before {
        return None;
    }
    let saved = saved.unwrap_or_else(files::today);
    let published = front
        .published
        .or_else(|| dateline::find(body, saved).map(|(date, _)| date))
        .or(options.published);
    if front.title.is_none() {
        front.title = first_line_title(body);
    }
    let body_line = Position::of_offset(&text, body_offset).line;
    // The body keeps the file's allocation: only the front matter is cut away.
    text.drain(..body_offset);
    Some(Read {
        path,
        front,
        published,
        body: text,
        body_line,
    })
}

/// The problem of an article with no publication date anywhere.
pub(super) fn no_date(path: &Path) -> Problem {
    Problem::new(
        path,
        Position::START,
        "no publication date: no `published` in front matter and no dateline at the top",
    )
    .with_help(
        "start the file with front matter:\n+++\npublished = 2020-02-29\n+++\n\
         or pass --published 2020-02-29 for articles that give no date",
    )
}

fn front_matter(
    path: &Path,
    text: &str,
    split: &source::Split<'_>,
    problems: &mut Problems,
) -> Option<Front> {
    let locator = RefCell::new(Locator::new(split.front_matter));
    let doc = Doc {
        path,
        text: split.front_matter,
        base: 0,
        first_line: Position::of_offset(text, split.front_matter_offset).line,
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
    let id = fields.string("id", None, problems);
    if let (Some(id), Some(v)) = (&id, fields.get("id"))
        && !is_source_id(id)
    {
        problems.push(
            doc.problem(&v.span(), format!("`{id}` is not a usable source id"))
                .with_help("use letters, digits, - and _ only"),
        );
    }
    let published = fields
        .get("published")
        .and_then(|v| toml_published(&doc, v, problems));
    Some(Front {
        id,
        title: fields.string("title", None, problems),
        outlet: fields.string("outlet", None, problems),
        published: published.map(|(day, _)| day),
        published_at: published.and_then(|(_, at)| at),
        url: fields.string("url", None, problems),
        language: fields.string("language", None, problems),
        note: fields.string("note", None, problems),
    })
}

/// A title for an article that gives none: its first line, without Markdown
/// heading marks, unless that line is only a dateline; then the next one.
pub(super) fn first_line_title(body: &str) -> Option<String> {
    const MAX: usize = 120;
    let mut lines = body
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .filter(|l| !l.is_empty());
    // A dateline or a byline above the headline is not it.
    let line = lines.find(|l| !dateline::is_only_a_date(l) && !is_byline(l))?;
    if line.chars().count() <= MAX {
        return Some(line.to_string());
    }
    // Cut at a word boundary, never mid-word.
    let cut: String = line.chars().take(MAX).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    Some(format!("{}…", cut[..end].trim_end_matches([',', ';', ':'])))
}

/// Whether a line is a byline ("By the CNN Wire Staff", "By Jane Doe and
/// John Roe, Reuters"): `By` and a few words, each a name (capitalised) or
/// one of the words bylines are made of.
pub fn is_byline(line: &str) -> bool {
    const BYLINE_WORDS: &[&str] = &[
        "the",
        "and",
        "of",
        "for",
        "in",
        "at",
        "staff",
        "wire",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "contributor",
    ];
    let mut words = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|' | '/'))
        .filter(|w| !w.is_empty());
    if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("by")) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    !rest.is_empty()
        && rest.len() <= 10
        && rest.iter().all(|w| {
            w.starts_with(char::is_uppercase) || BYLINE_WORDS.contains(&w.to_lowercase().as_str())
        })
}

/// Whether `id` can name a source: letters, digits, `-` and `_`.
pub(crate) fn is_source_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// A source id from a file name: the slug of its stem, by the one rule of
/// ids ([`crate::text::slug`]: "100911_Northrop Grumman, EADS.txt" becomes
/// `100911_northrop-grumman-eads`, "Sun.txt" `sun`). Evidence that cites a
/// file's id as an older annals made it (the stem as it came, `Sun`) still
/// finds it: sources are also found by their slug.
pub(crate) fn id_from_path(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::text::slug(&stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_of_file_names_whatever_their_case() {
        let id = |name: &str| id_from_path(Path::new(name));
        assert_eq!(id("d/sun.txt"), "sun");
        assert_eq!(
            id("100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing.txt"),
            "100911_northrop_grumman_and_airbus_parent_eads_defeat_boeing"
        );
        assert_eq!(
            id("11212_Apple_releases_iPhone_SDK,_announces_upcoming_update.txt"),
            "11212_apple_releases_iphone_sdk-_announces_upcoming_update"
        );
        assert_eq!(id("Genève talks (draft) .md"), "genève-talks-draft");
        assert_eq!(id("???.txt"), "article");
    }

    #[test]
    fn titles_default_to_the_first_line() {
        assert_eq!(
            first_line_title("# Deal signed\n\nText").as_deref(),
            Some("Deal signed")
        );
        assert_eq!(
            first_line_title("June 9, 2008\n\nApple Computer today launched").as_deref(),
            Some("Apple Computer today launched")
        );
        assert_eq!(
            first_line_title("By the CNN Wire Staff\n\nTroops leave Kabul\n\nText").as_deref(),
            Some("Troops leave Kabul")
        );
        assert!(is_byline(
            "By JANE DOE and John Roe, Associated Press Writer"
        ));
        assert!(!is_byline("By Thursday the deal had collapsed"));
        assert!(!is_byline("By 2021, all troops will leave"));
        assert!(!is_byline("Bystanders hurt"));
        let long = "word ".repeat(40);
        let t = first_line_title(&long).unwrap();
        assert!(t.ends_with("word…") && t.chars().count() <= 121, "{t}");
    }
}
