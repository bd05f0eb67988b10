//! The drafter's development benchmark, run in one command
//! (`cargo run --release -p annals-eval`): every corpus at once, each
//! against its own no-drafting baselines, so that a change to the rules or
//! a parameter is seen on all of them together.
//!
//! - [`t17`]: Timeline17 (18 journalists' timelines over 4,328 articles,
//!   `../shared/data/timeline17`), news-tls setting, capped at T by salience.
//! - [`semeval`]: the SemEval-2015 Task 4 trial corpus (30 Wikinews
//!   articles), whole and with `--about` for each of its six entities.
//! - [`bundled`]: the bundled story drafted from its bare articles.
//! - [`own`]: the set built for this benchmark (`corpora/`): stories told
//!   by several outlets, with gold lists of their dated happenings made by hand.

#![warn(missing_docs)]

pub mod bundled;
pub mod corpus;
pub mod own;
pub mod score;
pub mod semeval;
pub mod t17;
