//! Verb groups and their coarse tense, and the tense that governs a date: is
//! it told as past, as a plan, as a state?

use crate::rules::{List, Words};
use crate::words::{Word, word_at};

/// The coarse tense of a verb group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Tense {
    /// "will sign", "is to sign", "plans to sign", "is expected to".
    Future,
    /// "could sign", "must leave".
    Modal,
    /// "has signed".
    Perfect,
    /// "signed", "was signed".
    Past,
    /// "is signing".
    Progressive,
    /// "is", "does".
    Present,
}

/// A verb group: words `first..end` of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Group {
    pub first: usize,
    pub end: usize,
    pub tense: Tense,
}

fn participle(low: &str, w: &Words) -> bool {
    low.ends_with("ed") || w.has(List::IrregularParticiple, low)
}

/// Whether `low` is a past-tense verb (`prev` is the word before it).
pub(crate) fn past_verb(low: &str, prev: Option<&str>, w: &Words) -> bool {
    if w.has(List::IrregularPast, low) {
        return true;
    }
    low.ends_with("ed")
        && low.len() > 4
        && !w.has(List::EdNotVerb, low)
        && !prev.is_some_and(|p| w.has(List::Determiners, p))
}

/// The verb groups of a sentence, in order.
pub(crate) fn groups(sentence: &[Word], w: &Words) -> Vec<Group> {
    let low: Vec<&str> = sentence.iter().map(|w| w.low.as_str()).collect();
    let n = low.len();
    let at = |i: usize| low.get(i).copied().unwrap_or("");
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let word = low[i];
        let prev = i.checked_sub(1).map(|p| low[p]);
        let group = |end: usize, tense| {
            Some(Group {
                first: i,
                end: end.min(n),
                tense,
            })
        };
        let found = if w.has(List::FutureTriggers, word) {
            let mut j = i + 1;
            while j < n && j <= i + 4 && (w.has(List::FutureSkip, low[j]) || low[j].ends_with("ly"))
            {
                j += 1;
            }
            group(j + 1, Tense::Future)
        } else if w.has(List::Modals, word) {
            group(i + 3, Tense::Modal)
        } else if w.has(List::BePresent, word)
            && (w.has(List::FutureAfterBe, at(i + 1))
                || (matches!(at(i + 1), "not" | "also" | "now")
                    && w.has(List::FutureAfterBe, at(i + 2))))
        {
            group(i + 4, Tense::Future)
        } else if (w.has(List::PlanVerbs, word) && at(i + 1) == "to")
            || (word == "to" && at(i + 1) == "be" && participle(at(i + 2), w))
        {
            // "plans to sign", "to be signed"
            group(i + 3, Tense::Future)
        } else if w.has(List::Have, word) && (i + 1..(i + 4).min(n)).any(|j| participle(low[j], w))
        {
            let j = (i + 1..(i + 4).min(n))
                .find(|&j| participle(low[j], w))
                .unwrap_or(i + 1);
            group(j + 1, Tense::Perfect)
        } else if w.has(List::PastAux, word) {
            group(i + 3, Tense::Past)
        } else if w.has(List::BePresent, word) && at(i + 1).ends_with("ing") {
            group(i + 2, Tense::Progressive)
        } else if w.has(List::BePresent, word) || matches!(word, "does" | "do") {
            group(i + 2, Tense::Present)
        } else if past_verb(word, prev, w) && !prev.is_some_and(|p| w.has(List::BeAny, p)) {
            group(i + 1, Tense::Past)
        } else {
            None
        };
        match found {
            Some(g) => {
                out.push(g);
                i = if matches!(g.tense, Tense::Future | Tense::Perfect) {
                    g.end.max(i + 1)
                } else {
                    i + 1
                };
            }
            None => i += 1,
        }
    }
    out
}

/// The tense of the verb group that a date at byte `offset` of the sentence
/// most likely modifies: the nearest group, a clause break (that, which,
/// when...) between them counting as six words.
pub(crate) fn governing(
    sentence: &[Word],
    groups: &[Group],
    offset: usize,
    w: &Words,
) -> Option<Tense> {
    Governing::new(sentence, groups, w).at(offset)
}

/// A sentence's verb groups, ready to say which governs each of its dates.
/// A sentence can be a whole paragraph (a quotation left open keeps it from
/// ending), with thousands of dates and groups: clause breaks are counted
/// once, and each date looks only at the groups near enough to win.
pub(crate) struct Governing<'a> {
    sentence: &'a [Word],
    groups: &'a [Group],
    /// `breaks[i]`: the clause breaks among the first `i` words.
    breaks: Vec<u32>,
    /// The most words a group spans.
    longest: usize,
}

impl<'a> Governing<'a> {
    pub(crate) fn new(sentence: &'a [Word], groups: &'a [Group], w: &Words) -> Governing<'a> {
        let mut breaks = Vec::with_capacity(sentence.len() + 1);
        breaks.push(0);
        let mut n = 0;
        for word in sentence {
            n += u32::from(w.has(List::ClauseBreaks, &word.low));
            breaks.push(n);
        }
        let longest = groups.iter().map(|g| g.end - g.first).max().unwrap_or(0);
        Governing {
            sentence,
            groups,
            breaks,
            longest,
        }
    }

    /// See [`governing`]; of groups equally near, the first wins.
    pub(crate) fn at(&self, offset: usize) -> Option<Tense> {
        let p = word_at(self.sentence, offset);
        let breaks = |from: usize, to: usize| {
            let at = |i: usize| self.breaks[i.min(self.breaks.len() - 1)];
            at(to).saturating_sub(at(from.min(to))) as f32
        };
        let distance = |g: &Group| {
            if g.end <= p {
                (p - g.end + 1) as f32 + 6.0 * breaks(g.end, p)
            } else if g.first > p {
                (g.first - p) as f32 + 1.5 + 6.0 * breaks(p + 1, g.first)
            } else {
                0.0
            }
        };
        let mut best: Option<(f32, usize)> = None;
        let consider = |best: &mut Option<(f32, usize)>, i: usize| {
            let d = distance(&self.groups[i]);
            if best.is_none_or(|(b, at)| d < b || (d == b && i < at)) {
                *best = Some((d, i));
            }
        };
        // Groups are in order of their first word. A group's distance is at
        // least its gap in words, which only grows away from the date.
        let split = self.groups.partition_point(|g| g.first <= p);
        for i in split..self.groups.len() {
            let gap = (self.groups[i].first - p) as f32 + 1.5;
            if best.is_some_and(|(b, _)| gap > b) {
                break;
            }
            consider(&mut best, i);
        }
        for i in (0..split).rev() {
            let end_at_most = self.groups[i].first + self.longest;
            let gap = (p + 1).saturating_sub(end_at_most) as f32;
            if best.is_some_and(|(b, _)| gap > b) {
                break;
            }
            consider(&mut best, i);
        }
        best.map(|(_, i)| self.groups[i].tense)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words as split;

    fn tenses(text: &str) -> Vec<Tense> {
        groups(&split(text), crate::rules::test_words())
            .into_iter()
            .map(|g| g.tense)
            .collect()
    }

    #[test]
    fn groups_have_their_tense() {
        use Tense::*;
        assert_eq!(
            tenses("The US and the Taliban have signed a deal"),
            [Perfect]
        );
        assert_eq!(tenses("Troops will not be withdrawn"), [Future]);
        assert_eq!(tenses("It is expected to begin"), [Future]);
        assert_eq!(tenses("The war began in 2001 and was long"), [Past, Past]);
        assert_eq!(tenses("the proposed merger could fail"), [Modal]);
        assert_eq!(tenses("He is leaving, it is over"), [Progressive, Present]);
    }

    #[test]
    fn the_nearest_group_governs() {
        let text = "The deal was signed on Saturday and troops will leave in 2021";
        let w = split(text);
        let g = groups(&w, crate::rules::test_words());
        assert_eq!(
            governing(
                &w,
                &g,
                text.find("Saturday").unwrap(),
                crate::rules::test_words()
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            governing(
                &w,
                &g,
                text.find("2021").unwrap(),
                crate::rules::test_words()
            ),
            Some(Tense::Future)
        );
        assert_eq!(governing(&w, &[], 0, crate::rules::test_words()), None);
    }
}
