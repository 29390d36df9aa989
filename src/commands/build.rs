//! `banmian build`: one page → one PDF (or PNG/SVG proofs), written only if the whole build
//! succeeded.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use banmian::output;
use banmian::pipeline::{self, Built};
use banmian::project::{Project, SAMPLE_PAGE, Target};

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
            banmian::issue::Mode::Build,
        );
    }
    if args.combined.is_some() {
        return Err(Error::usage(format!(
            "--combined is for an issue: {} is a page",
            page.display()
        )));
    }
    let target = super::target(&page, &args.output, true)?;
    build(args, &page, &target).map_err(|error| {
        error.then("banmian: nothing written; the previous output, if any, is unchanged")
    })
}

/// Builds the page and writes its files, all or nothing.
fn build(args: &BuildArgs, page: &Path, target: &Target) -> Outcome {
    let mut timings = Timings::new(args.timings);
    let project = Project::open(page, args.project.root.as_deref(), &args.project.font_paths)?;
    timings.lap("fonts");
    let loaded = project.load(page)?;
    let inputs = project.protect(&loaded, target)?;
    timings.lap("yaml");
    let mut world = project.world_for(target);
    let Built { laid, output, laps } =
        pipeline::page(&mut world, &loaded, Some(target)).seen_in(&world)?;
    timings.add(&laps);
    banmian::failure::print_typst(&world, &laid.warnings);
    if !laid.report.findings.is_empty() && (!laid.report.has_errors() || target.draft) {
        eprintln!("{}", laid.report.findings_text());
    }
    let made = output.seen_in(&world)?;
    if let Some(ink) = made.ink_text() {
        eprintln!("{ink}");
    }
    output::write(&made.files, target, &inputs)?;
    timings.lap("write");
    let files = &made.files;
    let written = match files.as_slice() {
        [(path, _)] => path.display().to_string(),
        [(first, _), .., (last, _)] => format!("{} … {}", first.display(), last.display()),
        [] => "nothing".into(),
    };
    eprintln!(
        "built {written} ({}, {} KiB) in {:.2} s",
        banmian::summary::summary(&laid),
        made.bytes() / 1024,
        timings.start.elapsed().as_secs_f64()
    );
    timings.print();
    Ok(ExitCode::SUCCESS)
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

    /// Steps timed elsewhere (the pipeline's), ending now.
    fn add(&mut self, laps: &[(&'static str, f64)]) {
        self.laps.extend_from_slice(laps);
        self.last = Instant::now();
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
