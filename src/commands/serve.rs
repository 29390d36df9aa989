//! `banmian serve`: the page as a live proof in the browser (see `banmian::serve`).

use std::path::PathBuf;
use std::process::ExitCode;

use banmian::project::SAMPLE_PAGE;
use banmian::serve::{self, Options};

use crate::cli::ServeArgs;

pub fn run(args: ServeArgs) -> ExitCode {
    let options = Options {
        page: args.page.unwrap_or_else(|| PathBuf::from(SAMPLE_PAGE)),
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
