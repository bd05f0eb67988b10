//! Key bindings: `keys.toml` read into a table from (screen, key) to [`Action`],
//! and the user's config laid over it one action at a time.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
pub use super::mode::Mode;

/// The default bindings, compiled in.
pub const DEFAULT_KEYS: &str = include_str!("keys.toml");

/// Named keys: the name in a key file, the key, and how help shows it.
const NAMED: &[(&str, KeyCode, &str)] = &[
    ("Enter", KeyCode::Enter, "Enter"),
    ("Esc", KeyCode::Esc, "Esc"),
    ("Tab", KeyCode::Tab, "Tab"),
    ("BackTab", KeyCode::BackTab, "Shift-Tab"),
    ("Backspace", KeyCode::Backspace, "Backspace"),
    ("Space", KeyCode::Char(' '), "Space"),
    ("Up", KeyCode::Up, "↑"),
    ("Down", KeyCode::Down, "↓"),
    ("Left", KeyCode::Left, "←"),
    ("Right", KeyCode::Right, "→"),
    ("Home", KeyCode::Home, "Home"),
    ("End", KeyCode::End, "End"),
    ("PageUp", KeyCode::PageUp, "PgUp"),
    ("PageDown", KeyCode::PageDown, "PgDn"),
];

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
        let (ctrl, alt, rest) = Key::modifiers(text);
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => NAMED.iter().find(|(name, ..)| *name == rest)?.1,
        };
        Some(Key { code, ctrl, alt })
    }

    /// `Ctrl-` and `Alt-` taken off the front of a key as written.
    pub fn modifiers(text: &str) -> (bool, bool, &str) {
        let (ctrl, rest) = match text.strip_prefix("Ctrl-") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (alt, rest) = match rest.strip_prefix("Alt-") {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        (ctrl, alt, rest)
    }

    /// The names a key file may use besides single characters.
    pub fn names() -> impl Iterator<Item = &'static str> {
        NAMED.iter().map(|(name, ..)| *name)
    }

    /// Whether the key is one the explorer keeps for itself (Ctrl-C, Ctrl-Z).
    pub fn is_reserved(&self) -> bool {
        self.ctrl && matches!(self.code, KeyCode::Char('c' | 'z'))
    }
}

/// How a key is shown in the help overlay and the status bar.
pub fn display(text: &str) -> String {
    let (ctrl, alt, rest) = Key::modifiers(text);
    match NAMED.iter().find(|(name, ..)| *name == rest) {
        Some((.., shown)) if !ctrl && !alt => (*shown).to_string(),
        _ => text.to_string(),
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
        // toml_edit keeps the file's order, which is the help overlay's.
        let table: toml_edit::DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
        let mut keymap = Keymap {
            bindings: Vec::new(),
        };
        let mut errors = Vec::new();
        for (mode_name, entries) in table.iter() {
            let Some(mode) = Mode::from_name(mode_name) else {
                errors.push(format!("unknown screen [{mode_name}]"));
                continue;
            };
            let Some(entries) = entries.as_table() else {
                errors.push(format!("[{mode_name}] must be a table"));
                continue;
            };
            for (name, keys) in entries.iter() {
                let Some(action) = Action::from_name(name) else {
                    errors.push(format!("[{mode_name}] unknown action `{name}`"));
                    continue;
                };
                let mut parsed = Vec::new();
                for key in keys.as_array().into_iter().flatten() {
                    let key = key.as_str().map_or_else(|| key.to_string(), str::to_string);
                    let key = toml_edit::Value::from(key);
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
                keymap.bind(mode, action, parsed);
            }
        }
        for (mode, key, _, _) in keymap.clashes() {
            errors.push(format!("[{}] key {key} is bound twice", mode.name()));
        }
        if errors.is_empty() {
            Ok(keymap)
        } else {
            Err(errors.join("; "))
        }
    }

    /// Gives `action` on `mode` these keys instead of the ones it had (an
    /// action a screen did not have is added at the end).
    pub fn bind(&mut self, mode: Mode, action: Action, keys: Vec<(Key, String)>) {
        match self
            .bindings
            .iter_mut()
            .find(|b| b.mode == mode && b.action == action)
        {
            Some(b) => b.keys = keys,
            None => self.bindings.push(Binding { mode, action, keys }),
        }
    }

    /// Keys bound to two actions on one screen, which would make the second
    /// unreachable: (screen, key as written, the later action, the earlier one).
    pub fn clashes(&self) -> Vec<(Mode, String, Action, Action)> {
        let mut found = Vec::new();
        for (i, b) in self.bindings.iter().enumerate() {
            for (key, text) in &b.keys {
                let earlier = self.bindings[..i]
                    .iter()
                    .find(|a| a.mode == b.mode && a.keys.iter().any(|(k, _)| k == key));
                if let Some(a) = earlier {
                    found.push((b.mode, text.clone(), b.action, a.action));
                }
            }
        }
        found
    }

    /// What a key means on a screen. In a prompt, an unbound character is typed.
    pub fn action(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let key = Key::of(event);
        if key.is_reserved() {
            return Some(if key.code == KeyCode::Char('z') {
                Action::Suspend
            } else {
                Action::Quit
            });
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
            assert_eq!(
                k.action(mode, &press(KeyCode::Char('z'), KeyModifiers::CONTROL)),
                Some(Action::Suspend),
                "Ctrl-Z suspends on {mode:?}"
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
    fn rebinding_replaces_an_actions_keys_on_one_screen() {
        let mut k = Keymap::default();
        let x = Key::parse("x").expect("x");
        k.bind(Mode::Main, Action::Quit, vec![(x, "x".into())]);
        let none = KeyModifiers::NONE;
        assert_eq!(
            k.action(Mode::Main, &press(KeyCode::Char('x'), none)),
            Some(Action::Quit)
        );
        assert_eq!(k.action(Mode::Main, &press(KeyCode::Char('q'), none)), None);
        // Other screens keep their keys.
        assert_eq!(
            k.action(Mode::Passages, &press(KeyCode::Char('q'), none)),
            Some(Action::Quit)
        );
        assert!(k.clashes().is_empty());
        let j = Key::parse("j").expect("j");
        k.bind(Mode::Main, Action::Quit, vec![(j, "j".into())]);
        let clashes = k.clashes();
        assert_eq!(clashes.len(), 1);
        assert_eq!(
            (clashes[0].1.as_str(), clashes[0].2, clashes[0].3),
            ("j", Action::Quit, Action::Down)
        );
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
        assert_eq!(display("Ctrl-d"), "Ctrl-d");
        assert_eq!(display("Space"), "Space");
    }
}
