//! A sentence as tokens: words and punctuation with their byte offsets,
//! and what each word is (a name, a verb of saying, a participle ...).

use std::ops::Range;

use crate::rules::{List, Words};
use crate::verbs;
use crate::words::{Word, capitalised, lower};

use super::{DASHES, OPENERS};

/// One word or punctuation mark of a sentence.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) span: Range<usize>,
    pub(super) low: String,
    pub(super) word: bool,
}

/// A sentence as tokens.
pub(super) struct Text<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Tok>,
    /// The date is part of a longer word ("Today's"): never masked.
    pub(super) fused: bool,
    /// The word lists.
    pub(super) w: &'a Words,
}

impl<'a> Text<'a> {
    pub(super) fn new(text: &'a str, w: &'a Words) -> Self {
        Text {
            text,
            toks: tokens(text, w),
            fused: false,
            w,
        }
    }

    pub(super) fn s(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].span.clone()]
    }

    pub(super) fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |k| k.low.as_str())
    }

    pub(super) fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|k| k.word)
    }

    /// Whether token `i` is a word of `list`.
    pub(super) fn is(&self, i: usize, list: List) -> bool {
        self.word(i) && self.w.has(list, self.low(i))
    }

    pub(super) fn is_any(&self, i: usize, text: &[&str]) -> bool {
        self.toks.get(i).is_some_and(|_| text.contains(&self.s(i)))
    }

    pub(super) fn capital(&self, i: usize) -> bool {
        self.word(i)
            && (capitalised(self.s(i)) || self.s(i).starts_with(|c: char| c.is_ascii_digit()))
    }

    /// A verb of saying, in lower case ("states", not "United States").
    pub(super) fn said(&self, i: usize) -> bool {
        self.lowercase_word(i) && self.w.has(List::AttributionVerbs, self.low(i))
    }

    pub(super) fn digits(&self, i: usize) -> bool {
        self.word(i) && self.s(i).starts_with(|c: char| c.is_ascii_digit())
    }

    /// A comma that parts phrases, not one inside a date ("11, 2001").
    pub(super) fn comma(&self, i: usize) -> bool {
        self.is_any(i, &[","]) && !(i > 0 && self.digits(i - 1) && self.digits(i + 1))
    }

    /// A capitalised word or one with a capital inside ("iPhone").
    pub(super) fn name_like(&self, i: usize) -> bool {
        self.word(i) && self.s(i).chars().any(char::is_uppercase)
    }

    pub(super) fn lowercase_word(&self, i: usize) -> bool {
        self.word(i) && self.s(i).starts_with(char::is_lowercase)
    }

    /// The tokens `sel` as written, `first` standing for the first of them.
    pub(super) fn render(&self, sel: &[usize], first: Option<&str>) -> String {
        let mut out = String::new();
        for (n, &i) in sel.iter().enumerate() {
            if n > 0 {
                let prev = sel[n - 1];
                let spaced = if i == prev + 1 {
                    self.text[self.toks[prev].span.end..self.toks[i].span.start]
                        .chars()
                        .any(char::is_whitespace)
                } else {
                    (self.word(i) && self.word(prev))
                        || self.text[..self.toks[i].span.start].ends_with(char::is_whitespace)
                };
                if spaced {
                    out.push(' ');
                }
            }
            match first {
                Some(name) if n == 0 => out.push_str(name),
                _ => out.push_str(self.s(i)),
            }
        }
        out
    }

    /// Words of `sel` as [`Word`]s for [`verbs::groups`], with their place in `sel`.
    pub(super) fn words_of(&self, sel: &[usize]) -> (Vec<Word>, Vec<usize>) {
        let mut found = Vec::new();
        let mut at = Vec::new();
        for (n, &i) in sel.iter().enumerate() {
            if self.word(i) {
                found.push(Word {
                    span: self.toks[i].span.clone(),
                    low: self.toks[i].low.clone(),
                });
                at.push(n);
            }
        }
        (found, at)
    }

    /// The place in `sel` of the first verb group, if one is found.
    pub(super) fn first_verb(&self, sel: &[usize]) -> Option<usize> {
        let (found, at) = self.words_of(sel);
        let group = verbs::groups(&found, self.w).first().map(|g| at[g.first]);
        let said = sel.iter().position(|&i| self.said(i));
        match (group, said) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Whether token `i` is a past tense or participle.
    pub(super) fn past(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).map(|p| self.low(p));
        self.lowercase_word(i)
            && (verbs::past_verb(self.low(i), prev, self.w)
                || self.is(i, List::IrregularParticiple))
    }

    /// Whether token `i` starts a participial phrase: a lowercase word in
    /// -ed, -ing or an irregular participle.
    pub(super) fn participle(&self, i: usize) -> bool {
        let low = self.low(i);
        self.lowercase_word(i)
            && (self.is(i, List::IrregularParticiple)
                || (low.ends_with("ed") && low.len() > 4 && !self.is(i, List::EdNotVerb))
                || (low.ends_with("ing") && low.len() > 5))
    }
}

/// The tokens of `text`: each run of non-space characters, its leading
/// openers and trailing punctuation split off (but not an abbreviation's
/// period, nor a plural possessive's apostrophe).
pub(super) fn tokens(text: &str, w: &Words) -> Vec<Tok> {
    let mut out = Vec::new();
    let punct = |out: &mut Vec<Tok>, span: Range<usize>| {
        out.push(Tok {
            low: text[span.clone()].to_string(),
            span,
            word: false,
        });
    };
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if !c.is_whitespace() {
            start.get_or_insert(i);
            continue;
        }
        let Some(a0) = start.take() else { continue };
        let chunk = &text[a0..i];
        if !chunk.chars().any(char::is_alphanumeric) {
            punct(&mut out, a0..i);
            continue;
        }
        let mut a = a0;
        let mut b = i;
        let mut single_open = false;
        while let Some(c) = text[a..b].chars().next() {
            if !(OPENERS.contains(&c) || c == '\'' || matches!(c, '-' | '\u{2013}' | '\u{2014}')) {
                break;
            }
            single_open |= matches!(c, '\'' | '\u{2018}');
            punct(&mut out, a..a + c.len_utf8());
            a += c.len_utf8();
        }
        let mut trail = Vec::new();
        while let Some(c) = text[a..b].chars().next_back() {
            let core = &text[a..b - c.len_utf8()];
            let peel = match c {
                ',' | ';' | ':' | '!' | '?' | '"' | '\u{201D}' | ')' | ']' => true,
                '.' => !keeps_period(core, w),
                '\'' | '\u{2019}' => single_open || !core.ends_with(['s', 'S']),
                _ => false,
            };
            if !peel || core.is_empty() {
                break;
            }
            trail.push(b - c.len_utf8()..b);
            b -= c.len_utf8();
        }
        out.push(Tok {
            span: a..b,
            low: lower(&text[a..b]),
            word: true,
        });
        for span in trail.into_iter().rev() {
            punct(&mut out, span);
        }
    }
    out
}

/// Whether the period after `core` belongs to it: an abbreviation or an
/// initial.
pub(super) fn keeps_period(core: &str, w: &Words) -> bool {
    let low = lower(core);
    (low.contains('.') && low.chars().any(char::is_alphabetic))
        || (core.chars().count() == 1 && core.chars().all(char::is_alphabetic))
        || w.has(List::Abbreviations, &low)
}

/// Where the text proper starts: after a bullet, dashes, or a dateline
/// ("KABUL, Afghanistan (AP) —", "READ MORE:").
pub(super) fn body_start(t: &Text) -> usize {
    let mut i = 0;
    while i < t.toks.len() && t.is_any(i, DASHES) {
        i += 1;
    }
    let first = i;
    // "MOST READ IN NEWS\nThe war ...": a heading on a line of its own.
    for k in first + 1..(first + 10).min(t.toks.len()) {
        let gap = &t.text[t.toks[k - 1].span.end..t.toks[k].span.start];
        if gap.contains('\n') {
            if (first..k).all(|j| !t.s(j).chars().any(char::is_lowercase)) {
                return k;
            }
            break;
        }
    }
    let shouting = t.word(first)
        && t.s(first).chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !t.s(first).chars().any(char::is_lowercase);
    if shouting {
        for k in first + 1..(first + 8).min(t.toks.len()) {
            if t.is_any(k, DASHES) || t.is_any(k, &[":"]) {
                if t.toks.len() > k + 3 {
                    return k + 1;
                }
                break;
            }
            let fits = !t.word(k) && t.is_any(k, &[",", "(", ")"]) || t.capital(k);
            if !fits {
                break;
            }
        }
    }
    first
}
