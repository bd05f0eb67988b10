//! Ids unique by construction: each base remembers the next number to try,
//! so a thousand events of one title cost a thousand steps, not a million.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The ids given out so far.
#[derive(Debug, Default)]
pub(crate) struct Unique {
    taken: HashSet<String>,
    /// The next number to try after each base that was asked for again.
    next: HashMap<String, usize>,
}

impl Unique {
    /// Marks `id` as taken, as it is.
    pub fn take(&mut self, id: &str) {
        self.taken.insert(id.to_string());
    }

    /// `base` if it is free, else `base-2`, `base-3`... the first free one;
    /// taken from now on.
    pub fn claim(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_string()) {
            return base.to_string();
        }
        let n = self.next.entry(base.to_string()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_numbered_past_those_taken() {
        let mut ids = Unique::default();
        ids.take("x-2");
        assert_eq!(ids.claim("x"), "x");
        assert_eq!(ids.claim("x"), "x-3");
        assert_eq!(ids.claim("x-3"), "x-3-2");
        assert_eq!(ids.claim("x"), "x-4");
        assert_eq!(ids.claim("y"), "y");
    }
}
