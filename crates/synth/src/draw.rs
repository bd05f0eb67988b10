//! Drawing the story at random: its people, articles and events, and each
//! event's date, sources, tags and figures.

use chrono::{Datelike, Days, NaiveDate};

use crate::EVENTS_PER_ARTICLE;
use crate::model::{Article, Event, EvidenceStyle, MAX_SOURCES, Person, Unit, When};
use crate::rng::Rng;
use crate::vocab::{self, KINDS};

/// How far back (in events) a relative date may look for its anchor.
const ANCHOR_WINDOW: usize = 300;
/// How deep chains of relative dates may go.
const MAX_DEPTH: u8 = 3;
/// How far apart (in articles) the sources of one event may be.
const SOURCE_WINDOW: usize = 15;
/// Publication dates run over five years from 2019-01-01.
const FIRST_PUBLISHED: NaiveDate = NaiveDate::from_ymd_opt(2019, 1, 1).expect("a valid date");
const PUBLISHED_SPAN: i64 = 5 * 365;

/// The people of the story: distinct names, a few more as the story grows.
pub(crate) fn cast(rng: &mut Rng, articles: usize) -> Vec<Person> {
    let combinations = vocab::FIRST_NAMES.len() * vocab::SURNAMES.len();
    let size = (40 + articles / 4).min(combinations);
    let offset = rng.below(combinations);
    (0..size)
        .map(|k| {
            // 1777 is prime and does not divide the number of combinations, so
            // this walks every name once before repeating one.
            let index = (k * 1777 + offset) % combinations;
            let first = vocab::FIRST_NAMES[index % vocab::FIRST_NAMES.len()];
            let last = vocab::SURNAMES[index / vocab::FIRST_NAMES.len()];
            Person {
                name: format!("{first} {last}"),
                role: rng.pick(vocab::ROLES),
            }
        })
        .collect()
}

/// The articles, published evenly over the span, give or take a few days.
pub(crate) fn articles(rng: &mut Rng, articles: usize) -> Vec<Article> {
    let width = articles.to_string().len().max(5);
    (0..articles)
        .map(|i| {
            let outlet = &vocab::OUTLETS[rng.below(vocab::OUTLETS.len())];
            let offset = (i as i64 * PUBLISHED_SPAN) / articles as i64 + rng.between(-3, 3);
            Article {
                id: format!("{}-{:0width$}", outlet.slug, i + 1),
                outlet,
                typographic: outlet.typographic != rng.chance(10),
                blank_lines: rng.chance(70),
                published: FIRST_PUBLISHED + Days::new(offset.max(0) as u64),
            }
        })
        .collect()
}

/// Each article's events, with sources among its neighbours.
pub(crate) fn events(rng: &mut Rng, articles: &[Article], people: &[Person]) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::with_capacity(articles.len() * EVENTS_PER_ARTICLE);
    for (a, article) in articles.iter().enumerate() {
        for _ in 0..EVENTS_PER_ARTICLE {
            let kind = &KINDS[rng.below(KINDS.len())];
            let (when, depth) = date(rng, &events, article.published);
            let mut sources = [a; MAX_SOURCES];
            let wanted = match rng.below(100) {
                0..65 => 1,
                65..94 => 2,
                _ => 3,
            };
            let lo = a.saturating_sub(SOURCE_WINDOW);
            let hi = (a + SOURCE_WINDOW).min(articles.len() - 1);
            let mut n_sources = 1;
            for _ in 0..8 {
                if n_sources == wanted {
                    break;
                }
                let s = lo + rng.below(hi - lo + 1);
                if !sources[..n_sources].contains(&s) {
                    sources[n_sources] = s;
                    n_sources += 1;
                }
            }
            let number = kind.number.map_or(0, |(lo, hi)| rng.between(lo, hi));
            let alt = (n_sources > 1 && kind.number.is_some() && rng.chance(20)).then(|| {
                let alt = number * rng.between(60, 140) / 100;
                if alt == number {
                    number + 1
                } else {
                    alt.max(1)
                }
            });
            let mut tags = 0u16;
            if !rng.chance(20) {
                let own = vocab::TAGS.iter().position(|t| *t == kind.tag).unwrap_or(0);
                tags |= 1 << own;
                if rng.chance(25) {
                    tags |= 1 << rng.below(vocab::TAGS.len());
                }
            }
            events.push(Event {
                kind,
                person: rng.below(people.len()),
                other: rng.below(people.len()),
                org: rng.below(vocab::ORGS.len()),
                place: rng.below(vocab::PLACES.len()),
                project: rng.below(vocab::PROJECTS.len()),
                number,
                alt,
                when,
                depth,
                sources,
                n_sources,
                variant: rng.below(3),
                tags,
                summary: rng.chance(12).then(|| rng.below(vocab::SUMMARIES.len())),
                style: match rng.below(100) {
                    0..45 => EvidenceStyle::Tables,
                    45..85 => EvidenceStyle::InlineOneLine,
                    _ => EvidenceStyle::InlineLines,
                },
            });
        }
    }
    events
}

/// Draws a date: days most, then months, relative dates, ranges and years.
fn date(rng: &mut Rng, events: &[Event], published: NaiveDate) -> (When, u8) {
    let roll = rng.below(100);
    if roll >= 69
        && let Some(anchor) = pick_anchor(rng, events)
    {
        let depth = events[anchor].depth + 1;
        let when = match roll {
            69..87 => {
                let (unit, amount) = match rng.below(100) {
                    0..40 => (Unit::Day, rng.between(1, 200)),
                    40..65 => (Unit::Week, rng.between(1, 12)),
                    65..90 => (Unit::Month, rng.between(1, 24)),
                    _ => (Unit::Year, rng.between(1, 5)),
                };
                When::Shift {
                    anchor,
                    back: rng.chance(25),
                    amount: amount as u32,
                    unit,
                }
            }
            87..94 => {
                let (unit, amount) = match rng.below(100) {
                    0..40 => (Unit::Day, rng.between(1, 30)),
                    40..65 => (Unit::Week, rng.between(1, 8)),
                    65..90 => (Unit::Month, rng.between(1, 12)),
                    _ => (Unit::Year, rng.between(1, 3)),
                };
                When::Span {
                    anchor,
                    after: rng.chance(50),
                    amount: amount as u32,
                    unit,
                    the: rng.chance(50),
                }
            }
            _ => When::Same(anchor),
        };
        return (when, depth);
    }
    let roll = if roll >= 69 { rng.below(69) } else { roll };
    let when = match roll {
        0..44 => When::Day {
            date: around(rng, published),
            quoted: rng.chance(12),
        },
        44..56 => When::Month(around(rng, published)),
        56..62 => {
            let back = if rng.chance(75) {
                days(rng, 366, 9000)
            } else {
                days(rng, 0, 365)
            };
            When::Year {
                y: (published - back).year(),
                quoted: rng.chance(30),
            }
        }
        _ => {
            let start = published - days(rng, 0, 400);
            let end = start + days(rng, 1, 40);
            When::Range(start, end)
        }
    };
    (when, 0)
}

/// A day near an article's publication: mostly the year before it, some
/// background years earlier, a few scheduled after it.
fn around(rng: &mut Rng, published: NaiveDate) -> NaiveDate {
    match rng.below(100) {
        0..65 => published - days(rng, 0, 365),
        65..90 => published - days(rng, 366, 9000),
        _ => published + days(rng, 1, 90),
    }
}

/// An earlier, nearby event whose chain of relative dates is short enough.
fn pick_anchor(rng: &mut Rng, events: &[Event]) -> Option<usize> {
    let e = events.len();
    let lo = e.saturating_sub(ANCHOR_WINDOW);
    if lo == e {
        return None;
    }
    (0..4)
        .map(|_| lo + rng.below(e - lo))
        .find(|&j| events[j].depth < MAX_DEPTH)
}

/// A number of days in `lo..=hi`, using the generator as [`Rng::between`] does
/// so that the stream of draws (and so every story) stays as it was.
fn days(rng: &mut Rng, lo: u32, hi: u32) -> Days {
    Days::new(rng.between(lo.into(), hi.into()) as u64)
}
