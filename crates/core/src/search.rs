//! Case-insensitive search over a timeline's words: titles, summaries, passages.

use std::ops::Range;

use crate::timeline::Timeline;

/// Byte ranges of every non-overlapping, case-insensitive occurrence of
/// `query` in `text`. An empty query matches nothing.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut from = 0;
    while from < text.len() {
        match match_at(text, from, &needle) {
            Some(end) => {
                found.push(from..end);
                from = end;
            }
            None => from += text[from..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

/// Where a match of `needle` (already lowercased) starting at byte `at` ends.
fn match_at(text: &str, at: usize, needle: &[char]) -> Option<usize> {
    let mut want = needle.iter();
    let mut pending = want.next();
    for (i, c) in text[at..].char_indices() {
        for lower in c.to_lowercase() {
            match pending {
                Some(&w) if w == lower => pending = want.next(),
                Some(_) => return None,
                // The needle ended inside a character that lowercases to several.
                None => return None,
            }
        }
        if pending.is_none() {
            return Some(at + i + c.len_utf8());
        }
    }
    None
}

/// Whether `query` occurs in the event's title, summary, disagreement note or
/// any of its passages.
pub fn event_matches(timeline: &Timeline, event: usize, query: &str) -> bool {
    let Some(e) = timeline.events.get(event) else {
        return false;
    };
    let hit = |text: &str| !find_all(text, query).is_empty();
    hit(&e.title)
        || e.summary.as_deref().is_some_and(hit)
        || e.disagreement.as_deref().is_some_and(hit)
        || e.passages.iter().any(|p| hit(timeline.paragraph(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_ignoring_case() {
        assert_eq!(
            find_all("Doha, doha, DOHA", "doha"),
            vec![0..4, 6..10, 12..16]
        );
        assert_eq!(find_all("aaaa", "aa"), vec![0..2, 2..4]);
        assert!(find_all("Doha", "").is_empty());
        assert!(find_all("Doha", "Dohar").is_empty());
    }

    #[test]
    fn ranges_are_byte_ranges_of_the_original_text() {
        let text = "Café ÉLAN";
        let hits = find_all(text, "élan");
        assert_eq!(hits, vec![6..11]);
        assert_eq!(&text[hits[0].clone()], "ÉLAN");
        // "İ" lowercases to two characters; a query may end on either.
        assert_eq!(find_all("İstanbul", "i\u{307}stan"), vec![0..6]);
        assert!(find_all("İstanbul", "i").is_empty());
    }

    #[test]
    fn events_match_on_titles_summaries_and_passages() {
        let t = crate::doha();
        let signing = t.event_index("signing").expect("signing");
        assert!(event_matches(&t, signing, "DOHA"));
        let esper = t.event_index("esper-kabul").expect("esper");
        // "reassure" is in the title; "Kabul" also in the passages.
        assert!(event_matches(&t, esper, "reassure"));
        assert!(!event_matches(&t, esper, "135 days"));
        assert!(!event_matches(&t, 999, "Doha"));
    }
}
