//! Hostile input: a catalogue of broken and malicious files, arguments and
//! outputs. Each class runs the real binary and asserts its exit code, that
//! the message says where (file:line:column) and what to do, that no raw
//! control character reaches the terminal, that nothing hangs, and that the
//! data folder is left exactly as it was.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const ARTICLE: &str = "+++\ntitle = \"Wire\"\npublished = 2020-02-29\n+++\nThe treaty was signed in Doha on Saturday.\n\nTroops leave within 14 months of the signing.\n";

fn timeline(events: &str) -> String {
    format!("title = \"A story\"\n\n{events}")
}

fn event(id: &str, date: &str, quote: &str) -> String {
    format!(
        "[[events]]\nid = \"{id}\"\ntitle = \"T\"\ndate = {date}\nevidence = [{{ source = \"wire\", quote = \"{quote}\" }}]\n\n"
    )
}

const GOOD_EVENT: &str = "[[events]]\nid = \"signing\"\ntitle = \"Signed\"\ndate = 2020-02-29\nevidence = [{ source = \"wire\", quote = \"signed in Doha\" }]\n\n";

/// A data folder in a temporary directory.
struct Folder {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Folder {
    fn new(timeline_toml: &str, articles: &[(&str, &[u8])]) -> Folder {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let dir = tmp.path().join("story");
        fs::create_dir_all(dir.join("sources")).unwrap();
        fs::write(dir.join("timeline.toml"), timeline_toml).unwrap();
        for (name, bytes) in articles {
            fs::write(dir.join("sources").join(name), bytes).unwrap();
        }
        Folder { _tmp: tmp, dir }
    }

    fn good() -> Folder {
        Folder::new(&timeline(GOOD_EVENT), &[("wire.txt", ARTICLE.as_bytes())])
    }

    fn path(&self) -> &str {
        self.dir.to_str().unwrap()
    }

    /// Every file below the folder with its bytes (links as their target path).
    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut stack = vec![self.dir.clone()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                let meta = fs::symlink_metadata(&path).unwrap();
                if meta.file_type().is_symlink() {
                    out.insert(
                        path.clone(),
                        fs::read_link(&path)
                            .unwrap()
                            .into_os_string()
                            .into_encoded_bytes(),
                    );
                } else if meta.is_dir() {
                    stack.push(path);
                } else if meta.is_file() {
                    out.insert(path.clone(), fs::read(&path).unwrap());
                } else {
                    out.insert(path.clone(), b"<special>".to_vec());
                }
            }
        }
        out
    }
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs annals with a deadline: a hang is a failure, not a stuck test suite.
fn run_with(args: &[&str], stdin: Option<&[u8]>, stdout_to: Option<&str>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_annals"));
    command.env("ANNALS_CACHE_DIR", ""); // never the user's cache
    command
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PAGER")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stderr(Stdio::piped());
    match stdout_to {
        Some(path) => command.stdout(fs::OpenOptions::new().write(true).open(path).unwrap()),
        None => command.stdout(Stdio::piped()),
    };
    let mut child = command.spawn().expect("annals starts");
    // Input is written and output read on threads of their own while annals
    // runs: a pipe holds 64 KB, and a child that fills one waits until it
    // is read.
    let writing = match (stdin, child.stdin.take()) {
        (Some(bytes), Some(mut pipe)) => {
            let bytes = bytes.to_vec();
            // A child that exits without reading all of it is not a failure.
            Some(std::thread::spawn(move || drop(pipe.write_all(&bytes))))
        }
        _ => None,
    };
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                pipe.read_to_end(&mut bytes).expect("read annals's output");
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    // Nothing may hang, however busy the machine: a generous deadline.
    let status = support::wait_child(&mut child, &format!("annals {args:?}"));
    if let Some(writing) = writing {
        writing.join().expect("stdin written");
    }
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    Run {
        code: status.code(),
        stdout: text(stdout.join().expect("stdout read")),
        stderr: text(stderr.join().expect("stderr read")),
    }
}

/// More output than a pipe holds (64 KB) is read while annals writes it,
/// not after it ends: the JSON of a story of 200 articles is megabytes.
#[test]
fn output_larger_than_a_pipe_is_read_while_annals_runs() {
    let story = tempfile::tempdir().expect("a temporary folder");
    annals_synth::generate(200, 1)
        .write_to(story.path())
        .expect("write the story");
    let dir = story.path().to_string_lossy().into_owned();
    let out = run(&["print", "--format", "json", &dir]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.len() > 1 << 20, "{} bytes", out.stdout.len());
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("whole JSON");
    assert_eq!(json["events"].as_array().map(Vec::len), Some(2_000));
}

fn run(args: &[&str]) -> Run {
    run_with(args, None, None)
}

/// No byte a terminal acts on: C0 (but tab, newline and the CR of a CRLF
/// line end, which iCalendar requires), DEL, C1, bidi overrides.
fn assert_no_raw_controls(what: &str, text: &str) {
    for c in text.replace("\r\n", "\n").chars() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{what}: raw U+{:04X} in {text:?}", c as u32);
    }
}

/// Runs `args` on a folder and checks what every class must: the code, the
/// message fragments, no raw controls anywhere, and the folder untouched.
fn check_case(folder: &Folder, args: &[&str], code: i32, fragments: &[&str]) -> Run {
    let before = folder.snapshot();
    let out = run(args);
    assert_eq!(
        out.code,
        Some(code),
        "{args:?}\nstdout: {}\nstderr: {}",
        out.stdout,
        out.stderr
    );
    for f in fragments {
        assert!(
            out.stderr.contains(f) || out.stdout.contains(f),
            "{args:?}: expected {f:?} in\n{}",
            out.stderr
        );
    }
    assert_no_raw_controls("stdout", &out.stdout);
    assert_no_raw_controls("stderr", &out.stderr);
    assert_eq!(
        folder.snapshot(),
        before,
        "{args:?} changed the data folder"
    );
    out
}

// ------------------------------------------------------------------ escapes

const ESCAPES: &[&str] = &[
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}[2J",
    "\u{1b}]52;c;SGVsbG8=\u{7}",
    "\u{9b}31m",
    "\u{9d}0;t\u{9c}",
    "\u{202e}evil",
    "\u{2066}iso\u{2069}",
    "\u{7f}del",
    "nul\u{0}byte",
    "\u{8}back",
];

#[test]
fn escapes_in_ids_titles_and_quotes_never_reach_the_terminal() {
    for (n, esc) in ESCAPES.iter().enumerate() {
        let toml_esc: String = esc
            .chars()
            .map(|c| {
                if c.is_control() {
                    format!("\\u{:04X}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect();
        // 1–10: an event id, a title and a quote from an article carrying the escape.
        let article = format!(
            "+++\ntitle = \"W{toml_esc}\"\npublished = 2020-02-29\n+++\nThe treaty {esc} was signed in Doha.\n"
        );
        let bad_id = format!(
            "[[events]]\nid = \"bad{toml_esc}\"\ntitle = \"T{toml_esc}\"\ndate = 2020-02-29\nevidence = [{{ source = \"x{toml_esc}\", quote = \"q{toml_esc}\" }}]\n"
        );
        let folder = Folder::new(&timeline(&bad_id), &[("wire.txt", article.as_bytes())]);
        let out = check_case(
            &folder,
            &["check", "--data", folder.path()],
            1,
            &["timeline.toml:4:6: `bad"],
        );
        assert!(
            out.stderr.contains("unknown source `x"),
            "class {n}: {}",
            out.stderr
        );

        // The same escapes in a valid story, through every format.
        let good = format!(
            "[[events]]\nid = \"signing\"\ntitle = \"T{toml_esc}\"\nsummary = \"S{toml_esc}\"\ndate = 2020-02-29\nevidence = [{{ source = \"wire\", quote = \"The treaty {toml_esc} was\" }}]\n"
        );
        let folder = Folder::new(&timeline(&good), &[("wire.txt", article.as_bytes())]);
        for format in ["text", "markdown", "json", "timelinejs", "ics", "csv"] {
            let out = check_case(
                &folder,
                &[
                    "print",
                    "--passages",
                    "--format",
                    format,
                    "--data",
                    folder.path(),
                ],
                0,
                &[],
            );
            assert!(!out.stdout.is_empty(), "{format}");
        }
        // And through extract, whose file names are echoed on every line.
        let tmp = tempfile::tempdir().unwrap();
        let name = tmp
            .path()
            .join(format!("a{}.txt", esc.replace('\u{0}', "0")));
        fs::write(&name, format!("On March 3, 2008 {esc} it rained.")).unwrap();
        for format in ["text", "jsonl"] {
            let out = run(&[
                "extract",
                "--dct",
                "2020-02-29",
                "--format",
                format,
                name.to_str().unwrap(),
            ]);
            assert_eq!(out.code, Some(0), "{}", out.stderr);
            assert_no_raw_controls("extract", &out.stdout);
            assert!(out.stdout.contains("2008-03-03"), "{}", out.stdout);
        }
    }
}

#[test]
fn an_article_file_name_with_escapes_is_shown_safely() {
    let folder = Folder::new(
        &timeline(GOOD_EVENT),
        &[
            ("wire.txt", ARTICLE.as_bytes()),
            ("ev\u{1b}]0;x\u{7}il.txt", b"no front matter and no date"),
        ],
    );
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        1,
        &["ev␛]0;x␇il.txt:1:1: no publication date"],
    );
}

#[test]
fn json_escapes_c1_controls_and_bidi_overrides() {
    let folder = Folder::new(
        &timeline(
            "[[events]]\nid = \"a\"\ntitle = \"x\\u009B31m\\u202E\"\ndate = 2020-02-29\nevidence = [{ source = \"wire\", quote = \"signed in Doha\" }]\n",
        ),
        &[("wire.txt", ARTICLE.as_bytes())],
    );
    let out = check_case(
        &folder,
        &["print", "--format", "json", "--data", folder.path()],
        0,
        &[],
    );
    assert!(out.stdout.contains("x\\u009b31m\\u202e"), "{}", out.stdout);
}

// ------------------------------------------------------------------- writes

fn dev_full() -> Option<&'static str> {
    Path::new("/dev/full").exists().then_some("/dev/full")
}

#[test]
fn a_full_disk_is_a_message_and_exit_3_for_every_command() {
    let Some(full) = dev_full() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let article = tmp.path().join("a.txt");
    fs::write(&article, "On Saturday it rained.").unwrap();
    let a = article.to_str().unwrap();
    for args in [
        &["check"][..],
        &["print"],
        &["print", "--format", "json"],
        &["print", "--format", "ics"],
        &["extract", "--dct", "2020-02-29", a],
        &["draft", "-o", "-", "data"],
        // Without a terminal, plain `annals` prints the timeline.
        &[],
        &["completions", "bash"],
        &["man"],
        &["--help"],
        &["--version"],
    ] {
        let out = run_with(args, None, Some(full));
        // Not a data problem (1) nor a usage error (2): output failed.
        assert_eq!(out.code, Some(3), "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("No space left on device"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{args:?}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_for_every_command() {
    for args in [
        &["check"][..],
        &["print", "--passages"],
        &["print", "--format", "csv"],
        &["extract", "--dct", "2020-02-29", "data/sources/sun.txt"],
        &["draft", "-o", "-", "data"],
        &[],
        &["man"],
        &["completions", "zsh"],
        &["--help"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
            .env("ANNALS_CACHE_DIR", "") // never the user's cache
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

// ------------------------------------------------------------ bounded reads

#[cfg(unix)]
#[test]
fn special_files_are_refused_by_name_without_hanging() {
    use std::os::unix::fs::symlink;
    // timeline.toml linked to /dev/zero: a device, refused before reading.
    let folder = Folder::good();
    fs::remove_file(folder.dir.join("timeline.toml")).unwrap();
    symlink("/dev/zero", folder.dir.join("timeline.toml")).unwrap();
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        1,
        &["timeline.toml:1:1: the link points outside the data folder"],
    );

    // timeline.toml as a FIFO: never opened, so nothing waits for a writer.
    let folder = Folder::good();
    fs::remove_file(folder.dir.join("timeline.toml")).unwrap();
    let fifo = folder.dir.join("timeline.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        1,
        &["timeline.toml:1:1: this is a FIFO (named pipe), not a file"],
    );

    // An article that is a FIFO, a dangling link, a folder named x.txt.
    let folder = Folder::good();
    let sources = folder.dir.join("sources");
    assert!(
        Command::new("mkfifo")
            .arg(sources.join("pipe.txt"))
            .status()
            .unwrap()
            .success()
    );
    symlink(sources.join("gone.txt"), sources.join("dangling.txt")).unwrap();
    fs::create_dir(sources.join("folder.txt")).unwrap();
    symlink("/etc/hostname", sources.join("outside.txt")).unwrap();
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        1,
        &[
            "pipe.txt:1:1: this is a FIFO (named pipe), not a file",
            "dangling.txt:1:1: broken link",
            "folder.txt:1:1: this is a folder, not a file",
            "outside.txt:1:1: the link points outside the data folder",
        ],
    );

    // A link inside the data folder is followed.
    let folder = Folder::good();
    let sources = folder.dir.join("sources");
    fs::rename(
        sources.join("wire.txt"),
        folder.dir.join("wire-original.md"),
    )
    .unwrap();
    symlink(
        folder.dir.join("wire-original.md"),
        sources.join("wire.txt"),
    )
    .unwrap();
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        0,
        &["ok: 1 event from"],
    );
}

#[test]
fn devices_and_oversized_input_are_refused_by_extract() {
    let out = run(&["extract", "/dev/zero"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("/dev/zero:1:1: this is a device, not a file"),
        "{}",
        out.stderr
    );
    let big = vec![b'a'; 2_100_000];
    let out = run_with(&["extract", "--max-file-size", "2", "-"], Some(&big), None);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("more than the limit of 2 MB"),
        "{}",
        out.stderr
    );
    // What to do stands on its own line, as in every other message.
    assert!(
        out.stderr
            .contains("<stdin>:1:1: more than the limit of 2 MB\n    pass --max-file-size"),
        "{}",
        out.stderr
    );
    let out = run(&["extract", "no-such-article.txt"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains(
            "no-such-article.txt:1:1: cannot read: it does not exist\n    check the file"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn files_over_the_size_limit_are_named_with_the_fix() {
    let big = format!("{ARTICLE}{}", "word ".repeat(300_000));
    let folder = Folder::new(&timeline(GOOD_EVENT), &[("wire.txt", big.as_bytes())]);
    check_case(
        &folder,
        &["check", "--max-file-size", "1", "--data", folder.path()],
        1,
        &[
            "wire.txt:1:1: the file is 1.5 MB, more than the limit of 1.0 MB",
            "--max-file-size",
        ],
    );
    check_case(
        &folder,
        &["check", "--max-file-size", "2", "--data", folder.path()],
        0,
        &["ok:"],
    );
}

#[test]
fn a_data_path_that_is_not_a_folder_says_so() {
    let folder = Folder::good();
    let file = folder.dir.join("sources/wire.txt");
    check_case(
        &folder,
        &["check", "--data", file.to_str().unwrap()],
        1,
        &["this is a file, not a data folder"],
    );
    check_case(
        &folder,
        &["check", "--data", "/dev/null"],
        1,
        &["/dev/null:1:1: this is a device, not a data folder"],
    );
    let timeline_dir = Folder::good();
    fs::remove_file(timeline_dir.dir.join("timeline.toml")).unwrap();
    fs::create_dir(timeline_dir.dir.join("timeline.toml")).unwrap();
    check_case(
        &timeline_dir,
        &["check", "--data", timeline_dir.path()],
        1,
        &["timeline.toml:1:1: this is a folder, not a file"],
    );
}

// -------------------------------------------------------------------- dates

#[test]
fn each_way_out_of_the_calendar_is_its_own_message_at_the_date() {
    for (date, message) in [
        (
            "\"signing + 8000 years\"",
            "signing + 8000 years falls after the year 9999",
        ),
        (
            "\"signing - 2020 years\"",
            "signing - 2020 years falls before the year 1 (there is no year 0)",
        ),
        (
            "\"signing + 99999999999 days\"",
            "99999999999 is too large an amount",
        ),
        ("\"0000-03-01\"", "there is no year 0"),
        ("0", "there is no year 0"),
        ("12345", "12345 is not a year annals can show"),
        (
            "\"2021-02-29\"",
            "2021-02-29 is not a date: February 2021 has 28 days",
        ),
        ("\"2020-13\"", "there is no month 13"),
        (
            "{ start = 2020-03-01, end = 2020-02-01 }",
            "the range ends (2020-02-01) before it starts (2020-03-01)",
        ),
        (
            "\"signing + 3 fortnights\"",
            "\"fortnights\" is not a unit of time",
        ),
        ("\"0 days before signing\"", "a span of 0 days is empty"),
        (
            "\"nosuch + 1 day\"",
            "unknown event `nosuch` in relative date",
        ),
        (
            "\"later + 1 day\"",
            "relative dates form a cycle: later → later",
        ),
    ] {
        let events = format!("{GOOD_EVENT}{}", event("later", date, "signed in Doha"));
        let folder = Folder::new(&timeline(&events), &[("wire.txt", ARTICLE.as_bytes())]);
        check_case(
            &folder,
            &["check", "--data", folder.path()],
            1,
            &[&format!("timeline.toml:12:8: {message}")],
        );
    }
}

#[test]
fn a_long_chain_of_relative_dates_does_not_exhaust_the_stack() {
    let mut events = String::from(GOOD_EVENT);
    let mut previous = "signing".to_string();
    for n in 0..20_000 {
        let id = format!("e{n}");
        events.push_str(&event(
            &id,
            &format!("\"{previous} + 1 year\""),
            "signed in Doha",
        ));
        previous = id;
    }
    let folder = Folder::new(&timeline(&events), &[("wire.txt", ARTICLE.as_bytes())]);
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        1,
        &["falls after the year 9999"],
    );
}

// ------------------------------------------------------------------- quotes

#[test]
fn quotes_match_across_unicode_normalisation() {
    let nfc = "+++\ntitle = \"W\"\npublished = 2020-02-29\n+++\nLe café de Doha a fermé.\n";
    // The quote in NFD: e + combining acute.
    let folder = Folder::new(
        &timeline(&event("a", "2020-02-29", "cafe\u{301} de Doha")),
        &[("wire.txt", nfc.as_bytes())],
    );
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        0,
        &["ok: 1 event from"],
    );
}

#[test]
fn a_quote_not_found_shows_where_it_parts_from_the_article() {
    let folder = Folder::new(
        &timeline(&event("a", "2020-02-29", "Troops leave within 15 months")),
        &[("wire.txt", ARTICLE.as_bytes())],
    );
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        1,
        &[
            "timeline.toml:7:40: quote not found in",
            "nearest line,",
            "they part after “Troops leave within 1”: the article has “4 months of…” where the quote has “5 months”",
        ],
    );
}

// ---------------------------------------------------------- broken articles

#[test]
fn broken_articles_are_located() {
    for (name, bytes, message) in [
        (
            "a.txt",
            &b"+++\ntitle = \"x\"\nbody"[..],
            "a.txt:1:1: broken front matter",
        ),
        (
            "b.txt",
            b"+++\ntitle = \"x\"\npublished = 2020-02-29\n+++\n   \n",
            "b.txt:5:1: the article body is empty",
        ),
        (
            "c.txt",
            b"+++\ntitle = \"x\"\npublished = 2020-02-29\n+++\nCaf\xe9",
            "c.txt:5:4: not UTF-8: byte 0xE9",
        ),
        (
            "d.txt",
            b"+++\ntitel = \"x\"\npublished = 2020-02-29\n+++\nText.",
            "d.txt:2:1: unknown field `titel` in front matter",
        ),
        (
            "e.txt",
            b"+++\npublished = \"yesterday\"\n+++\nText.",
            "e.txt:2:13: `published` should be a day such as 2020-02-29",
        ),
        (
            "f.txt",
            b"+++\nid = \"no spaces please\"\npublished = 2020-02-29\n+++\nText.",
            "f.txt:2:6: `no spaces please` is not a usable source id",
        ),
        (
            "g.txt",
            b"Just words, no date anywhere.",
            "g.txt:1:1: no publication date",
        ),
        (
            "h.jsonl",
            b"{\"title\": \"x\", \"text\": \"y\", \"published\": \"2020-02-29\"}\nnot json\n",
            "h.jsonl:2:1: not a JSON object of an article",
        ),
    ] {
        let folder = Folder::new(
            &timeline(GOOD_EVENT),
            &[("wire.txt", ARTICLE.as_bytes()), (name, bytes)],
        );
        check_case(&folder, &["check", "--data", folder.path()], 1, &[message]);
    }
}

#[test]
fn awkward_but_valid_files_load() {
    let crlf = ARTICLE.replace('\n', "\r\n");
    let bom = format!("\u{feff}{}", timeline(GOOD_EVENT));
    let long_line = format!("{ARTICLE}{}\n", "x".repeat(2_000_000));
    for (toml, article) in [
        (timeline(GOOD_EVENT).replace('\n', "\r\n"), crlf.clone()),
        (bom, ARTICLE.to_string()),
        (timeline(GOOD_EVENT), long_line),
    ] {
        let folder = Folder::new(&toml, &[("wire.txt", article.as_bytes())]);
        check_case(
            &folder,
            &["check", "--data", folder.path()],
            0,
            &["ok: 1 event from"],
        );
    }
}

// -------------------------------------------------------------- timeline.toml

#[test]
fn broken_timelines_are_located() {
    for (toml, message) in [
        ("", "timeline.toml:1:1: timeline.toml has no `title`"),
        (
            "title = \"T\"\n",
            "timeline.toml:1:1: timeline.toml has no `events`",
        ),
        ("title = \"T\"\n[[events]\n", "timeline.toml:2:"),
        (
            "title = \"T\"\nevents = []\n",
            "timeline.toml:2:10: the timeline has no events",
        ),
        (
            "title = \"T\"\nevents = 5\n",
            "`events` should be an array of [[events]] tables",
        ),
        (
            &format!("title = \"T\"\nevents = []\n{GOOD_EVENT}"),
            "`events` is defined twice",
        ),
        (
            &timeline(&format!("{GOOD_EVENT}{GOOD_EVENT}")),
            "timeline.toml:10:6: duplicate event id `signing`",
        ),
        (
            &timeline(
                "[[events]]\nid = \"a\"\ntitle = \"A\"\ndate = 2001\ntitel = \"x\"\nevidence = [{ source = \"wire\", quote = \"Doha\" }]\n",
            ),
            "did you mean `title`?",
        ),
        (
            &timeline(
                "[[events]]\nid = \"a\"\ntitle = \"A\"\ndate = 2001\nevidence = [{ source = \"wir\", quote = \"Doha\" }]\n",
            ),
            "did you mean `wire`?",
        ),
        (
            &timeline(
                "[[events]]\nid = \"9lives\"\ntitle = \"A\"\ndate = 2001\nevidence = [{ source = \"wire\", quote = \"Doha\" }]\n",
            ),
            "`9lives` is not a usable event id",
        ),
        (
            &timeline(
                "[[events]]\nid = \"a\"\ntitle = \"A\"\ndate = 2001\nbasis = \"guessed\"\nevidence = [{ source = \"wire\", quote = \"Doha\" }]\n",
            ),
            "`basis` should be",
        ),
        (
            &format!(
                "title = \"T\"\nx = {}1{}\n",
                "[".repeat(5000),
                "]".repeat(5000)
            ),
            "timeline.toml:2:",
        ),
        ("title = \"T\"\n\u{0}\n", "timeline.toml:2:1: TOML syntax"),
    ] {
        let folder = Folder::new(toml, &[("wire.txt", ARTICLE.as_bytes())]);
        check_case(&folder, &["check", "--data", folder.path()], 1, &[message]);
    }
}

#[test]
fn a_non_utf8_timeline_names_the_byte() {
    let tmp = Folder::good();
    fs::write(tmp.dir.join("timeline.toml"), b"title = \"Caf\xe9\"\n").unwrap();
    check_case(
        &tmp,
        &["check", "--data", tmp.path()],
        1,
        &["timeline.toml:1:13: not UTF-8: byte 0xE9"],
    );
}

// --------------------------------------------------------------- arguments

#[test]
fn bad_arguments_are_usage_errors() {
    for args in [
        &["print", "--format", "yaml"][..],
        &["--published", "yesterday"],
        &["--max-file-size", "lots"],
        &["frobnicate"],
        &["print", "--source", "nosuch"],
        &["tests/fixtures/good", "--data", "tests/fixtures/good"],
        &["extract"],
        &["completions", "tcsh"],
    ] {
        let out = run(args);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(!out.stderr.is_empty(), "{args:?}");
        assert_no_raw_controls("stderr", &out.stderr);
    }
    // An argument echoed back is sanitised too.
    let out = run(&["print", "--source", "x\u{1b}[2J"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("unknown source `x␛[2J`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_draft_of_hostile_articles_escapes_them_and_still_checks() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, evil) in [
        ("a.txt", "\u{9b}31m"),
        ("b.txt", "\u{202e}gnirts"),
        ("c.txt", "\u{1b}]0;t\u{7}"),
    ] {
        fs::write(
            tmp.path().join(name),
            format!(
                "+++\npublished = 2020-02-29\n+++\nThe US and the Taliban signed a peace agreement {evil} in Doha on Saturday.\n"
            ),
        )
        .unwrap();
    }
    let dir = tmp.path().to_str().unwrap();
    let out = run(&["draft", dir, "-o", "-"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_no_raw_controls("draft -o -", &out.stdout);
    assert!(out.stdout.contains("\\u009B31m"), "{}", out.stdout);
    // Written to the folder, the escaped quotes still match the articles.
    let out = run(&["draft", dir]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let out = run(&["check", dir]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for format in ["text", "json", "csv"] {
        let out = run(&["print", "--passages", "--format", format, dir]);
        assert_no_raw_controls(format, &out.stdout);
    }
}

#[test]
fn a_paragraph_that_never_ends_a_sentence_drafts_without_hanging() {
    // A quotation left open keeps 444 KB of short sentences one sentence,
    // with 12,000 dates in it: drafting it once took over five minutes.
    let tmp = tempfile::tempdir().unwrap();
    let body = format!(
        "\"{}",
        vec!["The council met. It voted on Monday."; 12_000].join(" ")
    );
    fs::write(
        tmp.path().join("a.txt"),
        format!("+++\npublished = 2020-02-29\n+++\n{body}\n"),
    )
    .unwrap();
    let out = run(&["draft", tmp.path().to_str().unwrap(), "-o", "-"]);
    // A single article drafts its happening (the council's vote on Monday,
    // told 12,000 times), quoted around its date, not as 444 KB.
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert_eq!(
        out.stdout.matches("[[events]]").count(),
        1,
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("date = 2020-02-24"), "{}", out.stdout);
    assert!(out.stdout.len() < 4_000, "{} bytes", out.stdout.len());
}

// ------------------------------------------------------ ways out, and ids

#[cfg(unix)]
#[test]
fn a_sources_folder_linked_outside_the_data_folder_is_not_followed() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("wire.txt"), ARTICLE).unwrap();
    let folder = Folder::good();
    fs::remove_dir_all(folder.dir.join("sources")).unwrap();
    symlink(outside.path(), folder.dir.join("sources")).unwrap();
    let out = check_case(
        &folder,
        &["check", "--data", folder.path()],
        1,
        &["sources:1:1: the link points outside the data folder"],
    );
    // Nothing of the outside folder is shown, nor checked as if it were here.
    assert!(!out.stderr.contains("ok:"), "{}", out.stderr);
    let out = check_case(
        &folder,
        &["print", "--passages", "--data", folder.path()],
        1,
        &["the link points outside the data folder"],
    );
    assert!(!out.stdout.contains("signed in Doha"), "{}", out.stdout);
    // A sources/ linked to a folder inside the data folder is followed.
    let folder = Folder::good();
    fs::rename(folder.dir.join("sources"), folder.dir.join("articles")).unwrap();
    symlink(folder.dir.join("articles"), folder.dir.join("sources")).unwrap();
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        0,
        &["ok: 1 event from"],
    );
}

#[test]
fn an_article_claiming_an_id_in_use_is_a_located_problem() {
    // sun.md arrives beside sun.txt: the quotes found in both must not pass
    // against whichever file happens to take the id.
    let folder = Folder::new(
        &timeline(GOOD_EVENT),
        &[
            ("wire.txt", ARTICLE.as_bytes()),
            ("wire.md", ARTICLE.as_bytes()),
        ],
    );
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        1,
        &[
            "wire.txt:1:1: the source id `wire` is already that of",
            "rename one of the files",
        ],
    );
}

#[test]
fn json_lines_with_a_bom_impossible_times_or_year_0_are_located() {
    let line = |published: &str| {
        format!(
            "{{\"id\": \"wire\", \"title\": \"W\", \"published\": \"{published}\", \"text\": \"The treaty was signed in Doha on Saturday.\"}}\n"
        )
    };
    // A byte-order mark before the first line: the article is read.
    let bom = format!("\u{feff}{}", line("2020-02-29T10:00:00Z"));
    let folder = Folder::new(&timeline(GOOD_EVENT), &[("wire.jsonl", bom.as_bytes())]);
    check_case(
        &folder,
        &["check", "--data", folder.path()],
        0,
        &["ok: 1 event from"],
    );
    for (published, message) in [
        (
            "2020-02-29T25:00:00Z",
            "wire.jsonl:1:44: \"2020-02-29T25:00:00Z\" is not a time of day",
        ),
        ("2020-02-29T10:00:00+99:00", "is not a time of day"),
        ("0000-03-01", "wire.jsonl:1:44: there is no year 0"),
        (
            "2021-02-29",
            "2021-02-29 is not a date: February 2021 has 28 days",
        ),
    ] {
        let folder = Folder::new(
            &timeline(GOOD_EVENT),
            &[("wire.jsonl", line(published).as_bytes())],
        );
        check_case(&folder, &["check", "--data", folder.path()], 1, &[message]);
        // Drafting names the same line, never a file that does not exist.
        fs::remove_file(folder.dir.join("timeline.toml")).unwrap();
        let out = check_case(&folder, &["draft", "-o", "-", folder.path()], 1, &[message]);
        assert!(!out.stderr.contains("please report"), "{}", out.stderr);
    }
}

// ------------------------------------------------------------ safe drafts

/// A folder of the bundled story's articles, no timeline.toml.
fn story_folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("story");
    fs::create_dir(&dir).unwrap();
    for entry in fs::read_dir("data/sources").unwrap().flatten() {
        fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    (tmp, dir)
}

#[cfg(unix)]
#[test]
fn a_draft_never_follows_a_planted_link_and_keeps_the_files_kind() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
    let (tmp, dir) = story_folder();
    let victim = tmp.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    // Links planted at the old fixed temporary name and at the lock.
    symlink(&victim, dir.join(".timeline.toml.annals-tmp")).unwrap();
    let d = dir.to_str().unwrap();
    let out = run(&["draft", d]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    // A 0600 file with a second hard link: both kept, CRLF too.
    let path = dir.join("timeline.toml");
    let crlf = fs::read_to_string(&path).unwrap().replace('\n', "\r\n");
    fs::write(&path, &crlf).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    fs::hard_link(&path, tmp.path().join("other-name.toml")).unwrap();
    fs::write(dir.join("new.txt"), "+++\npublished = 2020-03-10\n+++\nThe Taliban and the US began prisoner exchanges on Tuesday in Kabul, officials said.\n").unwrap();
    let out = run(&["draft", d]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let meta = fs::metadata(&path).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(meta.nlink(), 2);
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "LF in a CRLF file"
    );
    assert_eq!(
        text,
        fs::read_to_string(tmp.path().join("other-name.toml")).unwrap()
    );
    // No temporary file or lock is left behind.
    let left: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".timeline.toml.annals-tmp")
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let out = run(&["check", d]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

#[cfg(unix)]
#[test]
fn draft_o_onto_a_pipe_or_a_terminal_writes_into_it() {
    let (tmp, dir) = story_folder();
    let fifo = tmp.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let out = run(&["draft", dir.to_str().unwrap(), "-o", fifo.to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(reader.join().unwrap().starts_with("title = "));
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    // /proc/self/fd/1 is annals's own standard output: a pipe here.
    if Path::new("/proc/self/fd/1").exists() {
        let out = run(&["draft", dir.to_str().unwrap(), "-o", "/proc/self/fd/1"]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert!(out.stdout.starts_with("title = "), "{}", out.stdout);
    }
    assert!(!dir.join("timeline.toml").exists());
}

/// Runs `annals draft` on `dir` in the background.
fn spawn_draft(dir: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .env("ANNALS_CACHE_DIR", "") // never the user's cache
        .args(["draft", dir.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The SIGKILL loop: 50 drafts killed at random moments, each with a second
/// draft running at the same time and a person's edit saved during it. The
/// file always loads, and the edit is always there.
#[cfg(unix)]
#[test]
fn killed_concurrent_drafts_never_corrupt_the_file_or_lose_an_edit() {
    let (_tmp, dir) = story_folder();
    let path = dir.join("timeline.toml");
    assert_eq!(run(&["draft", dir.to_str().unwrap()]).code, Some(0));
    // A cheap, seeded sequence of kill points: 0–150 ms into a draft.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..50 {
        let mut first = spawn_draft(&dir);
        let mut second = spawn_draft(&dir);
        std::thread::sleep(Duration::from_millis(next() % 150));
        // A person's edit, saved as editors save: a new file renamed over it.
        let mark = format!("# edit {round}\n");
        let text = fs::read_to_string(&path).unwrap();
        let temp = dir.join(format!(".edit-{round}"));
        fs::write(&temp, format!("{mark}{text}")).unwrap();
        fs::rename(&temp, &path).unwrap();
        let _ = first.kill();
        for child in [&mut first, &mut second] {
            support::wait_child(child, &format!("round {round}: a draft"));
        }
        let after = fs::read_to_string(&path).unwrap();
        assert!(after.contains(&mark), "round {round}: the edit is lost");
        let check = run(&["check", dir.to_str().unwrap()]);
        assert_eq!(check.code, Some(0), "round {round}: {}", check.stderr);
    }
}

// ------------------------------------------------------------------ memory

/// How a measured run of annals ended, and the most memory it held.
#[cfg(target_os = "linux")]
struct Measured {
    code: Option<i32>,
    signal: Option<i32>,
    stderr: String,
    /// Peak resident memory, in bytes (the kernel's ru_maxrss).
    peak: u64,
}

/// Runs annals with `args`, under an address-space limit (`ulimit -v`) if
/// given, and measures its peak memory.
#[cfg(target_os = "linux")]
fn run_measured(args: &[&str], limit: Option<u64>) -> Measured {
    use std::io::Read;
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_annals"));
    command.env("ANNALS_CACHE_DIR", ""); // never the user's cache
    command
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(bytes) = limit {
        // SAFETY: setrlimit alone between fork and exec.
        unsafe {
            command.pre_exec(move || {
                let limit = libc::rlimit {
                    rlim_cur: bytes,
                    rlim_max: bytes,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    #[expect(
        clippy::zombie_processes,
        reason = "reaped by wait4 below, which alone reports its peak memory"
    )]
    let mut child = command.spawn().expect("annals starts");
    let mut pipe = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = pipe.read_to_string(&mut text);
        text
    });
    let pid = child.id() as libc::pid_t;
    // Nothing may hang: wait for the end with the usual deadline, then
    // reap it with wait4, which alone reports its peak memory.
    let ended = support::wait_until(&format!("annals {args:?}"), || {
        // SAFETY: a siginfo filled in by waitid, which leaves the child to reap.
        unsafe {
            let mut info = std::mem::zeroed::<libc::siginfo_t>();
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
            ) == 0
                && info.si_pid() == pid
        }
    });
    if !ended {
        let _ = child.kill();
    }
    assert!(ended, "annals {args:?} did not end");
    // SAFETY: a status and rusage filled in by wait4 for our own child.
    let (status, usage) = unsafe {
        let mut status = 0;
        let mut usage = std::mem::zeroed::<libc::rusage>();
        assert_eq!(libc::wait4(pid, &mut status, 0, &mut usage), pid);
        (status, usage)
    };
    Measured {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        signal: libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)),
        stderr: reader.join().unwrap_or_default(),
        peak: usage.ru_maxrss as u64 * 1024,
    }
}

/// An article of `bytes` bytes of news sentences on one line, dated by a
/// dateline, as a page saved without line breaks.
fn one_line_article(bytes: usize) -> String {
    let mut text = String::from("29 February 2020 — ");
    let sentences = [
        "The United States and the Taliban signed an agreement in Doha on Saturday. ",
        "US troops would leave within 14 months of the signing, officials said. ",
        "The talks had begun in July 2018 and stalled twice before the truce. ",
    ];
    while text.len() < bytes {
        text.push_str(sentences[text.len() % 3]);
    }
    text.truncate(bytes);
    text
}

/// A one-line article of many megabytes: `check` holds at most three times
/// its size (checking 50 MB once took 1.1 GB and 50 s, the whole line
/// tokenised twice to see whether it was a date). Drafting it is measured
/// in the drafter's bench and the README (a debug build drafts too slowly
/// for a test at a size where memory tells).
#[cfg(target_os = "linux")]
#[test]
fn a_one_line_article_of_many_megabytes_checks_within_three_times_its_size() {
    const SIZE: usize = 16 << 20;
    let folder = Folder::good();
    fs::write(folder.dir.join("sources/long.txt"), one_line_article(SIZE)).unwrap();
    let out = run_measured(&["check", "--data", folder.path()], None);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.peak <= 3 * SIZE as u64,
        "check held {} MB for a {} MB article",
        out.peak >> 20,
        SIZE >> 20
    );
}

/// Memory running out (`ulimit -v` set below what the input needs) is a
/// message and exit 71, not Rust's "memory allocation failed" and an abort.
#[cfg(target_os = "linux")]
#[test]
fn running_out_of_memory_is_a_message_and_exit_71() {
    let folder = Folder::good();
    // Eight articles of 48 MB (one file, eight names): 384 MB to hold, with
    // 256 MB of address space, which is plenty to start in.
    let sources = folder.dir.join("sources");
    fs::write(sources.join("long0.txt"), one_line_article(48 << 20)).unwrap();
    for n in 1..8 {
        fs::hard_link(
            sources.join("long0.txt"),
            sources.join(format!("long{n}.txt")),
        )
        .unwrap();
    }
    let out = run_measured(&["check", "--data", folder.path()], Some(256 << 20));
    assert_eq!(out.signal, None, "killed by a signal: {}", out.stderr);
    assert_eq!(out.code, Some(71), "{}", out.stderr);
    assert!(
        out.stderr.starts_with("annals: out of memory"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("ulimit -v"), "{}", out.stderr);
    assert!(!out.stderr.contains("memory allocation"), "{}", out.stderr);
}

/// An article over a mebibyte is tagged and written a piece at a time: every
/// date is found once, at its own line and column, across the pieces' seams.
#[test]
fn extract_reads_a_long_article_in_pieces_with_every_date_in_place() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("long.txt");
    let paragraphs = 70_000;
    let mut text = String::new();
    for i in 0..paragraphs {
        text.push_str(&format!(
            "Talks resumed on {} March 2019, officials said.\n\n",
            i % 28 + 1
        ));
    }
    assert!(text.len() > 3 << 20, "{} bytes: several pieces", text.len());
    fs::write(&path, &text).expect("write the article");
    let file = path.to_string_lossy().into_owned();
    let out = run(&["extract", "--dct", "2020-01-01", &file]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), paragraphs);
    for (i, line) in lines.iter().enumerate() {
        let at = format!("{file}:{}:18\tDATE", 2 * i + 1);
        let day = format!("2019-03-{:02}", i % 28 + 1);
        assert!(line.starts_with(&at) && line.contains(&day), "{i}: {line}");
    }
}
