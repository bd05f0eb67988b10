//! Drafting a timeline from bare news articles about one story: the engine
//! behind `annals draft`.
//!
//! Each article is read on its own (in parallel): split into sentences, its
//! dates tagged by [`annals_tagger`], and every date turned into a *mention*
//! with a role (the date of a happening, the start or end of a state, a
//! noun's modifier, the date of a report), the tense that governs it and a
//! weight. Sentences with no date of their own may still count: the lead is
//! the article's news at its publication date, a length counted from an
//! anchor ("within 14 months of the signing") is a milestone, and "follows a
//! seven-day reduction in violence" is the week before the news.
//!
//! Mentions of one date that share rare terms are one happening; coarse
//! mentions ("in 2001") fold into a finer happening they tell; a happening
//! is kept when its best mention is strong enough, with a bonus for each
//! further article that reports it. Merging is near-linear: mentions are
//! bucketed by date and compared through a term index, never all pairs.
//!
//! The drafter is a value, [`Drafter`], built from a tagger, the word lists
//! ([`Tables`]) and the weights and thresholds ([`Params`]), both embedded
//! and both replaceable. Its stages are pure functions with typed outputs,
//! each callable on its own: [`Drafter::read`] (articles), [`Drafter::mentions`],
//! [`Drafter::clusters`], [`Drafter::select`] and [`Drafter::events`].
//!
//! The result is an ordinary [`Timeline`] whose events are marked as drafted
//! ([`annals_core::Origin::Drafted`]), dated as they should be written (counted dates name
//! the event they count from: `"signing-agreement + 14 months"`), with
//! verbatim evidence, so that [`annals_core::write::to_toml`] writes a
//! `timeline.toml` that loads back.
//!
//! ```
//! use annals_core::{DateSpec, Source};
//! use annals_draft::{Options, draft};
//! use annals_tagger::Tagger;
//! use chrono::NaiveDate;
//!
//! let published = NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
//! let article = |id: &str, body: &str| Source::new(id, published, body).with_title(id);
//! let sources = vec![
//!     article("wire", "The US and the Taliban signed a peace agreement in Doha on Saturday. \
//!         All US troops will leave within 14 months of the signing."),
//!     article("daily", "The US signed a peace agreement with the Taliban in Doha on Saturday. \
//!         Troops would leave within 14 months of the signing."),
//! ];
//! let timeline = draft(sources, &Tagger::new(), &Options::default());
//! let signing = &timeline.events[0];
//! assert_eq!(*signing.date(), DateSpec::Day(NaiveDate::from_ymd_opt(2020, 2, 29).unwrap()));
//! assert_eq!(signing.sources(), [0, 1]);
//! let withdrawal = &timeline.events[1];
//! assert_eq!(withdrawal.date().to_string(), format!("{} + 14 months", signing.id));
//! assert_eq!(withdrawal.when().label(), "2021-04-29");
//! ```

#![warn(missing_docs)]

mod about;
mod actors;
mod analyse;
mod cluster;
mod cues;
mod furniture;
mod ids;
mod lists;
mod mention;
mod merge;
mod output;
mod record;
mod redraft;
mod rules;
mod select;
mod sentences;
mod story;
mod terms;
mod title;
mod verbs;
mod words;

pub use merge::{Counts, Merged, fresh, merge, merge_with};
pub use redraft::{Hooks, Outcome, Output, RedraftError, Request, redraft};
pub use rules::{Params, TableError, Tables};

use rustc_hash::FxHashMap as HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use annals_core::{Event, Source, Timeline};
use annals_tagger::Tagger;
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::about::Names;
use crate::analyse::{Article, analyse, state_weight};
use crate::cluster::Cluster;
use crate::mention::Mention;
use crate::rules::Words;
use crate::select::Scored;
use crate::terms::{Idf, Term};

/// What to draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The names of one entity (a name and its aliases, as `--about "Steve
    /// Jobs" --about Jobs`): only its events are drafted. Empty: the whole story.
    pub about: Vec<String>,
    /// Leave out events that end before this day.
    pub since: Option<NaiveDate>,
    /// Leave out events that start after this day.
    pub until: Option<NaiveDate>,
    /// The timeline's title; by default the name most articles' titles
    /// share ("iPhone 4", "US and Taliban"), else the most typical title.
    pub title: Option<String>,
    /// Keep the N most salient happenings (`Some(0)`: every one); `None`:
    /// as many as the story calls for ([`Drafter::budget`]).
    pub events: Option<usize>,
}

/// A draft: the timeline, and how many happenings were left out of it
/// because less salient than those kept (see [`Options::events`]).
#[derive(Debug, Clone)]
pub struct Draft {
    /// The drafted timeline.
    pub timeline: Timeline,
    /// Happenings found but left out by the length of the draft.
    pub left_out: usize,
    /// Each article so densely dated that dated sentences were weighed out
    /// as it was read (more than twice [`MOST_MENTIONS`]).
    pub weighed_out: Vec<WeighedOut>,
}

/// An article so densely dated that the lightest of its dated mentions
/// were weighed out as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeighedOut {
    /// The article's source id.
    pub source: String,
    /// How many dated mentions were left out.
    pub left_out: usize,
    /// How many it has in all.
    pub of: usize,
}

/// The most dated sentences a draft weighs in one article: an article with
/// twice as many keeps this many of those that say most that something
/// happened at their date, so that memory stays near its size.
pub const MOST_MENTIONS: usize = analyse::MOST_MENTIONS;

/// Drafts a timeline from `sources` with the embedded tables and parameters:
/// see the [crate] documentation.
pub fn draft(sources: Vec<Source>, tagger: &Tagger, options: &Options) -> Timeline {
    Drafter::embedded(tagger).draft(sources, options)
}

/// Like [`draft`], calling `progress(done, total)` as each article has been
/// read (from any thread, perhaps out of order).
pub fn draft_with_progress(
    sources: Vec<Source>,
    tagger: &Tagger,
    options: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Timeline {
    Drafter::embedded(tagger).draft_with_progress(sources, options, progress)
}

/// The drafter: a tagger, word lists and parameters, and the stages that
/// turn articles into a timeline.
#[derive(Debug, Clone)]
pub struct Drafter<'t> {
    tagger: &'t Tagger,
    tables: Tables,
    params: Params,
}

/// The articles as the drafter read them (the first stage): sentences,
/// dated mentions with their roles and weights, and which of them the
/// options keep.
#[derive(Debug, Clone)]
pub struct Articles {
    articles: Vec<Article>,
    /// For each article, which of its mentions go on (until stage 2 takes
    /// them).
    kept: Vec<Vec<bool>>,
    /// How many dated mentions the articles hold, and how many go on.
    counts: (usize, usize),
    published: Vec<NaiveDate>,
}

/// The mentions that go on, numbered across articles (the second stage),
/// with what they are compared by: term weights over the story, and its
/// salient actors applied to their weights.
#[derive(Debug, Clone)]
pub struct Mentions {
    mentions: Vec<Mention>,
    idf: Idf,
}

/// Mentions merged into happenings (the third stage).
#[derive(Debug, Clone)]
pub struct Clusters {
    clusters: Vec<Cluster>,
}

/// The happenings kept, each with its score and salience (the fourth
/// stage), and how many less salient ones the length of the draft left out.
#[derive(Debug, Clone)]
pub struct Selected {
    scored: Vec<Scored>,
    left_out: usize,
}

impl Articles {
    /// How many articles were read.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether no article was read.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// How many dated mentions the articles hold, and how many go on.
    pub fn mention_counts(&self) -> (usize, usize) {
        self.counts
    }
}

impl Mentions {
    /// How many mentions go on.
    pub fn len(&self) -> usize {
        self.mentions.len()
    }

    /// Whether none does.
    pub fn is_empty(&self) -> bool {
        self.mentions.is_empty()
    }
}

impl Clusters {
    /// How many happenings.
    pub fn len(&self) -> usize {
        self.clusters.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }
}

impl Selected {
    /// How many happenings were kept.
    pub fn len(&self) -> usize {
        self.scored.len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.scored.is_empty()
    }

    /// How many happenings good enough to keep were left out as less
    /// salient than the ones kept.
    pub fn left_out(&self) -> usize {
        self.left_out
    }
}

impl<'t> Drafter<'t> {
    /// A drafter with these word lists and parameters.
    pub fn new(tagger: &'t Tagger, tables: Tables, params: Params) -> Drafter<'t> {
        Drafter {
            tagger,
            tables,
            params,
        }
    }

    /// A drafter with the embedded word lists and parameters.
    pub fn embedded(tagger: &'t Tagger) -> Drafter<'t> {
        Drafter::new(tagger, Tables::embedded(), Params::embedded())
    }

    /// Its parameters.
    pub fn params(&self) -> &Params {
        &self.params
    }

    fn words(&self) -> &Words {
        &self.tables.words
    }

    /// Drafts a timeline from `sources`: every stage in turn.
    pub fn draft(&self, sources: Vec<Source>, options: &Options) -> Timeline {
        self.draft_with_progress(sources, options, &|_, _| {})
    }

    /// Like [`Drafter::draft`], calling `progress(done, total)` as each
    /// article has been read (from any thread, perhaps out of order).
    pub fn draft_with_progress(
        &self,
        sources: Vec<Source>,
        options: &Options,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Timeline {
        self.run(sources, options, progress).timeline
    }

    /// Like [`Drafter::draft_with_progress`], saying also how many
    /// happenings the length of the draft left out.
    pub fn run(
        &self,
        mut sources: Vec<Source>,
        options: &Options,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Draft {
        sources.sort_by(annals_core::load::by_id);
        let mut articles = self.read_with_progress(&sources, options, progress);
        let weighed_out = sources
            .iter()
            .zip(&articles.articles)
            .filter(|(_, a)| a.weighed_out > 0)
            .map(|(s, a)| WeighedOut {
                source: s.id.clone(),
                left_out: a.weighed_out,
                of: a.weighed_out + a.mentions.len(),
            })
            .collect();
        let mentions = self.mentions(&mut articles);
        let clusters = self.clusters(&articles, &mentions);
        let selected = self.select(clusters, &mentions, &articles, options);
        let events = self.events(&selected, &mentions, &articles, &sources);
        let left_out = selected.left_out;
        Draft {
            timeline: self.timeline(sources, events, options, left_out),
            left_out,
            weighed_out,
        }
    }

    /// How many events a draft of `articles` articles keeps when the user
    /// says nothing: `budget_per_article` each, within `budget_min` and
    /// `budget_max` (so a few articles keep all they tell, and hundreds keep
    /// what a reader reads at a sitting).
    pub fn budget(&self, articles: usize) -> usize {
        let p = &self.params;
        let n = (articles as f32 * p.budget_per_article).round() as usize;
        n.clamp(
            p.budget_min as usize,
            p.budget_max.max(p.budget_min) as usize,
        )
    }

    /// Stage 1, articles: each article read on its own (in parallel): its
    /// sentences, its dated mentions with their roles and weights, and which
    /// of them `options` keep (within `--since`/`--until`, and about the
    /// entity of `--about`). `sources[i]` is article `i` of every later stage.
    pub fn read(&self, sources: &[Source], options: &Options) -> Articles {
        self.read_with_progress(sources, options, &|_, _| {})
    }

    fn read_with_progress(
        &self,
        sources: &[Source],
        options: &Options,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Articles {
        let names = Names::new(&options.about);
        let state = state_weight(&self.params, !names.is_empty());
        let total = sources.len();
        let done = AtomicUsize::new(0);
        let tables = (self.words(), &self.params);
        let (articles, kept): (Vec<Article>, Vec<Vec<bool>>) = sources
            .par_iter()
            .enumerate()
            .map(|(doc, source)| {
                let article = analyse(doc, source, self.tagger, state, tables);
                let kept = kept(&article, source, &names, options, self.words());
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                (article, kept)
            })
            .unzip();
        let all = articles.iter().map(|a| a.mentions.len()).sum();
        let going_on = kept.iter().flatten().filter(|&&k| k).count();
        Articles {
            articles,
            kept,
            counts: (all, going_on),
            published: sources.iter().map(|s| s.published).collect(),
        }
    }

    /// Stage 2, mentions: those kept, numbered across articles (their
    /// coreference links renumbered to match); a mention whose sentence
    /// names none of the story's salient actors weighs at most `unsalient`
    /// (when there is more than one article to tell who they are).
    ///
    /// The mentions move out of `articles` (which keeps their sentences,
    /// terms and names for the later stages): they are not held twice.
    pub fn mentions(&self, articles: &mut Articles) -> Mentions {
        let p = &self.params;
        let idf = idf(&articles.articles);
        let kept = std::mem::take(&mut articles.kept);
        let mut mentions = gather(&mut articles.articles, &kept);
        drop(kept);
        if articles.len() > 1 {
            let actors = actors::Actors::new(
                articles.articles.iter().map(|a| a.names.items()),
                p.salient_share,
            );
            for m in &mut mentions {
                if !actors.any_salient(articles.articles[m.doc].names.get(m.sentence)) {
                    m.weight = m.weight.min(p.unsalient);
                }
            }
        }
        Mentions { mentions, idf }
    }

    /// Stage 3, clusters: mentions of one happening merged (see the crate
    /// documentation).
    pub fn clusters(&self, articles: &Articles, mentions: &Mentions) -> Clusters {
        let clusters = cluster::Input {
            mentions: &mentions.mentions,
            articles: &articles.articles,
            published: &articles.published,
            idf: &mentions.idf,
            params: &self.params,
        }
        .clusters();
        Clusters { clusters }
    }

    /// Stage 4, selected: each happening scored, those that reach the
    /// threshold kept, each with its salience; then the most salient, as
    /// many as `options.events` says (or [`Drafter::budget`]).
    pub fn select(
        &self,
        clusters: Clusters,
        mentions: &Mentions,
        articles: &Articles,
        options: &Options,
    ) -> Selected {
        let mut scored = select::select(
            clusters.clusters,
            &mentions.mentions,
            &articles.published,
            articles.len(),
            &self.params,
        );
        select::spread(&mut scored, &mentions.mentions, &self.params);
        let keep = match options.events {
            Some(0) => usize::MAX,
            Some(n) => n,
            None => self.budget(articles.len()),
        };
        let left_out = scored.len().saturating_sub(keep);
        if left_out > 0 {
            // The most salient, ties to the earlier happening, then back in
            // the order they came.
            let mut order: Vec<usize> = (0..scored.len()).collect();
            order.sort_by(|&a, &b| {
                scored[b]
                    .salience
                    .total_cmp(&scored[a].salience)
                    .then(a.cmp(&b))
            });
            let mut kept = vec![false; scored.len()];
            for &i in &order[..keep] {
                kept[i] = true;
            }
            let mut k = kept.into_iter();
            scored.retain(|_| k.next().unwrap_or(false));
        }
        Selected { scored, left_out }
    }

    /// Stage 5, events: a title, an id, a date as written (counted dates
    /// name the event they count from) and verbatim evidence for each
    /// selected happening, in date order. `sources` are those read.
    pub fn events(
        &self,
        selected: &Selected,
        mentions: &Mentions,
        articles: &Articles,
        sources: &[Source],
    ) -> Vec<Event> {
        output::events(
            &selected.scored,
            &mentions.mentions,
            sources,
            &articles.articles,
            self.words(),
        )
    }

    /// The timeline of `events`: its title and summary.
    fn timeline(
        &self,
        sources: Vec<Source>,
        events: Vec<Event>,
        options: &Options,
        left_out: usize,
    ) -> Timeline {
        let total = sources.len();
        let kept = events.len();
        let title = options.title.clone().unwrap_or_else(|| {
            story::title(&sources, self.words(), |titles| {
                typical_title(titles, self.words())
            })
        });
        let summary = format!(
            "Drafted by annals from {total} article{}{}{}; check each event against its evidence.",
            if total == 1 { "" } else { "s" },
            match options.about.first() {
                Some(name) => format!(", about {name}"),
                None => String::new(),
            },
            if left_out > 0 {
                format!(
                    ": the {kept} most salient of {} happenings (`annals draft --events N` keeps more)",
                    kept + left_out
                )
            } else {
                String::new()
            }
        );
        Timeline {
            title,
            summary: Some(summary),
            sources,
            events,
        }
    }
}

/// Whether the drafter's embedded tables (and the tagger's, which it uses)
/// can be read, for a program to say so before it starts.
pub fn check_tables() -> Result<(), annals_core::builtin::BrokenTable> {
    annals_tagger::check_tables()?;
    rules::check()
}

/// Which mentions of `article` may go on: those with weight, within
/// `--since` and `--until`, and (with `--about`) concerning the entity.
fn kept(
    article: &Article,
    source: &Source,
    names: &Names,
    options: &Options,
    w: &Words,
) -> Vec<bool> {
    let body = source.body();
    article
        .mentions
        .iter()
        .map(|m| {
            if m.weight <= 0.0 || !within(m, options) {
                return false;
            }
            if names.is_empty() {
                return true;
            }
            let sentence = &body[m.quote.clone()];
            let date = m.timex.as_ref().map(|t| t.start - m.quote.start);
            let previous = m
                .sentence
                .checked_sub(1)
                .filter(|&i| Some(i) != article.dateline)
                .map(|i| &body[article.sentences[i].span.clone()]);
            about::concerns(names, sentence, date, previous, w)
        })
        .collect()
}

/// The inverse document frequencies of the terms of every sentence but
/// the datelines: those of the sentences whose terms an article holds, and
/// the counts of the others'.
fn idf(articles: &[Article]) -> Idf {
    let mut counts: HashMap<Term, u32> = HashMap::default();
    let mut n = 0usize;
    for a in articles {
        n += a.sentences.len() - usize::from(a.dateline.is_some());
        for (i, terms) in a.terms.iter() {
            if Some(i) != a.dateline {
                terms::count(&mut counts, terms);
            }
        }
        for &(t, c) in &a.other_terms {
            *counts.entry(t).or_default() += c;
        }
    }
    Idf::counted(u32::try_from(n).unwrap_or(u32::MAX), counts)
}

/// The mentions that go on, numbered across articles (their coreference
/// links renumbered to match), moved out of `articles`: the first article's
/// are kept where they are, and the others' moved after them.
fn gather(articles: &mut [Article], kept: &[Vec<bool>]) -> Vec<Mention> {
    let total = kept.iter().flatten().filter(|&&k| k).count();
    let mut mentions: Vec<Mention> = Vec::new();
    for (article, kept) in articles.iter_mut().zip(kept) {
        let mut own = std::mem::take(&mut article.mentions);
        // Each earlier local mention's global number (a link goes only to a
        // mention before it that goes on).
        let mut global: Vec<Option<usize>> = Vec::with_capacity(own.len());
        let mut next = mentions.len();
        let mut local = 0;
        own.retain_mut(|m| {
            let keep = kept[local];
            local += 1;
            if keep {
                m.coref = m.coref.and_then(|c| global.get(c).copied().flatten());
                global.push(Some(next));
                next += 1;
            } else {
                global.push(None);
            }
            keep
        });
        if mentions.capacity() == 0 {
            mentions = own;
            mentions.reserve_exact(total - mentions.len());
        } else {
            mentions.append(&mut own);
        }
    }
    mentions.shrink_to_fit();
    mentions
}

fn within(m: &Mention, options: &Options) -> bool {
    let when = m.date.when();
    options.since.is_none_or(|s| when.end >= s) && options.until.is_none_or(|u| when.start <= u)
}

/// The title, of `titles`, that shares most terms with the others.
fn typical_title(titles: &[&str], w: &Words) -> String {
    let terms: Vec<Vec<Term>> = titles.iter().map(|t| output::title_terms(t, w)).collect();
    let mut counts: HashMap<Term, usize> = HashMap::default();
    for t in terms.iter().flatten() {
        *counts.entry(*t).or_default() += 1;
    }
    let score = |t: &[Term]| t.iter().map(|x| counts[x] - 1).sum::<usize>();
    terms
        .iter()
        .enumerate()
        .max_by_key(|(i, t)| (score(t), std::cmp::Reverse(*i)))
        .map_or_else(
            || "Drafted timeline".to_string(),
            |(i, _)| titles[i].to_string(),
        )
}
