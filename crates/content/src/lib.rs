//! banmian's content model: a page's YAML, read within limits, parsed into typed structs,
//! checked, and turned into the plain data the templates read. Every error points at file,
//! line and column. Nothing here knows typst: the model can be fuzzed and tested on its own.

pub mod check;
mod encoding;
mod error;
pub mod files;
pub mod hygiene;
pub mod images;
pub mod issue;
pub mod jumps;
pub mod lang;
pub mod limits;
pub mod manifest;
pub mod messages;
mod model;
pub mod paths;
pub mod rules;
pub mod scratch;
mod text;
mod view;
pub mod walk;
pub mod yaml;

use std::path::{Path, PathBuf};

pub use error::{ContentError, Fix, closest, excerpts};
pub use lang::LangView;
pub use manifest::Manifest;
pub use model::{Brief, Briefs, Byline, Folio, Page, Photo, Pin, Section, Story};
pub use rules::parse_date;
pub use text::{is_wide, paragraphs};
pub use view::{
    BriefView, BriefsView, BylineView, FolioView, JumpView, PageView, PhotoView, PinView,
    SectionView, StoryView,
};
pub use yaml::Positions;

/// A page read from disk and found valid.
#[derive(Debug)]
pub struct LoadedPage {
    /// The YAML file, as given.
    pub file: PathBuf,
    /// The YAML text, for locating findings later.
    pub source: String,
    pub page: Page,
    pub view: PageView,
    /// Where each node of the YAML sits, by path (`sections[0].body`).
    pub positions: Positions,
    /// Every image file the page uses (real paths), for preflight and watching.
    pub images: Vec<PathBuf>,
    /// The project root the page was loaded against.
    pub root: PathBuf,
    /// What is odd but prints (invisible characters…): reported, never fatal.
    pub warnings: Vec<ContentError>,
    /// What the page's template takes (its manifest).
    pub manifest: Manifest,
    /// The stories whose continuation this page takes but, built on its own, goes without
    /// (`jumps::built_alone`): the white they leave is theirs, not the desk's to fill.
    pub continuations_away: Vec<String>,
}

impl LoadedPage {
    /// The real path of a root-relative virtual path (`/content/…`).
    pub fn root_path(&self, vpath: &str) -> PathBuf {
        self.root.join(vpath.trim_start_matches('/'))
    }
}

/// A page's text parsed and found well-formed, before anything outside the file is looked at.
#[derive(Debug)]
pub struct Parsed {
    pub source: String,
    pub page: Page,
    pub positions: Positions,
    pub warnings: Vec<ContentError>,
    /// Keys the model does not have, each an error: the page was read without them, so the
    /// checks that follow still run and every mistake is reported at once.
    pub unknown: Vec<ContentError>,
}

/// Reads, parses and checks a page. `root` is the project folder that holds `layout/`;
/// everything the page refers to must lie inside it.
pub fn load(file: &Path, root: &Path) -> Result<LoadedPage, Vec<ContentError>> {
    load_in(file, root, None)
}

/// Reads, parses and checks a page, as a page of an issue when `slot` says where it stands
/// there (paper, date and page number come from the issue).
pub fn load_in(
    file: &Path,
    root: &Path,
    slot: Option<&issue::Slot>,
) -> Result<LoadedPage, Vec<ContentError>> {
    let bytes = read_limited(file, "page").map_err(|errors| match slot {
        Some(slot) => errors
            .into_iter()
            .map(|e| at_entry(e, file, slot))
            .collect(),
        None => errors,
    })?;
    load_bytes(file, &bytes, root, slot)
}

/// Parses and checks a page given as `bytes` (read from stdin, say), as the file `file`: its
/// photos are looked for beside it, and errors name it.
pub fn load_bytes(
    file: &Path,
    bytes: &[u8],
    root: &Path,
    slot: Option<&issue::Slot>,
) -> Result<LoadedPage, Vec<ContentError>> {
    let parsed = parse(file, bytes).map_err(|errors| excerpts_in(errors, file, bytes))?;
    let check::Checked {
        mut view,
        images,
        manifest,
        notes,
    } = match (
        check::check(file, root, &parsed, slot),
        parsed.unknown.is_empty(),
    ) {
        (Ok(checked), true) => checked,
        (Ok(_), false) => return Err(excerpts(parsed.unknown, file, &parsed.source)),
        (Err(errors), _) => {
            // Every mistake once, in the order of the file.
            let mut all = parsed.unknown;
            all.extend(errors);
            all.sort_by_key(|e| (e.line, e.column));
            return Err(excerpts(all, file, &parsed.source));
        }
    };
    if let Some(slot) = slot {
        let errors = jumps::apply(&mut view, slot.index, &slot.jumps, &parsed.page.template);
        if !errors.is_empty() {
            return Err(errors);
        }
    }
    Ok(LoadedPage {
        file: file.into(),
        source: parsed.source,
        page: parsed.page,
        view,
        positions: parsed.positions,
        images,
        root: root.to_path_buf(),
        warnings: parsed.warnings.into_iter().chain(notes).collect(),
        manifest,
        continuations_away: Vec::new(),
    })
}

/// [`excerpts`] of a file's bytes, which may not be text: what is not UTF-8 shows as `�`, as
/// an editor would show it; UTF-16 shows nothing (every other byte would be a NUL).
pub fn excerpts_in(errors: Vec<ContentError>, file: &Path, bytes: &[u8]) -> Vec<ContentError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return errors;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    excerpts(errors, file, &String::from_utf8_lossy(bytes))
}

/// A page of an issue that cannot be read (gone since the issue was read, say) is reported
/// where the issue names it; an error inside the page stays the page's.
fn at_entry(error: ContentError, file: &Path, slot: &issue::Slot) -> ContentError {
    if error.line != 0 {
        return error;
    }
    let message = t!(
        "issue-page-unreadable",
        page = slot.page,
        entry = slot.entry,
        file = file.display(),
        message = error.message
    );
    let mut moved = ContentError::new(&slot.issue, slot.entry_at, message);
    moved.hint = error.hint;
    moved
}

/// The bytes of a page, issue or manifest file (`what`), refused unread if it is not a regular
/// file (a folder, pipe, device or symlink loop) and unparsed if it is over the size limit.
fn read_limited(file: &Path, what: &str) -> Result<Vec<u8>, Vec<ContentError>> {
    let limit = limits::FILE_BYTES;
    let (bytes, size) = files::read_at_most(file, limit.max).map_err(|problem| {
        let (message, hint) = if problem == files::Unreadable::Folder {
            (
                t!("not-a-yaml-file", what = what),
                t!("not-a-yaml-file-hint", what = what),
            )
        } else {
            (
                t!("cannot-read-file", what = what, problem = problem),
                t!("cannot-read-file-hint", what = what),
            )
        };
        vec![ContentError::new(file, (0, 0), message).hint(hint)]
    })?;
    if limit.exceeded_by(size) {
        let error = yaml::oversize(file, &bytes, size, what);
        return Err(excerpts_in(vec![error], file, &bytes));
    }
    Ok(bytes)
}

/// Parses a page file's bytes: size, encoding, characters that cannot print, YAML syntax,
/// limits, duplicate keys and the schema. Looks at nothing outside the bytes.
pub fn parse(file: &Path, bytes: &[u8]) -> Result<Parsed, Vec<ContentError>> {
    if limits::FILE_BYTES.exceeded_by(bytes.len() as u64) {
        return Err(vec![yaml::oversize(
            file,
            bytes,
            bytes.len() as u64,
            "page",
        )]);
    }
    let source = encoding::decode(bytes)
        .map_err(|(at, message, hint)| vec![ContentError::new(file, at, message).hint(hint)])?;
    let forbidden = hygiene::forbidden(&source, 20);
    if !forbidden.is_empty() {
        return Err(forbidden
            .into_iter()
            .map(|(line, column, c)| {
                let message = t!("forbidden-char", char = hygiene::describe(c));
                ContentError::new(file, (line, column), message).hint(t!("forbidden-char-hint"))
            })
            .collect());
    }
    let (page, scanned, unknown) = yaml::parse_recovering::<Page>(file, &source)?;
    Ok(Parsed {
        source,
        page,
        positions: scanned.positions,
        warnings: scanned.warnings,
        unknown,
    })
}
