//! The news make-up in words for the desk: each story's rectangle, how it is set, and why
//! (its rank); what found no place.

use super::{Module, NewsMeasures, NewsPlan};
use crate::makeup::news::StoryKind;

pub fn explain(plan: &NewsPlan, m: &NewsMeasures) -> Vec<String> {
    let mut out = vec![format!(
        "news make-up: {} stories in rectangles on {} columns × {} lines, by rank from the top left",
        plan.modules.len(),
        m.columns,
        m.lines
    )];
    let mut modules: Vec<&Module> = plan.modules.iter().collect();
    modules.sort_by_key(|module| (module.line, module.column));
    for module in modules {
        out.push(describe(module, m));
    }
    for left in &plan.left_out {
        out.push(format!(
            "{}: no place on the page with the stories above it; it needs at least {} × {} (columns × lines)",
            left.id, left.width, left.lines
        ));
    }
    if plan.empty_lines > 0 {
        out.push(format!(
            "{} lines of column left empty at the foot: the stories are too short to fill the page",
            plan.empty_lines
        ));
    }
    out
}

fn describe(module: &Module, m: &NewsMeasures) -> String {
    let story = &m.stories[module.story];
    let role = match (story.kind, story.rank) {
        (StoryKind::Briefs, _) => "brief column".to_string(),
        (StoryKind::Photo, _) => "photo news".to_string(),
        (_, 0) => "lead story (头条)".to_string(),
        (_, 1) => "second story (二条)".to_string(),
        (_, r) => format!("rank {}", r + 1),
    };
    let mut parts = vec![format!(
        "{} ({role}): columns {}–{}, lines {}–{} ({} × {})",
        module.id,
        module.column + 1,
        module.column + module.width,
        module.line + 1,
        module.line + module.lines,
        module.width,
        module.lines
    )];
    if story.kind != StoryKind::Briefs {
        parts.push(format!(
            "headline {} pt in {} lines",
            module.size, module.head_lines
        ));
    }
    if module.legs > 0 {
        parts.push(format!(
            "{} leg{} of {} column{} × {} lines{}",
            module.legs,
            if module.legs == 1 { "" } else { "s" },
            module.leg_cols,
            if module.leg_cols == 1 { "" } else { "s" },
            module.body_lines,
            if module.empty > 0 {
                format!(" ({} empty at the feet)", module.empty)
            } else {
                String::new()
            }
        ));
    }
    for photo in &module.photos {
        let place = if photo.index == 0 && module.across {
            "across it"
        } else {
            "in a leg"
        };
        parts.push(format!(
            "photo {} {place}, {} lines, {:.0} % cut",
            photo.index + 1,
            photo.picture_lines,
            cut(photo) * 100.0
        ));
    }
    if let (Some(jump), Some(to)) = (&module.jump, m.stories[module.story].jump_to) {
        parts.push(format!(
            "jumps after line {} of paragraph {}: {} lines continue on page {to}",
            jump.cut.lines,
            jump.cut.paragraph + 1,
            jump.jumped
        ));
    }
    parts.join(", ")
}

/// The share of a photo its box cuts away, across or down.
fn cut(photo: &crate::makeup::PhotoPlan) -> f64 {
    let (w, h) = photo.drawn;
    (1.0 - photo.width / w).max(1.0 - photo.height / h).max(0.0)
}
