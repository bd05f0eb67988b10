//! Quotations told as "Speaker said: first clause", and attributions
//! before or after what was said.

use std::ops::Range;

use crate::rules::List;

use super::cut::word_count;
use super::shorten::core;
use super::subject::{pronoun_name, subject_pronoun, without_lead};
use super::text::{Text, body_start};
use super::{CLOSE_QUOTES, MAX_WORDS, MIN_QUOTE_WORDS, OPEN_QUOTES, capitalise, finish};

/// The speaker and verb of an attribution ("Esper said Saturday", "said
/// Abbas Stanikzai, one of ..."), from token `from` on.
pub(super) fn attribution(t: &Text, from: usize, before: &[&str]) -> Option<String> {
    let mut end = from;
    while end < t.toks.len() && !t.is_any(end, &[",", ".", ";", "!", "?"]) {
        end += 1;
    }
    let part: Vec<usize> = (from..end).filter(|&i| t.word(i)).collect();
    let verb = part.iter().position(|&i| t.said(i))?;
    if verb == 0 {
        let names: Vec<usize> = part[1..]
            .iter()
            .copied()
            .take_while(|&i| t.capital(i))
            .take(4)
            .collect();
        if names.is_empty() {
            return None;
        }
        return Some(format!("{} {}", t.render(&names, None), t.s(part[0])));
    }
    let speaker = &part[..verb];
    if speaker.len() > 6 {
        return None;
    }
    let name = pronoun_name(t, speaker[0], before);
    Some(format!(
        "{} {}",
        t.render(speaker, name.as_deref()),
        t.s(part[verb])
    ))
}

/// "“We are on the verge of peace,” Pompeo said": Pompeo said: We are on ...
pub(super) fn quotation_first(
    t: &Text,
    date: Option<Range<usize>>,
    before: &[&str],
) -> Option<String> {
    let open = body_start(t);
    if !t.is_any(open, OPEN_QUOTES) {
        return None;
    }
    let close = (open + 1..t.toks.len()).find(|&i| t.is_any(i, CLOSE_QUOTES))?;
    let quote: Vec<usize> = (open + 1..close).collect();
    if word_count(t, &quote) < 3 {
        return None;
    }
    let mut after = close + 1;
    if t.is_any(after, &[","]) {
        after += 1;
    }
    let speaker = attribution(t, after, before)?;
    let budget = MAX_WORDS
        .saturating_sub(speaker.split_whitespace().count())
        .max(MIN_QUOTE_WORDS);
    let date = date.filter(|d| d.start > open && d.end <= close);
    let said = core(t, quote, date, before, budget);
    (!said.is_empty()).then(|| format!("{speaker}: {}", capitalise(&said)))
}

/// A date inside a quotation: who speaks, then what is quoted.
pub(super) fn inside_quotation(
    t: &Text,
    date: Option<Range<usize>>,
    before: &[&str],
) -> Option<String> {
    let start = body_start(t);
    let mark = match &date {
        Some(date) => {
            let marks: Vec<usize> = (start..date.start)
                .filter(|&i| t.is_any(i, OPEN_QUOTES) || t.is_any(i, CLOSE_QUOTES))
                .collect();
            let curly_open = marks.iter().filter(|&&i| t.s(i) == "\u{201C}").count()
                > marks.iter().filter(|&&i| t.s(i) == "\u{201D}").count();
            let straight_open = marks.iter().filter(|&&i| t.s(i) == "\"").count() % 2 == 1;
            if !(curly_open || straight_open) {
                return None;
            }
            *marks.iter().rev().find(|&&i| t.is_any(i, OPEN_QUOTES))?
        }
        None => {
            // "X said: “...”": the first quotation, right after a verb of saying.
            let m = (start..t.toks.len()).find(|&i| t.is_any(i, OPEN_QUOTES))?;
            let last = (start..m)
                .rev()
                .find(|&i| t.word(i) && t.low(i) != "that")?;
            let colon = m > 0 && t.is_any(m - 1, &[":"]);
            if !(t.said(last) || (colon && (start..m).any(|i| t.said(i)))) {
                return None;
            }
            m
        }
    };
    let mut head: Vec<usize> = (start..mark).collect();
    // Appositives of the speaker: ", a spokesman for the group,".
    let commas: Vec<usize> = (0..head.len()).filter(|&n| t.comma(head[n])).collect();
    for pair in commas.windows(2).rev() {
        if head
            .get(pair[0] + 1)
            .is_some_and(|&k| t.is(k, List::AppositiveStarts))
        {
            head.drain(pair[0]..=pair[1]);
        }
    }
    while head
        .last()
        .is_some_and(|&i| !t.word(i) || t.low(i) == "that")
    {
        head.pop();
    }
    let head = without_lead(t, &head);
    if word_count(t, &head) < 2 {
        return None;
    }
    // The speaker and the verb, without what follows the verb ("on Twitter").
    let head: Vec<usize> = match head.iter().position(|&i| t.said(i)) {
        Some(v) if v > 0 => head[..=v].to_vec(),
        _ => head,
    };
    if date.is_none() && word_count(t, &head) > 8 {
        return None;
    }
    let name = pronoun_name(t, head[0], before);
    let speaker = t.render(&head, name.as_deref());
    let end = (mark + 1..t.toks.len())
        .find(|&i| t.is_any(i, CLOSE_QUOTES) || t.is_any(i, &[".", "!", "?"]))
        .unwrap_or(t.toks.len());
    let quote: Vec<usize> = (mark + 1..end).collect();
    let budget = MAX_WORDS
        .saturating_sub(speaker.split_whitespace().count())
        .max(MIN_QUOTE_WORDS);
    let said = core(t, quote, date, before, budget);
    if said.is_empty() {
        return None;
    }
    Some(finish(&format!("{speaker}: {}", capitalise(&said)), t.w))
}

/// "..., Apple announced", "..., says Andrew Watkins, an analyst": a
/// trailing attribution: where its comma is, the speaker's tokens and the
/// verb.
pub(super) fn trailing_speaker(t: &Text, sel: &[usize]) -> Option<(usize, Vec<usize>, usize)> {
    let commas: Vec<usize> = (0..sel.len()).filter(|&n| t.comma(sel[n])).collect();

    for (m, &c) in commas.iter().enumerate().rev() {
        if word_count(t, &sel[..c]) < 4 {
            return None;
        }
        let end = commas.get(m + 1).copied().unwrap_or(sel.len());
        let tail = &sel[c + 1..end];
        let (verb, speaker): (usize, Vec<usize>) = match tail {
            [first, rest @ ..] if t.said(*first) => (*first, rest.to_vec()),
            [rest @ .., last] if t.said(*last) && end == sel.len() => (*last, rest.to_vec()),
            _ => continue,
        };
        let fits = !speaker.is_empty()
            && speaker.len() <= 5
            && speaker.iter().all(|&k| t.word(k))
            && (speaker.iter().any(|&k| t.capital(k))
                || (speaker.len() == 1 && subject_pronoun(t, speaker[0])));
        // What follows the speaker is an appositive of theirs.
        let rest_ok = sel[end..]
            .iter()
            .find(|&&k| t.word(k))
            .is_none_or(|&k| t.is(k, List::AppositiveStarts));
        return (fits && rest_ok).then_some((c, speaker, verb));
    }
    None
}
