//! Data problems: what is wrong in a data folder, where, and what to do about it.

use std::fmt;
use std::path::{Path, PathBuf};

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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(help) = &self.help {
            for line in help.lines() {
                write!(f, "\n    {line}")?;
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
    fn display_names_location_and_help() {
        let p = Problem::new("data/timeline.toml", Position { line: 3, column: 7 }, "bad")
            .with_help("do this");
        assert_eq!(p.to_string(), "data/timeline.toml:3:7: bad\n    do this");
    }
}
