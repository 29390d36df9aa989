//! The one-line verdict on a finished build, printed by `build` and after every `watch`
//! rebuild: pages, typst's warnings and the preflight counts.

use crate::build::Laid;

/// E.g. `1 page, 0 typst warnings, preflight clean`; a spread's sheet is its two pages
/// (`the spread of pages 6 and 7 on one sheet, …`), and a draft's overflow follows it.
pub fn summary(laid: &Laid) -> String {
    let pages = laid.document.pages().len();
    let warnings = laid.warnings.len();
    let preflight = laid.report.summary();
    match laid.report.spread {
        Some([left, right]) => crate::content::t!(
            "build-summary-spread",
            left = left,
            right = right,
            overflow = pages.saturating_sub(1),
            warnings = warnings,
            preflight = preflight
        ),
        None => crate::content::t!(
            "build-summary",
            pages = pages,
            warnings = warnings,
            preflight = preflight
        ),
    }
}
