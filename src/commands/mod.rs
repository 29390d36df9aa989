//! One module per subcommand. Each returns its exit status, or the [`Error`] that stopped it;
//! `main` prints every such error in one place ([`exit`]), as the typst CLI and ripgrep do.

pub mod build;
pub mod check;
pub mod diff;
pub mod fonts;
pub mod init;
pub mod issue;
pub mod json;
pub mod new;
pub mod schema;
pub mod serve;
pub mod usage;
pub mod watch;
pub mod watch_issue;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use banmian::content::t;
use banmian::engine::world::PageWorld;
use banmian::failure::Failure;
use banmian::output::Format;
use banmian::output::Target;
use banmian::project;

use crate::cli::OutputArgs;

/// Exit status for a command line that makes no sense (clap's own errors use it too).
pub const USAGE: u8 = 2;

/// What a command returns: its exit status, or why it stopped.
pub type Outcome = Result<ExitCode, Error>;

/// Why a command stopped: the failure, already shown as the desk reads it where typst's errors
/// need the world that raised them, and what it left behind.
#[derive(Debug)]
pub struct Error {
    failure: Failure,
    /// typst's errors rendered with their source lines (in colour on a terminal).
    shown: Option<Vec<u8>>,
    /// A line printed after the failure (`banmian: nothing written`).
    after: Option<String>,
}

impl Error {
    /// A command line that makes no sense: `message` (after `error: `), exit 2.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::Refused(message.into()).into()
    }

    /// The same failure, followed by `line` when printed.
    pub fn then(self, line: impl Into<String>) -> Self {
        Self {
            after: Some(line.into()),
            ..self
        }
    }

    pub fn failure(&self) -> &Failure {
        &self.failure
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Self {
        Self {
            failure,
            shown: None,
            after: None,
        }
    }
}

/// A failure raised in a world: typst's errors are shown against its sources.
pub trait SeenIn<T> {
    fn seen_in(self, world: &PageWorld) -> Result<T, Error>;
}

impl<T> SeenIn<T> for Result<T, Failure> {
    fn seen_in(self, world: &PageWorld) -> Result<T, Error> {
        self.map_err(|failure| Error {
            shown: Some(render(&failure, Some(world))),
            failure,
            after: None,
        })
    }
}

/// The one printer of a command's error: prints it and gives the exit status it calls for.
pub fn exit(error: Error) -> ExitCode {
    let shown = error.shown.unwrap_or_else(|| render(&error.failure, None));
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(&shown);
    if let Some(line) = error.after {
        let _ = writeln!(stderr, "{line}");
    }
    exit_code(&error.failure)
}

/// Prints a failure a command reports and goes on from (a page of an issue, a rebuild that
/// `watch` waits to be fixed), as [`exit`] would.
pub fn report(failure: &Failure, world: Option<&PageWorld>) {
    let _ = std::io::stderr().lock().write_all(&render(failure, world));
}

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--quiet`: only errors are said.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
}

/// Says `line` on stderr, unless `--quiet`: what went right or may be fine (findings that are
/// not errors, ink, progress, "built"), never an error.
pub fn say(line: impl std::fmt::Display) {
    if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        eprintln!("{line}");
    }
}

static VERBOSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--verbose`: each step said as it is done, and how long the steps took.
pub fn set_verbose(verbose: bool) {
    VERBOSE.store(verbose, std::sync::atomic::Ordering::Relaxed);
}

pub fn verbose() -> bool {
    VERBOSE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Says a step on stderr under `--verbose` (`banmian: …`).
pub fn step(line: impl std::fmt::Display) {
    if verbose() {
        eprintln!("banmian: {line}");
    }
}

/// Whether `--quiet` was given.
pub fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
}

/// A failure as the desk reads it (see `Failure::describe`), in colour on a terminal.
fn render(failure: &Failure, world: Option<&PageWorld>) -> Vec<u8> {
    failure.render(world, banmian::failure::colour())
}

/// The exit status for a failure: 2 for a command banmian refuses, else 1.
pub fn exit_code(failure: &Failure) -> ExitCode {
    match failure {
        Failure::Refused(_) => ExitCode::from(USAGE),
        _ => ExitCode::FAILURE,
    }
}

/// Where and in what format to write: `--format` if given, else `-o`'s extension, else PDF.
/// A `--format` that contradicts `-o`'s extension is a usage error. A PDF without
/// `--pdf-standard` is a PDF/X-4 for the press if `press` (what `build` writes), else plain.
pub fn target(page: &Path, args: &OutputArgs, press: bool) -> Result<Target, Error> {
    let named = args.output.as_deref().and_then(Format::from_path);
    let format = match (args.format.map(Format::from), named) {
        (Some(asked), Some(named)) if asked != named => {
            return Err(Error::usage(t!(
                "format-contradicts",
                asked = asked.extension(),
                named = named.extension()
            )));
        }
        (Some(asked), _) => asked,
        (None, named) => named.unwrap_or(Format::Pdf),
    };
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| project::default_output(page, format.extension()));
    options(args, format, output, press)
}

/// The target of `output` in `format`, with the command line's options: a PDF without
/// `--pdf-standard` is a PDF/X-4 for the press if `press`, else plain.
pub fn options(
    args: &OutputArgs,
    format: Format,
    output: PathBuf,
    press: bool,
) -> Result<Target, Error> {
    banmian::output::export::standards(&args.pdf_standards).map_err(|message| {
        Error::usage(t!(
            "option-problem",
            option = "--pdf-standard",
            message = message
        ))
    })?;
    Ok(Target {
        output,
        format,
        ppi: args.ppi,
        draft: args.draft,
        strict: false,
        crop_marks: args.crop_marks,
        pdf_standards: if args.pdf_standards.is_empty() && press && format == Format::Pdf {
            vec![banmian::output::export::PDFX_4.to_string()]
        } else {
            args.pdf_standards.clone()
        },
        plates: None,
        ink_map: args.ink_map.clone(),
        icc: args.icc.clone(),
    })
}
