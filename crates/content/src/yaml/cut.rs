//! A file over the size limit, pointed at where the limit cuts it. Only the first
//! `file-size` bytes are read (never the 50 MB behind them); libyaml's events over those say
//! which node runs past the cut: a text (its first line), something opened and never closed
//! within them (where it opens), else the line the cut falls on (a run of comments, say).

use std::path::Path;

use super::events::{self, Kind, Mark};
use crate::error::ContentError;
use crate::limits;

/// The error for `file` (a `what`: page, issue…) of `size` bytes, over the size limit, given
/// at least its first `file-size` bytes.
pub fn oversize(file: &Path, bytes: &[u8], size: u64, what: &str) -> ContentError {
    let limit = limits::FILE_BYTES;
    let kept = &bytes[..bytes.len().min(limit.max as usize)];
    let at = cut_at(kept).unwrap_or((1, 1));
    ContentError::new(
        file,
        at,
        crate::t!(
            "oversize",
            limit = limit.message(&format!("{what}-file"), size)
        ),
    )
    .hint(crate::t!("oversize-hint", what = what))
}

/// Where the node straddling the end of `kept` starts, as (line, column); `None` if `kept`
/// is not UTF-8 before its last (possibly cut) character.
fn cut_at(kept: &[u8]) -> Option<(usize, usize)> {
    let kept = kept.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(kept);
    let text = match std::str::from_utf8(kept) {
        Ok(text) => text,
        // The cut may fall inside a character: drop its first bytes.
        Err(err) if err.error_len().is_none() => {
            std::str::from_utf8(&kept[..err.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    let end = text.trim_end().len();
    let mut last: Option<(Mark, Mark)> = None;
    // Where each list and mapping still open starts.
    let mut open: Vec<Mark> = Vec::new();
    let mut stopped: Option<Mark> = None;
    let read = events::read(text, |event| {
        match event.kind {
            Kind::Scalar { .. } | Kind::Alias(_) => last = Some((event.start, event.end)),
            Kind::SequenceStart | Kind::MappingStart => {
                last = None;
                open.push(event.start);
                // libyaml slows down quadratically in deep flow nesting: the node at fault
                // is this one, too deep to read on.
                if limits::DEPTH.exceeded_by(open.len() as u64) {
                    stopped = Some(event.start);
                    return false;
                }
            }
            Kind::SequenceEnd | Kind::MappingEnd => {
                open.pop();
            }
            Kind::DocumentStart | Kind::Other => {}
        }
        true
    });
    if let Some(mark) = stopped {
        return Some(mark.at());
    }
    match read {
        // Something still open at the cut (a quote, a bracket) is where it opens; when what
        // libyaml was reading starts at the cut itself (the next item of a list), the list or
        // mapping it is in; another error stands where libyaml found it.
        Err(err) => err
            .context
            .map(|(_, mark)| mark)
            .filter(|mark| mark.index < end)
            .or_else(|| open.last().copied())
            .or(err.problem_mark)
            .map(Mark::at),
        Ok(()) => match last {
            Some((start, stop)) if stop.index >= end => Some(start.at()),
            _ => Some(line_of(text, end)),
        },
    }
}

/// (line, 1) of the line holding byte `index` of `text`, lines counted at `\n`.
fn line_of(text: &str, index: usize) -> (usize, usize) {
    let before = &text[..index];
    let line = before.matches('\n').count() + 1;
    // The last character before the cut stands on this line; point at its start.
    let at_line_start = before.ends_with('\n');
    (line - usize::from(at_line_start && line > 1), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (usize, usize) {
        let mut bytes = text.as_bytes().to_vec();
        bytes.resize(limits::FILE_BYTES.max as usize + 1, b'x');
        let e = oversize(Path::new("p.yaml"), &bytes, 50 << 20, "page");
        assert!(
            e.message
                .contains("limit `file-size` exceeded: 52,428,800 bytes"),
            "{e}"
        );
        (e.line, e.column)
    }

    #[test]
    fn points_at_the_node_the_limit_cuts() {
        // A plain text running past the cut: its first line.
        assert_eq!(at("headline: x\nlead: 字字"), (2, 7));
        // A block of text: its header line.
        assert_eq!(at("headline: x\nlead: |\n  a\n  b\n  x"), (2, 7));
        // A quoted text never closed before the cut: where it opens.
        assert_eq!(at("headline: x\nsections:\n  - body: \"abc"), (3, 11));
        // A list cut after a comma: the list.
        assert_eq!(at("headline: x\nx: [1,1,"), (2, 4));
        // A run of comments: the line the cut falls on.
        assert_eq!(at("headline: x\n# xxxx"), (2, 1));
    }

    #[test]
    fn a_cut_character_is_no_encoding_error() {
        let mut bytes = "a: ".as_bytes().to_vec();
        while bytes.len() < limits::FILE_BYTES.max as usize + 2 {
            bytes.extend("字".as_bytes());
        }
        let e = oversize(Path::new("p.yaml"), &bytes, bytes.len() as u64, "page");
        assert_eq!((e.line, e.column), (1, 4), "{e}");
    }
}
