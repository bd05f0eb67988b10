//! JSON that is safe on a terminal: serde_json's output, with DEL, C1
//! controls and bidirectional overrides escaped as well as what JSON requires,
//! so no string from an article reaches a terminal as a raw control character.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Writes `value` as pretty-printed JSON (no newline after it).
pub fn write_pretty<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Safe(PrettyFormatter::new()));
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Writes `value` as JSON on one line (no newline after it).
pub fn write_line<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Safe(CompactFormatter));
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// A serde_json formatter that also escapes the characters a terminal acts on
/// but JSON allows raw.
struct Safe<F>(F);

/// Whether a character must be written as `\uXXXX` although JSON allows it raw.
fn must_escape(c: char) -> bool {
    c == '\u{7F}' || crate::text::is_terminal_hazard(c)
}

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Every character to escape starts with one of these bytes (DEL, and
        // the lead bytes of U+0080–U+009F and of U+2000–U+2FFF), none of which
        // is ever the middle of a character: the text between them is copied
        // at memchr's speed instead of being decoded.
        let bytes = fragment.as_bytes();
        let mut done = 0;
        for at in memchr::memchr3_iter(0x7F, 0xC2, 0xE2, bytes) {
            let Some(c) = fragment.get(at..).and_then(|rest| rest.chars().next()) else {
                continue;
            };
            if must_escape(c) {
                writer.write_all(&bytes[done..at])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                done = at + c.len_utf8();
            }
        }
        writer.write_all(&bytes[done..])
    }

    // The layout is the wrapped formatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_controls_and_bidi_overrides_are_escaped() {
        let mut out = Vec::new();
        write_line(&mut out, "a\u{9b}31m\u{202e}b\u{1b}c é\u{7f}").unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "\"a\\u009b31m\\u202eb\\u001bc é\\u007f\"");
        let back: String = serde_json::from_str(&text).unwrap();
        assert_eq!(back, "a\u{9b}31m\u{202e}b\u{1b}c é\u{7f}");
        let mut pretty = Vec::new();
        write_pretty(&mut pretty, &["\u{85}"]).unwrap();
        assert_eq!(String::from_utf8(pretty).unwrap(), "[\n  \"\\u0085\"\n]");
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_back_and_nothing_to_escape_is_left_raw(
            text in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{200e}\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}’“”—é])*"
        ) {
            let mut out = Vec::new();
            write_line(&mut out, &text).unwrap();
            let json = String::from_utf8(out).unwrap();
            proptest::prop_assert!(!json.chars().any(|c| must_escape(c) || c.is_control()), "{json:?}");
            let back: String = serde_json::from_str(&json).unwrap();
            proptest::prop_assert_eq!(back, text);
        }
    }
}
