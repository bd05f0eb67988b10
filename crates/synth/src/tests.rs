//! Checks of the generated text itself, read back with a TOML parser and plain
//! string searches: what annals' loader needs, without depending on annals.

use std::collections::{BTreeSet, HashMap, HashSet};

use toml::{Table, Value};

use crate::{EVENTS_PER_ARTICLE, Story, generate};

fn parse(story: &Story) -> Vec<Table> {
    let table: Table = toml::from_str(&story.timeline).expect("timeline.toml is TOML");
    assert!(table["title"].as_str().is_some_and(|t| !t.is_empty()));
    match table.get("events") {
        Some(Value::Array(events)) => events
            .iter()
            .map(|e| e.as_table().expect("an event is a table").clone())
            .collect(),
        _ => Vec::new(),
    }
}

fn is_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Splits a source file into its front matter and body.
fn split(text: &str) -> (&str, &str) {
    let rest = text.strip_prefix("+++\n").expect("opens with +++");
    let end = rest.find("\n+++\n").expect("front matter is closed");
    (&rest[..end + 1], &rest[end + 5..])
}

/// What annals folds when matching quotes: runs of whitespace, and
/// typographic quotes, apostrophes and dashes.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(match c {
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            '–' | '—' => '-',
            c => c,
        });
    }
    out
}

fn bodies(story: &Story) -> HashMap<&str, &str> {
    story
        .sources
        .iter()
        .map(|(name, text)| (name.strip_suffix(".txt").unwrap(), split(text).1))
        .collect()
}

/// The anchor of a relative date, and the form it is written in.
fn relative(date: &str) -> Option<(&str, String)> {
    let words: Vec<&str> = date.split_whitespace().collect();
    let (the, words) = match words.as_slice() {
        ["the", rest @ ..] => ("the ", rest),
        all => ("", all),
    };
    let unit = |u: &str| u.trim_end_matches('s').to_string();
    match *words {
        [id] if is_id(id) => Some((id, "same".into())),
        [id, sign @ ("+" | "-"), n, u] if n.parse::<u32>().is_ok() => {
            Some((id, format!("{sign} {}", unit(u))))
        }
        [n, u, side @ ("before" | "after"), id] if n.parse::<u32>().is_ok_and(|n| n > 0) => {
            Some((id, format!("{the}{side} {}", unit(u))))
        }
        _ => None,
    }
}

/// How an event's date is written: "day", "month", "+ week", "the after day", …
fn form(date: &Value) -> String {
    match date {
        Value::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => "day".into(),
        Value::Integer(y) if (1..=9999).contains(y) => "year".into(),
        Value::Table(t) => {
            let day = |k: &str| matches!(&t[k], Value::Datetime(d) if d.date.is_some());
            assert!(t.len() == 2 && day("start") && day("end"), "range {t:?}");
            let (start, end) = (t["start"].to_string(), t["end"].to_string());
            assert!(start <= end, "range {t:?} ends before it starts");
            "range".into()
        }
        Value::String(s) => {
            let digits =
                |part: &str, len| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
            let parts: Vec<&str> = s.split('-').collect();
            match parts.as_slice() {
                [y] if digits(y, 4) => "year string".into(),
                [y, m] if digits(y, 4) && digits(m, 2) => "month".into(),
                [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => "day string".into(),
                _ => {
                    relative(s)
                        .unwrap_or_else(|| panic!("cannot read date {s:?}"))
                        .1
                }
            }
        }
        other => panic!("cannot read date {other:?}"),
    }
}

#[test]
fn the_same_seed_gives_the_same_story() {
    let story = generate(60, 11);
    assert_eq!(story, generate(60, 11));
    let other = generate(60, 12);
    assert_ne!(story.timeline, other.timeline);
    assert_ne!(story.sources, other.sources);
}

#[test]
fn every_article_brings_ten_events() {
    for articles in [0, 1, 2, 7, 150] {
        let story = generate(articles, 3);
        assert_eq!(story.sources.len(), articles);
        assert_eq!(story.events, EVENTS_PER_ARTICLE * articles);
        assert_eq!(parse(&story).len(), EVENTS_PER_ARTICLE * articles);
    }
}

#[test]
fn ids_are_valid_and_unique() {
    let story = generate(300, 5);
    let mut sources = HashSet::new();
    for (name, _) in &story.sources {
        let id = name.strip_suffix(".txt").expect("articles are .txt files");
        assert!(is_id(id), "source id {id:?}");
        assert!(sources.insert(id), "duplicate source {id}");
    }
    let mut events = HashSet::new();
    for event in parse(&story) {
        let id = event["id"].as_str().expect("id is a string");
        assert!(is_id(id), "event id {id:?}");
        assert!(events.insert(id.to_string()), "duplicate event {id}");
    }
    assert_eq!(events.len(), 3000);
}

#[test]
fn every_quote_is_found_in_its_article() {
    let story = generate(400, 8);
    let bodies = bodies(&story);
    let folded: HashMap<&str, String> = bodies.iter().map(|(&id, &b)| (id, fold(b))).collect();
    let (mut exact, mut only_folded) = (0, 0);
    for event in parse(&story) {
        let evidence = event["evidence"].as_array().expect("evidence is an array");
        assert!((1..=3).contains(&evidence.len()), "{event:?}");
        let mut cited = HashSet::new();
        for item in evidence {
            let item = item.as_table().expect("evidence is a table");
            assert_eq!(item.len(), 2, "{item:?}");
            let source = item["source"].as_str().unwrap();
            let quote = item["quote"].as_str().unwrap();
            assert!(cited.insert(source), "{source} quoted twice in {event:?}");
            assert!(
                quote.split_whitespace().count() >= 4,
                "short quote {quote:?}"
            );
            let body = bodies
                .get(source)
                .unwrap_or_else(|| panic!("no article {source}"));
            if body.contains(quote) {
                exact += 1;
            } else {
                assert!(
                    folded[source].contains(&fold(quote)),
                    "{quote:?} is not in {source}"
                );
                only_folded += 1;
            }
        }
    }
    let share = f64::from(only_folded) / f64::from(exact + only_folded);
    assert!(
        (0.01..0.1).contains(&share),
        "{only_folded} of {exact} quotes need folding"
    );
    // Both ways of writing evidence are used.
    assert!(story.timeline.contains("\n[[events.evidence]]\n"));
    assert!(story.timeline.contains("\nevidence = [{ source = "));
    assert!(story.timeline.contains("\nevidence = [\n  { source = "));
}

#[test]
fn every_date_form_appears_days_most() {
    let events = parse(&generate(300, 13));
    let mut counts: HashMap<String, usize> = HashMap::new();
    for event in &events {
        *counts.entry(form(&event["date"])).or_default() += 1;
    }
    let mut wanted: BTreeSet<String> = [
        "day",
        "day string",
        "month",
        "year",
        "year string",
        "range",
        "same",
    ]
    .map(String::from)
    .into();
    for unit in ["day", "week", "month", "year"] {
        for form in ["+", "-", "before", "after", "the before", "the after"] {
            wanted.insert(format!("{form} {unit}"));
        }
    }
    let missing: Vec<&String> = wanted.iter().filter(|f| !counts.contains_key(*f)).collect();
    assert!(
        missing.is_empty(),
        "missing date forms {missing:?} in {counts:?}"
    );
    assert_eq!(counts.keys().filter(|f| !wanted.contains(*f)).count(), 0);
    let most = counts.iter().max_by_key(|(_, n)| **n).unwrap();
    assert_eq!(most.0, "day");
    assert!(counts["month"] > counts["range"] && counts["month"] > counts["year"]);
}

#[test]
fn anchors_exist_come_earlier_and_form_no_cycles() {
    let events = parse(&generate(300, 21));
    let index: HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e["id"].as_str().unwrap(), i))
        .collect();
    let anchor_of = |i: usize| -> Option<usize> {
        let date = events[i]["date"].as_str()?;
        let (anchor, _) = relative(date)?;
        Some(
            *index
                .get(anchor)
                .unwrap_or_else(|| panic!("unknown anchor in {date:?}")),
        )
    };
    let mut deepest = 0;
    for i in 0..events.len() {
        let (mut current, mut depth) = (i, 0);
        while let Some(next) = anchor_of(current) {
            assert!(next < current, "{} points forward", events[current]["id"]);
            current = next;
            depth += 1;
            assert!(depth <= 3, "chain from {} is too deep", events[i]["id"]);
        }
        deepest = deepest.max(depth);
    }
    assert!(deepest >= 2, "chains of relative dates should be exercised");
}

#[test]
fn articles_look_like_news() {
    let story = generate(300, 34);
    let fields = ["title", "outlet", "published", "url", "language", "note"];
    let (mut blank, mut lines, mut outlets) = (0, 0, HashSet::new());
    let mut published = BTreeSet::new();
    for (name, text) in &story.sources {
        let (front, body) = split(text);
        let front: Table = toml::from_str(front).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(front.keys().all(|k| fields.contains(&k.as_str())), "{name}");
        assert!(front["title"].as_str().is_some_and(|t| !t.is_empty()));
        published.insert(match &front["published"] {
            Value::Datetime(d) => d.to_string(),
            Value::String(s) => s.clone(),
            other => panic!("{name}: published = {other:?}"),
        });
        if let Some(outlet) = front.get("outlet") {
            outlets.insert(outlet.as_str().unwrap().to_string());
        }
        assert!(
            (1_500..5_000).contains(&body.len()),
            "{name} has {} bytes",
            body.len()
        );
        assert!(body.ends_with(".\n") || body.ends_with("”\n"), "{name}");
        if body.contains("\n\n") {
            blank += 1;
        } else {
            lines += 1;
            assert!(body.lines().count() > 5, "{name}: one paragraph a line");
        }
    }
    assert!(
        blank > 150 && lines > 50,
        "{blank} with blank lines, {lines} without"
    );
    assert!(outlets.len() >= 10, "{outlets:?}");
    let (first, last) = (published.first().unwrap(), published.last().unwrap());
    assert!(
        first.starts_with("2019") && last.starts_with("2023"),
        "{first} – {last}"
    );
    let all: String = story.sources.iter().map(|(_, t)| t.as_str()).collect();
    for c in ['“', '”', '’', '—', 'é', 'ã', 'ø'] {
        assert!(all.contains(c), "no {c} in any article");
    }
    let average = story.source_bytes() / story.sources.len();
    assert!(
        (2_500..3_300).contains(&average),
        "{average} bytes an article"
    );
}

#[test]
fn sizes_add_up_to_about_six_kilobytes_an_article() {
    let story = generate(500, 55);
    assert_eq!(story.bytes(), story.timeline.len() + story.source_bytes());
    let per_article = story.bytes() / 500;
    assert!(
        (5_000..6_500).contains(&per_article),
        "{per_article} bytes an article"
    );
}

#[test]
fn write_to_writes_a_data_folder_and_removes_stale_articles() {
    let dir = std::env::temp_dir().join(format!("annals-synth-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate(6, 1).write_to(&dir).unwrap();
    std::fs::write(dir.join("sources").join("README.md"), "kept").unwrap();
    let story = generate(3, 2);
    story.write_to(&dir).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut expected: Vec<String> = story.sources.iter().map(|(n, _)| n.clone()).collect();
    expected.push("README.md".into());
    expected.sort();
    assert_eq!(names, expected);
    for (name, text) in &story.sources {
        assert_eq!(
            &std::fs::read_to_string(dir.join("sources").join(name)).unwrap(),
            text
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("timeline.toml")).unwrap(),
        story.timeline
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
