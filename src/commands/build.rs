//! `banmian build`: one page → one PDF (or PNG/SVG proofs), written only if the whole build
//! succeeded.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use banmian::build::{Built, Laps};
use banmian::failure::Failure;
use banmian::output::Target;
use banmian::project::{Project, SAMPLE_PAGE};

use super::{Error, Outcome, SeenIn};
use crate::cli::BuildArgs;

pub fn run(args: &BuildArgs) -> Outcome {
    let page = args
        .page
        .clone()
        .unwrap_or_else(|| PathBuf::from(SAMPLE_PAGE));
    if super::issue::is_issue(&page) {
        return super::issue::run(
            &page,
            &args.output,
            args.combined.as_deref(),
            &args.project,
            banmian::build::pages::Mode::Build,
            args.strict,
        );
    }
    if args.combined.is_some() {
        return Err(Error::usage(format!(
            "--combined is for an issue: {} is a page",
            page.display()
        )));
    }
    let target = Target {
        strict: args.strict,
        ..super::target(&page, &args.output, true)?
    };
    build(args, &page, &target).map_err(|error| {
        error.then("banmian: nothing written; the previous output, if any, is unchanged")
    })
}

/// Builds the page and writes its files, all or nothing.
fn build(args: &BuildArgs, page: &Path, target: &Target) -> Outcome {
    let mut timings = Laps::start();
    let project = Project::open(page, args.project.root.as_deref(), &args.project.font_paths)?;
    timings.lap("fonts");
    let loaded = project.load(page)?;
    let inputs = project.protect(&loaded, target)?;
    timings.lap("yaml");
    let mut world = project.world_for(target);
    let Built { laid, output, laps } =
        banmian::build::page(&mut world, &loaded, Some(target)).seen_in(&world)?;
    timings.add(&laps);
    if !super::quiet() {
        banmian::failure::print_typst(&world, &laid.warnings);
    }
    // A page refused (for errors, or under --strict for warnings) has them in its refusal.
    let refused = matches!(output, Err(Failure::Preflight(_) | Failure::Strict(_)));
    if !laid.report.findings.is_empty() && !refused {
        super::say(laid.report.findings_text());
    }
    let made = output.seen_in(&world)?;
    if let Some(ink) = made.ink_text() {
        super::say(ink);
    }
    banmian::build::export::write(&made.files, target, &inputs)?;
    timings.lap("write");
    let files = &made.files;
    let written = match files.as_slice() {
        [(path, _)] => path.display().to_string(),
        [(first, _), .., (last, _)] => format!("{} … {}", first.display(), last.display()),
        [] => "nothing".into(),
    };
    super::say(format!(
        "built {written} ({}, {} KiB) in {:.2} s",
        banmian::build::summary::summary(&laid),
        made.bytes() / 1024,
        timings.started.elapsed().as_secs_f64()
    ));
    if args.timings {
        eprintln!("{}", timings.line());
    }
    Ok(ExitCode::SUCCESS)
}
