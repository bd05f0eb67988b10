//! The verified-load cache: a large story whose files are byte for byte
//! those of a load already checked is not parsed, verified and compared
//! again.
//!
//! An entry is keyed by a BLAKE3 digest of every file the load reads (path,
//! bytes and the day it was saved), the reading options and the program
//! itself, so any change to any of them is a miss and a full load. What is
//! kept is what costs the time at 100,000 events: the events of
//! `timeline.toml` (their quotes already found) and the comparison of the
//! sources. The articles are still read from the files every time, and what
//! an entry says is checked against them and against the invariants the
//! loader keeps (source indices and byte ranges fit the articles as read,
//! dates are in the calendar and in order, an event's sources are its
//! passages'), and the entry carries a digest of itself: a damaged entry is
//! a miss, and one made by hand to break what the explorer relies on is
//! refused rather than shown.
//!
//! Only clean loads are kept: a story with any problem is loaded in full
//! every time, so its problems are always reported as found.

use std::fs;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use annals_core::comparison::{Comparison, Disagreement, EventComparison};
use annals_core::load::{DataFile, DataFiles, Options};
use annals_core::{Event, Source, Timeline};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Stories whose files total less than this load in a fraction of the time
/// the cache saves, so they are never kept (and a folder of a few articles
/// never writes to the cache folder).
pub const MIN_BYTES: u64 = 4_000_000;

/// The environment variable that names the cache folder; set but empty, it
/// turns the cache off.
pub const DIR_VARIABLE: &str = "ANNALS_CACHE_DIR";

/// The first bytes of an entry: what it is, and the version of its layout.
const MAGIC: &[u8] = b"annals verified-load cache 2\n";

/// How an entry's temporary file is named while it is written: the sweep
/// removes only these, never another program's files in a shared folder.
const TEMPORARY: &str = ".annals-entry-";

/// An entry larger than this many times the story's own bytes is not one
/// annals wrote (the 100k-event story's is a quarter of its size).
const MAX_ENTRY_RATIO: u64 = 4;

/// A cache folder, and the smallest story it keeps.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    min_bytes: u64,
}

/// Where a load's entry is, and the digest it must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    entry: PathBuf,
    digest: [u8; 32],
    /// The largest entry read for it.
    limit: u64,
}

/// The largest entry glanced at: one larger takes longer to read and
/// decode than the glance would save (the 100k-event story's is 16.5 MB).
const MAX_GLANCE: u64 = 256 << 20;

/// Events per part of an entry: parts are encoded and decoded on every
/// core, and 100,000 events make a few dozen of them.
const EVENTS_PER_PART: usize = 4096;

/// An entry read from its file, its digest checked, not yet decoded.
#[derive(Debug)]
pub struct Entry {
    bytes: Vec<u8>,
}

/// What an entry holds: the timeline without its articles, and the
/// comparison of its sources.
#[derive(Debug)]
pub struct Stored {
    title: String,
    summary: Option<String>,
    events: Vec<Event>,
    comparison: Comparison,
}

/// An entry's first part: all but the events and their comparisons, which
/// follow in parts of [`EVENTS_PER_PART`].
#[derive(Serialize, Deserialize)]
struct Head {
    title: String,
    summary: Option<String>,
    copy_of: Vec<Option<usize>>,
    story: Vec<Disagreement>,
    /// How many of the parts after the glance hold events; the rest hold
    /// the events' comparisons.
    event_parts: usize,
    /// The program that wrote it ([`program`]): a glance, taken before the
    /// key is known, is only ever of an entry this very build wrote.
    program: String,
}

/// What the explorer needs to draw a story before its files are read: the
/// sources without their bodies, but for those of the event it opens on.
/// An entry's second part.
#[derive(Serialize, Deserialize)]
struct Glance {
    sources: Vec<Card>,
}

/// A source in a [`Glance`].
#[derive(Serialize, Deserialize)]
struct Card {
    id: String,
    title: String,
    outlet: Option<String>,
    published: chrono::NaiveDate,
    published_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    url: Option<String>,
    language: Option<String>,
    note: Option<String>,
    /// Only ever shown, so kept as text.
    path: String,
    body_line: usize,
    /// The body, for the sources of the opening event alone.
    body: Option<String>,
}

impl Card {
    fn of(source: &Source, with_body: bool) -> Card {
        Card {
            id: source.id.clone(),
            title: source.title.clone(),
            outlet: source.outlet.clone(),
            published: source.published,
            published_at: source.published_at,
            url: source.url.clone(),
            language: source.language.clone(),
            note: source.note.clone(),
            path: source.path.to_string_lossy().into_owned(),
            body_line: source.body_line,
            body: with_body.then(|| source.body().to_string()),
        }
    }

    fn source(self) -> Source {
        Source::new(self.id, self.published, self.body.unwrap_or_default())
            .with_title(self.title)
            .with_outlet(self.outlet)
            .with_published_at(self.published_at)
            .with_url(self.url)
            .with_language(self.language)
            .with_note(self.note)
            .with_file(self.path, self.body_line)
    }
}

/// An entry's parts, undecoded but for the head.
struct Parts<'a> {
    head: Head,
    glance: &'a [u8],
    /// The events, then their comparisons.
    rest: Vec<&'a [u8]>,
}

/// A part after the head, decoded.
enum Part {
    Events(Vec<Event>),
    Compared(Vec<EventComparison>),
}

impl Cache {
    /// The cache folder named by `ANNALS_CACHE_DIR`, else `annals` in the
    /// user's cache folder (`$XDG_CACHE_HOME`, `~/.cache` on Linux); `None`
    /// when the variable is set but empty, or there is no such folder.
    pub fn from_env() -> Option<Cache> {
        let dir = match std::env::var_os(DIR_VARIABLE) {
            Some(dir) if dir.is_empty() => return None,
            Some(dir) => PathBuf::from(dir),
            None => dirs::cache_dir()?.join("annals"),
        };
        Some(Cache::in_dir(dir, MIN_BYTES))
    }

    /// A cache in `dir` that keeps stories of at least `min_bytes`.
    pub fn in_dir(dir: impl Into<PathBuf>, min_bytes: u64) -> Cache {
        Cache {
            dir: dir.into(),
            min_bytes,
        }
    }

    /// The key of loading `files` with `options`: `None` for a story too
    /// small to keep, or when the program cannot name its own executable
    /// (an entry must never outlive the build that wrote it).
    pub fn key(&self, files: &DataFiles, options: &Options) -> Option<Key> {
        let sources = files.sources.as_deref().unwrap_or_default();
        let all: Vec<&DataFile> = files.timeline.iter().chain(sources).collect();
        let bytes: u64 = all.iter().map(|f| f.bytes.len() as u64).sum();
        if bytes < self.min_bytes {
            return None;
        }
        let program = program()?;
        let (folder, entry) = self.entry_for(&files.dir);
        // Paths inside the folder count as named from it, so `annals s` and
        // `annals /home/me/s` share an entry.
        let inside = |path: &Path| -> Vec<u8> {
            let path = path.strip_prefix(&files.dir).unwrap_or(path);
            path.as_os_str().as_encoded_bytes().to_vec()
        };
        let mut hasher = blake3::Hasher::new();
        field(&mut hasher, MAGIC);
        field(&mut hasher, program.as_bytes());
        field(&mut hasher, format!("{options:?}").as_bytes());
        field(&mut hasher, folder.as_os_str().as_encoded_bytes());
        for ignored in &files.ignored {
            field(&mut hasher, &inside(ignored));
        }
        field(&mut hasher, format!("{:?}", files.skipped).as_bytes());
        // A file whose saved day is unknown is read against today's date,
        // so its entry lasts a day.
        if all.iter().any(|f| f.saved.is_none()) {
            let today = chrono::Local::now().date_naive();
            field(&mut hasher, format!("{today}").as_bytes());
        }
        let digests: Vec<[u8; 32]> = all
            .par_iter()
            .map(|file| {
                let mut hasher = blake3::Hasher::new();
                field(&mut hasher, &inside(&file.path));
                field(&mut hasher, format!("{:?}", file.saved).as_bytes());
                field(&mut hasher, &file.bytes);
                *hasher.finalize().as_bytes()
            })
            .collect();
        field(&mut hasher, &[u8::from(files.timeline.is_some())]);
        for digest in &digests {
            hasher.update(digest);
        }
        Some(Key {
            entry,
            digest: *hasher.finalize().as_bytes(),
            limit: bytes
                .saturating_mul(MAX_ENTRY_RATIO)
                .saturating_add(1 << 20),
        })
    }

    /// The folder `dir` as its entry is named from, and that entry's file.
    /// One entry per folder: a changed story replaces its entry rather than
    /// adding one.
    fn entry_for(&self, dir: &Path) -> (PathBuf, PathBuf) {
        let folder = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let name = blake3::hash(folder.as_os_str().as_encoded_bytes()).to_hex();
        let entry = self.dir.join(format!("{}.bin", &name[..32]));
        (folder, entry)
    }

    /// The entry for `key`, if there is one: none, or another story's, is
    /// a miss.
    pub fn find(&self, key: &Key) -> Option<Entry> {
        // Only a plain file of a sensible size: never a link, a device or a
        // pipe planted at the entry's name.
        let meta = fs::symlink_metadata(&key.entry).ok()?;
        if !meta.file_type().is_file() || meta.len() > key.limit {
            return None;
        }
        let bytes = fs::read(&key.entry).ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        rest.starts_with(key.digest.as_slice())
            .then_some(Entry { bytes })
    }

    /// The entry kept for the folder `dir`, whatever its key: what the
    /// story looked like when it was last kept, to draw before the files
    /// are read and the key is known. Never to be trusted until a key
    /// matches it.
    pub fn glance(&self, dir: &Path) -> Option<Entry> {
        let (_, entry) = self.entry_for(dir);
        let meta = fs::symlink_metadata(&entry).ok()?;
        if !meta.file_type().is_file() || meta.len() > MAX_GLANCE {
            return None;
        }
        let bytes = fs::read(&entry).ok()?;
        bytes.starts_with(MAGIC).then_some(Entry { bytes })
    }

    /// Removes the entry kept for the folder `dir`, if there is one: for a
    /// story no longer kept, whose glance would only show what it was.
    pub fn forget(&self, dir: &Path) {
        let (_, entry) = self.entry_for(dir);
        if fs::symlink_metadata(&entry).is_ok_and(|m| m.file_type().is_file()) {
            let _ = fs::remove_file(entry);
        }
    }

    /// The entry for `key`, decoded, if there is one and it is whole.
    pub fn get(&self, key: &Key) -> Option<Stored> {
        self.find(key)?.decode()
    }

    /// Keeps `timeline` and `comparison` as the entry for `key`, replacing
    /// the entry it had. Written to a new file and renamed over the old, so
    /// another annals reading it sees the old entry or the new one.
    pub fn put(&self, key: &Key, timeline: &Timeline, comparison: &Comparison) -> io::Result<()> {
        let bytes = encode(key, timeline, comparison, &program().unwrap_or_default())?;
        fs::create_dir_all(&self.dir)?;
        let mut file = tempfile::Builder::new()
            .prefix(TEMPORARY)
            .tempfile_in(&self.dir)?;
        file.write_all(&bytes)?;
        file.persist(&key.entry).map_err(|e| e.error)?;
        self.sweep();
        Ok(())
    }

    /// Removes what an annals that ended while writing an entry left
    /// behind (its temporary file, an hour old or more).
    fn sweep(&self) {
        let Ok(dir) = fs::read_dir(&self.dir) else {
            return;
        };
        let hour = std::time::Duration::from_secs(3600);
        for item in dir.flatten() {
            let stale = item.file_name().to_string_lossy().starts_with(TEMPORARY)
                && item
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age >= hour);
            if stale {
                let _ = fs::remove_file(item.path());
            }
        }
    }
}

/// An entry's bytes: the magic line, the key's digest, the digest of what
/// follows it (so a damaged entry is a miss, not another timeline), the
/// number of parts and each one's length, then the parts (the head, the
/// glance, the events, their comparisons), each encoded on its own so they
/// can be decoded in parallel, and a glance without the comparisons.
fn encode(
    key: &Key,
    timeline: &Timeline,
    comparison: &Comparison,
    program: &str,
) -> io::Result<Vec<u8>> {
    let event_parts: Vec<&[Event]> = timeline.events.chunks(EVENTS_PER_PART).collect();
    let head = Head {
        title: timeline.title.clone(),
        summary: timeline.summary.clone(),
        copy_of: comparison.copy_of.clone(),
        story: comparison.story.clone(),
        event_parts: event_parts.len(),
        program: program.to_string(),
    };
    let opening: Vec<usize> = timeline
        .events
        .get(timeline.opening_event())
        .map(|e| e.sources().to_vec())
        .unwrap_or_default();
    let glance = Glance {
        sources: timeline
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| Card::of(s, opening.contains(&i)))
            .collect(),
    };
    let compared: Vec<&[EventComparison]> = comparison.events.chunks(EVENTS_PER_PART).collect();
    let mut parts = vec![
        postcard::to_allocvec(&head).map_err(io::Error::other)?,
        postcard::to_allocvec(&glance).map_err(io::Error::other)?,
    ];
    let rest: Vec<Vec<u8>> = event_parts
        .par_iter()
        .map(postcard::to_allocvec)
        .chain(compared.par_iter().map(postcard::to_allocvec))
        .collect::<Result<_, _>>()
        .map_err(io::Error::other)?;
    parts.extend(rest);
    let mut body = Vec::with_capacity(parts.iter().map(Vec::len).sum::<usize>() + 1024);
    body.extend_from_slice(&(parts.len() as u64).to_le_bytes());
    for part in &parts {
        body.extend_from_slice(&(part.len() as u64).to_le_bytes());
    }
    for part in &parts {
        body.extend_from_slice(part);
    }
    let mut bytes = Vec::with_capacity(body.len() + MAGIC.len() + 64);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&key.digest);
    bytes.extend_from_slice(blake3::hash(&body).as_bytes());
    bytes.extend_from_slice(&body);
    Ok(bytes)
}

impl Entry {
    /// The entry's head and its other parts, undecoded: `None` if the
    /// entry does not match its own digest or its table of parts.
    fn parts(&self) -> Option<Parts<'_>> {
        let rest = self.bytes.get(MAGIC.len() + 32..)?;
        let (sum, rest) = rest.split_first_chunk::<32>()?;
        if blake3::hash(rest).as_bytes() != sum {
            return None;
        }
        let (count, mut rest) = split_u64(rest)?;
        let mut lengths = Vec::new();
        for _ in 0..count {
            let (length, after) = split_u64(rest)?;
            lengths.push(usize::try_from(length).ok()?);
            rest = after;
        }
        let mut parts = Vec::with_capacity(lengths.len());
        for length in lengths {
            let part = rest.get(..length)?;
            parts.push(part);
            rest = &rest[length..];
        }
        let [head, glance, ..] = parts[..] else {
            return None;
        };
        let head: Head = postcard::from_bytes(head).ok()?;
        let rest = parts.split_off(2);
        (head.event_parts <= rest.len()).then_some(Parts { head, glance, rest })
    }

    /// What the entry holds, its parts decoded on every core; `None` if
    /// any of it is damaged.
    pub fn decode(self) -> Option<Stored> {
        let Parts {
            head, rest: parts, ..
        } = self.parts()?;
        let decoded: Option<Vec<Part>> = parts
            .par_iter()
            .enumerate()
            .map(|(i, part)| {
                if i < head.event_parts {
                    postcard::from_bytes(part).ok().map(Part::Events)
                } else {
                    postcard::from_bytes(part).ok().map(Part::Compared)
                }
            })
            .collect();
        let decoded = decoded?;
        let count = |events: bool| -> usize {
            decoded
                .iter()
                .map(|part| match part {
                    Part::Events(e) if events => e.len(),
                    Part::Compared(c) if !events => c.len(),
                    _ => 0,
                })
                .sum()
        };
        let mut events = Vec::with_capacity(count(true));
        let mut compared = Vec::with_capacity(count(false));
        for part in decoded {
            match part {
                Part::Events(e) => events.extend(e),
                Part::Compared(c) => compared.extend(c),
            }
        }
        Some(Stored {
            title: head.title,
            summary: head.summary,
            events,
            comparison: Comparison {
                copy_of: head.copy_of,
                events: compared,
                story: head.story,
            },
        })
    }

    /// The story as it was kept, to draw at once: every event, and every
    /// source with its metadata but without its body, except the sources
    /// of the event the story opens on ([`Timeline::opening_event`]). What
    /// it draws is what the story was, not yet what it is: only a load
    /// whose key matches the entry may replace it. `None` if the entry is
    /// damaged, was written by another build of annals, or breaks what
    /// drawing relies on (every passage's source is
    /// a source, the events keep their invariants and are in date order).
    pub fn glance(self) -> Option<Timeline> {
        let Parts {
            head,
            glance,
            rest: parts,
        } = self.parts()?;
        if program().is_none_or(|p| p != head.program) {
            return None;
        }
        let (glance, events) = rayon::join(
            || postcard::from_bytes::<Glance>(glance).ok(),
            || {
                parts[..head.event_parts]
                    .par_iter()
                    .map(|part| postcard::from_bytes::<Vec<Event>>(part).ok())
                    .collect::<Option<Vec<Vec<Event>>>>()
            },
        );
        let sources: Vec<Source> = glance?.sources.into_iter().map(Card::source).collect();
        let parts = events?;
        let mut events = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for part in parts {
            events.extend(part);
        }
        let fits = events.par_iter().all(|event| {
            event.keeps_invariants()
                && event.passages().iter().all(|p| {
                    sources.get(p.source()).is_some_and(|s| {
                        s.body().is_empty() || s.body().get(p.paragraph()).is_some()
                    })
                })
        }) && events.is_sorted_by_key(|e| e.when().start);
        let timeline = Timeline {
            title: head.title,
            summary: head.summary,
            sources,
            events,
        };
        // The event it opens on is drawn with its passages: their articles
        // must be at hand.
        let drawable = fits
            && timeline
                .events
                .get(timeline.opening_event())
                .is_none_or(|e| {
                    e.sources().iter().all(|&s| {
                        timeline
                            .sources
                            .get(s)
                            .is_some_and(|s| !s.body().is_empty())
                    })
                });
        drawable.then_some(timeline)
    }
}

/// A little-endian `u64` off the front of `bytes`, and the rest.
fn split_u64(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let (first, rest) = bytes.split_first_chunk::<8>()?;
    Some((u64::from_le_bytes(*first), rest))
}

impl Key {
    /// The entry's file.
    pub fn entry(&self) -> &Path {
        &self.entry
    }
}

impl Stored {
    /// The timeline and comparison this entry keeps, over `sources` (the
    /// articles as read now); `None` if anything it says does not fit them.
    pub fn restore(self, sources: Vec<Source>) -> Option<(Timeline, Comparison)> {
        // A range of a source's body: in it, on character boundaries.
        let fits = |source: usize, range: &Range<usize>| {
            sources
                .get(source)
                .is_some_and(|s| s.body().get(range.clone()).is_some())
        };
        // What the loader keeps by construction holds again, since an
        // entry comes from a file: each event's own invariants, its
        // passages in the articles, and the events in date order.
        let events_fit = self.events.par_iter().all(|event| {
            event.keeps_invariants()
                && event
                    .passages()
                    .iter()
                    .all(|p| fits(p.source(), &p.quote()) && fits(p.source(), &p.paragraph()))
        }) && self.events.is_sorted_by_key(|e| e.when().start);
        let comparison = &self.comparison;
        let stated_fit = |d: &annals_core::comparison::Disagreement| {
            d.values.iter().all(|claim| {
                claim.evidence.iter().all(|s| {
                    fits(s.source, &s.quote)
                        && fits(s.source, &s.span)
                        && s.quote.start <= s.span.start
                        && s.span.end <= s.quote.end
                })
            })
        };
        let comparison_fits = comparison.copy_of.len() == sources.len()
            && comparison
                .copy_of
                .iter()
                .flatten()
                .all(|&s| s < sources.len())
            && comparison.events.len() == self.events.len()
            && comparison.events.par_iter().all(|e| {
                e.first.as_ref().is_none_or(|f| {
                    f.source < sources.len() && f.tied.iter().all(|&s| s < sources.len())
                }) && e
                    .lag_days
                    .is_none_or(|lag| lag.unsigned_abs() <= MAX_LAG_DAYS)
                    && e.disagreements.iter().all(stated_fit)
            })
            && comparison.story.iter().all(stated_fit);
        if !(events_fit && comparison_fits) {
            return None;
        }
        let timeline = Timeline {
            title: self.title,
            summary: self.summary,
            sources,
            events: self.events,
        };
        Some((timeline, self.comparison))
    }
}

/// The calendar's whole span in days (years 1 to 9999): no lag is longer.
const MAX_LAG_DAYS: u64 = 3_652_059;

/// Hashes `bytes` with its length first, so fields cannot run together.
fn field(hasher: &mut blake3::Hasher, bytes: &[u8]) {
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// This build of annals: its version, and its executable's size and time
/// (a rebuild with the same version number is another program).
fn program() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!(
        "{} {} {}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        modified.as_nanos()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_core::load;

    /// The bundled story as read, its timeline loaded and its sources
    /// compared, and a cache in a new folder that keeps stories of any size.
    fn setup() -> (tempfile::TempDir, Cache, DataFiles, Timeline, Comparison) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let cache = Cache::in_dir(dir.path().join("cache"), 0);
        let files = crate::bundled::files();
        let timeline = load::load_files(&files).expect("the bundled story loads");
        let comparison = annals_compare::compare(&timeline);
        (dir, cache, files, timeline, comparison)
    }

    fn articles(files: &DataFiles) -> Vec<Source> {
        let (sources, problems) = load::articles(files.clone(), &Options::default());
        assert!(problems.is_empty(), "{problems:?}");
        sources
    }

    #[test]
    fn a_kept_load_comes_back_as_it_was() {
        let (_dir, cache, files, timeline, comparison) = setup();
        let key = cache.key(&files, &Options::default()).expect("a key");
        assert!(cache.get(&key).is_none(), "nothing kept yet");
        cache.put(&key, &timeline, &comparison).expect("kept");
        let stored = cache.get(&key).expect("found");
        let (restored, compared) = stored.restore(articles(&files)).expect("fits");
        assert_eq!(restored, timeline);
        assert_eq!(compared, comparison);
        assert!(compared.any_disagreement(), "the bundled story has some");
    }

    #[test]
    fn any_changed_byte_option_or_name_is_another_key() {
        let (_dir, cache, files, _, _) = setup();
        let options = Options::default();
        let key = cache.key(&files, &options).expect("a key");
        assert_eq!(cache.key(&files, &options), Some(key.clone()), "stable");
        let mut edited = files.clone();
        let article = &mut edited.sources.as_mut().unwrap()[1];
        let last = article.bytes.len() - 2;
        article.bytes[last] ^= 1;
        let other = cache.key(&edited, &options).expect("a key");
        assert_eq!(other.entry(), key.entry(), "one entry per folder");
        assert_ne!(other, key);
        let mut renamed = files.clone();
        renamed.sources.as_mut().unwrap()[0].path = "data/sources/arrival2.txt".into();
        assert_ne!(cache.key(&renamed, &options), Some(key.clone()));
        let dated = Options {
            published: chrono::NaiveDate::from_ymd_opt(2020, 3, 1),
            ..Options::default()
        };
        assert_ne!(cache.key(&files, &dated), Some(key.clone()));
        let mut saved = files.clone();
        saved.sources.as_mut().unwrap()[2].saved = chrono::NaiveDate::from_ymd_opt(2020, 3, 1);
        assert_ne!(cache.key(&saved, &options), Some(key));
    }

    #[test]
    fn an_entry_for_other_files_is_a_miss() {
        let (_dir, cache, files, timeline, comparison) = setup();
        let options = Options::default();
        let key = cache.key(&files, &options).expect("a key");
        cache.put(&key, &timeline, &comparison).expect("kept");
        let mut edited = files.clone();
        edited.sources.as_mut().unwrap()[0].bytes.push(b'\n');
        let other = cache.key(&edited, &options).expect("a key");
        assert!(cache.find(&other).is_none());
        assert!(cache.find(&key).is_some());
    }

    #[test]
    fn what_an_interrupted_write_left_is_swept_once_an_hour_old() {
        let (dir, cache, files, timeline, comparison) = setup();
        let folder = dir.path().join("cache");
        fs::create_dir_all(&folder).unwrap();
        let (old, new) = (
            folder.join(format!("{TEMPORARY}OLD123")),
            folder.join(format!("{TEMPORARY}NEW456")),
        );
        let theirs = folder.join(".tmpOTHER");
        for path in [&old, &new, &theirs] {
            fs::write(path, b"half").unwrap();
        }
        let then = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        for path in [&old, &theirs] {
            let file = fs::File::options().write(true).open(path).unwrap();
            file.set_modified(then).unwrap();
        }
        let key = cache.key(&files, &Options::default()).expect("a key");
        cache.put(&key, &timeline, &comparison).expect("kept");
        assert!(!old.exists(), "swept");
        assert!(new.exists(), "another annals may be writing it");
        assert!(theirs.exists(), "not annals' own");
        assert!(key.entry().exists());
    }

    #[test]
    fn small_stories_are_not_kept() {
        let (dir, _, files, _, _) = setup();
        let bytes: usize = files
            .sources
            .iter()
            .flatten()
            .chain(&files.timeline)
            .map(|f| f.bytes.len())
            .sum();
        let cache = Cache::in_dir(dir.path(), bytes as u64 + 1);
        assert!(cache.key(&files, &Options::default()).is_none());
        let cache = Cache::in_dir(dir.path(), bytes as u64);
        assert!(cache.key(&files, &Options::default()).is_some());
    }

    #[test]
    fn a_damaged_entry_is_a_miss_never_a_panic() {
        let (_dir, cache, files, timeline, comparison) = setup();
        let key = cache.key(&files, &Options::default()).expect("a key");
        cache.put(&key, &timeline, &comparison).expect("kept");
        let whole = fs::read(key.entry()).expect("the entry");
        let header = MAGIC.len() + 32;
        assert!(
            whole.len() > 4_000,
            "the events are in it: {} bytes",
            whole.len()
        );
        // Cut short at every length, and with bytes flipped throughout
        // (a flipped letter of a title would decode, and be another story).
        for cut in (header..whole.len()).step_by(7) {
            fs::write(key.entry(), &whole[..cut]).unwrap();
            assert!(cache.get(&key).is_none(), "cut at {cut} of {}", whole.len());
        }
        for at in (header..whole.len()).step_by(13) {
            let mut bytes = whole.clone();
            bytes[at] ^= 0x5a;
            fs::write(key.entry(), &bytes).unwrap();
            assert!(cache.get(&key).is_none(), "flipped at {at}");
        }
        fs::write(key.entry(), &whole).unwrap();
        assert!(cache.get(&key).is_some(), "whole again");
        fs::write(key.entry(), b"not an entry").unwrap();
        assert!(cache.find(&key).is_none());
    }

    /// The bundled timeline with its first event changed by `change`, as
    /// its JSON form (through serde, as a crafted entry would be made).
    /// A synthetic story of 30 articles, written to a new folder, and its
    /// load kept in a cache there.
    fn kept_synthetic() -> (tempfile::TempDir, Cache, DataFiles, Timeline, Comparison) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let story = dir.path().join("story");
        annals_synth::generate(30, 4)
            .write_to(&story)
            .expect("the story is written");
        let cache = Cache::in_dir(dir.path().join("cache"), 0);
        let files = load::read_with(&story, &Options::default()).expect("read");
        let timeline = load::load_files(&files).expect("the story loads");
        let comparison = annals_compare::compare(&timeline);
        let key = cache.key(&files, &Options::default()).expect("a key");
        cache.put(&key, &timeline, &comparison).expect("kept");
        (dir, cache, files, timeline, comparison)
    }

    #[test]
    fn a_glance_is_the_kept_story_with_the_articles_of_its_opening_event_alone() {
        let (_dir, cache, files, timeline, _) = kept_synthetic();
        let glance = cache
            .glance(&files.dir)
            .expect("the folder's entry")
            .glance()
            .expect("a whole entry");
        assert_eq!(glance.title, timeline.title);
        assert_eq!(glance.summary, timeline.summary);
        assert_eq!(glance.events, timeline.events);
        let opening = timeline.opening_event();
        assert_eq!(glance.opening_event(), opening);
        let cited = timeline.events[opening].sources();
        assert!(
            !cited.is_empty() && cited.len() < timeline.sources.len(),
            "{cited:?}"
        );
        assert_eq!(glance.sources.len(), timeline.sources.len());
        for (i, (seen, kept)) in glance.sources.iter().zip(&timeline.sources).enumerate() {
            assert_eq!(
                (
                    &seen.id,
                    &seen.title,
                    seen.published,
                    &seen.path,
                    seen.body_line
                ),
                (
                    &kept.id,
                    &kept.title,
                    kept.published,
                    &kept.path,
                    kept.body_line
                )
            );
            if cited.contains(&i) {
                assert_eq!(seen.body(), kept.body());
                assert_eq!(seen.paragraphs(), kept.paragraphs());
            } else {
                assert_eq!(seen.body(), "", "source {i} is read from its file");
            }
        }
        // Its passages read as the story's; the others as empty.
        let passage = &timeline.events[opening].passages()[0];
        assert_eq!(glance.quote(passage), timeline.quote(passage));
        // A folder with no entry has no glance.
        assert!(cache.glance(&files.dir.join("sources")).is_none());
    }

    #[test]
    fn a_damaged_or_crafted_entry_gives_no_glance() {
        let (_dir, cache, files, timeline, comparison) = kept_synthetic();
        let key = cache.key(&files, &Options::default()).expect("a key");
        let whole = fs::read(key.entry()).expect("the entry");
        for at in (MAGIC.len() + 32..whole.len()).step_by(101) {
            let mut bytes = whole.clone();
            bytes[at] ^= 0x5a;
            fs::write(key.entry(), &bytes).unwrap();
            let glanced = cache.glance(&files.dir).and_then(Entry::glance);
            assert!(glanced.is_none(), "flipped at {at}");
        }
        // Whole, but a passage names a source the story does not have.
        let mut value = serde_json::to_value(&timeline.events[0]).unwrap();
        value["passages"][0]["source"] = serde_json::json!(timeline.sources.len());
        let mut bad = timeline.clone();
        bad.events[0] = serde_json::from_value(value).unwrap();
        cache.put(&key, &bad, &comparison).expect("kept");
        assert!(cache.glance(&files.dir).expect("found").glance().is_none());
        // The opening event's sources out of the story, consistently with
        // its passages.
        let opening = timeline.opening_event();
        let mut value = serde_json::to_value(&timeline.events[opening]).unwrap();
        let beyond = serde_json::json!(timeline.sources.len() + 7);
        for passage in value["passages"].as_array_mut().unwrap() {
            passage["source"] = beyond.clone();
        }
        value["sources"] = serde_json::json!([beyond]);
        let mut bad = timeline.clone();
        bad.events[opening] = serde_json::from_value(value).unwrap();
        assert!(bad.events[opening].keeps_invariants());
        cache.put(&key, &bad, &comparison).expect("kept");
        assert!(cache.glance(&files.dir).expect("found").glance().is_none());
        // Written by another build of annals.
        let other = encode(&key, &timeline, &comparison, "annals 0.0.1 1 2").unwrap();
        fs::write(key.entry(), other).unwrap();
        assert!(cache.glance(&files.dir).expect("found").glance().is_none());
        cache.put(&key, &timeline, &comparison).expect("kept");
        assert!(cache.glance(&files.dir).expect("found").glance().is_some());
        // Forgotten, there is nothing to glance at.
        cache.forget(&files.dir);
        assert!(cache.glance(&files.dir).is_none());
        assert!(!key.entry().exists());
    }

    fn crafted(timeline: &Timeline, change: impl Fn(&mut serde_json::Value)) -> Timeline {
        let mut t = timeline.clone();
        let mut value = serde_json::to_value(&t.events[0]).unwrap();
        change(&mut value);
        t.events[0] = serde_json::from_value(value).unwrap();
        t
    }

    #[test]
    fn a_crafted_entry_that_breaks_what_the_loader_keeps_is_refused() {
        let (_dir, cache, files, timeline, comparison) = setup();
        let key = cache.key(&files, &Options::default()).expect("a key");
        let refused = |t: &Timeline, c: &Comparison, what: &str| {
            cache.put(&key, t, c).expect("kept");
            let stored = cache.get(&key).expect("its digests are right");
            assert!(stored.restore(articles(&files)).is_none(), "{what}");
        };
        let start = timeline.events[0].when().start;
        let day = |d: chrono::NaiveDate| serde_json::json!(chrono::Datelike::num_days_from_ce(&d));
        let backwards = crafted(&timeline, |v| {
            v["when"]["end"] = day(start - chrono::Days::new(40));
        });
        refused(&backwards, &comparison, "a span that ends before it starts");
        let late = crafted(&timeline, |v| {
            v["when"]["start"] = day(timeline.events[5].when().start + chrono::Days::new(1));
            v["when"]["end"] = v["when"]["start"].clone();
        });
        refused(&late, &comparison, "events out of date order");
        let outside = crafted(&timeline, |v| v["when"]["start"] = serde_json::json!(-5));
        refused(&outside, &comparison, "a day before year 1");
        let sources = crafted(&timeline, |v| v["sources"] = serde_json::json!([0, 0, 9]));
        refused(&sources, &comparison, "sources not those of the passages");
        let mut lag = comparison.clone();
        lag.events[0].lag_days = Some(i64::MIN);
        refused(&timeline, &lag, "a lag longer than the calendar");
        let mut span = comparison.clone();
        let stated = span
            .events
            .iter_mut()
            .flat_map(|e| &mut e.disagreements)
            .flat_map(|d| &mut d.values)
            .flat_map(|c| &mut c.evidence)
            .next()
            .expect("the bundled story has a computed disagreement");
        stated.span = stated.quote.end + 1..stated.quote.end + 2;
        refused(&timeline, &span, "a value outside its quote");
        // And the entry as written is taken.
        cache.put(&key, &timeline, &comparison).expect("kept");
        let stored = cache.get(&key).expect("found");
        assert!(stored.restore(articles(&files)).is_some());
    }

    #[test]
    fn an_entry_that_does_not_fit_the_articles_is_refused() {
        let (_dir, cache, files, timeline, comparison) = setup();
        let key = cache.key(&files, &Options::default()).expect("a key");
        cache.put(&key, &timeline, &comparison).expect("kept");
        let mut sources = articles(&files);
        // One article fewer: the entry's indices reach past them.
        sources.pop();
        let stored = cache.get(&key).expect("found");
        assert!(stored.restore(sources).is_none(), "does not fit");
        // The last article cut short: its passages' ranges end past it.
        let mut sources = articles(&files);
        let last = sources.pop().unwrap();
        let body = &last.body()[..last.body().len() / 2];
        let mut short = annals_core::load::articles(
            crate::bundled::in_memory(
                crate::bundled::DIR,
                Vec::new(),
                [(
                    "sun.txt",
                    format!("{}{body}", front_matter(&files)).into_bytes(),
                )],
            ),
            &Options::default(),
        )
        .0;
        assert_eq!(short.len(), 1, "the short article reads");
        sources.append(&mut short);
        let stored = cache.get(&key).expect("found");
        assert!(stored.restore(sources).is_none(), "ranges past the body");
    }

    /// The front matter of the bundled `sun.txt`, fences included.
    fn front_matter(files: &DataFiles) -> String {
        let sun = files
            .sources
            .as_ref()
            .unwrap()
            .iter()
            .find(|f| f.path.ends_with("sun.txt"));
        let text = String::from_utf8(sun.unwrap().bytes.clone()).unwrap();
        let end = text[3..].find("+++").unwrap() + 6;
        text[..end].to_string() + "\n"
    }
}
