//! `banmian watch`: rebuild a page whenever its YAML, photos, templates or fonts change (an
//! issue's pages: `watch_issue`).
//!
//! The page stays open across rebuilds (`banmian::build::session`), so a one-word edit recompiles in a
//! fraction of the cold time. A failed rebuild prints why and writes nothing, so the last good
//! output stays; the next good save recovers by itself.
//!
//! What it writes is a proof, under a proof's name (`out/p.proof.pdf`, `output::proof_path`):
//! never the press PDF `build` writes (`out/p.pdf`), which the press must not get a proof for.

use banmian::build::session::{Rebuilt, Session};
use banmian::build::watcher::Watcher;
use banmian::content::t;
use banmian::failure::Failure;
use banmian::output::{Format, Target, proof_path, same_file};
use banmian::project::Project;

use super::{Error, Outcome};
use crate::cli::WatchArgs;

pub fn run(args: &WatchArgs) -> Outcome {
    if super::issue::is_issue(&args.page) {
        return super::watch_issue::run(args);
    }
    let target = proof_target(args)?;
    // A typo in the page's name should fail now, not wait for the file to appear.
    if !args.page.is_file() {
        return Err(Failure::NoPage(args.page.clone()).into());
    }
    let project = Project::open(
        &args.page,
        args.project.root.as_deref(),
        &args.project.font_paths,
    )?;
    let mut watcher = Watcher::new(Some(target.output.clone())).map_err(service)?;
    eprintln!(
        "{}",
        t!(
            "watching",
            page = args.page.display(),
            output = target.output.display()
        )
    );
    let mut session = Session::new(
        args.page.clone(),
        project,
        args.project.font_paths.clone(),
        Some(target.clone()),
    );
    let mut first = true;
    loop {
        let rebuilt = rebuild(&mut session, &target);
        // The output is fixed for the session: refused once, refused for good.
        if first && let Err(failure @ Failure::Refused(_)) = rebuilt.result {
            return Err(failure.into());
        }
        first = false;
        // Watch before reporting: once the status line is out, any later save is seen.
        let updated = watcher.update(rebuilt.watched.iter().cloned());
        report(&session, &target, rebuilt);
        updated.and_then(|()| watcher.wait()).map_err(service)?;
        match session.rescan_fonts_if_changed() {
            Some(Ok(faces)) => eprintln!("{}", t!("fonts-changed", faces = faces)),
            Some(Err(failure)) => super::report(&failure, None),
            None => {}
        }
    }
}

/// Where `watch` writes: a proof, never the press PDF `build` writes. Without `-o`, the
/// plate's name made a proof's (`out/p.pdf` → `out/p.proof.pdf`, `output::proof_path`); an
/// `-o` naming the plate's own file is refused (exit 2), as the press must not get a proof.
fn proof_target(args: &WatchArgs) -> Result<Target, Error> {
    let target = super::target(&args.page, &args.output, false)?;
    let Some(asked) = &args.output.output else {
        return Ok(target.proof());
    };
    let plate = banmian::project::default_output(&args.page, Format::Pdf.extension());
    if same_file(asked, &plate) {
        return Err(Error::usage(t!(
            "watch-plate-refused",
            asked = asked.display(),
            proof = proof_path(&plate).display()
        )));
    }
    Ok(target)
}

/// Builds once and writes the output; the result is the build's one-line summary.
fn rebuild(session: &mut Session, target: &Target) -> Rebuilt<String> {
    session.rebuild(
        |project, loaded| project.protect(loaded, target),
        |world, _, built, inputs| {
            banmian::failure::print_typst(world, &built.laid.warnings);
            let made = built.output?;
            if let Some(ink) = made.ink_text() {
                eprintln!("{ink}");
            }
            banmian::build::export::write(&made.files, target, &inputs)?;
            Ok(banmian::build::summary::summary(&built.laid))
        },
    )
}

/// One status line, after the errors if the build failed.
fn report(session: &Session, target: &Target, rebuilt: Rebuilt<String>) {
    let output = target.output.display();
    let seconds = rebuilt.seconds;
    match rebuilt.result {
        Ok(summary) => eprintln!("{}", status(output, 1, seconds, Some(&summary))),
        Err(failure) => {
            super::report(&failure, Some(session.world()));
            eprintln!("{}", status(output, 1, seconds, None));
        }
    }
}

/// The line after a rebuild of `outputs` (`count` files) that took `seconds`: what it wrote
/// and its summary, or, failed, that they stand unchanged.
pub fn status(
    outputs: impl std::fmt::Display,
    count: usize,
    seconds: f64,
    summary: Option<&str>,
) -> String {
    let seconds = format!("{seconds:.2}");
    match summary {
        Some(summary) => t!(
            "rebuilt",
            output = outputs,
            seconds = seconds,
            summary = summary
        ),
        None => t!(
            "rebuild-failed",
            seconds = seconds,
            output = outputs,
            count = count
        ),
    }
}

/// The file watcher failed: nothing more can be rebuilt.
pub fn service(error: impl std::fmt::Display) -> Error {
    Failure::Service(t!("watching-files", error = error)).into()
}
