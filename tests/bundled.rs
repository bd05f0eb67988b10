//! The bundled story: every quote is found, every passage points at its quote,
//! the copy compiled into the binary matches `data/`, and the articles are the
//! seeds byte for byte.

use std::path::Path;

use annals_core::quote::find_quote;

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
}

#[test]
fn bundled_copy_matches_the_data_folder() {
    let from_disk = annals_core::load(data_dir()).expect("data/ loads");
    let bundled = annals::bundled::load().expect("bundled story loads");
    assert_eq!(from_disk.events, bundled.events);
    assert_eq!(from_disk.sources.len(), bundled.sources.len());
    for (a, b) in from_disk.sources.iter().zip(&bundled.sources) {
        assert_eq!((&a.id, &a.body()), (&b.id, &b.body()));
    }
}

#[test]
fn every_quote_in_timeline_toml_is_found_where_its_passage_points() {
    let toml_text = std::fs::read_to_string(data_dir().join("timeline.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&toml_text).unwrap();
    let timeline = annals::bundled::load().unwrap();
    let mut checked = 0;
    for raw in doc["events"].as_array().unwrap() {
        let id = raw["id"].as_str().unwrap();
        let event = &timeline.events[timeline.event_index(id).unwrap()];
        let evidence = raw["evidence"].as_array().unwrap();
        assert_eq!(evidence.len(), event.passages().len(), "{id}");
        for e in evidence {
            let source_id = e["source"].as_str().unwrap();
            let quote = e["quote"].as_str().unwrap();
            let s = timeline.source_index(source_id).unwrap();
            let body = &timeline.sources[s].body();
            let span = find_quote(body, quote)
                .unwrap_or_else(|| panic!("{id}: {quote:?} not in {source_id}"));
            let passage = event
                .passages()
                .iter()
                .find(|p| p.source() == s && p.quote() == span)
                .unwrap_or_else(|| panic!("{id}: no passage at {span:?}"));
            assert!(passage.paragraph().start <= span.start && span.end <= passage.paragraph().end);
            assert_eq!(timeline.quote(passage), &body[span.clone()]);
            assert!(
                timeline
                    .paragraph(passage)
                    .contains(timeline.quote(passage))
            );
            checked += 1;
        }
    }
    // Every quote of data/timeline.toml.
    assert_eq!(checked, 58);
}

#[test]
fn every_event_cites_every_source_that_reports_it() {
    let t = annals::bundled::load().unwrap();
    let cites = |id: &str| -> Vec<&str> {
        let e = &t.events[t.event_index(id).unwrap()];
        e.sources()
            .iter()
            .map(|&s| t.sources[s].id.as_str())
            .collect()
    };
    let all = vec!["arrival", "conditional", "pullout", "sun"];
    for id in [
        "attacks",
        "invasion",
        "signing",
        "pompeo-ceremony",
        "drawdown-135",
        "withdrawal-14-months",
    ] {
        assert_eq!(cites(id), all, "{id}");
    }
    assert_eq!(cites("riv-week"), vec!["arrival", "conditional"]);
    assert_eq!(cites("esper-kabul"), vec!["conditional", "sun"]);
    assert_eq!(cites("taliban-order"), vec!["arrival", "sun"]);
}

#[test]
fn relative_dates_are_computed_from_the_signing() {
    let t = annals::bundled::load().unwrap();
    let when = |id: &str| t.events[t.event_index(id).unwrap()].when().clone();
    let signing = when("signing");
    assert_eq!(signing.human(), "Saturday 29 February 2020");
    let riv = when("riv-week");
    assert_eq!(
        (riv.label().as_str(), riv.computed.as_deref()),
        ("2020-02-22 – 2020-02-28", Some("the 7 days before signing"))
    );
    let d135 = when("drawdown-135");
    assert_eq!(
        (d135.label().as_str(), d135.computed.as_deref()),
        ("2020-07-13", Some("signing + 135 days"))
    );
    let m14 = when("withdrawal-14-months");
    assert_eq!(
        (m14.label().as_str(), m14.computed.as_deref()),
        ("2021-04-29", Some("signing + 14 months"))
    );
    assert_eq!(when("unama-casualties").label(), "2009");
    assert_eq!(when("invasion").label(), "2001-10-07");
}

#[test]
#[ignore = "needs ../shared/seeds"]
fn article_bodies_are_the_seeds_byte_for_byte() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let entries = std::fs::read_dir(&seeds).unwrap_or_else(|e| panic!("{}: {e}", seeds.display()));
    let t = annals::bundled::load().unwrap();
    let mut matched = 0;
    for entry in entries {
        let seed = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            t.sources
                .iter()
                .any(|s| s.body().as_bytes() == seed.as_slice()),
            "a seed has no identical source body"
        );
        matched += 1;
    }
    assert_eq!(matched, 4);
}
