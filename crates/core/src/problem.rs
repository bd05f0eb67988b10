//! Data problems: what is wrong in a data folder, where, and what to do about it.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::text::sanitize_line;

/// A 1-based line and column in a file; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// The start of a file.
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte offset `offset` in `text`.
    ///
    /// An offset past the end, or inside a character, is clamped to the
    /// nearest character boundary before it, so this never panics.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }
}

/// Finds the line and column of many byte offsets in one text without
/// rescanning it: line starts are indexed once, and offsets asked for in
/// increasing order on one line continue counting where the last one stopped,
/// so a long line costs its length once, not once per offset.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    text: &'a str,
    /// Shared by the clones that read one text on several threads.
    line_starts: std::sync::Arc<[usize]>,
    last: (usize, Position),
}

impl<'a> Locator<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Locator {
            text,
            line_starts: line_starts.into(),
            last: (0, Position::START),
        }
    }

    /// The position of byte `offset`, clamped as [`Position::of_offset`] does.
    pub fn position(&mut self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let line_start = self.line_starts[line - 1];
        let (last_offset, last) = self.last;
        let (from, column) = if last.line == line && last_offset <= offset {
            (last_offset, last.column)
        } else {
            (line_start, 1)
        };
        let column = column + self.text[from..offset].chars().count();
        let position = Position { line, column };
        self.last = (offset, position);
        position
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One thing wrong with a data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file it is in, as the user named it (relative to where they ran annals).
    pub path: PathBuf,
    /// Where in the file.
    pub position: Position,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Problem {
    /// A problem at `position` in `path`.
    pub fn new(path: impl Into<PathBuf>, position: Position, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            position,
            message: message.into(),
            help: None,
        }
    }

    /// Adds advice on what to do.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `path:line:column`, the form editors and terminals turn into links.
    pub fn location(&self) -> String {
        format!("{}:{}", self.path.display(), self.position)
    }
}

impl fmt::Display for Problem {
    /// `path:line:column: message`, then the help indented below. Messages quote
    /// ids, names and paths from the data, so every part is made safe for a
    /// terminal here, where all of them leave annals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            sanitize_line(&self.location()),
            sanitize_line(&self.message)
        )?;
        if let Some(help) = &self.help {
            for line in help.lines() {
                write!(f, "\n    {}", sanitize_line(line))?;
            }
        }
        Ok(())
    }
}

/// Every problem found in a data folder, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// No problems yet.
    pub fn new() -> Self {
        Problems::default()
    }

    /// Records a problem.
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems, sorted by file then position.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter()
    }

    /// Sorts by file and position, so reports read top to bottom.
    pub(crate) fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
    }

    /// Whether any problem is in `path`.
    pub fn mentions(&self, path: &Path) -> bool {
        self.0.iter().any(|p| p.path == path)
    }
}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.0 {
            writeln!(f, "error: {problem}")?;
        }
        let n = self.0.len();
        write!(f, "{n} problem{} found", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for Problems {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "ab\n“é” x";
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 3),
            Position { line: 2, column: 1 }
        );
        let x = text.find('x').unwrap();
        assert_eq!(
            Position::of_offset(text, x),
            Position { line: 2, column: 5 }
        );
    }

    #[test]
    fn offsets_out_of_range_or_mid_character_are_clamped() {
        let text = "“a";
        assert_eq!(
            Position::of_offset(text, 1),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 99),
            Position { line: 1, column: 3 }
        );
    }

    #[test]
    fn the_locator_agrees_with_a_rescan() {
        let text = "ab\n“é” x\n\nlast line é";
        let mut locator = Locator::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 2).collect();
        // In order, then backwards, then jumping about.
        for &o in offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain([3, 0, 9, 5].iter())
        {
            assert_eq!(
                locator.position(o),
                Position::of_offset(text, o),
                "offset {o}"
            );
        }
    }

    #[test]
    fn problems_never_write_raw_escapes() {
        let p = Problem::new(
            "d/x\u{1b}]0;t\u{7}.txt",
            Position::START,
            "unknown source `x\u{1b}]52;c;SGk=\u{7}`",
        )
        .with_help("did you mean `\u{9b}31m`?\nnext line");
        let shown = p.to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
        assert!(shown.contains("d/x␛]0;t␇.txt:1:1"), "{shown}");
        assert!(shown.ends_with("\n    next line"), "{shown}");
    }

    #[test]
    fn display_names_location_and_help() {
        let p = Problem::new("data/timeline.toml", Position { line: 3, column: 7 }, "bad")
            .with_help("do this");
        assert_eq!(p.to_string(), "data/timeline.toml:3:7: bad\n    do this");
    }
}
