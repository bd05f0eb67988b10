//! Loader tests: one per problem class, each checking the message and its
//! file:line:column, plus the bundled story and a never-panics property.

use std::path::PathBuf;

use super::*;
use proptest::prelude::*;

const SUN: &str = "+++\ntitle = \"Sun\"\npublished = 2020-02-29\n+++\nThe deal was signed in Doha today.\nPompeo was there.";

fn files(timeline: Option<&str>, sources: &[(&str, &[u8])]) -> DataFiles {
    DataFiles {
        dir: PathBuf::from("d"),
        timeline: timeline.map(|t| DataFile {
            path: PathBuf::from("d/timeline.toml"),
            bytes: t.as_bytes().to_vec(),
            saved: None,
        }),
        sources: Some(
            sources
                .iter()
                .map(|(name, bytes)| DataFile {
                    path: PathBuf::from(format!("d/sources/{name}")),
                    bytes: bytes.to_vec(),
                    saved: None,
                })
                .collect(),
        ),
        skipped: Problems::new(),
        ignored: Vec::new(),
    }
}

/// The problems of a data folder with the sun source and this timeline.
fn problems(timeline: &str) -> Vec<String> {
    problems_of(&files(Some(timeline), &[("sun.txt", SUN.as_bytes())]))
}

fn problems_of(files: &DataFiles) -> Vec<String> {
    match load_files(files) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    }
}

fn event(fields: &str) -> String {
    format!("title = \"T\"\n\n[[events]]\n{fields}\n")
}

const EVIDENCE: &str = "evidence = [{ source = \"sun\", quote = \"signed in Doha\" }]";

#[test]
fn a_good_folder_loads_with_resolved_dates() {
    let t = load_files(&files(
        Some(&format!(
            "title = \"T\"\n[[events]]\nid = \"later\"\ntitle = \"L\"\ndate = \"signing + 14 months\"\n{EVIDENCE}\n\
             [[events]]\nid = \"signing\"\ntitle = \"S\"\ndate = 2020-02-29\n{EVIDENCE}\n"
        )),
        &[("sun.txt", SUN.as_bytes())],
    ))
    .unwrap();
    assert_eq!(t.events[0].id, "signing");
    assert_eq!(t.events[1].when().label(), "2021-04-29");
    assert_eq!(
        t.events[1].when().computed.as_deref(),
        Some("signing + 14 months")
    );
    let p = &t.events[0].passages()[0];
    assert_eq!(t.quote(p), "signed in Doha");
    assert_eq!(t.paragraph(p), "The deal was signed in Doha today.");
}

#[test]
fn toml_syntax_errors_point_at_the_line() {
    let p = problems("title = \"T\"\n[[events]\nid = 1\n");
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("d/timeline.toml:2:"), "{p:?}");
    assert!(p[0].contains("TOML syntax"), "{p:?}");
}

#[test]
fn unknown_fields_are_named_with_a_suggestion() {
    let p = problems(&event(&format!(
        "id = \"a\"\ntitle = \"A\"\ndate = 2001\ntitel = \"x\"\n{EVIDENCE}"
    )));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d/timeline.toml:7:1: unknown field `titel` in an event"),
        "{p:?}"
    );
    assert!(p[0].contains("did you mean `title`?"), "{p:?}");
}

#[test]
fn missing_fields_point_at_the_event() {
    let p = problems(&event(&format!("id = \"a\"\ndate = 2001\n{EVIDENCE}")));
    assert_eq!(
        p,
        vec![
            "d/timeline.toml:3:1: an event has no `title`\n    add it, for example: title = \"What happened\""
        ]
    );
    let p = problems(&event("id = \"a\"\ntitle = \"A\"\ndate = 2001"));
    assert!(
        p[0].starts_with("d/timeline.toml:3:1: an event has no `evidence`"),
        "{p:?}"
    );
}

#[test]
fn wrong_types_say_what_was_expected() {
    let p = problems(&event(&format!(
        "id = \"a\"\ntitle = 5\ndate = 2001\n{EVIDENCE}"
    )));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d/timeline.toml:5:9: `title` should be a string"),
        "{p:?}"
    );
}

#[test]
fn duplicate_ids_name_the_first_use() {
    let one = format!("id = \"a\"\ntitle = \"A\"\ndate = 2001\n{EVIDENCE}");
    let p = problems(&format!(
        "title = \"T\"\n[[events]]\n{one}\n[[events]]\n{one}\n"
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d/timeline.toml:8:6: duplicate event id `a`"),
        "{p:?}"
    );
    assert!(p[0].contains("line 3 already uses it"), "{p:?}");
}

#[test]
fn unknown_sources_list_the_known_ones() {
    let p = problems(&event(
        "id = \"a\"\ntitle = \"A\"\ndate = 2001\nevidence = [{ source = \"sunn\", quote = \"Doha\" }]",
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d/timeline.toml:7:24: unknown source `sunn`"),
        "{p:?}"
    );
    assert!(
        p[0].contains("did you mean `sun`? known sources: sun"),
        "{p:?}"
    );
}

#[test]
fn evidence_citing_an_article_that_failed_is_not_also_unknown() {
    // The file name is not an id as it stands: the id is its slug.
    let t = event(
        "id = \"a\"\ntitle = \"A\"\ndate = 2001\nevidence = [{ source = \"wire-story\", quote = \"Doha\" }]",
    );
    let p = problems_of(&files(
        Some(&t),
        &[
            ("sun.txt", SUN.as_bytes()),
            ("Wire story.txt", b"+++\ntitle = \"x\"\nbody"),
        ],
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d/sources/Wire story.txt:1:1: broken front matter"),
        "{p:?}"
    );
}

#[test]
fn repeated_source_ids_are_made_unique_without_taking_an_id_in_use() {
    // Two articles of one JSON Lines file with one id are told apart by
    // their order; `x-2` is taken by a file, so the second `x` is `x-3`.
    let line = |id: &str| {
        format!(
            "{{\"id\": \"{id}\", \"title\": \"T\", \"published\": \"2020-02-29\", \"text\": \"Signed.\"}}\n"
        )
    };
    let jsonl = format!("{}{}", line("x"), line("x"));
    let x2 = "+++\nid = \"x-2\"\npublished = 2020-02-29\n+++\nThe deal was signed in Doha.";
    let all = files(
        None,
        &[("a.jsonl", jsonl.as_bytes()), ("c.txt", x2.as_bytes())],
    );
    let (sources, problems) = articles(all, &Options::default());
    assert!(problems.is_empty(), "{problems:?}");
    let ids: Vec<(&str, String, usize)> = sources
        .iter()
        .map(|s| (s.id.as_str(), s.path.display().to_string(), s.body_line))
        .collect();
    assert_eq!(
        ids,
        [
            ("x", "d/sources/a.jsonl".to_string(), 1),
            ("x-2", "d/sources/c.txt".to_string(), 5),
            ("x-3", "d/sources/a.jsonl".to_string(), 2),
        ]
    );
}

#[test]
fn two_files_claiming_one_id_are_a_located_problem_not_a_rename() {
    let article = "+++\npublished = 2020-02-29\n+++\nThe deal was signed in Doha.";
    let front = "+++\nid = \"sun\"\npublished = 2020-02-29\n+++\nThe deal was signed in Doha.";
    let line = "{\"id\": \"sun\", \"published\": \"2020-02-29\", \"text\": \"Signed.\"}\n";
    let all = files(
        None,
        &[
            ("sun.txt", article.as_bytes()),
            ("sun.md", article.as_bytes()),
            ("other.md", front.as_bytes()),
            ("wire.jsonl", format!("\n{line}").as_bytes()),
        ],
    );
    let (sources, problems) = articles(all, &Options::default());
    let ids: Vec<(&str, String)> = sources
        .iter()
        .map(|s| (s.id.as_str(), s.path.display().to_string()))
        .collect();
    // The first by path keeps the id; no other article is read under it
    // or under a made-up `sun-2` that evidence could come to cite.
    assert_eq!(ids, [("sun", "d/sources/other.md".to_string())]);
    let p: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(
        p[0].starts_with("d/sources/sun.md:1:1: the source id `sun` is already that of d/sources/other.md\n    rename one of the files"),
        "{p:?}"
    );
    assert!(
        p[1].starts_with("d/sources/sun.txt:1:1: the source id `sun`"),
        "{p:?}"
    );
    assert!(
        p[2].starts_with("d/sources/wire.jsonl:2:1: the source id `sun`"),
        "{p:?}"
    );
}

#[test]
fn unknown_anchor_events_are_reported() {
    let p = problems(&event(&format!(
        "id = \"a\"\ntitle = \"A\"\ndate = \"signin + 3 days\"\n{EVIDENCE}"
    )));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d/timeline.toml:6:8: unknown event `signin` in relative date"),
        "{p:?}"
    );
}

#[test]
fn cycles_among_relative_dates_are_reported_once() {
    let ev = |id: &str, date: &str| {
        format!("[[events]]\nid = \"{id}\"\ntitle = \"X\"\ndate = \"{date}\"\n{EVIDENCE}\n")
    };
    let p = problems(&format!(
        "title = \"T\"\n{}{}{}",
        ev("a", "b + 1 day"),
        ev("b", "c + 1 day"),
        ev("c", "a - 1 week")
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].contains("relative dates form a cycle: a → b → c → a"),
        "{p:?}"
    );
    assert!(p[0].starts_with("d/timeline.toml:15:8:"), "{p:?}");
    let p =
        problems(&ev("self", "self + 1 day").replace("[[events]]", "title = \"T\"\n[[events]]"));
    assert!(p[0].contains("cycle: self → self"), "{p:?}");
}

#[test]
fn impossible_dates_are_explained() {
    let p = problems(&event(&format!(
        "id = \"a\"\ntitle = \"A\"\ndate = \"2021-02-29\"\n{EVIDENCE}"
    )));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with(
            "d/timeline.toml:6:8: 2021-02-29 is not a date: February 2021 has 28 days"
        ),
        "{p:?}"
    );
}

#[test]
fn ranges_ending_before_they_start_are_rejected() {
    let p = problems(&event(&format!(
        "id = \"a\"\ntitle = \"A\"\ndate = {{ start = 2020-03-01, end = 2020-02-01 }}\n{EVIDENCE}"
    )));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with(
            "d/timeline.toml:6:8: the range ends (2020-02-01) before it starts (2020-03-01)"
        ),
        "{p:?}"
    );
}

#[test]
fn missing_quotes_show_the_nearest_line() {
    let p = problems(&event(
        "id = \"a\"\ntitle = \"A\"\ndate = 2001\nevidence = [{ source = \"sun\", quote = \"Pompeo was here\" }]",
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d/timeline.toml:7:39: quote not found in d/sources/sun.txt"),
        "{p:?}"
    );
    assert!(
        p[0].contains("nearest line, d/sources/sun.txt:6: Pompeo was there."),
        "{p:?}"
    );
}

#[test]
fn non_utf8_files_name_the_bad_byte() {
    let bad: &[u8] = b"+++\ntitle = \"X\"\npublished = 2020-02-29\n+++\nCaf\xe9 society";
    let p = problems_of(&files(
        Some(&event(&format!(
            "id = \"a\"\ntitle = \"A\"\ndate = 2001\n{EVIDENCE}"
        ))),
        &[("sun.txt", SUN.as_bytes()), ("bad.txt", bad)],
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d/sources/bad.txt:5:4: not UTF-8: byte 0xE9"),
        "{p:?}"
    );
}

#[test]
fn an_article_needs_a_date_and_closed_front_matter() {
    let t = event(&format!(
        "id = \"a\"\ntitle = \"A\"\ndate = 2001\n{EVIDENCE}"
    ));
    let p = problems_of(&files(
        Some(&t),
        &[("sun.txt", SUN.as_bytes()), ("a.txt", b"Just an article.")],
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d/sources/a.txt:1:1: no publication date"),
        "{p:?}"
    );
    assert!(p[0].contains("--published"), "both fixes are named: {p:?}");
    // Without front matter, a dateline dates the article and the first line titles it.
    let dated = b"Saturday 29 February 2020\n\nThe deal was signed in Doha today.";
    let story = load_files(&files(Some(&t), &[("sun.txt", dated)])).unwrap();
    assert_eq!(story.sources[0].published.to_string(), "2020-02-29");
    assert_eq!(story.sources[0].title, "The deal was signed in Doha today.");
    let p = problems_of(&files(
        Some(&t),
        &[
            ("sun.txt", SUN.as_bytes()),
            ("a.txt", b"+++\ntitle = \"x\"\nbody"),
        ],
    ));
    assert!(
        p[0].starts_with("d/sources/a.txt:1:1: broken front matter"),
        "{p:?}"
    );
}

#[test]
fn front_matter_problems_count_lines_from_the_file_start() {
    let t = event(&format!(
        "id = \"a\"\ntitle = \"A\"\ndate = 2001\n{EVIDENCE}"
    ));
    let src = b"+++\ntitle = \"x\"\npublished = \"yesterday\"\nauthor = \"me\"\n+++\nbody";
    let p = problems_of(&files(
        Some(&t),
        &[("sun.txt", SUN.as_bytes()), ("a.txt", src)],
    ));
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(
        p[0].starts_with("d/sources/a.txt:3:13: `published` should be a day such as 2020-02-29"),
        "{p:?}"
    );
    assert!(
        p[1].starts_with("d/sources/a.txt:4:1: unknown field `author` in front matter"),
        "{p:?}"
    );
}

#[test]
fn an_empty_folder_says_what_belongs_in_it() {
    let p = problems_of(&files(None, &[]));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("d:1:1: empty data folder"), "{p:?}");
    let p = problems_of(&DataFiles {
        dir: PathBuf::from("d"),
        timeline: Some(DataFile {
            path: PathBuf::from("d/timeline.toml"),
            bytes: event("").into_bytes(),
            saved: None,
        }),
        sources: Some(Vec::new()),
        skipped: Problems::new(),
        ignored: Vec::new(),
    });
    assert!(
        p[0].starts_with("d:1:1: no articles in the data folder"),
        "{p:?}"
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let p = problems(&format!(
        "title = \"T\"\nauthor = 1\n[[events]]\nid = \"a\"\ntitle = \"A\"\ndate = \"2020-02-30\"\n{EVIDENCE}\n\
         [[events]]\nid = \"b\"\ntitle = \"B\"\ndate = 2001\nevidence = [{{ source = \"nope\", quote = \"x\" }}]\n"
    ));
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].contains(":2:1: unknown field `author`"), "{p:?}");
    assert!(p[1].contains(":6:8: 2020-02-30 is not a date"), "{p:?}");
    assert!(p[2].contains(":12:24: unknown source `nope`"), "{p:?}");
}

#[test]
fn the_bundled_story_loads() {
    let t = crate::doha();
    assert_eq!(t.sources.len(), 4);
    assert!(
        t.events
            .windows(2)
            .all(|w| w[0].when().start <= w[1].when().start)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_timelines_never_panic(text in "\\PC{0,400}") {
        let _ = problems(&text);
    }

    #[test]
    fn mangled_events_never_panic(
        id in "[a-z\\[\\]\"= ]{0,6}",
        date in "[0-9a-z +\\-\"{}=,]{0,24}",
        quote in "\\PC{0,20}",
    ) {
        let _ = problems(&event(&format!(
            "id = \"{id}\"\ntitle = \"A\"\ndate = {date}\nevidence = [{{ source = \"sun\", quote = \"{quote}\" }}]"
        )));
    }

    #[test]
    fn arbitrary_source_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let t = event(&format!("id = \"a\"\ntitle = \"A\"\ndate = 2001\n{EVIDENCE}"));
        let _ = problems_of(&files(Some(&t), &[("sun.txt", &bytes)]));
    }
}

#[test]
fn an_article_read_alone_may_lack_a_date_but_not_be_broken() {
    let file = |text: &str| DataFile::new("a.txt", text.as_bytes().to_vec());
    let undated = read_article(file("+++\ntitle = \"T\"\n+++\nThe deal was signed.")).unwrap();
    assert_eq!(undated.published, None);
    assert_eq!(undated.body, "The deal was signed.");
    assert_eq!(undated.body_line, 4);
    let dated = read_article(file("+++\npublished = 2020-02-29\n+++\nSigned.")).unwrap();
    assert_eq!(
        dated.published.map(|d| d.to_string()).as_deref(),
        Some("2020-02-29")
    );
    let plain = read_article(file("Just text.")).unwrap();
    assert_eq!((plain.body.as_str(), plain.body_line), ("Just text.", 1));
    let broken = read_article(file("+++\ntitel = \"T\"\n+++\nBody.")).unwrap_err();
    let messages: Vec<String> = broken.iter().map(|p| p.to_string()).collect();
    assert!(messages.iter().any(|m| m.contains("titel")), "{messages:?}");
    assert!(
        !messages.iter().any(|m| m.contains("no publication date")),
        "{messages:?}"
    );
}

#[test]
fn a_partial_load_shows_what_loads_and_counts_what_it_left_out() {
    let timeline = format!(
        "title = \"T\"\n[[events]]\nid = \"signing\"\ntitle = \"S\"\ndate = 2020-02-29\n{EVIDENCE}\n\
         [[events]]\nid = \"later\"\ntitle = \"L\"\ndate = \"signing + 14 months\"\n\
         evidence = [{{ source = \"undated\", quote = \"x\" }}]\n\
         [[events]]\nid = \"typo\"\ntitle = \"Q\"\ndate = 2020-03-01\n\
         evidence = [{{ source = \"sun\", quote = \"signed in Dubai\" }}]\n"
    );
    let folder = files(
        Some(&timeline),
        &[
            ("sun.txt", SUN.as_bytes()),
            ("undated.txt", b"No date here."),
        ],
    );
    let strict = load_with(folder.clone(), &Options::default()).expect_err("check is strict");
    let partial = load_partial(folder, &Options::default()).expect("something to show");
    assert_eq!(partial.problems.len(), strict.len());
    assert_eq!(partial.problems.len(), 2, "{}", partial.problems);
    let ids: Vec<&str> = partial
        .timeline
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["signing"]);
    assert_eq!(partial.events_left_out, 2);
    assert_eq!(partial.timeline.sources.len(), 1);
    // With nothing wrong, a partial load is the whole timeline.
    let good = files(
        Some(&event(&format!(
            "id = \"a\"\ntitle = \"A\"\ndate = 2020\n{EVIDENCE}"
        ))),
        &[("sun.txt", SUN.as_bytes())],
    );
    let whole = load_partial(good, &Options::default()).expect("loads");
    assert!(whole.problems.is_empty());
    assert_eq!((whole.timeline.events.len(), whole.events_left_out), (1, 0));
}

#[test]
fn files_annals_does_not_read_are_summed_up_by_kind() {
    let mut folder = files(None, &[]);
    folder.sources = Some(Vec::new());
    folder.ignored = vec![
        PathBuf::from("d/Report (final).PDF"),
        PathBuf::from("d/notes.docx"),
        PathBuf::from("d/scan.pdf"),
    ];
    assert_eq!(
        folder
            .ignored_note()
            .as_deref()
            .and_then(|n| n.split(':').next()),
        Some("skipped 3 files annals does not read (.docx, .pdf)")
    );
    let p = problems_of(&folder);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("d:1:1: no article annals can read here: 3 files skipped (.docx, .pdf): Report (final).PDF, notes.docx, scan.pdf"),
        "{}",
        p[0]
    );
}

#[test]
fn a_drafted_event_keeps_its_salience_and_a_bad_one_is_located() {
    let drafted = |salience: &str| {
        event(&format!(
            "id = \"s\"\ntitle = \"S\"\ndate = 2020-02-29\norigin = \"drafted\"\nsalience = {salience}\n{EVIDENCE}"
        ))
    };
    let files = |text: String| files(Some(&text), &[("sun.txt", SUN.as_bytes())]);
    for (written, value) in [("2.5", 2.5), ("3", 3.0)] {
        let t = load_files(&files(drafted(written))).unwrap();
        let salience = t.events[0].drafted().and_then(|d| d.salience);
        assert_eq!(salience.map(|s| s.get()), Some(value));
    }
    let p = problems(&drafted("\"high\""));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].contains(":8:12: `salience` should be a number"),
        "{p:?}"
    );
}

#[test]
fn a_front_matter_datetime_keeps_its_moment() {
    let timeline = format!(
        "title = \"T\"\n[[events]]\nid = \"s\"\ntitle = \"S\"\ndate = 2020-02-29\n{EVIDENCE}\n"
    );
    let at = |published: &str| {
        let sun = SUN.replace(
            "published = 2020-02-29",
            &format!("published = {published}"),
        );
        load_files(&files(Some(&timeline), &[("sun.txt", sun.as_bytes())]))
            .map(|t| {
                (
                    t.sources[0].published,
                    t.sources[0].published_at.map(|a| a.to_rfc3339()),
                )
            })
            .map_err(|p| p.to_string())
    };
    let day = chrono::NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
    assert_eq!(at("2020-02-29"), Ok((day, None)));
    assert_eq!(
        at("2020-02-29T10:30:00+03:00"),
        Ok((day, Some("2020-02-29T10:30:00+03:00".into())))
    );
    assert_eq!(
        at("2020-02-29T10:30:00"),
        Ok((day, Some("2020-02-29T10:30:00+00:00".into())))
    );
    assert!(
        at("10:30:00")
            .unwrap_err()
            .contains("`published` should be a day")
    );
}
