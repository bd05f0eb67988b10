//! Dates a person types: a year (`2010`), a month (`2010-06`, `June 2010`,
//! `Feb 2020`) or a day (`2010-06-07`, `7 June 2010`, `June 7, 2010`), read
//! one way wherever a date is typed: `--since`, `--until`, `--published`,
//! `--dct` and the explorer's jump prompt.
//!
//! There is no second date parser here: the numeric forms are the ones
//! `timeline.toml` writes, read by the core ([`date::parse_str`], which also
//! explains impossible dates: "there is no month 13"), and written forms are
//! read by the temporal tagger, which knows every way news writes a month.
//! Every error ends with examples.

use annals_core::date::{self, DateSpec};
use annals_core::text::sanitize_line;
use annals_core::{Precision, When};
use annals_tagger::Tagger;
use annals_tagger::value::{Date, Value};
use chrono::NaiveDate;

/// The forms a typed date may take, for errors.
pub const EXAMPLES: &str =
    "write a year (2010), a month (2010-06, June 2010) or a day (2010-06-07, 7 June 2010)";

/// Reads a typed year, month or day as the span of days it covers.
pub fn parse(text: &str) -> Result<When, String> {
    let text = text.trim();
    let shown = sanitize_line(text);
    if text.is_empty() {
        return Err(format!("no date given: {EXAMPLES}"));
    }
    if text.starts_with(|c: char| c.is_ascii_digit()) && !text.contains(char::is_whitespace) {
        // The numeric forms, with the core's own words for what is wrong.
        return match date::parse_str(text) {
            Ok(spec) => spec
                .absolute()
                .and_then(Result::ok)
                .ok_or_else(|| format!("“{shown}” is not a date: {EXAMPLES}")),
            Err(e) if e.message.starts_with("cannot read") => {
                Err(format!("“{shown}” is not a date: {EXAMPLES}"))
            }
            Err(e) => Err(format!("“{shown}”: {} ({}); {EXAMPLES}", e.message, e.help)),
        };
    }
    written(text).ok_or_else(|| format!("“{shown}” is not a date: {EXAMPLES}"))
}

/// A date written in words ("June 2010", "Feb. 29, 2020"), read by the
/// tagger: one expression covering the whole text, with its year written (so
/// that "June" alone does not silently mean this year's).
fn written(text: &str) -> Option<When> {
    if !text
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4)
    {
        return None;
    }
    // News writes "June" and "Feb."; people type "june" and "feb": words
    // are capitalised, and short ones tried again with news's full stop.
    let words: Vec<String> = text.split_whitespace().map(capitalised).collect();
    let abbreviated: Vec<String> = words
        .iter()
        .map(|w| {
            let short = (2..=4).contains(&w.len()) && w.chars().all(char::is_alphabetic);
            if short { format!("{w}.") } else { w.clone() }
        })
        .collect();
    [words, abbreviated]
        .iter()
        .find_map(|words| tagged(&words.join(" ")))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The one year, month or day the tagger finds covering all of `text`.
fn tagged(text: &str) -> Option<When> {
    // The year is written, so the reference day only breaks ties of form.
    let today = chrono::Local::now().date_naive();
    let found = Tagger::new().tag(text, today);
    let [one] = found.as_slice() else {
        return None;
    };
    let rest =
        text[..one.byte_start].trim().len() + text[one.byte_end..].trim_matches('.').trim().len();
    if rest > 0 {
        return None;
    }
    let spec = match one.value {
        Value::Date(Date::Day(day)) => DateSpec::Day(day),
        Value::Date(Date::Month { year, month }) => DateSpec::Month { year, month },
        Value::Date(Date::Year(year)) => DateSpec::Year(year),
        _ => return None,
    };
    spec.absolute().and_then(Result::ok)
}

/// Reads a typed day, for options that need one (`--published`, `--dct`).
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let when =
        parse(text).map_err(|e| e.replace(EXAMPLES, "write a day (2010-06-07, 7 June 2010)"))?;
    match when.precision {
        Precision::Day => Ok(when.start),
        other => Err(format!(
            "“{}” is a {}, not a day: write the day, as {} (or 7 June 2010)",
            sanitize_line(text.trim()),
            if other == Precision::Year {
                "year"
            } else {
                "month"
            },
            when.start.format("%Y-%m-%d")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> (String, String, Precision) {
        let w = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (w.start.to_string(), w.end.to_string(), w.precision)
    }

    #[test]
    fn a_year_a_month_and_a_day_in_numbers_and_words() {
        let june = ("2010-06-01".into(), "2010-06-30".into(), Precision::Month);
        for text in [
            "2010-06",
            "June 2010",
            "june 2010",
            "Jun 2010",
            " June 2010 ",
        ] {
            assert_eq!(span(text), june, "{text}");
        }
        let feb = ("2020-02-01".into(), "2020-02-29".into(), Precision::Month);
        assert_eq!(span("Feb 2020"), feb);
        assert_eq!(span("February 2020"), feb);
        let year = ("2010-01-01".into(), "2010-12-31".into(), Precision::Year);
        assert_eq!(span("2010"), year);
        let day = ("2010-06-07".into(), "2010-06-07".into(), Precision::Day);
        for text in ["2010-06-07", "7 June 2010", "June 7, 2010", "June 7, 2010."] {
            assert_eq!(span(text), day, "{text}");
        }
    }

    #[test]
    fn every_error_gives_examples() {
        for (text, says) in [
            ("2010-13-01", "there is no month 13"),
            ("2010-02-30", "February 2010 has 28 days"),
            ("0", "is not a date"),
            ("June", "is not a date"),
            ("yesterday", "is not a date"),
            ("Feb 2020 and more", "is not a date"),
            ("", "no date given"),
            ("2010-6", "is not a date"),
        ] {
            let e = parse(text).expect_err(text);
            assert!(e.contains(says), "{text}: {e}");
            assert!(e.contains("June 2010"), "{text}: {e}");
        }
    }

    #[test]
    fn a_day_is_asked_for_where_only_a_day_will_do() {
        assert_eq!(
            parse_day("7 June 2010").ok(),
            NaiveDate::from_ymd_opt(2010, 6, 7)
        );
        let e = parse_day("June 2010").expect_err("a month");
        assert!(e.contains("not a day") && e.contains("2010-06-01"), "{e}");
        let e = parse_day("2010-13-01").expect_err("no month 13");
        assert!(
            e.contains("there is no month 13") && e.contains("7 June 2010"),
            "{e}"
        );
    }
}
