//! Synthetic stories for benchmarking annals at scale.
//!
//! [`generate`] makes a data folder's worth of text, in the format of the
//! README's "Data format" section, for any number of articles: N articles of
//! about 3 KB of news-like English each (with curly quotes, em dashes and
//! accented names in some), and exactly [`EVENTS_PER_ARTICLE`]·N events that
//! use every date form annals reads (days most, then months, relative dates,
//! ranges and years), with tags, some summaries and disagreements, and one to
//! three quotes each from as many articles. Every quote is cut from its
//! article, so it is found; a few differ from it only in what annals folds
//! when matching (whitespace, straight or curly quotes and dashes).
//!
//! The same arguments always give the same story, byte for byte: the
//! generator carries its own seeded PRNG. Cost is linear in N; 10,000
//! articles come to about 55 MB.
//!
//! ```
//! let story = annals_synth::generate(20, 7);
//! assert_eq!(story.sources.len(), 20);
//! assert_eq!(story.events, 200);
//! assert_eq!(story, annals_synth::generate(20, 7));
//!
//! let dir = std::env::temp_dir().join(format!("annals-synth-doc-{}", std::process::id()));
//! story.write_to(&dir)?;
//! assert!(dir.join("timeline.toml").is_file());
//! assert_eq!(std::fs::read_dir(dir.join("sources"))?.count(), 20);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), std::io::Error>(())
//! ```
#![warn(missing_docs)]

use std::fs;
use std::io;
use std::path::Path;

mod draw;
mod model;
pub mod planted;
mod prose;
mod rng;
pub mod shapes;
mod template;
mod timeline;
mod vocab;

#[cfg(test)]
mod tests;

/// How many events a story has for each article.
pub const EVENTS_PER_ARTICLE: usize = 10;

/// A generated story: the text of a data folder's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The contents of `timeline.toml`.
    pub timeline: String,
    /// The articles: each file's name in `sources/` (`<id>.txt`) and its
    /// contents (front matter between `+++` lines, then the body).
    pub sources: Vec<(String, String)>,
    /// How many events `timeline` holds: [`EVENTS_PER_ARTICLE`] per article.
    pub events: usize,
}

/// Generates a story of `articles` articles and `10 * articles` events,
/// the same for the same `seed`.
///
/// Zero articles give a timeline with no events, which annals rejects.
pub fn generate(articles: usize, seed: u64) -> Story {
    // Everything is drawn before any text is written, because the articles
    // need all of their events (an article reports events of its neighbours
    // too) and the timeline needs the quotes cut from the articles.
    let mut rng = rng::Rng::new(seed);
    let people = draw::cast(&mut rng, articles);
    let arts = draw::articles(&mut rng, articles);
    let events = draw::events(&mut rng, &arts, &people);
    let mut mentions: Vec<Vec<(usize, usize)>> = vec![Vec::new(); arts.len()];
    for (e, event) in events.iter().enumerate() {
        for (j, &a) in event.sources[..event.n_sources].iter().enumerate() {
            mentions[a].push((e, j));
        }
    }
    let mut quotes = vec![String::new(); events.len() * model::MAX_SOURCES];
    let sources = arts
        .iter()
        .zip(&mentions)
        .map(|(article, mentions)| {
            let text =
                prose::write_article(&mut rng, article, mentions, &events, &people, &mut quotes);
            (format!("{}.txt", article.id), text)
        })
        .collect();
    let timeline =
        timeline::write_timeline(&mut rng, articles, seed, &arts, &events, &people, &quotes);
    Story {
        timeline,
        sources,
        events: events.len(),
    }
}

impl Story {
    /// Writes the story as a data folder: `dir/timeline.toml` and
    /// `dir/sources/<id>.txt`, creating the folders as needed.
    ///
    /// Any other `*.txt` file already in `dir/sources` (from an earlier story)
    /// is removed, since annals would read it as an article; nothing else is.
    pub fn write_to(&self, dir: impl AsRef<Path>) -> io::Result<()> {
        let dir = dir.as_ref();
        let sources = dir.join("sources");
        fs::create_dir_all(&sources)?;
        let ours: std::collections::HashSet<&str> =
            self.sources.iter().map(|(name, _)| name.as_str()).collect();
        for entry in fs::read_dir(&sources)? {
            let path = entry?.path();
            let stale = path.extension().is_some_and(|x| x == "txt")
                && path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_none_or(|n| !ours.contains(n));
            if stale && path.is_file() {
                fs::remove_file(&path)?;
            }
        }
        for (name, text) in &self.sources {
            fs::write(sources.join(name), text)?;
        }
        fs::write(dir.join("timeline.toml"), &self.timeline)
    }

    /// The size of the whole story in bytes: `timeline.toml` and the articles.
    pub fn bytes(&self) -> usize {
        self.timeline_bytes() + self.source_bytes()
    }

    /// The size of `timeline.toml` in bytes.
    pub fn timeline_bytes(&self) -> usize {
        self.timeline.len()
    }

    /// The size of the articles' files in bytes, front matter included.
    pub fn source_bytes(&self) -> usize {
        self.sources.iter().map(|(_, text)| text.len()).sum()
    }
}
