//! The JSON that `check` and `build` print on stdout for scripts (`--format json` /
//! `--report json`): one versioned shape, of a page or of an issue's pages. Everything for
//! people (findings, errors, progress) goes to stderr, so stdout holds only this.

use std::path::Path;

use banmian::build::Laps;
use banmian::failure::Failure;
use banmian::preflight::Report;
use serde_json::{Value, json};

/// The version of the shape, for scripts: raised when a field changes meaning or goes away
/// (fields may be added without it).
pub const VERSION: u32 = 1;

/// `report` with its shape's version (`"version": 1`).
pub fn versioned(mut report: Value) -> Value {
    if let Some(fields) = report.as_object_mut() {
        fields.insert("version".into(), json!(VERSION));
    }
    report
}

/// Prints `report` on stdout.
pub fn print(report: &Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(report).expect("JSON prints")
    );
}

/// A page's preflight report with the make-up in words and the ink, and anything that
/// stopped the build after preflight as one more error finding.
pub fn page_report(
    report: &Report,
    makeup: &[String],
    ink: Option<&banmian::output::ink::Coverage>,
    stopped: Option<&Failure>,
) -> Value {
    let mut value = serde_json::to_value(report).expect("report serializes");
    if let Some(fields) = value.as_object_mut() {
        fields.insert("makeup".into(), json!(makeup));
        fields.insert(
            "ink".into(),
            ink.map_or(Value::Null, |ink| {
                serde_json::to_value(ink).expect("ink serializes")
            }),
        );
        if let Some(failure) = stopped {
            add_stop(fields, failure);
        }
    }
    value
}

/// A failure after preflight (an export, the ink over the limit) as one more error finding.
fn add_stop(report: &mut serde_json::Map<String, Value>, failure: &Failure) {
    if let Some(Value::Array(findings)) = report.get_mut("findings") {
        findings.push(json!({
            "severity": "error",
            "check": "output",
            "message": failure.to_string(),
        }));
    }
    if let Some(errors) = report.get("errors").and_then(Value::as_u64) {
        report.insert("errors".into(), json!(errors + 1));
    }
}

/// A build that stopped before preflight, in the report's shape.
pub fn failure(page: &Path, failure: &Failure) -> Value {
    let findings: Vec<Value> = match failure {
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

/// How long each step took, in milliseconds, and the whole in seconds.
pub fn timings(laps: &Laps) -> Value {
    let steps: serde_json::Map<String, Value> = laps
        .done
        .iter()
        .map(|(step, ms)| ((*step).to_string(), json!((ms * 10.0).round() / 10.0)))
        .collect();
    json!({ "steps_ms": steps, "seconds": laps.started.elapsed().as_secs_f64() })
}
