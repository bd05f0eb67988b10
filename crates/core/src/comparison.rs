//! How the sources compare: who reported each event first and how long after
//! it, which articles are copies of another, and where the passages state
//! different numbers, dates, durations or names.
//!
//! These are the plain types the `annals-compare` crate computes from a
//! loaded [`Timeline`](crate::Timeline); printing and the explorer only show
//! them. Indices are into the timeline's `sources` and `events`.

use std::ops::Range;

/// The comparison of a timeline's sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstReport {
    /// The earliest source (the first by id among those tied).
    pub source: usize,
    /// Other sources published at the same time, or on the same day where
    /// one of them gives no time.
    pub tied: Vec<usize>,
}

/// What a disagreement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    /// The source.
    pub source: usize,
    /// Byte range of the passage's quote in the source's body.
    pub quote: Range<usize>,
    /// Byte range of the value's words in the source's body, inside the quote.
    pub span: Range<usize>,
}
