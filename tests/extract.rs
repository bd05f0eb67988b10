//! `annals extract` end to end on the bundled articles: the issue's examples,
//! offsets that point at the text, the DCT from front matter or `--dct`, stdin.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .env("ANNALS_CACHE_DIR", "") // never the user's cache
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run annals")
}

fn jsonl(out: &Output) -> Vec<Value> {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect()
}

/// The expressions of one article whose text is `text`.
fn with_text<'a>(found: &'a [Value], text: &str) -> Vec<&'a Value> {
    found.iter().filter(|t| t["text"] == text).collect()
}

/// The body of a bundled source: the file after its closing `+++` line.
fn body(id: &str) -> String {
    let file = std::fs::read_to_string(format!(
        "{}/data/sources/{id}.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("bundled source");
    let after = file.splitn(3, "+++\n").nth(2).expect("front matter");
    after.to_string()
}

#[test]
fn the_issue_examples_are_tagged_on_the_bundled_articles() {
    let found = jsonl(&annals(&[
        "extract",
        "--format",
        "jsonl",
        "data/sources/conditional.txt",
    ]));
    for t in with_text(&found, "Saturday") {
        assert_eq!(t["value"], "2020-02-29", "{t}");
    }
    assert!(!with_text(&found, "Saturday").is_empty());
    let oct = with_text(&found, "Oct. 7, 2001");
    assert_eq!(oct.len(), 1);
    assert_eq!(oct[0]["value"], "2001-10-07");
    assert_eq!(oct[0]["type"], "DATE");

    let months = with_text(&found, "14 months");
    let anchored: Vec<_> = months
        .iter()
        .filter(|t| t["anchor_text"] == "the signing")
        .collect();
    assert_eq!(anchored.len(), 1, "{months:?}");
    let t = anchored[0];
    assert_eq!(
        (&t["type"], &t["value"], &t["anchor"]),
        (
            &Value::from("DURATION"),
            &Value::from("P14M"),
            &Value::from("2020-02-29")
        )
    );
    assert_eq!(t["resolved_end"], "2021-04-29");

    let week = with_text(&found, "the past week");
    assert_eq!(week.len(), 1);
    assert_eq!(
        (&week[0]["resolved_start"], &week[0]["resolved_end"]),
        (&Value::from("2020-02-22"), &Value::from("2020-02-28"))
    );
}

#[test]
fn offsets_point_at_the_text_in_the_body() {
    for id in ["arrival", "conditional", "pullout", "sun"] {
        let body = body(id);
        let path = format!("data/sources/{id}.txt");
        let found = jsonl(&annals(&["extract", "--format", "jsonl", &path]));
        assert!(found.len() >= 5, "{id}: only {} expressions", found.len());
        let chars: Vec<char> = body.chars().collect();
        for t in &found {
            let (bs, be) = (
                t["byte_start"].as_u64().unwrap() as usize,
                t["byte_end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&body[bs..be], t["text"].as_str().unwrap(), "{id}: {t}");
            let (cs, ce) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            let by_chars: String = chars[cs..ce].iter().collect();
            assert_eq!(by_chars, t["text"].as_str().unwrap(), "{id}: {t}");
        }
    }
}

#[test]
fn dct_comes_from_front_matter_unless_overridden() {
    let default = jsonl(&annals(&[
        "extract",
        "-f",
        "jsonl",
        "data/sources/pullout.txt",
    ]));
    let today = with_text(&default, "Today");
    assert_eq!(today[0]["value"], "2020-02-29");
    let moved = jsonl(&annals(&[
        "extract",
        "--dct",
        "2021-05-01",
        "-f",
        "jsonl",
        "data/sources/pullout.txt",
    ]));
    assert_eq!(with_text(&moved, "Today")[0]["value"], "2021-05-01");
}

#[test]
fn stdin_without_front_matter_needs_a_dct_or_uses_today_with_a_note() {
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
            .env("ANNALS_CACHE_DIR", "") // never the user's cache
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn annals");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"The talks resumed on Tuesday, two weeks after the 2019 election.")
            .expect("write stdin");
        child.wait_with_output().expect("wait")
    };
    let out = run(&["extract", "--dct", "2020-03-05", "-f", "jsonl", "-"]);
    let found = jsonl(&out);
    assert_eq!(with_text(&found, "Tuesday")[0]["value"], "2020-03-03");
    assert_eq!(with_text(&found, "two weeks")[0]["value"], "P2W");
    assert_eq!(with_text(&found, "2019")[0]["value"], "2019");

    let out = run(&["extract", "-"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("resolved against today"));
}

#[test]
fn text_format_names_file_line_and_column() {
    let out = annals(&["extract", "data/sources/conditional.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.contains("Oct. 7, 2001"))
        .expect("a line for Oct. 7, 2001");
    assert!(
        line.starts_with("data/sources/conditional.txt:27:30\tDATE"),
        "{line}"
    );
    assert!(line.contains("2001-10-07"));
}

#[test]
fn unreadable_files_and_bad_dates_are_reported() {
    let out = annals(&["extract", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let out = annals(&["extract", "--dct", "2020-02-30", "data/sources/sun.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A page's own timestamps come out marked (`role`), with the day of the story's
/// place for a UTC stamp; the story's dates carry no role.
#[test]
fn page_timestamps_carry_their_role_in_json_lines() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("page.txt");
    std::fs::write(
        &path,
        "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 08:14 GMT, 12 March 2013\n\n\
         Police in New York said the blast came at 9:30 p.m. EDT on Monday.\n",
    )
    .expect("write the page");
    let path = path.to_string_lossy().into_owned();
    let found = jsonl(&annals(&[
        "extract",
        "--dct",
        "2013-03-12",
        "-f",
        "jsonl",
        &path,
    ]));
    let published = with_text(&found, "02:31 GMT");
    assert_eq!(published.len(), 1, "{found:?}");
    assert_eq!(published[0]["role"], "published");
    assert_eq!(published[0]["value"], "2013-03-12T02:31");
    assert_eq!(published[0]["local_date"], "2013-03-11");
    assert_eq!(with_text(&found, "08:14 GMT")[0]["role"], "updated");
    let monday = with_text(&found, "Monday");
    assert_eq!(monday[0]["value"], "2013-03-11");
    assert!(monday[0].get("role").is_none(), "{}", monday[0]);
    let blast = with_text(&found, "9:30 p.m. EDT");
    assert_eq!(blast[0]["value"], "2013-03-11T21:30");
    assert!(blast[0].get("role").is_none());
}
