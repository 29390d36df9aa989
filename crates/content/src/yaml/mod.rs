//! The page's YAML, read in two passes: a scan of libyaml's events (limits, duplicate keys,
//! unprintable characters, positions), then serde into the typed model.

mod cut;
pub mod events;
pub mod scan;
mod schema;
mod syntax;

use std::path::Path;

use serde::de::DeserializeOwned;

pub use cut::oversize;
pub use scan::{Place, Positions, Scanned};

use crate::error::ContentError;
use crate::limits;
use events::Kind;

/// Parses `source` (the text of `file`) into `T`, with positions and warnings; every unknown
/// key is reported, not only the first (see [`parse_recovering`]).
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    source: &str,
) -> Result<(T, Scanned), Vec<ContentError>> {
    let (value, scanned, unknown) = parse_recovering(file, source)?;
    if unknown.is_empty() {
        Ok((value, scanned))
    } else {
        Err(unknown)
    }
}

/// How many unknown keys are reported before reading stops.
const MAX_UNKNOWN: usize = 50;

/// Parses `source` into `T` past unknown keys: serde stops at the first, so each is reported
/// and blanked out (its line and the lines of its value turned to spaces, every byte where it
/// was, so later positions stay true) and the text read again, at most [`MAX_UNKNOWN`] times.
/// Returns the value read without them and the errors they make, for the caller to report
/// with whatever else it finds; any other schema error stops reading.
pub fn parse_recovering<T: DeserializeOwned>(
    file: &Path,
    source: &str,
) -> Result<(T, Scanned, Vec<ContentError>), Vec<ContentError>> {
    let scanned = scan::scan(file, source)?;
    let mut text = std::borrow::Cow::Borrowed(source);
    let mut unknown = Vec::new();
    loop {
        let err = match serde_yaml::from_str(&text) {
            Ok(value) => return Ok((value, scanned, unknown)),
            Err(err) => err,
        };
        unknown.push(schema::error(file, source, &scanned.positions, &err));
        let blanked = match (schema::unknown_key(&err), err.location()) {
            (Some((wrong, meant)), Some(at)) => {
                // A misspelt key is read as the one it means when that fits in its place (so
                // a required field misspelt is not reported missing as well); else dropped.
                meant
                    .filter(|path| scanned.positions.get(path).is_none())
                    .and_then(|path| {
                        let key = path.rsplit('.').next().unwrap_or(&path);
                        respell(&text, at.index(), &wrong, key)
                    })
                    .or_else(|| blank_entry(&text, at.index()))
            }
            _ => None,
        };
        match blanked {
            Some(next) if unknown.len() < MAX_UNKNOWN => text = std::borrow::Cow::Owned(next),
            _ => return Err(unknown),
        }
    }
}

/// `text` with the key `wrong` at byte `at` spelt `meant`, padded with spaces before its colon
/// to the same length; `None` if it is not there as a plain key or `meant` is longer.
fn respell(text: &str, at: usize, wrong: &str, meant: &str) -> Option<String> {
    let end = at + wrong.len();
    (text.get(at..end)? == wrong && meant.len() <= wrong.len()).then(|| {
        let padded = format!("{meant}{}", " ".repeat(wrong.len() - meant.len()));
        format!("{}{padded}{}", &text[..at], &text[end..])
    })
}

/// `text` with the mapping entry whose key starts at byte `at` turned to spaces: its line and
/// the following lines indented deeper than the key (its value), newlines kept.
fn blank_entry(text: &str, at: usize) -> Option<String> {
    // `at` is serde's byte index; a wrong one (not on a character) is no reason to panic.
    let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let indent = at - line_start;
    let mut end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i + 1);
    while end < text.len() {
        let next = &text[end..];
        let line = &next[..next.find('\n').map_or(next.len(), |i| i + 1)];
        let body = line.trim_start_matches([' ', '\t']);
        let deeper = line.len() - body.len() > indent;
        if !(deeper || body.trim().is_empty()) {
            break;
        }
        end += line.len();
    }
    let blank: String = text[line_start..end]
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    Some(format!("{}{blank}{}", &text[..line_start], &text[end..]))
}

/// The keys of `source`'s top-level mapping, in order, as far as libyaml reads: taken off the
/// event stream, so nothing is expanded and nothing but the text is held; reading stops at a
/// syntax error or at nesting past the depth limit (where libyaml turns slow).
pub fn top_keys(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let (mut depth, mut mapping, mut at_key) = (0u64, false, false);
    let _ = events::read(source, |event| {
        match event.kind {
            Kind::MappingStart | Kind::SequenceStart => {
                if depth == 0 {
                    mapping = event.kind == Kind::MappingStart;
                    at_key = true;
                }
                depth += 1;
                return !limits::DEPTH.exceeded_by(depth);
            }
            Kind::MappingEnd | Kind::SequenceEnd => {
                depth = depth.saturating_sub(1);
                // A list or mapping under a top-level key was its value.
                if depth == 1 {
                    at_key = !at_key;
                }
            }
            Kind::Scalar { value, .. } if depth == 1 && mapping => {
                if at_key {
                    keys.push(value);
                }
                at_key = !at_key;
            }
            Kind::Alias(_) if depth == 1 => at_key = !at_key,
            _ => {}
        }
        true
    });
    keys
}

#[cfg(test)]
mod tests {
    #[test]
    fn top_keys_come_off_the_events() {
        let keys = super::top_keys("a: 1\nb: [x, {y: 2}]\nc:\n  d: e\nf: &g h\ni: *g\n");
        assert_eq!(keys, ["a", "b", "c", "f", "i"]);
        assert_eq!(super::top_keys("pages: [1, 2\nheadline: x"), ["pages"]);
        assert!(super::top_keys("- a\n- b\n").is_empty());
    }
}

#[cfg(test)]
mod recovery_tests {
    use super::*;

    #[test]
    fn an_unknown_entry_is_blanked_with_its_value_and_every_byte_kept_in_place() {
        let text = "a: 1\nnotes:\n  - 一\n  - 二\nb: 2\n";
        let at = text.find("notes").unwrap();
        let blanked = blank_entry(text, at).unwrap();
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked.lines().count(), text.lines().count());
        assert!(
            blanked.starts_with("a: 1\n") && blanked.ends_with("b: 2\n"),
            "{blanked:?}"
        );
        assert!(
            !blanked.contains("notes") && !blanked.contains('一'),
            "{blanked:?}"
        );
    }

    #[test]
    fn a_misspelt_key_is_read_as_meant_when_it_fits() {
        let text = "captoin: 说明\n";
        assert_eq!(
            respell(text, 0, "captoin", "caption").unwrap(),
            "caption: 说明\n"
        );
        assert_eq!(
            respell("bdyy: x\n", 0, "bdyy", "body").unwrap(),
            "body: x\n"
        );
        assert_eq!(
            respell("bdy: x\n", 0, "bdy", "body"),
            None,
            "longer: dropped instead"
        );
        assert_eq!(
            respell("'q': x\n", 0, "q", "p"),
            None,
            "not there as a plain key"
        );
    }

    #[test]
    fn every_unknown_key_is_reported_and_the_rest_read() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            body: String,
            caption: String,
        }
        let file = Path::new("t.yaml");
        let (value, _, unknown) =
            parse_recovering::<T>(file, "body: 正文\nextra: 1\ncaptoin: 说明\n").unwrap();
        assert_eq!(value.caption, "说明");
        let lines: Vec<usize> = unknown.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3], "{unknown:?}");
        assert!(parse::<T>(file, "body: 正文\nextra: 1\ncaption: 说明\n").is_err());
    }
}
