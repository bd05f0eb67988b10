//! Writing TOML: each article's front matter, and timeline.toml with its
//! events, dates and evidence.

use std::fmt::Write as _;

use crate::model::{Article, Event, EvidenceStyle, MAX_SOURCES, Person, When, event_id};
use crate::rng::Rng;
use crate::template::{capitalize_first, fill, push_number, slots};
use crate::vocab;

/// Writes an article's front matter, titled after the event it leads with.
pub(crate) fn write_front_matter(
    rng: &mut Rng,
    out: &mut String,
    article: &Article,
    mentions: &[(usize, usize)],
    events: &[Event],
    people: &[Person],
) {
    let lead = mentions
        .iter()
        .find(|&&(_, j)| j == 0)
        .or(mentions.first())
        .map(|&(e, _)| e);
    let mut title = String::new();
    match lead {
        Some(e) => {
            let event = &events[e];
            let place = vocab::PLACES[event.place];
            if !place.starts_with("the ") && rng.chance(20) {
                title.push_str(place);
                title.push_str(": ");
            }
            fill(&mut title, event.kind.title, &slots(event, people, ""));
            capitalize_first(&mut title);
        }
        None => title.push_str("The harbour affair"),
    }
    out.push_str("+++\ntitle = ");
    toml_string(out, &title);
    out.push('\n');
    if let Some(name) = article.outlet.name
        && !rng.chance(10)
    {
        out.push_str("outlet = ");
        toml_string(out, name);
        out.push('\n');
    }
    let published = article.published;
    if rng.chance(5) {
        let _ = writeln!(out, "published = \"{published}\"");
    } else {
        let _ = writeln!(out, "published = {published}");
    }
    if rng.chance(60) {
        let _ = write!(
            out,
            "url = \"https://{}/{}/",
            article.outlet.domain,
            published.format("%Y/%m")
        );
        let mut dash = false;
        for c in title.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
                dash = false;
            } else if !dash {
                out.push('-');
                dash = true;
            }
        }
        if !dash {
            out.push('-');
        }
        let _ = writeln!(out, "{}\"", article.id);
    }
    if rng.chance(70) {
        out.push_str("language = \"en\"\n");
    }
    if rng.chance(8) {
        out.push_str("note = ");
        if !article.blank_lines && rng.chance(50) {
            toml_string(out, "One paragraph a line, as published.");
        } else {
            toml_string(out, rng.pick(vocab::NOTES));
        }
        out.push('\n');
    }
    out.push_str("+++\n");
}

/// Writes `s` as a TOML basic string.
fn toml_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes a quote, now and then as a TOML literal string where it can be one.
fn toml_quote(rng: &mut Rng, out: &mut String, s: &str) {
    if rng.chance(10) && !s.contains(|c: char| c == '\'' || c.is_control()) {
        out.push('\'');
        out.push_str(s);
        out.push('\'');
    } else {
        toml_string(out, s);
    }
}

fn write_date(out: &mut String, events: &[Event], e: usize) {
    out.push_str("date = ");
    let _ = match events[e].when {
        When::Day {
            date,
            quoted: false,
        } => write!(out, "{date}"),
        When::Day { date, quoted: true } => write!(out, "\"{date}\""),
        When::Month(date) => write!(out, "\"{}\"", date.format("%Y-%m")),
        When::Year { y, quoted: false } => write!(out, "{y}"),
        When::Year { y, quoted: true } => write!(out, "\"{y}\""),
        When::Range(start, end) => write!(out, "{{ start = {start}, end = {end} }}"),
        When::Shift {
            anchor,
            back,
            amount,
            unit,
        } => write!(
            out,
            "\"{} {} {amount} {}\"",
            event_id(events, anchor),
            if back { '-' } else { '+' },
            unit.word(amount)
        ),
        When::Span {
            anchor,
            after,
            amount,
            unit,
            the,
        } => write!(
            out,
            "\"{}{amount} {} {} {}\"",
            if the { "the " } else { "" },
            unit.word(amount),
            if after { "after" } else { "before" },
            event_id(events, anchor)
        ),
        When::Same(anchor) => write!(out, "\"{}\"", event_id(events, anchor)),
    };
    out.push('\n');
}

/// Writes timeline.toml: a header, then every event with its quotes.
pub(crate) fn write_timeline(
    rng: &mut Rng,
    articles: usize,
    seed: u64,
    arts: &[Article],
    events: &[Event],
    people: &[Person],
    quotes: &[String],
) -> String {
    let mut out = String::with_capacity(events.len() * 330 + 1000);
    let _ = write!(
        out,
        "# A synthetic story written by annals-synth ({articles} articles, seed {seed}).\n\
         # Every name, outlet and event in it is invented.\n\n\
         title = \"The Aldamar harbour affair (synthetic: {articles} articles, seed {seed})\"\n\
         summary = \"\"\"\n\
         Years of disputes over the concession of the port of Puerto Aldamar, as told by \
         {articles} invented articles from {} outlets. Generated for benchmarks: the \
         events, people and quotes are made up, but every quote is in its article.\"\"\"\n",
        vocab::OUTLETS.len()
    );
    for (e, event) in events.iter().enumerate() {
        out.push_str("\n[[events]]\nid = \"");
        out.push_str(&event_id(events, e));
        out.push_str("\"\ntitle = ");
        let mut title = String::new();
        fill(&mut title, event.kind.title, &slots(event, people, ""));
        capitalize_first(&mut title);
        toml_string(&mut out, &title);
        out.push('\n');
        write_date(&mut out, events, e);
        if event.tags != 0 {
            out.push_str("tags = [");
            let mut first = true;
            for (bit, tag) in vocab::TAGS.iter().enumerate() {
                if event.tags & (1 << bit) != 0 {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    toml_string(&mut out, tag);
                }
            }
            out.push_str("]\n");
        }
        if let Some(summary) = event.summary {
            let mut text = String::new();
            fill(
                &mut text,
                vocab::SUMMARIES[summary],
                &slots(event, people, ""),
            );
            out.push_str("summary = ");
            toml_string(&mut out, &text);
            out.push('\n');
        }
        if let Some(alt) = event.alt {
            let mut text = String::new();
            let _ = write!(text, "{} puts the figure at ", arts[event.sources[0]].id);
            push_number(&mut text, event.number);
            for &other in &event.sources[1..event.n_sources] {
                let _ = write!(text, "; {} at ", arts[other].id);
                push_number(&mut text, alt);
            }
            text.push('.');
            out.push_str("disagreement = ");
            toml_string(&mut out, &text);
            out.push('\n');
        }
        let evidence = (0..event.n_sources).map(|j| {
            (
                arts[event.sources[j]].id.as_str(),
                quotes[e * MAX_SOURCES + j].as_str(),
            )
        });
        match event.style {
            EvidenceStyle::Tables => {
                for (source, quote) in evidence {
                    let _ = write!(out, "[[events.evidence]]\nsource = \"{source}\"\nquote = ");
                    toml_quote(rng, &mut out, quote);
                    out.push('\n');
                }
            }
            EvidenceStyle::InlineOneLine => {
                out.push_str("evidence = [");
                for (j, (source, quote)) in evidence.enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    let _ = write!(out, "{{ source = \"{source}\", quote = ");
                    toml_quote(rng, &mut out, quote);
                    out.push_str(" }");
                }
                out.push_str("]\n");
            }
            EvidenceStyle::InlineLines => {
                out.push_str("evidence = [\n");
                for (source, quote) in evidence {
                    let _ = write!(out, "  {{ source = \"{source}\", quote = ");
                    toml_quote(rng, &mut out, quote);
                    out.push_str(" },\n");
                }
                out.push_str("]\n");
            }
        }
    }
    out
}
