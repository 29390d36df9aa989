//! A located message (a content error, a preflight finding) as the desk reads it: its `file:line:col: message` line (what editors'
//! problem matchers and grep read, so it stays one line), then the source line it points into
//! with a caret under the place, its hint, and the fixed line where a fix is offered:
//!
//! ```text
//! error: content/x/page.yaml:10:5: sections[0]: unknown field `bodi`, expected one of …
//!    │
//! 10 │     bodi: |
//!    │     ^^^^
//!   hint: did you mean `body`?
//! 10 │     body: |
//!    │     ~~~~
//! ```
//!
//! Drawn as typst's errors are (codespan-reporting's gutter and carets), but by hand:
//! codespan prints its own header and `┌─ file:line:col` locus in place of our one line.

use std::io::Write;

use typst_kit::diagnostics::termcolor::{Buffer, Color, ColorSpec, WriteColor};
use unicode_width::UnicodeWidthChar;

use crate::content::{ContentError, t};

/// The widest excerpt shown, in terminal columns: a longer line (a paragraph of body text) is
/// cut around the place, `…` standing for what is left out.
const WIDEST: usize = 100;

/// `error` (of `label`, `error` or `warning`) with its excerpt, hint and fix, in colour if
/// `colour`.
pub fn render(label: &str, error: &ContentError, colour: bool) -> Vec<u8> {
    // `error`, `warning`: the label's id.
    let mut out = if colour {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let _ = write_error(&mut out, label, error);
    out.into_inner()
}

fn write_error(out: &mut Buffer, label: &str, error: &ContentError) -> std::io::Result<()> {
    let tone = if label == "error" {
        Color::Red
    } else {
        Color::Yellow
    };
    out.set_color(ColorSpec::new().set_fg(Some(tone)).set_bold(true))?;
    write!(out, "{}", crate::content::messages::text(label, &[]))?;
    out.reset()?;
    write!(
        out,
        ": {}:{}:{}: {}",
        error.file.display(),
        error.line,
        error.column,
        error.message
    )?;
    writeln!(out)?;
    let gutter = error.line.to_string().len();
    if let Some(text) = &error.excerpt {
        margin(out, gutter, None)?;
        writeln!(out)?;
        let start = error.column.max(1) - 1;
        let width = span(text, start);
        excerpt(out, gutter, error.line, text, start, width, '^', tone)?;
    }
    if let Some(hint) = &error.hint {
        writeln!(out, "  {}: {hint}", t!("hint"))?;
    }
    if let (Some(fix), Some(text)) = (&error.fix, &error.excerpt) {
        let start = fix.column - 1;
        let fixed: String = text.chars().take(start).collect::<String>()
            + &fix.right
            + &text
                .chars()
                .skip(start + fix.wrong.chars().count())
                .collect::<String>();
        let width = fix.right.chars().count();
        excerpt(
            out,
            gutter,
            error.line,
            &fixed,
            start,
            width,
            '~',
            Color::Green,
        )?;
    }
    Ok(())
}

/// The line `text` (numbered `line`), then `mark` under its characters `start..start + width`.
#[allow(clippy::too_many_arguments)]
fn excerpt(
    out: &mut Buffer,
    gutter: usize,
    line: usize,
    text: &str,
    start: usize,
    width: usize,
    mark: char,
    tone: Color,
) -> std::io::Result<()> {
    let shown = Shown::cut(text, start, width);
    margin(out, gutter, Some(line))?;
    writeln!(out, " {}", shown.text)?;
    margin(out, gutter, None)?;
    write!(out, " {}", " ".repeat(shown.before))?;
    out.set_color(ColorSpec::new().set_fg(Some(tone)).set_bold(true))?;
    write!(out, "{}", mark.to_string().repeat(shown.under.max(1)))?;
    out.reset()?;
    writeln!(out)
}

/// The gutter: the line's number, or blank, then `│`.
fn margin(out: &mut Buffer, gutter: usize, line: Option<usize>) -> std::io::Result<()> {
    out.set_color(ColorSpec::new().set_fg(Some(Color::Cyan)))?;
    match line {
        Some(line) => write!(out, "{line:>gutter$} │"),
        None => write!(out, "{:gutter$} │", ""),
    }?;
    out.reset()
}

/// How many characters from `start` the mistake takes: a quoted value to its closing quote,
/// a key to its colon, a value to the end of the line (less a comment); one past the end.
fn span(text: &str, start: usize) -> usize {
    let rest: Vec<char> = text.chars().skip(start).collect();
    let Some(&first) = rest.first() else {
        return 1;
    };
    if first == '"' || first == '\'' {
        let close = rest[1..].iter().position(|&c| c == first);
        return close.map_or(rest.len(), |at| at + 2);
    }
    let mut end = rest.len();
    for (i, pair) in rest.windows(2).enumerate() {
        // `key: value`: the key; ` # comment`: not the value.
        if (pair[0] == ':' && pair[1] == ' ') || (pair[0] == ' ' && pair[1] == '#') {
            end = i;
            break;
        }
    }
    if rest.last() == Some(&':') && end == rest.len() {
        end -= 1;
    }
    let trimmed = rest[..end].iter().rposition(|c| !c.is_whitespace());
    trimmed.map_or(1, |last| last + 1)
}

/// A source line as the terminal shows it, and where the marks go under it (in columns).
#[derive(Debug, PartialEq)]
struct Shown {
    text: String,
    before: usize,
    under: usize,
}

impl Shown {
    /// `text`, each character one cell or two (Chinese), what would not show or would move the
    /// cursor (a tab, a control or invisible character) as one `�`; cut to [`WIDEST`] columns
    /// around characters `start..start + width`.
    fn cut(text: &str, start: usize, width: usize) -> Self {
        let cells: Vec<(char, usize)> = text
            .chars()
            .map(|c| match c {
                '\t' => (' ', 1),
                c => match c.width() {
                    Some(w) if w > 0 && !c.is_control() => (c, w),
                    _ => ('\u{FFFD}', 1),
                },
            })
            .collect();
        let columns = |range: std::ops::Range<usize>| -> usize {
            cells
                .get(range.start.min(cells.len())..range.end.min(cells.len()))
                .map_or(0, |cells| cells.iter().map(|(_, w)| w).sum())
        };
        // Keep a third of the width before the place, the rest after it.
        let mut first = 0;
        while columns(first..start) > WIDEST / 3 {
            first += 1;
        }
        let mut last = first;
        while last < cells.len() && columns(first..last + 1) <= WIDEST {
            last += 1;
        }
        let mut shown = String::new();
        let mut before = columns(first..start);
        if first > 0 {
            shown.push('…');
            before += 1;
        }
        shown.extend(cells[first..last].iter().map(|(c, _)| c));
        if last < cells.len() {
            shown.push('…');
        }
        let under = columns(start..(start + width).min(last)).max(1);
        Self {
            text: shown,
            before,
            under,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_covers_the_key_the_value_or_the_quoted_text() {
        let line = "    bodi: |";
        assert_eq!(span(line, 4), 4);
        assert_eq!(span("template: feture  # the look", 10), 6);
        assert_eq!(span("  caption: \"图片 说明\" # x", 11), 7);
        assert_eq!(span("  - file: a.jpg", 2), 1 + 5);
        assert_eq!(span("  sections:", 2), 8);
        // Past the end of the line: one mark after it.
        assert_eq!(span("folio:", 6), 1);
    }

    #[test]
    fn wide_characters_take_two_columns_and_hidden_ones_show() {
        let shown = Shown::cut("headline: 标题\u{200B}x", 12, 1);
        assert_eq!(shown.text, "headline: 标题\u{FFFD}x");
        assert_eq!((shown.before, shown.under), (14, 1));
        let escape = Shown::cut("a\u{1b}[31mb\tc", 0, 1);
        assert_eq!(escape.text, "a\u{FFFD}[31mb c");
    }

    #[test]
    fn a_long_line_is_cut_around_the_place() {
        let line = "字".repeat(300);
        let shown = Shown::cut(&line, 200, 2);
        assert!(shown.text.starts_with('…') && shown.text.ends_with('…'));
        let columns: usize = shown.text.chars().map(|c| c.width().unwrap()).sum();
        assert!(columns <= WIDEST + 2, "{columns}");
        // The marks stand under the 201st character: a third of the width in.
        assert_eq!(shown.before, 1 + 2 * 16);
        assert_eq!(shown.under, 4);
    }

    #[test]
    fn an_error_shows_its_line_its_hint_and_its_fix() {
        let error = ContentError::new("p.yaml", (10, 5), "unknown field `bodi`".into())
            .hint("did you mean `body`?")
            .fix("bodi", "body");
        let error = crate::content::excerpts(
            vec![error],
            std::path::Path::new("p.yaml"),
            &format!("{}    bodi: |\n", "\n".repeat(9)),
        )
        .remove(0);
        let text = String::from_utf8(render("error", &error, false)).unwrap();
        assert_eq!(
            text,
            "error: p.yaml:10:5: unknown field `bodi`\n   │\n10 │     bodi: |\n   │     ^^^^\n  hint: did you mean `body`?\n10 │     body: |\n   │     ~~~~\n"
        );
    }
}
