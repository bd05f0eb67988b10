//! A newcomer's first hour, scripted: the things a person tries in their
//! first hour with annals, on a fixture story saved as a reader saves it
//! (`tests/fixtures/wikinews-iphone4/`: four Wikinews articles, CC BY 2.5,
//! under the long names a browser gives them; see the `.LICENSE` beside the
//! folder). Each test is one of issue 21's numbered items.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .env("ANNALS_CACHE_DIR", "") // never the user's cache
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PAGER")
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .expect("annals runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The fixture's folder.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wikinews-iphone4")
}

/// The fixture story copied into a folder of its own, named as a person
/// would ("iPhone 4 (2010)"), to add files to.
fn story() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("iPhone 4 (2010)");
    fs::create_dir(&dir).expect("story folder");
    for entry in fs::read_dir(fixture()).expect("fixture") {
        let path = entry.expect("entry").path();
        fs::copy(&path, dir.join(path.file_name().expect("name"))).expect("copy");
    }
    (tmp, dir)
}

/// An article with no date anywhere, which cannot be drafted.
const UNDATED: &str = "Notes from a trader, iPhone 4 launch week (no date).txt";

#[test]
fn item2_a_folder_drafted_with_an_undated_article_still_opens() {
    let (_tmp, dir) = story();
    fs::write(
        dir.join(UNDATED),
        "Trader notes\n\nShares of Apple moved on the news, a trader said.\n",
    )
    .expect("write");
    let draft = annals(&["draft", s(&dir)]);
    assert_eq!(draft.status.code(), Some(1), "{}", text(&draft.stderr));
    assert!(dir.join("timeline.toml").exists(), "the draft is written");
    // Opening the folder shows what loads, and says what it left out.
    let print = annals(&["print", s(&dir)]);
    let (out, err) = (text(&print.stdout), text(&print.stderr));
    assert_eq!(print.status.code(), Some(1), "{err}");
    assert!(
        out.contains("Pre-orders of the recently announced iPhone 4"),
        "{out}"
    );
    assert!(out.contains("from 4 of 4 sources"), "{out}");
    assert!(
        err.contains(&format!("showing what loads: 1 problem in {UNDATED}")),
        "{err}"
    );
    assert!(
        err.contains(UNDATED) && err.contains("no publication date"),
        "{err}"
    );
    // `check` stays strict: the problem, and no timeline.
    let check = annals(&["check", s(&dir)]);
    assert_eq!(check.status.code(), Some(1));
    assert!(text(&check.stdout).is_empty(), "{}", text(&check.stdout));
    assert!(text(&check.stderr).contains("no publication date"));
    // Dated, the article loads and the folder is whole again.
    fs::write(
        dir.join(UNDATED),
        "+++\npublished = 2010-06-20\n+++\nTrader notes\n\nShares of Apple moved.\n",
    )
    .expect("write");
    let again = annals(&["print", s(&dir)]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
}

#[test]
fn item2_a_json_lines_file_with_a_bad_line_drafts_and_opens() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("export");
    fs::create_dir(&dir).expect("dir");
    let mut lines = String::new();
    for (n, entry) in fs::read_dir(fixture()).expect("fixture").enumerate() {
        let path = entry.expect("entry").path();
        let body = fs::read_to_string(&path).expect("read");
        let title = body.lines().next().unwrap_or_default().to_string();
        let line = serde_json::json!({
            "title": title, "published": "2010-08-09T09:00:00Z", "text": body,
        });
        lines.push_str(&line.to_string());
        lines.push('\n');
        if n == 1 {
            lines.push_str("{\"title\": \"cut short\", \"text\": \"the export stopped\n");
        }
    }
    let jsonl = dir.join("wikinews-apple-2010-08-09T0900Z-export.jsonl");
    fs::write(&jsonl, lines).expect("write");
    let draft = annals(&["draft", s(&jsonl)]);
    assert_eq!(draft.status.code(), Some(1), "{}", text(&draft.stderr));
    assert!(text(&draft.stderr).contains(":3:1: not a JSON object"));
    let print = annals(&["print", s(&dir)]);
    let (out, err) = (text(&print.stdout), text(&print.stderr));
    assert_eq!(print.status.code(), Some(1), "{err}");
    assert!(out.contains("from 4 of 4 sources"), "{out}");
    assert!(err.contains(":3:1: not a JSON object"), "{err}");
    assert!(err.contains("showing what loads"), "{err}");
}

#[test]
fn item2_an_event_whose_quote_is_gone_is_left_out_and_counted() {
    let (_tmp, dir) = story();
    assert_eq!(annals(&["draft", s(&dir)]).status.code(), Some(0));
    let toml = dir.join("timeline.toml");
    let written = fs::read_to_string(&toml).expect("timeline");
    let events = written.matches("[[events]]").count();
    // A hand edit that breaks the one quote of an event: that event is left
    // out, the rest shown.
    let mut blocks: Vec<String> = written.split("[[events]]").map(str::to_string).collect();
    let one = blocks
        .iter()
        .position(|b| b.matches("[[events.evidence]]").count() == 1)
        .expect("an event with one passage");
    blocks[one] = blocks[one].replacen("quote = \"", "quote = \"Not in the article: ", 1);
    fs::write(&toml, blocks.join("[[events]]")).expect("write");
    let print = annals(&["print", s(&dir)]);
    let (out, err) = (text(&print.stdout), text(&print.stderr));
    assert_eq!(print.status.code(), Some(1), "{err}");
    assert!(
        out.contains(&format!("{} events from", events - 1)),
        "{out}"
    );
    assert!(err.contains("quote not found"), "{err}");
    assert!(
        err.contains("showing what loads, 1 event left out: 1 problem in timeline.toml"),
        "{err}"
    );
}

#[test]
fn item3_files_annals_cannot_read_are_named_with_what_to_do() {
    let (_tmp, dir) = story();
    fs::write(
        dir.join("Apple Q3 2010 results (press release).pdf"),
        "%PDF-1.4\n",
    )
    .unwrap();
    fs::write(
        dir.join("antennagate notes, July 2010.docx"),
        "PK\u{3}\u{4}",
    )
    .unwrap();
    fs::create_dir(dir.join("images")).unwrap();
    let print = annals(&["print", s(&dir)]);
    let err = text(&print.stderr);
    assert_eq!(print.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "skipped 2 files annals does not read (.docx, .pdf): save each article as .txt or .md"
        ),
        "{err}"
    );
    let check = annals(&["check", s(&dir)]);
    assert_eq!(check.status.code(), Some(0), "skipped files are no problem");
    assert!(text(&check.stderr).contains("skipped 2 files"));
    // A folder of nothing annals reads is not "empty": its files are named.
    let tmp = tempfile::tempdir().unwrap();
    for name in [
        "iPhone 4 review.pdf",
        "Antenna statement – Apple Press Info.html",
    ] {
        fs::write(tmp.path().join(name), "x").unwrap();
    }
    let none = annals(&["print", s(tmp.path())]);
    let err = text(&none.stderr);
    assert_eq!(none.status.code(), Some(1), "{err}");
    assert!(!err.contains("empty data folder"), "{err}");
    assert!(
        err.contains("no article annals can read here: 2 files skipped (.html, .pdf): Antenna statement – Apple Press Info.html, iPhone 4 review.pdf"),
        "{err}"
    );
    assert!(err.contains("pdftotext"), "{err}");
}

#[test]
fn item6_dates_are_typed_as_people_write_them_with_examples_in_every_error() {
    let (_tmp, dir) = story();
    // A year, a month in words, a day: all read, each to its whole span.
    let since_year = annals(&[
        "draft",
        s(&dir),
        "--since",
        "2010",
        "--until",
        "June 2010",
        "-o",
        "-",
    ]);
    let toml = text(&since_year.stdout);
    assert_eq!(
        since_year.status.code(),
        Some(0),
        "{}",
        text(&since_year.stderr)
    );
    assert!(
        toml.contains("date = 2010-06-24"),
        "June 2010 runs to its end:\n{toml}"
    );
    assert!(!toml.contains("date = 2010-07"), "{toml}");
    let feb = annals(&["draft", s(&dir), "--since", "jul 2010", "-o", "-"]);
    assert_eq!(feb.status.code(), Some(0), "{}", text(&feb.stderr));
    assert!(!text(&feb.stdout).contains("date = 2010-06"));
    // Mistakes are usage errors that say what is wrong, with examples.
    for (bad, says) in [
        ("2010-13-01", "there is no month 13"),
        ("2010-02-30", "February 2010 has 28 days"),
        ("Febuary 2020", "is not a date"),
        ("soon", "is not a date"),
    ] {
        let out = annals(&["draft", s(&dir), "--since", bad]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(
            err.contains(says) && err.contains("June 2010"),
            "{bad}: {err}"
        );
        assert!(
            !err.contains("premature end") && !err.contains("out of range"),
            "{err}"
        );
    }
    let published = annals(&["print", s(&dir), "--published", "June 2010"]);
    assert_eq!(published.status.code(), Some(2));
    assert!(text(&published.stderr).contains("is a month, not a day"));
    // A filter that leaves nothing says so, and how to widen it.
    let none = annals(&["draft", s(&dir), "--since", "2011-01-01", "-o", "-"]);
    let err = text(&none.stderr);
    assert_eq!(none.status.code(), Some(1), "{err}");
    assert!(err.contains("no event on or after 2011-01-01"), "{err}");
    assert!(
        err.contains("widen or leave out --since / --until"),
        "{err}"
    );
}

#[test]
fn item7_a_typo_a_long_id_and_a_year_in_csv() {
    let (_tmp, dir) = story();
    // A mistyped command before the folder gets a "did you mean".
    let typo = annals(&["prnt", s(&dir)]);
    let err = text(&typo.stderr);
    assert_eq!(typo.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`prnt` is not a command") && err.contains("did you mean `print`?"),
        "{err}"
    );
    // --source takes an id in any case, or the start of one.
    let one = annals(&["print", s(&dir), "-s", "Apple-Swamped"]);
    assert_eq!(one.status.code(), Some(0), "{}", text(&one.stderr));
    assert!(text(&one.stdout).contains("from 1 of 4 sources"));
    let several = annals(&["print", s(&dir), "-s", "apple"]);
    let err = text(&several.stderr);
    assert_eq!(several.status.code(), Some(2), "{err}");
    assert!(err.contains("`apple` could be any of 4 sources"), "{err}");
    // CSV keeps a year a year, as JSON does.
    let csv = annals(&["print", s(&dir), "-f", "csv"]);
    let rows = text(&csv.stdout);
    assert!(
        rows.lines().any(|l| l.contains(",2007,2007,year,")),
        "{rows}"
    );
}

#[test]
fn item1_one_article_alone_drafts_its_happenings() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("first try");
    fs::create_dir(&dir).expect("dir");
    let name = "Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference 2010 - Wikinews, the free news source.txt";
    fs::copy(fixture().join(name), dir.join(name)).expect("copy");
    // Opened as it is: drafted in memory, every dated happening of it.
    let print = annals(&["print", s(&dir)]);
    let (out, err) = (text(&print.stdout), text(&print.stderr));
    assert_eq!(print.status.code(), Some(0), "{err}");
    assert!(out.contains("1 of 1 source\n"), "{out}");
    for happening in [
        "2010-06-07  Company CEO Steve Jobs unveiled iPhone 4",
        "2010-04     iOS 4 was first introduced by Apple",
    ] {
        assert!(out.contains(happening), "{happening} in\n{out}");
    }
    let events: usize = out
        .lines()
        .nth(1)
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("N events");
    assert!(events >= 4, "{out}");
    // And drafted to keep, the same events.
    let draft = annals(&["draft", s(&dir)]);
    let err = text(&draft.stderr);
    assert_eq!(draft.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!("drafted {events} events from 1 article →")),
        "{err}"
    );
    assert_eq!(annals(&["check", s(&dir)]).status.code(), Some(0));
}

#[test]
fn item2_drafting_again_with_an_article_that_cannot_be_read_keeps_the_timeline() {
    let (_tmp, dir) = story();
    let toml = dir.join("timeline.toml");
    // The first draft with an undated article beside the others; then the
    // same folder drafted again: the undated article is left out again,
    // said, and nothing changed.
    fs::write(
        dir.join(UNDATED),
        "Trader notes\n\nShares of Apple moved.\n",
    )
    .unwrap();
    assert_eq!(annals(&["draft", s(&dir)]).status.code(), Some(1));
    let first = fs::read_to_string(&toml).expect("written");
    let again = annals(&["draft", s(&dir)]);
    let err = text(&again.stderr);
    assert_eq!(again.status.code(), Some(1), "{err}");
    assert!(!err.contains("fix them"), "{err}");
    assert!(
        err.contains(&format!("{UNDATED}:1:1: no publication date")),
        "{err}"
    );
    assert!(
        err.contains("nothing changed in ")
            && err.contains("drafted again from 4 articles, the same ")
            && err.contains("what could not be read is left out (1 problem, below)"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&toml).unwrap(), first);
    fs::remove_file(dir.join(UNDATED)).unwrap();

    // An article the draft quoted becomes unreadable (a front matter left
    // open): its events are kept as they are, the others drafted again.
    let swamped =
        dir.join("Apple swamped by iPhone 4 pre-orders - Wikinews, the free news source.txt");
    let article = fs::read_to_string(&swamped).unwrap();
    assert_eq!(annals(&["draft", s(&dir)]).status.code(), Some(0));
    let before = fs::read_to_string(&toml).unwrap();
    let quoted: Vec<&str> = before
        .split("[[events]]")
        .filter(|e| e.contains("source = \"apple-swamped-by-iphone-4"))
        .collect();
    assert!(quoted.len() >= 2, "{before}");
    fs::write(&swamped, format!("+++\n{article}")).unwrap();
    let broken = annals(&["draft", s(&dir)]);
    let err = text(&broken.stderr);
    assert_eq!(broken.status.code(), Some(1), "{err}");
    assert!(err.contains("broken front matter"), "{err}");
    assert!(
        err.contains(&format!(
            "kept {} events quoting articles not read, as they are",
            quoted.len()
        )),
        "{err}"
    );
    let after = fs::read_to_string(&toml).unwrap();
    for event in &quoted {
        assert!(after.contains(event), "lost:\n{event}\nin:\n{after}");
    }
    // Readable again, the folder drafts as before, and opens whole.
    fs::write(&swamped, &article).unwrap();
    let mended = annals(&["draft", s(&dir)]);
    assert_eq!(mended.status.code(), Some(0), "{}", text(&mended.stderr));
    assert_eq!(
        fs::read_to_string(&toml)
            .unwrap()
            .matches("[[events]]")
            .count(),
        before.matches("[[events]]").count()
    );
    assert_eq!(annals(&["check", s(&dir)]).status.code(), Some(0));
    // A problem in timeline.toml itself still stops the draft, and the
    // file is left as it is.
    let mistyped =
        fs::read_to_string(&toml)
            .unwrap()
            .replacen("quote = \"", "quote = \"Not in it: ", 1);
    fs::write(&toml, &mistyped).unwrap();
    let refused = annals(&["draft", s(&dir)]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("fix them (`annals check`)"));
    assert_eq!(fs::read_to_string(&toml).unwrap(), mistyped);
}

#[test]
fn item2_a_json_lines_file_with_a_bad_line_drafts_again() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let jsonl = tmp.path().join("export.jsonl");
    let mut lines = String::new();
    for entry in fs::read_dir(fixture()).expect("fixture") {
        let body = fs::read_to_string(entry.expect("entry").path()).expect("read");
        let line = serde_json::json!({ "published": "2010-08-09", "text": body });
        lines.push_str(&format!("{line}\n"));
    }
    lines.push_str("{\"text\": \"cut short\n");
    fs::write(&jsonl, lines).expect("write");
    assert_eq!(annals(&["draft", s(&jsonl)]).status.code(), Some(1));
    let written = fs::read_to_string(tmp.path().join("timeline.toml")).unwrap();
    let again = annals(&["draft", s(&jsonl)]);
    let err = text(&again.stderr);
    assert_eq!(again.status.code(), Some(1), "{err}");
    assert!(err.contains("export.jsonl:5:1"), "{err}");
    assert!(err.contains("nothing changed"), "{err}");
    assert_eq!(
        fs::read_to_string(tmp.path().join("timeline.toml")).unwrap(),
        written
    );
}

#[test]
fn item7_the_story_is_named_by_what_its_titles_share_or_by_title() {
    let (_tmp, dir) = story();
    // A wire story saved with its byline first: the byline is not its title.
    fs::write(
        dir.join("Apple antenna press conference (CNN).txt"),
        "By the CNN Wire Staff\nJuly 16, 2010\n\nApple CEO holds iPhone 4 antenna press \
         conference\n\nApple CEO Steve Jobs said on Friday that the company would give \
         every iPhone 4 owner a free case.\n",
    )
    .unwrap();
    let draft = annals(&["draft", s(&dir)]);
    assert_eq!(draft.status.code(), Some(0), "{}", text(&draft.stderr));
    let toml = dir.join("timeline.toml");
    let written = fs::read_to_string(&toml).unwrap();
    assert!(
        written.starts_with("title = \"Apple and iPhone 4\"\n"),
        "{written}"
    );
    assert!(!written.contains("CNN Wire Staff"), "{written}");
    let json = text(&annals(&["print", s(&dir), "-f", "json"]).stdout);
    assert!(
        json.contains("\"title\": \"Apple CEO holds iPhone 4 antenna press conference\""),
        "{json}"
    );
    // --title names it, on a first draft and on a draft made again, and
    // the name a person gave stays when drafting again without it.
    let named = annals(&["draft", s(&dir), "--title", "Antennagate, 2010"]);
    let err = text(&named.stderr);
    assert_eq!(named.status.code(), Some(0), "{err}");
    assert!(err.contains("a new title"), "{err}");
    let renamed = fs::read_to_string(&toml).unwrap();
    assert!(
        renamed.starts_with("title = \"Antennagate, 2010\"\n"),
        "{renamed}"
    );
    assert_eq!(
        renamed[renamed.find('\n').unwrap()..],
        written[written.find('\n').unwrap()..]
    );
    let again = annals(&["draft", s(&dir)]);
    assert!(text(&again.stderr).contains("nothing changed"));
    assert_eq!(fs::read_to_string(&toml).unwrap(), renamed);
    let fresh = annals(&["draft", s(&dir), "--title", "Mine", "-o", "-"]);
    assert!(text(&fresh.stdout).starts_with("title = \"Mine\"\n"));
}

#[test]
fn item7_ids_follow_one_rule_and_sources_are_numbered_as_people_count() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let article = |date: &str, text: &str| format!("+++\npublished = {date}\n+++\n{text}\n");
    fs::write(
        dir.join("10_Apple_ships_iPhone_4.txt"),
        article("2010-06-24", "Apple shipped the iPhone 4 on June 24, 2010."),
    )
    .unwrap();
    fs::write(
        dir.join("2_Apple_Unveils_iPhone_4.txt"),
        article(
            "2010-06-08",
            "Steve Jobs unveiled the iPhone 4 on June 7, 2010.",
        ),
    )
    .unwrap();
    fs::write(
        dir.join("Jobs's letter.txt"),
        article(
            "2010-07-17",
            "Jobs wrote that Apple would give free cases on July 16, 2010.",
        ),
    )
    .unwrap();
    let json = text(&annals(&["print", s(dir), "-f", "json"]).stdout);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let ids: Vec<&str> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    // Lower case, whatever the file name's case; 2 before 10.
    assert_eq!(
        ids,
        [
            "2_apple_unveils_iphone_4",
            "10_apple_ships_iphone_4",
            "jobss-letter"
        ]
    );
    // A timeline.toml that cites ids as an older annals made them (the file
    // name as it came) still loads.
    fs::write(
        dir.join("timeline.toml"),
        "title = \"iPhone 4\"\n\n[[events]]\nid = \"shipped\"\ntitle = \"Shipped\"\ndate = 2010-06-24\n\
         evidence = [{ source = \"10_Apple_ships_iPhone_4\", quote = \"Apple shipped the iPhone 4\" }]\n\n\
         [[events]]\nid = \"letter\"\ntitle = \"Letter\"\ndate = 2010-07-16\n\
         evidence = [{ source = \"jobs-s-letter\", quote = \"free cases\" }]\n",
    )
    .unwrap();
    let check = annals(&["check", s(dir)]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    // Drafted event ids follow the same rule, in ASCII.
    let drafted = annals(&["draft", s(dir), "-o", "-"]);
    let toml = text(&drafted.stdout);
    for line in toml.lines().filter(|l| l.starts_with("id = ")) {
        let id = &line[6..line.len() - 1];
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
            "{id}"
        );
    }
}

#[test]
fn item7_options_anywhere_and_a_typo_after_them() {
    let (_tmp, dir) = story();
    // Global options after the command, as people type them.
    let print = annals(&["print", s(&dir), "--color", "never", "-s", "APPLE-SWAMPED"]);
    assert_eq!(print.status.code(), Some(0), "{}", text(&print.stderr));
    assert!(text(&print.stdout).contains("from 1 of 4 sources"));
    let data = annals(&["check", "--data", s(&dir), "--max-file-size", "10"]);
    assert_eq!(data.status.code(), Some(0), "{}", text(&data.stderr));
    // A mistyped command after options (and their values) is still named.
    for args in [
        vec!["--color", "never", "prnt", "x"],
        vec!["--color=never", "prnt", s(&dir)],
        vec!["--data", s(&dir), "prnt"],
        vec!["--published", "2010-06-07", "--color", "always", "prnt"],
    ] {
        let out = annals(&args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("`prnt` is not a command") && err.contains("did you mean `print`?"),
            "{args:?}: {err}"
        );
    }
    // Shells never offer file names for --source: an id is not a file.
    let bash = text(&annals(&["completions", "bash"]).stdout);
    let at = bash.find("--source)").expect("--source in the script");
    let case = &bash[at..at + bash[at..].find(";;").unwrap()];
    assert!(!case.contains("compgen -f"), "{case}");
}

#[test]
fn item7_ics_escapes_and_folds_and_one_is_singular() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(
        dir.join("only.txt"),
        "+++\npublished = 2010-06-08\n+++\nSteve Jobs unveiled the iPhone 4 on June 7, 2010.\n",
    )
    .unwrap();
    let title = "Apple, iPhone 4; the “antennagate” summer — ééééééééééééééééééééééééééé";
    let draft = annals(&["draft", s(dir), "--title", title]);
    assert_eq!(draft.status.code(), Some(0), "{}", text(&draft.stderr));
    assert!(
        text(&draft.stderr).contains("drafted 1 event from 1 article →"),
        "{}",
        text(&draft.stderr)
    );
    let check = text(&annals(&["check", s(dir)]).stdout);
    assert!(
        check.starts_with("ok: 1 event from 1 source, every quote found"),
        "{check}"
    );
    let print = text(&annals(&["print", s(dir)]).stdout);
    assert!(print.contains("\n1 event from 1 of 1 source\n"), "{print}");
    let ics = annals(&["print", s(dir), "-f", "ics"]).stdout;
    let lines: Vec<&[u8]> = ics.split(|&b| b == b'\n').collect();
    for line in &lines {
        assert!(line.len() <= 76, "over 75 octets: {}", text(line));
    }
    // Unfolded, NAME escapes its commas and semicolons, as X-WR-CALNAME does.
    let unfolded = text(&ics).replace("\r\n ", "");
    let name = unfolded.lines().find(|l| l.starts_with("NAME:")).unwrap();
    assert!(
        name.starts_with("NAME:Apple\\, iPhone 4\\; the “antennagate” summer"),
        "{name}"
    );
    assert!(
        unfolded.contains("X-WR-CALNAME:Apple\\, iPhone 4\\; the"),
        "{unfolded}"
    );
}
