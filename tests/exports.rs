//! Each export opens in the tool it is for: TimelineJS's JSON format (checked
//! against its schema, `tests/data/timelinejs3.schema.json`), an iCalendar
//! parser, and a CSV reader. The readers are independent of the writers.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .env("ANNALS_CACHE_DIR", "") // never the user's cache
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("PAGER")
        .output()
        .expect("the annals binary runs")
}

fn export(format: &str) -> String {
    let out = annals(&["print", "--format", format]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn timelinejs_follows_the_timelinejs3_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timelinejs3.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let doc: Value = serde_json::from_str(&export("timelinejs")).expect("JSON");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 19);
    assert_eq!(
        doc["title"]["text"]["headline"],
        "The US–Taliban agreement, Doha, 29 February 2020"
    );
    let by_id = |id: &str| events.iter().find(|e| e["unique_id"] == id).unwrap();
    // A year stays a year; a day has all three parts; a range has an end.
    assert_eq!(
        by_id("unama-casualties")["start_date"],
        serde_json::json!({"year": 2009})
    );
    assert_eq!(
        by_id("signing")["start_date"],
        serde_json::json!({"year": 2020, "month": 2, "day": 29})
    );
    let week = by_id("riv-week");
    assert_eq!(
        week["end_date"],
        serde_json::json!({"year": 2020, "month": 2, "day": 28})
    );
    assert_eq!(week["group"], "violence");
    let text = week["text"]["text"].as_str().unwrap();
    assert!(
        text.contains("<blockquote>The agreement, which follows a seven-day reduction in violence")
    );
    assert!(
        text.contains("<p><em>First reported by arrival (tied with conditional), 2020-02-29, 7 days after.</em></p>"),
        "{text}"
    );
    let drawdown = by_id("drawdown-135")["text"]["text"].as_str().unwrap();
    assert!(
        drawdown.contains(
            "<p><strong>Sources disagree on</strong> troops: 8,600 as a level or as a change: "
        ),
        "{drawdown}"
    );
    // A bad schema fails: the validator is not a rubber stamp.
    let broken = serde_json::json!({"events": [{"start_date": {"month": 2}}]});
    assert!(!validator.is_valid(&broken));
}

#[test]
fn ics_opens_in_an_icalendar_parser() {
    let text = export("ics");
    for line in text.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "CRLF line ends: {line:?}");
        assert!(
            line.len() - 2 <= 75,
            "lines are folded at 75 octets: {line:?}"
        );
    }
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none());
    let prop = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(prop(&calendar.properties, "VERSION"), "2.0");
    assert_eq!(
        prop(&calendar.properties, "PRODID"),
        "-//annals//annals timeline//EN"
    );
    assert_eq!(calendar.events.len(), 19);
    let signing = calendar
        .events
        .iter()
        .find(|e| prop(&e.properties, "UID").starts_with("signing@"))
        .expect("a stable UID from the event id");
    let dtstart = signing
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .unwrap();
    assert_eq!(dtstart.value.as_deref(), Some("20200229"));
    let params = dtstart.params.clone().unwrap_or_default();
    assert!(
        params.iter().any(|(k, v)| k == "VALUE" && v == &["DATE"]),
        "{params:?}"
    );
    assert_eq!(
        prop(&signing.properties, "DTEND"),
        "20200301",
        "DTEND is exclusive"
    );
    let description = prop(&signing.properties, "DESCRIPTION");
    assert!(description.contains("Sources:"), "{description}");
    assert!(
        description.contains("First reported by arrival (tied with conditional\\, pullout\\, sun)\\, 2020-02-29\\, the same day."),
        "{description}"
    );
    // A year spans the year: DTEND the first day of the next.
    let unama = calendar
        .events
        .iter()
        .find(|e| prop(&e.properties, "UID").starts_with("unama-casualties@"))
        .unwrap();
    assert_eq!(
        (
            prop(&unama.properties, "DTSTART"),
            prop(&unama.properties, "DTEND")
        ),
        ("20090101".to_string(), "20100101".to_string())
    );
    // The same story gives the same file: UIDs and DTSTAMP are stable.
    assert_eq!(export("ics"), text);
}

#[test]
fn csv_reads_back_with_a_csv_reader() {
    let text = export("csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "id",
            "start",
            "end",
            "precision",
            "title",
            "computed",
            "sources",
            "tags",
            "first_reported",
            "lag_days",
            "disagreement"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 19);
    let row = rows.iter().find(|r| &r[0] == "drawdown-135").unwrap();
    assert_eq!(&row[1], "2020-07-13");
    assert_eq!(&row[3], "day");
    assert_eq!(&row[5], "signing + 135 days");
    assert_eq!(&row[6], "arrival;conditional;pullout;sun");
    // The first report (a tie of four, led by the first id) and the lag; the
    // hand-written note, then the computed disagreements.
    assert_eq!((&row[8], &row[9]), ("arrival", "-135"));
    let notes: Vec<&str> = row[10].split(" | ").collect();
    assert_eq!(notes.len(), 4, "{notes:?}");
    assert!(notes[0].starts_with("How long: 135 days (conditional)"));
    assert!(
        notes[2].starts_with("how long: “within a few months” (arrival) vs"),
        "{notes:?}"
    );
    let signing = rows.iter().find(|r| &r[0] == "signing").unwrap();
    assert_eq!((&signing[8], &signing[9]), ("arrival", "0"));
    assert!(!signing[10].contains(" | "), "only the hand-written note");
    // A year and a month keep their precision, as in JSON.
    let year = rows.iter().find(|r| &r[0] == "unama-casualties").unwrap();
    assert_eq!((&year[1], &year[2], &year[3]), ("2009", "2009", "year"));
    let month = rows.iter().find(|r| &r[3] == "month").unwrap();
    assert_eq!(month[1].len(), "2020-03".len(), "{month:?}");
    let riv = rows.iter().find(|r| &r[0] == "riv-week").unwrap();
    assert_eq!(
        (&riv[1], &riv[2], &riv[3]),
        ("2020-02-22", "2020-02-28", "range")
    );
}

#[test]
#[ignore = "needs bash and man(1) on the machine"]
fn completions_load_in_bash_and_the_man_page_renders() {
    let script = annals(&["completions", "bash"]).stdout;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annals.bash");
    std::fs::write(&path, &script).unwrap();
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && complete -p annals", path.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("_annals"));

    let page = dir.path().join("annals.1");
    std::fs::write(&page, annals(&["man"]).stdout).unwrap();
    let out = Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for section in [
        "NAME",
        "SYNOPSIS",
        "COMMANDS",
        "annals print",
        "KEYS",
        "Timeline [main]",
        "CONFIG",
        "EXIT STATUS",
        "NO_COLOR",
        "PAGER",
        "XDG_CONFIG_HOME",
    ] {
        assert!(text.contains(section), "{section} in\n{text}");
    }
    // No pointers to pages that do not exist.
    assert!(!text.contains("annals-print(1)"), "{text}");
    assert!(
        String::from_utf8_lossy(&out.stderr).is_empty(),
        "roff warnings"
    );
}

#[test]
fn every_shell_gets_a_completion_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = annals(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("annals") && script.contains("draft"),
            "{shell}"
        );
    }
    let man = String::from_utf8(annals(&["man"]).stdout).unwrap();
    assert!(
        man.starts_with(".ie") && man.contains(".TH annals 1"),
        "roff"
    );
    // Keys, config, exit codes and environment; no pointers to pages that
    // do not exist.
    for section in [
        ".SH KEYS",
        ".SH CONFIG",
        ".SH EXIT STATUS",
        ".SH ENVIRONMENT",
        "NO_COLOR",
        "XDG_CONFIG_HOME",
        "ANNALS_CACHE_DIR",
        "XDG_CACHE_HOME",
    ] {
        assert!(man.contains(section), "{section}");
    }
    assert!(!man.contains("annals\\-print(1)") && !man.contains("annals-print(1)"));
}
