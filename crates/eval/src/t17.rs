//! Timeline17 in the news-tls setting: each task's articles published in
//! its gold timeline's span are drafted with `--since`/`--until` set to the
//! span; the T most salient days (T = the gold timeline's number of dates)
//! are scored by exact-day Date-F1, as `score_tls.py` scores them. The
//! no-drafting baselines count, for each day, the articles that write it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use annals_draft::{Drafter, Options};
use annals_tagger::{Date, Tagger, TimexType, Value};
use chrono::NaiveDate;

use crate::corpus;
use crate::score::{self, Prf};

/// One gold timeline's scores.
#[derive(Debug, Clone)]
pub struct Scored {
    /// `task/timeline`.
    pub name: String,
    /// Its number of dates.
    pub t: usize,
    /// annals, its T most salient days.
    pub capped: Prf,
    /// annals, every day it drafts.
    pub uncapped: Prf,
    /// Baseline: the T days most articles write (not counting an article's own day).
    pub dates: Prf,
    /// Baseline: the same, counting an article's own day when it writes it.
    pub dates_pub: Prf,
    /// Events drafted.
    pub events: usize,
    /// Articles in the span.
    pub articles: usize,
}

/// A gold timeline: its dates, first and last.
struct Gold {
    name: String,
    days: BTreeSet<NaiveDate>,
}

fn golds(dir: &Path) -> Result<Vec<(String, Vec<Gold>)>, String> {
    let mut tasks: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().join("timelines").is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    tasks.sort_by_key(|t| t.to_lowercase());
    let mut out = Vec::new();
    for task in tasks {
        let tdir = dir.join(&task).join("timelines");
        let mut names: Vec<String> = std::fs::read_dir(&tdir)
            .map_err(|e| format!("{}: {e}", tdir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        let mut timelines = Vec::new();
        for name in names {
            let json = corpus::json(&tdir.join(&name))?;
            let days = json
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|g| g["date"].as_str())
                .filter_map(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
                .collect::<BTreeSet<_>>();
            if !days.is_empty() {
                timelines.push(Gold {
                    name: format!("{task}/{}", name.trim_end_matches(".json")),
                    days,
                });
            }
        }
        out.push((task, timelines));
    }
    Ok(out)
}

/// The days an article writes at day precision, each once.
fn written_days(tagger: &Tagger, body: &str, published: NaiveDate) -> BTreeSet<NaiveDate> {
    tagger
        .tag(body, published)
        .into_iter()
        .filter(|t| t.kind == TimexType::Date)
        .filter_map(|t| match t.value {
            Value::Date(Date::Day(d)) => Some(d),
            _ => None,
        })
        .collect()
}

/// The T days in `since..=until` with the highest counts (ties: the earlier day).
fn top(
    counts: &BTreeMap<NaiveDate, usize>,
    since: NaiveDate,
    until: NaiveDate,
    t: usize,
) -> Vec<NaiveDate> {
    let mut days: Vec<(&NaiveDate, &usize)> = counts.range(since..=until).collect();
    days.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    days.into_iter().take(t).map(|(d, _)| *d).collect()
}

/// Scores every gold timeline of the Timeline17 folder `dir` (`only`: the
/// `task` or `task/timeline` names to keep; empty keeps all).
pub fn run(
    dir: &Path,
    drafter: &Drafter,
    tagger: &Tagger,
    only: &[String],
    mut dump: Option<&mut dyn std::io::Write>,
) -> Result<Vec<Scored>, String> {
    let mut out = Vec::new();
    for (task, timelines) in golds(dir)? {
        let keep = |name: &str| only.is_empty() || only.iter().any(|o| o == &task || o == name);
        if !timelines.iter().any(|g| keep(&g.name)) {
            continue;
        }
        let all = corpus::articles(&dir.join(&task).join("articles.jsonl"))?;
        let written: Vec<BTreeSet<NaiveDate>> = all
            .iter()
            .map(|s| written_days(tagger, s.body(), s.published))
            .collect();
        for gold in timelines.iter().filter(|g| keep(&g.name)) {
            let (since, until) = (
                *gold.days.first().unwrap_or(&NaiveDate::MIN),
                *gold.days.last().unwrap_or(&NaiveDate::MAX),
            );
            let t = gold.days.len();
            let span: Vec<usize> = (0..all.len())
                .filter(|&i| since <= all[i].published && all[i].published <= until)
                .collect();
            let (mut dates, mut dates_pub) = (BTreeMap::new(), BTreeMap::new());
            for &i in &span {
                for &d in &written[i] {
                    *dates_pub.entry(d).or_insert(0) += 1;
                    if d != all[i].published {
                        *dates.entry(d).or_insert(0) += 1;
                    }
                }
            }
            let sources = span.iter().map(|&i| all[i].clone()).collect();
            // Every happening kept (`--events 0`): the cap at T is the budget.
            let options = Options {
                since: Some(since),
                until: Some(until),
                events: Some(0),
                ..Options::default()
            };
            let drafted = drafter.draft(sources, &options);
            if let Some(out) = dump.as_mut() {
                features(out, gold, &span, &all, &written, &drafted.events)?;
            }
            let ranked = score::ranked_days(&drafted.events);
            let capped: Vec<NaiveDate> = ranked.iter().copied().take(t).collect();
            out.push(Scored {
                name: gold.name.clone(),
                t,
                capped: score::days(&capped, &gold.days),
                uncapped: score::days(&ranked, &gold.days),
                dates: score::days(&top(&dates, since, until, t), &gold.days),
                dates_pub: score::days(&top(&dates_pub, since, until, t), &gold.days),
                events: drafted.events.len(),
                articles: span.len(),
            });
        }
    }
    Ok(out)
}

/// Writes one tab-separated line per candidate day of a timeline (a day
/// drafted or written by an article of the span): whether the gold has it,
/// and the counts a ranking could use.
fn features(
    out: &mut dyn std::io::Write,
    gold: &Gold,
    span: &[usize],
    all: &[annals_core::Source],
    written: &[BTreeSet<NaiveDate>],
    events: &[annals_core::Event],
) -> Result<(), String> {
    #[derive(Default)]
    struct Day {
        events: usize,
        salience: f64,
        top_sources: usize,
        sources: BTreeSet<usize>,
        write: usize,
        write_later: usize,
        write_earlier: usize,
        published: [usize; 4],
    }
    let (since, until) = (
        *gold.days.first().unwrap_or(&NaiveDate::MIN),
        *gold.days.last().unwrap_or(&NaiveDate::MAX),
    );
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    for e in events {
        let w = e.when();
        if w.precision != annals_core::Precision::Day {
            continue;
        }
        let d = days.entry(w.start).or_default();
        let s = e
            .drafted()
            .and_then(|d| d.salience)
            .map_or(0.0, |s| s.get());
        if d.events == 0 || s > d.salience {
            d.salience = s;
            d.top_sources = e.sources().len();
        }
        d.events += 1;
        d.sources.extend(e.sources().iter().copied());
    }
    for &i in span {
        let p = all[i].published;
        for &w in &written[i] {
            if w < since || w > until {
                continue;
            }
            let d = days.entry(w).or_default();
            d.write += 1;
            if p > w {
                d.write_later += 1;
            } else if p < w {
                d.write_earlier += 1;
            }
        }
    }
    for &i in span {
        let p = all[i].published;
        for k in 0..4u64 {
            if let Some(day) = p.checked_sub_days(chrono::Days::new(k))
                && let Some(d) = days.get_mut(&day)
            {
                d.published[k as usize] += 1;
            }
        }
    }
    for (day, d) in &days {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            gold.name,
            gold.days.len(),
            span.len(),
            day,
            u8::from(gold.days.contains(day)),
            d.events,
            d.salience,
            d.top_sources,
            d.sources.len(),
            d.write,
            d.write_later,
            d.write_earlier,
            d.published[0],
            d.published[1],
            d.published[2],
            d.published[3],
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The mean of per-timeline F1s.
pub fn mean(results: &[Scored], f: impl Fn(&Scored) -> Prf) -> f64 {
    if results.is_empty() {
        return 0.0;
    }
    results.iter().map(|r| f(r).f1).sum::<f64>() / results.len() as f64
}
