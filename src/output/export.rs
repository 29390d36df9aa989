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
    remove_stale_temps(dir, name);
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

/// Removes the temporary files of earlier writes of `name` whose process is gone (a build
/// killed before its rename): `.{name}.{pid}.tmp`. A temporary file of a process still
/// running is its write in progress and is left alone.
fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<i32>().ok())
        else {
            continue;
        };
        if pid > 0 && !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn process_alive(pid: i32) -> bool {
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
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
            serde_json::from_value::<PdfStandard>(serde_json::Value::String(name.clone())).map_err(
                |_| format!("unknown PDF standard `{name}` (try x-4, 1.7, 2.0, a-2b, a-3b, ua-1)"),
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    if pdfx {
        if let Some(other) = names
            .iter()
            .find(|n| n.starts_with("a-") || ["1.4", "1.5", "1.7", "2.0"].contains(&n.as_str()))
        {
            return Err(format!(
                "PDF standards {}: x-4 (PDF 1.6, CMYK, for the press) cannot be combined with {other}; build them separately",
                names.join(", ")
            ));
        }
        list.push(PdfStandard::V_1_6);
    }
    let typst = PdfStandards::new(&list)
        .map_err(|err| format!("PDF standards {}: {}", names.join(", "), err.message()))?;
    Ok(Standards { typst, pdfx })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_killed_writes_temporary_file_is_removed_by_the_next_write() {
        let dir = crate::content::scratch::TempDir::new().unwrap();
        // No process has this id (above Linux's largest pid_max).
        let stale = dir.path().join(".p.pdf.99999999.tmp");
        let other = dir.path().join(".q.pdf.99999999.tmp");
        std::fs::write(&stale, "half a PDF").unwrap();
        std::fs::write(&other, "another output's").unwrap();
        write_atomic(&dir.path().join("p.pdf"), b"%PDF").unwrap();
        assert!(!stale.exists(), "the killed build's temporary file is left");
        assert!(
            other.exists(),
            "another output's temporary file was removed"
        );
        assert_eq!(std::fs::read(dir.path().join("p.pdf")).unwrap(), b"%PDF");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
