//! `annals completions SHELL` and `annals man`: generated from the same
//! command-line definition as `--help`, so they never drift from it.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::failure::Failure;
use crate::output;

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Result<(), Failure> {
    // clap_complete panics when it cannot write, so it writes to memory first.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "annals", &mut script);
    output::stdout(|out| out.write_all(&script))
}

/// Prints the manual page in roff.
pub fn man() -> Result<(), Failure> {
    output::stdout(|out| clap_mangen::Man::new(Cli::command()).render(out))
}
