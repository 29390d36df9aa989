//! libyaml's syntax errors, pointed at the place an editor must fix: the start of an unclosed
//! quote or bracket rather than the end of the file, the de-indented line that cut a block of
//! text short rather than the line where the parser finally gave up.

use std::path::Path;

use super::events::{Mark, SyntaxError};
use crate::error::ContentError;
use crate::limits;

/// The error for `err`; `last_block` is the last node libyaml read before it, when that was a
/// block of text (its start and end marks).
pub fn error(
    file: &Path,
    source: &str,
    err: &SyntaxError,
    last_block: Option<(Mark, Mark)>,
) -> ContentError {
    let problem_at = err.problem_mark.map(|m| m.at());
    let libyaml = libyaml_text(err);
    // Something opened and never closed: the opening is what to fix.
    if let Some((context, mark)) = &err.context {
        let opened = if context.starts_with("while scanning a quoted scalar") {
            Some((
                crate::t!("yaml-unclosed-quote", libyaml = libyaml),
                crate::t!("yaml-unclosed-quote-hint"),
            ))
        } else if context.starts_with("while parsing a flow sequence") {
            Some((
                crate::t!("yaml-unclosed-list", libyaml = libyaml),
                crate::t!("yaml-unclosed-list-hint"),
            ))
        } else if context.starts_with("while parsing a flow mapping") {
            Some((
                crate::t!("yaml-unclosed-map", libyaml = libyaml),
                crate::t!("yaml-unclosed-map-hint"),
            ))
        } else {
            None
        };
        if let Some((message, hint)) = opened {
            return ContentError::new(file, mark.at(), message).hint(hint);
        }
    }
    if let Some(key) = long_key(err) {
        return ContentError::new(
            file,
            key.at(),
            crate::t!(
                "with-libyaml",
                message = limits::KEY_CHARS.message(
                    "key",
                    err.problem_mark.map_or(0, |m| m.column - key.column) as u64
                ),
                libyaml = libyaml
            ),
        )
        .hint(crate::t!("limit-hint"));
    }
    let after_block = last_block
        .zip(problem_at)
        .and_then(|((start, _), (line, _))| {
            cut_after(source, start.line, line).map(|cut| (cut, start.line))
        });
    let cut = after_block.or_else(|| problem_at.and_then(|(line, _)| cut_block(source, line)));
    if let Some((line, block)) = cut {
        return ContentError::new(
            file,
            (line, 1),
            crate::t!("yaml-block-cut", block = block, libyaml = libyaml),
        )
        .hint(crate::t!("yaml-block-cut-hint"));
    }
    let at = problem_at.unwrap_or((1, 1));
    if let Some((item, indent, columns)) = stray_indent(source, at.0) {
        let columns: Vec<String> = columns.iter().map(|c| (c + 1).to_string()).collect();
        let what = if item { "item" } else { "key" };
        return ContentError::new(
            file,
            (at.0, indent + 1),
            crate::t!(
                "yaml-stray-indent",
                what = what,
                column = indent + 1,
                columns = columns.join(&crate::t!("or")),
                libyaml = libyaml
            ),
        )
        .hint(crate::t!("yaml-stray-indent-hint", what = what));
    }
    let hint = if source
        .lines()
        .nth(at.0.saturating_sub(1))
        .is_some_and(|l| l.trim_start_matches(' ').starts_with('\t'))
    {
        crate::t!("yaml-tab-hint")
    } else {
        crate::t!("yaml-syntax-hint")
    };
    let message = crate::t!(
        "yaml-syntax",
        problem = problem_key(&err.problem),
        libyaml = libyaml
    );
    ContentError::new(file, at, message).hint(hint)
}

/// A word for the commonest of libyaml's problems, which a message may explain in its own
/// language (`other` for the rest).
fn problem_key(problem: &str) -> &'static str {
    [
        ("mapping values are not allowed", "mapping-values"),
        ("did not find expected key", "expected-key"),
        (
            "found character that cannot start any token",
            "cannot-start",
        ),
        ("found unexpected end of stream", "end-of-stream"),
        ("could not find expected ':'", "expected-colon"),
        ("did not find expected '-' indicator", "expected-dash"),
        ("block sequence entries are not allowed", "sequence-entries"),
        ("found unexpected document indicator", "document"),
    ]
    .into_iter()
    .find(|(words, _)| problem.starts_with(words))
    .map_or("other", |(_, key)| key)
}

/// Where a key starts that libyaml gave up on for its length: a key stands on one line and
/// libyaml reads at most 1,024 characters of it, then misses the `:` it expects.
fn long_key(err: &SyntaxError) -> Option<Mark> {
    let (context, key) = err.context.as_ref()?;
    let problem = err.problem_mark?;
    let long = context.starts_with("while scanning a simple key")
        && problem.line == key.line
        && problem.column.saturating_sub(key.column) > 1024;
    long.then_some(*key)
}

/// libyaml's own words, positions included, as a desk would quote them to support.
fn libyaml_text(err: &SyntaxError) -> String {
    let mut text = err.problem.clone();
    if let Some(mark) = err.problem_mark {
        text += &format!(" at line {} column {}", mark.line, mark.column);
    }
    if let Some((context, mark)) = &err.context {
        text += &format!(", {context} at line {} column {}", mark.line, mark.column);
    }
    format!("libyaml: {text}")
}

/// The indentation of the list item or key on `line` when it matches none of the columns
/// list items (or keys) stand at on the lines above it: (a list item?, its indent, the
/// columns above), 0-based.
fn stray_indent(source: &str, line: usize) -> Option<(bool, usize, Vec<usize>)> {
    let lines: Vec<&str> = source.lines().collect();
    let dash_column = |l: &str| -> Option<usize> {
        let trimmed = l.trim_start_matches(' ');
        (trimmed.starts_with("- ") || trimmed == "-").then(|| l.len() - trimmed.len())
    };
    let own = lines.get(line.checked_sub(1)?)?;
    if let Some(own) = dash_column(own) {
        let mut columns: Vec<usize> = lines[..line - 1]
            .iter()
            .filter_map(|l| dash_column(l))
            .collect();
        columns.sort_unstable();
        columns.dedup();
        return (!columns.is_empty() && !columns.contains(&own)).then_some((true, own, columns));
    }
    let key_column = |l: &str| -> Option<usize> {
        let mut rest = l;
        while let Some(item) = rest.trim_start_matches(' ').strip_prefix("- ") {
            rest = item;
        }
        let trimmed = rest.trim_start_matches(' ');
        let key = trimmed.split(": ").next()?.trim_end_matches(':');
        let is_key = (trimmed.contains(": ") || trimmed.ends_with(':'))
            && !key.is_empty()
            && !key.starts_with(['#', '"', '\'', '[', '{'])
            && !key.contains(' ');
        is_key.then(|| l.len() - trimmed.len())
    };
    let own = key_column(own)?;
    let mut columns: Vec<usize> = lines[..line - 1]
        .iter()
        .filter_map(|l| key_column(l))
        .collect();
    columns.sort_unstable();
    columns.dedup();
    (!columns.is_empty() && !columns.contains(&own)).then_some((false, own, columns))
}

/// The first line after the block of text whose header (`key: |`) stands on line `header`
/// that is indented less than the block's first line, if it comes by `error_line`: the line
/// that cut the block short, when libyaml failed with nothing read after the block.
fn cut_after(source: &str, header: usize, error_line: usize) -> Option<usize> {
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let mut body = source
        .split('\n')
        .enumerate()
        .skip(header)
        .take(error_line.saturating_sub(header))
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, first) = body.next()?;
    let block_indent = indent(first);
    body.find(|(_, l)| indent(l) < block_indent)
        .map(|(i, _)| i + 1)
}

/// A line at or before `error_line` that ended a block scalar (`key: |` or `>`) by being
/// indented less than the block's first line but more than its key: (that line, block's line).
fn cut_block(source: &str, error_line: usize) -> Option<(usize, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let mut found = None;
    for (i, line) in lines.iter().enumerate().take(error_line) {
        let trimmed = line.trim_end();
        let header = trimmed
            .split(" #")
            .next()
            .unwrap_or(trimmed)
            .trim_end()
            .rsplit_once(':')
            .map(|(_, v)| v.trim());
        if !header.is_some_and(|v| matches!(v, "|" | ">" | "|-" | ">-" | "|+" | ">+")) {
            continue;
        }
        // The key's column, past any `- ` list markers before it.
        let mut rest = *line;
        while let Some(item) = rest.trim_start_matches(' ').strip_prefix("- ") {
            rest = item;
        }
        let key_indent = line.len() - rest.trim_start_matches(' ').len();
        let mut body = lines
            .iter()
            .enumerate()
            .skip(i + 1)
            .filter(|(_, l)| !l.trim().is_empty());
        let Some((_, first)) = body.next() else {
            continue;
        };
        let block_indent = indent(first);
        if block_indent <= key_indent {
            continue;
        }
        for (j, l) in body {
            let n = indent(l);
            if n >= block_indent {
                continue;
            }
            if n > key_indent && j < error_line {
                found = Some((j + 1, i + 1));
            }
            break;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::scan;

    fn error_of(text: &str) -> ContentError {
        scan::scan(Path::new("p.yaml"), text).unwrap_err().remove(0)
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let e = error_of("a: 1\nb: \"never closed\nc: 2\nd: 3\n");
        assert_eq!((e.line, e.column), (2, 4));
        assert!(e.message.contains("never closed"), "{}", e.message);
        assert!(
            e.message.contains("while scanning a quoted scalar"),
            "{}",
            e.message
        );
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_it_opens() {
        let e = error_of("a: [x, y\nb: 2\n");
        assert_eq!((e.line, e.column), (1, 4));
    }

    #[test]
    fn a_de_indented_paragraph_is_reported_on_its_own_line() {
        let text = "sections:\n  - number: 1\n    body: |\n      段落一。\n\n     段落二。\n     续。\n    photos: []\n";
        let e = error_of(text);
        assert_eq!(e.line, 6, "{e}");
        assert!(
            e.message.contains("block of text that starts at line 3"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_paragraph_back_at_its_key_column_is_reported_at_its_first_line() {
        // The lines libyaml fails on are the second and third; the first cut the block.
        for indent in ["    ", "  ", ""] {
            let text = format!(
                "sections:\n  - number: 1\n    body: |\n      段落一。\n\n{indent}段落二，\n{indent}续：x\n{indent}再续。\n    photos: []\n"
            );
            let e = error_of(&text);
            assert_eq!(e.line, 6, "indent {}: {e}", indent.len());
            assert!(e.message.contains("starts at line 3"), "{}", e.message);
        }
    }

    #[test]
    fn a_key_indented_one_space_short_is_named() {
        let e = error_of("folio:\n  paper: x\n  date: y\n page: 8\nheadline: z\n");
        assert_eq!((e.line, e.column), (4, 2), "{e}");
        assert!(e.message.contains("column 1 or 3"), "{}", e.message);
    }

    #[test]
    fn a_huge_key_is_refused_where_it_starts() {
        let e = error_of(&format!("a: 1\n  {}: x\n", "k".repeat(5000)).replacen("\n  ", "\n", 1));
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("limit `key-characters` exceeded"), "{e}");
    }

    #[test]
    fn tabs_are_named() {
        let e = error_of("a:\n\tb: 1\n");
        assert!(e.hint.unwrap().contains("tab"));
    }
}
