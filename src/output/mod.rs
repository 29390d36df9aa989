//! What a laid-out page can become, each maker on its own: the PDF and the standards typst
//! writes (`export`), the print boxes (`print_boxes`), the PDF/X-4 (`pdfx`), the ink on the
//! plates (`ink`), a spread's plates (`spread`), preview images (`preview`), and the
//! outputs that may not replace an input (`guard`). What a build asks for is a [`Target`];
//! `build::export` runs the makers for it.

pub mod export;
pub mod guard;
pub mod ink;
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
    /// Treat every warning (preflight's, typst's, paint whose ink is not measured) as an
    /// error: write nothing
    /// if there is one (`build --strict`).
    pub strict: bool,
    pub crop_marks: bool,
    /// typst's PDF standards by name (`a-2b`, `1.7`…).
    pub pdf_standards: Vec<String>,
    /// For a spread: where its two pages' PDFs go (default: `plate_paths`).
    pub plates: Option<[PathBuf; 2]>,
    /// For a press PDF: where the map of its ink goes (`ink::map`), if asked.
    pub ink_map: Option<PathBuf>,
    /// For a press PDF: the press's profile (`--icc`), over the house's.
    pub icc: Option<PathBuf>,
}

impl Target {
    /// A PDF/X-4 for the press.
    pub fn is_pdfx(&self) -> bool {
        self.format == Format::Pdf && self.pdf_standards.iter().any(|s| s == export::PDFX_4)
    }

    /// The same output as a proof: its file and a spread's plates under proof names
    /// ([`proof_path`]), never the plate's.
    pub fn proof(self) -> Self {
        Self {
            output: proof_path(&self.output),
            plates: self.plates.map(|plates| plates.map(|p| proof_path(&p))),
            ..self
        }
    }

    /// A plain PDF at `output`: no crop marks, no standard beyond typst's default.
    pub fn pdf(output: PathBuf) -> Self {
        Self {
            output,
            format: Format::Pdf,
            ppi: 100,
            draft: false,
            strict: false,
            crop_marks: false,
            pdf_standards: Vec::new(),
            plates: None,
            ink_map: None,
            icc: None,
        }
    }
}

/// Where a spread's two pages go beside its sheet `output`: `<name>-<page>.pdf` for each
/// (`<name>-<page>.proof.pdf` beside a proof's sheet: see [`proof_path`]).
pub fn plate_paths(output: &Path, left: u32) -> [PathBuf; 2] {
    let stem = output
        .file_stem()
        .map_or_else(|| "spread".into(), |s| s.to_string_lossy().into_owned());
    let marker = format!(".{PROOF}");
    let (stem, proof) = match stem.strip_suffix(&marker) {
        Some(name) => (name, marker.as_str()),
        None => (stem.as_str(), ""),
    };
    [left, left + 1].map(|n| output.with_file_name(format!("{stem}-{n}{proof}.pdf")))
}

/// The word that marks a proof's file name: `out/p.proof.pdf`.
pub const PROOF: &str = "proof";

/// The one place a proof is named: the file a proof of `plate` goes to, beside it, so that a
/// proof (`watch`'s, a plain PDF or one not measured for ink) never takes the name of the
/// press PDF `build` writes: `out/p.pdf` → `out/p.proof.pdf`,
/// `out/issue/06-harvest.spread.pdf` → `out/issue/06-harvest.spread.proof.pdf`. A name that is
/// already a proof's is kept.
pub fn proof_path(plate: &Path) -> PathBuf {
    let stem = plate
        .file_stem()
        .map_or_else(|| "page".into(), |s| s.to_string_lossy().into_owned());
    if stem.ends_with(&format!(".{PROOF}")) {
        return plate.to_path_buf();
    }
    let name = match plate.extension() {
        Some(ext) => format!("{stem}.{PROOF}.{}", ext.to_string_lossy()),
        None => format!("{stem}.{PROOF}"),
    };
    plate.with_file_name(name)
}

/// Whether `a` and `b` name the same file, as far as the file system tells before either is
/// written: the same name in the same real folder (`./out/p.pdf`, `out/../out/p.pdf` and a
/// symlinked folder are all `out/p.pdf`), or the same file if both exist.
pub fn same_file(a: &Path, b: &Path) -> bool {
    fn place(path: &Path) -> Option<PathBuf> {
        let folder = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let folder = folder
            .canonicalize()
            .or_else(|_| std::path::absolute(folder))
            .ok()?;
        Some(folder.join(path.file_name()?))
    }
    if let (Ok(a), Ok(b)) = (a.canonicalize(), b.canonicalize()) {
        return a == b;
    }
    match (place(a), place(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
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
    fn names_proofs_beside_their_plates() {
        let proof = proof_path(Path::new("out/p.pdf"));
        assert_eq!(proof, PathBuf::from("out/p.proof.pdf"));
        assert_eq!(proof_path(&proof), proof, "a proof's name is kept");
        assert_eq!(
            proof_path(Path::new("out/i/06-h.spread.pdf")),
            PathBuf::from("out/i/06-h.spread.proof.pdf")
        );
        assert_eq!(
            proof_path(Path::new("out/p.png")),
            PathBuf::from("out/p.proof.png")
        );
        assert_eq!(
            plate_paths(&proof, 6),
            [
                PathBuf::from("out/p-6.proof.pdf"),
                PathBuf::from("out/p-7.proof.pdf")
            ]
        );
        assert_eq!(
            plate_paths(Path::new("out/p.pdf"), 6),
            [PathBuf::from("out/p-6.pdf"), PathBuf::from("out/p-7.pdf")]
        );
    }

    #[test]
    fn same_file_sees_through_spellings() {
        assert!(same_file(Path::new("out/p.pdf"), Path::new("./out/p.pdf")));
        assert!(same_file(
            Path::new("src/lib.rs"),
            Path::new("src/../src/lib.rs")
        ));
        assert!(!same_file(
            Path::new("out/p.pdf"),
            Path::new("out/p.proof.pdf")
        ));
    }

    #[test]
    fn converts_epoch_days_to_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(18_898), (2021, 9, 28));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
