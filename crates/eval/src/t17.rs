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
            let options = Options {
                since: Some(since),
                until: Some(until),
                ..Options::default()
            };
            let drafted = drafter.draft(sources, &options);
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

/// The mean of per-timeline F1s.
pub fn mean(results: &[Scored], f: impl Fn(&Scored) -> Prf) -> f64 {
    if results.is_empty() {
        return 0.0;
    }
    results.iter().map(|r| f(r).f1).sum::<f64>() / results.len() as f64
}
