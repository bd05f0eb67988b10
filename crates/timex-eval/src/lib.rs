//! Scores a temporal tagger's TIMEX3 output against TimeML gold files, giving the
//! same figures as the project's Python scorer `timex_eval.py` (TempEval-3 Task A:
//! strict and relaxed extent match, type and value), without running Python.
//!
//! Offsets are Unicode character offsets into the plain text of `<TEXT>`
//! ([`Document::text`]); [`Prediction::from_byte_offsets`] converts UTF-8 byte
//! offsets. The document creation time is input ([`Document::dct`]), never scored.
//! Pairs are one to one: identical extents first, then the largest overlap.
//! Figures are micro-averaged over documents, in percent rounded to two decimals.
//!
//! ```
//! use timex_eval::{Document, Prediction, score};
//!
//! let tml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07"
//!   functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
//!   <TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>
//!   and <TIMEX3 tid="t2" type="DATE" value="1998-08-06">Thursday</TIMEX3>.</TEXT></TimeML>"#;
//! let doc = Document::from_tml("APW.tml", tml)?;
//! assert_eq!(doc.dct.unwrap().to_string(), "1998-08-07");
//!
//! // a tagger that finds "Friday" right and "Thursday" with a wrong value
//! let friday = doc.text.find("Friday").unwrap();
//! let thursday = doc.text.find("Thursday").unwrap();
//! let predictions = vec![
//!     Prediction::from_byte_offsets(&doc.text, friday, friday + 6, "DATE", "1998-08-07")?,
//!     Prediction::from_byte_offsets(&doc.text, thursday, thursday + 8, "DATE", "1998-08-05")?,
//! ];
//! let report = score(&[doc], &[predictions]);
//! assert_eq!(report.metrics.strict.f1, 100.0);
//! assert_eq!(report.metrics.value.f1, 50.0);
//! assert_eq!(report.metrics.value.accuracy, 50.0);
//! # Ok::<(), timex_eval::Error>(())
//! ```
//!
//! For a corpus: [`read_gold_dir`], one `Vec<Prediction>` per document, then
//! [`score`]; or [`Predictions::read_dir`] for `<doc>.jsonl` files as
//! `timex_eval.py --pred-dir` reads them. [`Report::to_json`] gives what
//! `timex_eval.py --json --verbose --errors` prints.
#![warn(missing_docs)]

pub mod classify;
mod entity_table;
mod error;
mod matching;
mod metrics;
mod prediction;
mod pytext;
mod report;
mod score;
mod timeml;
mod unescape;

pub use classify::{Class, Classes, classify};
pub use error::Error;
pub use metrics::{AttrScore, Counts, Metrics, Prf};
pub use prediction::{Prediction, Predictions, parse_jsonl};
pub use report::{DocReport, Mistake, MistakeKind, Report};
pub use score::score;
pub use timeml::{Document, Timex, read_gold_dir};
