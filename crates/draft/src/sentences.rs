//! Sentence splitting with byte offsets: at `.`, `!` or `?` (and closing
//! quotes) before a capital or a digit, but not after an abbreviation or an
//! initial, nor inside an open quotation.

use std::ops::Range;

use crate::rules::{List, Words};

/// One sentence of an article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Byte range in the body, trimmed.
    pub span: Range<usize>,
}

fn is_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{2018}' | '(' | '[' | '-' | '\u{2013}' | '\u{2014}'
    )
}

/// Whether a sentence may start at `rest`: white space, perhaps an opening
/// quote, bracket or dash, then a capital or a digit.
fn starts_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false;
    }
    let mut chars = trimmed.chars();
    let first = chars.next();
    let first = match first {
        Some(c) if is_opener(c) => chars.next(),
        other => other,
    };
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The quotation marks of a sentence read so far, counted as the sentence
/// grows, so that a long paragraph with a quotation left open is not read
/// again from its start at every full stop.
#[derive(Default)]
struct Quotes {
    opening: usize,
    closing: usize,
    straight: usize,
    /// Where counting has reached, in the paragraph.
    to: usize,
}

impl Quotes {
    /// Counts starting at byte `at` of the paragraph.
    fn at(at: usize) -> Quotes {
        Quotes {
            to: at,
            ..Quotes::default()
        }
    }

    fn counted(mut self, text: &str) -> Quotes {
        for c in text.chars() {
            match c {
                '\u{201C}' => self.opening += 1,
                '\u{201D}' => self.closing += 1,
                '"' => self.straight += 1,
                _ => {}
            }
        }
        self
    }

    /// Counts on up to byte `to` of `paragraph`.
    fn up_to(self, paragraph: &str, to: usize) -> Quotes {
        let from = self.to;
        Quotes {
            to,
            ..self.counted(&paragraph[from..to])
        }
    }

    /// Whether a quotation is open.
    fn inside(&self) -> bool {
        self.opening > self.closing || self.straight % 2 == 1
    }
}

/// Whether the word before a final period is an abbreviation or an initial.
fn after_abbreviation(text: &str, w: &Words) -> bool {
    let text = text.trim_end_matches(|c: char| is_closer(c) || c == '.');
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(text.len(), |(i, _)| i);
    let word = text[start..].trim_start_matches('.').to_lowercase();
    let word = word.trim_end_matches('.');
    !word.is_empty() && (word.chars().count() == 1 || w.has(List::Abbreviations, word))
}

/// Splits `body` into sentences, paragraph by paragraph.
pub(crate) fn split(body: &str, paragraphs: &[Range<usize>], w: &Words) -> Vec<Sentence> {
    let mut out = Vec::new();
    for para in paragraphs {
        let text = &body[para.clone()];
        let mut start = 0;
        let mut quotes = Quotes::at(0);
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !is_end(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                if !(is_end(n) || is_closer(n)) {
                    break;
                }
                end = j + n.len_utf8();
                chars.next();
            }
            if !starts_sentence(&text[end..]) {
                continue;
            }
            quotes = quotes.up_to(text, i);
            if quotes.inside() && !text[i..end].contains(['"', '\u{201D}']) {
                continue;
            }
            if c == '.' && after_abbreviation(&text[start..end], w) {
                continue;
            }
            push(&mut out, para.start, text, start..end);
            start = end;
            quotes = Quotes::at(end);
        }
        push(&mut out, para.start, text, start..text.len());
    }
    out
}

fn push(out: &mut Vec<Sentence>, base: usize, text: &str, span: Range<usize>) {
    let piece = &text[span.clone()];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let start = base + span.start + lead;
    out.push(Sentence {
        span: start..start + trimmed.len(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(body: &str) -> Vec<&str> {
        let paragraphs = annals_core::text::paragraphs(body);
        split(body, &paragraphs, crate::rules::test_words())
            .into_iter()
            .map(|s| &body[s.span])
            .collect()
    }

    #[test]
    fn splits_at_ends_but_not_abbreviations_or_quotes() {
        assert_eq!(
            sentences("Mr. Pompeo landed. He said “We are here. Now.” Then he left.\n\nNew one"),
            [
                "Mr. Pompeo landed.",
                "He said “We are here. Now.”",
                "Then he left.",
                "New one"
            ]
        );
        assert_eq!(
            sentences("It began on Oct. 7, 2001. George W. Bush spoke."),
            ["It began on Oct. 7, 2001.", "George W. Bush spoke."]
        );
        assert_eq!(
            sentences("Is it? \"Yes!\" 3 left."),
            ["Is it?", "\"Yes!\"", "3 left."]
        );
    }

    #[test]
    fn odd_text_does_not_panic() {
        for body in ["", ".", "..  .", "é. É", "\"\u{201C}. A", "a.\u{2019} B"] {
            let _ = sentences(body);
        }
    }
}
