//! The `annals` command line: a thin layer over the library crates. Parsing is
//! in [`cli`], each command in [`cmd`]; this file only dispatches and turns
//! outcomes into exit codes: 0 ok, 1 data problems, 2 usage.

mod cli;
mod cmd;
mod open;
mod output;
mod pager;

use std::io;
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use cli::{Cli, ColorChoice, Command};
use output::{DATA_PROBLEM, USAGE};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    run(cli)
}

/// `--help`, `--version` and usage errors: printed by clap, and a failure to
/// print them (a full disk) is reported, not hidden behind exit code 0.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let informational = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    match e.print() {
        Err(err) if informational && err.kind() != io::ErrorKind::BrokenPipe => {
            output::failed(&output::WriteError(err))
        }
        _ if informational => ExitCode::SUCCESS,
        _ => ExitCode::from(USAGE),
    }
}

/// `annals frobnicate`: a word that is neither a command nor a path is a
/// mistyped command, a usage error, rather than a missing data folder.
fn not_a_command(path: &std::path::Path) -> Option<String> {
    use clap::CommandFactory;
    let word = path.to_str()?;
    let plain = word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !plain || path.exists() {
        return None;
    }
    let command = Cli::command();
    let names = command.get_subcommands().map(|c| c.get_name());
    let help = annals_core::suggest::with_suggestion(
        word,
        names,
        "see `annals --help` for the commands".to_string(),
    );
    Some(format!(
        "error: `{}` is not a command, a file or a folder\n    {help}",
        annals_core::text::sanitize_line(word)
    ))
}

fn run(cli: Cli) -> ExitCode {
    let global = &cli.global;
    if cli.path.is_some() && global.data.is_some() {
        output::eprintln_safe("error: give the data either as PATH or with --data, not both");
        return ExitCode::from(USAGE);
    }
    if let Some(path) = &cli.path
        && let Some(message) = not_a_command(path)
    {
        output::eprintln_safe(&message);
        return ExitCode::from(USAGE);
    }
    // The data may also follow the command: `annals check DIR`.
    let after = match &cli.command {
        Some(Command::Check(args)) => args.path.as_deref(),
        Some(Command::Print(args)) => args.path.as_deref(),
        _ => None,
    };
    if after.is_some() && (cli.path.is_some() || global.data.is_some()) {
        output::eprintln_safe("error: give the data once: as PATH or with --data");
        return ExitCode::from(USAGE);
    }
    let data = after.or(open::data_path(cli.path.as_deref(), global));
    // The explorer's config is read before anything starts, so a broken one
    // stops annals at once (and is checked whenever --config is given).
    let explorer = cli.command.is_none() && output::interactive();
    let config = if explorer || global.config.is_some() {
        match annals::config::load(global.config.as_deref()) {
            Ok(config) => config,
            Err(problems) => {
                output::eprintln_safe(&problems.to_string());
                return ExitCode::from(USAGE);
            }
        }
    } else {
        annals::config::Config::default()
    };
    let result = match &cli.command {
        Some(Command::Extract(args)) => cmd::extract::run(args, &open::options(global)),
        Some(Command::Completions { shell }) => {
            cmd::help::completions(*shell).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Man) => cmd::help::man().map(|()| ExitCode::SUCCESS),
        Some(Command::Draft(args)) => cmd::draft::run(args, data, &open::options(global)),
        command => {
            let opened = match open::open(data, global) {
                Ok(opened) => opened,
                Err(problems) => {
                    output::eprintln_safe(&problems.to_string());
                    return ExitCode::from(DATA_PROBLEM);
                }
            };
            // Articles that could not be drafted are reported, and make the
            // exit code 1, but the others are still shown.
            let partial = !opened.problems.is_empty();
            if partial {
                output::eprintln_safe(&opened.problems.to_string());
            }
            if let (Some(hint), false) = (&opened.draft, explorer) {
                output::eprintln_safe(&format!("note: {hint}"));
            }
            let timeline = &opened.timeline;
            let outcome = match command {
                Some(Command::Check(_)) => {
                    cmd::check::run(timeline, opened.draft.is_some()).map(|()| ExitCode::SUCCESS)
                }
                Some(Command::Print(args)) => cmd::print::run(timeline, args),
                None if explorer => {
                    let theme = annals::ui::theme::choose(
                        match global.color {
                            ColorChoice::Auto => None,
                            ColorChoice::Always => Some(true),
                            ColorChoice::Never => Some(false),
                        },
                        std::env::var("NO_COLOR").ok().as_deref(),
                        config.theme.unwrap_or_default(),
                    );
                    match annals::ui::run(timeline, theme, config.keymap(), opened.draft.clone()) {
                        Ok(()) => Ok(ExitCode::SUCCESS),
                        Err(e) => {
                            output::eprintln_safe(&format!(
                                "annals: the terminal failed: {}",
                                output::reason(&e)
                            ));
                            Ok(ExitCode::from(DATA_PROBLEM))
                        }
                    }
                }
                _ => cmd::print::run(
                    timeline,
                    &cli::PrintArgs {
                        path: None,
                        sources: Vec::new(),
                        passages: false,
                        format: cli::FormatArg::Text,
                        no_pager: false,
                    },
                ),
            };
            // The process ends next: freeing a large timeline piece by piece
            // would only cost time.
            std::mem::forget(opened);
            match outcome {
                Ok(code) if partial && code == ExitCode::SUCCESS => {
                    Ok(ExitCode::from(DATA_PROBLEM))
                }
                other => other,
            }
        }
    };
    result.unwrap_or_else(|e| output::failed(&e))
}
