//! Loading a data folder (`timeline.toml` and `sources/*.txt`) into a checked
//! [`Timeline`], collecting every problem rather than stopping at the first.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::date::{self, DateSpec, When};
use crate::event::{Event, Passage};
use crate::problem::{Position, Problem, Problems};
use crate::source::{self, FenceError, Source};
use crate::text;
use crate::timeline::Timeline;

/// A file of a data folder, read into memory.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// The path shown in messages.
    pub path: PathBuf,
    /// The raw contents.
    pub bytes: Vec<u8>,
}

/// The files of a data folder.
#[derive(Debug, Clone, Default)]
pub struct DataFiles {
    /// The folder, as shown in messages.
    pub dir: PathBuf,
    /// `timeline.toml`, if present.
    pub timeline: Option<DataFile>,
    /// `sources/*.txt`, if the folder exists, sorted by name.
    pub sources: Option<Vec<DataFile>>,
}

/// Loads the data folder at `dir`.
pub fn load(dir: &Path) -> Result<Timeline, Problems> {
    read_dir(dir).and_then(|files| load_files(&files))
}

/// Reads the files of a data folder without interpreting them.
pub fn read_dir(dir: &Path) -> Result<DataFiles, Problems> {
    let fail = |path: &Path, message: String, help: &str| {
        let mut problems = Problems::new();
        problems.push(Problem::new(path, Position::START, message).with_help(help));
        problems
    };
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(fail(
                dir,
                "this is a file, not a data folder".into(),
                "pass the folder that holds timeline.toml and sources/",
            ));
        }
        Err(e) => {
            return Err(fail(
                dir,
                format!("cannot open the data folder: {}", io_reason(&e)),
                "pass the folder that holds timeline.toml and sources/",
            ));
        }
    }
    let read = |path: PathBuf| -> Result<Option<DataFile>, Problems> {
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(DataFile { path, bytes })),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(fail(
                &path,
                format!("cannot read: {}", io_reason(&e)),
                "check the file's permissions",
            )),
        }
    };
    let timeline = read(dir.join("timeline.toml"))?;
    let sources_dir = dir.join("sources");
    let sources = match fs::read_dir(&sources_dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
                .collect();
            paths.sort();
            let mut files = Vec::with_capacity(paths.len());
            for path in paths {
                files.extend(read(path)?);
            }
            Some(files)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(fail(
                &sources_dir,
                format!("cannot read the sources folder: {}", io_reason(&e)),
                "check the folder's permissions",
            ));
        }
    };
    Ok(DataFiles {
        dir: dir.to_path_buf(),
        timeline,
        sources,
    })
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "it does not exist".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Builds a timeline from files already in memory.
pub fn load_files(files: &DataFiles) -> Result<Timeline, Problems> {
    let mut problems = Problems::new();
    let no_sources = files.sources.as_ref().is_none_or(Vec::is_empty);
    if files.timeline.is_none() && no_sources {
        problems.push(
            Problem::new(
                &files.dir,
                Position::START,
                "empty data folder: no timeline.toml and no sources",
            )
            .with_help(
                "a data folder holds timeline.toml and sources/<id>.txt, one article a file;\n\
                     see the README's \"Data format\" section",
            ),
        );
        return Err(problems);
    }
    let mut sources = Vec::new();
    match &files.sources {
        None => problems.push(
            Problem::new(
                files.dir.join("sources"),
                Position::START,
                "the sources folder is missing",
            )
            .with_help("create sources/ and put each article in it as <id>.txt"),
        ),
        Some(list) if list.is_empty() => problems.push(
            Problem::new(
                files.dir.join("sources"),
                Position::START,
                "no articles in the sources folder",
            )
            .with_help("put each article in sources/ as <id>.txt"),
        ),
        Some(list) => {
            for file in list {
                if let Some(source) = parse_source(file, &mut problems, true) {
                    sources.push(source);
                }
            }
        }
    }
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    let timeline = match &files.timeline {
        None => {
            problems.push(
                Problem::new(
                    files.dir.join("timeline.toml"),
                    Position::START,
                    "timeline.toml is missing",
                )
                .with_help("create timeline.toml with a title and [[events]]; see the README"),
            );
            None
        }
        Some(file) => {
            let known_bad: Vec<&Path> = files
                .sources
                .iter()
                .flatten()
                .map(|f| f.path.as_path())
                .filter(|p| problems.mentions(p))
                .collect();
            parse_timeline(file, &sources, &known_bad, &mut problems)
        }
    };
    problems.sort();
    match timeline {
        Some(t) if problems.is_empty() => Ok(t),
        _ => Err(problems),
    }
}

/// An article read on its own, for tagging: a source file with front matter,
/// or plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The text to tag: the body after the front matter, or the whole file.
    pub body: String,
    /// The publication date from the front matter, if there is one.
    pub published: Option<NaiveDate>,
    /// The 1-based line of the file on which `body` starts.
    pub body_line: usize,
}

/// Reads one article. A file that starts with a `+++` line must have valid
/// front matter (its problems are reported as for a data folder); any other
/// UTF-8 file is taken whole as plain text.
pub fn read_article(file: &DataFile) -> Result<Article, Problems> {
    let mut problems = Problems::new();
    let text = utf8(file, &mut problems).ok_or_else(|| problems.clone())?;
    if source::split(text) == Err(FenceError::Missing) {
        return Ok(Article {
            body: text.to_string(),
            published: None,
            body_line: 1,
        });
    }
    match parse_source(file, &mut problems, false) {
        Some(source) => Ok(Article {
            body: source.body,
            published: Some(source.published),
            body_line: source.body_line,
        }),
        None => Err(problems),
    }
}

/// Decodes a file as UTF-8, reporting where it is not.
fn utf8<'a>(file: &'a DataFile, problems: &mut Problems) -> Option<&'a str> {
    match std::str::from_utf8(&file.bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let good = e.valid_up_to();
            let prefix = std::str::from_utf8(&file.bytes[..good]).unwrap_or_default();
            let mut position = Position::of_offset(prefix, good);
            if good == prefix.len() && prefix.ends_with('\n') {
                position = Position {
                    line: position.line,
                    column: 1,
                };
            }
            problems.push(
                Problem::new(
                    &file.path,
                    position,
                    format!(
                        "not UTF-8: byte 0x{:02X} is not valid UTF-8 text",
                        file.bytes[good]
                    ),
                )
                .with_help(
                    "save the file as UTF-8 (most editors offer this under \"Save with encoding\")",
                ),
            );
            None
        }
    }
}

/// A TOML document being read, with what is needed to point at any of it.
struct Doc<'a> {
    path: &'a Path,
    text: &'a str,
    /// The file's line number of `text`'s first line (front matter sits below the fence).
    first_line: usize,
}

impl Doc<'_> {
    fn position(&self, span: &Range<usize>) -> Position {
        Position::of_offset(self.text, span.start)
    }

    fn problem(&self, span: &Range<usize>, message: impl Into<String>) -> Problem {
        let mut position = self.position(span);
        position.line += self.first_line - 1;
        Problem::new(self.path, position, message)
    }

    fn parse(&self, problems: &mut Problems) -> Option<Spanned<DeTable<'_>>> {
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

/// The fields a table may have, for reading tables field by field.
struct Fields<'d, 'a> {
    doc: &'d Doc<'a>,
    table: &'d DeTable<'d>,
    span: Range<usize>,
    what: &'static str,
}

impl<'d, 'a> Fields<'d, 'a> {
    /// Reports keys that are not in `known`, suggesting the nearest known one.
    fn check_known(&self, known: &[&str], problems: &mut Problems) {
        for key in self.table.keys() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let mut help = format!("the fields of {} are: {}", self.what, known.join(", "));
            if let Some(near) = suggest(name, known.iter().copied()) {
                help = format!("did you mean `{near}`? {help}");
            }
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

    fn get(&self, key: &str) -> Option<&'d Spanned<DeValue<'d>>> {
        self.table.get(key)
    }

    fn missing(&self, key: &str, example: &str, problems: &mut Problems) {
        problems.push(
            self.doc
                .problem(&self.span, format!("{} has no `{key}`", self.what))
                .with_help(format!("add it, for example: {key} = {example}")),
        );
    }

    fn wrong_type(
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

    /// A required or optional string field.
    fn string(&self, key: &str, required: Option<&str>, problems: &mut Problems) -> Option<String> {
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
                Some(s) => Some(s.to_string()),
                None => {
                    self.wrong_type(key, value, "a string in \"quotes\"", problems);
                    None
                }
            },
        }
    }
}

/// The closest of `candidates` to `word` by edit distance, if close enough to be a typo.
pub(crate) fn suggest<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

const SOURCE_FIELDS: &[&str] = &["title", "outlet", "published", "url", "language", "note"];

fn parse_source(file: &DataFile, problems: &mut Problems, check_id: bool) -> Option<Source> {
    let text = utf8(file, problems)?;
    let id = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let before = problems.len();
    if check_id && !date::is_id(&id) {
        problems.push(
            Problem::new(&file.path, Position::START, format!("`{id}` is not a usable source id"))
                .with_help("name the file <id>.txt with an id that starts with a letter and uses only letters, digits, - and _"),
        );
    }
    let split = match source::split(text) {
        Ok(split) => split,
        Err(FenceError::Missing) => {
            problems.push(
                Problem::new(&file.path, Position::START, "missing front matter: the file must start with a `+++` line")
                    .with_help("start the file with:\n+++\ntitle = \"...\"\npublished = 2020-02-29\n+++\nthen the article text"),
            );
            return None;
        }
        Err(FenceError::Unclosed) => {
            problems.push(
                Problem::new(
                    &file.path,
                    Position::START,
                    "broken front matter: the opening `+++` is never closed",
                )
                .with_help("add a line `+++` after the front matter, before the article text"),
            );
            return None;
        }
    };
    let doc = Doc {
        path: &file.path,
        text: split.front_matter,
        first_line: Position::of_offset(text, split.front_matter_offset).line,
    };
    let table = doc.parse(problems)?;
    let fields = Fields {
        doc: &doc,
        table: table.get_ref(),
        span: 0..0,
        what: "front matter",
    };
    fields.check_known(SOURCE_FIELDS, problems);
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
    let body = split.body;
    if body.trim().is_empty() {
        problems.push(
            Problem::new(
                &file.path,
                Position::of_offset(text, split.body_offset),
                "the article body is empty",
            )
            .with_help("paste the article text below the closing `+++`"),
        );
    }
    if problems.len() > before {
        return None;
    }
    Some(Source {
        id,
        title: title?,
        outlet,
        published: published?,
        url,
        language,
        note,
        path: file.path.clone(),
        body_line: Position::of_offset(text, split.body_offset).line,
        paragraphs: text::paragraphs(body),
        body: body.to_string(),
    })
}

/// Reads a TOML date (2020-02-29), or the same as a string, as a calendar day.
fn toml_date(
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

/// An event as read from `timeline.toml`, before dates are resolved.
struct RawEvent {
    id: String,
    id_span: Range<usize>,
    title: String,
    /// `None` when the date could not be read (already reported).
    date: Option<DateSpec>,
    date_span: Range<usize>,
    summary: Option<String>,
    disagreement: Option<String>,
    tags: Vec<String>,
    passages: Vec<Passage>,
}

const TOP_FIELDS: &[&str] = &["title", "summary", "events"];
const EVENT_FIELDS: &[&str] = &[
    "id",
    "title",
    "date",
    "summary",
    "disagreement",
    "tags",
    "evidence",
];
const EVIDENCE_FIELDS: &[&str] = &["source", "quote"];
const RANGE_FIELDS: &[&str] = &["start", "end"];

fn parse_timeline(
    file: &DataFile,
    sources: &[Source],
    broken_sources: &[&Path],
    problems: &mut Problems,
) -> Option<Timeline> {
    let text = utf8(file, problems)?;
    let doc = Doc {
        path: &file.path,
        text,
        first_line: 1,
    };
    let table = doc.parse(problems)?;
    let top = Fields {
        doc: &doc,
        table: table.get_ref(),
        span: 0..0,
        what: "timeline.toml",
    };
    top.check_known(TOP_FIELDS, problems);
    let title = top.string("title", Some("\"The story's title\""), problems);
    let summary = top.string("summary", None, problems);
    let haystacks: Vec<text::Haystack> = sources
        .iter()
        .map(|s| text::Haystack::new(&s.body))
        .collect();
    let mut raw = Vec::new();
    match top.get("events") {
        None => top.missing("events", "[[events]] tables, one per event", problems),
        Some(events) => match events.get_ref().as_array() {
            Some(array) if array.is_empty() => problems.push(
                doc.problem(&events.span(), "the timeline has no events")
                    .with_help("add at least one [[events]] table"),
            ),
            Some(array) => {
                for event in array.iter() {
                    if let Some(e) =
                        parse_event(&doc, event, (sources, &haystacks), broken_sources, problems)
                    {
                        raw.push(e);
                    }
                }
            }
            None => top.wrong_type("events", events, "an array of [[events]] tables", problems),
        },
    }
    let events = resolve(&doc, raw, problems);
    Some(Timeline {
        title: title?,
        summary,
        sources: sources.to_vec(),
        events,
    })
}

fn parse_event(
    doc: &Doc<'_>,
    value: &Spanned<DeValue<'_>>,
    sources: (&[Source], &[text::Haystack]),
    broken_sources: &[&Path],
    problems: &mut Problems,
) -> Option<RawEvent> {
    let Some(table) = value.get_ref().as_table() else {
        problems.push(
            doc.problem(
                &value.span(),
                format!(
                    "an event should be a table, not {}",
                    value.get_ref().type_str()
                ),
            )
            .with_help("write each event as an [[events]] table"),
        );
        return None;
    };
    let fields = Fields {
        doc,
        table,
        span: value.span(),
        what: "an event",
    };
    fields.check_known(EVENT_FIELDS, problems);
    let id = fields.string("id", Some("\"signing\""), problems);
    if let (Some(id), Some(v)) = (&id, fields.get("id"))
        && !date::is_id(id)
    {
        problems.push(
            doc.problem(&v.span(), format!("`{id}` is not a usable event id"))
                .with_help("start with a letter and use only letters, digits, - and _"),
        );
    }
    let title = fields.string("title", Some("\"What happened\""), problems);
    let summary = fields.string("summary", None, problems);
    let disagreement = fields.string("disagreement", None, problems);
    let mut tags = Vec::new();
    if let Some(v) = fields.get("tags") {
        match v.get_ref().as_array() {
            Some(items) => {
                for item in items.iter() {
                    match item.get_ref().as_str() {
                        Some(s) => tags.push(s.to_string()),
                        None => fields.wrong_type("tags", item, "a list of strings", problems),
                    }
                }
            }
            None => fields.wrong_type(
                "tags",
                v,
                "a list of strings, such as [\"military\"]",
                problems,
            ),
        }
    }
    let date = match fields.get("date") {
        None => {
            fields.missing(
                "date",
                "2020-02-29 (or \"2001-10\", 2001, \"signing + 135 days\")",
                problems,
            );
            None
        }
        Some(v) => Some((parse_date(doc, v, problems), v.span())),
    };
    let mut passages = Vec::new();
    match fields.get("evidence") {
        None => fields.missing(
            "evidence",
            "[{ source = \"id\", quote = \"words from the article\" }]",
            problems,
        ),
        Some(v) => match v.get_ref().as_array() {
            Some(items) if items.is_empty() => problems.push(
                doc.problem(&v.span(), "the event has no evidence")
                    .with_help("quote at least one source in [[events.evidence]]"),
            ),
            Some(items) => {
                for item in items.iter() {
                    passages.extend(parse_evidence(doc, item, sources, broken_sources, problems));
                }
            }
            None => fields.wrong_type(
                "evidence",
                v,
                "an array of [[events.evidence]] tables",
                problems,
            ),
        },
    }
    // An event with problems is still returned when its id and date can be
    // read, so that duplicate ids, unknown anchors and cycles are reported too;
    // the timeline as a whole fails whenever any problem was found.
    passages.sort_by_key(|p| (p.source, p.quote.start));
    let (date, date_span) = date?;
    Some(RawEvent {
        id_span: fields.get("id").map_or(value.span(), |v| v.span()),
        id: id?,
        title: title.unwrap_or_default(),
        date,
        date_span,
        summary,
        disagreement,
        tags,
        passages,
    })
}

fn parse_date(
    doc: &Doc<'_>,
    value: &Spanned<DeValue<'_>>,
    problems: &mut Problems,
) -> Option<DateSpec> {
    let result = match value.get_ref() {
        DeValue::Integer(i) => i
            .as_str()
            .parse::<i64>()
            .map_err(|_| {
                date::DateError::new(
                    "`date` should be a year such as 2001",
                    "write the year in decimal",
                )
            })
            .and_then(date::year),
        DeValue::String(s) => date::parse_str(s),
        DeValue::Datetime(_) => return toml_date(doc, value, "date", problems).map(DateSpec::Day),
        DeValue::Table(table) => {
            let fields = Fields {
                doc,
                table,
                span: value.span(),
                what: "a date range",
            };
            fields.check_known(RANGE_FIELDS, problems);
            let mut ends = [None, None];
            for (slot, key) in ends.iter_mut().zip(RANGE_FIELDS) {
                match fields.get(key) {
                    None => fields.missing(key, "2020-02-22", problems),
                    Some(v) => *slot = toml_date(doc, v, key, problems),
                }
            }
            let [Some(start), Some(end)] = ends else {
                return None;
            };
            Ok(DateSpec::Range(start, end))
        }
        other => Err(date::DateError::new(
            format!("`date` should be a date, not {}", other.type_str()),
            date::FORMS,
        )),
    };
    match result {
        Ok(spec) => Some(spec),
        Err(e) => {
            problems.push(doc.problem(&value.span(), e.message).with_help(e.help));
            None
        }
    }
}

fn parse_evidence(
    doc: &Doc<'_>,
    value: &Spanned<DeValue<'_>>,
    (sources, haystacks): (&[Source], &[text::Haystack]),
    broken_sources: &[&Path],
    problems: &mut Problems,
) -> Option<Passage> {
    let Some(table) = value.get_ref().as_table() else {
        problems.push(
            doc.problem(
                &value.span(),
                "evidence should be a table with `source` and `quote`",
            )
            .with_help("write { source = \"id\", quote = \"words from the article\" }"),
        );
        return None;
    };
    let fields = Fields {
        doc,
        table,
        span: value.span(),
        what: "evidence",
    };
    fields.check_known(EVIDENCE_FIELDS, problems);
    let source_id = fields.string("source", Some("\"sun\""), problems);
    let quote = fields.string(
        "quote",
        Some("\"words quoted verbatim from the article\""),
        problems,
    );
    let (source_id, quote) = (source_id?, quote?);
    let Some(index) = sources.iter().position(|s| s.id == source_id) else {
        let broken = broken_sources.iter().any(|p| {
            p.file_stem()
                .is_some_and(|s| s.to_string_lossy() == source_id)
        });
        if !broken {
            let span = fields.get("source").map_or(value.span(), |v| v.span());
            let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
            let mut help = format!("known sources: {}", ids.join(", "));
            if let Some(near) = suggest(&source_id, ids.iter().copied()) {
                help = format!("did you mean `{near}`? {help}");
            }
            problems.push(
                doc.problem(&span, format!("unknown source `{source_id}`"))
                    .with_help(help),
            );
        }
        return None;
    };
    let source = &sources[index];
    let quote_span = fields.get("quote").map_or(value.span(), |v| v.span());
    match haystacks[index].find(&quote) {
        Some(found) => Some(Passage {
            source: index,
            paragraph: source.paragraph_around(&found),
            quote: found,
        }),
        None => {
            let mut help = String::from(
                "quotes must match the article verbatim; only whitespace and typographic quotes, apostrophes and dashes may differ",
            );
            if let Some((line, range)) = text::nearest_line(&source.body, &quote) {
                let full = text::sanitize_line(&source.body[range]);
                let mut shown: String = full.chars().take(160).collect();
                if shown.len() < full.len() {
                    shown.push('…');
                }
                help = format!(
                    "nearest line, {}:{}: {shown}\n{help}",
                    source.path.display(),
                    source.body_line + line
                );
            }
            problems.push(
                doc.problem(
                    &quote_span,
                    format!("quote not found in {}", source.path.display()),
                )
                .with_help(help),
            );
            None
        }
    }
}

/// Resolves relative dates in dependency order, reporting unknown anchors and
/// cycles, and returns the events sorted by date.
fn resolve(doc: &Doc<'_>, raw: Vec<RawEvent>, problems: &mut Problems) -> Vec<Event> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut duplicate = vec![false; raw.len()];
    for (i, e) in raw.iter().enumerate() {
        if let Some(&first) = index.get(e.id.as_str()) {
            duplicate[i] = true;
            problems.push(
                doc.problem(&e.id_span, format!("duplicate event id `{}`", e.id))
                    .with_help(format!(
                        "line {} already uses it; give each event its own id",
                        doc.position(&raw[first].id_span).line
                    )),
            );
        } else {
            index.insert(&e.id, i);
        }
    }
    #[derive(Clone)]
    enum State {
        Todo,
        Busy,
        Done(Option<When>),
    }
    let mut state = vec![State::Todo; raw.len()];
    for root in 0..raw.len() {
        // Each event has at most one anchor, so following anchors walks a path;
        // an explicit stack keeps long chains from exhausting the call stack.
        let mut path = vec![root];
        while let Some(&current) = path.last() {
            match state[current] {
                State::Done(_) => {
                    path.pop();
                    continue;
                }
                // Its anchor has been resolved since it was pushed.
                State::Busy => {}
                State::Todo => {
                    state[current] = State::Busy;
                    if let Some(anchor) = raw[current].date.as_ref().and_then(DateSpec::anchor) {
                        match index.get(anchor) {
                            None => {
                                let ids: Vec<&str> = raw.iter().map(|e| e.id.as_str()).collect();
                                let mut help =
                                    "a relative date names the id of another event".to_string();
                                if let Some(near) = suggest(anchor, ids.iter().copied()) {
                                    help = format!("did you mean `{near}`? {help}");
                                }
                                problems.push(
                                    doc.problem(
                                        &raw[current].date_span,
                                        format!("unknown event `{anchor}` in relative date"),
                                    )
                                    .with_help(help),
                                );
                                state[current] = State::Done(None);
                                path.pop();
                                continue;
                            }
                            Some(&next) => match state[next] {
                                State::Todo => {
                                    path.push(next);
                                    continue;
                                }
                                State::Busy => {
                                    let from = path.iter().position(|&p| p == next).unwrap_or(0);
                                    let cycle: Vec<&str> = path[from..]
                                        .iter()
                                        .chain(std::iter::once(&next))
                                        .map(|&i| raw[i].id.as_str())
                                        .collect();
                                    problems.push(
                                        doc.problem(
                                            &raw[current].date_span,
                                            format!(
                                                "relative dates form a cycle: {}",
                                                cycle.join(" → ")
                                            ),
                                        )
                                        .with_help("give one of these events an absolute date"),
                                    );
                                    for &i in &path[from..] {
                                        state[i] = State::Done(None);
                                    }
                                    path.truncate(from);
                                    continue;
                                }
                                State::Done(_) => {}
                            },
                        }
                    }
                }
            }
            let Some(date) = &raw[current].date else {
                state[current] = State::Done(None);
                path.pop();
                continue;
            };
            let when = match date.absolute() {
                Some(result) => Some(result),
                None => date
                    .anchor()
                    .and_then(|a| index.get(a))
                    .and_then(|&i| match &state[i] {
                        State::Done(Some(anchor)) => Some(date.resolve(anchor)),
                        _ => None,
                    }),
            };
            state[current] = State::Done(match when {
                Some(Ok(w)) => Some(w),
                Some(Err(e)) => {
                    problems.push(
                        doc.problem(&raw[current].date_span, e.message)
                            .with_help(e.help),
                    );
                    None
                }
                // The anchor failed and has its own message.
                None => None,
            });
            path.pop();
        }
    }
    let mut events: Vec<Event> = raw
        .into_iter()
        .zip(state)
        .zip(duplicate)
        .filter_map(|((e, state), dup)| {
            let State::Done(Some(when)) = state else {
                return None;
            };
            if dup {
                return None;
            }
            let mut sources: Vec<usize> = e.passages.iter().map(|p| p.source).collect();
            sources.dedup();
            Some(Event {
                id: e.id,
                title: e.title,
                when,
                summary: e.summary,
                disagreement: e.disagreement,
                tags: e.tags,
                passages: e.passages,
                sources,
            })
        })
        .collect();
    events.sort_by_key(|e| e.when.start);
    events
}

#[cfg(test)]
mod tests;
