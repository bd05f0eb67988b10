//! The tagger's accuracy on the TempEval-3 training corpus (TimeBank and
//! AQUAINT), scored in process by `timex-eval`, which gives the same figures as
//! `../shared/tools/timex_eval.py`. Each test fails when a score falls more
//! than one point below the figure the README reports, so a rule change that
//! trades accuracy away is caught.
//!
//! The corpus is not part of the repository: run with
//! `cargo test -p annals-tagger -- --ignored` with `../shared` beside the clone.

use std::path::{Path, PathBuf};
use std::process::Command;

use annals_tagger::Tagger;
use timex_eval::{Prediction, Report, read_gold_dir, score};

/// Scores reported for the tagger (TBAQ-cleaned training set).
struct Reported {
    corpus: &'static str,
    strict_f1: f64,
    relaxed_f1: f64,
    value_f1: f64,
}

const TIMEBANK: Reported = Reported {
    corpus: "TimeBank",
    strict_f1: 89.71,
    relaxed_f1: 94.70,
    value_f1: 82.50,
};

const AQUAINT: Reported = Reported {
    corpus: "AQUAINT",
    strict_f1: 84.04,
    relaxed_f1: 94.07,
    value_f1: 77.36,
};

/// How far a score may fall below the reported one.
const TOLERANCE: f64 = 1.0;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn corpus(name: &str) -> PathBuf {
    shared().join("data/tempeval3-train").join(name)
}

/// Tags every document of a corpus and scores the result.
fn tag_and_score(name: &str) -> (Vec<timex_eval::Document>, Vec<Vec<Prediction>>, Report) {
    let docs = read_gold_dir(corpus(name))
        .unwrap_or_else(|e| panic!("the TempEval-3 corpus in ../shared: {e}"));
    let tagger = Tagger::new();
    let predictions: Vec<Vec<Prediction>> = docs
        .iter()
        .map(|doc| {
            let dct = doc
                .dct
                .expect("every TempEval-3 document has a creation date");
            tagger
                .tag(&doc.text, dct)
                .into_iter()
                .map(|t| Prediction::new(t.start, t.end, t.kind.as_str(), t.value.to_string()))
                .collect()
        })
        .collect();
    let report = score(&docs, &predictions);
    (docs, predictions, report)
}

fn check(reported: &Reported) {
    let (_, _, report) = tag_and_score(reported.corpus);
    println!("{}\n{report}", reported.corpus);
    let m = &report.metrics;
    for (metric, got, floor) in [
        ("strict", m.strict.f1, reported.strict_f1),
        ("relaxed", m.relaxed.f1, reported.relaxed_f1),
        ("value", m.value.f1, reported.value_f1),
    ] {
        assert!(
            got >= floor - TOLERANCE,
            "{} {metric} F1 fell to {got:.2} (reported {floor:.2})",
            reported.corpus
        );
    }
}

#[test]
#[ignore = "needs ../shared/data/tempeval3-train"]
fn timebank_scores_hold() {
    check(&TIMEBANK);
}

#[test]
#[ignore = "needs ../shared/data/tempeval3-train"]
fn aquaint_scores_hold() {
    check(&AQUAINT);
}

/// The Rust scorer and the shared Python scorer agree on this tagger's output.
#[test]
#[ignore = "needs ../shared/data/tempeval3-train and ../shared/tools/timex_eval.py (python3)"]
fn the_rust_scorer_agrees_with_timex_eval_py() {
    let (docs, predictions, report) = tag_and_score("TimeBank");
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (doc, preds) in docs.iter().zip(&predictions) {
        let lines: Vec<String> = preds
            .iter()
            .map(|p| {
                serde_json::json!({"start": p.start, "end": p.end, "type": p.kind, "value": p.value})
                    .to_string()
            })
            .collect();
        std::fs::write(
            dir.path().join(format!("{}.jsonl", doc.name)),
            lines.join("\n"),
        )
        .expect("write a prediction");
    }
    let out = Command::new("python3")
        .arg(shared().join("tools/timex_eval.py"))
        .arg(corpus("TimeBank"))
        .arg("--pred-dir")
        .arg(dir.path())
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let python: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let m = &report.metrics;
    for (metric, rust) in [
        ("strict", m.strict.f1),
        ("relaxed", m.relaxed.f1),
        ("value", m.value.f1),
    ] {
        assert_eq!(python[metric]["f1"].as_f64(), Some(rust), "{metric}");
    }
}
