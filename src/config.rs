//! The user's config file: a theme and key bindings for the explorer.
//!
//! `$XDG_CONFIG_HOME/annals/config.toml` (else `~/.config/annals/config.toml`),
//! or the file given with `--config`. Every mistake is reported at its
//! `file:line:column` with a suggestion, as the data loader does, and the
//! explorer does not start.
//!
//! ```toml
//! theme = "light"          # "dark" (the default), "light" or "mono"
//!
//! [keys.main]              # a table per screen, as in src/ui/keys.toml (KEYS in `annals man`)
//! quit = ["x"]             # replaces quit's keys on that screen: x quits, q does nothing
//! ```

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::ui::keymap::Keymap;
use crate::ui::keytable::{KeyTable, Mistake, MistakeKind, quoted};
use crate::ui::theme::ThemeName;
use annals_core::suggest::with_suggestion;
use annals_core::{Position, Problem, Problems};

/// What the config file asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The theme, if the file names one.
    pub theme: Option<ThemeName>,
    /// New keys for actions, read and checked.
    pub keys: KeyTable,
}

impl Config {
    /// The default key bindings with the config's laid over them.
    pub fn keymap(&self) -> Keymap {
        let mut keymap = Keymap::default();
        // A clash is a mistake that `parse` reported: this config never got here.
        keymap.overlay(&self.keys);
        keymap
    }
}

/// Where the config file is looked for when no `--config` is given.
pub fn default_path(xdg_config_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    let base = match (xdg_config_home.filter(|d| !d.is_empty()), home) {
        (Some(dir), _) => PathBuf::from(dir),
        (None, Some(home)) if !home.is_empty() => Path::new(home).join(".config"),
        _ => return None,
    };
    Some(base.join("annals").join("config.toml"))
}

/// Reads the config: the file given (which must exist), else the default
/// one if there is one, else the defaults.
pub fn load(given: Option<&Path>) -> Result<Config, Problems> {
    let path = match given {
        Some(path) => path.to_path_buf(),
        None => {
            let xdg = std::env::var("XDG_CONFIG_HOME").ok();
            let home = std::env::var("HOME").ok();
            match default_path(xdg.as_deref(), home.as_deref()) {
                Some(path) if path.exists() => path,
                _ => return Ok(Config::default()),
            }
        }
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&path, &text),
        Err(e) => {
            let mut problems = Problems::new();
            problems.push(
                Problem::new(
                    &path,
                    Position::START,
                    format!(
                        "cannot read the config: {}",
                        annals_core::load::io_reason(&e)
                    ),
                )
                .with_help("give --config a readable TOML file, or leave it out"),
            );
            Err(problems)
        }
    }
}

/// Reads a config's text; `path` names it in messages.
pub fn parse(path: &Path, text: &str) -> Result<Config, Problems> {
    let mut reader = Reader {
        path,
        text,
        problems: Vec::new(),
    };
    let config = reader.config();
    if reader.problems.is_empty() {
        return Ok(config);
    }
    // Top to bottom, as the file reads.
    reader.problems.sort_by_key(|p| p.position);
    let mut problems = Problems::new();
    for p in reader.problems {
        problems.push(p);
    }
    Err(problems)
}

/// Reads one file, gathering every problem.
struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, span: Range<usize>, message: String, help: String) {
        let at = Position::of_offset(self.text, span.start);
        self.problems
            .push(Problem::new(self.path, at, message).with_help(help));
    }

    fn config(&mut self) -> Config {
        let (table, errors) = DeTable::parse_recoverable(self.text);
        if !errors.is_empty() {
            for error in errors {
                let message = error.message().trim().replace('\n', "; ");
                self.problem(
                    error.span().unwrap_or(0..0),
                    format!("TOML syntax: {message}"),
                    "fix the TOML syntax: strings need \"quotes\", tables [brackets]".into(),
                );
            }
            return Config::default();
        }
        let mut config = Config::default();
        for (key, value) in table.get_ref() {
            match key.get_ref().as_ref() {
                "theme" => config.theme = self.theme(value),
                "keys" => config.keys = self.keys(value),
                other => {
                    let help = with_suggestion(
                        other,
                        ["theme", "keys"],
                        "a config has `theme` and [keys.SCREEN] tables".into(),
                    );
                    self.problem(key.span(), format!("unknown setting `{other}`"), help);
                }
            }
        }
        config
    }

    fn theme(&mut self, value: &Spanned<DeValue>) -> Option<ThemeName> {
        let names = ThemeName::ALL.map(|(n, _)| n);
        let help = || format!("the themes are {}", quoted(&names));
        let Some(name) = value.get_ref().as_str() else {
            self.problem(
                value.span(),
                format!(
                    "`theme` must be a string, not {}",
                    value.get_ref().type_str()
                ),
                help(),
            );
            return None;
        };
        let theme = ThemeName::from_name(name);
        if theme.is_none() {
            let help = with_suggestion(name, names, help());
            self.problem(value.span(), format!("unknown theme `{name}`"), help);
        }
        theme
    }

    /// `[keys]`: read by the same [`KeyTable`] as the default bindings, then
    /// laid over them, where a key on two actions of a screen is a mistake.
    fn keys(&mut self, value: &Spanned<DeValue>) -> KeyTable {
        if value.get_ref().as_table().is_none() {
            let mistake = Mistake {
                span: value.span(),
                kind: MistakeKind::NotScreens(value.get_ref().type_str()),
            };
            let (message, help) = mistake.describe("keys.");
            self.problem(mistake.span, message, help);
            return KeyTable::default();
        }
        let table = match KeyTable::deserialize(value.clone().into_deserializer()) {
            Ok(table) => table,
            Err(e) => {
                let span = e.span().unwrap_or(value.span());
                self.problem(
                    span,
                    e.message().to_string(),
                    "`annals man` lists every screen, action and key name (KEYS)".into(),
                );
                return KeyTable::default();
            }
        };
        let clashes = Keymap::default().overlay(&table);
        for mistake in table.mistakes.iter().chain(&clashes) {
            let (message, help) = mistake.describe("keys.");
            self.problem(mistake.span.clone(), message, help);
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::action::Action;
    use crate::ui::mode::Mode;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn errors(text: &str) -> String {
        match parse(Path::new("config.toml"), text) {
            Ok(c) => panic!("expected errors, got {c:?}"),
            Err(p) => p.to_string(),
        }
    }

    #[test]
    fn a_config_sets_the_theme_and_replaces_an_actions_keys() {
        let c = parse(
            Path::new("c.toml"),
            "theme = \"light\"\n[keys.main]\nquit = [\"x\"]\n",
        )
        .expect("valid");
        assert_eq!(c.theme, Some(ThemeName::Light));
        let keymap = c.keymap();
        let press = |ch| KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE);
        assert_eq!(keymap.action(Mode::Main, &press('x')), Some(Action::Quit));
        assert_eq!(keymap.action(Mode::Main, &press('q')), None);
        assert_eq!(
            keymap.first_key(Mode::Main, Action::Quit).as_deref(),
            Some("x")
        );
        assert_eq!(parse(Path::new("c.toml"), ""), Ok(Config::default()));
    }

    #[test]
    fn syntax_errors_have_a_line_and_column() {
        let e = errors("theme = \"dark\"\n[keys.main\n");
        assert!(e.contains("config.toml:2:"), "{e}");
        assert!(e.contains("TOML syntax"), "{e}");
    }

    #[test]
    fn unknown_names_are_placed_and_corrected() {
        let e = errors("theme = \"ligth\"\n");
        assert!(e.contains("config.toml:1:9: unknown theme `ligth`"), "{e}");
        assert!(e.contains("did you mean `light`?"), "{e}");
        let e = errors("[keys.mian]\nquit = [\"x\"]\n");
        assert!(e.contains("config.toml:1:7: unknown screen `mian`"), "{e}");
        assert!(e.contains("did you mean `main`?"), "{e}");
        let e = errors("[keys.main]\nqiut = [\"x\"]\n");
        assert!(e.contains("config.toml:2:1: unknown action `qiut`"), "{e}");
        assert!(e.contains("did you mean `quit`?"), "{e}");
        let e = errors("[keys.main]\nquit = [\"Ctrl-Entr\"]\n");
        assert!(
            e.contains("config.toml:2:9: unknown key `Ctrl-Entr`"),
            "{e}"
        );
        assert!(e.contains("did you mean `Enter`?"), "{e}");
        let e = errors("colour = 1\n");
        assert!(e.contains("unknown setting `colour`"), "{e}");
    }

    #[test]
    fn wrong_types_are_errors() {
        let e = errors("theme = 3\n");
        assert!(
            e.contains("config.toml:1:9: `theme` must be a string, not integer"),
            "{e}"
        );
        let e = errors("[keys.main]\nquit = \"x\"\n");
        assert!(
            e.contains("config.toml:2:8: `quit` must be a list of keys"),
            "{e}"
        );
        let e = errors("[keys.main]\nquit = [1]\n");
        assert!(e.contains("config.toml:2:9: a key must be a string"), "{e}");
        let e = errors("keys = 1\n");
        assert!(e.contains("`keys` must be a table"), "{e}");
        let e = errors("[keys]\nmain = 2\n");
        assert!(e.contains("[keys.main] must be a table"), "{e}");
    }

    #[test]
    fn a_key_on_two_actions_of_a_screen_is_an_error() {
        // j is still down's on the main screen.
        let e = errors("[keys.main]\nquit = [\"j\"]\n");
        assert!(
            e.contains(
                "config.toml:2:9: key `j` is bound to both `quit` and `down` on [keys.main]"
            ),
            "{e}"
        );
        let e = errors("[keys.main]\nquit = [\"x\"]\nhelp = [\"x\"]\n");
        assert!(e.contains("key `x` is bound to both"), "{e}");
        // Moving down away from j frees it.
        assert!(
            parse(
                Path::new("c.toml"),
                "[keys.main]\nquit = [\"j\"]\ndown = [\"Down\"]\n"
            )
            .is_ok()
        );
        // Ctrl-C and Ctrl-Z stay the explorer's.
        let e = errors("[keys.main]\nquit = [\"Ctrl-c\"]\n");
        assert!(e.contains("cannot be rebound"), "{e}");
    }

    #[test]
    fn the_readme_example_is_a_valid_config() {
        let readme = include_str!("../README.md");
        let section = &readme[readme.find("### Config").expect("a Config section")..];
        let start = section.find("```toml\n").expect("an example") + 8;
        let example = &section[start..start + section[start..].find("```").expect("its end")];
        let config = parse(Path::new("README.md"), example);
        let config = config.unwrap_or_else(|p| panic!("{p}"));
        assert_eq!(config.theme, Some(ThemeName::Light));
        assert_eq!(config.keys.entries.len(), 3);
    }

    #[test]
    fn the_default_file_follows_xdg() {
        assert_eq!(
            default_path(Some("/x"), Some("/home/u")),
            Some(PathBuf::from("/x/annals/config.toml"))
        );
        assert_eq!(
            default_path(Some(""), Some("/home/u")),
            Some(PathBuf::from("/home/u/.config/annals/config.toml"))
        );
        assert_eq!(default_path(None, None), None);
    }
}
