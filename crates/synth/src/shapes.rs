//! Bare articles (no timeline) in the shapes that once made drafting
//! superlinear, each at any size, for the drafter's benches and the hostile
//! catalogue: its cost must double when the size does.
//!
//! Each shape is a list of `(file name, text)` pairs for `sources/`, every
//! article with front matter giving its publication date, so that nothing
//! but the shape varies with `n`.

use std::fmt::Write as _;

/// A shape of input to draft, made at a size `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `n` tiny articles, one dated sentence each, every date its own.
    ManyArticles,
    /// One article of `n` paragraphs, a dated sentence each.
    OneHugeArticle,
    /// One article that is a single line of `n` dated sentences (no line
    /// break anywhere: a page saved without them).
    OneLine,
    /// One paragraph of `n` sentences opened by a quotation mark that is
    /// never closed, so no sentence ever ends.
    EndlessSentence,
    /// `n` articles reporting different happenings in the same words, so
    /// their events share a title.
    SharedTitle,
    /// One article whose `n` events are each dated from the one before
    /// ("two days later").
    DateChain,
}

impl Shape {
    /// Every shape.
    pub const ALL: [Shape; 6] = [
        Shape::ManyArticles,
        Shape::OneHugeArticle,
        Shape::OneLine,
        Shape::EndlessSentence,
        Shape::SharedTitle,
        Shape::DateChain,
    ];

    /// What the shape is, in a few words (a bench's name).
    pub fn name(self) -> &'static str {
        match self {
            Shape::ManyArticles => "many tiny articles",
            Shape::OneHugeArticle => "one huge article",
            Shape::OneLine => "one line",
            Shape::EndlessSentence => "one endless sentence",
            Shape::SharedTitle => "many events sharing a title",
            Shape::DateChain => "a deep date chain",
        }
    }

    /// The articles of this shape at size `n`.
    pub fn articles(self, n: usize) -> Vec<(String, String)> {
        match self {
            Shape::ManyArticles => (0..n)
                .map(|i| {
                    let date = day(i);
                    let body = format!(
                        "Officials in {} {} the {} on {date}, the ministry said.\n",
                        CITIES[i % CITIES.len()],
                        VERBS[i % VERBS.len()],
                        THINGS[(i / VERBS.len()) % THINGS.len()]
                    );
                    (format!("a{i:07}.txt"), article(&body))
                })
                .collect(),
            Shape::OneHugeArticle => {
                let mut body = String::new();
                for i in 0..n {
                    let _ = writeln!(body, "{}\n", sentence(i));
                }
                vec![("huge.txt".into(), article(&body))]
            }
            Shape::OneLine => {
                let mut body = String::new();
                for i in 0..n {
                    let _ = write!(body, "{} ", sentence(i));
                }
                body.push('\n');
                vec![("line.txt".into(), article(&body))]
            }
            Shape::EndlessSentence => {
                let mut body = String::from("\"");
                for _ in 0..n {
                    body.push_str("The council met. It voted on Monday. ");
                }
                body.push('\n');
                vec![("endless.txt".into(), article(&body))]
            }
            Shape::SharedTitle => (0..n)
                .map(|i| {
                    let body = format!(
                        "The port authority approved the harbour expansion on {}.\n",
                        day(i)
                    );
                    (format!("s{i:07}.txt"), article(&body))
                })
                .collect(),
            Shape::DateChain => {
                let mut body =
                    String::from("The talks opened in Doha on 1 March 2001, officials said.\n\n");
                for i in 0..n {
                    let _ = writeln!(
                        body,
                        "Two days later the {} {} the {}.\n",
                        WHO[i % WHO.len()],
                        VERBS[i % VERBS.len()],
                        THINGS[(i / VERBS.len()) % THINGS.len()]
                    );
                }
                vec![("chain.txt".into(), article(&body))]
            }
        }
    }
}

const CITIES: [&str; 7] = [
    "Doha", "Kabul", "Lisbon", "Gdańsk", "Málaga", "Porto", "Oslo",
];
const VERBS: [&str; 6] = [
    "signed",
    "approved",
    "rejected",
    "announced",
    "opened",
    "closed",
];
const THINGS: [&str; 5] = ["agreement", "port deal", "inquiry", "bridge plan", "budget"];
const WHO: [&str; 4] = ["council", "ministry", "union", "court"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The `i`-th of 28 × 12 × 30 distinct days from 1990 on.
fn day(i: usize) -> String {
    let d = i % 28 + 1;
    let m = (i / 28) % 12;
    let y = 1990 + (i / (28 * 12)) % 30;
    format!("{d} {} {y}", MONTHS[m])
}

/// A dated sentence, different for each `i`.
fn sentence(i: usize) -> String {
    format!(
        "The {} {} the {} on {}.",
        WHO[i % WHO.len()],
        VERBS[i % VERBS.len()],
        THINGS[(i / VERBS.len()) % THINGS.len()],
        day(i)
    )
}

/// An article with front matter dating it, after every date in it.
fn article(body: &str) -> String {
    format!("+++\ntitle = \"Report\"\npublished = 2024-06-01\n+++\n{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shape_grows_with_n_and_only_as_it_says() {
        for shape in Shape::ALL {
            let small: usize = shape.articles(10).iter().map(|(_, t)| t.len()).sum();
            let large: usize = shape.articles(20).iter().map(|(_, t)| t.len()).sum();
            assert!(large > small * 3 / 2, "{}: {small} → {large}", shape.name());
        }
        assert_eq!(Shape::ManyArticles.articles(7).len(), 7);
        assert_eq!(Shape::OneHugeArticle.articles(7).len(), 1);
        let line = &Shape::OneLine.articles(50)[0].1;
        assert_eq!(
            line.split("+++\n").nth(2).map(|b| b.lines().count()),
            Some(1)
        );
        let shared = Shape::SharedTitle.articles(3);
        assert_ne!(shared[0].1, shared[1].1, "the same words, other dates");
    }
}
