//! Tagging a long text in pieces, so that the tagger's tokens (about 48
//! bytes a word) are held for one piece at a time: a 50 MB article asked for
//! 400 MB of them at once. Drafting and `annals extract` both read this way.

use std::ops::Range;

use chrono::NaiveDate;

use crate::{Tagger, Timex};

/// The most of a text the tagger reads at once. A relative date at the
/// start of a piece counts from the document's date rather than from the
/// date before it, so an article up to this size is tagged as a whole.
pub const PIECE: usize = 1 << 18;

/// `text` cut into pieces of at most about `most` bytes, each ending where
/// a sentence does (`ends`: the byte offsets where sentences end, ascending)
/// if one ends in its second half, else at a space, else wherever a
/// character ends. A text no longer than `most` is one piece.
pub fn pieces(text: &str, ends: &[usize], most: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while text.len() - from > most {
        let mut limit = from + most;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let ended = ends.partition_point(|&end| end <= limit);
        let cut = match ended.checked_sub(1).map(|k| ends[k]) {
            Some(end) if end > from + most / 2 => end,
            _ => match text[from..limit].rfind(char::is_whitespace) {
                Some(at) if at > 0 => from + at,
                _ => limit,
            },
        };
        out.push(from..cut);
        from = cut;
    }
    out.push(from..text.len());
    out
}

/// The byte offsets where a plain text's sentences likely end: after `.`,
/// `?` or `!` followed by whitespace, and at each line's end. Good enough
/// to cut pieces at; a cut inside a sentence only costs a relative date
/// its anchor.
pub fn rough_sentence_ends(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    for (i, pair) in bytes.windows(2).enumerate() {
        let ends_here = matches!(pair[0], b'.' | b'?' | b'!') && pair[1].is_ascii_whitespace();
        if ends_here || pair[0] == b'\n' {
            ends.push(i + 1);
        }
    }
    ends
}

impl Tagger {
    /// Tags `text` one piece at a time (as [`pieces`] cuts it), handing each
    /// piece's expressions, with offsets into `text`, to `each` before the
    /// next piece is read; stops at the first error `each` returns.
    pub fn tag_in_pieces<E>(
        &self,
        text: &str,
        dct: NaiveDate,
        pieces: &[Range<usize>],
        mut each: impl FnMut(Vec<Timex>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut chars_before = 0;
        for piece in pieces {
            let part = &text[piece.clone()];
            let mut found = self.tag(part, dct);
            for t in &mut found {
                t.byte_start += piece.start;
                t.byte_end += piece.start;
                t.start += chars_before;
                t.end += chars_before;
            }
            each(found)?;
            chars_before += part.chars().count();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_and_cut_at_a_space_inside_an_endless_sentence() {
        let text = "word ".repeat(1_000);
        let pieces = pieces(&text, &[], 256);
        assert_eq!(pieces.first().map(|p| p.start), Some(0));
        assert_eq!(pieces.last().map(|p| p.end), Some(text.len()));
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
        assert!(pieces.iter().all(|p| p.len() <= 256));
        assert!(
            pieces[..pieces.len() - 1]
                .iter()
                .all(|p| text[p.end..].starts_with(' '))
        );
        // One word longer than a piece is cut at a character's edge.
        let word = "é".repeat(1_000);
        let pieces = super::pieces(&word, &[], 255);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| word.is_char_boundary(p.start)));
    }

    #[test]
    fn rough_ends_follow_full_stops_and_lines() {
        let text = "He left. She stayed? Yes!\nThe U.S.A. end";
        let ends = rough_sentence_ends(text);
        let cut: Vec<&str> = ends.iter().map(|&e| &text[..e]).collect();
        assert_eq!(
            cut,
            [
                "He left.",
                "He left. She stayed?",
                "He left. She stayed? Yes!",
                "He left. She stayed? Yes!\n",
                "He left. She stayed? Yes!\nThe U.S.A."
            ]
        );
    }

    #[test]
    fn a_text_tagged_in_pieces_has_the_dates_and_offsets_of_the_whole() {
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&format!(
                "Le café in Málaga opened on {} March 2019 — officials said so. ",
                i % 28 + 1
            ));
        }
        let tagger = Tagger::new();
        let dct = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let whole = tagger.tag(&text, dct);
        let ends = rough_sentence_ends(&text);
        let cut = pieces(&text, &ends, 300);
        assert!(cut.len() > 5);
        let mut pieced = Vec::new();
        tagger
            .tag_in_pieces(&text, dct, &cut, |found| {
                pieced.extend(found);
                Ok::<(), ()>(())
            })
            .unwrap();
        let seen = |ts: &[Timex]| -> Vec<_> {
            ts.iter()
                .map(|t| {
                    (
                        t.start,
                        t.end,
                        t.byte_start,
                        t.byte_end,
                        t.value.to_string(),
                    )
                })
                .collect()
        };
        assert_eq!(whole.len(), 40);
        assert_eq!(seen(&pieced), seen(&whole));
        for t in &pieced {
            assert_eq!(&text[t.byte_start..t.byte_end], t.text);
            assert_eq!(text[..t.byte_start].chars().count(), t.start);
        }
    }
}
