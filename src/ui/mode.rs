//! The screens that read keys differently, named as in `keys.toml`.
//!
//! Defined apart from the actions and the keymap so that both can use it
//! without importing each other.

/// A screen, or a popup over one, with its own table of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Main,
    Passages,
    Compare,
    Coverage,
    Article,
    Picker,
    Prompt,
    Help,
}

impl Mode {
    /// Every screen, in the order the help overlay lists them.
    pub const ALL: [Mode; 8] = [
        Mode::Main,
        Mode::Passages,
        Mode::Compare,
        Mode::Coverage,
        Mode::Article,
        Mode::Picker,
        Mode::Prompt,
        Mode::Help,
    ];

    /// The screen's table name in `keys.toml` and the user's config.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Main => "main",
            Mode::Passages => "passages",
            Mode::Compare => "compare",
            Mode::Coverage => "coverage",
            Mode::Article => "article",
            Mode::Picker => "picker",
            Mode::Prompt => "prompt",
            Mode::Help => "help",
        }
    }

    /// The screen called `name` in a key file.
    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The heading of this screen's keys in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Main => "Timeline",
            Mode::Passages => "Passages",
            Mode::Compare => "Compare the sources",
            Mode::Coverage => "Coverage: sources × events",
            Mode::Article => "Article",
            Mode::Picker => "Source picker",
            Mode::Prompt => "Search and jump prompts",
            Mode::Help => "Help",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in Mode::ALL {
            assert_eq!(Mode::from_name(m.name()), Some(m));
            assert!(!m.title().is_empty());
        }
        assert_eq!(Mode::from_name("mian"), None);
    }
}
