//! Event titles: a short clause (subject, verb, object) cut from the
//! sentence that dates the event.
//!
//! The sentence is read as tokens (words and punctuation, with their byte
//! offsets), so that a title is always made of whole words of the sentence.
//! Datelines, parentheses, appositives, relative clauses and the date phrase
//! are masked out; the clause holding the date is kept (a relative clause
//! takes its antecedent as subject, a participial clause keeps the main
//! clause before it, a coordinated verb phrase takes the main subject);
//! leading adverbials go; a leading pronoun becomes the name that the
//! subject of the sentence before gives; a long subject shrinks to its
//! names; quotations are told as "Speaker said: first clause".
//!
//! The clause is then cut to about [`MAX_WORDS`] words where a phrase ends:
//! before punctuation, a conjunction, a preposition or a participle, never
//! after a function word, a possessive or inside a name.

mod clause;
mod cut;
mod quotation;
mod shorten;
mod subject;
#[cfg(test)]
mod tests;
mod text;

use std::ops::Range;

use clause::{clause, date_names_a_noun};
use cut::{cut, may_end};
use quotation::{inside_quotation, quotation_first};
use text::{Text, body_start};

use crate::rules::Words;

/// The most words a title aims at.
const MAX_WORDS: usize = 14;
/// The fewest words a cut leaves.
const MIN_WORDS: usize = 4;
/// How many words past the aim a cut may go to end well.
const SOFT_WORDS: usize = 2;
/// The fewest words a clause needs to stand alone; a shorter one takes the
/// next clause along.
const MIN_CLAUSE_WORDS: usize = 6;
/// A quotation keeps at least this many of its words after the speaker.
const MIN_QUOTE_WORDS: usize = 7;
/// How many sentences back a leading pronoun is looked for.
const PRONOUN_REACH: usize = 3;

const OPENERS: &[char] = &['"', '\u{201C}', '\u{2018}', '(', '['];
const OPEN_QUOTES: &[&str] = &["\"", "\u{201C}"];
const CLOSE_QUOTES: &[&str] = &["\"", "\u{201D}"];
const DASHES: &[&str] = &["-", "\u{2013}", "\u{2014}", "--"];

/// A title for the event told by `sentence`, whose date expression (if any)
/// is at `date` (byte range of the sentence). `before` holds the sentences
/// before it in the article, nearest first, for a leading pronoun.
pub(crate) fn title(
    sentence: &str,
    date: Option<Range<usize>>,
    before: &[&str],
    w: &Words,
) -> String {
    let text = sentence.trim();
    let offset = sentence.len() - sentence.trim_start().len();
    let mut t = Text::new(text, w);
    let bytes = date
        .clone()
        .map(|d| d.start.saturating_sub(offset)..d.end.saturating_sub(offset));
    let date = date
        .map(|d| d.start.saturating_sub(offset)..d.end.saturating_sub(offset))
        .filter(|d| d.start < d.end && d.end <= text.len())
        .and_then(|d| {
            let first = t.toks.iter().position(|k| k.span.end > d.start)?;
            let end = t.toks.iter().rposition(|k| k.span.start < d.end)? + 1;
            (first < end).then_some(first..end)
        });
    if let (Some(d), Some(b)) = (&date, &bytes) {
        t.fused = t.toks[d.end - 1].span.end > b.end || t.toks[d.start].span.start < b.start;
    }
    let t = t;
    let made = date_names_a_noun(&t, date.clone())
        .or_else(|| quotation_first(&t, date.clone(), before))
        .or_else(|| inside_quotation(&t, date.clone(), before))
        .unwrap_or_else(|| clause(&t, date.clone(), before));
    if made.split_whitespace().count() >= 2 {
        return made;
    }
    let all: Vec<usize> = (body_start(&t)..t.toks.len()).collect();
    let end = cut(&t, &all, MAX_WORDS, None);
    let whole = finish(&t.render(&all[..end], None), w);
    if whole.split_whitespace().count() > made.split_whitespace().count() {
        return whole;
    }
    if !made.is_empty() {
        return made;
    }
    // Nothing but function words: the words as they are.
    let raw = text
        .split_whitespace()
        .take(MAX_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    if raw.is_empty() {
        "Untitled event".to_string()
    } else {
        raw
    }
}

/// The first letter in capitals, unless the word has a capital inside
/// ("iPhone").
fn capitalise(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return text.to_string();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// Tidies a title: one line, one space between words, no function word or
/// punctuation at the end, balanced brackets and quotes, a capital first
/// letter.
pub(crate) fn finish(text: &str, w: &Words) -> String {
    let mut joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in [" ,", " .", " ;", " :"] {
        joined = joined.replace(p, &p[1..]);
    }
    let t = Text::new(&joined, w);
    let mut end = t.toks.len();
    while end > 0 {
        let last = end - 1;
        let closing = t.is_any(last, CLOSE_QUOTES) || t.is_any(last, &[")", "]"]);
        if (t.word(last) && may_end(&t, last)) || (closing && end >= 2 && t.word(last - 1)) {
            break;
        }
        end -= 1;
    }
    if end == 0 {
        return String::new();
    }
    let all: Vec<usize> = (0..end).collect();
    let mut out = t.render(&all, None);
    if out.ends_with('.') && !t.word(end - 1) {
        out.pop();
    }
    let mut out = out
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | ' '))
        .to_string();
    for (open, close) in [('(', ')'), ('[', ']'), ('\u{201C}', '\u{201D}')] {
        if out.matches(open).count() != out.matches(close).count() {
            out = out.replace([open, close], "");
        }
    }
    if out.matches('"').count() % 2 == 1 {
        out = out.replace('"', "");
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    capitalise(&out)
}
