//! The core of annals: news articles in, a dated and sourced timeline out.
//!
//! This crate holds the domain and everything that works on it without a
//! terminal: [`Source`]s (articles), [`Event`]s with their dates as written
//! ([`DateSpec`]) and as computed ([`When`]), one [`calendar`], the checked
//! [`load`](mod@load)er that reports every [`Problem`] with its file:line:column, quote
//! matching ([`quote`]), [`search`], the printer ([`print`](mod@print)) and the
//! one sanitiser ([`text::sanitize`]) that every output to a terminal passes
//! through.
//!
//! ```
//! use annals_core::load::{DataFile, DataFiles, load_files};
//!
//! let article = "+++\ntitle = \"Wire\"\npublished = 2020-02-29\n+++\nThe treaty was signed in Doha.";
//! let timeline = "title = \"A treaty\"\n\n[[events]]\nid = \"signing\"\ntitle = \"The treaty is signed\"\n\
//!     date = 2020-02-29\nevidence = [{ source = \"wire\", quote = \"signed in Doha\" }]\n\n\
//!     [[events]]\nid = \"withdrawal\"\ntitle = \"Troops leave\"\ndate = \"signing + 14 months\"\n\
//!     evidence = [{ source = \"wire\", quote = \"The treaty\" }]\n";
//! let files = DataFiles {
//!     dir: "story".into(),
//!     timeline: Some(DataFile::new("story/timeline.toml", timeline)),
//!     sources: Some(vec![DataFile::new("story/sources/wire.txt", article)]),
//!     skipped: Default::default(),
//!     ignored: Vec::new(),
//! };
//! let story = load_files(&files).expect("the story checks");
//! let last = &story.events[1];
//! assert_eq!(last.when().label(), "2021-04-29");
//! assert_eq!(last.date().to_string(), "signing + 14 months");
//! assert_eq!(story.quote(&story.events[0].passages()[0]), "signed in Doha");
//! ```

#![warn(missing_docs)]

pub mod builtin;
pub mod calendar;
pub mod comparison;
pub mod date;
pub mod event;
pub mod json;
pub mod load;
pub mod print;
pub mod problem;
pub mod quote;
pub mod save;
pub mod search;
pub mod source;
pub mod suggest;
pub mod text;
pub mod timeline;
pub mod when;
pub mod write;

pub use date::DateSpec;
pub use event::{Basis, Drafted, Event, Origin, Passage, Salience};
pub use load::load;
pub use problem::{Position, Problem, Problems};
pub use source::Source;
pub use timeline::Timeline;
pub use when::{Precision, When};

/// The bundled Doha story of the repository's `data/` folder, for tests.
#[cfg(test)]
pub(crate) fn doha() -> Timeline {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    load(dir).expect("data/ loads")
}
