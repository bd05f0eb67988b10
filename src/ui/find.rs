//! The active search: a time-sliced [`Search`] over the whole timeline, how
//! many of its matches the source filter shows, and which match comes next.
//!
//! It knows nothing of the explorer's state: what is shown is asked through
//! a closure, so the state can hold a `Find` without the two importing each
//! other.

use annals_core::Timeline;
use annals_core::search::Search;

/// How many bytes of text one slice of searching reads: a few milliseconds
/// (the core's check runs at about 100 MB/s on article text).
pub const SLICE_BYTES: usize = 512 << 10;

/// A search and what the explorer has made of it so far.
#[derive(Debug, Clone)]
pub struct Find {
    search: Search,
    /// How many of the matches found so far some visible source reports.
    pub shown: usize,
    /// How many of the matches `shown` has looked at.
    counted: usize,
    /// The event selected when typing began (timeline index): until a match
    /// at or after it is found, the incremental search keeps looking.
    pub seek: Option<usize>,
    /// Where Esc or a failed search goes back to.
    pub origin: Option<usize>,
    /// The prompt was closed with Enter: say how it went once the search ends.
    pub confirmed: bool,
}

impl Find {
    /// A search for `query`, not run yet.
    pub fn new(query: &str) -> Find {
        Find::from_search(Search::new(query))
    }

    fn from_search(search: Search) -> Find {
        Find {
            search,
            shown: 0,
            counted: 0,
            seek: None,
            origin: None,
            confirmed: false,
        }
    }

    /// The search for `query`, reusing this one's matches if it is a longer
    /// query and this one is finished.
    pub fn narrow(&self, query: &str, timeline: &Timeline) -> Find {
        Find::from_search(self.search.narrow(query, timeline))
    }

    /// The query, as typed.
    pub fn query(&self) -> &str {
        self.search.query()
    }

    /// Runs one slice of about `budget` bytes; returns whether it is done.
    pub fn run(
        &mut self,
        timeline: &Timeline,
        budget: usize,
        is_shown: impl Fn(usize) -> bool,
    ) -> bool {
        let done = self.search.run(timeline, budget);
        self.count(is_shown);
        done
    }

    /// Counts the shown matches again, after the filter changed.
    pub fn recount(&mut self, is_shown: impl Fn(usize) -> bool) {
        self.shown = 0;
        self.counted = 0;
        self.count(is_shown);
    }

    fn count(&mut self, is_shown: impl Fn(usize) -> bool) {
        let new = &self.search.matches()[self.counted..];
        self.shown += new.iter().filter(|&&e| is_shown(e)).count();
        self.counted = self.search.matches().len();
    }

    /// Whether every event has been checked.
    pub fn is_done(&self, timeline: &Timeline) -> bool {
        self.search.is_done(timeline)
    }

    /// How far the search has got, in percent.
    pub fn percent(&self, timeline: &Timeline) -> usize {
        match self.search.progress(timeline) {
            (_, 0) => 100,
            (done, all) => done * 100 / all,
        }
    }

    /// The events found so far (timeline indices, ascending).
    pub fn matches(&self) -> &[usize] {
        self.search.matches()
    }

    /// The first shown match after event `from` (at it too if `inclusive`)
    /// going forward, or before it going back, without wrapping around.
    pub fn next(
        &self,
        from: usize,
        forward: bool,
        inclusive: bool,
        is_shown: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let m = self.matches();
        if forward {
            let start = m.partition_point(|&e| if inclusive { e < from } else { e <= from });
            m[start..].iter().copied().find(|&e| is_shown(e))
        } else {
            let end = m.partition_point(|&e| e < from);
            m[..end].iter().rev().copied().find(|&e| is_shown(e))
        }
    }

    /// The first (or last) shown match, for wrapping around.
    pub fn first(&self, forward: bool, is_shown: impl Fn(usize) -> bool) -> Option<usize> {
        let mut all = self.matches().iter().copied();
        if forward {
            all.find(|&e| is_shown(e))
        } else {
            all.rev().find(|&e| is_shown(e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Timeline {
        crate::bundled::load().expect("bundled story")
    }

    #[test]
    fn matches_are_counted_as_the_filter_shows_them() {
        let t = story();
        let mut f = Find::new("taliban");
        assert!(f.run(&t, usize::MAX, |_| true));
        let all = f.matches().len();
        assert!(all > 3);
        assert_eq!(f.shown, all);
        f.recount(|e| e % 2 == 0);
        assert_eq!(f.shown, f.matches().iter().filter(|&&e| e % 2 == 0).count());
        assert_eq!(f.percent(&t), 100);
    }

    #[test]
    fn next_and_previous_skip_hidden_matches_and_stop_at_the_ends() {
        let t = story();
        let mut f = Find::new("taliban");
        f.run(&t, usize::MAX, |_| true);
        let m = f.matches().to_vec();
        let shown = |_| true;
        assert_eq!(f.next(m[0], true, true, shown), Some(m[0]));
        assert_eq!(f.next(m[0], true, false, shown), Some(m[1]));
        assert_eq!(f.next(m[1], false, false, shown), Some(m[0]));
        assert_eq!(f.next(m[0], false, false, shown), None);
        let last = m[m.len() - 1];
        assert_eq!(f.next(last, true, false, shown), None);
        assert_eq!(f.first(true, shown), Some(m[0]));
        assert_eq!(f.first(false, shown), Some(last));
        // Hidden matches are stepped over.
        assert_eq!(f.next(m[0], true, false, |e| e != m[1]), Some(m[2]));
    }

    #[test]
    fn a_search_in_slices_reports_its_progress() {
        let t = story();
        let mut f = Find::new("doha");
        assert!(!f.run(&t, 1, |_| true));
        let p = f.percent(&t);
        assert!(p > 0 && p < 100, "{p}");
        assert!(!f.is_done(&t));
        while !f.run(&t, 1, |_| true) {}
        assert!(f.is_done(&t));
        let mut longer = f.narrow("doha,", &t);
        longer.run(&t, usize::MAX, |_| true);
        assert!(longer.matches().len() <= f.matches().len());
        assert_eq!(longer.query(), "doha,");
    }
}
