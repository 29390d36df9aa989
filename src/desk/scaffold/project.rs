//! `banmian init`: a project folder to start from where there is none: the templates this
//! banmian was built with (`layout/`, compiled into the binary), an empty `content/`, and
//! `fonts/` filled from a folder of font files the desk names (the house's faces are large and
//! licensed apart, so they are not in the binary). Nothing that exists is overwritten: a folder
//! that is already a project is refused whole.

use std::path::{Path, PathBuf};

use crate::content::t;
use crate::failure::Failure;

/// Each file of the repository named, with its text as this banmian was built.
macro_rules! embedded {
    ($($path:literal),* $(,)?) => {
        [$(($path, include_str!(concat!("../../../", $path)))),*]
    };
}

/// `layout/`'s files as this banmian was built with them: (path under the project, text).
/// `every_layout_file_is_in_the_binary` keeps the list whole.
pub const LAYOUT: &[(&str, &str)] = &embedded![
    "layout/README.md",
    "layout/style.typ",
    "layout/components/body.typ",
    "layout/components/byline.typ",
    "layout/components/credit.typ",
    "layout/components/folio.typ",
    "layout/components/headline.typ",
    "layout/components/lang.typ",
    "layout/components/lead.typ",
    "layout/components/marks.typ",
    "layout/components/module.typ",
    "layout/components/page.typ",
    "layout/components/photo.typ",
    "layout/components/section-head.typ",
    "layout/components/text.typ",
    "layout/templates/feature.typ",
    "layout/templates/feature.yaml",
    "layout/templates/news.typ",
    "layout/templates/news.yaml",
];

/// What `init` made.
#[derive(Debug)]
pub struct MadeProject {
    /// Files written under `layout/`.
    pub layout: usize,
    /// Font files in the folder put in `fonts/`.
    pub fonts: usize,
}

/// Makes a project at `root` (made if missing): `layout/`, `content/`, and `fonts/` holding the
/// font files found in `fonts_from` and their licences (`licences`), at the same places under
/// it. Refused, with nothing written, where `root` already has a `layout/` or `fonts_from`
/// holds no font file; what a failed write had made is taken away again.
pub fn init(root: &Path, fonts_from: Option<&Path>) -> Result<MadeProject, Failure> {
    if root.join("layout").exists() {
        return Err(Failure::Refused(t!("init-exists", root = root.display())));
    }
    let files = match fonts_from {
        Some(folder) => {
            let found = font_files(folder);
            if found.is_empty() {
                return Err(Failure::Refused(t!(
                    "init-no-fonts",
                    folder = folder.display()
                )));
            }
            found
        }
        None => Vec::new(),
    };
    // Only what this call makes is taken away if it fails: folders that were there stay.
    let made: Vec<PathBuf> = ["layout", "content", "fonts"]
        .iter()
        .map(|dir| root.join(dir))
        .filter(|dir| !dir.exists())
        .collect();
    let root_was_there = root.exists();
    let written = write_project(root, fonts_from, &files);
    if written.is_err() {
        for dir in &made {
            let _ = std::fs::remove_dir_all(dir);
        }
        if !root_was_there {
            let _ = std::fs::remove_dir(root);
        }
    }
    written?;
    Ok(MadeProject {
        layout: LAYOUT.len(),
        fonts: files
            .iter()
            .filter(|f| crate::engine::fonts::is_font_file(f))
            .count(),
    })
}

fn write_project(root: &Path, fonts_from: Option<&Path>, files: &[PathBuf]) -> Result<(), Failure> {
    let written = |path: &Path, error: std::io::Error| Failure::Write {
        path: path.to_path_buf(),
        error,
    };
    for dir in ["content", "fonts"] {
        let dir = root.join(dir);
        std::fs::create_dir_all(&dir).map_err(|err| written(&dir, err))?;
    }
    for (path, text) in LAYOUT {
        let path = root.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|err| written(parent, err))?;
        }
        super::write_new(&path, text.as_bytes()).map_err(|err| written(&path, err))?;
    }
    let Some(folder) = fonts_from else {
        return Ok(());
    };
    for file in files {
        let Ok(relative) = file.strip_prefix(folder) else {
            continue;
        };
        let to = root.join("fonts").join(relative);
        if to.exists() {
            continue;
        }
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|err| written(parent, err))?;
        }
        // A hard link costs no space (a CJK collection is 20–30 MB); across file systems, a copy.
        std::fs::hard_link(file, &to)
            .or_else(|_| std::fs::copy(file, &to).map(|_| ()))
            .map_err(|err| written(&to, err))?;
    }
    Ok(())
}

/// The font files under `folder`, as the font path finds them, and the licences in the folders
/// that hold them (a licence file, or the files of a licence folder): nothing else of the
/// folder, which may be any folder (the new project's parent too).
fn font_files(folder: &Path) -> Vec<PathBuf> {
    let fonts = crate::engine::fonts::files(&[folder.to_path_buf()]);
    let mut out = fonts.clone();
    let mut dirs: Vec<&Path> = fonts.iter().filter_map(|f| f.parent()).collect();
    dirs.sort();
    dirs.dedup();
    let listed = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|entries| entries.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    for dir in dirs {
        for path in listed(dir).into_iter().filter(|p| licences(p)) {
            if path.is_dir() {
                out.extend(listed(&path).into_iter().filter(|p| p.is_file()));
            } else if path.is_file() {
                out.push(path);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A licence file or folder, by its name: what a font's licence asks to travel with it.
fn licences(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    ["licen", "copyright", "copying", "ofl"]
        .iter()
        .any(|word| name.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layout_file_is_in_the_binary() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut on_disk = Vec::new();
        let mut stack = vec![root.join("layout")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let relative = path.strip_prefix(root).unwrap();
                    on_disk.push(relative.to_string_lossy().into_owned());
                }
            }
        }
        on_disk.sort();
        let mut embedded: Vec<String> = LAYOUT.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        assert_eq!(
            embedded, on_disk,
            "layout/ changed: list its files in LAYOUT"
        );
    }
}
