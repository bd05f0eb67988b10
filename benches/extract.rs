//! Extraction throughput of the temporal tagger on the TempEval-3 training texts.
//!
//! Reads every `../shared/data/tempeval3-train/*/*.tml` (markup stripped, as the scorer does)
//! and falls back to a built-in news sample when the corpus is absent.

use std::hint::black_box;
use std::path::Path;

use annals_tagger::Tagger;
use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Used when the corpus is not checked out next to the crate.
const SAMPLE: &str = "The US has signed a peace agreement with Taliban militants aimed at \
    bringing an end to 18 years of bloodshed. Washington would draw its forces down in the next \
    three to four months, with all remaining troops leaving within 14 months of the signing on \
    Saturday. The invasion began on Oct. 7, 2001, weeks after the attacks of Sept. 11, 2001. \
    Over the past week, officials said, talks moved fast; more than 100,000 Afghans have been \
    killed or wounded since 2009. Sales fell 3% in the third quarter from a year earlier, the \
    company said Tuesday, and it expects results to improve next year. ";

/// The plain text of a TimeML document: the `<TEXT>` element without markup.
fn tml_text(xml: &str) -> Option<String> {
    let start = xml.find("<TEXT>")? + "<TEXT>".len();
    let end = xml[start..].find("</TEXT>")? + start;
    let mut out = String::with_capacity(end - start);
    let mut in_tag = false;
    for ch in xml[start..end].chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    Some(
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/tempeval3-train");
    let mut texts = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        let Ok(dir) = std::fs::read_dir(root.join(sub)) else {
            continue;
        };
        let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        {
            if let Some(text) = std::fs::read_to_string(path)
                .ok()
                .as_deref()
                .and_then(tml_text)
            {
                texts.push(text);
            }
        }
    }
    if texts.is_empty() {
        texts.push(SAMPLE.repeat(200));
    }
    texts
}

fn bench_extract(c: &mut Criterion) {
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

criterion_group!(benches, bench_extract);
criterion_main!(benches);
