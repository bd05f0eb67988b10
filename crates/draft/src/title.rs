//! Event titles: a short clause (subject, verb, object) cut from the
//! sentence that dates the event.
//!
//! The sentence is read as tokens (words and punctuation, with their byte
//! offsets), so that a title is always made of whole words of the sentence.
//! Datelines, parentheses, appositives, relative clauses and the date phrase
//! are masked out; the clause holding the date is kept (a relative clause
//! takes its antecedent as subject, a participial clause keeps the main
//! clause before it, a coordinated verb phrase takes the main subject);
//! leading adverbials go; a leading pronoun becomes the name that the
//! subject of the sentence before gives; a long subject shrinks to its
//! names; quotations are told as "Speaker said: first clause".
//!
//! The clause is then cut to about [`MAX_WORDS`] words where a phrase ends:
//! before punctuation, a conjunction, a preposition or a participle, never
//! after a function word, a possessive or inside a name.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::{List, words};
use crate::verbs;
use crate::words::{Word, capitalised, lower};

/// The most words a title aims at.
const MAX_WORDS: usize = 14;
/// The fewest words a cut leaves.
const MIN_WORDS: usize = 4;
/// How many words past the aim a cut may go to end well.
const SOFT_WORDS: usize = 2;
/// The fewest words a clause needs to stand alone; a shorter one takes the
/// next clause along.
const MIN_CLAUSE_WORDS: usize = 6;
/// A quotation keeps at least this many of its words after the speaker.
const MIN_QUOTE_WORDS: usize = 7;
/// How many sentences back a leading pronoun is looked for.
const PRONOUN_REACH: usize = 3;

const OPENERS: &[char] = &['"', '\u{201C}', '\u{2018}', '(', '['];
const OPEN_QUOTES: &[&str] = &["\"", "\u{201C}"];
const CLOSE_QUOTES: &[&str] = &["\"", "\u{201D}"];
const DASHES: &[&str] = &["-", "\u{2013}", "\u{2014}", "--"];

/// A title for the event told by `sentence`, whose date expression (if any)
/// is at `date` (byte range of the sentence). `before` holds the sentences
/// before it in the article, nearest first, for a leading pronoun.
pub(crate) fn title(sentence: &str, date: Option<Range<usize>>, before: &[&str]) -> String {
    let text = sentence.trim();
    let offset = sentence.len() - sentence.trim_start().len();
    let mut t = Text::new(text);
    let bytes = date
        .clone()
        .map(|d| d.start.saturating_sub(offset)..d.end.saturating_sub(offset));
    let date = date
        .map(|d| d.start.saturating_sub(offset)..d.end.saturating_sub(offset))
        .filter(|d| d.start < d.end && d.end <= text.len())
        .and_then(|d| {
            let first = t.toks.iter().position(|k| k.span.end > d.start)?;
            let end = t.toks.iter().rposition(|k| k.span.start < d.end)? + 1;
            (first < end).then_some(first..end)
        });
    if let (Some(d), Some(b)) = (&date, &bytes) {
        t.fused = t.toks[d.end - 1].span.end > b.end || t.toks[d.start].span.start < b.start;
    }
    let t = t;
    let made = date_names_a_noun(&t, date.clone())
        .or_else(|| quotation_first(&t, date.clone(), before))
        .or_else(|| inside_quotation(&t, date.clone(), before))
        .unwrap_or_else(|| clause(&t, date.clone(), before));
    if made.split_whitespace().count() >= 2 {
        return made;
    }
    let all: Vec<usize> = (body_start(&t)..t.toks.len()).collect();
    let end = cut(&t, &all, MAX_WORDS, None);
    let whole = finish(&t.render(&all[..end], None));
    if whole.split_whitespace().count() > made.split_whitespace().count() {
        return whole;
    }
    if !made.is_empty() {
        return made;
    }
    // Nothing but function words: the words as they are.
    let raw = text
        .split_whitespace()
        .take(MAX_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    if raw.is_empty() {
        "Untitled event".to_string()
    } else {
        raw
    }
}

/// One word or punctuation mark of a sentence.
#[derive(Debug, Clone)]
struct Tok {
    span: Range<usize>,
    low: String,
    word: bool,
}

/// A sentence as tokens.
struct Text<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// The date is part of a longer word ("Today's"): never masked.
    fused: bool,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Self {
        Text {
            text,
            toks: tokens(text),
            fused: false,
        }
    }

    fn s(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].span.clone()]
    }

    fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |k| k.low.as_str())
    }

    fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|k| k.word)
    }

    /// Whether token `i` is a word of `list`.
    fn is(&self, i: usize, list: List) -> bool {
        self.word(i) && words().has(list, self.low(i))
    }

    fn is_any(&self, i: usize, text: &[&str]) -> bool {
        self.toks.get(i).is_some_and(|_| text.contains(&self.s(i)))
    }

    fn capital(&self, i: usize) -> bool {
        self.word(i)
            && (capitalised(self.s(i)) || self.s(i).starts_with(|c: char| c.is_ascii_digit()))
    }

    /// A verb of saying, in lower case ("states", not "United States").
    fn said(&self, i: usize) -> bool {
        self.lowercase_word(i) && words().has(List::AttributionVerbs, self.low(i))
    }

    fn digits(&self, i: usize) -> bool {
        self.word(i) && self.s(i).starts_with(|c: char| c.is_ascii_digit())
    }

    /// A comma that parts phrases, not one inside a date ("11, 2001").
    fn comma(&self, i: usize) -> bool {
        self.is_any(i, &[","]) && !(i > 0 && self.digits(i - 1) && self.digits(i + 1))
    }

    /// A capitalised word or one with a capital inside ("iPhone").
    fn name_like(&self, i: usize) -> bool {
        self.word(i) && self.s(i).chars().any(char::is_uppercase)
    }

    fn lowercase_word(&self, i: usize) -> bool {
        self.word(i) && self.s(i).starts_with(char::is_lowercase)
    }

    /// The tokens `sel` as written, `first` standing for the first of them.
    fn render(&self, sel: &[usize], first: Option<&str>) -> String {
        let mut out = String::new();
        for (n, &i) in sel.iter().enumerate() {
            if n > 0 {
                let prev = sel[n - 1];
                let spaced = if i == prev + 1 {
                    self.text[self.toks[prev].span.end..self.toks[i].span.start]
                        .chars()
                        .any(char::is_whitespace)
                } else {
                    (self.word(i) && self.word(prev))
                        || self.text[..self.toks[i].span.start].ends_with(char::is_whitespace)
                };
                if spaced {
                    out.push(' ');
                }
            }
            match first {
                Some(name) if n == 0 => out.push_str(name),
                _ => out.push_str(self.s(i)),
            }
        }
        out
    }

    /// Words of `sel` as [`Word`]s for [`verbs::groups`], with their place in `sel`.
    fn words_of(&self, sel: &[usize]) -> (Vec<Word>, Vec<usize>) {
        let mut found = Vec::new();
        let mut at = Vec::new();
        for (n, &i) in sel.iter().enumerate() {
            if self.word(i) {
                found.push(Word {
                    span: self.toks[i].span.clone(),
                    low: self.toks[i].low.clone(),
                });
                at.push(n);
            }
        }
        (found, at)
    }

    /// The place in `sel` of the first verb group, if one is found.
    fn first_verb(&self, sel: &[usize]) -> Option<usize> {
        let (found, at) = self.words_of(sel);
        let group = verbs::groups(&found).first().map(|g| at[g.first]);
        let said = sel.iter().position(|&i| self.said(i));
        match (group, said) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Whether token `i` is a past tense or participle.
    fn past(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).map(|p| self.low(p));
        self.lowercase_word(i)
            && (verbs::past_verb(self.low(i), prev) || self.is(i, List::IrregularParticiple))
    }

    /// Whether token `i` starts a participial phrase: a lowercase word in
    /// -ed, -ing or an irregular participle.
    fn participle(&self, i: usize) -> bool {
        let low = self.low(i);
        self.lowercase_word(i)
            && (self.is(i, List::IrregularParticiple)
                || (low.ends_with("ed") && low.len() > 4 && !self.is(i, List::EdNotVerb))
                || (low.ends_with("ing") && low.len() > 5))
    }
}

/// The tokens of `text`: each run of non-space characters, its leading
/// openers and trailing punctuation split off (but not an abbreviation's
/// period, nor a plural possessive's apostrophe).
fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let punct = |out: &mut Vec<Tok>, span: Range<usize>| {
        out.push(Tok {
            low: text[span.clone()].to_string(),
            span,
            word: false,
        });
    };
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if !c.is_whitespace() {
            start.get_or_insert(i);
            continue;
        }
        let Some(a0) = start.take() else { continue };
        let chunk = &text[a0..i];
        if !chunk.chars().any(char::is_alphanumeric) {
            punct(&mut out, a0..i);
            continue;
        }
        let mut a = a0;
        let mut b = i;
        let mut single_open = false;
        while let Some(c) = text[a..b].chars().next() {
            if !(OPENERS.contains(&c) || c == '\'' || matches!(c, '-' | '\u{2013}' | '\u{2014}')) {
                break;
            }
            single_open |= matches!(c, '\'' | '\u{2018}');
            punct(&mut out, a..a + c.len_utf8());
            a += c.len_utf8();
        }
        let mut trail = Vec::new();
        while let Some(c) = text[a..b].chars().next_back() {
            let core = &text[a..b - c.len_utf8()];
            let peel = match c {
                ',' | ';' | ':' | '!' | '?' | '"' | '\u{201D}' | ')' | ']' => true,
                '.' => !keeps_period(core),
                '\'' | '\u{2019}' => single_open || !core.ends_with(['s', 'S']),
                _ => false,
            };
            if !peel || core.is_empty() {
                break;
            }
            trail.push(b - c.len_utf8()..b);
            b -= c.len_utf8();
        }
        out.push(Tok {
            span: a..b,
            low: lower(&text[a..b]),
            word: true,
        });
        for span in trail.into_iter().rev() {
            punct(&mut out, span);
        }
    }
    out
}

/// Whether the period after `core` belongs to it: an abbreviation or an
/// initial.
fn keeps_period(core: &str) -> bool {
    let low = lower(core);
    (low.contains('.') && low.chars().any(char::is_alphabetic))
        || (core.chars().count() == 1 && core.chars().all(char::is_alphabetic))
        || words().has(List::Abbreviations, &low)
}

/// Where the text proper starts: after a bullet, dashes, or a dateline
/// ("KABUL, Afghanistan (AP) —", "READ MORE:").
fn body_start(t: &Text) -> usize {
    let mut i = 0;
    while i < t.toks.len() && t.is_any(i, DASHES) {
        i += 1;
    }
    let first = i;
    // "MOST READ IN NEWS\nThe war ...": a heading on a line of its own.
    for k in first + 1..(first + 10).min(t.toks.len()) {
        let gap = &t.text[t.toks[k - 1].span.end..t.toks[k].span.start];
        if gap.contains('\n') {
            if (first..k).all(|j| !t.s(j).chars().any(char::is_lowercase)) {
                return k;
            }
            break;
        }
    }
    let shouting = t.word(first)
        && t.s(first).chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !t.s(first).chars().any(char::is_lowercase);
    if shouting {
        for k in first + 1..(first + 8).min(t.toks.len()) {
            if t.is_any(k, DASHES) || t.is_any(k, &[":"]) {
                if t.toks.len() > k + 3 {
                    return k + 1;
                }
                break;
            }
            let fits = !t.word(k) && t.is_any(k, &[",", "(", ")"]) || t.capital(k);
            if !fits {
                break;
            }
        }
    }
    first
}

/// Whether token `i` may end a title: a word that is not a function word
/// nor a possessive.
fn may_end(t: &Text, i: usize) -> bool {
    if !t.word(i) {
        return false;
    }
    let w = words();
    let low = t.low(i);
    let exempt = w.has(List::Numbers, low)
        || w.has(List::Weekdays, low)
        || w.has(List::GenericPeriods, low.trim_end_matches('s'));
    let function = w.has(List::Stopwords, low)
        || w.has(List::Prepositions, low)
        || w.has(List::Determiners, low)
        || w.has(List::NounPhraseDeterminers, low)
        || w.has(List::Modals, low)
        || w.has(List::BeAny, low)
        || w.has(List::Have, low)
        || w.has(List::TitleLeadAdverbials, low);
    let possessive = low.ends_with("'s") || (low.ends_with("s'") && t.s(i).len() > 2);
    // A capitalised word inside a sentence is a name ("NeXT", "May").
    let name = i > 0 && t.name_like(i) && t.word(i - 1) && t.lowercase_word(i - 1);
    (exempt || name || !function) && !possessive
}

/// How good an end the place before token `next` (in the kept tokens) is
/// after token `last`: 0 the end, 1 a clause boundary, 2 a phrase boundary,
/// 3 an infinitive; `None` not an end.
fn end_tier(t: &Text, last: usize, next: Option<usize>) -> Option<u8> {
    if !may_end(t, last) {
        return None;
    }
    let Some(mut next) = next else { return Some(0) };
    let w = words();
    // `the first "point" release`: the quotation closes inside a phrase.
    if t.is_any(next, CLOSE_QUOTES) && t.word(next + 1) && !t.comma(next + 1) {
        next += 1;
    }
    // "an updated, more accurate method": an adjective waits for its noun.
    let function = |k: usize| {
        [
            List::Stopwords,
            List::ClauseBreaks,
            List::Prepositions,
            List::Determiners,
            List::RelativeStarts,
            List::TitleLeadAdverbials,
        ]
        .iter()
        .any(|&l| t.is(k, l))
    };
    if last > 0
        && t.is(last - 1, List::Determiners)
        && (t.low(last).ends_with("ed") || t.low(last).ends_with("ing"))
        && t.word(next)
        && !t.is(next, List::Prepositions)
        && !t.is(next, List::ClauseBreaks)
    {
        return None;
    }
    // "a stable, functioning state": a list of adjectives.
    let after_comma = next + 1;
    if last > 0
        && t.is(last - 1, List::Determiners)
        && t.comma(next)
        && t.lowercase_word(after_comma)
        && (t.is(after_comma, List::Stopwords) || !function(after_comma))
        && !t.is(after_comma, List::ClauseBreaks)
    {
        return None;
    }
    if !t.word(next) {
        // An opening quotation belongs to the phrase: `the associated iTunes "App Store"`.
        let opening = t.s(next) == "\u{201C}"
            || (t.s(next) == "\""
                && t.word(next + 1)
                && t.toks[next + 1].span.start == t.toks[next].span.end);
        if opening {
            return None;
        }
        return match t.s(next) {
            "(" | "[" => Some(2),
            "'" | "\u{2019}" | "\u{2018}" => None,
            _ => Some(1),
        };
    }
    let low = t.low(next);
    if t.name_like(last) && (t.capital(next) || t.digits(next)) {
        return None;
    }
    // "an agreement reached | between the two": a participle wants its complement.
    let passive = last > 0 && (t.is(last - 1, List::BeAny) || t.is(last - 1, List::Have));
    if t.participle(last) && !passive && t.word(next) && t.is(next, List::Prepositions) {
        return None;
    }
    if next > last + 1 && (last + 1..next).any(|k| t.word(k)) {
        // Something was masked here: a phrase ended, or a clause.
        return Some(if (last + 1..next).any(|k| t.comma(k)) {
            1
        } else {
            2
        });
    }
    if matches!(low, "and" | "or") {
        // "computer and electronics maker", "killed or wounded": one phrase.
        let after = next + 1;
        // "or release them": a verb and its object start a new phrase.
        let verb = t.is(after + 1, List::Determiners)
            || t.is(after + 1, List::NounPhraseDeterminers)
            || t.is(after + 1, List::Pronouns);
        let joined = t.lowercase_word(last)
            && t.lowercase_word(after)
            && !t.past(after)
            && !verb
            && !t.is(after, List::Stopwords)
            && !t.is(after, List::Determiners);
        return (!joined).then_some(2);
    }
    // "has announced | that the country will": the verb wants its clause.
    if low == "that" && (t.said(last) || t.past(last) || t.participle(last)) {
        return None;
    }
    if w.has(List::ClauseBreaks, low) || w.has(List::RelativeStarts, low) {
        return Some(1);
    }
    // "to its Macintosh computers", "Wal-Mart | to become": a phrase; "able |
    // to set", "due | to Apple": not an end.
    if low == "to" {
        let after = next + 1;
        // "to users of ...", "to fulfilling": a noun or a gerund after "to".
        let noun = t.lowercase_word(after)
            && (t.low(after).ends_with("ing")
                || t.is(after + 1, List::Prepositions)
                || !t.word(after + 1));
        let phrase = t.is(after, List::Determiners)
            || t.is(after, List::NounPhraseDeterminers)
            || t.capital(after)
            || t.digits(after)
            || t.capital(last)
            || noun;
        return phrase.then_some(3);
    }
    if low == "of" && t.lowercase_word(next + 1) && t.low(next + 1).ends_with("ing") {
        return Some(2);
    }
    if low == "of" || low == "'s" {
        return None;
    }
    if w.has(List::Prepositions, low)
        || w.has(List::TitleDatePrepositions, low)
        || w.has(List::TitleLeadAdverbials, low)
    {
        return Some(2);
    }
    // "a software bug | relating to", "an application | that": a participle
    // starts a phrase unless it modifies the next noun ("contributing cause").
    let after = next + 1;
    let phrase = !t.low(next).ends_with("ing")
        || t.capital(after)
        || t.is(after, List::Prepositions)
        || t.is(after, List::Determiners)
        || t.is(after, List::NounPhraseDeterminers);
    if t.participle(next)
        && phrase
        && !w.has(List::BeAny, t.low(last))
        && !w.has(List::Have, t.low(last))
    {
        return Some(2);
    }
    None
}

fn word_count(t: &Text, sel: &[usize]) -> usize {
    sel.iter().filter(|&&i| t.word(i)).count()
}

/// How many tokens of `sel` to keep: all if they make at most `max` words,
/// else the best end within `max` words (one at a clause boundary counts
/// three words more, at a phrase boundary one). `verb`: the place in `sel`
/// of the verb a cut must keep.
fn cut(t: &Text, sel: &[usize], max: usize, verb: Option<usize>) -> usize {
    cut_well(t, sel, max, verb).0
}

/// [`cut`], and whether the end is a boundary (not a last resort).
fn cut_well(t: &Text, sel: &[usize], max: usize, verb: Option<usize>) -> (usize, bool) {
    match scan(t, sel, max, verb) {
        (Some(e), _) => (e, true),
        // A softer limit: a few words more for a good end.
        (None, fallback) => match scan(t, sel, max + SOFT_WORDS, verb) {
            (Some(e), _) => (e, true),
            _ => (fallback.unwrap_or(sel.len().min(1)), false),
        },
    }
}

/// The best end within `max` words, if any, and the last end on a content
/// word as a last resort.
fn scan(
    t: &Text,
    sel: &[usize],
    max: usize,
    verb: Option<usize>,
) -> (Option<usize>, Option<usize>) {
    let mut best: Option<(usize, usize)> = None;
    let mut fallback: Option<usize> = None;
    let mut count = 0;
    for e in 1..=sel.len() {
        let last = sel[e - 1];
        if t.word(last) {
            count += 1;
        }
        if count > max {
            break;
        }
        if !t.word(last) {
            continue;
        }
        let next = sel.get(e).copied();
        let tier = end_tier(t, last, next);
        if next.is_none() && tier.is_some() {
            return (Some(e), Some(e));
        }
        if may_end(t, last) {
            fallback = Some(e);
        }
        let Some(tier) = tier else { continue };
        // Not inside a closing appositive: ", the point | when Apple ...".
        let appositive = sel[..e]
            .iter()
            .rposition(|&k| t.comma(k))
            .and_then(|c| sel.get(c + 1))
            .is_some_and(|&k| t.is(k, List::AppositiveStarts));
        if appositive {
            continue;
        }
        if count < MIN_WORDS || verb.is_some_and(|v| e <= v + 1) {
            continue;
        }
        let score = count + [4, 3, 1, 0][tier as usize];
        if best.is_none_or(|(s, _)| score >= s) {
            best = Some((score, e));
        }
    }
    (best.map(|(_, e)| e), fallback)
}

/// The clause boundaries of `words.txt` as token patterns (`*ing` any
/// word in -ing).
static BOUNDARIES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    words()
        .list(List::TitleBoundaries)
        .map(|p| {
            let p = p.replace('_', " ");
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
        .collect()
});

/// Whether the boundary `pattern` matches the tokens `at`.
fn pattern_at(t: &Text, pattern: &[String], at: &[usize]) -> bool {
    pattern.len() <= at.len()
        && pattern
            .iter()
            .zip(at)
            .all(|(part, &i)| match part.strip_prefix('*') {
                Some(suffix) => {
                    t.lowercase_word(i) && t.low(i).ends_with(suffix) && t.low(i).len() > 5
                }
                None => t.low(i) == part,
            })
}

/// Places in `sel` where a clause starts; the bool tells a verb phrase with
/// no subject of its own (", and launched ...").
fn boundaries(t: &Text, sel: &[usize]) -> Vec<(usize, bool)> {
    let verb = t.first_verb(sel);
    let mut out = Vec::new();
    for n in 1..sel.len() {
        if t.is_any(sel[n], &[","]) && !t.comma(sel[n]) {
            continue;
        }
        let at = |k: usize| sel.get(n + k).copied();
        // "Pixar which was acquired": a relative clause after a name.
        let after_name = t.is(sel[n], List::RelativeStarts)
            && matches!(t.low(sel[n]), "which" | "who")
            && t.capital(sel[n - 1])
            && n > 1;
        let matches = after_name
            || BOUNDARIES
                .iter()
                .any(|pattern| pattern_at(t, pattern, &sel[n..]));
        let comma = t.is_any(sel[n], &[","]);
        let and = |i: usize| t.word(i) && matches!(t.low(i), "and" | "but");
        // ", doubled in 2005", "and launched the store": a new verb phrase.
        let vp = verb.is_some_and(|v| v < n)
            && ((comma && at(1).is_some_and(|i| t.past(i) && !t.is(i, List::EdNotVerb)))
                || (and(sel[n])
                    && at(1).is_some_and(|i| t.past(i))
                    && !t.is(sel[n - 1], List::BeAny))
                || (comma
                    && at(1).is_some_and(and)
                    && at(2).is_some_and(|i| t.past(i))
                    && !t.is(sel[n - 1], List::BeAny)));
        if vp {
            out.push((n, true));
        } else if matches {
            out.push((n, false));
        }
    }
    out
}

/// "the September 11 attacks": the date and the noun it modifies, with a
/// relative clause that follows, unless the noun phrase only sets the time
/// of the main clause ("In a Wednesday media event, Apple released ...").
fn date_names_a_noun(t: &Text, date: Option<Range<usize>>) -> Option<String> {
    let w = words();
    let date = date?;
    let det = date.start.checked_sub(1)?;
    if !t.is(det, List::NounPhraseDeterminers) {
        return None;
    }
    let start = body_start(t);
    let comma = (start..t.toks.len()).find(|&i| t.is_any(i, &[","]));
    if (t.is(start, List::Prepositions) || t.is(start, List::TitleLeadAdverbials))
        && comma.is_none_or(|c| c > date.start)
    {
        return None;
    }
    let stops = |i: usize| {
        w.has(List::NotANoun, t.low(i))
            || w.has(List::Prepositions, t.low(i))
            || w.has(List::AttributionVerbs, t.low(i))
    };
    let mut np = vec![det];
    let mut noun = false;
    let mut i = date.start;
    while i < t.toks.len() {
        let in_date = i < date.end;
        if in_date && !t.lowercase_word(i) {
            np.push(i);
            i += 1;
            continue;
        }
        if !t.lowercase_word(i) {
            break;
        }
        if stops(i) {
            // "the 2001 invasion of Afghanistan"
            if matches!(t.low(i), "of" | "in")
                && noun
                && t.lowercase_word(i + 1)
                && !stops(i + 1)
                && !in_date
            {
                np.extend([i, i + 1]);
                i += 2;
            }
            break;
        }
        np.push(i);
        noun = true;
        i += 1;
        if np.len() > 8 {
            return None;
        }
    }
    if !noun || t.name_like(i) || t.low(i) == "'s" {
        return None;
    }
    // Skip what remains of the date ("in 2001"), then a relative clause
    // may follow, after a comma or not.
    let k = i.max(date.end);
    let comma = t.comma(k);
    let relative = if comma { k + 1 } else { k };
    let mut sel = np.clone();
    if matches!(t.low(relative), "that" | "which" | "who") {
        let from = sel.len();
        sel.extend(k..t.toks.len());
        // To the end of the relative clause, then cut.
        if let Some(&(b, _)) = boundaries(t, &sel).iter().find(|&&(b, _)| b > from + 1) {
            sel.truncate(b);
        }
        let e = cut(t, &sel, MAX_WORDS, None);
        sel.truncate(e.max(np.len()));
    }
    let made = finish(&t.render(&sel, None));
    (made.split_whitespace().count() >= 2).then_some(made)
}

/// The speaker and verb of an attribution ("Esper said Saturday", "said
/// Abbas Stanikzai, one of ..."), from token `from` on.
fn attribution(t: &Text, from: usize, before: &[&str]) -> Option<String> {
    let mut end = from;
    while end < t.toks.len() && !t.is_any(end, &[",", ".", ";", "!", "?"]) {
        end += 1;
    }
    let part: Vec<usize> = (from..end).filter(|&i| t.word(i)).collect();
    let verb = part.iter().position(|&i| t.said(i))?;
    if verb == 0 {
        let names: Vec<usize> = part[1..]
            .iter()
            .copied()
            .take_while(|&i| t.capital(i))
            .take(4)
            .collect();
        if names.is_empty() {
            return None;
        }
        return Some(format!("{} {}", t.render(&names, None), t.s(part[0])));
    }
    let speaker = &part[..verb];
    if speaker.len() > 6 {
        return None;
    }
    let name = pronoun_name(t, speaker[0], before);
    Some(format!(
        "{} {}",
        t.render(speaker, name.as_deref()),
        t.s(part[verb])
    ))
}

/// "“We are on the verge of peace,” Pompeo said": Pompeo said: We are on ...
fn quotation_first(t: &Text, date: Option<Range<usize>>, before: &[&str]) -> Option<String> {
    let open = body_start(t);
    if !t.is_any(open, OPEN_QUOTES) {
        return None;
    }
    let close = (open + 1..t.toks.len()).find(|&i| t.is_any(i, CLOSE_QUOTES))?;
    let quote: Vec<usize> = (open + 1..close).collect();
    if word_count(t, &quote) < 3 {
        return None;
    }
    let mut after = close + 1;
    if t.is_any(after, &[","]) {
        after += 1;
    }
    let speaker = attribution(t, after, before)?;
    let budget = MAX_WORDS
        .saturating_sub(speaker.split_whitespace().count())
        .max(MIN_QUOTE_WORDS);
    let date = date.filter(|d| d.start > open && d.end <= close);
    let said = core(t, quote, date, before, budget);
    (!said.is_empty()).then(|| format!("{speaker}: {}", capitalise(&said)))
}

/// A date inside a quotation: who speaks, then what is quoted.
fn inside_quotation(t: &Text, date: Option<Range<usize>>, before: &[&str]) -> Option<String> {
    let start = body_start(t);
    let mark = match &date {
        Some(date) => {
            let marks: Vec<usize> = (start..date.start)
                .filter(|&i| t.is_any(i, OPEN_QUOTES) || t.is_any(i, CLOSE_QUOTES))
                .collect();
            let curly_open = marks.iter().filter(|&&i| t.s(i) == "\u{201C}").count()
                > marks.iter().filter(|&&i| t.s(i) == "\u{201D}").count();
            let straight_open = marks.iter().filter(|&&i| t.s(i) == "\"").count() % 2 == 1;
            if !(curly_open || straight_open) {
                return None;
            }
            *marks.iter().rev().find(|&&i| t.is_any(i, OPEN_QUOTES))?
        }
        None => {
            // "X said: “...”": the first quotation, right after a verb of saying.
            let m = (start..t.toks.len()).find(|&i| t.is_any(i, OPEN_QUOTES))?;
            let last = (start..m)
                .rev()
                .find(|&i| t.word(i) && t.low(i) != "that")?;
            let colon = m > 0 && t.is_any(m - 1, &[":"]);
            if !(t.said(last) || (colon && (start..m).any(|i| t.said(i)))) {
                return None;
            }
            m
        }
    };
    let mut head: Vec<usize> = (start..mark).collect();
    // Appositives of the speaker: ", a spokesman for the group,".
    let commas: Vec<usize> = (0..head.len()).filter(|&n| t.comma(head[n])).collect();
    for pair in commas.windows(2).rev() {
        if head
            .get(pair[0] + 1)
            .is_some_and(|&k| t.is(k, List::AppositiveStarts))
        {
            head.drain(pair[0]..=pair[1]);
        }
    }
    while head
        .last()
        .is_some_and(|&i| !t.word(i) || t.low(i) == "that")
    {
        head.pop();
    }
    let head = without_lead(t, &head);
    if word_count(t, &head) < 2 {
        return None;
    }
    // The speaker and the verb, without what follows the verb ("on Twitter").
    let head: Vec<usize> = match head.iter().position(|&i| t.said(i)) {
        Some(v) if v > 0 => head[..=v].to_vec(),
        _ => head,
    };
    if date.is_none() && word_count(t, &head) > 8 {
        return None;
    }
    let name = pronoun_name(t, head[0], before);
    let speaker = t.render(&head, name.as_deref());
    let end = (mark + 1..t.toks.len())
        .find(|&i| t.is_any(i, CLOSE_QUOTES) || t.is_any(i, &[".", "!", "?"]))
        .unwrap_or(t.toks.len());
    let quote: Vec<usize> = (mark + 1..end).collect();
    let budget = MAX_WORDS
        .saturating_sub(speaker.split_whitespace().count())
        .max(MIN_QUOTE_WORDS);
    let said = core(t, quote, date, before, budget);
    if said.is_empty() {
        return None;
    }
    Some(finish(&format!("{speaker}: {}", capitalise(&said))))
}

/// Drops leading adverbials: a phrase up to a comma that starts with a
/// preposition, an adverb or a participle, or that has no verb and tells a
/// time ("Five years after its launch,"); a leading prepositional phrase
/// before a pronoun subject ("During his speech he said") or before a name
/// and its verb ("In the late 1980's Apple Computer added").
fn without_lead(t: &Text, sel: &[usize]) -> Vec<usize> {
    let mut sel: &[usize] = sel;
    loop {
        while sel.first().is_some_and(|&i| !t.word(i)) {
            sel = &sel[1..];
        }
        let Some(&first) = sel.first() else {
            return Vec::new();
        };
        let comma = sel.iter().position(|&i| t.comma(i));
        let preposition = t.is(first, List::TitleLeadAdverbials) || t.is(first, List::Prepositions);
        let opens = preposition
            || (t.low(first).ends_with("ly") && t.low(first).len() > 3)
            || (t.low(first).ends_with("ing") && t.low(first).len() > 5);
        if let Some(c) = comma
            && c > 0
            && c <= 16
        {
            // `"iPhone OS,"`: the quotation closes after the comma.
            let skip = if sel.get(c + 1).is_some_and(|&k| t.is_any(k, CLOSE_QUOTES)) {
                c + 2
            } else {
                c + 1
            };
            let head = &sel[..c];
            let marks = sel[..skip]
                .iter()
                .filter(|&&i| t.is_any(i, OPEN_QUOTES) || t.is_any(i, CLOSE_QUOTES))
                .count();
            let quoted = marks % 2 == 1 || (marks > 0 && !opens);
            // "Five years after its launch,", "Hours before the deal was signed,"
            let early = head
                .iter()
                .take(3)
                .any(|&i| t.is(i, List::Later) || t.is(i, List::Earlier));
            let timely = early
                || t.first_verb(head).is_none()
                    && head.iter().any(|&i| {
                        t.is(i, List::Later) || t.is(i, List::Earlier) || t.low(i) == "ago"
                    });
            // "Among the applications demonstrated were ...": a clause, inverted.
            let finite = !subordinator(t, first)
                && !early
                && head
                    .iter()
                    .take_while(|&&i| !t.is(i, List::ClauseBreaks))
                    .any(|&i| t.is(i, List::BeAny) || t.is(i, List::Have) || t.is(i, List::Modals));
            // What is left must still tell something ("a market research firm" does not).
            let rest = &sel[skip.min(sel.len())..];
            let left = t.first_verb(rest).is_some() || word_count(t, rest) >= 6;
            if (opens || timely) && !quoted && !finite && left && word_count(t, &sel[c..]) >= 3 {
                sel = &sel[skip..];
                continue;
            }
        }
        if preposition {
            let limit = sel.len().min(10);
            // "During his 2 hour speech he stated"
            if let Some(p) = (1..limit).find(|&n| subject_pronoun(t, sel[n]))
                && t.first_verb(&sel[..p]).is_none()
                && sel[..p].iter().all(|&i| t.word(i))
            {
                sel = &sel[p..];
                continue;
            }
            // "In the late 1980's Apple Computer added"
            let plain = sel[1..limit]
                .iter()
                .take_while(|&&i| t.lowercase_word(i) || t.digits(i))
                .count();
            let k = plain + 1;
            if plain >= 1 && k < sel.len() && t.capital(sel[k]) && t.first_verb(&sel[..k]).is_none()
            {
                let run = sel[k..].iter().take_while(|&&i| t.capital(i)).count();
                if run <= 5 && t.first_verb(&sel[k..]) == Some(run) {
                    sel = &sel[k..];
                    continue;
                }
            }
        }
        return sel.to_vec();
    }
}

fn subject_pronoun(t: &Text, i: usize) -> bool {
    t.is(i, List::Pronouns) && !t.is(i, List::NounPhraseDeterminers)
}

/// The name a leading pronoun at token `i` stands for: the subject of the
/// sentence before (through a chain of the same pronoun).
fn pronoun_name(t: &Text, i: usize, before: &[&str]) -> Option<String> {
    if !subject_pronoun(t, i) {
        return None;
    }
    let pronoun = t.low(i);
    let person = matches!(pronoun, "he" | "she");
    for sentence in before.iter().take(PRONOUN_REACH) {
        let p = Text::new(sentence.trim());
        let all: Vec<usize> = (body_start(&p)..p.toks.len()).collect();
        let Some(verb) = p.first_verb(&all) else {
            // A dateline or a heading: look further back.
            continue;
        };
        let subject = without_lead(&p, &all[..verb]);
        if subject.last().is_some_and(|&k| subject_pronoun(&p, k)) {
            if subject.last().is_some_and(|&k| p.low(k) == pronoun) {
                continue;
            }
            return None;
        }
        let subject: Vec<usize> = subject
            .iter()
            .copied()
            .take_while(|&k| !p.comma(k) && !p.is_any(k, &["(", ";", ":"]))
            .collect();
        let head = *subject.first()?;
        let named = subject
            .iter()
            .all(|&k| p.capital(k) || matches!(p.low(k), "of" | "and"));
        let thing = p.is(head, List::NounPhraseDeterminers)
            && subject.len() <= 4
            && subject[1..]
                .iter()
                .all(|&k| p.word(k) && !p.is(k, List::Pronouns));
        let fits = subject.len() <= 5
            && !subject.iter().any(|&k| p.low(k).ends_with("'s"))
            && if person {
                named && !p.is(head, List::Determiners) && !p.digits(head)
            } else {
                named || thing
            };
        if !fits {
            return None;
        }
        let name = p.render(&subject, None);
        return Some(if thing {
            let mut c = name.chars();
            c.next()
                .map(|f| f.to_lowercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            name
        });
    }
    None
}

/// Whether token `i` opens a subordinate clause ("since", "after", "when").
fn subordinator(t: &Text, i: usize) -> bool {
    [List::Since, List::Until, List::Later, List::Earlier]
        .iter()
        .any(|&l| t.is(i, l))
        || (t.is(i, List::ClauseBreaks)
            && !t.is(i, List::Determiners)
            && !t.is(i, List::RelativeStarts)
            && !matches!(t.low(i), "and" | "but" | "or" | "so" | "that"))
        || t.low(i) == "when"
}

/// The clause of the date, masked of what is not the event.
fn clause(t: &Text, date: Option<Range<usize>>, before: &[&str]) -> String {
    let n = t.toks.len();
    let start = body_start(t);
    let mut keep = vec![false; n];
    keep[start..].fill(true);
    let has_date = |r: &Range<usize>| {
        date.as_ref()
            .is_some_and(|d| r.start <= d.start && d.start < r.end)
    };
    // Parentheses that do not hold the date.
    let mut i = start;
    while i < n {
        if t.is_any(i, &["("]) {
            let close = (i + 1..n).find(|&k| t.is_any(k, &[")"]));
            if let Some(c) = close {
                if !has_date(&(i..c)) {
                    keep[i..=c].fill(false);
                }
                i = c;
            }
        }
        i += 1;
    }
    // A leading subordinate clause holding the date: "Since the original
    // iPhone was released in 2007, ...".
    let all: Vec<usize> = (start..n).filter(|&k| keep[k]).collect();
    if let Some(c) = all.iter().position(|&k| t.comma(k))
        && c > 2
        && subordinator(t, all[0])
        && has_date(&(all[0]..all[c]))
        && t.first_verb(&all[1..c]).is_some_and(|v| {
            let prev = all[v];
            v > 0
                && (subject_pronoun(t, prev)
                    || !(t.is(prev, List::Prepositions) || t.is(prev, List::Stopwords)))
        })
    {
        let mut lead: Vec<usize> = all[1..c].to_vec();
        if let Some(d) = &date {
            let mut kept = vec![false; n];
            for &k in &lead {
                kept[k] = true;
            }
            date_phrase(t, d, &mut kept);
            lead.retain(|&k| kept[k]);
        }
        if word_count(t, &lead) >= 3 {
            return core(t, lead, None, before, MAX_WORDS);
        }
    }
    // Comma-delimited appositives and relative clauses, then participial
    // phrases (when a verb is left outside them).
    let commas: Vec<usize> = (start..n).filter(|&k| t.comma(k) && keep[k]).collect();
    let mut main_cut = None;
    let mut relative_date = None;
    for pass in 0..2 {
        let kept: Vec<usize> = (start..n).filter(|&k| keep[k]).collect();
        let lead_end = kept
            .get(kept.len() - without_lead(t, &kept).len())
            .copied()
            .unwrap_or(n);
        // Whether the sentence has a verb outside tokens `a..b` (and its lead).
        let verb_outside = |a: usize, b: usize| {
            let rest: Vec<usize> = kept
                .iter()
                .copied()
                .filter(|&k| k >= lead_end && (k < a || k > b))
                .collect();
            t.first_verb(&rest).is_some()
        };
        for pair in commas.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if !keep[a] {
                continue;
            }
            let seg = a + 1..b;
            let Some(first) = seg.clone().find(|&k| t.word(k)) else {
                continue;
            };
            if first != a + 1 && !t.is_any(a + 1, OPEN_QUOTES) {
                continue;
            }
            let dated = has_date(&seg);
            let relative = t.is(first, List::RelativeStarts);
            let drop = if pass == 0 {
                let inside: Vec<usize> = (first..b).collect();
                let appositive =
                    t.is(first, List::AppositiveStarts) && t.first_verb(&inside).is_none();
                if dated && relative {
                    relative_date = Some(first);
                }
                // ", who stated, “...”": the speaker's words follow.
                let speech = (first..b)
                    .rev()
                    .find(|&k| t.word(k))
                    .is_some_and(|k| t.said(k));
                (relative && !dated && !speech) || appositive
            } else {
                let participle = a > start
                    && t.participle(first)
                    && !t.low(first).ends_with("ing")
                    && !t.said(first)
                    && verb_outside(a, b);
                if dated && participle {
                    main_cut = Some(b);
                    keep[a] = false;
                    break;
                }
                participle
            };
            if drop {
                keep[a..b].fill(false);
                // The closing comma goes too, unless a clause boundary follows.
                let next: Vec<usize> = (b..n.min(b + 4)).collect();
                let bounded = BOUNDARIES.iter().any(|pattern| {
                    pattern.first().is_some_and(|p| p == ",") && pattern_at(t, pattern, &next)
                });
                if !bounded {
                    keep[b] = false;
                }
            }
        }
    }
    if let Some(cut) = main_cut {
        keep[cut..].fill(false);
    }
    if let Some(d) = &date {
        date_phrase(t, d, &mut keep);
    }
    let sel: Vec<usize> = (0..n).filter(|&k| keep[k]).collect();
    let pos = date.as_ref().map(|d| sel.partition_point(|&k| k < d.start));
    let lead = sel.len() - without_lead(t, &sel).len();
    let main_verb = t.first_verb(&sel[lead..]).map(|v| v + lead);
    let bounds: Vec<(usize, bool)> = boundaries(t, &sel)
        .into_iter()
        .filter(|&(b, _)| main_verb.is_none_or(|v| b > v) || t.is_any(sel[b], &[";"]))
        .collect();
    // The date's clause; a boundary right where the date was comes after it.
    let seg = pos.and_then(|p| bounds.iter().rposition(|&(b, _)| b < p));
    let (from, vp) = seg.map_or((0, false), |s| bounds[s]);
    let mut to = seg
        .map_or(bounds.first(), |s| bounds.get(s + 1))
        .map_or(sel.len(), |&(b, _)| b);
    // A short clause takes a following ", with ..." or ", making ...".
    if to < sel.len()
        && word_count(t, &sel[from..to]) < 6
        && t.comma(sel[to])
        && sel
            .get(to + 1)
            .is_some_and(|&k| t.low(k) == "with" || (t.participle(k) && t.low(k).ends_with("ing")))
    {
        to = bounds
            .iter()
            .find(|&&(b, _)| b > to)
            .map_or(sel.len(), |&(b, _)| b);
    }
    let mut piece: Vec<usize> = sel[from..to].to_vec();
    // The boundary itself: a mark and a conjunction.
    let marks = piece.iter().take_while(|&&k| !t.word(k)).count();
    let joins = |k: usize| {
        subordinator(t, k) || matches!(t.low(k), "and" | "but" | "whereas" | "with" | "as")
    };
    let mut lead_len = marks + usize::from(piece.get(marks).is_some_and(|&k| joins(k)));
    // "in response to the September 11 attacks": the whole connective goes.
    if from > 0 {
        let connective = BOUNDARIES
            .iter()
            .filter(|p| {
                p.iter().all(|part| {
                    !part.starts_with('*')
                        && !part.ends_with("ing")
                        && !part.ends_with("ed")
                        && !words().has(List::IrregularParticiple, part)
                })
            })
            .filter(|p| pattern_at(t, p, &piece))
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        lead_len = lead_len.max(connective);
    }
    let boundary_word = piece.get(lead_len).copied();
    let relative_piece = piece
        .get(marks)
        .is_some_and(|&k| t.is(k, List::RelativeStarts));
    if from > 0 {
        piece.drain(..lead_len);
    }
    // A relative clause holding the date: its antecedent is the subject.
    let relative = relative_date.or_else(|| {
        let p = pos?;
        sel[from..p.min(sel.len())]
            .iter()
            .rev()
            .find(|&&k| t.is(k, List::RelativeStarts) && matches!(t.low(k), "which" | "who"))
            .copied()
    });
    if let Some(r) = relative
        && date.as_ref().is_some_and(|d| d.start > r)
        && let Some(subject) = antecedent(t, &sel, r)
    {
        let rest: Vec<usize> = sel
            .iter()
            .copied()
            .filter(|&k| k > r)
            .take_while(|&k| !t.is_any(k, &[";"]))
            .collect();
        let clause_end = boundaries(t, &rest).first().map_or(rest.len(), |&(b, _)| b);
        if word_count(t, &rest[..clause_end]) >= 3 {
            let mut made = subject;
            made.extend(&rest[..clause_end]);
            return core(t, made, None, before, MAX_WORDS);
        }
    }
    if from > 0 && relative_piece {
        // The relative clause says too little: the main clause then.
        piece = sel[..bounds[0].0].to_vec();
    } else if from > 0 && !bounds.is_empty() {
        let main: Vec<usize> = sel[..bounds[0].0].to_vec();
        let main = without_lead(t, &main);
        if vp {
            // "Apple is the producer ..., and launched the store": the main subject.
            if let Some(v) = t.first_verb(&main) {
                let mut made: Vec<usize> = main[..v].to_vec();
                made.extend(&piece);
                return core(t, made, None, before, MAX_WORDS);
            }
        } else if boundary_word.is_some_and(|k| t.low(k).ends_with("ing") && t.participle(k)) {
            // ", prompting Apple Corps to file suit": what prompted it first.
            let mut piece = piece.clone();
            while piece.last().is_some_and(|&k| !t.word(k)) {
                piece.pop();
            }
            let room = MAX_WORDS.saturating_sub(word_count(t, &piece));
            if room >= MIN_WORDS {
                let v = t.first_verb(&main);
                let (e, good) = cut_well(t, &main, room, v);
                if good && word_count(t, &main[..e]) >= 3 {
                    let head = core(t, main[..e].to_vec(), None, before, room);
                    return finish(&format!("{head}, {}", t.render(&piece, None)));
                }
            }
        }
    }
    core(t, piece, None, before, MAX_WORDS)
}

/// The noun phrase a relative pronoun at token `r` refers to: a name, or a
/// phrase back to its determiner.
fn antecedent(t: &Text, sel: &[usize], r: usize) -> Option<Vec<usize>> {
    let at = sel.iter().position(|&k| k == r)?;
    let mut k = at;
    if k > 0 && t.comma(sel[k - 1]) {
        k -= 1;
    }
    let end = k;
    let mut from = end;
    // "Secretary of State Mike Pompeo"
    while from > 0
        && end - from < 6
        && (t.capital(sel[from - 1])
            || (t.low(sel[from - 1]) == "of"
                && from >= 2
                && t.capital(sel[from - 2])
                && from < end))
    {
        from -= 1;
    }
    if from == end {
        // Back to a determiner ("the new iPhone 3.0 software").
        let mut j = end;
        while j > 0 && t.word(sel[j - 1]) && end - j < 6 {
            j -= 1;
            if t.is(sel[j], List::NounPhraseDeterminers) {
                from = j;
                break;
            }
            if t.is(sel[j], List::Prepositions) || t.first_verb(&sel[j..j + 1]).is_some() {
                break;
            }
        }
    } else if from > 0 && t.is(sel[from - 1], List::NounPhraseDeterminers) {
        from -= 1;
    }
    // A sentence's first word is capitalised anyway: not a name then.
    (from < end && !(from == 0 && end - from == 1 && t.is(sel[0], List::Stopwords)))
        .then(|| sel[from..end].to_vec())
}

/// Masks the date and its preposition, unless the date is the subject or
/// part of a longer word.
fn date_phrase(t: &Text, date: &Range<usize>, keep: &mut [bool]) {
    if t.fused {
        return;
    }
    let w = words();
    let mut a = date.start;
    if a > 0 && t.is(a - 1, List::TitleDatePrepositions) {
        a -= 1;
        if t.low(a) == "of" && a > 0 && t.low(a - 1) == "as" {
            a -= 1;
        }
    }
    let mut b = date.end;
    let opens_clause = date.start == 0 || !t.word(date.start - 1);
    if opens_clause && t.word(b) && w.has(List::BeAny, t.low(b)) {
        return;
    }
    // "a week-long trial period": the date modifies a noun.
    let stop = |k: usize| {
        t.is(k, List::NotANoun)
            || t.is(k, List::Prepositions)
            || t.is(k, List::Stopwords)
            || t.is(k, List::TitleLeadAdverbials)
            || t.said(k)
            || t.past(k)
            || t.participle(k)
            || t.low(k).ends_with("ly")
    };
    let compound = t.s(date.end - 1).contains('-') || t.digits(date.end - 1);
    if compound && t.lowercase_word(b) && !stop(b) {
        return;
    }
    // "an end to 18 years of bloodshed", "is the day", "took a few months":
    // the date is a noun phrase of the clause, not when it happened.
    if a == date.start && date.start > 0 {
        let prev = date.start - 1;
        if t.is(prev, List::Prepositions) || t.is(prev, List::BeAny) {
            return;
        }
    }
    if a == date.start && (matches!(t.low(date.start), "a" | "an") || t.low(b) == "of") {
        return;
    }
    // "within 14 months of the signing": the anchor goes with the date.
    if a < date.start {
        while t.low(b) == "of" {
            let mut k = b + 1;
            if t.is(k, List::Determiners) {
                k += 1;
            }
            let words = (k..t.toks.len())
                .take_while(|&j| t.lowercase_word(j) && !t.is(j, List::Stopwords))
                .count();
            if words == 0 {
                break;
            }
            b = k + words;
        }
    }
    // "in March and June": the other date of the pair goes too.
    let datelike = |k: usize| t.capital(k) || t.digits(k);
    if matches!(t.low(b), "and" | "or") && datelike(b + 1) && !t.capital(b + 2) && a < date.start {
        b += 2;
    }
    if a == date.start
        && date.start >= 3
        && matches!(t.low(date.start - 1), "and" | "or")
        && datelike(date.start - 2)
        && t.is(date.start - 3, List::TitleDatePrepositions)
    {
        a = date.start - 3;
    }
    // "that, as of January 2008, Apple's": the comma after goes too.
    let alone =
        a == 0 || !t.word(a - 1) || t.is(a - 1, List::ClauseBreaks) || (a >= 1 && t.comma(a - 1));
    if alone && t.comma(b) {
        b += 1;
    }
    let end = b.min(keep.len());
    keep[a..end].fill(false);
}

/// "..., Apple announced", "..., says Andrew Watkins, an analyst": a
/// trailing attribution: where its comma is, the speaker's tokens and the
/// verb.
fn trailing_speaker(t: &Text, sel: &[usize]) -> Option<(usize, Vec<usize>, usize)> {
    let commas: Vec<usize> = (0..sel.len()).filter(|&n| t.comma(sel[n])).collect();

    for (m, &c) in commas.iter().enumerate().rev() {
        if word_count(t, &sel[..c]) < 4 {
            return None;
        }
        let end = commas.get(m + 1).copied().unwrap_or(sel.len());
        let tail = &sel[c + 1..end];
        let (verb, speaker): (usize, Vec<usize>) = match tail {
            [first, rest @ ..] if t.said(*first) => (*first, rest.to_vec()),
            [rest @ .., last] if t.said(*last) && end == sel.len() => (*last, rest.to_vec()),
            _ => continue,
        };
        let fits = !speaker.is_empty()
            && speaker.len() <= 5
            && speaker.iter().all(|&k| t.word(k))
            && (speaker.iter().any(|&k| t.capital(k))
                || (speaker.len() == 1 && subject_pronoun(t, speaker[0])));
        // What follows the speaker is an appositive of theirs.
        let rest_ok = sel[end..]
            .iter()
            .find(|&&k| t.word(k))
            .is_none_or(|&k| t.is(k, List::AppositiveStarts));
        return (fits && rest_ok).then_some((c, speaker, verb));
    }
    None
}

/// A clause made a title: leading adverbials dropped, "it is said that"
/// dropped, a leading pronoun named, an over-long subject shrunk, reported
/// speech shortened if need be, cut to `max` words.
fn core(
    t: &Text,
    sel: Vec<usize>,
    date: Option<Range<usize>>,
    before: &[&str],
    max: usize,
) -> String {
    let mut sel = sel;
    if let Some(d) = &date {
        let mut keep = vec![false; t.toks.len()];
        for &k in &sel {
            keep[k] = true;
        }
        date_phrase(t, d, &mut keep);
        sel.retain(|&k| keep[k]);
    }
    let mut sel = without_lead(t, &sel);
    while sel
        .last()
        .is_some_and(|&k| !t.word(k) && !t.is_any(k, CLOSE_QUOTES) && !t.is_any(k, &[")"]))
    {
        sel.pop();
    }
    // "It should be mentioned that ..."
    if sel.first().is_some_and(|&k| t.low(k) == "it")
        && let Some(that) = sel.iter().take(6).position(|&k| t.low(k) == "that")
        && that >= 2
        && t.participle(sel[that - 1])
        && sel[1..that - 1]
            .iter()
            .all(|&k| t.is(k, List::Modals) || t.is(k, List::BeAny) || t.is(k, List::Have))
        && word_count(t, &sel[that + 1..]) >= 3
    {
        sel.drain(..=that);
    }
    // "The change will occur within six months, Apple announced"
    if let Some((c, speaker, verb)) = trailing_speaker(t, &sel) {
        let name = pronoun_name(t, speaker[0], before);
        let speaker = format!("{} {}", t.render(&speaker, name.as_deref()), t.s(verb));
        let budget = max
            .saturating_sub(speaker.split_whitespace().count())
            .max(MIN_QUOTE_WORDS);
        let said = core(t, sel[..c].to_vec(), None, before, budget);
        if !said.is_empty() {
            return finish(&format!("{}: {said}", capitalise(&speaker)));
        }
    }
    let mut sel = shorter_subject(t, sel);
    // The first clause.
    let verb = t.first_verb(&sel);
    for (b, _) in boundaries(t, &sel) {
        // ", which ...", "; ...": a clause ends whether or not a verb was seen.
        let relative = (t.comma(sel[b])
            && sel
                .get(b + 1)
                .is_some_and(|&k| t.is(k, List::RelativeStarts)))
            || t.is_any(sel[b], &[";"]);
        if word_count(t, &sel[..b]) >= MIN_CLAUSE_WORDS && (relative || verb.is_none_or(|v| b > v))
        {
            sel.truncate(b);
            break;
        }
    }
    if sel.is_empty() {
        return String::new();
    }
    let verb = t.first_verb(&sel);
    // "Apple announced (in a memo) that it will ...": shorter ways to say it
    // when the words run out before a good end.
    let mut ways = vec![sel.clone()];
    if let Some(v) = verb
        && v > 0
        && t.said(sel[v])
    {
        let mut k = v + 1;
        if sel.get(k).is_some_and(|&j| t.is(j, List::Prepositions))
            && let Some(j) = (k..sel.len().min(k + 7)).find(|&j| t.low(sel[j]) == "that")
        {
            k = j;
        }
        let that = sel.get(k).is_some_and(|&j| t.low(j) == "that");
        let after = if that { k + 1 } else { k };
        if sel.get(after).is_some_and(|&j| subject_pronoun(t, j)) {
            let mut shorter: Vec<usize> = sel[..=v].to_vec();
            shorter.extend(&sel[after..]);
            ways.push(shorter);
            // The speaker stands for the pronoun.
            let mut shortest: Vec<usize> = sel[..v].to_vec();
            shortest.extend(&sel[after + 1..]);
            ways.push(shortest);
        }
    }
    let good = |limit: usize| {
        ways.iter()
            .find_map(|way| scan(t, way, limit, t.first_verb(way)).0.map(|e| (way, e)))
    };
    let mut chosen = good(max);
    // "The agreement states that the US will cut ...": "X states: ...".
    if chosen.is_none()
        && let Some(v) = verb
        && v > 0
        && t.said(sel[v])
    {
        let mut k = v + 1;
        if sel.get(k).is_some_and(|&j| t.is(j, List::Prepositions))
            && let Some(j) = (k..sel.len().min(k + 7)).find(|&j| t.low(sel[j]) == "that")
        {
            k = j;
        }
        let that = sel.get(k).is_some_and(|&j| t.low(j) == "that");
        let rest: Vec<usize> = sel[(k + 1).min(sel.len())..].to_vec();
        if that && word_count(t, &rest) >= MIN_WORDS {
            let mut subject: Vec<usize> = sel[..v].to_vec();
            // "The agreement signed Saturday states": the agreement states.
            while subject.len() > 1
                && subject
                    .last()
                    .is_some_and(|&j| t.participle(j) || !t.word(j))
            {
                subject.pop();
            }
            let name = pronoun_name(t, subject[0], before);
            let speaker = format!("{} {}", t.render(&subject, name.as_deref()), t.s(sel[v]));
            let budget = max
                .saturating_sub(speaker.split_whitespace().count())
                .max(MIN_QUOTE_WORDS);
            let said = core(t, rest, None, before, budget);
            if !said.is_empty() {
                return finish(&format!("{speaker}: {}", capitalise(&said)));
            }
        }
    }
    if chosen.is_none() {
        chosen = good(max + SOFT_WORDS);
    }
    let (way, e) = chosen.unwrap_or_else(|| (&ways[0], cut(t, &ways[0], max, verb)));
    if e == 0 {
        return String::new();
    }
    let name = way.first().and_then(|&k| pronoun_name(t, k, before));
    finish(&t.render(&way[..e], name.as_deref()))
}

/// A subject of seven words or more shrinks to its names: "US Special
/// Representative Zalmay Khalizad, the chief US negotiator, and head of the
/// team, Mullah Abdul Ghani Baradar" to "... Zalmay Khalizad and Mullah
/// Abdul Ghani Baradar".
fn shorter_subject(t: &Text, sel: Vec<usize>) -> Vec<usize> {
    let Some(v) = t.first_verb(&sel) else {
        return sel;
    };
    if word_count(t, &sel[..v]) < 7 {
        return sel;
    }
    let subject = &sel[..v];
    // After a comma, a name in apposition; else the last capitalised run,
    // when what comes before it is not a function word ("for both Apple").
    let name_of = |part: &[usize]| -> Option<Vec<usize>> {
        let mut part: Vec<usize> = part
            .iter()
            .copied()
            .filter(|&k| !t.is_any(k, &["(", ")"]))
            .collect();
        while part.last().is_some_and(|&k| !t.word(k)) {
            part.pop();
        }
        if let Some(c) = part.iter().rposition(|&k| t.comma(k))
            && c + 1 < part.len()
            && part[c + 1..].iter().all(|&k| t.capital(k))
        {
            return Some(part[c + 1..].to_vec());
        }
        let mut run = part.iter().rev().take_while(|&&k| t.name_like(k)).count();
        // "Apple Inc. Steve Jobs": a company's abbreviation ends its name.
        if let Some(dot) = (1..run).find(|&r| {
            let w = t.s(part[part.len() - 1 - r]);
            w.ends_with('.')
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w[..w.len() - 1].contains('.')
        }) {
            run = dot;
        }
        let from = part.len() - run;
        let open = from == 0
            || t.s(part[from - 1]).ends_with('.')
            || (t.lowercase_word(part[from - 1]) && may_end(t, part[from - 1]))
            || t.comma(part[from - 1]);
        (run > 0 && open).then(|| part[from.max(part.len().saturating_sub(5))..].to_vec())
    };
    // Conjuncts: ", and" parts two subjects; "CEO and co-founder" is one.
    let ands: Vec<usize> = (1..subject.len())
        .filter(|&n| t.low(subject[n]) == "and" && t.comma(subject[n - 1]))
        .collect();
    let mut made = Vec::new();
    let mut from = 0;
    for &a in ands.iter().chain(std::iter::once(&subject.len())) {
        let Some(name) = name_of(&subject[from..a]) else {
            return sel;
        };
        if !made.is_empty() {
            made.push(subject[from - 1]);
        }
        made.extend(name);
        from = a + 1;
    }
    if word_count(t, &made) >= word_count(t, subject) {
        return sel;
    }
    made.extend(&sel[v..]);
    made
}

/// The first letter in capitals, unless the word has a capital inside
/// ("iPhone").
fn capitalise(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return text.to_string();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// Tidies a title: one line, one space between words, no function word or
/// punctuation at the end, balanced brackets and quotes, a capital first
/// letter.
pub(crate) fn finish(text: &str) -> String {
    let mut joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in [" ,", " .", " ;", " :"] {
        joined = joined.replace(p, &p[1..]);
    }
    let t = Text::new(&joined);
    let mut end = t.toks.len();
    while end > 0 {
        let last = end - 1;
        let closing = t.is_any(last, CLOSE_QUOTES) || t.is_any(last, &[")", "]"]);
        if (t.word(last) && may_end(&t, last)) || (closing && end >= 2 && t.word(last - 1)) {
            break;
        }
        end -= 1;
    }
    if end == 0 {
        return String::new();
    }
    let all: Vec<usize> = (0..end).collect();
    let mut out = t.render(&all, None);
    if out.ends_with('.') && !t.word(end - 1) {
        out.pop();
    }
    let mut out = out
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | ' '))
        .to_string();
    for (open, close) in [('(', ')'), ('[', ']'), ('\u{201C}', '\u{201D}')] {
        if out.matches(open).count() != out.matches(close).count() {
            out = out.replace([open, close], "");
        }
    }
    if out.matches('"').count() % 2 == 1 {
        out = out.replace('"', "");
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    capitalise(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_tagger::Tagger;
    use chrono::NaiveDate;

    /// The title of `sentence` dated by the first `date` in it.
    fn at(sentence: &str, date: &str) -> String {
        dated(sentence, date, &[])
    }

    fn dated(sentence: &str, date: &str, before: &[&str]) -> String {
        let start = sentence.find(date).unwrap();
        title(sentence, Some(start..start + date.len()), before)
    }

    #[test]
    fn titles_are_the_clause_of_the_date() {
        assert_eq!(
            at(
                "The US and the Taliban signed a historic agreement Saturday meant to finally bring an end to the 18-year conflict in Afghanistan.",
                "Saturday"
            ),
            "The US and the Taliban signed a historic agreement"
        );
        assert_eq!(
            at(
                "The war in Afghanistan began on Oct. 7, 2001, less than a month after the attacks.",
                "Oct. 7, 2001"
            ),
            "The war in Afghanistan began, less than a month after the attacks"
        );
        assert_eq!(
            title(
                "US Secretary of State Mike Pompeo has landed in Doha, Qatar, to attend the signing.",
                None,
                &[]
            ),
            "US Secretary of State Mike Pompeo has landed in Doha, Qatar"
        );
        // The date in a leading adverbial: the main clause tells the event.
        assert_eq!(
            at(
                "In a Wednesday media event, Apple Inc. released a new lineup of MacBook Air laptops and the 2011 version of the company's iLife software suite.",
                "Wednesday"
            ),
            "Apple Inc. released a new lineup of MacBook Air laptops"
        );
        assert_eq!(
            at(
                "Since the original iPhone was released in 2007, web servers for both Apple and AT&T have experienced issues at every new device launch.",
                "2007"
            ),
            "The original iPhone was released"
        );
        assert_eq!(
            at(
                "Formerly \"iPhone OS,\" iOS 4 was first introduced by Apple in April, and includes multitasking capabilities.",
                "April"
            ),
            "iOS 4 was first introduced by Apple"
        );
        assert_eq!(
            at(
                "iPhone 4 will be available on June 24 in the United States, United Kingdom, France, Germany, and Japan.",
                "June 24"
            ),
            "iPhone 4 will be available in the United States, United Kingdom, France, Germany"
        );
    }

    #[test]
    fn a_date_that_names_a_noun_titles_the_noun() {
        let bush = "President George W Bush ordered the US-led invasion of Afghanistan in response to the September 11 attacks in 2001.";
        assert_eq!(at(bush, "September 11"), "The September 11 attacks");
        assert_eq!(
            at(bush, "September 11 attacks in 2001"),
            "The September 11 attacks"
        );
        assert_eq!(
            at(
                "Pompeo said he was still angry about the September 11, 2001 attacks that were planned by Osama bin Laden.",
                "September 11, 2001"
            ),
            "The September 11, 2001 attacks that were planned by Osama bin Laden"
        );
        assert_eq!(
            at(
                "The war in Afghanistan began Oct. 7, 2001 in response to the Sept. 11, 2001 terrorist attacks, which were executed by al-Qa’ida militants.",
                "Sept. 11, 2001"
            ),
            "The Sept. 11, 2001 terrorist attacks, which were executed by al-Qa’ida militants"
        );
    }

    #[test]
    fn titles_end_where_a_phrase_ends() {
        assert_eq!(
            at(
                "Pompeo had privately told a conference of US ambassadors at the State Department this week that he was going only because President Donald Trump had insisted on his participation, according to two people present.",
                "this week"
            ),
            "Pompeo had privately told a conference of US ambassadors at the State Department"
        );
        assert_eq!(
            at(
                "- All Taliban warriors have been ordered not to carry out any types of attacks today.",
                "today"
            ),
            "All Taliban warriors have been ordered not to carry out any types of attacks"
        );
        assert_eq!(
            at(
                "The agreement, which follows a seven-day reduction in violence, commits the US to withdrawing 8,600 troops within the first 135 days and all remaining troops within 14 months of the signing.",
                "the first 135 days"
            ),
            "The agreement commits the US to withdrawing 8,600 troops and all remaining troops"
        );
        assert_eq!(
            at(
                "Earlier this year, Apple opened a 500,000 square foot data center in North Carolina intended to facilitate this new service.",
                "Earlier this year"
            ),
            "Apple opened a 500,000 square foot data center in North Carolina"
        );
        assert_eq!(
            at(
                "An iOS update released Thursday came with an updated, more accurate method of calculating the number of cellular signal bars to display, but did not actually prevent the signal loss that comes with covering the antenna.",
                "Thursday"
            ),
            "An iOS update released came with an updated, more accurate method"
        );
        assert_eq!(
            at(
                "Today's glitches were apparently in the transaction authorization process, the point when Apple transfers information over to AT&T servers.",
                "Today"
            ),
            "Today's glitches were apparently in the transaction authorization process"
        );
        assert_eq!(
            title(
                "During a media event held at its Cupertino headquarters, Apple released the long awaited iPhones Software Development Kit (SDK) and the associated iTunes \"App Store\" and iPhone Developer Program.",
                None,
                &[]
            ),
            "Apple released the long awaited iPhones Software Development Kit"
        );
    }

    #[test]
    fn a_clause_of_its_own_for_the_date() {
        assert_eq!(
            at(
                "In the late 1980's Apple Computer added audio recording abilities to its Macintosh computers, prompting Apple Corps to file suit again in 1989.",
                "1989"
            ),
            "Apple Computer added audio recording abilities, prompting Apple Corps to file suit"
        );
        assert_eq!(
            at(
                "Apple is the producer of the world's most-sold MP3 Player, the iPod and launched the iTunes Music Store, a online music store, on April 28, 2003.",
                "April 28, 2003"
            ),
            "Apple launched the iTunes Music Store"
        );
        assert_eq!(
            at(
                "It should be mentioned that the stock capital of Apple Inc tripled in 2004, doubled in 2005 and increased by 16 percent in 2006.",
                "2004"
            ),
            "The stock capital of Apple Inc tripled"
        );
        let pixar =
            "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005.";
        assert_eq!(
            at(pixar, "2005"),
            "Pixar was acquired by The Walt Disney Company"
        );
        assert_eq!(
            at(
                "Cisco states that it has received the trademark in 2000, when the company overtook Infogear Technology Corp., which took place in 1996.",
                "2000"
            ),
            "Cisco states that it has received the trademark"
        );
    }

    #[test]
    fn subjects_are_names() {
        assert_eq!(
            at(
                "After more than a year of challenging negotiations amid continued bloodshed in Afghanistan, US Special Representative Zalmay Khalizad, the chief US negotiator, and head of the Taliban’s negotiating team, Mullah Abdul Ghani Baradar, signed the agreement in Doha, Qatar.",
                "more than a year"
            ),
            "US Special Representative Zalmay Khalizad and Mullah Abdul Ghani Baradar signed the agreement"
        );
        assert_eq!(
            at(
                "The co-founder and former chief executive officer of Apple Inc. Steve Jobs has died yesterday at the age of 56, according to the company website.",
                "yesterday"
            ),
            "Steve Jobs has died at the age of 56"
        );
        assert_eq!(
            title(
                "Apple Computer CEO and co-founder Steve Jobs gave his annual opening keynote to the World Wide Developers Conference (WWDC) at Moscone Center in San Francisco, California on Monday.",
                None,
                &[]
            ),
            "Steve Jobs gave his annual opening keynote to the World Wide Developers Conference"
        );
        let tiger = title(
            "In chatrooms and on bulletin boards, Macintosh users and the Macintosh - curious are buzzing about Tiger, the newest version of Apple Computer's Mac OS X, version 10.4.",
            None,
            &[],
        );
        assert!(
            tiger
                .starts_with("Macintosh users and the Macintosh - curious are buzzing about Tiger")
        );
    }

    #[test]
    fn pronouns_take_the_name_before() {
        let born = "Jobs, born in San Francisco on February 24, 1955, has built the most valuable technology company in the world, with a market value of $348.8 billion.";
        let started = "He started Apple in 1976, and in 1984 the first Macintosh personal computer was released to the public.";
        let fired = "One year later he was fired from the company and he founded NeXT.";
        let pixar =
            "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005.";
        assert_eq!(dated(started, "1976", &[born]), "Jobs started Apple");
        assert_eq!(
            dated(fired, "One year later", &[started, born]),
            "Jobs was fired from the company and he founded NeXT"
        );
        // Through a chain of the same pronoun.
        assert_eq!(
            dated(pixar, "1986", &[fired, started, born]),
            "Jobs bought Pixar"
        );
        // Nobody named before: the pronoun stays.
        assert_eq!(dated(started, "1976", &[]), "He started Apple");
        // "it" takes a thing's name.
        assert_eq!(
            dated(
                "It is slated for a U.S. release on June 24, starting at US$199.",
                "June 24",
                &[
                    "The newest iPhone, iPhone 4 was introduced by Apple CEO Steve Jobs at the company's 2010 Worldwide Developer's Conference less than two weeks ago."
                ]
            ),
            "The newest iPhone is slated for a U.S. release"
        );
        assert_eq!(
            dated(
                "During his 2 hour speech he stated that \"Today Apple is going to reinvent the phone, We are going to make history today\".",
                "Today",
                &[
                    "Apple CEO Steve Jobs unveiled the device by walking onto the stage and taking the iPhone out of his jeans pocket."
                ]
            ),
            "Apple CEO Steve Jobs stated: Apple is going to reinvent the phone"
        );
    }

    #[test]
    fn quotations_name_the_speaker() {
        assert_eq!(
            title(
                "\u{201C}We are on the verge of a huge opportunity,\u{201D} Pompeo said on Saturday.",
                None,
                &[]
            ),
            "Pompeo said: We are on the verge of a huge opportunity"
        );
        assert_eq!(
            at(
                "\u{201C}Over the past week, we have observed a significant reduction in violence, which has created the necessary conditions for the United States to approve an agreement with the Taliban,\u{201D} Secretary of Defense Mark Esper said Saturday in Kabul, Afghanistan ahead of the signing.",
                "the past week"
            ),
            "Secretary of Defense Mark Esper said: We have observed a significant reduction in violence"
        );
        assert_eq!(
            at(
                "The US Embassy in Kabul said on Twitter: \"Today is a monumental day for Afghanistan. It is about making peace and crafting a common brighter future. We stand with Afghanistan.\"",
                "Today"
            ),
            "The US Embassy in Kabul said: Today is a monumental day for Afghanistan"
        );
        assert_eq!(
            at(
                "\u{201C}Today is the day of victory, which has come with the help of Allah,\u{201D} said Abbas Stanikzai, one of the Taliban\u{2019}s lead negotiators, who joined the march.",
                "Today"
            ),
            "Abbas Stanikzai said: Today is the day of victory"
        );
        // Reported speech: the speaker and the clause, shorter if need be.
        assert_eq!(
            at(
                "The change in policy will occur within the next six months, Apple announced this morning.",
                "this morning"
            ),
            "Apple announced: The change in policy will occur within the next six months"
        );
        assert_eq!(
            at(
                "Apple Inc. announced Friday that it will give owners of its new iPhone 4 a free case in response to mounting concerns over the device's antenna placement.",
                "Friday"
            ),
            "Apple Inc. will give owners of its new iPhone 4 a free case"
        );
    }

    #[test]
    fn odd_text_still_makes_a_title() {
        assert_eq!(finish("the withdrawal of all of the"), "The withdrawal");
        for odd in [
            "",
            "(",
            "\u{201C}",
            ", ,",
            "é",
            "on which on He a",
            "\"\"",
            "- -",
        ] {
            assert!(!title(odd, None, &[]).is_empty());
            assert!(!title(odd, Some(0..odd.len()), &[odd]).is_empty());
        }
    }

    /// The words of `text` as written, punctuation around them dropped.
    fn bare_words(text: &str) -> Vec<String> {
        text.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '$')
                    .to_string()
            })
            .filter(|w| !w.is_empty())
            .collect()
    }

    /// Over every sentence of the bundled articles, undated and at each of
    /// its dates: one line, at most a few more words than the aim, made of
    /// whole words of the sentence (or of a name before it for a pronoun),
    /// never ending on a function word.
    #[test]
    fn titles_of_the_bundled_articles_end_on_whole_content_words() {
        let tagger = Tagger::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        assert!(!files.is_empty());
        let mut checked = 0;
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let body = match text.strip_prefix("+++") {
                Some(rest) => rest.split_once("\n+++").map_or(rest, |(_, b)| b),
                None => text.as_str(),
            };
            let paragraphs = annals_core::text::paragraphs(body);
            let sentences = crate::sentences::split(body, &paragraphs);
            let dct = NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
            let timexes = tagger.tag(body, dct);
            for (n, s) in sentences.iter().enumerate() {
                let sentence = &body[s.span.clone()];
                let before: Vec<&str> = sentences[..n]
                    .iter()
                    .rev()
                    .take(3)
                    .map(|p| &body[p.span.clone()])
                    .collect();
                let mut dates = vec![None];
                dates.extend(
                    timexes
                        .iter()
                        .filter(|x| s.span.start <= x.byte_start && x.byte_end <= s.span.end)
                        .map(|x| Some(x.byte_start - s.span.start..x.byte_end - s.span.start)),
                );
                let mut allowed: Vec<String> = bare_words(sentence);
                for b in &before {
                    allowed.extend(bare_words(b));
                }
                let allowed: Vec<String> = allowed.iter().map(|w| lower(w)).collect();
                for date in dates {
                    let made = title(sentence, date.clone(), &before);
                    let context = format!("{sentence:?} at {date:?}: {made:?}");
                    assert!(!made.is_empty() && !made.contains('\n'), "{context}");
                    assert!(
                        made.split_whitespace().count() <= MAX_WORDS + 4,
                        "{context}"
                    );
                    for word in bare_words(&made) {
                        assert!(allowed.contains(&lower(&word)), "{word:?} cut: {context}");
                    }
                    let t = Text::new(&made);
                    let last = (0..t.toks.len()).rev().find(|&i| t.word(i)).unwrap();
                    let word = t.low(last);
                    let function = words().has(List::Prepositions, word)
                        || words().has(List::Determiners, word)
                        || words().has(List::NounPhraseDeterminers, word)
                        || words().has(List::ClauseBreaks, word)
                        || words().has(List::Modals, word)
                        || words().has(List::BeAny, word)
                        || word.ends_with("'s");
                    assert!(!function, "ends on {word:?}: {context}");
                    assert!(
                        !made.ends_with([',', ';', ':', '-']),
                        "ends on a mark: {context}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }
}
