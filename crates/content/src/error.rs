//! Errors in a page's content, always pointing at file, line and column.

use std::fmt;
use std::path::PathBuf;

/// A problem an editor must fix in a content file.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentError {
    pub file: PathBuf,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl ContentError {
    pub fn new(file: impl Into<PathBuf>, (line, column): (usize, usize), message: String) -> Self {
        Self {
            file: file.into(),
            line,
            column,
            message,
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}

/// The candidate within a small edit distance of `wrong`, if any.
pub fn closest<'a>(wrong: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(wrong, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        assert_eq!(
            closest("captoin", &["file", "caption", "credit"]),
            Some("caption")
        );
        assert_eq!(closest("zzzzzz", &["file", "caption"]), None);
    }
}
