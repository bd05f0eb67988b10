//! The JSON format: one document, serialised as it is written (through
//! [`crate::json`], which escapes every control character).

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::View;
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
        let mut doc = s.serialize_struct("Timeline", 3)?;
        doc.serialize_field("title", &t.title)?;
        doc.serialize_field("sources", &Sources(view))?;
        doc.serialize_field("events", &Events(view))?;
        doc.end()
    }
}

struct Sources<'v, 't>(&'v View<'t>);

impl Serialize for Sources<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        s.collect_seq(
            view.timeline
                .sources
                .iter()
                .enumerate()
                .filter(|(i, _)| view.shows(*i))
                .map(|(_, s)| JsonSource {
                    id: &s.id,
                    title: &s.title,
                    outlet: s.outlet.as_deref(),
                    published: s.published.to_string(),
                }),
        )
    }
}

struct Events<'v, 't>(&'v View<'t>);

impl Serialize for Events<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        s.collect_seq(view.events().map(|e| event(view, e)))
    }
}

fn event<'a>(view: &View<'a>, e: &'a Event) -> JsonEvent<'a> {
    let t = view.timeline;
    let (start, end) = e.when().bounds();
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
                text: t.paragraph(p),
                quote: t.quote(p),
                quote_start: p.quote().start,
                quote_end: p.quote().end,
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
    sources: Vec<&'a str>,
    summary: Option<&'a str>,
    disagreement: Option<&'a str>,
    tags: &'a [String],
    passages: Vec<JsonPassage<'a>>,
}

#[derive(Serialize)]
struct JsonPassage<'a> {
    source: &'a str,
    text: &'a str,
    quote: &'a str,
    quote_start: usize,
    quote_end: usize,
}
