//! Writes a synthetic story for benchmarks at scale.
//!
//! ```sh
//! cargo run --release --example synth -- 10000 [--out DIR] [--seed S]
//! ```
//!
//! N articles and 10·N events go to DIR (default `target/synth-N`); then the
//! sizes and how long generating and writing took are printed.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: synth N [--out DIR] [--seed S]";

fn main() -> ExitCode {
    let mut articles = None;
    let mut out = None;
    let mut seed = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let parsed = match arg.as_str() {
            "--out" => args.next().map(|v| out = Some(PathBuf::from(v))),
            "--seed" => args.next().and_then(|v| v.parse().ok()).map(|v| seed = v),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            n if articles.is_none() => n.parse().ok().map(|n| articles = Some(n)),
            _ => None,
        };
        if parsed.is_none() {
            eprintln!("synth: cannot read {arg:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let Some(articles) = articles else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let out = out.unwrap_or_else(|| PathBuf::from(format!("target/synth-{articles}")));

    let started = Instant::now();
    let story = annals_synth::generate(articles, seed);
    let generated = started.elapsed();
    if let Err(e) = story.write_to(&out) {
        eprintln!("synth: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let written = started.elapsed() - generated;
    println!(
        "{}: {articles} articles, {} events, seed {seed}: {} bytes \
         (timeline.toml {} bytes, articles {} bytes); generated in {:.2?}, written in {:.2?}",
        out.display(),
        story.events,
        story.bytes(),
        story.timeline_bytes(),
        story.source_bytes(),
        generated,
        written,
    );
    ExitCode::SUCCESS
}
