//! The drafter's data tables, embedded from `rules/*.txt`: closed-class word
//! lists (`words.txt`) and weights and thresholds (`params.txt`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The word lists, one set per section of `words.txt`.
pub(crate) struct Words {
    sections: HashMap<&'static str, HashSet<&'static str>>,
}

/// The weights and thresholds of `params.txt`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    pub lead: f32,
    pub day: f32,
    pub month: f32,
    pub year: f32,
    pub range: f32,
    pub relative: f32,
    pub since: f32,
    pub future: f32,
    pub no_verb: f32,
    pub state_about: f32,
    pub source_bonus: f32,
    pub threshold: f32,
    pub same: f32,
    pub same_at_publication: f32,
    pub fold: f32,
    pub approx_spread: f32,
    pub salient_share: f32,
    pub unsalient: f32,
    pub aside: f32,
    pub vague: f32,
}

const WORDS: &str = include_str!("rules/words.txt");
const PARAMS: &str = include_str!("rules/params.txt");

static WORD_LISTS: LazyLock<Words> = LazyLock::new(|| parse_words(WORDS));
static PARAM_TABLE: LazyLock<Params> =
    LazyLock::new(|| parse_params(PARAMS).expect("rules/params.txt is checked by the tests"));

/// The embedded word lists.
pub(crate) fn words() -> &'static Words {
    &WORD_LISTS
}

/// The embedded weights and thresholds.
pub(crate) fn params() -> &'static Params {
    &PARAM_TABLE
}

impl Words {
    /// Whether `word` (lower case) is in the list `section`.
    pub fn has(&self, section: &str, word: &str) -> bool {
        debug_assert!(self.sections.contains_key(section), "no list {section}");
        self.sections.get(section).is_some_and(|s| s.contains(word))
    }

    /// The value of `word` in a list of `word=value` entries.
    pub fn value(&self, section: &str, word: &str) -> Option<&'static str> {
        self.sections.get(section)?.iter().find_map(|entry| {
            let (key, value) = entry.split_once('=')?;
            (key == word).then_some(value)
        })
    }

    /// The entries of the list `section`, in no particular order.
    pub fn list(&self, section: &str) -> impl Iterator<Item = &'static str> + '_ {
        self.sections.get(section).into_iter().flatten().copied()
    }

    /// A count written in digits or as a word ("14", "seven").
    pub fn count(&self, word: &str) -> Option<u32> {
        word.parse()
            .ok()
            .or_else(|| self.value("numbers", word)?.parse().ok())
    }

    /// The list `section`.
    #[cfg(test)]
    pub fn section(&self, section: &str) -> Option<&HashSet<&'static str>> {
        self.sections.get(section)
    }
}

fn without_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("")
}

fn parse_words(text: &'static str) -> Words {
    let mut sections: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
    let mut current = "";
    for line in text.lines() {
        let line = without_comment(line).trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            sections.entry(current).or_default();
        } else {
            sections
                .entry(current)
                .or_default()
                .extend(line.split_whitespace());
        }
    }
    Words { sections }
}

fn parse_params(text: &str) -> Result<Params, String> {
    let mut values: HashMap<&str, f32> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = without_comment(line).trim();
        if line.is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or_else(|| format!("params.txt:{}: expected `name = number`", n + 1))?;
        let value: f32 = value
            .trim()
            .parse()
            .map_err(|_| format!("params.txt:{}: {value:?} is not a number", n + 1))?;
        values.insert(key.trim(), value);
    }
    let mut get = |key: &str| {
        values
            .remove(key)
            .ok_or_else(|| format!("params.txt: `{key}` is missing"))
    };
    let params = Params {
        lead: get("lead")?,
        day: get("day")?,
        month: get("month")?,
        year: get("year")?,
        range: get("range")?,
        relative: get("relative")?,
        since: get("since")?,
        future: get("future")?,
        no_verb: get("no_verb")?,
        state_about: get("state_about")?,
        source_bonus: get("source_bonus")?,
        threshold: get("threshold")?,
        same: get("same")?,
        same_at_publication: get("same_at_publication")?,
        fold: get("fold")?,
        approx_spread: get("approx_spread")?,
        salient_share: get("salient_share")?,
        unsalient: get("unsalient")?,
        aside: get("aside")?,
        vague: get("vague")?,
    };
    match values.keys().next() {
        Some(extra) => Err(format!("params.txt: unknown `{extra}`")),
        None => Ok(params),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_tables_parse() {
        parse_params(PARAMS).unwrap();
        let w = words();
        for section in [
            "stopwords",
            "abbreviations",
            "irregular_past",
            "irregular_participle",
            "ed_not_verb",
            "determiners",
            "prepositions",
            "not_a_noun",
            "report_nouns",
            "release_verbs",
            "future_triggers",
            "modals",
            "be_present",
            "be_any",
            "future_after_be",
            "future_skip",
            "plan_verbs",
            "have",
            "past_aux",
            "clause_breaks",
            "since",
            "until",
            "modifier_before",
            "edge_before",
            "anchored_before",
            "preceding_cues",
            "pronouns",
            "later",
            "earlier",
            "generic_periods",
            "numbers",
            "title_boundaries",
            "title_lead_adverbials",
            "title_date_prepositions",
            "relative_starts",
            "appositive_starts",
            "attribution_verbs",
            "noun_phrase_determiners",
        ] {
            assert!(
                w.section(section).is_some_and(|s| !s.is_empty()),
                "{section}"
            );
        }
        assert!(w.has("stopwords", "the") && !w.has("stopwords", "taliban"));
        assert_eq!(
            (w.count("seven"), w.count("14"), w.count("x")),
            (Some(7), Some(14), None)
        );
    }

    #[test]
    fn broken_params_are_reported() {
        assert!(
            parse_params("lead = x")
                .unwrap_err()
                .contains("not a number")
        );
        assert!(
            parse_params("lead 1")
                .unwrap_err()
                .contains("name = number")
        );
        let extra = format!("{PARAMS}\nbogus = 1\n");
        assert!(parse_params(&extra).unwrap_err().contains("bogus"));
    }
}
