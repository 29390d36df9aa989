//! A page kept open across rebuilds: what `watch` (a file on disk) and `serve` (a proof in the
//! browser) share.
//!
//! One `PageWorld` lives across rebuilds so typst's memoized layout is reused and a one-word
//! edit recompiles in a fraction of the cold time. Each rebuild also says which files to watch
//! next: the page, its photos, the templates and fonts it read, and, while the YAML is broken,
//! what the last good build read, so that fixing any of them rebuilds.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use crate::build::Built;
use crate::build::jumps::Handoff;
use crate::content::LoadedPage;
use crate::content::issue::Slot;
use crate::engine::fonts;
use crate::engine::world::PageWorld;
use crate::failure::Failure;
use crate::output::Target;
use crate::project::Project;

/// How many compilations typst's memo cache may go unused before an entry is evicted (the
/// typst CLI's choice): bounds memory in a long session.
const CACHE_MAX_AGE: usize = 10;

/// Everything that outlives one rebuild.
pub struct Session {
    /// The YAML as given (errors name it so), and absolute: notify reports absolute paths,
    /// and the watcher must recognise them to re-watch a file an editor replaced.
    page: PathBuf,
    page_absolute: PathBuf,
    extra_font_paths: Vec<PathBuf>,
    project: Project,
    /// What each rebuild makes (`watch`: the files it writes); `None`, the laid-out page only
    /// (`serve`'s proof on screen).
    target: Option<Target>,
    world: PageWorld,
    fonts_seen: Vec<(PathBuf, u64, Option<SystemTime>)>,
    /// What the last successful load and compile read; still watched while a later edit fails
    /// before typst runs (a YAML error), so fixing a template also triggers a rebuild.
    last_inputs: Vec<PathBuf>,
    /// Where the page stands in an issue being watched whole; `None`: the page on its own (as
    /// a page of the issue beside it, if one lists it: `Project::load`).
    slot: Option<Slot>,
    /// Whether each rebuild evicts typst's memo cache; sessions rebuilt side by side leave it
    /// to their caller (`evict_shared`).
    evicts: bool,
    /// What the issue's pages hand each other across jumps (转版), shared by its sessions.
    handoff: Option<Arc<Handoff>>,
}

/// One rebuild: the files to watch until the next, how it went, and the seconds it took.
pub struct Rebuilt<T> {
    pub watched: Vec<PathBuf>,
    pub result: Result<T, Failure>,
    pub seconds: f64,
}

impl Session {
    /// A page rebuilt for `target` (see `target`), in the world made for it.
    pub fn new(
        page: PathBuf,
        project: Project,
        extra_font_paths: Vec<PathBuf>,
        target: Option<Target>,
    ) -> Self {
        Self {
            fonts_seen: fonts::fingerprint(&project.font_dirs),
            world: world_for(&project, target.as_ref()),
            page_absolute: std::path::absolute(&page).unwrap_or_else(|_| page.clone()),
            page,
            extra_font_paths,
            project,
            target,
            last_inputs: Vec::new(),
            slot: None,
            evicts: true,
            handoff: None,
        }
    }

    /// A page of an issue watched whole: laid out in `slot` (see `set_slot`), its rebuilds
    /// leaving typst's memo cache to the caller, who evicts once for all its sessions
    /// (`evict_shared`): a page's memoized layout is then kept while the others rebuild.
    pub fn in_issue(mut self, slot: Slot, handoff: Arc<Handoff>) -> Self {
        self.slot = Some(slot);
        self.evicts = false;
        self.handoff = Some(handoff);
        self
    }

    /// The page's place in its issue changed (its number, the issue's date…): the next
    /// rebuild lays it out there.
    pub fn set_slot(&mut self, slot: Slot) {
        self.slot = Some(slot);
    }

    pub fn slot(&self) -> Option<&Slot> {
        self.slot.as_ref()
    }

    /// The page's YAML file, as given.
    pub fn page(&self) -> &Path {
        &self.page
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The world of the last build (typst's errors are printed against its sources).
    pub fn world(&self) -> &PageWorld {
        &self.world
    }

    /// Loads the page and takes it through the pipeline once (`pipeline::page`, to the session's
    /// target). `guard` runs on the loaded page before any layout (to refuse an output that
    /// would replace an input); `finish` turns the built page into whatever the caller keeps (a
    /// file written, a proof served).
    pub fn rebuild<G, T>(
        &mut self,
        guard: impl FnOnce(&Project, &LoadedPage) -> Result<G, Failure>,
        finish: impl FnOnce(&PageWorld, &LoadedPage, Built, G) -> Result<T, Failure>,
    ) -> Rebuilt<T> {
        let start = Instant::now();
        let mut watched = vec![self.page_absolute.clone()];
        watched.extend(fonts::folders(&self.project.font_dirs));
        let result = self.build(&mut watched, guard, finish);
        let seconds = start.elapsed().as_secs_f64();
        // Drop memoized results no recent compile used, as the typst CLI does.
        if self.evicts {
            typst::comemo::evict(CACHE_MAX_AGE);
        }
        // Absolute, like the paths in notify's events (see `page_absolute`).
        let mut watched: Vec<PathBuf> = watched
            .into_iter()
            .map(|path| std::path::absolute(&path).unwrap_or(path))
            .collect();
        watched.sort();
        watched.dedup();
        Rebuilt {
            watched,
            result,
            seconds,
        }
    }

    fn build<G, T>(
        &mut self,
        watched: &mut Vec<PathBuf>,
        guard: impl FnOnce(&Project, &LoadedPage) -> Result<G, Failure>,
        finish: impl FnOnce(&PageWorld, &LoadedPage, Built, G) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let loaded = match &self.slot {
            Some(slot) => self.project.load_in(&self.page, Some(slot)),
            None => self.project.load(&self.page),
        };
        let handed = match (&self.handoff, &self.slot, loaded) {
            (Some(handoff), Some(slot), Ok(mut loaded)) => {
                handoff.take(slot, &mut loaded).map(|()| loaded)
            }
            (_, _, loaded) => loaded,
        };
        let loaded = match handed {
            Ok(loaded) => loaded,
            Err(failure) => {
                // The page's images are unknown until the YAML is valid again: watch its folder
                // (and subfolders) so a missing photo being added is seen.
                watched.extend(self.last_inputs.iter().cloned());
                if let Some(folder) = self.page_absolute.parent() {
                    watched.extend(fonts::folders(&[folder.to_path_buf()]));
                }
                return Err(failure);
            }
        };
        watched.extend(loaded.images.iter().cloned());
        let guarded = guard(&self.project, &loaded)?;
        let built = crate::build::page(&mut self.world, &loaded, self.target.as_ref());
        watched.extend(self.world.dependencies());
        self.last_inputs = watched.clone();
        let built = built?;
        if let (Some(handoff), Some(slot)) = (&self.handoff, &self.slot) {
            handoff.give(slot, &loaded, built.laid.plan.as_ref());
        }
        finish(&self.world, &loaded, built, guarded)
    }

    /// Takes the project opened afresh by the caller (new fonts, shared by an issue's pages):
    /// a new world with them, as `rescan_fonts_if_changed` makes.
    pub fn reopen(&mut self, project: Project) {
        self.world = world_for(&project, self.target.as_ref());
        self.fonts_seen = fonts::fingerprint(&project.font_dirs);
        self.project = project;
    }

    /// A font folder changed: if a font file was added, removed or rewritten, index the fonts
    /// afresh and make a new world with them (its memoized layout is of no use with new fonts).
    /// Returns how many faces there are now, or why the project could not be opened again;
    /// `None` when the fonts are as they were.
    pub fn rescan_fonts_if_changed(&mut self) -> Option<Result<usize, Failure>> {
        let now = fonts::fingerprint(&self.project.font_dirs);
        if now == self.fonts_seen {
            return None;
        }
        Some(
            Project::open(&self.page, Some(&self.project.root), &self.extra_font_paths).map(
                |project| {
                    let faces = project.fonts.list().count();
                    self.world = world_for(&project, self.target.as_ref());
                    self.project = project;
                    self.fonts_seen = now;
                    faces
                },
            ),
        )
    }
}

/// The world a session's page is laid out in: its target's, or for a proof on screen, the
/// print PDF's (CMYK; the SVG draws it in RGB).
fn world_for(project: &Project, target: Option<&Target>) -> PageWorld {
    match target {
        Some(target) => project.world_for(target),
        None => project.world_for(&Target::pdf(PathBuf::new())),
    }
}

/// Drops memoized layout that no compile of the last 10 × `sessions` rounds used, for sessions
/// rebuilt side by side that evict here once a round, not each on its own (`in_issue`): a page
/// left alone while the others are edited keeps its memoized layout as long as ten rebuilds
/// of each of them.
pub fn evict_shared(sessions: usize) {
    typst::comemo::evict(CACHE_MAX_AGE * sessions.max(1));
}
