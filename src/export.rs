//! PDF export and safe writing of output files.

use std::io::Write;
use std::path::Path;

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

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees a half-written file and a failure leaves the old file intact.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// typst's PDF standards from their names (`1.7`, `a-2b`, `ua-1`…), checked for compatibility.
pub fn standards(names: &[String]) -> Result<PdfStandards, String> {
    let list = names
        .iter()
        .map(|name| {
            serde_json::from_value::<PdfStandard>(serde_json::Value::String(name.clone())).map_err(
                |_| format!("unknown PDF standard `{name}` (try 1.7, 2.0, a-2b, a-3b, ua-1)"),
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    PdfStandards::new(&list)
        .map_err(|err| format!("PDF standards {}: {}", names.join(", "), err.message()))
}
