//! Numbers written in digits or words: cardinals, ordinals, years, days, decades, clock times.

use super::lexicon::{ClassId, Lexicon};
use super::tokens::{Kind, Token};

/// Longest number phrase, in tokens ("one hundred and twenty - five thousand ..."); the cap keeps
/// every attempt bounded.
const MAX_NUMBER_TOKENS: usize = 12;

/// The lexicon classes the number parsers read.
#[derive(Debug, Clone, Copy)]
pub struct NumberClasses {
    pub number: ClassId,
    pub multiplier: ClassId,
    pub ordinal: ClassId,
    pub ordsuffix: ClassId,
    pub ampm: ClassId,
    /// Nouns naming things by a number after them (optional in a lexicon).
    pub namer: Option<ClassId>,
    pub ids: WordIds,
}

/// Vocabulary ids of the punctuation and words the number parsers look for.
#[derive(Debug, Clone, Copy)]
pub struct WordIds {
    pub comma: u32,
    pub dot: u32,
    pub slash: u32,
    pub colon: u32,
    pub hyphen: u32,
    pub apostrophe: u32,
    pub dollar: u32,
    pub percent: u32,
    pub hash: u32,
    pub and: u32,
    pub a: u32,
    pub s: u32,
}

impl NumberClasses {
    /// Looks the classes up by name, adding the words the parsers need to the vocabulary.
    pub fn find(lex: &mut Lexicon) -> Result<NumberClasses, String> {
        let ids = WordIds {
            comma: lex.intern(","),
            dot: lex.intern("."),
            slash: lex.intern("/"),
            colon: lex.intern(":"),
            hyphen: lex.intern("-"),
            apostrophe: lex.intern("'"),
            dollar: lex.intern("$"),
            percent: lex.intern("%"),
            hash: lex.intern("#"),
            and: lex.intern("and"),
            a: lex.intern("a"),
            s: lex.intern("s"),
        };
        let get = |name: &str| {
            lex.class_id(name)
                .ok_or_else(|| format!("lexicon.txt lacks the [{name}] class"))
        };
        Ok(NumberClasses {
            number: get("number")?,
            multiplier: get("multiplier")?,
            ordinal: get("ordinal")?,
            ordsuffix: get("ordsuffix")?,
            ampm: get("ampm")?,
            namer: lex.class_id("namer"),
            ids,
        })
    }
}

/// Reads numbers at token positions.
pub struct Numbers<'a> {
    pub lex: &'a Lexicon,
    pub classes: NumberClasses,
    pub tokens: &'a [Token],
}

/// A number found at a position: how many tokens it takes and its value.
pub type Found = Option<(usize, f64)>;

impl Numbers<'_> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// Token `i` directly follows the previous one, with no white space.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn is_punct(&self, i: usize, id: u32) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.id == id)
    }

    fn word_value(&self, i: usize, class: ClassId) -> Option<u64> {
        let t = self.tok(i)?;
        self.lex.value_of(class, t.id)?.parse().ok()
    }

    /// The value of a number token not glued to digits around it by `,` or `.` (so the "13"
    /// of "13,000" or "2.5" is not read as a number of its own).
    fn plain_int(&self, i: usize) -> Option<u64> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number {
            return None;
        }
        let glued_digit = |j: usize| self.tok(j).is_some_and(|t| t.kind == Kind::Number);
        let ids = self.classes.ids;
        for sep in [ids.comma, ids.dot, ids.slash] {
            if self.is_punct(i + 1, sep)
                && self.glued(i + 1)
                && self.glued(i + 2)
                && glued_digit(i + 2)
            {
                return None;
            }
            if i >= 2 && self.is_punct(i - 1, sep) && !t.space_before && glued_digit(i - 2) {
                return None;
            }
        }
        t.value
    }

    /// A cardinal: "14", "13,000", "2.5", "seven", "twenty - four", "one hundred".
    pub fn cardinal(&self, i: usize) -> Found {
        let t = self.tok(i)?;
        if t.kind == Kind::Number {
            return self.digits(i);
        }
        self.number_words(i)
    }

    fn digits(&self, i: usize) -> Found {
        let t = self.tok(i)?;
        if i >= 2 && !t.space_before && self.tok(i - 2).is_some_and(|p| p.kind == Kind::Number) {
            // The tail of "13,000" or "2.5" is not a number of its own.
            if self.is_punct(i - 1, self.classes.ids.comma)
                || self.is_punct(i - 1, self.classes.ids.dot)
            {
                return None;
            }
        }
        let mut value = t.value? as f64;
        let mut len = 1;
        // Thousands groups: "13,000", "1,000,000".
        while self.is_punct(i + len, self.classes.ids.comma)
            && self.glued(i + len)
            && self.glued(i + len + 1)
            && self.tok(i + len + 1).is_some_and(|t| t.has_digits(3))
            && len < MAX_NUMBER_TOKENS
        {
            value = value * 1000.0 + self.tok(i + len + 1)?.value? as f64;
            len += 2;
        }
        // Decimals: "2.5".
        if self.is_punct(i + len, self.classes.ids.dot)
            && self.glued(i + len)
            && self.glued(i + len + 1)
            && self
                .tok(i + len + 1)
                .is_some_and(|t| t.kind == Kind::Number && t.len() <= 6)
        {
            let frac = self.tok(i + len + 1)?;
            value += frac.value? as f64 / 10f64.powi(frac.len() as i32);
            len += 2;
        }
        Some((len, value))
    }

    fn number_words(&self, i: usize) -> Found {
        // "a hundred years", "a thousand days": the article counts one.
        if self.tok(i).is_some_and(|t| t.id == self.classes.ids.a)
            && let Some(m) = self.word_value(i + 1, self.classes.multiplier)
        {
            return Some((2, m as f64));
        }
        let mut total = 0u64;
        let mut current = 0u64;
        let mut len = 0;
        let mut last_small = false;
        while len < MAX_NUMBER_TOKENS {
            let j = i + len;
            if let Some(v) = self.word_value(j, self.classes.number) {
                // "twenty four" / "twenty - four" combine; "five six" does not.
                if last_small && !(current % 100 >= 20 && current.is_multiple_of(10) && v < 10) {
                    break;
                }
                current = current.saturating_add(v);
                last_small = true;
                len += 1;
            } else if let Some(m) = self.word_value(j, self.classes.multiplier) {
                if len == 0 {
                    return None;
                }
                let base = current.max(1);
                if m >= 1000 {
                    total = total.saturating_add(base.saturating_mul(m));
                    current = 0;
                } else {
                    current = base.saturating_mul(m);
                }
                last_small = false;
                len += 1;
            } else if len > 0
                && ((self.is_punct(j, self.classes.ids.hyphen)
                    && self
                        .word_value(j + 1, self.classes.number)
                        .is_some_and(|v| v < 10)
                    && current % 100 >= 20
                    && current.is_multiple_of(10))
                    || (!last_small
                        && self.tok(j).is_some_and(|t| t.id == self.classes.ids.and)
                        && self.word_value(j + 1, self.classes.number).is_some()))
            {
                // "twenty-five" and "hundred and five": the joiner belongs to the number.
                len += 1;
            } else {
                break;
            }
        }
        (len > 0).then(|| (len, total.saturating_add(current) as f64))
    }

    /// A digit run of at most `max_digits` digits, not part of a bigger number.
    pub fn int(&self, i: usize, max_digits: usize) -> Found {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || t.len() > max_digits {
            return None;
        }
        self.plain_int(i).map(|v| (1, v as f64))
    }

    /// Whether the number at `i` comes after a noun that names things by number ("Local
    /// 1520", "Flight 1549", "No. 1776"): it is then that thing's number, not a year.
    fn after_namer(&self, i: usize) -> bool {
        let Some(namer) = self.classes.namer else {
            return false;
        };
        let word = |j: usize| {
            self.tok(j)
                .is_some_and(|t| t.kind == Kind::Word && self.lex.is(t.id, namer))
        };
        match i.checked_sub(1) {
            Some(p)
                if self.is_punct(p, self.classes.ids.dot)
                    || self.is_punct(p, self.classes.ids.hash) =>
            {
                p.checked_sub(1).is_some_and(word)
            }
            Some(p) => word(p),
            None => false,
        }
    }

    /// Whether the number at `i` is glued into a code: after capitals ("AP2010",
    /// a photo credit), or after a hyphen glued to capitals ("No. 10-MDL-2179").
    /// "b1882" and "died1871" (lower case) stay years.
    fn in_an_identifier(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).filter(|_| !self.tokens[i].space_before) else {
            return false;
        };
        let prev = &self.tokens[p];
        match prev.kind {
            Kind::Word => prev.upper,
            Kind::Punct => {
                self.is_punct(p, self.classes.ids.hyphen)
                    && !prev.space_before
                    && p.checked_sub(1).is_some_and(|q| self.tokens[q].upper)
            }
            Kind::Number => false,
        }
    }

    /// A year: "2001" (1000 to 2999, not a part of "2,001", "$2001" or "1990s") or written out
    /// ("nineteen ninety - six", "two thousand and one").
    pub fn year(&self, i: usize) -> Found {
        let t = self.tok(i)?;
        if t.kind == Kind::Number {
            if t.len() != 4 {
                return None;
            }
            let v = self.plain_int(i)?;
            if !(1000..=2999).contains(&v) {
                return None;
            }
            let before = i.checked_sub(1).and_then(|p| self.tok(p));
            if !t.space_before && before.is_some_and(|p| p.id == self.classes.ids.dollar) {
                return None;
            }
            if self.after_namer(i) || self.in_an_identifier(i) {
                return None;
            }
            if self.glued(i + 1) && self.tok(i + 1).is_some_and(|n| n.kind == Kind::Word) {
                return None;
            }
            return Some((1, v as f64));
        }
        let first = self.word_value(i, self.classes.number)?;
        if first == 2 && self.word_value(i + 1, self.classes.multiplier) == Some(1000) {
            let mut len = 2;
            if self
                .tok(i + 2)
                .is_some_and(|t| t.id == self.classes.ids.and)
            {
                len += 1;
            }
            return match self.number_words(i + len) {
                Some((n, v)) if v < 100.0 => Some((len + n, 2000.0 + v)),
                _ => Some((2, 2000.0)),
            };
        }
        if !(10..=20).contains(&first) {
            return None;
        }
        let (n, rest) = self.number_words(i + 1)?;
        if !(10.0..100.0).contains(&rest) {
            return None;
        }
        Some((1 + n, first as f64 * 100.0 + rest))
    }

    /// A year written with two digits, "11" of "08/04/11".
    pub fn short_year(&self, i: usize) -> Found {
        let t = self.tok(i)?;
        if !t.has_digits(2)
            || (self.glued(i + 1) && self.tok(i + 1).is_some_and(|n| n.kind != Kind::Punct))
        {
            return None;
        }
        self.plain_int(i).map(|v| (1, v as f64))
    }

    /// An ordinal: "7th", "21st", "third", "twenty - first".
    pub fn ordinal(&self, i: usize) -> Found {
        let t = self.tok(i)?;
        if t.kind == Kind::Number {
            let v = self.plain_int(i)?;
            let suffix = self.tok(i + 1)?;
            if self.glued(i + 1) && self.lex.is(suffix.id, self.classes.ordsuffix) {
                return Some((2, v as f64));
            }
            return None;
        }
        if let Some(v) = self.word_value(i, self.classes.ordinal) {
            return Some((1, v as f64));
        }
        let tens = self.word_value(i, self.classes.number)?;
        if !(20..=90).contains(&tens) || tens % 10 != 0 {
            return None;
        }
        let j = if self.is_punct(i + 1, self.classes.ids.hyphen) {
            i + 2
        } else {
            i + 1
        };
        let unit = self.word_value(j, self.classes.ordinal)?;
        (unit < 10).then(|| (j + 1 - i, (tens + unit) as f64))
    }

    /// A day of the month: "7", "07", "7th", "seventh", "twenty - first".
    pub fn day(&self, i: usize) -> Found {
        let t = self.tok(i)?;
        let (len, v) = if t.kind == Kind::Number {
            if t.len() > 2 {
                return None;
            }
            // "7:30" is a clock time, "7-year" a duration, "7%" a ratio; "25:" ending a
            // heading is still a day.
            if self.glued(i + 1) {
                let glued_next = |kind: fn(Kind) -> bool| {
                    self.glued(i + 2) && self.tok(i + 2).is_some_and(|n| kind(n.kind))
                };
                let not_punct = glued_next(|k| k != Kind::Punct);
                // "14-18" is a range of days; "7-year" is a length.
                let word = glued_next(|k| k == Kind::Word);
                if self.is_punct(i + 1, self.classes.ids.percent)
                    || (not_punct
                        && (self.is_punct(i + 1, self.classes.ids.colon)
                            || self.is_punct(i + 1, self.classes.ids.slash)))
                    || (word && self.is_punct(i + 1, self.classes.ids.hyphen))
                {
                    return None;
                }
            }
            self.ordinal(i).or_else(|| self.int(i, 2))?
        } else {
            self.ordinal(i)?
        };
        (1.0..=31.0).contains(&v).then_some((len, v))
    }

    /// A month written as digits, 1 to 12.
    pub fn month_digits(&self, i: usize) -> Found {
        let (len, v) = self.int(i, 2)?;
        (1.0..=12.0).contains(&v).then_some((len, v))
    }

    /// A decade: "1990s", "1990's", "'90s" (two-digit decades are returned as 90).
    pub fn decade(&self, i: usize) -> Found {
        let t = self.tok(i)?;
        let s = self.classes.ids.s;
        let ends_in_s = |j: usize| -> Option<usize> {
            if self.glued(j) && self.tok(j)?.id == s {
                return Some(j + 1);
            }
            if self.is_punct(j, self.classes.ids.apostrophe)
                && self.glued(j)
                && self.glued(j + 1)
                && self.tok(j + 1)?.id == s
            {
                return Some(j + 2);
            }
            None
        };
        if t.kind == Kind::Number && t.len() == 4 {
            let v = t.value?;
            if v % 10 != 0 || !(1000..=2990).contains(&v) {
                return None;
            }
            let end = ends_in_s(i + 1)?;
            return Some((end - i, v as f64));
        }
        if self.is_punct(i, self.classes.ids.apostrophe) {
            let n = self.tok(i + 1)?;
            if self.glued(i + 1) && n.has_digits(2) && n.value? % 10 == 0 {
                let end = ends_in_s(i + 2)?;
                return Some((end - i, n.value? as f64));
            }
        }
        None
    }

    /// A clock time as minutes after midnight: "3 p.m.", "10:30", "7:15 pm", "12:00 a.m.",
    /// and, with a.m. or p.m., "10.40 am" as British papers write it.
    pub fn clock(&self, i: usize) -> Found {
        let (_, hour) = self.int(i, 2).or_else(|| self.dotted_hour(i))?;
        let mut len = 1;
        let mut minute = 0.0;
        let mut colon = false;
        if let Some(m) = self.minutes_after(i, self.classes.ids.colon) {
            minute = m;
            len = 3;
            colon = true;
        } else if let Some(m) = self.minutes_after(i, self.classes.ids.dot) {
            // "10.40" is a clock time only with a.m. or p.m. after it.
            self.lex
                .match_class(self.classes.ampm, self.tokens, i + 3)?;
            minute = m;
            len = 3;
        }
        let ampm = self
            .lex
            .match_class(self.classes.ampm, self.tokens, i + len);
        let hour = match ampm {
            Some((n, half)) => {
                if !(1.0..=12.0).contains(&hour) {
                    return None;
                }
                len += n;
                match (half, hour == 12.0) {
                    ("AM", true) => 0.0,
                    ("PM", false) => hour + 12.0,
                    _ => hour,
                }
            }
            None if colon && hour <= 24.0 => hour,
            None => return None,
        };
        Some((len, hour * 60.0 + minute))
    }

    /// A clock time written with a full stop, "21.52" (of "21.52 BST"): rules
    /// take it only before a time zone, where it is no decimal number.
    pub fn dot_clock(&self, i: usize) -> Found {
        let (_, hour) = self.dotted_hour(i)?;
        let minute = self.minutes_after(i, self.classes.ids.dot)?;
        (hour <= 24.0).then_some((3, hour * 60.0 + minute))
    }

    /// The hour of "21.52": a one- or two-digit number glued to a full stop.
    fn dotted_hour(&self, i: usize) -> Found {
        let t = self.tok(i)?;
        (t.kind == Kind::Number && t.len() <= 2 && self.is_punct(i + 1, self.classes.ids.dot))
            .then(|| Some((1, t.value? as f64)))
            .flatten()
    }

    /// The two-digit minutes glued after `sep` at token `i + 1` ("30" of "10:30").
    fn minutes_after(&self, i: usize, sep: u32) -> Option<f64> {
        if !(self.is_punct(i + 1, sep) && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let m = self.tok(i + 2)?;
        (m.has_digits(2) && m.value? < 60)
            .then(|| m.value.map(|v| v as f64))
            .flatten()
    }

    /// A fraction written with a slash: "1/2", "3/4".
    pub fn fraction(&self, i: usize) -> Found {
        let (_, num) = self.int(i, 2).or_else(|| {
            // `int` refuses "1" of "1/2" as part of a bigger number; read it directly.
            let t = self.tok(i)?;
            (t.kind == Kind::Number && t.len() <= 2).then_some((1, t.value? as f64))
        })?;
        if !(self.is_punct(i + 1, self.classes.ids.slash) && self.glued(i + 1) && self.glued(i + 2))
        {
            return None;
        }
        let den = self.tok(i + 2)?;
        if den.kind != Kind::Number || den.len() > 2 {
            return None;
        }
        let den = den.value? as f64;
        (den > num && num > 0.0).then_some((3, num / den))
    }
}
