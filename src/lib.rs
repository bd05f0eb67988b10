//! annals: news articles in, a dated and sourced timeline out.
//!
//! This crate is the `annals` program: the command line (`main.rs`), the
//! bundled story, and the explorer ([`ui`]), the only code that imports
//! ratatui and crossterm. The timeline itself — loading, dates, quotes,
//! search, printing — lives in `annals-core`; the temporal tagger behind
//! `annals extract` in `annals-tagger`. The explorer borrows a
//! [`Timeline`](annals_core::Timeline) and never changes it.

pub mod bundled;
pub mod cache;
pub mod config;
pub mod memory;
pub mod typed_date;
pub mod ui;
