//! The story's salient actors: names that recur across many of its articles
//! (the main entities). A happening told with one of them is the story's;
//! background about an actor that only one article names is not.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::rules::{List, Words};
use crate::terms::Term;
use crate::words::Word;

/// The names in a sentence: words with a capital letter, the first word of
/// the sentence only when its capital is not just the sentence's own
/// ("iPod", "NATO"), stop words left out; as hashes of their lower case.
pub(crate) fn names(text: &str, sentence: &[Word], w: &Words) -> Vec<Term> {
    let mut out: Vec<Term> = sentence
        .iter()
        .enumerate()
        .filter(|(i, word)| {
            let raw = &text[word.span.clone()];
            let inner_capital = raw.chars().skip(1).any(char::is_uppercase);
            let capital = raw.chars().any(char::is_uppercase);
            capital
                && (*i > 0 || inner_capital)
                && !w.has(List::Stopwords, &word.low)
                && word.low.len() > 1
        })
        .map(|(_, word)| crate::terms::hash(word.low.trim_end_matches("'s")))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many articles name each actor.
#[derive(Debug, Default)]
pub(crate) struct Actors {
    articles: HashMap<Term, u32>,
    /// Articles an actor must be named in to be salient.
    salient_from: u32,
}

impl Actors {
    /// Counts the articles naming each actor; `per_article` holds each
    /// article's names (any order, repeats allowed).
    pub fn new<'a>(per_article: impl Iterator<Item = &'a [Term]>, share: f32) -> Actors {
        let mut articles: HashMap<Term, u32> = HashMap::default();
        let mut n = 0u32;
        for names in per_article {
            n += 1;
            let set: HashSet<&Term> = names.iter().collect();
            for t in set {
                *articles.entry(*t).or_default() += 1;
            }
        }
        Actors {
            articles,
            salient_from: ((n as f32 * share).ceil() as u32).max(2),
        }
    }

    /// Whether one of `names` is a salient actor.
    pub fn any_salient(&self, names: &[Term]) -> bool {
        names.iter().any(|t| {
            self.articles
                .get(t)
                .is_some_and(|&c| c >= self.salient_from)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words as split;

    fn of(text: &str) -> Vec<Term> {
        names(text, &split(text), crate::rules::test_words())
    }

    #[test]
    fn names_are_capitalised_words_but_not_the_first_one() {
        assert_eq!(of("The Taliban signed"), of("x Taliban"));
        assert_eq!(of("Yesterday Jobs spoke").len(), 1);
        assert_eq!(of("iPod sales grew").len(), 1);
        assert!(of("The war began in October").is_empty());
    }

    #[test]
    fn salient_actors_recur_across_articles() {
        let a = of("x Taliban Pompeo");
        let b = of("x Taliban Esper");
        let c = of("x Kabul");
        let actors = Actors::new([a.as_slice(), b.as_slice(), c.as_slice()].into_iter(), 0.1);
        assert!(actors.any_salient(&of("x Taliban")));
        assert!(!actors.any_salient(&of("x Pompeo Kabul")));
    }
}
