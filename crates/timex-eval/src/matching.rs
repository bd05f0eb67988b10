//! One-to-one pairing of gold and predicted extents.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::timeml::Timex;

/// Pairs gold and system timexes one to one, as `match` in `timex_eval.py`:
/// first identical extents (each gold in order takes the first unused system
/// timex with its extent), then among the rest the largest overlap, ties broken
/// by the smaller `|Δstart| + |Δend|`, then the lower gold index, then the lower
/// system index. Returns `(gold index, system index)` pairs in that order.
pub(crate) fn match_pairs(gold: &[Timex], system: &[Timex]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut used_g = vec![false; gold.len()];
    let mut used_s = vec![false; system.len()];
    let mut by_span: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (j, s) in system.iter().enumerate() {
        by_span.entry((s.start, s.end)).or_default().push(j);
    }
    for (i, g) in gold.iter().enumerate() {
        let same = by_span
            .get(&(g.start, g.end))
            .map_or(&[][..], Vec::as_slice);
        if let Some(&j) = same.iter().find(|&&j| !used_s[j]) {
            pairs.push((i, j));
            used_g[i] = true;
            used_s[j] = true;
        }
    }
    let mut candidates = Vec::new();
    for (i, g) in gold.iter().enumerate().filter(|&(i, _)| !used_g[i]) {
        for (j, s) in system.iter().enumerate().filter(|&(j, _)| !used_s[j]) {
            let overlap = g.end.min(s.end) as i64 - g.start.max(s.start) as i64;
            if overlap > 0 {
                let distance = g.start.abs_diff(s.start) + g.end.abs_diff(s.end);
                candidates.push((Reverse(overlap), distance, i, j));
            }
        }
    }
    candidates.sort_unstable();
    for (_, _, i, j) in candidates {
        if !used_g[i] && !used_s[j] {
            pairs.push((i, j));
            used_g[i] = true;
            used_s[j] = true;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::match_pairs;
    use crate::timeml::Timex;

    fn spans(v: &[(usize, usize)]) -> Vec<Timex> {
        v.iter()
            .map(|&(start, end)| Timex {
                start,
                end,
                text: String::new(),
                kind: String::new(),
                value: String::new(),
                tid: String::new(),
            })
            .collect()
    }

    #[test]
    fn identical_extents_win_over_larger_overlaps() {
        // system (0,10) overlaps gold (0,10) fully and gold (2,8) by 6; the
        // identical pair is made first even though gold (2,8) is listed first
        let gold = spans(&[(2, 8), (0, 10)]);
        let system = spans(&[(0, 10), (2, 9)]);
        assert_eq!(match_pairs(&gold, &system), [(1, 0), (0, 1)]);
    }

    #[test]
    fn duplicate_identical_extents_pair_in_order() {
        let gold = spans(&[(0, 4), (0, 4)]);
        let system = spans(&[(0, 4), (0, 4), (0, 4)]);
        assert_eq!(match_pairs(&gold, &system), [(0, 0), (1, 1)]);
    }

    #[test]
    fn largest_overlap_first_then_closest_boundaries() {
        // gold (0,10): system (0,6) overlaps 6, system (5,10) overlaps 5
        let gold = spans(&[(0, 10)]);
        assert_eq!(match_pairs(&gold, &spans(&[(0, 6), (5, 10)])), [(0, 0)]);
        assert_eq!(match_pairs(&gold, &spans(&[(5, 10), (0, 6)])), [(0, 1)]);
        // equal overlaps of 4: (6,20) is 6+10 away, (0,4) only 0+6
        let system = spans(&[(6, 20), (0, 4)]);
        assert_eq!(match_pairs(&gold, &system), [(0, 1)]);
        // equal overlaps of 2: (8,14) is 8+4 away, (0,2) 0+8
        let system = spans(&[(8, 14), (0, 2)]);
        assert_eq!(match_pairs(&gold, &system), [(0, 1)]);
    }

    #[test]
    fn full_ties_go_to_the_lower_gold_then_system_index() {
        // one system extent overlapping two golds by 2, equally far: the first gold gets it
        let gold = spans(&[(0, 4), (6, 10)]);
        let system = spans(&[(2, 8)]);
        assert_eq!(match_pairs(&gold, &system), [(0, 0)]);
        // two system extents overlapping one gold equally and equally far: the first one
        let gold = spans(&[(2, 8)]);
        let system = spans(&[(0, 6), (4, 10)]);
        assert_eq!(match_pairs(&gold, &system), [(0, 0)]);
    }

    #[test]
    fn greedy_not_optimal_and_touching_is_not_overlap() {
        // greedy: gold 0 takes system 0 (overlap 5), leaving gold 1 unmatched although
        // gold 0 / system 1 and gold 1 / system 0 would make two pairs
        let gold = spans(&[(0, 5), (5, 7)]);
        let system = spans(&[(0, 6), (0, 1)]);
        assert_eq!(match_pairs(&gold, &system), [(0, 0)]);
        // extents that only touch do not overlap
        assert!(match_pairs(&spans(&[(0, 5)]), &spans(&[(5, 9)])).is_empty());
    }
}
