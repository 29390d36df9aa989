//! `banmian check`: every preflight check, nothing written. Exit 0 when clean, 1 on errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use banmian::build::Built;
use banmian::content::LoadedPage;
use banmian::failure::Failure;
use banmian::output::Target;
use banmian::project::{Project, SAMPLE_PAGE};
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
            &args.output(),
            None,
            &args.project,
            banmian::build::pages::Mode::Check,
            false,
        );
    }
    let target = super::target(&page, &args.output(), true)?;
    let (loaded, built) = match build(args, &page, &target) {
        Ok(done) => done,
        // For scripts, a build that stopped is a report too (on stdout), with exit 1.
        Err(error) if json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&versioned(failure_json(&page, error.failure())))
                    .expect("json")
            );
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
    if json {
        let mut report = serde_json::to_value(&laid.report).expect("report serializes");
        if let Some(fields) = report.as_object_mut() {
            fields.insert("makeup".into(), json!(makeup));
            fields.insert(
                "ink".into(),
                match &ink {
                    Some(found) => serde_json::to_value(found).expect("ink serializes"),
                    None => serde_json::Value::Null,
                },
            );
            if let Some(failure) = &stopped {
                add_stop(fields, failure);
            }
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&versioned(report)).expect("report serializes")
        );
    } else {
        println!("{}", laid.report);
        if !makeup.is_empty() {
            println!("make-up:\n  {}", makeup.join("\n  "));
        }
        if let Some(found) = &ink {
            println!("{found}");
        }
        if let Some(failure) = &stopped {
            super::report(failure, None);
        }
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
    let loaded = project.load(page)?;
    // What build refuses (its file over an input), check refuses.
    project.protect(&loaded, target)?;
    let mut world = project.world_for(target);
    let built = banmian::build::page(&mut world, &loaded, Some(target)).seen_in(&world)?;
    // typst's warnings, on stderr as build prints them.
    banmian::failure::print_typst(&world, &built.laid.warnings);
    Ok((loaded, built))
}

/// A failure after preflight (an export, the ink over the limit) as one more error finding.
fn add_stop(report: &mut serde_json::Map<String, serde_json::Value>, failure: &Failure) {
    if let Some(serde_json::Value::Array(findings)) = report.get_mut("findings") {
        findings.push(json!({
            "severity": "error",
            "check": "output",
            "message": failure.to_string(),
        }));
    }
    if let Some(errors) = report.get("errors").and_then(serde_json::Value::as_u64) {
        report.insert("errors".into(), json!(errors + 1));
    }
}

/// The version of `check --format json`'s shape, for scripts: raised when a field changes
/// meaning or goes away (fields may be added without it).
pub const JSON_VERSION: u32 = 1;

/// `report` with its shape's version (`"version": 1`).
fn versioned(mut report: serde_json::Value) -> serde_json::Value {
    if let Some(fields) = report.as_object_mut() {
        fields.insert("version".into(), json!(JSON_VERSION));
    }
    report
}

/// A build that stopped before preflight, in the report's JSON shape.
fn failure_json(page: &Path, failure: &Failure) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = match failure {
        Failure::Content(errors) => errors
            .iter()
            .map(|e| json!({
                "severity": "error",
                "check": "content",
                "line": e.line,
                "column": e.column,
                "message": e.message,
                "hint": e.hint,
                // The source line, and the edit that fixes it (an editor's quick fix).
                "excerpt": e.excerpt,
                "fix": e.fix.as_ref().map(|f| json!({
                    "line": e.line,
                    "column": f.column,
                    "replace": f.wrong,
                    "with": f.right,
                })),
            }))
            .collect(),
        Failure::Typst(diagnostics) => diagnostics
            .iter()
            .map(|d| json!({ "severity": "error", "check": "template", "message": d.message.as_str() }))
            .collect(),
        Failure::Preflight(report) => return serde_json::to_value(report).expect("json"),
        other => {
            let check = match other {
                Failure::Template(_) => "template",
                Failure::Photo(_) => "photo",
                Failure::Ink(_) | Failure::Export(_) | Failure::Write { .. } => "output",
                _ => "project",
            };
            vec![json!({ "severity": "error", "check": check, "message": other.to_string() })]
        }
    };
    json!({ "page": page.display().to_string(), "errors": findings.len(), "warnings": 0, "findings": findings, "photos": [] })
}
