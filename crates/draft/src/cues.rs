//! Cues around a date expression: the words before and after it that make it
//! the start or end of a state, a noun's modifier, the date of a report, a
//! count from an anchor, or the period before the news.

use crate::mention::{Dated, Role};
use crate::rules::{List, Words};
use crate::words::{Word, word_at};

/// A date expression in its sentence: the sentence's text and words, and the
/// expression's byte range in that text.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub words: &'a [Word],
    pub start: usize,
    pub end: usize,
    /// The word lists.
    pub w: &'a Words,
}

impl Context<'_> {
    /// The `n`th word before the expression (1 = the word just before), lower case.
    pub fn before(&self, n: usize) -> &str {
        let first = word_at(self.words, self.start);
        first
            .checked_sub(n)
            .map_or("", |i| self.words[i].low.as_str())
    }

    /// The `n`th word after the expression (0 = the first), lower case.
    pub fn after(&self, n: usize) -> &str {
        let first = word_at(self.words, self.end);
        self.words.get(first + n).map_or("", |w| w.low.as_str())
    }

    /// The text after the expression.
    pub fn rest(&self) -> &str {
        &self.text[self.end..]
    }

    /// The lower-case text before the expression, from just after the last
    /// of `separators` (only that much is read: a sentence may be very long).
    fn head_after(&self, separators: [char; 2]) -> String {
        let head = &self.text[..self.start];
        let from = head.rfind(separators).map_or(0, |i| i + 1);
        head[from..].to_lowercase()
    }

    /// Whether a possessive `'s` follows: "2010's sales".
    pub fn possessive(&self) -> bool {
        self.rest().starts_with("'s") || self.rest().starts_with("\u{2019}s")
    }

    /// The role of a written date, from the words around it.
    pub fn role(&self, date: Dated) -> Role {
        let w = self.w;
        let (b1, a1) = (self.before(1), self.after(0));
        let mut role = Role::Event;
        if !self.when_clause() {
            if w.has(List::Since, b1) || (b1 == "of" && self.before(2) == "beginning") {
                role = Role::Since;
            } else if w.has(List::Until, b1)
                || (b1 == "by" && date.rank() < 2)
                || self.closes_a_period()
            {
                role = Role::Until;
            }
        }
        if matches!(date, Dated::Year(_) | Dated::Month(..)) {
            let next = self.rest().chars().next();
            let noun_follows = a1.starts_with(char::is_alphabetic)
                && !w.has(List::NotANoun, a1)
                && !w.has(List::Stopwords, a1)
                && !matches!(next, Some(',' | ';' | '.' | ')'));
            let modifier =
                noun_follows && !w.has(List::Prepositions, b1) && !w.has(List::EdgeBefore, b1);
            if self.possessive() || modifier || w.has(List::ModifierBefore, b1) {
                role = Role::Modifier;
            }
        }
        if self.possessive()
            && self.rest()[self.rest().find('s').map_or(0, |i| i + 1)..]
                .trim_start()
                .starts_with(|c: char| {
                    c.is_ascii_digit() || matches!(c, '$' | '\u{a3}' | '\u{20ac}')
                })
        {
            // "today's 12,000 soldiers": a quantity of the day, not an event.
            role = Role::Modifier;
        }
        let attributed = self.head_after(['.', ';']).contains("according to");
        if w.has(List::ReportNouns, a1)
            || attributed
            || (w.has(List::ReleaseVerbs, b1) && a1 == "by")
        {
            role = Role::Report;
        }
        role
    }

    /// "the quarter ended December 30", "the three months ending June 30":
    /// the date closes a reporting period; the news is the results, not the day.
    fn closes_a_period(&self) -> bool {
        let w = self.w;
        w.has(List::PeriodEnds, self.before(1))
            && (2..=4).any(|n| w.has(List::Periods, self.before(n)))
    }

    /// ", which is when", "when": the date is the time of the clause that follows.
    fn when_clause(&self) -> bool {
        // The longest opening looked for is "the month when" with a comma
        // and spaces before it: a few dozen characters are enough to read.
        let rest = self.rest().trim_start_matches(',').trim_start();
        let opening: String = rest.chars().take(64).collect::<String>().to_lowercase();
        let rest = opening.as_str();
        let rest = [
            "which is ",
            "that is ",
            "the year ",
            "the day ",
            "the month ",
        ]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
        rest.strip_prefix("when")
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    }

    /// "within 14 months", "in the first 135 days", "by the next year": a
    /// length counted from an anchor.
    pub fn counted_from_anchor(&self) -> bool {
        let just_before = self.before(1);
        if matches!(just_before, "next" | "first") {
            return true;
        }
        // "within", "in", "by": at once, or before "the".
        let n = if just_before == "the" { 2 } else { 1 };
        self.w.has(List::AnchoredBefore, self.before(n))
    }

    /// "follows a seven-day X", "preceded by a week-long X", "after more than
    /// a year of X": the period before the article's main date.
    pub fn precedes_the_news(&self, expression: &str) -> bool {
        // The clause before the expression: also all that the check for
        // "after" below can see, as a separator before it ends the match.
        let clause = self.head_after([',', ';']);
        let cue = crate::words::words(&clause)
            .iter()
            .any(|w| self.w.has(List::PrecedingCues, &w.low));
        if expression.contains('-') && cue {
            return true;
        }
        let mut tail = clause.trim_end();
        for hedge in ["more than", "nearly", "almost"] {
            tail = tail.strip_suffix(hedge).unwrap_or(tail).trim_end();
        }
        let after_word = tail
            .strip_suffix("after")
            .is_some_and(|t| !t.ends_with(char::is_alphanumeric));
        after_word && self.rest().starts_with(" of ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context<'a>(text: &'a str, words: &'a [Word], date: &str) -> Context<'a> {
        let start = text.find(date).unwrap();
        Context {
            text,
            words,
            start,
            end: start + date.len(),
            w: crate::rules::test_words(),
        }
    }

    fn role(text: &str, date: &str, dated: Dated) -> Role {
        let w = crate::words::words(text);
        context(text, &w, date).role(dated)
    }

    #[test]
    fn roles_from_the_words_around() {
        let y = Dated::Year(2008);
        assert_eq!(role("It has grown since 2008.", "2008", y), Role::Since);
        assert_eq!(role("It runs until 2008.", "2008", y), Role::Until);
        let day = Dated::Day(chrono::NaiveDate::from_ymd_opt(2006, 12, 30).unwrap());
        assert_eq!(
            role(
                "Profits rose in the quarter, which ended December 30.",
                "December 30",
                day
            ),
            Role::Until
        );
        assert_eq!(
            role("The strike ended December 30.", "December 30", day),
            Role::Event
        );
        assert_eq!(role("The 2008 model sold well.", "2008", y), Role::Modifier);
        assert_eq!(role("Fiscal 2008 was good.", "2008", y), Role::Modifier);
        assert_eq!(role("2008's sales grew.", "2008", y), Role::Modifier);
        assert_eq!(
            role("It was founded in 2008 and grew.", "2008", y),
            Role::Event
        );
        assert_eq!(
            role("Since 2008, which is when it began, ...", "2008", y),
            Role::Event
        );
        assert_eq!(role("A 2008 report says so.", "2008", y), Role::Report);
        let day = Dated::Day(chrono::NaiveDate::from_ymd_opt(2008, 4, 2).unwrap());
        assert_eq!(
            role("An April 2 report says so.", "April 2", day),
            Role::Report
        );
        assert_eq!(
            role("According to data from April 2, it fell.", "April 2", day),
            Role::Report
        );
    }

    #[test]
    fn counted_and_preceding_periods() {
        let text = "troops leave within the first 135 days";
        let w = crate::words::words(text);
        assert!(context(text, &w, "135 days").counted_from_anchor());
        let text = "The agreement, which follows a seven-day reduction in violence";
        let w = crate::words::words(text);
        assert!(context(text, &w, "seven-day").precedes_the_news("seven-day"));
        let text = "After more than a year of talks, they signed";
        let w = crate::words::words(text);
        let c = context(text, &w, "a year");
        assert!(c.precedes_the_news("a year"));
        assert!(!c.counted_from_anchor());
    }
}
