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
    let text = err.to_string();
    let (path, detail) = path_and_detail(&text);
    let message = reworded(path, detail);
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
    } else if invalid(detail).is_some() {
        crate::t!("value-kind-hint")
    } else {
        crate::t!("content-format-hint")
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
            Some(column) => crate::t!("stray-indent-hint", column = column, path = path),
            None => crate::t!("stray-line-up-hint"),
        };
        let within = crate::t!(
            "stray-within",
            path = if path.is_empty() { "none" } else { path }
        );
        return ContentError::new(
            file,
            key.at(),
            crate::t!(
                "stray-field",
                message = message,
                field = field,
                within = within
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

/// serde_yaml's message without the " at line X column Y" it appends (the location is printed
/// apart), split into the path of the mapping it was reading (`sections[0].photos[0]`, or
/// empty) and what it found there.
fn path_and_detail(text: &str) -> (&str, &str) {
    let message = text.split(" at line ").next().unwrap_or(text);
    match message.split_once(": ") {
        Some((path, detail)) if !path.contains(' ') => (path, detail),
        _ => ("", message),
    }
}

/// serde's words for `detail` said in the catalogue's, after the mapping's `path`; what the
/// catalogue has no words for stays as serde said it.
fn reworded(path: &str, detail: &str) -> String {
    let said = if let Some(field) = missing_field(detail) {
        crate::t!("serde-missing", field = field)
    } else if let Some((wrong, expected)) = unknown_field(detail) {
        let names: Vec<String> = expected.iter().map(|name| format!("`{name}`")).collect();
        crate::t!(
            "serde-unknown",
            field = wrong,
            count = expected.len(),
            expected = names.join(&crate::t!("list-sep"))
        )
    } else if let Some((which, got, want)) = invalid(detail) {
        let (kind, value) = unexpected(got);
        crate::t!(
            "serde-invalid",
            which = which,
            got = crate::t!("serde-got", kind = kind, value = value, raw = got),
            want = crate::t!("serde-want", kind = expected_kind(want), raw = want)
        )
    } else {
        detail.to_string()
    };
    if path.is_empty() {
        said
    } else {
        crate::t!("at-path", path = path, message = said)
    }
}

/// serde's "invalid type: string \"x\", expected u32" as (`type`, what it got, what it wanted).
fn invalid(detail: &str) -> Option<(&str, &str, &str)> {
    let (which, rest) = detail
        .strip_prefix("invalid type: ")
        .map(|rest| ("type", rest))
        .or_else(|| {
            detail
                .strip_prefix("invalid value: ")
                .map(|rest| ("value", rest))
        })?;
    let (got, want) = rest.rsplit_once(", expected ")?;
    Some((which, got, want))
}

/// What serde got, as a kind the catalogue names and the value (`string`, `"第一部分"`); an
/// unknown kind is `other`.
fn unexpected(got: &str) -> (&'static str, &str) {
    const WITH_VALUE: [(&str, &str); 5] = [
        ("string ", "string"),
        ("integer ", "integer"),
        ("floating point ", "float"),
        ("boolean ", "boolean"),
        ("character ", "character"),
    ];
    for (words, kind) in WITH_VALUE {
        if let Some(value) = got.strip_prefix(words) {
            return (kind, value);
        }
    }
    let kind = match got {
        "sequence" => "sequence",
        "map" => "map",
        "unit value" => "unit",
        _ => "other",
    };
    (kind, "")
}

/// What serde wanted, as a kind the catalogue names (`u32`: `unsigned`).
fn expected_kind(want: &str) -> &'static str {
    match want {
        "a sequence" => "sequence",
        "a string" | "a borrowed string" => "string",
        "a boolean" => "boolean",
        "u8" | "u16" | "u32" | "u64" | "usize" => "unsigned",
        "i8" | "i16" | "i32" | "i64" | "isize" => "integer",
        "f32" | "f64" => "number",
        "a map" => "map",
        want if want.starts_with("struct ") => "map",
        _ => "other",
    }
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
    let (path, detail) = path_and_detail(&text);
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
    fn serde_is_said_again_in_the_same_words_in_english() {
        crate::messages::set_lang(Some(crate::messages::Lang::En));
        for (path, detail) in [
            (
                "sections[0]",
                "unknown field `bdy`, expected one of `number`, `head`, `body`",
            ),
            ("", "unknown field `x`, expected `a`"),
            (
                "folio.page",
                "invalid type: string \"第一版\", expected u32",
            ),
            (
                "sections[0].number",
                "invalid value: integer `-1`, expected u32",
            ),
            ("", "missing field `folio`"),
            ("", "something serde says we do not know"),
        ] {
            let expected = match path {
                "" => detail.to_string(),
                path => format!("{path}: {detail}"),
            };
            assert_eq!(reworded(path, detail), expected);
        }
        assert_eq!(
            invalid("invalid type: string \"a, expected b\", expected a sequence"),
            Some(("type", "string \"a, expected b\"", "a sequence"))
        );
        assert_eq!(unexpected("integer `-1`"), ("integer", "`-1`"));
        assert_eq!(expected_kind("struct Folio"), "map");
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
