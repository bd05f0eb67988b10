//! Events: what happened, when, and the passages of the articles that say so.

use std::ops::Range;

use crate::date::DateSpec;
use crate::when::When;

/// A quote located in a source: the paragraph that holds it and the quote itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Index of the source in [`crate::Timeline::sources`].
    pub source: usize,
    /// Byte range of the paragraph in the source body.
    pub paragraph: Range<usize>,
    /// Byte range of the quote in the source body.
    pub quote: Range<usize>,
}

/// Who wrote an event: a person, or `annals draft`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Origin {
    /// Written (or edited) by a person: no `origin` field, or any value other
    /// than `"drafted"`, which is kept as written.
    #[default]
    Person,
    /// A person's own `origin` value, such as `"checked"`.
    Other(String),
    /// Drafted by annals from the articles and not edited since.
    Drafted(Drafted),
}

/// What `annals draft` records about an event it drafted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drafted {
    /// Where the date comes from.
    pub basis: Basis,
    /// A hash of the event as drafted, so that a later draft can tell an
    /// event a person edited (and must keep) from one it may update.
    pub fingerprint: Option<String>,
}

/// Where a drafted event's date comes from: how strong it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The articles write the date out ("on Oct. 7, 2001", "on Saturday").
    Stated,
    /// The articles report it as their news without a date of their own; it
    /// is dated by their publication.
    Published,
    /// It is counted from another event ("within 14 months of the signing").
    Computed,
}

impl Basis {
    /// The word used in `timeline.toml`: `stated`, `published`, `computed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Stated => "stated",
            Basis::Published => "published",
            Basis::Computed => "computed",
        }
    }

    /// Reads the word used in `timeline.toml`.
    pub fn parse(word: &str) -> Option<Basis> {
        [Basis::Stated, Basis::Published, Basis::Computed]
            .into_iter()
            .find(|b| b.as_str() == word)
    }

    /// A phrase for people: "date written in the articles".
    pub fn describe(self) -> &'static str {
        match self {
            Basis::Stated => "date written in the articles",
            Basis::Published => "dated by the articles' publication",
            Basis::Computed => "date counted from another event",
        }
    }
}

/// One dated event of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Short id, used by relative dates ("signing + 135 days").
    pub id: String,
    /// One line saying what happened.
    pub title: String,
    /// The date as written in the data: a day, month, year, range or relative date.
    pub date: DateSpec,
    /// The date as computed, as precisely as known.
    pub when: When,
    /// A few sentences of context.
    pub summary: Option<String>,
    /// Where the sources disagree about this event.
    pub disagreement: Option<String>,
    /// Free-form tags.
    pub tags: Vec<String>,
    /// The evidence, ordered by source then position in the source.
    pub passages: Vec<Passage>,
    /// Indices of the sources that report it, in source order, each once.
    pub sources: Vec<usize>,
    /// Who wrote it.
    pub origin: Origin,
}

impl Event {
    /// The sources that `passages` (ordered by source) quote, each once: what
    /// [`Event::sources`] holds.
    pub fn sources_of(passages: &[Passage]) -> Vec<usize> {
        let mut sources: Vec<usize> = passages.iter().map(|p| p.source).collect();
        sources.dedup();
        sources
    }

    /// Whether `source` reports this event.
    pub fn reported_by(&self, source: usize) -> bool {
        self.sources.contains(&source)
    }

    /// How the draft dated it, if annals drafted it and nobody edited it since.
    pub fn drafted(&self) -> Option<&Drafted> {
        match &self.origin {
            Origin::Drafted(d) => Some(d),
            _ => None,
        }
    }
}
