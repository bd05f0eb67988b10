//! What a passage states: its quantities (a number, what it counts, how
//! exact, and whether it is a level, a change or the level before one), its
//! durations and its dates, each with the words that state it.
//!
//! Dates and durations are the tagger's; numbers are read by the tagger's
//! number parser, and the words around them are looked up in the rule tables.

use std::borrow::Cow;
use std::ops::Range;

use annals_tagger::{Date, DayPart, DayTime, Duration, Mod, Tagger, Timex, TimexType, Unit, Value};
use chrono::{Datelike, Days, NaiveDate};

use crate::rules::{Modifier, Relation, Rules};

/// A value a passage states.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// What the value is of: only values of the same fact are compared.
    pub fact: Fact,
    /// The value, normalised so that the same value in other words is equal.
    pub value: Normal,
    /// Byte range of the words stating it, in the text given.
    pub span: Range<usize>,
    /// For a duration counted from a date the tagger knows ("within 14
    /// months of the signing"): the first and last day it covers.
    pub reach: Option<(NaiveDate, NaiveDate)>,
}

/// The fact a value is of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fact {
    /// A quantity of something (`counted`, canonical), in one relation.
    Quantity {
        /// What it counts: "troops".
        counted: String,
        /// Level, change, or the level before the change.
        relation: Relation,
    },
    /// How long something lasts or takes.
    Duration,
    /// When something happened.
    Date,
    /// A date named with another thing ("the September 11 attacks", "since
    /// 2009"): not a claim of when the event happened, but a sign that the
    /// passage has the event's date in mind when it matches it.
    Mentioned,
}

/// A value, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Normal {
    /// A number or a range, in thousandths, with how exact it is said to be.
    Number {
        /// The lower end (the number itself when not a range).
        lo: i64,
        /// The upper end.
        hi: i64,
        /// "about", "more than", …
        modifier: Modifier,
    },
    /// A length in minutes, days or months (the three are never mixed up:
    /// a month has no fixed number of days), `None` for "a few", with the
    /// tagger's modifier.
    Length {
        /// How many.
        amount: Option<u64>,
        /// 0 minutes, 1 days, 2 months, 3 an unknown unit.
        scale: u8,
        /// The TIMEX3 `mod`, as its code.
        modifier: u8,
    },
    /// An interval of time in minutes since 1 January of year 1, end exclusive.
    Interval {
        /// First minute.
        start: i64,
        /// One past the last minute.
        end: i64,
    },
}

impl Normal {
    /// Whether two dates overlap (a month and a day in it do): the test for
    /// dates, which may be written at different precisions.
    pub fn overlaps(&self, other: &Normal) -> bool {
        match (self, other) {
            (Normal::Interval { start: a, end: b }, Normal::Interval { start: c, end: d }) => {
                a < d && c < b
            }
            _ => self == other,
        }
    }
}

/// Reads passages.
pub struct Reader<'r> {
    /// The rule tables.
    pub rules: &'r Rules,
    /// The tagger.
    pub tagger: &'r Tagger,
}

/// A token of a passage: a word (lower-cased), a number, or a mark.
#[derive(Debug, Clone)]
struct Token<'t> {
    span: Range<usize>,
    /// Borrowed from the text when it is lower case already, as most words are.
    lower: Cow<'t, str>,
    word: bool,
}

impl Reader<'_> {
    /// Everything `text` (a passage published on `published`) states.
    pub fn read(&self, text: &str, published: NaiveDate) -> Vec<Found> {
        self.read_in(text, 0..text.len(), published)
    }

    /// What `context[quote]` states, its dates read in their context (the
    /// paragraph), so that "later that year" finds the year written before
    /// it. Spans are into the quote.
    pub fn read_in(&self, context: &str, quote: Range<usize>, published: NaiveDate) -> Vec<Found> {
        self.read_tagged(context, quote, &self.tagger.tag(context, published))
    }

    /// Like [`Reader::read_in`], with the context already tagged (`tagged`
    /// is what [`Tagger::tag`] finds in it): several passages of one
    /// paragraph need it tagged only once.
    pub fn read_tagged(&self, context: &str, quote: Range<usize>, tagged: &[Timex]) -> Vec<Found> {
        let text = &context[quote.clone()];
        let mut timexes: Vec<Timex> = tagged
            .iter()
            .filter(|t| quote.start <= t.byte_start && t.byte_end <= quote.end)
            .cloned()
            .collect();
        for t in &mut timexes {
            t.byte_start -= quote.start;
            t.byte_end -= quote.start;
        }
        let tokens = tokenize(text);
        let mut out = Vec::new();
        for t in &timexes {
            let span = t.byte_start..t.byte_end;
            match (t.kind, t.value) {
                (TimexType::Duration, Value::Duration(d)) => {
                    let start = lead_in(&tokens, span.start, DURATION_LEAD);
                    out.push(Found {
                        fact: Fact::Duration,
                        value: length(d, t.modifier),
                        span: start..span.end,
                        reach: t.resolved_start.zip(t.resolved_end),
                    });
                }
                (TimexType::Date | TimexType::Time, value) => {
                    if let Some(interval) = interval(value) {
                        let (fact, start) = if self.adverbial(&tokens, &span) {
                            (Fact::Date, lead_in(&tokens, span.start, DATE_LEAD))
                        } else {
                            (Fact::Mentioned, span.start)
                        };
                        out.push(Found {
                            fact,
                            value: interval,
                            span: start..span.end,
                            reach: None,
                        });
                    }
                }
                _ => {}
            }
        }
        let in_timex = |r: &Range<usize>| {
            timexes
                .iter()
                .any(|t| r.start < t.byte_end && t.byte_start < r.end)
        };
        let (cardinals, values): (Vec<Range<usize>>, Vec<f64>) = self
            .tagger
            .cardinals(text)
            .iter()
            .map(|c| (c.byte_start..c.byte_end, c.value))
            .filter(|(r, _)| !in_timex(r))
            .unzip();
        let mut quantities = Vec::new();
        let mut k = 0;
        while k < cardinals.len() {
            let (q, used) = self.quantity(text, &tokens, &cardinals, &values, k);
            quantities.extend(q);
            k += used;
        }
        // A number that says nothing of what it counts counts what the
        // numbers next to it in the sentence count: "its forces down to
        // 8600 from 13,000".
        for i in 0..quantities.len() {
            if quantities[i].counted.is_none() {
                let near = (0..quantities.len())
                    .filter(|&j| j != i && quantities[j].counted.is_some())
                    .filter(|&j| same_sentence(text, &quantities[i].span, &quantities[j].span))
                    .min_by_key(|&j| quantities[j].span.start.abs_diff(quantities[i].span.start));
                if let Some(j) = near {
                    quantities[i].counted = quantities[j].counted.clone();
                }
            }
        }
        for q in quantities {
            if let Some(counted) = q.counted {
                out.push(Found {
                    fact: Fact::Quantity {
                        counted,
                        relation: q.relation,
                    },
                    value: Normal::Number {
                        lo: thousandths(q.lo),
                        hi: thousandths(q.hi),
                        modifier: q.modifier,
                    },
                    span: q.span,
                    reach: None,
                });
            }
        }
        out.sort_by_key(|f| f.span.start);
        out
    }

    /// The quantity of the cardinal at `cardinals[k]` (and of a range it
    /// starts); how many cardinals it takes.
    fn quantity(
        &self,
        text: &str,
        tokens: &[Token],
        cardinals: &[Range<usize>],
        values: &[f64],
        k: usize,
    ) -> (Option<Quantity>, usize) {
        let rules = self.rules;
        let number = &cardinals[k];
        let first = tokens.partition_point(|t| t.span.start < number.start);
        let after = tokens.partition_point(|t| t.span.start < number.end);
        // Before the number: a modifier, then the relation.
        let mut start = number.start;
        let mut at = first;
        let mut modifier = Modifier::Exact;
        if let Some((len, m)) = cue(tokens, at, rules.longest_cue, |p| rules.modifiers.get(p)) {
            modifier = *m;
            at -= len;
            start = tokens[at].span.start;
        }
        let mut relation = Relation::Plain;
        if let Some((len, r)) = cue(tokens, at, rules.longest_cue, |p| rules.relations.get(p)) {
            relation = *r;
            at -= len;
            start = tokens[at].span.start;
        }
        let mut counted = None;
        // A currency sign before it: "$750".
        if first > 0
            && rules.counted.contains_key(&*tokens[first - 1].lower)
            && !tokens[first - 1].word
        {
            counted = rules.counted_name(&tokens[first - 1].lower);
            if start == number.start {
                start = tokens[first - 1].span.start;
            }
        }
        let (mut lo, mut hi) = (values[k], values[k]);
        let mut end = number.end;
        let mut used = 1;
        let mut next = after;
        // A range: "12,000 to 13,000", "between 300 and 400", "3-4".
        if let Some(joiner) = tokens.get(after)
            && matches!(joiner.lower.as_ref(), "to" | "-" | "–" | "and" | "or")
            && let Some(second) = cardinals.get(k + 1)
            && tokens
                .get(after + 1)
                .is_some_and(|t| t.span.start == second.start)
        {
            let v = values[k + 1];
            let between = first > 0 && tokens[first - 1].lower == "between";
            let to_again = {
                let after_second = tokens.partition_point(|t| t.span.start < second.end);
                tokens.get(after_second).is_some_and(|t| t.lower == "to")
            };
            let joiner_fits = match joiner.lower.as_ref() {
                "and" => between,
                "to" => relation != Relation::Before || to_again,
                _ => true,
            };
            if v > lo && joiner_fits && v <= lo * 10.0 {
                hi = v;
                end = second.end;
                used = 2;
                next = tokens.partition_point(|t| t.span.start < second.end);
            }
        }
        // A multiplier after it: "900 million".
        if let Some(t) = tokens.get(next)
            && let Some(m) = rules.multipliers.get(&*t.lower)
        {
            lo *= m;
            hi *= m;
            end = t.span.end;
            next += 1;
        }
        // What it counts, after it: "8,600 troops", "13,000 US troops", "a
        // 480-page report", "2.5%".
        if counted.is_none() {
            let mut i = next;
            let mut skipped = 0;
            if tokens.get(i).is_some_and(|t| t.lower == "-") {
                i += 1;
            }
            while let Some(t) = tokens.get(i) {
                if let Some(t2) = tokens.get(i + 1)
                    && let Some(name) = rules.counted.get(&format!("{} {}", t.lower, t2.lower))
                {
                    counted = Some(name.clone());
                    end = t2.span.end;
                    break;
                }
                if !t.word && !rules.counted.contains_key(&*t.lower) {
                    break;
                }
                if t.word && rules.skip.contains(&*t.lower) && skipped < 3 {
                    skipped += 1;
                    i += 1;
                    continue;
                }
                if let Some(name) = rules.counted_name(&t.lower)
                    && (rules.counted.contains_key(&*t.lower)
                        || t.lower.chars().all(char::is_alphabetic))
                {
                    counted = Some(name);
                    end = t.span.end;
                }
                break;
            }
        }
        // Or before it, in the same clause: "the number of American troops
        // in Afghanistan by 8,600".
        if counted.is_none() {
            let clause_start = text[..start]
                .rfind(['.', ';', ':', '!', '?', '"', '“', '”'])
                .map_or(0, |i| i + 1);
            counted = tokens[..at]
                .iter()
                .rev()
                .take_while(|t| t.span.start >= clause_start)
                .take(10)
                .find_map(|t| rules.counted.get(&*t.lower).cloned());
        }
        let written_in_words = text[number.clone()]
            .chars()
            .all(|c| c.is_alphabetic() || c == '-');
        if written_in_words && counted.is_none() {
            // "one of the negotiators": a word-number alone is no quantity.
            return (None, used);
        }
        (
            Some(Quantity {
                counted,
                relation,
                modifier,
                lo,
                hi,
                span: start..end,
            }),
            used,
        )
    }

    /// Whether a date is said of a happening ("on Oct. 7, 2001", "in July",
    /// "began Oct. 7"), rather than naming another ("the September 11
    /// attacks", "since 2009").
    fn adverbial(&self, tokens: &[Token], span: &Range<usize>) -> bool {
        let first = tokens.partition_point(|t| t.span.start < span.start);
        let after = tokens.partition_point(|t| t.span.start < span.end);
        let before = first.checked_sub(1).map(|i| tokens[i].lower.as_ref());
        if before.is_some_and(|w| ANCHORING.contains(&w)) {
            return false;
        }
        let prepositional = before.is_some_and(|w| DATE_LEAD.contains(&w));
        let next = tokens.get(after);
        // "today's 12,000": a possessive names a state, not a happening.
        let possessive = next.is_some_and(|t| t.lower == "'" && t.span.start == span.end);
        let attributive = possessive
            || next.is_some_and(|t| {
                t.word
                    && t.lower.chars().next().is_some_and(char::is_alphabetic)
                    && !self.rules.not_counted.contains(&*t.lower)
                    && !self.rules.skip.contains(&*t.lower)
            });
        !possessive && (prepositional || !attributive)
    }
}

/// Words before a date that make it the date of another happening.
const ANCHORING: &[&str] = &[
    "since",
    "after",
    "before",
    "until",
    "till",
    "following",
    "to",
    "of",
    "ahead",
    "prior",
];
/// Words before a date that belong with it.
const DATE_LEAD: &[&str] = &["on", "in", "at", "during", "by"];
/// Words before a duration that belong with it.
const DURATION_LEAD: &[&str] = &["within", "in", "for", "over", "after", "by"];

struct Quantity {
    counted: Option<String>,
    relation: Relation,
    modifier: Modifier,
    lo: f64,
    hi: f64,
    span: Range<usize>,
}

fn thousandths(v: f64) -> i64 {
    (v * 1000.0).round() as i64
}

/// The longest cue phrase ending just before token `at`: its length in
/// tokens and what the table says of it.
fn cue<'t, T>(
    tokens: &[Token],
    at: usize,
    longest: usize,
    lookup: impl Fn(&str) -> Option<&'t T>,
) -> Option<(usize, &'t T)> {
    let mut phrase = String::new();
    for len in (1..=longest.min(at)).rev() {
        let words = &tokens[at - len..at];
        // A phrase is words (and the apostrophes of "today's") in a row.
        if words.iter().any(|t| !t.word && t.lower != "'") {
            continue;
        }
        phrase.clear();
        for (i, t) in words.iter().enumerate() {
            let glued = i > 0 && (t.lower == "'" || words[i - 1].lower == "'");
            if i > 0 && !glued {
                phrase.push(' ');
            }
            phrase.push_str(&t.lower);
        }
        if let Some(found) = lookup(&phrase) {
            return Some((len, found));
        }
    }
    None
}

/// Where the value starting at `start` starts once a word before it that
/// belongs with it ("within", "on") is included.
fn lead_in(tokens: &[Token], start: usize, lead: &[&str]) -> usize {
    let i = tokens.partition_point(|t| t.span.start < start);
    match i.checked_sub(1).map(|j| &tokens[j]) {
        Some(t) if lead.contains(&t.lower.as_ref()) => t.span.start,
        _ => start,
    }
}

fn same_sentence(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (lo, hi) = if a.start < b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    lo >= hi || !text[lo..hi].contains(['.', ';', '!', '?'])
}

/// Splits a passage into words (letters and digits, with the apostrophe of
/// "today's" as a token of its own), and single marks.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let word = &text[i..end];
            tokens.push(Token {
                span: i..end,
                lower: if word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                {
                    Cow::Borrowed(word)
                } else {
                    Cow::Owned(word.to_lowercase())
                },
                word: true,
            });
        } else {
            let span = i..i + c.len_utf8();
            let lower = match c {
                '’' | '‘' => "'",
                '—' => "-",
                _ => &text[span.clone()],
            };
            tokens.push(Token {
                span,
                lower: Cow::Borrowed(lower),
                word: false,
            });
        }
    }
    tokens
}

/// A duration, normalised: weeks in days, quarters, years, decades and
/// centuries in months, hours in minutes.
fn length(d: Duration, modifier: Option<Mod>) -> Normal {
    let (unit_scale, factor) = scale(d.unit);
    let amount = d.amount.map(|a| {
        let rest = d.rest.map_or(0, |(n, unit)| {
            let (s, f) = scale(unit);
            if s == unit_scale { n * f } else { 0 }
        });
        a * factor + rest
    });
    Normal::Length {
        amount,
        scale: unit_scale,
        modifier: modifier.map_or(0, |m| m as u8 + 1),
    }
}

fn scale(unit: Unit) -> (u8, u64) {
    match unit {
        Unit::Second => (0, 0),
        Unit::Minute => (0, 1),
        Unit::Hour => (0, 60),
        Unit::Day => (1, 1),
        Unit::Week => (1, 7),
        Unit::Month => (2, 1),
        Unit::Quarter => (2, 3),
        Unit::Year => (2, 12),
        Unit::Decade => (2, 120),
        Unit::Century => (2, 1200),
        Unit::Millennium => (2, 12000),
        Unit::Unknown => (3, 1),
    }
}

const DAY: i64 = 24 * 60;

fn minutes(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) * DAY
}

fn days(first: NaiveDate, last: NaiveDate) -> Option<Normal> {
    Some(Normal::Interval {
        start: minutes(first),
        end: minutes(last) + DAY,
    })
}

/// The interval of time a date or time covers.
fn interval(value: Value) -> Option<Normal> {
    let ymd = NaiveDate::from_ymd_opt;
    match value {
        Value::Date(date) => match date {
            Date::Day(d) => days(d, d),
            Date::Week { year, week } | Date::Weekend { year, week } => {
                let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
                let weekend = matches!(date, Date::Weekend { .. });
                let first = if weekend {
                    monday.checked_add_days(Days::new(5))?
                } else {
                    monday
                };
                days(first, monday.checked_add_days(Days::new(6))?)
            }
            Date::Month { year, month } => {
                let first = ymd(year, month, 1)?;
                let next = first.checked_add_months(chrono::Months::new(1))?;
                days(first, next.pred_opt()?)
            }
            Date::Quarter { year, quarter } => months(year, (quarter - 1) * 3 + 1, 3),
            Date::Half { year, half } => months(year, (half - 1) * 6 + 1, 6),
            Date::Season { .. } => None,
            Date::Year(y) => days(ymd(y, 1, 1)?, ymd(y, 12, 31)?),
            Date::Decade(d) => days(ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?),
            Date::Century(c) => days(ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?),
        },
        Value::Time(d, time) => {
            let day = minutes(d);
            let (from, to) = match time {
                DayTime::Clock { hour, minute } => {
                    let at = i64::from(hour) * 60 + i64::from(minute);
                    (at, at + 1)
                }
                DayTime::Part(part) => match part {
                    DayPart::Morning => (6 * 60, 12 * 60),
                    DayPart::Afternoon => (12 * 60, 18 * 60),
                    DayPart::Evening => (18 * 60, 22 * 60),
                    DayPart::Night => (21 * 60, DAY + 6 * 60),
                    DayPart::Daytime => (6 * 60, 18 * 60),
                },
            };
            Some(Normal::Interval {
                start: day + from,
                end: day + to,
            })
        }
        _ => None,
    }
}

fn months(year: i32, first_month: u32, n: u32) -> Option<Normal> {
    let first = NaiveDate::from_ymd_opt(year, first_month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(n))?;
    days(first, next.pred_opt()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, String)> {
        read_all(text)
            .into_iter()
            .filter(|(what, _)| what != "Mentioned")
            .collect()
    }

    fn read_all(text: &str) -> Vec<(String, String)> {
        let rules = Rules::embedded().unwrap();
        let tagger = Tagger::new();
        let reader = Reader {
            rules: &rules,
            tagger: &tagger,
        };
        let day = NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
        reader
            .read(text, day)
            .into_iter()
            .map(|f| {
                let what = match &f.fact {
                    Fact::Quantity { counted, relation } => format!("{counted} {relation:?}"),
                    other => format!("{other:?}"),
                };
                (what, text[f.span].to_string())
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn levels_changes_and_the_level_before() {
        assert_eq!(
            read(
                "Washington would draw its forces down to 8600 from 13,000 in the next three to four months"
            ),
            pairs(&[
                ("troops Level", "down to 8600"),
                ("troops Before", "from 13,000"),
                ("Duration", "in the next three to four months"),
            ])
        );
        assert_eq!(
            read(
                "the country will begin to wind down its military presence by stepping down from today's 12,000 to 13,000 to 8,600 soldiers."
            ),
            pairs(&[
                ("troops Before", "from today's 12,000 to 13,000"),
                ("troops Level", "to 8,600 soldiers"),
            ])
        );
        assert_eq!(
            read("commits the US to withdrawing 8,600 troops within the first 135 days"),
            pairs(&[
                ("troops Change", "withdrawing 8,600 troops"),
                ("Duration", "within the first 135 days"),
            ])
        );
        assert_eq!(
            read(
                "the US will cut the number of American troops in Afghanistan by 8,600 in the first 135 days"
            ),
            pairs(&[
                ("troops Change", "by 8,600"),
                ("Duration", "in the first 135 days"),
            ])
        );
        assert_eq!(
            read(
                "If the Taliban meet their commitments, all 13,000 US troops would leave in 14 months."
            ),
            pairs(&[
                ("troops Before", "all 13,000 US troops"),
                ("Duration", "in 14 months"),
            ])
        );
    }

    #[test]
    fn the_same_value_in_other_words_is_equal() {
        let rules = Rules::embedded().unwrap();
        let tagger = Tagger::new();
        let reader = Reader {
            rules: &rules,
            tagger: &tagger,
        };
        let day = NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
        let value = |text: &str| reader.read(text, day)[0].value;
        assert_eq!(
            value("down to 8,600 troops"),
            value("down to 8600 soldiers")
        );
        assert_eq!(
            value("leave in 14 months"),
            value("leave in fourteen months")
        );
        assert_eq!(value("a 7-day truce"), value("a one-week truce"));
        assert_ne!(value("within 135 days"), value("within four months"));
        assert_ne!(value("about 300 people"), value("more than 300 people"));
        assert_eq!(
            value("worth 900 million euros"),
            value("a 900 million euro deal")
        );
    }

    #[test]
    fn dates_of_happenings_not_of_other_things() {
        assert_eq!(
            read(
                "The war in Afghanistan began Oct. 7, 2001 in response to the Sept. 11, 2001 terrorist attacks"
            ),
            pairs(&[("Date", "Oct. 7, 2001")])
        );
        assert_eq!(
            read_all("in response to the Sept. 11, 2001 terrorist attacks"),
            pairs(&[("Mentioned", "Sept. 11, 2001")])
        );
        assert_eq!(
            read("In July the talks began; since 2009, 100,000 people have been killed."),
            pairs(&[("Date", "In July"), ("people Plain", "100,000 people")])
        );
    }
}
