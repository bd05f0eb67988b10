//! Slots: the named places in which a rule's elements store what they matched,
//! read by name by the normalisers.

use strum::{EnumCount, EnumString, IntoStaticStr};

/// Largest count accepted in a duration; "10,000-digit numbers" are not durations.
pub const MAX_COUNT: f64 = 1.0e6;

/// A named place in which a rule element stores what it matched; actions read
/// slots by name. The name in rule files is the lower-cased variant name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumCount, EnumString, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Slot {
    Month,
    Day,
    Year,
    /// A year written with two digits ("08/04/11"), in the century nearest the DCT.
    Yy,
    Yrel,
    Weekday,
    Weekdays,
    Num,
    Num2,
    Ordinal,
    Article,
    Unit,
    Units,
    Calunit,
    Rel,
    Initial,
    Ago,
    Relday,
    Season,
    Seasons,
    Partday,
    Partdays,
    Clockword,
    Clock,
    Timezone,
    Ampm,
    Vague,
    Premod,
    Position,
    Half,
    Ref,
    Frequency,
    Every,
    Decade,
    Decadeword,
    Fraction,
    Context,
    Shift,
    Mod,
    Event,
    Span,
    /// A famous date's year, kept only when the article comes after it.
    Famous,
    /// Set by rules of a date with its time of day ("Tue Aug 16, 2011 5:46
    /// pm IST"): the shape of a page's own timestamp.
    Stamp,
}

impl Slot {
    /// Number of slots.
    pub const COUNT: usize = <Slot as EnumCount>::COUNT;

    /// Looks a slot up by its name in rule files.
    pub fn parse(name: &str) -> Option<Slot> {
        name.parse().ok()
    }
}

/// What a slot holds: a number, or a value from the lexicon or a rule constant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cap<'t> {
    /// A number read from the text.
    Num(f64),
    /// A lexicon value or a rule constant.
    Text(&'t str),
}

// Which slots are set is a 64-bit mask.
const _: () = assert!(Slot::COUNT <= 64);

/// The slots filled by a rule match. A bit mask says which are set, so that clearing them
/// between rule attempts costs nothing.
#[derive(Debug, Clone, Copy)]
pub struct Slots<'t> {
    set: u64,
    values: [Cap<'t>; Slot::COUNT],
}

impl Default for Slots<'_> {
    fn default() -> Self {
        Slots {
            set: 0,
            values: [Cap::Num(0.0); Slot::COUNT],
        }
    }
}

impl<'t> Slots<'t> {
    /// Stores a value in a slot, replacing what was there.
    pub fn set(&mut self, slot: Slot, value: Cap<'t>) {
        self.values[slot as usize] = value;
        self.set |= 1 << slot as u32;
    }

    /// Empties every slot.
    pub fn clear(&mut self) {
        self.set = 0;
    }

    fn get(&self, slot: Slot) -> Option<Cap<'t>> {
        self.has(slot).then(|| self.values[slot as usize])
    }

    /// Whether the slot holds anything.
    pub fn has(&self, slot: Slot) -> bool {
        self.set & (1 << slot as u32) != 0
    }

    /// The slot's text, if it holds text.
    pub fn text(&self, slot: Slot) -> Option<&'t str> {
        match self.get(slot)? {
            Cap::Text(s) => Some(s),
            Cap::Num(_) => None,
        }
    }

    /// The slot's number: a number read from the text or a numeric lexicon value.
    pub fn num(&self, slot: Slot) -> Option<f64> {
        match self.get(slot)? {
            Cap::Num(n) => Some(n),
            Cap::Text(s) => s.parse().ok(),
        }
    }

    /// The slot's number if it is a whole number of reasonable size.
    pub fn int(&self, slot: Slot) -> Option<i64> {
        let n = self.num(slot)?;
        (n.fract() == 0.0 && n.abs() <= MAX_COUNT).then_some(n as i64)
    }
}
