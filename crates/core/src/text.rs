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

/// Lower-case letters and digits, other runs as one `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "article".to_string()
    } else {
        out
    }
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
