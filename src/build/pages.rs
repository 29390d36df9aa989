//! Building or checking an issue: every page of it, in parallel on all cores, sharing the
//! project's fonts; a failing page never stops the others. Each page's messages are gathered
//! while it builds and printed in page order afterwards, so parallel output reads as
//! sequential output does; the caller hears of each page as it finishes (`run`'s `finished`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use typst::ecow::EcoVec;
use typst::model::Document;
use typst_layout::PagedDocument;

use crate::build::Built;
use crate::build::jumps::{self, Handoff};
use crate::content::LoadedPage;
use crate::content::issue::{LoadedIssue, Slot};
use crate::failure::Failure;
use crate::failure::typst_text;
use crate::output;
use crate::output::Target;
use crate::output::guard::Protected;
use crate::output::{export, print_boxes};
use crate::project::Project;

/// What to do with each page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    /// Lay out, preflight and write the page's file.
    Build,
    /// Everything a build does but write: lay out, preflight, export, measure the ink.
    Check,
}

/// One page of the issue, built or checked.
pub struct PageRun {
    pub number: u32,
    /// A spread: this page and the next.
    pub spread: bool,
    pub file: PathBuf,
    /// Where its file goes (when building).
    pub output: PathBuf,
    /// What the page had to say: typst's warnings and preflight's findings, or why it failed.
    pub messages: String,
    pub outcome: Result<PageDone, Failure>,
    pub seconds: f64,
}

/// A page that laid out (and, when building, was written).
pub struct PageDone {
    pub loaded: LoadedPage,
    /// The laid-out page, kept only for the combined PDF: an issue of hundreds of pages is
    /// checked and built in memory flat in its page count.
    pub document: Option<PagedDocument>,
    pub report: crate::preflight::Report,
    /// The make-up in words (see `Laid::makeup`).
    pub makeup: Vec<String>,
    /// For a PDF/X, the ink measured on its plates.
    pub ink: Option<crate::output::ink::Coverage>,
    /// Each file made for it and its size: the PDF, then a spread's two plates (written when
    /// building).
    pub files: Vec<(PathBuf, usize)>,
    /// One line: pages, warnings, preflight figures.
    pub summary: String,
    pub bytes: usize,
}

/// A page's file name in the issue's folder: its number (zero-padded so names sort in page
/// order) and its folder's name (or the file's, if it is not called `page.yaml`).
pub fn output_name(number: u32, width: usize, file: &Path, extension: &str) -> String {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
    let slug = if stem == "page" {
        file.parent()
            .and_then(|d| d.file_name())
            .and_then(|n| n.to_str())
            .unwrap_or(stem)
    } else {
        stem
    };
    format!("{number:0width$}-{slug}.{extension}")
}

/// Threads to build with: `BANMIAN_THREADS` if set (1 builds one page after another), else
/// one per core.
pub fn threads() -> usize {
    std::env::var("BANMIAN_THREADS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// Where each page of `issue` goes, in page order: its file in `folder`, named by
/// `output_name` (numbers padded to the widest, at least two digits), with `template`'s
/// options. A spread's sheet is the proof (`06-slug.spread.pdf`) and its two pages' plates
/// are named as any page's.
pub fn targets(issue: &LoadedIssue, folder: &Path, template: &Target) -> Vec<Target> {
    let width = issue
        .pages
        .iter()
        .map(|(_, slot)| slot.page.to_string().len())
        .max()
        .unwrap_or(1)
        .max(2);
    let ext = template.format.extension();
    issue
        .pages
        .iter()
        .map(|(file, slot)| {
            if slot.spread {
                let numbers = [slot.page, slot.page + 1];
                let sheet = output_name(slot.page, width, file, &format!("spread.{ext}"));
                Target {
                    output: folder.join(sheet),
                    plates: Some(numbers.map(|n| folder.join(output_name(n, width, file, ext)))),
                    ink_map: ink_map(template, slot.page, width, file, "spread.png"),
                    ..template.clone()
                }
            } else {
                Target {
                    output: folder.join(output_name(slot.page, width, file, ext)),
                    ink_map: ink_map(template, slot.page, width, file, "png"),
                    ..template.clone()
                }
            }
        })
        .collect()
}

/// For an issue, `--ink-map` names a folder: each page's map goes there under its page's name
/// (`05-slug.png`, a spread's sheet `06-slug.spread.png`).
fn ink_map(template: &Target, page: u32, width: usize, file: &Path, ext: &str) -> Option<PathBuf> {
    let folder = template.ink_map.as_ref()?;
    Some(folder.join(output_name(page, width, file, ext)))
}

/// Pages a memo entry may go unused before it is evicted while an issue is laid out.
const MEMO_MAX_AGE: usize = 4;

/// Runs `work` on every item, on `threads` threads at most, taking the items in order.
pub fn each<T: Send>(items: &mut [T], threads: usize, work: impl Fn(&mut T) + Sync) {
    let threads = threads.min(items.len()).max(1);
    let next = Mutex::new(items.iter_mut());
    let take = || next.lock().unwrap_or_else(|e| e.into_inner()).next();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(item) = take() {
                    work(item);
                }
            });
        }
    });
}

/// Builds (or checks) every page of `issue`, `template` giving the output options and each
/// page's file going to `folder`, on [`threads`] threads, taking the pages in page order.
/// `keep_pages` keeps each laid-out page for [`combined`]; otherwise what a page held is
/// released when it is done. `finished` is called as each page is done, in the order they
/// finish (on the thread that built it), with how many are done so far, that one included.
pub fn run(
    project: &Project,
    issue: &LoadedIssue,
    folder: &Path,
    template: &Target,
    mode: Mode,
    keep_pages: bool,
    finished: impl Fn(&PageRun, usize) + Sync,
) -> Vec<PageRun> {
    let count = std::sync::atomic::AtomicUsize::new(0);
    let handoff = Handoff::default();
    let mut jobs: Vec<(&(PathBuf, Slot), Target, Option<PageRun>)> = issue
        .pages
        .iter()
        .zip(targets(issue, folder, template))
        .map(|(page, target)| (page, target, None))
        .collect();
    // A page that takes a continuation waits for the page its story starts on.
    for wave in jumps::waves(issue) {
        let mut wave_jobs: Vec<_> = jobs
            .iter_mut()
            .enumerate()
            .filter(|(i, _)| wave.contains(i))
            .map(|(_, job)| job)
            .collect();
        each(&mut wave_jobs, threads(), |(page, target, run)| {
            let (file, slot) = page;
            let mut done = self::page(project, file, slot, target.clone(), mode, &handoff);
            if !keep_pages && let Ok(page) = &mut done.outcome {
                page.document = None;
            }
            let so_far = count.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            finished(&done, so_far);
            *run = Some(done);
            // Typst's memo cache holds every page laid out so far; what no page used for a
            // few pages is let go (the fonts and templates all pages share stay in use).
            typst::comemo::evict(MEMO_MAX_AGE);
        });
    }
    jobs.into_iter().filter_map(|(_, _, run)| run).collect()
}

/// One page, start to end, its messages gathered rather than printed.
fn page(
    project: &Project,
    file: &Path,
    slot: &Slot,
    target: Target,
    mode: Mode,
    handoff: &Handoff,
) -> PageRun {
    let started = Instant::now();
    let mut messages = String::new();
    let outcome = lay_out_page(project, file, slot, &target, mode, handoff, &mut messages);
    PageRun {
        number: slot.page,
        spread: slot.spread,
        file: file.to_path_buf(),
        output: target.output,
        messages,
        outcome,
        seconds: started.elapsed().as_secs_f64(),
    }
}

fn lay_out_page(
    project: &Project,
    file: &Path,
    slot: &Slot,
    target: &Target,
    mode: Mode,
    handoff: &Handoff,
    messages: &mut String,
) -> Result<PageDone, Failure> {
    let mut world = None;
    let result = (|| -> Result<PageDone, Failure> {
        let mut loaded = project.load_in(file, Some(slot))?;
        handoff.take(slot, &mut loaded)?;
        let inputs = project.protect(&loaded, target)?;
        let world = world.insert(project.world_for(target));
        let Built { laid, output, .. } = crate::build::page(world, &loaded, Some(target))?;
        handoff.give(slot, &loaded, laid.plan.as_ref());
        messages.push_str(&String::from_utf8_lossy(&typst_text(
            world,
            &laid.warnings,
            false,
        )));
        let makeup = laid.makeup(&loaded);
        if mode == Mode::Check {
            messages.push_str(&format!("{}\n", laid.report));
            if !makeup.is_empty() {
                let title = crate::content::t!("make-up");
                messages.push_str(&format!("{title}\n  {}\n", makeup.join("\n  ")));
            }
        } else if !laid.report.findings.is_empty()
            && (!laid.report.has_errors() || target.draft)
            && !matches!(output, Err(Failure::Strict(_)))
        {
            // (A page refused under --strict lists its warnings in its refusal.)
            messages.push_str(&format!("{}\n", laid.report.findings_text()));
        }
        let (bytes, ink, files) = match (output, mode) {
            // Checking, the report above says it all; the page's errors fail it (`has_errors`).
            (Err(Failure::Preflight(_)), Mode::Check) => (0, None, Vec::new()),
            (output, _) => {
                let made = output?;
                if let Some(ink) = made.ink_text() {
                    messages.push_str(&format!("{ink}\n"));
                }
                if mode == Mode::Build {
                    crate::build::export::write(&made.files, target, &inputs)?;
                }
                let files = made
                    .files
                    .iter()
                    .map(|(path, bytes)| (path.clone(), bytes.len()))
                    .collect();
                (made.bytes(), made.ink, files)
            }
        };
        Ok(PageDone {
            summary: crate::build::summary::summary(&laid),
            loaded,
            document: Some(laid.document),
            report: laid.report,
            makeup,
            ink,
            files,
            bytes,
        })
    })();
    if let Err(failure) = &result {
        messages.push_str(&failure.describe(world.as_ref()));
    }
    result
}

/// One PDF of the whole issue, its pages in order (a spread's two pages each a page), each
/// with its trim and bleed boxes: for
/// proofs and the archive (a plate takes each page's own file). Written only when every page
/// built; never over one of the issue's inputs.
pub fn combined(
    project: &Project,
    issue: &LoadedIssue,
    runs: &[PageRun],
    output: &Path,
    template: &Target,
) -> Result<usize, Failure> {
    let done: Vec<(&PageDone, &PagedDocument)> = runs
        .iter()
        .filter_map(|r| r.outcome.as_ref().ok())
        .filter_map(|d| Some((d, d.document.as_ref()?)))
        .collect();
    if done.len() != runs.len() || done.is_empty() {
        let failed: Vec<u32> = runs
            .iter()
            .filter(|r| r.outcome.is_err())
            .map(|r| r.number)
            .collect();
        return Err(Failure::Incomplete {
            output: output.to_path_buf(),
            failed,
        });
    }
    let target = Target {
        output: output.to_path_buf(),
        format: crate::output::Format::Pdf,
        ..template.clone()
    };
    for (run, _) in &done {
        Protected::page(&run.loaded, &project.font_dirs)
            .check(output, target.format)
            .map_err(Failure::Refused)?;
    }
    let mut issue_file = Protected::default();
    issue_file.file(&issue.file);
    issue_file
        .check(output, target.format)
        .map_err(Failure::Refused)?;
    // A spread as its two pages, so that the issue reads in page order, one page a leaf.
    let mut pages: EcoVec<_> = EcoVec::new();
    for (d, document) in &done {
        match (
            &d.loaded.view.spread,
            crate::output::spread::plates(document),
        ) {
            (Some(_), Some(plates)) => {
                pages.extend(plates.iter().flat_map(|p| p.pages().iter().cloned()))
            }
            _ => pages.extend(document.pages().iter().cloned()),
        }
    }
    let document = PagedDocument::new(pages, done[0].1.info().clone());
    let first = &done[0].0.loaded;
    let ident = format!("banmian/{}/{}/issue", issue.issue.paper, issue.issue.date);
    // A proof and archive copy: as asked, but never a PDF/X (the plate takes the pages').
    let asked: Vec<String> = if target.is_pdfx() {
        Vec::new()
    } else {
        target.pdf_standards.clone()
    };
    let standards = export::standards(&asked).map_err(Failure::Refused)?;
    let pdf = export::pdf(
        &document,
        &ident,
        output::fixed_date(first),
        standards.typst,
    )
    .map_err(Failure::Typst)?;
    let pdf = print_boxes::add(pdf, target.crop_marks).map_err(Failure::Export)?;
    crate::atomic::write_atomic(output, &pdf).map_err(|error| Failure::Write {
        path: output.to_path_buf(),
        error,
    })?;
    Ok(pdf.len())
}
