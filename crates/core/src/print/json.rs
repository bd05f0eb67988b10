//! The JSON format: one document, serialised as it is written, with every
//! control character escaped, C1 controls and bidirectional overrides too.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use serde_json::ser::{Formatter, PrettyFormatter};

use super::View;
use crate::event::Event;

/// Writes `view` as pretty-printed JSON followed by a newline.
pub(super) fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter::default());
    Document(view).serialize(&mut ser)?;
    out.write_all(b"\n")
}

/// serde_json's pretty printer, escaping also the characters a terminal
/// acts on that JSON allows raw: DEL, C1 controls and bidirectional overrides.
#[derive(Default)]
struct SafeFormatter(PrettyFormatter<'static>);

/// Whether a character must be written as `\uXXXX` although JSON allows it raw.
fn must_escape(c: char) -> bool {
    matches!(c, '\u{7F}'..='\u{9F}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| must_escape(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    // The pretty layout is PrettyFormatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
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
    JsonEvent {
        id: &e.id,
        title: &e.title,
        start: e.when.start.to_string(),
        end: e.when.end.to_string(),
        precision: e.when.precision.as_str(),
        computed: e.when.computed.as_deref(),
        sources: e
            .sources
            .iter()
            .map(|&s| t.sources[s].id.as_str())
            .collect(),
        summary: e.summary.as_deref(),
        disagreement: e.disagreement.as_deref(),
        tags: &e.tags,
        passages: e
            .passages
            .iter()
            .filter(|p| view.shows(p.source))
            .map(|p| JsonPassage {
                source: &t.sources[p.source].id,
                text: t.paragraph(p),
                quote: t.quote(p),
                quote_start: p.quote.start,
                quote_end: p.quote.end,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_controls_and_bidi_overrides_are_escaped() {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeFormatter::default());
        "a\u{9b}31m\u{202e}b\u{1b}c é".serialize(&mut ser).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "\"a\\u009b31m\\u202eb\\u001bc é\"");
        let back: String = serde_json::from_str(&text).unwrap();
        assert_eq!(back, "a\u{9b}31m\u{202e}b\u{1b}c é");
    }
}
