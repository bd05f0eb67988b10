//! What a key press means: the explorer's actions, named as in `keys.toml`.
//!
//! The same table gives each action its name in the key file, its line in the
//! help overlay and its short hint in the status bar, so none can drift.

use super::mode::Mode;

/// Something the user asked for. Only [`crate::ui::App::update`] acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Back,
    Help,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Open,
    OpenArticle,
    /// The selected event's sources side by side.
    Compare,
    /// The next (previous) shown event on which the sources disagree.
    NextDisagreement,
    PrevDisagreement,
    /// Which source reports which event: the coverage matrix.
    Coverage,
    /// Sideways, in the coverage matrix.
    Left,
    Right,
    /// Fold every outlet of the coverage matrix, or unfold them all.
    FoldAll,
    NextSource,
    PrevSource,
    ToggleSource(usize),
    ShowAllSources,
    /// Hide (or show again) the less salient half of the drafted events.
    ToggleMinor,
    SourcePicker,
    Toggle,
    Search,
    NextMatch,
    PrevMatch,
    Jump,
    Confirm,
    Cancel,
    DeleteChar,
    /// Scroll the main screen's detail pane.
    DetailDown,
    DetailUp,
    /// A character typed into a prompt.
    Insert(char),
    /// Time passes with no key: long work (a search, measuring an article)
    /// goes on by one slice. Sent by the terminal loop, never bound to a key.
    Tick,
    /// Hand the terminal back to the shell until `fg` (Ctrl-Z, not rebindable).
    Suspend,
}

/// The most sources keys 1–9 can toggle.
pub const SOURCE_KEYS: usize = 9;

/// (name in keys.toml, help text, status-bar hint) for every named action.
const TABLE: &[(Action, &str, &str, &str)] = &[
    (Action::Quit, "quit", "quit annals", "quit"),
    (Action::Back, "back", "go back", "back"),
    (Action::Help, "help", "show or hide this help", "help"),
    (Action::Down, "down", "next event", ""),
    (Action::Up, "up", "previous event", ""),
    (Action::Top, "top", "first event", ""),
    (Action::Bottom, "bottom", "last event", ""),
    (Action::PageDown, "page-down", "one page down", ""),
    (Action::PageUp, "page-up", "one page up", ""),
    (
        Action::HalfPageDown,
        "half-page-down",
        "half a page down",
        "",
    ),
    (Action::HalfPageUp, "half-page-up", "half a page up", ""),
    (
        Action::Open,
        "open",
        "open the event's passages full-screen",
        "passages",
    ),
    (
        Action::OpenArticle,
        "open-article",
        "open the whole article at this passage",
        "article",
    ),
    (
        Action::Compare,
        "compare",
        "compare the event's sources side by side",
        "compare",
    ),
    (
        Action::NextDisagreement,
        "next-disagreement",
        "next event on which the sources disagree (≠)",
        "next ≠",
    ),
    (
        Action::PrevDisagreement,
        "previous-disagreement",
        "previous event on which the sources disagree",
        "",
    ),
    (
        Action::Coverage,
        "coverage",
        "which source reports which event, by outlet",
        "coverage",
    ),
    (Action::Left, "left", "move left", ""),
    (Action::Right, "right", "move right", ""),
    (
        Action::FoldAll,
        "fold-all",
        "fold every outlet, or unfold them all",
        "",
    ),
    (
        Action::NextSource,
        "next-source",
        "next source's passages",
        "source",
    ),
    (
        Action::PrevSource,
        "previous-source",
        "previous source's passages",
        "",
    ),
    (
        Action::ShowAllSources,
        "show-all-sources",
        "show every source",
        "all",
    ),
    (
        Action::ToggleMinor,
        "hide-minor",
        "hide or show minor events (less salient half)",
        "",
    ),
    (
        Action::SourcePicker,
        "source-picker",
        "choose sources from a list",
        "sources",
    ),
    (
        Action::Toggle,
        "toggle",
        "show or hide this source",
        "toggle",
    ),
    (
        Action::Search,
        "search",
        "search titles, summaries and passages",
        "search",
    ),
    (Action::NextMatch, "next-match", "next match", "next"),
    (Action::PrevMatch, "previous-match", "previous match", ""),
    (
        Action::Jump,
        "jump",
        "jump to the event nearest a date or year",
        "jump",
    ),
    (Action::Confirm, "confirm", "accept", "accept"),
    (Action::Cancel, "cancel", "cancel", "cancel"),
    (
        Action::DeleteChar,
        "delete-char",
        "delete the last character",
        "",
    ),
    (
        Action::DetailDown,
        "detail-down",
        "scroll the detail pane down",
        "",
    ),
    (
        Action::DetailUp,
        "detail-up",
        "scroll the detail pane up",
        "",
    ),
];

impl Action {
    /// The action named `name` in the key file (`toggle-source-3` for key 3).
    pub fn from_name(name: &str) -> Option<Action> {
        if let Some(n) = name.strip_prefix("toggle-source-") {
            return match n.parse::<usize>() {
                Ok(n @ 1..=SOURCE_KEYS) => Some(Action::ToggleSource(n - 1)),
                _ => None,
            };
        }
        TABLE.iter().find(|row| row.1 == name).map(|row| row.0)
    }

    /// The action's name in key files: `quit`, `toggle-source-3`.
    pub fn name(self) -> String {
        match self {
            Action::ToggleSource(n) => format!("toggle-source-{}", n + 1),
            _ => match self.row() {
                Some(row) => row.1.to_string(),
                None => format!("{self:?}"),
            },
        }
    }

    /// What the action does, for the help overlay.
    pub fn help(self) -> String {
        match self {
            Action::ToggleSource(n) => format!("show or hide source {}", n + 1),
            Action::Insert(_) => "type into the prompt".to_string(),
            Action::Tick => "carry on with a long search".to_string(),
            Action::Suspend => "suspend annals (fg resumes)".to_string(),
            _ => self.row().map(|r| r.2.to_string()).unwrap_or_default(),
        }
    }

    /// What the action does on a given screen, where that differs.
    pub fn help_on(self, mode: Mode) -> String {
        match (mode, self) {
            (Mode::Main, Action::Back) => "clear the search (never quits)".into(),
            (Mode::Picker, Action::Down) => "next source".into(),
            (Mode::Picker, Action::Up) => "previous source".into(),
            (Mode::Picker, Action::Back) => "close the picker".into(),
            (Mode::Passages | Mode::Compare | Mode::Article | Mode::Help, Action::Down) => {
                "scroll down".into()
            }
            (Mode::Passages | Mode::Compare | Mode::Article | Mode::Help, Action::Up) => {
                "scroll up".into()
            }
            (Mode::Passages | Mode::Compare | Mode::Article, Action::Top) => "top".into(),
            (Mode::Passages | Mode::Compare | Mode::Article, Action::Bottom) => "bottom".into(),
            (Mode::Compare, Action::NextSource) => "show the next source's column".into(),
            (Mode::Compare, Action::PrevSource) => "show the previous source's column".into(),
            (Mode::Compare, Action::Open) => "the passages, one source at a time".into(),
            (Mode::Coverage, Action::Down) => "next source or outlet".into(),
            (Mode::Coverage, Action::Up) => "previous source or outlet".into(),
            (Mode::Coverage, Action::Top) => "first row".into(),
            (Mode::Coverage, Action::Bottom) => "last row".into(),
            (Mode::Coverage, Action::Right) => "next event's column".into(),
            (Mode::Coverage, Action::Left) => "previous event's column".into(),
            (Mode::Coverage, Action::Toggle) => "fold or unfold this outlet".into(),
            (Mode::Coverage, Action::Search) => "find a source by id, title or outlet".into(),
            (Mode::Coverage, Action::NextMatch) => "next matching source".into(),
            (Mode::Coverage, Action::PrevMatch) => "previous matching source".into(),
            (Mode::Coverage, Action::Open) => "select this column's event in the list".into(),
            (Mode::Prompt, Action::Confirm) => "search / jump".into(),
            (Mode::Prompt, Action::Cancel) => "cancel (a search is cleared)".into(),
            _ => self.help(),
        }
    }

    /// A word or two for the status bar, or nothing if the action is not hinted.
    pub fn hint(self) -> Option<&'static str> {
        self.row().map(|r| r.3).filter(|h| !h.is_empty())
    }

    /// The status-bar hint on a given screen, where that differs.
    pub fn hint_on(self, mode: Mode) -> Option<&'static str> {
        match (mode, self) {
            (Mode::Coverage, Action::Open) => Some("select"),
            (Mode::Coverage, Action::Toggle) => Some("fold"),
            (Mode::Coverage, Action::Search) => Some("find"),
            (Mode::Compare, Action::NextSource) => Some("columns"),
            _ => self.hint(),
        }
    }

    fn row(self) -> Option<&'static (Action, &'static str, &'static str, &'static str)> {
        TABLE.iter().find(|row| row.0 == self)
    }

    /// Every name the key file may use, for its error messages.
    pub fn names() -> impl Iterator<Item = &'static str> {
        TABLE.iter().map(|row| row.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in Action::names() {
            let action = Action::from_name(name).expect("listed names parse");
            assert_eq!(action.row().map(|r| r.1), Some(name));
            assert!(!action.help().is_empty());
        }
        assert_eq!(
            Action::from_name("toggle-source-3"),
            Some(Action::ToggleSource(2))
        );
        assert_eq!(Action::from_name("toggle-source-0"), None);
        assert_eq!(Action::from_name("toggle-source-10"), None);
        assert_eq!(Action::from_name("fly"), None);
        for action in [Action::Quit, Action::ToggleSource(2), Action::DetailUp] {
            assert_eq!(Action::from_name(&action.name()), Some(action));
        }
    }
}
