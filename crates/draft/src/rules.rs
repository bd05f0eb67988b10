//! The drafter's data tables, embedded from `rules/*.txt`: closed-class word
//! lists (`words.txt`) and weights and thresholds (`params.txt`).

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

macro_rules! lists {
    ($($variant:ident = $name:literal,)*) => {
        /// A section of `words.txt`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum List {
            $($variant,)*
        }

        impl List {
            /// Every list.
            pub const ALL: &[List] = &[$(List::$variant,)*];

            /// The section's name in `words.txt`.
            pub fn name(self) -> &'static str {
                match self {
                    $(List::$variant => $name,)*
                }
            }
        }
    };
}

lists! {
    Stopwords = "stopwords",
    Abbreviations = "abbreviations",
    IrregularPast = "irregular_past",
    IrregularParticiple = "irregular_participle",
    EdNotVerb = "ed_not_verb",
    Determiners = "determiners",
    Prepositions = "prepositions",
    NotANoun = "not_a_noun",
    ReportNouns = "report_nouns",
    ReleaseVerbs = "release_verbs",
    FutureTriggers = "future_triggers",
    Modals = "modals",
    BePresent = "be_present",
    BeAny = "be_any",
    FutureAfterBe = "future_after_be",
    FutureSkip = "future_skip",
    PlanVerbs = "plan_verbs",
    Have = "have",
    PastAux = "past_aux",
    ClauseBreaks = "clause_breaks",
    Since = "since",
    Until = "until",
    PeriodEnds = "period_ends",
    Periods = "periods",
    ModifierBefore = "modifier_before",
    EdgeBefore = "edge_before",
    AnchoredBefore = "anchored_before",
    PrecedingCues = "preceding_cues",
    Pronouns = "pronouns",
    Later = "later",
    Earlier = "earlier",
    GenericPeriods = "generic_periods",
    RelativeUnits = "relative_units",
    BackReferences = "back_references",
    Numbers = "numbers",
    TitleBoundaries = "title_boundaries",
    TitleLeadAdverbials = "title_lead_adverbials",
    TitleDatePrepositions = "title_date_prepositions",
    RelativeStarts = "relative_starts",
    AppositiveStarts = "appositive_starts",
    AttributionVerbs = "attribution_verbs",
    NounPhraseDeterminers = "noun_phrase_determiners",
    Weekdays = "weekdays",
    StrongSeparators = "strong_separators",
    WeakSeparators = "weak_separators",
    NameContinuations = "name_continuations",
}

/// The word lists of `words.txt`: for each word, the lists it is in (one bit
/// per [`List`]), so that a test is one hash lookup.
#[derive(Debug)]
pub(crate) struct Words {
    membership: HashMap<&'static str, u64>,
    sections: Vec<Vec<&'static str>>,
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
    pub same_year: f32,
    pub late_report_days: u32,
    pub fold: f32,
    pub approx_spread: f32,
    pub salient_share: f32,
    pub unsalient: f32,
    pub aside: f32,
    pub vague: f32,
    pub vague_period: f32,
    pub vague_plan: f32,
}

const WORDS: &str = include_str!("rules/words.txt");
const PARAMS: &str = include_str!("rules/params.txt");

static WORD_LISTS: LazyLock<Words> =
    LazyLock::new(|| parse_words(WORDS).expect("rules/words.txt is checked by the tests"));
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
    pub fn has(&self, section: List, word: &str) -> bool {
        self.membership
            .get(word)
            .is_some_and(|bits| bits & (1 << section as u32) != 0)
    }

    /// The value of `word` in a list of `word=value` entries.
    pub fn value(&self, section: List, word: &str) -> Option<&'static str> {
        self.sections[section as usize].iter().find_map(|entry| {
            let (key, value) = entry.split_once('=')?;
            (key == word).then_some(value)
        })
    }

    /// The entries of the list `section`, in file order.
    pub fn list(&self, section: List) -> impl Iterator<Item = &'static str> + '_ {
        self.sections[section as usize].iter().copied()
    }

    /// A count written in digits or as a word ("14", "seven").
    pub fn count(&self, word: &str) -> Option<u32> {
        word.parse()
            .ok()
            .or_else(|| self.value(List::Numbers, word)?.parse().ok())
    }
}

fn without_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("")
}

/// Reads `words.txt`; a section that is not a [`List`] is an error.
fn parse_words(text: &'static str) -> Result<Words, String> {
    const { assert!(List::ALL.len() <= 64) };
    let mut sections = vec![Vec::new(); List::ALL.len()];
    let mut membership: HashMap<&'static str, u64> = HashMap::default();
    let mut current: Option<List> = None;
    for (n, line) in text.lines().enumerate() {
        let line = without_comment(line).trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(
                *List::ALL
                    .iter()
                    .find(|l| l.name() == name)
                    .ok_or_else(|| format!("words.txt:{}: unknown list [{name}]", n + 1))?,
            );
            continue;
        }
        for word in line.split_whitespace() {
            let list =
                current.ok_or_else(|| format!("words.txt:{}: a word before any [list]", n + 1))?;
            sections[list as usize].push(word);
            *membership.entry(word).or_default() |= 1 << list as u32;
        }
    }
    match List::ALL.iter().find(|l| sections[**l as usize].is_empty()) {
        Some(empty) => Err(format!("words.txt: [{}] is empty or missing", empty.name())),
        None => Ok(Words {
            membership,
            sections,
        }),
    }
}

fn parse_params(text: &str) -> Result<Params, String> {
    let mut values: HashMap<&str, f32> = HashMap::default();
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
        same_year: get("same_year")?,
        late_report_days: get("late_report_days")? as u32,
        fold: get("fold")?,
        approx_spread: get("approx_spread")?,
        salient_share: get("salient_share")?,
        unsalient: get("unsalient")?,
        aside: get("aside")?,
        vague: get("vague")?,
        vague_period: get("vague_period")?,
        vague_plan: get("vague_plan")?,
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
        parse_words(WORDS).unwrap();
        let w = words();
        assert!(w.has(List::Stopwords, "the") && !w.has(List::Stopwords, "taliban"));
        assert!(
            parse_words("[nope]\nx")
                .unwrap_err()
                .contains("unknown list")
        );
        assert!(parse_words("x").unwrap_err().contains("before any"));
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
