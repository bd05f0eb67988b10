//! The explorer drawn on ratatui's `TestBackend` after scripted keys: reviewed
//! snapshots at 120×40, 80×24 and 40×12, in colour and monochrome, plus a
//! property test that no size and no key sequence panics.

use annals::ui::keymap::Key;
use annals::ui::{App, Theme, draw};
use annals_core::Timeline;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn story() -> Timeline {
    annals::bundled::load().expect("the bundled story loads")
}

/// Presses keys written as in keys.toml, separated by spaces ("j j Enter").
fn press(app: &mut App, keys: &str) {
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        let key = Key::parse(k).unwrap_or_else(|| panic!("test key {k:?}"));
        let mut mods = KeyModifiers::NONE;
        if key.ctrl {
            mods |= KeyModifiers::CONTROL;
        }
        app.handle(&Event::Key(KeyEvent::new(key.code, mods)));
    }
}

/// Types text into a prompt, character by character.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(&Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn render(app: &App) -> Buffer {
    let size = app.size;
    let mut terminal =
        Terminal::new(TestBackend::new(size.width, size.height)).expect("test terminal");
    terminal.draw(|f| draw(f, app)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen's text, one line per row, trailing blanks kept so widths show.
fn screen(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn app_at(timeline: &Timeline, width: u16, height: u16, color: bool) -> App<'_> {
    let theme = if color { Theme::color() } else { Theme::mono() };
    App::new(timeline, theme, Rect::new(0, 0, width, height))
}

/// The screen's styles: a grid with one letter per distinct style ('.' for
/// none) and a legend, so a snapshot shows what is highlighted and how.
fn styles(buf: &Buffer) -> String {
    use ratatui::style::Style;
    let mut legend: Vec<Style> = Vec::new();
    let mut grid = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            let style = buf[(x, y)].style();
            let plain = |c: Option<ratatui::style::Color>| {
                matches!(c, None | Some(ratatui::style::Color::Reset))
            };
            if plain(style.fg) && plain(style.bg) && style.add_modifier.is_empty() {
                line.push('.');
                continue;
            }
            let i = legend.iter().position(|s| *s == style).unwrap_or_else(|| {
                legend.push(style);
                legend.len() - 1
            });
            line.push(char::from(b'A' + (i % 26) as u8));
        }
        grid.push_str(line.trim_end_matches('.'));
        grid.push('\n');
    }
    for (i, s) in legend.iter().enumerate() {
        grid.push_str(&format!(
            "{}: fg={:?} bg={:?} {:?}\n",
            char::from(b'A' + (i % 26) as u8),
            s.fg,
            s.bg,
            s.add_modifier
        ));
    }
    grid
}

fn both(buf: &Buffer) -> String {
    format!("{}\n{}", screen(buf), styles(buf))
}

/// The milestones the issue names, by the words of their titles.
const MILESTONES: [&str; 4] = [
    "reduction in violence",
    "sign the agreement in Doha",
    "135 days",
    "14 months",
];

#[test]
fn milestones_are_in_the_list_and_on_the_axis_at_80x24() {
    let t = story();
    let app = app_at(&t, 80, 24, true);
    let buf = render(&app);
    let text = screen(&buf);
    for m in MILESTONES {
        assert!(text.contains(m), "{m:?} not on screen:\n{text}");
        let e = t
            .events
            .iter()
            .position(|e| e.title.contains(m))
            .expect("event");
        let axis = annals::ui::draw::axis_layout(&app, 80);
        let mark = axis.marks.iter().find(|k| k.event == e).expect("a mark");
        let glyph = buf[(mark.from, 1)].symbol();
        assert!(["●", "◆", "━"].contains(&glyph), "{m}: {glyph:?}");
    }
    // The signing is selected, and the axis says so.
    assert!(
        text.contains("▶2020-02-29       1234 ≠ The US and the Taliban sign"),
        "{text}"
    );
    assert!(text.lines().nth(1).is_some_and(|l| l.contains('◆')));
}

#[test]
fn snapshot_80x24_color() {
    let t = story();
    insta::assert_snapshot!(both(&render(&app_at(&t, 80, 24, true))));
}

#[test]
fn snapshot_80x24_mono() {
    let t = story();
    insta::assert_snapshot!(both(&render(&app_at(&t, 80, 24, false))));
}

#[test]
fn snapshot_120x40_color_side_by_side() {
    let t = story();
    let buf = render(&app_at(&t, 120, 40, true));
    let text = screen(&buf);
    // Every event fits in the list.
    assert!(text.contains("Al-Qaeda attacks the United States"));
    assert!(text.contains("14 months: all remaining"));
    insta::assert_snapshot!(both(&buf));
}

#[test]
fn snapshot_40x12_mono_small() {
    let t = story();
    insta::assert_snapshot!(both(&render(&app_at(&t, 40, 12, false))));
}

#[test]
fn snapshot_passages_highlight_the_quote() {
    let t = story();
    let mut app = app_at(&t, 80, 24, true);
    press(&mut app, "Enter Tab");
    let buf = render(&app);
    let text = screen(&buf);
    assert!(text.contains("Passages · 2020-02-29"));
    insta::assert_snapshot!(both(&buf));
}

#[test]
fn snapshot_article_scrolled_to_the_passage_mono() {
    let t = story();
    let mut app = app_at(&t, 80, 24, false);
    press(&mut app, "G Enter Tab Tab o");
    insta::assert_snapshot!(both(&render(&app)));
}

#[test]
fn snapshot_filter_status_after_hiding_two_sources() {
    let t = story();
    let mut app = app_at(&t, 80, 24, true);
    press(&mut app, "1 3");
    let buf = render(&app);
    let text = screen(&buf);
    assert!(text.contains("of 19 events"));
    assert!(!text.contains(" 19 of 19 events"));
    insta::assert_snapshot!(both(&buf));
}

#[test]
fn snapshot_source_picker_over_the_list() {
    let t = story();
    let mut app = app_at(&t, 80, 24, true);
    press(&mut app, "s j Space");
    insta::assert_snapshot!(screen(&render(&app)));
}

#[test]
fn snapshot_search_highlights_matches_120x40() {
    let t = story();
    let mut app = app_at(&t, 120, 40, true);
    press(&mut app, "/");
    type_text(&mut app, "kabul");
    press(&mut app, "Enter");
    insta::assert_snapshot!(both(&render(&app)));
}

#[test]
fn snapshot_help_lists_every_key() {
    let t = story();
    let mut app = app_at(&t, 80, 140, true);
    press(&mut app, "?");
    let text = screen(&render(&app));
    for key in ["Ctrl-d", "PgDn", "Shift-Tab", "1…9", "Ctrl-C"] {
        assert!(text.contains(key), "{key} missing from help:\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn snapshot_jump_prompt_and_too_small_terminals() {
    let t = story();
    let mut app = app_at(&t, 80, 24, false);
    press(&mut app, "t");
    type_text(&mut app, "2009");
    insta::assert_snapshot!("jump_prompt", screen(&render(&app)));
    let small = app_at(&t, 39, 9, false);
    let text = screen(&render(&small));
    assert!(
        text.starts_with("annals needs 40×10; this is 39×9"),
        "{text}"
    );
    for (w, h) in [(0, 0), (1, 1), (0, 5), (5, 0)] {
        let tiny = app_at(&t, w, h, true);
        let _ = render(&tiny);
    }
}

/// Appends `text` to a source's body, after every passage, so offsets hold.
fn append(source: &mut annals_core::Source, text: &str) {
    let body = format!("{}{text}", source.body());
    *source = source.clone().with_body(body);
}

#[test]
fn control_characters_in_articles_are_drawn_as_placeholders() {
    let mut t = story();
    // A title and an article paragraph carrying terminal escapes. The ESC takes
    // the place of a one-byte space, so every passage offset stays valid.
    t.events[0].title = "Evil \u{1b}[2J title".into();
    let passage = t.events[0].passages()[0].clone();
    let source = t.sources[passage.source()].clone();
    let space = source.body()[passage.quote()]
        .find(' ')
        .map(|i| passage.quote().start + i)
        .expect("a quote with a space");
    let mut body = source.body().to_string();
    body.replace_range(space..space + 1, "\u{1b}");
    t.sources[passage.source()] = source.with_body(body);
    let mut app = app_at(&t, 120, 40, true);
    press(&mut app, "g");
    let text = screen(&render(&app));
    assert!(!text.contains('\u{1b}'));
    assert!(text.contains("Evil \u{241b}[2J title"));
    // The detail pane draws the paragraph with the placeholder too.
    assert!(text.matches('\u{241b}').count() >= 2, "{text}");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const KEYS: &[&str] = &[
        "j",
        "k",
        "g",
        "G",
        "Enter",
        "Esc",
        "Tab",
        "BackTab",
        "o",
        "s",
        "Space",
        "/",
        "t",
        "n",
        "N",
        "?",
        "0",
        "1",
        "2",
        "3",
        "4",
        "9",
        "PageDown",
        "PageUp",
        "Ctrl-d",
        "Ctrl-u",
        "x",
        "Backspace",
        "Home",
        "End",
        "q",
        "Down",
        "Up",
        "h",
        "l",
        "2",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn no_size_and_no_keys_panic(
            w in 0u16..160,
            h in 0u16..60,
            keys in proptest::collection::vec(0..KEYS.len(), 0..40),
            resize in proptest::option::of((0u16..160, 0u16..60)),
        ) {
            let t = story();
            let mut app = app_at(&t, w, h, true);
            for (i, k) in keys.iter().enumerate() {
                // "q" ends a real session; keep going to exercise more states.
                if KEYS[*k] == "q" { continue; }
                press(&mut app, KEYS[*k]);
                if i == keys.len() / 2 && let Some((w2, h2)) = resize {
                    app.handle(&Event::Resize(w2, h2));
                }
                let _ = render(&app);
                prop_assert!(app.events.is_empty() || app.selected < app.events.len());
                prop_assert!(app.offset <= app.selected || app.events.is_empty());
            }
        }
    }
}

#[test]
fn snapshot_detail_pane_scrolls_with_a_bar() {
    let t = story();
    let mut app = app_at(&t, 80, 24, true);
    let top = screen(&render(&app));
    assert!(top.contains("Saturday 29 February 2020"));
    press(&mut app, "J J J Ctrl-e");
    let buf = render(&app);
    let text = screen(&buf);
    // Four rows down: the date and the title have scrolled away.
    assert!(!text.contains("Saturday 29 February 2020"), "{text}");
    assert_eq!(app.detail_scroll, 4);
    insta::assert_snapshot!(both(&buf));
    // K and Ctrl-y scroll back; a new selection starts at the top again.
    press(&mut app, "K Ctrl-y");
    assert_eq!(app.detail_scroll, 2);
    press(&mut app, "j");
    assert_eq!(app.detail_scroll, 0);
    // Scrolling never passes the end of the text.
    press(&mut app, "k");
    for _ in 0..200 {
        press(&mut app, "J");
    }
    let bottom = screen(&render(&app));
    assert!(
        app.detail_scroll > 4 && app.detail_scroll < 200,
        "{}",
        app.detail_scroll
    );
    assert!(
        bottom.lines().nth(22).is_some_and(|l| l.ends_with('┃')),
        "{bottom}"
    );
}

#[test]
fn the_mouse_wheel_over_the_detail_pane_scrolls_it() {
    use crossterm::event::{MouseEvent, MouseEventKind};
    let t = story();
    let mut app = app_at(&t, 80, 24, true);
    let (offset, selected) = (app.offset, app.selected);
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 20,
            modifiers: KeyModifiers::NONE,
        })
    };
    app.handle(&wheel(MouseEventKind::ScrollDown));
    assert_eq!(app.detail_scroll, 3);
    assert_eq!((app.offset, app.selected), (offset, selected));
    app.handle(&wheel(MouseEventKind::ScrollUp));
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn snapshot_light_theme_80x24() {
    let t = story();
    let app = App::new(&t, Theme::light(), Rect::new(0, 0, 80, 24));
    let buf = render(&app);
    // Nothing is drawn in the terminal's default colours on a white page
    // except plain text: every styled cell has an exact, chosen colour.
    for cell in buf.content() {
        let s = cell.style();
        for c in [s.fg, s.bg].into_iter().flatten() {
            assert!(
                matches!(
                    c,
                    ratatui::style::Color::Rgb(..) | ratatui::style::Color::Reset
                ),
                "{c:?}"
            );
        }
    }
    insta::assert_snapshot!(both(&buf));
}

#[test]
fn a_config_remaps_keys_and_help_and_hints_follow() {
    let t = story();
    let config = annals::config::parse(
        std::path::Path::new("c.toml"),
        "[keys.main]\nquit = [\"x\"]\nhelp = [\"F\"]\n",
    )
    .expect("valid config");
    let mut app = app_at(&t, 80, 100, true);
    app.keymap = config.keymap();
    let status = screen(&render(&app));
    assert!(status.contains(" F help"), "{status}");
    press(&mut app, "q");
    assert!(!app.quit);
    press(&mut app, "F");
    let help = screen(&render(&app));
    assert!(
        help.contains("  x                     quit annals"),
        "{help}"
    );
    press(&mut app, "Esc x");
    assert!(app.quit);
}

/// A flag, a family joined with ZWJ, letters with combining marks, and CJK.
const GLYPHS: &str = "🇶🇦 flag, 👨‍👩‍👧 family, Ǹ̃a̐ève, 多哈协议";

/// The story with wide and combined glyphs in a title, a summary, a source
/// title and at the end of an article (after every passage, so offsets hold).
fn glyph_story() -> Timeline {
    let mut t = story();
    let signing = t.event_index("signing").expect("signing");
    let long = format!("{GLYPHS} {GLYPHS} {GLYPHS} {GLYPHS}");
    t.events[signing].title = format!("Signed: {long}");
    t.events[signing].summary = Some(long.clone());
    t.sources[0].title = format!("Arrival {GLYPHS}");
    append(&mut t.sources[0], &format!("\n\n{long} {long}"));
    t
}

/// Every row fits the terminal, cell by cell, and each glyph is whole.
fn assert_cells_fit(buf: &Buffer) {
    use unicode_width::UnicodeWidthStr;
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            let w = sym.width().max(1) as u16;
            assert!(x + w <= buf.area.width, "row {y}: {sym:?} overflows at {x}");
            x += w;
        }
    }
}

#[test]
fn snapshot_wide_and_combined_glyphs_take_their_cells() {
    let t = glyph_story();
    let mut app = app_at(&t, 120, 40, true);
    let main = render(&app);
    assert_cells_fit(&main);
    let text = screen(&main);
    // The list cuts the title whole glyphs at a time; the pane border holds.
    for line in text.lines().skip(4).take(20) {
        if let Some(border) = line.find('│') {
            let col = unicode_width::UnicodeWidthStr::width(&line[..border]);
            assert_eq!(col, 72, "the border moved: {line}");
        }
    }
    assert!(text.contains("👨‍👩‍👧"), "{text}");
    assert!(text.contains("🇶🇦"), "{text}");
    assert!(text.contains("Ǹ̃a̐ève"), "{text}");
    insta::assert_snapshot!("glyphs_main", both(&main));
    // The passages, with the source title, and the article's last rows.
    press(&mut app, "Enter");
    let passages = render(&app);
    assert_cells_fit(&passages);
    insta::assert_snapshot!("glyphs_passages", screen(&passages));
    press(&mut app, "o G");
    let article = render(&app);
    assert_cells_fit(&article);
    let text = screen(&article);
    assert!(text.contains("多哈协议"), "{text}");
    insta::assert_snapshot!("glyphs_article", screen(&article));
    // And narrow, where the list is compact.
    let app = app_at(&t, 41, 12, false);
    let narrow = render(&app);
    assert_cells_fit(&narrow);
    insta::assert_snapshot!("glyphs_narrow", screen(&narrow));
}

/// A synthetic story, loaded in memory.
fn synthetic(articles: usize) -> Timeline {
    let story = annals_synth::generate(articles, 3);
    let sources = story
        .sources
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()));
    let files = annals::bundled::in_memory("synth", story.timeline.into_bytes(), sources);
    annals_core::load::load_files(&files).unwrap_or_else(|p| panic!("{p}"))
}

#[test]
fn a_long_search_runs_in_slices_and_shows_its_progress() {
    use annals::ui::Action;
    let t = synthetic(1500);
    let mut app = app_at(&t, 100, 30, true);
    press(&mut app, "/");
    type_text(&mut app, "the");
    assert!(app.busy(), "one slice does not search 15,000 events");
    let prompt = screen(&render(&app));
    assert!(prompt.contains("searching… "), "{prompt}");
    assert!(prompt.contains("matching events so far"), "{prompt}");
    press(&mut app, "Enter");
    let main = screen(&render(&app));
    let title = main.lines().next().unwrap_or_default();
    assert!(
        title.contains("search “the”: ") && title.ends_with(" %"),
        "{main}"
    );
    // n uses what was found so far.
    let before = app.selected;
    press(&mut app, "n");
    assert_ne!(app.selected, before);
    let mut ticks = 0;
    while app.busy() {
        app.update(Action::Tick);
        ticks += 1;
        assert!(ticks < 10_000);
    }
    // 15,000 events take three slices (measured), a margin of one.
    assert!((2..=4).contains(&ticks), "{ticks}");
    let done = screen(&render(&app));
    let hits = app.matches().len();
    let title = done.lines().next().unwrap_or_default();
    let n = app.match_number().expect("the selection is a match");
    assert!(
        title.ends_with(&format!("search “the”: match {n} of {hits}")),
        "{done}"
    );
    assert!(!done.contains("searching…"), "{done}");
}

#[test]
fn a_huge_article_opens_at_its_quote_and_is_measured_while_read() {
    use annals::ui::Action;
    let mut t = story();
    let line = "Officials said the talks went on through the night. ".repeat(40);
    let extra = format!("\n\n{line}").repeat(20_000);
    append(&mut t.sources[0], &extra);
    let mut app = app_at(&t, 80, 24, false);
    press(&mut app, "Enter o");
    let opened = screen(&render(&app));
    assert!(opened.contains("(measuring)"), "{opened}");
    assert!(app.busy());
    press(&mut app, "G");
    let bottom = screen(&render(&app));
    assert!(!bottom.contains("(measuring)"), "{bottom}");
    let status = bottom.lines().last().unwrap_or_default().to_string();
    let total: usize = status
        .split(" of ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(total > 100_000, "{status}");
    assert!(status.contains(&format!("–{total} of {total}")), "{status}");
    assert!(bottom.contains("Officials said the talks"), "{bottom}");
    press(&mut app, "g");
    app.update(Action::Tick);
    assert!(!app.busy());
}

#[test]
fn a_draft_says_so_in_the_title_bar_and_its_events_in_the_detail() {
    let mut t = story();
    let signing = t.event_index("signing").expect("signing");
    t.events[signing].origin = annals_core::Origin::Drafted(annals_core::Drafted {
        salience: None,
        basis: annals_core::Basis::Stated,
        fingerprint: None,
    });
    let app = app_at(&t, 120, 40, false)
        .drafted("a draft, not saved: `annals draft my-story` writes timeline.toml".into());
    let text = screen(&render(&app));
    assert!(
        text.contains(" annals · draft · The US–Taliban agreement"),
        "{text}"
    );
    assert!(
        text.contains("a draft, not saved: `annals draft my-story`"),
        "{text}"
    );
    // The explorer opens on the signing, which is drafted here.
    assert!(
        text.contains("drafted from 4 sources; date written in the"),
        "{text}"
    );
    // Without the mark, no "draft" anywhere.
    let plain = screen(&render(&app_at(&story(), 120, 40, false)));
    assert!(!plain.contains("draft"), "{plain}");
}

/// The newcomer's fixture story (four Wikinews articles under the long names a
/// browser saves them with; see tests/fixtures/wikinews-iphone4.LICENSE),
/// drafted in memory as `annals DIR` drafts it.
fn newcomer_story() -> Timeline {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wikinews-iphone4");
    let options = annals_core::load::Options::default();
    let files = annals_core::load::read_with(&dir, &options).expect("the fixture reads");
    let (sources, problems) = annals_core::load::articles(files, &options);
    assert!(problems.is_empty(), "{problems}");
    annals_draft::draft(sources, &annals_tagger::Tagger::new(), &Default::default())
}

/// The newcomer's story opened as `annals "iPhone 4 (2010)"` opens it: a
/// draft, which says how to save it.
fn newcomer_app(t: &Timeline, width: u16, height: u16) -> App<'_> {
    App::new(t, Theme::mono(), Rect::new(0, 0, width, height))
        .drafted("a draft, not saved: `annals draft 'iPhone 4 (2010)'` writes timeline.toml".into())
}

/// The status bar's row, and the rows of a message band above it.
fn bottom(text: &str, rows: usize) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len() - rows..].to_vec()
}

#[test]
fn item4_the_status_bar_fits_real_source_ids_at_every_width() {
    let t = newcomer_story();
    let total = t.events.len();
    let hint = "a draft, not saved: `annals draft 'iPhone 4 (2010)'` writes timeline.toml";
    for width in [80, 120, 220, 250] {
        let mut app = newcomer_app(&t, width, 30);
        let text = screen(&render(&app));
        let status = bottom(&text, 1)[0];
        // Counts and help always; the message whole, in the bar or above it.
        assert!(
            status.ends_with(&format!("{total} of {total} events · ? help")),
            "{width}: {status}"
        );
        let joined = bottom(&text, 3).join(" ");
        let squeezed: String = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squeezed.contains(hint), "{width}:\n{text}");
        // The ids (90 to 100 columns each) fold to their numbers.
        assert!(!status.contains("wikinews"), "{width}: {status}");
        assert!(status.starts_with(" 1234"), "{width}: {status}");
        // Hiding a source and pressing a key: the hints come back, with the filter.
        press(&mut app, "2");
        let status = bottom(&screen(&render(&app)), 1)[0].to_string();
        assert!(
            status.contains(&format!("of {total} events · ? help")),
            "{status}"
        );
        if width >= 120 {
            assert!(status.contains("Enter passages"), "{width}: {status}");
        }
        if width == 120 {
            insta::assert_snapshot!(
                "newcomer_status_120",
                bottom(&screen(&render(&app)), 2).join("\n")
            );
        }
    }
    // At 80 columns the draft's hint does not fit in the bar: it wraps above it.
    let app = newcomer_app(&t, 80, 24);
    insta::assert_snapshot!("newcomer_80x24", screen(&render(&app)));
    // Too many sources for their numbers: "N sources · s".
    let mut many = t.clone();
    for i in 0..8 {
        let mut extra = many.sources[0].clone();
        extra.id = format!("wikinews-copy-{i}");
        many.sources.push(extra);
    }
    let mut app = newcomer_app(&many, 80, 24);
    press(&mut app, "j");
    let status = bottom(&screen(&render(&app)), 1)[0].to_string();
    assert!(status.starts_with(" 12 sources · s"), "{status}");
    press(&mut app, "1");
    let status = bottom(&screen(&render(&app)), 1)[0].to_string();
    assert!(status.starts_with(" 11 of 12 sources · s"), "{status}");
}

#[test]
fn item5_esc_never_quits_and_a_failed_search_stays() {
    let t = newcomer_story();
    let mut app = newcomer_app(&t, 120, 30);
    // Into the passages and back, then one Esc too many: still here.
    press(&mut app, "Enter Esc Esc");
    assert!(!app.quit);
    let text = screen(&render(&app));
    assert!(
        bottom(&text, 1)[0].contains("nothing to close here: q quits annals"),
        "{text}"
    );
    // A search that finds nothing stays, says so, and the next Esc clears it.
    let before = app.selected;
    press(&mut app, "/");
    type_text(&mut app, "antennagate");
    press(&mut app, "Enter");
    let text = screen(&render(&app));
    let title = text.lines().next().unwrap_or_default();
    assert!(title.ends_with("search “antennagate”: no match"), "{text}");
    assert!(
        text.contains("no match: no event mentions “antennagate”; Esc clears"),
        "{text}"
    );
    assert_eq!(app.selected, before);
    press(&mut app, "Esc");
    assert!(app.search.is_none() && !app.quit);
    press(&mut app, "Esc");
    assert!(!app.quit, "Esc never quits the main screen");
    press(&mut app, "q");
    assert!(app.quit, "q does");
}

#[test]
fn item6_the_jump_prompt_takes_a_month_in_words() {
    let t = newcomer_story();
    let mut app = newcomer_app(&t, 120, 30);
    press(&mut app, "t");
    type_text(&mut app, "july 2010");
    press(&mut app, "Enter");
    let e = app.selected_event().expect("a selection");
    assert_eq!(
        t.events[e].when().start.format("%Y-%m").to_string(),
        "2010-07"
    );
    press(&mut app, "t");
    type_text(&mut app, "Febuary 2020");
    press(&mut app, "Enter");
    let text = screen(&render(&app));
    let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squeezed.contains("“Febuary 2020” is not a date: write a year (2010), a month (2010-06, June 2010) or a day (2010-06-07, 7 June 2010)"),
        "{text}"
    );
}

#[test]
fn item8_layout_on_a_real_story() {
    let t = newcomer_story();
    // At 120 columns the split view keeps 53 columns of each title (44 before).
    let mut app = newcomer_app(&t, 120, 30);
    press(&mut app, "g");
    let text = screen(&render(&app));
    assert!(
        text.contains("Today's glitches were apparently in the transaction a…│"),
        "{text}"
    );
    // The picker grows with the terminal: whole ids and titles at 220.
    let mut wide = newcomer_app(&t, 220, 30);
    press(&mut wide, "s");
    let picker = screen(&render(&wide));
    assert!(
        picker.contains("apple-unveils-iphone-4-ios-4-at-worldwide-developers-conference-2010-wikinews-the-free-news-source · Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference 2010"),
        "{picker}"
    );
    assert!(
        picker.contains("  1 event") && picker.contains("  6 events"),
        "{picker}"
    );
    // Matches are marked in the list, and the title bar counts them.
    press(&mut app, "/");
    type_text(&mut app, "antenna");
    press(&mut app, "Enter");
    let text = screen(&render(&app));
    let marked = text.lines().filter(|l| l.starts_with('•')).count();
    let found = app.search.as_ref().map_or(0, |f| f.shown);
    assert!(found >= 3, "{text}");
    assert_eq!(marked + 1, found, "{text}");
    assert!(
        text.lines()
            .next()
            .unwrap_or_default()
            .ends_with(&format!("match 1 of {found}")),
        "{text}"
    );
    press(&mut app, "n");
    let text = screen(&render(&app));
    assert!(
        text.lines()
            .next()
            .unwrap_or_default()
            .ends_with(&format!("match 2 of {found}")),
        "{text}"
    );
    // less's paging keys on the list.
    let mut small = newcomer_app(&t, 80, 12);
    press(&mut small, "g Space");
    let page = small.selected;
    assert!(page >= 2, "{page}");
    press(&mut small, "b");
    assert_eq!(small.selected, 0);
    press(&mut small, "Ctrl-f");
    assert_eq!(small.selected, page);
    press(&mut small, "Ctrl-b");
    assert_eq!(small.selected, 0);
}

/// The bundled story with its comparison, as the explorer opens it.
fn compared_app<'t>(
    t: &'t Timeline,
    c: &'t annals_core::comparison::Comparison,
    width: u16,
    height: u16,
    color: bool,
) -> App<'t> {
    app_at(t, width, height, color).compared(c)
}

#[test]
fn snapshot_compare_view_of_the_drawdown_120x40() {
    let t = story();
    let c = annals_compare::compare(&t);
    let mut app = compared_app(&t, &c, 120, 40, true);
    app.select_event(t.event_index("drawdown-135"));
    press(&mut app, "c");
    let buf = render(&app);
    let text = screen(&buf);
    // One column per source, side by side, under its heading.
    assert!(
        text.lines().nth(1).is_some_and(|l| {
            ["1 arrival", "│2 conditional", "│3 pullout", "│4 sun"]
                .iter()
                .all(|h| l.contains(h))
        }),
        "{text}"
    );
    // The computed disagreements the issue names, and the hand-written one.
    for said in [
        "≠ troops: 8,600 as a level or as a change (number): “to 8,600 soldiers” (arrival, pullout) vs “withdrawing 8,600",
        "≠ how long (duration): “within a few months” (arrival) vs “within the first 135 days” (conditional) vs “in the next",
        "≠ troops as of 2020-02-29 (number): “from today's 12,000 to 13,000” (arrival) vs “from 13,000” (pullout, sun)",
        "Sources disagree (as written in the timeline): How long: 135 days",
    ] {
        assert!(text.contains(said), "{said:?} not in\n{text}");
    }
    insta::assert_snapshot!(both(&buf));
}

/// The cells of `buf` drawn in the colours of `style`, as text, row by row.
fn cells_in(buf: &Buffer, style: ratatui::style::Style) -> Vec<String> {
    let same = |s: ratatui::style::Style| s.fg == style.fg && s.bg == style.bg;
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .filter(|&x| same(buf[(x, y)].style()))
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

#[test]
fn the_differing_values_are_marked_in_each_sources_passage() {
    let t = story();
    let c = annals_compare::compare(&t);
    let theme = Theme::color();
    let differs = theme.differs;
    let mut app = compared_app(&t, &c, 120, 40, true);
    app.select_event(t.event_index("drawdown-135"));
    press(&mut app, "c");
    let marked = cells_in(&render(&app), differs).join("|");
    // In the columns: each source's own words for the values.
    for words in [
        "withdrawing 8,600",
        "within the first 135 days",
        "three to",
        "four months",
        "from",
        "13,000",
    ] {
        assert!(marked.contains(words), "{words:?} not marked: {marked}");
    }
}

#[test]
fn snapshot_compare_view_at_80x24_scrolls_its_columns_sideways() {
    let t = story();
    let c = annals_compare::compare(&t);
    let mut app = compared_app(&t, &c, 80, 24, false);
    app.select_event(t.event_index("drawdown-135"));
    press(&mut app, "c");
    let first = screen(&render(&app));
    assert!(first.contains("1–2 of 4 sources"), "{first}");
    assert!(
        first
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("1 arrival") && l.contains("2 conditional"))
    );
    press(&mut app, "l l l l");
    let last = screen(&render(&app));
    assert!(last.contains("3–4 of 4 sources"), "{last}");
    assert!(
        last.lines()
            .nth(1)
            .is_some_and(|l| l.contains("3 pullout") && l.contains("4 sun"))
    );
    press(&mut app, "G");
    insta::assert_snapshot!(screen(&render(&app)));
    // Enter shows the first column's passages, one source at a time.
    press(&mut app, "Enter");
    assert!(screen(&render(&app)).contains("Passages · 2020-07-13"));
}

#[test]
fn bracket_d_visits_the_events_the_sources_disagree_on_in_the_list_and_the_compare_view() {
    let t = story();
    let c = annals_compare::compare(&t);
    let mut app = compared_app(&t, &c, 120, 40, false);
    let id = |app: &App| {
        t.events[app.selected_event().expect("a selection")]
            .id
            .clone()
    };
    press(&mut app, "g");
    let mut seen = Vec::new();
    for _ in 0..6 {
        press(&mut app, "] d");
        seen.push(id(&app));
    }
    assert_eq!(
        seen,
        [
            "taliban-order",
            "signing",
            "prisoner-release",
            "drawdown-135",
            "withdrawal-14-months",
            "taliban-order"
        ]
    );
    assert_eq!(
        app.message.as_deref(),
        Some("disagreement 1 of 5 (from the top)")
    );
    press(&mut app, "[ d");
    assert_eq!(id(&app), "withdrawal-14-months");
    // In the compare view, the same keys move it to the next event.
    press(&mut app, "c [ d");
    assert_eq!(id(&app), "drawdown-135");
    let text = screen(&render(&app));
    assert!(text.contains("Compare · 2020-07-13"), "{text}");
    // Halfway through a sequence, the status bar says how it goes on.
    press(&mut app, "]");
    assert!(screen(&render(&app)).contains("]… ]d next-disagreement"));
    press(&mut app, "Esc");
    assert!(
        screen(&render(&app)).contains("Compare · 2020-07-13"),
        "Esc ends the sequence, not the view"
    );
    press(&mut app, "Esc");
    assert!(screen(&render(&app)).contains("Events 19 of 19"));
}

#[test]
fn a_disagreement_needs_two_shown_sources_stating_different_values() {
    let mut t = story();
    // Without the notes a person wrote, only the computed ones are left.
    for e in &mut t.events {
        e.disagreement = None;
    }
    let c = annals_compare::compare(&t);
    let mut app = compared_app(&t, &c, 120, 40, false);
    let marked = |app: &App| -> Vec<String> {
        app.filtered
            .disagreeing
            .iter()
            .map(|&p| t.events[app.events[p]].id.clone())
            .collect()
    };
    assert_eq!(marked(&app), ["drawdown-135"]);
    let text = screen(&render(&app));
    assert!(
        text.contains("1234 ≠ 135 days: US forces down to 8,600"),
        "{text}"
    );
    assert!(
        text.contains("1234   The US and the Taliban sign the agreement in D"),
        "{text}"
    );
    // Arrival and pullout agree on "to 8,600"; conditional alone says
    // "withdrawing 8,600", and arrival alone "within a few months".
    press(&mut app, "2");
    assert_eq!(
        marked(&app),
        ["drawdown-135"],
        "pullout's 13,000 against arrival's 12,000 to 13,000"
    );
    press(&mut app, "1");
    assert_eq!(
        marked(&app),
        Vec::<String>::new(),
        "pullout and sun state nothing differently"
    );
    press(&mut app, "] d");
    assert_eq!(
        app.message.as_deref(),
        Some("the shown sources disagree on no event")
    );
    // With no disagreement anywhere the list keeps its width.
    let app = app_at(&t, 120, 40, false);
    let text = screen(&render(&app));
    assert!(text.contains("1234 The US and the Taliban sign"), "{text}");
}

#[test]
fn snapshot_coverage_view_of_the_bundled_story() {
    let t = story();
    let c = annals_compare::compare(&t);
    let mut app = compared_app(&t, &c, 100, 16, false);
    press(&mut app, "C");
    let text = screen(&render(&app));
    // The cursor starts on the selected event's column: the signing, 12th.
    assert!(
        text.contains("event 12 of 19: 2020-02-29 The US and the Taliban sign"),
        "{text}"
    );
    insta::assert_snapshot!(text);
    // Enter on another column selects its event in the list.
    press(&mut app, "l l l l l l Enter");
    assert_eq!(
        t.events[app.selected_event().expect("selected")].id,
        "drawdown-135"
    );
    assert!(screen(&render(&app)).contains("Events 19 of 19"));
}

#[test]
fn coverage_of_300_sources_folds_by_outlet_scrolls_and_finds_a_source() {
    let t = synthetic(300);
    let c = annals_compare::compare(&t);
    let mut app = compared_app(&t, &c, 100, 30, false);
    press(&mut app, "C");
    let text = screen(&render(&app));
    // Folded, one row an outlet, each counting its sources.
    assert!(
        text.contains("Coverage · 300 sources in 13 outlets"),
        "{text}"
    );
    let outlets = text.lines().filter(|l| l.starts_with(" ▸ ")).count();
    assert_eq!(outlets, 13, "{text}");
    assert!(
        text.contains("▸ The Morning Ledger        15 sources"),
        "{text}"
    );
    // Every shown row fits the screen.
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 100, "{line}");
    }
    // Find a source: its outlet unfolds and the cursor is on it.
    press(&mut app, "/");
    type_text(&mut app, "ledger-0002");
    press(&mut app, "Enter");
    let found = screen(&render(&app));
    assert!(found.contains("▾ The Morning Ledger"), "{found}");
    assert!(found.contains("  ledger-00024"), "{found}");
    assert!(found.contains("“ledger-0002”: 1 source"), "{found}");
    let annals::ui::app::View::Coverage(view) = app.view.clone() else {
        panic!("still the coverage view");
    };
    let rows = app.coverage.as_ref().expect("covered").rows(&view.folded);
    let ledger = t.source_index("ledger-00024").expect("a ledger source");
    assert_eq!(
        rows[view.row],
        annals::ui::screens::coverage::Row::Source(ledger)
    );
    // A cancelled search goes back to where it began, folds included.
    press(&mut app, "g /");
    type_text(&mut app, "herald");
    press(&mut app, "Esc");
    let annals::ui::app::View::Coverage(after) = app.view.clone() else {
        panic!("still the coverage view");
    };
    assert_eq!(after.row, 0);
    assert_eq!(after.folded, view.folded);
    // z folds every outlet (one is open), then unfolds them all: 13
    // headings and 300 sources; G reaches the last.
    press(&mut app, "z");
    let annals::ui::app::View::Coverage(folded) = app.view.clone() else {
        panic!("still the coverage view");
    };
    assert!(folded.folded.iter().all(|&f| f));
    press(&mut app, "z G");
    let annals::ui::app::View::Coverage(all) = app.view.clone() else {
        panic!("still the coverage view");
    };
    assert_eq!(
        app.coverage
            .as_ref()
            .expect("covered")
            .rows(&all.folded)
            .len(),
        313
    );
    assert_eq!(all.row, 312);
    assert!(all.top + 26 > all.row, "the last row is on screen");
    // Sideways: the columns follow the cursor, which starts on the selected event.
    assert_eq!(all.col, 2999);
    assert!(all.left > 0 && all.left <= all.col);
    press(&mut app, "Home");
    for _ in 0..60 {
        press(&mut app, "h");
    }
    let annals::ui::app::View::Coverage(moved) = app.view.clone() else {
        panic!("still the coverage view");
    };
    assert_eq!((moved.col, moved.left), (2939, 2939));
}

#[test]
fn the_list_counts_the_sources_past_the_ninth() {
    let t = synthetic(30);
    let app = app_at(&t, 120, 40, false);
    let text = screen(&render(&app));
    let badge_rows = text.lines().filter(|l| l.contains('+')).count();
    assert!(badge_rows > 0, "{text}");
    let pos = app.events[app.offset..]
        .iter()
        .position(|&e| t.events[e].sources().iter().filter(|&&s| s >= 9).count() > 0)
        .expect("an event of a tenth source");
    let e = app.events[app.offset + pos];
    let more = t.events[e].sources().iter().filter(|&&s| s >= 9).count();
    let row = text.lines().nth(4 + pos).unwrap_or_default();
    assert!(row.contains(&format!("+{more}")), "{row}");
}

/// While the sources are compared behind the first frame, the status bar
/// says so at its right end, beside the count, at any width that shows it;
/// once they are, it no longer does.
#[test]
fn the_status_bar_says_the_sources_are_still_being_compared() {
    let t = story();
    for width in [80, 120] {
        let mut app = app_at(&t, width, 24, false);
        app.comparing = true;
        let status = screen(&render(&app))
            .lines()
            .last()
            .unwrap_or_default()
            .to_string();
        assert!(
            status.contains("comparing sources… · 19 of 19 events · ? help"),
            "{width}: {status}"
        );
        app.comparing = false;
        let status = screen(&render(&app))
            .lines()
            .last()
            .unwrap_or_default()
            .to_string();
        assert!(!status.contains("comparing"), "{width}: {status}");
        assert!(
            status.contains("19 of 19 events · ? help"),
            "{width}: {status}"
        );
    }
}

/// The comparison arriving after the first frame marks the events its
/// sources disagree on, as one there from the start does; until then `]d`
/// says it is still coming. (The bundled story without its written
/// disagreements, so that only computed ones are marked.)
#[test]
fn a_comparison_that_arrives_late_marks_the_disagreements() {
    let mut t = story();
    for e in &mut t.events {
        e.disagreement = None;
    }
    let comparison = annals_compare::compare(&t);
    let at_once = app_at(&t, 120, 40, false).compared(&comparison);
    assert!(!at_once.filtered.disagreeing.is_empty());
    let mut late = app_at(&t, 120, 40, false);
    late.comparing = true;
    assert!(late.filtered.disagreeing.is_empty());
    press(&mut late, "] d");
    let waiting = late.message.clone().unwrap_or_default();
    assert!(waiting.contains("still being compared"), "{waiting}");
    late.message = None;
    late.compared_now(&comparison);
    assert!(!late.comparing);
    assert_eq!(late.filtered.disagreeing, at_once.filtered.disagreeing);
    assert_eq!(screen(&render(&late)), screen(&render(&at_once)));
}
