//! The one way state changes: terminal events become actions, and
//! [`App::update`] hands each to the screen (or popup) that has the keys.

use crossterm::event::{Event, KeyEventKind, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, Popup, View};
use super::keymap::{Key, Resolved, display};
use super::screens::{article, compare, coverage, detail, help, main, passages, picker, prompt};

/// What the status bar says while a sequence is under way: the keys that
/// end it and what they do ("]… ]d next-disagreement").
fn begun(bindings: &[(Action, String)]) -> String {
    let first = bindings
        .first()
        .and_then(|(_, text)| display(text).chars().next())
        .unwrap_or(' ');
    let then: Vec<String> = bindings
        .iter()
        .map(|(action, text)| format!("{} {}", display(text), action.name()))
        .collect();
    format!("{first}… {}", then.join(" · "))
}

impl App<'_> {
    /// Handles one terminal event.
    pub fn handle(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let pressed = std::mem::take(&mut self.pending);
                match self.keymap.resolve(self.mode(), &pressed, key) {
                    Resolved::Action(action) => self.update(action),
                    Resolved::Begun(bindings) => {
                        self.pending = pressed;
                        self.pending.push(Key::of(key));
                        self.message = Some(begun(&bindings));
                    }
                    Resolved::Nothing => self.message = None,
                }
            }
            Event::Mouse(mouse) => {
                self.pending.clear();
                self.settle(|app| app.mouse(mouse));
            }
            Event::Resize(w, h) => self.resize(Rect::new(0, 0, *w, *h)),
            _ => {}
        }
    }

    /// Adapts to a new terminal size.
    pub fn resize(&mut self, size: Rect) {
        self.size = size;
        self.settle(|_| {});
    }

    /// Whether long work is under way that [`Action::Tick`] carries on.
    pub fn busy(&self) -> bool {
        self.searching() || article::measuring(self)
    }

    /// Applies an action. The only place state changes.
    pub fn update(&mut self, action: Action) {
        if action == Action::Tick {
            // Time passing is no key: the message stays.
            self.settle(|app| {
                if app.searching() {
                    app.search_slice();
                }
                article::tick(app);
            });
            return;
        }
        self.message = None;
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            _ => self.settle(|app| app.dispatch(action)),
        }
    }

    /// Gives the action to the popup, else to the screen.
    fn dispatch(&mut self, action: Action) {
        match self.popup.take() {
            Some(Popup::Picker { cursor }) => picker::update(self, action, cursor),
            Some(Popup::Help { scroll }) => help::update(self, action, scroll),
            Some(Popup::Prompt(p)) => prompt::update(self, action, p),
            None => match self.view.clone() {
                View::Main => main::update(self, action),
                View::Passages(p) => passages::update(self, action, p),
                View::Compare(c) => compare::update(self, action, c),
                View::Coverage(c) => coverage::update(self, action, c),
                View::Article(a) => article::update(self, action, a),
            },
        }
    }

    /// Runs a change, then puts everything that depends on it back in range:
    /// the list's window, the axis, the detail pane (back to its top on a new
    /// selection), and the full-screen views' scrolling.
    fn settle(&mut self, change: impl FnOnce(&mut Self)) {
        let before = self.selected_event();
        change(self);
        if self.selected_event() != before {
            self.detail_scroll = 0;
        }
        self.ensure_visible();
        self.fit_axis();
        detail::clamp(self);
        match self.view.clone() {
            View::Main => {}
            View::Passages(p) => self.view = View::Passages(passages::clamp(self, p)),
            View::Compare(c) => self.view = View::Compare(compare::clamp(self, c)),
            View::Coverage(c) => self.view = View::Coverage(coverage::clamp(self, c)),
            View::Article(a) => self.view = View::Article(article::clamp(self, a)),
        }
    }

    fn mouse(&mut self, mouse: &MouseEvent) {
        let wheel = match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Down),
            MouseEventKind::ScrollUp => Some(Action::Up),
            _ => None,
        };
        match (&self.popup, &self.view, wheel) {
            (None, View::Main, _) => main::mouse(self, mouse),
            (_, _, Some(action)) => {
                for _ in 0..main::WHEEL_ROWS {
                    self.dispatch(action);
                }
            }
            _ => {}
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::{ArticleView, PassagesView};
    use crate::ui::layout;
    use crate::ui::mode::Mode;
    use crate::ui::theme::Theme;
    use annals_core::Timeline;
    use annals_core::search;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent};

    fn story() -> Timeline {
        crate::bundled::load().expect("bundled story")
    }

    fn app(t: &Timeline) -> App<'_> {
        App::new(t, Theme::mono(), Rect::new(0, 0, 80, 24))
    }

    fn id<'a>(app: &App<'a>) -> &'a str {
        app.selected_event()
            .map(|e| app.timeline.events[e].id.as_str())
            .unwrap_or("")
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Insert(c));
        }
    }

    #[test]
    fn opens_on_the_signing_with_the_milestones_in_view() {
        let t = story();
        let a = app(&t);
        assert_eq!(id(&a), "signing");
        let rows = a.list_rows();
        let shown: Vec<&str> = a.events[a.offset..a.offset + rows]
            .iter()
            .map(|&e| t.events[e].id.as_str())
            .collect();
        for m in [
            "riv-week",
            "signing",
            "drawdown-135",
            "withdrawal-14-months",
        ] {
            assert!(shown.contains(&m), "{m} not in {shown:?}");
        }
    }

    #[test]
    fn moving_keeps_the_selection_in_range_and_in_view() {
        let t = story();
        let mut a = app(&t);
        let n = a.events.len();
        a.update(Action::Top);
        assert_eq!((a.selected, a.offset), (0, 0));
        a.update(Action::Up);
        assert_eq!(a.selected, 0);
        a.update(Action::Down);
        assert_eq!(a.selected, 1);
        a.update(Action::Bottom);
        assert_eq!(a.selected, n - 1);
        assert!(a.offset + a.list_rows() > a.selected);
        a.update(Action::Down);
        assert_eq!(a.selected, n - 1);
        a.update(Action::PageUp);
        assert_eq!(a.selected, n - 1 - a.list_rows());
        a.update(Action::PageDown);
        assert_eq!(a.selected, n - 1);
        a.update(Action::HalfPageUp);
        assert_eq!(a.selected, n - 1 - a.list_rows() / 2);
        a.update(Action::HalfPageDown);
        assert_eq!(a.selected, n - 1);
        assert!(a.offset <= a.selected);
    }

    #[test]
    fn toggling_sources_filters_events_and_keeps_the_selection() {
        let t = story();
        let mut a = app(&t);
        let sun = t.source_index("sun").expect("sun");
        a.update(Action::ToggleSource(sun));
        assert!(!a.visible[sun]);
        assert_eq!(a.events, t.visible_events(&a.visible));
        assert!(a.events.len() < t.events.len());
        assert_eq!(id(&a), "signing");
        a.update(Action::ToggleSource(sun));
        assert_eq!(a.events.len(), t.events.len());
        a.update(Action::ToggleSource(8));
        assert!(
            a.message
                .as_deref()
                .is_some_and(|m| m.contains("no source 9"))
        );
        for s in 0..t.sources.len() {
            a.update(Action::ToggleSource(s));
        }
        assert!(a.events.is_empty());
        assert_eq!(a.selected_event(), None);
        a.update(Action::Down);
        a.update(Action::Open);
        assert_eq!(a.view, View::Main);
        a.update(Action::ShowAllSources);
        assert_eq!(a.events.len(), t.events.len());
    }

    #[test]
    fn m_hides_the_less_salient_half_of_the_drafted_events() {
        let mut t = story();
        let mut a = app(&t);
        a.update(Action::ToggleMinor);
        assert!(
            a.message
                .as_deref()
                .is_some_and(|m| m.contains("no minor events"))
        );
        assert_eq!(a.events.len(), t.events.len());
        // Ten drafted events, salience 0 to 9; the others a person wrote.
        for (i, e) in t.events.iter_mut().take(10).enumerate() {
            e.origin = annals_core::Origin::Drafted(annals_core::Drafted {
                basis: annals_core::Basis::Stated,
                fingerprint: None,
                salience: annals_core::Salience::new(i as f64),
            });
        }
        let mut a = app(&t);
        a.update(Action::ToggleMinor);
        assert_eq!(a.events.len(), t.events.len() - 5);
        assert!(!a.events.iter().any(|&e| e < 5), "{:?}", a.events);
        assert!(a.events.contains(&5) && a.events.contains(&10));
        let said = a.message.clone().unwrap_or_default();
        assert!(
            said.contains("5 minor events hidden") && said.contains("m shows"),
            "{said}"
        );
        a.update(Action::ToggleMinor);
        assert_eq!(a.events.len(), t.events.len());
        // With a source hidden too, both filters hold.
        a.update(Action::ToggleMinor);
        a.update(Action::ToggleSource(t.source_index("sun").expect("sun")));
        let mut expected = t.visible_events(&a.visible);
        expected.retain(|&e| e >= 5);
        assert_eq!(a.events, expected);
    }

    #[test]
    fn hiding_the_selected_event_moves_to_the_next_one() {
        let t = story();
        let mut a = app(&t);
        let tweet = t.event_index("embassy-tweet").expect("tweet");
        a.select_event(Some(tweet));
        a.update(Action::ToggleSource(t.source_index("sun").expect("sun")));
        assert_eq!(id(&a), "joint-declaration");
    }

    #[test]
    fn passages_tabs_cycle_and_the_article_opens_at_the_quote() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::Open);
        assert_eq!(a.view, View::Passages(PassagesView::default()));
        a.update(Action::NextSource);
        a.update(Action::NextSource);
        a.update(Action::PrevSource);
        assert!(matches!(
            a.view,
            View::Passages(PassagesView { tab: 1, .. })
        ));
        let tabs = a.event_sources().len();
        for _ in 0..tabs {
            a.update(Action::NextSource);
        }
        assert!(matches!(
            a.view,
            View::Passages(PassagesView { tab: 1, .. })
        ));
        a.update(Action::OpenArticle);
        let View::Article(art) = a.view.clone() else {
            panic!("article view expected, got {:?}", a.view);
        };
        assert_eq!(art.source, a.event_sources()[1]);
        a.update(Action::Bottom);
        let View::Article(bottom) = a.view.clone() else {
            panic!("still in the article");
        };
        assert!(bottom.scroll >= art.scroll);
        a.update(Action::Top);
        assert!(matches!(
            a.view,
            View::Article(ArticleView { scroll: 0, .. })
        ));
        a.update(Action::Back);
        assert!(matches!(
            a.view,
            View::Passages(PassagesView { tab: 1, .. })
        ));
        a.update(Action::Back);
        assert_eq!(a.view, View::Main);
    }

    #[test]
    fn search_is_incremental_and_n_wraps_around() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::Search);
        assert_eq!(a.mode(), Mode::Prompt);
        typed(&mut a, "kab");
        assert_eq!(a.query(), Some("kab"));
        let first = id(&a).to_string();
        assert!(search::event_matches(
            &t,
            a.selected_event().unwrap_or(0),
            "kab"
        ));
        a.update(Action::DeleteChar);
        assert_eq!(a.query(), Some("ka"));
        typed(&mut a, "b");
        a.update(Action::Confirm);
        assert_eq!(a.popup, None);
        assert_eq!(id(&a), first);
        let hits = a.matches();
        assert!(hits.len() >= 2);
        for _ in 0..hits.len() {
            a.update(Action::NextMatch);
        }
        assert_eq!(id(&a), first, "n cycles through every match");
        a.update(Action::PrevMatch);
        assert_ne!(id(&a), first);
        // Esc clears the search, and never quits.
        a.update(Action::Back);
        assert!(a.search.is_none());
        assert!(!a.quit);
        a.update(Action::NextMatch);
        assert!(a.message.is_some());
        a.update(Action::Back);
        assert!(!a.quit);
        assert!(a.message.as_deref().is_some_and(|m| m.contains("q quits")));
    }

    #[test]
    fn a_cancelled_or_failed_search_restores_the_selection_and_a_failed_one_stays() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::Search);
        typed(&mut a, "kabul");
        assert_ne!(id(&a), "signing");
        a.update(Action::Cancel);
        assert_eq!((id(&a), a.query()), ("signing", None));
        a.update(Action::Search);
        typed(&mut a, "zzzz");
        a.update(Action::Confirm);
        // A failed search stays (so Esc clears it), the selection restored.
        assert_eq!((id(&a), a.query()), ("signing", Some("zzzz")));
        assert!(a.message.as_deref().is_some_and(|m| m.contains("no match")));
        a.update(Action::Back);
        assert_eq!((a.query(), a.quit), (None, false));
    }

    #[test]
    fn jump_finds_the_nearest_event_to_a_date_a_year_or_an_id() {
        let t = story();
        let mut a = app(&t);
        for (input, want) in [
            ("2009", "unama-casualties"),
            ("2001-10", "invasion"),
            ("2021", "withdrawal-14-months"),
            ("2030-01-01", "withdrawal-14-months"),
            ("1990", "attacks"),
            ("drawdown-135", "drawdown-135"),
            ("signing + 135 days", "drawdown-135"),
            ("Feb 2020", "negotiations"),
            ("29 february 2020", "taliban-order"),
        ] {
            a.update(Action::Jump);
            typed(&mut a, input);
            a.update(Action::Confirm);
            assert_eq!(id(&a), want, "jump to {input}");
            assert_eq!(a.message, None);
        }
        a.update(Action::Jump);
        typed(&mut a, "yesterday");
        a.update(Action::Confirm);
        assert!(a.message.as_deref().is_some_and(|m| {
            m.contains("“yesterday” is not a date: write a year (2010)")
                && m.ends_with("(“taliban-order + 30 days”)")
        }));
        assert_eq!(id(&a), "taliban-order");
    }

    #[test]
    fn picker_toggles_with_space_and_closes() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::SourcePicker);
        assert_eq!(a.mode(), Mode::Picker);
        a.update(Action::Down);
        a.update(Action::Toggle);
        assert!(!a.visible[1]);
        a.update(Action::Up);
        a.update(Action::Up);
        assert_eq!(a.popup, Some(Popup::Picker { cursor: 0 }));
        a.update(Action::ToggleSource(2));
        assert_eq!(a.popup, Some(Popup::Picker { cursor: 2 }));
        a.update(Action::ShowAllSources);
        assert!(a.visible.iter().all(|&v| v));
        a.update(Action::Back);
        assert_eq!(a.popup, None);
    }

    #[test]
    fn help_opens_over_any_view_and_quit_always_quits() {
        let t = story();
        let mut a = app(&t);
        a.update(Action::Open);
        a.update(Action::Help);
        assert_eq!(a.mode(), Mode::Help);
        a.update(Action::Down);
        assert_eq!(a.popup, Some(Popup::Help { scroll: 1 }));
        // Scrolling stops with the last line at the overlay's bottom: on
        // 80×24 the overlay shows 24 - 4 rows, and no blank page past them.
        for _ in 0..200 {
            a.update(Action::Down);
        }
        let Some(Popup::Help { scroll }) = a.popup else {
            panic!("the help is open")
        };
        let shown = |a: &App| {
            let mut screen =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
            screen.draw(|f| crate::ui::draw::draw(f, a)).unwrap();
            let cells = screen.backend().buffer().content();
            cells.iter().map(|c| c.symbol()).collect::<String>()
        };
        let last = "suspends annals; fg resumes";
        let bottom = shown(&a);
        assert!(bottom.contains(last), "scrolled to {scroll}: {bottom}");
        a.update(Action::Up);
        let up_one = shown(&a);
        assert!(!up_one.contains(last), "scrolled to {scroll}: {up_one}");
        a.update(Action::Back);
        assert_eq!(a.mode(), Mode::Passages);
        a.update(Action::Help);
        a.update(Action::Quit);
        assert!(a.quit);
    }

    #[test]
    fn keys_mouse_and_resizes_arrive_through_handle() {
        let t = story();
        let mut a = app(&t);
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        a.handle(&key('g'));
        assert_eq!(a.selected, 0);
        a.handle(&Event::Resize(120, 40));
        assert!(layout::main(a.size, a.events.len()).wide);
        // A click on the list's fourth row selects the fourth event shown.
        let list = layout::main(a.size, a.events.len()).list;
        a.handle(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: list.x + 5,
            row: list.y + 4,
            modifiers: KeyModifiers::NONE,
        }));
        assert_eq!(a.selected, a.offset + 3);
        // A click at the right end of the axis selects the last event.
        a.handle(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 119,
            row: 1,
            modifiers: KeyModifiers::NONE,
        }));
        assert_eq!(id(&a), "withdrawal-14-months");
        a.handle(&Event::Resize(80, 24));
        a.handle(&key('g'));
        a.handle(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 3,
            row: 6,
            modifiers: KeyModifiers::NONE,
        }));
        assert_eq!((a.offset, a.selected), (3, 3));
        a.handle(&Event::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        )));
        assert!(a.quit);
    }
}
