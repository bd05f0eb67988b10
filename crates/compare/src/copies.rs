//! Wire copies: articles whose text is largely the same (one agency story run
//! by two outlets, a reprint, a lightly edited update).
//!
//! Each article is reduced to a MinHash sketch of its five-word shingles,
//! made with one-permutation hashing (one hash per shingle, split into bins,
//! empty bins filled from their neighbours), so sketching is linear in the
//! text. Sketches that agree on a band of bins are candidates, and a
//! candidate pair is a copy when the sketches estimate a resemblance (or, for
//! a text inside a longer one, a containment) above the thresholds. Each
//! group of copies is led by its earliest article.

use std::hash::Hasher;

use annals_core::Source;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use crate::first::by_publication;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Bins of a sketch.
const BINS: usize = 128;
/// Bins per band: two sketches sharing all the bins of a band are compared.
const ROWS: usize = 4;
/// How many members of a crowded band a newcomer is compared with.
const MAX_COMPARED: usize = 16;

/// How alike two texts must be to be called copies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Estimated Jaccard resemblance of the two shingle sets.
    pub resemblance: f64,
    /// Estimated share of the shorter text's shingles found in the longer.
    pub containment: f64,
    /// Fewest shingles a text must have to be compared at all.
    pub min_shingles: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            resemblance: 0.5,
            containment: 0.8,
            min_shingles: 20,
        }
    }
}

/// A text's MinHash sketch and its number of shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    bins: [u64; BINS],
    shingles: usize,
}

impl Sketch {
    /// Sketches `text`: lower-cased words, five to a shingle.
    pub fn of(text: &str) -> Sketch {
        let mut bins = [u64::MAX; BINS];
        // The last five words, oldest first: shifted by one at each word
        // rather than a ring indexed modulo five, five divisions a word.
        let mut window = [0u64; SHINGLE];
        let mut words = 0usize;
        for_each_word(text, |word| {
            window.copy_within(1.., 0);
            window[SHINGLE - 1] = word;
            words += 1;
            if words < SHINGLE {
                return;
            }
            let mut h = 0u64;
            for w in window {
                h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(w);
            }
            let h = mix(h);
            let bin = (h >> 57) as usize;
            let value = h & ((1 << 57) - 1);
            if value < bins[bin] {
                bins[bin] = value;
            }
        });
        densify(&mut bins);
        Sketch {
            bins,
            shingles: words.saturating_sub(SHINGLE - 1),
        }
    }

    /// The estimated Jaccard resemblance of the two shingle sets.
    pub fn resemblance(&self, other: &Sketch) -> f64 {
        let same = self
            .bins
            .iter()
            .zip(&other.bins)
            .filter(|(a, b)| a == b && **a != u64::MAX)
            .count();
        same as f64 / BINS as f64
    }

    /// The estimated share of the smaller set found in the larger.
    pub fn containment(&self, other: &Sketch) -> f64 {
        let j = self.resemblance(other);
        let (a, b) = (self.shingles as f64, other.shingles as f64);
        if a.min(b) == 0.0 {
            return 0.0;
        }
        (j * (a + b) / ((1.0 + j) * a.min(b))).min(1.0)
    }

    fn band(&self, band: usize) -> u64 {
        let mut h = FxHasher::default();
        h.write_usize(band);
        for v in &self.bins[band * ROWS..(band + 1) * ROWS] {
            h.write_u64(*v);
        }
        h.finish()
    }
}

/// Calls `f` with each word of `text` hashed: runs of letters and digits,
/// lower-cased. The text is cut at its ASCII marks and spaces byte by byte;
/// only a piece holding other characters is cut again character by
/// character (at a dash, a curly quote), which gives the same words as
/// cutting all of it so, in a fraction of the time.
fn for_each_word(text: &str, mut f: impl FnMut(u64)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut ascii = true;
    for i in 0..=bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(b' ');
        if b.is_ascii() && !b.is_ascii_alphanumeric() {
            if i > start {
                let piece = &text[start..i];
                if ascii {
                    f(hash_ascii(piece));
                } else {
                    piece
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .for_each(|w| f(hash_word(w)));
                }
            }
            start = i + 1;
            ascii = true;
        } else if !b.is_ascii() {
            ascii = false;
        }
    }
}

/// The hash of an ASCII word, lower-cased.
fn hash_ascii(word: &str) -> u64 {
    let mut h = FxHasher::default();
    for b in word.bytes() {
        h.write_u8(b.to_ascii_lowercase());
    }
    h.finish()
}

/// The hash of a word, lower-cased.
fn hash_word(word: &str) -> u64 {
    if word.is_ascii() {
        return hash_ascii(word);
    }
    let mut h = FxHasher::default();
    for c in word.chars().flat_map(char::to_lowercase) {
        h.write_u32(c as u32);
    }
    h.finish()
}

/// A 64-bit finaliser (splitmix64's), so that every bit of a shingle's hash
/// depends on every word of it.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Fills each empty bin from the next full one to its right (cyclically),
/// shifted by the distance, as in rotation densification, so that sketches of
/// short texts stay comparable bin by bin.
fn densify(bins: &mut [u64; BINS]) {
    if bins.iter().all(|&b| b == u64::MAX) {
        return;
    }
    let original = *bins;
    for i in 0..BINS {
        if original[i] != u64::MAX {
            continue;
        }
        let mut j = 1;
        while original[(i + j) % BINS] == u64::MAX {
            j += 1;
        }
        bins[i] = original[(i + j) % BINS].wrapping_add(j as u64 * 0x1_0000_0000_0000);
    }
}

/// For each source, the source it is a copy of (the earliest of its group),
/// or `None` for an original.
pub fn copies(sources: &[Source], thresholds: &Thresholds) -> Vec<Option<usize>> {
    let sketches: Vec<Sketch> = sources.par_iter().map(|s| Sketch::of(s.body())).collect();
    copies_of_sketches(sources, &sketches, thresholds)
}

/// [`copies`], from sketches made already (indexed like `sources`).
pub fn copies_of_sketches(
    sources: &[Source],
    sketches: &[Sketch],
    thresholds: &Thresholds,
) -> Vec<Option<usize>> {
    // Each band of each sketch long enough, as (its hash, the article).
    // Sorted, the articles sharing a band are a run, in article order.
    let mut bands: Vec<(u64, usize)> = sketches
        .par_iter()
        .enumerate()
        .filter(|(_, sketch)| sketch.shingles >= thresholds.min_shingles)
        .flat_map_iter(|(i, sketch)| (0..BINS / ROWS).map(move |band| (sketch.band(band), i)))
        .collect();
    bands.par_sort_unstable();
    // A band's first MAX_COMPARED articles are each compared with those
    // before them, and every later one with all of them: a crowded band
    // (a template's boilerplate) costs a bounded number of comparisons
    // per article.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for run in bands.chunk_by(|a, b| a.0 == b.0) {
        for (j, &(_, i)) in run.iter().enumerate() {
            pairs.extend(
                run[..j.min(MAX_COMPARED)]
                    .iter()
                    .map(|&(_, other)| (other, i)),
            );
        }
    }
    // Two articles of one template share many bands without being copies:
    // each pair is compared once.
    pairs.par_sort_unstable();
    pairs.dedup();
    let alike: Vec<(usize, usize)> = pairs
        .into_par_iter()
        .filter(|&(a, b)| {
            let (x, y) = (&sketches[a], &sketches[b]);
            x.resemblance(y) >= thresholds.resemblance || x.containment(y) >= thresholds.containment
        })
        .collect();
    // The groups are the connected parts of the pairs found alike, in
    // whatever order they are joined.
    let mut groups = UnionFind::new(sources.len());
    for (a, b) in alike {
        groups.union(a, b);
    }
    // The earliest article of each group is its original.
    let mut leader: FxHashMap<usize, usize> = FxHashMap::default();
    for i in 0..sources.len() {
        let root = groups.find(i);
        leader
            .entry(root)
            .and_modify(|l| {
                if by_publication(&sources[i], &sources[*l]).is_lt() {
                    *l = i;
                }
            })
            .or_insert(i);
    }
    (0..sources.len())
        .map(|i| {
            let l = leader[&groups.find(i)];
            (l != i).then_some(l)
        })
        .collect()
}

/// Disjoint sets of sources, joined as copies are found.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const WIRE: &str = "The United States and the Taliban signed an agreement in Doha on Saturday \
        that could lead to the withdrawal of American troops from Afghanistan within fourteen months. \
        Under the deal the United States will reduce its forces to 8,600 within 135 days, and the \
        Taliban promise not to let the country be used to plan attacks against America or its allies. \
        Talks between the Afghan government and the Taliban are due to begin next month in Oslo.";

    fn source(id: &str, day: u32, body: &str) -> Source {
        Source::new(id, NaiveDate::from_ymd_opt(2020, 2, day).unwrap(), body)
    }

    /// The words as they were read before `for_each_word` read bytes.
    fn words_by_chars(text: &str) -> Vec<u64> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut h = FxHasher::default();
                if w.is_ascii() {
                    for b in w.bytes() {
                        h.write_u8(b.to_ascii_lowercase());
                    }
                } else {
                    for c in w.chars().flat_map(char::to_lowercase) {
                        h.write_u32(c as u32);
                    }
                }
                h.finish()
            })
            .collect()
    }

    #[test]
    fn words_cut_by_bytes_are_the_words_cut_by_characters() {
        let texts = [
            WIRE,
            "",
            "   ",
            "MONTRÉAL - Société Générale, Łukasz Yılmaz and Björn: 50,533 containers.",
            "ΣΊΣΥΦΟΣ ΟΔΟΣ İstanbul ǅemal ß ﬁ ½ ² ٣ 四 \u{200b}x\u{a0}y",
            "end—dash’s “quotes” 2.5% $750 e\u{301}lan—",
            "—",
            "a",
            "é",
            "9",
        ];
        for text in texts {
            let mut words = Vec::new();
            for_each_word(text, |w| words.push(w));
            assert_eq!(words, words_by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn a_reprint_and_an_edited_update_are_copies_of_the_earliest() {
        let edited = WIRE
            .replace("in Oslo", "in Oslo, officials said")
            .replace("Saturday", "Feb. 29");
        let longer = format!("{WIRE}\n\nREAD MORE: Afghans caught between rock and a hard place.");
        let other = "Pompeo lands in Doha for the signing, saying the country stands on the verge \
            of a huge, enormous political opportunity after a week of reduced violence across \
            the provinces, while analysts warn that the full text may never be made public and \
            that the government in Kabul has not been part of the talks at any point so far.";
        let sources = vec![
            source("a-reprint", 29, WIRE),
            source("b-wire", 28, WIRE),
            source("c-update", 29, &edited),
            source("d-longer", 29, &longer),
            source("e-other", 27, other),
        ];
        let copy_of = copies(&sources, &Thresholds::default());
        assert_eq!(copy_of, [Some(1), None, Some(1), Some(1), None]);
    }

    /// More reprints than a band lists (`MAX_COMPARED`): the later ones are
    /// compared with the band's first articles, and all join one group led
    /// by the earliest; an unrelated article stays apart.
    #[test]
    fn reprints_past_a_crowded_band_join_the_earliest() {
        let n = MAX_COMPARED + 4;
        let ids: Vec<String> = (0..n).map(|i| format!("r{i:02}")).collect();
        let other = "Pompeo lands in Doha for the signing, saying the country stands on the verge \
            of a huge, enormous political opportunity after a week of reduced violence across \
            the provinces, while analysts warn that the full text may never be made public.";
        let mut sources: Vec<Source> = ids
            .iter()
            .enumerate()
            // The last reprint is the earliest published: it leads the group.
            .map(|(i, id)| source(id, if i == n - 1 { 27 } else { 29 }, WIRE))
            .collect();
        sources.push(source("z-other", 28, other));
        let copy_of = copies(&sources, &Thresholds::default());
        let mut want: Vec<Option<usize>> = vec![Some(n - 1); n];
        want[n - 1] = None;
        want.push(None);
        assert_eq!(copy_of, want);
    }

    #[test]
    fn sketches_estimate_resemblance() {
        let a = Sketch::of(WIRE);
        assert_eq!(a.resemblance(&a), 1.0);
        assert_eq!(a, Sketch::of(&WIRE.to_uppercase()));
        let half: String = WIRE.split(' ').take(40).collect::<Vec<_>>().join(" ");
        let b = Sketch::of(&half);
        let j = a.resemblance(&b);
        assert!((0.3..0.75).contains(&j), "{j}");
        assert!(a.containment(&b) > 0.8, "{}", a.containment(&b));
        assert_eq!(Sketch::of("").shingles, 0);
    }
}
