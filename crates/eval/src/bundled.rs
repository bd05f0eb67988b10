//! The bundled story drafted from its bare articles (the four bodies of
//! `data/sources/`, with only their publication date) and compared with
//! the hand-made `data/timeline.toml`: the six mission events at their
//! dates, how many hand-made events the draft finds, how many drafted
//! events match none, and Date-F1 against the hand-made dates (baseline:
//! every day the tagger finds and the publication date).

use std::collections::BTreeSet;
use std::path::Path;

use annals_core::{DateSpec, Event, Source, Timeline};
use annals_draft::{Drafter, Options};
use annals_tagger::{Date, Tagger, TimexType, Value};
use chrono::NaiveDate;

use crate::score::{self, Dated, Prf};

/// What the draft of the bundled story scores.
#[derive(Debug, Clone)]
pub struct Scored {
    /// Of the six mission events (attacks, invasion, the week of reduced
    /// violence, signing, 135 days, 14 months), how many are there.
    pub mission: usize,
    /// Of the six mission events, how many are among the six most salient
    /// drafted events (`--events 6`).
    pub mission_top: usize,
    /// Hand-made events the draft finds.
    pub found: usize,
    /// Hand-made events.
    pub made: usize,
    /// Drafted events.
    pub drafted: usize,
    /// Drafted events that match no hand-made one.
    pub unmatched: usize,
    /// Date-F1 against the hand-made dates.
    pub annals: Prf,
    /// The baseline's.
    pub days_pub: Prf,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// The four articles with only their publication date.
pub fn bare_articles(data: &Path) -> Result<Vec<Source>, String> {
    let dir = data.join("sources");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let file = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let split =
                annals_core::source::split(&file).map_err(|e| format!("{}: {e:?}", p.display()))?;
            let id = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            Ok(Source::new(id, d(2020, 2, 29), split.body).with_file(p, 1))
        })
        .collect()
}

/// A drafted event matches a hand-made one when their dates overlap and one
/// of its quotes overlaps one of the hand-made event's in the same article.
fn matches(drafted: &Timeline, e: &Event, made: &Timeline, h: &Event) -> bool {
    e.when().overlaps(h.when())
        && e.passages().iter().any(|p| {
            let id = &drafted.sources[p.source()].id;
            h.passages().iter().any(|q| {
                &made.sources[q.source()].id == id
                    && p.quote().start < q.quote().end
                    && q.quote().start < p.quote().end
            })
        })
}

/// Drafts and scores the bundled story of the data folder `data`.
pub fn run(data: &Path, drafter: &Drafter, tagger: &Tagger) -> Result<Scored, String> {
    let made = annals_core::load(data).map_err(|p| p.to_string())?;
    let sources = bare_articles(data)?;
    let mut days: BTreeSet<Dated> = sources.iter().map(|s| Dated::Day(s.published)).collect();
    for s in &sources {
        for t in tagger.tag(s.body(), s.published) {
            if let (TimexType::Date, Value::Date(Date::Day(day))) = (t.kind, t.value) {
                days.insert(Dated::Day(day));
            }
        }
    }
    let t = drafter.draft(sources, &Options::default());
    let at = |start: NaiveDate, end: NaiveDate, counted: bool| {
        t.events.iter().any(|e| {
            e.when().start == start
                && e.when().end == end
                && (!counted || matches!(e.date(), DateSpec::Relative { .. }))
        })
    };
    let mut ranked: Vec<&Event> = t.events.iter().collect();
    let salience = |e: &Event| {
        e.drafted()
            .and_then(|d| d.salience)
            .map_or(f64::MIN, |s| s.get())
    };
    ranked.sort_by(|a, b| salience(b).total_cmp(&salience(a)));
    let top: Vec<&Event> = ranked.into_iter().take(6).collect();
    let in_top = |start: NaiveDate, end: NaiveDate| {
        top.iter()
            .any(|e| e.when().start == start && e.when().end == end)
    };
    let mission_top = [
        in_top(d(2001, 9, 11), d(2001, 9, 11)),
        in_top(d(2001, 10, 7), d(2001, 10, 7)),
        in_top(d(2020, 2, 22), d(2020, 2, 28)),
        in_top(d(2020, 2, 29), d(2020, 2, 29)),
        in_top(d(2020, 7, 13), d(2020, 7, 13)),
        in_top(d(2021, 4, 29), d(2021, 4, 29)),
    ]
    .iter()
    .filter(|&&x| x)
    .count();
    let mission = [
        at(d(2001, 9, 11), d(2001, 9, 11), false),
        at(d(2001, 10, 7), d(2001, 10, 7), false),
        at(d(2020, 2, 22), d(2020, 2, 28), false),
        at(d(2020, 2, 29), d(2020, 2, 29), false),
        at(d(2020, 7, 13), d(2020, 7, 13), true),
        at(d(2021, 4, 29), d(2021, 4, 29), true),
    ]
    .iter()
    .filter(|&&x| x)
    .count();
    let found = made
        .events
        .iter()
        .filter(|h| t.events.iter().any(|e| matches(&t, e, &made, h)))
        .count();
    let unmatched = t
        .events
        .iter()
        .filter(|e| !made.events.iter().any(|h| matches(&t, e, &made, h)))
        .count();
    let gold: BTreeSet<Dated> = made
        .events
        .iter()
        .filter_map(|e| Dated::of(e.when()))
        .collect();
    Ok(Scored {
        mission,
        mission_top,
        found,
        made: made.events.len(),
        drafted: t.events.len(),
        unmatched,
        annals: score::dated(&crate::semeval::predicted(&t), &gold),
        days_pub: score::dated(&days, &gold),
    })
}
