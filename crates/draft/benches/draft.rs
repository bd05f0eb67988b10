//! Drafting throughput: 1,000 and 10,000 synthetic articles (`annals-synth`,
//! about 3 KB each), on one core and on all of them; and every shape of input
//! that once made drafting superlinear (`annals_synth::shapes`: many tiny
//! articles, one huge article, one line, one endless sentence, many events
//! sharing a title, a deep date chain), each at three sizes doubling: its
//! time must double with them.

use std::hint::black_box;
use std::time::Duration;

use annals_core::Source;
use annals_core::load::{DataFile, DataFiles, Options as LoadOptions, articles};
use annals_draft::{Options, draft};
use annals_synth::shapes::Shape;
use annals_tagger::Tagger;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn sources(n: usize) -> Vec<Source> {
    load(annals_synth::generate(n, 2020).sources)
}

/// Articles as the loader reads them from `sources/`.
fn load(files: Vec<(String, String)>) -> Vec<Source> {
    let folder = DataFiles {
        dir: "bench".into(),
        timeline: None,
        sources: Some(
            files
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
    let (sources, problems) = articles(folder, &LoadOptions::default());
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
        group.throughput(Throughput::Bytes(bytes(&input)));
        group.measurement_time(Duration::from_secs(if n > 1_000 { 60 } else { 10 }));
        drafting(&mut group, format!("{n} articles, one core"), &input, |s| {
            one_core.install(|| draft(s, &tagger, &Options::default()))
        });
        drafting(
            &mut group,
            format!("{n} articles, all cores"),
            &input,
            |s| draft(s, &tagger, &Options::default()),
        );
    }
    group.finish();
    // Each shape on one core, so that the times compare across sizes.
    for shape in Shape::ALL {
        let mut group = c.benchmark_group(format!("draft shape: {}", shape.name()));
        group.sample_size(10).warm_up_time(Duration::from_secs(1));
        for n in sizes(shape) {
            let input = load(shape.articles(n));
            group.throughput(Throughput::Bytes(bytes(&input)));
            drafting(&mut group, format!("n = {n}"), &input, |s| {
                one_core.install(|| draft(s, &tagger, &Options::default()))
            });
        }
        group.finish();
    }
}

/// The articles' text, in bytes.
fn bytes(input: &[Source]) -> u64 {
    input.iter().map(|s| s.body().len() as u64).sum()
}

/// Times `draft` on a fresh copy of `input` each run.
fn drafting(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: String,
    input: &[Source],
    draft: impl Fn(Vec<Source>) -> annals_core::Timeline,
) {
    group.bench_function(name, |b| {
        b.iter_batched(
            || input.to_vec(),
            |s| black_box(draft(s)),
            criterion::BatchSize::LargeInput,
        )
    });
}

/// Three sizes doubling, each drafting in well under a second.
fn sizes(shape: Shape) -> [usize; 3] {
    let n = match shape {
        Shape::ManyArticles | Shape::SharedTitle => 1_000,
        Shape::OneHugeArticle | Shape::OneLine => 2_000,
        Shape::EndlessSentence => 3_000,
        Shape::DateChain => 500,
    };
    [n, 2 * n, 4 * n]
}

criterion_group!(benches, bench);
criterion_main!(benches);
