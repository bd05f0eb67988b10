//! Tokenizer: splits text into words, digit runs and punctuation marks with byte offsets.

/// Where tokens get their ids: the lexicon's vocabulary.
pub trait Vocabulary {
    /// The id of a lower-cased word, or [`UNKNOWN`].
    fn id(&self, word: &str) -> u32;
}

/// Vocabulary id of a token that is not in the lexicon or the rules.
pub const UNKNOWN: u32 = u32::MAX;

/// Longest word (in bytes) that can be in the vocabulary; longer words are not looked up,
/// which keeps a megabyte-long "word" from being hashed.
const MAX_WORD_BYTES: usize = 32;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Number,
    /// A single character that is neither a letter, an ASCII digit nor white space.
    Punct,
}

/// One token of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Vocabulary id of the lower-cased token, or [`UNKNOWN`].
    pub id: u32,
    /// What the token is made of.
    pub kind: Kind,
    /// For a [`Kind::Number`] token of at most 18 digits, its value.
    pub value: Option<u64>,
    /// White space separates this token from the previous one.
    pub space_before: bool,
    /// The gap before this token holds a blank line (a paragraph break).
    pub para_before: bool,
    /// The first character is an upper-case letter.
    pub cap: bool,
    /// A word of two letters or more, all upper case ("AP", "MDL").
    pub upper: bool,
}

impl Token {
    /// Number of digits of a [`Kind::Number`] token (its byte length).
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether this is a number token with exactly `digits` digits.
    pub fn has_digits(&self, digits: usize) -> bool {
        self.kind == Kind::Number && self.len() == digits
    }
}

/// Splits `text` into tokens, looking each one up in the lexicon's vocabulary.
pub fn tokenize(text: &str, lexicon: &impl Vocabulary) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut lower = String::with_capacity(MAX_WORD_BYTES * 4);
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut space = true;
    let mut newlines = 0u32;
    while pos < bytes.len() {
        let b = bytes[pos];
        let (ch, width) = if b.is_ascii() {
            (b as char, 1)
        } else {
            let ch = text[pos..].chars().next().unwrap_or('\u{FFFD}');
            (ch, ch.len_utf8())
        };
        if ch.is_whitespace() {
            space = true;
            if ch == '\n' {
                newlines += 1;
            }
            pos += width;
            continue;
        }
        let start = pos;
        let kind;
        let mut value = None;
        let mut upper = false;
        if ch.is_ascii_digit() {
            kind = Kind::Number;
            let mut acc: u64 = 0;
            while pos < bytes.len() && bytes[pos].is_ascii_digit() {
                if pos - start < 18 {
                    acc = acc * 10 + u64::from(bytes[pos] - b'0');
                }
                pos += 1;
            }
            if pos - start <= 18 {
                value = Some(acc);
            }
        } else if ch.is_alphabetic() {
            kind = Kind::Word;
            pos += width;
            upper = ch.is_uppercase();
            while pos < bytes.len() {
                let b = bytes[pos];
                if b.is_ascii() {
                    if b.is_ascii_alphabetic() {
                        upper &= b.is_ascii_uppercase();
                        pos += 1;
                        continue;
                    }
                    break;
                }
                let c = text[pos..].chars().next().unwrap_or(' ');
                if !c.is_alphabetic() {
                    break;
                }
                upper &= c.is_uppercase();
                pos += c.len_utf8();
            }
            upper &= pos - start > width;
        } else {
            kind = Kind::Punct;
            pos += width;
        }
        let id = if pos - start <= MAX_WORD_BYTES {
            lookup(&text[start..pos], kind, lexicon, &mut lower)
        } else {
            UNKNOWN
        };
        tokens.push(Token {
            start,
            end: pos,
            id,
            kind,
            value,
            space_before: space,
            para_before: newlines >= 2,
            cap: ch.is_uppercase(),
            upper,
        });
        space = false;
        newlines = 0;
    }
    tokens
}

/// Looks up the lower-cased form of a token; typographic apostrophes count as `'`.
fn lookup(word: &str, kind: Kind, lexicon: &impl Vocabulary, lower: &mut String) -> u32 {
    match kind {
        Kind::Number => UNKNOWN,
        Kind::Punct => match word {
            "\u{2019}" | "\u{2018}" | "`" => lexicon.id("'"),
            "\u{2013}" | "\u{2014}" => lexicon.id("-"),
            _ => lexicon.id(word),
        },
        Kind::Word => {
            if word.bytes().all(|b| b.is_ascii_lowercase()) {
                return lexicon.id(word);
            }
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                for c in word.chars() {
                    lower.extend(c.to_lowercase());
                }
            }
            lexicon.id(lower)
        }
    }
}

/// Splits a phrase of a rule or lexicon file into lower-cased token strings, the same way
/// [`tokenize`] splits text.
pub fn split_phrase(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut current_kind = None;
    for ch in phrase.chars() {
        let kind = if ch.is_whitespace() {
            None
        } else if ch.is_ascii_digit() {
            Some(Kind::Number)
        } else if ch.is_alphabetic() {
            Some(Kind::Word)
        } else {
            Some(Kind::Punct)
        };
        if kind != current_kind || kind == Some(Kind::Punct) {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current_kind = kind;
        }
        if kind.is_some() {
            current.extend(ch.to_lowercase());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}
