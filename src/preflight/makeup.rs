//! What the make-up could not do: a news page whose stories do not all find a rectangle
//! (overset: cut or move), or do not fill the page (underset).

use serde_json::json;

use super::{Finding, Severity, story_location};
use crate::content::LoadedPage;
use crate::makeup::MadeUp;

pub fn check(page: &LoadedPage, plan: Option<&MadeUp>) -> Vec<Finding> {
    let Some(MadeUp::News(plan, measures)) = plan else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for id in &plan.left_out {
        let (line, column) = story_location(page, id);
        // Its text's length in one basic column: what the desk must free or cut.
        let smallest = measures.stories.iter().find(|s| &s.id == id).and_then(|s| {
            s.legs
                .iter()
                .map(|l| l.paragraphs.iter().sum::<u32>())
                .min()
        });
        findings.push(Finding {
            severity: Severity::Error,
            check: "overset",
            story: Some(id.clone()),
            line,
            column,
            message: format!(
                "{id} finds no place on the page: the stories above it fill it. Move it to another page, or cut {} (its text alone takes {} lines of one column)",
                if plan.modules.is_empty() { "the page's stories" } else { "it or the stories ranked above it" },
                smallest.unwrap_or(0)
            ),
            details: json!({ "left-out": id, "lines": smallest }),
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
            message: format!(
                "the stories do not fill the page: {} lines of column stand empty at its foot; add a story or a photo, or lengthen one",
                plan.empty_lines
            ),
            details: json!({ "empty-lines": plan.empty_lines }),
            areas: Vec::new(),
        });
    }
    findings
}
