//! Python `str` behaviour the scorer depends on: whitespace, word characters, line splitting.

/// Python's `str.isspace()` for one character: Rust's White_Space plus the
/// four information separators U+001C..U+001F, which Python counts as whitespace.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()` with no argument.
pub(crate) fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// A character of Python's `\w` in a `str` pattern: letters, numbers and `_`.
///
/// Python counts `isalnum()` characters; Rust's `is_alphanumeric` also counts the
/// few combining marks that are Alphabetic. Both agree on everything TimeML
/// attribute names and element names are made of.
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Python's `str.splitlines()`: lines without their ends, split at `\n`, `\r`,
/// `\r\n`, `\v`, `\f`, U+001C..U+001E, U+0085, U+2028 and U+2029.
pub(crate) fn splitlines(s: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\u{b}'
                | '\u{c}'
                | '\u{1c}'
                | '\u{1d}'
                | '\u{1e}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        lines.push(&s[start..i]);
        let mut next = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, d)| d == '\n') {
            chars.next();
            next += 1;
        }
        start = next;
    }
    if start < s.len() {
        lines.push(&s[start..]);
    }
    lines
}

/// Python's `s[a:b]` on code points, for `0 <= a` and `b` counted from the end
/// when negative (as in `t[9:-3]`): an empty string when the range is empty.
pub(crate) fn char_slice(s: &str, from: usize, from_end: usize) -> &str {
    let n = s.chars().count();
    let end = n.saturating_sub(from_end);
    if end <= from {
        return "";
    }
    let byte = |k: usize| s.char_indices().nth(k).map_or(s.len(), |(b, _)| b);
    &s[byte(from)..byte(end)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitlines_matches_python() {
        // python3 -c 'print("a\r\nb\rc\n\nd\x1ce\u2028f\n".splitlines())'
        assert_eq!(
            splitlines("a\r\nb\rc\n\nd\u{1c}e\u{2028}f\n"),
            ["a", "b", "c", "", "d", "e", "f"]
        );
        assert_eq!(splitlines(""), Vec::<&str>::new());
        assert_eq!(splitlines("\n"), [""]);
        assert_eq!(splitlines("x\r\r\ny"), ["x", "", "y"]);
        // \x1f is whitespace to Python but not a line break
        assert_eq!(splitlines("a\u{1f}b"), ["a\u{1f}b"]);
    }

    #[test]
    fn strip_counts_information_separators_as_space() {
        assert_eq!(strip("\u{1f} x \u{a0}\n"), "x");
        assert_eq!(strip("\u{1c}\u{1d}"), "");
        assert_eq!(strip("\u{200b}"), "\u{200b}"); // zero width space is not whitespace
    }

    #[test]
    fn char_slice_like_python() {
        assert_eq!(char_slice("<![CDATA[é]]>", 9, 3), "é");
        assert_eq!(char_slice("<![CDATA[>", 9, 3), "");
        assert_eq!(char_slice("<![CDATA[]]>", 9, 3), "");
    }
}
