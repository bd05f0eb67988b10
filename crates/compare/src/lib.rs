//! Comparing the sources of a timeline: who reported each event first and how
//! long after it happened, which articles are copies of another (one wire
//! story run twice), and where the passages state different numbers, dates,
//! durations or names.
//!
//! The [`Comparer`] takes a loaded [`Timeline`] and returns the plain
//! [`Comparison`] of `annals-core`, which printing and the explorer show. The
//! stages are the modules: [`first`] reports, [`copies`], what each passage
//! states ([`claims`], [`names`]), and the [`disagree`]ments among them. How
//! quantities are stated (levels, changes, what a number counts) and which
//! capitalised words are not names are data, in `rules/*.txt`.
//!
//! ```
//! use annals_core::load::{DataFile, DataFiles, load_files};
//!
//! let a = "+++\npublished = 2020-02-29\n+++\nForces will be cut to 8,600 within 135 days.";
//! let b = "+++\npublished = 2020-03-01\n+++\nTroops will be cut by 8,600 within four months.";
//! let toml = "title = \"A deal\"\n\n[[events]]\nid = \"drawdown\"\ntitle = \"Drawdown\"\n\
//!     date = 2020-07-13\nevidence = [{ source = \"a\", quote = \"Forces will be cut to 8,600 within 135 days\" },\n\
//!     { source = \"b\", quote = \"Troops will be cut by 8,600 within four months\" }]\n";
//! let files = DataFiles {
//!     dir: "story".into(),
//!     timeline: Some(DataFile::new("story/timeline.toml", toml)),
//!     sources: Some(vec![
//!         DataFile::new("story/sources/a.txt", a),
//!         DataFile::new("story/sources/b.txt", b),
//!     ]),
//!     skipped: Default::default(),
//!     ignored: Vec::new(),
//! };
//! let timeline = load_files(&files).expect("the story checks");
//! let comparison = annals_compare::Comparer::new().compare(&timeline);
//! let drawdown = &comparison.events[0];
//! assert_eq!(drawdown.lag_days, Some(-135));
//! let about: Vec<&str> = drawdown.disagreements.iter().map(|d| d.about.as_str()).collect();
//! assert_eq!(about, ["how long", "troops: 8,600 as a level or as a change"]);
//! assert_eq!(drawdown.disagreements[0].values[1].value, "within four months");
//! ```

#![warn(missing_docs)]

pub mod claims;
pub mod copies;
pub mod disagree;
pub mod first;
pub mod names;
pub mod rules;

use std::ops::Range;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use annals_core::builtin::{BrokenTable, Builtin};
use annals_core::comparison::{Claim, Comparison, Disagreement, EventComparison, Kind, Stated};
use annals_core::{Event, Timeline};
use annals_tagger::Tagger;
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use claims::{Fact, Reader};
use copies::Thresholds;
use disagree::Occurrence;
use rules::{Relation, Rules};

/// Words without which a passage states no date, duration or count, so the
/// tagger need not read it: time units, months, days and number words (a
/// digit is looked for too).
const CUES: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "teen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "noon",
    "midnight",
];

/// The embedded rule tables, read on first use through the one loader of
/// built-in tables.
static BUILTIN: Builtin<Arc<Rules>> =
    Builtin::new("comparison rules (crates/compare/src/rules/)", || {
        Rules::embedded().map(Arc::new).map_err(|e| e.0)
    });

/// Whether the embedded tables the comparer reads (its own and the
/// tagger's) can be read, for a program to say so before it starts.
pub fn check_tables() -> Result<(), BrokenTable> {
    BUILTIN.check()?;
    annals_tagger::check_tables()
}

/// Compares the sources of timelines: built once, used for any number.
pub struct Comparer {
    rules: Arc<Rules>,
    tagger: Tagger,
    thresholds: Thresholds,
    cues: AhoCorasick,
}

impl Default for Comparer {
    fn default() -> Self {
        Comparer::new()
    }
}

impl Comparer {
    /// A comparer with the embedded rule tables and default thresholds.
    ///
    /// The tables are read on the first call and shared; a broken one is a
    /// bug the unit tests catch, and this panics naming it ([`check_tables`]
    /// says it without panicking).
    pub fn new() -> Comparer {
        Comparer::with_rules(Arc::clone(BUILTIN.get()))
    }

    /// A comparer reading other rule tables (parsed with [`Rules::parse`]).
    pub fn with_rules(rules: Arc<Rules>) -> Comparer {
        let cues = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(CUES)
            .expect("a few dozen short words make an automaton");
        Comparer {
            rules,
            tagger: Tagger::new(),
            thresholds: Thresholds::default(),
            cues,
        }
    }

    /// With other thresholds for calling two articles copies.
    pub fn with_thresholds(mut self, thresholds: Thresholds) -> Comparer {
        self.thresholds = thresholds;
        self
    }

    /// Compares the sources of `timeline`.
    pub fn compare(&self, timeline: &Timeline) -> Comparison {
        let copy_of = copies::copies(&timeline.sources, &self.thresholds);
        let tagged = self.tag_paragraphs(timeline, &copy_of);
        let compared: Vec<(EventComparison, Vec<StoryFact>)> = timeline
            .events
            .par_iter()
            .map(|e| self.event(timeline, &copy_of, &tagged, e))
            .collect();
        let mut events = Vec::with_capacity(compared.len());
        let mut story_facts = Vec::new();
        for (event, facts) in compared {
            events.push(event);
            story_facts.extend(facts);
        }
        let mut story = self.story_quantities(timeline, story_facts, &events);
        story.extend(self.spellings(timeline, &copy_of));
        Comparison {
            copy_of,
            events,
            story,
        }
    }

    /// The events whose passages are read: those two independent sources report.
    fn compared_events<'t>(
        timeline: &'t Timeline,
        copy_of: &'t [Option<usize>],
    ) -> impl Iterator<Item = &'t Event> + 't {
        timeline
            .events
            .iter()
            .filter(move |e| independent_groups(e, copy_of) >= 2)
    }

    /// Every paragraph a compared passage stating some value is quoted
    /// from, tagged once (a paragraph holds the quotes of several events),
    /// from its start to the end of its last such quote: what follows the
    /// quotes anchors none of their dates.
    fn tag_paragraphs(&self, timeline: &Timeline, copy_of: &[Option<usize>]) -> Tagged {
        let mut wanted: Vec<(usize, usize, usize)> = Comparer::compared_events(timeline, copy_of)
            .flat_map(|e| e.passages())
            .filter(|p| self.may_state_values(timeline.quote(p)))
            .map(|p| (p.source(), p.paragraph().start, p.quote().end))
            .collect();
        // The last quote's end for each paragraph.
        wanted.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.cmp(&a.2)));
        wanted.dedup_by_key(|w| (w.0, w.1));
        wanted
            .into_par_iter()
            .map(|(s, start, end)| {
                let source = &timeline.sources[s];
                let timexes = self
                    .tagger
                    .tag(&source.body()[start..end], source.published);
                ((s, start), (timexes, end - start))
            })
            .collect()
    }

    fn event(
        &self,
        timeline: &Timeline,
        copy_of: &[Option<usize>],
        tagged: &Tagged,
        event: &Event,
    ) -> (EventComparison, Vec<StoryFact>) {
        let sources = &timeline.sources;
        let group = |s: usize| copy_of[s].unwrap_or(s);
        let independent = independent_groups(event, copy_of);
        let mut compared = EventComparison {
            first: first::first_report(event, sources),
            lag_days: first::lag_days(event, sources),
            independent,
            disagreements: Vec::new(),
        };
        if independent < 2 {
            return (compared, Vec::new());
        }
        let reader = Reader {
            rules: &self.rules,
            tagger: &self.tagger,
        };
        let mut facts: FxHashMap<Fact, Vec<Occurrence>> = FxHashMap::default();
        for p in event.passages() {
            let quote = timeline.quote(p);
            if !self.may_state_values(quote) {
                continue;
            }
            let source = &sources[p.source()];
            let paragraph = &source.body()[p.paragraph().clone()];
            let within = p.quote().start - p.paragraph().start..p.quote().end - p.paragraph().start;
            let read = match tagged.get(&(p.source(), p.paragraph().start)) {
                Some(timexes) => {
                    reader.read_tagged(&paragraph[..within.end.max(timexes.1)], within, &timexes.0)
                }
                None => reader.read_in(paragraph, within, source.published),
            };
            for found in about_this_event(read, quote, event) {
                let span = p.quote().start + found.span.start..p.quote().start + found.span.end;
                facts.entry(found.fact).or_default().push(Occurrence {
                    group: group(p.source()),
                    stated: Stated {
                        source: p.source(),
                        quote: p.quote().clone(),
                        span,
                    },
                    value: found.value,
                });
            }
        }
        let words = |s: usize, span: &Range<usize>| words(&sources[s].body()[span.clone()]);
        let dates = facts.remove(&Fact::Date).unwrap_or_default();
        let mentioned = facts.remove(&Fact::Mentioned).unwrap_or_default();
        compared.disagreements = disagree::disagreements(&facts, &words, &disagree::about_event);
        compared
            .disagreements
            .extend(disagree::dates(event, &dates, &mentioned, &words));
        // The level before a change ("from 13,000", "all 13,000 troops") is a
        // fact of the story as of the day the articles are published.
        let story = facts
            .into_iter()
            .filter_map(|(fact, occurrences)| match fact {
                Fact::Quantity {
                    counted,
                    relation: Relation::Before,
                } => Some(occurrences.into_iter().map(move |o| StoryFact {
                    counted: counted.clone(),
                    occurrence: o,
                })),
                _ => None,
            })
            .flatten()
            .collect();
        (compared, story)
    }

    /// Whether `quote` has a digit or a word a value is written with.
    fn may_state_values(&self, quote: &str) -> bool {
        quote.bytes().any(|b| b.is_ascii_digit()) || self.cues.is_match(quote)
    }

    /// Quantities as they stood on a day, stated differently in different
    /// events: "13,000" troops in one, "12,000 to 13,000" in another.
    fn story_quantities(
        &self,
        timeline: &Timeline,
        facts: Vec<StoryFact>,
        events: &[EventComparison],
    ) -> Vec<Disagreement> {
        let sources = &timeline.sources;
        let mut by_day: FxHashMap<(String, NaiveDate), Vec<Occurrence>> = FxHashMap::default();
        for f in facts {
            let day = sources[f.occurrence.stated.source].published;
            by_day
                .entry((f.counted, day))
                .or_default()
                .push(f.occurrence);
        }
        let mut keys: Vec<(String, NaiveDate)> = by_day.keys().cloned().collect();
        keys.sort();
        let words = |s: usize, span: &Range<usize>| words(&sources[s].body()[span.clone()]);
        let mut out = Vec::new();
        for key in keys {
            let occurrences = by_day.remove(&key).unwrap_or_default();
            let fact = Fact::Quantity {
                counted: key.0.clone(),
                relation: Relation::Before,
            };
            let mut one = FxHashMap::default();
            one.insert(fact, occurrences);
            let about = |_: &Fact| format!("{} as of {}", key.0, key.1);
            for d in disagree::disagreements(&one, &words, &about) {
                if d.kind == Kind::Number && !already_told(&d, events) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// Names of one person spelt differently by independent sources.
    fn spellings(&self, timeline: &Timeline, copy_of: &[Option<usize>]) -> Vec<Disagreement> {
        let sources = &timeline.sources;
        let found: Vec<(usize, Range<usize>, names::Name)> = timeline
            .events
            .par_iter()
            .flat_map_iter(|e| {
                e.passages().iter().flat_map(|p| {
                    names::names(timeline.quote(p), &self.rules)
                        .into_iter()
                        .map(move |n| (p.source(), p.quote().clone(), n))
                })
            })
            .collect();
        // Each distinct spelling, in the order first found, and where it is
        // found: a group's evidence is then read from its spellings' lists,
        // not by comparing every name of the story with each spelling.
        let mut distinct: FxHashMap<&[String], usize> = FxHashMap::default();
        let mut spellings: Vec<&[String]> = Vec::new();
        let mut found_as: Vec<Vec<usize>> = Vec::new();
        for (at, (_, _, n)) in found.iter().enumerate() {
            let spelling = *distinct.entry(&n.words).or_insert_with(|| {
                spellings.push(&n.words);
                found_as.push(Vec::new());
                spellings.len() - 1
            });
            found_as[spelling].push(at);
        }
        let owned: Vec<Vec<String>> = spellings.iter().map(|s| s.to_vec()).collect();
        let mut out = Vec::new();
        for group in names::spelling_groups(&owned) {
            let mut values: Vec<(usize, Vec<Stated>)> = Vec::new();
            for &spelling in &group {
                let mut evidence: Vec<Stated> = found_as[spelling]
                    .iter()
                    .map(|&at| &found[at])
                    .map(|(s, quote, n)| Stated {
                        source: *s,
                        quote: quote.clone(),
                        span: quote.start + n.span.start..quote.start + n.span.end,
                    })
                    .collect();
                evidence.sort_by_key(|s| (s.source, s.span.start));
                evidence.dedup_by_key(|s| s.source);
                values.push((spelling, evidence));
            }
            let independent = |v: &[Stated]| -> Vec<usize> {
                let mut g: Vec<usize> = v
                    .iter()
                    .map(|s| copy_of[s.source].unwrap_or(s.source))
                    .collect();
                g.sort_unstable();
                g.dedup();
                g
            };
            let all: Vec<Vec<usize>> = values.iter().map(|(_, v)| independent(v)).collect();
            let two_sources = all.iter().enumerate().any(|(i, a)| {
                all.iter()
                    .enumerate()
                    .any(|(j, b)| i != j && a.iter().any(|x| b.iter().any(|y| x != y)))
            });
            if !two_sources {
                continue;
            }
            // The most widely used spelling first.
            values.sort_by_key(|(s, v)| (std::cmp::Reverse(independent(v).len()), *s));
            let claims: Vec<Claim> = values
                .into_iter()
                .map(|(_, evidence)| Claim {
                    value: words(&sources[evidence[0].source].body()[evidence[0].span.clone()]),
                    evidence,
                })
                .collect();
            out.push(Disagreement {
                about: format!("how {} is spelt", claims[0].value),
                kind: Kind::Name,
                values: claims,
            });
        }
        out
    }
}

/// The values of a passage that are about the event it is quoted for. A
/// duration counted from a known date is about the event it ends at: in
/// "8,600 troops within 135 days and all remaining troops within 14 months",
/// only the first is about the 135-day milestone, and so is the number next
/// to it. An event whose date is counted from another's is timed by such
/// durations, not by the length of something else the passage names ("a
/// seven-day reduction in violence"); a vague one ("within a few months")
/// cannot be counted and still tells.
fn about_this_event(found: Vec<claims::Found>, quote: &str, event: &Event) -> Vec<claims::Found> {
    let reaches = |f: &claims::Found| match f.reach {
        Some((from, to)) => {
            let slack = ((to - from).num_days() / 3).max(31);
            (to - event.when().end).num_days().abs() <= slack
        }
        None => false,
    };
    let counted = event.when().computed.is_some();
    let durations: Vec<&claims::Found> =
        found.iter().filter(|f| f.fact == Fact::Duration).collect();
    let nearest_duration = |f: &claims::Found| {
        durations
            .iter()
            .filter(|d| {
                // Overlapping words ("10 below zero the next two nights")
                // have nothing between them, so no sentence ends there.
                let between = d.span.end.min(f.span.end)..d.span.start.max(f.span.start);
                quote
                    .get(between)
                    .is_none_or(|text| !text.contains(['.', ';', '!', '?']))
            })
            .min_by_key(|d| d.span.start.abs_diff(f.span.start))
            .copied()
    };
    found
        .iter()
        .filter(|f| match &f.fact {
            Fact::Duration => match f.reach {
                Some(_) => reaches(f),
                None => !counted || matches!(f.value, claims::Normal::Length { amount: None, .. }),
            },
            Fact::Quantity { .. } => {
                nearest_duration(f).is_none_or(|d| d.reach.is_none() || reaches(d))
            }
            _ => true,
        })
        .cloned()
        .collect()
}

/// What the tagger finds in each paragraph read, by (source, first byte),
/// with how much of it was tagged (bytes from its start).
type Tagged = FxHashMap<(usize, usize), (Vec<annals_tagger::Timex>, usize)>;

/// How many sources report `event`, a copy and its original counted once.
fn independent_groups(event: &Event, copy_of: &[Option<usize>]) -> usize {
    let mut groups: Vec<usize> = event
        .sources()
        .iter()
        .map(|&s| copy_of[s].unwrap_or(s))
        .collect();
    groups.sort_unstable();
    groups.dedup();
    groups.len()
}

/// A quantity stated as it stood, kept for the story-level comparison.
struct StoryFact {
    counted: String,
    occurrence: Occurrence,
}

/// Whether an event already tells this disagreement, with the same values
/// from the same sources.
fn already_told(d: &Disagreement, events: &[EventComparison]) -> bool {
    events
        .iter()
        .flat_map(|e| &e.disagreements)
        .any(|e| e.values.len() == d.values.len() && same_values(e, d))
}

fn same_values(a: &Disagreement, b: &Disagreement) -> bool {
    a.values.iter().zip(&b.values).all(|(x, y)| {
        x.value == y.value && x.sources().collect::<Vec<_>>() == y.sources().collect::<Vec<_>>()
    })
}

/// The words of a span on one line, as a list shows them.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Compares `timeline` with the embedded tables and default thresholds.
pub fn compare(timeline: &Timeline) -> Comparison {
    Comparer::new().compare(timeline)
}
