//! One module per subcommand; each returns the process exit code.

pub mod build;
pub mod check;
pub mod diff;
pub mod fonts;
pub mod issue;
pub mod new;
pub mod schema;
pub mod serve;
pub mod watch;

use std::path::Path;
use std::process::ExitCode;

use banmian::project::{self, Failure, Target};
use banmian::proof::Format;
use banmian::world::PageWorld;

use crate::cli::OutputArgs;

/// Exit status for a command line that makes no sense (clap's own errors use it too).
pub const USAGE: u8 = 2;

/// Where and in what format to write: `--format` if given, else `-o`'s extension, else PDF.
/// A `--format` that contradicts `-o`'s extension is a usage error. A PDF without
/// `--pdf-standard` is a PDF/X-4 for the press if `press` (what `build` writes), else plain.
pub fn target(page: &Path, args: &OutputArgs, press: bool) -> Result<Target, ExitCode> {
    let named = args.output.as_deref().and_then(Format::from_path);
    let format = match (args.format.map(Format::from), named) {
        (Some(asked), Some(named)) if asked != named => {
            eprintln!(
                "error: --format {} contradicts the output's extension ({})",
                asked.extension(),
                named.extension()
            );
            return Err(ExitCode::from(USAGE));
        }
        (Some(asked), _) => asked,
        (None, named) => named.unwrap_or(Format::Pdf),
    };
    if let Err(message) = banmian::export::standards(&args.pdf_standards) {
        eprintln!("error: --pdf-standard: {message}");
        return Err(ExitCode::from(USAGE));
    }
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| project::default_output(page, format.extension()));
    Ok(Target {
        output,
        format,
        ppi: args.ppi,
        draft: args.draft,
        crop_marks: args.crop_marks,
        pdf_standards: if args.pdf_standards.is_empty() && press && format == Format::Pdf {
            vec![banmian::export::PDFX_4.to_string()]
        } else {
            args.pdf_standards.clone()
        },
        plates: None,
    })
}

/// The exit status for a failure: 2 for a command banmian refuses, else 1.
pub fn exit_code(failure: &Failure) -> ExitCode {
    match failure {
        Failure::Refused(_) => ExitCode::from(USAGE),
        _ => ExitCode::FAILURE,
    }
}

/// Prints why a build failed, in the form the failure calls for.
pub fn report(failure: &Failure, world: Option<&PageWorld>) {
    match (failure, world) {
        // In colour on a terminal.
        (Failure::Typst(diagnostics), Some(world)) => {
            banmian::compile::print_diagnostics(world, diagnostics)
        }
        _ => eprint!("{}", failure.describe(world)),
    }
}
