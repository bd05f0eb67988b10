//! The benchmark's own corpus in the repository: the bundled story drafted
//! from its bare articles, scored as `annals-eval` scores it.

use std::path::Path;

use annals_draft::Drafter;
use annals_eval::bundled;
use annals_tagger::Tagger;

#[test]
fn the_bundled_story_scores_as_the_readme_says() {
    let tagger = Tagger::new();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let b = bundled::run(&data, &Drafter::embedded(&tagger), &tagger).unwrap();
    assert_eq!((b.mission, b.made), (6, 19));
    assert!(b.found >= 14, "{b:?}");
    assert!(b.unmatched <= 1, "{b:?}");
    assert!(b.annals.f1 > b.days_pub.f1 + 0.2, "{b:?}");
}
