//! Helpers shared by the integration tests: articles as `Source`s, and
//! writing a draft to a data folder that `annals_core::load` reads.

#![allow(dead_code)]

use std::path::Path;

use annals_core::{Source, Timeline, source};
use chrono::NaiveDate;

/// A source from a body, as the loader would make it.
pub fn article(id: &str, title: &str, published: NaiveDate, body: &str) -> Source {
    Source::new(id, published, body)
        .with_title(title)
        .with_file(format!("sources/{id}.txt"), 1)
}

/// Reads a file with `+++` front matter: its `title`, its `published` date
/// (or `published`), and its body; the id is `id`.
pub fn read(path: &Path, id: &str, published: Option<NaiveDate>) -> Source {
    let file = std::fs::read_to_string(path).unwrap();
    let split = source::split(&file).unwrap();
    let field = |key: &str| {
        split.front_matter.lines().find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
        })
    };
    let published = published.unwrap_or_else(|| {
        NaiveDate::parse_from_str(&field("published").unwrap(), "%Y-%m-%d").unwrap()
    });
    article(
        id,
        &field("title").unwrap_or_default(),
        published,
        split.body,
    )
}

/// Writes a draft and its sources as a data folder under `dir` and loads it.
pub fn write_and_load(dir: &Path, timeline: &Timeline) -> Result<Timeline, String> {
    let sources = dir.join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    for s in &timeline.sources {
        let title = s.title.replace('\\', "\\\\").replace('"', "\\\"");
        let file = format!(
            "+++\ntitle = \"{title}\"\npublished = {}\n+++\n{}",
            s.published,
            s.body()
        );
        std::fs::write(sources.join(format!("{}.txt", s.id)), file).unwrap();
    }
    std::fs::write(
        dir.join("timeline.toml"),
        annals_core::write::to_toml(timeline),
    )
    .unwrap();
    annals_core::load(dir).map_err(|p| p.to_string())
}
