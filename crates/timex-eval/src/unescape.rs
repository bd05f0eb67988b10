//! Python's `html.unescape`, which decodes the gold text and attribute values.

use std::borrow::Cow;

use crate::entity_table::{DROPPED, NAMED, REMAPPED};

/// Decodes character references exactly as Python's `html.unescape` does: every
/// HTML5 named reference (legacy names such as `&amp` also without `;`, longest
/// known prefix first), decimal and hexadecimal references with Python's
/// replacements for invalid code points; anything else is left as it is.
pub(crate) fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((len, decoded)) => {
                out.push_str(&decoded);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference after an `&` as Python's pattern
/// `&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)` sees it:
/// its length in bytes and what it decodes to, or `None` when nothing matches.
fn reference(after: &str) -> Option<(usize, String)> {
    let bytes = after.as_bytes();
    if let Some(num) = after.strip_prefix('#') {
        let (radix, digits_from) = match num.as_bytes().first() {
            Some(b'0'..=b'9') => (10, 1),
            Some(b'x' | b'X') => (16, 2),
            _ => return None,
        };
        let digits = after[digits_from..]
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        let mut len = digits_from + digits;
        let value = after[digits_from..len]
            .bytes()
            .try_fold(0u32, |acc, b| {
                acc.checked_mul(radix)?
                    .checked_add((b as char).to_digit(radix)?)
            })
            .unwrap_or(u32::MAX);
        if bytes.get(len) == Some(&b';') {
            len += 1;
        }
        return Some((len, numeric(value)));
    }
    let name_len: usize = after
        .chars()
        .take_while(|c| !matches!(c, '\t' | '\n' | '\u{c}' | ' ' | '<' | '&' | '#' | ';'))
        .take(32)
        .map(char::len_utf8)
        .sum();
    if name_len == 0 {
        return None;
    }
    let len = name_len + usize::from(bytes.get(name_len) == Some(&b';'));
    Some((len, named(&after[..len])))
}

/// A numeric reference's text (`_replace_charref` for `#...`).
fn numeric(num: u32) -> String {
    if let Ok(i) = REMAPPED.binary_search_by_key(&num, |&(n, _)| n) {
        return REMAPPED[i].1.to_owned();
    }
    if (0xD800..=0xDFFF).contains(&num) || num > 0x10FFFF {
        return '\u{FFFD}'.to_string();
    }
    if DROPPED.binary_search(&num).is_ok() {
        return String::new();
    }
    char::from_u32(num).map(String::from).unwrap_or_default()
}

/// A named reference's text (`_replace_charref` for names): the whole name, else
/// the longest known prefix of at least two characters followed by the rest,
/// else the reference unchanged.
fn named(name: &str) -> String {
    let lookup = |n: &str| {
        NAMED
            .binary_search_by_key(&n, |&(k, _)| k)
            .ok()
            .map(|i| NAMED[i].1)
    };
    if let Some(text) = lookup(name) {
        return text.to_owned();
    }
    let ends: Vec<usize> = name.char_indices().map(|(b, _)| b).skip(2).collect();
    for &end in ends.iter().rev() {
        if let Some(text) = lookup(&name[..end]) {
            return format!("{text}{}", &name[end..]);
        }
    }
    format!("&{name}")
}

#[cfg(test)]
mod tests {
    use super::unescape;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        use crate::entity_table::{DROPPED, NAMED, REMAPPED};
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(REMAPPED.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(DROPPED.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(NAMED.len(), 2231);
    }

    /// Expected values printed by `python3 -c 'import html; print(repr(html.unescape(S)))'`.
    #[test]
    fn decodes_like_python_html_unescape() {
        let cases = [
            ("AT&amp;T", "AT&T"),
            ("&lt;b&gt; &quot;x&quot; &apos;y&apos;", "<b> \"x\" 'y'"),
            ("&amp", "&"),
            ("&ampfoo", "&foo"),
            ("&notit;", "\u{ac}it;"),
            ("&notin;", "\u{2209}"),
            ("&eacute;t&eacute", "\u{e9}t\u{e9}"),
            ("&Eacute;", "\u{c9}"),
            ("&nosuch;", "&nosuch;"),
            ("& amp;", "& amp;"),
            ("&&amp;", "&&"),
            ("&#65;&#x42;&#X43;&#68", "ABCD"),
            ("&#0;", "\u{fffd}"),
            ("&#128;&#x80;", "\u{20ac}\u{20ac}"),
            ("&#x81;", "\u{81}"),
            ("&#13;", "\r"),
            ("&#1;x", "x"),
            ("&#xfffe;", ""),
            ("&#xD800;", "\u{fffd}"),
            ("&#x110000;", "\u{fffd}"),
            ("&#99999999999999999999;", "\u{fffd}"),
            ("&#;&#x;&#xg;", "&#;&#x;&#xg;"),
            ("&#0065;", "A"),
            ("&NotEqualTilde;", "\u{2242}\u{338}"),
            ("&amp;amp;", "&amp;"),
            ("&ampé", "&é"),
        ];
        for (input, want) in cases {
            assert_eq!(unescape(input), want, "unescape({input:?})");
        }
    }

    #[test]
    fn names_are_cut_at_32_characters() {
        // 33 letters: the name is its first 32, no prefix is known, so nothing changes
        let long = format!("&{}", "a".repeat(33));
        assert_eq!(unescape(&long), long);
        // a known legacy prefix of a long run still decodes: "&amp" + 30 more letters
        let s = format!("&amp{};", "x".repeat(40));
        assert_eq!(unescape(&s), format!("&{};", "x".repeat(40)));
    }
}
