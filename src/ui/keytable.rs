//! Key tables as written: screens, each a table of actions and their keys.
//!
//! One [`Deserialize`] reads them, for the default bindings (`keys.toml`,
//! whose tables are the screens) and for the `[keys]` of the user's config
//! alike. It goes on past a mistake, so that every one is reported, each
//! with its place in the file (from the deserializer's spans, which the
//! `toml` crate gives): an unknown screen, action or key, a key that is not
//! a string, a list that is not a list.

use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::action::Action;
use super::keymap::{Key, Keys};
use super::mode::Mode;
use annals_core::suggest::with_suggestion;

/// Key tables as read: the bindings in file order, and every mistake.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyTable {
    /// On this screen, this action gets these keys.
    pub entries: Vec<Entry>,
    /// What could not be read, in file order.
    pub mistakes: Vec<Mistake>,
}

/// One line of a screen's table: `quit = ["q", "Ctrl-q"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The screen.
    pub mode: Mode,
    /// The action.
    pub action: Action,
    /// Its keys: the key, as written, and where.
    pub keys: Vec<Written>,
}

/// A key as the file writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The key, or keys one after another.
    pub key: Keys,
    /// As written (`"Ctrl-d"`), for help and hints.
    pub text: String,
    /// Where in the file (bytes).
    pub span: Range<usize>,
}

/// A mistake in a key table, and where it is (bytes of the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// Where.
    pub span: Range<usize>,
    /// What.
    pub kind: MistakeKind,
}

/// The mistakes a key table can hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MistakeKind {
    /// The table of screens is something else (`keys = 1`).
    NotScreens(&'static str),
    /// A screen that does not exist.
    UnknownScreen(String),
    /// A screen's table is something else (`main = 2`).
    NotActions(Mode, &'static str),
    /// An action that does not exist.
    UnknownAction(Mode, String),
    /// An action's keys are not a list.
    NotAList(String, &'static str),
    /// A key that is not a string.
    NotAString(&'static str),
    /// A string that names no key.
    UnknownKey(String),
    /// Ctrl-C or Ctrl-Z, which stay the explorer's.
    Reserved(String),
    /// A key on two actions of one screen: (screen, key, the action this
    /// table gives it, the other).
    Twice(Mode, String, Action, Action),
    /// Keys that begin another action's sequence, or that another action's
    /// keys begin, on one screen: (screen, keys, this action, the other).
    Begins(Mode, String, Action, Action),
}

impl Mistake {
    /// What is wrong and what to do, naming screens as `{prefix}{screen}`:
    /// `[keys.main]` in a config, `[main]` in `keys.toml`.
    pub fn describe(&self, prefix: &str) -> (String, String) {
        let screens = Mode::ALL.map(Mode::name);
        let screen_list = || format!("the screens are {}", quoted(&screens));
        match &self.kind {
            MistakeKind::NotScreens(found) => (
                format!("`keys` must be a table of screens, such as [{prefix}main], not {found}"),
                screen_list(),
            ),
            MistakeKind::UnknownScreen(name) => (
                format!("unknown screen `{name}`"),
                with_suggestion(name, screens, screen_list()),
            ),
            MistakeKind::NotActions(mode, found) => (
                format!(
                    "[{prefix}{}] must be a table of actions, not {found}",
                    mode.name()
                ),
                "write `action = [\"key\", …]` lines under it".into(),
            ),
            MistakeKind::UnknownAction(mode, name) => (
                format!("unknown action `{name}`"),
                with_suggestion(
                    name,
                    Action::names(),
                    // Where an installed user can read them: no source tree.
                    format!(
                        "`annals man` lists the actions of [{}] (KEYS), as `?` does in the explorer",
                        mode.name()
                    ),
                ),
            ),
            MistakeKind::NotAList(action, found) => (
                format!("`{action}` must be a list of keys, not {found}"),
                format!("for example {action} = [\"x\", \"Ctrl-x\"]"),
            ),
            MistakeKind::NotAString(found) => (
                format!("a key must be a string, not {found}"),
                "write keys as \"j\", \"Enter\" or \"Ctrl-d\"".into(),
            ),
            MistakeKind::UnknownKey(text) => {
                let (_, _, rest) = Key::modifiers(text);
                let names: Vec<&str> = Key::names().collect();
                (
                    format!("unknown key `{text}`"),
                    with_suggestion(
                        rest,
                        names.iter().copied(),
                        format!(
                            "a key is one character or one of {}, after \"Ctrl-\" or \"Alt-\" if need be; \
                             keys pressed one after another are written with spaces between (\"g g\") \
                             or, two or three characters, together (\"]d\")",
                            names.join(", ")
                        ),
                    ),
                )
            }
            MistakeKind::Reserved(text) => (
                format!("`{text}` cannot be rebound"),
                "Ctrl-C always quits and Ctrl-Z always suspends".into(),
            ),
            MistakeKind::Begins(mode, key, this, other) => (
                format!(
                    "keys `{key}` of `{}` and the keys of `{}` begin one another on [{prefix}{}], so one could never be pressed",
                    this.name(),
                    other.name(),
                    mode.name()
                ),
                format!(
                    "choose keys for `{}` that neither begin nor start with `{}`'s",
                    this.name(),
                    other.name()
                ),
            ),
            MistakeKind::Twice(mode, key, this, other) => (
                format!(
                    "key `{key}` is bound to both `{}` and `{}` on [{prefix}{}]",
                    this.name(),
                    other.name(),
                    mode.name()
                ),
                format!(
                    "give `{}` other keys too, or choose another key",
                    other.name()
                ),
            ),
        }
    }
}

/// Names in quotes, for messages: `"main", "passages"`.
pub(crate) fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value of the shape `T` reads (a table, a list or a string), or else
/// the kind of value found instead: a mistake to record, not an error that
/// would stop the reading of the rest.
enum Lenient<T> {
    Is(T),
    Not(&'static str),
}

/// What [`Lenient`] reads: one of a table, a list or a string.
trait Shape<'de>: Sized {
    const EXPECTED: &'static str;
    fn map<A: MapAccess<'de>>(map: A) -> Result<Lenient<Self>, A::Error> {
        drain_map(map).map(|()| Lenient::Not("table"))
    }
    fn seq<A: SeqAccess<'de>>(seq: A) -> Result<Lenient<Self>, A::Error> {
        drain_seq(seq).map(|()| Lenient::Not("array"))
    }
    fn str(_: &str) -> Lenient<Self> {
        Lenient::Not("string")
    }
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map
        .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
        .is_some()
    {}
    Ok(())
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<de::IgnoredAny>()?.is_some() {}
    Ok(())
}

impl<'de, T: Shape<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Any<T>(std::marker::PhantomData<T>);
        impl<'de, T: Shape<'de>> Visitor<'de> for Any<T> {
            type Value = Lenient<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(T::EXPECTED)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::map(map)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                T::seq(seq)
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(T::str(v))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Lenient::Not("integer"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Lenient::Not("integer"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Lenient::Not("float"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Lenient::Not("boolean"))
            }
        }
        deserializer.deserialize_any(Any(std::marker::PhantomData))
    }
}

/// A key as written: a string.
struct KeyString(String);

impl<'de> Shape<'de> for KeyString {
    const EXPECTED: &'static str = "a key such as \"j\" or \"Ctrl-d\"";
    fn str(text: &str) -> Lenient<Self> {
        Lenient::Is(KeyString(text.to_string()))
    }
}

/// An action's keys: a list.
struct KeyList(Vec<Spanned<Lenient<KeyString>>>);

impl<'de> Shape<'de> for KeyList {
    const EXPECTED: &'static str = "a list of keys";
    fn seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Lenient<Self>, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = seq.next_element()? {
            keys.push(key);
        }
        Ok(Lenient::Is(KeyList(keys)))
    }
}

/// A screen's table: actions and their keys, in file order.
type ActionLine = (Spanned<String>, Spanned<Lenient<KeyList>>);
struct Actions(Vec<ActionLine>);

impl<'de> Shape<'de> for Actions {
    const EXPECTED: &'static str = "a table of actions";
    fn map<A: MapAccess<'de>>(mut map: A) -> Result<Lenient<Self>, A::Error> {
        let mut lines = Vec::new();
        while let Some(line) = map.next_entry()? {
            lines.push(line);
        }
        Ok(Lenient::Is(Actions(lines)))
    }
}

impl<'de> Deserialize<'de> for KeyTable {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Screens;
        impl<'de> Visitor<'de> for Screens {
            type Value = KeyTable;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of screens, such as [main]")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyTable, A::Error> {
                let mut table = KeyTable::default();
                while let Some((screen, actions)) =
                    map.next_entry::<Spanned<String>, Spanned<Lenient<Actions>>>()?
                {
                    table.screen(screen, actions);
                }
                Ok(table)
            }
        }
        deserializer.deserialize_map(Screens)
    }
}

impl KeyTable {
    fn mistake(&mut self, span: Range<usize>, kind: MistakeKind) {
        self.mistakes.push(Mistake { span, kind });
    }

    /// One screen's table, as read.
    fn screen(&mut self, name: Spanned<String>, actions: Spanned<Lenient<Actions>>) {
        let Some(mode) = Mode::from_name(name.get_ref()) else {
            let span = name.span();
            return self.mistake(span, MistakeKind::UnknownScreen(name.into_inner()));
        };
        let span = actions.span();
        let lines = match actions.into_inner() {
            Lenient::Is(Actions(lines)) => lines,
            Lenient::Not(found) => return self.mistake(span, MistakeKind::NotActions(mode, found)),
        };
        for (name, keys) in lines {
            let Some(action) = Action::from_name(name.get_ref()) else {
                let span = name.span();
                self.mistake(span, MistakeKind::UnknownAction(mode, name.into_inner()));
                continue;
            };
            let span = keys.span();
            let list = match keys.into_inner() {
                Lenient::Is(KeyList(list)) => list,
                Lenient::Not(found) => {
                    self.mistake(span, MistakeKind::NotAList(name.into_inner(), found));
                    continue;
                }
            };
            let mut written = Vec::new();
            for key in list {
                let span = key.span();
                match key.into_inner() {
                    Lenient::Not(found) => self.mistake(span, MistakeKind::NotAString(found)),
                    Lenient::Is(KeyString(text)) => match Keys::parse(&text) {
                        Some(k) if k.is_reserved() => {
                            self.mistake(span, MistakeKind::Reserved(text));
                        }
                        Some(key) => written.push(Written { key, text, span }),
                        None => self.mistake(span, MistakeKind::UnknownKey(text)),
                    },
                }
            }
            self.entries.push(Entry {
                mode,
                action,
                keys: written,
            });
        }
    }
}
