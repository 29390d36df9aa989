//! The one-line verdict on a finished build, printed by `build` and after every `watch`
//! rebuild. Preflight checks (overflow, missing glyphs, image resolution) belong here: extend
//! [`summary`] with their counts so both commands report them the same way.

use crate::compile::Compiled;

/// E.g. `1 page, 0 warnings`.
pub fn summary(compiled: &Compiled) -> String {
    let pages = compiled.document.pages().len();
    let warnings = compiled.warnings.len();
    format!(
        "{pages} page{}, {warnings} warning{}",
        plural(pages),
        plural(warnings)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
