//! Lexicon: the vocabulary and the word classes of `rules/lexicon.txt` (months, units, ...).

use rustc_hash::FxHashMap;

use super::tokens::{Token, UNKNOWN, Vocabulary, split_phrase};

/// Most classes a lexicon may define; class membership of single words is a 64-bit set.
const MAX_CLASSES: usize = 64;

/// A class of the lexicon, by index.
pub type ClassId = u16;

/// One phrase of a class with its value.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The class the phrase belongs to.
    pub class: ClassId,
    /// Vocabulary ids of the phrase's tokens.
    pub ids: Box<[u32]>,
    /// The value given after `=`.
    pub value: Box<str>,
}

/// The vocabulary (every word of the tables and rules, with an id) and the word classes.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Every word of the tables and rules. The keys are short words from the
    /// embedded tables, so a fast non-cryptographic hash is safe.
    words: FxHashMap<Box<str>, u32>,
    classes: Vec<String>,
    entries: Vec<Entry>,
    /// For each vocabulary id, the entries whose phrase starts with it, by
    /// class and then longest first.
    by_first: Vec<Vec<u32>>,
    /// For each vocabulary id, the classes that contain it as a one-word phrase.
    single: Vec<u64>,
    /// For each vocabulary id, the classes with a phrase starting with it: a cheap first test.
    starts: Vec<u64>,
}

impl Lexicon {
    /// Parses the `[class]` / `phrase | phrase = value` format of `rules/lexicon.txt`,
    /// after the classes of weekday and month names, which come from the
    /// program's one table of them ([`annals_core::calendar::WEEKDAYS`], `MONTHS`).
    pub fn parse(source: &str) -> Result<Lexicon, String> {
        let mut lex = Lexicon::default();
        lex.read(&calendar_classes(), "calendar names")?;
        lex.read(source, "lexicon.txt")?;
        // Each word's phrases by class, longest first, so that the longest
        // phrase of a class is the first of its run that fits.
        let entries = &lex.entries;
        for list in &mut lex.by_first {
            list.sort_by_key(|&e| {
                let entry = &entries[e as usize];
                (entry.class, std::cmp::Reverse(entry.ids.len()), e)
            });
        }
        Ok(lex)
    }

    /// Reads the classes of one source; errors name `file:line`.
    fn read(&mut self, source: &str, file: &str) -> Result<(), String> {
        let lex = self;
        let mut class: Option<ClassId> = None;
        for (n, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = |msg: &str| format!("{file}:{}: {msg}: {line}", n + 1);
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                if lex.class_id(name).is_some() {
                    return Err(at("class defined twice"));
                }
                if lex.classes.len() == MAX_CLASSES {
                    return Err(at("too many classes"));
                }
                lex.classes.push(name.to_string());
                class = Some((lex.classes.len() - 1) as ClassId);
                continue;
            }
            let class = class.ok_or_else(|| at("entry before any [class]"))?;
            let (phrases, value) = line.split_once('=').ok_or_else(|| at("missing `=`"))?;
            let value = value.trim();
            if value.is_empty() {
                return Err(at("empty value"));
            }
            for phrase in phrases.split('|') {
                let words = split_phrase(phrase);
                if words.is_empty() {
                    return Err(at("empty phrase"));
                }
                let ids: Box<[u32]> = words.iter().map(|w| lex.intern(w)).collect();
                let index = lex.entries.len() as u32;
                lex.by_first[ids[0] as usize].push(index);
                lex.starts[ids[0] as usize] |= 1 << class;
                if ids.len() == 1 {
                    lex.single[ids[0] as usize] |= 1 << class;
                }
                lex.entries.push(Entry {
                    class,
                    ids,
                    value: value.into(),
                });
            }
        }
        Ok(())
    }

    /// Returns the id of a lower-cased word, adding it to the vocabulary if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let id = self.by_first.len() as u32;
        self.words.insert(word.into(), id);
        self.by_first.push(Vec::new());
        self.single.push(0);
        self.starts.push(0);
        id
    }

    /// The id of a lower-cased word, or [`UNKNOWN`].
    pub fn id(&self, word: &str) -> u32 {
        self.words.get(word).copied().unwrap_or(UNKNOWN)
    }

    /// Number of words in the vocabulary.
    pub fn vocabulary_len(&self) -> usize {
        self.by_first.len()
    }

    /// The id of a class by name.
    pub fn class_id(&self, name: &str) -> Option<ClassId> {
        self.classes
            .iter()
            .position(|c| c == name)
            .map(|i| i as ClassId)
    }

    /// All entries of the lexicon.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries whose phrase starts with vocabulary id `id`.
    pub fn starting_with(&self, id: u32) -> impl Iterator<Item = &Entry> {
        self.by_first
            .get(id as usize)
            .into_iter()
            .flatten()
            .map(|&e| &self.entries[e as usize])
    }

    /// Whether the word with id `id` is on its own a phrase of `class`.
    pub fn is(&self, id: u32, class: ClassId) -> bool {
        self.single
            .get(id as usize)
            .is_some_and(|bits| bits & (1 << class) != 0)
    }

    /// Whether a phrase of `class` may start with vocabulary id `id`: the
    /// first test of [`Lexicon::match_class`], for callers to make before
    /// anything dearer.
    pub fn may_start(&self, class: ClassId, id: u32) -> bool {
        self.starts
            .get(id as usize)
            .is_some_and(|bits| bits & (1 << class) != 0)
    }

    /// The classes with a phrase starting with vocabulary id `id` (a bit set).
    pub fn starts_of(&self, id: u32) -> u64 {
        self.starts.get(id as usize).copied().unwrap_or(0)
    }

    /// Whether a phrase of one of the classes of the bit set `classes` may
    /// start with vocabulary id `id`.
    pub fn may_start_any(&self, classes: u64, id: u32) -> bool {
        self.starts
            .get(id as usize)
            .is_some_and(|bits| bits & classes != 0)
    }

    /// For each class, the shortest and the longest of its phrases, in tokens
    /// (`(0, 0)` for a class with none, which matches nowhere).
    pub fn phrase_lengths(&self) -> Vec<(usize, usize)> {
        let mut lengths: Vec<Option<(usize, usize)>> = vec![None; self.classes.len()];
        for entry in &self.entries {
            if let Some(slot) = lengths.get_mut(usize::from(entry.class)) {
                let n = entry.ids.len();
                *slot = Some(slot.map_or((n, n), |(min, max)| (min.min(n), max.max(n))));
            }
        }
        lengths.into_iter().map(|l| l.unwrap_or((0, 0))).collect()
    }

    /// The longest phrase of `class` at `tokens[i..]`: its length in tokens and its value.
    pub fn match_class(&self, class: ClassId, tokens: &[Token], i: usize) -> Option<(usize, &str)> {
        let first = tokens.get(i)?;
        if !self.may_start(class, first.id) {
            return None;
        }
        let list = self.by_first.get(first.id as usize)?;
        let from = list.partition_point(|&e| self.entries[e as usize].class < class);
        for &e in &list[from..] {
            let entry = &self.entries[e as usize];
            if entry.class != class {
                break;
            }
            let rest = tokens.get(i + 1..i + entry.ids.len());
            let fits = rest.is_some_and(|rest| {
                rest.iter().zip(&entry.ids[1..]).all(|(t, &id)| {
                    // A phrase never spans a paragraph break.
                    t.id == id && !t.para_before
                })
            });
            if fits {
                return Some((entry.ids.len(), &entry.value));
            }
        }
        None
    }

    /// The value of the one-word phrase `id` in `class`.
    pub fn value_of(&self, class: ClassId, id: u32) -> Option<&str> {
        if !self.is(id, class) {
            return None;
        }
        self.starting_with(id)
            .find(|e| e.class == class && e.ids.len() == 1)
            .map(|e| &*e.value)
    }
}

impl Vocabulary for Lexicon {
    fn id(&self, word: &str) -> u32 {
        Lexicon::id(self, word)
    }
}

/// The `[month]`, `[weekday]` and `[weekdays]` classes, in the format of
/// `lexicon.txt`, from the program's table of names: a full name, or a short
/// form with its full stop ("Sept.", "Tues."; without one, "sat" and "sun" are
/// other words), numbered as TIMEX3 does; "Mondays" is the set of Mondays.
/// `[shortname]` holds the short forms, whose full stop ends no sentence;
/// `[monthshort]` and `[weekdayshort]` the short forms written without one.
fn calendar_classes() -> String {
    use annals_core::calendar::{MONTHS, Name, WEEKDAYS};
    use std::fmt::Write;
    let mut out = String::new();
    let mut class = |title: &str, names: &[Name], plural: bool| {
        let _ = writeln!(out, "[{title}]");
        for (k, name) in names.iter().enumerate() {
            let s = if plural { "s" } else { "" };
            let _ = write!(out, "{}{s}", name.full);
            if !plural {
                for short in name.short {
                    let _ = write!(out, " | {short} .");
                }
            }
            let _ = writeln!(out, " = {}", k + 1);
        }
    };
    class("month", &MONTHS, false);
    class("weekday", &WEEKDAYS, false);
    class("weekdays", &WEEKDAYS, true);
    out.push_str("[shortname]\n");
    for name in MONTHS.iter().chain(&WEEKDAYS) {
        for short in name.short {
            let _ = writeln!(out, "{short} = 1");
        }
    }
    // Without their full stop ("Aug 16, 2011", "03 Jun 2009", "Tue"): only
    // rules that have a day or a year beside them read these.
    for (title, names) in [("monthshort", &MONTHS[..]), ("weekdayshort", &WEEKDAYS[..])] {
        let _ = writeln!(out, "[{title}]");
        for (k, name) in names.iter().enumerate() {
            for short in name.short {
                let _ = writeln!(out, "{short} = {}", k + 1);
            }
        }
    }
    out
}
