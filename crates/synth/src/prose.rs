//! Writing the articles' prose: sentences around the events each reports, laid
//! out in paragraphs and set in type, with every quote cut from the text just
//! written so that it is found verbatim by construction.

use std::fmt::Write as _;
use std::ops::Range;

use chrono::Datelike;

use crate::model::{Article, Event, MAX_SOURCES, Person, Unit, When};
use crate::rng::Rng;
use crate::template::{Slots, capitalize_first, fill, slots};
use crate::timeline::write_front_matter;
use crate::vocab;

/// How articles write dates (`3 August 2018`, `August 2018`, and the start of a
/// range in the same year or month: `3 August`, `3`): news style, so the day is
/// not padded.
const DAY: &str = "%-d %B %Y";
const MONTH: &str = "%B %Y";
const DAY_NO_YEAR: &str = "%-d %B";
const DAY_NO_MONTH: &str = "%-d";

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
            let _ = write!(out, "on {}", date.format(DAY));
        }
        When::Month(date) => {
            let _ = write!(out, "in {}", date.format(MONTH));
        }
        When::Year { y, .. } => {
            let _ = write!(out, "in {y}");
        }
        When::Range(start, end) => {
            // The start leaves out the month and year the end gives anyway.
            let (start_format, from, to) = if start.year() != end.year() {
                (DAY, "from", "to")
            } else if start.month() != end.month() {
                (DAY_NO_YEAR, "from", "to")
            } else {
                (DAY_NO_MONTH, "between", "and")
            };
            let _ = write!(
                out,
                "{from} {} {to} {}",
                start.format(start_format),
                end.format(DAY)
            );
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
pub(crate) fn write_article(
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
