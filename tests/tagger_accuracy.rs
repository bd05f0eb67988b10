//! The tagger's accuracy on the TempEval-3 training corpus, scored by the
//! shared TimeML scorer exactly as the closing note of the tagger issue reports
//! it. Each test fails when a score drops more than one point below the
//! reported figure, so a rule change that trades accuracy away is caught.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Scores reported for the tagger (timex_eval.py, TBAQ-cleaned training set).
struct Reported {
    corpus: &'static str,
    strict_f1: f64,
    relaxed_f1: f64,
    value_f1: f64,
}

const TIMEBANK: Reported = Reported {
    corpus: "TimeBank",
    strict_f1: 89.03,
    relaxed_f1: 94.57,
    value_f1: 82.30,
};

const AQUAINT: Reported = Reported {
    corpus: "AQUAINT",
    strict_f1: 83.60,
    relaxed_f1: 93.59,
    value_f1: 76.94,
};

/// How far a score may fall below the reported one.
const TOLERANCE: f64 = 1.0;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn score(corpus: &str) -> Value {
    let gold = shared().join("data/tempeval3-train").join(corpus);
    let scorer = shared().join("tools/timex_eval.py");
    assert!(
        gold.is_dir() && scorer.is_file(),
        "the TempEval-3 corpus and scorer must be checked out in ../shared \
         (looked for {} and {})",
        gold.display(),
        scorer.display()
    );
    let cmd = format!(
        "'{}' extract --dct {{dct}} --format jsonl {{file}}",
        env!("CARGO_BIN_EXE_annals")
    );
    let out = Command::new("python3")
        .arg(&scorer)
        .arg(&gold)
        .args(["--cmd", &cmd, "--json"])
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the scorer prints JSON")
}

fn f1(report: &Value, metric: &str) -> f64 {
    report[metric]["f1"]
        .as_f64()
        .unwrap_or_else(|| panic!("no {metric}.f1 in {report}"))
}

fn check(reported: &Reported) {
    let report = score(reported.corpus);
    assert_eq!(
        report["failures"].as_array().map(Vec::len),
        Some(0),
        "annals extract failed on some documents: {}",
        report["failures"]
    );
    for (metric, floor) in [
        ("strict", reported.strict_f1),
        ("relaxed", reported.relaxed_f1),
        ("value", reported.value_f1),
    ] {
        let got = f1(&report, metric);
        assert!(
            got >= floor - TOLERANCE,
            "{} {metric} F1 fell to {got:.2} (reported {floor:.2})",
            reported.corpus
        );
    }
}

#[test]
fn timebank_scores_hold() {
    check(&TIMEBANK);
}

#[test]
fn aquaint_scores_hold() {
    check(&AQUAINT);
}
