//! From what each source states to where the sources disagree.
//!
//! Values of one fact are compared between independent sources (a copy and
//! its original are one): two sources disagree on a fact when no value one
//! states is a value the other states, and a disagreement lists the values
//! of every source that disagrees with another. A source that states two
//! values, one of them another's, does not disagree with it: it says more.
//! Dates agree when they overlap ("in July" and "on 13 July"); every other
//! value agrees only when it is equal, in whatever words. A number stated as
//! a level by one source and as a change by another ("down to 8,600" / "by
//! 8,600") is a disagreement of its own.

use std::ops::Range;

use annals_core::comparison::{Claim, Disagreement, Kind, Stated};
use rustc_hash::FxHashMap;

use crate::claims::{Fact, Normal};
use crate::rules::Relation;

/// One source stating one value.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// The independent source it counts for (itself, or the original it copies).
    pub group: usize,
    /// Where.
    pub stated: Stated,
    /// The value.
    pub value: Normal,
}

/// The disagreements among `facts`; `words` gives a source's text of a span.
pub fn disagreements(
    facts: &FxHashMap<Fact, Vec<Occurrence>>,
    words: &dyn Fn(usize, &Range<usize>) -> String,
    about: &dyn Fn(&Fact) -> String,
) -> Vec<Disagreement> {
    let mut keys: Vec<&Fact> = facts.keys().collect();
    keys.sort();
    let mut out = Vec::new();
    for fact in keys {
        let occurrences = &facts[fact];
        let dates = *fact == Fact::Date;
        let agrees = |a: &Normal, b: &Normal| if dates { a.overlaps(b) } else { a == b };
        let mut groups: Vec<usize> = occurrences.iter().map(|o| o.group).collect();
        groups.sort_unstable();
        groups.dedup();
        if groups.len() < 2 {
            continue;
        }
        let of = |g: usize| occurrences.iter().filter(move |o| o.group == g);
        let disjoint =
            |g: usize, h: usize| !of(g).any(|o| of(h).any(|p| agrees(&o.value, &p.value)));
        let involved: Vec<usize> = groups
            .iter()
            .copied()
            .filter(|&g| groups.iter().any(|&h| h != g && disjoint(g, h)))
            .collect();
        if involved.len() < 2 {
            continue;
        }
        let residual: Vec<&Occurrence> = occurrences
            .iter()
            .filter(|o| involved.contains(&o.group))
            .collect();
        let values = claims(&residual, words);
        if values.len() >= 2 {
            out.push(Disagreement {
                about: about(fact),
                kind: kind(fact),
                values,
            });
        }
    }
    out.extend(level_or_change(facts, words));
    out
}

/// "down to 8,600" against "by 8,600": one number, a level for some sources
/// and a change for others.
fn level_or_change(
    facts: &FxHashMap<Fact, Vec<Occurrence>>,
    words: &dyn Fn(usize, &Range<usize>) -> String,
) -> Vec<Disagreement> {
    let mut out = Vec::new();
    let mut counted: Vec<&String> = facts
        .keys()
        .filter_map(|f| match f {
            Fact::Quantity { counted, .. } => Some(counted),
            _ => None,
        })
        .collect();
    counted.sort();
    counted.dedup();
    for c in counted {
        let of = |relation| {
            facts
                .get(&Fact::Quantity {
                    counted: c.clone(),
                    relation,
                })
                .map(Vec::as_slice)
                .unwrap_or_default()
        };
        let (levels, changes) = (of(Relation::Level), of(Relation::Change));
        let mut numbers: Vec<Normal> = levels
            .iter()
            .map(|o| o.value)
            .filter(|v| changes.iter().any(|c| c.value == *v))
            .collect();
        numbers.sort();
        numbers.dedup();
        for n in numbers {
            let as_level: Vec<&Occurrence> = levels.iter().filter(|o| o.value == n).collect();
            let as_change: Vec<&Occurrence> = changes.iter().filter(|o| o.value == n).collect();
            let independent = as_level
                .iter()
                .any(|l| as_change.iter().any(|c| c.group != l.group));
            if !independent {
                continue;
            }
            let number = match n {
                Normal::Number { lo, .. } => format_thousandths(lo),
                _ => continue,
            };
            out.push(Disagreement {
                about: format!("{c}: {number} as a level or as a change"),
                kind: Kind::Number,
                values: vec![claim(&as_level, words), claim(&as_change, words)],
            });
        }
    }
    out
}

/// The distinct values of `occurrences`, each with its sources, in the
/// order the sources come.
fn claims(
    occurrences: &[&Occurrence],
    words: &dyn Fn(usize, &Range<usize>) -> String,
) -> Vec<Claim> {
    let mut sorted: Vec<&Occurrence> = occurrences.to_vec();
    sorted.sort_by_key(|o| (o.stated.source, o.stated.span.start));
    let mut values: Vec<(Normal, Vec<&Occurrence>)> = Vec::new();
    for o in sorted {
        match values.iter_mut().find(|(v, _)| *v == o.value) {
            Some((_, list)) => list.push(o),
            None => values.push((o.value, vec![o])),
        }
    }
    values.iter().map(|(_, list)| claim(list, words)).collect()
}

fn claim(list: &[&Occurrence], words: &dyn Fn(usize, &Range<usize>) -> String) -> Claim {
    let mut evidence: Vec<Stated> = list.iter().map(|o| o.stated.clone()).collect();
    evidence.sort_by_key(|s| (s.source, s.span.start));
    evidence.dedup_by_key(|s| s.source);
    Claim {
        value: words(evidence[0].source, &evidence[0].span),
        evidence,
    }
}

fn kind(fact: &Fact) -> Kind {
    match fact {
        Fact::Quantity { .. } => Kind::Number,
        Fact::Duration => Kind::Duration,
        Fact::Date | Fact::Mentioned => Kind::Date,
    }
}

/// When the event happened, by the dates its passages give it ("in July",
/// "on Oct. 7, 2001"). A source agrees with the event's date when one of its
/// dates, a date it only names too ("the Sept. 11, 2001 attacks"), overlaps
/// it; a source whose dates all miss it disagrees with those that agree, and
/// with every other such source none of whose dates it shares.
pub fn dates(
    event: &annals_core::Event,
    dates: &[Occurrence],
    mentioned: &[Occurrence],
    words: &dyn Fn(usize, &Range<usize>) -> String,
) -> Option<Disagreement> {
    let day = |d: chrono::NaiveDate| i64::from(chrono::Datelike::num_days_from_ce(&d)) * 24 * 60;
    let own = Normal::Interval {
        start: day(event.when().start),
        end: day(event.when().end) + 24 * 60,
    };
    let mut groups: Vec<usize> = dates.iter().map(|o| o.group).collect();
    groups.sort_unstable();
    groups.dedup();
    let agrees = |g: usize| {
        dates
            .iter()
            .chain(mentioned)
            .any(|o| o.group == g && o.value.overlaps(&own))
    };
    let (agreeing, dissenting): (Vec<usize>, Vec<usize>) = groups.iter().partition(|&&g| agrees(g));
    let of = |g: usize| dates.iter().filter(move |o| o.group == g);
    let apart = |g: usize, h: usize| !of(g).any(|o| of(h).any(|p| o.value.overlaps(&p.value)));
    let mut involved: Vec<usize> = dissenting
        .iter()
        .copied()
        .filter(|&g| !agreeing.is_empty() || dissenting.iter().any(|&h| h != g && apart(g, h)))
        .collect();
    if involved.is_empty() {
        return None;
    }
    // Those that agree are shown with the dates that give the event's.
    let mut shown: Vec<&Occurrence> = dates
        .iter()
        .filter(|o| involved.contains(&o.group))
        .collect();
    shown.extend(
        dates
            .iter()
            .filter(|o| agreeing.contains(&o.group) && o.value.overlaps(&own)),
    );
    involved.extend(&agreeing);
    involved.sort_unstable();
    involved.dedup();
    if involved.len() < 2 {
        return None;
    }
    let values = claims(&shown, words);
    (values.len() >= 2).then(|| Disagreement {
        about: "when".into(),
        kind: Kind::Date,
        values,
    })
}

/// What an event's fact is about, in a few words.
pub fn about_event(fact: &Fact) -> String {
    match fact {
        Fact::Quantity { counted, relation } => match relation {
            Relation::Plain => counted.clone(),
            Relation::Level => format!("{counted} after the change"),
            Relation::Change => format!("the change in {counted}"),
            Relation::Before => format!("{counted} before the change"),
        },
        Fact::Duration => "how long".into(),
        Fact::Date | Fact::Mentioned => "when".into(),
    }
}

/// `8600000` thousandths as "8,600".
pub fn format_thousandths(v: i64) -> String {
    let whole = v / 1000;
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::new();
    if whole < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    let frac = (v % 1000).unsigned_abs();
    if frac != 0 {
        let f = format!("{frac:03}");
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_news_writes_them() {
        assert_eq!(format_thousandths(8_600_000), "8,600");
        assert_eq!(format_thousandths(2_500), "2.5");
        assert_eq!(format_thousandths(13_000_000_000), "13,000,000");
    }
}
