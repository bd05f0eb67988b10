//! Stories with the answers planted: wire copies (an agency story reprinted
//! with light edits) and facts the sources state alike or differently
//! (numbers, dates, durations, spellings of a name), so that copy detection
//! and disagreement finding can be scored for precision and recall.
//!
//! Each happening is told by two or three outlets, each in its own words,
//! around boilerplate sentences drawn from one shared pool (as real outlets
//! repeat "did not respond to a request for comment"), and sometimes its
//! first article is reprinted by one or two others. One fact is planted in
//! every happening: the sources either disagree on it, or agree on it in
//! other words ("12,500" / "12500", "about 300" / "some 300", "14 months" /
//! "fourteen months", "In July" / "on 14 July").
//!
//! Near misses are planted too, for precision: an independent article that
//! quotes two sentences of another's (one press release, two stories), and
//! a reprint that corrects the count, which as a copy of its original cannot
//! disagree with it.
//!
//! ```
//! let planted = annals_synth::planted::planted(20, 7);
//! assert_eq!(planted.facts.len(), 20);
//! assert!(planted.copies.iter().all(|(copy, original)| copy != original));
//! assert_eq!(planted, annals_synth::planted::planted(20, 7));
//! ```

use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};

use crate::Story;
use crate::rng::Rng;
use crate::vocab;

/// What kind of value a planted fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A count of people.
    Number,
    /// The month something began.
    Date,
    /// How long something will take.
    Duration,
    /// How a person's name is spelt.
    Name,
}

impl Kind {
    /// As `annals_core::comparison::Kind::as_str` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Name => "name",
        }
    }

    const ALL: [Kind; 4] = [Kind::Number, Kind::Date, Kind::Duration, Kind::Name];
}

/// One planted fact of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The event's id in `timeline.toml`.
    pub event: String,
    /// What kind of value it is.
    pub kind: Kind,
    /// Whether independent sources state it differently.
    pub disagree: bool,
    /// Each article's id and the value as it writes it.
    pub values: Vec<(String, String)>,
}

/// A story and its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planted {
    /// The data folder's text.
    pub story: Story,
    /// (copy, original): every reprint and the article it reprints.
    pub copies: Vec<(String, String)>,
    /// One fact per event.
    pub facts: Vec<Fact>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Durations that differ, as pairs (and a third for a third source).
const DIFFERENT_DURATIONS: &[[&str; 3]] = &[
    ["six months", "eight months", "a year"],
    ["90 days", "five months", "seven months"],
    ["two years", "18 months", "three years"],
    ["three weeks", "six weeks", "two months"],
    ["ten days", "a month", "three weeks"],
];

/// Durations written in other words that agree.
const SAME_DURATIONS: &[[&str; 3]] = &[
    ["14 months", "fourteen months", "14 months"],
    ["90 days", "ninety days", "90 days"],
    ["three years", "3 years", "three years"],
    ["six weeks", "6 weeks", "six weeks"],
];

/// How each outlet writes the fact, by kind: `{V}` is the value, `{L}` a
/// place, `{O}` an organisation, `{W}` the work or the person's role.
fn templates(kind: Kind) -> [&'static str; 3] {
    match kind {
        Kind::Number => [
            "{V} people were evacuated from {L} after the flooding, {O} said",
            "Officials in {L} said {V} people had been moved to safety",
            "The evacuation of {V} people from the low-lying districts of {L} was completed overnight",
        ],
        Kind::Date => [
            "{V} the strike began at the container terminal in {L}",
            "The strike at the container terminal in {L} began {V}, according to {O}",
            "Dock workers in {L} first walked out {V}",
        ],
        Kind::Duration => [
            "{O} said the repairs to {W} would be finished within {V}",
            "The repairs to {W} are expected to take {V}, according to {O}",
            "Engineers told {O} that {W} could reopen in {V}",
        ],
        Kind::Name => [
            "{V}, the {W} of {O}, announced the merger in {L}",
            "The merger was announced in {L} by {V}, who leads {O}",
            "Speaking in {L}, {V} said {O} would keep every site open",
        ],
    }
}

/// A misspelling of a surname a reader could take for the same person's:
/// two inner letters swapped, a final `i` as `y`, or a letter doubled.
fn misspelt(rng: &mut Rng, name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if let Some(stem) = name.strip_suffix('i') {
        return format!("{stem}y");
    }
    if chars.len() >= 5 && rng.chance(50) {
        let i = 1 + rng.below(chars.len() - 3);
        if chars[i] != chars[i + 1] {
            let mut c = chars.clone();
            c.swap(i, i + 1);
            return c.into_iter().collect();
        }
    }
    let i = 1 + rng.below(chars.len().saturating_sub(2).max(1));
    let mut c = chars.clone();
    c.insert(i, chars[i]);
    c.into_iter().collect()
}

/// A number written with a comma or without ("12,500", "12500").
fn written(n: i64, comma: bool) -> String {
    if !comma || n < 1000 {
        return n.to_string();
    }
    format!("{},{:03}", n / 1000, n % 1000)
}

fn fill(template: &str, value: &str, place: &str, org: &str, work: &str) -> String {
    capitalised(
        template
            .replace("{V}", value)
            .replace("{L}", place)
            .replace("{O}", org)
            .replace("{W}", work),
    )
}

/// A sentence with its first letter a capital ("the ministry" → "The ministry").
fn capitalised(mut s: String) -> String {
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    s
}

/// A boilerplate sentence from the pool every outlet draws from.
fn filler(rng: &mut Rng) -> String {
    let name = format!(
        "{} {}",
        rng.pick(vocab::FIRST_NAMES),
        rng.pick(vocab::SURNAMES)
    );
    let s = rng
        .pick(vocab::FILLER)
        .replace("{O}", rng.pick(vocab::ORGS))
        .replace("{L}", rng.pick(vocab::PLACES))
        .replace("{T}", rng.pick(vocab::PROJECTS))
        .replace("{N}", &rng.between(200, 90_000).to_string())
        .replace("{n}", &rng.between(2, 19).to_string())
        .replace("{P}", &name)
        .replace("{Q}", &name)
        .replace("{R}", rng.pick(vocab::ROLES));
    capitalised(s)
}

/// An article before it is written out.
struct Article {
    id: String,
    outlet: &'static vocab::Outlet,
    published: NaiveDate,
    title: String,
    sentences: Vec<String>,
}

impl Article {
    fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "+++");
        let _ = writeln!(out, "title = \"{}\"", self.title);
        if let Some(name) = self.outlet.name {
            let _ = writeln!(out, "outlet = \"{name}\"");
        }
        let _ = writeln!(out, "published = {}", self.published);
        let _ = writeln!(out, "+++");
        // Two or three sentences a paragraph.
        for chunk in self.sentences.chunks(3) {
            out.push_str(&chunk.join(" "));
            out.push_str("\n\n");
        }
        out
    }
}

/// A reprint of `original` with light edits: another headline, a sentence
/// dropped, a word changed, a line of its own at the end.
fn reprint(
    rng: &mut Rng,
    original: &Article,
    id: String,
    outlet: &'static vocab::Outlet,
    keep: usize,
) -> Article {
    let mut sentences = original.sentences.clone();
    // Never the fact's sentence, which the event quotes.
    let droppable: Vec<usize> = (0..sentences.len()).filter(|&i| i != keep).collect();
    let dropped = droppable[rng.below(droppable.len())];
    sentences.remove(dropped);
    let fact = &original.sentences[keep];
    for s in sentences.iter_mut().filter(|s| *s != fact) {
        if s.contains(" said ") && rng.chance(50) {
            *s = s.replacen(" said ", " says ", 1);
            break;
        }
    }
    sentences.push(format!(
        "This story was first published by {}.",
        original.outlet.name.unwrap_or("a news agency")
    ));
    Article {
        id,
        outlet,
        published: original.published + Duration::days(rng.below(2) as i64),
        title: format!("{} (update)", original.title),
        sentences,
    }
}

/// A story of `happenings` events, each with one planted fact, the same for
/// the same `seed`.
pub fn planted(happenings: usize, seed: u64) -> Planted {
    let mut rng = Rng::new(seed ^ 0x5EED_C0DE);
    let mut articles: Vec<Article> = Vec::new();
    let mut copies = Vec::new();
    let mut facts = Vec::new();
    let mut toml = String::from("title = \"Planted: copies and disagreements\"\n");
    let start = NaiveDate::from_ymd_opt(2021, 1, 1).expect("a day");
    let mut serial = 0usize;
    let mut next_id = |outlet: &vocab::Outlet| {
        serial += 1;
        format!("{}-{serial:05}", outlet.slug)
    };
    for h in 0..happenings {
        let kind = Kind::ALL[h % Kind::ALL.len()];
        let disagree = rng.chance(50);
        let day = start + Duration::days((h * 5) as i64 + rng.below(4) as i64);
        let place = rng.pick(vocab::PLACES);
        let org = rng.pick(vocab::ORGS);
        let work = rng.pick(vocab::PROJECTS);
        let sources = 2 + usize::from(rng.chance(40));
        // The values each independent source writes.
        let values: Vec<String> = match kind {
            Kind::Number => {
                let n = rng.between(12, 400) * 50;
                let other = n + rng.between(2, 8) * 50 * if rng.chance(50) { 1 } else { -1 };
                let about = rng.chance(25);
                (0..sources)
                    .map(|j| match (disagree, j) {
                        (true, 0) => written(n, true),
                        (true, _) => written(other + (j as i64 - 1) * 100, rng.chance(50)),
                        (false, _) if about => {
                            format!("{} {}", ["about", "some", "around"][j], written(n, true))
                        }
                        (false, _) => written(n, j % 2 == 0),
                    })
                    .collect()
            }
            Kind::Date => {
                let month = day.month0() as usize;
                (0..sources)
                    .map(|j| match (disagree, j) {
                        (true, j) => format!("in {}", MONTHS[(month + j) % 12]),
                        (false, 0) => format!("in {}", MONTHS[month]),
                        (false, _) => format!("on {} {}", day.day(), MONTHS[month]),
                    })
                    .collect()
            }
            Kind::Duration => {
                let table = if disagree {
                    DIFFERENT_DURATIONS
                } else {
                    SAME_DURATIONS
                };
                let row = table[rng.below(table.len())];
                (0..sources).map(|j| row[j].to_string()).collect()
            }
            Kind::Name => {
                let first = rng.pick(vocab::FIRST_NAMES);
                let surname = rng.pick(vocab::SURNAMES);
                let other = misspelt(&mut rng, surname);
                (0..sources)
                    .map(|j| {
                        let s = if disagree && j == 1 {
                            other.as_str()
                        } else {
                            surname
                        };
                        format!("{first} {s}")
                    })
                    .collect()
            }
        };
        let role = rng.pick(vocab::ROLES);
        let templates = templates(kind);
        let first_template = rng.below(3);
        let mut outlets: Vec<usize> = (0..vocab::OUTLETS.len()).collect();
        rng.shuffle(&mut outlets);
        let mut told: Vec<(String, String)> = Vec::new();
        let mut planted_values = Vec::new();
        for j in 0..sources {
            let outlet = &vocab::OUTLETS[outlets[j]];
            let extra = if kind == Kind::Name { role } else { work };
            let clause = fill(
                templates[(first_template + j) % 3],
                &values[j],
                place,
                org,
                extra,
            );
            let mut sentences: Vec<String> =
                (0..4 + rng.below(4)).map(|_| filler(&mut rng)).collect();
            if j == 1 && rng.chance(30) {
                // One press release quoted by two outlets: not a copy.
                if let Some(first) = articles.iter().rev().find(|a: &&Article| a.id == told[0].0) {
                    let shared: Vec<String> = first
                        .sentences
                        .iter()
                        .filter(|s| !s.starts_with(&told[0].1))
                        .take(2)
                        .cloned()
                        .collect();
                    sentences.splice(0..0, shared);
                }
            }
            let at = rng.below(2);
            sentences.insert(at, format!("{clause}."));
            let id = next_id(outlet);
            let article = Article {
                id: id.clone(),
                outlet,
                published: day + Duration::days(1 + j as i64 + rng.below(2) as i64),
                title: format!(
                    "{} {}",
                    org,
                    rng.pick(&[
                        "under pressure",
                        "in the spotlight",
                        "faces questions",
                        "responds"
                    ])
                ),
                sentences,
            };
            told.push((id.clone(), clause.clone()));
            planted_values.push((id.clone(), values[j].clone()));
            // An agency story reprinted by one or two outlets.
            if j == 0 && rng.chance(35) {
                for k in 0..1 + rng.below(2) {
                    let outlet = &vocab::OUTLETS[outlets[sources + k]];
                    let copy_id = next_id(outlet);
                    let mut copy = reprint(&mut rng, &article, copy_id.clone(), outlet, at);
                    let mut quote = clause.clone();
                    let mut value = values[j].clone();
                    if kind == Kind::Number && !disagree && rng.chance(40) {
                        // A reprint that corrects the count.
                        let digits: String = value.chars().filter(char::is_ascii_digit).collect();
                        let number = digits.parse::<i64>().unwrap_or(0) + 100;
                        let corrected = match value.rsplit_once(' ') {
                            Some((word, _)) => format!("{word} {}", written(number, true)),
                            None => written(number, true),
                        };
                        quote = clause.replacen(&value, &corrected, 1);
                        for s in copy.sentences.iter_mut() {
                            if s.starts_with(&clause) {
                                *s = s.replacen(&value, &corrected, 1);
                            }
                        }
                        value = corrected;
                    }
                    copies.push((copy_id.clone(), id.clone()));
                    told.push((copy_id.clone(), quote));
                    planted_values.push((copy_id, value));
                    articles.push(copy);
                }
            }
            articles.push(article);
        }
        let event = format!("h{:04}", h + 1);
        let date = match kind {
            Kind::Date => format!("\"{}\"", day.format("%Y-%m")),
            _ => day.to_string(),
        };
        let _ = write!(
            toml,
            "\n[[events]]\nid = \"{event}\"\ntitle = \"{} in {place}\"\ndate = {date}\n",
            kind.as_str()
        );
        for (source, quote) in &told {
            let _ = write!(
                toml,
                "[[events.evidence]]\nsource = \"{source}\"\nquote = \"{quote}\"\n"
            );
        }
        facts.push(Fact {
            event,
            kind,
            disagree,
            values: planted_values,
        });
    }
    let sources = articles
        .iter()
        .map(|a| (format!("{}.txt", a.id), a.text()))
        .collect();
    Planted {
        story: Story {
            timeline: toml,
            sources,
            events: happenings,
        },
        copies,
        facts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quote_is_in_its_article_and_every_copy_has_an_original() {
        let p = planted(40, 3);
        let text = |id: &str| {
            p.story
                .sources
                .iter()
                .find(|(name, _)| name == &format!("{id}.txt"))
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        };
        let doc: toml::Value = toml::from_str(&p.story.timeline).expect("the timeline is TOML");
        let events = doc["events"].as_array().expect("events");
        assert_eq!(events.len(), 40);
        for e in events {
            for ev in e["evidence"].as_array().expect("evidence") {
                let source = ev["source"].as_str().expect("source");
                let quote = ev["quote"].as_str().expect("quote");
                assert!(text(source).contains(quote), "{quote:?} not in {source}");
            }
        }
        assert!(!p.copies.is_empty());
        for (copy, original) in &p.copies {
            assert!(!text(copy).is_empty() && !text(original).is_empty());
        }
        let disagreeing = p.facts.iter().filter(|f| f.disagree).count();
        assert!(disagreeing > 10 && disagreeing < 30, "{disagreeing}");
    }

    #[test]
    fn a_misspelt_name_differs_by_a_letter_or_two() {
        let mut rng = Rng::new(1);
        for name in vocab::SURNAMES {
            let m = misspelt(&mut rng, name);
            assert_ne!(&m, name);
            let diff = m.chars().count().abs_diff(name.chars().count());
            assert!(diff <= 1, "{name} → {m}");
        }
    }
}
