//! What a laid-out page becomes on disk: its PDF (a spread's sheet and its two pages' plates),
//! or proof images; the ink on a press PDF; files written atomically, never over an input.

pub mod coverage;
pub mod export;
pub mod guard;
pub mod pdfx;
pub mod preview;
pub mod print_boxes;
pub mod spread;

use std::path::{Path, PathBuf};

use typst_layout::PagedDocument;

use crate::build::Laid;
use crate::content::{self, LoadedPage};
use crate::failure::Failure;
use crate::output::guard::Protected;
use crate::preflight;
use crate::project::Target;

/// What a page is written as: the PDF, or preview images of each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Png,
    Svg,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }

    /// The format an output path's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Format::Pdf),
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }
}

/// PDF bytes for a laid-out page, identified and dated by its content so builds are
/// reproducible, with bleed box (and crop marks) added, and made a PDF/X-4 if asked.
pub fn to_pdf(
    page: &LoadedPage,
    document: &PagedDocument,
    target: &Target,
) -> Result<Vec<u8>, Failure> {
    let folio = &page.view.folio;
    let pages = match &page.view.spread {
        Some(right) => format!("{}-{}", folio.page, right.page),
        None => folio.page.to_string(),
    };
    pdf_of(page, document, target, &pages)
}

/// PDF bytes of `document`, identified as `pages` of the page's paper and date.
fn pdf_of(
    page: &LoadedPage,
    document: &PagedDocument,
    target: &Target,
    pages: &str,
) -> Result<Vec<u8>, Failure> {
    let folio = &page.view.folio;
    let ident = format!("banmian/{}/{}/{pages}", folio.paper, folio.date);
    let standards = export::standards(&target.pdf_standards).map_err(Failure::Refused)?;
    let pdf =
        export::pdf(document, &ident, fixed_date(page), standards.typst).map_err(Failure::Typst)?;
    let pdf = print_boxes::add(pdf, target.crop_marks).map_err(Failure::Export)?;
    if !standards.pdfx {
        return Ok(pdf);
    }
    let title = format!("{} {} 第{}版", folio.paper, folio.date, pages);
    pdfx::convert(pdf, &title).map_err(|e| Failure::Export(format!("PDF/X-4: {e}")))
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
        Format::Pdf => {
            let mut files = vec![(target.output.clone(), to_pdf(page, document, target)?)];
            if let Some(right) = &page.view.spread {
                // The sheet is the proof; the plant takes each page on its own.
                let plates = spread::plates(document).ok_or_else(|| {
                    Failure::Export("a spread must lay out as one sheet, one page".into())
                })?;
                let names = target
                    .plates
                    .clone()
                    .unwrap_or_else(|| plate_paths(&target.output, page.view.folio.page));
                let numbers = [page.view.folio.page, right.page];
                for ((plate, name), number) in plates.iter().zip(names).zip(numbers) {
                    files.push((name, pdf_of(page, plate, target, &number.to_string())?));
                }
            }
            Ok(files)
        }
        format => {
            preview::images(document, format, &target.output, target.ppi).map_err(Failure::Export)
        }
    }
}

/// Where a spread's two pages go beside its sheet `output`: `<name>-<page>.pdf` for each.
pub fn plate_paths(output: &Path, left: u32) -> [PathBuf; 2] {
    let stem = output
        .file_stem()
        .map_or_else(|| "spread".into(), |s| s.to_string_lossy().into_owned());
    [left, left + 1].map(|n| output.with_file_name(format!("{stem}-{n}.pdf")))
}

/// For a PDF/X, the ink on its plates measured against the house limit (see `coverage`):
/// `Ok(None)` for other outputs, `Err` for a page over the limit (unless a draft), a warning
/// in `Ok(Some(Err(..)))` when it could not be measured (no ghostscript).
pub fn ink(
    files: &[(PathBuf, Vec<u8>)],
    laid: &Laid,
    target: &Target,
) -> Result<Option<Result<coverage::Coverage, String>>, Failure> {
    // A spread's sheet carries all its two pages' ink.
    let (Some((_, pdf)), true) = (files.first(), target.is_pdfx()) else {
        return Ok(None);
    };
    let house = &laid.report.house;
    match coverage::measure(pdf, house.ink_check_ppi, house.ink_limit) {
        Ok(found) if !found.within_limit() && !target.draft => Err(Failure::Ink(Box::new(found))),
        Ok(found) => Ok(Some(Ok(found))),
        Err(err) => Ok(Some(Err(format!("ink not measured: {err}")))),
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
        export::write_atomic(path, bytes).map_err(|error| Failure::Write {
            path: path.clone(),
            error,
        })?;
    }
    Ok(())
}

/// The PDF's creation date: `SOURCE_DATE_EPOCH` if set, else the page's own date.
pub fn fixed_date(page: &LoadedPage) -> Option<typst::foundations::Datetime> {
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
    let (y, m, d) = content::parse_date(&page.view.folio.date)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_epoch_days_to_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(18_898), (2021, 9, 28));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
