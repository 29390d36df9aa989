//! The one-line verdict on a finished build, printed by `build` and after every `watch`
//! rebuild: pages, typst's warnings and the preflight counts.

use crate::build::Laid;

/// E.g. `1 page, 0 typst warnings, preflight clean`.
pub fn summary(laid: &Laid) -> String {
    let pages = laid.document.pages().len();
    let warnings = laid.warnings.len();
    crate::content::t!(
        "build-summary",
        pages = pages,
        warnings = warnings,
        preflight = laid.report.summary()
    )
}
