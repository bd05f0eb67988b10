//! Any text drafts without a panic, and a draft of news-like text writes a
//! timeline that loads back.

mod common;

use annals_draft::{Options, draft};
use annals_tagger::Tagger;
use chrono::NaiveDate;
use proptest::prelude::*;

fn published(days: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(u64::from(days))
}

/// Words and marks that exercise the rules: dates, durations, pronouns,
/// quotes, abbreviations, clause words.
const PIECES: &[&str] = &[
    "The",
    "US",
    "Taliban",
    "signed",
    "a",
    "deal",
    "on",
    "Saturday",
    "in",
    "2001",
    "Sept.",
    "11,",
    "within",
    "14",
    "months",
    "of",
    "the",
    "signing",
    "He",
    "said",
    "\u{201C}",
    "\u{201D}",
    "\"",
    "will",
    "leave",
    "last",
    "week",
    "since",
    "2004",
    "until",
    "May",
    "follows",
    "seven-day",
    ".",
    ",",
    ";",
    " - ",
    "\n\n",
    "\n",
    "Mr.",
    "which",
    "when",
    "One",
    "year",
    "later",
    "ago",
    "less",
    "than",
    "two",
    "weeks",
    "fiscal",
    "2008",
    "report",
    "according",
    "to",
    "é",
    "\u{2019}s",
    "(",
    ")",
    "Oct.",
    "7,",
    "2020",
    "today",
    "after",
    "more",
    "than",
    "a",
    "year",
    "of",
    "talks",
    "x\u{301}",
];

fn newsy() -> impl Strategy<Value = String> {
    let words =
        || prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|w| w.join(" "));
    // A dated sentence among the noise, so that most drafts have events.
    (words(), words()).prop_map(|(a, b)| format!("{a} The US signed a deal on Oct. 7, 2001. {b}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(
        bodies in prop::collection::vec("\\PC{0,200}", 1..4),
        days in 0u32..9000,
        about in prop::collection::vec("\\PC{0,8}", 0..2),
    ) {
        let tagger = Tagger::new();
        let sources = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| common::article(&format!("s{i}"), "t", published(days), b))
            .collect();
        let options = Options { about, ..Options::default() };
        let _ = draft(sources, &tagger, &options);
    }

    #[test]
    fn news_like_drafts_load_back(bodies in prop::collection::vec(newsy(), 1..4), days in 0u32..9000) {
        let tagger = Tagger::new();
        let sources: Vec<_> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| common::article(&format!("s{i}"), "t", published(days), b))
            .collect();
        let t = draft(sources, &tagger, &Options::default());
        if t.events.is_empty() {
            // Nothing to write: a timeline.toml needs events to load.
            return Ok(());
        }
        let dir = tempfile::tempdir().unwrap();
        let loaded = common::write_and_load(dir.path(), &t);
        prop_assert!(loaded.is_ok(), "{}", loaded.unwrap_err());
        let loaded = loaded.unwrap();
        prop_assert_eq!(loaded.events.len(), t.events.len());
        for (a, b) in loaded.events.iter().zip(&t.events) {
            prop_assert_eq!(&a.when(), &b.when());
            prop_assert_eq!(&a.date(), &b.date());
        }
    }
}

#[test]
fn empty_and_odd_inputs_give_empty_or_valid_drafts() {
    let tagger = Tagger::new();
    assert!(
        draft(Vec::new(), &tagger, &Options::default())
            .events
            .is_empty()
    );
    let odd = common::article("s", "t", published(0), "");
    assert!(
        draft(vec![odd], &tagger, &Options::default())
            .events
            .is_empty()
    );
    let options = Options {
        since: Some(published(10)),
        until: Some(published(5)),
        about: vec![String::new()],
        title: Some("Mine".into()),
        events: Some(3),
    };
    let a = common::article("s", "t", published(7), "The deal was signed on Saturday.");
    let t = draft(vec![a], &tagger, &options);
    assert_eq!((t.title.as_str(), t.events.len()), ("Mine", 0));
}

#[test]
fn since_and_until_each_keep_their_side_of_the_timeline() {
    let tagger = Tagger::new();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let articles = || {
        let on = day(2000, 3, 8);
        vec![
            common::article(
                "wire",
                "Acme and Zenith merge",
                on,
                "Acme Corp signed the merger with Zenith Ltd on March 6, 2000, the companies said. \
                 Acme Corp opened its Lyon plant on January 10, 1999.",
            ),
            common::article(
                "daily",
                "Acme merges with Zenith",
                on,
                "Acme Corp and Zenith Ltd signed their merger on March 6, 2000. \
                 Acme Corp had opened its Lyon plant on January 10, 1999, when Zenith Ltd was small.",
            ),
        ]
    };
    let starts = |options: &Options| -> Vec<String> {
        draft(articles(), &tagger, options)
            .events
            .iter()
            .map(|e| e.when().start.to_string())
            .collect()
    };
    let all = starts(&Options::default());
    assert!(
        all.contains(&"2000-03-06".to_string()) && all.contains(&"1999-01-10".to_string()),
        "{all:?}"
    );
    let since = starts(&Options {
        since: Some(day(2000, 1, 1)),
        ..Options::default()
    });
    assert!(since.contains(&"2000-03-06".to_string()), "{since:?}");
    assert!(!since.contains(&"1999-01-10".to_string()), "{since:?}");
    let until = starts(&Options {
        until: Some(day(1999, 12, 31)),
        ..Options::default()
    });
    assert!(until.contains(&"1999-01-10".to_string()), "{until:?}");
    assert!(!until.contains(&"2000-03-06".to_string()), "{until:?}");
}
