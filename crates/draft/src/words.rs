//! Words of a sentence with their byte offsets, lower-cased once, as every
//! rule of the drafter reads them.

use std::ops::Range;

/// One word: letters (with inner apostrophes and hyphens), or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte range in the text the words were read from.
    pub span: Range<usize>,
    /// Lower case, with typographic apostrophes made plain.
    pub low: String,
}

/// The words of `text`, offsets relative to `text`.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let letter = c.is_alphabetic();
        if !letter && !c.is_ascii_digit() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = chars.peek() {
            let inner = if letter {
                n.is_alphabetic() || matches!(n, '\'' | '\u{2019}' | '-')
            } else {
                n.is_ascii_digit() || matches!(n, ',' | '.')
            };
            if !inner {
                break;
            }
            end = i + n.len_utf8();
            chars.next();
        }
        out.push(Word {
            span: start..end,
            low: lower(&text[start..end]),
        });
    }
    out
}

/// Lower case with typographic apostrophes made plain.
pub(crate) fn lower(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

/// The index of the first word that starts at or after `offset`.
pub(crate) fn word_at(words: &[Word], offset: usize) -> usize {
    words.partition_point(|w| w.span.start < offset)
}

/// A term for comparing sentences: numbers as written (without separators),
/// words without a plural or `-ing`/`-ed` ending, cut to six letters.
pub(crate) fn stem(low: &str) -> String {
    if low.starts_with(|c: char| c.is_ascii_digit()) {
        return low.replace(',', "").trim_end_matches('.').to_string();
    }
    let w = low.strip_suffix("'s").unwrap_or(low);
    let mut w = w;
    for suffix in ["ings", "ing", "ed", "es", "s"] {
        if let Some(rest) = w.strip_suffix(suffix)
            && rest.chars().count() >= 3
        {
            w = rest;
            break;
        }
    }
    w.chars().take(6).collect()
}

/// Whether `text` starts with an upper-case letter.
pub(crate) fn capitalised(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_offsets_and_fold_case() {
        let text = "US’s troops, 8,600 of them, week-long «Doha».";
        let w = words(text);
        let lows: Vec<&str> = w.iter().map(|w| w.low.as_str()).collect();
        assert_eq!(
            lows,
            ["us's", "troops", "8,600", "of", "them", "week-long", "doha"]
        );
        assert_eq!(&text[w[2].span.clone()], "8,600");
        assert_eq!(word_at(&w, 13), 2);
        assert_eq!(word_at(&w, 1000), w.len());
    }

    #[test]
    fn stems_drop_endings_and_cut() {
        assert_eq!(stem("signing"), "sign");
        assert_eq!(stem("withdrawals"), "withdr");
        assert_eq!(stem("taliban's"), "taliba");
        assert_eq!(stem("13,000."), "13000");
        assert_eq!(stem("is"), "is");
        assert_eq!(stem("ééééééés"), "éééééé");
    }
}
