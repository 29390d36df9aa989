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

/// Turns a serde_yaml error into a located error with advice.
pub fn from_yaml(file: PathBuf, err: &serde_yaml::Error) -> ContentError {
    let at = err.location().map_or((1, 1), |l| (l.line(), l.column()));
    // serde_yaml appends " at line X column Y"; we print the location ourselves.
    let text = err.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text).to_string();
    let hint = if let Some((wrong, expected)) = unknown_field(&message) {
        match closest(wrong, &expected) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("allowed keys here: {}", expected.join(", ")),
        }
    } else if message.contains("invalid type") {
        "check the value's kind: text, a number, or a list (`- item` lines)".into()
    } else if message.contains("missing field") {
        "add the field; see README.md, section \"Content format\"".into()
    } else {
        "check indentation and quoting; text containing `: ` or starting with a special \
         character can be written as a block (`key: |` then the text on indented lines)"
            .into()
    };
    ContentError::new(file, at, message).hint(hint)
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" message.
fn unknown_field(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message.split("unknown field `").nth(1)?;
    let (wrong, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).collect();
    Some((wrong, expected))
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
    fn reads_serde_unknown_field_messages() {
        let msg = "sections[0]: unknown field `bdy`, expected one of `number`, `head`, `body`";
        let (wrong, expected) = unknown_field(msg).unwrap();
        assert_eq!(wrong, "bdy");
        assert_eq!(expected, ["number", "head", "body"]);
    }
}
