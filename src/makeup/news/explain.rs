//! The news make-up in words for the desk: each story's rectangle, how it is set, and why
//! (its rank); what found no place.

use super::{Module, NewsMeasures, NewsPlan};
use crate::content::t;
use crate::makeup::news::StoryKind;

pub fn explain(plan: &NewsPlan, m: &NewsMeasures) -> Vec<String> {
    let mut out = vec![t!(
        "news-makeup",
        stories = plan.modules.len(),
        columns = m.columns,
        lines = m.lines
    )];
    let mut modules: Vec<&Module> = plan.modules.iter().collect();
    modules.sort_by_key(|module| (module.line, module.column));
    for module in modules {
        out.push(describe(module, m));
    }
    for left in &plan.left_out {
        out.push(t!(
            "news-left-out",
            story = left.id.as_str(),
            columns = left.width,
            lines = left.lines
        ));
    }
    if plan.empty_lines > 0 {
        out.push(t!("news-empty-foot", lines = plan.empty_lines));
    }
    out
}

fn describe(module: &Module, m: &NewsMeasures) -> String {
    let story = &m.stories[module.story];
    let role = match (story.kind, story.rank) {
        (StoryKind::Briefs, _) => "briefs",
        (StoryKind::Photo, _) => "photo",
        (_, 0) => "lead",
        (_, 1) => "second",
        _ => "rank",
    };
    let mut parts = vec![t!(
        "news-module",
        story = module.id.as_str(),
        role = t!("news-role", role = role, rank = story.rank + 1),
        first = module.column + 1,
        last = module.column + module.width,
        top = module.line + 1,
        bottom = module.line + module.lines,
        width = module.width,
        height = module.lines
    )];
    if let Some(turn) = module.turn {
        parts.push(t!(
            "news-turn",
            start = module.column + 1,
            last = module.column + turn.left,
            headed = turn.left,
            turned = module.width - turn.left,
            first = module.column + turn.left + 1,
            end = module.column + module.width,
            line = module.line + turn.step + 1
        ));
    }
    if story.kind != StoryKind::Briefs {
        parts.push(t!(
            "news-headline",
            size = module.size.to_string(),
            lines = module.head_lines
        ));
    }
    if module.legs > 0 {
        parts.push(t!(
            "news-legs",
            legs = module.legs,
            columns = module.leg_cols,
            lines = module.body_lines,
            empty = module.empty
        ));
    }
    for photo in &module.photos {
        let place = match photo.index {
            0 if module.across => "across",
            0 if module.corner > 0 => "corner",
            _ => "leg",
        };
        parts.push(t!(
            "news-photo",
            n = photo.index + 1,
            place = place,
            legs = module.corner,
            lines = photo.picture_lines,
            cut = format!("{:.0}", cut(photo) * 100.0)
        ));
    }
    if let (Some(jump), Some(to)) = (&module.jump, m.stories[module.story].jump_to) {
        parts.push(t!(
            "news-jump",
            line = jump.cut.lines,
            paragraph = jump.cut.paragraph + 1,
            lines = jump.jumped,
            to = to
        ));
    }
    parts.join(&t!("list-separator"))
}

/// The share of a photo its box cuts away, across or down.
fn cut(photo: &crate::makeup::PhotoPlan) -> f64 {
    let (w, h) = photo.drawn;
    (1.0 - photo.width / w).max(1.0 - photo.height / h).max(0.0)
}
