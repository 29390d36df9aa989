//! The laid-out page made into its target's files: the PDF (and a spread's plates) or preview
//! images, refused when preflight found errors (unless a draft); the ink on a press PDF; the
//! files written, all or none, never over an input.

use std::path::PathBuf;

use typst::model::Document;
use typst_layout::PagedDocument;

use crate::build::Laid;
use crate::content::LoadedPage;
use crate::engine::press::Press;
use crate::failure::Failure;
use crate::output::guard::Protected;
use crate::output::ink;
use crate::output::{
    Format, Target, export, fixed_date, pdfx, plate_paths, preview, print_boxes, spread,
};
use crate::preflight;

/// PDF bytes for a laid-out page, identified and dated by its content so builds are
/// reproducible, with bleed box (and crop marks) added, and made a PDF/X-4 for `press` if
/// asked.
pub fn to_pdf(
    page: &LoadedPage,
    document: &PagedDocument,
    target: &Target,
    press: Option<&Press>,
) -> Result<Vec<u8>, Failure> {
    let folio = &page.view.folio;
    let pages = match &page.view.spread {
        Some(right) => format!("{}-{}", folio.page, right.page),
        None => folio.page.to_string(),
    };
    pdf_of(page, document, target, press, &pages)
}

/// PDF bytes of `document`, identified as `pages` of the page's paper and date.
fn pdf_of(
    page: &LoadedPage,
    document: &PagedDocument,
    target: &Target,
    press: Option<&Press>,
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
    let press = press.ok_or_else(|| {
        Failure::Export("PDF/X-4: the page was not laid out for a press (no profile)".into())
    })?;
    pdfx::convert(pdf, &title, press).map_err(|e| Failure::Export(format!("PDF/X-4: {e}")))
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
        // Overset text runs onto pages past the last; a story that found no place (a news
        // page's) runs nowhere: its page is framed all the same.
        let overset = laid.report.findings.iter().any(|f| f.check == "overset");
        preflight::overset_mark(&laid.document, &laid.report.house, overset)
    } else {
        None
    };
    let document = marked.as_ref().unwrap_or(&laid.document);
    let press = laid.press.as_deref();
    match target.format {
        Format::Pdf => {
            let mut files = vec![(
                target.output.clone(),
                to_pdf(page, document, target, press)?,
            )];
            if let Some(right) = &page.view.spread {
                // The sheet is the proof; the plant takes each page on its own. A draft that
                // runs over carries the overflow on pages after the sheet: the proof shows
                // them, and each plate is its half of the sheet.
                let sheet = match document.pages() {
                    [first, _, ..] if target.draft => PagedDocument::new(
                        std::iter::once(first.clone()).collect(),
                        document.info().clone(),
                    ),
                    _ => document.clone(),
                };
                let plates = spread::plates(&sheet).ok_or_else(|| {
                    Failure::Export("a spread must lay out as one sheet, one page".into())
                })?;
                let names = target
                    .plates
                    .clone()
                    .unwrap_or_else(|| plate_paths(&target.output, page.view.folio.page));
                let numbers = [page.view.folio.page, right.page];
                for ((plate, name), number) in plates.iter().zip(names).zip(numbers) {
                    files.push((
                        name,
                        pdf_of(page, plate, target, press, &number.to_string())?,
                    ));
                }
            }
            Ok(files)
        }
        format => {
            preview::images(document, format, &target.output, target.ppi).map_err(Failure::Export)
        }
    }
}

/// For a PDF/X, the ink on its plates measured against the house limit (see `output::ink`),
/// and the map of it if the target asks for one: `Ok(None)` for other outputs, `Err` for a
/// page over the limit (unless a draft). A spread's sheet carries all its two pages' ink.
pub fn ink(laid: &Laid, target: &Target) -> Result<Option<(ink::Coverage, Files)>, Failure> {
    if !target.is_pdfx() {
        return Ok(None);
    }
    let house = &laid.report.house;
    let Some(press) = &laid.press else {
        return Err(Failure::Export(
            "ink: the page was not laid out for a press (no profile)".into(),
        ));
    };
    let (pages, unmeasured) = ink::plates(&laid.document, house.ink_check_ppi, press);
    let found = ink::summarise(&pages, house.ink_check_ppi, house.ink_limit, unmeasured)
        .map_err(|e| Failure::Export(format!("ink: {e}")))?;
    if !found.within_limit() && !target.draft {
        return Err(Failure::Ink(Box::new(found)));
    }
    let mut maps = Vec::new();
    if let Some(map) = &target.ink_map {
        for (i, page) in pages.iter().enumerate() {
            // Numbered as preview images are: FILE.png, or FILE-1.png … for several sheets.
            let path = preview::page_path(map, i, pages.len());
            let png = ink::map::png(page, house.ink_limit).map_err(Failure::Export)?;
            maps.push((path, png));
        }
    }
    Ok(Some((found, maps)))
}

/// Files and their bytes, as written.
pub type Files = Vec<(PathBuf, Vec<u8>)>;

/// Writes every file atomically, none of them over an input; on the first failure, says which
/// file and stops.
pub fn write(
    files: &[(PathBuf, Vec<u8>)],
    target: &Target,
    inputs: &Protected,
) -> Result<(), Failure> {
    for (path, _) in files {
        // Each file in its own format: the ink map beside a PDF is a PNG.
        let format = Format::from_path(path).unwrap_or(target.format);
        inputs.check(path, format).map_err(Failure::Refused)?;
    }
    for (path, bytes) in files {
        crate::atomic::write_atomic(path, bytes).map_err(|error| Failure::Write {
            path: path.clone(),
            error,
        })?;
    }
    Ok(())
}
