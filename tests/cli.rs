//! The `annals` binary end to end: print formats, source filters, `check` on
//! broken fixture folders, and exit codes.

use std::path::Path;
use std::process::{Command, Output};

fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .env("ANNALS_CACHE_DIR", "") // never the user's cache
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run annals")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 output")
}

#[test]
fn print_text_is_the_golden_timeline() {
    let out = annals(&["print"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("print_text", stdout(&out));
}

#[test]
fn print_text_shows_the_milestones_at_their_dates() {
    let text = stdout(&annals(&["print"]));
    for (date, title) in [
        ("2001-09-11", "September 11"),
        ("2001-10-07", "invasion of Afghanistan begins"),
        ("2001-10-08 – 2002-01-07", "Taliban are driven from power"),
        ("2009", "begins documenting civilian casualties"),
        ("2020-02-22 – 2020-02-28", "reduction in violence"),
        ("2020-02-29", "sign the agreement in Doha"),
        ("2020-07-13", "135 days"),
        ("2021-04-29", "14 months"),
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with(date) && l.contains(title))
            .unwrap_or_else(|| panic!("no line for {date} {title} in\n{text}"));
        assert!(!line.is_empty());
    }
    assert!(text.contains("computed: signing + 135 days"));
    assert!(text.contains("computed: the 7 days before signing"));
}

#[test]
fn print_passages_quotes_each_source() {
    let out = annals(&["print", "--passages"]);
    insta::assert_snapshot!("print_passages", stdout(&out));
}

#[test]
fn no_subcommand_prints_when_stdout_is_not_a_terminal() {
    assert_eq!(stdout(&annals(&[])), stdout(&annals(&["print"])));
}

#[test]
fn print_markdown_has_headings_and_bold_quotes() {
    let out = annals(&["print", "--format", "markdown", "--passages"]);
    assert_eq!(out.status.code(), Some(0));
    let md = stdout(&out);
    assert!(md.starts_with("# The US–Taliban agreement, Doha, 29 February 2020\n"));
    assert!(md.contains("\n### 2020-07-13: 135 days: US forces down to 8,600\n"));
    assert!(md.contains("*Computed: signing + 135 days.*"));
    assert!(
        md.contains("**commits the US to withdrawing 8,600 troops within the first 135 days**")
    );
    assert!(md.contains("**Sources disagree:**"));
    insta::assert_snapshot!("print_markdown", md);
}

#[test]
fn print_json_follows_the_schema() {
    let out = annals(&["print", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert!(doc["title"].is_string());
    let sources = doc["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 4);
    for s in sources {
        for key in ["id", "title", "published"] {
            assert!(s[key].is_string(), "{key} in {s}");
        }
        assert!(s["outlet"].is_string() || s["outlet"].is_null());
    }
    assert_eq!(
        sources
            .iter()
            .filter(|s| s["outlet"] == "The U.S. Sun")
            .count(),
        1
    );
    let events = doc["events"].as_array().unwrap();
    let ids: Vec<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
    for id in [
        "attacks",
        "invasion",
        "riv-week",
        "signing",
        "drawdown-135",
        "withdrawal-14-months",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let by_id = |id: &str| events.iter().find(|e| e["id"] == id).unwrap();
    let riv = by_id("riv-week");
    assert_eq!(
        (riv["start"].as_str(), riv["end"].as_str()),
        (Some("2020-02-22"), Some("2020-02-28"))
    );
    assert_eq!(riv["precision"], "range");
    assert_eq!(riv["computed"], "the 7 days before signing");
    let unama = by_id("unama-casualties");
    assert_eq!(
        (unama["start"].as_str(), unama["end"].as_str()),
        (Some("2009"), Some("2009"))
    );
    assert_eq!(unama["precision"], "year");
    assert!(unama["computed"].is_null());
    assert_eq!(by_id("withdrawal-14-months")["start"], "2021-04-29");
    for e in events {
        for key in ["id", "title", "start", "end", "precision"] {
            assert!(e[key].is_string(), "{key} in {}", e["id"]);
        }
        assert!(!e["sources"].as_array().unwrap().is_empty());
        for p in e["passages"].as_array().unwrap() {
            let id = p["source"].as_str().unwrap();
            let body = body_of(id);
            let (start, end) = (
                p["quote_start"].as_u64().unwrap() as usize,
                p["quote_end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&body[start..end], p["quote"].as_str().unwrap());
            // The paragraph, named by its index in the source's table.
            let source = doc["sources"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["id"] == id)
                .unwrap();
            let paragraph = &source["paragraphs"][p["paragraph"].as_u64().unwrap() as usize];
            let (ps, pe) = (
                paragraph["start"].as_u64().unwrap() as usize,
                paragraph["end"].as_u64().unwrap() as usize,
            );
            assert!(
                ps <= start && end <= pe,
                "{id}: {ps}..{pe} holds {start}..{end}"
            );
            assert_eq!(&body[ps..pe], paragraph["text"].as_str().unwrap());
        }
    }
    // Each paragraph is written once, however many quotes stand in it.
    for source in doc["sources"].as_array().unwrap() {
        let starts: Vec<u64> = source["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["start"].as_u64().unwrap())
            .collect();
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    }
    let text = stdout(&out);
    let conditional = body_of("conditional");
    let cited = doc["sources"][1]["paragraphs"][0]["text"].as_str().unwrap();
    assert!(conditional.contains(cited));
    assert_eq!(
        text.matches(&serde_json::to_string(cited).unwrap()).count(),
        1
    );
}

/// The body of a bundled source, read from `data/sources/<id>.txt`.
fn body_of(id: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/sources/{id}.txt"));
    let file = std::fs::read_to_string(path).unwrap();
    annals_core::source::split(&file).unwrap().body.to_string()
}

#[test]
fn source_filter_keeps_the_events_those_sources_report() {
    let out = annals(&["print", "--source", "arrival", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = doc["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        let sources: Vec<&str> = e["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert!(
            sources.contains(&"arrival"),
            "{} is not reported by arrival",
            e["id"]
        );
        assert!(
            e["passages"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["source"] == "arrival")
        );
    }
    let all: serde_json::Value =
        serde_json::from_slice(&annals(&["print", "--format", "json"]).stdout).unwrap();
    assert!(events.len() < all["events"].as_array().unwrap().len());
    let text = stdout(&annals(&["print", "-s", "pullout", "-s", "sun"]));
    assert!(text.contains("from 2 of 4 sources"));
    assert!(
        !text.contains("A seven-day reduction in violence"),
        "only arrival and conditional report it"
    );
}

#[test]
fn unknown_source_is_a_usage_error_listing_the_known_ids() {
    let out = annals(&["print", "--source", "bbc"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown source `bbc`"), "{err}");
    assert!(err.contains("arrival, conditional, pullout, sun"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        annals(&["print", "--format", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(annals(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(annals(&["--help"]).status.code(), Some(0));
}

#[test]
fn the_data_is_given_once_for_every_command() {
    let good = "tests/fixtures/good";
    let twice: &[&[&str]] = &[
        &[good, "--data", good],
        &[good, "print", good],
        &["--data", good, "print", good],
        &[good, "check", good],
        &["--data", good, "check", good],
        &[good, "draft", good],
        &["--data", good, "draft", good],
        &["draft", good, "--data", good],
    ];
    for args in twice {
        let out = annals(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("error: give the data once"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let none: &[&[&str]] = &[
        &["--data", good, "extract", "data/sources/sun.txt"],
        &[good, "extract", "data/sources/sun.txt"],
        &["--data", good, "man"],
        &[good, "completions", "bash"],
    ];
    for args in none {
        let out = annals(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("takes no data folder"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // Once, in any of its places, it is read.
    for args in [
        &[good, "check"][..],
        &["check", good],
        &["--data", good, "check"],
        &["check", "--data", good],
    ] {
        let out = annals(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).starts_with("ok: 3 events"), "{args:?}");
    }
}

#[test]
fn check_passes_on_the_bundled_story_and_a_good_folder() {
    let out = annals(&["check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("ok: 19 events from 4 sources"));
    let out = annals(&["check", "--data", "tests/fixtures/good"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn print_reads_another_data_folder() {
    let text = stdout(&annals(&["print", "--data", "tests/fixtures/good"]));
    assert!(
        text.starts_with("A small fixture story\n3 events from 2 of 2 sources\n"),
        "{text}"
    );
    assert!(text.contains("2021-04-29  Troops leave\n            computed: signing + 14 months\n            sources: wire\n"), "{text}");
}

#[test]
fn check_names_file_line_and_column_for_each_broken_fixture() {
    let cases: &[(&str, &[&str])] = &[
        (
            "bad-toml",
            &["tests/fixtures/bad-toml/timeline.toml:3:10: TOML syntax"],
        ),
        (
            "bad-quote",
            &[
                "tests/fixtures/bad-quote/timeline.toml:25:40: quote not found in tests/fixtures/bad-quote/sources/wire.txt",
                "nearest line, tests/fixtures/bad-quote/sources/wire.txt:8: Troops will leave within 14 months of the signing.",
            ],
        ),
        (
            "cycle",
            &[
                "tests/fixtures/cycle/timeline.toml:24:8: relative dates form a cycle: signing → withdrawal → signing",
            ],
        ),
        (
            "bad-date",
            &[
                "tests/fixtures/bad-date/timeline.toml:6:8: the range ends (2019-04-01) before it starts (2019-05-01)",
                "tests/fixtures/bad-date/timeline.toml:12:8: 2020-02-30 is not a date: February 2020 has 29 days",
                "2 problems found",
            ],
        ),
        (
            "unknown-source",
            &[
                "tests/fixtures/unknown-source/timeline.toml:7:24: unknown source `papr`",
                "did you mean `paper`?",
            ],
        ),
        (
            "no-front-matter",
            &[
                "tests/fixtures/no-front-matter/sources/wire.txt:1:1: no publication date",
                "or pass --published 2020-02-29",
            ],
        ),
        (
            "non-utf8",
            &["tests/fixtures/non-utf8/sources/paper.txt:5:24: not UTF-8: byte 0xE9"],
        ),
        ("empty", &["tests/fixtures/empty:1:1: empty data folder"]),
    ];
    for (fixture, expected) in cases {
        let dir = format!("tests/fixtures/{fixture}");
        let out = annals(&["check", "--data", &dir]);
        assert_eq!(out.status.code(), Some(1), "{fixture}");
        let err = stderr(&out);
        for e in *expected {
            assert!(err.contains(e), "{fixture}: expected {e:?} in\n{err}");
        }
        // print refuses broken data the same way
        assert_eq!(
            annals(&["print", "--data", &dir]).status.code(),
            Some(1),
            "{fixture}"
        );
    }
}

#[test]
fn a_missing_data_folder_is_a_data_problem() {
    let out = annals(&["check", "--data", "tests/fixtures/does-not-exist"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(
        "tests/fixtures/does-not-exist:1:1: cannot open the data folder: it does not exist"
    ));
}

#[test]
fn global_options_go_before_or_after_the_command() {
    for args in [
        &["--color", "never", "check"][..],
        &["check", "--color", "never"],
        &["--max-file-size", "10", "check"],
        &["tests/fixtures/good", "check"],
        &["check", "--data", "tests/fixtures/good"],
    ] {
        let out = annals(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).starts_with("ok: "), "{args:?}");
    }
}

/// The long names of the options that `annals ARGS` (a help) lists.
fn options_listed(args: &[&str]) -> Vec<String> {
    let out = annals(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    let help = stdout(&out);
    let options = &help[help.find("Options:").expect("an Options: part")..];
    // An option's own line: "  -f, --format <FORMAT>  …" or "      --data <PATH>  …".
    options
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let long = if line.starts_with("--") {
                line
            } else if line.starts_with('-') && line.get(2..4) == Some(", ") {
                &line[4..]
            } else {
                return None;
            };
            let end = long[2..]
                .find(|c: char| c != '-' && !c.is_ascii_alphanumeric())
                .map_or(long.len(), |i| i + 2);
            Some(long[..end].to_string())
        })
        .collect()
}

/// Each command's help lists the options it takes, and only those: a
/// command that reads no data folder never lists --data (it is refused
/// there), and print and check, which write no colour, never --color.
#[test]
fn each_commands_help_lists_only_the_options_that_apply_to_it() {
    let data = ["--data", "--max-file-size", "--published"];
    let cases: &[(&str, &[&str], &[&str])] = &[
        // (command, listed, never listed)
        (
            "extract",
            &["--dct", "--format", "--max-file-size"],
            &["--data", "--published", "--color", "--config"],
        ),
        (
            "completions",
            &[],
            &[
                "--data",
                "--max-file-size",
                "--published",
                "--color",
                "--config",
            ],
        ),
        (
            "man",
            &[],
            &[
                "--data",
                "--max-file-size",
                "--published",
                "--color",
                "--config",
            ],
        ),
        ("print", &data, &["--color", "--config"]),
        (
            "check",
            &["--data", "--max-file-size", "--published", "--config"],
            &["--color"],
        ),
        ("draft", &data, &["--color", "--config"]),
    ];
    for &(command, listed, never) in cases {
        for help in ["-h", "--help"] {
            let options = options_listed(&[command, help]);
            assert!(options.iter().any(|o| o == "--help"), "{options:?}");
            for option in listed {
                assert!(
                    options.iter().any(|o| o == option),
                    "{command} {help} lacks {option}: {options:?}"
                );
            }
            for option in never {
                assert!(
                    !options.iter().any(|o| o == option),
                    "{command} {help} lists {option}: {options:?}"
                );
            }
        }
    }
    // Plain annals, the explorer, lists them all.
    let options = options_listed(&["--help"]);
    for option in [
        "--data",
        "--max-file-size",
        "--published",
        "--color",
        "--config",
    ] {
        assert!(
            options.iter().any(|o| o == option),
            "annals --help lacks {option}"
        );
    }
    // So does the man page, each command under its own heading.
    let man = stdout(&annals(&["man"]));
    let section = |name: &str| {
        let from = man
            .find(&format!(".SS \"annals {name}\""))
            .expect("the command's heading");
        let rest = &man[from + 1..];
        rest[..rest
            .find(".SS ")
            .or(rest.find(".SH "))
            .unwrap_or(rest.len())]
            .to_string()
    };
    for name in ["extract", "completions", "man"] {
        assert!(
            !section(name).contains("\\-\\-data"),
            "man: {name} lists --data"
        );
    }
    assert!(
        section("print").contains("\\-\\-data"),
        "man: print lacks --data"
    );
}

/// Options go before the command or after it, as before: a value before
/// one is that command's (extract's size limit too), one after it wins,
/// --color is still read after print and check (listed or not), and
/// --data after a command that reads none says why, as before it does.
#[test]
fn options_before_a_command_are_its_own_and_after_it_win() {
    let sun = "data/sources/sun.txt";
    let limited = annals(&["--max-file-size", "0", "extract", sun]);
    assert_eq!(limited.status.code(), Some(1), "{}", stderr(&limited));
    assert!(
        stderr(&limited).contains("more than the limit of 0.0 MB"),
        "{}",
        stderr(&limited)
    );
    let after = annals(&[
        "--max-file-size",
        "0",
        "extract",
        "--max-file-size",
        "64",
        sun,
    ]);
    assert_eq!(after.status.code(), Some(0), "{}", stderr(&after));
    for args in [
        &["print", "--color", "never", "tests/fixtures/good"][..],
        &["check", "--color=always", "tests/fixtures/good"],
        &["--published", "2020-02-29", "print", "tests/fixtures/good"],
    ] {
        let out = annals(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    for (args, name) in [
        (
            &["extract", "--data", "tests/fixtures/good", sun][..],
            "extract",
        ),
        (&["extract", sun, "--data=tests/fixtures/good"], "extract"),
        (&["completions", "bash", "--data", "x"], "completions"),
        (&["man", "--data", "x"], "man"),
    ] {
        let out = annals(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains(&format!("`annals {name}` takes no data folder")),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // An option a command does not take is clap's to name, not a
    // mistyped command ("`print` is not a command … did you mean `print`?").
    for args in [
        &["print", "--config", "x.toml"][..],
        &["extract", "--published", "2020-02-29", sun],
    ] {
        let out = annals(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(&format!("unexpected argument '{}'", args[1])),
            "{args:?}: {err}"
        );
        assert!(!err.contains("is not a command"), "{args:?}: {err}");
    }
}
