//! `annals-eval`: the drafter's development benchmark in one command.
//!
//! ```text
//! cargo run --release -p annals-eval                        # every corpus
//! cargo run --release -p annals-eval -- --only semeval      # one of them
//! cargo run --release -p annals-eval -- --set threshold=0.7 # a parameter changed
//! cargo run --release -p annals-eval -- --sweep same=1.5,2,3 # leave-one-corpus-out
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annals_draft::{Drafter, Params, Tables};
use annals_eval::{bundled, own, semeval, t17};
use annals_tagger::Tagger;
use clap::Parser;

/// The drafter's development benchmark: every corpus, each against its own
/// no-drafting baselines.
#[derive(Parser, Debug)]
#[command(name = "annals-eval", version)]
struct Args {
    /// The shared data folder (Timeline17, SemEval); default `../shared`
    /// beside the clone.
    #[arg(long)]
    shared: Option<PathBuf>,
    /// Only these corpora: t17, semeval, bundled, own (repeatable).
    #[arg(long)]
    only: Vec<String>,
    /// Only these Timeline17 tasks or task/timeline (repeatable).
    #[arg(long)]
    t17: Vec<String>,
    /// A parameter of rules/params.toml changed: NAME=VALUE (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Runs every corpus once per value of a parameter and picks, for each
    /// corpus, the value best on the others: NAME=V1,V2,...
    #[arg(long, value_name = "NAME=V1,V2,...")]
    sweep: Option<String>,
    /// Writes Timeline17's candidate days with their counts and gold labels
    /// to FILE (tab-separated), for studying a ranking.
    #[arg(long, value_name = "FILE")]
    t17_days: Option<PathBuf>,
    /// Prints each timeline's or entity's scores, not only the summary.
    #[arg(long, short)]
    verbose: bool,
}

/// One run's headline figure per corpus (name, annals, best baseline).
type Summary = Vec<(String, f64, f64)>;

fn shared(args: &Args) -> PathBuf {
    args.shared.clone().unwrap_or_else(|| {
        let here = Path::new("../shared");
        if here.is_dir() {
            here.into()
        } else {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
        }
    })
}

fn wanted(args: &Args, corpus: &str) -> bool {
    args.only.is_empty() || args.only.iter().any(|o| o == corpus)
}

fn pairs(list: &[String]) -> Result<Vec<(String, f64)>, String> {
    list.iter()
        .map(|s| {
            let (name, value) = s
                .split_once('=')
                .ok_or_else(|| format!("--set {s}: write NAME=VALUE"))?;
            let value: f64 = value
                .trim()
                .parse()
                .map_err(|_| format!("--set {s}: {value:?} is not a number"))?;
            Ok((name.trim().to_string(), value))
        })
        .collect()
}

fn f(x: f64) -> String {
    format!("{x:.3}")
}

/// Runs the chosen corpora with `params`, printing their tables.
fn run(args: &Args, params: Params, print: bool) -> Result<Summary, String> {
    let tagger = Tagger::new();
    let drafter = Drafter::new(&tagger, Tables::embedded(), params);
    let shared = shared(args);
    let mut summary = Summary::new();
    let say = |line: String| {
        if print {
            println!("{line}");
        }
    };
    let present = |corpus: &str, dir: &Path| {
        let here = dir.is_dir();
        if !here && print && !args.only.is_empty() {
            eprintln!(
                "annals-eval: {corpus}: no {} (give --shared DIR)",
                dir.display()
            );
        } else if !here && print {
            println!(
                "{corpus}: skipped, no {} (give --shared DIR)",
                dir.display()
            );
        }
        here
    };
    if wanted(args, "t17") && present("Timeline17", &shared.join("data/timeline17")) {
        let started = std::time::Instant::now();
        let mut file = match &args.t17_days {
            Some(path) if print => Some(std::io::BufWriter::new(
                std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
            )),
            _ => None,
        };
        let results = t17::run(
            &shared.join("data/timeline17"),
            &drafter,
            &tagger,
            &args.t17,
            file.as_mut().map(|f| f as &mut dyn std::io::Write),
        )?;
        if args.verbose {
            say(format!(
                "{:38} {:>4} {:>9} {:>9} {:>8} {:>9} {:>6} {:>5}",
                "Timeline17 task/timeline",
                "T",
                "annals@T",
                "uncapped",
                "dates@T",
                "+pub@T",
                "events",
                "arts"
            ));
            for r in &results {
                say(format!(
                    "{:38} {:>4} {:>9} {:>9} {:>8} {:>9} {:>6} {:>5}",
                    r.name,
                    r.t,
                    f(r.capped.f1),
                    f(r.uncapped.f1),
                    f(r.dates.f1),
                    f(r.dates_pub.f1),
                    r.events,
                    r.articles
                ));
            }
        }
        let annals = t17::mean(&results, |r| r.capped);
        let (dates, dates_pub) = (
            t17::mean(&results, |r| r.dates),
            t17::mean(&results, |r| r.dates_pub),
        );
        say(format!(
            "Timeline17 ({} timelines, news-tls span, capped at T by salience): mean Date-F1 {} (uncapped {}); baselines dates@T {}, dates+pub@T {}  [{:.1} s]",
            results.len(),
            f(annals),
            f(t17::mean(&results, |r| r.uncapped)),
            f(dates),
            f(dates_pub),
            started.elapsed().as_secs_f64()
        ));
        summary.push(("t17".into(), annals, dates.max(dates_pub)));
    }
    if wanted(args, "semeval") && present("SemEval trial", &shared.join("data/semeval2015-trial")) {
        let results = semeval::run(&shared.join("data/semeval2015-trial"), &drafter, &tagger)?;
        if args.verbose {
            for r in &results {
                say(format!(
                    "  SemEval {:20} annals {} (P {} R {}, {} events)  days+pub {}  pub {}",
                    r.name,
                    f(r.annals.f1),
                    f(r.annals.precision),
                    f(r.annals.recall),
                    r.events,
                    f(r.days_pub.f1),
                    f(r.pub_only.f1)
                ));
            }
        }
        let whole = &results[0];
        let entities = &results[1..];
        let mean = |g: fn(&semeval::Scored) -> f64| {
            entities.iter().map(g).sum::<f64>() / entities.len() as f64
        };
        let about = mean(|r| r.annals.f1);
        let about_base = mean(|r| r.days_pub.f1);
        say(format!(
            "SemEval trial: whole Date-F1 {} (P {} R {}); baselines days+pub {}, pub {}.  --about mean {}; baseline {}",
            f(whole.annals.f1),
            f(whole.annals.precision),
            f(whole.annals.recall),
            f(whole.days_pub.f1),
            f(whole.pub_only.f1),
            f(about),
            f(about_base)
        ));
        summary.push(("semeval".into(), whole.annals.f1, whole.days_pub.f1));
        summary.push(("semeval-about".into(), about, about_base));
    }
    if wanted(args, "bundled") {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let b = bundled::run(&data, &drafter, &tagger)?;
        say(format!(
            "Bundled story, bare articles: {} of 6 mission events ({} among the 6 most salient), {} of {} hand-made events found, {} of {} drafted match none; Date-F1 {} (baseline days+pub {})",
            b.mission,
            b.mission_top,
            b.found,
            b.made,
            b.unmatched,
            b.drafted,
            f(b.annals.f1),
            f(b.days_pub.f1)
        ));
        summary.push(("bundled".into(), b.annals.f1, b.days_pub.f1));
        summary.push(("bundled-top6".into(), b.mission_top as f64 / 6.0, 0.0));
    }
    if wanted(args, "own") {
        let (stories, skipped) = own::run(&own::corpora(), &shared, &drafter, &tagger)?;
        for story in skipped {
            say(format!("Own set {story} (give --shared DIR): skipped"));
        }
        for w in stories {
            say(format!(
                "Own set {} ({} articles): Date-F1 {} (P {} R {}, {} events); baselines days+pub {}, pub {}",
                w.scores.name,
                w.articles,
                f(w.scores.annals.f1),
                f(w.scores.annals.precision),
                f(w.scores.annals.recall),
                w.scores.events,
                f(w.scores.days_pub.f1),
                f(w.scores.pub_only.f1)
            ));
            summary.push((
                format!("own/{}", w.scores.name),
                w.scores.annals.f1,
                w.scores.days_pub.f1,
            ));
        }
    }
    Ok(summary)
}

fn sweep(args: &Args, base: Params, spec: &str) -> Result<(), String> {
    let (name, values) = spec
        .split_once('=')
        .ok_or_else(|| format!("--sweep {spec}: write NAME=V1,V2,..."))?;
    let values: Vec<f64> = values
        .split(',')
        .map(|v| {
            v.trim()
                .parse()
                .map_err(|_| format!("--sweep: {v:?} is not a number"))
        })
        .collect::<Result<_, _>>()?;
    let mut rows = Vec::new();
    for &v in &values {
        let params = base.with(&[(name, v)]).map_err(|e| e.to_string())?;
        let summary = run(args, params, false)?;
        println!(
            "{name} = {v:<8} {}",
            summary
                .iter()
                .map(|(c, a, _)| format!("{c} {}", f(*a)))
                .collect::<Vec<_>>()
                .join("  ")
        );
        rows.push((v, summary));
    }
    // Leave one corpus out: the value best on the mean of the others, and
    // what it gives the one left out.
    let corpora: Vec<String> = rows
        .first()
        .map(|(_, s)| s.iter().map(|c| c.0.clone()).collect())
        .unwrap_or_default();
    for (k, corpus) in corpora.iter().enumerate() {
        let others = |s: &Summary| {
            let rest: Vec<f64> = s
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, c)| c.1)
                .collect();
            rest.iter().sum::<f64>() / rest.len().max(1) as f64
        };
        if let Some((v, s)) = rows
            .iter()
            .max_by(|a, b| others(&a.1).total_cmp(&others(&b.1)))
        {
            println!(
                "left out {corpus}: best on the others {name} = {v}, which gives {corpus} {}",
                f(s[k].1)
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = pairs(&args.set).and_then(|changes| {
        let changes: Vec<(&str, f64)> = changes.iter().map(|(n, v)| (n.as_str(), *v)).collect();
        let params = Params::embedded()
            .with(&changes)
            .map_err(|e| e.to_string())?;
        match &args.sweep {
            Some(spec) => sweep(&args, params, spec),
            None => run(&args, params, true).map(|_| ()),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annals-eval: {e}");
            ExitCode::from(1)
        }
    }
}
