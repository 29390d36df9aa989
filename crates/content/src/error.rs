//! Errors in a page's content, always pointing at file, line and column.

use std::fmt;
use std::path::{Path, PathBuf};

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
    /// The edit that would fix it, when one is certain enough to offer ("did you mean").
    pub fix: Option<Fix>,
    /// The source line it points into, without its line break (see [`excerpts`]).
    pub excerpt: Option<String>,
}

/// An edit that fixes an error: `wrong`, as it stands at `column` of the error's line, replaced
/// by `right`. The column is the error's until [`excerpts`] finds `wrong` on the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub column: usize,
    pub wrong: String,
    pub right: String,
}

impl ContentError {
    pub fn new(file: impl Into<PathBuf>, (line, column): (usize, usize), message: String) -> Self {
        Self {
            file: file.into(),
            line,
            column,
            message,
            hint: None,
            fix: None,
            excerpt: None,
        }
    }

    /// Offers `right` in place of `wrong` (which stands at or after the error's column).
    pub fn fix(mut self, wrong: impl Into<String>, right: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            column: self.column,
            wrong: wrong.into(),
            right: right.into(),
        });
        self
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
            write!(f, "\n  {}: {hint}", crate::t!("hint"))?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}

/// `errors` with the line of `source` each error in `file` points at, so that whoever shows
/// them can show where: a fix is kept only where its `wrong` text stands on that line (at or
/// after the error's column; a quoted value starts one later), and is moved to it.
pub fn excerpts(mut errors: Vec<ContentError>, file: &Path, source: &str) -> Vec<ContentError> {
    let lines: Vec<&str> = source.split('\n').collect();
    for error in errors.iter_mut().filter(|e| e.file == file && e.line > 0) {
        let Some(line) = lines.get(error.line - 1) else {
            error.fix = None;
            continue;
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        error.fix = error.fix.take().and_then(|fix| {
            let start = line.char_indices().nth(fix.column.saturating_sub(1))?.0;
            let at = line[start..].find(fix.wrong.as_str())? + start;
            Some(Fix {
                column: line[..at].chars().count() + 1,
                ..fix
            })
        });
        error.excerpt = Some(line.to_string());
    }
    errors
}

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

    #[test]
    fn an_error_gets_its_line_and_its_fix_where_the_wrong_text_stands() {
        let file = Path::new("p.yaml");
        let source = "template: feture\r\nfolio:\n  frame: \"boks\"\n  x: 标题 bodi\n";
        let errors = vec![
            ContentError::new(file, (1, 11), "no template".into()).fix("feture", "feature"),
            // A quoted value: the fix moves past the quote.
            ContentError::new(file, (3, 10), "no frame".into()).fix("boks", "box"),
            // Columns count characters: `bodi` after two wide ones.
            ContentError::new(file, (4, 6), "unknown".into()).fix("bodi", "body"),
            // Not on its line: no fix offered, the line still shown.
            ContentError::new(file, (2, 1), "odd".into()).fix("nothing", "x"),
            // Another file's error, and one past the end, are left alone.
            ContentError::new("q.yaml", (1, 1), "other".into()),
            ContentError::new(file, (9, 1), "past".into()).fix("a", "b"),
        ];
        let shown = excerpts(errors, file, source);
        let lines: Vec<Option<&str>> = shown.iter().map(|e| e.excerpt.as_deref()).collect();
        assert_eq!(
            lines,
            [
                Some("template: feture"),
                Some("  frame: \"boks\""),
                Some("  x: 标题 bodi"),
                Some("folio:"),
                None,
                None
            ]
        );
        let columns: Vec<Option<usize>> = shown
            .iter()
            .map(|e| e.fix.as_ref().map(|f| f.column))
            .collect();
        assert_eq!(columns, [Some(11), Some(11), Some(9), None, None, None]);
    }
}
