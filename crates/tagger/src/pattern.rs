//! Extraction rules: the parser for `rules/patterns.txt` and the matcher that runs them over tokens.

use std::cell::Cell;

use super::context::{Document, Found};
use super::lexicon::{ClassId, Lexicon};
use super::numbers::{Found as Number, NumberClasses, Numbers};
use super::resolve::Action;
use super::slots::{Cap, Slot, Slots};
use super::timex::TimexType;
use super::tokens::{Kind, Token, UNKNOWN};

/// Most elements in one rule; with the number-phrase cap this bounds the work per token.
const MAX_ELEMENTS: usize = 16;

/// A built-in element that reads numbers (see `numbers.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    Num,
    Int,
    Year,
    ShortYear,
    Day,
    Ord,
    Decade,
    Clock,
    DotClock,
    Mm,
    Fraction,
}

/// Longest digit run told apart by the index of rules on numbers; longer
/// runs share the last list.
const INDEXED_DIGITS: usize = 19;

/// Farthest an anchor is looked for from a rule's first token, in tokens:
/// past it, looking costs more than trying the rule.
const MAX_ANCHOR_REACH: usize = 8;

impl Builtin {
    /// Whether the parser can read a number starting at a run of `digits`
    /// digits (the parsers below refuse every other length): the rules
    /// tried at a digit run are only those with an element that may read it.
    fn may_read_digits(self, digits: usize) -> bool {
        match self {
            Builtin::Num | Builtin::Ord => true,
            Builtin::Int => digits <= 4,
            Builtin::Year | Builtin::Decade => digits == 4,
            Builtin::ShortYear => digits == 2,
            Builtin::Day | Builtin::Clock | Builtin::DotClock | Builtin::Mm | Builtin::Fraction => {
                digits <= 2
            }
        }
    }

    fn parse(name: &str) -> Option<(Builtin, Slot)> {
        Some(match name {
            "num" => (Builtin::Num, Slot::Num),
            "int" => (Builtin::Int, Slot::Num),
            "year" => (Builtin::Year, Slot::Year),
            "yy" => (Builtin::ShortYear, Slot::Yy),
            "day" => (Builtin::Day, Slot::Day),
            "ord" => (Builtin::Ord, Slot::Ordinal),
            "decade" => (Builtin::Decade, Slot::Decade),
            "clock" => (Builtin::Clock, Slot::Clock),
            "dotclock" => (Builtin::DotClock, Slot::Clock),
            "mm" => (Builtin::Mm, Slot::Month),
            "fraction" => (Builtin::Fraction, Slot::Fraction),
            _ => return None,
        })
    }
}

/// One alternative of a rule element.
#[derive(Debug, Clone, PartialEq)]
pub enum Alt {
    /// A literal token, by vocabulary id.
    Word(u32),
    /// A phrase of a lexicon class, stored in a slot.
    Class(ClassId, Slot),
    /// A number read by a built-in parser, stored in a slot.
    Builtin(Builtin, Slot),
    /// A digit run of exactly this value, as written ("11" of a famous "September 11").
    Digits(u64),
}

/// One element of a rule: alternatives tried in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub alts: Vec<Alt>,
    pub optional: bool,
    /// The first token must start with a capital letter.
    pub capitalised: bool,
    /// A look-ahead: matches no token, and only where no alternative matches.
    pub negative: bool,
    /// A look-ahead: matches no token, and only where an alternative matches.
    pub ahead: bool,
    /// The token must follow the previous one with no space ("-" of "years-old").
    pub glued: bool,
}

impl Element {
    /// Whether the element may match no token (optional, or a look-ahead).
    fn zero_width(&self) -> bool {
        self.optional || self.negative || self.ahead
    }
}

/// One extraction rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub elements: Vec<Element>,
    pub kind: TimexType,
    pub action: Action,
    /// `key=value` constants, stored into slots before the action runs.
    pub constants: Vec<(Slot, ConstValue)>,
}

/// A rule constant.
#[derive(Debug, Clone, PartialEq)]
pub enum ConstValue {
    Num(f64),
    Text(Box<str>),
}

/// The outcome of matching at a token.
#[derive(Debug, Clone)]
pub enum Step {
    /// An expression was found.
    Found(Found),
    /// A `skip` rule matched: its tokens, up to this one, are not an expression.
    Skip(usize),
}

/// All rules, indexed by the tokens they can start with.
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// For each vocabulary id, the rules that can start at a token with that id, in file order.
    by_id: Vec<Vec<u16>>,
    /// By the number of digits of a digit token (up to [`INDEXED_DIGITS`]),
    /// the rules that can start at it, in file order.
    on_number: Vec<Vec<u16>>,
    numbers: Option<NumberClasses>,
    /// For each rule, what the token after its first must be, when its
    /// first element is one word (see [`Follow`]).
    follow: Vec<Option<Follow>>,
    /// For each rule, tokens some of its elements need near its first (see [`Anchor`]).
    anchors: Vec<Vec<Anchor>>,
    /// For each rule, what it needs at a digit run (see [`AfterNumber`]).
    after_number: Vec<Option<AfterNumber>>,
}

/// For a rule whose first element that can take a digit run is a number
/// read by one parser ("@premod? #num @unit …"): at a digit run, that
/// element starts at the run, so the rule can match only if the parser reads
/// a number there and the token after the number can start the rest. Some
/// twenty rules start with a number; at "1." or "2020 -" one reading of the
/// number (remembered for the rules) rejects them all. Anchors cannot: a
/// number's length is the parser's to say.
#[derive(Debug, Clone)]
struct AfterNumber {
    builtin: Builtin,
    /// What the token after the number may be, when something must follow it.
    next: Option<Starts>,
}

impl AfterNumber {
    fn of(rule: &Rule, numbers: NumberClasses) -> Option<AfterNumber> {
        // Words and classes never take a digit run (its id is `UNKNOWN`), so
        // the optional elements before the number take nothing there.
        let cannot_take_digits = |e: &Element| {
            e.alts
                .iter()
                .all(|alt| matches!(alt, Alt::Word(_) | Alt::Class(..)))
        };
        let mut elements = rule.elements.iter();
        let builtin = loop {
            let element = elements.next()?;
            if element.negative || element.ahead {
                continue;
            }
            if element.optional {
                if cannot_take_digits(element) {
                    continue;
                }
                return None;
            }
            // A digit run of a given value ("11" of "September 11") could
            // match where the parser reads nothing.
            if element.alts.iter().any(|alt| matches!(alt, Alt::Digits(_))) {
                return None;
            }
            let mut builtins = element.alts.iter().filter_map(|alt| match *alt {
                Alt::Builtin(b, _) => Some(b),
                _ => None,
            });
            let (Some(b), None) = (builtins.next(), builtins.next()) else {
                return None;
            };
            break b;
        };
        let mut next = Starts::default();
        let mut needed = false;
        for element in elements {
            // A look-ahead takes no token: the next one is another element's.
            if element.negative || element.ahead {
                continue;
            }
            for alt in &element.alts {
                next.add(alt, numbers);
            }
            if !element.optional {
                needed = true;
                break;
            }
        }
        next.finish();
        Some(AfterNumber {
            builtin,
            next: needed.then_some(next),
        })
    }
}

/// What the tokens an element may start with are: words, lexicon classes,
/// digit runs.
#[derive(Debug, Clone, Default)]
struct Starts {
    /// Words, sorted.
    ids: Vec<u32>,
    /// Classes whose phrases may start it (a bit set).
    classes: u64,
    /// Whether a digit run may start it.
    digits: bool,
}

impl Starts {
    /// Adds what `alt` may start with.
    fn add(&mut self, alt: &Alt, numbers: NumberClasses) {
        let ids = numbers.ids;
        let class_bit = |c: ClassId| 1u64 << c;
        match *alt {
            Alt::Word(id) => self.ids.push(id),
            Alt::Class(class, _) => self.classes |= class_bit(class),
            Alt::Digits(_) => self.digits = true,
            // What each number parser may start with (numbers.rs).
            Alt::Builtin(b, _) => {
                self.digits = true;
                match b {
                    // "seven", "a hundred".
                    Builtin::Num => {
                        self.classes |= class_bit(numbers.number);
                        self.ids.push(ids.a);
                    }
                    Builtin::Year => self.classes |= class_bit(numbers.number),
                    Builtin::Day | Builtin::Ord => {
                        self.classes |= class_bit(numbers.number) | class_bit(numbers.ordinal);
                    }
                    Builtin::Decade => self.ids.push(ids.apostrophe),
                    Builtin::Int
                    | Builtin::ShortYear
                    | Builtin::Clock
                    | Builtin::DotClock
                    | Builtin::Mm
                    | Builtin::Fraction => {}
                }
            }
        }
    }

    fn finish(&mut self) {
        self.ids.sort_unstable();
        self.ids.dedup();
    }

    /// Whether `token` may start what these are the starts of.
    fn admit(&self, lex: &Lexicon, token: &Token) -> bool {
        match token.kind {
            Kind::Number => self.digits,
            _ => {
                self.ids.binary_search(&token.id).is_ok()
                    || lex.may_start_any(self.classes, token.id)
            }
        }
    }
}

/// A token a rule needs and where: an element that must take a token, what
/// its alternatives may start with, and how far from the rule's first token
/// it can start. The elements before it take between `lo` and `hi` tokens,
/// so where none of the tokens from `i + lo` to `i + hi` can start it, the
/// rule cannot match at `i`. "@position? the @season" is tried at every
/// "the" (a position starts "the beginning of"), and its season must come one
/// to four tokens later: most are rejected at a look, before the rule is tried.
///
/// The words are kept as bits of a 64-bit set, a word's bit chosen by its id:
/// two words may share a bit, which lets a rule through that could not match
/// (it is tried, as without the anchor) but never stops one that could.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Anchor {
    lo: usize,
    hi: usize,
    /// Classes whose phrases may start the element (a bit set).
    classes: u64,
    /// The bits of the words that may start it.
    words: u64,
    /// Whether a digit run may start it.
    digits: bool,
}

/// A word's bit in [`Anchor::words`].
fn word_bit(id: u32) -> u64 {
    1 << (id % 64)
}

impl Anchor {
    /// The anchors of `rule`: each element that must take a token after the
    /// first, while the tokens taken before it are bounded. `lengths` gives
    /// each lexicon class's shortest and longest phrase, in tokens.
    fn of(rule: &Rule, numbers: NumberClasses, lengths: &[(usize, usize)]) -> Vec<Anchor> {
        let mut anchors = Vec::new();
        let (mut lo, mut hi) = (0, 0);
        for element in &rule.elements {
            // A look-ahead takes no token.
            if element.negative || element.ahead {
                continue;
            }
            let (mut min, mut max) = (usize::MAX, 0);
            for alt in &element.alts {
                let (least, most) = match *alt {
                    Alt::Word(_) | Alt::Digits(_) => (1, 1),
                    Alt::Class(class, _) => lengths
                        .get(usize::from(class))
                        .copied()
                        .unwrap_or((0, usize::MAX)),
                    // A number phrase's length is its parser's to say: unbounded here.
                    Alt::Builtin(..) => (0, usize::MAX),
                };
                min = min.min(least);
                max = max.max(most);
            }
            // An element with no alternatives matches nothing; keep `lo <= hi`.
            let min = min.min(max);
            if !element.optional {
                // At the first token, the index has chosen the rule already.
                if hi > 0 {
                    let mut starts = Starts::default();
                    for alt in &element.alts {
                        starts.add(alt, numbers);
                    }
                    anchors.push(Anchor {
                        lo,
                        hi,
                        classes: starts.classes,
                        words: starts.ids.iter().fold(0, |bits, &id| bits | word_bit(id)),
                        digits: starts.digits,
                    });
                }
                lo += min;
            }
            hi = hi.saturating_add(max);
            // Past the reach, so is every later element's start.
            if hi > MAX_ANCHOR_REACH {
                break;
            }
        }
        anchors
    }

    /// Whether some token in the anchor's reach may start its element.
    fn holds(&self, near: &Near) -> bool {
        let to = (self.hi + 1).min(near.len);
        (self.lo..to).any(|k| {
            if near.number & (1 << k) != 0 {
                self.digits
            } else {
                near.classes[k] & self.classes != 0 || near.words[k] & self.words != 0
            }
        })
    }
}

/// The tokens anchors look at from a rule's first token: that one and the
/// next [`MAX_ANCHOR_REACH`], as far as the text goes, each looked up once.
struct Near {
    /// The classes with a phrase starting at each token.
    classes: [u64; MAX_ANCHOR_REACH + 1],
    /// Each token's [`word_bit`].
    words: [u64; MAX_ANCHOR_REACH + 1],
    /// Which tokens are digit runs (bit `k` for token `i + k`).
    number: u32,
    len: usize,
}

impl Near {
    fn of(lex: &Lexicon, tokens: &[Token], i: usize) -> Near {
        let mut near = Near {
            classes: [0; MAX_ANCHOR_REACH + 1],
            words: [0; MAX_ANCHOR_REACH + 1],
            number: 0,
            len: 0,
        };
        for (k, token) in tokens.iter().skip(i).take(MAX_ANCHOR_REACH + 1).enumerate() {
            if token.kind == Kind::Number {
                near.number |= 1 << k;
            } else {
                near.classes[k] = lex.starts_of(token.id);
                near.words[k] = word_bit(token.id);
            }
            near.len = k + 1;
        }
        near
    }
}

/// For a rule whose first element is a plain choice of words ("the?",
/// "the"): the tokens its other elements may start with. Where the first
/// token is one of those words, the element takes it and nothing else, so
/// the rule can match only if the next token is one of these; "the" starts
/// some ninety rules, and this rejects most of them at one look.
#[derive(Debug, Clone)]
struct Follow {
    /// The words of the first element, sorted.
    first: Vec<u32>,
    /// What the next token may be.
    next: Starts,
}

impl Follow {
    /// The follow set of `rule`, if its first element is a plain choice of
    /// words and another element must take a token after it.
    fn of(rule: &Rule, numbers: NumberClasses) -> Option<Follow> {
        let (head, rest) = rule.elements.split_first()?;
        let plain = !head.negative && !head.ahead && !head.capitalised && !head.glued;
        let mut first = Vec::new();
        for alt in &head.alts {
            match *alt {
                Alt::Word(id) if plain => first.push(id),
                _ => return None,
            }
        }
        // Only where something after the first element must match.
        if rest.iter().all(Element::zero_width) {
            return None;
        }
        let mut next = Starts::default();
        for element in rest {
            // A look-ahead takes no token: the next one is another element's.
            if element.negative || element.ahead {
                continue;
            }
            for alt in &element.alts {
                next.add(alt, numbers);
            }
            if !element.optional {
                break;
            }
        }
        first.sort_unstable();
        next.finish();
        Some(Follow { first, next })
    }

    /// Whether the rule may match at token `i`: false only when its first
    /// element takes token `i` and token `i + 1` cannot start the rest.
    fn admits(&self, lex: &Lexicon, tokens: &[Token], i: usize) -> bool {
        let (Some(t), Some(next)) = (tokens.get(i), tokens.get(i + 1)) else {
            return true;
        };
        if self.first.binary_search(&t.id).is_err() {
            return true;
        }
        self.next.admit(lex, next)
    }
}

impl RuleSet {
    /// Parses `rules/patterns.txt`, adding its literal words to the lexicon's vocabulary.
    pub fn parse(source: &str, lex: &mut Lexicon) -> Result<RuleSet, String> {
        let numbers = NumberClasses::find(lex)?;
        let mut rules = Vec::new();
        for (n, raw) in source.lines().enumerate() {
            let line = raw.trim();
            // Builtins start with `#` too, so a comment is `#` followed by a space.
            if line.is_empty() || line == "#" || line.starts_with("# ") {
                continue;
            }
            let rule = parse_rule(line, lex)
                .map_err(|e| format!("patterns.txt:{}: {e}: {line}", n + 1))?;
            rules.push(rule);
        }
        if rules.len() > usize::from(u16::MAX) {
            return Err("patterns.txt: too many rules".into());
        }
        let mut set = RuleSet {
            rules,
            by_id: vec![Vec::new(); lex.vocabulary_len()],
            on_number: vec![Vec::new(); INDEXED_DIGITS + 1],
            numbers: Some(numbers),
            follow: Vec::new(),
            anchors: Vec::new(),
            after_number: Vec::new(),
        };
        set.index(lex, numbers);
        set.follow = set
            .rules
            .iter()
            .map(|rule| Follow::of(rule, numbers))
            .collect();
        let lengths = lex.phrase_lengths();
        set.anchors = set
            .rules
            .iter()
            .map(|rule| Anchor::of(rule, numbers, &lengths))
            .collect();
        set.after_number = set
            .rules
            .iter()
            .map(|rule| AfterNumber::of(rule, numbers))
            .collect();
        Ok(set)
    }

    /// The lexicon classes the number parsers read, once the rules are parsed.
    pub fn number_classes(&self) -> Option<NumberClasses> {
        self.numbers
    }

    /// Drops the shortcuts of the index (the rules on digit runs by their
    /// length, the follow sets, the anchors, what follows a number): every rule that may start at a token is
    /// tried, for tests to check that the shortcuts change no match.
    #[cfg(test)]
    pub fn without_shortcuts(&mut self) {
        let mut all: Vec<u16> = self.on_number.concat();
        all.sort_unstable();
        all.dedup();
        self.on_number.fill(all);
        self.follow.fill(None);
        self.anchors.fill(Vec::new());
        self.after_number.fill(None);
    }

    /// The parsed rules, in file order.
    #[cfg(test)]
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    fn index(&mut self, lex: &Lexicon, numbers: NumberClasses) {
        let words_of = |class: ClassId| -> Vec<u32> {
            lex.entries()
                .iter()
                .filter(|e| e.class == class)
                .map(|e| e.ids[0])
                .collect()
        };
        for (r, rule) in self.rules.iter().enumerate() {
            let mut ids = Vec::new();
            // For each number of digits, whether an element may read a digit run of it.
            let mut digits = [false; INDEXED_DIGITS + 1];
            for element in &rule.elements {
                for alt in &element.alts {
                    match *alt {
                        Alt::Word(id) => ids.push(id),
                        Alt::Digits(_) => digits.fill(true),
                        Alt::Class(class, _) => ids.extend(words_of(class)),
                        Alt::Builtin(b, _) => {
                            for (n, may) in digits.iter_mut().enumerate() {
                                *may |= b.may_read_digits(n);
                            }
                            match b {
                                Builtin::Num | Builtin::Year => {
                                    ids.extend(words_of(numbers.number))
                                }
                                Builtin::Day | Builtin::Ord => {
                                    ids.extend(words_of(numbers.ordinal));
                                    ids.extend(words_of(numbers.number));
                                }
                                Builtin::Decade => ids.push(lex.id("'")),
                                _ => {}
                            }
                        }
                    }
                }
                if !element.zero_width() {
                    break;
                }
            }
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                if let Some(list) = self.by_id.get_mut(id as usize) {
                    list.push(r as u16);
                }
            }
            for (n, may) in digits.into_iter().enumerate() {
                if may {
                    self.on_number[n].push(r as u16);
                }
            }
        }
    }

    /// The best rule match starting at token `i`, resolved: the longest match whose action
    /// succeeds, the earliest rule on a tie.
    pub fn best_match(
        &self,
        lex: &Lexicon,
        tokens: &[Token],
        i: usize,
        doc: &mut Document,
    ) -> Option<Step> {
        let t = tokens.get(i)?;
        let candidates = match t.kind {
            Kind::Number => &self.on_number[t.len().min(INDEXED_DIGITS)],
            _ if t.id == UNKNOWN => return None,
            _ => self.by_id.get(t.id as usize)?,
        };
        if candidates.is_empty() {
            return None;
        }
        let numbers = Numbers {
            lex,
            classes: self.numbers?,
            tokens,
        };
        let memo = ClassMemo::default();
        let near = Near::of(lex, tokens, i);
        let mut matches: Vec<(usize, u16, Slots)> = Vec::new();
        let mut slots = Slots::default();
        for &r in candidates {
            let rule = &self.rules[r as usize];
            if let Some(follow) = &self.follow[r as usize]
                && !follow.admits(lex, tokens, i)
            {
                continue;
            }
            if !self.anchors[r as usize].iter().all(|a| a.holds(&near)) {
                continue;
            }
            if t.kind == Kind::Number
                && let Some(after) = &self.after_number[r as usize]
            {
                // A number read is work, as it is when a rule reads it.
                doc.work += 1;
                let Some((len, _)) = memo.number(&numbers, after.builtin, i) else {
                    continue;
                };
                if let Some(next) = &after.next
                    && !tokens.get(i + len).is_some_and(|n| next.admit(lex, n))
                {
                    continue;
                }
            }
            slots.clear();
            if let Some(end) = self.match_rule(rule, &numbers, &memo, i, &mut slots, &mut doc.work)
            {
                matches.push((end, r, slots));
            }
        }
        matches.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (end, r, mut slots) in matches {
            let rule = &self.rules[r as usize];
            for (slot, value) in &rule.constants {
                slots.set(
                    *slot,
                    match value {
                        ConstValue::Num(n) => Cap::Num(*n),
                        ConstValue::Text(s) => Cap::Text(s),
                    },
                );
            }
            if rule.action == Action::Skip {
                return Some(Step::Skip(end));
            }
            if let Some(found) = doc.resolve(rule.action, rule.kind, &slots, i, end) {
                return Some(Step::Found(found));
            }
        }
        None
    }

    fn match_rule<'t>(
        &'t self,
        rule: &'t Rule,
        numbers: &Numbers<'t>,
        memo: &ClassMemo<'t>,
        start: usize,
        slots: &mut Slots<'t>,
        work: &mut u64,
    ) -> Option<usize> {
        let tokens = numbers.tokens;
        let mut j = start;
        for element in &rule.elements {
            *work += 1;
            if element.negative || element.ahead {
                let mut scratch = *slots;
                let hit = tokens.get(j).is_some_and(|t| {
                    !t.para_before
                        && (!element.glued || !t.space_before)
                        && element
                            .alts
                            .iter()
                            .any(|alt| match_alt(alt, numbers, memo, j, &mut scratch).is_some())
                });
                if hit == element.negative {
                    return None;
                }
                continue;
            }
            let matched = tokens.get(j).and_then(|t| {
                // Expressions never run across a paragraph break.
                if (j > start && t.para_before)
                    || (element.capitalised && !t.cap)
                    || (element.glued && t.space_before)
                {
                    return None;
                }
                element
                    .alts
                    .iter()
                    .find_map(|alt| match_alt(alt, numbers, memo, j, slots))
            });
            match matched {
                Some(len) => j += len,
                None if element.optional => {}
                None => return None,
            }
        }
        (j > start).then_some(j)
    }
}

/// The lexicon matches already made while trying the rules at one token:
/// the rules that start alike ask for the same class at the same place, and
/// a few slots remember the answers. Numbers are remembered the same way:
/// a digit run or "two" is read as a cardinal, a day or a clock time by most
/// of the two dozen rules tried there, and reading it again (the "13,000",
/// "7:30" and "twenty - four" checks) costs more than looking it up.
#[derive(Default)]
struct ClassMemo<'t> {
    slots: [Cell<Option<Remembered<'t>>>; 8],
    next: Cell<usize>,
    numbers: [Cell<Option<(Builtin, usize, Number)>>; 8],
    next_number: Cell<usize>,
}

/// A class asked for at a token, and the answer.
type Remembered<'t> = (ClassId, usize, Option<(usize, &'t str)>);

impl<'t> ClassMemo<'t> {
    fn match_class(
        &self,
        numbers: &Numbers<'t>,
        class: ClassId,
        j: usize,
    ) -> Option<(usize, &'t str)> {
        for slot in &self.slots {
            match slot.get() {
                Some((c, at, answer)) if c == class && at == j => return answer,
                Some(_) => {}
                None => break,
            }
        }
        let answer = numbers.lex.match_class(class, numbers.tokens, j);
        let next = self.next.get();
        self.slots[next % self.slots.len()].set(Some((class, j, answer)));
        self.next.set(next + 1);
        answer
    }

    /// What the built-in `b` reads at `j`, read once per position: the
    /// reading depends on nothing but the tokens, the same for every rule.
    fn number(&self, numbers: &Numbers<'t>, b: Builtin, j: usize) -> Number {
        for slot in &self.numbers {
            match slot.get() {
                Some((c, at, found)) if c == b && at == j => return found,
                Some(_) => {}
                None => break,
            }
        }
        let found = match b {
            Builtin::Num => numbers.cardinal(j),
            Builtin::Int => numbers.int(j, 4),
            Builtin::Year => numbers.year(j),
            Builtin::ShortYear => numbers.short_year(j),
            Builtin::Day => numbers.day(j),
            Builtin::Ord => numbers.ordinal(j),
            Builtin::Decade => numbers.decade(j),
            Builtin::Clock => numbers.clock(j),
            Builtin::DotClock => numbers.dot_clock(j),
            Builtin::Mm => numbers.month_digits(j),
            Builtin::Fraction => numbers.fraction(j),
        };
        let next = self.next_number.get();
        self.numbers[next % self.numbers.len()].set(Some((b, j, found)));
        self.next_number.set(next + 1);
        found
    }
}

fn match_alt<'t>(
    alt: &Alt,
    numbers: &Numbers<'t>,
    memo: &ClassMemo<'t>,
    j: usize,
    slots: &mut Slots<'t>,
) -> Option<usize> {
    let token = numbers.tokens.get(j)?;
    match *alt {
        Alt::Word(id) => (token.id == id).then_some(1),
        Alt::Digits(n) => (token.kind == Kind::Number && token.value == Some(n)).then_some(1),
        Alt::Class(class, slot) => {
            // Most classes tried at a token cannot start there: the lexicon's
            // bit set says so before the memo is searched.
            if !numbers.lex.may_start(class, token.id) {
                return None;
            }
            let (len, value) = memo.match_class(numbers, class, j)?;
            slots.set(slot, Cap::Text(value));
            Some(len)
        }
        Alt::Builtin(b, slot) => {
            let (len, value) = memo.number(numbers, b, j)?;
            slots.set(slot, Cap::Num(value));
            Some(len)
        }
    }
}

fn parse_rule(line: &str, lex: &mut Lexicon) -> Result<Rule, String> {
    let (pattern, action) = line.split_once("=>").ok_or("missing `=>`")?;
    let mut elements = Vec::new();
    for spec in pattern.split_whitespace() {
        elements.push(parse_element(spec, lex)?);
    }
    if elements.len() > MAX_ELEMENTS {
        return Err(format!("more than {MAX_ELEMENTS} elements"));
    }
    if elements.iter().all(Element::zero_width) {
        return Err("every element is optional or a look-ahead".into());
    }
    let mut words = action.split_whitespace();
    let kind = words.next().ok_or("missing type")?;
    let kind = TimexType::parse(kind).ok_or_else(|| format!("unknown type {kind}"))?;
    let name = words.next().ok_or("missing action")?;
    let action = Action::parse(name).ok_or_else(|| format!("unknown action {name}"))?;
    let mut constants = Vec::new();
    for word in words {
        let (key, value) = word
            .split_once('=')
            .ok_or_else(|| format!("constant {word} is not key=value"))?;
        let slot = Slot::parse(key).ok_or_else(|| format!("unknown slot {key}"))?;
        let value = match value.parse::<f64>() {
            Ok(n) if n.is_finite() && !value.contains(char::is_alphabetic) => ConstValue::Num(n),
            _ => ConstValue::Text(value.into()),
        };
        constants.push((slot, value));
    }
    Ok(Rule {
        elements,
        kind,
        action,
        constants,
    })
}

fn parse_element(spec: &str, lex: &mut Lexicon) -> Result<Element, String> {
    let (negative, rest) = match spec.strip_prefix('!').filter(|r| !r.is_empty()) {
        Some(rest) => (true, rest),
        None => (false, spec),
    };
    let (ahead, rest) = match rest.strip_prefix('&').filter(|r| !r.is_empty()) {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let (glued, rest) = match rest.strip_prefix('~').filter(|r| !r.is_empty()) {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let (capitalised, rest) = match rest.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let (optional, rest) = match rest.strip_suffix('?') {
        Some(r) if !r.is_empty() => (true, r),
        _ => (false, rest),
    };
    let mut alts = Vec::new();
    for alt in rest.split('|') {
        if let Some(name) = alt.strip_prefix('@').filter(|n| !n.is_empty()) {
            let (class, slot) = name.split_once(':').unwrap_or((name, name));
            let class = lex
                .class_id(class)
                .ok_or_else(|| format!("unknown class @{class}"))?;
            // A look-ahead keeps nothing, so its class needs no slot of its own.
            let scratch = (negative || ahead) && !name.contains(':');
            let slot = Slot::parse(slot)
                .or(scratch.then_some(Slot::Context))
                .ok_or_else(|| format!("unknown slot {slot}"))?;
            alts.push(Alt::Class(class, slot));
        } else if let Some(name) = alt.strip_prefix('#').filter(|n| !n.is_empty()) {
            let (builtin, slot) = name
                .split_once(':')
                .map_or((name, None), |(b, s)| (b, Some(s)));
            let (builtin, default) =
                Builtin::parse(builtin).ok_or_else(|| format!("unknown builtin #{builtin}"))?;
            let slot = match slot {
                Some(s) => Slot::parse(s).ok_or_else(|| format!("unknown slot {s}"))?,
                None => default,
            };
            alts.push(Alt::Builtin(builtin, slot));
        } else if !alt.is_empty() && alt.bytes().all(|b| b.is_ascii_digit()) {
            let n = alt
                .parse()
                .map_err(|_| format!("number {alt} is too long"))?;
            alts.push(Alt::Digits(n));
        } else {
            let words = super::tokens::split_phrase(alt);
            if words.len() != 1 {
                return Err(format!("literal {alt:?} is not exactly one token"));
            }
            alts.push(Alt::Word(lex.intern(&words[0])));
        }
    }
    Ok(Element {
        alts,
        optional,
        capitalised,
        negative,
        ahead,
        glued,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// The lexicon of the embedded tables and one rule parsed with it.
    fn parsed(line: &str) -> (Lexicon, NumberClasses, Rule) {
        let mut lex = Lexicon::parse(crate::LEXICON_SOURCE).expect("the lexicon reads");
        let numbers = NumberClasses::find(&mut lex).expect("the number classes are there");
        let rule = parse_rule(line, &mut lex).expect("the rule reads");
        (lex, numbers, rule)
    }

    #[test]
    fn an_anchor_spans_what_the_elements_before_it_may_take() {
        let (lex, numbers, rule) = parsed("@position? the @season => DATE season");
        let lengths = lex.phrase_lengths();
        let position = lex.class_id("position").expect("a position class");
        let season = lex.class_id("season").expect("a season class");
        let longest = lengths[usize::from(position)].1;
        assert!(longest >= 3, "\"the beginning of\" is a position");
        let anchors = Anchor::of(&rule, numbers, &lengths);
        let the = word_bit(lex.id("the"));
        assert_eq!(
            anchors,
            [
                Anchor {
                    lo: 0,
                    hi: longest,
                    classes: 0,
                    words: the,
                    digits: false
                },
                Anchor {
                    lo: 1,
                    hi: longest + 1,
                    classes: 1 << season,
                    words: 0,
                    digits: false
                },
            ]
        );
        let holds = |text: &str| {
            let tokens = tokenize(text, &lex);
            let near = Near::of(&lex, &tokens, 0);
            anchors.iter().all(|a| a.holds(&near))
        };
        assert!(holds("the spring"));
        assert!(holds("the beginning of the summer"));
        assert!(!holds("the war began in the north"), "no season near");
        assert!(!holds("the"), "the text ends before the season");
    }

    #[test]
    fn no_anchor_past_a_number_or_at_the_first_token() {
        let (lex, numbers, rule) = parsed("@premod? #num @unit @ago => DATE ago");
        let anchors = Anchor::of(&rule, numbers, &lex.phrase_lengths());
        // The number may start the rule (the index chose it there) or follow a
        // premodifier; what comes after it is as far as the number runs.
        assert_eq!(anchors.len(), 1, "{anchors:?}");
        assert_eq!(anchors[0].lo, 0);
        assert!(anchors[0].digits);
        let (lex, numbers, rule) = parsed("@month #day => DATE date");
        let anchors = Anchor::of(&rule, numbers, &lex.phrase_lengths());
        assert_eq!(
            anchors.len(),
            1,
            "the month is the first token: {anchors:?}"
        );
        assert_eq!((anchors[0].lo, anchors[0].digits), (1, true));
    }

    #[test]
    fn a_rule_on_a_number_needs_the_number_and_what_follows_it() {
        let (lex, numbers, rule) = parsed("@premod? #num @unit @ago => DATE ago");
        let after = AfterNumber::of(&rule, numbers).expect("a number rule");
        assert_eq!(after.builtin, Builtin::Num);
        let next = after.next.expect("a unit must follow");
        let admits = |word: &str| {
            let tokens = tokenize(word, &lex);
            next.admit(&lex, &tokens[0])
        };
        assert!(admits("year") && admits("day"));
        assert!(!admits(".") && !admits("people") && !admits("2020"));

        let (_, numbers, rule) = parsed("the? @position? #ord -? century => DATE century");
        let after = AfterNumber::of(&rule, numbers).expect("a number rule");
        assert_eq!(after.builtin, Builtin::Ord);
        let next = after.next.expect("a century must follow");
        assert_eq!(next.ids.len(), 2, "the hyphen or \"century\": {next:?}");

        // A word must come first; a digit run of a given value may match
        // where no parser reads a number; an optional number may come first;
        // two parsers may read it; a number may end the rule. A look-ahead
        // takes nothing, and a class beside the number never takes a digit run.
        for (line, builtin, next) in [
            ("@month #day => DATE date", None, false),
            ("@month? 11 => DATE date", None, false),
            ("the? #year? @season => DATE season", None, false),
            ("#clock|#dotclock @partday => TIME time", None, false),
            ("#year => DATE date", Some(Builtin::Year), false),
            (
                "!@month #num @unit => DURATION duration",
                Some(Builtin::Num),
                true,
            ),
            (
                "#num|@vague @unit !~- => DURATION duration",
                Some(Builtin::Num),
                true,
            ),
        ] {
            let (_, numbers, rule) = parsed(line);
            let found = AfterNumber::of(&rule, numbers);
            assert_eq!(
                found.as_ref().map(|a| a.builtin),
                builtin,
                "{line}: {found:?}"
            );
            assert_eq!(found.is_some_and(|a| a.next.is_some()), next, "{line}");
        }
    }
}
