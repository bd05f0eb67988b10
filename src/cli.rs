//! The command line, as clap reads it. The same definition gives `--help`,
//! the shell completions (`annals completions`) and the man page (`annals man`).

use std::path::PathBuf;

use annals_core::When;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

/// Turn a handful of news articles about one story into a dated, sourced
/// timeline you can explore from the keyboard.
///
/// With no command, opens the explorer on a terminal and prints the timeline
/// otherwise. With no PATH or --data, uses the bundled story: the US–Taliban
/// agreement signed in Doha on 29 February 2020. A folder of articles without
/// a timeline.toml is drafted in memory (see `annals draft`).
#[derive(Debug, Parser)]
#[command(name = "annals", version, about, long_about)]
pub struct Cli {
    /// A data folder (timeline.toml and articles) or a .jsonl file of articles to open
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    #[command(flatten)]
    pub data: DataOptions,

    #[command(flatten)]
    pub explorer: ExplorerOptions,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where the data is and how to read it: for the explorer and the commands
/// that read a data folder (print, check, draft). Given before a command,
/// they are that command's.
#[derive(Debug, Default, Args)]
pub struct DataOptions {
    /// Data folder (timeline.toml and articles) or .jsonl file of articles [default: the bundled story]
    #[arg(long, value_name = "PATH")]
    pub data: Option<PathBuf>,

    #[command(flatten)]
    pub read: ReadOptions,

    /// Publication date of articles that give none (no front matter, no dateline): 2010-06-07, 7 June 2010
    #[arg(long, value_name = "DAY", value_parser = annals::typed_date::parse_day)]
    pub published: Option<NaiveDate>,
}

/// How large a file may be read: for every command that reads files.
#[derive(Debug, Default, Args)]
pub struct ReadOptions {
    /// Largest file to read, in megabytes [default: 64]
    #[arg(long, value_name = "MB")]
    pub max_file_size: Option<u64>,
}

/// The explorer's options, before any command.
#[derive(Debug, Args)]
pub struct ExplorerOptions {
    /// When to use colour (NO_COLOR in the environment means never)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Explorer config: theme and keys [default: $XDG_CONFIG_HOME/annals/config.toml]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `--color` after `print` or `check`, as people type it anywhere: read,
/// but not listed in their help, since they write no colour.
#[derive(Debug, Default, Args)]
pub struct QuietColor {
    #[arg(long, value_enum, hide = true)]
    pub color: Option<ColorChoice>,
}

/// The largest file read when `--max-file-size` is not given, in megabytes.
pub const MAX_FILE_SIZE: u64 = 64;

/// What the options ask for, wherever they were given: after the command
/// (its own) or before it (the explorer's and the data options).
#[derive(Debug, Clone)]
pub struct Global {
    pub color: ColorChoice,
    pub config: Option<PathBuf>,
    /// In megabytes.
    pub max_file_size: u64,
    pub published: Option<NaiveDate>,
}

impl Cli {
    /// The data options given after the command, for a command that takes them.
    pub fn command_data(&self) -> Option<&DataOptions> {
        match &self.command {
            Some(Command::Print(args)) => Some(&args.data),
            Some(Command::Check(args)) => Some(&args.data),
            Some(Command::Draft(args)) => Some(&args.data),
            Some(Command::Extract(_) | Command::Completions { .. } | Command::Man) | None => None,
        }
    }

    /// The options, those after the command first.
    pub fn global(&self) -> Global {
        let after = self.command_data();
        let read = match &self.command {
            Some(Command::Extract(args)) => Some(&args.read),
            _ => after.map(|data| &data.read),
        };
        let (color, config) = match &self.command {
            Some(Command::Print(args)) => (args.color.color, None),
            Some(Command::Check(args)) => (args.color.color, args.config.as_ref()),
            _ => (None, None),
        };
        Global {
            color: color.unwrap_or(self.explorer.color),
            config: config.or(self.explorer.config.as_ref()).cloned(),
            max_file_size: read
                .and_then(|r| r.max_file_size)
                .or(self.data.read.max_file_size)
                .unwrap_or(MAX_FILE_SIZE),
            published: after
                .and_then(|data| data.published)
                .or(self.data.published),
        }
    }
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal unless NO_COLOR is set
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the timeline as text, Markdown, JSON, or an export (TimelineJS, iCalendar, CSV)
    Print(PrintArgs),
    /// Check a data folder and list every problem (exit 1 if any)
    Check(CheckArgs),
    /// Find and normalise the dates, times and durations in articles
    Extract(ExtractArgs),
    /// Draft a timeline.toml from a folder (or .jsonl file) of articles nobody annotated
    // No bundled story to fall back on: the articles must be given.
    #[command(mut_arg("data", |a| a.help("The articles, as PATH")))]
    Draft(DraftArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man directory
    Man,
}

/// `annals check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The data folder (or .jsonl file) to check, as with --data
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    #[command(flatten)]
    pub data: DataOptions,

    /// An explorer config to check too: theme and keys
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(flatten)]
    pub color: QuietColor,
}

/// `annals print`.
#[derive(Debug, Args)]
pub struct PrintArgs {
    /// The data folder (or .jsonl file) to print, as with --data
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    /// Keep only the events these sources report (repeatable): an id, in any case, or the start of one
    #[arg(long = "source", short = 's', value_name = "ID", value_hint = clap::ValueHint::Other)]
    pub sources: Vec<String>,

    /// Quote the passages behind each event, with summaries and disagreements
    #[arg(long, short = 'p')]
    pub passages: bool,

    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,

    /// Print only the N most salient events (those a person wrote first, then drafted ones by salience)
    #[arg(long, value_name = "N")]
    pub events: Option<usize>,

    /// Never page the output, even on a terminal
    #[arg(long)]
    pub no_pager: bool,

    #[command(flatten)]
    pub data: DataOptions,

    #[command(flatten)]
    pub color: QuietColor,
}

/// The formats of `annals print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// One block an event, aligned on the date
    Text,
    /// Headings and block quotes
    Markdown,
    /// annals' own JSON
    Json,
    /// TimelineJS3 JSON, for Knight Lab's TimelineJS
    Timelinejs,
    /// iCalendar (RFC 5545), one all-day event an event
    Ics,
    /// CSV, one row an event
    Csv,
    /// Which source reports which event, first reports and lags
    Coverage,
    /// The coverage as JSON
    CoverageJson,
}

/// `annals extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Document creation time: what "today" and "Saturday" are relative to
    /// [default: the article's `published` date, else today]
    #[arg(long, value_name = "DAY", value_parser = annals::typed_date::parse_day)]
    pub dct: Option<NaiveDate>,

    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,

    /// Articles to read: files with or without front matter (`-` reads stdin)
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub read: ReadOptions,
}

/// The formats of `annals extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// `file:line:column  TYPE  value  "text"`
    Text,
    /// One JSON object a line
    Jsonl,
}

/// `annals draft`.
#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The articles: a folder (in sources/ or directly in it; .txt, .md, .jsonl) or a .jsonl file
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    /// Draft the timeline of one entity or topic: only events whose passages concern it
    /// (repeatable: a name and its aliases)
    #[arg(long, value_name = "TERM")]
    pub about: Vec<String>,

    /// Leave out events before this date: a year (2010), a month (2010-06, June 2010) or a day
    #[arg(long, value_name = "DATE", value_parser = annals::typed_date::parse)]
    pub since: Option<When>,

    /// Leave out events after this date (a year or a month: to its end)
    #[arg(long, value_name = "DATE", value_parser = annals::typed_date::parse)]
    pub until: Option<When>,

    /// The timeline's title, drafted again too [default: the name most of the articles' titles share]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Keep the N most salient events (0: every one) [default: from the story: 2.5 per article, 20 to 150]
    #[arg(long, value_name = "N")]
    pub events: Option<usize>,

    /// Where to write the timeline (`-` for standard output) [default: PATH/timeline.toml]
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub data: DataOptions,
}
