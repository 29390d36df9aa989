//! What the lead band leaves over the body's stacks: where each stack's column starts under
//! it (`tops`, stepping under a short column, `steps`), and the white it leaves there
//! (`white`, as preflight sees it `seen_white`, the holes it makes `flaws`).

use super::LeadChoice;
use crate::makeup::{HOLE_LINES, LeadPlan, Measures};

/// The lead's photo across the type area, pt from its left edge, and its grid lines; the
/// lead's text stands left of it.
fn photo_span(m: &Measures, lead: &LeadPlan) -> Option<(f64, u32)> {
    let photo = lead.photo.as_ref()?;
    Some((
        m.full_width - photo.width,
        photo.picture_lines + photo.caption_lines,
    ))
}

/// Grid lines of white over the stacks of grid `g` that stand, under a stepped band, partly
/// under the lead's photo and partly under its last column alone (its columns need not stand
/// on the stacks' gutters) where that ends short: the stack's column starts under the text's
/// foot, and between it and both the photo and that last column nothing stands. Two lines
/// are a hole (the column's head brings its own white over it).
pub fn holes(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    let Some(lead) = lead.map(|l| &l.plan).filter(|l| l.stepped && l.columns > 1) else {
        return 0;
    };
    let Some((left, photo)) = photo_span(m, lead) else {
        return 0;
    };
    let last_left = f64::from(lead.columns - 1) * (lead.text_width + m.gutter);
    m.stack_edges(g)
        .into_iter()
        .filter(|&stack| under(m, stack, left) == (true, true) && stack.0 > last_left - m.gutter)
        .map(|_| lead.text_grid.saturating_sub(photo.max(lead.last_grid)))
        .filter(|&white| white >= 2)
        .sum()
}

/// Whether a stack from `x0` to `x1` stands under the lead's text and under its photo, whose
/// left edge is at `left`.
fn under(m: &Measures, (x0, x1): (f64, f64), left: f64) -> (bool, bool) {
    (x0 < left - m.gutter - 0.5, x1 > left + 0.5)
}

/// For each grid, the line each stack's column starts at: under a level lead band, its foot;
/// under a stepped one, the lead's text or its photo and caption, whichever the stack stands
/// under (the lower where it stands under both); under a lead's column that ends short of the
/// band by more than the house lets pass, right under its text (`steps`). 0 without a lead.
pub fn tops(m: &Measures, lead: Option<&LeadPlan>) -> Vec<Vec<u32>> {
    (0..m.grids.len())
        .map(|g| {
            let steps = lead.map(|lead| steps(m, lead, g)).unwrap_or_default();
            m.stack_edges(g)
                .into_iter()
                .enumerate()
                .map(|(i, stack)| match lead {
                    None => 0,
                    Some(_) if let Some(step) = steps.iter().find(|s| s.stacks.contains(&i)) => {
                        step.top
                    }
                    Some(lead) if !lead.stepped => lead.lines,
                    Some(lead) => match photo_span(m, lead) {
                        Some((left, photo)) => match under(m, stack, left) {
                            (true, true) => photo.max(lead.text_grid),
                            (false, true) => photo,
                            _ => lead.text_grid,
                        },
                        None => lead.text_grid,
                    },
                })
                .collect()
        })
        .collect()
}

/// For each grid, whether each stack's column starts right under the lead's photo and its
/// caption (within a line of the caption's foot: a stack under the photo, the band stepped or
/// level), and so a photo opening it stands under that photo's caption.
pub fn under_photo(m: &Measures, lead: Option<&LeadPlan>) -> Vec<Vec<bool>> {
    let tops = tops(m, lead);
    (0..m.grids.len())
        .map(|g| {
            m.stack_edges(g)
                .into_iter()
                .enumerate()
                .map(|(i, stack)| {
                    lead.and_then(|lead| photo_span(m, lead))
                        .is_some_and(|(left, photo)| {
                            under(m, stack, left).1 && tops[g][i] <= photo + 1
                        })
                })
                .collect()
        })
        .collect()
}

/// A lead's column whose stacks start right under its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub column: usize,
    pub stacks: std::ops::Range<usize>,
    pub top: u32,
}

/// The lead's columns under which the body's columns start right under the lead's text, where
/// that column ends two lines or more short of the band (with the white a head brings over
/// its rule, the variants' gate sees 3 as a hole), under a stepped band or a lead across the
/// page: the
/// lead's columns stand over the body's stacks, each as wide as a whole number of them, on
/// the same gutters, left of the photo, so the body's columns continue right under the lead's
/// text, as the stepped band's columns do under the rest of it. (A line short stays the
/// band's, as any text's last column ends short.)
pub fn steps(m: &Measures, lead: &LeadPlan, g: usize) -> Vec<Step> {
    let Some(grid) = m.grids.get(g) else {
        return Vec::new();
    };
    let stacks = m.stack_edges(g);
    let gutter = stacks.get(1).map_or(m.gutter, |s| s.0 - stacks[0].1);
    // Stacks each column spans.
    let span = ((lead.text_width + gutter) / (grid.width + gutter)).round() as usize;
    let aligned = span >= 1
        && (lead.text_width - (span as f64 * grid.width + (span as f64 - 1.0) * gutter)).abs()
            < 0.5
        && (gutter - m.gutter).abs() < 0.5;
    // A level band beside a photo stays level: its rule notched under one column would read
    // as a stepped band gone wrong (the stepped one is the search's other choice).
    let level_beside_photo = lead.photo.is_some() && !lead.stepped;
    if lead.text_lines == 0 || !aligned || level_beside_photo {
        return Vec::new();
    }
    let photo_left = photo_span(m, lead).map(|(left, _)| left);
    (0..lead.columns as usize)
        .filter_map(|column| {
            let under_it = column * span..(column + 1) * span;
            let beside_photo = photo_left.is_some_and(|left| {
                stacks
                    .get(under_it.clone())
                    .is_none_or(|s| s.iter().any(|&stack| under(m, stack, left).1))
            });
            let grid_lines = *lead.column_grids.get(column)?;
            (under_it.end <= stacks.len() && !beside_photo && lead.text_grid > grid_lines + 1)
                .then_some(Step {
                    column,
                    stacks: under_it,
                    top: grid_lines,
                })
        })
        .collect()
}

/// Grid lines of white the lead band leaves over the stacks of grid `g`, a stack's each: under
/// a level band, between the shorter side (its text or its photo and caption) and the band's
/// foot, where the body's columns start; under a stepped one, over a stack that stands under
/// both, between the higher side and the lower, where its column starts. Under a lead's
/// column that ends short, the lines it ends short by too, unless its stacks start right
/// under it (`steps`). Over a stack under the lead's text a line passes: the lead's pitch is a
/// grid line and a half, so its columns end between grid lines, never exactly on one.
pub fn white(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    let Some(lead) = lead.map(|l| &l.plan) else {
        return 0;
    };
    white_over_stacks(m, lead, g)
        .into_iter()
        .map(|(white, side)| white.saturating_sub(u32::from(side == Side::Text)))
        .sum()
}

/// Grid lines of white over each stack of grid `g`, left to right, as preflight sees them
/// (none without a lead): `white_over_stacks`' lines, under the photo alone with the space
/// under its caption, which its caption's lines count.
pub fn seen_white(m: &Measures, lead: Option<&LeadPlan>, g: usize) -> Vec<u32> {
    let Some(lead) = lead else {
        return Vec::new();
    };
    white_over_stacks(m, lead, g)
        .into_iter()
        .map(|(white, side)| white + u32::from(side == Side::Photo && white > 0))
        .collect()
}

/// Grid lines of a stack that stands partly under a lead photo with no lead text beside it:
/// its column starts under the photo, and the part of it the photo leaves bare holds nothing
/// at all over it, a block of white beside the photo no column can fill (a portrait three
/// basic columns wide over a grid of two-column stacks). As good as forbidden.
pub fn bare(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    let Some(lead) = lead.map(|l| &l.plan).filter(|l| l.text_lines == 0) else {
        return 0;
    };
    let Some((left, photo)) = photo_span(m, lead) else {
        return 0;
    };
    m.stack_edges(g)
        .into_iter()
        .filter(|&stack| under(m, stack, left) == (true, true))
        .map(|_| photo)
        .sum()
}

/// Stacks of grid `g` the lead band leaves a hole over, as preflight sees one: `HOLE_LINES`
/// of white or more over a stack (`white`), a photo's white beside a short last column
/// (`holes`), a stack left bare beside a photo (`bare`). A page with any is never made up.
pub fn flaws(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    let white = seen_white(m, lead.map(|l| &l.plan), g)
        .into_iter()
        .filter(|&white| white >= HOLE_LINES)
        .count() as u32;
    white + u32::from(holes(m, lead, g) > 0) + u32::from(bare(m, lead, g) > 0)
}

/// Lines of white the lead band leaves over stacks where they make a hole as preflight sees
/// one (`seen_white`, `HOLE_LINES` or more over a stack): white a short page must not hide
/// under its lead, where the columns' feet would show it.
pub fn hole_lines(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    seen_white(m, lead.map(|l| &l.plan), g)
        .into_iter()
        .filter(|&white| white >= HOLE_LINES)
        .sum()
}

/// What a stack stands under in the lead band.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    /// The lead's text alone.
    Text,
    /// The lead's photo alone.
    Photo,
    /// Both, or neither.
    Other,
}

/// `white` over each stack before the line that passes, and what the stack stands under.
fn white_over_stacks(m: &Measures, lead: &LeadPlan, g: usize) -> Vec<(u32, Side)> {
    let steps = steps(m, lead, g);
    let gutter = m.gutter;
    // Lines the lead's columns over a stack end short of its text's foot: the shortest's.
    let short = |i: usize, (x0, x1): (f64, f64)| {
        if steps.iter().any(|s| s.stacks.contains(&i)) {
            return 0;
        }
        lead.column_grids
            .iter()
            .enumerate()
            .filter(|&(c, _)| {
                let left = m.lead_column_left(lead, c as u32);
                x1.min(left + lead.text_width) - x0.max(left) > 0.5
            })
            .map(|(_, &grid_lines)| lead.text_grid.saturating_sub(grid_lines))
            .max()
            .unwrap_or(0)
    };
    let text_right = f64::from(lead.columns) * lead.text_width
        + f64::from(lead.columns.saturating_sub(1)) * gutter;
    let Some((left, photo)) = photo_span(m, lead) else {
        return m
            .stack_edges(g)
            .into_iter()
            .enumerate()
            .map(|(i, stack)| (short(i, stack), Side::Text))
            .collect();
    };
    m.stack_edges(g)
        .into_iter()
        .enumerate()
        .map(|(i, stack)| {
            let (under_text, under_photo) = under(m, stack, left);
            let white = match ((under_text, under_photo), lead.stepped) {
                // (Where the text does not reach into the stack but by a gutter's strip, as a
                // stack by the fold of a spread reaching under the photo on the other page:
                // nothing is bare. A stack the text covers a quarter of, beside a photo that
                // ends lower, is: 25 mm of white over it on a reviewer's page.)
                ((true, true), _) if text_right - stack.0 < 2.0 * gutter => 0,
                ((true, true), _) => photo.abs_diff(lead.text_grid),
                (_, true) => short(i, stack),
                ((true, false), false) => {
                    lead.lines - lead.text_grid.min(lead.lines) + short(i, stack)
                }
                ((false, true), false) => lead.lines - photo.min(lead.lines),
                ((false, false), false) => 0,
            };
            let side = match (under_text, under_photo) {
                (true, false) => Side::Text,
                (false, true) => Side::Photo,
                _ => Side::Other,
            };
            (white, side)
        })
        .collect()
}
