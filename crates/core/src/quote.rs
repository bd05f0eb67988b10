//! Quote matching: finding a quote in an article the way a reader would, so
//! that whitespace, typographic quotes, apostrophes and dashes, and Unicode
//! normalisation (NFC) may differ while every other character must agree.
//!
//! Matching never builds a folded copy of a normalised article: it looks for
//! the longest piece of the quote that folding cannot change, verbatim and
//! with `memchr`'s substring search, then compares the rest of the quote
//! outwards from each hit, folding characters as it goes. Only an article
//! that is not in NFC is folded up front (and then only once).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

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

/// Whether a folded character comes only from itself: not a space (which
/// stands for any run of whitespace) and not one of the plain forms that
/// typographic punctuation folds to.
fn is_stable(c: char) -> bool {
    !matches!(c, ' ' | '\'' | '"' | '-')
}

/// A text folded for matching, remembering where each folded character came from.
struct Folded {
    text: String,
    /// For each char of `text`, its byte range in the original.
    origin: Vec<Range<usize>>,
    /// For each byte of `text`, the index of its char in `origin`.
    char_at_byte: Vec<usize>,
}

impl Folded {
    fn push(&mut self, c: char, from: Range<usize>) {
        let index = self.origin.len();
        self.origin.push(from);
        self.text.push(c);
        self.char_at_byte
            .extend(std::iter::repeat_n(index, c.len_utf8()));
    }
}

/// Whether `text` is in NFC, answered without table lookups for the usual
/// case: every character below U+0300 (Latin letters, precomposed or not,
/// never compose with a neighbour) or typographic punctuation (U+2002 to
/// U+206F). Anything else is asked of the normalisation tables.
fn is_nfc(text: &str) -> bool {
    plain(text.as_bytes()) || is_nfc_quick(text.chars()) == IsNormalized::Yes
}

/// Whether UTF-8 `bytes` hold only characters below U+0300 or from U+2002
/// to U+206F, read from the bytes without decoding: lead bytes up to 0xCB
/// start characters below U+0300; `E2 80`/`E2 81` start U+2000 to U+207F.
fn plain(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes at a time.
        if let Some(chunk) = bytes.get(i..i + 8)
            && u64::from_ne_bytes(chunk.try_into().unwrap_or_default()) & 0x8080_8080_8080_8080 == 0
        {
            i += 8;
            continue;
        }
        match bytes[i] {
            0x00..=0x7F => i += 1,
            0xC2..=0xCB => i += 2,
            0xE2 => {
                let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2)) else {
                    return false;
                };
                let c = 0x2000 + (u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F));
                if !(0x80..=0x81).contains(&b1) || !(0x2002..=0x206F).contains(&c) {
                    return false;
                }
                i += 3;
            }
            _ => return false,
        }
    }
    true
}

/// Whether a normalisation segment may start at `c`: a starter that nothing
/// before it can compose with. Every ASCII character is one.
fn starts_segment(c: char) -> bool {
    c.is_ascii()
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// Folds one ASCII character at byte `at`, as [`fold`] would.
fn push_ascii(folded: &mut Folded, b: u8, at: usize, in_space: &mut bool) {
    if b.is_ascii_whitespace() || b == 0x0B {
        if *in_space {
            if let Some(last) = folded.origin.last_mut() {
                last.end = at + 1;
            }
        } else {
            folded.push(' ', at..at + 1);
            *in_space = true;
        }
    } else {
        folded.push(char::from(b), at..at + 1);
        *in_space = false;
    }
}

/// Normalises `original` to NFC, collapses whitespace runs to one space and
/// folds typographic punctuation. Each folded character remembers the bytes of
/// the normalisation segment it came from.
fn fold(original: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(original.len()),
        origin: Vec::with_capacity(original.len()),
        char_at_byte: Vec::with_capacity(original.len()),
    };
    let mut segment_start = 0;
    let mut in_space = false;
    let flush = |folded: &mut Folded, range: Range<usize>, in_space: &mut bool| {
        let text = &original[range.clone()];
        for c in text.nfc() {
            if c.is_whitespace() {
                if *in_space {
                    // Widen the space's origin over the whole run.
                    if let Some(last) = folded.origin.last_mut() {
                        last.end = range.end;
                    }
                } else {
                    folded.push(' ', range.clone());
                    *in_space = true;
                }
            } else {
                folded.push(fold_punctuation(c), range.clone());
                *in_space = false;
            }
        }
    };
    let bytes = original.as_bytes();
    for (i, c) in original.char_indices() {
        if i > segment_start && starts_segment(c) {
            // A lone ASCII character is its own NFC: no need to normalise it.
            if i == segment_start + 1 && bytes[segment_start].is_ascii() {
                push_ascii(
                    &mut folded,
                    bytes[segment_start],
                    segment_start,
                    &mut in_space,
                );
            } else {
                flush(&mut folded, segment_start..i, &mut in_space);
            }
            segment_start = i;
        }
    }
    if segment_start < original.len() {
        flush(&mut folded, segment_start..original.len(), &mut in_space);
    }
    folded
}

/// [`fold`]'s text alone, without keeping where each character came from;
/// an ASCII text needs no normalisation, and a text already folded is
/// borrowed as it is.
fn fold_text(original: &str) -> Cow<'_, str> {
    // Most quotes are already folded: single spaces, no typographic marks.
    let plain = original.is_ascii()
        && !original.contains("  ")
        && !original
            .bytes()
            .any(|b| b.is_ascii_whitespace() && b != b' ' || b == 0x0B);
    // Or folded already though not ASCII ("Łukasz Yılmaz said"): every
    // character stays as it is.
    let folded = plain
        || (!original.contains("  ")
            && original.chars().all(|c| {
                if c.is_whitespace() {
                    c == ' '
                } else {
                    fold_punctuation(c) == c
                }
            })
            && is_nfc(original));
    if folded {
        return Cow::Borrowed(original);
    }
    let mut out = String::with_capacity(original.len());
    let mut push = |c: char| {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(fold_punctuation(c));
        }
    };
    if is_nfc(original) {
        original.chars().for_each(&mut push);
    } else {
        original.nfc().for_each(&mut push);
    }
    Cow::Owned(out)
}

/// A quote, folded for matching.
#[derive(Debug, Clone)]
struct Needle<'q> {
    /// The folded quote: NFC, one space per whitespace run, plain punctuation;
    /// borrowed from the quote when folding changes nothing.
    text: Cow<'q, str>,
    /// The longest run of stable characters (a byte range of `text`): where
    /// to look first, verbatim.
    anchor: Range<usize>,
}

impl<'q> Needle<'q> {
    /// Folds a quote; `None` if nothing is left of it.
    fn new(quote: &'q str) -> Option<Needle<'q>> {
        let text = fold_text(quote.trim());
        if text.is_empty() {
            return None;
        }
        // The unstable characters are ASCII, and no byte of a longer UTF-8
        // character is ASCII, so runs can be cut byte by byte.
        let mut best = 0..0;
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if !is_stable(c) {
                start = i + c.len_utf8();
            } else if i + c.len_utf8() - start > best.len() {
                best = start..i + c.len_utf8();
            }
        }
        Some(Needle { text, anchor: best })
    }
}

/// An article body prepared for matching many quotes against it.
pub struct Haystack<'a> {
    body: &'a str,
    /// Whether the body is known to be in NFC, which allows the verbatim search.
    nfc: bool,
    /// The whole body folded, for bodies that are not in NFC.
    folded: OnceLock<Folded>,
}

impl<'a> Haystack<'a> {
    /// Prepares `body`; this only checks whether it is normalised.
    pub fn new(body: &'a str) -> Self {
        Haystack {
            body,
            nfc: is_nfc(body),
            folded: OnceLock::new(),
        }
    }

    /// Like [`Haystack::find`], for a quote already folded.
    fn find_needle(&self, needle: &Needle<'_>) -> Option<Range<usize>> {
        if self.nfc && !needle.anchor.is_empty() {
            return self.find_from_anchor(needle);
        }
        let hay = self.folded.get_or_init(|| fold(self.body));
        let at = memchr::memmem::find(hay.text.as_bytes(), needle.text.as_bytes())?;
        let first = hay.char_at_byte[at];
        let last = hay.char_at_byte[at + needle.text.len() - 1];
        Some(hay.origin[first].start..hay.origin[last].end)
    }

    /// Like [`find_quote`], against this body.
    pub fn find(&self, quote: &str) -> Option<Range<usize>> {
        self.find_needle(&Needle::new(quote)?)
    }

    /// Every verbatim occurrence of the anchor, in order, checked outwards.
    /// Matches are found in the order they start, so the first is the earliest.
    fn find_from_anchor(&self, needle: &Needle<'_>) -> Option<Range<usize>> {
        let body = self.body;
        let anchor = &needle.text[needle.anchor.clone()];
        let before = &needle.text[..needle.anchor.start];
        let after = &needle.text[needle.anchor.end..];
        // Occurrences may overlap ("bb" in "bbb"), so each search starts one
        // byte after the last hit rather than after its end.
        let finder = memchr::memmem::Finder::new(anchor.as_bytes());
        let mut from = 0;
        while let Some(hit) = finder.find(&body.as_bytes()[from..]) {
            let at = from + hit;
            let end = at + anchor.len();
            if let (Some(start), Some(rest)) = (
                match_backwards(&body[..at], before),
                match_forwards(&body[end..], after),
            ) {
                return Some(start..end + rest);
            }
            from = at + 1;
        }
        None
    }
}

/// Matches folded `want` against the end of `text`, folding as it goes;
/// returns where the match starts in `text`.
fn match_backwards(text: &str, want: &str) -> Option<usize> {
    let mut chars = text.char_indices().rev().peekable();
    let mut start = text.len();
    for w in want.chars().rev() {
        let (i, c) = chars.next()?;
        if w == ' ' {
            if !c.is_whitespace() {
                return None;
            }
            start = i;
            while let Some(&(j, c)) = chars.peek() {
                if !c.is_whitespace() {
                    break;
                }
                start = j;
                chars.next();
            }
        } else if c.is_whitespace() || fold_punctuation(c) != w {
            return None;
        } else {
            start = i;
        }
    }
    Some(start)
}

/// Matches folded `want` against the start of `text`, folding as it goes;
/// returns where the match ends in `text`.
fn match_forwards(text: &str, want: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let mut end = 0;
    for w in want.chars() {
        let (i, c) = chars.next()?;
        if w == ' ' {
            if !c.is_whitespace() {
                return None;
            }
            end = i + c.len_utf8();
            while let Some(&(j, c)) = chars.peek() {
                if !c.is_whitespace() {
                    break;
                }
                end = j + c.len_utf8();
                chars.next();
            }
        } else if c.is_whitespace() || fold_punctuation(c) != w {
            return None;
        } else {
            end = i + c.len_utf8();
        }
    }
    // A combining mark right after the match belongs to its last character.
    if let Some(&(_, c)) = chars.peek()
        && canonical_combining_class(c) != 0
    {
        return None;
    }
    Some(end)
}

/// Finds `quote` in `body`, treating runs of whitespace as equal, typographic
/// quotes, apostrophes and dashes as their plain forms, and both texts as NFC.
///
/// Returns the byte range of the first occurrence in `body`, trimmed to the
/// quote's first and last non-space characters.
pub fn find_quote(body: &str, quote: &str) -> Option<Range<usize>> {
    Haystack::new(body).find(quote)
}

/// Where a quote that was not found parts from the article's nearest line:
/// what of it matches, and the words on each side where they differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    /// 0-based line of the body most like the quote.
    pub line: usize,
    /// Byte range of that line in the body.
    pub range: Range<usize>,
    /// The start of the quote that the line has verbatim (after folding), if any.
    pub agreed: String,
    /// What the line has where they part (a few words), if anything.
    pub article_has: String,
    /// What the quote has there.
    pub quote_has: String,
}

/// The line of `body` most like `quote`, and where the two part, for "did you
/// mean" hints when a quote is not found. Lines are scored by the words they
/// share with the quote.
pub fn nearest(body: &str, quote: &str) -> Option<Near> {
    let words = |s: &str| -> Vec<String> {
        fold_text(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let wanted = words(quote);
    if wanted.is_empty() {
        return None;
    }
    let (line, range) = crate::text::line_ranges(body)
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
        .map(|(_, i, r)| (i, r))?;
    let line_text = fold_text(&body[range.clone()]);
    let want: Vec<char> = fold_text(quote.trim()).chars().collect();
    // The longest start of the quote that the line has, found by halving.
    let has = |n: usize| line_text.contains(&want[..n].iter().collect::<String>());
    let (mut lo, mut hi) = (0, want.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if has(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let agreed: String = want[..lo].iter().collect();
    let few_words = |s: &str| -> String {
        let mut out = String::new();
        for (n, w) in s.split(' ').filter(|w| !w.is_empty()).enumerate() {
            if n == 3 || out.len() + w.len() > 40 {
                out.push('…');
                break;
            }
            if n > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    };
    let quote_rest: String = want[lo..].iter().collect();
    let article_rest = if lo == 0 {
        String::new()
    } else {
        line_text
            .find(&agreed)
            .map(|at| line_text[at + agreed.len()..].to_string())
            .unwrap_or_default()
    };
    Some(Near {
        line,
        range,
        article_has: few_words(&article_rest),
        quote_has: few_words(&quote_rest),
        agreed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: fold both sides completely and search.
    fn slow(body: &str, quote: &str) -> Option<Range<usize>> {
        let hay = fold(body);
        let needle = fold(quote.trim()).text;
        if needle.is_empty() {
            return None;
        }
        let at = hay.text.find(&needle)?;
        let first = hay.char_at_byte[at];
        let last = hay.char_at_byte[at + needle.len() - 1];
        Some(hay.origin[first].start..hay.origin[last].end)
    }

    #[test]
    fn plain_text_is_read_from_the_bytes() {
        for c in [
            '\u{0}', 'a', 'é', '\u{2ff}', '\u{300}', '\u{2001}', '\u{2002}', '“', '\u{206f}',
            '\u{2070}', '€', '한',
        ] {
            let expected = c < '\u{300}' || ('\u{2002}'..='\u{206F}').contains(&c);
            let text = format!("abcdefghij{c}xyz");
            assert_eq!(plain(text.as_bytes()), expected, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_quick_nfc_answer_is_right() {
        for text in [
            "plain",
            "“curly” — ‘quotes’",
            "café",
            "cafe\u{301}",
            "\u{2000}",
            "Å",
            "A\u{30a}",
            "한",
        ] {
            assert_eq!(
                is_nfc(text),
                text.nfc().collect::<String>() == text,
                "{text:?}"
            );
        }
    }

    #[test]
    fn folding_the_text_alone_agrees_with_folding_with_origins() {
        for text in [
            "a  b\n c",
            "“q” — x",
            "cafe\u{301} de",
            "  ",
            "x\u{a0}\u{a0}y",
            "\u{2019}",
        ] {
            assert_eq!(fold_text(text), fold(text).text, "{text:?}");
        }
    }

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
        assert_eq!(
            find_quote(body, "Taliban ordered all of its fighters. And"),
            None
        );
    }

    #[test]
    fn the_first_occurrence_wins_even_when_folded() {
        let body = "a “b” c. a \"b\" c.";
        assert_eq!(find_quote(body, "a \"b\" c"), Some(0..11));
        assert_eq!(find_quote(body, "\"b\""), Some(2..9));
    }

    #[test]
    fn quotes_match_across_unicode_normalisation() {
        // NFC article, NFD quote, and the other way round; offsets stay in the original.
        let nfc = "Le café de Doha.";
        let nfd = "Le cafe\u{301} de Doha.";
        assert_eq!(find_quote(nfc, "cafe\u{301} de"), Some(3..11));
        let span = find_quote(nfd, "café de").unwrap();
        assert_eq!(&nfd[span], "cafe\u{301} de");
        // A base letter followed by a combining mark is not that letter alone.
        assert_eq!(find_quote(nfd, "cafe"), None);
        assert_eq!(find_quote("cafe\u{301}", "cafe"), None);
    }

    #[test]
    fn quotes_without_stable_characters_still_match() {
        let body = "one — “ ‘two’ ” — three";
        assert_eq!(find_quote(body, "- \" '").map(|r| &body[r]), Some("— “ ‘"));
    }

    #[test]
    fn nearest_shows_where_the_quote_parts_from_the_line() {
        let body = "Alpha beta.\nThe Taliban ordered all fighters to stop.\nGamma.";
        let near = nearest(body, "Taliban ordered every fighter").unwrap();
        assert_eq!(near.line, 1);
        assert_eq!(
            &body[near.range.clone()],
            "The Taliban ordered all fighters to stop."
        );
        assert_eq!(near.agreed, "Taliban ordered ");
        assert_eq!(near.article_has, "all fighters to…");
        assert_eq!(near.quote_has, "every fighter");
        assert_eq!(nearest(body, "zzz"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn the_fast_path_agrees_with_folding_everything(
            body in "[ab \n“”'\"—-]{0,40}",
            start in 0usize..40,
            len in 1usize..12,
        ) {
            let chars: Vec<char> = body.chars().collect();
            let from = start.min(chars.len());
            let to = (from + len).min(chars.len());
            let quote: String = chars[from..to].iter().collect();
            proptest::prop_assert_eq!(find_quote(&body, &quote), slow(&body, &quote));
            let other: String = quote.chars().rev().collect();
            proptest::prop_assert_eq!(find_quote(&body, &other), slow(&body, &other));
        }
    }
}
