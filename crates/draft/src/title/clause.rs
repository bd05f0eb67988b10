//! The clause that holds the date, masked of what is not the event: a
//! noun the date names, relative and participial clauses, the date phrase.

use std::ops::Range;

use crate::rules::List;

use super::cut::{boundaries, cut, cut_well, pattern_at, word_count};
use super::shorten::core;
use super::subject::{subject_pronoun, subordinator, without_lead};
use super::text::{Text, body_start};
use super::{MAX_WORDS, MIN_WORDS, OPEN_QUOTES, finish};

/// "the September 11 attacks": the date and the noun it modifies, with a
/// relative clause that follows, unless the noun phrase only sets the time
/// of the main clause ("In a Wednesday media event, Apple released ...").
pub(super) fn date_names_a_noun(t: &Text, date: Option<Range<usize>>) -> Option<String> {
    let w = t.w;
    let date = date?;
    let det = date.start.checked_sub(1)?;
    if !t.is(det, List::NounPhraseDeterminers) {
        return None;
    }
    let start = body_start(t);
    let comma = (start..t.toks.len()).find(|&i| t.is_any(i, &[","]));
    if (t.is(start, List::Prepositions) || t.is(start, List::TitleLeadAdverbials))
        && comma.is_none_or(|c| c > date.start)
    {
        return None;
    }
    let stops = |i: usize| {
        w.has(List::NotANoun, t.low(i))
            || w.has(List::Prepositions, t.low(i))
            || w.has(List::AttributionVerbs, t.low(i))
    };
    let mut np = vec![det];
    let mut noun = false;
    let mut i = date.start;
    while i < t.toks.len() {
        let in_date = i < date.end;
        if in_date && !t.lowercase_word(i) {
            np.push(i);
            i += 1;
            continue;
        }
        if !t.lowercase_word(i) {
            break;
        }
        if stops(i) {
            // "the 2001 invasion of Afghanistan"
            if matches!(t.low(i), "of" | "in")
                && noun
                && t.lowercase_word(i + 1)
                && !stops(i + 1)
                && !in_date
            {
                np.extend([i, i + 1]);
                i += 2;
            }
            break;
        }
        np.push(i);
        noun = true;
        i += 1;
        if np.len() > 8 {
            return None;
        }
    }
    if !noun || t.name_like(i) || t.low(i) == "'s" {
        return None;
    }
    // Skip what remains of the date ("in 2001"), then a relative clause
    // may follow, after a comma or not.
    let k = i.max(date.end);
    let comma = t.comma(k);
    let relative = if comma { k + 1 } else { k };
    let mut sel = np.clone();
    if matches!(t.low(relative), "that" | "which" | "who") {
        let from = sel.len();
        sel.extend(k..t.toks.len());
        // To the end of the relative clause, then cut.
        if let Some(&(b, _)) = boundaries(t, &sel).iter().find(|&&(b, _)| b > from + 1) {
            sel.truncate(b);
        }
        let e = cut(t, &sel, MAX_WORDS, None);
        sel.truncate(e.max(np.len()));
    }
    let made = finish(&t.render(&sel, None), t.w);
    (made.split_whitespace().count() >= 2).then_some(made)
}

/// The clause of the date, masked of what is not the event.
pub(super) fn clause(t: &Text, date: Option<Range<usize>>, before: &[&str]) -> String {
    let n = t.toks.len();
    let start = body_start(t);
    let mut keep = vec![false; n];
    keep[start..].fill(true);
    let has_date = |r: &Range<usize>| {
        date.as_ref()
            .is_some_and(|d| r.start <= d.start && d.start < r.end)
    };
    // Parentheses that do not hold the date.
    let mut i = start;
    while i < n {
        if t.is_any(i, &["("]) {
            let close = (i + 1..n).find(|&k| t.is_any(k, &[")"]));
            if let Some(c) = close {
                if !has_date(&(i..c)) {
                    keep[i..=c].fill(false);
                }
                i = c;
            }
        }
        i += 1;
    }
    // A leading subordinate clause holding the date: "Since the original
    // iPhone was released in 2007, ...".
    let all: Vec<usize> = (start..n).filter(|&k| keep[k]).collect();
    if let Some(c) = all.iter().position(|&k| t.comma(k))
        && c > 2
        && subordinator(t, all[0])
        && has_date(&(all[0]..all[c]))
        && t.first_verb(&all[1..c]).is_some_and(|v| {
            let prev = all[v];
            v > 0
                && (subject_pronoun(t, prev)
                    || !(t.is(prev, List::Prepositions) || t.is(prev, List::Stopwords)))
        })
    {
        let mut lead: Vec<usize> = all[1..c].to_vec();
        if let Some(d) = &date {
            let mut kept = vec![false; n];
            for &k in &lead {
                kept[k] = true;
            }
            date_phrase(t, d, &mut kept);
            lead.retain(|&k| kept[k]);
        }
        if word_count(t, &lead) >= 3 {
            return core(t, lead, None, before, MAX_WORDS);
        }
    }
    // Comma-delimited appositives and relative clauses, then participial
    // phrases (when a verb is left outside them).
    let commas: Vec<usize> = (start..n).filter(|&k| t.comma(k) && keep[k]).collect();
    let mut main_cut = None;
    let mut relative_date = None;
    for pass in 0..2 {
        let kept: Vec<usize> = (start..n).filter(|&k| keep[k]).collect();
        let lead_end = kept
            .get(kept.len() - without_lead(t, &kept).len())
            .copied()
            .unwrap_or(n);
        // Whether the sentence has a verb outside tokens `a..b` (and its lead).
        let verb_outside = |a: usize, b: usize| {
            let rest: Vec<usize> = kept
                .iter()
                .copied()
                .filter(|&k| k >= lead_end && (k < a || k > b))
                .collect();
            t.first_verb(&rest).is_some()
        };
        for pair in commas.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if !keep[a] {
                continue;
            }
            let seg = a + 1..b;
            let Some(first) = seg.clone().find(|&k| t.word(k)) else {
                continue;
            };
            if first != a + 1 && !t.is_any(a + 1, OPEN_QUOTES) {
                continue;
            }
            let dated = has_date(&seg);
            let relative = t.is(first, List::RelativeStarts);
            let drop = if pass == 0 {
                let inside: Vec<usize> = (first..b).collect();
                let appositive =
                    t.is(first, List::AppositiveStarts) && t.first_verb(&inside).is_none();
                if dated && relative {
                    relative_date = Some(first);
                }
                // ", who stated, “...”": the speaker's words follow.
                let speech = (first..b)
                    .rev()
                    .find(|&k| t.word(k))
                    .is_some_and(|k| t.said(k));
                (relative && !dated && !speech) || appositive
            } else {
                let participle = a > start
                    && t.participle(first)
                    && !t.low(first).ends_with("ing")
                    && !t.said(first)
                    && verb_outside(a, b);
                if dated && participle {
                    main_cut = Some(b);
                    keep[a] = false;
                    break;
                }
                participle
            };
            if drop {
                keep[a..b].fill(false);
                // The closing comma goes too, unless a clause boundary follows.
                let next: Vec<usize> = (b..n.min(b + 4)).collect();
                let bounded = t.w.boundaries().iter().any(|pattern| {
                    pattern.first().is_some_and(|p| p == ",") && pattern_at(t, pattern, &next)
                });
                if !bounded {
                    keep[b] = false;
                }
            }
        }
    }
    if let Some(cut) = main_cut {
        keep[cut..].fill(false);
    }
    if let Some(d) = &date {
        date_phrase(t, d, &mut keep);
    }
    let sel: Vec<usize> = (0..n).filter(|&k| keep[k]).collect();
    let pos = date.as_ref().map(|d| sel.partition_point(|&k| k < d.start));
    let lead = sel.len() - without_lead(t, &sel).len();
    let main_verb = t.first_verb(&sel[lead..]).map(|v| v + lead);
    let bounds: Vec<(usize, bool)> = boundaries(t, &sel)
        .into_iter()
        .filter(|&(b, _)| main_verb.is_none_or(|v| b > v) || t.is_any(sel[b], &[";"]))
        .collect();
    // The date's clause; a boundary right where the date was comes after it.
    let seg = pos.and_then(|p| bounds.iter().rposition(|&(b, _)| b < p));
    let (from, vp) = seg.map_or((0, false), |s| bounds[s]);
    let mut to = seg
        .map_or(bounds.first(), |s| bounds.get(s + 1))
        .map_or(sel.len(), |&(b, _)| b);
    // A short clause takes a following ", with ..." or ", making ...".
    if to < sel.len()
        && word_count(t, &sel[from..to]) < 6
        && t.comma(sel[to])
        && sel
            .get(to + 1)
            .is_some_and(|&k| t.low(k) == "with" || (t.participle(k) && t.low(k).ends_with("ing")))
    {
        to = bounds
            .iter()
            .find(|&&(b, _)| b > to)
            .map_or(sel.len(), |&(b, _)| b);
    }
    let mut piece: Vec<usize> = sel[from..to].to_vec();
    // The boundary itself: a mark and a conjunction.
    let marks = piece.iter().take_while(|&&k| !t.word(k)).count();
    let joins = |k: usize| {
        subordinator(t, k) || matches!(t.low(k), "and" | "but" | "whereas" | "with" | "as")
    };
    let mut lead_len = marks + usize::from(piece.get(marks).is_some_and(|&k| joins(k)));
    // "in response to the September 11 attacks": the whole connective goes.
    if from > 0 {
        let connective =
            t.w.boundaries()
                .iter()
                .filter(|p| {
                    p.iter().all(|part| {
                        !part.starts_with('*')
                            && !part.ends_with("ing")
                            && !part.ends_with("ed")
                            && !t.w.has(List::IrregularParticiple, part)
                    })
                })
                .filter(|p| pattern_at(t, p, &piece))
                .map(Vec::len)
                .max()
                .unwrap_or(0);
        lead_len = lead_len.max(connective);
    }
    let boundary_word = piece.get(lead_len).copied();
    let relative_piece = piece
        .get(marks)
        .is_some_and(|&k| t.is(k, List::RelativeStarts));
    if from > 0 {
        piece.drain(..lead_len);
    }
    // A relative clause holding the date: its antecedent is the subject.
    let relative = relative_date.or_else(|| {
        let p = pos?;
        sel[from..p.min(sel.len())]
            .iter()
            .rev()
            .find(|&&k| t.is(k, List::RelativeStarts) && matches!(t.low(k), "which" | "who"))
            .copied()
    });
    if let Some(r) = relative
        && date.as_ref().is_some_and(|d| d.start > r)
        && let Some(subject) = antecedent(t, &sel, r)
    {
        let rest: Vec<usize> = sel
            .iter()
            .copied()
            .filter(|&k| k > r)
            .take_while(|&k| !t.is_any(k, &[";"]))
            .collect();
        let clause_end = boundaries(t, &rest).first().map_or(rest.len(), |&(b, _)| b);
        if word_count(t, &rest[..clause_end]) >= 3 {
            let mut made = subject;
            made.extend(&rest[..clause_end]);
            return core(t, made, None, before, MAX_WORDS);
        }
    }
    if from > 0 && relative_piece {
        // The relative clause says too little: the main clause then.
        piece = sel[..bounds[0].0].to_vec();
    } else if from > 0 && !bounds.is_empty() {
        let main: Vec<usize> = sel[..bounds[0].0].to_vec();
        let main = without_lead(t, &main);
        if vp {
            // "Apple is the producer ..., and launched the store": the main subject.
            if let Some(v) = t.first_verb(&main) {
                let mut made: Vec<usize> = main[..v].to_vec();
                made.extend(&piece);
                return core(t, made, None, before, MAX_WORDS);
            }
        } else if boundary_word.is_some_and(|k| t.low(k).ends_with("ing") && t.participle(k)) {
            // ", prompting Apple Corps to file suit": what prompted it first.
            let mut piece = piece.clone();
            while piece.last().is_some_and(|&k| !t.word(k)) {
                piece.pop();
            }
            let room = MAX_WORDS.saturating_sub(word_count(t, &piece));
            if room >= MIN_WORDS {
                let v = t.first_verb(&main);
                let (e, good) = cut_well(t, &main, room, v);
                if good && word_count(t, &main[..e]) >= 3 {
                    let head = core(t, main[..e].to_vec(), None, before, room);
                    return finish(&format!("{head}, {}", t.render(&piece, None)), t.w);
                }
            }
        }
    }
    core(t, piece, None, before, MAX_WORDS)
}

/// The noun phrase a relative pronoun at token `r` refers to: a name, or a
/// phrase back to its determiner.
pub(super) fn antecedent(t: &Text, sel: &[usize], r: usize) -> Option<Vec<usize>> {
    let at = sel.iter().position(|&k| k == r)?;
    let mut k = at;
    if k > 0 && t.comma(sel[k - 1]) {
        k -= 1;
    }
    let end = k;
    let mut from = end;
    // "Secretary of State Mike Pompeo"
    while from > 0
        && end - from < 6
        && (t.capital(sel[from - 1])
            || (t.low(sel[from - 1]) == "of"
                && from >= 2
                && t.capital(sel[from - 2])
                && from < end))
    {
        from -= 1;
    }
    if from == end {
        // Back to a determiner ("the new iPhone 3.0 software").
        let mut j = end;
        while j > 0 && t.word(sel[j - 1]) && end - j < 6 {
            j -= 1;
            if t.is(sel[j], List::NounPhraseDeterminers) {
                from = j;
                break;
            }
            if t.is(sel[j], List::Prepositions) || t.first_verb(&sel[j..j + 1]).is_some() {
                break;
            }
        }
    } else if from > 0 && t.is(sel[from - 1], List::NounPhraseDeterminers) {
        from -= 1;
    }
    // A sentence's first word is capitalised anyway: not a name then.
    (from < end && !(from == 0 && end - from == 1 && t.is(sel[0], List::Stopwords)))
        .then(|| sel[from..end].to_vec())
}

/// Masks the date and its preposition, unless the date is the subject or
/// part of a longer word.
pub(super) fn date_phrase(t: &Text, date: &Range<usize>, keep: &mut [bool]) {
    if t.fused {
        return;
    }
    let w = t.w;
    let mut a = date.start;
    if a > 0 && t.is(a - 1, List::TitleDatePrepositions) {
        a -= 1;
        if t.low(a) == "of" && a > 0 && t.low(a - 1) == "as" {
            a -= 1;
        }
    }
    let mut b = date.end;
    let opens_clause = date.start == 0 || !t.word(date.start - 1);
    if opens_clause && t.word(b) && w.has(List::BeAny, t.low(b)) {
        return;
    }
    // "a week-long trial period": the date modifies a noun.
    let stop = |k: usize| {
        t.is(k, List::NotANoun)
            || t.is(k, List::Prepositions)
            || t.is(k, List::Stopwords)
            || t.is(k, List::TitleLeadAdverbials)
            || t.said(k)
            || t.past(k)
            || t.participle(k)
            || t.low(k).ends_with("ly")
    };
    let compound = t.s(date.end - 1).contains('-') || t.digits(date.end - 1);
    if compound && t.lowercase_word(b) && !stop(b) {
        return;
    }
    // "an end to 18 years of bloodshed", "is the day", "took a few months":
    // the date is a noun phrase of the clause, not when it happened.
    if a == date.start && date.start > 0 {
        let prev = date.start - 1;
        if t.is(prev, List::Prepositions) || t.is(prev, List::BeAny) {
            return;
        }
    }
    if a == date.start && (matches!(t.low(date.start), "a" | "an") || t.low(b) == "of") {
        return;
    }
    // "within 14 months of the signing": the anchor goes with the date.
    if a < date.start {
        while t.low(b) == "of" {
            let mut k = b + 1;
            if t.is(k, List::Determiners) {
                k += 1;
            }
            let words = (k..t.toks.len())
                .take_while(|&j| t.lowercase_word(j) && !t.is(j, List::Stopwords))
                .count();
            if words == 0 {
                break;
            }
            b = k + words;
        }
    }
    // "in March and June": the other date of the pair goes too.
    let datelike = |k: usize| t.capital(k) || t.digits(k);
    if matches!(t.low(b), "and" | "or") && datelike(b + 1) && !t.capital(b + 2) && a < date.start {
        b += 2;
    }
    if a == date.start
        && date.start >= 3
        && matches!(t.low(date.start - 1), "and" | "or")
        && datelike(date.start - 2)
        && t.is(date.start - 3, List::TitleDatePrepositions)
    {
        a = date.start - 3;
    }
    // "that, as of January 2008, Apple's": the comma after goes too.
    let alone =
        a == 0 || !t.word(a - 1) || t.is(a - 1, List::ClauseBreaks) || (a >= 1 && t.comma(a - 1));
    if alone && t.comma(b) {
        b += 1;
    }
    let end = b.min(keep.len());
    keep[a..end].fill(false);
}
