//! What the make-up could not do: a news page whose stories do not all find a rectangle
//! (overset: cut or move), or do not fill the page (underset), or whose heads stand side by
//! side (撞题) where no tiling kept them apart; a feature page's section head left low at a
//! column's foot, its text going on in the next, where no make-up kept it higher.

use serde_json::json;

use super::{Finding, Severity, story_location};
use crate::content::{LoadedPage, t};
use crate::makeup::news::{self, NewsMeasures, NewsPlan};
use crate::makeup::{MadeUp, Plan, UNDER_A_HEAD};

pub fn check(page: &LoadedPage, plan: Option<&MadeUp>) -> Vec<Finding> {
    match plan {
        Some(MadeUp::News(plan, measures)) => news_page(page, plan, measures),
        Some(MadeUp::Feature(plan)) => low_heads(page, plan)
            .into_iter()
            .chain(photos_above_heads(page, plan))
            .collect(),
        None => Vec::new(),
    }
}

/// A warning for each section head the make-up left low in its column (`Plan::low_heads`).
fn low_heads(page: &LoadedPage, plan: &Plan) -> Vec<Finding> {
    let column = |frame: usize| plan.frames.get(frame).map_or(0, |f| f.stack + 1);
    plan.low_heads()
        .into_iter()
        .filter_map(|(i, lines, on)| {
            let head = &plan.flow[i];
            let id = &page.view.sections.get(head.section)?.id;
            Some(warning(
                "low-head",
                id,
                story_location(page, id),
                t!(
                    "low-head",
                    story = id.as_str(),
                    column = column(head.frame),
                    next = column(on),
                    lines = t!("lines", n = lines),
                    keep = UNDER_A_HEAD
                ),
                json!({ "column": column(head.frame), "lines": lines }),
            ))
        })
        .collect()
}

/// A warning for each photo the make-up set atop a column above its section's head in the
/// column before (`Plan::photos_above_heads`): it reads with the section beside it.
fn photos_above_heads(page: &LoadedPage, plan: &Plan) -> Vec<Finding> {
    let column = |frame: usize| plan.frames.get(frame).map_or(0, |f| f.stack + 1);
    plan.photos_above_heads()
        .into_iter()
        .filter_map(|(photo, head)| {
            let (photo, head) = (&plan.flow[photo], &plan.flow[head]);
            let section = page.view.sections.get(photo.section)?;
            let id = &section.id;
            let at = page
                .positions
                .value(&section.photo_path(photo.section, photo.index));
            Some(warning(
                "photo-above-head",
                id,
                at,
                t!(
                    "photo-above-head",
                    story = id.as_str(),
                    column = column(photo.frame),
                    head = column(head.frame)
                ),
                json!({ "column": column(photo.frame), "head_column": column(head.frame) }),
            ))
        })
        .collect()
}

/// A warning of the feature make-up's about section `story`, at (line, column) of its YAML.
fn warning(
    check: &'static str,
    story: &str,
    (line, column): (usize, usize),
    message: String,
    details: serde_json::Value,
) -> Finding {
    Finding {
        severity: Severity::Warning,
        check,
        story: Some(story.to_string()),
        line,
        column,
        message,
        details,
        areas: Vec::new(),
    }
}

fn news_page(page: &LoadedPage, plan: &NewsPlan, measures: &NewsMeasures) -> Vec<Finding> {
    let mut findings = Vec::new();
    for pin in &plan.unkept_pins {
        let Some(i) = page.view.stories.iter().position(|s| s.id == pin.id) else {
            continue;
        };
        let (line, column) = page.positions.value(&format!("stories[{i}].pin"));
        let room = measures.columns - pin.column.unwrap_or(0).min(measures.columns);
        let widths: Vec<String> = pin.widths.iter().map(u32::to_string).collect();
        findings.push(Finding {
            severity: Severity::Error,
            check: "pin",
            story: Some(pin.id.clone()),
            line,
            column,
            message: t!(
                "pin-unkept",
                id = pin.id.as_str(),
                width = pin.width.unwrap_or(0),
                widths = widths.join(", "),
                column = pin.column.map_or(0, |c| c + 1),
                room = room
            ),
            details: json!({ "width": pin.width, "widths": pin.widths, "column": pin.column.map(|c| c + 1) }),
            areas: Vec::new(),
        });
    }
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
                empty = plan.empty_lines,
                columns = left.width,
                lines = left.lines,
                chars = left.width * left.lines * chars_per_line(measures)
            ),
            details: json!({ "left-out": id, "columns": left.width, "lines": left.lines }),
            areas: Vec::new(),
        });
    }
    for (left, right) in news::heads_side_by_side(plan) {
        let (a, b) = (&plan.modules[left], &plan.modules[right]);
        let (line, column) = story_location(page, &b.id);
        findings.push(Finding {
            severity: Severity::Warning,
            check: "heads-side-by-side",
            story: Some(b.id.clone()),
            line,
            column,
            message: t!(
                "news-heads-side-by-side",
                left = a.id.as_str(),
                right = b.id.as_str(),
                from = a.line.min(b.line) + 1
            ),
            details: json!({ "heads": [a.id, b.id] }),
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
            message: underset_message(plan, measures) + &away(&page.continuations_away),
            details: json!({ "empty-lines": plan.empty_lines }),
            areas: Vec::new(),
        });
    }
    findings
}

/// Body characters a line of a basic column holds: its width over the body's size (the pitch
/// less the leading).
fn chars_per_line(m: &NewsMeasures) -> u32 {
    (m.column_width / (m.pitch - m.gap)).round().max(1.0) as u32
}

/// What a news page that is not filled lacks: its empty lines, the run of columns that ends
/// short with the most of them (where a photo or a story would go) and how deep, and the text
/// or the photo that would fill it; then every other run deep enough for a photo.
/// What the underset of a page built on its own, without the continuations it takes, owes
/// to them (a reviewer read 522 empty lines as the desk's to fill).
fn away(stories: &[String]) -> String {
    if stories.is_empty() {
        return String::new();
    }
    let stories: Vec<String> = stories.iter().map(|s| format!("`{s}`")).collect();
    t!("page-not-filled-away", stories = stories.join(", "))
}

fn underset_message(plan: &NewsPlan, m: &NewsMeasures) -> String {
    let mut bottoms = vec![0u32; m.columns as usize];
    for module in &plan.modules {
        for c in module.column..(module.column + module.width).min(m.columns) {
            bottoms[c as usize] = bottoms[c as usize].max(module.line + module.lines);
        }
    }
    let runs = short_runs(&bottoms, m.lines);
    let Some(run) = runs.first() else {
        return t!("page-not-filled", lines = plan.empty_lines);
    };
    let per_line = chars_per_line(m);
    // Too shallow for a photo over a caption: more text, or the stories above set looser.
    let photo_deep = |r: &Run| r.depth >= m.min_photo_lines + 2;
    let (first, last, chars) = (
        run.first + 1,
        run.first + run.width,
        plan.empty_lines * per_line,
    );
    let mut message = if photo_deep(run) {
        t!(
            "page-not-filled-here",
            lines = plan.empty_lines,
            first = first,
            last = last,
            depth = run.depth,
            chars = chars,
            width = run.width
        )
    } else {
        t!(
            "page-not-filled-text",
            lines = plan.empty_lines,
            first = first,
            last = last,
            depth = run.depth,
            chars = chars,
            width = run.width
        )
    };
    // Where that advice does not reach.
    for other in runs[1..].iter().filter(|r| photo_deep(r)) {
        message += &t!(
            "page-not-filled-also",
            first = other.first + 1,
            last = other.first + other.width,
            width = other.width,
            depth = other.depth
        );
    }
    message
}

/// Columns side by side that end at the same line short of the foot.
#[derive(Debug, PartialEq)]
struct Run {
    first: u32,
    width: u32,
    depth: u32,
}

/// The runs of columns ending short, the one with the most empty lines (columns × depth)
/// first.
fn short_runs(bottoms: &[u32], foot: u32) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (c, &bottom) in bottoms.iter().enumerate() {
        let depth = foot.saturating_sub(bottom);
        match runs.last_mut() {
            Some(run) if run.depth == depth && run.first + run.width == c as u32 => run.width += 1,
            _ => runs.push(Run {
                first: c as u32,
                width: 1,
                depth,
            }),
        }
    }
    runs.retain(|r| r.depth > 0);
    runs.sort_by_key(|r| (std::cmp::Reverse(r.width * r.depth), r.first));
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_runs_are_found_the_emptiest_first() {
        // Columns 5-8 end 10 lines short, column 2 three lines short.
        let bottoms = [107, 104, 107, 107, 97, 97, 97, 97];
        assert_eq!(
            short_runs(&bottoms, 107),
            [
                Run {
                    first: 4,
                    width: 4,
                    depth: 10
                },
                Run {
                    first: 1,
                    width: 1,
                    depth: 3
                }
            ]
        );
        assert_eq!(short_runs(&[107; 8], 107), []);
    }
}
