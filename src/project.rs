//! A project folder (`layout/`, `content/`, `fonts/`): its fonts, the worlds its pages are laid
//! out in, its pages loaded, and why a build produced nothing (`Failure`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content::{self, LoadedPage};
use crate::engine::fonts::Fonts;
use crate::engine::world::PageWorld;
use crate::failure::Failure;
use crate::output::Target;
use crate::output::guard::Protected;

/// The sample page, built when `banmian build` is given no file.
pub const SAMPLE_PAGE: &str = "content/pingluo-cppcc/page.yaml";

pub struct Project {
    pub root: PathBuf,
    /// `<root>/fonts` and any extra font folders, scanned into `fonts`.
    pub font_dirs: Vec<PathBuf>,
    pub fonts: Arc<Fonts>,
}

impl Project {
    /// Opens the project holding `page`: `root` if given, else the nearest folder above the
    /// page that has `layout/templates/`. Fonts come from `<root>/fonts` and `font_paths`.
    pub fn open(page: &Path, root: Option<&Path>, font_paths: &[PathBuf]) -> Result<Self, Failure> {
        let root = match root {
            Some(root) => root.to_path_buf(),
            None => find_root(page).ok_or_else(|| Failure::NoProject(page.to_path_buf()))?,
        };
        let mut dirs = vec![root.join("fonts")];
        dirs.extend(font_paths.iter().cloned());
        Ok(Self {
            root,
            fonts: Arc::new(Fonts::scan(&dirs)),
            font_dirs: dirs,
        })
    }

    pub fn world(&self) -> PageWorld {
        PageWorld::new(self.root.clone(), self.fonts.clone())
    }

    /// A world laying out for `target`: in RGB for a PDF/A archive copy, else in CMYK, with the
    /// photos separated into CMYK too for a PDF/X.
    pub fn world_for(&self, target: &Target) -> PageWorld {
        let archive = target.pdf_standards.iter().any(|s| s.starts_with("a-"));
        self.world()
            .with_colors(if archive { "rgb" } else { "cmyk" })
            .with_separated_photos(target.is_pdfx())
            .with_icc(target.icc.clone())
    }

    /// Loads a page on its own: as a page of its issue if an issue file beside it (or one
    /// folder up) lists it (see `content::issue::slot_of`).
    pub fn load(&self, page: &Path) -> Result<LoadedPage, Failure> {
        if page == Path::new(STDIN_PAGE) {
            return content::load_bytes(page, &read_stdin()?, &self.root, None)
                .map_err(Failure::Content);
        }
        let slot = content::issue::slot_of(page, &self.root);
        let mut loaded = self.load_in(page, slot.as_ref())?;
        if let Some(slot) = &slot {
            let at = loaded.positions.key("stories");
            let alone = content::jumps::built_alone(slot.index, &slot.jumps, page, at);
            loaded.warnings.extend(alone);
            loaded.continuations_away = slot
                .jumps
                .iter()
                .filter(|j| j.to_index == slot.index)
                .map(|j| j.story.clone())
                .collect();
        }
        Ok(loaded)
    }

    /// Loads a page as a page of an issue, where `slot` says it stands.
    pub fn load_in(
        &self,
        page: &Path,
        slot: Option<&content::issue::Slot>,
    ) -> Result<LoadedPage, Failure> {
        content::load_in(page, &self.root, slot).map_err(Failure::Content)
    }

    /// What a build of `page` reads and must never write over; refuses `target` now if it
    /// would, before any layout is spent on it.
    pub fn protect(&self, page: &LoadedPage, target: &Target) -> Result<Protected, Failure> {
        let inputs = Protected::page(page, &self.font_dirs);
        inputs
            .check(&target.output, target.format)
            .map_err(Failure::Refused)?;
        Ok(inputs)
    }
}

/// The page file a page read from stdin (`-` on the command line) stands as: in the current
/// folder, so that its photos' paths are relative to it and the project is found above it,
/// and its errors name `<stdin>`.
pub const STDIN_PAGE: &str = "<stdin>";

/// A page argument: `-` is the page on stdin ([`STDIN_PAGE`]).
pub fn page_arg(page: PathBuf) -> PathBuf {
    if page == Path::new("-") {
        PathBuf::from(STDIN_PAGE)
    } else {
        page
    }
}

/// The page on stdin, no more of it than the size limit allows (and one byte, to say so).
fn read_stdin() -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(content::limits::FILE_BYTES.max + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| Failure::Refused(crate::content::t!("stdin-unreadable", error = error)))?;
    Ok(bytes)
}

/// The project folder of `page`: the nearest folder above it that has `layout/templates/`.
pub fn find_root(page: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(page).ok()?;
    absolute
        .ancestors()
        .skip(1)
        .find(|dir| dir.join("layout/templates").is_dir())
        .map(Path::to_path_buf)
}

/// Default output for a page: `out/<name>.pdf`, named after the page's folder when the file is
/// the usual `page.yaml`.
pub fn default_output(page: &Path, extension: &str) -> PathBuf {
    let stem = page.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
    let name = match (
        stem,
        page.parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str()),
    ) {
        ("page", Some(folder)) => folder.to_string(),
        _ => stem.to_string(),
    };
    PathBuf::from("out").join(format!("{name}.{extension}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_output_after_the_page_folder() {
        assert_eq!(
            default_output(Path::new("content/x/page.yaml"), "pdf"),
            PathBuf::from("out/x.pdf")
        );
        assert_eq!(
            default_output(Path::new("a/front.yaml"), "pdf"),
            PathBuf::from("out/front.pdf")
        );
    }
}
