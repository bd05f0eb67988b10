//! Any text through the temporal tagger, against a date taken from the first
//! bytes: tagging never panics, expressions are in order and never overlap,
//! and their offsets (bytes and characters) point at their text.
#![no_main]

use annals_tagger::Tagger;
use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, &str)| {
    static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
    let tagger = TAGGER.get_or_init(Tagger::new);
    let (days, text) = input;
    let dct = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Days::new(u64::from(days));
    let found = tagger.tag(text, dct);
    let mut last_end = 0;
    for t in &found {
        assert!(t.byte_start >= last_end && t.byte_start < t.byte_end);
        assert_eq!(&text[t.byte_start..t.byte_end], t.text);
        assert_eq!(text[..t.byte_start].chars().count(), t.start);
        assert_eq!(t.end - t.start, t.text.chars().count());
        let _ = t.value.to_string();
        last_end = t.byte_end;
    }
});
