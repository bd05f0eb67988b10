//! A clause made a title: reported speech shortened and the words cut
//! where a phrase ends.

use std::ops::Range;

use crate::rules::List;

use super::clause::date_phrase;
use super::cut::{boundaries, cut, scan, word_count};
use super::quotation::trailing_speaker;
use super::subject::{pronoun_name, shorter_subject, subject_pronoun, without_lead};
use super::text::Text;
use super::{
    CLOSE_QUOTES, MIN_CLAUSE_WORDS, MIN_QUOTE_WORDS, MIN_WORDS, SOFT_WORDS, capitalise, finish,
};

/// A clause made a title: leading adverbials dropped, "it is said that"
/// dropped, a leading pronoun named, an over-long subject shrunk, reported
/// speech shortened if need be, cut to `max` words.
pub(super) fn core(
    t: &Text,
    sel: Vec<usize>,
    date: Option<Range<usize>>,
    before: &[&str],
    max: usize,
) -> String {
    let mut sel = sel;
    if let Some(d) = &date {
        let mut keep = vec![false; t.toks.len()];
        for &k in &sel {
            keep[k] = true;
        }
        date_phrase(t, d, &mut keep);
        sel.retain(|&k| keep[k]);
    }
    let mut sel = without_lead(t, &sel);
    while sel
        .last()
        .is_some_and(|&k| !t.word(k) && !t.is_any(k, CLOSE_QUOTES) && !t.is_any(k, &[")"]))
    {
        sel.pop();
    }
    // "It should be mentioned that ..."
    if sel.first().is_some_and(|&k| t.low(k) == "it")
        && let Some(that) = sel.iter().take(6).position(|&k| t.low(k) == "that")
        && that >= 2
        && t.participle(sel[that - 1])
        && sel[1..that - 1]
            .iter()
            .all(|&k| t.is(k, List::Modals) || t.is(k, List::BeAny) || t.is(k, List::Have))
        && word_count(t, &sel[that + 1..]) >= 3
    {
        sel.drain(..=that);
    }
    // "The change will occur within six months, Apple announced"
    if let Some((c, speaker, verb)) = trailing_speaker(t, &sel) {
        let name = pronoun_name(t, speaker[0], before);
        let speaker = format!("{} {}", t.render(&speaker, name.as_deref()), t.s(verb));
        let budget = max
            .saturating_sub(speaker.split_whitespace().count())
            .max(MIN_QUOTE_WORDS);
        let said = core(t, sel[..c].to_vec(), None, before, budget);
        if !said.is_empty() {
            return finish(&format!("{}: {said}", capitalise(&speaker)), t.w);
        }
    }
    let mut sel = shorter_subject(t, sel);
    // The first clause.
    let verb = t.first_verb(&sel);
    for (b, _) in boundaries(t, &sel) {
        // ", which ...", "; ...": a clause ends whether or not a verb was seen.
        let relative = (t.comma(sel[b])
            && sel
                .get(b + 1)
                .is_some_and(|&k| t.is(k, List::RelativeStarts)))
            || t.is_any(sel[b], &[";"]);
        if word_count(t, &sel[..b]) >= MIN_CLAUSE_WORDS && (relative || verb.is_none_or(|v| b > v))
        {
            sel.truncate(b);
            break;
        }
    }
    if sel.is_empty() {
        return String::new();
    }
    let verb = t.first_verb(&sel);
    // "Apple announced (in a memo) that it will ...": shorter ways to say it
    // when the words run out before a good end.
    let mut ways = vec![sel.clone()];
    let speech = verb.filter(|&v| v > 0 && t.said(sel[v]));
    if let Some(v) = speech {
        let (k, that) = speech_start(t, &sel, v);
        let after = if that { k + 1 } else { k };
        if sel.get(after).is_some_and(|&j| subject_pronoun(t, j)) {
            let mut shorter: Vec<usize> = sel[..=v].to_vec();
            shorter.extend(&sel[after..]);
            ways.push(shorter);
            // The speaker stands for the pronoun.
            let mut shortest: Vec<usize> = sel[..v].to_vec();
            shortest.extend(&sel[after + 1..]);
            ways.push(shortest);
        }
    }
    let good = |limit: usize| {
        ways.iter()
            .find_map(|way| scan(t, way, limit, t.first_verb(way)).0.map(|e| (way, e)))
    };
    let mut chosen = good(max);
    // "The agreement states that the US will cut ...": "X states: ...".
    if chosen.is_none()
        && let Some(v) = speech
    {
        let (k, that) = speech_start(t, &sel, v);
        let rest: Vec<usize> = sel[(k + 1).min(sel.len())..].to_vec();
        if that && word_count(t, &rest) >= MIN_WORDS {
            let mut subject: Vec<usize> = sel[..v].to_vec();
            // "The agreement signed Saturday states": the agreement states.
            while subject.len() > 1
                && subject
                    .last()
                    .is_some_and(|&j| t.participle(j) || !t.word(j))
            {
                subject.pop();
            }
            let name = pronoun_name(t, subject[0], before);
            let speaker = format!("{} {}", t.render(&subject, name.as_deref()), t.s(sel[v]));
            let budget = max
                .saturating_sub(speaker.split_whitespace().count())
                .max(MIN_QUOTE_WORDS);
            let said = core(t, rest, None, before, budget);
            if !said.is_empty() {
                return finish(&format!("{speaker}: {}", capitalise(&said)), t.w);
            }
        }
    }
    if chosen.is_none() {
        chosen = good(max + SOFT_WORDS);
    }
    let (way, e) = chosen.unwrap_or_else(|| (&ways[0], cut(t, &ways[0], max, verb)));
    if e == 0 {
        return String::new();
    }
    let name = way.first().and_then(|&k| pronoun_name(t, k, before));
    finish(&t.render(&way[..e], name.as_deref()), t.w)
}

/// After a verb of saying at `v` in `sel`: where what was said starts (at
/// its "that", past a phrase such as "in a memo", if it has one) and
/// whether it starts with "that".
fn speech_start(t: &Text, sel: &[usize], v: usize) -> (usize, bool) {
    let mut k = v + 1;
    if sel.get(k).is_some_and(|&j| t.is(j, List::Prepositions))
        && let Some(j) = (k..sel.len().min(k + 7)).find(|&j| t.low(sel[j]) == "that")
    {
        k = j;
    }
    (k, sel.get(k).is_some_and(|&j| t.low(j) == "that"))
}
