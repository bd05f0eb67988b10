//! The one-line prompt in the status bar: incremental search, and jumping to
//! the event nearest a date, a year or an event id.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::action::Action;
use super::super::app::{App, Popup, Prompt, PromptKind, View};
use super::coverage;
use annals_core::date;
use annals_core::text::sanitize_line;

/// What a key does in the prompt.
pub fn update(app: &mut App, action: Action, mut prompt: Prompt) {
    match action {
        Action::Insert(c) => prompt.input.push(c),
        Action::DeleteChar => {
            prompt.input.pop();
        }
        Action::Cancel => {
            match prompt.kind {
                PromptKind::Search => {
                    app.search = None;
                    app.select_event(prompt.origin);
                }
                PromptKind::FindSource => find_source(app, None, true),
                PromptKind::Jump => {}
            }
            return;
        }
        Action::Confirm => {
            match prompt.kind {
                PromptKind::Search if prompt.input.is_empty() => {
                    app.search = app.stashed.take();
                }
                PromptKind::Search => app.confirm_search(),
                PromptKind::Jump => jump(app, &prompt.input),
                PromptKind::FindSource => {
                    find_source(app, None, false);
                    if !prompt.input.is_empty() && coverage::match_count(app, &prompt.input) == 0 {
                        app.message = Some(format!(
                            "no source matches “{}”",
                            sanitize_line(&prompt.input)
                        ));
                    }
                }
            }
            return;
        }
        _ => {}
    }
    if prompt.kind == PromptKind::Search && matches!(action, Action::Insert(_) | Action::DeleteChar)
    {
        // Incremental: every keystroke searches again from where it began.
        app.search_for(&prompt.input, prompt.origin);
    }
    if prompt.kind == PromptKind::FindSource
        && matches!(action, Action::Insert(_) | Action::DeleteChar)
    {
        find_source(app, Some(&prompt.input), false);
    }
    app.popup = Some(Popup::Prompt(prompt));
}

/// In the coverage view, finds the first source matching `input` from where
/// the search began (with the outlets folded as they were then); with no
/// input, ends the search, going back there if `restore`.
fn find_source(app: &mut App, input: Option<&str>, restore: bool) {
    let View::Coverage(mut c) = app.view.clone() else {
        return;
    };
    let began = match input {
        Some(_) => c.before_find.clone(),
        None => c.before_find.take(),
    };
    if let Some((row, folded)) = began.filter(|_| input.is_some() || restore) {
        c.row = row;
        c.folded = folded;
        if restore {
            c.find = None;
        }
    }
    if let Some(input) = input {
        coverage::find(app, &mut c, input, true, false);
    }
    app.view = View::Coverage(c);
}

/// Jumps to the visible event nearest a date, a year, a month or an event id.
fn jump(app: &mut App, input: &str) {
    let input = input.trim();
    if let Some(i) = app.timeline.event_index(input) {
        match app.position(i) {
            Some(pos) => app.selected = pos,
            None => app.message = Some(format!("event “{input}” is hidden by the source filter")),
        }
        return;
    }
    // A date as a person types it ("2009", "Feb 2020", "7 June 2010"), or
    // relative to an event ("signing + 135 days"), resolved against it.
    let target = crate::typed_date::parse(input).or_else(|typed| {
        let relative = date::parse_str(input).ok().and_then(|spec| {
            let anchor = app.timeline.event_index(spec.anchor()?)?;
            spec.resolve(app.timeline.events[anchor].when()).ok()
        });
        relative.ok_or(typed)
    });
    let target = match target {
        Ok(target) => target,
        Err(e) => {
            // The story's own event for the relative example.
            let id = app
                .selected_event()
                .map_or("signing", |i| &app.timeline.events[i].id);
            app.message = Some(format!(
                "{e}, an event id or a date counted from one (“{} + 30 days”)",
                sanitize_line(id)
            ));
            return;
        }
    };
    match app.nearest(target.start, target.end) {
        Some(pos) => app.selected = pos,
        None => app.message = Some("no events are visible".into()),
    }
}

/// Draws the prompt over the status bar, with the cursor after the input.
pub fn view(frame: &mut Frame, app: &App, area: Rect, prompt: &Prompt) {
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let label = match prompt.kind {
        PromptKind::Search => "/".to_string(),
        PromptKind::Jump => "jump to (date, year or event): ".to_string(),
        PromptKind::FindSource => "find source: ".to_string(),
    };
    let input = sanitize_line(&prompt.input).into_owned();
    let hits = match (&app.search, prompt.kind) {
        (Some(find), PromptKind::Search) if !prompt.input.is_empty() => {
            if find.is_done(app.timeline) {
                format!("   {} matching events", find.shown)
            } else {
                format!(
                    "   searching… {} % · {} matching events so far",
                    find.percent(app.timeline),
                    find.shown
                )
            }
        }
        (None, PromptKind::Search) if !prompt.input.is_empty() => "   0 matching events".into(),
        (_, PromptKind::FindSource) if !prompt.input.is_empty() => {
            format!(
                "   {} matching",
                super::main::count(coverage::match_count(app, &prompt.input), "source")
            )
        }
        _ => String::new(),
    };
    let line = Line::from(vec![
        Span::styled(label.clone(), app.theme.heading),
        Span::raw(input.clone()),
        Span::styled(hits, app.theme.dim),
    ]);
    frame.render_widget(Clear, status);
    frame.render_widget(Paragraph::new(line), status);
    let x = (label.width() + input.width()).min(usize::from(area.width - 1));
    frame.set_cursor_position(Position::new(area.x + x as u16, status.y));
}
