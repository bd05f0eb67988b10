//! People's names as the passages write them, and the spellings of one person
//! that differ between sources ("Zalmay Khalilzad" / "Zalmay Khalizad").
//!
//! A name is a run of two or more capitalised words that are not titles,
//! offices or function words (`rules/names.txt`). Two names are one person
//! spelt two ways when they have as many words, all equal but one, and that
//! one differs by a letter or two: a typo or a transliteration, not another
//! person ("Mike Pompeo" is not "Mike Pence").

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::rules::Rules;

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Its words, lower-cased, without the dots of initials.
    pub words: Vec<String>,
    /// Byte range of the name in the text.
    pub span: Range<usize>,
}

/// The people's names of `text`.
pub fn names(text: &str, rules: &Rules) -> Vec<Name> {
    let mut out = Vec::new();
    let mut run: Vec<(Range<usize>, String)> = Vec::new();
    let mut flush = |run: &mut Vec<(Range<usize>, String)>| {
        if run.len() >= 2 {
            out.push(Name {
                span: run[0].0.start..run[run.len() - 1].0.end,
                words: run.iter().map(|(_, w)| w.clone()).collect(),
            });
        }
        run.clear();
    };
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if !c.is_alphabetic() {
            // White space and a dot after an initial keep a name together;
            // anything else ends it.
            let keeps = c == ' ' || (c == '.' && run.last().is_some_and(|(_, w)| w.len() == 1));
            if !keeps {
                flush(&mut run);
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        while i < text.len() {
            let d = text[i..].chars().next().unwrap_or(' ');
            // "al-Qaida", "Jean-Marc": a hyphen between letters is in the word.
            let inner_hyphen = d == '-'
                && text[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if !(d.is_alphabetic() || inner_hyphen) {
                break;
            }
            i += d.len_utf8();
        }
        // Most words are not capitalised: those end a name before any
        // lower-cased copy is made.
        if !c.is_uppercase() {
            flush(&mut run);
            continue;
        }
        let lower = text[start..i].to_lowercase();
        if rules.not_names.contains(&lower) {
            flush(&mut run);
        } else {
            run.push((start..i, lower));
        }
    }
    flush(&mut run);
    out
}

/// Whether `a` and `b` are one person's name spelt two ways: as many words,
/// all equal but one, which differs by at most two letters.
pub fn variants(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a == b {
        return false;
    }
    let mut differing = a.iter().zip(b).filter(|(x, y)| x != y);
    let Some((x, y)) = differing.next() else {
        return false;
    };
    if differing.next().is_some() {
        return false;
    }
    let (short, long) = if x.chars().count() <= y.chars().count() {
        (x, y)
    } else {
        (y, x)
    };
    short.chars().count() >= 4
        && long.chars().count() - short.chars().count() <= 2
        && strsim::damerau_levenshtein(x, y) <= 2
        && strsim::jaro_winkler(x, y) >= 0.85
}

/// Groups of names that are spellings of one person, found through the
/// words they share: each group holds indices into `names`, at least two
/// distinct spellings.
pub fn spelling_groups(names: &[Vec<String>]) -> Vec<Vec<usize>> {
    // Names that could be variants share all words but one, so they share a
    // word at the same place: only those are compared.
    let mut by_word: FxHashMap<(usize, usize, &str), Vec<usize>> = FxHashMap::default();
    for (n, name) in names.iter().enumerate() {
        for (i, w) in name.iter().enumerate() {
            by_word.entry((name.len(), i, w)).or_default().push(n);
        }
    }
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut buckets: Vec<&Vec<usize>> = by_word.values().collect();
    buckets.sort();
    for bucket in buckets {
        // A word that hundreds of names share ("de") says little; the names
        // also share their other words with fewer.
        if bucket.len() > 64 {
            continue;
        }
        for (k, &a) in bucket.iter().enumerate() {
            for &b in &bucket[k + 1..] {
                if variants(&names[a], &names[b]) {
                    let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                    if ra != rb {
                        parent[ra.max(rb)] = ra.min(rb);
                    }
                }
            }
        }
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for n in 0..names.len() {
        let root = find(&mut parent, n);
        groups.entry(root).or_default().push(n);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_lowercase).collect()
    }

    #[test]
    fn names_leave_out_titles_and_offices() {
        let rules = Rules::embedded().unwrap();
        let text = "US Special Representative Zalmay Khalizad, the chief US negotiator, and head of \
            the Taliban's negotiating team, Mullah Abdul Ghani Baradar, signed. President George W. \
            Bush ordered it. DONALD Trump has brokered a deal, said Secretary of State Mike Pompeo.";
        let found: Vec<String> = names(text, &rules)
            .iter()
            .map(|n| n.words.join(" "))
            .collect();
        assert_eq!(
            found,
            [
                "zalmay khalizad",
                "abdul ghani baradar",
                "george w bush",
                "donald trump",
                "mike pompeo"
            ]
        );
    }

    #[test]
    fn a_letter_or_two_is_a_spelling_another_word_another_person() {
        assert!(variants(
            &words("zalmay khalilzad"),
            &words("zalmay khalizad")
        ));
        assert!(variants(
            &words("zabiullah mujahid"),
            &words("zabihullah mujahid")
        ));
        assert!(!variants(&words("mike pompeo"), &words("mike pence")));
        assert!(!variants(&words("kim jong un"), &words("kim jong il")));
        assert!(!variants(
            &words("ashraf ghani"),
            &words("abdul ghani baradar")
        ));
        assert!(!variants(&words("george w bush"), &words("george w bush")));
        let names = [
            words("zalmay khalilzad"),
            words("mike pompeo"),
            words("zalmay khalizad"),
            words("zalmay khalilzad"),
        ];
        assert_eq!(spelling_groups(&names), [vec![0, 2, 3]]);
    }
}
