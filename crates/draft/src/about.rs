//! `--about`: keeping the mentions that concern one entity. A name (or an
//! alias, longest first, whole words, not the start of a longer name) must be
//! in the clause of the date or be the subject before the sentence's first
//! verb; a sentence that starts with a pronoun continues the previous one.

use std::ops::Range;

use crate::rules::{List, Words};
use crate::verbs;
use crate::words::{lower, words as split_words};

/// The names of an entity, longest first, lower case, each with whether a
/// plural `s` may follow (not after a capital: "iPhone 3G" is not in "iPhone 3GS").
pub(crate) struct Names(Vec<(String, bool)>);

impl Names {
    /// Reads the names given by the user; blank ones are ignored.
    pub fn new(names: &[String]) -> Names {
        let mut list: Vec<(String, bool)> = names
            .iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
            .map(|n| {
                (
                    lower(n),
                    !n.ends_with(|c: char| c.is_uppercase() || c.is_ascii_digit()),
                )
            })
            .collect();
        list.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        list.dedup();
        Names(list)
    }

    /// Whether no name was given.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Where the names occur in `text`: whole words (a plural or possessive
    /// ending allowed), not followed by a number or a capitalised word that
    /// would make a longer name ("iPhone" is not in "iPhone 4").
    pub fn spans(&self, text: &str, w: &Words) -> Vec<Range<usize>> {
        // Lower case where it keeps byte offsets, so spans index `text`.
        let hay: String = text
            .chars()
            .map(|c| {
                let mut low = c.to_lowercase();
                match (low.next(), low.next()) {
                    (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                }
            })
            .collect();
        let hay = hay.as_str();
        let mut taken: Vec<Range<usize>> = Vec::new();
        for (needle, plural) in &self.0 {
            for (a, _) in hay.match_indices(needle.as_str()) {
                let mut b = a + needle.len();
                if a > 0 && hay[..a].ends_with(|c: char| c.is_alphanumeric()) {
                    continue;
                }
                for ending in ["'s", "\u{2019}s", "s"] {
                    if hay[b..].starts_with(ending) && (ending != "s" || *plural) {
                        b += ending.len();
                        break;
                    }
                }
                if hay[b..].starts_with(|c: char| c.is_alphanumeric()) {
                    continue;
                }
                if taken.iter().any(|t| a < t.end && t.start < b) {
                    continue;
                }
                let next = text[b..].trim_start();
                let spaced = text[b..].starts_with(char::is_whitespace);
                let next_word: &str = next
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                let longer = spaced
                    && next_word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    && !w.has(List::NameContinuations, &lower(next_word));
                if longer {
                    continue;
                }
                taken.push(a..b);
            }
        }
        taken
    }
}

/// Where clauses start: at strong separators, and at weak ones if `weak`.
fn separators(text: &str, weak: bool, w: &Words) -> Vec<usize> {
    let mut cuts = Vec::new();
    for pattern in w.separators(weak) {
        cuts.extend(text.match_indices(pattern).map(|(i, _)| i));
    }
    cuts.sort_unstable();
    cuts
}

/// Whether a mention whose date is at `date` (byte offset in `sentence`;
/// `None` for an undated one) concerns the entity. `previous` is the
/// sentence before, if it is part of the body.
pub(crate) fn concerns(
    names: &Names,
    sentence: &str,
    date: Option<usize>,
    previous: Option<&str>,
    w: &Words,
) -> bool {
    let spans = names.spans(sentence, w);
    if !spans.is_empty() {
        let Some(pos) = date else {
            return true;
        };
        let mut cuts = vec![0];
        cuts.extend(separators(sentence, true, w));
        cuts.push(sentence.len());
        let seg = (0..cuts.len() - 1).rfind(|&i| cuts[i] <= pos).unwrap_or(0);
        let (a, b) = (cuts[seg], cuts[seg + 1]);
        let found = split_words(sentence);
        let first_verb = verbs::groups(&found, w)
            .first()
            .map_or(sentence.len(), |g| found[g.first].span.start);
        if spans
            .iter()
            .any(|s| (s.start >= a && s.end <= b) || (s.start < first_verb && seg == 0))
        {
            return true;
        }
    }
    let Some(previous) = previous else {
        return false;
    };
    let starts_with_pronoun = split_words(sentence)
        .first()
        .is_some_and(|word| w.has(List::Pronouns, &word.low));
    if !starts_with_pronoun {
        return false;
    }
    let in_first_clause = date.is_none_or(|pos| {
        separators(sentence, false, w)
            .first()
            .is_none_or(|&cut| pos < cut)
    });
    in_first_clause && !names.spans(previous, w).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_words as tw;

    fn names(list: &[&str]) -> Names {
        Names::new(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn names_are_whole_words_and_not_longer_names() {
        let n = names(&["iPhone"]);
        assert_eq!(n.spans("The iPhone sold; iPhones too.", tw()).len(), 2);
        assert!(n.spans("The iPhone 4 sold", tw()).is_empty());
        assert!(n.spans("smartiPhone", tw()).is_empty());
        let n = names(&["Steve Jobs", "Jobs"]);
        assert_eq!(
            n.spans("Steve Jobs said Jobs's plan", tw()),
            vec![0..10, 16..22]
        );
        assert!(names(&["  "]).is_empty());
        assert!(
            names(&["iPhone 3G"])
                .spans("the iPhone 3GS", tw())
                .is_empty()
        );
    }

    #[test]
    fn the_name_must_be_in_the_clause_of_the_date() {
        let n = names(&["Jobs"]);
        let s = "Apple grew in 2004, while Jobs left in 2005";
        assert!(!concerns(&n, s, s.find("2004"), None, tw()));
        assert!(concerns(&n, s, s.find("2005"), None, tw()));
        let s = "Jobs returned in 1996 after the company bought NeXT in 1997";
        assert!(concerns(&n, s, s.find("1996"), None, tw()));
        assert!(!concerns(&n, s, s.find("1997"), None, tw()));
        assert!(concerns(
            &n,
            "He died in 2011.",
            Some(10),
            Some("Jobs was ill."),
            tw()
        ));
        assert!(!concerns(
            &n,
            "He died in 2011.",
            Some(10),
            Some("Cook was ill."),
            tw()
        ));
    }
}
