//! One pass over the page's YAML events before serde sees it. It enforces the limits while
//! nothing is expanded yet (an alias costs a counter here, not a copy), finds duplicate keys
//! where the second one stands, checks every text value for characters that cannot print, and
//! records where each node sits so later checks can point at the exact line and column.

use std::collections::HashMap;
use std::path::Path;

use super::events::{self, Kind, Mark};
use super::syntax;
use crate::error::ContentError;
use crate::hygiene::{self, Oddity};
use crate::limits::{self, Limit};

/// Where a node sits: its key (for mapping values) and its value, from libyaml's own marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub key: Option<Mark>,
    pub value: Mark,
    /// Where the value ends: a text's last character, a list's or mapping's last node.
    pub end: Mark,
    /// Whether the value is a text (a scalar) rather than a list, mapping or alias.
    pub scalar: bool,
}

/// Every node's place by path, written as serde writes paths: `sections[1].photos[0].file`.
#[derive(Debug, Default)]
pub struct Positions {
    nodes: HashMap<String, Place>,
}

impl Positions {
    pub fn get(&self, path: &str) -> Option<Place> {
        self.nodes.get(path).copied()
    }

    /// Where the value at `path` starts, else where its nearest enclosing node does.
    pub fn value(&self, path: &str) -> (usize, usize) {
        let mut path = path;
        loop {
            if let Some(place) = self.nodes.get(path) {
                return place.value.at();
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return (1, 1),
            }
        }
    }

    /// Where the field at `path` is given: its key (its value for a list item); when the page
    /// does not give it (a folio field the issue gives), the key of its nearest enclosing
    /// node that it does give.
    pub fn field(&self, path: &str) -> (usize, usize) {
        let mut path = path;
        loop {
            if let Some(place) = self.nodes.get(path) {
                return place.key.unwrap_or(place.value).at();
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return (1, 1),
            }
        }
    }

    /// Where character `c` is first typed in the text at `path`, or in the first text under
    /// it (a list of heads, a photo's caption and credit) that has it: looked for in each
    /// text's own span of `source` (the text these positions were scanned from), so never in
    /// another field, a key or a comment. `None` when no text there has it typed as itself
    /// (written as an escape, say).
    pub fn char_in(&self, source: &str, path: &str, c: char) -> Option<(usize, usize)> {
        let mut texts: Vec<&Place> = self
            .nodes
            .iter()
            .filter(|(p, place)| place.scalar && is_under(p, path))
            .map(|(_, place)| place)
            .collect();
        texts.sort_by_key(|place| place.value.index);
        texts
            .into_iter()
            .find_map(|place| char_in_span(source, place.value, place.end, c))
    }

    /// Where the key of `path` stands (its value's place for list items).
    pub fn key(&self, path: &str) -> (usize, usize) {
        match self.nodes.get(path) {
            Some(place) => place.key.unwrap_or(place.value).at(),
            None => self.value(path),
        }
    }

    /// The path of the node a position of the text belongs to: the innermost node starting at
    /// or before it (for a position inside a paragraph, `sections[0].body`).
    pub fn path_at(&self, at: (usize, usize)) -> Option<&str> {
        self.nodes
            .iter()
            .filter(|(_, place)| place.value.at() <= at)
            .max_by_key(|(path, place)| (place.value.at(), path.len()))
            .map(|(path, _)| path.as_str())
    }

    /// Every key named `name`, wherever it stands, as (path, place).
    pub fn keys_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (&'a str, Place)> + 'a {
        self.nodes.iter().filter_map(move |(path, place)| {
            let last = path.rsplit('.').next()?;
            (last == name && place.key.is_some()).then_some((path.as_str(), *place))
        })
    }
}

/// Whether the node at `path` is `under` or inside it (`sections[1].head[0]` is under
/// `sections[1]`, `sections[10]` is not).
pub(crate) fn is_under(path: &str, under: &str) -> bool {
    under.is_empty()
        || path
            .strip_prefix(under)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Where `c` first stands in `source` between two marks of one text, as (line, column);
/// lines counted at `\n` as the marks count them. A block's header line (`|`, `>-`, and any
/// comment after it) is not the text.
pub(crate) fn char_in_span(
    source: &str,
    start: Mark,
    end: Mark,
    c: char,
) -> Option<(usize, usize)> {
    str_in_span(source, start, end, c.encode_utf8(&mut [0; 4]))
}

/// Where `needle` first stands in `source` between two marks of one text, as
/// [`char_in_span`] finds a character.
fn str_in_span(source: &str, start: Mark, end: Mark, needle: &str) -> Option<(usize, usize)> {
    let span = source.get(start.index..end.index.min(source.len()))?;
    let skip = if span.starts_with(['|', '>']) {
        span.find('\n').unwrap_or(span.len())
    } else {
        0
    };
    let offset = skip + span[skip..].find(needle)?;
    let before = &span[..offset];
    Some(match before.rfind('\n') {
        Some(nl) => (
            start.line + before.matches('\n').count(),
            before[nl + 1..].chars().count() + 1,
        ),
        None => (start.line, start.column + before.chars().count()),
    })
}

/// What the scan learnt: positions, and warnings that do not stop the build.
#[derive(Debug, Default)]
pub struct Scanned {
    pub positions: Positions,
    pub warnings: Vec<ContentError>,
}

const MAX_REPORTED: usize = 20;

/// Scans `source` (the text of `file`). Errors stop at the first limit exceeded.
pub fn scan(file: &Path, source: &str) -> Result<Scanned, Vec<ContentError>> {
    scan_counted(file, source).0
}

/// Most libyaml events a scan reads, whatever the input: every event but the ends of lists
/// and mappings (no more than their starts) and the stream's and document's frame is a node,
/// and the scan stops at the first node past `expanded-nodes`. The fuzzers check the scan
/// keeps to it: the loader's own count of its work, where a time limit would be a guess.
pub const MAX_EVENTS: u64 = 2 * (limits::NODES.max + 1) + 4;

/// [`scan`], and how many events it read.
pub fn scan_counted(file: &Path, source: &str) -> (Result<Scanned, Vec<ContentError>>, u64) {
    let mut walk = Walk {
        file,
        source,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        chars: 0,
        aliases: 0,
        documents: 0,
        scanned: Scanned::default(),
        errors: Vec::new(),
        last_block: None,
    };
    let mut count = 0;
    let read = events::read(source, |event| {
        count += 1;
        walk.note_block(&event);
        walk.event(event)
    });
    let result = if let Err(err) = read {
        Err(vec![syntax::error(file, source, &err, walk.last_block)])
    } else if walk.errors.is_empty() {
        Ok(walk.scanned)
    } else {
        Err(walk.errors)
    };
    (result, count)
}

struct Frame {
    path: String,
    mapping: bool,
    /// Items seen so far (lists) or keys seen so far with where they stand (mappings).
    items: usize,
    keys: HashMap<String, Mark>,
    /// The key whose value comes next, and where it stands.
    pending: Option<(String, Mark)>,
    anchor: Option<String>,
    nodes_before: u64,
    chars_before: u64,
}

/// Where a node falls: a mapping's key, or a value at a path (with its key's place).
enum Slot {
    Key,
    Value(String, Option<Mark>),
}

struct Walk<'a> {
    file: &'a Path,
    source: &'a str,
    stack: Vec<Frame>,
    /// Size of each anchored node once expanded: (nodes, characters).
    anchors: HashMap<String, (u64, u64)>,
    nodes: u64,
    chars: u64,
    aliases: u64,
    documents: usize,
    scanned: Scanned,
    errors: Vec<ContentError>,
    /// The last node read, when it was a block of text (`key: |`): its start and end marks.
    /// A syntax error right after one is most often a line that cut the block short.
    last_block: Option<(Mark, Mark)>,
}

impl Walk<'_> {
    /// Keeps `last_block` up to date: set by a block scalar, cleared by any other node (the
    /// ends of lists and mappings are no nodes).
    fn note_block(&mut self, event: &events::Event) {
        match event.kind {
            Kind::Scalar { .. } => {
                let opening = self.source.get(event.start.index..).unwrap_or("");
                self.last_block = opening
                    .starts_with(['|', '>'])
                    .then_some((event.start, event.end));
            }
            Kind::Alias(_) | Kind::SequenceStart | Kind::MappingStart => self.last_block = None,
            _ => {}
        }
    }

    /// Takes one event; `false` stops the scan (an error was found).
    fn event(&mut self, event: events::Event) -> bool {
        let at = event.start;
        match event.kind {
            Kind::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    return self.fail(
                        at,
                        crate::t!("second-document"),
                        &crate::t!("second-document-hint"),
                    );
                }
            }
            Kind::Scalar { value, .. } => {
                let length = value.chars().count() as u64;
                self.nodes += 1;
                self.chars += length;
                match self.slot() {
                    Slot::Key => {
                        if limits::KEY_CHARS.exceeded_by(length) {
                            return self.over(limits::KEY_CHARS, "key", length, at);
                        }
                        if !self.key(value, at) {
                            return false;
                        }
                    }
                    Slot::Value(path, key) => {
                        self.place(&path, key, at, event.end, true);
                        if limits::FIELD_CHARS.exceeded_by(length) {
                            return self.over(
                                limits::FIELD_CHARS,
                                &format!("`{path}`"),
                                length,
                                at,
                            );
                        }
                        self.text(&path, &value, at, event.end);
                        self.long_words(&path, &value, at, event.end);
                    }
                }
                if let Some(anchor) = event.anchor {
                    self.anchors.insert(anchor, (1, length));
                }
            }
            Kind::Alias(name) => {
                self.aliases += 1;
                if limits::ALIASES.exceeded_by(self.aliases) {
                    return self.over(limits::ALIASES, "page", self.aliases, at);
                }
                let Some(&(nodes, chars)) = self.anchors.get(&name) else {
                    return self.fail(
                        at,
                        crate::t!("no-anchor", name = name),
                        &crate::t!("no-anchor-hint"),
                    );
                };
                self.nodes = self.nodes.saturating_add(nodes);
                self.chars = self.chars.saturating_add(chars);
                match self.slot() {
                    Slot::Key => {
                        return self.fail(
                            at,
                            crate::t!("alias-as-key"),
                            &crate::t!("alias-as-key-hint"),
                        );
                    }
                    Slot::Value(path, key) => self.place(&path, key, at, event.end, false),
                }
            }
            Kind::SequenceStart | Kind::MappingStart => {
                self.nodes += 1;
                let path = match self.slot() {
                    Slot::Key => {
                        return self.fail(
                            at,
                            crate::t!("key-not-text"),
                            &crate::t!("key-not-text-hint"),
                        );
                    }
                    Slot::Value(path, key) => {
                        self.place(&path, key, at, event.end, false);
                        path
                    }
                };
                self.stack.push(Frame {
                    path,
                    mapping: event.kind == Kind::MappingStart,
                    items: 0,
                    keys: HashMap::new(),
                    pending: None,
                    anchor: event.anchor,
                    nodes_before: self.nodes,
                    chars_before: self.chars,
                });
                if limits::DEPTH.exceeded_by(self.stack.len() as u64) {
                    return self.over(limits::DEPTH, "page", self.stack.len() as u64, at);
                }
            }
            Kind::SequenceEnd | Kind::MappingEnd => {
                let frame = self.stack.pop();
                if let Some(frame) = &frame {
                    self.close(&frame.path, event.end);
                }
                if let Some(frame) = frame
                    && let Some(anchor) = frame.anchor
                {
                    // The node's own start counted once already; what it holds is the rest.
                    let size = (
                        self.nodes - frame.nodes_before + 1,
                        self.chars - frame.chars_before,
                    );
                    self.anchors.insert(anchor, size);
                }
            }
            Kind::Other => {}
        }
        if limits::NODES.exceeded_by(self.nodes) {
            return self.over(limits::NODES, "page-expanded", self.nodes, at);
        }
        if limits::PAGE_CHARS.exceeded_by(self.chars) {
            return self.over(limits::PAGE_CHARS, "page-text", self.chars, at);
        }
        true
    }

    /// Where the next node falls, advancing the enclosing list or mapping.
    fn slot(&mut self) -> Slot {
        let Some(frame) = self.stack.last_mut() else {
            return Slot::Value(String::new(), None);
        };
        if frame.mapping {
            match frame.pending.take() {
                None => Slot::Key,
                Some((key, mark)) => {
                    let path = if frame.path.is_empty() {
                        key
                    } else {
                        format!("{}.{key}", frame.path)
                    };
                    Slot::Value(path, Some(mark))
                }
            }
        } else {
            frame.items += 1;
            Slot::Value(format!("{}[{}]", frame.path, frame.items - 1), None)
        }
    }

    /// A mapping key: refused if the mapping has it already.
    fn key(&mut self, key: String, at: Mark) -> bool {
        let frame = self.stack.last_mut().expect("keys stand in mappings");
        if let Some(first) = frame.keys.get(&key) {
            let first = *first;
            let within = if frame.path.is_empty() {
                "page"
            } else {
                &frame.path
            };
            let message = crate::t!(
                "duplicate-key",
                key = key,
                within = within,
                line = first.line
            );
            return self.fail(at, message, &crate::t!("duplicate-key-hint"));
        }
        frame.keys.insert(key.clone(), at);
        frame.pending = Some((key, at));
        true
    }

    fn place(&mut self, path: &str, key: Option<Mark>, value: Mark, end: Mark, scalar: bool) {
        self.scanned.positions.nodes.insert(
            path.to_string(),
            Place {
                key,
                value,
                end,
                scalar,
            },
        );
    }

    /// A list or mapping closed at `end`: its place spans what it holds.
    fn close(&mut self, path: &str, end: Mark) {
        if let Some(place) = self.scanned.positions.nodes.get_mut(path) {
            place.end = end;
        }
    }

    /// Checks one text value for characters that cannot print.
    fn text(&mut self, path: &str, value: &str, start: Mark, end: Mark) {
        let mut invisible: Option<(char, usize)> = None;
        for c in value.chars() {
            match hygiene::oddity(c) {
                Some(Oddity::Forbidden) if self.errors.len() < MAX_REPORTED => {
                    // Characters typed raw were refused before the scan: this one was written
                    // as an escape (`\a`, `\x07`…) in a double-quoted text.
                    self.errors.push(
                        ContentError::new(
                            self.file,
                            start.at(),
                            crate::t!("escaped-control", path = path, char = hygiene::describe(c)),
                        )
                        .hint(crate::t!("escaped-control-hint")),
                    );
                    return;
                }
                Some(Oddity::Invisible) => match &mut invisible {
                    Some((first, count)) if *first == c => *count += 1,
                    Some(_) => {}
                    None => invisible = Some((c, 1)),
                },
                _ => {}
            }
        }
        if let Some((c, count)) = invisible
            && self.scanned.warnings.len() < MAX_REPORTED
        {
            let at = self.find(c, start, end);
            let message = crate::t!(
                "invisible-char",
                path = path,
                char = hygiene::describe(c),
                count = count
            );
            self.scanned.warnings.push(
                ContentError::new(self.file, at, message).hint(crate::t!("invisible-char-hint")),
            );
        }
    }

    /// A word too long to break (a pasted URL, letters without spaces): it is set with
    /// emergency breaks (`text::breakable`), which the editor should know of.
    fn long_words(&mut self, path: &str, value: &str, start: Mark, end: Mark) {
        // Names and paths, not text the page prints.
        let field = path.rsplit('.').next().unwrap_or(path);
        if matches!(
            field,
            "file" | "template" | "id" | "date" | "focus" | "kind" | "frame"
        ) {
            return;
        }
        let Some(&(from, length)) = crate::text::unbroken_runs(value).first() else {
            return;
        };
        if self.scanned.warnings.len() >= MAX_REPORTED {
            return;
        }
        let word: String = value.chars().skip(from).take(length).collect();
        let opening: String = word.chars().take(12).collect();
        let at = self.find_str(&opening, start, end);
        self.scanned.warnings.push(
            ContentError::new(
                self.file,
                at,
                crate::t!("long-word", path = path, length = length, opening = opening),
            )
            .hint(crate::t!("long-word-hint")),
        );
    }

    /// Where `c` first stands in the source between two marks (the start, if written as an
    /// escape).
    fn find(&self, c: char, start: Mark, end: Mark) -> (usize, usize) {
        self.find_str(c.encode_utf8(&mut [0; 4]), start, end)
    }

    /// Where `needle` first stands in the source between two marks (the start, if it is not
    /// there as typed).
    fn find_str(&self, needle: &str, start: Mark, end: Mark) -> (usize, usize) {
        str_in_span(self.source, start, end, needle).unwrap_or(start.at())
    }

    fn over(&mut self, limit: Limit, what: &str, value: u64, at: Mark) -> bool {
        self.fail(at, limit.message(what, value), &crate::t!("limit-hint"))
    }

    fn fail(&mut self, at: Mark, message: String, hint: &str) -> bool {
        self.errors
            .push(ContentError::new(self.file, at.at(), message).hint(hint));
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_text(text: &str) -> Result<Scanned, Vec<ContentError>> {
        scan(Path::new("p.yaml"), text)
    }

    fn first_error(text: &str) -> ContentError {
        scan_text(text).unwrap_err().remove(0)
    }

    #[test]
    fn records_positions_by_path() {
        let s = scan_text("a: 1\nlist:\n  - x: 2\n    y: [3, 4]\n").unwrap();
        assert_eq!(s.positions.value("a"), (1, 4));
        assert_eq!(s.positions.key("list[0].y"), (4, 5));
        assert_eq!(s.positions.value("list[0].y[1]"), (4, 12));
        assert_eq!(s.positions.value("list[0].z"), (3, 5));
    }

    #[test]
    fn finds_a_character_inside_its_own_text() {
        let text = "head: [甲乙, 丙丁]\nbody: |  # 丁 in a comment\n  一二\n  三丁四\nother: 丁\nq: \"\\u4E01\"\n";
        let s = scan_text(text).unwrap();
        let p = &s.positions;
        assert_eq!(p.char_in(text, "head", '丁'), Some((1, 13)));
        assert_eq!(p.char_in(text, "body", '丁'), Some((4, 4)));
        assert_eq!(p.char_in(text, "other", '丁'), Some((5, 8)));
        // Written as an escape: not typed anywhere in the text.
        assert_eq!(p.char_in(text, "q", '丁'), None);
        assert_eq!(p.field("head[1]"), (1, 12));
        assert_eq!(p.field("head"), (1, 1));
        assert_eq!(p.field("head.nothing"), (1, 1));
        assert!(
            is_under("sections[1].head", "sections[1]") && !is_under("sections[10]", "sections[1]")
        );
    }

    #[test]
    fn points_at_the_second_of_two_duplicate_keys() {
        let e = first_error("a: 1\nb:\n  c: 1\n  c: 2\n");
        assert_eq!((e.line, e.column), (4, 3));
        assert!(
            e.message.contains("duplicate key `c` in `b`"),
            "{}",
            e.message
        );
        assert!(e.message.contains("line 3"), "{}", e.message);
    }

    #[test]
    fn counts_aliases_without_expanding_them() {
        // Nine levels of ten aliases each: 10^9 nodes if expanded.
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            text += &format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            );
        }
        let e = first_error(&text);
        assert!(
            e.message.contains("limit `expanded-nodes` exceeded"),
            "{}",
            e.message
        );
    }

    #[test]
    fn limits_aliases_depth_and_field_length() {
        let many = format!("a: &a x\nb: [{}]\n", vec!["*a"; 101].join(", "));
        assert!(first_error(&many).message.contains("limit `aliases`"));
        let deep = format!("{}{}", "[".repeat(17), "]".repeat(17));
        assert!(first_error(&deep).message.contains("limit `nesting-depth`"));
        let long = format!("a: b\nbody: {}\n", "字".repeat(20_001));
        let e = first_error(&long);
        assert!(
            e.message
                .contains("`body`: limit `field-characters` exceeded: 20,001"),
            "{}",
            e.message
        );
        assert_eq!((e.line, e.column), (2, 7));
    }

    #[test]
    fn escaped_control_characters_are_errors_and_invisible_ones_warnings() {
        let e = first_error("a: ok\nb: \"x\\ay\"\n");
        assert!(e.message.contains("U+0007"), "{}", e.message);
        assert_eq!((e.line, e.column), (2, 4));
        let s = scan_text("a: |\n  前\u{200B}后\u{200B}\n").unwrap();
        let w = &s.warnings[0];
        assert_eq!((w.line, w.column), (2, 4));
        assert!(
            w.message.contains("zero-width space) (2 times)"),
            "{}",
            w.message
        );
    }

    #[test]
    fn one_document_per_page() {
        let e = first_error("a: 1\n---\nb: 2\n");
        assert_eq!(e.line, 2);
    }
}
