//! The fonts a page may use: only the project's `fonts/` folder and any extra folders given,
//! never the system's, so a page sets the same on every machine. Files are memory-mapped and a
//! face is parsed only when a page uses it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use memmap2::{Mmap, UncheckedAdvice};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::{FontSource, FontStore};

/// A mapped font file, shared by its faces.
struct MappedFile(Arc<Mmap>);

impl AsRef<[u8]> for MappedFile {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// One face in a mapped font file.
struct MappedFace {
    data: Bytes,
    map: Arc<Mmap>,
    index: u32,
}

impl FontSource for MappedFace {
    /// Typst identifies a font by a hash of its whole file, which reads every page of a
    /// 20–27 MB CJK collection. Hash it now, once, then tell the kernel those pages need not
    /// stay in memory: later, only the tables and glyphs a page uses are read back in.
    fn load(&self) -> Option<Font> {
        let font = Font::new(self.data.clone(), self.index)?;
        typst::utils::hash128(&font);
        // SAFETY: the mapping is read-only and file-backed: dropped pages are read back from
        // the file on the next access, so no data is lost.
        let _ = unsafe { self.map.unchecked_advise(UncheckedAdvice::DontNeed) };
        Some(font)
    }
}

/// Every face found, with where it came from.
pub struct Fonts {
    store: FontStore,
    /// (file, face index) per entry of the book.
    origins: Vec<(PathBuf, u32)>,
}

impl Fonts {
    /// Indexes every `.ttf`, `.otf`, `.ttc` and `.otc` in `dirs` (not recursing into hidden
    /// folders). Unreadable files are skipped with a warning.
    pub fn scan(dirs: &[PathBuf]) -> Self {
        let mut fonts = Fonts {
            store: FontStore::new(),
            origins: Vec::new(),
        };
        for path in files(dirs) {
            if let Err(err) = fonts.add_file(&path) {
                let said = crate::content::t!("font-skipped", file = path.display(), problem = err);
                eprintln!("banmian: {said}");
            }
        }
        fonts
    }

    fn add_file(&mut self, path: &Path) -> Result<(), String> {
        // Only a regular file: opening a named pipe would wait for a writer for ever, and a
        // device could be read without end.
        let (file, _) = crate::content::files::open_regular(path).map_err(|e| e.to_string())?;
        // SAFETY: font files are read-only inputs; a file truncated while mapped is the same
        // hazard every font loader that maps files accepts.
        let map = Arc::new(unsafe { Mmap::map(&file) }.map_err(|e| e.to_string())?);
        let data = Bytes::new(MappedFile(map.clone()));
        let faces = index(path, &map);
        if faces.is_empty() {
            return Err(crate::content::t!("font-no-face"));
        }
        for (index, info) in faces {
            self.origins.push((path.to_path_buf(), index));
            self.store.push((
                MappedFace {
                    data: data.clone(),
                    map: map.clone(),
                    index,
                },
                info,
            ));
        }
        Ok(())
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// (family, variant, file) of every face, in book order.
    pub fn list(&self) -> impl Iterator<Item = (&FontInfo, &Path)> {
        self.origins
            .iter()
            .enumerate()
            .filter_map(|(i, (path, _))| Some((self.book().info(i)?, path.as_path())))
    }
}

/// Every font file under `dirs`, sorted.
pub fn files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut seen = Folders::default();
    for dir in dirs {
        collect(dir, &mut seen, &mut files);
    }
    files.sort();
    files.dedup();
    files
}

/// The folders walked so far, by device and inode: a symlink back to a folder above (a loop)
/// or two links to one folder are walked once.
#[derive(Default)]
struct Folders(std::collections::HashSet<(u64, u64)>);

impl Folders {
    /// Whether `dir` is a folder not walked yet (and now counted as walked).
    fn first_visit(&mut self, dir: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(dir).is_ok_and(|m| m.is_dir() && self.0.insert((m.dev(), m.ino())))
    }
}

/// What identifies the font files' state cheaply (path, size, mtime), for watch mode to tell
/// whether a change in a font folder needs a re-scan.
pub fn fingerprint(dirs: &[PathBuf]) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    files(dirs)
        .into_iter()
        .map(|path| {
            let meta = std::fs::metadata(&path).ok();
            let size = meta.as_ref().map_or(0, |m| m.len());
            let mtime = meta.and_then(|m| m.modified().ok());
            (path, size, mtime)
        })
        .collect()
}

/// The font folders and their (non-hidden) subfolders: a folder watch sees files added,
/// replaced or removed in it.
pub fn folders(dirs: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, seen: &mut Folders, out: &mut Vec<PathBuf>) {
        if !seen.first_visit(dir) {
            return;
        }
        out.push(dir.to_path_buf());
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if entry.path().is_dir() && !hidden {
                walk(&entry.path(), seen, out);
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = Folders::default();
    for dir in dirs {
        walk(dir, &mut seen, &mut out);
    }
    out
}

fn collect(dir: &Path, seen: &mut Folders, out: &mut Vec<PathBuf>) {
    if !seen.first_visit(dir) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if path.is_dir() && !hidden {
            collect(&path, seen, out);
        } else if is_font_file(&path) {
            out.push(path);
        }
    }
}

pub fn is_font_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc")
}

/// The faces of a font file with what typst needs to know of each (family, style, coverage).
/// Reading that means parsing every face of a collection, so it is kept in the cache folder,
/// keyed by the file's path, time and length, and read from there the next time.
fn index(path: &Path, map: &Mmap) -> Vec<(u32, FontInfo)> {
    let cached = crate::engine::cache::version(path)
        .and_then(|version| crate::engine::cache::file("fonts", &version));
    if let Some(faces) = cached
        .as_ref()
        .and_then(|f| serde_json::from_slice(&std::fs::read(f).ok()?).ok())
    {
        return faces;
    }
    let faces: Vec<(u32, FontInfo)> = (0..face_count(map))
        .filter_map(|i| Some((i, FontInfo::new(map, i)?)))
        .collect();
    if let Some(file) = cached {
        let _ = crate::atomic::write_atomic(&file, &serde_json::to_vec(&faces).unwrap_or_default());
    }
    // SAFETY: read-only file-backed mapping: the pages are read back on the next access.
    let _ = unsafe { map.unchecked_advise(UncheckedAdvice::DontNeed) };
    faces
}

/// Faces in a font file: a collection's header says; a single font has one.
fn face_count(data: &[u8]) -> u32 {
    match data.get(..12) {
        Some([b't', b't', b'c', b'f', _, _, _, _, n @ ..]) => {
            u32::from_be_bytes([n[0], n[1], n[2], n[3]])
        }
        _ => 1,
    }
}
