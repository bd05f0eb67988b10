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
//! The explorer is started the same way on a pseudo-terminal of 120×40:
//! its first frame is the time from the start until the story's title is on
//! the screen (from the cache, a glance at the story as kept), and "read"
//! until the story as read from its files is (a glance's status bar says
//! the files are being read).
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

/// Starts the explorer on `dir` [`RUNS`] times on a pseudo-terminal and
/// reports the median and fastest times to its first frame and to the story
/// as read.
fn run_explorer(dir: &Path, title: &str, cache: Option<&Path>) {
    if cache.is_some() {
        run_binary_once(dir, &["check"], cache);
    }
    let (mut first, mut read): (Vec<Duration>, Vec<Duration>) =
        (0..RUNS).map(|_| explorer_once(dir, title, cache)).unzip();
    first.sort();
    read.sort();
    println!(
        "binary: annals (explorer, pty 120×40) {:<10} first frame {:>7.1} ms (median of {RUNS}, fastest {:.1} ms), story as read {:>7.1} ms (fastest {:.1} ms)",
        if cache.is_some() {
            "from cache"
        } else {
            "no cache"
        },
        first[RUNS / 2].as_secs_f64() * 1000.0,
        first[0].as_secs_f64() * 1000.0,
        read[RUNS / 2].as_secs_f64() * 1000.0,
        read[0].as_secs_f64() * 1000.0,
    );
}

/// One start of the explorer: the time until a whole frame showing `title`
/// was on the terminal, and until the story as read was.
fn explorer_once(dir: &Path, title: &str, cache: Option<&Path>) -> (Duration, Duration) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_annals"));
    command.arg("--data");
    command.arg(dir);
    command.env("TERM", "xterm-256color");
    command.env(
        annals::cache::DIR_VARIABLE,
        cache.map_or(std::ffi::OsStr::new(""), Path::as_os_str),
    );
    let started = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("annals starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    // The screen as a terminal shows it: after the first frame only the
    // cells that change are written, so the bytes alone do not say.
    let mut screen = vt100::Parser::new(
        std::num::NonZeroU16::new(40).expect("rows"),
        std::num::NonZeroU16::new(120).expect("columns"),
        0,
    );
    let mut buf = [0u8; 65536];
    let (mut first, mut read) = (None, None);
    while read.is_none() {
        let n = reader.read(&mut buf).expect("the explorer writes");
        assert!(n > 0, "the explorer ended before showing the story");
        screen.process(&buf[..n]);
        // A frame is whole once its last row, the status bar, is written:
        // a glance's says the files are being read, the story's does not.
        let shown = screen.screen().contents();
        let status = shown.lines().last().unwrap_or_default();
        if shown.contains(title) && status.contains(" events") {
            first.get_or_insert_with(|| started.elapsed());
            if !status.contains("reading the files") {
                read = Some(started.elapsed());
            }
        }
    }
    let mut keys = pty.master.take_writer().expect("a writer");
    keys.write_all(b"q").expect("q is sent");
    // Read to the end, so the explorer is never held up writing its last bytes.
    while reader.read(&mut buf).is_ok_and(|n| n > 0) {}
    assert!(child.wait().expect("annals ends").success());
    let read = read.expect("the story as read");
    (first.unwrap_or(read), read)
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
            run_explorer(dir.path(), "Aldamar harbour affair", cache);
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
