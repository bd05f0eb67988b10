//! What comparing the sources adds to loading and to drafting a story, at
//! 1,000 and 10,000 synthetic articles (`annals-synth`: about 3 KB an
//! article, ten events each): the goal is at most 20 % at 10,000 articles.
//! Every command that loads or drafts a story also compares it, so this is
//! the extra wait on `check`, `print` and `draft`.
//!
//! Criterion times loading and comparing; drafting 10,000 articles takes
//! too long for criterion's ten samples on a shared machine, so it is timed
//! three times here and its median used. Each size ends with a line of
//! ratios: compare ÷ load and compare ÷ draft (a drafted story has fewer
//! events and passages than the written one, so its comparison is smaller).

use std::hint::black_box;
use std::time::{Duration, Instant};

use annals_core::Source;
use annals_core::load::{DataFile, DataFiles, Options as LoadOptions, articles, load_files};
use annals_draft::{Options, draft};
use annals_tagger::Tagger;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// The story's files as the loader reads them from a folder.
fn files(story: &annals_synth::Story, with_timeline: bool) -> DataFiles {
    DataFiles {
        dir: "bench".into(),
        timeline: with_timeline
            .then(|| DataFile::new("bench/timeline.toml", story.timeline.as_str())),
        sources: Some(
            story
                .sources
                .iter()
                .map(|(name, text)| DataFile::new(format!("bench/sources/{name}"), text.as_str()))
                .collect(),
        ),
        skipped: Default::default(),
        ignored: Vec::new(),
    }
}

fn bare_articles(story: &annals_synth::Story) -> Vec<Source> {
    let (sources, problems) = articles(files(story, false), &LoadOptions::default());
    assert!(problems.is_empty(), "{problems}");
    sources
}

/// The median of `runs` timings of `f`.
fn median_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        let out = f();
        times.push(started.elapsed());
        last = Some(out);
    }
    times.sort();
    (times[runs / 2], last.expect("at least one run"))
}

fn overhead(c: &mut Criterion) {
    let tagger = Tagger::new();
    let comparer = annals_compare::Comparer::new();
    let mut group = c.benchmark_group("compare overhead");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    for n in [1_000, 10_000] {
        let story = annals_synth::generate(n, 1);
        let written = files(&story, true);
        let label = format!("{n} articles");
        let (load_time, timeline) = median_of(3, || {
            load_files(black_box(&written)).expect("the story loads")
        });
        group.bench_function(BenchmarkId::new("load", &label), |b| {
            b.iter_with_large_drop(|| load_files(black_box(&written)).expect("loads"))
        });
        group.bench_function(BenchmarkId::new("compare the loaded story", &label), |b| {
            b.iter(|| comparer.compare(black_box(&timeline)))
        });
        let (compare_loaded, _) = median_of(3, || comparer.compare(&timeline));
        let sources = bare_articles(&story);
        let (draft_time, drafted) =
            median_of(3, || draft(sources.clone(), &tagger, &Options::default()));
        group.bench_function(BenchmarkId::new("compare the drafted story", &label), |b| {
            b.iter(|| comparer.compare(black_box(&drafted)))
        });
        let (compare_drafted, _) = median_of(3, || comparer.compare(&drafted));
        let pct = |a: Duration, b: Duration| 100.0 * a.as_secs_f64() / b.as_secs_f64();
        println!(
            "{label}: load {:.0} ms, compare it {:.0} ms (+{:.1} %); draft {:.0} ms ({} events), compare it {:.0} ms (+{:.1} %) [medians of 3]",
            load_time.as_secs_f64() * 1e3,
            compare_loaded.as_secs_f64() * 1e3,
            pct(compare_loaded, load_time),
            draft_time.as_secs_f64() * 1e3,
            drafted.events.len(),
            compare_drafted.as_secs_f64() * 1e3,
            pct(compare_drafted, draft_time),
        );
    }
    group.finish();
}

criterion_group!(benches, overhead);
criterion_main!(benches);
