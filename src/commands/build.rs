//! `banmian build`: one page → one PDF, written only if the whole build succeeded.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use banmian::export::write_atomic;
use banmian::project::{self, Failure, Project, SAMPLE_PAGE};

use crate::cli::BuildArgs;

pub fn run(args: &BuildArgs) -> ExitCode {
    let page = args
        .page
        .clone()
        .unwrap_or_else(|| PathBuf::from(SAMPLE_PAGE));
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| project::default_output(&page, "pdf"));
    let start = Instant::now();
    let project = match Project::open(
        &page,
        args.project.root.as_deref(),
        &args.project.font_paths,
    ) {
        Ok(project) => project,
        Err(failure) => return fail(&failure, None),
    };
    let loaded = match project.load(&page) {
        Ok(loaded) => loaded,
        Err(failure) => return fail(&failure, None),
    };
    let mut world = project.world();
    let compiled = match project::lay_out(&mut world, &loaded) {
        Ok(compiled) => compiled,
        Err(failure) => return fail(&failure, Some(&world)),
    };
    banmian::compile::print_diagnostics(&world, &compiled.warnings);
    let pdf = match project::to_pdf(&loaded, &compiled.document) {
        Ok(pdf) => pdf,
        Err(failure) => return fail(&failure, Some(&world)),
    };
    if let Err(err) = write_atomic(&output, &pdf) {
        return fail(
            &Failure::Other(format!("cannot write {}: {err}", output.display())),
            None,
        );
    }
    let pages = compiled.document.pages().len();
    eprintln!(
        "built {} ({} page{}, {} KiB) in {:.2} s",
        output.display(),
        pages,
        if pages == 1 { "" } else { "s" },
        pdf.len() / 1024,
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

fn fail(failure: &Failure, world: Option<&banmian::world::PageWorld>) -> ExitCode {
    super::report(failure, world);
    eprintln!("banmian: nothing written; the previous output, if any, is unchanged");
    ExitCode::FAILURE
}
