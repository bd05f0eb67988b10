//! The one walk over a timeline that plain text and Markdown share: which
//! events, in which order, with which parts. A [`Style`] says how each part looks.

use std::io::{self, Write};

use super::View;
use crate::text::sanitize_line;

/// How the parts of a printed timeline look.
pub(super) trait Style {
    /// Everything before the first event. `width` is the widest date label.
    fn head(
        &mut self,
        out: &mut dyn Write,
        view: &View<'_>,
        events: usize,
        width: usize,
    ) -> io::Result<()>;
    /// An event's heading: its date and title.
    fn event(&mut self, out: &mut dyn Write, label: &str, title: &str) -> io::Result<()>;
    /// How a relative date was computed.
    fn computed(&mut self, out: &mut dyn Write, how: &str) -> io::Result<()>;
    /// That annals drafted the event, and how strong its date is.
    fn drafted(&mut self, out: &mut dyn Write, note: &str) -> io::Result<()>;
    /// The ids of the sources that report the event ("b (a copy of a)").
    fn sources(&mut self, out: &mut dyn Write, ids: &[String]) -> io::Result<()>;
    /// What the computed disagreements of an event are about, in short.
    fn disagree_on(&mut self, out: &mut dyn Write, about: &[&str]) -> io::Result<()>;
    /// Who reported the event first, and how long after it.
    fn first(&mut self, out: &mut dyn Write, note: &str) -> io::Result<()>;
    /// A computed disagreement, in full.
    fn computed_disagreement(&mut self, out: &mut dyn Write, note: &str) -> io::Result<()>;
    /// After the last event: the story's own disagreements, in full or in short.
    fn story(&mut self, out: &mut dyn Write, notes: &[String]) -> io::Result<()>;
    /// The event's summary.
    fn summary(&mut self, out: &mut dyn Write, text: &str) -> io::Result<()>;
    /// Where the sources disagree.
    fn disagreement(&mut self, out: &mut dyn Write, text: &str) -> io::Result<()>;
    /// A passage: the quote inside its paragraph.
    fn passage(&mut self, out: &mut dyn Write, passage: &Quoted<'_>) -> io::Result<()>;
}

/// A passage split around its quote.
pub(super) struct Quoted<'a> {
    pub source: &'a str,
    pub before: &'a str,
    pub quote: &'a str,
    pub after: &'a str,
}

/// Walks the visible events of `view` in date order, writing each with `style`.
pub(super) fn walk(view: &View<'_>, style: &mut dyn Style, out: &mut dyn Write) -> io::Result<()> {
    let t = view.timeline;
    let events: Vec<_> = view.indexed_events().collect();
    let width = events
        .iter()
        .map(|(_, e)| e.when().label_width())
        .max()
        .unwrap_or(0);
    style.head(out, view, events.len(), width)?;
    let copy_of = |s: usize| {
        view.comparison
            .and_then(|c| c.copy_of.get(s).copied().flatten())
    };
    for (index, event) in events {
        style.event(out, &event.when().label(), &event.title)?;
        if let Some(how) = &event.when().computed {
            style.computed(out, how)?;
        }
        if let Some(note) = drafted_note(event, view.comparison) {
            style.drafted(out, &note)?;
        }
        let ids: Vec<String> = event
            .sources()
            .iter()
            .map(|&s| match copy_of(s) {
                Some(o) => format!("{} (a copy of {})", t.sources[s].id, t.sources[o].id),
                None => t.sources[s].id.clone(),
            })
            .collect();
        style.sources(out, &ids)?;
        let computed = view.disagreements(index);
        if !view.passages {
            if !computed.is_empty() {
                let about: Vec<&str> = computed.iter().map(|d| d.about.as_str()).collect();
                style.disagree_on(out, &about)?;
            }
            continue;
        }
        if let Some(note) = view.first_note(index) {
            style.first(out, &note)?;
        }
        for d in computed {
            style.computed_disagreement(out, &view.disagreement_note(d))?;
        }
        if let Some(summary) = &event.summary {
            style.summary(out, summary)?;
        }
        if let Some(d) = &event.disagreement {
            style.disagreement(out, d)?;
        }
        for p in event.passages().iter().filter(|p| view.shows(p.source())) {
            let body = &t.sources[p.source()].body();
            style.passage(
                out,
                &Quoted {
                    source: &t.sources[p.source()].id,
                    before: &body[p.paragraph().start..p.quote().start],
                    quote: &body[p.quote()],
                    after: &body[p.quote().end..p.paragraph().end],
                },
            )?;
        }
    }
    if let Some(c) = view.comparison
        && !c.story.is_empty()
    {
        let notes: Vec<String> = if view.passages {
            c.story.iter().map(|d| view.disagreement_note(d)).collect()
        } else {
            c.story.iter().map(|d| d.about.clone()).collect()
        };
        style.story(out, &notes)?;
    }
    Ok(())
}

/// "drafted from 3 sources; date written in the articles", for a drafted event.
///
/// With a `comparison`, wire copies are counted once: "drafted from 3
/// sources, 2 independent; …" when one of them is a copy of another.
pub fn drafted_note(
    event: &crate::event::Event,
    comparison: Option<&crate::comparison::Comparison>,
) -> Option<String> {
    let d = event.drafted()?;
    let n = event.sources().len();
    let independent = comparison.map_or(n, |c| {
        let mut originals: Vec<usize> = event.sources().iter().map(|&s| c.original(s)).collect();
        originals.sort_unstable();
        originals.dedup();
        originals.len()
    });
    let copies = if independent < n {
        format!(", {independent} independent")
    } else {
        String::new()
    };
    Some(format!(
        "drafted from {n} source{}{copies}; {}",
        if n == 1 { "" } else { "s" },
        d.basis.describe()
    ))
}

/// Plain text, aligned on the date column.
#[derive(Default)]
pub(super) struct Plain {
    /// Spaces under the date column.
    pad: String,
    width: usize,
}

impl Style for Plain {
    fn head(
        &mut self,
        out: &mut dyn Write,
        view: &View<'_>,
        events: usize,
        width: usize,
    ) -> io::Result<()> {
        let t = view.timeline;
        self.width = width;
        self.pad = " ".repeat(width + 2);
        writeln!(out, "{}", sanitize_line(&t.title))?;
        let shown = view.visible.iter().filter(|v| **v).count();
        write!(
            out,
            "{} from {shown} of {}",
            crate::text::count(events, "event"),
            crate::text::count(t.sources.len(), "source")
        )?;
        match view.chosen().1 {
            0 => writeln!(out),
            n => writeln!(out, " ({n} less salient left out: --events)"),
        }
    }

    fn event(&mut self, out: &mut dyn Write, label: &str, title: &str) -> io::Result<()> {
        let gap = self.width + 2 - label.chars().count();
        writeln!(
            out,
            "\n{label}{:gap$}{}",
            "",
            sanitize_line(title),
            gap = gap
        )
    }

    fn computed(&mut self, out: &mut dyn Write, how: &str) -> io::Result<()> {
        writeln!(out, "{}computed: {}", self.pad, sanitize_line(how))
    }

    fn drafted(&mut self, out: &mut dyn Write, note: &str) -> io::Result<()> {
        writeln!(out, "{}{note}", self.pad)
    }

    fn sources(&mut self, out: &mut dyn Write, ids: &[String]) -> io::Result<()> {
        writeln!(
            out,
            "{}sources: {}",
            self.pad,
            sanitize_line(&ids.join(", "))
        )
    }

    fn disagree_on(&mut self, out: &mut dyn Write, about: &[&str]) -> io::Result<()> {
        writeln!(
            out,
            "{}disagree on: {}",
            self.pad,
            sanitize_line(&about.join("; "))
        )
    }

    fn first(&mut self, out: &mut dyn Write, note: &str) -> io::Result<()> {
        writeln!(out, "{}first reported: {}", self.pad, sanitize_line(note))
    }

    fn computed_disagreement(&mut self, out: &mut dyn Write, note: &str) -> io::Result<()> {
        writeln!(out, "{}disagree: {}", self.pad, sanitize_line(note))
    }

    fn story(&mut self, out: &mut dyn Write, notes: &[String]) -> io::Result<()> {
        writeln!(out, "\nAcross the story, the sources disagree on:")?;
        for note in notes {
            writeln!(out, "  {}", sanitize_line(note))?;
        }
        Ok(())
    }

    fn summary(&mut self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        writeln!(out, "{}{}", self.pad, sanitize_line(text))
    }

    fn disagreement(&mut self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        writeln!(out, "{}sources disagree: {}", self.pad, sanitize_line(text))
    }

    fn passage(&mut self, out: &mut dyn Write, p: &Quoted<'_>) -> io::Result<()> {
        writeln!(
            out,
            "{}{}: \u{201C}{}\u{201D}",
            self.pad,
            sanitize_line(p.source),
            sanitize_line(p.quote)
        )?;
        if !p.before.is_empty() || !p.after.is_empty() {
            writeln!(
                out,
                "{}  > {}",
                self.pad,
                sanitize_line(&[p.before, p.quote, p.after].concat())
            )?;
        }
        Ok(())
    }
}

/// Markdown: headings, and passages as block quotes with the quote in bold.
pub(super) struct Markdown;

impl Style for Markdown {
    fn head(
        &mut self,
        out: &mut dyn Write,
        view: &View<'_>,
        _events: usize,
        _width: usize,
    ) -> io::Result<()> {
        let t = view.timeline;
        writeln!(out, "# {}\n", md(&t.title))?;
        if let Some(summary) = &t.summary {
            writeln!(out, "{}\n", md(summary))?;
        }
        writeln!(out, "## Sources\n")?;
        for (i, s) in t.sources.iter().enumerate().filter(|(i, _)| view.shows(*i)) {
            let outlet = s
                .outlet
                .as_deref()
                .map(|o| format!(", {}", md(o)))
                .unwrap_or_default();
            writeln!(
                out,
                "{}. {}: {}{outlet}, {}",
                i + 1,
                code(&s.id),
                md(&s.title),
                s.published
            )?;
        }
        writeln!(out, "\n## Events")
    }

    fn event(&mut self, out: &mut dyn Write, label: &str, title: &str) -> io::Result<()> {
        writeln!(out, "\n### {label}: {}\n", md(title))
    }

    fn computed(&mut self, out: &mut dyn Write, how: &str) -> io::Result<()> {
        writeln!(out, "*Computed: {}.*\n", md(how))
    }

    fn drafted(&mut self, out: &mut dyn Write, note: &str) -> io::Result<()> {
        writeln!(out, "*{}.*\n", md(&upper_first(note)))
    }

    fn sources(&mut self, out: &mut dyn Write, ids: &[String]) -> io::Result<()> {
        let ids: Vec<String> = ids.iter().map(|id| code(id)).collect();
        writeln!(out, "Sources: {}", ids.join(", "))
    }

    fn disagree_on(&mut self, out: &mut dyn Write, about: &[&str]) -> io::Result<()> {
        writeln!(out, "\n**Sources disagree on:** {}", md(&about.join("; ")))
    }

    fn first(&mut self, out: &mut dyn Write, note: &str) -> io::Result<()> {
        writeln!(out, "\n*First reported by {}.*", md(note))
    }

    fn computed_disagreement(&mut self, out: &mut dyn Write, note: &str) -> io::Result<()> {
        writeln!(out, "\n**Sources disagree on** {}", md(note))
    }

    fn story(&mut self, out: &mut dyn Write, notes: &[String]) -> io::Result<()> {
        writeln!(out, "\n## Across the story, the sources disagree on\n")?;
        for note in notes {
            writeln!(out, "- {}", md(note))?;
        }
        Ok(())
    }

    fn summary(&mut self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        writeln!(out, "\n{}", md(text))
    }

    fn disagreement(&mut self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        writeln!(out, "\n**Sources disagree:** {}", md(text))
    }

    fn passage(&mut self, out: &mut dyn Write, p: &Quoted<'_>) -> io::Result<()> {
        writeln!(
            out,
            "\n> {}**{}**{}\n> \u{2014} {}",
            md(p.before),
            md(p.quote),
            md(p.after),
            code(p.source)
        )
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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

/// An id as inline code. Ids are checked to be letters, digits, `-` and `_`,
/// but a backtick could still come from elsewhere, so it is escaped as well.
fn code(id: &str) -> String {
    format!("`{}`", sanitize_line(id).replace('`', "'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_article_text() {
        assert_eq!(md("*bold* <b> `x`"), "\\*bold\\* \\<b\\> \\`x\\`");
        assert_eq!(md("a\u{1b}[2J"), "a␛\\[2J");
        assert_eq!(code("a`b\u{1b}"), "`a'b␛`");
    }

    #[test]
    fn a_drafted_note_counts_a_wire_copy_once() {
        use crate::comparison::Comparison;
        use crate::date::DateSpec;
        use crate::event::{Basis, Drafted, Event, Origin, Passage};
        use crate::source::Source;

        let day = chrono::NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
        let text = "The agreement was signed in Doha.";
        let sources: Vec<Source> = ["a", "b", "c"]
            .iter()
            .map(|id| Source::new(*id, day, text))
            .collect();
        let passages = (0..3)
            .map(|i| Passage::new(i, &sources[i], 0..text.len()))
            .collect();
        let event = Event::new("signing", "Signed", DateSpec::Day(day), None)
            .unwrap()
            .with_passages(passages)
            .with_origin(Origin::Drafted(Drafted {
                basis: Basis::Stated,
                fingerprint: None,
                salience: None,
            }));
        let alone = "drafted from 3 sources; date written in the articles";
        assert_eq!(drafted_note(&event, None).as_deref(), Some(alone));
        let none_copied = Comparison {
            copy_of: vec![None; 3],
            ..Comparison::default()
        };
        assert_eq!(
            drafted_note(&event, Some(&none_copied)).as_deref(),
            Some(alone)
        );
        // c is the agency story a reprinted; b is its own.
        let copied = Comparison {
            copy_of: vec![None, None, Some(0)],
            ..Comparison::default()
        };
        assert_eq!(
            drafted_note(&event, Some(&copied)).as_deref(),
            Some("drafted from 3 sources, 2 independent; date written in the articles")
        );
        let person = Event::new("x", "X", DateSpec::Day(day), None).unwrap();
        assert_eq!(drafted_note(&person, Some(&copied)), None);
    }
}
