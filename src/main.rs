//! The `annals` command line: a thin layer over the library.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use annals_core::load::{self, DataFile};
use annals_core::print::{Format, View};
use annals_core::{Problems, Timeline};
use annals_tagger::Tagger;

/// Exit code for data problems.
const DATA_PROBLEM: u8 = 1;
/// Exit code for usage errors, as clap uses.
const USAGE: u8 = 2;

/// Turn a handful of news articles about one story into a dated, sourced
/// timeline you can explore from the keyboard.
///
/// With no command, opens the explorer on a terminal and prints the timeline
/// otherwise. With no --data, uses the bundled story: the US–Taliban agreement
/// signed in Doha on 29 February 2020.
#[derive(Debug, Parser)]
#[command(name = "annals", version, about, long_about)]
struct Cli {
    /// Data folder holding timeline.toml and sources/*.txt [default: the bundled story]
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,

    /// When to use colour (NO_COLOR in the environment means never)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    /// Explorer config: theme and keys [default: $XDG_CONFIG_HOME/annals/config.toml]
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the timeline as text, Markdown or JSON
    Print(PrintArgs),
    /// Check a data folder and list every problem (exit 1 if any)
    Check,
    /// Find and normalise the dates, times and durations in articles
    Extract(ExtractArgs),
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Document creation time: what "today" and "Saturday" are relative to
    /// [default: the article's `published` date, else today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    dct: Option<NaiveDate>,

    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,

    /// Articles to read: source files with front matter, or plain text (`-` reads stdin)
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Text,
    Jsonl,
}

#[derive(Debug, Args)]
struct PrintArgs {
    /// Keep only the events these sources report (repeatable)
    #[arg(long = "source", short = 's', value_name = "ID")]
    sources: Vec<String>,

    /// Quote the passages behind each event, with summaries and disagreements
    #[arg(long, short = 'p')]
    passages: bool,

    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Text,
    Markdown,
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { USAGE } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annals: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Extraction reads its own files; it needs no timeline.
    if let Some(Command::Extract(args)) = &cli.command {
        return extract(args);
    }
    let explorer = cli.command.is_none() && io::stdout().is_terminal() && io::stdin().is_terminal();
    // Read before anything starts, so a broken config stops annals at once.
    let config = if explorer || cli.config.is_some() {
        match annals::config::load(cli.config.as_deref()) {
            Ok(config) => config,
            Err(problems) => {
                report(&problems);
                return Ok(ExitCode::from(USAGE));
            }
        }
    } else {
        annals::config::Config::default()
    };
    let timeline = match load(&cli) {
        Ok(t) => t,
        Err(problems) => {
            report(&problems);
            return Ok(ExitCode::from(DATA_PROBLEM));
        }
    };
    match cli.command {
        Some(Command::Check) => {
            println!(
                "ok: {} events from {} sources, every quote found",
                timeline.events.len(),
                timeline.sources.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Print(args)) => print(&timeline, &args),
        Some(Command::Extract(_)) => unreachable!("handled before loading"),
        None if explorer => {
            let theme = annals::ui::theme::choose(
                match cli.color {
                    ColorChoice::Auto => None,
                    ColorChoice::Always => Some(true),
                    ColorChoice::Never => Some(false),
                },
                std::env::var("NO_COLOR").ok().as_deref(),
                config.theme.unwrap_or_default(),
            );
            annals::ui::run(&timeline, theme, config.keymap())?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let args = PrintArgs {
                sources: Vec::new(),
                passages: false,
                format: FormatArg::Text,
            };
            print(&timeline, &args)
        }
    }
}

fn load(cli: &Cli) -> Result<Timeline, Problems> {
    match &cli.data {
        Some(dir) => annals_core::load(dir),
        None => annals::bundled::load(),
    }
}

fn report(problems: &Problems) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{problems}");
}

fn print(timeline: &Timeline, args: &PrintArgs) -> anyhow::Result<ExitCode> {
    let mut view = View::new(timeline);
    view.passages = args.passages;
    if !args.sources.is_empty() {
        view.visible = vec![false; timeline.sources.len()];
        for id in &args.sources {
            match timeline.source_index(id) {
                Some(i) => view.visible[i] = true,
                None => {
                    let known: Vec<&str> = timeline.sources.iter().map(|s| s.id.as_str()).collect();
                    eprintln!(
                        "error: unknown source `{id}`\n    known sources: {}",
                        known.join(", ")
                    );
                    return Ok(ExitCode::from(USAGE));
                }
            }
        }
    }
    let out = view.render(args.format.into());
    let mut stdout = io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn extract(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let tagger = Tagger::new();
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for path in &args.files {
        let file = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes)?;
            DataFile {
                path: PathBuf::from("<stdin>"),
                bytes,
            }
        } else {
            match std::fs::read(path) {
                Ok(bytes) => DataFile {
                    path: path.clone(),
                    bytes,
                },
                Err(e) => {
                    eprintln!("error: {}: cannot read: {e}", path.display());
                    failed = true;
                    continue;
                }
            }
        };
        let name = file.path.display().to_string();
        let article = match load::read_article(file) {
            Ok(article) => article,
            Err(problems) => {
                report(&problems);
                failed = true;
                continue;
            }
        };
        let dct = match args.dct.or(article.published) {
            Some(dct) => dct,
            None => {
                let today = chrono::Local::now().date_naive();
                eprintln!(
                    "note: {name}: no --dct and no front matter; dates are resolved against today, {today}"
                );
                today
            }
        };
        let found = tagger.tag(&article.body, dct);
        match args.format {
            ExtractFormat::Jsonl => annals_tagger::output::jsonl(&mut stdout, &found)?,
            ExtractFormat::Text => annals_tagger::output::text(
                &mut stdout,
                &name,
                &article.body,
                article.body_line,
                &found,
            )?,
        }
    }
    stdout.flush()?;
    Ok(if failed {
        ExitCode::from(DATA_PROBLEM)
    } else {
        ExitCode::SUCCESS
    })
}
