//! `banmian check`: every preflight check, nothing written. Exit 0 when clean, 1 on errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use banmian::build::Built;
use banmian::content::LoadedPage;
use banmian::failure::Failure;
use banmian::output::Target;
use banmian::project::{Project, SAMPLE_PAGE};

use super::{Error, Outcome, SeenIn};
use crate::cli::{CheckArgs, ReportFormat};
use banmian::content::t;

pub fn run(args: &CheckArgs) -> Outcome {
    let page = banmian::project::page_arg(
        args.page
            .clone()
            .unwrap_or_else(|| PathBuf::from(SAMPLE_PAGE)),
    );
    let json = args.format == ReportFormat::Json || args.json;
    if super::issue::is_issue(&page) {
        return super::issue::run(
            &page,
            &args.output(),
            None,
            &args.project,
            banmian::build::pages::Mode::Check,
            false,
            json,
        );
    }
    let target = super::target(&page, &args.output(), true)?;
    let (loaded, built) = match build(args, &page, &target) {
        Ok(done) => done,
        // For scripts, a build that stopped is a report too (on stdout), with exit 1.
        Err(error) if json => {
            super::report(error.failure(), None);
            super::json::print(&super::json::versioned(super::json::failure(
                &page,
                error.failure(),
            )));
            return Ok(ExitCode::FAILURE);
        }
        Err(error) => return Err(error),
    };
    let Built { laid, output, .. } = built;
    let makeup = laid.makeup(&loaded);
    // What stopped the build short of its file, beyond the report's own errors.
    let (ink, stopped) = match output {
        Ok(made) => (made.ink, None),
        Err(Failure::Preflight(_)) => (None, None),
        Err(failure) => (None, Some(failure)),
    };
    // Findings, make-up, ink: for people, on stderr (as build says them); the JSON report is
    // the data, on stdout.
    if !super::quiet() || laid.report.has_errors() {
        eprintln!("{}", laid.report);
    }
    if !makeup.is_empty() {
        super::say(format!("{}\n  {}", t!("make-up"), makeup.join("\n  ")));
    }
    if let Some(found) = &ink {
        super::say(found);
    }
    if let Some(failure) = &stopped {
        super::report(failure, None);
    }
    if json {
        let report =
            super::json::page_report(&laid.report, &makeup, ink.as_ref(), stopped.as_ref());
        super::json::print(&super::json::versioned(report));
    }
    Ok(if laid.report.has_errors() || stopped.is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The page through the pipeline to the target `build` would write, nothing written.
fn build(args: &CheckArgs, page: &Path, target: &Target) -> Result<(LoadedPage, Built), Error> {
    let project = Project::open(page, args.project.root.as_deref(), &args.project.font_paths)?;
    super::step(t!("step-project", root = project.root.display()));
    let loaded = project.load(page)?;
    super::step(super::build::read(&loaded));
    // What build refuses (its file over an input), check refuses.
    project.protect(&loaded, target)?;
    let mut world = project.world_for(target);
    let built = banmian::build::page(&mut world, &loaded, Some(target)).seen_in(&world)?;
    // typst's warnings, on stderr as build prints them.
    banmian::failure::print_typst(&world, &built.laid.warnings);
    super::step(t!(
        "step-laid-out",
        summary = banmian::build::summary::summary(&built.laid)
    ));
    if super::verbose() {
        let mut laps = banmian::build::Laps::start();
        laps.add(&built.laps);
        eprintln!("{}", laps.line());
    }
    Ok((loaded, built))
}
