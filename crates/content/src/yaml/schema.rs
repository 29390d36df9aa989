//! serde's schema errors (unknown, missing or mistyped fields), located with the scan's
//! positions and given advice.

use std::path::Path;

use super::events::Breaks;
use super::scan::{Positions, is_under};
use crate::error::{ContentError, closest};

pub fn error(
    file: &Path,
    source: &str,
    positions: &Positions,
    err: &serde_yaml::Error,
) -> ContentError {
    // serde_yaml's location is libyaml's: lines counted as libyaml counts them.
    let at = err.location().map_or((1, 1), |l| {
        Breaks::new(source)
            .mark(
                l.index(),
                l.line().saturating_sub(1),
                l.column().saturating_sub(1),
            )
            .at()
    });
    // serde_yaml appends " at line X column Y"; we print the location ourselves.
    let text = err.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text).to_string();
    // serde prefixes the path of the mapping it was reading: `sections[0].photos[0]: …`.
    let (path, detail) = match message.split_once(": ") {
        Some((path, detail)) if !path.contains(' ') => (path, detail),
        _ => ("", message.as_str()),
    };
    if let Some(field) = missing_field(detail) {
        return missing(file, positions, path, field, &message, at);
    }
    let mut fix = None;
    let hint = if let Some((wrong, expected)) = unknown_field(detail) {
        match closest(wrong, &expected) {
            Some(best) => {
                fix = Some((wrong.to_string(), best.to_string()));
                crate::t!("did-you-mean", best = best)
            }
            None => crate::t!("allowed-keys", keys = expected.join(", ")),
        }
    } else if detail.contains("invalid type") || detail.contains("invalid value") {
        "check the value's kind: text, a number, or a list (`- item` lines)".into()
    } else {
        "check indentation and quoting; see README.md, section \"Content format\"".into()
    };
    let error = ContentError::new(file, at, message).hint(hint);
    match fix {
        Some((wrong, right)) => error.fix(wrong, right),
        None => error,
    }
}

/// A required field is missing from the mapping at `path`. Often it is there but indented
/// wrongly, so that YAML gave it to another mapping: then point at it.
fn missing(
    file: &Path,
    positions: &Positions,
    path: &str,
    field: &str,
    message: &str,
    serde_at: (usize, usize),
) -> ContentError {
    let expected = if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    };
    let stray = positions
        .keys_named(field)
        .filter(|(p, _)| *p != expected)
        .filter_map(|(p, place)| Some((stray_rank(path, p, field)?, place)))
        .min_by_key(|(rank, place)| (*rank, place.key.map(|m| m.index)));
    if let Some((_, place)) = stray {
        let key = place.key.expect("keys_named gives keys");
        let sibling_column = positions
            .get(path)
            .and_then(|mapping| (!path.is_empty()).then_some(mapping.value.column));
        let advice = match sibling_column {
            Some(column) => {
                format!("indent it to column {column}, like the other keys of `{path}`")
            }
            None => "line it up with the keys it belongs with".into(),
        };
        return ContentError::new(
            file,
            key.at(),
            format!(
                "{message}: a `{field}` stands here, but its indentation puts it outside `{}`",
                if path.is_empty() { "the page" } else { path }
            ),
        )
        .hint(advice);
    }
    let at = if path.is_empty() {
        serde_at
    } else {
        positions.key(path)
    };
    ContentError::new(file, at, message.to_string()).hint(crate::t!("add-the-field"))
}

/// How likely a `field` key at `found` is the one the mapping at `path` lacks, put in the
/// wrong place by its indentation (lower is likelier): in a mapping enclosing `path`, the
/// nearest first (indented too little), then one inside `path` (indented too much). A key of
/// that name under another node (another photo's caption) is that node's own: `None`.
fn stray_rank(path: &str, found: &str, field: &str) -> Option<(u8, usize)> {
    let parent = found
        .strip_suffix(field)
        .map(|p| p.strip_suffix('.').unwrap_or(p))?;
    if parent != path && is_under(path, parent) {
        return Some((0, usize::MAX - parent.len()));
    }
    is_under(parent, path).then_some((1, 0))
}

fn missing_field(detail: &str) -> Option<&str> {
    let rest = detail.strip_prefix("missing field `")?;
    rest.split('`').next()
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" message.
fn unknown_field(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message.split("unknown field `").nth(1)?;
    let (wrong, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).collect();
    Some((wrong, expected))
}

/// When serde stopped at a key the model does not have: the key and, if any, the one it most
/// likely means as a path (`sections[0].photos[0].caption`), so the rest can be read on without
/// it, or with it read as meant.
pub fn unknown_key(err: &serde_yaml::Error) -> Option<(String, Option<String>)> {
    let text = err.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text);
    let (path, detail) = match message.split_once(": ") {
        Some((path, detail)) if !path.contains(' ') => (path, detail),
        _ => ("", message),
    };
    let (wrong, expected) = unknown_field(detail)?;
    let meant = closest(wrong, &expected).map(|meant| match path {
        "" => meant.to_string(),
        path => format!("{path}.{meant}"),
    });
    Some((wrong.to_string(), meant))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_serde_unknown_field_messages() {
        let msg = "unknown field `bdy`, expected one of `number`, `head`, `body`";
        let (wrong, expected) = unknown_field(msg).unwrap();
        assert_eq!(wrong, "bdy");
        assert_eq!(expected, ["number", "head", "body"]);
        assert_eq!(missing_field("missing field `page`"), Some("page"));
    }

    #[test]
    fn a_stray_key_is_looked_for_around_the_mapping_that_lacks_it() {
        let photo = "sections[0].photos[1]";
        // At section level: indented too little.
        assert_eq!(
            stray_rank(photo, "sections[0].caption", "caption"),
            Some((0, usize::MAX - 11))
        );
        assert!(
            stray_rank(photo, "caption", "caption")
                > stray_rank(photo, "sections[0].caption", "caption")
        );
        // Another photo's caption is its own.
        assert_eq!(stray_rank(photo, "lead_photo.caption", "caption"), None);
        assert_eq!(
            stray_rank(photo, "sections[0].photos[0].caption", "caption"),
            None
        );
        assert_eq!(stray_rank("", "folio.headline", "headline"), Some((1, 0)));
    }
}
