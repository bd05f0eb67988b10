//! annals: news articles in, a dated and sourced timeline out.
//!
//! The library holds the domain: [`source`]s (articles), [`event`]s and their
//! [`date`]s, the [`load`]er that checks a data folder and reports every
//! [`problem`], the [`print`]er, the bundled story, and the temporal [`tagger`]
//! behind `annals extract`. None of these touch the terminal: only [`ui`], the
//! explorer, imports ratatui and crossterm, and it borrows a [`Timeline`].

pub mod bundled;
pub mod date;
pub mod event;
pub mod extract;
pub mod load;
pub mod print;
pub mod problem;
pub mod search;
pub mod source;

pub mod text;
pub mod timeline;
pub mod ui;

pub use date::{DateSpec, Precision, When};
pub use event::{Event, Passage};
pub use load::load;
pub use problem::{Position, Problem, Problems};
pub use source::Source;
pub use timeline::Timeline;
