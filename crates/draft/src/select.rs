//! Selection: a happening is kept when its best mention is strong enough,
//! with a bonus for each further article that reports it (or the same date);
//! a plan told by a single article is not kept, and neither is a year or
//! month named only from publication ("earlier this year"), unless the
//! story has a single article: then there is no second one to ask for.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::NaiveDate;

use crate::cluster::Cluster;
use crate::mention::{Dated, Mention};
use crate::rules::Params;

/// A happening's score and the articles that support it.
#[derive(Debug, Clone)]
pub(crate) struct Scored {
    pub cluster: Cluster,
    pub score: f32,
    /// How central it is to the story.
    pub salience: f32,
    /// Articles reporting it, in order.
    pub docs: Vec<usize>,
}

/// Scores every happening and keeps those that reach the threshold.
pub(crate) fn select(
    clusters: Vec<Cluster>,
    mentions: &[Mention],
    published: &[NaiveDate],
    articles: usize,
    params: &Params,
) -> Vec<Scored> {
    let single = articles == 1;
    let mut date_docs: HashMap<Dated, HashSet<usize>> = HashMap::default();
    for m in mentions.iter().filter(|m| m.weight > 0.0) {
        date_docs.entry(m.date).or_default().insert(m.doc);
    }
    clusters
        .into_iter()
        .filter_map(|cluster| {
            let best = &mentions[cluster.best];
            if best.weight <= 0.0 {
                return None;
            }
            let positive: Vec<&Mention> = cluster
                .members
                .iter()
                .map(|&i| &mentions[i])
                .filter(|m| m.weight > 0.0)
                .collect();
            let mut docs: HashSet<usize> = positive.iter().map(|m| m.doc).collect();
            let reporting = docs.len();
            // Another article giving the same day supports it even where the
            // sentences were not merged; the same year or month is no coincidence.
            if best.date.rank() == 2
                && let Some(same_date) = date_docs.get(&best.date)
            {
                docs.extend(same_date);
            }
            let plan_only = positive
                .iter()
                .all(|m| m.future(published[m.doc]) && !m.lead);
            if plan_only && docs.len() < 2 && !single {
                return None;
            }
            let top = positive
                .iter()
                .map(|m| {
                    if single && m.relative {
                        m.weight.max(params.threshold)
                    } else {
                        m.weight
                    }
                })
                .fold(0.0, f32::max);
            let score = top + params.source_bonus * (docs.len() - 1) as f32;
            (score >= params.threshold && reporting > 0).then(|| {
                let mut docs: Vec<usize> = positive.iter().map(|m| m.doc).collect();
                docs.sort_unstable();
                docs.dedup();
                // Articles published on another day that give this date:
                // a date the story keeps coming back to.
                let referred = date_docs.get(&best.date).map_or(0, |all| {
                    let when = best.date.when();
                    all.iter()
                        .filter(|&&d| !(when.start <= published[d] && published[d] <= when.end))
                        .count()
                });
                let salience = params.salience_sources * (docs.len() as f32).ln_1p()
                    + params.salience_referred * (referred as f32).ln_1p()
                    + params.salience_weight * top;
                Scored {
                    cluster,
                    score,
                    salience,
                    docs,
                }
            })
        })
        .collect()
}
