//! Scores the tagger on the TempEval-3 training corpus, corpus by corpus,
//! with its mistakes counted by class (`timex_eval::classify`), side by side
//! with another tagger's predictions (HeidelTime's, from
//! `crates/timex-eval/heideltime.py`) when they are given.
//!
//! ```text
//! cargo run --release -p annals-tagger --example tempeval -- \
//!     [--heideltime target/heideltime] [--other NAME=DIR] [--part even|odd] \
//!     [--errors [CLASS]] [--write DIR] [CORPUS_DIR...]
//! ```
//!
//! - `CORPUS_DIR`: folders of `.tml` files (default: TimeBank and AQUAINT
//!   of `../shared/data/tempeval3-train`).
//! - `--heideltime DIR`: `DIR/<corpus>/<doc>.jsonl` predictions to compare.
//! - `--other NAME=DIR`: more predictions to compare, in the same layout
//!   (another build of the tagger, written by the `disagree` example's
//!   `--write`), shown as NAME; may be given more than once.
//! - `--part even|odd`: only every other document (the first is even), to
//!   develop on one half and check on the other.
//! - `--errors [CLASS]`: list the tagger's mistakes (of the classes whose
//!   name contains CLASS), with the words around each.
//! - `--write DIR`: also write the tagger's predictions as
//!   `DIR/<corpus>/<doc>.jsonl`, to compare a later build with (`--other`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annals_tagger::Tagger;
use timex_eval::{Classes, Document, Prediction, Predictions, Report, classify, read_gold_dir};

struct Args {
    corpora: Vec<PathBuf>,
    /// Other taggers' predictions: a name and a folder of `<corpus>/<doc>.jsonl`.
    others: Vec<(String, PathBuf)>,
    part: Option<usize>,
    errors: Option<String>,
    write: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpora: Vec::new(),
        others: Vec::new(),
        part: None,
        errors: None,
        write: None,
    };
    let mut it = std::env::args().skip(1).peekable();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--heideltime" => {
                let dir = it.next().ok_or("--heideltime DIR")?;
                args.others.push(("HeidelTime".into(), dir.into()));
            }
            "--other" => {
                let spec = it.next().ok_or("--other NAME=DIR")?;
                let (name, dir) = spec.split_once('=').ok_or("--other NAME=DIR")?;
                args.others.push((name.into(), dir.into()));
            }
            "--part" => {
                args.part = Some(match it.next().as_deref() {
                    Some("even") => 0,
                    Some("odd") => 1,
                    _ => return Err("--part even|odd".into()),
                })
            }
            "--write" => args.write = Some(it.next().ok_or("--write DIR")?.into()),
            "--errors" => {
                let class = it.next_if(|n| !n.starts_with("--") && !Path::new(n).is_dir());
                args.errors = Some(class.unwrap_or_default());
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => args.corpora.push(a.into()),
        }
    }
    if args.corpora.is_empty() {
        let root =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3-train");
        args.corpora = vec![root.join("TimeBank"), root.join("AQUAINT")];
    }
    Ok(args)
}

fn tag(tagger: &Tagger, docs: &[Document]) -> Vec<Vec<Prediction>> {
    docs.iter()
        .map(|doc| {
            let dct = doc.dct.unwrap_or_default();
            tagger
                .tag(&doc.text, dct)
                .into_iter()
                .map(|t| Prediction::new(t.start, t.end, t.kind.as_str(), t.value.to_string()))
                .collect()
        })
        .collect()
}

/// Writes predictions as `dir/<doc>.jsonl`, as `--pred-dir` reads them.
fn write(dir: &Path, docs: &[Document], predictions: &[Vec<Prediction>]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (doc, preds) in docs.iter().zip(predictions) {
        let lines: String = preds
            .iter()
            .map(|p| {
                let v = serde_json::json!({"start": p.start, "end": p.end, "type": p.kind, "value": p.value});
                format!("{v}\n")
            })
            .collect();
        std::fs::write(dir.join(format!("{}.jsonl", doc.name)), lines)?;
    }
    Ok(())
}

fn row(name: &str, r: &Report) -> String {
    let m = &r.metrics;
    format!(
        "| {name} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} |",
        m.strict.f1, m.relaxed.f1, m.kind.f1, m.value.f1, r.counts.gold, r.counts.system
    )
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("usage: {e}");
            return ExitCode::from(2);
        }
    };
    let tagger = Tagger::new();
    for dir in &args.corpora {
        let name = dir
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut docs = match read_gold_dir(dir) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        };
        if let Some(part) = args.part {
            docs = docs.into_iter().skip(part).step_by(2).collect();
        }
        let predictions = tag(&tagger, &docs);
        if let Some(out) = &args.write
            && let Err(e) = write(&out.join(&name), &docs, &predictions)
        {
            eprintln!("{}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        let ours = timex_eval::score(&docs, &predictions);
        let mut theirs = Vec::new();
        for (who, dir) in &args.others {
            match Predictions::read_dir(&docs, dir.join(&name)) {
                Ok(p) => theirs.push((who.as_str(), p.score(&docs))),
                Err(e) => {
                    eprintln!("{who}'s predictions for {name}: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        println!("## {name} ({} documents)\n", docs.len());
        println!("| tagger | strict F1 | relaxed F1 | type F1 | value F1 | gold | system |");
        println!("| --- | --- | --- | --- | --- | --- | --- |");
        println!("{}", row("annals", &ours));
        for (who, report) in &theirs {
            println!("{}", row(who, report));
        }
        let ours_c = Classes::of(&docs, &ours);
        let theirs_c: Vec<Classes> = theirs.iter().map(|(_, t)| Classes::of(&docs, t)).collect();
        let mut classes: Vec<_> = ours_c.counts.keys().cloned().collect();
        for t in &theirs_c {
            classes.extend(t.counts.keys().cloned());
        }
        classes.sort();
        classes.dedup();
        let names: String = theirs.iter().map(|(who, _)| format!(" {who} |")).collect();
        let rule: String = theirs.iter().map(|_| " --- |").collect();
        println!("\n| class | annals |{names}\n| --- | --- |{rule}");
        for c in &classes {
            let counts: String = theirs_c
                .iter()
                .map(|t| format!(" {} |", t.count(&c.0)))
                .collect();
            println!("| {c} | {} |{counts}", ours_c.count(&c.0));
        }
        println!();
        if let Some(filter) = &args.errors {
            for (m, doc) in timex_eval::classify::with_docs(&docs, &ours) {
                let class = classify(doc, m);
                if !class.0.contains(filter.as_str()) {
                    continue;
                }
                let around = m.gold.as_ref().or(m.system.as_ref()).map(|t| {
                    let chars: Vec<char> = doc.text.chars().collect();
                    let from = t.start.saturating_sub(60);
                    let to = (t.end + 40).min(chars.len());
                    chars[from..to]
                        .iter()
                        .collect::<String>()
                        .replace('\n', " ")
                });
                let show = |t: &Option<timex_eval::Timex>| {
                    t.as_ref().map_or("-".to_owned(), |t| {
                        format!("{:?} {} {}", t.text, t.kind, t.value)
                    })
                };
                println!(
                    "{} [{class}] gold {} | ours {} | dct {} | …{}…",
                    doc.name,
                    show(&m.gold),
                    show(&m.system),
                    doc.dct_value,
                    around.unwrap_or_default()
                );
            }
        }
    }
    ExitCode::SUCCESS
}
