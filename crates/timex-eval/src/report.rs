//! The report: totals, per-document figures and mistakes, as JSON or text.

use std::fmt;

use serde_json::{Value, json};

use crate::metrics::{AttrScore, Counts, Metrics, Prf};
use crate::timeml::Timex;

/// The result of [`score`](crate::score()): what `timex_eval.py --json --verbose --errors`
/// prints, as data.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// How many documents were scored.
    pub documents: usize,
    /// The counts summed over all documents.
    pub counts: Counts,
    /// The micro-averaged figures, in percent rounded to two decimals.
    pub metrics: Metrics,
    /// Predictions that were dropped or looked wrong.
    pub warnings: Vec<String>,
    /// Documents whose predictions were missing.
    pub failures: Vec<String>,
    /// Each document's counts and figures, in the documents' order.
    pub per_document: Vec<DocReport>,
    /// Every mistake, document by document, by position in the text.
    pub mistakes: Vec<Mistake>,
}

/// One document's counts and figures.
#[derive(Clone, Debug, PartialEq)]
pub struct DocReport {
    /// The document's name.
    pub doc: String,
    /// Its counts.
    pub counts: Counts,
    /// Its figures, in percent rounded to two decimals.
    pub metrics: Metrics,
}

/// What went wrong with one gold or system timex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MistakeKind {
    /// A relaxed pair whose extents differ.
    Span,
    /// A relaxed pair whose types differ.
    Type,
    /// A relaxed pair whose values differ.
    Value,
    /// A gold timex no prediction overlaps (one to one).
    Miss,
    /// A prediction that overlaps no (unpaired) gold timex.
    FalseAlarm,
}

impl MistakeKind {
    /// The name the Python scorer's JSON uses: `span`, `type`, `value`, `miss`, `false_alarm`.
    pub fn as_str(self) -> &'static str {
        match self {
            MistakeKind::Span => "span",
            MistakeKind::Type => "type",
            MistakeKind::Value => "value",
            MistakeKind::Miss => "miss",
            MistakeKind::FalseAlarm => "false_alarm",
        }
    }
}

/// One mistake: a pair that disagrees, a miss or a false alarm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mistake {
    /// The document's name.
    pub doc: String,
    /// What kind of mistake.
    pub kind: MistakeKind,
    /// The gold timex (none for a false alarm).
    pub gold: Option<Timex>,
    /// The system timex (none for a miss).
    pub system: Option<Timex>,
}

impl Report {
    /// The report as `timex_eval.py GOLD --pred-dir DIR --json --verbose --errors`
    /// prints it: the same keys, the same numbers (integers as integers, figures
    /// as floats), `warnings` as a count and `failures` as messages.
    pub fn to_json(&self) -> Value {
        let mut out = json!({
            "documents": self.documents,
            "warnings": self.warnings.len(),
            "failures": self.failures,
        });
        let map = out.as_object_mut().expect("an object");
        for (k, v) in counts_json(&self.counts, "strict_matches", "relaxed_matches") {
            map.insert(k.to_owned(), v);
        }
        for (k, v) in metrics_json(&self.metrics) {
            map.insert(k.to_owned(), v);
        }
        let per_document = self
            .per_document
            .iter()
            .map(|d| {
                let mut m = serde_json::Map::new();
                m.insert("doc".to_owned(), json!(d.doc));
                for (k, v) in counts_json(&d.counts, "strict", "relaxed") {
                    m.insert(k.to_owned(), v);
                }
                for (k, v) in metrics_json(&d.metrics) {
                    m.insert(k.to_owned(), v);
                }
                Value::Object(m)
            })
            .collect::<Vec<_>>();
        map.insert("per_document".to_owned(), Value::Array(per_document));
        let mistakes = self
            .mistakes
            .iter()
            .map(|m| {
                json!({
                    "doc": m.doc,
                    "kind": m.kind.as_str(),
                    "gold": m.gold.as_ref().map(timex_json),
                    "system": m.system.as_ref().map(timex_json),
                })
            })
            .collect::<Vec<_>>();
        map.insert("errors".to_owned(), Value::Array(mistakes));
        out
    }
}

fn counts_json(
    c: &Counts,
    strict: &'static str,
    relaxed: &'static str,
) -> [(&'static str, Value); 6] {
    [
        ("gold", json!(c.gold)),
        ("system", json!(c.system)),
        (strict, json!(c.strict)),
        (relaxed, json!(c.relaxed)),
        ("type_correct", json!(c.type_correct)),
        ("value_correct", json!(c.value_correct)),
    ]
}

fn metrics_json(m: &Metrics) -> [(&'static str, Value); 4] {
    let prf = |p: &Prf| json!({"precision": p.precision, "recall": p.recall, "f1": p.f1});
    let attr = |a: &AttrScore| json!({"precision": a.precision, "recall": a.recall, "f1": a.f1, "accuracy": a.accuracy});
    [
        ("strict", prf(&m.strict)),
        ("relaxed", prf(&m.relaxed)),
        ("type", attr(&m.kind)),
        ("value", attr(&m.value)),
    ]
}

/// `Timex.as_json` in `timex_eval.py`: `tid` only when there is one.
fn timex_json(t: &Timex) -> Value {
    let mut v = json!({
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.kind,
        "value": t.value,
    });
    if !t.tid.is_empty() {
        v["tid"] = json!(t.tid);
    }
    v
}

/// The summary `timex_eval.py` prints without `--json` (figures from the
/// unrounded counts, as there), without the warnings and failures.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        let m = c.fractions();
        let pct = |x: f64| format!("{:6.2}", 100.0 * x);
        writeln!(
            f,
            "documents {}   gold timexes {}   system timexes {}",
            self.documents, c.gold, c.system
        )?;
        writeln!(
            f,
            "{:16}{:>8}{:>8}{:>8}{:>10}",
            "", "P", "R", "F1", "accuracy"
        )?;
        for (label, p) in [("strict match", &m.strict), ("relaxed match", &m.relaxed)] {
            writeln!(
                f,
                "{label:16}{:>8}{:>8}{:>8}",
                pct(p.precision),
                pct(p.recall),
                pct(p.f1)
            )?;
        }
        for (label, a) in [("type (attr)", &m.kind), ("value (attr)", &m.value)] {
            writeln!(
                f,
                "{label:16}{:>8}{:>8}{:>8}{:>10}",
                pct(a.precision),
                pct(a.recall),
                pct(a.f1),
                pct(a.accuracy)
            )?;
        }
        writeln!(
            f,
            "counts: strict {}, relaxed {}, type ok {}, value ok {}",
            c.strict, c.relaxed, c.type_correct, c.value_correct
        )?;
        write!(
            f,
            "TE3 Task A ranking score (value F1): {}",
            pct(m.value.f1).trim()
        )
    }
}
