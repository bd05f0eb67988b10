//! "Did you mean" suggestions for misspelt names: fields, ids, sources, keys.

/// The closest of `candidates` to `word` by edit distance, if close enough to
/// be a typo: at most a third of the word's length, and never more than two
/// edits for short words.
pub fn suggest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `did you mean `x`? ` in front of `help` when a near candidate exists.
pub fn with_suggestion<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    help: String,
) -> String {
    match suggest(word, candidates) {
        Some(near) => format!("did you mean `{near}`? {help}"),
        None => help,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_words_are_suggested_and_far_ones_not() {
        let known = ["title", "date", "summary"];
        assert_eq!(suggest("titel", known), Some("title"));
        assert_eq!(suggest("sumary", known), Some("summary"));
        assert_eq!(suggest("colour", known), None);
        assert_eq!(
            with_suggestion("dat", known, "fields: …".into()),
            "did you mean `date`? fields: …"
        );
        assert_eq!(with_suggestion("zzzzzz", known, "x".into()), "x");
    }
}
