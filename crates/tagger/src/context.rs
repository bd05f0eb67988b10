//! Document context: sentences and their tense, the last quarter mentioned, and the anchors of
//! durations ("within 14 months of the signing").

use chrono::{Datelike, NaiveDate};

use super::lexicon::{ClassId, Lexicon};
use super::resolve::{self, Action, Ctx, Resolved, Tense};
use super::slots::{Slot, Slots};
use super::timex::{Role, Timex, TimexType};
use super::tokens::{Kind, Token};
use super::value::{Date, DayTime, Value};

/// How far (in tokens) around an earlier date an event word is looked for.
const EVENT_WINDOW: usize = 40;
/// How far (in tokens) the nearest tense marker is looked for.
const TENSE_WINDOW: usize = 12;
/// How many earlier dates are tried when dating an event.
const EVENT_LOOKBACK: usize = 16;
/// How far back (in tokens) the date last named still anchors "the next day",
/// "the following Monday", "two days later" and "a year earlier"; further,
/// the DCT does.
const NARRATIVE_WINDOW: usize = 80;

/// A rule match, resolved and placed in the text.
#[derive(Debug, Clone)]
pub struct Found {
    pub start_token: usize,
    pub end_token: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub resolved: Resolved,
    pub anchor: Option<NaiveDate>,
    /// Byte range of the words naming an event anchor.
    pub anchor_span: Option<(usize, usize)>,
    pub resolved_start: Option<NaiveDate>,
    pub resolved_end: Option<NaiveDate>,
}

/// Lexicon classes the context reads.
#[derive(Debug, Clone, Copy)]
struct ContextClasses {
    past: Option<ClassId>,
    future: Option<ClassId>,
    abbrev: Option<ClassId>,
    shortname: Option<ClassId>,
    event: Option<ClassId>,
    aheadto: Option<ClassId>,
    stamp: Option<ClassId>,
    month: Option<ClassId>,
    unit: Option<ClassId>,
    units: Option<ClassId>,
}

/// What the tagger knows about the document being tagged.
#[derive(Debug)]
pub struct Document<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex: &'a Lexicon,
    dct: NaiveDate,
    classes: ContextClasses,
    /// Sentence number of each token.
    sentence: Vec<u32>,
    /// Tense of each sentence.
    tense: Vec<Tense>,
    /// The tense each token marks, if it is a tense marker.
    marker: Vec<Option<Tense>>,
    last_quarter: Option<(i32, u32)>,
    /// The last year written out, for "that year" and "that September".
    last_year: Option<i32>,
    /// The last date named, for "one year later".
    last_date: Option<Date>,
    /// The first token after the date last named.
    last_date_end: usize,
    /// Day-precision dates found so far, with their first token.
    days: Vec<(usize, NaiveDate)>,
    /// Rule elements examined so far: a measure of the work done.
    pub work: u64,
}

impl<'a> Document<'a> {
    /// Splits the tokens into sentences and finds each sentence's tense.
    pub fn new(text: &'a str, tokens: &'a [Token], lex: &'a Lexicon, dct: NaiveDate) -> Self {
        let classes = ContextClasses {
            past: lex.class_id("past"),
            future: lex.class_id("future"),
            abbrev: lex.class_id("abbrev"),
            shortname: lex.class_id("shortname"),
            event: lex.class_id("event"),
            aheadto: lex.class_id("aheadto"),
            stamp: lex.class_id("stamp"),
            month: lex.class_id("month"),
            unit: lex.class_id("unit"),
            units: lex.class_id("units"),
        };
        let to = lex.id("to");
        let is = |id: u32, class: Option<ClassId>| class.is_some_and(|c| lex.is(id, c));
        let mut sentence = Vec::with_capacity(tokens.len());
        let mut marker = Vec::with_capacity(tokens.len());
        let mut tense = Vec::new();
        let (mut past, mut future) = (false, false);
        let mut current = 0u32;
        for (i, t) in tokens.iter().enumerate() {
            if t.para_before && i > 0 {
                tense.push(tense_of(past, future));
                (past, future) = (false, false);
                current += 1;
            }
            sentence.push(current);
            let mut mark = None;
            match t.kind {
                Kind::Word => {
                    // "is set to begin", but not "had been due to expire".
                    let after_past = (1..=2).any(|d| {
                        i.checked_sub(d)
                            .is_some_and(|p| is(tokens[p].id, classes.past))
                    });
                    let ahead_to = is(t.id, classes.aheadto)
                        && tokens.get(i + 1).is_some_and(|n| n.id == to)
                        && !after_past;
                    // "would have been", "we'd been": a past that did not happen.
                    // Compared without case and without a lower-cased copy: this
                    // runs at every word.
                    let word_is = |k: usize, words: &[&str]| {
                        tokens.get(k).is_some_and(|n| {
                            let w = &text[n.start..n.end];
                            words.iter().any(|x| w.eq_ignore_ascii_case(x))
                        })
                    };
                    let perfect = word_is(i + 1, &["have", "been"])
                        && word_is(i, &["would", "could", "should", "might", "d"]);
                    if perfect {
                        past = true;
                        mark = Some(Tense::Past);
                    } else if is(t.id, classes.future) || ahead_to {
                        future = true;
                        mark = Some(Tense::Future);
                    } else if is(t.id, classes.past)
                        || (looks_past(&text[t.start..t.end], t.cap) && !after_be(text, tokens, i))
                    {
                        past = true;
                        mark = Some(Tense::Past);
                    }
                }
                Kind::Punct if ends_sentence(&text[t.start..t.end]) => {
                    let prev = i.checked_sub(1).map(|p| &tokens[p]);
                    let abbreviation = prev.is_some_and(|p| {
                        p.kind == Kind::Word
                            && (p.end - p.start == 1
                                || is(p.id, classes.abbrev)
                                || is(p.id, classes.shortname))
                    });
                    if !abbreviation {
                        tense.push(tense_of(past, future));
                        (past, future) = (false, false);
                        current += 1;
                    }
                }
                _ => {}
            }
            marker.push(mark);
        }
        tense.push(tense_of(past, future));
        Document {
            text,
            tokens,
            lex,
            dct,
            classes,
            sentence,
            tense,
            marker,
            last_quarter: None,
            last_year: None,
            last_date: None,
            last_date_end: 0,
            days: Vec::new(),
            work: 0,
        }
    }

    /// The tense at a token: that of the nearest marker before it in its sentence ("said Friday
    /// that it will" is past for Friday), else of the nearest after it, else the sentence's.
    /// The verb a news sentence dates usually comes before the date ("planned a rally on
    /// Saturday and were planning to ..."), so a preceding marker wins over a closer following one.
    fn tense_at(&self, token: usize) -> Tense {
        let sentence = self.sentence.get(token).copied();
        let before = (1..=TENSE_WINDOW).filter_map(|d| token.checked_sub(d));
        let after = (1..=TENSE_WINDOW).filter_map(|d| token.checked_add(d));
        for k in before.chain(after) {
            if self.sentence.get(k).copied() == sentence
                && let Some(Some(t)) = self.marker.get(k)
            {
                return *t;
            }
        }
        sentence
            .and_then(|s| self.tense.get(s as usize))
            .copied()
            .unwrap_or(Tense::Present)
    }

    /// Resolves a rule match spanning tokens `start..end`, anchoring durations.
    pub fn resolve(
        &mut self,
        action: Action,
        kind: TimexType,
        slots: &Slots,
        start: usize,
        end: usize,
    ) -> Option<Found> {
        // "The Daily Mail", "the New York Daily News": a frequency word inside
        // a name is no set.
        if action == Action::Set && slots.has(Slot::Frequency) && self.in_a_name(start, end) {
            return None;
        }
        let period_end = if action == Action::Quarter {
            self.period_end(end)
        } else {
            None
        };
        let last_date = self.recent_date(start);
        let mut ctx = Ctx {
            dct: self.dct,
            tense: self.tense_at(start),
            // Only a month and day ("September 11") may take a year written
            // after them, and only the date action reads it.
            year_after: if action == Action::Date {
                self.year_after(end)
            } else {
                None
            },
            last_quarter: &mut self.last_quarter,
            last_year: &mut self.last_year,
            last_date,
            period_end,
        };
        // Arithmetic near the ends of the calendar ("June next year" in
        // 9999) may leave it: such a value is no date, whichever rule made it.
        let resolved =
            resolve::apply(action, kind, slots, &mut ctx).filter(|r| r.value.in_calendar())?;
        let mut found = Found {
            start_token: start,
            end_token: end,
            byte_start: self.tokens.get(start)?.start,
            byte_end: self.tokens.get(end.checked_sub(1)?)?.end,
            resolved,
            anchor: None,
            anchor_span: None,
            resolved_start: None,
            resolved_end: None,
        };
        if let Some(day) = found.resolved.day {
            self.days.push((start, day));
        }
        // The day a reporting period ends ("the quarter ended Sept. 30") is not
        // the date "a year earlier" counts from: the period is.
        let ends_period = start
            .checked_sub(1)
            .is_some_and(|b| self.word_is(b, &["ended", "ending", "through"]));
        // Nor is a date counted from the DCT ("a year ago").
        if let Value::Date(date) = found.resolved.value
            && found.resolved.kind == TimexType::Date
            && action != Action::Ago
            && !ends_period
        {
            self.last_date = Some(date);
            self.last_date_end = end;
        }
        if found.resolved.kind == TimexType::Duration || found.resolved.direction != 0 {
            self.anchor(&mut found);
        }
        Some(found)
    }

    /// The date last named, if it is near enough before token `at` to be
    /// what a narrative counts from ("the next day", "a year later").
    fn recent_date(&self, at: usize) -> Option<Date> {
        self.last_date
            .filter(|_| at.saturating_sub(self.last_date_end) <= NARRATIVE_WINDOW)
    }

    /// The day last named, if it is a day and near enough before token `at`.
    fn recent_day(&self, at: usize) -> Option<NaiveDate> {
        match self.recent_date(at) {
            Some(Date::Day(day)) => Some(day),
            _ => None,
        }
    }

    /// A year written shortly after token `end` in the same sentence, as in
    /// "the September 11 attacks in 2001": up to three words, then "in" or
    /// "of", then a four-digit year.
    fn year_after(&self, end: usize) -> Option<i32> {
        const WORDS_BETWEEN: usize = 3;
        let sentence = self.sentence.get(end.checked_sub(1)?)?;
        for k in end..=end + WORDS_BETWEEN {
            let token = self.tokens.get(k)?;
            if self.sentence.get(k) != Some(sentence) || token.kind != Kind::Word {
                return None;
            }
            if self.word_is(k, &["in", "of"]) {
                let year = self.tokens.get(k + 1)?;
                let value = year.value.filter(|_| year.has_digits(4))?;
                let after = self.tokens.get(k + 2);
                // "in 2001-02" or "in 2001/02" is something else.
                let ends = after
                    .is_none_or(|t| t.kind != Kind::Number && !self.word_is(k + 2, &["-", "/"]));
                return ((1000..3000).contains(&value) && ends)
                    .then(|| i32::try_from(value).ok())
                    .flatten();
            }
        }
        None
    }

    /// The month and day a reporting period ends, written after it: "(which)
    /// ended|ending|that ended|through March 31".
    fn period_end(&self, end: usize) -> Option<(u32, u32)> {
        let mut k = end;
        if self.word_is(k, &["which", "that"]) {
            k += 1;
        }
        if !self.word_is(k, &["ended", "ending", "ends", "through"]) {
            return None;
        }
        let (len, month) = self
            .lex
            .match_class(self.classes.month?, self.tokens, k + 1)?;
        let day = self.tokens.get(k + 1 + len)?;
        let d = day
            .value
            .filter(|d| day.kind == Kind::Number && (1..=31).contains(d))?;
        Some((month.parse().ok()?, u32::try_from(d).ok()?))
    }

    /// Whether the capitalised words `start..end` are part of a name: a
    /// capitalised word comes just before them in their sentence, or just after.
    fn in_a_name(&self, start: usize, end: usize) -> bool {
        let capitalised_word = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word && t.cap && !t.para_before)
        };
        let first = &self.tokens[start];
        if !first.cap {
            return false;
        }
        let opens_sentence = start == 0
            || first.para_before
            || self.sentence.get(start - 1) != self.sentence.get(start);
        (!opens_sentence && capitalised_word(start - 1))
            || (capitalised_word(end) && self.sentence.get(end) == self.sentence.get(start))
    }

    fn word_at(&self, i: usize) -> Option<&'a str> {
        let t = self.tokens.get(i)?;
        Some(&self.text[t.start..t.end])
    }

    fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.word_at(i)
            .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }

    /// Finds the point a duration is counted from and the calendar days it covers.
    fn anchor(&self, found: &mut Found) {
        let Some(span) = found.resolved.span else {
            return;
        };
        let end = found.end_token;
        let mut direction = found.resolved.direction;
        let mut anchor = None;
        // "... of/after/from the signing": an event anchor.
        let is_duration = found.resolved.kind == TimexType::Duration;
        if is_duration && self.word_is(end, &["of", "after", "from", "following", "since"]) {
            let mut j = end + 1;
            if self.word_is(
                j,
                &["the", "its", "his", "her", "their", "this", "that", "a"],
            ) {
                j += 1;
            }
            if let (Some(class), Some(t)) = (self.classes.event, self.tokens.get(j))
                && let Some(stem) = self.lex.value_of(class, t.id)
            {
                let day = self.event_date(stem, found.start_token).unwrap_or(self.dct);
                anchor = Some(day);
                found.anchor_span = Some((self.tokens[end + 1].start, t.end));
                direction = 1;
            }
        }
        // "Two days later": counted from the day last named ("it exploded on
        // 20 April and sank two days later"), as "one year later" is.
        if anchor.is_none()
            && is_duration
            && let Some(day) = self.recent_day(found.start_token)
        {
            if self.word_is(end, &["later", "afterwards", "afterward"]) {
                anchor = Some(day);
                direction = 1;
            } else if self.word_is(end, &["earlier"]) {
                anchor = Some(day);
                direction = -1;
            }
        }
        if anchor.is_none() {
            let before = found.start_token.checked_sub(1);
            let cue_forward = before.is_some_and(|b| {
                self.word_is(b, &["within"])
                    || (self.word_is(b, &["in"]) && self.tense_at(b) == Tense::Future)
            });
            if direction == 0 && cue_forward && is_duration {
                direction = 1;
            }
            if direction != 0 {
                anchor = Some(self.dct);
            }
        }
        let Some(day) = anchor else {
            return;
        };
        let (start, end) = if direction < 0 {
            (span.before(day), resolve_prev(day))
        } else {
            (Some(day), span.after(day))
        };
        if let (Some(s), Some(e)) = (start, end) {
            found.anchor = Some(day);
            found.resolved_start = Some(s);
            found.resolved_end = Some(e);
        } else {
            found.anchor_span = None;
        }
    }

    /// The date of an event: the nearest earlier day-precision date with a word of the event's
    /// stem near it ("signed ... on Feb. 29").
    fn event_date(&self, stem: &str, before: usize) -> Option<NaiveDate> {
        let stem = stem.as_bytes();
        self.days
            .iter()
            .rev()
            .filter(|(t, _)| *t < before)
            .take(EVENT_LOOKBACK)
            .find(|(t, _)| {
                let sentence = self.sentence.get(*t).copied();
                let lo = t.saturating_sub(EVENT_WINDOW);
                let hi = (t + EVENT_WINDOW).min(self.tokens.len());
                (lo..hi).any(|k| {
                    let tok = &self.tokens[k];
                    let word = &self.text.as_bytes()[tok.start..tok.end];
                    self.sentence.get(k).copied() == sentence
                        && word.len() >= stem.len()
                        && word[..stem.len()].eq_ignore_ascii_case(stem)
                })
            })
            .map(|(_, d)| *d)
    }

    /// Turns the matches into [`Timex`]es with character offsets: clock times
    /// take the day written next to them, and the page's own timestamps are marked.
    pub fn finish(self, mut found: Vec<Found>) -> Vec<Timex> {
        self.add_range_ends(&mut found);
        self.date_the_clock_times(&mut found);
        let roles: Vec<Option<Role>> = (0..found.len()).map(|k| self.role(&found, k)).collect();
        let zone = found
            .iter()
            .find_map(|f| f.resolved.zone.filter(|z| !z.is_utc()));
        let mut chars = 0;
        let mut byte = 0;
        let mut count_to = |to: usize| {
            chars += self.text[byte..to].chars().count();
            byte = to;
            chars
        };
        let mut out = Vec::with_capacity(found.len());
        for (f, role) in found.into_iter().zip(roles) {
            let start = count_to(f.byte_start);
            let end = count_to(f.byte_end);
            let r = f.resolved;
            out.push(Timex {
                start,
                end,
                byte_start: f.byte_start,
                byte_end: f.byte_end,
                text: self.text[f.byte_start..f.byte_end].to_string(),
                kind: r.kind,
                value: r.value,
                modifier: r.modifier,
                anchor: f.anchor,
                anchor_text: f.anchor_span.map(|(s, e)| self.text[s..e].to_string()),
                resolved_start: f.resolved_start,
                resolved_end: f.resolved_end,
                role,
                local_date: role.and(local_date(&r, zone)),
            });
        }
        out
    }

    /// The other end of a range written with one month or century: "April
    /// 14-18", "April 16 and 17", "17-19 June 2011", "1975-90", "1910/11". The
    /// bare number is a date of its own, in the month or century of the other.
    fn add_range_ends(&self, found: &mut Vec<Found>) {
        let mut ends = Vec::new();
        // Matches are in token order and do not overlap: a token is inside
        // one only if it is inside the last that starts at or before it (a
        // bisection: a scan of every match per date was quadratic in the
        // dates of a text).
        let taken = |t: usize| {
            let at = found.partition_point(|g| g.start_token <= t);
            at.checked_sub(1).is_some_and(|g| t < found[g].end_token)
        };
        for (k, f) in found.iter().enumerate() {
            let free =
                |t: usize| !taken(t) && self.tokens.get(t).is_some_and(|t| t.kind == Kind::Number);
            let after = f.end_token + 1;
            let before = f.start_token.checked_sub(2);
            let made = match f.resolved.value {
                Value::Date(Date::Day(day)) if f.resolved.kind == TimexType::Date => {
                    let joins =
                        |t: usize| self.word_is(t, &["-", "to", "through", "and", "until", "or"]);
                    // The number must be a day on its own, not "14-18 years".
                    let bare = |t: usize| {
                        let is_unit = |id: u32| {
                            [self.classes.unit, self.classes.units]
                                .into_iter()
                                .flatten()
                                .any(|c| self.lex.is(id, c))
                        };
                        self.tokens[t].len() <= 2
                            && self.tokens.get(t + 1).is_none_or(|n| match n.kind {
                                Kind::Punct => !self.word_is(t + 1, &["-", "/", ":", "%"]),
                                Kind::Word => !is_unit(n.id) && !self.word_is(t + 1, &["percent"]),
                                Kind::Number => false,
                            })
                    };
                    let day_of = |t: usize| {
                        let d = u32::try_from(self.tokens[t].value?).ok()?;
                        day.with_day(d)
                    };
                    let end = (free(after) && joins(f.end_token) && bare(after))
                        .then(|| day_of(after).filter(|d| *d > day).map(|d| (after, d)))
                        .flatten();
                    let first_is_day = self.tokens[f.start_token].kind == Kind::Number;
                    let start = before
                        .filter(|&b| free(b) && joins(b + 1) && first_is_day)
                        .filter(|&b| self.tokens[b].len() <= 2)
                        .and_then(|b| day_of(b).filter(|d| *d < day).map(|d| (b, d)));
                    end.into_iter()
                        .chain(start)
                        .map(|(t, d)| (t, Date::Day(d)))
                        .collect::<Vec<_>>()
                }
                Value::Date(Date::Year(year)) if f.end_token == f.start_token + 1 => {
                    // "1975-90", "1910/11", "1827/8": glued, and no "2001-02-03".
                    let joined = self.word_is(f.end_token, &["-", "/"])
                        && self
                            .tokens
                            .get(f.end_token)
                            .is_some_and(|t| !t.space_before)
                        && self.tokens.get(after).is_some_and(|t| !t.space_before)
                        && !self.word_is(after + 1, &["-", "/"]);
                    let end = (joined && free(after))
                        .then(|| {
                            let t = &self.tokens[after];
                            let step = match t.len() {
                                1 => 10,
                                2 => 100,
                                _ => return None,
                            };
                            let v = i32::try_from(t.value?).ok()?;
                            let mut y = year - year.rem_euclid(step) + v;
                            if y <= year {
                                y += step;
                            }
                            Some((after, Date::Year(y)))
                        })
                        .flatten();
                    end.into_iter().collect()
                }
                _ => Vec::new(),
            };
            for (t, date) in made {
                ends.push((k, t, date));
            }
        }
        // A number between two dates may be claimed by both: once is enough.
        ends.sort_by_key(|e| e.1);
        ends.dedup_by_key(|e| e.1);
        if ends.is_empty() {
            return;
        }
        // Merged into the matches in one pass (an insert each was quadratic).
        let mut made = ends.into_iter().map(|(_, t, date)| {
            let token = &self.tokens[t];
            Found {
                start_token: t,
                end_token: t + 1,
                byte_start: token.start,
                byte_end: token.end,
                resolved: Resolved::plain(TimexType::Date, Value::Date(date)),
                anchor: None,
                anchor_span: None,
                resolved_start: None,
                resolved_end: None,
            }
        });
        let old = std::mem::take(found);
        found.reserve(old.len() + made.len());
        let mut next = made.next();
        for g in old {
            while let Some(e) = next.take_if(|e| e.start_token < g.start_token) {
                found.push(e);
                next = made.next();
            }
            found.push(g);
        }
        found.extend(next);
        found.extend(made);
    }

    /// "11:30 p.m. on Saturday", "Saturday at 11:30 p.m.", "02:31 GMT, 12 March
    /// 2013": a clock time without a day of its own takes the day written next to it.
    fn date_the_clock_times(&self, found: &mut [Found]) {
        let day_of = |f: &Found| match f.resolved.value {
            Value::Date(Date::Day(d)) => Some(d),
            Value::Time(d, _) if !f.resolved.floating => Some(d),
            _ => None,
        };
        for k in 0..found.len() {
            if !found[k].resolved.floating {
                continue;
            }
            let next = found.get(k + 1).filter(|n| {
                self.joins(
                    found[k].end_token,
                    n.start_token,
                    &["on", ",", "of", "|", "-"],
                )
            });
            let prev = k.checked_sub(1).map(|p| &found[p]).filter(|p| {
                self.joins(
                    p.end_token,
                    found[k].start_token,
                    &["at", ",", "|", "-", "from", "by"],
                )
            });
            let Some(day) = next.and_then(day_of).or_else(|| prev.and_then(day_of)) else {
                continue;
            };
            if let Value::Time(d, clock) = &mut found[k].resolved.value {
                *d = day;
                let _ = clock;
                found[k].resolved.floating = false;
            }
        }
    }

    /// Whether tokens `from..to` are at most two of `words` (or none), in one sentence.
    fn joins(&self, from: usize, to: usize, words: &[&str]) -> bool {
        to >= from
            && to - from <= 2
            && self.sentence.get(from.saturating_sub(1)) == self.sentence.get(to)
            && (from..to).all(|k| self.word_is(k, words))
    }

    /// The role of expression `k` on the page: a timestamp labelled "Published",
    /// "Updated", "Posted" on its line (the nearest label before it wins, so
    /// "PUBLISHED: … | UPDATED: …" gives each its own), or a dateline: a line
    /// near the top holding only dates and times, or the date after the place
    /// that opens a story ("WASHINGTON, Feb. 29 (Reuters) -").
    fn role(&self, found: &[Found], k: usize) -> Option<Role> {
        let f = &found[k];
        // The label: the nearest stamp word before the expression on its line.
        let stamp = self.classes.stamp?;
        let mut j = f.start_token;
        while j > 0 && f.start_token - j < 16 {
            let gap = &self.text[self.tokens[j - 1].end..self.tokens[j].start];
            if gap.contains('\n') {
                break;
            }
            j -= 1;
            if let Some(role) = self.lex.value_of(stamp, self.tokens[j].id) {
                return Role::from_label(role);
            }
        }
        // Datelines are at the top: only the first lines are looked at, so the
        // cost stays bounded whatever the article's length.
        if f.byte_end > DATELINE_BYTES {
            return None;
        }
        // A date with its time of day at the top, as pages stamp themselves and
        // agencies head their copy ("LONDON | Tue Jun 7, 2011 6:39 pm BST LONDON
        // (Reuters) -"), even where a crawl ran the page into one paragraph.
        if f.resolved.stamp {
            return Some(Role::Published);
        }
        let mut cut = self.text.len().min(DATELINE_BYTES * 2);
        while !self.text.is_char_boundary(cut) {
            cut -= 1;
        }
        let top = &self.text[..cut];
        let line_start = top[..f.byte_start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = top[f.byte_end..]
            .find('\n')
            .map_or(top.len(), |p| f.byte_end + p);
        if top[..line_start].bytes().filter(|&b| b == b'\n').count() >= DATELINE_LINES {
            return None;
        }
        let line = &top[line_start..line_end];
        let on_line = found
            .iter()
            .take_while(|g| g.byte_start < line_end)
            .filter(|g| g.byte_start >= line_start && g.byte_end <= line_end);
        let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
        let in_dates: usize = on_line
            .map(|g| letters(&self.text[g.byte_start..g.byte_end]))
            .sum();
        // A line of dates and times, with perhaps a weekday, before the story:
        // "Saturday 29 February 2020".
        let story_follows = !self.text[line_end..].trim().is_empty();
        if story_follows
            && f.resolved.modifier.is_none()
            && letters(line) <= in_dates + weekday_letters(line)
        {
            return Some(Role::Published);
        }
        // "WASHINGTON, Feb. 29 (Reuters) -": capitals and a comma, the date, then
        // an agency in brackets or a dash.
        let before = &self.text[line_start..f.byte_start];
        let after = self.text[f.byte_end..line_end].trim_start();
        let place = before.trim_end().strip_suffix(',').is_some_and(|p| {
            !p.trim().is_empty()
                && p.chars().all(|c| !c.is_lowercase())
                && p.chars().any(char::is_uppercase)
        });
        let opens = after.starts_with(['(', '-', '\u{2014}', '\u{2013}']);
        (place && opens).then_some(Role::Published)
    }
}

/// How far into an article (in bytes) a dateline may be.
const DATELINE_BYTES: usize = 400;
/// How many lines may come before a dateline.
const DATELINE_LINES: usize = 6;

/// The day a timestamp in UTC falls on in the zone the article gives for its
/// place ("02:31 GMT, 12 March 2013" is the evening of 11 March in New York).
fn local_date(r: &Resolved, zone: Option<resolve::Zone>) -> Option<NaiveDate> {
    let (Value::Time(day, DayTime::Clock { hour, minute }), Some(stamp), Some(zone)) =
        (r.value, r.zone.filter(|z| z.is_utc()), zone)
    else {
        return None;
    };
    let at = day.and_hms_opt(hour.min(23), minute, 0)?;
    let shift = zone.offset_on(day) - stamp.offset_on(day);
    Some((at + chrono::Duration::minutes(i64::from(shift))).date())
}

/// How many letters of a line are weekday names (and their short forms),
/// which a dateline may hold beside its date: "Saturday 29 February 2020".
fn weekday_letters(line: &str) -> usize {
    line.split(|c: char| !c.is_alphabetic())
        .filter(|w| annals_core::calendar::weekday_named(w).is_some())
        .map(str::len)
        .sum()
}

/// The day before `day`: a span counted back from an anchor ends the day before it.
fn resolve_prev(day: NaiveDate) -> Option<NaiveDate> {
    day.pred_opt()
}

fn tense_of(past: bool, future: bool) -> Tense {
    match (past, future) {
        (_, true) => Tense::Future,
        (true, false) => Tense::Past,
        (false, false) => Tense::Present,
    }
}

fn ends_sentence(punct: &str) -> bool {
    matches!(punct, "." | "!" | "?")
}

/// Whether the word before token `i` is a form of "be" that makes it a passive participle
/// ("will be named", "is expected"): the tense is then the auxiliary's, not the participle's.
fn after_be(text: &str, tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| {
            let w = &text[p.start..p.end];
            ["be", "been", "being", "is", "are"]
                .iter()
                .any(|b| w.eq_ignore_ascii_case(b))
        })
}

/// A lower-case word ending in "-ed" is most likely a past-tense verb or participle.
fn looks_past(word: &str, cap: bool) -> bool {
    !cap && word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed")
}
