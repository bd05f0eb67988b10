//! Selection: a happening is kept when its best mention is strong enough,
//! with a bonus for each further article that reports it (or the same date);
//! a plan told by a single article is not kept, and neither is a year or
//! month named only from publication ("earlier this year"), unless the
//! story has a single article: then there is no second one to ask for.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::NaiveDate;

use crate::cluster::Cluster;
use crate::mention::{Dated, Kind, Mention};
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
    let mut published_on: HashMap<NaiveDate, usize> = HashMap::default();
    for &p in published {
        *published_on.entry(p).or_default() += 1;
    }
    clusters
        .into_iter()
        .filter_map(|cluster| {
            let best = &mentions[cluster.best];
            // "within a few months" that joined no counted milestone: its
            // date is a guess.
            if best.weight <= 0.0
                || matches!(
                    best.kind,
                    Kind::After {
                        uncounted: true,
                        ..
                    }
                )
            {
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
                let giving = date_docs.get(&best.date);
                let when = best.date.when();
                let referred = giving.map_or(0, |all| {
                    all.iter()
                        .filter(|&&d| !(when.start <= published[d] && published[d] <= when.end))
                        .count()
                });
                // The date's own coverage: articles published on it (a
                // day's; a month or year is no one day's news).
                let coverage = match best.date {
                    Dated::Day(d) => published_on.get(&d).copied().unwrap_or(0),
                    _ => 0,
                };
                let ln = |n: usize| (n as f32).ln_1p();
                let salience = params.salience_date_articles * ln(giving.map_or(0, HashSet::len))
                    - params.salience_date_published * ln(coverage)
                    + params.salience_sources * ln(docs.len())
                    + params.salience_referred * ln(referred)
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

/// Spreads the saliences over the story's days: taken from the most
/// salient down, each happening loses `salience_same_day` for every
/// happening of its day already taken, so that the first N tell N moments
/// rather than one busy day told N times (an adjacent day is often another
/// moment: only the same day counts).
///
/// The happenings of one day all lose the same at any moment, so they are
/// taken in their own order whatever the other days do: the k-th most
/// salient of a day loses k times the loss. A sort per day gives that (a
/// heap re-pushing each happening once per happening of its day taken
/// before it was quadratic in a day's happenings: a 10 MB article whose
/// sentences all name one day drafted for minutes).
pub(crate) fn spread(scored: &mut [Scored], mentions: &[Mention], params: &Params) {
    let loss = params.salience_same_day;
    if loss <= 0.0 {
        return;
    }
    let mut by_day: HashMap<NaiveDate, Vec<usize>> = HashMap::default();
    for (i, s) in scored.iter().enumerate() {
        if let Dated::Day(day) = mentions[s.cluster.best].date {
            by_day.entry(day).or_default().push(i);
        }
    }
    for happenings in by_day.values_mut() {
        // Most salient first; of equal ones, the earlier.
        happenings.sort_unstable_by(|&a, &b| {
            scored[b]
                .salience
                .total_cmp(&scored[a].salience)
                .then(a.cmp(&b))
        });
        for (taken, &i) in happenings.iter().enumerate() {
            scored[i].salience -= loss * taken as f32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::Role;

    fn mention(day: u32) -> Mention {
        Mention {
            doc: 0,
            sentence: 0,
            quote: 0..1,
            timex: None,
            date: Dated::Day(NaiveDate::from_ymd_opt(2011, 2, day).unwrap()),
            kind: Kind::Point,
            role: Role::Event,
            tense: None,
            lead: false,
            weight: 1.0,
            coref: None,
            anchor_text: None,
            aside: false,
            relative: false,
        }
    }

    /// A happening of one mention each (mention `i`), with these saliences.
    fn one_each(saliences: &[f32]) -> Vec<Scored> {
        saliences
            .iter()
            .enumerate()
            .map(|(i, &salience)| Scored {
                cluster: Cluster {
                    members: vec![i],
                    best: i,
                },
                score: 1.0,
                salience,
                docs: vec![0],
            })
            .collect()
    }

    #[test]
    fn a_date_many_articles_give_outranks_its_own_days_coverage() {
        // Day 1: told by article 0, and given in passing by articles 1-3
        // (published later). Day 5: told by article 4 on its publication
        // day, as are articles 5-7, which tell other things of it.
        let day = |d| NaiveDate::from_ymd_opt(2011, 2, d).unwrap();
        let published = [
            day(1),
            day(3),
            day(4),
            day(4),
            day(5),
            day(5),
            day(5),
            day(5),
        ];
        let mut mentions: Vec<Mention> = (0..4).map(|doc| Mention { doc, ..mention(1) }).collect();
        mentions.extend((4..8).map(|doc| Mention {
            doc,
            sentence: doc,
            ..mention(5)
        }));
        let clusters = vec![
            Cluster {
                members: vec![0],
                best: 0,
            },
            Cluster {
                members: vec![4],
                best: 4,
            },
        ];
        let params = Params::embedded();
        let scored = select(clusters.clone(), &mentions, &published, 8, &params);
        assert_eq!(scored.len(), 2);
        // Both are given by four articles; day 5 is also four articles'
        // publication day, so day 1 is the more salient.
        assert!(scored[0].salience > scored[1].salience, "{scored:?}");
        let ln = |n: f32| n.ln_1p();
        let lost = scored[0].salience - scored[1].salience;
        let own = params.salience_referred * ln(3.0); // day 1's own terms: 3 referring
        let coverage = params.salience_date_published * (ln(4.0) - ln(1.0));
        assert!(
            (lost - (coverage + own)).abs() < 1e-4,
            "{lost} {coverage} {own}"
        );
        // Without the two date terms only the happenings' own support counts.
        let off = params
            .with(&[
                ("salience_date_articles", 0.0),
                ("salience_date_published", 0.0),
            ])
            .unwrap();
        let plain = select(clusters, &mentions, &published, 8, &off);
        assert!((plain[0].salience - plain[1].salience - own).abs() < 1e-4);
    }

    #[test]
    fn the_kth_happening_of_a_day_loses_k_times_the_loss() {
        let mentions = vec![mention(1), mention(1), mention(1), mention(2)];
        let mut scored = one_each(&[3.0, 2.0, 2.5, 2.0]);
        let params = Params::embedded();
        let loss = params.salience_same_day;
        assert!(loss > 0.0);
        spread(&mut scored, &mentions, &params);
        let s: Vec<f32> = scored.iter().map(|s| s.salience).collect();
        assert_eq!(s, vec![3.0, 2.0 - 2.0 * loss, 2.5 - loss, 2.0]);
    }

    #[test]
    fn a_second_happening_of_a_day_ranks_after_another_day() {
        let mentions = vec![mention(1), mention(1), mention(2)];
        let mut scored = one_each(&[3.0, 2.9, 2.5]);
        spread(&mut scored, &mentions, &Params::embedded());
        let s: Vec<f32> = scored.iter().map(|s| s.salience).collect();
        assert_eq!(s[0], 3.0);
        assert_eq!(s[2], 2.5);
        assert!(s[1] < s[2], "{s:?}");
        let off = Params::embedded()
            .with(&[("salience_same_day", 0.0)])
            .unwrap();
        let before: Vec<f32> = scored.iter().map(|s| s.salience).collect();
        spread(&mut scored, &mentions, &off);
        assert_eq!(
            before,
            scored.iter().map(|s| s.salience).collect::<Vec<_>>()
        );
    }
}
