//! Why a command produced nothing, one variant for each thing that can go wrong, and the one
//! renderer that says it: to the terminal (in colour or not), to text gathered for later (an
//! issue's pages), to the browser (`serve`). `check --format json` maps the same variants.

use std::io::IsTerminal;
use std::path::PathBuf;

use typst::diag::SourceDiagnostic;
use typst_kit::diagnostics::{self, DiagnosticFormat, termcolor};

use crate::content::{ContentError, t};
use crate::engine::world::PageWorld;
use crate::output::ink::Coverage;
use crate::preflight::Report;

/// The most content errors shown, in file order (a page pasted wrong can make hundreds); the
/// rest are counted, and all are in the JSON report.
pub const MAX_SHOWN: usize = 50;

/// Why a build (or a command) produced nothing.
#[derive(Debug)]
pub enum Failure {
    /// The page's YAML is wrong: fix the content.
    Content(Vec<ContentError>),
    /// Typst could not lay the page out: fix the template (or the content it trips on).
    Typst(Vec<SourceDiagnostic>),
    /// The template broke its protocol with banmian (house settings or measures missing or
    /// unreadable): fix the template.
    Template(String),
    /// A photo could not be made ready for print (resampled, separated into CMYK).
    Photo(String),
    /// Preflight found errors (overset, missing glyphs, coarse photos): fix the page.
    Preflight(Box<Report>),
    /// The press PDF carries more ink than the house allows.
    Ink(Box<Coverage>),
    /// `build --strict`: the page built, with these warnings (each as `build` prints it, from
    /// `warning:`), which --strict treats as errors.
    Strict(Vec<String>),
    /// The laid-out page could not be made into its file (the PDF's boxes, the PDF/X
    /// conversion, proof images, a spread that is not one sheet).
    Export(String),
    /// A file could not be written.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    /// No project folder above the page.
    NoProject(PathBuf),
    /// A page file that is not there (`watch`, `serve` take an existing page).
    NoPage(PathBuf),
    /// A proof round could not be read (`diff --since`).
    Round(String),
    /// The combined PDF of an issue was not written: these pages failed.
    Incomplete { output: PathBuf, failed: Vec<u32> },
    /// Watching files, or serving the proof, could not start or stopped.
    Service(String),
    /// The command asked for something banmian will not do (write over an input): exit 2.
    Refused(String),
}

/// Plain text, one problem a line (`describe` gives typst's errors with their source).
impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Content(errors) => {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                write!(f, "{}", lines.join("\n"))
            }
            Failure::Typst(diagnostics) => {
                let lines: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
                write!(f, "{}", lines.join("\n"))
            }
            Failure::Preflight(report) => write!(f, "{report}"),
            Failure::Ink(found) => write!(f, "{}", t!("ink-over", found = found)),
            Failure::Strict(warnings) => {
                write!(f, "{}", t!("strict-refused", n = warnings.len()))?;
                for warning in warnings {
                    write!(f, "\n  {warning}")?;
                }
                Ok(())
            }
            Failure::Write { path, error } => write!(
                f,
                "{}",
                t!("cannot-write", path = path.display(), error = error)
            ),
            Failure::NoProject(page) => write!(f, "{}", t!("no-project", page = page.display())),
            Failure::NoPage(page) => write!(f, "{}", t!("no-page", page = page.display())),
            Failure::Incomplete { output, failed } => {
                let failed: Vec<String> = failed.iter().map(u32::to_string).collect();
                write!(
                    f,
                    "{}",
                    t!(
                        "combined-not-written",
                        output = output.display(),
                        pages = failed.join(", ")
                    )
                )
            }
            Failure::Template(message)
            | Failure::Photo(message)
            | Failure::Export(message)
            | Failure::Round(message)
            | Failure::Service(message)
            | Failure::Refused(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Failure {}

impl Failure {
    /// The failure as the desk reads it, one `error:` line a problem; typst's errors with
    /// their source lines when the world that raised them is at hand.
    pub fn describe(&self, world: Option<&PageWorld>) -> String {
        String::from_utf8_lossy(&self.render(world, false)).into_owned()
    }

    /// [`describe`](Self::describe), in colour if `colour`.
    pub fn render(&self, world: Option<&PageWorld>, colour: bool) -> Vec<u8> {
        match (self, world) {
            (Failure::Typst(diagnostics), Some(world)) => typst_text(world, diagnostics, colour),
            (Failure::Typst(diagnostics), None) => {
                let trace: String = diagnostics
                    .iter()
                    .map(|d| format!("{}: {}\n", t!("error"), d.message))
                    .collect();
                format!("{}{trace}", internal_error_note(diagnostics)).into_bytes()
            }
            (Failure::Content(errors), _) => {
                let mut shown: Vec<u8> = errors
                    .iter()
                    .take(MAX_SHOWN)
                    .flat_map(|e| crate::excerpt::render("error", e, colour))
                    .collect();
                if errors.len() > MAX_SHOWN {
                    let more = t!("and-more", n = errors.len() - MAX_SHOWN);
                    shown.extend(format!("{more}\n").into_bytes());
                }
                shown
            }
            (Failure::Preflight(report), _) => format!(
                "{}\n{}: {}\n",
                report.findings_text(),
                t!("hint"),
                t!("fix-errors-or-draft")
            )
            .into_bytes(),
            (Failure::Strict(_), _) => format!(
                "{}: {self}\n{}: {}\n",
                t!("error"),
                t!("hint"),
                t!("fix-warnings-or-not-strict")
            )
            .into_bytes(),
            (other, _) => format!("{}: {other}\n", t!("error")).into_bytes(),
        }
    }

    /// What kind of failure, in a word or two (an issue's one line a page).
    pub fn kind(&self) -> String {
        match self {
            Failure::Content(_) => t!("kind-content"),
            Failure::Typst(_) | Failure::Template(_) => t!("kind-layout"),
            Failure::Preflight(_) => t!("kind-preflight"),
            Failure::Ink(_) => t!("kind-ink"),
            Failure::Strict(_) => t!("kind-strict"),
            Failure::Photo(_) => t!("kind-photo"),
            Failure::Refused(_) => t!("kind-refused"),
            _ => t!("kind-other"),
        }
    }
}

/// The line over a template's error: valid content should never make a template fail (the
/// content check and preflight say what is wrong with a page), so one that does is a bug of
/// banmian or its templates, to be reported, not something the editor can fix. Empty when no
/// error comes from a template's source (a photo typst could not read, say).
pub fn internal_error_note(diagnostics: &[SourceDiagnostic]) -> String {
    let from_source = diagnostics
        .iter()
        .any(|d| d.severity == typst::diag::Severity::Error && d.span.id().is_some());
    if from_source {
        format!("{}: {}\n", t!("error"), t!("internal-error"))
    } else {
        String::new()
    }
}

/// typst's errors or warnings with file, line and the source lines, as the typst CLI shows
/// them (the one renderer of typst's diagnostics), in colour if `colour`.
pub fn typst_text(world: &PageWorld, diagnostics: &[SourceDiagnostic], colour: bool) -> Vec<u8> {
    let choice = if colour {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    };
    let mut buffer = termcolor::BufferWriter::stderr(choice).buffer();
    let _ = std::io::Write::write_all(&mut buffer, internal_error_note(diagnostics).as_bytes());
    if diagnostics::emit(&mut buffer, world, diagnostics, DiagnosticFormat::Human).is_err() {
        return diagnostics
            .iter()
            .map(|d| format!("banmian: {:?}: {}\n", d.severity, d.message))
            .collect::<String>()
            .into_bytes();
    }
    buffer.into_inner()
}

/// Prints typst's warnings (or errors) to stderr, in colour on a terminal (see [`colour`]).
pub fn print_typst(world: &PageWorld, diagnostics: &[SourceDiagnostic]) {
    let text = typst_text(world, diagnostics, colour());
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), &text);
}

/// Whether messages on stderr are coloured: `--color always|never`, else on a terminal unless
/// `NO_COLOR` is set (no-color.org). Set once by the command line ([`set_colour`]).
pub fn colour() -> bool {
    *COLOUR.get_or_init(|| {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        !no_color && std::io::stderr().is_terminal()
    })
}

/// Colours messages (`Some(true)`), never (`Some(false)`), or as [`colour`] decides (`None`).
pub fn set_colour(choice: Option<bool>) {
    if let Some(choice) = choice {
        let _ = COLOUR.set(choice);
    }
}

static COLOUR: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
