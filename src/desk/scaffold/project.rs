//! `banmian init`: a project folder to start from where there is none: the templates this
//! banmian was built with (`layout/`, compiled into the binary), an empty `content/`, and
//! `fonts/` filled from a folder of font files the desk names (the house's faces are large and
//! licensed apart, so they are not in the binary). Nothing that exists is overwritten: a folder
//! that is already a project is refused whole.

use std::path::{Path, PathBuf};

use crate::content::t;
use crate::failure::Failure;

/// `layout/`'s files as this banmian was built with them: (path under the project, text).
/// `every_layout_file_is_in_the_binary` keeps the list whole.
pub const LAYOUT: &[(&str, &str)] = &[
    (
        "layout/README.md",
        include_str!("../../../layout/README.md"),
    ),
    (
        "layout/style.typ",
        include_str!("../../../layout/style.typ"),
    ),
    (
        "layout/components/body.typ",
        include_str!("../../../layout/components/body.typ"),
    ),
    (
        "layout/components/byline.typ",
        include_str!("../../../layout/components/byline.typ"),
    ),
    (
        "layout/components/credit.typ",
        include_str!("../../../layout/components/credit.typ"),
    ),
    (
        "layout/components/folio.typ",
        include_str!("../../../layout/components/folio.typ"),
    ),
    (
        "layout/components/headline.typ",
        include_str!("../../../layout/components/headline.typ"),
    ),
    (
        "layout/components/lang.typ",
        include_str!("../../../layout/components/lang.typ"),
    ),
    (
        "layout/components/lead.typ",
        include_str!("../../../layout/components/lead.typ"),
    ),
    (
        "layout/components/marks.typ",
        include_str!("../../../layout/components/marks.typ"),
    ),
    (
        "layout/components/module.typ",
        include_str!("../../../layout/components/module.typ"),
    ),
    (
        "layout/components/page.typ",
        include_str!("../../../layout/components/page.typ"),
    ),
    (
        "layout/components/photo.typ",
        include_str!("../../../layout/components/photo.typ"),
    ),
    (
        "layout/components/section-head.typ",
        include_str!("../../../layout/components/section-head.typ"),
    ),
    (
        "layout/components/text.typ",
        include_str!("../../../layout/components/text.typ"),
    ),
    (
        "layout/templates/feature.typ",
        include_str!("../../../layout/templates/feature.typ"),
    ),
    (
        "layout/templates/feature.yaml",
        include_str!("../../../layout/templates/feature.yaml"),
    ),
    (
        "layout/templates/news.typ",
        include_str!("../../../layout/templates/news.typ"),
    ),
    (
        "layout/templates/news.yaml",
        include_str!("../../../layout/templates/news.yaml"),
    ),
];

/// What `init` made.
#[derive(Debug)]
pub struct MadeProject {
    /// Files written under `layout/`.
    pub layout: usize,
    /// Font files in the folder put in `fonts/`.
    pub fonts: usize,
}

/// Makes a project at `root` (made if missing): `layout/`, `content/`, and `fonts/` holding what
/// `fonts_from` holds (its licences travel with the faces). Refused, with nothing written,
/// where `root` already has a `layout/` or `fonts_from` holds no font file.
pub fn init(root: &Path, fonts_from: Option<&Path>) -> Result<MadeProject, Failure> {
    if root.join("layout").exists() {
        return Err(Failure::Refused(t!("init-exists", root = root.display())));
    }
    let fonts = match fonts_from {
        Some(folder) => {
            let files = crate::engine::fonts::files(&[folder.to_path_buf()]);
            if files.is_empty() {
                return Err(Failure::Refused(t!(
                    "init-no-fonts",
                    folder = folder.display()
                )));
            }
            files
        }
        None => Vec::new(),
    };
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
        create_new(&path, text.as_bytes()).map_err(|err| written(&path, err))?;
    }
    if let Some(folder) = fonts_from {
        link_tree(folder, &root.join("fonts"))?;
    }
    Ok(MadeProject {
        layout: LAYOUT.len(),
        fonts: fonts.len(),
    })
}

/// Puts `from`'s files and folders (not hidden ones) into `to`, keeping what is there: each file
/// linked where the file system allows (a CJK collection is 20–30 MB), else copied.
fn link_tree(from: &Path, to: &Path) -> Result<(), Failure> {
    let failed = |path: &Path, error: std::io::Error| Failure::Write {
        path: path.to_path_buf(),
        error,
    };
    std::fs::create_dir_all(to).map_err(|err| failed(to, err))?;
    let entries = std::fs::read_dir(from).map_err(|err| failed(from, err))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        // A link to a folder is not followed: it may lead back up (a loop).
        let kind = entry.file_type().map_err(|err| failed(&source, err))?;
        if kind.is_dir() {
            link_tree(&source, &target)?;
        } else if !target.exists() && source.is_file() {
            std::fs::hard_link(&source, &target)
                .or_else(|_| std::fs::copy(&source, &target).map(|_| ()))
                .map_err(|err| failed(&target, err))?;
        }
    }
    Ok(())
}

/// Writes a file that must not exist yet.
fn create_new(path: &PathBuf, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(bytes)
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
