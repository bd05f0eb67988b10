//! Sources: the articles a timeline quotes, each a file of TOML front matter
//! between `+++` lines followed by the article body, verbatim.

use std::ops::Range;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::text;

/// One article.
///
/// Made with [`Source::new`] from what it cannot do without (an id, a
/// publication date, the body), then `with_…` for the rest, so that a field
/// added later has a default and no caller changes. The body's paragraphs
/// are worked out once, from the body, and cannot drift from it: the body
/// and its paragraphs are read through [`Source::body`] and
/// [`Source::paragraphs`], never set apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Short id, the file name without `.txt`.
    pub id: String,
    /// A descriptive title.
    pub title: String,
    /// The outlet, where the article itself names it.
    pub outlet: Option<String>,
    /// Publication date, as the article is dated.
    pub published: NaiveDate,
    /// When it was published, to the second, where the article says
    /// (a JSON Lines timestamp, a front-matter datetime); a time written
    /// without an offset is taken as UTC.
    pub published_at: Option<DateTime<FixedOffset>>,
    /// Where it was published online.
    pub url: Option<String>,
    /// Language tag, such as `en`.
    pub language: Option<String>,
    /// Anything a reader should know about the text.
    pub note: Option<String>,
    /// The file it came from, as shown in messages.
    pub path: PathBuf,
    /// The 1-based line of the file on which the body starts.
    pub body_line: usize,
    /// The article, exactly as published.
    body: String,
    /// Byte ranges of the body's paragraphs.
    paragraphs: Vec<Range<usize>>,
}

impl Source {
    /// An article with this id, publication date and body, and nothing else
    /// known: no title, outlet, URL, language or note; its path is
    /// `ID.txt` and its body starts on line 1 until said otherwise.
    pub fn new(id: impl Into<String>, published: NaiveDate, body: impl Into<String>) -> Source {
        let id = id.into();
        let body = body.into();
        Source {
            path: PathBuf::from(format!("{id}.txt")),
            id,
            title: String::new(),
            outlet: None,
            published,
            published_at: None,
            url: None,
            language: None,
            note: None,
            body_line: 1,
            paragraphs: text::paragraphs(&body),
            body,
        }
    }

    /// With this title.
    pub fn with_title(mut self, title: impl Into<String>) -> Source {
        self.title = title.into();
        self
    }

    /// With this outlet, if known.
    pub fn with_outlet(mut self, outlet: Option<String>) -> Source {
        self.outlet = outlet;
        self
    }

    /// Published at this moment, if known.
    pub fn with_published_at(mut self, at: Option<DateTime<FixedOffset>>) -> Source {
        self.published_at = at;
        self
    }

    /// With this URL, if known.
    pub fn with_url(mut self, url: Option<String>) -> Source {
        self.url = url;
        self
    }

    /// With this language tag, if known.
    pub fn with_language(mut self, language: Option<String>) -> Source {
        self.language = language;
        self
    }

    /// With this note for readers, if any.
    pub fn with_note(mut self, note: Option<String>) -> Source {
        self.note = note;
        self
    }

    /// Read from this file, its body starting on this 1-based line.
    pub fn with_file(mut self, path: impl Into<PathBuf>, body_line: usize) -> Source {
        self.path = path.into();
        self.body_line = body_line;
        self
    }

    /// With this body instead, and its paragraphs.
    pub fn with_body(mut self, body: impl Into<String>) -> Source {
        self.body = body.into();
        self.paragraphs = text::paragraphs(&self.body);
        self
    }

    /// The article, exactly as published.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// Byte ranges of the body's paragraphs, in order: separated by blank
    /// lines, or one a line in a body with no blank line at all.
    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    /// The outlet if known, else the title: how the source is named in lists.
    pub fn label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.title)
    }

    /// The byte range of the paragraph(s) covering `span` of the body.
    pub fn paragraph_around(&self, span: &Range<usize>) -> Range<usize> {
        let mut covering = self
            .paragraphs
            .iter()
            .filter(|p| p.start < span.end.max(span.start + 1) && span.start < p.end);
        match (covering.clone().next(), covering.next_back()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => span.clone(),
        }
    }
}

/// A source file split into its parts; offsets are bytes into the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML between the `+++` lines.
    pub front_matter: &'a str,
    /// Where the front matter starts in the file.
    pub front_matter_offset: usize,
    /// The article body.
    pub body: &'a str,
    /// Where the body starts in the file.
    pub body_offset: usize,
}

/// What is wrong with a file's front matter fences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FenceError {
    /// The first line is not `+++`.
    Missing,
    /// No closing `+++` line.
    Unclosed,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "+++"
}

/// Splits a source file into front matter and body. A UTF-8 byte order mark
/// before the first fence is allowed.
pub fn split(file: &str) -> Result<Split<'_>, FenceError> {
    let start = if file.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = text::lines(file).skip_while(|r| r.end <= start);
    let first = lines.next().ok_or(FenceError::Missing)?;
    if !is_fence(&file[start.max(first.start)..first.end]) {
        return Err(FenceError::Missing);
    }
    let front_matter_offset = (first.end + 1).min(file.len());
    for line in lines {
        if is_fence(&file[line.clone()]) {
            let body_offset = file[line.end..]
                .find('\n')
                .map_or(file.len(), |i| line.end + i + 1);
            return Ok(Split {
                front_matter: &file[front_matter_offset..line.start],
                front_matter_offset,
                body: &file[body_offset..],
                body_offset,
            });
        }
    }
    Err(FenceError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_the_body_verbatim() {
        let file = "+++\ntitle = \"t\"\n+++\nBody line\n\nmore";
        let s = split(file).unwrap();
        assert_eq!(s.front_matter, "title = \"t\"\n");
        assert_eq!(s.body, "Body line\n\nmore");
        assert_eq!(&file[s.body_offset..], s.body);
        assert_eq!(&file[s.front_matter_offset..][..5], "title");
    }

    #[test]
    fn split_reports_missing_and_unclosed_fences() {
        assert_eq!(split("title = 1\n"), Err(FenceError::Missing));
        assert_eq!(split(""), Err(FenceError::Missing));
        assert_eq!(split("+++\ntitle = 1\n"), Err(FenceError::Unclosed));
        assert!(split("\u{feff}+++\r\n+++\r\nx").is_ok());
    }

    #[test]
    fn paragraph_around_covers_spans_across_paragraphs() {
        let day = NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
        let source = Source::new("s", day, "One two.\n\nThree four.\n\nFive.").with_title("t");
        assert_eq!(source.paragraph_around(&(4..7)), 0..8);
        assert_eq!(source.paragraph_around(&(4..14)), 0..21);
        assert_eq!(source.label(), "t");
        assert_eq!(source.paragraphs(), [0..8, 10..21, 23..28]);
        assert_eq!(source.path, std::path::Path::new("s.txt"));
    }
}
