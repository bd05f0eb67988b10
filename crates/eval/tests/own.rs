//! The own set (`corpora/`), scored as `annals-eval` scores it: the
//! Wikinews iPhone 4 story, whose articles the repository holds.

use annals_draft::Drafter;
use annals_eval::own;
use annals_tagger::Tagger;

#[test]
fn the_own_set_scores_as_the_readme_says() {
    let tagger = Tagger::new();
    // No shared folder here: the stories read from it are skipped.
    let nowhere = std::path::Path::new("/nonexistent");
    let (stories, skipped) = own::run(
        &own::corpora(),
        nowhere,
        &Drafter::embedded(&tagger),
        &tagger,
    )
    .unwrap();
    let names: Vec<&str> = stories.iter().map(|s| s.scores.name.as_str()).collect();
    assert_eq!(names, ["wikinews-iphone4-2010"]);
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(
        skipped[0].starts_with("embassy-bombings-1998: no /nonexistent/"),
        "{skipped:?}"
    );
    let s = &stories[0];
    assert_eq!(s.articles, 4);
    // Measured 2026-12-07: 0.824 (P 0.778, R 0.875), baseline 0.609.
    assert!(s.scores.annals.recall >= 0.85, "{s:?}");
    assert!(s.scores.annals.f1 >= 0.80, "{s:?}");
    assert!(s.scores.annals.f1 > s.scores.days_pub.f1 + 0.15, "{s:?}");
    assert!(s.scores.days_pub.f1 > s.scores.pub_only.f1, "{s:?}");
}

#[test]
#[ignore = "needs ../shared/data/tempeval3-train"]
fn the_embassy_story_scores_as_the_readme_says() {
    let tagger = Tagger::new();
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let (stories, skipped) = own::run(
        &own::corpora(),
        &shared,
        &Drafter::embedded(&tagger),
        &tagger,
    )
    .unwrap();
    assert!(skipped.is_empty(), "{skipped:?}");
    let s = stories
        .iter()
        .find(|s| s.scores.name == "embassy-bombings-1998")
        .unwrap();
    assert_eq!(s.articles, 19);
    // Measured 2026-12-07: 0.889 (P 0.800, R 1.000, 38 events), baselines 0.889 / 0.880.
    assert!(s.scores.annals.recall >= 0.99, "{s:?}");
    assert!(s.scores.annals.f1 >= 0.85, "{s:?}");
    assert!(s.scores.annals.f1 >= s.scores.days_pub.f1 - 0.01, "{s:?}");
}
