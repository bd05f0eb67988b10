//! The explorer's side of a search: each keystroke in the prompt starts (or
//! narrows) it and runs one slice, ticks run the rest, and n / N move through
//! the matches found so far.

use super::app::App;
use super::find::{Find, SLICE_BYTES};

impl App<'_> {
    /// Searches for what the prompt holds, from the event selected when the
    /// prompt opened: the first match at or after it is selected once found.
    pub fn search_for(&mut self, input: &str, origin: Option<usize>) {
        self.select_event(origin);
        if input.is_empty() {
            self.search = None;
            return;
        }
        let mut find = match &self.search {
            Some(old) => old.narrow(input, self.timeline),
            None => Find::new(input),
        };
        find.origin = origin;
        find.seek = Some(origin.unwrap_or(0));
        self.search = Some(find);
        self.search_slice();
    }

    /// Whether a search is still running.
    pub fn searching(&self) -> bool {
        self.search
            .as_ref()
            .is_some_and(|f| !f.is_done(self.timeline))
    }

    /// Runs one slice of the active search and acts on what it found.
    pub fn search_slice(&mut self) {
        let Some(mut find) = self.search.take() else {
            return;
        };
        let done = find.run(self.timeline, SLICE_BYTES, |e| self.is_shown(e));
        if let Some(from) = find.seek {
            let ahead = find.next(from, true, true, |e| self.is_shown(e));
            if let Some(e) = ahead {
                find.seek = None;
                self.select_event(Some(e));
            } else if done {
                find.seek = None;
                if let Some(e) = find.first(true, |e| self.is_shown(e)) {
                    self.select_event(Some(e));
                    self.message = Some("search wrapped around".into());
                }
            }
        }
        self.search = Some(find);
        if done {
            self.finish_search();
        }
    }

    /// Closes the prompt on a search: says how it went, now if the search is
    /// done, else when it is.
    pub fn confirm_search(&mut self) {
        if let Some(find) = &mut self.search {
            find.confirmed = true;
        }
        if !self.searching() {
            self.finish_search();
        }
    }

    /// Once a confirmed search is done: the number of matches, or, if none,
    /// the search cleared and the selection back where it was.
    fn finish_search(&mut self) {
        let Some(find) = &self.search else {
            return;
        };
        if !find.confirmed {
            return;
        }
        let query = find.query().to_string();
        let (hits, origin) = (find.shown, find.origin);
        if hits == 0 {
            // The search stays, saying "no match", so the next Esc clears
            // it rather than quitting; the selection goes back where it was.
            self.message = Some(format!("no match: no event mentions “{query}”; Esc clears"));
            self.select_event(origin);
            if let Some(find) = &mut self.search {
                find.confirmed = false;
            }
        } else {
            self.message = Some(format!(
                "{hits} event{} match “{query}”: n next, N previous, Esc clears",
                if hits == 1 { "" } else { "s" },
            ));
            if let Some(find) = &mut self.search {
                find.confirmed = false;
            }
        }
    }

    /// Selects the next (`forward`) or previous match among those found so
    /// far, wrapping around.
    pub fn next_match(&mut self, forward: bool) {
        let Some(find) = &self.search else {
            self.message = Some("no search yet: press / to search".into());
            return;
        };
        let Some(cur) = self.selected_event() else {
            return;
        };
        let shown = |e| self.is_shown(e);
        let next = find
            .next(cur, forward, false, shown)
            .or_else(|| find.first(forward, shown));
        match next {
            Some(e) => {
                if (forward && e < cur) || (!forward && e > cur) {
                    self.message = Some("search wrapped around".into());
                }
                self.select_event(Some(e));
            }
            None if find.is_done(self.timeline) => {
                self.message = Some(format!("no event mentions “{}”", find.query()));
            }
            None => {
                self.message = Some(format!(
                    "nothing found yet: still searching ({} %)",
                    find.percent(self.timeline)
                ));
            }
        }
    }

    /// Which shown match the selected event is, counting from 1, if it is one.
    pub fn match_number(&self) -> Option<usize> {
        let find = self.search.as_ref()?;
        let e = self.selected_event()?;
        let at = find.matches().binary_search(&e).ok()?;
        Some(
            1 + find.matches()[..at]
                .iter()
                .filter(|&&m| self.is_shown(m))
                .count(),
        )
    }

    /// Positions in `events` of the matches found so far that are shown.
    pub fn matches(&self) -> Vec<usize> {
        self.search
            .iter()
            .flat_map(|f| f.matches())
            .filter_map(|&e| self.position(e))
            .collect()
    }
}
