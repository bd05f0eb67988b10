//! Text helpers: matching quotes against article bodies, paragraphs, and making
//! untrusted article text safe to show on a terminal.

use std::borrow::Cow;
use std::ops::Range;

/// Maps typographic punctuation to its plain form, so a quote typed with
/// straight quotes matches an article set with curly ones (and vice versa).
/// Only quotes, apostrophes and dashes are folded: nothing else is fuzzy.
fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        c => c,
    }
}

/// A text folded for matching, remembering where each folded character came from.
struct Folded {
    text: String,
    /// For each char of `text`, its byte range in the original.
    origin: Vec<Range<usize>>,
    /// For each byte of `text`, the index of its char in `origin`.
    char_at_byte: Vec<usize>,
}

/// Collapses every run of whitespace to one space and folds typographic punctuation.
fn fold(original: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(original.len()),
        origin: Vec::with_capacity(original.len()),
        char_at_byte: Vec::with_capacity(original.len()),
    };
    let mut iter = original.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        let (out, end) = if c.is_whitespace() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, w)) = iter.peek() {
                if !w.is_whitespace() {
                    break;
                }
                end = i + w.len_utf8();
                iter.next();
            }
            (' ', end)
        } else {
            (fold_punctuation(c), start + c.len_utf8())
        };
        let index = folded.origin.len();
        folded.origin.push(start..end);
        folded.text.push(out);
        folded
            .char_at_byte
            .extend(std::iter::repeat_n(index, out.len_utf8()));
    }
    folded
}

/// Finds `quote` in `body`, treating runs of whitespace as equal and typographic
/// quotes, apostrophes and dashes as their plain forms.
///
/// Returns the byte range of the first occurrence in `body`, trimmed to the
/// quote's first and last non-space characters.
pub fn find_quote(body: &str, quote: &str) -> Option<Range<usize>> {
    Haystack::new(body).find(quote)
}

/// An article body folded once for matching many quotes against it.
pub struct Haystack(Folded);

impl Haystack {
    /// Folds `body` for matching.
    pub fn new(body: &str) -> Self {
        Haystack(fold(body))
    }

    /// Like [`find_quote`], against the folded body.
    pub fn find(&self, quote: &str) -> Option<Range<usize>> {
        let needle = fold(quote.trim());
        if needle.text.is_empty() {
            return None;
        }
        let hay = &self.0;
        let at = hay.text.find(&needle.text)?;
        let first = hay.char_at_byte[at];
        let last = hay.char_at_byte[at + needle.text.len() - 1];
        Some(hay.origin[first].start..hay.origin[last].end)
    }
}

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
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push(start..end);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// The 0-based line of `body` most like `quote`, for "did you mean" hints when a
/// quote is not found. Scores lines by the words they share with the quote.
pub fn nearest_line(body: &str, quote: &str) -> Option<(usize, Range<usize>)> {
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let wanted = words(quote);
    if wanted.is_empty() {
        return None;
    }
    line_ranges(body)
        .into_iter()
        .enumerate()
        .filter(|(_, r)| !body[r.clone()].trim().is_empty())
        .map(|(i, r)| {
            let have = words(&body[r.clone()]);
            let shared = wanted.iter().filter(|w| have.contains(w)).count();
            (shared, i, r)
        })
        .filter(|(shared, _, _)| *shared > 0)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, i, r)| (i, r))
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

/// The character to show in place of `c`.
pub fn safe_char(c: char) -> char {
    match c {
        '\n' => '\n',
        '\t' => ' ',
        '\r' => '\u{240D}',
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        '\u{80}'..='\u{9F}'
        | '\u{200E}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_match_across_typography_and_whitespace() {
        let body = "He said “not  allow any\nof its members” today — really.";
        let span = find_quote(body, "\"not allow any of its members\"").unwrap();
        assert_eq!(&body[span], "“not  allow any\nof its members”");
        let span = find_quote(body, "today - really").unwrap();
        assert_eq!(&body[span], "today — really");
    }

    #[test]
    fn quotes_are_otherwise_exact() {
        let body = "The Taliban ordered all of its fighters.";
        assert_eq!(find_quote(body, "the taliban ordered"), None);
        assert_eq!(find_quote(body, "Taliban orders"), None);
        assert_eq!(find_quote(body, "   "), None);
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
    fn nearest_line_prefers_most_shared_words() {
        let body = "Alpha beta.\nThe Taliban ordered all fighters.\nGamma.";
        let (line, range) = nearest_line(body, "Taliban ordered every fighter").unwrap();
        assert_eq!(line, 1);
        assert_eq!(&body[range], "The Taliban ordered all fighters.");
        assert_eq!(nearest_line(body, "zzz"), None);
    }

    #[test]
    fn sanitize_makes_escapes_visible() {
        assert_eq!(sanitize("plain"), Cow::Borrowed("plain"));
        assert_eq!(sanitize("a\u{1b}[31mb\n"), "a␛[31mb\n");
        assert_eq!(sanitize("x\u{202E}y\u{9b}"), "x\u{FFFD}y\u{FFFD}");
        assert_eq!(sanitize_line("a\nb\tc\r"), "a b c␍");
    }
}
