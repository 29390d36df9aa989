//! `banmian build`: one page → one PDF (or PNG/SVG proofs), written only if the whole build
//! succeeded; with `--report json`, what it did as JSON on stdout.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use banmian::build::{Built, Laps};
use banmian::failure::Failure;
use banmian::output::Target;
use banmian::project::{Project, SAMPLE_PAGE};
use serde_json::{Value, json};

use super::{Error, Outcome, SeenIn};
use crate::cli::{BuildArgs, ReportFormat};
use banmian::content::t;

pub fn run(args: &BuildArgs) -> Outcome {
    let page = banmian::project::page_arg(
        args.page
            .clone()
            .unwrap_or_else(|| PathBuf::from(SAMPLE_PAGE)),
    );
    let json = args.report == Some(ReportFormat::Json);
    if super::issue::is_issue(&page) {
        return super::issue::run(
            &page,
            &args.output,
            args.combined.as_deref(),
            &args.project,
            banmian::build::pages::Mode::Build,
            args.strict,
            json,
        );
    }
    if args.combined.is_some() {
        return Err(Error::usage(t!(
            "combined-for-an-issue",
            page = page.display()
        )));
    }
    if page == Path::new(banmian::project::STDIN_PAGE) && args.output.output.is_none() {
        return Err(Error::usage(t!("stdin-needs-output")));
    }
    let target = Target {
        strict: args.strict,
        ..super::target(&page, &args.output, true)?
    };
    match build(args, &page, &target) {
        Ok(report) => {
            if json {
                super::json::print(&super::json::versioned(report));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            let error = error.then(t!("nothing-written"));
            if !json {
                return Err(error);
            }
            // For scripts, a build that failed is a report too (on stdout), with its status.
            let mut report = super::json::failure(&page, error.failure());
            report["built"] = json!(false);
            report["outputs"] = json!([]);
            let code = super::exit_code(error.failure());
            super::exit(error);
            super::json::print(&super::json::versioned(report));
            Ok(code)
        }
    }
}

/// Builds the page and writes its files, all or nothing; what it did, as JSON.
fn build(args: &BuildArgs, page: &Path, target: &Target) -> Result<Value, Error> {
    let mut timings = Laps::start();
    let project = Project::open(page, args.project.root.as_deref(), &args.project.font_paths)?;
    timings.lap("fonts");
    super::step(t!("step-project", root = project.root.display()));
    let loaded = project.load(page)?;
    let inputs = project.protect(&loaded, target)?;
    timings.lap("yaml");
    super::step(read(&loaded));
    let mut world = project.world_for(target);
    let Built { laid, output, laps } =
        banmian::build::page(&mut world, &loaded, Some(target)).seen_in(&world)?;
    timings.add(&laps);
    super::step(t!(
        "step-laid-out",
        summary = banmian::build::summary::summary(&laid)
    ));
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
    for (path, bytes) in &made.files {
        super::step(t!("step-wrote", file = path.display(), bytes = bytes.len()));
    }
    let files = &made.files;
    let summary = banmian::build::summary::summary(&laid);
    let kib = made.bytes() / 1024;
    let seconds = format!("{:.2}", timings.started.elapsed().as_secs_f64());
    super::say(match (laid.report.spread, files.as_slice()) {
        (Some(_), [(sheet, _), (left, _), (right, _), ..]) => t!(
            "built-spread",
            sheet = sheet.display(),
            left = left.display(),
            right = right.display(),
            summary = summary,
            kib = kib,
            seconds = seconds
        ),
        _ => t!(
            "built",
            files = match files.as_slice() {
                [(path, _)] => path.display().to_string(),
                [(first, _), .., (last, _)] => format!("{} … {}", first.display(), last.display()),
                [] => "nothing".into(),
            },
            summary = summary,
            kib = kib,
            seconds = seconds
        ),
    });
    if args.timings || super::verbose() {
        eprintln!("{}", timings.line());
    }
    let mut report =
        super::json::page_report(&laid.report, &laid.makeup(&loaded), made.ink.as_ref(), None);
    report["built"] = json!(true);
    report["outputs"] = files
        .iter()
        .map(|(path, bytes)| json!({ "path": path.display().to_string(), "bytes": bytes.len() }))
        .collect();
    report["timings"] = super::json::timings(&timings);
    Ok(report)
}

/// What `--verbose` says of the page read: its file, template and photos.
pub fn read(loaded: &banmian::content::LoadedPage) -> String {
    t!(
        "step-read",
        file = loaded.file.display(),
        template = loaded.page.template,
        photos = loaded.images.len()
    )
}
