//! Proof rounds (一校, 二校…): what a proof printed, kept by name, so that later proofs can be
//! marked against it rather than against the build before (`banmian serve`'s "keep as round",
//! `banmian diff --since ROUND`). A round is a JSON file, `out/rounds/<page>/<NAME>.json`
//! (beside the page's default output), holding each printed line's characters with their
//! boxes and each photo's place; it is written once and never replaced.

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

/// The folder of `page`'s rounds: `out/rounds/<page>/`, named as its default output is.
pub fn folder(page: &Path) -> PathBuf {
    let output = crate::project::default_output(page, "json");
    let name = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "page".into());
    PathBuf::from("out").join("rounds").join(name)
}

/// A round's name: what the desk calls it (一校, r2, 2024-05-01), nothing that could be read
/// as a path.
pub fn check_name(name: &str) -> Result<(), String> {
    let valid = !name.trim().is_empty()
        && name.chars().count() <= 40
        && !name.starts_with('.')
        && !name.chars().any(|c| {
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        });
    if valid {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not a round name: up to 40 characters, no / \\ : * ? \" < > | (e.g. 一校)"
        ))
    }
}

/// Keeps `sources` as round `name` of `page` in `folder`; refuses to replace a kept round.
pub fn save(folder: &Path, page: &Path, name: &str, sources: &[Source]) -> Result<PathBuf, String> {
    check_name(name)?;
    let path = folder.join(format!("{name}.json"));
    if path.exists() {
        return Err(format!(
            "round `{name}` is kept already ({}); choose another name",
            path.display()
        ));
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
    crate::export::write_atomic(&path, &json)
        .map_err(|err| format!("cannot keep round `{name}` in {}: {err}", path.display()))?;
    Ok(path)
}

/// Round `name` of the page whose rounds are in `folder`, as sources to compare against.
pub fn load(folder: &Path, name: &str) -> Result<Vec<Source>, String> {
    check_name(name)?;
    let path = folder.join(format!("{name}.json"));
    let bytes = std::fs::read(&path).map_err(|err| {
        let kept = list(folder);
        format!(
            "no round `{name}` ({}: {err}); kept rounds: {}",
            path.display(),
            if kept.is_empty() {
                "none".to_string()
            } else {
                kept.join(", ")
            }
        )
    })?;
    let file: RoundFile = serde_json::from_slice(&bytes)
        .map_err(|err| format!("{}: not a round banmian kept: {err}", path.display()))?;
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
        for good in ["一校", "r2", "2024-05-01 二校"] {
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
            &"长".repeat(41),
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
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
