//! The own set (`corpora/`), scored as `annals-eval` scores it: the
//! Wikinews iPhone 4 story, whose articles the repository holds.

use annals_draft::Drafter;
use annals_eval::own;
use annals_tagger::Tagger;

#[test]
fn the_own_set_scores_as_the_readme_says() {
    let tagger = Tagger::new();
    let stories = own::run(&own::corpora(), &Drafter::embedded(&tagger), &tagger).unwrap();
    let names: Vec<&str> = stories.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["wikinews-iphone4-2010"]);
    let s = &stories[0];
    assert_eq!(s.articles, 4);
    // Measured 2026-12-07: 0.824 (P 0.778, R 0.875), baseline 0.609.
    assert!(s.annals.recall >= 0.85, "{s:?}");
    assert!(s.annals.f1 >= 0.80, "{s:?}");
    assert!(s.annals.f1 > s.days_pub.f1 + 0.15, "{s:?}");
    assert!(s.days_pub.f1 > s.pub_only.f1, "{s:?}");
}
