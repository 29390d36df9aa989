//! `banmian diff OLD.yaml NEW.yaml` or `banmian diff --since ROUND NEW.yaml`: the new page's
//! proof with what changed since the old version, or since a kept proof round, red-lined on it
//! (a PDF or PNG for the desk).

use banmian::content::t;
use std::path::Path;
use std::process::ExitCode;

use banmian::desk::redline::{self, changes, rounds, sources};
use banmian::failure::Failure;
use banmian::output::Target;
use banmian::project::Project;

use super::{Error, Outcome, SeenIn};
use crate::cli::DiffArgs;

/// What the page is compared with.
enum Old<'a> {
    Yaml(&'a Path),
    Round(&'a str),
}

pub fn run(args: &DiffArgs) -> Outcome {
    let (old, new) = match (args.pages.as_slice(), &args.since) {
        ([old, new], None) => (Old::Yaml(old), new),
        ([new], Some(round)) => (Old::Round(round), new),
        _ => {
            return Err(Error::usage(t!("diff-pages")));
        }
    };
    let mut target = super::target(new, &args.output, false)?;
    if args.output.output.is_none() {
        // Not the page's own proof: out/<page>-diff.pdf beside out/<page>.pdf.
        let plain = &target.output;
        let stem = plain.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
        let name = format!("{stem}-diff.{}", target.format.extension());
        target.output = plain.with_file_name(name);
    }
    diff(args, old, new, &target).map_err(|error| error.then(t!("nothing-written-diff")))
}

/// Lays out both versions (or reads the round) and writes the red-lined proof.
fn diff(args: &DiffArgs, old: Old, new: &Path, target: &Target) -> Outcome {
    let project = Project::open(new, args.project.root.as_deref(), &args.project.font_paths)?;
    let page = project.load(new)?;
    let inputs = project.protect(&page, target)?;
    let mut world = project.world_for(target);
    let before = match old {
        Old::Round(name) => {
            rounds::load(&rounds::folder(&project.root, new), name).map_err(Failure::Round)?
        }
        Old::Yaml(old) => {
            let old = project.load(old)?;
            // Written over neither version nor anything it uses.
            project.protect(&old, target)?;
            let laid = banmian::build::lay_out(&mut world, &old).seen_in(&world)?;
            sources::map(&old, &laid.document, &laid.report)
        }
    };
    let new = page;
    let mut changes = Vec::new();
    let (_, made) = banmian::build::redlined(&mut world, &new, target, |laid| {
        let after = sources::map(&new, &laid.document, &laid.report);
        changes = changes::changes(&before, &after);
        redline::mark(&laid.document, &changes)
    })
    .seen_in(&world)?;
    let files = made.files;
    banmian::build::export::write(&files, target, &inputs)?;
    let count = |kind| changes.iter().filter(|c| c.kind == kind).count();
    let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
    eprintln!(
        "{}",
        t!(
            "diff-wrote",
            files = names.join(", "),
            changed = count("changed"),
            moved = count("moved")
        )
    );
    Ok(ExitCode::SUCCESS)
}
