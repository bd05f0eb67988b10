//! Key bindings: `keys.toml` read into a table from (screen, key) to [`Action`].

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// The default bindings, compiled in.
pub const DEFAULT_KEYS: &str = include_str!("keys.toml");

/// The screens that read keys differently; the tables of `keys.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Main,
    Passages,
    Article,
    Picker,
    Prompt,
    Help,
}

impl Mode {
    const ALL: [Mode; 6] = [
        Mode::Main,
        Mode::Passages,
        Mode::Article,
        Mode::Picker,
        Mode::Prompt,
        Mode::Help,
    ];

    fn name(self) -> &'static str {
        match self {
            Mode::Main => "main",
            Mode::Passages => "passages",
            Mode::Article => "article",
            Mode::Picker => "picker",
            Mode::Prompt => "prompt",
            Mode::Help => "help",
        }
    }

    /// The heading of this screen's keys in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Main => "Timeline",
            Mode::Passages => "Passages",
            Mode::Article => "Article",
            Mode::Picker => "Source picker",
            Mode::Prompt => "Search and jump prompts",
            Mode::Help => "Help",
        }
    }
}

/// A key without the noise: Shift is part of the character, so it is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// The key a terminal event stands for.
    pub fn of(event: &KeyEvent) -> Key {
        let code = match event.code {
            // Some terminals send Shift-Tab as Tab with Shift.
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Reads a key as written in `keys.toml`.
    pub fn parse(text: &str) -> Option<Key> {
        let (ctrl, rest) = match text.strip_prefix("Ctrl-") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (alt, rest) = match rest.strip_prefix("Alt-") {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest {
                "Enter" => KeyCode::Enter,
                "Esc" => KeyCode::Esc,
                "Tab" => KeyCode::Tab,
                "BackTab" => KeyCode::BackTab,
                "Backspace" => KeyCode::Backspace,
                "Space" => KeyCode::Char(' '),
                "Up" => KeyCode::Up,
                "Down" => KeyCode::Down,
                "Left" => KeyCode::Left,
                "Right" => KeyCode::Right,
                "Home" => KeyCode::Home,
                "End" => KeyCode::End,
                "PageUp" => KeyCode::PageUp,
                "PageDown" => KeyCode::PageDown,
                _ => return None,
            },
        };
        Some(Key { code, ctrl, alt })
    }
}

/// How a key is shown in the help overlay and the status bar.
pub fn display(text: &str) -> String {
    match text {
        "Up" => "↑".into(),
        "Down" => "↓".into(),
        "Left" => "←".into(),
        "Right" => "→".into(),
        "PageUp" => "PgUp".into(),
        "PageDown" => "PgDn".into(),
        "BackTab" => "Shift-Tab".into(),
        other => other.into(),
    }
}

/// One binding: on this screen, these keys (as written) do this.
#[derive(Debug, Clone)]
pub struct Binding {
    pub mode: Mode,
    pub action: Action,
    pub keys: Vec<(Key, String)>,
}

/// Every binding, in the order of the key file.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        // The compiled-in table is checked by a unit test.
        Keymap::parse(DEFAULT_KEYS).unwrap_or_else(|e| panic!("built-in keys.toml: {e}"))
    }
}

impl Keymap {
    /// Reads a key file; every mistake in it is listed in the error.
    pub fn parse(text: &str) -> Result<Keymap, String> {
        let table: toml::Table = text.parse().map_err(|e| format!("{e}"))?;
        let mut bindings = Vec::new();
        let mut errors = Vec::new();
        for (mode_name, entries) in &table {
            let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == mode_name) else {
                errors.push(format!("unknown screen [{mode_name}]"));
                continue;
            };
            let Some(entries) = entries.as_table() else {
                errors.push(format!("[{mode_name}] must be a table"));
                continue;
            };
            for (name, keys) in entries {
                let Some(action) = Action::from_name(name) else {
                    errors.push(format!("[{mode_name}] unknown action `{name}`"));
                    continue;
                };
                let mut parsed = Vec::new();
                for key in keys.as_array().into_iter().flatten() {
                    match key
                        .as_str()
                        .and_then(|k| Some((Key::parse(k)?, k.to_string())))
                    {
                        Some(k) => parsed.push(k),
                        None => errors.push(format!("[{mode_name}] {name}: unknown key {key}")),
                    }
                }
                if parsed.is_empty() {
                    errors.push(format!("[{mode_name}] {name}: give a list of keys"));
                }
                bindings.push(Binding {
                    mode,
                    action,
                    keys: parsed,
                });
            }
        }
        // Two actions on one key would make the second unreachable.
        for (i, b) in bindings.iter().enumerate() {
            for (key, text) in &b.keys {
                if bindings[..i]
                    .iter()
                    .any(|a| a.mode == b.mode && a.keys.iter().any(|(k, _)| k == key))
                {
                    errors.push(format!("[{}] key {text} is bound twice", b.mode.name()));
                }
            }
        }
        if errors.is_empty() {
            Ok(Keymap { bindings })
        } else {
            Err(errors.join("; "))
        }
    }

    /// What a key means on a screen. In a prompt, an unbound character is typed.
    pub fn action(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let key = Key::of(event);
        if key.ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        let bound = self
            .bindings
            .iter()
            .find(|b| b.mode == mode && b.keys.iter().any(|(k, _)| *k == key))
            .map(|b| b.action);
        match (bound, mode, key.code) {
            (Some(action), _, _) => Some(action),
            (None, Mode::Prompt, KeyCode::Char(c)) if !key.ctrl && !key.alt => {
                Some(Action::Insert(c))
            }
            _ => None,
        }
    }

    /// The bindings of one screen, in file order.
    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.mode == mode)
    }

    /// The first key bound to `action` on `mode`, as shown to the user.
    pub fn first_key(&self, mode: Mode, action: Action) -> Option<String> {
        self.bindings(mode)
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first())
            .map(|(_, text)| display(text))
    }

    /// Every screen, for the help overlay.
    pub fn modes() -> [Mode; 6] {
        Mode::ALL
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_default_keys_parse() {
        let keys = Keymap::parse(DEFAULT_KEYS);
        assert!(keys.is_ok(), "{:?}", keys.err());
    }

    #[test]
    fn keys_map_to_actions_per_screen() {
        let k = Keymap::default();
        let none = KeyModifiers::NONE;
        assert_eq!(
            k.action(Mode::Main, &press(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            k.action(Mode::Main, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            k.action(Mode::Main, &press(KeyCode::Char('3'), none)),
            Some(Action::ToggleSource(2))
        );
        assert_eq!(
            k.action(
                Mode::Main,
                &press(KeyCode::Char('d'), KeyModifiers::CONTROL)
            ),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            k.action(Mode::Passages, &press(KeyCode::Tab, KeyModifiers::SHIFT)),
            Some(Action::PrevSource)
        );
        // In a prompt, letters are typed, even those bound elsewhere.
        assert_eq!(
            k.action(Mode::Prompt, &press(KeyCode::Char('q'), none)),
            Some(Action::Insert('q'))
        );
        assert_eq!(k.action(Mode::Main, &press(KeyCode::Char('Z'), none)), None);
        for mode in Keymap::modes() {
            assert_eq!(
                k.action(mode, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
                Some(Action::Quit),
                "Ctrl-C quits on {mode:?}"
            );
        }
    }

    #[test]
    fn mistakes_in_a_key_file_are_all_listed() {
        let err = Keymap::parse("[main]\nfly = [\"f\"]\ndown = [\"Hyper-j\"]\n[nowhere]\n")
            .err()
            .unwrap_or_default();
        assert!(err.contains("unknown action `fly`"), "{err}");
        assert!(err.contains("unknown key \"Hyper-j\""), "{err}");
        assert!(err.contains("unknown screen [nowhere]"), "{err}");
        let err = Keymap::parse("[main]\ndown = [\"j\"]\nup = [\"j\"]\n")
            .err()
            .unwrap_or_default();
        assert!(err.contains("key j is bound twice"), "{err}");
    }

    #[test]
    fn first_keys_are_shown_readably() {
        let k = Keymap::default();
        assert_eq!(k.first_key(Mode::Main, Action::Help).as_deref(), Some("?"));
        assert_eq!(
            k.first_key(Mode::Passages, Action::PrevSource).as_deref(),
            Some("Shift-Tab")
        );
        assert_eq!(display("Down"), "↓");
    }
}
