//! The one `World` banmian compiles in: sandboxed to the project root, fonts from the project,
//! the page's data served as a virtual file, and a fixed date so output never depends on the clock.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::diagnostics::DiagnosticWorld;
use typst_kit::files::{FileLoader, FileStore};

use crate::engine::cache;
use crate::engine::cache::PhotoCache;
use crate::engine::fonts::Fonts;
use crate::engine::press::Press;

/// Where the page's data and the entry point live in the virtual file system. Not real files.
pub const DATA_PATH: &str = "/.banmian/page.json";
const MAIN_PATH: &str = "/.banmian/main.typ";

pub struct PageWorld {
    root: PathBuf,
    main: FileId,
    library: LazyHash<Library>,
    /// What templates read as `sys.inputs`: `colors` (`cmyk`, `rgb`) and `sheet` (`page`,
    /// `spread`).
    inputs: Vec<(&'static str, String)>,
    fonts: Arc<Fonts>,
    files: FileStore<ProjectFiles>,
    today: Option<Datetime>,
    /// Photos prepared for print in earlier builds (see `photo_prep`).
    pub photos: PhotoCache,
    /// Photos are separated into the press's CMYK (for a PDF/X).
    separate_photos: bool,
    /// The press's profile named on the command line (`--icc`), over the house's.
    icc: Option<PathBuf>,
    /// The press last resolved, by the version of the file it came from (`None`: banmian's own).
    press: Option<(Option<FileVersion>, Arc<Press>)>,
}

impl PageWorld {
    /// Lays pages out for `colors`: `cmyk` for press, `rgb` for an archive copy (typst writes
    /// PDF/A only with RGB colours). Templates read it as `sys.inputs.colors`.
    pub fn with_colors(mut self, colors: &str) -> Self {
        self.set_input("colors", colors);
        self
    }

    /// Lays the next page out on one page's sheet (`page`) or two facing pages' (`spread`);
    /// the house style reads it as `sys.inputs.sheet`.
    pub fn set_sheet(&mut self, spread: bool) {
        self.set_input("sheet", if spread { "spread" } else { "page" });
    }

    /// Sets one of the template inputs; the library is rebuilt only when one changes (typst's
    /// memoized work is keyed to it).
    fn set_input(&mut self, name: &'static str, value: &str) {
        if self.inputs.iter().any(|(n, v)| *n == name && v == value) {
            return;
        }
        self.inputs.retain(|(n, _)| *n != name);
        self.inputs.push((name, value.to_string()));
        let mut inputs = Dict::new();
        for (n, v) in &self.inputs {
            inputs.insert((*n).into(), Value::Str(v.as_str().into()));
        }
        self.library = LazyHash::new(Library::builder().with_inputs(inputs).build());
    }

    /// Serves photos separated into the press's CMYK (see `photo_prep::separate`).
    pub fn with_separated_photos(mut self, separate: bool) -> Self {
        self.separate_photos = separate;
        self
    }

    pub fn separates_photos(&self) -> bool {
        self.separate_photos
    }

    /// Separates for the press whose profile is the file `icc` (`--icc`), whatever the house
    /// style names.
    pub fn with_icc(mut self, icc: Option<PathBuf>) -> Self {
        self.icc = icc;
        self
    }

    /// The press pages are made for: the profile named by `--icc`, else the house's
    /// (`press-profile` in layout/style.typ, a file in layout/), else banmian's newsprint
    /// press. Read once and kept while its file is unchanged. Refused (with what to do) when
    /// the file cannot be read or is not a CMYK output profile.
    pub fn press(&mut self, house: &crate::template::House) -> Result<Arc<Press>, PressError> {
        let path = match (&self.icc, &house.press_profile) {
            (Some(icc), _) => Some(icc.clone()),
            (None, Some(name)) => Some(self.root.join("layout").join(name)),
            (None, None) => None,
        };
        let version = match &path {
            Some(path) => Some(cache::version(path).ok_or_else(|| {
                self.press_failure(crate::content::t!(
                    "icc-no-such-file",
                    path = path.display()
                ))
            })?),
            None => None,
        };
        if let Some((known, press)) = &self.press
            && *known == version
        {
            return Ok(press.clone());
        }
        let press = Arc::new(match &path {
            Some(path) => Press::load(path).map_err(|why| self.press_failure(why))?,
            None => Press::newsprint(),
        });
        self.press = Some((version, press.clone()));
        Ok(press)
    }

    /// A press profile that cannot be used, by where it was named.
    fn press_failure(&self, why: String) -> PressError {
        if self.icc.is_some() {
            PressError::CommandLine(crate::content::t!(
                "option-problem",
                option = "--icc",
                message = why
            ))
        } else {
            PressError::House(crate::content::t!("icc-house", why = why))
        }
    }

    pub fn new(root: PathBuf, fonts: Arc<Fonts>) -> Self {
        let main = file_id(MAIN_PATH);
        let files = FileStore::new(ProjectFiles {
            root: root.clone(),
            virtual_files: HashMap::new(),
        });
        let library = LazyHash::new(Library::builder().build());
        Self {
            root,
            main,
            library,
            inputs: Vec::new(),
            fonts,
            files,
            today: None,
            photos: PhotoCache::new(),
            separate_photos: false,
            icc: None,
            press: None,
        }
    }

    /// Serves a page: its template name, its data as JSON, its date. Drops cached files so that
    /// edits on disk are seen, while typst's memoized work is kept for a fast recompile.
    pub fn set_page(&mut self, template: &str, data: Vec<u8>, date: Option<Datetime>) {
        let main = format!(
            "#import \"/layout/templates/{template}.typ\": template\n#template(json(\"{DATA_PATH}\"))\n"
        );
        let loader = self.files.loader_mut();
        // Drop last build's resampled photos: the files on disk may have changed.
        loader.virtual_files.clear();
        loader
            .virtual_files
            .insert(self.main, Bytes::from_string(main));
        loader
            .virtual_files
            .insert(file_id(DATA_PATH), Bytes::new(data));
        self.today = date;
        self.files.reset();
    }

    /// Serves `bytes` in place of the project file at `vpath` (e.g. a resampled photo) until the
    /// next `set_page`.
    pub fn replace_file(&mut self, vpath: &str, bytes: Bytes) {
        self.files
            .loader_mut()
            .virtual_files
            .insert(file_id(vpath), bytes);
        self.files.reset();
    }

    /// Serves the project file at `vpath` from disk again.
    pub fn restore_file(&mut self, vpath: &str) {
        self.files
            .loader_mut()
            .virtual_files
            .remove(&file_id(vpath));
        self.files.reset();
    }

    /// The bytes typst is given for the project file at `vpath`.
    pub fn served(&self, vpath: &str) -> Option<Bytes> {
        self.files.file(file_id(vpath)).ok()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Real files read by the last compile, for watch mode.
    pub fn dependencies(&mut self) -> Vec<PathBuf> {
        let (loader, ids) = self.files.dependencies();
        let mut paths: Vec<PathBuf> = ids
            .filter_map(|id| id.vpath().realize(&loader.root).ok())
            .filter(|p| p.exists())
            .collect();
        paths.sort();
        paths
    }
}

impl World for PageWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.files.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

impl DiagnosticWorld for PageWorld {
    fn name(&self, id: FileId) -> String {
        id.vpath().get_without_slash().to_string()
    }
}

/// Loads project files, refusing anything that resolves outside the root (symlinks included).
struct ProjectFiles {
    root: PathBuf,
    virtual_files: HashMap<FileId, Bytes>,
}

impl FileLoader for ProjectFiles {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.virtual_files.get(&id) {
            return Ok(bytes.clone());
        }
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some(
                crate::content::t!("no-packages").into(),
            )));
        }
        let path = id.vpath().realize(&self.root).map_err(FileError::Realize)?;
        let real = path
            .canonicalize()
            .map_err(|err| FileError::from_io(err, &path))?;
        let root = self
            .root
            .canonicalize()
            .map_err(|err| FileError::from_io(err, &self.root))?;
        if !real.starts_with(&root) {
            return Err(FileError::Other(Some(
                crate::content::t!(
                    "resolves-outside",
                    path = path.display(),
                    root = root.display()
                )
                .into(),
            )));
        }
        if real.is_dir() {
            return Err(FileError::IsDirectory);
        }
        std::fs::read(&real)
            .map(Bytes::new)
            .map_err(|err| FileError::from_io(err, &path))
    }
}

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("valid built-in path"),
    )
    .intern()
}

/// A file's path, modification time and length (see `cache::version`).
type FileVersion = (PathBuf, std::time::SystemTime, u64);

/// Why the press's profile cannot be used: named on the command line (`--icc`) or by the
/// house style (`press-profile`).
#[derive(Debug, Clone)]
pub enum PressError {
    CommandLine(String),
    House(String),
}
