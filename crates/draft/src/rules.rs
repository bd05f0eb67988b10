//! The drafter's data tables: closed-class word lists ([`Tables`], from
//! `rules/words.txt`) and weights and thresholds ([`Params`], from
//! `rules/params.toml`). Both are embedded, and both can be given instead
//! (a sweep or a test varies them without recompiling); a table that cannot
//! be read is a [`TableError`] naming its line and column.

use annals_core::builtin::{BrokenTable, Builtin};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

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
    VagueCounts = "vague_counts",
    CommentStamps = "comment_stamps",
    PageNotes = "page_notes",
    Agencies = "agencies",
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
#[derive(Debug, Clone)]
pub(crate) struct Words {
    membership: HashMap<String, u64>,
    sections: Vec<Vec<String>>,
    /// The clause separators, `_` made a space: strong ones, then weak ones.
    separators: [Vec<String>; 2],
    /// The title boundaries as token patterns (`*ing`: any word in -ing).
    boundaries: Vec<Vec<String>>,
}

/// The drafter's closed-class word lists (stop words, abbreviations, verbs
/// that report speech, words that end a period ...), one `[section]` each,
/// as in the embedded `rules/words.txt`.
#[derive(Debug, Clone)]
pub struct Tables {
    pub(crate) words: Words,
}

impl Tables {
    /// The embedded tables, read once through the one loader of built-in
    /// tables (a broken one is a bug the tests catch: never taken as empty).
    pub fn embedded() -> Tables {
        EMBEDDED_WORDS.get().clone()
    }

    /// Reads word lists written as `rules/words.txt` is: every section it
    /// has, none other, none empty.
    pub fn parse(text: &str) -> Result<Tables, TableError> {
        parse_words(text).map(|words| Tables { words })
    }
}

impl Default for Tables {
    fn default() -> Tables {
        Tables::embedded()
    }
}

/// The weights and thresholds of the drafter, read from a TOML table of
/// `name = number` (the embedded `rules/params.toml` says what each does).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The article's first sentence, dated (or dated by publication).
    pub lead: f32,
    /// A day written out.
    pub day: f32,
    /// A month.
    pub month: f32,
    /// A year.
    pub year: f32,
    /// The period before the news ("follows a seven-day reduction").
    pub range: f32,
    /// A span written vaguely ("last week").
    pub vague: f32,
    /// A year or month named from publication ("earlier this year").
    pub vague_period: f32,
    /// A length counted from an anchor ("within 14 months of the signing").
    pub relative: f32,
    /// The edge of a state ("since 2004", "until September").
    pub since: f32,
    /// A plan or expectation, at most.
    pub future: f32,
    /// A plan given only by its year or month, at most.
    pub vague_plan: f32,
    /// A date with no verb to govern it, at most.
    pub no_verb: f32,
    /// A year told in passing after another date of its sentence, at most.
    pub aside: f32,
    /// With `--about`: the entity's state told in the present.
    pub state_about: f32,
    /// Selection: added per further article reporting a happening.
    pub source_bonus: f32,
    /// Selection: the score a happening needs.
    pub threshold: f32,
    /// Salience: per article reporting a happening (as ln(1 + n)).
    pub salience_sources: f32,
    /// Salience: per article published on another day giving its date (as ln(1 + n)).
    pub salience_referred: f32,
    /// Salience: times the weight of its best mention.
    pub salience_weight: f32,
    /// Salience: per article giving the happening's date, whatever the
    /// happening it tells there (as ln(1 + n)).
    pub salience_date_articles: f32,
    /// Salience: lost per article published on the happening's date (as
    /// ln(1 + n)).
    pub salience_date_published: f32,
    /// Salience: lost per more salient happening of the same day.
    pub salience_same_day: f32,
    /// The default length of a draft: events per article...
    pub budget_per_article: f32,
    /// ...at least this many...
    pub budget_min: u32,
    /// ...and at most this many.
    pub budget_max: u32,
    /// Merging: shared term weight for two mentions of one date.
    pub same: f32,
    /// Merging: the same when the date is an article's publication.
    pub same_at_publication: f32,
    /// Merging: the same when the date is a year.
    pub same_year: f32,
    /// A lead dated by publication joins a happening this many days before.
    pub late_report_days: u32,
    /// Folding a year or month mention into a finer event inside it.
    pub fold: f32,
    /// An approximate offset joins an exact one this close (share of the larger).
    pub approx_spread: f32,
    /// Salient actors are named in at least this share of the articles.
    pub salient_share: f32,
    /// A mention naming no salient actor weighs at most this much.
    pub unsalient: f32,
}

impl Params {
    /// The embedded weights and thresholds, read once as
    /// [`Tables::embedded`] is.
    pub fn embedded() -> Params {
        *EMBEDDED_PARAMS.get()
    }

    /// Reads a table written as `rules/params.toml` is: every name, once.
    pub fn parse(text: &str) -> Result<Params, TableError> {
        toml::from_str(text).map_err(|e| TableError::of_toml(PARAMS_FILE, text, &e))
    }

    /// The embedded table with some values replaced (`name`, `value`), as a
    /// sweep varies them: an unknown name or a value of the wrong type is
    /// an error.
    pub fn with(&self, changes: &[(&str, f64)]) -> Result<Params, TableError> {
        let mut table: toml::Table = toml::Table::try_from(self)
            .map_err(|e| TableError::new(PARAMS_FILE, 0, 0, e.to_string()))?;
        for (name, value) in changes {
            let slot = table.get_mut(*name).ok_or_else(|| {
                TableError::new(PARAMS_FILE, 0, 0, format!("unknown parameter `{name}`"))
            })?;
            *slot = match slot {
                toml::Value::Integer(_) if value.fract() == 0.0 => {
                    toml::Value::Integer(*value as i64)
                }
                _ => toml::Value::Float(*value),
            };
        }
        Params::deserialize(table).map_err(|e| TableError::new(PARAMS_FILE, 0, 0, e.to_string()))
    }
}

impl Default for Params {
    fn default() -> Params {
        Params::embedded()
    }
}

/// A drafter's table that cannot be read: which, where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// The table's file name (`words.txt`, `params.toml`).
    pub table: &'static str,
    /// The line, from 1 (0 when the whole table is at fault).
    pub line: usize,
    /// The column, from 1 (0 when the whole line is at fault).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl TableError {
    fn new(table: &'static str, line: usize, column: usize, message: String) -> TableError {
        TableError {
            table,
            line,
            column,
            message,
        }
    }

    fn of_toml(table: &'static str, text: &str, e: &toml::de::Error) -> TableError {
        let (line, column) = e.span().map_or((0, 0), |span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, column)
        });
        TableError::new(table, line, column, e.message().to_string())
    }
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}: {}", self.table, self.message),
            (l, 0) => write!(f, "{}:{l}: {}", self.table, self.message),
            (l, c) => write!(f, "{}:{l}:{c}: {}", self.table, self.message),
        }
    }
}

impl std::error::Error for TableError {}

static EMBEDDED_WORDS: Builtin<Tables> = Builtin::new(
    "drafter word lists (crates/draft/src/rules/words.txt)",
    || Tables::parse(WORDS).map_err(|e| e.to_string()),
);
static EMBEDDED_PARAMS: Builtin<Params> = Builtin::new(
    "drafter parameters (crates/draft/src/rules/params.toml)",
    || Params::parse(PARAMS).map_err(|e| e.to_string()),
);

/// Whether the embedded tables can be read.
pub(crate) fn check() -> Result<(), BrokenTable> {
    EMBEDDED_WORDS.check()?;
    EMBEDDED_PARAMS.check().map(drop)
}

const WORDS: &str = include_str!("rules/words.txt");
const PARAMS: &str = include_str!("rules/params.toml");
const WORDS_FILE: &str = "words.txt";
const PARAMS_FILE: &str = "params.toml";

impl Words {
    /// Whether `word` (lower case) is in the list `section`.
    pub fn has(&self, section: List, word: &str) -> bool {
        self.membership
            .get(word)
            .is_some_and(|bits| bits & (1 << section as u32) != 0)
    }

    /// The value of `word` in a list of `word=value` entries.
    pub fn value(&self, section: List, word: &str) -> Option<&str> {
        self.sections[section as usize].iter().find_map(|entry| {
            let (key, value) = entry.split_once('=')?;
            (key == word).then_some(value)
        })
    }

    /// A count written in digits or as a word ("14", "seven").
    pub fn count(&self, word: &str) -> Option<u32> {
        word.parse()
            .ok()
            .or_else(|| self.value(List::Numbers, word)?.parse().ok())
    }

    /// The entries of a list of phrases, `_` made a space.
    pub fn phrases(&self, section: List) -> impl Iterator<Item = String> + '_ {
        self.sections[section as usize]
            .iter()
            .map(|entry| entry.replace('_', " "))
    }

    /// The clause separators: the strong ones, and the weak ones too if `weak`.
    pub fn separators(&self, weak: bool) -> impl Iterator<Item = &str> + '_ {
        self.separators[..if weak { 2 } else { 1 }]
            .iter()
            .flatten()
            .map(String::as_str)
    }

    /// The title boundaries as token patterns.
    pub fn boundaries(&self) -> &[Vec<String>] {
        &self.boundaries
    }
}

/// The embedded word lists, read once, for unit tests.
#[cfg(test)]
pub(crate) fn test_words() -> &'static Words {
    static WORDS_READ: std::sync::LazyLock<Words> =
        std::sync::LazyLock::new(|| Tables::embedded().words);
    &WORDS_READ
}

fn without_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("")
}

/// Reads `words.txt`; a section that is not a [`List`] is an error.
fn parse_words(text: &str) -> Result<Words, TableError> {
    const { assert!(List::ALL.len() <= 64) };
    let error = |line: usize, message: String| TableError::new(WORDS_FILE, line, 0, message);
    let mut sections: Vec<Vec<String>> = vec![Vec::new(); List::ALL.len()];
    let mut membership: HashMap<String, u64> = HashMap::default();
    let mut current: Option<List> = None;
    for (n, line) in text.lines().enumerate() {
        let line = without_comment(line).trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(
                *List::ALL
                    .iter()
                    .find(|l| l.name() == name)
                    .ok_or_else(|| error(n + 1, format!("unknown list [{name}]")))?,
            );
            continue;
        }
        for word in line.split_whitespace() {
            let list = current.ok_or_else(|| error(n + 1, "a word before any [list]".into()))?;
            sections[list as usize].push(word.to_string());
            *membership.entry(word.to_string()).or_default() |= 1 << list as u32;
        }
    }
    if let Some(empty) = List::ALL.iter().find(|l| sections[**l as usize].is_empty()) {
        return Err(error(0, format!("[{}] is empty or missing", empty.name())));
    }
    let spaced = |l: List| -> Vec<String> {
        sections[l as usize]
            .iter()
            .map(|p| p.replace('_', " "))
            .collect()
    };
    let separators = [spaced(List::StrongSeparators), spaced(List::WeakSeparators)];
    let boundaries = spaced(List::TitleBoundaries)
        .iter()
        .map(|p| {
            let mut parts = Vec::new();
            for part in p.split(' ').filter(|s| !s.is_empty()) {
                match part.strip_prefix([',', ';', ':']) {
                    Some(rest) => {
                        parts.push(part[..1].to_string());
                        if !rest.is_empty() {
                            parts.push(rest.to_string());
                        }
                    }
                    None => parts.push(part.to_string()),
                }
            }
            parts
        })
        .collect();
    Ok(Words {
        membership,
        sections,
        separators,
        boundaries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_tables_parse() {
        assert_eq!(check(), Ok(()));
        let p = Params::parse(PARAMS).unwrap();
        assert_eq!(p, Params::embedded());
        let w = Tables::parse(WORDS).unwrap().words;
        assert!(w.has(List::Stopwords, "the") && !w.has(List::Stopwords, "taliban"));
        assert_eq!(
            (w.count("seven"), w.count("14"), w.count("x")),
            (Some(7), Some(14), None)
        );
        assert!(w.separators(false).count() < w.separators(true).count());
        assert!(!w.boundaries().is_empty());
    }

    #[test]
    fn broken_word_lists_are_typed_errors_with_their_line() {
        let e = Tables::parse("\n[nope]\nx").unwrap_err();
        assert_eq!((e.table, e.line), ("words.txt", 2));
        assert!(e.message.contains("unknown list"), "{e}");
        assert_eq!(e.to_string(), "words.txt:2: unknown list [nope]");
        let e = Tables::parse("x").unwrap_err();
        assert!(e.message.contains("before any"), "{e}");
        let e = Tables::parse("[stopwords]\nthe").unwrap_err();
        assert_eq!(e.line, 0);
        assert!(e.message.contains("empty or missing"), "{e}");
    }

    #[test]
    fn broken_params_are_typed_errors_with_their_place() {
        let bad = PARAMS.replacen("lead = 1.0", "lead = x", 1);
        let e = Params::parse(&bad).unwrap_err();
        let line = PARAMS.lines().position(|l| l.starts_with("lead")).unwrap() + 1;
        assert_eq!((e.table, e.line, e.column), ("params.toml", line, 8), "{e}");
        let e = Params::parse(&format!("{PARAMS}\nbogus = 1\n")).unwrap_err();
        assert!(e.message.contains("bogus"), "{e}");
        let e = Params::parse(&PARAMS.replacen("fold = 8.0", "", 1)).unwrap_err();
        assert!(e.message.contains("fold"), "{e}");
        let e =
            Params::parse(&PARAMS.replacen("late_report_days = 2", "late_report_days = 2.5", 1))
                .unwrap_err();
        assert!(e.line > 0, "{e}");
    }

    #[test]
    fn params_vary_by_name() {
        let p = Params::embedded();
        let q = p
            .with(&[("threshold", 0.9), ("late_report_days", 3.0)])
            .unwrap();
        assert_eq!((q.threshold, q.late_report_days, q.lead), (0.9, 3, p.lead));
        assert!(
            p.with(&[("nope", 1.0)])
                .unwrap_err()
                .message
                .contains("nope")
        );
        assert!(p.with(&[("late_report_days", 1.5)]).is_err());
    }
}
