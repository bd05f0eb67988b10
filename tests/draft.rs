//! `annals draft` end to end: folders of articles as users keep them, JSON
//! Lines, the timeline.toml it writes (which `annals check` accepts), drafts
//! in memory, and re-drafting, which never loses a word a person wrote.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .env("ANNALS_CACHE_DIR", "") // never the user's cache
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PAGER")
        .output()
        .expect("annals runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The bundled story's four articles, as a user would save them: their seed
/// file names, no front matter but `published`.
fn doha(dir: &Path) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sources");
    for (n, name) in ["arrival", "conditional", "pullout", "sun"]
        .iter()
        .enumerate()
    {
        let file = fs::read_to_string(data.join(format!("{name}.txt"))).unwrap();
        let body = annals_core::source::split(&file).unwrap().body;
        fs::write(
            dir.join(format!("00{n}_seed article, {name}.txt")),
            format!("+++\npublished = 2020-02-29\n+++\n{body}"),
        )
        .unwrap();
    }
}

fn folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my story");
    fs::create_dir(&dir).unwrap();
    doha(&dir);
    (tmp, dir)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_folder_of_articles_drafts_a_timeline_that_checks() {
    let (_tmp, dir) = folder();
    let out = annals(&["draft", s(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("drafted "),
        "{}",
        text(&out.stderr)
    );
    let toml = fs::read_to_string(dir.join("timeline.toml")).unwrap();
    assert!(toml.contains("origin = \"drafted\""));
    assert!(toml.contains("date = 2001-09-11"));
    assert!(
        toml.contains(" + 14 months\""),
        "a milestone counted from the signing:\n{toml}"
    );
    assert!(toml.contains(" + 135 days\""));
    // Source ids come from the file names as they come.
    assert!(
        toml.contains("source = \"000_seed-article-arrival\""),
        "{toml}"
    );
    let check = annals(&["check", "--data", s(&dir)]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(text(&check.stdout).starts_with("ok: "));
    // And the drafted events say so when printed.
    let print = text(&annals(&["print", "--data", s(&dir)]).stdout);
    assert!(
        print.contains("drafted from 4 sources; date written in the articles"),
        "{print}"
    );
}

#[test]
fn nothing_a_person_wrote_is_lost_when_drafting_again() {
    let (_tmp, dir) = folder();
    assert!(annals(&["draft", s(&dir)]).status.success());
    let path = dir.join("timeline.toml");
    let first = fs::read_to_string(&path).unwrap();

    // A person edits the file: a comment and an event of their own at the
    // top, a drafted title rewritten (its origin left as it was), and one
    // drafted event claimed by removing its origin.
    let mut edited = first.replacen(
        "[[events]]",
        "# My notes: check the casualty figures.\n\n\
         [[events]]\nid = \"my-own\"\ntitle = \"Talks begin in Doha (my wording)\"\ndate = 2018\n\
         evidence = [{ source = \"001_seed-article-conditional\", quote = \"challenging negotiations\" }]\n\n\
         [[events]]",
        1,
    );
    let titles: Vec<String> = edited
        .lines()
        .filter(|l| l.starts_with("title = ") && !l.contains("my wording"))
        .map(String::from)
        .collect();
    let retitled = titles[2].clone();
    edited = edited.replacen(&retitled, "title = \"Retitled by a person\"", 1);
    let claimed_title = titles[3].clone();
    let claimed_at = edited.find(&claimed_title).unwrap();
    let origin_at = claimed_at + edited[claimed_at..].find("origin = \"drafted\"\n").unwrap();
    edited.replace_range(origin_at..origin_at + "origin = \"drafted\"\n".len(), "");
    fs::write(&path, &edited).unwrap();
    assert!(
        annals(&["check", "--data", s(&dir)]).status.success(),
        "the edits are valid"
    );

    // A new article arrives, and the story is drafted again.
    fs::write(
        dir.join("004 new report.txt"),
        "+++\npublished = 2020-03-10\n+++\nThe Taliban and the US began prisoner exchanges on Tuesday in Kabul, officials said.\n",
    )
    .unwrap();
    let out = annals(&["draft", s(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stderr);
    assert!(
        report.contains("kept 3 events written or edited by hand"),
        "{report}"
    );
    let after = fs::read_to_string(&path).unwrap();

    // Every line the person wrote or changed is still there, as written.
    for line in [
        "# My notes: check the casualty figures.",
        "id = \"my-own\"",
        "title = \"Talks begin in Doha (my wording)\"",
        "date = 2018",
        "title = \"Retitled by a person\"",
        claimed_title.as_str(),
    ] {
        assert!(after.contains(line), "lost {line:?}:\n{after}");
    }
    // The claimed event has no origin any more, and the retitled one still
    // has its old fingerprint: both are the person's now.
    let claimed = &after[after.find(&claimed_title).unwrap()..];
    let claimed = &claimed[..claimed.find("[[events]]").unwrap_or(claimed.len())];
    assert!(!claimed.contains("origin ="), "{claimed}");
    // The new article's happening was added.
    assert!(after.contains("source = \"004-new-report\""), "{after}");
    assert!(annals(&["check", "--data", s(&dir)]).status.success());

    // Drafting once more changes nothing: the draft is stable.
    assert!(annals(&["draft", s(&dir)]).status.success());
    assert_eq!(fs::read_to_string(&path).unwrap(), after);
}

#[test]
fn a_draft_to_standard_output_writes_no_file() {
    let (_tmp, dir) = folder();
    let out = annals(&["draft", s(&dir), "-o", "-"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("title = "));
    assert!(!dir.join("timeline.toml").exists());
}

#[test]
fn a_folder_without_timeline_is_drafted_in_memory_and_says_so() {
    let (_tmp, dir) = folder();
    let out = annals(&["print", "--format", "json", "--data", s(&dir)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The four articles draft 16 events (crates/draft/tests/doha.rs).
    let events = json["events"].as_array().unwrap().len();
    assert!((15..=17).contains(&events), "{events}");
    assert_eq!(json["events"][0]["origin"], "drafted");
    let note = text(&out.stderr);
    assert!(note.contains("a draft, not saved: `annals draft"), "{note}");
    assert!(!dir.join("timeline.toml").exists(), "nothing is written");
    let check = annals(&["check", s(&dir)]);
    assert!(
        text(&check.stdout).starts_with("ok: 4 articles read, "),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn json_lines_of_articles_draft_beside_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let jsonl = tmp.path().join("export.jsonl");
    let lines = [
        r#"{"title": "Deal signed", "published": "2020-02-29T09:00:00Z", "text": "The US and the Taliban signed a peace agreement in Doha on Saturday. All US troops will leave within 14 months of the signing.", "source": "Wire"}"#,
        r#"{"title": "Accord", "date": "2020-02-29", "body": "The US signed a peace agreement with the Taliban in Doha on Saturday. Troops would leave within 14 months of the signing."}"#,
        "this line is not JSON",
    ];
    fs::write(&jsonl, lines.join("\n")).unwrap();
    let out = annals(&["draft", s(&jsonl)]);
    // The bad line is reported by file:line and skipped; the rest drafts.
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("export.jsonl:3:1: not a JSON object of an article"),
        "{}",
        text(&out.stderr)
    );
    let toml = fs::read_to_string(tmp.path().join("timeline.toml")).unwrap();
    assert!(toml.contains("source = \"deal-signed\""), "{toml}");
    assert!(toml.contains(" + 14 months\""), "{toml}");
    // The folder now holds a timeline and the JSON Lines its articles come from.
    fs::write(&jsonl, lines[..2].join("\n")).unwrap();
    let check = annals(&["check", "--data", s(tmp.path())]);
    assert!(check.status.success(), "{}", text(&check.stderr));
}

#[test]
fn an_article_with_no_date_names_both_fixes_and_the_rest_still_drafts() {
    let (_tmp, dir) = folder();
    fs::write(
        dir.join("undated notes.md"),
        "# Notes\n\nThe talks went on, officials said.\n",
    )
    .unwrap();
    let out = annals(&["draft", s(&dir), "-o", "-"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("undated notes.md:1:1: no publication date"),
        "{err}"
    );
    assert!(
        err.contains("published = 2020-02-29") && err.contains("--published"),
        "{err}"
    );
    assert!(
        text(&out.stdout).contains("[[events]]"),
        "the others drafted"
    );
    let out = annals(&["draft", s(&dir), "-o", "-", "--published", "2020-03-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn datelines_date_articles_without_front_matter() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("a.txt"),
        "Saturday 29 February 2020\n\nThe US and the Taliban signed a peace agreement in Doha. Troops will leave within 14 months of the signing.\n",
    )
    .unwrap();
    fs::write(
        tmp.path().join("b.txt"),
        "DOHA, Feb. 29, 2020 (Wire) - The US signed a peace agreement with the Taliban in Doha on Saturday.\n",
    )
    .unwrap();
    let out = annals(&["draft", s(tmp.path()), "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("date = 2020-02-29"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_single_article_drafts_its_happenings() {
    // A first try is often one saved article: its happenings are drafted
    // though no second article tells them.
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path()
            .join("Portville harbour reopens after storm repairs.txt"),
        "June 12, 2021\n\n\
         The Portville harbour reopened to ferries on Friday after a year of repairs.\n\n\
         A storm wrecked the harbour wall on March 3, 2020.\n\n\
         Engineers from Keller Marine began rebuilding the wall in September 2020.\n\n\
         The first ferry, the Gull, docked at the new quay on May 28, 2021.\n",
    )
    .unwrap();
    let out = annals(&["draft", s(tmp.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("drafted 5 events"),
        "{}",
        text(&out.stderr)
    );
    let printed = annals(&["print", s(tmp.path())]);
    assert_eq!(printed.status.code(), Some(0), "{}", text(&printed.stderr));
    let stdout = text(&printed.stdout);
    for date in ["2020-03-03", "2020-09", "2021-05-28", "2021-06-11"] {
        assert!(stdout.contains(date), "{date} missing:\n{stdout}");
    }
}

#[test]
fn events_keeps_the_most_salient_and_says_how_many_were_left_out() {
    let (_tmp, dir) = folder();
    let all = text(&annals(&["draft", s(&dir), "--events", "0", "-o", "-"]).stdout);
    let n = all.matches("[[events]]").count();
    assert!(n > 5, "{all}");
    let out = annals(&["draft", s(&dir), "--events", "5"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let said = format!(
        "drafted 5 events from 4 articles ({} less salient happenings left out: --events N keeps more)",
        n - 5
    );
    assert!(stderr.contains(&said), "{stderr}");
    let toml = fs::read_to_string(dir.join("timeline.toml")).unwrap();
    assert_eq!(toml.matches("[[events]]").count(), 5);
    assert_eq!(toml.matches("\nsalience = ").count(), 5, "{toml}");
    // The signing, told by three articles, is among the five.
    assert!(toml.contains("date = 2020-02-29"), "{toml}");
    let printed = text(&annals(&["print", s(&dir), "--events", "2"]).stdout);
    assert!(
        printed.contains("2 events from 4 of 4 sources (3 less salient left out: --events)"),
        "{printed}"
    );
    assert_eq!(printed.matches("\n20").count(), 2, "{printed}");
}

#[test]
fn about_keeps_the_events_of_one_entity() {
    let (_tmp, dir) = folder();
    let all = text(&annals(&["draft", s(&dir), "-o", "-"]).stdout);
    let esper = text(
        &annals(&[
            "draft",
            s(&dir),
            "-o",
            "-",
            "--about",
            "Esper",
            "--about",
            "Defense Secretary",
        ])
        .stdout,
    );
    let count = |t: &str| t.matches("[[events]]").count();
    assert!(count(&esper) >= 1 && count(&esper) < count(&all), "{esper}");
    assert!(esper.contains("Esper"), "{esper}");
    let out = annals(&["draft", s(&dir), "-o", "-", "--about", "Nobody Named"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("nothing to draft"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_timeline_that_cannot_be_read_or_has_problems_is_never_overwritten() {
    let (_tmp, dir) = folder();
    fs::create_dir(dir.join("timeline.toml")).unwrap();
    let out = annals(&["draft", s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("timeline.toml:1:1: this is a folder, not a file"));
    assert!(dir.join("timeline.toml").is_dir());

    let (_tmp, dir) = folder();
    let broken = "title = \"Mine\"\n[[events]]\nid = \"x\"\ntitle = \"X\"\ndate = 2020-02-30\nevidence = []\n";
    fs::write(dir.join("timeline.toml"), broken).unwrap();
    let out = annals(&["draft", s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("fix them (`annals check`) before drafting again"));
    assert_eq!(
        fs::read_to_string(dir.join("timeline.toml")).unwrap(),
        broken
    );
}

/// The issue's own measure: the four seed articles copied into an empty
/// folder with only `published = 2020-02-29` as front matter, file names
/// unchanged, drafted by the binary, and compared with the hand-made
/// `data/timeline.toml`.
#[test]
#[ignore = "needs ../shared/seeds"]
fn the_seed_articles_draft_the_required_events() {
    use annals_core::{Event, Timeline};
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let tmp = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(&seeds).expect("../shared/seeds") {
        let path = entry.unwrap().path();
        let body = fs::read_to_string(&path).unwrap();
        fs::write(
            tmp.path().join(path.file_name().unwrap()),
            format!("+++\npublished = 2020-02-29\n+++\n{body}"),
        )
        .unwrap();
    }
    let out = annals(&["draft", s(tmp.path())]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let drafted = annals_core::load(tmp.path()).expect("the draft checks");
    let made = annals_core::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
    // The same article under two ids: match sources by their text.
    let same_source = |d: usize, m: usize| drafted.sources[d].body() == made.sources[m].body();
    let matches = |e: &Event, h: &Event| {
        e.when().overlaps(h.when())
            && e.passages().iter().any(|p| {
                h.passages().iter().any(|q| {
                    same_source(p.source(), q.source())
                        && p.quote().start < q.quote().end
                        && q.quote().start < p.quote().end
                })
            })
    };
    let found = |t: &Timeline, label: &str, min_sources: usize| {
        t.events
            .iter()
            .find(|e| e.when().label() == label && e.sources().len() >= min_sources)
            .unwrap_or_else(|| panic!("no {label} event with {min_sources}+ sources"))
            .clone()
    };
    found(&drafted, "2001-09-11", 3);
    found(&drafted, "2001-10-07", 1);
    found(&drafted, "2020-02-22 – 2020-02-28", 2);
    let signing = found(&drafted, "2020-02-29", 3);
    let d135 = found(&drafted, "2020-07-13", 1);
    let m14 = found(&drafted, "2021-04-29", 3);
    assert_eq!(
        d135.date().to_string(),
        format!("{} + 135 days", signing.id)
    );
    assert_eq!(
        m14.date().to_string(),
        format!("{} + 14 months", signing.id)
    );
    let hand_made_found = made
        .events
        .iter()
        .filter(|h| drafted.events.iter().any(|e| matches(e, h)))
        .count();
    let drafted_unmatched = drafted
        .events
        .iter()
        .filter(|e| !made.events.iter().any(|h| matches(e, h)))
        .count();
    println!(
        "hand-made events found: {hand_made_found} of {}; drafted events matching none: {drafted_unmatched} of {}",
        made.events.len(),
        drafted.events.len()
    );
    // Pinned at what was measured, as crates/draft/tests/doha.rs does.
    assert!(hand_made_found >= 14, "{hand_made_found}");
    assert!(drafted_unmatched <= 1, "{drafted_unmatched}");
    assert!(
        (15..=17).contains(&drafted.events.len()),
        "{}",
        drafted.events.len()
    );
}
