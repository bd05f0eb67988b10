//! Colours and emphasis: a readable default, and a monochrome theme for
//! `NO_COLOR` / `--color never` that marks everything with reverse, bold and
//! underline instead.

use ratatui::style::{Color, Modifier, Style};

/// The styles the explorer draws with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Whether colours are used at all.
    pub color: bool,
    pub title: Style,
    pub border: Style,
    pub heading: Style,
    pub dim: Style,
    pub selected: Style,
    pub quote: Style,
    pub matched: Style,
    pub axis: Style,
    pub axis_break: Style,
    pub axis_selected: Style,
    pub status: Style,
    pub warning: Style,
    pub hidden: Style,
    palette: Vec<Style>,
}

impl Theme {
    /// The default, coloured theme.
    pub fn color() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            color: true,
            title: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Cyan).add_modifier(bold),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().bg(Color::Rgb(40, 60, 90)).add_modifier(bold),
            quote: Style::new().fg(Color::Yellow).add_modifier(bold),
            matched: Style::new().fg(Color::Black).bg(Color::LightGreen),
            axis: Style::new().fg(Color::Gray),
            axis_break: Style::new().fg(Color::DarkGray),
            axis_selected: Style::new().fg(Color::LightYellow).add_modifier(bold),
            status: Style::new().fg(Color::White).bg(Color::Rgb(30, 30, 40)),
            warning: Style::new().fg(Color::LightRed).add_modifier(bold),
            hidden: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::CROSSED_OUT),
            palette: [
                Color::LightCyan,
                Color::LightMagenta,
                Color::LightGreen,
                Color::LightYellow,
                Color::LightBlue,
                Color::LightRed,
                Color::Cyan,
                Color::Magenta,
                Color::Green,
            ]
            .into_iter()
            .map(|c| Style::new().fg(c).add_modifier(bold))
            .collect(),
        }
    }

    /// No colour: selection is reversed, quotes underlined, matches bold and
    /// underlined, hidden sources struck through.
    pub fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            color: false,
            title: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: plain,
            heading: plain.add_modifier(Modifier::BOLD),
            dim: plain,
            selected: plain.add_modifier(Modifier::REVERSED),
            quote: plain.add_modifier(Modifier::UNDERLINED),
            matched: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            axis: plain,
            axis_break: plain,
            axis_selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status: plain.add_modifier(Modifier::REVERSED),
            warning: plain.add_modifier(Modifier::BOLD),
            hidden: plain.add_modifier(Modifier::CROSSED_OUT),
            palette: vec![plain.add_modifier(Modifier::BOLD)],
        }
    }

    /// The stable style of the n-th source's badge.
    pub fn source(&self, n: usize) -> Style {
        self.palette[n % self.palette.len()]
    }
}

/// Whether to use colour: `--color always|never`, or for `auto` the
/// `NO_COLOR` convention (set and not empty means no colour).
pub fn choose(always: Option<bool>, no_color: Option<&str>) -> Theme {
    let color = match always {
        Some(c) => c,
        None => no_color.is_none_or(str::is_empty),
    };
    if color { Theme::color() } else { Theme::mono() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_and_the_flag_decide() {
        assert!(choose(None, None).color);
        assert!(choose(None, Some("")).color);
        assert!(!choose(None, Some("1")).color);
        assert!(choose(Some(true), Some("1")).color);
        assert!(!choose(Some(false), None).color);
    }

    #[test]
    fn mono_uses_no_colour_but_still_marks_selection() {
        let m = Theme::mono();
        for s in [m.selected, m.quote, m.matched, m.axis_selected] {
            assert_eq!((s.fg, s.bg), (None, None));
            assert!(!s.add_modifier.is_empty());
        }
        assert_ne!(Theme::color().source(0), Theme::color().source(1));
    }
}
