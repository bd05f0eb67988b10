//! Publication dates from the top of an article: the dateline a news article
//! opens with ("March 01, 2008", "Saturday 29 February 2020",
//! "WASHINGTON, Feb. 29 (Reuters) -", "2020-02-29"), for articles saved
//! without front matter.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::calendar;

/// How far into the body a dateline may be: the first few lines.
const LINES: usize = 3;
const BYTES: usize = 300;
/// How much of the body is read for one at most, however long its first
/// line: an article of one 50 MB line was tokenised whole (1.1 GB, 50 s).
const MOST: usize = 1024;
/// The longest line that can be only a date ("Wednesday, 30 September 2020").
const LONGEST_DATE: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    Number(&'a str),
    Punct(char),
}

fn tokens(text: &str) -> Vec<(Tok<'_>, Range<usize>)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let same = |d: char| {
            if c.is_ascii_digit() {
                d.is_ascii_digit()
            } else {
                d.is_alphabetic()
            }
        };
        if c.is_ascii_digit() || c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !same(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let word = &text[i..end];
            let tok = if c.is_ascii_digit() {
                Tok::Number(word)
            } else {
                Tok::Word(word)
            };
            out.push((tok, i..end));
        } else {
            out.push((Tok::Punct(c), i..i + c.len_utf8()));
        }
    }
    out
}

fn month(tok: Tok<'_>) -> Option<u32> {
    let Tok::Word(w) = tok else { return None };
    calendar::month_named(w)
}

fn number(tok: Tok<'_>, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    match tok {
        Tok::Number(n) if digits.contains(&n.len()) => n.parse().ok(),
        _ => None,
    }
}

/// Whether a line is only a date: "June 9, 2008", "Saturday 29 February 2020".
pub fn is_only_a_date(line: &str) -> bool {
    if line.len() > LONGEST_DATE {
        return false;
    }
    let Some((_, span)) = find(line, NaiveDate::MIN) else {
        return false;
    };
    let rest = format!("{} {}", &line[..span.start], &line[span.end..]);
    tokens(&rest).iter().all(|(t, _)| match t {
        Tok::Word(w) => calendar::weekday_named(w).is_some(),
        Tok::Punct(_) => true,
        Tok::Number(_) => false,
    })
}

/// A dateline date with its byte range in `body`. A day and month without a
/// year take the latest year in which that day falls on or before `saved`.
pub fn find(body: &str, saved: NaiveDate) -> Option<(NaiveDate, Range<usize>)> {
    let mut end = 0;
    for (n, line) in body.split_inclusive('\n').enumerate() {
        if n >= LINES && !body[..end].trim().is_empty() || end >= BYTES {
            break;
        }
        end += line.len();
    }
    let mut end = end.min(MOST).min(body.len());
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let top = &body[..end];
    let toks = tokens(top);
    let tok = |i: usize| toks.get(i).map(|t| t.0);
    let skip_dot = |i: usize| {
        if tok(i) == Some(Tok::Punct('.')) {
            i + 1
        } else {
            i
        }
    };
    let skip_comma = |i: usize| {
        if tok(i) == Some(Tok::Punct(',')) {
            i + 1
        } else {
            i
        }
    };
    let mut without_year = None;
    for i in 0..toks.len() {
        let start = toks[i].1.start;
        let span = |last: usize| start..toks[last].1.end;
        // 2020-02-29
        if let (Some(y), Some(Tok::Punct('-')), Some(m), Some(Tok::Punct('-')), Some(d)) = (
            tok(i).and_then(|t| number(t, 4..=4)),
            tok(i + 1),
            tok(i + 2).and_then(|t| number(t, 2..=2)),
            tok(i + 3),
            tok(i + 4).and_then(|t| number(t, 2..=2)),
        ) && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
        {
            return Some((date, span(i + 4)));
        }
        // March 01, 2008 / Feb. 29
        if let Some(m) = tok(i).and_then(month) {
            let j = skip_dot(i + 1);
            if let Some(d) = tok(j).and_then(|t| number(t, 1..=2)) {
                let k = skip_comma(j + 1);
                if let Some(y) = tok(k).and_then(|t| number(t, 4..=4)) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                        return Some((date, span(k)));
                    }
                } else if without_year.is_none() {
                    without_year = Some((m, d, span(j)));
                }
            }
        }
        // 29 February 2020 / 29 Feb.
        if let Some(d) = tok(i).and_then(|t| number(t, 1..=2))
            && let Some(m) = tok(i + 1).and_then(month)
        {
            let k = skip_comma(skip_dot(i + 2));
            if let Some(y) = tok(k).and_then(|t| number(t, 4..=4)) {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                    return Some((date, span(k)));
                }
            } else if without_year.is_none() {
                without_year = Some((m, d, span(i + 1)));
            }
        }
    }
    let (m, d, span) = without_year?;
    // The latest such day on or before the day the article was saved (29
    // February looks back to the last leap year).
    (0..8).find_map(|back| {
        let date = NaiveDate::from_ymd_opt(saved.year() - back, m, d)?;
        (date <= saved).then_some((date, span.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn found(body: &str) -> Option<NaiveDate> {
        find(body, d(2026, 11, 23)).map(|(date, _)| date)
    }

    #[test]
    fn only_the_top_of_an_endless_first_line_is_read() {
        let mut line = "29 February 2020 The talks went on".to_string();
        while line.len() < 1 << 20 {
            line.push_str(" and on and on, said é");
        }
        assert_eq!(found(&line), Some(d(2020, 2, 29)));
        // A date deep in the first line is no dateline.
        let deep = format!("{} 1 March 2020", &line[34..5000]);
        assert_eq!(found(&deep), None);
        assert!(!is_only_a_date(&line));
        assert!(is_only_a_date("Wednesday, 30 September 2020"));
    }

    #[test]
    fn datelines_of_every_usual_form() {
        assert_eq!(
            found("March 01, 2008\n\nApple said..."),
            Some(d(2008, 3, 1))
        );
        assert_eq!(
            found("Saturday 29 February 2020\nThe deal"),
            Some(d(2020, 2, 29))
        );
        assert_eq!(found("Tuesday, March 1, 2008 — text"), Some(d(2008, 3, 1)));
        assert_eq!(found("2020-02-29\nbody"), Some(d(2020, 2, 29)));
        assert_eq!(found("DOHA (AP) — Sept. 12, 2001: x"), Some(d(2001, 9, 12)));
        let (date, span) = find("WASHINGTON, Feb. 29 (Reuters) - The", d(2026, 11, 23)).unwrap();
        assert_eq!(
            date,
            d(2024, 2, 29),
            "the last 29 February before the file was saved"
        );
        assert_eq!(&"WASHINGTON, Feb. 29 (Reuters) - The"[span], "Feb. 29");
        assert_eq!(
            find("LONDON, Dec. 24 (Reuters) -", d(2026, 11, 23)).map(|x| x.0),
            Some(d(2025, 12, 24))
        );
    }

    #[test]
    fn lines_that_are_only_a_date() {
        assert!(is_only_a_date("June 9, 2008"));
        assert!(is_only_a_date("Saturday, 29 February 2020."));
        assert!(is_only_a_date("Tue Mar 1, 2011"));
        assert!(!is_only_a_date("Sun readers, Mar 1, 2011"));
        assert!(!is_only_a_date("WASHINGTON, Feb. 29, 2020 (Reuters) - The"));
        assert!(!is_only_a_date("The deal"));
    }

    #[test]
    fn no_dateline_no_date() {
        assert_eq!(found("The treaty was signed on Saturday in Doha."), None);
        assert_eq!(found("May I say something?"), None);
        assert_eq!(found("February 30, 2020\n"), None);
        let late = "One.\nTwo.\nThree.\nFour.\nMarch 1, 2008";
        assert_eq!(found(late), None, "only the top of the article");
    }
}
