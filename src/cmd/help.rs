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

/// Prints the manual page in roff: clap's sections for the command line,
/// each command with its own options (there are no separate pages for
/// them), then what `--help` has no room for: the explorer's keys (from the
/// same table as its help overlay), the config, exit codes and environment.
pub fn man() -> Result<(), Failure> {
    let page = manual().map_err(|error| Failure::Io { path: None, error })?;
    output::stdout(|out| out.write_all(page.as_bytes()))
}

/// The manual page, as roff text.
pub fn manual() -> std::io::Result<String> {
    let cli = Cli::command();
    let man = clap_mangen::Man::new(cli.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(".SH COMMANDS\n");
    for sub in cli.get_subcommands() {
        let name = format!("annals {}", sub.get_name());
        page.push_str(&format!(".SS \"{name}\"\n"));
        page.push_str(&roff_text(
            &sub.get_about().map(|a| a.to_string()).unwrap_or_default(),
        ));
        let mut options = Vec::new();
        clap_mangen::Man::new(sub.clone()).render_options_section(&mut options)?;
        // Its options under its own heading, not a second OPTIONS section.
        page.push_str(&String::from_utf8_lossy(&options).replace(".SH OPTIONS\n", ""));
    }
    page.push_str(&keys_section());
    page.push_str(MORE);
    Ok(page)
}

/// Text for roff: backslashes escaped, and no line read as a request.
fn roff_text(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = line.replace('\\', "\\e");
        if line.starts_with(['.', '\'']) {
            out.push_str("\\&");
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// KEYS: every screen's bindings, as the help overlay lists them.
fn keys_section() -> String {
    use annals::ui::keymap::{Keymap, Mode, display};
    let keymap = Keymap::default();
    let mut page = String::from(
        ".SH KEYS\nThe explorer's default keys, one table per screen, as in its help \
         overlay (\\fB?\\fR). Ctrl\\-C always quits and Ctrl\\-Z suspends; any other key \
         can be rebound in the config (CONFIG).\n",
    );
    for mode in Mode::ALL {
        page.push_str(&format!(".SS \"{} [{}]\"\n", mode.title(), mode.name()));
        for b in keymap.bindings(mode) {
            let keys: Vec<String> = b.keys.iter().map(|(_, k)| display(k)).collect();
            page.push_str(".TP\n");
            page.push_str(&roff_text(&keys.join(", ")));
            page.push_str(&roff_text(&b.action.help_on(mode)));
        }
    }
    page
}

/// CONFIG, EXIT STATUS, ENVIRONMENT and FILES, as the README says them.
const MORE: &str = r#".SH CONFIG
The explorer reads \fI$XDG_CONFIG_HOME/annals/config.toml\fR (\fI~/.config/annals/config.toml\fR
when XDG_CONFIG_HOME is unset), or the file given with \fB\-\-config\fR:
.PP
.nf
theme = "light"            # dark (the default), light or mono
[keys.main]                # a table per screen (see KEYS): main, passages,
quit = ["x"]               # compare, coverage, article, picker, prompt,
detail\-down = ["J", "Ctrl\-n"]   # help; each entry replaces that action's keys there
.fi
.PP
A key is a character ("j", "G", "/") or Enter, Esc, Tab, BackTab, Backspace, Space,
Up, Down, Left, Right, Home, End, PageUp, PageDown, with Ctrl\- or Alt\- in front for
a modifier. The action names are those in brackets under KEYS' screens, written as
in the help overlay's table: quit, back, help, down, up, top, bottom, page\-down,
page\-up, half\-page\-down, half\-page\-up, detail\-down, detail\-up, open,
open\-article, next\-source, previous\-source, toggle\-source\-1 ... toggle\-source\-9,
show\-all\-sources, source\-picker, toggle, search, next\-match, previous\-match, jump,
confirm, cancel, delete\-char. A mistake stops annals with exit code 2 and the
file:line:column of every mistake.
.SH EXIT STATUS
.TP
0
success, or standard output closed by its reader (annals print | head)
.TP
1
problems in the data (some may have been shown anyway: what loads is shown, and the
problems listed after it)
.TP
2
a usage error: the command line or the config
.TP
3
output that could not be written, or a terminal that failed
.TP
71
memory exhausted
.SH ENVIRONMENT
.TP
NO_COLOR
set to anything non\-empty: no colour (as \fB\-\-color never\fR)
.TP
PAGER
the pager for \fBannals print\fR on a terminal when the output is taller than the
screen (default \fIless \-FRX\fR); empty: no pager. A pager that cannot run is
said, and the output printed without it.
.TP
LESS
passed to the pager; FRX when unset
.TP
XDG_CONFIG_HOME
where the config is looked for (CONFIG)
.TP
ANNALS_CACHE_DIR
where a large story's verified load is kept (FILES); set but empty: no cache
.TP
XDG_CACHE_HOME
where the cache is when ANNALS_CACHE_DIR is unset (default \fI~/.cache\fR)
.SH FILES
.TP
\fIPATH/timeline.toml\fR
the events of a data folder, with the articles beside it or in \fIPATH/sources/\fR
(.txt, .md, .jsonl); written by \fBannals draft\fR
.TP
\fI$XDG_CONFIG_HOME/annals/config.toml\fR
the explorer's theme and keys
.TP
\fI$XDG_CACHE_HOME/annals/\fR
a story of 4 MB or more, once loaded without a problem, is kept here
(one file per data folder): opened again with every file byte for byte the
same, and by the same build of annals, its events and the comparison of its
sources are read from here rather than parsed, verified and compared again.
The explorer draws such a story from here at once, as it was kept, while it
reads and checks the files ("reading the files…"), then shows the story as
the files are. Safe to delete at any time.
"#;
