//! How the sources compare: who reported each event first and how long after
//! it, which articles are copies of another, and where the passages state
//! different numbers, dates, durations or names.
//!
//! These are the plain types the `annals-compare` crate computes from a
//! loaded [`Timeline`](crate::Timeline); printing and the explorer only show
//! them. Indices are into the timeline's `sources` and `events`.

use std::ops::Range;

/// The comparison of a timeline's sources.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Comparison {
    /// For each source (indexed like the timeline's), the source it is a copy
    /// of: the earliest article of its group of near-identical texts.
    pub copy_of: Vec<Option<usize>>,
    /// For each event (indexed like the timeline's), how its sources compare.
    pub events: Vec<EventComparison>,
    /// Facts stated in several events on which the sources disagree (the
    /// troops in the country as of one day, the spelling of a person's name).
    pub story: Vec<Disagreement>,
}

impl Comparison {
    /// The source `s` stands for: itself, or the original it is a copy of.
    pub fn original(&self, s: usize) -> usize {
        self.copy_of.get(s).copied().flatten().unwrap_or(s)
    }

    /// Whether any event, or the story, has a computed disagreement.
    pub fn any_disagreement(&self) -> bool {
        !self.story.is_empty() || self.events.iter().any(|e| !e.disagreements.is_empty())
    }

    /// How the event at `index` compares, if it was compared.
    pub fn event(&self, index: usize) -> Option<&EventComparison> {
        self.events.get(index)
    }
}

/// How one event's sources compare.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EventComparison {
    /// The source whose article is earliest, and any it ties with.
    pub first: Option<FirstReport>,
    /// The first publication minus the event's start, in days: positive when
    /// reported after the fact, negative when announced ahead.
    pub lag_days: Option<i64>,
    /// How many sources report it, counting a copy and its original once.
    pub independent: usize,
    /// What the sources state differently about it.
    pub disagreements: Vec<Disagreement>,
}

/// The first report of an event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FirstReport {
    /// The earliest source (the first by id among those tied).
    pub source: usize,
    /// Other sources published at the same time, or on the same day where
    /// one of them gives no time.
    pub tied: Vec<usize>,
}

/// What a disagreement is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Kind {
    /// A quantity: its number, what it counts, and whether it is a level or a change.
    Number,
    /// The date or time of a happening.
    Date,
    /// How long something takes.
    Duration,
    /// How a person's name is written.
    Name,
}

impl Kind {
    /// The word used in JSON: `number`, `date`, `duration`, `name`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Name => "name",
        }
    }
}

/// Sources stating different values of one fact.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Disagreement {
    /// What the fact is, in a few words: "troops: 8,600 as a level or a change".
    pub about: String,
    /// What kind of value differs.
    pub kind: Kind,
    /// The different values, each with the sources that state it; at least two.
    pub values: Vec<Claim>,
}

impl Disagreement {
    /// "about: value (sources) / value (sources)", for a line of text; `id`
    /// names a source by its index.
    pub fn describe<'a>(&self, id: impl Fn(usize) -> &'a str) -> String {
        let values: Vec<String> = self
            .values
            .iter()
            .map(|v| {
                let ids: Vec<&str> = v.sources().map(&id).collect();
                format!("\u{201C}{}\u{201D} ({})", v.value, ids.join(", "))
            })
            .collect();
        format!("{}: {}", self.about, values.join(" vs "))
    }
}

/// One value of a disagreement and where the articles state it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    /// The value as the first of its sources writes it: "down to 8600".
    pub value: String,
    /// Where each source stating it states it (first), one a source, in
    /// source order.
    pub evidence: Vec<Stated>,
}

impl Claim {
    /// The sources stating this value, in source order.
    pub fn sources(&self) -> impl Iterator<Item = usize> + '_ {
        self.evidence.iter().map(|e| e.source)
    }
}

/// Where a source states a value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stated {
    /// The source.
    pub source: usize,
    /// Byte range of the passage's quote in the source's body.
    pub quote: Range<usize>,
    /// Byte range of the value's words in the source's body, inside the quote.
    pub span: Range<usize>,
}

/// Per story: which source reports which event, what only one source
/// reports, and each source's first reports and lags. Derived from a
/// timeline and its comparison, for the events a set of visible sources
/// report.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// One row per visible source, in source order.
    pub sources: Vec<SourceCoverage>,
    /// The events shown (indices into the timeline's events), in date order.
    pub events: Vec<usize>,
    /// The events (of `events`) only one independent source reports.
    pub only_one: Vec<usize>,
    /// How many visible sources are not a copy of another.
    pub independent: usize,
}

/// How one source covers the story.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceCoverage {
    /// The source.
    pub source: usize,
    /// How many of the shown events it reports.
    pub events: usize,
    /// How many it reported first, alone.
    pub first: usize,
    /// How many it reported first, tied with others.
    pub tied_first: usize,
    /// How many no other independent source reports.
    pub only_here: usize,
    /// The median of its publication minus each event's start, in days.
    pub median_lag_days: Option<f64>,
    /// The median of its publication minus each event's first report, in days.
    pub median_behind_first_days: Option<f64>,
}

impl Coverage {
    /// The coverage of the events that `visible` sources report (indexed
    /// like the timeline's sources).
    pub fn of(timeline: &crate::Timeline, comparison: &Comparison, visible: &[bool]) -> Coverage {
        let shows = |s: usize| visible.get(s).copied().unwrap_or(false);
        let events = timeline.visible_events(visible);
        let n = timeline.sources.len();
        let mut rows: Vec<SourceCoverage> = (0..n)
            .map(|source| SourceCoverage {
                source,
                events: 0,
                first: 0,
                tied_first: 0,
                only_here: 0,
                median_lag_days: None,
                median_behind_first_days: None,
            })
            .collect();
        let mut lags: Vec<Vec<i64>> = vec![Vec::new(); n];
        let mut behind: Vec<Vec<i64>> = vec![Vec::new(); n];
        let mut only_one = Vec::new();
        for &e in &events {
            let event = &timeline.events[e];
            let compared = comparison.event(e);
            let mut originals: Vec<usize> = event
                .sources()
                .iter()
                .filter(|&&s| shows(s))
                .map(|&s| comparison.original(s))
                .collect();
            originals.sort_unstable();
            originals.dedup();
            if originals.len() == 1 {
                only_one.push(e);
            }
            let first_day = event
                .sources()
                .iter()
                .map(|&s| timeline.sources[s].published)
                .min();
            for &s in event.sources().iter().filter(|&&s| shows(s)) {
                let row = &mut rows[s];
                row.events += 1;
                if originals.len() == 1 {
                    row.only_here += 1;
                }
                let published = timeline.sources[s].published;
                lags[s].push((published - event.when().start).num_days());
                if let Some(day) = first_day {
                    behind[s].push((published - day).num_days());
                }
            }
            if let Some(first) = compared.and_then(|c| c.first.as_ref()) {
                if first.tied.is_empty() {
                    if shows(first.source) {
                        rows[first.source].first += 1;
                    }
                } else {
                    for s in std::iter::once(first.source).chain(first.tied.iter().copied()) {
                        if shows(s) {
                            rows[s].tied_first += 1;
                        }
                    }
                }
            }
        }
        for (row, (lags, behind)) in rows.iter_mut().zip(lags.iter_mut().zip(&mut behind)) {
            row.median_lag_days = median(lags);
            row.median_behind_first_days = median(behind);
        }
        let independent = (0..n)
            .filter(|&s| shows(s) && comparison.copy_of.get(s).copied().flatten().is_none())
            .count();
        Coverage {
            sources: rows.into_iter().filter(|r| shows(r.source)).collect(),
            events,
            only_one,
            independent,
        }
    }
}

/// The median of `values` (which it sorts), `None` for none.
fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid] as f64
    } else {
        (values[mid - 1] + values[mid]) as f64 / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5, 1, 3]), Some(3.0));
        assert_eq!(median(&mut [4, 1, 3, 2]), Some(2.5));
    }

    #[test]
    fn coverage_counts_first_reports_ties_and_lone_events() {
        let t = crate::doha();
        let comparison = Comparison {
            copy_of: vec![None, None, None, Some(2)],
            events: t
                .events
                .iter()
                .map(|e| EventComparison {
                    first: Some(FirstReport {
                        source: e.sources()[0],
                        tied: e.sources()[1..].to_vec(),
                    }),
                    lag_days: None,
                    independent: e.sources().len(),
                    disagreements: Vec::new(),
                })
                .collect(),
            story: Vec::new(),
        };
        let coverage = Coverage::of(&t, &comparison, &[true; 4]);
        assert_eq!(coverage.independent, 3);
        assert_eq!(coverage.events.len(), 19);
        let sun = &coverage.sources[3];
        assert_eq!((sun.events, sun.median_behind_first_days), (10, Some(0.0)));
        // Told by pullout alone, or by pullout and sun, its copy here.
        let lone: Vec<&str> = coverage
            .only_one
            .iter()
            .map(|&e| t.events[e].id.as_str())
            .collect();
        assert_eq!(
            lone,
            [
                "taliban-toppled",
                "bin-laden-flees",
                "unama-casualties",
                "pompeo-ambassadors",
                "victory-march",
                "embassy-tweet",
                "joint-declaration"
            ]
        );
        // Sole first reports are the events one source reports.
        let first: Vec<usize> = coverage.sources.iter().map(|r| r.first).collect();
        assert_eq!(first, [1, 0, 4, 2]);
        assert_eq!(coverage.sources[0].tied_first, 10);
    }
}
