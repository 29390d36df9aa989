//! `banmian check`: every preflight check, nothing written. Exit 0 when clean, 1 on errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use banmian::content::LoadedPage;
use banmian::project::{self, Failure, Laid, Project, SAMPLE_PAGE};
use serde_json::json;

use super::{Error, Outcome, SeenIn};
use crate::cli::{CheckArgs, ReportFormat};

pub fn run(args: &CheckArgs) -> Outcome {
    let page = args
        .page
        .clone()
        .unwrap_or_else(|| PathBuf::from(SAMPLE_PAGE));
    let json = args.format == ReportFormat::Json;
    if super::issue::is_issue(&page) {
        if json {
            return Err(Error::usage(
                "--format json takes a page; check an issue's pages one by one",
            ));
        }
        return super::issue::run(
            &page,
            None,
            None,
            &args.project,
            banmian::issue::Mode::Check,
        );
    }
    let (loaded, laid) = match lay_out(args, &page) {
        Ok(done) => done,
        // For scripts, a build that stopped is a report too (on stdout), with exit 1.
        Err(error) if json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&failure_json(&page, error.failure())).expect("json")
            );
            return Ok(ExitCode::FAILURE);
        }
        Err(error) => return Err(error),
    };
    let makeup = laid.makeup(&loaded);
    if json {
        let mut report = serde_json::to_value(&laid.report).expect("report serializes");
        if let Some(fields) = report.as_object_mut() {
            fields.insert("makeup".into(), json!(makeup));
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("report serializes")
        );
    } else {
        println!("{}", laid.report);
        if !makeup.is_empty() {
            println!("make-up:\n  {}", makeup.join("\n  "));
        }
    }
    Ok(if laid.report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The page loaded, laid out and preflighted.
fn lay_out(args: &CheckArgs, page: &Path) -> Result<(LoadedPage, Laid), Error> {
    let project = Project::open(page, args.project.root.as_deref(), &args.project.font_paths)?;
    let loaded = project.load(page)?;
    let mut world = project.world();
    let laid = project::lay_out(&mut world, &loaded).seen_in(&world)?;
    Ok((loaded, laid))
}

/// A build that stopped before preflight, in the report's JSON shape.
fn failure_json(page: &Path, failure: &Failure) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = match failure {
        Failure::Content(errors) => errors
            .iter()
            .map(|e| json!({ "severity": "error", "check": "content", "line": e.line, "column": e.column, "message": e.message, "hint": e.hint }))
            .collect(),
        Failure::Typst(diagnostics) => diagnostics
            .iter()
            .map(|d| json!({ "severity": "error", "check": "template", "message": d.message.as_str() }))
            .collect(),
        Failure::Preflight(report) => return serde_json::to_value(report).expect("json"),
        Failure::Other(message) | Failure::Refused(message) => vec![json!({ "severity": "error", "check": "project", "message": message })],
    };
    json!({ "page": page.display().to_string(), "errors": findings.len(), "warnings": 0, "findings": findings, "photos": [] })
}
