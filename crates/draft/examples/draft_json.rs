//! Drafts the articles of a folder (`+++` front matter with `title` and
//! `published`) and prints the events as JSON, the shape `annals print
//! --format json` and the date scorer read.
//!
//!     cargo run --release -p annals-draft --example draft_json -- DIR [--about NAME]...

use std::path::Path;

use annals_core::{Source, source, text};
use annals_draft::{Options, draft};
use annals_tagger::Tagger;
use chrono::NaiveDate;

fn read(path: &Path) -> Option<Source> {
    let file = std::fs::read_to_string(path).ok()?;
    let split = source::split(&file).ok()?;
    let field = |key: &str| {
        split.front_matter.lines().find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
        })
    };
    let published = NaiveDate::parse_from_str(&field("published")?, "%Y-%m-%d").ok()?;
    let stem = path.file_stem()?.to_string_lossy();
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let body = split.body.to_string();
    Some(Source {
        id: format!("a{id}"),
        title: field("title").unwrap_or_default(),
        outlet: None,
        published,
        url: None,
        language: None,
        note: None,
        path: path.into(),
        body_line: 1,
        paragraphs: text::paragraphs(&body),
        body,
    })
}

/// A day as precisely as the event is known: `2001`, `2001-10`, `2001-10-07`.
fn at_precision(when: &annals_core::When, day: NaiveDate) -> String {
    let full = day.to_string();
    match when.precision {
        annals_core::Precision::Year => full[..4].to_string(),
        annals_core::Precision::Month => full[..7].to_string(),
        _ => full,
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("a folder of articles");
    let mut options = Options::default();
    while let Some(a) = args.next() {
        if a == "--about" {
            options
                .about
                .push(args.next().expect("a name after --about"));
        }
    }
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("a readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let sources: Vec<Source> = paths.iter().filter_map(|p| read(p)).collect();
    let timeline = draft(sources, &Tagger::new(), &options);
    let events: Vec<serde_json::Value> = timeline
        .events
        .iter()
        .map(|e| {
            serde_json::json!({
                "id": e.id,
                "title": e.title,
                "date": e.date.to_string(),
                "start": at_precision(&e.when, e.when.start),
                "end": at_precision(&e.when, e.when.end),
                "precision": e.when.precision.as_str(),
                "sources": e.sources.iter().map(|&s| timeline.sources[s].id.clone()).collect::<Vec<_>>(),
                "summary": e.summary,
                "quotes": e.passages.iter().map(|p| timeline.quote(p)).collect::<Vec<_>>(),
            })
        })
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&serde_json::json!({ "events": events })).unwrap()
    );
}
