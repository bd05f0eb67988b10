//! Events: what happened, when, and the passages of the articles that say so.

use std::ops::Range;

use crate::date::{DateError, DateSpec};
use crate::source::Source;
use crate::when::When;

/// A quote located in a source: the paragraph that holds it and the quote itself.
///
/// Made with [`Passage::new`], which finds the paragraph from the quote, so
/// the two cannot disagree.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Passage {
    source: usize,
    paragraph: Range<usize>,
    quote: Range<usize>,
}

impl Passage {
    /// The passage quoting `quote` (a byte range of the body) of `source`,
    /// the source at index `index` of its timeline.
    pub fn new(index: usize, source: &Source, quote: Range<usize>) -> Passage {
        Passage {
            source: index,
            paragraph: source.paragraph_around(&quote),
            quote,
        }
    }

    /// Index of the source in [`crate::Timeline::sources`].
    pub fn source(&self) -> usize {
        self.source
    }

    /// Byte range of the paragraph(s) holding the quote, in the source body.
    pub fn paragraph(&self) -> Range<usize> {
        self.paragraph.clone()
    }

    /// Byte range of the quote in the source body.
    pub fn quote(&self) -> Range<usize> {
        self.quote.clone()
    }
}

/// Who wrote an event: a person, or `annals draft`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Drafted {
    /// Where the date comes from.
    pub basis: Basis,
    /// A hash of the event as drafted, so that a later draft can tell an
    /// event a person edited (and must keep) from one it may update.
    pub fingerprint: Option<String>,
    /// How central the event is to its story (higher is more central), as
    /// the draft ranked it; a re-draft may update it on an untouched event.
    pub salience: Option<Salience>,
}

/// How central a drafted event is to its story: a finite number, higher
/// for more central (more sources report it, other days refer to it, it
/// names the story's actors). Only the order of saliences means anything.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Salience(f64);

impl TryFrom<f64> for Salience {
    type Error = &'static str;

    fn try_from(value: f64) -> Result<Salience, &'static str> {
        Salience::new(value).ok_or("a salience is a finite number")
    }
}

impl From<Salience> for f64 {
    fn from(salience: Salience) -> f64 {
        salience.0
    }
}

// Saliences are finite (made only by `Salience::new`), so equality is total.
impl Eq for Salience {}

impl Salience {
    /// A salience, if `value` is finite; kept to three decimals, as written.
    pub fn new(value: f64) -> Option<Salience> {
        value
            .is_finite()
            .then(|| Salience((value * 1000.0).round() / 1000.0))
    }

    /// Its value.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl std::fmt::Display for Salience {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where a drafted event's date comes from: how strong it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
///
/// Made with [`Event::new`], which resolves the date as written to the date
/// as computed, then `with_…` for the rest. What derives from other fields
/// stays derived: [`Event::when`] from [`Event::date`] (and the anchor's
/// date), [`Event::sources`] from [`Event::passages`]; the four are read
/// through accessors and changed only together.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Event {
    /// Short id, used by relative dates ("signing + 135 days").
    pub id: String,
    /// One line saying what happened.
    pub title: String,
    date: DateSpec,
    when: When,
    /// A few sentences of context.
    pub summary: Option<String>,
    /// Where the sources disagree about this event.
    pub disagreement: Option<String>,
    /// Free-form tags.
    pub tags: Vec<String>,
    passages: Vec<Passage>,
    sources: Vec<usize>,
    /// Who wrote it.
    pub origin: Origin,
}

impl Event {
    /// An event dated `date`, with no evidence yet, written by a person. A
    /// relative date resolves against `anchor`, the date of the event it
    /// counts from; an absolute date needs none and ignores it.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        date: DateSpec,
        anchor: Option<&When>,
    ) -> Result<Event, DateError> {
        let when = resolve(&date, anchor)?;
        Ok(Event {
            id: id.into(),
            title: title.into(),
            date,
            when,
            summary: None,
            disagreement: None,
            tags: Vec::new(),
            passages: Vec::new(),
            sources: Vec::new(),
            origin: Origin::Person,
        })
    }

    /// Whether what the constructors keep holds: the passages ordered by
    /// source, the sources derived from them, and dates in the calendar
    /// with spans that do not end before they start. Always true of an
    /// event made here; for one read back from elsewhere (annals' cache),
    /// which serde builds without the constructors.
    pub fn keeps_invariants(&self) -> bool {
        use crate::calendar::in_range;
        let date = match &self.date {
            DateSpec::Day(d) => in_range(*d),
            DateSpec::Range(a, b) => in_range(*a) && in_range(*b) && a <= b,
            DateSpec::Month { .. } | DateSpec::Year(_) | DateSpec::Relative { .. } => true,
        };
        date && in_range(self.when.start)
            && in_range(self.when.end)
            && self.when.start <= self.when.end
            && self.passages.is_sorted_by_key(|p| p.source)
            && self.sources == sources_of(&self.passages)
            && self
                .passages
                .iter()
                .all(|p| p.paragraph.start <= p.quote.start && p.quote.end <= p.paragraph.end)
    }

    /// With this evidence, which must be ordered by source, then position in
    /// the source.
    pub fn with_passages(mut self, passages: Vec<Passage>) -> Event {
        self.sources = sources_of(&passages);
        self.passages = passages;
        self
    }

    /// With this summary, if any.
    pub fn with_summary(mut self, summary: Option<String>) -> Event {
        self.summary = summary;
        self
    }

    /// With this note on where the sources disagree, if any.
    pub fn with_disagreement(mut self, disagreement: Option<String>) -> Event {
        self.disagreement = disagreement;
        self
    }

    /// With these tags.
    pub fn with_tags(mut self, tags: Vec<String>) -> Event {
        self.tags = tags;
        self
    }

    /// Written by `origin`.
    pub fn with_origin(mut self, origin: Origin) -> Event {
        self.origin = origin;
        self
    }

    /// The date as written in the data: a day, month, year, range or relative date.
    pub fn date(&self) -> &DateSpec {
        &self.date
    }

    /// The date as computed, as precisely as known.
    pub fn when(&self) -> &When {
        &self.when
    }

    /// The evidence, ordered by source then position in the source.
    pub fn passages(&self) -> &[Passage] {
        &self.passages
    }

    /// Indices of the sources that report it, in source order, each once.
    pub fn sources(&self) -> &[usize] {
        &self.sources
    }

    /// Dates the event anew: `date`, resolved against `anchor` as in
    /// [`Event::new`]. On an error the event is left as it was.
    pub fn set_date(&mut self, date: DateSpec, anchor: Option<&When>) -> Result<(), DateError> {
        self.when = resolve(&date, anchor)?;
        self.date = date;
        Ok(())
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

/// The sources that `passages` (ordered by source) quote, each once.
fn sources_of(passages: &[Passage]) -> Vec<usize> {
    let mut sources: Vec<usize> = passages.iter().map(|p| p.source).collect();
    sources.dedup();
    sources
}

/// The date `date` means, counted from `anchor` if it is relative.
fn resolve(date: &DateSpec, anchor: Option<&When>) -> Result<When, DateError> {
    match (date.absolute(), anchor) {
        (Some(when), _) => when,
        (None, Some(anchor)) => date.resolve(anchor),
        (None, None) => Err(DateError::new(
            format!(
                "the date is counted from `{}`, whose date is not known",
                date.anchor().unwrap_or_default()
            ),
            "give that event a date first",
        )),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::calendar::Unit;
    use crate::date::Offset;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn events_made_here_keep_their_invariants_and_a_deserialised_one_is_checked() {
        let signing =
            Event::new("signing", "Signed", DateSpec::Day(day(2020, 2, 29)), None).unwrap();
        assert!(signing.keeps_invariants());
        let mut value = serde_json::to_value(&signing).unwrap();
        value["sources"] = serde_json::json!([2]);
        let wrong: Event = serde_json::from_value(value).unwrap();
        assert!(!wrong.keeps_invariants(), "sources without a passage");
        let mut value = serde_json::to_value(&signing).unwrap();
        value["when"]["end"] = serde_json::json!(1);
        let backwards: Event = serde_json::from_value(value).unwrap();
        assert!(!backwards.keeps_invariants(), "ends before it starts");
    }

    #[test]
    fn the_computed_date_follows_the_date_as_written() {
        let signing =
            Event::new("signing", "Signed", DateSpec::Day(day(2020, 2, 29)), None).unwrap();
        assert_eq!(signing.when(), &When::day(day(2020, 2, 29)));
        let later = DateSpec::Relative {
            anchor: "signing".into(),
            offset: Offset::Shift {
                back: false,
                amount: 14,
                unit: Unit::Month,
            },
        };
        let mut out = Event::new("out", "Out", later.clone(), Some(signing.when())).unwrap();
        assert_eq!(out.when().label(), "2021-04-29");
        assert_eq!(out.when().computed.as_deref(), Some("signing + 14 months"));
        let err = Event::new("out", "Out", later.clone(), None).unwrap_err();
        assert!(err.message.contains("`signing`"), "{}", err.message);
        let earlier = When::day(day(2019, 1, 31));
        out.set_date(later, Some(&earlier)).unwrap();
        assert_eq!(out.when().label(), "2020-03-31");
        let backwards = DateSpec::Range(day(2020, 3, 1), day(2020, 2, 1));
        assert!(out.set_date(backwards, None).is_err());
        assert_eq!(
            out.when().label(),
            "2020-03-31",
            "unchanged by a failed set_date"
        );
    }

    #[test]
    fn the_sources_follow_the_passages() {
        let body = "One.\n\nTwo.";
        let a = Source::new("a", day(2020, 2, 29), body);
        let passages = vec![
            Passage::new(0, &a, 0..3),
            Passage::new(0, &a, 6..9),
            Passage::new(2, &a, 6..9),
        ];
        assert_eq!(passages[1].paragraph(), 6..10);
        let event = Event::new("e", "E", DateSpec::Year(2020), None)
            .unwrap()
            .with_passages(passages);
        assert_eq!(event.sources(), [0, 2]);
        assert!(event.reported_by(2) && !event.reported_by(1));
    }
}
