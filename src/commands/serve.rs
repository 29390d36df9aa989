//! `banmian serve`: the page as a live proof in the browser (see `banmian::desk::serve`).

use std::path::PathBuf;
use std::process::ExitCode;

use banmian::desk::serve::{self, Options};
use banmian::project::SAMPLE_PAGE;

use super::{Error, Outcome};
use crate::cli::ServeArgs;

pub fn run(args: ServeArgs) -> Outcome {
    let page = args.page.unwrap_or_else(|| PathBuf::from(SAMPLE_PAGE));
    if super::issue::is_issue(&page) {
        return Err(Error::usage(banmian::content::t!(
            "serve-an-issue",
            page = page.display()
        )));
    }
    let options = Options {
        page,
        root: args.project.root,
        font_paths: args.project.font_paths,
        host: args.host,
        port: args.port,
        editor: args.editor,
        allow_remote_edit: args.allow_remote_edit,
    };
    serve::run(options)?;
    Ok(ExitCode::SUCCESS)
}
