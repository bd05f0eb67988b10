//! Event titles: a short clause (subject, verb, object) cut from the
//! sentence that dates the event. Parentheses, appositives, relative clauses
//! and the date phrase are masked out, the clause holding the date is kept,
//! leading adverbials go, a long subject shrinks to the name before its verb,
//! and the result ends at a clause boundary: at most twelve whole words,
//! never ending on a function word.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::{List, words};
use crate::verbs;
use crate::words::{capitalised, lower, words as split_words};

const QUOTES: &[char] = &['"', '\u{201C}', '\u{201D}', '\'', '\u{2018}', '\u{2019}'];
const DASHES: &[char] = &['-', '\u{2013}', '\u{2014}'];

/// A title for the event told by `sentence`, whose date expression (if any)
/// is at `date` (byte range of the sentence).
pub(crate) fn title(sentence: &str, date: Option<Range<usize>>) -> String {
    let text = sentence.trim();
    let offset = sentence.len() - sentence.trim_start().len();
    let date = date
        .map(|d| d.start.saturating_sub(offset)..d.end.saturating_sub(offset))
        .filter(|d| {
            d.start <= d.end
                && d.end <= text.len()
                && text.is_char_boundary(d.start)
                && text.is_char_boundary(d.end)
        });
    let made = date
        .as_ref()
        .and_then(|d| date_names_a_noun(text, d))
        .or_else(|| quotation_first(text))
        .or_else(|| inside_quotation(text, date.as_ref()))
        .unwrap_or_else(|| clause(text, date.as_ref()));
    if made.split_whitespace().count() >= 2 {
        return made;
    }
    let bare = text.trim_matches(|c| QUOTES.contains(&c) || DASHES.contains(&c) || c == ' ');
    let whole = finish(bare, 12);
    if !whole.is_empty() {
        return whole;
    }
    // Nothing but function words: the words as they are.
    let raw = text
        .split_whitespace()
        .take(12)
        .collect::<Vec<_>>()
        .join(" ");
    if raw.is_empty() {
        "Untitled event".to_string()
    } else {
        raw
    }
}

/// "the September 11, 2001 attacks": the date and the noun it modifies.
fn date_names_a_noun(text: &str, date: &Range<usize>) -> Option<String> {
    let w = words();
    let before = split_words(&text[..date.start]);
    if !before
        .last()
        .is_some_and(|b| w.has(List::NounPhraseDeterminers, &b.low))
    {
        return None;
    }
    let rest = &text[date.end..];
    if !rest.starts_with(char::is_whitespace)
        || !rest.trim_start().starts_with(|c: char| c.is_lowercase())
    {
        return None;
    }
    let after: Vec<&str> = rest.split_whitespace().take(6).collect();
    let stops = |word: &str| {
        let low = lower(word.trim_end_matches([',', '.', ';']));
        w.has(List::NotANoun, &low)
            || w.has(List::Prepositions, &low)
            || w.has(List::AttributionVerbs, &low)
    };
    let mut keep: Vec<&str> = Vec::new();
    for (i, word) in after.iter().enumerate() {
        if !word.starts_with(|c: char| c.is_lowercase()) {
            break;
        }
        if stops(word) {
            let low = lower(word);
            if matches!(low.as_str(), "of" | "in")
                && !keep.is_empty()
                && after
                    .get(i + 1)
                    .is_some_and(|n| !stops(n) && n.starts_with(char::is_lowercase))
            {
                keep.push(word);
                keep.push(after[i + 1]);
            }
            break;
        }
        let ends = word.ends_with([',', '.', ';']);
        keep.push(word);
        if ends {
            break;
        }
    }
    (!keep.is_empty()).then(|| finish(&format!("{} {}", &text[date.clone()], keep.join(" ")), 12))
}

/// "“We are on the verge of peace,” Pompeo said": Pompeo said: We are on...
fn quotation_first(text: &str) -> Option<String> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || DASHES.contains(&c));
    let body = start.strip_prefix(['"', '\u{201C}'])?;
    let close = body.find(['"', '\u{201D}'])?;
    let quote = body[..close].trim_end_matches([',', '.', '!', '?']);
    if quote.chars().count() < 10 {
        return None;
    }
    let after = body[close..]
        .char_indices()
        .nth(1)
        .map_or("", |(i, _)| &body[close + i..]);
    let after = after.trim_start_matches(',').trim_start();
    let attribution: String = after
        .chars()
        .take_while(|c| !matches!(c, ',' | '.' | ';'))
        .collect();
    let words_after: Vec<&str> = attribution.split_whitespace().collect();
    let verb = words_after
        .iter()
        .position(|w| words().has(List::AttributionVerbs, &lower(w)))?;
    let speaker = if verb == 0 {
        // "..., said Mike Pompeo"
        let names: Vec<&str> = words_after[1..]
            .iter()
            .take_while(|w| capitalised(w))
            .take(4)
            .copied()
            .collect();
        if names.is_empty() {
            return None;
        }
        format!("{} {}", names.join(" "), words_after[0])
    } else {
        words_after[..=verb].join(" ")
    };
    Some(finish(&format!("{speaker}: {quote}"), 14))
}

/// A date inside a quotation: who speaks, then what is quoted.
fn inside_quotation(text: &str, date: Option<&Range<usize>>) -> Option<String> {
    let date = date?;
    let before = &text[..date.start];
    let open = before.matches('\u{201C}').count() > before.matches('\u{201D}').count()
        || before.matches('"').count() % 2 == 1;
    if !open {
        return None;
    }
    let mark = before.rfind(['\u{201C}', '"'])?;
    let attribution = text[..mark].trim().trim_end_matches([':', ',']);
    if split_words(attribution).len() < 2 {
        return None;
    }
    let quoted = text[mark..].chars().skip(1).collect::<String>();
    Some(finish(&format!("{attribution}: {quoted}"), 14))
}

/// The clause boundaries of `words.txt`, `_` made a space.
static BOUNDARIES: LazyLock<Vec<String>> = LazyLock::new(|| {
    words()
        .list(List::TitleBoundaries)
        .map(|p| p.replace('_', " "))
        .collect()
});

/// Byte offsets where a clause boundary starts. Every boundary starts with
/// a space or a punctuation mark, so only those places are tried.
fn boundaries(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if !matches!(c, ' ' | ',' | ';' | ':') {
            continue;
        }
        let rest = &text[i..];
        let found = BOUNDARIES
            .iter()
            .any(|pattern| match pattern.strip_prefix(", *") {
                // ", <word>ing "
                Some(suffix) => rest.strip_prefix(", ").is_some_and(|after| {
                    let word = after.split(' ').next().unwrap_or("");
                    let suffix = suffix.trim_end();
                    word.len() > suffix.len()
                        && word.ends_with(suffix)
                        && word.chars().all(|c| c.is_ascii_lowercase())
                        && after.len() > word.len()
                }),
                None => rest.starts_with(pattern.as_str()),
            });
        if found {
            out.push(i);
        }
    }
    out
}

/// The clause of the date, masked of what is not the event.
fn clause(text: &str, date: Option<&Range<usize>>) -> String {
    let w = words();
    let mut keep = vec![true; text.len()];
    let drop = |keep: &mut Vec<bool>, r: Range<usize>| {
        let end = r.end.min(keep.len());
        keep[r.start.min(end)..end].fill(false);
    };
    let pos = date.map(|d| d.start);
    // Parentheses that do not hold the date.
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        let Some(close) = text[open..].find(')').map(|i| open + i + 1) else {
            break;
        };
        let start = text[..open].trim_end().len();
        if !pos.is_some_and(|p| open <= p && p < close) {
            drop(&mut keep, start..close);
        }
        from = close;
    }
    // Comma-delimited appositives, relative clauses and participial phrases.
    let commas: Vec<usize> = text
        .match_indices(',')
        .map(|(i, _)| i)
        .filter(|&i| !text[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    let starts_with = |seg: &str, list: List| {
        split_words(seg).first().is_some_and(|first| {
            seg.trim_start().starts_with(|c: char| c.is_alphabetic()) && w.has(list, &first.low)
        })
    };
    let participle = |seg: &str| {
        split_words(seg).first().is_some_and(|first| {
            w.has(List::IrregularParticiple, &first.low)
                || (first.low.ends_with("ed") && !w.has(List::EdNotVerb, &first.low))
        })
    };
    let mut main_cut = None;
    for pair in commas.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let seg = &text[a + 1..b];
        let has_date = pos.is_some_and(|p| a < p && p < b);
        let relative = starts_with(seg, List::RelativeStarts);
        if relative || starts_with(seg, List::AppositiveStarts) || (participle(seg) && a > 0) {
            if has_date && participle(seg) {
                main_cut = Some(b);
            } else if has_date && relative {
                continue;
            } else {
                drop(&mut keep, a..b + 1);
            }
        }
    }
    if let Some(cut) = main_cut {
        drop(&mut keep, cut..text.len());
        if let Some(&first) = commas.first() {
            drop(&mut keep, first..first + 1);
        }
    }
    if let Some(d) = date {
        date_phrase(text, d, &mut keep);
    }
    let kept: String = text
        .char_indices()
        .map(|(i, c)| if keep[i] { c } else { '\0' })
        .collect();
    let pos = pos.map_or(0, |p| {
        kept.char_indices().take_while(|&(i, _)| i < p).count()
    });
    let kept_chars: Vec<(usize, char)> = kept.char_indices().collect();
    let pos = kept_chars.get(pos).map_or(kept.len(), |&(i, _)| i);
    let mut cuts = vec![0];
    cuts.extend(boundaries(&kept));
    cuts.push(kept.len());
    let seg = if date.is_some() {
        (0..cuts.len() - 1).rfind(|&i| cuts[i] <= pos).unwrap_or(0)
    } else {
        0
    };
    let mut piece = &kept[cuts[seg]..cuts[seg + 1]];
    let cleaned: String = piece.replace('\0', "");
    let lead_trimmed = cleaned
        .trim_start_matches(|c: char| matches!(c, ';' | ':' | ',' | ' ') || DASHES.contains(&c));
    if seg > 0 && starts_with(lead_trimmed, List::RelativeStarts) {
        piece = &kept[..cuts[1]];
    }
    let mut t: String = piece.replace('\0', "");
    if seg > 0 {
        let trimmed = t.trim_start_matches(|c: char| {
            matches!(c, ';' | ':' | ',') || c.is_whitespace() || DASHES.contains(&c)
        });
        let first = trimmed.split_whitespace().next().unwrap_or("");
        let trimmed = if matches!(first, "and" | "but" | "while" | "whereas" | "with" | "as") {
            &trimmed[first.len()..]
        } else {
            trimmed
        };
        t = trimmed.to_string();
    }
    let t = t
        .trim()
        .trim_start_matches(|c: char| DASHES.contains(&c) || c == ' ')
        .trim_matches(|c: char| QUOTES.contains(&c) || c == ' ' || c == ',');
    let t = without_lead_adverbials(t);
    let t = shorter_subject(t);
    let mut t = t.as_str();
    for b in boundaries(t) {
        if split_words(&t[..b]).len() >= 4 {
            t = &t[..b];
            break;
        }
    }
    finish(t, 12)
}

/// Masks the date and its preposition, unless the date is the subject.
fn date_phrase(text: &str, date: &Range<usize>, keep: &mut [bool]) {
    let w = words();
    let mut a = date.start;
    let head = split_words(&text[..date.start]);
    if let Some(last) = head.last()
        && w.has(List::TitleDatePrepositions, &last.low)
        && text[last.span.end..date.start].trim().is_empty()
    {
        a = last.span.start;
        if last.low == "of"
            && let Some(prev) = head.iter().rev().nth(1)
            && prev.low == "as"
        {
            a = prev.span.start;
        }
    }
    let b = date.end;
    let rest = &text[b..];
    if rest.starts_with("'s") || rest.starts_with("\u{2019}s") {
        return;
    }
    let next = split_words(rest);
    if next.first().is_some_and(|n| {
        matches!(n.low.as_str(), "is" | "was" | "were" | "are")
            && rest[..n.span.start].trim().is_empty()
    }) {
        return;
    }
    for k in a..b.min(keep.len()) {
        keep[k] = false;
    }
}

fn without_lead_adverbials(mut t: &str) -> &str {
    let w = words();
    loop {
        let Some(comma) = t.find(", ") else {
            return t;
        };
        let head = &t[..comma];
        let first = split_words(head)
            .first()
            .map(|f| f.low.clone())
            .unwrap_or_default();
        let adverb = split_words(head).len() == 1 && first.ends_with("ly");
        if head.len() <= 90
            && (adverb || w.has(List::TitleLeadAdverbials, &first))
            && !head.contains(['"', '\u{201C}'])
        {
            t = t[comma + 2..].trim_start();
        } else {
            return t;
        }
    }
}

/// A subject of seven words or more is cut to the capitalised name before its verb.
fn shorter_subject(t: &str) -> String {
    let found = split_words(t);
    let groups = verbs::groups(&found);
    let Some(first) = groups.first() else {
        return t.to_string();
    };
    if first.first < 7 {
        return t.to_string();
    }
    let verb = found[first.first].span.start;
    let subject = &found[..first.first];
    let names: Vec<_> = subject
        .iter()
        .rev()
        .take_while(|w| capitalised(&t[w.span.clone()]))
        .take(4)
        .collect();
    match names.last() {
        Some(name) => format!(
            "{} {}",
            &t[name.span.start..subject[subject.len() - 1].span.end],
            &t[verb..]
        ),
        None => t.to_string(),
    }
}

/// Tidies a title: one space between words, at most `max` whole words, no
/// function word or punctuation at the end, balanced brackets and quotes, a
/// capital first letter.
pub(crate) fn finish(text: &str, max: usize) -> String {
    let w = words();
    let mut joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in [" ,", " .", " ;", " :"] {
        joined = joined.replace(p, &p[1..]);
    }
    let mut parts: Vec<&str> = joined
        .split(' ')
        .filter(|p| !p.is_empty())
        .take(max)
        .collect();
    while let Some(last) = parts.last() {
        let bare = lower(last.trim_matches(|c: char| !c.is_alphanumeric()));
        let empty = !last.chars().any(char::is_alphanumeric);
        if empty || w.has(List::Stopwords, &bare) || w.has(List::Prepositions, &bare) {
            parts.pop();
        } else {
            break;
        }
    }
    let mut t = parts
        .join(" ")
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | ' ' | '.') || DASHES.contains(&c))
        .to_string();
    for (open, close) in [('(', ')'), ('\u{201C}', '\u{201D}')] {
        if t.matches(open).count() != t.matches(close).count() {
            t = t.replace([open, close], "");
        }
    }
    if t.matches('"').count() % 2 == 1 {
        t = t.replace('"', "");
    }
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(sentence: &str, date: &str) -> String {
        let start = sentence.find(date).unwrap();
        title(sentence, Some(start..start + date.len()))
    }

    #[test]
    fn titles_are_the_clause_of_the_date() {
        assert_eq!(
            at(
                "The US and the Taliban signed a historic agreement Saturday meant to finally bring an end to the 18-year conflict in Afghanistan.",
                "Saturday"
            ),
            "The US and the Taliban signed a historic agreement"
        );
        assert_eq!(
            at(
                "Pompeo said he was still angry about the September 11, 2001 attacks that were planned by Osama bin Laden.",
                "September 11, 2001"
            ),
            "September 11, 2001 attacks"
        );
        assert_eq!(
            at(
                "The war in Afghanistan began on Oct. 7, 2001, less than a month after the attacks.",
                "Oct. 7, 2001"
            ),
            "The war in Afghanistan began, less than a month after the attacks"
        );
        assert_eq!(
            title(
                "US Secretary of State Mike Pompeo has landed in Doha, Qatar, to attend the signing.",
                None
            ),
            "US Secretary of State Mike Pompeo has landed in Doha, Qatar"
        );
    }

    #[test]
    fn quotations_name_the_speaker() {
        assert_eq!(
            title(
                "\u{201C}We are on the verge of a huge opportunity,\u{201D} Pompeo said on Saturday.",
                None
            ),
            "Pompeo said: We are on the verge of a huge opportunity"
        );
    }

    #[test]
    fn titles_never_end_on_a_function_word_or_mid_word() {
        let t = finish("the withdrawal of all of the", 12);
        assert_eq!(t, "The withdrawal");
        let long =
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
        assert_eq!(finish(long, 12).split(' ').count(), 12);
        for odd in ["", "(", "\u{201C}", ", ,", "é", "on which on He a"] {
            assert!(!title(odd, None).is_empty());
            assert!(!title(odd, Some(0..odd.len())).is_empty());
        }
    }
}
