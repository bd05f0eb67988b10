//! Any text as a date of `timeline.toml`: reading and resolving it never
//! panics, a resolved date stays within years 1 to 9999 and starts no later
//! than it ends, and a date written back reads as the same date.
#![no_main]

use annals_core::When;
use annals_core::date::parse_str;
use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(spec) = parse_str(text) else { return };
    let anchor = When::day(NaiveDate::from_ymd_opt(2020, 2, 29).unwrap());
    if let Ok(when) = spec.resolve(&anchor) {
        assert!(when.start <= when.end, "{text:?}");
        for d in [when.start, when.end] {
            assert!((1..=9999).contains(&d.year()), "{text:?} -> {d}");
        }
        let _ = (when.label(), when.human());
    }
    if let Some(written) = spec.as_written() {
        assert_eq!(parse_str(&written).ok(), Some(spec), "{text:?} written as {written:?}");
    }
});
