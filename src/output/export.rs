//! PDF export and safe writing of output files.

use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// PDF bytes of a document. `ident` names the page stably (its ID does not change between
/// builds); `date` fixes the creation timestamp so output is byte-identical.
pub fn pdf(
    document: &PagedDocument,
    ident: &str,
    date: Option<Datetime>,
    standards: PdfStandards,
) -> Result<Vec<u8>, Vec<SourceDiagnostic>> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("banmian {}", env!("CARGO_PKG_VERSION")))),
        timestamp: date.map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| errors.into_iter().collect())
}

/// The name of the PDF/X standard banmian writes itself (typst cannot, see `pdfx`).
pub const PDFX_4: &str = "x-4";

/// What a PDF is asked to conform to: typst's standards, and whether it is then made a PDF/X-4.
pub struct Standards {
    pub typst: PdfStandards,
    pub pdfx: bool,
}

/// The standards named (`x-4`, `1.7`, `a-2b`, `ua-1`…), checked for compatibility. A PDF/X-4
/// is written by typst as PDF 1.6 (the version PDF/X-4 is based on); it cannot also be a PDF/A,
/// which typst writes only in RGB.
pub fn standards(names: &[String]) -> Result<Standards, String> {
    let pdfx = names.iter().any(|n| n == PDFX_4);
    let mut list = names
        .iter()
        .filter(|n| *n != PDFX_4)
        .map(|name| {
            serde_json::from_value::<PdfStandard>(serde_json::Value::String(name.clone()))
                .map_err(|_| crate::content::t!("unknown-pdf-standard", name = name))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if pdfx {
        if let Some(other) = names
            .iter()
            .find(|n| n.starts_with("a-") || ["1.4", "1.5", "1.7", "2.0"].contains(&n.as_str()))
        {
            return Err(crate::content::t!(
                "pdfx-combined",
                names = names.join(", "),
                other = other
            ));
        }
        list.push(PdfStandard::V_1_6);
    }
    let typst = PdfStandards::new(&list).map_err(|err| {
        crate::content::t!(
            "pdf-standards-bad",
            names = names.join(", "),
            error = err.message()
        )
    })?;
    Ok(Standards { typst, pdfx })
}
