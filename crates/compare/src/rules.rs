//! The comparer's data tables, embedded from `rules/*.txt`: how quantities are
//! stated (`quantities.txt`: levels, changes, modifiers, multipliers, what a
//! number counts) and which capitalised words are not names (`names.txt`).

use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};

/// The quantities table, embedded at compile time.
pub const QUANTITIES_SOURCE: &str = include_str!("rules/quantities.txt");
/// The names table, embedded at compile time.
pub const NAMES_SOURCE: &str = include_str!("rules/names.txt");

/// A rule table that cannot be read: `quantities.txt:12: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError(pub String);

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TableError {}

/// What a number before it says about a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// Nothing said: "12 people were arrested".
    Plain,
    /// The quantity after a change: "down to 8,600".
    Level,
    /// The size of a change: "by 8,600", "withdrawing 8,600 troops".
    Change,
    /// The quantity before a change, or as it stands: "from 13,000", "all 13,000".
    Before,
}

/// How exact a number is said to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Modifier {
    /// As written.
    Exact,
    /// "about", "around", "some".
    About,
    /// "almost", "up to", "fewer than".
    Under,
    /// "more than", "at least", "over".
    Over,
}

/// The parsed tables.
#[derive(Debug, Default)]
pub struct Rules {
    /// Phrases before a number, each with the relation it marks.
    pub relations: FxHashMap<String, Relation>,
    /// Phrases before a number, each with the modifier it marks.
    pub modifiers: FxHashMap<String, Modifier>,
    /// Words after a number that multiply it.
    pub multipliers: FxHashMap<String, f64>,
    /// Words and phrases that count something, each with its canonical name.
    pub counted: FxHashMap<String, String>,
    /// Words skipped between a number and what it counts.
    pub skip: FxHashSet<String>,
    /// Words after a number that are not what it counts.
    pub not_counted: FxHashSet<String>,
    /// Capitalised words that are not part of a person's name.
    pub not_names: FxHashSet<String>,
    /// The most words any phrase of `relations` or `modifiers` has.
    pub longest_cue: usize,
}

impl Rules {
    /// Parses the embedded tables.
    pub fn embedded() -> Result<Rules, TableError> {
        Rules::parse(QUANTITIES_SOURCE, NAMES_SOURCE)
    }

    /// Parses tables in the formats of `rules/quantities.txt` and `rules/names.txt`.
    pub fn parse(quantities: &str, names: &str) -> Result<Rules, TableError> {
        let mut rules = Rules::default();
        for (section, line, text) in sections("quantities.txt", quantities)? {
            let bad = |what: &str| TableError(format!("quantities.txt:{line}: {what}: {text}"));
            match section {
                "level" | "change" | "before" => {
                    let relation = match section {
                        "level" => Relation::Level,
                        "change" => Relation::Change,
                        _ => Relation::Before,
                    };
                    for phrase in phrases(text) {
                        rules.relations.insert(phrase, relation);
                    }
                }
                "modifiers" => {
                    let (class, list) = text.split_once(':').ok_or_else(|| bad("no `class:`"))?;
                    let modifier = match class.trim() {
                        "about" => Modifier::About,
                        "under" => Modifier::Under,
                        "over" => Modifier::Over,
                        _ => return Err(bad("unknown modifier class")),
                    };
                    for phrase in phrases(list) {
                        rules.modifiers.insert(phrase, modifier);
                    }
                }
                "multipliers" => {
                    let (word, value) = text.split_once('=').ok_or_else(|| bad("no `=`"))?;
                    let value: f64 = value.trim().parse().map_err(|_| bad("not a number"))?;
                    rules.multipliers.insert(word.trim().to_string(), value);
                }
                "counted" => {
                    let (name, list) = text.split_once(':').ok_or_else(|| bad("no `name:`"))?;
                    for phrase in phrases(list) {
                        rules.counted.insert(phrase, name.trim().to_string());
                    }
                }
                "skip" => rules.skip.extend(phrases(text)),
                "nouns_not_counted" => rules.not_counted.extend(phrases(text)),
                _ => return Err(bad(&format!("unknown section [{section}]"))),
            }
        }
        for (section, line, text) in sections("names.txt", names)? {
            if section != "not_names" {
                return Err(TableError(format!(
                    "names.txt:{line}: unknown section [{section}]"
                )));
            }
            rules.not_names.extend(
                text.split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string),
            );
        }
        rules.longest_cue = rules
            .relations
            .keys()
            .chain(rules.modifiers.keys())
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(0);
        Ok(rules)
    }

    /// The canonical name of what `words` (lower case, one space apart) count.
    pub fn counted_name(&self, words: &str) -> Option<String> {
        if let Some(name) = self.counted.get(words) {
            return Some(name.clone());
        }
        if words.contains(' ') || self.not_counted.contains(words) {
            return None;
        }
        // A word not in the table counts itself; "votes" counts "vote".
        let singular = words
            .strip_suffix('s')
            .filter(|w| w.len() > 2)
            .unwrap_or(words);
        Some(singular.to_string())
    }
}

/// The non-empty, non-comment lines of a table with the section each is in.
fn sections<'a>(file: &str, source: &'a str) -> Result<Vec<(&'a str, usize, &'a str)>, TableError> {
    let mut out = Vec::new();
    let mut section = None;
    for (n, raw) in source.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name);
            continue;
        }
        let Some(section) = section else {
            return Err(TableError(format!(
                "{file}:{}: a line before any [section]: {line}",
                n + 1
            )));
        };
        out.push((section, n + 1, line));
    }
    Ok(out)
}

/// The comma-separated phrases of a line, with single spaces.
fn phrases(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(',')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_tables_read() {
        assert_eq!(crate::check_tables(), Ok(()));
        let rules = Rules::embedded().expect("the tables read");
        assert_eq!(rules.relations["down to"], Relation::Level);
        assert_eq!(rules.relations["by"], Relation::Change);
        assert_eq!(rules.relations["from today's"], Relation::Before);
        assert_eq!(rules.modifiers["more than"], Modifier::Over);
        assert_eq!(rules.counted_name("soldiers").as_deref(), Some("troops"));
        assert_eq!(rules.counted_name("votes").as_deref(), Some("vote"));
        assert_eq!(rules.counted_name("the"), None);
        assert!(rules.not_names.contains("secretary"));
        assert!(rules.longest_cue >= 3);
    }

    #[test]
    fn broken_tables_name_the_line() {
        let err = Rules::parse("[modifiers]\nabout about\n", "").unwrap_err();
        assert_eq!(err.0, "quantities.txt:2: no `class:`: about about");
        let err = Rules::parse("to\n", "").unwrap_err();
        assert!(err.0.starts_with("quantities.txt:1: a line before any"));
        let err = Rules::parse("", "[people]\nx\n").unwrap_err();
        assert!(err.0.contains("unknown section [people]"));
    }
}
