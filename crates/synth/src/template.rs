//! Filling the vocabulary's templates: the values their placeholders take, and
//! how numbers are written in them.

use std::fmt::Write as _;

use crate::model::{Event, Person};
use crate::vocab;

/// The values a template's placeholders take (listed in [`vocab`]).
pub(crate) struct Slots<'a> {
    pub(crate) p: &'a str,
    pub(crate) q: &'a str,
    pub(crate) r: &'a str,
    pub(crate) o: &'a str,
    pub(crate) l: &'a str,
    pub(crate) t: &'a str,
    pub(crate) n: i64,
    pub(crate) small: i64,
    pub(crate) w: &'a str,
}

/// Writes `template` with its placeholders filled.
pub(crate) fn fill(out: &mut String, template: &str, s: &Slots<'_>) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let key = rest.as_bytes()[open + 1];
        rest = &rest[open + 3..];
        match key {
            b'P' => out.push_str(s.p),
            b'Q' => out.push_str(s.q),
            b'R' => out.push_str(s.r),
            b'O' => out.push_str(s.o),
            b'L' => out.push_str(s.l),
            b'T' => out.push_str(s.t),
            b'N' => push_number(out, s.n),
            b'n' => {
                let _ = write!(out, "{}", s.small);
            }
            b'W' => out.push_str(s.w),
            other => unreachable!("unknown placeholder {{{}}}", other as char),
        }
    }
    out.push_str(rest);
}

/// `12500` as `12,500`.
pub(crate) fn push_number(out: &mut String, n: i64) {
    let digits = n.to_string();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
}

pub(crate) fn capitalize_first(s: &mut str) {
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
}

/// The values an event's templates take; `w` is how the article dates it.
pub(crate) fn slots<'a>(event: &Event, people: &'a [Person], w: &'a str) -> Slots<'a> {
    Slots {
        p: &people[event.person].name,
        q: &people[event.other].name,
        r: people[event.person].role,
        o: vocab::ORGS[event.org],
        l: vocab::PLACES[event.place],
        t: vocab::PROJECTS[event.project],
        n: event.number,
        small: 2 + (event.number % 17),
        w,
    }
}
