//! From selected happenings to timeline events: titles and ids, dates as
//! written (counted dates name the event they count from), verbatim
//! evidence and a summary of the support.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use annals_core::date::Offset;
use annals_core::{Basis, DateSpec, Drafted, Event, Origin, Passage, Salience, Source, When};
use chrono::NaiveDate;

use crate::analyse::Article;
use crate::ids::Unique;
use crate::mention::{Dated, Kind, Mention};
use crate::rules::Words;
use crate::select::Scored;
use crate::terms;
use crate::title::title;
use crate::words::{stem, words as split_words};

/// Evidence kept per article and event: the strongest mentions.
const PASSAGES_PER_SOURCE: usize = 3;
/// How far a quote reaches on either side of its date in a sentence that runs on.
const QUOTE_REACH: usize = 400;
/// Words of a title that make its id.
const ID_WORDS: usize = 4;

/// A selected happening on its way to an event.
struct Draft<'a> {
    scored: &'a Scored,
    best: &'a Mention,
    title: String,
    id: String,
    /// The stems of the title's words.
    stems: Vec<String>,
}

/// The events of the selected happenings, in date order.
pub(crate) fn events(
    selected: &[Scored],
    mentions: &[Mention],
    sources: &[Source],
    articles: &[Article],
    w: &Words,
) -> Vec<Event> {
    let mut order: Vec<&Scored> = selected.iter().collect();
    order.sort_by(|a, b| {
        let (da, db) = (mentions[a.cluster.best].date, mentions[b.cluster.best].date);
        (da.start(), da.when().end)
            .cmp(&(db.start(), db.when().end))
            .then(b.score.total_cmp(&a.score))
    });
    let mut used = Unique::default();
    let drafts: Vec<Draft> = order
        .into_iter()
        .map(|scored| {
            let best = &mentions[scored.cluster.best];
            let sentence = &sources[best.doc].body()[best.quote.clone()];
            let date = best.timex.as_ref().map(|t| {
                t.start.saturating_sub(best.quote.start)..t.end.saturating_sub(best.quote.start)
            });
            // The sentences before it (split as the article was read), for
            // a title that opens with a pronoun.
            let body = &sources[best.doc].body();
            let spans = &articles[best.doc].sentences;
            let before: Vec<&str> = spans[..best.sentence.min(spans.len())]
                .iter()
                .rev()
                .take(3)
                .map(|s| &body[s.span.clone()])
                .collect();
            let title = title(sentence, date, &before, w);
            let id = slug(&title, &mut used, w);
            let stems = split_words(&title).iter().map(|w| stem(&w.low)).collect();
            Draft {
                scored,
                best,
                title,
                id,
                stems,
            }
        })
        .collect();
    let mut anchor_texts: HashMap<NaiveDate, &str> = HashMap::default();
    for d in &drafts {
        for &i in &d.scored.cluster.members {
            if let (Kind::After { anchor, .. }, Some(text)) =
                (mentions[i].kind, &mentions[i].anchor_text)
            {
                anchor_texts.entry(anchor).or_insert(text);
            }
        }
    }
    let absolute: Vec<When> = drafts.iter().map(|d| d.best.date.when()).collect();
    let mut on_day: HashMap<NaiveDate, Vec<usize>> = HashMap::default();
    for (i, d) in drafts.iter().enumerate() {
        if let (Kind::Point | Kind::Published, Dated::Day(day)) = (d.best.kind, d.best.date) {
            on_day.entry(day).or_default().push(i);
        }
    }
    let anchors = Anchors {
        drafts: &drafts,
        mentions,
        absolute: &absolute,
        on_day: &on_day,
    };
    let mut events: Vec<Event> = drafts
        .iter()
        .filter_map(|d| {
            let (date, anchor, basis) = match d.best.kind {
                Kind::After {
                    anchor,
                    amount,
                    unit,
                    ..
                } => {
                    let offset = Offset::Shift {
                        back: false,
                        amount,
                        unit,
                    };
                    let text = anchor_texts.get(&anchor).copied();
                    let at = (anchor, text, d.best.doc);
                    anchors.counted(at, offset, d.best.date)
                }
                Kind::Before {
                    anchor,
                    amount,
                    unit,
                } => {
                    let offset = Offset::Before { amount, unit };
                    let at = (anchor, None, d.best.doc);
                    anchors.counted(at, offset, d.best.date)
                }
                Kind::Published => (d.best.date.spec(), None, Basis::Published),
                Kind::Point | Kind::Range => (d.best.date.spec(), None, Basis::Stated),
            };
            let passages = passages(&d.scored.cluster.members, mentions, sources);
            // Mentions out of the calendar were dropped and a counted date
            // is kept only if it resolves, so every date resolves here.
            let event = Event::new(d.id.clone(), d.title.clone(), date, anchor)
                .ok()?
                .with_passages(passages)
                .with_origin(Origin::Drafted(Drafted {
                    basis,
                    fingerprint: None,
                    salience: Salience::new(f64::from(d.scored.salience)),
                }));
            let reporting = event.sources().len();
            let summary = format!(
                "Reported by {reporting} source{}; {}",
                if reporting == 1 { "" } else { "s" },
                basis.describe()
            );
            Some(event.with_summary(Some(summary)))
        })
        .collect();
    events.sort_by_key(|e| e.when().start);
    events
}

/// The events a counted date may count from.
struct Anchors<'a> {
    drafts: &'a [Draft<'a>],
    mentions: &'a [Mention],
    absolute: &'a [When],
    /// The events dated by a day, by day.
    on_day: &'a HashMap<NaiveDate, Vec<usize>>,
}

impl Anchors<'_> {
    /// A date counted from the event on the anchor day: the one whose title
    /// holds the anchor's head word ("the signing"), else the one that is the
    /// news of the counting article (its lead), else the best supported.
    fn counted(
        &self,
        (anchor, anchor_text, doc): (NaiveDate, Option<&str>, usize),
        offset: Offset,
        fallback: Dated,
    ) -> (DateSpec, Option<&When>, Basis) {
        let head = anchor_text
            .and_then(|t| split_words(t).last().map(|w| stem(&w.low)))
            .unwrap_or_default();
        let key = |i: usize| {
            let d = &self.drafts[i];
            let holds = !head.is_empty() && d.stems.contains(&head);
            let news = d
                .scored
                .cluster
                .members
                .iter()
                .any(|&m| self.mentions[m].doc == doc && self.mentions[m].lead);
            (holds, news, d.scored.score, d.scored.docs.len())
        };
        let mut best: Option<(usize, (bool, bool, f32, usize))> = None;
        for &i in self.on_day.get(&anchor).into_iter().flatten() {
            let k = key(i);
            if best.is_none_or(|(_, b)| k.partial_cmp(&b) == Some(std::cmp::Ordering::Greater)) {
                best = Some((i, k));
            }
        }
        if let Some((i, _)) = best {
            let spec = DateSpec::Relative {
                anchor: self.drafts[i].id.clone(),
                offset,
            };
            if spec.resolve(&self.absolute[i]).is_ok() {
                return (spec, Some(&self.absolute[i]), Basis::Computed);
            }
        }
        (fallback.spec(), None, Basis::Computed)
    }
}

/// The evidence of a happening: each mention's sentence, the strongest few
/// per article, in article and text order.
fn passages(members: &[usize], mentions: &[Mention], sources: &[Source]) -> Vec<Passage> {
    let mut ranked: Vec<&Mention> = members
        .iter()
        .map(|&i| &mentions[i])
        .filter(|m| m.weight > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let mut seen = HashSet::default();
    let mut per_source: HashMap<usize, usize> = HashMap::default();
    let mut out = Vec::new();
    for m in ranked {
        let quote = bounded(sources[m.doc].body(), m);
        let text = sources[m.doc].body()[quote.clone()].trim();
        if text.is_empty() || !seen.insert((m.doc, text)) {
            continue;
        }
        let count = per_source.entry(m.doc).or_default();
        if *count >= PASSAGES_PER_SOURCE {
            continue;
        }
        *count += 1;
        out.push(Passage::new(m.doc, &sources[m.doc], quote));
    }
    out.sort_by_key(|p| (p.source(), p.quote().start));
    out
}

/// A mention's sentence as its quote, or, when the sentence runs on (a
/// quotation left open keeps a whole article one sentence), the words
/// within [`QUOTE_REACH`] bytes of its date: a passage a reader can check.
fn bounded(body: &str, m: &Mention) -> Range<usize> {
    let q = m.quote.clone();
    if q.len() <= 2 * QUOTE_REACH {
        return q;
    }
    let centre = m.timex.as_ref().map_or(q.start, |t| t.start);
    let mut from = centre.saturating_sub(QUOTE_REACH).max(q.start);
    let mut to = (centre + QUOTE_REACH).min(q.end);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    while !body.is_char_boundary(to) {
        to -= 1;
    }
    // Whole words: start after a space, end before one.
    let start = if from == q.start {
        from
    } else {
        body[from..to].find(' ').map_or(from, |i| from + i + 1)
    };
    let end = if to == q.end {
        to
    } else {
        body[start..to].rfind(' ').map_or(to, |i| start + i)
    };
    start..end.max(start)
}

/// An id from the first words of a title: `us-taliban-sign-agreement`, made
/// unique with `-2`, `-3`...
fn slug(title: &str, used: &mut Unique, w: &Words) -> String {
    let words: Vec<String> = split_words(title)
        .into_iter()
        .filter(|word| !w.has(crate::rules::List::Stopwords, &word.low))
        // The one rule of ids, a word at a time, in ASCII ("Élan" is `elan`).
        .map(|w| annals_core::text::ascii_slug_part(&w.low))
        .filter(|w| !w.is_empty())
        .take(ID_WORDS)
        .collect();
    let mut base = words.join("-");
    if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
        base = if base.is_empty() {
            "event".into()
        } else {
            format!("event-{base}")
        };
    }
    used.claim(&base)
}

/// The terms of a title, for naming a timeline after its most typical article.
pub(crate) fn title_terms(title: &str, w: &Words) -> Vec<terms::Term> {
    terms::of_sentence(&split_words(title), &[], w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_that_runs_on_is_quoted_around_its_date() {
        let body = format!(
            "{}on Monday é{}",
            "é word ".repeat(500),
            " then é".repeat(500)
        );
        let at = body.find("Monday").unwrap();
        let mention = Mention {
            doc: 0,
            sentence: 0,
            quote: 0..body.len(),
            timex: Some(at..at + 6),
            date: Dated::Day(NaiveDate::from_ymd_opt(2020, 2, 24).unwrap()),
            kind: Kind::Point,
            role: crate::mention::Role::Event,
            tense: None,
            lead: false,
            weight: 1.0,
            coref: None,
            anchor_text: None,
            aside: false,
            relative: false,
        };
        let q = bounded(&body, &mention);
        assert!(q.len() <= 2 * QUOTE_REACH && q.contains(&at), "{q:?}");
        let quote = &body[q];
        assert!(
            quote.starts_with("word") || quote.starts_with('é'),
            "{quote}"
        );
        assert!(
            !quote.ends_with(' ') && quote.contains("on Monday"),
            "{quote}"
        );
        let short = Mention {
            quote: 0..20,
            timex: Some(3..9),
            ..mention
        };
        assert_eq!(bounded(&body, &short), 0..20);
    }

    #[test]
    fn slugs_are_ids_and_unique() {
        let mut used = Unique::default();
        assert_eq!(
            slug(
                "The US and the Taliban signed a deal",
                &mut used,
                crate::rules::test_words()
            ),
            "us-taliban-signed-deal"
        );
        assert_eq!(
            slug(
                "The US and the Taliban signed a deal",
                &mut used,
                crate::rules::test_words()
            ),
            "us-taliban-signed-deal-2"
        );
        assert_eq!(
            slug("2001 attacks", &mut used, crate::rules::test_words()),
            "event-2001-attacks"
        );
        assert_eq!(slug("…", &mut used, crate::rules::test_words()), "event");
        assert_eq!(slug("Élan", &mut used, crate::rules::test_words()), "elan");
        assert_eq!(
            slug("2001 attacks", &mut used, crate::rules::test_words()),
            "event-2001-attacks-2"
        );
    }
}
