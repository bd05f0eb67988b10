//! Classes of mistakes: every miss, false alarm and wrong extent, type or
//! value of a [`Report`] put in a class named after what went wrong, so that
//! a tagger's errors can be counted by kind and compared with another's.
//!
//! The classes depend only on the gold, the prediction and the text around
//! them, never on the tagger, so the same classification applies to any
//! tagger's output (ours, HeidelTime's). Classes come in two families:
//!
//! - the anchoring and recognition errors news shows (issue 19): a number
//!   after a naming noun taken for a year, a famous date's year, a clock time
//!   apart from its day, a weekday on the wrong side, a reporting period, a
//!   relative expression on the wrong anchor, an age taken for a duration, the
//!   page's own dateline;
//! - general classes of extent (which words one side has that the other has
//!   not, by their kind: a determiner, a modifier, a number, an "ago"), and of
//!   missed and spurious expressions by their shape.

use std::collections::BTreeMap;
use std::fmt;

use annals_core::calendar;

use crate::report::{Mistake, MistakeKind, Report};
use crate::timeml::{Document, Timex};

/// A class of mistake, with its counts as `Display` prints them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Class(pub String);

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Mistake counts by class, in class order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Classes {
    /// How many mistakes each class has.
    pub counts: BTreeMap<Class, usize>,
}

impl Classes {
    /// Classifies every mistake of `report`, whose documents are `docs`.
    pub fn of(docs: &[Document], report: &Report) -> Classes {
        let mut counts = BTreeMap::new();
        for (m, doc) in with_docs(docs, report) {
            *counts.entry(classify(doc, m)).or_insert(0) += 1;
        }
        Classes { counts }
    }

    /// The count of one class (0 when it has none).
    pub fn count(&self, class: &str) -> usize {
        self.counts
            .get(&Class(class.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// The total of the classes whose name starts with `prefix`.
    pub fn total(&self, prefix: &str) -> usize {
        self.counts
            .iter()
            .filter(|(c, _)| c.0.starts_with(prefix))
            .map(|(_, n)| n)
            .sum()
    }
}

/// Each mistake with the document it is in.
pub fn with_docs<'a>(
    docs: &'a [Document],
    report: &'a Report,
) -> impl Iterator<Item = (&'a Mistake, &'a Document)> {
    report.mistakes.iter().filter_map(move |m| {
        let doc = docs.iter().find(|d| d.name == m.doc)?;
        Some((m, doc))
    })
}

/// The class of one mistake in `doc`.
pub fn classify(doc: &Document, m: &Mistake) -> Class {
    let text = Context::new(&doc.text);
    let dct = doc.dct.map(|d| d.format("%Y-%m-%d").to_string());
    let class = match (m.kind, &m.gold, &m.system) {
        (MistakeKind::Span, Some(g), Some(s)) => span_class(&text, g, s),
        (MistakeKind::Type, Some(g), Some(s)) => format!("type: {} as {}", g.kind, s.kind),
        (MistakeKind::Value, Some(g), Some(s)) => value_class(&text, g, s, dct.as_deref()),
        (MistakeKind::Miss, Some(g), _) => {
            let issue = issue_class(&text, g, None);
            issue.unwrap_or_else(|| format!("miss {}: {}", g.kind, shape(&g.text)))
        }
        (MistakeKind::FalseAlarm, _, Some(s)) => {
            let issue = issue_class(&text, s, None);
            issue.unwrap_or_else(|| format!("false alarm {}: {}", s.kind, shape(&s.text)))
        }
        _ => "unclassified".to_owned(),
    };
    Class(class)
}

/// The document text by characters, for looking around an expression.
struct Context {
    chars: Vec<char>,
}

impl Context {
    fn new(text: &str) -> Context {
        Context {
            chars: text.chars().collect(),
        }
    }

    /// Up to `n` words before character `at`, lower-cased, nearest last.
    fn words_before(&self, at: usize, n: usize) -> Vec<String> {
        let start = at.saturating_sub(80);
        let before: String = self.chars[start..at.min(self.chars.len())].iter().collect();
        let words = words(&before);
        words[words.len().saturating_sub(n)..].to_vec()
    }

    /// The raw text before character `at`, up to `n` characters.
    fn raw_before(&self, at: usize, n: usize) -> String {
        let start = at.saturating_sub(n);
        self.chars[start..at.min(self.chars.len())].iter().collect()
    }

    /// The raw text after character `at`, up to `n` characters.
    fn raw_after(&self, at: usize, n: usize) -> String {
        let end = (at + n).min(self.chars.len());
        self.chars[at.min(end)..end].iter().collect()
    }

    /// Up to `n` words after character `at`, lower-cased.
    fn words_after(&self, at: usize, n: usize) -> Vec<String> {
        let words = words(&self.raw_after(at, 80));
        words.into_iter().take(n).collect()
    }

    /// The text between two character offsets.
    fn slice(&self, from: usize, to: usize) -> String {
        let to = to.min(self.chars.len());
        self.chars[from.min(to)..to].iter().collect()
    }

    /// Whether character `at` is the first of its line, after blank space.
    fn line_start(&self, at: usize) -> bool {
        self.raw_before(at, 200)
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
    }

    /// The line holding character `at`.
    fn line(&self, at: usize) -> String {
        let before = self.raw_before(at, 300);
        let after = self.raw_after(at, 300);
        let head = before.rsplit('\n').next().unwrap_or("");
        let tail = after.split('\n').next().unwrap_or("");
        format!("{head}{tail}")
    }
}

/// The words of a text, lower-cased; punctuation marks are words of their own.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// A month's name or short form ("sept"), from the program's one table of them.
fn is_month(w: &str) -> bool {
    calendar::month_named(w).is_some()
}

/// A weekday's full name ("saturday"; "sat" is too often another word).
fn is_weekday(w: &str) -> bool {
    calendar::WEEKDAYS.iter().any(|n| n.full == w)
}

const UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "weekend",
    "month",
    "quarter",
    "year",
    "decade",
    "century",
    "period",
    "season",
    "term",
    "fortnight",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
];
const MODIFIERS: &[&str] = &[
    "about",
    "around",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "some",
    "more",
    "less",
    "than",
    "over",
    "under",
    "at",
    "least",
    "most",
    "up",
    "to",
    "just",
    "only",
    "early",
    "late",
    "mid",
    "end",
    "beginning",
    "start",
    "middle",
    "past",
    "last",
    "next",
    "recent",
    "first",
    "coming",
    "previous",
    "following",
    "later",
    "earlier",
    "fiscal",
    "full",
    "same",
    "current",
    "of",
];
/// Nouns that name something by a number written after them: "Local 1520", "Flight 800".
const NAMING_NOUNS: &[&str] = &[
    "local",
    "flight",
    "route",
    "highway",
    "interstate",
    "precinct",
    "case",
    "no",
    "number",
    "room",
    "suite",
    "gate",
    "platform",
    "bus",
    "train",
    "line",
    "district",
    "ward",
    "unit",
    "squad",
    "battalion",
    "regiment",
    "division",
    "brigade",
    "company",
    "lot",
    "exit",
    "pier",
    "apartment",
    "box",
    "article",
    "section",
    "chapter",
    "rule",
    "resolution",
    "bill",
    "proposition",
    "measure",
    "amendment",
    "model",
    "version",
    "boeing",
    "airbus",
    "cessna",
    "dow",
    "index",
    "code",
    "form",
    "channel",
    "street",
    "avenue",
    "road",
    "pages",
    "page",
    "item",
    "code",
    "tomahawk",
];

/// A word's kind, for naming what one extent has that the other has not.
fn word_kind(w: &str) -> &'static str {
    if DETERMINERS.contains(&w) {
        "determiner"
    } else if MODIFIERS.contains(&w) {
        "modifier"
    } else if w.chars().all(|c| c.is_ascii_digit()) {
        "number"
    } else if is_month(w) {
        "month"
    } else if is_weekday(w) {
        "weekday"
    } else if UNITS.contains(&w.trim_end_matches('s')) {
        "unit"
    } else if matches!(
        w,
        "ago" | "earlier" | "later" | "before" | "after" | "since"
    ) {
        "ago/later"
    } else if matches!(w, "," | "." | "-" | "'" | "’" | "/" | ":") {
        "punctuation"
    } else if matches!(w, "morning" | "afternoon" | "evening" | "night" | "tonight") {
        "part of day"
    } else if matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "twelve"
            | "twenty"
            | "thirty"
            | "hundred"
            | "few"
            | "several"
            | "many"
            | "couple"
    ) {
        "number word"
    } else {
        "other word"
    }
}

/// The shape of an expression, for missed and spurious ones.
fn shape(text: &str) -> String {
    let ws = words(text);
    let has = |list: &[&str]| ws.iter().any(|w| list.contains(&w.as_str()));
    let unit = ws
        .iter()
        .any(|w| UNITS.contains(&w.trim_end_matches('s')) || w == "centuries");
    let digits = ws.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
    let kind = if ws.iter().any(|w| is_month(w)) {
        "month name"
    } else if ws.iter().any(|w| is_weekday(w)) {
        "weekday"
    } else if digits && ws.len() == 1 {
        "bare number"
    } else if unit {
        "unit phrase"
    } else if digits {
        "digits"
    } else if has(&[
        "now",
        "current",
        "currently",
        "recent",
        "recently",
        "past",
        "future",
        "present",
        "once",
        "former",
        "formerly",
        "today",
        "tomorrow",
        "yesterday",
        "tonight",
        "time",
        "moment",
    ]) {
        "reference word"
    } else if has(&[
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "midnight",
    ]) {
        "part of day"
    } else if has(&["spring", "summer", "fall", "autumn", "winter"]) {
        "season"
    } else {
        "other"
    };
    kind.to_owned()
}

/// A mistake of extent: what one side has at each end that the other has not.
fn span_class(text: &Context, g: &Timex, s: &Timex) -> String {
    let (g_s, g_e, s_s, s_e) = (g.start, g.end, s.start, s.end);
    let mut parts = Vec::new();
    let describe = |from: usize, to: usize| {
        let ws = words(&text.slice(from, to));
        let kind = ws.first().map_or("space", |w| word_kind(w));
        kind.to_owned()
    };
    if g_s < s_s {
        parts.push(format!("cut at start ({})", describe(g_s, s_s)));
    } else if s_s < g_s {
        parts.push(format!("extra at start ({})", describe(s_s, g_s)));
    }
    if s_e < g_e {
        // the first word left out after the system's end
        parts.push(format!("cut at end ({})", describe(s_e, g_e)));
    } else if g_e < s_e {
        parts.push(format!("extra at end ({})", describe(g_e, s_e)));
    }
    format!("extent: {}", parts.join(", "))
}

/// A wrong value: how it is wrong.
fn value_class(text: &Context, g: &Timex, s: &Timex, dct: Option<&str>) -> String {
    if let Some(issue) = issue_class(text, g, Some(s)) {
        return issue;
    }
    let (gv, sv) = (g.value.as_str(), s.value.as_str());
    let is_day = |v: &str| v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
    let kind = if gv.starts_with('P') && sv.starts_with('P') {
        if gv.contains('X') != sv.contains('X') {
            "duration: vague vs counted"
        } else {
            "duration: amount or unit"
        }
    } else if gv.ends_with("_REF") || sv.ends_with("_REF") {
        "reference vs date"
    } else if gv.starts_with('P') != sv.starts_with('P') {
        "duration vs point"
    } else if gv.starts_with(sv) || sv.starts_with(gv) {
        "granularity"
    } else if gv.starts_with("XXXX") || sv.starts_with("XXXX") {
        "unanchored vs anchored"
    } else if gv.get(4..) == sv.get(4..) && gv.get(..4) != sv.get(..4) {
        "year only"
    } else if is_day(gv) && is_day(sv) {
        let after_dct = |v: &str| dct.is_some_and(|d| v > d);
        if after_dct(gv) != after_dct(sv) {
            "day: wrong side of the DCT"
        } else {
            "day: other"
        }
    } else if gv.get(..4) == sv.get(..4) {
        "same year, other period"
    } else {
        "other"
    };
    format!("value: {kind}")
}

/// The classes of issue 19, where the expression shows one.
fn issue_class(text: &Context, t: &Timex, system: Option<&Timex>) -> Option<String> {
    let ws = words(&t.text);
    let before = text.words_before(t.start, 2);
    let after = text.words_after(t.end, 2);
    let raw_after = text.raw_after(t.end, 6);
    // 1. "Local 1520": a bare number after a naming noun.
    if ws.len() == 1
        && ws[0].chars().all(|c| c.is_ascii_digit())
        && before
            .last()
            .is_some_and(|w| NAMING_NOUNS.contains(&w.as_str()))
    {
        return Some("issue: number after a naming noun".into());
    }
    // 7. An age: "12-year-old", "a 15-year girl", "aged 40".
    if raw_after.starts_with("-old")
        || raw_after.starts_with(" old")
        || after.first().is_some_and(|w| w == "old")
        || before.last().is_some_and(|w| w == "aged")
    {
        return Some("issue: an age".into());
    }
    // 8. The page's own dateline or timestamp: a line of its own at the top, or
    // after "published", "updated", "posted".
    let line = text.line(t.start).to_lowercase();
    if t.start < 200 && text.line_start(t.start)
        || [
            "published:",
            "updated:",
            "posted:",
            "published on",
            "posted on",
        ]
        .iter()
        .any(|w| line.contains(w))
    {
        return Some("issue: page dateline or timestamp".into());
    }
    let system = system?;
    let (gv, sv) = (t.value.as_str(), system.value.as_str());
    // 3. A clock time said with its day.
    if t.kind == "TIME" && gv.get(..10) != sv.get(..10) {
        return Some("issue: clock time on the wrong day".into());
    }
    // 5. A reporting period: a quarter, a half, a fiscal year.
    if gv.contains('Q') || sv.contains('Q') || gv.contains('H') && gv.len() == 7 {
        return Some("issue: reporting period".into());
    }
    // 6. A relative expression: "a year later", "two weeks ago", "the past 30 years".
    if ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "ago" | "later" | "earlier" | "past" | "last" | "next"
        )
    }) {
        return Some("issue: relative expression anchored wrong".into());
    }
    // 4. A weekday on the wrong side of the DCT.
    if ws.iter().any(|w| is_weekday(w)) {
        return Some("issue: weekday on the wrong side".into());
    }
    // 2. A month and day named without a year: which year.
    let no_year = !ws.iter().any(|w| w.len() == 4 && w.parse::<u32>().is_ok());
    if no_year
        && ws.iter().any(|w| is_month(w))
        && gv.get(4..) == sv.get(4..)
        && gv.get(..4) != sv.get(..4)
    {
        return Some("issue: a month and day without a year, wrong year".into());
    }
    None
}

impl fmt::Display for Classes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (class, n) in &self.counts {
            writeln!(f, "{n:5}  {class}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Prediction, score};

    fn doc(body: &str) -> Document {
        let tml = format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2007-03-10\" \
             functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT>{body}</TEXT>"
        );
        Document::from_tml("D.tml", &tml).unwrap()
    }

    fn classes(body: &str, preds: Vec<Prediction>) -> Vec<String> {
        let d = doc(body);
        let r = score(std::slice::from_ref(&d), &[preds]);
        r.mistakes
            .iter()
            .map(|m| classify(&d, m).0)
            .collect::<Vec<_>>()
    }

    fn t(v: &str, s: &str) -> String {
        format!("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"{v}\">{s}</TIMEX3>")
    }

    #[test]
    fn a_cut_determiner_and_a_year_after_a_naming_noun() {
        let body = format!(
            "Members of Local 1520 met {} to vote.",
            t("2007-W09", "last week")
        );
        // the tagger found "week" only and the year 1520
        let d = doc(&body);
        let week = d.text.find("week").unwrap();
        let local = d.text.find("1520").unwrap();
        let got = classes(
            &body,
            vec![
                Prediction::new(local, local + 4, "DATE", "1520"),
                Prediction::new(week, week + 4, "DATE", "2007-W09"),
            ],
        );
        assert_eq!(
            got,
            [
                "issue: number after a naming noun",
                "extent: cut at start (modifier)"
            ]
        );
    }

    #[test]
    fn an_age_and_a_missed_month() {
        let body = format!(
            "A 12-year-old girl was found in {}.",
            t("2007-02", "February")
        );
        let d = doc(&body);
        let age = d.text.find("12-year").unwrap();
        let got = classes(
            &body,
            vec![Prediction::new(age, age + 7, "DURATION", "P12Y")],
        );
        assert_eq!(got, ["issue: an age", "miss DATE: month name"]);
    }

    #[test]
    fn a_weekday_on_the_wrong_side() {
        let body = format!(
            "The trial is set to begin on {}.",
            t("2007-03-14", "Wednesday")
        );
        let d = doc(&body);
        let at = d.text.find("Wednesday").unwrap();
        let got = classes(
            &body,
            vec![Prediction::new(at, at + 9, "DATE", "2007-03-07")],
        );
        assert_eq!(got, ["issue: weekday on the wrong side"]);
    }
}
