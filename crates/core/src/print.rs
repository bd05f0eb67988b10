//! Printing a timeline as plain text, Markdown or JSON, for pipes and files.

use std::fmt::Write as _;

use serde::Serialize;

use crate::text::sanitize_line;
use crate::timeline::Timeline;

/// An output format of `annals print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One block per event, aligned on the date.
    #[default]
    Text,
    /// Headings and block quotes.
    Markdown,
    /// One JSON document.
    Json,
}

/// What to print.
#[derive(Debug, Clone)]
pub struct View<'t> {
    /// The timeline.
    pub timeline: &'t Timeline,
    /// Which sources to show, indexed like `timeline.sources`: events no visible
    /// source reports are left out, and so are passages of hidden sources.
    pub visible: Vec<bool>,
    /// Whether to print the passages (and summaries) under each event.
    pub passages: bool,
}

impl<'t> View<'t> {
    /// Every source visible, no passages.
    pub fn new(timeline: &'t Timeline) -> Self {
        View {
            timeline,
            visible: vec![true; timeline.sources.len()],
            passages: false,
        }
    }

    fn events(&self) -> impl Iterator<Item = &'t crate::event::Event> + '_ {
        self.timeline
            .visible_events(&self.visible)
            .into_iter()
            .map(|i| &self.timeline.events[i])
    }

    fn shows(&self, source: usize) -> bool {
        self.visible.get(source).copied().unwrap_or(false)
    }

    /// Renders in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.text(),
            Format::Markdown => self.markdown(),
            Format::Json => self.json(),
        }
    }

    /// Plain text: the date as precise as known, the title, the sources.
    pub fn text(&self) -> String {
        let t = self.timeline;
        let mut out = String::new();
        let events: Vec<_> = self.events().collect();
        let _ = writeln!(out, "{}", sanitize_line(&t.title));
        let shown = self.visible.iter().filter(|v| **v).count();
        let _ = writeln!(
            out,
            "{} events from {} of {} sources",
            events.len(),
            shown,
            t.sources.len()
        );
        let width = events
            .iter()
            .map(|e| e.when.label().chars().count())
            .max()
            .unwrap_or(0);
        let pad = " ".repeat(width + 2);
        for event in events {
            let label = event.when.label();
            let gap = width + 2 - label.chars().count();
            let _ = writeln!(
                out,
                "\n{label}{}{}",
                " ".repeat(gap),
                sanitize_line(&event.title)
            );
            if let Some(how) = &event.when.computed {
                let _ = writeln!(out, "{pad}computed: {how}");
            }
            let ids: Vec<&str> = event
                .sources
                .iter()
                .map(|&s| t.sources[s].id.as_str())
                .collect();
            let _ = writeln!(out, "{pad}sources: {}", ids.join(", "));
            if !self.passages {
                continue;
            }
            if let Some(summary) = &event.summary {
                let _ = writeln!(out, "{pad}{}", sanitize_line(summary));
            }
            if let Some(d) = &event.disagreement {
                let _ = writeln!(out, "{pad}sources disagree: {}", sanitize_line(d));
            }
            for p in event.passages.iter().filter(|p| self.shows(p.source)) {
                let _ = writeln!(
                    out,
                    "{pad}{}: \u{201C}{}\u{201D}",
                    t.sources[p.source].id,
                    sanitize_line(t.quote(p))
                );
                if p.paragraph != p.quote {
                    let _ = writeln!(out, "{pad}  > {}", sanitize_line(t.paragraph(p)));
                }
            }
        }
        out
    }

    /// Markdown: a heading per event, passages as block quotes with the quote in bold.
    pub fn markdown(&self) -> String {
        let t = self.timeline;
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n", md(&t.title));
        if let Some(summary) = &t.summary {
            let _ = writeln!(out, "{}\n", md(summary));
        }
        let _ = writeln!(out, "## Sources\n");
        for (i, s) in t.sources.iter().enumerate().filter(|(i, _)| self.shows(*i)) {
            let outlet = s
                .outlet
                .as_deref()
                .map(|o| format!(", {}", md(o)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}. `{}`: {}{outlet}, {}",
                i + 1,
                s.id,
                md(&s.title),
                s.published
            );
        }
        let _ = writeln!(out, "\n## Events");
        for event in self.events() {
            let _ = writeln!(out, "\n### {}: {}\n", event.when.label(), md(&event.title));
            if let Some(how) = &event.when.computed {
                let _ = writeln!(out, "*Computed: {}.*\n", md(how));
            }
            let ids: Vec<String> = event
                .sources
                .iter()
                .map(|&s| format!("`{}`", t.sources[s].id))
                .collect();
            let _ = writeln!(out, "Sources: {}", ids.join(", "));
            if !self.passages {
                continue;
            }
            if let Some(summary) = &event.summary {
                let _ = writeln!(out, "\n{}", md(summary));
            }
            if let Some(d) = &event.disagreement {
                let _ = writeln!(out, "\n**Sources disagree:** {}", md(d));
            }
            for p in event.passages.iter().filter(|p| self.shows(p.source)) {
                let source = &t.sources[p.source];
                let before = &source.body[p.paragraph.start..p.quote.start];
                let after = &source.body[p.quote.end..p.paragraph.end];
                let _ = writeln!(
                    out,
                    "\n> {}**{}**{}\n> \u{2014} `{}`",
                    md(before),
                    md(t.quote(p)),
                    md(after),
                    source.id
                );
            }
        }
        out
    }

    /// JSON, as documented in the README.
    pub fn json(&self) -> String {
        let t = self.timeline;
        let doc = JsonTimeline {
            title: &t.title,
            sources: t
                .sources
                .iter()
                .enumerate()
                .filter(|(i, _)| self.shows(*i))
                .map(|(_, s)| JsonSource {
                    id: &s.id,
                    title: &s.title,
                    outlet: s.outlet.as_deref(),
                    published: s.published.to_string(),
                })
                .collect(),
            events: self
                .events()
                .map(|e| JsonEvent {
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
                        .filter(|p| self.shows(p.source))
                        .map(|p| JsonPassage {
                            source: &t.sources[p.source].id,
                            text: t.paragraph(p),
                            quote: t.quote(p),
                            quote_start: p.quote.start,
                            quote_end: p.quote.end,
                        })
                        .collect(),
                })
                .collect(),
        };
        let mut out =
            serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
        out.push('\n');
        out
    }
}

/// Escapes text for Markdown, so article text cannot turn into markup.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize_line(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Serialize)]
struct JsonTimeline<'a> {
    title: &'a str,
    sources: Vec<JsonSource<'a>>,
    events: Vec<JsonEvent<'a>>,
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
    fn markdown_escapes_article_text() {
        assert_eq!(md("*bold* <b> `x`"), "\\*bold\\* \\<b\\> \\`x\\`");
        assert_eq!(md("a\u{1b}[2J"), "a␛\\[2J");
    }
}
