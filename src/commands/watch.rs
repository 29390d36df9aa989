//! `banmian watch`: rebuild a page whenever its YAML, photos, templates or fonts change.
//!
//! One `PageWorld` lives across rebuilds so typst's memoized layout is reused and a one-word
//! edit recompiles in a fraction of the cold time. A failed rebuild prints why and writes
//! nothing, so the last good output stays; the next good save recovers by itself.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use banmian::fonts;
use banmian::project::{self, Failure, Project, Target};
use banmian::world::PageWorld;
use typst_kit::watcher::Watcher;

use crate::cli::WatchArgs;

/// How many compilations typst's memo cache may go unused before an entry is evicted (the
/// typst CLI's choice): bounds memory in a long session.
const CACHE_MAX_AGE: usize = 10;

pub fn run(args: &WatchArgs) -> ExitCode {
    if super::issue::is_issue(&args.page) {
        eprintln!(
            "error: {} is an issue: watch takes one page (watch the page you are editing; `banmian build` builds the issue)",
            args.page.display()
        );
        return ExitCode::from(super::USAGE);
    }
    let target = match super::target(&args.page, &args.output, false) {
        Ok(target) => target,
        Err(code) => return code,
    };
    // A typo in the page's name should fail now, not wait for the file to appear.
    if !args.page.is_file() {
        eprintln!("error: {}: no such page file", args.page.display());
        return ExitCode::FAILURE;
    }
    let project = match Project::open(
        &args.page,
        args.project.root.as_deref(),
        &args.project.font_paths,
    ) {
        Ok(project) => project,
        Err(failure) => {
            super::report(&failure, None);
            return ExitCode::FAILURE;
        }
    };
    let mut watcher = match Watcher::new(Some(target.output.clone())) {
        Ok(watcher) => watcher,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "watching {} → {} (Ctrl-C to stop)",
        args.page.display(),
        target.output.display()
    );
    let mut session = Session::new(
        args.page.clone(),
        target,
        project,
        args.project.font_paths.clone(),
    );
    let mut first = true;
    loop {
        let (watched, outcome) = session.rebuild();
        // The output is fixed for the session: refused once, refused for good.
        if first && let (Err(failure @ Failure::Refused(_)), _) = &outcome {
            super::report(failure, None);
            return super::exit_code(failure);
        }
        first = false;
        // Watch before reporting: once the status line is out, any later save is seen.
        let updated = watcher.update(watched);
        session.report(outcome);
        if let Err(err) = updated.and_then(|()| watcher.wait()) {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
        session.rescan_fonts_if_changed();
    }
}

/// A rebuild's summary line or why it failed, and the seconds it took.
type Outcome = (Result<String, Failure>, f64);

/// Everything that outlives one rebuild.
struct Session {
    /// The YAML as given (errors name it so), and absolute: notify reports absolute paths,
    /// and the watcher must recognise them to re-watch a file an editor replaced.
    page: PathBuf,
    page_absolute: PathBuf,
    target: Target,
    extra_font_paths: Vec<PathBuf>,
    project: Project,
    world: PageWorld,
    fonts_seen: Vec<(PathBuf, u64, Option<std::time::SystemTime>)>,
    /// What the last successful load and compile read; still watched while a later edit fails
    /// before typst runs (a YAML error), so fixing a template also triggers a rebuild.
    last_inputs: Vec<PathBuf>,
}

impl Session {
    fn new(
        page: PathBuf,
        target: Target,
        project: Project,
        extra_font_paths: Vec<PathBuf>,
    ) -> Self {
        Self {
            fonts_seen: fonts::fingerprint(&project.font_dirs),
            world: project.world_for(&target),
            page_absolute: std::path::absolute(&page).unwrap_or_else(|_| page.clone()),
            page,
            target,
            extra_font_paths,
            project,
            last_inputs: Vec::new(),
        }
    }

    /// Builds once; returns the paths to watch and how it went, with the time it took.
    fn rebuild(&mut self) -> (Vec<PathBuf>, Outcome) {
        let start = Instant::now();
        let mut watched = vec![self.page_absolute.clone()];
        watched.extend(fonts::folders(&self.project.font_dirs));
        let outcome = (self.build(&mut watched), start.elapsed().as_secs_f64());
        // Drop memoized results no recent compile used, as the typst CLI does.
        typst::comemo::evict(CACHE_MAX_AGE);
        // Absolute, like the paths in notify's events (see `page_absolute`).
        let mut watched: Vec<PathBuf> = watched
            .into_iter()
            .map(|path| std::path::absolute(&path).unwrap_or(path))
            .collect();
        watched.sort();
        watched.dedup();
        (watched, outcome)
    }

    /// One status line, after the errors if the build failed.
    fn report(&self, (result, seconds): Outcome) {
        let output = self.target.output.display();
        match result {
            Ok(summary) => eprintln!("rebuilt {output} in {seconds:.2} s: {summary}"),
            Err(failure) => {
                super::report(&failure, Some(&self.world));
                eprintln!("failed after {seconds:.2} s; {output} is unchanged");
            }
        }
    }

    fn build(&mut self, watched: &mut Vec<PathBuf>) -> Result<String, Failure> {
        let loaded = match self.project.load(&self.page) {
            Ok(loaded) => loaded,
            Err(failure) => {
                // The page's images are unknown until the YAML is valid again: watch its folder
                // (and subfolders) so a missing photo being added is seen.
                watched.extend(self.last_inputs.iter().cloned());
                if let Some(folder) = self.page_absolute.parent() {
                    watched.extend(folders(folder));
                }
                return Err(failure);
            }
        };
        watched.extend(loaded.images.iter().cloned());
        let inputs = self.project.protect(&loaded, &self.target)?;
        let compiled = project::lay_out(&mut self.world, &loaded);
        watched.extend(self.world.dependencies());
        self.last_inputs = watched.clone();
        let compiled = compiled?;
        banmian::compile::print_diagnostics(&self.world, &compiled.warnings);
        let files = project::render(&loaded, &compiled, &self.target)?;
        project::write(&files, &self.target, &inputs)?;
        Ok(banmian::summary::summary(&compiled))
    }

    /// A font folder changed: if a font file was added, removed or rewritten, index the fonts
    /// afresh. The world is rebuilt with them (its memoized layout is of no use with new fonts).
    fn rescan_fonts_if_changed(&mut self) {
        let now = fonts::fingerprint(&self.project.font_dirs);
        if now == self.fonts_seen {
            return;
        }
        match Project::open(&self.page, Some(&self.project.root), &self.extra_font_paths) {
            Ok(project) => {
                eprintln!(
                    "fonts changed: re-scanned {} faces",
                    project.fonts.list().count()
                );
                self.world = project.world_for(&self.target);
                self.project = project;
                self.fonts_seen = now;
            }
            Err(failure) => super::report(&failure, None),
        }
    }
}

/// `dir` and its non-hidden subfolders.
fn folders(dir: &Path) -> Vec<PathBuf> {
    fonts::folders(&[dir.to_path_buf()])
}
