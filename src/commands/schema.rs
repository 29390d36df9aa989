//! `banmian schema`: the JSON Schema of a page's YAML, on stdout (see `banmian::desk::schema`).

use std::process::ExitCode;

/// The schema of the project the command runs in (its templates named), or of any project.
pub fn run() -> super::Outcome {
    let here = std::path::Path::new("content").join("page.yaml");
    let templates = banmian::project::find_root(&here)
        .map(|root| banmian::content::check::templates(&root))
        .unwrap_or_default();
    print!("{}", banmian::desk::schema::text(&templates));
    Ok(ExitCode::SUCCESS)
}
