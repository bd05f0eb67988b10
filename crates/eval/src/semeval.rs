//! The SemEval-2015 Task 4 trial corpus (30 Wikinews articles about Apple,
//! gold timelines of six entities): the whole corpus drafted and scored
//! against every gold date, and each entity drafted with `--about` and
//! scored against its own, by precision-aware Date-F1 (`score_dates.py`).
//! Baselines: every day the tagger finds plus the publication dates, and
//! the publication dates alone (for an entity: of the articles naming it).

use std::collections::BTreeSet;
use std::path::Path;

use annals_core::{Source, Timeline};
use annals_draft::{Drafter, Options};
use annals_tagger::{Date, Tagger, TimexType, Value};

use crate::corpus;
use crate::score::{self, Dated, Prf};

/// The six target entities and their names as a user would give them.
pub const ENTITIES: &[(&str, &[&str])] = &[
    ("Steve Jobs", &["Steve Jobs", "Jobs"]),
    ("iPhone 3G", &["iPhone 3G", "3G iPhone"]),
    ("iPhone 4", &["iPhone 4"]),
    ("iPod", &["iPod"]),
    (
        "iTunes store",
        &["iTunes Store", "iTunes Music Store", "iTunes"],
    ),
    ("Beatles Apple Corps", &["Apple Corps", "Beatles"]),
];

/// Scores of one timeline (the whole corpus or one entity).
#[derive(Debug, Clone)]
pub struct Scored {
    /// "whole" or the entity.
    pub name: String,
    /// The draft.
    pub annals: Prf,
    /// Every day the tagger finds and the publication dates.
    pub days_pub: Prf,
    /// The publication dates.
    pub pub_only: Prf,
    /// Events drafted.
    pub events: usize,
}

/// The whole corpus, then each entity.
pub fn run(dir: &Path, drafter: &Drafter, tagger: &Tagger) -> Result<Vec<Scored>, String> {
    let articles = corpus::articles(&dir.join("articles"))?;
    let gold = corpus::json(&dir.join("gold.json"))?;
    let entries = gold["entries"].as_array().cloned().unwrap_or_default();
    let gold_of = |entity: Option<&str>| -> BTreeSet<Dated> {
        entries
            .iter()
            .filter(|e| entity.is_none_or(|n| e["entity"] == n))
            .filter_map(|e| Dated::parse(e["date"].as_str()?))
            .collect()
    };
    let mut out = Vec::new();
    let whole = drafter.draft(articles.clone(), &Options::default());
    out.push(scored("whole", &whole, &gold_of(None), &articles, tagger));
    for (entity, names) in ENTITIES {
        let options = Options {
            about: names.iter().map(|n| n.to_string()).collect(),
            ..Options::default()
        };
        let drafted = drafter.draft(articles.clone(), &options);
        let naming: Vec<Source> = articles
            .iter()
            .filter(|s| {
                let body = s.body().to_lowercase();
                names.iter().any(|n| body.contains(&n.to_lowercase()))
            })
            .cloned()
            .collect();
        out.push(scored(
            entity,
            &drafted,
            &gold_of(Some(entity)),
            &naming,
            tagger,
        ));
    }
    Ok(out)
}

/// The dates a drafted timeline gives the scorer.
pub fn predicted(t: &Timeline) -> BTreeSet<Dated> {
    t.events
        .iter()
        .filter_map(|e| Dated::of(e.when()))
        .collect()
}

fn scored(
    name: &str,
    t: &Timeline,
    gold: &BTreeSet<Dated>,
    baseline: &[Source],
    tagger: &Tagger,
) -> Scored {
    let published: BTreeSet<Dated> = baseline.iter().map(|s| Dated::Day(s.published)).collect();
    let mut days = published.clone();
    for s in baseline {
        for t in tagger.tag(s.body(), s.published) {
            if let (TimexType::Date, Value::Date(Date::Day(d))) = (t.kind, t.value) {
                days.insert(Dated::Day(d));
            }
        }
    }
    Scored {
        name: name.to_string(),
        annals: score::dated(&predicted(t), gold),
        days_pub: score::dated(&days, gold),
        pub_only: score::dated(&published, gold),
        events: t.events.len(),
    }
}
