//! Key bindings: `keys.toml` read into a table from (screen, keys) to
//! [`Action`], and the user's config laid over it one action at a time.
//!
//! A binding is one key or a short sequence of keys pressed one after another
//! (`]d`, as in vim): [`Keymap::resolve`] says whether the keys pressed so far
//! make an action, begin one, or mean nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use annals_core::Position;
use annals_core::builtin::{BrokenTable, Builtin};

use super::action::Action;
use super::keytable::{KeyTable, Mistake, MistakeKind};
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

/// The most keys a sequence written without spaces has (`]d`, `gg`): longer
/// runs of letters are a misspelt key name, not a sequence.
const JOINED_MAX: usize = 3;

/// What a binding is pressed with: one key, or keys one after another.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Keys(Vec<Key>);

impl Keys {
    /// Reads keys as written in `keys.toml`: one key (`"j"`, `"Ctrl-d"`),
    /// keys separated by spaces (`"Ctrl-x Ctrl-s"`), or two or three
    /// characters together, each a key (`"]d"`).
    pub fn parse(text: &str) -> Option<Keys> {
        if let Some(key) = Key::parse(text) {
            return Some(Keys(vec![key]));
        }
        let parts: Vec<&str> = text.split(' ').collect();
        if parts.len() > 1 {
            return parts
                .into_iter()
                .map(Key::parse)
                .collect::<Option<Vec<Key>>>()
                .map(Keys);
        }
        let chars = text.chars().count();
        if (2..=JOINED_MAX).contains(&chars) {
            return Some(Keys(
                text.chars()
                    .map(|c| Key::parse(&c.to_string()))
                    .collect::<Option<_>>()?,
            ));
        }
        None
    }

    /// The keys, in the order they are pressed.
    pub fn keys(&self) -> &[Key] {
        &self.0
    }

    /// Whether one of the keys is kept by the explorer (Ctrl-C, Ctrl-Z).
    pub fn is_reserved(&self) -> bool {
        self.0.iter().any(Key::is_reserved)
    }

    /// Whether these keys begin with `pressed` (or are them).
    pub fn starts_with(&self, pressed: &[Key]) -> bool {
        self.0.starts_with(pressed)
    }

    /// Whether pressing one would press the other, or begin it: then one
    /// of the two bindings could never be reached.
    pub fn overlaps(&self, other: &Keys) -> bool {
        self.starts_with(&other.0) || other.starts_with(&self.0)
    }
}

/// What the keys pressed so far mean on a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An action.
    Action(Action),
    /// The beginning of these bindings' keys: wait for the next key.
    Begun(Vec<(Action, String)>),
    /// Nothing.
    Nothing,
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
    pub keys: Vec<(Keys, String)>,
}

/// Every binding, in the order of the key file.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// The default bindings of `keys.toml`.
    fn default() -> Self {
        DEFAULTS.get().clone()
    }
}

/// The default bindings, read once through the one loader of built-in tables.
static DEFAULTS: Builtin<Keymap> = Builtin::new("key bindings (src/ui/keys.toml)", || {
    Keymap::read_defaults(DEFAULT_KEYS)
});

/// Whether the default bindings can be read, for the program to say so
/// before the explorer starts; the tests check it too.
pub fn check_defaults() -> Result<(), BrokenTable> {
    DEFAULTS.check().map(drop)
}

impl Keymap {
    /// No bindings at all.
    fn empty() -> Keymap {
        Keymap {
            bindings: Vec::new(),
        }
    }

    /// Reads a default key file (tables of screens, as a config's `[keys]`);
    /// its mistakes, each at its line and column, are the error.
    fn read_defaults(text: &str) -> Result<Keymap, String> {
        let table: KeyTable = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map_or(Position::START, |s| Position::of_offset(text, s.start));
            format!("keys.toml:{at}: {}", e.message().trim())
        })?;
        let mut keymap = Keymap::empty();
        let mut mistakes = table.mistakes.clone();
        mistakes.extend(keymap.overlay(&table));
        if mistakes.is_empty() {
            return Ok(keymap);
        }
        mistakes.sort_by_key(|m| m.span.start);
        let said: Vec<String> = mistakes
            .iter()
            .map(|m| {
                let at = Position::of_offset(text, m.span.start);
                format!("keys.toml:{at}: {}", m.describe("").0)
            })
            .collect();
        Err(said.join("; "))
    }

    /// Lays a key table over these bindings: each of its actions gets its
    /// keys on its screen instead of the ones it had. Returns the keys it
    /// binds that another action of the same screen also has, which would
    /// leave one of the two unreachable.
    pub fn overlay(&mut self, table: &KeyTable) -> Vec<Mistake> {
        for entry in &table.entries {
            let keys = entry
                .keys
                .iter()
                .map(|w| (w.key.clone(), w.text.clone()))
                .collect();
            self.bind(entry.mode, entry.action, keys);
        }
        let mut clashes = Vec::new();
        for (n, entry) in table.entries.iter().enumerate() {
            for written in &entry.keys {
                let other = self.bindings(entry.mode).find(|b| {
                    b.action != entry.action && b.keys.iter().any(|(k, _)| k.overlaps(&written.key))
                });
                let Some(other) = other else { continue };
                // Two actions of the table: said once, at the later one.
                let earlier_in_table = table.entries[..n]
                    .iter()
                    .any(|e| e.mode == entry.mode && e.action == other.action);
                let later_in_table = table.entries[n + 1..]
                    .iter()
                    .any(|e| e.mode == entry.mode && e.action == other.action);
                if later_in_table && !earlier_in_table {
                    continue;
                }
                let same = other.keys.iter().any(|(k, _)| *k == written.key);
                let kind = if same {
                    MistakeKind::Twice
                } else {
                    MistakeKind::Begins
                };
                clashes.push(Mistake {
                    span: written.span.clone(),
                    kind: kind(entry.mode, written.text.clone(), entry.action, other.action),
                });
            }
        }
        clashes
    }

    /// Gives `action` on `mode` these keys instead of the ones it had (an
    /// action a screen did not have is added at the end).
    pub fn bind(&mut self, mode: Mode, action: Action, keys: Vec<(Keys, String)>) {
        match self
            .bindings
            .iter_mut()
            .find(|b| b.mode == mode && b.action == action)
        {
            Some(b) => b.keys = keys,
            None => self.bindings.push(Binding { mode, action, keys }),
        }
    }

    /// What a key means on a screen when no other key was pressed before it.
    pub fn action(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        match self.resolve(mode, &[], event) {
            Resolved::Action(action) => Some(action),
            _ => None,
        }
    }

    /// What a key means on a screen after the keys `pressed` (the beginning
    /// of a sequence, or none). Keys that begin no binding there are
    /// forgotten, and the key is read on its own, except Esc, which only
    /// abandons them. In a prompt, an unbound character is typed.
    pub fn resolve(&self, mode: Mode, pressed: &[Key], event: &KeyEvent) -> Resolved {
        let key = Key::of(event);
        if key.is_reserved() {
            return Resolved::Action(if key.code == KeyCode::Char('z') {
                Action::Suspend
            } else {
                Action::Quit
            });
        }
        if !pressed.is_empty() && key.code == KeyCode::Esc && !key.ctrl && !key.alt {
            return Resolved::Nothing;
        }
        let mut keys = pressed.to_vec();
        keys.push(key);
        let found = self.lookup(mode, &keys);
        if found == Resolved::Nothing && !pressed.is_empty() {
            return self.resolve(mode, &[], event);
        }
        match (found, mode, key.code) {
            (Resolved::Nothing, Mode::Prompt, KeyCode::Char(c)) if !key.ctrl && !key.alt => {
                Resolved::Action(Action::Insert(c))
            }
            (found, ..) => found,
        }
    }

    /// The binding these keys press on `mode`, or those they begin.
    fn lookup(&self, mode: Mode, keys: &[Key]) -> Resolved {
        let mut begun = Vec::new();
        for b in self.bindings(mode) {
            for (k, text) in &b.keys {
                if k.keys() == keys {
                    return Resolved::Action(b.action);
                }
                if k.starts_with(keys) {
                    begun.push((b.action, text.clone()));
                }
            }
        }
        if begun.is_empty() {
            Resolved::Nothing
        } else {
            Resolved::Begun(begun)
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
    pub fn modes() -> [Mode; Mode::ALL.len()] {
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
        assert_eq!(check_defaults(), Ok(()));
        let keys = Keymap::default();
        assert_eq!(
            keys.bindings(Mode::Main).count(),
            34,
            "every line of [main]"
        );
        // In file order: the help overlay's.
        let first = keys.bindings(Mode::Passages).next().map(|b| b.action);
        assert_eq!(first, Some(Action::NextSource));
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
    fn sequences_wait_for_their_next_key_and_a_wrong_one_is_read_alone() {
        let k = Keymap::default();
        let none = KeyModifiers::NONE;
        let key = |c| press(KeyCode::Char(c), none);
        let bracket = Key::of(&key(']'));
        assert_eq!(
            Keys::parse("]d").map(|k| k.keys().len()),
            Some(2),
            "two characters together are two keys"
        );
        assert_eq!(
            Keys::parse("Ctrl-x Ctrl-s").map(|k| k.keys().len()),
            Some(2)
        );
        assert_eq!(Keys::parse("Up").map(|k| k.keys().len()), Some(1));
        assert_eq!(Keys::parse("Hyper-j"), None, "a misspelt name, not 7 keys");
        assert_eq!(Keys::parse("Ctrl-x Hyper"), None);
        match k.resolve(Mode::Main, &[], &key(']')) {
            Resolved::Begun(next) => {
                assert_eq!(next, [(Action::NextDisagreement, "]d".to_string())]);
            }
            other => panic!("] begins ]d, got {other:?}"),
        }
        assert_eq!(
            k.resolve(Mode::Main, &[bracket], &key('d')),
            Resolved::Action(Action::NextDisagreement)
        );
        assert_eq!(
            k.resolve(Mode::Compare, &[Key::of(&key('['))], &key('d')),
            Resolved::Action(Action::PrevDisagreement)
        );
        // A key that ends no sequence is read on its own: `]` then `j` moves down.
        assert_eq!(
            k.resolve(Mode::Main, &[bracket], &key('j')),
            Resolved::Action(Action::Down)
        );
        assert_eq!(k.action(Mode::Main, &key(']')), None, "not an action yet");
        // In a prompt, `]` is typed.
        assert_eq!(
            k.resolve(Mode::Prompt, &[], &key(']')),
            Resolved::Action(Action::Insert(']'))
        );
        assert_eq!(
            k.resolve(
                Mode::Main,
                &[bracket],
                &press(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Resolved::Action(Action::Quit),
            "Ctrl-C quits halfway through a sequence"
        );
    }

    #[test]
    fn a_key_that_begins_another_actions_sequence_is_a_mistake() {
        let err = Keymap::read_defaults(
            "[main]
down = [\"]d\"]
up = [\"]\"]\n",
        )
        .err()
        .unwrap_or_default();
        assert!(
            err.contains(
                "keys.toml:3:7: keys `]` of `up` and the keys of `down` begin one another on [main]"
            ),
            "{err}"
        );
    }

    #[test]
    fn mistakes_in_a_key_file_are_all_listed() {
        let text = "[main]\nfly = [\"f\"]\ndown = [\"Hyper-j\", 3]\n[nowhere]\nx = 1\n";
        let err = Keymap::read_defaults(text).err().unwrap_or_default();
        assert!(err.contains("keys.toml:2:1: unknown action `fly`"), "{err}");
        assert!(
            err.contains("keys.toml:3:9: unknown key `Hyper-j`"),
            "{err}"
        );
        assert!(
            err.contains("keys.toml:3:20: a key must be a string, not integer"),
            "{err}"
        );
        assert!(
            err.contains("keys.toml:4:2: unknown screen `nowhere`"),
            "{err}"
        );
        let err = Keymap::read_defaults("[main]\ndown = [\"j\"]\nup = [\"j\"]\n")
            .err()
            .unwrap_or_default();
        assert!(
            err.contains("keys.toml:3:7: key `j` is bound to both `up` and `down` on [main]"),
            "{err}"
        );
        let err = Keymap::read_defaults("[main\n").err().unwrap_or_default();
        assert!(err.starts_with("keys.toml:1:"), "{err}");
    }

    #[test]
    fn rebinding_replaces_an_actions_keys_on_one_screen() {
        let mut k = Keymap::default();
        let x = Keys::parse("x").expect("x");
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
        let table: KeyTable = toml::from_str("[main]\nquit = [\"j\"]\n").expect("a table");
        let clashes = k.overlay(&table);
        assert_eq!(clashes.len(), 1);
        assert_eq!(
            clashes[0].kind,
            MistakeKind::Twice(Mode::Main, "j".into(), Action::Quit, Action::Down)
        );
        assert_eq!(clashes[0].span, 15..18);
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
