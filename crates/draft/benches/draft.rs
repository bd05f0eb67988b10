//! Drafting throughput: 1,000 and 10,000 synthetic articles (`annals-synth`,
//! about 3 KB each), on one core and on all of them; and one article that is
//! a single paragraph with a quotation left open, so that it never ends a
//! sentence, at two sizes: its cost must grow linearly.

use std::hint::black_box;
use std::time::Duration;

use annals_core::Source;
use annals_core::load::{DataFile, DataFiles, Options as LoadOptions, articles};
use annals_draft::{Options, draft};
use annals_tagger::Tagger;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn sources(n: usize) -> Vec<Source> {
    let story = annals_synth::generate(n, 2020);
    let files = DataFiles {
        dir: "bench".into(),
        timeline: None,
        sources: Some(
            story
                .sources
                .into_iter()
                .map(|(name, text)| DataFile {
                    path: format!("bench/sources/{name}").into(),
                    bytes: text.into_bytes(),
                    saved: None,
                })
                .collect(),
        ),
        skipped: Default::default(),
        ignored: Vec::new(),
    };
    let (sources, problems) = articles(files, &LoadOptions::default());
    assert!(problems.is_empty(), "{problems}");
    sources
}

fn bench(c: &mut Criterion) {
    let tagger = Tagger::new();
    let one_core = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let mut group = c.benchmark_group("draft");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in [1_000, 10_000] {
        let input = sources(n);
        let bytes: usize = input.iter().map(|s| s.body().len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.measurement_time(Duration::from_secs(if n > 1_000 { 60 } else { 10 }));
        group.bench_function(format!("{n} articles, one core"), |b| {
            b.iter_batched(
                || input.clone(),
                |s| one_core.install(|| black_box(draft(s, &tagger, &Options::default()))),
                criterion::BatchSize::LargeInput,
            )
        });
        group.bench_function(format!("{n} articles, all cores"), |b| {
            b.iter_batched(
                || input.clone(),
                |s| black_box(draft(s, &tagger, &Options::default())),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
    let mut group = c.benchmark_group("draft one endless sentence");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in [6_000, 24_000] {
        let body = format!(
            "\"{}",
            ["The council met. It voted on Monday."; 1]
                .repeat(n)
                .join(" ")
        );
        let published = chrono::NaiveDate::from_ymd_opt(2020, 2, 29).unwrap_or_default();
        let source = Source::new("endless", published, body)
            .with_title("Endless")
            .with_file("bench/endless.txt", 1);
        group.throughput(Throughput::Bytes(source.body().len() as u64));
        group.bench_function(format!("{} KB", source.body().len() / 1000), |b| {
            b.iter(|| black_box(draft(vec![source.clone()], &tagger, &Options::default())))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
