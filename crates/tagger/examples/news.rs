//! The tagger on news it was not written on: Timeline17's articles (BBC, CNN,
//! Reuters, the Guardian, Fox News, the Washington Post, 2005–2012, each with
//! its publication date as the creation time) and the SemEval-2015 trial
//! articles (Wikinews), from `../shared/data`.
//!
//! ```text
//! cargo run --release -p annals-tagger --example news -- COMMAND [--sample dev|heldout|all] ...
//!
//! docs                      the sample's documents as JSON Lines ({name, dct, text}), for
//!                           crates/timex-eval/heideltime.py DOCS.jsonl target/heideltime/news
//! write DIR                 the tagger's expressions as DIR/<doc>.jsonl, to compare a later
//!                           build with this one (disagree --as DIR)
//! disagree [--with DIR] [--as DIR] [--list FILTER]
//!                           every expression one tagger finds and the other does not, and
//!                           every overlapping pair with other extents, types or values, in
//!                           classes by shape (timex_eval::classify), counted; --list shows
//!                           the cases of the classes whose name contains FILTER
//! gold FILE [--with DIR] [--list FILTER]
//!                           scores the tagger (and the predictions in DIR) on a hand
//!                           annotation of held-out articles: one {doc, start, end, text,
//!                           type, value} a line, character offsets into the article
//! ```
//!
//! `--with DIR` (default `target/heideltime/news`) holds the other tagger's
//! `<doc>.jsonl`; `--as DIR` takes this side from such files too, instead of
//! running the tagger (another build's output, written by `write`).
//!
//! Samples, drawn by a hash of each article's name so that they never change:
//! `heldout` is 30 Timeline17 articles of at most 6,000 characters, at most
//! two a task (the hand-annotated test set: never tune on it); `dev` is 20
//! other articles of each Timeline17 task and every SemEval article (the
//! disagreement set to work on); `all` is every article.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annals_core::load::{Options, articles, read_dir};
use annals_tagger::Tagger;
use chrono::NaiveDate;
use timex_eval::{Document, MistakeKind, Prediction, Predictions, Report, classify, score};

/// Articles per Timeline17 task in the development sample.
const DEV_PER_TASK: usize = 20;
/// Articles in the held-out sample, at most so many a task and so long.
const HELDOUT: usize = 30;
const HELDOUT_PER_TASK: usize = 2;
const HELDOUT_MAX_CHARS: usize = 6000;

/// A news article: its name (`task/id`), creation date and text.
struct Article {
    name: String,
    dct: NaiveDate,
    text: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Sample {
    Dev,
    Heldout,
    All,
}

struct Args {
    command: String,
    operand: Option<PathBuf>,
    sample: Sample,
    with: PathBuf,
    side: Option<PathBuf>,
    list: Option<String>,
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn parse_args() -> Result<Args, String> {
    let usage = "COMMAND (docs | write DIR | disagree | gold FILE) [--sample dev|heldout|all] \
                 [--with DIR] [--as DIR] [--list FILTER]";
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or(usage)?;
    let mut args = Args {
        operand: None,
        sample: if command == "gold" {
            Sample::Heldout
        } else {
            Sample::Dev
        },
        with: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/heideltime/news"),
        side: None,
        list: None,
        command,
    };
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--sample" => {
                args.sample = match value("--sample")?.as_str() {
                    "dev" => Sample::Dev,
                    "heldout" => Sample::Heldout,
                    "all" => Sample::All,
                    _ => return Err("--sample dev|heldout|all".into()),
                }
            }
            "--with" => args.with = value("--with")?.into(),
            "--as" => args.side = Some(value("--as")?.into()),
            "--list" => args.list = Some(value("--list")?),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}; {usage}")),
            _ if args.operand.is_none() => args.operand = Some(a.into()),
            _ => return Err(usage.into()),
        }
    }
    Ok(args)
}

/// FNV-1a, then SplitMix64's finaliser (FNV alone leaves names that differ in
/// their last digit next to each other): a hash that is the same on every
/// machine and every run.
fn fnv(s: &str) -> u64 {
    let h = s.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Reads a folder or JSON Lines file of articles as annals does.
fn read(path: &Path, prefix: &str) -> Result<Vec<Article>, String> {
    let files = read_dir(path).map_err(|p| format!("{}: {p}", path.display()))?;
    let (sources, problems) = articles(files, &Options::default());
    if !problems.is_empty() {
        eprintln!("{}: {problems}", path.display());
    }
    Ok(sources
        .into_iter()
        .map(|s| Article {
            name: format!("{prefix}/{}", s.id),
            dct: s.published,
            text: s.body().to_owned(),
        })
        .collect())
}

/// The articles of a sample.
fn sample(which: Sample) -> Result<Vec<Article>, String> {
    let root = shared();
    let mut tasks = BTreeMap::new();
    for entry in fs::read_dir(root.join("timeline17")).map_err(|e| e.to_string())? {
        let path = entry
            .map_err(|e| e.to_string())?
            .path()
            .join("articles.jsonl");
        if path.is_file() {
            let task = path
                .parent()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let docs = read(&path, &task)?;
            tasks.insert(task, docs);
        }
    }
    // The held-out articles first, so the development sample can leave them out.
    let mut candidates: Vec<(u64, &str, &Article)> = tasks
        .iter()
        .flat_map(|(task, docs)| docs.iter().map(move |d| (task.as_str(), d)))
        .filter(|(_, d)| d.text.chars().count() <= HELDOUT_MAX_CHARS)
        .map(|(task, d)| (fnv(&format!("heldout:{}", d.name)), task, d))
        .collect();
    candidates.sort_by_key(|c| c.0);
    let mut per_task = BTreeMap::<&str, usize>::new();
    let mut heldout = Vec::new();
    for (_, task, d) in candidates {
        let n = per_task.entry(task).or_default();
        if *n < HELDOUT_PER_TASK && heldout.len() < HELDOUT {
            *n += 1;
            heldout.push(d.name.clone());
        }
    }
    let mut out = Vec::new();
    for docs in tasks.into_values() {
        let mut docs: Vec<Article> = match which {
            Sample::All => docs,
            Sample::Heldout => docs
                .into_iter()
                .filter(|d| heldout.contains(&d.name))
                .collect(),
            Sample::Dev => {
                let mut rest: Vec<Article> = docs
                    .into_iter()
                    .filter(|d| !heldout.contains(&d.name))
                    .collect();
                rest.sort_by_key(|d| fnv(&format!("dev:{}", d.name)));
                rest.truncate(DEV_PER_TASK);
                rest
            }
        };
        docs.sort_by(|a, b| a.name.cmp(&b.name));
        out.extend(docs);
    }
    if which != Sample::Heldout {
        out.extend(read(&root.join("semeval2015-trial/articles"), "semeval")?);
    }
    Ok(out)
}

/// The tagger's expressions in an article, as the scorer reads them.
fn tag(tagger: &Tagger, a: &Article) -> Vec<Prediction> {
    tagger
        .tag(&a.text, a.dct)
        .into_iter()
        .map(|t| Prediction::new(t.start, t.end, t.kind.as_str(), t.value.to_string()))
        .collect()
}

/// Predictions of each article: from `<doc>.jsonl` files in `dir`, or the tagger's.
fn side(
    tagger: &Tagger,
    docs: &[Article],
    dir: Option<&Path>,
) -> Result<Vec<Vec<Prediction>>, String> {
    let Some(dir) = dir else {
        return Ok(docs.iter().map(|a| tag(tagger, a)).collect());
    };
    let plain: Vec<Document> = docs
        .iter()
        .map(|a| Document::from_text(&a.name, a.text.as_str(), a.dct, &[]))
        .collect();
    let read = Predictions::read_dir(&plain, dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if let Some(f) = read.failures.first() {
        return Err(format!(
            "{} of {} articles have no predictions in {} ({f}); run heideltime.py on `docs`",
            read.failures.len(),
            docs.len(),
            dir.display()
        ));
    }
    Ok(read.per_doc)
}

fn row(name: &str, r: &Report) -> String {
    let m = &r.metrics;
    format!(
        "| {name} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} |",
        m.strict.f1, m.relaxed.f1, m.kind.f1, m.value.f1, r.counts.gold, r.counts.system
    )
}

/// A mistake's class, with the side that has the expression alone named.
fn label(doc: &Document, m: &timex_eval::Mistake, ours: &str, theirs: &str) -> String {
    let class = classify(doc, m).0;
    // For a miss or false alarm, the classes of issue 19 carry no side.
    let class = class
        .strip_prefix("miss ")
        .or_else(|| class.strip_prefix("false alarm "))
        .unwrap_or(&class)
        .replace("extra at", &format!("{ours} longer at"))
        .replace("cut at", &format!("{ours} shorter at"));
    match m.kind {
        MistakeKind::Miss => format!("only {theirs}: {class}"),
        MistakeKind::FalseAlarm => format!("only {ours}: {class}"),
        _ => class,
    }
}

/// Prints the class counts of `report`, most frequent first, and the cases of
/// the classes that match `list`.
fn classes(
    out: &mut dyn Write,
    docs: &[Document],
    report: &Report,
    (ours, theirs): (&str, &str),
    list: Option<&str>,
) -> io::Result<()> {
    let mut counts = BTreeMap::<String, usize>::new();
    let mut cases = Vec::new();
    for (m, doc) in timex_eval::classify::with_docs(docs, report) {
        let class = label(doc, m, ours, theirs);
        *counts.entry(class.clone()).or_default() += 1;
        if list.is_some_and(|f| class.contains(f)) {
            cases.push((class, m, doc));
        }
    }
    let mut by_count: Vec<_> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    writeln!(out, "\n| class | cases |\n| --- | --- |")?;
    for (class, n) in &by_count {
        writeln!(out, "| {class} | {n} |")?;
    }
    for (class, m, doc) in cases {
        let show = |t: &Option<timex_eval::Timex>| {
            t.as_ref().map_or("-".to_owned(), |t| {
                format!("{:?} {} {}", t.text, t.kind, t.value)
            })
        };
        let at = m.gold.as_ref().or(m.system.as_ref()).map_or(0, |t| t.start);
        let end = m
            .gold
            .iter()
            .chain(&m.system)
            .map(|t| t.end)
            .max()
            .unwrap_or(at);
        let chars: Vec<char> = doc.text.chars().collect();
        let around: String = chars[at.saturating_sub(70)..(end + 50).min(chars.len())]
            .iter()
            .collect::<String>()
            .replace('\n', " ");
        writeln!(
            out,
            "{} {} [{class}] {theirs}: {} | {ours}: {} | …{around}…",
            doc.name,
            doc.dct_value,
            show(&m.gold),
            show(&m.system),
        )?;
    }
    Ok(())
}

/// One hand-annotated expression.
fn read_gold(path: &Path, docs: &[Article]) -> Result<Vec<Vec<Prediction>>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut gold = vec![Vec::new(); docs.len()];
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |e: String| format!("{}:{}: {e}", path.display(), n + 1);
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        let field = |k: &str| v[k].as_str().ok_or_else(|| at(format!("no {k}")));
        let offset = |k: &str| {
            v[k].as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| at(format!("no {k}")))
        };
        let doc = field("doc")?;
        let k = docs
            .iter()
            .position(|d| d.name == doc)
            .ok_or_else(|| at(format!("{doc} is not in the sample")))?;
        let (start, end) = (offset("start")?, offset("end")?);
        let written: String = docs[k].text.chars().skip(start).take(end - start).collect();
        if written != field("text")? {
            return Err(at(format!("the article has {written:?} there")));
        }
        gold[k].push(Prediction::new(start, end, field("type")?, field("value")?));
    }
    Ok(gold)
}

fn run(args: &Args) -> Result<(), String> {
    let docs = sample(args.sample)?;
    let tagger = Tagger::new();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let io = |e: io::Error| e.to_string();
    match args.command.as_str() {
        "docs" => {
            for a in &docs {
                let line =
                    serde_json::json!({"name": a.name, "dct": a.dct.to_string(), "text": a.text});
                writeln!(out, "{line}").map_err(io)?;
            }
        }
        "write" => {
            let dir = args.operand.as_deref().ok_or("write DIR")?;
            for (a, preds) in docs.iter().zip(side(&tagger, &docs, args.side.as_deref())?) {
                let path = dir.join(format!("{}.jsonl", a.name));
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(io)?;
                }
                let lines: String = preds
                    .iter()
                    .map(|p| {
                        let v = serde_json::json!({"start": p.start, "end": p.end,
                            "type": p.kind, "value": p.value});
                        format!("{v}\n")
                    })
                    .collect();
                fs::write(&path, lines).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        "disagree" => {
            let theirs = side(&tagger, &docs, Some(&args.with))?;
            let ours = side(&tagger, &docs, args.side.as_deref())?;
            // The other tagger's expressions stand as the reference: a "miss" is
            // an expression only it finds, a "false alarm" one only ours finds.
            let reference: Vec<Document> = docs
                .iter()
                .zip(&theirs)
                .map(|(a, t)| Document::from_text(&a.name, a.text.as_str(), a.dct, t))
                .collect();
            let report = score(&reference, &ours);
            let chars: usize = docs.iter().map(|a| a.text.chars().count()).sum();
            writeln!(
                out,
                "{} articles, {chars} characters; annals against {}:\n\n\
                 | | strict F1 | relaxed F1 | type F1 | value F1 | theirs | ours |\n\
                 | --- | --- | --- | --- | --- | --- | --- |\n{}",
                docs.len(),
                args.with.display(),
                row("agreement", &report)
            )
            .map_err(io)?;
            classes(
                &mut out,
                &reference,
                &report,
                ("annals", "HeidelTime"),
                args.list.as_deref(),
            )
            .map_err(io)?;
        }
        "gold" => {
            let path = args.operand.as_deref().ok_or("gold FILE")?;
            let gold = read_gold(path, &docs)?;
            let reference: Vec<Document> = docs
                .iter()
                .zip(&gold)
                .map(|(a, g)| Document::from_text(&a.name, a.text.as_str(), a.dct, g))
                .collect();
            let ours = score(&reference, &side(&tagger, &docs, args.side.as_deref())?);
            let theirs = side(&tagger, &docs, Some(&args.with))
                .map(|t| score(&reference, &t))
                .ok();
            writeln!(
                out,
                "{} articles, {} expressions by hand\n\n\
                 | tagger | strict F1 | relaxed F1 | type F1 | value F1 | gold | system |\n\
                 | --- | --- | --- | --- | --- | --- | --- |\n{}",
                docs.len(),
                gold.iter().map(Vec::len).sum::<usize>(),
                row("annals", &ours)
            )
            .map_err(io)?;
            if let Some(t) = &theirs {
                writeln!(out, "{}", row("HeidelTime", t)).map_err(io)?;
            }
            classes(
                &mut out,
                &reference,
                &ours,
                ("annals", "gold"),
                args.list.as_deref(),
            )
            .map_err(io)?;
            if let Some(t) = &theirs {
                writeln!(out, "\nHeidelTime:").map_err(io)?;
                classes(
                    &mut out,
                    &reference,
                    t,
                    ("HeidelTime", "gold"),
                    args.list.as_deref(),
                )
                .map_err(io)?;
            }
        }
        other => return Err(format!("unknown command {other}")),
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("usage: {e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
