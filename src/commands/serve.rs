//! `banmian serve`: the page as a live proof in the browser (see `banmian::serve`).

use std::path::PathBuf;
use std::process::ExitCode;

use banmian::project::SAMPLE_PAGE;
use banmian::serve::{self, Options};

use crate::cli::ServeArgs;

pub fn run(args: ServeArgs) -> ExitCode {
    let page = args.page.unwrap_or_else(|| PathBuf::from(SAMPLE_PAGE));
    if super::issue::is_issue(&page) {
        eprintln!(
            "error: {} is an issue: serve takes one page (serve the page you are editing; `banmian build` builds the issue)",
            page.display()
        );
        return ExitCode::from(super::USAGE);
    }
    let options = Options {
        page,
        root: args.project.root,
        font_paths: args.project.font_paths,
        host: args.host,
        port: args.port,
        editor: args.editor,
    };
    match serve::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            super::report(&failure, None);
            super::exit_code(&failure)
        }
    }
}
