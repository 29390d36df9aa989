//! `banmian new SLUG`: a page folder from a template (see `banmian::scaffold`).

use std::process::ExitCode;

use banmian::project::{Failure, find_root};

use crate::cli::NewArgs;

pub fn run(args: &NewArgs) -> ExitCode {
    let root = match &args.root {
        Some(root) => Some(root.clone()),
        None => find_root(
            &std::path::Path::new("content")
                .join(&args.slug)
                .join("page.yaml"),
        ),
    };
    let Some(root) = root else {
        let failure = Failure::Other(
            "no layout/templates/ folder here or above; run banmian new in a project folder or pass --root".into(),
        );
        super::report(&failure, None);
        return super::exit_code(&failure);
    };
    match banmian::scaffold::new_page(&root, &args.slug, &args.template) {
        Ok(made) => {
            // Named as the user would type them from here.
            let here = std::env::current_dir().unwrap_or_default();
            let shown = |path: &std::path::Path| {
                let path = root.join(path);
                path.strip_prefix(&here)
                    .map(|p| p.to_path_buf())
                    .unwrap_or(path)
            };
            let page = shown(&made.page);
            eprintln!(
                "made {} (template {}) and {}",
                page.display(),
                args.template,
                shown(&made.schema).display()
            );
            eprintln!(
                "edit it, then: banmian serve {0}  (live proof) or banmian build {0}",
                page.display()
            );
            ExitCode::SUCCESS
        }
        Err(failure) => {
            super::report(&failure, None);
            super::exit_code(&failure)
        }
    }
}
