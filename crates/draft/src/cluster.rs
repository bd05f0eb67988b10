//! Merging mentions into happenings, in near-linear time: mentions are
//! bucketed by date; within a bucket each joins the first leader it resembles
//! (found through a term index, never by comparing all pairs); milestones
//! counted from the same anchor merge by offset; then coarse mentions ("in
//! 2001") fold into a finer happening of the same year that they resemble.

use rustc_hash::FxHashMap as HashMap;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::analyse::Article;
use crate::mention::{Dated, Kind, Mention, Role};
use crate::rules::Params;
use crate::terms::{Idf, Index, Term};

/// What the clusterer needs to know about the mentions.
pub(crate) struct Input<'a> {
    pub mentions: &'a [Mention],
    /// The articles, for the terms of each mention's sentence.
    pub articles: &'a [Article],
    /// Each article's publication date.
    pub published: &'a [NaiveDate],
    pub idf: &'a Idf,
    pub params: &'a Params,
}

/// A happening: the mentions that tell it, and the one that dates it best.
#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    pub members: Vec<usize>,
    pub best: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Bucket {
    Date(Dated),
    Counted(NaiveDate),
}

struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[b] = a;
        }
    }
}

impl Input<'_> {
    /// The terms of mention `i`'s sentence.
    fn terms(&self, i: usize) -> &[Term] {
        let m = &self.mentions[i];
        self.articles[m.doc].terms.get(m.sentence)
    }

    fn shared(&self, a: usize, b: usize) -> f32 {
        self.idf.shared(self.terms(a), self.terms(b))
    }

    fn at_publication(&self, m: usize) -> bool {
        let m = &self.mentions[m];
        m.date == Dated::Day(self.published[m.doc])
    }

    /// The merged happenings.
    pub fn clusters(&self) -> Vec<Cluster> {
        let n = self.mentions.len();
        let mut sets = Sets((0..n).collect());
        let mut buckets: HashMap<Bucket, Vec<usize>> = HashMap::default();
        for (i, m) in self.mentions.iter().enumerate() {
            let key = match m.kind {
                Kind::After { anchor, .. } => Bucket::Counted(anchor),
                _ => Bucket::Date(m.date),
            };
            buckets.entry(key).or_default().push(i);
            if let Some(c) = m.coref {
                sets.union(c, i);
            }
        }
        let mut keys: Vec<Bucket> = buckets.keys().copied().collect();
        keys.sort_by_key(|k| match *k {
            Bucket::Date(d) => (0, d.start(), d.when().end),
            Bucket::Counted(a) => (1, a, a),
        });
        for key in keys {
            let members = &buckets[&key];
            match key {
                Bucket::Counted(_) => self.milestones(members, &mut sets),
                Bucket::Date(_) => self.leaders(members, &mut sets),
            }
        }
        // The sets in the order of their first mention, each mention's
        // number a set's, then each set's members in order (as many as
        // there are, without room to grow: most happenings have one).
        let mut numbers: Vec<usize> = vec![usize::MAX; n];
        let mut sizes: Vec<usize> = Vec::new();
        for i in 0..n {
            let root = sets.find(i);
            if numbers[root] == usize::MAX {
                numbers[root] = sizes.len();
                sizes.push(0);
            }
            numbers[i] = numbers[root];
            sizes[numbers[i]] += 1;
        }
        drop(sets);
        let mut groups: Vec<Vec<usize>> = sizes.into_iter().map(Vec::with_capacity).collect();
        for (i, &g) in numbers.iter().enumerate() {
            groups[g].push(i);
        }
        drop(numbers);
        let clusters: Vec<Cluster> = groups
            .into_iter()
            .map(|members| self.summarise(members))
            .collect();
        self.fold(clusters)
    }

    /// Milestones from one anchor: equal offsets merge; an approximate one
    /// ("the next three to four months") joins the nearest exact one it resembles.
    fn milestones(&self, members: &[usize], sets: &mut Sets) {
        let days = |i: usize| match self.mentions[i].kind {
            Kind::After { anchor, .. } => (self.mentions[i].date.start() - anchor).num_days(),
            _ => 0,
        };
        let approx = |i: usize| matches!(self.mentions[i].kind, Kind::After { approx: true, .. });
        let mut exact: Vec<(i64, Vec<usize>)> = Vec::new();
        for &i in members.iter().filter(|&&i| !approx(i)) {
            match exact.iter_mut().find(|(d, _)| *d == days(i)) {
                Some((_, list)) => {
                    sets.union(list[0], i);
                    list.push(i);
                }
                None => exact.push((days(i), vec![i])),
            }
        }
        for &i in members.iter().filter(|&&i| approx(i)) {
            let di = days(i);
            let nearest = exact
                .iter()
                .filter(|(dj, list)| {
                    (dj - di).abs() as f32 <= self.params.approx_spread * di.max(*dj) as f32
                        && list
                            .iter()
                            .take(32)
                            .any(|&j| self.shared(i, j) >= self.params.same)
                })
                .min_by_key(|(dj, _)| (dj - di).abs());
            if let Some((_, list)) = nearest {
                sets.union(list[0], i);
            }
        }
    }

    /// Leader clustering of one date's mentions, strongest first: a mention
    /// joins the first leader of its sentence or resembling it, else leads.
    fn leaders(&self, members: &[usize], sets: &mut Sets) {
        let mut order = members.to_vec();
        order.sort_by(|&a, &b| self.mentions[b].weight.total_cmp(&self.mentions[a].weight));
        let mut leaders: Vec<usize> = Vec::new();
        let mut index = Index::default();
        let mut by_sentence: HashMap<(usize, usize), usize> = HashMap::default();
        for i in order {
            let m = &self.mentions[i];
            let same_sentence = by_sentence.get(&(m.doc, m.sentence)).copied();
            let resembling = index
                .similar(self.idf, self.terms(i))
                .into_iter()
                .filter(|&(rank, sim)| {
                    let l = leaders[rank];
                    let tau = if self.at_publication(i) || self.at_publication(l) {
                        self.params.same_at_publication
                    } else if matches!(m.date, Dated::Year(_)) {
                        self.params.same_year
                    } else {
                        self.params.same
                    };
                    sim >= tau
                })
                .map(|(rank, _)| rank)
                .min();
            let joined = match (same_sentence, resembling) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            match joined {
                Some(rank) => sets.union(leaders[rank], i),
                None => {
                    let rank = leaders.len();
                    leaders.push(i);
                    index.add(rank, self.terms(i));
                    by_sentence.insert((m.doc, m.sentence), rank);
                }
            }
        }
    }

    /// Picks the mention that dates the happening best: positive, exact, the
    /// most precise, the strongest; among equals the most central (sharing
    /// most with the others).
    fn summarise(&self, members: Vec<usize>) -> Cluster {
        let key = |i: usize| {
            let m = &self.mentions[i];
            let approx = matches!(m.kind, Kind::After { approx: true, .. });
            // A span written vaguely ("the past week") yields to an equal
            // one counted from the news ("follows a seven-day reduction").
            let exact = m.kind != Kind::Range;
            (m.weight > 0.0, !approx, m.date.rank(), m.weight, exact)
        };
        type Key = (bool, bool, u8, f32, bool);
        let better = |a: Key, b: Key| {
            (a.0, a.1, a.2)
                .cmp(&(b.0, b.1, b.2))
                .then(a.3.total_cmp(&b.3))
                .then(a.4.cmp(&b.4))
        };
        let top = members
            .iter()
            .map(|&i| key(i))
            .reduce(|a, b| if better(b, a).is_gt() { b } else { a });
        let Some(top) = top else {
            return Cluster { members, best: 0 };
        };
        let tied: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| better(key(i), top).is_eq())
            .collect();
        let best = if tied.len() > 1 {
            let mut counts: HashMap<Term, u32> = HashMap::default();
            for &i in &members {
                for &t in self.terms(i) {
                    *counts.entry(t).or_default() += 1;
                }
            }
            let centrality = |i: usize| -> f32 {
                self.terms(i)
                    .iter()
                    .map(|&t| self.idf.weight(t) * (counts[&t] - 1) as f32)
                    .sum()
            };
            let mut best = tied[0];
            for &i in &tied[1..] {
                if centrality(i) > centrality(best) {
                    best = i;
                }
            }
            best
        } else {
            let mut best = members[0];
            for &i in &members[1..] {
                if better(key(i), key(best)).is_gt() {
                    best = i;
                }
            }
            best
        };
        Cluster { members, best }
    }

    /// The most two groups of mentions share, comparing at most a few of each.
    fn resemblance(&self, a: &[usize], b: &[usize]) -> f32 {
        let mut best = 0.0f32;
        for &i in a.iter().take(16) {
            for &j in b.iter().take(16) {
                best = best.max(self.shared(i, j));
            }
        }
        best
    }

    /// Folds vague ranges into a day inside them, and years and months into a
    /// finer happening of the same year that they tell.
    fn fold(&self, mut clusters: Vec<Cluster>) -> Vec<Cluster> {
        let mut alive = vec![true; clusters.len()];
        let date = |c: &Cluster| self.mentions[c.best].date;
        let kind = |c: &Cluster| self.mentions[c.best].kind;
        let mut by_year: HashMap<i32, Vec<usize>> = HashMap::default();
        for (k, c) in clusters.iter().enumerate() {
            if !matches!(kind(c), Kind::After { .. }) {
                by_year.entry(date(c).year()).or_default().push(k);
            }
        }
        let mut years: Vec<i32> = by_year.keys().copied().collect();
        years.sort_unstable();
        for year in &years {
            let group = &by_year[year];
            // The happenings dated by a day, by day: a range looks only at its own days.
            let mut days: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
            for &f in group {
                let fb = &self.mentions[clusters[f].best];
                if let (Dated::Day(day), Kind::Point, Role::Event) = (fb.date, fb.kind, fb.role) {
                    days.entry(day).or_default().push(f);
                }
            }
            for &c in group {
                let Dated::Range(start, end) = date(&clusters[c]) else {
                    continue;
                };
                if kind(&clusters[c]) != Kind::Range {
                    continue;
                }
                let mut best: Option<(usize, f32)> = None;
                for (&day, list) in days.range(start..=end) {
                    for &f in list {
                        if f == c || !alive[f] {
                            continue;
                        }
                        let sim = self.resemblance(&clusters[c].members, &clusters[f].members);
                        let own = clusters[c]
                            .members
                            .iter()
                            .any(|&a| self.published[self.mentions[a].doc] == day);
                        let tau = if own {
                            self.params.same_at_publication
                        } else {
                            self.params.same
                        };
                        if sim >= tau && best.is_none_or(|(_, b)| sim > b) {
                            best = Some((f, sim));
                        }
                    }
                }
                if let Some((f, _)) = best {
                    let moved = std::mem::take(&mut clusters[c].members);
                    clusters[f].members.extend(moved);
                    alive[c] = false;
                }
            }
            self.fold_late_reports(&mut clusters, &mut alive, group, &days);
            self.fold_coarse(&mut clusters, &mut alive, group);
        }
        clusters
            .into_iter()
            .zip(alive)
            .filter(|(c, alive)| *alive && !c.members.is_empty())
            .map(|(c, _)| c)
            .collect()
    }

    /// A lead dated only by its article's publication joins a happening it
    /// resembles that another sentence dates a day or two earlier: news is
    /// often published the day after it happened ("has chosen to step down",
    /// published the 25th, is the resignation another article dates the 24th).
    fn fold_late_reports(
        &self,
        clusters: &mut [Cluster],
        alive: &mut [bool],
        group: &[usize],
        days: &BTreeMap<NaiveDate, Vec<usize>>,
    ) {
        let late = chrono::Days::new(u64::from(self.params.late_report_days));
        for &c in group {
            let b = &self.mentions[clusters[c].best];
            let (true, true, Kind::Published, Dated::Day(published)) =
                (alive[c], b.lead, b.kind, b.date)
            else {
                continue;
            };
            let Some(from) = published.checked_sub_days(late) else {
                continue;
            };
            let mut best: Option<(usize, f32)> = None;
            for list in days.range(from..published).map(|(_, l)| l) {
                for &f in list.iter().filter(|&&f| f != c && alive[f]) {
                    let sim = self.resemblance(&clusters[c].members, &clusters[f].members);
                    if sim >= self.params.same && best.is_none_or(|(_, b)| sim > b) {
                        best = Some((f, sim));
                    }
                }
            }
            if let Some((f, _)) = best {
                let moved = std::mem::take(&mut clusters[c].members);
                clusters[f].members.extend(moved);
                alive[c] = false;
            }
        }
    }

    /// Each mention of a year or month happening moves to the finer
    /// happening inside it that it resembles most, if enough.
    fn fold_coarse(&self, clusters: &mut [Cluster], alive: &mut [bool], group: &[usize]) {
        let date = |c: &Cluster| self.mentions[c.best].date;
        let mut index = Index::default();
        let mut owner: Vec<usize> = Vec::new();
        let mut sentences: Vec<usize> = Vec::new();
        for &f in group {
            if !alive[f] {
                continue;
            }
            for &i in &clusters[f].members {
                index.add(sentences.len(), self.terms(i));
                sentences.push(i);
                owner.push(f);
            }
        }
        let mut coarse: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&c| {
                alive[c]
                    && date(&clusters[c]).rank() < 2
                    && self.mentions[clusters[c].best].kind == Kind::Point
            })
            .collect();
        coarse.sort_by_key(|&c| date(&clusters[c]).rank());
        for c in coarse {
            let outer = date(&clusters[c]);
            let mut stay = Vec::new();
            let members = std::mem::take(&mut clusters[c].members);
            for &m in &members {
                let mut best: Option<(usize, f32)> = None;
                for (item, sim) in index.similar(self.idf, self.terms(m)) {
                    let f = owner[item];
                    if f == c || !alive[f] || !date(&clusters[f]).inside(outer) {
                        continue;
                    }
                    if sim >= self.params.fold
                        && best.is_none_or(|(bf, b)| sim > b || (sim == b && f < bf))
                    {
                        best = Some((f, sim));
                    }
                }
                match best {
                    Some((f, _)) => clusters[f].members.push(m),
                    None => stay.push(m),
                }
            }
            if stay.is_empty() {
                alive[c] = false;
            } else if stay.len() < members.len() {
                clusters[c] = self.summarise(stay);
            } else {
                clusters[c].members = stay;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use annals_core::DateSpec;
    use annals_tagger::Tagger;
    use chrono::NaiveDate;

    use crate::{Options, draft};

    fn article(id: &str, body: &str) -> annals_core::Source {
        let published = NaiveDate::from_ymd_opt(2010, 5, 1).unwrap();
        annals_core::Source::new(id, published, body).with_title(id)
    }

    #[test]
    fn a_lead_dated_by_publication_joins_the_day_before() {
        let filler = "Markets were calm. Rivals kept quiet. Shares barely moved. Analysts waited.";
        let a = format!("Jane Roe resigned from her post as chief of Acme on April 30. {filler}");
        let b = format!("Jane Roe has stepped down from her post as chief of Acme. {filler}");
        let timeline = draft(
            vec![article("a", &a), article("b", &b)],
            &Tagger::new(),
            &Options::default(),
        );
        let dates: Vec<String> = timeline.events.iter().map(|e| e.when().label()).collect();
        assert_eq!(dates, ["2010-04-30"]);
        assert_eq!(timeline.events[0].sources(), [0, 1]);
    }

    #[test]
    fn a_milestone_of_a_few_months_joins_the_counted_one_or_none() {
        let filler = "Markets were calm. Rivals kept quiet. Shares barely moved. Analysts waited.";
        let counted = format!(
            "The deal commits the US to withdrawing 8,600 troops within the first 135 days. {filler}"
        );
        let vague = format!(
            "The US said that within a few months it will begin withdrawing troops, down to 8,600. {filler}"
        );
        let both = draft(
            vec![article("a", &counted), article("b", &vague)],
            &Tagger::new(),
            &Options::default(),
        );
        let milestones: Vec<_> = both
            .events
            .iter()
            .filter(|e| matches!(e.date(), DateSpec::Relative { .. }))
            .collect();
        assert_eq!(milestones.len(), 1, "{:?}", both.events);
        assert_eq!(milestones[0].sources(), [0, 1]);
        assert_eq!(milestones[0].when().label(), "2010-09-13");
        // Alone, its date would be a guess: no event.
        let alone = draft(
            vec![article("b", &vague)],
            &Tagger::new(),
            &Options::default(),
        );
        assert!(
            !alone
                .events
                .iter()
                .any(|e| e.when().start > NaiveDate::from_ymd_opt(2010, 5, 1).unwrap()),
            "{:?}",
            alone.events
        );
    }

    #[test]
    fn two_happenings_of_one_year_need_more_than_a_word_in_common() {
        let filler = |words: &[&str]| -> String {
            words
                .iter()
                .map(|w| format!("The Portville {w} is busy. "))
                .collect()
        };
        let a = format!(
            "The Portville mayor spoke. {}In 2005 the Portville council opened a harbour warehouse.",
            filler(&["market", "school", "bridge", "museum", "library", "station"])
        );
        let b = format!(
            "The Portville port reopened. {}In 2005 the Portville ferry company sold its harbour boats.",
            filler(&[
                "stadium", "hospital", "airport", "theatre", "garden", "castle"
            ])
        );
        let timeline = draft(
            vec![article("a", &a), article("b", &b)],
            &Tagger::new(),
            &Options::default(),
        );
        let years = timeline
            .events
            .iter()
            .filter(|e| *e.date() == DateSpec::Year(2005))
            .count();
        assert_eq!(years, 2);
    }
}
