//! Proof rounds (一校, 二校…): what a proof printed, kept by name, so that later proofs can be
//! marked against it rather than against the build before (`banmian serve`'s "keep as round",
//! `banmian diff --since ROUND`). A round is a JSON file, `out/rounds/<page>/<NAME>.json`
//! (beside the page's default output), holding each printed line's characters with their
//! boxes and each photo's place; it is written once and never replaced.

use crate::content::t;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::sources::{Prints, Source};
use crate::preflight::Area;

/// What a round keeps of one printed line or photo.
#[derive(Serialize, Deserialize)]
struct Kept {
    story: String,
    what: String,
    area: Area,
    prints: Prints,
}

#[derive(Serialize, Deserialize)]
struct RoundFile {
    /// The page's YAML file, as given when the round was kept.
    page: String,
    name: String,
    kept: Vec<Kept>,
}

/// The folder of `page`'s rounds: `out/rounds/<page>/` in the project at `root` (whatever the
/// current directory), named as the page's default output is.
pub fn folder(root: &Path, page: &Path) -> PathBuf {
    let output = crate::project::default_output(page, "json");
    let name = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "page".into());
    root.join("out").join("rounds").join(name)
}

/// The longest round name, in characters.
const MAX_NAME: usize = 40;

/// A round's name: what the desk calls it (一校, r2, 2024-05-01), printable characters only
/// (what the desk sees is what the file is called: no invisible or reordering characters),
/// nothing that could be read as a path.
pub fn check_name(name: &str) -> Result<(), String> {
    let refuse = |why: &str, c: Option<char>| {
        Err(t!(
            "round-name-bad",
            name = name.escape_debug(),
            why = why,
            max = MAX_NAME,
            char = c.map(String::from).unwrap_or_default(),
            code = c.map_or(String::new(), |c| format!("{:04X}", u32::from(c)))
        ))
    };
    if name.trim().is_empty() {
        return refuse("empty", None);
    }
    if name.chars().count() > MAX_NAME {
        return refuse("long", None);
    }
    if name.trim() != name {
        return refuse("space", None);
    }
    if name.starts_with('.') {
        return refuse("dot", None);
    }
    if let Some(c) = name.chars().find(|&c| is_path_character(c)) {
        return refuse("path", Some(c));
    }
    if let Some(c) = name.chars().find(|&c| !is_printable(c)) {
        return refuse(unprintable_kind(c), Some(c));
    }
    Ok(())
}

/// Characters a file name cannot hold on some system (a separator, a drive colon, a wildcard).
fn is_path_character(c: char) -> bool {
    matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
}

/// Whether `c` shows as itself: not a control character, not an invisible formatting
/// character (bidi controls, zero-width characters, tags…), not a line or paragraph separator,
/// not a noncharacter.
fn is_printable(c: char) -> bool {
    !c.is_control() && !is_bidi_control(c) && !is_invisible_format(c)
}

/// The characters that reorder text around them (Unicode's Bidi_Control): a name holding one
/// can display as another name.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Invisible characters other than bidi controls: Unicode's format characters (general
/// category Cf: zero-width spaces and joiners, the soft hyphen, the byte-order mark, tags…),
/// the line and paragraph separators, and the noncharacters.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2028}'..='\u{2029}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FDD0}'..='\u{FDEF}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    ) || (u32::from(c) & 0xFFFE) == 0xFFFE
}

/// What an unprintable character is, for the message refusing it (`why` in `round-name-bad`).
fn unprintable_kind(c: char) -> &'static str {
    if c.is_control() {
        "control"
    } else if is_bidi_control(c) {
        "bidi"
    } else {
        "invisible"
    }
}

/// Keeps `sources` as round `name` of `page` in `folder`; refuses to replace a kept round.
pub fn save(folder: &Path, page: &Path, name: &str, sources: &[Source]) -> Result<PathBuf, String> {
    check_name(name)?;
    let path = folder.join(format!("{name}.json"));
    if path.exists() {
        return Err(t!("round-kept-already", name = name, path = path.display()));
    }
    let file = RoundFile {
        page: page.display().to_string(),
        name: name.to_string(),
        kept: sources
            .iter()
            .map(|s| Kept {
                story: s.story.clone(),
                what: s.what.clone(),
                area: s.area,
                prints: s.prints.clone(),
            })
            .collect(),
    };
    let json = serde_json::to_vec(&file).map_err(|err| err.to_string())?;
    crate::atomic::write_atomic(&path, &json).map_err(|err| {
        t!(
            "round-cannot-keep",
            name = name,
            path = path.display(),
            error = err
        )
    })?;
    Ok(path)
}

/// Round `name` of the page whose rounds are in `folder`, as sources to compare against.
pub fn load(folder: &Path, name: &str) -> Result<Vec<Source>, String> {
    check_name(name)?;
    let path = folder.join(format!("{name}.json"));
    let bytes = std::fs::read(&path).map_err(|err| {
        let kept = list(folder);
        let kept = if kept.is_empty() {
            "none".to_string()
        } else {
            kept.join(", ")
        };
        t!(
            "round-none",
            name = name,
            path = path.display(),
            error = err,
            kept = kept
        )
    })?;
    let file: RoundFile = serde_json::from_slice(&bytes)
        .map_err(|err| t!("round-not-ours", path = path.display(), error = err))?;
    Ok(file
        .kept
        .into_iter()
        .map(|k| Source {
            area: k.area,
            line: 0,
            column: 0,
            what: k.what,
            story: k.story,
            prints: k.prints,
        })
        .collect())
}

/// The names of the rounds kept in `folder`, sorted.
pub fn list(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.strip_suffix(".json")?.to_string();
            check_name(&name).is_ok().then_some(name)
        })
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_names_are_names_not_paths() {
        for good in ["一校", "r2", "2024-05-01 二校", "Épreuve 2", "校对（二）"] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            " ",
            "../x",
            "a/b",
            "a\\b",
            ".hidden",
            "x\u{7}",
            " 一校",
            "一校 ",
            &"长".repeat(41),
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn round_names_hold_printable_characters_only() {
        for (bad, said) in [
            ("一校\u{202E}nosj.exe", "U+202E, a bidi control"),
            ("\u{2066}一校", "U+2066, a bidi control"),
            ("一\u{200F}校", "U+200F, a bidi control"),
            ("一\u{200B}校", "U+200B, an invisible character"),
            ("一\u{FEFF}校", "U+FEFF, an invisible character"),
            ("一\u{E0041}校", "U+E0041, an invisible character"),
            ("一\u{2028}校", "U+2028, an invisible character"),
            ("一\u{FFFF}校", "U+FFFF, an invisible character"),
            ("一\t校", "U+0009, a control character"),
            ("一\u{85}校", "U+0085, a control character"),
        ] {
            let message = check_name(bad).unwrap_err();
            assert!(message.contains(said), "{bad:?}: {message}");
            // The message shows the name escaped: it cannot reorder the line it is printed on.
            assert!(message.chars().all(is_printable), "{message:?}");
        }
        assert!(check_name("a:b").unwrap_err().contains("holds `:`"));
    }

    #[test]
    fn a_kept_round_reads_back_and_is_never_replaced() {
        let dir = crate::content::scratch::TempDir::new().unwrap();
        let area = Area {
            page: 1,
            x: 1.0,
            y: 2.0,
            width: 3.0,
            height: 4.0,
        };
        let sources = vec![Source {
            area,
            line: 3,
            column: 5,
            what: "sections[0].body".into(),
            story: "section-1".into(),
            prints: Prints::Text(vec![('字', area)]),
        }];
        let page = Path::new("content/p/page.yaml");
        save(dir.path(), page, "一校", &sources).unwrap();
        let back = load(dir.path(), "一校").unwrap();
        assert_eq!(back.len(), 1);
        assert!(matches!(&back[0].prints, Prints::Text(t) if t[0].0 == '字'));
        assert!(
            save(dir.path(), page, "一校", &sources)
                .unwrap_err()
                .contains("kept already")
        );
        assert_eq!(list(dir.path()), ["一校"]);
        assert!(
            load(dir.path(), "二校")
                .unwrap_err()
                .contains("kept rounds: 一校")
        );
    }
}
