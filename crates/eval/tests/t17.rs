//! Timeline17's scoring and its candidate days (`--t17-days`) on a tiny
//! folder of the same layout, made here.

use std::path::Path;

use annals_draft::Drafter;
use annals_eval::t17;
use annals_tagger::Tagger;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_toy_task_is_scored_at_t_and_its_candidate_days_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let task = dir.path().join("quake");
    let article = |id: u32, published: &str, text: &str| {
        format!(
            r#"{{"id": "{id}", "published": "{published}", "title": "Quake", "text": "{text}"}}"#
        )
    };
    let lines = [
        article(
            1,
            "2010-01-12",
            "A powerful earthquake struck the capital on Tuesday, killing thousands of people.",
        ),
        article(
            2,
            "2010-01-13",
            "The earthquake that struck the capital on 12 January killed thousands. Rescue teams arrived on Wednesday.",
        ),
        article(
            3,
            "2010-01-15",
            "Three days after the earthquake of 12 January, aid reached the port on Friday.",
        ),
        article(
            4,
            "2010-01-20",
            "A strong aftershock shook the capital on Wednesday, a week after the earthquake of 12 January.",
        ),
    ];
    write(&task.join("articles.jsonl"), &(lines.join("\n") + "\n"));
    write(
        &task.join("timelines/tl.json"),
        r#"[{"date": "2010-01-12", "text": "quake"}, {"date": "2010-01-20", "text": "aftershock"}]"#,
    );
    let tagger = Tagger::new();
    let mut days = Vec::new();
    let results = t17::run(
        dir.path(),
        &Drafter::embedded(&tagger),
        &tagger,
        &[],
        Some(&mut days),
    )
    .unwrap();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!((r.name.as_str(), r.t, r.articles), ("quake/tl", 2, 4));
    // The quake's day is the one every article gives: it is among the two
    // most salient, and so among the baseline's two most written.
    assert!(r.capped.recall >= 0.5, "{r:?}");
    assert!(r.dates_pub.recall >= 0.5, "{r:?}");
    let text = String::from_utf8(days).unwrap();
    let quake: Vec<&str> = text
        .lines()
        .find(|l| l.split('\t').nth(3) == Some("2010-01-12"))
        .unwrap()
        .split('\t')
        .collect();
    // name, T, articles, day, gold, events, salience, top sources, sources,
    // written by, later, earlier, published on the day and the 3 after.
    assert_eq!(quake[..5], ["quake/tl", "2", "4", "2010-01-12", "1"]);
    assert_eq!(quake[9], "4", "{text}");
    assert_eq!(quake[12], "1", "{text}");
    assert!(quake[5].parse::<usize>().unwrap() >= 1, "{text}");
    // Every line is a day within the gold span, each once.
    let mut listed: Vec<&str> = text
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap())
        .collect();
    assert!(
        listed
            .iter()
            .all(|d| ("2010-01-12"..="2010-01-20").contains(d)),
        "{text}"
    );
    let n = listed.len();
    listed.dedup();
    assert_eq!(listed.len(), n, "{text}");
}
