//! Terms and how much two sentences share: the content words of a sentence
//! (stems of six letters, dates and stop words left out), weighted by how
//! rare they are across the articles (idf).

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::rules::{List, Words};
use crate::words::{Word, stem};

/// A term, as a hash of its stem: sentences compare without strings.
pub(crate) type Term = u64;

pub(crate) fn hash(text: &str) -> Term {
    // FNV-1a: stable across runs and platforms.
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The key terms of a sentence, sorted, each once; words inside `masked`
/// (the date expressions, byte ranges of the sentence) are left out.
pub(crate) fn of_sentence(sentence: &[Word], masked: &[Range<usize>], w: &Words) -> Vec<Term> {
    // The masked ranges in order and merged, so that each word looks up
    // the one range it may overlap: a sentence can hold thousands of dates.
    let mut masks: Vec<Range<usize>> = masked.to_vec();
    masks.sort_by_key(|m| m.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(masks.len());
    for m in masks {
        match merged.last_mut() {
            Some(last) if m.start <= last.end => last.end = last.end.max(m.end),
            _ => merged.push(m),
        }
    }
    let mut out: Vec<Term> = sentence
        .iter()
        .filter(|word| {
            let at = merged.partition_point(|m| m.end <= word.span.start);
            merged.get(at).is_none_or(|m| m.start >= word.span.end)
        })
        .filter_map(|word| {
            let low = word.low.trim_matches(|c| matches!(c, '\'' | '-'));
            let digits = low.starts_with(|c: char| c.is_ascii_digit());
            let short = low.chars().count() < 3;
            if w.has(List::Stopwords, low) || (short && !digits) || (digits && low.len() <= 2) {
                return None;
            }
            Some(hash(&stem(low)))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Counts each of a sentence's `terms` in `counts`, as [`Idf`] counts
/// them.
pub(crate) fn count(counts: &mut HashMap<Term, u32>, terms: &[Term]) {
    for &t in terms {
        *counts.entry(t).or_default() += 1;
    }
}

/// Inverse document frequencies of terms over a set of sentences.
#[derive(Debug, Clone, Default)]
pub(crate) struct Idf {
    weights: HashMap<Term, f32>,
    unseen: f32,
}

impl Idf {
    /// Counts the sentences each term occurs in.
    #[cfg(test)]
    pub fn new<'a>(sentences: impl Iterator<Item = &'a [Term]>) -> Idf {
        let mut counts: HashMap<Term, u32> = HashMap::default();
        let mut n = 0u32;
        for terms in sentences {
            n += 1;
            count(&mut counts, terms);
        }
        Idf::counted(n, counts)
    }

    /// From the number of sentences `n` and the number of sentences each
    /// term occurs in (as [`Idf::new`] counts them).
    pub fn counted(n: u32, counts: HashMap<Term, u32>) -> Idf {
        let total = (n as f32 + 1.0).ln();
        let weights = counts
            .into_iter()
            .map(|(t, c)| (t, total - (c as f32).ln()))
            .collect();
        Idf {
            weights,
            unseen: total,
        }
    }

    /// The weight of one term.
    pub fn weight(&self, term: Term) -> f32 {
        self.weights.get(&term).copied().unwrap_or(self.unseen)
    }

    /// How much two sorted term lists share: the sum of the weights of the
    /// terms in both.
    pub fn shared(&self, a: &[Term], b: &[Term]) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weight(a[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

/// The most items a term may be shared by and still be followed in a query.
pub(crate) const COMMON: usize = 256;

/// Items indexed by their terms, to find the ones that share most with a
/// query without comparing it with every item.
#[derive(Debug, Default)]
pub(crate) struct Index {
    postings: HashMap<Term, Vec<usize>>,
}

impl Index {
    /// Adds item `id` with its terms.
    pub fn add(&mut self, id: usize, terms: &[Term]) {
        for &t in terms {
            let list = self.postings.entry(t).or_default();
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    }

    /// Every item sharing a term with `terms`, with the idf weight shared.
    /// A term shared by more than [`COMMON`] items names no particular
    /// happening and is not followed: this keeps each query bounded however
    /// large the corpus (in a few dozen articles no term comes near it).
    pub fn similar(&self, idf: &Idf, terms: &[Term]) -> HashMap<usize, f32> {
        let mut out: HashMap<usize, f32> = HashMap::default();
        for &t in terms {
            if let Some(list) = self.postings.get(&t).filter(|l| l.len() <= COMMON) {
                let w = idf.weight(t);
                for &id in list {
                    *out.entry(id).or_default() += w;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words as split;

    fn terms(text: &str) -> Vec<Term> {
        of_sentence(&split(text), &[], crate::rules::test_words())
    }

    #[test]
    fn terms_leave_out_stop_words_dates_and_small_numbers() {
        assert_eq!(terms("The signing of the deal"), terms("signed deals"));
        assert!(terms("on the 12 of it").is_empty());
        let text = "Troops left on Saturday 2020";
        let masked = text.find("2020").unwrap()..text.len();
        assert_eq!(
            of_sentence(
                &split(text),
                std::slice::from_ref(&masked),
                crate::rules::test_words()
            ),
            terms("troops left")
        );
    }

    #[test]
    fn rare_terms_weigh_more_and_the_index_finds_sharers() {
        let a = terms("Taliban signed deal");
        let b = terms("Taliban deal today");
        let c = terms("Taliban fighting");
        let idf = Idf::new([a.as_slice(), b.as_slice(), c.as_slice()].into_iter());
        assert!(idf.weight(hash("deal")) > idf.weight(hash("taliba")));
        let shared = idf.shared(&a, &b);
        assert!((shared - idf.weight(hash("deal")) - idf.weight(hash("taliba"))).abs() < 1e-6);
        let mut index = Index::default();
        index.add(0, &a);
        index.add(1, &c);
        let found = index.similar(&idf, &b);
        assert!((found[&0] - shared).abs() < 1e-6);
        assert!(found[&1] < found[&0]);
    }
}
