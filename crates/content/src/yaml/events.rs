//! libyaml's event stream, read safely: the same parser serde_yaml uses, so a file this accepts
//! is a file serde_yaml accepts, but with every node's position and every error's context.

use std::ffi::CStr;
use std::mem::MaybeUninit;

use unsafe_libyaml as sys;

/// A position in the source: 0-based byte index, 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mark {
    pub index: usize,
    pub line: usize,
    pub column: usize,
}

impl Mark {
    fn from_sys(mark: sys::yaml_mark_t) -> Self {
        Self {
            index: mark.index as usize,
            line: mark.line as usize + 1,
            column: mark.column as usize + 1,
        }
    }

    pub fn at(self) -> (usize, usize) {
        (self.line, self.column)
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
    let parser = Parser::new(source.as_bytes());
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
}

impl<'a> Parser<'a> {
    fn new(input: &'a [u8]) -> Self {
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
        Self { sys, _input: input }
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
                return Err(error(&*parser));
            }
            let raw = raw.as_mut_ptr();
            let event = convert(&*raw);
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

unsafe fn error(parser: &sys::yaml_parser_t) -> SyntaxError {
    let problem = unsafe { text(parser.problem.cast()) }.unwrap_or_else(|| "unknown error".into());
    let problem_mark = Mark::from_sys(parser.problem_mark);
    let marked = |m: &Mark| m.line > 1 || m.column > 1 || m.index > 0;
    let context_mark = Mark::from_sys(parser.context_mark);
    SyntaxError {
        problem,
        problem_mark: marked(&problem_mark).then_some(problem_mark),
        context: unsafe { text(parser.context.cast()) }.map(|c| (c, context_mark)),
    }
}

unsafe fn convert(raw: &sys::yaml_event_t) -> Option<Event> {
    let start = Mark::from_sys(raw.start_mark);
    let end = Mark::from_sys(raw.end_mark);
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
