//! `banmian build`: one page → one PDF (or PNG/SVG proofs), written only if the whole build
//! succeeded.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use banmian::output;
use banmian::project::{self, Failure, Project, SAMPLE_PAGE};

use crate::cli::BuildArgs;

pub fn run(args: &BuildArgs) -> ExitCode {
    let page = args
        .page
        .clone()
        .unwrap_or_else(|| PathBuf::from(SAMPLE_PAGE));
    if super::issue::is_issue(&page) {
        return super::issue::run(
            &page,
            Some(&args.output),
            args.combined.as_deref(),
            &args.project,
            banmian::issue::Mode::Build,
        );
    }
    if args.combined.is_some() {
        eprintln!(
            "error: --combined is for an issue: {} is a page",
            page.display()
        );
        return ExitCode::from(super::USAGE);
    }
    let target = match super::target(&page, &args.output, true) {
        Ok(target) => target,
        Err(code) => return code,
    };
    let mut timings = Timings::new(args.timings);
    let project = match Project::open(
        &page,
        args.project.root.as_deref(),
        &args.project.font_paths,
    ) {
        Ok(project) => project,
        Err(failure) => return fail(&failure, None),
    };
    timings.lap("fonts");
    let loaded = match project.load(&page) {
        Ok(loaded) => loaded,
        Err(failure) => return fail(&failure, None),
    };
    let inputs = match project.protect(&loaded, &target) {
        Ok(inputs) => inputs,
        Err(failure) => return fail(&failure, None),
    };
    timings.lap("yaml");
    let mut world = project.world_for(&target);
    let compiled = match project::lay_out(&mut world, &loaded) {
        Ok(compiled) => compiled,
        Err(failure) => return fail(&failure, Some(&world)),
    };
    timings.lap("compile");
    banmian::compile::print_diagnostics(&world, &compiled.warnings);
    if !compiled.report.findings.is_empty() && (!compiled.report.has_errors() || target.draft) {
        eprintln!("{}", compiled.report.findings_text());
    }
    let files = match output::render(&loaded, &compiled, &target) {
        Ok(files) => files,
        Err(failure) => return fail(&failure, Some(&world)),
    };
    timings.lap("export");
    match output::ink(&files, &compiled, &target) {
        Ok(Some(Ok(found))) => eprintln!("{found}"),
        Ok(Some(Err(warning))) => eprintln!("warning: {warning}"),
        Ok(None) => {}
        Err(failure) => return fail(&failure, Some(&world)),
    }
    timings.lap("ink");
    if let Err(failure) = output::write(&files, &target, &inputs) {
        return fail(&failure, None);
    }
    timings.lap("write");
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let written = match files.as_slice() {
        [(path, _)] => path.display().to_string(),
        [(first, _), .., (last, _)] => format!("{} … {}", first.display(), last.display()),
        [] => "nothing".into(),
    };
    eprintln!(
        "built {written} ({}, {} KiB) in {:.2} s",
        banmian::summary::summary(&compiled),
        bytes / 1024,
        timings.start.elapsed().as_secs_f64()
    );
    timings.print();
    ExitCode::SUCCESS
}

fn fail(failure: &Failure, world: Option<&banmian::world::PageWorld>) -> ExitCode {
    super::report(failure, world);
    eprintln!("banmian: nothing written; the previous output, if any, is unchanged");
    super::exit_code(failure)
}

/// Stage times for `--timings`, printed as one `timings:` line so scripts can parse it.
struct Timings {
    enabled: bool,
    start: Instant,
    last: Instant,
    laps: Vec<(&'static str, f64)>,
}

impl Timings {
    fn new(enabled: bool) -> Self {
        let now = Instant::now();
        Self {
            enabled,
            start: now,
            last: now,
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps
            .push((stage, (now - self.last).as_secs_f64() * 1000.0));
        self.last = now;
    }

    fn print(&self) {
        if self.enabled {
            let laps: Vec<String> = self
                .laps
                .iter()
                .map(|(stage, ms)| format!("{stage}={ms:.1}ms"))
                .collect();
            eprintln!("timings: {}", laps.join(" "));
        }
    }
}
