//! Drafting again over a timeline.toml that already exists: nothing a person
//! wrote is lost.
//!
//! The file is cut into pieces at each top-level `[[events]]` (and at the
//! `[draft]` record). A piece is replaced only when it is, byte for byte,
//! what annals wrote: its fingerprint is that of its whole text (see
//! [`annals_core::write::piece_is_untouched`]), so an edited field, a comment
//! above, inside or after any line, a changed `basis` or `id` each keep the
//! piece as it is. Every other piece (the head, events a person wrote or
//! edited, events written inline) is copied through untouched, in its place,
//! with its line ends. A drafted event nobody edited is updated in place,
//! keeping its id, from the new draft's event for the same happening; one the
//! draft no longer finds is removed, unless an event that stays counts its
//! date from it. New events are appended, left out where an event a person
//! kept already tells them, or where the `[draft]` record says a person
//! deleted them ([`crate::record`]).

use std::ops::Range;

use annals_core::date::DateSpec;
use annals_core::load::{HeaderKind, headers};
use annals_core::write::{self, append_inline, event_text, piece_is_untouched, to_crlf, uses_crlf};
use annals_core::{Event, Origin, Precision, Timeline, When};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::record::{self, Entry};

/// What a draft did to the file, counted from the text written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Events written or edited by a person (or written inline), kept as they are.
    pub kept: usize,
    /// Drafted events nobody had edited, updated from the new draft.
    pub updated: usize,
    /// Drafted events nobody had edited that the new draft gives as they are.
    pub unchanged: usize,
    /// New drafted events appended.
    pub added: usize,
    /// Drafted events nobody had edited that the new draft no longer finds: removed.
    pub dropped: usize,
    /// New drafted events left out because a kept event already tells them.
    pub already_told: usize,
    /// New drafted events left out because a person deleted them before.
    pub deleted: usize,
    /// Events kept as they are because they quote an article that could not
    /// be read this time (drafted or not): the draft cannot see their evidence.
    pub unread: usize,
}

impl Counts {
    /// How many events the text written has.
    pub fn events(&self) -> usize {
        self.kept + self.updated + self.unchanged + self.added + self.unread
    }
}

/// The new text of timeline.toml, and what the draft did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// The new text of timeline.toml.
    pub text: String,
    /// What the draft did.
    pub counts: Counts,
}

/// The text of a first draft: the timeline and its record.
pub fn fresh(drafted: &Timeline) -> Merged {
    let mut text = write::to_toml(drafted);
    let entries: Vec<Entry> = drafted
        .events
        .iter()
        .map(|e| record::entry(&drafted.sources, e))
        .collect();
    text.push('\n');
    text.push_str(&record::text(&entries));
    Merged {
        text,
        counts: Counts {
            added: drafted.events.len(),
            ..Counts::default()
        },
    }
}

/// A piece of the file.
struct Piece {
    range: Range<usize>,
    kind: Kind,
}

enum Kind {
    /// What comes before the first event.
    Head,
    /// One `[[events]]` table: the index of its event in the loaded timeline.
    Event(Option<usize>),
    /// The `[draft]` record.
    Record,
}

/// What becomes of an event of the file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// A person's: kept as it is.
    Kept,
    /// Quoting an article that could not be read: kept as it is.
    Unread,
    /// Drafted and untouched, not yet matched to a new event.
    Untouched,
    /// Drafted and untouched, updated from this new event.
    Replaced(usize),
    /// Drafted and untouched, kept because an event that stays counts from it.
    Anchor,
}

/// Where passages lie, for finding the events that tell a happening without
/// comparing all pairs: by source and paragraph.
struct Passages(HashMap<(usize, usize), Vec<Quoted>>);

/// A quote's range, and the event it is evidence of.
type Quoted = (Range<usize>, usize);

impl Passages {
    fn new<'a>(events: impl Iterator<Item = (usize, &'a Event)>) -> Passages {
        let mut map: HashMap<(usize, usize), Vec<Quoted>> = HashMap::default();
        for (i, e) in events {
            for p in e.passages() {
                map.entry((p.source(), p.paragraph().start))
                    .or_default()
                    .push((p.quote(), i));
            }
        }
        Passages(map)
    }

    /// The events whose dates overlap `event`'s and whose quotes overlap one
    /// of its quotes in the same source, in the order they were indexed.
    fn telling(&self, event: &Event, events: &[Event]) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        for p in event.passages() {
            for (quote, i) in self
                .0
                .get(&(p.source(), p.paragraph().start))
                .into_iter()
                .flatten()
            {
                if quote.start < p.quote().end
                    && p.quote().start < quote.end
                    && events[*i].when().overlaps(event.when())
                    && !found.contains(i)
                {
                    found.push(*i);
                }
            }
        }
        found.sort_unstable();
        found
    }
}

/// Merges `drafted` into `existing` (loaded from `existing_text`, with the
/// same articles). The passages of both index `drafted.sources` (the same
/// articles in the same order, sorted by id), so `existing.sources` may be
/// empty. New events are renamed in `drafted` as they are written. `Err` if
/// the text is not TOML.
pub fn merge(
    existing_text: &str,
    existing: &Timeline,
    drafted: &mut Timeline,
) -> Result<Merged, toml_edit::TomlError> {
    merge_with(
        existing_text,
        existing,
        drafted,
        &std::collections::HashSet::new(),
    )
}

/// Like [`merge`], where the articles of the source ids `unread` could not
/// be read this time (an article left undated, a file made unreadable): an
/// event that quotes one is kept as it is, and its record line too, whoever
/// wrote it, since the draft cannot see all of its evidence.
pub fn merge_with(
    existing_text: &str,
    existing: &Timeline,
    drafted: &mut Timeline,
    unread: &std::collections::HashSet<String>,
) -> Result<Merged, toml_edit::TomlError> {
    let crlf = uses_crlf(existing_text);
    let by_id: HashMap<&str, usize> = existing
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let pieces = cut(existing_text, &by_id);
    let unread_loose: HashSet<String> = unread
        .iter()
        .map(|s| annals_core::text::loose_id(s))
        .collect();
    let mut fate = vec![Fate::Kept; existing.events.len()];
    for p in &pieces {
        if let Kind::Event(Some(i)) = p.kind {
            let text = &existing_text[p.range.clone()];
            let not_read = |s: &String| {
                unread.contains(s) || unread_loose.contains(&annals_core::text::loose_id(s))
            };
            if !unread.is_empty() && cites(text).iter().any(not_read) {
                fate[i] = Fate::Unread;
            } else if piece_is_untouched(text) {
                fate[i] = Fate::Untouched;
            }
        }
    }
    let inline = !pieces.iter().any(|p| matches!(p.kind, Kind::Event(_)));

    // What the record says a person deleted: lines whose evidence no event
    // of the file quotes any more.
    let old_record: Vec<Entry> = pieces
        .iter()
        .filter(|p| matches!(p.kind, Kind::Record))
        .flat_map(|p| record::read(&existing_text[p.range.clone()]))
        .collect();
    let existing_keys: Vec<Vec<String>> = existing
        .events
        .iter()
        .map(|e| record::keys(&drafted.sources, e))
        .collect();
    // A line's event is there if an event has its id, or (renamed) quotes
    // all its evidence; one sentence shared with another event is not enough.
    let mut quoting: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, keys) in existing_keys.iter().enumerate() {
        for k in keys {
            quoting.entry(k.as_str()).or_default().push(i);
        }
    }
    let present = |entry: &Entry| {
        by_id.contains_key(entry.id.as_str())
            || entry.keys.first().is_some_and(|first| {
                quoting
                    .get(first.as_str())
                    .into_iter()
                    .flatten()
                    .any(|&i| existing_keys[i] == entry.keys)
            })
    };
    let mut deleted: Vec<Entry> = Vec::new();
    let mut lineage: HashSet<&str> = HashSet::default();
    for entry in &old_record {
        if present(entry) {
            lineage.extend(entry.keys.iter().map(String::as_str));
        } else {
            deleted.push(Entry {
                deleted: true,
                ..entry.clone()
            });
        }
    }
    let mut deleted_by_key: HashMap<&str, Vec<usize>> = HashMap::default();
    for (d, entry) in deleted.iter().enumerate() {
        for k in &entry.keys {
            deleted_by_key.entry(k.as_str()).or_default().push(d);
        }
    }

    // Each new event: left out (deleted, or told by a kept event), updating
    // an untouched one, or added.
    let kept_index = Passages::new(
        existing
            .events
            .iter()
            .enumerate()
            .filter(|(i, _)| matches!(fate[*i], Fate::Kept | Fate::Unread)),
    );
    let untouched_index = Passages::new(
        existing
            .events
            .iter()
            .enumerate()
            .filter(|(i, _)| fate[*i] == Fate::Untouched),
    );
    let mut counts = Counts::default();
    let mut renamed: HashMap<String, Option<String>> = HashMap::default();
    let mut added: Vec<usize> = Vec::new();
    let mut replacing: Vec<Option<usize>> = vec![None; drafted.events.len()];
    // The date each of the draft's ids stands for once merged: a kept
    // event's where one tells it, else the drafted event's own.
    let mut whens: HashMap<String, When> = drafted
        .events
        .iter()
        .map(|e| (e.id.clone(), e.when().clone()))
        .collect();
    for (n, event) in drafted.events.iter().enumerate() {
        let keys = record::keys(&drafted.sources, event);
        let was_deleted = keys.iter().any(|k| {
            deleted_by_key
                .get(k.as_str())
                .into_iter()
                .flatten()
                .any(|&d| record::tells(&deleted[d], event, &keys))
        });
        if was_deleted {
            counts.deleted += 1;
            renamed.insert(event.id.clone(), None);
            continue;
        }
        if let Some(&k) = kept_index.telling(event, &existing.events).first() {
            counts.already_told += 1;
            renamed.insert(event.id.clone(), Some(existing.events[k].id.clone()));
            whens.insert(event.id.clone(), existing.events[k].when().clone());
            continue;
        }
        let free = untouched_index
            .telling(event, &existing.events)
            .into_iter()
            .find(|&u| fate[u] == Fate::Untouched);
        match free {
            Some(u) => {
                fate[u] = Fate::Replaced(n);
                replacing[n] = Some(u);
                renamed.insert(event.id.clone(), Some(existing.events[u].id.clone()));
            }
            None => added.push(n),
        }
    }
    // An untouched event the draft no longer finds goes, unless an event
    // that stays counts its date from it (and so on, down the chain).
    let mut needed: Vec<usize> = (0..existing.events.len())
        .filter(|&i| matches!(fate[i], Fate::Kept | Fate::Unread))
        .collect();
    while let Some(i) = needed.pop() {
        if let DateSpec::Relative { anchor, .. } = existing.events[i].date()
            && let Some(&a) = by_id.get(anchor.as_str())
            && fate[a] == Fate::Untouched
        {
            fate[a] = Fate::Anchor;
            needed.push(a);
        }
    }

    // Ids: an update keeps the id it replaces; an added event takes its own
    // unless an event that stays has it.
    let mut ids = crate::ids::Unique::default();
    for (i, e) in existing.events.iter().enumerate() {
        if fate[i] != Fate::Untouched {
            ids.take(&e.id);
        }
    }
    for &n in &added {
        let id = drafted.events[n].id.clone();
        let fresh = ids.claim(&id);
        if fresh != id {
            renamed.insert(id, Some(fresh));
        }
    }
    for n in replacing
        .iter()
        .enumerate()
        .filter_map(|(n, r)| r.map(|_| n))
        .chain(added.iter().copied())
    {
        rename(&mut drafted.events[n], &renamed, &whens);
    }

    // The text: every piece in its place, then the new events, then the record.
    let line_ends = |text: String| if crlf { to_crlf(&text) } else { text };
    let mut out = String::with_capacity(existing_text.len() + added.len() * 512);
    let mut written: Vec<(bool, usize)> = Vec::new(); // (from the draft, index)
    for piece in &pieces {
        let old = &existing_text[piece.range.clone()];
        match piece.kind {
            Kind::Head => out.push_str(old),
            Kind::Record => {}
            Kind::Event(None) => {
                counts.kept += 1;
                out.push_str(old);
            }
            Kind::Event(Some(i)) => match fate[i] {
                Fate::Kept | Fate::Anchor => {
                    counts.kept += 1;
                    written.push((false, i));
                    out.push_str(old);
                }
                Fate::Unread => {
                    counts.unread += 1;
                    written.push((false, i));
                    out.push_str(old);
                }
                Fate::Untouched => counts.dropped += 1,
                Fate::Replaced(n) => {
                    let new = event_text(drafted, &drafted.events[n]);
                    if old.replace("\r\n", "\n").trim_end() == new.trim_end() {
                        counts.unchanged += 1;
                        out.push_str(old);
                    } else {
                        counts.updated += 1;
                        out.push_str(&line_ends(format!("{new}\n")));
                    }
                    written.push((true, n));
                }
            },
        }
    }
    if inline {
        counts.kept += existing.events.len();
        written.extend((0..existing.events.len()).map(|i| (false, i)));
        out = append_inline(&out, drafted, &added)?;
        if crlf {
            out = to_crlf(&out);
        }
    } else {
        for &n in &added {
            end_with_blank_line(&mut out, crlf);
            out.push_str(&line_ends(event_text(drafted, &drafted.events[n])));
        }
    }
    written.extend(added.iter().map(|&n| (true, n)));
    counts.added = added.len();

    // The record: a line for each event of annals' drafting that the text
    // keeps, then the deletions it remembers.
    let mut entries = Vec::new();
    for &(new, i) in &written {
        let event = if new {
            &drafted.events[i]
        } else {
            &existing.events[i]
        };
        // Its passages in the articles not read are not loaded: its line
        // stays as it was.
        if !new
            && fate[i] == Fate::Unread
            && let Some(line) = old_record.iter().find(|e| e.id == event.id && !e.deleted)
        {
            entries.push(line.clone());
            continue;
        }
        let keys = if new {
            record::keys(&drafted.sources, event)
        } else {
            existing_keys[i].clone()
        };
        let drafted_once = new
            || matches!(event.origin, Origin::Drafted(_))
            || keys.iter().any(|k| lineage.contains(k.as_str()));
        if drafted_once {
            entries.push(Entry {
                keys,
                ..record::entry(&[], event)
            });
        }
    }
    entries.extend(deleted);
    end_with_blank_line(&mut out, crlf);
    out.push_str(&line_ends(record::text(&entries)));
    Ok(Merged { text: out, counts })
}

/// `text` with the timeline's `title` set to `title` (asked for with
/// `--title` on a draft made again); every other byte as it was, a comment
/// after the old title kept. `None` if the head is not TOML.
pub(crate) fn retitle(text: &str, title: &str) -> Option<String> {
    let end = headers(text).first().map_or(text.len(), |h| h.at);
    let mut head: toml_edit::DocumentMut = text[..end].parse().ok()?;
    match head
        .get_mut("title")
        .and_then(toml_edit::Item::as_value_mut)
    {
        Some(value) => {
            let decor = value.decor().clone();
            *value = title.into();
            *value.decor_mut() = decor;
        }
        None => {
            head.insert("title", toml_edit::value(title));
        }
    }
    let head = head.to_string();
    let head = if uses_crlf(text) && !uses_crlf(&head) {
        to_crlf(&head)
    } else {
        head
    };
    Some(format!("{head}{}", &text[end..]))
}

/// Ends `out` with a blank line, so that what follows starts a table.
fn end_with_blank_line(out: &mut String, crlf: bool) {
    let nl = if crlf { "\r\n" } else { "\n" };
    if out.is_empty() {
        return;
    }
    if !out.ends_with('\n') {
        out.push_str(nl);
    }
    if !out.ends_with("\n\n") && !out.ends_with("\n\r\n") {
        out.push_str(nl);
    }
}

/// Cuts the file at its top-level headers.
fn cut(text: &str, by_id: &HashMap<&str, usize>) -> Vec<Piece> {
    let heads = headers(text);
    let mut pieces = vec![Piece {
        range: 0..heads.first().map_or(text.len(), |h| h.at),
        kind: Kind::Head,
    }];
    for (k, h) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(text.len(), |next| next.at);
        let range = h.at..end;
        let kind = match h.kind {
            HeaderKind::Draft => Kind::Record,
            HeaderKind::Events => Kind::Event(
                event_id(&text[range.clone()]).and_then(|id| by_id.get(id.as_str()).copied()),
            ),
        };
        pieces.push(Piece { range, kind });
    }
    pieces
}

/// The id of the one event a piece holds.
fn event_id(piece: &str) -> Option<String> {
    let table: toml::Table = piece.parse().ok()?;
    let event = table.get("events")?.as_array()?.first()?;
    Some(event.get("id")?.as_str()?.to_string())
}

/// The source ids the one event a piece holds cites.
fn cites(piece: &str) -> Vec<String> {
    let Ok(table) = piece.parse::<toml::Table>() else {
        return Vec::new();
    };
    let evidence = table
        .get("events")
        .and_then(toml::Value::as_array)
        .and_then(|events| events.first())
        .and_then(|event| event.get("evidence"))
        .and_then(toml::Value::as_array);
    evidence
        .into_iter()
        .flatten()
        .filter_map(|e| Some(e.get("source")?.as_str()?.to_string()))
        .collect()
}

/// Gives a new event the ids it is known by in the file: its own, and that
/// of the event its date counts from (dated as that event is, `whens`, by
/// the draft's id), made absolute if that event was left out because a
/// person deleted it.
fn rename(
    event: &mut Event,
    renamed: &HashMap<String, Option<String>>,
    whens: &HashMap<String, When>,
) {
    if let Some(Some(id)) = renamed.get(&event.id) {
        event.id.clone_from(id);
    }
    if let DateSpec::Relative { anchor, offset } = event.date().clone() {
        let date = match renamed.get(anchor.as_str()) {
            Some(Some(id)) => DateSpec::Relative {
                anchor: id.clone(),
                offset,
            },
            Some(None) => absolute(event.when()),
            None => return,
        };
        // A date that cannot be set stays as it was; the check of what is
        // written then says so.
        let _ = event.set_date(date, whens.get(&anchor));
    }
}

/// A computed date written out at its precision.
fn absolute(when: &When) -> DateSpec {
    use chrono::Datelike;
    match when.precision {
        Precision::Day => DateSpec::Day(when.start),
        Precision::Range => DateSpec::Range(when.start, when.end),
        Precision::Month => DateSpec::Month {
            year: when.start.year(),
            month: when.start.month(),
        },
        Precision::Year => DateSpec::Year(when.start.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_core::Source;
    use annals_core::load::{DataFile, timeline_with};
    use chrono::NaiveDate;

    fn article(id: &str, body: &str) -> Source {
        let published = NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
        Source::new(id, published, body)
            .with_title(id)
            .with_file(format!("{id}.txt"), 1)
    }

    fn story() -> Vec<Source> {
        vec![
            article(
                "daily",
                "The US signed a peace agreement with the Taliban in Doha on Saturday. \
                 Troops would leave within 14 months of the signing. \
                 The talks had begun in Doha in July 2018.",
            ),
            article(
                "wire",
                "The US and the Taliban signed a peace agreement in Doha on Saturday. \
                 All US troops will leave within 14 months of the signing. \
                 Talks began in Doha in July 2018, officials said.",
            ),
        ]
    }

    fn drafted(sources: Vec<Source>) -> Timeline {
        crate::draft(
            sources,
            &annals_tagger::Tagger::new(),
            &crate::Options::default(),
        )
    }

    /// Drafts `sources` again over `text`, checks that the result loads with
    /// as many events as counted, and returns it.
    fn again(text: &str, sources: Vec<Source>) -> Merged {
        let existing = timeline_with(DataFile::new("t.toml", text), sources.clone())
            .unwrap_or_else(|p| panic!("{p}\n{text}"));
        let mut new = drafted(sources.clone());
        let merged = merge(text, &existing, &mut new).unwrap();
        let loaded = timeline_with(DataFile::new("t.toml", merged.text.clone()), sources)
            .unwrap_or_else(|p| panic!("{p}\n{}", merged.text));
        assert_eq!(
            loaded.events.len(),
            merged.counts.events(),
            "{}",
            merged.text
        );
        merged
    }

    fn first() -> String {
        fresh(&drafted(story())).text
    }

    /// The text of the n-th `[[events]]` piece.
    fn piece(text: &str, n: usize) -> &str {
        let heads = headers(text);
        &text[heads[n].at..heads[n + 1].at]
    }

    #[test]
    fn drafting_again_with_nothing_new_changes_nothing() {
        let text = first();
        let events = drafted(story()).events.len();
        assert!(events >= 2, "{text}");
        let m = again(&text, story());
        assert_eq!(m.text, text);
        assert_eq!(
            m.counts,
            Counts {
                unchanged: events,
                ..Counts::default()
            }
        );
    }

    #[test]
    fn every_kind_of_edit_keeps_the_event_as_the_person_left_it() {
        let text = first();
        let one = piece(&text, 0).to_string();
        let title = one.lines().find(|l| l.starts_with("title = ")).unwrap();
        let quote = one.lines().find(|l| l.starts_with("quote = ")).unwrap();
        let id = one.lines().find(|l| l.starts_with("id = ")).unwrap();
        for edited in [
            one.replacen("summary = \"", "summary = \"Checked. ", 1),
            one.replacen(title, "title = \"Mine\"\ntags = [\"key\"]", 1),
            one.replacen(
                title,
                &format!("{title}\ndisagreement = \"they differ\""),
                1,
            ),
            one.replacen(title, &format!("{title} # end of line"), 1),
            one.replacen(title, &format!("# inside\n{title}"), 1),
            one.replacen(quote, &format!("{quote} # in the evidence"), 1),
            one.replacen("basis = \"", "basis = \"computed\" # was: \"", 1),
            format!("{}# above the next event\n", one.trim_end()),
            one.replacen(id, "id = \"renamed-by-me\"", 1),
        ] {
            assert_ne!(edited, one);
            let text = text.replacen(&one, &edited, 1);
            let m = again(&text, story());
            assert!(m.text.contains(&edited), "lost:\n{edited}\nin:\n{}", m.text);
            assert_eq!(m.counts.kept, 1, "{edited}");
            // The happening it tells is not added a second time.
            assert_eq!(m.counts.added, 0, "{}", m.text);
            assert_eq!(m.counts.already_told, 1, "{}", m.text);
        }
    }

    #[test]
    fn a_comment_above_an_event_and_the_order_stay() {
        let text = first();
        let (a, b) = (piece(&text, 0).to_string(), piece(&text, 1).to_string());
        let swapped = text
            .replacen(&a, "\u{0}", 1)
            .replacen(&b, &a, 1)
            .replacen('\u{0}', &b, 1);
        let with_note = swapped.replacen("[[events]]", "# My notes\n[[events]]", 1);
        let m = again(&with_note, story());
        assert!(
            m.text
                .starts_with(&with_note[..with_note.find(&a).unwrap()]),
            "{}",
            m.text
        );
        assert!(
            m.text.find(&b).unwrap() < m.text.find(&a).unwrap(),
            "{}",
            m.text
        );
    }

    #[test]
    fn a_deleted_event_is_remembered_and_undone_by_its_record_line() {
        let text = first();
        let gone = piece(&text, 0).to_string();
        let id = gone.lines().find(|l| l.starts_with("id = ")).unwrap()[6..]
            .trim_end_matches('"')
            .to_string();
        let m = again(&text.replacen(&gone, "", 1), story());
        assert_eq!(m.counts.deleted, 1, "{}", m.text);
        assert_eq!(m.counts.added, 0, "{}", m.text);
        let line = m
            .text
            .lines()
            .find(|l| l.contains(&format!("id = \"{id}\"")))
            .unwrap();
        assert!(line.contains("deleted = true"), "{line}");
        // Still deleted the time after.
        let m = again(&m.text, story());
        assert_eq!(m.counts.deleted, 1);
        // Its record line removed, the event is drafted again.
        let undone = m.text.replacen(&format!("{line}\n"), "", 1);
        let m = again(&undone, story());
        assert_eq!((m.counts.deleted, m.counts.added), (0, 1), "{}", m.text);
        assert!(m.text.contains(&gone), "{}", m.text);
    }

    #[test]
    fn crlf_line_ends_are_kept() {
        let text = first().replace('\n', "\r\n");
        let m = again(&text, story());
        assert_eq!(m.text, text);
        // Written anew too: a new event's lines end as the file's do.
        let gone = piece(&text, 1).to_string();
        let record = &text[text.find("[draft]").unwrap()..];
        let m = again(
            &text.replacen(&gone, "", 1).replacen(record, "", 1),
            story(),
        );
        assert_eq!(m.counts.added, 1);
        assert!(!m.text.replace("\r\n", "").contains('\n'), "{:?}", m.text);
    }

    #[test]
    fn events_written_inline_are_kept_and_new_ones_appended_to_them() {
        let inline = "title = \"Mine\"\nevents = [\n  # the one I wrote\n  { id = \"talks\", title = \"Talks\", date = \"2018-07\", evidence = [{ source = \"wire\", quote = \"Talks began in Doha\" }] },\n]\n";
        let m = again(inline, story());
        assert!(m.counts.added >= 1, "{}", m.text);
        assert_eq!(m.counts.kept, 1);
        assert!(
            m.text
                .starts_with("title = \"Mine\"\nevents = [\n  # the one I wrote\n"),
            "{}",
            m.text
        );
        assert_ne!(m.text, inline);
    }

    #[test]
    fn events_quoting_an_article_not_read_are_kept_as_they_are() {
        let text = first();
        let quoting_wire = text
            .split("[[events]]")
            .filter(|e| e.contains("source = \"wire\""))
            .count();
        assert!(quoting_wire >= 1, "{text}");
        // The wire story cannot be read this time: the draft sees only the
        // daily, and the wire's events stay, whoever wrote them.
        let daily: Vec<Source> = story().into_iter().filter(|s| s.id == "daily").collect();
        let unread: std::collections::HashSet<String> = ["wire".to_string()].into();
        let existing = annals_core::load::timeline_without(
            DataFile::new("t.toml", text.clone()),
            daily.clone(),
            &unread,
        )
        .unwrap();
        let mut new = drafted(daily.clone());
        let m = merge_with(&text, &existing, &mut new, &unread).unwrap();
        assert_eq!(m.counts.unread, quoting_wire, "{}", m.text);
        assert_eq!(m.counts.dropped, 0, "{}", m.text);
        for event in text
            .split("[[events]]")
            .filter(|e| e.contains("source = \"wire\""))
        {
            let event = event.split("[draft]").next().unwrap();
            assert!(m.text.contains(event), "lost {event}\nin {}", m.text);
        }
        let loaded = annals_core::load::timeline_without(
            DataFile::new("t.toml", m.text.clone()),
            daily,
            &unread,
        )
        .unwrap();
        assert_eq!(loaded.events.len(), m.counts.events());
        // Their record lines are kept too: with the wire back, nothing changed.
        let back = again(&m.text, story());
        assert_eq!(back.text, text);
    }

    #[test]
    fn a_new_title_replaces_the_old_one_and_nothing_else() {
        let text = first().replacen("\n", " # the story\n", 1);
        let retitled = retitle(&text, "Doha \"deal\"").unwrap();
        let first_line = retitled.lines().next().unwrap();
        assert!(first_line.ends_with(" # the story"), "{retitled}");
        let table: toml::Table = first_line.parse().unwrap();
        assert_eq!(table["title"].as_str(), Some("Doha \"deal\""));
        assert_eq!(
            retitled[retitled.find('\n').unwrap()..],
            text[text.find('\n').unwrap()..]
        );
    }

    #[test]
    fn an_untouched_event_others_count_from_stays() {
        let text = first();
        let one = piece(&text, 0).to_string();
        let id = one.lines().find(|l| l.starts_with("id = ")).unwrap()[6..]
            .trim_end_matches('"')
            .to_string();
        let mine = format!(
            "[[events]]\nid = \"mine\"\ntitle = \"Mine\"\ndate = \"{id} + 2 days\"\nevidence = [{{ source = \"wire\", quote = \"officials said\" }}]\n\n"
        );
        let text = format!(
            "{}{mine}{}",
            &text[..text.find("[draft]").unwrap()],
            &text[text.find("[draft]").unwrap()..]
        );
        // The articles change so that the draft no longer finds the event.
        let m = again(&text, story());
        assert!(m.text.contains(&mine), "{}", m.text);
        assert!(m.text.contains(&format!("id = \"{id}\"")), "{}", m.text);
    }
}
