//! What the make-up could not do: a news page whose stories do not all find a rectangle
//! (overset: cut or move), or do not fill the page (underset).

use serde_json::json;

use super::{Finding, Severity, story_location};
use crate::content::{LoadedPage, t};
use crate::makeup::MadeUp;

pub fn check(page: &LoadedPage, plan: Option<&MadeUp>) -> Vec<Finding> {
    let Some(MadeUp::News(plan, _)) = plan else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for left in &plan.left_out {
        let id = &left.id;
        let (line, column) = story_location(page, id);
        findings.push(Finding {
            severity: Severity::Error,
            check: "overset",
            story: Some(id.clone()),
            line,
            column,
            message: t!(
                "left-out",
                id = id,
                columns = left.width,
                lines = left.lines
            ),
            details: json!({ "left-out": id, "columns": left.width, "lines": left.lines }),
            areas: Vec::new(),
        });
    }
    if plan.empty_lines > 0 && plan.left_out.is_empty() {
        findings.push(Finding {
            severity: Severity::Warning,
            check: "underset",
            story: None,
            line: 1,
            column: 1,
            message: t!("page-not-filled", lines = plan.empty_lines),
            details: json!({ "empty-lines": plan.empty_lines }),
            areas: Vec::new(),
        });
    }
    findings
}
