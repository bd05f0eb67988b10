//! The `annals` command line: a thin layer over the library crates. Parsing is
//! in [`cli`], each command in [`cmd`]; this file resolves what the command
//! line asks for once (the data path, the config) and dispatches. Every way
//! out but success is a [`Failure`], reported and turned into an exit code in
//! one place, [`Failure::report`]: 0 ok, 1 data problems, 2 usage, 3 output
//! or terminal failed.

mod cli;
mod cmd;
mod failure;
mod open;
mod output;
mod pager;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use cli::{Cli, ColorChoice, Command, Global};
use failure::{Failure, with_problems};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(failure) => failure.report(),
    }
}

/// Everything annals does, from the command line to the last byte written.
fn run() -> Result<ExitCode, Failure> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // `--help` and `--version` are answers, not failures; writing them
        // can still fail (a full disk), and that is said.
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            e.print()
                .map_err(|error| Failure::Io { path: None, error })?;
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => {
            // `annals prnt story/`: clap takes `prnt` for the PATH and stops
            // at `story/`; the mistyped command is the mistake to name.
            // (`annals --color never prnt x` is the same mistake: `x` then
            // stands where a command would.)
            if matches!(
                e.kind(),
                ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand
            ) && let Some(word) = first_word(std::env::args_os().skip(1))
                && let Some(message) = not_a_command(Path::new(&word))
                // Only a near miss: the word may be an option's value.
                && message.contains("did you mean")
            {
                return Err(Failure::Usage(message));
            }
            // `annals extract --data x`: said as `annals --data x extract` is.
            if e.kind() == ErrorKind::UnknownArgument
                && let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg)
                && (arg == "--data" || arg.starts_with("--data="))
                && let Some(word) = first_word(std::env::args_os().skip(1))
                && let Some(message) = word.to_str().and_then(takes_no_data)
            {
                return Err(Failure::Usage(message));
            }
            return Err(Failure::Cli(e));
        }
    };
    let data = data_path(&cli)?;
    let global = &cli.global();
    // The explorer's config is read before anything starts, so a broken one
    // stops annals at once (and is checked whenever --config is given).
    let explorer = cli.command.is_none() && output::interactive();
    check_tables(&cli, global, data, explorer)?;
    let config = if explorer || global.config.is_some() {
        annals::config::load(global.config.as_deref()).map_err(Failure::Config)?
    } else {
        annals::config::Config::default()
    };
    match &cli.command {
        Some(Command::Extract(args)) => cmd::extract::run(args, &open::options(global))?,
        Some(Command::Completions { shell }) => cmd::help::completions(*shell)?,
        Some(Command::Man) => cmd::help::man()?,
        Some(Command::Draft(args)) => cmd::draft::run(args, data, &open::options(global))?,
        Some(Command::Check(_)) | Some(Command::Print(_)) | None => {
            show(&cli, global, data, explorer, config)?
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads the built-in tables the command will need, so that a broken one
/// (a bug) is said before it starts, not met halfway through it.
fn check_tables(
    cli: &Cli,
    global: &Global,
    data: Option<&Path>,
    explorer: bool,
) -> Result<(), Failure> {
    if explorer || global.config.is_some() {
        annals::ui::keymap::check_defaults()?;
    }
    match &cli.command {
        Some(Command::Extract(_)) => annals_tagger::check_tables()?,
        // Every story shown is compared.
        Some(Command::Check(_) | Command::Print(_)) | None if data.is_none() => {
            annals_compare::check_tables()?
        }
        // A folder of articles may be drafted in memory.
        Some(Command::Draft(_) | Command::Check(_) | Command::Print(_)) | None
            if data.is_some() =>
        {
            annals_draft::check_tables()?;
            if !matches!(cli.command, Some(Command::Draft(_))) {
                annals_compare::check_tables()?
            }
        }
        _ => {}
    }
    Ok(())
}

/// The one data path of the command line, wherever it was given: before the
/// command (`annals PATH print`), after it (`annals print PATH`) or as
/// `--data PATH`; `None` for the bundled story. Given twice, or to a command
/// that reads no data folder, it is a usage error.
fn data_path(cli: &Cli) -> Result<Option<&Path>, Failure> {
    let (after, takes_data) = match &cli.command {
        Some(Command::Check(args)) => (args.path.as_deref(), true),
        Some(Command::Print(args)) => (args.path.as_deref(), true),
        Some(Command::Draft(args)) => (args.path.as_deref(), true),
        Some(Command::Extract(_) | Command::Completions { .. } | Command::Man) => (None, false),
        None => (None, true),
    };
    let data_after = cli.command_data().and_then(|d| d.data.as_deref());
    let given: Vec<&Path> = [
        cli.path.as_deref(),
        cli.data.data.as_deref(),
        after,
        data_after,
    ]
    .into_iter()
    .flatten()
    .collect();
    // `annals --data story prnt`: the typo, not the data given twice.
    if let Some(path) = &cli.path
        && let Some(message) = not_a_command(path)
    {
        return Err(Failure::Usage(message));
    }
    if given.len() > 1 {
        return Err(Failure::Usage(
            "give the data once: as PATH (before or after the command) or with --data".into(),
        ));
    }
    let path = given.first().copied();
    if path.is_some() && !takes_data {
        let name = match &cli.command {
            Some(Command::Extract(_)) => "extract",
            Some(Command::Completions { .. }) => "completions",
            _ => "man",
        };
        return Err(Failure::Usage(takes_no_data(name).unwrap_or_default()));
    }
    Ok(path)
}

/// Why command `name` is given no data folder, if it reads none.
fn takes_no_data(name: &str) -> Option<String> {
    let what = match name {
        "extract" => "it reads the FILEs it is given",
        "completions" | "man" => "it reads nothing",
        _ => return None,
    };
    Some(format!(
        "`annals {name}` takes no data folder (PATH or --data): {what}"
    ))
}

/// The first word of the command line that is not an option or an
/// option's value (`never` in `--color never prnt`): where a command goes.
fn first_word(args: impl Iterator<Item = std::ffi::OsString>) -> Option<std::ffi::OsString> {
    use clap::CommandFactory;
    let command = Cli::command();
    let mut options: Vec<&clap::Arg> = command.get_arguments().collect();
    for sub in command.get_subcommands() {
        options.extend(sub.get_arguments());
    }
    let takes_value = |arg: &clap::Arg| {
        arg.get_num_args().is_none_or(|n| n.takes_values())
            && !matches!(
                arg.get_action(),
                clap::ArgAction::SetTrue
                    | clap::ArgAction::SetFalse
                    | clap::ArgAction::Count
                    | clap::ArgAction::Help
                    | clap::ArgAction::Version
            )
    };
    let long = |name: &str| {
        options
            .iter()
            .any(|a| a.get_long() == Some(name) && takes_value(a))
    };
    let short = |c: char| {
        options
            .iter()
            .any(|a| a.get_short() == Some(c) && takes_value(a))
    };
    let mut args = args;
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            return Some(arg);
        };
        if text == "--" {
            return args.next();
        }
        if let Some(name) = text.strip_prefix("--") {
            if !name.contains('=') && long(name) {
                args.next();
            }
        } else if let Some(cluster) = text.strip_prefix('-').filter(|c| !c.is_empty()) {
            // `-s ID`, and `-ps ID`: a value follows only the last letter.
            let letters: Vec<char> = cluster.chars().collect();
            if let Some((&last, before)) = letters.split_last()
                && short(last)
                && !before.iter().any(|&c| short(c))
            {
                args.next();
            }
        } else {
            return Some(arg);
        }
    }
    None
}

/// `annals frobnicate`: a word that is neither a command nor a path is a
/// mistyped command, a usage error, rather than a missing data folder.
fn not_a_command(path: &Path) -> Option<String> {
    use clap::CommandFactory;
    let word = path.to_str()?;
    let plain = word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !plain || path.exists() {
        return None;
    }
    let command = Cli::command();
    // A command given an option it does not take (`annals print --bogus`)
    // is no mistyped command: clap's own error says which option.
    if word == "help" || command.get_subcommands().any(|c| c.get_name() == word) {
        return None;
    }
    let names = command.get_subcommands().map(|c| c.get_name());
    let help = annals_core::suggest::with_suggestion(
        word,
        names,
        "see `annals --help` for the commands".to_string(),
    );
    Some(format!(
        "`{word}` is not a command, a file or a folder\n    {help}"
    ))
}

/// `check`, `print` and plain `annals`: the timeline at `data` (drafted in
/// memory if it is a folder of articles alone), checked, printed or explored.
fn show(
    cli: &Cli,
    global: &Global,
    data: Option<&Path>,
    explorer: bool,
    config: annals::config::Config,
) -> Result<(), Failure> {
    let strictness = match &cli.command {
        Some(Command::Check(_)) => open::Strictness::Check,
        _ => open::Strictness::Show,
    };
    if explorer {
        let theme = annals::ui::theme::choose(
            match global.color {
                ColorChoice::Auto => None,
                ColorChoice::Always => Some(true),
                ColorChoice::Never => Some(false),
            },
            std::env::var("NO_COLOR").ok().as_deref(),
            config.theme.unwrap_or_default(),
        );
        // A large story kept in the cache is drawn at once as it was kept,
        // while its files are read and checked behind it.
        if let Some(glance) = data.and_then(open::glance) {
            let (data, global) = (data.map(Path::to_path_buf), global.clone());
            let shown = annals::ui::terminal::run_after_glance(
                glance,
                move || {
                    open::open_kept(data.as_deref(), &global, strictness)
                        .map(opening)
                        .map_err(Failure::data)
                },
                theme,
                config.keymap(),
            )
            .map_err(Failure::Terminal)?;
            let ended = shown.shown.map_err(Failure::Terminal);
            return match shown.opened {
                // Quit before the story was read: nothing to report.
                None => ended,
                Some(Err(failure)) => Err(failure),
                Some(Ok(problems)) => with_problems(ended, problems),
            };
        }
        let opened = open::open(data, global, strictness).map_err(Failure::data)?;
        let (opening, problems) = opening(opened);
        let shown = annals::ui::run(opening, theme, config.keymap()).map_err(Failure::Terminal);
        return with_problems(shown, problems);
    }
    let mut opened = open::open(data, global, strictness).map_err(Failure::data)?;
    for note in opened.draft.iter().chain(&opened.notes) {
        output::eprintln_safe(&format!("note: {note}"));
    }
    // Articles that could not be drafted are reported, and make the exit
    // code 1, but the others are still shown.
    let problems = std::mem::take(&mut opened.problems);
    let (cached, keep) = (opened.comparison.take(), opened.keep.take());
    let timeline = &opened.timeline;
    let comparison = cached.unwrap_or_else(|| annals_compare::compare(timeline));
    let shown = match &cli.command {
        Some(Command::Check(_)) => cmd::check::run(timeline, &comparison, opened.draft.is_some()),
        Some(Command::Print(args)) => cmd::print::run(timeline, &comparison, args),
        _ => cmd::print::run(
            timeline,
            &comparison,
            &cli::PrintArgs {
                path: None,
                sources: Vec::new(),
                passages: false,
                format: cli::FormatArg::Text,
                events: None,
                no_pager: false,
                data: cli::DataOptions::default(),
                color: cli::QuietColor::default(),
            },
        ),
    };
    // Kept once the answer is out, so the first load is not held up by it.
    if let Some(keep) = keep {
        keep.keep(timeline, &comparison);
    }
    // The process ends next: freeing a large timeline piece by piece
    // would only cost time.
    std::mem::forget(opened);
    std::mem::forget(comparison);
    with_problems(shown, problems)
}

/// What the explorer is handed of an opened story, and the problems to
/// report once it ends (articles that could not be drafted, events left
/// out: the rest is shown, and the exit code is 1). The sources are
/// compared behind the first frame, or taken from the cache, and a load
/// worth keeping is kept once compared.
fn opening(opened: open::Opened) -> (annals::ui::terminal::Opening, annals_core::Problems) {
    let compare: annals::ui::terminal::Compare = match opened.comparison {
        Some(comparison) => Box::new(move |_| comparison),
        None => Box::new(annals_compare::compare),
    };
    let keep = opened.keep.map(|keep| -> annals::ui::terminal::Keep {
        Box::new(move |timeline, comparison| keep.keep(timeline, comparison))
    });
    let opening = annals::ui::terminal::Opening {
        timeline: opened.timeline,
        compare,
        keep,
        draft: opened.draft,
        notes: opened.notes,
    };
    (opening, opened.problems)
}
