//! The tagger's throughput and the cost of `annals extract`'s output.
//!
//! - Throughput on the TempEval-3 training texts (read with timex-eval from
//!   `../shared/data/tempeval3-train`; a built-in news sample stands in when
//!   the corpus is absent).
//! - The shapes that made the text format quadratic before positions came
//!   from a line index: 20,000 short lines, 100,000 dates on one line, and
//!   2 MB of news-like text, each tagged and written as `extract` writes it.
//!   Their cost must grow linearly with their size.

use std::hint::black_box;
use std::path::Path;

use annals_tagger::{Tagger, output};
use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Used when the corpus is not checked out next to the clone.
const SAMPLE: &str = "The US has signed a peace agreement with Taliban militants aimed at \
    bringing an end to 18 years of bloodshed. Washington would draw its forces down in the next \
    three to four months, with all remaining troops leaving within 14 months of the signing on \
    Saturday. The invasion began on Oct. 7, 2001, weeks after the attacks of Sept. 11, 2001. \
    Over the past week, officials said, talks moved fast; more than 100,000 Afghans have been \
    killed or wounded since 2009. Sales fell 3% in the third quarter from a year earlier, the \
    company said Tuesday, and it expects results to improve next year. ";

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3-train");
    let mut texts: Vec<String> = ["TimeBank", "AQUAINT"]
        .into_iter()
        .filter_map(|sub| timex_eval::read_gold_dir(root.join(sub)).ok())
        .flatten()
        .map(|doc| doc.text)
        .collect();
    if texts.is_empty() {
        texts.push(SAMPLE.repeat(200));
    }
    texts
}

fn throughput(c: &mut Criterion) {
    let tagger = Tagger::new();
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let dct = NaiveDate::from_ymd_opt(1998, 3, 1).unwrap_or_default();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("tempeval3_train", |b| {
        b.iter(|| {
            let mut found = 0;
            for text in &texts {
                found += tagger.tag(black_box(text), dct).len();
            }
            black_box(found)
        })
    });
    group.finish();
}

/// Makes a text of a given shape from a count.
type Shape = fn(usize) -> String;

/// Tags `text` and writes it as `annals extract` does in its text format.
fn extract_text(tagger: &Tagger, text: &str, dct: NaiveDate) {
    let found = tagger.tag(text, dct);
    output::text(&mut std::io::sink(), "bench.txt", text, 1, &found)
        .expect("a sink takes anything");
}

fn adversarial(c: &mut Criterion) {
    let tagger = Tagger::new();
    let dct = NaiveDate::from_ymd_opt(2020, 2, 29).unwrap_or_default();
    let mut group = c.benchmark_group("extract text format");
    group.sample_size(10);
    let shapes: [(&str, Shape); 3] = [
        ("short lines", |n| "last week\n".repeat(n)),
        ("dates on one line", |n| "March 3, 2008 ".repeat(n)),
        ("news", |n| SAMPLE.repeat(n)),
    ];
    for (name, make) in shapes {
        for scale in [1, 2, 4] {
            let n = match name {
                "short lines" => 10_000 * scale,
                "dates on one line" => 25_000 * scale,
                _ => 1_000 * scale,
            };
            let text = make(n);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, text.len()), &text, |b, text| {
                b.iter(|| extract_text(&tagger, black_box(text), dct))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, throughput, adversarial);
criterion_main!(benches);
