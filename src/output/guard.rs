//! Outputs never overwrite inputs. A typo such as `-o page.yaml`, or `-o` naming a photo the
//! page uses, must not replace the editor's work with a PDF: an output is refused when it is
//! (by canonical path or by inode) a file the page reads, lies in a folder of templates or
//! fonts, or exists and is not a file of the kind banmian writes there.

use std::path::{Path, PathBuf};

use crate::content::{LoadedPage, t};
use crate::output::Format;

/// The files and folders a build reads, which no output may replace.
#[derive(Debug, Default)]
pub struct Protected {
    files: Vec<Identity>,
    dirs: Vec<PathBuf>,
}

/// A file as the file system knows it: its real path and, on Unix, device and inode, so that
/// hard links and symlinks are recognised as the same file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Identity {
    real: PathBuf,
    inode: Option<(u64, u64)>,
}

impl Identity {
    fn of(path: &Path) -> Option<Self> {
        let real = path.canonicalize().ok()?;
        let meta = std::fs::metadata(&real).ok()?;
        Some(Self {
            real,
            inode: inode(&meta),
        })
    }

    fn same(&self, other: &Self) -> bool {
        self.real == other.real || (self.inode.is_some() && self.inode == other.inode)
    }
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

impl Protected {
    /// What a page's build reads: its YAML and photos, the project's templates and fonts.
    pub fn page(page: &LoadedPage, font_dirs: &[PathBuf]) -> Self {
        let mut protected = Self::default();
        protected.file(&page.file);
        for image in &page.images {
            protected.file(image);
        }
        protected.dir(&page.root.join("layout"));
        for dir in font_dirs {
            protected.dir(dir);
        }
        protected
    }

    pub fn file(&mut self, path: &Path) {
        if let Some(id) = Identity::of(path) {
            self.files.push(id);
        }
    }

    pub fn dir(&mut self, path: &Path) {
        if let Ok(real) = path.canonicalize() {
            self.dirs.push(real);
        }
    }

    /// Whether `output` may be written in `format`; if not, why, in words for the desk.
    pub fn check(&self, output: &Path, format: Format) -> Result<(), String> {
        let shown = output.display();
        let extension = format.extension();
        if Format::from_path(output) != Some(format) {
            return Err(t!(
                "refuse-extension",
                format = extension.to_uppercase(),
                path = shown,
                extension = extension
            ));
        }
        let parent = match output.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        if let Ok(dir) = parent.canonicalize()
            && let Some(inputs) = self.dirs.iter().find(|d| dir.starts_with(d))
        {
            return Err(t!("refuse-inputs", path = shown, folder = inputs.display()));
        }
        let Ok(meta) = std::fs::metadata(output) else {
            return Ok(()); // A new file: nothing to lose.
        };
        if meta.is_dir() {
            return Err(t!("refuse-folder", path = shown));
        }
        if let Some(id) = Identity::of(output)
            && self.files.iter().any(|input| input.same(&id))
        {
            return Err(t!("refuse-input", path = shown, real = id.real.display()));
        }
        if !meta.is_file() {
            return Err(t!("refuse-special", path = shown));
        }
        if !written_by_us(output, format) {
            return Err(t!(
                "refuse-not-ours",
                path = shown,
                format = extension.to_uppercase()
            ));
        }
        Ok(())
    }
}

/// Whether an existing file starts as the files banmian writes in `format` do.
fn written_by_us(path: &Path, format: Format) -> bool {
    use std::io::Read;
    let mut head = [0u8; 64];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let head = &head[..n];
    match format {
        Format::Pdf => head.starts_with(b"%PDF-"),
        Format::Png => head.starts_with(b"\x89PNG\r\n\x1a\n"),
        Format::Svg => head.starts_with(b"<svg") || head.starts_with(b"<?xml"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_inputs_by_name_link_and_inode() {
        let dir = crate::content::scratch::TempDir::new().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("layout")).unwrap();
        std::fs::write(d.join("page.yaml"), "headline: x").unwrap();
        std::fs::write(d.join("photo.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        std::fs::write(d.join("old.pdf"), b"%PDF-1.7 ...").unwrap();
        std::fs::write(d.join("notes.pdf"), b"my notes").unwrap();
        let mut p = Protected::default();
        p.file(&d.join("page.yaml"));
        p.file(&d.join("photo.png"));
        p.dir(&d.join("layout"));
        let check = |path: &Path, f| p.check(path, f);
        // By name, with `./` and `..` tricks, by symlink, by hard link.
        assert!(check(&d.join("page.yaml"), Format::Pdf).is_err());
        assert!(
            check(&d.join("photo.png"), Format::Png)
                .unwrap_err()
                .contains("built from")
        );
        assert!(
            check(&d.join("layout/../photo.png"), Format::Png)
                .unwrap_err()
                .contains("built from")
        );
        std::os::unix::fs::symlink(d.join("photo.png"), d.join("link.png")).unwrap();
        assert!(
            check(&d.join("link.png"), Format::Png)
                .unwrap_err()
                .contains("built from")
        );
        std::fs::hard_link(d.join("photo.png"), d.join("hard.png")).unwrap();
        assert!(
            check(&d.join("hard.png"), Format::Png)
                .unwrap_err()
                .contains("built from")
        );
        // Template and font folders, folders, other people's files.
        assert!(
            check(&d.join("layout/x.pdf"), Format::Pdf)
                .unwrap_err()
                .contains("templates")
        );
        assert!(check(&d.join("layout"), Format::Pdf).is_err());
        assert!(
            check(&d.join("notes.pdf"), Format::Pdf)
                .unwrap_err()
                .contains("not a PDF")
        );
        // A previous PDF and a new file are fine.
        assert!(check(&d.join("old.pdf"), Format::Pdf).is_ok());
        assert!(check(&d.join("new.pdf"), Format::Pdf).is_ok());
        assert!(check(&d.join("new.PDF"), Format::Pdf).is_ok());
    }
}
