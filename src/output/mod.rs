//! What a laid-out page can become, each maker on its own: the PDF and the standards typst
//! writes (`export`), the print boxes (`print_boxes`), the PDF/X-4 (`pdfx`), the ink on the
//! plates (`coverage`), a spread's plates (`spread`), preview images (`preview`), and the
//! outputs that may not replace an input (`guard`). What a build asks for is a [`Target`];
//! `build::export` runs the makers for it.

pub mod coverage;
pub mod export;
pub mod guard;
pub mod pdfx;
pub mod preview;
pub mod print_boxes;
pub mod spread;

use std::path::{Path, PathBuf};

use crate::content::{self, LoadedPage};

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
    /// For a spread: where its two pages' PDFs go (default: `plate_paths`).
    pub plates: Option<[PathBuf; 2]>,
}

impl Target {
    /// A PDF/X-4 for the press.
    pub fn is_pdfx(&self) -> bool {
        self.format == Format::Pdf && self.pdf_standards.iter().any(|s| s == export::PDFX_4)
    }

    /// A plain PDF at `output`: no crop marks, no standard beyond typst's default.
    pub fn pdf(output: PathBuf) -> Self {
        Self {
            output,
            format: Format::Pdf,
            ppi: 100,
            draft: false,
            crop_marks: false,
            pdf_standards: Vec::new(),
            plates: None,
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
