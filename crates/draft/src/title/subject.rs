//! Subjects: leading adverbials dropped, a leading pronoun named from the
//! sentences before, a long subject shrunk to its names.

use crate::rules::List;

use super::cut::{may_end, word_count};
use super::text::{Text, body_start};
use super::{CLOSE_QUOTES, OPEN_QUOTES, PRONOUN_REACH};

/// Drops leading adverbials: a phrase up to a comma that starts with a
/// preposition, an adverb or a participle, or that has no verb and tells a
/// time ("Five years after its launch,"); a leading prepositional phrase
/// before a pronoun subject ("During his speech he said") or before a name
/// and its verb ("In the late 1980's Apple Computer added").
pub(super) fn without_lead(t: &Text, sel: &[usize]) -> Vec<usize> {
    let mut sel: &[usize] = sel;
    loop {
        while sel.first().is_some_and(|&i| !t.word(i)) {
            sel = &sel[1..];
        }
        let Some(&first) = sel.first() else {
            return Vec::new();
        };
        let comma = sel.iter().position(|&i| t.comma(i));
        let preposition = t.is(first, List::TitleLeadAdverbials) || t.is(first, List::Prepositions);
        let opens = preposition
            || (t.low(first).ends_with("ly") && t.low(first).len() > 3)
            || (t.low(first).ends_with("ing") && t.low(first).len() > 5);
        if let Some(c) = comma
            && c > 0
            && c <= 16
        {
            // `"iPhone OS,"`: the quotation closes after the comma.
            let skip = if sel.get(c + 1).is_some_and(|&k| t.is_any(k, CLOSE_QUOTES)) {
                c + 2
            } else {
                c + 1
            };
            let head = &sel[..c];
            let marks = sel[..skip]
                .iter()
                .filter(|&&i| t.is_any(i, OPEN_QUOTES) || t.is_any(i, CLOSE_QUOTES))
                .count();
            let quoted = marks % 2 == 1 || (marks > 0 && !opens);
            // "Five years after its launch,", "Hours before the deal was signed,"
            let early = head
                .iter()
                .take(3)
                .any(|&i| t.is(i, List::Later) || t.is(i, List::Earlier));
            let timely = early
                || t.first_verb(head).is_none()
                    && head.iter().any(|&i| {
                        t.is(i, List::Later) || t.is(i, List::Earlier) || t.low(i) == "ago"
                    });
            // "Among the applications demonstrated were ...": a clause, inverted.
            let finite = !subordinator(t, first)
                && !early
                && head
                    .iter()
                    .take_while(|&&i| !t.is(i, List::ClauseBreaks))
                    .any(|&i| t.is(i, List::BeAny) || t.is(i, List::Have) || t.is(i, List::Modals));
            // What is left must still tell something ("a market research firm" does not).
            let rest = &sel[skip.min(sel.len())..];
            let left = t.first_verb(rest).is_some() || word_count(t, rest) >= 6;
            if (opens || timely) && !quoted && !finite && left && word_count(t, &sel[c..]) >= 3 {
                sel = &sel[skip..];
                continue;
            }
        }
        if preposition {
            let limit = sel.len().min(10);
            // "During his 2 hour speech he stated"
            if let Some(p) = (1..limit).find(|&n| subject_pronoun(t, sel[n]))
                && t.first_verb(&sel[..p]).is_none()
                && sel[..p].iter().all(|&i| t.word(i))
            {
                sel = &sel[p..];
                continue;
            }
            // "In the late 1980's Apple Computer added"
            let plain = sel[1..limit]
                .iter()
                .take_while(|&&i| t.lowercase_word(i) || t.digits(i))
                .count();
            let k = plain + 1;
            if plain >= 1 && k < sel.len() && t.capital(sel[k]) && t.first_verb(&sel[..k]).is_none()
            {
                let run = sel[k..].iter().take_while(|&&i| t.capital(i)).count();
                if run <= 5 && t.first_verb(&sel[k..]) == Some(run) {
                    sel = &sel[k..];
                    continue;
                }
            }
        }
        return sel.to_vec();
    }
}

pub(super) fn subject_pronoun(t: &Text, i: usize) -> bool {
    t.is(i, List::Pronouns) && !t.is(i, List::NounPhraseDeterminers)
}

/// The name a leading pronoun at token `i` stands for: the subject of the
/// sentence before (through a chain of the same pronoun).
pub(super) fn pronoun_name(t: &Text, i: usize, before: &[&str]) -> Option<String> {
    if !subject_pronoun(t, i) {
        return None;
    }
    let pronoun = t.low(i);
    let person = matches!(pronoun, "he" | "she");
    for sentence in before.iter().take(PRONOUN_REACH) {
        let p = Text::new(sentence.trim(), t.w);
        let all: Vec<usize> = (body_start(&p)..p.toks.len()).collect();
        let Some(verb) = p.first_verb(&all) else {
            // A dateline or a heading: look further back.
            continue;
        };
        let subject = without_lead(&p, &all[..verb]);
        if subject.last().is_some_and(|&k| subject_pronoun(&p, k)) {
            if subject.last().is_some_and(|&k| p.low(k) == pronoun) {
                continue;
            }
            return None;
        }
        let subject: Vec<usize> = subject
            .iter()
            .copied()
            .take_while(|&k| !p.comma(k) && !p.is_any(k, &["(", ";", ":"]))
            .collect();
        let head = *subject.first()?;
        let named = subject
            .iter()
            .all(|&k| p.capital(k) || matches!(p.low(k), "of" | "and"));
        let thing = p.is(head, List::NounPhraseDeterminers)
            && subject.len() <= 4
            && subject[1..]
                .iter()
                .all(|&k| p.word(k) && !p.is(k, List::Pronouns));
        let fits = subject.len() <= 5
            && !subject.iter().any(|&k| p.low(k).ends_with("'s"))
            && if person {
                named && !p.is(head, List::Determiners) && !p.digits(head)
            } else {
                named || thing
            };
        if !fits {
            return None;
        }
        let name = p.render(&subject, None);
        return Some(if thing {
            let mut c = name.chars();
            c.next()
                .map(|f| f.to_lowercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            name
        });
    }
    None
}

/// Whether token `i` opens a subordinate clause ("since", "after", "when").
pub(super) fn subordinator(t: &Text, i: usize) -> bool {
    [List::Since, List::Until, List::Later, List::Earlier]
        .iter()
        .any(|&l| t.is(i, l))
        || (t.is(i, List::ClauseBreaks)
            && !t.is(i, List::Determiners)
            && !t.is(i, List::RelativeStarts)
            && !matches!(t.low(i), "and" | "but" | "or" | "so" | "that"))
        || t.low(i) == "when"
}

/// A subject of seven words or more shrinks to its names: "US Special
/// Representative Zalmay Khalizad, the chief US negotiator, and head of the
/// team, Mullah Abdul Ghani Baradar" to "... Zalmay Khalizad and Mullah
/// Abdul Ghani Baradar".
pub(super) fn shorter_subject(t: &Text, sel: Vec<usize>) -> Vec<usize> {
    let Some(v) = t.first_verb(&sel) else {
        return sel;
    };
    if word_count(t, &sel[..v]) < 7 {
        return sel;
    }
    let subject = &sel[..v];
    // After a comma, a name in apposition; else the last capitalised run,
    // when what comes before it is not a function word ("for both Apple").
    let name_of = |part: &[usize]| -> Option<Vec<usize>> {
        let mut part: Vec<usize> = part
            .iter()
            .copied()
            .filter(|&k| !t.is_any(k, &["(", ")"]))
            .collect();
        while part.last().is_some_and(|&k| !t.word(k)) {
            part.pop();
        }
        if let Some(c) = part.iter().rposition(|&k| t.comma(k))
            && c + 1 < part.len()
            && part[c + 1..].iter().all(|&k| t.capital(k))
        {
            return Some(part[c + 1..].to_vec());
        }
        let mut run = part.iter().rev().take_while(|&&k| t.name_like(k)).count();
        // "Apple Inc. Steve Jobs": a company's abbreviation ends its name.
        if let Some(dot) = (1..run).find(|&r| {
            let w = t.s(part[part.len() - 1 - r]);
            w.ends_with('.')
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w[..w.len() - 1].contains('.')
        }) {
            run = dot;
        }
        let from = part.len() - run;
        let open = from == 0
            || t.s(part[from - 1]).ends_with('.')
            || (t.lowercase_word(part[from - 1]) && may_end(t, part[from - 1]))
            || t.comma(part[from - 1]);
        (run > 0 && open).then(|| part[from.max(part.len().saturating_sub(5))..].to_vec())
    };
    // Conjuncts: ", and" parts two subjects; "CEO and co-founder" is one.
    let ands: Vec<usize> = (1..subject.len())
        .filter(|&n| t.low(subject[n]) == "and" && t.comma(subject[n - 1]))
        .collect();
    let mut made = Vec::new();
    let mut from = 0;
    for &a in ands.iter().chain(std::iter::once(&subject.len())) {
        let Some(name) = name_of(&subject[from..a]) else {
            return sel;
        };
        if !made.is_empty() {
            made.push(subject[from - 1]);
        }
        made.extend(name);
        from = a + 1;
    }
    if word_count(t, &made) >= word_count(t, subject) {
        return sel;
    }
    made.extend(&sel[v..]);
    made
}
