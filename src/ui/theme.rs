//! Colours and emphasis: a dark default, a light theme for white
//! backgrounds, and a monochrome theme for `NO_COLOR` / `--color never` that
//! marks everything with reverse, bold and underline instead.

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
    /// A value the sources state differently, in the compare view.
    pub differs: Style,
    pub hidden: Style,
    palette: Vec<Style>,
}

/// The themes a user can name in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    /// Every theme, as named in the config.
    pub const ALL: [(&'static str, ThemeName); 3] = [
        ("dark", ThemeName::Dark),
        ("light", ThemeName::Light),
        ("mono", ThemeName::Mono),
    ];

    /// The theme called `name`.
    pub fn from_name(name: &str) -> Option<ThemeName> {
        ThemeName::ALL
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t)
    }
}

impl Theme {
    /// The theme called `name`.
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::color(),
            ThemeName::Light => Theme::light(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    /// The default, coloured theme, for dark backgrounds.
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
            differs: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(bold),
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

    /// Colours that read on a white background: dark text colours, pale
    /// backgrounds for the selection, the bars and the matches.
    pub fn light() -> Theme {
        let bold = Modifier::BOLD;
        let ink = |r, g, b| Style::new().fg(Color::Rgb(r, g, b));
        Theme {
            color: true,
            title: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .bg(Color::Rgb(30, 80, 150))
                .add_modifier(bold),
            border: ink(150, 150, 160),
            heading: ink(20, 70, 140).add_modifier(bold),
            dim: ink(100, 100, 110),
            selected: Style::new()
                .bg(Color::Rgb(205, 222, 245))
                .add_modifier(bold),
            quote: ink(150, 60, 0).add_modifier(bold),
            matched: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(255, 225, 110)),
            axis: ink(90, 90, 100),
            axis_break: ink(160, 160, 170),
            axis_selected: ink(190, 30, 30).add_modifier(bold),
            status: Style::new()
                .fg(Color::Rgb(20, 20, 30))
                .bg(Color::Rgb(225, 228, 235)),
            warning: ink(180, 20, 20).add_modifier(bold),
            differs: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(250, 190, 190))
                .add_modifier(bold),
            hidden: ink(160, 160, 170).add_modifier(Modifier::CROSSED_OUT),
            palette: [
                (0, 100, 160),
                (140, 40, 140),
                (20, 120, 40),
                (150, 90, 0),
                (40, 60, 190),
                (180, 40, 40),
                (0, 120, 120),
                (110, 60, 160),
                (90, 110, 0),
            ]
            .into_iter()
            .map(|(r, g, b)| ink(r, g, b).add_modifier(bold))
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
            differs: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
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
/// `NO_COLOR` convention (set and not empty means no colour); with colour,
/// the theme the user chose.
pub fn choose(always: Option<bool>, no_color: Option<&str>, name: ThemeName) -> Theme {
    let color = match always {
        Some(c) => c,
        None => no_color.is_none_or(str::is_empty),
    };
    if color {
        Theme::named(name)
    } else {
        Theme::mono()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_and_the_flag_decide() {
        let dark = ThemeName::Dark;
        assert!(choose(None, None, dark).color);
        assert!(choose(None, Some(""), dark).color);
        assert!(!choose(None, Some("1"), dark).color);
        assert!(choose(Some(true), Some("1"), dark).color);
        assert!(!choose(Some(false), None, dark).color);
        // NO_COLOR and --color never win over a configured theme.
        assert!(!choose(None, Some("1"), ThemeName::Light).color);
        assert!(!choose(Some(false), None, ThemeName::Light).color);
        assert_eq!(choose(None, None, ThemeName::Light), Theme::light());
        assert_eq!(choose(None, None, ThemeName::Mono), Theme::mono());
        assert_eq!(ThemeName::from_name("light"), Some(ThemeName::Light));
        assert_eq!(ThemeName::from_name("solarized"), None);
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

    #[test]
    fn the_light_theme_draws_dark_ink_and_pale_backgrounds() {
        // Relative luminance, roughly: text must be dark, backgrounds pale.
        let lum = |c: Option<Color>| match c {
            Some(Color::Rgb(r, g, b)) => {
                (299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b)) / 1000
            }
            other => panic!("the light theme uses exact colours, got {other:?}"),
        };
        let l = Theme::light();
        for s in [
            l.heading,
            l.dim,
            l.quote,
            l.axis,
            l.warning,
            l.source(0),
            l.source(8),
        ] {
            assert!(lum(s.fg) < 130, "{s:?} is too pale for white paper");
        }
        for s in [l.selected, l.matched, l.status] {
            assert!(lum(s.bg) > 180, "{s:?} is too dark a background");
        }
    }
}
