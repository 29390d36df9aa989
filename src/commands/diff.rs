//! `banmian diff OLD.yaml NEW.yaml` or `banmian diff --since ROUND NEW.yaml`: the new page's
//! proof with what changed since the old version, or since a kept proof round, red-lined on it
//! (a PDF or PNG for the desk).

use std::path::Path;
use std::process::ExitCode;

use banmian::output;
use banmian::project::{self, Failure, Project};
use banmian::proof::Format;
use banmian::redline::{self, changes, rounds, sources};

use crate::cli::DiffArgs;

/// What the page is compared with.
enum Old<'a> {
    Yaml(&'a Path),
    Round(&'a str),
}

pub fn run(args: &DiffArgs) -> ExitCode {
    let (old, new) = match (args.pages.as_slice(), &args.since) {
        ([old, new], None) => (Old::Yaml(old), new),
        ([new], Some(round)) => (Old::Round(round), new),
        _ => {
            eprintln!("error: give OLD.yaml NEW.yaml, or --since ROUND NEW.yaml");
            return ExitCode::from(super::USAGE);
        }
    };
    let mut target = match super::target(new, &args.output, false) {
        Ok(target) => target,
        Err(code) => return code,
    };
    if args.output.output.is_none() {
        // Not the page's own proof: out/<page>-diff.pdf beside out/<page>.pdf.
        let plain = &target.output;
        let stem = plain.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
        let name = format!("{stem}-diff.{}", target.format.extension());
        target.output = plain.with_file_name(name);
    }
    let fail = |failure: &Failure, world| {
        super::report(failure, world);
        eprintln!("banmian: nothing written");
        super::exit_code(failure)
    };
    let project = match Project::open(new, args.project.root.as_deref(), &args.project.font_paths) {
        Ok(project) => project,
        Err(failure) => return fail(&failure, None),
    };
    let page = match project.load(new) {
        Ok(page) => page,
        Err(failure) => return fail(&failure, None),
    };
    let inputs = match project.protect(&page, &target) {
        Ok(inputs) => inputs,
        Err(failure) => return fail(&failure, None),
    };
    let mut world = project.world_for(&target);
    let before = match old {
        Old::Round(name) => match rounds::load(&rounds::folder(new), name) {
            Ok(sources) => sources,
            Err(message) => return fail(&Failure::Other(message), None),
        },
        Old::Yaml(old) => {
            let old = match project.load(old) {
                Ok(old) => old,
                Err(failure) => return fail(&failure, None),
            };
            // Written over neither version nor anything it uses.
            if let Err(failure) = project.protect(&old, &target) {
                return fail(&failure, None);
            }
            match project::lay_out(&mut world, &old) {
                Ok(laid) => sources::map(&old, &laid.document, &laid.report),
                Err(failure) => return fail(&failure, Some(&world)),
            }
        }
    };
    let new = page;
    let laid = match project::lay_out(&mut world, &new) {
        Ok(laid) => laid,
        Err(failure) => return fail(&failure, Some(&world)),
    };
    let after = sources::map(&new, &laid.document, &laid.report);
    let changes = changes::changes(&before, &after);
    let marked = redline::mark(&laid.document, &changes);
    let files = match target.format {
        Format::Pdf => {
            output::to_pdf(&new, &marked, &target).map(|pdf| vec![(target.output.clone(), pdf)])
        }
        format => banmian::proof::images(&marked, format, &target.output, target.ppi)
            .map_err(Failure::Other),
    };
    let written = files.and_then(|files| {
        output::write(&files, &target, &inputs)?;
        Ok(files)
    });
    match written {
        Ok(files) => {
            let count = |kind| changes.iter().filter(|c| c.kind == kind).count();
            let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
            eprintln!(
                "wrote {}: {} changed line{} boxed in red, {} moved block{} outlined in blue",
                names.join(", "),
                count("changed"),
                if count("changed") == 1 { "" } else { "s" },
                count("moved"),
                if count("moved") == 1 { "" } else { "s" },
            );
            ExitCode::SUCCESS
        }
        Err(failure) => fail(&failure, None),
    }
}
