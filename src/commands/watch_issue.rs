//! `banmian watch ISSUE.yaml`: every page of an issue built once, then only the pages whose
//! inputs changed, each page kept open across rebuilds (`banmian::build::session`).
//!
//! One watcher serves all pages; it says that something changed, not what. What changed is
//! found by comparing each file a page's last build read (its YAML, its photos, the templates,
//! the font folders) with how it stood when that build began: a page's own edit rebuilds that
//! page, a template or font change every page. The issue file is watched too: reloaded, it
//! rebuilds the pages whose place in it (number, spread, the issue's paper, date or edition)
//! or output name changed, drops the pages it no longer lists and builds the new ones. A broken
//! page keeps its last good output and stops no other; a broken issue file keeps the pages as
//! they were. Each page is written as a proof, named as `build ISSUE.yaml` names its plate
//! made a proof's (`04-school-lunch.proof.pdf`, `output::proof_path`), so the plates `build`
//! wrote in the same folder stay as they were.

use banmian::content::t;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use banmian::build::jumps::{self, Handoff};
use banmian::build::session::{self, Rebuilt, Session};
use banmian::build::watcher::Watcher;
use banmian::content::issue::{self, LoadedIssue, Slot};
use banmian::engine::fonts;
use banmian::failure::Failure;
use banmian::output::Target;
use banmian::project::Project;
use typst::diag::SourceDiagnostic;

use super::Outcome;
use crate::cli::WatchArgs;

/// A file as it stood: modified, length, inode; `None` when it did not exist.
type Stamp = Option<(Option<SystemTime>, u64, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some((meta.modified().ok(), meta.len(), inode))
}

/// What a good rebuild has to say: typst's warnings and the one-line summary.
type Built = (Vec<SourceDiagnostic>, String);

/// One page of the issue, kept open.
struct Page {
    file: PathBuf,
    target: Target,
    session: Session,
    /// Each file its last build read, as it stood when that build began.
    stamps: HashMap<PathBuf, Stamp>,
    /// Rebuild at the next round whatever the stamps say (new, moved in the issue, new fonts).
    due: bool,
    /// The last rebuild, until it is reported.
    rebuilt: Option<Rebuilt<Built>>,
}

impl Page {
    fn new(
        file: PathBuf,
        slot: Slot,
        target: Target,
        project: Project,
        args: &WatchArgs,
        handoff: &Arc<Handoff>,
    ) -> Self {
        let session = Session::new(
            file.clone(),
            project,
            args.project.font_paths.clone(),
            Some(target.clone()),
        )
        .in_issue(slot, handoff.clone());
        Self {
            file,
            target,
            session,
            stamps: HashMap::new(),
            due: true,
            rebuilt: None,
        }
    }

    /// Whether it is due, or a file its last build read has changed since that build began.
    fn changed(&self) -> bool {
        self.due
            || self
                .stamps
                .iter()
                .any(|(path, before)| stamp(path) != *before)
    }

    /// Builds the page and writes its files (all or nothing); remembers how each file it read
    /// stood before it began, so that an edit saved during the build is seen afterwards.
    fn rebuild(&mut self) {
        let before: HashMap<PathBuf, Stamp> = self
            .stamps
            .keys()
            .map(|path| (path.clone(), stamp(path)))
            .collect();
        let target = &self.target;
        let rebuilt = self.session.rebuild(
            |project, loaded| project.protect(loaded, target),
            |_, _, built, inputs| {
                let made = built.output?;
                banmian::build::export::write(&made.files, target, &inputs)?;
                let mut summary = banmian::build::summary::summary(&built.laid);
                if let Some(ink) = made.ink_text() {
                    summary = format!("{summary}; {ink}");
                }
                Ok((built.laid.warnings, summary))
            },
        );
        self.stamps = rebuilt
            .watched
            .iter()
            .map(|path| {
                let then = before.get(path).copied().unwrap_or_else(|| stamp(path));
                (path.clone(), then)
            })
            .collect();
        self.due = false;
        self.rebuilt = Some(rebuilt);
    }

    /// The failure of a rebuild refused (an output over an input), taken out unreported.
    fn take_refused(&mut self) -> Option<Failure> {
        match self.rebuilt.take() {
            Some(Rebuilt {
                result: Err(failure @ Failure::Refused(_)),
                ..
            }) => Some(failure),
            other => {
                self.rebuilt = other;
                None
            }
        }
    }

    /// The files it writes, as `build ISSUE.yaml` names them: a spread's sheet, then its plates.
    fn outputs(&self) -> String {
        let mut names = vec![self.target.output.display().to_string()];
        for plate in self.target.plates.iter().flatten() {
            names.push(plate.display().to_string());
        }
        names.join(", ")
    }

    /// One status line (after typst's warnings, or the errors if the rebuild failed), as
    /// `watch` prints for a page.
    fn report(&mut self) {
        let Some(rebuilt) = self.rebuilt.take() else {
            return;
        };
        let (outputs, seconds) = (self.outputs(), rebuilt.seconds);
        let count = 1 + self.target.plates.iter().flatten().count();
        let status = |summary| super::watch::status(&outputs, count, seconds, summary);
        match rebuilt.result {
            Ok((warnings, summary)) => {
                banmian::failure::print_typst(self.session.world(), &warnings);
                eprintln!("{}", status(Some(&summary)));
            }
            Err(failure) => {
                super::report(&failure, Some(self.session.world()));
                eprintln!("{}", status(None));
            }
        }
    }
}

/// A second handle on the project's fonts, for another page.
fn share(project: &Project) -> Project {
    Project {
        root: project.root.clone(),
        font_dirs: project.font_dirs.clone(),
        fonts: project.fonts.clone(),
    }
}

pub fn run(args: &WatchArgs) -> Outcome {
    let file = &args.page;
    let project = Project::open(file, args.project.root.as_deref(), &args.project.font_paths)?;
    let issue_file = std::path::absolute(file).unwrap_or_else(|_| file.clone());
    let mut issue_stamp = stamp(&issue_file);
    let loaded = issue::load(file, &project.root).map_err(Failure::Content)?;
    let (folder, template) = super::issue::target(file, &args.output, false)?;
    let mut watcher = Watcher::new(None).map_err(super::watch::service)?;
    let said = t!(
        "watching-issue",
        issue = file.display(),
        pages = loaded.pages.len(),
        folder = folder.display()
    );
    eprintln!("{said}");
    let mut pages = Vec::new();
    let handoff = Arc::new(Handoff::default());
    update(
        &mut pages, &loaded, &folder, &template, &project, args, &handoff,
    );
    let mut fonts_seen = fonts::fingerprint(&project.font_dirs);
    let mut project = project; // opened afresh when the fonts change
    let mut first = true;
    loop {
        for page in &mut pages {
            page.due = page.changed();
        }
        // A story's continuation follows its start: rebuilt after it, in a later wave.
        for wave in waves(&mut pages) {
            let mut due: Vec<&mut Page> = pages
                .iter_mut()
                .enumerate()
                .filter(|(i, p)| p.due && wave.contains(i))
                .map(|(_, p)| p)
                .collect();
            banmian::build::pages::each(&mut due, banmian::build::pages::threads(), |page| {
                page.rebuild()
            });
        }
        session::evict_shared(pages.len());
        // An output over an input is refused for good: stop, as `watch` of a page does.
        let refused = if first {
            pages.iter_mut().find_map(Page::take_refused)
        } else {
            None
        };
        first = false;
        // Watch before reporting: once the status lines are out, any later save is seen.
        let mut watched: Vec<PathBuf> = pages
            .iter()
            .flat_map(|p| p.stamps.keys().cloned())
            .collect();
        watched.push(issue_file.clone());
        watched.sort();
        watched.dedup();
        let updated = watcher.update(watched);
        for page in &mut pages {
            page.report();
        }
        if let Some(failure) = refused {
            return Err(failure.into());
        }
        updated
            .and_then(|()| watcher.wait())
            .map_err(super::watch::service)?;
        // New fonts: opened once for all pages, every page rebuilt with them.
        let fonts_now = fonts::fingerprint(&project.font_dirs);
        if fonts_now != fonts_seen {
            fonts_seen = fonts_now;
            match Project::open(file, Some(&project.root), &args.project.font_paths) {
                Ok(reopened) => {
                    let faces = reopened.fonts.list().count();
                    eprintln!("{}", t!("fonts-changed", faces = faces));
                    for page in &mut pages {
                        page.session.reopen(share(&reopened));
                        page.due = true;
                    }
                    project = reopened;
                }
                Err(failure) => super::report(&failure, None),
            }
        }
        let issue_now = stamp(&issue_file);
        if issue_now != issue_stamp {
            issue_stamp = issue_now;
            match issue::load(file, &project.root) {
                Ok(loaded) => update(
                    &mut pages, &loaded, &folder, &template, &project, args, &handoff,
                ),
                Err(errors) => {
                    super::report(&Failure::Content(errors), None);
                    eprintln!("{}", t!("issue-not-reloaded", issue = file.display()));
                }
            }
        }
    }
}

/// The waves the due pages rebuild in (see `jumps::waves`): a page that takes a continuation
/// after the page its story starts on, and due whenever that page is.
fn waves(pages: &mut [Page]) -> Vec<Vec<usize>> {
    let slots: Vec<Option<Slot>> = pages.iter().map(|p| p.session.slot().cloned()).collect();
    // In issue order, so a chain of jumps carries through (a start is before its continuation).
    for (i, slot) in slots.iter().enumerate() {
        let starts_due = slot
            .iter()
            .flat_map(|s| &s.jumps)
            .any(|j| j.to_index == i && pages.get(j.from_index).is_some_and(|p| p.due));
        if starts_due {
            pages[i].due = true;
        }
    }
    jumps::waves_of(&slots)
}

/// Makes `pages` the issue's pages: a page already open stays open (and is rebuilt if its
/// place or output changed), a page no longer listed is dropped, a new one is opened.
fn update(
    pages: &mut Vec<Page>,
    issue: &LoadedIssue,
    folder: &Path,
    template: &Target,
    project: &Project,
    args: &WatchArgs,
    handoff: &Arc<Handoff>,
) {
    let mut open: Vec<Option<Page>> = std::mem::take(pages).into_iter().map(Some).collect();
    // Proofs, never the plates `build ISSUE.yaml` writes in the same folder.
    let targets = banmian::build::pages::targets(issue, folder, template)
        .into_iter()
        .map(Target::proof);
    for ((file, slot), target) in issue.pages.iter().zip(targets) {
        let kept = open
            .iter_mut()
            .find(|p| p.as_ref().is_some_and(|p| &p.file == file))
            .and_then(Option::take);
        let page = match kept {
            Some(mut page) => {
                let moved =
                    page.target.output != target.output || page.target.plates != target.plates;
                if page.session.slot() != Some(slot) || moved {
                    page.session.set_slot(slot.clone());
                    page.target = target;
                    page.due = true;
                }
                page
            }
            None => Page::new(
                file.clone(),
                slot.clone(),
                target,
                share(project),
                args,
                handoff,
            ),
        };
        pages.push(page);
    }
    for gone in open.into_iter().flatten() {
        let said = t!(
            "page-left-issue",
            page = gone.file.display(),
            outputs = gone.outputs()
        );
        eprintln!("{said}");
    }
}
