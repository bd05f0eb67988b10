//! A list of lists in one allocation (compressed rows): the items of every
//! list end to end, and where each list starts. An article's sentences each
//! have a few terms and names; held as a `Vec` each, their headers and heap
//! blocks weighed three or four times the terms themselves.

/// Lists of `T`, numbered from 0, each a slice of one `Vec`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lists<T> {
    /// Every list's items, list after list.
    items: Vec<T>,
    /// Where each list starts in `items`, and after the last one where it
    /// ends (so there is one more than there are lists).
    starts: Vec<u32>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            items: Vec::new(),
            starts: vec![0],
        }
    }
}

impl<T> Lists<T> {
    /// No lists yet, with room for `lists` of them.
    pub fn with_capacity(lists: usize) -> Self {
        let mut starts = Vec::with_capacity(lists + 1);
        starts.push(0);
        Lists {
            items: Vec::new(),
            starts,
        }
    }

    /// List `i`.
    pub fn get(&self, i: usize) -> &[T] {
        &self.items[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// Every list, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[T]> {
        self.starts
            .windows(2)
            .map(|w| &self.items[w[0] as usize..w[1] as usize])
    }

    /// Every item of every list, list after list.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// Adds a list of `items`.
    pub fn push(&mut self, items: impl IntoIterator<Item = T>) {
        self.items.extend(items);
        let end = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        assert!(
            end < u32::MAX,
            "more than 4 billion items in a list of lists"
        );
        self.starts.push(end);
    }

    /// Gives back the memory not used (for lists that are kept long).
    pub fn shrink_to_fit(&mut self) {
        self.items.shrink_to_fit();
        self.starts.shrink_to_fit();
    }
}

/// Lists for some of the rows of a table (an article's sentences), the
/// rows in increasing order: the others' lists are empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rows<T> {
    /// The rows that have a list, in increasing order.
    rows: Vec<u32>,
    /// Their lists, in the same order.
    lists: Lists<T>,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows {
            rows: Vec::new(),
            lists: Lists::default(),
        }
    }
}

impl<T> Rows<T> {
    /// The list of row `row` (empty when it has none).
    pub fn get(&self, row: usize) -> &[T] {
        let Ok(row) = u32::try_from(row) else {
            return &[];
        };
        match self.rows.binary_search(&row) {
            Ok(i) => self.lists.get(i),
            Err(_) => &[],
        }
    }

    /// Every row that has a list, with it, in order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &[T])> {
        self.rows.iter().map(|&r| r as usize).zip(self.lists.iter())
    }

    /// Gives row `row`, after every row given so far, the list `items`.
    pub fn push(&mut self, row: usize, items: impl IntoIterator<Item = T>) {
        let row = u32::try_from(row).expect("more than 4 billion rows");
        assert!(
            self.rows.last().is_none_or(|&last| last < row),
            "rows are given in increasing order"
        );
        self.rows.push(row);
        self.lists.push(items);
    }

    /// Keeps the rows for which `keep` is true, handing each other row's
    /// list to `dropped`.
    pub fn retain(&mut self, mut keep: impl FnMut(usize) -> bool, mut dropped: impl FnMut(&[T]))
    where
        T: Clone,
    {
        let mut kept = Rows::default();
        for (row, items) in self.iter() {
            if keep(row) {
                kept.push(row, items.iter().cloned());
            } else {
                dropped(items);
            }
        }
        *self = kept;
    }

    /// Gives back the memory not used (for lists that are kept long).
    pub fn shrink_to_fit(&mut self) {
        self.rows.shrink_to_fit();
        self.lists.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_without_a_list_are_empty_and_dropped_rows_are_handed_over() {
        let mut r: Rows<u64> = Rows::default();
        r.push(2, [5, 6]);
        r.push(7, []);
        r.push(9, [1]);
        assert_eq!(r.get(2), [5, 6]);
        assert!(r.get(0).is_empty() && r.get(3).is_empty() && r.get(7).is_empty());
        assert_eq!(r.get(9), [1]);
        assert!(r.get(usize::MAX).is_empty());
        let mut dropped = Vec::new();
        r.retain(|row| row != 2, |items| dropped.extend_from_slice(items));
        assert_eq!(dropped, [5, 6]);
        assert!(r.get(2).is_empty());
        assert_eq!(r.iter().map(|(row, _)| row).collect::<Vec<_>>(), [7, 9]);
        assert_eq!(r.get(9), [1]);
    }

    #[test]
    #[should_panic(expected = "increasing order")]
    fn rows_are_given_in_order() {
        let mut r: Rows<u64> = Rows::default();
        r.push(3, [1]);
        r.push(3, [2]);
    }

    #[test]
    fn lists_are_slices_of_one_vec_in_order() {
        let mut l: Lists<u64> = Lists::with_capacity(3);
        l.push([3, 1]);
        l.push([]);
        l.push(vec![7, 8, 9]);
        assert_eq!(l.iter().count(), 3);
        assert_eq!(l.get(0), [3, 1]);
        assert!(l.get(1).is_empty());
        assert_eq!(l.get(2), [7, 8, 9]);
        let all: Vec<&[u64]> = l.iter().collect();
        assert_eq!(all, [&[3, 1][..], &[], &[7, 8, 9]]);
        assert_eq!(l.items(), [3, 1, 7, 8, 9]);
        assert_eq!(Lists::<u64>::default().iter().count(), 0);
    }
}
