//! Case-insensitive search over a timeline's words: titles, summaries,
//! disagreement notes and the paragraphs of passages.
//!
//! A [`Search`] runs in slices of bounded work, so that an interactive
//! program can search a hundred thousand events without a keystroke ever
//! waiting for all of them: it checks events until a byte budget is spent
//! and carries on where it stopped. A search for a longer query that starts
//! from a finished one ([`Search::narrow`]) only rechecks that one's matches.

use std::ops::Range;

use aho_corasick::AhoCorasick;

use crate::timeline::Timeline;

/// Byte ranges of every non-overlapping, case-insensitive occurrence of
/// `query` in `text`. An empty query matches nothing.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle = lowered(query);
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(hit) = next_match(text, from, &needle) {
        from = hit.end;
        found.push(hit);
    }
    found
}

/// A query lowercased, as [`match_at`] compares it.
fn lowered(query: &str) -> Vec<char> {
    query.chars().flat_map(char::to_lowercase).collect()
}

/// The first match of `needle` (already lowercased) at or after byte `from`.
fn next_match(text: &str, mut from: usize, needle: &[char]) -> Option<Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    while from < text.len() {
        match match_at(text, from, needle) {
            Some(end) => return Some(from..end),
            None => from += text[from..].chars().next().map_or(1, char::len_utf8),
        }
    }
    None
}

/// Where a match of `needle` (already lowercased) starting at byte `at` ends.
fn match_at(text: &str, at: usize, needle: &[char]) -> Option<usize> {
    let mut want = needle.iter();
    let mut pending = want.next();
    for (i, c) in text[at..].char_indices() {
        for lower in c.to_lowercase() {
            match pending {
                Some(&w) if w == lower => pending = want.next(),
                Some(_) => return None,
                // The needle ended inside a character that lowercases to several.
                None => return None,
            }
        }
        if pending.is_none() {
            return Some(at + i + c.len_utf8());
        }
    }
    None
}

/// Whether `query` occurs in the event's title, summary, disagreement note or
/// any of its passages.
pub fn event_matches(timeline: &Timeline, event: usize, query: &str) -> bool {
    Matcher::new(query).is_some_and(|m| m.event(timeline, event).0)
}

/// A query compiled for fast "does this text contain it" checks that agree
/// with [`find_all`].
#[derive(Debug, Clone)]
struct Matcher {
    query: String,
    /// The query lowercased, for the exact path.
    needle: Vec<char>,
    /// For an ASCII query: a case-insensitive automaton. Only two non-ASCII
    /// characters lowercase to ASCII (the Kelvin sign and the dotted capital
    /// I), and texts holding either take the exact path instead.
    ascii: Option<AhoCorasick>,
}

impl Matcher {
    fn new(query: &str) -> Option<Matcher> {
        // A query that lowercases to nothing matches nothing.
        query.chars().flat_map(char::to_lowercase).next()?;
        let ascii = query
            .is_ascii()
            .then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build([query])
                    .ok()
            })
            .flatten();
        Some(Matcher {
            query: query.to_string(),
            needle: lowered(query),
            ascii,
        })
    }

    fn contains(&self, text: &str) -> bool {
        match &self.ascii {
            Some(ac) if !text.contains(['\u{212A}', '\u{130}']) => ac.is_match(text),
            // The first match answers; there is no need to find them all.
            _ => next_match(text, 0, &self.needle).is_some(),
        }
    }

    /// Whether the event matches, and how many bytes of text that took.
    fn event(&self, timeline: &Timeline, event: usize) -> (bool, usize) {
        let Some(e) = timeline.events.get(event) else {
            return (false, 0);
        };
        let mut read = 0;
        let mut hit = |text: &str| {
            read += text.len();
            self.contains(text)
        };
        let found = hit(&e.title)
            || e.summary.as_deref().is_some_and(&mut hit)
            || e.disagreement.as_deref().is_some_and(&mut hit)
            || e.passages().iter().any(|p| hit(timeline.paragraph(p)));
        (found, read)
    }
}

/// Which events a search still has to check.
#[derive(Debug, Clone)]
enum Pool {
    /// Every event, from the first.
    All,
    /// These events (timeline indices, ascending): an earlier search's matches.
    Only(Vec<usize>),
}

/// A search for one query over a timeline's events, run in slices.
#[derive(Debug, Clone)]
pub struct Search {
    matcher: Option<Matcher>,
    pool: Pool,
    /// How far into the pool the search has got.
    next: usize,
    /// The events found so far, as timeline indices in ascending order.
    matches: Vec<usize>,
}

impl Search {
    /// A new search for `query`; nothing is checked until [`Search::run`].
    pub fn new(query: &str) -> Search {
        Search {
            matcher: Matcher::new(query),
            pool: Pool::All,
            next: 0,
            matches: Vec::new(),
        }
    }

    /// The search for `query`, reusing this one's work when it can: if this
    /// search is finished and `query` contains its query (case aside), only
    /// the events this one matched can match, so only they are checked.
    pub fn narrow(&self, query: &str, timeline: &Timeline) -> Search {
        let mut next = Search::new(query);
        let contains = match (&self.matcher, &next.matcher) {
            (Some(old), Some(new)) => next_match(&new.query, 0, &old.needle).is_some(),
            _ => false,
        };
        if contains && self.is_done(timeline) {
            next.pool = Pool::Only(self.matches.clone());
        }
        next
    }

    /// The query, as typed.
    pub fn query(&self) -> &str {
        self.matcher.as_ref().map_or("", |m| m.query.as_str())
    }

    /// Checks events until about `budget` bytes of text were read, or all
    /// were; returns whether the search is finished.
    pub fn run(&mut self, timeline: &Timeline, budget: usize) -> bool {
        let Some(matcher) = &self.matcher else {
            self.next = self.pool_len(timeline);
            return true;
        };
        let total = self.pool_len(timeline);
        let mut spent = 0;
        while self.next < total && spent < budget {
            let event = match &self.pool {
                Pool::All => self.next,
                Pool::Only(events) => events[self.next],
            };
            let (found, read) = matcher.event(timeline, event);
            if found {
                self.matches.push(event);
            }
            // Even an event with no text costs something, so a budget always ends.
            spent += read.max(64);
            self.next += 1;
        }
        self.next >= total
    }

    /// Whether every event has been checked.
    pub fn is_done(&self, timeline: &Timeline) -> bool {
        self.next >= self.pool_len(timeline)
    }

    /// The events found so far, as timeline indices in ascending order.
    pub fn matches(&self) -> &[usize] {
        &self.matches
    }

    /// How many events have been checked, of how many.
    pub fn progress(&self, timeline: &Timeline) -> (usize, usize) {
        (self.next, self.pool_len(timeline))
    }

    fn pool_len(&self, timeline: &Timeline) -> usize {
        match &self.pool {
            Pool::All => timeline.events.len(),
            Pool::Only(events) => events.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_ignoring_case() {
        assert_eq!(
            find_all("Doha, doha, DOHA", "doha"),
            vec![0..4, 6..10, 12..16]
        );
        assert_eq!(find_all("aaaa", "aa"), vec![0..2, 2..4]);
        assert!(find_all("Doha", "").is_empty());
        assert!(find_all("Doha", "Dohar").is_empty());
    }

    #[test]
    fn ranges_are_byte_ranges_of_the_original_text() {
        let text = "Café ÉLAN";
        let hits = find_all(text, "élan");
        assert_eq!(hits, vec![6..11]);
        assert_eq!(&text[hits[0].clone()], "ÉLAN");
        // "İ" lowercases to two characters; a query may end on either.
        assert_eq!(find_all("İstanbul", "i\u{307}stan"), vec![0..6]);
        assert!(find_all("İstanbul", "i").is_empty());
    }

    #[test]
    fn the_fast_check_agrees_with_find_all() {
        for (text, query) in [
            ("Doha talks", "DOHA"),
            ("the \u{212A}abul office", "kabul"),
            ("İstanbul", "i"),
            ("plain", "lain"),
            ("plain", "plane"),
        ] {
            let m = Matcher::new(query).unwrap();
            assert_eq!(
                m.contains(text),
                !find_all(text, query).is_empty(),
                "{text:?} {query:?}"
            );
        }
    }

    #[test]
    fn events_match_on_titles_summaries_and_passages() {
        let t = crate::doha();
        let signing = t.event_index("signing").expect("signing");
        assert!(event_matches(&t, signing, "DOHA"));
        let esper = t.event_index("esper-kabul").expect("esper");
        // "reassure" is in the title; "Kabul" also in the passages.
        assert!(event_matches(&t, esper, "reassure"));
        assert!(!event_matches(&t, esper, "135 days"));
        assert!(!event_matches(&t, 999, "Doha"));
    }

    #[test]
    fn a_search_runs_in_slices_and_finds_what_a_full_scan_finds() {
        let t = crate::doha();
        let all: Vec<usize> = (0..t.events.len())
            .filter(|&e| event_matches(&t, e, "taliban"))
            .collect();
        assert!(all.len() > 3);
        let mut search = Search::new("taliban");
        let mut slices = 0;
        while !search.run(&t, 1) {
            slices += 1;
            assert!(search.matches().len() <= all.len());
        }
        assert_eq!(
            slices + 1,
            t.events.len(),
            "a 1-byte budget checks one event a slice"
        );
        assert_eq!(search.matches(), all.as_slice());
        assert_eq!(search.progress(&t), (t.events.len(), t.events.len()));
    }

    #[test]
    fn narrowing_checks_only_the_earlier_matches() {
        let t = crate::doha();
        let mut wide = Search::new("tali");
        wide.run(&t, usize::MAX);
        let mut narrow = wide.narrow("Taliban", &t);
        assert_eq!(narrow.progress(&t).1, wide.matches().len());
        narrow.run(&t, usize::MAX);
        let mut fresh = Search::new("taliban");
        fresh.run(&t, usize::MAX);
        assert_eq!(narrow.matches(), fresh.matches());
        // A query that does not extend the old one starts over.
        let other = wide.narrow("doha", &t);
        assert_eq!(other.progress(&t).1, t.events.len());
        // An unfinished search cannot be narrowed.
        let partial = Search::new("tali").narrow("taliban", &t);
        assert_eq!(partial.progress(&t).1, t.events.len());
    }

    #[test]
    fn an_empty_query_finds_nothing_at_once() {
        let t = crate::doha();
        let mut s = Search::new("");
        assert!(s.run(&t, 0));
        assert!(s.matches().is_empty());
    }
}
