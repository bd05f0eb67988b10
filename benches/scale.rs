//! Loading, checking and printing at scale, on synthetic stories of 1k, 10k
//! and 100k events (annals-synth: 100, 1,000 and 10,000 articles, 10 events
//! each, about 6 KB an article and event together). Targets at 100k events,
//! on one core: `annals check` under 1 s with peak memory under three times
//! the data's size, `annals print --format json` under 1.5 s. Cost must grow
//! linearly: the three sizes say whether it does.
//!
//! Besides criterion's timings of the library calls, each size runs the real
//! binary (`check`, then `print --format json` to /dev/null) five times and
//! reports its median wall time and peak resident memory, measured by
//! `/usr/bin/time` where it is installed: once with the verified-load cache
//! off (every run parses, verifies and compares), once from the cache (a
//! first, unmeasured run keeps the story; stories under
//! `annals::cache::MIN_BYTES` are never kept, so both rows are alike).
//! Also: the bundled story, which annals loads on every start.

use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use annals_core::load::{self, Options};
use annals_core::print::{Format, View};

/// How many times each binary measurement is taken: one run right after the
/// story is written shares the disk with the kernel's writeback.
const RUNS: usize = 5;

/// Runs the binary [`RUNS`] times and reports the median and fastest wall
/// time and the highest peak memory. The peak comes from GNU time, which
/// forks the binary from its own small process: a child spawned straight
/// from this large bench would be charged the bench's memory too (it shares
/// it until exec).
fn run_binary(dir: &Path, args: &[&str], data_bytes: u64, cache: Option<&Path>) {
    if cache.is_some() {
        run_binary_once(dir, args, cache);
    }
    let mut walls = Vec::with_capacity(RUNS);
    let mut peak = 0;
    for _ in 0..RUNS {
        let (wall, run_peak) = run_binary_once(dir, args, cache);
        walls.push(wall);
        peak = peak.max(run_peak);
    }
    walls.sort();
    println!(
        "binary: annals {:<22} {:<10} {:>8.1} ms wall (median of {RUNS}, fastest {:.1} ms), peak {:>6.1} MB ({:.2}× the data)",
        args.join(" "),
        if cache.is_some() {
            "from cache"
        } else {
            "no cache"
        },
        walls[RUNS / 2].as_secs_f64() * 1000.0,
        walls[0].as_secs_f64() * 1000.0,
        peak as f64 / 1e6,
        peak as f64 / data_bytes as f64
    );
}

/// One run of the binary: its wall time and peak memory in bytes (0 without
/// GNU time).
fn run_binary_once(dir: &Path, args: &[&str], cache: Option<&Path>) -> (Duration, u64) {
    let time = Path::new("/usr/bin/time");
    let started = Instant::now();
    let mut command = if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "%M"]).arg(env!("CARGO_BIN_EXE_annals"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_annals"))
    };
    let out = command
        .args(args)
        .arg("--data")
        .arg(dir)
        .env(
            annals::cache::DIR_VARIABLE,
            cache.map_or(std::ffi::OsStr::new(""), Path::as_os_str),
        )
        .stdout(Stdio::null())
        .output()
        .expect("annals runs");
    let wall = started.elapsed();
    assert!(out.status.success(), "annals {args:?} failed");
    let peak = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .and_then(|kb| kb.trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024);
    (wall, peak)
}

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for articles in [100, 1_000, 10_000] {
        let story = annals_synth::generate(articles, 1);
        let bytes = story.bytes() as u64;
        let dir = tempfile::tempdir().expect("a temporary folder");
        story.write_to(dir.path()).expect("the story is written");
        let n = format!("{}k events", story.events / 1000);
        println!("{n}: {articles} articles, {:.1} MB", bytes as f64 / 1e6);
        let cache = tempfile::tempdir().expect("a temporary folder");
        for cache in [None, Some(cache.path())] {
            run_binary(dir.path(), &["check"], bytes, cache);
            run_binary(dir.path(), &["print", "--format", "json"], bytes, cache);
        }

        let options = Options::default();
        // Freeing is not part of checking (the binary skips it too): the
        // timeline is dropped outside the measurement.
        group.bench_function(BenchmarkId::new("check (read + load)", &n), |b| {
            b.iter_with_large_drop(|| {
                let files = load::read_with(black_box(dir.path()), &options).expect("reads");
                load::load_with(files, &options).expect("loads")
            })
        });
        let timeline = load::load(dir.path()).expect("loads");
        let mut view = View::new(&timeline);
        view.passages = true;
        group.bench_function(BenchmarkId::new("print json", &n), |b| {
            b.iter(|| {
                let mut sink = std::io::sink();
                black_box(&view)
                    .write(Format::Json, &mut sink)
                    .expect("writes")
            })
        });
    }
    group.finish();

    let files = annals::bundled::files();
    c.bench_function("bundled story: load", |b| {
        b.iter(|| load::load_files(black_box(&files)).expect("bundled story loads"))
    });
    let timeline = annals::bundled::load().expect("bundled story loads");
    let mut view = View::new(&timeline);
    view.passages = true;
    for (name, format) in [
        ("bundled story: print text", Format::Text),
        ("bundled story: print json", Format::Json),
    ] {
        c.bench_function(name, |b| b.iter(|| black_box(&view).render(format)));
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
