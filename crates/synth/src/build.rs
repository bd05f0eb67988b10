//! How a story is made: articles and events are drawn first, then each article
//! is written around the events it reports, and every quote is cut from the
//! article text just written, so that it is found verbatim by construction.

use std::fmt::Write as _;
use std::ops::Range;

use crate::calendar::Ymd;
use crate::rng::Rng;
use crate::vocab::{self, KINDS, Kind};
use crate::{EVENTS_PER_ARTICLE, Story};

/// Most sources an event quotes.
const MAX_SOURCES: usize = 3;
/// How far back (in events) a relative date may look for its anchor.
const ANCHOR_WINDOW: usize = 300;
/// How deep chains of relative dates may go.
const MAX_DEPTH: u8 = 3;
/// How far apart (in articles) the sources of one event may be.
const SOURCE_WINDOW: usize = 15;
/// Publication dates run over five years from 2019-01-01.
const FIRST_PUBLISHED: Ymd = Ymd {
    y: 2019,
    m: 1,
    d: 1,
};
const PUBLISHED_SPAN: i64 = 5 * 365;

struct Article {
    id: String,
    outlet: &'static vocab::Outlet,
    /// Curly quotes, apostrophes and em dashes.
    typographic: bool,
    /// Paragraphs separated by blank lines, rather than one a line.
    blank_lines: bool,
    /// Days since 1970-01-01.
    published: i64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    fn word(self, amount: u32) -> &'static str {
        match (self, amount == 1) {
            (Unit::Day, true) => "day",
            (Unit::Day, false) => "days",
            (Unit::Week, true) => "week",
            (Unit::Week, false) => "weeks",
            (Unit::Month, true) => "month",
            (Unit::Month, false) => "months",
            (Unit::Year, true) => "year",
            (Unit::Year, false) => "years",
        }
    }
}

/// An event's date as it will be written.
#[derive(Clone, Copy)]
enum When {
    /// `date = 2020-02-29`, or `"2020-02-29"` when `quoted`.
    Day { date: Ymd, quoted: bool },
    /// `date = "2001-10"` (the day is ignored).
    Month(Ymd),
    /// `date = 2001`, or `"2001"` when `quoted`.
    Year { y: i32, quoted: bool },
    /// `date = { start = …, end = … }`.
    Range(Ymd, Ymd),
    /// `"anchor + 3 weeks"`, `"anchor - 2 days"`.
    Shift {
        anchor: usize,
        back: bool,
        amount: u32,
        unit: Unit,
    },
    /// `"7 days before anchor"`, `"the 3 months after anchor"`.
    Span {
        anchor: usize,
        after: bool,
        amount: u32,
        unit: Unit,
        the: bool,
    },
    /// `"anchor"`.
    Same(usize),
}

/// How an event's evidence is written in timeline.toml.
#[derive(Clone, Copy)]
enum EvidenceStyle {
    Tables,
    InlineOneLine,
    InlineLines,
}

struct Event {
    kind: &'static Kind,
    person: usize,
    other: usize,
    org: usize,
    place: usize,
    project: usize,
    /// `{N}`, and what the second and third sources say instead when the
    /// sources disagree.
    number: i64,
    alt: Option<i64>,
    when: When,
    depth: u8,
    /// Article indices; the first is the article the event belongs to.
    sources: [usize; MAX_SOURCES],
    n_sources: usize,
    /// Which clause the first source uses; the others take the next ones.
    variant: usize,
    /// Bits over [`vocab::TAGS`].
    tags: u16,
    summary: Option<usize>,
    style: EvidenceStyle,
}

struct Person {
    name: String,
    role: &'static str,
}

/// The values a template's placeholders take.
struct Slots<'a> {
    p: &'a str,
    q: &'a str,
    r: &'a str,
    o: &'a str,
    l: &'a str,
    t: &'a str,
    n: i64,
    small: i64,
    w: &'a str,
}

/// Writes `template` with its placeholders filled.
fn fill(out: &mut String, template: &str, s: &Slots<'_>) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let key = rest.as_bytes()[open + 1];
        rest = &rest[open + 3..];
        match key {
            b'P' => out.push_str(s.p),
            b'Q' => out.push_str(s.q),
            b'R' => out.push_str(s.r),
            b'O' => out.push_str(s.o),
            b'L' => out.push_str(s.l),
            b'T' => out.push_str(s.t),
            b'N' => push_number(out, s.n),
            b'n' => {
                let _ = write!(out, "{}", s.small);
            }
            b'W' => out.push_str(s.w),
            other => unreachable!("unknown placeholder {{{}}}", other as char),
        }
    }
    out.push_str(rest);
}

/// `12500` as `12,500`.
fn push_number(out: &mut String, n: i64) {
    let digits = n.to_string();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
}

fn capitalize_first(s: &mut str) {
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
}

/// Turns straight quotes, apostrophes and spaced hyphens into typographic ones
/// as text is written, for outlets that set type.
struct Typesetter {
    on: bool,
    prev: char,
}

impl Typesetter {
    fn push(&mut self, out: &mut String, s: &str) {
        if !self.on {
            out.push_str(s);
            self.prev = s.chars().next_back().unwrap_or(self.prev);
            return;
        }
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                '"' if self.prev.is_whitespace() || matches!(self.prev, '\0' | '(' | '—') => '“',
                '"' => '”',
                '\'' => '’',
                '-' if self.prev == ' ' && chars.peek() == Some(&' ') => '—',
                c => c,
            };
            out.push(c);
            self.prev = c;
        }
    }
}

/// Builds the story; see [`crate::generate`].
pub(crate) fn story(articles: usize, seed: u64) -> Story {
    let mut rng = Rng::new(seed);
    let people = cast(&mut rng, articles);
    let arts = draw_articles(&mut rng, articles);
    let events = draw_events(&mut rng, &arts, &people);
    let mut mentions: Vec<Vec<(usize, usize)>> = vec![Vec::new(); arts.len()];
    for (e, event) in events.iter().enumerate() {
        for (j, &a) in event.sources[..event.n_sources].iter().enumerate() {
            mentions[a].push((e, j));
        }
    }
    let mut quotes = vec![String::new(); events.len() * MAX_SOURCES];
    let sources = arts
        .iter()
        .zip(&mentions)
        .map(|(article, mentions)| {
            let text = write_article(&mut rng, article, mentions, &events, &people, &mut quotes);
            (format!("{}.txt", article.id), text)
        })
        .collect();
    let timeline = write_timeline(&mut rng, articles, seed, &arts, &events, &people, &quotes);
    Story {
        timeline,
        sources,
        events: events.len(),
    }
}

/// The people of the story: distinct names, a few more as the story grows.
fn cast(rng: &mut Rng, articles: usize) -> Vec<Person> {
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

fn draw_articles(rng: &mut Rng, articles: usize) -> Vec<Article> {
    let width = articles.to_string().len().max(5);
    let start = FIRST_PUBLISHED.days();
    (0..articles)
        .map(|i| {
            let outlet = &vocab::OUTLETS[rng.below(vocab::OUTLETS.len())];
            let offset = (i as i64 * PUBLISHED_SPAN) / articles as i64 + rng.between(-3, 3);
            Article {
                id: format!("{}-{:0width$}", outlet.slug, i + 1),
                outlet,
                typographic: outlet.typographic != rng.chance(10),
                blank_lines: rng.chance(70),
                published: start + offset.max(0),
            }
        })
        .collect()
}

fn draw_events(rng: &mut Rng, articles: &[Article], people: &[Person]) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::with_capacity(articles.len() * EVENTS_PER_ARTICLE);
    for (a, article) in articles.iter().enumerate() {
        for _ in 0..EVENTS_PER_ARTICLE {
            let kind = &KINDS[rng.below(KINDS.len())];
            let (when, depth) = draw_date(rng, &events, article.published);
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
fn draw_date(rng: &mut Rng, events: &[Event], published: i64) -> (When, u8) {
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
            date: Ymd::from_days(around(rng, published)),
            quoted: rng.chance(12),
        },
        44..56 => When::Month(Ymd::from_days(around(rng, published))),
        56..62 => {
            let back = if rng.chance(75) {
                rng.between(366, 9000)
            } else {
                rng.between(0, 365)
            };
            When::Year {
                y: Ymd::from_days(published - back).y,
                quoted: rng.chance(30),
            }
        }
        _ => {
            let start = published - rng.between(0, 400);
            let end = start + rng.between(1, 40);
            When::Range(Ymd::from_days(start), Ymd::from_days(end))
        }
    };
    (when, 0)
}

/// A day near an article's publication: mostly the year before it, some
/// background years earlier, a few scheduled after it.
fn around(rng: &mut Rng, published: i64) -> i64 {
    match rng.below(100) {
        0..65 => published - rng.between(0, 365),
        65..90 => published - rng.between(366, 9000),
        _ => published + rng.between(1, 90),
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

fn event_id(events: &[Event], e: usize) -> String {
    format!("{}-{}", events[e].kind.slug, e + 1)
}

fn slots<'a>(event: &Event, people: &'a [Person], w: &'a str) -> Slots<'a> {
    Slots {
        p: &people[event.person].name,
        q: &people[event.other].name,
        r: people[event.person].role,
        o: vocab::ORGS[event.org],
        l: vocab::PLACES[event.place],
        t: vocab::PROJECTS[event.project],
        n: event.number,
        small: 2 + (event.number % 17),
        w,
    }
}

/// How an article says when an event happened.
fn when_phrase(out: &mut String, events: &[Event], people: &[Person], e: usize) {
    let amount_words = |out: &mut String, amount: u32, unit: Unit| {
        const WORDS: [&str; 11] = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ];
        match WORDS.get(amount as usize) {
            Some(word) => out.push_str(word),
            None => {
                let _ = write!(out, "{amount}");
            }
        }
        out.push(' ');
        out.push_str(unit.word(amount));
    };
    let np = |out: &mut String, anchor: usize| {
        let anchor_event = &events[anchor];
        fill(out, anchor_event.kind.np, &slots(anchor_event, people, ""));
    };
    match events[e].when {
        When::Day { date, .. } => {
            let _ = write!(out, "on {} {} {}", date.d, date.month_name(), date.y);
        }
        When::Month(date) => {
            let _ = write!(out, "in {} {}", date.month_name(), date.y);
        }
        When::Year { y, .. } => {
            let _ = write!(out, "in {y}");
        }
        When::Range(start, end) => {
            let _ = if (start.y, start.m) == (end.y, end.m) {
                write!(
                    out,
                    "between {} and {} {} {}",
                    start.d,
                    end.d,
                    end.month_name(),
                    end.y
                )
            } else if start.y == end.y {
                write!(
                    out,
                    "from {} {} to {} {} {}",
                    start.d,
                    start.month_name(),
                    end.d,
                    end.month_name(),
                    end.y
                )
            } else {
                write!(
                    out,
                    "from {} {} {} to {} {} {}",
                    start.d,
                    start.month_name(),
                    start.y,
                    end.d,
                    end.month_name(),
                    end.y
                )
            };
        }
        When::Shift {
            anchor,
            back,
            amount,
            unit,
        } => {
            amount_words(out, amount, unit);
            out.push_str(if back { " before " } else { " after " });
            np(out, anchor);
        }
        When::Span {
            anchor,
            after,
            amount,
            unit,
            ..
        } => {
            out.push_str("in the ");
            amount_words(out, amount, unit);
            out.push_str(if after { " after " } else { " before " });
            np(out, anchor);
        }
        When::Same(anchor) => {
            out.push_str("at the time of ");
            np(out, anchor);
        }
    }
}

/// One sentence of an article before it is laid out: the text, where its
/// quotable clause is, and which event and source slot it reports, if any.
struct Sentence {
    raw: String,
    clause: Range<usize>,
    mention: Option<(usize, usize)>,
}

fn mention_sentence(
    rng: &mut Rng,
    events: &[Event],
    people: &[Person],
    e: usize,
    j: usize,
) -> Sentence {
    let event = &events[e];
    let mut w = String::new();
    when_phrase(&mut w, events, people, e);
    let mut s = slots(event, people, &w);
    let mut variant = (event.variant + j) % 3;
    if let Some(alt) = event.alt {
        // Sources that disagree on the number must state it.
        while !event.kind.clauses[variant].contains("{N}") {
            variant = (variant + 1) % 3;
        }
        if j > 0 {
            s.n = alt;
        }
    }
    let frame = rng.pick(vocab::FRAMES);
    let (before, after) = frame.split_once("{C}").expect("every frame has a clause");
    let mut raw = String::with_capacity(160);
    fill(&mut raw, before, &s);
    let start = raw.len();
    fill(&mut raw, event.kind.clauses[variant], &s);
    let end = raw.len();
    fill(&mut raw, after, &s);
    capitalize_first(&mut raw);
    Sentence {
        raw,
        clause: start..end,
        mention: Some((e, j)),
    }
}

fn filler_sentence(rng: &mut Rng, people: &[Person]) -> Sentence {
    let person = &people[rng.below(people.len())];
    let other = &people[rng.below(people.len())];
    let s = Slots {
        p: &person.name,
        q: &other.name,
        r: person.role,
        o: rng.pick(vocab::ORGS),
        l: rng.pick(vocab::PLACES),
        t: rng.pick(vocab::PROJECTS),
        n: rng.between(200, 90_000),
        small: rng.between(2, 19),
        w: "",
    };
    let mut raw = String::with_capacity(100);
    fill(&mut raw, rng.pick(vocab::FILLER), &s);
    capitalize_first(&mut raw);
    Sentence {
        raw,
        clause: 0..0,
        mention: None,
    }
}

/// Writes one article (front matter and body) and cuts its quotes.
fn write_article(
    rng: &mut Rng,
    article: &Article,
    mentions: &[(usize, usize)],
    events: &[Event],
    people: &[Person],
    quotes: &mut [String],
) -> String {
    let mut sentences: Vec<Sentence> = mentions
        .iter()
        .map(|&(e, j)| mention_sentence(rng, events, people, e, j))
        .collect();
    let target = rng.between(2_150, 2_850) as usize;
    let mut size: usize = sentences.iter().map(|s| s.raw.len() + 1).sum();
    while size < target {
        let filler = filler_sentence(rng, people);
        size += filler.raw.len() + 1;
        sentences.push(filler);
    }
    // The lead reports one of the article's own events; the rest in any order.
    let lead = mentions.iter().position(|&(_, j)| j == 0).unwrap_or(0);
    sentences.swap(0, lead);
    rng.shuffle(&mut sentences[1..]);

    let mut body = String::with_capacity(size + size / 8);
    let mut ts = Typesetter {
        on: article.typographic,
        prev: '\n',
    };
    if rng.chance(40) {
        let place = rng.pick(vocab::DATELINES).to_uppercase();
        ts.push(&mut body, &place);
        ts.push(&mut body, " - ");
    }
    let headings = article.blank_lines && rng.chance(30);
    let mut i = 0;
    let mut paragraph = 0;
    while i < sentences.len() {
        if paragraph > 0 {
            body.push_str(if article.blank_lines { "\n\n" } else { "\n" });
            ts.prev = '\n';
            if headings && paragraph > 1 && rng.chance(15) {
                body.push_str(rng.pick(vocab::HEADINGS));
                body.push_str("\n\n");
            }
        }
        let len = if article.blank_lines {
            rng.between(1, 4)
        } else {
            rng.between(1, 3)
        } as usize;
        for (k, sentence) in sentences[i..(i + len).min(sentences.len())]
            .iter()
            .enumerate()
        {
            if k > 0 {
                ts.push(&mut body, if rng.chance(3) { "  " } else { " " });
            }
            let start = body.len();
            ts.push(&mut body, &sentence.raw[..sentence.clause.start]);
            let clause_start = body.len();
            ts.push(&mut body, &sentence.raw[sentence.clause.clone()]);
            let clause_end = body.len();
            ts.push(&mut body, &sentence.raw[sentence.clause.end..]);
            let end = body.len();
            if let Some((e, j)) = sentence.mention {
                // The whole sentence, its clause, or the clause's last few
                // words (but all of the clause where sources disagree on its
                // number, so that the quote shows it).
                let range = match rng.below(100) {
                    0..10 => start..end,
                    10..52 => clause_start..clause_end,
                    _ if events[e].alt.is_some() => clause_start..clause_end,
                    _ => {
                        let words = rng.between(5, 8) as usize;
                        let clause = &body[clause_start..clause_end];
                        match clause.rmatch_indices(' ').nth(words - 1) {
                            Some((cut, _)) if cut > 12 => clause_start + cut + 1..clause_end,
                            _ => clause_start..clause_end,
                        }
                    }
                };
                quotes[e * MAX_SOURCES + j] = cut_quote(rng, &mut body, range, article);
            }
        }
        i += len;
        paragraph += 1;
    }
    body.push('\n');

    let mut text = String::with_capacity(body.len() + 400);
    write_front_matter(rng, &mut text, article, mentions, events, people);
    text.push_str(&body);
    text
}

/// The quote for `body[range]`. A few differ from the article only in what
/// annals folds when matching: the article breaks a line inside the quote, the
/// quote doubles a space, or the quote has straight quotes where the article
/// has curly ones.
fn cut_quote(rng: &mut Rng, body: &mut String, range: Range<usize>, article: &Article) -> String {
    let roll = rng.below(1000);
    if roll < 20 && article.blank_lines {
        let spaces: Vec<usize> = body[range.clone()]
            .match_indices(' ')
            .map(|(i, _)| i)
            .collect();
        if let Some(&space) = spaces.get(spaces.len() / 2) {
            // A space and a newline are both one byte: no offset moves.
            let at = range.start + space;
            body.replace_range(at..at + 1, "\n");
            return body[range].replace('\n', " ");
        }
    }
    let quote = &body[range];
    if roll < 35
        && let Some(space) = quote.find(' ')
    {
        let mut doubled = quote.to_string();
        doubled.insert(space, ' ');
        return doubled;
    }
    if roll < 60 && quote.contains(['“', '”', '’', '—']) {
        return quote
            .chars()
            .map(|c| match c {
                '“' | '”' => '"',
                '’' => '\'',
                '—' => '-',
                c => c,
            })
            .collect();
    }
    quote.to_string()
}

fn write_front_matter(
    rng: &mut Rng,
    out: &mut String,
    article: &Article,
    mentions: &[(usize, usize)],
    events: &[Event],
    people: &[Person],
) {
    let lead = mentions
        .iter()
        .find(|&&(_, j)| j == 0)
        .or(mentions.first())
        .map(|&(e, _)| e);
    let mut title = String::new();
    match lead {
        Some(e) => {
            let event = &events[e];
            let place = vocab::PLACES[event.place];
            if !place.starts_with("the ") && rng.chance(20) {
                title.push_str(place);
                title.push_str(": ");
            }
            fill(&mut title, event.kind.title, &slots(event, people, ""));
            capitalize_first(&mut title);
        }
        None => title.push_str("The harbour affair"),
    }
    out.push_str("+++\ntitle = ");
    toml_string(out, &title);
    out.push('\n');
    if let Some(name) = article.outlet.name
        && !rng.chance(10)
    {
        out.push_str("outlet = ");
        toml_string(out, name);
        out.push('\n');
    }
    let published = Ymd::from_days(article.published);
    if rng.chance(5) {
        let _ = writeln!(out, "published = \"{published}\"");
    } else {
        let _ = writeln!(out, "published = {published}");
    }
    if rng.chance(60) {
        let _ = write!(
            out,
            "url = \"https://{}/{:04}/{:02}/",
            article.outlet.domain, published.y, published.m
        );
        let mut dash = false;
        for c in title.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
                dash = false;
            } else if !dash {
                out.push('-');
                dash = true;
            }
        }
        if !dash {
            out.push('-');
        }
        let _ = writeln!(out, "{}\"", article.id);
    }
    if rng.chance(70) {
        out.push_str("language = \"en\"\n");
    }
    if rng.chance(8) {
        out.push_str("note = ");
        if !article.blank_lines && rng.chance(50) {
            toml_string(out, "One paragraph a line, as published.");
        } else {
            toml_string(out, rng.pick(vocab::NOTES));
        }
        out.push('\n');
    }
    out.push_str("+++\n");
}

/// Writes `s` as a TOML basic string.
fn toml_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes a quote, now and then as a TOML literal string where it can be one.
fn toml_quote(rng: &mut Rng, out: &mut String, s: &str) {
    if rng.chance(10) && !s.contains(|c: char| c == '\'' || c.is_control()) {
        out.push('\'');
        out.push_str(s);
        out.push('\'');
    } else {
        toml_string(out, s);
    }
}

fn write_date(out: &mut String, events: &[Event], e: usize) {
    out.push_str("date = ");
    let _ = match events[e].when {
        When::Day {
            date,
            quoted: false,
        } => write!(out, "{date}"),
        When::Day { date, quoted: true } => write!(out, "\"{date}\""),
        When::Month(date) => write!(out, "\"{:04}-{:02}\"", date.y, date.m),
        When::Year { y, quoted: false } => write!(out, "{y}"),
        When::Year { y, quoted: true } => write!(out, "\"{y}\""),
        When::Range(start, end) => write!(out, "{{ start = {start}, end = {end} }}"),
        When::Shift {
            anchor,
            back,
            amount,
            unit,
        } => write!(
            out,
            "\"{} {} {amount} {}\"",
            event_id(events, anchor),
            if back { '-' } else { '+' },
            unit.word(amount)
        ),
        When::Span {
            anchor,
            after,
            amount,
            unit,
            the,
        } => write!(
            out,
            "\"{}{amount} {} {} {}\"",
            if the { "the " } else { "" },
            unit.word(amount),
            if after { "after" } else { "before" },
            event_id(events, anchor)
        ),
        When::Same(anchor) => write!(out, "\"{}\"", event_id(events, anchor)),
    };
    out.push('\n');
}

fn write_timeline(
    rng: &mut Rng,
    articles: usize,
    seed: u64,
    arts: &[Article],
    events: &[Event],
    people: &[Person],
    quotes: &[String],
) -> String {
    let mut out = String::with_capacity(events.len() * 330 + 1000);
    let _ = write!(
        out,
        "# A synthetic story written by annals-synth ({articles} articles, seed {seed}).\n\
         # Every name, outlet and event in it is invented.\n\n\
         title = \"The Aldamar harbour affair (synthetic: {articles} articles, seed {seed})\"\n\
         summary = \"\"\"\n\
         Years of disputes over the concession of the port of Puerto Aldamar, as told by \
         {articles} invented articles from {} outlets. Generated for benchmarks: the \
         events, people and quotes are made up, but every quote is in its article.\"\"\"\n",
        vocab::OUTLETS.len()
    );
    for (e, event) in events.iter().enumerate() {
        out.push_str("\n[[events]]\nid = \"");
        out.push_str(&event_id(events, e));
        out.push_str("\"\ntitle = ");
        let mut title = String::new();
        fill(&mut title, event.kind.title, &slots(event, people, ""));
        capitalize_first(&mut title);
        toml_string(&mut out, &title);
        out.push('\n');
        write_date(&mut out, events, e);
        if event.tags != 0 {
            out.push_str("tags = [");
            let mut first = true;
            for (bit, tag) in vocab::TAGS.iter().enumerate() {
                if event.tags & (1 << bit) != 0 {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    toml_string(&mut out, tag);
                }
            }
            out.push_str("]\n");
        }
        if let Some(summary) = event.summary {
            let mut text = String::new();
            fill(
                &mut text,
                vocab::SUMMARIES[summary],
                &slots(event, people, ""),
            );
            out.push_str("summary = ");
            toml_string(&mut out, &text);
            out.push('\n');
        }
        if let Some(alt) = event.alt {
            let mut text = String::new();
            let _ = write!(text, "{} puts the figure at ", arts[event.sources[0]].id);
            push_number(&mut text, event.number);
            for &other in &event.sources[1..event.n_sources] {
                let _ = write!(text, "; {} at ", arts[other].id);
                push_number(&mut text, alt);
            }
            text.push('.');
            out.push_str("disagreement = ");
            toml_string(&mut out, &text);
            out.push('\n');
        }
        let evidence = (0..event.n_sources).map(|j| {
            (
                arts[event.sources[j]].id.as_str(),
                quotes[e * MAX_SOURCES + j].as_str(),
            )
        });
        match event.style {
            EvidenceStyle::Tables => {
                for (source, quote) in evidence {
                    let _ = write!(out, "[[events.evidence]]\nsource = \"{source}\"\nquote = ");
                    toml_quote(rng, &mut out, quote);
                    out.push('\n');
                }
            }
            EvidenceStyle::InlineOneLine => {
                out.push_str("evidence = [");
                for (j, (source, quote)) in evidence.enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    let _ = write!(out, "{{ source = \"{source}\", quote = ");
                    toml_quote(rng, &mut out, quote);
                    out.push_str(" }");
                }
                out.push_str("]\n");
            }
            EvidenceStyle::InlineLines => {
                out.push_str("evidence = [\n");
                for (source, quote) in evidence {
                    let _ = write!(out, "  {{ source = \"{source}\", quote = ");
                    toml_quote(rng, &mut out, quote);
                    out.push_str(" },\n");
                }
                out.push_str("]\n");
            }
        }
    }
    out
}
