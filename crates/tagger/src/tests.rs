//! Unit and property tests of the tagger: hand-checked expressions, the JSON shape, robustness.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::{LEXICON_SOURCE, PATTERNS_SOURCE, Tagger, Timex, TimexType};

/// The bundled articles' publication date.
const SEED_DCT: &str = "2020-02-29";

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

fn tagger() -> &'static Tagger {
    static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
    TAGGER.get_or_init(Tagger::new)
}

fn tag(text: &str, dct: &str) -> Vec<Timex> {
    tagger().tag(text, date(dct))
}

/// The one expression whose text is `text`.
fn find<'a>(found: &'a [Timex], text: &str) -> &'a Timex {
    let hits: Vec<_> = found.iter().filter(|t| t.text == text).collect();
    assert_eq!(hits.len(), 1, "expected one {text:?} in {found:#?}");
    hits[0]
}

/// Tags `text` and checks the type and value of the expression `expr`.
fn check(text: &str, dct: &str, expr: &str, kind: TimexType, value: &str) {
    let found = tag(text, dct);
    let t = find(&found, expr);
    assert_eq!(
        (t.kind, t.value.to_string().as_str()),
        (kind, value),
        "{text:?}"
    );
}

#[test]
fn embedded_tables_parse() {
    let t = Tagger::from_sources(LEXICON_SOURCE, PATTERNS_SOURCE);
    assert!(t.is_ok(), "{:?}", t.err());
    let t = t.unwrap_or_default();
    assert!(t.tables.rules.rules().len() > 100);
    // The tables every Tagger::new shares, read through the one loader.
    assert_eq!(crate::check_tables(), Ok(()));
}

#[test]
fn broken_tables_are_reported_with_their_line() {
    let err = Tagger::from_sources("[number]\none 1", PATTERNS_SOURCE).err();
    assert!(err.is_some_and(|e| e.0.contains("lexicon.txt:2")));
    // The names of months and weekdays come from the program's one table.
    let err = Tagger::from_sources("[month]\njanuary = 1", PATTERNS_SOURCE).err();
    assert!(err.is_some_and(|e| e.0.contains("lexicon.txt:1: class defined twice")));
    let err = Tagger::from_sources(LEXICON_SOURCE, "@nosuchclass => DATE date").err();
    assert!(err.is_some_and(|e| e.0.contains("unknown class")));
    let err = Tagger::from_sources(LEXICON_SOURCE, "@month => DATE nosuchaction").err();
    assert!(err.is_some_and(|e| e.0.contains("unknown action")));
}

#[test]
fn seed_article_expressions() {
    let text = "The US has signed a peace agreement with Taliban militants aimed at bringing an \
        end to 18 years of bloodshed. Washington would draw its forces down in the next three \
        to four months, with all remaining troops within 14 months of the signing. The deal, \
        signed on Saturday, follows the attacks of Sept. 11, 2001 and the invasion on Oct. 7, \
        2001. Over the past week the talks moved fast. \"Today is the day of victory,\" he said. \
        Casualties have been counted since 2009. It only took a few months to topple the \
        Taliban. Pompeo met ambassadors this week during a seven-day visit and a week-long \
        truce. Within the first 135 days the US will cut troops.";
    let found = tag(text, SEED_DCT);
    assert_eq!(find(&found, "Saturday").value, "2020-02-29");
    assert_eq!(find(&found, "Sept. 11, 2001").value, "2001-09-11");
    assert_eq!(find(&found, "Oct. 7, 2001").value, "2001-10-07");
    assert_eq!(find(&found, "18 years").value, "P18Y");
    assert_eq!(find(&found, "2009").value, "2009");
    assert_eq!(find(&found, "Today").value, "2020-02-29");
    assert_eq!(find(&found, "this week").value, "2020-W09");
    assert_eq!(find(&found, "seven-day").value, "P7D");
    assert_eq!(find(&found, "week-long").value, "P1W");
    assert_eq!(find(&found, "a few months").value, "PXM");

    let signing = find(&found, "14 months");
    assert_eq!(signing.value, "P14M");
    assert_eq!(signing.anchor, Some(date("2020-02-29")));
    assert_eq!(signing.anchor_text.as_deref(), Some("the signing"));
    assert_eq!(signing.resolved_start, Some(date("2020-02-29")));
    assert_eq!(signing.resolved_end, Some(date("2021-04-29")));

    let range = find(&found, "the next three to four months");
    assert_eq!(range.kind, TimexType::Duration);
    assert_eq!(range.resolved_start, Some(date("2020-02-29")));
    assert_eq!(range.resolved_end, Some(date("2020-06-29")));

    let week = find(&found, "the past week");
    assert_eq!(week.value, "2020-W08");
    assert_eq!(week.resolved_start, Some(date("2020-02-22")));
    assert_eq!(week.resolved_end, Some(date("2020-02-28")));

    let first = find(&found, "the first 135 days");
    assert_eq!(first.value, "P135D");
    assert_eq!(first.resolved_end, Some(date("2020-07-13")));
}

#[test]
fn expressions_may_span_a_line_break() {
    let text = "Oct. 7,\n2001";
    let found = tag(text, SEED_DCT);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].start, found[0].end), (0, 12));
}

#[test]
fn event_anchor_takes_the_date_of_the_event() {
    let text = "The accord was signed on Feb. 20, 2020. Troops leave within 14 months of the \
        signing.";
    let found = tag(text, SEED_DCT);
    let t = find(&found, "14 months");
    assert_eq!(t.anchor, Some(date("2020-02-20")));
    assert_eq!(t.resolved_end, Some(date("2021-04-20")));
}

#[test]
fn absolute_dates() {
    let dct = SEED_DCT;
    check(
        "on 7 October 2001.",
        dct,
        "7 October 2001",
        TimexType::Date,
        "2001-10-07",
    );
    check(
        "on 2001-10-07.",
        dct,
        "2001-10-07",
        TimexType::Date,
        "2001-10-07",
    );
    check(
        "in October 2001.",
        dct,
        "October 2001",
        TimexType::Date,
        "2001-10",
    );
    check("in the 1990s.", dct, "the 1990s", TimexType::Date, "199");
    check(
        "in the nineties.",
        dct,
        "the nineties",
        TimexType::Date,
        "199",
    );
    check(
        "in the 18th century.",
        dct,
        "the 18th century",
        TimexType::Date,
        "17",
    );
    check(
        "by nineteen ninety-six",
        dct,
        "nineteen ninety-six",
        TimexType::Date,
        "1996",
    );
    check(
        "on June 31, 2001 and",
        dct,
        "June",
        TimexType::Date,
        "2020-06",
    );
    let found = tag("by mid-2020 or late 2001", dct);
    assert_eq!(
        find(&found, "mid-2020").modifier.map(|m| m.code()),
        Some("MID")
    );
    assert_eq!(
        find(&found, "late 2001").modifier.map(|m| m.code()),
        Some("END")
    );
}

#[test]
fn relative_dates() {
    let dct = SEED_DCT;
    check(
        "It rained yesterday.",
        dct,
        "yesterday",
        TimexType::Date,
        "2020-02-28",
    );
    check(
        "It rained last week.",
        dct,
        "last week",
        TimexType::Date,
        "2020-W08",
    );
    check(
        "It rains next month.",
        dct,
        "next month",
        TimexType::Date,
        "2020-03",
    );
    check(
        "It rained two years ago.",
        dct,
        "two years ago",
        TimexType::Date,
        "2018",
    );
    check(
        "It rained three days ago.",
        dct,
        "three days ago",
        TimexType::Date,
        "2020-02-26",
    );
    check(
        "It rained last November.",
        dct,
        "last November",
        TimexType::Date,
        "2019-11",
    );
    check(
        "Sales fell in the third quarter.",
        dct,
        "the third quarter",
        TimexType::Date,
        "2019-Q3",
    );
    check(
        "It snowed this winter.",
        dct,
        "this winter",
        TimexType::Date,
        "2019-WI",
    );
    let found = tag("It rained earlier this year.", dct);
    let t = find(&found, "earlier this year");
    assert_eq!(
        (t.value.to_string().as_str(), t.modifier.map(|m| m.code())),
        ("2020", Some("START"))
    );
}

#[test]
fn that_year_refers_back_to_the_last_year_written() {
    let text = "The attacks came on September 11, 2001. The invasion followed later that year, \
        and some soldiers were not born that September.";
    let found = tag(text, SEED_DCT);
    let later = find(&found, "later that year");
    assert_eq!(
        (
            later.value.to_string().as_str(),
            later.modifier.map(|m| m.code())
        ),
        ("2001", Some("END"))
    );
    assert_eq!(find(&found, "that September").value, "2001-09");
    // With no year written before it, "that year" falls back to the DCT's.
    check(
        "Sales rose that year.",
        SEED_DCT,
        "that year",
        TimexType::Date,
        "2020",
    );
}

#[test]
fn the_following_year_counts_from_the_story_year() {
    check(
        "On May 22, 1995, he was promoted, and the following year he was sent abroad.",
        "1998-04-18",
        "the following year",
        TimexType::Date,
        "1996",
    );
}

#[test]
fn the_year_in_a_report_is_the_current_year_unless_it_ends_on_a_date() {
    let dct = "1989-11-02";
    check(
        "For the year, pet food volume was flat.",
        dct,
        "the year",
        TimexType::Date,
        "1989",
    );
    check(
        "Sales for the full year were $6.6 billion.",
        dct,
        "the full year",
        TimexType::Date,
        "1989",
    );
    check(
        "Net income for the year ended July 2 was $2.4 million.",
        dct,
        "the year",
        TimexType::Duration,
        "P1Y",
    );
}

#[test]
fn tense_picks_the_weekday() {
    // 2020-02-26 is a Wednesday.
    check(
        "He said on Friday it failed.",
        "2020-02-26",
        "Friday",
        TimexType::Date,
        "2020-02-21",
    );
    check(
        "They will meet on Friday.",
        "2020-02-26",
        "Friday",
        TimexType::Date,
        "2020-02-28",
    );
    check(
        "They met last Wednesday.",
        "2020-02-26",
        "last Wednesday",
        TimexType::Date,
        "2020-02-19",
    );
}

#[test]
fn next_to_is_no_future_marker() {
    // "next to" is a place, not a future tense: the past-tense verb decides. 1998-08-08 is a
    // Saturday.
    check(
        "Dozens were killed in the blasts next to the embassies in Kenya and Tanzania on Friday.",
        "1998-08-08",
        "Friday",
        TimexType::Date,
        "1998-08-07",
    );
}

#[test]
fn a_preceding_tense_marker_wins_over_a_closer_following_one() {
    // 2000-01-07 is a Friday: "planned ... on Saturday" looks ahead although "were" is closer.
    check(
        "Protesters planned a large demonstration on Saturday and were planning to drive around.",
        "2000-01-07",
        "Saturday",
        TimexType::Date,
        "2000-01-08",
    );
}

#[test]
fn passive_participles_and_expectations_are_not_past() {
    // "be named" takes the tense of "will", not of "-ed"; "is expected to" looks ahead.
    // 1998-03-04 is a Wednesday.
    check(
        "She will be named commander of the shuttle on Friday.",
        "1998-03-04",
        "Friday",
        TimexType::Date,
        "1998-03-06",
    );
    check(
        "The three are expected to join in April, as part of marking the anniversary.",
        "1998-12-05",
        "April",
        TimexType::Date,
        "1999-04",
    );
    check(
        "He will be urging allies to buy shares in Mixte, which is being traded in London and \
        is to resume trading in Paris Tuesday.",
        "1989-10-27",
        "Tuesday",
        TimexType::Date,
        "1989-10-31",
    );
}

#[test]
fn last_month_and_day_is_the_latest_such_day() {
    check(
        "He was shot to death last Oct. 23 at his home.",
        "1999-04-19",
        "last Oct. 23",
        TimexType::Date,
        "1998-10-23",
    );
}

#[test]
fn spans_counted_from_a_story_event_are_durations() {
    // "later"/"earlier"/"before" count from an event of the story, not from the DCT: the span
    // is a duration; "ago" still counts back from the DCT.
    let dct = "1989-10-30";
    check(
        "Three days later, the index was down 2%.",
        dct,
        "Three days",
        TimexType::Duration,
        "P3D",
    );
    check(
        "A few days later, the company announced lower earnings.",
        dct,
        "A few days",
        TimexType::Duration,
        "PXD",
    );
    check(
        "The banks must wait at least 30 days before closing the purchase.",
        dct,
        "at least 30 days",
        TimexType::Duration,
        "P30D",
    );
    check(
        "It closed three days ago.",
        dct,
        "three days ago",
        TimexType::Date,
        "1989-10-27",
    );
    // In a report, "a year earlier" is the same period a year before: a date.
    check(
        "Net rose to $5 million from $4 million a year earlier.",
        dct,
        "a year earlier",
        TimexType::Date,
        "1988",
    );
}

#[test]
fn holidays_are_dates() {
    let dct = "2000-01-07";
    check(
        "Elian was found Thanksgiving Day clinging to an inner tube.",
        dct,
        "Thanksgiving Day",
        TimexType::Date,
        "1999-11-25",
    );
    check(
        "He was found last Thanksgiving at sea.",
        dct,
        "last Thanksgiving",
        TimexType::Date,
        "1999-11-25",
    );
    check(
        "It is a theme from now to Election Day.",
        "1998-10-26",
        "Election Day",
        TimexType::Date,
        "1998-11-03",
    );
    check(
        "They met on Christmas Eve 1998.",
        dct,
        "Christmas Eve 1998",
        TimexType::Date,
        "1998-12-24",
    );
    check(
        "Stores opened on Labor Day, 2001.",
        dct,
        "Labor Day, 2001",
        TimexType::Date,
        "2001-09-03",
    );
}

#[test]
fn quarters_named_against_the_year_before_and_the_current_one() {
    let dct = "1989-10-30";
    check(
        "National Intergroup in the year-ago third quarter earned $22.5 million.",
        dct,
        "the year-ago third quarter",
        TimexType::Date,
        "1988-Q3",
    );
    check(
        "The auction business started the current quarter well.",
        dct,
        "the current quarter",
        TimexType::Date,
        "1989-Q4",
    );
}

#[test]
fn a_month_and_day_take_the_year_written_just_after_them() {
    // Found reading the bundled timeline: the attacks are not those of 2019.
    check(
        "President George W Bush ordered the US-led invasion of Afghanistan in response to \
         the September 11 attacks in 2001.",
        SEED_DCT,
        "September 11",
        TimexType::Date,
        "2001-09-11",
    );
    check(
        "Fireworks marked the July 4 celebrations of 1976 across the country.",
        SEED_DCT,
        "July 4",
        TimexType::Date,
        "1976-07-04",
    );
    check(
        "Survivors of the March 11 earthquake in 2011 gathered again.",
        SEED_DCT,
        "March 11",
        TimexType::Date,
        "2011-03-11",
    );
    check(
        "He recalled the Oct. 7 invasion in 2001, weeks after the attacks.",
        SEED_DCT,
        "Oct. 7",
        TimexType::Date,
        "2001-10-07",
    );
    // Not when the year is across a sentence, or follows more than a few words.
    check(
        "The vote is on March 3. In 2008 the rules changed.",
        SEED_DCT,
        "March 3",
        TimexType::Date,
        "2020-03-03",
    );
    check(
        "The March 3 vote that the committee held in 2008 was annulled.",
        SEED_DCT,
        "March 3",
        TimexType::Date,
        "2020-03-03",
    );
}

#[test]
fn years_counted_out_of_the_calendar_are_no_dates() {
    // Found by the drafter's property test: "2001 years ago" from 1990.
    let found = tag("It began 2001 years ago, and 3 years ago.", "1990-01-01");
    assert!(
        found.iter().all(|t| !t.value.to_string().starts_with('-')),
        "{found:#?}"
    );
    assert!(found.iter().any(|t| t.value == "1987"), "{found:#?}");
    // Every way out of the calendar, at both of its ends.
    for (text, dct) in [
        (
            "June last year. The year-ago quarter. The decade.",
            "0001-03-01",
        ),
        ("June next year. Next year. The next decade.", "9999-11-01"),
    ] {
        let found = tag(text, dct);
        assert!(
            found.iter().all(|t| t.value.in_calendar()),
            "{text} ({dct}): {found:#?}"
        );
    }
}

#[test]
fn month_without_year_is_the_nearest_one() {
    check(
        "It opened Dec. 7.",
        "1990-01-10",
        "Dec. 7",
        TimexType::Date,
        "1989-12-07",
    );
    check(
        "It opens Jan. 14.",
        "1999-12-20",
        "Jan. 14",
        TimexType::Date,
        "2000-01-14",
    );
}

#[test]
fn durations() {
    let dct = SEED_DCT;
    check(
        "for 135 days",
        dct,
        "135 days",
        TimexType::Duration,
        "P135D",
    );
    check(
        "a 2 1/2 years wait",
        dct,
        "2 1/2 years",
        TimexType::Duration,
        "P2Y6M",
    );
    check("for decades", dct, "decades", TimexType::Duration, "PXDE");
    check(
        "for several hours",
        dct,
        "several hours",
        TimexType::Duration,
        "PTXH",
    );
    check(
        "the 18-year war",
        dct,
        "18-year",
        TimexType::Duration,
        "P18Y",
    );
    check(
        "for twenty-four hours",
        dct,
        "twenty-four hours",
        TimexType::Duration,
        "PT24H",
    );
    check(
        "two decades",
        dct,
        "two decades",
        TimexType::Duration,
        "P20Y",
    );
    let found = tag("it took more than a year", dct);
    let t = find(&found, "more than a year");
    assert_eq!(
        (t.value.to_string().as_str(), t.modifier.map(|m| m.code())),
        ("P1Y", Some("MORE_THAN"))
    );
}

#[test]
fn ages_and_counts_are_not_durations() {
    assert!(tag("a 6-year-old boy", SEED_DCT).is_empty());
    assert!(tag("a man 52 years old", SEED_DCT).is_empty());
    assert!(tag("as soon as possible", SEED_DCT).is_empty());
    assert!(tag("it may rain", SEED_DCT).is_empty());
    assert!(tag("13,000 troops and $2001 paid", SEED_DCT).is_empty());
}

#[test]
fn sets_times_and_references() {
    let dct = SEED_DCT;
    check("it runs weekly", dct, "weekly", TimexType::Set, "P1W");
    check(
        "it runs every year",
        dct,
        "every year",
        TimexType::Set,
        "P1Y",
    );
    check(
        "it runs each Thursday",
        dct,
        "each Thursday",
        TimexType::Set,
        "XXXX-WXX-4",
    );
    check(
        "at 3 p.m. today",
        dct,
        "3 p.m. today",
        TimexType::Time,
        "2020-02-29T15:00",
    );
    check(
        "at midnight",
        dct,
        "midnight",
        TimexType::Time,
        "2020-02-29T24:00",
    );
    check(
        "at 10:35 a.m.",
        dct,
        "10:35 a.m.",
        TimexType::Time,
        "2020-02-29T10:35",
    );
    check(
        "this morning",
        dct,
        "this morning",
        TimexType::Time,
        "2020-02-29TMO",
    );
    check("it is now", dct, "now", TimexType::Date, "PRESENT_REF");
    check(
        "it recently fell",
        dct,
        "recently",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "in the future",
        dct,
        "the future",
        TimexType::Date,
        "FUTURE_REF",
    );
}

#[test]
fn json_shape_and_offsets() {
    let text = "Ünïcödé — within 14 months of the signing.";
    let found = tag(text, SEED_DCT);
    assert_eq!(found.len(), 1);
    let t = &found[0];
    assert_eq!(
        text.chars()
            .skip(t.start)
            .take(t.end - t.start)
            .collect::<String>(),
        t.text
    );
    assert_eq!(&text[t.byte_start..t.byte_end], t.text);
    let json = serde_json::to_string(t).unwrap_or_default();
    assert_eq!(
        json,
        format!(
            "{{\"start\":{},\"end\":{},\"byte_start\":{},\"byte_end\":{},\"text\":\"14 months\",\
             \"type\":\"DURATION\",\"value\":\"P14M\",\"anchor\":\"2020-02-29\",\
             \"anchor_text\":\"the signing\",\"resolved_start\":\"2020-02-29\",\
             \"resolved_end\":\"2021-04-29\"}}",
            t.start, t.end, t.byte_start, t.byte_end
        )
    );
    let plain = serde_json::to_string(&tag("in 2001", SEED_DCT)[0]).unwrap_or_default();
    assert!(
        plain.ends_with("\"type\":\"DATE\",\"value\":\"2001\"}"),
        "{plain}"
    );
    let with_mod = serde_json::to_string(&tag("late 2001", SEED_DCT)[0]).unwrap_or_default();
    assert!(
        with_mod.ends_with("\"value\":\"2001\",\"mod\":\"END\"}"),
        "{with_mod}"
    );
}

/// Work per input byte: the engine examines a bounded number of rule elements per token.
fn work(text: &str) -> u64 {
    tagger().tag_counted(text, date(SEED_DCT)).1
}

#[test]
fn adversarial_inputs_stay_linear() {
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let inputs = [
        "a".repeat(1 << 20),
        "9".repeat(10_000),
        format!("{} years ago", "9".repeat(10_000)),
        "!".repeat(1 << 16),
        format!("{} ", months.join(" ")).repeat(100_000 / 12 + 1),
        "Jan. 1, 2001 - ".repeat(20_000),
        "twenty ".repeat(50_000),
        "one hundred thousand million ".repeat(10_000),
        "\u{0}\u{1}\u{7f}\u{200b}\u{feff}\u{10ffff}".repeat(10_000),
    ];
    for input in &inputs {
        let mut cut = input.len() / 2;
        while !input.is_char_boundary(cut) {
            cut -= 1;
        }
        let half = &input[..cut];
        let (w_full, w_half) = (work(input), work(half));
        // Bounded work per byte, and doubling the input no more than doubles the work (with
        // slack for the cut landing mid-expression).
        assert!(
            w_full <= 200 * input.len() as u64 + 200,
            "{} bytes: {w_full}",
            input.len()
        );
        assert!(w_full <= 2 * w_half + 1_000, "{w_full} vs {w_half}");
    }
    let months_found = tagger().tag(&inputs[4], date(SEED_DCT));
    assert!(months_found.len() >= 100_000);
}

#[test]
fn extreme_dcts_do_not_panic() {
    let text = "Yesterday, last week, two years ago, next month, in 3000 years, the 1990s, \
        Friday, Jan. 5, this winter, the third quarter, within 14 months of the signing.";
    for dct in [
        NaiveDate::MIN,
        NaiveDate::MAX,
        date("0001-01-01"),
        date("9999-12-31"),
    ] {
        let found = tagger().tag(text, dct);
        assert!(!found.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_any_text(text in "\\PC*", days in -200_000i64..200_000) {
        let dct = date("2000-01-01") + chrono::Duration::days(days);
        let found = tagger().tag(&text, dct);
        let mut last_end = 0;
        for t in &found {
            prop_assert!(t.start < t.end && t.end <= text.chars().count());
            prop_assert_eq!(&text[t.byte_start..t.byte_end], t.text.as_str());
            prop_assert!(t.byte_start >= last_end);
            last_end = t.byte_end;
        }
    }

    #[test]
    fn never_panics_on_date_like_text(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Jan."), Just("Friday"), Just("2001"), Just("1990s"), Just("'"), Just("s"),
                Just("-"), Just(","), Just("."), Just(":"), Just("/"), Just("the"), Just("last"),
                Just("past"), Just("within"), Just("of"), Just("signing"), Just("years"),
                Just("ago"), Just("twenty"), Just("one"), Just("hundred"), Just("p.m."),
                Just("7"), Just("31"), Just("99999999999999999999"), Just("quarter"),
                Just("third"), Just("a"), Just("few"), Just("\n\n"), Just("more"), Just("than"),
            ],
            0..60,
        ),
        spaces in proptest::collection::vec(any::<bool>(), 60),
    ) {
        let mut text = String::new();
        for (w, space) in words.iter().zip(&spaces) {
            text.push_str(w);
            if *space {
                text.push(' ');
            }
        }
        let found = tagger().tag(&text, date(SEED_DCT));
        for t in &found {
            prop_assert_eq!(&text[t.byte_start..t.byte_end], t.text.as_str());
        }
        let work = tagger().tag_counted(&text, date(SEED_DCT)).1;
        prop_assert!(work <= 200 * text.len() as u64 + 200);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The index's shortcuts (rules on a digit run by its length, the
    /// follow sets of rules starting with a word, the anchors, the checks
    /// after a number) only skip rules that cannot match: tagging with every
    /// rule tried finds the same.
    #[test]
    fn the_index_shortcuts_change_no_match(
        words in proptest::collection::vec(
            prop_oneof![
                Just("the"), Just("The"), Just("a"), Just("at"), Just("two"), Just("last"),
                Just("next"), Just("first"), Just("week"), Just("weeks"), Just("day"),
                Just("month"), Just("year"), Just("years"), Just("quarter"), Just("fiscal"),
                Just("1998"), Just("12"), Just("7"), Just("123"), Just("12345"), Just("31st"),
                Just("1990s"), Just("'"), Just("s"), Just("-"), Just(","), Just("."), Just(":"),
                Just("/"), Just("Monday"), Just("March"), Just("Jan."), Just("summer"),
                Just("morning"), Just("ago"), Just("earlier"), Just("later"), Just("of"),
                Just("in"), Just("on"), Just("within"), Just("since"), Just("hundred"),
                Just("twenty"), Just("fifth"), Just("past"), Just("coming"), Just("same"),
                Just("end"), Just("early"), Just("p.m."), Just("10:30"), Just("\n\n"),
                Just("Christmas"), Just("New"), Just("Year"), Just("decade"), Just("tonight"),
                Just("every"), Just("few"), Just("recent"), Just("half"), Just("troops"),
                // Phrases of several tokens before a needed one (the anchors'
                // windows), and what may follow a number.
                Just("beginning"), Just("start"), Just("middle"), Just("spring"),
                Just("winter"), Just("century"), Just("old"), Just("or"), Just("so"),
                Just("and"), Just("to"), Just("times"), Just("million"), Just("Sept"),
            ],
            0..40,
        ),
        spaces in proptest::collection::vec(any::<bool>(), 40),
    ) {
        static PLAIN: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
        let plain = PLAIN.get_or_init(Tagger::without_shortcuts);
        let mut text = String::new();
        for (w, space) in words.iter().zip(&spaces) {
            text.push_str(w);
            if *space {
                text.push(' ');
            }
        }
        let dct = date(SEED_DCT);
        prop_assert_eq!(
            format!("{:?}", tagger().tag(&text, dct)),
            format!("{:?}", plain.tag(&text, dct))
        );
    }
}

#[test]
fn the_index_shortcuts_change_nothing_on_news() {
    let plain = Tagger::without_shortcuts();
    let text = "The US has signed a peace agreement with Taliban militants aimed at bringing \
        an end to 18 years of bloodshed. Washington would draw its forces down in the next \
        three to four months, with all remaining troops leaving within 14 months of the signing \
        on Saturday. The invasion began on Oct. 7, 2001, the week after the attacks of \
        Sept. 11, 2001; the following year, the third quarter of 1988, the 1990s, the past \
        12 months, the first half of 2019, at 10:30 p.m. the next day.";
    let dct = date(SEED_DCT);
    let (found, work) = tagger().tag_counted(text, dct);
    let (plain_found, plain_work) = plain.tag_counted(text, dct);
    assert_eq!(format!("{found:?}"), format!("{plain_found:?}"));
    // The shortcuts are there to save work. Measured: 717 rule elements tried
    // and numbers read, 873 before the checks after a number, 1,927 before the
    // anchors, 3,244 without any shortcut.
    assert!(
        work <= 740 && work * 4 < plain_work,
        "{work} elements tried, {plain_work} without the shortcuts"
    );
}

// ---------------------------------------------------------------- issue 19's classes of error

#[test]
fn a_number_after_a_naming_noun_is_no_year() {
    let text = "Members of Local 1520 walked out. Flight 1549 landed in the Hudson. \
        He lives on Route 1776, near Precinct 1911 and case No. 1984. The plant opened in 1998.";
    let found = tag(text, "2007-03-14");
    let texts: Vec<&str> = found.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["1998"], "{found:#?}");
}

#[test]
fn a_famous_date_without_its_year_is_the_famous_one() {
    let dct = "2007-03-14";
    let attacks = "The city has been on alert since the September 11th terrorist attacks.";
    check(
        attacks,
        dct,
        "September 11th",
        TimexType::Date,
        "2001-09-11",
    );
    check(
        "Since the Sept. 11 attacks, fewer fly.",
        dct,
        "Sept. 11",
        TimexType::Date,
        "2001-09-11",
    );
    check(
        "The 9/11 Commission reported.",
        dct,
        "9/11",
        TimexType::Date,
        "2001-09-11",
    );
    // the same month and day naming nothing famous is the nearest one
    check(
        "The vote is on September 11.",
        dct,
        "September 11",
        TimexType::Date,
        "2007-09-11",
    );
    // and before 2001 it was an ordinary day
    check(
        "The September 11 attack on the embassy was repelled.",
        "1998-10-01",
        "September 11",
        TimexType::Date,
        "1998-09-11",
    );
}

#[test]
fn a_clock_time_takes_the_day_it_is_said_with() {
    // Wednesday 14 March 2007
    let dct = "2007-03-14";
    let text =
        "Police said the shooting happened at about 11:30 p.m. on Saturday near the station.";
    check(
        text,
        dct,
        "about 11:30 p.m.",
        TimexType::Time,
        "2007-03-10T23:30",
    );
    check(text, dct, "Saturday", TimexType::Date, "2007-03-10");
    let text = "The fire broke out Monday at 4 a.m. and burned for hours.";
    check(text, dct, "4 a.m.", TimexType::Time, "2007-03-12T04:00");
    let text = "The ship sank at 9 p.m. on March 2, 2007, off the coast.";
    check(text, dct, "9 p.m.", TimexType::Time, "2007-03-02T21:00");
    // a time alone is on the DCT's day
    check(
        "It starts at 8 p.m.",
        dct,
        "8 p.m.",
        TimexType::Time,
        "2007-03-14T20:00",
    );
}

#[test]
fn a_scheduled_weekday_is_ahead() {
    // Monday 12 March 2007
    let dct = "2007-03-12";
    check(
        "The trial is set to begin on Wednesday.",
        dct,
        "Wednesday",
        TimexType::Date,
        "2007-03-14",
    );
    check(
        "Talks are due to resume Friday in Geneva.",
        dct,
        "Friday",
        TimexType::Date,
        "2007-03-16",
    );
    check(
        "They are going to vote on Thursday.",
        dct,
        "Thursday",
        TimexType::Date,
        "2007-03-15",
    );
    // but what was due and is past is behind
    check(
        "The offer had been due to expire Friday evening.",
        dct,
        "Friday evening",
        TimexType::Date,
        "2007-03-09",
    );
}

#[test]
fn the_reporting_period_a_date_ends_is_that_period() {
    let dct = "2007-04-20";
    let text = "The company reported results for the quarter ending March 31.";
    check(text, dct, "the quarter", TimexType::Date, "2007-Q1");
    let text = "Sales rose in the quarter ended Sept. 30, the company said.";
    check(
        text,
        "2007-10-25",
        "the quarter",
        TimexType::Date,
        "2007-Q3",
    );
    // a fiscal quarter keeps its number, in the year of its end
    let text = "Sun lost money in its fourth quarter ended June 30.";
    check(
        text,
        "2007-07-25",
        "fourth quarter",
        TimexType::Date,
        "2007-Q4",
    );
}

#[test]
fn relative_expressions_anchor_on_the_right_reference() {
    let dct = "2007-03-14";
    let text = "The war began in 2003. One year later, the troops were still there.";
    check(text, dct, "One year later", TimexType::Date, "2004");
    let text = "The plant opened on June 2, 1998. A year later it closed.";
    check(text, dct, "A year later", TimexType::Date, "1999-06-02");
    // with nothing named, a year from the DCT
    check(
        "A year earlier, prices were lower.",
        dct,
        "A year earlier",
        TimexType::Date,
        "2006",
    );
    // "less than two weeks ago": a span that ends now
    let found = tag("He arrived less than two weeks ago.", dct);
    let t = find(&found, "less than two weeks ago");
    assert_eq!(
        (t.resolved_start, t.resolved_end),
        (Some(date("2007-02-28")), Some(date("2007-03-13")))
    );
    // "in the past 30 years": a span that ends now, never one ahead
    for text in [
        "Crime has fallen in the past 30 years.",
        "Crime will keep falling as it has in the past 30 years.",
        "Over the last 30 years crime fell.",
    ] {
        let found = tag(text, dct);
        let t = found
            .iter()
            .find(|t| t.text.contains("30 years"))
            .expect(text);
        assert_eq!(t.value.to_string(), "P30Y", "{text}");
        assert_eq!(
            (t.resolved_start, t.resolved_end),
            (Some(date("1977-03-14")), Some(date("2007-03-13"))),
            "{text}"
        );
    }
}

#[test]
fn an_age_is_no_duration() {
    let dct = "2007-03-14";
    for text in [
        "A 12-year-old girl was found.",
        "A 15-year girl was hurt.",
        "The boy, 12 years old, ran.",
        "Children under 12 years of age ride free.",
        "The 40-year-old man was charged.",
        "a 5 years-old boy",
    ] {
        let found = tag(text, dct);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
    // the age of what began and lasts is a length of the story up to now
    let found = tag("opponents of the IRA's 8-month-old truce", "1998-03-22");
    let truce = find(&found, "8-month-old");
    assert_eq!(truce.value.to_string(), "P8M");
    assert_eq!(
        (truce.resolved_start, truce.resolved_end),
        (Some(date("1997-07-22")), Some(date("1998-03-21")))
    );
    let found = tag(
        "to lift a nearly 20-year-old state of emergency",
        "2011-02-03",
    );
    let emergency = find(&found, "nearly 20-year-old");
    assert_eq!(emergency.value.to_string(), "P20Y");
    assert_eq!(emergency.modifier.map(|m| m.code()), Some("APPROX"));
    // a length of time written the same way still is one
    check(
        "He served a 15-year sentence.",
        dct,
        "15-year",
        TimexType::Duration,
        "P15Y",
    );
}

#[test]
fn the_page_timestamps_are_marked_as_the_publication_time() {
    use crate::Role;
    let text = "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 08:14 GMT, 12 March 2013\n\n\
        Police in New York said the blast came at 9:30 p.m. EDT on Monday.";
    let found = tag(text, "2013-03-12");
    let published = find(&found, "02:31 GMT");
    assert_eq!(published.value.to_string(), "2013-03-12T02:31");
    assert_eq!(published.role, Some(Role::Published));
    // the story's place writes its times in EDT: 02:31 GMT is the evening before there
    assert_eq!(published.local_date, Some(date("2013-03-11")));
    let updated = find(&found, "08:14 GMT");
    assert_eq!(updated.role, Some(Role::Updated));
    assert_eq!(updated.local_date, Some(date("2013-03-12")));
    let days: Vec<_> = found.iter().filter(|t| t.text == "12 March 2013").collect();
    assert_eq!(
        days.iter().map(|t| t.role).collect::<Vec<_>>(),
        [Some(Role::Published), Some(Role::Updated)]
    );
    // the story's own dates have no role
    let monday = find(&found, "Monday");
    assert_eq!(
        (monday.role, monday.value.to_string().as_str()),
        (None, "2013-03-11")
    );

    let text = "First Posted: 08 / 04 / 11 06:44 PM ET\n\nThe council met on Tuesday.";
    let found = tag(text, "2011-08-04");
    let day = find(&found, "08 / 04 / 11");
    assert_eq!(
        (day.value.to_string().as_str(), day.role),
        ("2011-08-04", Some(Role::Published))
    );
    let time = find(&found, "06:44 PM ET");
    assert_eq!(
        (time.value.to_string().as_str(), time.role),
        ("2011-08-04T18:44", Some(Role::Published))
    );
    assert_eq!(find(&found, "Tuesday").role, None);

    // datelines: a line of its own at the top, and the date after the place
    let found = tag(
        "Saturday 29 February 2020\n\nThe deal was signed on Saturday.",
        SEED_DCT,
    );
    assert_eq!(found[0].role, Some(Role::Published));
    assert_eq!(found[1].role, None);
    let found = tag(
        "WASHINGTON, Feb. 29 (Reuters) - The deal was signed on Saturday.",
        SEED_DCT,
    );
    assert_eq!(find(&found, "Feb. 29").role, Some(Role::Published));
    assert_eq!(find(&found, "Saturday").role, None);
    // the role is in the JSON Lines, and only where there is one
    let json = serde_json::to_string(published).unwrap_or_default();
    assert!(
        json.contains(r#""role":"published","local_date":"2013-03-11""#),
        "{json}"
    );
    let json = serde_json::to_string(monday).unwrap_or_default();
    assert!(!json.contains("role"), "{json}");
}

#[test]
fn extents_follow_timeml() {
    let dct = "1989-10-26";
    // "over" before a length is the preposition: during it
    check(
        "The money can be used over three years.",
        dct,
        "three years",
        TimexType::Duration,
        "P3Y",
    );
    // "of" belongs to a quarter only with the year after it
    check(
        "The collapse of the third quarter of the year hurt.",
        dct,
        "the third quarter",
        TimexType::Date,
        "1989-Q3",
    );
    check(
        "Profit fell in the third quarter of 1988.",
        dct,
        "the third quarter of 1988",
        TimexType::Date,
        "1988-Q3",
    );
    // the determiner of a relative weekday, a premodifier before "the past"
    let found = tag("Stocks fell 4.5% from the previous Friday.", dct);
    assert!(
        found.iter().any(|t| t.text == "the previous Friday"),
        "{found:#?}"
    );
    check(
        "Rates rose for at least the past 18 months.",
        dct,
        "at least the past 18 months",
        TimexType::Duration,
        "P18M",
    );
    // "a hundred" counts
    check(
        "It has stood for almost a hundred years.",
        dct,
        "almost a hundred years",
        TimexType::Duration,
        "P100Y",
    );
}

#[test]
fn short_month_and_weekday_names_beside_a_day_or_year() {
    let dct = "2011-08-16";
    let found = tag(
        "BENGHAZI, Libya | Tue Aug 16, 2011 5:46 pm IST BENGHAZI, Libya (Reuters) - Rebels \
         advanced. At 11:34 am on 03 Jun 2009, a reader wrote. Jan Egeland said in Jan 2009 \
         that Aug 30 (Reuters) was late.",
        dct,
    );
    let stamp = find(&found, "Tue Aug 16, 2011 5:46 pm IST");
    assert_eq!(
        (stamp.kind, stamp.value.to_string().as_str()),
        (TimexType::Time, "2011-08-16T17:46")
    );
    // the agency's stamp at the top is the page's own time, not an event
    assert_eq!(stamp.role, Some(crate::Role::Published));
    assert_eq!(find(&found, "03 Jun 2009").value.to_string(), "2009-06-03");
    // the clock time takes the day written after it
    assert_eq!(
        find(&found, "11:34 am").value.to_string(),
        "2009-06-03T11:34"
    );
    assert_eq!(find(&found, "Jan 2009").value.to_string(), "2009-01");
    assert_eq!(find(&found, "Aug 30").value.to_string(), "2011-08-30");
    // a short name alone is no date: "Jan Egeland"
    assert!(found.iter().all(|t| !t.text.contains("Egeland")));
    assert_eq!(found.len(), 5, "{found:#?}");
}

#[test]
fn british_clock_times_with_a_full_stop() {
    let found = tag(
        "giant Monday 14 June 2010 21.52 BST The board met. It fell 2.50 points. \
         He had a dose at 10.40 am on Friday.",
        "2010-06-14",
    );
    let stamp = find(&found, "Monday 14 June 2010 21.52 BST");
    assert_eq!(stamp.value.to_string(), "2010-06-14T21:52");
    assert_eq!(
        find(&found, "10.40 am").value.to_string(),
        "2010-06-11T10:40"
    );
    assert!(found.iter().all(|t| !t.text.contains("2.50")));
}

#[test]
fn the_day_alone_is_no_date() {
    for text in [
        "He was with the singer on the day he died.",
        "on the day of his death",
        "to run the day-to-day affairs",
        "Youcif remembers the day his father was taken away.",
    ] {
        let found = tag(text, "2011-02-25");
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn ordinals_and_names_that_look_like_lengths_and_sets() {
    let dct = "2009-06-09";
    for text in [
        "I thought I would get a second opinion.",
        "possibly a second unrelated virus circulating",
        "The Daily Mail newspaper reported it.",
        "TMC Net Daily Mail: Oil worker alerted BP",
        "The New York Daily News has called him clueless.",
    ] {
        let found = tag(text, dct);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
    check(
        "It paused for a second.",
        dct,
        "a second",
        TimexType::Duration,
        "PT1S",
    );
    check(
        "a second later it fell",
        dct,
        "a second",
        TimexType::Duration,
        "PT1S",
    );
    check("oil leaking daily", dct, "daily", TimexType::Set, "P1D");
    check(
        "Daily, the oil leaked.",
        dct,
        "Daily",
        TimexType::Set,
        "P1D",
    );
    // "some" counts a bare plural; a spaced dash ends no unit
    check(
        "some weeks after the meeting",
        dct,
        "some weeks",
        TimexType::Duration,
        "PXW",
    );
    check(
        "10 albums over seven years - including one",
        dct,
        "seven years",
        TimexType::Duration,
        "P7Y",
    );
}

#[test]
fn a_length_later_or_earlier_counts_from_the_day_last_named() {
    let found = tag(
        "The rig exploded on 20 April 2010 and sank two days later. Three weeks earlier, \
         inspectors had visited.",
        "2010-07-19",
    );
    let later = find(&found, "two days");
    assert_eq!(later.value.to_string(), "P2D");
    assert_eq!(
        (later.anchor, later.resolved_end),
        (Some(date("2010-04-20")), Some(date("2010-04-22")))
    );
    let earlier = find(&found, "Three weeks");
    assert_eq!(
        (earlier.resolved_start, earlier.resolved_end),
        (Some(date("2010-03-30")), Some(date("2010-04-19")))
    );
}

#[test]
fn both_ends_of_a_range_written_with_one_month_or_century() {
    let found = tag(
        "He was in Mexico between April 14-18 and with Obama April 16 and 17. Interviews \
         were conducted 17-19 June 2011. The 1975-90 civil war. It rose 14-18 percent.",
        "2011-06-20",
    );
    let values: Vec<(&str, String)> = found
        .iter()
        .map(|t| (t.text.as_str(), t.value.to_string()))
        .collect();
    let want = [
        ("April 14", "2011-04-14"),
        ("18", "2011-04-18"),
        ("April 16", "2011-04-16"),
        ("17", "2011-04-17"),
        ("17", "2011-06-17"),
        ("19 June 2011", "2011-06-19"),
        ("1975", "1975"),
        ("90", "1990"),
    ];
    let want: Vec<(&str, String)> = want.iter().map(|(t, v)| (*t, v.to_string())).collect();
    assert_eq!(values, want);
}

#[test]
fn numbers_in_codes_are_no_years() {
    let found = tag(
        "Photo: AP2010. In re: Oil Spill, No. 10-MDL-2179. Born b1882, died1871.",
        "2011-06-20",
    );
    let texts: Vec<&str> = found.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["1882", "1871"]);
}

#[test]
fn narrative_days_follow_the_day_last_named() {
    let found = tag(
        "Every word was spoken on 11 July 2005. The following Monday morning I read it. \
         The next day he left. He leaves next Monday.",
        "2005-07-18",
    );
    assert_eq!(
        find(&found, "The following Monday morning")
            .value
            .to_string(),
        "2005-07-18"
    );
    assert_eq!(find(&found, "The next day").value.to_string(), "2005-07-19");
    assert_eq!(find(&found, "next Monday").value.to_string(), "2005-07-25");
    // a day named long before is not what "the next day" counts from
    let filler = "The fund grew and the talks went on without end. ".repeat(12);
    let text = format!("It exploded on April 20. {filler}The next day, he will speak.");
    let found = tag(&text, "2010-06-13");
    assert_eq!(find(&found, "The next day").value.to_string(), "2010-06-14");
}

#[test]
fn a_past_that_did_not_happen_and_a_quarter_of_this_year() {
    let found = tag(
        "\"If we'd been successful in the first week of June, it would have cost less,\" \
         he said. Imports rose in the first quarter of this year.",
        "2010-11-08",
    );
    assert_eq!(
        find(&found, "the first week of June").value.to_string(),
        "2010-06"
    );
    assert_eq!(
        find(&found, "the first quarter of this year")
            .value
            .to_string(),
        "2010-Q1"
    );
}

#[test]
fn terms_the_latest_fiscal_year_and_a_year_earlier_far_from_its_date() {
    let dct = "1989-10-26";
    check(
        "the challenges of the near term.",
        dct,
        "the near term",
        TimexType::Date,
        "FUTURE_REF",
    );
    check(
        "in the long term, it will also accelerate the decline",
        dct,
        "the long term",
        TimexType::Date,
        "FUTURE_REF",
    );
    // an adjective is no time, hyphenated or not
    assert!(tag("the long-term partnership", dct).is_empty());
    assert!(tag("not as important as the long term trend", dct).is_empty());
    assert!(tag("Data is limited on the long term effects of oil", dct).is_empty());
    check(
        "C$7.38 billion in sales in the latest fiscal year",
        dct,
        "the latest fiscal year",
        TimexType::Date,
        "1988",
    );
    // "a year earlier" counts from a date named nearby, else from the DCT
    let filler = "Profit rose and the shares were strong all along. ".repeat(12);
    let text = format!(
        "Its founders met in 1985. {filler}Net was C$6.5 million, up from C$18.1 million a year earlier."
    );
    let found = tag(&text, dct);
    assert_eq!(find(&found, "a year earlier").value.to_string(), "1988");
    let found = tag("The war began in 2003. One year later, it went on.", dct);
    assert_eq!(find(&found, "One year later").value.to_string(), "2004");
}
