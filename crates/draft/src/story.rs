//! The story's title when none is given: what the articles' titles share
//! (the name most of them carry, "iPhone 4", "US and Taliban"), rather
//! than one article's headline; never a byline or an outlet's suffix.

use rustc_hash::FxHashMap as HashMap;

use annals_core::Source;

use crate::rules::{List, Words};
use crate::words::words;

/// Headline labels that say what kind of article it is, not what it is
/// about: never a story's name.
const LABELS: &[&str] = &[
    "breaking",
    "update",
    "updated",
    "live",
    "exclusive",
    "analysis",
    "opinion",
    "video",
    "photos",
    "watch",
    "explainer",
    "factbox",
    "timeline",
    "news",
];

/// Separators before an outlet's name at the end of a saved headline
/// ("… - BBC News", "… | Reuters").
const SUFFIX_SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — "];

/// Names longer than this many words are not looked for.
const LONGEST: usize = 4;

/// The title of a story told by `sources`: the name phrase most titles
/// share (with a second one most of them also share, "US and Taliban"),
/// else the most typical title (`typical`), bylines left out.
pub(crate) fn title(sources: &[Source], w: &Words, typical: impl Fn(&[&str]) -> String) -> String {
    let titles: Vec<&str> = sources
        .iter()
        .map(|s| s.title.trim())
        .filter(|t| !t.is_empty() && !annals_core::load::is_byline(t))
        .collect();
    let titles = without_outlet(&titles);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    if titles.len() < 2 {
        return titles
            .first()
            .map_or_else(|| typical(&titles), |t| t.to_string());
    }
    let phrases = shared_names(&titles, w);
    let Some(best) = phrases.first() else {
        return typical(&titles);
    };
    // Most titles name it, or it says little.
    if best.titles * 3 < titles.len() || best.titles < 2 {
        return typical(&titles);
    }
    let second = phrases.iter().skip(1).find(|p| {
        p.titles * 2 >= titles.len() && !p.low.iter().any(|word| best.low.contains(word))
    });
    match second {
        Some(s) if s.first < best.first => format!("{} and {}", s.shown, best.shown),
        Some(s) => format!("{} and {}", best.shown, s.shown),
        None => best.shown.clone(),
    }
}

/// The titles without the outlet's name that ends two or more of them.
fn without_outlet(titles: &[&str]) -> Vec<String> {
    let tail = |t: &str| {
        SUFFIX_SEPARATORS
            .iter()
            .filter_map(|sep| t.rfind(sep).map(|at| (at, sep.len())))
            .max()
            .map(|(at, len)| (at, t[at + len..].trim().to_lowercase()))
    };
    let mut count: HashMap<String, usize> = HashMap::default();
    for t in titles {
        if let Some((_, tail)) = tail(t) {
            *count.entry(tail).or_default() += 1;
        }
    }
    titles
        .iter()
        .map(|t| match tail(t) {
            Some((at, tail)) if count[&tail] >= 2 && at > 0 => t[..at].trim_end().to_string(),
            _ => t.to_string(),
        })
        .collect()
}

/// A run of name words found in titles.
#[derive(Debug)]
struct Phrase {
    /// Its words, lower case, as they are compared.
    low: Vec<String>,
    /// As most often written.
    shown: String,
    /// How many titles carry it.
    titles: usize,
    /// The first title (in order) that does, and where in it: for order.
    first: (usize, usize),
}

/// Every run of up to [`LONGEST`] name words (a capital letter anywhere:
/// "Taliban", "iPhone", "US"; numbers after one: "iPhone 4") in `titles`,
/// most shared first, then longest.
fn shared_names(titles: &[&str], w: &Words) -> Vec<Phrase> {
    let mut found: HashMap<Vec<String>, Phrase> = HashMap::default();
    let mut shown: HashMap<(Vec<String>, String), usize> = HashMap::default();
    for (n, title) in titles.iter().enumerate() {
        // A number's word may end in the comma or period after it.
        let mut ws = words(title);
        for word in &mut ws {
            let cut = word.low.len() - word.low.trim_end_matches([',', '.']).len();
            word.low.truncate(word.low.len() - cut);
            word.span.end -= cut;
        }
        let ws: Vec<_> = ws.into_iter().filter(|w| !w.low.is_empty()).collect();
        let name = |i: usize| {
            let text = &title[ws[i].span.clone()];
            let low = ws[i].low.trim_end_matches("'s");
            !w.has(List::Stopwords, low)
                && !LABELS.contains(&low)
                && text.chars().any(char::is_uppercase)
        };
        let number = |i: usize| ws[i].low.chars().all(|c| c.is_ascii_digit());
        let mut seen: Vec<Vec<String>> = Vec::new();
        for start in 0..ws.len() {
            if !name(start) {
                continue;
            }
            for end in start + 1..=(start + LONGEST).min(ws.len()) {
                let last = end - 1;
                if last > start && !(name(last) || number(last)) {
                    break;
                }
                // A run ends where the text between two words is more than a space.
                if last > start && title[ws[last - 1].span.end..ws[last].span.start] != *" " {
                    break;
                }
                let low: Vec<String> = ws[start..end]
                    .iter()
                    .map(|x| x.low.trim_end_matches("'s").to_string())
                    .collect();
                if seen.contains(&low) {
                    continue;
                }
                seen.push(low.clone());
                let text = title[ws[start].span.start..ws[last].span.end]
                    .trim_end_matches("'s")
                    .trim_end_matches("\u{2019}s")
                    .to_string();
                *shown.entry((low.clone(), text.clone())).or_default() += 1;
                let phrase = found.entry(low.clone()).or_insert(Phrase {
                    low,
                    shown: text,
                    titles: 0,
                    first: (n, start),
                });
                phrase.titles += 1;
            }
        }
    }
    let mut phrases: Vec<Phrase> = found.into_values().collect();
    for p in &mut phrases {
        // The way most titles write it ("iPhone 4", not "IPHONE 4").
        if let Some(((_, text), _)) = shown
            .iter()
            .filter(|((low, _), _)| *low == p.low)
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.1.cmp(&a.0.1)))
        {
            p.shown.clone_from(text);
        }
    }
    phrases.sort_by(|a, b| {
        b.titles
            .cmp(&a.titles)
            .then(b.low.len().cmp(&a.low.len()))
            .then(a.first.cmp(&b.first))
    });
    phrases
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn titled(titles: &[&str]) -> String {
        let day = NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
        let sources: Vec<Source> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| Source::new(format!("s{i}"), day, "Text.").with_title(*t))
            .collect();
        title(&sources, crate::rules::test_words(), |t| {
            t.first().map_or("none".into(), |t| format!("typical: {t}"))
        })
    }

    #[test]
    fn the_name_most_titles_share_is_the_story() {
        assert_eq!(
            titled(&[
                "Apple executive leaves company after iPhone 4 antenna issues",
                "Apple swamped by iPhone 4 pre-orders",
                "Apple to give free cases, refunds to iPhone 4 owners",
                "Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference 2010",
            ]),
            "Apple and iPhone 4"
        );
        assert_eq!(
            titled(&[
                "Pompeo lands in Doha for the signing of the US–Taliban agreement",
                "US and Taliban sign a conditional peace agreement in Doha",
                "US signs peace deal with the Taliban to end America's longest war",
                "Trump brokers peace deal with the Taliban to end 18-year war",
            ]),
            "US and Taliban"
        );
    }

    #[test]
    fn outlets_bylines_and_labels_are_never_the_story() {
        assert_eq!(
            titled(&[
                "By the CNN Wire Staff",
                "LIVE: Floods in Pakistan displace millions - BBC News",
                "Pakistan floods: aid arrives in Sindh - BBC News",
                "UPDATE: Pakistan appeals for flood aid - BBC News",
            ]),
            "Pakistan"
        );
        // One title: that title; nothing shared: the typical one.
        assert_eq!(titled(&["By Jane Doe", "Deal signed"]), "Deal signed");
        assert_eq!(
            titled(&["Deal signed in Doha", "Troops leave Kabul", "Talks resume"]),
            "typical: Deal signed in Doha"
        );
    }
}
