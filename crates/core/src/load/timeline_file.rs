//! Reading `timeline.toml`: the story's title and its events, each with a
//! date and evidence quoted from the sources.
//!
//! A timeline of a hundred thousand events is not parsed as one TOML tree:
//! the text is cut before each top-level `[[events]]` header (found with the
//! TOML lexer, so a header inside a multi-line string is not one) and every
//! piece is parsed on its own. Memory then stays near the size of the text,
//! and positions are still those of the whole file.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::DataFile;
use super::doc::{Doc, Fields, toml_date};
use super::resolve::{self, RawEvent};
use crate::date::{self, DateSpec};
use crate::event::{Basis, Drafted, Origin, Passage, Salience};
use crate::problem::{Locator, Problems};
use crate::quote::{self, Haystack};
use crate::source::Source;
use crate::suggest::with_suggestion;
use crate::text::sanitize_line;
use crate::timeline::Timeline;

/// `draft` is the record `annals draft` keeps of the events it drafted (see
/// the draft crate's `record` module): any table, read only by the re-draft.
const TOP_FIELDS: &[&str] = &["title", "summary", "events", "draft"];
const EVENT_FIELDS: &[&str] = &[
    "id",
    "title",
    "date",
    "summary",
    "disagreement",
    "tags",
    "evidence",
    "origin",
    "basis",
    "fingerprint",
    "salience",
];
const EVIDENCE_FIELDS: &[&str] = &["source", "quote"];
const RANGE_FIELDS: &[&str] = &["start", "end"];

/// How many quotes that are not found get a "nearest line" hint: finding it
/// reads the whole article, which a file of broken quotes should not repeat
/// without end.
const NEAREST_HINTS: usize = 500;

thread_local! {
    /// The hints a run of pieces may still give: the runs share
    /// [`NEAREST_HINTS`] out, each read whole on one thread, so which quotes
    /// get a hint does not depend on how the threads were scheduled.
    static HINTS_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The sources as evidence sees them: by id, ready for quote matching.
struct Sources<'s> {
    list: &'s [Source],
    by_id: FxHashMap<&'s str, usize>,
    /// By the id compared loosely ([`crate::text::loose_id`]), where one
    /// source has it: evidence may cite an id in another case, or as an
    /// older annals made it from the file name (`Wire_Story` for `wire-story`).
    by_loose: FxHashMap<String, Option<usize>>,
    haystacks: Vec<Haystack<'s>>,
    /// Files that failed to load, whose ids are not reported again as unknown.
    broken: &'s HashSet<String>,
}

/// How many `[[events]]` pieces one task of the parallel read takes: enough
/// to make a task's overhead nothing, few enough to share the work out.
const PIECES_PER_TASK: usize = 512;

/// Reads `timeline.toml` against the sources already loaded. The file's text
/// is let go once the events are read, before their dates are resolved.
pub(super) fn parse(
    file: DataFile,
    sources: Vec<Source>,
    broken: &HashSet<String>,
    problems: &mut Problems,
) -> Option<Timeline> {
    let (title, summary, raw) = read(&file, &sources, broken, problems)?;
    let path = file.path;
    drop(file.bytes);
    let events = resolve::resolve(&path, raw, problems);
    Some(Timeline {
        title: title?,
        summary,
        sources,
        events,
    })
}

/// The title, summary and events of the file.
type Read = (Option<String>, Option<String>, Vec<RawEvent>);

fn read(
    file: &DataFile,
    sources: &[Source],
    broken: &HashSet<String>,
    problems: &mut Problems,
) -> Option<Read> {
    let text = super::utf8(file, problems)?;
    let locator = RefCell::new(Locator::new(text));
    let whole = Doc {
        path: &file.path,
        text,
        base: 0,
        first_line: 1,
        locator: &locator,
    };
    let context = Sources {
        list: sources,
        by_id: sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect(),
        by_loose: {
            let mut by_loose: FxHashMap<String, Option<usize>> = FxHashMap::default();
            for (i, s) in sources.iter().enumerate() {
                by_loose
                    .entry(crate::text::loose_id(&s.id))
                    .and_modify(|one| *one = None)
                    .or_insert(Some(i));
            }
            by_loose
        },
        haystacks: sources
            .par_iter()
            .map(|s| Haystack::new(s.body()))
            .collect(),
        broken,
    };
    let pieces = pieces(text);
    let head = whole.piece(0, &text[pieces[0].clone()]);
    let mut title = None;
    let mut summary = None;
    // One event a piece, as a file is usually written.
    let mut raw = Vec::with_capacity(pieces.len());
    let mut inline_events = None;
    let mut head_parsed = false;
    HINTS_LEFT.with(|h| h.set(NEAREST_HINTS));
    if let Some(table) = head.parse(problems) {
        head_parsed = true;
        let top = Fields {
            doc: &head,
            table: table.get_ref(),
            span: 0..0,
            what: "timeline.toml",
        };
        top.check_known(TOP_FIELDS, problems);
        title = top.string("title", Some("\"The story's title\""), problems);
        summary = top.string("summary", None, problems);
        if let Some(record) = top.get("draft") {
            draft_record(&top, record, problems);
        }
        if let Some(events) = top.get("events") {
            inline_events = Some(events.span());
            read_events(&top, events, &context, &mut raw, problems);
        }
    }
    if head_parsed && inline_events.is_none() && pieces.len() == 1 {
        problems.push(
            head.problem(&(0..0), "timeline.toml has no `events`")
                .with_help("add it, for example: events = [[events]] tables, one per event"),
        );
    }
    if let (Some(span), Some(first)) = (inline_events, pieces.get(1)) {
        let doc = whole.piece(first.start, &text[first.clone()]);
        problems.push(
            doc.problem(&(0..0), "`events` is defined twice")
                .with_help(format!(
                    "line {} already sets `events`; write every event as an [[events]] table",
                    whole.position(&span).line
                )),
        );
    }
    // Events are read on every core, a run of pieces at a time, each run
    // with its own copy of the line index's cursor; runs are put back in
    // file order, and problems are sorted by place in the end anyway.
    let cursor = locator.borrow().clone();
    let per_run = NEAREST_HINTS.div_ceil(pieces.len().div_ceil(PIECES_PER_TASK).max(1));
    let path = file.path.as_path();
    let runs: Vec<(Vec<RawEvent>, Problems)> = pieces[1..]
        .par_chunks(PIECES_PER_TASK)
        .map(|run| {
            HINTS_LEFT.with(|h| h.set(per_run));
            let locator = RefCell::new(cursor.clone());
            let whole = Doc {
                path,
                text,
                base: 0,
                first_line: 1,
                locator: &locator,
            };
            let mut events = Vec::with_capacity(run.len());
            let mut problems = Problems::new();
            for piece in run {
                let doc = whole.piece(piece.start, &text[piece.clone()]);
                read_piece(&doc, &context, &mut events, &mut problems);
            }
            (events, problems)
        })
        .collect();
    for (events, found) in runs {
        raw.extend(events);
        for p in found {
            problems.push(p);
        }
    }
    Some((title, summary, raw))
}

/// One `[[events]]` piece: its events (and a `[draft]` record, if one
/// follows them), and any top-level field set after the events.
fn read_piece(
    doc: &Doc<'_>,
    context: &Sources<'_>,
    raw: &mut Vec<RawEvent>,
    problems: &mut Problems,
) {
    let Some(table) = doc.parse(problems) else {
        return;
    };
    let fields = Fields {
        doc,
        table: table.get_ref(),
        span: 0..0,
        what: "timeline.toml",
    };
    fields.check_known(TOP_FIELDS, problems);
    for (key, value) in table.get_ref() {
        match key.get_ref().as_ref() {
            "events" => read_events(&fields, value, context, raw, problems),
            "draft" => draft_record(&fields, value, problems),
            name if TOP_FIELDS.contains(&name) => problems.push(
                doc.problem(&key.span(), format!("`{name}` is set after the events"))
                    .with_help("move it to the top of the file, before the first [[events]]"),
            ),
            _ => {}
        }
    }
}

/// The byte ranges of the file's pieces: what comes before the first
/// top-level `[[events]]` header, then one piece from each such header on.
fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    // The head ends where the first piece starts, possibly at 0.
    starts.extend(event_headers(text));
    let mut ends: Vec<usize> = starts[1..].to_vec();
    ends.push(text.len());
    starts.into_iter().zip(ends).map(|(s, e)| s..e).collect()
}

/// Where top-level `[[events]]` headers start.
fn event_headers(text: &str) -> Vec<usize> {
    headers(text)
        .into_iter()
        .filter(|h| h.kind == HeaderKind::Events)
        .map(|h| h.at)
        .collect()
}

/// A top-level header that starts a piece of `timeline.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// Its byte offset, at the start of its line (after any indentation).
    pub at: usize,
    /// Which header.
    pub kind: HeaderKind,
}

/// The headers that cut `timeline.toml` into pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKind {
    /// `[[events]]`: one event, up to the next header.
    Events,
    /// `[draft]`: the re-draft's record.
    Draft,
}

/// Where top-level `[[events]]` and `[draft]` headers start. The scan knows just enough
/// TOML to skip strings and comments, so a header inside a multi-line string
/// or after `#` is not one; the TOML lexer finds the same (a test checks
/// this) but costs as much again as the parse.
pub fn headers(text: &str) -> Vec<Header> {
    let b = text.as_bytes();
    let line_end = |from: usize| memchr::memchr(b'\n', &b[from..]).map_or(b.len(), |k| from + k);
    let mut cuts = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line_start = true;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'#' => i = line_end(i),
            b'[' if line_start => {
                fn blank(s: &str) -> &str {
                    s.trim_start_matches([' ', '\t'])
                }
                let is_events = text[i..]
                    .strip_prefix("[[")
                    .and_then(|rest| blank(rest).strip_prefix("events"))
                    .is_some_and(|rest| blank(rest).starts_with("]]"));
                let is_draft = || {
                    text[i..]
                        .strip_prefix('[')
                        .filter(|rest| !rest.starts_with('['))
                        .and_then(|rest| blank(rest).strip_prefix("draft"))
                        .is_some_and(|rest| blank(rest).starts_with(']'))
                };
                if is_events {
                    cuts.push(Header {
                        at: i,
                        kind: HeaderKind::Events,
                    });
                } else if is_draft() {
                    cuts.push(Header {
                        at: i,
                        kind: HeaderKind::Draft,
                    });
                }
                line_start = false;
                i += 1;
            }
            quote @ (b'"' | b'\'') => {
                line_start = false;
                i = if b[i..].starts_with(&[quote; 3]) {
                    multi_line_string_end(b, i + 3, quote)
                } else {
                    string_end(b, i + 1, quote)
                };
            }
            _ => {
                line_start = false;
                i += 1;
            }
        }
    }
    cuts
}

/// Where a one-line string that opened before `from` ends: after its closing
/// quote, or at the end of the line if it is never closed. Quotes are most
/// of a timeline's bytes, so the scan jumps between the three bytes that
/// matter.
fn string_end(b: &[u8], mut from: usize, quote: u8) -> usize {
    while let Some(k) = memchr::memchr3(b'\\', b'\n', quote, &b[from.min(b.len())..]) {
        let at = from + k;
        match b[at] {
            b'\\' if quote == b'"' => from = at + 2,
            b'\\' => from = at + 1,
            b'\n' => return at,
            _ => return at + 1,
        }
    }
    b.len()
}

/// Where a multi-line string that opened before `from` ends: after its
/// closing three quotes (and up to two more, which belong to the string).
fn multi_line_string_end(b: &[u8], mut from: usize, quote: u8) -> usize {
    while let Some(k) = memchr::memchr2(b'\\', quote, &b[from.min(b.len())..]) {
        let at = from + k;
        if b[at] == b'\\' {
            from = at + if quote == b'"' { 2 } else { 1 };
        } else if b[at..].starts_with(&[quote; 3]) {
            let mut end = at + 3;
            while end < b.len() && b[end] == quote && end < at + 5 {
                end += 1;
            }
            return end;
        } else {
            from = at + 1;
        }
    }
    b.len()
}

/// The re-draft's record must be a table; what is in it is the re-draft's.
fn draft_record(top: &Fields<'_, '_, '_>, value: &Spanned<DeValue<'_>>, problems: &mut Problems) {
    if value.get_ref().as_table().is_none() {
        top.wrong_type(
            "draft",
            value,
            "the [draft] table annals draft writes",
            problems,
        );
    }
}

/// Reads the value of `events`: an array of event tables.
fn read_events(
    top: &Fields<'_, '_, '_>,
    events: &Spanned<DeValue<'_>>,
    sources: &Sources<'_>,
    raw: &mut Vec<RawEvent>,
    problems: &mut Problems,
) {
    match events.get_ref().as_array() {
        Some(array) if array.is_empty() => problems.push(
            top.doc
                .problem(&events.span(), "the timeline has no events")
                .with_help("add at least one [[events]] table"),
        ),
        Some(array) => {
            for event in array.iter() {
                raw.extend(parse_event(top.doc, event, sources, problems));
            }
        }
        None => top.wrong_type("events", events, "an array of [[events]] tables", problems),
    }
}

fn parse_event(
    doc: &Doc<'_>,
    value: &Spanned<DeValue<'_>>,
    sources: &Sources<'_>,
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
    let tags = fields.strings("tags", "[\"military\"]", problems);
    let origin = parse_origin(&fields, problems);
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
                    passages.extend(parse_evidence(doc, item, sources, problems));
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
    passages.sort_by_key(|p| (p.source(), p.quote().start));
    let (date, date_span) = date?;
    let id_span = fields.get("id").map_or(value.span(), |v| v.span());
    Some(RawEvent {
        id_at: doc.position(&id_span),
        id: id?,
        title: title.unwrap_or_default(),
        date,
        date_at: doc.position(&date_span),
        summary,
        disagreement,
        tags,
        passages,
        origin,
    })
}

/// Reads `origin`, and for a drafted event `basis`, `fingerprint` and `salience`.
fn parse_origin(fields: &Fields<'_, '_, '_>, problems: &mut Problems) -> Origin {
    let origin = fields.string("origin", None, problems);
    let fingerprint = fields.string("fingerprint", None, problems);
    let basis = fields.get("basis").and_then(|v| {
        let word = v.get_ref().as_str();
        let basis = word.and_then(Basis::parse);
        if basis.is_none() {
            problems.push(
                fields
                    .doc
                    .problem(
                        &v.span(),
                        "`basis` should be \"stated\", \"published\" or \"computed\"",
                    )
                    .with_help(
                        "it says where a drafted event's date comes from; remove it if unsure",
                    ),
            );
        }
        basis
    });
    let salience = fields.get("salience").and_then(|v| {
        let number = match v.get_ref() {
            DeValue::Integer(i) => i.as_str().parse::<f64>().ok(),
            DeValue::Float(x) => x.as_str().parse::<f64>().ok(),
            _ => None,
        };
        let salience = number.and_then(Salience::new);
        if salience.is_none() {
            problems.push(
                fields
                    .doc
                    .problem(&v.span(), "`salience` should be a number, such as 2.5")
                    .with_help(
                        "it ranks drafted events (higher is more central); remove it if unsure",
                    ),
            );
        }
        salience
    });
    match origin.as_deref() {
        None => Origin::Person,
        Some("drafted") => Origin::Drafted(Drafted {
            basis: basis.unwrap_or(Basis::Stated),
            fingerprint,
            salience,
        }),
        Some(other) => Origin::Other(other.to_string()),
    }
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
    result
        .map_err(|e| problems.push(doc.problem(&value.span(), e.message).with_help(e.help)))
        .ok()
}

fn parse_evidence(
    doc: &Doc<'_>,
    value: &Spanned<DeValue<'_>>,
    sources: &Sources<'_>,
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
    let source_id = fields.str("source", Some("\"sun\""), problems);
    let quote = fields.str(
        "quote",
        Some("\"words quoted verbatim from the article\""),
        problems,
    );
    let (source_id, quote) = (source_id?, quote?);
    let loose = || crate::text::loose_id(source_id);
    let found = sources
        .by_id
        .get(source_id)
        .copied()
        .or_else(|| sources.by_loose.get(&loose()).copied().flatten());
    let Some(index) = found else {
        let broken = sources.broken.contains(source_id)
            || sources
                .broken
                .iter()
                .any(|b| crate::text::loose_id(b) == loose());
        if !broken {
            let span = fields.get("source").map_or(value.span(), |v| v.span());
            let ids = sources.list.iter().map(|s| s.id.as_str());
            let known: Vec<&str> = ids.clone().take(20).collect();
            let more = sources.list.len().saturating_sub(known.len());
            let mut list = known.join(", ");
            if more > 0 {
                list.push_str(&format!(" and {more} more"));
            }
            problems.push(
                doc.problem(&span, format!("unknown source `{source_id}`"))
                    .with_help(with_suggestion(
                        source_id,
                        ids,
                        format!("known sources: {list}"),
                    )),
            );
        }
        return None;
    };
    let source = &sources.list[index];
    let found = sources.haystacks[index].find(quote);
    if let Some(found) = found {
        return Some(Passage::new(index, source, found));
    }
    let mut help = String::from(
        "quotes must match the article verbatim; only whitespace, Unicode normalisation and \
         typographic quotes, apostrophes and dashes may differ",
    );
    let took_a_hint = HINTS_LEFT.with(|h| match h.get() {
        0 => false,
        left => {
            h.set(left - 1);
            true
        }
    });
    if took_a_hint && let Some(near) = quote::nearest(source.body(), quote) {
        let full = sanitize_line(&source.body()[near.range.clone()]);
        let mut shown: String = full.chars().take(160).collect();
        if shown.len() < full.len() {
            shown.push('…');
        }
        let mut lines = format!(
            "nearest line, {}:{}: {shown}\n",
            source.path.display(),
            source.body_line + near.line
        );
        if !near.agreed.trim().is_empty() {
            lines.push_str(&format!(
                "they part after \u{201C}{}\u{201D}: the article has \u{201C}{}\u{201D} where the quote has \u{201C}{}\u{201D}\n",
                near.agreed.trim(),
                near.article_has,
                near.quote_has
            ));
        }
        help = lines + &help;
    }
    let quote_span = fields.get("quote").map_or(value.span(), |v| v.span());
    problems.push(
        doc.problem(
            &quote_span,
            format!("quote not found in {}", source.path.display()),
        )
        .with_help(help),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        pieces(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn pieces_start_at_top_level_events_headers() {
        let text = "title = \"T\"\n[[events]]\nid = \"a\"\n[[events.evidence]]\nx = 1\n  [[ events ]]\nid = \"b\"\n";
        assert_eq!(
            texts(text),
            vec![
                "title = \"T\"\n",
                "[[events]]\nid = \"a\"\n[[events.evidence]]\nx = 1\n  ",
                "[[ events ]]\nid = \"b\"\n"
            ]
        );
    }

    /// The TOML lexer's answer: `[[`, `events`, `]]` at the start of a line.
    fn headers_by_lexer(text: &str) -> Vec<usize> {
        use toml_parser::lexer::TokenKind;
        let tokens: Vec<_> = toml_parser::Source::new(text)
            .lex()
            .filter(|t| t.kind() != TokenKind::Whitespace)
            .collect();
        let mut cuts = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            let line_start = k == 0 || tokens[k - 1].kind() == TokenKind::Newline;
            let kinds: Vec<TokenKind> = tokens[k..].iter().take(5).map(|t| t.kind()).collect();
            let key = tokens
                .get(k + 2)
                .map(|t| &text[t.span().start()..t.span().end()]);
            let adjacent =
                |a: usize| tokens[k + a].span().end() == tokens[k + a + 1].span().start();
            if line_start
                && kinds
                    == [
                        TokenKind::LeftSquareBracket,
                        TokenKind::LeftSquareBracket,
                        TokenKind::Atom,
                        TokenKind::RightSquareBracket,
                        TokenKind::RightSquareBracket,
                    ]
                && key == Some("events")
                && adjacent(0)
                && adjacent(3)
            {
                cuts.push(t.span().start());
            }
        }
        cuts
    }

    #[test]
    fn the_scan_finds_what_the_lexer_finds() {
        for text in [
            "title = \"T\"\n[[events]]\nid = \"a\"\n  [[ events ]] # one\nid = \"b\"\n[[events.evidence]]\n",
            "[[events]]\n",
            "a = 1\n# [[events]]\nb = '[[events]]'\n[[eventsx]]\n[[events]]",
            "s = \"\"\"\n[[events]]\n\\\"\"\"\n[[events]]\n\"\"\"\n[[events]]\n",
            "s = '''\n[[events]]\n''''\n[[events]]\n",
            "s = \"unclosed\n[[events]]\n",
            "",
        ] {
            assert_eq!(event_headers(text), headers_by_lexer(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn the_scan_agrees_with_the_lexer_on_anything(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "[[events]]", "[[ events ]]", "\n", " ", "#", "\"", "'", "\"\"\"", "'''",
                    "\\", "x = ", "[[events.evidence]]", "[a]", "1",
                ]),
                0..30,
            )
        ) {
            // Tokens apart, as TOML writes them; run together (`1"""`), the
            // lexer reads one bare word where TOML would see an error anyway.
            let text: String = parts.join(" ");
            proptest::prop_assert_eq!(event_headers(&text), headers_by_lexer(&text), "{:?}", text);
        }
    }

    #[test]
    fn headers_inside_strings_and_comments_are_not_cut() {
        let text =
            "title = \"\"\"\n[[events]]\n\"\"\"\n# [[events]]\nx = '[[events]]'\n[[events]]\n";
        let t = texts(text);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[1], "[[events]]\n");
        assert_eq!(
            texts("[[events]]\nid = 1\n"),
            vec!["", "[[events]]\nid = 1\n"]
        );
    }
}
