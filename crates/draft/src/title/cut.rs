//! Where a title may end: after a content word, before punctuation, a
//! conjunction, a preposition or a participle, never inside a name.

use crate::rules::List;

use super::text::Text;
use super::{CLOSE_QUOTES, MIN_WORDS, SOFT_WORDS};

/// Whether token `i` may end a title: a word that is not a function word
/// nor a possessive.
pub(super) fn may_end(t: &Text, i: usize) -> bool {
    if !t.word(i) {
        return false;
    }
    let w = t.w;
    let low = t.low(i);
    let exempt = w.has(List::Numbers, low)
        || w.has(List::Weekdays, low)
        || w.has(List::GenericPeriods, low.trim_end_matches('s'));
    let function = w.has(List::Stopwords, low)
        || w.has(List::Prepositions, low)
        || w.has(List::Determiners, low)
        || w.has(List::NounPhraseDeterminers, low)
        || w.has(List::Modals, low)
        || w.has(List::BeAny, low)
        || w.has(List::Have, low)
        || w.has(List::TitleLeadAdverbials, low);
    let possessive = low.ends_with("'s") || (low.ends_with("s'") && t.s(i).len() > 2);
    // A capitalised word inside a sentence is a name ("NeXT", "May").
    let name = i > 0 && t.name_like(i) && t.word(i - 1) && t.lowercase_word(i - 1);
    (exempt || name || !function) && !possessive
}

/// How good an end the place before token `next` (in the kept tokens) is
/// after token `last`: 0 the end, 1 a clause boundary, 2 a phrase boundary,
/// 3 an infinitive; `None` not an end.
pub(super) fn end_tier(t: &Text, last: usize, next: Option<usize>) -> Option<u8> {
    if !may_end(t, last) {
        return None;
    }
    let Some(mut next) = next else { return Some(0) };
    let w = t.w;
    // `the first "point" release`: the quotation closes inside a phrase.
    if t.is_any(next, CLOSE_QUOTES) && t.word(next + 1) && !t.comma(next + 1) {
        next += 1;
    }
    // "an updated, more accurate method": an adjective waits for its noun.
    let function = |k: usize| {
        [
            List::Stopwords,
            List::ClauseBreaks,
            List::Prepositions,
            List::Determiners,
            List::RelativeStarts,
            List::TitleLeadAdverbials,
        ]
        .iter()
        .any(|&l| t.is(k, l))
    };
    if last > 0
        && t.is(last - 1, List::Determiners)
        && (t.low(last).ends_with("ed") || t.low(last).ends_with("ing"))
        && t.word(next)
        && !t.is(next, List::Prepositions)
        && !t.is(next, List::ClauseBreaks)
    {
        return None;
    }
    // "a stable, functioning state": a list of adjectives.
    let after_comma = next + 1;
    if last > 0
        && t.is(last - 1, List::Determiners)
        && t.comma(next)
        && t.lowercase_word(after_comma)
        && (t.is(after_comma, List::Stopwords) || !function(after_comma))
        && !t.is(after_comma, List::ClauseBreaks)
    {
        return None;
    }
    if !t.word(next) {
        // An opening quotation belongs to the phrase: `the associated iTunes "App Store"`.
        let opening = t.s(next) == "\u{201C}"
            || (t.s(next) == "\""
                && t.word(next + 1)
                && t.toks[next + 1].span.start == t.toks[next].span.end);
        if opening {
            return None;
        }
        return match t.s(next) {
            "(" | "[" => Some(2),
            "'" | "\u{2019}" | "\u{2018}" => None,
            _ => Some(1),
        };
    }
    let low = t.low(next);
    if t.name_like(last) && (t.capital(next) || t.digits(next)) {
        return None;
    }
    // "an agreement reached | between the two": a participle wants its complement.
    let passive = last > 0 && (t.is(last - 1, List::BeAny) || t.is(last - 1, List::Have));
    if t.participle(last) && !passive && t.word(next) && t.is(next, List::Prepositions) {
        return None;
    }
    if next > last + 1 && (last + 1..next).any(|k| t.word(k)) {
        // Something was masked here: a phrase ended, or a clause.
        return Some(if (last + 1..next).any(|k| t.comma(k)) {
            1
        } else {
            2
        });
    }
    if matches!(low, "and" | "or") {
        // "computer and electronics maker", "killed or wounded": one phrase.
        let after = next + 1;
        // "or release them": a verb and its object start a new phrase.
        let verb = t.is(after + 1, List::Determiners)
            || t.is(after + 1, List::NounPhraseDeterminers)
            || t.is(after + 1, List::Pronouns);
        let joined = t.lowercase_word(last)
            && t.lowercase_word(after)
            && !t.past(after)
            && !verb
            && !t.is(after, List::Stopwords)
            && !t.is(after, List::Determiners);
        return (!joined).then_some(2);
    }
    // "has announced | that the country will": the verb wants its clause.
    if low == "that" && (t.said(last) || t.past(last) || t.participle(last)) {
        return None;
    }
    if w.has(List::ClauseBreaks, low) || w.has(List::RelativeStarts, low) {
        return Some(1);
    }
    // "to its Macintosh computers", "Wal-Mart | to become": a phrase; "able |
    // to set", "due | to Apple": not an end.
    if low == "to" {
        let after = next + 1;
        // "to users of ...", "to fulfilling": a noun or a gerund after "to".
        let noun = t.lowercase_word(after)
            && (t.low(after).ends_with("ing")
                || t.is(after + 1, List::Prepositions)
                || !t.word(after + 1));
        let phrase = t.is(after, List::Determiners)
            || t.is(after, List::NounPhraseDeterminers)
            || t.capital(after)
            || t.digits(after)
            || t.capital(last)
            || noun;
        return phrase.then_some(3);
    }
    if low == "of" && t.lowercase_word(next + 1) && t.low(next + 1).ends_with("ing") {
        return Some(2);
    }
    if low == "of" || low == "'s" {
        return None;
    }
    if w.has(List::Prepositions, low)
        || w.has(List::TitleDatePrepositions, low)
        || w.has(List::TitleLeadAdverbials, low)
    {
        return Some(2);
    }
    // "a software bug | relating to", "an application | that": a participle
    // starts a phrase unless it modifies the next noun ("contributing cause").
    let after = next + 1;
    let phrase = !t.low(next).ends_with("ing")
        || t.capital(after)
        || t.is(after, List::Prepositions)
        || t.is(after, List::Determiners)
        || t.is(after, List::NounPhraseDeterminers);
    if t.participle(next)
        && phrase
        && !w.has(List::BeAny, t.low(last))
        && !w.has(List::Have, t.low(last))
    {
        return Some(2);
    }
    None
}

pub(super) fn word_count(t: &Text, sel: &[usize]) -> usize {
    sel.iter().filter(|&&i| t.word(i)).count()
}

/// How many tokens of `sel` to keep: all if they make at most `max` words,
/// else the best end within `max` words (one at a clause boundary counts
/// three words more, at a phrase boundary one). `verb`: the place in `sel`
/// of the verb a cut must keep.
pub(super) fn cut(t: &Text, sel: &[usize], max: usize, verb: Option<usize>) -> usize {
    cut_well(t, sel, max, verb).0
}

/// [`cut`], and whether the end is a boundary (not a last resort).
pub(super) fn cut_well(t: &Text, sel: &[usize], max: usize, verb: Option<usize>) -> (usize, bool) {
    match scan(t, sel, max, verb) {
        (Some(e), _) => (e, true),
        // A softer limit: a few words more for a good end.
        (None, fallback) => match scan(t, sel, max + SOFT_WORDS, verb) {
            (Some(e), _) => (e, true),
            _ => (fallback.unwrap_or(sel.len().min(1)), false),
        },
    }
}

/// The best end within `max` words, if any, and the last end on a content
/// word as a last resort.
pub(super) fn scan(
    t: &Text,
    sel: &[usize],
    max: usize,
    verb: Option<usize>,
) -> (Option<usize>, Option<usize>) {
    let mut best: Option<(usize, usize)> = None;
    let mut fallback: Option<usize> = None;
    let mut count = 0;
    for e in 1..=sel.len() {
        let last = sel[e - 1];
        if t.word(last) {
            count += 1;
        }
        if count > max {
            break;
        }
        if !t.word(last) {
            continue;
        }
        let next = sel.get(e).copied();
        let tier = end_tier(t, last, next);
        if next.is_none() && tier.is_some() {
            return (Some(e), Some(e));
        }
        if may_end(t, last) {
            fallback = Some(e);
        }
        let Some(tier) = tier else { continue };
        // Not inside a closing appositive: ", the point | when Apple ...".
        let appositive = sel[..e]
            .iter()
            .rposition(|&k| t.comma(k))
            .and_then(|c| sel.get(c + 1))
            .is_some_and(|&k| t.is(k, List::AppositiveStarts));
        if appositive {
            continue;
        }
        if count < MIN_WORDS || verb.is_some_and(|v| e <= v + 1) {
            continue;
        }
        let score = count + [4, 3, 1, 0][tier as usize];
        if best.is_none_or(|(s, _)| score >= s) {
            best = Some((score, e));
        }
    }
    (best.map(|(_, e)| e), fallback)
}

/// Whether the boundary `pattern` matches the tokens `at`.
pub(super) fn pattern_at(t: &Text, pattern: &[String], at: &[usize]) -> bool {
    pattern.len() <= at.len()
        && pattern
            .iter()
            .zip(at)
            .all(|(part, &i)| match part.strip_prefix('*') {
                Some(suffix) => {
                    t.lowercase_word(i) && t.low(i).ends_with(suffix) && t.low(i).len() > 5
                }
                None => t.low(i) == part,
            })
}

/// Places in `sel` where a clause starts; the bool tells a verb phrase with
/// no subject of its own (", and launched ...").
pub(super) fn boundaries(t: &Text, sel: &[usize]) -> Vec<(usize, bool)> {
    let verb = t.first_verb(sel);
    let mut out = Vec::new();
    for n in 1..sel.len() {
        if t.is_any(sel[n], &[","]) && !t.comma(sel[n]) {
            continue;
        }
        let at = |k: usize| sel.get(n + k).copied();
        // "Pixar which was acquired": a relative clause after a name.
        let after_name = t.is(sel[n], List::RelativeStarts)
            && matches!(t.low(sel[n]), "which" | "who")
            && t.capital(sel[n - 1])
            && n > 1;
        let matches = after_name
            || t.w
                .boundaries()
                .iter()
                .any(|pattern| pattern_at(t, pattern, &sel[n..]));
        let comma = t.is_any(sel[n], &[","]);
        let and = |i: usize| t.word(i) && matches!(t.low(i), "and" | "but");
        // ", doubled in 2005", "and launched the store": a new verb phrase.
        let vp = verb.is_some_and(|v| v < n)
            && ((comma && at(1).is_some_and(|i| t.past(i) && !t.is(i, List::EdNotVerb)))
                || (and(sel[n])
                    && at(1).is_some_and(|i| t.past(i))
                    && !t.is(sel[n - 1], List::BeAny))
                || (comma
                    && at(1).is_some_and(and)
                    && at(2).is_some_and(|i| t.past(i))
                    && !t.is(sel[n - 1], List::BeAny)));
        if vp {
            out.push((n, true));
        } else if matches {
            out.push((n, false));
        }
    }
    out
}
