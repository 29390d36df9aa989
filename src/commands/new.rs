//! `banmian new SLUG`: a page folder from a template (see `banmian::desk::scaffold`).

use std::process::ExitCode;

use banmian::project::find_root;

use super::Outcome;
use crate::cli::NewArgs;
use banmian::content::t;
use banmian::failure::Failure;

pub fn run(args: &NewArgs) -> Outcome {
    let root = match (&args.root, &args.issue) {
        (Some(root), _) => Some(root.clone()),
        (None, Some(issue)) => find_root(issue),
        (None, None) => find_root(
            &std::path::Path::new("content")
                .join(&args.slug)
                .join("page.yaml"),
        ),
    };
    let Some(root) = root else {
        return Err(Failure::NoProject(std::env::current_dir().unwrap_or_default()).into());
    };
    let issue = args
        .issue
        .as_deref()
        .map(|file| banmian::desk::scaffold::InIssue {
            file,
            page: args.page,
        });
    let made = banmian::desk::scaffold::new_page(&root, &args.slug, &args.template, issue)?;
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
        "{}",
        t!(
            "made-page",
            page = page.display(),
            template = args.template,
            schema = shown(&made.schema).display()
        )
    );
    eprintln!("{}", t!("made-page-next", page = page.display()));
    Ok(ExitCode::SUCCESS)
}
