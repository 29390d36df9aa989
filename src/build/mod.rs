//! One page through every step, in one world: the page loaded (`Project::load`) is laid out
//! with its photos prepared and its make-up solved (`photo_prep`), preflighted (`preflight`),
//! and, when a target is asked for, exported to it (`output`: the PDF and a spread's plates, or
//! proof images) with its ink measured on a PDF/X (`output::ink`).
//!
//! Every command goes through [`page`]: `build` writes what it returns, `check` reports it and
//! writes nothing, `issue` runs it for each page in parallel, `watch` and `serve` keep the world
//! across rebuilds (`session`), `diff` red-lines what it laid out ([`redlined`]). So whatever
//! `build` refuses, `check` refuses, for the same reasons, in the same words.

pub mod export;
pub mod jumps;
pub mod pages;
pub mod session;
pub mod summary;
pub mod watcher;

use std::path::PathBuf;
use std::time::Instant;

use typst::diag::SourceDiagnostic;
use typst_layout::PagedDocument;

use crate::content::{ContentError, LoadedPage};
use crate::engine::compile::Compiled;
use crate::engine::world::PageWorld;
use crate::failure::Failure;
pub use crate::laps::Laps;
use crate::output::Format;
use crate::output::Target;
use crate::output::ink::Coverage;
use crate::photo_prep;
use crate::preflight::{self, Report};

/// A laid-out page, typst's warnings and the preflight report on it.
pub struct Laid {
    pub document: PagedDocument,
    pub warnings: Vec<SourceDiagnostic>,
    pub report: Report,
    /// The make-up the page was drawn to (for a template that makes up by plan).
    pub plan: Option<crate::makeup::MadeUp>,
    /// The press its photos were separated for (a page laid out for a PDF/X).
    pub press: Option<std::sync::Arc<crate::engine::press::Press>>,
    /// Milliseconds each step of laying out took (`measure`, `makeup`, `photos`, `layout`,
    /// `preflight`), for `build --timings`.
    pub steps: Vec<(&'static str, f64)>,
}

/// What a page becomes for its target, not yet written.
pub struct Output {
    /// Each file and its bytes: the PDF (then a spread's two plates), or one image a page.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// For a PDF/X, the ink measured on its plates.
    pub ink: Option<Coverage>,
}

impl Output {
    /// Bytes in all the files.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, b)| b.len()).sum()
    }

    /// The ink line, as build and check print it.
    pub fn ink_text(&self) -> Option<String> {
        self.ink.as_ref().map(Coverage::to_string)
    }
}

/// A page through the pipeline.
pub struct Built {
    pub laid: Laid,
    /// Its files for the target asked for, or why it cannot go there (preflight errors, ink over
    /// the limit, an export that failed); no files when no target was asked for.
    pub output: Result<Output, Failure>,
    /// Milliseconds each step took (`compile`, `export`, and beside each other within it
    /// `files` and `ink`), for `build --timings`.
    pub laps: Vec<(&'static str, f64)>,
}

/// Runs every step of one page in `world` (made for `target`: `Project::world_for`): lays it
/// out and preflights it, then, if `target` is given, exports it there and measures its ink.
/// Fails only when there is no laid-out page to speak of (bad content, a template error);
/// what stops the page short of its target is in [`Built::output`].
pub fn page(
    world: &mut PageWorld,
    loaded: &LoadedPage,
    target: Option<&Target>,
) -> Result<Built, Failure> {
    let mut laps = Laps::start();
    let laid = lay_out(world, loaded)?;
    laps.lap("compile");
    for (step, ms) in &laid.steps {
        laps.beside(step, *ms);
    }
    let output = match target {
        Some(target) => export(loaded, &laid, target, &mut laps),
        None => Ok(Output {
            files: Vec::new(),
            ink: None,
        }),
    };
    Ok(Built {
        laid,
        output,
        laps: laps.done,
    })
}

/// The page laid out, then `mark`ed (a red-lined proof: `redline::mark`) and exported to
/// `target` as it is: a proof for the desk, not a plate, so preflight's errors do not stop it.
pub fn redlined(
    world: &mut PageWorld,
    loaded: &LoadedPage,
    target: &Target,
    mark: impl FnOnce(&Laid) -> PagedDocument,
) -> Result<(Laid, Output), Failure> {
    let laid = lay_out(world, loaded)?;
    let marked = mark(&laid);
    let files = match target.format {
        Format::Pdf => vec![(
            target.output.clone(),
            crate::build::export::to_pdf(loaded, &marked, target, laid.press.as_deref())?,
        )],
        format => crate::output::preview::images(&marked, format, &target.output, target.ppi)
            .map_err(Failure::Export)?,
    };
    Ok((laid, Output { files, ink: None }))
}

/// The files for `target` and the ink on them; refused when preflight found errors (unless a
/// draft), the ink is over the house limit, or, under `--strict`, there is any warning.
fn export(
    loaded: &LoadedPage,
    laid: &Laid,
    target: &Target,
    laps: &mut Laps,
) -> Result<Output, Failure> {
    // The ink is measured on the laid-out page while the PDF is written: the two share nothing.
    // So is the press's profile made ready for the PDF/X's output intent.
    let (files, ink) = std::thread::scope(|scope| {
        if let (true, Some(press)) = (target.is_pdfx(), laid.press.as_deref()) {
            scope.spawn(|| crate::output::pdfx::intent::prepare(press));
        }
        let ink = scope.spawn(|| {
            let started = Instant::now();
            let ink = crate::build::export::ink(laid, target);
            (ink, started.elapsed().as_secs_f64() * 1000.0)
        });
        let started = Instant::now();
        let files = crate::build::export::render(loaded, laid, target);
        let pdf_ms = started.elapsed().as_secs_f64() * 1000.0;
        let ink = ink.join().expect("the ink measurement does not panic");
        ((files, pdf_ms), ink)
    });
    let ((files, pdf_ms), (ink, ink_ms)) = (files, ink);
    laps.lap("export");
    // The two sides of the export: the files written and, beside them, the ink measured.
    laps.beside("files", pdf_ms);
    laps.beside("ink", ink_ms);
    let (mut files, ink) = (files?, ink?);
    let ink = ink.map(|(found, maps)| {
        files.extend(maps);
        found
    });
    if target.strict {
        strict(laid, ink.as_ref())?;
    }
    Ok(Output { files, ink })
}

/// Under `--strict`, a page with any warning is refused as one with errors is: preflight's
/// warnings (underset, coarse photos, invisible characters…), typst's, and paint whose ink
/// could not be measured. Each is listed as `build` prints it.
fn strict(laid: &Laid, ink: Option<&Coverage>) -> Result<(), Failure> {
    let mut warnings: Vec<String> = laid
        .warnings
        .iter()
        .map(|w| crate::content::t!("warning-typst", message = w.message))
        .collect();
    warnings.extend(laid.report.warning_lines());
    for unmeasured in ink.map(|i| i.unmeasured.as_slice()).unwrap_or_default() {
        warnings.push(crate::content::t!(
            "warning-ink-unmeasured",
            what = unmeasured
        ));
    }
    if warnings.is_empty() {
        Ok(())
    } else {
        Err(Failure::Strict(warnings))
    }
}

/// Lays out one page in `world`, every photo at the resolution print needs (see
/// `photo_prep`), and preflights it.
pub fn lay_out(world: &mut PageWorld, page: &LoadedPage) -> Result<Laid, Failure> {
    let mut laps = Laps::start();
    let (
        Compiled {
            document,
            warnings,
            plan,
        },
        house,
        press,
    ) = photo_prep::lay_out(world, page, &mut laps)
        .map_err(|failure| damaged_photos(page, failure))?;
    let report = preflight::check(page, &document, world, plan.as_ref(), house);
    laps.lap("preflight");
    Ok(Laid {
        document,
        warnings,
        report,
        plan,
        press,
        steps: laps.done,
    })
}

impl Laid {
    /// The make-up in words for the desk (see `makeup::explain`), naming photos by file and
    /// story; empty for a template that does not make up by plan.
    pub fn makeup(&self, page: &LoadedPage) -> Vec<String> {
        let Some(plan) = &self.plan else {
            return Vec::new();
        };
        plan.explain(|section, index| {
            let (photo, story) = match section {
                Some(s) => {
                    let s = &page.view.sections[s];
                    (&s.photos[index], s.id.as_str())
                }
                None => match &page.view.lead_photo {
                    Some(p) => (p, "lead_photo"),
                    None => return format!("{index}"),
                },
            };
            let file = photo.src.rsplit('/').next().unwrap_or(&photo.src);
            format!("{file} ({story})")
        })
    }
}

/// A layout that failed where a photo's pixels do not decode (typst decodes them; the header
/// check cannot) is the photo's fault: name it at its YAML line rather than at the template.
/// Looked for only once typst has failed, by decoding each photo.
fn damaged_photos(page: &LoadedPage, failure: Failure) -> Failure {
    if !matches!(failure, Failure::Typst(_) | Failure::Photo(_)) {
        return failure;
    }
    let errors: Vec<ContentError> = page
        .view
        .photos()
        .into_iter()
        .filter_map(|entry| {
            let (path, photo) = (entry.path, entry.photo);
            let bytes = std::fs::read(page.root_path(&photo.src)).ok()?;
            let err = crate::images::decode(&bytes).err()?;
            let at = page.positions.value(&format!("{path}.file"));
            Some(
                ContentError::new(
                    &page.file,
                    at,
                    crate::content::t!("photo-damaged", file = photo.src, error = err),
                )
                .hint(crate::content::t!("photo-damaged-hint")),
            )
        })
        .collect();
    if errors.is_empty() {
        failure
    } else {
        Failure::Content(crate::content::excerpts(errors, &page.file, &page.source))
    }
}
