//! libyaml's event stream, read safely: the same parser serde_yaml uses, so a file this accepts
//! is a file serde_yaml accepts, but with every node's position and every error's context.

use std::ffi::CStr;
use std::mem::MaybeUninit;

// `sys`, as serde_yaml names it: every call through it is in an `unsafe` block anyway.
#[allow(clippy::unsafe_removed_from_name)]
use unsafe_libyaml as sys;

/// A position in the source: 0-based byte index, 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mark {
    pub index: usize,
    pub line: usize,
    pub column: usize,
}

impl Mark {
    fn from_sys(mark: sys::yaml_mark_t, breaks: &Breaks) -> Self {
        breaks.mark(
            mark.index as usize,
            mark.line as usize,
            mark.column as usize,
        )
    }

    pub fn at(self) -> (usize, usize) {
        (self.line, self.column)
    }
}

/// The line breaks only libyaml counts. libyaml starts a new line at every CR, LF, CRLF, NEL,
/// LS (U+2028) and PS (U+2029); editors, `grep -n` and the rest of this crate count LF only, so
/// after a lone CR or a U+2028 pasted into a text every libyaml line would be off by one.
/// These turn libyaml's (0-based) line and column at a byte index into an editor's. And at the
/// end of a file whose last line has no line break, libyaml adds one: the end is given on a
/// line past the last, where no editor can go.
#[derive(Debug)]
pub struct Breaks {
    /// Each break only libyaml counts: (byte index, 1-based line as editors count, characters
    /// of that line up to and including the break).
    odd: Vec<(usize, usize, usize)>,
    /// The source's length in bytes, and where its end stands (1-based line and column).
    len: usize,
    end: (usize, usize),
}

impl Breaks {
    pub fn new(source: &str) -> Self {
        let mut odd = Vec::new();
        let (mut line, mut column) = (1, 0);
        let mut chars = source.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\n' {
                (line, column) = (line + 1, 0);
                continue;
            }
            column += 1;
            let lone_cr = c == '\r' && chars.peek().is_none_or(|&(_, next)| next != '\n');
            if lone_cr || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                odd.push((i, line, column));
            }
        }
        Self {
            odd,
            len: source.len(),
            end: (line, column + 1),
        }
    }

    /// The mark at byte `index`, where libyaml counts line `line` and column `column` (0-based).
    pub fn mark(&self, index: usize, line: usize, column: usize) -> Mark {
        if index >= self.len {
            let (line, column) = self.end;
            return Mark {
                index,
                line,
                column,
            };
        }
        let before = self.odd.partition_point(|&(at, _, _)| at < index);
        let Some(&(_, odd_line, through)) = before.checked_sub(1).and_then(|k| self.odd.get(k))
        else {
            return Mark {
                index,
                line: line + 1,
                column: column + 1,
            };
        };
        let line = (line + 1).saturating_sub(before).max(1);
        // libyaml counts the column from the last break it saw.
        let column = if line == odd_line {
            through + column + 1
        } else {
            column + 1
        };
        Mark {
            index,
            line,
            column,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    DocumentStart,
    Scalar {
        value: String,
        /// Plain (unquoted) scalars may be numbers or booleans; quoted and block ones are text.
        plain: bool,
    },
    Alias(String),
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
    /// Stream start, document end.
    Other,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub kind: Kind,
    pub anchor: Option<String>,
    pub start: Mark,
    pub end: Mark,
}

/// libyaml's own account of a syntax error.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub problem: String,
    pub problem_mark: Option<Mark>,
    /// What libyaml was in the middle of ("while scanning a quoted scalar") and where it began.
    pub context: Option<(String, Mark)>,
}

/// Calls `each` for every event of `source` until it returns `false` or the stream ends.
pub fn read(source: &str, mut each: impl FnMut(Event) -> bool) -> Result<(), SyntaxError> {
    let parser = Parser::new(source);
    loop {
        match parser.next()? {
            None => return Ok(()),
            Some(event) => {
                if !each(event) {
                    return Ok(());
                }
            }
        }
    }
}

/// Owns the libyaml parser; `input` outlives it because both live in this struct and the parser
/// is deleted in `drop` first.
struct Parser<'a> {
    sys: Box<MaybeUninit<sys::yaml_parser_t>>,
    _input: &'a [u8],
    breaks: Breaks,
}

impl<'a> Parser<'a> {
    fn new(source: &'a str) -> Self {
        let input = source.as_bytes();
        let mut sys = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
        // SAFETY: initialize fills the struct; the input slice is borrowed for 'a, which
        // outlives the parser (dropped with self).
        unsafe {
            let parser = sys.as_mut_ptr();
            if sys::yaml_parser_initialize(parser).fail {
                panic!("libyaml could not allocate its parser");
            }
            sys::yaml_parser_set_encoding(parser, sys::YAML_UTF8_ENCODING);
            sys::yaml_parser_set_input_string(parser, input.as_ptr(), input.len() as u64);
        }
        Self {
            sys,
            _input: input,
            breaks: Breaks::new(source),
        }
    }

    fn next(&self) -> Result<Option<Event>, SyntaxError> {
        let parser = self.sys.as_ptr() as *mut sys::yaml_parser_t;
        let mut raw = MaybeUninit::<sys::yaml_event_t>::uninit();
        // SAFETY: the parser is initialized; an event filled by yaml_parser_parse is read, then
        // deleted exactly once.
        unsafe {
            let parser_ref: &sys::yaml_parser_t = &*parser;
            if parser_ref.error != sys::YAML_NO_ERROR
                || sys::yaml_parser_parse(parser, raw.as_mut_ptr()).fail
            {
                return Err(error(&*parser, &self.breaks));
            }
            let raw = raw.as_mut_ptr();
            let event = convert(&*raw, &self.breaks);
            sys::yaml_event_delete(raw);
            Ok(event)
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: initialized in `new`, deleted once.
        unsafe { sys::yaml_parser_delete(self.sys.as_mut_ptr()) }
    }
}

unsafe fn text(ptr: *const u8) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: libyaml's strings are NUL-terminated.
    let c = unsafe { CStr::from_ptr(ptr.cast()) };
    Some(String::from_utf8_lossy(c.to_bytes()).into_owned())
}

unsafe fn error(parser: &sys::yaml_parser_t, breaks: &Breaks) -> SyntaxError {
    let problem = unsafe { text(parser.problem.cast()) }.unwrap_or_else(|| "unknown error".into());
    let problem_mark = Mark::from_sys(parser.problem_mark, breaks);
    let marked = |m: &Mark| m.line > 1 || m.column > 1 || m.index > 0;
    let context_mark = Mark::from_sys(parser.context_mark, breaks);
    SyntaxError {
        problem,
        problem_mark: marked(&problem_mark).then_some(problem_mark),
        context: unsafe { text(parser.context.cast()) }.map(|c| (c, context_mark)),
    }
}

unsafe fn convert(raw: &sys::yaml_event_t, breaks: &Breaks) -> Option<Event> {
    let start = Mark::from_sys(raw.start_mark, breaks);
    let end = Mark::from_sys(raw.end_mark, breaks);
    // SAFETY: each union field is read only for the event type that fills it.
    let (kind, anchor) = unsafe {
        match raw.type_ {
            sys::YAML_STREAM_END_EVENT => return None,
            sys::YAML_DOCUMENT_START_EVENT => (Kind::DocumentStart, None),
            sys::YAML_SCALAR_EVENT => {
                let s = raw.data.scalar;
                let bytes = if s.value.is_null() || s.length == 0 {
                    &[][..]
                } else {
                    std::slice::from_raw_parts(s.value, s.length as usize)
                };
                (
                    Kind::Scalar {
                        value: String::from_utf8_lossy(bytes).into_owned(),
                        plain: s.style == sys::YAML_PLAIN_SCALAR_STYLE,
                    },
                    text(s.anchor),
                )
            }
            sys::YAML_ALIAS_EVENT => (
                Kind::Alias(text(raw.data.alias.anchor).unwrap_or_default()),
                None,
            ),
            sys::YAML_SEQUENCE_START_EVENT => {
                (Kind::SequenceStart, text(raw.data.sequence_start.anchor))
            }
            sys::YAML_SEQUENCE_END_EVENT => (Kind::SequenceEnd, None),
            sys::YAML_MAPPING_START_EVENT => {
                (Kind::MappingStart, text(raw.data.mapping_start.anchor))
            }
            sys::YAML_MAPPING_END_EVENT => (Kind::MappingEnd, None),
            // Stream start and document end carry nothing we need.
            _ => (Kind::Other, None),
        }
    };
    Some(Event {
        kind,
        anchor,
        start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each scalar's value and where it starts.
    fn scalars(source: &str) -> Vec<(String, (usize, usize))> {
        let mut found = Vec::new();
        read(source, |event| {
            if let Kind::Scalar { value, .. } = event.kind {
                found.push((value, event.start.at()));
            }
            true
        })
        .unwrap();
        found
    }

    #[test]
    fn lines_are_counted_as_editors_count_them() {
        // Found by the page_yaml fuzzer: libyaml counts a lone CR and U+2028/U+2029 as line
        // breaks, so every position after one was a line too far (past the end of the file).
        let found = scalars("a: \"x\u{2028}y\"\rb: 前\r\nc: [z]\n");
        let at: Vec<_> = found.iter().map(|(v, at)| (v.as_str(), *at)).collect();
        assert_eq!(
            at,
            [
                ("a", (1, 1)),
                ("x\u{2028}y", (1, 4)),
                ("b", (1, 10)),
                ("前", (1, 13)),
                ("c", (2, 1)),
                ("z", (2, 5))
            ]
        );
        let err = read("a: x\u{2029}\nb: \"never closed\n", |_| true).unwrap_err();
        assert_eq!(err.context.unwrap().1.at(), (2, 4));
    }

    #[test]
    fn the_end_of_a_file_is_on_its_last_line() {
        // Found by the page_yaml fuzzer: a file ending without a line break had its end (where
        // serde_yaml reports a missing field) on a line past the last.
        let errors =
            crate::parse(std::path::Path::new("p.yaml"), b"# only a comment\n  # x").unwrap_err();
        assert!(
            errors[0].message.contains("missing field `folio`"),
            "{}",
            errors[0]
        );
        assert_eq!((errors[0].line, errors[0].column), (2, 6));
        let mut ends = Vec::new();
        read("a: b", |event| {
            ends.push(event.end.at());
            true
        })
        .unwrap();
        assert_eq!(ends.last(), Some(&(1, 5)));
    }
}
