//! Cardinal numbers in running text ("8,600", "8600", "13,000", "fourteen",
//! "twenty-five"), read by the same number parser the date rules use, for
//! callers that compare what articles state (`annals-compare`).

use crate::lexicon::Lexicon;
use crate::numbers::{NumberClasses, Numbers};
use crate::tokens::{self, Kind};

/// A cardinal number found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cardinal {
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset one past the last character.
    pub byte_end: usize,
    /// Its value: `8600.0` for both "8,600" and "8600", `14.0` for "fourteen".
    pub value: f64,
    /// Written in digits (rather than in words).
    pub digits: bool,
}

/// Every cardinal of `text`, left to right, none overlapping.
pub(crate) fn find(text: &str, lex: &Lexicon, classes: NumberClasses) -> Vec<Cardinal> {
    let tokens = tokens::tokenize(text, lex);
    let numbers = Numbers {
        lex,
        classes,
        tokens: &tokens,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match numbers.cardinal(i) {
            Some((len, value)) => {
                let last = &tokens[i + len - 1];
                out.push(Cardinal {
                    byte_start: tokens[i].start,
                    byte_end: last.end,
                    value,
                    digits: tokens[i].kind == Kind::Number,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::Tagger;

    #[test]
    fn digits_and_words_read_alike() {
        let text =
            "down to 8600 from 13,000, then 8,600; fourteen months, twenty-five men, 2.5 per cent";
        let found: Vec<(&str, f64)> = Tagger::new()
            .cardinals(text)
            .iter()
            .map(|c| (&text[c.byte_start..c.byte_end], c.value))
            .collect();
        assert_eq!(
            found,
            [
                ("8600", 8600.0),
                ("13,000", 13000.0),
                ("8,600", 8600.0),
                ("fourteen", 14.0),
                ("twenty-five", 25.0),
                ("2.5", 2.5)
            ]
        );
    }
}
