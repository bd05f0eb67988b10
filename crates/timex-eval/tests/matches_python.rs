//! The Rust scorer against the Python one it replaces: the same gold, the same
//! predictions, and the whole `timex_eval.py --json --verbose --errors` output
//! must come out equal (every count, every rounded figure, every mistake).
//!
//! Needs `../shared` beside the workspace (the TempEval-3 corpus and the Python
//! scorer) and `python3`; the full-corpus test also uses the baseline tagger
//! binary `../tools/annals-baseline` (or `$ANNALS_BASELINE`) when it exists.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};
use timex_eval::{Document, Predictions, read_gold_dir};

/// `../shared`, beside the workspace root (two levels above this crate).
fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn corpus(name: &str) -> PathBuf {
    shared().join("data/tempeval3-train").join(name)
}

/// `timex_eval.py GOLD --pred-dir PRED --json --verbose --errors`, parsed.
fn python_report(gold: &Path, pred: &Path) -> Value {
    let out = Command::new("python3")
        .arg(shared().join("tools/timex_eval.py"))
        .arg(gold)
        .arg("--pred-dir")
        .arg(pred)
        .args(["--json", "--verbose", "--errors"])
        .output()
        .expect("python3 runs");
    // exit status 1 only means some prediction files were missing
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "timex_eval.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("timex_eval.py prints JSON")
}

/// Every place where two JSON values differ, as `path: rust vs python`.
fn differences(path: &str, rust: &Value, python: &Value, out: &mut String) {
    match (rust, python) {
        (Value::Object(a), Value::Object(b)) => {
            for k in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                let (x, y) = (
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                );
                differences(&format!("{path}.{k}"), x, y, out);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                differences(&format!("{path}[{i}]"), x, y, out);
            }
            if a.len() != b.len() {
                let _ = writeln!(
                    out,
                    "{path}: rust has {} items, python {}",
                    a.len(),
                    b.len()
                );
            }
        }
        _ if rust != python && out.lines().count() < 30 => {
            let _ = writeln!(out, "{path}: rust {rust} vs python {python}");
        }
        _ => {}
    }
}

fn assert_same(rust: &Value, python: &Value) {
    let mut diff = String::new();
    differences("", rust, python, &mut diff);
    assert!(
        diff.is_empty(),
        "the Rust and Python reports differ:\n{diff}"
    );
    assert_eq!(rust, python);
}

/// Some TimeML written to exercise the text extraction: character references,
/// CDATA, comments, nested and empty TIMEX3s, CRLF line ends, a byte order mark,
/// non-ASCII text and a CREATION_TIME TIMEX3 inside TEXT.
const TRICKY: &str = "\u{feff}<?xml version=\"1.0\" ?>\r\n<TimeML>\r\n\
<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"2013-03-22T10:00\" functionInDocument=\"CREATION_TIME\">\
March 22</TIMEX3></DCT>\r\n<TITLE>On <TIMEX3 tid=\"t90\" type=\"DATE\" value=\"2013-03-21\">Thursday</TIMEX3></TITLE>\r\n\
<TEXT>\r\nZ&uuml;rich &amp; Gen&egrave;ve &#8212; <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2013-03-21\">\
jeudi</TIMEX3> (<TIMEX3 tid=\"t2\" type=\"date\" value=\"2013-W12\">this week</TIMEX3>).\r\n\
<!-- a comment with <TIMEX3 tid=\"t91\">2001</TIMEX3> -->Caf&eacute;s closed \
<TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P2D\">for two <TIMEX3 tid=\"t4\" type=\"DATE\" \
value=\"XXXX-XX-XX\">days</TIMEX3></TIMEX3><![CDATA[ <b>&amp;</b> ]]>after \
<TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2013-03-22\" functionInDocument=\"CREATION_TIME\">today</TIMEX3>'s \
<TIMEX3 tid=\"t6\" type=\"TIME\" value=\"2013-03-22TNI\">night</TIMEX3>, \
<TIMEX3 tid=\"t7\" type=\"SET\" value=\"P1D\" quant=\"EVERY\">every day</TIMEX3> \
<TIMEX3 tid=\"t8\" type=\"DATE\" value=\"\" />at <TIMEX3 tid='t9' type='TIME' value='2013-03-22T09:30'>\
9.30&nbsp;a.m.</TIMEX3> \u{2014} <TIMEX3 tid=\"t10\" type=\"DATE\" value=\"X\">  </TIMEX3>\u{1f600} \
<TIMEX3 tid=\"t11\" type=\"DATE\" value=\"2012\">last year</TIMEX3>.\r\n</TEXT>\r\n</TimeML>\r\n";

/// A document with nothing to find, for the all-100 case.
const NOTHING: &str = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-01\" \
functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT>No dates here at all.</TEXT></TimeML>";

/// A document whose predictions file is never written (a failure in both scorers).
const UNANSWERED: &str = "<TimeML><TEXT>It happened <TIMEX3 tid=\"t1\" type=\"DATE\" \
value=\"1998-01-01\">on New Year's Day</TIMEX3>.</TEXT></TimeML>";

/// Five real documents (TimeBank and AQUAINT) and the synthetic ones, in `dir`.
fn gold_sample(dir: &Path) -> Vec<Document> {
    fs::create_dir_all(dir).unwrap();
    for (corpus_name, picks) in [
        ("TimeBank", &[0usize, 60, 120][..]),
        ("AQUAINT", &[3, 40][..]),
    ] {
        let mut files: Vec<PathBuf> = fs::read_dir(corpus(corpus_name))
            .expect("the TempEval-3 corpus in ../shared")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .collect();
        files.sort();
        for &k in picks {
            fs::copy(&files[k], dir.join(files[k].file_name().unwrap())).unwrap();
        }
    }
    fs::write(dir.join("tricky.tml"), TRICKY).unwrap();
    fs::write(dir.join("nothing.tml"), NOTHING).unwrap();
    fs::write(dir.join("unanswered.tml"), UNANSWERED).unwrap();
    let docs = read_gold_dir(dir).unwrap();
    assert_eq!(docs.len(), 8);
    docs
}

fn char_to_byte(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

fn span_text(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// A prediction line with character offsets (and the right `text`).
fn line(doc: &Document, start: usize, end: usize, kind: &str, value: &str) -> String {
    let text = span_text(&doc.text, start, end);
    json!({"start": start, "end": end, "text": text, "type": kind, "value": value}).to_string()
}

/// Predictions made from the gold with deliberate mistakes: misses, shifted,
/// shrunk and widened extents, wrong values and types, lower-case types, byte
/// offsets, duplicates and near-duplicates competing for one gold, false alarms,
/// lines out of range or not JSON, a wrong `text`, and lines out of order.
fn perturbed(doc: &Document, n: &mut usize) -> Vec<String> {
    let mut lines = Vec::new();
    let len = doc.char_len();
    for t in &doc.timexes {
        *n += 1;
        let k = *n;
        if k.is_multiple_of(5) {
            continue; // missed
        }
        let (mut s, mut e) = (t.start, t.end);
        let mut kind = t.kind.clone();
        let mut value = t.value.clone();
        if k.is_multiple_of(7) {
            value = format!("{value}X");
        }
        if k.is_multiple_of(11) {
            kind = if kind == "DATE" {
                "TIME".into()
            } else {
                "DATE".into()
            };
        }
        if k.is_multiple_of(13) {
            kind = kind.to_lowercase(); // still right: types compare upper-cased
        }
        if k.is_multiple_of(4) && e - s > 1 {
            e -= 1;
        }
        if k.is_multiple_of(6) && e + 2 <= len {
            s += 2;
            e += 2;
        }
        if k.is_multiple_of(9) && s >= 3 {
            s -= 3;
        }
        if k.is_multiple_of(14) && s >= 2 && e - s > 3 {
            // equal overlaps, the later-starting one closer: the distance decides
            lines.push(line(doc, s - 2, e - 2, &kind, "WIDE"));
            lines.push(line(doc, s + 1, e - 1, &kind, &value));
            continue;
        }
        if k.is_multiple_of(8) {
            let (bs, be) = (char_to_byte(&doc.text, s), char_to_byte(&doc.text, e));
            lines.push(
                json!({"byte_start": bs, "byte_end": be, "type": kind, "value": value}).to_string(),
            );
        } else if k.is_multiple_of(19) {
            // the text given is not the text at the offsets: a warning, still scored
            lines.push(
                json!({"start": s, "end": e, "text": "nope", "type": kind, "value": value})
                    .to_string(),
            );
        } else {
            lines.push(line(doc, s, e, &kind, &value));
        }
        if k.is_multiple_of(3) {
            lines.push(line(doc, t.start, t.end, &t.kind, "DUPLICATE"));
        }
        if k.is_multiple_of(12) && t.end < len {
            // the same overlap as a one-character shift the other way: a tie on overlap
            lines.push(line(doc, t.start + 1, t.end + 1, &t.kind, "COMPETITOR"));
        }
        if k.is_multiple_of(17) {
            lines.push(json!({"start": len, "end": len + 3, "type": "DATE"}).to_string());
            lines.push("{not json".into());
            lines.push(json!({"begin": 0, "type": "DATE"}).to_string());
        }
    }
    // false alarms: the first and every 25th word outside all gold extents
    let mut words = 0;
    let mut start = None;
    for (i, c) in doc.text.chars().chain([' ']).enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let free = doc.timexes.iter().all(|t| i <= t.start || s >= t.end);
                if free {
                    if words % 25 == 0 {
                        lines.push(line(doc, s, i, "DATE", "1999"));
                    }
                    words += 1;
                }
            }
            _ => {}
        }
    }
    if n.is_multiple_of(2) {
        lines.reverse(); // both scorers sort by (start, end)
    }
    lines
}

/// Writes `<doc>.jsonl` for every document but `unanswered`.
fn write_predictions(dir: &Path, docs: &[Document], make: impl Fn(&Document) -> Vec<String>) {
    fs::create_dir_all(dir).unwrap();
    for doc in docs.iter().filter(|d| d.name != "unanswered") {
        let mut body = make(doc).join("\n");
        body.push('\n');
        fs::write(dir.join(format!("{}.jsonl", doc.name)), body).unwrap();
    }
}

/// Makes one document's prediction lines.
type MakeLines<'a> = Box<dyn Fn(&Document) -> Vec<String> + 'a>;

#[test]
#[ignore = "needs ../shared/data/tempeval3-train and python3"]
fn perturbed_predictions_score_as_in_python() {
    let tmp = tempfile::tempdir().unwrap();
    let gold = tmp.path().join("gold");
    let docs = gold_sample(&gold);
    let tricky = docs.iter().find(|d| d.name == "tricky").unwrap();
    assert_eq!(tricky.timexes.len(), 8, "{:#?}", tricky.timexes);
    assert!(tricky.text.contains("Zürich & Genève — jeudi"));

    let counter = std::cell::Cell::new(0);
    let scenarios: [(&str, MakeLines); 3] = [
        (
            "perturbed",
            Box::new(|d: &Document| {
                let mut n = counter.get();
                let lines = perturbed(d, &mut n);
                counter.set(n);
                lines
            }),
        ),
        (
            "perfect, byte offsets",
            Box::new(|d: &Document| {
                d.timexes
                    .iter()
                    .map(|t| {
                        let (bs, be) =
                            (char_to_byte(&d.text, t.start), char_to_byte(&d.text, t.end));
                        json!({"byte_start": bs, "byte_end": be, "type": t.kind, "value": t.value})
                            .to_string()
                    })
                    .collect()
            }),
        ),
        ("empty", Box::new(|_: &Document| Vec::new())),
    ];
    for (i, (what, make)) in scenarios.iter().enumerate() {
        let pred = tmp.path().join(format!("pred{i}"));
        write_predictions(&pred, &docs, make);
        let rust = Predictions::read_dir(&docs, &pred).unwrap().score(&docs);
        let python = python_report(&gold, &pred);
        println!("{what}:\n{rust}\n");
        assert_same(&rust.to_json(), &python);
        assert_eq!(
            rust.failures.len(),
            1,
            "{what}: unanswered.jsonl is missing"
        );
    }
    // the perturbations did exercise every path
    let pred0 = tmp.path().join("pred0");
    let r = Predictions::read_dir(&docs, &pred0).unwrap().score(&docs);
    let c = r.counts;
    assert!(c.strict < c.relaxed && c.relaxed < c.gold && c.relaxed < c.system);
    assert!(c.type_correct < c.relaxed && c.value_correct < c.relaxed);
    assert!(r.warnings.len() >= 3);
}
