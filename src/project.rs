//! A project folder (`layout/`, `content/`, `fonts/`) and the build of one page in it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use typst::diag::SourceDiagnostic;
use typst_layout::PagedDocument;

use crate::compile::Compiled;
use crate::content::{self, ContentError, LoadedPage};
use crate::export;
use crate::fonts::Fonts;
use crate::guard::Protected;
use crate::photo_prep;
use crate::preflight::{self, Report};
use crate::print_boxes;
use crate::proof::{self, Format};
use crate::world::PageWorld;

/// The sample page, built when `banmian build` is given no file.
pub const SAMPLE_PAGE: &str = "content/pingluo-cppcc/page.yaml";

/// Why a build produced nothing.
pub enum Failure {
    /// The page's YAML is wrong: fix the content.
    Content(Vec<ContentError>),
    /// Typst could not lay the page out: fix the template (or the content it trips on).
    Typst(Vec<SourceDiagnostic>),
    /// Preflight found errors (overset, missing glyphs, coarse photos): fix the page.
    Preflight(Box<Report>),
    /// Anything else: a project that cannot be found, a file that cannot be written.
    Other(String),
    /// The command asked for something banmian will not do (write over an input): exit 2.
    Refused(String),
}

/// Plain text, one problem a line (commands print typst's errors with their source instead).
impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = match self {
            Failure::Content(errors) => errors.iter().map(ToString::to_string).collect(),
            Failure::Typst(diagnostics) => {
                diagnostics.iter().map(|d| d.message.to_string()).collect()
            }
            Failure::Preflight(report) => vec![report.to_string()],
            Failure::Other(message) | Failure::Refused(message) => vec![message.clone()],
        };
        write!(f, "{}", lines.join("\n"))
    }
}

pub struct Project {
    pub root: PathBuf,
    /// `<root>/fonts` and any extra font folders, scanned into `fonts`.
    pub font_dirs: Vec<PathBuf>,
    pub fonts: Arc<Fonts>,
}

/// What a build writes: the file (or, for images of several pages, the file name pattern),
/// its format, and the resolution of PNG proofs.
#[derive(Debug, Clone)]
pub struct Target {
    pub output: PathBuf,
    pub format: Format,
    pub ppi: u32,
    /// Write even when preflight fails, marking overset pages.
    pub draft: bool,
    pub crop_marks: bool,
    /// typst's PDF standards by name (`a-2b`, `1.7`…).
    pub pdf_standards: Vec<String>,
}

impl Target {
    /// A plain PDF at `output`: no crop marks, no standard beyond typst's default.
    pub fn pdf(output: PathBuf) -> Self {
        Self {
            output,
            format: Format::Pdf,
            ppi: 100,
            draft: false,
            crop_marks: false,
            pdf_standards: Vec::new(),
        }
    }
}

impl Project {
    /// Opens the project holding `page`: `root` if given, else the nearest folder above the
    /// page that has `layout/templates/`. Fonts come from `<root>/fonts` and `font_paths`.
    pub fn open(page: &Path, root: Option<&Path>, font_paths: &[PathBuf]) -> Result<Self, Failure> {
        let root = match root {
            Some(root) => root.to_path_buf(),
            None => find_root(page).ok_or_else(|| {
                Failure::Other(format!(
                    "no layout/templates/ folder above {}; run banmian in a project folder or pass --root",
                    page.display()
                ))
            })?,
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

    /// A world laying out for `target`: in RGB for a PDF/A archive copy, else in CMYK.
    pub fn world_for(&self, target: &Target) -> PageWorld {
        let archive = target.pdf_standards.iter().any(|s| s.starts_with("a-"));
        self.world()
            .with_colors(if archive { "rgb" } else { "cmyk" })
    }

    pub fn load(&self, page: &Path) -> Result<LoadedPage, Failure> {
        content::load(page, &self.root).map_err(Failure::Content)
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

/// A laid-out page, typst's warnings and the preflight report on it.
pub struct Laid {
    pub document: PagedDocument,
    pub warnings: Vec<SourceDiagnostic>,
    pub report: Report,
}

/// Lays out one page in `world`, every photo at the resolution print needs (see
/// `photo_prep`), and preflights it.
pub fn lay_out(world: &mut PageWorld, page: &LoadedPage) -> Result<Laid, Failure> {
    let Compiled { document, warnings } =
        photo_prep::lay_out(world, page).map_err(|d| damaged_photos(page, d))?;
    let report = preflight::check(page, &document, world);
    Ok(Laid {
        document,
        warnings,
        report,
    })
}

/// A layout that failed on a photo's pixels (typst decodes them; the header check cannot) is
/// the photo's fault: name it at its YAML line rather than at the template.
fn damaged_photos(page: &LoadedPage, diagnostics: Vec<SourceDiagnostic>) -> Failure {
    if !diagnostics
        .iter()
        .any(|d| d.message.contains("decode image"))
    {
        return Failure::Typst(diagnostics);
    }
    let errors: Vec<ContentError> = page
        .photos()
        .into_iter()
        .filter_map(|(path, photo)| {
            let bytes = std::fs::read(page.root_path(&photo.src)).ok()?;
            let err = crate::images::decode(&bytes).err()?;
            let at = page.positions.value(&format!("{path}.file"));
            Some(
                ContentError::new(
                    &page.file,
                    at,
                    format!("photo `{}` is damaged: {err}", photo.src),
                )
                .hint("export the photo again from the original, or replace it"),
            )
        })
        .collect();
    if errors.is_empty() {
        Failure::Typst(diagnostics)
    } else {
        Failure::Content(errors)
    }
}

/// PDF bytes for a laid-out page, identified and dated by its content so builds are
/// reproducible, with bleed box (and crop marks) added.
pub fn to_pdf(
    page: &LoadedPage,
    document: &PagedDocument,
    target: &Target,
) -> Result<Vec<u8>, Failure> {
    let folio = &page.page.folio;
    let ident = format!("banmian/{}/{}/{}", folio.paper, folio.date, folio.page);
    let standards = export::standards(&target.pdf_standards).map_err(Failure::Other)?;
    let pdf = export::pdf(document, &ident, fixed_date(page), standards).map_err(Failure::Typst)?;
    print_boxes::add(pdf, target.crop_marks).map_err(Failure::Other)
}

/// The files a laid-out page becomes in `target`'s format: one PDF, or one image per page.
/// Refuses a page preflight failed, unless it is a draft, whose overset pages are framed in red.
pub fn render(
    page: &LoadedPage,
    laid: &Laid,
    target: &Target,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    if laid.report.has_errors() && !target.draft {
        return Err(Failure::Preflight(Box::new(laid.report.clone())));
    }
    let marked = if target.draft {
        preflight::overset_mark(&laid.document, &laid.report.house)
    } else {
        None
    };
    let document = marked.as_ref().unwrap_or(&laid.document);
    match target.format {
        Format::Pdf => Ok(vec![(
            target.output.clone(),
            to_pdf(page, document, target)?,
        )]),
        format => {
            proof::images(document, format, &target.output, target.ppi).map_err(Failure::Other)
        }
    }
}

/// Writes every file atomically, none of them over an input; on the first failure, says which
/// file and stops.
pub fn write(
    files: &[(PathBuf, Vec<u8>)],
    target: &Target,
    inputs: &Protected,
) -> Result<(), Failure> {
    for (path, _) in files {
        inputs
            .check(path, target.format)
            .map_err(Failure::Refused)?;
    }
    for (path, bytes) in files {
        export::write_atomic(path, bytes)
            .map_err(|err| Failure::Other(format!("cannot write {}: {err}", path.display())))?;
    }
    Ok(())
}

/// The PDF's creation date: `SOURCE_DATE_EPOCH` if set, else the page's own date.
fn fixed_date(page: &LoadedPage) -> Option<typst::foundations::Datetime> {
    if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
    {
        let days = secs.div_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let s = secs.rem_euclid(86_400);
        return typst::foundations::Datetime::from_ymd_hms(
            y,
            m,
            d,
            (s / 3600) as u8,
            (s / 60 % 60) as u8,
            (s % 60) as u8,
        );
    }
    let (y, m, d) = content::parse_date(&page.page.folio.date)?;
    typst::foundations::Datetime::from_ymd_hms(y, m, d, 0, 0, 0)
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
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
    fn converts_epoch_days_to_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(18_898), (2021, 9, 28));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

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
