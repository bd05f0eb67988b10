//! One article read for the drafter: its sentences, the dateline and the
//! lead, and every dated mention with its role, tense and weight.

use annals_core::Source;
use annals_core::calendar::Unit;
use annals_tagger::{Date, Mod, Tagger, Timex, TimexType, Value};
use chrono::{Days, NaiveDate, Weekday};

use crate::actors;
use crate::cues::Context;
use crate::furniture;
use crate::lists::{Lists, Rows};
use crate::mention::{Dated, Kind, Mention, Role, shift};
use crate::rules::{List, Params, Words};
use crate::sentences::{self, Sentence};
use crate::terms::{self, Term};
use crate::verbs::{self, Tense};
use crate::words::{Word, words as split_words};
use rustc_hash::FxHashMap as HashMap;

/// An article as the drafter reads it.
#[derive(Debug, Clone)]
pub(crate) struct Article {
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// The first sentence, when it only gives the date (the dateline).
    pub dateline: Option<usize>,
    /// The key terms of the sentences a mention may quote (the sentences
    /// of its mentions, the lead, and when the draft is about an entity its
    /// undated sentences), date expressions left out.
    pub terms: Rows<Term>,
    /// For the terms of the other sentences, how many of them each term is
    /// in (all the inverse document frequencies need of them).
    pub other_terms: Vec<(Term, u32)>,
    /// The dated mentions, in text order (then the undated ones).
    pub mentions: Vec<Mention>,
    /// How many dated mentions were weighed out as the article was read:
    /// it had more than [`MOST_MENTIONS`] twice over.
    pub weighed_out: usize,
    /// The names in each sentence (with those of the sentence before, when
    /// a pronoun is its subject).
    pub names: Lists<Term>,
}

/// The most of an article the tagger reads at once: a longer article is
/// tagged in pieces that end at a sentence's end (see
/// [`annals_tagger::pieces`]).
const TAG_PIECE: usize = annals_tagger::pieces::PIECE;

/// The most dated mentions an article keeps: when it has twice as many,
/// the lightest (all but this many) are weighed out as it is read, so that
/// memory stays near the article's size however densely it is dated. A
/// long news article has a few hundred; a 50 MB page of nothing but dated
/// sentences has a million, of which a draft keeps a few dozen.
pub(crate) const MOST_MENTIONS: usize = 20_000;

/// The mentions last found, which the next ones may count from ("two days
/// later") or refer back to ("that day"): never weighed out.
const RECENT_MENTIONS: usize = 256;

/// The most words beside its timestamps a sentence of the page's own
/// timestamps has ("PUBLISHED:", "Last updated at").
const STAMP_WORDS: usize = 4;

/// Reads article `doc`. `state` is the weight of a present-tense sentence
/// with no date of its own (0 unless the draft is about one entity).
///
/// The article is tagged a piece at a time, and each sentence read as soon
/// as the pieces holding it are: the date expressions of a long article are
/// never all held at once (about 230 bytes each, three times the sentence).
pub(crate) fn analyse(
    doc: usize,
    source: &Source,
    tagger: &Tagger,
    state: f32,
    tables: (&Words, &Params),
) -> Article {
    analyse_in_pieces(
        doc,
        source,
        tagger,
        state,
        tables,
        (TAG_PIECE, MOST_MENTIONS),
    )
}

/// [`analyse`], tagging pieces of about `most` bytes and keeping about
/// `most_mentions` mentions.
fn analyse_in_pieces(
    doc: usize,
    source: &Source,
    tagger: &Tagger,
    state: f32,
    (w, p): (&Words, &Params),
    (most, most_mentions): (usize, usize),
) -> Article {
    let body = source.body();
    let dct = source.published;
    let mut sentences = sentences::split(body, source.paragraphs(), w);
    // The pieces end where the sentences split ends them, before the
    // furniture moves a dateline's start.
    let ends: Vec<usize> = sentences.iter().map(|s| s.span.end).collect();
    let pieces = annals_tagger::pieces::pieces(body, &ends, most);
    drop(ends);
    let furniture = furniture::furniture(body, &mut sentences, w);
    let mut reading = Reading {
        body,
        sentences: &sentences,
        furniture,
        dateline: None,
        lead: None,
        reader: Reader {
            doc,
            dct,
            lead: None,
            mentions: Vec::new(),
            w,
        },
        tenses: Lists::with_capacity(sentences.len()),
        terms: Rows::default(),
        other_terms: HashMap::default(),
        names: Lists::with_capacity(sentences.len()),
        dated: vec![false; sentences.len()],
        weighed_out: 0,
        most_mentions,
        w,
        p,
        state,
        read: 0,
        pending: Vec::new(),
    };
    let mut piece = pieces.iter();
    let Ok(()) = tagger.tag_in_pieces(body, dct, &pieces, |found| {
        let upto = piece.next().map_or(usize::MAX, |p| p.end);
        reading.take(found, upto);
        Ok::<(), std::convert::Infallible>(())
    });
    reading.take(Vec::new(), usize::MAX);
    let Reading {
        dateline,
        lead,
        reader,
        tenses,
        mut terms,
        other_terms,
        mut names,
        dated,
        weighed_out,
        ..
    } = reading;
    let Reader { mut mentions, .. } = reader;
    if let Some(l) = lead {
        let lead_dated = mentions.iter().any(|m| {
            m.lead && matches!(m.kind, Kind::Point | Kind::Range) && m.role == Role::Event
        });
        if !lead_dated && tenses.get(l).iter().any(|&t| t != Tense::Modal) {
            let text = &body[sentences[l].span.clone()];
            let words = split_words(text);
            let tense = verbs::governing(&words, &verbs::groups(&words, w), 0, w);
            mentions.push(undated(doc, l, &sentences[l], dct, tense, true));
        }
    }
    if state > 0.0 {
        for (i, s) in sentences.iter().enumerate() {
            let present =
                |t: &Tense| matches!(t, Tense::Present | Tense::Progressive | Tense::Perfect);
            let tenses = tenses.get(i);
            if Some(i) != lead && !dated[i] && !tenses.is_empty() && tenses.iter().all(present) {
                let mut m = undated(doc, i, s, dct, tenses.first().copied(), false);
                m.role = Role::State;
                mentions.push(m);
            }
        }
    }
    let main = mentions
        .iter()
        .find(|m| {
            m.lead && m.role == Role::Event && matches!(m.kind, Kind::Point | Kind::Published)
        })
        .and_then(|m| match m.date {
            Dated::Day(d) => Some(d),
            _ => None,
        })
        .unwrap_or(dct);
    mentions.retain_mut(|m| match m.kind {
        Kind::Before { amount, unit, .. } => {
            let start = shift(main, amount, unit, true);
            let end = main.checked_sub_days(Days::new(1));
            match (start, end) {
                (Some(start), Some(end)) => {
                    m.kind = Kind::Before {
                        anchor: main,
                        amount,
                        unit,
                    };
                    m.date = Dated::Range(start, end);
                    true
                }
                _ => false,
            }
        }
        _ => true,
    });
    for m in &mut mentions {
        m.weight = m.weigh(p, dct, state);
    }
    // What is kept until the draft is written, without the room to grow.
    mentions.shrink_to_fit();
    terms.shrink_to_fit();
    names.shrink_to_fit();
    let mut other_terms: Vec<(Term, u32)> = other_terms.into_iter().collect();
    other_terms.sort_unstable();
    Article {
        sentences,
        dateline,
        terms,
        other_terms,
        mentions,
        weighed_out,
        names,
    }
}

/// An article's sentences read in order, as the tagger's pieces come.
struct Reading<'a, 'w> {
    body: &'a str,
    sentences: &'a [Sentence],
    /// Which sentences are the page's furniture, not its story.
    furniture: Vec<bool>,
    dateline: Option<usize>,
    /// The first sentence of the story, once read.
    lead: Option<usize>,
    reader: Reader<'w>,
    tenses: Lists<Tense>,
    terms: Rows<Term>,
    /// The terms of the sentences whose terms are not held, counted.
    other_terms: HashMap<Term, u32>,
    names: Lists<Term>,
    /// Which sentences have a dated mention (or had one weighed out).
    dated: Vec<bool>,
    /// How many mentions were weighed out.
    weighed_out: usize,
    /// How many mentions to keep when there are twice as many.
    most_mentions: usize,
    w: &'w Words,
    p: &'w Params,
    /// The weight of a present-tense sentence with no date of its own.
    state: f32,
    /// How many sentences have been read.
    read: usize,
    /// The date expressions of sentences not read yet, each with its
    /// sentence, in the order the tagger gave them.
    pending: Vec<(usize, Timex)>,
}

impl Reading<'_, '_> {
    /// Takes the expressions `found` in a piece and reads every sentence
    /// that ends by `upto` (where the pieces tagged so far end).
    fn take(&mut self, found: Vec<Timex>, upto: usize) {
        let sentences = self.sentences;
        for t in found {
            let i = sentences.partition_point(|s| s.span.end <= t.byte_start);
            if let Some(s) = sentences.get(i)
                && s.span.start <= t.byte_start
                && t.byte_end <= s.span.end
            {
                self.pending.push((i, t));
            }
        }
        let end = self.read + sentences[self.read..].partition_point(|s| s.span.end <= upto);
        let mut pending = std::mem::take(&mut self.pending);
        // Each sentence's expressions in the tagger's order.
        pending.sort_by_key(|&(i, _)| i);
        let mut at = 0;
        let mut dates: Vec<&Timex> = Vec::new();
        for i in self.read..end {
            dates.clear();
            while let Some((_, t)) = pending.get(at).filter(|(j, _)| *j == i) {
                dates.push(t);
                at += 1;
            }
            self.sentence(i, &dates);
        }
        drop(dates);
        pending.drain(..at);
        self.pending = pending;
        self.read = end;
        if self.reader.mentions.len() >= self.most_mentions.saturating_mul(2) {
            self.weigh_out(self.most_mentions);
        }
    }

    /// Keeps the `most` mentions that weigh most (the earlier of two that
    /// weigh the same), the lead's and the most recent ones, in text order;
    /// the terms of a sentence left with no mention are counted and let go.
    fn weigh_out(&mut self, most: usize) {
        let (p, dct, state) = (self.p, self.reader.dct, self.state);
        let mentions = std::mem::take(&mut self.reader.mentions);
        let older = mentions.len().saturating_sub(RECENT_MENTIONS);
        let mut order: Vec<(f32, usize)> = mentions[..older]
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.lead)
            .map(|(i, m)| (m.weigh(p, dct, state), i))
            .collect();
        let keep_older = most.saturating_sub(older - order.len());
        if order.len() <= keep_older {
            self.reader.mentions = mentions;
            return;
        }
        order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut keep = vec![true; mentions.len()];
        for &(_, i) in &order[keep_older..] {
            keep[i] = false;
        }
        drop(order);
        let mut renumbered: Vec<Option<usize>> = Vec::with_capacity(mentions.len());
        let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len() - older + most);
        for (i, mut m) in mentions.into_iter().enumerate() {
            if keep[i] {
                m.coref = m.coref.and_then(|c| renumbered[c]);
                renumbered.push(Some(kept.len()));
                kept.push(m);
            } else {
                renumbered.push(None);
                self.weighed_out += 1;
            }
        }
        drop(renumbered);
        // The sentences still quoted, in order (a set the size of what is
        // kept, not of the article, as this runs again as it is read).
        let mut quoted: Vec<usize> = kept.iter().map(|m| m.sentence).collect();
        quoted.sort_unstable();
        quoted.dedup();
        self.reader.mentions = kept;
        let (lead, dated, other) = (self.lead, &self.dated, &mut self.other_terms);
        self.terms.retain(
            |i| quoted.binary_search(&i).is_ok() || Some(i) == lead || (state > 0.0 && !dated[i]),
            |terms| terms::count(other, terms),
        );
    }

    /// Reads sentence `i`, whose date expressions are `dates`.
    fn sentence(&mut self, i: usize, dates: &[&Timex]) {
        let (body, w) = (self.body, self.w);
        let s = &self.sentences[i];
        if i == 0 && is_dateline(&body[s.span.clone()], s.span.start, dates) {
            self.dateline = Some(0);
        }
        // A sentence that is little more than the page's own timestamps
        // ("PUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM") is furniture too. A
        // stamp inside a sentence of prose is left alone: the tagger also
        // marks "this week" of a lead and "in September 2003" further down.
        if dates.iter().any(|t| t.role.is_some()) {
            let outside = split_words(&body[s.span.clone()])
                .iter()
                .filter(|word| {
                    let at = s.span.start + word.span.start;
                    !dates.iter().any(|t| t.byte_start <= at && at < t.byte_end)
                })
                .count();
            self.furniture[i] |= outside <= STAMP_WORDS;
        }
        if Some(i) == self.dateline || self.furniture[i] {
            self.tenses.push([]);
            self.names.push([]);
            return;
        }
        if self.lead.is_none() {
            self.lead = Some(i);
            self.reader.lead = Some(i);
        }
        let text = &body[s.span.clone()];
        let words = split_words(text);
        // A verb group cannot start inside a date: "May" in "on May 28" is
        // the month, not the modal. The timexes are in text order.
        let mut groups = verbs::groups(&words, w);
        groups.retain(|g| {
            let at = s.span.start + words[g.first].span.start;
            let k = dates.partition_point(|t| t.byte_end <= at);
            dates.get(k).is_none_or(|t| t.byte_start > at)
        });
        let mut own = actors::names(text, &words, w);
        let first_verb = groups.first().map_or(words.len(), |g| g.first);
        if i > 0
            && words[..first_verb]
                .iter()
                .any(|word| w.has(List::Pronouns, &word.low))
        {
            own.extend_from_slice(self.names.get(i - 1));
            own.sort_unstable();
            own.dedup();
        }
        self.names.push(own);
        self.tenses.push(groups.iter().map(|g| g.tense));
        let before = self.reader.mentions.len();
        self.reader.sentence(i, s, text, &words, &groups, dates);
        self.dated[i] = self.reader.mentions.len() > before;
        let masked: Vec<_> = dates
            .iter()
            .map(|t| t.byte_start - s.span.start..t.byte_end - s.span.start)
            .collect();
        let terms = terms::of_sentence(&words, &masked, w);
        // Only a sentence a mention may quote needs its terms; of the
        // others, the inverse document frequencies need only the counts.
        if self.dated[i] || self.lead == Some(i) || self.state > 0.0 {
            self.terms.push(i, terms);
        } else {
            terms::count(&mut self.other_terms, &terms);
        }
    }
}

/// A sentence with no date of its own, dated by publication.
fn undated(
    doc: usize,
    i: usize,
    s: &Sentence,
    dct: NaiveDate,
    tense: Option<Tense>,
    lead: bool,
) -> Mention {
    Mention {
        doc,
        sentence: i,
        quote: s.span.clone(),
        timex: None,
        date: Dated::Day(dct),
        kind: Kind::Published,
        role: Role::Event,
        tense,
        lead,
        weight: 0.0,
        coref: None,
        anchor_text: None,
        aside: false,
        relative: false,
    }
}

/// Reads the mentions of one article, sentence by sentence.
struct Reader<'w> {
    doc: usize,
    dct: NaiveDate,
    lead: Option<usize>,
    mentions: Vec<Mention>,
    w: &'w Words,
}

impl Reader<'_> {
    fn sentence(
        &mut self,
        index: usize,
        s: &Sentence,
        text: &str,
        words: &[Word],
        groups: &[verbs::Group],
        timexes: &[&Timex],
    ) {
        let mut used = vec![false; timexes.len()];
        let governing = verbs::Governing::new(words, groups, self.w);
        for (k, t) in timexes.iter().enumerate() {
            if used[k] {
                continue;
            }
            let start = t.byte_start - s.span.start;
            let mut end = t.byte_end - s.span.start;
            let tense = governing.at(start);
            let mut m = Mention {
                doc: self.doc,
                sentence: index,
                quote: s.span.clone(),
                timex: Some(t.byte_start..t.byte_end),
                date: Dated::Day(self.dct),
                kind: Kind::Point,
                role: Role::Event,
                tense,
                lead: Some(index) == self.lead,
                weight: 0.0,
                coref: None,
                anchor_text: None,
                aside: false,
                relative: false,
            };
            let context = Context {
                text,
                words,
                start,
                end,
                w: self.w,
            };
            if t.kind == TimexType::Duration {
                if let Some(m) = self.duration(t, &context, m) {
                    self.mentions.push(m);
                }
                continue;
            }
            if !matches!(t.kind, TimexType::Date | TimexType::Time) {
                continue;
            }
            let Some(mut date) = self.written(t) else {
                continue;
            };
            // "September 11 ... 2001": a year-less date takes the year written
            // just after it; "January of this year" takes a year named in words.
            if matches!(date, Dated::Day(_) | Dated::Month(..))
                && !has_year_digits(&t.text)
                && let Some(next) = timexes.get(k + 1)
                && let Value::Date(Date::Year(year)) = next.value
                && let Some(gap) = text.get(end..next.byte_start - s.span.start)
                && (has_year_digits(&next.text) || gap.trim() == "of")
                && gap.len() <= 30
                && !gap.contains([',', ';', '.'])
                && split_words(gap).len() <= 4
                && let Some(moved) = with_year(date, year)
            {
                date = moved;
                used[k + 1] = true;
                end = next.byte_end - s.span.start;
                m.timex = Some(t.byte_start..next.byte_end);
            }
            // "between November 15 and January 3", "from May 2 to May 9":
            // both ends written, one range, not two days (once it was its
            // last day alone).
            let mut written_range = false;
            if let Some(next) = timexes.get(k + 1)
                && let Some(range) = self.two_ended(date, &context, text, s.span.start, next)
            {
                date = range;
                written_range = true;
                used[k + 1] = true;
                end = next.byte_end - s.span.start;
                m.timex = Some(t.byte_start..next.byte_end);
            }
            // "more than a century ago", "over a decade ago": the happening is
            // somewhere before that point, not at it.
            if matches!(t.modifier, Some(Mod::MoreThan | Mod::EqualOrMore)) {
                continue;
            }
            let low = t.text.to_lowercase();
            // "set to begin on Wednesday": the tagger takes a bare weekday
            // told as a plan for the past one; the plan is for the next.
            if let Dated::Day(day) = date
                && day < self.dct
                && matches!(tense, Some(Tense::Future))
                && self
                    .w
                    .has(List::Weekdays, low.trim_start_matches("on ").trim())
                && let Some(next) = day.checked_add_days(Days::new(7))
            {
                date = Dated::Day(next);
            }
            let counted = self.counted_from_previous(&low, t.byte_start);
            if let Some(moved) = counted {
                date = moved;
            }
            if t.modifier == Some(Mod::LessThan)
                && let Some(span) = self.less_than_ago(&low)
            {
                date = span;
            }
            if low
                .strip_prefix("the ")
                .is_some_and(|word| self.w.has(List::GenericPeriods, word))
            {
                continue;
            }
            m.kind = if matches!(date, Dated::Range(..)) && !written_range {
                Kind::Range
            } else {
                Kind::Point
            };
            m.date = date;
            if ["that ", "the same "].iter().any(|p| low.starts_with(p)) && m.kind == Kind::Point {
                m.coref = self.mentions.iter().rposition(|x| {
                    x.kind == Kind::Point
                        && x.timex.as_ref().is_some_and(|r| r.start < t.byte_start)
                        && (x.date == date || x.date.inside(date))
                });
            }
            m.role = Context { end, ..context }.role(date);
            m.relative =
                date.rank() < 2 && counted.is_none() && named_from_publication(&low, self.w);
            m.aside = matches!(date, Dated::Year(_))
                && self
                    .mentions
                    .iter()
                    .rev()
                    .take_while(|x| x.sentence == index)
                    .any(|x| x.role == Role::Event && matches!(x.kind, Kind::Point | Kind::Range));
            self.mentions.push(m);
        }
    }

    /// The range from `date` (the expression of `context`) to the
    /// expression `next`, when the words make them its two ends: "between
    /// `date` and `next`", "from `date` to `next`", "`date`–`next`".
    fn two_ended(
        &self,
        date: Dated,
        context: &Context<'_>,
        text: &str,
        offset: usize,
        next: &Timex,
    ) -> Option<Dated> {
        if !matches!(next.kind, TimexType::Date) {
            return None;
        }
        let gap = text.get(context.end..next.byte_start.checked_sub(offset)?)?;
        let gap = gap.trim().to_lowercase();
        let opened = context.before(1);
        let joined = match gap.as_str() {
            "-" | "\u{2013}" | "\u{2014}" => true,
            "and" => opened == "between",
            "to" | "through" | "until" | "till" | "and until" => {
                opened == "from" || opened == "between"
            }
            _ => false,
        };
        if !joined {
            return None;
        }
        let last = self.written(next)?;
        let (start, end) = (date.start(), last.when().end);
        (date.rank() >= 1 && last.rank() >= 1 && start < end).then_some(Dated::Range(start, end))
    }

    /// A written date at its precision; weeks and spans become ranges,
    /// quarters and seasons their year; `None` for what is no date.
    fn written(&self, t: &Timex) -> Option<Dated> {
        self.written_any(t).filter(|d| d.in_calendar())
    }

    fn written_any(&self, t: &Timex) -> Option<Dated> {
        let resolved = match (t.resolved_start, t.resolved_end) {
            (Some(s), Some(e)) if s < e => Some(Dated::Range(s, e)),
            _ => None,
        };
        Some(match t.value {
            Value::Date(Date::Day(d)) | Value::Time(d, _) => resolved.unwrap_or(Dated::Day(d)),
            Value::Date(Date::Month { year, month }) => Dated::Month(year, month),
            Value::Date(Date::Year(y)) => Dated::Year(y),
            Value::Date(
                Date::Quarter { year, .. } | Date::Half { year, .. } | Date::Season { year, .. },
            ) => Dated::Year(year),
            Value::Date(Date::Week { year, week }) => {
                if let Some(r) = resolved {
                    return Some(r);
                }
                let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
                let sunday = monday.checked_add_days(Days::new(6))?;
                let end = if monday <= self.dct {
                    sunday.min(self.dct)
                } else {
                    sunday
                };
                Dated::Range(monday, end)
            }
            Value::Date(Date::Weekend { year, week }) => Dated::Range(
                NaiveDate::from_isoywd_opt(year, week, Weekday::Sat)?,
                NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?,
            ),
            _ => return None,
        })
    }

    /// A length counted from an anchor ("within 14 months of the signing"),
    /// or the period before the news ("follows a seven-day reduction").
    fn duration(&self, t: &Timex, context: &Context<'_>, m: Mention) -> Option<Mention> {
        let Value::Duration(d) = t.value else {
            return None;
        };
        if d.rest.is_some() {
            return None;
        }
        let unit = d
            .unit
            .calendar()
            .filter(|u| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year))?;
        let Some(amount) = d.amount else {
            return self.uncounted(t, unit, context, m);
        };
        let amount = u32::try_from(amount).ok().filter(|&a| a > 0)?;
        // A span counted back from its anchor ("in the past 30 years") is no
        // milestone ahead of it, whatever preposition comes before.
        if let (Some(anchor), Some(end)) = (t.anchor, t.resolved_end)
            && end > anchor
            && context.counted_from_anchor()
        {
            // "was completed within 14 months": told as done, not as a milestone.
            if matches!(m.tense, Some(Tense::Past | Tense::Perfect)) {
                return None;
            }
            return Some(Mention {
                date: Dated::Day(end),
                kind: Kind::After {
                    anchor,
                    amount,
                    unit,
                    approx: t.modifier == Some(Mod::Approx),
                    uncounted: false,
                },
                anchor_text: t.anchor_text.clone(),
                ..m
            });
        }
        let before = Kind::Before {
            anchor: self.dct,
            amount,
            unit,
        };
        context
            .precedes_the_news(&t.text)
            .then_some(Mention { kind: before, ..m })
    }

    /// "Within a few months of signing": a milestone whose length is not
    /// told, counted from publication (as the tagger counts "the next three
    /// months") by the size the words suggest (`[vague_counts]`), and marked
    /// so that it only joins a milestone that is counted, never stands alone.
    fn uncounted(
        &self,
        t: &Timex,
        unit: Unit,
        context: &Context<'_>,
        m: Mention,
    ) -> Option<Mention> {
        let amount = split_words(&t.text.to_lowercase())
            .iter()
            .find_map(|word| self.w.value(List::VagueCounts, &word.low)?.parse().ok())?;
        // Told as done ("it took a few months") it is no milestone.
        if !context.counted_from_anchor() || m.tense == Some(Tense::Past) {
            return None;
        }
        let end = shift(self.dct, amount, unit, false)?;
        Some(Mention {
            date: Dated::Day(end),
            kind: Kind::After {
                anchor: self.dct,
                amount,
                unit,
                approx: true,
                uncounted: true,
            },
            ..m
        })
    }

    /// "One year later", "two months earlier": counted from the article's
    /// previous written date (the tagger counts from publication).
    fn counted_from_previous(&self, low: &str, before: usize) -> Option<Dated> {
        let w = self.w;
        let [n, unit, direction] = low.split_whitespace().collect::<Vec<_>>()[..] else {
            return None;
        };
        let back = if w.has(List::Later, direction) {
            false
        } else if w.has(List::Earlier, direction) {
            true
        } else {
            return None;
        };
        let amount = w.count(n)?;
        let unit = Unit::parse(unit)?;
        let previous = self.mentions.iter().rev().find(|x| {
            x.kind == Kind::Point && x.timex.as_ref().is_some_and(|r| r.start < before)
        })?;
        let moved = shift(previous.date.start(), amount, unit, back)?;
        Some(if unit == Unit::Day {
            Dated::Day(moved)
        } else {
            Dated::at(moved, previous.date.when().precision)
        })
    }

    /// "less than two weeks ago": from then to publication.
    fn less_than_ago(&self, low: &str) -> Option<Dated> {
        let parts: Vec<&str> = low.split_whitespace().collect();
        let [.., n, unit, "ago"] = parts[..] else {
            return None;
        };
        let start = shift(self.dct, self.w.count(n)?, Unit::parse(unit)?, true)?;
        Some(Dated::Range(start, self.dct))
    }
}

/// Whether a date expression names its year or month only from publication:
/// no digits, no month's name, just the unit ("earlier this year", "last
/// month"), and no reference back to a date already given ("later that year").
fn named_from_publication(low: &str, w: &Words) -> bool {
    let found = split_words(low);
    !low.contains(|c: char| c.is_ascii_digit())
        && found
            .iter()
            .any(|word| w.has(List::RelativeUnits, &word.low))
        && !found
            .iter()
            .any(|word| w.has(List::BackReferences, &word.low))
}

fn has_year_digits(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

fn with_year(date: Dated, year: i32) -> Option<Dated> {
    use chrono::Datelike;
    Some(match date {
        Dated::Day(d) => Dated::Day(NaiveDate::from_ymd_opt(year, d.month(), d.day())?),
        Dated::Month(_, m) => Dated::Month(year, m),
        other => other,
    })
}

/// Whether the first sentence only gives a date: "June 8, 2010", "Saturday,
/// February 29, 2020 -".
fn is_dateline(text: &str, offset: usize, timexes: &[&Timex]) -> bool {
    let trimmed =
        |c: char| c.is_whitespace() || matches!(c, ',' | '.' | '-' | '\u{2013}' | '\u{2014}');
    let kept = |text: &str| text.chars().filter(|&c| !trimmed(c)).count();
    // Characters that trimming cannot remove, counted once: a first sentence
    // that is a whole paragraph is no dateline, whatever its dates.
    let all = kept(text);
    timexes.iter().any(|t| {
        let (a, b) = (t.byte_start - offset, t.byte_end - offset);
        if all - kept(&text[a..b]) > 25 {
            return false;
        }
        let rest = format!("{}{}", &text[..a], &text[b..]);
        let rest = rest.trim_matches(trimmed);
        rest.chars().count() <= 25 && !long_lower_runs(rest)
    })
}

/// Whether the text has two runs of four lower-case letters (or one of eight).
fn long_lower_runs(text: &str) -> bool {
    let mut runs = Vec::new();
    let mut run = 0;
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_lowercase() {
            run += 1;
        } else {
            if run >= 4 {
                runs.push(run);
            }
            run = 0;
        }
    }
    runs.len() >= 2 || runs.iter().any(|&r| r >= 8)
}

/// The weight of a present-tense sentence with no date, by the draft's aim.
pub(crate) fn state_weight(p: &Params, about: bool) -> f32 {
    if about { p.state_about } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `source` analysed with the embedded tables, tagged in pieces of
    /// about `most` bytes and keeping about `most_mentions` mentions.
    fn analysed(source: &Source, state: f32, (most, most_mentions): (usize, usize)) -> Article {
        let tables = crate::rules::Tables::embedded();
        let params = crate::rules::Params::embedded();
        let limits = (most, most_mentions);
        analyse_in_pieces(
            0,
            source,
            &Tagger::new(),
            state,
            (&tables.words, &params),
            limits,
        )
    }

    /// The article's date expressions, in text order, with offsets in `body`,
    /// read in pieces of about `most` bytes cut at its sentences' ends.
    fn tag(
        tagger: &Tagger,
        body: &str,
        sentences: &[Sentence],
        dct: NaiveDate,
        most: usize,
    ) -> Vec<Timex> {
        let ends: Vec<usize> = sentences.iter().map(|s| s.span.end).collect();
        let pieces = annals_tagger::pieces::pieces(body, &ends, most);
        let mut timexes = Vec::new();
        let Ok(()) = tagger.tag_in_pieces(body, dct, &pieces, |found| {
            timexes.extend(found);
            Ok::<(), std::convert::Infallible>(())
        });
        timexes
    }

    /// Each sentence is read once the pieces holding it are tagged: an
    /// article read in small pieces gives what it gives read whole (as
    /// long as no relative date loses its anchor at a seam).
    #[test]
    fn an_article_read_a_piece_at_a_time_gives_what_it_gives_whole() {
        let mut body = String::from("29 February 2020 — ");
        for i in 0..60 {
            body.push_str(&format!(
                "The Taliban signed the deal in Doha on {} March 2019, officials said. ",
                i % 28 + 1
            ));
            if i % 7 == 0 {
                body.push_str("A sentence with no end and no date that runs on and on ");
            }
            if i % 5 == 0 {
                body.push_str("It was agreed in July 2018. ");
            }
        }
        let source = source(&body, d(2020, 2, 29));
        let read = |most| {
            let a = analysed(&source, 0.0, (most, MOST_MENTIONS));
            let mentions: Vec<_> = a
                .mentions
                .iter()
                .map(|m| (m.sentence, m.quote.clone(), m.timex.clone(), m.date, m.lead))
                .collect();
            let terms: Vec<(usize, Vec<Term>)> =
                a.terms.iter().map(|(i, t)| (i, t.to_vec())).collect();
            let names: Vec<Vec<Term>> = a.names.iter().map(<[Term]>::to_vec).collect();
            (a.dateline, a.sentences, mentions, terms, names)
        };
        let whole = read(usize::MAX);
        assert!(whole.2.len() >= 60, "{}", whole.2.len());
        assert_eq!(read(300), whole);
        assert_eq!(read(1000), whole);
    }

    /// An article with more than twice as many dated mentions as it may
    /// keep weighs out the lightest as it is read: the heaviest, the lead's
    /// and the latest stay, in text order, links back only to mentions
    /// kept, terms held only for the sentences still quoted, and the
    /// inverse document frequencies what they are when nothing is left out.
    #[test]
    fn a_densely_dated_article_keeps_its_weightiest_mentions() {
        let mut body = String::from("The Taliban signed the deal in Doha on 29 February 2020. ");
        for i in 0..1_500 {
            let (day, month) = (i % 28 + 1, ["March", "April", "May"][i % 3]);
            if i % 10 == 0 {
                body.push_str(&format!("The talks opened in Doha on {day} {month} 2019. "));
            } else {
                body.push_str(&format!("Officials may meet again around {month} 2021. "));
            }
            if i % 30 == 0 {
                body.push_str("That March the envoys spoke again. ");
            }
        }
        let source = source(&body, d(2020, 3, 1));
        let read = |most_mentions| analysed(&source, 0.0, (4_000, most_mentions));
        let whole = read(usize::MAX);
        let thin = read(100);
        assert_eq!(whole.weighed_out, 0);
        assert!(whole.mentions.len() > 1_500, "{}", whole.mentions.len());
        assert!(thin.weighed_out > 1_000, "{}", thin.weighed_out);
        assert!(
            thin.mentions.len() < 2 * 100 + RECENT_MENTIONS + 2,
            "{}",
            thin.mentions.len()
        );
        assert_eq!(thin.mentions.len() + thin.weighed_out, whole.mentions.len());
        // The lead and the latest stay; the rest kept are the heaviest.
        assert!(thin.mentions[0].lead);
        let last = |a: &Article| a.mentions.last().map(|m| m.quote.clone());
        assert_eq!(last(&thin), last(&whole));
        let lightest_kept = thin.mentions[1..thin.mentions.len() - RECENT_MENTIONS]
            .iter()
            .map(|m| m.weight)
            .fold(f32::INFINITY, f32::min);
        let heavier_left = whole
            .mentions
            .iter()
            .filter(|m| {
                !thin
                    .mentions
                    .iter()
                    .any(|k| k.quote == m.quote && k.timex == m.timex)
            })
            .filter(|m| m.weight > lightest_kept)
            .count();
        assert_eq!(heavier_left, 0);
        assert!(
            thin.mentions
                .windows(2)
                .all(|w| w[0].quote.start <= w[1].quote.start)
        );
        for (i, m) in thin.mentions.iter().enumerate() {
            if let Some(c) = m.coref {
                let x = &thin.mentions[c];
                assert!(c < i && (x.date == m.date || x.date.inside(m.date)));
            }
        }
        assert!(whole.mentions.iter().any(|m| m.coref.is_some()));
        assert!(thin.mentions.iter().any(|m| m.coref.is_some()));
        // Terms: held for each quoted sentence, as read whole.
        for m in &thin.mentions {
            assert_eq!(thin.terms.get(m.sentence), whole.terms.get(m.sentence));
        }
        assert!(thin.terms.iter().count() < whole.terms.iter().count() / 3);
        // The inverse document frequencies are those of every sentence's
        // terms (all of which are held when the draft is about an entity).
        let every = analysed(&source, 1.0, (4_000, usize::MAX));
        let all = (0..every.sentences.len())
            .filter(|&i| Some(i) != every.dateline)
            .map(|i| every.terms.get(i));
        let counted = crate::terms::Idf::new(all);
        let (a, b) = (
            crate::idf(std::slice::from_ref(&whole)),
            crate::idf(std::slice::from_ref(&thin)),
        );
        let mut compared = 0;
        for (_, terms) in every.terms.iter() {
            for &t in terms {
                assert_eq!(a.weight(t), counted.weight(t));
                assert_eq!(b.weight(t), counted.weight(t));
                compared += 1;
            }
        }
        assert!(compared > 1_500, "{compared}");
        assert_eq!(b.weight(0), counted.weight(0));
    }

    #[test]
    fn a_long_article_is_tagged_in_pieces_with_the_same_dates() {
        let w = crate::rules::Tables::embedded().words;
        let mut body = String::new();
        for i in 0..40 {
            body.push_str(&format!(
                "Le café in Málaga opened on {} March 2019 — officials said so. ",
                i % 28 + 1
            ));
            if i % 7 == 0 {
                body.push_str("A sentence with no end and no date that runs on and on ");
            }
        }
        let whole = std::iter::once(0..body.len()).collect::<Vec<_>>();
        let sentences = sentences::split(&body, &whole, &w);
        let tagger = Tagger::new();
        let dct = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let whole = tag(&tagger, &body, &sentences, dct, usize::MAX);
        let cut = tag(&tagger, &body, &sentences, dct, 300);
        assert_eq!(whole.len(), 40);
        let seen = |ts: &[Timex]| -> Vec<_> {
            ts.iter()
                .map(|t| {
                    (
                        t.start,
                        t.end,
                        t.byte_start,
                        t.byte_end,
                        t.value.to_string(),
                    )
                })
                .collect()
        };
        assert_eq!(seen(&cut), seen(&whole));
        for t in &cut {
            assert_eq!(&body[t.byte_start..t.byte_end], t.text);
            assert_eq!(body[..t.byte_start].chars().count(), t.start);
        }
    }

    pub(crate) fn source(body: &str, published: NaiveDate) -> Source {
        Source::new("s", published, body).with_title("t")
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn mentions(body: &str) -> Vec<(Dated, Kind, Role, f32)> {
        let p = Params::embedded();
        let a = analyse(
            0,
            &source(body, d(2020, 2, 29)),
            &Tagger::new(),
            0.0,
            (crate::rules::test_words(), &p),
        );
        a.mentions
            .into_iter()
            .map(|m| (m.date, m.kind, m.role, m.weight))
            .collect()
    }

    #[test]
    fn datelines_are_no_mentions_and_leads_take_publication() {
        let m = mentions("February 29, 2020\n\nPompeo has landed in Doha.");
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].0, m[0].1, m[0].3),
            (Dated::Day(d(2020, 2, 29)), Kind::Published, 1.0)
        );
    }

    #[test]
    fn milestones_and_preceding_periods() {
        let m = mentions(
            "The agreement, which follows a seven-day reduction in violence, was signed on Saturday. \
             Troops will leave within 14 months of the signing.",
        );
        let kinds: Vec<_> = m.iter().map(|m| (m.0, m.1)).collect();
        assert!(kinds.contains(&(
            Dated::Range(d(2020, 2, 22), d(2020, 2, 28)),
            Kind::Before {
                anchor: d(2020, 2, 29),
                amount: 7,
                unit: Unit::Day
            }
        )));
        assert!(kinds.iter().any(|k| k.0 == Dated::Day(d(2021, 4, 29))
            && matches!(
                k.1,
                Kind::After {
                    amount: 14,
                    unit: Unit::Month,
                    ..
                }
            )));
    }

    #[test]
    fn the_page_s_own_timestamps_are_no_happenings() {
        let m = mentions(
            "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 10:34 GMT, 12 March 2013\n\n\
             The council voted to close the port on Monday.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].0, Dated::Day(d(2020, 2, 24)));
        // In prose, a date is the story's, whatever the tagger says.
        let m = mentions(
            "March 28, 2006\n\nApple Corps has filed a lawsuit in a London court this week.\n\n\
             In California, a lawsuit was filed against Apple in January over hearing loss.",
        );
        assert!(m.iter().any(|m| m.0 == Dated::Month(2020, 1)), "{m:?}");
        assert!(m.iter().any(|m| matches!(m.0, Dated::Range(..))), "{m:?}");
    }

    #[test]
    fn a_range_written_with_both_ends_is_one_range() {
        let m = mentions("The curfew was in force between November 15 and January 3.");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].0, Dated::Range(d(2019, 11, 15), d(2020, 1, 3)));
        assert_eq!(m[0].1, Kind::Point);
        let m = mentions("The show ran from May 2, 2019 to June 9, 2019 in Paris.");
        assert_eq!(m[0].0, Dated::Range(d(2019, 5, 2), d(2019, 6, 9)));
        // Two happenings, two days.
        let m = mentions("He arrived on May 2, 2019 and left on June 9, 2019.");
        assert_eq!(m.len(), 2, "{m:?}");
    }

    #[test]
    fn a_date_more_than_so_long_ago_is_no_date() {
        let m = mentions("The bridge was built more than a century ago.");
        assert!(m.iter().all(|m| m.1 == Kind::Published), "{m:?}");
    }

    #[test]
    fn a_span_counted_back_is_no_milestone_ahead() {
        // "in the past 30 years" once became "+ 30 years", 2050.
        let m =
            mentions("Iranians will not accept it, given their experience in the past 30 years.");
        assert!(
            !m.iter().any(|m| matches!(m.1, Kind::After { .. })),
            "{m:?}"
        );
        let m = mentions("France has a record of wars in the past couple of centuries.");
        assert!(!m.iter().any(|m| m.0.year() > 2020), "{m:?}");
    }

    #[test]
    fn a_milestone_of_a_few_months_is_counted_by_a_guess_and_marked() {
        let m = mentions(
            "The US said that within a few months of signing, it will begin to wind down its presence.",
        );
        let after: Vec<_> = m
            .iter()
            .filter(|m| matches!(m.1, Kind::After { .. }))
            .collect();
        assert_eq!(after.len(), 1, "{m:?}");
        assert_eq!(after[0].0, Dated::Day(d(2020, 5, 29)));
        assert!(matches!(
            after[0].1,
            Kind::After {
                amount: 3,
                unit: Unit::Month,
                approx: true,
                uncounted: true,
                ..
            }
        ));
        // Told as done, it is no milestone.
        let m = mentions("It took a few months to topple the Taliban.");
        assert!(!m.iter().any(|m| matches!(m.1, Kind::After { .. })));
    }

    #[test]
    fn year_less_dates_take_the_year_after_them_and_later_counts_from_before() {
        let m = mentions(
            "The attacks of September 11 in 2001 changed it. One year later, it was over.",
        );
        assert_eq!(m[0].0, Dated::Day(d(2001, 9, 11)));
        assert_eq!(m[1].0, Dated::Day(d(2002, 9, 11)));
    }

    #[test]
    fn a_month_of_a_year_named_in_words_is_one_date() {
        let m = mentions("He has been on leave since January of last year.");
        assert_eq!((m[0].0, m[0].2), (Dated::Month(2019, 1), Role::Since));
        assert!(!m.iter().any(|x| matches!(x.0, Dated::Year(_))));
    }

    #[test]
    fn a_year_named_from_publication_is_vague() {
        let m = mentions("Talks stalled. Earlier this year, the firm opened a plant.");
        assert_eq!(m[0].0, Dated::Year(2020));
        assert!(m[0].3 < Params::embedded().threshold);
        let m =
            mentions("Talks stalled. In 2018, the firm opened a plant. One year later, it shut.");
        assert!(m[0].3 >= Params::embedded().threshold);
        assert_eq!(m[1].0, Dated::Year(2019));
        assert!(m[1].3 >= Params::embedded().threshold);
        assert!(!named_from_publication(
            "later that year",
            crate::rules::test_words()
        ));
        assert!(named_from_publication(
            "last month",
            crate::rules::test_words()
        ));
    }

    #[test]
    fn a_weekday_told_as_a_plan_is_the_next_one() {
        let m =
            mentions("The talks began on Monday. The signing is set to take place on Wednesday.");
        assert_eq!(m[0].0, Dated::Day(d(2020, 2, 24)));
        assert_eq!(m[1].0, Dated::Day(d(2020, 3, 4)));
    }

    #[test]
    fn datelines_are_recognised() {
        assert!(!long_lower_runs("Doha"));
        assert!(long_lower_runs("Washington"));
        assert!(long_lower_runs("said that"));
    }
}
