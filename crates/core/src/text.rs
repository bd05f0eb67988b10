//! Text helpers: paragraphs and lines of an article, and the one sanitiser
//! that makes untrusted text safe to show on a terminal.

use std::borrow::Cow;
use std::ops::Range;

/// Splits an article body into paragraphs (byte ranges, trimmed of surrounding
/// whitespace). Paragraphs are separated by blank lines; an article with no blank
/// line at all puts one paragraph on each line, as some outlets do.
pub fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let lines = line_ranges(body);
    let has_blank = lines.iter().any(|r| body[r.clone()].trim().is_empty());
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines {
        let blank = body[line.clone()].trim().is_empty();
        if blank {
            out.extend(current.take());
            continue;
        }
        match &mut current {
            Some(range) if has_blank => range.end = line.end,
            _ => {
                out.extend(current.take());
                current = Some(line);
            }
        }
    }
    out.extend(current);
    out.into_iter()
        .map(|r| trim_range(body, r))
        .filter(|r| !r.is_empty())
        .collect()
}

/// The byte range of each line of `text`, without its line terminator.
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    lines(text).collect()
}

/// The byte range of each line of `text`, without its line terminator, as
/// they are found.
pub fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut newlines = memchr::memchr_iter(b'\n', bytes);
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let (end, next) = match newlines.next() {
            Some(i) => (i, i + 1),
            None => (bytes.len(), bytes.len()),
        };
        let line_end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        let line = start..line_end;
        start = next;
        Some(line)
    })
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// [`slug_part`] in ASCII, as event ids are written (they are named in
/// computed dates, "signing + 135 days"): accents taken off (`élan` is
/// `elan`), other letters left out.
pub fn ascii_slug_part(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let plain: String = text.nfd().filter(|c| !is_combining_mark(*c)).collect();
    let slug = slug_part(&plain);
    let ascii: String = slug.chars().filter(char::is_ascii).collect();
    ascii.trim_matches('-').to_string()
}

/// A count with its noun, singular for one: "1 event", "2 events" (the
/// noun's plural is its `s` form: "1 less salient happening", "3 sources").
pub fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// An id as it is compared when it is not found as written: lower-case
/// letters and digits only, so `Wire_Story`, `wire-story` and `wire_story`
/// (ids an older rule made from one file name) are one.
pub fn loose_id(id: &str) -> String {
    id.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The order in which people number things: runs of digits compared as
/// numbers (`2-x` before `10-x`, `sun-9` before `sun-10`), the rest as
/// text; strings equal that way (`007` and `7`) in plain order, so the
/// order is total.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
    while let (Some(&c), Some(&d)) = (x.first(), y.first()) {
        if c.is_ascii_digit() && d.is_ascii_digit() {
            let (n, m) = (digits(x), digits(y));
            let strip = |s: &[u8]| {
                let zeros = s.iter().take_while(|&&c| c == b'0').count();
                s[zeros..].to_vec()
            };
            let (p, q) = (strip(&x[..n]), strip(&y[..m]));
            let by_value = p.len().cmp(&q.len()).then_with(|| p.cmp(&q));
            if by_value != Ordering::Equal {
                return by_value;
            }
            (x, y) = (&x[n..], &y[m..]);
        } else {
            if c != d {
                return c.cmp(&d);
            }
            (x, y) = (&x[1..], &y[1..]);
        }
    }
    x.len().cmp(&y.len()).then_with(|| a.cmp(b))
}

/// The one rule for ids annals makes (sources from file names or titles,
/// events from titles): lower-case letters, digits and `_`, other runs as
/// one `-`; `article` if nothing is left.
pub fn slug(text: &str) -> String {
    let out = slug_part(text);
    if out.is_empty() {
        "article".to_string()
    } else {
        out
    }
}

/// [`slug`]'s rule, empty if nothing is left: for ids made of several
/// words. An apostrophe joins (`trump's` is `trumps`).
pub fn slug_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else if matches!(c, '\'' | '\u{2019}') {
            continue;
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Makes untrusted text safe to write to a terminal: control characters become
/// visible Unicode "control pictures" (␛ for ESC), bidirectional overrides and C1
/// controls become U+FFFD, tabs become a space. Newlines are kept.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(safe_char).collect())
}

/// Like [`sanitize`], but for one line: newlines become spaces as well.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\n' || needs_escape(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if c == '\n' { ' ' } else { safe_char(c) })
            .collect(),
    )
}

fn needs_escape(c: char) -> bool {
    c != '\n' && safe_char(c) != c
}

/// Whether a terminal acts on `c` though text formats allow it raw: a C1
/// control, or a mark that reorders bidirectional text. Every output that
/// may reach a terminal (text, JSON, TOML) escapes these.
pub fn is_terminal_hazard(c: char) -> bool {
    matches!(
        c,
        '\u{80}'..='\u{9F}' | '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The character to show in place of `c`.
pub fn safe_char(c: char) -> char {
    match c {
        '\n' => '\n',
        '\t' => ' ',
        '\r' => '\u{240D}',
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        c if is_terminal_hazard(c) => '\u{FFFD}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_names_sort_as_numbers() {
        let mut ids = vec![
            "10-b", "2-a", "sun-10", "sun-9", "sun", "007", "7", "a", "B",
        ];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            ids,
            [
                "2-a", "007", "7", "10-b", "B", "a", "sun", "sun-9", "sun-10"
            ]
        );
        assert_eq!(natural_cmp("x2", "x2"), std::cmp::Ordering::Equal);
    }

    #[test]
    fn one_slug_rule_lower_case_whatever_the_name() {
        assert_eq!(
            slug("7343_Apple_introduces iPhone"),
            "7343_apple_introduces-iphone"
        );
        assert_eq!(slug("Genève talks (draft) "), "genève-talks-draft");
        assert_eq!(slug("???"), "article");
        assert_eq!(slug("Trump’s deal"), "trumps-deal");
        assert_eq!(loose_id("Wire_Story"), loose_id("wire-story"));
        assert_eq!(ascii_slug_part("Élan, Genève"), "elan-geneve");
        assert_eq!(ascii_slug_part("中文"), "");
    }

    #[test]
    fn paragraphs_split_on_blank_lines_or_on_lines() {
        let body = "One\ncontinues.\n\n\nTwo.\n";
        let p = paragraphs(body);
        assert_eq!(p.len(), 2);
        assert_eq!(&body[p[0].clone()], "One\ncontinues.");
        assert_eq!(&body[p[1].clone()], "Two.");
        let body = "One.\nTwo.\nThree.";
        assert_eq!(paragraphs(body).len(), 3);
    }

    #[test]
    fn sanitize_makes_escapes_visible() {
        assert_eq!(sanitize("plain"), Cow::Borrowed("plain"));
        assert_eq!(sanitize("a\u{1b}[31mb\n"), "a␛[31mb\n");
        assert_eq!(sanitize("x\u{202E}y\u{9b}"), "x\u{FFFD}y\u{FFFD}");
        assert_eq!(sanitize_line("a\nb\tc\r"), "a b c␍");
    }
}
