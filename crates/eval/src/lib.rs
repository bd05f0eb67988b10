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
//! - [`wikinews`]: a story told by Wikinews articles (CC BY 2.5), with a
//!   gold list of its dated happenings made by hand for this benchmark.

#![warn(missing_docs)]

pub mod bundled;
pub mod corpus;
pub mod score;
pub mod semeval;
pub mod t17;
pub mod wikinews;
