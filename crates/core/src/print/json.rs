//! The JSON format: one document, serialised as it is written (through
//! [`crate::json`], which escapes every control character).
//!
//! A passage names its paragraph by its index in its source's `paragraphs`,
//! where each paragraph that a shown passage stands in is written once, with
//! its byte range in the body: a story whose articles are one long paragraph
//! each printed that paragraph once per quote.

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::View;
use crate::comparison::Disagreement;
use crate::event::Event;

/// Writes `view` as pretty-printed JSON followed by a newline.
pub(super) fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    crate::json::write_pretty(&mut *out, &Document(view))?;
    out.write_all(b"\n")
}

/// The whole document: `{ title, sources, events }`.
struct Document<'v, 't>(&'v View<'t>);

impl Serialize for Document<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let t = view.timeline;
        let paragraphs = Paragraphs::cited(view);
        let mut doc = s.serialize_struct("Timeline", 4)?;
        doc.serialize_field("title", &t.title)?;
        doc.serialize_field("sources", &Sources(view, &paragraphs))?;
        doc.serialize_field("events", &Events(view, &paragraphs))?;
        if let Some(c) = view.comparison {
            let story: Vec<JsonDisagreement<'_>> =
                c.story.iter().map(|d| disagreement(view, d)).collect();
            doc.serialize_field("disagreements", &story)?;
        }
        doc.end()
    }
}

/// For each source, the byte ranges of the paragraphs its shown passages
/// stand in, in body order, each once.
struct Paragraphs(Vec<Vec<Range<usize>>>);

impl Paragraphs {
    fn cited(view: &View<'_>) -> Paragraphs {
        let mut cited = vec![Vec::new(); view.timeline.sources.len()];
        for (_, e) in view.indexed_events() {
            for p in e.passages().iter().filter(|p| view.shows(p.source())) {
                cited[p.source()].push(p.paragraph());
            }
        }
        for ranges in &mut cited {
            ranges.sort_unstable_by_key(|r| (r.start, r.end));
            ranges.dedup();
        }
        Paragraphs(cited)
    }

    /// The index of a passage's paragraph in its source's list.
    fn index(&self, source: usize, paragraph: &Range<usize>) -> usize {
        self.0[source]
            .binary_search_by_key(&(paragraph.start, paragraph.end), |r| (r.start, r.end))
            .unwrap_or_default()
    }
}

struct Sources<'v, 't>(&'v View<'t>, &'v Paragraphs);

impl Serialize for Sources<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (view, paragraphs) = (self.0, self.1);
        s.collect_seq(
            view.timeline
                .sources
                .iter()
                .enumerate()
                .filter(|(i, _)| view.shows(*i))
                .map(|(i, s)| JsonSource {
                    id: &s.id,
                    title: &s.title,
                    outlet: s.outlet.as_deref(),
                    published: s.published.to_string(),
                    paragraphs: paragraphs.0[i]
                        .iter()
                        .map(|r| JsonParagraph {
                            start: r.start,
                            end: r.end,
                            text: &s.body()[r.clone()],
                        })
                        .collect(),
                    copy_of: view.comparison.map(|c| {
                        c.copy_of
                            .get(i)
                            .copied()
                            .flatten()
                            .map(|o| view.timeline.sources[o].id.as_str())
                    }),
                }),
        )
    }
}

struct Events<'v, 't>(&'v View<'t>, &'v Paragraphs);

impl Serialize for Events<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (view, paragraphs) = (self.0, self.1);
        s.collect_seq(
            view.indexed_events()
                .map(|(i, e)| event(view, paragraphs, i, e)),
        )
    }
}

fn event<'a>(
    view: &View<'a>,
    paragraphs: &Paragraphs,
    index: usize,
    e: &'a Event,
) -> JsonEvent<'a> {
    let t = view.timeline;
    let (start, end) = e.when().bounds();
    let compared = view.compared_event(index);
    JsonEvent {
        id: &e.id,
        title: &e.title,
        start,
        end,
        precision: e.when().precision.as_str(),
        computed: e.when().computed.as_deref(),
        origin: match &e.origin {
            crate::event::Origin::Person => None,
            crate::event::Origin::Other(o) => Some(o.as_str()),
            crate::event::Origin::Drafted(_) => Some("drafted"),
        },
        basis: e.drafted().map(|d| d.basis.as_str()),
        salience: e.drafted().and_then(|d| d.salience).map(|s| s.get()),
        sources: e
            .sources()
            .iter()
            .map(|&s| t.sources[s].id.as_str())
            .collect(),
        summary: e.summary.as_deref(),
        disagreement: e.disagreement.as_deref(),
        tags: &e.tags,
        passages: e
            .passages()
            .iter()
            .filter(|p| view.shows(p.source()))
            .map(|p| JsonPassage {
                source: &t.sources[p.source()].id,
                paragraph: paragraphs.index(p.source(), &p.paragraph()),
                quote: t.quote(p),
                quote_start: p.quote().start,
                quote_end: p.quote().end,
            })
            .collect(),
        first_reported: compared.map(|c| {
            c.first.as_ref().map(|f| JsonFirst {
                source: &t.sources[f.source].id,
                published: super::published(&t.sources[f.source]),
                tied_with: f.tied.iter().map(|&s| t.sources[s].id.as_str()).collect(),
            })
        }),
        lag_days: compared.map(|c| c.lag_days),
        independent_sources: compared.map(|c| c.independent),
        disagreements: compared.map(|c| {
            c.disagreements
                .iter()
                .map(|d| disagreement(view, d))
                .collect()
        }),
    }
}

fn disagreement<'a>(view: &View<'a>, d: &'a Disagreement) -> JsonDisagreement<'a> {
    let t = view.timeline;
    JsonDisagreement {
        about: &d.about,
        kind: d.kind.as_str(),
        values: d
            .values
            .iter()
            .map(|v| JsonValue {
                value: &v.value,
                sources: v.sources().map(|s| t.sources[s].id.as_str()).collect(),
                quote: v
                    .evidence
                    .first()
                    .map(|e| &t.sources[e.source].body()[e.quote.clone()])
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    published: String,
    paragraphs: Vec<JsonParagraph<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copy_of: Option<Option<&'a str>>,
}

#[derive(Serialize)]
struct JsonParagraph<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    id: &'a str,
    title: &'a str,
    start: String,
    end: String,
    precision: &'static str,
    computed: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    salience: Option<f64>,
    sources: Vec<&'a str>,
    summary: Option<&'a str>,
    disagreement: Option<&'a str>,
    tags: &'a [String],
    passages: Vec<JsonPassage<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_reported: Option<Option<JsonFirst<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lag_days: Option<Option<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    independent_sources: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    disagreements: Option<Vec<JsonDisagreement<'a>>>,
}

#[derive(Serialize)]
struct JsonFirst<'a> {
    source: &'a str,
    published: String,
    tied_with: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonDisagreement<'a> {
    about: &'a str,
    kind: &'static str,
    values: Vec<JsonValue<'a>>,
}

#[derive(Serialize)]
struct JsonValue<'a> {
    value: &'a str,
    sources: Vec<&'a str>,
    quote: &'a str,
}

#[derive(Serialize)]
struct JsonPassage<'a> {
    source: &'a str,
    paragraph: usize,
    quote: &'a str,
    quote_start: usize,
    quote_end: usize,
}
