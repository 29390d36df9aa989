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

/// Parses `source` (the text of `file`) into `T`, with positions and warnings.
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    source: &str,
) -> Result<(T, Scanned), Vec<ContentError>> {
    let scanned = scan::scan(file, source)?;
    let value = serde_yaml::from_str(source)
        .map_err(|err| vec![schema::error(file, source, &scanned.positions, &err)])?;
    Ok((value, scanned))
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
